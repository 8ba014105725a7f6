"""The run log: every `recwatch run` with its provenance, outcome and item counts."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import db
from models.store import open_existing_store


def run_row(run: db.Run) -> dict[str, Any]:
    """Return one run as JSON-ready data (counts missing from older runs are None)."""
    counts = json.loads(run.counts or "{}")
    return {
        "id": run.id,
        "started": run.started_at.isoformat(timespec="seconds"),
        "finished": run.finished_at.isoformat(timespec="seconds") if run.finished_at else None,
        "status": run.status,
        "tool_version": run.tool_version,
        "git_revision": run.git_revision,
        "documents_ok": counts.get("documents_ok"),
        "documents_failed": counts.get("documents_failed"),
        "items": counts.get("items"),
        "items_new": counts.get("items_new"),
        "items_changed": counts.get("items_changed"),
        "items_removed": counts.get("items_removed"),
        "needs_review": counts.get("needs_review"),
        "inputs": [entry.get("sha256") for entry in json.loads(run.inputs or "[]")],
        "settings": json.loads(run.settings or "{}"),
        "warnings": json.loads(run.warnings or "[]"),
    }


def list_runs(db_url: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Return the newest runs first (all of them unless `limit` is given)."""
    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            query = select(db.Run).order_by(db.Run.id.desc()).limit(limit)
            return [run_row(run) for run in session.scalars(query)]
    finally:
        engine.dispose()
