"""Keep concurrent writers apart: one `recwatch run` per store, and retries when SQLite is busy.

The run lock is an `fcntl.flock` on a file next to the SQLite database (`recwatch.db.lock`); the
kernel releases it when the holder exits, even on kill -9, so a stale lock never blocks a run.
On PostgreSQL it is a session-level advisory lock keyed by the database and schema, so runs on
different machines sharing one store are kept apart too; the server releases it when the holding
connection ends, however the run ends. For other databases the lock file lives in the data
directory's `processed/` folder, so it only keeps apart runs that share that folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from models.errors import StoreError
from pipeline.common.errors import PipelineError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

logger = logging.getLogger(__name__)

T = TypeVar("T")
LOCKED_MESSAGES = ("database is locked", "database table is locked", "database is busy")


def lock_path(db_url: str, fallback_dir: Path) -> Path | None:
    """Return the lock file guarding a store (None for an in-memory SQLite database)."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        database = Path(str(url.database))
        return database.with_name(database.name + ".lock")
    digest = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return fallback_dir / f"run-{digest}.lock"


# File descriptors of run locks this process holds: worker processes forked during a run close
# their copies (`release_inherited`), so that only the run itself ever holds its lock.
HELD: set[int] = set()


def release_inherited() -> None:
    """In a forked worker: drop its copies of the parent's lock files (never unlock them).

    Each descriptor is pointed at /dev/null rather than closed, so that its number is not
    reused for another file while the parent's file object still names it.
    """
    if not HELD:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in list(HELD):
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
    finally:
        os.close(null)
    HELD.clear()


@contextlib.contextmanager
def run_lock(db_url: str, fallback_dir: Path) -> Iterator[None]:
    """Hold the store's run lock for the duration of the block, or refuse with a clear error."""
    if db_url.startswith("postgresql"):
        with advisory_lock(db_url):
            yield
        return
    path = lock_path(db_url, fallback_dir)
    if path is None:
        yield
        return
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise PipelineError(
                f"another recwatch run (pid {holder}) is writing to this store ({path} is locked)",
                "wait for it to finish and run again; the lock is released when that run exits",
            ) from None
        HELD.add(fh.fileno())
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            yield
        finally:
            HELD.discard(fh.fileno())
            fcntl.flock(fh, fcntl.LOCK_UN)


# First key of the two-key advisory lock: recwatch's run lock ("rwru"); the second is the store.
ADVISORY_CLASS = 0x72777275
_STORE_KEY = "hashtext(current_database() || '.' || current_schema()) & 2147483647"


def _advisory_acquire(connection: Connection, shown: str) -> None:
    """Take the store's advisory lock on this connection's session, or refuse naming the holder."""
    from sqlalchemy import text

    got, key = connection.execute(
        text(f"SELECT pg_try_advisory_lock(:cls, {_STORE_KEY}), {_STORE_KEY}"),
        {"cls": ADVISORY_CLASS},
    ).one()
    connection.commit()  # the lock belongs to the session, not to this transaction
    if got:
        return
    holder = connection.scalar(
        text(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = :cls AND objid = :key AND objsubid = 2"
        ),
        {"cls": ADVISORY_CLASS, "key": key},
    )
    raise PipelineError(
        f"another recwatch run is writing to the store {shown} (its PostgreSQL advisory lock "
        f"is held by server process {holder or 'unknown'})",
        "wait for it to finish and run again; the lock is released when that run ends",
    )


def _locked_connection(engine: Engine) -> Connection:
    """Return a connection holding the store's advisory lock (closed again if it cannot)."""
    from sqlalchemy.exc import SQLAlchemyError

    shown = engine.url.render_as_string(hide_password=True)
    connection: Connection | None = None
    try:
        connection = engine.connect()
        _advisory_acquire(connection, shown)
    except BaseException as exc:
        if connection is not None:
            connection.close()
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(
                f"cannot lock the store {shown} for this run ({exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}); check that the server is running and the URL"
            ) from exc
        raise
    return connection


@contextlib.contextmanager
def advisory_lock(db_url: str) -> Iterator[None]:
    """Hold a PostgreSQL store's run lock (a session advisory lock) for the block, or refuse."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with _locked_connection(engine):  # closing the session releases its advisory locks
            yield
    finally:
        engine.dispose()


def is_locked_error(exc: BaseException) -> bool:
    """True for SQLite's "database is locked"/busy errors (worth retrying)."""
    from sqlalchemy.exc import OperationalError

    return isinstance(exc, OperationalError) and any(m in str(exc) for m in LOCKED_MESSAGES)


def retry_when_locked(
    action: Callable[[], T],
    what: str,
    attempts: int = 5,
    delay: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run a transaction, retrying it with backoff while the database reports it is locked.

    Safe because a failed transaction is rolled back whole. After the last attempt the error
    names the store and the fix.
    """
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except Exception as exc:
            if not is_locked_error(exc):
                raise
            if attempt == attempts:
                raise StoreError(
                    f"{what} stayed locked by another program through {attempts} attempts; "
                    "close other programs writing to it (e.g. an SQLite browser with unsaved "
                    "changes) and run again"
                ) from exc
            wait = delay * 2 ** (attempt - 1)
            logger.warning(
                "%s is locked; retrying in %.1f s (%d/%d)", what, wait, attempt, attempts
            )
            sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
