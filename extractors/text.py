"""PDF → furniture-free lines with page index and font facts, plus tables."""

from __future__ import annotations

import base64
import hashlib
import itertools
import logging
import operator
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.errors import ExtractionError
from extractors.glyphs import SOFT_HYPHEN, clean_cell, has_overprint
from extractors.marks import BULLET, list_marks, mark_shapes
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from models.records import DocumentText, Line, Table

if TYPE_CHECKING:
    from extractors.pagetree import PageTree
    from extractors.pdfium_text import Edge, PageDrawing, RawWord

logger = logging.getLogger(__name__)

# pdfplumber settings, recorded with every run.  A tolerance relative to the font size keeps
# words apart in PDFs that encode no space characters (gaps of ~0.2 em between words).
WORD_SETTINGS: dict[str, Any] = {
    "x_tolerance_ratio": 0.15,
    "y_tolerance": 3,
    "keep_blank_chars": False,
    "use_text_flow": False,
}
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "intersection_tolerance": 3,
}
TEXT_LAYER_VERSION = "25"  # 2: turned (/Rotate) pages read upright; 3: surrogate pairs joined;
# 4: tables ruled only between rows; 5: doubled letters in small text kept, page-count warnings;
# 6: words cached packed per page; 7: right-to-left words no longer split after their first letter;
# 8: damaged streams and pages the page tree lists but cannot be read are warned;
# 9: shaded sidebar panels are boxes; 10: a ruled table row left open at the page foot is closed;
# 11: protective markings ("OFFICIAL") at the head or foot of a page are furniture;
# 12: columns that fill only a band of the page (a grid of boxes) are read column by column;
# 13: drawn list marks (small filled shapes before a line) are read as bullets;
# 14: a hanging paragraph number ("4.12") or code ("R3") stays on its line;
# 15: a band of prose in two columns under a full-width figure is read column by column;
# 16: a hanging list mark a column's width from the next word is not that word's line's mark;
# 17: a row splits where a gap wider than an em crosses a column edge; a bold number badge
# beside its text is that text's mark; 18: a running line is the same line with or without the
# page number it carries on some pages; 19: an item's label atop each page ("Recommendation 2")
# is no running line, and text drawn on a slant (a diagonal watermark) is no text; 20: text set
# sideways on the shown page (a margin's running title) is no text, and a word at a column's
# edge starts a column only after white space (a box's line across both columns stays whole);
# 21: capitals of two sizes on one baseline (small capitals) are one word, of the small size;
# 22: a bold part code ("3a") in a column of labels opens the plain line level with it;
# 23: a panel across two columns keeps its short lines (its label) with it
# 24: a row of words splits at a wide gap where a neighbouring row starts (a table's last
# cell wrapping under its first line), never after a lone word or a label ("REC 1")
# 25: the foot of one shaded cell does not close a table's open last row
# PDFium drops some space glyphs that overlap their neighbours, which pdfplumber keeps as word
# breaks; a slightly smaller gap than pdfplumber's 0.15 em finds those breaks again.
PDFIUM_GAP_RATIO = 0.1

NO_TEXT_HINT = "no text layer: scanned image; OCR it first, e.g. with ocrmypdf, or run with --ocr"
# No text at all, but reading reported damage: the file is broken, not a scan (OCR would not help).
NO_TEXT_DAMAGED = "no readable text: the file is damaged (see its warnings); get an undamaged copy"
_BOLD_RE = re.compile(r"(bold|black|heavy|semibold|demi|,b$|-b$)", re.IGNORECASE)
_PAGE_NUMBER_RE = re.compile(
    r"^(page\s*)?[ivxlc\d]{1,5}(\s*(of|/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$",
    re.IGNORECASE,
)
_DIGITS_RE = re.compile(r"\d+")
_HANGING_GAP = 10.0  # ems: the widest gap between a hanging list mark and its text
# A lone bullet glyph or list number set apart from its text by a hanging indent: a glyph,
# "3." / "(a)" / "(iv)", a paragraph number "4.12", or a short code "R3" / "SR1" / "AFI2".
_LIST_MARK_RE = re.compile(
    r"^(?:[•●◼■▪◦○‣∙·\uf0a7\uf0b7\uf03c\uf076\uf0d8\uf0fc➢►▶✓–-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)"
    r"|\d{1,2}\.\d{1,2}\.?|[A-Z]{1,3}\d{1,2}(?:\.\d{1,2})?[.:]?)$"
)
_ITEM_WORDS_RE = re.compile(
    r"recommendation|areas? for|actions?\b|requirement|responsib|improvement", re.IGNORECASE
)
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_SUPERSCRIPT_RE = re.compile(r"^[\d,*†‡]{1,4}$")
_LINE_END_HYPHEN_RE = re.compile(r"([A-Za-z]+)-$")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


class PageWords:
    """One page's words packed into a string and two arrays (about 50 bytes a word, not 300)."""

    __slots__ = ("_bold", "_coords", "_lengths", "_text")

    def __init__(self, words: Iterable[Word] = ()) -> None:
        texts: list[str] = []
        self._coords = array("d")
        self._lengths = array("I")
        self._bold = bytearray()
        for w in words:
            texts.append(w.text)
            self._lengths.append(len(w.text))
            self._coords.extend((w.x0, w.x1, w.top, w.bottom, w.size))
            self._bold.append(w.bold)
        self._text = "".join(texts)

    def __len__(self) -> int:
        return len(self._bold)

    @classmethod
    def from_rows(cls, rows: Sequence[RawWord], bold: dict[str, bool]) -> PageWords:
        """Pack PDFium's word tuples directly (no Word objects), bold looked up by font name."""
        page = cls()
        page._text = "".join([row[0] for row in rows])
        page._lengths = array("I", [len(row[0]) for row in rows])
        page._coords = array("d", [v for row in rows for v in row[1:6]])
        page._bold = bytearray([bold[row[6]] for row in rows])
        return page

    def __iter__(self) -> Iterator[Word]:
        text = self._text
        coords = iter(self._coords)  # zipped five times over: x0, x1, top, bottom, size
        start = 0
        for end, x0, x1, top, bottom, size, bold in zip(
            itertools.accumulate(self._lengths),
            *(coords,) * 5,
            self._bold,
            strict=True,
        ):
            yield Word(text[start:end], x0, x1, top, bottom, size, bold != 0)
            start = end

    def to_json(self) -> list[str]:
        """Encode for the cache: text, then lengths, coordinates and bold flags (zlib, base64)."""
        lengths, coords = array("I", self._lengths), array("d", self._coords)
        if sys.byteorder == "big":  # pragma: no cover - the cache is little-endian everywhere
            lengths.byteswap()
            coords.byteswap()
        packed = (lengths.tobytes(), coords.tobytes(), bytes(self._bold))
        # Compressed per page so that a long report's cache entry is built in little memory.
        return [
            self._text,
            *(base64.b64encode(zlib.compress(b, 1)).decode("ascii") for b in packed),
        ]

    @classmethod
    def from_json(cls, data: Sequence[str]) -> PageWords:
        """Decode what to_json wrote."""
        page = cls()
        page._text = data[0]
        page._lengths.frombytes(_unpack(data[1]))
        page._coords.frombytes(_unpack(data[2]))
        page._bold = bytearray(_unpack(data[3]))
        if sys.byteorder == "big":  # pragma: no cover
            page._lengths.byteswap()
            page._coords.byteswap()
        return page


def _unpack(data: str) -> bytes:
    """Decode one packed column of PageWords.to_json."""
    return zlib.decompress(base64.b64decode(data))


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_OTHER_FORMATS: tuple[tuple[bytes, str, str], ...] = (
    (
        b"PK\x03\x04",
        "is a ZIP container (a Word .docx, Excel .xlsx or other Office file), not a PDF",
        "open it and save it as PDF, or fetch the publication's PDF version",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "is a legacy Office document (.doc/.xls), not a PDF",
        "open it and save it as PDF, or fetch the publication's PDF version",
    ),
    (b"\x89PNG", "is a PNG image, not a PDF", "convert it to PDF and OCR it, e.g. with ocrmypdf"),
    (b"\xff\xd8\xff", "is a JPEG image, not a PDF", "convert it to PDF and OCR it, e.g. ocrmypdf"),
    (b"{\\rtf", "is an RTF document, not a PDF", "open it and save it as PDF"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<?xml", b"<body")


def not_a_pdf(head: bytes) -> tuple[str, str] | None:
    """Return the problem and the fix when a file's first bytes are not a PDF's, else None."""
    if not head:
        return "is empty (0 bytes)", "download the file again"
    if b"%PDF-" in head:
        return None
    for magic, problem, hint in _OTHER_FORMATS:
        if head.startswith(magic):
            return problem, hint
    if head.lstrip().lower().startswith(_HTML_STARTS):
        return (
            "is a web page (HTML), not a PDF",
            "the server returned an error or landing page; check the URL and fetch the PDF again",
        )
    start = head[:40].decode("latin-1").strip().replace("\n", " ")
    return (
        f'is not a PDF (starts with "{start}")',
        "the source probably returned an error page or another format; fetch the PDF again",
    )


def check_pdf_magic(path: Path) -> None:
    """Raise an ExtractionError naming the problem unless the file exists and starts as a PDF.

    The one check of a file's kind, before `recwatch run`, `extract` and `add` read it.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError as exc:
        raise ExtractionError(str(path), "does not exist", "check the path") from exc
    except OSError as exc:
        raise ExtractionError(
            str(path), f"cannot be read ({exc.strerror})", "check the path"
        ) from exc
    wrong = not_a_pdf(head)
    if wrong is not None:
        raise ExtractionError(str(path), *wrong)


@dataclass(slots=True)
class RawPages:
    """What one parse of a PDF yields, before lines are assembled (cacheable)."""

    file: str
    sha256: str
    sizes: list[tuple[float, float]]
    words: list[PageWords]
    boxes: list[list[tuple[float, float, float, float]]]
    table_boxes: list[list[tuple[float, float, float, float]]]
    tables: list[Table]
    metadata: tuple[tuple[str, str], ...]
    warnings: list[str]


def raw_to_json(raw: RawPages) -> dict[str, Any]:
    """Encode a parse for the content cache (plain JSON, no pickles)."""
    return {
        "file": raw.file,
        "sha256": raw.sha256,
        "sizes": raw.sizes,
        "words": [page.to_json() for page in raw.words],
        "boxes": raw.boxes,
        "table_boxes": raw.table_boxes,
        "tables": [[t.page, t.top, t.bottom, [list(r) for r in t.rows]] for t in raw.tables],
        "metadata": [list(kv) for kv in raw.metadata],
        "warnings": raw.warnings,
    }


def raw_from_json(data: dict[str, Any]) -> RawPages:
    """Decode a cached parse."""
    return RawPages(
        file=data["file"],
        sha256=data["sha256"],
        sizes=[(float(w), float(h)) for w, h in data["sizes"]],
        words=[PageWords.from_json(page) for page in data["words"]],
        boxes=[[(b[0], b[1], b[2], b[3]) for b in page] for page in data["boxes"]],
        table_boxes=[[(b[0], b[1], b[2], b[3]) for b in page] for page in data["table_boxes"]],
        tables=[
            Table(page=p, top=top, bottom=bottom, rows=tuple(tuple(r) for r in rows))
            for p, top, bottom, rows in data["tables"]
        ],
        metadata=tuple((str(k), str(v)) for k, v in data["metadata"]),
        warnings=list(data["warnings"]),
    )


def read_document(path: Path, settings: ExtractorSettings = DEFAULT_SETTINGS) -> DocumentText:
    """Read a PDF into furniture-free lines and tables; warn (not fail) when it has no text."""
    return build_document(read_pages(path, settings=settings), settings.native)


def read_pages(
    path: Path, sha256: str | None = None, settings: ExtractorSettings = DEFAULT_SETTINGS
) -> RawPages:
    """Parse every page of a PDF once (words with font facts, boxes, tables)."""
    path = Path(path)
    check_pdf_magic(path)
    digest = sha256 or sha256_of(path)
    if settings.text_engine == "pdfium":
        from extractors.pdfium_text import CannotOpen

        try:
            raw = _whole_tree(_read_pages_pdfium(path, digest, settings.native), path, digest)
        except CannotOpen as exc:
            # Damaged or encrypted files: pdfplumber repairs some and names the problem in others.
            logger.info("%s: PDFium could not open it (%s); trying pdfplumber", path, exc)
            raw = _plumbed_tree(path, digest)
    else:
        raw = _plumbed_tree(path, digest)
    raw.warnings.extend(damaged_stream_warnings(path))
    return raw


def _plumbed_tree(path: Path, digest: str) -> RawPages:
    """pdfplumber's pages, warned when the page tree lists more than it could read."""
    raw = _read_pages_pdfplumber(path, digest)
    problem = _tree_problem(path, len(raw.sizes), "pdfplumber")
    if problem is not None:
        raw.warnings.insert(0, f"{problem[0]}; {problem[1]} could not be read")
    return raw


def _tree_problem(path: Path, read: int, engine: str) -> tuple[str, int] | None:
    """How the page tree disagrees with the `read` pages, and how many pages it holds beyond."""
    from extractors.pagetree import missed_pages

    tree = missed_pages(path, read)
    if tree is None:
        return None
    count = f"but declares /Count {tree.count}"
    if tree.count == str(tree.pages):
        count = f"(/Count {tree.count})"
    return (
        f"{path.name}: its page tree holds {tree.pages} pages {count};"
        f" {engine} read {read} of them",
        tree.pages - read,
    )


def damaged_stream_warnings(path: Path) -> list[str]:
    """A warning naming the compressed streams that do not decode and the pages they draw."""
    from extractors.pagetree import content_pages
    from extractors.streams import damaged_streams

    damaged = damaged_streams(path.read_bytes())
    if not damaged:
        return []
    try:
        drawn = content_pages(path)
    except Exception as exc:  # a tree too broken to walk: the streams are named without pages
        logger.info("%s: page tree not walked (%s: %s)", path, type(exc).__name__, exc)
        drawn = {}
    pages = sorted({page for stream in damaged for page in drawn.get(stream.objid, ())})
    objects = ", ".join(str(stream.objid) for stream in damaged[:5])
    if len(damaged) > 5:
        objects += f" and {len(damaged) - 5} more"
    what = f"the content of {_pages(pages)} is damaged" if pages else "compressed data is damaged"
    return [
        f"{path.name}: {what} (object{'s' if len(damaged) > 1 else ''} {objects}"
        f" {'do' if len(damaged) > 1 else 'does'} not decode:"
        f" {damaged[0].problem}); text may be missing or garbled there: get an undamaged copy"
    ]


def _whole_tree(raw: RawPages, path: Path, digest: str) -> RawPages:
    """PDFium's pages, or pdfplumber's when PDFium read fewer than the page tree holds (warned)."""
    read = len(raw.sizes)
    found = _tree_problem(path, read, "PDFium")
    if found is None:
        return raw
    problem, beyond = found
    try:
        whole = _read_pages_pdfplumber(path, digest)
    except ExtractionError as exc:
        raw.warnings.insert(0, f"{problem}; the other pages are lost ({exc.problem})")
        return raw
    logger.warning("%s; reading it with pdfplumber", problem)
    if len(whole.sizes) <= read:  # pdfplumber finds no more: the missing pages are gone
        whole.warnings.insert(0, f"{problem}; pdfplumber read no more: {beyond} could not be read")
    else:
        whole.warnings.insert(0, f"{problem}; read {len(whole.sizes)} with pdfplumber instead")
    return whole


def _read_pages_pdfium(path: Path, digest: str, native: bool = True) -> RawPages:
    """PDFium reads every page; tables are looked for only where ruled tables could hold items."""
    from extractors import pdfium_text as fast

    raw = RawPages(str(path), digest, [], [], [], [], [], (), [])
    pdf = fast.open_pdf(path)
    table_pages: list[int] = []
    try:
        raw.metadata = tuple(
            (str(k), str(v)) for k, v in pdf.get_metadata_dict().items() if v and isinstance(v, str)
        )
        beyond = _TreeEnd(path)
        for index in range(1, len(pdf) + 1):
            try:
                page = pdf[index - 1]
            except Exception as exc:  # a page PDFium cannot load is skipped, not the document
                if beyond.reached(raw, index):
                    break  # a /Count larger than the tree: no more pages to read
                _skip_page(raw, path, index, exc)
                continue
            try:
                width, height = (float(v) for v in page.get_size())
                found, drawings, edges = _read_pdfium_page(page, index, native)
            except Exception as exc:  # a broken page must not cost the document
                logger.warning("%s: page %d could not be parsed: %s", path, index, exc)
                raw.warnings.append(
                    f"{path.name}: page {index} could not be parsed ({exc}); skipped"
                )
                width, height = (float(v) for v in page.get_size())
                found, drawings, edges = [], [], []
            finally:
                page.close()
            found = _with_marks(found, drawings)
            bold = {font: bool(_BOLD_RE.search(font)) for font in {w[6] for w in found}}
            raw.sizes.append((width, height))
            raw.words.append(PageWords.from_rows(found, bold))
            raw.boxes.append(_frame_boxes(_shapes(drawings), width, height))
            raw.table_boxes.append([])
            # Tables only where a ruled table could hold items: drawn rules, and item words on
            # the page or a table on the page before.
            if (
                found
                and fast.may_hold_table(drawings, width, height)
                and (
                    _ITEM_WORDS_RE.search(" ".join(w[0] for w in found))
                    or (table_pages and table_pages[-1] == index - 1)
                )
            ):
                table_pages.append(index)
                tables = fast.find_tables(
                    index,
                    found,
                    edges,
                    (width, height),
                    TABLE_SETTINGS,
                    WORD_SETTINGS["x_tolerance_ratio"],
                    WORD_SETTINGS["y_tolerance"],
                )
                raw.tables.extend(table for table, _ in tables)
                raw.table_boxes[-1] = [box for _, box in tables]
    finally:
        pdf.close()
    return raw


def _with_marks(found: list[RawWord], drawings: Sequence[PageDrawing]) -> list[RawWord]:
    """A page's words with a bullet glyph for each drawn list mark (set on its line's words)."""
    shapes = mark_shapes([(d.x0, d.top, d.x1, d.bottom, d.filled) for d in drawings])
    marks = list_marks(shapes, [(w[1], w[3], w[2], w[4]) for w in found]) if shapes else []
    if not marks:
        return found
    glyphs = [(BULLET, x0, x1, found[k][3], found[k][4], found[k][5], found[k][6])
              for (x0, _top, x1, _bottom), k in marks]  # fmt: skip
    return found + glyphs


def _shapes(drawings: Sequence[PageDrawing]) -> list[dict[str, Any]]:
    """Drawn paths as the pdfplumber-style rectangles `_frame_boxes` reads."""
    return [
        {
            "x0": d.x0,
            "top": d.top,
            "x1": d.x1,
            "bottom": d.bottom,
            "width": d.x1 - d.x0,
            "height": d.bottom - d.top,
            "fill": d.filled,
            "stroke": d.stroked,
        }
        for d in drawings
    ]


class _TreeEnd:
    """Where the page tree really ends, looked up once, at the first page PDFium cannot load.

    PDFium trusts /Count: a tree of 10 pages declaring 9999 would fail 9,989 page loads, each
    warned. Past the tree's last page the reading stops, with one warning giving both numbers.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree: PageTree | None = None
        self.walked = False

    def reached(self, raw: RawPages, index: int) -> bool:
        """True (and warned) when page `index` lies past the pages the tree holds."""
        from extractors.pagetree import walk_page_tree

        if not self.walked:
            self.walked = True
            try:
                self.tree = walk_page_tree(self.path)
            except Exception as exc:  # too broken to walk: skip pages one by one
                logger.info("%s: page tree not walked (%s)", self.path, exc)
        if self.tree is None or index <= self.tree.pages:
            return False
        raw.warnings.append(
            f"{self.path.name}: its page tree holds {self.tree.pages} pages but declares"
            f" /Count {self.tree.count}; read {self.tree.pages}"
        )
        return True


def _skip_page(raw: RawPages, path: Path, index: int, exc: Exception) -> None:
    """Record an unreadable page as empty (the size of the page before) and warn naming it."""
    logger.warning("%s: page %d could not be loaded: %s", path, index, exc)
    raw.warnings.append(f"{path.name}: page {index} could not be loaded ({exc}); skipped")
    raw.sizes.append(raw.sizes[-1] if raw.sizes else (595.0, 842.0))
    raw.words.append(PageWords())
    raw.boxes.append([])
    raw.table_boxes.append([])


def _read_pdfium_page(
    page: Any, index: int, native: bool = True
) -> tuple[list[RawWord], list[PageDrawing], list[Edge]]:
    """One page's words, drawn paths and edges with PDFium (index: for fault injection in tests)."""
    from extractors import pdfium_text as fast

    return fast.read_page(page, PDFIUM_GAP_RATIO, WORD_SETTINGS["y_tolerance"], native)


def _frame_boxes(
    shapes: list[dict[str, Any]], width: float, height: float
) -> list[tuple[float, float, float, float]]:
    """Boxes and shaded panels worth marking: wide, tall enough, not the whole page."""
    area = width * height
    boxes = [
        (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        for r in shapes
        if _is_frame(r, width, area)
    ]
    return boxes + _boxes_from_bars(shapes, width)


def _is_frame(r: dict[str, Any], width: float, area: float) -> bool:
    """A drawn rectangle that frames text: a wide box, or a tall shaded sidebar panel."""
    framed = (r["width"] > 0.3 * width and r["height"] > 14) or (
        r["width"] > 0.18 * width and r["height"] > 40 and bool(r.get("fill"))
    )
    return (
        framed and r["width"] * r["height"] < 0.85 * area and bool(r.get("fill") or r.get("stroke"))
    )


def _read_pages_pdfplumber(path: Path, digest: str) -> RawPages:
    """Parse every page with pdfplumber (the reference engine), closing pages as it goes."""
    import pdfplumber  # lazy: heavy import

    raw = RawPages(str(path), digest, [], [], [], [], [], (), [])
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise ExtractionError(
            str(path),
            f"is not a readable PDF ({type(exc).__name__}: {exc})",
            "the file is damaged or encrypted; download it again or open and re-save it",
        ) from exc
    with pdf:
        raw.metadata = tuple(
            (str(k), str(v)) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | int)
        )
        for index, page in enumerate(pdf.pages, start=1):
            try:
                words, rects, page_tables, tboxes = _read_page(page, index)
            except Exception as exc:  # a broken page must not cost the document
                logger.warning("%s: page %d could not be parsed: %s", path, index, exc)
                raw.warnings.append(
                    f"{path.name}: page {index} could not be parsed ({exc}); skipped"
                )
                words, rects, page_tables, tboxes = [], [], [], []
            raw.sizes.append((float(page.width), float(page.height)))
            raw.words.append(PageWords(words))
            raw.boxes.append(rects)
            raw.tables.extend(page_tables)
            raw.table_boxes.append(tboxes)
            page.close()
    return raw


def build_document(raw: RawPages, native: bool = True) -> DocumentText:
    """Assemble parsed pages into ordered, furniture-free lines (`native`: the C grouping)."""
    heights = tuple(h for _, h in raw.sizes)
    warnings = list(raw.warnings)
    if not any(raw.words):
        warnings.append(f"{raw.file}: {NO_TEXT_DAMAGED if raw.warnings else NO_TEXT_HINT}")
        return DocumentText(
            file=raw.file,
            sha256=raw.sha256,
            pages=len(raw.sizes),
            lines=(),
            pdf_metadata=raw.metadata,
            warnings=tuple(warnings),
            page_heights=heights,
        )
    blank = [index for index, words in enumerate(raw.words, start=1) if not words]
    if blank:
        warnings.append(
            f"{raw.file}: {_pages(blank)} yielded no text (blank, or images of text: OCR them,"
            " e.g. with --ocr, if they hold items)"
        )
    lines: list[Line] = []
    for index, words in enumerate(raw.words, start=1):
        width, _height = raw.sizes[index - 1]
        boxes = raw.boxes[index - 1], raw.table_boxes[index - 1]
        lines.extend(page_lines(words, index, width, native, *boxes))
    scattered = scattered_pages(lines)
    if scattered:
        warnings.append(
            f"{Path(raw.file).name}: the text of {_pages(scattered)} falls apart into single"
            " letters (a damaged page box or rotation, or a font that places each glyph alone);"
            " items there may be lost: check those pages"
        )
    return DocumentText(
        file=raw.file,
        sha256=raw.sha256,
        pages=len(raw.sizes),
        lines=tuple(remove_furniture(lines, heights)),
        tables=tuple(raw.tables),
        pdf_metadata=raw.metadata,
        warnings=tuple(warnings),
        page_heights=heights,
    )


SCATTERED_SHARE = 0.7  # of a page's words that are single letters (prose: under 0.05; tables: 0.4)
SCATTERED_MIN_WORDS = 50


def scattered_pages(lines: Sequence[Line]) -> list[int]:
    """Pages whose words are mostly single letters: text read as letters strewn about."""
    words: Counter[int] = Counter()
    letters: Counter[int] = Counter()
    for line in lines:
        found = _LETTERS_RE.findall(line.text)
        if found:
            words[line.page] += len(found)
            letters[line.page] += sum(len(word) == 1 for word in found)
    return sorted(
        page
        for page, count in words.items()
        if count >= SCATTERED_MIN_WORDS and letters[page] >= SCATTERED_SHARE * count
    )


def _pages(numbers: Sequence[int]) -> str:
    """Page numbers as runs: "page 4", "pages 2-3, 7"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"page {text}" if len(numbers) == 1 else f"pages {text}"


def _read_page(
    page: Any, index: int
) -> tuple[
    list[Word],
    list[tuple[float, float, float, float]],
    list[Table],
    list[tuple[float, float, float, float]],
]:
    if has_overprint(page.chars):
        page = page.dedupe_chars()  # fake bold: the same glyphs printed twice, slightly offset
    raw = page.extract_words(extra_attrs=["fontname", "size"], **WORD_SETTINGS)
    words = [
        Word(
            text=w["text"],
            x0=float(w["x0"]),
            x1=float(w["x1"]),
            top=float(w["top"]),
            bottom=float(w["bottom"]),
            size=round(float(w["size"]), 1),
            bold=bool(_BOLD_RE.search(str(w["fontname"]))),
        )
        for w in raw
        if w["text"].strip()
    ]
    words += _plumbed_marks(page, words)
    area = float(page.width) * float(page.height)
    rects = [
        (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        for r in page.rects
        if _is_frame(r, float(page.width), area)
    ]
    rects += _boxes_from_bars(page.rects + page.lines, float(page.width))
    found: list[Table] = []
    tboxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables({**TABLE_SETTINGS, **_row_ruled_lines(page, words)}):
        rows = [
            tuple(clean_cell(cell) for cell in row)
            for row in table.extract(**WORD_SETTINGS)
            if row and any(cell and cell.strip() for cell in row)
        ]
        if len(rows) < 1 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        tboxes.append((x0, top, x1, bottom))
        found.append(Table(page=index, top=top, bottom=bottom, rows=tuple(rows)))
    return words, rects, found, tboxes


def _plumbed_marks(page: Any, words: Sequence[Word]) -> list[Word]:
    """A bullet glyph for each drawn list mark among pdfplumber's rectangles and curves."""
    shapes = mark_shapes(
        [
            (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]), bool(r["fill"]))
            for r in page.rects + page.curves
        ]
    )
    marks = list_marks(shapes, [(w.x0, w.top, w.x1, w.bottom) for w in words]) if shapes else []
    return [
        Word(BULLET, x0, x1, words[k].top, words[k].bottom, words[k].size, False)
        for (x0, _top, x1, _bottom), k in marks
    ]


def _row_ruled_lines(page: Any, words: Sequence[Word]) -> dict[str, list[dict[str, Any]]]:
    """Explicit lines for pdfplumber's finder where a table is ruled only between rows."""
    from extractors.pdfium_text import implied_edges

    edges = [
        (float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]), e["orientation"], "")
        for e in page.edges
    ]
    raw = [(w.text, w.x0, w.x1, w.top, w.bottom, w.size, "") for w in words]
    implied = implied_edges(raw, edges)
    if not implied:
        return {}

    def line(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
        return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "width": x1 - x0,
                "height": bottom - top, "object_type": "line", "doctop": top}  # fmt: skip

    return {
        "explicit_vertical_lines": [line(*e[:4]) for e in implied if e[4] == "v"],
        "explicit_horizontal_lines": [line(*e[:4]) for e in implied if e[4] == "h"],
    }


def _boxes_from_bars(
    shapes: Iterable[dict[str, Any]], page_width: float
) -> list[tuple[float, float, float, float]]:
    """Boxes drawn as four thin bars: pair left and right vertical bars of the same span."""
    bars = sorted(
        (float(s["x0"]), float(s["top"]), float(s["x1"]), float(s["bottom"]))
        for s in shapes
        if float(s["x1"]) - float(s["x0"]) <= 2.5 and float(s["bottom"]) - float(s["top"]) >= 20
    )
    boxes: list[tuple[float, float, float, float]] = []
    for i, (lx0, ltop, _lx1, lbottom) in enumerate(bars):
        for rx0, rtop, rx1, rbottom in bars[i + 1 :]:
            overlap = min(lbottom, rbottom) - max(ltop, rtop)
            if rx0 - lx0 >= 0.3 * page_width and overlap >= 0.8 * max(lbottom - ltop, 1):
                boxes.append((lx0, max(ltop, rtop), rx1, min(lbottom, rbottom)))
                break
    return boxes


_X0 = operator.attrgetter("x0")


def page_lines(
    words: PageWords,
    page: int,
    page_width: float,
    native: bool = True,
    boxes: Sequence[tuple[float, float, float, float]] = (),
    table_boxes: Sequence[tuple[float, float, float, float]] = (),
) -> list[Line]:
    """A page's words as visual lines in reading order (the C grouping when it is built),
    each marked when it sits in a box or panel (the order reads panels side by side)."""
    lines = _mark_boxes(_marks_rejoined(group_lines(words, page, page_width, native)), boxes, ())
    # panels are known before the order (a grid of them is read panel column by panel column);
    # a table's cells are marked after it, so that its rows are never read as columns
    return _mark_boxes(_order_columns(lines, page_width), (), table_boxes)


_BADGE_RE = re.compile(r"^\d{1,2}[a-z]?$")  # "1", or a part "3a" in a label column


def _stands_out(mark: Line, text: Line) -> bool:
    """True when a bare number is set apart from the line beside it: bold beside plain text,
    or larger, and that line reads as text (not another number of a table's row)."""
    heavier = (mark.bold and not text.bold) or mark.size > text.size + 0.5
    return heavier and text.text[:1].isalpha()


def _marks_rejoined(lines: list[Line]) -> list[Line]:
    """A lone list mark ("7.") set a little higher than its text, in a larger size, ends up a
    line of its own: it opens the line just right of it at its height. So does a bare number
    set in a heavier or larger face than its text (a numbered badge: "1" bold beside "All …")."""
    marks = [ln for ln in lines if _LIST_MARK_RE.match(ln.text) or _BADGE_RE.match(ln.text)]
    if not marks:
        return lines  # most pages: nothing to rejoin
    taken: set[int] = set()
    joined: dict[int, Line] = {}
    for mark in marks:
        badge = not _LIST_MARK_RE.match(mark.text)
        text = next(
            (
                ln
                for ln in lines
                if ln is not mark
                and id(ln) not in taken
                and abs(ln.top - mark.top) < 0.5 * mark.size
                and 0 < ln.x0 - mark.x1 <= _HANGING_GAP * mark.size
                and (not badge or _stands_out(mark, ln))
                # a number in smaller print several ems short of the text is a table's
                # cell beside another column ("32.2" in a figures table, then prose)
                and not (mark.size < ln.size - 0.5 and ln.x0 - mark.x1 > 3 * mark.size)
            ),
            None,
        )
        if text is not None:
            taken.update((id(mark), id(text)))
            joined[id(text)] = replace(
                text, text=f"{mark.text} {text.text}", x0=mark.x0, top=min(mark.top, text.top)
            )
    return [joined.get(id(ln), ln) for ln in lines if id(ln) not in taken or id(ln) in joined]


def group_lines(words: PageWords, page: int, page_width: float, native: bool = True) -> list[Line]:
    """Group a page's words into visual lines, split at column edges and gutters, unordered.

    The C extension groups the packed words directly (no Word objects) by the rules of
    `_group_words`, float for float; Python groups them when it is not built (or built before
    it could), is switched off (`native` False: the settings' C loop switch) or declines a page
    (coordinates that are not finite).
    """
    from extractors import pdfium_text

    # None too from a build that predates the C grouping
    fast = getattr(pdfium_text.native(native), "page_lines", None)
    if fast is not None:
        found: list[Line] | None = fast(
            words._text,
            words._lengths,
            words._coords,
            words._bold,
            page_width,
            page,
            Line,
            _LIST_MARK_RE.match,
            _SUPERSCRIPT_RE.match,
        )
        if found is not None:
            return found
    return _group_words(list(words), page, page_width)


def _group_words(words: list[Word], page: int, page_width: float) -> list[Line]:
    """Words into visual lines (the Python rules of `group_lines`), before column ordering."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w.top), w.x0))
    rows: list[list[Word]] = []
    spans: list[tuple[float, float]] = []  # each row's first word's top and bottom
    for word in words:
        top, bottom = word.top, word.bottom
        height = bottom - top
        # The last three rows, newest first (min and max written out: this loop is hot).
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            ref_top, ref_bottom = spans[k]
            overlap = (bottom if bottom < ref_bottom else ref_bottom) - (
                top if top > ref_top else ref_top
            )
            ref_height = ref_bottom - ref_top
            if overlap > 0.5 * (height if height < ref_height else ref_height):
                rows[k].append(word)
                break
        else:
            rows.append([word])
            spans.append((top, bottom))
    for row in rows:
        row.sort(key=_X0)
    edges = _column_edges(rows, page_width)
    near: dict[int, list[list[Word]]] = {}  # each row's neighbours, found at its first wide gap
    segments: list[list[Word]] = []
    for r, row in enumerate(rows):
        current = [row[0]]
        for word in row[1:]:
            last = current[-1]
            gap = word.x0 - last.x1
            size = max(word.size, last.size)
            at_edge = gap > 4 and bool(edges) and any(_at_edge(last, word, e, size) for e in edges)
            wide = gap > 12.0 and gap > 1.6 * size
            neighbours = _neighbours(rows, r, near) if wide else []
            # a row that starts where the gap ends, nothing left of it, carries on a cell
            # right of the gap ("1.2 Chief Constable  Stop using …" over "promotions, …")
            # (not after a label, "REC 1", hanging before its text)
            wraps = (
                len(current) > 1 and not _label_words(current) and _cell_wraps(neighbours, word.x0)
            )
            if (
                (at_edge or (wide and (_is_gutter(neighbours, last.x1, word.x0) or wraps)))
                # a lone list mark hangs in front of its text: never a line of its own (a
                # column's width away, it stands beside another column's line instead; after
                # other cells of its row, a number more than three ems short of a column's
                # edge is a table's cell, "32.2", beside the next column's text)
                and not (
                    len(current) == 1
                    and _LIST_MARK_RE.match(current[0].text)
                    and gap <= _HANGING_GAP * size
                    and not (current[0] is not row[0] and at_edge and gap > 3 * size)
                )
            ):
                segments.append(current)
                current = [word]
            else:
                current.append(word)
        segments.append(current)
    return [_segment_to_line(seg, page) for seg in segments]


def _at_edge(last: Word, word: Word, edge: float, size: float) -> bool:
    """True when the next word starts a column at `edge`: it starts there after white space
    (a gutter, not a word space in a box's line across both columns), or within an em past
    it after a gap wider than an em that holds the edge (a panel's text inset from its
    column's edge)."""
    if abs(word.x0 - edge) <= 2 and last.x1 <= edge - 0.5 * size:
        return True
    return word.x0 - last.x1 > size and last.x1 <= edge - 2 <= word.x0 <= edge + size


def _column_edges(rows: list[list[Word]], page_width: float) -> list[float]:
    """Left edges of a second column: x positions in mid-page where many rows restart."""
    starts: Counter[int] = Counter()
    for row in rows:
        for prev, word in itertools.pairwise(row):
            if word.x0 - prev.x1 > 4 and 0.3 * page_width < word.x0 < 0.7 * page_width:
                starts[round(word.x0)] += 1
    edges: list[float] = []
    for x, _count in starts.most_common(3):
        near = sum(c for k, c in starts.items() if abs(k - x) <= 2)
        if near < 6 or any(abs(x - e) <= 2 for e in edges):
            continue
        # A real column edge has white space just left of it in almost every row; the wide
        # gaps of justified text line up only by chance, with words crossing in other rows.
        restarting = [
            row[0].top for row in rows if any(abs(w.x0 - x) <= 2 and w is not row[0] for w in row)
        ]
        low, high = min(restarting, default=0.0), max(restarting, default=0.0)
        crossing = sum(
            1 for row in rows if low <= row[0].top <= high and any(w.x0 < x - 3 < w.x1 for w in row)
        )
        if crossing <= 0.15 * near:
            edges.append(float(x))
    return edges


def _neighbours(
    rows: list[list[Word]], r: int, near: dict[int, list[list[Word]]]
) -> list[list[Word]]:
    """The rows starting within three font sizes of row r's top (memoised in `near`)."""
    found = near.get(r)
    if found is None:
        row_top = rows[r][0].top
        size = rows[r][0].size
        found = near[r] = [
            other
            for k, other in enumerate(rows)
            if k != r and abs(other[0].top - row_top) < 3 * size
        ]
    return found


def _is_gutter(neighbours: list[list[Word]], left: float, right: float) -> bool:
    """True when a neighbouring row also breaks where a row's gap [left, right] ends: nothing
    there crosses the start of the text on the right, and something stands left of it."""
    if not neighbours:
        return True
    edge = right - 2
    return any(
        not any(w.x0 < edge < w.x1 for w in other) and any(w.x1 <= edge for w in other)
        for other in neighbours
    )


# A word that is a number ("1", "4.2", "12a"): a label's, ending it
_NUMBER_WORD_RE = re.compile(r"[0-9][0-9.]*[a-z]?\.?")


def _label_words(words: list[Word]) -> bool:
    """True for a few words that read as an item's label: a word, then a number ("REC 1",
    "Area for improvement 4")."""
    return (
        len(words) <= 4
        and _NUMBER_WORD_RE.fullmatch(words[-1].text) is not None
        and _NUMBER_WORD_RE.fullmatch(words[0].text) is None
    )


def _cell_wraps(neighbours: list[list[Word]], right: float) -> bool:
    """True when a neighbouring row starts where a row's gap ends: the cell right of the gap
    wraps under its first line."""
    return any(abs(other[0].x0 - right) <= 1.0 for other in neighbours)


def _segment_to_line(seg: list[Word], page: int) -> Line:
    # The line's size is the one most of its characters have (the first such on a tie).
    chars_by_size: dict[float, int] = {}
    bold_chars = 0
    total = 0
    for w in seg:
        n = len(w.text)
        chars_by_size[w.size] = chars_by_size.get(w.size, 0) + n
        total += n
        if w.bold:
            bold_chars += n
    if len(chars_by_size) == 1 and seg[0].size > 0:
        size = seg[0].size
        kept = seg  # one size: no small raised footnote markers
    else:
        most = max(chars_by_size.values())
        size = next(k for k, v in chars_by_size.items() if v == most)
        base = max(w.bottom for w in seg if w.size == size)
        # Footnote reference markers: small raised digits attached to the text.
        kept = [
            w
            for w in seg
            if not (
                w.size <= 0.8 * size
                and w.bottom < base - 0.15 * size
                and w is not seg[0]
                and _SUPERSCRIPT_RE.match(w.text)
            )
        ]
    if len(seg) == 1:
        w = seg[0]
        x0, x1, top, bottom = w.x0, w.x1, w.top, w.bottom
    else:
        x0, x1 = min([w.x0 for w in seg]), max([w.x1 for w in seg])
        top, bottom = min([w.top for w in seg]), max([w.bottom for w in seg])
    tail = head = 0  # the trailing and opening runs of bold words, with the spaces between
    opening = True
    for w in kept:
        tail = ((tail + 1 if tail else 0) + len(w.text)) if w.bold else 0
        opening = opening and w.bold
        head = tail if opening else head
    return Line(
        page=page,
        text=" ".join([w.text for w in kept]),
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=size,
        bold=bold_chars > 0.6 * total,
        bold_tail=tail,
        bold_head=head,
    )


def _order_columns(lines: list[Line], page_width: float) -> list[Line]:
    """Read a page of side-by-side columns (two, or two and a sidebar) column by column; a
    page whose columns fill only a band between full-width lines (a grid of boxes under an
    introduction) that band column by column; other pages top to bottom."""
    ordered = _in_columns(lines, page_width)
    if ordered is not None:
        return ordered
    bands = _bands(_top_to_bottom(lines), page_width)
    # panels side by side (a grid of boxes) are read panel column by panel column, whatever
    # the rest of the page is; other narrow lines side by side (a form's labels and values)
    # keep their rows
    read = [
        _in_columns(band, page_width) if narrow and all(ln.in_box for ln in band) else None
        for band, narrow in bands
    ]
    read = [r if r is not None and _apart(r) else None for r in read]
    # a band of prose in two columns under a full-width figure or title is read column by column
    # (a band that is the whole page was tried as the whole page above)
    read = [r if r is not None or len(band) == len(lines) else _prose_columns(band, page_width)
            for r, (band, _n) in zip(read, bands, strict=True)]  # fmt: skip
    return [ln for (band, _narrow), r in zip(bands, read, strict=True) for ln in (r or band)]


def _prose_columns(band: list[Line], page_width: float) -> list[Line] | None:
    """A band's lines column by column when each column holds paragraphs of prose (at least
    eight lines that fill most of its width), not a form's short labels and values."""
    if len(band) < 20:
        return None
    ordered = _in_columns(band, page_width)
    if ordered is None:
        return None
    columns = _columns(band, page_width)
    full = Counter(
        ln.column
        for ln in ordered
        if ln.x1 - ln.x0 > 0.8 * (columns[ln.column][1] - columns[ln.column][0])
    )
    return ordered if len(columns) >= 2 and all(full[k] >= 8 for k in range(len(columns))) else None


def _apart(lines: list[Line]) -> bool:
    """True for panels side by side, columns of like width (a grid of boxes), not a framed
    form whose narrow column of labels stands beside its values."""
    spans: dict[int, tuple[float, float]] = {}
    for ln in lines:
        x0, x1 = spans.get(ln.column, (ln.x0, ln.x1))
        spans[ln.column] = (min(x0, ln.x0), max(x1, ln.x1))
    widths = [x1 - x0 for x0, x1 in spans.values()]
    return len(widths) >= 2 and min(widths) >= 0.6 * max(widths)


def _bands(lines: list[Line], page_width: float) -> list[tuple[list[Line], bool]]:
    """Lines down the page in runs of full-width lines and runs of narrower ones, a panel's
    lines apart from the page's."""
    bands: list[tuple[list[Line], bool]] = []
    boxed: bool | None = None
    for ln in lines:
        narrow = ln.x1 - ln.x0 < 0.55 * page_width
        # a sidebar panel beside prose: its lines, level with the prose's or running on under
        # them in a band that already holds both, are of one band
        beside = narrow and bool(bands) and _beside(ln, bands[-1][0])
        if bands and bands[-1][1] == narrow and (ln.in_box == boxed or beside):
            bands[-1][0].append(ln)
        else:
            bands.append(([ln], narrow))  # a new band: other width, or in or out of a panel
        boxed = ln.in_box
    return bands


def _beside(ln: Line, band: list[Line]) -> bool:
    """True when a line stands level with one of the band's last lines, or the band already
    holds lines in and out of a panel and this one follows close under them."""
    recent = band[-3:]
    if any(a.top < ln.bottom and ln.top < a.bottom for a in recent):
        return True
    mixed = len({a.in_box for a in band}) == 2
    return mixed and ln.top - max(a.bottom for a in recent) < 2 * ln.size


def _in_columns(lines: list[Line], page_width: float) -> list[Line] | None:
    """The lines column by column when they stand in side-by-side columns, else None."""
    columns = _columns(lines, page_width)
    if len(columns) < 2:
        return None
    placed: list[list[Line]] = [[] for _ in columns]
    spanning: list[Line] = []
    # a column reaches from the end of the one before (a hanging label stands in the gutter)
    # to the start of the next (its longest lines reach past where most end)
    starts = [-1.0] + [b for _a, b in columns[:-1]]
    limits = [a - 2 for a, _b in columns[1:]] + [page_width]
    for ln in lines:
        k = next(
            (
                k
                for k, (start, limit) in enumerate(zip(starts, limits, strict=True))
                if start <= ln.x0 and ln.x1 <= limit
            ),
            -1,
        )
        (placed[k] if k >= 0 else spanning).append(ln)
    _with_its_panel(placed, spanning)
    prose = [
        [ln for ln in col if ln.x1 - ln.x0 > 0.5 * (b - a)]
        for col, (a, b) in zip(placed, columns, strict=True)
    ]
    if sum(len(col) >= 3 for col in prose) < 2 or len(spanning) > 0.25 * len(lines):
        return None
    # Beside a column's prose line stands a line of another column (prose, a heading, a label).
    side_by_side = (
        b
        for k, col in enumerate(prose)
        for b in col
        if any(
            a.top < b.bottom and b.top < a.bottom for j, c in enumerate(placed) if j != k for a in c
        )
    )
    if len(list(itertools.islice(side_by_side, 6))) < 6:
        return None
    # Lines spanning the gutters above the columns come first (titles), the rest after them.
    col_top = min(ln.top for col in prose for ln in col)
    head = sorted((ln for ln in spanning if ln.top < col_top), key=lambda ln: (ln.top, ln.x0))
    tail = sorted((ln for ln in spanning if ln.top >= col_top), key=lambda ln: (ln.top, ln.x0))
    ordered = head
    for k, col in enumerate(placed):
        ordered += [replace(ln, column=k) for ln in sorted(col, key=lambda ln: ln.top)]
    return ordered + tail


def _with_its_panel(placed: list[list[Line]], spanning: list[Line]) -> None:
    """A panel across the columns ("Area for improvement" over its text, the width of the
    page): its short lines that fit in one column are read with the panel, not the column."""
    panel = [ln for ln in spanning if ln.in_box]
    while panel:  # a label over a title over the panel's text: each close under the last
        mates = [
            (col, ln)
            for col in placed
            for ln in col
            if ln.in_box
            and any(abs(ln.top - p.top) < 2.5 * p.size and abs(ln.x0 - p.x0) < 10 for p in panel)
        ]
        for col, ln in mates:
            col.remove(ln)
            spanning.append(ln)
        panel = [ln for _col, ln in mates]


def _top_to_bottom(lines: list[Line]) -> list[Line]:
    """Lines down the page; lines side by side in one row (a label cell and its value set in
    another size, their tops a point apart) left to right."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    out: list[Line] = []
    row: list[Line] = []
    for ln in ordered:
        if row and ln.top - row[0].top > 0.5 * min(ln.bottom - ln.top, row[0].bottom - row[0].top):
            out += sorted(row, key=lambda r: r.x0)
            row = []
        row.append(ln)
    return out + sorted(row, key=lambda r: r.x0)


_GUTTER = 8.0  # the least white space between two columns, in points


def _columns(lines: list[Line], page_width: float) -> list[tuple[float, float]]:
    """The x ranges of a page's columns: runs of the width that lines cover, split where at
    most one line in twenty crosses (a gutter), each at least a seventh of the page wide."""
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.55 * page_width]
    if len(narrow) < 6:
        return []
    width = int(page_width) + 2
    steps = [0] * (width + 1)  # how many lines start minus end at each x: summed, the cover
    for ln in lines:
        steps[min(width, max(0, int(ln.x0)))] += 1
        steps[min(width, max(0, int(ln.x1) + 1))] -= 1
    cover = list(itertools.accumulate(steps[:width]))
    limit = max(1, len(lines) // 20)
    runs: list[tuple[float, float]] = []
    start: int | None = None
    blank = 0
    for x, n in enumerate([*cover, 0]):
        if n > limit:
            if start is None:
                start = x
            blank = 0
            continue
        blank += 1
        if start is not None and (blank >= _GUTTER or x == width):
            runs.append((float(start), float(x - blank + 1)))
            start = None
    return [(a, b) for a, b in runs if b - a >= page_width / 7]


def _mark_boxes(
    lines: list[Line],
    rects: Sequence[tuple[float, float, float, float]],
    tables: Sequence[tuple[float, float, float, float]],
) -> list[Line]:
    def inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
        x0, top, x1, bottom = box
        cy = (ln.top + ln.bottom) / 2
        return x0 - 2 <= ln.x0 and ln.x1 <= x1 + 2 and top - 2 <= cy <= bottom + 2

    boxes = [*rects, *tables]
    if not boxes:
        return lines
    out = []
    for ln in lines:
        boxed = any(inside(ln, r) for r in boxes)
        out.append(replace(ln, in_box=boxed) if boxed else ln)
    return out


def _furniture_key(text: str, mask: bool = True) -> str:
    # Running lines differ only in numbers (page, date) or in where a long title is cut off;
    # in a short document (`mask` off) only the very same line counts, so that items numbered
    # 1, 4, 7 at one height on three pages are not taken for one running line.
    words = " ".join(text.lower().split())
    if _ITEM_LABEL_LINE_RE.match(words):
        # "Recommendation 2" atop each slide or page: the items' labels, each its own number
        return words
    words = _PAGE_TAIL_RE.sub("", words)
    return (_DIGITS_RE.sub("#", words) if mask else words)[:48]


_ITEM_LABEL_LINE_RE = re.compile(
    r"^(?:recommendation|area for improvement|cause of concern|action|afi)\s+"
    r"(?:no\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?:?$"
)


# A page number a running line carries on some pages only ("… REVIEW 2024/25 Page 2 of 4")
_PAGE_TAIL_RE = re.compile(r"\s+(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4})$")


def body_size(lines: Sequence[Line]) -> float:
    """The text's size: the (rounded) size most of the characters are set in."""
    counts: Counter[float] = Counter()
    for ln in lines:
        counts[round(ln.size)] += len(ln.text)
    return float(counts.most_common(1)[0][0]) if counts else 10.0


def remove_furniture(lines: list[Line], page_heights: Sequence[float]) -> list[Line]:
    """Drop running headers/footers (repeated at one height across pages) and page numbers."""
    n_pages = len(page_heights)
    mask = n_pages >= 4
    counts: Counter[tuple[str, int]] = Counter()
    seen: set[tuple[int, str, int]] = set()
    for ln in lines:
        if _in_band(ln, page_heights):
            key = (_furniture_key(ln.text, mask), round(ln.top / 6))
            if (ln.page, *key) not in seen:
                seen.add((ln.page, *key))
                counts[key] += 1
    # Running lines sit at a fixed height; chapter-specific ones repeat only within a chapter.
    # A three-page letter repeats its running line on the two pages after its letterhead;
    # one or two pages are too few to tell a running line from text.
    if n_pages >= 4:
        threshold = max(3, min(int(0.3 * n_pages), 6))
    else:
        threshold = 2 if n_pages == 3 else n_pages + 1
    repeated = {k for k, c in counts.items() if c >= threshold}
    body = body_size(lines)
    if n_pages == 2:
        # on two pages, a line printed on both at one height in a smaller face than the text
        # is a running line ("OPCC Westfield | Section 55 response" over a two-page letter)
        repeated |= _small_on_both(lines, page_heights, counts, mask, body)
    headings = _section_headings(lines, page_heights, repeated, body, mask) | _panel_text(
        lines, page_heights
    )
    cutting_in = (
        _heads_cutting_in(lines, page_heights, body)
        | _numbered_rows(lines, page_heights, body)
        | _heading_echoes(lines, page_heights, body)
    )
    kept: list[Line] = []
    for ln in lines:
        if id(ln) in cutting_in:
            continue
        if _in_band(ln, page_heights):
            stripped = ln.text.strip()
            key = (_furniture_key(stripped, mask), round(ln.top / 6))
            if id(ln) not in headings and (
                key in repeated
                or (key[0], key[1] - 1) in repeated
                or (key[0], key[1] + 1) in repeated
            ):
                continue
            if _PAGE_NUMBER_RE.match(stripped) or _MARKING_RE.match(stripped):
                continue
        kept.append(ln)
    return kept


_DAY_MONTH_YEAR_RE = re.compile(
    r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}\b"
)


def _small_on_both(
    lines: Sequence[Line],
    page_heights: Sequence[float],
    counts: Counter[tuple[str, int]],
    mask: bool,
    body: float,
) -> set[tuple[str, int]]:
    """Band lines found on both pages of a two-page document, each smaller than the text; not
    one that carries a date (a paper's "Board of Directors – 5 February 2026" dates it)."""
    twice = {k for k, c in counts.items() if c == 2}
    small: dict[tuple[str, int], bool] = {}
    for ln in lines:
        if _in_band(ln, page_heights):
            key = (_furniture_key(ln.text, mask), round(ln.top / 6))
            if key in twice:
                dated = bool(_DAY_MONTH_YEAR_RE.search(ln.text))
                small[key] = small.get(key, True) and ln.size < body - 0.5 and not dated
    return {k for k, ok in small.items() if ok}


def _heads_cutting_in(
    lines: Sequence[Line], page_heights: Sequence[float], body: float
) -> set[int]:
    """Small lines heading a page that cut into a sentence carried over from the page before
    (it ends mid-sentence, the page's text goes on in lower case): a running head, even one
    printed on that page alone (a letter heads its second page only). Ids of those lines."""
    pages: dict[int, list[Line]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)

    def text_size(ln: Line) -> bool:
        return abs(ln.size - body) <= 0.5

    cut: set[int] = set()
    for page, on_page in pages.items():
        before = [ln for ln in pages.get(page - 1, ()) if text_size(ln)]
        top_band = 0.12 * page_heights[page - 1]
        head: list[Line] = []
        for ln in on_page:
            if ln.top >= top_band or ln.size >= body - 0.5:
                break
            head.append(ln)
        rest = on_page[len(head) :]
        if (
            before
            and head
            and rest
            and not _ENDS_SENTENCE_RE.search(before[-1].text)
            and rest[0].text[:1].islower()
            and text_size(rest[0])
        ):
            cut |= {id(ln) for ln in head}
    return cut


_ENDS_SENTENCE_RE = re.compile(r"[.!?:;][\"'’”)\]]*\s*$")


def _numbered_rows(lines: Sequence[Line], page_heights: Sequence[float], body: float) -> set[int]:
    """Small print level with the page's own number at its head or foot ("The Home Secretary
    · 10 October 2025 · page 2" over a letter's second page): one running line, printed on
    that page alone. Ids of its other cells."""
    rows: set[tuple[int, int]] = set()
    for ln in lines:
        text = ln.text.strip()
        if _in_band(ln, page_heights) and _PAGE_NUMBER_RE.match(text):
            digits = _DIGITS_RE.findall(text)
            if digits and int(digits[0]) == ln.page and ln.size < body - 0.5:
                rows.add((ln.page, round(ln.top)))
    if not rows:
        return set()  # most documents: no page number printed apart in small type
    return {
        id(ln)
        for ln in lines
        if ln.size < body - 0.5
        and _in_band(ln, page_heights)
        and any((ln.page, round(ln.top) + d) in rows for d in (-1, 0, 1))
    }


def _heading_echoes(lines: Sequence[Line], page_heights: Sequence[float], body: float) -> set[int]:
    """Small print at a page's head repeating a heading set large or bold on that page or an
    earlier one ("Section 2. Care" over the pages of section 2): the section's running head,
    however few pages print it. Ids of those lines."""
    top = [
        ln
        for ln in lines
        if ln.size < body - 0.5 and ln.top < 0.12 * page_heights[ln.page - 1] and ln.text.strip()
    ]
    if not top:
        return set()
    headings: dict[str, int] = {}  # each heading's text and the first page it is on
    for ln in lines:
        if (ln.bold or ln.size >= body + 1.5) and ln.size >= body - 0.5:
            headings.setdefault(" ".join(ln.text.split()).casefold(), ln.page)
    # the heading is on this page or an earlier one: a label printed small over a panel before
    # the list that names it in full ("Area for improvement 1") heads no section
    return {
        id(ln)
        for ln in top
        if headings.get(" ".join(ln.text.split()).casefold(), ln.page + 1) <= ln.page
    }


def _section_headings(
    lines: Sequence[Line],
    page_heights: Sequence[float],
    repeated: set[tuple[str, int]],
    body: float,
    mask: bool = True,
) -> set[int]:
    """Repeated lines set as headings (larger than the body, or bold): the first printing of
    each is the heading of the section its repeats continue, and stays (ids of those lines)."""
    first: dict[str, Line] = {}
    for ln in lines:
        if not _in_band(ln, page_heights) or not (ln.bold or ln.size >= body + 1.5):
            continue
        text, band = _furniture_key(ln.text.strip(), mask), round(ln.top / 6)
        if any((text, band + d) in repeated for d in (-1, 0, 1)) and text not in first:
            first[text] = ln
    return {id(ln) for ln in first.values()}


# A protective marking printed at the head or foot of each page: furniture however few pages.
_MARKING_RE = re.compile(
    r"^(?:OFFICIAL(?:\s*[-–—]?\s*SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED)$"
)


def _panel_text(lines: Sequence[Line], page_heights: Sequence[float]) -> set[int]:
    """Lines of a shaded panel whose text runs on below the running-line band (a sidebar's
    "Area for improvement" and its first line, printed alike on every page): content, never
    running lines (ids of those lines)."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.in_box:
            by_page.setdefault(ln.page, []).append(ln)
    kept: set[int] = set()
    for boxed in by_page.values():
        boxed.sort(key=lambda ln: ln.top)
        runs: list[list[Line]] = []
        for ln in boxed:
            run = next(
                (
                    r
                    for r in runs
                    # a panel's bold heading stands further above its first line
                    if ln.top - r[-1].bottom <= (4.0 if r[-1].bold else 2.5) * ln.size
                    and ln.x0 < r[-1].x1
                    and r[-1].x0 < ln.x1
                ),
                None,
            )
            if run is None:
                runs.append([ln])
            else:
                run.append(ln)
        for run in runs:
            if any(not _in_band(ln, page_heights) for ln in run):
                kept.update(id(ln) for ln in run if _in_band(ln, page_heights))
    return kept


def _in_band(ln: Line, page_heights: Sequence[float]) -> bool:
    height = page_heights[ln.page - 1]
    return ln.top < 0.12 * height or ln.bottom > 0.88 * height


# "recornmend", "reconnmend": recognition's commonest slip ("m" read as "rn", "nn") in the
# one word a list of asks is found by
_MISREAD_RECOMMEND_RE = re.compile(r"(?<=\b[Rr]eco)(?:rn|nn|m)(?:rn|nn|m)(?=end)")


def repair_misread_keywords(lines: Sequence[Line]) -> list[Line]:
    """Lines with "recommend" read back where a scan's recognition misread its "m"s."""
    return [
        replace(ln, text=_MISREAD_RECOMMEND_RE.sub("mm", ln.text))
        if "eco" in ln.text and ("rn" in ln.text or "nn" in ln.text)
        else ln
        for ln in lines
    ]


def mark_soft_hyphens(lines: Sequence[Line]) -> list[Line]:
    """Mark line-end hyphens that split a word (not a compound) so joins remove them.

    The document decides: "recom-/mendation" is a split word when "recommendation" occurs
    elsewhere in it; "non-/regulatory" stays hyphenated unless "nonregulatory" does.
    """
    vocabulary: Counter[str] = Counter()
    for ln in lines:
        vocabulary.update(map(str.lower, _WORD_RE.findall(ln.text)))
    out = list(lines)
    for i in range(len(out) - 1):
        m = _LINE_END_HYPHEN_RE.search(out[i].text) if out[i].text.endswith("-") else None
        nxt = _WORD_RE.match(out[i + 1].text)
        if not m or not nxt or not nxt.group()[:1].islower():
            continue
        joined = (m.group(1) + nxt.group()).lower()
        hyphenated = f"{m.group(1)}-{nxt.group()}".lower()
        if vocabulary[joined] > vocabulary[hyphenated]:
            out[i] = replace(out[i], text=out[i].text[:-1] + SOFT_HYPHEN)
    return out
