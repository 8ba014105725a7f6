"""`recwatch add`: take in a PDF an analyst downloaded by hand, as if it had been fetched.

The file is copied (never moved) to `<data>/raw/<sha256>.pdf` through a temporary file and an
atomic rename, and recorded in the fetch manifest with its URL, title and date when given.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

from extractors.text import check_pdf_magic
from pipeline.acquire import manifest
from pipeline.acquire.manifest import FetchedFile, FileFacts
from pipeline.acquire.sources import GENERIC, Source, source_for
from pipeline.common.config import Config
from pipeline.common.files import replacing


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_into_raw(path: Path, raw_dir: Path) -> tuple[Path, str, int]:
    """Copy a PDF to `<raw_dir>/<sha256>.pdf` atomically; return its path, sha256 and size."""
    check_pdf_magic(path)  # the check `recwatch run` makes, with its messages
    raw_dir.mkdir(parents=True, exist_ok=True)
    sha = _sha256(path)
    final = raw_dir / f"{sha}.pdf"
    if not final.exists():
        with replacing(final) as temp:
            shutil.copyfile(path, temp)
    return final, sha, final.stat().st_size


def add_file(
    path: Path,
    config: Config,
    *,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    source: Source | None = None,
) -> FetchedFile:
    """Copy a PDF into raw/ and record it in the manifest (a new version if the URL had one)."""
    from models.store import open_store

    chosen = source or (source_for(url) if url else GENERIC)
    final, sha, size = copy_into_raw(path, config.raw_dir)
    engine = open_store(config.db_url)
    try:
        facts = FileFacts(
            sha256=sha,
            path=final,
            size=size,
            url=url,
            canonical_url=chosen.canonical(url) if url else None,
            source=chosen.name if chosen.publisher else None,
            title=title,
            published=published,
            publisher=chosen.publisher,
            content_type="application/pdf",
            method="add",
        )
        return manifest.record_file(engine, facts, config.data_dir)
    finally:
        engine.dispose()
