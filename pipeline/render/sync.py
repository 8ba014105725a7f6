"""`recwatch sync-register`: bring an analyst's register up to date without touching their work.

Rows are matched by stable id. recwatch owns only the columns it names
(`register_layout.RECWATCH_COLUMNS` and `recwatch_status`); every other column (status/RAG,
owner, comments, local due dates, anything the analyst added) is never written. New items are
appended, changed items refreshed, items the store no longer holds are marked `removed`; no row
is ever deleted. A timestamped backup is written before the file is changed.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.common.cells import guard_cell
from pipeline.common.errors import PipelineError
from pipeline.render.register_layout import (
    ID_COLUMN,
    RECWATCH_COLUMNS,
    STATUS_COLUMN,
    RegisterFilter,
    load_register,
)
from pipeline.render.sheets import SCAN_ROWS, CsvGrid, Grid, cell_text, open_grid

# Words that mark a register's header row when recwatch has not written one yet.
_HEADER_WORDS = re.compile(
    r"\b(no\.?|ref|status|rag|due|date|comments?|owner|recommendations?|actions?|progress)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RowChange:
    """One register row that the sync wrote: its id, new status and changed columns."""

    id: str
    status: str
    row: int  # 1-based, as the spreadsheet numbers it
    columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync did (or, with dry_run, would do) to a register."""

    path: Path
    backup: Path | None
    header_row: int  # 1-based
    added_columns: tuple[str, ...]
    changes: tuple[RowChange, ...]
    counts: dict[str, int] = field(default_factory=dict)  # every matched row by status
    dry_run: bool = False

    @property
    def written(self) -> bool:
        """True when the register file was changed."""
        return self.backup is not None


def find_header_row(grid: Grid, id_column: str, explicit: int | None) -> int:
    """Return the 0-based header row: given, else the row naming the id column, else a guess.

    The guess is the first of the top rows with two or more cells that read like register
    headings (No., Status, RAG, Due date, Comment, Owner...), else the fullest top row.
    """
    if explicit is not None:
        return explicit - 1
    scan = min(grid.row_count(), SCAN_ROWS)
    cols = grid.col_count()
    rows = [[cell_text(grid.value(r, c)).strip() for c in range(cols)] for r in range(scan)]
    for index, cells in enumerate(rows):
        if id_column in cells:
            return index
    if id_column != ID_COLUMN:
        raise PipelineError(
            f"no column named {id_column!r} in the first {SCAN_ROWS} rows of {grid.path}",
            "check --id-column (the heading must match exactly) or pass --header-row",
        )
    for index, cells in enumerate(rows):
        if sum(1 for c in cells if c and len(c) <= 60 and _HEADER_WORDS.search(c)) >= 2:
            return index
    counts = [sum(1 for c in cells if c) for cells in rows]
    return counts.index(max(counts)) if counts else 0


def _headers(grid: Grid, header_row: int) -> dict[str, int]:
    """Map each heading of the header row to its first column."""
    out: dict[str, int] = {}
    for col in range(grid.col_count()):
        out.setdefault(cell_text(grid.heading(header_row, col)).strip(), col)
    return out


def _cell(grid: Grid, column: str, value: Any) -> Any:
    """Return the value to write for a recwatch column in this kind of grid."""
    if isinstance(grid, CsvGrid):
        return None if value is None else guard_cell(cell_text(value))
    from pipeline.render.xlsx import xlsx_value

    return xlsx_value(column, value)


def _backup_path(path: Path, now: datetime) -> Path:
    """Return a free `<stem>.backup-<timestamp><suffix>` path beside the register."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def _append(
    grid: Grid, like: int | None, id_col: int, columns: dict[str, int], values: dict[str, Any]
) -> int:
    """Add a row for a new item (recwatch's columns filled); return its index."""
    row = grid.add_row(like)
    grid.set(row, id_col, _cell(grid, ID_COLUMN, values[ID_COLUMN]))
    for name in RECWATCH_COLUMNS:
        if name != ID_COLUMN:
            grid.set(row, columns[name], _cell(grid, name, values[name]))
    return row


def check_writable(path: Path) -> None:
    """Refuse a register that is open in a spreadsheet or read-only, naming the fix."""
    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise PipelineError(
                f"{path} is open in a spreadsheet (its lock file {lock.name} is beside it)",
                "close it there and sync again (if it is not open, delete the stale lock file)",
            )
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise PipelineError(
            f"{path} is read-only (mode {mode:04o})",
            "make it writable (e.g. chmod u+w) if it is meant to be synced, or sync a copy",
        )
    if not os.access(path.parent, os.W_OK):
        raise PipelineError(
            f"{path.parent} is not writable, so {path.name} cannot be backed up and replaced",
            "sync a copy in a folder you can write to",
        )


def _write(grid: Grid, path: Path, now: datetime) -> Path:
    """Back the register up, then save it; on failure leave neither backup nor change."""
    backup = _backup_path(path, now)
    try:
        shutil.copy2(path, backup)
        grid.save()
    except OSError as exc:
        backup.unlink(missing_ok=True)
        raise PipelineError(
            f"{path} could not be written ({exc.strerror or exc}); it is unchanged",
            "check that you can write to the file and its folder, then sync again",
        ) from exc
    return backup


def sync_register(
    path: Path,
    db_url: str,
    wanted: RegisterFilter | None = None,
    *,
    id_column: str = ID_COLUMN,
    header_row: int | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
) -> SyncReport:
    """Update the register at `path` in place from the store; return what changed."""
    wanted = wanted or RegisterFilter()
    items, _ = load_register(db_url, wanted.run)
    current = {item.row[ID_COLUMN]: item.row for item in items}
    grid = open_grid(path, id_column)
    if not dry_run:
        check_writable(path)
    head = find_header_row(grid, id_column, header_row)
    columns = _headers(grid, head)
    owned = [id_column if c == ID_COLUMN else c for c in (*RECWATCH_COLUMNS, STATUS_COLUMN)]
    added = tuple(name for name in owned if name not in columns)
    for name in added:
        columns[name] = grid.add_column(head, name)
    id_col, status_col = columns[id_column], columns[STATUS_COLUMN]
    fields = [c for c in RECWATCH_COLUMNS if c != ID_COLUMN]

    changes: list[RowChange] = []
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    last_data_row: int | None = None
    relabelled = 0  # rows whose recwatch_status moved (e.g. new → unchanged)
    for row in range(head + 1, grid.row_count()):
        item_id = cell_text(grid.value(row, id_col)).strip().lstrip("'")
        if not item_id:
            continue
        last_data_row = row
        seen.add(item_id)
        before = cell_text(grid.value(row, status_col)).strip()
        changed: tuple[str, ...] = ()
        if item_id not in current:
            status = "removed"
        else:
            changed = tuple(
                name
                for name in fields
                if cell_text(grid.value(row, columns[name]))
                != cell_text(_cell(grid, name, current[item_id][name]))
            )
            for name in changed:
                grid.set(row, columns[name], _cell(grid, name, current[item_id][name]))
            status = "changed" if changed or before == "removed" else "unchanged"
        counts[status] += 1
        if before != status:
            grid.set(row, status_col, status)
            relabelled += 1
        if changed or (status == "removed" and before != "removed"):
            changes.append(RowChange(item_id, status, row + 1, changed))

    for item_id, values in current.items():
        if item_id in seen or not wanted.keeps(values):
            continue
        row = _append(grid, last_data_row, id_col, columns, values)
        grid.set(row, status_col, "new")
        counts["new"] += 1
        changes.append(RowChange(item_id, "new", row + 1))

    backup = None
    if not dry_run and (changes or added or relabelled):
        backup = _write(grid, path, now or datetime.now())
    return SyncReport(
        path, backup, head + 1, added, tuple(changes), dict(sorted(counts.items())), dry_run
    )
