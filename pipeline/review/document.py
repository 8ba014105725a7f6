"""One document for review: its items in order, as `recwatch items` shows them, with each item's
revision (for the stale check), word diff against its previous version and correction history."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import db
from pipeline.review.diff import find_document, word_diff
from pipeline.review.page_image import recorded_paths
from pipeline.review.queue import pending_changes
from pipeline.store.corrections import item_revision, overlay, rejected_ids
from pipeline.store.query import item_row, latest_self_checks


def _previous_text(session: Session, item: db.Item) -> str | None:
    """Return the text of the item's version before the current one, if it has one."""
    return session.scalar(
        select(db.ItemVersion.text)
        .where(db.ItemVersion.item_id == item.id)
        .where(db.ItemVersion.id < (item.current_version_id or 0))
        .order_by(db.ItemVersion.id.desc())
        .limit(1)
    )


def history(session: Session, item_id: str) -> list[dict[str, Any]]:
    """Return every correction of an item, oldest first, with whether it is still in force."""
    rows = session.scalars(
        select(db.Correction).where(db.Correction.item_id == item_id).order_by(db.Correction.id)
    )
    return [
        {
            "field": c.field,
            "value": json.loads(c.value),
            "by": c.made_by,
            "at": c.made_at.isoformat(timespec="seconds"),
            "note": c.note,
            "in_force": c.superseded_by is None,
        }
        for c in rows
    ]


def _flagged(session: Session, item_id: str) -> list[str]:
    """Return the fields of an item with an open review flag."""
    query = select(db.NeedsReview.field).where(
        db.NeedsReview.item_id == item_id, db.NeedsReview.resolved_at.is_(None)
    )
    return sorted(set(session.scalars(query)))


def document_view(session: Session, ref: str) -> dict[str, Any]:
    """Return a document (file part, title or sha256 prefix) with its items for review."""
    document = find_document(session, ref)
    rejected = set(session.scalars(rejected_ids()))
    query = (
        select(db.Item, db.ItemVersion)
        .join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
        .where(db.Item.document_sha256 == document.sha256, db.Item.removed_in_run.is_(None))
        .order_by(db.Item.position, db.Item.id)
    )
    changes = pending_changes(session, document.sha256)
    items: list[dict[str, Any]] = []
    gone: list[dict[str, Any]] = []
    for item, version in session.execute(query).all():
        row = overlay(item_row(item, version, document), session)
        row["revision"] = item_revision(session, item.id)
        row["history"] = history(session, item.id)
        row["flagged"] = _flagged(session, item.id)
        row["change"] = changes.get(item.id)  # added | changed in the latest run, not accepted
        previous = _previous_text(session, item)
        row["words"] = word_diff(previous, version.text) if previous is not None else ()
        (gone if item.id in rejected else items).append(row)
    return {
        "sha256": document.sha256,
        "file": document.file,
        "title": document.title,
        "publisher": document.publisher,
        "pages": document.pages,
        "paths": recorded_paths(session, document.sha256),
        "warnings": latest_self_checks(session).get(document.sha256, []),
        "items": items,
        "rejected": gone,
    }
