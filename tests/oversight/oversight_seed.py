"""A seeded office for the processing-time figures (issue 17): decided and open cases with known received,
decision and side-letter dates, written as rows (the figures read only the dates), and the same dates kept in
plain Python for the tests to count independently."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

TODAY = date(2026, 6, 15)


@dataclass
class Seeded:
    received: date | None
    decided: date | None  # the vedtak's date (letters.our_date); None: open
    forelopig_svar_sent: date | None = None
    #: (our_date, promised_date) of each foreløpig svar / forsinkelsesmelding, oldest first
    promises: list[tuple[date, date]] = field(default_factory=list)


def _cases() -> list[Seeded]:
    rng = random.Random(17)
    out = [
        # the edges of «within three months» (add_months stops at the month's last day)
        Seeded(date(2025, 11, 30), date(2026, 2, 28)),  # within
        Seeded(date(2025, 11, 30), date(2026, 3, 1)),  # not
        Seeded(date(2025, 12, 31), date(2026, 3, 31)),  # within
        Seeded(date(2026, 1, 31), date(2026, 4, 30)),  # within
        Seeded(date(2026, 1, 31), date(2026, 5, 1)),  # not
        # foreløpig svar on the last day, one day late
        Seeded(date(2026, 1, 31), date(2026, 4, 1), forelopig_svar_sent=date(2026, 2, 28)),
        Seeded(date(2026, 1, 31), date(2026, 4, 2), forelopig_svar_sent=date(2026, 3, 1)),
        # a promise kept by a forsinkelsesmelding on the promised day, and one sent a day late
        Seeded(date(2026, 1, 5), date(2026, 5, 20), forelopig_svar_sent=date(2026, 2, 1),
               promises=[(date(2026, 2, 1), date(2026, 4, 5)), (date(2026, 4, 5), date(2026, 5, 25))]),
        Seeded(date(2026, 1, 5), date(2026, 5, 21), forelopig_svar_sent=date(2026, 2, 1),
               promises=[(date(2026, 2, 1), date(2026, 4, 5)), (date(2026, 4, 6), date(2026, 5, 10))]),
        # decided without a received date: counted apart
        Seeded(None, date(2026, 3, 10)),
        Seeded(None, date(2026, 5, 2)),
        Seeded(None, date(2025, 12, 1)),
        # open: on the edges of the age bands (today 15.06.2026), and without a received date
        Seeded(date(2026, 5, 15), None),  # exactly one month: up to one month
        Seeded(date(2026, 5, 14), None),  # over one month
        Seeded(date(2026, 3, 15), None),  # exactly three months: one to three
        Seeded(date(2026, 3, 14), None),  # over three months
        Seeded(None, None),
    ]
    for _ in range(140):
        received = date(2025, 9, 1) + timedelta(days=rng.randint(0, 280))
        decided = received + timedelta(days=rng.randint(3, 160))
        if decided > TODAY:
            out.append(Seeded(received, None, received + timedelta(days=rng.randint(20, 40))
                              if rng.random() < 0.5 else None))
            continue
        svar = received + timedelta(days=rng.randint(15, 45)) if rng.random() < 0.6 else None
        if svar is not None and svar > decided:
            svar = None
        promises = []
        if svar is not None and rng.random() < 0.5:
            promised = svar + timedelta(days=rng.randint(20, 80))
            promises.append((svar, promised))
            if promised < decided and rng.random() < 0.6:
                promises.append((promised + timedelta(days=rng.randint(-5, 3)),
                                 promised + timedelta(days=rng.randint(10, 40))))
        out.append(Seeded(received, decided, svar, promises))
    return out


SEEDED = _cases()


