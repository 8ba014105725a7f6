"""The store: round trip, idempotent re-runs, versions on change, all-or-nothing runs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from factories import make_item, make_result
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from models import db
from models.ids import publication_key
from models.store import open_store
from pipeline.common.outcome import Outcome
from pipeline.store import load
from pipeline.store.query import ItemFilter, documents_with_items, find_items


def _load(engine: Engine, *outcomes: Outcome) -> load.RunReport:
    return load.load_run(
        engine,
        outcomes,
        started_at=datetime(2025, 10, 1, 12, 0),
        tool_version="test",
        git_revision=None,
        settings={"dateparser": "{}"},
    )


def _count(engine: Engine, table: type[db.Base]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


@pytest.fixture
def url(store_url: str) -> str:
    """Each test runs on SQLite and on PostgreSQL (see tests/conftest.py)."""
    return store_url


def test_round_trip_returns_what_was_loaded(url: str) -> None:
    result = make_result()
    report = _load(open_store(url), Outcome(Path("report.pdf"), result, sha256=result.sha256))
    assert report.status == "ok"
    assert report.items_by_kind == {"area_for_improvement": 1, "recommendation": 2}
    assert report.with_deadlines == 1
    [doc] = documents_with_items(url)
    assert (doc["title"], doc["publisher"], doc["published"]) == (
        "A report",
        "HMICFRS",
        "2025-09-01",
    )
    assert [(i["kind"], i["number"]) for i in doc["items"]] == [
        ("recommendation", "1"),
        ("recommendation", "2"),
        ("area_for_improvement", None),
    ]
    first = doc["items"][0]
    key = publication_key("HMICFRS", "A report", result.sha256)
    assert first["id"] == f"{key}:recommendation:1"
    assert first["deadline"]["date"] == "2026-03-31"
    assert first["deadline"]["kind"] == "date"
    assert doc["items"][2]["id"].startswith(f"{key}:area_for_improvement:t")


def test_running_twice_writes_no_new_versions(url: str) -> None:
    engine = open_store(url)
    result = make_result()
    outcome = Outcome(Path("report.pdf"), result, sha256=result.sha256)
    first = _load(engine, outcome)
    versions = _count(engine, db.ItemVersion)
    second = _load(engine, outcome)
    assert first.new_versions == 3
    assert (second.new_versions, second.unchanged) == (0, 3)
    assert _count(engine, db.ItemVersion) == versions == 3
    assert _count(engine, db.Run) == 2
    assert _count(engine, db.Document) == 1


def test_changed_item_gets_a_new_version_and_vanished_item_leaves_the_register(url: str) -> None:
    engine = open_store(url)
    result = make_result()
    _load(engine, Outcome(Path("report.pdf"), result))
    changed = replace(result.items[0], text="The force should review custody, urgently.")
    _load(engine, Outcome(Path("report.pdf"), replace(result, items=(changed, result.items[1]))))
    assert _count(engine, db.ItemVersion) == 4
    rows = find_items(url, ItemFilter())
    assert [r["text"] for r in rows] == [
        "The force should review custody, urgently.",
        "Chief constables should publish their data.",
    ]


def test_failure_mid_load_leaves_the_store_as_it_was(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = open_store(url)
    _load(engine, Outcome(Path("a.pdf"), make_result("a.pdf")))
    before = [_count(engine, t) for t in (db.Run, db.Document, db.Item, db.ItemVersion)]
    real = load.load_document
    calls: list[str] = []

    def crash_on_second(session: Session, result: object, context: load.LoadContext) -> int:
        calls.append("x")
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(session, result, context)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "load_document", crash_on_second)
    with pytest.raises(RuntimeError, match="disk on fire"):
        _load(
            engine,
            Outcome(Path("b.pdf"), make_result("b.pdf")),
            Outcome(Path("c.pdf"), make_result("c.pdf")),
        )
    assert len(calls) == 2
    after = [_count(engine, t) for t in (db.Run, db.Document, db.Item, db.ItemVersion)]
    assert after == before


def test_failed_documents_are_recorded_and_others_load(url: str) -> None:
    engine = open_store(url)
    report = _load(
        engine,
        Outcome(Path("good.pdf"), make_result("good.pdf")),
        Outcome(Path("scan.pdf"), error="scan.pdf: no text layer", warnings=("scan.pdf: no text",)),
    )
    assert report.status == "partial"
    assert report.failed == (("scan.pdf", "scan.pdf: no text layer"),)
    with Session(engine) as session:
        rows = session.scalars(select(db.RunDocument).order_by(db.RunDocument.file)).all()
        assert [(r.file, r.status) for r in rows] == [("good.pdf", "ok"), ("scan.pdf", "failed")]
        run = session.scalars(select(db.Run)).one()
        assert run.status == "partial"
        assert '"documents_failed": 1' in run.counts
        assert "scan.pdf: no text" in run.warnings


def test_a_run_whose_every_document_failed_is_failed(url: str) -> None:
    engine = open_store(url)
    report = _load(engine, Outcome(Path("scan.pdf"), error="scan.pdf: no text layer"))
    assert report.status == "failed"
    with Session(engine) as session:
        assert session.scalars(select(db.Run)).one().status == "failed"


def test_duplicate_numbers_in_one_document_get_distinct_ids(url: str) -> None:
    items = (make_item("1", "First text."), make_item("1", "Second text."))
    _load(open_store(url), Outcome(Path("d.pdf"), make_result("d.pdf", items)))
    ids = [r["id"] for r in find_items(url, ItemFilter())]
    assert len(set(ids)) == 2
    assert ids[1].endswith(":recommendation:1~2")


def test_filters(url: str) -> None:
    _load(open_store(url), Outcome(Path("report.pdf"), make_result()))
    numbers = lambda **kw: [r["number"] for r in find_items(url, ItemFilter(**kw))]  # noqa: E731
    assert numbers(kinds=("area_for_improvement",)) == [None]
    assert numbers(has_deadline=True) == ["1"]
    assert numbers(due_before=datetime(2026, 3, 31).date()) == []
    assert numbers(due_before=datetime(2026, 4, 1).date()) == ["1"]
    assert numbers(addressees=("CHIEF_CONSTABLES",)) == ["2"]
    assert numbers(for_forces=True) == ["1", "2", None]
    assert numbers(publisher="hmic") == ["1", "2", None]
    assert numbers(document="nothing-like-it") == []


def test_byte_identical_copies_in_one_run_load_once(url: str) -> None:
    engine = open_store(url)
    result = make_result("a.pdf")
    report = _load(
        engine,
        Outcome(Path("in/a.pdf"), result=result, sha256=result.sha256),
        Outcome(Path("in/b.pdf"), result=replace(result, file="b.pdf"), sha256=result.sha256),
    )  # was IntegrityError: UNIQUE constraint failed: run_items.run_id, run_items.item_id
    assert report.status == "ok"
    with Session(engine) as session:
        rows = session.execute(select(db.RunDocument.file, db.RunDocument.message)).all()
    assert sorted(rows) == [
        ("in/a.pdf", None),
        ("in/b.pdf", "the same file as in/a.pdf; loaded once"),
    ]
    assert _count(engine, db.RunItem) == len(result.items)


def test_two_files_with_one_title_load_again_each_with_its_own_items(url: str) -> None:
    engine = open_store(url)
    pair = [make_result(name) for name in ("a.pdf", "b.pdf")]  # same publisher and title
    outcomes = [Outcome(Path(r.file), r, sha256=r.sha256) for r in pair]
    first = _load(engine, *outcomes)
    second = _load(engine, *outcomes)  # failed on the run_items key: a took b's items
    assert first.new_versions == 6
    assert (second.status, second.new_versions, second.unchanged) == ("ok", 0, 6)
    with Session(engine) as session:
        owners = dict(session.execute(select(db.Item.id, db.Item.document_sha256)).all())
    assert len(owners) == 6
    assert set(owners.values()) == {r.sha256 for r in pair}
