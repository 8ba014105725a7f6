"""Open the store: an engine from a URL, SQLite pragmas, tables created when missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from models.db import Base
from models.errors import StoreError
from models.migrate import add_missing_columns
from models.views import create_views

__all__ = ["StoreError", "open_existing_store", "open_store"]


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


def open_store(url: str, create: bool = True) -> Engine:
    """Return an engine for a SQLAlchemy URL (creating a SQLite file's folder and the tables)."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(
            f"cannot open store {url!r} ({exc}); pass --db a SQLAlchemy URL such as "
            "sqlite:///data/processed/recwatch.db or a file path, and install its driver"
        ) from exc
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
    if create:
        Base.metadata.create_all(engine)
        add_missing_columns(engine)  # a store written before a column was added
        create_views(engine)
    return engine


def open_existing_store(url: str) -> Engine:
    """Return an engine for a store that must already exist (a missing SQLite file is an error)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return open_store(url)  # reports the bad URL
    database = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if database not in (None, "", ":memory:") and not Path(str(database)).is_file():
        raise StoreError(
            f"no store at {database}; run `recwatch run` first, or point --db at an existing store"
        )
    return open_store(url)
