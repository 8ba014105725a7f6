"""PDF → words, boxes and tables with PDFium: the fast text layer.

PDFium (via pypdfium2, which pdfplumber already depends on) reads characters with their font size,
font name and position. Words are grouped the way pdfplumber groups them for the rest of the
pipeline (lines by height, then gaps relative to the font size, splitting on font changes), so both
engines feed the same `RawPages`. The per-character loop runs in C (`extractors/_pdfpage.c`, built
at install) when it is available and in Python otherwise, with identical results. Ruled tables are
found by pdfplumber's table finder, fed with the edges PDFium reads instead of a pdfplumber parse.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import logging
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from extractors import glyphs
from extractors.glyphs import clean_cell, overprinted
from extractors.rowruled import implied_lines, row_ruled_stacks
from models.records import Table

logger = logging.getLogger(__name__)

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_BREAKS = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009\u200b\ufffe\uffff")

# A word as the text layer receives it: (text, x0, x1, top, bottom, rendered size, font name).
RawWord = tuple[str, float, float, float, float, float, str]
# A drawn straight edge, top-down: (x0, top, x1, bottom, orientation "h"/"v", pdfminer's kind).
Edge = tuple[float, float, float, float, str, str]
# How a page is shown: (/Rotate in degrees, x0, y0, x1, y1 of its box in PDF space). Coordinates
# handed on run from the shown page's top-left corner, x rightwards and "top" downwards, as
# pdfplumber's do, whatever the rotation.
View = tuple[int, float, float, float, float]


def page_view(page: Any) -> View:
    """The page's rotation and box (PDFium's page box: media box cut by the crop box)."""
    x0, y0, x1, y1 = (float(v) for v in page.get_bbox())
    return (int(page.get_rotation()) % 360, x0, y0, x1, y1)


def to_display(view: View, x: float, y: float) -> tuple[float, float]:
    """A point in PDF space as (x, top) on the shown page."""
    rotation, x0, y0, x1, y1 = view
    if rotation == 90:
        return y - y0, x - x0
    if rotation == 180:
        return x1 - x, y - y0
    if rotation == 270:
        return y1 - y, x1 - x
    return x - x0, y1 - y


def box_to_display(
    view: View, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    """A rectangle in PDF space as (x0, top, x1, bottom) on the shown page."""
    ax, atop = to_display(view, left, bottom)
    bx, btop = to_display(view, right, top)
    return min(ax, bx), min(atop, btop), max(ax, bx), max(atop, btop)


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass(slots=True)
class PageDrawing:
    """A drawn path's bounding box in top-down page coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float
    filled: bool
    stroked: bool


class CannotOpen(Exception):
    """PDFium could not open the file; the caller falls back to pdfplumber, which says why."""


def open_pdf(path: Path) -> Any:
    """Open a PDF with PDFium."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CannotOpen(str(exc)) from exc


def native(enabled: bool = True) -> ModuleType | None:
    """The C character loop bound to pypdfium2's PDFium, or None (not built, or not `enabled`)."""
    return _bound_loop() if enabled else None


@functools.cache
def _bound_loop() -> ModuleType | None:
    """The C character loop, bound once per process; None when it is not built."""
    try:
        from extractors import _pdfpage  # type: ignore[attr-defined]
    except ImportError:
        logger.info("the C text loop is not built; reading PDFs with the Python loop")
        return None
    import pypdfium2.raw as raw

    _pdfpage.bind(tuple(_address(getattr(raw, name)) for name in _pdfpage.FUNCTIONS))
    module: ModuleType = _pdfpage
    return module


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def read_page(
    page: Any, gap_ratio: float, y_tolerance: float, native_loop: bool = True
) -> tuple[list[RawWord], list[PageDrawing], list[Edge]]:
    """One page's words, drawn paths and table edges, in display coordinates (C loop if asked)."""
    view = page_view(page)
    fast = native(native_loop)
    if fast is None:
        chars = page_chars(page, view)
        if has_overprint(chars):
            chars = dedupe(chars)
        drawings, edges = page_paths(page, view)
        return list(group_words(chars, gap_ratio, y_tolerance)), drawings, edges
    textpage = page.get_textpage()
    try:
        found, fonts = fast.page_words(_address(textpage.raw), view, gap_ratio, y_tolerance)
    finally:
        textpage.close()
    words = [(t, x0, x1, top, bottom, size, fonts[f]) for t, x0, x1, top, bottom, size, f in found]
    shapes, edges = fast.page_paths(_address(page.raw), view)
    return words, [PageDrawing(*shape) for shape in shapes], edges


def page_chars(page: Any, view: View) -> list[_Char]:
    """Every visible character of a page with its size, font and loose box (top-down)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = raw.FPDFText_CountChars(handle)
        rect = raw.FS_RECTF()
        matrix = raw.FS_MATRIX()
        # text object → (font name, rendered size, drawn slanted)
        objects: dict[int, tuple[str, float, bool]] = {}
        chars: list[_Char] = []
        paired = False
        for k in range(count):
            if paired:  # the low half of a surrogate pair read with the character before
                paired = False
                continue
            code, paired = utf16_char(handle, k, count)
            text = "-" if code == 2 else chr(code) if code else ""  # 2: PDFium's line-end hyphen
            if not text or text in _BREAKS:
                if not raw.FPDFText_IsGenerated(handle, k):  # PDFium's own spaces: ignored
                    chars.append(_Char(" ", 0, 0, 0, 0, 0, ""))  # a real space splits words
                continue
            if not raw.FPDFText_GetLooseCharBox(handle, k, rect):
                continue
            obj = raw.FPDFText_GetTextObject(handle, k)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            facts = objects.get(key)
            if facts is None:
                # The size that matters is the rendered one: the nominal size times the text
                # matrix's vertical scale (constant within one text object).
                raw.FPDFText_GetMatrix(handle, k, matrix)
                scale = math.hypot(matrix.c, matrix.d) or 1.0
                size = round(float(raw.FPDFText_GetFontSize(handle, k)) * scale, 1)
                tilted = slanted(matrix.a, matrix.b) or sideways(matrix.a, matrix.b, view[0])
                facts = objects[key] = (_font_name(obj), size, tilted)
            name, size, tilted = facts
            if tilted:
                continue  # a diagonal watermark ("DRAFT") or a sideways margin title: no text
            # The loose box's bottom is the baseline plus the font's descent; like pdfminer's
            # box, ours runs one em up from there.
            if view[0] == 0:
                low = float(rect.bottom)
                x0, x1 = float(rect.left) - view[1], float(rect.right) - view[1]
                top, bottom = view[4] - (low + size), view[4] - low
            else:
                x0, _, x1, bottom = box_to_display(
                    view, float(rect.left), float(rect.bottom), float(rect.right), float(rect.top)
                )
                top = bottom - size
            chars.append(_Char(_LIGATURES.get(text, text), x0, x1, top, bottom, size, name))
        return chars
    finally:
        textpage.close()


def slanted(a: float, b: float) -> bool:
    """True when text's baseline (the matrix's first row) runs at an angle that is no
    multiple of 90 degrees: both terms over a tenth of its length."""
    length = math.hypot(a, b)
    return length > 0.0 and abs(a) > 0.1 * length and abs(b) > 0.1 * length


def sideways(a: float, b: float, rotation: int) -> bool:
    """True when text's baseline runs up or down the page as shown (a running title set in the
    margin): on a page turned a quarter (/Rotate 90 or 270) the baseline's terms swap."""
    length = math.hypot(a, b)
    along = abs(b) if rotation in (90, 270) else abs(a)
    return length > 0.0 and along <= 0.1 * length


def utf16_char(handle: Any, k: int, count: int) -> tuple[int, bool]:
    """Character k of a text page as a code point, and whether it took the next unit too.

    PDFium returns text as UTF-16 units: a surrogate pair is one character; a lone surrogate
    cannot be text and reads as U+FFFD (the C loop does the same).
    """
    import pypdfium2.raw as raw

    code = int(raw.FPDFText_GetUnicode(handle, k))
    if 0xD800 <= code <= 0xDBFF:
        low = int(raw.FPDFText_GetUnicode(handle, k + 1)) if k + 1 < count else 0
        if 0xDC00 <= low <= 0xDFFF:
            return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), True
        return 0xFFFD, False
    if 0xDC00 <= code <= 0xDFFF:
        return 0xFFFD, False
    return code, False


def _font_name(obj: Any) -> str:
    """The base font name of a text object ("ABCDEF+Arial-BoldMT")."""
    import pypdfium2.raw as raw

    font = raw.FPDFTextObj_GetFont(obj)
    if not font:
        return ""
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    if length <= 0:
        return ""
    buffer = ctypes.create_string_buffer(length)
    raw.FPDFFont_GetBaseFontName(font, buffer, length)
    return buffer.value.decode("utf-8", "replace")


def dedupe(chars: list[_Char]) -> list[_Char]:
    """Drop glyphs printed twice at almost the same spot (fake bold), as pdfplumber's dedupe."""
    kept: list[_Char] = []
    for char in chars:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and char.text == prev.text
            and char.text != " "
            and abs(char.x0 - prev.x0) > 0.01  # the very same box: a ligature's letters
            and overprinted(abs(char.x0 - prev.x0), prev.x1 - prev.x0)
            and abs(char.top - prev.top) < 1.5
        ):
            continue
        kept.append(char)
    return kept


def group_words(
    chars: list[_Char], x_ratio: float, y_tolerance: float
) -> Iterator[tuple[str, float, float, float, float, float, str]]:
    """Words as (text, x0, x1, top, bottom, size, font): lines by height, then x gaps."""
    visible = [c for c in chars if c.text != " "]
    # A char followed by an explicit space ends its word, whatever the gap.
    ends_word = {id(a) for a, b in itertools.pairwise(chars) if b.text == " "}
    # In right-to-left text the char after a space in reading order is the one left of it.
    for a, b in reversed(list(itertools.pairwise(visible))):
        if id(a) in ends_word and abs(a.top - b.top) <= y_tolerance and b.x0 + b.x1 < a.x0 + a.x1:
            ends_word.discard(id(a))
            ends_word.add(id(b))
    lines: list[list[_Char]] = []
    for char in sorted(visible, key=lambda c: c.top):
        if lines and abs(char.top - lines[-1][0].top) <= y_tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        line.sort(key=lambda c: c.x0)
        word: list[_Char] = []
        for char in line:
            if word:
                prev = word[-1]
                gap = char.x0 - prev.x1
                if (
                    id(prev) in ends_word
                    or gap > x_ratio * max(char.size, prev.size)
                    or (char.size != prev.size and not _small_capitals(prev, char))
                    or char.font != prev.font
                ):
                    yield _word(word)
                    word = []
            word.append(char)
        if word:
            yield _word(word)


def _small_capitals(a: _Char, b: _Char) -> bool:
    """True for two capitals of one word set in small capitals: one font, two sizes, one
    baseline ("G" then "LOSSARY"); a raised footnote marker is not."""
    return (
        a.font == b.font
        and len(a.text) == len(b.text) == 1
        and a.text.isupper()
        and b.text.isupper()
        and abs(a.bottom - b.bottom) <= 0.1 * max(a.size, b.size)
    )


def _word(chars: list[_Char]) -> tuple[str, float, float, float, float, float, str]:
    return (
        "".join(c.text for c in chars),
        min(c.x0 for c in chars),
        max(c.x1 for c in chars),
        min(c.top for c in chars),
        max(c.bottom for c in chars),
        chars[-1].size,  # small capitals ("G" "LOSSARY"): the small letters'
        chars[0].font,
    )


def has_overprint(chars: Sequence[_Char]) -> bool:
    """True when glyphs are printed twice at almost the same spot (the text layer's rule)."""
    window = itertools.islice(chars, glyphs.OVERPRINT_WINDOW)
    return glyphs.has_overprint(
        [{"text": c.text, "x0": c.x0, "x1": c.x1, "top": c.top} for c in window]
    )


_Affine = tuple[float, float, float, float, float, float]
_IDENTITY: _Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 15  # as pypdfium2's get_objects
# The largest side, in points, of a curved filled shape kept as a drawn list mark (as the C loop).
MARK_SIDE = 8.0


def page_paths(page: Any, view: View) -> tuple[list[PageDrawing], list[Edge]]:
    """Bounding boxes of the page's straight drawn paths, and every drawn edge (Python loop)."""
    drawings: list[PageDrawing] = []
    edges: list[Edge] = []
    _walk_objects(page.raw, False, 0, _IDENTITY, view, drawings, edges)
    return drawings, edges


def _walk_objects(
    parent: Any,
    is_form: bool,
    level: int,
    outer: _Affine,
    view: View,
    drawings: list[PageDrawing],
    edges: list[Edge],
) -> None:
    import pypdfium2.raw as raw

    count = raw.FPDFFormObj_CountObjects(parent) if is_form else raw.FPDFPage_CountObjects(parent)
    if count < 0:
        raise RuntimeError("Failed to get number of pageobjects.")
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(parent, i) if is_form else raw.FPDFPage_GetObject(parent, i)
        if not obj:
            raise RuntimeError("Failed to get pageobject.")
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            drawing = _drawing(obj, view, fill, stroke)
            if drawing is not None:
                drawings.append(drawing)
            edges.extend(_path_edges(obj, outer, view))
        elif kind == raw.FPDF_PAGEOBJ_FORM and level < _MAX_FORM_DEPTH - 1:
            matrix = raw.FS_MATRIX()
            inner = _compose(outer, matrix) if raw.FPDFPageObj_GetMatrix(obj, matrix) else outer
            _walk_objects(obj, True, level + 1, inner, view, drawings, edges)


def _drawing(obj: Any, view: View, fill: Any, stroke: Any) -> PageDrawing | None:
    """A path's box when it is straight (rules, boxes) or a small filled curve (a list mark)."""
    import pypdfium2.raw as raw

    straight = _straight(obj)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    located = bool(raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top))
    if straight and not located:
        raise RuntimeError("Failed to locate pageobject.")
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    small = right.value - left.value <= MARK_SIDE and top.value - bottom.value <= MARK_SIDE
    if not located or not (straight or (fill.value and small)):
        return None
    box = box_to_display(
        view, float(left.value), float(bottom.value), float(right.value), float(top.value)
    )
    return PageDrawing(*box, bool(fill.value), bool(stroke.value))


def _compose(outer: _Affine, m: Any) -> _Affine:
    """The object's matrix first, then its container's."""
    a, b, c, d, e, f = outer
    return (
        m.a * a + m.b * c,
        m.a * b + m.b * d,
        m.c * a + m.d * c,
        m.c * b + m.d * d,
        m.e * a + m.f * c + e,
        m.e * b + m.f * d + f,
    )


def _path_edges(obj: Any, outer: _Affine, view: View) -> list[Edge]:
    """A path's horizontal and vertical edges, subpath by subpath, in page coordinates."""
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    a, b, c, d, e, f = _compose(outer, matrix)
    edges: list[Edge] = []
    points: list[tuple[float, float]] = []
    closed = False
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(max(raw.FPDFPath_CountSegments(obj), 0)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        if not segment or not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO and points:
            edges += _subpath_edges(points, closed, view)
            points, closed = [], False
        px, py = float(x.value), float(y.value)
        points.append((a * px + c * py + e, b * px + d * py + f))
        closed = closed or bool(raw.FPDFPathSegment_GetClose(segment))
    return edges + _subpath_edges(points, closed, view)


def _subpath_edges(points: list[tuple[float, float]], closed: bool, view: View) -> list[Edge]:
    """Edges the way pdfminer classifies a subpath: a line, a rectangle or a polyline."""
    if len(points) < 2:
        return []
    if len(points) == 2 and not closed:
        return _edge(points[0], points[1], "line", view)
    corners = 4 if len(points) == 5 and points[4] == points[0] else len(points)
    if corners == 4 and (closed or len(points) == 5):
        xs = [p[0] for p in points[:4]]
        ys = [p[1] for p in points[:4]]
        across = ys[0] == ys[1] and xs[1] == xs[2] and ys[2] == ys[3] and xs[3] == xs[0]
        down = xs[0] == xs[1] and ys[1] == ys[2] and xs[2] == xs[3] and ys[3] == ys[0]
        if across or down:
            left, right, low, high = min(xs), max(xs), min(ys), max(ys)
            return [
                *_edge((left, high), (right, high), "rect_edge", view),
                *_edge((left, low), (right, low), "rect_edge", view),
                *_edge((left, low), (left, high), "rect_edge", view),
                *_edge((right, low), (right, high), "rect_edge", view),
            ]
    return [
        edge
        for start, end in itertools.pairwise(points)
        for edge in _edge(start, end, "curve_edge", view)
    ]


def _edge(
    start: tuple[float, float], end: tuple[float, float], kind: str, view: View
) -> list[Edge]:
    x0, top0 = to_display(view, *start)
    x1, top1 = to_display(view, *end)
    if abs(x0 - x1) < 1e-6:
        return [(min(x0, x1), min(top0, top1), min(x0, x1), max(top0, top1), "v", kind)]
    if abs(top0 - top1) < 1e-6:
        return [(min(x0, x1), min(top0, top1), max(x0, x1), min(top0, top1), "h", kind)]
    return []  # slanted: never part of a ruled table


def _straight(path: Any) -> bool:
    """True for rectangles and rules: a few straight segments, no curves."""
    import pypdfium2.raw as raw

    count = raw.FPDFPath_CountSegments(path)
    if count < 2 or count > 6:
        return False
    for k in range(count):
        segment = raw.FPDFPath_GetPathSegment(path, k)
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_BEZIERTO:
            return False
    return True


def may_hold_table(drawings: list[PageDrawing], page_width: float, page_height: float) -> bool:
    """True when the page's rules could form a table of at least a header and one row.

    Edges are what pdfplumber's "lines" strategy builds tables from: thin paths and the sides of
    rectangles. A table needs three horizontal edges (top, between header and row, bottom) over a
    shared stretch of the page, and two vertical ones.
    """
    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical = 0
    for d in drawings:
        width, height = d.x1 - d.x0, d.bottom - d.top
        if width >= 0.95 * page_width or height >= 0.95 * page_height or d.x1 <= 0:
            continue  # page backgrounds and full-width bands frame the page, not a table
        if height <= 2.5 and width > 20:
            horizontal.append((d.top, d.x0, d.x1))
        elif width <= 2.5 and height > 10:
            vertical += 1
        elif width > 20 and height > 10:
            horizontal += [(d.top, d.x0, d.x1), (d.bottom, d.x0, d.x1)]
            vertical += 2
    if vertical < 2:
        return bool(row_ruled_stacks(horizontal, []))
    for y, x0, x1 in horizontal:
        rows = {
            round(oy / 2)
            for oy, ox0, ox1 in horizontal
            if min(x1, ox1) - max(x0, ox0) > 100 and abs(oy - y) < 800
        }
        if len(rows) >= 3:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _EdgePage:
    """What pdfplumber's TableFinder reads of a page, filled from PDFium instead of pdfminer."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


def find_tables(
    index: int,
    words: Sequence[RawWord],
    edges: Sequence[Edge],
    size: tuple[float, float],
    settings: dict[str, Any],
    word_gap_ratio: float,
    y_tolerance: float,
) -> list[tuple[Table, tuple[float, float, float, float]]]:
    """Ruled tables on one page: pdfplumber's table finder over PDFium's edges and words."""
    from pdfplumber.table import TableFinder

    edges = [*edges, *implied_edges(words, edges)]
    page = _EdgePage(
        [
            {
                "x0": x0,
                "top": top,
                "x1": x1,
                "bottom": bottom,
                "width": x1 - x0,
                "height": bottom - top,
                "doctop": top,
                "orientation": orientation,
                "object_type": kind,
            }
            for x0, top, x1, bottom, orientation, kind in edges
        ],
        (0.0, 0.0, size[0], size[1]),
    )
    found: list[tuple[Table, tuple[float, float, float, float]]] = []
    # The finder reads only `edges` and `bbox` of the page it is given ("lines" strategies).
    for table in TableFinder(page, settings).tables:  # type: ignore[arg-type]
        rows = []
        within = _inside(words, table.bbox)  # every cell lies in the table's box
        for row in table.rows:
            texts = [
                "" if cell is None else _cell_text(within, cell, word_gap_ratio, y_tolerance)
                for cell in row.cells
            ]
            if any(text.strip() for text in texts):
                rows.append(tuple(clean_cell(text) for text in texts))
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        found.append(
            (Table(page=index, top=top, bottom=bottom, rows=tuple(rows)), (x0, top, x1, bottom))
        )
    return found


def implied_edges(words: Sequence[RawWord], edges: Sequence[Edge]) -> list[Edge]:
    """The edges a table ruled only between rows implies (extractors/rowruled.py)."""
    rules = [(top, x0, x1) for x0, top, x1, _, orientation, _ in edges if orientation == "h"]
    verticals = [(x0, top, bottom) for x0, top, _, bottom, o, _ in edges if o == "v"]
    boxes = [(w[1], w[2], w[3], w[4]) for w in words]
    out: list[Edge] = []
    for stack in row_ruled_stacks(rules, verticals):
        sides, tops = implied_lines(stack, boxes)
        out += [(x, top, x, bottom, "v", "line") for x, top, bottom in sides]
        out += [(x0, y, x1, y, "h", "line") for y, x0, x1 in tops]
    return out + open_row_edges(rules, verticals)


_OPEN_ROW_MIN = 8.0  # how far column rules must run on below the last rule to open a row


def open_row_edges(
    rules: Sequence[tuple[float, float, float]], verticals: Sequence[tuple[float, float, float]]
) -> list[Edge]:
    """A ruled table cut at the foot of a page leaves its last row open: three or more column
    rules run on below the last rule across them. The rule that closes that row, where they
    end (rules: (y, x0, x1); verticals: (x, top, bottom))."""
    by_bottom: dict[int, list[float]] = {}
    for x, _top, bottom in verticals:
        by_bottom.setdefault(round(bottom), []).append(x)
    out: list[Edge] = []
    for bottom, xs in by_bottom.items():
        if len(set(map(round, xs))) < 3:
            continue
        x0, x1 = min(xs), max(xs)
        # a rule across the row, not the foot of one shaded cell in it ("Urgent" on amber)
        above = [
            y for y, a, b in rules if min(b, x1) - max(a, x0) > (x1 - x0) / 2 and y <= bottom + 1
        ]
        if above and bottom - max(above) > _OPEN_ROW_MIN:
            out.append((x0, float(bottom), x1, float(bottom), "h", "line"))
    return out


def _inside(words: Sequence[RawWord], box: tuple[float, float, float, float]) -> list[RawWord]:
    """The words whose centre lies in the box (left and top edges in, right and bottom out)."""
    x0, top, x1, bottom = box
    return [w for w in words if x0 <= (w[1] + w[2]) / 2 < x1 and top <= (w[3] + w[4]) / 2 < bottom]


def _cell_text(
    words: Sequence[RawWord],
    cell: tuple[float, float, float, float],
    gap_ratio: float,
    y_tolerance: float,
) -> str:
    """The words whose centre lies in the cell, as lines of text (pdfplumber's cell rule)."""
    inside = sorted(_inside(words, cell), key=lambda w: w[3])
    lines: list[list[RawWord]] = []
    last = None
    for word in inside:
        if last is not None and word[3] <= last + y_tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
        last = word[3]
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda w: w[1])
        text = line[0][0]
        for prev, word in itertools.pairwise(line):
            # Words the text layer split only because the font changed run on, as in a cell.
            touching = word[1] - prev[2] <= gap_ratio * max(word[5], prev[5])
            text += (
                word[0] if touching and (word[5], word[6]) != (prev[5], prev[6]) else f" {word[0]}"
            )
        out.append(text)
    return "\n".join(out)
