"""Write the register as an xlsx workbook (openpyxl, the `[excel]` extra): one ready-to-use sheet.

Frozen header, autofilter, wrapped text, dates as real dates; every text cell is guarded against
formula injection exactly as in CSV.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.common.cells import guard_cell
from pipeline.common.errors import PipelineError
from pipeline.common.files import replacing
from pipeline.render.register_layout import ANALYST_COLUMNS, DATE_COLUMNS, RECWATCH_COLUMNS

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

SHEET_TITLE = "Register"
DATE_FORMAT = "yyyy-mm-dd"
WIDTHS: Mapping[str, int] = {
    "recwatch_id": 30, "report_title": 40, "publisher": 14, "published": 12, "kind": 14,
    "number": 8, "parent": 8, "text": 80, "addressees": 28, "partners": 24, "for_forces": 10,
    "deadline_text": 24, "deadline_date": 13, "deadline_kind": 13, "pages": 8,
    "source_url": 30, "extracted_in_run": 10, "corrected": 10,
}  # fmt: skip
WRAPPED = frozenset({"report_title", "text", "addressees", "partners", "deadline_text"})
ANALYST_WIDTH = 18


def require_openpyxl() -> None:
    """Raise a PipelineError naming the extra to install when openpyxl is missing."""
    try:
        import openpyxl  # noqa: F401
    except ModuleNotFoundError as exc:
        raise PipelineError(
            "xlsx needs openpyxl, which is not installed",
            "install the extra: pip install 'recwatch[excel]'",
        ) from exc


def xlsx_value(column: str, value: Any) -> Any:
    """Return a cell value for xlsx: dates as dates, numbers as numbers, text guarded."""
    if value is None or value == "":
        return None
    if isinstance(value, date | int | float) and not isinstance(value, bool):
        return value
    if column in DATE_COLUMNS:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            pass
    return guard_cell(value)


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Save a workbook through a temporary file in the same folder, then replace `path`."""
    with replacing(path) as temp:
        workbook.save(temp)


def write_register_xlsx(rows: Sequence[Mapping[str, Any]], path: Path) -> None:
    """Write register rows to `path` as one formatted sheet."""
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = SHEET_TITLE
    header = (*RECWATCH_COLUMNS, *ANALYST_COLUMNS)
    sheet.append(header)
    for row in rows:
        sheet.append([xlsx_value(c, row[c]) for c in RECWATCH_COLUMNS])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    top = Alignment(vertical="top")
    wrap = Alignment(vertical="top", wrap_text=True)
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(name, ANALYST_WIDTH)
        head = sheet.cell(row=1, column=index)
        head.font, head.fill, head.alignment = bold, fill, wrap
        for cell in sheet[letter][1:]:
            cell.alignment = wrap if name in WRAPPED or name in ANALYST_COLUMNS else top
            if name in DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 2)}"
    save_atomically(workbook, path)
