"""What the jurist records while deciding an appeal (issue 5), stored per case.

* :func:`load_review` ``(session, case) -> ReviewState`` — the recorded answers (``rules.outcome.Recorded``),
  the answers to the claimant's arguments, the document now in force (after fact corrections) and the
  original import (never changed), the list of corrections, and ``case.version`` for the lock;
* :func:`current_review` ``(session, case, *, today) -> dict`` — ``services.review.review_document`` on
  the current document with what is recorded;
* :func:`reevaluate` — a new evaluation of the document in force (after fact corrections);
* :func:`argument_proposals` — the engine's proposed answer to each of the claimant's arguments
  (``workbench.appeal.answers``), for the page to prefill until the jurist has confirmed one;
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

import copy
import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench.db.appeal_models import CaseReview, FactCorrection
from workbench.db.models import Case, Evaluation, stored_id, utcnow
from workbench.appeal.answers import Proposal, propose_answers, says_nothing
from workbench.appeal.outcome import Recorded
from workbench.formats.evaluation_json import EvaluationRecord
from workbench.services import approval, audit
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
    "InvalidDocument", "argument_proposals", "AnswersRefused", "refused_answers",
]


class AnswersRefused(ValueError):
    """Answers to the claimant's arguments that say nothing (``appeal.answers.says_nothing``): index → the
    reason, naming the field as the page shows it («Svar på anførsel 2: …»). Nothing was stored."""

    def __init__(self, problems: dict[int, str]):
        self.problems = problems
        super().__init__("; ".join(problems[i] for i in sorted(problems)))


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
    return review_document(state.document, today=today, recorded=state.recorded, received=case.received,
                           forelopig_svar_sent=case.forelopig_svar_sent)  # the case's clock (issue 13)


def reevaluate(session: Session, case: Case, *, actor: audit.Actor, today: date | None = None) -> Evaluation:
    """A new evaluation of the *current* facts: the import after the jurist's recorded fact corrections
    (the original import stays untouched beside it). Raises ``StaleCase`` on a closed case. Commits."""
    require_open(session, case)
    today = today or date.today()
    result, error = run_evaluation(load_review(session, case).document, today)
    with transaction(session):
        approval.withdraw_approval_if_any(session, case, actor, "saken er beregnet på nytt")
        ev = Evaluation(case_id=stored_id(case), result=result, error=error, evaluated_on=today)
        session.add(ev)
        audit.record(session, actor, "case.evaluated", case_id=case.id)
    return ev


def missing_argument_answers(state: ReviewState) -> list[int]:
    """Indexes of the claimant's arguments without an answer that says something (a letter needs them all;
    an empty, placeholder or one-word answer counts as none: ``appeal.answers.says_nothing``)."""
    args = ((state.document.get("appeal") or {}).get("arguments")) or []
    return [i for i in range(len(args)) if says_nothing(state.argument_answers.get(i, "")) is not None]


def argument_proposals(state: ReviewState, evaluation: EvaluationRecord, *, lang: str) -> list[Proposal]:
    """The engine's proposed answer to each argument of the document in force, in ``lang`` (the letter's
    standard), with what the jurist has recorded (a late appeal's conclusion and ground)."""
    from workbench.formats.import_format import parse_document  # noqa: PLC0415

    decision = parse_document(copy.deepcopy(state.document))
    return propose_answers(decision, evaluation, lang, recorded=state.recorded)


def refused_answers(answers: dict[int, str]) -> dict[int, str]:
    """The answers (index → text) that say nothing, with why — an empty one is no answer yet, not refused."""
    out = {}
    for i, answer in answers.items():
        if answer and answer.strip() and (why := says_nothing(answer)) is not None:
            out[int(i)] = f"Svar på anførsel {int(i) + 1}: {why}"
    return out


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
        approval.withdraw_approval_if_any(session, case, actor, "vurderingen er endret", changed=bool(changed))
        audit.record(session, actor, "review.recorded", case_id=case_id,
                     detail=("fields=" + ",".join(changed)) if changed else "unchanged")


def save_argument_answers(session: Session, case: Case, answers: dict[int, str], *,
                          expected_version: int, actor: audit.Actor) -> None:
    """Store the answers to the claimant's arguments as the jurist confirmed them (index → plain text; empty = no
    answer). Raises ``StaleCase``, or :class:`AnswersRefused` when an answer says nothing (nothing stored).
    Commits."""
    case_id = case.id
    with transaction(session):
        locked_update(session, case, expected_version)
        refused = refused_answers(answers)
        if refused:
            raise AnswersRefused(refused)  # the transaction rolls back: nothing stored
        row = _upsert(session, case, actor)
        before = {int(a["index"]): a.get("answer") for a in row.argument_answers or []}
        clean = {int(i): a.strip() for i, a in answers.items() if a and a.strip()}
        row.argument_answers = [{"index": i, "answer": clean[i]} for i in sorted(clean)]
        changed = sorted(i for i in set(before) | set(clean) if before.get(i) != clean.get(i))
        approval.withdraw_approval_if_any(session, case, actor, "svarene på klagerens anførsler er endret", changed=bool(changed))
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


MAX_SOURCE = 500
#: Lists of the format whose items are facts an item may be added to or removed from
#: (docs/import-format.md). Not ``appeal.arguments`` (the answers are stored by an argument's place, so a
#: removal would move them) nor ``decision.hjemler`` (Nav's citations, not facts).
FACT_LISTS = re.compile(r"(children|work|absence|leave_without_stonad|ferie|benefits|payments"
                        r"|payments\[\d{1,4}\]\.deductions)")
_WHAT = {"change": "endret", "add": "lagt til", "remove": "fjernet"}


@dataclass(frozen=True)
class FactChange:
    """One stored correction as read back: ``op`` change | add | remove; ``path`` the field (change) or the
    item (add/remove: ``children[1]``) in the document as it was then; ``old``/``new`` JSON values (an added
    item is ``new``, a removed one ``old``); ``source`` where the fact comes from (None if not given)."""

    id: int | None
    op: str
    path: str
    old: Any
    new: Any
    reason: str
    source: str | None
    by_id: int | None
    at: Any


def fact_change(row: FactCorrection) -> FactChange:
    return FactChange(id=row.id, op=row.op or "change", path=row.path, old=row.old_value, new=row.new_value,
                      reason=row.reason, source=row.source, by_id=row.by_id, at=row.at)


def fact_changes(state: ReviewState) -> list[FactChange]:
    """The corrections of the case in the order they were made."""
    return [fact_change(r) for r in state.corrections]


def _texts(reason: str | None, source: str | None) -> tuple[str, str | None, list[FieldProblem]]:
    reason = (reason or "").strip()
    source = (source or "").strip() or None
    problems: list[FieldProblem] = []
    if not reason:
        problems.append(FieldProblem("reason", "Oppgi hvorfor faktum rettes."))
    if source is not None and len(source) > MAX_SOURCE:
        problems.append(FieldProblem("source", f"Kilden kan være høyst {MAX_SOURCE} tegn."))
    return reason, source, problems


def _store_fact(session: Session, case: Case, doc: dict, *, op: str, path: str, old: Any, new: Any,
                fields: list[str], reason: str, source: str | None, expected_version: int, actor: audit.Actor,
                today: date | None) -> FactCorrection:
    """The one way a changed document is stored: validated by the one import validation (``InvalidDocument``
    with the field errors, nothing stored), evaluated, and written under the case lock with the correction
    row and the audit line (field names only, never a value). The import row is never touched."""
    validate(doc)  # the one import validation; raises InvalidDocument with the field errors
    case_id = stored_id(case)
    today = today or date.today()
    result, error = run_evaluation(doc, today)
    with transaction(session):
        locked_update(session, case, expected_version)
        row = _upsert(session, case, actor)
        row.current_document = _to_column(doc)
        # a fact that changes after the leder approved changes the letter: the approval goes (issue 12)
        approval.withdraw_approval_if_any(session, case, actor,
                                          f"faktum er rettet ({_WHAT[op]}) og saken beregnet på nytt")
        correction = FactCorrection(case_id=case_id, path=path, op=op,
                                    old_value=_to_column(old) if old is not None else None,
                                    new_value=_to_column(new) if new is not None else None,
                                    reason=reason, source=source, by_id=actor.user_id)
        session.add(correction)
        evaluation = Evaluation(case_id=case_id, result=result, error=error, evaluated_on=today)
        session.add(evaluation)
        session.flush()
        audit.record(session, actor, "review.fact_corrected", case_id=case_id,
                     detail=f"op={op} path={path[:150]} fields={','.join(fields)[:200]} "
                            f"correction_id={correction.id} evaluation_id={evaluation.id}")
    return correction


def correct_fact(session: Session, case: Case, path: str, new_value: Any, reason: str, *,
                 source: str | None = None, expected_version: int, actor: audit.Actor,
                 today: date | None = None) -> FactCorrection:
    """Change one value of the document in force (``None``: the optional fact is no longer known),
    validate, re-evaluate, record who, when, why and the source. Raises ``InvalidDocument`` (field
    errors; nothing stored) or ``StaleCase``. Commits."""
    reason, source, problems = _texts(reason, source)
    try:
        tokens = parse_path(path)
    except ValueError as exc:
        raise InvalidDocument([FieldProblem("path", str(exc)), *problems]) from None
    state = load_review(session, case)
    old, found = value_at(state.document, tokens)
    parent, parent_found = value_at(state.document, tokens[:-1])
    if not found and not (parent_found and isinstance(parent, dict) and isinstance(tokens[-1], str)):
        raise InvalidDocument([FieldProblem("path", "Feltet finnes ikke i saken."), *problems])
    if problems:
        raise InvalidDocument(problems)
    doc = _from_column(_to_column(state.document))  # a deep copy
    _set(doc, tokens, new_value)
    return _store_fact(session, case, doc, op="change", path=path.strip(), old=old if found else None,
                       new=new_value, fields=[str(tokens[-1])], reason=reason, source=source,
                       expected_version=expected_version, actor=actor, today=today)


def add_fact(session: Session, case: Case, list_path: str, item: dict, reason: str, *, source: str | None = None,
             expected_version: int, actor: audit.Actor, today: date | None = None) -> FactCorrection:
    """Add an item (a child, a period of work, an absence, a benefit, a payment period, a deduction …) to a
    list of the document in force — a fact the claimant brings in the appeal: the klageinstans «kan prøve alle
    sider av saken og herunder ta hensyn til nye omstendigheter» (forvaltningsloven § 34 andre ledd), and must
    see the case clarified (§ 17) — so a new fact is tested in the figures, not only read. The new item is validated
    with the whole document by the one import validation (errors at ``children[1].birth_date``); the case
    re-evaluates at once. Raises ``InvalidDocument`` or ``StaleCase``. Commits."""
    reason, source, problems = _texts(reason, source)
    list_path = (list_path or "").strip()
    if not FACT_LISTS.fullmatch(list_path):
        raise InvalidDocument([FieldProblem("path", "Dette kan ikke legges til i saken."), *problems])
    if not isinstance(item, dict) or not item:
        problems.append(FieldProblem("item", "Fyll ut opplysningene som skal legges til."))
    tokens = parse_path(list_path)
    state = load_review(session, case)
    current, found = value_at(state.document, tokens)
    parent, parent_found = value_at(state.document, tokens[:-1])
    if not (isinstance(current, list) or (parent_found and isinstance(parent, dict) and current is None)):
        raise InvalidDocument([FieldProblem("path", "Listen finnes ikke i saken."), *problems])
    if problems:
        raise InvalidDocument(problems)
    doc = _from_column(_to_column(state.document))
    target, _ok = value_at(doc, tokens)
    if not isinstance(target, list):  # the list is absent or null: it starts with this item
        target = []
        _set(doc, tokens, target)
    target.append(copy.deepcopy(item))
    item_path = f"{list_path}[{len(target) - 1}]"
    return _store_fact(session, case, doc, op="add", path=item_path, old=None, new=item,
                       fields=sorted(str(k) for k in item), reason=reason, source=source,
                       expected_version=expected_version, actor=actor, today=today)


def remove_fact(session: Session, case: Case, item_path: str, reason: str, *, source: str | None = None,
                expected_version: int, actor: audit.Actor, today: date | None = None) -> FactCorrection:
    """Remove an item (``work[0]``) from a list of the document in force — a fact the documents show was
    wrong. The rest of the document is validated again (``payments`` must keep one period unless the
    decision is an avslag); the removed item stays in the correction row. Raises ``InvalidDocument`` or
    ``StaleCase``. Commits."""
    reason, source, problems = _texts(reason, source)
    try:
        tokens = parse_path(item_path)
    except ValueError as exc:
        raise InvalidDocument([FieldProblem("path", str(exc)), *problems]) from None
    list_path = item_path.strip().rsplit("[", 1)[0]
    if not isinstance(tokens[-1], int) or not FACT_LISTS.fullmatch(list_path):
        raise InvalidDocument([FieldProblem("path", "Dette kan ikke fjernes fra saken."), *problems])
    state = load_review(session, case)
    old, found = value_at(state.document, tokens)
    if not found:
        raise InvalidDocument([FieldProblem("path", "Opplysningen finnes ikke i saken (lenger)."), *problems])
    if problems:
        raise InvalidDocument(problems)
    doc = _from_column(_to_column(state.document))
    items, _ok = value_at(doc, tokens[:-1])
    del items[int(tokens[-1])]
    return _store_fact(session, case, doc, op="remove", path=item_path.strip(), old=old, new=None,
                       fields=sorted(str(k) for k in old) if isinstance(old, dict) else [], reason=reason,
                       source=source, expected_version=expected_version, actor=actor, today=today)
