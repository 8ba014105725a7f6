"""Progress of multi-document work on stderr: a rich bar on a terminal, or JSON lines.

`--progress auto` (the default) shows the bar only when stderr is a terminal; `json` writes one
line per finished document for schedulers; `none` is quiet. Data stays on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from pipeline.common.outcome import Outcome, Progress

PROGRESS_MODES = ("auto", "bar", "json", "none")
# A fetch's progress: publications done, publications to look at, the one just done.
FetchProgress = Callable[[int, int, str], None]


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


def _rich_bar(stream: TextIO, what: str) -> Any:
    """A transient rich bar on `stream`: done/total, then `what` (a column template), then ETA."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    return RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(what),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )


@contextmanager
def _bar(stream: TextIO) -> Iterator[Progress]:
    """A rich progress bar on stderr: documents done/total, pages/s and the time left."""
    counter = _Counter()
    bar = _rich_bar(stream, "documents · {task.fields[rate]:.1f} pages/s · ETA")
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


@contextmanager
def _fetch_bar(stream: TextIO) -> Iterator[FetchProgress]:
    """A rich progress bar on stderr: publications looked at / total and the time left."""
    bar = _rich_bar(stream, "publications · ETA")
    task = bar.add_task("fetching", total=None)

    def report(done: int, total: int, _url: str) -> None:
        bar.update(task, total=total, completed=done)

    with bar:
        yield report


@contextmanager
def fetch_progress(mode: str, stream: Any = None) -> Iterator[FetchProgress | None]:
    """A fetch's progress callback in `mode`: a bar on a terminal, JSON lines, or none."""
    err = stream or sys.stderr
    if mode == "json":

        def report(done: int, total: int, url: str) -> None:
            line = {"event": "publication", "done": done, "total": total, "url": url}
            err.write(json.dumps(line) + "\n")
            err.flush()

        yield report
    elif mode == "bar" or (mode == "auto" and err.isatty()):
        with _fetch_bar(err) as bar_report:
            yield bar_report
    else:
        yield None
