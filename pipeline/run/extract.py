"""Run the extraction stages on PDFs: path in, DocumentResult out (no store involved).

The stage order is declared once, in STAGES (like scrapy's ITEM_PIPELINES). What a publication
page said about the PDF enters as hints (`pipeline/run/hints.py`), merged by read_metadata, so
every later stage sees the final metadata. Heavy libraries are imported inside the stage
functions so that importing this module (and `recwatch --help`) is cheap.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from extractors.errors import ExtractionError
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.text import NO_TEXT_DAMAGED, NO_TEXT_HINT, check_pdf_magic
from models.records import DocumentResult, DocumentText, Item, Metadata
from pipeline.common.outcome import Outcome
from pipeline.common.settings import DEFAULTS, Settings
from pipeline.run.cache import ContentCache
from pipeline.run.hints import NO_HINTS, PageHints, named
from pipeline.run.pdffaults import explain

logger = logging.getLogger(__name__)


NO_METADATA = Metadata(title=None, publisher=None, published=None)


@dataclass(frozen=True, slots=True)
class Work:
    """What the stages pass along: text layer, page hints, metadata and items so far, settings."""

    doc: DocumentText
    hints: PageHints = NO_HINTS
    metadata: Metadata = NO_METADATA
    items: tuple[Item, ...] = ()
    settings: ExtractorSettings = DEFAULT_SETTINGS


Stage = Callable[[Work], Work]


class EmptyTextLayer(ExtractionError):
    """A PDF whose pages carry no text (a scan, or a damaged file): counted as a failed document."""

    def __init__(self, doc: DocumentText) -> None:
        self.warnings = doc.warnings
        self.sha256 = doc.sha256
        damaged = any(w.endswith(NO_TEXT_DAMAGED) for w in doc.warnings)
        problem, _, hint = (NO_TEXT_DAMAGED if damaged else NO_TEXT_HINT).partition("; ")
        super().__init__(doc.file, problem, hint)


def read_metadata(work: Work) -> Work:
    """Stage: title, publisher and publication date, the publication page filling gaps."""
    from extractors.metadata import extract_metadata

    return replace(work, metadata=with_page(extract_metadata(work.doc, work.settings), work.hints))


def with_page(metadata: Metadata, hints: PageHints) -> Metadata:
    """The PDF's metadata with what it does not state taken from its publication page.

    A date printed in the text wins; a date taken only from the PDF's CreationDate (no phrase in
    the text) is not stated by the report, so the page's "Published on" date beats it.
    """
    stated = metadata.published if metadata.published_text else None
    return replace(
        metadata,
        title=metadata.title or hints.title,
        publisher=metadata.publisher or hints.publisher,
        published=stated or hints.published or metadata.published,
    )


def summarise(work: Work) -> Work:
    """Stage: the report's own summary paragraph."""
    from extractors.summary import extract_summary

    return replace(work, metadata=replace(work.metadata, summary=extract_summary(work.doc)))


def split(work: Work) -> Work:
    """Stage: recommendations, areas for improvement, causes of concern and actions."""
    from extractors.items import split_items

    return replace(work, items=tuple(split_items(work.doc, work.settings)))


def addressees(work: Work) -> Work:
    """Stage: who must act on each item."""
    from extractors.addressees import tag_addressees

    tagged = tag_addressees(work.items, work.metadata, settings=work.settings)
    return replace(work, items=tuple(tagged))


def deadlines(work: Work) -> Work:
    """Stage: deadlines resolved against the publication date."""
    from extractors.deadlines import tag_deadlines

    # A response restating another report's recommendations counts their relative deadlines
    # from that report's publication, when the response says when that was.
    base = work.metadata.source_published or work.metadata.published
    due = work.metadata.response_due
    tagged = tag_deadlines(
        work.items, base, work.settings, standing=due, own=work.metadata.published
    )
    return replace(work, items=tuple(tagged))


STAGES: tuple[Stage, ...] = (read_metadata, summarise, split, addressees, deadlines)


def extraction_settings(settings: Settings = DEFAULTS) -> dict[str, Any]:
    """Return every setting that shapes extraction, JSON-ready (recorded with each run)."""
    from importlib.metadata import version

    from extractors import deadlines as deadline_rules
    from extractors import registry, text

    return {
        "stages": [stage.__name__ for stage in STAGES],
        "pdfplumber": version("pdfplumber"),
        "pdfplumber_words": text.WORD_SETTINGS,
        "pdfplumber_tables": text.TABLE_SETTINGS,
        "text_layer_version": text.TEXT_LAYER_VERSION,
        "spacy": version("spacy"),
        "dateparser": deadline_rules.DATEPARSER_SETTINGS,
        "registry_version": registry.REGISTRY_VERSION,
        **settings.to_json(),
    }


@functools.lru_cache(maxsize=4)
def _settings_pairs(settings: Settings) -> tuple[tuple[str, str], ...]:
    """Return the extraction settings as sorted (name, JSON text) pairs for DocumentResult."""
    return tuple(
        (name, json.dumps(value, sort_keys=True, default=str))
        for name, value in sorted(extraction_settings(settings).items())
    )


def _unresolved_deadline_warnings(path: Path, work: Work) -> tuple[str, ...]:
    """Warn when relative deadlines stay unresolved because no publication date was found."""
    if work.metadata.published is not None:
        return ()
    unresolved = sum(
        1
        for item in work.items
        for deadline in item.deadlines or ((item.deadline,) if item.deadline else ())
        if deadline.kind in ("relative", "immediate") and deadline.date is None
    )
    if not unresolved:
        return ()
    return (
        f"{path.name}: no publication date found; {unresolved} relative deadline(s) left "
        "unresolved rather than counted from today",
    )


def _no_publisher_warning(path: Path, work: Work) -> tuple[str, ...]:
    """Warn when neither masthead, title, imprint nor cover names who published the document."""
    if work.metadata.publisher:
        return ()
    return (
        f"{path.name}: no publisher found on the cover, in the title or in the imprint; "
        "the document is stored without one (a publisher is never guessed from a mention)",
    )


def _self_checks(work: Work) -> tuple[str, ...]:
    """Warn where the items found contradict the document (numbering, counts, empty sections)."""
    from extractors.checks import check_document

    return check_document(work.doc, work.items)


def extract_pdf(
    path: Path,
    source: str | None = None,
    cache: ContentCache | None = None,
    ocr: bool = False,
    hints: PageHints | None = None,
    settings: Settings = DEFAULTS,
) -> DocumentResult:
    """Extract one PDF; raise ExtractionError for an unreadable file or one with no text layer.

    With a cache, an unchanged PDF under unchanged extractor code and hints costs one hash; a
    rule, registry or page change re-tags from the cached text layer without parsing the PDF
    again. With `ocr`, a PDF without a text layer is OCRed (ocrmypdf) and read from the OCRed
    copy. `hints` are what its publication page said (title, publisher, date, URL). The cache
    must have been opened with the same extractor settings.
    """
    from extractors.text import (
        build_document,
        raw_from_json,
        raw_to_json,
        read_pages,
        sha256_of,
    )

    path = Path(path)
    logger.info("extracting %s", path)
    raw = None
    if cache is not None:
        if not path.is_file():
            raise ExtractionError(str(path), "does not exist", "check the path")
        digest = sha256_of(path)
        cached = cache.get_result(digest, hints)
        if cached is not None:
            return named(cached, path, hints, source)
        data = cache.get_text(digest)
        if data is not None:
            raw = raw_from_json(data)
        else:
            raw = read_pages(path, digest, settings.extractors)
            cache.put_text(digest, raw_to_json(raw))
    raw = raw if raw is not None else read_pages(path, settings=settings.extractors)
    doc = build_document(raw, settings.extractors.native)
    del raw  # a long report's words are its largest object: free them before the extractors
    if not doc.lines and ocr:
        doc = _ocr_document(path, doc.sha256, cache, settings)
    if not doc.lines:
        raise EmptyTextLayer(doc)
    work = Work(doc=doc, hints=hints or NO_HINTS, settings=settings.extractors)
    for stage in STAGES:
        work = stage(work)
    result = DocumentResult(
        sha256=doc.sha256,
        file=path.name,
        pages=doc.pages,
        metadata=work.metadata,
        items=work.items,
        warnings=doc.warnings
        + _unresolved_deadline_warnings(path, work)
        + _no_publisher_warning(path, work)
        + _self_checks(work),
        source=source,
        settings=_settings_pairs(settings),
    )
    if cache is not None:
        cache.put_result(result, hints)
    return named(result, path, hints, source)


def _ocr_document(
    path: Path, digest: str, cache: ContentCache | None, settings: Settings
) -> DocumentText:
    """Read a scan through an OCRed copy; the document keeps the scan's identity."""
    import tempfile

    from extractors.text import build_document, raw_to_json, read_pages
    from pipeline.run.ocr import ocr_pdf

    language = settings.ocr_language
    with tempfile.TemporaryDirectory(prefix="recwatch-ocr-") as tmp:
        where = cache.root / "ocr" if cache is not None else Path(tmp)
        copy = ocr_pdf(path, where / f"{digest}.{language}.pdf", language)
        raw = read_pages(copy, digest, settings.extractors)
    raw.file = str(path)
    raw.warnings.append(f"{path.name}: no text layer; text read by OCR (ocrmypdf, {language})")
    if cache is not None:
        cache.put_text(digest, raw_to_json(raw))  # later runs reuse the OCRed text
    return build_document(raw, settings.extractors.native)


def extract_outcome(
    path: Path,
    cache_dir: Path | None = None,
    ocr: bool = False,
    hints: PageHints | None = None,
    settings: Settings = DEFAULTS,
) -> Outcome:
    """Extract one PDF, turning a domain error into a failed Outcome (picklable for workers)."""
    cache = ContentCache(cache_dir, settings.extractors) if cache_dir else None
    try:
        check_pdf_magic(path)  # another format saved as .pdf is named before any parse
        result = extract_pdf(path, cache=cache, ocr=ocr, hints=hints, settings=settings)
    except EmptyTextLayer as exc:
        if cache is not None and not ocr:
            cache.put_no_text(exc.sha256, str(exc), exc.warnings)
        return Outcome(path=path, error=str(exc), warnings=exc.warnings, sha256=exc.sha256)
    except ExtractionError as exc:
        return Outcome(path=path, error=str(explain(path, exc) or exc))
    except Exception as exc:  # a bug on one document must not cost the others
        clean = explain(path, exc)  # a damaged PDF the library choked on is not a crash
        if clean is not None:
            logger.debug("%s: %s", path, clean, exc_info=True)
            return Outcome(path=path, error=str(clean))
        logger.exception("%s: extraction crashed", path)
        problem = f"{path}: extraction crashed ({type(exc).__name__}: {exc})"
        return Outcome(path=path, error=f"{problem}; re-run with -v and report the traceback")
    return Outcome(path=path, result=result, warnings=result.warnings, sha256=result.sha256)
