"""Forvaltningsloven §§ 29 and 31: the klagefrist, a late appeal and the one-year limit (rules.md R19, R20).

The one computation of the klagefrist. :func:`compute` keeps every step — where the three weeks start, the
raw deadline, each day it moved over and why, a request for reasons that interrupted it, the one-year limit —
so that the evaluation (:func:`assess`, the ``admissibility`` block of the evaluation JSON) and the review
page's explanation (:mod:`workbench.appeal.admissibility`) both read the same figures.

The law, as far as the project has verified it (docs/law.md §5.2):

* fvl § 29 — «Bruker kan klage på enkeltvedtak innen tre uker fra vedtaksbrevet kom fram til brukeren» [V
  Statsforvalteren i Troms og Finnmark, citing fvl. §§ 29–31]; the new act, not in force, § 63(1): «Fristen
  for å klage er tre uker fra meldingen om vedtaket er kommet frem til parten» [V]. The start is
  ``decision.notice_received``, a fact (⚖): when it is unknown the jurist must establish it (flag
  ``notice-date-unknown``); the letter's date is never used instead.
* R19 [S Narvik] «Det er tilstrekkelig at klagen er postlagt innen fristens utløp»: timely when
  ``appeal.sent ≤ deadline``.
* R19 [S Narvik; rules.md §8 S-01] a request for begrunnelse made within the deadline interrupts it; a new
  three weeks run from the day the reasons reached the party (``appeal.reasons_received``). While they have
  not arrived the new deadline is unknown: ``deadline`` is None and the original deadline is kept beside it
  (S-09).
* domstolloven § 149 by analogy [ASSUMPTION ``KLAGEFRIST_EXTENSION``; the new fvl § 63(4) refers to
  domstolloven §§ 148–149, whose text is [NV]]: a deadline on a Saturday, Sunday or public holiday moves to
  the next working day (:mod:`workbench.law.calendar`, the one holiday calendar).
* fvl § 31 [V Troms og Finnmark] a late appeal may still be heard if the party cannot be blamed or special
  reasons exist (⚖, the appeal body's own discretion) — but never when more than one year has passed since
  the decision (third paragraph; flag ``over-one-year``) [ASSUMPTION ``ONE_YEAR_REFERENCE``: ``appeal.sent``
  against ``decision.date``]. The year is counted by domstolloven § 148 second paragraph (rules.md §8 S-04,
  :func:`one_year_after`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from workbench.law.calendar import next_working_day, non_working_reason
from workbench.law.model import NavDecision

#: fvl § 29: «tre uker» [V law.md §5.2].
KLAGEFRIST = timedelta(days=21)
HJEMMEL_FRIST = "forvaltningsloven § 29"
HJEMMEL_LATE = "forvaltningsloven § 31"

#: Where the three weeks start: the day the decision reached the party; the day requested reasons reached
#: the party (the deadline was interrupted, S-01); reasons requested in time but not yet received (S-09);
#: or unknown (no ``notice_received``: the jurist must establish it).
StartBasis = Literal["notice_received", "reasons_received", "reasons_received_unknown", "unknown"]


@dataclass(frozen=True, slots=True)
class Deadline:
    """Three weeks from ``start`` (fvl § 29), moved past non-working days (domstolloven § 149 by analogy).

    ``moved_over`` lists each day the deadline passed over, with why it is not a working day
    («lørdag», «2. påskedag» …); empty when ``raw`` is a working day."""

    start: date
    raw: date
    deadline: date
    moved_over: tuple[tuple[date, str], ...]


def three_weeks_from(start: date) -> Deadline:
    """The klagefrist running from ``start``: ``start`` + 21 days, then to the next working day."""
    raw = start + KLAGEFRIST
    moved: list[tuple[date, str]] = []
    day = raw
    while (why := non_working_reason(day)) is not None:
        moved.append((day, why))
        day += timedelta(days=1)
    assert day == next_working_day(raw)  # the walk above and the calendar's own rule agree
    return Deadline(start, raw, day, tuple(moved))


def deadline_from(received: date) -> date:
    """The last day of a klagefrist that runs from ``received`` (fvl § 29; domstolloven § 149 by analogy)."""
    return three_weeks_from(received).deadline


def one_year_after(d: date) -> date:
    """The day a one-year period from ``d`` ends — domstolloven § 148 second paragraph: «Er fristen
    fastsatt i måneder eller år, utløper den på den dag i den siste måned som ved sitt tall svarer til
    den dag da fristen begynte å løpe. Finnes ikke denne dag i måneden, utløper fristen på
    månedens siste dag.» (rules.md §8 S-04: 29.02.2024 → 28.02.2025)."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February in a common year: the month's last day
        return date(d.year + 1, 2, 28)


@dataclass(frozen=True, slots=True)
class KlagefristComputation:
    """Every step of the klagefrist of one appeal (R19, R20).

    ``first`` is the deadline that ran from ``notice_received``; ``interrupted`` says a request for reasons
    made within it interrupted it (fvl § 29; S-01), in which case ``current`` runs from
    ``reasons_received`` — or is None while the reasons are awaited (S-09). ``start``, ``start_basis``,
    ``raw_deadline``, ``deadline`` and ``moved_over`` describe the deadline that applies."""

    decision_date: date
    sent: date
    notice_received: date | None
    requested_reasons: date | None
    first: Deadline | None
    interrupted: bool
    current: Deadline | None
    start_basis: StartBasis
    one_year_limit: date

    @property
    def start(self) -> date | None:
        return self.current.start if self.current else None

    @property
    def raw_deadline(self) -> date | None:
        return self.current.raw if self.current else None

    @property
    def deadline(self) -> date | None:
        return self.current.deadline if self.current else None

    @property
    def moved_over(self) -> tuple[tuple[date, str], ...]:
        return self.current.moved_over if self.current else ()

    @property
    def original_deadline(self) -> date | None:
        """The first deadline while the new one is unknown — the reasons requested within it have not
        arrived (S-09: «the original deadline shown beside it»); None otherwise."""
        return self.first.deadline if self.first and self.start_basis == "reasons_received_unknown" else None

    @property
    def timely(self) -> bool | None:
        """R19 [S]: sent (posted) on or before the deadline; None while the deadline is unknown."""
        return self.sent <= self.current.deadline if self.current else None

    @property
    def days_late(self) -> int | None:
        return max(0, (self.sent - self.current.deadline).days) if self.current else None

    @property
    def days_since_decision(self) -> int:
        return (self.sent - self.decision_date).days

    @property
    def over_one_year(self) -> bool:
        """fvl § 31 third paragraph, the year counted by domstolloven § 148 (S-04)."""
        return self.sent > self.one_year_limit

    def as_dict(self) -> dict[str, Any]:
        """The steps as JSON-ready values (dates ISO), for the review page."""
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "start": iso(self.start),
            "start_basis": self.start_basis,
            "raw_deadline": iso(self.raw_deadline),
            "deadline": iso(self.deadline),
            "moved_over": [{"date": d.isoformat(), "why": why} for d, why in self.moved_over],
            "sent": self.sent.isoformat(),
            "timely": self.timely,
            "days_late": self.days_late,
            "decision_date": self.decision_date.isoformat(),
            "one_year_limit": self.one_year_limit.isoformat(),
            "days_since_decision": self.days_since_decision,
            "over_one_year": self.over_one_year,
            "original_deadline": iso(self.original_deadline),
        }


def compute(decision: NavDecision, *, notice_received: date | None = None) -> KlagefristComputation:
    """The klagefrist of ``decision``, step by step.

    ``notice_received`` is the day the jurist established (a fact, ⚖: recorded on the review page where
    the import has none); when given it is the start, else the import's ``decision.notice_received``."""
    dec, appeal = decision.decision, decision.appeal
    notice = notice_received or dec.notice_received
    first = three_weeks_from(notice) if notice else None
    current = first
    basis: StartBasis = "notice_received" if first else "unknown"
    interrupted = False
    if (first is not None and appeal.sent > first.deadline and appeal.requested_reasons is not None
            and appeal.requested_reasons <= first.deadline):
        # fvl § 29 [S Narvik; S-01]: reasons requested in time interrupt the deadline; it runs again from
        # the day they reached the party. Only an appeal that missed the first deadline needs the new one.
        interrupted = True
        if appeal.reasons_received is not None:
            current, basis = three_weeks_from(appeal.reasons_received), "reasons_received"
        else:  # the new start is an unknown fact (⚖); S-09 keeps the first deadline beside it
            current, basis = None, "reasons_received_unknown"
    return KlagefristComputation(
        decision_date=dec.date,
        sent=appeal.sent,
        notice_received=notice,
        requested_reasons=appeal.requested_reasons,
        first=first,
        interrupted=interrupted,
        current=current,
        start_basis=basis,
        one_year_limit=one_year_after(dec.date),
    )


@dataclass(slots=True)
class Admissibility:
    """The ``admissibility`` block of the evaluation (docs/import-format.md), with its flags and notes."""

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


def assess(decision: NavDecision) -> Admissibility:
    """R19–R20 for the evaluation: :func:`compute` on the import alone (no jurist's date), with the flags
    ``over-one-year``, ``notice-date-unknown`` and ``late-appeal`` and a note in words for each."""
    k = compute(decision)
    res = Admissibility(k.deadline, k.timely, k.days_late, k.days_since_decision, k.over_one_year,
                        k.notice_received, original_deadline=k.first.deadline if k.first else None,
                        interrupted=k.interrupted)
    if k.over_one_year:
        res.flags.append("over-one-year")
        res.notes.append(
            "Klagen er sendt mer enn ett år etter vedtaket: den kan ikke tas under behandling "
            "(forvaltningsloven § 31 tredje ledd)."
        )
    if k.first is None:
        res.flags.append("notice-date-unknown")
        res.notes.append(
            "Datoen vedtaket kom fram til parten er ukjent: juristen må fastslå den før klagefristen "
            "kan beregnes (⚖)."
        )
        return res
    if k.interrupted:
        if k.current is None:
            res.notes.append(
                "Parten ba om begrunnelse innen fristen; datoen begrunnelsen kom fram er ukjent, så ny "
                "klagefrist kan ikke beregnes (⚖)."
            )
            return res
        assert k.requested_reasons is not None
        res.notes.append(
            f"Klagefristen ble avbrutt av krav om begrunnelse {k.requested_reasons.isoformat()}; "
            f"ny frist løper fra {k.current.start.isoformat()}."
        )
    if k.timely is False:
        res.flags.append("late-appeal")
        res.notes.append(
            f"Klagen er sendt {res.days_late} dag(er) etter fristen. Den kan likevel behandles om parten "
            "ikke kan lastes eller særlige grunner taler for det (forvaltningsloven § 31, ⚖)."
        )
    return res
