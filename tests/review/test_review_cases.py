"""Issue 5 acceptance through the web page, table-driven over every case in docs/cases/: the
review page shows the differences of expected/, the provision behind Nav's error (cases/README.md)
with its Lovdata link, and a sensible outcome suggestion."""

from __future__ import annotations

import pytest

from review_support import CASE_NAMES, by_id, kr, load_expected, page, text

#: cases/README.md: the provision behind Nav's error
PROVISION = {
    "D06": "sosialtjenesteloven § 37",
    "demo-omsorgsstonad": "sosialtjenesteloven § 38",  # § 38 used where § 37 applies
    "D07": "sosialtjenesteloven § 35",  # G / § 35 (T1)
    "D08": "sosialtjenesteloven § 36",
    "D09": "sosialtjenesteloven § 35",  # under 25 / § 35 andre ledd
    "D10": "sosialtjenesteloven § 37",  # «inkludert barnetillegg»
}

#: suggested outcome (label on the page), and the option disabled on the page
SUGGESTION = {
    "D01": ("Stadfeste", None), "D02": ("Stadfeste", None), "D03": ("Stadfeste", None),
    "D04": ("Stadfeste", None), "D05": ("Stadfeste", None),
    "D06": ("Endre (omgjøre)", "stadfeste"), "D08": ("Endre (omgjøre)", "stadfeste"),
    "demo-omsorgsstonad": ("Endre (omgjøre)", "stadfeste"),
    "D07": ("Stadfeste", "omgjore"), "D09": ("Stadfeste", "omgjore"), "D10": ("Stadfeste", "omgjore"),
    "D11": ("Avvise", "stadfeste"),
}


def test_every_case_is_in_the_tables():
    assert set(CASE_NAMES) == set(SUGGESTION)


@pytest.fixture
def reviewer(client_as, pin_today):
    pin_today("2026-11-23")
    return client_as("saksbehandler")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_review_page_shows_differences_provision_and_suggestion(reviewer, import_case, name):
    case = import_case(f"{name}.json")
    response = reviewer.get(f"/saker/{case.public_id}/vurdering")
    assert response.status_code == 200
    tree = page(response)
    exp = load_expected(name)

    # the differences of expected/, per period: Nav's net, the law's net, the difference
    nav_law = by_id(tree, "nav-loven")
    periods = nav_law.xpath('.//details[contains(@class, "period")]')
    assert len(periods) == len(exp["periods"])
    for det, per in zip(periods, exp["periods"]):
        net_row = det.xpath('.//tr[contains(@class, "total")]')[0]
        cells = [text(td) for td in net_row.xpath("./td")]
        assert cells[0] == kr(per["nav_net"], 2)
        assert cells[1] == kr(per["net"], 2)
        assert cells[2] == kr(per["difference"], 2)
        differs = abs(float(per["difference"])) > 1
        assert ("open" in det.attrib) is differs  # a period with an error opens by itself
        rows = {text(tr.xpath("./th")[0]): [text(td) for td in tr.xpath("./td")]
                for tr in det.xpath(".//table[contains(@class, 'nav-law')]/tbody/tr[th]")}
        assert rows["Stønadsdager"][1] == str(per["stonadsdager"])
        assert rows["Reduksjon for inntektsgivende arbeid"][1] == kr(per["work"], 2)
        assert rows["Samordning med andre ytelser"][1] == kr(per["samordning"], 2)
        assert rows["Trekk for fravær"][1] == kr(per["absence"], 2)
        # every component row names its provision with a Lovdata link
        links = det.xpath(".//table[contains(@class, 'nav-law')]//a[contains(@class, 'law')]/@href")
        assert links and all(h.startswith("https://lovdata.no/lov/2009-12-18-131/§3") for h in links)
        # the days and the trace are there, inside the <details> (no JS needed)
        assert det.xpath(".//h3[normalize-space()='Dagene']")
    summary = text(tree.xpath('//div[contains(@class, "review-summary")]')[0])
    assert kr(exp["total"]["difference"]) in summary

    # the provision behind Nav's error, with its Lovdata link
    hjemler = by_id(tree, "hjemler")
    if name in PROVISION:
        names = [text(a).replace(" (Lovdata, åpnes i ny fane)", "") for a in hjemler.xpath(".//a")]
        assert PROVISION[name] in names, names
        assert all(a.get("href").startswith("https://lovdata.no/") for a in hjemler.xpath(".//a"))
        assert tree.xpath('//section[@id="avvik"]//li[contains(@class, "discrepancy")]')
    else:
        assert hjemler is None
        assert "Ingen avvik" in text(by_id(tree, "avvik"))

    # the suggestion, and the option the law blocks is disabled with its reason
    label, disabled = SUGGESTION[name]
    assert text(by_id(tree, "forslag")) == label
    if disabled:
        radio = by_id(tree, f"outcome-{disabled}")
        assert "disabled" in radio.attrib
        assert text(by_id(tree, f"outcome-{disabled}-why"))
    enabled = [r.get("value") for r in tree.xpath('//input[@name="outcome"]') if "disabled" not in r.attrib]
    assert enabled


def test_til_ugunst_cases_show_the_warning_and_the_lock(reviewer, import_case):
    case = import_case("D09.json")
    tree = page(reviewer.get(f"/saker/{case.public_id}/vurdering"))
    assert "Sperret" in text(by_id(tree, "ugunst-status"))
    assert "fvl. § 34" in text(by_id(tree, "utfall"))
    assert "høyst «stadfeste»" in text(by_id(tree, "utfall"))
