"""Plain-text tables and summaries for the CLI (strings out, no printing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.evaluate import CorpusScore, Counts

if TYPE_CHECKING:
    from extractors.registry import Body
    from pipeline.crossval import CrossValidation
    from pipeline.load import RunReport


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return rows as a left-aligned text table with a header rule."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(headers, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


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


_KIND_SHORT = {
    "recommendation": "rec",
    "area_for_improvement": "afi",
    "cause_of_concern": "coc",
    "action": "action",
}


def items_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """Return item rows (JSON-contract items plus `file`) as a compact table."""
    body = [
        [
            _clip(Path(str(row.get("file") or "")).stem, 28),
            _KIND_SHORT.get(str(row["kind"]), str(row["kind"])),
            str(row.get("number") or ""),
            f"{row['page_start']}-{row['page_end']}"
            if row["page_end"] != row["page_start"]
            else str(row["page_start"]),
            _clip(", ".join(row.get("addressees") or ()), 24),
            _deadline_cell(row.get("deadline")),
            _clip(str(row["text"]), 60),
        ]
        for row in rows
    ]
    return table(("document", "kind", "no", "pages", "addressees", "deadline", "text"), body)


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
            _clip(str(b["name"]), 50),
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
