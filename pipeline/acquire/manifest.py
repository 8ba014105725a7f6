"""The fetch manifest in the store: which pages were read and which PDF versions were downloaded.

Every write is its own short transaction, made only after the bytes are safely in `data/raw/`,
so a failed download leaves no row. Versions follow the rule of the issue: the same URL with new
bytes is a new version flagged for review; identical bytes from two URLs share one sha256.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from models import db
from pipeline.acquire.fetch import Validators
from pipeline.acquire.recorded import FetchedFile as FetchedFile
from pipeline.acquire.recorded import FileStatus

NO_VALIDATORS = Validators()


@dataclass(frozen=True, slots=True)
class KnownPage:
    """A page read by an earlier fetch."""

    url: str
    kind: str
    title: str | None
    published: date | None
    validators: Validators


@dataclass(frozen=True, slots=True)
class CurrentDownload:
    """The current version of the PDF at a URL."""

    id: int
    canonical_url: str | None
    sha256: str
    version: int
    validators: Validators


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What to record about one PDF's bytes and where they came from."""

    sha256: str
    path: Path
    size: int
    url: str | None = None  # as linked
    canonical_url: str | None = None
    page_url: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    content_type: str | None = None
    validators: Validators = NO_VALIDATORS
    method: str = "fetch"


def known_pages(engine: Engine, source: str) -> dict[str, KnownPage]:
    """Every page of a source read before, by canonical URL."""
    with Session(engine) as session:
        rows = session.scalars(select(db.WebPage).where(db.WebPage.source == source))
        return {
            row.url: KnownPage(
                row.url,
                row.kind,
                row.title,
                row.published,
                Validators(row.etag, row.last_modified),
            )
            for row in rows
        }


def recent_publications(engine: Engine, source: str, limit: int) -> list[str]:
    """The most recently published pages of a source (re-checked for re-published PDFs)."""
    with Session(engine) as session:
        query = (
            select(db.WebPage.url)
            .where(db.WebPage.source == source, db.WebPage.kind == "publication")
            .order_by(db.WebPage.published.desc(), db.WebPage.fetched_at.desc(), db.WebPage.url)
            .limit(limit)
        )
        return list(session.scalars(query))


def pdf_links(engine: Engine, page_url: str) -> list[str]:
    """The PDF links recorded for a publication page (as linked)."""
    with Session(engine) as session:
        query = (
            select(db.Download.url, db.Download.canonical_url)
            .where(db.Download.page_url == page_url, db.Download.status == "current")
            .order_by(db.Download.id)
        )
        links = (url or canonical for url, canonical in session.execute(query))
        return list(dict.fromkeys(link for link in links if link))


def _current(session: Session, urls: tuple[str, ...]) -> db.Download | None:
    """The current version row for any of the URLs (canonical or as linked)."""
    query = (
        select(db.Download)
        .where(
            db.Download.status == "current",
            or_(db.Download.canonical_url.in_(urls), db.Download.url.in_(urls)),
        )
        .order_by(db.Download.version.desc(), db.Download.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def current_download(engine: Engine, *urls: str) -> CurrentDownload | None:
    """The current version of the PDF at any of these URLs, or None."""
    with Session(engine) as session:
        row = _current(session, urls)
        if row is None:
            return None
        return CurrentDownload(
            row.id,
            row.canonical_url,
            row.sha256,
            row.version,
            Validators(row.etag, row.last_modified),
        )


def record_file(engine: Engine, facts: FileFacts, data_dir: Path) -> FetchedFile:
    """Record downloaded (or added) bytes: new, a new version of a URL, or unchanged."""
    keys = tuple(u for u in (facts.canonical_url, facts.url) if u)
    relative = facts.path.relative_to(data_dir).as_posix()
    with Session(engine) as session, session.begin():
        current = _current(session, keys) if keys else None
        previous: str | None = None
        if current is not None and current.sha256 == facts.sha256:
            if (current.etag, current.last_modified) != (
                facts.validators.etag,
                facts.validators.last_modified,
            ) and facts.method == "fetch":
                current.etag = facts.validators.etag
                current.last_modified = facts.validators.last_modified
            return _fetched(facts, "unchanged", current.version)
        if current is not None:
            current.status = "superseded"
            previous = current.sha256
            status: FileStatus = "changed"
            version = current.version + 1
        else:
            seen = session.scalars(
                select(db.Download.id).where(db.Download.sha256 == facts.sha256).limit(1)
            ).first()
            status = "duplicate" if seen is not None else "new"
            version = 1
        session.flush()
        session.add(
            db.Download(
                url=facts.url,
                canonical_url=facts.canonical_url,
                page_url=facts.page_url,
                source=facts.source,
                title=facts.title,
                published=facts.published,
                publisher=facts.publisher,
                sha256=facts.sha256,
                file=relative,
                size=facts.size,
                content_type=facts.content_type,
                etag=facts.validators.etag,
                last_modified=facts.validators.last_modified,
                fetched_at=datetime.now(),
                method=facts.method,
                status="current",
                version=version,
                needs_review=status == "changed",
            )
        )
    return _fetched(facts, status, version, previous)


def _fetched(
    facts: FileFacts, status: FileStatus, version: int, previous: str | None = None
) -> FetchedFile:
    return FetchedFile(
        url=facts.canonical_url or facts.url,
        sha256=facts.sha256,
        path=facts.path,
        status=status,
        version=version,
        title=facts.title,
        published=facts.published,
        publisher=facts.publisher,
        page_url=facts.page_url,
        previous_sha256=previous,
    )


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What to record about a page read while fetching."""

    url: str
    kind: str
    source: str
    validators: Validators
    title: str | None = None
    published: date | None = None
    report_type: str | None = None


def save_pages(engine: Engine, pages: list[PageFacts]) -> None:
    """Insert or refresh page rows (validators, and a publication's title and date)."""
    if not pages:
        return
    now = datetime.now()
    with Session(engine) as session, session.begin():
        for page in pages:
            row = session.get(db.WebPage, page.url)
            if row is None:
                row = db.WebPage(url=page.url, kind=page.kind, source=page.source, fetched_at=now)
                session.add(row)
            row.etag = page.validators.etag
            row.last_modified = page.validators.last_modified
            row.fetched_at = now
            if page.kind == "publication":
                row.title = page.title
                row.published = page.published
                row.report_type = page.report_type
