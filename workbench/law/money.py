"""Money: exact arithmetic and the ONE rounding function.

rules.md §0.1 [V convention]: compute with exact rationals or ``Decimal`` at ≥ 28 digits, never float,
and round no intermediate value. The engine computes with exact rationals (2/3 and 1/260 stay exact) and
rounds only through :func:`round_half_up`:

* R13 [ASSUMPTION ``rounding``]: NET per payment period to whole kroner, half up, once;
* R4 (display only): the annual amount to whole kroner, half up;
* S-05 (rules.md §8): Nav's net with øre, rounded half up for the comparison;
* output display of unrounded components to øre (2 decimals, :func:`fmt`, which rounds through
  :func:`round_half_up` too). A displayed component never feeds a calculation: every sum is taken over the
  exact values.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
import fractions
from typing import TYPE_CHECKING, TypeAlias
from collections.abc import Iterable
from math import gcd

# The engine's exact rational is ``quicktions.Fraction``: the standard library's ``fractions.Fraction``
# compiled (the same algorithm, the same values, equal and hashing equal to it), which keeps a case at about
# 1.3× the time of the hand-optimised engine it replaced instead of 2.4× (issue #11's benchmark). Every
# module takes ``Fraction`` from here.
#
# Safe by design: quicktions ≤ 1.24 on CPython 3.11 overwrites the interpreter's shared one-byte object
# ``b"\x00"`` when it parses *text* (``Fraction("2")``). The engine never gives it text: :func:`exact` is the
# one place text becomes a number, and it parses with the standard library; the import gives Decimals and
# the tables are read through :func:`exact`. ``tests/law/test_money.py`` checks both: no ``Fraction(...)``
# call in the code takes text, and :func:`exact` leaves ``b"\x00"`` intact.
if TYPE_CHECKING:  # the standard library's type, which quicktions' Fraction matches operation for operation
    from fractions import Fraction as Fraction
else:  # re-exported: the engine's one rational type
    from quicktions import Fraction as Fraction

ZERO = Fraction(0)

#: What the engine's amounts may be: exact rationals, Decimals from the import, whole numbers.
Amount: TypeAlias = Fraction | Decimal | int


def exact(value: Amount | str) -> Fraction:
    """An input amount (a Decimal from the import, a table text such as ``"2.041"`` or ``"2/3"``) as an
    exact Fraction. Text is parsed by the standard library, never by quicktions (see above)."""
    if isinstance(value, float):  # pragma: no cover - a programming error, never data
        raise TypeError("float is never money")
    if isinstance(value, str):
        parsed = fractions.Fraction(value)
        return Fraction(parsed.numerator, parsed.denominator)
    return Fraction(value)


def weighted_sum(items: Iterable[tuple[int, Fraction]]) -> Fraction:
    """Σ n × x, exactly — the total over runs of equal days (n stønadsdager at x kroner a day).

    Summed as integers over a common denominator and made a Fraction once at the end: the same value as
    adding the Fractions one by one (a Fraction is always in lowest terms), without a gcd per term."""
    num, den = 0, 1
    for n, x in items:
        xn, xd = x.numerator, x.denominator
        if xd == den:
            num += n * xn
        else:
            common = den // gcd(den, xd) * xd
            num = num * (common // den) + n * xn * (common // xd)
            den = common
    return Fraction(num, den)


def scaled_half_up(value: Amount, places: int = 0) -> int:
    """THE rounding rule (rules.md R13, ``ROUND_HALF_UP``: halves away from zero), on the exact value:
    the integer nearest to ``value`` × 10^places, floor(|x|·10^p + 1/2) = (2·|num|·10^p + den) // (2·den)
    with the sign of ``value``. No conversion rounds first: a Decimal is taken as its exact ratio."""
    if isinstance(value, float):  # pragma: no cover - a programming error, never data
        raise TypeError("float is never money")
    num, den = value.as_integer_ratio() if isinstance(value, Decimal) else (value.numerator, value.denominator)
    scale: int = 10**places
    n = (2 * abs(num) * scale + den) // (2 * den)
    return -n if num < 0 else n


def round_half_up(value: Amount, places: int = 0) -> Decimal:
    """Round an exact amount half up to ``places`` decimals (:func:`scaled_half_up`) as a Decimal."""
    n = scaled_half_up(value, places)
    return Decimal(n).scaleb(-places) if places else Decimal(n)


def fmt(value: Amount | None, places: int = 2) -> str | None:
    """Display string of an exact amount (``"11327.56"``), or None: :func:`scaled_half_up` written out.
    Display only (see module doc); a negative amount that rounds to zero shows no sign."""
    if value is None:
        return None
    n = scaled_half_up(value, places)
    if not places:
        return str(n)
    scale: int = 10**places
    whole, part = divmod(abs(n), scale)
    return f"{'-' if n < 0 else ''}{whole}.{part:0{places}d}"


def fmt_kroner(value: Amount | None) -> str | None:
    """Whole-kroner string (``"6797"``) of an already rounded or exact amount."""
    return None if value is None else fmt(value, 0)


def decimal_or_none(value: object) -> Decimal | None:
    """An amount from the evaluation JSON (a string such as ``"6797"``, or ``None``/``""`` for a
    figure the engine could not compute) as ``Decimal``; anything that is not a number → ``None``.
    For reading output back, never for computing it."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
