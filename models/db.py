"""SQLAlchemy 2 tables of the store (kept apart from the records in `records.py`).

Items are keyed by their stable id; their content lives in `item_versions`, which gains a row
only when an item's content hash changes (as git-history does), so a diff between runs is a query.
JSON-valued columns hold JSON text, which every SQL database can store.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Run(Base):
    """One invocation of `recwatch run`: provenance, settings, inputs and outcome."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    tool_version: Mapped[str] = mapped_column(String(40))
    git_revision: Mapped[str | None] = mapped_column(String(40))
    settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    inputs: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [{"file", "sha256"}]
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    warnings: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    status: Mapped[str] = mapped_column(String(16))  # ok | partial | failed (none loaded)


class Document(Base):
    """A report PDF, identified by the sha256 of its bytes."""

    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    file: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer)
    first_seen_run: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    # The report's own summary paragraph (added later: nullable, filled by the next run).
    summary: Mapped[str | None] = mapped_column(Text)


class Item(Base):
    """One recommendation / area for improvement / cause of concern / action: its identity."""

    __tablename__ = "items"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    number: Mapped[str | None] = mapped_column(String(40))
    parent: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the document
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("item_versions.id", use_alter=True, name="fk_items_current_version")
    )
    # Set when a later run of the same document no longer finds the item; cleared if it returns.
    removed_in_run: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class ItemVersion(Base):
    """The content of an item as one run saw it; a new row only when the content changes."""

    __tablename__ = "item_versions"
    __table_args__ = (Index("ix_item_versions_deadline_date", "deadline_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    pages: Mapped[str] = mapped_column(Text)  # JSON list: every page from page_start to page_end
    page_start: Mapped[int] = mapped_column(Integer)
    page_end: Mapped[int] = mapped_column(Integer)
    addressees: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    partners: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    deadline_text: Mapped[str | None] = mapped_column(Text)
    deadline_date: Mapped[date | None] = mapped_column(Date)
    deadline_kind: Mapped[str | None] = mapped_column(String(16))
    deadline_granularity: Mapped[str | None] = mapped_column(String(16))
    deadlines: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of every deadline
    occurrences: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of pages
    created_at: Mapped[datetime] = mapped_column(DateTime)


class RunDocument(Base):
    """What a run did with one input file: loaded (ok) or failed, with the reason."""

    __tablename__ = "run_documents"
    __table_args__ = (UniqueConstraint("run_id", "file", name="uq_run_documents_run_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    sha256: Mapped[str | None] = mapped_column(String(64))  # None when the file is unreadable
    file: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # ok | failed
    message: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings


class RunItem(Base):
    """What one run saw of one item: its id, the version it had, its number and document.

    A snapshot per run, so the diff between any two runs (or two versions of a report) is a query.
    """

    __tablename__ = "run_items"
    __table_args__ = (UniqueConstraint("run_id", "item_id", name="uq_run_items_run_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("item_versions.id"))
    document_sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    publication: Mapped[str] = mapped_column(String(64), index=True)  # models.ids.publication_key
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str | None] = mapped_column(String(40))
    parent: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Correction(Base):
    """An analyst's override of one field of an item (or its rejection, or a missed item added).

    The newest correction of an (item, field) is the one applied; `extracted` keeps the value
    extraction had when the correction was made, so a later change underneath can be flagged.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    field: Mapped[str] = mapped_column(String(32))  # text | addressees | deadline | reject | add
    value: Mapped[str] = mapped_column(Text)  # JSON
    extracted: Mapped[str] = mapped_column(Text)  # JSON: the extracted value it was made against
    made_by: Mapped[str] = mapped_column(String(120))
    made_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("corrections.id"))


class NeedsReview(Base):
    """A correction whose extracted value changed in a later run: an analyst must look again."""

    __tablename__ = "needs_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    correction_id: Mapped[int] = mapped_column(ForeignKey("corrections.id"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    field: Mapped[str] = mapped_column(String(32))
    was: Mapped[str] = mapped_column(Text)  # JSON: extracted value the correction was made against
    now: Mapped[str] = mapped_column(Text)  # JSON: the newly extracted value
    flagged_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class ItemCheck(Base):
    """An analyst's "looked at it, it is right" on an item added or changed by a run.

    Keyed by the item version it was made on: the review queue stops listing that change, and a
    later run that extracts something else for the item brings it back.
    """

    __tablename__ = "item_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("item_versions.id"), index=True)
    checked_by: Mapped[str] = mapped_column(String(120))
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class WebPage(Base):
    """A page `recwatch fetch` has read: a feed, a listing page or a publication page.

    Validators (ETag, Last-Modified) make the next fetch conditional; a publication page's row
    is written only once every PDF it links to has been downloaded, so a failure is retried.
    """

    __tablename__ = "web_pages"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)  # canonical URL
    kind: Mapped[str] = mapped_column(String(16))  # feed | listing | publication
    source: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    report_type: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)


class Download(Base):
    """One version of a PDF at one URL (or added by hand): the fetch manifest.

    The same URL with new bytes gets a new version (the old one becomes `superseded`) flagged
    for review; identical bytes from two URLs share one file and one document (by sha256).
    """

    __tablename__ = "downloads"
    __table_args__ = (
        UniqueConstraint("canonical_url", "version", name="uq_downloads_url_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)  # as linked (None: added by hand without URL)
    canonical_url: Mapped[str | None] = mapped_column(String(2000), index=True)
    page_url: Mapped[str | None] = mapped_column(String(2000), index=True)
    source: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    publisher: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file: Mapped[str] = mapped_column(Text)  # path under the data directory: raw/<sha256>.pdf
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(120))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    method: Mapped[str] = mapped_column(String(16))  # fetch | add
    status: Mapped[str] = mapped_column(String(16))  # current | superseded
    version: Mapped[int] = mapped_column(Integer, default=1)
    needs_review: Mapped[bool] = mapped_column(default=False)  # a re-published version
