"""The jurist's classification of a discrepancy (docs/appeals.md §4: «the engine proposes, the jurist may
reclassify with a reason»).

The diagnosis (:mod:`workbench.appeal.diagnosis`) proposes a category of :mod:`workbench.appeal.taxonomy`
for each discrepancy; here the page gets the discrepancies with their labels, and a reclassification is
checked and applied: a known category, a reason, and — for a ``saksbehandling`` error — the procedural rule
that was broken (Kabal v3 records the fvl. provision). Every change keeps the engine's proposal beside it.
"""

from __future__ import annotations

import copy
from typing import Any
from collections.abc import Iterable, Mapping

from workbench.appeal.taxonomy import (
    CATEGORIES,
    SAKSBEHANDLING,
    SAKSBEHANDLING_PROVISIONS,
    TAXONOMY_VERSION,
    category_label,
)
from workbench.formats.evaluation_json import DiscrepancyRecord
from workbench.law.lovdata import lovdata_url


class ClassificationError(ValueError):
    """A reclassification was refused. ``errors`` is a list of ``(field, reason)``."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{f}: {r}" for f, r in errors))


def reclassification_errors(category: str, reason: str | None,
                            fvl_provision: str | None = None) -> list[tuple[str, str]]:
    """Every reason a reclassification to ``category`` cannot stand, as ``(field, reason)``; empty if it
    can. A category of the taxonomy, a reason, and for ``saksbehandling`` a known procedural rule (and
    only for it: the other categories name no fvl. provision)."""
    errors: list[tuple[str, str]] = []
    if category not in CATEGORIES:
        errors.append(("category", f"ukjent kategori «{category}»; gyldige: {', '.join(CATEGORIES)}"))
    if not reason or not reason.strip():
        errors.append(("reason", "begrunnelse for omklassifisering mangler"))
    if category == SAKSBEHANDLING:
        if not fvl_provision:
            errors.append(("fvl_provision", "saksbehandlingsfeil krever hvilken regel som er brutt "
                           f"({', '.join(SAKSBEHANDLING_PROVISIONS)})"))
        elif fvl_provision not in SAKSBEHANDLING_PROVISIONS:
            errors.append(("fvl_provision", f"ukjent saksbehandlingsregel «{fvl_provision}»"))
    elif fvl_provision:
        errors.append(("fvl_provision", "bare en saksbehandlingsfeil har en fvl.-regel"))
    return errors


def reclassify(
    discrepancy: Mapping[str, Any],
    category: str,
    reason: str,
    *,
    fvl_provision: str | None = None,
    by: str | None = None,
) -> dict[str, Any]:
    """The jurist's reclassification of one discrepancy.

    Returns a new dict: the discrepancy with ``category`` replaced, ``proposed_category`` keeping the
    engine's proposal, and ``reclassification`` = ``{from, to, reason, fvl_provision, fvl_url, by,
    taxonomy_version}``. Raises :class:`ClassificationError` listing every problem at once
    (:func:`reclassification_errors`). Re-classifying to the same category is allowed (a confirmation
    with reasons).
    """
    errors = reclassification_errors(category, reason, fvl_provision)
    if errors:
        raise ClassificationError(errors)
    out = copy.deepcopy(dict(discrepancy))
    out["proposed_category"] = discrepancy.get("proposed_category", discrepancy.get("category"))
    out["category"] = category
    out["category_label_nb"] = category_label(category, "nb")
    out["category_label_nn"] = category_label(category, "nn")
    out["reclassification"] = {
        "from": discrepancy.get("category"),
        "to": category,
        "reason": reason.strip(),
        "fvl_provision": fvl_provision,
        "fvl_url": lovdata_url(fvl_provision) if fvl_provision else None,
        "by": by,
        "taxonomy_version": TAXONOMY_VERSION,
    }
    return out


def label_discrepancies(discrepancies: Iterable[DiscrepancyRecord]) -> list[dict[str, Any]]:
    """The engine's discrepancies as the review's rows: the record's fields (``period`` as the output
    contract names it, ``nav``/``correct`` as read), the proposed category kept, category labels (nb/nn)
    and the provision's Lovdata link added. :func:`reclassify` changes a row."""
    return [{"code": d.code, "period": d.period, "hjemmel": d.hjemmel, "component": d.component,
             "nav": d.nav, "correct": d.correct, "category": d.category, "explanation": d.explanation,
             "proposed_category": d.category,
             "category_label_nb": category_label(d.category, "nb"),
             "category_label_nn": category_label(d.category, "nn"),
             "lovdata_url": lovdata_url(d.hjemmel)}
            for d in discrepancies]
