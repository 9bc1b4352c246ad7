"""case_documents, import_provenance: the papers Nav sends, and where each imported fact came from

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 13:00:00.000000

Issue 16: the jurist uploads the oversendelse (PDFs); each document is kept (bytes, SHA-256, pages, class,
what the reader found) in ``case_documents`` — ``case_id`` NULL until the import from them creates the case,
the documents of one upload sharing an opaque ``intake`` token. ``import_provenance`` keeps, per field of the
import, whether it was extracted (document, page, line), corrected or typed (``workbench/db/document_models.py``).
"""
from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('case_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('intake', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('doc_class', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('extracted', sa.JSON(), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_documents_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_documents_intake'), ['intake'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_documents_public_id'), ['public_id'], unique=True)

    op.create_table('import_provenance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_provenance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_provenance_case_id'), ['case_id'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('import_provenance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_provenance_case_id'))

    op.drop_table('import_provenance')
    with op.batch_alter_table('case_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_documents_public_id'))
        batch_op.drop_index(batch_op.f('ix_case_documents_intake'))
        batch_op.drop_index(batch_op.f('ix_case_documents_case_id'))

    op.drop_table('case_documents')
