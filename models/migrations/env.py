"""Alembic environment: migrate the connection `models.migrate` hands over.

`render_as_batch` is on for SQLite so that `models.migrate.draft_revision` drafts revisions with
`op.batch_alter_table` (SQLite alters tables by copying them); drafts are reviewed by hand.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from models.tables import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "recwatch migrations run on a connection given by models.migrate; "
        "use `recwatch db upgrade --db URL` instead of the alembic command"
    )
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
