"""Plain-text tables and summaries for the CLI (strings out, no printing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.records import KIND_SHORT

if TYPE_CHECKING:
    from extractors.registry import Body
    from pipeline.evaluate.crossval import CrossValidation
    from pipeline.evaluate.scores import CorpusScore, Counts
    from pipeline.store.report import RunReport


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return rows as a left-aligned text table with a header rule (one line per row)."""
    from rich import box
    from rich.table import Table

    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for header in headers:
        grid.add_column(header, no_wrap=True)
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"a row has {len(row)} cells for {len(headers)} columns")
        grid.add_row(*row)
    return rich_text(grid, None)


def _pct(value: float | None) -> str:
    """Format a ratio as a two-decimal number, or '-' when undefined."""
    return "-" if value is None else f"{value:.2f}"


_EVAL_HEADERS = (
    "document", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1",
    "bound", "num", "page", "addrF1", "deadl", "title", "pub", "date",
)  # fmt: skip


def _eval_row(name: str, c: Counts) -> list[str]:
    """Return one row of the evaluation table."""
    return [
        name,
        str(c.gold),
        str(c.predicted),
        str(c.tp),
        str(c.fp),
        str(c.fn),
        _pct(c.precision),
        _pct(c.recall),
        _pct(c.f1),
        _pct(c.boundary),
        _pct(c.number_accuracy),
        _pct(c.page_accuracy),
        _pct(c.addressee_f1),
        _pct(c.deadline_accuracy),
        _pct(c.title_similarity),
        _pct(c.publisher_accuracy),
        _pct(c.published_accuracy),
    ]


def eval_report(score: CorpusScore) -> str:
    """Return the per-document table, the overall row, negative controls and problems."""
    rows = [_eval_row(d.name, d.counts) for d in score.documents]
    rows.append(_eval_row("OVERALL (micro)", score.overall))
    parts = [table(_EVAL_HEADERS, rows)]
    controls = [d for d in score.documents if d.negative_control]
    if controls:
        parts.append("Negative controls (items found, should be 0):")
        parts += [f"  {d.name}: {d.counts.predicted}" for d in controls]
    failed = [d for d in score.documents if d.error]
    if failed:
        parts.append("Extraction failed (scored as no items):")
        parts += [f"  {d.error}" for d in failed]
    checks = score.self_check_summary()
    warned = len(checks["warned"])
    parts.append(
        f"Self-checks: {warned} document(s) warned, {checks['warned_incomplete']} of them in fact "
        f"incomplete (recall < 0.95); incomplete but not warned: "
        f"{', '.join(checks['incomplete_unwarned']) or 'none'}"
    )
    if score.missing:
        parts.append("Missing PDFs (not scored):")
        parts += [f"  {name}.pdf" for name in score.missing]
    return "\n".join(parts)


def _clip(text: str, width: int) -> str:
    """Shorten text to a width, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _deadline_cell(deadline: Mapping[str, Any] | None) -> str:
    """Format a deadline dict as 'kind date' (or '' when there is none)."""
    if not deadline:
        return ""
    return " ".join(str(v) for v in (deadline.get("kind"), deadline.get("date")) if v)


def _pages(row: Mapping[str, Any]) -> str:
    """Format an item's page span ('3' or '3-4')."""
    start, end = row["page_start"], row["page_end"]
    return str(start) if end == start else f"{start}-{end}"


def rich_text(table: Any, width: int | None) -> str:
    """Render a rich renderable as plain text lines (no colour, no trailing spaces)."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 100_000,
        color_system=None,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


_ITEM_TEXT_ROOM = 40  # columns the addressees and the text need at least
_GAP = 2  # spaces between columns


def _item_columns(rows: Sequence[Mapping[str, Any]], with_document: bool) -> list[list[str]]:
    """The table's columns, each a header followed by its cells."""
    columns: list[list[str]] = []
    if any(row.get("id") for row in rows):
        columns.append(["id", *(str(row.get("id") or "") for row in rows)])
    if with_document:
        columns.append(["document", *(Path(str(row.get("file") or "")).stem for row in rows)])
    columns += [
        ["kind", *(KIND_SHORT.get(str(row["kind"]), str(row["kind"])) for row in rows)],
        ["no", *(str(row.get("number") or "") for row in rows)],
        ["pages", *(_pages(row) for row in rows)],
        ["deadline", *(_deadline_cell(row.get("deadline")) for row in rows)],
        ["addressees", *(", ".join(row.get("addressees") or ()) for row in rows)],
        ["text", *(" ".join(str(row["text"]).split()) for row in rows)],
    ]
    return columns


def _fixed_width(columns: Sequence[Sequence[str]]) -> int:
    """Columns taken by every column but the last two (addressees, text), with the gaps."""
    return sum(max(len(cell) for cell in column) + _GAP for column in columns[:-2])


def _item_table(columns: Sequence[Sequence[str]], width: int | None) -> str:
    """Render the columns: all but addressees and text unwrapped, those two wrapped to fit."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    wrapped: list[int | None] = [None, None]
    if width is not None:
        room = max(width - _fixed_width(columns) - _GAP, _ITEM_TEXT_ROOM // 2)
        natural = max(len(cell) for cell in columns[-2])
        addressees = max(min(natural, room // 3), len("addressees"))
        wrapped = [addressees, room - addressees]
    for column in columns[:-2]:
        table.add_column(column[0], no_wrap=True)
    for column, fit in zip(columns[-2:], wrapped, strict=True):
        table.add_column(column[0], width=fit, overflow="fold")
    for cells in zip(*(column[1:] for column in columns), strict=True):
        table.add_row(*cells)
    return rich_text(table, width)


def items_table(rows: Sequence[Mapping[str, Any]], width: int | None = None) -> str:
    """Return item rows (JSON-contract items plus `file`) as a table `width` columns wide.

    The id and the document name are never cut; the addressees and the text wrap to fit (no
    width: one line per item). When the names leave too little room, each document's name
    heads its own table instead of filling a column.
    """
    if not rows:
        return ""
    columns = _item_columns(rows, with_document=True)
    if width is None or _fixed_width(columns) + _ITEM_TEXT_ROOM <= width:
        return _item_table(columns, width)
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(Path(str(row.get("file") or "")).stem, []).append(row)
    return "\n\n".join(
        f"{name}\n{_item_table(_item_columns(group, with_document=False), width)}"
        for name, group in groups.items()
    )


def run_summary(report: RunReport) -> str:
    """Return the summary printed after `recwatch run`."""
    total_items = sum(report.items_by_kind.values())
    kinds = ", ".join(f"{kind} {n}" for kind, n in report.items_by_kind.items()) or "none"
    lines = [
        f"Run {report.run_id} ({report.status}) into {report.db_url}",
        f"Documents: {report.total} ({len(report.ok)} ok, {len(report.failed)} failed)",
        f"Items: {total_items} ({kinds})",
        f"Items with deadlines: {report.with_deadlines}",
        f"New item versions: {report.new_versions} ({report.unchanged} unchanged)",
        f"Warnings: {len(report.warnings)}",
    ]
    errors = {message for _file, message in report.failed}
    lines += [f"  - {warning}" for warning in report.warnings if warning not in errors]
    if report.failed:
        lines.append("Failed documents:")
        lines += [f"  - {message}" for _file, message in report.failed]
    return "\n".join(lines)


def body_to_json(body: Body) -> dict[str, Any]:
    """Return a registry body as a JSON-ready dict."""
    return {
        "id": body.id,
        "name": body.name,
        "kind": body.kind,
        "aliases": list(body.aliases),
        "output": body.output,
    }


def bodies_table(bodies: Sequence[Mapping[str, Any]]) -> str:
    """Return registry bodies as a table."""
    rows = [
        [
            str(b["id"]),
            str(b["kind"]),
            str(b["name"]),
            _clip(", ".join(b["aliases"]), 60),
        ]
        for b in bodies
    ]
    return table(("id", "kind", "name", "aliases"), rows)


def crossval_report(result: CrossValidation) -> str:
    """The cross-validated table, candidate recall and the groups left out together."""
    recall = result.candidate_recall
    lines = [
        "Cross-validated: each document scored with cue weights fitted without it "
        "(and without the documents that share its items).",
        eval_report(result.score),
        f"Candidate recall: {_pct(recall)} ({result.covered} of {result.gold} gold items have "
        "a candidate with the right span)",
    ]
    if result.groups:
        lines.append("Left out together:")
        lines += [f"  {' + '.join(group)}" for group in result.groups]
    return "\n".join(lines)


def review_table(documents: Sequence[Mapping[str, Any]]) -> str:
    """One row per warning of each document that may be incomplete."""
    rows = []
    for doc in documents:
        for k, warning in enumerate(doc["warnings"]):
            reason = warning.split("self-check:", 1)[-1].strip()
            first = k == 0
            rows.append([doc["file"] if first else "", str(doc["items"]) if first else "", reason])
    return table(("document", "items", "self-check"), rows)
