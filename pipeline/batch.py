"""`recwatch run --source`: fetch what is new, extract it, load it, and say what changed.

The fetched files go through the same extraction stages and the same one-transaction load as
`recwatch run PATH`. One step is added between them, kept small and explicit: where a PDF does
not state its title, publisher or publication date, the publication page's are used (and
deadlines are counted from that date), and the document records the URL it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models import db
from models.ids import item_ids
from models.records import DocumentResult, Item
from pipeline.cache import ContentCache
from pipeline.config import Config
from pipeline.extract import Outcome
from pipeline.load import RunReport, content_hash

if TYPE_CHECKING:
    from pipeline.budget import Budget
    from pipeline.harvest import FetchReport  # the fetch stack is needed only by --source
    from pipeline.manifest import FetchedFile

NO_DATE_WARNING = "no publication date found"


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


def file_name(fetched: FetchedFile) -> str:
    """The document's file name: the last part of its URL, else the stored file's name."""
    if fetched.url:
        name = unquote(urlsplit(fetched.url).path.rsplit("/", 1)[-1])
        if name:
            return name
    return fetched.path.name


def _redated(
    result: DocumentResult, published: date | None, cache_dir: Path | None
) -> tuple[Item, ...]:
    """The result's items with deadlines counted from `published` (cached like the result)."""
    cache = ContentCache(cache_dir) if cache_dir is not None and published is not None else None
    if cache is not None and published is not None:
        known = cache.get_redated(result.sha256, published)
        if known is not None:
            return known
    from extractors.deadlines import tag_deadlines

    items = tuple(tag_deadlines(result.items, published))
    if cache is not None and published is not None:
        cache.put_redated(result.sha256, published, items)
    return items


def with_page_metadata(
    outcome: Outcome, fetched: FetchedFile, cache_dir: Path | None = None
) -> Outcome:
    """Fill what the PDF does not state from the publication page; record the source URL.

    A date the extractor took only from the PDF's CreationDate (no phrase in the text) is not
    stated by the report, so the page's "Published on" date wins over it. With a cache folder,
    deadlines re-counted from that date are kept there, so a re-run does not load spaCy.
    """
    result = outcome.result
    if result is None:
        return outcome
    meta = result.metadata
    stated = meta.published if meta.published_text else None
    published = stated or fetched.published or meta.published
    merged = replace(
        meta,
        title=meta.title or fetched.title,
        publisher=meta.publisher or fetched.publisher,
        published=published,
    )
    items = result.items
    warnings, result_warnings = outcome.warnings, result.warnings
    if published != meta.published:
        if meta.source_published is None:
            items = _redated(result, published, cache_dir)
        stale = f"{outcome.path.name}: {NO_DATE_WARNING}"
        warnings = tuple(w for w in warnings if not w.startswith(stale))
        result_warnings = tuple(w for w in result_warnings if not w.startswith(stale))
    updated = replace(
        result,
        file=file_name(fetched),
        source=fetched.url or result.source,
        metadata=merged,
        items=items,
        warnings=result_warnings,
    )
    return replace(outcome, result=updated, warnings=warnings)


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
    transaction; the publication pages' facts are added before the load.
    """
    from models.store import open_store
    from pipeline.budget import Budget
    from pipeline.run import run_pipeline

    firsts: dict[str, FetchedFile] = {}
    for f in files:
        if f.status in ("new", "changed"):
            firsts.setdefault(f.sha256, f)
    todo = list(firsts.values())
    if not todo:
        return BatchReport(fetch, None, 0, 0, 0, 0)
    outcomes: list[Outcome] = []

    def page_facts(_engine: Engine, extracted: list[Outcome], _config: Config) -> list[Outcome]:
        cache = config.processed_dir / "cache"
        pairs = zip(extracted, todo, strict=True)
        outcomes.extend(with_page_metadata(o, f, cache) for o, f in pairs)
        return outcomes

    run = run_pipeline(
        [f.path for f in todo],
        config,
        jobs,
        budget=budget if budget is not None else Budget(),
        adjust=page_facts,
        ocr=ocr,
    )
    new_reports = new_items = republished = changed = 0
    engine = open_store(config.db_url)
    try:
        for fetched, outcome in zip(todo, outcomes, strict=True):
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
    return BatchReport(fetch, run, new_reports, new_items, republished, changed)


def with_recorded_metadata(
    engine: Engine, outcomes: list[Outcome], config: Config, cache_dir: Path | None = None
) -> list[Outcome]:
    """Outcomes of PDFs that fetch or add recorded get their publication page's facts."""
    from pipeline.manifest import downloads_by_sha256

    known = downloads_by_sha256(
        engine, [o.result.sha256 for o in outcomes if o.result is not None], config.data_dir
    )
    # The file as run names the document when the record has no URL (added by hand).
    return [
        with_page_metadata(o, replace(known[o.result.sha256], path=o.path), cache_dir)
        if o.result is not None and o.result.sha256 in known
        else o
        for o in outcomes
    ]
