"""cases: the received date may be unknown until registered; «på vent»; facts added and removed in review

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 09:00:00.000000

Issue 13, «the clock is wrong»: where the import carried no received date, the import day was stored
silently and every deadline counted from it. Now the received date is given at intake or registered on the
case page before the case can be started (``services/cases.locked_update``); until then it is NULL and no
page shows a deadline computed from a guess. Existing cases keep the date they have.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.alter_column('received', existing_type=sa.Date(), nullable=True)
        batch_op.add_column(sa.Column('waiting_reason', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('waiting_until', sa.Date(), nullable=True))
        batch_op.create_index('ix_cases_waiting_until', ['waiting_until'])
        batch_op.create_index('ix_cases_received', ['received'])
    with op.batch_alter_table('fact_corrections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('op', sa.String(length=10), nullable=False, server_default='change'))
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=True))


def downgrade() -> None:
    # a case still without a received date gets the day it was registered, as before this revision
    with op.batch_alter_table('fact_corrections', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('op')
    op.execute("UPDATE cases SET received = CAST(created_at AS DATE) WHERE received IS NULL")
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_received')
        batch_op.drop_index('ix_cases_waiting_until')
        batch_op.drop_column('waiting_until')
        batch_op.drop_column('waiting_reason')
        batch_op.alter_column('received', existing_type=sa.Date(), nullable=False)
