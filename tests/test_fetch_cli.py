"""`recwatch run --source hmicfrs --base-url ...`, `recwatch fetch` and `recwatch add` end to end
against the local fixture site (real extraction, a SQLite store under tmp_path)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fetch_site import (
    UPLOADS,
    Pub,
    Resource,
    Site,
    add_pdf,
    build_pdfs,
    build_site,
    feed,
    publication_page,
    serve,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import db
from models.store import open_store
from pipeline.acquire.fetch import Fetcher, FetchSettings
from pipeline.cli import fetch as cli_fetch
from pipeline.cli.main import cli


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The fixture reports as PDF bytes (built once per module)."""
    return build_pdfs(tmp_path_factory.mktemp("site_pdfs"))


@pytest.fixture
def site(pdfs: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The fixture site, and a CLI fetcher that records its pauses instead of sleeping."""
    site = build_site(pdfs)
    settings = FetchSettings(timeout=5.0, retries=1, backoff=0.1, delay=0.1)
    monkeypatch.setattr(
        cli_fetch, "make_fetcher", lambda *_a, **_k: Fetcher(settings, sleep=lambda _s: None)
    )
    with serve(site) as base:
        site.routes["/feed/"].body = site.routes["/feed/"].body.replace(
            b"PLACEHOLDER", base.encode()
        )
        yield site
    assert not site.over_budget


def invoke(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _store(tmp_path: Path) -> Session:
    engine = open_store(f"sqlite:///{tmp_path / 'data' / 'processed' / 'recwatch.db'}")
    return Session(engine)


def test_run_source_end_to_end(site: Site, tmp_path: Path, pdfs: dict[str, bytes]) -> None:
    code, out, err = invoke(tmp_path, "run", "--source", "hmicfrs", "--base-url", site.base)
    assert (code, err) == (0, "")
    with _store(tmp_path) as session:
        items = session.scalar(select(func.count()).select_from(db.Item)) or 0
        docs = {d.file: d for d in session.scalars(select(db.Document))}
    assert items > 0
    assert out.splitlines()[-1] == (
        f"5 new reports, {items} new items, 0 re-published reports with 0 changed items, 0 failed"
    )
    assert sorted(docs) == sorted(
        ["peel-2024.pdf", "digital-evidence.pdf", "stalking.pdf", "committee-paper.pdf",
         "custody.pdf"]
    )  # fmt: skip
    stalking = docs["stalking.pdf"]
    assert stalking.source == f"{site.base}{UPLOADS}/stalking.pdf"
    assert stalking.published == date(2023, 11, 14)  # from the page: the PDF states no date
    with _store(tmp_path) as session:
        resolved = session.scalars(
            select(db.ItemVersion.deadline_date)
            .join(db.Item, db.Item.current_version_id == db.ItemVersion.id)
            .where(
                db.Item.document_sha256 == stalking.sha256,
                db.ItemVersion.deadline_kind == "relative",
            )
        ).all()
    assert resolved
    assert all(d is not None for d in resolved)  # counted from the page's date

    # the same site again: nothing new, no run recorded
    site.clear()
    code, out, err = invoke(tmp_path, "run", "--source", "hmicfrs", "--base-url", site.base)
    assert (code, err) == (0, "")
    assert (
        out == "0 new reports, 0 new items, 0 re-published reports with 0 changed items, 0 failed\n"
    )
    assert all(h.conditional for h in site.hits if h.path != "/robots.txt")

    # a corrected PEEL report at the same URL, and a new publication whose PDF is an error page
    add_pdf(site, f"{UPLOADS}/peel-2024.pdf", pdfs["peel_v2"])
    broken = Pub("pub-y", "A broken upload", date(2024, 9, 1), "Other", (f"{UPLOADS}/broken.pdf",))
    site.routes["/publications/pub-y/"] = Resource(publication_page(broken))
    site.routes[f"{UPLOADS}/broken.pdf"] = Resource(b"<!DOCTYPE html><p>Error</p>", "text/html")
    site.routes["/feed/"] = Resource(
        feed([(f"{site.base}/publications/pub-y/", broken.title, broken.published),
              (f"{site.base}/publications/pub-a/", "PEEL", date(2024, 3, 8))]),
        "application/rss+xml",
    )  # fmt: skip
    code, out, err = invoke(tmp_path, "run", "--source", "hmicfrs", "--base-url", site.base)
    assert code == 3
    last = out.splitlines()[-1]
    assert last.startswith("0 new reports, 0 new items, 1 re-published report with ")
    assert last.endswith(" changed items, 1 failed")
    assert not last.endswith(" with 0 changed items, 1 failed")
    assert f"Error: {site.base}{UPLOADS}/broken.pdf: is not a PDF" in err
    with _store(tmp_path) as session:
        flagged = session.scalars(select(db.Download).where(db.Download.needs_review)).all()
    assert [(d.version, d.canonical_url) for d in flagged] == [
        (2, f"{site.base}{UPLOADS}/peel-2024.pdf")
    ]


def test_fetch_and_dry_run_commands(site: Site, tmp_path: Path) -> None:
    code, out, err = invoke(
        tmp_path, "fetch", "--source", "hmicfrs", "--base-url", site.base, "--dry-run"
    )
    assert (code, err) == (0, "")
    assert f"{site.base}/publications/pub-a/" in out
    assert out.splitlines()[-1] == "Dry run: 5 to fetch, nothing downloaded"
    assert not (tmp_path / "data" / "raw").exists()

    code, out, err = invoke(tmp_path, "fetch", "--source", "hmicfrs", "--base-url", site.base)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith(
        "Fetched: 5 new, 0 re-published (flagged for review), 1 duplicate, 0 unchanged, 0 failed"
    )


def test_fetch_usage_errors(tmp_path: Path) -> None:
    code, _out, err = invoke(tmp_path, "fetch")
    assert code == 2
    assert "give URLs to fetch or --source NAME" in err
    code, _out, err = invoke(tmp_path, "run", "data", "--source", "hmicfrs")
    assert code == 2


def test_add_registers_a_pdf_with_page_facts(tmp_path: Path, pdfs: dict[str, bytes]) -> None:
    pdf = tmp_path / "downloaded.pdf"
    pdf.write_bytes(pdfs["stalking"])
    url = "https://www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/stalking.pdf"
    code, out, err = invoke(
        tmp_path, "add", str(pdf), "--url", url, "--title", "Stalking", "--published", "2023-11-14"
    )
    assert code == 0
    assert "(new)" in err
    assert out.splitlines()[-1].startswith("1 new report, ")
    with _store(tmp_path) as session:
        doc = session.scalars(select(db.Document)).one()
        row = session.scalars(select(db.Download)).one()
    assert doc.published == date(2023, 11, 14)
    assert (
        doc.source == "https://hmicfrs.justiceinspectorates.gov.uk/wp-content/uploads/stalking.pdf"
    )
    assert (row.method, row.publisher, row.file) == ("add", "HMICFRS", f"raw/{doc.sha256}.pdf")

    not_pdf = tmp_path / "saved.pdf"
    not_pdf.write_bytes(b"<!DOCTYPE html><title>Sign in</title>")
    code, _out, err = invoke(tmp_path, "add", str(not_pdf))
    assert code == 1
    assert f"{not_pdf}: is a web page (HTML), not a PDF; " in err  # as `recwatch run` says it


def test_a_plain_run_keeps_what_the_publication_pages_said(site: Site, tmp_path: Path) -> None:
    code, _out, err = invoke(tmp_path, "run", "--source", "hmicfrs", "--base-url", site.base)
    assert (code, err) == (0, "")

    def documents() -> dict[str, tuple[object, ...]]:
        with _store(tmp_path) as session:
            return {
                d.sha256: (d.file, d.title, d.published, d.source)
                for d in session.scalars(select(db.Document))
            }

    fetched = documents()
    # Re-reading the downloaded files (e.g. after a rule change) is a plain run over data/raw.
    code, _out, err = invoke(tmp_path, "run", str(tmp_path / "data" / "raw"), "--jobs", "1")
    assert code == 0, err
    assert documents() == fetched
    stalking = next(v for v in fetched.values() if v[0] == "stalking.pdf")
    assert stalking[2] == date(2023, 11, 14)  # the page's date: the PDF states none


def test_a_source_run_waits_its_turn_like_any_run(site: Site, tmp_path: Path) -> None:
    from pipeline.run import lock

    data = tmp_path / "data"
    with lock.run_lock(f"sqlite:///{data / 'processed' / 'recwatch.db'}", data / "processed"):
        code, _out, err = invoke(tmp_path, "run", "--source", "hmicfrs", "--base-url", site.base)
    assert code == 1
    assert "another recwatch run (pid " in err


def test_fetch_progress_as_json_lines(site: Site, tmp_path: Path) -> None:
    """--progress json: one line per publication on stderr; the data stays on stdout."""
    code, out, err = invoke(
        tmp_path, "fetch", "--source", "hmicfrs", "--base-url", site.base, "--progress", "json"
    )
    lines = [json.loads(line) for line in err.splitlines()]
    assert code == 0
    assert [(x["event"], x["done"]) for x in lines] == [
        ("publication", k) for k in range(1, len(lines) + 1)
    ]
    assert lines
    assert all(x["total"] == len(lines) for x in lines)
    assert out.splitlines()[-1].startswith("Fetched: 5 new")


def test_fetch_progress_bar_on_a_terminal() -> None:
    """A terminal gets a bar of publications done / total; anything else gets none."""
    from pipeline.common.progress import fetch_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with fetch_progress("auto", io.StringIO()) as report:
        assert report is None
    terminal = Terminal()
    with fetch_progress("auto", terminal) as report:
        assert report is not None
        report(1, 3, "https://example.org/a/")
        report(3, 3, "https://example.org/c/")
    assert "3/3" in terminal.getvalue()
    assert "publications" in terminal.getvalue()
