"""Shared by the web tests: the hand-entry form of one small, valid case."""

from __future__ import annotations


def small_case_form() -> dict[str, str]:
    """The hand-entry form filled in for a small omsorgsstønad case (Nav Bergenhus, 2025/9001)."""
    return {
        "nav_office.name": "Nav Bergenhus",
        "decision.reference": "2025/9001", "decision.date": "2025-10-22",
        "decision.kind": "utbetaling", "decision.notice_received": "2025-10-24",
        "decision.hjemler": "sosialtjenesteloven § 35\nsosialtjenesteloven § 38",
        "participant.name": "Kari Testesen Nordhus", "participant.fnr": "15507600333",
        "participant.birth_date": "1976-10-15",
        "programme.from": "2025-06-02", "programme.to": "2026-06-01", "programme.hours_per_week": "37,5",
        "children[0].birth_date": "2012-04-02", "children[1].birth_date": "",
        "work[0].kind": "omsorgsstonad", "work[0].from": "2025-10-06", "work[0].to": "2025-10-19",
        "work[0].hours": "30",
        "payments[0].from": "2025-10-06", "payments[0].to": "2025-10-19",
        "payments[0].gross": "10 767,56", "payments[0].net": "4767",
        "payments[0].deductions[0].kind": "samordning", "payments[0].deductions[0].amount": "6000",
        "appeal.sent": "2025-11-05", "appeal.by": "part", "appeal.signed": "true",
        "appeal.arguments[0]": "Omsorgsstønad kan ikke samordnes etter § 38.",
        "appeal.arguments[1]": "",
    }
