"""The seeded office of ``oversight_seed`` as rows, for the processing-time tests (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from oversight_seed import SEEDED, Seeded


@pytest.fixture
def seeded(app, db):
    """The cases of ``SEEDED`` as rows: a case, for a decided one its letter ferdigstilt with the decision date,
    and the side letters that promised a date. Returns the list."""
    from workbench.db.appeal_models import Letter, LetterStatus
    from workbench.db.models import Case, CaseStatus
    from workbench.db.side_letter_models import OutgoingLetter

    for i, s in enumerate(SEEDED):
        case = Case(nav_reference=f"NAV-{i:04d}", nav_office="Nav Bergenhus", claimant_name=f"Kari Testesen {i}",
                    decision_date=date(2025, 8, 1), decision_kind="innvilgelse", received=s.received,
                    forelopig_svar_sent=s.forelopig_svar_sent,
                    status=(CaseStatus.FERDIGSTILT if s.decided and i % 3 else
                            CaseStatus.ARKIVERT if s.decided else
                            CaseStatus.UNDER_BEHANDLING if i % 2 else CaseStatus.MOTTATT).value)
        db.add(case)
        db.flush()
        if s.decided:
            db.add(Letter(case_id=case.id, status=LetterStatus.FERDIGSTILT.value, our_date=s.decided,
                          our_reference=f"2026/{i}"))
        for n, (sent, promised) in enumerate(s.promises):
            db.add(OutgoingLetter(case_id=case.id, kind="forelopig_svar" if n == 0 else "forsinkelsesmelding",
                                  language="nb", recipient="Kari Testesen", our_reference=f"2026/{i}-{n}",
                                  our_date=sent, promised_date=promised, pdf=b"%PDF-1.7", pdf_sha256="0" * 64))
    # an open case whose letter lies with the leder: not decided, whatever its dates
    pending = Case(nav_reference="NAV-PENDING", nav_office="Nav Bergenhus", claimant_name="Ola Venter",
                   decision_date=date(2025, 8, 1), decision_kind="innvilgelse", received=date(2026, 6, 1),
                   status=CaseStatus.TIL_GODKJENNING.value)
    db.add(pending)
    db.flush()
    db.add(Letter(case_id=pending.id, status=LetterStatus.TIL_GODKJENNING.value, our_date=date(2026, 6, 10)))
    db.commit()
    return SEEDED + [Seeded(date(2026, 6, 1), None)]
