"""The committee overview paper: gathering from a store of fixture reports, and its three formats.

Fixture reports are rendered with their publication dates moved so that some fall inside the
period (one on each boundary) and some just outside it; expected counts come from the builder,
not from the extractor.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from browser import dump_dom
from click.testing import CliRunner
from fixtures.builder import BuiltReport, build_report
from fixtures.reports import FIXTURES

from extractors.addressees import for_forces
from models.store import open_store
from pipeline.cli.main import cli
from pipeline.render.overview import (
    GROUPS,
    Overview,
    OverviewItem,
    Period,
    StoredDocument,
    StoredItem,
    build_overview,
    gather,
    report_type,
)
from pipeline.render.overview_render import render, render_html, render_markdown
from pipeline.run.schedule import extract_many
from pipeline.store.load import load_run

# Publication dates given to the fixtures: three inside the period (two on its boundaries),
# two just outside it.
DATED = {
    "custody_inspection_report": date(2023, 12, 31),  # the day before --since
    "super_complaint_report": date(2024, 1, 1),  # on --since
    "peel_force_report": date(2024, 3, 8),
    "national_thematic_report": date(2024, 6, 30),  # on --until
    "negative_control_report": date(2024, 7, 1),  # the day after --until
}
SINCE, UNTIL, TODAY = date(2024, 1, 1), date(2024, 6, 30), date(2024, 7, 1)
IN_PERIOD = ["super_complaint_report", "peel_force_report", "national_thematic_report"]
REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Store:
    """A store loaded from the dated fixture reports, with what the builder says they hold."""

    url: str
    data_dir: Path
    built: dict[str, BuiltReport]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Render the dated fixtures, extract them and load them as one run."""
    root = tmp_path_factory.mktemp("overview")
    built = {
        name: build_report(replace(FIXTURES[name](), published=day), root / "pdfs" / f"{name}.pdf")
        for name, day in DATED.items()
    }
    outcomes = extract_many([b.path for b in built.values()])
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    url = f"sqlite:///{root / 'data' / 'processed' / 'recwatch.db'}"
    load_run(
        open_store(url),
        outcomes,
        started_at=datetime(2024, 7, 1, 9, 0),
        tool_version="test",
        git_revision=None,
        settings={},
    )
    return Store(url, root / "data", built)


@pytest.fixture(scope="module")
def overview(store: Store) -> Overview:
    """The overview of the period, as of TODAY."""
    return build_overview(store.url, Period(SINCE, UNTIL, TODAY))


def _expected(built: BuiltReport) -> list[dict[str, object]]:
    return built.items


def _force(item: dict[str, object]) -> bool:
    addressees = item["addressees"]
    assert isinstance(addressees, list)
    return for_forces(addressees)


# --------------------------------------------------------------------------------------------
# Gathering from a store of fixture reports
# --------------------------------------------------------------------------------------------


def test_publications_in_the_period_in_date_order(store: Store, overview: Overview) -> None:
    titles = [p.title for p in overview.publications]
    assert titles == [store.built[name].report.title for name in IN_PERIOD]
    assert [p.published for p in overview.publications] == [DATED[n] for n in IN_PERIOD]
    assert [p.file for p in overview.publications] == [f"{n}.pdf" for n in IN_PERIOD]


def test_counts_match_the_fixture_reports(store: Store, overview: Overview) -> None:
    for name, publication in zip(IN_PERIOD, overview.publications, strict=True):
        expected = _expected(store.built[name])
        kinds = Counter(str(item["kind"]) for item in expected)
        assert dict(publication.by_kind) == dict(kinds), name
        assert publication.items == len(expected), name
        assert publication.for_forces == sum(_force(i) for i in expected), name
        assert len(publication.force_items) + len(publication.other_items) == len(expected)
    every = [i for name in IN_PERIOD for i in _expected(store.built[name])]
    assert overview.items == len(every)
    assert dict(overview.by_kind) == dict(Counter(str(i["kind"]) for i in every))
    assert overview.for_forces == sum(_force(i) for i in every)


def test_counts_by_addressee_use_registry_names(overview: Overview) -> None:
    thematic = overview.publications[2]
    names = dict(thematic.by_addressee)
    assert names["Chief constables"] == 2
    assert names["College of Policing"] == 2
    assert "chief_constables" not in names


def test_upcoming_force_deadlines_count_from_today(store: Store, overview: Overview) -> None:
    dates = [
        date.fromisoformat(str(item["deadline"]["date"]))  # type: ignore[index]
        for name in IN_PERIOD
        for item in _expected(store.built[name])
        if _force(item) and item["deadline"] and item["deadline"]["date"]  # type: ignore[index]
    ]
    windows = {3: date(2024, 10, 1), 6: date(2025, 1, 1), 12: date(2025, 7, 1)}
    assert dict(overview.upcoming) == {
        months: sum(1 for d in dates if TODAY <= d <= end) for months, end in windows.items()
    }
    assert overview.overdue == sum(1 for d in dates if d < TODAY)
    assert overview.upcoming[-1][1] > 0  # the fixtures have a force deadline ahead


def test_report_types_and_summaries(overview: Overview) -> None:
    complaint, peel, thematic = overview.publications
    assert complaint.report_type == ("super-complaint",)
    assert peel.report_type == ("PEEL",)
    assert thematic.report_type == ("thematic",)
    assert complaint.summary is not None
    assert complaint.summary.startswith("In March 2022 the Safer Streets Advocacy Trust")
    assert peel.summary is not None
    assert peel.summary.startswith("Our inspection assessed")
    assert thematic.summary is None  # its first section is a foreword, not a summary


def test_markdown_quotes_every_force_item_once_and_leaves_out_other_periods(
    store: Store, overview: Overview
) -> None:
    paper = render_markdown(overview)
    quoted = [line[2:] for line in paper.splitlines() if line.startswith("> ")]
    force_texts = [i.text for p in overview.publications for i in p.force_items]
    assert force_texts
    for text in force_texts:
        assert quoted.count(text) == 1, text
    for publication in overview.publications:
        for item in publication.other_items:
            assert item.text not in paper  # listed compactly, not quoted
            assert f"| {item.label} |" in paper
    for name in set(DATED) - set(IN_PERIOD):
        report = store.built[name].report
        assert report.title not in paper
        for item in _expected(store.built[name]):
            assert str(item["text"])[:60] not in paper
    headings = [line for line in paper.splitlines() if line.startswith("## ")]
    assert headings[1:] == [
        f"## {n}. {store.built[name].report.title}" for n, name in enumerate(IN_PERIOD, 1)
    ]
    assert "| Force deadlines in the next 6 months |" in paper


def test_for_forces_only_drops_other_items_and_reports_without_force_items(
    store: Store,
) -> None:
    wide = Period(date(2023, 1, 1), date(2024, 12, 31), TODAY, for_forces_only=True)
    forces = build_overview(store.url, wide)
    assert forces.publications
    assert all(p.for_forces and not p.other_items for p in forces.publications)
    assert "negative_control_report.pdf" not in [p.file for p in forces.publications]


def test_the_paper_shows_the_register_as_analysts_corrected_it(
    store: Store, overview: Overview, tmp_path: Path
) -> None:
    copy = tmp_path / "recwatch.db"  # a copy: the module's store stays uncorrected
    with (
        closing(sqlite3.connect(store.url.removeprefix("sqlite:///"))) as source,
        closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
    url = f"sqlite:///{copy}"
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(cli, ["--db", url, *args])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    rows = json.loads(invoke("items", "--json", "--document", "peel_force_report"))["items"]
    rejected, changed = rows[0], rows[1]
    invoke("correct", rejected["id"], "--reject", "--by", "analyst")
    invoke("correct", changed["id"], "--deadline", "2024-09-30", "--by", "analyst")
    invoke("correct", changed["id"], "--addressee", "home_office", "--by", "analyst")

    def peel_items(paper: Overview) -> dict[tuple[str, str | None], OverviewItem]:
        [peel] = [p for p in paper.publications if p.file == "peel_force_report.pdf"]
        return {(i.kind, i.number): i for i in (*peel.force_items, *peel.other_items)}

    corrected = build_overview(url, Period(SINCE, UNTIL, TODAY))
    after = peel_items(corrected)
    assert corrected.items == overview.items - 1
    assert (rejected["kind"], rejected["number"]) not in after
    item = after[(changed["kind"], changed["number"])]
    assert item.deadline_date == date(2024, 9, 30)
    assert item.addressees == ("Home Office",)


def test_publisher_filter(store: Store) -> None:
    period = Period(SINCE, UNTIL, TODAY, publisher="no such publisher")
    assert build_overview(store.url, period).publications == ()
    period = replace(period, publisher="hmicfrs")
    assert len(build_overview(store.url, period).publications) == len(IN_PERIOD)


# --------------------------------------------------------------------------------------------
# DOCX and HTML
# --------------------------------------------------------------------------------------------


def test_docx_has_one_heading_per_publication_and_the_chart(overview: Overview) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render(overview, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"{n}. {p.title}" for n, p in enumerate(overview.publications, 1)]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "Inspection report publications, 1 January 2024 to 30 June 2024"
    ]
    assert len(document.inline_shapes) == 1  # the deadline timeline
    header_rows = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Item", "Addressees", "Deadline"] in header_rows
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    for item in (i for p in overview.publications for i in p.force_items):
        assert quotes.count(item.text) == 1


# Appended by the test only: reports what the browser made of the chart once the page loaded.
_PROBE = (
    "<script>window.addEventListener('load', () => {"
    "const img = document.getElementById('deadline-chart');"
    "document.body.setAttribute('data-chart', img ? img.naturalWidth + 'x' + img.naturalHeight"
    " + ':' + img.complete : 'missing');});</script>"
)


def test_html_opens_in_headless_chromium_with_the_chart(overview: Overview, tmp_path: Path) -> None:
    from PIL import Image

    page = render_html(overview, _chart(overview))
    assert not re.search(r"(?:src|href)=\"(?!data:)", page)  # self-contained
    path = tmp_path / "overview.html"
    path.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(path.as_uri(), tmp_path / "profile")
    width, height = Image.open(io.BytesIO(_chart(overview))).size
    assert f'data-chart="{width}x{height}:true"' in dom  # the browser decoded the PNG
    found = re.search(r'<img id="deadline-chart"[^>]*src="data:image/png;base64,([^"]+)"', dom)
    assert found, "the chart <img> is missing from the rendered page"
    png = base64.b64decode(found.group(1))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    Image.open(io.BytesIO(png)).verify()
    for n, publication in enumerate(overview.publications, 1):
        assert f"<h2>{n}. {html.escape(publication.title, quote=False)}</h2>" in dom


def _chart(overview: Overview) -> bytes:
    from pipeline.render.overview_chart import timeline_png

    png = timeline_png(overview)
    assert png is not None
    return png


# --------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------


def _invoke(store: Store, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", store.url, "overview", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_markdown_by_default(store: Store, overview: Overview) -> None:
    code, out, err = _invoke(
        store, "--since", SINCE.isoformat(), "--until", UNTIL.isoformat(), "--today", "2024-07-01"
    )
    assert (code, err) == (0, "")
    assert out == render_markdown(overview)


def test_cli_writes_html_and_docx_files(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    period = ("--since", "2024-01-01", "--until", "2024-06-30", "--today", "2024-07-01")
    for fmt in ("html", "docx"):
        target = tmp_path / f"paper.{fmt}"
        code, out, err = _invoke(store, *period, "--format", fmt, "--output", str(target))
        assert (code, out, err) == (0, "", f"Wrote {target}\n")
        assert target.stat().st_size > 1000
    assert "deadline-chart" in (tmp_path / "paper.html").read_text(encoding="utf-8")


def test_cli_usage_errors(store: Store) -> None:
    code, out, err = _invoke(store, "--since", "2024-06-30", "--until", "2024-01-01")
    assert (code, out) == (2, "")
    assert "--since 2024-06-30 is after --until 2024-01-01" in err
    code, _, err = _invoke(
        store, "--since", "2024-01-01", "--until", "2024-06-30", "--format", "docx"
    )
    assert code == 2
    assert "pass --output FILE.docx" in err
    code, _, err = _invoke(store, "--since", "1 Jan 2024", "--until", "2024-06-30")
    assert code == 2
    assert "'1 Jan 2024' is not a date; use YYYY-MM-DD" in err


def test_cli_missing_store_names_the_fix(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(
        cli, ["--db", str(missing), "overview", "--since", "2024-01-01", "--until", "2024-06-30"]
    )
    assert result.exit_code == 1
    assert f"no store at {missing}; run `recwatch run` first" in result.stderr


def test_today_defaults_to_the_real_date(store: Store) -> None:
    code, out, _ = _invoke(store, "--since", "2024-01-01", "--until", "2024-06-30")
    assert code == 0
    today = date.today()
    assert f"Drafted by recwatch on {today.day} {today:%B %Y}" in out


# --------------------------------------------------------------------------------------------
# Pure gathering on hand-made rows
# --------------------------------------------------------------------------------------------


def _doc(sha: str, published: date | None, publisher: str = "HMICFRS") -> StoredDocument:
    return StoredDocument(sha, f"{sha}.pdf", f"Report {sha}", publisher, published)


def _row(sha: str, n: int, addressees: tuple[str, ...], due: date | None) -> StoredItem:
    return StoredItem(
        id=f"{sha}:recommendation:{n}",
        document_sha256=sha,
        kind="recommendation",
        number=str(n),
        position=n,
        text=f"Text {sha} {n}.",
        addressees=addressees,
        deadline_text="by then" if due else None,
        deadline_date=due,
        deadline_kind="date" if due else None,
        page_start=3,
    )


def test_timeline_groups_by_registry_kind_and_skips_the_past() -> None:
    docs = [_doc("a", date(2024, 2, 1)), _doc("b", None)]
    rows = [
        _row("a", 1, ("chief_constables",), date(2024, 8, 15)),
        _row("a", 2, ("home_office", "npcc"), date(2024, 8, 31)),
        _row("a", 3, ("college_of_policing",), date(2024, 10, 1)),
        _row("a", 4, ("force",), date(2024, 6, 1)),  # already passed
        _row("a", 5, ("unknown_body",), date(2026, 1, 1)),  # beyond the 12-month horizon
        _row("a", 6, (), None),
    ]
    result = gather(docs, rows, Period(date(2024, 1, 1), date(2024, 3, 31), TODAY))
    months = {m.month: dict(zip(GROUPS, m.counts, strict=True)) for m in result.timeline}
    assert list(months) == [date(2024, 8, 1), date(2024, 9, 1), date(2024, 10, 1)]
    assert months[date(2024, 8, 1)] == {
        "forces": 1,
        "national bodies": 1,
        "government": 1,
        "other": 0,
    }
    assert sum(months[date(2024, 9, 1)].values()) == 0  # a gap month is drawn empty
    assert months[date(2024, 10, 1)]["national bodies"] == 1
    assert result.beyond_horizon == 1
    assert result.overdue == 1
    assert dict(result.upcoming) == {3: 1, 6: 1, 12: 1}
    assert result.undated == 1
    [publication] = result.publications
    assert [i.label for i in publication.force_items] == ["Recommendation 1", "Recommendation 4"]
    assert dict(publication.by_addressee)["Unknown body"] == 1


def test_no_upcoming_deadlines_means_no_chart() -> None:
    from pipeline.render.overview_chart import timeline_png

    result = gather(
        [_doc("a", date(2024, 2, 1))],
        [_row("a", 1, ("force",), date(2024, 3, 1))],
        Period(date(2024, 1, 1), date(2024, 3, 31), TODAY),
    )
    assert result.timeline == ()
    assert timeline_png(result) is None
    assert "No deadlines fall due in the next 12 months." in render_html(result, None)


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("PEEL 2023–25: An inspection of Northmoor Constabulary", "HMICFRS", ("PEEL",)),
        ("PEEL spotlight report: The Hard Yards", "HMICFRS", ("PEEL",)),
        ("Safe to share? Report on a super-complaint", "HMICFRS", ("super-complaint",)),
        ("A joint thematic inspection of integrated offender management", "HMICFRS",
         ("joint", "thematic")),
        ("Evidence-led domestic abuse prosecutions", "HMCPSI and HMICFRS", ("joint",)),
        ("An inspection of how police forces use stop and search", "HMICFRS", ("thematic",)),
        ("An inspection of Northmoor Constabulary's custody suites", "HMICFRS", ()),
        (None, None, ()),
    ],
)  # fmt: skip
def test_report_type_from_title_and_publisher(
    title: str | None, publisher: str | None, expected: tuple[str, ...]
) -> None:
    assert report_type(title, publisher) == expected


def test_help_stays_light_with_the_overview_command() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli.main import cli\n"
        "assert CliRunner().invoke(cli, ['overview', '--help']).exit_code == 0\n"
        "print(sorted({'matplotlib', 'docx', 'sqlalchemy', 'spacy'} & set(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "[]"


def test_names_kept_as_printed_not_lowered() -> None:
    from pipeline.render.overview import _Names

    names = _Names([])
    assert names.name("Department of Health") == "Department of Health"
    assert names.name("NHS England's Transformation Directorate") == (
        "NHS England's Transformation Directorate"
    )
    assert names.name("chief_constables") == "Chief constables"


def test_a_single_month_chart_draws_a_bar_not_a_wall(overview: Overview) -> None:
    from PIL import Image

    from pipeline.render.overview_chart import COLOURS

    month = next(m for m in overview.timeline if any(m.counts))
    png = _chart(replace(overview, timeline=(month,)))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in COLOURS.values()}
    width, height = image.size
    columns = {
        x for x in range(width) for y in range(0, height, 4) if image.getpixel((x, y)) in colours
    }
    # The legend's swatches are coloured too; the bar itself must stay a small part of the plot.
    assert 0 < len(columns) < width * 0.3
