"""Schema migrations (Alembic), on SQLite and on PostgreSQL: head matches `models/db.py`, stores
of the previous schema and stores written before migrations existed are upgraded with their data."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from factories import make_result
from sqlalchemy import Engine, inspect, text

from models import migrate, views
from models.db import Base
from models.errors import StoreError
from models.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    revision_schemas,
    revisions,
    upgrade,
)
from models.store import open_store
from models.views import drop_views
from pipeline.cli.main import cli
from pipeline.common.outcome import Outcome
from pipeline.store import load
from pipeline.store.query import ItemFilter, documents_with_items, find_items

PREVIOUS = "0001"


def _bare(url: str) -> Engine:
    """An engine on the store that leaves its schema alone."""
    return open_store(url, create=False)


def _columns(engine: Engine) -> dict[str, set[str]]:
    inspector = inspect(engine)
    return {
        name: {column["name"] for column in inspector.get_columns(name)}
        for name in inspector.get_table_names()
        if name != "alembic_version"
    }


def _previous_store_with_rows(url: str) -> None:
    """Create the previous schema (revision 0001) and fill it as that recwatch did."""
    engine = _bare(url)
    try:
        assert upgrade(engine, PREVIOUS).after == PREVIOUS
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO runs (started_at, finished_at, tool_version, settings, inputs,"
                    " counts, warnings, status) VALUES (:at, :at, '0.0.9', '{}', '[]', '{}',"
                    " '[]', 'ok')"
                ),
                {"at": datetime(2025, 1, 2, 3, 4, 5)},
            )
            conn.execute(
                text(
                    "INSERT INTO documents (sha256, file, title, publisher, published, pages,"
                    " first_seen_run) VALUES (:sha, 'old.pdf', 'Old report', 'HMICFRS', :pub, 9, 1)"
                ),
                {"sha": "a" * 64, "pub": date(2024, 12, 1)},
            )
            conn.execute(
                text(
                    "INSERT INTO items (id, document_sha256, kind, number, position)"
                    " VALUES ('old:recommendation:1', :sha, 'recommendation', '1', 0)"
                ),
                {"sha": "a" * 64},
            )
            conn.execute(
                text(
                    "INSERT INTO item_versions (item_id, run_id, content_hash, text, pages,"
                    " page_start, page_end, addressees, partners, deadline_text, deadline_date,"
                    " deadline_kind, deadlines, occurrences, created_at) VALUES"
                    " ('old:recommendation:1', 1, 'h1', 'Forces should act.', '[4]', 4, 4,"
                    " '[\"ALL_FORCES\"]', '[]', 'by June 2025', :due, 'date', '[]',"
                    " '[4]', :at)"
                ),
                {"due": date(2025, 6, 30), "at": datetime(2025, 1, 2, 3, 4, 5)},
            )
            conn.execute(text("UPDATE items SET current_version_id = 1"))
    finally:
        engine.dispose()


def test_revisions_run_in_order_and_head_is_the_newest() -> None:
    assert revisions()[:2] == ("0001", "0002")
    assert head_revision() == revisions()[-1], "set models.migrate.HEAD to the new revision"


def test_a_new_store_is_created_at_head_and_matches_models_db(store_url: str) -> None:
    engine = open_store(store_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []  # the hand-written revisions build exactly the declared tables
        assert "items_current" in inspect(engine).get_view_names()
    finally:
        engine.dispose()


def test_each_orm_class_types_exactly_the_columns_of_its_table() -> None:
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        typed = set(mapper.class_.__annotations__)
        assert typed == set(table.columns.keys()), f"models/db.py {mapper.class_.__name__}"
    assert {m.local_table for m in Base.registry.mappers} == set(Base.metadata.tables.values())


def test_a_store_of_the_previous_schema_is_upgraded_with_its_data(store_url: str) -> None:
    _previous_store_with_rows(store_url)
    engine = _bare(store_url)
    assert "summary" not in _columns(engine)["documents"]
    assert "corrections" not in _columns(engine)
    engine.dispose()

    engine = open_store(store_url)  # every command opens (and so upgrades) the store
    try:
        assert current_revision(engine) == head_revision()
        assert "summary" in _columns(engine)["documents"]
        [doc] = documents_with_items(store_url)
        assert (doc["title"], doc["published"]) == ("Old report", "2024-12-01")
        [item] = doc["items"]
        assert (item["id"], item["text"], item["addressees"]) == (
            "old:recommendation:1",
            "Forces should act.",
            ["ALL_FORCES"],
        )
        assert item["deadline"]["date"] == "2025-06-30"
        with engine.connect() as conn:  # the views were re-created over the upgraded tables
            row = conn.execute(text("SELECT recwatch_id, addressees FROM register")).one()
            summary = conn.scalar(text("SELECT summary FROM documents"))
        assert summary is None  # the new column is empty until the next run fills it
        assert tuple(row) == ("old:recommendation:1", "ALL_FORCES")
        result = make_result("new.pdf")  # and the tables of revision 0002 take new runs
        load.load_run(
            engine,
            [Outcome(Path("new.pdf"), result, sha256=result.sha256)],
            started_at=datetime(2025, 10, 1),
            tool_version="test",
            git_revision=None,
            settings={},
        )
        assert len(find_items(store_url, ItemFilter())) == 4
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_a_store_written_before_migrations_is_recognised(store_url: str, revision: str) -> None:
    _previous_store_with_rows(store_url)
    engine = _bare(store_url)
    try:
        upgrade(engine, revision)
        with engine.begin() as conn:  # what a store written before Alembic looked like
            conn.execute(text("DROP TABLE alembic_version"))
        assert current_revision(engine) is None
        done = upgrade(engine)
        assert (done.before, done.stamped, done.after) == (None, revision, head_revision())
        assert len(find_items(store_url, ItemFilter())) == 1
    finally:
        engine.dispose()


def test_a_foreign_store_is_refused_with_what_it_lacks(store_url: str) -> None:
    engine = _bare(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE runs (id INTEGER PRIMARY KEY, note TEXT)"))
        with pytest.raises(StoreError, match=r"not the first schema \(missing: documents, "):
            open_store(store_url)
        with pytest.raises(StoreError, match=r"runs\.started_at"):
            open_store(store_url)
    finally:
        engine.dispose()


def test_a_store_from_a_newer_recwatch_is_refused(store_url: str) -> None:
    open_store(store_url).dispose()
    engine = _bare(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        with pytest.raises(StoreError, match="revision 0999, which this recwatch does not know"):
            open_store(store_url)
    finally:
        engine.dispose()


def test_downgrades_undo_each_revision(store_url: str) -> None:
    open_store(store_url).dispose()
    engine = _bare(store_url)
    schemas = dict(revision_schemas())
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP VIEW register"))  # views are not revisions: drop them first
            conn.execute(text("DROP VIEW item_addressees"))
            conn.execute(text("DROP VIEW item_history"))
            conn.execute(text("DROP VIEW items_current"))
            command.downgrade(alembic_config(conn), PREVIOUS)
        assert _columns(engine) == schemas[PREVIOUS]
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert _columns(engine) == {}
        assert upgrade(engine).after == head_revision()
        assert _columns(engine) == schemas[head_revision()]
    finally:
        engine.dispose()


def test_db_commands_upgrade_and_report_the_revision(store_url: str) -> None:
    _previous_store_with_rows(store_url)
    runner = CliRunner()
    before = runner.invoke(cli, ["--db", store_url, "db", "current"])
    assert before.exit_code == 0, before.stderr
    head = head_revision()
    assert before.stdout == f"0001 (head is {head}; run `recwatch db upgrade`)\n"
    done = runner.invoke(cli, ["db", "upgrade", "--db", store_url])
    assert done.exit_code == 0, done.stderr
    assert done.stdout == ""
    assert f"upgraded from 0001 to {head} (head)" in done.stderr
    again = runner.invoke(cli, ["db", "upgrade", "--db", store_url])
    assert f"is already at revision {head} (head)" in again.stderr
    after = runner.invoke(cli, ["db", "current", "--db", store_url])
    assert after.stdout == f"{head} (head)\n"


def _store_at_0002_with_labels(url: str) -> None:
    """A store of revision 0002 holding bodies as the extractor printed them (labels, names)."""
    _previous_store_with_rows(url)
    engine = _bare(url)
    try:
        upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE item_versions SET addressees = :a, partners = :p WHERE id = 1"),
                {
                    "a": '["Welsh Government", "chief_constables", "DfT", "ALL_FORCES"]',
                    "p": '["College of Policing"]',
                },
            )
            conn.execute(
                text(
                    "INSERT INTO corrections (item_id, field, value, extracted, made_by, made_at)"
                    " VALUES ('old:recommendation:1', 'addressees', :v, :e, 'ann', :at)"
                ),
                {
                    "v": '["College of Policing", "college_of_policing"]',
                    "e": '["Welsh Government"]',
                    "at": datetime(2025, 2, 1),
                },
            )
    finally:
        engine.dispose()


def test_revision_0003_stores_registry_ids_for_addressees(store_url: str) -> None:
    _store_at_0002_with_labels(store_url)
    engine = open_store(store_url)  # opening upgrades to head
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT addressees, partners FROM item_versions")).one()
            correction = conn.execute(text("SELECT value, extracted FROM corrections")).one()
        assert json.loads(version[0]) == [
            "welsh_government",
            "chief_constables",
            "dft",
            "ALL_FORCES",
        ]
        assert json.loads(version[1]) == ["college_of_policing"]
        assert json.loads(correction[0]) == ["college_of_policing"]  # two spellings, one body
        assert json.loads(correction[1]) == ["welsh_government"]
    finally:
        engine.dispose()


def test_a_store_written_before_migrations_at_0002_gets_the_data_revision(store_url: str) -> None:
    _store_at_0002_with_labels(store_url)
    engine = _bare(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
        done = upgrade(engine)
        assert (done.stamped, done.after) == ("0002", head_revision())
        with engine.connect() as conn:
            stored = conn.scalar(text("SELECT addressees FROM item_versions"))
        assert json.loads(stored)[0] == "welsh_government"
    finally:
        engine.dispose()


def test_db_current_on_a_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(cli, ["db", "current", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"no store at {missing}; run `recwatch run` first" in result.stderr
    assert not missing.exists()


def test_an_upgrade_that_fails_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'half.db'}"
    _previous_store_with_rows(url)
    engine = _bare(url)
    try:
        with engine.begin() as conn:  # revision 0002 will trip over this table
            conn.execute(text("CREATE TABLE run_items (id INTEGER PRIMARY KEY)"))
        with pytest.raises(StoreError, match=r"cannot upgrade the store .* to revision 000[2-9]"):
            upgrade(engine)
        assert current_revision(engine) == PREVIOUS
        assert "summary" not in _columns(engine)["documents"]
    finally:
        engine.dispose()


def test_views_read_json_lists_on_every_dialect(store_url: str) -> None:
    _previous_store_with_rows(store_url)
    engine = open_store(store_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT role, body_id FROM item_addressees")).all()
        assert [tuple(r) for r in rows] == [("addressee", "ALL_FORCES")]
    finally:
        engine.dispose()


def test_a_draft_revision_is_written_in_batch_mode_for_what_the_store_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", copy)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).dispose()
    engine = _bare(url)
    try:
        with engine.begin() as conn:  # a store one column behind models/db.py
            drop_views(conn)
            conn.execute(text("ALTER TABLE documents DROP COLUMN summary"))
        path = migrate.draft_revision(engine, "document summaries")
    finally:
        engine.dispose()
    head = head_revision()
    assert path == copy / "versions" / f"rev{int(head) + 1:04d}_document_summaries.py"
    source = path.read_text(encoding="utf-8")
    assert f"down_revision: str | None = '{head}'" in source
    assert "with op.batch_alter_table('documents', schema=None) as batch_op:" in source
    assert "batch_op.add_column(sa.Column('summary', sa.Text(), nullable=True))" in source


def test_a_changed_view_definition_replaces_the_views(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(store_url).dispose()
    real = views.view_definitions

    def with_a_new_column(dialect: str) -> dict[str, str]:
        defined = real(dialect)
        defined["item_history"] = defined["item_history"].replace(
            "SELECT v.item_id,", "SELECT 'x' AS marker, v.item_id,", 1
        )
        return defined

    monkeypatch.setattr(views, "view_definitions", with_a_new_column)
    engine = open_store(store_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(marker) FROM item_history")).scalar() == 0
    finally:
        engine.dispose()
