"""The four review topics (docs/appeals.md §3): facts, procedure, law, discretion.

Statsforvalteren «kan prøve alle sider av vedtaket» (sotjl § 48 first paragraph): facts (fvl § 17),
procedure (fvl § 34) and the application of the law are reviewed in full; Nav's fritt skjønn may be changed
only when it is «åpenbart urimelig» (sotjl § 48; rules.md R23). The findings of the other parts of the
review — discrepancies by category, procedural checks, ⚖ points by kind — are sorted under these four.
"""

from __future__ import annotations

from typing import Any, Final
from collections.abc import Iterable, Mapping

from workbench.appeal.discretion import FAKTUM as FAKTUM_POINT
from workbench.appeal.discretion import FRITT_SKJONN
from workbench.appeal.taxonomy import FAKTUM, NOT_ERRORS, SAKSBEHANDLING
from workbench.law.lovdata import lovdata_url
from workbench.law.model import NavDecision

#: (code, title nb, title nn, hjemmel, scope of the review)
REVIEW_TOPICS: Final = (
    ("faktum", "Faktum og utredning", "Faktum og utgreiing", "forvaltningsloven § 17", "full prøving"),
    ("saksbehandling", "Saksbehandling", "Sakshandsaming", "forvaltningsloven § 34", "full prøving"),
    ("rettsanvendelse", "Lovtolkning og rettsanvendelse", "Lovtolking og rettsbruk", "sosialtjenesteloven § 48",
     "full prøving; beregningen kan erstatte Navs"),
    ("skjonn", "Fritt skjønn", "Fritt skjønn", "sosialtjenesteloven § 48",
     "endres bare hvis skjønnet er «åpenbart urimelig»; ellers stadfeste eller oppheve"),
)

#: Procedural checks that belong under saksbehandling whatever category they propose: form (R21), the
#: underinstans (R22), processing time (A-10), dates (A-13), the klagefrist (A-07).
_PROCEDURAL_CHECKS = ("R21", "R22", "A-10", "A-13", "A-07")


def review_topics(
    decision: NavDecision,
    discrepancies: Iterable[Mapping[str, Any]],
    *,
    discretion: Iterable[Mapping[str, Any]] | None = None,
    checks: Iterable[Mapping[str, Any]] | None = None,
    comparison: Iterable[Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Sort the findings under the four review topics (guide 8.2): each topic gets its items — the
    discrepancies by category (rounding and information left out: not Nav's error), the procedural checks
    that are not ``ok``, the ⚖ points by kind. ``discrepancies`` are the review's rows (labelled,
    reclassified: :mod:`workbench.appeal.classification`). Where there are none, the differing
    rows of ``comparison`` (:func:`workbench.appeal.comparison.nav_vs_law`) stand in for them. The
    claimant's arguments are listed once, elsewhere."""
    items: dict[str, list[dict[str, Any]]] = {t[0]: [] for t in REVIEW_TOPICS}
    discrepancies = list(discrepancies)
    for d in discrepancies:
        cat = d.get("category")
        if cat in NOT_ERRORS:
            continue
        topic = {FAKTUM: "faktum", SAKSBEHANDLING: "saksbehandling"}.get(str(cat), "rettsanvendelse")
        items[topic].append({"source": "discrepancy", "code": d.get("code"), "period": d.get("period"),
                             "hjemmel": d.get("hjemmel"), "lovdata_url": lovdata_url(d.get("hjemmel")),
                             "category": cat})
    if not discrepancies and comparison is not None:
        for per in comparison:
            for row in per["rows"]:
                if row["differs"] and row["component"] != "net":
                    items["rettsanvendelse"].append({
                        "source": "comparison", "code": row["component"], "period": per["period"],
                        "hjemmel": row["hjemmel"], "lovdata_url": row["lovdata_url"],
                        "diagnosis": [x["code"] for x in row["diagnosis"]]})
    for c in checks or ():
        if c["status"] == "ok":
            continue
        if c.get("proposed_category") == SAKSBEHANDLING or c["id"] in _PROCEDURAL_CHECKS:
            topic = "saksbehandling"
        else:
            topic = "faktum" if c["status"] == "question" else "rettsanvendelse"
        items[topic].append({"source": "check", "code": c["code"], "id": c["id"], "hjemmel": c["hjemmel"],
                             "lovdata_url": c["lovdata_url"], "status": c["status"]})
    for p in discretion or ():
        topic = {FAKTUM_POINT: "faktum", FRITT_SKJONN: "skjonn"}.get(p["kind"], "rettsanvendelse")
        items[topic].append({"source": "discretion", "code": p["code"], "hjemmel": p["hjemmel"],
                             "lovdata_url": p["lovdata_url"], "kind": p["kind"]})
    return [{"code": code, "title_nb": nb, "title_nn": nn, "hjemmel": hjemmel, "lovdata_url": lovdata_url(hjemmel),
             "scope": scope, "items": items[code]}
            for code, nb, nn, hjemmel, scope in REVIEW_TOPICS]
