"""Fødselsnummer checks against every test vector of identity.md §5 (python-stdnum wrapped)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.formats.import_format.identity import IdentityError, validate_identity

VALID = [
    ("31129956715", "fnr", date(1899, 12, 31)),
    ("15507600333", "synthetic-nav", date(1976, 10, 15)),
    ("55507608360", "dnr-synthetic-nav", date(1976, 10, 15)),
    ("29422059278", "synthetic-nav", date(2020, 2, 29)),
    ("69422056629", "dnr-synthetic-nav", date(2020, 2, 29)),
    ("05440355678", "synthetic-nav", date(2003, 4, 5)),
    ("45440356293", "dnr-synthetic-nav", date(2003, 4, 5)),
    ("12429400544", "synthetic-nav", date(1994, 2, 12)),
    ("52429405181", "dnr-synthetic-nav", date(1994, 2, 12)),
    ("12505209719", "synthetic-nav", date(1952, 10, 12)),
    ("52505209540", "dnr-synthetic-nav", date(1952, 10, 12)),
    ("21483609245", "synthetic-nav", date(1936, 8, 21)),
    ("61483601467", "dnr-synthetic-nav", date(1936, 8, 21)),
    ("17912099997", "synthetic-skatt", date(2020, 11, 17)),
    ("57912075186", "dnr-synthetic-skatt", date(2020, 11, 17)),
    ("29822099635", "synthetic-skatt", date(2020, 2, 29)),
    ("69822075096", "dnr-synthetic-skatt", date(2020, 2, 29)),
    ("05840399895", "synthetic-skatt", date(2003, 4, 5)),
    ("45840375084", "dnr-synthetic-skatt", date(2003, 4, 5)),
    ("12829499914", "synthetic-skatt", date(1994, 2, 12)),
    ("52829400197", "dnr-synthetic-skatt", date(1994, 2, 12)),
    ("12905299938", "synthetic-skatt", date(1952, 10, 12)),
    ("52905200100", "dnr-synthetic-skatt", date(1952, 10, 12)),
    ("21883649874", "synthetic-skatt", date(1936, 8, 21)),
    ("61883600222", "dnr-synthetic-skatt", date(1936, 8, 21)),
    ("13527248013", "synthetic-nav", date(1972, 12, 13)),  # H-nummer or +40: same shape
    ("10915596784", "synthetic-skatt", date(1955, 11, 10)),
    ("68467038838", "dnr-synthetic-nav", date(1970, 6, 28)),
    ("01010150740", "fnr", date(2001, 1, 1)),
    ("01010150902", "fnr", date(2001, 1, 1)),
]
INVALID = ["00000000191", "00000000272", "12345678910", "52345678910", "80000000000", "90000000000",
           "1550760033", "15507600334", "abcdefghijk"]


@pytest.mark.parametrize("number,kind,born", VALID)
def test_valid_vectors_decode_kind_and_birth_date(number, kind, born):
    assert validate_identity(number) == (kind, born)


@pytest.mark.parametrize("number", INVALID)
def test_invalid_vectors_are_rejected(number):
    with pytest.raises(IdentityError):
        validate_identity(number)


def test_synthetic_numbers_can_be_disallowed():
    with pytest.raises(IdentityError):
        validate_identity("15507600333", allow_synthetic=False)


def _constructed_2032_only() -> str:
    """Constructed (identity.md §3): K1 chosen so (S1 + K1) mod 11 == 2, K2 as usual."""
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    for i in range(100, 999):
        nine = f"150576{i:03d}"
        d = [int(c) for c in nine]
        s1 = sum(a * b for a, b in zip(w1, d))
        k1 = (11 + 2 - s1 % 11) % 11
        if k1 == 10:
            continue
        k2 = (11 - sum(a * b for a, b in zip(w2, d + [k1])) % 11) % 11
        if k2 == 10:
            continue
        return nine + f"{k1}{k2}"
    raise AssertionError


def test_a_number_passing_only_the_2032_rule_gives_no_birth_date():
    assert validate_identity(_constructed_2032_only()) == ("new-2032", None)
