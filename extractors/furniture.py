"""Lines that frame a report rather than say it: footnotes and contents pages."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from extractors.item_patterns import (
    PAGE_REF_RE,
    TOC_RE,
)
from models.records import Line

logger = logging.getLogger(__name__)


def drop_footnotes(lines: Sequence[Line], body: float) -> list[Line]:
    """Remove footnote text: small type below the last body-size line of a page."""
    last_body: dict[int, float] = {}
    for ln in lines:
        if ln.size >= body - 0.5:
            last_body[ln.page] = max(last_body.get(ln.page, 0.0), ln.bottom)
    return [
        ln
        for ln in lines
        if not (ln.size <= body - 1.2 and ln.top > last_body.get(ln.page, 0.0) - 1)
    ]


def _page_references(lines: Sequence[Line]) -> set[int]:
    """Contents entries set without dot leaders: rows of a title and, flush right, a page number.

    On one page, at least three such numbers share their right edge and never go down; their
    rows (the number and the title beside it) are the contents, not text or a table.
    """
    rows: dict[tuple[int, int], list[int]] = {}
    for i, ln in enumerate(lines):
        rows.setdefault((ln.page, round(ln.top / 3)), []).append(i)
    numbers: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (page, right edge) -> rows
    for (page, band), members in rows.items():
        refs = [i for i in members if PAGE_REF_RE.fullmatch(lines[i].text.strip())]
        if (
            len(refs) == 1
            and len(members) > 1
            and lines[refs[0]].x0 == max(lines[i].x0 for i in members)
        ):
            numbers.setdefault((page, round(lines[refs[0]].x1 / 2)), []).append((band, refs[0]))
    drop: set[int] = set()
    for (page, _), found in numbers.items():
        found.sort()
        values = [int(lines[i].text) for _, i in found]
        rows_found = [[lines[j] for j in rows[(page, band)] if j != i] for band, i in found]
        if len(found) >= 3 and values == sorted(values) and not _sentences(rows_found):
            drop.update(j for band, _ in found for j in rows[(page, band)])
    return drop


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
