"""ix_letters_decided: the decided cases of a year by their decision date (issue 17, processing time)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 17:10:00.000000

The processing-time figures (``services/oversight.py``) count the cases decided in a year by the date of their
vedtak (``letters.our_date``) and join each to its case for the received date. Without an index the database
reads every letter row — on SQLite each with its frozen PDF beside it, 3 GB at 100 000 cases. With
(status, our_date, case_id) a year is a range of one index, and the case id comes from it too.
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0013'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index('ix_letters_decided', ['status', 'our_date', 'case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index('ix_letters_decided')
