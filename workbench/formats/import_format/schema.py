"""The import format ``klagebenk.nav-vedtak/1`` as a JSON Schema (2020-12, as OpenAPI 3.1 uses it).

Built from the validation's own field lists (``validate.ROOT`` …: the keys allowed and required per
object), the enumerations of ``workbench.law.model`` and the limits of ``bounds``, so it cannot drift
from what the import accepts. The API's OpenAPI document (``workbench/web/api/openapi.py``) describes the
request body of ``POST /api/v1/cases`` with it.

What a schema cannot say is left to the validation, which stays the one authority: a date that is not
in the calendar (2025-02-31), the fødselsnummer's check digits, dates in the wrong order, payments
required unless the decision is an avslag, lone surrogates. So a document the schema accepts may still
get 422 with the field's path; a document it refuses always does.
"""

from __future__ import annotations

from typing import Any

from workbench.formats.import_format import bounds
from workbench.formats.import_format import validate as v
from workbench.law import model as m

_MONTH_DAY = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
DATE = {"type": "string", "format": "date", "pattern": f"^20[0-9]{{2}}-{_MONTH_DAY}$",
        "description": f"ÅÅÅÅ-MM-DD, {bounds.DATE_MIN.isoformat()} til {bounds.DATE_MAX.isoformat()}"}
BIRTH_DATE = {"type": "string", "format": "date", "pattern": f"^(19|20)[0-9]{{2}}-{_MONTH_DAY}$",
              "description": f"ÅÅÅÅ-MM-DD, {bounds.BIRTH_DATE_MIN.isoformat()} til {bounds.DATE_MAX.isoformat()}"}

# Text: at least one character that is not white space, no control character but tab and line breaks.
_TEXT_PATTERN = ("^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]*[^\\s\\u0000-\\u001f]"
                 "[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]*$")


def _text(max_length: int = bounds.MAX_TEXT) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": _TEXT_PATTERN}


def _money(maximum=bounds.MAX_AMOUNT) -> dict:
    return {"anyOf": [
        {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]{1,2})?\\s*$", "maxLength": bounds.MAX_NUMERAL_CHARS,
         "description": f"kroner som tekst med punktum, høyst {int(maximum)}"},
        {"type": "number", "minimum": 0, "maximum": int(maximum), "multipleOf": 0.01},
    ]}


def _hours(maximum) -> dict:
    return {"type": "number", "minimum": 0, "maximum": int(maximum), "multipleOf": 0.01}


def _enum(enum) -> dict:
    return {"type": "string", "enum": [e.value for e in enum]}


BOOL = {"type": "boolean"}


def _obj(fields: v.Fields, properties: dict[str, dict], description: str | None = None) -> dict:
    """An object of the format: exactly the validation's keys; an optional one may also be null
    (the validation reads null as absent)."""
    assert set(properties) == set(fields.allowed), (sorted(properties), fields.allowed)
    props = {k: (properties[k] if k in fields.required else {"anyOf": [properties[k], {"type": "null"}]})
             for k in fields.allowed}
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if fields.required:
        out["required"] = list(fields.required)
    if description:
        out["description"] = description
    return out


def _list(key: str, items: dict) -> dict:
    return {"type": "array", "items": items,
            "maxItems": bounds.MAX_ITEMS.get(key, bounds.MAX_ITEMS_DEFAULT)}


def import_document_schema() -> dict:
    """The JSON Schema of an import document (docs/import-format.md)."""
    address = _obj(v.ADDRESS, {"street": _text(), "postcode": _text(), "city": _text()})
    period_of = {"from": DATE, "to": DATE}
    deduction = _obj(v.DEDUCTION, {"kind": _enum(m.DeductionKind), "amount": _money(), "hjemmel": _text(),
                                   "note": _text()})
    return _obj(v.ROOT, {
        "format": {"const": m.FORMAT_ID},
        "nav_office": _obj(v.NAV_OFFICE, {"name": _text(bounds.COLUMN_LENGTHS["nav_office.name"]),
                                          "unit_number": _text()}),
        "decision": _obj(v.DECISION, {
            "reference": _text(bounds.COLUMN_LENGTHS["decision.reference"]), "date": DATE,
            "kind": _enum(m.DecisionKind), "hjemler": _list("hjemler", _text()), "reasons": _text(),
            "notice_received": DATE, "absence_reservation": BOOL}),
        "participant": _obj(v.PARTICIPANT, {
            "name": _text(bounds.COLUMN_LENGTHS["participant.name"]),
            "fnr": {"type": "string", "pattern": "^\\s*([0-9]\\s*){11}$",
                    "description": "fødselsnummer eller D-nummer, 11 sifre (mod 11)"},
            "birth_date": BIRTH_DATE, "address": address, "language": {"type": "string", "enum": ["nb", "nn"]}}),
        "representative": _obj(v.REPRESENTATIVE, {"name": _text(), "kind": _enum(m.RepresentativeKind),
                                                  "address": {"anyOf": [_text(), address]}}),
        "programme": _obj(v.PROGRAMME, {**period_of, "hours_per_week": _hours(168), "first_start": DATE}),
        "children": _list("children", _obj(v.CHILD, {"birth_date": BIRTH_DATE, **period_of, "foster": BOOL})),
        "work": _list("work", _obj(v.WORK, {**period_of, "hours": _hours(bounds.MAX_HOURS),
                                            "kind": _enum(m.WorkKind), "note": _text()})),
        "absence": _list("absence", _obj(v.ABSENCE, {"date": DATE, "hours": _hours(24), "valid": BOOL,
                                                     "reason": _text()})),
        "leave_without_stonad": _list("leave_without_stonad", _obj(v.LEAVE, {
            **period_of, "reason": _text(), "kind": _enum(m.LeaveKind)})),
        "ferie": _list("ferie", _obj(v.FERIE, {**period_of, "note": _text()})),
        "benefits": _list("benefits", _obj(v.BENEFIT, {
            "kind": _enum(m.BenefitKind), **period_of, "daily_amount": _money(bounds.MAX_DAILY_AMOUNT)})),
        "payments": _list("payments", _obj(v.PAYMENT, {
            **period_of, "gross": _money(), "deductions": _list("deductions", deduction), "net": _money()})),
        "appeal": _obj(v.APPEAL, {
            "sent": DATE, "received": DATE, "by": _enum(m.AppealBy), "signed": BOOL,
            "arguments": {**_list("arguments", _text()), "minItems": 1}, "forwarded": DATE,
            "nav_statement": _text(), "requested_reasons": DATE, "reasons_received": DATE,
            "statsforvalteren_received": DATE}),
    }, description="Importformatet klagebenk.nav-vedtak/1 (docs/import-format.md). Valideringen i "
                   "Klagebenk er autoriteten: det skjemaet ikke kan uttrykke (datoer som ikke finnes, "
                   "kontrollsifre, rekkefølge mellom datoer, utbetalinger påkrevd unntatt ved avslag) gir "
                   "422 med feltets sti.")
