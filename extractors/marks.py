"""Drawn list marks: small filled shapes set just before a line's first word, read as bullets.

Some publishers draw a list's bullets as filled circles or squares instead of typing a bullet
glyph, so the text layer holds the items run together as one paragraph. A mark is a filled
shape no wider or taller than a line of the text beside it, centred on that line, with the
line's first word just to its right and nothing just to its left (a dot between two words is
punctuation or a separator, not a list mark).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

BULLET = "•"
# Side of a mark, in points: from a printed dot up to a large square bullet.
_MIN_SIDE = 1.5
_MAX_SIDE = 8.0
# How far above a mark's middle the top of a word on its line can be (a large heading).
_TALLEST = 48.0
# A page with more small shapes than this draws a chart or a pattern, not a list.
_MAX_SHAPES = 200

# (x0, top, x1, bottom) of a shape, top-down page coordinates.
Shape = tuple[float, float, float, float]
# (x0, top, x1, bottom) of a word.
Span = tuple[float, float, float, float]


def mark_shapes(shapes: Sequence[tuple[float, float, float, float, bool]]) -> list[Shape]:
    """The filled, roughly square shapes (x0, top, x1, bottom, filled) small enough to be marks."""
    found = []
    for x0, top, x1, bottom, filled in shapes:
        width, height = x1 - x0, bottom - top
        if not filled or not (_MIN_SIDE <= width <= _MAX_SIDE and _MIN_SIDE <= height <= _MAX_SIDE):
            continue
        if 0.5 <= width / height <= 2.0:
            found.append((x0, top, x1, bottom))
    return found if len(found) <= _MAX_SHAPES else []


def list_marks(shapes: Sequence[Shape], words: Sequence[Span]) -> list[tuple[Shape, int]]:
    """Each mark that opens a line of words, with the index of the word it opens."""
    if not shapes or not words:
        return []
    order = sorted(range(len(words)), key=lambda k: words[k][1])
    tops = [words[k][1] for k in order]
    found = []
    for shape in shapes:
        opened = _opened_word(shape, words, order, tops)
        if opened is not None:
            found.append((shape, opened))
    return found


def _opened_word(
    shape: Shape, words: Sequence[Span], order: list[int], tops: list[float]
) -> int | None:
    """The word a mark opens: the nearest to its right on its line, none just to its left."""
    x0, top, x1, bottom = shape
    middle = (top + bottom) / 2
    start = bisect.bisect_left(tops, middle - _TALLEST)
    best: int | None = None
    for k in order[start:]:
        w_x0, w_top, w_x1, w_bottom = words[k]
        if w_top > middle:
            break
        height = w_bottom - w_top
        if w_bottom < middle or bottom - top > height:
            continue  # not on the mark's line, or the shape is bigger than the line's text
        if (w_x0 < x1 and w_x1 > x0) or x0 - height <= w_x1 <= x0:
            return None  # a word covers the shape, or ends just before it
        gap = w_x0 - x1
        if 0 <= gap <= 2.5 * height and (best is None or w_x0 < words[best][0]):
            best = k
    return best
