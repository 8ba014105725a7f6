"""A document's skeleton: headings, paragraphs, list entries and table rows, in reading order.

One pass over the text layer. Nothing here decides what an item is; it records where each unit
sits (the headings above it, its list label and list, its typography relative to the document)
so that `extractors.candidates` can describe every possible item by features.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from extractors.blocks import Block, make_blocks
from extractors.furniture import drop_contents, drop_footnotes
from extractors.glyphs import join_text
from extractors.text import body_size, mark_soft_hyphens
from models.records import DocumentText, ItemKind, Line, Table

Role = Literal["heading", "paragraph", "entry", "row"]
LabelStyle = Literal["number", "dotted", "paren", "letter", "roman", "capital", "bullet", "item"]

_BULLETS = "•●◼■▪◦○‣∙·\uf0a7\uf0b7\uf03c\uf076\uf0d8\uf0fc➢►▶✓–-"
_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
# A list label at the start of a line, with the style it is printed in.
_LABEL_SPECS: tuple[tuple[LabelStyle, str], ...] = (
    ("dotted", r"(?P<v>\d{1,2}(?:\.\d{1,3}){1,2}[a-z]?)\.?"),
    ("number", r"(?P<v>\d{1,3}[a-z]?)[.)]"),
    ("paren", r"\((?P<v>\d{1,3}[a-z]?)\)"),
    ("roman", r"\(?(?P<v>" + _ROMAN + r")[.)]"),
    ("letter", r"\(?(?P<v>[a-z])[.)]"),
    ("capital", r"\(?(?P<v>[A-Z])[.)]"),
    ("bullet", r"(?P<v>[" + _BULLETS + r"])"),
)
_LABEL_RES = tuple(
    (style, re.compile(r"^" + pattern + r"\s+(?P<rest>\S.*)$")) for style, pattern in _LABEL_SPECS
)
_ITEM_WORDS: tuple[tuple[str, ItemKind], ...] = (
    (r"recommendations?", "recommendation"),
    (r"areas? for improvement|afis?", "area_for_improvement"),
    (r"causes? (?:of|for) concern", "cause_of_concern"),
    (r"(?:required |priority )?actions?", "action"),
)
_ITEM_WORD_RE = "|".join(p for p, _ in _ITEM_WORDS)
# "Recommendation 3", "Area for improvement 2:", "Recommendation 3.2 –" or a bare "Recommendation:".
_ITEM_LABEL_RE = re.compile(
    r"^(?P<kw>" + _ITEM_WORD_RE + r")(?:\s+(?:no\.?\s*)?(?P<v>\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?|"
    r"[IVXLC]{1,6}|[A-Z]))?(?![\w.]*\w)\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_END_RE = re.compile(r"[.!?;:)”’\"']\s*$")


@dataclass(frozen=True, slots=True)
class Unit:
    """One heading, paragraph, list entry or table row, with where it sits in the document."""

    index: int
    role: Role
    text: str  # without its list or item label
    label: str | None  # the label as printed: "3", "4a", "iv", "•", "3.2"
    style: LabelStyle | None
    item_kind: ItemKind | None  # the kind an item label names ("Recommendation 3" → recommendation)
    page_start: int
    page_end: int
    x0: float
    top: float
    size: float  # font size relative to the document's body size
    bold: bool
    in_box: bool
    level: int  # heading strength rank (1 = strongest) for headings, else 0
    section: tuple[str, ...]  # the headings above, outermost first
    lines: int = 1
    gap_above: float = 0.0  # space above the unit in line heights (page top: 3.0)
    header: tuple[str, ...] = ()  # for a table row: its table's header cells


_SECTION_KIND_RES = tuple(
    (re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE), kind) for pattern, kind in _ITEM_WORDS
)


@functools.lru_cache(maxsize=4096)
def section_kind(text: str) -> ItemKind | None:
    """The kind of item a heading's words name ("Areas for improvement" → AFI), if any."""
    for pattern, kind in _SECTION_KIND_RES:
        if pattern.search(text):
            return kind
    return None


def read_label(text: str) -> tuple[str | None, LabelStyle | None, ItemKind | None, str]:
    """Split a line's opening label from its text: (label, style, item kind, rest)."""
    m = _ITEM_LABEL_RE.match(text)
    if m and (m.group("v") or m.group("sep") == ":"):
        rest = m.group("rest")
        if m.group("v") and not m.group("sep") and rest[:1].islower():
            return None, None, None, text  # "Recommendation 4 was accepted" is prose
        return m.group("v"), "item", _kind_of(m.group("kw")), rest
    for style, pattern in _LABEL_RES:
        m = pattern.match(text)
        if m and (style != "roman" or m.group("v")):
            return m.group("v"), style, None, m.group("rest")
    return None, None, None, text


def _kind_of(word: str) -> ItemKind:
    """The item kind an item label's keyword names."""
    for pattern, kind in _ITEM_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return kind
    return "recommendation"


def _split_at_labels(blocks: Sequence[Block]) -> list[list[Line]]:
    """Blocks as lists of lines, cut again where a line opens with a label the block missed."""
    out: list[list[Line]] = []
    for block in blocks:
        current: list[Line] = []
        for ln in block.lines:
            label, style, _, _ = read_label(ln.text)
            if current and label is not None and style != "bullet" and ln.x0 <= current[0].x0 + 2:
                out.append(current)
                current = []
            current.append(ln)
        out.append(current)
    return out


def _heading_like(lines: Sequence[Line], body: float, gap: float, text: str) -> bool:
    """A short standalone line: larger, bold, capitals, or set apart in the body font."""
    words = text.split()
    if not words or len(words) > 16 or len(lines) > 3 or text.endswith((",", ";")):
        return False
    first = lines[0]
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    sentence = text.endswith(".") and len(words) > 6
    if sentence or not text[:1].isalnum() or text[:1].islower():
        return False
    if first.size >= body + 1.2 or (first.bold and len(words) <= 14) or upper:
        return True
    # In the body font, a heading stands alone: one short line, no full stop, space above it.
    return len(lines) == 1 and len(words) <= 8 and not text.endswith((".", ")")) and gap >= 1.0


def _strength(line: Line, text: str, body: float) -> float:
    """Rank headings: larger, bold and capitalised ones outrank the others."""
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return round(line.size - body, 1) + (1.0 if line.bold else 0.0) + (0.5 if upper else 0.0)


def _gap_above(prev: Line | None, ln: Line) -> float:
    """Space above a line in multiples of its height (3.0 at the top of a page or column)."""
    if prev is None or prev.page != ln.page or prev.column != ln.column:
        return 3.0
    return max(0.0, (ln.top - prev.bottom) / max(ln.bottom - ln.top, 1.0))


def build_skeleton(doc: DocumentText) -> list[Unit]:
    """Return the document's units in reading order, table rows placed where their table is."""
    if not doc.lines:
        return []
    body = body_size(doc.lines)
    lines = mark_soft_hyphens(drop_footnotes(drop_contents(doc.lines), body))
    groups = _split_at_labels(make_blocks(lines))
    units: list[Unit] = []
    stack: list[tuple[float, str]] = []
    prev_line: Line | None = None
    rows = _table_rows(doc.tables)
    for group in groups:
        first = group[0]
        while rows and (rows[0].page, rows[0].top) < (first.page, first.top):
            units.append(_row_unit(len(units), rows.pop(0), stack))
        units.append(_line_unit(len(units), group, body, _gap_above(prev_line, first), stack))
        prev_line = group[-1]
    units.extend(_row_unit(len(units) + k, row, stack) for k, row in enumerate(rows))
    return units


def _line_unit(
    index: int, group: list[Line], body: float, gap: float, stack: list[tuple[float, str]]
) -> Unit:
    """Make a unit of a group of lines, updating the stack of headings above it."""
    first = group[0]
    raw = join_text(ln.text for ln in group)
    label, style, kind, rest = read_label(raw)
    bold = sum(len(ln.text) for ln in group if ln.bold) > 0.5 * sum(len(ln.text) for ln in group)
    role: Role = "entry" if label is not None or style == "item" else "paragraph"
    level = 0
    heading_text = rest if style in (None, "number", "dotted", "capital", "roman") else ""
    if style != "item" and heading_text and _heading_like(group, body, gap, heading_text):
        strength = _strength(first, heading_text, body)
        while stack and stack[-1][0] <= strength:
            stack.pop()
        stack.append((strength, raw))
        role, level = "heading", len(stack)
    section = tuple(text for _, text in stack[: level - 1 if level else None])
    return Unit(
        index=index,
        role=role,
        text=rest,
        label=label,
        style=style,
        item_kind=kind,
        page_start=first.page,
        page_end=group[-1].page,
        x0=first.x0,
        top=first.top,
        size=round(first.size - body, 1),
        bold=bold,
        in_box=first.in_box,
        level=level,
        section=section,
        lines=len(group),
        gap_above=round(gap, 2),
    )


@dataclass(frozen=True, slots=True)
class _Row:
    page: int
    top: float
    cells: tuple[str, ...]
    header: tuple[str, ...]


def _table_rows(tables: Sequence[Table]) -> list[_Row]:
    """Every body row of every table, with its table's header, in page order."""
    rows: list[_Row] = []
    for table in sorted(tables, key=lambda t: (t.page, t.top)):
        if len(table.rows) < 2:
            continue
        header = table.rows[0]
        step = (table.bottom - table.top) / len(table.rows)
        for k, cells in enumerate(table.rows[1:], start=1):
            rows.append(_Row(table.page, table.top + k * step, cells, header))
    return rows


def _row_unit(index: int, row: _Row, stack: list[tuple[float, str]]) -> Unit:
    """Make a unit of a table row: its longest cell is its text, its first short cell its label."""
    cells = [c for c in row.cells if c]
    text = max(cells, key=lambda c: len(c.split()), default="")
    short = [c for c in cells if c != text and len(c) <= 6 and re.match(r"^[\w.]+$", c)]
    return Unit(
        index=index,
        role="row",
        text=text,
        label=short[0].rstrip(".") if short else None,
        style="number" if short else None,
        item_kind=None,
        page_start=row.page,
        page_end=row.page,
        x0=0.0,
        top=row.top,
        size=0.0,
        bold=False,
        in_box=False,
        level=0,
        section=tuple(text for _, text in stack),
        header=row.header,
    )


def style_counts(units: Sequence[Unit]) -> Counter[tuple[str | None, tuple[str, ...]]]:
    """How many entries of each label style sit under each section (list sizes)."""
    return Counter((u.style, u.section) for u in units if u.label is not None)
