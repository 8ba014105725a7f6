"""Score a document's title, publisher and publication date against its gold labels.

A publisher matches when, case and punctuation aside, it equals the gold publisher without its
bracketed part, or both name the same registry body. A title scores its word similarity to the
gold title without its bracketed part. Only fields the gold gives are scored, and only for
documents that extracted (a failed extraction is reported with the items, not here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
    """The registry id that a publisher's name names, if any."""
    words = normalise_words(name)
    if words and words[0] == "the":
        words = words[1:]
    return _body_ids().get(words)


def publisher_matches(gold: str, predicted: str | None) -> bool:
    """True when a predicted publisher names the gold publisher (see the module docstring)."""
    if not predicted:
        return False
    want, got = normalise_words(_unbracketed(gold)), normalise_words(_unbracketed(predicted))
    if want == got:
        return True
    body = _body_of(_unbracketed(gold))
    return body is not None and body == _body_of(_unbracketed(predicted))


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
