"""cases: the written standard chosen at intake, and the Nav office's county confirmed by the jurist

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 10:00:00.000000

``cases.language`` (nb | nn, not null): the written standard of the case, chosen when it starts
(issue 12). Existing cases get the language of their letter where one is written (the jurist may have
chosen it there), else the import document's ``participant.language``, else nb.

``cases.office_county`` (two digits, nullable): the Nav office's county as the jurist confirmed it
at intake, where the import has no unit number (competence, ``workbench/appeal/competence.py``).
Existing cases start without one; a case whose import has a unit number never needs it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

LANGS = ("nb", "nn")


def _backfill_languages() -> None:
    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("language", sa.String))
    imported = sa.table("imported_decisions", sa.column("case_id", sa.Integer), sa.column("parsed", sa.JSON))
    letters = sa.table("letters", sa.column("case_id", sa.Integer), sa.column("language", sa.String))
    chosen: dict[int, str] = {}
    for case_id, parsed in bind.execute(sa.select(imported.c.case_id, imported.c.parsed)):
        lang = ((parsed or {}).get("participant") or {}).get("language") if isinstance(parsed, dict) else None
        if lang in LANGS:
            chosen[case_id] = lang
    for case_id, lang in bind.execute(sa.select(letters.c.case_id, letters.c.language)):
        if lang in LANGS:
            chosen[case_id] = lang
    for lang in LANGS:
        ids = sorted(case_id for case_id, value in chosen.items() if value == lang)
        for start in range(0, len(ids), 500):
            bind.execute(sa.update(cases).where(cases.c.id.in_(ids[start:start + 500])).values(language=lang))


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False,
                                      server_default='nb'))
        batch_op.add_column(sa.Column('office_county', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True))
    _backfill_languages()


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('office_county')
        batch_op.drop_column('language')
