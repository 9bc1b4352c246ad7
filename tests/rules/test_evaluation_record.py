"""The evaluation JSON read back (workbench.formats.evaluation_json.read_evaluation): every figure of every
worked case as the JSON states it, typed; partial documents read; a value of the wrong shape is named."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from workbench.formats.evaluation_json import (
    EvaluationFormatError,
    EvaluationRecord,
    read_evaluation,
    total_json,
)

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
NAMES = sorted(p.stem for p in CASES.glob("*.json"))
AMOUNTS = ("gross", "gross_base", "barnetillegg", "absence", "work", "work_hours", "samordning", "net_unrounded",
           "net", "nav_net", "difference")


@cache
def evaluated(name: str) -> dict:
    from workbench.formats.import_format import load_document
    from workbench.services.evaluation import evaluate_document

    return evaluate_document(load_document((CASES / f"{name}.json").read_bytes()))


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_reads_as_the_json_states_it(name):
    data = evaluated(name)
    ev = read_evaluation(data)
    assert isinstance(ev, EvaluationRecord) and ev.case == data["case"]
    assert total_json(ev.total) == data["total"]
    for p, q in zip(ev.periods, data["periods"], strict=True):
        assert (p.fra.isoformat(), p.til.isoformat(), p.status, p.stonadsdager) == (
            q["from"], q["to"], q["status"], q["stonadsdager"])
        for key in AMOUNTS:
            assert getattr(p, key) == _dec(q[key]) and str(getattr(p, key)) == str(q[key]), key
        assert len(p.days) == len(q["trace"]["days"]) and len(p.reductions) == len(q["trace"]["reductions"])
        for d, e in zip(p.days, q["trace"]["days"], strict=True):
            assert (str(d.periode), d.g, d.factor, d.day_rate, d.children) == (
                f"{e['from']}/{e['to']}", _dec(e["G"]), _dec(e["factor"]), _dec(e["day_rate"]), e["children"])
        assert [r.amount for r in p.reductions] == [_dec(r["amount"]) for r in q["trace"]["reductions"]]
    for d, e in zip(ev.discrepancies, data["discrepancies"], strict=True):
        assert (d.code, d.period, d.hjemmel, d.category) == (e["code"], e["period"], e["hjemmel"], e["category"])
        assert str(d.nav) == str(e["nav"]) and str(d.correct) == str(e["correct"])
    prm = data["parameters"]
    assert " / ".join(map(str, ev.parameters.g)) == prm["G"]
    assert " / ".join(map(str, ev.parameters.factor)) == prm["factor"]
    assert " / ".join(map(str, ev.parameters.barnetillegg_per_day)) == prm["barnetillegg_per_day"]
    adm = data["admissibility"]
    assert ev.admissibility is not None
    assert (ev.admissibility.deadline, ev.admissibility.timely, ev.admissibility.days_late) == (
        _date(adm["deadline"]), adm["timely"], adm["days_late"])
    assert [a.name for a in ev.assumptions] == [a["name"] for a in data["assumptions"]]
    assert ev.discretion == tuple(data["discretion"]) and ev.flags == tuple(data["flags"])


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def test_g_of_two_years_and_the_assumptions_come_typed():
    ev = read_evaluation(evaluated("D07"))
    assert ev.parameters.g == (Decimal("124028"), Decimal("130160"))  # «124028 / 130160»
    assert [d.g for d in ev.periods[0].days] == [Decimal("124028"), Decimal("130160")]
    a = ev.parameters.assumptions
    assert a["t_2041"] == date(2024, 7, 1) and a["hours_per_day"] == Decimal("7.5") and a["divisor"] == 260
    assert a["count_holidays"] is True and a["fvl_2025_in_force"] is None and a["absence_method"] == "hours"
    register = {x.name: x for x in ev.assumptions}
    assert register["divisor"].value == 260 and register["rounding_tolerance"].value == Decimal("1")


def test_a_provision_as_navs_value_stays_text():
    wrong = {d.code: d for d in read_evaluation(evaluated("demo-omsorgsstonad")).discrepancies}["wrong-hjemmel"]
    assert (wrong.nav, wrong.correct) == ("sosialtjenesteloven § 38", "sosialtjenesteloven § 37")


@pytest.mark.parametrize("name", NAMES)
def test_partial_documents_read(name):
    """The expected files (docs/cases/expected) hold a part of the contract: what is missing reads as empty."""
    ev = read_evaluation(json.loads((CASES / "expected" / f"{name}.json").read_text(encoding="utf-8")))
    assert ev.periods and ev.total.net is not None and ev.discrepancies == () and ev.assumptions == ()
    empty = read_evaluation({})
    assert (empty.periods, empty.admissibility, empty.total.net, empty.parameters.g) == ((), None, None, ())


@pytest.mark.parametrize(("change", "path"), [
    (lambda d: d["periods"][0].update(net="6 797"), "periods[0].net"),
    (lambda d: d["periods"][0].update({"from": "06.10.2025"}), "periods[0].from"),
    (lambda d: d["total"].update(difference=True), "total.difference"),
    (lambda d: d["admissibility"].update(timely="ja"), "admissibility.timely"),
    (lambda d: d["parameters"].update(t_2041="1. juli"), "parameters.t_2041"),
    (lambda d: d["periods"][0]["trace"]["days"][0].update(G="NaN"), "periods[0].trace.days[0].G"),
    (lambda d: d["discrepancies"][0].update(period="2025-10-06"), "discrepancies[0].period"),
])
def test_a_value_of_the_wrong_shape_is_named(change, path):
    data = json.loads(json.dumps(evaluated("D06")))
    change(data)
    with pytest.raises(EvaluationFormatError) as exc:
        read_evaluation(data)
    assert exc.value.path == path


def test_the_edge_imports_the_law_only():
    """evaluation_json is read by the appeal, so it must not import the appeal (no cycle)."""
    code = ("import sys, workbench.formats.evaluation_json; "
            "print(sorted(m for m in sys.modules if m.startswith('workbench.appeal')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
