"""Split a document's text into recommendations, AFIs, causes of concern and actions."""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractors.bare_letters import punctuate_bare_letters
from extractors.glyphs import join_small_caps, join_text
from extractors.registry import active_bodies_file, extra_bodies
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.text import mark_soft_hyphens
from extractors.vocabulary import directs, is_process, opens_with_imperative
from extractors.wording import follows_on
from models.records import DocumentText, Item, ItemKind, Line, Table

logger = logging.getLogger(__name__)

# --- vocabulary ---------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?|[IVXLC]{1,6}|[A-Z])"
_KIND_WORDS: tuple[tuple[str, ItemKind], ...] = (
    (r"recommendations?", "recommendation"),
    (r"areas? for improvement|afi", "area_for_improvement"),
    (r"causes? (?:of|for) concern", "cause_of_concern"),
    (r"(?:required )?actions?", "action"),
    (r"r|rec\.?", "recommendation"),
    (r"coc", "cause_of_concern"),
)
_LABEL_RE = re.compile(
    r"^(?P<prefix>(?-i:(?:[A-Z][\w'’]*\s){0,3}?))"
    r"(?P<kw>recommendations?|areas? for improvement|afi|causes? (?:of|for) concern"
    r"|required actions?|actions?)\s+(?:no\.?\s*)?(?P<num>" + _NUM + r")(?![\w.]*\w)"
    r"\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A short code for an item's kind glued to its number ("R3", "AFI2", "Rec 4"), in capitals.
_CODE_LABEL_RE = re.compile(
    r"^(?P<prefix>)(?P<kw>(?-i:R|Rec\.?|REC|AFI|CoC|COC))\s?(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]?)"
    r"(?![\w.]*\w)\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$"
)
# Headings that open a list of items, with the kind of item they hold.
_SECTION_SPECS: tuple[tuple[str, ItemKind], ...] = (
    (r"\bcauses? (?:of|for) concern\b", "cause_of_concern"),
    # A coroner's "5 CORONER'S CONCERNS", "The matters of concern", "Key concerns"
    (
        r"^(?:\d+\.?\s+)?(?:the\s+)?(?:(?:matters?|areas?) of concern|"
        r"(?:(?:coroner|inspector|panel|inquiry)(?:'s|’s)|key|main|principal|our|serious)\s+concerns?)$",
        "cause_of_concern",
    ),
    (r"\bareas? for priority action\b", "action"),
    (r"\bactions? we (?:have )?told the provider to take\b", "action"),
    (r"\benforcement actions?\b", "action"),
    (r"^(?:required|priority) actions?\b", "action"),
    # "Actions for the National Police Chiefs' Council": a list of actions set for one body
    (r"^(?:(?:further|additional|our)\s+)?actions?\s+for\s+(?!improvement\b)\S", "action"),
    (r"\bareas? (?:for|requiring|of) improvement\b", "area_for_improvement"),
    (r"\bwhat needs to improve\b", "area_for_improvement"),
    (r"\bneed(?:s)? to do to improve\b", "area_for_improvement"),
    (r"\b(?:should|must|needs? to) improve\b", "area_for_improvement"),
    (
        r"^(?:the\s+)?(?:government(?:'s|’s)?\s+)?responses?\s+to\s+(?:the\s+|each\s+of\s+the\s+)?"
        r"(?:\w+\s+)?recommendations?\b",
        "recommendation",
    ),
    (
        r"^(?:(?:chapter|section|part|annex|appendix)\s+[\w.]+\s*[:.–-]?\s*)?"
        r"(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:summary|list)\s+of\s+)?(?:[a-z]+\s+and\s+)?"
        r"(?:(?:the|our|summary|list|of|specific|key|main|full|national|further|new)\s+)*"
        r"recommendations?\b(?!\s+(?:of|from|by|made|in)\b)",
        "recommendation",
    ),
)
_SECTION_PATTERNS = tuple((re.compile(p, re.IGNORECASE), k) for p, k in _SECTION_SPECS)
_BULLET_RE = re.compile(
    r"^(?P<glyph>[•●◼■▪◦○‣∙·\uf0a7\uf0b7\uf03c\uf076\uf0d8\uf0fc➢►▶✓-])\s*(?P<rest>.*)$"
)
_ENUM_RE = re.compile(
    r"^(?:(?P<num>\d{1,3}(?:\.\d{1,3}){0,2}(?:[a-h](?=[.)]))?)[.)]?|\((?P<pnum>\d{1,3})\)|"
    r"\(?(?P<letter>[a-z])\)|(?P<letter2>[a-z])\.|\((?P<roman>[ivx]{1,5})\)|(?P<roman2>[ivx]{1,5})\)|"
    r"(?P<roman3>ii|iii|iv|vi|vii|viii|ix|xi|xii)\.)"
    r"\s+(?P<rest>\S.*)$"
)
_TIMING_RE = re.compile(
    r"^(?:immediately|with immediate effect|now|(?:with)?in (?:the next )?\w+(?:[- ]\w+)? "
    r"(?:days?|weeks?|months?|years?)(?: of [^:]{0,60})?|by (?:the end of )?[\w ,]{3,30}|"
    r"(?:in the )?(?:short|medium|long)[- ]term)\s*:?$",
    re.IGNORECASE,
)
_TALK_ABOUT_RE = re.compile(
    r"\b(?:made|makes|make|making|set out|sets out|contains?|includes?|against|progress|"
    r"implemented|accepted|responded|response to|these|those|our|the following|previous|"
    r"earlier|this)\s+(?:\w+\s+){0,3}(?:recommendations?|areas? for improvement|actions?)\b",
    re.IGNORECASE,
)
_LEAD_IN_RE = re.compile(
    r"(?::\s*$|\bfollowing (?:actions?|recommendations?|areas?)\b|"
    r"\b(?:should|must|needs? to)\s*:?\s*$)",
    re.IGNORECASE,
)
_BARE_LABEL_RE = re.compile(
    r"^(?-i:(?:[A-Z][\w'’]*\s){0,3})(?P<kw>recommendation|area for improvement|"
    r"cause of concern|action)\s*:?$",
    re.IGNORECASE,
)
# An unnumbered label run into its item's text: "Recommendation: The Home Office should ...".
_INLINE_LABEL_RE = re.compile(
    r"^(?P<kw>(?-i:[RACrac])(?:ecommendation|rea for improvement|ause of concern|ction))\s*:\s+"
    r"(?P<rest>(?-i:[A-Z“‘\"'])\S*.*)$",
    re.IGNORECASE,
)
_TO_RE = re.compile(r"^To (?:the |all |each |every )?[\w(][^.;,]{2,100}?:?$")
_LEAD_TIMING_RE = re.compile(
    r"\b(?:immediately|with immediate effect|"
    r"within (?:the next )?\w+ (?:days?|weeks?|months?|years?)|"
    r"by (?:the end of )?(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)?\s?\d{4})\b",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:new\s+|national\s+|further\s+)?(?:recommendations?|areas? for improvement|"
    r"causes? of concern)\b",
    re.IGNORECASE,
)
_OPENS_LIST_RE = re.compile(
    r"(?:\b(?:I|we|the (?:inquiry|inspectorate|committee|review|panel))\s+(?:\w+\s+)?"
    r"recommends?\b|\b(?:me|us) to recommend\b|\brecommendations? (?:are|include)\b|"
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:make|makes|set out|offer)\s+(?:the\s+)?following\s+"
    r"(?:\w+\s+)?recommendations?\b)"
    r"[^.]*:\s*$",
    re.IGNORECASE,
)
# How a response to an item opens: it follows the item but is never part of it.
_RESPONSE_OPENING_RE = re.compile(
    r"^(?:response\b|this recommendation (?:is|was|has been) (?:fully |partially |not )?"
    r"(?:accepted|agreed|rejected|supported|noted)\b|(?:the )?(?:government|department|"
    r"home office|ministry|council|force|college|npcc|we)\s+(?:fully |partially )?"
    r"(?:accepts?|agrees?|rejects?|notes?|welcomes?)\b|(?:accepted|agreed|rejected|noted)\b)",
    re.IGNORECASE,
)
_STANDALONE_RE = re.compile(
    r"^(?:We|I|The (?:inspectorate|inquiry|committee)) (?:also |further |therefore )?"
    r"recommends? (?:that )?",
)
_PAGE_REF_RE = re.compile(r"\d{1,3}")
_TOC_RE = re.compile(r"(?:\.\s?){6,}\s*\d*\s*$|…{3,}")
_FOLLOWING_RE = re.compile(
    r"\bfollowing (?:actions?|recommendations?|areas? for improvement)\s*[.:]?\s*$", re.IGNORECASE
)
_ITEM_HEADER_RE = re.compile(
    r"(?:(?:the|our|key|main|summary of|learning|national|local|force|new)\s+)?"
    r"(?:recommendations?|areas? for (?:priority )?"
    r"(?:improvement|action)|(?:required |priority )?actions?(?: required| to be taken)?|"
    r"requirements?)(?:\s*\([^)]*\))?",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.!?;:)”’\"']\s*$")


# --- blocks ---------------------------------------------------------------------------------


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

    @property
    def text(self) -> str:
        """Joined text of the block without its list label."""
        parts = [ln.text for ln in self.lines]
        if self.label and parts:
            parts[0] = _strip_label(parts[0])
        return join_text(parts)

    @property
    def raw_text(self) -> str:
        """Joined text including any label."""
        return join_text(ln.text for ln in self.lines)

    @property
    def first(self) -> Line:
        """The opening line."""
        return self.lines[0]

    @property
    def page_start(self) -> int:
        """Page of the first line."""
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        """Page of the last line."""
        return self.lines[-1].page


def _strip_label(text: str) -> str:
    m = _BULLET_RE.match(text)
    if m:
        return m.group("rest")
    m = _ENUM_RE.match(text)
    if m:
        return m.group("rest")
    return text


def _list_label(text: str) -> tuple[str | None, str | None]:
    m = _BULLET_RE.match(text)
    if m and (m.group("glyph") != "-" or text.startswith("- ")):
        return m.group("glyph"), "bullet"
    m = _ENUM_RE.match(text)
    if m:
        if m.group("num") or m.group("pnum"):
            return m.group("num") or m.group("pnum"), "number"
        if m.group("letter") or m.group("letter2"):
            return m.group("letter") or m.group("letter2"), "letter"
        return m.group("roman") or m.group("roman2") or m.group("roman3"), "roman"
    return None, None


def body_size(lines: Sequence[Line]) -> float:
    counts: Counter[float] = Counter()
    for ln in lines:
        counts[round(ln.size)] += len(ln.text)
    return float(counts.most_common(1)[0][0]) if counts else 10.0


def _is_label_line(ln: Line) -> bool:
    return bool(_LABEL_RE.match(ln.text)) and _label_ok(ln)


def _label_ok(ln: Line, body: float = 0.0) -> bool:
    m = _LABEL_RE.match(ln.text)
    if not m or ln.size < body - 1.5:  # footnotes and captions are not item labels
        return False
    rest = m.group("rest")
    prefix = m.group("prefix").strip()
    if m.group("sep") or not rest:
        return not prefix or not rest
    # "Recommendation 4 of the report ..." is prose; a bold/heading label line is not.
    return ln.bold and not prefix


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
                or ln.bold != prev.bold
                or abs(ln.size - prev.size) > 0.6
                or (same_page and gap > 0.75 * max(ln.size, 6))
                or (
                    same_page
                    and round(ln.size) in pitch
                    and ln.top - prev.top > 1.3 * pitch[round(ln.size)]
                )
                or (same_page and gap < -2)
                or (same_page and _stands_alone(prev, ln, pitch))
                or (not same_page and _SENTENCE_END_RE.search(prev.text) and ln.text[:1].isupper())
                or ln.in_box != prev.in_box
                or _TIMING_RE.match(ln.text)
                or _TIMING_RE.match(prev.text)
                or _is_to_line(ln.text)
                or _is_to_line(prev.text)
                or (_SENTENCE_END_RE.search(prev.text) and _RESPONSE_OPENING_RE.match(ln.text))
                or (same_page and abs(ln.x0 - prev.x0) > 30 and not _continues(prev, ln))
            ):
                new = True
            elif blocks and blocks[-1].label is not None and ln.x0 < blocks[-1].first.x0 - 4:
                # Outdented line after a list entry: back to running text.
                new = True
            elif blocks and _leaves_hanging_entry(blocks[-1], ln):
                new = True
        if new:
            blocks.append(Block([ln], label=label, label_kind=label_kind))
        else:
            blocks[-1].lines.append(ln)
        prev = ln
    return blocks


# A bare number, then a lower-case word or a month: "28 and 29 of the Regulations", "30 June 2025."
_WRAPPED_NUMBER_RE = re.compile(
    r"^\d{1,3}\s+(?:[a-z]|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)"
)


def _wrapped_number(prev: Line, ln: Line) -> bool:
    """True when ln opens with a number that carries on the sentence the line above left open:
    "… agree a protocol by" / "30 September 2025." is a wrapped line, not entry 30."""
    return (
        bool(_WRAPPED_NUMBER_RE.match(ln.text))
        and ln.page == prev.page
        and ln.column == prev.column
        and ln.bold == prev.bold
        and abs(ln.x0 - prev.x0) < 4
        and not _SENTENCE_END_RE.search(prev.text)
    )


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
        and bool(_SENTENCE_END_RE.search(rest[-1].text))
        and ln.text[:1].isupper()
    )


def _stands_alone(prev: Line, ln: Line, pitch: dict[int, float]) -> bool:
    """True when prev is a short unpunctuated line with extra space below it: a heading set in
    the body font ("Cause of concern" above its paragraph), not the start of a paragraph."""
    usual = pitch.get(round(prev.size))
    if usual is None or round(ln.size) != round(prev.size):
        return False
    words = prev.text.split()
    return (
        0 < len(words) <= 6
        and prev.text[:1].isupper()
        and not _SENTENCE_END_RE.search(prev.text)
        and ln.top - prev.top > usual + max(2.0, 0.2 * prev.size)
    )


def _continues(prev: Line, ln: Line) -> bool:
    """True when ln reads as the continuation of prev's sentence (hanging indents etc.)."""
    return not _SENTENCE_END_RE.search(prev.text) and ln.text[:1].islower()


# --- classification ------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
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

    def text(self) -> str:
        return join_text(b.text if i == 0 else b.raw_text for i, b in enumerate(self.blocks))


_NONSPACE_RE = re.compile(r"\S+")


def _word_count(text: str) -> int:
    """Words in a text, counted without listing them (a layout-less report is one block)."""
    return sum(1 for _ in _NONSPACE_RE.finditer(text))


def _after_run_in(current: _Candidate, block: Block, item_x0: float) -> bool:
    """True when a label run into its text ("Area for improvement: The force should …") has
    had its paragraph, and the block is the next paragraph at the same margin: a run-in label
    labels one paragraph, unless that paragraph introduces a list (it ends with a colon)."""
    return (
        current.run_in
        and block.label is None
        and block.first.x0 <= item_x0 + 4
        and bool(_SENTENCE_END_RE.search(current.text()))
        and not current.text().rstrip().endswith(":")
        and block.raw_text[:1].isupper()
    )


def _opens_list(text: str) -> bool:
    """True when a short paragraph says a list of recommendations follows ("we recommend:")."""
    return bool(_OPENS_LIST_RE.search(text)) and len(text.split()) <= 40


def _is_heading(block: Block, body: float) -> bool:
    text = block.raw_text
    words = len(text.split(maxsplit=19))  # at most 20: a long block is no heading, however long
    if words == 0 or words > 18 or block.label_kind == "bullet":
        return False
    bigger = block.first.size >= body + 1.2
    if not (bigger or block.first.bold):
        # In the body font, a heading is a short line of its own that names a section of items
        # ("Recommendations" above a numbered list in a plain document or a text conversion).
        return (
            len(block.lines) == 1
            and abs(block.first.size - body) < 1.0  # smaller print is a caption or running line
            and words <= 6
            and not _SENTENCE_END_RE.search(text)
            and text[:1].isupper()
            and _section_kind(text) is not None
        )
    return not (text.endswith(".") and words > 10)


# A heading over what became of earlier items ("Progress against previous areas for improvement",
# "Recommendations from our last inspection"): it reports on them and sets none.
_EARLIER_ITEMS_RE = re.compile(
    r"\b(?:previous|previously|earlier|past|prior|last|former)\b|\bprogress (?:against|on|made)\b|"
    r"\baction plans?\b|\b(?:tracker|tracking)\b",
    re.IGNORECASE,
)


def _section_kind(text: str) -> ItemKind | None:
    clean = text.strip().rstrip(":?").strip()
    if len(clean.split()) > 12 or _LABEL_RE.match(clean) or _EARLIER_ITEMS_RE.search(clean):
        return None
    for pattern, kind in _SECTION_PATTERNS:
        if pattern.search(clean):
            return kind
    return None


def _label_kind(kw: str) -> ItemKind:
    for pattern, kind in _KIND_WORDS:
        if re.fullmatch(pattern, kw, re.IGNORECASE):
            return kind
    return "recommendation"


def _talks_about_items(text: str) -> bool:
    if _COUNT_RE.search(text):
        return True
    return bool(_TALK_ABOUT_RE.search(text)) and not directs(_TALK_ABOUT_RE.sub("", text))


def _narrative_resumes(block: Block, item_x0: float) -> bool:
    """A plain paragraph at the item's margin that asks nothing of anyone: the report's prose."""
    text = block.raw_text
    if block.label is None and abs(block.first.x0 - item_x0) <= 4 and _talks_about_items(text):
        return True
    text = re.sub(r"\b(?:we|I|the inspectorate) will\b", "", text, flags=re.IGNORECASE)
    return (
        block.label is None
        and abs(block.first.x0 - item_x0) <= 4
        and not block.first.in_box
        and not text.rstrip().endswith(":")
        and not directs(text)
        and not opens_with_imperative(text)
        and not re.search(r"\b(?:will|within|by \d|immediately)\b", text, re.IGNORECASE)
    )


def _timing_in(lead_in: str) -> str | None:
    """A deadline stated once in a list's lead-in ("within three months the force should:")."""
    m = _LEAD_TIMING_RE.search(lead_in)
    return m.group(0) if m else None


def _is_to_line(text: str) -> bool:
    """A "To the Home Office" line naming who the following items are for."""
    if not _TO_RE.match(text) or len(text.split()) > 14 or directs(text):
        return False
    # "To review and assess…" is a purpose, not a body: after "To" comes a determiner, a name,
    # or a body the registry knows in lower case ("To chief constables").
    rest = text[3:].strip()
    first = rest.split()[0]
    return (
        first.lower() in _TO_DETERMINERS
        or first[:1].isupper()
        or any(rest.lower().startswith(alias) for alias in _lowercase_aliases(active_bodies_file()))
    )


_TO_DETERMINERS = frozenset({"the", "all", "each", "every"})
_FOR_RE = re.compile(r"^For (?P<rest>(?:the |all |each |every )?[\w(][^.;,]{2,80}?):?$")


def _is_for_heading(text: str) -> bool:
    """A heading "For the Home Office" / "For chief constables" over the items for that body
    (not "For example", "For the future", "For victims")."""
    m = _FOR_RE.match(text)
    if m is None or len(text.split()) > 10 or directs(text):
        return False
    rest = m.group("rest")
    words = rest.split()
    named = words[1] if words[0].lower() in _TO_DETERMINERS and len(words) > 1 else words[0]
    return named[:1].isupper() or any(
        rest.lower().startswith(alias) for alias in _lowercase_aliases(active_bodies_file())
    )


@functools.cache
def _lowercase_aliases(extra: Path | None) -> tuple[str, ...]:
    from extractors.registry import load_registry

    return tuple(
        alias.lower()
        for body in load_registry(extra)
        for alias in body.aliases
        if alias[:1].islower()
    )


def _parent_for(kind: ItemKind, number: str | None, cause: str | None) -> str | None:
    """4a belongs to 4; a recommendation under a cause of concern belongs to that cause."""
    m = re.match(r"(\d+)\s*[a-z(]", number or "")
    if m:
        return m.group(1)
    return cause if kind == "recommendation" else None


def split_items(doc: DocumentText, settings: ExtractorSettings = DEFAULT_SETTINGS) -> list[Item]:
    """Find every item in a document once, with number, text and pages as printed."""
    with extra_bodies(settings.bodies_file):
        if not doc.lines:
            return []
        body = body_size(doc.lines)
        lines = mark_soft_hyphens(drop_footnotes(drop_contents(doc.lines), body))
        runs = _item_tables(doc.tables, doc.page_heights, _action_pages(lines, body))
        claimed = {id(t) for run in runs for t in run.tables}
        label_cands, label_tables = _label_table_candidates(
            [t for t in doc.tables if id(t) not in claimed]
        )
        spans = [
            (t.page, t.top, t.bottom) for t in [*(t for r in runs for t in r.tables), *label_tables]
        ]
        lines = [
            ln
            for ln in lines
            if not any(ln.page == p and top - 1 <= ln.top <= bottom + 1 for p, top, bottom in spans)
        ]
        lines = _continue_tables_on_lines(runs, lines, doc.page_heights)
        lines = _fill_header_only_tables(runs, doc, lines, body)
        table_cands, used = _text_table_candidates(lines, body)
        blocks = make_blocks([ln for i, ln in enumerate(lines) if i not in used])
        candidates = _with_responses(_labelled_and_sectioned(blocks, body), blocks)
        candidates += _lead_in_lists(blocks, candidates)
        candidates += _table_candidates(runs) + label_cands + table_cands
        if not any(c.kind == "recommendation" for c in candidates):
            candidates += _standalone_recommendations(blocks)
        candidates = _without_process(_split_asks(_drop_titles(_numbered_sections(candidates))))
        return _finalise(_prefer_labelled(candidates))


def _with_responses(candidates: list[_Candidate], blocks: Sequence[Block]) -> list[_Candidate]:
    """Note the response printed right after an item ("The government accepts this …"): in a
    response document it names who acts on a recommendation that names nobody itself."""
    after = {id(a.lines[-1]): b for a, b in itertools.pairwise(blocks) if a.lines}
    for cand in candidates:
        last = cand.blocks[-1].lines if cand.blocks else []
        following = after.get(id(last[-1])) if last else None
        if following is not None and _RESPONSE_OPENING_RE.match(following.text):
            cand.response = following.text[:300]
    return candidates


_SUBJECT_ASKS_RE = re.compile(
    r"^\W*(?:by [^,]{3,40},\s*)?\w.{0,80}?\b(?:should|must|shall)\b", re.I
)


def _drop_titles(candidates: list[_Candidate]) -> list[_Candidate]:
    """A numbered title ("2) Training") followed by an entry of its kind with the same number
    ("2. The College should …") only heads it: the entry is the item (a response's layout). A
    cause of concern is an item even when short; its recommendations follow it."""
    out: list[_Candidate] = []
    for k, cand in enumerate(candidates):
        number = (cand.number or "").rstrip(".)")
        following = candidates[k + 1] if k + 1 < len(candidates) else None
        title = cand.text()
        if (
            following is not None
            and following.kind == cand.kind
            and number.isdigit()
            and len(title.split()) <= 12
            and not directs(title)
            and _heads(number, following)
            and directs(following.text())
        ):
            continue
        out.append(cand)
    return out


def _heads(number: str, following: _Candidate) -> bool:
    """True when a title numbered `number` heads the entry after it: one with the same number,
    or one that prints a sub-number of it as its label ("2a.", "2.1"; not a bare "(a)")."""
    after = (following.number or "").rstrip(".)")
    if after == number:
        return True
    printed = (following.blocks[0].label or "") if following.blocks else ""
    return (
        printed.startswith(number) and re.fullmatch(rf"{number}(?:[a-z]|\.\d+)", after) is not None
    )


# A lead-in whose list completes it: "…, we recommend that:" (not "…these principles:").
_RECOMMEND_THAT_RE = re.compile(
    r"\brecommends?(?: that| the following(?: actions?| steps)?)?\s*:$", re.IGNORECASE
)


def _split_asks(candidates: list[_Candidate]) -> list[_Candidate]:
    """A recommendation whose lead-in ends "we recommend that:" and whose lettered parts each
    ask their own actor ("the College of Policing should …") is that many items under it.

    Under a labelled recommendation ("Recommendation 3") the parts are 3a, 3b …; under a
    numbered paragraph ("9 We recommend the following:") the paragraph is no item, and the
    parts keep their own letters.
    """
    out: list[_Candidate] = []
    split_clusters: set[int] = set()
    for cand in candidates:
        asks = _asks(cand.blocks[1:])
        lead = cand.blocks[0].text.rstrip() if cand.blocks else ""
        if not _splits(cand, lead, asks):
            if cand.cluster in split_clusters and not _asks_anything(cand.text()):
                continue  # after lead-ins whose lists were the items, a paragraph of prose
            out.append(cand)
            continue
        split_clusters.add(cand.cluster)
        parent = cand.number if cand.labelled else None
        timing = _timing_in(lead) or cand.timing
        for ask in asks:
            first = ask[0]
            letter = first.label if first.label_kind in ("letter", "roman") else None
            number = f"{parent}{letter}" if parent and letter else letter
            out.append(
                replace(cand, number=number, parent=parent, blocks=ask, lead_in=lead, timing=timing)
            )
    return out


def _splits(cand: _Candidate, lead: str, asks: list[list[Block]]) -> bool:
    """True when an entry is a lead-in over asks that are the items: "we recommend that:" over
    asks each naming its actor, or "Within a month, the Council should:" over any list."""
    if len(asks) < 2 or not all(a[0].label_kind in ("letter", "roman", "bullet") for a in asks):
        return False
    if cand.kind == "recommendation" and _RECOMMEND_THAT_RE.search(lead):
        return all(_names_its_actor(a[0].text) for a in asks)
    if cand.labelled and _is_group_title(lead):
        # "Recommendation II: Intelligence sharing" over (a), (b) each asking its own body
        return all(_names_its_actor(a[0].text) for a in asks)
    return _only_names_who_acts(lead)


def _only_names_who_acts(text: str) -> bool:
    """True for one sentence that says who must act, and maybe by when, and stops at a colon
    ("Within one month, the Council should:"); one that asks something first ("… agree a
    protocol. The protocol should:") is an item itself."""
    one_sentence = not re.search(r"[.!?]\s+\S", text) and len(text.split()) <= 30
    return one_sentence and bool(_SHOULD_COLON_RE.search(text))


def _is_group_title(text: str) -> bool:
    """A short title that asks nothing ("Intelligence sharing with forces", "Support for
    victims": a noun that may be read as a verb)."""
    text = text.strip()
    return 0 < len(text.split()) <= 10 and not _SENTENCE_END_RE.search(text) and not directs(text)


_LEAD_LINES = 4
_SHOULD_COLON_RE = re.compile(r"\b(?:should|must|shall|needs to)\s*:\s*$", re.I)


def _asks_anything(text: str) -> bool:
    """True when a text directs someone or opens with the verb of an ask."""
    return directs(text) or opens_with_imperative(text)


def _names_its_actor(text: str) -> bool:
    """True when an ask opens with the body it asks ("the College of Policing should …")."""
    return bool(_SUBJECT_ASKS_RE.match(text)) and not opens_with_imperative(text)


def _asks(parts: Sequence[Block]) -> list[list[Block]]:
    """The asks of a lead-in: each part of the list's own label style, with the sub-list of a
    part that ends in a colon ("the College should:" then bullets) kept inside that part."""
    asks: list[list[Block]] = []
    style = parts[0].label_kind if parts else None
    for block in parts:
        if asks and block.label_kind != style and asks[-1][0].text.rstrip().endswith(":"):
            asks[-1].append(block)
        else:
            asks.append([block])
    return asks


def _without_process(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates less the statements of the report's process, when others remain, and
    less any of a word or two ("1. Summary" is a heading, not an ask)."""
    texts = [(c, c.text()) for c in candidates]
    worded = [(c, text) for c, text in texts if len(text.split()) > _FEWEST_WORDS]
    kept = [c for c, text in worded if not is_process(text)]
    return kept if kept else [c for c, _ in worded]


_FEWEST_WORDS = 2


def _numbered_sections(candidates: list[_Candidate]) -> list[_Candidate]:
    """In a section whose entries are numbered (12.1, 12.2 …), a plain paragraph with no label
    is the author's prose between them ("That must change."), not an item."""
    numbered = Counter(
        c.cluster for c in candidates if c.blocks and c.blocks[0].label_kind == "number"
    )
    return [
        c
        for c in candidates
        if numbered[c.cluster] < 2
        or c.labelled
        or c.number is not None
        or not c.blocks
        or c.blocks[0].label is not None
    ]


def _lead_in_lists(blocks: Sequence[Block], found: Sequence[_Candidate]) -> list[_Candidate]:
    """Outside any section of items, a paragraph that only says who must act and by when
    ("30. Within one month of my decision, the Council should:") over a lettered, roman or
    bulleted list indented under it: each entry is a recommendation with that lead-in."""
    claimed = {id(b) for c in found for b in c.blocks}
    out: list[_Candidate] = []
    for k, lead in enumerate(blocks):
        if len(lead.lines) > _LEAD_LINES or id(lead) in claimed:
            continue  # a lead-in is a line or two (and a long block is never joined whole)
        text = lead.text.strip()
        if not _only_names_who_acts(text):
            continue
        entries: list[Block] = []
        for b in blocks[k + 1 :]:
            listed = b.label_kind in ("letter", "roman", "bullet")
            if not listed or b.first.x0 <= lead.first.x0 + 8 or id(b) in claimed:
                break
            entries.append(b)
        if len(entries) < 2:
            continue
        out += [
            _Candidate(
                kind="recommendation",
                number=b.label if b.label_kind in ("letter", "roman") else None,
                parent=None,
                blocks=[b],
                cluster=-20_000 - k,
                lead_in=text,
                timing=_timing_in(text),
            )
            for b in entries
        ]
    return out


def _standalone_recommendations(blocks: Sequence[Block]) -> list[_Candidate]:
    """Bold "We recommend ..." paragraphs in a report that has no list of recommendations."""
    return [
        _Candidate(kind="recommendation", number=None, parent=None, blocks=[b], cluster=-10_000)
        for b in blocks
        if b.first.bold and _STANDALONE_RE.match(b.raw_text) and len(b.raw_text.split()) >= 6
    ]


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
        refs = [i for i in members if _PAGE_REF_RE.fullmatch(lines[i].text.strip())]
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
        if len(found) >= 3 and values == sorted(values):
            drop.update(j for band, _ in found for j in rows[(page, band)])
    return drop


def drop_contents(lines: Sequence[Line]) -> list[Line]:
    """Remove table-of-contents entries (dot leaders, or page numbers flush right), including
    their wrapped first lines."""
    drop = _page_references(lines)
    for i, ln in enumerate(lines):
        if not _TOC_RE.search(ln.text):
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


def _labelled_and_sectioned(blocks: list[Block], body: float) -> list[_Candidate]:
    """Read the blocks in order: labelled items, and the entries of sections of items."""
    splitter = _Splitter(body)
    for block in blocks:
        splitter.feed(block)
    splitter.close()
    return splitter.out


@dataclass(slots=True)
class _Splitter:
    """The reading state while blocks go by: the section, list and item in force."""

    body: float
    out: list[_Candidate] = field(default_factory=list)
    cluster: int = 0
    current: _Candidate | None = None  # a labelled item being collected
    section: ItemKind | None = None
    section_strength: float = 0.0
    mixed: bool = False  # a "conclusions and recommendations" section: only directive paragraphs
    lead_in: str | None = None
    timing: str | None = None
    parent_number: str | None = None
    narrative_words: int = 0
    item_x0: float = 0.0
    list_x0: float | None = None
    section_items: int = 0
    # a bare "Recommendation" heading, no number yet: its kind, text and block
    pending: tuple[ItemKind, str, Block] | None = None
    titled: _Candidate | None = None  # the last numbered item that is only a title so far
    responsible: str | None = None  # a "To the Home Office" line over a group of items

    def candidate(
        self,
        kind: ItemKind,
        number: str | None,
        parent: str | None,
        blocks: list[Block],
        labelled: bool = False,
    ) -> _Candidate:
        """A candidate carrying the list context in force (lead-in, timing, responsible body)."""
        return _Candidate(
            kind=kind,
            number=number,
            parent=parent,
            blocks=blocks,
            cluster=self.cluster,
            lead_in=self.lead_in,
            timing=self.timing,
            responsible=self.responsible,
            labelled=labelled,
        )

    def close(self) -> None:
        """Finish the labelled item being collected."""
        if self.current is not None and self.current.text().strip():
            self.out.append(self.current)
        self.current = None

    def feed(self, block: Block) -> None:
        """Take the next block."""
        text, first = block.raw_text, block.first
        heading = _is_heading(block, self.body)
        label = _LABEL_RE.match(first.text) if _label_ok(first, self.body) else None
        if label is None and directs(text):  # a code label ("R3") only where the text asks
            label = _CODE_LABEL_RE.match(first.text)
        inline = None if label is not None else _INLINE_LABEL_RE.match(first.text)
        if label is None and inline is not None and first.text[:1].isupper():
            label = inline
        if label is not None:
            self._open_labelled(block, label, numbered=label is not inline)
            return
        if self.pending is not None and self._after_bare_label(block, text, self.pending):
            return
        bare = _BARE_LABEL_RE.match(text) if heading else None
        if bare is not None:
            self.close()
            self.pending = (_label_kind(bare.group("kw")), text, block)
            return
        if block.label is None and (_is_to_line(text) or (heading and _is_for_heading(text))):
            self.responsible = text.split(None, 1)[1].strip().rstrip(":")
            if self.current is not None and not self.current.blocks:
                self.current.responsible = self.responsible
            return
        if self.current is not None and self._continue_labelled(block, heading, self.current):
            return
        if heading and self._at_heading(block, text):
            return
        if self.section is None:
            self._outside_section(block, text)
            return
        self._in_section(block, text, self.section)

    def _open_labelled(self, block: Block, label: re.Match[str], numbered: bool) -> None:
        """A label ("Recommendation 3", "Recommendation:") opens an item."""
        first = block.first
        self.pending = None
        self.close()
        kind = _label_kind(label.group("kw"))
        number = label.group("num") if numbered else None
        if self.narrative_words > 60:
            self.cluster += 1
        self.narrative_words = 0
        rest = label.group("rest").strip()
        lines = list(block.lines)
        if rest:
            lines[0] = replace(first, text=rest)
        else:
            lines = lines[1:]
        self.current = self.candidate(
            kind,
            number,
            _parent_for(kind, number, self.parent_number),
            [Block(lines)] if lines else [],
            labelled=True,
        )
        self.current.run_in = not numbered
        if not lines:
            self.current.label_in_box = first.in_box
        if kind == "cause_of_concern":
            self.parent_number = number
        self.item_x0 = lines[0].x0 if lines else first.x0
        if numbered:  # "Cause of concern: …" run into its text labels one paragraph only
            self.section = self.section or kind

    def _after_bare_label(
        self, block: Block, text: str, pending: tuple[ItemKind, str, Block]
    ) -> bool:
        """The block after a bare "Recommendation" heading: its lead-in or the item itself;
        a bulleted list under it makes the heading a section of that kind."""
        kind, lead, heading = pending
        self.pending = None
        if block.label is None and (_LEAD_IN_RE.search(text) or _FOLLOWING_RE.search(text)):
            self.lead_in = text
            self.pending = pending
            return False
        if block.label_kind == "bullet" and _section_kind(lead) == kind:
            self._at_heading(heading, lead)  # "Area for improvement" over "• The force should …"
            return False
        if block.label_kind not in ("number", None):
            return False
        self.close()
        number = block.label.rstrip(".") if block.label else None
        self.current = self.candidate(
            kind, number, _parent_for(kind, number, self.parent_number), [block], labelled=True
        )
        self.item_x0 = block.first.x0
        return True

    def _continue_labelled(self, block: Block, heading: bool, current: _Candidate) -> bool:
        """A labelled item runs until a heading, an outdent back to running text, or narrative."""
        if not current.blocks and (heading or block.first.bold):
            current.blocks.append(block)  # the item's own title line
            self.item_x0 = block.first.x0
            return True
        if heading and (not block.label or block.first.size > self.body + 2):
            self.close()  # a heading, numbered or not ("2. Working with police forces")
            return False
        if current.blocks and block.label is None and _opens_list(block.raw_text):
            # "To address this cause of concern, we recommend that:" ends the cause and opens
            # the list of recommendations that answer it
            self.close()
            self.section = None
            self._outside_section(block, block.raw_text)
            return True
        if not current.blocks:
            if current.label_in_box is not None and current.label_in_box != block.first.in_box:
                self.current = None  # a label and its text share a panel: this is a reference
                return False
            current.blocks.append(block)
            self.item_x0 = block.first.x0
            return True
        if (
            (block.first.x0 < self.item_x0 - 6 and block.first.page == current.blocks[-1].page_end)
            or (current.blocks[-1].first.in_box and not block.first.in_box)
            or _narrative_resumes(block, self.item_x0)
            or _after_run_in(current, block, self.item_x0)
        ):
            self.close()
            return False
        if (
            block.label_kind == "number"
            and block.label
            and current.number
            and _same_style(current.number, block.label)
            and block.label != current.number
        ):
            # The next numbered paragraph under the same label heading is its own item.
            kind, parent = current.kind, current.parent
            self.close()
            self.current = self.candidate(kind, block.label, parent, [block], labelled=True)
            return True
        current.blocks.append(block)
        return True

    def _at_heading(self, block: Block, text: str) -> bool:
        """A heading opens a section of items, sets a timing, or closes the section."""
        first = block.first
        opened = _section_kind(text)
        if opened is not None and opened == self.section and block.label_kind == "number":
            opened = None  # "12. Giving effect to the recommendations": an item's own title
        if opened is not None:
            logger.debug("p%d: %s section opened by %r", first.page, opened, text)
            self.responsible = None
            if opened in ("area_for_improvement", "action"):
                self.parent_number = None
            self.section, self.section_strength = opened, _strength(first, text)
            self.mixed = bool(re.search(r"conclusions", text, re.IGNORECASE))
            self.lead_in, self.list_x0, self.section_items = None, None, 0
            self.timing = None
            self.cluster += 1
            self.narrative_words = 0
            return True
        if _TIMING_RE.match(text) and self.section is not None:
            self.timing = text.rstrip(":").strip()
            return True
        self.timing = None  # a timing heading governs only the items under it
        if self.section is not None and _strength(first, text) >= self.section_strength - 0.3:
            self.section = None
            self.parent_number = None
        if self.section is None:
            self.narrative_words += _word_count(text)
            return True
        return False

    def _outside_section(self, block: Block, text: str) -> None:
        """Running text: it may open a list ("we recommend the following:") or resume one."""
        last = self.out[-1] if self.out else None
        if (
            block.label_kind == "number"
            and last is not None
            and last.number is not None
            and follows_on(last.number, block.label)
            and directs(text)
        ):
            # 12.6, a paragraph of narrative, then 12.7: the numbered list goes on
            self.section = last.kind
            self._in_section(block, text, last.kind)
            return
        if block.label is None and _opens_list(text):
            logger.debug("p%d: recommendation list opened by %r", block.first.page, text)
            self.section, self.section_strength = "recommendation", 0.0
            self.lead_in, self.list_x0, self.section_items = text, block.first.x0, 0
            self.timing = _timing_in(text) or self.timing
            self.cluster += 1
            return
        self.narrative_words += _word_count(text)

    def _in_section(self, block: Block, text: str, section: ItemKind) -> None:
        """Inside a section of items: continuations, lead-ins, sub-entries or a new entry."""
        if _TIMING_RE.match(text):
            self.timing = text.rstrip(":").strip()
            return
        if self._joins_previous(block, text):
            return
        if (block.label is None and _LEAD_IN_RE.search(text)) or _FOLLOWING_RE.search(text):
            self.lead_in, self.list_x0 = text, block.first.x0
            self.timing = _timing_in(text) or self.timing
            return
        if self._not_an_entry(block, text):
            return
        if self._sub_entry(block, section):
            return
        titled = self.titled
        if (
            block.label is None
            and titled is not None
            and self.out
            and self.out[-1] is titled
            and len(titled.blocks) == 1
        ):
            titled.blocks.append(block)  # the body under an item's own title line
            return
        number = block.label if block.label_kind in ("number",) else None
        if len(block.text.split()) < 4 and not _is_title(block):
            return  # a contents line or a caption, not an item
        self.section_items += 1
        parent = _parent_for(section, number, self.parent_number)
        self.out.append(self.candidate(section, number, parent, [block]))
        is_title = number is not None and _is_title(block)
        self.titled = (
            self.out[-1] if is_title else (titled if block.label_kind != "number" else None)
        )

    def _joins_previous(self, block: Block, text: str) -> bool:
        """An unlabelled block that continues the entry before it (same entry, or indented)."""
        out = self.out
        if not out or block.label is not None or not self.section_items:
            return False
        if out[-1].cluster != self.cluster:
            return False
        if _follows(out[-1].blocks[-1], block) and not _RESPONSE_OPENING_RE.match(text):
            out[-1].blocks.append(block)  # same entry, split only by a change of font
            return True
        if block.first.x0 > out[-1].blocks[0].first.x0 + 4 and not _looks_like_subheading(block):
            out[-1].blocks.append(block)  # indented under the current entry: part of it
            return True
        return False

    def _not_an_entry(self, block: Block, text: str) -> bool:
        """Narrative about the items, counts, and paragraphs that ask nothing are not entries."""
        listed = self.list_x0 is not None and block.first.x0 > self.list_x0 + 8
        if not listed and block.label is None and _talks_about_items(text):
            return True
        if (
            block.label_kind == "bullet"
            and _COUNT_RE.search(text)
            and not directs(text)
            and not opens_with_imperative(block.text)
        ):
            return True
        if (
            not listed
            and (block.label is None or (self.mixed and block.label_kind == "number"))
            and not directs(text)
            and not opens_with_imperative(text)
        ):
            if self.section_items and block.label is None and len(text.split()) > 25:
                self.section = None  # a return to narrative closes the list
            return True
        return False

    def _sub_entry(self, block: Block, section: ItemKind) -> bool:
        """A lettered or bulleted entry under the previous one: part of it, or its sub-item."""
        out, first = self.out, block.first
        if block.label is None or not out or not out[-1].blocks:
            return False
        prev = out[-1]
        bullets_under = block.label_kind == "bullet" and (
            prev.text().rstrip().endswith(":")
            or any(
                b.label_kind == "bullet" and abs(b.first.x0 - first.x0) < 3 for b in prev.blocks[1:]
            )
        )
        if not (_is_sub_label(block) or bullets_under):
            return False
        head = (
            self.titled if self.titled is not None and self.titled.cluster == self.cluster else None
        )
        if prev.cluster != self.cluster or not (
            first.x0 > prev.blocks[0].first.x0 + 4
            or (head is not None and first.x0 > head.blocks[0].first.x0 + 4)
        ):
            return False
        if (
            block.label_kind == "letter"
            and head is not None
            and head.number
            and first.x0 > head.blocks[0].first.x0 + 4
            and (prev is head or first.x0 < prev.blocks[0].first.x0 + 4)
        ):
            self.section_items += 1
            out.append(self.candidate(section, f"{head.number}{block.label}", head.number, [block]))
            return True
        prev.blocks.append(block)
        return True


def _prefer_labelled(candidates: list[_Candidate]) -> list[_Candidate]:
    """A report that labels its items ("Recommendation 3") labels all of that kind.

    An unlabelled candidate that reprints a labelled one (a closing numbered list repeating the
    labelled paragraphs of the body) stays: it is another printing of that item, and the
    choice of the definitive printing is made between them.
    """
    labelled = Counter(c.kind for c in candidates if c.labelled)
    texts = {
        kind: [c.text() for c in candidates if c.labelled and c.kind == kind] for kind in labelled
    }
    return [
        c
        for c in candidates
        if c.labelled
        or labelled[c.kind] < 2
        or (c.number is not None and any(_reprints(c.text(), t) for t in texts[c.kind]))
    ]


def _reprints(a: str, b: str) -> bool:
    """True when two texts are the same item printed twice (most words shared, both ways)."""
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    return len(wa & wb) / max(len(wa), len(wb)) >= 0.75


def _follows(prev: Block, block: Block) -> bool:
    """True when block sits directly under prev (no paragraph gap, same indent)."""
    last, first = prev.lines[-1], block.first
    if last.page != first.page or last.column != first.column:
        return False
    return first.top - last.bottom < 0.6 * first.size and abs(first.x0 - prev.first.x0) < 4


def _strength(line: Line, text: str) -> float:
    """Rank a heading: larger, bold and capitalised headings outrank the others."""
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return line.size + (1.0 if line.bold else 0.0) + (0.5 if upper else 0.0)


def _looks_like_subheading(block: Block) -> bool:
    """A one-line caption such as "Role of Government scientists" between numbered paragraphs."""
    text = block.raw_text
    return (
        len(block.lines) == 1
        and len(text.split()) <= 12
        and text[:1].isupper()
        and not text.rstrip().endswith((".", ";", ":", ","))
    )


def _same_style(a: str, b: str) -> bool:
    """True when two item numbers are printed alike (8.3 / 8.4, 12 / 13), not 4 / 4.1."""

    def shape(n: str) -> str:
        return re.sub(r"\d+", "9", n.rstrip("."))

    return shape(a) == shape(b)


def _is_title(block: Block) -> bool:
    """A short bold line with no directive: an item's own heading, e.g. "2. Compensation"."""
    text = block.text
    return (
        block.first.bold
        and len(text.split()) <= 15
        and not directs(text)
        and (not text.endswith(".") or len(text.split()) <= 12)
    )


def _is_sub_label(block: Block) -> bool:
    return block.label_kind in ("roman", "letter") or (
        block.label_kind == "bullet" and block.label in ("-", "–", "◦", "○")
    )


@dataclass(slots=True)
class _TableLayout:
    kind: ItemKind
    columns: list[int]  # indexes of the header's non-empty cells
    item: int  # position of the item column within `columns`
    responsible: int | None
    number: int | None
    due: int | None = None  # a "Due by" / "Deadline" / "Timescale" column


# Column headers naming who acts, and when by.
_OWNER_HEADER_RE = re.compile(
    r"responsib|owner|lead|body|addressee|recipient|action by|organi[sz]ation|"
    r"^(?:for|who|by whom|to)$",
    re.IGNORECASE,
)
_DUE_HEADER_RE = re.compile(
    r"due|deadline|timescale|time ?frame|target date|completion|^(?:by|when|date|by when)$",
    re.IGNORECASE,
)


def _layout(header: Sequence[str]) -> _TableLayout | None:
    columns = [i for i, c in enumerate(header) if c.strip()]
    names = [header[i].strip() for i in columns]
    item = next((k for k, c in enumerate(names) if _ITEM_HEADER_RE.fullmatch(c)), None)
    if item is None:
        return None
    responsible = next((k for k, c in enumerate(names) if _OWNER_HEADER_RE.search(c)), None)
    due = next((k for k, c in enumerate(names) if _DUE_HEADER_RE.search(c)), None)
    number = next(
        (k for k, c in enumerate(names) if re.fullmatch(r"(no\.?|number|#|ref\.?)", c, re.I)),
        None,
    )
    kind = _section_kind(names[item]) or _label_kind(names[item])  # "Action": actions
    return _TableLayout(kind, columns, item, responsible, number, due)


def _breach_layout(header: Sequence[str]) -> _TableLayout | None:
    """ "Regulated activity | Regulation": each row states a breach, an action to take."""
    columns = [i for i, c in enumerate(header) if c.strip()]
    names = [header[i].strip() for i in columns]
    item = next((k for k, c in enumerate(names) if re.fullmatch(r"regulations?", c, re.I)), None)
    if item is None:
        return None
    return _TableLayout("action", columns, item, None, None, None)


def _row_cells(row: Sequence[str], layout: _TableLayout) -> dict[int, str]:
    """Map a row's non-empty cells onto the header's columns (merged cells shift indexes)."""
    filled = [(i, c.strip()) for i, c in enumerate(row) if c.strip()]
    if len(row) == len(layout.columns):
        return {k: c for k, (_, c) in enumerate((i, row[i]) for i in range(len(row))) if c.strip()}
    out: dict[int, str] = {}
    for i, cell in filled:
        k = min(range(len(layout.columns)), key=lambda k: abs(layout.columns[k] - i))
        out[k] = f"{out[k]} {cell}" if k in out else cell
    return out


@dataclass(slots=True)
class _TableRun:
    """One logical item table, possibly continued over several pages."""

    layout: _TableLayout
    tables: list[Table]
    rows: list[tuple[int, dict[int, str]]]  # (page, cells)


def _action_pages(lines: Sequence[Line], body: float) -> frozenset[int]:
    """Pages under a heading that opens a section of actions ("Action we have told the
    provider to take", "Enforcement actions"), up to the next heading of another section."""
    pages: set[int] = set()
    start: int | None = None
    for ln in lines:
        if ln.size < body + 1 and not ln.bold:
            continue
        kind = _section_kind(ln.text)
        if kind is None:
            continue
        if kind == "action" and start is None:
            start = ln.page
        elif kind != "action" and start is not None:
            pages.update(range(start, ln.page))
            start = None
    if start is not None:
        pages.update(range(start, max(ln.page for ln in lines) + 1))
    return frozenset(pages)


def _item_tables(
    tables: Sequence[Table], page_heights: Sequence[float], action_pages: frozenset[int]
) -> list[_TableRun]:
    """Tables whose header names an item column, with continuations on following pages; in a
    section of actions, a "Regulation" column (the breach the action must put right) is one."""
    runs: list[_TableRun] = []
    for table in tables:
        if not table.rows:
            continue
        layout = _layout(table.rows[0]) or (
            _breach_layout(table.rows[0]) if table.page in action_pages else None
        )
        body = table.rows[1:]
        run: _TableRun | None = None
        if layout is None and runs:
            last = runs[-1]
            height = page_heights[table.page - 1] if table.page <= len(page_heights) else 1e9
            width = max(len([c for c in r if c.strip()]) for r in table.rows)
            if (
                table.page == last.tables[-1].page + 1
                and table.top < 0.25 * height
                and width <= len(last.layout.columns)
            ):
                run, body = last, table.rows
                last.tables.append(table)
        if run is None:
            if layout is None:
                continue
            run = _TableRun(layout, [table], [])
            runs.append(run)
        for raw in body:
            cells = _row_cells(raw, run.layout)
            item_text = cells.get(run.layout.item, "")
            filled = [k for k, c in cells.items() if c.strip()]
            if not item_text and filled == [0] != [run.layout.item] and len(cells[0].split()) > 2:
                continue  # a group's title across the row ("Police response to stalking …")
            if run.rows and (not item_text or item_text[:1].islower()):
                last_cells = run.rows[-1][1]
                for k, c in cells.items():
                    last_cells[k] = f"{last_cells.get(k, '')} {c}".strip()
            elif item_text:
                run.rows.append((table.page, cells))
    return runs


def _continue_tables_on_lines(
    runs: Sequence[_TableRun], lines: Sequence[Line], page_heights: Sequence[float]
) -> list[Line]:
    """Single-column item tables that run onto a page where only their frame was found."""
    consumed: set[int] = set()
    for run in runs:
        last = run.tables[-1]
        if len(run.layout.columns) != 1 or not run.rows:
            continue
        if last.bottom < 0.8 * page_heights[last.page - 1]:
            continue
        page = last.page + 1
        idx = [i for i, ln in enumerate(lines) if ln.page == page]
        taken: list[int] = []
        for i in idx:
            if not lines[i].in_box:
                break
            taken.append(i)
        if not taken or lines[taken[0]].top > 0.25 * (
            page_heights[page - 1] if page <= len(page_heights) else 1e9
        ):
            continue
        for block in make_blocks([lines[i] for i in taken]):
            text = block.raw_text
            if text[:1].islower():
                cells = run.rows[-1][1]
                cells[run.layout.item] = f"{cells.get(run.layout.item, '')} {text}".strip()
            else:
                run.rows.append((page, {run.layout.item: text}))
        consumed.update(taken)
    return [ln for i, ln in enumerate(lines) if i not in consumed]


def _fill_header_only_tables(
    runs: Sequence[_TableRun], doc: DocumentText, lines: Sequence[Line], body: float
) -> list[Line]:
    """Item tables of which only the ruled header was found: each one's body is the text set
    under it, down to the next table on the page, in the item column's place (the left-most
    text for a first column, else the text set well right of it)."""
    consumed: set[int] = set()
    for run in runs:
        if run.rows:
            continue
        for table in run.tables:
            end = min(
                (t.top for t in doc.tables if t.page == table.page and t.top > table.bottom + 1),
                default=1e9,
            )
            band = [
                i
                for i, ln in enumerate(lines)
                if ln.page == table.page and table.bottom - 1 <= ln.top < end and ln.size < body + 2
            ]
            if not band:
                continue
            left = min(lines[i].x0 for i in band)
            first_column = run.layout.item == 0
            taken = [i for i in band if (lines[i].x0 < left + _COLUMN_GAP) == first_column]
            if taken:
                # a note set across the row below its cells ("The enforcement action we took:")
                below = max(lines[i].top for i in taken)
                taken += [i for i in band if i not in taken and lines[i].top > below]
                text = join_text(lines[i].text for i in taken)
                run.rows.append((table.page, {run.layout.item: text}))
                consumed.update(band)
    return [ln for i, ln in enumerate(lines) if i not in consumed]


_COLUMN_GAP = 40.0  # points right of the left-most text where a second column's text starts


_DURATION_RE = re.compile(r"^\d+\s+(?:days?|weeks?|months?|years?)\b", re.IGNORECASE)
_DATE_START_RE = re.compile(
    r"^(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|end)",
    re.IGNORECASE,
)


def _due_phrase(cell: str) -> str | None:
    """A due-column cell as the phrase it stands for ("2027" -> "By 2027", "6 months" -> "Within
    6 months"): the column's header says "by when", the cell only the when."""
    cell = " ".join(cell.split())
    if not cell:
        return None
    if _DURATION_RE.match(cell):
        return f"Within {cell}"
    return f"By {cell}" if _DATE_START_RE.match(cell) else cell


def _table_candidates(runs: Sequence[_TableRun]) -> list[_Candidate]:
    """One item per row of tables whose header names recommendations or actions."""
    out: list[_Candidate] = []
    for run in runs:
        layout = run.layout
        for page, cells in run.rows:
            text = " ".join(cells.get(layout.item, "").split())
            if len(text.split()) < 4:
                continue
            number = cells.get(layout.number) if layout.number is not None else None
            kind, number = _coded_ref(layout.kind, (number or "").strip())
            line = Line(page, text, 0, 0, 0, 0, 0, False)
            out.append(
                _Candidate(
                    kind=kind,
                    number=number or None,
                    parent=None,
                    blocks=[Block([line])],
                    cluster=-1 - run.tables[0].page,
                    responsible=cells.get(layout.responsible)
                    if layout.responsible is not None
                    else None,
                    timing=_due_phrase(cells.get(layout.due, ""))
                    if layout.due is not None
                    else None,
                    labelled=bool(number),
                )
            )
    return out


def _coded_ref(kind: ItemKind, ref: str) -> tuple[ItemKind, str]:
    """A reference cell that codes the row's kind ("AFI 3", "CoC1", "R2"): that kind and its
    number; any other reference is the number of an item of the table's kind."""
    m = _CODE_LABEL_RE.match(ref)
    if m is None or m.group("rest"):
        return kind, ref
    return _label_kind(m.group("kw")), m.group("num")


_GLOSSARY_HEADER_RE = re.compile(
    r"^(?:terms?|words?|abbreviations?|acronyms?|glossary)\s*\|\s*(?:meanings?|definitions?|"
    r"descriptions?|what (?:it|this) means)$",
    re.IGNORECASE,
)


def _is_glossary(table: Table) -> bool:
    """ "Term | Meaning": a glossary defines the kinds of item, it holds none."""
    return bool(table.rows) and bool(_GLOSSARY_HEADER_RE.match(" | ".join(table.rows[0]).strip()))


def _label_table_candidates(tables: Sequence[Table]) -> tuple[list[_Candidate], list[Table]]:
    """Items from tables whose rows start with an item's label ("Recommendation 2" | its text)."""
    out: list[_Candidate] = []
    used: list[Table] = []
    for table in tables:
        if _is_glossary(table):
            used.append(table)  # its lines are no items either
            continue
        rows = [_label_row(row) for row in table.rows]
        if not any(r is not None and r[0] for r in rows):
            continue
        found: list[_Candidate] = []
        for row in rows:
            if row is None:
                continue
            label, text = row
            if label is None and found and text[:1].islower():  # the row runs on
                line = found[-1].blocks[0].lines[0]
                found[-1].blocks = [Block([replace(line, text=f"{line.text} {text}")])]
            elif label is not None:
                kind, number = label
                line = Line(table.page, text, 0, 0, 0, 0, 0, False)
                found.append(
                    _Candidate(kind, number, None, [Block([line])], -1 - table.page, labelled=True)
                )
        if found:
            out += found
            used.append(table)
    return out, used


def _label_row(row: Sequence[str]) -> tuple[tuple[ItemKind, str | None] | None, str] | None:
    """A row as (kind and number of its label cell, or None; the text of the cell after it)."""
    cells = [" ".join(c.split()) for c in row]
    filled = [c for c in cells if c]
    if not filled:
        return None
    m = _LABEL_RE.match(filled[0])
    label = m if m and not m.group("rest") and not m.group("prefix") else None
    label = label or _BARE_LABEL_RE.match(filled[0])
    if label is None:
        return (None, filled[0]) if len(filled) == 1 or not cells[0] else None
    if len(filled) < 2 or len(filled[1].split()) < 4:
        return None
    number = label.group("num") if label.re is _LABEL_RE else None
    return (_label_kind(label.group("kw")), number), filled[1]


_ROW_NUMBER_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]{0,2}(?:\s*[-–]\s*[a-z])?"
    r"(?:\s*\([ivx]{1,5}(?:\s*[-–]\s*[ivx]{1,5})?\))?)\s+(?P<rest>\S.*)$"
)


def _text_table_candidates(lines: Sequence[Line], body: float) -> tuple[list[_Candidate], set[int]]:
    """Items from tables drawn without rules: a header cell names the item column."""
    out: list[_Candidate] = []
    used: set[int] = set()
    rows: dict[tuple[int, int], list[int]] = {}
    for i, ln in enumerate(lines):
        rows.setdefault((ln.page, round(ln.top / 3)), []).append(i)
    for i, ln in enumerate(lines):
        if i in used or not _ITEM_HEADER_RE.fullmatch(ln.text.strip()):
            continue
        mates = [
            j
            for j, other in enumerate(lines)
            if other.page == ln.page and j != i and abs(other.top - ln.top) < 2.5
        ]
        right = [lines[j].x0 for j in mates if lines[j].x0 > ln.x1]
        if (
            len(mates) < 1
            or not right
            or ln.size > body + 1.5
            or any(_LABEL_RE.match(lines[j].text) or len(lines[j].text.split()) > 5 for j in mates)
            # a page number beside it: a contents entry, not a column header
            or all(_PAGE_REF_RE.fullmatch(lines[j].text.strip()) for j in mates)
        ):
            continue
        col_x0, col_x1 = ln.x0 - 4, min(right) - 2
        kind = _section_kind(ln.text) or "recommendation"
        header_bottom = max([ln.bottom] + [lines[j].bottom for j in mates])
        others: list[Line] = [lines[j] for j in mates if lines[j].x0 > ln.x1]
        cells = _column_cells(lines, i, header_bottom, (col_x0, col_x1), others, used)
        if len(cells) < 2:
            continue
        used.update([i, *mates])
        marks = _mark_columns(others, sorted(right), cells[0][0])
        out += _cell_candidates(cells, kind, marks, 10_000 + i)
    return out, used


def _column_cells(
    lines: Sequence[Line],
    start: int,
    header_bottom: float,
    column: tuple[float, float],
    others: list[Line],
    used: set[int],
) -> list[list[Line]]:
    """The cells of a ruleless table's item column, read down from its header at `start`."""
    col_x0, col_x1 = column
    page = lines[start].page
    cells: list[list[Line]] = []
    prev: Line | None = None
    for j in range(start + 1, len(lines)):
        cur = lines[j]
        if cur.page == page and cur.top < header_bottom:
            continue
        if prev is not None and cur.page != prev.page and cur.page != prev.page + 1:
            break
        if cur.x0 < col_x0 - 6 or (cur.x0 < col_x1 and cur.x1 > col_x1 + 40):
            break  # running text resumes across the columns
        if cur.x0 >= col_x1:
            used.add(j)
            others.append(cur)
            continue
        if prev is not None and cur.page == prev.page and cur.top - prev.bottom > 2.5 * cur.size:
            break
        aligned = any(
            abs(lines[k].top - cur.top) < 2.5 and lines[k].x0 >= col_x1
            for k in range(max(0, j - 8), min(len(lines), j + 8))
            if lines[k].page == cur.page
        )
        starts = (
            prev is None
            or aligned
            or (cur.page == prev.page and cur.top - prev.bottom > 0.5 * cur.size)
            or (cur.page != prev.page and bool(_ROW_NUMBER_RE.match(cur.text)))
        )
        if starts or not cells:
            cells.append([cur])
        else:
            cells[-1].append(cur)
        used.add(j)
        prev = cur
    return cells


def _cell_candidates(
    cells: list[list[Line]], kind: ItemKind, marks: Callable[[Line], str | None], cluster: int
) -> list[_Candidate]:
    """One item per cell of the item column, its row number read off its text."""
    out: list[_Candidate] = []
    for cell in cells:
        text = join_text(c.text for c in cell)
        number = None
        m = _ROW_NUMBER_RE.match(text)
        if m:
            number, text = m.group("num"), m.group("rest")
            cell = [replace(cell[0], text=cell[0].text[len(number) :].strip()), *cell[1:]]
        if len(text.split()) < 3:
            continue
        parent_m = re.match(r"\d+", number or "")
        parent = parent_m.group() if parent_m and number != parent_m.group() else None
        out.append(
            _Candidate(
                kind=kind,
                number=number,
                parent=parent,
                blocks=[Block(cell)],
                cluster=cluster,
                labelled=True,
                responsible=marks(cell[0]),
            )
        )
    return out


def _mark_columns(
    others: Sequence[Line], starts: Sequence[float], first_row: Line
) -> Callable[[Line], str | None]:
    """Columns headed by bodies whose cells hold marks (F, P, ✓): who each row is for."""
    names: dict[int, list[str]] = {}
    for ln in others:
        if ln.page == first_row.page and ln.top < first_row.top - 1:
            # A header line may run across two columns; place each word by its estimated x.
            width = (ln.x1 - ln.x0) / max(len(ln.text), 1)
            offset = 0
            for word in ln.text.split(" "):
                x = ln.x0 + offset * width
                names.setdefault(max(_nearest(starts, x), _column_of(starts, x)), []).append(word)
                offset += len(word) + 1
    headers = {k: " ".join(v) for k, v in names.items()}

    def marks(row: Line) -> str | None:
        hits = [
            headers[k]
            for ln in others
            if ln.page == row.page
            and abs(ln.top - row.top) < 2.5
            and len(ln.text.strip()) <= 3
            and (k := _nearest(starts, ln.x0)) in headers
        ]
        unique = list(dict.fromkeys(hits))
        if len(unique) > 1:
            return ", ".join(unique[:-1]) + " and " + unique[-1]
        return unique[0] if unique else None

    return marks


def _column_of(starts: Sequence[float], x: float) -> int:
    """Index of the last column starting at or before x."""
    return max((k for k, start in enumerate(starts) if start <= x + 2), default=0)


def _nearest(starts: Sequence[float], x: float) -> int:
    return min(range(len(starts)), key=lambda k: abs(starts[k] - x))


# --- de-duplication and output ------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _similar(a: str, b: str, share: float = 0.8) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= share


def _restarts(cand: _Candidate, group: Sequence[_Candidate]) -> bool:
    """True when a label repeats a number with other words: numbering restarted (each chapter's
    "Area for improvement 1"), not the item printed again (a summary list and the body)."""
    return (
        cand.labelled
        and all(c.labelled for c in group)
        and not any(_similar(cand.text(), c.text(), 0.5) for c in group)
    )


def _finalise(candidates: list[_Candidate]) -> list[Item]:
    # The definitive printing is the fullest list of that kind; between equals, the first.
    cluster_sizes = Counter((c.cluster, c.kind) for c in candidates)
    groups: list[list[_Candidate]] = []
    for cand in candidates:
        for group in groups:
            if group[0].kind != cand.kind:
                continue
            numbers = {c.number for c in group if c.number is not None}
            if cand.number is not None and cand.number in numbers and not _restarts(cand, group):
                group.append(cand)
                break
            if (
                (cand.number is None or not numbers)
                and len(numbers) <= 1
                and any(_similar(cand.text(), c.text()) for c in group)
            ):
                group.append(cand)
                break
        else:
            groups.append([cand])
    order = {id(c): k for k, c in enumerate(candidates)}
    placed: list[tuple[tuple[int, int, float, int], Item]] = []
    for group in groups:
        best = max(
            group,
            key=lambda c: (
                c.number is not None,
                cluster_sizes[(c.cluster, c.kind)],
                -c.blocks[0].page_start,
            ),
        )
        pages = sorted({p for c in group for b in c.blocks for p in (b.page_start, b.page_end)})
        text = best.text()
        if not text:
            continue
        first = best.blocks[0].first
        position = (first.page, first.column, first.top, order[id(best)])
        placed.append(
            (
                position,
                Item(
                    kind=best.kind,
                    number=best.number,
                    parent=best.parent,
                    page_start=best.blocks[0].page_start,
                    page_end=best.blocks[-1].page_end,
                    text=text,
                    occurrences=tuple(pages),
                    lead_in=best.lead_in,
                    timing=best.timing,
                    responsible=best.responsible,
                    response=next((c.response for c in group if c.response), None),
                ),
            )
        )
    placed.sort(key=lambda pair: pair[0])  # reading order of each item's definitive printing
    return [item for _, item in placed]
