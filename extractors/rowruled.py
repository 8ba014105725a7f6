"""Tables ruled only between rows: the frame and column lines their layout implies.

Many published tables draw a rule under the header and under each row, and no vertical lines
at all. A table finder that builds cells from drawn lines sees no table there. Where three or
more horizontal rules of the same extent are stacked with no vertical line among them, the
table's sides are the rules' ends, its top is the line of text just above the first rule (the
header), and its column boundaries are the vertical strips that no word crosses in any row.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

# (y, x0, x1) of a horizontal rule; (x0, x1, top, bottom) of a word; (x, top, bottom) of a
# vertical line; (y, x0, x1) of a horizontal line to add.
Rule = tuple[float, float, float]
Box = tuple[float, float, float, float]
Vertical = tuple[float, float, float]

MIN_RULES = 3  # header rule and two rows at least
MIN_COLUMN_GAP = 6.0  # points of white space no word crosses: wider than any word space
_SAME_END = 3.0


def row_ruled_stacks(rules: Sequence[Rule], verticals: Sequence[Vertical]) -> list[list[Rule]]:
    """Stacks of horizontal rules with the same ends and no vertical line between them."""
    stacks: list[list[Rule]] = []
    for rule in sorted(rules):
        for stack in stacks:
            y, x0, x1 = stack[-1]
            if abs(rule[1] - x0) <= _SAME_END and abs(rule[2] - x1) <= _SAME_END and rule[0] > y:
                stack.append(rule)
                break
        else:
            stacks.append([rule])
    return [
        s
        for s in stacks
        if len({round(y) for y, _, _ in s}) >= MIN_RULES and not _crossed(s, verticals)
    ]


def _crossed(stack: Sequence[Rule], verticals: Sequence[Vertical]) -> bool:
    top, bottom = stack[0][0], stack[-1][0]
    x0, x1 = stack[0][1], stack[0][2]
    return any(x0 - 2 <= x <= x1 + 2 and t < bottom - 2 and b > top + 2 for x, t, b in verticals)


def implied_lines(stack: Sequence[Rule], words: Sequence[Box]) -> tuple[list[Vertical], list[Rule]]:
    """The vertical lines (sides and column boundaries) and the top rule a stack implies."""
    first, last = stack[0][0], stack[-1][0]
    x0, x1 = min(r[1] for r in stack), max(r[2] for r in stack)
    row = max(b[0] - a[0] for a, b in itertools.pairwise(stack))
    header = [w for w in words if _within_x(w, x0, x1) and first - row <= w[2] and w[3] <= first]
    top = min((w[2] for w in header), default=first) - 2.0
    inside = [w for w in words if _within_x(w, x0, x1) and top <= w[2] and w[3] <= last]
    columns = _column_gaps(inside, x0, x1)
    if not columns:
        return [], []
    verticals = [(x, top, last) for x in (x0, *columns, x1)]
    added = [(top, x0, x1)] if top < first - 1 else []
    return verticals, added


def _within_x(word: Box, x0: float, x1: float) -> bool:
    return x0 - 1 <= word[0] and word[1] <= x1 + 1


def _column_gaps(words: Sequence[Box], x0: float, x1: float) -> list[float]:
    """Middles of the strips, at least MIN_COLUMN_GAP wide, that no word crosses."""
    spans = sorted((w[0], w[1]) for w in words)
    if not spans:
        return []
    gaps: list[float] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= MIN_COLUMN_GAP:
            gaps.append((start + reach) / 2)
        reach = max(reach, end)
    return [g for g in gaps if x0 + 1 < g < x1 - 1]
