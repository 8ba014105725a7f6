"""Document summaries, per-run item snapshots, corrections and reviews, and the fetch manifest.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    """Add `documents.summary` and the run_items, corrections, needs_review and fetch tables."""
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("summary", sa.Text(), nullable=True))
    op.create_table(
        "run_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("item_id", sa.String(120), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("item_versions.id"), nullable=False),
        sa.Column(
            "document_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False
        ),
        sa.Column("publication", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("number", sa.String(40), nullable=True),
        sa.Column("parent", sa.String(40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("run_id", "item_id", name="uq_run_items_run_item"),
    )
    for column in ("run_id", "item_id", "document_sha256", "publication"):
        op.create_index(f"ix_run_items_{column}", "run_items", [column])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.String(120), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("extracted", sa.Text(), nullable=False),
        sa.Column("made_by", sa.String(120), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("superseded_by", sa.Integer(), sa.ForeignKey("corrections.id"), nullable=True),
    )
    op.create_index("ix_corrections_item_id", "corrections", ["item_id"])
    op.create_table(
        "needs_review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.String(120), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("correction_id", sa.Integer(), sa.ForeignKey("corrections.id"), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("was", sa.Text(), nullable=False),
        sa.Column("now", sa.Text(), nullable=False),
        sa.Column("flagged_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_needs_review_item_id", "needs_review", ["item_id"])
    op.create_index("ix_needs_review_correction_id", "needs_review", ["correction_id"])
    op.create_table(
        "web_pages",
        sa.Column("url", sa.String(2000), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("report_type", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_web_pages_source", "web_pages", ["source"])
    op.create_table(
        "downloads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.String(2000), nullable=True),
        sa.Column("page_url", sa.String(2000), nullable=True),
        sa.Column("source", sa.String(40), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(120), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("canonical_url", "version", name="uq_downloads_url_version"),
    )
    for column in ("canonical_url", "page_url", "sha256"):
        op.create_index(f"ix_downloads_{column}", "downloads", [column])


def downgrade() -> None:
    """Drop the tables and the column this revision added."""
    for table in ("downloads", "web_pages", "needs_review", "corrections", "run_items"):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("summary")
