"""The only module that talks HTTP: polite, conditional, retried GETs and safe PDF downloads.

`Fetcher` wraps one httpx client. Every request names recwatch in its User-Agent, asks the
host's robots.txt first (every redirect hop too), keeps a polite delay between requests to one
host (longer when robots.txt sets a Crawl-delay), sends If-None-Match / If-Modified-Since when
validators are known, and retries timeouts, connection errors, 429 and 5xx with exponential
backoff, honouring Retry-After. A PDF streams into a temporary file beside its destination,
is checked (size cap, `%PDF-` magic) and renamed atomically to `<raw>/<sha256>.pdf`; a failure
leaves nothing behind. The sleep and clock functions are injectable so tests run fast.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from pipeline.common.errors import PipelineError
from pipeline.common.files import staged
from pipeline.common.provenance import tool_version

if TYPE_CHECKING:
    from urllib.robotparser import RobotFileParser  # brings urllib.request, http and ssl

    import httpx

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_REDIRECTS = 10
MAX_PAGE_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
_PDF_TYPES = ("application/pdf", "application/x-pdf", "application/octet-stream", "binary/")


def default_user_agent() -> str:
    """The User-Agent recwatch sends: who we are and what we do with the files."""
    return (
        f"recwatch/{tool_version()} (builds a register of recommendations from published "
        "inspection reports; fetches politely and respects robots.txt)"
    )


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and patiently to fetch."""

    timeout: float = 30.0  # seconds per connect / read
    retries: int = 4  # extra attempts after the first
    backoff: float = 2.0  # first retry wait in seconds; doubles each attempt
    max_wait: float = 300.0  # the longest Retry-After honoured
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 200 * 1024 * 1024  # size cap of one PDF
    user_agent: str = field(default_factory=default_user_agent)
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies a response's version (ETag, Last-Modified)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators allow."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML or feed response (or 304 Not Modified, with no text)."""

    url: str  # as requested
    final_url: str  # after redirects
    not_modified: bool
    text: str
    content_type: str
    validators: Validators


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded PDF (or 304 Not Modified, with no file)."""

    url: str
    final_url: str
    not_modified: bool
    validators: Validators
    sha256: str | None = None
    size: int = 0
    path: Path | None = None
    content_type: str | None = None


class FetchError(PipelineError):
    """A URL could not be fetched; the message names the URL, the problem and the fix."""

    def __init__(self, url: str, problem: str, hint: str, status: int | None = None) -> None:
        self.url = url
        self.status = status
        super().__init__(f"{url}: {problem}", hint)


class _Retry(Exception):
    """A response worth retrying (429 or 5xx), with the server's requested wait."""

    def __init__(self, status: int, reason: str, wait: float | None) -> None:
        self.status = status
        self.reason = reason
        self.wait = wait
        super().__init__(f"{status} {reason}")


def _retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _validators(response: httpx.Response) -> Validators:
    return Validators(response.headers.get("etag"), response.headers.get("last-modified"))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _size(n: int) -> str:
    """A byte count for messages: "19.5 KB", "200 MB"."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _snippet(head: bytes) -> str:
    """The first characters of a body, for messages."""
    text = head[:40].decode("utf-8", "replace").strip().splitlines()
    return (text[0] if text else "")[:30]


def _say_retry(url: str, what: str, attempt: int, retries: int, wait: float) -> None:
    """Say on stderr (a warning, shown without -v) that a request failed and will be retried."""
    logger.warning("%s: %s, retry %d of %d in %s s", url, what, attempt, retries, f"{wait:g}")


class Fetcher:
    """One polite HTTP client: robots.txt, pacing, retries, conditional GETs, safe downloads."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        try:
            import httpx
        except ModuleNotFoundError as exc:
            raise PipelineError(
                "fetching needs httpx, which is not installed",
                "install the fetch extra: pip install 'recwatch[fetch]'",
            ) from exc

        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=self.settings.timeout,
            follow_redirects=False,
            transport=transport,
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self.requests = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    # -- public ---------------------------------------------------------------------------

    def get_page(self, url: str, validators: Validators | None = None) -> Page:
        """GET an HTML page or feed (conditionally when validators are given)."""

        def read(response: httpx.Response) -> Page:
            ctype = response.headers.get("content-type", "")
            if response.status_code == 304:
                return Page(url, str(response.url), True, "", ctype, validators or Validators())
            if "pdf" in ctype.lower():  # a PDF behind a page-like URL: the caller downloads it
                return Page(url, str(response.url), False, "", ctype, _validators(response))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_PAGE_BYTES:
                    raise FetchError(
                        url,
                        f"the page is larger than {MAX_PAGE_BYTES // 2**20} MB",
                        "this is not a publication page; check the URL",
                    )
            text = bytes(body).decode(response.encoding or "utf-8", "replace")
            return Page(url, str(response.url), False, text, ctype, _validators(response))

        return self._with_retries(url, validators, read)

    def download(self, url: str, raw_dir: Path, validators: Validators | None = None) -> Fetched:
        """Download a PDF to `<raw_dir>/<sha256>.pdf` (conditionally when validators are given)."""

        def save(response: httpx.Response) -> Fetched:
            if response.status_code == 304:
                return Fetched(url, str(response.url), True, validators or Validators())
            return self._save(url, response, raw_dir)

        return self._with_retries(url, validators, save)

    # -- requests -------------------------------------------------------------------------

    def _with_retries(
        self,
        url: str,
        validators: Validators | None,
        handle: Callable[[httpx.Response], T],
        check_robots: bool = True,
    ) -> T:
        """Send a GET and hand the response to `handle`, retrying transient failures."""
        import httpx

        settings = self.settings
        headers = validators.headers() if validators else {}
        attempts = settings.retries + 1
        for attempt in range(1, attempts + 1):
            wait = settings.backoff * 2 ** (attempt - 1)
            try:
                with self._open(url, headers, check_robots) as response:
                    self._raise_for_status(url, response)
                    return handle(response)
            except _Retry as exc:
                if attempt == attempts:
                    raise FetchError(
                        url,
                        f"the server answered {exc} {attempts} times",
                        "the site is busy or down; try again later",
                        exc.status,
                    ) from exc
                if exc.wait is not None:
                    if exc.wait > settings.max_wait:
                        raise FetchError(
                            url,
                            f"the server answered {exc} and asked to wait {exc.wait:.0f}s, "
                            f"longer than the {settings.max_wait:.0f}s recwatch waits",
                            "try again later",
                            exc.status,
                        ) from exc
                    wait = exc.wait
                _say_retry(url, f"HTTP {exc.status}", attempt, settings.retries, wait)
            except httpx.TimeoutException as exc:
                if attempt == attempts:
                    raise FetchError(
                        url,
                        f"timed out {attempts} times ({settings.timeout:g}s limit, "
                        f"{type(exc).__name__})",
                        "the site is slow or down; try again later, or raise --timeout",
                    ) from exc
                _say_retry(url, "timed out", attempt, settings.retries, wait)
            except httpx.TransportError as exc:
                if attempt == attempts:
                    raise FetchError(
                        url,
                        f"cannot connect ({type(exc).__name__}: {exc})",
                        "check the address (and --base-url) and your network connection",
                    ) from exc
                _say_retry(url, type(exc).__name__, attempt, settings.retries, wait)
            self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _raise_for_status(self, url: str, response: httpx.Response) -> None:
        """Raise _Retry for 429/5xx and FetchError for other failures; pass 200 and 304."""
        status = response.status_code
        if status in (200, 304):
            return
        reason = response.reason_phrase
        if status == 429 or status >= 500:
            raise _Retry(
                status, reason, _retry_after(response.headers.get("retry-after"), datetime.now(UTC))
            )
        if status in (404, 410):
            hint = "the link is stale; check the publication page, or pass the right URL"
        elif status in (401, 403):
            hint = "the site refuses recwatch; download the file by hand and use `recwatch add`"
        else:
            hint = "check the URL in a browser"
        raise FetchError(url, f"the server answered {status} {reason}", hint, status)

    @contextmanager
    def _open(
        self, url: str, headers: dict[str, str], check_robots: bool
    ) -> Iterator[httpx.Response]:
        """Send a streamed GET, following redirects by hand so every hop is robots-checked."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            if check_robots:
                self._check_robots(current)
            self._pace(current)
            request = self._client.build_request("GET", current, headers=headers)
            self.requests += 1  # counted when sent: a timed-out or refused attempt counts too
            response = self._client.send(request, stream=True)
            if response.is_redirect and response.next_request is not None:
                current = str(response.next_request.url)
                response.close()
                logger.debug("%s redirects to %s", url, current)
                continue
            try:
                yield response
            finally:
                response.close()
            return
        raise FetchError(
            url,
            f"more than {MAX_REDIRECTS} redirects",
            "the site is redirecting in a loop; check the URL in a browser",
        )

    def _pace(self, url: str) -> None:
        """Wait until the polite delay for this host has passed since its last request."""
        host = _origin(url)
        delay = self.settings.delay
        robots = self._robots.get(host)
        if robots is not None:
            crawl = robots.crawl_delay(self.settings.user_agent)
            if crawl is not None:
                delay = max(delay, float(crawl))
        last = self._last.get(host)
        if last is not None:
            wait = delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    # -- robots.txt -----------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        """Raise FetchError when the host's robots.txt disallows the URL for recwatch."""
        if not self.settings.respect_robots:
            return
        origin = _origin(url)
        parser = self._robots.get(origin)
        if parser is None:
            parser = self._load_robots(origin)
            self._robots[origin] = parser
        if not parser.can_fetch(self.settings.user_agent, url):
            raise FetchError(
                url,
                f"{origin}/robots.txt does not allow recwatch to fetch this",
                "recwatch respects robots.txt; download the file by hand and register it with "
                "`recwatch add FILE.pdf --url URL`",
            )

    def _load_robots(self, origin: str) -> RobotFileParser:
        """Fetch and parse robots.txt (missing: all allowed; 401/403: nothing allowed)."""
        robots_url = f"{origin}/robots.txt"
        from urllib.robotparser import RobotFileParser

        parser = RobotFileParser(robots_url)

        def read(response: httpx.Response) -> str:
            return response.read().decode(response.encoding or "utf-8", "replace")

        try:
            text = self._with_retries(robots_url, None, read, check_robots=False)
        except FetchError as exc:
            if exc.status in (401, 403):  # as urllib.robotparser: nothing allowed
                parser.parse(["User-agent: *", "Disallow: /"])
                return parser
            if exc.status is not None and 400 <= exc.status < 500:  # no robots.txt: all allowed
                parser.parse([])
                return parser
            raise FetchError(
                robots_url,
                f"robots.txt could not be read ({exc.problem})",
                "recwatch does not fetch from a site whose robots.txt it cannot read; "
                "try again later",
            ) from exc
        parser.parse(text.splitlines())
        return parser

    # -- saving ---------------------------------------------------------------------------

    def _save(self, url: str, response: httpx.Response, raw_dir: Path) -> Fetched:
        """Stream a PDF into a temporary file, check it, and rename it to its sha256 name."""
        cap = self.settings.max_bytes
        cap_text = _size(cap)
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise FetchError(
                url,
                f"the file is {_size(int(length))}, over the {cap_text} cap",
                "raise --max-size if this report really is that large",
            )
        with staged(raw_dir, ".part-", ".pdf") as temp:
            digest = hashlib.sha256()
            size = 0
            head = b""
            with temp.path.open("wb") as out:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(
                            url,
                            f"the file is over the {cap_text} cap",
                            "raise --max-size if this report really is that large",
                        )
                    if len(head) < 1024:
                        head += chunk[: 1024 - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
            if PDF_MAGIC not in head:
                raise FetchError(
                    url,
                    f'is not a PDF (starts with "{_snippet(head)}", content type '
                    f"{ctype or 'not given'})",
                    "the server returned an error page instead of the report; open the URL in "
                    "a browser to check it, or fetch the publication page so recwatch finds "
                    "the current link",
                )
            if ctype and not ctype.startswith(_PDF_TYPES):
                logger.warning("%s: served as %s but is a PDF", url, ctype)
            sha = digest.hexdigest()
            final = raw_dir / f"{sha}.pdf"
            if not final.exists():
                temp.publish(final)
        return Fetched(
            url,
            str(response.url),
            False,
            _validators(response),
            sha256=sha,
            size=size,
            path=final,
            content_type=ctype or None,
        )
