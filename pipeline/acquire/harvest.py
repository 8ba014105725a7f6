"""`recwatch fetch`: discover what a source has published and download the PDFs that are new.

Discovery probes the WordPress feed first; when the feed is missing, or every item in it is new,
it walks the publications listing page by page until it reaches publications already known (or
older than --since). Each new publication page gives its title, "Published on" date, report type
and PDF links. The PDFs of the most recent known publications are re-checked with conditional
requests, so a re-published report shows up as a new version flagged for review. All HTTP goes
through `pipeline.acquire.fetch.Fetcher`; all bookkeeping through `pipeline.acquire.manifest`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from sqlalchemy import Engine

from pipeline.acquire import manifest
from pipeline.acquire.fetch import Fetcher, FetchError
from pipeline.acquire.manifest import FetchedFile, FileFacts, KnownPage, PageFacts
from pipeline.acquire.pages import (
    Entry,
    Publication,
    looks_like_feed,
    parse_feed,
    parse_listing,
    parse_publication,
)
from pipeline.acquire.sources import Source, source_for
from pipeline.common.config import Config
from pipeline.common.progress import FetchProgress

logger = logging.getLogger(__name__)

RECHECK_RECENT = 20  # known publications whose PDFs each fetch re-checks (conditionally)
MAX_LISTING_PAGES = 500


@dataclass(frozen=True, slots=True)
class Planned:
    """What a dry run would download for one publication."""

    page_url: str | None
    title: str | None
    published: date | None
    pdfs: tuple[str, ...]


@dataclass
class FetchReport:
    """What a fetch did: files seen, failures (messages naming URL and fix), dry-run plans."""

    files: list[FetchedFile] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list)
    requests: int = 0

    def count(self, status: str) -> int:
        """Number of files with a status (new, changed, unchanged, duplicate)."""
        return sum(1 for f in self.files if f.status == status)


class _Harvest:
    """One fetch: a fetcher, the store and the report being built."""

    def __init__(
        self, config: Config, fetcher: Fetcher, engine: Engine, dry_run: bool, since: date | None
    ) -> None:
        self.config = config
        self.fetcher = fetcher
        self.engine = engine
        self.dry_run = dry_run
        self.since = since
        self.report = FetchReport()
        self._seen: dict[str, bool] = {}  # canonical PDF URL -> fetched fine

    def _fail(self, exc: FetchError) -> None:
        logger.info("failed: %s", exc)
        self.report.failures.append(str(exc))

    # -- discovery ------------------------------------------------------------------------

    def _wanted(self, entry: Entry, known: dict[str, KnownPage]) -> bool:
        """A listed publication not fetched before and not older than --since."""
        since, published = self.since, entry.published
        return entry.url not in known and not (since and published and published < since)

    def discover(
        self, source: Source, known: dict[str, KnownPage]
    ) -> tuple[list[str], list[PageFacts]]:
        """New publication page URLs, and the feed/listing validators to keep if all goes well."""
        found: dict[str, None] = {}
        pages: list[PageFacts] = []
        feed_known = known.get(source.feed_url)
        try:
            feed = self.fetcher.get_page(
                source.feed_url, feed_known.validators if feed_known else None
            )
        except FetchError as exc:
            logger.info("no feed (%s); reading the listing", exc)
            feed = None
        if feed is not None and feed.not_modified:
            logger.info("%s has not changed: nothing new published", source.feed_url)
            return [], []
        if feed is not None and looks_like_feed(feed.text):
            entries = parse_feed(feed.text, source)
            pages.append(PageFacts(source.feed_url, "feed", source.name, feed.validators))
            fresh = [e for e in entries if self._wanted(e, known)]
            found.update(dict.fromkeys(e.url for e in fresh))
            if entries and len(fresh) < len(entries):
                return list(found), pages
        url: str | None = source.listing_url
        visited: set[str] = set()
        while url and url not in visited and len(visited) < MAX_LISTING_PAGES:
            first = not visited
            visited.add(url)
            before = known.get(url) if first else None
            try:
                page = self.fetcher.get_page(url, before.validators if before else None)
            except FetchError as exc:
                self._fail(exc)
                break
            if page.not_modified:
                break
            listing = parse_listing(page.text, page.final_url, source)
            if first:
                pages.append(
                    PageFacts(source.canonical(url), "listing", source.name, page.validators)
                )
            fresh = [e for e in listing.entries if self._wanted(e, known)]
            found.update(dict.fromkeys(e.url for e in fresh))
            if not listing.entries or len(fresh) < len(listing.entries):
                break
            url = listing.next_url and source.canonical(listing.next_url)
        return list(found), pages

    # -- publications and PDFs ------------------------------------------------------------

    def publication(self, url: str, source: Source, known: KnownPage | None) -> None:
        """Read one publication page (conditionally when known) and fetch its PDFs."""
        try:
            page = self.fetcher.get_page(url, known.validators if known else None)
        except FetchError as exc:
            self._fail(exc)
            return
        if "pdf" in page.content_type.lower():
            self.pdf(url, source, None)
            return
        if page.not_modified and known is not None:
            pub = Publication(url, known.title, known.published, None, ())
            links = manifest.pdf_links(self.engine, url)
        else:
            pub = parse_publication(page.text, page.final_url, source)
            links = list(pub.pdfs)
        if self.since and pub.published and pub.published < self.since:
            return
        if self.dry_run:
            self.report.planned.append(Planned(url, pub.title, pub.published, tuple(links)))
            return
        if not links:
            logger.warning("%s links to no PDF", url)
        ok = [self.pdf(link, source, pub, page_url=url) for link in links]
        if all(ok) and not page.not_modified:
            facts = PageFacts(
                source.canonical(url),
                "publication",
                source.name,
                page.validators,
                pub.title,
                pub.published,
                pub.report_type,
            )
            manifest.save_pages(self.engine, [facts])

    def pdf(
        self, link: str, source: Source, pub: Publication | None, page_url: str | None = None
    ) -> bool:
        """Download one PDF (conditionally when known) and record it; False when it failed."""
        canonical = source.canonical(link)
        if canonical in self._seen:
            return self._seen[canonical]
        if self.dry_run:
            self.report.planned.append(Planned(None, None, None, (canonical,)))
            return True
        current = manifest.current_download(self.engine, canonical, link)
        try:
            fetched = self.fetcher.download(
                canonical, self.config.raw_dir, current.validators if current else None
            )
        except FetchError as exc:
            self._fail(exc)
            self._seen[canonical] = False
            return False
        self._seen[canonical] = True
        if fetched.not_modified or fetched.path is None or fetched.sha256 is None:
            if current is not None:
                self.report.files.append(
                    FetchedFile(
                        canonical,
                        current.sha256,
                        self.config.raw_dir / f"{current.sha256}.pdf",
                        "unchanged",
                        current.version,
                        page_url=page_url,
                    )
                )
            return True
        facts = FileFacts(
            sha256=fetched.sha256,
            path=fetched.path,
            size=fetched.size,
            url=link,
            canonical_url=source.canonical(fetched.final_url),
            page_url=page_url,
            source=source.name if source.publisher else None,
            title=pub.title if pub else None,
            published=pub.published if pub else None,
            publisher=source.publisher,
            content_type=fetched.content_type,
            validators=fetched.validators,
        )
        recorded = manifest.record_file(self.engine, facts, self.config.data_dir)
        self.report.files.append(recorded)
        if recorded.status == "changed":
            logger.info(
                "%s was re-published (version %d); flagged for review", canonical, recorded.version
            )
        return True


def fetch_source(
    source: Source,
    config: Config,
    fetcher: Fetcher,
    *,
    since: date | None = None,
    dry_run: bool = False,
    recheck: int = RECHECK_RECENT,
    progress: FetchProgress | None = None,
) -> FetchReport:
    """Discover a source's new publications, download their PDFs and re-check recent ones."""
    from models.store import open_store

    engine = open_store(config.db_url)
    try:
        harvest = _Harvest(config, fetcher, engine, dry_run, since)
        known = manifest.known_pages(engine, source.name)
        new, discovery = harvest.discover(source, known)
        recent = [] if dry_run else manifest.recent_publications(engine, source.name, recheck)
        todo = list(dict.fromkeys([*new, *recent]))
        for done, url in enumerate(todo, start=1):
            harvest.publication(url, source, known.get(url))
            if progress is not None:
                progress(done, len(todo), url)
        if not dry_run and not harvest.report.failures:
            manifest.save_pages(engine, discovery)
        harvest.report.requests = fetcher.requests
        return harvest.report
    finally:
        engine.dispose()


def fetch_urls(
    urls: Iterable[str],
    config: Config,
    fetcher: Fetcher,
    *,
    source: Source | None = None,
    dry_run: bool = False,
    progress: FetchProgress | None = None,
) -> FetchReport:
    """Fetch PDF URLs and publication-page URLs given directly."""
    from models.store import open_store

    engine = open_store(config.db_url)
    try:
        harvest = _Harvest(config, fetcher, engine, dry_run, None)
        todo = list(urls)
        for done, url in enumerate(todo, start=1):
            chosen = source or source_for(url)
            if urlsplit(url).path.lower().endswith(".pdf"):
                harvest.pdf(url, chosen, None)
            else:
                canonical = chosen.canonical(url)
                known = manifest.known_pages(engine, chosen.name).get(canonical)
                harvest.publication(canonical, chosen, known)
            if progress is not None:
                progress(done, len(todo), url)
        harvest.report.requests = fetcher.requests
        return harvest.report
    finally:
        engine.dispose()
