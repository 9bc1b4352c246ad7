"""Import of a contested decision: JSON upload and the hand-entry form. Both build the import
document and go through the one validation in ``services.cases.import_document``."""

from workbench.web.imports.routes import bp

__all__ = ["bp"]
