"""Store URLs for tests: a SQLite file, or a fresh schema on the PostgreSQL in RECWATCH_TEST_PG.

Each PostgreSQL test gets its own schema (dropped afterwards) through libpq's `options`
search_path, so the code under test only ever sees an ordinary URL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

PG_ENV = "RECWATCH_TEST_PG"


def pg_base_url() -> str:
    """Return RECWATCH_TEST_PG, or skip (fail under CI=true) when it is not set."""
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {PG_ENV} is not set: .ci/run starts PostgreSQL and exports it")
    pytest.skip(
        f"PostgreSQL store tests need {PG_ENV}=postgresql+psycopg://USER@127.0.0.1:PORT/DB "
        "(.ci/run starts a server and sets it)"
    )


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """Yield a URL whose search_path is a new, empty schema; drop the schema afterwards."""
    from sqlalchemy import create_engine, text

    base = pg_base_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        joiner = "&" if "?" in base else "?"
        yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()
