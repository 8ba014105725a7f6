"""Lettered lists printed without punctuation ("a The Department should …", "b agree …") or
in capitals ("A. By March 2027, revise …", "B. Publish …").

A lone lower-case letter before a capitalised word is rare in prose but happens ("a Home Office
review" wrapped onto a new line), and so is an initial ("A. Smith"), so a letter counts as a
label only in a run: the next letter of the alphabet opens a later line at the same margin, or
the one before opened an earlier line. The labels found are given a closing bracket ("a) The
Department …", "B) Publish …") so that the splitter reads them as any lettered list.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from models.records import Line

# The entry may open with its verb, its subject named in a heading above the list ("The Home
# Office should:" over "a set out, by March …"): only the run tells a label from a word.
_BARE_LETTER_RE = re.compile(r"^(?P<letter>[a-z]|[A-H](?=\.\s))\.?\s+(?P<rest>[A-Za-z\d]\S*\s.*)$")
_REACH = 16  # lines between two entries of one list (an entry may wrap over many lines)
_SAME_MARGIN = 2.0


def punctuate_bare_letters(lines: Sequence[Line]) -> list[Line]:
    """The lines, with each bare letter that opens an entry of a lettered run punctuated."""
    found = [(k, m) for k, ln in enumerate(lines) if (m := _BARE_LETTER_RE.match(ln.text))]
    labels: set[int] = set()
    for (k, m), (j, n) in itertools.pairwise(found):
        same = abs(lines[k].x0 - lines[j].x0) <= _SAME_MARGIN and j - k <= _REACH
        if same and ord(n.group("letter")) == ord(m.group("letter")) + 1:
            labels.update((k, j))
    out = list(lines)
    for k, m in found:
        if k in labels:
            out[k] = replace(lines[k], text=f"{m.group('letter')}) {m.group('rest')}")
    return out
