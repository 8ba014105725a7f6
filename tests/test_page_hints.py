"""A publication page's facts enter extraction as hints: deadlines are counted once, from the
page's date, and the report is never warned about as undated."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.builder import build_report
from fixtures.reports import FIXTURES

from extractors import deadlines
from extractors.settings import DEFAULT_SETTINGS as DEFAULTS
from extractors.settings import ExtractorSettings
from models.records import Item, Metadata
from pipeline.cli.main import cli
from pipeline.run.cache import ContentCache
from pipeline.run.extract import extract_outcome, with_page
from pipeline.run.hints import PageHints

REPO = Path(__file__).resolve().parents[1]
PAGE_DATE = date(2023, 1, 10)  # printed nowhere in the report
THREE_MONTHS_ON = date(2023, 4, 10)
IN_PROCESS = ["--jobs", "1", "--doc-timeout", "0", "--doc-memory", "0"]  # so calls can be counted
NO_DATE = "no publication date found"


@pytest.fixture(scope="module")
def undated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PEEL fixture with no "Published" line and no CreationDate: nothing in it dates it."""
    report = replace(FIXTURES["peel_force_report"](), published=None)
    pdf = build_report(report, tmp_path_factory.mktemp("undated") / "undated.pdf").path
    data = pdf.read_bytes()
    stamp = b"(D:20000101000000+00'00')"
    assert stamp in data
    pdf.write_bytes(data.replace(stamp, b"(" + b" " * (len(stamp) - 2) + b")"))  # same offsets
    return pdf


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[date | None]:
    """The publication date of every call of the deadline tagger, in order."""
    calls: list[date | None] = []
    real = deadlines.tag_deadlines

    def counting(
        items: Sequence[Item],
        published: date | None,
        settings: ExtractorSettings = DEFAULTS,
        *,
        standing: str | None = None,
        own: date | None = None,
    ) -> list[Item]:
        calls.append(published)
        return real(items, published, settings, standing=standing, own=own)

    monkeypatch.setattr(deadlines, "tag_deadlines", counting)
    return calls


def _relative_dates(items: Sequence[Item]) -> set[date | None]:
    return {i.deadline.date for i in items if i.deadline and i.deadline.kind == "relative"}


def test_without_a_page_the_report_is_undated(undated: Path) -> None:
    outcome = extract_outcome(undated)
    assert outcome.result is not None
    assert outcome.result.metadata.published is None
    assert _relative_dates(outcome.result.items) == {None}
    assert [w for w in outcome.warnings if NO_DATE in w]


def test_the_page_date_counts_deadlines_once_and_nothing_warns(
    undated: Path, counted: list[date | None]
) -> None:
    outcome = extract_outcome(undated, hints=PageHints(published=PAGE_DATE))
    assert outcome.result is not None
    assert outcome.result.metadata.published == PAGE_DATE
    assert counted == [PAGE_DATE]
    assert _relative_dates(outcome.result.items) == {THREE_MONTHS_ON}
    assert not [w for w in outcome.warnings + outcome.result.warnings if NO_DATE in w]


def test_a_recorded_page_date_reaches_the_store_through_a_plain_run(
    undated: Path, tmp_path: Path, counted: list[date | None]
) -> None:
    data = tmp_path / "data"
    url = "https://example.org/reports/northmoor%20peel.pdf"
    added = CliRunner().invoke(
        cli,
        ["--data-dir", str(data), "add", str(undated), "--url", url, "--published", "2023-01-10"],
    )
    assert added.exit_code == 0, added.output
    counted.clear()  # `add` extracted it in a worker; count the plain run's own extraction
    args = ["--data-dir", str(data), "run", str(data / "raw"), "--no-cache", *IN_PROCESS]
    ran = CliRunner().invoke(cli, args)
    assert ran.exit_code == 0, ran.output
    assert counted == [PAGE_DATE]
    assert NO_DATE not in ran.output
    with sqlite3.connect(data / "processed" / "recwatch.db") as db:
        warnings = db.execute("SELECT warnings FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0]
        document = db.execute("SELECT file, source, published FROM documents").fetchone()
        dates = {
            row[0]
            for row in db.execute(
                "SELECT deadline_date FROM item_versions WHERE deadline_kind = 'relative'"
            )
        }
    assert not [w for w in json.loads(warnings) if NO_DATE in w]
    assert document == ("northmoor peel.pdf", url, PAGE_DATE.isoformat())
    assert dates == {THREE_MONTHS_ON.isoformat()}


def test_another_page_date_is_another_cached_result(
    undated: Path, tmp_path: Path, counted: list[date | None]
) -> None:
    cache_dir = tmp_path / "cache"
    first, later = PageHints(published=PAGE_DATE), PageHints(published=date(2023, 6, 1))
    assert first.key() != later.key()
    a = extract_outcome(undated, cache_dir, hints=first)
    b = extract_outcome(undated, cache_dir, hints=later)
    again = extract_outcome(undated, cache_dir, hints=first)
    assert counted == [PAGE_DATE, date(2023, 6, 1)]  # the third answered from the cache
    assert a.result is not None
    assert b.result is not None
    assert again.result is not None
    assert _relative_dates(b.result.items) == {date(2023, 9, 1)}
    assert again.result == a.result
    cache = ContentCache(cache_dir)
    assert cache.get_result(a.result.sha256, first) is not None
    assert cache.get_result(a.result.sha256) is None  # made with hints: not the page-less result
    assert cache.get_result(a.result.sha256, PageHints(published=date(2024, 1, 1))) is None


PDF_META = Metadata(title="From the PDF", publisher=None, published=date(2000, 1, 1))
PAGE = PageHints(title="From the page", publisher="HMICFRS", published=PAGE_DATE)


def test_a_date_printed_in_the_text_beats_the_page() -> None:
    stated = replace(PDF_META, published=date(2024, 3, 8), published_text="Published 8 March 2024")
    assert with_page(stated, PAGE).published == date(2024, 3, 8)


def test_the_page_date_beats_the_pdf_creation_date_and_fills_gaps_only() -> None:
    merged = with_page(PDF_META, PAGE)
    assert (merged.title, merged.publisher, merged.published) == (
        "From the PDF",
        "HMICFRS",
        PAGE_DATE,
    )
    assert with_page(PDF_META, PageHints()) == PDF_META


def test_no_code_removes_a_warning_by_its_text() -> None:
    mentions = sorted(
        path.relative_to(REPO).as_posix()
        for path in (REPO / "pipeline").rglob("*.py")
        if NO_DATE in path.read_text(encoding="utf-8")
    )
    assert mentions == ["pipeline/run/extract.py"]  # where the warning is written, once
