"""Helpers for the appeal-side tests (issue 5): the domain cases, a parser and an evaluator.

(A uniquely named module, not ``conftest``, so that ``from appeal_support import …`` can never pick up
another directory's conftest.)

The real importer (``workbench.formats.import_format.parse_document``) and evaluation service
(``workbench.services.evaluation.evaluate_document``) are used when they exist. Until then (and as a
cross-check) a small test-only builder turns a document into a ``NavDecision`` and the evaluation is
read from ``docs/cases/expected/<name>.json`` — the contract both must meet.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from workbench.law import model as m
from workbench.law.periode import Periode

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
EXPECTED = CASES / "expected"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.json"))


def load_doc(name: str) -> dict:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def load_expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def expected_record(name: str):
    """The expected evaluation of a case, read as the app reads a stored one (an ``EvaluationRecord``)."""
    from workbench.formats.evaluation_json import read_evaluation

    return read_evaluation(load_expected(name))


def _d(v):
    return None if v is None else date.fromisoformat(str(v))


def _p(o):
    return Periode(_d(o["from"]), _d(o["to"]))


def build_decision(doc: dict) -> m.NavDecision:
    """Test-only document → NavDecision (no validation; the importer validates)."""
    dec = doc["decision"]
    part = doc["participant"]
    rep = doc.get("representative")
    prog = doc["programme"]
    ap = doc["appeal"]
    addr = part.get("address")
    return m.NavDecision(
        nav_office=m.NavOffice(doc["nav_office"]["name"], doc["nav_office"].get("unit_number")),
        decision=m.Decision(
            reference=dec["reference"], date=_d(dec["date"]), kind=m.DecisionKind(dec["kind"]),
            hjemler=tuple(dec.get("hjemler") or ()), reasons=dec.get("reasons"),
            notice_received=_d(dec.get("notice_received")), absence_reservation=dec.get("absence_reservation"),
        ),
        participant=m.Participant(
            name=part["name"], fnr=part["fnr"], birth_date=_d(part["birth_date"]),
            address=m.Address(**addr) if addr else None, language=part.get("language"),
        ),
        representative=None if not rep else m.Representative(
            name=rep["name"], kind=m.RepresentativeKind(rep["kind"]),
            address=json.dumps(rep.get("address"), default=str) if rep.get("address") else None),
        programme=m.Programme(
            periode=_p(prog),
            hours_per_week=None if prog.get("hours_per_week") is None else Decimal(str(prog["hours_per_week"])),
            first_start=_d(prog.get("first_start")),
        ),
        children=tuple(
            m.Child(birth_date=_d(c["birth_date"]),
                    periode=Periode(_d(c.get("from")) or date.min, _d(c.get("to")) or date.max)
                    if (c.get("from") or c.get("to")) else None,
                    foster=bool(c.get("foster", False)))
            for c in doc.get("children") or ()
        ),
        work=tuple(m.Work(_p(w), Decimal(str(w["hours"])), m.WorkKind(w["kind"]), w.get("note"))
                   for w in doc.get("work") or ()),
        absence=tuple(m.Absence(_d(a["date"]), Decimal(str(a["hours"])), bool(a["valid"]), a.get("reason"))
                      for a in doc.get("absence") or ()),
        leave_without_stonad=tuple(
            m.LeaveWithoutStonad(_p(x), x["reason"], m.LeaveKind(x["kind"]) if x.get("kind") else None)
            for x in doc.get("leave_without_stonad") or ()),
        ferie=tuple(m.Ferie(_p(x), x.get("note")) for x in doc.get("ferie") or ()),
        benefits=tuple(m.Benefit(m.BenefitKind(b["kind"]), _p(b), Decimal(str(b["daily_amount"])))
                       for b in doc.get("benefits") or ()),
        payments=tuple(
            m.Payment(periode=_p(p), net=Decimal(str(p["net"])),
                      gross=None if p.get("gross") is None else Decimal(str(p["gross"])),
                      deductions=tuple(m.Deduction(m.DeductionKind(x["kind"]), Decimal(str(x["amount"])),
                                                   x.get("hjemmel"), x.get("note"))
                                       for x in p.get("deductions") or ()))
            for p in doc["payments"]
        ),
        appeal=m.Appeal(
            sent=_d(ap["sent"]), by=m.AppealBy(ap["by"]), arguments=tuple(ap["arguments"]),
            received=_d(ap.get("received")), signed=ap.get("signed", True), forwarded=_d(ap.get("forwarded")),
            nav_statement=ap.get("nav_statement"), requested_reasons=_d(ap.get("requested_reasons")),
            reasons_received=_d(ap.get("reasons_received")),
            statsforvalteren_received=_d(ap.get("statsforvalteren_received")),
        ),
    )


def real_parse():
    try:
        from workbench.formats.import_format import parse_document  # noqa: PLC0415
    except ImportError:
        return None
    return parse_document


def real_evaluate():
    try:
        from workbench.services.evaluation import evaluate_document  # noqa: PLC0415
    except ImportError:
        return None
    return evaluate_document


def expected_evaluator(name: str):
    """An ``evaluate_document``-shaped callable that answers with the expected file."""

    def evaluate(doc, *, parameters=None, today=None):  # noqa: ARG001
        return copy.deepcopy(load_expected(name))

    return evaluate


def parse_any(doc: dict) -> m.NavDecision:
    """The real importer when it is available and accepts the document, else the test builder."""
    parse = real_parse()
    if parse is not None:
        try:
            return parse(copy.deepcopy(doc))
        except Exception:  # noqa: BLE001 — importer still in progress; the builder is the fallback
            pass
    return build_decision(doc)


def evaluator_for(name: str):
    """The real evaluation service when it exists (acceptance: the result holds the expected
    differences), else the expected file."""
    return real_evaluate() or expected_evaluator(name)


def variant(name: str, **changes) -> dict:
    """A copy of a case document with dotted-path changes: ``variant("D01", **{"appeal.sent": "2025-01-01"})``."""
    doc = copy.deepcopy(load_doc(name))
    for path, value in changes.items():
        node = doc
        *parents, last = path.split(".")
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return doc
