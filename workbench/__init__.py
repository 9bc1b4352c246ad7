"""Klagebenk — Statsforvalterens arbeidsbenk for klager på vedtak om kvalifiseringsstønad.

This module stays light on purpose: importing ``workbench.rules`` (the law) must not pull in
Flask or the database. ``create_app`` imports the web layer only when called.
"""


def create_app(config=None):
    """Application factory (see ``workbench.app``)."""
    from workbench.app import create_app as _create_app

    return _create_app(config)
