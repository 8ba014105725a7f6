"""Read the current register out of the store: items with filters, documents with their items."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from extractors.addressees import for_forces
from extractors.registry import registry_ids
from models import db
from models.store import open_existing_store
from pipeline.common.errors import PipelineError
from pipeline.store.corrections import deadline_json, overlay, rejected_ids


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """Filters for `recwatch items` (empty means no filter)."""

    kinds: Sequence[str] = ()
    document: str | None = None
    publisher: str | None = None
    addressees: Sequence[str] = ()
    for_forces: bool = False
    due_before: date | None = None
    has_deadline: bool = False

    def keeps(self, addressees: Sequence[str]) -> bool:
        """Apply the addressee filters (stored as JSON, so checked in Python)."""
        have = {a.casefold() for a in registry_ids(addressees)}  # ids; older names too
        if self.addressees and not have & {a.casefold() for a in self.addressees}:
            return False
        return not self.for_forces or for_forces(addressees)


def _current_items() -> Select[db.Item, db.ItemVersion, db.Document]:
    """Select the current version of every item that the latest run of its document still saw.

    Items an analyst rejected are left out (see `pipeline.store.corrections`).
    """
    return (
        select(db.Item, db.ItemVersion, db.Document)
        .join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
        .join(db.Document, db.Document.sha256 == db.Item.document_sha256)
        .where(db.Item.removed_in_run.is_(None), db.Item.id.not_in(rejected_ids()))
        .order_by(db.Document.file, db.Document.sha256, db.Item.position, db.Item.id)
    )


def item_row(item: db.Item, version: db.ItemVersion, document: db.Document) -> dict[str, Any]:
    """Render a stored item as the JSON contract's item dict plus its document's identity."""
    return {
        "id": item.id,
        "kind": item.kind,
        "number": item.number,
        "parent": item.parent,
        "page_start": version.page_start,
        "page_end": version.page_end,
        "text": version.text,
        "addressees": json.loads(version.addressees),
        "partners": json.loads(version.partners),
        "deadline": deadline_json(version),
        "deadlines": json.loads(version.deadlines),
        "occurrences": json.loads(version.occurrences),
        "granularity": version.deadline_granularity,
        "file": document.file,
        "sha256": document.sha256,
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
    }


def find_items(db_url: str, wanted: ItemFilter) -> list[dict[str, Any]]:
    """Return current items matching the filter, ordered by document, page and id."""
    query = _current_items()
    if wanted.kinds:
        query = query.where(db.Item.kind.in_(list(wanted.kinds)))
    # Filters are literal: "_" and "%" match themselves, not any character (autoescape).
    if wanted.document:
        query = query.where(
            or_(
                db.Document.file.icontains(wanted.document, autoescape=True),
                db.Document.title.icontains(wanted.document, autoescape=True),
                db.Document.sha256.startswith(wanted.document.lower(), autoescape=True),
            )
        )
    if wanted.publisher:
        query = query.where(db.Document.publisher.icontains(wanted.publisher, autoescape=True))
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            rows = [overlay(item_row(*row), session) for row in session.execute(query).all()]
    finally:
        engine.dispose()
    return [row for row in rows if wanted.keeps(row["addressees"]) and _due(wanted, row)]


def unknown_addressees(db_url: str, known: frozenset[str]) -> list[tuple[str, int]]:
    """Count current items' addressees that name no registry body, commonest first."""
    counts: dict[str, int] = {}
    for row in find_items(db_url, ItemFilter()):
        for name in row["addressees"]:
            if name.casefold() not in known:
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def _due(wanted: ItemFilter, row: dict[str, Any]) -> bool:
    """Apply the deadline filters to an item row (after corrections, so checked in Python)."""
    deadline = row["deadline"]
    if wanted.has_deadline and deadline is None:
        return False
    if wanted.due_before is None:
        return True
    day = deadline.get("date") if deadline else None
    return day is not None and date.fromisoformat(day) < wanted.due_before


def documents_with_items(db_url: str) -> list[dict[str, Any]]:
    """Return every stored document in the JSON contract's shape, with its current items."""
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            documents = session.scalars(select(db.Document).order_by(db.Document.file)).all()
            by_document: dict[str, list[dict[str, Any]]] = {d.sha256: [] for d in documents}
            for item, version, document in session.execute(_current_items()).all():
                row = overlay(item_row(item, version, document), session)
                for key in ("file", "sha256", "title", "publisher", "published"):
                    del row[key]
                by_document[document.sha256].append(row)
            return [
                {
                    "sha256": d.sha256,
                    "file": d.file,
                    "source": d.source,
                    "title": d.title,
                    "publisher": d.publisher,
                    "published": d.published.isoformat() if d.published else None,
                    "pages": d.pages,
                    "items": by_document[d.sha256],
                }
                for d in documents
            ]
    finally:
        engine.dispose()


def latest_warnings(session: Session) -> dict[str, list[str]]:
    """Each document's warnings from its latest successful extraction (run_documents)."""
    latest: dict[str, db.RunDocument] = {}
    query = select(db.RunDocument).where(db.RunDocument.status == "ok")
    for row in session.scalars(query.order_by(db.RunDocument.run_id)):
        if row.sha256:
            latest[row.sha256] = row
    return {sha256: list(json.loads(row.warnings or "[]")) for sha256, row in latest.items()}


def latest_self_checks(session: Session) -> dict[str, list[str]]:
    """Each document's self-check warnings from its latest successful extraction."""
    from extractors.checks import is_self_check

    return {
        sha256: checks
        for sha256, warnings in latest_warnings(session).items()
        if (checks := [w for w in warnings if is_self_check(w)])
    }


def documents_needing_review(db_url: str) -> list[dict[str, Any]]:
    """Documents whose latest extraction warned that it may be incomplete (self-checks)."""
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            counts: dict[str, int] = {}
            for _item, _version, doc in session.execute(_current_items()).all():
                counts[doc.sha256] = counts.get(doc.sha256, 0) + 1
            out = []
            for sha256, checks in latest_self_checks(session).items():
                stored = session.get(db.Document, sha256)
                if stored is not None:
                    out.append(
                        {
                            "sha256": sha256,
                            "file": stored.file,
                            "title": stored.title,
                            "items": counts.get(sha256, 0),
                            "warnings": checks,
                        }
                    )
            return sorted(out, key=lambda d: (d["file"], d["sha256"]))
    finally:
        engine.dispose()


def _names_item(ref: str, item: db.Item, document: db.Document) -> bool:
    """True when `ref` is part of the item's id, or `DOCUMENT:KIND:NUMBER` naming it."""
    from models.records import KIND_SHORT

    folded = ref.casefold()
    if folded in item.id.casefold():
        return True
    parts = folded.rsplit(":", 2)
    if len(parts) != 3 or not parts[0]:
        return False
    where, kind, number = parts
    return (
        kind in (item.kind, KIND_SHORT.get(item.kind))
        and number == (item.number or "").casefold()
        and (where in document.file.casefold() or where in (document.title or "").casefold())
    )


def resolve_item_id(db_url: str, ref: str) -> str:
    """Return the id of the one item `ref` names: its id, part of it, or DOCUMENT:KIND:NUMBER.

    DOCUMENT is part of a file name or title (`stalking:rec:2`). A reference that names no
    item is returned as given (the caller reports it); several candidates are an error.
    """
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            if session.get(db.Item, ref) is not None:
                return ref
            rows = session.execute(
                select(db.Item, db.Document)
                .join(db.Document, db.Document.sha256 == db.Item.document_sha256)
                .where(db.Item.removed_in_run.is_(None))
                .order_by(db.Item.id)
            ).all()
            found = [
                (item.id, document.file)
                for item, document in rows
                if _names_item(ref, item, document)
            ]
    finally:
        engine.dispose()
    if len(found) == 1:
        return found[0][0]
    if len(found) > 1:
        listed = "".join(f"\n  {item_id}  ({file})" for item_id, file in found[:20])
        more = f"\n  … and {len(found) - 20} more" if len(found) > 20 else ""
        raise PipelineError(
            f"{ref!r} matches {len(found)} items:{listed}{more}",
            "give more of the id, or DOCUMENT:KIND:NUMBER (e.g. stalking:rec:2)",
        )
    return ref
