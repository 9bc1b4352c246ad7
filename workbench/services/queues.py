"""The work queues of a Statsforvalter's appeal office (issue 13): who should act on which case now.

Each queue is a filter in SQL over the open cases (mottatt, under behandling, til godkjenning), so its
count is one ``SELECT count(*)`` and its list is one page cut in the database (``services/paging.py``):

- ``mine``            the cases assigned to me;
- ``ufordelt``        nobody has taken the case;
- ``venter``          «på vent» for Nav or the claimant (``cases.waiting_reason``);
- ``til_godkjenning`` the letter lies with a leder (the leder's queue);
- ``returnert``       the leder returned the letter with a comment;
- ``frist_snart``     the three months (appeals.md §7) end within ``deadlines.NEAR_DAYS`` days;
- ``over_frist``      past the three months, the foreløpig svar due and not sent (fvl. § 11 a), or the date
                      promised the claimant passed without a forsinkelsesmelding (``side_letters``).

Deadlines count from ``cases.received``, as on every page (``deadlines.for_case``). Because the date
arithmetic of «received + 3 months» differs between SQLite and PostgreSQL, the comparison is turned around:
the latest received date that is already past (or near) today's limit is found here, in Python, with the
same ``add_months`` the pages use, and the database compares ``received`` with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, false, or_
from sqlmodel import Session, col, func, select

from workbench.db.appeal_models import Letter, LetterStatus
from workbench.db.models import OPEN, Case, CaseStatus
from workbench.services import side_letters
from workbench.services.deadlines import FORELOPIG_SVAR_MONTHS, NEAR_DAYS, TARGET_MONTHS, add_months
from workbench.services.paging import PER_PAGE, Page, paginate


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    #: what the list says when the queue is empty
    empty: str


QUEUES: tuple[Queue, ...] = (
    Queue("mine", "Mine saker", "Du har ingen åpne saker."),
    Queue("ufordelt", "Ufordelt", "Alle åpne saker har en saksbehandler."),
    Queue("venter", "Venter på svar", "Ingen saker venter på Nav-kontoret eller klageren."),
    Queue("til_godkjenning", "Til godkjenning", "Ingen vedtak venter på godkjenning."),
    Queue("returnert", "Returnert", "Ingen vedtak er returnert fra leder."),
    Queue("frist_snart", "Frist snart", "Ingen saker nærmer seg tremånedersfristen."),
    Queue("over_frist", "Over frist", "Ingen saker har passert en frist."),
)
BY_KEY = {q.key: q for q in QUEUES}


def latest_received(months: int, on_or_before: date) -> date:
    """The latest received date ``r`` with ``add_months(r, months) <= on_or_before``: a case received on or
    before it has its deadline on or before that day (``add_months`` never decreases)."""
    r = add_months(on_or_before, -months)
    while add_months(r, months) > on_or_before:
        r -= timedelta(days=1)
    while add_months(r + timedelta(days=1), months) <= on_or_before:
        r += timedelta(days=1)
    return r


def _past_target(today: date) -> ColumnElement[bool]:
    """today > received + 3 months, as ``deadlines.compute`` says «past»."""
    return col(Case.received) <= latest_received(TARGET_MONTHS, today - timedelta(days=1))


def _svar_due(today: date) -> ColumnElement[bool]:
    """today >= received + 1 month and no foreløpig svar registered (``deadlines.compute``: «due»)."""
    return and_(col(Case.forelopig_svar_sent).is_(None),
                col(Case.received) <= latest_received(FORELOPIG_SVAR_MONTHS, today))


def _near_target(today: date) -> ColumnElement[bool]:
    """received + 3 months within NEAR_DAYS, not yet past (``deadlines.compute``: «near»)."""
    return and_(col(Case.received) <= latest_received(TARGET_MONTHS, today + timedelta(days=NEAR_DAYS)),
                ~_past_target(today))


def _letter_in(status: str) -> ColumnElement[bool]:
    """The case's letter has ``status``: an uncorrelated IN (the few returned letters, by their index), which
    both databases plan as one lookup instead of a probe per case."""
    return col(Case.id).in_(select(col(Letter.case_id)).where(col(Letter.status) == status))


def open_case() -> ColumnElement[bool]:
    """The case is open (mottatt, under behandling, til godkjenning): every working list's first filter.

    The statuses are written into the SQL as literals, not bound as parameters: both databases use the partial
    index of the open cases (``ix_cases_open_deadline``, migration 0012) only when they can see that the query
    asks what the index holds, which a parameter's value does not show them."""
    return col(Case.status).in_(bindparam("open_statuses", list(OPEN), expanding=True, literal_execute=True))


#: The order of every working list: the case whose three months end first on top, a case whose received date
#: is still unknown above all (it needs the date). NULLS FIRST is written out because the databases differ
#: (SQLite sorts NULL first, PostgreSQL last); in this form both walk ``ix_cases_open_deadline`` instead of
#: sorting the open cases, so a deep page costs no more than the first (issue 15).
DEADLINE_ORDER = (col(Case.received).asc().nulls_first(), col(Case.id).asc())


def _filter(key: str, *, user_id: int | None, today: date) -> ColumnElement[bool]:
    """What queue ``key`` asks of an open case."""
    where: dict[str, Any] = {
        "mine": col(Case.saksbehandler_id) == user_id if user_id is not None else false(),
        "ufordelt": col(Case.saksbehandler_id).is_(None),
        "venter": col(Case.waiting_reason).is_not(None),
        "til_godkjenning": col(Case.status) == CaseStatus.TIL_GODKJENNING.value,
        "returnert": _letter_in(LetterStatus.RETURNERT.value),
        "frist_snart": _near_target(today),
        "over_frist": or_(_past_target(today), _svar_due(today), side_letters.promise_passed(today)),
    }
    return where[key]


def condition(key: str, *, user_id: int | None, today: date) -> ColumnElement[bool]:
    """The SQL filter of queue ``key`` (open cases only)."""
    return and_(open_case(), _filter(key, user_id=user_id, today=today))


def all_open(session: Session, *, page: int = 1, per_page: int = PER_PAGE) -> Page[Case]:
    """«Alle saker»: one page of the open cases in deadline order (finished ones leave the working lists)."""
    return paginate(session, select(Case).where(open_case()).order_by(*DEADLINE_ORDER), page, per_page=per_page)


def cases_in(session: Session, key: str, *, user_id: int | None, today: date, page: int = 1,
             per_page: int = PER_PAGE) -> Page[Case]:
    """One page of the queue in deadline order."""
    q = select(Case).where(condition(key, user_id=user_id, today=today)).order_by(*DEADLINE_ORDER)
    return paginate(session, q, page, per_page=per_page)


def counts(session: Session, *, user_id: int | None, today: date) -> dict[str, int]:
    """Every queue's count, for the menu: one query over the open cases only (the partial index holds every
    column the filters read, so the finished cases — most of the table — are never touched)."""
    columns = [func.count().filter(_filter(q.key, user_id=user_id, today=today)).label(q.key) for q in QUEUES]
    row = session.execute(select(*columns).select_from(Case).where(open_case())).one()
    return {q.key: int(row[i] or 0) for i, q in enumerate(QUEUES)}
