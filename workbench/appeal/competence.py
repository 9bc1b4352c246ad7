"""Competence: which Statsforvalter may decide an appeal from which Nav office (appeals.md §11, issue 12).

The appeal goes to the Statsforvalter of the area the Nav office lies in. A Nav office's unit number
(enhetsnummer, ``nav_office.unit_number`` of the import) is four digits; its first two are the county
(fylkesnummer). The county decides the embete. Where the import has no unit number, the jurist
confirms the office's county at intake (``cases.office_county``).

The ten embeter as of 1 January 2024 and the counties they cover are data here (``EMBETER_2024``);
a deployment may change or extend the table from configuration (``table_from_mapping``; the file
named by ``KLAGEBENK_EMBETE_TABLE``, ``workbench/config.py``).

Sources:
- Statsforvalteren's own list of its ten embeter (statsforvalteren.no, «Finn ditt embete»): Agder,
  Innlandet, Møre og Romsdal, Nordland, Østfold, Buskerud, Oslo og Akershus (called «Oslo og Viken»
  until 31 December 2023), Rogaland, Troms og Finnmark, Trøndelag, Vestfold og Telemark, Vestland.
- Regionreformen (Prop. 84 S (2016–2017), Innst. 385 S (2016–2017)): from 1 January 2020 the counties
  Agder (42), Innlandet (34), Vestfold og Telemark (38), Vestland (46), Viken (30), Troms og Finnmark (54)
  and Trøndelag (50, from 2018) replaced the old ones.
- The 2024 county split: from 1 January 2024 Viken became Østfold (31), Akershus (32) and Buskerud (33),
  Vestfold og Telemark became Vestfold (39) and Telemark (40), Troms og Finnmark became Troms (55)
  and Finnmark (56). County numbers as in Statistics Norway's standard for counties (KLASS 104).
Nav's unit numbers often still carry the county numbers from before 2020 or before 2024, so the
legacy numbers map to today's embete too (``LEGACY_COUNTIES``). [NV] The table has not been compared
with Nav's own register of units (NORG2); a deployment that meets a number it does not know sets
it in the configuration file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: A Nav unit number: four digits, the first two the county.
_UNIT = re.compile(r"\d{4}")
_COUNTY = re.compile(r"\d{2}")


@dataclass(frozen=True, slots=True)
class Embete:
    """One Statsforvalter embete: its key (configuration: ``KLAGEBENK_EMBETE``), its names and the
    county numbers (as of 2024) it covers."""

    key: str
    name_nb: str
    name_nn: str
    counties: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.name_nn if lang == "nn" else self.name_nb


@dataclass(frozen=True, slots=True)
class County:
    """A county number a Nav unit number may start with: today's (2024) or a legacy one."""

    number: str
    name: str
    now: str | None = None  # legacy numbers: what the area is called today («Vestland»)

    @property
    def legacy(self) -> bool:
        return self.now is not None

    def label(self) -> str:
        """For the jurist: «Møre og Romsdal»; a legacy number «Hordaland (fylkesnummer 12 fra før 2020, nå Vestland)»."""
        if self.now is None:
            return self.name
        return f"{self.name} (gammelt fylkesnummer {self.number}, nå {self.now})"


#: The counties as of 1 January 2024: number → name.
COUNTIES_2024: dict[str, str] = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}

#: The ten embeter as of 1 January 2024, with today's counties.
EMBETER_2024: tuple[Embete, ...] = (
    Embete("agder", "Statsforvalteren i Agder", "Statsforvaltaren i Agder", ("42",)),
    Embete("innlandet", "Statsforvalteren i Innlandet", "Statsforvaltaren i Innlandet", ("34",)),
    Embete("more-og-romsdal", "Statsforvalteren i Møre og Romsdal", "Statsforvaltaren i Møre og Romsdal", ("15",)),
    Embete("nordland", "Statsforvalteren i Nordland", "Statsforvaltaren i Nordland", ("18",)),
    Embete("ostfold-buskerud-oslo-akershus", "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
           "Statsforvaltaren i Østfold, Buskerud, Oslo og Akershus", ("03", "31", "32", "33")),
    Embete("rogaland", "Statsforvalteren i Rogaland", "Statsforvaltaren i Rogaland", ("11",)),
    Embete("troms-og-finnmark", "Statsforvalteren i Troms og Finnmark", "Statsforvaltaren i Troms og Finnmark",
           ("55", "56")),
    Embete("trondelag", "Statsforvalteren i Trøndelag", "Statsforvaltaren i Trøndelag", ("50",)),
    Embete("vestfold-og-telemark", "Statsforvalteren i Vestfold og Telemark", "Statsforvaltaren i Vestfold og Telemark",
           ("39", "40")),
    Embete("vestland", "Statsforvalteren i Vestland", "Statsforvaltaren i Vestland", ("46",)),
)

#: Legacy county numbers still found in Nav unit numbers: number → (old name, today's name, embete key).
LEGACY_COUNTIES: dict[str, tuple[str, str, str]] = {
    "01": ("Østfold", "Østfold", "ostfold-buskerud-oslo-akershus"),  # before 2020; part of Viken 2020–2023
    "02": ("Akershus", "Akershus", "ostfold-buskerud-oslo-akershus"),  # before 2020; part of Viken 2020–2023
    "04": ("Hedmark", "Innlandet", "innlandet"),  # before 2020; Innlandet since
    "05": ("Oppland", "Innlandet", "innlandet"),  # before 2020; Innlandet since (not Jevnaker, Lunner: see units)
    "06": ("Buskerud", "Buskerud", "ostfold-buskerud-oslo-akershus"),  # before 2020; part of Viken 2020–2023
    "07": ("Vestfold", "Vestfold", "vestfold-og-telemark"),  # before 2020; Vestfold og Telemark 2020–2023
    "08": ("Telemark", "Telemark", "vestfold-og-telemark"),  # before 2020; Vestfold og Telemark 2020–2023
    "09": ("Aust-Agder", "Agder", "agder"),  # before 2020; Agder since
    "10": ("Vest-Agder", "Agder", "agder"),  # before 2020; Agder since
    "12": ("Hordaland", "Vestland", "vestland"),  # before 2020; Vestland since
    "14": ("Sogn og Fjordane", "Vestland", "vestland"),  # before 2020; Vestland since
    "16": ("Sør-Trøndelag", "Trøndelag", "trondelag"),  # before 2018; Trøndelag since
    "17": ("Nord-Trøndelag", "Trøndelag", "trondelag"),  # before 2018; Trøndelag since
    "19": ("Troms", "Troms", "troms-og-finnmark"),  # before 2020; Troms og Finnmark 2020–2023, Troms (55) since
    "20": ("Finnmark", "Finnmark", "troms-og-finnmark"),  # before 2020; Troms og Finnmark 2020–2023, Finnmark (56) since
    "30": ("Viken", "Østfold, Akershus og Buskerud", "ostfold-buskerud-oslo-akershus"),  # 2020–2023, split 2024
    "38": ("Vestfold og Telemark", "Vestfold og Telemark", "vestfold-og-telemark"),  # 2020–2023, split 2024
    "54": ("Troms og Finnmark", "Troms og Finnmark", "troms-og-finnmark"),  # 2020–2023, split 2024
}


@dataclass(frozen=True)
class CompetenceTable:
    """Embeter by key, and every county number a unit number may start with (today's and legacy)."""

    embeter: Mapping[str, Embete]
    counties: Mapping[str, County]
    embete_of: Mapping[str, str]  # county number → embete key
    current: tuple[str, ...] = field(default=())  # today's county numbers (the jurist's choice at intake)
    #: unit number → county number, where a unit's first two digits mislead (e.g. a unit numbered in
    #: Oppland (05) for Jevnaker or Lunner, which moved to Viken in 2020 and to Akershus in 2024)
    units: Mapping[str, str] = field(default_factory=dict)

    def embete(self, key: str | None) -> Embete | None:
        return self.embeter.get(key) if key else None

    def county(self, number: str | None) -> County | None:
        return self.counties.get(number) if number else None

    def county_choices(self) -> list[tuple[str, str]]:
        """(number, name) of today's counties, by name: the select at intake shows names, never codes."""
        return sorted(((n, self.counties[n].name) for n in self.current), key=lambda c: c[1])


def _build(embeter: Mapping[str, Embete], counties: Mapping[str, County], embete_of: Mapping[str, str],
           current: tuple[str, ...], units: Mapping[str, str] | None = None) -> CompetenceTable:
    return CompetenceTable(dict(embeter), dict(counties), dict(embete_of), tuple(current), dict(units or {}))


def _default_table() -> CompetenceTable:
    embeter = {e.key: e for e in EMBETER_2024}
    counties = {n: County(n, name) for n, name in COUNTIES_2024.items()}
    embete_of = {c: e.key for e in EMBETER_2024 for c in e.counties}
    for number, (old, now, key) in LEGACY_COUNTIES.items():
        counties[number] = County(number, old, now)
        embete_of[number] = key
    return _build(embeter, counties, embete_of, tuple(COUNTIES_2024))


#: The table as of 1 January 2024 (ten embeter, today's and the legacy county numbers).
DEFAULT = _default_table()
#: The embete of the demo office and of the tests unless they say otherwise.
DEFAULT_EMBETE = "vestland"


# ---------------------------------------------------------------------------------------------
# Lookups
# ---------------------------------------------------------------------------------------------


def county_of(unit_number: str | None, table: CompetenceTable = DEFAULT) -> str | None:
    """The county number of a Nav unit number (its first two digits, unless the table names the unit
    itself), or None when it is not four digits or starts with no county the table knows."""
    unit = (unit_number or "").strip()
    if not _UNIT.fullmatch(unit):
        return None
    county = table.units.get(unit, unit[:2])
    return county if county in table.embete_of else None


def embete_for_county(county: str | None, table: CompetenceTable = DEFAULT) -> Embete | None:
    """The embete a county number (today's or legacy) belongs to."""
    return table.embete(table.embete_of.get(county or ""))


def embete_for_unit(unit_number: str | None, table: CompetenceTable = DEFAULT) -> Embete | None:
    """The embete a Nav unit number belongs to (``embete_for_county(county_of(unit))``)."""
    return embete_for_county(county_of(unit_number, table), table)


def office_county(unit_number: str | None, confirmed_county: str | None,
                  table: CompetenceTable = DEFAULT) -> tuple[str | None, str | None]:
    """(county number, where it came from: "enhetsnummer" | "bekreftet") — the unit number first; the
    county the jurist confirmed only when the unit number gives none. (None, None) when neither does."""
    county = county_of(unit_number, table)
    if county is not None:
        return county, "enhetsnummer"
    if confirmed_county and confirmed_county in table.embete_of:
        return confirmed_county, "bekreftet"
    return None, None


def competence_problem(unit_number: str | None, confirmed_county: str | None, embete_key: str,
                       table: CompetenceTable = DEFAULT, *, office_name: str | None = None) -> str | None:
    """Why this Statsforvalter (``embete_key``) may not decide an appeal from the Nav office, in
    Norwegian for the jurist; None when it may."""
    own = table.embete(embete_key)
    if own is None:
        return (f"Embetet «{embete_key}» finnes ikke i kompetansetabellen; rett KLAGEBENK_EMBETE i "
                "konfigurasjonen.")
    office = (office_name or "").strip() or "Nav-kontoret"
    unit = (unit_number or "").strip()
    county, source = office_county(unit, confirmed_county, table)
    if county is None:
        if not unit:
            return ("Nav-kontorets fylke er ikke bekreftet (importen har ikke enhetsnummer). "
                    "Bekreft fylket på saken.")
        return (f"Enhetsnummeret {unit} til {office} viser ikke til et kjent fylke, og Nav-kontorets fylke er "
                "ikke bekreftet. Bekreft fylket på saken.")
    belongs = embete_for_county(county, table)
    if belongs is not None and belongs.key == own.key:
        return None
    where = table.counties[county].label() if county in table.counties else county
    who = f"{office} (enhet {unit})" if source == "enhetsnummer" else f"{office} (fylket bekreftet ved mottak)"
    to = belongs.name_nb if belongs is not None else "et annet embete"
    return (f"{who} ligger i {where}, som hører til {to}, ikke {own.name_nb}. "
            "Saken kan ikke ferdigstilles her; send den til rett embete.")


# ---------------------------------------------------------------------------------------------
# The table from configuration
# ---------------------------------------------------------------------------------------------


class TableError(ValueError):
    """The configured table is not usable; the message names what is wrong."""


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TableError(f"{what} must be a non-empty text")
    return " ".join(value.split())


def _county_number(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _COUNTY.fullmatch(value):
        raise TableError(f"{what} must be a two-digit county number as text («46»), not {value!r}")
    return value


def table_from_mapping(data: Mapping[str, Any], base: CompetenceTable = DEFAULT) -> CompetenceTable:
    """``base`` changed by a configuration mapping (the JSON file of ``KLAGEBENK_EMBETE_TABLE``)::

        {"embeter": [{"key": "vestland", "name_nb": "Statsforvalteren i Vestland",
                      "name_nn": "Statsforvaltaren i Vestland", "counties": ["46"]}],
         "counties": {"13": "vestland"},
         "county_names": {"13": "Bergen"},
         "units": {"0533": "32"}}

    ``embeter`` adds an embete or replaces the one with that key (its ``counties`` become today's
    counties it covers); ``counties`` maps further county numbers (legacy or new) to an embete key;
    ``county_names`` names them. Raises ``TableError`` naming the entry that is wrong."""
    if not isinstance(data, Mapping):
        raise TableError("the table must be a JSON object")
    unknown = set(data) - {"embeter", "counties", "county_names", "units"}
    if unknown:
        raise TableError(f"unknown keys {sorted(unknown)}: expected embeter, counties, county_names, units")
    embeter = dict(base.embeter)
    counties = dict(base.counties)
    embete_of = dict(base.embete_of)
    current = list(base.current)
    names = data.get("county_names") or {}
    if not isinstance(names, Mapping):
        raise TableError("county_names must be an object: county number → name")
    for i, item in enumerate(data.get("embeter") or []):
        what = f"embeter[{i}]"
        if not isinstance(item, Mapping):
            raise TableError(f"{what} must be an object with key, name_nb, name_nn, counties")
        key = _text(item.get("key"), f"{what}.key")
        numbers = item.get("counties")
        if not isinstance(numbers, list) or not numbers:
            raise TableError(f"{what}.counties must be a non-empty list of county numbers")
        numbers = [_county_number(n, f"{what}.counties") for n in numbers]
        embeter[key] = Embete(key, _text(item.get("name_nb"), f"{what}.name_nb"),
                              _text(item.get("name_nn"), f"{what}.name_nn"), tuple(numbers))
        for n in numbers:
            embete_of[n] = key
            if n not in current:
                current.append(n)
    extra = data.get("counties") or {}
    if not isinstance(extra, Mapping):
        raise TableError("counties must be an object: county number → embete key")
    for number, key in extra.items():
        number = _county_number(number, "counties")
        if key not in embeter:
            raise TableError(f"counties[{number!r}] names no embete: {key!r} (known: {', '.join(sorted(embeter))})")
        embete_of[number] = key
    for number, name in names.items():
        number = _county_number(number, "county_names")
        old = counties.get(number)
        counties[number] = County(number, _text(name, f"county_names[{number!r}]"), old.now if old else None)
    for number in embete_of:
        if number not in counties:
            raise TableError(f"county {number} has no name: add it to county_names")
    units = dict(base.units)
    given_units = data.get("units") or {}
    if not isinstance(given_units, Mapping):
        raise TableError("units must be an object: unit number → county number")
    for unit, number in given_units.items():
        if not isinstance(unit, str) or not _UNIT.fullmatch(unit):
            raise TableError(f"units: {unit!r} is not a four-digit Nav unit number")
        number = _county_number(number, f"units[{unit!r}]")
        if number not in embete_of:
            raise TableError(f"units[{unit!r}] names a county no embete covers: {number}")
        units[unit] = number
    for key, embete in embeter.items():
        embeter[key] = Embete(key, embete.name_nb, embete.name_nn,
                              tuple(n for n in embete.counties if embete_of.get(n) == key))
    return _build(embeter, counties, embete_of, tuple(current), units)
