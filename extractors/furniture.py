"""Lines that frame a report rather than say it: footnotes and contents pages."""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Sequence

from extractors.item_patterns import (
    PAGE_REF_RE,
    TOC_RE,
)
from models.records import Line

logger = logging.getLogger(__name__)


def drop_footnotes(lines: Sequence[Line], body: float) -> list[Line]:
    """Remove footnote text: small type below the last body-size line of a page, unless that
    small type is the page's text (a page of items set smaller under its heading alone)."""
    last_body: dict[int, float] = {}
    body_lines: Counter[int] = Counter()
    for ln in lines:
        if ln.size >= body - 0.5:
            last_body[ln.page] = max(last_body.get(ln.page, 0.0), ln.bottom)
            body_lines[ln.page] += 1
    below = [
        ln for ln in lines if ln.size <= body - 1.2 and ln.top > last_body.get(ln.page, 0.0) - 1
    ]
    notes = Counter(ln.page for ln in below)
    text_pages = {
        page
        for page, n in notes.items()
        if n >= _PAGE_OF_SMALL_TYPE and n > _NOTES_PER_BODY_LINE * body_lines[page]
    } | _tables_below(below)
    rows = _rows_under_headers(lines, below, body, last_body)
    dropped = {id(ln) for ln in below if ln.page not in text_pages and id(ln) not in rows}
    return [ln for ln in lines if id(ln) not in dropped]


def _tables_below(below: Sequence[Line]) -> set[int]:
    """Pages whose small type under the text opens with a row of column names ("Ref  Lead
    Recommendation"): a table set small, not footnotes, which open with their numbers."""
    pages: dict[int, list[Line]] = {}
    for ln in below:
        pages.setdefault(ln.page, []).append(ln)
    tables: set[int] = set()
    for page, small in pages.items():
        top = min(ln.top for ln in small)
        row = [ln for ln in small if ln.top - top < 1.5]
        if len(row) >= 2 and not any(ln.text[:1].isdigit() for ln in row):
            tables.add(page)
    return tables


def _rows_under_headers(
    lines: Sequence[Line], below: Sequence[Line], body: float, last_body: dict[int, float]
) -> set[int]:
    """The small type set close under a page's last line of body type when that line is a
    row of column names ("No. | Lead | Recommendation"): the table's rows, not footnotes,
    which stand apart further down."""
    heads: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.size >= body - 0.5 and abs(ln.bottom - last_body[ln.page]) < 1.5:
            heads.setdefault(ln.page, []).append(ln)
    kept: set[int] = set()
    for page, row in heads.items():
        if len(row) < 2 or any(len(ln.text.split()) > 4 for ln in row):
            continue
        bottom = max(ln.bottom for ln in row)
        for ln in sorted((ln for ln in below if ln.page == page), key=lambda ln: ln.top):
            if ln.top - bottom > 2.5 * ln.size:
                break  # a gap wider than a row's: the notes under the table
            kept.add(id(ln))
            bottom = max(bottom, ln.bottom)
    return kept


# Footnotes are a few lines under a page's text; a dozen lines of small type under at most a
# heading or two are the page's text, set smaller than the report's body.
_PAGE_OF_SMALL_TYPE = 12
_NOTES_PER_BODY_LINE = 4


def _page_references(lines: Sequence[Line]) -> set[int]:
    """Contents entries set without dot leaders: rows of a title and, flush right, a page number.

    On one page, at least three such numbers share their right edge and never go down; their
    rows (the number and the title level with it) are the contents, not text or a table.
    """
    pages: dict[int, list[int]] = {}
    for i in sorted(range(len(lines)), key=lambda i: (lines[i].page, lines[i].top)):
        pages.setdefault(lines[i].page, []).append(i)
    numbers: dict[tuple[int, int], list[tuple[float, int, list[int]]]] = {}
    for page, members in pages.items():
        tops = [lines[j].top for j in members]
        for i in members:
            ln = lines[i]
            if not PAGE_REF_RE.fullmatch(ln.text.strip()):
                continue
            # level with it, not in a fixed band: a number set in other type sits a little higher
            near = members[
                bisect.bisect_left(tops, ln.top - (ln.bottom - ln.top)) : bisect.bisect_right(
                    tops, ln.bottom
                )
            ]
            row = [j for j in near if j != i and _level(lines[j], ln)]
            if (
                row
                and ln.x0 > max(lines[j].x0 for j in row)
                and not any(PAGE_REF_RE.fullmatch(lines[j].text.strip()) for j in row)
            ):
                numbers.setdefault((page, round(ln.x1 / 2)), []).append((ln.top, i, row))
    drop: set[int] = set()
    for found in numbers.values():
        found.sort()
        values = [int(lines[i].text) for _, i, _ in found]
        rows_found = [[lines[j] for j in row] for _, _, row in found]
        if len(found) >= 3 and values == sorted(values) and not _sentences(rows_found):
            drop.update(j for _, i, row in found for j in (i, *row))
    return drop


def _level(a: Line, b: Line) -> bool:
    """True when two lines share most of their height (they stand in one row)."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _sentences(rows: Sequence[Sequence[Line]]) -> bool:
    """True when most rows beside the page numbers end a sentence: a table of items and the
    pages they appear on ("… a victim personal statement. | 4"), not a contents list of titles."""
    ended = sum(1 for row in rows if row and row[-1].text.rstrip().endswith((".", ";")))
    return 2 * ended > len(rows)


def drop_contents(lines: Sequence[Line]) -> list[Line]:
    """Remove table-of-contents entries (dot leaders, or page numbers flush right), including
    their wrapped first lines."""
    drop = _page_references(lines)
    for i, ln in enumerate(lines):
        if not TOC_RE.search(ln.text):
            continue
        drop.add(i)
        j = i - 1
        while j >= 0 and j not in drop and i - j <= 2:
            prev, nxt = lines[j], lines[j + 1]
            if prev.page != nxt.page or nxt.top - prev.bottom > 0.6 * nxt.size:
                break
            drop.add(j)
            j -= 1
    return [ln for i, ln in enumerate(lines) if i not in drop]
