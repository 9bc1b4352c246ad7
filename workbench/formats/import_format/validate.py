"""Validation of ``klagebenk.nav-vedtak/1`` (docs/import-format.md).

Every error names the JSON path and the reason, in bokmål; all errors are collected before anything is
built, so invalid input never yields a partial :class:`NavDecision`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache, cache
from itertools import starmap
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple, cast
from collections.abc import Callable

from workbench.formats.import_format import bounds
from workbench.formats.import_format.identity import IdentityError, KIND_LABELS, validate_identity
from workbench.law import model as m
from workbench.law.periode import Periode


class FieldError(NamedTuple):
    path: str
    message: str


class ImportValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(f"{e.path}: {e.message}" for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(f"{e.path}: {e.message}" for e in self.errors)


# -- JSON ----------------------------------------------------------------------------------------
def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Duplicate(k)
        out[k] = v
    return out


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _bad_constant(name: str) -> Any:
    raise ValueError(f"{name} er ikke tillatt i JSON")


def load_document(source: str | bytes) -> dict:
    """Parse JSON with Decimal numbers; duplicate keys and NaN/Infinity rejected. Bounded
    (``bounds``): the size, the depth, and numbers looked at as text before they are converted."""
    if len(source) > bounds.MAX_DOCUMENT_BYTES:
        raise ImportValidationError([FieldError("$", f"dokumentet er for stort ({len(source)} byte, høyst "
                                                     f"{bounds.MAX_DOCUMENT_BYTES} byte)")])
    if isinstance(source, (bytes, bytearray)):
        try:
            source = bytes(source).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportValidationError(
                [FieldError("$", f"filen er ikke gyldig UTF-8 (byte {exc.start})")]) from None
    elif source.startswith("\ufeff"):
        source = source[1:]
    try:
        doc = json.loads(source, parse_float=bounds.json_float, parse_int=bounds.json_int,
                         object_pairs_hook=_no_duplicates, parse_constant=_bad_constant)
        if bounds.too_deep(doc):
            raise RecursionError
    except RecursionError:
        raise ImportValidationError([FieldError(
            "$", f"dokumentet er nestet for dypt (høyst {bounds.MAX_DEPTH} nivåer med objekter og lister)")]) from None
    except _Duplicate as exc:
        raise ImportValidationError(
            [FieldError("$", f"nøkkelen «{bounds.printable(exc.key)}» forekommer to ganger i samme objekt")]) from None
    except json.JSONDecodeError as exc:
        raise ImportValidationError([FieldError(
            "$", f"ugyldig JSON på linje {exc.lineno}, kolonne {exc.colno}: {exc.msg}")]) from None
    except ValueError as exc:
        raise ImportValidationError([FieldError("$", f"ugyldig JSON: {exc}")]) from None
    if not isinstance(doc, dict):
        raise ImportValidationError([FieldError("$", "dokumentet må være et JSON-objekt")])
    return doc


# -- field parsers -------------------------------------------------------------------------------
class _Invalid(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


_MISSING = object()
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only (\d takes any script's)
_MONEY_RE = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_NUMERAL_RE = re.compile(r"^-?[0-9]+(\.[0-9]*)?$")
_MAX_HOURS_INT = int(bounds.MAX_HOURS)


def _show(v: Any) -> str:
    if isinstance(v, str):
        return f"«{bounds.printable(v)}»"
    if isinstance(v, bounds.BigNumber):
        return v.show()
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return "et objekt" if isinstance(v, dict) else "en liste"
    return str(v)


def p_str(v: Any) -> str:
    if not isinstance(v, str):
        raise _Invalid(f"{_show(v)} er ikke tekst")
    if not v.strip():
        raise _Invalid("kan ikke være tom")
    problem = bounds.text_problem(v)
    if problem:
        raise _Invalid(problem)
    return v


def p_date(v: Any) -> date:
    if not isinstance(v, str):
        raise _Invalid(f"{_show(v)} er ikke en dato (bruk ÅÅÅÅ-MM-DD, f.eks. 2025-10-06)")
    d = _iso_date(v)
    if not bounds.DATE_MIN <= d <= bounds.DATE_MAX:
        raise _Invalid(bounds.date_problem(d) or f"{d.isoformat()} er utenfor tillatte datoer")
    return d


def p_birth_date(v: Any) -> date:
    """A birth date: from 1900 (``bounds.BIRTH_DATE_MIN``), otherwise as :func:`p_date`."""
    if not isinstance(v, str):
        raise _Invalid(f"{_show(v)} er ikke en dato (bruk ÅÅÅÅ-MM-DD, f.eks. 2025-10-06)")
    d = _iso_date(v)
    problem = bounds.date_problem(d, earliest=bounds.BIRTH_DATE_MIN)
    if problem:
        raise _Invalid(problem)
    return d


@lru_cache(maxsize=4096)
def _iso_date(v: str) -> date:
    """The same few dates recur in a document (period ends, month by month) and across documents, so
    each text is parsed once; a ``date`` is immutable, so sharing it is safe. Errors are not cached."""
    if not _DATE_RE.match(v):
        raise _Invalid(f"{_show(v)} er ikke en dato (bruk ÅÅÅÅ-MM-DD, f.eks. 2025-10-06)")
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise _Invalid(f"{_show(v)} er ikke en gyldig dato (finnes ikke i kalenderen)") from None


def _from_float(v: Any) -> Any:
    """A document parsed without ``parse_float=Decimal`` (e.g. ``json.load`` by a caller): the shortest
    repr of a float is the literal that was written (``37.5``), so it is taken as that decimal text —
    never used as a float."""
    if isinstance(v, float):
        return Decimal(repr(v)) if v == v and v not in (float("inf"), float("-inf")) else Decimal("NaN")
    return v


def p_money(v: Any) -> Decimal:
    if isinstance(v, float):
        v = _from_float(v)
    if isinstance(v, bounds.BigNumber):
        raise _Invalid(f"{_show(v)} {bounds.too_many_digits('et beløp', bounds.MAX_AMOUNT)}")
    if isinstance(v, bool) or v is None or isinstance(v, (dict, list)):
        raise _Invalid(f"{_show(v)} er ikke et beløp (bruk punktum som desimaltegn, f.eks. 12.50)")
    if isinstance(v, str):
        s = v.strip()
        if len(s) > bounds.MAX_NUMERAL_CHARS and _NUMERAL_RE.match(s):  # never converted
            raise _Invalid(f"{_show(v)} {bounds.too_many_digits('et beløp', bounds.MAX_AMOUNT)}")
        if s.isdecimal() and s.isascii():  # whole kroner, the common case: what _MONEY_RE matches
            return _bounded_money(Decimal(s))
        if not _MONEY_RE.match(s):
            if re.match(r"^[0-9]+\.[0-9]{3,}$", s):
                raise _Invalid(f"{_show(v)} er ikke et beløp med høyst 2 desimaler")
            if s.startswith("-") and _MONEY_RE.match(s[1:]):
                raise _Invalid(f"{_show(v)}: beløpet kan ikke være negativt")
            raise _Invalid(f"{_show(v)} er ikke et beløp (bruk punktum som desimaltegn, f.eks. 12.50)")
        return _bounded_money(Decimal(s))
    if isinstance(v, int):
        v = Decimal(v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise _Invalid(f"{_show(v)} er ikke et beløp")
        if v < 0:
            raise _Invalid(f"{v}: beløpet kan ikke være negativt")
        _bounded_money(v)  # before quantize: a huge value is never expanded
        if _more_than_two_decimals(v):
            raise _Invalid(f"{v}: et beløp kan ha høyst 2 desimaler")
        return v
    raise _Invalid(f"{_show(v)} er ikke et beløp")  # pragma: no cover


def _bounded_money(d: Decimal) -> Decimal:
    problem = bounds.amount_problem(d)
    if problem:
        raise _Invalid(f"{d}: {problem}")
    return d


def p_hours(v: Any) -> Decimal:
    if type(v) is int and 0 <= v <= _MAX_HOURS_INT:  # whole hours (the common case): no decimals to check
        return Decimal(v)
    if isinstance(v, float):
        v = _from_float(v)
    if isinstance(v, bounds.BigNumber):
        raise _Invalid(f"{_show(v)} {bounds.too_many_digits('et antall timer', bounds.MAX_HOURS)}")
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise _Invalid(f"{_show(v)} er ikke et antall timer (bruk et tall, f.eks. 7.5)")
    d = Decimal(v)
    if not d.is_finite():
        raise _Invalid(f"{_show(v)} er ikke et antall timer")
    if d < 0:
        raise _Invalid(f"{d}: timer kan ikke være negative")
    problem = bounds.hours_problem(d)  # before quantize: a huge value is never expanded
    if problem:
        raise _Invalid(f"{d}: {problem}")
    if _more_than_two_decimals(d):
        raise _Invalid(f"{d}: timer kan ha høyst 2 desimaler")
    return d


def p_bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise _Invalid(f"{_show(v)} er ikke true eller false")
    return v


def _more_than_two_decimals(d: Decimal) -> bool:
    """A finite Decimal (the callers checked it) written with more than two significant decimals."""
    exponent = d.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -2 and d != d.quantize(Decimal("0.01"))


@cache
def p_enum(enum: type[Enum]) -> Callable[[Any], Any]:
    """The parser for one enum (built once per enum: it is called for every list item)."""
    members = {e.value: e for e in enum}  # a dict lookup: ``enum(v)`` is slow
    values = list(members)

    def parse(v: Any) -> Any:
        if not isinstance(v, str) or v not in members:
            raise _Invalid(f"{_show(v)} er ikke en gyldig verdi (tillatt: {', '.join(values)})")
        return members[v]

    return parse


def p_const(value: str) -> Callable[[Any], str]:
    def parse(v: Any) -> str:
        if v != value:
            raise _Invalid(f"{_show(v)} er ikke støttet format (forventet «{value}»)")
        return v

    return parse


BAD = object()  # a value whose error is already recorded


def _p(path: str, key: str) -> str:
    return key if path == "$" else f"{path}.{key}"


class Fields:
    """The fields of one kind of object in the format: all that are allowed (listed in this order when
    an unknown one is met) and the required ones. ``schema.py`` builds the JSON Schema from the same
    lists, so the schema and the validation cannot disagree on a key."""

    __slots__ = ("allowed", "known", "required")

    def __init__(self, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> None:
        self.allowed = allowed
        self.required = required
        self.known = frozenset(allowed)  # one C-level check per object instead of a loop over its keys


ROOT = Fields(("format", "nav_office", "decision", "participant", "representative", "programme", "children",
                "work", "absence", "leave_without_stonad", "ferie", "benefits", "payments", "appeal"),
               ("format", "nav_office", "decision", "participant", "programme", "appeal"))
NAV_OFFICE = Fields(("name", "unit_number"), ("name",))
DECISION = Fields(("reference", "date", "kind", "hjemler", "reasons", "notice_received", "absence_reservation"),
                   ("reference", "date", "kind"))
PARTICIPANT = Fields(("name", "fnr", "birth_date", "address", "language"), ("name", "fnr", "birth_date"))
ADDRESS = Fields(("street", "postcode", "city"), ("street", "postcode", "city"))
REPRESENTATIVE = Fields(("name", "kind", "address"), ("name", "kind"))
PROGRAMME = Fields(("from", "to", "hours_per_week", "first_start"), ("from", "to"))
CHILD = Fields(("birth_date", "from", "to", "foster"), ("birth_date",))
WORK = Fields(("from", "to", "hours", "kind", "note"), ("from", "to", "hours", "kind"))
ABSENCE = Fields(("date", "hours", "valid", "reason"), ("date", "hours", "valid"))
LEAVE = Fields(("from", "to", "reason", "kind"), ("from", "to", "reason"))
FERIE = Fields(("from", "to", "note"), ("from", "to"))
BENEFIT = Fields(("kind", "from", "to", "daily_amount"), ("kind", "from", "to", "daily_amount"))
PAYMENT = Fields(("from", "to", "gross", "deductions", "net"), ("from", "to", "net"))
DEDUCTION = Fields(("kind", "amount", "hjemmel", "note"), ("kind", "amount"))
APPEAL = Fields(("sent", "received", "by", "signed", "arguments", "forwarded", "nav_statement",
                  "requested_reasons", "reasons_received", "statsforvalteren_received"),
                 ("sent", "by", "arguments"))


class _V:
    """Collects every error; parsers return :data:`BAD` for an invalid value."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def err(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def obj(self, v: Any, path: str, fields: Fields) -> dict | None:
        if not isinstance(v, dict):
            self.err(path, f"{_show(v)} er ikke et objekt")
            return None
        if not fields.known.issuperset(v):  # rare: find the unknown fields, in the document's order
            allowed = fields.allowed
            for key in v:
                if key not in allowed:
                    self.err(_p(path, bounds.printable(str(key), 40)),
                             f"ukjent felt (tillatte felt: {', '.join(allowed)})")
        for key in fields.required:
            if v.get(key) is None:
                self.err(_p(path, key), "mangler (påkrevd felt)" if key not in v
                         else "mangler (påkrevd felt, kan ikke være null)")
        return v

    def get(self, o: dict | None, key: str, path: str, parser: Callable[[Any], Any]) -> Any:
        """Parse ``o[key]``; None when absent/null (a missing required key is reported by obj())."""
        if o is None:
            return BAD
        raw = o.get(key)
        if raw is None:
            return None
        try:
            return parser(raw)
        except _Invalid as exc:
            self.err(_p(path, key), exc.message)
            return BAD

    def items(self, o: dict | None, key: str, path: str, *, min_items: int = 0,
              required: bool = False) -> list[tuple[str, Any]]:
        if o is None:
            return []
        raw = o.get(key)
        if raw is None:  # absent or null; a required list is reported by obj() or the caller
            return []
        p = _p(path, key)
        if not isinstance(raw, list):
            self.err(p, f"{_show(raw)} er ikke en liste")
            return []
        limit = bounds.MAX_ITEMS.get(key, bounds.MAX_ITEMS_DEFAULT)
        if len(raw) > limit:
            self.err(p, f"for mange elementer ({len(raw)}, høyst {limit})")
            return []
        if len(raw) < min_items:
            self.err(p, f"må ha minst {min_items} element")
        return [(f"{p}[{i}]", x) for i, x in enumerate(raw)]

    def period(self, o: dict | None, path: str, *, required: bool = True) -> Periode | None | object:
        """``{from, to}`` as a Periode. Where the period is optional (a child's), either end may be
        left open (rules.md §8 S-07): the open end is ``date.min`` / ``date.max``."""
        fra = self.get(o, "from", path, p_date)
        til = self.get(o, "to", path, p_date)
        if fra is BAD or til is BAD:
            return BAD
        if fra is None and til is None and not required:
            return None
        if fra is None or til is None:
            if not required:
                return _periode(fra or date.min, til or date.max)
            return BAD
        if fra > til:
            self.err(_p(path, "to"), f"sluttdatoen {til.isoformat()} er før startdatoen "
                     f"{fra.isoformat()} (from må være ≤ to)")
            return BAD
        return _periode(fra, til)


# The same periods recur (one per month in work, payments and benefits, and in the next document);
# a Periode is immutable, so one instance per (from, to) is shared instead of built again.
_periode = lru_cache(maxsize=4096)(Periode)


def _ok(*values: Any) -> bool:
    return all(v is not BAD for v in values)


def parse_document(doc: dict, *, allow_synthetic_ids: bool = True) -> m.NavDecision:
    """Validate a parsed document and build the :class:`NavDecision`; raise with every error.

    One reader per part of the document, in the document's order (the errors come in that order),
    then the checks across parts, then — nothing wrong — the build. A reader returns its part's
    values by field name (or, for a list, one tuple per row in the dataclass's field order); a value
    that failed is :data:`BAD`, its error recorded."""
    v = _V()
    root = v.obj(doc, "$", ROOT)
    if root is None:
        raise ImportValidationError(v.errors)
    v.get(root, "format", "$", p_const(m.FORMAT_ID))
    office = _read_office(v, root)
    decision = _read_decision(v, root)
    participant = _read_participant(v, root, allow_synthetic_ids=allow_synthetic_ids)
    representative = _read_representative(v, root)
    programme = _read_programme(v, root)
    children = _read_children(v, root)
    work = _read_work(v, root)
    absence = _read_absence(v, root)
    leave = _read_leave(v, root)
    ferie = _read_ferie(v, root)
    benefits = _read_benefits(v, root)
    payments = _read_payments(v, root, decision_kind=decision["kind"])
    appeal = _read_appeal(v, root)
    _check_across(v, office=office, decision=decision, participant=participant, appeal=appeal)
    if v.errors:
        raise ImportValidationError(v.errors)

    # -- build (every value is valid here: a BAD sentinel has its error recorded and raised above) ------
    participant["fnr"] = "".join(participant["fnr"].split())
    participant["address"] = cast("m.Address | None", participant["address"])
    programme["periode"] = cast(Periode, programme["periode"])
    return m.NavDecision(
        nav_office=m.NavOffice(**office),
        decision=m.Decision(**decision),
        participant=m.Participant(**participant),
        programme=m.Programme(**programme),
        appeal=m.Appeal(**appeal),
        payments=tuple(m.Payment(cast(Periode, per), net, gross, tuple(starmap(m.Deduction, deds)))
                       for per, net, gross, deds in payments),
        representative=None if representative is None else m.Representative(**representative),
        children=tuple(m.Child(birth_date=bd, periode=cast("Periode | None", per), foster=bool(foster))
                       for bd, per, foster in children),
        # the list items were collected in their dataclass's field order: positional construction is
        # markedly cheaper than keywords, and these are most of the objects built
        work=tuple(starmap(m.Work, work)),
        absence=tuple(starmap(m.Absence, absence)),
        leave_without_stonad=tuple(starmap(m.LeaveWithoutStonad, leave)),
        ferie=tuple(starmap(m.Ferie, ferie)),
        benefits=tuple(starmap(m.Benefit, benefits)),
    )


# -- the readers of parse_document, one per part, in the document's order --------------------------------

def _read_office(v: _V, root: dict) -> dict[str, Any]:
    no = v.obj(root["nav_office"], "nav_office", NAV_OFFICE) if root.get("nav_office") is not None else None
    return {"name": v.get(no, "name", "nav_office", p_str),
            "unit_number": v.get(no, "unit_number", "nav_office", p_str)}


def _read_texts(v: _V, o: dict | None, key: str, path: str, *, min_items: int = 0) -> list[str]:
    """A list of strings (``decision.hjemler``, ``appeal.arguments``), each wrong item named."""
    out = []
    for p, x in v.items(o, key, path, min_items=min_items):
        try:
            out.append(p_str(x))
        except _Invalid as exc:
            v.err(p, exc.message)
    return out


def _read_decision(v: _V, root: dict) -> dict[str, Any]:
    dj = root.get("decision")
    d = v.obj(dj, "decision", DECISION) if dj is not None else None
    out = {
        "reference": v.get(d, "reference", "decision", p_str),
        "date": v.get(d, "date", "decision", p_date),
        "kind": v.get(d, "kind", "decision", p_enum(m.DecisionKind)),
        "hjemler": tuple(_read_texts(v, d, "hjemler", "decision")),
        "reasons": v.get(d, "reasons", "decision", p_str),
        "notice_received": v.get(d, "notice_received", "decision", p_date),
        "absence_reservation": v.get(d, "absence_reservation", "decision", p_bool),
    }
    notice, made = out["notice_received"], out["date"]
    if isinstance(notice, date) and isinstance(made, date) and notice < made:
        v.err("decision.notice_received", f"{notice.isoformat()} er før vedtaksdatoen {made.isoformat()}")
    return out


def _read_address(v: _V, raw: Any, path: str) -> m.Address | object:
    ad = v.obj(raw, path, ADDRESS)
    vals = [v.get(ad, k, path, p_str) for k in ("street", "postcode", "city")]
    return m.Address(*vals) if ad is not None and _ok(*vals) and all(vals) else BAD


def _read_participant(v: _V, root: dict, *, allow_synthetic_ids: bool) -> dict[str, Any]:
    pj = root.get("participant")
    pa = v.obj(pj, "participant", PARTICIPANT) if pj is not None else None
    out = {
        "name": v.get(pa, "name", "participant", p_str),
        "fnr": v.get(pa, "fnr", "participant", p_str),
        "birth_date": v.get(pa, "birth_date", "participant", p_birth_date),
        "language": v.get(pa, "language", "participant", p_choice(("nb", "nn"))),
        "address": None,
    }
    if pa is not None and pa.get("address") is not None:
        out["address"] = _read_address(v, pa["address"], "participant.address")
    fnr, birth = out["fnr"], out["birth_date"]
    if isinstance(fnr, str):
        try:
            kind, born = validate_identity(fnr, allow_synthetic=allow_synthetic_ids)
            if born is not None and isinstance(birth, date) and born != birth:
                v.err("participant.birth_date",
                      f"{birth.isoformat()} stemmer ikke med fødselsnummeret "
                      f"({KIND_LABELS.get(kind, kind)} gir {born.isoformat()})")
        except IdentityError as exc:
            v.err("participant.fnr", f"{_show(fnr)} er ikke et gyldig fødselsnummer eller D-nummer: {exc}")
    return out


def _read_representative(v: _V, root: dict) -> dict[str, Any] | None:
    rj = root.get("representative")
    if rj is None:
        return None
    r = v.obj(rj, "representative", REPRESENTATIVE)
    out = {"name": v.get(r, "name", "representative", p_str),
           "kind": v.get(r, "kind", "representative", p_enum(m.RepresentativeKind)),
           "address": None}
    if r is not None and r.get("address") is not None:
        raw = r["address"]
        out["address"] = (v.get(r, "address", "representative", p_str) if isinstance(raw, str)
                          else _read_address(v, raw, "representative.address"))
    return out


def _read_programme(v: _V, root: dict) -> dict[str, Any]:
    prj = root.get("programme")
    pr = v.obj(prj, "programme", PROGRAMME) if prj is not None else None
    periode = v.period(pr, "programme") if pr is not None else BAD
    hours = v.get(pr, "hours_per_week", "programme", p_hours)
    if isinstance(hours, Decimal) and hours > 168:
        v.err("programme.hours_per_week", f"{hours} timer i uken er ikke mulig")
    return {"periode": periode, "hours_per_week": hours,
            "first_start": v.get(pr, "first_start", "programme", p_date)}


def _read_children(v: _V, root: dict) -> list[tuple[Any, ...]]:
    children = []
    for p, x in v.items(root, "children", "$"):
        c = v.obj(x, p, CHILD)
        bd = v.get(c, "birth_date", p, p_birth_date)
        per = v.period(c, p, required=False) if c is not None else BAD
        children.append((bd, per, v.get(c, "foster", p, p_bool)))
    return children


def _read_work(v: _V, root: dict) -> list[tuple[Any, ...]]:
    work = []
    for p, x in v.items(root, "work", "$"):
        w = v.obj(x, p, WORK)
        per = v.period(w, p) if w is not None else BAD
        work.append((per, v.get(w, "hours", p, p_hours), v.get(w, "kind", p, p_enum(m.WorkKind)),
                     v.get(w, "note", p, p_str)))
    return work


def _read_absence(v: _V, root: dict) -> list[tuple[Any, ...]]:
    absence = []
    for p, x in v.items(root, "absence", "$"):
        a = v.obj(x, p, ABSENCE)
        day = v.get(a, "date", p, p_date)
        hours = v.get(a, "hours", p, p_hours)
        if isinstance(hours, Decimal) and hours > 24:
            v.err(f"{p}.hours", f"{hours} timer fravær på én dag er ikke mulig (høyst 24)")
            hours = BAD
        absence.append((day, hours, v.get(a, "valid", p, p_bool), v.get(a, "reason", p, p_str)))
    return absence


def _read_leave(v: _V, root: dict) -> list[tuple[Any, ...]]:
    leave = []
    for p, x in v.items(root, "leave_without_stonad", "$"):
        lv = v.obj(x, p, LEAVE)
        per = v.period(lv, p) if lv is not None else BAD
        leave.append((per, v.get(lv, "reason", p, p_str), v.get(lv, "kind", p, p_enum(m.LeaveKind))))
    return leave


def _read_ferie(v: _V, root: dict) -> list[tuple[Any, ...]]:
    ferie = []
    for p, x in v.items(root, "ferie", "$"):
        fe = v.obj(x, p, FERIE)
        per = v.period(fe, p) if fe is not None else BAD
        ferie.append((per, v.get(fe, "note", p, p_str)))
    return ferie


def _read_benefits(v: _V, root: dict) -> list[tuple[Any, ...]]:
    benefits = []
    for p, x in v.items(root, "benefits", "$"):
        b = v.obj(x, p, BENEFIT)
        kind = v.get(b, "kind", p, p_enum(m.BenefitKind))
        per = v.period(b, p) if b is not None else BAD
        amount = v.get(b, "daily_amount", p, p_money)
        if isinstance(amount, Decimal) and amount > bounds.MAX_DAILY_AMOUNT:
            problem = bounds.amount_problem(amount, bounds.MAX_DAILY_AMOUNT, "kr per dag")
            v.err(f"{p}.daily_amount", f"{amount}: {problem}")
            amount = BAD
        benefits.append((kind, per, amount))
    return benefits


def _read_payments(v: _V, root: dict, *, decision_kind: Any) -> list[tuple[Any, ...]]:
    """(periode, net, gross, deductions) per payment row; at least one unless the decision is an avslag."""
    payments = []
    need_payments = decision_kind is not m.DecisionKind.AVSLAG
    if root.get("payments") is None and need_payments and decision_kind is not BAD:
        v.err("payments", "mangler (minst én utbetalingsperiode er påkrevd når vedtaket ikke er et avslag)")
    for p, x in v.items(root, "payments", "$", min_items=1 if need_payments else 0):
        pay = v.obj(x, p, PAYMENT)
        per = v.period(pay, p) if pay is not None else BAD
        gross = v.get(pay, "gross", p, p_money)
        net = v.get(pay, "net", p, p_money)
        deds = []
        for dp, dx in v.items(pay, "deductions", p):
            dd = v.obj(dx, dp, DEDUCTION)
            deds.append((v.get(dd, "kind", dp, p_enum(m.DeductionKind)), v.get(dd, "amount", dp, p_money),
                         v.get(dd, "hjemmel", dp, p_str), v.get(dd, "note", dp, p_str)))
        # A payment period wholly outside the programme is valid input (rules.md §8 S-08): the engine
        # gives it 0 stønadsdager and net 0 — the typical tilbakekreving case.
        payments.append((per, net, gross, deds))
    return payments


def _read_appeal(v: _V, root: dict) -> dict[str, Any]:
    apj = root.get("appeal")
    ap = v.obj(apj, "appeal", APPEAL) if apj is not None else None
    out = {"sent": v.get(ap, "sent", "appeal", p_date),
           "by": v.get(ap, "by", "appeal", p_enum(m.AppealBy))}
    signed = v.get(ap, "signed", "appeal", p_bool)
    out["signed"] = True if signed is None else signed
    out["arguments"] = tuple(_read_texts(v, ap, "arguments", "appeal", min_items=1))
    for k in ("received", "forwarded", "requested_reasons", "reasons_received", "statsforvalteren_received"):
        out[k] = v.get(ap, k, "appeal", p_date)
    out["nav_statement"] = v.get(ap, "nav_statement", "appeal", p_str)
    return out


def _check_across(v: _V, *, office: dict[str, Any], decision: dict[str, Any], participant: dict[str, Any],
                  appeal: dict[str, Any]) -> None:
    """What one part says about another: the appeal after the decision, the claimant born before it,
    and the texts that are stored in a column of limited size."""
    made, sent, received = decision["date"], appeal["sent"], appeal["received"]
    birth = participant["birth_date"]
    if isinstance(sent, date) and isinstance(made, date) and sent < made:
        v.err("appeal.sent", f"{sent.isoformat()} er før vedtaksdatoen {made.isoformat()}")
    if isinstance(received, date) and isinstance(sent, date) and received < sent:
        v.err("appeal.received", f"{received.isoformat()} er før klagen ble sendt {sent.isoformat()}")
    if isinstance(birth, date) and isinstance(made, date) and birth > made:
        v.err("participant.birth_date", f"{birth.isoformat()} er etter vedtaksdatoen")
    for path, text in (("decision.reference", decision["reference"]), ("nav_office.name", office["name"]),
                       ("participant.name", participant["name"])):
        if isinstance(text, str) and len(text) > bounds.COLUMN_LENGTHS[path]:  # the column's size
            v.err(path, f"teksten er for lang ({len(text)} tegn, høyst {bounds.COLUMN_LENGTHS[path]})")


def p_choice(values: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(v: Any) -> str:
        if not isinstance(v, str) or v not in values:
            raise _Invalid(f"{_show(v)} er ikke en gyldig verdi (tillatt: {', '.join(values)})")
        return v

    return parse
