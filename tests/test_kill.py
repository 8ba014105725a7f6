"""A run killed with SIGKILL leaves no worker behind, the store unlocked and as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES

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


def _recwatch(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "--db", db, *args]


def test_killing_a_run_leaves_no_worker_and_no_lock(tmp_path: Path) -> None:
    pdfs = tmp_path / "in"
    pdfs.mkdir()
    for copy in range(3):  # enough documents that workers are busy when the run is killed
        for name, make in sorted(FIXTURES.items()):
            build_report(make(), pdfs / f"{name}-{copy}.pdf")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run = subprocess.Popen(
        _recwatch(db, "run", str(pdfs), "--jobs", "2", "--no-cache"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
        workers |= _children(run.pid)
        time.sleep(0.05)
    assert workers, "the run finished before its workers could be seen"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "workers outlived the killed run"
    again = subprocess.run(
        _recwatch(db, "run", str(pdfs / "peel_force_report-0.pdf")),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert "Run 1 (ok)" in again.stdout  # the killed run left nothing in the store
