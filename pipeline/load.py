"""Load extraction outcomes into the store: one run, one transaction, versions only on change."""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from extractors.registry import registry_ids
from models import db
from models.ids import KnownItem, assign_ids, publication_key
from models.records import DocumentResult, Item
from pipeline.corrections import active_query, flag_changes
from pipeline.extract import Outcome
from pipeline.faultpoint import pause_point

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did, for the summary and for tests."""

    run_id: int
    status: str
    db_url: str
    ok: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]  # (file, message)
    items_by_kind: Mapping[str, int]
    with_deadlines: int
    new_versions: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Number of input documents."""
        return len(self.ok) + len(self.failed)


def _dumps(value: Any) -> str:
    """Serialise a value as compact, key-sorted JSON text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def version_content(item: Item) -> dict[str, Any]:
    """Return the versioned content of an item (what the content hash covers)."""
    deadline = item.deadline
    return {
        "text": item.text,
        "page_start": item.page_start,
        "page_end": item.page_end,
        "addressees": list(item.addressees),
        "partners": list(item.partners),
        "deadline": deadline.to_json() if deadline else None,
        "deadlines": [d.to_json() for d in item.deadlines],
        "occurrences": list(item.occurrences),
    }


def content_hash(item: Item) -> str:
    """Return the sha256 of an item's versioned content."""
    return hashlib.sha256(_dumps(version_content(item)).encode("utf-8")).hexdigest()


def _version_row(
    item_id: str, run_id: int, item: Item, digest: str, now: datetime
) -> db.ItemVersion:
    """Build the item_versions row for an item's current content."""
    deadline = item.deadline
    return db.ItemVersion(
        item_id=item_id,
        run_id=run_id,
        content_hash=digest,
        text=item.text,
        pages=_dumps(list(range(item.page_start, item.page_end + 1))),
        page_start=item.page_start,
        page_end=item.page_end,
        addressees=_dumps(registry_ids(item.addressees)),  # the store holds registry ids
        partners=_dumps(registry_ids(item.partners)),
        deadline_text=deadline.text if deadline else None,
        deadline_date=deadline.date if deadline else None,
        deadline_kind=deadline.kind if deadline else None,
        deadline_granularity=deadline.granularity if deadline else None,
        deadlines=_dumps([d.to_json() for d in item.deadlines]),
        occurrences=_dumps(list(item.occurrences)),
        created_at=now,
    )


def _upsert_document(session: Session, result: DocumentResult, run_id: int) -> None:
    """Insert a document row, or refresh its bibliographic columns."""
    row = session.get(db.Document, result.sha256)
    meta = result.metadata
    values = {
        "file": result.file,
        "source": result.source,
        "title": meta.title,
        "publisher": meta.publisher,
        "published": meta.published,
        "summary": meta.summary,
        "pages": result.pages,
    }
    if row is None:
        session.add(db.Document(sha256=result.sha256, first_seen_run=run_id, **values))
        return
    for key, value in values.items():
        if key == "source" and value is None:
            continue  # a local re-run must not forget where the file came from
        if getattr(row, key) != value:
            setattr(row, key, value)


def _publication(session: Session, result: DocumentResult, run_id: int) -> str:
    """Return the document's publication key (its sha256 when another file in this run has it)."""
    meta = result.metadata
    key = publication_key(meta.publisher, meta.title, result.sha256)
    clash = session.scalar(
        select(db.RunItem.id).where(
            db.RunItem.run_id == run_id,
            db.RunItem.publication == key,
            db.RunItem.document_sha256 != result.sha256,
        )
    )
    if clash is not None:
        logger.warning(
            "%s has the same publisher and title as another file in this run; "
            "its items are keyed by its sha256 instead",
            result.file,
        )
        return result.sha256[:12]
    return key


def _known_items(session: Session, result: DocumentResult, key: str) -> list[db.Item]:
    """Return every item an earlier version of this publication (or this very file) holds."""
    shas = {result.sha256} | {
        d.sha256
        for d in session.scalars(select(db.Document))
        if publication_key(d.publisher, d.title, d.sha256) == key
    }
    query = select(db.Item).where(db.Item.document_sha256.in_(shas)).order_by(db.Item.position)
    return list(session.scalars(query))


def _counts(session: Session) -> Counter[str]:
    """Return the per-run item counters kept on the session (new, changed, removed)."""
    counts: Counter[str] = session.info.setdefault("recwatch_counts", Counter())
    return counts


def load_document(session: Session, result: DocumentResult, run_id: int, now: datetime) -> int:
    """Load one document's items; return how many new item versions were written.

    Ids come from `models.ids.assign_ids`, which continues the ids of earlier versions of the
    same publication; items of those versions that this one no longer has are marked removed.
    """
    _upsert_document(session, result, run_id)
    session.flush()
    key = _publication(session, result, run_id)
    known = _known_items(session, result, key)
    versions = {
        v.id: v
        for v in session.scalars(
            select(db.ItemVersion).where(
                db.ItemVersion.id.in_([k.current_version_id for k in known])
            )
        )
    }
    ids = assign_ids(
        key,
        result.items,
        [
            KnownItem(k.id, k.kind, k.number, versions[k.current_version_id].text)
            for k in known
            if k.current_version_id in versions
        ],
    )
    added = {c.item_id for c in session.scalars(active_query()) if c.field == "add"}
    counts = _counts(session)
    for stale in known:
        if stale.id not in ids and stale.removed_in_run is None and stale.id not in added:
            stale.removed_in_run = run_id
            counts["removed"] += 1
    written = 0
    for position, (item, item_id) in enumerate(zip(result.items, ids, strict=True)):
        digest = content_hash(item)
        row = session.get(db.Item, item_id)
        changed = is_new = False
        if row is None:
            row = db.Item(
                id=item_id,
                document_sha256=result.sha256,
                kind=item.kind,
                number=item.number,
                parent=item.parent,
                position=position,
            )
            session.add(row)
            is_new = True
        else:
            changed = row.number != item.number or row.parent != item.parent
            if row.removed_in_run is not None:
                row.removed_in_run = None
                is_new = True
            updates = {
                "document_sha256": result.sha256,
                "number": item.number,
                "parent": item.parent,
                "position": position,
            }
            for column, value in updates.items():
                if getattr(row, column) != value:
                    setattr(row, column, value)
        current = (
            session.get(db.ItemVersion, row.current_version_id) if row.current_version_id else None
        )
        if current is None or current.content_hash != digest:
            version = _version_row(item_id, run_id, item, digest, now)
            session.add(version)
            session.flush()
            row.current_version_id = version.id
            written += 1
            changed = changed or current is not None
            current = version
        if is_new:
            counts["new"] += 1
        elif changed:
            counts["changed"] += 1
        session.add(
            db.RunItem(
                run_id=run_id,
                item_id=item_id,
                version_id=current.id,
                document_sha256=result.sha256,
                publication=key,
                kind=item.kind,
                number=item.number,
                parent=item.parent,
                position=position,
            )
        )
    session.flush()
    counts["flagged"] += flag_changes(session, ids, run_id, now)
    return written


def _summarise(results: Sequence[DocumentResult]) -> tuple[dict[str, int], int]:
    """Return items by kind and the number of items with a deadline."""
    kinds = Counter(item.kind for r in results for item in r.items)
    deadlines = sum(1 for r in results for item in r.items if item.deadline is not None)
    return dict(sorted(kinds.items())), deadlines


def _first_copies(outcomes: Sequence[Outcome]) -> dict[str, Outcome]:
    """The first extracted outcome of each distinct file (byte-identical copies load once)."""
    first: dict[str, Outcome] = {}
    for outcome in outcomes:
        if outcome.result is not None:
            first.setdefault(outcome.result.sha256, outcome)
    return first


def _copy_note(original: Outcome, outcome: Outcome) -> str | None:
    """The run-document message of a byte-identical copy of a file loaded in the same run."""
    return None if original is outcome else f"the same file as {original.path}; loaded once"


def load_run(
    engine: Engine,
    outcomes: Iterable[Outcome],
    *,
    started_at: datetime,
    tool_version: str,
    git_revision: str | None,
    settings: Mapping[str, Any],
) -> RunReport:
    """Record a run and load every extracted document in ONE transaction (all or nothing)."""
    outcomes = list(outcomes)
    first = _first_copies(outcomes)
    results = [o.result for o in first.values() if o.result is not None]
    failed = tuple((str(o.path), o.error or "failed") for o in outcomes if o.result is None)
    warnings = tuple(w for o in outcomes for w in o.warnings)
    kinds, with_deadlines = _summarise(results)
    total_items = sum(len(r.items) for r in results)
    new_versions = 0
    with Session(engine) as session, session.begin():
        run = db.Run(
            started_at=started_at,
            tool_version=tool_version,
            git_revision=git_revision,
            settings=_dumps(dict(settings)),
            inputs=_dumps([{"file": str(o.path), "sha256": o.sha256} for o in outcomes]),
            status=("partial" if results else "failed") if failed else "ok",
        )
        session.add(run)
        session.flush()
        now = datetime.now()
        for outcome in outcomes:
            result = outcome.result
            original = first[result.sha256] if result is not None else outcome
            if result is not None and original is outcome:
                new_versions += load_document(session, result, run.id, now)
            session.add(
                db.RunDocument(
                    run_id=run.id,
                    sha256=outcome.sha256,
                    file=str(outcome.path),
                    status="ok" if result else "failed",
                    message=outcome.error or _copy_note(original, outcome),
                    warnings=_dumps(list(outcome.warnings)),
                )
            )
            pause_point("load", before=session.flush)  # test-only: kill -9 mid-transaction
        item_counts = _counts(session)
        counts = {
            "documents": len(outcomes),
            "documents_ok": len(results),
            "documents_failed": len(failed),
            "items": total_items,
            "items_with_deadlines": with_deadlines,
            "new_versions": new_versions,
            "unchanged": total_items - new_versions,
            "items_new": item_counts["new"],
            "items_changed": item_counts["changed"],
            "items_removed": item_counts["removed"],
            "needs_review": item_counts["flagged"],
            **{f"items_{kind}": n for kind, n in kinds.items()},
        }
        run.counts = _dumps(counts)
        run.warnings = _dumps(list(warnings))
        run.finished_at = datetime.now()
        session.flush()
        pause_point("commit")  # test-only: kill -9 with everything written but not committed
        run_id = run.id
        status = run.status
    logger.info("run %d committed: %s", run_id, counts)
    return RunReport(
        run_id=run_id,
        status=status,
        db_url=engine.url.render_as_string(hide_password=True),
        ok=tuple(r.file for r in results),
        failed=failed,
        items_by_kind=kinds,
        with_deadlines=with_deadlines,
        new_versions=new_versions,
        unchanged=total_items - new_versions,
        warnings=warnings,
        counts=counts,
    )
