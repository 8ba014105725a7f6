"""A store written before a column was added is upgraded in place when it is opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from models.migrate import add_missing_columns
from models.store import open_store


def _columns(url: str, table: str) -> set[str]:
    engine = open_store(url, create=False)
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def test_opening_an_older_store_adds_the_missing_nullable_column(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_store(url)
    with engine.begin() as connection:
        views = text("SELECT name FROM sqlite_master WHERE type='view'")  # may read the column
        for (name,) in connection.execute(views).all():
            connection.execute(text(f'DROP VIEW "{name}"'))
        connection.execute(text("ALTER TABLE documents DROP COLUMN summary"))
    engine.dispose()
    assert "summary" not in _columns(url, "documents")
    open_store(url).dispose()
    assert "summary" in _columns(url, "documents")


def test_an_up_to_date_store_is_left_alone(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert add_missing_columns(engine) == []
    finally:
        engine.dispose()
