"""Item checks: an analyst's acceptance of an item a run added or changed.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    """Add the item_checks table."""
    op.create_table(
        "item_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.String(120), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("item_versions.id"), nullable=False),
        sa.Column("checked_by", sa.String(120), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    )
    op.create_index("ix_item_checks_item_id", "item_checks", ["item_id"])
    op.create_index("ix_item_checks_version_id", "item_checks", ["version_id"])


def downgrade() -> None:
    """Drop the item_checks table (the acceptances are lost)."""
    op.drop_index("ix_item_checks_version_id", table_name="item_checks")
    op.drop_index("ix_item_checks_item_id", table_name="item_checks")
    op.drop_table("item_checks")
