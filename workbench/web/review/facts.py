"""«Rette faktum» in the jurist's words: the facts of an import as labelled choices, typed values read the
Norwegian way, stored corrections shown formatted (issue 13, «facts added in review»).

The import format (``docs/import-format.md``) names its fields in English paths (``work[0].hours``); the
jurist never sees one. Here each field the review may change has a Norwegian label, and a path is only
the hidden value of a choice:

* ``children[1].birth_date`` — change one field («Barn 2 – fødselsdato»);
* ``+children`` — add an item to a list («Legg til barn»);
* ``-work[0]`` — remove an item («Fjern arbeid 1 (01.10.2025–14.10.2025)»).

Typed values: dates as dd.mm.åååå, amounts and hours with a decimal comma («1 234,50», «7,5»), ja/nei,
a kind by its Norwegian name. Only the *form* of what was typed is checked here; whether the value is a
real calendar day, within the bounds, or fits the rest of the document is the one import validation's
(``workbench.formats.import_format.parse_document``), whose error paths :func:`label_for_path` names.

What is left out on purpose: the identity of the case (Nav office, reference, participant's name and
number, decision date and kind — mirrored in the case's own columns and lists), the claimant's arguments
(answered by position: removing one would move every answer) and the hjemler Nav cited (Nav's words, not
a fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.web.filters import kr, nodate, number

# --- the catalogue ------------------------------------------------------------------------------------------

YES_NO = (("true", "Ja"), ("false", "Nei"))
VALIDITY = (("false", "Ugyldig fravær"), ("true", "Gyldig fravær"))
WORK_KINDS = (("arbeid", "Inntektsgivende arbeid"), ("omsorgsstonad", "Omsorgsstønad"), ("laerling", "Lærlingelønn"),
              ("fosterhjem", "Fosterhjemsgodtgjøring"))
LEAVE_KINDS = (("avtalt", "Avtalt fravær uten stønad"), ("avbrudd", "Avbrudd i programmet"))
BENEFIT_KINDS = (("dagpenger", "Dagpenger"), ("sykepenger", "Sykepenger"), ("foreldrepenger", "Foreldrepenger"),
                 ("aap", "Arbeidsavklaringspenger"), ("uforetrygd", "Uføretrygd"), ("barnepensjon", "Barnepensjon"),
                 ("overgangsstonad", "Overgangsstønad"), ("bostotte", "Bostøtte"), ("barnetrygd", "Barnetrygd"),
                 ("kontantstotte", "Kontantstøtte"), ("barnebidrag", "Barnebidrag"), ("stipend", "Stipend"),
                 ("tilleggsstonad", "Tilleggsstønad"), ("annen", "Annen ytelse"))
DEDUCTION_KINDS = (("fravaer", "Fravær (§ 36)"), ("arbeid", "Arbeid (§ 37)"), ("samordning", "Samordning (§ 38)"),
                   ("annen", "Annet trekk"))
APPEAL_BY = (("part", "Parten selv"), ("fullmektig", "Fullmektig"))

UNKNOWN_WORD = "ukjent"  # typed as the new value: the optional fact is no longer known (removed)


@dataclass(frozen=True)
class FieldSpec:
    key: str  # the import key
    label: str  # lower case, after «Barn 2 – »
    kind: str  # date | birth_date | money | hours | bool | enum | text
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # bool and enum: (value, label)

    @property
    def title(self) -> str:
        return self.label[:1].upper() + self.label[1:]


@dataclass(frozen=True)
class ListSpec:
    key: str  # the import key of the list
    item: str  # «Barn» in «Barn 2 – fødselsdato»
    add: str  # «barn» in «Legg til barn», «Fjern barn 2»
    title: str  # the list as a whole, for an error on the list («Utbetalingsperioder»)
    fields: tuple[FieldSpec, ...]

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)


def _period(required: bool = True) -> tuple[FieldSpec, FieldSpec]:
    return FieldSpec("from", "fra", "date", required), FieldSpec("to", "til", "date", required)


#: The lists of the format whose items are facts (the item shapes of docs/import-format.md).
LISTS: dict[str, ListSpec] = {s.key: s for s in (
    # forskrift § 3 / sotjl § 35 second paragraph: barnetillegg per child forsørget; from/to limit its days
    ListSpec("children", "Barn", "barn", "Barn", (
        FieldSpec("birth_date", "fødselsdato", "birth_date", True),
        FieldSpec("from", "teller fra", "date"), FieldSpec("to", "teller til", "date"),
        FieldSpec("foster", "fosterbarn", "bool", False, YES_NO))),
    # sotjl § 37: income-giving work, hours in the period
    ListSpec("work", "Arbeid", "arbeid", "Inntektsgivende arbeid", (
        FieldSpec("kind", "type", "enum", True, WORK_KINDS), *_period(),
        FieldSpec("hours", "timer i perioden", "hours", True), FieldSpec("note", "merknad", "text"))),
    # sotjl § 36: absence, valid or not
    ListSpec("absence", "Fravær", "fravær", "Fravær", (
        FieldSpec("date", "dato", "date", True), FieldSpec("hours", "timer", "hours", True),
        FieldSpec("valid", "gyldig eller ugyldig", "bool", True, VALIDITY), FieldSpec("reason", "årsak", "text"))),
    ListSpec("leave_without_stonad", "Dager uten stønad", "dager uten stønad", "Dager uten stønad", (
        *_period(), FieldSpec("kind", "type", "enum", False, LEAVE_KINDS), FieldSpec("reason", "årsak", "text", True))),
    # forskrift § 17: holiday fixed by the municipality, stønad continues
    ListSpec("ferie", "Ferie", "ferie", "Ferie", (*_period(), FieldSpec("note", "merknad", "text"))),
    # sotjl § 38: other benefits (samordning)
    ListSpec("benefits", "Annen ytelse", "annen ytelse", "Andre ytelser", (
        FieldSpec("kind", "ytelse", "enum", True, BENEFIT_KINDS), *_period(),
        FieldSpec("daily_amount", "beløp per dag", "money", True))),
    ListSpec("payments", "Utbetalingsperiode", "utbetalingsperiode", "Utbetalingsperioder", (
        *_period(), FieldSpec("gross", "brutto", "money"), FieldSpec("net", "netto utbetalt", "money", True))),
)}
#: a payment's deductions: the list under each ``payments[n]``
DEDUCTIONS = ListSpec("deductions", "trekk", "trekk", "trekk", (
    FieldSpec("kind", "type trekk", "enum", True, DEDUCTION_KINDS), FieldSpec("amount", "beløp", "money", True),
    FieldSpec("hjemmel", "hjemmel Nav brukte", "text"), FieldSpec("note", "merknad", "text")))

#: Single facts outside the lists: section → (its name, its fields).
SECTIONS: dict[str, tuple[str, tuple[FieldSpec, ...]]] = {
    "decision": ("Vedtaket", (
        FieldSpec("notice_received", "kom fram til deltakeren", "date"),
        FieldSpec("absence_reservation", "forbehold om trekk for ugyldig fravær", "bool", False, YES_NO),
        FieldSpec("reasons", "Navs begrunnelse", "text"))),
    "participant": ("Deltakeren", (FieldSpec("birth_date", "fødselsdato", "birth_date", True),)),
    "programme": ("Programmet", (
        *_period(), FieldSpec("hours_per_week", "programaktiviteter per uke (timer)", "hours"),
        FieldSpec("first_start", "første programstart", "date"))),
    "appeal": ("Klagen", (
        FieldSpec("sent", "sendt", "date", True), FieldSpec("received", "mottatt av Nav-kontoret", "date"),
        FieldSpec("by", "er fra", "enum", True, APPEAL_BY), FieldSpec("signed", "underskrevet", "bool", False, YES_NO),
        FieldSpec("forwarded", "oversendt til Statsforvalteren", "date"),
        FieldSpec("requested_reasons", "ba om begrunnelse", "date"),
        FieldSpec("reasons_received", "begrunnelse mottatt", "date"),
        FieldSpec("nav_statement", "Navs merknader", "text"))),
}

#: Names for the parts of a document the catalogue leaves out, so an error or an old correction there is
#: still named in words (never a path).
OTHER_SECTIONS = {"nav_office": "Nav-kontoret", "representative": "Fullmektigen", "format": "Formatet"}
OTHER_KEYS = {"name": "navn", "fnr": "fødselsnummer", "birth_date": "fødselsdato", "address": "adresse",
              "street": "gateadresse", "postcode": "postnummer", "city": "poststed", "language": "målform",
              "unit_number": "enhetsnummer", "reference": "Navs saksnummer", "date": "vedtaksdato",
              "kind": "type", "hjemler": "hjemler Nav viste til", "arguments": "anførsler",
              "statsforvalteren_received": "mottatt hos Statsforvalteren"}


# --- paths ↔ labels ----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,6})\]")


def tokens(path: str) -> list[str | int]:
    """``payments[0].deductions[1].amount`` → ``["payments", 0, "deductions", 1, "amount"]`` (lenient: for
    naming; the store parses strictly)."""
    return [int(i) if i else n for n, i in _TOKEN.findall(path or "")]


def _list_at(toks: list[str | int]) -> tuple[ListSpec, str] | None:
    """The list spec and the item's name prefix («Utbetalingsperiode 1, trekk») for the list at ``toks``."""
    if len(toks) == 1 and toks[0] in LISTS:
        spec = LISTS[str(toks[0])]
        return spec, spec.item
    if len(toks) == 3 and toks[0] == "payments" and isinstance(toks[1], int) and toks[2] == "deductions":
        return DEDUCTIONS, f"Utbetalingsperiode {toks[1] + 1}, trekk"
    return None


def list_spec(list_path: str) -> ListSpec | None:
    found = _list_at(tokens(list_path))
    return found[0] if found else None


def field_spec(path: str) -> FieldSpec | None:
    """The spec of a single field (``work[0].hours``, ``programme.from``), or None."""
    toks = tokens(path)
    if len(toks) == 2 and toks[0] in SECTIONS and isinstance(toks[1], str):
        return next((f for f in SECTIONS[str(toks[0])][1] if f.key == toks[1]), None)
    if len(toks) >= 3 and isinstance(toks[-2], int) and isinstance(toks[-1], str):
        found = _list_at(toks[:-2])
        return found[0].field(toks[-1]) if found else None
    return None


def item_label(toks: list[str | int]) -> str | None:
    """``["children", 1]`` → «Barn 2»; ``["payments", 0, "deductions", 1]`` → «Utbetalingsperiode 1, trekk 2»."""
    if toks and isinstance(toks[-1], int):
        found = _list_at(toks[:-1])
        if found:
            return f"{found[1]} {toks[-1] + 1}"
    return None


def label_for_path(path: str) -> str:
    """The Norwegian name of any place in an import document (a field, an item, a list), for the page and
    for errors — «Barn 2 – fødselsdato», «Barn 2», «Utbetalingsperioder», «Klagen – sendt»."""
    toks = tokens(path)
    if not toks:
        return "Dokumentet"
    if (spec := field_spec(path)) is not None:
        head = SECTIONS[str(toks[0])][0] if len(toks) == 2 else item_label(toks[:-1])
        return f"{head} – {spec.label}"
    if (name := item_label(toks)) is not None:
        return name
    if (found := _list_at(toks)) is not None:
        return found[0].title if len(toks) == 1 else f"Utbetalingsperiode {int(toks[1]) + 1} – trekk"
    # a field the catalogue does not offer (or an unknown key): named by the part it lies in
    head = next((item_label(toks[:i + 1]) for i in range(len(toks) - 1, -1, -1) if item_label(toks[:i + 1])), None)
    section = SECTIONS.get(str(toks[0]), (None,))[0] or OTHER_SECTIONS.get(str(toks[0]))
    last = next((t for t in reversed(toks) if isinstance(t, str)), "")
    name = OTHER_KEYS.get(last) or next((f.label for s in [*LISTS.values(), DEDUCTIONS] for f in s.fields
                                         if f.key == last), None) or "et felt"
    if len(toks) == 1:
        return (section or name).capitalize() if section or name != "et felt" else "Et felt i importen"
    return f"{head or section or 'Importen'} – {name}"


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MACHINE = re.compile(r"\s*\((?:bruk ÅÅÅÅ-MM-DD[^)]*|bruk punktum[^)]*|bruk et tall[^)]*|from må være ≤ to|"
                      r"tillatte felt:[^)]*)\)")


def message(text: str) -> str:
    """A validation message in the page's words: dates dd.mm.åååå, no advice about the JSON format (the
    form takes dd.mm.åååå and a decimal comma)."""
    out = _MACHINE.sub("", str(text or ""))
    return _ISO.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", out).strip()


def error_text(path: str, text: str) -> str:
    """«Barn 2 – fødselsdato: «31.02.2025» er ikke en gyldig dato (finnes ikke i kalenderen)»."""
    return f"{label_for_path(path)}: {message(text)}"


# --- values: shown and typed ---------------------------------------------------------------------------------

def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        value = repr(value)  # a JSON column's number: its shortest repr is the number written
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def show_value(spec: FieldSpec | None, value: Any) -> str:
    """A stored value as the page shows it: «07.02.2011», «kr 1 234,50», «7,5», «Ja», «Sykepenger»."""
    if value is None or value == "":
        return "–"
    if spec is None:
        return show_any(value)
    if spec.kind in ("date", "birth_date") and isinstance(value, str):
        return nodate(value)
    if spec.kind in ("money", "hours"):
        d = _decimal(value)
        if d is None:
            return str(value)
        return kr(d) if spec.kind == "money" else number(d)
    if spec.kind == "bool" and isinstance(value, bool):
        return dict(spec.choices).get("true" if value else "false", "Ja" if value else "Nei")
    if spec.kind == "enum":
        return dict(spec.choices).get(str(value), str(value))
    return show_any(value)


def show_any(value: Any) -> str:
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    if isinstance(value, str) and _ISO.fullmatch(value):
        return nodate(value)
    if isinstance(value, (int, float, Decimal)):
        d = _decimal(value)
        return number(d) if d is not None else str(value)
    if isinstance(value, dict):
        return ", ".join(f"{OTHER_KEYS.get(k, k)} {show_any(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return f"{len(value)} element"
    return str(value)


def show_item(spec: ListSpec, item: Any) -> str:
    """Every field of an item: «fødselsdato 01.05.2020, fosterbarn Nei»."""
    if not isinstance(item, dict):
        return show_any(item)
    parts = []
    for f in spec.fields:
        if item.get(f.key) is not None:
            parts.append(f"{f.label} {show_value(f, item[f.key])}")
    if spec is LISTS["payments"] and item.get("deductions"):
        parts.append(f"{len(item['deductions'])} trekk")
    return ", ".join(parts) or "–"


def item_summary(spec: ListSpec, item: Any) -> str:
    """What tells the items of a list apart, for «Fjern …»: «født 07.02.2011», «01.10.2025–14.10.2025»."""
    if not isinstance(item, dict):
        return ""
    def f(key: str) -> str:
        return show_value(spec.field(key), item.get(key))
    if spec.key == "children":
        return f"født {f('birth_date')}"
    if spec.key == "absence":
        return f"{f('date')}, {f('hours')} timer"
    if spec.key == "deductions":
        return f"{f('kind')}, {f('amount')}"
    period = f"{f('from')}–{f('to')}"
    if spec.key == "benefits":
        return f"{f('kind')}, {period}"
    if spec.key == "work":
        return f"{period}, {f('hours')} timer"
    return period


_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_TYPED = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT = re.compile(r"[0-9]{1,15}(?:,[0-9]{1,15})?")


def parse_typed(spec: FieldSpec, text: str) -> Any:
    """What the jurist typed → the import's value, or ``ValueError`` (Norwegian, with what was typed).

    Dates «31.02.2025» → ``"2025-02-31"``: the *form* is checked here, the calendar by the one import
    validation (it says the day does not exist). Amounts and hours: «1 234,50» / «7,5» / «7.5» → Decimal."""
    text = (text or "").strip()
    shown = f"«{text[:40]}»"
    if spec.kind in ("date", "birth_date"):
        if m := _DATE.fullmatch(text):
            return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        if _ISO_TYPED.fullmatch(text):  # pasted from a system: the validation reads it as it is
            return text
        raise ValueError(f"{shown} er ikke en dato – skriv den som dd.mm.åååå, f.eks. 07.02.2020.")
    if spec.kind in ("money", "hours"):
        t = text.lower().removeprefix("kr").removesuffix(",-").strip()
        t = re.sub(r"[ \u00a0\u202f]", "", t)
        if "," not in t and t.count(".") == 1:
            t = t.replace(".", ",")  # «7.5»: a decimal point is read as the comma
        elif "," in t:
            t = t.replace(".", "")  # «1.234,50»: points as thousand separators
        if not _AMOUNT.fullmatch(t):
            what = "et beløp – skriv kroner med komma, f.eks. 1 234,50" if spec.kind == "money" else \
                "et antall timer – skriv et tall, f.eks. 7,5"
            raise ValueError(f"{shown} er ikke {what}.")
        return Decimal(t.replace(",", "."))
    if spec.kind in ("bool", "enum"):
        lowered = text.lower()
        for value, label in spec.choices:
            if lowered in (value, label.lower()):
                return (value == "true") if spec.kind == "bool" else value
        if spec.kind == "bool" and lowered in ("ja", "nei"):
            return lowered == "ja"
        allowed = " eller ".join(f"«{label}»" for _v, label in spec.choices) if len(spec.choices) <= 2 else \
            ", ".join(f"«{label}»" for _v, label in spec.choices)
        raise ValueError(f"{shown} passer ikke – skriv {allowed}.")
    if not text:
        raise ValueError("Skriv teksten.")
    return text


def parse_form_value(spec: FieldSpec, text: str) -> Any:
    """A choice from the add form's fields: bool and enum arrive as their value (``true``, ``sykepenger``)."""
    text = (text or "").strip()
    if spec.kind == "bool" and text in ("true", "false"):
        return text == "true"
    if spec.kind == "enum" and text in dict(spec.choices):
        return text
    return parse_typed(spec, text)


def value_hint(spec: FieldSpec) -> str:
    return {"date": "dd.mm.åååå", "birth_date": "dd.mm.åååå", "money": "kroner, f.eks. 1 234,50",
            "hours": "timer, f.eks. 7,5"}.get(spec.kind, "")


# --- the choices of the form ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    value: str  # the hidden path with its operation: «children[1].birth_date», «+children», «-work[0]»
    label: str
    op: str  # change | add | remove
    path: str  # the path without the operation mark


@dataclass(frozen=True)
class AddTarget:
    list_path: str  # «children», «payments[0].deductions»
    spec: ListSpec
    label: str  # «Legg til barn»
    anchor: str  # the id of its form on the page


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _item_lists(doc: dict) -> list[tuple[str, ListSpec, str, list]]:
    """(list path, spec, item name prefix, items) of every list of facts in the document (absent: empty)."""
    out = []
    for key, spec in LISTS.items():
        found = doc.get(key)
        items: list[Any] = found if isinstance(found, list) else []
        out.append((key, spec, spec.item, items))
        if key == "payments":
            for i, p in enumerate(items):
                got = p.get("deductions") if isinstance(p, dict) else None
                deds: list[Any] = got if isinstance(got, list) else []
                out.append((f"payments[{i}].deductions", DEDUCTIONS, f"Utbetalingsperiode {i + 1}, trekk", deds))
    return out


def change_choices(doc: dict) -> list[tuple[str, list[Choice]]]:
    """Optgroups of the «Hva skal rettes?» choice: every single fact and every field of every item (with the
    value it has now), then «Fjern …» for every item."""
    groups: list[tuple[str, list[Choice]]] = []
    for section, (name, specs) in SECTIONS.items():
        got = doc.get(section)
        part: dict = got if isinstance(got, dict) else {}
        groups.append((name, [Choice(f"{section}.{f.key}", f"{name} – {f.label} (nå: {_short(show_value(f, part.get(f.key)))})",
                                     "change", f"{section}.{f.key}") for f in specs]))
    removes: list[Choice] = []
    for list_path, spec, prefix, items in _item_lists(doc):
        fields: list[Choice] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for f in spec.fields:
                path = f"{list_path}[{i}].{f.key}"
                fields.append(Choice(path, f"{prefix} {i + 1} – {f.label} (nå: {_short(show_value(f, item.get(f.key)))})",
                                     "change", path))
            what = (f"trekk {i + 1} i utbetalingsperiode {int(tokens(list_path)[1]) + 1}" if spec is DEDUCTIONS
                    else f"{spec.add} {i + 1}")
            removes.append(Choice(f"-{list_path}[{i}]", f"Fjern {what} ({item_summary(spec, item)})", "remove",
                                  f"{list_path}[{i}]"))
        if fields:
            groups.append((spec.title if spec is not DEDUCTIONS else f"{prefix.rsplit(',', 1)[0]} – trekk", fields))
    if removes:
        groups.append(("Fjerne", removes))
    return groups


def add_targets(doc: dict) -> list[AddTarget]:
    """«Legg til barn», «Legg til arbeid», …, «Legg til trekk i utbetalingsperiode 1»."""
    out = []
    for list_path, spec, _prefix, _items in _item_lists(doc):
        if spec is DEDUCTIONS:
            n = int(tokens(list_path)[1]) + 1
            label = f"Legg til trekk i utbetalingsperiode {n}"
        else:
            label = f"Legg til {spec.add}"
        out.append(AddTarget(list_path, spec, label, "legg-til-" + re.sub(r"[^a-z0-9]+", "-", list_path).strip("-")))
    return out


def find_choice(doc: dict, value: str) -> Choice | None:
    """The change/remove choice posted (only what the page offers for the document in force)."""
    value = (value or "").strip()
    for _name, choices in change_choices(doc):
        for c in choices:
            if c.value == value:
                return c
    return None


def find_add_target(doc: dict, list_path: str) -> AddTarget | None:
    return next((t for t in add_targets(doc) if t.list_path == (list_path or "").strip()), None)


# --- stored corrections, as listed ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeRow:
    label: str  # «Barn 2 lagt til», «Arbeid 1 – timer i perioden», «Barn 2 fjernet»
    old: str
    new: str


def describe(op: str, path: str, old: Any, new: Any) -> ChangeRow:
    """One stored correction in words, values formatted («01.05.2020», «kr 1 234,50»)."""
    toks = tokens(path)
    if op in ("add", "remove"):
        found = _list_at(toks[:-1]) if toks and isinstance(toks[-1], int) else None
        name = item_label(toks) or label_for_path(path)
        if found is None:
            return ChangeRow(f"{name} {'lagt til' if op == 'add' else 'fjernet'}", show_any(old) if old else "–",
                             show_any(new) if new else "–")
        item_spec = found[0]
        if op == "add":
            return ChangeRow(f"{name} lagt til", "–", show_item(item_spec, new))
        return ChangeRow(f"{name} fjernet", show_item(item_spec, old), "–")
    spec = field_spec(path)
    return ChangeRow(label_for_path(path), show_value(spec, old), show_value(spec, new))


def audit_summary(detail: str) -> str:
    """The audit line of a correction in words: ``op=add path=children[1] fields=birth_date,foster`` →
    «Barn 2 lagt til (fødselsdato, fosterbarn)» (the detail holds field names only, never values)."""
    parts = dict(p.split("=", 1) for p in (detail or "").split() if "=" in p)
    path, op = parts.get("path", ""), parts.get("op", "change")
    if not path:
        return ""
    if op in ("add", "remove"):
        toks = tokens(path)
        found = _list_at(toks[:-1]) if toks and isinstance(toks[-1], int) else None
        keys = [k for k in parts.get("fields", "").split(",") if k]
        fields = [found[0].field(k) if found else None for k in keys]
        names = [f.label if f is not None else OTHER_KEYS.get(k, k) for f, k in zip(fields, keys)]
        what = f"{label_for_path(path)} {'lagt til' if op == 'add' else 'fjernet'}"
        return f"{what}: {', '.join(names)}" if names and op == "add" else what
    return label_for_path(path)
