"""rules.md §8 on the review page: the reasons in words for S-02, S-08, S-09 and S-12 reach the jurist."""

from __future__ import annotations

from review_support import page, text, variant


def test_s08_s09_s12_reasons_in_words_on_the_review_page(client_as, import_doc, pin_today):
    pin_today("2026-03-10")
    doc = variant("D01")
    doc["programme"] = {"from": "2025-01-06", "to": "2026-01-05"}
    doc["decision"].update(date="2026-02-20", notice_received="2026-02-23", kind="utbetaling")
    doc["payments"] = [{"from": "2026-02-02", "to": "2026-02-13", "net": "9500"},   # S-08
                       {"from": "2025-12-01", "to": "2025-12-12", "net": "9000"}]
    doc["absence"] = [{"date": "2025-12-03", "hours": 7.5, "valid": False}]
    doc["ferie"] = [{"from": "2025-12-01", "to": "2025-12-05"}]                        # S-12
    doc["appeal"].update(sent="2026-03-30", requested_reasons="2026-03-02")          # S-09
    doc["appeal"].pop("received", None)
    doc["appeal"].pop("reasons_received", None)
    case = import_doc(doc)
    body = text(page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering")))
    assert "helt utenfor programperioden" in body
    assert "ferie fastsatt av kommunen" in body
    assert "opprinnelige fristen 16.03.2026" in body and "begrunnelse" in body


def test_s02_reason_in_words_on_the_review_page(client_as, import_doc, pin_today):
    pin_today("2027-06-01")
    doc = variant("D01")
    doc["programme"] = {"from": "2027-01-04", "to": "2027-12-31"}
    doc["decision"].update(date="2027-05-20", notice_received="2027-05-21")
    doc["payments"] = [{"from": "2027-05-03", "to": "2027-05-14", "net": "5000",
                        "deductions": [{"kind": "samordning", "amount": "800.00"}]}]
    doc["appeal"].update(sent="2027-05-25")
    for k in ("received", "forwarded", "statsforvalteren_received"):
        doc["appeal"].pop(k, None)
    case = import_doc(doc)
    body = text(page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering")))
    assert "ikke beregnet" in body and "avhenger ikke av grunnbeløpet" in body
