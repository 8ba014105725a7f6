"""Where publications come from: each inspectorate's website described as data, not code.

HMICFRS and its sibling inspectorates (prisons, probation, CPS) run the same WordPress family of
sites, each on its own host and also under an older shared host. A `Source` says where the feed
and the publications listing are, which URLs are publication pages, and how a page states its
date and report type; `pipeline/acquire/pages.py` parses with these settings and
`pipeline/acquire/fetch.py` does the HTTP. Adding a sibling is adding a `Source` to `SOURCES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """Return a URL with lower-case scheme and host, no default port and no fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _prefix(url: str) -> str:
    """Normalise a base URL and make sure it ends with a slash."""
    url = normalise_url(url)
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True, slots=True)
class Source:
    """One inspectorate's website: locations, aliases and what its pages look like."""

    name: str
    publisher: str | None
    base_url: str  # the canonical site root, ending with "/"
    aliases: tuple[str, ...] = ()  # other URL prefixes that serve the same site
    feed_path: str = "feed/"
    listing_path: str = "publications/"
    # A publication page, as a regex on the path below base_url (listing pages excluded).
    publication_path: str = r"^publications/(?!page/)[^/?#]+/?$"
    published_label: str = r"Published(?:\s+on)?\s*:?"
    report_type_label: str = r"(?:Report|Publication)\s+type\s*:?"

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", _prefix(self.base_url))
        object.__setattr__(self, "aliases", tuple(_prefix(a) for a in self.aliases))

    @property
    def feed_url(self) -> str:
        """The WordPress feed probed before the listing."""
        return urljoin(self.base_url, self.feed_path)

    @property
    def listing_url(self) -> str:
        """The first page of the publications listing."""
        return urljoin(self.base_url, self.listing_path)

    def with_base(self, base_url: str | None) -> Source:
        """Return this source served from another root (the old root becomes an alias)."""
        if not base_url or _prefix(base_url) == self.base_url:
            return self
        return replace(self, base_url=base_url, aliases=(*self.aliases, self.base_url))

    def owns(self, url: str) -> bool:
        """True when the URL is on this source's site (any of its hosts)."""
        url = normalise_url(url)
        return any(url.startswith(p) for p in (self.base_url, *self.aliases))

    def canonical(self, url: str) -> str:
        """Map a URL on any alias host onto the canonical root; other URLs are only normalised."""
        url = normalise_url(url)
        for alias in self.aliases:
            if url.startswith(alias):
                return self.base_url + url[len(alias) :]
        return url

    def is_publication(self, url: str) -> bool:
        """True when the (canonicalised) URL is a publication page of this source."""
        url = self.canonical(url)
        if not url.startswith(self.base_url):
            return False
        return re.search(self.publication_path, url[len(self.base_url) :]) is not None


_SHARED_HOST = "https://www.justiceinspectorates.gov.uk/"

# The listing and publication paths below follow HMICFRS's site; the siblings share its theme.
SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(
            name="hmicfrs",
            publisher="HMICFRS",
            base_url="https://hmicfrs.justiceinspectorates.gov.uk/",
            aliases=(_SHARED_HOST + "hmicfrs/", "http://hmicfrs.justiceinspectorates.gov.uk/"),
        ),
        Source(
            name="hmiprisons",
            publisher="HM Inspectorate of Prisons",
            base_url="https://hmiprisons.justiceinspectorates.gov.uk/",
            aliases=(_SHARED_HOST + "hmiprisons/",),
        ),
        Source(
            name="hmiprobation",
            publisher="HM Inspectorate of Probation",
            base_url="https://hmiprobation.justiceinspectorates.gov.uk/",
            aliases=(_SHARED_HOST + "hmiprobation/",),
        ),
        Source(
            name="hmcpsi",
            publisher="HM Crown Prosecution Service Inspectorate",
            base_url="https://hmcpsi.justiceinspectorates.gov.uk/",
            aliases=(_SHARED_HOST + "hmcpsi/",),
        ),
    )
}

# For URLs that belong to no known source: generic parsing, no aliases, no publisher.
GENERIC = Source(name="web", publisher=None, base_url="https://example.invalid/")


def source_for(url: str, sources: dict[str, Source] | None = None) -> Source:
    """Return the source whose site holds the URL, or GENERIC."""
    for source in (sources or SOURCES).values():
        if source.owns(url):
            return source
    return GENERIC
