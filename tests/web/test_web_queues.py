"""Issue 13, queues per role: mine, ufordelt, venter, til godkjenning, returnert, frist snart, over frist —
filtered in SQL and counted in the menu.

The SQL filters turn «received + 3 months < today» around (``queues.latest_received``); this file checks them
against the deadlines every page shows (``deadlines.for_case``, plain Python) for cases received on each of the
last 130 days — month ends and all — so the lists and the pages cannot disagree.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlmodel import select

from workbench.db.appeal_models import Letter
from workbench.db.models import Case, User
from workbench.services import deadlines, queues


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _case(db, n: int, *, received: date | None, **fields) -> Case:
    case = Case(nav_reference=f"2026/{n:05d}", nav_office="Nav Testby", claimant_name=f"Klager {n:05d}",
                decision_date=date(2026, 1, 2), decision_kind="utbetaling", received=received, **fields)
    db.add(case)
    db.commit()
    return case


def _expected(case: Case, key: str, *, me: int, today: date, letter_status: str | None) -> bool:
    """The queue by the rules the pages use, independently of the SQL."""
    if case.status not in queues.OPEN:
        return False
    dl = deadlines.for_case(case, today=today)
    return {
        "mine": case.saksbehandler_id == me,
        "ufordelt": case.saksbehandler_id is None,
        "venter": case.waiting_reason is not None,
        "til_godkjenning": case.status == "til_godkjenning",
        "returnert": letter_status == "returnert",
        "frist_snart": dl is not None and dl.target_state == "near",
        "over_frist": dl is not None and (dl.target_state == "past" or dl.forelopig_svar_state == "due"),
    }[key]


@pytest.fixture
def seeded(db, client_as):
    sb = client_as("saksbehandler")
    other = client_as("saksbehandler")
    today = date.today()
    statuses = ("mottatt", "under_behandling", "til_godkjenning", "ferdigstilt")
    cases, letters = [], {}
    for k in range(131):
        received = None if k == 130 else today - timedelta(days=k)
        owner = (sb.user.id, other.user.id, None)[k % 3]
        case = _case(db, k, received=received, status=statuses[k % 4], saksbehandler_id=owner,
                     forelopig_svar_sent=today - timedelta(days=1) if k % 5 == 0 else None,
                     waiting_reason="Dokumenter fra Nav-kontoret" if k % 7 == 0 else None,
                     waiting_until=today + timedelta(days=10) if k % 7 == 0 else None)
        if k % 4 == 1 and k % 2 == 1:  # some letters returned by the leder
            db.add(Letter(case_id=case.id, language="nb", status="returnert", blocks={}))
            db.commit()
            letters[case.id] = "returnert"
        cases.append(case)
    return sb, cases, letters, today


@pytest.mark.parametrize("key", [q.key for q in queues.QUEUES])
def test_each_queue_holds_exactly_the_cases_its_rule_names(seeded, db, key):
    sb, cases, letters, today = seeded
    got = {c.id for c in queues.cases_in(db, key, user_id=sb.user.id, today=today, per_page=500)}
    want = {c.id for c in cases if _expected(c, key, me=sb.user.id, today=today, letter_status=letters.get(c.id))}
    assert got == want
    assert queues.counts(db, user_id=sb.user.id, today=today)[key] == len(want)
    if key in ("frist_snart", "over_frist", "mine"):
        assert want, key  # the seed reaches every interesting queue


def test_the_queue_pages_and_the_menu_show_the_counts(seeded, db, client_as):
    sb, cases, letters, today = seeded
    counts = queues.counts(db, user_id=sb.user.id, today=today)
    page = _text(sb.get("/saker/ko/over_frist").get_data(as_text=True))
    assert f"Mine saker {counts['mine']}" in page  # the menu
    assert f"Over frist {counts['over_frist']}" in page
    for q in queues.QUEUES:
        assert f"{q.label} {counts[q.key]}" in page  # the tabs
    overdue = queues.cases_in(db, "over_frist", user_id=sb.user.id, today=today)
    assert all(c.claimant_name in page for c in overdue)
    assert "Klager 00000" not in page  # received today: nothing is due
    assert sb.get("/saker/ko/finnes-ikke").status_code == 404

    leder = client_as("leder")
    menu = _text(leder.get("/saker/mine").get_data(as_text=True))
    assert f"Til godkjenning {counts['til_godkjenning']}" in menu
    assert "Til godkjenning" not in _text(sb.get("/saker/mine").get_data(as_text=True)).split("Mine saker")[0]


def test_mine_holds_my_open_cases_only(seeded, db):
    sb, cases, _letters, today = seeded
    mine = queues.cases_in(db, "mine", user_id=sb.user.id, today=today)
    assert mine and all(c.saksbehandler_id == sb.user.id and c.status != "ferdigstilt" for c in mine)
    # the case whose received date is unknown comes first: it needs one
    ordered = [c.received for c in mine]
    assert ordered == sorted(ordered, key=lambda d: (d is not None, d or date.min))


def test_a_case_put_on_hold_and_taken_off(db, import_case, client_as):
    sb = client_as("saksbehandler")
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id))
    version = lambda: db.exec(select(Case.version).where(Case.id == case.id)).one()  # noqa: E731
    r = sb.post(f"/saker/{case.public_id}/vent", data={"version": version(), "reason": "", "until": "31.02.2027"})
    assert r.status_code == 400
    page = _text(r.get_data(as_text=True))
    assert "Skriv hva saken venter på." in page and "Skriv en gyldig dato (dd.mm.åååå)." in page
    r = sb.post(f"/saker/{case.public_id}/vent",
                data={"version": version(), "reason": "Dokumenter fra Nav-kontoret", "until": "15.01.2027"})
    assert r.status_code == 302
    page = _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))
    assert "På vent Dokumenter fra Nav-kontoret – ventes tilbake innen 15.01.2027" in page
    waiting = _text(sb.get("/saker/ko/venter").get_data(as_text=True))
    assert "Marte Dummy Olsen" in waiting
    r = sb.post(f"/saker/{case.public_id}/vent", data={"version": version(), "end": "1"})
    assert r.status_code == 302
    assert "Marte Dummy Olsen" not in _text(sb.get("/saker/ko/venter").get_data(as_text=True))
    db.expire_all()
    assert db.get(Case, case.id).waiting_reason is None


def test_a_broken_promise_to_the_claimant_puts_the_case_over_frist(db, client_as, import_case):
    """The date promised in a foreløpig svar has passed without a forsinkelsesmelding (fvl. § 11 a): «Over frist»,
    though the three months still run; a forsinkelsesmelding with a new date takes it out again."""
    from workbench.db.side_letter_models import OutgoingLetter

    sb = client_as("saksbehandler")
    today = date.today()
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id), received=today - timedelta(days=40))
    row = db.get(Case, case.id)
    row.forelopig_svar_sent = today - timedelta(days=30)
    db.add(row)
    db.commit()
    case = row

    def letter(kind: str, promised: date) -> None:
        db.add(OutgoingLetter(case_id=case.id, kind=kind, language="nb", recipient="Klager 00001",
                              our_reference="2026/1", our_date=today, promised_date=promised, pdf=b"%PDF-",
                              pdf_sha256="0" * 64))
        db.commit()

    def over() -> set[int]:
        return {c.id for c in queues.cases_in(db, "over_frist", user_id=sb.user.id, today=today)}

    assert case.id not in over()
    letter("forelopig_svar", today - timedelta(days=1))
    assert case.id in over()
    assert deadlines.for_case(case, today=today).target_state == "ok"  # the three months alone would not say so
    flag = "Lovet dato passert – send forsinkelsesmelding"
    assert flag in _text(sb.get("/saker/mine").get_data(as_text=True))  # flagged in every list …
    assert flag in _text(sb.get("/saker/alle").get_data(as_text=True))
    assert flag in _text(sb.get(f"/saker/{case.public_id}").get_data(as_text=True))  # … and on the case page
    letter("forsinkelsesmelding", today + timedelta(days=30))
    assert case.id not in over()
    assert flag not in _text(sb.get("/saker/mine").get_data(as_text=True))
