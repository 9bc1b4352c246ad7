"""archive_search: the archive's search index in the database; indexes for every list's filter and sort

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:00:00.000000

Issue 15, «100 000 cases»: the archive search loaded every finished case, its letter (PDF bytes included) and
its review into Python and matched text there. Now one row per finished case (``archive_search``,
``workbench/db/search_models.py``) holds what is searched, and the database's own full-text index covers its
token columns:

- SQLite: an FTS5 table over the four token columns with ``archive_search`` as its external content (the words
  are stored once), kept in step by three triggers;
- PostgreSQL: a generated ``tsvector`` column (configuration ``simple``: no stemming, no stop words; name,
  references, office and the other words weighted A–D so a term can be asked of one of them) with a GIN index.

The words are folded and split by the project before they reach either (``services/archive_index.tokens``), so
both databases are given the same words and find the same cases.

The rows for cases finished before this migration are written by ``workbench db upgrade`` after it (the
folding and the letter's text are the application's: ``archive_index.rebuild``), not here.

The lists: the working queues filter open cases by status and sort by the received date
(``ix_cases_status_received``); «Mine saker» adds the saksbehandler (``ix_cases_saksbehandler_status``); the
archive's «arkivert» date is read from the audit trail by case and action (``ix_audit_events_case_action``);
the «Returnert» queue asks the letters by status (``ix_letters_status``).
"""
from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKEN_COLUMNS = ("name_tokens", "reference_tokens", "office_tokens", "text_tokens")


def upgrade() -> None:
    op.create_table('archive_search',
    sa.Column('case_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=False),
    sa.Column('finalized_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('our_reference', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True),
    sa.Column('fnr', sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True),
    sa.Column('name_tokens', sa.Text(), server_default='', nullable=False),
    sa.Column('reference_tokens', sa.Text(), server_default='', nullable=False),
    sa.Column('office_tokens', sa.Text(), server_default='', nullable=False),
    sa.Column('text_tokens', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('archive_search', schema=None) as batch_op:
        batch_op.create_index('ix_archive_search_decision_order', ['decision_date', 'case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_search_finalized_at'), ['finalized_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_search_fnr'), ['fnr'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_search_our_reference'), ['our_reference'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_search_outcome'), ['outcome'], unique=False)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_status_received', ['status', 'received', 'id'], unique=False)
        batch_op.create_index('ix_cases_saksbehandler_status', ['saksbehandler_id', 'status', 'received'],
                              unique=False)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_case_action', ['case_id', 'action'], unique=False)
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index('ix_letters_status', ['status'], unique=False)

    columns = ", ".join(TOKEN_COLUMNS)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE VIRTUAL TABLE archive_search_fts USING fts5({columns}, content='archive_search', "
                   "content_rowid='case_id', tokenize='unicode61 remove_diacritics 0')")
        new = ", ".join(f"new.{c}" for c in TOKEN_COLUMNS)
        old = ", ".join(f"old.{c}" for c in TOKEN_COLUMNS)
        insert = f"INSERT INTO archive_search_fts(rowid, {columns}) VALUES (new.case_id, {new});"
        delete = (f"INSERT INTO archive_search_fts(archive_search_fts, rowid, {columns}) "
                  f"VALUES ('delete', old.case_id, {old});")
        op.execute(f"CREATE TRIGGER archive_search_ai AFTER INSERT ON archive_search BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER archive_search_ad AFTER DELETE ON archive_search BEGIN {delete} END")
        op.execute(f"CREATE TRIGGER archive_search_au AFTER UPDATE ON archive_search BEGIN {delete} {insert} END")
    else:
        weighted = " || ".join(f"setweight(to_tsvector('simple'::regconfig, {c}), '{w}')"
                               for c, w in zip(TOKEN_COLUMNS, "ABCD"))
        op.execute(f"ALTER TABLE archive_search ADD COLUMN document tsvector GENERATED ALWAYS AS ({weighted}) STORED")
        op.execute("CREATE INDEX ix_archive_search_document ON archive_search USING gin (document)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("archive_search_au", "archive_search_ad", "archive_search_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS archive_search_fts")
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index('ix_letters_status')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_case_action')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_saksbehandler_status')
        batch_op.drop_index('ix_cases_status_received')
    op.drop_table('archive_search')
