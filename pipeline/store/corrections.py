"""Analyst corrections: overrides stored apart from extraction, applied on top of it when read.

A correction replaces one field of an item (text, addressees, deadline), rejects a false item or
adds a missed one. It records the extracted value it was made against; when a later run extracts
something else for that field, the item is flagged in `needs_review` and the correction stays
applied: nothing an analyst wrote is silently overwritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import db
from models.ids import publication_key
from models.records import ITEM_KINDS
from pipeline.common.errors import PipelineError

FIELDS = ("text", "addressees", "deadline", "reject", "add")
ADDED_HASH = "analyst-added"  # content_hash of the version an `add` correction creates
_CACHE = "recwatch_corrections"


def _dumps(value: Any) -> str:
    """Serialise a value as compact, key-sorted JSON text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def deadline_json(version: db.ItemVersion) -> dict[str, Any] | None:
    """Return a stored version's main deadline in the JSON contract's shape (or None)."""
    if version.deadline_kind is None:
        return None
    return {
        "text": version.deadline_text,
        "date": version.deadline_date.isoformat() if version.deadline_date else None,
        "kind": version.deadline_kind,
        "granularity": version.deadline_granularity,
    }


def extracted_value(field: str, version: db.ItemVersion) -> Any:
    """Return what extraction says for a corrected field (the value a correction overrides)."""
    if field == "addressees":
        return json.loads(version.addressees)
    if field == "deadline":
        return deadline_json(version)
    if field == "add":
        return None if version.content_hash == ADDED_HASH else version.text
    return version.text  # text, and reject (a rejection is judged against the text)


def active_query() -> Select[db.Correction]:
    """Select the corrections in force (not superseded), oldest first."""
    return (
        select(db.Correction)
        .where(db.Correction.superseded_by.is_(None))
        .order_by(db.Correction.id)
    )


def active_corrections(session: Session) -> dict[str, dict[str, db.Correction]]:
    """Return corrections in force by item id and field (cached for the session's lifetime)."""
    cached: dict[str, dict[str, db.Correction]] | None = session.info.get(_CACHE)
    if cached is None:
        cached = {}
        for correction in session.scalars(active_query()):
            cached.setdefault(correction.item_id, {})[correction.field] = correction
        session.info[_CACHE] = cached
    return cached


def rejected_ids() -> Select[str]:
    """Select the ids of items an analyst rejected (they leave the register)."""
    return select(db.Correction.item_id).where(
        db.Correction.field == "reject", db.Correction.superseded_by.is_(None)
    )


def open_reviews(session: Session) -> set[str]:
    """Return the ids of items with an unresolved review flag."""
    query = select(db.NeedsReview.item_id).where(db.NeedsReview.resolved_at.is_(None))
    return set(session.scalars(query))


def overlay(row: dict[str, Any], session: Session) -> dict[str, Any]:
    """Apply the corrections in force to an item row; add `corrected` and `needs_review`."""
    corrections = active_corrections(session).get(row["id"], {})
    fields = sorted(f for f in corrections if f in ("text", "addressees", "deadline"))
    for field in fields:
        value = json.loads(corrections[field].value)
        row[field] = value
        if field == "deadline":
            row["granularity"] = value["granularity"] if value else None
    reviews: set[str] | None = session.info.get("recwatch_reviews")
    if reviews is None:
        reviews = session.info["recwatch_reviews"] = open_reviews(session)
    row["corrected"] = bool(corrections)
    row["corrected_fields"] = sorted(corrections)
    row["needs_review"] = row["id"] in reviews
    return row


@dataclass(frozen=True, slots=True)
class InForce:
    """Corrections in force by item id and the review flags already raised (read once a run)."""

    by_item: dict[str, list[db.Correction]]
    flagged: set[tuple[int, str]]  # (correction id, newly extracted value) of every flag raised
    added: frozenset[str]  # items an analyst added: a run that misses them keeps them


def in_force(session: Session) -> InForce:
    """Read the corrections in force and the flags already raised, two queries in all."""
    by_item: dict[str, list[db.Correction]] = {}
    for correction in session.scalars(active_query()):
        by_item.setdefault(correction.item_id, []).append(correction)
    raised = session.execute(select(db.NeedsReview.correction_id, db.NeedsReview.now))
    added = frozenset(i for i, made in by_item.items() if any(c.field == "add" for c in made))
    return InForce(by_item, {(correction_id, now) for correction_id, now in raised}, added)


def flag_changes(
    session: Session, corrections: InForce, item_ids: Iterable[str], run_id: int, now: datetime
) -> int:
    """Flag corrections whose extracted value changed under them; return how many were flagged."""
    wanted = sorted(
        (c for i in set(item_ids) for c in corrections.by_item.get(i, ())), key=lambda c: c.id
    )
    flagged = 0
    for correction in wanted:
        item = session.get(db.Item, correction.item_id)
        version = session.get(db.ItemVersion, item.current_version_id) if item else None
        if version is None:
            continue
        now_value = _dumps(extracted_value(correction.field, version))
        if now_value == _dumps(json.loads(correction.extracted)):
            continue
        if (correction.id, now_value) not in corrections.flagged:
            session.add(
                db.NeedsReview(
                    item_id=correction.item_id,
                    correction_id=correction.id,
                    run_id=run_id,
                    field=correction.field,
                    was=correction.extracted,
                    now=now_value,
                    flagged_at=now,
                )
            )
            corrections.flagged.add((correction.id, now_value))
            flagged += 1
    return flagged


# --------------------------------------------------------------------------------------------
# Making corrections
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorrectionRequest:
    """What `recwatch correct` was asked to do to one item."""

    item_id: str
    by: str
    note: str | None = None
    text: str | None = None
    addressees: tuple[str, ...] | None = None
    deadline: str | None = None  # YYYY-MM-DD, or "none" to say the item has no deadline
    reject: bool = False
    add: bool = False
    page: int | None = None  # the page of an added item
    base: str | None = None  # the item's revision the request was made against (None: no check)


def parse_deadline(value: str) -> dict[str, Any] | None:
    """Return a corrected deadline from YYYY-MM-DD (or None for "none")."""
    if value.strip().casefold() == "none":
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise PipelineError(
            f"--deadline {value!r} is not a date", "use YYYY-MM-DD, or `none` for no deadline"
        ) from exc
    return {"text": value.strip(), "date": day.isoformat(), "kind": "date", "granularity": "day"}


class StaleError(PipelineError):
    """A correction made against an item revision that is no longer the current one."""


def item_revision(session: Session, item_id: str) -> str:
    """Return a token that changes whenever the item's content or its corrections change."""
    item = session.get(db.Item, item_id)
    if item is None:
        return "none"
    last = session.scalar(
        select(db.Correction.id)
        .where(db.Correction.item_id == item_id)
        .order_by(db.Correction.id.desc())
        .limit(1)
    )
    return f"{item.current_version_id or 0}.{last or 0}"


_ID = re.compile(r"^(?P<key>[0-9a-f]{12}):(?P<kind>[a-z_]+):(?P<label>[^:]+)$")


def _document_for_new_item(session: Session, item_id: str) -> tuple[db.Document, str, str]:
    """Return the document an added item belongs to, its kind and number, from the id's parts."""
    match = _ID.match(item_id)
    if not match or match["kind"] not in ITEM_KINDS:
        raise PipelineError(
            f"cannot add {item_id!r}: not an item id",
            "write <publication key>:<kind>:<number>, taking the key from the report's other "
            f"item ids (kinds: {', '.join(ITEM_KINDS)})",
        )
    key = match["key"]
    documents = session.scalars(select(db.Document).order_by(db.Document.first_seen_run)).all()
    found = [
        d
        for d in documents
        if publication_key(d.publisher, d.title, d.sha256) == key or d.sha256.startswith(key)
    ]
    if not found:
        raise PipelineError(
            f"cannot add {item_id!r}: no stored report has publication key {key}",
            "copy the key from an item of the report (`recwatch items --document NAME --json`)",
        )
    return found[-1], match["kind"], match["label"]


def _add_item(session: Session, request: CorrectionRequest, now: datetime) -> db.Item:
    """Create the item row and a version for a missed item an analyst adds."""
    if request.text is None:
        raise PipelineError(
            f"cannot add {request.item_id}: no text", "give the item's text with --text-file"
        )
    document, kind, label = _document_for_new_item(session, request.item_id)
    run_id = session.scalar(select(db.Run.id).order_by(db.Run.id.desc()).limit(1))
    if run_id is None:
        raise PipelineError("the store has no runs", "run `recwatch run` first")
    page = request.page or 1
    item = db.Item(
        id=request.item_id,
        document_sha256=document.sha256,
        kind=kind,
        number=None if label.startswith("t") and not label[1:].isdigit() else label,
        parent=None,
        position=10_000,
    )
    session.add(item)
    session.flush()
    version = db.ItemVersion(
        item_id=item.id,
        run_id=run_id,
        content_hash=ADDED_HASH,
        text=request.text,
        pages=_dumps([page]),
        page_start=page,
        page_end=page,
        addressees="[]",
        partners="[]",
        deadlines="[]",
        occurrences=_dumps([page]),
        created_at=now,
    )
    session.add(version)
    session.flush()
    item.current_version_id = version.id
    return item


def _requested(request: CorrectionRequest) -> dict[str, Any]:
    """Return the field → value pairs a request sets."""
    fields: dict[str, Any] = {}
    if request.add:
        fields["add"] = {"text": request.text, "page": request.page or 1}
    elif request.text is not None:
        fields["text"] = request.text
    if request.addressees is not None:
        fields["addressees"] = list(request.addressees)
    if request.deadline is not None:
        fields["deadline"] = parse_deadline(request.deadline)
    if request.reject:
        fields["reject"] = True
    return fields


def make_correction(session: Session, request: CorrectionRequest, now: datetime) -> list[str]:
    """Store a request's corrections (superseding older ones of the same fields); return fields."""
    fields = _requested(request)
    if not fields:
        raise PipelineError(
            f"nothing to correct for {request.item_id}",
            "pass --text-file, --addressee, --deadline, --reject or --add",
        )
    item = session.get(db.Item, request.item_id)
    if request.add:
        if item is not None:
            raise PipelineError(
                f"cannot add {request.item_id}: the item already exists",
                "correct its fields instead of --add",
            )
        item = _add_item(session, request, now)
    elif item is None:
        raise PipelineError(
            f"no item {request.item_id!r} in the store",
            "copy the id from `recwatch items --json`, or use --add for a missed item",
        )
    version = session.get(db.ItemVersion, item.current_version_id)
    if version is None:
        raise PipelineError(f"item {request.item_id} has no content", "re-run `recwatch run`")
    if request.base is not None:  # several analysts at once: one writer per item (PostgreSQL)
        session.execute(select(db.Item.id).where(db.Item.id == item.id).with_for_update())
    if request.base is not None and request.base != item_revision(session, item.id):
        raise StaleError(
            f"{request.item_id} changed since you opened it; nothing was changed",
            "reload the page to see the current values, then correct again",
        )
    _store(session, item, version, fields, (request.by, request.note), now)
    return sorted(fields)


def _store(
    session: Session,
    item: db.Item,
    version: db.ItemVersion,
    fields: Mapping[str, Any],
    who: tuple[str, str | None],
    now: datetime,
) -> None:
    """Write one correction per field, superseding the ones in force (resolving their flags)."""
    for field, value in fields.items():
        previous = session.scalars(
            active_query().where(db.Correction.item_id == item.id, db.Correction.field == field)
        ).all()
        correction = db.Correction(
            item_id=item.id,
            field=field,
            value=_dumps(value),
            extracted=_dumps(extracted_value(field, version)),
            made_by=who[0],
            made_at=now,
            note=who[1],
        )
        session.add(correction)
        session.flush()
        for old in previous:
            old.superseded_by = correction.id
            _resolve(session, old.id, now)
    session.info.pop(_CACHE, None)
    session.info.pop("recwatch_reviews", None)


def _resolve(session: Session, correction_id: int, now: datetime) -> None:
    """Mark the open review flags of a superseded correction as resolved."""
    flags = select(db.NeedsReview).where(
        db.NeedsReview.correction_id == correction_id, db.NeedsReview.resolved_at.is_(None)
    )
    for flag in session.scalars(flags):
        flag.resolved_at = now


def correct(db_url: str, request: CorrectionRequest) -> list[str]:
    """Store a correction in one transaction; return the corrected fields."""
    from models.store import open_existing_store

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session, session.begin():
            return make_correction(session, request, datetime.now())
    finally:
        engine.dispose()


def review_rows(db_url: str) -> list[Mapping[str, Any]]:
    """Return open review flags: item, field, the value corrected against and the new value."""
    from models.store import open_existing_store

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            flags = session.scalars(
                select(db.NeedsReview)
                .where(db.NeedsReview.resolved_at.is_(None))
                .order_by(db.NeedsReview.id)
            ).all()
            return [
                {
                    "item_id": f.item_id,
                    "field": f.field,
                    "run": f.run_id,
                    "corrected_against": json.loads(f.was),
                    "extracted_now": json.loads(f.now),
                }
                for f in flags
            ]
    finally:
        engine.dispose()
