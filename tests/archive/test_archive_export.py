"""The archive package of a finalised case: every checksum matches, the PDF is the stored bytes, the
Noark 5 sidecar parses and describes the case (PRONOM from the PDF's own XMP, SHA-256, sizes,
journalposter with the avskrivning), systemIDs and bytes are the same on a repeated export, and the
fødselsnummer appears in the sidecar only inside the screened ``part``."""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pikepdf
import pytest
from click.testing import CliRunner
from sqlmodel import select

from workbench.db.appeal_models import Letter
from workbench.db.models import AuditEvent
from workbench.services import archive as archive_service

NS = {"n5": archive_service.N5, "kb": archive_service.KB}
XSI_TYPE = f"{{{archive_service.XSI}}}type"
FNR = "11448940189"  # D06's (synthetic) fødselsnummer


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture
def exported(db, finalised):
    case = finalised("D06")
    data = archive_service.export_package(db, case)
    return case, data, unzip(data)


def test_every_checksum_matches_and_the_pdf_is_the_stored_one(db, exported):
    case, _data, files = exported
    assert set(files) == {"dokument/vedtak.pdf", "dokument/klage-importdokument.json", "vurdering/evaluering.json",
                          "vurdering/vurderingsregistrering.json", "vurdering/godkjenning.json",
                          "dokument/sidebrev.json", "ekspedering.json",
                          "arkivuttrekk.xml", "manifest.json", "sjekksummer.txt"}
    listed = {}
    for line in files["sjekksummer.txt"].decode().splitlines():
        digest, path = line.split("  ", 1)
        listed[path] = digest
    assert set(listed) == set(files) - {"sjekksummer.txt"}
    for path, digest in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == digest, path
    manifest = json.loads(files["manifest.json"])
    for entry in manifest["filer"]:
        assert hashlib.sha256(files[entry["sti"]]).hexdigest() == entry["sha256"]
        assert len(files[entry["sti"]]) == entry["filstoerrelse"]
    letter = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    assert files["dokument/vedtak.pdf"] == letter.pdf
    assert hashlib.sha256(files["dokument/vedtak.pdf"]).hexdigest() == letter.pdf_sha256
    from workbench.db.models import ImportedDecision

    imported = db.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one()
    assert files["dokument/klage-importdokument.json"].decode() == imported.raw
    assert json.loads(files["vurdering/evaluering.json"])["discrepancies"]


def test_the_noark5_sidecar_describes_the_case(db, exported):
    case, _data, files = exported
    root = ET.fromstring(files["arkivuttrekk.xml"])
    assert root.tag == f"{{{archive_service.N5}}}arkiv"
    mappe = root.find("n5:arkivdel/n5:mappe", NS)
    assert mappe.get(XSI_TYPE) == "saksmappe"
    assert mappe.findtext("n5:saksstatus", namespaces=NS) == "Avsluttet"
    assert mappe.findtext("n5:mappeID", namespaces=NS) == "2026/4711"
    assert "Marte" not in mappe.findtext("n5:offentligTittel", namespaces=NS)
    assert mappe.findtext("n5:part/n5:partRolle", namespaces=NS) == "Klager"
    assert "part" in [e.text for e in mappe.findall("n5:skjerming/n5:skjermingMetadata", NS)]
    result = mappe.find("n5:virksomhetsspesifikkeMetadata/kb:klageresultat", NS)
    assert result.find("kb:utfall", NS).get("kode") == "omgjore"
    assert result.find("kb:retning", NS).get("kode") == "til_gunst"
    assert result.findtext("kb:navReferanse", namespaces=NS) == "2025/5544"
    assert "wrong-reduction-method" in [e.text for e in result.findall("kb:avvik/kb:avvikskode", NS)]
    assert "sosialtjenesteloven § 37" in [e.text for e in result.findall("kb:hjemler/kb:hjemmel", NS)]

    incoming, outgoing = mappe.findall("n5:registrering", NS)
    assert incoming.get(XSI_TYPE) == outgoing.get(XSI_TYPE) == "journalpost"
    assert incoming.findtext("n5:journalposttype", namespaces=NS) == "Inngående dokument"
    assert outgoing.findtext("n5:journalposttype", namespaces=NS) == "Utgående dokument"
    assert incoming.findtext("n5:avskrivning/n5:avskrivningsmaate", namespaces=NS) == "Besvart med brev"
    assert (incoming.findtext("n5:avskrivning/n5:referanseAvskrivesAvJournalpost", namespaces=NS)
            == outgoing.findtext("n5:systemID", namespaces=NS))
    assert outgoing.findtext("n5:korrespondansepart/n5:korrespondanseparttype", namespaces=NS) == "Mottaker"

    doc = outgoing.find("n5:dokumentbeskrivelse", NS)
    assert doc.findtext("n5:tilknyttetRegistreringSom", namespaces=NS) == "Hoveddokument"
    assert doc.findtext("n5:dokumenttype", namespaces=NS) == "Vedtak"
    assert doc.findtext("n5:dokumentstatus", namespaces=NS) == "Dokumentet er ferdigstilt"
    obj = doc.find("n5:dokumentobjekt", NS)
    pdf = files[obj.findtext("n5:referanseDokumentfil", namespaces=NS)]
    assert obj.findtext("n5:versjonsnummer", namespaces=NS) == "1"
    assert obj.findtext("n5:variantformat", namespaces=NS) == "Arkivformat"
    assert obj.findtext("n5:sjekksum", namespaces=NS) == hashlib.sha256(pdf).hexdigest()  # lower-case hex
    assert obj.findtext("n5:sjekksumAlgoritme", namespaces=NS) == "SHA256"
    assert obj.findtext("n5:filstoerrelse", namespaces=NS) == str(len(pdf))
    # PRONOM from the PDF's own XMP identification, read here independently
    with pikepdf.open(io.BytesIO(pdf)) as p:
        meta = p.open_metadata()
        ident = (str(meta.get("pdfaid:part")), str(meta.get("pdfaid:conformance")).upper())
    assert obj.findtext("n5:format", namespaces=NS) == archive_service.PRONOM[ident]
    assert ident == ("2", "B") and obj.findtext("n5:format", namespaces=NS) == "fmt/477"
    # every dokumentobjekt's checksum and size match its file
    for o in root.iter(f"{{{archive_service.N5}}}dokumentobjekt"):
        data = files[o.findtext("n5:referanseDokumentfil", namespaces=NS)]
        assert o.findtext("n5:sjekksum", namespaces=NS) == hashlib.sha256(data).hexdigest()
        assert o.findtext("n5:filstoerrelse", namespaces=NS) == str(len(data))
    # self-explanatory code values, never one-letter codes
    for tag in ("journalposttype", "journalstatus", "saksstatus", "variantformat", "dokumentstatus"):
        for e in root.iter(f"{{{archive_service.N5}}}{tag}"):
            assert len(e.text) > 3, (tag, e.text)


def test_the_fodselsnummer_is_only_in_the_screened_part(exported):
    _case, _data, files = exported
    xml = files["arkivuttrekk.xml"].decode()
    assert xml.count(FNR) == 1
    root = ET.fromstring(files["arkivuttrekk.xml"])
    holders = [e for e in root.iter() if e.text and FNR in e.text]
    assert [e.tag for e in holders] == [f"{{{archive_service.N5}}}personID"]
    part = root.find("n5:arkivdel/n5:mappe/n5:part", NS)
    assert holders[0] in list(part)
    for name in ("manifest.json", "sjekksummer.txt"):
        assert FNR not in files[name].decode()
    assert all(FNR not in n for n in files)


def test_a_repeated_export_is_identical(db, exported):
    case, data, files = exported
    again = archive_service.export_package(db, case)
    assert again == data  # same bytes: stable systemIDs, fixed timestamps
    ids = [e.text for e in ET.fromstring(files["arkivuttrekk.xml"]).iter(f"{{{archive_service.N5}}}systemID")]
    assert len(ids) == len(set(ids)) == 9
    import uuid

    assert all(uuid.UUID(i).version == 5 for i in ids)
    key = json.loads(files["manifest.json"])["idempotensnokkel"]
    assert key == f"{archive_service.system_id(case, 'saksmappe')}_{archive_service.system_id(case, 'dokumentobjekt/vedtak/1')}"
    exports = db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                               AuditEvent.action == "archive.exported")).all()
    assert len(exports) == 2 and exports[0].detail == f"sha256={archive_service.audit_digest(hashlib.sha256(data).hexdigest())}"


def test_pronom_follows_the_xmp_identification():
    def pdf_with(part: str, conformance: str) -> bytes:
        pdf = pikepdf.new()
        pdf.add_blank_page()
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfaid:part"] = part
            meta["pdfaid:conformance"] = conformance
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()

    assert archive_service.pronom_for(pdf_with("2", "B")) == "fmt/477"
    assert archive_service.pronom_for(pdf_with("2", "U")) == "fmt/478"
    assert archive_service.pronom_for(pdf_with("1", "A")) == "fmt/95"
    with pytest.raises(archive_service.ArchiveError):
        archive_service.pronom_for(pdf_with("4", ""))


def test_download_and_cli(db, app, exported, client_as, tmp_path, monkeypatch):
    case, data, _files = exported
    r = client_as("arkivar").post(f"/arkivering/{case.public_id}/eksport")
    assert r.status_code == 200 and r.mimetype == "application/zip"
    assert r.data == data
    assert f"arkivpakke-{case.public_id}.zip" in r.headers["Content-Disposition"]

    from workbench.cli import main

    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KLAGEBENK_MODE", "test")  # the demo office, as in ``exported``
    runner = CliRunner()
    out = runner.invoke(main, ["archive", "list"])
    assert out.exit_code == 0, out.output
    assert case.public_id in out.output and "2025/5544" in out.output and "Marte" not in out.output
    res = runner.invoke(main, ["archive", "export", case.public_id, "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert (tmp_path / f"arkivpakke-{case.public_id}.zip").read_bytes() == data
    res = runner.invoke(main, ["archive", "export", case.public_id, "--out", str(tmp_path / "x" / "p.zip")])
    assert res.exit_code == 0 and (tmp_path / "x" / "p.zip").read_bytes() == data
    res = runner.invoke(main, ["archive", "export", "0" * 32, "--out", str(tmp_path)])
    assert res.exit_code == 1 and "Fant ingen sak" in res.output


def test_export_names_the_configured_office(db, app, exported, make_app, office_env, tmp_path, monkeypatch):
    """The sidecar's arkiv title is the configured office's (bokmål) name; in production the CLI export
    refuses without one, and uses the one set in the environment."""
    case, _data, files = exported
    # test mode: the demo office, of the embete of the case's Nav office (D06: Kristiansand, Agder)
    assert b"Statsforvalteren i Agder" in files["arkivuttrekk.xml"]
    office_app = make_app(**office_env)
    with office_app.app_context():
        ours = unzip(archive_service.export_package(db, case))
    title = ET.fromstring(ours["arkivuttrekk.xml"]).find("n5:tittel", NS).text
    assert title.startswith("Statsforvalteren i Rogaland") and "Agder" not in ours["arkivuttrekk.xml"].decode()

    from workbench.cli import main

    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.delenv("KLAGEBENK_MODE", raising=False)  # production, never serving a page
    runner = CliRunner()
    res = runner.invoke(main, ["archive", "export", case.public_id, "--out", str(tmp_path / "a.zip")])
    assert res.exit_code == 1 and "KLAGEBENK_OFFICE_NAME_NB" in res.output and not (tmp_path / "a.zip").exists()
    for name, value in office_env.items():
        monkeypatch.setenv(name, value)
    res = runner.invoke(main, ["archive", "export", case.public_id, "--out", str(tmp_path / "b.zip")])
    assert res.exit_code == 0, res.output
    assert b"Statsforvalteren i Rogaland" in unzip((tmp_path / "b.zip").read_bytes())["arkivuttrekk.xml"]
