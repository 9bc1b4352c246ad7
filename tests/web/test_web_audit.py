"""The audit trail never holds a fødselsnummer — and does not trip over checksums that happen to
contain eleven digits in a row (about one SHA-256 in twenty does)."""

from __future__ import annotations

import pytest

from workbench.services import audit


def test_audit_refuses_a_fodselsnummer_in_the_detail(db):
    with pytest.raises(ValueError, match="fødselsnummer"):
        audit.record(db, audit.Actor.cli(), "case.note", detail="fnr=15507600333")
    db.rollback()


def test_a_checksum_with_eleven_digits_in_a_row_is_recorded_in_groups_of_four(db):
    sha = "ab" + "12345678901" + "c" * 51  # 64 hex characters, eleven digits in a row
    assert len(sha) == 64
    with pytest.raises(ValueError):
        audit.record(db, audit.Actor.cli(), "letter.frozen", detail=f"sha256={sha}")
    db.rollback()
    event = audit.record(db, audit.Actor.cli(), "letter.frozen", detail=f"sha256={audit.digest(sha)}")
    db.commit()
    assert event.detail.replace("sha256=", "").replace("-", "") == sha
