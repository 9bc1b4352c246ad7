"""The appeal: what Statsforvalteren makes of the law's result. Pure Python, no Flask, no database. The
specification is docs/appeals.md (and rules.md R18–R27).

* :mod:`~workbench.appeal.evaluation` — a contested decision evaluated: the law per period, Nav's figures
  diagnosed, admissibility, the flags;
* :mod:`~workbench.appeal.taxonomy` — the one taxonomy of Nav's errors: categories (Kabal v3) and codes
  (appeals.md §4);
* :mod:`~workbench.appeal.diagnosis` — the one diagnosis of Nav's errors, per payment period;
* :mod:`~workbench.appeal.classification` — the jurist's reclassification of a discrepancy;
* :mod:`~workbench.appeal.comparison` — Nav ↔ loven per period and component, with the diagnosis placed;
* :mod:`~workbench.appeal.admissibility` — may the appeal be heard (fvl §§ 28–32), the klagefrist explained
  (the computation is :func:`workbench.law.fvl_klagefrist.compute`);
* :mod:`~workbench.appeal.checks` — the procedural checks A-01 … A-13, R21, R22;
* :mod:`~workbench.appeal.discretion` — every ⚖ point the case touches;
* :mod:`~workbench.appeal.review_topics` — the findings under the four review topics (appeals.md §3);
* :mod:`~workbench.appeal.outcome` — the suggested outcome, its blocks, reformatio in peius (fvl § 34);
* :mod:`~workbench.appeal.dates` — age on a day.
"""
