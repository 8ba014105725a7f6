"""Hand-built records for tests that must not depend on real PDFs or the extractors."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.records import Deadline, DocumentResult, Item, Metadata

if TYPE_CHECKING:
    from pipeline.store.report import RunReport


def make_item(
    number: str | None = "1", text: str = "The force should act.", **extra: object
) -> Item:
    """Return a recommendation with sensible defaults; override any field by keyword."""
    fields: dict[str, object] = {
        "kind": "recommendation",
        "number": number,
        "parent": None,
        "page_start": 3,
        "page_end": 3,
        "text": text,
        "addressees": ("force",),
    }
    fields.update(extra)
    return Item(**fields)  # type: ignore[arg-type]


def make_result(name: str = "report.pdf", items: tuple[Item, ...] | None = None) -> DocumentResult:
    """Return a DocumentResult whose sha256 is derived from the name."""
    if items is None:
        items = (
            make_item("1", "By 31 March 2026, the force should review its custody policy.",
                      deadline=Deadline("By 31 March 2026", date(2026, 3, 31), "date", "day")),
            make_item("2", "Chief constables should publish their data.",
                      addressees=("chief_constables",)),
            make_item(None, "=HYPERLINK(\"http://evil\") the force should improve.",
                      kind="area_for_improvement"),
        )  # fmt: skip
    return DocumentResult(
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        file=name,
        pages=10,
        metadata=Metadata("A report", "HMICFRS", date(2025, 9, 1)),
        items=items,
    )


def fake_pdf(directory: Path, name: str) -> Path:
    """Write a placeholder file (its content is never parsed when extraction is faked)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(b"%PDF-1.4 placeholder")
    return path


def load_result(url: str, result: DocumentResult) -> RunReport:
    """Load one extraction result into the store at `url` as a run of 2025-10-01 12:00."""
    from models.store import open_store
    from pipeline.common.outcome import Outcome
    from pipeline.store import load

    engine = open_store(url)
    try:
        return load.load_run(
            engine,
            [Outcome(Path(result.file), result, sha256=result.sha256)],
            started_at=datetime(2025, 10, 1, 12, 0),
            tool_version="test",
            git_revision=None,
            settings={},
        )
    finally:
        engine.dispose()
