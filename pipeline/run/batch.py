"""`recwatch run --source`: fetch what is new, extract it, load it, and say what changed.

The fetched files go through the same order as `recwatch run PATH` (`pipeline/run/order.py`),
with the facts of the publication pages just read as their hints: where a PDF does not state its
title, publisher or publication date, the page's are used (and deadlines are counted from that
date), and the document records the URL it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models import db
from models.ids import item_ids
from models.records import DocumentResult
from pipeline.common.config import Config
from pipeline.run.page_facts import hints_of
from pipeline.store.report import RunReport, content_hash

if TYPE_CHECKING:
    from pipeline.acquire.harvest import FetchReport  # the fetch stack is needed only by --source
    from pipeline.acquire.manifest import FetchedFile
    from pipeline.run.budget import Budget


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What fetch → extract → load did, for the one-line summary and the exit code."""

    fetch: FetchReport
    run: RunReport | None
    new_reports: int
    new_items: int
    republished: int
    changed_items: int

    @property
    def failed(self) -> int:
        """Documents that failed to download or to extract."""
        return len(self.fetch.failures) + (len(self.run.failed) if self.run else 0)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: BatchReport) -> str:
    """E.g. "3 new reports, 41 new items, 1 re-published report with 2 changed items, 0 failed"."""
    return (
        f"{_plural(report.new_reports, 'new report')}, {_plural(report.new_items, 'new item')}, "
        f"{_plural(report.republished, 're-published report')} with "
        f"{_plural(report.changed_items, 'changed item')}, {report.failed} failed"
    )


def changed_items(engine: Engine, previous_sha256: str, result: DocumentResult) -> int:
    """Items added, removed or changed between a report's previous version and this one."""
    with Session(engine) as session:
        rows = session.execute(
            select(db.Item.id, db.ItemVersion.content_hash)
            .join(db.ItemVersion, db.Item.current_version_id == db.ItemVersion.id)
            .where(db.Item.document_sha256 == previous_sha256, db.Item.removed_in_run.is_(None))
        )
        before = {item_id.split(":", 1)[1]: digest for item_id, digest in rows}
    ids = item_ids(result.sha256, result.items)
    after = {
        i.split(":", 1)[1]: content_hash(item) for i, item in zip(ids, result.items, strict=True)
    }
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def load_fetched(
    files: Sequence[FetchedFile],
    config: Config,
    fetch: FetchReport,
    jobs: int = 1,
    budget: Budget | None = None,
    ocr: bool = False,
) -> BatchReport:
    """Extract the new and changed files (each sha256 once) and load them as one run.

    The same path as `recwatch run PATHS`: run lock, per-document budget, content cache, one
    transaction; the publication pages' facts enter extraction as each file's hints.
    """
    from models.store import open_store
    from pipeline.run.budget import Budget
    from pipeline.run.order import run_pipeline

    firsts: dict[str, FetchedFile] = {}
    for f in files:
        if f.status in ("new", "changed"):
            firsts.setdefault(f.sha256, f)
    todo = list(firsts.values())
    if not todo:
        return BatchReport(fetch, None, 0, 0, 0, 0)
    ran = run_pipeline(
        [f.path for f in todo],
        config,
        jobs,
        budget=budget if budget is not None else Budget(),
        ocr=ocr,
        hints={f.path: hints_of(f) for f in todo},
    )
    new_reports = new_items = republished = changed = 0
    engine = open_store(config.db_url)
    try:
        for fetched, outcome in zip(todo, ran.outcomes, strict=True):
            if outcome.result is None:
                continue
            if fetched.status == "changed" and fetched.previous_sha256:
                republished += 1
                changed += changed_items(engine, fetched.previous_sha256, outcome.result)
            else:
                new_reports += 1
                new_items += len(outcome.result.items)
    finally:
        engine.dispose()
    return BatchReport(fetch, ran.report, new_reports, new_items, republished, changed)
