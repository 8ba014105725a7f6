"""What needs a look, most urgent first: the start page of `recwatch review`.

Per document: its self-check warnings, items flagged `needs_review`, and items added, removed or
changed between a run and the run before it (by stored version, from `run_items`). Read with
column queries, not ORM objects, so a store of 1,000 reports answers in well under a second.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from extractors.registry import registry_ids
from models import db
from pipeline.store.corrections import rejected_ids
from pipeline.store.query import latest_self_checks


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Filters of the queue (empty means no filter); addressees are stored forms (registry ids)."""

    kinds: Sequence[str] = ()
    addressees: Sequence[str] = ()
    document: str | None = None
    run: int | None = None  # compare this run with the one before it (default: the latest)


def _runs(session: Session, run: int | None) -> tuple[int | None, int | None]:
    """Return (previous run, run) to compare; either may be None."""
    ids = list(session.scalars(select(db.Run.id).order_by(db.Run.id.desc())))
    if run is None:
        run = ids[0] if ids else None
    older = [i for i in ids if run is not None and i < run]
    return (older[0] if older else None), run


def _changes(
    session: Session, pair: tuple[int | None, int | None], sha256: str | None = None
) -> dict[str, dict[str, str]]:
    """Return, per document, item id -> added | removed | changed between the two runs.

    Compared in SQL (a run's rows joined to the other run's rows of the same item), so only the
    changed rows leave the database. With no earlier run every item of the run is added. An
    addition or change an analyst accepted (an item check on the new version) is left out.
    """
    old, new = aliased(db.RunItem), aliased(db.RunItem)
    out: dict[str, dict[str, str]] = {}
    checked = select(db.ItemCheck.id).where(
        db.ItemCheck.item_id == new.item_id, db.ItemCheck.version_id == new.version_id
    )
    seen = (
        select(new.item_id, new.document_sha256, old.id)
        .outerjoin(old, and_(old.item_id == new.item_id, old.run_id == (pair[0] or -1)))
        .where(new.run_id == (pair[1] or -1))
        .where(or_(old.id.is_(None), old.version_id != new.version_id))
        .where(~exists(checked))
    )
    if sha256 is not None:
        seen = seen.where(new.document_sha256 == sha256)
    for item_id, sha, had in session.execute(seen):
        out.setdefault(sha, {})[item_id] = "added" if had is None else "changed"
    processed = select(db.RunDocument.sha256).where(
        db.RunDocument.run_id == (pair[1] or -1), db.RunDocument.status == "ok"
    )
    gone = (
        select(old.item_id, old.document_sha256)
        .outerjoin(new, and_(new.item_id == old.item_id, new.run_id == (pair[1] or -1)))
        .where(old.run_id == (pair[0] or -1), new.id.is_(None))
        .where(old.document_sha256.in_(processed))
    )
    if sha256 is not None:
        gone = gone.where(old.document_sha256 == sha256)
    for item_id, sha in session.execute(gone):
        out.setdefault(sha, {})[item_id] = "removed"
    return out


def pending_changes(session: Session, sha256: str) -> dict[str, str]:
    """Return a document's item id -> added | removed | changed of the latest run, not accepted."""
    return _changes(session, _runs(session, None), sha256).get(sha256, {})


def _current() -> Select[str, str]:
    """Select (item id, document sha256) of the current items, rejected ones left out."""
    return select(db.Item.id, db.Item.document_sha256).where(
        db.Item.current_version_id.is_not(None),
        db.Item.removed_in_run.is_(None),
        db.Item.id.not_in(rejected_ids()),
    )


def _items(session: Session, wanted: QueueFilter) -> dict[str, str] | None:
    """Map the items the filters keep to their document; None when nothing is filtered."""
    if not (wanted.kinds or wanted.addressees):
        return None
    current = _current()
    if wanted.kinds:
        current = current.where(db.Item.kind.in_(list(wanted.kinds)))
    if not wanted.addressees:
        return {row[0]: row[1] for row in session.execute(current)}
    query = current.add_columns(db.ItemVersion.addressees)
    query = query.join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
    addressees = {a.casefold() for a in wanted.addressees}
    corrected = _corrected_addressees(session)
    out: dict[str, str] = {}
    kept: dict[str, bool] = {}  # by stored JSON: most items share a few addressee lists
    for item_id, sha, stored in session.execute(query):
        value = json.dumps(corrected[item_id]) if item_id in corrected else stored
        if value not in kept:
            ids = registry_ids(json.loads(value))
            kept[value] = bool(addressees & {a.casefold() for a in ids})
        if kept[value]:
            out[item_id] = sha
    return out


def _counts(session: Session, items: dict[str, str] | None) -> Counter[str]:
    """Count the (kept) current items of each document."""
    if items is not None:
        return Counter(items.values())
    current = _current().subquery()
    query = select(current.c.document_sha256, func.count()).group_by(current.c.document_sha256)
    return Counter({str(sha): int(count) for sha, count in session.execute(query)})


def _corrected_addressees(session: Session) -> dict[str, list[str]]:
    """Return the addressees corrections in force set, by item id."""
    query = select(db.Correction.item_id, db.Correction.value).where(
        db.Correction.field == "addressees", db.Correction.superseded_by.is_(None)
    )
    return {item_id: json.loads(value) for item_id, value in session.execute(query)}


def review_queue(session: Session, wanted: QueueFilter, limit: int = 200) -> dict[str, Any]:
    """Return the documents that need a look, most urgent first (the first `limit`), with counts."""
    pair = _runs(session, wanted.run)
    items = _items(session, wanted)
    per_document = _counts(session, items)
    changes = _changes(session, pair)
    flags: Counter[str] = Counter()
    query = select(db.NeedsReview.item_id, db.Item.document_sha256).join(
        db.Item, db.Item.id == db.NeedsReview.item_id
    )
    for item_id, sha in session.execute(query.where(db.NeedsReview.resolved_at.is_(None))):
        if items is None or item_id in items:
            flags[sha] += 1
    checks = latest_self_checks(session)
    rows = []
    for sha, file, title in session.execute(
        select(db.Document.sha256, db.Document.file, db.Document.title)
    ):
        if wanted.document and not _names(wanted.document, sha, file, title):
            continue
        if items is not None and not per_document[sha]:
            continue
        kinds = [c for i, c in changes.get(sha, {}).items() if items is None or i in items]
        counts = {c: kinds.count(c) for c in _CHANGES}
        if checks.get(sha) or flags[sha] or kinds:
            rows.append(
                {
                    "sha256": sha,
                    "file": file,
                    "title": title,
                    "items": per_document[sha],
                    "warnings": checks.get(sha, []),
                    "needs_review": flags[sha],
                    **counts,
                }
            )
    rows.sort(key=_urgency)
    return {
        "run": pair[1],
        "previous_run": pair[0],
        "documents": rows[:limit],
        "more": len(rows[limit:]),
    }


_CHANGES = ("added", "removed", "changed")


def _urgency(row: dict[str, Any]) -> tuple[Any, ...]:
    """Sort key: warnings first, then review flags, then the most changes."""
    changes = row["added"] + row["removed"] + row["changed"]
    return (-len(row["warnings"]), -row["needs_review"], -changes, row["file"], row["sha256"])


def _names(ref: str, sha: str, file: str, title: str | None) -> bool:
    """True when `ref` is part of the file name or title, or a sha256 prefix."""
    folded = ref.casefold()
    return folded in file.casefold() or folded in (title or "").casefold() or sha.startswith(folded)
