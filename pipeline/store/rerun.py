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

from sqlalchemy import Connection, Engine, Row, func, insert, literal, select, update

from models import tables as t
from pipeline.common.faultpoint import pause_point
from pipeline.common.outcome import Outcome

# The loader's own helpers, so that a repeated run cannot drift from a loaded one.
from pipeline.store.report import (
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
_CHUNK = 500  # values per IN (...) list, as the loader reads them


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


def _same_documents(connection: Connection, outcomes: Sequence[Outcome]) -> bool:
    """True when every loaded document's row already holds what this run would write."""
    results = [o.result for o in _first_copies(outcomes).values() if o.result is not None]
    d = t.documents.c
    columns = (d.sha256, d.file, d.title, d.publisher, d.published, d.summary, d.pages, d.source)
    wanted_shas = [r.sha256 for r in results]
    stored: dict[str, Any] = {}  # sha256 -> its documents row
    for start in range(0, len(wanted_shas), _CHUNK):
        chunk = wanted_shas[start : start + _CHUNK]
        query = select(*columns).where(d.sha256.in_(chunk))
        stored.update((row.sha256, row) for row in connection.execute(query))
    for result in results:
        row = stored.get(result.sha256)
        if row is None:
            return False
        meta = result.metadata
        held = (row.file, row.title, row.publisher, row.published, row.summary, row.pages)
        wanted = (result.file, meta.title, meta.publisher, meta.published, meta.summary)
        if held != (*wanted, result.pages):
            return False
        if result.source is not None and row.source != result.source:
            return False
    return True


def _same_items(
    connection: Connection, last_id: int, outcomes: Sequence[Outcome]
) -> dict[str, list[str]] | None:
    """The last run's item ids by document when they are exactly this run's, still current."""
    ri, i, v = t.run_items.c, t.items.c, t.item_versions.c
    query = (
        select(
            ri.item_id,
            ri.kind,
            ri.number,
            ri.parent,
            ri.position,
            ri.document_sha256,
            v.content_hash,
        )
        .join_from(t.run_items, t.item_versions, v.id == ri.version_id)
        .join(t.items, i.id == ri.item_id)
        .where(
            ri.run_id == last_id,
            i.current_version_id == ri.version_id,
            i.removed_in_run.is_(None),
            i.document_sha256 == ri.document_sha256,
            i.number.is_not_distinct_from(ri.number),
            i.parent.is_not_distinct_from(ri.parent),
            i.position == ri.position,
        )
        .order_by(ri.document_sha256, ri.position)
    )
    seen: dict[str, list[tuple[Any, ...]]] = {}
    ids: dict[str, list[str]] = {}
    for row in connection.execute(query):
        key = (row.kind, row.number, row.parent, row.position, row.content_hash)
        seen.setdefault(row.document_sha256, []).append(key)
        ids.setdefault(row.document_sha256, []).append(row.item_id)
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
    in_last = select(func.count()).select_from(t.run_items).where(ri.run_id == last_id)
    live = (
        select(func.count())
        .select_from(t.items)
        .where(i.document_sha256.in_(list(wanted)), i.removed_in_run.is_(None))
    )
    unchanged = sum(map(len, ids.values()))
    # Every item of the last run is still current, and no other live item has these documents.
    if connection.scalar(in_last) != unchanged or connection.scalar(live) != unchanged:
        return None
    return ids


def _unchanged_since(connection: Connection, last: Row[Any], settings: str) -> bool:
    """True when the last run finished, removed nothing, and no correction came after it."""
    counts = json.loads(last.counts or "{}")
    if last.finished_at is None or last.settings != settings or counts.get("items_removed") != 0:
        return False
    newest = connection.scalar(select(func.max(t.corrections.c.made_at)))
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
    with engine.begin() as connection:
        last = connection.execute(select(t.runs).order_by(t.runs.c.id.desc()).limit(1)).first()
        if last is None or not _unchanged_since(connection, last, settings_json):
            return None
        rd = t.run_documents.c
        last_documents = connection.execute(
            select(*(rd[c] for c in _RUN_DOCUMENT_COLUMNS))
            .where(rd.run_id == last.id)
            .order_by(rd.id)
        ).all()
        if [tuple(row) for row in last_documents] != documents:
            return None
        if not _same_documents(connection, outcomes):
            return None
        ids = _same_items(connection, last.id, outcomes)
        if ids is None:
            return None
        run_id = _copy_run(connection, last, outcomes, started_at, tool_version, git_revision)
        unchanged = sum(map(len, ids.values()))
        counts = {
            **json.loads(last.counts),
            "new_versions": 0,
            "unchanged": unchanged,
            "items_new": 0,
            "items_changed": 0,
            "items_removed": 0,
            "needs_review": _flag_corrections(connection, last.id, ids, run_id),
        }
        connection.execute(
            update(t.runs)
            .where(t.runs.c.id == run_id)
            .values(counts=_dumps(counts), finished_at=datetime.now())
        )
        pause_point("commit")  # test-only: kill -9 with everything written but not committed
    logger.info("run %d committed as a repeat of run %d: %s", run_id, last.id, counts)
    return run_report(engine, run_id, last.status, outcomes, counts)


def record_run(
    engine: Engine,
    outcomes: Sequence[Outcome],
    *,
    started_at: datetime,
    tool_version: str,
    git_revision: str | None,
    settings: dict[str, Any],
) -> RunReport:
    """Record a run: as a copy of the last one when loading would change nothing, else loaded."""
    provenance: dict[str, Any] = {
        "started_at": started_at,
        "tool_version": tool_version,
        "git_revision": git_revision,
        "settings": settings,
    }
    repeated = repeat_last_run(engine, outcomes, **provenance)
    if repeated is not None:
        return repeated
    from pipeline.store.load import load_run  # the loader needs the ORM; a repeat does not

    return load_run(engine, outcomes, **provenance)


def _flag_corrections(
    connection: Connection, last_id: int, ids: dict[str, list[str]], run_id: int
) -> int:
    """Flag corrections in force on these items as the loader does; return how many were flagged.

    Most stores have no correction in force on a run's items: one query says so, and the ORM
    the flagging needs is imported only when there is one.
    """
    c, ri = t.corrections.c, t.run_items.c
    corrected = (
        select(c.id)
        .join_from(t.corrections, t.run_items, ri.item_id == c.item_id)
        .where(ri.run_id == last_id, c.superseded_by.is_(None))
        .limit(1)
    )
    if connection.scalar(corrected) is None:
        return 0
    from sqlalchemy.orm import Session

    from pipeline.store.corrections import flag_changes, in_force

    now = datetime.now()
    with Session(bind=connection) as session:
        corrections = in_force(session)  # read once, flagged per document as the loader does
        flagged = sum(
            flag_changes(session, corrections, group, run_id, now) for group in ids.values()
        )
        session.flush()
    return flagged


def _copy_run(
    connection: Connection,
    last: Row[Any],
    outcomes: Sequence[Outcome],
    started_at: datetime,
    tool_version: str,
    git_revision: str | None,
) -> int:
    """Add the new run row, copy the last run's documents and items into it; return its id."""
    added = connection.execute(
        insert(t.runs).values(
            started_at=started_at,
            tool_version=tool_version,
            git_revision=git_revision,
            settings=last.settings,
            inputs=_dumps([{"file": str(o.path), "sha256": o.sha256} for o in outcomes]),
            status=last.status,
            warnings=_dumps([w for o in outcomes for w in o.warnings]),
        )
    )
    key = added.inserted_primary_key
    if key is None:  # pragma: no cover - SQLite and PostgreSQL both return it
        raise RuntimeError("the database returned no id for the new run row")
    run_id = int(key[0])
    for table, columns in (
        (t.run_documents, _RUN_DOCUMENT_COLUMNS),
        (t.run_items, _RUN_ITEM_COLUMNS),
    ):
        source = (
            select(literal(run_id), *(table.c[name] for name in columns))
            .where(table.c.run_id == last.id)
            .order_by(table.c.id)
        )
        connection.execute(insert(table).from_select(["run_id", *columns], source))
    return run_id
