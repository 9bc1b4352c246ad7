"""Searching the archive of finished cases, in the database (issue 15: «100 000 cases»).

What is searched is written once per case, when it is finalised (:func:`put`, a step of
``services.letters.finalize``), into ``archive_search`` (``workbench/db/search_models.py``): the dates, the
outcome, «Vår referanse», the fødselsnummer, and the words — the claimant's name, Nav's references, the Nav
office, and the other words of the case (the outcome's label and the letter's text, which cites the
provisions). A search is then one indexed query that returns one page; it never reads a PDF, a review's JSON
or the import document.

**One folding.** :func:`fold` (case, accents — but æ, ø and å are letters of their own) and :func:`tokens`
(the folded text split into words of letters and digits) are applied alike to what is stored and to what is
typed. The databases are given these words and nothing else: SQLite's FTS5 (``unicode61``, diacritics kept)
and PostgreSQL's ``simple`` configuration (no stemming, no stop words) then find the same cases. A term
matches the *start* of a word: «ran lun» finds «Randi Marie Lunde», «2025/04» finds «2025/0412».

Every given term must match: name parts in any order (each the start of a word of the name), Nav's reference
and the office likewise (in their own words), «Vår referanse» exactly (trimmed), the fødselsnummer exactly,
the decision date within the range, the outcome by its code, and the free text (each word the start of a word
anywhere in the case).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, TextClause, false, text
from sqlmodel import Session, col, delete, func, select

from workbench.db.appeal_models import CaseReview, Letter
from workbench.db.models import FINISHED, STATUS_LABELS, AuditEvent, Case, CaseStatus, ImportedDecision, stored_id
from workbench.db.search_models import ArchiveSearch
from workbench.services import audit
from workbench.services.paging import PER_PAGE, Page, count, paginate
from workbench.services.transaction import transaction

ARCHIVE_STATUSES = FINISHED
#: The outcomes (appeals.md §5) as the archive names them.
OUTCOME_LABELS = {"stadfeste": "Stadfestet", "omgjore": "Endret (omgjort)", "omgjore_delvis": "Delvis endret",
                  "oppheve": "Opphevet og sendt tilbake", "avvise": "Avvist"}

#: Letters of the Norwegian alphabet in their own right, not a, o or ae with a mark: «Ødegård» is not
#: «Odegard». Every other mark is dropped, so «Belanger» finds «Bélanger».
_OWN_LETTERS = frozenset("æøå")
_WORD = re.compile(r"[0-9a-zæøå]+")
#: A search is counted to this many hits; beyond it the page says «over 1 000 treff» and pages up to it.
MAX_COUNTED = 1000
#: A word longer than this is not a word anyone types (PostgreSQL drops words over 2 047 bytes).
MAX_WORD = 100


def fold(value: str | None) -> str:
    """``value`` as the archive compares it: case folded (``str.casefold``), accents dropped except on æ, ø
    and å, whitespace collapsed. The one folding of a search."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", value or "").casefold():
        if char in _OWN_LETTERS:
            out.append(char)
        else:
            out.extend(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return " ".join("".join(out).split())


def tokens(value: str | None) -> list[str]:
    """The words of ``value`` after :func:`fold`: runs of a–z, æ, ø, å and digits, in order («2025/0412» →
    «2025», «0412»). What the index holds and what a term is split into."""
    return [w[:MAX_WORD] for w in _WORD.findall(fold(value))]


def _joined(*values: str | None) -> str:
    return " ".join(w for v in values for w in tokens(v))


# --------------------------------------------------------------------------------------------------
# Writing the index
# --------------------------------------------------------------------------------------------------

def _digits(value: Any) -> str:
    return "".join(str(value or "").split())


def _fnr(session: Session, case: Case) -> str | None:
    """The claimant's fødselsnummer as the case was decided: corrected in the review, else as imported."""
    for doc in (session.exec(select(CaseReview.current_document).where(CaseReview.case_id == case.id)).first(),
                session.exec(select(ImportedDecision.parsed).where(ImportedDecision.case_id == case.id)).first()):
        participant = doc.get("participant") if isinstance(doc, dict) else None
        if isinstance(participant, dict) and _digits(participant.get("fnr")):
            return _digits(participant.get("fnr"))[:11]
    return None


def entry_for(session: Session, case: Case, *, letter_text: str | None = None) -> ArchiveSearch:
    """The index row of a finished ``case``. ``letter_text``: the final letter's text when the caller has it
    (finalisation does); otherwise it is read from the stored PDF."""
    from workbench.letters.pdfa import extract_text

    review = session.exec(select(CaseReview.recorded).where(CaseReview.case_id == case.id)).first()
    outcome = (review or {}).get("chosen_outcome") if isinstance(review, dict) else None
    letter = session.exec(select(Letter.finalized_at, Letter.our_reference, Letter.id)
                          .where(Letter.case_id == case.id)).first()
    if letter_text is None and letter is not None:
        pdf = session.exec(select(Letter.pdf).where(Letter.id == letter[2])).first()
        letter_text = extract_text(pdf) if pdf else ""
    words = sorted(set(tokens(OUTCOME_LABELS.get(outcome or "", "")) + tokens(letter_text)))
    return ArchiveSearch(
        case_id=stored_id(case), decision_date=case.decision_date,
        finalized_at=letter[0] if letter else None, outcome=outcome,
        our_reference=(letter[1] or "").strip() or None if letter else None, fnr=_fnr(session, case),
        name_tokens=_joined(case.claimant_name), reference_tokens=_joined(case.nav_reference),
        office_tokens=_joined(case.nav_office), text_tokens=" ".join(words))


def put(session: Session, case: Case, *, letter_text: str | None = None) -> None:
    """Write (or rewrite) the case's index row. A step: the caller's transaction commits it — finalisation
    writes it with the frozen letter, so a finished case is never missing from the search."""
    session.exec(delete(ArchiveSearch).where(col(ArchiveSearch.case_id) == case.id))
    session.add(entry_for(session, case, letter_text=letter_text))
    session.flush()


def missing(session: Session) -> int:
    """How many finished cases have no index row (cases finished before migration 0010)."""
    indexed = select(ArchiveSearch.case_id)
    return count(session, select(Case.id).where(col(Case.status).in_(ARCHIVE_STATUSES),
                                                col(Case.id).notin_(indexed)))


def rebuild(session: Session, *, only_missing: bool = False) -> int:
    """Index every finished case (or only those without a row), 200 cases to a transaction, in id order.
    Commits. Returns the number of cases indexed."""
    done, last = 0, 0
    while True:
        stmt = select(Case).where(col(Case.status).in_(ARCHIVE_STATUSES), col(Case.id) > last)
        if only_missing:
            stmt = stmt.where(col(Case.id).notin_(select(ArchiveSearch.case_id)))
        batch = list(session.exec(stmt.order_by(col(Case.id)).limit(200)))
        if not batch:
            return done
        with transaction(session):
            for case in batch:
                put(session, case)
        done += len(batch)
        last = batch[-1].id or last


# --------------------------------------------------------------------------------------------------
# Searching
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchQuery:
    """What the archive is searched by; every given term must match. ``fnr``: eleven digits, already
    validated by the caller (the search form checks it with ``validate_identity``)."""

    reference: str = ""  # Nav's reference, the start of its parts
    our_reference: str = ""  # Statsforvalteren's «Vår referanse» on the letter, exact
    office: str = ""
    name: str = ""  # name parts, any order
    fnr: str = ""
    date_from: date | None = None
    date_to: date | None = None
    outcome: str = ""  # an OUTCOME_LABELS key, or "" for any
    words: str = ""  # free text: words anywhere in the case, the letter's text included

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)

    @property
    def terms_used(self) -> list[str]:
        """The names of the terms given (for the audit trail: which kinds of term, never their values)."""
        return [name for name in self.__dataclass_fields__ if getattr(self, name)]


@dataclass
class ArchiveRow:
    case: Case
    outcome: str | None
    finalized_at: datetime | None
    archived_at: datetime | None = None
    our_reference: str | None = None  # the letter's «Vår referanse»

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome or "", "–")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(CaseStatus(self.case.status), self.case.status)


#: Which token column a term is asked of; None: any of them. PostgreSQL's weights (migration 0010) in order.
_COLUMNS = {"name": "name_tokens", "reference": "reference_tokens", "office": "office_tokens", "words": None}
_WEIGHTS = {"name_tokens": "A", "reference_tokens": "B", "office_tokens": "C", "text_tokens": "D"}


def _full_text(session: Session, query: SearchQuery) -> ColumnElement[bool] | TextClause | None:
    """The word terms as one full-text condition in the database's own language, or None without any. Every
    word is one of :func:`tokens` (letters and digits only), so nothing typed reaches the query syntax."""
    given = [key for key in _COLUMNS if getattr(query, key).strip()]
    if any(not tokens(getattr(query, key)) for key in given):
        return false()  # a term with no letter or digit in it («%», «--») finds nothing: it is no wildcard
    wanted = [(column, word) for key, column in _COLUMNS.items() for word in tokens(getattr(query, key))]
    if not wanted:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = " AND ".join(f'{column} : "{word}" *' if column else f'"{word}" *' for column, word in wanted)
        # «+» keeps SQLite from driving the query by the hits when a term is a word anywhere in the case (often
        # in most letters): it walks the archive's date order and tests each row against the hits, so a page is
        # found at once instead of fetching and sorting 85 000 rows (0.3 s at 100 000 cases).
        probe = "" if all(column for column, _ in wanted) else "+"
        return text(f"{probe}archive_search.case_id IN (SELECT rowid FROM archive_search_fts "
                    "WHERE archive_search_fts MATCH :fts_match)").bindparams(fts_match=match)
    tsquery = " & ".join(f"{word}:*{_WEIGHTS[column] if column else ''}" for column, word in wanted)
    match = "document @@ to_tsquery('simple', :fts_query)"
    if all(column for column, _ in wanted):
        # Name, references, office: few hits. MATERIALIZED makes the match go through the GIN index first;
        # left inline, PostgreSQL may walk the decision-date order and test every row's (large, out-of-line)
        # tsvector: 0.9 s instead of 1 ms at 100 000 cases (benchmarks/scale.py, a search by Nav reference).
        return text("archive_search.case_id IN (WITH hits AS MATERIALIZED (SELECT case_id FROM archive_search "
                    f"WHERE {match}) SELECT case_id FROM hits)").bindparams(fts_query=tsquery)
    # Words anywhere in the case are often in most letters: inline, the date order finds a page of hits at
    # once, where materialising all of them took 2 s at 100 000 cases.
    return text(f"archive_search.{match}").bindparams(fts_query=tsquery)


def _statement(session: Session, query: SearchQuery) -> Any:
    """The matching cases' ids in the archive's order. Ids only: a deep page (OFFSET 85 000) is then cut from the
    decision-order index alone (an index-only scan on PostgreSQL), and only the page's rows are read after
    (``_rows``) — reading whole rows to skip them took 140 ms at the last page of 100 000 cases."""
    stmt = select(col(ArchiveSearch.case_id))
    if query.date_from:
        stmt = stmt.where(col(ArchiveSearch.decision_date) >= query.date_from)
    if query.date_to:
        stmt = stmt.where(col(ArchiveSearch.decision_date) <= query.date_to)
    if query.our_reference.strip():
        stmt = stmt.where(col(ArchiveSearch.our_reference) == query.our_reference.strip())
    if query.fnr:
        stmt = stmt.where(col(ArchiveSearch.fnr) == _digits(query.fnr))
    if query.outcome:
        stmt = stmt.where(col(ArchiveSearch.outcome) == query.outcome)
    condition = _full_text(session, query)
    if condition is not None:
        stmt = stmt.where(condition)
    return stmt.order_by(col(ArchiveSearch.decision_date).desc(), col(ArchiveSearch.case_id).desc())


def search(session: Session, query: SearchQuery | None = None, *, page: int = 1, per_page: int = PER_PAGE,
           actor: audit.Actor | None = None) -> Page[ArchiveRow]:
    """One page of the finished cases matching every given term, the latest decision first. With ``actor``,
    a search for a person (fødselsnummer or name) is audited (``archive.searched``: the kinds of term and the
    number of hits, never a term) and committed."""
    query = query or SearchQuery()
    if query.empty:  # the whole archive: one row per case in the index, counted alone
        total = int(session.exec(select(func.count()).select_from(ArchiveSearch)).one())
        found = paginate(session, _statement(session, query), page, per_page=per_page, total=total)
    else:
        found = paginate(session, _statement(session, query), page, per_page=per_page, cap=MAX_COUNTED)
    rows = Page(_rows(session, list(found.items)), found.number, found.per_page, found.total, found.capped)
    if actor is not None and (query.fnr or query.name.strip()):
        with transaction(session):
            audit.record(session, actor, "archive.searched",
                         detail=f"terms={','.join(query.terms_used)} hits={rows.total}{'+' if rows.capped else ''}")
    return rows


def row_of(session: Session, case: Case) -> ArchiveRow:
    """One finished case as the archive lists it (the page that confirms «Arkiver» shows it)."""
    entry = session.get(ArchiveSearch, case.id)
    if entry is None:  # not indexed yet: what the listing shows, from the case itself
        entry = entry_for(session, case, letter_text="")
        case_id = stored_id(case)
        return ArchiveRow(case, entry.outcome, entry.finalized_at, _archived_at(session, [case_id]).get(case_id),
                          entry.our_reference)
    return _rows(session, [entry.case_id])[0]


def _archived_at(session: Session, ids: list[int]) -> dict[int, datetime]:
    rows = session.exec(select(AuditEvent.case_id, func.max(AuditEvent.at))
                        .where(col(AuditEvent.case_id).in_(ids), col(AuditEvent.action) == "archive.archived")
                        .group_by(col(AuditEvent.case_id)))
    return {int(case_id): at for case_id, at in rows if case_id is not None}


def _rows(session: Session, ids: list[int]) -> list[ArchiveRow]:
    """The result rows of one page, in the order of ``ids``: the listing's columns of the index (never its
    words), the cases (by primary key) and when each was archived."""
    if not ids:
        return []
    listed = {case_id: (outcome, finalized_at, our_reference) for case_id, outcome, finalized_at, our_reference in
              session.exec(select(ArchiveSearch.case_id, ArchiveSearch.outcome, ArchiveSearch.finalized_at,
                                  ArchiveSearch.our_reference).where(col(ArchiveSearch.case_id).in_(ids)))}
    cases = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(ids)))}
    archived = _archived_at(session, ids)
    return [ArchiveRow(cases[i], *listed[i][:2], archived.get(i), listed[i][2])
            for i in ids if i in cases and i in listed]
