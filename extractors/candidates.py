"""Every run of units that could be an item, described by named features.

A candidate is a span of skeleton units (`extractors.skeleton`): one list entry, a labelled item
with the paragraphs under it, a table row, or an item the rule splitter found. Its features are
the facts a reader uses to decide whether it is an item, all relative to the document (never a
typeface): where it sits (section path, list, lead-in), how it is labelled, what it says
(directive, addressee, deadline, response, narrative) and how it is printed. The features are
defined here and nowhere else; `extractors.cues` holds their weights.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.glyphs import join_text
from extractors.registry import active_bodies_file
from extractors.skeleton import Unit, section_kind
from extractors.wording import follows_on, normalise_words, shingles
from models.records import Item, ItemKind

# Every feature a candidate may carry, by group; `describe` fills them, `extractors.cues` weighs
# them. A feature absent from a candidate's dict is 0.
FEATURES: tuple[str, ...] = (
    # what it says
    "says_should", "says_shall_must", "says_we_recommend", "says_will", "imperative_opening",
    "names_body", "deadline_phrase", "response_language", "narrative_language",
    "talks_about_items", "paragraph_reference", "ends_sentence",
    # how long it is
    "log_words", "very_short", "very_long",
    # where it sits
    "section_names_items", "ancestor_names_items", "section_names_kind", "section_response",
    "section_conclusions", "section_contents", "lead_in", "lead_in_recommends", "table_row",
    "table_header_names_items", "early_page", "repeated",
    # how it is labelled, and its list
    "item_label", "bare_item_label", "numbered", "sub_labelled", "bulleted", "unlabelled",
    "number_continues", "list_size", "list_asks_share", "list_mostly_asks",
    "list_narrative_share",
    # how it is printed
    "bold", "in_box", "larger_than_body", "smaller_than_body", "space_above", "multi_page",
    # its span
    "sentence", "span_units", "span_has_sublist", "cut_mid_sentence", "starts_lowercase",
    "whole_entry", "one_unit",
    # the rule splitter's view
    "rule_item", "same_as_rule_item", "part_of_rule_item", "no_rule_items",
)  # fmt: skip
MAX_SPAN = 12  # units one item may cover (a label line, its title, paragraphs and sub-lists)
_SUB_STYLES = frozenset({"letter", "roman", "bullet", "paren", "capital"})

# --- vocabulary ---------------------------------------------------------------------------
_SHOULD_RE = re.compile(r"\b(?:should|ought to|needs? to|is to|are to)\b", re.IGNORECASE)
_SHALL_RE = re.compile(r"\b(?:shall|must)\b", re.IGNORECASE)
_RECOMMEND_RE = re.compile(
    r"\b(?:we|I|the (?:inquiry|inspectorate|committee|review|panel|report))\s+(?:\w+\s+)?"
    r"(?:recommends?|urges?|calls? on|asks?)\b|\brecommend(?:ed)? that\b",
    re.IGNORECASE,
)
_WILL_RE = re.compile(r"\b(?:will|would)\b", re.IGNORECASE)
_RESPONSE_RE = re.compile(
    r"\b(?:accepts?|accepted|agrees?|agreed|rejects?|rejected|notes?|noted|welcomes?|"
    r"this recommendation is|we accept|the government (?:accepts|agrees|will|has)|"
    r"partially|in principle|in full)\b",
    re.IGNORECASE,
)
_NARRATIVE_RE = re.compile(
    r"\b(?:was|were|had|found|saw|told us|we found|we saw|we were|during (?:the|our)|"
    r"in \d{4}|last year)\b",
    re.IGNORECASE,
)
_TALK_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|these|those|"
    r"our|previous|earlier|the following)\s+(?:\w+\s+){0,2}(?:recommendations?|"
    r"areas? for improvement|causes? of concern)\b|\b(?:made|makes|implemented|progress)\b"
    r"[^.]{0,40}\brecommendations?\b",
    re.IGNORECASE,
)
_DEADLINE_RE = re.compile(
    r"\b(?:immediately|with immediate effect|within (?:the next )?\w+ (?:days?|weeks?|months?|"
    r"years?)|by (?:the end of )?(?:\d{1,2} )?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|spring|summer|autumn|winter)?,?\s?\d{4})\b",
    re.IGNORECASE,
)
_PARAGRAPH_REF_RE = re.compile(r"\((?:paragraphs?|paras?\.?)\s*[\d.,–\- and]+\)\s*$", re.I)
_IMPERATIVE_RE = re.compile(
    r"^(?:ensure|review|improve|develop|establish|introduce|provide|set|make|consider|take|"
    r"implement|monitor|strengthen|increase|reduce|address|undertake|publish|create|put|"
    r"extend|complete|secure|work|use|carry|embed|evaluate|identify|assess|support|prioritise|"
    r"record|share|adopt|update|commission|appoint|train|build|plan|maintain|deliver|conduct|"
    r"produce|design|check|give|seek|tackle|urgently|immediately)\b",
    re.IGNORECASE,
)
_CONCLUSION_RE = re.compile(r"\bconclusions?\b|\bfindings?\b|\bsummary\b", re.IGNORECASE)
_RESPONSE_HEAD_RE = re.compile(r"\bresponse\b", re.IGNORECASE)
_CONTENTS_RE = re.compile(r"\bcontents\b", re.IGNORECASE)
_END_RE = re.compile(r"[.!?;:)”’\"']\s*$")


@functools.cache
def _body_alias_re(extra: Path | None) -> re.Pattern[str]:
    """One pattern over every registry alias (bodies an item may be addressed to)."""
    from extractors.registry import load_registry

    aliases = sorted(
        {a for body in load_registry(extra) for a in (*body.aliases, body.name) if len(a) > 3},
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)


@dataclass
class Candidate:
    """A span of units (or a rule-found item) that might be one item."""

    start: int  # first unit index (-1 for a rule-found item)
    end: int  # one past the last unit
    text: str
    kind: ItemKind
    number: str | None
    page_start: int
    page_end: int
    features: dict[str, float] = field(default_factory=dict)
    rule_item: Item | None = None
    lead_in: str | None = None
    sentence: bool = False  # one sentence cut out of a longer paragraph

    @functools.cached_property
    def words(self) -> tuple[str, ...]:
        """The text as normalised words (for matching and overlap)."""
        return normalise_words(self.text)

    @functools.cached_property
    def grams(self) -> frozenset[tuple[str, ...]]:
        """Word trigrams of the text (for overlap between candidates)."""
        return shingles(self.words)


def _span_ends(units: Sequence[Unit], i: int) -> list[int]:
    """The ends of every span that may start at unit i, shortest first."""
    start = units[i]
    ends = [i + 1]
    j = i + 1
    while j < len(units) and j - i < MAX_SPAN:
        u, prev = units[j], units[j - 1]
        titled = j == i + 1 and start.style == "item" and u.level > 0  # "Recommendation 3" + title
        if (u.role == "heading" and not titled) or u.role == "row" or u.style == "item":
            break
        if start.role == "heading" or titled:
            j += 1  # a heading that titles an item owns the paragraphs under it
            ends.append(j)
            continue
        if start.style is not None and u.style == start.style and start.style != "bullet":
            break
        continues = not _END_RE.search(prev.text) or u.text[:1].islower()
        child = u.style in _SUB_STYLES and start.style not in _SUB_STYLES
        indented = u.x0 > start.x0 + 6 or (start.style is not None and u.x0 > start.x0 - 2)
        if not (continues or child or indented or start.style == "item"):
            break
        j += 1
        ends.append(j)
    return ends


def _kind_for(unit: Unit) -> ItemKind:
    """An item's kind: its own label's, else the nearest section heading's, else recommendation."""
    if unit.item_kind is not None:
        return unit.item_kind
    for heading in reversed(unit.section):
        kind = section_kind(heading)
        if kind is not None:
            return kind
    if unit.header:
        kind = section_kind(" ".join(unit.header))
        if kind is not None:
            return kind
    return "recommendation"


def _lead_in(units: Sequence[Unit], i: int) -> str | None:
    """The paragraph that introduces the list unit i belongs to ("we recommend that:")."""
    j = i - 1
    while j >= 0 and units[j].role in ("entry", "row") and j > i - 40:
        j -= 1
    if j >= 0 and units[j].role == "paragraph" and units[j].text.rstrip().endswith(":"):
        return units[j].text
    return None


def span_candidates(units: Sequence[Unit]) -> list[Candidate]:
    """Every span that may be an item, with its kind and number read from its first unit."""
    out: list[Candidate] = []
    for i, unit in enumerate(units):
        if not unit.text.strip() and unit.style != "item":
            continue  # a bare "Recommendation:" label opens the item printed under it
        for end in _span_ends(units, i):
            span = units[i:end]
            text = join_text(u.text if k == 0 else _with_label(u) for k, u in enumerate(span))
            out.append(
                Candidate(
                    start=i,
                    end=end,
                    text=text,
                    kind=_kind_for(unit),
                    number=unit.label if unit.style not in (None, "bullet") else None,
                    page_start=unit.page_start,
                    page_end=span[-1].page_end,
                    lead_in=_lead_in(units, i),
                )
            )
    return out


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])")
_ASKS_RE = re.compile(
    r"\brecommend|\bshould\b|\bshall\b|\bmust\b|\bask(?:s|ed)? [^.]{1,60}? to\b", re.IGNORECASE
)


def sentence_candidates(units: Sequence[Unit]) -> list[Candidate]:
    """Single sentences that ask something of someone inside longer paragraphs."""
    out: list[Candidate] = []
    for i, unit in enumerate(units):
        if unit.role not in ("paragraph", "entry") or not _ASKS_RE.search(unit.text):
            continue
        sentences = _SENTENCE_SPLIT_RE.split(unit.text)
        if len(sentences) < 2:
            continue
        for sentence in sentences:
            if _ASKS_RE.search(sentence) and len(sentence.split()) >= 6:
                out.append(
                    Candidate(
                        start=i,
                        end=i + 1,
                        text=sentence,
                        kind=_kind_for(unit),
                        number=None,
                        page_start=unit.page_start,
                        page_end=unit.page_end,
                        lead_in=None,
                        sentence=True,
                    )
                )
    return out


def _with_label(unit: Unit) -> str:
    """A unit's text with its list label, as it reads inside a longer item."""
    if unit.label is None or unit.style == "item":
        return unit.text
    if unit.style == "bullet":
        return f"{unit.label} {unit.text}"
    return f"({unit.label}) {unit.text}" if unit.style != "number" else f"{unit.label}. {unit.text}"


# --- features -------------------------------------------------------------------------------


def describe(candidates: Sequence[Candidate], units: Sequence[Unit]) -> None:
    """Fill in every candidate's features (in place)."""
    siblings: Counter[tuple[str | None, tuple[str, ...]]] = Counter(
        (u.style, u.section) for u in units if u.label is not None
    )
    repeats = Counter(c.words[:30] for c in candidates if c.rule_item is None and c.words)
    total_pages = max((u.page_end for u in units), default=1)
    rules = [c for c in candidates if c.rule_item is not None]
    lists = _list_facts(units)
    longest: dict[int, int] = {}
    for cand in candidates:
        if cand.start >= 0 and not cand.sentence:
            longest[cand.start] = max(longest.get(cand.start, 0), cand.end)
    says = [_what_it_says(u.text) for u in units]
    for cand in candidates:
        cand.features = _features(cand, units, siblings, repeats, total_pages, says)
        if cand.rule_item is None:
            cand.features.update(_against_rules(cand, rules))
            cand.features.update(
                lists.get((units[cand.start].style, units[cand.start].section), {})
            )
            cand.features["whole_entry"] = float(cand.end == longest.get(cand.start))
            cand.features["one_unit"] = float(cand.end == cand.start + 1)


def _list_facts(
    units: Sequence[Unit],
) -> dict[tuple[str | None, tuple[str, ...]], dict[str, float]]:
    """Facts about each list (entries of one label style under one heading) as a whole."""
    members: dict[tuple[str | None, tuple[str, ...]], list[Unit]] = {}
    for unit in units:
        if unit.role in ("entry", "row", "paragraph"):
            members.setdefault((unit.style, unit.section), []).append(unit)
    facts: dict[tuple[str | None, tuple[str, ...]], dict[str, float]] = {}
    for key, entries in members.items():
        asks = sum(1 for u in entries if _asks(u.text)) / len(entries)
        narrative = sum(1 for u in entries if _NARRATIVE_RE.search(u.text)) / len(entries)
        facts[key] = {
            "list_asks_share": asks,
            "list_mostly_asks": float(asks >= 0.6 and len(entries) >= 2),
            "list_narrative_share": narrative,
        }
    return facts


def _asks(text: str) -> bool:
    """True when a text asks something of someone (directive, recommending or imperative)."""
    return bool(
        _SHOULD_RE.search(text)
        or _SHALL_RE.search(text)
        or _RECOMMEND_RE.search(text)
        or _IMPERATIVE_RE.match(text)
    )


def _against_rules(cand: Candidate, rules: Sequence[Candidate]) -> dict[str, float]:
    """How a span relates to the rule splitter's items: the same text, part of one, or apart."""
    if not rules:
        return {"no_rule_items": 1.0}
    best = 0.0
    for rule in rules:
        if rule.page_end < cand.page_start or rule.page_start > cand.page_end:
            continue
        small = min(len(rule.grams), len(cand.grams))
        if small:
            best = max(best, len(rule.grams & cand.grams) / small)
    return {"same_as_rule_item": float(best >= 0.9), "part_of_rule_item": float(0.2 <= best < 0.9)}


def _features(
    cand: Candidate,
    units: Sequence[Unit],
    siblings: Counter[tuple[str | None, tuple[str, ...]]],
    repeats: Counter[tuple[str, ...]],
    total_pages: int,
    says: Sequence[dict[str, float]],
) -> dict[str, float]:
    """The named facts about one candidate (all numbers; absent facts are 0)."""
    f: dict[str, float] = {}
    f.update(_span_says(cand, says))
    f.update(_how_long(cand))
    if cand.rule_item is not None:
        f["rule_item"] = 1.0
        return f
    first = units[cand.start]
    span = units[cand.start : cand.end]
    f.update(_where_it_sits(first, cand))
    f.update(_how_labelled(first, units, siblings))
    f.update(_how_printed(first, span))
    f["sentence"] = float(cand.sentence)
    f["span_units"] = float(len(span) - 1)
    f["span_has_sublist"] = float(any(u.style in _SUB_STYLES for u in span[1:]))
    after = units[cand.end] if cand.end < len(units) else None
    f["cut_mid_sentence"] = float(
        after is not None
        and after.role == "paragraph"
        and (not _END_RE.search(span[-1].text) or after.text[:1].islower())
    )
    f["starts_lowercase"] = float(first.text[:1].islower())
    f["repeated"] = float(repeats[cand.words[:30]] > 1)
    f["early_page"] = float(cand.page_start <= max(2, total_pages // 20))
    return f


_OPENING_CUES = ("says_we_recommend", "imperative_opening", "names_body", "response_language")


def _span_says(cand: Candidate, says: Sequence[dict[str, float]]) -> dict[str, float]:
    """What a candidate says: read once per unit, combined over a span's units."""
    if cand.start < 0 or cand.sentence:
        return _what_it_says(cand.text)
    parts = says[cand.start : cand.end]
    out = {name: max(p[name] for p in parts) for name in parts[0]}
    out.update({name: parts[0][name] for name in _OPENING_CUES})
    out["ends_sentence"] = parts[-1]["ends_sentence"]
    out["says_will"] = float(out["says_will"] > 0 and not out["says_should"])
    return out


def _what_it_says(text: str) -> dict[str, float]:
    """Directive, addressee, deadline, response and narrative language."""
    opening = text[:160]
    return {
        "says_should": float(bool(_SHOULD_RE.search(text))),
        "says_shall_must": float(bool(_SHALL_RE.search(text))),
        "says_we_recommend": float(bool(_RECOMMEND_RE.search(opening))),
        "says_will": float(bool(_WILL_RE.search(text)) and not _SHOULD_RE.search(text)),
        "imperative_opening": float(bool(_IMPERATIVE_RE.match(text))),
        "names_body": float(bool(_body_alias_re(active_bodies_file()).search(opening))),
        "deadline_phrase": float(bool(_DEADLINE_RE.search(text))),
        "response_language": float(bool(_RESPONSE_RE.search(opening))),
        "narrative_language": float(bool(_NARRATIVE_RE.search(text))),
        "talks_about_items": float(bool(_TALK_RE.search(text))),
        "paragraph_reference": float(bool(_PARAGRAPH_REF_RE.search(text))),
        "ends_sentence": float(bool(_END_RE.search(text))),
    }


def _how_long(cand: Candidate) -> dict[str, float]:
    """Length in words, as a log and as two flags."""
    n = len(cand.words)
    return {
        "log_words": math.log1p(n),
        "very_short": float(n < 6),
        "very_long": float(n > 250),
    }


def _where_it_sits(first: Unit, cand: Candidate) -> dict[str, float]:
    """The section path and lead-in around the candidate."""
    inner = first.section[-1] if first.section else ""
    kinds = [section_kind(h) for h in first.section]
    header = " ".join(first.header)
    return {
        "section_names_items": float(section_kind(inner) is not None),
        "ancestor_names_items": float(any(kinds[:-1])),
        "section_names_kind": float(cand.kind == section_kind(inner)),
        "section_response": float(any(_RESPONSE_HEAD_RE.search(h) for h in first.section[-2:])),
        "section_conclusions": float(bool(_CONCLUSION_RE.search(inner))),
        "section_contents": float(any(_CONTENTS_RE.search(h) for h in first.section)),
        "lead_in": float(cand.lead_in is not None),
        "lead_in_recommends": float(
            cand.lead_in is not None and bool(re.search(r"recommend|should", cand.lead_in, re.I))
        ),
        "table_row": float(first.role == "row"),
        "table_header_names_items": float(bool(header) and section_kind(header) is not None),
    }


def _how_labelled(
    first: Unit, units: Sequence[Unit], siblings: Counter[tuple[str | None, tuple[str, ...]]]
) -> dict[str, float]:
    """The candidate's label: its style, whether it continues a sequence, its list's size."""
    style = first.style
    prev = _previous_label(units, first)
    return {
        "item_label": float(style == "item" and first.label is not None),
        "bare_item_label": float(style == "item" and first.label is None),
        "numbered": float(style in ("number", "dotted", "paren")),
        "sub_labelled": float(style in ("letter", "roman", "capital")),
        "bulleted": float(style == "bullet"),
        "unlabelled": float(style is None),
        "number_continues": float(prev is not None and follows_on(prev, first.label)),
        "list_size": math.log1p(siblings[(style, first.section)]) if style else 0.0,
    }


def _previous_label(units: Sequence[Unit], unit: Unit) -> str | None:
    """The label of the nearest earlier unit printed in the same style under the same heading."""
    for j in range(unit.index - 1, max(-1, unit.index - 60), -1):
        other = units[j]
        if other.role == "heading":
            return None
        if other.style == unit.style and other.label is not None:
            return other.label
    return None


def _how_printed(first: Unit, span: Sequence[Unit]) -> dict[str, float]:
    """Typography relative to the document: bold, size, box, space above."""
    return {
        "bold": float(first.bold),
        "in_box": float(first.in_box),
        "larger_than_body": float(first.size >= 1.0),
        "smaller_than_body": float(first.size <= -1.0),
        "space_above": min(first.gap_above, 3.0),
        "multi_page": float(span[-1].page_end > first.page_start),
    }


def rule_candidates(items: Sequence[Item]) -> list[Candidate]:
    """The rule splitter's items as candidates (their span is unknown; their text is known)."""
    return [
        Candidate(
            start=-1,
            end=-1,
            text=item.text,
            kind=item.kind,
            number=item.number,
            page_start=item.page_start,
            page_end=item.page_end,
            rule_item=item,
        )
        for item in items
    ]
