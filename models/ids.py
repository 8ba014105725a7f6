"""Stable identities for items: the same item in the same document always gets the same id."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from models.records import Item

_SPACE = re.compile(r"\s+")


def fingerprint(text: str) -> str:
    """Return a short sha1 of the text after case-folding and collapsing whitespace."""
    normalised = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha1(normalised.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def item_id(document_sha256: str, kind: str, number: str | None, text: str) -> str:
    """Return `<sha256[:12]>:<kind>:<number>`; a text fingerprint stands in for a missing number."""
    label = number.strip() if number and number.strip() else f"t{fingerprint(text)}"
    return f"{document_sha256[:12]}:{kind}:{label}"


def item_ids(document_sha256: str, items: Iterable[Item]) -> list[str]:
    """Return the ids of a document's items in order; a repeated id gets a `~2`, `~3` suffix."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for item in items:
        base = item_id(document_sha256, item.kind, item.number, item.text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return ids
