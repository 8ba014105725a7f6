"""The review queue on a generated store of 1,000 documents and 20,000 items answers fast.

The store is written with bulk inserts (loading 1,000 reports through `recwatch run` would take
a minute): two runs, the second changing, adding and removing some items, a few documents with
self-check warnings and some review flags.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from extractors.checks import MARK
from models import db
from models.store import open_store
from pipeline.review.app import create_app
from pipeline.review.settings import ReviewSettings

DOCUMENTS, PER_DOCUMENT = 1_000, 20
LIMIT_SECONDS = 0.3


def _rows(
    run: int, d: int, version_of: dict[str, int], ids: Iterator[int]
) -> tuple[list[dict[str, Any]], ...]:
    """Item, version and run_item rows of one document in one run."""
    sha = f"{d:064x}"
    items, versions, seen = [], [], []
    for n in range(PER_DOCUMENT + (1 if run == 2 and d % 50 == 0 else 0)):
        if run == 2 and d % 40 == 0 and n == 0:
            continue  # removed in run 2
        item_id = f"{sha[-12:]}:recommendation:{n + 1}"
        changed = run == 2 and d % 25 == 0 and n == 1
        if item_id not in version_of or changed:
            version_of[item_id] = next(ids)
            versions.append(
                {
                    "id": version_of[item_id],
                    "item_id": item_id,
                    "run_id": run,
                    "content_hash": f"{run}{n}",
                    "text": f"Recommendation {n + 1} of report {d} (run {run}).",
                    "pages": "[3]",
                    "page_start": 3,
                    "page_end": 3,
                    "addressees": json.dumps(["chief_constables" if n % 2 else "home_office"]),
                    "created_at": datetime(2025, 10, run),
                }
            )
            if run == 1 or n == PER_DOCUMENT:
                items.append(
                    {"id": item_id, "document_sha256": sha, "kind": "recommendation",
                     "number": str(n + 1), "position": n}
                )  # fmt: skip
        seen.append(
            {"run_id": run, "item_id": item_id, "version_id": version_of[item_id],
             "document_sha256": sha, "publication": sha[-12:], "kind": "recommendation",
             "number": str(n + 1), "position": n}
        )  # fmt: skip
    return items, versions, seen


def build_store(path: Path) -> str:
    """Write the generated store; return its URL."""
    url = f"sqlite:///{path}"
    engine = open_store(url)
    version_of: dict[str, int] = {}
    ids = itertools.count(1)
    with Session(engine) as session, session.begin():
        for run in (1, 2):
            session.execute(
                insert(db.Run),
                [{"id": run, "started_at": datetime(2025, 10, run), "tool_version": "bench",
                  "status": "ok"}],
            )  # fmt: skip
            if run == 1:
                session.execute(
                    insert(db.Document),
                    [{"sha256": f"{d:064x}", "file": f"report-{d:04d}.pdf", "pages": 10,
                      "title": f"Report {d}", "first_seen_run": 1} for d in range(DOCUMENTS)],
                )  # fmt: skip
            all_items, all_versions, all_seen = [], [], []
            for d in range(DOCUMENTS):
                items, versions, seen = _rows(run, d, version_of, ids)
                all_items += items
                all_versions += versions
                all_seen += seen
            if all_items:
                session.execute(insert(db.Item), all_items)
            session.execute(insert(db.ItemVersion), all_versions)
            session.execute(insert(db.RunItem), all_seen)
            session.execute(
                insert(db.RunDocument),
                [{"run_id": run, "sha256": f"{d:064x}", "file": f"report-{d:04d}.pdf",
                  "status": "ok",
                  "warnings": json.dumps([f"{MARK} 5 recommendations promised, 4 found"]
                                         if d % 100 == 7 else [])}
                 for d in range(DOCUMENTS)],
            )  # fmt: skip
        for item_id, version in version_of.items():
            session.execute(
                db.Item.__table__.update()
                .where(db.Item.id == item_id)
                .values(current_version_id=version)
            )
    engine.dispose()
    return url


def test_the_queue_of_1000_documents_answers_in_under_300_ms(tmp_path: Path) -> None:
    url = build_store(tmp_path / "bench.db")
    settings = ReviewSettings(db_url=url, data_dir=tmp_path, user="bench")
    client = create_app(settings).test_client()
    assert client.get("/").status_code == 200  # warm: imports, registry, templates
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        page = client.get("/")
        timings.append(time.perf_counter() - started)
        assert page.status_code == 200
    assert page.text.index("report-0007.pdf") < page.text.index("report-0000.pdf")  # warnings
    assert statistics.median(timings) < LIMIT_SECONDS, timings
