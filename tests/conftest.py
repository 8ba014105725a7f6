"""Shared pytest options."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add --update-golden: rewrite golden expectation files instead of comparing with them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.json from the fixture builder's expectations",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty store's URL: a SQLite file, then a PostgreSQL schema (see tests/pgstore.py)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'recwatch.db'}"
        return
    from pgstore import pg_schema_url

    with pg_schema_url() as url:
        yield url
