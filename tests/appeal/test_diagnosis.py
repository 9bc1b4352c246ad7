"""The one diagnosis of Nav's errors (workbench.appeal.diagnosis) and the one taxonomy it names them with
(workbench.appeal.taxonomy): what the review rows, the review topics and the letter read."""

from datetime import date

import pytest

from appeal_support import CASE_NAMES, load_doc, variant
from workbench.appeal import taxonomy
from workbench.services.evaluation import evaluate_document
from workbench.services.review import review_document

TODAY = date(2026, 11, 23)


def _discrepancies(doc):
    return evaluate_document(doc)["discrepancies"]


def test_no_section_37_reduction_where_counted_hours_give_one():
    """D03 without Nav's arbeid deduction (Nav's gross kept): § 37 «reduseres stønaden inkludert barnetillegg
    tilsvarende» — Nav made no reduction; the row for work carries it, not a bare «wrong-net»."""
    doc = variant("D03", **{"payments.0.deductions": [], "payments.0.net": "10588"})
    found = {(d["code"], d["component"]): d for d in _discrepancies(doc)}
    d = found[("wrong-reduction-method", "work")]
    assert d["nav"] == "0.00" and d["correct"] == "2823.35" and d["category"] == taxonomy.RETTSANVENDELSE
    assert "ikke redusert" in d["explanation"]
    assert ("wrong-net", "net") not in found


def test_no_section_36_deduction_for_invalid_absence():
    doc = variant("D08", **{"payments.0.deductions": [], "payments.0.net": "9736"})
    found = {(d["code"], d["component"]): d for d in _discrepancies(doc)}
    d = found[("wrong-absence-reduction", "absence")]
    assert d["nav"] == "0.00" and d["correct"] != "0.00" and "ikke trukket" in d["explanation"]


def test_nav_stating_only_the_net_is_not_read_as_a_missing_deduction():
    """Nav gave neither gross nor deductions: there is no component to compare, only the net."""
    doc = variant("D03", **{"payments.0.deductions": [], "payments.0.gross": None, "payments.0.net": "10588"})
    assert all(d["component"] == "net" for d in _discrepancies(doc))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_code_and_category_is_in_the_taxonomy(name):
    for d in _discrepancies(load_doc(name)):
        assert d["category"] in taxonomy.DISCREPANCY_CODES[d["code"]]["categories"]
        assert d["category"] in taxonomy.ALL_CATEGORIES


def test_the_review_rows_show_the_engines_discrepancies_on_their_component():
    r = review_document(load_doc("demo-omsorgsstonad"), today=TODAY)
    placed = {(per["period"], row["component"], d["code"])
              for per in r["nav_vs_law"] for row in per["rows"] for d in row["diagnosis"]}
    assert placed == {(d.period, d.component, d.code) for d in r["evaluation"].discrepancies}


def test_the_letter_names_categories_and_codes_from_the_taxonomy():
    for code, c in taxonomy.ALL_CATEGORIES.items():
        assert (taxonomy.category_in_letter(code, "nb"), taxonomy.category_in_letter(code, "nn")) == (
            c["letter_nb"], c["letter_nn"])
    for code, d in taxonomy.DISCREPANCY_CODES.items():
        assert (taxonomy.code_label(code, "nb"), taxonomy.code_label(code, "nn")) == (d["label_nb"], d["label_nn"])
    assert taxonomy.category_in_letter("unknown") is None and taxonomy.code_label("unknown") is None
