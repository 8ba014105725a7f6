"""Numbers left at the head of unnumbered items' text ("A By 31 March …", "III. The force …",
"3(b) The force …"): a whole list of them, in sequence, numbers its items."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from extractors.item_patterns import ROMANS
from models.records import Item

# A label and the capital that opens the item's first sentence after it
_LEADING_RE = re.compile(
    r"^(?P<label>[A-Z]|[IVX]{1,5}|\d{1,2}\([a-z]\)|[A-Z]{1,3}\d{1,2})\.?\s+(?=[A-Z‘“\"'])"
)
_FEWEST = 3


def _letters(labels: Sequence[str]) -> bool:
    return all(len(x) == 1 and ord(x) == ord("A") + k for k, x in enumerate(labels))


def _romans(labels: Sequence[str]) -> bool:
    return len(labels) <= len(ROMANS) and all(x == ROMANS[k].upper() for k, x in enumerate(labels))


def _chapter_letters(labels: Sequence[str]) -> bool:
    """3(a), 3(b), 4(a): letters from (a) under each chapter number, the numbers rising."""
    parsed = [m for x in labels if (m := re.fullmatch(r"(\d{1,2})\(([a-z])\)", x))]
    if len(parsed) != len(labels):
        return False
    previous: tuple[int, str] | None = None
    for m in parsed:
        chapter, letter = int(m[1]), m[2]
        if previous is None or chapter > previous[0]:
            ok = letter == "a"
        else:
            ok = chapter == previous[0] and ord(letter) == ord(previous[1]) + 1
        if not ok:
            return False
        previous = (chapter, letter)
    return True


def _codes(labels: Sequence[str]) -> bool:
    """R1, R2, R3: one prefix, numbers from 1 without a gap."""
    parsed = [re.fullmatch(r"([A-Z]{1,3})(\d{1,2})", x) for x in labels]
    if not all(parsed) or len({m[1] for m in parsed if m}) != 1:
        return False
    return all(m is not None and int(m[2]) == k + 1 for k, m in enumerate(parsed))


_SCHEMES: tuple[Callable[[Sequence[str]], bool], ...] = (
    _letters,
    _romans,
    _chapter_letters,
    _codes,
)


def number_from_leading_labels(items: list[Item]) -> list[Item]:
    """Items of a kind printed without a number but each opening with a label of one scheme
    in sequence (A, B, C …; I, II, III …; 3(a), 3(b), 4(a) …; R1, R2 …): the labels are
    their numbers, and no part of their text."""
    out = list(items)
    for kind in {i.kind for i in items}:
        at = [k for k, i in enumerate(items) if i.kind == kind and i.number is None]
        found = [(k, m) for k in at if (m := _LEADING_RE.match(items[k].text))]
        if len(at) < _FEWEST or len(found) != len(at):
            continue
        if not any(scheme([m["label"] for _, m in found]) for scheme in _SCHEMES):
            continue
        for k, m in found:
            out[k] = replace(items[k], number=m["label"], text=items[k].text[m.end() :])
    return out
