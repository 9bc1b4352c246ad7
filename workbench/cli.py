"""The ``workbench`` command line.

A Flask ``FlaskGroup`` so that app-bound commands (``db``, ``user``, ``import``, ``demo``, ``run``)
get the application, while the pure ones (``evaluate``, ``letter``) run without loading it —
Flask resolves registered commands before it tries to build the app.

Each area adds its commands in ``workbench/commands/<area>.py`` through ``register(group)``.
"""

from __future__ import annotations

import importlib

import click
from flask.cli import FlaskGroup

COMMAND_MODULES = ("evaluate", "letter", "app_commands", "archive", "extract", "documents")


def _create_app():
    from workbench import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, load_dotenv=False)
def main() -> None:
    """Klagebenk — klagesaker om kvalifiseringsstønad."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"workbench.commands.{_name}")
    except ModuleNotFoundError as exc:  # an area not built yet must not break the others
        if exc.name != f"workbench.commands.{_name}":
            raise
        continue
    _module.register(main)
