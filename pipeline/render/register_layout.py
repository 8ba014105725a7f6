"""The register layout: one flat row per current item, the columns forces keep in their trackers.

Columns named in `RECWATCH_COLUMNS` belong to recwatch (exports write them, `sync-register`
refreshes them); `ANALYST_COLUMNS` are written empty by exports and never touched afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.addressees import for_forces
from extractors.registry import load_registry, registry_ids
from models import db
from models.store import open_existing_store
from pipeline.common.errors import PipelineError
from pipeline.store.corrections import overlay, rejected_ids
from pipeline.store.query import item_row, latest_warnings

ID_COLUMN = "recwatch_id"
STATUS_COLUMN = "recwatch_status"
RECWATCH_COLUMNS = (
    ID_COLUMN, "report_title", "publisher", "published", "kind", "number", "parent", "text",
    "addressees", "partners", "for_forces", "deadline_text", "deadline_date", "deadline_kind",
    "pages", "source_url", "extracted_in_run", "corrected",
)  # fmt: skip
DATE_COLUMNS = frozenset({"published", "deadline_date"})
ANALYST_COLUMNS = ("Status (RAG)", "Owner", "Comments", "Local due date")
_DOCUMENT_KEYS = ("file", "sha256", "title", "publisher", "published")


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """Which items a register takes (empty means every current item)."""

    publisher: str | None = None
    since: date | None = None
    for_forces: bool = False
    addressees: Sequence[str] = ()
    kinds: Sequence[str] = ()
    run: int | None = None

    @property
    def active(self) -> bool:
        """True when any filter is set."""
        return bool(
            self.publisher
            or self.since
            or self.for_forces
            or self.addressees
            or self.kinds
            or self.run is not None
        )

    def keeps(self, row: Mapping[str, Any]) -> bool:
        """True when a register row passes every filter."""
        if self.publisher and self.publisher.casefold() not in (row["publisher"] or "").casefold():
            return False
        if self.since and (row["published"] is None or row["published"] < self.since):
            return False
        if self.for_forces and row["for_forces"] != "yes":
            return False
        if self.kinds and row["kind"] not in self.kinds:
            return False
        if self.run is not None and row["extracted_in_run"] != self.run:
            return False
        if self.addressees:
            ids = registry_ids(row["_addressee_ids"])  # registry ids; names stored before too
            have = {a.casefold() for a in (*ids, *row["_addressee_names"])}
            if not have & {a.casefold() for a in self.addressees}:
                return False
        return True


@dataclass(frozen=True, slots=True)
class RegisterItem:
    """A current item: its register row and its JSON-contract form (for json and nl)."""

    row: dict[str, Any]  # RECWATCH_COLUMNS plus private `_` keys used by filters
    contract: dict[str, Any]  # the JSON contract's item plus `extracted_in_run`
    document: dict[str, Any]  # the JSON contract's document fields (without items)


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """Map every body id and output label in the registry to its display name."""
    names: dict[str, str] = {}
    for body in load_registry():
        names.setdefault(body.id, body.name)
        names.setdefault(body.output, body.name)
    return names


def display_name(addressee: str) -> str:
    """Return the registry's display name for an addressee id (the id itself when unknown)."""
    return _display_names().get(addressee, addressee)


def _pages(start: int, end: int) -> str:
    """Return a page span as printed in a register: `3` or `3-4`."""
    return str(start) if start == end else f"{start}-{end}"


def _register_row(
    contract: Mapping[str, Any], document: db.Document, run_id: int
) -> dict[str, Any]:
    """Flatten one item into the register layout (dates stay `date` objects)."""
    deadline = contract.get("deadline") or {}
    addressees = list(contract["addressees"])
    partners = list(contract["partners"])
    deadline_date = deadline.get("date")
    return {
        ID_COLUMN: contract["id"],
        "report_title": document.title,
        "publisher": document.publisher,
        "published": document.published,
        "kind": contract["kind"],
        "number": contract["number"],
        "parent": contract["parent"],
        "text": contract["text"],
        "addressees": "; ".join(display_name(a) for a in addressees),
        "partners": "; ".join(display_name(p) for p in partners),
        "for_forces": "yes" if for_forces(addressees) else "no",
        "deadline_text": deadline.get("text"),
        "deadline_date": date.fromisoformat(deadline_date) if deadline_date else None,
        "deadline_kind": deadline.get("kind"),
        "pages": _pages(contract["page_start"], contract["page_end"]),
        "source_url": document.source,
        "extracted_in_run": run_id,
        "corrected": "yes" if contract.get("corrected") else "no",
        "_addressee_ids": addressees,
        "_addressee_names": [display_name(a) for a in addressees],
    }


def _document_json(document: db.Document) -> dict[str, Any]:
    """Return a document's fields in the JSON contract's order (items added by the caller)."""
    return {
        "sha256": document.sha256,
        "file": document.file,
        "source": document.source,
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
        "pages": document.pages,
    }


def _check_run(session: Session, run: int | None, db_url: str) -> None:
    """Raise a PipelineError naming the fix when --run names a run the store does not have."""
    if run is not None and session.get(db.Run, run) is None:
        last = session.scalar(select(db.Run.id).order_by(db.Run.id.desc()).limit(1))
        raise PipelineError(
            f"no run {run} in {db_url}",
            f"the last run is {last}" if last else "run `recwatch run` first",
        )


def load_register(
    db_url: str, run: int | None = None
) -> tuple[list[RegisterItem], list[dict[str, Any]]]:
    """Return every current item and every stored document; `run` must exist when given."""
    query = (
        select(db.Item, db.ItemVersion, db.Document)
        .join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
        .join(db.Document, db.Document.sha256 == db.Item.document_sha256)
        .where(db.Item.removed_in_run.is_(None))
        .where(db.Item.id.not_in(rejected_ids()))  # an analyst rejected it: off the register
        .order_by(db.Document.file, db.Document.sha256, db.Item.position, db.Item.id)
    )
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            _check_run(session, run, db_url)
            documents = session.scalars(select(db.Document).order_by(db.Document.file)).all()
            out: list[RegisterItem] = []
            for item, version, document in session.execute(query).all():
                contract = overlay(item_row(item, version, document), session)
                for key in _DOCUMENT_KEYS:
                    contract.pop(key, None)
                contract["extracted_in_run"] = version.run_id
                row = _register_row(contract, document, version.run_id)
                out.append(RegisterItem(row, contract, _document_json(document)))
            warnings = latest_warnings(session)
            return out, [
                {**_document_json(d), "warnings": warnings.get(d.sha256, [])} for d in documents
            ]
    finally:
        engine.dispose()
