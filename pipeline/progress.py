"""Progress of multi-document work on stderr: a rich bar on a terminal, or JSON lines.

`--progress auto` (the default) shows the bar only when stderr is a terminal; `json` writes one
line per finished document for schedulers; `none` is quiet. Data stays on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from pipeline.extract import Outcome, Progress

PROGRESS_MODES = ("auto", "bar", "json", "none")


class _Counter:
    """Documents and pages done, and the rates and time left they imply."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.pages = 0

    def add(self, outcome: Outcome) -> None:
        """Count a finished document's pages."""
        self.pages += outcome.result.pages if outcome.result is not None else 0

    def rates(self, done: int, total: int) -> tuple[float, float | None]:
        """Pages per second so far, and the seconds left at the documents' pace."""
        elapsed = max(time.monotonic() - self.started, 1e-6)
        eta = elapsed / done * (total - done) if done else None
        return self.pages / elapsed, eta


def json_progress(stream: TextIO) -> Progress:
    """A callback writing one JSON line per finished document to `stream`."""
    counter = _Counter()

    def report(done: int, total: int, outcome: Outcome) -> None:
        counter.add(outcome)
        pages_per_s, eta = counter.rates(done, total)
        line = {
            "event": "document",
            "done": done,
            "total": total,
            "file": str(outcome.path),
            "ok": outcome.ok,
            "pages": counter.pages,
            "pages_per_s": round(pages_per_s, 1),
            "eta_s": None if eta is None else round(eta, 1),
        }
        stream.write(json.dumps(line) + "\n")
        stream.flush()

    return report


@contextmanager
def _bar(stream: TextIO) -> Iterator[Progress]:
    """A rich progress bar on stderr: documents done/total, pages/s and the time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    counter = _Counter()
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents · {task.fields[rate]:.1f} pages/s · ETA"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )
    task = bar.add_task("extracting", total=None, rate=0.0)

    def report(done: int, total: int, outcome: Outcome) -> None:
        counter.add(outcome)
        bar.update(task, total=total, completed=done, rate=counter.rates(done, total)[0])

    with bar:
        yield report


@contextmanager
def progress_reporter(mode: str, stream: Any = None) -> Iterator[Progress | None]:
    """The progress callback in `mode` (auto, bar, json, none); auto is a bar on a terminal."""
    err = stream or sys.stderr
    if mode == "json":
        yield json_progress(err)
    elif mode == "bar" or (mode == "auto" and err.isatty()):
        with _bar(err) as report:
            yield report
    else:
        yield None
