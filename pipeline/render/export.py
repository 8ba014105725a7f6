"""Write the register out: the JSON contract, newline JSON, or CSV/xlsx with formulas guarded."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from pipeline.common.cells import guard_cell
from pipeline.common.errors import PipelineError
from pipeline.render.register_layout import (
    ANALYST_COLUMNS,
    DATE_COLUMNS,
    RECWATCH_COLUMNS,
    RegisterFilter,
    RegisterItem,
    load_register,
)

CSV_COLUMNS = (
    "id", "file", "sha256", "title", "publisher", "published", "kind", "number", "parent",
    "page_start", "page_end", "text", "addressees", "partners",
    "deadline_text", "deadline_date", "deadline_kind", "corrected",
)  # fmt: skip
FORMATS = ("json", "csv", "xlsx", "nl")
SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".jsonl": "nl", ".ndjson": "nl"}
BOM = "\ufeff"
NL_DOCUMENT_KEYS = ("file", "sha256", "title", "publisher", "published", "source")


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
        "corrected": "yes" if row.get("corrected") else "no",
    }
    return [guard_cell(flat.get(column)) for column in CSV_COLUMNS]


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    """Write item rows as CSV with a header line."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_record(row) for row in rows)


def register_csv_cells(row: Mapping[str, Any]) -> list[str]:
    """Return a register row as guarded CSV cells: recwatch columns, then empty analyst columns."""
    cells = [
        row[c].isoformat() if c in DATE_COLUMNS and row[c] is not None else row[c]
        for c in RECWATCH_COLUMNS
    ]
    return [guard_cell(cell) for cell in cells] + ["" for _ in ANALYST_COLUMNS]


def _documents_json(
    items: list[RegisterItem], documents: list[dict[str, Any]], filtered: bool
) -> list[dict[str, Any]]:
    """Group items under their documents; with filters, documents without items are left out."""
    by_document: dict[str, list[dict[str, Any]]] = {d["sha256"]: [] for d in documents}
    for item in items:
        by_document[item.document["sha256"]].append(item.contract)
    return [
        {
            **{k: v for k, v in d.items() if k != "warnings"},
            "items": by_document[d["sha256"]],
            "warnings": d.get("warnings", []),
        }
        for d in documents
        if by_document[d["sha256"]] or not filtered
    ]


def export_format(output: Path | None, fmt: str | None) -> str:
    """Return the export format: `fmt`, else the one the output's extension names, else json.

    A format that contradicts the extension (`--format json` into `register.xlsx`) is refused,
    and so is a file whose extension names no format when `fmt` is not given.
    """
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    names = ", ".join(SUFFIX_FORMATS)
    if fmt and implied and fmt != implied:
        raise PipelineError(
            f"--format {fmt} contradicts the output {output}, whose extension means {implied}",
            f"leave out --format, or name the file for {fmt}",
        )
    if output is not None and not fmt and not implied:
        raise PipelineError(
            f"cannot tell the export format of {output} from its extension",
            f"name it with one of {names}, or pass --format {'|'.join(FORMATS)}",
        )
    return fmt or implied or "json"


def export_store(
    db_url: str,
    fmt: str,
    out: TextIO,
    wanted: RegisterFilter | None = None,
    *,
    bom: bool = False,
) -> int:
    """Export current items as `json` (the contract), `nl` (one item a line) or register `csv`.

    With `bom`, CSV starts with a UTF-8 byte order mark (for spreadsheets that need one).
    Returns the number of items written.
    """
    wanted = wanted or RegisterFilter()
    every, documents = load_register(db_url, wanted.run)
    items = [item for item in every if wanted.keeps(item.row)]
    if fmt == "json":
        data = {"documents": _documents_json(items, documents, wanted.active)}
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "nl":
        for item in items:
            line = {**item.contract, **{k: item.document[k] for k in NL_DOCUMENT_KEYS}}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(BOM if bom else "")
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a CR in a cell is quoted
        writer.writerow((*RECWATCH_COLUMNS, *ANALYST_COLUMNS))
        writer.writerows(register_csv_cells(item.row) for item in items)
    else:
        raise PipelineError(f"unknown export format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    return len(items)


def export_xlsx(db_url: str, path: Path, wanted: RegisterFilter | None = None) -> int:
    """Write the register as one formatted xlsx sheet; return the number of items written."""
    from pipeline.render.xlsx import write_register_xlsx

    wanted = wanted or RegisterFilter()
    every, _ = load_register(db_url, wanted.run)
    rows = [item.row for item in every if wanted.keeps(item.row)]
    write_register_xlsx(rows, path)
    return len(rows)
