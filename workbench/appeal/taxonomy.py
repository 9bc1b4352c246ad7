"""The one taxonomy of what Nav got wrong: the categories of a discrepancy and the discrepancy codes.

docs/appeals.md §4: «Every difference between Nav's decision and the evaluation becomes a discrepancy. It
carries a ``code``, the ``hjemmel``, Nav's value, the correct value, and a category. The categories come from
Kabal's quality assessment taxonomy, version 3 (navikt/kabal, ``kvalitetsvurdering/v3``). Keep the taxonomy
versioned, as Kabal does.»

Everything that names a category or a discrepancy code reads it here: the diagnosis
(:mod:`workbench.appeal.diagnosis` proposes a category), the jurist's reclassification
(:mod:`workbench.appeal.classification`), the review page and its form, the review topics, and the letter
(:func:`category_in_letter`, :func:`code_label`). The names are bokmål/nynorsk pairs like the catalogue's
(``workbench.texts``), kept here with the taxonomy they name; ``tests/texts`` checks them for gaps too. Pure
data; no imports from the project.
"""

from __future__ import annotations

from typing import Final, TypedDict

TAXONOMY_VERSION: Final = "kabal-kvalitetsvurdering-v3"

FAKTUM: Final = "faktum"
LOVTOLKNING: Final = "lovtolkning"
RETTSANVENDELSE: Final = "rettsanvendelse"
SAKSBEHANDLING: Final = "saksbehandling"
ROUNDING: Final = "rounding"
#: Not in Kabal v3 and never the jurist's choice: a G regulated after Nav's decision is not an error by Nav
#: (rules.md T1 [INF]); the diagnosis proposes it, the review moves it to «information».
INFORMATION: Final = "information"


class Category(TypedDict):
    """One category: its labels (heading form), Kabal's wording, what it means, and the short form the
    letter uses inside a sentence («… (feil faktum), sosialtjenesteloven § 35, …»)."""

    label_nb: str
    label_nn: str
    kabal: str
    meaning: str
    letter_nb: str
    letter_nn: str


#: The categories the jurist may choose (appeals.md §4, Kabal kvalitetsvurdering v3 + rounding).
CATEGORIES: Final[dict[str, Category]] = {
    FAKTUM: {
        "label_nb": "Feil faktum",
        "label_nn": "Feil faktum",
        "kabal": "Det er lagt til grunn feil faktum",
        "meaning": "wrong or unproven facts (number of children, hours, benefit rights, dates)",
        "letter_nb": "feil faktum",
        "letter_nn": "feil faktum",
    },
    LOVTOLKNING: {
        "label_nb": "Feil hjemmel eller lovtolkning",
        "label_nn": "Feil heimel eller lovtolking",
        "kabal": "Loven er tolket eller anvendt feil → feil hjemmel eller lovtolkning",
        "meaning": "wrong legal basis or wrong reading of the rule (e.g. omsorgsstønad under § 38)",
        "letter_nb": "feil lovtolkning eller hjemmel",
        "letter_nn": "feil lovtolking eller heimel",
    },
    RETTSANVENDELSE: {
        "label_nb": "Feil konkret rettsanvendelse eller skjønnsutøvelse",
        "label_nn": "Feil konkret rettsbruk eller skjønnsutøving",
        "kabal": "Loven er tolket eller anvendt feil → feil konkret rettsanvendelse eller skjønnsutøvelse",
        "meaning": "the right rule applied wrongly to the facts (wrong G, wrong method, arithmetic)",
        "letter_nb": "feil rettsanvendelse",
        "letter_nn": "feil rettsbruk",
    },
    SAKSBEHANDLING: {
        "label_nb": "Saksbehandlingsfeil",
        "label_nn": "Sakshandsamingsfeil",
        "kabal": "Saksbehandlingsreglene",
        "meaning": "a procedural error; the fvl. provision is recorded",
        "letter_nb": "saksbehandlingsfeil",
        "letter_nn": "sakshandsamingsfeil",
    },
    ROUNDING: {
        "label_nb": "Avrunding (informasjon)",
        "label_nn": "Avrunding (informasjon)",
        "kabal": "—",
        "meaning": "a ±1 kr difference from the rounding convention (R13); information, not an error",
        "letter_nb": "avrunding",
        "letter_nn": "avrunding",
    },
}

#: Every category a discrepancy may carry: the jurist's five and the engine's «information».
ALL_CATEGORIES: Final[dict[str, Category]] = {
    **CATEGORIES,
    INFORMATION: {
        "label_nb": "Informasjon, ikke feil",
        "label_nn": "Informasjon, ikkje feil",
        "kabal": "—",
        "meaning": "G regulated after Nav's decision (rules.md T1 [INF]): not an error by Nav",
        "letter_nb": "til informasjon",
        "letter_nn": "til informasjon",
    },
}

#: Categories that are not Nav's error (appeals.md §4: rounding «is information, not an error»; T1 [INF]).
NOT_ERRORS: Final = frozenset({ROUNDING, INFORMATION})


class ProvisionLabel(TypedDict):
    label_nb: str
    label_nn: str


#: The procedural rules a ``saksbehandling`` discrepancy must name (appeals.md §4, Kabal v3).
SAKSBEHANDLING_PROVISIONS: Final[dict[str, ProvisionLabel]] = {
    "fvl. § 11": {"label_nb": "Veiledningsplikt", "label_nn": "Rettleiingsplikt"},
    "fvl. § 16": {"label_nb": "Forhåndsvarsling", "label_nn": "Førehandsvarsling"},
    "fvl. § 17": {"label_nb": "Utredningsplikt", "label_nn": "Utgreiingsplikt"},
    "fvl. §§ 17–19": {"label_nb": "Foreleggelse for uttalelse", "label_nn": "Førelegging for fråsegn"},
    "fvl. §§ 24–25": {"label_nb": "Begrunnelsesplikt", "label_nn": "Grunngjevingsplikt"},
    "fvl. §§ 28–33": {"label_nb": "Klage og klageforberedelse", "label_nn": "Klage og klagebuing"},
    "fvl. § 35": {"label_nb": "Omgjøring", "label_nn": "Omgjering"},
    "arkivloven §§ 5–6": {"label_nb": "Journalføringsplikt", "label_nn": "Journalføringsplikt"},
    "språklova § 9": {"label_nb": "Klart språk", "label_nn": "Klart språk"},
}

#: fvl. §§ 24–25 has three sub-points in Kabal v3 (appeals.md §4).
BEGRUNNELSE_SUBPOINTS: Final = (
    "siterer ikke reglene",
    "gjengir ikke faktum",
    "nevner ikke avgjørende hensyn",
)


class DiscrepancyCode(TypedDict):
    """One discrepancy code: the categories the diagnosis may propose for it (appeals.md §4's table; the
    jurist may reclassify to any of :data:`CATEGORIES`) and its name in the letter."""

    categories: tuple[str, ...]
    label_nb: str
    label_nn: str


#: The codes :mod:`workbench.appeal.diagnosis` emits (appeals.md §4, «Suggested discrepancy codes»).
DISCREPANCY_CODES: Final[dict[str, DiscrepancyCode]] = {
    "wrong-g": {"categories": (RETTSANVENDELSE,),
                "label_nb": "Feil grunnbeløp", "label_nn": "Feil grunnbeløp"},
    "g-applied-before-1-may": {"categories": (RETTSANVENDELSE,),
                               "label_nb": "Nytt grunnbeløp brukt før 1. mai",
                               "label_nn": "Nytt grunnbeløp brukt før 1. mai"},
    "wrong-factor": {"categories": (RETTSANVENDELSE,),
                     "label_nb": "Feil faktor", "label_nn": "Feil faktor"},
    "wrong-under-25": {"categories": (RETTSANVENDELSE,),
                       "label_nb": "Feil sats for deltaker under 25 år",
                       "label_nn": "Feil sats for deltakar under 25 år"},
    "wrong-barnetillegg": {"categories": (RETTSANVENDELSE, FAKTUM),
                           "label_nb": "Feil barnetillegg", "label_nn": "Feil barnetillegg"},
    "wrong-stonadsdager": {"categories": (RETTSANVENDELSE, FAKTUM),
                           "label_nb": "Feil antall stønadsdager", "label_nn": "Feil tal på stønadsdagar"},
    "wrong-hjemmel": {"categories": (LOVTOLKNING,),
                      "label_nb": "Feil hjemmel", "label_nn": "Feil heimel"},
    "wrong-reduction-method": {"categories": (RETTSANVENDELSE,),
                               "label_nb": "Feil reduksjonsmetode", "label_nn": "Feil reduksjonsmetode"},
    "non-coordinable-benefit-deducted": {"categories": (LOVTOLKNING,),
                                         "label_nb": "Fradrag for en ytelse som ikke skal samordnes",
                                         "label_nn": "Frådrag for ei yting som ikkje skal samordnast"},
    "absence-without-reservation": {"categories": (SAKSBEHANDLING,),
                                    "label_nb": "Trekk for fravær uten eget vedtak",
                                    "label_nn": "Trekk for fråvær utan eige vedtak"},
    "wrong-absence-reduction": {"categories": (RETTSANVENDELSE,),
                                "label_nb": "Feil trekk for fravær", "label_nn": "Feil trekk for fråvær"},
    "wrong-samordning": {"categories": (RETTSANVENDELSE,),
                         "label_nb": "Feil samordning", "label_nn": "Feil samordning"},
    "deduction-without-legal-basis": {"categories": (LOVTOLKNING,),
                                      "label_nb": "Fradrag uten hjemmel", "label_nn": "Frådrag utan heimel"},
    "wrong-gross": {"categories": (RETTSANVENDELSE,),
                    "label_nb": "Feil brutto stønad", "label_nn": "Feil brutto stønad"},
    "wrong-net": {"categories": (RETTSANVENDELSE,),
                  "label_nb": "Feil netto stønad", "label_nn": "Feil netto stønad"},
    "g-regulated-after-decision": {"categories": (INFORMATION,),
                                   "label_nb": "Grunnbeløpet ble regulert etter Nav-kontorets vedtak",
                                   "label_nn": "Grunnbeløpet vart regulert etter vedtaket frå Nav-kontoret"},
    "rounding": {"categories": (ROUNDING,),
                 "label_nb": "Avrundingsdifferanse", "label_nn": "Avrundingsdifferanse"},
}


def category_label(code: str | None, lang: str = "nb") -> str | None:
    """The heading label of category ``code`` in bokmål (``nb``) or nynorsk (``nn``); None if unknown."""
    if code is None or code not in ALL_CATEGORIES:
        return None
    category = ALL_CATEGORIES[code]
    return category["label_nn"] if lang == "nn" else category["label_nb"]


def category_in_letter(code: str | None, lang: str = "nb") -> str | None:
    """The short form of category ``code`` the letter uses inside a sentence («feil faktum»), in ``nb`` or
    ``nn``; None if unknown."""
    if code is None or code not in ALL_CATEGORIES:
        return None
    category = ALL_CATEGORIES[code]
    return category["letter_nn"] if lang == "nn" else category["letter_nb"]


def code_label(code: str | None, lang: str = "nb") -> str | None:
    """The name of discrepancy code ``code`` («Feil grunnbeløp») in ``nb`` or ``nn``; None if unknown."""
    if code is None or code not in DISCREPANCY_CODES:
        return None
    entry = DISCREPANCY_CODES[code]
    return entry["label_nn"] if lang == "nn" else entry["label_nb"]
