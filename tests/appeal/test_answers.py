"""Real answers to the claimant's arguments (issue 12; docs/appeals.md §11): the engine proposes an answer drawn
from the law, checked against the case's facts and the evaluation, with its provision; an answer that says
nothing is refused. Named as the legal situations they answer."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from appeal_support import CASE_NAMES, evaluator_for, load_doc, parse_any, variant
from workbench.appeal.answers import Proposal, propose_answers, says_nothing, theme_of
from workbench.appeal.outcome import Recorded
from workbench.formats.evaluation_json import read_evaluation

TODAY = date(2026, 11, 23)


def proposals(doc_or_name, lang: str = "nb", recorded: Recorded | None = None) -> list[Proposal]:
    name = doc_or_name if isinstance(doc_or_name, str) else "D01"
    doc = load_doc(doc_or_name) if isinstance(doc_or_name, str) else doc_or_name
    decision = parse_any(doc)
    evaluation = read_evaluation(evaluator_for(name)(copy.deepcopy(doc), today=TODAY))
    return propose_answers(decision, evaluation, lang, recorded=recorded)


def one(doc_or_name, lang: str = "nb", **kw) -> Proposal:
    out = proposals(doc_or_name, lang, **kw)
    assert len(out) == 1, out
    return out[0]


def plain(p: Proposal) -> str:
    return p.text.replace("\u00a0", " ")


def with_arguments(name: str, *arguments: str, **changes) -> dict:
    doc = variant(name, **changes)
    doc["appeal"]["arguments"] = list(arguments)
    return doc


# --------------------------------------------------------------------------------------------------
# Every worked case's arguments get a real answer, in both written standards


#: the theme and provision the engine proposes for each worked case's arguments
WORKED = {
    "D01": [("per_day", "sosialtjenesteloven § 35 tredje ledd")] * 2,
    "D02": [("under_25", "sosialtjenesteloven § 35 andre ledd")],
    "D03": [("work", "sosialtjenesteloven § 37")],
    "D04": [("samordning", "sosialtjenesteloven § 38 første ledd")],
    "D05": [("samordning", "sosialtjenesteloven § 38 første ledd")],
    "D06": [("omsorg", "sosialtjenesteloven § 37")] * 2,
    "D07": [("samvaer", "sosialtjenesteloven § 35 fjerde ledd og forskrift om kvalifiseringsprogram § 3 første ledd")],
    "D08": [("absence", "sosialtjenesteloven § 36 første ledd"), ("late", "forvaltningsloven § 31 første ledd")],
    "D09": [("stepchild", "forskrift om kvalifiseringsprogram § 3 tredje ledd")],
    "D10": [("sick", "sosialtjenesteloven § 36 og forskrift om kvalifiseringsprogram §§ 5–8")],
    "D11": [("sick", "forvaltningsloven § 31 tredje ledd"), ("late", "forvaltningsloven § 31 tredje ledd")],
    "demo-omsorgsstonad": [("omsorg", "sosialtjenesteloven §§ 37 og 38")] * 2,
}

ENGINE_CODES = re.compile(r"\[(?:INF|V|NV|S|ASSUMPTION)\]|\b(?:R\d{1,2}|A-\d{2}|S-\d{2}|F\d{1,2}|T\d)\b|⚖")


def test_every_worked_case_is_listed():
    assert sorted(WORKED) == sorted(CASE_NAMES)


@pytest.mark.parametrize("name", sorted(WORKED))
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_each_worked_case_argument_gets_a_real_answer_with_its_provision(name, lang):
    out = proposals(name, lang)
    assert [(p.theme, p.provision) for p in out] == [
        (theme, provision.replace("sosialtjenesteloven", "sosialtenestelova").replace("forvaltningsloven", "forvaltningslova")
         if lang == "nn" else provision) for theme, provision in WORKED[name]]
    for p in out:
        assert says_nothing(p.text) is None, (name, p.index)
        assert p.provision_url and p.provision_url.startswith("https://lovdata.no/")
        assert "<" not in p.text and ">" not in p.text and "{" not in p.text  # plain text, no markup, no gap
        assert not ENGINE_CODES.search(p.text), p.text  # no rule numbers or status tags for the claimant
        assert " du " in f" {plain(p)} " or "Statsforvalteren" in p.text or "Statsforvaltaren" in p.text
        assert p.basis  # the note to the jurist
    if lang == "nn":
        assert all("ikkje" in p.text or "Statsforvaltaren" in p.text or "ikke" not in p.text for p in out)
        assert not any(re.search(r"\b(?:ikke|Statsforvalteren|beregnet|sosialtjenesteloven)\b", p.text) for p in out)


# --------------------------------------------------------------------------------------------------
# Barnetillegg: own children and foster children only (forskrift § 3)


def test_a_stepchild_gets_no_barnetillegg_forskrift_3_third_paragraph():
    p = one("D09")  # «Samboerens sønn bor hos oss … barnetillegg for tre barn»
    assert p.theme == "stepchild" and p.provision == "forskrift om kvalifiseringsprogram § 3 tredje ledd"
    assert "egne barn og fosterbarn" in p.text
    assert "Barnetillegget er beregnet for to barn" in plain(p)  # the case's two children, in words
    assert "Statsforvalteren er enig" not in p.text


@pytest.mark.parametrize("argument", ["Jeg har et særkullsbarn som bor hos meg.", "Bonusbarnet mitt må telle med.",
                                      "Min kones datter bor fast hos oss.", "Stebarnet mitt skal gi barnetillegg."])
def test_a_stepchild_by_any_name_is_recognised(argument):
    assert theme_of(argument) == "stepchild"


def test_a_child_on_samvaer_gets_barnetillegg_only_if_the_claimant_forsorger_it_sotjl_35_fourth_paragraph():
    p = one("D07")  # «samværsbarn annenhver uke … barnetillegg for to barn, ikke ett»
    assert p.theme == "samvaer"
    assert "om du forsørger barnet, ikke hvor mye samvær" in p.text
    assert "Barnetillegget er beregnet for ett barn" in plain(p)
    assert "⚖" in p.basis  # «forsørger» is the jurist's


def test_a_foster_child_two_years_of_forsorging_forskrift_3_third_paragraph():
    doc = with_arguments("D09", "Fosterbarnet mitt må gi barnetillegg.")
    doc["children"][0]["foster"] = True
    p = one(doc)
    assert p.theme == "foster" and p.provision == "forskrift om kvalifiseringsprogram § 3 tredje ledd"
    assert "to siste årene" in p.text and "varig" in p.text
    assert "er ett registrert som fosterbarn" in plain(p)


# --------------------------------------------------------------------------------------------------
# The amount: fixed by § 35; økonomisk stønad under § 18


def test_too_little_to_live_on_the_amount_is_fixed_by_sotjl_35_and_18_is_the_way_to_more():
    p = one(with_arguments("D01", "Stønaden er for lite å leve av, jeg klarer meg ikke."))
    assert p.theme == "too_little" and p.provision == "sosialtjenesteloven §§ 35 og 18"
    assert "fast beløp" in p.text and "2 ganger grunnbeløpet" in plain(p)  # March 2023: 2 G (before 1 July 2024)
    assert "økonomisk stønad etter sosialtjenesteloven § 18" in plain(p)
    assert "Statsforvalteren er enig" not in p.text
    p = one(with_arguments("D04", "Beløpet er ikke nok til livsopphold."))
    assert "2,041 ganger" in plain(p)


def test_one_twelfth_a_month_is_not_the_law_sotjl_35_third_paragraph():
    first, second = proposals("D01")
    for p in (first, second):
        assert p.theme == "per_day" and "1/260" in p.text and "tolv like store" in p.text
        assert "Antall stønadsdager i perioden 01.03.2023–31.03.2023 er 23" in plain(p)
        assert "kr 19 723, det samme som Nav-kontoret utbetalte" in plain(p)


def test_under_25_two_thirds_with_no_exception_for_children_sotjl_35_second_paragraph():
    p = one("D02")
    assert p.theme == "under_25" and "2/3" in p.text and "ikke unntak" in p.text
    assert "under 25 år i hele perioden 01.03.2025–31.03.2025" in plain(p)
    assert "barnetillegg for hvert barn" in p.text and "to barn, til sammen kr 1 554" in plain(p)


def test_under_25_turning_25_in_the_period_full_rate_from_the_birthday():
    p = one(with_arguments("D09", "Jeg fylte 25 år i januar og skal ha full sats."))
    assert "Du fylte 25 år 15. januar 2025" in plain(p) and "full sats fra 15. januar 2025" in plain(p)
    assert "Statsforvalteren er enig" not in p.text  # Nav gave full rate for the whole month: not in the claimant's favour


def test_g_after_1_may_the_new_g_from_1_may_only():
    p = one(with_arguments("D07", "Grunnbeløpet ble regulert 1. mai, og jeg skal ha ny G for hele perioden."))
    assert p.theme == "g" and p.provision == "sosialtjenesteloven § 35 andre ledd"
    assert "For dagene 28.04.2025–30.04.2025 er G kr 124 028" in plain(p)
    assert "For dagene 01.05.2025–11.05.2025 er G kr 130 160" in plain(p)
    assert "Statsforvalteren er enig" not in p.text  # Nav's error was to the claimant's advantage


# --------------------------------------------------------------------------------------------------
# Absence: § 36, sickness (forskrift §§ 5–8), ferie (forskrift § 17)


def test_absence_is_deducted_per_hour_and_the_claimant_is_right_about_a_whole_day_sotjl_36():
    p = proposals("D08")[0]  # «bare borte tre timer 11. februar, men Nav har trukket for en hel dag»
    assert p.text.startswith("Statsforvalteren er enig med deg.")
    assert "Du var borte tre timer 11. februar 2025, og trekket for den dagen er kr 389,45" in plain(p)
    assert "Nav-kontoret trakk kr 2 920,86" in plain(p) and "riktig trekk etter loven er kr 2 336,69" in plain(p)
    assert "Riktig utbetaling for perioden 03.02.2025–16.02.2025 er kr 7 400, det vil si kr 585 mer" in plain(p)


def test_a_sick_day_recorded_as_invalid_absence_is_deducted_unless_permitted_sotjl_36():
    p = one("D10")  # «Fraværet 8. oktober skyldtes en legetime»
    assert p.theme == "sick"
    assert "som det er gitt tillatelse til (sosialtjenesteloven § 36 første ledd)" in plain(p)
    assert "egenmelding eller legeerklæring" in p.text
    assert "fraværet 8. oktober 2025 som fravær uten tillatelse" in plain(p) and "kr 544,94" in plain(p)
    assert "⚖" in p.basis


def test_a_sick_day_recorded_as_valid_absence_is_not_deducted():
    doc = load_doc("D10")
    doc["absence"][0]["valid"] = True
    p = one(doc)
    assert "Fraværet 8. oktober 2025 er registrert som gyldig fravær, og det er ikke trukket" in plain(p)
    assert "uten tillatelse" not in p.text


def test_a_sick_day_the_case_has_no_absence_for():
    p = one(with_arguments("D10", "Jeg var syk 9. oktober og har egenmelding."))
    assert "Saken viser ikke registrert fravær 9. oktober" in plain(p)


def test_holiday_fixed_by_the_municipality_carries_stonad_forskrift_17_and_s12():
    doc = with_arguments("D10", "Jeg hadde ferie 8. oktober, og da skal det ikke trekkes.")
    doc["ferie"] = [{"from": "2025-10-08", "to": "2025-10-08", "note": "Fastsatt av kommunen"}]
    p = one(doc)
    assert p.theme == "ferie" and p.provision == "forskrift om kvalifiseringsprogram § 17"
    assert "Kommunen har fastsatt ferie 08.10.2025–08.10.2025" in plain(p)
    assert "Fraværet som er registrert 8. oktober 2025, gir derfor ikke trekk" in plain(p)  # rules.md §8 S-12
    assert p.text.startswith("Statsforvalteren er enig med deg.")  # Nav deducted it: in the claimant's favour


def test_holiday_not_fixed_is_not_ferie_with_stonad():
    p = one(with_arguments("D10", "Jeg hadde ferie den dagen."))
    assert "Saken viser ikke at kommunen har fastsatt ferie i perioden 06.10.2025–19.10.2025" in plain(p)
    assert "Statsforvalteren er enig" not in p.text


# --------------------------------------------------------------------------------------------------
# Work and other benefits: §§ 37 and 38


def test_work_reduces_the_stonad_including_barnetillegg_by_the_hours_sotjl_37():
    p = one("D03")
    assert p.theme == "work" and "inkludert barnetillegg" in p.text and "også barnetillegget" in p.text
    assert "20 timer" in plain(p) and "Full tid i perioden er 75 timer" in plain(p) and "kr 2 823,35" in plain(p)
    assert "Nav-kontoret har trukket det samme." in p.text


def test_omsorgsstonad_is_work_under_37_the_direktorat_letter_as_the_administrations_view():
    p = proposals("D06")[0]
    assert p.text.startswith("Statsforvalteren er enig med deg.")
    assert "Arbeids- og velferdsdirektoratet sitt brev" in p.text and "forvaltningen" in p.text
    assert "kr 4 531,02" in plain(p) and "Nav-kontoret trakk kr 6 150" in plain(p)
    assert "kr 6 797, det vil si kr 1 619 mer" in plain(p)
    demo = proposals("demo-omsorgsstonad")[0]  # «ikke en av ytelsene som kan samordnes etter § 38»
    assert "bare dagpenger, sykepenger og foreldrepenger" in demo.text
    assert "kr 6 797, det vil si kr 1 469 mer" in plain(demo)


def test_dagpenger_are_coordinated_even_if_earned_sotjl_38():
    p = one("D04")
    assert "rettigheter du selv har opptjent" in p.text
    assert "dagpenger med kr 700 per dag fra 13. oktober 2025 til 17. oktober 2025" in plain(p)
    assert "redusert med kr 3 500" in plain(p)


def test_sykepenger_count_for_the_days_of_the_right_not_the_day_paid_sotjl_38():
    p = one("D05")
    assert "ikke når den ble utbetalt" in p.text and "sykepenger med kr 600 per dag" in plain(p)


def test_a_benefit_outside_the_38_list_is_not_coordinated():
    doc = with_arguments("D04", "Arbeidsavklaringspengene mine skal ikke trekkes fra.")
    doc["benefits"][0]["kind"] = "aap"
    p = one(doc)
    assert "Arbeidsavklaringspenger er ikke en av ytelsene i § 38 første ledd" in plain(p)


# --------------------------------------------------------------------------------------------------
# Klagefrist: fvl. §§ 29–31


def test_a_late_appeal_states_the_dates_and_31_first_paragraph():
    p = proposals("D08")[1]
    assert p.theme == "late" and p.provision == "forvaltningsloven § 31 første ledd"
    assert "Vedtaket kom fram 21. februar 2025, og fristen gikk ut 14. mars 2025" in plain(p)
    assert "Klagen ble sendt 18. mars 2025, fire dager etter fristen" in plain(p)  # sent (fvl. § 30), in words
    assert "ikke kan lastes" in p.text and "særlige grunner" in p.text


@pytest.mark.parametrize(("ground", "says"), [("ikke_lastes", "du ikke kan lastes for at klagen kom for sent, og har derfor"),
                                                ("saerlige_grunner", "særlige grunner gjør det rimelig")])
def test_a_late_appeal_heard_anyway_says_which_ground(ground, says):
    rec = Recorded(late_appeal_admitted=True, late_appeal_reasons="Syk.", late_appeal_ground=ground)
    assert says in proposals("D08", recorded=rec)[1].text


def test_a_late_appeal_not_heard_leaves_the_merits_unanswered():
    rec = Recorded(late_appeal_admitted=False)
    first, second = proposals("D08", recorded=rec)
    assert first.provision == "forvaltningsloven § 31 første ledd" and "kan derfor ikke ta stilling" in first.text
    assert "klagen blir derfor avvist" in second.text


def test_more_than_one_year_no_discretion_31_third_paragraph():
    first, second = proposals("D11")
    assert "må avvises (forvaltningsloven § 31 tredje ledd)" in plain(first)
    assert "Klagen ble sendt 20. februar 2025, mer enn ett år etter at vedtaket ble truffet 16. januar 2024" in plain(second)
    assert "også når du ikke kjente til klagefristen" in second.text


def test_an_appeal_in_time_says_so():
    p = one(with_arguments("D02", "Jeg er redd klagen kom for sent."))
    assert p.provision == "forvaltningsloven § 29" and "er derfor kommet i tide" in p.text


# --------------------------------------------------------------------------------------------------
# Where the law gives no answer the engine can propose


def test_an_argument_the_law_does_not_answer_gets_no_proposal():
    p = one(with_arguments("D01", "Veilederen min på Nav-kontoret var uhøflig mot meg."))
    assert p.text == "" and p.provision is None and p.theme is None and p.basis


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        proposals("D01", "se")


# --------------------------------------------------------------------------------------------------
# An answer that says nothing


@pytest.mark.parametrize("answer", ["", "   ", "\n\n", "[fyll inn]", "Svaret er [fyll inn: begrunnelse].", "TODO",
                                    "xxx", "…", "...", "Nei.", "Ok", "Enig", "Ikke enig.", "TODO: skriv svaret her senere",
                                    "Du har ikke rett til [hjemmel]."])
def test_an_answer_that_says_nothing_is_refused_with_a_reason(answer):
    why = says_nothing(answer)
    assert why and why.endswith(".") and "Svaret" in why


@pytest.mark.parametrize("answer", ["Klageren får medhold.", "Du har ikke rett til barnetillegg for samboerens sønn.",
                                    "Se forskriften § 3 tredje ledd: bare egne barn og fosterbarn teller.",
                                    "Loven sier «reduseres […] tilsvarende».", "- punkt én i lista\n- punkt to i lista"])
def test_an_answer_that_says_something_passes(answer):
    assert says_nothing(answer) is None


def test_a_one_word_answer_names_the_word():
    assert "ett ord («Nei.»)" in says_nothing("Nei.")
