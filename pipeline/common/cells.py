"""The formula guard every export path applies to a spreadsheet cell (imports nothing of ours)."""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> str:
    """Return a cell as text, prefixing ' when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text
