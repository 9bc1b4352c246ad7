"""outgoing_letters: the journalled side letters of a case (foreløpig svar, forsinkelsesmelding, request to
Nav, fvl. § 34 varsel)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 09:00:00.000000

Issue 13, «no side letters»: each side letter is produced from the decision letter's pipeline (PDF/A) and
journalled here with its kind, language, recipient, copy, promised or reply date, the PDF bytes and their
SHA-256 (``workbench/db/side_letter_models.py``). A new table only: existing rows are untouched, and
``cases.forelopig_svar_sent`` stays the field the deadline display reads.
"""
from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('outgoing_letters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('copy_to', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=True),
    sa.Column('our_reference', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('our_date', sa.Date(), nullable=False),
    sa.Column('promised_date', sa.Date(), nullable=True),
    sa.Column('reply_date', sa.Date(), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outgoing_letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_letters_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outgoing_letters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_letters_case_id'))
    op.drop_table('outgoing_letters')
