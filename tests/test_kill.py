"""A run killed with SIGKILL, at any of several moments, leaves no worker behind, the store
unlocked and as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES

from pipeline.common.faultpoint import FAULT_ENV

pytestmark = pytest.mark.skipif(
    not Path("/proc").is_dir(), reason="reads worker processes from /proc (Linux)"
)


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is pid."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- SIGKILL at several moments of a run -----------------------------------------------------

# Where a run is killed: "workers" while worker processes extract (seen in /proc); the others
# are pause points (pipeline/common/faultpoint.py): lock taken, extraction done, mid-load,
# pre-commit.
KILL_POINTS = ("locked", "workers", "extracted", "load", "commit")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A folder with one report (the store's first run) and one with enough to keep workers busy."""
    root = tmp_path_factory.mktemp("kill-inputs")
    first, more = root / "first", root / "more"
    first.mkdir()
    more.mkdir()
    build_report(FIXTURES["peel_force_report"](), first / "peel.pdf")
    for copy in range(2):
        for name, make in sorted(FIXTURES.items()):
            build_report(make(), more / f"{name}-{copy}.pdf")
    return first, more


def _run(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--data-dir", str(data), "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        children = _children(todo.pop())
        todo += children - found
        found |= children
    return found


def _mentioning(text: str) -> set[int]:
    """Live processes whose command line mentions `text` (the test's own data folder)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if text in cmdline and _alive(int(entry.name)):
                found.add(int(entry.name))
    return found


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return list(conn.iterdump())


def _kill_at(point: str, data: Path, more: Path, marker: Path) -> set[int]:
    """Start a run over `more`, SIGKILL it at `point`; return the processes it had."""
    env = {} if point == "workers" else {FAULT_ENV: f"{point}:{marker}"}
    run = _run(data, str(more), "--jobs", "2", "--no-cache", env=env)
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        seen |= _descendants(run.pid)
        if marker.exists() or (point == "workers" and len(seen) >= 2):
            break
        time.sleep(0.05)
    assert run.poll() is None, f"the run ended before {point}: {run.communicate()[0]}"
    assert point != "workers" or seen, "no worker process was seen"
    seen |= _descendants(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.communicate(timeout=30)
    return seen | {run.pid}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_run_killed_at_any_point_leaves_no_process_and_the_store_as_before(
    inputs: tuple[Path, Path], tmp_path: Path, point: str
) -> None:
    first, more = inputs
    data = tmp_path / "data"
    done = _run(data, str(first))
    out = done.communicate(timeout=300)[0]
    assert done.returncode == 0, out
    db = data / "processed" / "recwatch.db"
    before = _dump(db)

    processes = _kill_at(point, data, more, tmp_path / "paused")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (
        [p for p in processes if _alive(p)] or _mentioning(str(data))
    ):
        time.sleep(0.1)
    assert not [p for p in processes if _alive(p)], f"processes outlived the run killed at {point}"
    assert not _mentioning(str(data)), "a recwatch process is left"
    assert _dump(db) == before, f"the run killed at {point} changed the store"

    again = _run(data, str(more / "peel_force_report-0.pdf"), str(first))
    out = again.communicate(timeout=300)[0]
    assert again.returncode == 0, out
    assert "Run 2 (ok)" in out  # the killed run left no run behind, and no lock
