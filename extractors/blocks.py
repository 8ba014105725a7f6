"""A page's lines grouped into blocks (paragraphs, labelled entries), and candidate runs of them."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractors.bare_letters import punctuate_bare_letters
from extractors.glyphs import join_small_caps, join_text
from extractors.item_patterns import (
    BULLET_RE,
    EARLIER_ITEMS_RE,
    ENUM_RE,
    LABEL_RE,
    MORE_NUMBERS_RE,
    OTHER_LABEL_RE,
    RESPONSE_OPENING_RE,
    SENTENCE_END_RE,
    SERIAL,
    TIMING_RE,
    is_to_line,
    section_kind,
)
from models.records import ItemKind, Line, Table

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Block:
    """A paragraph-like run of lines sharing font and indentation."""

    lines: list[Line]
    label: str | None = (
        None  # the list label (bullet glyph or enumerator) when it opens a list entry
    )
    label_kind: str | None = None  # "bullet", "number", "letter", "roman"
    table: Table | None = None
    row: tuple[str, ...] = ()
    # the joined texts, kept while the lines are the same ones (the splitter reads them often)
    _joined: tuple[tuple[int, int, int, str | None], str, str] | None = field(
        default=None, repr=False, compare=False
    )

    def _texts(self) -> tuple[str, str]:
        lines = self.lines
        key = (len(lines), id(lines[0]) if lines else 0, id(lines[-1]) if lines else 0, self.label)
        if self._joined is None or self._joined[0] != key:
            parts = [ln.text for ln in lines]
            raw = join_text(parts)
            if self.label and parts:
                parts[0] = _strip_label(parts[0])
                text = join_text(parts)
            else:
                text = raw
            self._joined = (key, text, raw)
        return self._joined[1], self._joined[2]

    @property
    def text(self) -> str:
        """Joined text of the block without its list label."""
        return self._texts()[0]

    @property
    def raw_text(self) -> str:
        """Joined text including any label."""
        return self._texts()[1]

    @property
    def first(self) -> Line:
        """The opening line."""
        return self.lines[0]

    def line_at(self, offset: int) -> Line:
        """The line holding the character at `offset` of the joined raw text."""
        length, tail = 0, ""
        for ln in self.lines:
            # each line joined to the last characters before it: linear, and exact at breaks
            joined = join_text((tail, ln.text))
            length += len(joined) - len(tail)
            tail = joined[-3:].lstrip()
            if length > offset:
                return ln
        return self.lines[-1]

    @property
    def page_start(self) -> int:
        """Page of the first line."""
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        """Page of the last line."""
        return self.lines[-1].page


def _strip_label(text: str) -> str:
    m = BULLET_RE.match(text)
    if m:
        return m.group("rest")
    m = ENUM_RE.match(text)
    if m:
        return m.group("rest")
    return text


def _list_label(text: str) -> tuple[str | None, str | None]:
    m = BULLET_RE.match(text)
    # a dash marks an entry only with a space after it ("- text", "– text"), not "-20%"
    if m and (m.group("glyph") not in "-–—" or text[1:2] == " "):
        return m.group("glyph"), "bullet"
    m = ENUM_RE.match(text)
    if m and m.group("roman4") and m.group("rest").isupper():
        return None, None  # "II. HATE CRIME": a chapter's number, not a list's
    if m:
        if m.group("num") or m.group("pnum") or m.group("bnum"):
            return m.group("num") or m.group("pnum") or m.group("bnum"), "number"
        if m.group("letter") or m.group("letter2"):
            return m.group("letter") or m.group("letter2"), "letter"
        return m.group("roman") or m.group("roman2") or m.group("roman3") or m.group("roman4"), (
            "roman"
        )
    return None, None


def _is_label_line(ln: Line) -> bool:
    return bool(LABEL_RE.match(ln.text)) and label_ok(ln)


_PLURAL_KIND_RE = re.compile(
    r"recommendations|areas for improvement|causes (?:of|for) concern|actions|concerns|"
    r"commitments",
    re.IGNORECASE,
)


def label_ok(ln: Line, body: float = 0.0) -> bool:
    m = LABEL_RE.match(ln.text)
    if not m:
        return False
    rest = m.group("rest")
    # footnotes and captions are not item labels; a quotation set a size down ("Recommendation
    # 2: By 31 October …" quoted in a response) is, when a sentence follows its label
    quoted = bool(m.group("sep")) and len(rest.split()) >= 6 and ln.size >= 0.8 * body
    # "RECOMMENDATION 1" set small in capitals over the item's title, or with its title in
    # capitals too ("AREA FOR IMPROVEMENT 1 – UNDERSTANDING RISK"): a kicker, not a caption
    kicker = len(rest.split()) <= 8 and ln.text.strip().isupper() and ln.size >= 0.7 * body
    if ln.size < body - 1.5 and not (quoted or kicker):
        return False
    prefix = m.group("prefix").strip()
    if EARLIER_ITEMS_RE.search(prefix):
        return False  # "Original recommendation 1", "Previous area for improvement 2": reprints
    lower = ln.text.lstrip()[:1].islower()
    # "Recommendations 5, 7 and 8": a group's label
    numbers = MORE_NUMBERS_RE.fullmatch(rest.rstrip(": "))
    if (rest[:1] and rest[:1] in ",;" and not numbers) or (lower and m.group("sep") in ("", ".")):
        # "recommendation 1, and should …", "… – see / recommendation 4", "… discharged cause
        # of / concern 1. It has …": a sentence wrapped after a reference to an item; a label
        # is printed with a capital or a colon
        return False
    if not rest and not m.group("sep") and _PLURAL_KIND_RE.fullmatch(m.group("kw")):
        return False  # "Our recommendations 6": a contents entry and its page, no item's label
    if m.group("sep") or not rest:
        # "New recommendation 1: By March …" labels this report's own item
        return not prefix or not rest or prefix.lower() in _OWN_PREFIXES or _possessive(prefix)
    if prefix:
        return False
    # "Recommendation 4 of the report ..." is prose; a bold label line is not, nor a label run
    # into a sentence of its own ("Recommendation 2.3.1 By March, the force should …"): in
    # prose a capital does not follow an item's number without a stop between them; a label
    # set in bold runs into the lead-in's sentence ("Recommendation 1 complete the …")
    return ln.bold or rest[:1].isupper() or ln.bold_head >= m.end("num") - _indent(ln.text)


# "Safety recommendation R/2026/041:", "Strategic recommendation 2:", "Our action 1.1:": kinds of
# the report's own
_OWN_PREFIXES = frozenset(
    {"new", "further", "additional", "safety", "key", "main", "strategic", "operational"}
    | {"priority", "our"}
    # "Urgent recommendation 1.", "Learning recommendation 2:", "Policy recommendation 7"
    | {"urgent", "interim", "immediate", "national", "local", "learning", "policy"}
    | {"organisational", "systemic", "thematic", "general", "specific", "final"}
)


def _indent(text: str) -> int:
    """How many spaces a line's text opens with."""
    return len(text) - len(text.lstrip())


def _possessive(prefix: str) -> bool:
    """True for an author named before a label: "Monitor's Recommendation 1:", "Panels' …"."""
    return re.search(r"\w(?:['’]s|s['’])$", prefix) is not None


def make_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group lines into blocks (paragraphs, list entries, headings)."""
    blocks: list[Block] = []
    prev: Line | None = None
    pitch = _line_pitch(lines)
    for ln in punctuate_bare_letters(lines):
        if ln.text != (joined := join_small_caps(ln.text)):
            ln = replace(ln, text=joined)
        label, label_kind = _list_label(ln.text)
        if prev is not None and _wrapped_number(prev, ln):
            label, label_kind = None, None
        new = prev is None
        if prev is not None:
            gap = ln.top - prev.bottom
            same_page = ln.page == prev.page and ln.column == prev.column
            if (
                label is not None
                or _is_label_line(ln)
                or OTHER_LABEL_RE.match(ln.text)
                # a number alone on its line labels the text under it, never ends a heading
                or _LONE_NUMBER_RE.match(ln.text.strip())
                or (ln.bold != prev.bold and not _plain_runs_on(prev, ln))
                or abs(ln.size - prev.size) > 0.6
                or (same_page and gap > 0.75 * max(ln.size, 6))
                or (
                    same_page
                    and round(ln.size) in pitch
                    and ln.top - prev.top > 1.3 * pitch[round(ln.size)]
                )
                or (same_page and gap < -2)
                or (same_page and _stands_alone(prev, ln, pitch))
                or (not same_page and SENTENCE_END_RE.search(prev.text) and ln.text[:1].isupper())
                # two bold lines in different columns or pages, not level with each other: a
                # panel's title, then the next column's
                or (
                    not same_page
                    and prev.bold
                    and ln.bold
                    and ln.text[:1].isupper()
                    and (ln.page != prev.page or abs(ln.top - prev.top) > ln.size)
                )
                or ln.in_box != prev.in_box
                or (TIMING_RE.match(ln.text) and not _continues(prev, ln))
                or TIMING_RE.match(prev.text)
                or is_to_line(ln.text)
                or is_to_line(prev.text)
                or (SENTENCE_END_RE.search(prev.text) and RESPONSE_OPENING_RE.match(ln.text))
                or (same_page and abs(ln.x0 - prev.x0) > 30 and not _continues(prev, ln))
            ):
                new = True
            elif (
                blocks
                and blocks[-1].label is not None
                and ln.x0 < blocks[-1].first.x0 - 4
                and (same_page or not _continues(prev, ln))
            ):
                # Outdented line after a list entry: back to running text (on the next page
                # or column, a line that carries on the entry's open sentence is still it).
                new = True
            elif blocks and _leaves_hanging_entry(blocks[-1], ln):
                new = True
        if new and blocks and prev is not None and _number_above(blocks[-1], ln):
            # a number alone on its line over its text ("3.1" in a sidebar, then the ask; "2/6"
            # over a box, the second of six): the text's own label, as if printed before it
            number = _COUNT_OF_RE.sub(r"\1", prev.text.strip())
            # a label beside its text hangs at the label's margin, as one printed before it
            x0 = prev.x0 if _beside(blocks[-1], ln) else ln.x0
            ln = replace(ln, text=f"{number} {ln.text}", x0=x0)
            label, label_kind = _list_label(ln.text)
            blocks.pop()
        if new:
            blocks.append(Block([ln], label=label, label_kind=label_kind))
        else:
            blocks[-1].lines.append(ln)
        prev = ln
    return blocks


_LONE_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}$")


_SERIAL_RE = re.compile(rf"^{SERIAL}$")  # "2025/118" alone: a recommendation's number


def _beside(block: Block, ln: Line) -> bool:
    """True when a one-line block stands on ln's row, to its left: a hanging label's column."""
    above = block.lines[-1]
    return (
        len(block.lines) == 1
        and above.page == ln.page
        and abs(ln.top - above.top) < 1
        and 0 < ln.x0 - above.x1 < 80
        and ln.text[:1].isupper()
        and len(ln.text.split()) >= 4
    )


# "2/6": the second of six, set over its item
_COUNT_OF_RE = re.compile(r"^(\d{1,2})/(\d{1,2})$")


def _number_above(block: Block, ln: Line) -> bool:
    """True when a block is a number alone on its line (bold, or a paragraph number such as
    "3.1", or a count such as "2/6") set right above a sentence that starts at its margin (or
    a box's padding inside it)."""
    above = block.lines[-1]
    number = above.text.strip()
    if _beside(block, ln) and _SERIAL_RE.match(number):
        # "2025/118" in a column of its own, its text to the right on the row (a plain number
        # there is a table's "No." column, read with its other columns)
        return True
    counted = _COUNT_OF_RE.match(number)
    return (
        len(block.lines) == 1
        and (
            (bool(_LONE_NUMBER_RE.match(number)) and (above.bold or "." in number))
            or (counted is not None and 0 < int(counted[1]) <= int(counted[2]))
        )
        and above.page == ln.page
        and above.column == ln.column
        and -4 <= ln.x0 - above.x0 <= (16 if counted else 4)
        and 0 <= ln.top - above.bottom <= (1.6 if counted else 1.2) * ln.size
        and ln.text[:1].isupper()
        and len(ln.text.split()) >= 4
    )


# A bare number, then a lower-case word or a month: "28 and 29 of the Regulations", "30 June 2025.",
# "(41) and protecting vulnerable people (38)" (a count in brackets)
_WRAPPED_NUMBER_RE = re.compile(
    r"^(?:\d{1,3}|\(\d{1,3}\))\s+(?:[a-z]|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)"
)


_CODE_START_RE = re.compile(r"^[A-Z]{1,4}\d{1,3}(?:\.\d{1,2})?\s")


def _plain_runs_on(prev: Line, ln: Line) -> bool:
    """True when a line set mostly in bold ends in plain type mid-sentence and the next, plain,
    goes on in lower case: one paragraph whose bold opening sentence is over."""
    return (
        prev.bold
        and not ln.bold
        and prev.bold_head > 0
        and prev.bold_tail == 0
        # the whole bold sentence on that one line: its paragraph's opening
        and prev.text[:1].isupper()
        and SENTENCE_END_RE.search(prev.text[: prev.bold_head].rstrip()) is not None
        and ln.text[:1].islower()
        and not SENTENCE_END_RE.search(prev.text)
    )


def _wrapped_number(prev: Line, ln: Line) -> bool:
    """True when ln opens with a number that carries on the sentence the line above left open:
    "… agree a protocol by" / "30 September 2025." is a wrapped line, not entry 30."""
    # under an entry's label (or its code: "A4 Publish …") the wrapped line hangs where the
    # entry's text starts
    labelled = _list_label(prev.text)[0] is not None or bool(_CODE_START_RE.match(prev.text))
    hangs = 0 < ln.x0 - prev.x0 < 40 and labelled
    return (
        bool(_WRAPPED_NUMBER_RE.match(ln.text))
        and ln.page == prev.page
        and ln.column == prev.column
        and ln.bold == prev.bold
        and (abs(ln.x0 - prev.x0) < 4 or hangs)
        and not SENTENCE_END_RE.search(prev.text)
        and not _NEXT_ENTRY_RE.search(prev.text)  # "…; and" closes the entry before the last
    )


_NEXT_ENTRY_RE = re.compile(r";\s*(?:and|or)\s*$")


def _line_pitch(lines: Sequence[Line]) -> dict[int, float]:
    """The usual distance between baselines of consecutive lines, per font size."""
    pitches: dict[int, Counter[float]] = {}
    for prev, ln in itertools.pairwise(lines):
        step = ln.top - prev.top
        if ln.page == prev.page and round(ln.size) == round(prev.size) and 0 < step < 2 * ln.size:
            pitches.setdefault(round(ln.size), Counter())[round(step, 0)] += 1
    return {size: c.most_common(1)[0][0] for size, c in pitches.items() if sum(c.values()) >= 5}


def _leaves_hanging_entry(block: Block, ln: Line) -> bool:
    """True when ln, after a list entry whose wrapped lines hang under its text, starts a new
    sentence back at the entry's label: the paragraph after the list, not more of the entry."""
    rest = block.lines[1:]
    return (
        block.label is not None
        and bool(rest)
        and all(r.x0 > block.first.x0 + 4 for r in rest)
        and ln.x0 <= block.first.x0 + 2
        and bool(SENTENCE_END_RE.search(rest[-1].text))
        and ln.text[:1].isupper()
    )


def _stands_alone(prev: Line, ln: Line, pitch: dict[int, float]) -> bool:
    """True when prev is a short unpunctuated line with extra space below it: a heading set in
    the body font ("Cause of concern" above its paragraph), not the start of a paragraph."""
    words = prev.text.split()
    heading_like = (
        0 < len(words) <= 6 and prev.text[:1].isupper() and not SENTENCE_END_RE.search(prev.text)
    )
    # a section's name ("Areas for improvement", "CORONER'S CONCERNS") over a sentence heads
    # it, however close, and in a size a shade off the text's
    named = len(words) <= 5 and ln.text[:1].isupper() and section_kind(prev.text) is not None
    if heading_like and named:
        return True
    usual = pitch.get(round(prev.size))
    if usual is None or round(ln.size) != round(prev.size):
        return False
    return heading_like and ln.top - prev.top > usual + max(2.0, 0.2 * prev.size)


def _continues(prev: Line, ln: Line) -> bool:
    """True when ln reads as the continuation of prev's sentence (hanging indents etc.): it
    opens in lower case, or it hangs under the text of a line that a label opens ("SR3 The
    Trust, in partnership with the Prison" over "Service, should …")."""
    if SENTENCE_END_RE.search(prev.text):
        return False
    hangs = ln.x0 > prev.x0 and ln.x0 - prev.x0 < 60 and bool(_HANGING_LABEL_RE.match(prev.text))
    return ln.text[:1].islower() or hangs


# A label opening a line, its text set after it: "SR3 ", "R12 ", "4.2 ", "(b) "
_HANGING_LABEL_RE = re.compile(r"^(?:[A-Z]{1,3}\d{1,3}|\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]\))\s+\S")


@dataclass(slots=True)
class Candidate:
    kind: ItemKind
    number: str | None
    parent: str | None
    blocks: list[Block]
    cluster: int
    lead_in: str | None = None
    timing: str | None = None
    responsible: str | None = None
    response: str | None = None
    extra_pages: set[int] = field(default_factory=set)
    labelled: bool = False
    label_in_box: bool | None = None  # a label alone on its line: whether it sits in a panel
    run_in: bool = False  # "Area for improvement: The force should …": label run into the text
    whole: bool = False  # one item under a singular label: the list in it finishes its sentence
    named: bool = False  # its label names its kind ("Recommendation 4.7"), not a bare number
    series: str = ""  # the word its label qualifies its kind with ("Operational recommendation 2")
    in_table: bool = False  # read from a table's cells (a row, drawn or ruleless)

    def text(self) -> str:
        return join_text(b.text if i == 0 else b.raw_text for i, b in enumerate(self.blocks))
