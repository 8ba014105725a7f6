"""A report set out as a letter: its salutation, the subject line under it, its address block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.registry import resolve_body
from extractors.vocabulary import NAME_HEADS
from models.records import Line

# "Dear Chief Constable,"; a joint letter greets several ("Dear Director of …, Chief Constable …")
_SALUTATION_RE = re.compile(r"^Dear\s+\S.{0,160}$")
_SUBJECT_LINE_WORDS = (2, 25)
_LINES_TO_SUBJECT = 3  # a subject line stands within a few lines under the salutation


def is_salutation(text: str) -> bool:
    """True for a letter's "Dear …" line."""
    return bool(_SALUTATION_RE.match(text.strip()))


def salutation(page: Sequence[Line]) -> Line | None:
    """The page's "Dear …" line, when the page opens a letter."""
    return next((ln for ln in _in_order(page) if is_salutation(ln.text)), None)


def subject_line(page: Sequence[Line], title: Sequence[Line], body: float) -> Line | None:
    """A letter's subject line (bold or display type just under "Dear …", with the line it
    wraps onto), when what was taken as its title all stands above the salutation (a
    letterhead or an address) or all below the subject line (the letter's own headings)."""
    dear = salutation(page)
    if dear is None:
        return None
    below = [ln for ln in _in_order(page) if ln.top > dear.top]
    for k, ln in enumerate(below[:_LINES_TO_SUBJECT]):
        words = len(ln.text.split())
        if (ln.bold or ln.size > body + 1) and _SUBJECT_LINE_WORDS[0] <= words <= (
            _SUBJECT_LINE_WORDS[1]
        ):
            above = all(t.top < dear.top for t in title)
            if not above and not all(t.top > ln.top for t in title):
                return None
            return _with_wrapped(ln, below[k + 1 : k + 2])
    return None


def _with_wrapped(line: Line, after: Sequence[Line]) -> Line:
    """The subject line joined to the line it wraps onto: set alike, right under it."""
    nxt = after[0] if after else None
    if (
        nxt is None
        or nxt.bold != line.bold
        or abs(nxt.size - line.size) > 0.5
        or nxt.top - line.top > 1.6 * line.size
        or re.search(r"[.:]$", line.text.rstrip())
    ):
        return line
    return replace(line, text=f"{line.text} {nxt.text}", bottom=nxt.bottom)


def address_block(page: Sequence[Line]) -> list[Line]:
    """The lines above a letter's salutation (letterhead, recipient, address, date)."""
    dear = salutation(page)
    return [ln for ln in page if dear is not None and ln.top < dear.top]


def _in_order(page: Sequence[Line]) -> list[Line]:
    return sorted(page, key=lambda ln: (ln.top, ln.x0))


# A body's name as an address line ends it: "…, Director of Children's Services, Eastvale Council"
_BODY_END_RE = re.compile(
    r"^(?:[A-Z][\w'’&-]*\s+){1,6}?(?:" + "|".join(sorted(h.title() for h in NAME_HEADS)) + r")$"
)


def addressed_bodies(page: Sequence[Line]) -> tuple[str, ...]:
    """The bodies a letter's address block names after a person and a post ("Chief Constable
    Jo Bloggs, Severnmouth Police"), in order."""
    found: list[str] = []
    for ln in address_block(page):
        if "," not in ln.text:
            continue
        last = ln.text.rsplit(",", 1)[1].strip().rstrip(".")
        if _BODY_END_RE.match(last) and last not in found:
            found.append(last)
    return tuple(found)


# "Dear Home Secretary,", "Dear Chief Constable": the greeting names a post, not a person
_GREETING_RE = re.compile(r"^Dear\s+(?:the\s+)?(?P<post>[A-Z][\w'’ -]{2,60}?)\s*[,:]?$")


def greeted_post(page: Sequence[Line]) -> tuple[str, ...]:
    """The one post a letter greets, when the registry knows whose post it is ("Dear Home
    Secretary," is the Home Office's): the body the letter is addressed to."""
    dear = salutation(page)
    m = _GREETING_RE.match(dear.text.strip()) if dear is not None else None
    if m is None or resolve_body(m["post"]) is None:
        return ()
    return (m["post"],)
