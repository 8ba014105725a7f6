"""Loading grows linearly: what a document costs does not depend on how much the store holds.

Counted three ways on synthetic one-page reports (no PDFs): SQL statements, SQLite virtual
machine instructions (rows scanned show up there even when the statement count stays put, as
when every document re-read the whole documents table) and CPU time.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from models import db
from models.ids import publication_key
from models.store import open_store
from pipeline.evaluate.bench import load_synthetic, synthetic_result
from pipeline.store.corrections import CorrectionRequest, make_correction

STORE = 1000  # documents in the large store
BATCH = 100  # new documents loaded into it
INSTRUCTIONS = 100  # SQLite VM instructions between two progress-handler calls


@dataclass
class Cost:
    """What one load cost: statements sent, SQLite VM instructions (in hundreds), CPU seconds."""

    statements: int = 0
    steps: int = 0
    cpu: float = 0.0

    def tick(self) -> int:
        """Progress handler: count, and return 0 so that SQLite carries on."""
        self.steps += 1
        return 0

    def count(self, conn: Any, *_args: Any) -> None:
        """before_cursor_execute: count the statement and watch the VM on its connection."""
        self.statements += 1
        conn.connection.dbapi_connection.set_progress_handler(self.tick, INSTRUCTIONS)


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _load(path: Path, numbers: range, *, counted: bool = True) -> Cost:
    """Load synthetic documents with these numbers into the store at `path` as one run."""
    engine = open_store(_url(path))
    cost = Cost()
    if counted:
        event.listen(engine, "before_cursor_execute", cost.count)
    try:
        start = time.process_time()  # CPU time: other jobs on the machine do not count
        load_synthetic(engine, [synthetic_result(n) for n in numbers])
        cost.cpu = time.process_time() - start
    finally:
        engine.dispose()  # closes the connection: the WAL is checkpointed into the file
    return cost


def _rows(path: Path, table: type[db.Base]) -> int:
    engine = open_store(_url(path))
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(table)) or 0
    finally:
        engine.dispose()


@dataclass(frozen=True)
class Store:
    """A store of STORE documents, loaded in one run, and what that run cost."""

    path: Path
    cost: Cost

    def copy(self, to: Path) -> Path:
        """Copy the store file (a test then writes to its own copy)."""
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path, to)
        return to


def _correct(path: Path, numbers: range) -> None:
    """Correct the text of recommendation 1 of these documents (corrections in force)."""
    engine = open_store(_url(path))
    try:
        with Session(engine) as session, session.begin():
            for n in numbers:
                meta = synthetic_result(n).metadata
                key = publication_key(meta.publisher, meta.title, "")
                request = CorrectionRequest(f"{key}:recommendation:1", by="test", text="Fixed.")
                make_correction(session, request, datetime(2026, 1, 2))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Documents 0..STORE-1 loaded into a new store in one run, every third one corrected."""
    path = tmp_path_factory.mktemp("large") / "store.db"
    cost = _load(path, range(STORE))
    _correct(path, range(0, STORE, 3))
    return Store(path, cost)


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A new store, migrated once (copies of it skip the migrations)."""
    path = tmp_path_factory.mktemp("empty") / "store.db"
    open_store(_url(path)).dispose()
    return Store(path, Cost())


def test_statements_for_a_batch_do_not_depend_on_the_store(
    empty: Store, large: Store, tmp_path: Path
) -> None:
    none = _load(empty.copy(tmp_path / "empty.db"), range(STORE, STORE + BATCH))
    into_large = _load(large.copy(tmp_path / "large.db"), range(STORE, STORE + BATCH))
    assert _rows(tmp_path / "large.db", db.Document) == STORE + BATCH
    assert _rows(tmp_path / "large.db", db.Correction) == len(range(0, STORE, 3))
    assert into_large.statements <= none.statements + 5
    # the large store's publication keys and corrections are read once a run, not per document
    assert into_large.steps <= 1.25 * none.steps


def test_two_thousand_documents_cost_a_constant_per_document(large: Store, tmp_path: Path) -> None:
    second = _load(large.copy(tmp_path / "large.db"), range(STORE, 2 * STORE))
    assert _rows(tmp_path / "large.db", db.Document) == 2 * STORE
    first = large.cost  # the first thousand went into an empty store
    assert second.statements <= first.statements + 5
    assert second.statements / STORE <= 15  # 11 today: a document and its 3 items
    assert second.steps <= 1.25 * first.steps


def test_loading_into_a_large_store_takes_no_longer(
    empty: Store, large: Store, tmp_path: Path
) -> None:
    # CPU time, best of interleaved repeats: a busy machine slows both sides, and only ever up
    into_empty: list[float] = []
    into_large: list[float] = []
    for repeat in range(3):
        batch = range(STORE + repeat * BATCH, STORE + (repeat + 1) * BATCH)
        copy = empty.copy(tmp_path / f"empty{repeat}.db")
        into_empty.append(_load(copy, batch, counted=False).cpu)
        copy = large.copy(tmp_path / f"large{repeat}.db")
        into_large.append(_load(copy, batch, counted=False).cpu)
    assert min(into_large) <= 1.5 * min(into_empty), (into_empty, into_large)
