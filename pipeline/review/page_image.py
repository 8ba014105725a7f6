"""Page images for the review pages: rendered once with PDFium, cached under data/processed/.

Items store their pages but not their line positions, so the lines to highlight are found by
searching the page's text layer for the item's first and last words (when the search fails,
the page is shown without a highlight).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import db
from pipeline.common.errors import PipelineError

logger = logging.getLogger(__name__)
SCALE = 1.5  # 108 dpi: readable beside the item, small enough to cache
# PDFium is not thread-safe, and the review server answers requests on several threads.
PDFIUM = threading.Lock()


@dataclass(frozen=True, slots=True)
class Box:
    """A highlighted rectangle, as percentages of the page's width and height."""

    left: float
    top: float
    width: float
    height: float


def recorded_paths(session: Session, sha256: str) -> list[str]:
    """Return the paths runs read a document from, newest first."""
    query = (
        select(db.RunDocument.file)
        .where(db.RunDocument.sha256 == sha256)
        .order_by(db.RunDocument.id.desc())
    )
    return list(dict.fromkeys(session.scalars(query)))


def find_pdf(file: str, sha256: str, raw_dir: Path, recorded: Sequence[str] = ()) -> Path:
    """Return a document's PDF: where a run read it, raw/<sha256>.pdf, or by name under raw/."""
    candidates = [*map(Path, recorded), Path(file), raw_dir / f"{sha256}.pdf"]
    candidates.append(raw_dir / Path(file).name)
    for path in candidates:
        if path.is_file():
            return path
    found = sorted(raw_dir.rglob(Path(file).name)) if raw_dir.is_dir() else []
    if found:
        return found[0]
    raise PipelineError(
        f"the PDF of {file} is not under {raw_dir}",
        "run `recwatch review` with the --data-dir the report was loaded from",
    )


def page_png(pdf: Path, sha256: str, page: int, cache_dir: Path) -> Path:
    """Return a PNG of one page (1-based), rendering it only when it is not cached yet."""
    target = cache_dir / f"{sha256}-p{page}.png"
    if target.is_file():
        return target
    import pypdfium2 as pdfium

    with PDFIUM:
        if target.is_file():  # another request rendered it meanwhile
            return target
        document = pdfium.PdfDocument(str(pdf))
        try:
            if not 1 <= page <= len(document):
                raise PipelineError(
                    f"{pdf.name} has no page {page}", f"it has {len(document)} pages"
                )
            image = document[page - 1].render(scale=SCALE).to_pil()
        finally:
            document.close()
        _save(image, target)
    return target


def _save(image: Any, target: Path) -> None:
    """Write a PIL image as PNG atomically (a reader never sees half a file)."""
    cache_dir = target.parent
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    image.save(partial, format="PNG")
    partial.replace(target)


def _span(textpage: Any, words: list[str], index: int = 0) -> tuple[int, int] | None:
    """Return (first char, char count) of a phrase on a text page from `index` on, or None."""
    found = textpage.search(" ".join(words), index=index, match_case=False, match_whole_word=False)
    hit = found.get_next()
    found.close()
    return (int(hit[0]), int(hit[1])) if hit else None


def highlight(pdf: Path, page: int, text: str) -> list[Box]:
    """Return the boxes of an item's lines on a page, or [] when they cannot be found."""
    import pypdfium2 as pdfium

    words = text.split()
    if not words:
        return []
    with PDFIUM:
        return _highlight(pdfium.PdfDocument(str(pdf)), page, words)


def _highlight(document: Any, page: int, words: list[str]) -> list[Box]:
    """Find an item's first and last words on a page of an open document; return their boxes."""
    import pypdfium2 as pdfium

    try:
        pdf_page = document[page - 1]
        width, height = pdf_page.get_size()
        textpage = pdf_page.get_textpage()
        start = _span(textpage, words[:6])
        if start is None:
            return []
        # The item's last words after its first ones; on a later page (or not found): first only.
        end = (_span(textpage, words[-4:], start[0]) if len(words) > 6 else None) or start
        count = end[0] + end[1] - start[0]
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects(start[0], count))]
    except (pdfium.PdfiumError, IndexError, ValueError) as exc:
        logger.info("no highlight on page %s: %s", page, exc)
        return []
    finally:
        document.close()
    return [
        Box(100 * x0 / width, 100 * (height - y1) / height, 100 * (x1 - x0) / width,
            100 * (y1 - y0) / height)
        for x0, y0, x1, y1 in boxes
    ]  # fmt: skip


def text_in_box(pdf: Path, page: int, box: Box) -> str:
    """Return the text inside a box (percentages of the page, as the browser selected it)."""
    import pypdfium2 as pdfium

    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf))
        try:
            if not 1 <= page <= len(document):
                raise PipelineError(
                    f"{pdf.name} has no page {page}", f"it has {len(document)} pages"
                )
            pdf_page = document[page - 1]
            width, height = pdf_page.get_size()
            text = pdf_page.get_textpage().get_text_bounded(
                left=width * box.left / 100,
                bottom=height * (1 - (box.top + box.height) / 100),
                right=width * (box.left + box.width) / 100,
                top=height * (1 - box.top / 100),
            )
        finally:
            document.close()
    return " ".join(str(text).split())
