"""Read publication facts out of an inspectorate's HTML and RSS (text in, records out; no HTTP).

Three page shapes, as the WordPress sites serve them: the feed (`/feed/`, RSS items with a link,
title and pubDate), the publications listing (links to publication pages, a date per entry and a
"next" link), and a publication page (title, "Published on" date, report type where shown and
the PDF links in the page body, never built from a URL pattern). Parsing uses the standard
library's `html.parser`; a `Source` supplies the labels and which URLs are publications.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from pipeline.acquire.sources import Source, normalise_url

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th"}
    | {"dt", "dd", "dl", "article", "section", "header", "footer", "main", "nav", "aside"}
    | {"table", "figure", "figcaption", "time", "span"}
)
_SKIP = frozenset({"script", "style", "noscript", "template"})
_CHROME = frozenset({"nav", "header", "footer", "aside"})
_BODY_TAGS = frozenset({"main", "article"})
_BODY_CLASSES = ("entry-content", "post-content", "page-content", "main-content", "site-main")
_ENTRY_TAGS = frozenset({"article", "li"})

_DATE = (
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4}"
    r"|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}"
)
_DATE_RE = re.compile(_DATE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y")
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]+$")


def parse_date(text: str) -> date | None:
    """Parse a date as these sites print it ("12 June 2024", "2024-06-12", "12/06/2024")."""
    text = " ".join(_ORDINAL.sub("", text).split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink with where it sits on the page."""

    href: str  # absolute, normalised
    text: str
    in_body: bool
    in_chrome: bool
    rel: tuple[str, ...]
    classes: tuple[str, ...]
    entry: int | None  # the innermost <article>/<li> holding it


@dataclass(frozen=True, slots=True)
class _Open:
    """An open element and the facts its descendants inherit."""

    tag: str
    body: bool
    chrome: bool
    entry: int | None
    skip: bool


@dataclass
class _Collector(HTMLParser):
    """Collect links, visible text (per entry too), headings and the <title>."""

    base: str
    links: list[Link] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    entry_text: dict[int, list[str]] = field(default_factory=dict)
    h1: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    head_next: str | None = None
    _stack: list[_Open] = field(default_factory=list)
    _anchor: dict[str, str] | None = None
    _anchor_text: list[str] = field(default_factory=list)
    _entries: int = 0

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def _top(self) -> _Open:
        return self._stack[-1] if self._stack else _Open("", False, False, None, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track nesting, links and block boundaries."""
        values = {k: v or "" for k, v in attrs}
        classes = tuple(values.get("class", "").split())
        rel = tuple(values.get("rel", "").lower().split())
        if tag == "base" and values.get("href"):
            self.base = urljoin(self.base, values["href"])
        if tag == "link" and "next" in rel and values.get("href"):
            self.head_next = normalise_url(urljoin(self.base, values["href"]))
        if tag in _BLOCK:
            self._emit("\n")
        if tag in _VOID:
            return
        parent = self._top()
        entry = parent.entry
        if tag in _ENTRY_TAGS:
            self._entries += 1
            entry = self._entries
        body = (
            parent.body
            or tag in _BODY_TAGS
            or any(c in _BODY_CLASSES for c in classes)
            or values.get("role") == "main"
        )
        chrome = parent.chrome or (tag in _CHROME and not parent.body)
        self._stack.append(_Open(tag, body, chrome, entry, parent.skip or tag in _SKIP))
        if tag == "a":
            self._anchor = {**values, "_class": " ".join(classes), "_rel": " ".join(rel)}
            self._anchor_text = []

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and any unclosed children)."""
        if tag == "a" and self._anchor is not None:
            self._close_anchor()
        if tag in _BLOCK:
            self._emit("\n")
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        """Record visible text."""
        top = self._top()
        if top.skip:
            return
        if top.tag == "title":
            self.title.append(data)
            return
        if any(o.tag == "h1" for o in self._stack):
            self.h1.append(data)
        if self._anchor is not None:
            self._anchor_text.append(data)
        self._emit(data)

    def _emit(self, data: str) -> None:
        self.text.append(data)
        entry = self._top().entry
        if entry is not None:
            self.entry_text.setdefault(entry, []).append(data)

    def _close_anchor(self) -> None:
        anchor, self._anchor = self._anchor or {}, None
        href = anchor.get("href", "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            return
        top = self._top()
        self.links.append(
            Link(
                href=normalise_url(urljoin(self.base, href)),
                text=" ".join("".join(self._anchor_text).split()),
                in_body=top.body,
                in_chrome=top.chrome,
                rel=tuple(anchor["_rel"].split()),
                classes=tuple(anchor["_class"].split()),
                entry=top.entry,
            )
        )

    def page_text(self) -> str:
        """The visible text with one line per block."""
        return _lines("".join(self.text))

    def text_of(self, entry: int | None) -> str:
        """The visible text of one listing entry."""
        return _lines("".join(self.entry_text.get(entry, []))) if entry is not None else ""


def _lines(text: str) -> str:
    """Collapse spaces within lines and drop empty lines."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _collect(html: str, url: str) -> _Collector:
    collector = _Collector(base=url)
    collector.feed(html)
    collector.close()
    return collector


def _labelled_date(text: str, label: str) -> date | None:
    """The first date printed after the label (on the same or the next line)."""
    match = re.search(rf"{label}\s*({_DATE})", text)
    return parse_date(match.group(1)) if match else None


def _is_pdf(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


@dataclass(frozen=True, slots=True)
class Publication:
    """A publication page: what it says about the report and the PDFs it links to."""

    url: str  # canonical page URL
    title: str | None
    published: date | None
    report_type: str | None
    pdfs: tuple[str, ...]  # absolute URLs as linked (not yet canonicalised)


def parse_publication(html: str, url: str, source: Source) -> Publication:
    """Read a publication page's title, "Published on" date, report type and body PDF links."""
    page = _collect(html, url)
    text = page.page_text()
    title = " ".join("".join(page.h1).split()) or None
    if title is None:
        head = " ".join("".join(page.title).split())
        title = _TITLE_SUFFIX.sub("", head) or None
    kind = re.search(rf"{source.report_type_label}[ \t]*\n?[ \t]*([^\n]+)", text)
    links = [link for link in page.links if _is_pdf(link.href)]
    body = [link for link in links if link.in_body]
    chosen = body or [link for link in links if not link.in_chrome]
    return Publication(
        url=source.canonical(url),
        title=title,
        published=_labelled_date(text, source.published_label),
        report_type=kind.group(1).strip()[:120] if kind else None,
        pdfs=tuple(dict.fromkeys(link.href for link in chosen)),
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One publication as a listing or feed shows it."""

    url: str  # canonical page URL
    title: str | None
    published: date | None


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of the publications listing."""

    entries: tuple[Entry, ...]
    next_url: str | None


def parse_listing(html: str, url: str, source: Source) -> Listing:
    """Read the publication links of one listing page, a date per entry, and the next page."""
    page = _collect(html, url)
    entries: dict[str, Entry] = {}
    for link in page.links:
        if link.in_chrome or not source.is_publication(link.href):
            continue
        canonical = source.canonical(link.href)
        if canonical in entries:
            continue
        text = page.text_of(link.entry)
        published = _labelled_date(text, source.published_label)
        if published is None and (found := _DATE_RE.search(text)):
            published = parse_date(found.group(0))
        entries[canonical] = Entry(canonical, link.text or None, published)
    following = [
        link.href
        for link in page.links
        if "next" in link.rel or "next" in link.classes or link.text.lower().startswith("next")
    ]
    next_url = following[0] if following else page.head_next
    return Listing(tuple(entries.values()), next_url)


@dataclass
class _FeedCollector(HTMLParser):
    """Collect <item> link, title and pubDate from RSS (HTMLParser tolerates any markup)."""

    items: list[dict[str, str]] = field(default_factory=list)
    _item: dict[str, str] | None = None
    _field: str | None = None

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an item or one of its fields."""
        if tag == "item":
            self._item = {}
        elif self._item is not None and tag in ("link", "title", "pubdate", "guid"):
            self._field = tag

    def handle_endtag(self, tag: str) -> None:
        """Close an item or field."""
        if tag == "item" and self._item is not None:
            self.items.append(self._item)
            self._item = None
        self._field = None

    def handle_data(self, data: str) -> None:
        """Add text to the open field."""
        if self._item is not None and self._field:
            self._item[self._field] = self._item.get(self._field, "") + data

    def unknown_decl(self, data: str) -> None:
        """CDATA sections carry titles in WordPress feeds."""
        if data.startswith("CDATA["):
            self.handle_data(data[len("CDATA[") :])


def parse_feed(xml: str, source: Source) -> list[Entry]:
    """Read the publication pages an RSS feed announces (other posts are left out)."""
    collector = _FeedCollector()
    collector.feed(xml)
    collector.close()
    entries: dict[str, Entry] = {}
    for item in collector.items:
        link = (item.get("link") or item.get("guid") or "").strip()
        if not link or not source.is_publication(link):
            continue
        published = None
        if item.get("pubdate"):
            try:
                published = parsedate_to_datetime(item["pubdate"].strip()).date()
            except (TypeError, ValueError):
                published = None
        title = " ".join(item.get("title", "").split()) or None
        canonical = source.canonical(link)
        entries.setdefault(canonical, Entry(canonical, title, published))
    return list(entries.values())


def looks_like_feed(text: str) -> bool:
    """True when a response body is an RSS or Atom document."""
    head = text.lstrip()[:500].lower()
    return "<rss" in head or "<feed" in head or ("<?xml" in head and "<channel" in text[:2000])
