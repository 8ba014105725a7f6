"""A local stand-in for the HMICFRS WordPress site, served on 127.0.0.1 for the fetch tests.

The HTML follows the live site's shape in our own words: a `/feed/` RSS with the latest
publications (and a news post to ignore), a paginated `/publications/` listing with a date per
entry, publication pages with a "Published on" line, a report type and PDF links in the entry
body (plus a PDF in the site furniture that must not be fetched), and both hosts: links written
with the older `www.justiceinspectorates.gov.uk/hmicfrs/` host (an alias the source maps onto the
canonical root) and `/hmicfrs/...` paths that redirect to the canonical ones. Each resource has an
ETag and Last-Modified and answers 304 to a matching conditional request. Faults are switched on
per resource. The server logs every request, refuses to serve more than `max_requests`, and
shuts itself down after `lifetime` seconds even if a test forgets to.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

LEGACY = "https://www.justiceinspectorates.gov.uk/hmicfrs"
LAST_MODIFIED = "Wed, 12 Jun 2024 09:00:00 GMT"


@dataclass
class Resource:
    """One URL path's response, and the faults it should show."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # a redirect target (301)
    fail_times: int = 0  # answer 503 this many times first
    retry_after: str | None = None  # with the 503s
    delay: float = 0.0  # seconds to wait before answering
    send_length: bool = True  # False: no Content-Length, body ends when the connection closes
    conditional: bool = True  # False: ignore If-None-Match / If-Modified-Since

    @property
    def etag(self) -> str:
        """A strong validator derived from the body."""
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Hit:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    status: int

    @property
    def conditional(self) -> bool:
        """True when the request carried a validator."""
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@dataclass
class Site:
    """The routes of the fixture site and the log of what was asked of it."""

    routes: dict[str, Resource] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    max_requests: int = 400
    over_budget: bool = False
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self, *, exclude_robots: bool = True) -> list[str]:
        """Paths requested, in order."""
        return [h.path for h in self.hits if not (exclude_robots and h.path == "/robots.txt")]

    def count(self, path: str) -> int:
        """How many times a path was requested."""
        return sum(1 for h in self.hits if h.path == path)

    def clear(self) -> None:
        """Forget the request log (between runs of a test)."""
        with self.lock:
            self.hits.clear()


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Serve a route, honouring its faults and conditional requests."""
        site = self.site
        path = urlsplit(self.path).path
        headers = {k.lower(): v for k, v in self.headers.items()}
        with site.lock:
            if len(site.hits) >= site.max_requests:
                site.over_budget = True
                resource: Resource | None = Resource(b"request budget exceeded", status=503)
            else:
                resource = site.routes.get(path)
        status = self._answer(resource, headers)
        with site.lock:
            site.hits.append(Hit(path, headers, status))

    def _answer(self, resource: Resource | None, headers: dict[str, str]) -> int:
        if resource is None:
            return self._send(404, b"<!DOCTYPE html><title>Not found</title>", "text/html")
        if resource.delay:
            time.sleep(resource.delay)
        if resource.location is not None:
            self.send_response(301)
            self.send_header("Location", resource.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 301
        if resource.fail_times > 0:
            resource.fail_times -= 1
            extra = {"Retry-After": resource.retry_after} if resource.retry_after else {}
            return self._send(503, b"<!DOCTYPE html><h1>Busy</h1>", "text/html", extra)
        if resource.status != 200:
            return self._send(resource.status, resource.body, resource.content_type)
        validators = {"ETag": resource.etag, "Last-Modified": LAST_MODIFIED}
        if resource.conditional and headers.get("if-none-match") == resource.etag:
            self.send_response(304)
            for key, value in validators.items():
                self.send_header(key, value)
            self.end_headers()
            return 304
        return self._send(200, resource.body, resource.content_type, validators, resource)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        extra: dict[str, str] | None = None,
        resource: Resource | None = None,
    ) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if resource is None or resource.send_length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        # the client may have given up (a timeout or size-cap test)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)
        return status


@contextmanager
def serve(site: Site, lifetime: float = 120.0) -> Iterator[str]:
    """Serve the site on 127.0.0.1 (a free port); yield its base URL; always shut down."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    watchdog = threading.Timer(lifetime, server.shutdown)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield site.base
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ---------------------------------------------------------------------------------------------
# Pages in the shape of the HMICFRS WordPress theme
# ---------------------------------------------------------------------------------------------

CHROME_TOP = """<header class="site-header"><nav class="main-nav">
<a href="/">Home</a> <a href="/publications/">Publications</a>
<a href="/wp-content/uploads/business-plan.pdf">Our business plan (PDF)</a></nav></header>"""
CHROME_BOTTOM = """<footer class="site-footer"><a href="/wp-content/uploads/accessibility.pdf">
Accessibility statement</a> <a href="/privacy/">Privacy</a></footer>"""


def _page(title: str, main: str) -> bytes:
    html = (
        f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{title} - HMICFRS</title></head><body>{CHROME_TOP}"
        f"<main id='main' class='site-main'>{main}</main>{CHROME_BOTTOM}</body></html>"
    )
    return html.encode()


@dataclass(frozen=True)
class Pub:
    """A publication of the fixture site."""

    slug: str
    title: str
    published: date
    report_type: str
    pdfs: tuple[str, ...]  # hrefs exactly as the page writes them


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def publication_page(pub: Pub) -> bytes:
    """A publication page: title, "Published on", report type, PDF links in the body."""
    links = "".join(
        f'<li><a class="download" href="{href}">Download: {pub.title} (PDF)</a></li>'
        for href in pub.pdfs
    )
    main = (
        f"<article class='publication type-publication'><header class='entry-header'>"
        f"<h1 class='entry-title'>{pub.title}</h1></header>"
        f"<div class='entry-meta'><p>Published on: <time>{_day(pub.published)}</time></p>"
        f"<p>Report type:</p><p>{pub.report_type}</p></div>"
        f"<div class='entry-content'><p>This report sets out what we found.</p>"
        f"<ul class='downloads'>{links}</ul></div></article>"
    )
    return _page(pub.title, main)


def listing_page(entries: list[tuple[str, Pub]], next_href: str | None) -> bytes:
    """A listing page: an <article> per publication (link, date, type) and pagination."""
    cards = "".join(
        f"<article class='publication-card'><h2><a href='{href}'>{pub.title}</a></h2>"
        f"<p class='meta'>Published on {_day(pub.published)} | {pub.report_type}</p></article>"
        for href, pub in entries
    )
    nav = (
        f"<nav class='pagination'><a class='next page-numbers' href='{next_href}'>Next</a></nav>"
        if next_href
        else ""
    )
    return _page("Publications", f"<h1>Publications</h1>{cards}{nav}")


def feed(items: list[tuple[str, str, date]]) -> bytes:
    """A WordPress RSS feed: (link, title, date) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>{d:%a, %d %b %Y} 09:00:00 +0000</pubDate></item>"
        for link, title, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>HMICFRS</title><link>/</link>{entries}</channel></rss>"
    ).encode()


def add_pdf(site: Site, path: str, pdf: Path | bytes) -> None:
    """Serve PDF bytes at a path."""
    body = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    site.routes[path] = Resource(body, "application/pdf")


# ---------------------------------------------------------------------------------------------
# The standard fixture site
# ---------------------------------------------------------------------------------------------

UPLOADS = "/wp-content/uploads"

PEEL = Pub("pub-a", "PEEL 2023 to 2025: Northmoor Police", date(2024, 3, 8), "PEEL inspection",
           (f"{UPLOADS}/peel-2024.pdf",))  # fmt: skip
THEMATIC = Pub("pub-b", "Digital by default?", date(2024, 6, 12), "Thematic inspection",
               (f"{LEGACY}{UPLOADS}/digital-evidence.pdf",))  # fmt: skip
STALKING = Pub("pub-c", "Online stalking super-complaint", date(2023, 11, 14), "Super-complaint",
               (f"/hmicfrs{UPLOADS}/stalking.pdf",))  # fmt: skip
PAPER = Pub("pub-d", "Inspection reports update", date(2024, 1, 16), "Other",
            (f"{UPLOADS}/committee-paper.pdf", f"{UPLOADS}/committee-paper-copy.pdf"))  # fmt: skip
CUSTODY = Pub("pub-e", "Custody inspection: Northmoor", date(2023, 12, 5), "Custody inspection",
              (f"{UPLOADS}/custody.pdf",))  # fmt: skip
PUBS = (PEEL, THEMATIC, STALKING, PAPER, CUSTODY)
PDF_PATHS = (
    f"{UPLOADS}/peel-2024.pdf",
    f"{UPLOADS}/digital-evidence.pdf",
    f"{UPLOADS}/stalking.pdf",
    f"{UPLOADS}/committee-paper.pdf",
    f"{UPLOADS}/committee-paper-copy.pdf",
    f"{UPLOADS}/custody.pdf",
)


def build_pdfs(out: Path) -> dict[str, bytes]:
    """The fixture reports as PDF bytes; `stalking` states no publication date, `peel_v2` is
    the PEEL report re-published with another date (so its relative deadlines change)."""
    from fixtures.builder import build_report
    from fixtures.reports import FIXTURES

    reports = {
        "peel": FIXTURES["peel_force_report"](),
        "thematic": FIXTURES["national_thematic_report"](),
        "stalking": dataclasses.replace(FIXTURES["super_complaint_report"](), published=None),
        "paper": FIXTURES["negative_control_report"](),
        "custody": FIXTURES["custody_inspection_report"](),
    }
    reports["peel_v2"] = dataclasses.replace(reports["peel"], published=date(2024, 4, 19))
    return {
        name: build_report(r, out / f"{name}.pdf").path.read_bytes() for name, r in reports.items()
    }


def build_site(pdfs: dict[str, bytes], *, with_feed: bool = True) -> Site:
    """The fixture site: feed, two listing pages, five publications, six PDF links."""
    site = Site()
    site.routes["/robots.txt"] = Resource(
        b"User-agent: *\nDisallow: /private/\n", "text/plain; charset=utf-8"
    )
    if with_feed:
        site.routes["/feed/"] = Resource(
            feed(
                [
                    (f"{LEGACY}/publications/pub-b/", THEMATIC.title, THEMATIC.published),
                    ("/news/chief-inspector-speech/", "A speech", date(2024, 5, 1)),
                    ("PLACEHOLDER/publications/pub-a/", PEEL.title, PEEL.published),
                ]
            ),
            "application/rss+xml; charset=UTF-8",
        )
    site.routes["/publications/"] = Resource(
        listing_page(
            [
                (f"{LEGACY}/publications/pub-b/", THEMATIC),
                ("/publications/pub-a/", PEEL),
                ("/publications/pub-d/", PAPER),
            ],
            "/publications/page/2/",
        )
    )
    site.routes["/publications/page/2/"] = Resource(
        listing_page(
            [("/publications/custody-old/", CUSTODY), ("/publications/pub-c/", STALKING)], None
        )
    )
    site.routes["/publications/custody-old/"] = Resource(location="/publications/pub-e/")
    for pub in PUBS:
        site.routes[f"/publications/{pub.slug}/"] = Resource(publication_page(pub))
    add_pdf(site, f"{UPLOADS}/peel-2024.pdf", pdfs["peel"])
    add_pdf(site, f"{UPLOADS}/digital-evidence.pdf", pdfs["thematic"])
    add_pdf(site, f"{UPLOADS}/stalking.pdf", pdfs["stalking"])
    site.routes[f"/hmicfrs{UPLOADS}/stalking.pdf"] = Resource(location=f"{UPLOADS}/stalking.pdf")
    add_pdf(site, f"{UPLOADS}/committee-paper.pdf", pdfs["paper"])
    add_pdf(site, f"{UPLOADS}/committee-paper-copy.pdf", pdfs["paper"])
    add_pdf(site, f"{UPLOADS}/custody.pdf", pdfs["custody"])
    add_pdf(site, f"{UPLOADS}/business-plan.pdf", pdfs["paper"])
    return site
