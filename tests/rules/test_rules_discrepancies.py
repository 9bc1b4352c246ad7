"""The first discrepancy list: codes, hjemmel, category (appeals.md §4) and flags (import-format.md)."""

from __future__ import annotations


def codes(out):
    return [d["code"] for d in out["discrepancies"]]


def test_fosterhjemsgodtgjoring_deducted_under_37_is_non_coordinable(run, make_doc):
    doc = make_doc(net="5000", work=[{"from": "2025-10-06", "to": "2025-10-19", "hours": 30,
                                      "kind": "fosterhjem"}])
    doc["payments"][0]["deductions"] = [{"kind": "arbeid", "amount": "5217.56"}]
    out = run(doc)
    assert out["periods"][0]["work"] == "0.00"
    assert "non-coordinable-benefit-deducted" in out["flags"]
    assert "non-coordinable-benefit-deducted" in codes(out)


def test_aap_deducted_under_38_is_non_coordinable_and_never_reduces(run, make_doc):
    doc = make_doc(net="5218", benefits=[{"kind": "aap", "from": "2025-10-06", "to": "2025-10-19",
                                          "daily_amount": "500"}])
    doc["payments"][0]["deductions"] = [{"kind": "samordning", "amount": "5000.00"}]
    out = run(doc)
    assert out["periods"][0]["samordning"] == "0.00"
    assert "non-coordinable-benefit-deducted" in out["flags"]
    bens = out["periods"][0]["trace"]["reductions"][2]["inputs"]["benefits"]
    assert bens[0]["coordinated"] is False


def test_samordning_more_than_the_benefit_days_is_flagged(run, make_doc):
    doc = make_doc(net="6000", benefits=[{"kind": "dagpenger", "from": "2025-10-13", "to": "2025-10-14",
                                          "daily_amount": "500"}])
    doc["payments"][0]["deductions"] = [{"kind": "samordning", "amount": "2500.00"}]
    out = run(doc)
    assert "non-coordinable-benefit-deducted" in out["flags"]


def test_one_krone_difference_is_rounding_not_an_error(run, make_doc):
    out = run(make_doc(net="10217"))  # correct 10 218 (10 217.56)
    d = out["discrepancies"]
    assert [(x["code"], x["category"]) for x in d] == [("rounding", "rounding")]
    assert "til-ugunst" not in out["flags"]


def test_til_ugunst_when_the_law_gives_less_than_nav_paid(run, make_doc):
    out = run(make_doc(net="11000"))
    assert "til-ugunst" in out["flags"]


def test_month_method_is_wrong_stonadsdager(run, make_doc):
    # March 2023, 2 G: A/12 = 18 579.50 instead of 23/260 × A
    doc = make_doc(period=("2023-03-01", "2023-03-31"), programme=("2022-11-01", "2023-10-31"), net="18580")
    doc["payments"][0]["gross"] = "18579.50"
    doc["decision"].update(date="2023-04-12", notice_received="2023-04-13")
    doc["appeal"]["sent"] = "2023-04-28"
    out = run(doc)
    assert codes(out)[0] == "wrong-stonadsdager"


def test_wrong_number_of_children_is_faktum(run, make_doc):
    doc = make_doc(net="10958", children=[{"birth_date": "2015-01-01"}])
    doc["payments"][0]["gross"] = "10957.56"  # two children's barnetillegg, one child counts
    out = run(doc)
    d = out["discrepancies"][0]
    assert (d["code"], d["category"]) == ("wrong-barnetillegg", "faktum")


def test_wrong_factor_2g_after_july_2024(run, make_doc):
    doc = make_doc(period=("2024-09-02", "2024-09-13"), programme=("2024-01-01", "2024-12-31"), net="9541")
    doc["payments"][0]["gross"] = "9540.62"  # 10 × 2 × 124 028 / 260
    doc["decision"].update(date="2024-09-20", notice_received="2024-09-23")
    doc["appeal"]["sent"] = "2024-10-01"
    out = run(doc)
    assert out["discrepancies"][0]["code"] == "wrong-factor"


def test_other_deduction_has_no_legal_basis(run, make_doc):
    doc = make_doc(net="9218")
    doc["payments"][0]["deductions"] = [{"kind": "annen", "amount": "1000.00"}]
    assert "deduction-without-legal-basis" in codes(run(doc))


def test_absence_deduction_without_reservation_is_saksbehandling(run, make_doc):
    doc = make_doc(net="9673", absence=[{"date": "2025-10-08", "hours": 4, "valid": False}])
    doc["decision"]["absence_reservation"] = False
    doc["payments"][0]["deductions"] = [{"kind": "fravaer", "amount": "544.94"}]
    out = run(doc)
    d = next(x for x in out["discrepancies"] if x["code"] == "absence-without-reservation")
    assert d["category"] == "saksbehandling"


def test_work_over_50_percent_flag(run, make_doc):
    doc = make_doc(net="0", work=[{"from": "2025-10-06", "to": "2025-10-19", "hours": 40, "kind": "arbeid"}])
    assert "work-over-50-percent" in run(doc)["flags"]
    doc["work"][0]["kind"] = "laerling"
    assert "work-over-50-percent" not in run(doc)["flags"]


def test_valid_absence_never_reduces(run, make_doc):
    doc = make_doc(absence=[{"date": "2025-10-08", "hours": 7.5, "valid": True}])
    assert run(doc)["periods"][0]["absence"] == "0.00"


def test_g_regulated_after_nav_decision_is_information_not_an_error(run, make_doc):
    # Nav decided on 20.05.2025, before G 2025 was fixed (23.05.2025), and used G 2024 for May days
    doc = make_doc(period=("2025-05-05", "2025-05-16"), programme=("2025-01-01", "2025-12-31"), net="9736")
    doc["payments"][0]["gross"] = "9736.20"  # 10 × 2.041 × 124 028 / 260
    doc["decision"].update(date="2025-05-20", notice_received="2025-05-21")
    doc["appeal"]["sent"] = "2025-06-01"
    d = run(doc)["discrepancies"][0]
    assert (d["code"], d["category"]) == ("g-regulated-after-decision", "information")


def test_diagnosis_values_equal_a_full_recomputation():
    """The diagnosis tries named errors (one G, one factor, one age for all days; the G known on Nav's
    decision date) with pipeline.diagnosis_value, which reuses the period's runs of days; it must give
    exactly the figures of a full compute_period under the same variant, for every case."""
    from rules_support import CASES, load_case  # type: ignore[import-not-found]
    from workbench.formats.import_format import parse_document
    from workbench.law.money import exact
    from workbench.law.parameters import default_parameters
    from workbench.law.pipeline import Context, Variant, compute_period, diagnosis_value

    ps = default_parameters()
    for path in sorted(CASES.glob("*.json")):
        decision = parse_document(load_case(path.stem))
        ctx = Context.build(decision, ps)
        known = ctx.known_on_decision_date()
        for payment in decision.payments:
            base = compute_period(ctx, payment)
            if not base.computed or not base.segments:
                continue
            variants = [(None, known)] + [(Variant(g_row=row), None) for row in ps.g.rows]
            variants += [(Variant(factor=exact(t), factor_text=t), None) for t in ("2", "2.041")]
            variants += [(Variant(under_25=u), None) for u in (False, True)]
            for variant, other_ps in variants:
                full = compute_period(ctx, payment, other_ps, variant)
                if not full.computed:
                    assert diagnosis_value(ctx, base, other_ps, variant) is None
                    continue
                assert diagnosis_value(ctx, base, other_ps, variant, gross_only=True) == full.gross
                assert diagnosis_value(ctx, base, other_ps, variant) == full.net
