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

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.registry import registry_ids
from models import db
from pipeline.corrections import rejected_ids
from pipeline.query import latest_self_checks


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


def _versions(session: Session, run_id: int | None) -> dict[str, tuple[int, str]]:
    """Map item id to (version id, document sha256) for the items a run saw."""
    if run_id is None:
        return {}
    query = select(db.RunItem.item_id, db.RunItem.version_id, db.RunItem.document_sha256).where(
        db.RunItem.run_id == run_id
    )
    return {item: (version, sha) for item, version, sha in session.execute(query)}


def _changes(session: Session, pair: tuple[int | None, int | None]) -> dict[str, dict[str, str]]:
    """Return, per document, item id -> added | removed | changed between the two runs."""
    before, after = _versions(session, pair[0]), _versions(session, pair[1])  # first run: all new
    processed = set(
        session.scalars(
            select(db.RunDocument.sha256).where(
                db.RunDocument.run_id == pair[1], db.RunDocument.status == "ok"
            )
        )
    )
    out: dict[str, dict[str, str]] = {}
    for item_id, (version, sha) in after.items():
        old = before.get(item_id)
        if old is None or old[0] != version:
            out.setdefault(sha, {})[item_id] = "added" if old is None else "changed"
    for item_id, (_version, sha) in before.items():
        if item_id not in after and sha in processed:
            out.setdefault(sha, {})[item_id] = "removed"
    return out


def _items(session: Session, wanted: QueueFilter) -> dict[str, tuple[str, str, list[str]]]:
    """Map every item id to (document sha256, kind, addressee ids), rejected ones left out."""
    query = (
        select(db.Item.id, db.Item.document_sha256, db.Item.kind, db.ItemVersion.addressees)
        .join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
        .where(db.Item.id.not_in(rejected_ids()))
    )
    if wanted.kinds:
        query = query.where(db.Item.kind.in_(list(wanted.kinds)))
    addressees = {a.casefold() for a in wanted.addressees}
    corrected = _corrected_addressees(session)
    out: dict[str, tuple[str, str, list[str]]] = {}
    for item_id, sha, kind, stored in session.execute(query):
        names = corrected.get(item_id, json.loads(stored))
        if addressees and not addressees & {a.casefold() for a in registry_ids(names)}:
            continue
        out[item_id] = (sha, kind, names)
    return out


def _corrected_addressees(session: Session) -> dict[str, list[str]]:
    """Return the addressees corrections in force set, by item id."""
    query = select(db.Correction.item_id, db.Correction.value).where(
        db.Correction.field == "addressees", db.Correction.superseded_by.is_(None)
    )
    return {item_id: json.loads(value) for item_id, value in session.execute(query)}


def review_queue(session: Session, wanted: QueueFilter) -> dict[str, Any]:
    """Return the documents that need a look, most urgent first, with counts per document."""
    pair = _runs(session, wanted.run)
    items = _items(session, wanted)
    changes = _changes(session, pair)
    flags: dict[str, set[str]] = {}
    for item_id in session.scalars(
        select(db.NeedsReview.item_id).where(db.NeedsReview.resolved_at.is_(None))
    ):
        if item_id in items:
            flags.setdefault(items[item_id][0], set()).add(item_id)
    checks = latest_self_checks(session)
    per_document = Counter(sha for sha, _kind, _names in items.values())
    filtered = bool(wanted.kinds or wanted.addressees)
    rows = []
    for sha, file, title in session.execute(
        select(db.Document.sha256, db.Document.file, db.Document.title)
    ):
        if wanted.document and not _names(wanted.document, sha, file, title):
            continue
        changed = {i: c for i, c in changes.get(sha, {}).items() if i in items or c == "removed"}
        counts = {c: sum(1 for v in changed.values() if v == c) for c in _CHANGES}
        row = {
            "sha256": sha,
            "file": file,
            "title": title,
            "items": per_document[sha],
            "warnings": checks.get(sha, []),
            "needs_review": len(flags.get(sha, ())),
            **counts,
        }
        if filtered and not row["items"]:
            continue
        if row["warnings"] or row["needs_review"] or any(counts.values()):
            rows.append(row)
    rows.sort(key=_urgency)
    return {"run": pair[1], "previous_run": pair[0], "documents": rows}


_CHANGES = ("added", "removed", "changed")


def _urgency(row: dict[str, Any]) -> tuple[Any, ...]:
    """Sort key: warnings first, then review flags, then the most changes."""
    changes = row["added"] + row["removed"] + row["changed"]
    return (-len(row["warnings"]), -row["needs_review"], -changes, row["file"], row["sha256"])


def _names(ref: str, sha: str, file: str, title: str | None) -> bool:
    """True when `ref` is part of the file name or title, or a sha256 prefix."""
    folded = ref.casefold()
    return folded in file.casefold() or folded in (title or "").casefold() or sha.startswith(folded)
