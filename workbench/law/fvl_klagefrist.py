"""Admissibility of the appeal: klagefrist, late appeal, one-year limit (R18–R20).

* R19 [V fvl § 29 / new § 63(1)] «tre uker fra meldingen om vedtaket er kommet frem til parten»:
  deadline = ``decision.notice_received`` + 21 days; a deadline on a Saturday, Sunday or Norwegian public
  holiday (``holidays`` NO) moves to the next working day [ASSUMPTION ``klagefrist_extension``, domstolloven
  § 149 by analogy]. Timely when ``appeal.sent ≤ deadline`` [S «postlagt innen fristens utløp»].
* A request for begrunnelse made within the deadline interrupts it; a new 3-week deadline runs from
  ``appeal.reasons_received`` [S].
* ``notice_received`` is a fact (⚖): null → the jurist must establish it (flag ``notice-date-unknown``);
  the engine never substitutes the letter's date.
* R20 [V] a late appeal may be heard if the party cannot be blamed or special reasons exist (⚖ fvl § 31);
  more than one year after the decision it is never heard (fvl § 31 third paragraph, flag
  ``over-one-year``) [ASSUMPTION ``one_year_reference``: appeal.sent > the day one year after
  decision.date]. The year is counted by domstolloven § 148 second paragraph (rules.md §8 S-04): it ends on
  the same date a year later, or on the month's last day where that month has no such date (29.02.2024 →
  28.02.2025).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from workbench.law.calendar import next_working_day
from workbench.law.model import NavDecision

KLAGEFRIST = timedelta(days=21)
HJEMMEL_FRIST = "forvaltningsloven § 29"
HJEMMEL_LATE = "forvaltningsloven § 31"


def deadline_from(received: date) -> date:
    """Three weeks from receipt, moved past weekends and public holidays."""
    return next_working_day(received + KLAGEFRIST)


def one_year_after(d: date) -> date:
    """The day a one-year period from ``d`` ends — domstolloven § 148 second paragraph: «Er fristen
    fastsatt i måneder eller år, utløper den på den dag i den siste måned som ved sitt tall svarer til
    den dag da fristen begynte å løpe. Finnes ikke denne dag i måneden, utløper fristen på
    månedens siste dag.» (rules.md §8 S-04: 29.02.2024 → 28.02.2025)."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February in a common year: the month's last day
        return date(d.year + 1, 2, 28)


@dataclass(slots=True)
class Admissibility:
    deadline: date | None
    timely: bool | None
    days_late: int | None
    days_since_decision: int
    over_one_year: bool
    notice_received: date | None
    original_deadline: date | None = None
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "timely": self.timely,
            "days_late": self.days_late,
            "days_since_decision": self.days_since_decision,
            "over_one_year": self.over_one_year,
            "notice_received": self.notice_received.isoformat() if self.notice_received else None,
            "original_deadline": self.original_deadline.isoformat() if self.original_deadline else None,
            "interrupted_by_request_for_reasons": self.interrupted,
            "hjemmel": f"{HJEMMEL_FRIST}; {HJEMMEL_LATE}",
            "notes": list(self.notes),
        }


def assess(decision: NavDecision) -> Admissibility:
    appeal = decision.appeal
    decided = decision.decision.date
    sent = appeal.sent
    days_since = (sent - decided).days
    over = sent > one_year_after(decided)  # fvl § 31 third paragraph, counted by dl § 148 (S-04)
    notice = decision.decision.notice_received
    res = Admissibility(None, None, None, days_since, over, notice)
    if over:
        res.flags.append("over-one-year")
        res.notes.append(
            "Klagen er sendt mer enn ett år etter vedtaket: den kan ikke tas under behandling "
            "(forvaltningsloven § 31 tredje ledd)."
        )
    if notice is None:
        res.flags.append("notice-date-unknown")
        res.notes.append(
            "Datoen vedtaket kom fram til parten er ukjent: juristen må fastslå den før klagefristen "
            "kan beregnes (⚖)."
        )
        return res
    deadline = deadline_from(notice)
    res.original_deadline = deadline
    if (
        sent > deadline
        and appeal.requested_reasons is not None
        and appeal.requested_reasons <= deadline
    ):
        # A request for reasons within the deadline interrupts it; a new 3 weeks from receipt.
        res.interrupted = True
        if appeal.reasons_received is None:
            res.notes.append(
                "Parten ba om begrunnelse innen fristen; datoen begrunnelsen kom fram er ukjent, så ny "
                "klagefrist kan ikke beregnes (⚖)."
            )
            return res
        deadline = deadline_from(appeal.reasons_received)
        res.notes.append(
            f"Klagefristen ble avbrutt av krav om begrunnelse {appeal.requested_reasons.isoformat()}; "
            f"ny frist løper fra {appeal.reasons_received.isoformat()}."
        )
    res.deadline = deadline
    res.timely = sent <= deadline
    res.days_late = max(0, (sent - deadline).days)
    if not res.timely:
        res.flags.append("late-appeal")
        res.notes.append(
            f"Klagen er sendt {res.days_late} dag(er) etter fristen. Den kan likevel behandles om parten "
            "ikke kan lastes eller særlige grunner taler for det (forvaltningsloven § 31, ⚖)."
        )
    return res
