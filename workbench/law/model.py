"""The contested Nav decision as typed, immutable facts (import format ``klagebenk.nav-vedtak/1``).

This is the shape every way into the workbench produces (JSON upload, CLI, API, the web form):
``workbench.formats.import_format`` validates a document and builds these objects; the rules read only these.
Field names follow docs/import-format.md one to one, so a jurist's question
("which field did Nav get wrong?") maps straight onto the document.

Money is ``Decimal`` (never float); hours are ``Decimal``; dates are ``datetime.date``.
``None`` means an unknown fact — never guessed (import-format.md, Conventions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from datetime import date as Date  # a field named «date» below would shadow the type
from decimal import Decimal
from enum import StrEnum

from workbench.law.periode import Periode

FORMAT_ID = "klagebenk.nav-vedtak/1"


class DecisionKind(StrEnum):
    INNVILGELSE = "innvilgelse"
    AVSLAG = "avslag"
    ENDRING = "endring"
    STANS = "stans"
    UTBETALING = "utbetaling"
    TILBAKEKREVING = "tilbakekreving"


class WorkKind(StrEnum):
    """Kinds of work (sotjl § 37). ``fosterhjem`` is recorded but never reduces the stønad."""

    ARBEID = "arbeid"
    OMSORGSSTONAD = "omsorgsstonad"
    LAERLING = "laerling"
    FOSTERHJEM = "fosterhjem"


class LeaveKind(StrEnum):
    AVTALT = "avtalt"  # agreed «fravær uten kvalifiseringsstønad»
    AVBRUDD = "avbrudd"  # programme avbrutt, sotjl § 34 first paragraph


class BenefitKind(StrEnum):
    DAGPENGER = "dagpenger"
    SYKEPENGER = "sykepenger"
    FORELDREPENGER = "foreldrepenger"
    AAP = "aap"
    UFORETRYGD = "uforetrygd"
    BARNEPENSJON = "barnepensjon"
    OVERGANGSSTONAD = "overgangsstonad"
    BOSTOTTE = "bostotte"
    BARNETRYGD = "barnetrygd"
    KONTANTSTOTTE = "kontantstotte"
    BARNEBIDRAG = "barnebidrag"
    STIPEND = "stipend"
    TILLEGGSSTONAD = "tilleggsstonad"
    ANNEN = "annen"


#: The exhaustive list of sotjl § 38 first paragraph.
SAMORDNING_BENEFITS = frozenset(
    {BenefitKind.DAGPENGER, BenefitKind.SYKEPENGER, BenefitKind.FORELDREPENGER}
)


class DeductionKind(StrEnum):
    FRAVAER = "fravaer"  # § 36
    ARBEID = "arbeid"  # § 37
    SAMORDNING = "samordning"  # § 38
    ANNEN = "annen"


class AppealBy(StrEnum):
    PART = "part"
    FULLMEKTIG = "fullmektig"


class RepresentativeKind(StrEnum):
    ADVOKAT = "advokat"
    ANNEN = "annen"


@dataclass(frozen=True, slots=True)
class NavOffice:
    name: str
    unit_number: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    reference: str
    date: Date
    kind: DecisionKind
    hjemler: tuple[str, ...] = ()
    reasons: str | None = None
    notice_received: Date | None = None
    absence_reservation: bool | None = None


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    postcode: str
    city: str


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    fnr: str
    birth_date: date
    address: Address | None = None
    language: str | None = None  # "nb" | "nn"


@dataclass(frozen=True, slots=True)
class Representative:
    name: str
    kind: RepresentativeKind
    address: Address | str | None = None  # the cases give an address object; free text accepted


@dataclass(frozen=True, slots=True)
class Programme:
    periode: Periode
    hours_per_week: Decimal | None = None  # activities without income-giving work; None → 37.5
    first_start: date | None = None


@dataclass(frozen=True, slots=True)
class Child:
    birth_date: date
    periode: Periode | None = None  # from/to limiting the days the child counts; None = unlimited
    foster: bool = False


@dataclass(frozen=True, slots=True)
class Work:
    periode: Periode
    hours: Decimal
    kind: WorkKind
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Absence:
    date: date
    hours: Decimal
    valid: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class LeaveWithoutStonad:
    periode: Periode
    reason: str
    kind: LeaveKind | None = None


@dataclass(frozen=True, slots=True)
class Ferie:
    periode: Periode
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Benefit:
    kind: BenefitKind
    periode: Periode
    daily_amount: Decimal


@dataclass(frozen=True, slots=True)
class Deduction:
    kind: DeductionKind
    amount: Decimal
    hjemmel: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    periode: Periode
    net: Decimal
    gross: Decimal | None = None
    deductions: tuple[Deduction, ...] = ()


@dataclass(frozen=True, slots=True)
class Appeal:
    sent: date
    by: AppealBy
    arguments: tuple[str, ...]
    received: date | None = None
    signed: bool = True
    forwarded: date | None = None
    nav_statement: str | None = None
    requested_reasons: date | None = None
    reasons_received: date | None = None
    statsforvalteren_received: date | None = None


@dataclass(frozen=True, slots=True)
class NavDecision:
    """One contested Nav decision with the facts it rests on and the appeal against it."""

    nav_office: NavOffice
    decision: Decision
    participant: Participant
    programme: Programme
    appeal: Appeal
    payments: tuple[Payment, ...] = ()
    representative: Representative | None = None
    children: tuple[Child, ...] = ()
    work: tuple[Work, ...] = ()
    absence: tuple[Absence, ...] = ()
    leave_without_stonad: tuple[LeaveWithoutStonad, ...] = ()
    ferie: tuple[Ferie, ...] = ()
    benefits: tuple[Benefit, ...] = field(default_factory=tuple)
