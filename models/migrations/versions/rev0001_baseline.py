"""The first schema: runs, documents, items, their versions and what each run did per file.

Revision ID: 0001
Revises: (none)

Stores written by recwatch before migrations existed and never opened since have exactly these
tables; `models.migrate` stamps them with this revision and upgrades them from here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None


def upgrade() -> None:
    """Create the five tables of the first schema and their indexes."""
    sqlite = op.get_context().dialect.name == "sqlite"
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("git_revision", sa.String(40), nullable=True),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("first_seen_run", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
    )
    # items and item_versions point at each other: SQLite accepts the forward reference in
    # CREATE TABLE (and cannot add a constraint later); elsewhere it is added once both exist.
    current_version = [
        sa.ForeignKeyConstraint(
            ["current_version_id"], ["item_versions.id"], name="fk_items_current_version"
        )
    ]
    op.create_table(
        "items",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column(
            "document_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("number", sa.String(40), nullable=True),
        sa.Column("parent", sa.String(40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("current_version_id", sa.Integer(), nullable=True),
        sa.Column("removed_in_run", sa.Integer(), sa.ForeignKey("runs.id"), nullable=True),
        *(current_version if sqlite else []),
    )
    op.create_index("ix_items_document_sha256", "items", ["document_sha256"])
    op.create_index("ix_items_kind", "items", ["kind"])
    op.create_table(
        "item_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.String(120), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pages", sa.Text(), nullable=False),
        sa.Column("page_start", sa.Integer(), nullable=False),
        sa.Column("page_end", sa.Integer(), nullable=False),
        sa.Column("addressees", sa.Text(), nullable=False),
        sa.Column("partners", sa.Text(), nullable=False),
        sa.Column("deadline_text", sa.Text(), nullable=True),
        sa.Column("deadline_date", sa.Date(), nullable=True),
        sa.Column("deadline_kind", sa.String(16), nullable=True),
        sa.Column("deadline_granularity", sa.String(16), nullable=True),
        sa.Column("deadlines", sa.Text(), nullable=False),
        sa.Column("occurrences", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_item_versions_item_id", "item_versions", ["item_id"])
    op.create_index("ix_item_versions_run_id", "item_versions", ["run_id"])
    op.create_index("ix_item_versions_deadline_date", "item_versions", ["deadline_date"])
    if not sqlite:
        op.create_foreign_key(
            "fk_items_current_version", "items", "item_versions", ["current_version_id"], ["id"]
        )
    op.create_table(
        "run_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.UniqueConstraint("run_id", "file", name="uq_run_documents_run_file"),
    )
    op.create_index("ix_run_documents_run_id", "run_documents", ["run_id"])


def downgrade() -> None:
    """Drop every table of the first schema."""
    if op.get_context().dialect.name != "sqlite":
        op.drop_constraint("fk_items_current_version", "items", type_="foreignkey")
    for table in ("run_documents", "item_versions", "items", "documents", "runs"):
        op.drop_table(table)
