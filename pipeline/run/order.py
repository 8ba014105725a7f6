"""The order of a run, in one place: lock → page hints → extract → load.

`run_pipeline` is the one way documents reach the store; `recwatch run`, `run --source`, `add`
and `bench` all go through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.common.config import Config
from pipeline.common.errors import PipelineError
from pipeline.common.faultpoint import pause_point
from pipeline.common.outcome import Outcome, Progress
from pipeline.common.provenance import git_revision, tool_version
from pipeline.common.settings import Settings
from pipeline.run.extract import extraction_settings
from pipeline.run.lock import retry_when_locked, run_lock
from pipeline.run.page_facts import recorded_hints
from pipeline.run.schedule import extract_many
from pipeline.store.report import RunReport
from pipeline.store.rerun import record_run

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pipeline.run.budget import Budget
    from pipeline.run.hints import PageHints


def collect_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Expand paths into PDF files: directories searched recursively for *.pdf, others as given.

    A path that does not exist is kept: it fails as a document of its own (one broken file
    never stops the batch).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()),
                key=lambda p: p.as_posix(),
            )
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    if not unique:
        where = ", ".join(str(p) for p in paths)
        raise PipelineError(
            f"no PDFs found in {where}",
            "pass PDF files or folders, or create the samples with `make samples`",
        )
    return unique


@dataclass(frozen=True, slots=True)
class Ran:
    """A finished run: what the store recorded, and each file's outcome in input order."""

    report: RunReport
    outcomes: list[Outcome]


def run_pipeline(
    files: list[Path],
    config: Config,
    jobs: int = 1,
    progress: Progress | None = None,
    use_cache: bool = True,
    budget: Budget | None = None,
    ocr: bool = False,
    rehash: bool = False,
    hints: Mapping[Path, PageHints] | None = None,
) -> Ran:
    """Extract every file, then load all of them into the store in one transaction.

    The one way documents reach the store, in this order: take the store's run lock (a second
    run is refused); look up what `recwatch fetch` or `recwatch add` recorded about each file's
    publication page, unless the caller passes those `hints` itself (`run --source`); extract
    each file with its hints, from the cache or in workers under the per-document budget; load
    the outcomes, or record the run as a copy of the last one when it would load exactly the
    same (`pipeline.store.rerun`), retrying while SQLite reports the store locked; either way
    corrections whose extracted value changed under them are flagged for review. With `ocr`,
    scans without a text layer are OCRed (ocrmypdf) first. A file whose path, size and mtime
    are as the cache last saw them is not read again unless `rehash`.
    """
    from models.store import open_store

    with run_lock(config.db_url, config.processed_dir):
        pause_point("locked")  # test-only: kill -9 holding the lock, nothing extracted yet
        started = datetime.now()
        cache_dir = config.processed_dir / "cache" if use_cache else None
        engine = open_store(config.db_url)
        try:
            if hints is None:
                hints = recorded_hints(engine, files, config.data_dir, cache_dir, rehash)
            engine.dispose()  # no pooled connection is carried into forked workers
            outcomes = extract_many(
                files,
                jobs,
                progress,
                cache_dir,
                budget=budget,
                ocr=ocr,
                rehash=rehash,
                hints=hints,
                settings=config.settings,
            )
            pause_point("extracted")  # test-only: kill -9 between extraction and load
            return Ran(_load(engine, outcomes, started, config.settings), outcomes)
        finally:
            engine.dispose()


def _load(
    engine: Engine, outcomes: list[Outcome], started: datetime, settings: Settings
) -> RunReport:
    """Load the outcomes as one run, or repeat the last run if it loaded exactly these."""
    provenance: dict[str, Any] = {
        "started_at": started,
        "tool_version": tool_version(),
        "git_revision": git_revision(),
        "settings": extraction_settings(settings),
    }
    return retry_when_locked(
        lambda: record_run(engine, outcomes, **provenance),
        what=engine.url.render_as_string(hide_password=True),
    )
