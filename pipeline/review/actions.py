"""Accept and undo: the two review actions that are not a new value for a field.

Accepting a flagged item re-states the corrections in force against what extraction says now,
so they supersede the flagged ones (whose flags resolve) — the way `recwatch reviews` asks an
analyst to resolve a flag. Accepting an item the latest run added or changed records an item
check on its current version, which takes it off the queue until a run changes it again. Undo
takes an analyst's last action back: a correction's rows go, the corrections it superseded are in
force again and their flags reopen, an added item goes too; an acceptance's check goes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from models import db
from pipeline.common.errors import PipelineError
from pipeline.review.queue import pending_changes
from pipeline.store.corrections import (
    CorrectionRequest,
    StaleError,
    active_corrections,
    item_revision,
    make_correction,
)

T = TypeVar("T")


def in_transaction(db_url: str, work: Callable[[Session], T]) -> T:
    """Run `work` in one transaction on the store at `db_url` and return its result."""
    from models.store import open_existing_store

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session, session.begin():
            return work(session)
    finally:
        engine.dispose()


def accept_item(
    session: Session, item_id: str, by: str, note: str | None, base: str | None, now: datetime
) -> list[str]:
    """Accept an item as it stands: resolve its review flags and check its latest change."""
    if base is not None and base != item_revision(session, item_id):
        raise StaleError(
            f"{item_id} changed since you opened it; nothing was changed",
            "reload the page to see the current values, then accept again",
        )
    item = session.get(db.Item, item_id)
    change = None
    if item is not None:
        change = pending_changes(session, item.document_sha256).get(item_id)
    flagged = set(
        session.scalars(
            select(db.NeedsReview.field).where(
                db.NeedsReview.item_id == item_id, db.NeedsReview.resolved_at.is_(None)
            )
        )
    )
    if item is None or not (flagged or change in ("added", "changed")):
        raise PipelineError(
            f"{item_id} has no open review flag and no unchecked change", "nothing to accept"
        )
    fields = _restate(session, item_id, flagged, by, note, now) if flagged else []
    if change in ("added", "changed") and item.current_version_id is not None:
        check = db.ItemCheck(
            item_id=item_id,
            version_id=item.current_version_id,
            checked_by=by,
            checked_at=now,
            note=note or "accepted",
        )
        session.add(check)
        fields.append(f"checked ({change})")
    return fields


def _restate(
    session: Session, item_id: str, flagged: set[str], by: str, note: str | None, now: datetime
) -> list[str]:
    """Re-state the flagged fields' corrections in force, which resolves their flags."""
    in_force = active_corrections(session).get(item_id, {})
    values: dict[str, Any] = {f: json.loads(in_force[f].value) for f in flagged if f in in_force}
    request = CorrectionRequest(
        item_id=item_id,
        by=by,
        note=note or "accepted",
        text=values.get("text", (values.get("add") or {}).get("text")),
        addressees=tuple(values["addressees"]) if "addressees" in values else None,
        deadline=_deadline_arg(values["deadline"]) if "deadline" in values else None,
        reject=bool(values.get("reject")),
    )
    return make_correction(session, request, now)


def _deadline_arg(value: dict[str, Any] | None) -> str:
    """Return a stored corrected deadline as the YYYY-MM-DD|none argument that made it."""
    return "none" if value is None or not value.get("date") else str(value["date"])


def undo_last(session: Session, by: str) -> str:
    """Take back `by`'s last action (a correction, an acceptance or both); describe what went."""
    last = session.scalar(
        select(db.Correction)
        .where(db.Correction.made_by == by)
        .order_by(db.Correction.id.desc())
        .limit(1)
    )
    check = session.scalar(
        select(db.ItemCheck)
        .where(db.ItemCheck.checked_by == by)
        .order_by(db.ItemCheck.id.desc())
        .limit(1)
    )
    if check is not None and (last is None or check.checked_at >= last.made_at):
        session.delete(check)
        said = f"undid the acceptance of {check.item_id}"
        if last is not None and (last.item_id, last.made_at) == (check.item_id, check.checked_at):
            said = f"{_undo_correction(session, last)} and its acceptance"
        session.info.clear()
        return said
    if last is None:
        raise PipelineError(f"{by} has no correction to undo", "nothing was changed")
    return _undo_correction(session, last)


def _undo_correction(session: Session, last: db.Correction) -> str:
    """Take back one correction request (every field made with `last`); describe what went."""
    rows = session.scalars(
        select(db.Correction).where(
            db.Correction.item_id == last.item_id,
            db.Correction.made_by == last.made_by,
            db.Correction.made_at == last.made_at,
        )
    ).all()
    ids = [row.id for row in rows]
    later = session.scalar(
        select(db.Correction.id).where(
            db.Correction.item_id == last.item_id, db.Correction.id > max(ids)
        )
    )
    if later is not None:
        raise PipelineError(
            f"{last.item_id} was corrected again after your last correction",
            "reload the page; undo is only for the latest correction of an item",
        )
    _reopen(session, ids, last.made_at)
    fields = sorted(row.field for row in rows)
    session.execute(delete(db.NeedsReview).where(db.NeedsReview.correction_id.in_(ids)))
    session.execute(delete(db.Correction).where(db.Correction.id.in_(ids)))
    if "add" in fields:
        _drop_added_item(session, last.item_id)
    session.info.clear()
    return f"undid {', '.join(fields)} of {last.item_id}"


def _reopen(session: Session, ids: list[int], made_at: datetime) -> None:
    """Put back in force the corrections that `ids` superseded, with the flags they resolved."""
    previous = list(
        session.scalars(select(db.Correction.id).where(db.Correction.superseded_by.in_(ids)))
    )
    session.execute(
        update(db.Correction).where(db.Correction.id.in_(previous)).values(superseded_by=None)
    )
    session.execute(
        update(db.NeedsReview)
        .where(db.NeedsReview.correction_id.in_(previous), db.NeedsReview.resolved_at == made_at)
        .values(resolved_at=None)
    )


def _drop_added_item(session: Session, item_id: str) -> None:
    """Delete an item that only an analyst's `add` correction created, with its version."""
    item = session.get(db.Item, item_id)
    if item is None:
        return
    item.current_version_id = None
    session.flush()
    session.execute(delete(db.ItemCheck).where(db.ItemCheck.item_id == item_id))
    session.execute(delete(db.ItemVersion).where(db.ItemVersion.item_id == item_id))
    session.delete(item)
