"""Render a diff (see `pipeline.diff`): terminal text, or one self-contained HTML page."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import click

from pipeline.diff import CHANGE_TYPES, Change, Diff, Group, word_diff
from pipeline.render import table

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
    """Return runs (see `pipeline.runs.run_row`) as a table."""

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

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
color:#1b1f24}h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.6rem 0 .3rem}
form{display:flex;gap:2rem;flex-wrap:wrap;margin:1rem 0}
fieldset{border:1px solid #ccd;border-radius:6px}label{margin-right:1rem;white-space:nowrap}
ol{list-style:none;padding:0}li.change{border-left:4px solid #999;padding:.4rem .8rem;
margin:.5rem 0;background:#f7f8fa}li.change-added{border-color:#1a7f37}
li.change-removed{border-color:#cf222e}li.change-changed{border-color:#bf8700}
.tag{font-weight:600;text-transform:uppercase;font-size:.8rem}
.corrected{margin:.3rem 0;color:#6639ba;font-style:italic}
.id{color:#57606a;font-family:monospace;font-size:.85rem}.files{color:#57606a;margin:0}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.3rem 0}
dt{color:#57606a}[hidden]{display:none!important}
"""

_JS = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input"));
  var changes = Array.prototype.slice.call(document.querySelectorAll("li.change"));
  function apply() {
    var want = {change: {}, kind: {}};
    boxes.forEach(function (b) { if (b.checked) { want[b.name][b.value] = true; } });
    var shown = 0;
    changes.forEach(function (li) {
      var keep = want.change[li.dataset.change] && want.kind[li.dataset.kind];
      li.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.querySelectorAll("section.report").forEach(function (s) {
      s.hidden = !s.querySelector("li.change:not([hidden])");
    });
    document.getElementById("shown").textContent = String(shown);
  }
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    boxes.forEach(function (b) {
      if (params.has(b.name)) {
        var values = params.get(b.name).split(",");
        b.checked = values.indexOf(b.value) !== -1;
        b.dispatchEvent(new Event("change"));
      }
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  window.addEventListener("hashchange", fromHash);
  apply();
  fromHash();
  document.body.setAttribute("data-ready", "yes");
})();
"""


def _e(value: Any) -> str:
    """Escape a value for HTML text or an attribute."""
    return html.escape(str(value), quote=True)


def _html_change(change: Change) -> str:
    """Return one change as an <li>."""
    item = change.item
    number = f" {item.number}" if item.number else ""
    parts = [
        f'<li class="change change-{change.change}" data-change="{change.change}" '
        f'data-kind="{_e(item.kind)}" data-id="{_e(item.id)}">',
        f'<span class="tag">{change.change}</span> {_e(item.kind.replace("_", " "))}{_e(number)} '
        f'<span class="id">{_e(item.id)}</span>',
    ]
    if change.corrected:
        parts.append(f'<p class="corrected">{_e(correction_note(change))}</p>')
    before, after = change.before, change.after
    if before is not None and after is not None:
        rows = [
            f"<dt>{_e(name)}</dt><dd><del>{_e(_value(before.value(name)))}</del> → "
            f"<ins>{_e(_value(after.value(name)))}</ins></dd>"
            for name in change.fields
            if name != "text"
        ]
        if change.words:
            tags = {"delete": "del", "insert": "ins"}
            text = " ".join(
                f"<{tags[op]}>{_e(t)}</{tags[op]}>" if op in tags else _e(t)
                for op, t in change.words
            )
            rows.append(f"<dt>text</dt><dd>{text}</dd>")
        parts.append(f"<dl>{''.join(rows)}</dl>")
    else:
        parts.append(f"<p>{_e(item.text)}</p>")
    parts.append("</li>")
    return "".join(parts)


def _checkboxes(name: str, values: Sequence[str], counts: Mapping[str, int]) -> str:
    """Return a fieldset of checked filter boxes."""
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{_e(v)}" checked> '
        f"{_e(v.replace('_', ' '))} ({counts.get(v, 0)})</label>"
        for v in values
    )
    return f"<fieldset><legend>{name.capitalize()}</legend>{boxes}</fieldset>"


def html_page(diff: Diff) -> str:
    """Return the diff as one static page (inline CSS and JS) grouped by report, with filters."""
    changes = [c for g in diff.groups for c in g.changes]
    by_change: dict[str, int] = {c: sum(1 for x in changes if x.change == c) for c in CHANGE_TYPES}
    kinds = sorted({c.item.kind for c in changes})
    by_kind = {k: sum(1 for x in changes if x.item.kind == k) for k in kinds}
    sections = []
    for group in diff.groups:
        if not group.changes:
            continue
        sides = [f"{s[0]} ({s[1][:12]})" for s in (group.before, group.after) if s]
        files = " → ".join(dict.fromkeys(sides))
        items = "".join(_html_change(c) for c in group.changes)
        sections.append(
            f'<section class="report" data-publication="{_e(group.publication)}">'
            f"<h2>{_e(group.title or '(untitled report)')}</h2>"
            f'<p class="files">{_e(files)} · {group.unchanged} unchanged</p>'
            f"<ol>{items}</ol></section>"
        )
    body = "".join(sections) or "<p>No changes.</p>"
    title = f"recwatch diff: {diff.before} → {diff.after}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<h1>{_e(title)}</h1><p id="summary">{_e(summary_line(diff))}</p>'
        f'<form id="filters">{_checkboxes("change", CHANGE_TYPES, by_change)}'
        f"{_checkboxes('kind', kinds, by_kind)}</form>"
        f'<p>Showing <span id="shown">{len(changes)}</span> of {len(changes)} changes.</p>'
        f"<main>{body}</main><script>{_JS}</script></body></html>\n"
    )
