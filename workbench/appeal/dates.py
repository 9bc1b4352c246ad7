"""Age on a given day, as the appeal checks read it (sotjl § 29: 18–67 år; forskrift § 17: over 60 år).

The rate's «under 25 år» (sotjl § 35 andre ledd) is the law's own cut-over and lives in
:mod:`workbench.law.sotjl_35`; this is for the checks and ⚖ points that only show an age.
"""

from __future__ import annotations

from datetime import date


def age_on(birth: date, day: date) -> int:
    """Whole years completed on ``day`` — a birthday counts from the day itself; a 29 February birthday is
    reached on 1 March in a common year, as :func:`workbench.law.sotjl_35.add_years` takes it."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
