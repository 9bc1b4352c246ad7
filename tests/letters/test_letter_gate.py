"""The finalize gate and the consistency check, each tested both ways."""

from __future__ import annotations

import copy

import pytest
from letter_support import OUR_DATE, SIGNERS, complete_input, evaluation_of, rendered

from workbench.letters.consistency import check_consistency
from workbench.letters.gate import finalize_problems
from workbench.letters.model import DiscretionAnswer, Signers, build_letter
from workbench.letters.render import render_pdf


def fields(problems):
    return [f for f, _ in problems]


def test_complete_input_passes():
    inp = complete_input("D06", "nb")
    assert finalize_problems(inp, leader_approved=True, today=OUR_DATE) == []


def test_no_leader_approval_blocks():
    inp = complete_input("D06", "nb")
    assert fields(finalize_problems(inp, leader_approved=False, today=OUR_DATE)) == ["leader_approval"]


def test_unanswered_argument_blocks():
    real = "Stønaden reduseres etter antall timer, jf. sosialtjenesteloven § 37."
    inp = complete_input("D06", "nb", argument_answers=[real, "  "])
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["argument_answers[1]"]
    inp = complete_input("D06", "nb", argument_answers=[real])
    assert "argument_answers[1]" in fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE))


@pytest.mark.parametrize("answer", ["Nei.", "Ok", "Enig", "[fyll inn svar]", "TODO", "…"])
def test_an_answer_that_says_nothing_blocks(answer):
    real = "Stønaden reduseres etter antall timer, jf. sosialtjenesteloven § 37."
    inp = complete_input("D06", "nb", argument_answers=[real, answer])
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["argument_answers[1]"]


@pytest.mark.parametrize("text", ["[fyll inn begrunnelse]", "TODO", "Se {{ punkt }}", "[…]"])
def test_placeholder_blocks(text):
    inp = complete_input("D06", "nb", assessment={"lov": text})
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["assessment.lov"]


def test_the_review_topic_additions_are_optional_but_the_reasons_for_the_outcome_are_not():
    inp = complete_input("D06", "nb", assessment={})
    assert finalize_problems(inp, leader_approved=True, today=OUR_DATE) == []
    inp = complete_input("D06", "nb", outcome_reasons="  ")
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["outcome_reasons"]


def test_a_late_appeal_needs_the_record_of_section_31():
    inp = complete_input("D08", "nb", late_appeal_admitted=None)
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["late_appeal_admitted"]
    inp = complete_input("D08", "nb", late_appeal_ground=None, late_appeal_reasons="")
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["late_appeal_ground",
                                                                                      "late_appeal_reasons"]
    inp = complete_input("D08", "nb", late_appeal_admitted=False)  # not heard: the outcome must be avvise
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["outcome"]


def test_unaddressed_discretion_point_blocks():
    ev = evaluation_of("demo-omsorgsstonad")
    assert len(ev["discretion"]) >= 2
    inp = complete_input("demo-omsorgsstonad", "nb")
    inp.discretion_answers = list(inp.discretion_answers)[:-1]
    last = len(ev["discretion"]) - 1
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == [f"discretion[{last}]"]


def test_fritt_skjonn_needs_the_section_48_finding_and_self_government():
    ev = evaluation_of("demo-omsorgsstonad")
    i = next(n for n, p in enumerate(ev["discretion"]) if p.get("limited_by_sotjl_48"))
    inp = complete_input("demo-omsorgsstonad", "nb")
    answers = list(inp.discretion_answers)
    answers[i] = DiscretionAnswer(text="Skjønnet er vurdert ut fra sakens opplysninger.", apenbart_urimelig=None,
                                  selvstyre="")
    inp.discretion_answers = answers
    got = fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE))
    assert got == [f"discretion[{i}].apenbart_urimelig", f"discretion[{i}].selvstyre"]


def test_stadfeste_when_the_claimant_should_get_more_is_refused():
    inp = complete_input("D06", "nb", outcome="stadfeste")  # correct 6 797 > Nav's 5 178
    problems = finalize_problems(inp, leader_approved=True, today=OUR_DATE)
    assert fields(problems) == ["outcome"] and "stadfeste" in problems[0][1]


def test_omgjore_without_a_difference_is_refused():
    inp = complete_input("D01", "nb", outcome="omgjore")  # Nav's figure is correct
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["outcome"]
    assert finalize_problems(complete_input("D01", "nb"), leader_approved=True, today=OUR_DATE) == []


def test_omgjore_to_the_claimants_detriment_is_refused():
    inp = complete_input("D07", "nb", outcome="omgjore")  # correct 10 443 < Nav's 10 588
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["outcome"]


def test_same_person_cannot_sign_twice_and_dates_must_be_in_order():
    inp = complete_input("D06", "nb", signers=Signers("Margareth Halle", "55 57 21 00", "margareth halle"))
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["signers.leader_name"]
    from datetime import date

    inp = complete_input("D06", "nb", our_date=date(2025, 11, 1))  # before the appeal was forwarded
    assert "our_date" in fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE))
    inp = complete_input("D06", "nb", our_date=date(2026, 1, 5))
    assert "our_date" in fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE))


def test_avvise_needs_the_record_of_section_28_third_paragraph():
    inp = complete_input("D08", "nb", outcome="avvise", late_appeal_admitted=False, avvisning_exception=None)
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["avvisning_exception"]
    inp.avvisning_exception = "ingen"
    assert finalize_problems(inp, leader_approved=True, today=OUR_DATE) == []


def test_all_failures_at_once():
    inp = complete_input("D06", "nb", outcome="stadfeste", argument_answers=[], our_reference=" ")
    got = fields(finalize_problems(inp, leader_approved=False, today=OUR_DATE))
    assert {"our_reference", "leader_approval", "argument_answers[0]", "argument_answers[1]", "outcome"} <= set(got)


# -- consistency --------------------------------------------------------------------------------------


def test_consistency_passes_for_the_letter_itself():
    _inp, letter, pdf = rendered("D06", "nn")
    assert check_consistency(pdf, letter) == []


def test_consistency_fails_when_the_pdf_states_other_figures():
    """A PDF made from a tampered evaluation does not match the record's letter."""
    inp, letter, _pdf = rendered("D06", "nb")
    ev = copy.deepcopy(evaluation_of("D06"))
    ev["periods"][0]["net"] = "6798"
    ev["total"]["net"] = "6798"
    tampered = build_letter(complete_input("D06", "nb", evaluation=ev))
    problems = check_consistency(render_pdf(tampered), letter)
    assert problems and all(f.startswith("periods[") and f.endswith(".net") for f, _ in problems)


def test_consistency_fails_for_another_case_and_other_outcome():
    _i, letter_d06, _p = rendered("D06", "nb")
    _i, _l, pdf_d08 = rendered("D08", "nb")
    got = set(fields(check_consistency(pdf_d08, letter_d06)))
    assert {"outcome", "claimant", "nav_reference"} <= got
    # the same case, but the PDF says «stadfester»
    other = build_letter(complete_input("D06", "nb", outcome="stadfeste"))
    assert "outcome" in fields(check_consistency(render_pdf(other), letter_d06))


def test_consistency_and_pdfa_run_in_the_gate():
    inp, _letter, _pdf = rendered("D06", "nb")
    _i, _l, wrong_pdf = rendered("D08", "nb")
    got = fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE, pdf_bytes=wrong_pdf))
    assert "outcome" in got and "claimant" in got
    got = fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE, pdf_bytes=b"%PDF-1.7 broken"))
    assert "pdf" in got


def test_signers_fixture_is_two_people():
    assert SIGNERS.leader_name != SIGNERS.saksbehandler_name


def test_unclassified_discrepancy_and_new_law_version_block():
    import copy

    ev = copy.deepcopy(evaluation_of("D06"))
    ev["discrepancies"][0]["category"] = ""
    inp = complete_input("D06", "nb", evaluation=ev)
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["discrepancies[0].category"]
    ev = copy.deepcopy(evaluation_of("D06"))
    ev["parameters"]["fvl_2025_in_force"] = "2025-11-01"
    inp = complete_input("D06", "nb", evaluation=ev)
    assert fields(finalize_problems(inp, leader_approved=True, today=OUR_DATE)) == ["law_version"]
