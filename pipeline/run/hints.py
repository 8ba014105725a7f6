"""What a publication page said about a PDF, handed to extraction as hints.

`recwatch fetch` and `recwatch add` record each PDF's page (title, publisher, date, URL). A run
looks those facts up before extracting and passes them in as a `PageHints`; the read_metadata
stage fills what the PDF does not state from them (`pipeline/run/extract.py`), and the document
is named by its URL. A small frozen record, so it travels to worker processes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from models.records import DocumentResult


@dataclass(frozen=True, slots=True)
class PageHints:
    """The publication page's title, publisher, date and URL (None where it said nothing)."""

    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None

    def key(self) -> str:
        """A short digest of the facts that shape extraction ('' when the page gave none).

        The URL is left out: it only names the document, which is done on every read.
        """
        facts = [self.title, self.publisher, self.published and self.published.isoformat()]
        if not any(facts):
            return ""
        return hashlib.sha256(json.dumps(facts).encode("utf-8")).hexdigest()[:12]

    def file_name(self, path: Path) -> str:
        """The document's file name: the last part of the URL, else the name of the file run."""
        if self.url:
            name = unquote(urlsplit(self.url).path.rsplit("/", 1)[-1])
            if name:
                return name
        return path.name


NO_HINTS = PageHints()


def named(
    result: DocumentResult, path: Path, hints: PageHints | None, source: str | None = None
) -> DocumentResult:
    """The result as the file run presents it: named and sourced by the page's URL if any."""
    hints = hints or NO_HINTS
    return replace(result, file=hints.file_name(path), source=hints.url or source)
