"""What changed between two runs, or two versions of a report: stored snapshots in, changes out.

Every run stores what it saw of each item (`run_items`: id, version, number, document). A diff
compares two such snapshots by item id (ids survive re-publication and renumbering, see
`models.ids`): items only in the newer snapshot are added, only in the older removed, in both
with different fields changed, with a word-level diff of their text.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import db
from pipeline.common.errors import PipelineError
from pipeline.store.corrections import active_corrections, deadline_json

ChangeType = Literal["added", "removed", "changed"]
CHANGE_TYPES: tuple[ChangeType, ...] = ("added", "removed", "changed")
COMPARED = ("number", "parent", "text", "addressees", "partners", "deadline", "pages")


@dataclass(frozen=True, slots=True)
class Seen:
    """One item as a snapshot saw it."""

    id: str
    publication: str
    document_sha256: str
    file: str
    title: str | None
    kind: str
    number: str | None
    parent: str | None
    position: int
    text: str
    addressees: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: Mapping[str, Any] | None
    pages: tuple[int, int]

    def value(self, name: str) -> Any:
        """Return a compared field as JSON-ready data."""
        if name == "pages":
            return list(self.pages)
        if name in ("addressees", "partners"):
            return list(getattr(self, name))
        if name == "deadline":
            return dict(self.deadline) if self.deadline else None
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class Change:
    """One item added, removed or changed, with the fields that differ and its word diff."""

    change: ChangeType
    before: Seen | None
    after: Seen | None
    fields: tuple[str, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # (op, text): op is equal | delete | insert
    corrected: tuple[str, ...] = ()  # fields an analyst's correction in force overrides

    @property
    def item(self) -> Seen:
        """The item's newest known state."""
        seen = self.after or self.before
        if seen is None:
            raise ValueError("a change has an item before or after it")
        return seen


@dataclass(frozen=True, slots=True)
class Group:
    """The changes of one report (one publication)."""

    publication: str
    title: str | None
    before: tuple[str, str] | None  # (file, sha256) of the older version
    after: tuple[str, str] | None
    changes: tuple[Change, ...]
    unchanged: int


@dataclass(frozen=True, slots=True)
class Diff:
    """A whole diff: what was compared and the changes grouped by report."""

    before: str  # e.g. "run 3" or "report.pdf (3f2a9c1d0b7e)"
    after: str
    groups: tuple[Group, ...]
    only_before: tuple[str, ...] = field(default=())  # reports the newer run did not process

    def count(self, change: ChangeType) -> int:
        """Return how many items had this kind of change."""
        return sum(1 for g in self.groups for c in g.changes if c.change == change)

    @property
    def unchanged(self) -> int:
        """Items present and identical on both sides."""
        return sum(g.unchanged for g in self.groups)


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """Return a word-level diff as (op, text) runs: equal, delete or insert."""
    a, b = before.split(), after.split()
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(("delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("insert", " ".join(b[j1:j2])))
    return tuple(out)


def compare(before: Seen | None, after: Seen | None) -> Change | None:
    """Return the change between two states of one item, or None when nothing differs."""
    if before is None and after is None:
        return None
    if before is None:
        return Change("added", None, after)
    if after is None:
        return Change("removed", before, None)
    fields = tuple(f for f in COMPARED if before.value(f) != after.value(f))
    if not fields:
        return None
    words = word_diff(before.text, after.text) if "text" in fields else ()
    return Change("changed", before, after, fields, words)


def diff_snapshots(
    before: Mapping[str, Seen], after: Mapping[str, Seen], scope: set[str] | None = None
) -> tuple[Group, ...]:
    """Compare two snapshots report by report; `scope` limits it to these publications."""
    publications = {s.publication for s in (*before.values(), *after.values())}
    if scope is not None:
        publications &= scope
    groups: list[Group] = []
    for publication in sorted(publications):
        old = {k: s for k, s in before.items() if s.publication == publication}
        new = {k: s for k, s in after.items() if s.publication == publication}
        changes = [
            change
            for key in sorted(old.keys() | new.keys())
            if (change := compare(old.get(key), new.get(key))) is not None
        ]
        changes.sort(key=lambda c: (c.after is None, c.item.position, c.item.id))
        first_old = next(iter(old.values()), None)
        first_new = next(iter(new.values()), None)
        newest = first_new or first_old
        title = newest.title if newest else None
        groups.append(
            Group(
                publication=publication,
                title=title,
                before=(first_old.file, first_old.document_sha256) if first_old else None,
                after=(first_new.file, first_new.document_sha256) if first_new else None,
                changes=tuple(changes),
                unchanged=len(old.keys() & new.keys())
                - sum(c.change == "changed" for c in changes),
            )
        )
    return tuple(groups)


# --------------------------------------------------------------------------------------------
# Snapshots out of the store
# --------------------------------------------------------------------------------------------


def _snapshot(session: Session, where: Any) -> dict[str, Seen]:
    """Return the items of the run_items rows matching `where`, keyed by item id."""
    query = (
        select(db.RunItem, db.ItemVersion, db.Document)
        .join(db.ItemVersion, db.ItemVersion.id == db.RunItem.version_id)
        .join(db.Document, db.Document.sha256 == db.RunItem.document_sha256)
        .where(where)
        .order_by(db.RunItem.position)
    )
    return {
        seen.item_id: Seen(
            id=seen.item_id,
            publication=seen.publication,
            document_sha256=document.sha256,
            file=document.file,
            title=document.title,
            kind=seen.kind,
            number=seen.number,
            parent=seen.parent,
            position=seen.position,
            text=version.text,
            addressees=tuple(json.loads(version.addressees)),
            partners=tuple(json.loads(version.partners)),
            deadline=deadline_json(version),
            pages=(version.page_start, version.page_end),
        )
        for seen, version, document in session.execute(query).all()
    }


def _check_snapshot(session: Session, run: db.Run) -> None:
    """Raise when a run loaded items but has no snapshot (it predates run_items)."""
    has = session.scalar(select(func.count()).where(db.RunItem.run_id == run.id))
    if not has and json.loads(run.counts or "{}").get("items", 0):
        raise PipelineError(
            f"run {run.id} was recorded before runs kept item snapshots",
            "compare later runs, or run `recwatch run` again to record one",
        )


def _run(session: Session, run_id: int | None, last: Sequence[int]) -> db.Run:
    """Return a run by id, naming the runs there are when it is missing."""
    run = session.get(db.Run, run_id) if run_id is not None else None
    if run is None:
        have = f"runs {last[-1]} to {last[0]}" if last else "no runs"
        raise PipelineError(f"no run {run_id} in the store", f"the store has {have}")
    return run


def diff_runs(session: Session, run_a: int | None = None, run_b: int | None = None) -> Diff:
    """Diff two runs (default: the last two); reports only the older run processed are skipped."""
    last = list(session.scalars(select(db.Run.id).order_by(db.Run.id.desc())))
    if run_a is None and run_b is None:
        if len(last) < 2:
            raise PipelineError(
                f"a diff needs two runs; the store has {len(last)}",
                "run `recwatch run` again after the reports change, or name two runs",
            )
        run_a, run_b = last[1], last[0]
    elif run_b is None:
        run_b = last[0] if last else None
    a, b = _run(session, run_a, last), _run(session, run_b, last)
    for run in (a, b):
        _check_snapshot(session, run)
    before = _snapshot(session, db.RunItem.run_id == a.id)
    after = _snapshot(session, db.RunItem.run_id == b.id)
    processed_b = set(
        session.scalars(
            select(db.RunDocument.sha256).where(
                db.RunDocument.run_id == b.id, db.RunDocument.status == "ok"
            )
        )
    )
    in_b = {s.publication for s in after.values()}
    skipped = {
        s.publication: s.file
        for s in before.values()
        if s.publication not in in_b and s.document_sha256 not in processed_b
    }
    scope = {s.publication for s in (*before.values(), *after.values())} - skipped.keys()
    groups = diff_snapshots(before, after, scope)
    return Diff(f"run {a.id}", f"run {b.id}", groups, tuple(sorted(set(skipped.values()))))


def find_document(session: Session, ref: str) -> db.Document:
    """Return the stored document a sha256 prefix, file name or part of a name or title names.

    An exact file name or sha256 prefix wins; otherwise the reference may be any part of a
    file name or title (as `items --document`). Several candidates are an error listing them.
    """
    documents = session.scalars(select(db.Document).order_by(db.Document.first_seen_run)).all()
    wanted = ref.strip()
    found = [
        d
        for d in documents
        if d.file == wanted
        or d.file.rsplit("/", 1)[-1] == wanted
        or (len(wanted) >= 4 and d.sha256.startswith(wanted.lower()))
    ]
    if not found and wanted:
        folded = wanted.casefold()
        found = [
            d
            for d in documents
            if folded in d.file.casefold() or folded in (d.title or "").casefold()
        ]
    if not found:
        raise PipelineError(
            f"no stored document matches {ref!r}",
            "give part of a file name or title, or a sha256 prefix (4+ hex digits), as "
            "`recwatch items` lists them",
        )
    if len(found) > 1:
        names = "".join(f"\n  {d.sha256[:12]}  {d.file}" for d in found)
        raise PipelineError(
            f"{ref!r} matches {len(found)} documents:{names}",
            "give more of the name, or a sha256 prefix",
        )
    return found[0]


def document_item_ids(db_url: str, ref: str) -> set[str]:
    """Return the ids of the items of the one document `ref` names (see `find_document`)."""
    from models.store import open_existing_store

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            document = find_document(session, ref)
            found = session.scalars(
                select(db.Item.id).where(db.Item.document_sha256 == document.sha256)
            )
            return set(found)
    finally:
        engine.dispose()


def diff_documents(session: Session, old: str, new: str) -> Diff:
    """Diff two versions of a report, each as its latest run saw it."""
    docs = [find_document(session, ref) for ref in (old, new)]
    snapshots: list[dict[str, Seen]] = []
    for document in docs:
        run_id = session.scalar(
            select(func.max(db.RunItem.run_id)).where(db.RunItem.document_sha256 == document.sha256)
        )
        snap = _snapshot(
            session,
            (db.RunItem.run_id == run_id) & (db.RunItem.document_sha256 == document.sha256),
        )
        # Compare as one report whatever the two versions are keyed by.
        snapshots.append({k: _as_publication(s, "document") for k, s in snap.items()})
    labels = [f"{d.file} ({d.sha256[:12]})" for d in docs]
    return Diff(labels[0], labels[1], diff_snapshots(snapshots[0], snapshots[1]))


def _as_publication(seen: Seen, publication: str) -> Seen:
    """Return a copy of a snapshot item under another publication key."""
    return Seen(**{**{f: getattr(seen, f) for f in Seen.__slots__}, "publication": publication})


def change_json(change: Change) -> dict[str, Any]:
    """Return one change as JSON-ready data."""
    item = change.item
    return {
        "id": item.id,
        "kind": item.kind,
        "change": change.change,
        "number": item.number,
        "fields": list(change.fields),
        "before": {f: change.before.value(f) for f in COMPARED} if change.before else None,
        "after": {f: change.after.value(f) for f in COMPARED} if change.after else None,
        "text_diff": [{"op": op, "text": text} for op, text in change.words],
        "corrected": list(change.corrected),
    }


def diff_json(diff: Diff) -> dict[str, Any]:
    """Return a diff as JSON-ready data."""
    return {
        "before": diff.before,
        "after": diff.after,
        "summary": {
            **{change: diff.count(change) for change in CHANGE_TYPES},
            "unchanged": diff.unchanged,
        },
        "reports": [
            {
                "publication": g.publication,
                "title": g.title,
                "before": {"file": g.before[0], "sha256": g.before[1]} if g.before else None,
                "after": {"file": g.after[0], "sha256": g.after[1]} if g.after else None,
                "unchanged": g.unchanged,
                "changes": [change_json(c) for c in g.changes],
            }
            for g in diff.groups
        ],
        "not_compared": list(diff.only_before),
    }


def with_corrections(diff: Diff, corrections: Mapping[str, Mapping[str, Any]]) -> Diff:
    """Mark the changes whose item an analyst corrected: the register keeps the correction."""

    def mark(change: Change) -> Change:
        fields = tuple(sorted(corrections.get(change.item.id, {})))
        return replace(change, corrected=fields) if fields else change

    groups = tuple(replace(g, changes=tuple(mark(c) for c in g.changes)) for g in diff.groups)
    return replace(diff, groups=groups)


def load_diff(
    db_url: str,
    runs: tuple[int | None, int | None] = (None, None),
    documents: tuple[str, str] | None = None,
) -> Diff:
    """Open the store and diff two runs, or two documents when `documents` is given."""
    from models.store import open_existing_store

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            if documents is not None:
                found = diff_documents(session, *documents)
            else:
                found = diff_runs(session, *runs)
            return with_corrections(found, active_corrections(session))
    finally:
        engine.dispose()
