"""Competence (appeals.md §11, issue 12): the ten embeter as of 2024, today's and the legacy county numbers of
Nav unit numbers, the reason the jurist reads, and the table from configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.appeal import competence
from workbench.appeal.competence import (
    DEFAULT,
    TableError,
    competence_problem,
    county_of,
    embete_for_county,
    embete_for_unit,
    table_from_mapping,
)

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"

EMBETER = {
    "agder": ["42"],
    "innlandet": ["34"],
    "more-og-romsdal": ["15"],
    "nordland": ["18"],
    "ostfold-buskerud-oslo-akershus": ["03", "31", "32", "33"],
    "rogaland": ["11"],
    "troms-og-finnmark": ["55", "56"],
    "trondelag": ["50"],
    "vestfold-og-telemark": ["39", "40"],
    "vestland": ["46"],
}
LEGACY = {
    "01": "ostfold-buskerud-oslo-akershus",  # Østfold
    "02": "ostfold-buskerud-oslo-akershus",  # Akershus
    "04": "innlandet",  # Hedmark
    "05": "innlandet",  # Oppland
    "06": "ostfold-buskerud-oslo-akershus",  # Buskerud
    "07": "vestfold-og-telemark",  # Vestfold
    "08": "vestfold-og-telemark",  # Telemark
    "09": "agder",  # Aust-Agder
    "10": "agder",  # Vest-Agder
    "12": "vestland",  # Hordaland
    "14": "vestland",  # Sogn og Fjordane
    "16": "trondelag",  # Sør-Trøndelag
    "17": "trondelag",  # Nord-Trøndelag
    "19": "troms-og-finnmark",  # Troms
    "20": "troms-og-finnmark",  # Finnmark
    "30": "ostfold-buskerud-oslo-akershus",  # Viken
    "38": "vestfold-og-telemark",  # Vestfold og Telemark
    "54": "troms-og-finnmark",  # Troms og Finnmark
}
#: the worked cases and the demo case: unit number → embete
WORKED = {
    "D01": ("1506", "more-og-romsdal"), "D02": ("5501", "troms-og-finnmark"), "D03": ("1103", "rogaland"),
    "D04": ("0315", "ostfold-buskerud-oslo-akershus"), "D05": ("5001", "trondelag"), "D06": ("4204", "agder"),
    "D07": ("3301", "ostfold-buskerud-oslo-akershus"), "D08": ("1804", "nordland"),
    "D09": ("3107", "ostfold-buskerud-oslo-akershus"), "D10": ("3205", "ostfold-buskerud-oslo-akershus"),
    "D11": ("3103", "ostfold-buskerud-oslo-akershus"), "demo-omsorgsstonad": ("1203", "vestland"),
}


def test_the_ten_embeter_of_2024_and_their_counties():
    assert len(DEFAULT.embeter) == 10
    assert {key: list(e.counties) for key, e in DEFAULT.embeter.items()} == EMBETER
    for key, counties in EMBETER.items():
        e = DEFAULT.embeter[key]
        assert e.name_nb.startswith("Statsforvalteren i ") and e.name_nn.startswith("Statsforvaltaren i ")
        assert e.name("nn") == e.name_nn and e.name("nb") == e.name_nb
        for county in counties:
            assert embete_for_county(county) == e
            assert embete_for_unit(county + "01") == e
    assert DEFAULT.embeter["ostfold-buskerud-oslo-akershus"].name_nb == \
        "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus"
    # every county of today belongs to exactly one embete
    today = [c for cs in EMBETER.values() for c in cs]
    assert sorted(today) == sorted(DEFAULT.current) and len(today) == len(set(today)) == 15


@pytest.mark.parametrize("county,key", sorted(LEGACY.items()))
def test_legacy_county_numbers_map_to_todays_embete(county, key):
    assert county_of(county + "03") == county
    assert embete_for_unit(county + "03").key == key
    found = DEFAULT.county(county)
    assert found.legacy and "gammelt fylkesnummer" in found.label()


@pytest.mark.parametrize("name", sorted(WORKED))
def test_the_worked_cases_and_the_demo_case_carry_unit_numbers_of_their_embete(name):
    doc = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    unit, key = WORKED[name]
    assert doc["nav_office"]["unit_number"] == unit
    assert embete_for_unit(unit).key == key
    assert competence_problem(unit, None, key, office_name=doc["nav_office"]["name"]) is None


@pytest.mark.parametrize("unit", [None, "", "   ", "12", "12345", "12a4", "9901", "0001", "2101", "1301"])
def test_a_unit_number_that_is_not_four_digits_of_a_known_county_gives_no_county(unit):
    assert county_of(unit) is None and embete_for_unit(unit) is None


def test_the_reason_names_the_office_its_county_and_the_right_embete():
    assert competence_problem("1506", None, "vestland", office_name="Nav Molde") == (
        "Nav Molde (enhet 1506) ligger i Møre og Romsdal, som hører til Statsforvalteren i Møre og Romsdal, "
        "ikke Statsforvalteren i Vestland. Saken kan ikke ferdigstilles her; send den til rett embete.")
    legacy = competence_problem("1203", None, "rogaland", office_name="Nav Bergenhus")
    assert legacy.startswith("Nav Bergenhus (enhet 1203) ligger i Hordaland (gammelt fylkesnummer 12, nå Vestland), "
                             "som hører til Statsforvalteren i Vestland, ikke Statsforvalteren i Rogaland.")
    assert competence_problem("1506", None, "more-og-romsdal") is None
    # a confirmed county is ignored when the unit number gives one
    assert competence_problem("1506", "46", "vestland") is not None


def test_without_a_unit_number_the_county_must_be_confirmed():
    assert competence_problem(None, None, "vestland") == (
        "Nav-kontorets fylke er ikke bekreftet (importen har ikke enhetsnummer). Bekreft fylket på saken.")
    assert competence_problem(None, "46", "vestland") is None
    outside = competence_problem(None, "11", "vestland", office_name="Nav Sandnes")
    assert outside.startswith("Nav Sandnes (fylket bekreftet ved mottak) ligger i Rogaland, som hører til "
                              "Statsforvalteren i Rogaland, ikke Statsforvalteren i Vestland.")
    unknown = competence_problem("9901", None, "vestland", office_name="Nav X")
    assert "Enhetsnummeret 9901 til Nav X viser ikke til et kjent fylke" in unknown
    assert competence_problem("9901", "46", "vestland") is None
    assert competence_problem(None, "99", "vestland") is not None  # not a county: not confirmed
    assert "KLAGEBENK_EMBETE" in competence_problem("4204", None, "atlantis")


def test_county_choices_are_todays_counties_by_name():
    choices = DEFAULT.county_choices()
    assert [number for number, _ in choices] == sorted(DEFAULT.current, key=lambda n: DEFAULT.counties[n].name)
    assert ("46", "Vestland") in choices and ("03", "Oslo") in choices and len(choices) == 15
    assert not any(DEFAULT.counties[n].legacy for n, _ in choices)


def test_the_table_from_configuration_changes_and_extends_the_default():
    table = table_from_mapping({
        "embeter": [{"key": "vestland", "name_nb": "Statsforvalteren i Vestland",
                     "name_nn": "Statsforvaltaren i Vestland", "counties": ["46", "13"]}],
        "counties": {"21": "nordland"},
        "county_names": {"13": "Bergen", "21": "Svalbard"},
        "units": {"0533": "32"},
    })
    assert embete_for_unit("1301", table).key == "vestland" and embete_for_unit("1301") is None
    assert embete_for_unit("2101", table).key == "nordland"
    assert embete_for_unit("0533", table).key == "ostfold-buskerud-oslo-akershus"
    assert embete_for_unit("0533").key == "innlandet"  # the default: the first two digits
    assert embete_for_unit("1506", table).key == "more-og-romsdal"  # the rest of the default is kept
    assert ("13", "Bergen") in table.county_choices()
    assert DEFAULT.embeter["vestland"].counties == ("46",)  # the default is not changed


@pytest.mark.parametrize("data,says", [
    ([], "JSON object"),
    ({"embetter": []}, "unknown keys"),
    ({"embeter": [{"key": "x", "name_nb": "A", "name_nn": "B", "counties": []}]}, "non-empty list"),
    ({"embeter": [{"key": "x", "name_nb": "", "name_nn": "B", "counties": ["46"]}]}, "name_nb"),
    ({"embeter": [{"key": "x", "name_nb": "A", "name_nn": "B", "counties": [46]}]}, "two-digit"),
    ({"counties": {"13": "bergen"}}, "names no embete"),
    ({"counties": {"13": "vestland"}}, "has no name"),
    ({"units": {"533": "32"}}, "four-digit"),
    ({"units": {"0533": "99"}}, "no embete covers"),
])
def test_a_bad_table_says_what_is_wrong(data, says):
    with pytest.raises(TableError, match=says):
        table_from_mapping(data)


def test_the_module_is_pure_data_and_functions():
    assert competence.DEFAULT_EMBETE in DEFAULT.embeter
