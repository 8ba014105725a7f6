"""One blank English spaCy pipeline (sentencizer + body EntityRuler), built once and shared."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from extractors.registry import Body, load_registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ENTITY_LABEL = "BODY"
PIPELINE_NAME = 'spacy.blank("en") + sentencizer + entity_ruler(bodies, LOWER)'

_lock = threading.Lock()
_cache: dict[tuple[Body, ...], Language] = {}

# Same-length replacements, so character offsets stay valid after normalising.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Straighten curly quotes and non-breaking spaces (offsets are preserved)."""
    return text.translate(_QUOTES)


def _spellings(alias: str) -> tuple[str, ...]:
    """An alias as printed both ways: "Fire & Rescue" and "Fire and Rescue"."""
    alias = normalise(alias)
    return (alias, alias.replace(" & ", " and "), alias.replace(" and ", " & "))


def _build(bodies: tuple[Body, ...]) -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler: Any = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    patterns: list[dict[str, str]] = []
    for body in bodies:
        for alias in dict.fromkeys(v for a in (body.name, *body.aliases) for v in _spellings(a)):
            patterns.append({"label": ENTITY_LABEL, "pattern": alias, "id": body.id})
    ruler.add_patterns(patterns)
    return nlp


def get_nlp(bodies: list[Body] | None = None) -> Language:
    """Return the cached pipeline for these bodies (default: the loaded registry)."""
    key = tuple(bodies if bodies is not None else load_registry())
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _cache[key] = _build(key)
    return nlp


def parse(text: str, bodies: list[Body] | None = None) -> Doc:
    """Run the shared pipeline over normalised text."""
    return get_nlp(bodies)(normalise(text))
