"""Stored addressees and partners become registry ids ("Welsh Government" -> welsh_government).

Revision ID: 0003
Revises: 0002

Item versions, addressee corrections (value and the extracted value they were made against) and
their review flags are rewritten with the bodies registry of this recwatch; names the registry
does not know stay as written. No schema change; the downgrade keeps the ids.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from extractors.registry import registry_ids

revision: str = "0003"
down_revision: str | None = "0002"

_VERSIONS = sa.table(
    "item_versions", sa.column("id"), sa.column("addressees"), sa.column("partners")
)
_CORRECTIONS = sa.table(
    "corrections", sa.column("id"), sa.column("field"), sa.column("value"), sa.column("extracted")
)
_REVIEWS = sa.table(
    "needs_review", sa.column("id"), sa.column("field"), sa.column("was"), sa.column("now")
)


def _ids(text: str | None) -> str | None:
    """Rewrite a JSON list of body names as registry ids (anything else is left alone)."""
    value: Any = json.loads(text) if text else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return text
    return json.dumps(registry_ids(value), sort_keys=True, ensure_ascii=False, default=str)


def _rewrite(table: sa.TableClause, columns: tuple[str, ...], where: Any = None) -> None:
    """Rewrite the JSON name lists of some columns of a table, row by row where they change."""
    bind = op.get_bind()
    query = sa.select(table.c.id, *(table.c[c] for c in columns))
    for row in bind.execute(query if where is None else query.where(where)).all():
        new = {c: _ids(row._mapping[c]) for c in columns}
        if any(new[c] != row._mapping[c] for c in columns):
            bind.execute(sa.update(table).where(table.c.id == row.id).values(**new))


def upgrade() -> None:
    """Rewrite stored addressees, partners and addressee corrections as registry ids."""
    _rewrite(_VERSIONS, ("addressees", "partners"))
    _rewrite(_CORRECTIONS, ("value", "extracted"), _CORRECTIONS.c.field == "addressees")
    _rewrite(_REVIEWS, ("was", "now"), _REVIEWS.c.field == "addressees")


def downgrade() -> None:
    """Nothing to undo in the schema: ids are valid addressees for revision 0002 too."""
