"""The side letters of a case (issue 13): foreløpig svar and forsinkelsesmelding (fvl. § 11 a), the request
to Nav for documents, the fvl. § 34 varsel — each previewed, then made and journalled."""

from workbench.web.side_letters.routes import bp

__all__ = ["bp"]
