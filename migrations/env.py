"""Alembic environment for Klagebenk: the SQLModel metadata of ``workbench.db`` (``models`` and ``appeal_models``)."""

from __future__ import annotations

import logging.config
import os

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import workbench.db  # noqa: F401  (registers every table: models and appeal_models)
from workbench.config import default_database_url, normalise_database_url

config = context.config
if config.config_file_name and config.attributes.get("configure_logging", True):
    logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata

#: The database's own full-text machinery for the archive search (migration 0010): an FTS5 table and its
#: shadow tables on SQLite, a generated tsvector column and its GIN index on PostgreSQL. None is a model
#: object, so the comparison of models and migrations leaves them out.
FULL_TEXT = ("archive_search_fts", "ix_archive_search_document")
#: The open cases' partial indexes in deadline order (migration 0012): NULLS FIRST on PostgreSQL only, which no
#: single model declaration renders on both databases; tests/db/test_open_case_indexes.py checks them instead.
OPEN_CASE_INDEXES = ("ix_cases_open_deadline", "ix_cases_open_assigned")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    if type_ == "column" and name == "document" and getattr(obj, "table", None) is not None \
            and obj.table.name == "archive_search":
        return False
    return not (name or "").startswith(FULL_TEXT + OPEN_CASE_INDEXES)


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    env = os.environ.get("DATABASE_URL")
    if env:
        return normalise_database_url(env)
    from pathlib import Path

    return default_database_url(Path(__file__).resolve().parents[1] / "instance")


def run_migrations_offline() -> None:
    url = _url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"), compare_type=True,
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = _url()
    connectable = engine_from_config({"sqlalchemy.url": url}, prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=url.startswith("sqlite"), compare_type=True,
                      include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
