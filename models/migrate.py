"""Bring a store to the current schema with the Alembic revisions in `models/migrations/`.

Run through Alembic's API on a connection (no alembic.ini). `ensure_current` is what opening a
store does: a new store is created by upgrading it to head, a store at an older revision is
upgraded, and a store written before migrations existed (recwatch tables, no `alembic_version`)
is matched against the schema of each revision, stamped with the newest one it has in full and
upgraded from there. The views are dropped before an upgrade (SQLite cannot copy a table a view
reads; PostgreSQL cannot drop a column one reads) and re-created by `models.store`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from models.errors import StoreError
from models.tables import metadata
from models.views import drop_views

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

# The newest revision in `migrations/versions/`: opening a store at it needs no Alembic import
# (a test checks it against the revision files).
HEAD = "0004"
MIGRATIONS = Path(__file__).with_name("migrations")
# pg_advisory_xact_lock key taken while migrating, so two clients opening one new PostgreSQL
# store at once do not both create its tables ("rwmg").
MIGRATION_LOCK_KEY = 0x72776D67


@dataclass(frozen=True, slots=True)
class Upgrade:
    """What an upgrade did: the revision before (None: a new store), the one stamped, the last."""

    before: str | None
    stamped: str | None
    after: str


def alembic_config(connection: Connection | None = None) -> Config:
    """Return an Alembic configuration for the shipped revisions, bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("file_template", "rev%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def revisions() -> tuple[str, ...]:
    """Return every revision id, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def head_revision() -> str:
    """Return the newest revision id (the schema of `models/tables.py`)."""
    return HEAD


def _stored_revision(connection: Connection) -> str | None:
    """Return the revision in the store's `alembic_version` table (None: no such table)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return None if revision is None else str(revision)


def current_revision(engine: Engine) -> str | None:
    """Return the store's revision, or None when it has no `alembic_version` table."""
    with engine.connect() as connection:
        return _stored_revision(connection)


def _store_label(engine: Engine) -> str:
    """Return the store's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def _recwatch_tables(connection: Connection) -> dict[str, set[str]]:
    """Return recwatch's tables present in the store, each with its column names."""
    inspector = inspect(connection)
    ours = set(metadata.tables)
    return {
        name: {column["name"] for column in inspector.get_columns(name)}
        for name in inspector.get_table_names()
        if name in ours
    }


@lru_cache(maxsize=1)
def revision_schemas() -> tuple[tuple[str, dict[str, set[str]]], ...]:
    """Return (revision, tables with their columns) for every revision, built in scratch SQLite."""
    from alembic import command

    engine = create_engine("sqlite://")
    schemas: list[tuple[str, dict[str, set[str]]]] = []
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            for revision in revisions():
                command.upgrade(config, revision)
                schemas.append((revision, _recwatch_tables(connection)))
    finally:
        engine.dispose()
    return tuple(schemas)


def _legacy_revision(label: str, tables: dict[str, set[str]]) -> str:
    """Return the newest schema a pre-migration store has in full (its first revision)."""
    matched: str | None = None
    matched_schema: dict[str, set[str]] | None = None
    for revision, schema in revision_schemas():
        has_all = all(columns <= tables.get(name, set()) for name, columns in schema.items())
        if has_all and schema != matched_schema:  # data-only revisions after it are still to run
            matched, matched_schema = revision, schema
    if matched is None:
        missing: list[str] = []
        for name, columns in revision_schemas()[0][1].items():
            if name not in tables:
                missing.append(name)
            else:
                missing.extend(f"{name}.{column}" for column in sorted(columns - tables[name]))
        raise StoreError(
            f"the store {label} has recwatch tables but not the first schema "
            f"(missing: {', '.join(missing)}); it was not written by "
            "recwatch or is damaged: point --db at a new store and run `recwatch run` again"
        )
    return matched


@contextlib.contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    """Yield a connection in one transaction for migrating, serialised against other clients.

    On SQLite, foreign keys are switched off around it (as SQLite's own procedure for altering
    tables asks: batch mode copies tables) and checked before the commit.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:  # must happen outside a transaction, so on the driver's connection
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise StoreError(
                            f"migrating {_store_label(engine)} would break {len(broken)} "
                            f"foreign key(s) (first: {tuple(broken[0])}); nothing was changed"
                        )
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def upgrade(engine: Engine, revision: str = "head") -> Upgrade:
    """Upgrade the store to a revision (default head), stamping a pre-migration store first."""
    from alembic import command

    label = _store_label(engine)
    target = head_revision() if revision == "head" else revision
    try:
        with _migration_connection(engine) as connection:
            before = _stored_revision(connection)
            stamped: str | None = None
            config = alembic_config(connection)
            if before is None and (tables := _recwatch_tables(connection)):
                stamped = _legacy_revision(label, tables)
                command.stamp(config, stamped)
                logger.info("store %s predates migrations: stamped revision %s", label, stamped)
            if (stamped or before) != target:
                drop_views(connection)
                command.upgrade(config, target)
                logger.info("store %s upgraded from %s to %s", label, stamped or before, target)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot upgrade the store {label} to revision {target}: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}; nothing was changed (the upgrade is one transaction)"
        ) from exc
    return Upgrade(before=before, stamped=stamped, after=target)


def ensure_current(engine: Engine) -> None:
    """Upgrade the store to head unless it is there; refuse a store from a newer recwatch."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot read the store {_store_label(engine)} ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}); check the URL, that the server is running and the "
            "credentials"
        ) from exc
    if current == head_revision():
        return
    if current is not None and current not in revisions():
        raise StoreError(
            f"the store {_store_label(engine)} is at schema revision {current}, which this "
            f"recwatch does not know (its newest is {head_revision()}): it was written by a "
            "newer recwatch; upgrade recwatch"
        )
    upgrade(engine)


def draft_revision(engine: Engine, message: str) -> Path:
    """Write a draft revision (autogenerated against `engine`, batch mode on SQLite) to review."""
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config(connection)
        rev_id = f"{int(head_revision()) + 1:04d}"
        script = command.revision(config, message, autogenerate=True, rev_id=rev_id)
    if script is None or isinstance(script, list):
        raise StoreError(f"alembic wrote no single revision for {message!r}")
    return Path(script.path)
