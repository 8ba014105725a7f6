"""The publication-page facts a run hands to extraction: looked up before any PDF is extracted.

`recwatch fetch` and `recwatch add` record each PDF's publication page (title, publisher, date,
URL) in the manifest, by the PDF's sha256. `run` looks up the files it is given there;
`run --source` and `add` pass the facts of the files they have just recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.run.hints import PageHints
from pipeline.run.schedule import identify

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pipeline.acquire.recorded import FetchedFile


def hints_of(fetched: FetchedFile) -> PageHints:
    """What fetch or add recorded about a PDF, as hints for its extraction."""
    return PageHints(
        title=fetched.title,
        publisher=fetched.publisher,
        published=fetched.published,
        url=fetched.url,
    )


def recorded_hints(
    engine: Engine, files: list[Path], data_dir: Path, cache_dir: Path | None, rehash: bool
) -> dict[Path, PageHints]:
    """The hints for the files that fetch or add recorded, by path (none read if none is).

    A file is known by its sha256, taken from the file index while its size and mtime hold.
    """
    from pipeline.acquire.recorded import any_downloads, downloads_by_sha256

    if not any_downloads(engine):
        return {}  # nothing was ever fetched or added: no file needs hashing for its page
    digests = identify(files, cache_dir, rehash)
    known = downloads_by_sha256(engine, list(digests.values()), data_dir)
    return {path: hints_of(known[digest]) for path, digest in digests.items() if digest in known}
