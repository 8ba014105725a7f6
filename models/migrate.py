"""Bring an existing store up to the current tables: add columns that later versions introduced.

`create_all` creates missing tables but never alters existing ones, so a store written before a
column was added (e.g. `documents.summary`) would fail every query that selects it. Columns added
to existing tables are nullable (or have a scalar default), so `ALTER TABLE ... ADD COLUMN` is
enough; the next run fills them.
"""

from __future__ import annotations

import logging

from sqlalchemy import Column, Engine, inspect, text

from models.db import Base
from models.errors import StoreError

logger = logging.getLogger(__name__)


def _column_ddl(engine: Engine, column: Column[object]) -> str:
    """Return the `ADD COLUMN` clause for a column, or raise when it cannot be added in place."""
    preparer = engine.dialect.identifier_preparer
    kind = column.type.compile(dialect=engine.dialect)
    clause = f"{preparer.quote(column.name)} {kind}"
    if column.nullable:
        return clause
    default = column.default
    value = getattr(default, "arg", None) if default is not None else None
    if isinstance(value, bool | int | float | str):
        literal = repr(int(value)) if isinstance(value, bool) else repr(value)
        return f"{clause} NOT NULL DEFAULT {literal}"
    raise StoreError(
        f"the store lacks column {column.table.name}.{column.name}, which cannot be added in "
        "place (NOT NULL without a default); re-create the store with `recwatch run`"
    )


def add_missing_columns(engine: Engine) -> list[str]:
    """Add every column the tables declare but an existing store lacks; return 'table.column'."""
    inspector = inspect(engine)
    existing_tables = set(inspector.get_table_names())
    added: list[str] = []
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name not in existing_tables:
                continue
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in have:
                    continue
                quoted = engine.dialect.identifier_preparer.quote(table.name)
                ddl = f"ALTER TABLE {quoted} ADD COLUMN {_column_ddl(engine, column)}"
                connection.execute(text(ddl))
                added.append(f"{table.name}.{column.name}")
    for name in added:
        logger.info("store upgraded: added column %s", name)
    return added
