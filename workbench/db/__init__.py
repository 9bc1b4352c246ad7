"""Where a case is stored: SQLModel tables (``models``: import, users, audit; ``appeal_models``: the
review, the letter, the archive chain; ``side_letter_models``: the journal of side letters), engine and
sessions (``session``), Alembic glue (``migrate``).
The tables are separate from the import/evaluation schemas: a row keeps the document as submitted
and as parsed, never a Python object of the rules.

Importing any of ``workbench.db`` runs this first, and it loads both table modules, so every table is
registered on the metadata wherever the models are used (Alembic env, the app, the tests);
``appeal_models`` imports ``models``, never the other way round.
"""

from workbench.db import appeal_models, dispatch_models, document_models, models, search_models, side_letter_models  # noqa: F401  (registers every table)
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
