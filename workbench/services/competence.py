"""Competence at intake and at the finalize gate (appeals.md §11, issue 12): is the case's Nav office in the
area of the Statsforvalter this deployment is (``KLAGEBENK_EMBETE``, ``config.current_office().embete``)?

The county comes from the office's unit number in the document in force (``nav_office.unit_number``,
``workbench.appeal.competence``); where it gives none, from the county the jurist confirmed at intake
(``cases.office_county``, :func:`confirm_office_county`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from workbench.appeal import competence
from workbench.appeal.competence import CompetenceTable
from workbench.db.models import Case
from workbench.letters.model import Office
from workbench.services import audit
from workbench.services import cases as case_service
from workbench.services.transaction import transaction

#: The gate's field for a case outside this Statsforvalter's area.
FIELD = "competence"


class NotACounty(ValueError):
    """The county chosen is not one of today's counties in the table."""


def _table(table: CompetenceTable | None) -> CompetenceTable:
    if table is not None:
        return table
    from workbench.config import current_competence_table

    return current_competence_table()


def _office(document: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return (document or {}).get("nav_office") or {}


def competence_problems(case: Case, document: Mapping[str, Any] | None, office: Office,
                        table: CompetenceTable | None = None) -> list[tuple[str, str]]:
    """[("competence", reason)] when the configured office's embete may not decide the case, else []."""
    nav = _office(document)
    reason = competence.competence_problem(nav.get("unit_number"), case.office_county, office.embete,
                                           _table(table), office_name=nav.get("name") or case.nav_office)
    return [(FIELD, reason)] if reason else []


@dataclass(frozen=True)
class CompetenceView:
    """For the case page: where the office lies, whose it is, and what the jurist must do."""

    unit_number: str | None
    county: str | None  # county number
    county_label: str | None  # its name («Møre og Romsdal»; a legacy number says so)
    source: str | None  # "enhetsnummer" | "bekreftet" | None
    embete_name: str | None  # the embete the county belongs to
    own_name: str  # this deployment's embete
    problem: str | None  # why the case cannot be finalised here (None: it can)
    needs_confirmation: bool  # the unit number gives no county: the jurist confirms it
    choices: list[tuple[str, str]]  # (county number, name) for the select


def view(case: Case, document: Mapping[str, Any] | None, office: Office,
         table: CompetenceTable | None = None) -> CompetenceView:
    t = _table(table)
    nav = _office(document)
    unit = (nav.get("unit_number") or "").strip() or None
    county, source = competence.office_county(unit, case.office_county, t)
    found = t.county(county)
    belongs = competence.embete_for_county(county, t)
    own = t.embete(office.embete)
    problem = competence.competence_problem(unit, case.office_county, office.embete, t,
                                            office_name=nav.get("name") or case.nav_office)
    return CompetenceView(unit_number=unit, county=county, county_label=found.label() if found else None,
                          source=source, embete_name=belongs.name_nb if belongs else None,
                          own_name=own.name_nb if own else office.embete, problem=problem,
                          needs_confirmation=competence.county_of(unit, t) is None,
                          choices=t.county_choices())


def case_view(session: Session, case: Case, office: Office | None = None) -> CompetenceView:
    """``view`` of the case's document in force (after fact corrections), against the configured office."""
    from workbench.config import current_office
    from workbench.services import review_store

    return view(case, review_store.load_review(session, case).document, office or current_office())


def confirm_office_county(session: Session, case: Case, county: str, *, expected_version: int,
                          actor: audit.Actor, table: CompetenceTable | None = None) -> None:
    """The Nav office's county, confirmed by the jurist where the import has no (usable) unit number.
    Raises ``NotACounty`` or ``cases.StaleCase``. Commits."""
    t = _table(table)
    if county not in t.current:
        raise NotACounty("Velg fylket Nav-kontoret ligger i.")
    with transaction(session):
        case_service.locked_update(session, case, expected_version, office_county=county)
        audit.record(session, actor, "case.office_county", case_id=case.id, detail=f"county={county}")
