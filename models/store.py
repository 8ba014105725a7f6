"""Open the store: an engine from a URL, SQLite pragmas, the schema migrated to the current one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from models.errors import StoreError
from models.migrate import Upgrade, current_revision, ensure_current, upgrade
from models.views import create_views

__all__ = ["StoreError", "open_existing_store", "open_store", "store_revision", "upgrade_store"]


def _sqlite_pragmas(engine: Engine) -> None:
    """Enable WAL and foreign keys, and let SQLAlchemy (not pysqlite) issue BEGIN.

    pysqlite starts transactions lazily before DML only; issuing BEGIN ourselves makes a whole
    `Session.begin()` block (DDL included) one transaction that commits or rolls back as a unit.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def _shown(url: str) -> str:
    """Return the URL for messages, its password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_store(url: str, create: bool = True) -> Engine:
    """Return an engine for a SQLAlchemy URL, the store created or migrated to head.

    A SQLite file's folder is created; `create=False` returns the engine without touching the
    schema. PostgreSQL needs the `postgres` extra (`postgresql+psycopg://user@host/db`).
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            if create:
                _create_sqlite_file(Path(parsed.database))
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as exc:
        if url.startswith("postgresql") and isinstance(exc, ModuleNotFoundError):
            raise StoreError(
                f"cannot open store {_shown(url)!r}: the PostgreSQL driver is not installed "
                f"({exc}); install it with `pip install 'recwatch[postgres]'`"
            ) from exc
        raise StoreError(
            f"cannot open store {_shown(url)!r} ({exc}); pass --db a SQLAlchemy URL such as "
            "sqlite:///data/processed/recwatch.db or a file path, and install its driver"
        ) from exc
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
    if create:
        try:
            ensure_current(engine)  # a new store is created by migrating it to head
            create_views(engine)
        except BaseException:
            engine.dispose()
            raise
    return engine


def _create_sqlite_file(path: Path) -> None:
    """Create a missing SQLite file with the mode the umask gives (SQLite itself uses 0644).

    Its -wal and -shm files take the database file's mode, so a team's umask 0002 makes the
    whole store group-writable.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))


def _require_existing(url: str) -> None:
    """Raise when the URL names a SQLite file that does not exist (opening would create it)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # open_store reports the bad URL
    database = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if database not in (None, "", ":memory:") and not Path(str(database)).is_file():
        raise StoreError(
            f"no store at {database}; run `recwatch run` first, or point --db at an existing store"
        )


def open_existing_store(url: str) -> Engine:
    """Return an engine for a store that must already exist (a missing SQLite file is an error)."""
    _require_existing(url)
    return open_store(url)


def upgrade_store(url: str) -> Upgrade:
    """Create or upgrade the store at a URL to the newest schema; say what was done."""
    engine = open_store(url, create=False)
    try:
        done = upgrade(engine)
        create_views(engine)
    finally:
        engine.dispose()
    return done


def store_revision(url: str) -> str | None:
    """Return the schema revision of an existing store (None: not created by recwatch yet)."""
    _require_existing(url)
    engine = open_store(url, create=False)
    try:
        return current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot read the store {_shown(url)} ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}); check the URL and that the server is running"
        ) from exc
    finally:
        engine.dispose()
