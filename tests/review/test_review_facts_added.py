"""Facts added, changed and removed during review (issue 13): «Rette faktum» on the review page takes a claimant's
new fact — a child born, hours of work, an absence, a benefit, a payment period — chosen by its Norwegian label,
typed the Norwegian way, validated by the one import validation, stored with who, when, why and the source; the
case re-evaluates at once and the original import stays as it was.

D05 (Nav Trondheim, one child born 2011, November 2025: 20 stønadsdager) is the worked case: its barnetillegg is
20 × 37 kr = kr 740 and the net kr 16 375 (docs/cases/expected/D05.json). A second child counts from its birth
(forskrift § 3 / sosialtjenesteloven § 35 second paragraph): 20 × 2 × 37 = kr 1 480, net kr 17 115.
"""

from __future__ import annotations

import re

from sqlmodel import func, select

from review_support import by_id, kr, page, text

D05_NET, D05_BARNETILLEGG = "16375", "740.00"
WITH_TWO_CHILDREN_NET, WITH_TWO_CHILDREN_BARNETILLEGG = "17115", "1480.00"


def _version(db, case_id) -> int:
    from workbench.db.models import Case

    db.expire_all()
    return db.get(Case, case_id).version


def _counts(db) -> dict[str, int]:
    from workbench.db.appeal_models import CaseReview, FactCorrection
    from workbench.db.models import AuditEvent, Evaluation, ImportedDecision

    db.expire_all()
    return {m.__tablename__: db.exec(select(func.count()).select_from(m)).one()
            for m in (CaseReview, FactCorrection, Evaluation, ImportedDecision, AuditEvent)}


def _raw_import(db, case) -> str:
    from workbench.db.models import ImportedDecision

    db.expire_all()
    return db.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one().raw


def _figures(tree) -> tuple[str, str]:
    """«Riktig etter loven» (the total net by the law) and the first period's «Barnetillegg», as the page shows them."""
    boxes = {text(b.xpath('.//span[@class="summary-label"]')[0]): text(b.xpath('.//span[@class="summary-value"]')[0])
             for b in tree.xpath('//div[contains(@class, "summary-box")]')}
    row = by_id(tree, "periode-1").xpath('.//tr[th[normalize-space()="Barnetillegg"]]')[0]
    return boxes["Riktig etter loven"], text(row.xpath("./td")[1])


def _option(tree, label_start: str) -> str:
    """The hidden value of the «Hva skal rettes?» choice whose label starts so (the jurist picks by label)."""
    found = [o.get("value") for o in tree.xpath('//select[@id="path"]//option') if text(o).startswith(label_start)]
    assert len(found) == 1, (label_start, [text(o) for o in tree.xpath('//select[@id="path"]//option')])
    return found[0]


def _add(client, case, db, list_path: str, why="Klageren har sendt inn fødselsattest for et barn til.",
         where="klagers brev 12.03.2026", **fields):
    """Post «Legg til …»: the item's fields as ``item-<key>``, with why and the source."""
    data = {"version": _version(db, case.id), "path": f"+{list_path}", "reason": why, "source": where}
    data.update({f"item-{k}": v for k, v in fields.items()})
    return client.post(f"/saker/{case.public_id}/vurdering/faktum", data=data)


def test_a_second_child_added_in_review_changes_the_figures(client_as, import_case, db, pin_today):
    from workbench.services import audit

    pin_today("2026-01-20")
    case = import_case("D05.json")
    raw = _raw_import(db, case)
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert _figures(tree) == (kr(D05_NET), kr(D05_BARNETILLEGG, 2))
    section = by_id(tree, "faktum")
    assert "Legg til barn" in [text(s) for s in section.xpath(".//summary")]

    r = _add(sb, case, db, "children", birth_date="01.05.2020")
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    tree = page(sb.get(url))
    assert _figures(tree) == (kr(WITH_TWO_CHILDREN_NET), kr(WITH_TWO_CHILDREN_BARNETILLEGG, 2))
    assert "Barn 2 er lagt til" in r.get_data(as_text=True) or "Barn 2 er lagt til" in text(tree)
    row = text(by_id(tree, "rettelse-1"))
    assert "Barn 2 lagt til" in row and "fødselsdato 01.05.2020" in row
    assert sb.user.display_name in row and "fødselsattest for et barn til" in row and "klagers brev 12.03.2026" in row
    assert _raw_import(db, case) == raw  # the original import is never changed
    # the new child is a choice by its label now, never by a path
    assert _option(tree, "Barn 2 – fødselsdato") == "children[1].birth_date"
    # the audit names the fields, never the values (no personal data)
    details = [e.detail or "" for e in audit.events_for_case(db, case.id) if e.action == "review.fact_corrected"]
    assert len(details) == 1 and "fields=birth_date" in details[0] and "2020" not in details[0]

    remove = _option(tree, "Fjern barn 2 (født 01.05.2020)")
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": remove,
                                       "reason": "Barnet bor hos den andre forelderen.", "source": "Navs oversendelse"})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    tree = page(sb.get(url))
    assert _figures(tree) == (kr(D05_NET), kr(D05_BARNETILLEGG, 2))  # the figures return
    row = text(by_id(tree, "rettelse-2"))
    assert "Barn 2 fjernet" in row and "fødselsdato 01.05.2020" in row and "Navs oversendelse" in row
    assert _raw_import(db, case) == raw


def test_a_child_born_31_02_2025_is_refused_at_its_field_and_nothing_is_stored(client_as, import_case, db):
    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    before = _counts(db)
    v = _version(db, case.id)
    r = _add(sb, case, db, "children", birth_date="31.02.2025")
    assert r.status_code == 400
    tree = page(r)
    err = text(by_id(tree, "legg-til-children-birth_date-error"))
    # the one import validation says the day does not exist; the page names the field by its label
    assert err.startswith("Fødselsdato:") and "31.02.2025" in err and "gyldig dato" in err
    assert not re.search(r"\d{4}-\d{2}-\d{2}|children|birth_date", err)
    assert by_id(tree, "legg-til-children").get("open") is not None  # the form stays open with what was typed
    assert by_id(tree, "legg-til-children-birth_date").get("value") == "31.02.2025"
    # a date not written as dd.mm.åååå is refused before the validation, in words
    r = _add(sb, case, db, "children", birth_date="2020/05/01")
    assert r.status_code == 400 and "dd.mm.åååå" in text(by_id(page(r), "legg-til-children-birth_date-error"))
    # no reason, nothing stored either
    r = _add(sb, case, db, "children", why="", birth_date="01.05.2020")
    assert r.status_code == 400 and "hvorfor" in text(by_id(page(r), "legg-til-children-reason-error"))
    assert _counts(db) == before and _version(db, case.id) == v


def test_every_list_of_facts_takes_a_new_item(client_as, import_case, db, pin_today):
    """Work, absence, days without stønad, ferie, a benefit, a payment period and a deduction: each stored,
    re-evaluated, listed by its label with its values formatted."""
    from workbench.services import review_store

    pin_today("2026-01-20")
    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    items = [
        ("work", {"kind": "arbeid", "from": "10.11.2025", "to": "14.11.2025", "hours": "7,5"},
         "Arbeid 1 lagt til", "timer i perioden 7,5"),
        ("absence", {"date": "03.11.2025", "hours": "3,25", "valid": "false"},
         "Fravær 1 lagt til", "gyldig eller ugyldig Ugyldig fravær"),
        ("leave_without_stonad", {"from": "24.11.2025", "to": "25.11.2025", "reason": "Avtalt permisjon"},
         "Dager uten stønad 1 lagt til", "fra 24.11.2025"),
        ("ferie", {"from": "26.11.2025", "to": "27.11.2025"}, "Ferie 1 lagt til", "til 27.11.2025"),
        ("benefits", {"kind": "dagpenger", "from": "01.11.2025", "to": "05.11.2025", "daily_amount": "1 234,50"},
         "Annen ytelse 2 lagt til", "beløp per dag kr 1 234,50"),
        ("payments", {"from": "01.12.2025", "to": "31.12.2025", "net": "16 000"},
         "Utbetalingsperiode 2 lagt til", "netto utbetalt kr 16 000"),
        ("payments[0].deductions", {"kind": "annen", "amount": "100,50"},
         "Utbetalingsperiode 1, trekk 2 lagt til", "beløp kr 100,50"),
    ]
    evaluations = _counts(db)["evaluations"]
    for n, (list_path, fields, label, shown) in enumerate(items, start=1):
        r = _add(sb, case, db, list_path, why="Dokumentert i klagen.", where="klagers brev", **fields)
        assert r.status_code == 302, (list_path, text(page(r).xpath('//section[@id="faktum"]')[0]))
        row = text(by_id(page(sb.get(url)), f"rettelse-{n}"))
        assert label in row and shown in row, (list_path, row)
    assert _counts(db)["evaluations"] == evaluations + len(items)  # re-evaluated each time
    state = review_store.load_review(db, case)
    assert [len(state.document[k]) for k in ("work", "absence", "leave_without_stonad", "ferie", "benefits",
                                             "payments")] == [1, 1, 1, 1, 2, 2]
    assert len(state.document["payments"][0]["deductions"]) == 2
    assert state.original_document["work"] == [] and len(state.original_document["payments"]) == 1


def test_a_field_changed_by_its_label_with_a_decimal_comma(client_as, import_case, db, pin_today):
    pin_today("2026-01-20")
    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    choice = _option(tree, "Annen ytelse 1 – beløp per dag (nå: kr 600,00)")
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": choice, "value": "kr 500,50",
                                       "reason": "Vedtaket om sykepenger viser en lavere dagsats.",
                                       "source": "sykepengevedtak 20.11.2025"})
    assert r.status_code == 302, text(page(r).xpath('//section[@id="faktum"]')[0])
    tree = page(sb.get(url))
    row = text(by_id(tree, "rettelse-1"))
    assert "Annen ytelse 1 – beløp per dag" in row and "kr 600,00" in row and "kr 500,50" in row
    assert "sykepengevedtak 20.11.2025" in row
    # 10 days of sykepenger à 500,50 on 8 stønadsdager … the samordning is lower, so the net by the law rises
    assert _figures(tree)[0] != kr(D05_NET)
    # a date typed dd.mm.åååå, shown so in the list
    choice = _option(page(sb.get(url)), "Annen ytelse 1 – til")
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": choice, "value": "14.11.2025",
                                       "reason": "Sykmeldingen ble avsluttet tidligere."})
    assert r.status_code == 302
    row = text(by_id(page(sb.get(url)), "rettelse-2"))
    assert "Annen ytelse 1 – til" in row and "19.11.2025" in row and "14.11.2025" in row and row.endswith("–")


def test_the_form_shows_labels_never_paths(client_as, import_case, db):
    case = import_case("D03.json")
    sb = client_as("saksbehandler")
    tree = page(sb.get(f"/saker/{case.public_id}/vurdering"))
    section = by_id(tree, "faktum")
    shown = text(section)
    assert not re.search(r"\w\[\d+\]|\b(children|work|payments|absence|benefits)\b|\d{4}-\d{2}-\d{2}", shown), shown
    labels = [text(o) for o in section.xpath(".//option")]
    assert "Barn 1 – fødselsdato (nå: 12.06.2014)" in labels
    assert "Arbeid 1 – timer i perioden (nå: 20)" in labels
    assert "Fjern arbeid 1 (01.09.2025–14.09.2025, 20 timer)" in labels
    summaries = [text(s) for s in section.xpath(".//summary")]
    assert {"Legg til barn", "Legg til arbeid", "Legg til fravær", "Legg til annen ytelse",
            "Legg til utbetalingsperiode", "Legg til trekk i utbetalingsperiode 1"} <= set(summaries)
    # every field of an add form has a label tied to it
    for inp in section.xpath('.//details//input[@type="text"] | .//details//select | .//details//textarea'):
        assert section.xpath(f'.//label[@for="{inp.get("id")}"]'), inp.get("id")


def test_a_wrong_value_is_named_by_its_label_and_nothing_is_stored(client_as, import_case, db):
    case = import_case("D03.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    before = _counts(db)
    tree = page(sb.get(url))
    # the work period's end before its start: the one validation's error, named by the label
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": _option(tree, "Arbeid 1 – til"),
                                       "value": "31.08.2025", "reason": "Timelisten."})
    assert r.status_code == 400
    err = text(by_id(page(r), "value-error"))
    assert err.startswith("Arbeid 1 – til:") and "31.08.2025" in err and "work" not in err and "from" not in err
    # a required fact cannot become unknown
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": _option(tree, "Barn 1 – fødselsdato"),
                                       "value": "ukjent", "reason": "x"})
    assert r.status_code == 400 and "Barn 1 – fødselsdato må ha en verdi" in text(by_id(page(r), "value-error"))
    # the last payment period cannot go: the error at the choice, by the list's name
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id),
                                       "path": _option(tree, "Fjern utbetalingsperiode 1"), "reason": "x"})
    assert r.status_code == 400 and "Utbetalingsperioder:" in text(by_id(page(r), "path-error"))
    assert _counts(db) == before


def test_an_optional_fact_becomes_unknown(client_as, import_case, db):
    from workbench.services import review_store

    case = import_case("D03.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id),
                                       "path": _option(page(sb.get(url)), "Klagen – mottatt av Nav-kontoret"),
                                       "value": "ukjent", "reason": "Stempelet er uleselig."})
    assert r.status_code == 302
    assert review_store.load_review(db, case).document["appeal"].get("received") is None
    assert "Klagen – mottatt av Nav-kontoret" in text(by_id(page(sb.get(url)), "rettelse-1"))


def test_a_stale_page_adds_nothing(client_as, import_case, db):
    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    before = _counts(db)
    data = {"version": _version(db, case.id) - 1, "path": "+children", "item-birth_date": "01.05.2020",
            "reason": "Fødselsattest.", "source": "klagers brev"}
    r = sb.post(f"/saker/{case.public_id}/vurdering/faktum", data=data)
    assert r.status_code == 409
    tree = page(r)
    assert "endret av noen andre" in text(by_id(tree, "conflict"))
    assert by_id(tree, "legg-til-children-birth_date").get("value") == "01.05.2020"  # what was typed stays
    assert _counts(db) == before


def _letter(db, case, status: str):
    from workbench.db.appeal_models import Letter

    db.add(Letter(case_id=case.id, status=status))
    db.commit()


def test_adding_or_removing_after_approval_withdraws_it(client_as, import_case, db):
    """A fact added or removed after the leder approved changes the letter: the approval is withdrawn
    (as for a changed fact, issue 12), and while the letter lies with the leder nothing is stored."""
    from workbench.db.appeal_models import ApprovalEvent, Letter
    from workbench.services import approval

    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    _letter(db, case, "godkjent")
    r = _add(sb, case, db, "children", birth_date="01.05.2020")
    assert r.status_code == 302
    db.expire_all()
    assert db.exec(select(Letter).where(Letter.case_id == case.id)).one().status == "utkast"
    event = db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)).one()
    assert event.action == approval.WITHDRAWN and "lagt til" in (event.comment or "")
    assert "tilbakekalt" in text(page(sb.get(r.location)))

    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    letter.status = "godkjent"
    db.add(letter)
    db.commit()
    tree = page(sb.get(f"/saker/{case.public_id}/vurdering"))
    r = sb.post(f"/saker/{case.public_id}/vurdering/faktum", data={
        "version": _version(db, case.id), "path": _option(tree, "Fjern barn 2"), "reason": "Feil barn."})
    assert r.status_code == 302
    db.expire_all()
    assert db.exec(select(Letter).where(Letter.case_id == case.id)).one().status == "utkast"
    events = db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)).all()
    assert [e.action for e in events] == [approval.WITHDRAWN, approval.WITHDRAWN] and "fjernet" in (events[1].comment or "")

    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    letter.status = "til_godkjenning"
    db.add(letter)
    db.commit()
    before = _counts(db)
    r = _add(sb, case, db, "children", birth_date="01.05.2020")
    assert r.status_code == 409 and approval.AWAITING_MESSAGE in r.get_data(as_text=True)
    assert _counts(db) == before


def test_a_finished_case_shows_the_corrections_but_no_form(client_as, import_case, db):
    from workbench.db.models import Case

    case = import_case("D05.json")
    sb = client_as("saksbehandler")
    assert _add(sb, case, db, "children", birth_date="01.05.2020").status_code == 302
    row = db.get(Case, case.id)
    row.status = "ferdigstilt"
    db.add(row)
    db.commit()
    section = by_id(page(sb.get(f"/saker/{case.public_id}/vurdering")), "faktum")
    assert not section.xpath(".//form") and "kan ikke rettes lenger" in text(section)
    assert "Barn 2 lagt til" in text(section.xpath('.//*[@id="rettelser"]')[0])
    before = _counts(db)
    assert _add(sb, case, db, "children", birth_date="02.05.2020").status_code == 302  # refused: back to the page
    assert _counts(db) == before
