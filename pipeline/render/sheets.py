"""Edit a register file in place, cell by cell: CSV (dialect and BOM kept) or xlsx (openpyxl).

Both kinds expose the same small grid interface with 0-based row and column indices, so the
sync logic never knows which kind of file it edits. The xlsx grid edits the analyst's own
workbook: untouched cells keep their values, styles, validations and formatting.
"""

from __future__ import annotations

import csv
import io
import logging
from copy import copy
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.common.errors import PipelineError
from pipeline.common.files import write_bytes_atomically

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

logger = logging.getLogger(__name__)

SCAN_ROWS = 50  # rows searched for the header
SUFFIXES = (".csv", ".xlsx")


class Grid(Protocol):
    """A rectangular sheet of cells that can grow to the right and downwards."""

    path: Path

    def value(self, row: int, col: int) -> Any:
        """Return a cell's value (None when empty or outside the data)."""

    def heading(self, row: int, col: int) -> Any:
        """Return a header cell's value; a merged heading reads the same in every cell it spans."""

    def set(self, row: int, col: int, value: Any) -> None:
        """Set a cell's value."""

    def row_count(self) -> int:
        """Return the number of rows up to the last one holding a value."""

    def col_count(self) -> int:
        """Return the number of columns up to the last one holding a value."""

    def add_column(self, header_row: int, name: str) -> int:
        """Add a column named `name` right of the last used one; return its index."""

    def add_row(self, like: int | None) -> int:
        """Add an empty row below the last used one (styled like row `like`); return its index."""

    def save(self) -> None:
        """Write the grid back to its file."""


class CsvGrid:
    """A CSV register held in memory; saved with its delimiter, quote character and BOM (CRLF)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        raw = path.read_bytes()
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PipelineError(
                f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                "save it from the spreadsheet as 'CSV UTF-8', or sync the .xlsx instead",
            ) from exc
        self.dialect = _dialect(text)
        self.rows: list[list[str]] = list(csv.reader(io.StringIO(text), self.dialect))

    def value(self, row: int, col: int) -> Any:
        """Return a cell's text (None when empty or outside the data)."""
        if row >= len(self.rows) or col >= len(self.rows[row]):
            return None
        return self.rows[row][col] or None

    def heading(self, row: int, col: int) -> Any:
        """Return a header cell's text (CSV has no merged cells)."""
        return self.value(row, col)

    def set(self, row: int, col: int, value: Any) -> None:
        """Set a cell (dates as ISO text), padding short rows."""
        while row >= len(self.rows):
            self.rows.append([])
        cells = self.rows[row]
        cells.extend([""] * (col + 1 - len(cells)))
        cells[col] = "" if value is None else _text(value)

    def row_count(self) -> int:
        """Return the number of rows up to the last non-empty one."""
        count = len(self.rows)
        while count and not any(cell.strip() for cell in self.rows[count - 1]):
            count -= 1
        return count

    def col_count(self) -> int:
        """Return the width of the widest row."""
        return max((len(r) for r in self.rows), default=0)

    def add_column(self, header_row: int, name: str) -> int:
        """Add a header cell right of the widest row; return its index."""
        col = self.col_count()
        self.set(header_row, col, name)
        return col

    def add_row(self, like: int | None) -> int:
        """Add an empty row after the last non-empty one; return its index."""
        index = self.row_count()
        del self.rows[index:]
        self.rows.append([])
        return index

    def save(self) -> None:
        """Write the rows back, every row as wide as the widest (as spreadsheets write CSV)."""
        width = self.col_count()
        out = io.StringIO()
        # CRLF as spreadsheets write it; it also makes the writer quote a CR or LF inside a cell.
        writer = csv.writer(out, self.dialect, lineterminator="\r\n")
        writer.writerows(r + [""] * (width - len(r)) for r in self.rows)
        data = out.getvalue().encode("utf-8")
        write_bytes_atomically(self.path, (b"\xef\xbb\xbf" if self.bom else b"") + data)


class XlsxGrid:
    """One worksheet of an xlsx workbook, edited cell by cell so the analyst's formatting stays."""

    def __init__(self, path: Path, id_column: str) -> None:
        from pipeline.render.xlsx import require_openpyxl

        require_openpyxl()
        from openpyxl import load_workbook

        self.path = path
        try:
            self.workbook: Workbook = load_workbook(path)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise PipelineError(
                f"{path} cannot be read as an xlsx workbook ({exc})",
                "open it in a spreadsheet and save it again as .xlsx",
            ) from exc
        self.sheet: Worksheet = _pick_sheet(self.workbook, id_column)
        self._rows, self._cols = self._extent()

    def _extent(self) -> tuple[int, int]:
        """Return the numbers of rows and columns up to the last ones holding a value."""
        rows = cols = 0
        for index, cells in enumerate(self.sheet.iter_rows(values_only=True), start=1):
            used = [i for i, v in enumerate(cells, start=1) if v is not None and v != ""]
            if used:
                rows, cols = index, max(cols, used[-1])
        return rows, cols

    def value(self, row: int, col: int) -> Any:
        """Return a cell's value (None when empty)."""
        return self.sheet.cell(row=row + 1, column=col + 1).value

    def heading(self, row: int, col: int) -> Any:
        """Return a header cell's value, or that of the merged range it lies in."""
        merged = self._merged_range(row + 1, col + 1)
        if merged is None:
            return self.value(row, col)
        return self.sheet.cell(row=merged.min_row, column=merged.min_col).value

    def _merged_range(self, row: int, col: int) -> Any:
        """The merged range covering a 1-based cell other than its top-left one, else None."""
        from openpyxl.cell.cell import MergedCell

        if not isinstance(self.sheet.cell(row=row, column=col), MergedCell):
            return None
        coord = f"{_letter(col)}{row}"
        return next((r for r in self.sheet.merged_cells.ranges if coord in r), None)

    def set(self, row: int, col: int, value: Any) -> None:
        """Set a cell (unmerging the range it lies in); a date gets a date format if General."""
        merged = self._merged_range(row + 1, col + 1)
        if merged is not None:  # a merged cell cannot hold a value of its own
            logger.warning("%s: unmerged %s to write %s", self.path, merged.coord, _letter(col + 1))
            self.sheet.unmerge_cells(merged.coord)
        cell = self.sheet.cell(row=row + 1, column=col + 1)
        cell.value = value
        if isinstance(value, date) and cell.number_format == "General":
            cell.number_format = "yyyy-mm-dd"
        self._rows = max(self._rows, row + 1)
        self._cols = max(self._cols, col + 1)

    def row_count(self) -> int:
        """Return the number of rows up to the last one holding a value."""
        return self._rows

    def col_count(self) -> int:
        """Return the number of columns up to the last one holding a value."""
        return self._cols

    def add_column(self, header_row: int, name: str) -> int:
        """Add a header cell styled like its left neighbour; return its index."""
        col = self._cols
        self.set(header_row, col, name)
        if col:
            _copy_style(
                self.sheet.cell(header_row + 1, col), self.sheet.cell(header_row + 1, col + 1)
            )
            left = self.sheet.column_dimensions[_letter(col)].width
            self.sheet.column_dimensions[_letter(col + 1)].width = max(left or 0, 14)
        return col

    def add_row(self, like: int | None) -> int:
        """Add a row below the last used one, each cell styled like row `like`; return its index."""
        index = self._rows
        if like is not None:
            for col in range(1, self._cols + 1):
                _copy_style(self.sheet.cell(like + 1, col), self.sheet.cell(index + 1, col))
        self._rows = index + 1
        return index

    def save(self) -> None:
        """Stretch an existing autofilter over the grown sheet, then save atomically."""
        from pipeline.render.xlsx import save_atomically

        if self.sheet.auto_filter.ref:
            start = self.sheet.auto_filter.ref.split(":")[0]
            self.sheet.auto_filter.ref = f"{start}:{_letter(self._cols)}{self._rows}"
        save_atomically(self.workbook, self.path)


class _Register(csv.excel):
    """Excel's CSV dialect with the delimiter the register uses."""


def _dialect(text: str) -> type[csv.Dialect]:
    """Return Excel's CSV dialect with the register's delimiter (comma, semicolon or tab).

    Only the delimiter is sniffed: the sniffer's guesses at quoting are unreliable on short
    files, and spreadsheets quote the Excel way.
    """
    try:
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    return type("RegisterDialect", (_Register,), {"delimiter": delimiter})


def _letter(col: int) -> str:
    """Return the column letter of a 1-based column index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _copy_style(source: Any, target: Any) -> None:
    """Copy font, fill, border, alignment and number format from one cell to another."""
    if source.has_style:
        target.font = copy(source.font)
        target.fill = copy(source.fill)
        target.border = copy(source.border)
        target.alignment = copy(source.alignment)
        target.number_format = source.number_format
        target.protection = copy(source.protection)


def _pick_sheet(workbook: Workbook, id_column: str) -> Worksheet:
    """Return the first worksheet with `id_column` in its first rows, else the active one."""
    for sheet in workbook.worksheets:
        for cells in sheet.iter_rows(max_row=SCAN_ROWS, values_only=True):
            if any(isinstance(v, str) and v.strip() == id_column for v in cells):
                return sheet
    active = workbook.active
    return next((s for s in workbook.worksheets if s is active), workbook.worksheets[0])


def _text(value: Any) -> str:
    """Return a CSV cell's text: dates as ISO dates, whole floats without `.0`."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def open_grid(path: Path, id_column: str) -> Grid:
    """Open a register file for in-place editing, choosing the kind by its suffix."""
    if not path.is_file():
        raise PipelineError(f"no register at {path}", "check the path, or export one first")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CsvGrid(path)
    if suffix == ".xlsx":
        return XlsxGrid(path, id_column)
    raise PipelineError(
        f"{path} is not a .csv or .xlsx register",
        "save the register as .xlsx (or CSV UTF-8) and sync that file",
    )


def cell_text(value: Any) -> str:
    """Return a cell's value as comparable text (None → "", dates as ISO dates)."""
    return "" if value is None else _text(value)
