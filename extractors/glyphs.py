"""Glyph and line rules both text loops share: fake-bold reprints and joining line texts.

Kept below `text` and `pdfium_text` (it imports neither), so the two loops do not import each other.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Sequence
from typing import Any

SOFT_HYPHEN = "\u00ad"
OVERPRINT_WINDOW = 2000  # characters looked at for a fake bold (extractors/_pdfpage.c: the same)
OVERPRINT_DX = 1.5  # a reprint starts at most this far (pt) from the glyph it repeats (C: the same)
_ASCII_LETTERS = frozenset(string.ascii_letters)


def has_overprint(chars: Sequence[dict[str, Any]]) -> bool:
    """True when glyphs are printed twice at almost the same spot (a fake bold)."""
    for a, b in itertools.pairwise(chars[:OVERPRINT_WINDOW]):
        if (
            a["text"] == b["text"]
            and not a["text"].isspace()
            and overprinted(abs(float(a["x0"]) - float(b["x0"])), float(a["x1"]) - float(a["x0"]))
            and abs(float(a["top"]) - float(b["top"])) < 1.5
        ):
            return True
    return False


def overprinted(dx: float, width: float) -> bool:
    """True when a glyph dx after the same glyph (width wide) is a reprint, not the next letter.

    A fake bold's second printing starts inside the first glyph; a doubled letter ("ff" in
    "Office") starts where the first ends. At 5 pt a whole letter is narrower than the fixed
    1.5 pt once used here, so doubled letters were taken for reprints and dropped.
    """
    return dx < min(OVERPRINT_DX, width / 2)


def clean_cell(cell: str | None) -> str:
    """Collapse a table cell's lines into one string."""
    if not cell:
        return ""
    return join_text(cell.splitlines())


def join_text(parts: Iterable[str]) -> str:
    """Join line texts into one string, repairing hyphenated line breaks."""
    # Pieces joined once at the end: adding to one growing string is quadratic on long blocks.
    pieces: list[str] = []
    for raw in parts:
        part = " ".join(raw.split())
        if not part:
            continue
        if not pieces:
            pieces.append(part)
        elif pieces[-1].endswith(SOFT_HYPHEN):
            pieces[-1] = pieces[-1][:-1]
            pieces.append(part)
        elif (
            pieces[-1].endswith("-")
            and _last_chars(pieces, 2)[:1] in _ASCII_LETTERS
            and part[:1].islower()
        ):
            pieces.append(part)  # a compound word broken at its own hyphen
        else:
            pieces.append(" ")
            pieces.append(part)
    return "".join(pieces).replace(SOFT_HYPHEN, "-")


def _last_chars(pieces: list[str], n: int) -> str:
    """The last n characters of the pieces joined (fewer if the text is shorter)."""
    tail = ""
    for piece in reversed(pieces):
        tail = piece + tail
        if len(tail) >= n:
            break
    return tail[-n:] if len(tail) >= n else ""


# Simulated small capitals: a full-size initial set apart from the smaller capitals after it
# ("C AUSE OF CONCERN"). Only a line's first word: "PART B OVERVIEW" keeps its part letter.
# "A" and "I" alone are words: joined only to the rest of a heading word ("A REAS FOR …").
_SMALL_CAPS_SPLIT_RE = re.compile(
    r"^(?:([B-HJ-Z]) (?=[A-Z]{2,}\b)|(A) (?=(?:REAS?|CTIONS?|NNEX|PPENDIX|BOUT|SSESSMENT)\b)|"
    r"(I) (?=(?:NTRODUCTION|MPROVEMENTS?|NSPECTION|SSUES|NNOVATIVE)\b))"
)
_CAPITALS_LINE_RE = re.compile(r"^[A-Z0-9 ’'&,:.()-]+$")


def join_small_caps(text: str) -> str:
    """A line in capitals with each word's initial set apart, joined back ("CAUSE OF CONCERN")."""
    if not _CAPITALS_LINE_RE.match(text):
        return text
    return _SMALL_CAPS_SPLIT_RE.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
