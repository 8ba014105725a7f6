"""What a run reports and the pieces of a run's rows that the loader and a re-run share.

Kept apart from `load` (which needs the ORM), so that a warm re-run, recorded as a copy of the
last run by `rerun`, imports neither the ORM nor the loader.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from models.records import DocumentResult, Item
from pipeline.common.outcome import Outcome

if TYPE_CHECKING:
    from sqlalchemy import Engine


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


def run_report(
    engine: Engine, run_id: int, status: str, outcomes: Sequence[Outcome], counts: dict[str, int]
) -> RunReport:
    """What a committed run reports: its documents, failures, warnings and counters."""
    results = [o.result for o in _first_copies(outcomes).values() if o.result is not None]
    kinds, with_deadlines = _summarise(results)
    return RunReport(
        run_id=run_id,
        status=status,
        db_url=engine.url.render_as_string(hide_password=True),
        ok=tuple(r.file for r in results),
        failed=tuple((str(o.path), o.error or "failed") for o in outcomes if o.result is None),
        items_by_kind=kinds,
        with_deadlines=with_deadlines,
        new_versions=counts["new_versions"],
        unchanged=counts["unchanged"],
        warnings=tuple(w for o in outcomes for w in o.warnings),
        counts=counts,
    )
