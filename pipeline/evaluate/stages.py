"""`recwatch bench --stages`: where a cold extraction's time goes, against PDFium's plain text.

Every document is extracted in this process with no cache, each step timed apart: the text
layer (characters, words, lines, tables), then each stage of `run.extract.STAGES`, then the
self-checks. The limit beside them is PDFium's own plain-text extraction of the same pages,
the least any reading of a text layer can cost on this machine. Start-up (importing the PDF and
NLP libraries, building the spaCy pipeline) is timed once, apart: a worker pays it once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.errors import ExtractionError
from pipeline.common.settings import DEFAULTS, Settings

TEXT_LAYER = "text layer (characters, words, lines, tables)"
CHECKS = "self-checks"


@dataclass(slots=True)
class StageTimes:
    """Seconds per step over a corpus, with the plain-text limit and the start-up cost."""

    documents: int = 0
    pages: int = 0
    limit_seconds: float = 0.0
    startup_seconds: float = 0.0
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        """Seconds of extraction proper: every step, start-up excluded."""
        return sum(self.seconds.values())

    def add(self, step: str, seconds: float) -> None:
        """Count `seconds` against `step`."""
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def plain_text(path: Path) -> int:
    """Read every page's plain text with PDFium (the limit); return the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def start_up() -> float:
    """Import what extraction needs and build the spaCy pipeline; return the seconds taken."""

    def load() -> None:
        import dateparser  # noqa: F401
        import pdfplumber  # noqa: F401
        import pypdfium2  # noqa: F401

        from extractors.nlp import get_nlp

        get_nlp()

    return _timed(load)[0]


def time_document(path: Path, times: StageTimes, settings: Settings = DEFAULTS) -> None:
    """Extract one PDF step by step, adding each step's seconds to `times`."""
    from extractors.checks import check_document
    from extractors.text import build_document, read_pages
    from pipeline.run.extract import STAGES, Work

    seconds, doc = _timed(
        lambda: build_document(
            read_pages(path, settings=settings.extractors), settings.extractors.native
        )
    )
    if not doc.lines:
        times.skipped.append(f"{path.name}: no text layer")
        return
    times.add(TEXT_LAYER, seconds)
    work = Work(doc=doc, settings=settings.extractors)
    for stage in STAGES:
        start = time.perf_counter()
        work = stage(work)
        times.add(stage.__name__, time.perf_counter() - start)
    times.add(CHECKS, _timed(lambda: check_document(work.doc, work.items))[0])
    limit, pages = _timed(lambda: plain_text(path))
    times.limit_seconds += limit
    times.pages += pages
    times.documents += 1


def time_stages(paths: Sequence[Path], settings: Settings = DEFAULTS) -> StageTimes:
    """Time every step of a cold extraction of each PDF, in this process."""
    times = StageTimes(startup_seconds=start_up())
    for path in paths:
        try:
            time_document(path, times, settings)
        except ExtractionError as exc:
            times.skipped.append(f"{path.name}: {exc}")
    return times


def stage_lines(times: StageTimes) -> list[str]:
    """Human-readable table: seconds, share and pages/s of each step, against the limit."""

    def rate(seconds: float) -> str:
        return f"{times.pages / seconds:9.1f} pages/s" if seconds else f"{'-':>9} pages/s"

    total = times.total or 1.0
    rows = [
        f"{name:<46} {seconds:8.2f} s {100 * seconds / total:5.1f}%  {rate(seconds)}"
        for name, seconds in times.seconds.items()
    ]
    limit_ratio = times.total / times.limit_seconds if times.limit_seconds else float("inf")
    return [
        f"{times.documents} documents, {times.pages} pages, one process, no cache",
        f"{'PDFium plain text, all pages (the limit)':<46} {times.limit_seconds:8.2f} s "
        f"{'':6}  {rate(times.limit_seconds)}",
        f"{'start-up (imports, spaCy pipeline; once)':<46} {times.startup_seconds:8.2f} s",
        *rows,
        f"{'extraction, all steps':<46} {times.total:8.2f} s {100.0:5.1f}%  {rate(times.total)}",
        f"extraction vs the plain-text limit: {limit_ratio:.1f}x its time",
        *(f"skipped {line}" for line in times.skipped),
    ]
