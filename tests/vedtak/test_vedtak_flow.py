"""Issue 6 through the web: the demo case and D06, D08, D07 finalised in bokmål and nynorsk.

Each case: the review is recorded (outcome, answers, ⚖ points, § 48 findings), the saksbehandler edits
the blocks and sends, a different leder approves, the saksbehandler finalises. The stored PDF is then
opened: PDF/A identification, OutputIntent, fonts embedded, no JS/encryption/external reference
(``check_pdfa`` and pikepdf directly); the text carries the expected outcome and amounts.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from sqlmodel import select
from vedtak_support import RECORDED_TEXT, TOPIC_TEXT, fresh, record_review

from workbench.db.appeal_models import ApprovalEvent, Letter
from workbench.db.models import User
from workbench.letters.pdfa import check_pdfa, extract_text

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
FLOW = [(name, lang) for name in ("demo-omsorgsstonad", "D06", "D08", "D07") for lang in ("nb", "nn")]


def expected(name: str) -> dict:
    return json.loads((CASES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def kr(amount: str) -> str:
    n = int(Decimal(amount))
    return ("\u2212 kr " if n < 0 else "kr ") + f"{abs(n):,}".replace(",", " ")


def letter_form(case_version: int, lang: str, **blocks) -> dict:
    data = {"version": case_version, "language": lang, "our_reference": "2026/4711"}
    for key, text in TOPIC_TEXT[lang].items():
        data[f"block_{key}"] = text
    data.update({f"block_{k}": v for k, v in blocks.items()})
    return data


def take_through(db, case, sb, leder, lang, *, today=None):
    """Record the review, edit, send, approve, finalise. Returns the finalise response."""
    today = today or date.today()
    record_review(db, case, lang=lang, today=today)
    assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
    v = fresh(db, case).version
    r = sb.post(f"/saker/{case.public_id}/vedtak", data=letter_form(v, lang))
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    r = sb.post(f"/saker/{case.public_id}/vedtak/send", data={"version": fresh(db, case).version})
    assert r.status_code == 302, r.get_data(as_text=True)
    r = leder.post(f"/saker/{case.public_id}/vedtak/godkjenn", data={"version": fresh(db, case).version})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    return sb.post(f"/saker/{case.public_id}/vedtak/ferdigstill", data={"version": fresh(db, case).version})


def _outcome_phrase(name: str, lang: str) -> str:
    diff = Decimal(expected(name)["total"]["difference"])
    if diff > 1:
        return {"nb": "endrer vedtaket", "nn": "endrar vedtaket"}[lang]
    return {"nb": "stadfester vedtaket", "nn": "stadfestar vedtaket"}[lang]


@pytest.mark.parametrize("name,lang", FLOW)
def test_case_finalised_through_the_web(name, lang, db, import_case, client_as):
    sb = client_as("saksbehandler")
    leder = client_as("leder")
    case = import_case(f"{name}.json", assign_to=db.get(User, sb.user.id))
    r = take_through(db, case, sb, leder, lang)
    assert r.status_code == 302, r.get_data(as_text=True)[:4000]

    row = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    db.refresh(row)
    assert row.status == "ferdigstilt" and row.language == lang
    assert fresh(db, case).status == "ferdigstilt"
    assert row.pdf_sha256 == hashlib.sha256(row.pdf).hexdigest()
    assert row.finalized_by_id == sb.user.id

    # the download is the frozen bytes, with a filename without personal data
    dl = sb.get(f"/saker/{case.public_id}/vedtak/vedtak.pdf")
    assert dl.status_code == 200 and dl.mimetype == "application/pdf"
    assert dl.data == row.pdf and dl.data.startswith(b"%PDF")
    disposition = dl.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith(f'-{lang}.pdf"')
    doc = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    for personal in (doc["participant"]["name"].split()[0], doc["participant"]["fnr"]):
        assert personal not in disposition

    # PDF/A: the structural check, and directly with pikepdf
    assert check_pdfa(row.pdf) == []
    with pikepdf.open(io.BytesIO(row.pdf)) as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "2" and meta.get("pdfaid:conformance") == "B"
        intents = pdf.Root.OutputIntents
        assert str(intents[0].S) == "/GTS_PDFA1" and isinstance(intents[0].DestOutputProfile, pikepdf.Stream)
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        assert str(pdf.Root.get("/Lang")) == lang
        names = pdf.Root.get("/Names")
        assert names is None or ("/JavaScript" not in names and "/EmbeddedFiles" not in names)
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        fonts = 0
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and "/F" in obj.stream_dict:
                pytest.fail("external stream")
            if isinstance(obj, pikepdf.Dictionary):
                assert "/JS" not in obj and obj.get("/S") not in ("/JavaScript", "/URI", "/Launch", "/GoToR")
                if obj.get("/Type") == "/Font" and obj.get("/Subtype") == "/Type0":
                    for desc in obj.DescendantFonts:
                        assert any(k in desc.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                        fonts += 1
        assert fonts >= 2

    # the text: outcome, amounts, references, signature with the approving leder
    text = extract_text(row.pdf)
    assert _outcome_phrase(name, lang) in text
    for p in expected(name)["periods"]:
        assert kr(p["net"]) in text and kr(p["nav_net"]) in text
    assert "2026/4711" in text and doc["decision"]["reference"] in text
    assert "Test Leder (e.f.)" in text and "Test Saksbehandler" in text
    assert "UTKAST" not in text
    assert ("Statsforvaltaren" in text) == (lang == "nn")

    # the two-person flow is recorded
    actions = [e.action for e in db.exec(select(ApprovalEvent).where(ApprovalEvent.case_id == case.id)
                                         .order_by(ApprovalEvent.id))]
    assert actions == ["sendt_til_godkjenning", "godkjent", "ferdigstilt"]

    # the review of a finished case: what was recorded, and no form that would fail on save (issue 13)
    review = sb.get(f"/saker/{case.public_id}/vurdering").get_data(as_text=True)
    main = review[review.index("<main"):review.index("</main>")]
    assert '<form method="post"' not in main and "kan ikke endres" in main
    assert RECORDED_TEXT[lang]["outcome"] in main  # still shown, read-only

    # the page after finalising: the frozen PDF, its SHA-256, who approved and when
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert row.pdf_sha256 in page and "Godkjent av (e.f.)" in page and "Test Leder" in page


def test_the_written_standard_chosen_on_the_letter_page_is_the_cases(db, import_case, client_as):
    """The written standard lives on the case: choosing nynorsk on the letter page changes the case's, so the
    case page, the review page and the letter agree (and the change is audited)."""
    from workbench.services.audit import events_for_case

    sb = client_as("saksbehandler")
    case = import_case("D06.json", assign_to=db.get(User, sb.user.id))
    assert fresh(db, case).language == "nb"
    assert sb.get(f"/saker/{case.public_id}/vedtak").status_code == 200
    r = sb.post(f"/saker/{case.public_id}/vedtak", data=letter_form(fresh(db, case).version, "nn"))
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    assert fresh(db, case).language == "nn"
    assert db.exec(select(Letter).where(Letter.case_id == case.id)).one().language == "nn"
    review = sb.get(f"/saker/{case.public_id}/vurdering").get_data(as_text=True)
    assert "Målform: Nynorsk" in review
    assert "case.language" in [e.action for e in events_for_case(db, case.id)]
