"""A report set out as a letter: its salutation, the subject line under it, its address block."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.records import Line

_SALUTATION_RE = re.compile(r"^Dear\s+\S.{0,60}$")
_SUBJECT_LINE_WORDS = (2, 25)
_LINES_TO_SUBJECT = 3  # a subject line stands within a few lines under the salutation


def salutation(page: Sequence[Line]) -> Line | None:
    """The page's "Dear …" line, when the page opens a letter."""
    return next((ln for ln in _in_order(page) if _SALUTATION_RE.match(ln.text.strip())), None)


def subject_line(page: Sequence[Line], title: Sequence[Line], body: float) -> Line | None:
    """A letter's subject line (bold or display type just under "Dear …"), when what was taken
    as its title all stands above the salutation: a letterhead or an address, not a title."""
    dear = salutation(page)
    if dear is None or any(ln.top >= dear.top for ln in title):
        return None
    below = [ln for ln in _in_order(page) if ln.top > dear.top][:_LINES_TO_SUBJECT]
    for ln in below:
        words = len(ln.text.split())
        if (ln.bold or ln.size > body + 1) and _SUBJECT_LINE_WORDS[0] <= words <= (
            _SUBJECT_LINE_WORDS[1]
        ):
            return ln
    return None


def address_block(page: Sequence[Line]) -> list[Line]:
    """The lines above a letter's salutation (letterhead, recipient, address, date)."""
    dear = salutation(page)
    return [ln for ln in page if dear is not None and ln.top < dear.top]


def _in_order(page: Sequence[Line]) -> list[Line]:
    return sorted(page, key=lambda ln: (ln.top, ln.x0))
