"""The decision letter (issue 6): section model, rendering to PDF/A, checks and the finalize gate.

    from workbench.letters.model import LetterInput, Signers, DiscretionAnswer, build_letter
    from workbench.letters.render import render_html, render_pdf
    from workbench.letters.pdfa import check_pdfa, extract_text
    from workbench.letters.consistency import check_consistency
    from workbench.letters.gate import finalize_problems

Importing this package does not import WeasyPrint or Flask; ``render`` loads WeasyPrint on first use.
"""
