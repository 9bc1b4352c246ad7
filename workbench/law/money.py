"""Money: exact arithmetic and the ONE rounding function.

rules.md §0.1 [V convention]: compute with exact rationals or ``Decimal`` at ≥ 28 digits, never float,
and round no intermediate value. The engine computes with ``fractions.Fraction`` (exact: 2/3 and
1/260 stay exact) and rounds only through :func:`round_half_up`:

* R13 [ASSUMPTION ``rounding``]: NET per payment period to whole kroner, half up, once;
* R4 (display only): the annual amount to whole kroner, half up;
* output display of unrounded components to øre (2 decimals). A displayed component never feeds a
  calculation: every sum is taken over the exact values.
"""

from __future__ import annotations

import fractions
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

# The engine's exact rational: ``quicktions.Fraction`` is the standard library's ``fractions.Fraction``
# compiled with Cython (same algorithms, same values, same lowest-terms integers; it compares and hashes
# equal to ``fractions.Fraction``) and about seven times faster per operation, which the 10 000-case
# benchmark of issue 3 needs. Every module of the engine imports ``Fraction`` from here, so there is one
# rational type in a computation. Exactness is unchanged: nothing is ever a float.
from quicktions import Fraction

#: Either rational type (a caller or a test may pass the standard library's).
RATIONAL = (Fraction, fractions.Fraction)

ZERO = Fraction(0)

Money = Fraction


def parse_fraction(text: str) -> Fraction:
    """Text such as ``"2.041"``, ``"2/3"`` or ``"2"`` as the engine's Fraction.

    Parsed by the standard library, never by quicktions: quicktions (≤ 1.24, on CPython 3.11) collects
    the digits of a one-character string in ``b'\\0' * 1`` — the interpreter's *shared* one-byte object —
    and so overwrites ``b"\\x00"`` for the whole process (``int.from_bytes(b"\\x00", "big")`` then gives
    50 after ``Fraction("2")``; pypdf stops reading PDFs). tests/rules/test_rules_caches.py keeps a
    canary on it.
    """
    f = fractions.Fraction(text)
    return Fraction(f.numerator, f.denominator)


def exact(value: Decimal | int | str | Fraction) -> Fraction:
    """An input amount (Decimal from the import, or a YAML string like ``"2/3"``) as an exact Fraction."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        return parse_fraction(value)
    if isinstance(value, fractions.Fraction):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, float):  # pragma: no cover - a programming error, never data
        raise TypeError("float is never money")
    return Fraction(value)


def round_half_up(value: Fraction | Decimal | int, places: int = 0) -> Decimal:
    """Round an exact amount half up (away from zero at .5) to ``places`` decimals.

    The only rounding in the engine (rules.md R13: ``Decimal.quantize(Decimal("1"), ROUND_HALF_UP)``).
    The conversion is exact: a Fraction is converted with enough precision that the quantize step is
    the only rounding. Negative values round half away from zero (ROUND_HALF_UP semantics).
    """
    if isinstance(value, float):  # pragma: no cover
        raise TypeError("float is never money")
    if isinstance(value, RATIONAL):
        # Decide the half-up rounding on the exact rational in integers:
        # floor(|x|·10^p + 1/2) = (2·|num|·10^p + den) // (2·den).
        num, den = value.numerator, value.denominator
        n = (2 * abs(num) * 10**places + den) // (2 * den)
        if num < 0:
            n = -n
        return Decimal(n).scaleb(-places) if places else Decimal(n)
    with localcontext() as ctx:
        ctx.prec = 60
        return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


#: "00" … "99": the øre of a displayed amount (a table lookup: ``fmt`` runs hundreds of times per case).
_CENTS = tuple(f"{i:02d}" for i in range(100))


def fmt(value: Fraction | None, places: int = 2) -> str | None:
    """Display string of an exact amount (``"11327.56"``), or None. Display only (see module doc).

    Same half-up rule as :func:`round_half_up`, done on integers: floor(|x|·10^p + 1/2) =
    (2·|num|·10^p + den) // (2·den); a negative amount that rounds to zero shows as ``"0.00"``.
    """
    if value is None:
        return None
    if value.__class__ is Fraction or isinstance(value, RATIONAL):
        num = value.numerator
        den = value.denominator
    else:
        return str(round_half_up(value, places))
    if places == 2:  # the common case (øre), same digits as the general branch below
        if num >= 0:
            q, r = divmod((200 * num + den) // (2 * den), 100)
            return f"{q}.{_CENTS[r]}"
        n = (-200 * num + den) // (2 * den)
        q, r = divmod(n, 100)
        return f"-{q}.{_CENTS[r]}" if n else "0.00"
    scale = 10**places
    n = (2 * abs(num) * scale + den) // (2 * den)
    sign = "-" if num < 0 and n else ""
    if not places:
        return f"{sign}{n}"
    q, r = divmod(n, scale)
    return f"{sign}{q}.{str(r).rjust(places, '0')}"


def fmt_kroner(value: Fraction | Decimal | None) -> str | None:
    """Whole-kroner string (``"6797"``) of an already rounded or exact amount."""
    if value is None:
        return None
    if value.__class__ is Decimal:
        text = str(value)
        if "." not in text and "E" not in text and "e" not in text:
            return text  # exponent 0, already whole kroner: quantize would return it unchanged
    return str(round_half_up(value, 0))


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
