"""Validation of the import format: every error with its field path, no partial result."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.formats.import_format import FieldError, ImportValidationError, load_document, parse_document
from workbench.law.model import NavDecision


def errors_of(doc) -> dict[str, str]:
    with pytest.raises(ImportValidationError) as exc:
        parse_document(doc)
    return {e.path: e.message for e in exc.value.errors}


def test_all_cases_are_valid():
    from pathlib import Path

    for f in (Path(__file__).resolve().parents[2] / "docs" / "cases").glob("*.json"):
        assert isinstance(parse_document(load_document(f.read_bytes())), NavDecision)


def test_money_is_decimal_never_float(demo):
    d = parse_document(demo)
    assert d.payments[0].gross == Decimal("11327.56") and isinstance(d.payments[0].net, Decimal)
    assert d.programme.hours_per_week == Decimal("37.5")


def test_amount_with_a_comma_names_the_field(broken):
    errs = errors_of(broken(lambda d: d["payments"][0].update(net="12,5x")))
    assert errs["payments[0].net"].startswith("«12,5x» er ikke et beløp")


def test_all_errors_are_collected(broken):
    def mutate(d):
        d["payments"][0]["net"] = "abc"
        d["programme"]["from"] = "2025-02-31"
        d["work"][0]["hours"] = -3
        d["participant"]["fnr"] = "12345678910"
        d["extra"] = 1
    errs = errors_of(broken(mutate))
    assert {"payments[0].net", "programme.from", "work[0].hours", "participant.fnr", "extra"} <= set(errs)


@pytest.mark.parametrize("mutate,path,fragment", [
    (lambda d: d["payments"][0].pop("net"), "payments[0].net", "mangler"),
    (lambda d: d["payments"][0].update(net="1.234"), "payments[0].net", "er ikke et beløp"),
    (lambda d: d["payments"][0].update(net=Decimal("1.234")), "payments[0].net", "2 desimaler"),
    (lambda d: d["payments"][0].update(net="-5"), "payments[0].net", "negativt"),
    (lambda d: d["payments"][0].update(net=True), "payments[0].net", "er ikke et beløp"),
    (lambda d: d["payments"][0].update(frm="x"), "payments[0].frm", "ukjent felt"),
    (lambda d: d["payments"][0].update({"from": "2025-10-20", "to": "2025-10-19"}), "payments[0].to", "før"),
    (lambda d: d["decision"].update(date="2025-02-31"), "decision.date", "gyldig dato"),
    (lambda d: d["decision"].update(date="22.10.2025"), "decision.date", "ÅÅÅÅ-MM-DD"),
    (lambda d: d["decision"].update(kind="vedtak"), "decision.kind", "tillatt"),
    (lambda d: d["participant"].update(fnr="15507600334"), "participant.fnr", "mod 11"),
    (lambda d: d["participant"].update(birth_date="1976-10-16"), "participant.birth_date", "stemmer ikke"),
    (lambda d: d["work"][0].update(hours=-1), "work[0].hours", "negative"),
    (lambda d: d["work"][0].update(hours="30"), "work[0].hours", "tall"),
    (lambda d: d["work"][0].update(kind="omsorgsstønad"), "work[0].kind", "tillatt"),
    (lambda d: d["children"][0].update(birth_date=20120402), "children[0].birth_date", "dato"),
    (lambda d: d["appeal"].update(arguments=[]), "appeal.arguments", "minst 1"),
    (lambda d: d["appeal"].update(by="advokat"), "appeal.by", "tillatt"),
    (lambda d: d.update(format="klagebenk.nav-vedtak/2"), "format", "støttet"),
    (lambda d: d.update(children={}), "children", "liste"),
    (lambda d: d.pop("appeal"), "appeal", "mangler"),
    (lambda d: d.update(payments=[]), "payments", "minst 1"),
    (lambda d: d.update(absence=[{"date": "2025-10-08", "hours": 4}]), "absence[0].valid", "mangler"),
    (lambda d: d.update(benefits=[{"kind": "dagpenger", "from": "2025-10-06", "to": "2025-10-07",
                                  "daily_amount": "500,00"}]), "benefits[0].daily_amount", "beløp"),
])
def test_invalid_input_names_the_field(broken, mutate, path, fragment):
    errs = errors_of(broken(mutate))
    assert path in errs, errs
    assert fragment in errs[path]


def test_error_string_lists_path_and_message(broken):
    with pytest.raises(ImportValidationError) as exc:
        parse_document(broken(lambda d: d["payments"][0].update(net="x")))
    assert str(exc.value).startswith("payments[0].net: «x» er ikke et beløp")
    assert isinstance(exc.value.errors[0], FieldError)
    assert isinstance(exc.value, ValueError)


def test_avslag_needs_no_payments(broken):
    def mutate(d):
        d["decision"]["kind"] = "avslag"
        d.pop("payments")
    assert parse_document(broken(mutate)).payments == ()


@pytest.mark.parametrize("text,fragment", [
    ('{"a": 1, "a": 2}', "to ganger"),
    ('{"a": ', "ugyldig JSON"),
    ('[1, 2]', "JSON-objekt"),
    ('{"a": NaN}', "NaN"),
])
def test_load_document_rejects_bad_json(text, fragment):
    with pytest.raises(ImportValidationError) as exc:
        load_document(text)
    assert exc.value.errors[0].path == "$"
    assert fragment in exc.value.errors[0].message


def test_load_document_reads_numbers_as_decimal_and_accepts_a_bom():
    doc = load_document("\ufeff{\"x\": 0.1}".encode())
    assert doc == {"x": Decimal("0.1")}


def test_list_items_are_built_positionally_in_field_order():
    """parse_document builds the list items positionally (cheaper than keywords) from tuples collected
    in this order; a reordered dataclass in rules/model.py must fail here, not mix up fields silently."""
    from dataclasses import fields

    from workbench.law import model as m

    expected = {
        m.Work: ["periode", "hours", "kind", "note"],
        m.Absence: ["date", "hours", "valid", "reason"],
        m.LeaveWithoutStonad: ["periode", "reason", "kind"],
        m.Ferie: ["periode", "note"],
        m.Benefit: ["kind", "periode", "daily_amount"],
        m.Payment: ["periode", "net", "gross", "deductions"],
        m.Deduction: ["kind", "amount", "hjemmel", "note"],
    }
    for cls, names in expected.items():
        assert [f.name for f in fields(cls)] == names, cls.__name__
