"""The store's tables in SQLAlchemy Core: the one schema (`db.py` maps its ORM classes onto it).

Core alone, so that a warm `recwatch run`, which only copies the last run's rows, never imports
the ORM. Items are keyed by their stable id; their content lives in `item_versions`, which gains
a row only when an item's content hash changes (as git-history does), so a diff between runs is
a query. JSON-valued columns hold JSON text, which every SQL database can store.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _required(name: str, *args: Any, **kwargs: Any) -> Column[Any]:
    """A NOT NULL column."""
    return Column(name, *args, nullable=False, **kwargs)


# One invocation of `recwatch run`: provenance, settings, inputs and outcome.
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("started_at", DateTime),
    Column("finished_at", DateTime),
    _required("tool_version", String(40)),
    Column("git_revision", String(40)),
    _required("settings", Text, default="{}"),  # JSON object
    _required("inputs", Text, default="[]"),  # JSON: [{"file", "sha256"}]
    _required("counts", Text, default="{}"),  # JSON object
    _required("warnings", Text, default="[]"),  # JSON list of strings
    _required("status", String(16)),  # ok | partial | failed (none loaded)
)

# A report PDF, identified by the sha256 of its bytes.
documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    _required("file", Text),
    Column("source", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Date),
    _required("pages", Integer),
    _required("first_seen_run", ForeignKey("runs.id")),
    # The report's own summary paragraph (added later: nullable, filled by the next run).
    Column("summary", Text),
)

# One recommendation / area for improvement / cause of concern / action: its identity.
items = Table(
    "items",
    metadata,
    Column("id", String(120), primary_key=True),
    _required("document_sha256", ForeignKey("documents.sha256"), index=True),
    _required("kind", String(32), index=True),
    Column("number", String(40)),
    Column("parent", String(40)),
    _required("position", Integer, default=0),  # order within the document
    Column(
        "current_version_id",
        ForeignKey("item_versions.id", use_alter=True, name="fk_items_current_version"),
    ),
    # Set when a later run of the same document no longer finds the item; cleared if it returns.
    Column("removed_in_run", ForeignKey("runs.id")),
)

# The content of an item as one run saw it; a new row only when the content changes.
item_versions = Table(
    "item_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("item_id", ForeignKey("items.id"), index=True),
    _required("run_id", ForeignKey("runs.id"), index=True),
    _required("content_hash", String(64)),
    _required("text", Text),
    _required("pages", Text),  # JSON list: every page from page_start to page_end
    _required("page_start", Integer),
    _required("page_end", Integer),
    _required("addressees", Text, default="[]"),  # JSON list
    _required("partners", Text, default="[]"),  # JSON list
    Column("deadline_text", Text),
    Column("deadline_date", Date),
    Column("deadline_kind", String(16)),
    Column("deadline_granularity", String(16)),
    _required("deadlines", Text, default="[]"),  # JSON list of every deadline
    _required("occurrences", Text, default="[]"),  # JSON list of pages
    _required("created_at", DateTime),
    Index("ix_item_versions_deadline_date", "deadline_date"),
)

# What a run did with one input file: loaded (ok) or failed, with the reason.
run_documents = Table(
    "run_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("run_id", ForeignKey("runs.id"), index=True),
    Column("sha256", String(64)),  # None when the file is unreadable
    _required("file", Text),
    _required("status", String(16)),  # ok | failed
    Column("message", Text),
    _required("warnings", Text, default="[]"),  # JSON list of strings
    UniqueConstraint("run_id", "file", name="uq_run_documents_run_file"),
)

# What one run saw of one item: its id, the version it had, its number and document. A snapshot
# per run, so the diff between any two runs (or two versions of a report) is a query.
run_items = Table(
    "run_items",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("run_id", ForeignKey("runs.id"), index=True),
    _required("item_id", ForeignKey("items.id"), index=True),
    _required("version_id", ForeignKey("item_versions.id")),
    _required("document_sha256", ForeignKey("documents.sha256"), index=True),
    _required("publication", String(64), index=True),  # models.ids.publication_key
    _required("kind", String(32)),
    Column("number", String(40)),
    Column("parent", String(40)),
    _required("position", Integer, default=0),
    UniqueConstraint("run_id", "item_id", name="uq_run_items_run_item"),
)

# An analyst's override of one field of an item (or its rejection, or a missed item added).
# The newest correction of an (item, field) is the one applied; `extracted` keeps the value
# extraction had when the correction was made, so a later change underneath can be flagged.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("item_id", ForeignKey("items.id"), index=True),
    _required("field", String(32)),  # text | addressees | deadline | reject | add
    _required("value", Text),  # JSON
    _required("extracted", Text),  # JSON: the extracted value it was made against
    _required("made_by", String(120)),
    _required("made_at", DateTime),
    Column("note", Text),
    Column("superseded_by", ForeignKey("corrections.id")),
)

# A correction whose extracted value changed in a later run: an analyst must look again.
needs_review = Table(
    "needs_review",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("item_id", ForeignKey("items.id"), index=True),
    _required("correction_id", ForeignKey("corrections.id"), index=True),
    _required("run_id", ForeignKey("runs.id")),
    _required("field", String(32)),
    _required("was", Text),  # JSON: extracted value the correction was made against
    _required("now", Text),  # JSON: the newly extracted value
    _required("flagged_at", DateTime),
    Column("resolved_at", DateTime),
)

# An analyst's "looked at it, it is right" on an item added or changed by a run. Keyed by the
# item version it was made on: the review queue stops listing that change, and a later run that
# extracts something else for the item brings it back.
item_checks = Table(
    "item_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    _required("item_id", ForeignKey("items.id"), index=True),
    _required("version_id", ForeignKey("item_versions.id"), index=True),
    _required("checked_by", String(120)),
    _required("checked_at", DateTime),
    Column("note", Text),
)

# A page `recwatch fetch` has read: a feed, a listing page or a publication page. Validators
# (ETag, Last-Modified) make the next fetch conditional; a publication page's row is written
# only once every PDF it links to has been downloaded, so a failure is retried.
web_pages = Table(
    "web_pages",
    metadata,
    Column("url", String(2000), primary_key=True),  # canonical URL
    _required("kind", String(16)),  # feed | listing | publication
    _required("source", String(40), index=True),
    Column("title", Text),
    Column("published", Date),
    Column("report_type", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    _required("fetched_at", DateTime),
)

# One version of a PDF at one URL (or added by hand): the fetch manifest. The same URL with new
# bytes gets a new version (the old one becomes `superseded`) flagged for review; identical
# bytes from two URLs share one file and one document (by sha256).
downloads = Table(
    "downloads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text),  # as linked (None: added by hand without URL)
    Column("canonical_url", String(2000), index=True),
    Column("page_url", String(2000), index=True),
    Column("source", String(40)),
    Column("title", Text),
    Column("published", Date),
    Column("publisher", Text),
    _required("sha256", String(64), index=True),
    _required("file", Text),  # path under the data directory: raw/<sha256>.pdf
    _required("size", Integer),
    Column("content_type", String(120)),
    Column("etag", Text),
    Column("last_modified", Text),
    _required("fetched_at", DateTime),
    _required("method", String(16)),  # fetch | add
    _required("status", String(16)),  # current | superseded
    _required("version", Integer, default=1),
    _required("needs_review", Boolean, default=False),  # a re-published version
    UniqueConstraint("canonical_url", "version", name="uq_downloads_url_version"),
)
