"""Parameters are dated data with a source per value (rules.md §0.3, T1–T5)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import yaml

from workbench.law.parameters import PARAMETER_DIR, ParameterError, default_parameters, load_parameters

T5_NAMES = ("t_2041", "count_holidays", "divisor", "under_25_full_rate_from", "child_age_limit",
            "absence_method", "abs_reduces_bt", "work_hours_split", "r38_netting", "y_is_gross",
            "r38_includes_bt", "benefit_days", "reduction_order", "rounding", "rounding_tolerance",
            "holiday_treatment", "non_working_days", "klagefrist_extension", "one_year_reference",
            "fvl_2025_in_force", "stonadsdager_per_week")


def test_every_table_value_has_status_and_source():
    ps = default_parameters()
    for table in (ps.g, ps.factor, ps.barnetillegg):
        for row in table.rows:
            assert row.status.startswith("[") and row.source


def test_g_rows_carry_the_day_they_were_fixed():
    ps = default_parameters()
    assert ps.g.row_on(date(2025, 5, 1)).fixed == date(2025, 5, 23)
    assert ps.g.row_on(date(2026, 5, 1)).fixed == date(2026, 5, 22)


def test_parameters_known_on_nav_decision_date_drop_a_g_fixed_later():
    ps = default_parameters().as_known_on(date(2025, 5, 20))
    assert ps.g.row_on(date(2025, 6, 1)).text == "124028"
    assert ps.id != default_parameters().id


def test_every_t5_assumption_is_named_and_listed_in_the_output(run, make_doc):
    out = run(make_doc())
    names = {a["name"] for a in out["assumptions"]}
    assert set(T5_NAMES) <= names
    for name in T5_NAMES:
        assert name in out["parameters"]
    assert out["parameters"]["parameter_set"]["id"].startswith("sha256:")


def test_unknown_or_invalid_assumption_is_refused():
    with pytest.raises(ParameterError):
        default_parameters().with_assumptions(no_such_thing=1)
    with pytest.raises(ParameterError):
        default_parameters().with_assumptions(absence_method="per_minute")
    with pytest.raises(ParameterError):
        default_parameters().with_assumptions(divisor=365)


def test_an_operator_adds_g_2027_as_data_without_a_code_change(tmp_path, run, make_doc):
    d = tmp_path / "params"
    shutil.copytree(PARAMETER_DIR, d, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    g = yaml.safe_load((d / "grunnbelop.yaml").read_text())
    g["rows"].append({"from": date(2027, 5, 1), "value": "140000", "status": "[V]",
                      "source": "g-2027-test", "fixed": date(2027, 5, 21)})
    g["known_until"] = date(2028, 4, 30)
    (d / "grunnbelop.yaml").write_text(yaml.safe_dump(g))
    ps = load_parameters(d)
    assert ps.g.row_on(date(2027, 5, 3)).text == "140000"
    from workbench.formats.import_format import parse_document
    from workbench.appeal.evaluation import evaluate

    doc = make_doc(period=("2027-05-03", "2027-05-07"), programme=("2027-01-01", "2027-12-31"))
    assert evaluate(parse_document(doc), ps).periods[0].computed
    assert not evaluate(parse_document(doc)).periods[0].computed


def test_a_value_without_source_is_rejected(tmp_path):
    d = tmp_path / "params"
    shutil.copytree(PARAMETER_DIR, d, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    g = yaml.safe_load((d / "grunnbelop.yaml").read_text())
    del g["rows"][-1]["source"]
    (d / "grunnbelop.yaml").write_text(yaml.safe_dump(g))
    with pytest.raises(ParameterError, match="source"):
        load_parameters(d)


@pytest.mark.parametrize("bad", ["136 549", "136,549", "to", "1/0"])
def test_a_value_that_is_not_a_number_names_the_file_row_and_field(tmp_path, bad):
    d = tmp_path / "params"
    shutil.copytree(PARAMETER_DIR, d, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    g = yaml.safe_load((d / "grunnbelop.yaml").read_text())
    g["rows"][-1]["value"] = bad
    (d / "grunnbelop.yaml").write_text(yaml.safe_dump(g))
    last = len(g["rows"]) - 1
    with pytest.raises(ParameterError, match=rf"grunnbelop.yaml rows\[{last}\]: value '{bad}' is not a number"):
        load_parameters(d)
