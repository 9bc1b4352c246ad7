"""The appeal: what Statsforvalteren makes of the law's result — the diagnosis of Nav's errors and their
category, admissibility, the points of discretion (⚖) and the outcome. Pure Python, no Flask, no database.
The specification is docs/appeals.md."""
