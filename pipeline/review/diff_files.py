"""Diff two versions of a report held as PDF files, with no store involved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from models.ids import KnownItem, assign_ids, item_ids
from models.records import DocumentResult
from pipeline.common.errors import PipelineError
from pipeline.common.settings import DEFAULTS, Settings
from pipeline.review.diff import Diff, Seen, diff_snapshots

_PUBLICATION = "document"  # both files are compared as one report


def _seen(result: DocumentResult, ids: Sequence[str]) -> dict[str, Seen]:
    """The items of one extracted file as a snapshot, keyed by id."""
    return {
        item_id: Seen(
            id=item_id,
            publication=_PUBLICATION,
            document_sha256=result.sha256,
            file=result.file,
            title=result.metadata.title,
            kind=item.kind,
            number=item.number,
            parent=item.parent,
            position=position,
            text=item.text,
            addressees=item.addressees,
            partners=item.partners,
            deadline=item.deadline.to_json() if item.deadline else None,
            pages=(item.page_start, item.page_end),
        )
        for position, (item, item_id) in enumerate(zip(result.items, ids, strict=True))
    }


def diff_files(old: Path, new: Path, settings: Settings = DEFAULTS) -> Diff:
    """Extract two PDFs and diff their items; the newer keeps the ids of the items it continues."""
    from pipeline.run.schedule import extract_many

    outcomes = extract_many([old, new], settings=settings)
    failed = [o.error or str(o.path) for o in outcomes if o.result is None]
    if failed:
        raise PipelineError("; ".join(failed), "diff needs two readable PDFs")
    before, after = (o.result for o in outcomes if o.result is not None)
    old_ids = item_ids(_PUBLICATION, before.items)
    known = [
        KnownItem(item_id, item.kind, item.number, item.text)
        for item, item_id in zip(before.items, old_ids, strict=True)
    ]
    new_ids = assign_ids(_PUBLICATION, after.items, known)
    labels = [f"{p.name} ({r.sha256[:12]})" for p, r in ((old, before), (new, after))]
    groups = diff_snapshots(_seen(before, old_ids), _seen(after, new_ids))
    return Diff(labels[0], labels[1], groups)
