"""What fetch and `recwatch add` recorded about PDFs, as a run reads it back (Core only).

Apart from `manifest` (the writer, which uses the ORM and the HTTP layer's types), so that a
run over recorded files imports neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, select

from models.tables import downloads

FileStatus = Literal["new", "changed", "unchanged", "duplicate"]


@dataclass(frozen=True, slots=True)
class FetchedFile:
    """A PDF this fetch saw: where it is, what it is, and whether it is new."""

    url: str | None  # canonical URL (None: added by hand without one)
    sha256: str
    path: Path
    status: FileStatus
    version: int
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    page_url: str | None = None
    previous_sha256: str | None = None  # the version a changed file replaces


def any_downloads(engine: Engine) -> bool:
    """True when fetch or `recwatch add` ever recorded a PDF in this store."""
    with engine.connect() as connection:
        return connection.execute(select(downloads.c.id).limit(1)).first() is not None


def downloads_by_sha256(
    engine: Engine, sha256s: Sequence[str], data_dir: Path
) -> dict[str, FetchedFile]:
    """What fetch (or `recwatch add`) recorded about these PDFs: the first record of each file.

    The first record is the one the loading run used; the same bytes found later at another URL
    are a duplicate of it.
    """
    wanted = sorted(set(sha256s))
    if not wanted:
        return {}
    found: dict[str, FetchedFile] = {}
    d = downloads.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(downloads).where(d.sha256.in_(wanted)).order_by(d.sha256, d.id)
        )
        for row in rows:
            if row.sha256 in found:
                continue
            found[row.sha256] = FetchedFile(
                url=row.canonical_url or row.url,
                sha256=row.sha256,
                path=data_dir / row.file,
                status="unchanged",
                version=row.version,
                title=row.title,
                published=row.published,
                publisher=row.publisher,
                page_url=row.page_url,
            )
    return found
