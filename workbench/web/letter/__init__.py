"""The decision letter pages (issue 6): edit with live preview, two-person approval, finalize, PDFs."""

from workbench.web.letter.routes import bp

__all__ = ["bp"]
