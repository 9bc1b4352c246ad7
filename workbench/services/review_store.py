"""What the jurist records while deciding an appeal (issue 5), stored per case.

* :func:`load_review` ``(session, case) -> ReviewState`` — the recorded answers (``rules.outcome.Recorded``),
  the answers to the claimant's arguments, the document now in force (after fact corrections) and the
  original import (never changed), the list of corrections, and ``case.version`` for the lock;
* :func:`current_review` ``(session, case, *, today) -> dict`` — ``services.review.review_document`` on
  the current document with what is recorded;
* :func:`reevaluate` — a new evaluation of the document in force (after fact corrections);
* :func:`save_recorded`, :func:`save_argument_answers`, :func:`correct_fact` — every write goes through
  the case lock (``cases.locked_update``): a stale ``expected_version`` raises
  :class:`workbench.services.cases.StaleCase` and nothing is written. Every write is audited with ids and
  field names only (``review.recorded``, ``review.argument_answered``, ``review.fact_corrected``).

A corrected fact is validated by the ONE import validation (``workbench.formats.import_format.parse_document``); on
error :class:`workbench.services.cases.InvalidDocument` is raised with the field errors and nothing is
stored. A good correction stores the corrected document in ``case_reviews.current_document``, a
``FactCorrection`` row and a new ``Evaluation`` row evaluated on the corrected document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench.db.appeal_models import CaseReview, FactCorrection
from workbench.db.models import Case, Evaluation, stored_id, utcnow
from workbench.appeal.outcome import Recorded
from workbench.services import audit
from workbench.services.cases import (
    FieldProblem,
    InvalidDocument,
    StaleCase,
    dumps_document,
    imported_for,
    locked_update,
    require_open,
    run_evaluation,
    validate,
)
from workbench.services.transaction import transaction

__all__ = [
    "ReviewState", "load_review", "current_review", "reevaluate", "save_recorded", "save_argument_answers",
    "correct_fact", "missing_argument_answers", "parse_path", "value_at", "coerce_value", "StaleCase",
    "InvalidDocument",
]


@dataclass(frozen=True)
class ReviewState:
    recorded: Recorded
    argument_answers: dict[int, str]
    document: dict  # the document in force: corrected, or as imported (numbers as Decimal)
    original_document: dict  # the import as submitted, never changed
    corrections: list[FactCorrection] = field(default_factory=list)
    version: int = 1

    @property
    def corrected(self) -> bool:
        return bool(self.corrections)


# --- documents in and out of JSON columns ------------------------------------------------------------

def _load(text: str) -> dict:
    from workbench.formats.import_format import load_document  # noqa: PLC0415

    return load_document(text)


def _to_column(doc: Any) -> Any:
    """Decimal → JSON number (exact: the shortest float repr reads back as the same Decimal)."""
    return json.loads(dumps_document(doc))


def _from_column(data: dict) -> dict:
    return _load(json.dumps(data, ensure_ascii=False))


def _review_row(session: Session, case: Case) -> CaseReview | None:
    return session.exec(select(CaseReview).where(CaseReview.case_id == case.id)).first()


def _corrections(session: Session, case: Case) -> list[FactCorrection]:
    return list(session.exec(select(FactCorrection).where(FactCorrection.case_id == case.id)
                             .order_by(col(FactCorrection.at), col(FactCorrection.id))))

# --- reading ---------------------------------------------------------------------------------------

def load_review(session: Session, case: Case) -> ReviewState:
    version = session.exec(select(Case.version).where(Case.id == case.id)).one()  # the lock, fresh
    row = _review_row(session, case)
    original = _load(imported_for(session, case).raw)
    document = _from_column(row.current_document) if row and row.current_document is not None else original
    answers = {int(a["index"]): str(a["answer"]) for a in (row.argument_answers if row else []) or []
               if a.get("answer")}
    return ReviewState(
        recorded=Recorded.from_json(row.recorded if row else None),
        argument_answers=answers,
        document=document,
        original_document=original,
        corrections=_corrections(session, case),
        version=version,
    )


def current_review(session: Session, case: Case, *, today: date) -> dict:
    from workbench.services.review import review_document  # noqa: PLC0415

    state = load_review(session, case)
    return review_document(state.document, today=today, recorded=state.recorded)


def reevaluate(session: Session, case: Case, *, actor: audit.Actor, today: date | None = None) -> Evaluation:
    """A new evaluation of the *current* facts: the import after the jurist's recorded fact corrections
    (the original import stays untouched beside it). Raises ``StaleCase`` on a closed case. Commits."""
    require_open(session, case)
    today = today or date.today()
    result, error = run_evaluation(load_review(session, case).document, today)
    with transaction(session):
        ev = Evaluation(case_id=stored_id(case), result=result, error=error, evaluated_on=today)
        session.add(ev)
        audit.record(session, actor, "case.evaluated", case_id=case.id)
    return ev


def missing_argument_answers(state: ReviewState) -> list[int]:
    """Indexes of the claimant's arguments without an answer (a letter needs them all)."""
    args = ((state.document.get("appeal") or {}).get("arguments")) or []
    return [i for i in range(len(args)) if not state.argument_answers.get(i, "").strip()]


# --- writing, under the lock -----------------------------------------------------------------------

def _upsert(session: Session, case: Case, actor: audit.Actor) -> CaseReview:
    row = _review_row(session, case)
    if row is None:
        row = CaseReview(case_id=stored_id(case), recorded={}, argument_answers=[])
    row.updated_at = utcnow()
    row.updated_by_id = actor.user_id
    session.add(row)
    return row


def save_recorded(session: Session, case: Case, recorded: Recorded, *, expected_version: int,
                  actor: audit.Actor) -> None:
    """Store what the jurist recorded (the whole ``Recorded``). Raises ``StaleCase``. Commits."""
    case_id = case.id
    with transaction(session):
        locked_update(session, case, expected_version)
        row = _upsert(session, case, actor)
        before = Recorded.from_json(row.recorded or None).to_json()
        after = recorded.to_json()
        changed = sorted(k for k in after if before.get(k) != after[k])
        row.recorded = after
        audit.record(session, actor, "review.recorded", case_id=case_id,
                     detail=("fields=" + ",".join(changed)) if changed else "unchanged")


def save_argument_answers(session: Session, case: Case, answers: dict[int, str], *,
                          expected_version: int, actor: audit.Actor) -> None:
    """Store the answers to the claimant's arguments (index → text; empty = no answer). Raises
    ``StaleCase``. Commits."""
    case_id = case.id
    with transaction(session):
        locked_update(session, case, expected_version)
        row = _upsert(session, case, actor)
        before = {int(a["index"]): a.get("answer") for a in row.argument_answers or []}
        clean = {int(i): a.strip() for i, a in answers.items() if a and a.strip()}
        row.argument_answers = [{"index": i, "answer": clean[i]} for i in sorted(clean)]
        changed = sorted(i for i in set(before) | set(clean) if before.get(i) != clean.get(i))
        audit.record(session, actor, "review.argument_answered", case_id=case_id,
                     detail=("indexes=" + ",".join(map(str, changed))) if changed else "unchanged")


# --- correcting a fact -----------------------------------------------------------------------------

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)")


def parse_path(path: str) -> list[str | int]:
    """``work[0].hours`` → ``["work", 0, "hours"]``; raises ``ValueError`` on anything else."""
    path = (path or "").strip()
    if not path or len(path) > 200:
        raise ValueError("Oppgi en sti, f.eks. work[0].hours.")
    out: list[str | int] = []
    pos, expect_name = 0, True
    while pos < len(path):
        m = _TOKEN.match(path, pos)
        if not m:
            raise ValueError(f"Ugyldig sti ved tegn {pos + 1}.")
        name, index, dot = m.groups()
        if name is not None:
            if not expect_name:
                raise ValueError("Ugyldig sti: mangler punktum mellom feltnavn.")
            out.append(name)
            expect_name = False
        elif index is not None:
            if expect_name:
                raise ValueError("Ugyldig sti: [n] må stå etter et feltnavn.")
            out.append(int(index))
        else:
            if expect_name:
                raise ValueError("Ugyldig sti: to punktum etter hverandre.")
            expect_name = True
        pos = m.end()
    if expect_name:
        raise ValueError("Ugyldig sti: slutter med punktum.")
    return out


def value_at(doc: Any, tokens: list[str | int]) -> tuple[Any, bool]:
    """The value at a parsed path (:func:`parse_path`) of a document, and whether it is there
    (``(None, False)`` when it is not)."""
    cur = doc
    for t in tokens:
        if isinstance(t, int):
            if not isinstance(cur, list) or t >= len(cur):
                return None, False
            cur = cur[t]
        else:
            if not isinstance(cur, dict) or t not in cur:
                return None, False
            cur = cur[t]
    return cur, True


def _set(doc: Any, tokens: list[str | int], value: Any) -> None:
    parent, _ok = value_at(doc, tokens[:-1])
    last = tokens[-1]
    if isinstance(last, int):
        if not isinstance(parent, list) or last >= len(parent):
            raise KeyError(last)
        parent[last] = value
    else:
        if not isinstance(parent, dict):
            raise KeyError(last)
        parent[last] = value


def coerce_value(text: str, old: Any) -> Any:
    """A value typed in a form → a JSON value, guided by the old value: text stays text where the old
    value was text (names, dates); otherwise a JSON literal (``7.5`` → Decimal, ``true``, ``null``) is
    read as such, and anything else stays text (the validation then says what is wrong)."""
    text = (text or "").strip()
    if isinstance(old, str):
        return text
    try:
        return json.loads(text, parse_float=Decimal)
    except (ValueError, TypeError):
        return text


def correct_fact(session: Session, case: Case, path: str, new_value: Any, reason: str, *,
                 expected_version: int, actor: audit.Actor, today: date | None = None) -> FactCorrection:
    """Change one value of the document in force, validate, re-evaluate, record why. Raises
    ``InvalidDocument`` (field errors; nothing stored) or ``StaleCase``. Commits."""
    reason = (reason or "").strip()
    problems: list[FieldProblem] = []
    if not reason:
        problems.append(FieldProblem("reason", "Oppgi hvorfor faktum rettes."))
    try:
        tokens = parse_path(path)
    except ValueError as exc:
        raise InvalidDocument([FieldProblem("path", str(exc)), *problems]) from None
    state = load_review(session, case)
    old, found = value_at(state.document, tokens)
    parent, parent_found = value_at(state.document, tokens[:-1])
    if not found and not (parent_found and isinstance(parent, dict) and isinstance(tokens[-1], str)):
        raise InvalidDocument([FieldProblem("path", f"Feltet {path} finnes ikke i dokumentet."), *problems])
    if problems:
        raise InvalidDocument(problems)
    doc = _from_column(_to_column(state.document))  # a deep copy
    _set(doc, tokens, new_value)
    try:
        validate(doc)  # the one import validation; raises InvalidDocument with the field errors
    except InvalidDocument as exc:
        # the errors name import paths; keep them, and say which value was typed
        raise InvalidDocument(exc.errors) from None
    case_id = stored_id(case)
    today = today or date.today()
    result, error = run_evaluation(doc, today)
    with transaction(session):
        locked_update(session, case, expected_version)
        row = _upsert(session, case, actor)
        row.current_document = _to_column(doc)
        correction = FactCorrection(case_id=case_id, path=path.strip(),
                                    old_value=_to_column(old) if found else None,
                                    new_value=_to_column(new_value), reason=reason, by_id=actor.user_id)
        session.add(correction)
        evaluation = Evaluation(case_id=case_id, result=result, error=error, evaluated_on=today)
        session.add(evaluation)
        session.flush()
        audit.record(session, actor, "review.fact_corrected", case_id=case_id,
                     detail=f"path={path.strip()[:150]} correction_id={correction.id} evaluation_id={evaluation.id}")
    return correction
