"""«Ekspeder» (issue 13): the finalised decision's dispatch recorded — recipient, copy to the Nav office, channel,
date — and carried into the archive package.

Forvaltningsloven § 27 first paragraph: «Det forvaltningsorgan som har truffet vedtaket, skal sørge for at partene
underrettes om vedtaket så snart som mulig». The dispatch is that underretning; the archive package is where it
must be found afterwards, with the review record, the approvals and every outgoing letter as a Noark 5
journalpost.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, timedelta
from html.parser import HTMLParser

import pikepdf
import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from vedtak_support import fresh

from workbench.db.appeal_models import Letter
from workbench.db.dispatch_models import Dispatch
from workbench.db.models import AuditEvent
from workbench.letters.pdfa import check_pdfa, extract_text
from workbench.services import archive as archive_service

NS = {"n5": archive_service.N5, "kb": archive_service.KB}
D06_CLAIMANT = "Marte Dummy Olsen"
D06_FNR = "11448940189"


class _FormDefaults(HTMLParser):
    """The values the dispatch form posts as the page renders it: text inputs, checked radios and checkboxes."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.data: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == "dispatch-form"
        elif tag == "input" and self.inside and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.data[a["name"]] = a.get("value") or "y"
            else:
                self.data[a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_defaults(page: str) -> dict[str, str]:
    parser = _FormDefaults()
    parser.feed(page)
    return parser.data


def dispatch_rows(db, case) -> list[Dispatch]:
    db.expire_all()
    return list(db.exec(select(Dispatch).where(Dispatch.case_id == case.id).order_by(Dispatch.id)))


def error_summary(body: str) -> str:
    part = body.split('id="dispatch-error-summary"', 1)[-1].split("</div>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)).strip()


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist()}


def test_dispatch_recorded_and_in_the_archive_package(db, finalised_case, client_as, app):
    case, sb, _leder = finalised_case("D06", side_letter=True)
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    original, original_sha = bytes(letter.pdf), letter.pdf_sha256
    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert "Ekspedering" in page and "Ekspedert " not in page

    # «Ekspeder» with what the page offers: the claimant (as the import names her), a copy to Nav, digital post,
    # today
    defaults = form_defaults(page)
    assert defaults == {"recipient": "klager", "representative_name": "", "representative_street": "",
                        "representative_postcode": "", "representative_city": "", "channel": "digital",
                        "copy_to_nav": "y", "nav_channel": "digital", "sent_on": f"{date.today():%d.%m.%Y}"}
    r = sb.post(f"/saker/{case.public_id}/vedtak/ekspeder", data=defaults)
    assert r.status_code == 302, error_summary(r.get_data(as_text=True))

    rows = dispatch_rows(db, case)
    assert [(d.role, d.recipient_kind, d.channel, d.sent_on) for d in rows] == [
        ("mottaker", "klager", "digital", date.today()), ("kopi_nav", "nav_kontor", "digital", date.today())]
    assert (rows[0].name, rows[0].street, rows[0].postcode, rows[0].city) == (
        D06_CLAIMANT, "Markens gate 5", "4611", "Kristiansand")
    assert rows[1].name == "Nav Kristiansand"
    assert {d.recorded_by_id for d in rows} == {sb.user.id} and all(d.letter_id == letter.id for d in rows)
    assert fresh(db, case).status == "ferdigstilt"  # no new case status: ferdigstilt + a dispatch row is «sent»
    [event] = [e for e in db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id))
               if e.action == "dispatch.recorded"]
    assert event.detail == "recipient=klager channel=digital copy_nav=digital copy_claimant=nei"
    assert "Marte" not in event.detail and "Kristiansand" not in event.detail

    page = sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True)
    assert f"Ekspedert {date.today():%d.%m.%Y}" in page
    assert 'id="dispatch-form"' not in page  # once only
    for label in ("Digital post (SvarUt/Digipost)", "Kopi til Nav-kontoret", "Nav Kristiansand"):
        assert label in page
    with app.test_request_context():  # the helper the case page uses for its «Ekspedert dd.mm.åååå»
        from flask import render_template_string

        assert render_template_string("{{ dispatched_on(case)|nodate }}", case=fresh(db, case)) == \
            f"{date.today():%d.%m.%Y}"

    # a second «Ekspeder» is refused with the reason, and stores nothing
    again = sb.post(f"/saker/{case.public_id}/vedtak/ekspeder", data=defaults)
    assert again.status_code == 409
    assert "allerede registrert som ekspedert" in error_summary(again.get_data(as_text=True))
    assert len(dispatch_rows(db, case)) == 2

    # the recipient's PDF is the frozen original; the copy is marked «KOPI», a PDF/A of its own
    mine = sb.get(f"/saker/{case.public_id}/vedtak/vedtak.pdf")
    assert mine.status_code == 200 and mine.data == original
    copy = client_as("arkivar").get(f"/saker/{case.public_id}/vedtak/kopi.pdf")
    assert copy.status_code == 200 and copy.mimetype == "application/pdf"
    disposition = copy.headers["Content-Disposition"]
    assert disposition.endswith('-nb-kopi.pdf"') and "Marte" not in disposition and D06_FNR not in disposition
    assert copy.data != original
    assert check_pdfa(copy.data) == []
    with pikepdf.open(io.BytesIO(copy.data)) as stamped, pikepdf.open(io.BytesIO(original)) as orig:
        assert len(stamped.pages) == len(orig.pages)
    assert extract_text(copy.data).count("KOPI") == len(pikepdf.open(io.BytesIO(original)).pages)
    assert "KOPI" not in extract_text(original)
    assert extract_text(copy.data).replace("KOPI", "").split() != []  # the letter's text is still there
    assert sb.get(f"/saker/{case.public_id}/vedtak/kopi.pdf").data == copy.data  # the same copy every time
    db.expire_all()
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    assert letter.pdf == original and hashlib.sha256(letter.pdf).hexdigest() == original_sha == letter.pdf_sha256

    # the archive package (ZIP, through the archive page): the dispatch, the review, the approvals, the side
    # letter, and a journalpost per outgoing letter
    package = client_as("leder").post(f"/arkivering/{case.public_id}/eksport", data={})
    assert package.status_code == 200 and package.mimetype == "application/zip"
    files = unzip(package.data)
    assert {"ekspedering.json", "vurdering/vurderingsregistrering.json", "vurdering/godkjenning.json",
            "dokument/sidebrev.json", "dokument/sidebrev-01-forelopig_svar.pdf"} <= set(files)
    sums = dict(reversed(line.split("  ", 1)) for line in files["sjekksummer.txt"].decode().splitlines())
    for path, data in files.items():
        if path != "sjekksummer.txt":
            assert sums[path] == hashlib.sha256(data).hexdigest(), path

    sent = json.loads(files["ekspedering.json"])
    assert sent["ekspedert"] == date.today().isoformat() and sent["hjemmel"] == "forvaltningsloven § 27"
    assert [(m["rolle"], m["navn"], m["kanal"], m["kanal_tekst"]) for m in sent["mottakere"]] == [
        ("mottaker", D06_CLAIMANT, "digital", "Digital post (SvarUt/Digipost)"),
        ("kopi_nav", "Nav Kristiansand", "digital", "Digital post (SvarUt/Digipost)")]

    review = json.loads(files["vurdering/vurderingsregistrering.json"])
    assert review["recorded"]["chosen_outcome"] == "omgjore"
    assert review["recorded"]["outcome_reasons"] == "Utfallet følger av beregningen, som er kontrollert dag for dag."
    assert review["argument_answers"]
    from workbench.services import integrity

    link = integrity.entry_for(db, case)  # the very bytes the archive chain sealed at finalisation
    assert hashlib.sha256(files["vurdering/vurderingsregistrering.json"]).hexdigest() == link.documents["vurdering"]

    approvals = json.loads(files["vurdering/godkjenning.json"])["hendelser"]
    assert [e["handling"] for e in approvals] == ["sendt_til_godkjenning", "godkjent", "ferdigstilt"]
    assert all(e["av"] and e["tidspunkt"] for e in approvals)

    [side] = json.loads(files["dokument/sidebrev.json"])["brev"]
    assert side["type"] == "forelopig_svar" and side["fil"] == "dokument/sidebrev-01-forelopig_svar.pdf"
    assert hashlib.sha256(files[side["fil"]]).hexdigest() == side["sha256"]
    assert check_pdfa(files[side["fil"]]) == []
    assert "Foreløpig svar" in extract_text(files[side["fil"]])

    root = ET.fromstring(files["arkivuttrekk.xml"])
    mappe = root.find("n5:arkivdel/n5:mappe", NS)
    posts = mappe.findall("n5:registrering", NS)
    assert [p.findtext("n5:journalposttype", namespaces=NS) for p in posts] == [
        "Inngående dokument", "Utgående dokument", "Utgående dokument"]
    assert [p.findtext("n5:journalpostnummer", namespaces=NS) for p in posts] == ["1", "2", "3"]
    vedtak, sidebrev = posts[1], posts[2]
    assert vedtak.findtext("n5:journalstatus", namespaces=NS) == "Ekspedert"
    assert vedtak.findtext("n5:sendtDato", namespaces=NS) == date.today().isoformat()
    parts = [(k.findtext("n5:korrespondanseparttype", namespaces=NS), k.findtext("n5:korrespondansepartNavn",
                                                                                  namespaces=NS))
             for k in vedtak.findall("n5:korrespondansepart", NS)]
    office = mappe.findtext("n5:administrativEnhet", namespaces=NS)
    assert parts == [("Mottaker", D06_CLAIMANT), ("Kopimottaker", "Nav Kristiansand"), ("Avsender", office)]
    channels = vedtak.findall("n5:virksomhetsspesifikkeMetadata/kb:ekspedering/kb:forsendelse", NS)
    assert [(c.get("rolle"), c.get("kanal")) for c in channels] == [("mottaker", "digital"), ("kopi_nav", "digital")]
    assert sidebrev.findtext("n5:dokumentbeskrivelse/n5:tittel", namespaces=NS) == "Foreløpig svar"
    assert D06_CLAIMANT not in sidebrev.findtext("n5:offentligTittel", namespaces=NS)
    obj = sidebrev.find("n5:dokumentbeskrivelse/n5:dokumentobjekt", NS)
    assert obj.findtext("n5:referanseDokumentfil", namespaces=NS) == side["fil"]
    assert obj.findtext("n5:format", namespaces=NS) == "fmt/477"
    assert obj.findtext("n5:sjekksum", namespaces=NS) == side["sha256"]
    ids = [e.text for e in root.iter(f"{{{archive_service.N5}}}systemID")]
    assert len(ids) == len(set(ids))
    assert files["arkivuttrekk.xml"].decode().count(D06_FNR) == 1  # still only in the screened part


def test_bad_input_is_named_at_its_field_and_nothing_is_stored(db, finalised_case):
    case, sb, _leder = finalised_case("D06")
    letter_date = db.exec(select(Letter).where(Letter.case_id == case.id)).one().our_date
    tomorrow = date.today() + timedelta(days=1)
    good = {"recipient": "klager", "channel": "digital", "copy_to_nav": "y", "nav_channel": "digital",
            "sent_on": f"{date.today():%d.%m.%Y}"}
    cases = [
        ({"sent_on": f"{tomorrow:%d.%m.%Y}"}, "Dato sendt: Datoen kan ikke være etter i dag"),
        ({"sent_on": f"{letter_date - timedelta(days=1):%d.%m.%Y}"},
         f"Dato sendt: Datoen kan ikke være før vedtakets dato ({letter_date:%d.%m.%Y})"),
        ({"sent_on": "31.02.2026"}, "Dato sendt: Skriv en gyldig dato (dd.mm.åååå)"),
        ({"channel": "brevdue"}, "Kanal til mottakeren: Velg en av kanalene i listen"),
        ({"channel": "epost"}, "Kanal til mottakeren: E-post kan bare brukes for kopien til Nav-kontoret"),
        ({"nav_channel": "telefaks"}, "Kanal for kopien til Nav-kontoret: Velg en av kanalene i listen"),
        ({"recipient": "fullmektig"}, "Fullmektigens navn: Skriv fullmektigens navn"),
        ({"recipient": "fullmektig", "representative_name": "Advokat Hjelp", "channel": "post"},
         "Fullmektigens adresse: Brev i posten trenger en adresse med gate og postnummer"),
        ({"recipient": "naboen"}, "Mottaker: Velg klageren eller en fullmektig"),
    ]
    for change, expected in cases:
        r = sb.post(f"/saker/{case.public_id}/vedtak/ekspeder", data={**good, **change})
        body = r.get_data(as_text=True)
        assert r.status_code == 400, (change, r.status_code)
        assert expected in error_summary(body), (change, error_summary(body))
        assert 'aria-invalid="true"' in body or 'class="field field-error"' in body, change
        assert dispatch_rows(db, case) == [], change
    # every problem at once: the future date and the unknown channel are both named
    r = sb.post(f"/saker/{case.public_id}/vedtak/ekspeder",
                data={**good, "sent_on": f"{tomorrow:%d.%m.%Y}", "channel": "brevdue"})
    summary = error_summary(r.get_data(as_text=True))
    assert "rett 2 punkt" in summary and "Dato sendt:" in summary and "Kanal til mottakeren:" in summary
    assert not [e for e in db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id))
                if e.action == "dispatch.recorded"]


def test_a_case_with_a_fullmektig_is_sent_to_the_fullmektig_with_a_copy_to_the_claimant(db, finalised_case):
    case, sb, _leder = finalised_case("D08")
    defaults = form_defaults(sb.get(f"/saker/{case.public_id}/vedtak").get_data(as_text=True))
    # the letter is addressed to the fullmektig the import names (letters/model.py), so the dispatch is too
    assert (defaults["recipient"], defaults["representative_name"], defaults["representative_street"],
            defaults["representative_postcode"], defaults["copy_to_claimant"]) == (
        "fullmektig", "Nora Hjelpesen", "Sjøgata 3", "8006", "y")
    r = sb.post(f"/saker/{case.public_id}/vedtak/ekspeder", data={**defaults, "channel": "post", "nav_channel": "epost"})
    assert r.status_code == 302, error_summary(r.get_data(as_text=True))
    rows = dispatch_rows(db, case)
    assert [(d.role, d.recipient_kind, d.name, d.channel) for d in rows] == [
        ("mottaker", "fullmektig", "Nora Hjelpesen", "post"),
        ("kopi_nav", "nav_kontor", rows[1].name, "epost"),
        ("kopi_klager", "klager", rows[2].name, "post")]
    assert rows[1].name.startswith("Nav ") and rows[2].name == case.claimant_name
    assert (rows[0].street, rows[0].postcode, rows[0].city) == ("Sjøgata 3", "8006", "Bodø")


def test_the_database_refuses_a_second_dispatch_row_for_the_same_recipient(db, finalised_case):
    """Two «Ekspeder» at the same moment both pass the check; the unique key (case, sequence, role) of the
    migrated table is what keeps the second out."""
    case, _sb, _leder = finalised_case("D06")
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()

    def row():
        return Dispatch(case_id=case.id, letter_id=letter.id, role="mottaker", recipient_kind="klager", name="X",
                        channel="digital", sent_on=date.today())

    db.add(row())
    db.commit()
    db.add(row())
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()
    assert len(dispatch_rows(db, case)) == 1
