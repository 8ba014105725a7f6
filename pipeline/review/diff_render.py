"""Render a diff (see `pipeline.review.diff`): terminal text, or one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click

from pipeline.render.tables import table
from pipeline.review.diff import CHANGE_TYPES, Change, Diff, Group, word_diff

_MARK = {"added": "+", "removed": "-", "changed": "~"}
_COLOUR = {"added": "green", "removed": "red", "changed": "yellow"}


def summary_line(diff: Diff) -> str:
    """Return `before → after: n added, n removed, n changed, n unchanged`."""
    counts = ", ".join(f"{diff.count(c)} {c}" for c in CHANGE_TYPES)
    return f"{diff.before} → {diff.after}: {counts}, {diff.unchanged} unchanged"


def _value(value: Any) -> str:
    """Format a field value for the terminal."""
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    if isinstance(value, Mapping):
        return " ".join(str(value[k]) for k in ("kind", "date", "text") if value.get(k))
    return str(value)


def _group_heading(group: Group) -> str:
    """Return `title (old file → new file)` for a report."""
    files = [side[0] for side in (group.before, group.after) if side]
    where = " → ".join(dict.fromkeys(files))
    return f"{group.title or '(untitled report)'} ({where})"


def terminal(diff: Diff, colour: bool = False) -> str:
    """Return the diff as text; with colour, ANSI-coloured (git word-diff marks otherwise)."""

    lines = [summary_line(diff)]
    for group in diff.groups:
        if not group.changes:
            continue
        lines += ["", _paint(_group_heading(group), "cyan", colour, bold=True)]
        for change in group.changes:
            lines += _change_lines(change, colour)
    if diff.only_before:
        skipped = ", ".join(diff.only_before)
        lines += ["", f"Not compared (not processed by {diff.after}): {skipped}"]
    return "\n".join(lines)


def _paint(text: str, fg: str, colour: bool, **style: bool) -> str:
    """Return text in ANSI colour when colour is on."""
    return click.style(text, fg=fg, **style) if colour else text


def _word_run(op: str, text: str, colour: bool) -> str:
    """Return one word-diff run: coloured, or marked `[-gone-]` / `{+new+}` as git does."""
    if op == "delete":
        return _paint(text, "red", colour, strikethrough=True) if colour else f"[-{text}-]"
    if op == "insert":
        return _paint(text, "green", colour, underline=True) if colour else f"{{+{text}+}}"
    return text


def _change_lines(change: Change, colour: bool) -> list[str]:
    """Return the terminal lines of one change."""
    item = change.item
    number = f" {item.number}" if item.number else ""
    head = f"{_MARK[change.change]} {change.change:<7} {item.kind}{number}  [{item.id}]"
    out = [_paint(head, _COLOUR[change.change], colour)]
    if change.corrected:
        out.append(f"    {correction_note(change)}")
    if change.change != "changed":
        out.append(f"    {item.text}")
        return out
    before, after = change.before, change.after
    if before is None or after is None:
        return out
    for name in change.fields:
        if name == "text":
            continue
        was, now = _value(before.value(name)), _value(after.value(name))
        out.append(f"    {name}: {_paint(was, 'red', colour)} → {_paint(now, 'green', colour)}")
    if change.words:
        out.append("    text: " + " ".join(_word_run(op, t, colour) for op, t in change.words))
    return out


def reviews_text(rows: Sequence[Mapping[str, Any]], colour: bool = False) -> str:
    """Return review flags as text: a changed text as a word diff, other fields in full."""
    lines: list[str] = []
    for row in rows:
        was, now = row["corrected_against"], row["extracted_now"]
        lines.append(
            _paint(f"{row['item_id']}  {row['field']} (run {row['run']})", "yellow", colour)
        )
        if isinstance(was, str) and isinstance(now, str):
            runs = word_diff(was, now)
            lines.append("    " + " ".join(_word_run(op, t, colour) for op, t in runs))
        else:
            lines.append(f"    corrected against: {_paint(_value(was), 'red', colour)}")
            lines.append(f"    extracted now:     {_paint(_value(now), 'green', colour)}")
    return "\n".join(lines)


def correction_note(change: Change) -> str:
    """What an analyst's correction in force means for this change."""
    fields = ", ".join(change.corrected)
    if "reject" in change.corrected:
        return "analyst rejected this item: it stays out of the register"
    return f"analyst correction in force ({fields}): the register keeps the corrected value"


def runs_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """Return runs (see `pipeline.store.runs.run_row`) as a table."""

    def cell(value: Any) -> str:
        return "-" if value is None else str(value)

    body = [
        [
            str(r["id"]),
            r["started"],
            r["finished"] or "-",
            r["status"],
            r["tool_version"],
            (r["git_revision"] or "-")[:10],
            f"{cell(r['documents_ok'])}/{cell(r['documents_failed'])}",
            "/".join(cell(r[k]) for k in ("items_new", "items_changed", "items_removed")),
            str(sum(1 for w in r["warnings"] if "self-check:" in w)),
        ]
        for r in rows
    ]
    headers = ("run", "started", "finished", "status", "version", "git", "docs ok/failed")
    return table((*headers, "items new/changed/removed", "self-checks"), body)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def _files(group: Group) -> str:
    """`old file (sha) → new file (sha)` of a report's two versions."""
    sides = [f"{s[0]} ({s[1][:12]})" for s in (group.before, group.after) if s]
    return " → ".join(dict.fromkeys(sides))


def html_page(diff: Diff) -> str:
    """Return the diff as one static page (inline CSS and JS) grouped by report, with filters."""
    from pipeline.render.jinja import render_page

    changes = [c for g in diff.groups for c in g.changes]
    kinds = sorted({c.item.kind for c in changes})
    return render_page(
        "diff.html.j2",
        title=f"recwatch diff: {diff.before} → {diff.after}",
        summary=summary_line(diff),
        change_types=CHANGE_TYPES,
        by_change={c: sum(1 for x in changes if x.change == c) for c in CHANGE_TYPES},
        kinds=kinds,
        by_kind={k: sum(1 for x in changes if x.item.kind == k) for k in kinds},
        total=len(changes),
        groups=diff.groups,
        files=_files,
        note=correction_note,
        value=_value,
    )
