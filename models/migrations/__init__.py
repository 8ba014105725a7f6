"""Alembic migrations of the store: `env.py` and one hand-written revision per schema change.

They are run through Alembic's API by `models.migrate` (no alembic.ini needed). To change the
schema: edit `models/tables.py` (and its class in `models/db.py`), draft
`versions/revNNNN_<what>.py` with `models.migrate.draft_revision(engine, "what")` against a
store at head, review it by hand
(`op.batch_alter_table` for changes to existing tables: SQLite alters tables by copying them),
and set `models.migrate.HEAD`. Views are not revisions: `models.migrate` drops them before
every upgrade and `models.store` re-creates them afterwards.
`tests/test_migrate.py` checks that head matches `models/tables.py` on SQLite and PostgreSQL.
"""
