"""Fødselsnummer / D-nummer / synthetic test numbers (docs/identity.md).

``validate_identity(number) -> (kind, birth_date | None)`` — the wrapper identity.md §6 asks for:
python-stdnum for the current mod-11 rule, D-numbers and Nav synthetic (+40) numbers; own code for
Skatteetaten synthetic (+80) numbers, which python-stdnum 2.2 rejects, and for the 2032 control-digit
rule (a number that passes only that rule gets no birth date). First digit 8/9 is rejected.
``ALLOW_SYNTHETIC_IDS`` [ASSUMPTION] is true by default (the demo and test cases use synthetic numbers).
"""

from __future__ import annotations

from datetime import date

from stdnum.exceptions import ValidationError
from stdnum.no import fodselsnummer

ALLOW_SYNTHETIC_IDS = True

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

KIND_LABELS = {
    "fnr": "fødselsnummer",
    "dnr": "D-nummer",
    "synthetic-nav": "H-nummer eller syntetisk testnummer (+40)",
    "dnr-synthetic-nav": "D-nummer, syntetisk testnummer (+40)",
    "synthetic-skatt": "syntetisk testnummer (Test Norge, +80)",
    "dnr-synthetic-skatt": "D-nummer, syntetisk testnummer (Test Norge, +80)",
    "new-2032": "identitetsnummer etter 2032-regelen (fødselsdato ikke avledet)",
}


class IdentityError(ValueError):
    pass


def _k2(digits: list[int], k1: int) -> bool:
    s2 = sum(w * d for w, d in zip(W2, digits[:9] + [k1]))
    return (s2 + digits[10]) % 11 == 0


def current_rule_ok(number: str) -> bool:
    d = [int(c) for c in number]
    s1 = sum(w * x for w, x in zip(W1, d[:9]))
    return (s1 + d[9]) % 11 == 0 and _k2(d, d[9])


def rule_2032_ok(number: str) -> bool:
    d = [int(c) for c in number]
    s1 = sum(w * x for w, x in zip(W1, d[:9]))
    return (s1 + d[9]) % 11 in (0, 1, 2, 3) and _k2(d, d[9])


def _century(yy: int, individ: int) -> int | None:
    if individ <= 499:
        return 1900
    if 500 <= individ <= 749 and yy >= 54:
        return 1800
    if individ >= 500 and yy <= 39:
        return 2000
    if individ >= 900 and yy >= 40:
        return 1900
    return None


def decode(number: str) -> tuple[str, date]:
    """Kind and birth date from the digits (current-rule numbers)."""
    day, month = int(number[0:2]), int(number[2:4])
    yy, individ = int(number[4:6]), int(number[6:9])
    kind = "fnr"
    if day > 40:
        day -= 40
        kind = "dnr"
    if month > 80:
        month -= 80
        kind = "dnr-synthetic-skatt" if kind == "dnr" else "synthetic-skatt"
    elif month > 40:
        month -= 40
        kind = "dnr-synthetic-nav" if kind == "dnr" else "synthetic-nav"
    century = _century(yy, individ)
    if century is None:
        raise IdentityError("århundret kan ikke bestemmes ut fra individnummeret")
    try:
        return kind, date(century + yy, month, day)
    except ValueError as exc:
        raise IdentityError("inneholder ingen gyldig fødselsdato") from exc


def validate_identity(number: str, *, allow_synthetic: bool = ALLOW_SYNTHETIC_IDS) -> tuple[str, date | None]:
    n = "".join(str(number).split())
    if len(n) != 11 or not (n.isascii() and n.isdigit()):  # 0–9 only: "²" and "١" are digits too
        raise IdentityError("må være 11 sifre")
    if n[0] in "89":
        raise IdentityError("et nummer som begynner med 8 eller 9 er ikke en person (samhandlernummer)")
    if current_rule_ok(n):
        kind, born = decode(n)
        if int(n[2:4]) <= 80:
            # Cross-check with python-stdnum where it applies (current rule, D, +40); it cannot read
            # +80 numbers (identity.md §6). Its "not born yet" check is left out on purpose: the
            # engine must not depend on the wall clock.
            try:
                if fodselsnummer.get_birth_date(n) != born:  # pragma: no cover - defensive
                    raise IdentityError("fødselsdatoen kan ikke avledes entydig")
            except ValidationError as exc:
                raise IdentityError("inneholder ingen gyldig fødselsdato") from exc
        if "synthetic" in kind and not allow_synthetic:
            raise IdentityError("syntetiske testnumre er ikke tillatt (ALLOW_SYNTHETIC_IDS)")
        return kind, born
    if rule_2032_ok(n):
        return "new-2032", None
    raise IdentityError("kontrollsifrene stemmer ikke (mod 11)")


def synthetic_number(born: date) -> str:
    """A Nav synthetic test number (month + 40, docs/identity.md) for ``born``, with check digits from
    python-stdnum — for tests, the demo and benchmarks; it is nobody's number. The first individual number
    whose check digits are not 10 is used, so the same birth date always gives the same number."""
    start = 100 if born.year < 2000 else 500
    for individ in range(start, start + 400):
        nine = f"{born.day:02d}{born.month + 40:02d}{born.year % 100:02d}{individ:03d}"
        k1 = fodselsnummer.calc_check_digit1(nine)
        if k1 == "10":
            continue
        k2 = fodselsnummer.calc_check_digit2(nine + k1)
        if k2 == "10":
            continue
        return nine + k1 + k2
    raise ValueError(f"no synthetic number for {born}")  # pragma: no cover - 400 tries always find one
