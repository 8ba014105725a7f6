"""Render an `Overview` as Markdown, self-contained HTML or an editable DOCX.

All three say the same things in the same order (built from the helpers below); the chart is a
PNG made by `overview_chart.timeline_png` and is embedded in HTML (base64) and DOCX (a picture).
Markdown carries the same figures as a table.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from pipeline.common.errors import PipelineError
from pipeline.render.overview import GROUPS, KIND_LABELS, Overview, OverviewItem, Publication

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

FORMATS: tuple[str, ...] = ("md", "html", "docx")
QUOTE_NOTE = "In the report's own words:"
INCOMPLETE_NOTE = (
    "recwatch's extraction of this report may be incomplete; check it against the PDF:"
)


def check_lines(publication: Publication) -> list[str]:
    """The self-check warnings of a publication, without the file name they start with."""
    return [w.split("self-check:", 1)[-1].strip() for w in publication.checks]


# --------------------------------------------------------------------------------------------
# Wording shared by every format
# --------------------------------------------------------------------------------------------


def day(value: date) -> str:
    """A date as officers write it: 8 March 2024."""
    return f"{value.day} {value:%B %Y}"


def paper_title(overview: Overview) -> str:
    """The paper's title, e.g. "HMICFRS publications, 1 October 2023 to 30 June 2024"."""
    period = overview.period
    who = period.publisher or "Inspection report"
    return f"{who} publications, {day(period.since)} to {day(period.until)}"


def intro(overview: Overview) -> str:
    """One sentence on where the paper comes from."""
    scope = (
        " It covers only reports with items for police forces."
        if (overview.period.for_forces_only)
        else ""
    )
    return (
        f"Drafted by recwatch on {day(overview.period.today)} from the recommendations register. "
        "Quoted passages are the reports' own words; deadlines are as the reports state them, "
        f"with the date they fall on.{scope}"
    )


def kinds_phrase(counts: Sequence[tuple[str, int]]) -> str:
    """E.g. "6 recommendations, 1 area for improvement" ("no items" when empty)."""
    parts = [
        f"{n} {KIND_LABELS.get(kind, (kind, kind))[0 if n == 1 else 1].lower()}"
        for kind, n in counts
    ]
    return ", ".join(parts) if parts else "no items"


def deadline_phrase(item: OverviewItem) -> str:
    """The deadline as printed plus the date it falls on, e.g. "within three months (14 Feb…)"."""
    if item.deadline_kind is None:
        return "none stated"
    text = (item.deadline_text or item.deadline_kind).strip()
    if item.deadline_date is None or day(item.deadline_date).casefold() in text.casefold():
        return text  # "By 31 October 2024" already says the date
    return f"{text} ({day(item.deadline_date)})"


def summary_lines(overview: Overview) -> list[tuple[str, str]]:
    """The period summary as (label, value) rows."""
    upcoming = dict(overview.upcoming)
    rows = [
        ("Publications", str(len(overview.publications))),
        ("Items", f"{overview.items} ({kinds_phrase(overview.by_kind)})"),
        ("Items for police forces", str(overview.for_forces)),
    ]
    rows += [
        (f"Force deadlines in the next {months} months", str(n)) for months, n in upcoming.items()
    ]
    rows.append(("Force deadlines already passed", str(overview.overdue)))
    return rows


def type_phrase(publication: Publication) -> str:
    """E.g. "joint thematic" or "" when the type is not known."""
    return " ".join(publication.report_type)


def publication_facts(publication: Publication) -> str:
    """One sentence: when, by whom, what type."""
    kind = type_phrase(publication)
    what = f"a {kind} report" if kind else "a report"
    by = publication.publisher or "an unknown publisher"
    return f"Published on {day(publication.published)} by {by}: {what} ({publication.file})."


def counts_sentence(publication: Publication) -> str:
    """E.g. "The report makes 8 items (6 recommendations, ...); 3 are for police forces."."""
    if not publication.items:
        return "The report makes no recommendations, areas for improvement or actions."
    verb = "is" if publication.for_forces == 1 else "are"
    return (
        f"The report makes {publication.items} "
        f"{'item' if publication.items == 1 else 'items'} ({kinds_phrase(publication.by_kind)}); "
        f"{publication.for_forces} {verb} for police forces."
    )


def notes(overview: Overview) -> list[str]:
    """Caveats worth a reader's attention (left-out documents, deadlines off the chart)."""
    out = []
    if overview.undated:
        out.append(
            f"{overview.undated} stored document(s) have no known publication date and are not "
            "included."
        )
    if overview.beyond_horizon:
        out.append(
            f"{overview.beyond_horizon} deadline(s) fall more than 12 months ahead and are not "
            "shown in the timeline."
        )
    return out


def _addressees(item: OverviewItem) -> str:
    return ", ".join(item.addressees) or "not stated"


def item_facts(item: OverviewItem) -> str:
    """What follows an item's label: its deadline and page."""
    return f"deadline: {deadline_phrase(item)}; page {item.page}"


def kind_rows(publication: Publication) -> list[tuple[str, str]]:
    """Rows of the counts-by-kind table."""
    return [(KIND_LABELS.get(k, (k, k))[1], str(n)) for k, n in publication.by_kind]


def addressee_rows(publication: Publication) -> list[tuple[str, str]]:
    """Rows of the counts-by-addressee table."""
    return [(name, str(n)) for name, n in publication.by_addressee]


def other_rows(publication: Publication) -> list[tuple[str, str, str]]:
    """Rows of the compact table of items not for forces."""
    return [(i.label, _addressees(i), deadline_phrase(i)) for i in publication.other_items]


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines()] + [""]


def _md_publication(number: int, publication: Publication) -> list[str]:
    out = [f"## {number}. {publication.title}", "", publication_facts(publication), ""]
    if publication.checks:
        out += [f"**{INCOMPLETE_NOTE}**", "", *[f"- {c}" for c in check_lines(publication)], ""]
    if publication.summary:
        out += [QUOTE_NOTE, "", *_md_quote(f"“{publication.summary}”")]
    out += [counts_sentence(publication), ""]
    if publication.items:
        out += _md_table(("Kind", "Number"), kind_rows(publication))
        out += _md_table(("Addressee", "Items"), addressee_rows(publication))
    if publication.force_items:
        out += [f"### Items for police forces ({publication.for_forces})", ""]
        for item in publication.force_items:
            out += [f"**{item.label}** — {item_facts(item)}", "", *_md_quote(item.text)]
    if publication.other_items:
        out += [f"### Other items ({len(publication.other_items)})", ""]
        out += _md_table(("Item", "Addressees", "Deadline"), other_rows(publication))
    return out


def render_markdown(overview: Overview) -> str:
    """Render the paper as Markdown (the chart's figures as a table)."""
    out = [f"# {paper_title(overview)}", "", intro(overview), "", "## Period summary", ""]
    out += _md_table(("", "Number"), summary_lines(overview))
    out += ["### Upcoming deadlines by month", ""]
    if overview.timeline:
        out += _md_table(
            ("Month", *GROUPS),
            [(f"{m.month:%B %Y}", *(str(n) for n in m.counts)) for m in overview.timeline],
        )
    else:
        out += ["No deadlines fall due in the next 12 months.", ""]
    out += [f"_{note}_" for note in notes(overview)] + ([""] if notes(overview) else [])
    if not overview.publications:
        out += ["No publications in this period.", ""]
    for number, publication in enumerate(overview.publications, start=1):
        out += _md_publication(number, publication)
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# HTML (templates/overview.html.j2, escaped by Jinja2's autoescape)
# --------------------------------------------------------------------------------------------


def render_html(overview: Overview, chart: bytes | None) -> str:
    """Render the paper as one self-contained HTML page (the chart inlined as a data: URL)."""
    from pipeline.render.jinja import render_page

    return render_page(
        "overview.html.j2",
        title=paper_title(overview),
        intro=intro(overview),
        summary=summary_lines(overview),
        chart=base64.b64encode(chart).decode("ascii") if chart is not None else None,
        notes=notes(overview),
        publications=overview.publications,
        facts=publication_facts,
        checks=check_lines,
        counts=counts_sentence,
        kind_rows=kind_rows,
        addressee_rows=addressee_rows,
        other_rows=other_rows,
        item_facts=item_facts,
        incomplete_note=INCOMPLETE_NOTE,
        quote_note=QUOTE_NOTE,
    )


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


def _docx_table(
    document: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_paragraph()


def render_docx(overview: Overview, chart: bytes | None) -> bytes:
    """Render the paper as a Word document with real headings and tables."""
    try:
        import docx
        from docx.shared import Inches
    except ImportError as exc:
        raise PipelineError(
            f"--format docx needs python-docx ({exc})",
            "install the overview extra: pip install 'recwatch[overview]'",
        ) from exc
    document = docx.Document()
    document.add_heading(paper_title(overview), level=0)
    document.add_paragraph(intro(overview))
    document.add_heading("Period summary", level=1)
    _docx_table(document, ("", "Number"), summary_lines(overview))
    if chart is not None:
        document.add_picture(io.BytesIO(chart), width=Inches(6.3))
    else:
        document.add_paragraph("No deadlines fall due in the next 12 months.")
    for note in notes(overview):
        document.add_paragraph(note).runs[0].italic = True
    document.add_heading("Publications", level=1)
    if not overview.publications:
        document.add_paragraph("No publications in this period.")
    for number, publication in enumerate(overview.publications, start=1):
        document.add_heading(f"{number}. {publication.title}", level=2)
        document.add_paragraph(publication_facts(publication))
        if publication.checks:
            document.add_paragraph(INCOMPLETE_NOTE)
            for check in check_lines(publication):
                document.add_paragraph(check, style="List Bullet")
        if publication.summary:
            document.add_paragraph(QUOTE_NOTE)
            document.add_paragraph(f"“{publication.summary}”", style="Quote")
        document.add_paragraph(counts_sentence(publication))
        if publication.items:
            _docx_table(document, ("Kind", "Number"), kind_rows(publication))
            _docx_table(document, ("Addressee", "Items"), addressee_rows(publication))
        if publication.force_items:
            document.add_heading(f"Items for police forces ({publication.for_forces})", level=3)
            for item in publication.force_items:
                head = document.add_paragraph()
                head.add_run(item.label).bold = True
                head.add_run(f" — {item_facts(item)}")
                document.add_paragraph(item.text, style="Quote")
        if publication.other_items:
            document.add_heading(f"Other items ({len(publication.other_items)})", level=3)
            _docx_table(document, ("Item", "Addressees", "Deadline"), other_rows(publication))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(overview: Overview, fmt: str) -> bytes:
    """Render in one of FORMATS, as bytes ready to write (text formats UTF-8)."""
    if fmt == "md":
        return render_markdown(overview).encode("utf-8")
    from pipeline.render.overview_chart import timeline_png

    chart = timeline_png(overview)
    if fmt == "html":
        return render_html(overview, chart).encode("utf-8")
    if fmt == "docx":
        return render_docx(overview, chart)
    raise PipelineError(f"unknown overview format {fmt!r}", f"use one of {', '.join(FORMATS)}")
