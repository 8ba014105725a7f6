"""Write the register out: the JSON contract, or CSV with spreadsheet formula injection guarded."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from pipeline.query import documents_with_items

CSV_COLUMNS = (
    "id", "file", "sha256", "title", "publisher", "published", "kind", "number", "parent",
    "page_start", "page_end", "text", "addressees", "partners",
    "deadline_text", "deadline_date", "deadline_kind",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> str:
    """Return a CSV cell as text, prefixing ' when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_record(row: Mapping[str, Any]) -> list[str]:
    """Flatten an item row (see `query.item_row`) into guarded CSV cells."""
    deadline = row.get("deadline") or {}
    flat = {
        **row,
        "addressees": "; ".join(row.get("addressees") or ()),
        "partners": "; ".join(row.get("partners") or ()),
        "deadline_text": deadline.get("text"),
        "deadline_date": deadline.get("date"),
        "deadline_kind": deadline.get("kind"),
    }
    return [guard_cell(flat.get(column)) for column in CSV_COLUMNS]


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    """Write item rows as CSV with a header line."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_record(row) for row in rows)


def export_store(db_url: str, fmt: str, out: TextIO) -> None:
    """Export every stored document and its current items as `json` or `csv`."""
    documents = documents_with_items(db_url)
    if fmt == "json":
        out.write(json.dumps({"documents": documents}, indent=2, ensure_ascii=False) + "\n")
        return
    keys = ("file", "sha256", "title", "publisher", "published")
    write_csv(
        ({**item, **{k: doc[k] for k in keys}} for doc in documents for item in doc["items"]),
        out,
    )
