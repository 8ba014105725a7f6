"""Score a document's title, publisher and publication date against its gold labels.

A publisher matches when, case and punctuation aside, it equals the gold publisher without its
bracketed part, or both name the same registry body, or both name the same bodies (a joint
publication: "HMICFRS and HMCPSI"), each by a registry name or by its words without a leading
"the" or "Office of the". A title scores its word similarity to the
gold title without its bracketed part. Only fields the gold gives are scored, and only for
documents that extracted (a failed extraction is reported with the items, not here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.wording import normalise_words, similarity

Doc = Mapping[str, Any]
_BRACKETED = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True, slots=True)
class MetaScore:
    """How one document's title, publisher and date compare with the gold (None: not scored)."""

    title: float | None = None
    publisher: bool | None = None
    published: bool | None = None


def _unbracketed(text: str) -> str:
    """The text without its bracketed parts: "Ofsted (joint)" -> "Ofsted"."""
    return _BRACKETED.sub("", text).strip()


@cache
def _body_ids() -> dict[tuple[str, ...], str]:
    """Every registry body's id, name, label and aliases as words, mapped to its id."""
    from extractors.registry import load_registry

    ids: dict[tuple[str, ...], str] = {}
    for body in load_registry():
        for name in (body.id.replace("_", " "), body.output, body.name, *body.aliases):
            words = normalise_words(name)
            if words and words[0] == "the":
                words = words[1:]
            ids.setdefault(words, body.id)
    return ids


def _body_of(name: str) -> str | None:
    """The registry id that a publisher's name names, if any ("His Majesty's" read as "HM")."""
    words = normalise_words(name)
    if words and words[0] == "the":
        words = words[1:]
    found = _body_ids().get(words)
    if found is None and words[:1] in (("his",), ("her",)) and words[1:2] == ("majestys",):
        found = _body_ids().get(("hm", *words[2:]))
    return found


def publisher_matches(gold: str, predicted: str | None) -> bool:
    """True when a predicted publisher names the gold publisher (see the module docstring)."""
    if not predicted:
        return False
    want, got = normalise_words(_unbracketed(gold)), normalise_words(_unbracketed(predicted))
    if want == got:
        return True
    body = _body_of(_unbracketed(gold))
    if body is not None and body == _body_of(_unbracketed(predicted)):
        return True
    return _publishers(gold) == _publishers(predicted)


def _run(texts: Sequence[str], joins: Sequence[str], i: int, j: int) -> str:
    """Pieces i to j of a split name, joined back as printed."""
    return "".join(t + s for t, s in zip(texts[i:j], joins[i:j], strict=True)) + texts[j]


_JOINER = re.compile(r"(\s*[;,]\s*|\s+and\s+)")
_OFFICE_OF = ("office", "of", "the")


def _publishers(name: str) -> frozenset[tuple[str, ...] | str]:
    """The bodies a publisher names, each by its registry id or its words without a leading
    "the" or "Office of the": "HMICFRS, College of Policing and IOPC" -> three bodies."""
    pieces = _JOINER.split(_unbracketed(name))
    texts, joins = pieces[::2], pieces[1::2]
    out: set[tuple[str, ...] | str] = set()
    i = 0
    while i < len(texts):
        # the longest run of pieces that is one registry body ("Inspectorate of Constabulary
        # and Fire & Rescue Services" holds an "and")
        end = next(
            (j for j in range(len(texts) - 1, i, -1) if _body_of(_run(texts, joins, i, j))), i
        )
        text = _run(texts, joins, i, end)
        words = normalise_words(text)
        words = words[1:] if words[:1] == ("the",) else words
        words = words[3:] if words[:3] == _OFFICE_OF else words
        out.add(_body_of(text) or words)
        i = end + 1
    return frozenset(out)


def title_similarity(gold: str, predicted: str | None) -> float:
    """Word similarity of a predicted title to the gold title without its bracketed part."""
    return similarity(normalise_words(_unbracketed(gold)), normalise_words(predicted or ""))


def score_metadata(gold: Doc, predicted: Doc) -> MetaScore:
    """Compare title, publisher and publication date of one document with its gold labels."""
    if predicted.get("error"):
        return MetaScore()
    title, publisher, published = gold.get("title"), gold.get("publisher"), gold.get("published")
    return MetaScore(
        title=title_similarity(title, predicted.get("title")) if title else None,
        publisher=publisher_matches(publisher, predicted.get("publisher")) if publisher else None,
        published=(str(predicted.get("published")) == str(published)) if published else None,
    )
