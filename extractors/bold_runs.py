"""Items with no label of their own: bold sentences closing or opening a plain paragraph, bold
items with plain commentary run on after them, and, in a report that lists none, its asks of
the body it inspects in running prose."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors.blocks import Block, Candidate
from extractors.item_patterns import section_kind
from extractors.vocabulary import directs
from models.records import ItemKind, Line

# The plain text before a bold run ends a sentence: the run opens one of its own.
_SENTENCE_DONE_RE = re.compile(r"[.!?:][’”'\")]?$")
# An ask ends in a full stop; a run ending in a question mark asks the reader (a consultation).
_ASK_DONE_RE = re.compile(r"\.[’”'\")]?$")
_CLUSTER = -34_000


def _fully_bold(line: Line) -> bool:
    return line.bold_tail >= len(line.text) > 0


def _bold_from(line: Line) -> int | None:
    """Where a line that opens plain turns bold up to its end, after a finished sentence."""
    if not 0 < line.bold_tail < len(line.text):
        return None
    head = line.text[: len(line.text) - line.bold_tail].rstrip()
    return len(line.text) - line.bold_tail if _SENTENCE_DONE_RE.search(head) else None


def _opening(blocks: Sequence[Block], k: int) -> tuple[Line, int] | None:
    """The line where block k's bold run opens inside a plain paragraph, and the offset: its
    own first line, or the last line of the plain block it continues."""
    block = blocks[k]
    if not all(_fully_bold(ln) for ln in block.lines[1:]) or block.label is not None:
        return None
    first = block.first
    at = _bold_from(first)
    if at is not None:
        return first, at
    if not _fully_bold(first) or k == 0:
        return None
    above = blocks[k - 1]
    before = above.lines[-1]
    if (before.page, before.column) != (first.page, first.column):
        return None
    at = _bold_from(before)
    if at is not None:
        return before, at
    return (first, 0) if _runs_on(above, first) else None


def _runs_on(above: Block, first: Line, *, plain: bool = False) -> bool:
    """True when a bold line opens right under a plain paragraph's finished sentence (or, with
    `plain`, a plain line under a bold one's), at its margin and line pitch (no paragraph
    space): the paragraph goes on in the other weight."""
    before = above.lines[-1]
    if (bool(before.bold_tail) != plain) or not _SENTENCE_DONE_RE.search(before.text):
        return False
    lines = above.lines
    pitch = before.top - lines[-2].top if len(lines) > 1 else 1.5 * before.size
    # at the paragraph's margin: its first line's, or its last's under a hanging number
    margin = min(abs(first.x0 - above.first.x0), abs(first.x0 - before.x0))
    return margin < 2 and 0 < first.top - before.top <= pitch + 1


def _run_over_pages(blocks: Sequence[Block], k: int) -> list[Block]:
    """Block k and the bold blocks that finish its last sentence on the next page."""
    out = [blocks[k]]
    for nxt in blocks[k + 1 : k + 3]:
        last = out[-1].lines[-1]
        if (
            _SENTENCE_DONE_RE.search(last.text)
            or nxt.label is not None
            or nxt.first.page != last.page + 1
            or not nxt.raw_text[:1].islower()
            or not all(_fully_bold(ln) for ln in nxt.lines)
        ):
            break
        out.append(nxt)
    return out


_AFI_MENTION_RE = re.compile(r"\bareas? for improvement\b", re.IGNORECASE)
_RECOMMENDATION_MENTION_RE = re.compile(r"\brecommend", re.IGNORECASE)


def _document_kind(blocks: Sequence[Block]) -> ItemKind:
    """The kind the report's own headings name ("Areas for improvement"); without one, areas
    for improvement when its text speaks of them more than of recommendations."""
    kinds = Counter(
        kind
        for b in blocks
        if len(b.lines) == 1 and b.first.bold
        for kind in [section_kind(b.raw_text)]
        if kind is not None
    )
    if kinds:
        return kinds.most_common(1)[0][0]
    text = " ".join(b.raw_text for b in blocks)
    afi = len(_AFI_MENTION_RE.findall(text))
    recommendations = len(_RECOMMENDATION_MENTION_RE.findall(text))
    return "area_for_improvement" if afi > recommendations else "recommendation"


def bold_closings(blocks: Sequence[Block], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Each bold run that opens a sentence inside a plain paragraph and closes it, when it asks
    someone to act ("… as attended. **The force should make sure …**"): an item of the kind
    the report's headings name, in a report where no other pass found one of that kind."""
    taken = {id(b) for c in candidates for b in c.blocks}
    runs: list[list[Block]] = []
    for k, block in enumerate(blocks):
        if id(block) in taken or not _fully_bold(block.lines[-1]):
            continue
        opening = _opening(blocks, k)
        if opening is None:
            continue
        line, at = opening
        parts = _run_over_pages(blocks, k)
        lines = [replace(line, text=line.text[at:]), *(ln for ln in block.lines if ln is not line)]
        run = [Block(lines), *parts[1:]]
        text = " ".join(b.raw_text for b in run)
        if len(text.split()) < 6 or not directs(text) or not _ASK_DONE_RE.search(text):
            continue
        if any(text in c.text() for c in candidates):
            continue  # already an item's text (or part of one)
        runs.append(run)
    if not runs:
        return []  # most reports: no bold run closes a paragraph (and the kind is not read)
    kind = _document_kind(blocks)
    if any(c.kind == kind for c in candidates):
        return []  # the report lists its items: bold runs in its body are printings of them
    return [
        Candidate(kind=kind, number=None, parent=None, blocks=run, cluster=_CLUSTER) for run in runs
    ]


def _bold_opening(blocks: Sequence[Block], k: int) -> list[Line] | None:
    """The bold sentence that opens block k's paragraph when plain commentary follows it in the
    same paragraph (on its line, or opening the next block in lower case); else None."""
    lines = blocks[k].lines
    bold = list(itertools.takewhile(_fully_bold, lines))
    if not bold and not lines[0].bold_head:
        return None
    if len(bold) < len(lines):
        return _cut_at_plain(lines)
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    if nxt is None or nxt.first.bold:
        return None
    if _ASK_DONE_RE.search(lines[-1].text):
        # the commentary opens the next line at the margin, no paragraph space between
        return lines if _runs_on(blocks[k], nxt.first, plain=True) else None
    if not nxt.raw_text[:1].islower() or nxt.first.page - lines[-1].page > 1:
        return None
    return _cut_at_plain([*lines, nxt.first])


def bold_openings(blocks: Sequence[Block], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Each paragraph that opens with a bold sentence asking someone to act and goes on in
    plain commentary ("**Chief constables should …** This will need …"): the bold sentence is
    an item, in a report whose headings or text name the kind and that lists none of it."""
    taken = {id(b) for c in candidates for b in c.blocks}
    runs: list[Block] = []
    for k, block in enumerate(blocks):
        if id(block) in taken or block.label is not None or not block.raw_text[:1].isupper():
            continue
        lines = _bold_opening(blocks, k)
        if lines is None:
            continue
        text = " ".join(ln.text for ln in lines)
        if len(text.split()) >= 6 and directs(text):
            runs.append(Block(lines))
    if len(runs) < 2:
        return []  # one bold opening is emphasis; a pattern of them is how the report asks
    text = " ".join(b.raw_text for b in blocks)
    if not (_AFI_MENTION_RE.search(text) or _RECOMMENDATION_MENTION_RE.search(text)):
        return []
    kind = _document_kind(blocks)
    if any(c.kind == kind for c in candidates):
        return []  # the report lists its items: bold openings in its body restate them
    return [
        Candidate(kind=kind, number=None, parent=None, blocks=[run], cluster=_CLUSTER)
        for run in runs
    ]


def _cut_at_plain(lines: list[Line]) -> list[Line] | None:
    """The lines up to where the bold ends a sentence mid-line (the plain rest cut off); None
    when the bold does not end there, or never gives way."""
    for k, ln in enumerate(lines):
        if _fully_bold(ln):
            continue
        head = ln.text[: ln.bold_head].rstrip()
        if not ln.bold_head or not _ASK_DONE_RE.search(head):
            return None
        return [*lines[:k], replace(ln, text=head, bold_tail=len(head))]
    return None


def bold_extent(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """An item set in bold ends with its bold sentence: plain commentary run on after it in the
    same line is cut off ("… of the complainant.** Publishing the data will …"), and a bold
    sentence end that opens the next plain line is taken in ("** by 1 September 2025.** …").
    The commentary's rest, a paragraph opening in lower case, is then no entry of its own."""
    following = {id(a): b for a, b in itertools.pairwise(blocks)}
    spent: set[int] = set()
    for cand in candidates:
        first = cand.blocks[0].first if cand.blocks else None
        if first is None or not (_fully_bold(first) or (first.bold and first.bold_head > 0)):
            continue  # an item opening in bold (wholly, or its line's larger part)
        for k, block in enumerate(cand.blocks):
            cut = _cut_at_plain(block.lines)
            if cut is not None:
                cand.blocks = [*cand.blocks[:k], Block(cut, block.label, block.label_kind)]
                spent.add(id(following.get(id(block))))
                break
        else:
            nxt = _finished_by(cand, following)
            if nxt is not None:
                spent.add(id(nxt))
    return [
        c
        for c in candidates
        if not (c.blocks and id(c.blocks[0]) in spent and c.blocks[0].raw_text[:1].islower())
    ]


def _finished_by(cand: Candidate, following: dict[int, Block]) -> Block | None:
    """The block whose opening bold words finish the candidate's last sentence, taken into it."""
    last = cand.blocks[-1]
    nxt = following.get(id(last))
    end = last.lines[-1]
    if nxt is None or _ASK_DONE_RE.search(end.text):
        return None
    if nxt.first.page not in (end.page, end.page + 1):
        return None
    taken = _cut_at_plain(nxt.lines[:1])
    if taken is None:
        return None
    cand.blocks = [*cand.blocks[:-1], Block([*last.lines, *taken], last.label, last.label_kind)]
    return nxt


# "The force should make sure that …": an ask of the inspected body, by the word for its kind
_ASKS_OF_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))The (?:force|service|trust|council|constabulary) should (?!be\b|have\b)"
    r"[^.!?]{20,400}[.]"
)
# "we said that the force should …", "we recommended that …": an ask reported, not made
_REPORTED_BEFORE_RE = re.compile(r"\b(?:said|recommended|told|asked|found)\s+that\s*$", re.I)


def asks_in_prose(blocks: Sequence[Block], candidates: Sequence[Candidate]) -> list[Candidate]:
    """In a report that found no item (a letter after an inspection), each plain sentence that
    asks the inspected body to act by its kind's word ("The force should make sure that …"),
    when the report speaks of areas for improvement or recommendations at all."""
    if candidates:
        return []
    pieces: list[Block] = []
    for block in blocks:
        if block.label is not None or any(ln.bold for ln in block.lines):
            continue
        raw = block.raw_text
        for m in _ASKS_OF_SUBJECT_RE.finditer(raw):
            if _REPORTED_BEFORE_RE.search(raw[: m.start()]) or not directs(m.group(0)):
                continue
            start, end = block.line_at(m.start()), block.line_at(m.end() - 1)
            piece = [replace(start, text=m.group(0), bold_tail=0, bold_head=0)]
            if end.page != start.page:  # an empty line on its last page: where it ends
                piece.append(replace(end, text="", bold_tail=0, bold_head=0))
            pieces.append(Block(piece))
    if not pieces:
        return []
    text = " ".join(b.raw_text for b in blocks)
    if not (_AFI_MENTION_RE.search(text) or _RECOMMENDATION_MENTION_RE.search(text)):
        return []
    kind = _document_kind(blocks)
    return [
        Candidate(kind=kind, number=None, parent=None, blocks=[piece], cluster=_CLUSTER - 1)
        for piece in pieces
    ]
