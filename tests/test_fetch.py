"""Fetching from a local stand-in of the HMICFRS site: discovery, conditional re-fetch, versions,
faults with clear messages and nothing partial left behind.

Every test serves `fetch_site.Site` on 127.0.0.1 (never the internet), with a Fetcher whose sleep
is a recorder, so retries and polite delays are checked without waiting for them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fetch_site import (
    LEGACY,
    PDF_PATHS,
    PEEL,
    THEMATIC,
    UPLOADS,
    Pub,
    Resource,
    Site,
    add_pdf,
    build_pdfs,
    build_site,
    feed,
    listing_page,
    publication_page,
    serve,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import db
from models.store import open_store
from pipeline.acquire.fetch import Fetcher, FetchSettings
from pipeline.acquire.harvest import FetchReport, fetch_source, fetch_urls
from pipeline.acquire.sources import SOURCES, Source
from pipeline.common.config import Config, resolve

FAST = FetchSettings(timeout=5.0, retries=2, backoff=0.5, delay=0.25, user_agent="recwatch-test/1")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The fixture reports as PDF bytes (built once per module)."""
    return build_pdfs(tmp_path_factory.mktemp("site_pdfs"))


@pytest.fixture
def site(pdfs: dict[str, bytes]) -> Iterator[Site]:
    """The fixture site, served for the duration of one test."""
    site = build_site(pdfs)
    with serve(site) as base:
        fixed = site.routes["/feed/"].body.replace(b"PLACEHOLDER", base.encode())
        site.routes["/feed/"].body = fixed
        yield site
    assert not site.over_budget, "the fetch made more requests than the site's budget"


def make_config(tmp_path: Path) -> Config:
    """A data directory and SQLite store under tmp_path."""
    return resolve(data_dir=tmp_path / "data", env={}, cwd=tmp_path)


def source_for(site: Site) -> Source:
    """HMICFRS as served by the fixture site (the production hosts become aliases)."""
    return SOURCES["hmicfrs"].with_base(site.base)


def run_fetch(
    site: Site, config: Config, settings: FetchSettings = FAST, **options: object
) -> tuple[FetchReport, list[float]]:
    """Fetch the source once; return the report and the sleeps the fetcher asked for."""
    sleeps: list[float] = []
    with Fetcher(settings, sleep=sleeps.append, clock=lambda: 0.0) as fetcher:
        report = fetch_source(source_for(site), config, fetcher, **options)  # type: ignore[arg-type]
    return report, sleeps


def downloads(config: Config) -> list[db.Download]:
    """Every manifest row, oldest first."""
    engine = open_store(config.db_url)
    with Session(engine) as session:
        rows = list(session.scalars(select(db.Download).order_by(db.Download.id)))
        session.expunge_all()
    engine.dispose()
    return rows


def page_urls(config: Config) -> set[str]:
    """Canonical URLs of the publication pages recorded as fully fetched."""
    engine = open_store(config.db_url)
    with Session(engine) as session:
        urls = set(session.scalars(select(db.WebPage.url).where(db.WebPage.kind == "publication")))
    engine.dispose()
    return urls


def raw_files(config: Config) -> list[str]:
    """Everything in data/raw (hidden temporary files included)."""
    raw = config.raw_dir
    return sorted(p.name for p in raw.iterdir()) if raw.exists() else []


# ---------------------------------------------------------------------------------------------
# Acceptance: first run, second run, re-published PDF
# ---------------------------------------------------------------------------------------------


def test_first_run_fetches_every_publication_once(
    site: Site, tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    config = make_config(tmp_path)
    report, sleeps = run_fetch(site, config)

    assert report.failures == []
    assert report.count("new") == 5
    assert report.count("duplicate") == 1  # committee-paper-copy.pdf: same bytes, one document
    for path in PDF_PATHS:
        assert site.count(path) == 1, path
    assert site.count(f"{UPLOADS}/business-plan.pdf") == 0  # site furniture, not the body
    assert site.count("/robots.txt") == 1
    assert len(site.hits) <= 20
    # the legacy host was mapped onto the canonical one; /hmicfrs/ paths were redirected
    assert site.count("/publications/pub-b/") == 1
    assert site.count(f"/hmicfrs{UPLOADS}/stalking.pdf") == 1
    # files named by sha256, nothing temporary left over
    import hashlib

    names = {hashlib.sha256(pdfs[n]).hexdigest() + ".pdf" for n in ("peel", "thematic",
             "stalking", "paper", "custody")}  # fmt: skip
    assert raw_files(config) == sorted(names)
    rows = downloads(config)
    assert len(rows) == 6
    peel = next(r for r in rows if r.canonical_url == f"{site.base}{UPLOADS}/peel-2024.pdf")
    assert (peel.title, peel.published, peel.publisher) == (PEEL.title, PEEL.published, "HMICFRS")
    assert peel.etag
    assert peel.last_modified
    assert peel.size == len(pdfs["peel"])
    assert (peel.status, peel.version, peel.needs_review, peel.method) == ("current", 1, False,
                                                                           "fetch")  # fmt: skip
    thematic = next(r for r in rows if r.url and r.url.startswith(LEGACY))
    assert thematic.canonical_url == f"{site.base}{UPLOADS}/digital-evidence.pdf"
    assert page_urls(config) == {
        f"{site.base}/publications/{slug}/"
        for slug in ("pub-a", "pub-b", "pub-c", "pub-d", "custody-old")
    }
    # polite: a pause before every request to the same host after the first
    assert sleeps == [FAST.delay] * (report.requests - 1)
    assert all(h.headers.get("user-agent") == "recwatch-test/1" for h in site.hits)


def test_second_run_makes_only_conditional_requests(site: Site, tmp_path: Path) -> None:
    config = make_config(tmp_path)
    run_fetch(site, config)
    before_rows, before_files = len(downloads(config)), raw_files(config)
    site.clear()

    report, _ = run_fetch(site, config)

    assert report.failures == []
    assert report.count("new") == report.count("changed") == report.count("duplicate") == 0
    assert report.count("unchanged") == 6
    hits = [h for h in site.hits if h.path != "/robots.txt"]
    assert hits, "the second run should re-check"
    assert all(h.conditional for h in hits), [h.path for h in hits if not h.conditional]
    assert {h.status for h in hits} <= {304, 301}
    assert "/publications/" not in site.paths()  # the feed said nothing changed
    assert len(downloads(config)) == before_rows
    assert raw_files(config) == before_files


def test_changed_pdf_becomes_a_new_version_flagged_for_review(
    site: Site, tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    config = make_config(tmp_path)
    run_fetch(site, config)
    add_pdf(site, f"{UPLOADS}/peel-2024.pdf", pdfs["peel_v2"])

    report, _ = run_fetch(site, config)

    changed = [f for f in report.files if f.status == "changed"]
    assert len(changed) == 1
    assert changed[0].version == 2
    rows = [
        r for r in downloads(config) if r.canonical_url == f"{site.base}{UPLOADS}/peel-2024.pdf"
    ]
    assert [(r.version, r.status, r.needs_review) for r in rows] == [
        (1, "superseded", False),
        (2, "current", True),
    ]
    assert rows[0].sha256 != rows[1].sha256
    assert changed[0].previous_sha256 == rows[0].sha256
    assert f"{rows[1].sha256}.pdf" in raw_files(config)


def test_feed_stops_discovery_at_known_publications(
    site: Site, tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    config = make_config(tmp_path)
    run_fetch(site, config)
    newer = Pub("pub-f", "Fire and rescue: Eastshire", date(2024, 7, 2), "Fire inspection",
                (f"{UPLOADS}/eastshire.pdf",))  # fmt: skip
    site.routes["/publications/pub-f/"] = Resource(publication_page(newer))
    add_pdf(site, f"{UPLOADS}/eastshire.pdf", pdfs["peel_v2"])
    site.routes["/feed/"] = Resource(
        feed(
            [
                (f"{site.base}/publications/pub-f/", newer.title, newer.published),
                (f"{LEGACY}/publications/pub-b/", THEMATIC.title, THEMATIC.published),
            ]
        ),
        "application/rss+xml",
    )
    site.clear()

    report, _ = run_fetch(site, config)

    assert [f.url for f in report.files if f.status == "new"] == [
        f"{site.base}{UPLOADS}/eastshire.pdf"
    ]
    assert "/publications/" not in site.paths()  # the feed reached a known publication


def test_listing_is_walked_when_there_is_no_feed(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    site = build_site(pdfs, with_feed=False)
    with serve(site):
        report, _ = run_fetch(site, make_config(tmp_path))
    assert report.failures == []
    assert report.count("new") == 5
    assert site.count("/feed/") == 1
    assert site.count("/publications/page/2/") == 1


def test_since_stops_the_listing_at_older_publications(
    pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    site = build_site(pdfs, with_feed=False)
    with serve(site):
        report, _ = run_fetch(site, make_config(tmp_path), since=date(2024, 3, 1))
    assert sorted(f.title or "" for f in report.files) == sorted([PEEL.title, THEMATIC.title])
    assert site.count("/publications/page/2/") == 0


def test_dry_run_lists_and_downloads_nothing(site: Site, tmp_path: Path) -> None:
    config = make_config(tmp_path)
    report, _ = run_fetch(site, config, dry_run=True)
    assert {p.page_url for p in report.planned} == {
        f"{site.base}/publications/{slug}/"
        for slug in ("pub-a", "pub-b", "pub-c", "pub-d", "custody-old")
    }
    assert not any(site.count(path) for path in PDF_PATHS)
    assert raw_files(config) == []
    assert downloads(config) == []


def test_direct_urls(site: Site, tmp_path: Path) -> None:
    config = make_config(tmp_path)
    sleeps: list[float] = []
    with Fetcher(FAST, sleep=sleeps.append) as fetcher:
        report = fetch_urls(
            [f"{site.base}{UPLOADS}/custody.pdf", f"{site.base}/publications/pub-a/"],
            config,
            fetcher,
            source=source_for(site),
        )
    assert report.failures == []
    assert [(f.status, f.title) for f in report.files] == [("new", None), ("new", PEEL.title)]


# ---------------------------------------------------------------------------------------------
# Faults: a clear message naming the URL and the fix; nothing partial left behind
# ---------------------------------------------------------------------------------------------

BROKEN = f"{UPLOADS}/broken.pdf"


def _fault_site(pdfs: dict[str, bytes], broken: Resource, href: str = BROKEN) -> Site:
    """A site whose one new publication links a good PDF and a faulty one."""
    site = build_site(pdfs, with_feed=False)
    pub = Pub("pub-z", "A faulty publication", date(2024, 8, 1), "Other",
              (f"{UPLOADS}/custody.pdf", href))  # fmt: skip
    site.routes["/publications/"] = Resource(listing_page([("/publications/pub-z/", pub)], None))
    site.routes["/publications/pub-z/"] = Resource(publication_page(pub))
    site.routes[href.split("?")[0]] = broken
    return site


HTML_ERROR = b"<!DOCTYPE html>\n<html><body><h1>Page not found</h1></body></html>"

FAULTS = {
    "html error page": (
        Resource(HTML_ERROR, "text/html; charset=UTF-8"),
        {},
        ['is not a PDF (starts with "<!DOCTYPE html>", content type text/html)', "error page"],
    ),
    "always 503": (
        Resource(b"", fail_times=99),
        {},
        ["answered 503 Service Unavailable 3 times", "try again later"],
    ),
    "slow": (
        Resource(b"%PDF-1.4 slow", "application/pdf", delay=1.5),
        {"timeout": 0.3, "retries": 1},
        ["timed out 2 times (0.3s limit", "raise --timeout"],
    ),
    "oversized (Content-Length)": (
        Resource(b"%PDF-1.4\n" + b"0" * 200_000, "application/pdf"),
        {"max_bytes": 100_000},
        ["the file is 195 KB, over the 97.7 KB cap", "raise --max-size"],
    ),
    "oversized (streamed)": (
        Resource(b"%PDF-1.4\n" + b"0" * 200_000, "application/pdf", send_length=False),
        {"max_bytes": 100_000},
        ["the file is over the 97.7 KB cap", "raise --max-size"],
    ),
    "not found": (
        Resource(b"gone", status=404),
        {},
        ["answered 404 Not Found", "the link is stale"],
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_names_url_and_fix_and_leaves_nothing_partial(
    fault: str, pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    broken, overrides, expected = FAULTS[fault]
    site = _fault_site(pdfs, broken)
    config = make_config(tmp_path)
    settings = dataclasses.replace(FAST, **overrides)  # type: ignore[arg-type]
    with serve(site):
        report, _ = run_fetch(site, config, settings)
        url = f"{site.base}{BROKEN}"
    assert len(report.failures) == 1
    message = report.failures[0]
    assert message.startswith(f"{url}: ")
    for part in expected:
        assert part in message
    # the good PDF is kept and recorded; the faulty one left no file and no row
    assert [f.status for f in report.files] == ["new"]
    assert [p for p in raw_files(config) if not p.endswith(".pdf") or p.startswith(".")] == []
    assert len(raw_files(config)) == 1
    assert [r.canonical_url for r in downloads(config)] == [f"{site.base}{UPLOADS}/custody.pdf"]
    # the publication is not marked as fetched, so the next run tries again
    assert f"{site.base}/publications/pub-z/" not in page_urls(config)
    assert site.count(BROKEN) <= 3


def test_robots_txt_is_respected(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    site = _fault_site(pdfs, Resource(pdfs["paper"], "application/pdf"), "/private/secret.pdf")
    config = make_config(tmp_path)
    with serve(site):
        report, _ = run_fetch(site, config)
    assert len(report.failures) == 1
    assert "/private/secret.pdf: " in report.failures[0]
    assert "robots.txt does not allow recwatch" in report.failures[0]
    assert "recwatch add" in report.failures[0]
    assert site.count("/private/secret.pdf") == 0


def test_503_then_success_honours_retry_after(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    busy = Resource(pdfs["paper"], "application/pdf", fail_times=1, retry_after="7")
    site = _fault_site(pdfs, busy)
    config = make_config(tmp_path)
    with serve(site):
        report, sleeps = run_fetch(site, config)
    assert report.failures == []
    assert site.count(BROKEN) == 2
    assert 7.0 in sleeps
    assert f"{site.base}/publications/pub-z/" in page_urls(config)


def test_503s_back_off_exponentially(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    busy = Resource(pdfs["paper"], "application/pdf", fail_times=2)
    site = _fault_site(pdfs, busy)
    config = make_config(tmp_path)
    with serve(site):
        report, sleeps = run_fetch(site, config)
    assert report.failures == []
    assert [s for s in sleeps if s in (0.5, 1.0)][-2:] == [0.5, 1.0]


def test_retries_are_said_without_verbose_and_every_request_is_counted(
    pdfs: dict[str, bytes], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    busy = Resource(pdfs["paper"], "application/pdf", fail_times=2)
    site = _fault_site(pdfs, busy)
    config = make_config(tmp_path)
    with serve(site), caplog.at_level("WARNING", logger="pipeline.acquire.fetch"):
        report, _ = run_fetch(site, config)
    url = f"{site.base}{BROKEN}"
    said = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert f"{url}: HTTP 503, retry 1 of 2 in 0.5 s" in said
    assert f"{url}: HTTP 503, retry 2 of 2 in 1 s" in said
    assert report.requests == len(site.paths(exclude_robots=False))


def test_timed_out_requests_are_counted(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    slow = Resource(b"%PDF-1.4 slow", "application/pdf", delay=1.5)
    site = _fault_site(pdfs, slow)
    config = make_config(tmp_path)
    with serve(site):
        report, _ = run_fetch(site, config, dataclasses.replace(FAST, timeout=0.3, retries=1))
    others = [path for path in site.paths(exclude_robots=False) if path != BROKEN]
    assert report.requests == len(others) + 2  # both timed-out attempts were really made
