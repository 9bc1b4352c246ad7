"""Norwegian to the user (issue 13): a walk-through of every page a saksbehandler, a leder and an arkivar reach,
with worked cases imported and a review recorded, and the pages shown after a bad submission. No page may show
the machine's words in its visible text: an ISO date, an amount with a decimal point, «kr -», an engine marker
([NV], [INF] …), a rule or check code (R24, A-10), a field path (``payments[0].net``), «holidays», a Python repr.

Visible text: the page without tags, scripts and styles, attribute values left out (a form field's value is what
the user typed, not a text of ours); each element's text is kept apart from the next, so «slutt.» in one cell and
«neste» in the next never read as «slutt.neste».
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from lxml import html as lxml_html

from web_support import small_case_form

#: The worked cases walked through: Nav too low (D06, demo), too high so a change is to the claimant's detriment
#: (D07, D09), a late appeal by a fullmektig (D08), an appeal over a year late (D11), samordning (D04).
CASES = ("D04.json", "D06.json", "D07.json", "D08.json", "D09.json", "D11.json", "demo-omsorgsstonad.json")
QUEUE_KEYS = ("ufordelt", "venter", "til_godkjenning", "returnert", "frist_snart", "over_frist")

FORBIDDEN = {
    "ISO-dato": re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b"),
    "beløp med desimalpunktum": re.compile(r"\bkr\s*[−-]?\s*\d[\d\s\u00a0]*\.\d\d\b|\b\d+\.\d\d\s*kr\b"),
    "«kr -»": re.compile(r"kr\s*-\s*\d"),
    "bindestrek som minus foran beløp": re.compile(r"(?<![\w.])-\s*kr\b"),
    "motormarkør": re.compile(r"\[(NV|INF|S|V|ASSUMPTION)[^\]]*\]"),
    "regel- eller kontrollkode": re.compile(r"\b(R\d{1,2}|A-\d\d|F\d\d)\b"),
    "feltsti": re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+(\[\d+\])?\b"),
    "rå nøkkel": re.compile(r"\b[a-z]+_[a-z0-9_]+\b"),  # a parameter or JSON key: «barnetillegg_per_day»
    "«holidays»": re.compile(r"holidays", re.IGNORECASE),
    "Python-verdi": re.compile(r"\b(None|True|False)\b|Decimal\("),
}

#: What the field-path pattern may meet in good Norwegian: abbreviations (each listed as the pattern sees it,
#: without the closing dot), and domain names and file names legitimately shown.
ALLOWED_DOTTED = {
    "f.eks",  # «for eksempel»
    "bl.a",  # «blant annet»
    "m.m",  # «med mer»
    "o.l",  # «og lignende»
    "dd.mm",  # the hint «dd.mm.åååå»: how a date is typed
    "jf.",  # «jevnfør» — never matches (one letter group), listed so it is not «fixed» away
    "klagebenk.nav",  # the import format's name «klagebenk.nav-vedtak/1», which the JSON upload must follow
}
_DOMAIN_OR_FILE = re.compile(r"\.(no|com|org|pdf|json|xml|zip|docx?)\b")


def visible_text(page: str) -> str:
    tree = lxml_html.fromstring(page)
    for el in tree.xpath("//script|//style|//noscript"):
        el.drop_tree()
    # each text node apart: the cells, items and labels of a page never run into one another
    return " ".join(" ".join(t.split()) for t in tree.itertext() if t.strip())


def offences(text: str) -> list[str]:
    found = []
    for name, pattern in FORBIDDEN.items():
        for m in pattern.finditer(text):
            word = m.group(0)
            if name == "feltsti" and (word in ALLOWED_DOTTED or _DOMAIN_OR_FILE.search(word)):
                continue
            found.append(f"{name}: «{word}» i «…{text[max(0, m.start() - 60):m.end() + 60]}…»")
    return found


def test_the_checker_finds_what_it_must():
    """The patterns catch each kind of machine word, and let Norwegian through."""
    for bad in ("mottatt 2025-11-26", "11700.00 kr", "kr -9 360", "- kr 9 360", "[NV] sats", "A-10", "R24",
                "payments[0].net", "assessment.faktum", "holidays NO", "None", "Decimal('1')",
                "barnetillegg_per_day 37"):
        assert offences(bad), bad
    for good in ("mottatt 26.11.2025", "kr 11 700,00", "− kr 9 360", "+kr 2 638", "f.eks. 1 234,50",
                 "jf. § 38", "postmottak@statsforvalteren.no", "vedtak.pdf", "kl. 14.05", "NAV-01"):
        assert not offences(good), (good, offences(good))


def _record_review(app, case) -> None:
    """The jurist's review as the review page stores it (``review_store``): the engine's outcome chosen,
    every ⚖ point and every argument answered, a late appeal admitted."""
    from sqlmodel import select

    from workbench.appeal.outcome import DiscretionAnswer, Recorded, S48Finding
    from workbench.db.models import Case
    from workbench.db.session import session_for
    from workbench.services import audit, review_store
    from workbench.services.letters import review_view

    def fresh(s):
        s.expire_all()
        return s.exec(select(Case).where(Case.id == case.id)).one()

    actor = audit.Actor.cli()
    with session_for(app) as s:
        review = review_view(s, fresh(s), today=date.today()).review
        points = {p["code"]: p for p in review["discretion"]}
        late = any(r["field"] == "admissibility.late_appeal" for r in review["outcome"]["requires"])
        chosen = review["outcome"]["code"]
        recorded = Recorded(
            chosen_outcome=chosen, outcome_reasons="Utfallet følger av beregningen.",
            discretion_answers=tuple(DiscretionAnswer(code=c, answer=f"Vurdert: {p['topic']}",
                                                      reasons="Opplysningene er tilstrekkelige.")
                                     for c, p in points.items()),
            s48_findings=tuple(S48Finding(code=c, apenbart_urimelig=False, reasons="Ikke åpenbart urimelig.",
                                          self_government="Selvstyret er tillagt vekt.")
                               for c, p in points.items() if p.get("limited_by_sotjl_48")),
            late_appeal_admitted=True if late else None,
            late_appeal_reasons="Klageren kan ikke lastes." if late else None,
            late_appeal_ground="ikke_lastes" if late else None,
            avvisning_exception="ingen" if chosen == "avvise" else None)
        c = fresh(s)
        review_store.save_recorded(s, c, recorded, expected_version=c.version, actor=actor)
        c = fresh(s)
        review_store.save_argument_answers(s, c, {i: "Anførselen er vurdert." for i in range(len(review["arguments"]))},
                                           expected_version=c.version, actor=actor)


class Walk:
    """The pages read and what was found on them."""

    def __init__(self):
        self.scanned: list[str] = []
        self.problems: list[str] = []

    def scan(self, client, who: str, url: str, response=None, *, expect=(200,)) -> None:
        response = response if response is not None else client.get(url)
        assert response.status_code in expect, (who, url, response.status_code)
        self.scanned.append(f"{who} {url} ({response.status_code})")
        self.problems.extend(f"{who} {url}: {o}" for o in offences(visible_text(response.get_data(as_text=True))))

    def report(self) -> None:
        print(f"\n{len(self.scanned)} sider lest:\n  " + "\n  ".join(self.scanned))
        assert not self.problems, f"{len(self.problems)} maskinord:\n" + "\n".join(self.problems[:80])


@pytest.fixture
def walk_cases(app, client_as, import_case):
    """The worked cases imported (some assigned to the saksbehandler, one without a received date), the review
    recorded on four of them; the saksbehandler's, the leder's and the arkivar's clients."""
    sb, leder, arkivar = client_as("saksbehandler"), client_as("leder"), client_as("arkivar")
    cases = [import_case(name, assign_to=sb.user if i % 2 else None) for i, name in enumerate(CASES)]
    cases.append(import_case("D10.json", received=None))  # no received date: the case page asks for it
    for case in cases[:4]:
        _record_review(app, case)
    return cases, sb, leder, arkivar


@pytest.mark.slow
def test_the_letter_page_shows_no_machine_words(walk_cases):
    cases, sb, leder, _ = walk_cases
    walk = Walk()
    for who, client in (("saksbehandler", sb), ("leder", leder)):
        for case in cases:
            walk.scan(client, who, f"/saker/{case.public_id}/vedtak")
    walk.report()


@pytest.mark.slow
def test_no_page_shows_machine_words(walk_cases):
    cases, sb, leder, arkivar = walk_cases
    walk = Walk()
    scan = walk.scan

    for who, client in (("saksbehandler", sb), ("leder", leder)):
        for url in ("/saker/mine", "/saker/alle", *(f"/saker/ko/{k}" for k in QUEUE_KEYS),
                    "/import/", "/import/skjema"):
            scan(client, who, url)
        for case in cases:
            for url in (f"/saker/{case.public_id}", f"/saker/{case.public_id}/vurdering",
                        f"/saker/{case.public_id}/brev"):  # the letter page: the test above
                scan(client, who, url)
    for who, client in (("leder", leder), ("arkivar", arkivar)):
        scan(client, who, "/arkivering/")
    scan(arkivar, "arkivar", "/saker/arkiv")

    # after a bad submission: the hand-entry form with an impossible date, a wrong amount and a missing choice
    bad_form = {**small_case_form(), "decision.date": "31.02.2025", "payments[0].net": "fire tusen",
                "appeal.by": "", "work[0].hours": "30,5", "action": "save"}
    scan(sb, "saksbehandler", "/import/skjema (ugyldig)", sb.post("/import/skjema", data=bad_form), expect=(422, 400))
    # a JSON file that fails the validation
    import io
    bad_json = b'{"format": "klagebenk.nav-vedtak/1", "decision": {"date": "2025-02-31"}, "payments": [{"net": "x"}]}'
    scan(sb, "saksbehandler", "/import/fil (ugyldig)",
         sb.post("/import/fil", data={"document": (io.BytesIO(bad_json), "vedtak.json")},
                 content_type="multipart/form-data"), expect=(422,))
    # an impossible received date on the case page
    case = cases[-1]
    scan(sb, "saksbehandler", f"/saker/{case.public_id}/mottatt (ugyldig)",
         sb.post(f"/saker/{case.public_id}/mottatt", data={"received": "31.02.2025", "version": case.version}),
         expect=(400,))
    # the archive search with an impossible date
    scan(leder, "leder", "/arkivering/ (ugyldig dato)",
         leder.post("/arkivering/", data={"date_from": "31.02.2025"}), expect=(400,))

    assert len(walk.scanned) == 2 * (8 + 2 + 3 * len(cases)) + 3 + 4
    walk.report()


# --- the hand-entry form: dates typed dd.mm.åååå, amounts with a comma or a point, nothing changed ----------

def test_an_impossible_date_is_named_at_its_field_and_kept_as_typed(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    response = sb.post("/import/skjema", data={**small_case_form(), "decision.date": "31.02.2025",
                                               "payments[0].net": "fire tusen", "action": "save"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and row_counts() == before
    tree = lxml_html.fromstring(page)
    field = tree.get_element_by_id("f-decision-date")
    assert field.get("type") == "text" and field.get("value") == "31.02.2025"  # as typed, never emptied
    assert " ".join(tree.get_element_by_id("f-decision-date-error").text_content().split()) == \
        "Skriv en gyldig dato (dd.mm.åååå)."
    assert "Skriv et beløp i kroner" in tree.get_element_by_id("f-payments-0-net-error").text_content()
    summary = " ".join(tree.get_element_by_id("error-summary").text_content().split())
    assert "Vedtaket – vedtaksdato: Skriv en gyldig dato (dd.mm.åååå)." in summary
    assert "Utbetalingsperiode 1 – netto utbetalt: Skriv et beløp i kroner" in summary
    assert "mangler" not in summary and "ÅÅÅÅ" not in summary  # one error per field, ours
    assert 'type="date"' not in page


def test_dates_and_amounts_as_a_norwegian_types_them_are_read(client_as, db):
    from sqlmodel import select

    from workbench.db.models import ImportedDecision

    sb = client_as("saksbehandler")
    form = {**small_case_form(), "decision.date": "22.10.2025", "programme.from": "2.6.2025",  # ISO elsewhere
            "payments[0].gross": "10767.56", "payments[0].net": "4 767,00", "work[0].hours": "30,0",
            "payments[0].deductions[0].amount": "6 000", "action": "save"}
    response = sb.post("/import/skjema", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    raw = db.exec(select(ImportedDecision)).one().raw  # the document as the form built it
    for expected in ('"2025-10-22"', '"2025-06-02"', "10767.56", "4767.00", '"6000"'):
        assert expected in raw, (expected, raw[:800])


def test_an_invalid_json_upload_names_its_fields_in_words(client_as):
    import io

    bad = b'{"format": "klagebenk.nav-vedtak/1", "decision": {"date": "2025-02-31"}}'
    page = client_as("saksbehandler").post("/import/fil", data={"document": (io.BytesIO(bad), "v.json")},
                                           content_type="multipart/form-data").get_data(as_text=True)
    text = visible_text(page)
    assert "Vedtaket – vedtaksdato: «31.02.2025» er ikke en gyldig dato" in text, text[:2000]
    assert not offences(text)
