"""The same commands give the same answers on a PostgreSQL store as on a SQLite one, and the
run lock keeps two runs apart on PostgreSQL too (an advisory lock instead of a lock file)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pgstore import pg_schema_url

from models.errors import StoreError
from models.store import open_store
from pipeline.cli.main import cli
from pipeline.common.errors import PipelineError
from pipeline.run import lock

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
_TIMES = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")


def _session(data: Path, url: str) -> dict[str, str]:
    """Run the samples in twice, correct and reject an item, and collect what commands print."""
    runner = CliRunner()

    def out(*args: str) -> str:
        result = runner.invoke(cli, ["--data-dir", str(data), "--db", url, *args])
        assert result.exit_code == 0, result.stderr
        return _TIMES.sub("<time>", result.stdout.replace(url, "<store>"))

    seen = {"run": out("run", str(data / "raw" / "samples"), "--jobs", "1")}
    items = json.loads(out("items", "--json"))["items"]
    first, second = items[0]["id"], items[1]["id"]
    seen["correct"] = out("correct", first, "--deadline", "2027-01-31", "--by", "a", "--note", "x")
    seen["reject"] = out("correct", second, "--reject", "--by", "a")
    seen["rerun"] = out("run", str(data / "raw" / "samples"), "--jobs", "1")
    for name, args in {
        "items": ("items", "--json"),
        "forces": ("items", "--json", "--for-forces", "--publisher", "hmic"),
        "export": ("export", "--format", "json"),
        "csv": ("export", "--format", "csv", "--since", "2023-06-01"),
        "runs": ("runs", "--json"),
        "diff": ("diff", "1", "2", "--json"),
        "reviews": ("reviews",),
    }.items():
        seen[name] = out(*args)
    return seen


def test_a_postgresql_store_answers_exactly_like_sqlite(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLES, data / "raw" / "samples")
    with pg_schema_url() as url:
        sqlite = _session(data, f"sqlite:///{tmp_path / 'store.db'}")
        postgres = _session(data, url)
    assert len(json.loads(sqlite["items"])["items"]) > 10
    assert sqlite == postgres


def test_a_second_run_on_a_postgresql_store_is_refused_while_one_holds_it(tmp_path: Path) -> None:
    with pg_schema_url() as url:
        with (
            lock.run_lock(url, tmp_path),
            pytest.raises(PipelineError) as refused,
            lock.run_lock(url, tmp_path),
        ):
            pass
        assert "another recwatch run is writing to the store postgresql" in str(refused.value)
        assert "advisory lock is held by server process " in str(refused.value)
        with lock.run_lock(url, tmp_path):  # released when the first run ended
            pass
        assert not list(tmp_path.iterdir())  # no lock file: the server holds the lock


def test_runs_on_other_postgresql_stores_are_not_blocked(tmp_path: Path) -> None:
    with (
        pg_schema_url() as one,
        pg_schema_url() as other,
        lock.run_lock(one, tmp_path),
        lock.run_lock(other, tmp_path),
    ):
        pass


def test_a_missing_postgresql_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    url = "postgresql+psycopg://analyst:s3cret@dbhost/recwatch"
    with pytest.raises(StoreError) as refused:
        open_store(url)
    message = str(refused.value)
    assert "postgresql+psycopg://analyst:***@dbhost/recwatch" in message
    assert "s3cret" not in message
    assert "install it with `pip install 'recwatch[postgres]'`" in message
