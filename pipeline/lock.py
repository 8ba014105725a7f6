"""Keep concurrent writers apart: one `recwatch run` per store, and retries when SQLite is busy.

The run lock is an `fcntl.flock` on a file next to the SQLite database (`recwatch.db.lock`); the
kernel releases it when the holder exits, even on kill -9, so a stale lock never blocks a run.
For other databases (PostgreSQL, ...) the lock file lives in the data directory's `processed/`
folder, so it only keeps apart runs that share that folder; runs on other machines rely on the
database's own transactions.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from models.errors import StoreError
from pipeline.errors import PipelineError

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


@contextlib.contextmanager
def run_lock(db_url: str, fallback_dir: Path) -> Iterator[None]:
    """Hold the store's run lock for the duration of the block, or refuse with a clear error."""
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
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


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
