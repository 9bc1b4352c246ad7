"""the open cases' partial indexes: every working list in deadline order, the menu's counts from the index alone

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 15:40:00.000000

Issue 15: at 100 000 cases (85 % finished) «Alle saker»'s deep pages sorted the 15 000 open cases on every
request and the menu's queue counts read each open case's row. ``ix_cases_open_deadline`` holds the open cases
only, in the lists' order (``services/queues.DEADLINE_ORDER``: received date with the unknown first, then id),
with every column the queue filters read; ``ix_cases_open_assigned`` is «Mine saker»'s. The statuses are the
open ones of ``workbench/db/models.OPEN`` at this revision, written out: a later status is a later migration.
They replace the status indexes (``ix_cases_status``, 0001; ``ix_cases_status_received`` and
``ix_cases_saksbehandler_status``, 0010): without statistics (SQLite keeps none unless ANALYZE is run) SQLite
chose a status index, fetched the 15 000 open cases and sorted them — 190 ms for the last page at 100 000 cases,
2 ms through the partial index. No query needs the finished cases by status quickly: the archive has its own
table (``archive_search``).
"""
from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa


revision: str = '0012'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = ("mottatt", "under_behandling", "til_godkjenning")


def upgrade() -> None:
    is_open = sa.column("status").in_(OPEN)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_saksbehandler_status')
        batch_op.drop_index('ix_cases_status_received')
        batch_op.drop_index('ix_cases_status')
        batch_op.create_index('ix_cases_open_deadline', ['received', 'id', 'saksbehandler_id', 'status',
                                                         'forelopig_svar_sent', 'waiting_reason'],
                              unique=False, sqlite_where=is_open, postgresql_where=is_open,
                              postgresql_ops={"received": "NULLS FIRST"})
        batch_op.create_index('ix_cases_open_assigned', ['saksbehandler_id', 'received', 'id'], unique=False,
                              sqlite_where=is_open, postgresql_where=is_open,
                              postgresql_ops={"received": "NULLS FIRST"})


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_open_assigned')
        batch_op.drop_index('ix_cases_open_deadline')
        batch_op.create_index('ix_cases_saksbehandler_status', ['saksbehandler_id', 'status', 'received'],
                              unique=False)
        batch_op.create_index('ix_cases_status_received', ['status', 'received', 'id'], unique=False)
        batch_op.create_index('ix_cases_status', ['status'], unique=False)
