"""Facts from a publication page (title, publisher, date, URL) where the PDF is silent.

`recwatch fetch` and `recwatch add` record each PDF's publication page; a run fills what the
PDF does not state from it, counts deadlines from the page's date, and names the document by its
URL. Used by `run` (recorded files) and by `run --source` (files just fetched).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from models.records import DocumentResult, Item
from pipeline.common.config import Config
from pipeline.common.outcome import Outcome
from pipeline.run.cache import ContentCache

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pipeline.acquire.manifest import FetchedFile

NO_DATE_WARNING = "no publication date found"


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


def with_recorded_metadata(
    engine: Engine, outcomes: list[Outcome], config: Config, cache_dir: Path | None = None
) -> list[Outcome]:
    """Outcomes of PDFs that fetch or add recorded get their publication page's facts."""
    from pipeline.acquire.recorded import downloads_by_sha256

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
