"""Render extraction results in the stable JSON contract (see README: "The JSON contract")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from models.ids import item_ids
from models.records import DocumentResult, Item


def item_to_json(item: Item, item_id: str) -> dict[str, Any]:
    """Render one item as a contract dict (contract keys first, extra fields after)."""
    return {
        "id": item_id,
        "kind": item.kind,
        "number": item.number,
        "parent": item.parent,
        "page_start": item.page_start,
        "page_end": item.page_end,
        "text": item.text,
        "addressees": list(item.addressees),
        "partners": list(item.partners),
        "deadline": item.deadline.to_json() if item.deadline else None,
        "deadlines": [d.to_json() for d in item.deadlines],
        "occurrences": list(item.occurrences),
        "granularity": item.deadline.granularity if item.deadline else None,
    }


def document_to_json(result: DocumentResult) -> dict[str, Any]:
    """Render one document result as a contract dict."""
    published = result.metadata.published
    return {
        "sha256": result.sha256,
        "file": result.file,
        "source": result.source,
        "title": result.metadata.title,
        "publisher": result.metadata.publisher,
        "published": published.isoformat() if published else None,
        "pages": result.pages,
        "items": [
            item_to_json(item, id_)
            for item, id_ in zip(result.items, item_ids(result.sha256, result.items), strict=True)
        ],
        "warnings": list(result.warnings),
    }


def documents_to_json(results: Iterable[DocumentResult]) -> dict[str, Any]:
    """Wrap document results in the contract's top-level object."""
    return {"documents": [document_to_json(r) for r in results]}
