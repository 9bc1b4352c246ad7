"""The law of kvalifiseringsstønad as code — pure Python, exact, no Flask, no database.

One module per provision holding its whole rule: ``sotjl_35`` (the stønad), ``sotjl_36`` (absence),
``sotjl_37`` (income-giving work), ``sotjl_38`` (samordning), ``fvl_klagefrist`` (the appeal deadline);
parameters as dated data in ``parameters/``; the pipeline period → § 35 → § 36 → § 37 → § 38 → net in
``pipeline``. The specification is docs/rules.md.
"""
