"""`recwatch run`: find the input PDFs, extract them, load everything as one run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.common.config import Config
from pipeline.common.errors import PipelineError
from pipeline.common.faultpoint import pause_point
from pipeline.common.outcome import Outcome, Progress
from pipeline.common.provenance import git_revision, tool_version
from pipeline.run.extract import extraction_settings
from pipeline.run.lock import retry_when_locked, run_lock
from pipeline.run.schedule import extract_many
from pipeline.store.report import RunReport
from pipeline.store.rerun import record_run

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pipeline.run.budget import Budget


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


Adjust = Callable[["Engine", list[Outcome], Config], list[Outcome]]


def run_pipeline(
    files: list[Path],
    config: Config,
    jobs: int = 1,
    progress: Progress | None = None,
    use_cache: bool = True,
    budget: Budget | None = None,
    adjust: Adjust | None = None,
    ocr: bool = False,
    rehash: bool = False,
) -> RunReport:
    """Extract every file, then load all of them into the store in one transaction.

    The one way documents reach the store. Holds the store's run lock throughout (a second run
    is refused), extracts under the per-document budget when one is given, lets `adjust` add
    what the store knows about the files before the load, and retries the load while SQLite
    reports it locked (a run that would load exactly what the last run loaded is recorded as a
    copy of it, `pipeline.store.rerun`). By default PDFs that `recwatch fetch` or `recwatch add`
    recorded keep what their publication page said (title, date, URL) where the PDF is silent,
    exactly as in `run --source`. With `ocr`, scans without a text layer are OCRed (ocrmypdf)
    first. A file whose path, size and mtime are as the cache last saw them is not read again
    unless `rehash`.
    """
    from models.store import open_store
    from pipeline.run.page_facts import with_recorded_metadata

    with run_lock(config.db_url, config.processed_dir):
        pause_point("locked")  # test-only: kill -9 holding the lock, nothing extracted yet
        started = datetime.now()
        cache_dir = config.processed_dir / "cache" if use_cache else None
        outcomes = extract_many(
            files, jobs, progress, cache_dir, budget=budget, ocr=ocr, rehash=rehash
        )
        pause_point("extracted")  # test-only: kill -9 between extraction and load
        engine = open_store(config.db_url)
        try:
            if adjust is None:
                outcomes = with_recorded_metadata(engine, outcomes, config, cache_dir)
            else:
                outcomes = adjust(engine, outcomes, config)
            provenance: dict[str, Any] = {
                "started_at": started,
                "tool_version": tool_version(),
                "git_revision": git_revision(),
                "settings": extraction_settings(),
            }
            return retry_when_locked(
                lambda: record_run(engine, outcomes, **provenance),
                what=engine.url.render_as_string(hide_password=True),
            )
        finally:
            engine.dispose()
