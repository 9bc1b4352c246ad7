"""Sotjl § 38 — samordning with dagpenger, sykepenger and foreldrepenger, krone for krone (R10–R11).

[V] sotjl § 38 first paragraph: «Kvalifiseringsstønaden reduseres i den utstrekning vedkommende har rett
til dagpenger under arbeidsløshet, sykepenger, eller foreldrepenger.» The list is exhaustive [V; direktorat
2018 via Statsforvalteren i Vestland: «føresegna er uttømmande»]. Sykepenger as a frilanser are coordinated
too [V the 2025 letter]. Omsorgsstønad is work under § 37, not a § 38 benefit.

* y(d) = Σ daily amounts of the three benefits on stønadsdag d (``benefit_days`` [ASSUMPTION]);
  the gross amount (``y_is_gross`` [ASSUMPTION]).
* rem(d) = max(0, e38(d) − a38(d) − f(P) × e38(d)), e38 = b + t (``r38_includes_bt`` [ASSUMPTION]).
* ``r38_netting`` [ASSUMPTION] ``per_day``: R_38 = Σ min(y(d), rem(d)); ``per_period``: min(Σy, Σrem).
* R11: every other benefit (AAP, uføretrygd, barnepensjon, bostøtte, barnetrygd, barnebidrag, stipend …)
  never reduces the stønad; the engine lists them as not coordinated.
"""

from __future__ import annotations

from datetime import date
from workbench.law.money import Fraction

from workbench.law.money import weighted_sum
from workbench.law.model import SAMORDNING_BENEFITS, Benefit

HJEMMEL = "sosialtjenesteloven § 38"
_ZERO = Fraction(0)

#: R11 — never deducted, with the reason shown in the trace.
NEVER_DEDUCTED = {
    "barnebidrag": "sotjl § 37 andre punktum: «Stønaden reduseres ikke på grunn av mottatte barnebidrag» [V]",
    "bostotte": "nav.no for kommunen [S]",
    "barnetrygd": "nav.no for kommunen [S]",
    "kontantstotte": "nav.no for kommunen [S]",
    "tilleggsstonad": "nav.no for kommunen [S]",
    "stipend": "Statsforvalteren i Vestland 2022: «Nav skal ikkje avkorte kvalifiseringsstønad mot stipend eller lån frå Lånekassen» [S]",
}


def coordinable(benefits: tuple[Benefit, ...]) -> list[Benefit]:
    return [b for b in benefits if b.kind in SAMORDNING_BENEFITS]


def daily_right(benefits: list[Benefit], d: date) -> Fraction:
    """y(d): the sum of the daily amounts the participant has a right to on d."""
    return sum((Fraction(b.daily_amount) for b in benefits if b.periode.inneholder(d)), Fraction(0))


def remaining(e38: Fraction, a38: Fraction, f: Fraction) -> Fraction:
    """rem(d) = max(0, e38 − a38 − f × e38): what is left of the day after absence and work (R13 order)."""
    return max(_ZERO, e38 - a38 - f * e38)


def not_coordinated_note(kind: str) -> str:
    return NEVER_DEDUCTED.get(
        kind,
        "not in the exhaustive list of sotjl § 38: never deducted; an entry-condition question "
        "(§ 29 «svært begrensede ytelser») for the jurist ⚖",
    )


def day_entitlement(b: Fraction, t: Fraction, includes_bt: bool) -> Fraction:
    """e38(d): the day's stønad that § 38 may reduce — b + t (``r38_includes_bt`` [ASSUMPTION]) or b."""
    return b + t if includes_bt else b


def reduction(days: list[tuple[int, Fraction, Fraction]], netting: str) -> tuple[Fraction, Fraction]:
    """R10 over a period: ``(R_38, Σy)`` from ``(stønadsdager, y(d), rem(d))`` per run of equal days.

    «reduseres i den utstrekning vedkommende har rett til» the benefit — krone for krone, never more than
    what absence and work left of the day: ``per_day`` Σ min(y, rem); ``per_period`` min(Σy, Σrem)
    (``r38_netting`` [ASSUMPTION])."""
    sum_y = weighted_sum((n, y) for n, y, _ in days)
    if netting == "per_period":
        return min(sum_y, weighted_sum((n, rem) for n, _, rem in days)), sum_y
    return weighted_sum((n, min(y, rem)) for n, y, rem in days), sum_y
