"""The store's ORM classes, mapped onto the Core tables of `tables.py` (the one schema).

Records are kept apart in `records.py`. Code that only reads or copies rows (a warm re-run)
uses `tables.py` and never imports the ORM; each class here types the columns of its table
(a test checks both name the same columns).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from models import tables


class Base(DeclarativeBase):
    """Declarative base of every table."""

    metadata = tables.metadata


class Run(Base):
    """One invocation of `recwatch run`: provenance, settings, inputs and outcome."""

    __table__ = tables.runs

    id: Mapped[int]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    tool_version: Mapped[str]
    git_revision: Mapped[str | None]
    settings: Mapped[str]
    inputs: Mapped[str]
    counts: Mapped[str]
    warnings: Mapped[str]
    status: Mapped[str]


class Document(Base):
    """A report PDF, identified by the sha256 of its bytes."""

    __table__ = tables.documents

    sha256: Mapped[str]
    file: Mapped[str]
    source: Mapped[str | None]
    title: Mapped[str | None]
    publisher: Mapped[str | None]
    published: Mapped[date | None]
    pages: Mapped[int]
    first_seen_run: Mapped[int]
    summary: Mapped[str | None]


class Item(Base):
    """One recommendation / area for improvement / cause of concern / action: its identity."""

    __table__ = tables.items

    id: Mapped[str]
    document_sha256: Mapped[str]
    kind: Mapped[str]
    number: Mapped[str | None]
    parent: Mapped[str | None]
    position: Mapped[int]
    current_version_id: Mapped[int | None]
    removed_in_run: Mapped[int | None]


class ItemVersion(Base):
    """The content of an item as one run saw it; a new row only when the content changes."""

    __table__ = tables.item_versions

    id: Mapped[int]
    item_id: Mapped[str]
    run_id: Mapped[int]
    content_hash: Mapped[str]
    text: Mapped[str]
    pages: Mapped[str]
    page_start: Mapped[int]
    page_end: Mapped[int]
    addressees: Mapped[str]
    partners: Mapped[str]
    deadline_text: Mapped[str | None]
    deadline_date: Mapped[date | None]
    deadline_kind: Mapped[str | None]
    deadline_granularity: Mapped[str | None]
    deadlines: Mapped[str]
    occurrences: Mapped[str]
    created_at: Mapped[datetime]


class RunDocument(Base):
    """What a run did with one input file: loaded (ok) or failed, with the reason."""

    __table__ = tables.run_documents

    id: Mapped[int]
    run_id: Mapped[int]
    sha256: Mapped[str | None]
    file: Mapped[str]
    status: Mapped[str]
    message: Mapped[str | None]
    warnings: Mapped[str]


class RunItem(Base):
    """What one run saw of one item: its id, the version it had, its number and document.

    A snapshot per run, so the diff between any two runs (or two versions of a report) is a query.
    """

    __table__ = tables.run_items

    id: Mapped[int]
    run_id: Mapped[int]
    item_id: Mapped[str]
    version_id: Mapped[int]
    document_sha256: Mapped[str]
    publication: Mapped[str]
    kind: Mapped[str]
    number: Mapped[str | None]
    parent: Mapped[str | None]
    position: Mapped[int]


class Correction(Base):
    """An analyst's override of one field of an item (or its rejection, or a missed item added).

    The newest correction of an (item, field) is the one applied; `extracted` keeps the value
    extraction had when the correction was made, so a later change underneath can be flagged.
    """

    __table__ = tables.corrections

    id: Mapped[int]
    item_id: Mapped[str]
    field: Mapped[str]
    value: Mapped[str]
    extracted: Mapped[str]
    made_by: Mapped[str]
    made_at: Mapped[datetime]
    note: Mapped[str | None]
    superseded_by: Mapped[int | None]


class NeedsReview(Base):
    """A correction whose extracted value changed in a later run: an analyst must look again."""

    __table__ = tables.needs_review

    id: Mapped[int]
    item_id: Mapped[str]
    correction_id: Mapped[int]
    run_id: Mapped[int]
    field: Mapped[str]
    was: Mapped[str]
    now: Mapped[str]
    flagged_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class ItemCheck(Base):
    """An analyst's "looked at it, it is right" on an item added or changed by a run.

    Keyed by the item version it was made on: the review queue stops listing that change, and a
    later run that extracts something else for the item brings it back.
    """

    __table__ = tables.item_checks

    id: Mapped[int]
    item_id: Mapped[str]
    version_id: Mapped[int]
    checked_by: Mapped[str]
    checked_at: Mapped[datetime]
    note: Mapped[str | None]


class WebPage(Base):
    """A page `recwatch fetch` has read: a feed, a listing page or a publication page.

    Validators (ETag, Last-Modified) make the next fetch conditional; a publication page's row
    is written only once every PDF it links to has been downloaded, so a failure is retried.
    """

    __table__ = tables.web_pages

    url: Mapped[str]
    kind: Mapped[str]
    source: Mapped[str]
    title: Mapped[str | None]
    published: Mapped[date | None]
    report_type: Mapped[str | None]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    fetched_at: Mapped[datetime]


class Download(Base):
    """One version of a PDF at one URL (or added by hand): the fetch manifest.

    The same URL with new bytes gets a new version (the old one becomes `superseded`) flagged
    for review; identical bytes from two URLs share one file and one document (by sha256).
    """

    __table__ = tables.downloads

    id: Mapped[int]
    url: Mapped[str | None]
    canonical_url: Mapped[str | None]
    page_url: Mapped[str | None]
    source: Mapped[str | None]
    title: Mapped[str | None]
    published: Mapped[date | None]
    publisher: Mapped[str | None]
    sha256: Mapped[str]
    file: Mapped[str]
    size: Mapped[int]
    content_type: Mapped[str | None]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    fetched_at: Mapped[datetime]
    method: Mapped[str]
    status: Mapped[str]
    version: Mapped[int]
    needs_review: Mapped[bool]
