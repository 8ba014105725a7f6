"""A run that would load exactly what the last run loaded is recorded by copying that run.

Loading is idempotent: documents, items and versions are left as they are, and the run writes
its run row, one run_documents row per input and one run_items row per item, the same as the
last run's. When the last run had the same settings, the same inputs with the same outcomes and
the same items (same ids, numbers, positions and content, still current), removed nothing, and
no correction was made since it started, those rows are copied in two statements instead of
being worked out item by item. Anything else falls back to `load_run`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, insert, literal, select
from sqlalchemy.orm import Session

from models import db
from pipeline.common.faultpoint import pause_point
from pipeline.common.outcome import Outcome
from pipeline.store.corrections import flag_changes, in_force

# The loader's own helpers, so that a repeated run cannot drift from a loaded one.
from pipeline.store.load import (
    RunReport,
    _copy_note,
    _dumps,
    _first_copies,
    content_hash,
    run_report,
)

logger = logging.getLogger(__name__)

_RUN_ITEM_COLUMNS = (
    "item_id",
    "version_id",
    "document_sha256",
    "publication",
    "kind",
    "number",
    "parent",
    "position",
)
_RUN_DOCUMENT_COLUMNS = ("sha256", "file", "status", "message", "warnings")


def _run_documents(outcomes: Sequence[Outcome]) -> list[tuple[Any, ...]]:
    """The run_documents rows `load_run` would write for these outcomes, in order."""
    first = _first_copies(outcomes)
    rows = []
    for outcome in outcomes:
        result = outcome.result
        original = first[result.sha256] if result is not None else outcome
        message = outcome.error or _copy_note(original, outcome)
        status = "ok" if result else "failed"
        warnings = _dumps(list(outcome.warnings))
        rows.append((outcome.sha256, str(outcome.path), status, message, warnings))
    return rows


def _same_documents(session: Session, outcomes: Sequence[Outcome]) -> bool:
    """True when every loaded document's row already holds what this run would write."""
    for outcome in _first_copies(outcomes).values():
        result = outcome.result
        if result is None:
            continue
        row = session.get(db.Document, result.sha256)
        if row is None:
            return False
        meta = result.metadata
        stored = (row.file, row.title, row.publisher, row.published, row.summary, row.pages)
        wanted = (result.file, meta.title, meta.publisher, meta.published, meta.summary)
        if stored != (*wanted, result.pages):
            return False
        if result.source is not None and row.source != result.source:
            return False
    return True


def _same_items(
    session: Session, last: db.Run, outcomes: Sequence[Outcome]
) -> dict[str, list[str]] | None:
    """The last run's item ids by document when they are exactly this run's, still current."""
    query = (
        select(db.RunItem, db.ItemVersion.content_hash, db.Item)
        .join(db.ItemVersion, db.ItemVersion.id == db.RunItem.version_id)
        .join(db.Item, db.Item.id == db.RunItem.item_id)
        .where(db.RunItem.run_id == last.id)
        .order_by(db.RunItem.document_sha256, db.RunItem.position)
    )
    seen: dict[str, list[tuple[Any, ...]]] = {}
    ids: dict[str, list[str]] = {}
    for run_item, digest, item in session.execute(query):
        current = (
            item.current_version_id == run_item.version_id
            and item.removed_in_run is None
            and (item.document_sha256, item.number, item.parent, item.position)
            == (run_item.document_sha256, run_item.number, run_item.parent, run_item.position)
        )
        if not current:
            return None
        key = (run_item.kind, run_item.number, run_item.parent, run_item.position, digest)
        seen.setdefault(run_item.document_sha256, []).append(key)
        ids.setdefault(run_item.document_sha256, []).append(run_item.item_id)
    wanted = {
        result.sha256: [
            (item.kind, item.number, item.parent, position, content_hash(item))
            for position, item in enumerate(result.items)
        ]
        for result in (o.result for o in _first_copies(outcomes).values())
        if result is not None
    }
    if {sha: rows for sha, rows in wanted.items() if rows} != seen:
        return None
    live = select(func.count(db.Item.id)).where(
        db.Item.document_sha256.in_(list(wanted)), db.Item.removed_in_run.is_(None)
    )
    return ids if session.scalar(live) == sum(map(len, ids.values())) else None


def _unchanged_since(session: Session, last: db.Run, settings: str) -> bool:
    """True when the last run finished, removed nothing, and no correction came after it."""
    counts = json.loads(last.counts or "{}")
    if last.finished_at is None or last.settings != settings or counts.get("items_removed") != 0:
        return False
    newest = session.scalar(select(func.max(db.Correction.made_at)))
    return newest is None or newest < last.started_at


def repeat_last_run(
    engine: Engine,
    outcomes: Sequence[Outcome],
    *,
    started_at: datetime,
    tool_version: str,
    git_revision: str | None,
    settings: dict[str, Any],
) -> RunReport | None:
    """Record this run as a copy of the last one when loading would change nothing; else None."""
    settings_json = _dumps(dict(settings))
    documents = _run_documents(outcomes)
    with Session(engine) as session, session.begin():
        last = session.scalars(select(db.Run).order_by(db.Run.id.desc()).limit(1)).first()
        if last is None or not _unchanged_since(session, last, settings_json):
            return None
        last_documents = session.execute(
            select(*(getattr(db.RunDocument, c) for c in _RUN_DOCUMENT_COLUMNS))
            .where(db.RunDocument.run_id == last.id)
            .order_by(db.RunDocument.id)
        ).all()
        if [tuple(row) for row in last_documents] != documents:
            return None
        if not _same_documents(session, outcomes):
            return None
        ids = _same_items(session, last, outcomes)
        if ids is None:
            return None
        run = _copy_run(session, last, outcomes, started_at, tool_version, git_revision)
        now = datetime.now()
        corrections = in_force(session)  # read once, flagged per document as the loader does
        flagged = sum(
            flag_changes(session, corrections, group, run.id, now) for group in ids.values()
        )
        unchanged = sum(map(len, ids.values()))
        counts = {
            **json.loads(last.counts),
            "new_versions": 0,
            "unchanged": unchanged,
            "items_new": 0,
            "items_changed": 0,
            "items_removed": 0,
            "needs_review": flagged,
        }
        run.counts = _dumps(counts)
        run.finished_at = datetime.now()
        session.flush()
        pause_point("commit")  # test-only: kill -9 with everything written but not committed
        run_id, status, last_id = run.id, run.status, last.id
    logger.info("run %d committed as a repeat of run %d: %s", run_id, last_id, counts)
    return run_report(engine, run_id, status, outcomes, counts)


def _copy_run(
    session: Session,
    last: db.Run,
    outcomes: Sequence[Outcome],
    started_at: datetime,
    tool_version: str,
    git_revision: str | None,
) -> db.Run:
    """Add the new run row and copy the last run's documents and items into it."""
    run = db.Run(
        started_at=started_at,
        tool_version=tool_version,
        git_revision=git_revision,
        settings=last.settings,
        inputs=_dumps([{"file": str(o.path), "sha256": o.sha256} for o in outcomes]),
        status=last.status,
        warnings=_dumps([w for o in outcomes for w in o.warnings]),
    )
    session.add(run)
    session.flush()
    for table, columns in (
        (db.RunDocument, _RUN_DOCUMENT_COLUMNS),
        (db.RunItem, _RUN_ITEM_COLUMNS),
    ):
        source = (
            select(literal(run.id), *(getattr(table, c) for c in columns))
            .where(table.run_id == last.id)
            .order_by(table.id)
        )
        session.execute(insert(table).from_select(["run_id", *columns], source))
    return run
