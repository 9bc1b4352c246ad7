"""The engine's memos (rules/parameters ParameterSet.memo, output._RATE_TEXTS and _ISO) only save work:
they never change a result, they are kept apart per parameter set, and they are bounded (a process
that evaluates any number of cases stays flat in memory — benchmarks/rules.py prints the figures)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from rules_support import base_doc, load_case  # type: ignore[import-not-found]
from workbench.importing import parse_document
from workbench.formats import evaluation_json as output
from workbench.appeal.evaluation import evaluate
from workbench.law.parameters import default_parameters

ABSENCE = [{"date": "2025-10-08", "hours": 3, "valid": False}]
CHILDREN = [{"birth_date": "2015-03-01"}]


def _json(decision, ps=None) -> str:
    return json.dumps(evaluate(decision, ps).to_json(), sort_keys=True)


def test_a_cold_and_a_warm_evaluation_are_identical():
    doc = load_case("D07")
    decision = parse_document(doc)
    ps = default_parameters().with_assumptions(count_holidays=False)  # a set no other test warmed
    ps._memo.clear()
    output._RATE_TEXTS.clear()
    output._ISO.clear()
    cold = _json(decision, ps)
    assert ps._memo, "the evaluation should have memoised day rates on its parameter set"
    assert _json(decision, ps) == cold
    assert _json(parse_document(doc), ps) == cold  # a fresh decision, the same facts


def test_the_memo_is_per_parameter_set():
    """Per-day absence figures depend on the assumptions: a set with another absence method must not
    reuse the default set's memo (it would give the default's reduction)."""
    decision = parse_document(base_doc(absence=ABSENCE, children=CHILDREN))
    default = default_parameters()
    evaluate(decision, default)  # warms the default set's memo first
    whole_days = default.with_assumptions(absence_method="whole_days")
    hours = evaluate(decision, default).periods[0]
    days = evaluate(decision, whole_days).periods[0]
    assert hours.absence > 0  # 3 of 7.5 hours
    assert days.absence == 0  # whole days only: 3 hours is not a day
    assert whole_days._memo is not default._memo


def test_the_memos_are_bounded():
    ps = default_parameters().with_assumptions(r38_netting="per_period")
    for i in range(20_000):
        ps.memo(("probe", i), i)
    assert len(ps._memo) <= 16_384
    day = date(2020, 1, 1)
    for i in range(10_000):
        assert output._iso(day + timedelta(days=i)) == (day + timedelta(days=i)).isoformat()
    assert len(output._ISO) <= 8_192


def test_parsing_text_never_overwrites_the_shared_zero_byte():
    """rules.money.parse_fraction parses with the standard library: quicktions would overwrite b"\\x00"
    for the whole process on a one-character string (see its docstring)."""
    from fractions import Fraction as StdFraction

    from workbench.law.money import Fraction as EngineFraction, exact, parse_fraction

    for text in ("0", "2", "9", "2/3", "2.041", "136549", " 7.5 "):
        value = parse_fraction(text)
        assert type(value) is EngineFraction and value == StdFraction(text)
        assert exact(text) == value
        assert int.from_bytes(b"\x00", "big") == 0, text
