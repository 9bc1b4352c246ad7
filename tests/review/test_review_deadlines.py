"""Deadlines on the review page: til ugunst (fvl. § 34, R24) unlocks only with the conditions recorded
within 3 months of the Nav office receiving the appeal; a late appeal whose deadline moves over
Easter, and one more than a year old, are caught with the computation shown."""

from __future__ import annotations

from review_support import by_id, page, text, variant


def _version(db, case_id) -> int:
    from workbench.db.models import Case

    db.expire_all()
    return db.get(Case, case_id).version


INTERESTS = "Hensynet til lik behandling og riktig bruk av offentlige midler."


def test_d07_suggestion_is_stadfeste_with_the_warning(client_as, import_case, pin_today):
    pin_today("2025-08-01")
    case = import_case("D07.json")
    tree = page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering"))
    assert text(by_id(tree, "forslag")) == "Stadfeste"
    utfall = text(by_id(tree, "utfall"))
    assert "til ugunst for klageren" in utfall and "fvl. § 34" in utfall
    assert "11.09.2025" in text(by_id(tree, "varsel-frist"))
    assert "41 dager igjen" in text(by_id(tree, "varsel-frist"))
    assert "disabled" in by_id(tree, "outcome-omgjore").attrib
    assert "disabled" in by_id(tree, "outcome-omgjore_delvis").attrib


def test_d07_conditions_recorded_within_three_months_unlock_endre(client_as, import_case, db, pin_today):
    pin_today("2025-08-01")  # D07: appeal.received 11.06.2025 → deadline 11.09.2025
    case = import_case("D07.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    r = sb.post(url + "/ugunst", data={"version": _version(db, case.id), "interests": INTERESTS,
                                       "varsel": "2025-07-25"})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert "Åpnet" in text(by_id(tree, "ugunst-status"))
    assert "disabled" not in by_id(tree, "outcome-omgjore").attrib
    assert text(by_id(tree, "forslag")) == "Endre (omgjøre)"
    r = sb.post(url + "/utfall", data={"version": _version(db, case.id), "outcome": "omgjore",
                                       "reasons": "Nav har brukt ny G for dagene før 1. mai."})
    assert r.status_code == 302
    # the varsel draft holds the deadline and the recorded interests
    letter = page(sb.get(url + "/varsel"))
    body = text(letter.xpath("//article")[0])
    assert "11.09.2025" in body and INTERESTS in body and "UTKAST" in body


def test_d07_after_three_months_stays_locked(client_as, import_case, db, pin_today):
    pin_today("2025-10-01")  # past 11.09.2025
    case = import_case("D07.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert "gikk ut" in text(by_id(tree, "varsel-frist"))
    # interests recorded, no varsel (too late to send one): still locked
    assert sb.post(url + "/ugunst", data={"version": _version(db, case.id), "interests": INTERESTS}).status_code == 302
    tree = page(sb.get(url))
    assert "Sperret" in text(by_id(tree, "ugunst-status"))
    assert "disabled" in by_id(tree, "outcome-omgjore").attrib
    # a varsel dated after the deadline does not unlock it either
    assert sb.post(url + "/ugunst", data={"version": _version(db, case.id), "interests": INTERESTS,
                                          "varsel": "2025-09-20"}).status_code == 302
    tree = page(sb.get(url))
    assert "Sperret" in text(by_id(tree, "ugunst-status"))
    assert "etter fristen" in text(by_id(tree, "ugunst"))
    r = sb.post(url + "/utfall", data={"version": _version(db, case.id), "outcome": "omgjore", "reasons": "Forsøk."})
    assert r.status_code == 400
    assert "sperret" in text(by_id(page(r), "outcome-error"))
    assert text(by_id(page(sb.get(url)), "forslag")) == "Stadfeste"


def test_varsel_in_the_future_is_refused(client_as, import_case, db, pin_today):
    pin_today("2025-08-01")
    case = import_case("D07.json")
    r = client_as("saksbehandler").post(f"/saker/{case.public_id}/vurdering/ugunst",
                                        data={"version": _version(db, case.id), "interests": INTERESTS,
                                              "varsel": "2025-08-15"})
    assert r.status_code == 400
    assert "framtiden" in text(by_id(page(r), "varsel-error"))


def test_unknown_appeal_received_the_jurist_establishes_it(client_as, import_doc, db, pin_today):
    pin_today("2025-08-01")
    case = import_doc(variant("D07", **{"appeal.received": None}))
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert "Ukjent" in text(by_id(tree, "ugunst")) or "ukjent" in text(by_id(tree, "ugunst"))
    r = sb.post(url + "/ugunst", data={"version": _version(db, case.id), "interests": INTERESTS,
                                       "appeal_received": "2025-06-12", "varsel": "2025-07-25"})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert "12.09.2025" in text(by_id(tree, "varsel-frist"))
    assert "fastsatt av juristen" in text(by_id(tree, "ugunst"))
    assert "Åpnet" in text(by_id(tree, "ugunst-status"))


def test_late_appeal_over_easter_is_caught_and_the_computation_shown(client_as, import_doc, db, pin_today):
    pin_today("2025-06-01")
    doc = variant("D02", **{"decision.date": "2025-03-27", "decision.notice_received": "2025-03-28",
                            "appeal.sent": "2025-04-23", "appeal.received": "2025-04-24"})
    case = import_doc(doc)
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    adgang = text(by_id(tree, "adgang"))
    assert "fredag 18.04.2025" in adgang
    assert "langfredag" in adgang and "1. påskedag" in adgang and "2. påskedag" in adgang
    assert "tirsdag 22.04.2025" in adgang
    assert text(by_id(tree, "klagefrist-dato")) == "22.04.2025"
    assert "1 dager for sent" in adgang
    assert "Må vurderes" in text(by_id(tree, "vilkar-klagefrist")) or "Ikke oppfylt" in text(by_id(tree, "vilkar-klagefrist"))
    # the jurist decides under fvl. § 31: reasons required when admitted
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "ja"})
    assert r.status_code == 400
    assert "Begrunn" in text(by_id(page(r), "late_appeal_reasons-error"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "ja",
                                       "late_appeal_reasons": "Påsken; én dag for sent, klageren kan ikke lastes."})
    assert r.status_code == 400  # and the ground under fvl. § 31 first paragraph (a or b)
    assert "grunnlaget" in text(by_id(page(r), "late_appeal_ground-error"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "ja",
                                       "late_appeal_ground": "ikke_lastes",
                                       "late_appeal_reasons": "Påsken; én dag for sent, klageren kan ikke lastes."})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert by_id(tree, "late_appeal_admitted-ja").get("checked") is not None
    assert "tatt under behandling" in text(by_id(tree, "utfall"))
    # not admitted → avvise
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "late_appeal_admitted": "nei"})
    assert r.status_code == 302
    assert text(by_id(page(sb.get(url)), "forslag")) == "Avvise"


def test_appeal_more_than_a_year_old_is_avvist_with_the_computation(client_as, import_doc, db, pin_today):
    pin_today("2026-06-01")
    doc = variant("D02", **{"appeal.sent": "2026-04-23", "appeal.received": "2026-04-24",
                            "appeal.forwarded": "2026-05-04"})
    case = import_doc(doc)
    tree = page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering"))
    adgang = text(by_id(tree, "adgang"))
    assert "ettårsgrensen er 03.04.2026" in adgang
    assert "mer enn ett år" in adgang
    assert "overskredet" in adgang
    assert text(by_id(tree, "forslag")) == "Avvise"
    for option in ("stadfeste", "omgjore", "omgjore_delvis", "oppheve"):
        assert "disabled" in by_id(tree, f"outcome-{option}").attrib
    assert "disabled" not in by_id(tree, "outcome-avvise").attrib


def test_unknown_notice_date_the_jurist_records_it(client_as, import_doc, db, pin_today):
    pin_today("2025-06-01")
    case = import_doc(variant("D02", **{"decision.notice_received": None}))
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert "Ukjent i importen" in text(by_id(tree, "adgang"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id), "notice_received": "2025-04-07"})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert text(by_id(tree, "klagefrist-dato")) == "28.04.2025"


def test_d08_fullmektig_and_form_recorded_by_the_jurist(client_as, import_case, db, pin_today):
    pin_today("2025-04-01")
    case = import_case("D08.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    assert "Juristen avgjør" in text(by_id(tree, "vilkar-klagerett"))
    assert "fullmektig" in text(by_id(tree, "vilkar-klagerett"))
    assert "4 dager for sent" in text(by_id(tree, "adgang"))
    r = sb.post(url + "/adgang", data={"version": _version(db, case.id),
                                       "klagerett_assessment": "Skriftlig fullmakt ligger i saken.",
                                       "form_confirmed": "y", "late_appeal_admitted": "ja",
                                       "late_appeal_ground": "ikke_lastes",
                                       "late_appeal_reasons": "Fire dager; fullmektigen var syk."})
    assert r.status_code == 302
    # a later save of the ⚖ points keeps the admissibility record
    r = sb.post(url + "/skjonn", data={"version": _version(db, case.id), "answer-F4": "Gyldig fravær",
                                       "reasons-F4": "Legeerklæring."})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert "Skriftlig fullmakt ligger i saken." in text(by_id(tree, "vilkar-klagerett"))
    assert "Bekreftet av juristen" in text(by_id(tree, "vilkar-form"))
    assert by_id(tree, "form_confirmed").get("checked") is not None
    assert text(by_id(tree, "answer-F4")) == "Gyldig fravær"


def test_a_bad_date_gets_a_norwegian_error_at_the_field(client_as, import_case, db):
    case = import_case("D07.json")
    r = client_as("saksbehandler").post(f"/saker/{case.public_id}/vurdering/ugunst",
                                        data={"version": _version(db, case.id), "varsel": "31.02.2025"})
    assert r.status_code == 400
    assert text(by_id(page(r), "varsel-error")) == "Skriv en gyldig dato (dd.mm.åååå)."
