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
    status: Mapped[str] = mapped_column(String(16))  # ok | partial


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
