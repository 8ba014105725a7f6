"""Revisions of the store schema, oldest first (Alembic skips this file)."""
