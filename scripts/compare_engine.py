#!/usr/bin/env python3
"""Compare the rules engine at two git revisions on generated cases (issue #10; rules.md §8).

Usage::

    .venv/bin/python scripts/compare_engine.py [--n 3000] [--seed 1] [--before 15a8695] [--after REV]
    .venv/bin/python scripts/compare_engine.py --detail 17 --detail 42   # every change of those cases
    .venv/bin/python scripts/compare_engine.py --print-case 17           # the generated document

``--before`` defaults to ``15a8695`` (the last commit before the S-01 … S-12 changes); ``--after``
defaults to the working tree of this repository. Exit status: 0 every change is attributed to a settled
point, 1 some change is UNEXPLAINED, 2 the run itself failed (git, a tree that does not import, …).

Method
------
1. **Cases.** ``--n`` cases in the import format ``klagebenk.nav-vedtak/1`` are generated from
   ``--seed`` (case *i* from its own ``Random(f"{seed}/{i}")``, so ``--print-case I`` shows the same
   case again). The shapes follow ``docs/cases/*.json`` and ``docs/import-format.md``. Every second case
   is *steered* at one settled point of rules.md §8 in turn (``STEERS``: e.g. S-05 puts øre in Nav's
   net, S-12 records invalid absence on a ferie day); the rest are plain random cases, which also show
   any change no settled point asked for. Nav's figures are made plausible with a rough calculation of
   our own (``CaseMaker.price``) plus deliberate errors: it is never used as an oracle. Some cases carry
   a non-default assumption (S-03: ``under_25_full_rate_from = next_month``), passed to the engine as a
   parameter override, the way the service takes it.
2. **Two engines, one run.** A revision is checked out with ``git worktree add --detach`` into a
   temporary directory (removed at the end); the working tree is used where it stands. For each side
   this script runs itself as a worker (``--worker``) in a subprocess with that tree first on
   ``PYTHONPATH`` and the same Python (checked: the worker names the ``workbench`` it imported). The
   worker reads the cases as JSON lines from a temporary file, goes the way ``workbench evaluate`` goes
   (``load_document`` → ``evaluate_document``) and writes per case one JSON line: the evaluation, or
   the validation errors (field + message), or the exception. Both workers run at the same time; their
   outputs are then read side by side, case by case.
3. **Diff.** Each pair of results becomes a list of :class:`Change` s, each in a payment period
   (``periods[i]``, and the discrepancies naming that period) or in the case (admissibility, totals,
   flags, notes, ⚖ points, validity and validation errors). Lists of texts (flags, notes) and of
   discrepancies, ⚖ points and errors are compared as sets of items. What every case shares — the
   assumption register, the parameter tables, the assumption values in ``parameters`` — is compared
   as *global* changes and listed once (``global_points``: only the words of a register row a point
   concerns, or the end of the G or barnetillegg table, are attributed). A key that appears or
   disappears with an empty value is a *schema* change: listed, not counted.
4. **Attribution.** A change is attributed to a settled point only when the case has that point's
   *features* (:class:`Facts`, read from the document: e.g. a period with øre in Nav's net) **and** the
   change is of the *kind* the point causes (``explain_s01`` … ``explain_s12``: S-05 may change that
   period's ``nav_net``, not its gross). Where a feature alone is too wide, a *signal* from the two
   outputs narrows it (``Facts.with_outputs``: S-03 only where days changed between the 2/3 and the
   full rate; S-05's ``difference`` only where the law's net stands). Where a point states a result,
   its claim holds only if the after side shows it (``CHECKS``: S-01's new deadline, S-02's period
   uncomputed, S-08's net 0, …); otherwise it explains nothing in that case and the reason is printed.
   Totals, top-level flags, notes, ⚖ points and the per-case G/factor texts are *consequences*,
   explained by the changes they follow from (``_follows_from``). A change two points could explain is
   credited to the more specific (``PRIORITY``). What is left is printed as UNEXPLAINED: the case index,
   a short diff, and a count per kind of change over all cases.
5. **Report.** A table: per point the cases that exercise it (its features, whatever the result), the
   cases it changed, and those where the after side is not as settled (``CHECKS``, changed or not); then
   the totals. A point exercised fewer than 20 times is noted.

To maintain: a kind of change a settled point legitimately causes goes into that point's explainer; a
feature into :class:`Facts`; a scenario into :class:`CaseMaker` and ``STEERS``. ``--detail I`` shows
which point each change of case I was credited to.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from workbench.formats.import_format.identity import synthetic_number as synthetic_fnr
from collections.abc import Callable, Iterator

REPO = Path(__file__).resolve().parents[1]
FORMAT = "klagebenk.nav-vedtak/1"
DEFAULT_BEFORE = "15a8695"
MIN_EXERCISED = 20

POINTS = {
    "S-01": "klagefrist: new 3 weeks from reasons received",
    "S-02": "days without G (or rate): flags that need none",
    "S-03": "25th birthday on the 1st, next_month",
    "S-04": "«more than one year» by domstolloven § 148",
    "S-05": "Nav's net with øre rounded half up",
    "S-06": "barnetillegg after 31.12.2026 missing",
    "S-07": "child with only from or only to",
    "S-08": "payment period wholly outside programme",
    "S-09": "deadline null while reasons awaited",
    "S-10": "contradictory dates, hours > 168 invalid",
    "S-11": "fosterhjem beside counted work (§ 37)",
    "S-12": "invalid absence on a ferie day",
}

ONE_DAY = timedelta(days=1)
LAST_G_DAY = date(2027, 4, 30)  # T1: no G from 2027-05-01
LAST_BT_DAY = date(2026, 12, 31)  # T3: no barnetillegg rate from 2027-01-01


# == small date helpers ===========================================================================
def D(text: str) -> date:
    return date.fromisoformat(text)


def month_start(d: date) -> date:
    return d.replace(day=1)


def next_month_start(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def years_later(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February → 28 February (domstolloven § 148 second paragraph).
    Used only to place windows and features, never to predict the engine's figures."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, 2, 28)


def days(a: date, b: date) -> Iterator[date]:
    while a <= b:
        yield a
        a += ONE_DAY


def weekdays(a: date, b: date) -> list[date]:
    return [d for d in days(a, b) if d.weekday() < 5]


def overlaps(a1: date, a2: date, b1: date, b2: date) -> bool:
    return a1 <= b2 and b1 <= a2


# == 1. generating cases ==========================================================================




# Rough rates, only to make Nav's figures plausible (the engine's tables are the truth).
APPROX_G = [(date(2019, 5, 1), 99858), (date(2020, 5, 1), 101351), (date(2021, 5, 1), 106399),
            (date(2022, 5, 1), 111477), (date(2023, 5, 1), 118620), (date(2024, 5, 1), 124028),
            (date(2025, 5, 1), 130160), (date(2026, 5, 1), 136549), (date(2027, 5, 1), 142000)]
APPROX_BT = [(date(2019, 1, 1), 27), (date(2023, 2, 1), 35), (date(2024, 1, 1), 36), (date(2025, 1, 1), 37),
             (date(2026, 1, 1), 38)]


def _rate_on(table: list[tuple[date, int]], d: date) -> int:
    value = table[0][1]
    for start, v in table:
        if d >= start:
            value = v
    return value


NAMES = ["Kari Nordmann", "Ola Testesen", "Ingrid Prøve Haugen", "Per Eksempel", "Aisha Fiktiv Berg",
         "Jonas Syntetisk", "Marte Test Lie", "Sigrid Demo Dahl"]
OFFICES = [("Nav Bergenhus", "1203"), ("Nav Trondheim", "5001"), ("Nav Grünerløkka", "0312"),
           ("Nav Tromsø", "5501"), ("Nav Molde", None)]
ARGUMENTS = ["Nav har beregnet stønaden feil.", "Trekket for fravær er for stort.",
             "Omsorgsstønad kan ikke samordnes etter § 38.", "Jeg har ikke fått barnetillegg for alle barna.",
             "Klagen kom for sent fordi jeg ventet på begrunnelsen.", "Feriedagene skal gi stønad."]
BENEFIT_KINDS = (["dagpenger"] * 4 + ["sykepenger"] * 4 + ["foreldrepenger"] * 2
                 + ["aap", "uforetrygd", "barnepensjon", "barnetrygd", "bostotte", "barnebidrag", "stipend",
                    "overgangsstonad", "kontantstotte", "tilleggsstonad", "annen"])
WORK_KINDS = ["arbeid"] * 5 + ["omsorgsstonad"] * 2 + ["laerling"] * 2 + ["fosterhjem"] * 2
COUNTED_WORK = {"arbeid", "laerling", "omsorgsstonad"}
S38_BENEFITS = {"dagpenger", "sykepenger", "foreldrepenger"}


def money(x: Decimal | float | int) -> str:
    return str(Decimal(x).quantize(Decimal("0.01"), ROUND_HALF_UP))


def kroner(x: Decimal) -> str:
    return str(max(Decimal(0), x).quantize(Decimal(1), ROUND_HALF_UP))


class CaseMaker:
    """Builds one random, valid-looking case: :meth:`skeleton` (the facts), then :meth:`price` (Nav's
    figures). The steers (``STEERS``) bend the skeleton towards one settled point before pricing."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # -- random helpers --------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def day(self, lo: date, hi: date) -> date:
        return lo + timedelta(days=self.r.randint(0, max(0, (hi - lo).days)))

    def weekday(self, lo: date, hi: date) -> date | None:
        options = weekdays(lo, hi)
        return self.r.choice(options) if options else None

    def hours(self) -> float | int:
        return self.r.choice([1, 2, 2.5, 3, 3.5, 4, 5, 6, 7.5, 7.5])

    # -- the facts ---------------------------------------------------------------------------------
    def skeleton(self, *, prog_from: date | None = None, prog_days: int | None = None,
                 pay_from: date | None = None, n_pay: int | None = None, step: str | None = None,
                 birth: date | None = None, decision: date | None = None,
                 children: list[dict] | None = None) -> dict:
        r = self.r
        prog_from = prog_from or self.day(date(2022, 6, 1), date(2026, 10, 31))
        prog_to = prog_from + timedelta(days=(prog_days or r.choice([91, 182, 273, 365, 365, 365])) - 1)
        step = step or r.choice(["month", "month", "month", "14d"])
        n_pay = n_pay or r.choice([1, 1, 2, 2, 3])
        periods: list[tuple[date, date]] = []
        if step == "month":
            start = pay_from or month_start(self.day(prog_from, prog_to - timedelta(days=20)))
            for _ in range(n_pay):
                end = next_month_start(start) - ONE_DAY
                periods.append((start, end))
                start = end + ONE_DAY
        else:
            start = pay_from or self.day(prog_from, prog_to - timedelta(days=14))
            start -= timedelta(days=start.weekday())  # a Monday
            for _ in range(n_pay):
                periods.append((start, start + timedelta(days=13)))
                start += timedelta(days=14)
        # a period wholly outside the programme is S-08's business, not a plain case's
        periods = [p for p in periods if overlaps(p[0], p[1], prog_from, prog_to)] or [
            (max(prog_from, prog_to - timedelta(days=27)), prog_to)]
        first, last = periods[0][0], periods[-1][1]

        if decision is None:
            decision = (first - timedelta(days=r.randint(0, 20)) if self.chance(0.15)
                        else last + timedelta(days=r.randint(2, 40)))
        notice = None if self.chance(0.08) else decision + timedelta(days=r.randint(0, 6))
        lag = r.choice([r.randint(0, 20)] * 8 + [r.randint(21, 60)] * 3 + [r.randint(60, 420)])
        sent = (notice or decision) + timedelta(days=lag)

        if birth is None:
            if self.chance(0.25):  # turns 25 around the programme (R3)
                b25 = self.day(prog_from - timedelta(days=60), prog_to + timedelta(days=60))
                birth = years_later(b25, -25)
            else:
                birth = years_later(prog_from, -r.randint(18, 66)) - timedelta(days=r.randint(0, 364))

        office, unit = r.choice(OFFICES)
        doc: dict[str, Any] = {
            "format": FORMAT,
            "nav_office": {"name": office, **({"unit_number": unit} if unit else {})},
            "decision": {
                "reference": f"{decision.year}/{r.randint(1000, 99999)}",
                "date": decision.isoformat(),
                "kind": r.choice(["utbetaling"] * 10 + ["endring"] * 4 + ["innvilgelse"] * 3
                                 + ["tilbakekreving"] * 2 + ["stans"]),
                "hjemler": ["sosialtjenesteloven § 35"] + (["sosialtjenesteloven § 38"] if self.chance(0.3) else []),
                "notice_received": notice.isoformat() if notice else None,
            },
            "participant": {"name": r.choice(NAMES), "fnr": synthetic_fnr(birth),
                            "birth_date": birth.isoformat(), "language": r.choice(["nb", "nb", "nn"])},
            "representative": None,
            "programme": {"from": prog_from.isoformat(), "to": prog_to.isoformat()},
            "children": [],
            "work": [],
            "absence": [],
            "leave_without_stonad": [],
            "ferie": [],
            "benefits": [],
            "payments": [{"from": a.isoformat(), "to": b.isoformat(), "net": "0"} for a, b in periods],
            "appeal": {"sent": sent.isoformat(), "by": "part", "signed": True,
                       "arguments": r.sample(ARGUMENTS, r.randint(1, 2))},
        }
        if self.chance(0.5):
            doc["programme"]["hours_per_week"] = r.choice([37.5, 37.5, 30, 20, 15, 10])
        if self.chance(0.7):
            doc["appeal"]["received"] = (sent + timedelta(days=r.randint(0, 4))).isoformat()
        if self.chance(0.15):
            doc["appeal"]["by"] = "fullmektig"
            doc["representative"] = {"name": "Advokat Fiktiv", "kind": r.choice(["advokat", "annen"])}

        # children (R6): most without from/to; some limited, a few foster children
        if children is None:
            children = []
            for _ in range(r.choice([0, 0, 0, 0, 1, 1, 2, 3])):
                child: dict[str, Any] = {"birth_date": (prog_from - timedelta(days=r.randint(0, 20 * 365))).isoformat()}
                if self.chance(0.12):
                    cf = self.day(prog_from - timedelta(days=60), prog_to)
                    child["from"], child["to"] = cf.isoformat(), self.day(cf, cf + timedelta(days=300)).isoformat()
                if self.chance(0.05):
                    child["foster"] = True
                children.append(child)
        doc["children"] = children

        lo, hi = max(first, prog_from), min(last, prog_to)  # the days that can be stønadsdager
        if self.chance(0.45):  # work (R9)
            for _ in range(r.randint(1, 2)):
                wf = self.day(lo, hi)
                wt = self.day(wf, min(wf + timedelta(days=40), hi + timedelta(days=20)))
                weekly = r.choice([2, 5, 8, 10, 12, 15, 18, 20, 25, 30])
                doc["work"].append({"from": wf.isoformat(), "to": wt.isoformat(),
                                    "hours": round(weekly * len(weekdays(wf, wt)) / 5),
                                    "kind": r.choice(WORK_KINDS)})
        if self.chance(0.4):  # absence (R8)
            for _ in range(r.randint(1, 3)):
                d = self.weekday(lo, hi)
                if d:
                    doc["absence"].append({"date": d.isoformat(), "hours": self.hours(),
                                           "valid": self.chance(0.3)})
        if self.chance(0.08):  # leave without stønad (R2)
            lf = self.day(lo, hi)
            leave = {"from": lf.isoformat(), "to": min(hi, lf + timedelta(days=r.randint(1, 8))).isoformat(),
                     "reason": "avtalt fravær uten stønad"}
            if self.chance(0.7):
                leave["kind"] = r.choice(["avtalt", "avbrudd"])
            doc["leave_without_stonad"].append(leave)
        if self.chance(0.12):  # ferie (R15)
            ff = self.day(lo, hi)
            doc["ferie"].append({"from": ff.isoformat(), "to": (ff + timedelta(days=r.randint(2, 13))).isoformat()})
        if self.chance(0.35):  # other benefits (R10–R11)
            for _ in range(r.randint(1, 2)):
                bf = self.day(lo - timedelta(days=10), hi)
                doc["benefits"].append({"kind": r.choice(BENEFIT_KINDS), "from": bf.isoformat(),
                                        "to": self.day(bf, bf + timedelta(days=30)).isoformat(),
                                        "daily_amount": f"{r.randint(150, 900)}.{r.choice(['00', '00', '50', '25'])}"})
        return doc

    # -- Nav's figures ---------------------------------------------------------------------------
    def price(self, doc: dict) -> list[Decimal]:
        """Fill in Nav's gross, deductions and net for every payment period — roughly what the law
        gives, with a deliberate error now and then. Returns Nav's unrounded nets (for S-05)."""
        r = self.r
        f = Facts(doc, {})
        unrounded: list[Decimal] = []
        turns_25 = years_later(f.birth, 25)
        for i, pay in enumerate(doc["payments"]):
            pf, pt = D(pay["from"]), D(pay["to"])
            stonadsdager = f.stonadsdager[i]
            base = bt = Decimal(0)
            day_rate: dict[date, Decimal] = {}
            for d in stonadsdager:
                factor = Decimal("2.041") if d >= date(2024, 7, 1) else Decimal(2)
                rate = factor * _rate_on(APPROX_G, d) / 260
                if d < turns_25:
                    rate = rate * 2 / 3
                day_rate[d] = rate
                base += rate
                bt += _rate_on(APPROX_BT, d) * sum(1 for c in f.children if c.counts_on(d))
            gross = base + bt
            deductions: list[dict] = []
            n = len(stonadsdager) or 1
            counted = sum(w.hours_in(pf, pt) for w in f.work if w.kind in COUNTED_WORK)
            if counted:
                share = min(Decimal(1), counted / (Decimal("7.5") * n))
                kind = "samordning" if self.chance(0.15) else "arbeid"  # omsorgsstønad under § 38 (D06)
                deductions.append({"kind": kind, "amount": money(share * gross)})
            absent = [(a, day_rate[a.date]) for a in f.absence if not a.valid and a.date in day_rate]
            if absent:
                whole = self.chance(0.2)  # Nav deducts whole days (D08)
                amount = sum(rate * (1 if whole else min(a.hours, Decimal("7.5")) / Decimal("7.5")) for a, rate in absent)
                deductions.append({"kind": "fravaer", "amount": money(amount)})
            coordinated = sum(Decimal(b.daily) for b in f.benefits for d in stonadsdager
                              if b.kind in S38_BENEFITS and b.start <= d <= b.end)
            wrongly = self.chance(0.1) and any(b.kind not in S38_BENEFITS for b in f.benefits)
            if coordinated or wrongly:
                deductions.append({"kind": "samordning",
                                   "amount": money(coordinated or Decimal(r.randint(500, 4000)))})
            error = r.random()
            if error < 0.1:
                gross = gross * Decimal("0.95")  # last year's G, roughly
            elif error < 0.2:
                gross = max(Decimal(0), gross + r.randint(-3000, 3000))
            net = max(Decimal(0), gross - sum(Decimal(x["amount"]) for x in deductions))
            if error > 0.97:
                net = Decimal(0)  # stans
            unrounded.append(net.quantize(Decimal("0.01"), ROUND_HALF_UP))
            pay["net"] = kroner(net)
            if self.chance(0.4):
                pay["gross"] = money(gross)
            if deductions and self.chance(0.7):
                for x in deductions:
                    x["hjemmel"] = {"arbeid": "sosialtjenesteloven § 37", "fravaer": "sosialtjenesteloven § 36",
                                    "samordning": "sosialtjenesteloven § 38"}[x["kind"]]
                pay["deductions"] = deductions
        return unrounded


# -- steers: one per settled point ---------------------------------------------------------------------
def plain(m: CaseMaker) -> tuple[dict, dict]:
    doc = m.skeleton()
    nets = m.price(doc)
    if m.chance(0.03):  # now and then øre and a request for reasons, as real cases have
        doc["payments"][0]["net"] = str(nets[0])
    if m.chance(0.05) and doc["decision"]["notice_received"]:
        doc["appeal"]["requested_reasons"] = (D(doc["decision"]["notice_received"]) + timedelta(days=m.r.randint(1, 20))).isoformat()
    return doc, {}


def steer_s01(m: CaseMaker) -> tuple[dict, dict]:
    """Request for reasons within (mostly) the klagefrist, reasons received, appeal sent after that."""
    doc = m.skeleton()
    m.price(doc)
    r = m.r
    notice = D(doc["decision"]["date"]) + timedelta(days=r.randint(0, 5))
    requested = notice + timedelta(days=r.choice([r.randint(0, 21)] * 5 + [r.randint(22, 30)]))
    got = requested + timedelta(days=r.randint(1, 40))
    sent = got + timedelta(days=r.randint(0, 30)) if m.chance(0.8) else notice + timedelta(days=r.randint(0, 40))
    doc["decision"]["notice_received"] = notice.isoformat()
    doc["appeal"].update(requested_reasons=requested.isoformat(), reasons_received=got.isoformat(),
                         sent=sent.isoformat())
    doc["appeal"].pop("received", None)
    return doc, {}


def steer_s02(m: CaseMaker) -> tuple[dict, dict]:
    """Payment periods with days from 2027-05-01 (no G), with work over 50 % and/or a samordning
    deduction with no dagpenger/sykepenger/foreldrepenger behind it."""
    r = m.r
    prog_from = m.day(date(2026, 9, 1), date(2027, 5, 15))
    pay_from, step = r.choice([(date(2027, 4, 1), "month"), (date(2027, 5, 1), "month"), (date(2027, 6, 1), "month"),
                               (date(2027, 4, 19), "14d"), (date(2027, 4, 26), "14d"), (date(2027, 8, 2), "14d")])
    pay_from = max(pay_from, month_start(prog_from) if step == "month" else prog_from)
    doc = m.skeleton(prog_from=prog_from, prog_days=365, pay_from=pay_from, step=step,
                     children=[] if m.chance(0.6) else None)
    doc["benefits"] = [b for b in doc["benefits"] if b["kind"] not in S38_BENEFITS]
    over_50, samordning = r.choice([(True, False), (False, True), (True, True)])
    if over_50:
        for pay in doc["payments"]:
            a, b = max(D(pay["from"]), prog_from), D(pay["to"])
            doc["work"].append({"from": a.isoformat(), "to": b.isoformat(), "kind": r.choice(["arbeid", "omsorgsstonad"]),
                                "hours": round(r.choice([20, 22.5, 25, 30, 35]) * len(weekdays(a, b)) / 5)})
    m.price(doc)
    if samordning:
        for pay in doc["payments"]:
            amount = r.randint(500, 5000)
            pay["deductions"] = pay.get("deductions", []) + [
                {"kind": "samordning", "amount": f"{amount}.00", "hjemmel": "sosialtjenesteloven § 38"}]
            pay["net"] = str(max(0, int(pay["net"]) - amount))
    return doc, {}


def steer_s03(m: CaseMaker) -> tuple[dict, dict]:
    """The 25th birthday on the 1st of a month (or 29 February), assumption next_month, payment
    periods around it."""
    r = m.r
    if m.chance(0.2):
        birth = r.choice([date(2000, 2, 29), date(1996, 2, 29)])
    else:
        b25 = date(r.randint(2022, 2026), r.randint(1, 12), 1)
        b25 = min(b25, date(2026, 11, 1))
        birth = b25.replace(year=b25.year - 25)
    b25 = years_later(birth, 25)
    pay_from = month_start(b25 - timedelta(days=r.randint(0, 40)))
    doc = m.skeleton(prog_from=pay_from - timedelta(days=r.randint(0, 120)), prog_days=365, pay_from=pay_from,
                     n_pay=r.choice([2, 3]), step="month", birth=birth)
    m.price(doc)
    return doc, ({"under_25_full_rate_from": "next_month"} if m.chance(0.85) else {})


def steer_s04(m: CaseMaker) -> tuple[dict, dict]:
    """A decision on 29 February; the appeal sent around 28 February / 1 March a year later."""
    r = m.r
    if m.chance(0.75):
        decision, pay_from = date(2024, 2, 29), date(2024, r.choice([1, 2]), 1)
    else:  # 2028: payments in 2026, one child born 29.02.2008 turns 18 around 28.02/01.03.2026
        decision, pay_from = date(2028, 2, 29), date(2026, 2, 1)
    children = [{"birth_date": "2008-02-29"}] if decision.year == 2028 else None
    doc = m.skeleton(prog_from=pay_from - timedelta(days=r.randint(0, 150)), prog_days=365, pay_from=pay_from,
                     n_pay=2, step="month", decision=decision, children=children)
    m.price(doc)
    sent = date(decision.year + 1, 2, 28) + timedelta(days=r.choice([-3, -2, -1, 0, 0, 1, 1, 2, 3, 5]))
    doc["decision"]["notice_received"] = (None if m.chance(0.2)
                                          else (decision + timedelta(days=r.randint(0, 5))).isoformat())
    doc["appeal"]["sent"] = sent.isoformat()
    doc["appeal"]["received"] = (sent + timedelta(days=r.randint(0, 3))).isoformat()
    return doc, {}


def steer_s05(m: CaseMaker) -> tuple[dict, dict]:
    """Nav's net with øre («10216.50»): Nav's own unrounded figure, or whole kroner ± øre."""
    doc = m.skeleton()
    if m.chance(0.5):  # a simple period, so Nav's figure lies close to the law's
        doc.update(work=[], absence=[], benefits=[], leave_without_stonad=[])
    nets = m.price(doc)
    for pay, exact in zip(doc["payments"], nets):
        if m.chance(0.75):
            if m.chance(0.5):
                text = str(exact)
            else:
                text = f"{max(0, int(pay['net']) + m.r.choice([0, 0, -1, 1]))}.{m.r.choice(['50', '49', '51', '01', '99', '25'])}"
            pay["net"] = float(text) if m.chance(0.15) else text  # also as a JSON number
    if all(Decimal(str(p["net"])) % 1 == 0 for p in doc["payments"]):
        doc["payments"][0]["net"] = "10216.50"
    return doc, {}


def steer_s06(m: CaseMaker) -> tuple[dict, dict]:
    """Children who count on days from 2027-01-01 (no barnetillegg rate)."""
    r = m.r
    prog_from = m.day(date(2026, 6, 1), date(2027, 2, 1))
    pay_from = r.choice([date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 1)])
    children = [{"birth_date": m.day(date(2010, 1, 1), date(2025, 6, 30)).isoformat()}
                for _ in range(r.randint(1, 3))]
    if m.chance(0.2):
        children[0]["from"], children[0]["to"] = "2026-06-01", "2027-12-31"
    doc = m.skeleton(prog_from=min(prog_from, pay_from), prog_days=365, pay_from=pay_from, step="month",
                     children=children)
    if m.chance(0.3):
        pay = doc["payments"][-1]
        doc["work"].append({"from": pay["from"], "to": pay["to"], "kind": "arbeid",
                            "hours": round(25 * len(weekdays(D(pay["from"]), D(pay["to"]))) / 5)})
    m.price(doc)
    return doc, {}


def steer_s07(m: CaseMaker) -> tuple[dict, dict]:
    """A child with only ``from`` or only ``to``."""
    doc = m.skeleton()
    prog_from, prog_to = D(doc["programme"]["from"]), D(doc["programme"]["to"])
    if not doc["children"]:
        doc["children"] = [{"birth_date": (prog_from - timedelta(days=m.r.randint(100, 5000))).isoformat()}]
    for child in doc["children"][: m.r.randint(1, len(doc["children"]))]:
        child.pop("from", None)
        child.pop("to", None)
        end = m.day(prog_from - timedelta(days=30), prog_to)
        child["from" if m.chance(0.5) else "to"] = end.isoformat()
    m.price(doc)
    return doc, {}


def steer_s08(m: CaseMaker) -> tuple[dict, dict]:
    """One payment period wholly outside the programme; mostly Nav paid for it."""
    doc = m.skeleton()
    m.price(doc)
    prog_from, prog_to = D(doc["programme"]["from"]), D(doc["programme"]["to"])
    if m.chance(0.5):
        end = prog_from - timedelta(days=m.r.randint(1, 60))
        outside = (month_start(end), end)
        place = 0
    else:
        start = prog_to + timedelta(days=m.r.randint(1, 60))
        outside = (start, next_month_start(start) - ONE_DAY)
        place = len(doc["payments"])
    pay: dict[str, Any] = {"from": outside[0].isoformat(), "to": outside[1].isoformat(),
                           "net": str(m.r.randint(2000, 22000)) if m.chance(0.75) else "0"}
    if m.chance(0.3):
        pay["gross"] = f"{int(pay['net']) + m.r.randint(0, 500)}.00"
    doc["payments"].insert(place, pay)
    return doc, {}


def steer_s09(m: CaseMaker) -> tuple[dict, dict]:
    """A request for reasons, the reasons not yet received."""
    doc = m.skeleton()
    m.price(doc)
    r = m.r
    notice = D(doc["decision"]["date"]) + timedelta(days=r.randint(0, 5))
    requested = notice + timedelta(days=r.choice([r.randint(0, 21)] * 5 + [r.randint(22, 40)]))
    sent = requested + timedelta(days=r.randint(0, 45)) if m.chance(0.85) else notice + timedelta(days=r.randint(0, 30))
    doc["decision"]["notice_received"] = notice.isoformat()
    doc["appeal"].update(requested_reasons=requested.isoformat(), sent=sent.isoformat())
    doc["appeal"].pop("reasons_received", None)
    doc["appeal"].pop("received", None)
    return doc, {}


def steer_s10(m: CaseMaker) -> tuple[dict, dict]:
    """Dates that contradict each other, or hours_per_week over 168: invalid input."""
    doc = m.skeleton()
    m.price(doc)
    r = m.r
    decision = D(doc["decision"]["date"])
    for kind in r.sample(["notice", "sent", "received", "birth", "hours"], r.choice([1, 1, 1, 2])):
        if kind == "notice":
            doc["decision"]["notice_received"] = (decision - timedelta(days=r.randint(1, 20))).isoformat()
        elif kind == "sent":
            doc["appeal"]["sent"] = (decision - timedelta(days=r.randint(1, 20))).isoformat()
            doc["appeal"].pop("received", None)
        elif kind == "received":
            doc["appeal"]["received"] = (D(doc["appeal"]["sent"]) - timedelta(days=r.randint(1, 10))).isoformat()
        elif kind == "birth":
            born = decision + timedelta(days=r.randint(1, 300))
            doc["participant"].update(birth_date=born.isoformat(), fnr=synthetic_fnr(born))
        else:
            doc["programme"]["hours_per_week"] = r.choice([168.5, 169, 200, 400, 1000])
    return doc, {}


def steer_s11(m: CaseMaker) -> tuple[dict, dict]:
    """Fosterhjem hours beside counted work in one period; Nav's ``arbeid`` deduction counts the
    fosterhjem hours too, so it exceeds the § 37 reduction."""
    doc = m.skeleton(n_pay=m.r.choice([1, 2]))
    r = m.r
    doc["work"] = []
    f = Facts(doc, {})
    pay = r.choice(doc["payments"])
    a, b = max(D(pay["from"]), f.prog_from), min(D(pay["to"]), f.prog_to)
    n = len(weekdays(a, b))
    counted, foster = r.randint(5, 15) * n // 5, r.randint(5, 20) * n // 5
    doc["work"] = [{"from": a.isoformat(), "to": b.isoformat(), "hours": max(1, counted),
                    "kind": r.choice(["arbeid", "arbeid", "omsorgsstonad", "laerling"])},
                   {"from": a.isoformat(), "to": b.isoformat(), "hours": max(1, foster), "kind": "fosterhjem",
                    "note": "fosterhjemsgodtgjøring"}]
    m.price(doc)
    gross = Decimal(pay.get("gross") or Decimal(pay["net"]) + sum(Decimal(x["amount"]) for x in pay.get("deductions", [])))
    share = min(Decimal(1), Decimal(counted + foster) / (Decimal("7.5") * max(1, n)))
    amount = share * gross + r.randint(50, 500)  # clearly more than the hours that count give
    pay["deductions"] = [x for x in pay.get("deductions", []) if x["kind"] != "arbeid"] + [
        {"kind": "arbeid", "amount": money(amount), "hjemmel": "sosialtjenesteloven § 37",
         "note": "arbeid og fosterhjem"}]
    pay["net"] = kroner(gross - sum(Decimal(x["amount"]) for x in pay["deductions"]))
    return doc, {}


def steer_s12(m: CaseMaker) -> tuple[dict, dict]:
    """Invalid absence recorded on a ferie day (a stønadsdag), usually deducted by Nav."""
    doc = m.skeleton()
    doc["leave_without_stonad"] = []
    f = Facts(doc, {})
    pay = m.r.choice(doc["payments"])
    a, b = max(D(pay["from"]), f.prog_from), min(D(pay["to"]), f.prog_to)
    day = m.weekday(a, b) or a
    ferie_from = max(a, day - timedelta(days=m.r.randint(0, 4)))
    doc["ferie"] = [{"from": ferie_from.isoformat(), "to": (day + timedelta(days=m.r.randint(0, 6))).isoformat(),
                     **({"note": "ferie fastsatt av kommunen"} if m.chance(0.5) else {})}]
    doc["absence"] = [x for x in doc["absence"] if x["date"] != day.isoformat()]
    doc["absence"].append({"date": day.isoformat(), "hours": m.hours(), "valid": False,
                           **({"reason": "møtte ikke"} if m.chance(0.5) else {})})
    m.price(doc)
    return doc, {}


STEERS: dict[str, Callable[[CaseMaker], tuple[dict, dict]]] = {
    "S-01": steer_s01, "S-02": steer_s02, "S-03": steer_s03, "S-04": steer_s04, "S-05": steer_s05,
    "S-06": steer_s06, "S-07": steer_s07, "S-08": steer_s08, "S-09": steer_s09, "S-10": steer_s10,
    "S-11": steer_s11, "S-12": steer_s12,
}


@dataclass
class Case:
    index: int
    steer: str | None  # the point this case was steered at; None for a plain random case
    doc: dict
    assumptions: dict


def make_case(seed: int, index: int) -> Case:
    """Case ``index`` of a run with ``seed``: every second case steered, the points in turn."""
    m = CaseMaker(random.Random(f"{seed}/{index}"))
    steer = list(STEERS)[(index // 2) % len(STEERS)] if index % 2 == 0 else None
    doc, assumptions = (STEERS[steer] if steer else plain)(m)
    doc["decision"]["reference"] = f"CMP/{seed}/{index}"
    return Case(index, steer, doc, assumptions)


# == features of a case ===========================================================================
@dataclass
class Child:
    birth: date
    start: date | None
    end: date | None

    def counts_on(self, d: date) -> bool:
        return (self.birth <= d < years_later(self.birth, 18)
                and (self.start is None or self.start <= d) and (self.end is None or d <= self.end))


@dataclass
class Work:
    start: date
    end: date
    hours: Decimal
    kind: str
    facts: Facts

    def hours_in(self, a: date, b: date) -> Decimal:
        """The entry's hours spread evenly over its stønadsdager; those inside [a, b]."""
        own = [d for d in days(self.start, self.end) if self.facts.is_stonadsdag(d)]
        inside = [d for d in own if a <= d <= b]
        return self.hours * len(inside) / len(own) if own else Decimal(0)


@dataclass
class Absence:
    date: date
    hours: Decimal
    valid: bool


@dataclass
class Benefit:
    kind: str
    start: date
    end: date
    daily: str


def _days_where(period: dict, key: str) -> dict[date, Any]:
    """Day → the value of ``key`` in the trace's day ranges (``under_25``, ``children``)."""
    out: dict[date, Any] = {}
    for seg in (period.get("trace") or {}).get("days") or []:
        for d in days(D(seg["from"]), D(seg["to"])):
            out[d] = seg.get(key)
    return out


class Facts:
    """What a case *is*, read from its document (and the assumptions it is evaluated with): the
    features the settled points are about. Sets of payment-period indexes name where a point can
    act. Built for well-formed documents, including S-10's contradictory ones."""

    def __init__(self, doc: dict, assumptions: dict) -> None:
        dec, app, prog = doc["decision"], doc["appeal"], doc["programme"]
        self.decision = D(dec["date"])
        self.notice = D(dec["notice_received"]) if dec.get("notice_received") else None
        self.sent = D(app["sent"])
        self.received = D(app["received"]) if app.get("received") else None
        self.requested = D(app["requested_reasons"]) if app.get("requested_reasons") else None
        self.reasons_received = D(app["reasons_received"]) if app.get("reasons_received") else None
        self.birth = D(doc["participant"]["birth_date"])
        self.next_month = assumptions.get("under_25_full_rate_from") == "next_month"
        self.prog_from, self.prog_to = D(prog["from"]), D(prog["to"])
        self.hours_per_week = Decimal(str(prog["hours_per_week"])) if prog.get("hours_per_week") is not None else None
        self.leave = [(D(x["from"]), D(x["to"])) for x in doc.get("leave_without_stonad") or []]
        self.ferie = [(D(x["from"]), D(x["to"])) for x in doc.get("ferie") or []]
        self.children = [Child(D(c["birth_date"]), D(c["from"]) if c.get("from") else None,
                               D(c["to"]) if c.get("to") else None) for c in doc.get("children") or []]
        self.open_children = {k for k, c in enumerate(doc.get("children") or [])
                              if (c.get("from") is None) != (c.get("to") is None)}
        self.work = [Work(D(w["from"]), D(w["to"]), Decimal(str(w["hours"])), w["kind"], self)
                     for w in doc.get("work") or []]
        self.absence = [Absence(D(a["date"]), Decimal(str(a["hours"])), a["valid"]) for a in doc.get("absence") or []]
        self.benefits = [Benefit(b["kind"], D(b["from"]), D(b["to"]), b["daily_amount"]) for b in doc.get("benefits") or []]
        self.payments = [(D(p["from"]), D(p["to"])) for p in doc["payments"]]
        self.nav_nets = [Decimal(str(p["net"])) for p in doc["payments"]]
        self.nav_deductions = [p.get("deductions") or [] for p in doc["payments"]]

        # each payment period's stønadsdager, roughly (R2: Mon–Fri in the programme, not on leave)
        self.stonadsdager = [[d for d in days(max(a, self.prog_from), min(b, self.prog_to)) if self.is_stonadsdag(d)]
                             for a, b in self.payments]

        def where(test: Callable[[int, date, date], bool]) -> set[int]:
            return {i for i, (a, b) in enumerate(self.payments) if test(i, a, b)}

        # S-02, S-06: days the tables have no value for
        self.periods_after_g = where(lambda i, a, b: any(d > LAST_G_DAY for d in self.stonadsdager[i]))
        self.periods_bt_2027 = where(lambda i, a, b: any(
            d > LAST_BT_DAY and any(c.counts_on(d) for c in self.children) for d in self.stonadsdager[i]))
        # S-03 / S-04: the 25th birthday on the 1st of a month or on 29 February (either counting)
        turns_25 = years_later(self.birth, 25)
        self.birthday_on_first = self.birth.day == 1 or (self.birth.month, self.birth.day) == (2, 29)
        window = (month_start(turns_25) - timedelta(days=31), next_month_start(next_month_start(turns_25)))
        self.periods_u25_window = where(lambda i, a, b: overlaps(a, b, *window)) if self.birthday_on_first else set()
        # S-04: 29 February as the decision date, or as a birthday the engine counts years from
        self.decision_29feb = (self.decision.month, self.decision.day) == (2, 29)
        leap_windows = []
        if (self.birth.month, self.birth.day) == (2, 29):
            leap_windows.append(years_later(self.birth, 25))
        leap_windows += [years_later(c.birth, 18) for c in self.children if (c.birth.month, c.birth.day) == (2, 29)]
        self.periods_29feb_window = where(lambda i, a, b: any(
            overlaps(a, b, w - timedelta(days=30), w + timedelta(days=31)) for w in leap_windows))
        # S-05: Nav's net with øre
        self.periods_ore = {i for i, net in enumerate(self.nav_nets) if net % 1}
        # S-08: a payment period wholly outside the programme
        self.periods_outside = where(lambda i, a, b: not overlaps(a, b, self.prog_from, self.prog_to))
        # S-12: invalid absence recorded on a ferie day of the period (a stønadsdag or not)
        self.absence_on_ferie = [x.date for x in self.absence if not x.valid and self.in_ferie(x.date)]
        self.periods_ferie_absence = where(lambda i, a, b: any(a <= d <= b for d in self.absence_on_ferie))
        # S-10: contradictions, each with the field the error names
        self.contradictions: dict[str, set[str]] = {}
        if self.notice and self.notice < self.decision:
            self.contradictions["notice before decision"] = {"decision.notice_received"}
        if self.sent < self.decision:
            self.contradictions["appeal sent before decision"] = {"appeal.sent"}
        if self.received and self.received < self.sent:
            self.contradictions["appeal received before sent"] = {"appeal.received", "appeal.sent"}
        if self.birth > self.decision:
            self.contradictions["birth after decision"] = {"participant.birth_date"}
        if self.hours_per_week is not None and self.hours_per_week > 168:
            self.contradictions["hours_per_week > 168"] = {"programme.hours_per_week"}
        # from the outputs (with_outputs): S-11's § 37 figure; the periods whose days changed between
        # the 2/3 and the full rate, or in the number of children counted (S-03, S-04's birthdays)
        self.periods_s11: set[int] = set()
        self.periods_u25_changed: set[int] = set()
        self.periods_children_changed: set[int] = set()
        self.periods_net_changed: set[int] = set()
        self.period_codes_changed: dict[int, set[str]] = {}  # period → flags, discrepancy codes that came or went
        # R19 (S-01, S-09): reasons requested by the original klagefrist, the appeal sent after it
        self.interrupted = False

    @property
    def periods_unknown_parameter(self) -> set[int]:
        """Periods with days a table has no value for: G from 2027-05-01, barnetillegg from 2027-01-01."""
        return self.periods_after_g | self.periods_bt_2027

    def is_stonadsdag(self, d: date) -> bool:
        return (d.weekday() < 5 and self.prog_from <= d <= self.prog_to
                and not any(a <= d <= b for a, b in self.leave))

    def in_ferie(self, d: date) -> bool:
        return any(a <= d <= b for a, b in self.ferie)

    def with_outputs(self, before: dict, after: dict) -> Facts:
        """Add what only the engines' results tell (called once, when both are in):

        * ``interrupted`` — R19's interruption needs the original klagefrist (S-01, S-09);
        * ``periods_s11`` — S-11 needs the § 37 reduction from the hours that count: a period with
          fosterhjem hours and counted work where Nav's ``arbeid`` deduction exceeds it (+1 kr);
        * signals that narrow a feature to the periods where its kind of change happened: the net
          changed (S-05), a flag or discrepancy code came or went (S-11), days changed between the 2/3
          and the full rate or in the number of children (S-03, S-04's birthdays)."""
        out = before.get("out") or after.get("out")
        original = out and out["admissibility"].get("original_deadline")
        self.interrupted = bool(self.requested and original and self.requested <= D(original) < self.sent)
        if before.get("out") and after.get("out"):
            pairs = list(enumerate(zip(before["out"]["periods"], after["out"]["periods"])))
            self.periods_net_changed = {i for i, (pb, pa) in pairs if pb.get("net") != pa.get("net")}
            for i, (pb, pa) in pairs:
                key = f"{pa['from']}/{pa['to']}"
                codes_b = Counter(d.get("code") for d in before["out"].get("discrepancies", []) if d.get("period") == key)
                codes_a = Counter(d.get("code") for d in after["out"].get("discrepancies", []) if d.get("period") == key)
                self.period_codes_changed[i] = (set(pb.get("flags") or []) ^ set(pa.get("flags") or [])
                                                | set((codes_b - codes_a) + (codes_a - codes_b)))
        if before.get("out") and after.get("out") and (self.periods_u25_window or self.periods_29feb_window):
            for i, (pb, pa) in enumerate(zip(before["out"]["periods"], after["out"]["periods"])):
                if _days_where(pb, "under_25") != _days_where(pa, "under_25"):
                    self.periods_u25_changed.add(i)
                if _days_where(pb, "children") != _days_where(pa, "children"):
                    self.periods_children_changed.add(i)
        for i, (a, b) in enumerate(self.payments):
            nav_work = sum((Decimal(str(x["amount"])) for x in self.nav_deductions[i] if x["kind"] == "arbeid"), Decimal(0))
            kinds = {w.kind for w in self.work if w.hours_in(a, b) > 0}
            if not (nav_work and "fosterhjem" in kinds and kinds & COUNTED_WORK):
                continue
            work = out["periods"][i].get("work") if out and i < len(out["periods"]) else None
            if work is not None and nav_work > Decimal(work) + 1:
                self.periods_s11.add(i)
        return self

    def exercised(self) -> set[str]:
        """The settled points this case exercises (whatever the engines make of it)."""
        return {point for point, yes in {
            "S-01": self.interrupted and self.reasons_received is not None,
            "S-02": bool(self.periods_after_g or self.periods_bt_2027),
            "S-03": self.next_month and bool(self.periods_u25_window),
            "S-04": self.decision_29feb,
            "S-05": bool(self.periods_ore),
            "S-06": bool(self.periods_bt_2027),
            "S-07": bool(self.open_children),
            "S-08": bool(self.periods_outside),
            "S-09": self.interrupted and self.reasons_received is None,
            "S-10": bool(self.contradictions),
            "S-11": bool(self.periods_s11),
            "S-12": bool(self.periods_ferie_absence),
        }.items() if yes}


# == 2. the engine at two revisions ===============================================================
def worker_main(cases_path: str) -> int:
    """``--worker FILE``: evaluate every case of FILE (JSON lines) with the ``workbench`` first on
    ``sys.path`` — the way ``workbench evaluate`` does — and write one JSON line per case to stdout:
    ``{"i", "status": "ok", "out"}``, ``{"i", "status": "invalid", "errors": [[field, message], …]}``
    or ``{"i", "status": "error", "error"}``. The first line names the ``workbench`` imported."""
    import workbench

    # Import the format from where this revision keeps it (decided by its files: the editable install's
    # finder would otherwise find a module the revision lacks in the working tree).
    if (Path(workbench.__file__).parent / "formats" / "import_format").is_dir():
        from workbench.formats.import_format import ImportValidationError, load_document
    else:  # a revision before issue #11 moved it
        from workbench.importing import ImportValidationError, load_document  # type: ignore[no-redef]
    from workbench.services.evaluation import evaluate_document

    def default(o: Any) -> Any:
        if isinstance(o, Decimal):
            return str(o)
        if hasattr(o, "isoformat"):
            return o.isoformat()
        raise TypeError(type(o).__name__)

    out = sys.stdout
    out.write(json.dumps({"workbench": str(Path(workbench.__file__).resolve().parent)}) + "\n")
    with open(cases_path, encoding="utf-8") as f:
        for line in f:
            job = json.loads(line)
            try:
                res = {"status": "ok", "out": evaluate_document(load_document(job["doc"]),
                                                                parameters=job["assumptions"] or None)}
            except ImportValidationError as exc:
                res = {"status": "invalid", "errors": [[e.path, e.message] for e in exc.errors]}
            except Exception as exc:  # noqa: BLE001 — a crash is a result to compare, not the end of the run
                res = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
            res["i"] = job["i"]
            out.write(json.dumps(res, ensure_ascii=False, default=default) + "\n")
    return 0


class RunError(Exception):
    """The comparison itself could not run (exit status 2)."""


def git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    if done.returncode:
        raise RunError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


@contextmanager
def engine_tree(rev: str | None, scratch: Path) -> Iterator[tuple[Path, str]]:
    """The source tree of ``rev`` (a detached worktree under ``scratch``, removed afterwards), or this
    repository's working tree for None."""
    if rev is None:
        yield REPO, "working tree"
        return
    sha = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    path = scratch / f"tree-{sha[:10]}"
    git("worktree", "add", "--detach", "--quiet", str(path), sha)
    try:
        yield path, f"{rev} ({sha[:10]})"
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(path)],
                       capture_output=True)
        shutil.rmtree(path, ignore_errors=True)


def start_worker(python: str, tree: Path, cases_path: Path, results_path: Path) -> subprocess.Popen:
    """This script as a worker (``--worker``) with ``tree`` first on ``sys.path``; its output and its
    stderr go to files next to ``results_path``."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
    with results_path.open("w", encoding="utf-8") as out, results_path.with_suffix(".err").open("w") as err:
        return subprocess.Popen([python, str(Path(__file__).resolve()), "--worker", str(cases_path)],
                                cwd=str(tree), env=env, stdout=out, stderr=err)


def finish_worker(proc: subprocess.Popen, label: str, tree: Path, results_path: Path) -> None:
    proc.wait()
    if proc.returncode:
        err = results_path.with_suffix(".err").read_text(errors="replace")
        raise RunError(f"the {label} engine failed (exit {proc.returncode}); does that tree import?\n"
                       + "\n".join(err.strip().splitlines()[-8:]))
    with results_path.open(encoding="utf-8") as f:
        header = json.loads(f.readline() or "{}")
    imported = Path(header.get("workbench", "?"))
    if imported != (tree / "workbench").resolve():
        raise RunError(f"the {label} worker imported {imported}, not {tree / 'workbench'}")


def read_results(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        f.readline()  # the header
        for line in f:
            yield json.loads(line)


# == 3. the diff ==================================================================================
ABSENT = "<absent>"


@dataclass
class Change:
    """One difference between the two results of a case.

    ``scope`` is the payment period's index, or None for the case as a whole. ``path`` names the
    value inside it (``net``, ``trace.days[0].under_25``, ``admissibility.deadline``, ``flags``).
    ``kind`` is ``value`` (before → after), or ``added`` / ``removed`` for an item of a list compared
    as a set (flags, notes, discrepancies, ⚖ points, validation errors); ``item`` is that item."""

    scope: int | None
    path: str
    kind: str = "value"
    before: Any = ABSENT
    after: Any = ABSENT
    item: Any = None
    new_key: bool = False  # the key does not exist on the before side

    @property
    def head(self) -> str:
        return re.split(r"[.\[]", self.path, maxsplit=1)[0]

    @property
    def code(self) -> str | None:
        """A flag's text, a discrepancy's code, a validation error's field."""
        if isinstance(self.item, str):
            return self.item
        if isinstance(self.item, dict):
            return self.item.get("code")
        if isinstance(self.item, (list, tuple)):
            return self.item[0]
        return None

    def pattern(self) -> str:
        where = "case" if self.scope is None else "periods[*]"
        path = re.sub(r"\[\d+\]", "[*]", self.path)
        return f"{where}.{path}" + (f" {'+' if self.kind == 'added' else '-'}{short(self.code)}" if self.kind != "value" else "")

    def show(self) -> str:
        where = "" if self.scope is None else f"periods[{self.scope}]."
        if self.kind == "value":
            return f"{where}{self.path}: {short(self.before)} → {short(self.after)}"
        return f"{where}{self.path}: {'+' if self.kind == 'added' else '-'}{short(self.item)}"


def short(v: Any, width: int = 70) -> str:
    if isinstance(v, dict) and "code" in v and ("topic" in v or "explanation" in v):
        v = f"{v['code']}: {v.get('topic') or v.get('explanation')}"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def _canon(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def _empty(v: Any) -> bool:
    return v is None or v is False or v == "" or v == [] or v == {}


def set_diff(scope: int | None, path: str, before: list, after: list) -> list[Change]:
    """Items removed and added, compared as multisets of their JSON text."""
    b, a = Counter(map(_canon, before)), Counter(map(_canon, after))
    out = [Change(scope, path, "removed", item=json.loads(k)) for k in (b - a).elements()]
    return out + [Change(scope, path, "added", item=json.loads(k)) for k in (a - b).elements()]


def tree_diff(before: Any, after: Any, path: str, scope: int | None, out: list[Change], schema: set[str]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in dict.fromkeys([*before, *after]):
            p = f"{path}.{key}" if path else key
            if key in before and key in after:
                tree_diff(before[key], after[key], p, scope, out, schema)
            elif _empty(before.get(key, after.get(key))):
                schema.add(("+" if key in after else "-") + re.sub(r"\[\d+\]", "[*]", p))
            else:
                out.append(Change(scope, p, before=before.get(key, ABSENT), after=after.get(key, ABSENT),
                                  new_key=key not in before))
    elif isinstance(before, list) and isinstance(after, list):
        if all(not isinstance(x, (dict, list)) for x in before + after):
            out.extend(set_diff(scope, path, before, after))
        elif len(before) == len(after):
            for k, (b, a) in enumerate(zip(before, after)):
                tree_diff(b, a, f"{path}[{k}]", scope, out, schema)
        else:
            out.append(Change(scope, path, before=before, after=after))
    elif before != after or type(before) is not type(after):
        out.append(Change(scope, path, before=before, after=after))


#: Parts of an evaluation every case shares: compared as global changes, once.
GLOBAL_SECTIONS = ("assumptions", "parameter_tables")
#: The per-case part of ``parameters`` (the rest are the assumption values, global).
CASE_PARAMETERS = ("G", "factor", "barnetillegg_per_day")
IGNORED = ("evaluated_on",)


def diff_evaluations(b: dict, a: dict, schema: set[str], global_changes: list[Change]) -> list[Change]:
    out: list[Change] = []
    periods_b, periods_a = b.get("periods", []), a.get("periods", [])
    if len(periods_b) != len(periods_a):
        out.append(Change(None, "periods", before=len(periods_b), after=len(periods_a)))
    else:
        for i, (pb, pa) in enumerate(zip(periods_b, periods_a)):
            tree_diff(pb, pa, "", i, out, schema)
    index = {f"{p['from']}/{p['to']}": i for i, p in reversed(list(enumerate(periods_a)))}
    for ch in set_diff(None, "discrepancies", b.get("discrepancies", []), a.get("discrepancies", [])):
        ch.scope = index.get(ch.item.get("period")) if isinstance(ch.item, dict) else None
        out.append(ch)
    for key in dict.fromkeys([*b, *a]):
        if key in ("periods", "discrepancies", *IGNORED):
            continue
        vb, va = b.get(key, ABSENT), a.get(key, ABSENT)
        if key == "assumptions":  # a list of the register's rows: compare by name
            vb = {x["name"]: x for x in vb} if isinstance(vb, list) else vb
            va = {x["name"]: x for x in va} if isinstance(va, list) else va
        if key == "parameters" and isinstance(vb, dict) and isinstance(va, dict):
            tree_diff({k: vb.get(k) for k in CASE_PARAMETERS}, {k: va.get(k) for k in CASE_PARAMETERS},
                      "parameters", None, out, schema)
            rest_b = {k: v for k, v in vb.items() if k not in CASE_PARAMETERS and k != "parameter_set"}
            rest_a = {k: v for k, v in va.items() if k not in CASE_PARAMETERS and k != "parameter_set"}
            tree_diff(rest_b, rest_a, "parameters", None, global_changes, schema)
        elif key in GLOBAL_SECTIONS:
            tree_diff(vb, va, key, None, global_changes, schema)
        elif key in ("discretion",) and isinstance(vb, list) and isinstance(va, list):
            out.extend(set_diff(None, key, vb, va))
        elif vb is ABSENT or va is ABSENT:
            if not _empty(vb if va is ABSENT else va):
                out.append(Change(None, key, before=vb, after=va, new_key=vb is ABSENT))
            else:
                schema.add(("+" if vb is ABSENT else "-") + key)
        else:
            tree_diff(vb, va, key, None, out, schema)
    return out


def diff_results(b: dict, a: dict, schema: set[str], global_changes: list[Change]) -> list[Change]:
    """Every change between the two results of one case (see :class:`Change`)."""
    sb, sa = b["status"], a["status"]
    if sb == sa == "ok":
        return diff_evaluations(b["out"], a["out"], schema, global_changes)
    out: list[Change] = []
    if sb != sa:
        out.append(Change(None, "validity", before=sb, after=sa))
    errors_b = b.get("errors") or ([["(engine)", b["error"]]] if sb == "error" else [])
    errors_a = a.get("errors") or ([["(engine)", a["error"]]] if sa == "error" else [])
    out += set_diff(None, "errors", errors_b, errors_a)
    return out


# == 4. attribution ===============================================================================
#: What a period can change when its figures change (not Nav's side: from, to, nav_*).
PERIOD_RESULT = {"status", "stonadsdager", "gross", "gross_base", "barnetillegg", "absence", "work", "work_hours",
                 "samordning", "net_unrounded", "net", "difference", "missing_parameters", "alternatives"}
PERIOD_NOTES = {"flags", "discrepancies", "notes", "trace"}
NO_G_FLAGS = {"work-over-50-percent", "non-coordinable-benefit-deducted", "below-full-time", "parameter-missing"}
ADMISSIBILITY_FLAGS = {"late-appeal", "over-one-year", "notice-date-unknown"}
#: Derived from the periods' net, Nav's net and status.
TOTAL_SOURCES = {"net", "nav_net", "difference", "status"}


def _annotation(ch: Change) -> bool:
    """A note, or a key the before side did not have: words added to the result, not a figure."""
    return ch.head == "notes" or ch.new_key


def _period_change(ch: Change, scope: set[int]) -> bool:
    return ch.scope is not None and ch.scope in scope


def _klagefrist_change(ch: Change) -> bool:
    """The klagefrist, timeliness, their notes and ``late-appeal`` (not the one-year limit)."""
    return ch.scope is None and (
        (ch.head == "admissibility" and ch.path not in (
            "admissibility.over_one_year", "admissibility.days_since_decision", "admissibility.notice_received"))
        or (ch.head == "flags" and ch.code == "late-appeal"))


def explain_s01(f: Facts, ch: Change) -> bool:
    """Reasons requested within the klagefrist, received, the appeal sent after the original
    klagefrist: the klagefrist and timeliness (CHECKS)."""
    return f.interrupted and f.reasons_received is not None and _klagefrist_change(ch)


def _no_longer_refused(ch: Change) -> bool:
    """A case the engine failed on (an exception) now evaluates: «never a rejected case»."""
    return ((ch.head == "validity" and ch.before == "error" and ch.after == "ok")
            or (ch.head == "errors" and ch.kind == "removed" and ch.code == "(engine)"))


def explain_s02(f: Facts, ch: Change) -> bool:
    """A period with days a table has no value for (G; barnetillegg too, S-06 «as G does»): it stays
    uncomputed (CHECKS) but may gain the flags that need no G, their discrepancies and what they are
    computed from (work hours, the trace) and notes; a case once refused is now valid."""
    if ch.scope is None:
        return bool(f.periods_unknown_parameter) and _no_longer_refused(ch)
    if not _period_change(ch, f.periods_unknown_parameter):
        return False
    if ch.head == "flags":
        return ch.code in NO_G_FLAGS
    if ch.head in ("status", "missing_parameters"):  # barnetillegg's own are S-06's
        return ch.scope in f.periods_after_g
    return ch.head in {"discrepancies", "stonadsdager", "work_hours", "trace"} or _annotation(ch)


def explain_s03(f: Facts, ch: Change) -> bool:
    """next_month with a 25th birthday on the 1st: the figures of a period around it whose days
    changed between the 2/3 and the full rate (``Facts.periods_u25_changed``)."""
    return (f.next_month and _period_change(ch, f.periods_u25_window & f.periods_u25_changed)
            and (ch.head in PERIOD_RESULT | PERIOD_NOTES or _annotation(ch)))


def explain_s04(f: Facts, ch: Change) -> bool:
    """A decision on 29 February: ``over_one_year``, its flag and notes. The same year-counting moves
    a 29 February birthday (the 25th, a child's 18th): the figures of a period around it whose days
    changed rate or number of children."""
    if ch.scope is None:
        return f.decision_29feb and (ch.path in ("admissibility.over_one_year", "admissibility.notes",
                                                 "admissibility.hjemmel")
                                     or (ch.head == "flags" and ch.code == "over-one-year"))
    moved = f.periods_29feb_window & (f.periods_u25_changed | f.periods_children_changed)
    return _period_change(ch, moved) and (ch.head in PERIOD_RESULT | PERIOD_NOTES or _annotation(ch))


def explain_s05(f: Facts, ch: Change) -> bool:
    """Nav's net with øre: that period's ``nav_net``; where the period's net is unchanged also its
    ``difference``, ``til-ugunst`` and discrepancies, and the totals of Nav's net (a sum of rounded
    figures, which may differ although no period's does)."""
    if ch.scope is None:  # only while the law's figures stand (a changed net is another point's)
        return bool(f.periods_ore) and not f.periods_net_changed and (
            ch.path in ("total.nav_net", "total.difference", "total.nav_net_computed_periods")
            or (ch.head == "flags" and ch.code == "til-ugunst"))
    if not _period_change(ch, f.periods_ore):
        return False
    if ch.head == "nav_net":
        return True
    return ch.scope not in f.periods_net_changed and (
        ch.head in ("difference", "discrepancies") or _annotation(ch)
        or (ch.head == "flags" and ch.code == "til-ugunst"))


def explain_s06(f: Facts, ch: Change) -> bool:
    """A child counting on days from 2027-01-01: the period is not computed (CHECKS): its figures,
    status, missing parameters, trace and notes; a case the engine failed on now evaluates."""
    if ch.scope is None:
        return bool(f.periods_bt_2027) and _no_longer_refused(ch)
    if not _period_change(ch, f.periods_bt_2027):
        return False
    if ch.head == "flags":  # the flags that need no G are S-02's
        return ch.code in ("parameter-missing", "til-ugunst")
    if ch.head == "discrepancies":  # an uncomputed period has none of its own
        return ch.kind == "removed"
    return ch.head in PERIOD_RESULT | {"trace"} or _annotation(ch)


def explain_s07(f: Facts, ch: Change) -> bool:
    """The error on a child's missing ``from``/``to`` is gone."""
    return (ch.head == "errors" and ch.kind == "removed"
            and any(ch.code.startswith(f"children[{k}]") for k in f.open_children))


def explain_s08(f: Facts, ch: Change) -> bool:
    """The error on a payment period wholly outside the programme is gone."""
    return (ch.head == "errors" and ch.kind == "removed"
            and any(re.fullmatch(rf"payments\[{k}\](\..*)?", ch.code) for k in f.periods_outside))


def explain_s09(f: Facts, ch: Change) -> bool:
    """Reasons requested within the klagefrist, not yet received, the appeal sent after the original
    klagefrist: the deadline (null), the original deadline beside it, the reason in words, ``late-appeal``."""
    return f.interrupted and f.reasons_received is None and _klagefrist_change(ch)


def explain_s10(f: Facts, ch: Change) -> bool:
    """Contradictory input stays invalid; what may change is the error on the contradictory field."""
    fields = set().union(*f.contradictions.values()) if f.contradictions else set()
    return ch.head == "errors" and ch.code in fields


def explain_s11(f: Facts, ch: Change) -> bool:
    """Fosterhjem beside counted work, Nav's ``arbeid`` above § 37: the flag ``non-coordinable-benefit-
    deducted``; where that flag or discrepancy came or went in the period, also its other discrepancies
    (the § 37 one it replaces, the diagnosis of the net that then runs) and notes."""
    if not _period_change(ch, f.periods_s11):
        return False
    if ch.head == "flags":
        return ch.code == "non-coordinable-benefit-deducted"
    flagged = "non-coordinable-benefit-deducted" in f.period_codes_changed.get(ch.scope, set())
    return flagged and (ch.head == "discrepancies" or _annotation(ch))


#: The trace of an absence: its day ranges (an absence day is a range of its own), the missing parameters'
#: ranges, the net, the absence reduction (``reductions[0]``) and the § 38 remainder (``reductions[2]``).
S12_TRACE = re.compile(r"trace\.(days|excluded|missing|net|reductions\[[02]\])")


def explain_s12(f: Facts, ch: Change) -> bool:
    """Invalid absence on a ferie day is not deducted: that period's absence and what follows from it
    (net, § 38 remainder, alternatives, ``til-ugunst``, discrepancies, notes) and the trace of it
    (``S12_TRACE``)."""
    if _period_change(ch, f.periods_ferie_absence):
        if ch.head == "flags":
            return ch.code == "til-ugunst"
        return (ch.head in {"absence", "net_unrounded", "net", "difference", "samordning", "alternatives",
                            "discrepancies"} or _annotation(ch) or S12_TRACE.match(ch.path) is not None)
    return False


EXPLAINERS: dict[str, Callable[[Facts, Change], bool]] = {
    "S-01": explain_s01, "S-02": explain_s02, "S-03": explain_s03, "S-04": explain_s04, "S-05": explain_s05,
    "S-06": explain_s06, "S-07": explain_s07, "S-08": explain_s08, "S-09": explain_s09, "S-10": explain_s10,
    "S-11": explain_s11, "S-12": explain_s12,
}


# -- checks: what a settled point says the after side must show ------------------------------------
def _half_up(x: Decimal) -> Decimal:
    return x.quantize(Decimal(1), ROUND_HALF_UP)


def check_s01(f: Facts, after: dict) -> str | None:
    """Where the appeal missed the original klagefrist, the new one runs three weeks from the reasons'
    receipt (to the next working day: the ``holidays`` package, as the engine's calendar)."""
    try:
        import holidays
    except ImportError:  # pragma: no cover - the venv has it
        return None
    adm = after["out"]["admissibility"] if after["status"] == "ok" else None
    if not adm or not adm.get("original_deadline") or f.sent <= D(adm["original_deadline"]):
        return None
    deadline = f.reasons_received + timedelta(days=21)
    norway = holidays.country_holidays("NO", years=range(deadline.year, deadline.year + 2))
    while deadline.weekday() >= 5 or deadline in norway:
        deadline += ONE_DAY
    if adm["deadline"] != deadline.isoformat() or adm["timely"] != (f.sent <= deadline):
        return (f"deadline {adm['deadline']}, timely {adm['timely']}; three weeks from the reasons received "
                f"{f.reasons_received} give {deadline}, timely {f.sent <= deadline}")
    return None


def check_s02(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None if f.contradictions else "the case is refused (S-02: parameter-missing, never a rejected case)"
    for i in sorted(f.periods_after_g):
        if after["out"]["periods"][i]["net"] is not None:
            return f"periods[{i}] has a net although G is unknown from 2027-05-01"
    return None


def check_s04(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None
    year_ends = date(f.decision.year + 1, 2, 28)
    if after["out"]["admissibility"]["over_one_year"] != (f.sent > year_ends):
        return f"over_one_year is {after['out']['admissibility']['over_one_year']} for an appeal sent {f.sent} (year ends {year_ends})"
    return None


def check_s05(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None
    for i in sorted(f.periods_ore):
        p = after["out"]["periods"][i]
        if Decimal(p["nav_net"]) != _half_up(f.nav_nets[i]):
            return f"periods[{i}].nav_net is {p['nav_net']}, not {f.nav_nets[i]} rounded half up"
        if p["net"] is not None and Decimal(p["difference"]) != Decimal(p["net"]) - Decimal(p["nav_net"]):
            return f"periods[{i}]: difference {p['difference']} ≠ net {p['net']} − nav_net {p['nav_net']}"
    return None


def check_s06(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None if f.contradictions else "the case is refused (S-06: parameter-missing, as for G)"
    for i in sorted(f.periods_bt_2027):
        if after["out"]["periods"][i]["net"] is not None:
            return f"periods[{i}] has a net although barnetillegg is unknown from 2027-01-01"
    return None


def check_s08(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None
    for i in sorted(f.periods_outside):
        p = after["out"]["periods"][i]
        if p["stonadsdager"] != 0 or p["net"] not in ("0", 0):
            return f"periods[{i}] outside the programme: {p['stonadsdager']} stønadsdager, net {p['net']} (not 0, 0)"
        if f.nav_nets[i] > 1 and "til-ugunst" not in p["flags"]:
            return f"periods[{i}] outside the programme where Nav paid {f.nav_nets[i]}: no til-ugunst"
    return None


def check_s09(f: Facts, after: dict) -> str | None:
    if after["status"] != "ok":
        return None
    adm = after["out"]["admissibility"]
    original = adm.get("original_deadline")  # where the request interrupted a deadline the appeal missed
    if original and f.requested <= D(original) < f.sent and (adm["deadline"] is not None or adm["timely"] is not None):
        return (f"deadline {adm['deadline']}, timely {adm['timely']} while the reasons requested {f.requested} "
                "are not received")
    return None


def check_s10(f: Facts, after: dict) -> str | None:
    return None if after["status"] == "invalid" else "contradictory input is no longer refused as invalid"


def check_s12(f: Facts, before: dict, after: dict) -> str | None:
    if before["status"] != "ok" or after["status"] != "ok":
        return None
    for i in sorted(f.periods_ferie_absence):
        b, a = before["out"]["periods"][i]["absence"], after["out"]["periods"][i]["absence"]
        if a is not None and b is not None and Decimal(a) > Decimal(b):
            return f"periods[{i}].absence grew {b} → {a} (S-12 removes a deduction)"
    return None


CHECKS: dict[str, Callable[[Facts, dict, dict], str | None]] = {
    "S-01": lambda f, b, a: check_s01(f, a),
    "S-02": lambda f, b, a: check_s02(f, a), "S-04": lambda f, b, a: check_s04(f, a),
    "S-05": lambda f, b, a: check_s05(f, a), "S-06": lambda f, b, a: check_s06(f, a),
    "S-08": lambda f, b, a: check_s08(f, a), "S-09": lambda f, b, a: check_s09(f, a),
    "S-10": lambda f, b, a: check_s10(f, a), "S-12": check_s12,
}


def check_points(f: Facts, before: dict, after: dict) -> dict[str, str]:
    """For each point the case exercises and whose result ``CHECKS`` can see: what is not as settled."""
    exercised = f.exercised()
    problems = {point: check(f, before, after) for point, check in CHECKS.items() if point in exercised}
    return {point: problem for point, problem in problems.items() if problem}


@dataclass
class Attribution:
    points: set[str] = field(default_factory=set)  # the points that changed this case
    unexplained: list[Change] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # point → what the after side does not show
    credited: list[tuple[Change, set[str]]] = field(default_factory=list)  # each change and its points


#: Case-level parts that follow from other changes, in the order they are settled (a later one may
#: follow from an earlier one: the top-level ``til-ugunst`` from the totals, the ⚖ points from anything).
CONSEQUENCES = ("total", "parameters", "flags", "notes", "discretion")


def _consequence(ch: Change) -> bool:
    return ch.scope is None and ch.head in CONSEQUENCES and not (ch.head == "flags" and ch.code in ADMISSIBILITY_FLAGS)


def _follows_from(ch: Change) -> Callable[[Change], bool]:
    """Which (explained) changes a consequential change may follow from."""
    if ch.head == "total":  # the sums of the periods' net, Nav's net and status
        return lambda c: c.scope is not None and c.head in TOTAL_SOURCES or c.head == "validity"
    if ch.head == "parameters":  # the G, factor and rate texts of the trace's day ranges
        return lambda c: c.scope is not None and c.head == "trace"
    if ch.head == "flags" and ch.code == "til-ugunst":  # from the total
        return lambda c: (c.scope is not None and c.head in TOTAL_SOURCES) or c.head == "total"
    if ch.head == "flags":  # the union of the periods' flags
        return lambda c: c.scope is not None and c.head == "flags" and c.code == ch.code and c.kind == ch.kind
    return lambda c: True  # notes and ⚖ points follow from whatever else changed


#: The points from the narrowest features to the broadest: a change several points can explain is
#: credited to the first (an absence no longer deducted in an uncomputed 2027 period is S-12's, not S-06's).
PRIORITY = ["S-11", "S-12", "S-05", "S-08", "S-07", "S-10", "S-04", "S-03", "S-01", "S-09", "S-02", "S-06"]


def attribute(f: Facts, before: dict, after: dict, changes: list[Change]) -> Attribution:
    """Which settled point explains each change (see the module docstring, step 4)."""
    # the checks first: a point whose stated result the after side does not show explains nothing
    res = Attribution(problems=check_points(f, before, after))
    refused = set(res.problems)

    def explained_by(ch: Change) -> set[str]:
        return {p for p, explain in EXPLAINERS.items() if p not in refused and explain(f, ch)}

    by: dict[int, set[str]] = {}  # id(change) → the points explaining it
    direct: set[int] = set()  # the changes an explainer accounts for by itself
    # 1. changes a point causes directly (validity waits for the errors)
    for ch in changes:
        if not _consequence(ch) and ch.head != "validity":
            by[id(ch)] = explained_by(ch)
            direct.add(id(ch))
    # 2. validity: explained when every validation error that came or went is; a crash never is
    for ch in changes:
        if ch.head == "validity":
            errors = [by[id(e)] for e in changes if e.head == "errors"]
            by[id(ch)] = set().union(*errors) if errors and all(errors) and ch.after != "error" else set()
            direct.add(id(ch))
    # 3. consequences: directly (e.g. S-05's totals), else from the changes they follow from
    for head in CONSEQUENCES:
        for ch in changes:
            if _consequence(ch) and ch.head == head:
                by[id(ch)] = explained_by(ch)
                if by[id(ch)]:
                    direct.add(id(ch))
                else:
                    follows = _follows_from(ch)
                    by[id(ch)] = set().union(*(by[id(c)] for c in changes if id(c) in by and c is not ch and follows(c)))
    # 4. credit: a change a point accounts for by itself credits that point — where several could, the
    #    most specific (PRIORITY); a consequence only has to be explained, it credits nothing
    for ch in changes:
        points = by.get(id(ch)) or set()
        if not points:
            res.unexplained.append(ch)
        elif id(ch) in direct:
            points = {min(points, key=PRIORITY.index)}
            res.points |= points
        res.credited.append((ch, points))
    return res


#: The named assumptions whose wording a settled point may change.
ASSUMPTION_POINTS = {"klagefrist_extension": "S-01", "under_25_full_rate_from": "S-03", "one_year_reference": "S-04",
                     "rounding": "S-05", "rounding_tolerance": "S-05", "holiday_treatment": "S-12"}


def global_points(path: str, after: Any) -> set[str]:
    """A change every case shares: the assumption register's words (``source``, ``rule``, ``status``)
    of a parameter a point concerns, or a new row citing a point («S-04»); the end of the G table (S-02)
    or the barnetillegg table (S-06). A changed value or default, or a table row, is unexplained."""
    parts = path.split(".")
    if parts[0] == "parameter_tables":
        return {{"G": "S-02", "barnetillegg": "S-06"}[parts[1]]} if parts[1:] in (["G", "known_until"],
                                                                             ["barnetillegg", "known_until"]) else set()
    if parts[0] != "assumptions" or len(parts) < 2:
        return set()
    cited = set(re.findall(r"S-(?:0[1-9]|1[0-2])", json.dumps(after, ensure_ascii=False)))
    if len(parts) == 2:  # a new (or removed) row
        return cited
    if parts[2] in ("source", "rule", "status"):
        return cited or ({ASSUMPTION_POINTS[parts[1]]} if parts[1] in ASSUMPTION_POINTS else set())
    return set()


# == 5. the run and the report ====================================================================
def run(args: argparse.Namespace) -> int:
    t0 = time.monotonic()
    python = args.python or (str(REPO / ".venv/bin/python") if (REPO / ".venv/bin/python").exists() else sys.executable)
    scratch = Path(tempfile.mkdtemp(prefix="compare-engine-"))
    try:
        cases_path = scratch / "cases.jsonl"
        facts: list[Facts] = []
        steers: list[str | None] = []
        with cases_path.open("w", encoding="utf-8") as out:
            for i in range(args.n):
                case = make_case(args.seed, i)
                facts.append(Facts(case.doc, case.assumptions))
                steers.append(case.steer)
                out.write(json.dumps({"i": i, "assumptions": case.assumptions,
                                      "doc": json.dumps(case.doc, ensure_ascii=False)}, ensure_ascii=False) + "\n")
        if args.save_cases:
            shutil.copyfile(cases_path, args.save_cases)
        with engine_tree(args.before, scratch) as (tree_b, label_b), engine_tree(args.after, scratch) as (tree_a, label_a):
            print(f"before: {label_b}   after: {label_a}   cases: {args.n} (seed {args.seed})", flush=True)
            res_b, res_a = scratch / "before.jsonl", scratch / "after.jsonl"
            proc_b = start_worker(python, tree_b, cases_path, res_b)
            proc_a = start_worker(python, tree_a, cases_path, res_a)
            finish_worker(proc_b, "before", tree_b, res_b)
            finish_worker(proc_a, "after", tree_a, res_a)
        return report(args, facts, steers, read_results(res_b), read_results(res_a), time.monotonic() - t0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def report(args: argparse.Namespace, facts: list[Facts], steers: list[str | None],
           results_b: Iterator[dict], results_a: Iterator[dict], elapsed: float) -> int:
    exercising: Counter = Counter()
    changed_by: Counter = Counter()
    off: Counter = Counter()  # exercised, but the after side does not show the settled result
    off_examples: list[str] = []
    status: Counter = Counter()
    schema: set[str] = set()
    global_changes: Counter = Counter()
    global_after: dict[str, Any] = {}
    unexplained_cases: list[tuple[int, Attribution, list[Change]]] = []
    kinds: Counter = Counter()
    n_changed = 0
    for b, a in zip(results_b, results_a):
        i = b["i"]
        if a["i"] != i:
            raise RunError(f"the workers' outputs are out of step at case {i}")
        f = facts[i].with_outputs(b, a)
        exercising.update(f.exercised())
        problems = check_points(f, b, a)
        off.update(problems.keys())
        for point, problem in problems.items():
            if off[point] <= 3:
                off_examples.append(f"{point} case {i}: {problem}")
        status[("before", b["status"])] += 1
        status[("after", a["status"])] += 1
        shared: list[Change] = []
        changes = diff_results(b, a, schema, shared)
        for ch in shared:
            global_changes[(ch.path, short(ch.before, 60), short(ch.after, 60))] += 1
            global_after.setdefault(ch.path, ch.after)
        if i in args.detail:
            print(f"\ncase {i} (steered {steers[i] or 'plain'}; features: {', '.join(sorted(f.exercised())) or 'none'}; "
                  f"before {b['status']}, after {a['status']}):")
        if not changes:
            continue
        n_changed += 1
        att = attribute(f, b, a, changes)
        if i in args.detail:
            for ch, points in att.credited:
                label = ", ".join(sorted(points)) if points else "UNEXPLAINED"
                print(f"    {label if len(points) < 2 else '(' + label + ')':11s} {ch.show()}")
            for point, problem in att.problems.items():
                print(f"    not as settled: {point}: {problem}")
        changed_by.update(att.points)
        if att.unexplained:
            unexplained_cases.append((i, att, changes))
            kinds.update({ch.pattern() for ch in att.unexplained})

    # -- unexplained changes, case by case, then by kind
    for i, att, changes in unexplained_cases[: args.show]:
        tags = ", ".join(sorted(facts[i].exercised())) or "none"
        print(f"\nUNEXPLAINED case {i} (steered {steers[i] or 'plain'}; features: {tags}; "
              f"{len(att.unexplained)} of {len(changes)} changes; points that did explain: "
              f"{', '.join(sorted(att.points)) or 'none'})")
        for ch in att.unexplained[:8]:
            print(f"    {ch.show()}")
        if len(att.unexplained) > 8:
            print(f"    … {len(att.unexplained) - 8} more")
        for point, problem in att.problems.items():
            print(f"    (looks like {point}, but not as settled: {problem})")
    if len(unexplained_cases) > args.show:
        print(f"\n… {len(unexplained_cases) - args.show} more cases with UNEXPLAINED changes (--show N)")
    if kinds:
        print("\nUNEXPLAINED changes by kind (cases):")
        for kind, count in kinds.most_common(25):
            print(f"  {count:6d}  {kind}")

    # -- what every case shares
    unexplained_global = 0
    if global_changes:
        print("\nGlobal changes (assumption register, parameter tables, assumption values):")
        for (path, before, after), count in sorted(global_changes.items()):
            points = global_points(path, global_after.get(path))
            unexplained_global += not points
            print(f"  {'UNEXPLAINED' if not points else ', '.join(sorted(points)):11s} {path}: {before} → {after}"
                  f"  ({count} cases)")
    if schema:
        print("\nSchema (keys added + or removed − with an empty value; not counted):")
        for s in sorted(schema):
            print(f"  {s}")

    if off_examples:
        print("\nNot as settled (exercised; the after side does not show what rules.md §8 says; "
              "first 3 per point):")
        for line in sorted(off_examples):
            print(f"  {line}")

    # -- the table
    print(f"\n{'point':6s} {'settled point (rules.md §8)':47s} {'exercising':>10s} {'changed':>8s} "
          f"{'not as settled':>14s}")
    for point, title in POINTS.items():
        print(f"{point:6s} {title:47s} {exercising[point]:10d} {changed_by[point]:8d} "
              f"{off[point] if point in CHECKS else '–':>14}")
    print(f"{'all':6s} {'cases (exercising any point; changed)':47s} {sum(1 for f in facts if f.exercised()):10d} "
          f"{n_changed - len(unexplained_cases):8d} {sum(off.values()):14d}")
    n = len(facts)
    steered = sum(1 for s in steers if s)
    print(f"\ncases {n} (steered {steered}, plain {n - steered}); "
          f"before: ok {status[('before', 'ok')]}, invalid {status[('before', 'invalid')]}, "
          f"error {status[('before', 'error')]}; after: ok {status[('after', 'ok')]}, "
          f"invalid {status[('after', 'invalid')]}, error {status[('after', 'error')]}")
    print(f"changed {n_changed}, fully attributed {n_changed - len(unexplained_cases)}, "
          f"with UNEXPLAINED changes {len(unexplained_cases)}; global changes unexplained {unexplained_global}; "
          f"{elapsed:.1f} s")
    few = [p for p in POINTS if exercising[p] < MIN_EXERCISED]
    if few:
        print(f"note: exercised fewer than {MIN_EXERCISED} times: {', '.join(few)} (raise --n)")
    return 1 if unexplained_cases or unexplained_global else 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        return 1


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3000, help="number of cases (default 3000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--before", default=DEFAULT_BEFORE, help=f"git revision before (default {DEFAULT_BEFORE})")
    ap.add_argument("--after", default=None, help="git revision after (default: the working tree)")
    ap.add_argument("--show", type=int, default=30, help="cases with UNEXPLAINED changes to print (default 30)")
    ap.add_argument("--python", help="the Python to run the engines with (default .venv/bin/python)")
    ap.add_argument("--save-cases", metavar="FILE", help="also write the generated cases (JSON lines) to FILE")
    ap.add_argument("--print-case", type=int, metavar="I", help="print case I of --seed as JSON and exit")
    ap.add_argument("--detail", type=int, action="append", default=[], metavar="I",
                    help="print every change of case I with the points it is credited to (repeatable)")
    ap.add_argument("--worker", metavar="FILE", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker_main(args.worker)
    if args.print_case is not None:
        case = make_case(args.seed, args.print_case)
        print(json.dumps({"steer": case.steer, "assumptions": case.assumptions, "doc": case.doc},
                         ensure_ascii=False, indent=2))
        return 0
    try:
        return run(args)
    except RunError as exc:
        print(f"compare_engine: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
