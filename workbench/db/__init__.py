"""Where a case is stored: SQLModel tables (``models``), engine and sessions (``session``),
Alembic glue (``migrate``). The tables are separate from the import/evaluation schemas: a row keeps
the document as submitted and as parsed, never a Python object of the rules."""

from workbench.db.models import (  # noqa: F401
    ApiToken,
    AuditEvent,
    Case,
    CaseStatus,
    Evaluation,
    ImportedDecision,
    Role,
    User,
)
