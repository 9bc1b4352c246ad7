"""archive integrity: the signed hash chain of finished cases' documents

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00.000000

``archive_chain``: one link per finalised case (the SHA-256 of each of its documents, the previous
link's hash, the link's own hash and its HMAC under KLAGEBENK_ARCHIVE_KEY); ``archive_chain_head``:
the newest link, signed (``workbench/services/integrity.py``). Both start empty: the key is not in
the database, so a migration cannot sign anything. Cases finalised before this revision are sealed
with ``workbench archive seal`` (it checks each letter against its stored SHA-256 first); until then
``workbench archive verify`` names them and their downloads are refused.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('archive_chain',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('entry_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('mac', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_hash')
    )
    with op.batch_alter_table('archive_chain', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_archive_chain_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_chain_seq'), ['seq'], unique=True)

    op.create_table('archive_chain_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('entry_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('mac', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('archive_chain_head')
    with op.batch_alter_table('archive_chain', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_archive_chain_seq'))
        batch_op.drop_index(batch_op.f('ix_archive_chain_case_id'))

    op.drop_table('archive_chain')
