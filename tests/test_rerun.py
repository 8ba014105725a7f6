"""A re-run with nothing new is one more run row, recorded as the full loader would record it."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import make_item, make_result
from sqlalchemy import DateTime, Engine, select
from sqlalchemy.orm import Session

from models import db
from models.store import open_store
from pipeline.cli.main import cli
from pipeline.common.outcome import Outcome
from pipeline.store import load, rerun
from pipeline.store.corrections import CorrectionRequest, correct
from pipeline.store.rerun import repeat_last_run

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"


def _when(**changed: Any) -> dict[str, Any]:
    """A run's provenance, started now (corrections made before it are older)."""
    when = {"tool_version": "test", "git_revision": None, "settings": {"dateparser": "{}"}}
    return {"started_at": datetime.now(), **when, **changed}


@pytest.fixture
def url(store_url: str) -> str:
    """Each test runs on SQLite and on PostgreSQL (see tests/conftest.py)."""
    return store_url


def _outcomes() -> list[Outcome]:
    """Two reports, a byte-identical copy of the first and a file that failed."""
    first, second = make_result("a.pdf"), make_result("b.pdf")
    # Another title: on SQLite, two files of one publication in one run make a second full load
    # assign an item id twice (a loader bug, left to the loader's own branch).
    second = replace(second, metadata=replace(second.metadata, title="Another report"))
    return [
        Outcome(Path("in/a.pdf"), first, warnings=("a.pdf: a warning",), sha256=first.sha256),
        Outcome(Path("in/b.pdf"), second, sha256=second.sha256),
        Outcome(Path("in/copy-of-a.pdf"), first, sha256=first.sha256),
        Outcome(Path("in/bad.pdf"), error="in/bad.pdf: is not a PDF; fetch it again"),
    ]


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, clock columns left out."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in db.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if not isinstance(c.type, DateTime)]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(row) for row in rows]
    return tables


def _correct_first_item(url: str, engine: Engine) -> None:
    with Session(engine) as session:
        item_id = session.scalars(select(db.Item.id).order_by(db.Item.id)).first()
    assert item_id is not None
    correct(url, CorrectionRequest(item_id=item_id, by="analyst", text="Corrected wording."))


def test_repeat_writes_what_the_full_loader_writes(url: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'full.db'}"
    copied, full = open_store(url), open_store(other)
    for engine, where in ((copied, url), (full, other)):
        load.load_run(engine, _outcomes(), **_when())
        _correct_first_item(where, engine)  # a correction in force while the runs repeat
        load.load_run(engine, _outcomes(), **_when())
    repeated = repeat_last_run(copied, _outcomes(), **_when())
    loaded = load.load_run(full, _outcomes(), **_when())
    assert repeated is not None
    assert replace(repeated, db_url="") == replace(loaded, db_url="")
    assert repeated.new_versions == 0
    assert _dump(copied) == _dump(full)


def test_a_changed_item_is_loaded_not_repeated(url: str) -> None:
    engine = open_store(url)
    load.load_run(engine, _outcomes(), **_when())
    changed = _outcomes()
    result = changed[1].result
    assert result is not None
    edited = replace(result, items=(make_item("1", "The force should act sooner."),))
    changed[1] = replace(changed[1], result=edited)
    assert repeat_last_run(engine, changed, **_when()) is None


def test_no_repeat_after_a_correction_or_with_other_settings(url: str) -> None:
    engine = open_store(url)
    load.load_run(engine, _outcomes(), **_when())
    assert repeat_last_run(engine, _outcomes(), **_when(settings={"other": 1})) is None
    _correct_first_item(url, engine)
    assert repeat_last_run(engine, _outcomes(), **_when()) is None


def test_no_repeat_of_a_run_that_removed_items(url: str) -> None:
    engine = open_store(url)
    load.load_run(engine, _outcomes(), **_when())
    shorter = make_result("b.pdf", items=(make_item("1", "Chief constables should act."),))
    fewer = [Outcome(Path("in/b.pdf"), shorter, sha256=shorter.sha256)]
    assert load.load_run(engine, fewer, **_when()).counts["items_removed"] > 0
    assert repeat_last_run(engine, fewer, **_when()) is None  # the removal is worked out again
    load.load_run(engine, fewer, **_when())
    assert repeat_last_run(engine, fewer, **_when()) is not None


def _counts(store: Path) -> tuple[int, int, int]:
    with sqlite3.connect(store) as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("runs", "item_versions", "run_items")
        )


def test_warm_rerun_writes_one_run_row_and_the_usual_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    store = data / "processed" / "recwatch.db"
    args = ["--data-dir", str(data), "run", str(SAMPLES)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    runs, versions, run_items = _counts(store)
    with monkeypatch.context() as patched:
        patched.setattr(rerun, "repeat_last_run", lambda *_a, **_k: None)
        loaded = CliRunner().invoke(cli, args)
    repeated = CliRunner().invoke(cli, args)
    assert repeated.exit_code == loaded.exit_code == 0
    assert _counts(store) == (runs + 2, versions, run_items * 3)
    assert repeated.stdout.startswith(f"Run {runs + 2} (ok)")
    assert f"New item versions: 0 ({run_items} unchanged)" in repeated.stdout
    assert repeated.stdout.replace(f"Run {runs + 2}", "Run N") == loaded.stdout.replace(
        f"Run {runs + 1}", "Run N"
    )
