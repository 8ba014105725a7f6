"""Load extraction outcomes into the store: one run, one transaction, versions only on change.

A run reads what spans the whole store (publication keys, corrections in force, review flags)
once, into a `LoadContext` it keeps current as documents load, so each document costs a fixed
number of indexed queries however large the store is.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, and_, insert, or_, select
from sqlalchemy.orm import Session

from extractors.registry import registry_ids
from models import db
from models.ids import KnownItem, assign_ids, publication_key
from models.records import DocumentResult, Item
from pipeline.common.faultpoint import pause_point
from pipeline.common.outcome import Outcome
from pipeline.store.corrections import InForce, flag_changes, in_force
from pipeline.store.report import (
    RunReport,
    _copy_note,
    _dumps,
    _first_copies,
    _summarise,
    content_hash,
    run_report,
)

logger = logging.getLogger(__name__)


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


_T = TypeVar("_T")
_CHUNK = 500  # values per IN (...) list: far below every database's bound-parameter limit


def _chunks(values: Sequence[_T]) -> Iterator[Sequence[_T]]:
    """Yield the values in slices short enough for one IN list."""
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class Publications:
    """Every stored document's publication key, kept current as a run changes titles."""

    def __init__(self, rows: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Index (sha256, publisher, title) rows by publication key."""
        self._key: dict[str, str] = {}
        self._shas: dict[str, set[str]] = {}
        for sha256, publisher, title in rows:
            self.file(sha256, publication_key(publisher, title, sha256))

    def file(self, sha256: str, key: str) -> None:
        """Record that the document now has this publication key."""
        old = self._key.get(sha256)
        if old is not None:
            self._shas[old].discard(sha256)
        self._key[sha256] = key
        self._shas.setdefault(key, set()).add(sha256)

    def documents(self, key: str) -> set[str]:
        """Return the sha256 of every stored document with this publication key."""
        return set(self._shas.get(key, ()))


@dataclass(slots=True)
class LoadContext:
    """What a run reads from the store once, kept current in memory as its documents load."""

    run_id: int
    now: datetime
    documents: dict[str, db.Document]  # the stored rows of this run's files, by sha256
    publications: Publications
    corrections: InForce
    in_run: dict[str, set[str]] = field(default_factory=dict)  # key -> documents given items
    counts: Counter[str] = field(default_factory=Counter)  # items new, changed, removed, flagged


def load_context(
    session: Session, results: Sequence[DocumentResult], run_id: int, now: datetime
) -> LoadContext:
    """Read what loading these results needs from the store, a few set-based queries in all."""
    keys = session.execute(select(db.Document.sha256, db.Document.publisher, db.Document.title))
    documents: dict[str, db.Document] = {}
    for chunk in _chunks(sorted({r.sha256 for r in results})):
        found = session.scalars(select(db.Document).where(db.Document.sha256.in_(chunk)))
        documents.update((d.sha256, d) for d in found)
    return LoadContext(
        run_id=run_id,
        now=now,
        documents=documents,
        publications=Publications(keys),
        corrections=in_force(session),
    )


def _upsert_document(session: Session, result: DocumentResult, context: LoadContext) -> None:
    """Insert a document row, or refresh its bibliographic columns."""
    row = context.documents.get(result.sha256)
    meta = result.metadata
    context.publications.file(
        result.sha256, publication_key(meta.publisher, meta.title, result.sha256)
    )
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
        row = db.Document(sha256=result.sha256, first_seen_run=context.run_id, **values)
        session.add(row)
        context.documents[result.sha256] = row
        return
    for key, value in values.items():
        if key == "source" and value is None:
            continue  # a local re-run must not forget where the file came from
        if getattr(row, key) != value:
            setattr(row, key, value)


def _publication(result: DocumentResult, context: LoadContext) -> str:
    """Return the document's publication key (its sha256 when another file in this run has it)."""
    meta = result.metadata
    key = publication_key(meta.publisher, meta.title, result.sha256)
    if context.in_run.get(key, set()) - {result.sha256}:
        logger.warning(
            "%s has the same publisher and title as another file in this run; "
            "its items are keyed by its sha256 instead",
            result.file,
        )
        return result.sha256[:12]
    return key


def _known_items(
    session: Session, result: DocumentResult, key: str, context: LoadContext
) -> list[db.Item]:
    """Return every item an earlier version of this publication (or this very file) holds.

    Another file's items count only when their ids carry this key: a file that shared the title
    with another in an earlier run was keyed by its sha256, and its items stay its own.
    """
    others = context.publications.documents(key) - {result.sha256}
    query = (
        select(db.Item)
        .where(
            or_(
                db.Item.document_sha256 == result.sha256,
                and_(
                    db.Item.document_sha256.in_(others),
                    db.Item.id.startswith(f"{key}:", autoescape=True),
                ),
            )
        )
        .order_by(db.Item.position)
    )
    return list(session.scalars(query))


def _read_versions(
    session: Session, rows: Iterable[db.Item], versions: dict[int, db.ItemVersion]
) -> None:
    """Add the current versions of these items that `versions` lacks, in one query."""
    wanted = sorted(
        {r.current_version_id for r in rows if r.current_version_id is not None} - versions.keys()
    )
    for chunk in _chunks(wanted):
        found = session.scalars(select(db.ItemVersion).where(db.ItemVersion.id.in_(chunk)))
        versions.update((v.id, v) for v in found)


def _read_items(
    session: Session, ids: Sequence[str], known: Sequence[db.Item]
) -> dict[str, db.Item]:
    """Return the stored items these ids name: the known ones, the rest read in one query."""
    rows = {k.id: k for k in known}
    missing = [i for i in ids if i not in rows]
    for chunk in _chunks(missing):
        rows.update(
            (r.id, r) for r in session.scalars(select(db.Item).where(db.Item.id.in_(chunk)))
        )
    return rows


def _mark_removed(known: Sequence[db.Item], ids: Sequence[str], context: LoadContext) -> None:
    """Mark known items this version no longer has as removed (analyst-added ones stay)."""
    kept, added = set(ids), context.corrections.added
    for stale in known:
        if stale.id not in kept and stale.id not in added and stale.removed_in_run is None:
            stale.removed_in_run = context.run_id
            context.counts["removed"] += 1


def _item_row(
    session: Session,
    result: DocumentResult,
    item: Item,
    item_id: str,
    position: int,
    row: db.Item | None,
) -> tuple[db.Item, bool, bool]:
    """Create or update an item's identity row; return it, whether it is new, whether it changed."""
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
        return row, True, False
    changed = row.number != item.number or row.parent != item.parent
    is_new = row.removed_in_run is not None
    if is_new:
        row.removed_in_run = None
    updates = {
        "document_sha256": result.sha256,
        "number": item.number,
        "parent": item.parent,
        "position": position,
    }
    for column, value in updates.items():
        if getattr(row, column) != value:
            setattr(row, column, value)
    return row, is_new, changed


@dataclass(slots=True)
class _Loaded:
    """One item of the document being loaded: its row, version and what happened to it."""

    item: Item
    row: db.Item
    version: db.ItemVersion
    is_new: bool
    changed: bool
    written: bool  # the version is new in this document's load


def _run_item(
    step: _Loaded, result: DocumentResult, key: str, position: int, run_id: int
) -> dict[str, Any]:
    """Return the run_items row: what this run saw of the item."""
    return {
        "run_id": run_id,
        "item_id": step.row.id,
        "version_id": step.version.id,
        "document_sha256": result.sha256,
        "publication": key,
        "kind": step.item.kind,
        "number": step.item.number,
        "parent": step.item.parent,
        "position": position,
    }


def _write_items(
    session: Session,
    result: DocumentResult,
    ids: Sequence[str],
    rows: Mapping[str, db.Item],
    versions: Mapping[int, db.ItemVersion],
    context: LoadContext,
) -> list[_Loaded]:
    """Create or update each item's row and add a version where its content hash changed."""
    loaded: list[_Loaded] = []
    fresh: list[_Loaded] = []
    for position, (item, item_id) in enumerate(zip(result.items, ids, strict=True)):
        digest = content_hash(item)
        row, is_new, changed = _item_row(
            session, result, item, item_id, position, rows.get(item_id)
        )
        current = versions.get(row.current_version_id) if row.current_version_id else None
        if current is None or current.content_hash != digest:
            version = _version_row(item_id, context.run_id, item, digest, context.now)
            session.add(version)
            step = _Loaded(item, row, version, is_new, changed or current is not None, True)
            fresh.append(step)
        else:
            step = _Loaded(item, row, current, is_new, changed, False)
        loaded.append(step)
    if fresh:
        session.flush()  # one flush for the document gives every new version its id
    for step in fresh:
        step.row.current_version_id = step.version.id
    return loaded


def load_document(session: Session, result: DocumentResult, context: LoadContext) -> int:
    """Load one document's items; return how many new item versions were written.

    Ids come from `models.ids.assign_ids`, which continues the ids of earlier versions of the
    same publication; items of those versions that this one no longer has are marked removed.
    """
    _upsert_document(session, result, context)
    key = _publication(result, context)
    known = _known_items(session, result, key, context)
    versions: dict[int, db.ItemVersion] = {}
    _read_versions(session, known, versions)
    ids = assign_ids(
        key,
        result.items,
        [
            KnownItem(k.id, k.kind, k.number, versions[k.current_version_id].text)
            for k in known
            if k.current_version_id in versions
        ],
    )
    _mark_removed(known, ids, context)
    rows = _read_items(session, ids, known)
    _read_versions(session, rows.values(), versions)
    loaded = _write_items(session, result, ids, rows, versions, context)
    context.counts["new"] += sum(1 for step in loaded if step.is_new)
    context.counts["changed"] += sum(1 for step in loaded if step.changed and not step.is_new)
    if loaded:  # one executemany: nothing reads these rows back as objects
        seen = [_run_item(step, result, key, i, context.run_id) for i, step in enumerate(loaded)]
        session.execute(insert(db.RunItem), seen)
        context.in_run.setdefault(key, set()).add(result.sha256)
    session.flush()
    context.counts["flagged"] += flag_changes(
        session, context.corrections, ids, context.run_id, context.now
    )
    return sum(1 for step in loaded if step.written)


def _load_outcomes(
    session: Session,
    outcomes: Sequence[Outcome],
    first: Mapping[str, Outcome],
    context: LoadContext,
) -> int:
    """Load each distinct extracted file and record every input; return new versions written."""
    new_versions = 0
    for outcome in outcomes:
        result = outcome.result
        original = first[result.sha256] if result is not None else outcome
        if result is not None and original is outcome:
            new_versions += load_document(session, result, context)
        session.add(
            db.RunDocument(
                run_id=context.run_id,
                sha256=outcome.sha256,
                file=str(outcome.path),
                status="ok" if result else "failed",
                message=outcome.error or _copy_note(original, outcome),
                warnings=_dumps(list(outcome.warnings)),
            )
        )
        pause_point("load", before=session.flush)  # test-only: kill -9 mid-transaction
    return new_versions


def _run_counts(
    outcomes: Sequence[Outcome],
    results: Sequence[DocumentResult],
    failed: int,
    new_versions: int,
    items: Counter[str],
) -> dict[str, int]:
    """Return the counters a run records: documents, items, versions and what changed."""
    kinds, with_deadlines = _summarise(results)
    total_items = sum(len(r.items) for r in results)
    return {
        "documents": len(outcomes),
        "documents_ok": len(results),
        "documents_failed": failed,
        "items": total_items,
        "items_with_deadlines": with_deadlines,
        "new_versions": new_versions,
        "unchanged": total_items - new_versions,
        "items_new": items["new"],
        "items_changed": items["changed"],
        "items_removed": items["removed"],
        "needs_review": items["flagged"],
        **{f"items_{kind}": n for kind, n in kinds.items()},
    }


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
        context = load_context(session, results, run.id, datetime.now())
        new_versions = _load_outcomes(session, outcomes, first, context)
        counts = _run_counts(outcomes, results, len(failed), new_versions, context.counts)
        run.counts = _dumps(counts)
        run.warnings = _dumps(list(warnings))
        run.finished_at = datetime.now()
        session.flush()
        pause_point("commit")  # test-only: kill -9 with everything written but not committed
        run_id = run.id
        status = run.status
    logger.info("run %d committed: %s", run_id, counts)
    return run_report(engine, run_id, status, outcomes, counts)
