"""Recognise items among the candidates: score each by its cues, keep the best without overlap.

Candidates come from the skeleton (spans and sentences) and from the rule splitter; each is
scored with the fitted cue weights (`extractors.cues`). Decoding is greedy: the most likely
candidate first, each kept when it is likely enough and shares no text with one already kept.
A candidate that repeats a kept one (a summary list and the body, an annex) adds its pages to
the kept item's occurrences instead of becoming a second item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.candidates import (
    Candidate,
    describe,
    rule_candidates,
    sentence_candidates,
    span_candidates,
)
from extractors.cues import Weights, score, shipped_weights
from extractors.items import split_items
from extractors.skeleton import Unit, build_skeleton
from extractors.wording import normalise_words
from models.records import DocumentText, Item

OVERLAP = 0.5  # share of the shorter text's trigrams two candidates may have in common


@dataclass(frozen=True, slots=True)
class Described:
    """A document's units and its candidates with their features (independent of the weights)."""

    units: tuple[Unit, ...]
    candidates: tuple[Candidate, ...]


def describe_document(doc: DocumentText) -> Described:
    """Build the skeleton, every candidate and their features."""
    units = build_skeleton(doc)
    candidates = (
        span_candidates(units) + sentence_candidates(units) + rule_candidates(split_items(doc))
    )
    describe(candidates, units)
    return Described(tuple(units), tuple(candidates))


def recognise(doc: DocumentText, weights: Weights | None = None) -> list[Item]:
    """Find every item in a document once, by the cues' scores."""
    return decode(describe_document(doc), weights or shipped_weights())


def _overlaps(a: Candidate, b: Candidate) -> bool:
    """True when two candidates share units (sentences: words) or most of the shorter text."""
    if a.start >= 0 and b.start >= 0 and a.start < b.end and b.start < a.end:
        return _shared(a, b) > 0.0 if a.sentence or b.sentence else True
    return _shared(a, b) >= OVERLAP


def _shared(a: Candidate, b: Candidate) -> float:
    """The share of the shorter candidate's trigrams that the other has too."""
    small = min(len(a.grams), len(b.grams))
    if not small:
        return 0.0
    return len(a.grams & b.grams) / small


def decode(described: Described, weights: Weights) -> list[Item]:
    """Keep the likeliest candidates that do not overlap; repeats add occurrences."""
    # A span that reprints a rule-found item is that item: it does not compete with it.
    scored = sorted(
        (
            (score(c.features, weights), k, c)
            for k, c in enumerate(described.candidates)
            if not c.features.get("same_as_rule_item")
        ),
        key=lambda t: (-t[0], t[1]),
    )
    kept: list[tuple[Candidate, set[int]]] = []
    for probability, _, cand in scored:
        if probability < weights.threshold:
            break
        clash = next((pair for pair in kept if _overlaps(pair[0], cand)), None)
        if clash is None:
            kept.append((cand, {cand.page_start, cand.page_end}))
        elif _shared(clash[0], cand) >= 0.8:
            clash[1].update({cand.page_start, cand.page_end})
    kept.sort(key=lambda pair: (pair[0].page_start, _position(pair[0], described.units)))
    return [_item(cand, pages) for cand, pages in kept]


def _position(cand: Candidate, units: Sequence[Unit]) -> float:
    """Where on its first page a candidate starts (a rule item: where its opening words are)."""
    if cand.start >= 0:
        return units[cand.start].top
    # twelve words first: items of one list often open alike ("The team recommends that the …")
    for opening in (cand.words[:12], cand.words[:6]):
        for unit in units:
            if unit.page_start == cand.page_start and opening and _opens(unit.text, opening):
                return unit.top
    return 0.0


def _opens(text: str, opening: Sequence[str]) -> bool:
    """True when a unit's text contains the given opening words, or is all of the first of
    them (an item's title set as a unit of its own: "Criteria for ending a pursuit")."""
    words = normalise_words(text)
    n = len(opening)
    if 3 <= len(words) < n and tuple(opening[: len(words)]) == tuple(words):
        return True
    return any(tuple(words[i : i + n]) == tuple(opening) for i in range(len(words) - n + 1))


def _parent(number: str | None) -> str | None:
    """4a belongs to 4."""
    m = re.match(r"(\d+)\s*[a-z(]", number or "")
    return m.group(1) if m else None


def _item(cand: Candidate, pages: set[int]) -> Item:
    """Turn a kept candidate into an item."""
    if cand.rule_item is not None:
        merged = set(cand.rule_item.occurrences) | pages
        return replace(cand.rule_item, occurrences=tuple(sorted(merged)))
    return Item(
        kind=cand.kind,
        number=cand.number,
        parent=_parent(cand.number),
        page_start=cand.page_start,
        page_end=cand.page_end,
        text=cand.text,
        occurrences=tuple(sorted(pages)),
        lead_in=cand.lead_in,
    )
