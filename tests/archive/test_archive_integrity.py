"""Tamper evidence (issue #14 «Trust»): finalising seals a case's documents into a hash chain signed
with a key outside the database. An insider who changes a stored document — even together with its
stored SHA-256, even re-hashing the chain — is caught: ``workbench archive verify`` names the case
(opaque id and Nav's reference, never a name) and exits 1, and the final PDF and the archive
package are no longer handed out (409, audited)."""

from __future__ import annotations

import hashlib
import json
import os
import stat

import pytest
from click.testing import CliRunner
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import select
from vedtak_support import fresh

from workbench.db.appeal_models import ArchiveChainEntry, ArchiveChainHead, CaseReview, Letter
from workbench.db.models import AuditEvent, Evaluation, ImportedDecision
from workbench.services import archive as archive_service
from workbench import config
from workbench.services import audit, integrity

NAMES = ("Marte", "Dummy", "Kjell", "Testvik")
FNRS = ("11448940189", "19497932222")


# --- helpers: an insider with write access to the database ----------------------------------------

def _flip_digit(text: str) -> str:
    """``text`` with one digit changed: one byte of the stored document, different."""
    i = next(i for i, ch in enumerate(text) if ch.isdigit() and i > len(text) // 3)
    return text[:i] + ("1" if text[i] != "1" else "2") + text[i + 1:]


def _letter(db, case) -> Letter:
    db.expire_all()
    return db.exec(select(Letter).where(Letter.case_id == case.id)).one()


def flip_pdf_byte(db, case):
    row = _letter(db, case)
    pdf = bytearray(row.pdf)
    pdf[len(pdf) // 2] ^= 0x01
    row.pdf = bytes(pdf)
    db.add(row)
    db.commit()


def rewrite_pdf_and_its_hash(db, case):
    """The forgery the stored checksum alone cannot catch: new bytes, and their SHA-256 beside them."""
    row = _letter(db, case)
    pdf = bytearray(row.pdf)
    pdf[len(pdf) // 2] ^= 0x01
    row.pdf = bytes(pdf)
    row.pdf_sha256 = hashlib.sha256(row.pdf).hexdigest()
    db.add(row)
    db.commit()


def flip_import_byte(db, case):
    db.expire_all()
    row = db.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one()
    row.raw = _flip_digit(row.raw)
    db.add(row)
    db.commit()


def flip_evaluation_byte(db, case):
    db.expire_all()
    row = db.exec(select(Evaluation).where(Evaluation.case_id == case.id)
                  .order_by(Evaluation.created_at.desc(), Evaluation.id.desc())).first()
    row.result = json.loads(_flip_digit(json.dumps(row.result, sort_keys=True)))
    flag_modified(row, "result")
    db.add(row)
    db.commit()


def change_review_record(db, case):
    db.expire_all()
    row = db.exec(select(CaseReview).where(CaseReview.case_id == case.id)).one()
    row.recorded = {**row.recorded, "chosen_outcome": "stadfeste"}
    flag_modified(row, "recorded")
    db.add(row)
    db.commit()


TAMPERS = {
    "pdf-byte": (flip_pdf_byte, "vedtaksbrevet"),
    "pdf-and-its-hash": (rewrite_pdf_and_its_hash, "vedtaksbrevet"),
    "import-byte": (flip_import_byte, "importdokumentet"),
    "evaluation-byte": (flip_evaluation_byte, "evalueringen"),
    "review-record": (change_review_record, "vurderingen"),
}


@pytest.fixture
def cli(app, monkeypatch):
    """``workbench …`` on the test database, in test mode, with the app's archive key (conftest)."""
    from workbench.cli import main

    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KLAGEBENK_MODE", "test")
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def _mismatches(db, case, where: str) -> list[AuditEvent]:
    db.expire_all()
    return [e for e in db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                       AuditEvent.action == "archive.checksum_mismatch"))
            if f"where={where}" in (e.detail or "")]


def _no_personal_data(text: str) -> None:
    assert not any(n in text for n in NAMES + FNRS), text


# --- sealing --------------------------------------------------------------------------------------

def test_finalising_seals_every_document_into_the_signed_chain(db, finalised, app):
    case = finalised("D06")
    entry = db.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == case.id)).one()
    assert entry.seq == 1 and entry.prev_hash == integrity.GENESIS
    assert set(entry.documents) == {k.code for k in integrity.DOCUMENT_KINDS}
    assert all(entry.documents.values())
    letter = _letter(db, case)
    assert entry.documents["vedtak.pdf"] == letter.pdf_sha256 == hashlib.sha256(letter.pdf).hexdigest()
    key = config.key_from_config(app.config)
    assert entry.mac == integrity.entry_mac(key, entry.entry_hash) and entry.key_id == integrity.key_id(key)
    head = db.get(ArchiveChainHead, integrity.HEAD_ID)
    assert (head.seq, head.entry_hash) == (1, entry.entry_hash)
    assert head.mac == integrity.head_mac(key, 1, entry.entry_hash)
    assert integrity.check_case(db, case) == []
    assert integrity.verify_all(db).ok
    sealed = db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                              AuditEvent.action == "archive.sealed")).one()
    assert sealed.detail == "ledd=1"
    # the package holds the very bytes the chain hashed
    files = archive_service.package_files(db, case)
    assert hashlib.sha256(files[archive_service.PDF_PATH]).hexdigest() == entry.documents["vedtak.pdf"]
    assert hashlib.sha256(files[archive_service.IMPORT_PATH]).hexdigest() == entry.documents["importdokument"]
    assert hashlib.sha256(files[archive_service.EVALUATION_PATH]).hexdigest() == entry.documents["evaluering"]


def test_links_follow_each_other_and_verify_passes(db, finalised, cli):
    first, second = finalised("D06"), finalised("D08")
    a, b = (db.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == c.id)).one()
            for c in (first, second))
    assert (a.seq, b.seq) == (1, 2) and b.prev_hash == a.entry_hash
    res = cli("archive", "verify")
    assert res.exit_code == 0, res.output
    assert "Arkivkjeden holder: 2 ledd, 2 ferdigstilte saker" in res.output
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "archive.verified")).one()


def test_reading_and_archiving_a_finished_case_keep_it_intact(db, finalised, client_as, cli):
    """Nothing the app does with a finished case on purpose changes what the chain covers: its pages,
    the downloads, «Arkiver» and the export."""
    case = finalised("D06")
    for role in ("saksbehandler", "leder"):
        client = client_as(role)
        for path in ("/saker/{}", "/saker/{}/vedtak", "/saker/{}/vurdering", "/saker/{}/vedtak/vedtak.pdf"):
            assert client.get(path.format(case.public_id)).status_code == 200, (role, path)
    arkivar = client_as("arkivar")
    assert arkivar.post(f"/arkivering/{case.public_id}/arkiver",
                        data={"version": fresh(db, case).version, "confirm": "y"}).status_code == 302
    assert fresh(db, case).status == "arkivert"
    assert arkivar.post(f"/arkivering/{case.public_id}/eksport").status_code == 200
    assert integrity.check_case(db, case) == []
    assert cli("archive", "verify").exit_code == 0


def test_document_kinds_are_listed_in_one_place():
    codes = [k.code for k in integrity.DOCUMENT_KINDS]
    assert codes == ["vedtak.pdf", "importdokument", "evaluering", "vurdering"]
    assert len(set(codes)) == len(codes) and all(k.label for k in integrity.DOCUMENT_KINDS)


# --- tampering ------------------------------------------------------------------------------------

@pytest.mark.parametrize("tamper", list(TAMPERS))
def test_a_changed_document_is_named_by_verify_and_never_downloaded(db, finalised, cli, client_as, tamper,
                                                                     tmp_path):
    change, label = TAMPERS[tamper]
    case = finalised("D06")
    assert cli("archive", "verify").exit_code == 0
    change(db, case)

    res = cli("archive", "verify")
    assert res.exit_code == 1, res.output
    failing = [line.split("\t") for line in res.output.splitlines() if line.startswith("FEIL")]
    assert failing and all(f[1] == case.public_id and f[2] == "2025/5544" for f in failing)
    assert any(label in f[3] for f in failing), res.output
    _no_personal_data(res.output)
    assert _mismatches(db, case, "verify")

    for role in ("arkivar", "leder", "saksbehandler"):
        r = client_as(role).get(f"/saker/{case.public_id}/vedtak/vedtak.pdf")
        assert r.status_code == 409 and r.mimetype == "text/html", (role, r.status_code)
        page = r.get_data(as_text=True)
        assert "Dokumentene kan ikke lastes ned" in page and label in page
    assert len(_mismatches(db, case, "download")) == 3
    assert not db.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                AuditEvent.action == "letter.downloaded")).all()

    r = client_as("arkivar").post(f"/arkivering/{case.public_id}/eksport")
    assert r.status_code == 409 and r.mimetype == "text/html" and label in r.get_data(as_text=True)
    assert _mismatches(db, case, "export")
    res = cli("archive", "export", case.public_id, "--out", str(tmp_path / "p.zip"))
    assert res.exit_code == 1 and label in res.output and not (tmp_path / "p.zip").exists()
    with pytest.raises(archive_service.ChecksumMismatch):
        archive_service.archive_case(db, case, expected_version=fresh(db, case).version,
                                     actor=audit.Actor.cli())
    assert fresh(db, case).status == "ferdigstilt"


def test_only_the_changed_case_is_named(db, finalised, cli, client_as):
    intact, changed = finalised("D06"), finalised("D08")
    flip_import_byte(db, changed)
    res = cli("archive", "verify")
    assert res.exit_code == 1
    named = {line.split("\t")[1] for line in res.output.splitlines() if line.startswith("FEIL")}
    assert named == {changed.public_id}
    arkivar = client_as("arkivar")
    assert arkivar.get(f"/saker/{intact.public_id}/vedtak/vedtak.pdf").status_code == 200
    assert arkivar.get(f"/saker/{changed.public_id}/vedtak/vedtak.pdf").status_code == 409


def test_re_hashing_the_chain_without_the_key_is_caught(db, finalised, cli, client_as):
    """The insider rewrites the PDF, its stored SHA-256, the link's digest and the link's hash — and the
    head — but cannot make the HMACs without KLAGEBENK_ARCHIVE_KEY."""
    case = finalised("D06")
    rewrite_pdf_and_its_hash(db, case)
    letter = _letter(db, case)
    entry = db.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == case.id)).one()
    entry.documents = {**entry.documents, "vedtak.pdf": letter.pdf_sha256}
    flag_modified(entry, "documents")
    entry.entry_hash = integrity.entry_hash(seq=entry.seq, public_id=case.public_id, at=entry.created_at,
                                            documents=entry.documents, prev_hash=entry.prev_hash)
    guessed = b"not the key, but long enough to be one"
    entry.mac = integrity.entry_mac(guessed, entry.entry_hash)  # a MAC under a key of their own …
    head = db.get(ArchiveChainHead, integrity.HEAD_ID)
    head.entry_hash, head.mac = entry.entry_hash, integrity.head_mac(guessed, 1, entry.entry_hash)
    db.add_all([entry, head])
    db.commit()

    res = cli("archive", "verify")
    assert res.exit_code == 1, res.output
    assert f"FEIL\t{case.public_id}\t2025/5544\tkjedeleddets signatur stemmer ikke" in res.output
    assert "FEIL\tkjede\t-\tkjedehodets signatur stemmer ikke" in res.output
    assert client_as("arkivar").get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 409

    entry.key_id = integrity.key_id(guessed)  # … even when they say which key it was
    db.add(entry)
    db.commit()
    res = cli("archive", "verify")
    assert res.exit_code == 1 and "annen arkivnøkkel" in res.output


def test_a_removed_link_is_caught(db, finalised, cli):
    first, second = finalised("D06"), finalised("D08")
    last = db.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == second.id)).one()
    db.delete(last)  # the newest link gone: the signed head still names it
    db.commit()
    res = cli("archive", "verify")
    assert res.exit_code == 1
    assert f"FEIL\t{second.public_id}\t2025/0871\tsaken mangler i arkivkjeden" in res.output
    assert "kjedehodet (ledd 2) stemmer ikke med siste ledd (1)" in res.output
    assert first.public_id not in res.output


def test_a_link_removed_from_the_middle_breaks_the_next(db, finalised, cli):
    first, second = finalised("D06"), finalised("D08")
    db.delete(db.exec(select(ArchiveChainEntry).where(ArchiveChainEntry.case_id == first.id)).one())
    db.commit()
    res = cli("archive", "verify")
    assert res.exit_code == 1
    assert f"FEIL\t{first.public_id}\t2025/5544\tsaken mangler i arkivkjeden" in res.output
    assert f"FEIL\t{second.public_id}\t2025/0871\tkjeden har et hull" in res.output
    assert integrity.check_case(db, second)  # the download check sees it too


def test_another_key_verifies_nothing(db, finalised, cli, monkeypatch):
    case = finalised("D06")
    monkeypatch.setenv(config.KEY_VAR, "another-key-" + "x" * 40)
    res = cli("archive", "verify")
    assert res.exit_code == 1
    assert f"FEIL\t{case.public_id}\t2025/5544\tkjedeleddet er signert med en annen arkivnøkkel" in res.output


def test_cases_finalised_before_the_chain_are_sealed_by_the_seal_command(db, finalised, cli, client_as):
    case = finalised("D06")
    for row in db.exec(select(ArchiveChainEntry)).all() + db.exec(select(ArchiveChainHead)).all():
        db.delete(row)  # as after migration 0004 on a database with finished cases
    db.commit()
    res = cli("archive", "verify")
    assert res.exit_code == 1 and "saken mangler i arkivkjeden" in res.output
    assert client_as("arkivar").get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 409
    res = cli("archive", "seal")
    assert res.exit_code == 0 and f"{case.public_id}\t2025/5544\tledd 1" in res.output
    assert cli("archive", "verify").exit_code == 0
    assert client_as("arkivar").get(f"/saker/{case.public_id}/vedtak/vedtak.pdf").status_code == 200
    res = cli("archive", "seal")
    assert res.exit_code == 0 and "allerede i arkivkjeden" in res.output


def test_seal_refuses_a_letter_that_no_longer_matches_its_checksum(db, finalised, cli):
    case = finalised("D06")
    for row in db.exec(select(ArchiveChainEntry)).all() + db.exec(select(ArchiveChainHead)).all():
        db.delete(row)
    db.commit()
    flip_pdf_byte(db, case)
    res = cli("archive", "seal")
    assert res.exit_code == 1 and case.public_id in res.output
    assert not db.exec(select(ArchiveChainEntry)).all()


# --- the key --------------------------------------------------------------------------------------

def test_production_needs_the_key_to_serve_export_and_verify(tmp_path, monkeypatch, office_env, app, finalised,
                                                               db):
    from workbench.config import ConfigError, from_environment

    case = finalised("D06")  # sealed with the test app's key
    monkeypatch.delenv("KLAGEBENK_MODE", raising=False)
    monkeypatch.delenv(config.KEY_VAR, raising=False)
    import secrets

    monkeypatch.setenv("SECRET_KEY", secrets.token_hex(32))
    for name, value in office_env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=config.KEY_VAR):
        from_environment(tmp_path, {})  # serving
    assert from_environment(tmp_path, {}, serving=False)[config.KEY_VAR] is None  # db upgrade, import …
    monkeypatch.setenv(config.KEY_VAR, "too-short")
    with pytest.raises(ConfigError, match="shorter than 32"):
        from_environment(tmp_path, {"KLAGEBENK_MODE": "test"})  # a set key is checked in every mode
    monkeypatch.setenv(config.KEY_VAR, "k" * 40)
    assert from_environment(tmp_path, {})[config.KEY_VAR] == "k" * 40

    from workbench.cli import main

    monkeypatch.delenv(config.KEY_VAR)
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    runner = CliRunner()
    res = runner.invoke(main, ["archive", "verify"])
    assert res.exit_code == 2 and config.KEY_VAR in res.output
    res = runner.invoke(main, ["archive", "export", case.public_id, "--out", str(tmp_path / "a.zip")])
    assert res.exit_code == 1 and config.KEY_VAR in res.output and not (tmp_path / "a.zip").exists()
    monkeypatch.setenv(config.KEY_VAR, app.config[config.KEY_VAR])  # the key the case was sealed with
    assert runner.invoke(main, ["archive", "verify"]).exit_code == 0


def test_test_and_demo_modes_make_their_own_key(tmp_path, monkeypatch):
    from workbench.config import from_environment

    monkeypatch.delenv(config.KEY_VAR, raising=False)
    url = f"sqlite:///{tmp_path}/x.sqlite"
    one = from_environment(tmp_path, {"KLAGEBENK_MODE": "test", "DATABASE_URL": url})
    two = from_environment(tmp_path / "other", {"KLAGEBENK_MODE": "test", "DATABASE_URL": url})
    assert one[config.KEY_VAR] == two[config.KEY_VAR] and one[config.KEY_SOURCE] == "test"
    demo = from_environment(tmp_path, {"KLAGEBENK_MODE": "demo"})
    key_file = tmp_path / config.DEMO_KEY_FILE
    assert demo[config.KEY_SOURCE] == "demo" and key_file.read_text().strip() == demo[config.KEY_VAR]
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert from_environment(tmp_path, {"KLAGEBENK_MODE": "demo"})[config.KEY_VAR] == demo[config.KEY_VAR]
    assert len(demo[config.KEY_VAR]) >= config.MIN_KEY_CHARS
