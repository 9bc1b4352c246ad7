"""cases: the receipt check at intake (mottakskontroll)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 09:15:00.000000

Issue 13, intake: when the case arrives the jurist checks it — are Nav's documents complete, is it a
hastesak, has the claimant asked for utsatt iverksetting (forvaltningsloven § 42)? Each answer is NULL
until the check is made; ``receipt_checked_at``/``receipt_checked_by_id`` say when and by whom.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('documents_complete', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('urgent', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('deferred_execution_requested', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('receipt_checked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('receipt_checked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_cases_receipt_checked_by_id_users', 'users', ['receipt_checked_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint('fk_cases_receipt_checked_by_id_users', type_='foreignkey')
        batch_op.drop_column('receipt_checked_by_id')
        batch_op.drop_column('receipt_checked_at')
        batch_op.drop_column('deferred_execution_requested')
        batch_op.drop_column('urgent')
        batch_op.drop_column('documents_complete')
