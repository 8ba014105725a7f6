"""Parsing the inspectorates' pages and mapping their hosts (no HTTP involved)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline.acquire.fetch import _retry_after
from pipeline.acquire.pages import parse_date, parse_feed, parse_listing, parse_publication
from pipeline.acquire.sources import SOURCES, Source, source_for

HMICFRS = SOURCES["hmicfrs"]

PAGE = """<!DOCTYPE html><html><head><title>Fallback title - HMICFRS</title></head><body>
<header><nav><a href="/wp-content/uploads/plan.pdf">Business plan</a></nav></header>
<main><article><header class="entry-header"><h1>An inspection of <em>custody</em></h1></header>
<p>Published on: 5th December 2023</p><p>Report type:</p><p>Custody inspection</p>
<div class="entry-content"><a href="https://www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/c.pdf">Report</a>
<a href="/wp-content/uploads/c-easy-read.PDF">Easy read</a><a href="/data.ods">Data</a></div>
</article></main><footer><a href="/wp-content/uploads/accessibility.pdf">A11y</a></footer>
</body></html>"""


def test_publication_page_facts_and_body_pdfs_only() -> None:
    url = "https://hmicfrs.justiceinspectorates.gov.uk/publications/custody/"
    pub = parse_publication(PAGE, url, HMICFRS)
    assert pub.title == "An inspection of custody"
    assert pub.published == date(2023, 12, 5)
    assert pub.report_type == "Custody inspection"
    assert pub.pdfs == (
        "https://www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/c.pdf",
        "https://hmicfrs.justiceinspectorates.gov.uk/wp-content/uploads/c-easy-read.PDF",
    )


def test_listing_entries_dates_and_next_page() -> None:
    html = """<main><article><a href="/publications/a/">A</a><p>1 May 2024</p></article>
    <article><p>Published on 2 April 2024</p><a href="/publications/b/">B</a></article>
    <article><a href="/news/n/">News</a></article>
    <a class="next page-numbers" href="/publications/page/2/">Next</a></main>"""
    listing = parse_listing(
        html, "https://hmicfrs.justiceinspectorates.gov.uk/publications/", HMICFRS
    )
    assert [(e.url.rsplit("/", 2)[-2], e.published) for e in listing.entries] == [
        ("a", date(2024, 5, 1)),
        ("b", date(2024, 4, 2)),
    ]
    assert listing.next_url == "https://hmicfrs.justiceinspectorates.gov.uk/publications/page/2/"


def test_feed_keeps_publications_only() -> None:
    xml = """<?xml version="1.0"?><rss><channel><item><title>Speech</title>
    <link>https://hmicfrs.justiceinspectorates.gov.uk/news/speech/</link></item>
    <item><title>PEEL &#8211; Northmoor</title>
    <link>https://www.justiceinspectorates.gov.uk/hmicfrs/publications/peel-northmoor/</link>
    <pubDate>Fri, 08 Mar 2024 10:00:00 +0000</pubDate></item></channel></rss>"""
    [entry] = parse_feed(xml, HMICFRS)
    assert entry.url == "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-northmoor/"
    assert (entry.title, entry.published) == ("PEEL – Northmoor", date(2024, 3, 8))


def test_hosts_are_aliases_and_base_url_moves_the_site() -> None:
    old = "HTTPS://WWW.justiceinspectorates.gov.uk/hmicfrs/publications/x/#top"
    assert HMICFRS.canonical(old) == "https://hmicfrs.justiceinspectorates.gov.uk/publications/x/"
    local = HMICFRS.with_base("http://127.0.0.1:8000")
    assert local.canonical(old) == "http://127.0.0.1:8000/publications/x/"
    assert local.is_publication("https://hmicfrs.justiceinspectorates.gov.uk/publications/x/")
    assert not local.is_publication("http://127.0.0.1:8000/publications/page/2/")


def test_siblings_are_data() -> None:
    assert {"hmicfrs", "hmiprisons", "hmiprobation", "hmcpsi"} <= set(SOURCES)
    assert all(isinstance(s, Source) for s in SOURCES.values())
    url = "https://www.justiceinspectorates.gov.uk/hmiprisons/publications/x/"
    assert source_for(url).name == "hmiprisons"
    assert source_for("https://example.org/report.pdf").publisher is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12 June 2024", date(2024, 6, 12)), ("2024-06-12", date(2024, 6, 12)),
     ("12/06/2024", date(2024, 6, 12)), ("June 12, 2024", date(2024, 6, 12)), ("soon", None)],
)  # fmt: skip
def test_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2024, 6, 12, 9, 0, tzinfo=UTC)
    assert _retry_after("120", now) == 120.0
    assert _retry_after("Wed, 12 Jun 2024 09:00:30 GMT", now) == 30.0
    assert _retry_after("whenever", now) is None
