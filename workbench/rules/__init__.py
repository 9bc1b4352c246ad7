"""The law of kvalifiseringsstønad as code — pure Python, no Flask, no database.

One module per provision (``s35_stonad`` … ``s38_samordning``, ``klage``); parameters as dated
data in ``parameters/``; the pipeline in ``evaluation``. See docs/rules.md.
"""
