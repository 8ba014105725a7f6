"""Gather the committee overview paper: the publications of a period and what they ask of whom.

`gather` is a pure function from store rows to an `Overview` record; `read_rows` is the only part
that touches the store. Rendering lives in `overview_render.py`, the chart in `overview_chart.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from extractors.addressees import for_forces
from extractors.deadlines import add_months
from extractors.registry import Body, load_registry, registry_ids
from models.records import ITEM_KINDS

if TYPE_CHECKING:
    from models import db

KIND_LABELS: dict[str, tuple[str, str]] = {
    "recommendation": ("Recommendation", "Recommendations"),
    "area_for_improvement": ("Area for improvement", "Areas for improvement"),
    "cause_of_concern": ("Cause of concern", "Causes of concern"),
    "action": ("Action", "Actions"),
}
# Addressee groups of the deadline timeline, in drawing order, from the registry's body kinds.
GROUPS: tuple[str, ...] = ("forces", "national bodies", "government", "other")
_GROUP_OF_KIND = {
    "police_force": "forces",
    "national_body": "national bodies",
    "inspectorate": "national bodies",
    "health_body": "national bodies",
    "government_department": "government",
    "government": "government",
}
WINDOWS: tuple[int, ...] = (3, 6, 12)  # months ahead for the upcoming force deadlines
HORIZON = max(WINDOWS)  # the timeline shows this many months ahead of today


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """The columns of a `documents` row the overview needs."""

    sha256: str
    file: str
    title: str | None
    publisher: str | None
    published: date | None
    summary: str | None = None
    checks: tuple[str, ...] = ()  # self-check warnings of its latest extraction


@dataclass(frozen=True, slots=True)
class StoredItem:
    """The current version of one stored item, with JSON columns decoded."""

    id: str
    document_sha256: str
    kind: str
    number: str | None
    position: int
    text: str
    addressees: tuple[str, ...] = ()
    deadline_text: str | None = None
    deadline_date: date | None = None
    deadline_kind: str | None = None
    page_start: int = 0


@dataclass(frozen=True, slots=True)
class Period:
    """What the paper covers: publication dates (inclusive), filters, and the day it is written."""

    since: date
    until: date
    today: date
    publisher: str | None = None
    for_forces_only: bool = False
    addressees: tuple[str, ...] = ()  # stored forms (`pipeline.store.bodies.filter_bodies`)

    def keeps(self, addressees: Iterable[str]) -> bool:
        """True when an item's addressees pass the addressee filter (none: every item)."""
        wanted = {a.casefold() for a in self.addressees}
        return not wanted or bool(wanted & {a.casefold() for a in registry_ids(addressees)})


@dataclass(frozen=True, slots=True)
class OverviewItem:
    """One item as the paper shows it."""

    kind: str
    number: str | None
    text: str
    addressees: tuple[str, ...]  # display names
    for_forces: bool
    deadline_text: str | None
    deadline_date: date | None
    deadline_kind: str | None
    page: int

    @property
    def label(self) -> str:
        """E.g. "Recommendation 4a", or "Area for improvement" when unnumbered."""
        name = KIND_LABELS.get(self.kind, (self.kind, self.kind))[0]
        return f"{name} {self.number}" if self.number else name


@dataclass(frozen=True, slots=True)
class Publication:
    """One report published in the period, with its counts and items."""

    title: str
    file: str
    publisher: str | None
    published: date
    report_type: tuple[str, ...]  # e.g. ("joint", "thematic"); empty when not known
    summary: str | None  # the report's own words, to be shown as a quotation
    checks: tuple[str, ...]  # why its extraction may be incomplete (self-checks)
    by_kind: tuple[tuple[str, int], ...]
    by_addressee: tuple[tuple[str, int], ...]  # display name, items addressed to it
    items: int
    for_forces: int
    force_items: tuple[OverviewItem, ...]
    other_items: tuple[OverviewItem, ...]  # empty when the paper is for forces only


@dataclass(frozen=True, slots=True)
class MonthDeadlines:
    """Upcoming deadlines in one calendar month, per addressee group (in GROUPS order)."""

    month: date  # the first of the month
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the overview paper says, ready to render."""

    period: Period
    publications: tuple[Publication, ...]
    by_kind: tuple[tuple[str, int], ...]
    items: int
    for_forces: int
    upcoming: tuple[tuple[int, int], ...]  # (months ahead, force deadlines due by then)
    overdue: int  # force deadlines before today
    timeline: tuple[MonthDeadlines, ...]
    beyond_horizon: int  # upcoming deadlines later than the timeline shows
    undated: int  # matching documents left out because no publication date is known


_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("PEEL", re.compile(r"\bPEEL\b")),
    ("super-complaint", re.compile(r"\bsuper-?\s?complaint", re.IGNORECASE)),
    ("joint", re.compile(r"\bjoint\b|\bCJJI\b|criminal justice joint inspection", re.IGNORECASE)),
    (
        "thematic",
        re.compile(
            r"\bthematic\b|\b(?:how )?police forces\b|\bforces in England and Wales\b"
            r"|\bpolicing in England and Wales\b|\bState of Policing\b",
            re.IGNORECASE,
        ),
    ),
)
_INSPECTORATES = re.compile(
    r"HMICFRS|HMIC\b|HMCPSI|HMI Probation|HMI Prisons|Ofsted|CQC|Care Quality Commission|"
    r"Inspectorate of (?:Probation|Prisons)|Crown Prosecution Service Inspectorate",
    re.IGNORECASE,
)


def report_type(title: str | None, publisher: str | None) -> tuple[str, ...]:
    """Infer the report type from its title and publisher (PEEL, super-complaint, joint...)."""
    text = f"{title or ''} {publisher or ''}"
    found = [name for name, pattern in _TYPE_RULES if pattern.search(text)]
    inspectorates = {m.group(0).casefold() for m in _INSPECTORATES.finditer(publisher or "")}
    if len(inspectorates) > 1 and "joint" not in found:
        found.append("joint")
    if "PEEL" in found and "thematic" in found:
        found.remove("thematic")  # a PEEL force report mentions forces, not a theme
    order = [name for name, _ in _TYPE_RULES]
    return tuple(sorted(found, key=order.index))


class _Names:
    """Display names and timeline groups of addressee ids, from the registry."""

    def __init__(self, bodies: Sequence[Body]) -> None:
        self.by_id: dict[str, Body] = {}
        for body in bodies:
            self.by_id.setdefault(body.output, body)
            self.by_id.setdefault(body.id, body)

    def name(self, addressee: str) -> str:
        """The body's name, or the id made readable when the registry does not know it."""
        body = self.by_id.get(addressee)
        if body:
            return body.name
        # Kept as printed ("Department of Health", "NHS England"): only an id's underscores go,
        # and only the first letter is raised; nothing is lowered.
        readable = addressee.replace("_", " ").strip()
        return readable[:1].upper() + readable[1:]

    def groups(self, addressees: Iterable[str]) -> set[str]:
        """The timeline groups an item belongs to ("other" when none is known)."""
        found = set()
        for addressee in addressees:
            body = self.by_id.get(addressee)
            found.add(_GROUP_OF_KIND.get(body.kind, "other") if body else "other")
        return found or {"other"}


def _counts(values: Iterable[str], order: Sequence[str] = ()) -> tuple[tuple[str, int], ...]:
    """Count values: in `order` first, then by count (descending) and name."""
    counts = Counter(values)
    known = [(k, counts[k]) for k in order if counts[k]]
    rest = sorted(
        ((k, n) for k, n in counts.items() if k not in order), key=lambda kv: (-kv[1], kv[0])
    )
    return tuple(known + rest)


def _item(stored: StoredItem, names: _Names) -> OverviewItem:
    """Turn a stored item into the paper's view of it."""
    return OverviewItem(
        kind=stored.kind,
        number=stored.number,
        text=stored.text,
        addressees=tuple(names.name(a) for a in stored.addressees),
        for_forces=for_forces(stored.addressees),
        deadline_text=stored.deadline_text,
        deadline_date=stored.deadline_date,
        deadline_kind=stored.deadline_kind,
        page=stored.page_start,
    )


def _publication(
    doc: StoredDocument,
    published: date,
    items: Sequence[StoredItem],
    names: _Names,
    forces_only: bool,
) -> Publication:
    """Build one publication's section."""
    shown = [_item(i, names) for i in sorted(items, key=lambda i: (i.position, i.id))]
    force_items = tuple(i for i in shown if i.for_forces)
    return Publication(
        title=doc.title or doc.file,
        file=doc.file,
        publisher=doc.publisher,
        published=published,
        report_type=report_type(doc.title, doc.publisher),
        summary=doc.summary,
        checks=doc.checks,
        by_kind=_counts((i.kind for i in shown), ITEM_KINDS),
        by_addressee=_counts(name for i in shown for name in dict.fromkeys(i.addressees)),
        items=len(shown),
        for_forces=len(force_items),
        force_items=force_items,
        other_items=() if forces_only else tuple(i for i in shown if not i.for_forces),
    )


def _month(day: date) -> date:
    return day.replace(day=1)


def _timeline(
    items: Sequence[StoredItem], names: _Names, today: date
) -> tuple[tuple[MonthDeadlines, ...], int]:
    """Upcoming deadlines per month up to the horizon, and how many fall after it."""
    horizon = add_months(today, HORIZON)
    per_month: dict[date, Counter[str]] = {}
    beyond = 0
    for item in items:
        due = item.deadline_date
        if due is None or due < today:
            continue
        if due > horizon:
            beyond += 1
            continue
        per_month.setdefault(_month(due), Counter()).update(names.groups(item.addressees))
    if not per_month:
        return (), beyond
    months: list[MonthDeadlines] = []
    month, last = min(per_month), max(per_month)
    while month <= last:
        counts = per_month.get(month, Counter())
        months.append(MonthDeadlines(month, tuple(counts[g] for g in GROUPS)))
        month = add_months(month, 1)
    return tuple(months), beyond


def gather(
    documents: Sequence[StoredDocument],
    items: Sequence[StoredItem],
    period: Period,
    bodies: Sequence[Body] | None = None,
) -> Overview:
    """Build the overview of the documents published in the period (a pure function)."""
    names = _Names(load_registry() if bodies is None else bodies)
    wanted = period.publisher.casefold() if period.publisher else None

    items = [i for i in items if period.keeps(i.addressees)]
    addressed = {i.document_sha256 for i in items}

    def matches(doc: StoredDocument) -> bool:
        if period.addressees and doc.sha256 not in addressed:
            return False  # an addressee filter keeps only the reports asking those bodies
        return wanted is None or wanted in (doc.publisher or "").casefold()

    candidates = [d for d in documents if matches(d)]
    undated = sum(1 for d in candidates if d.published is None)
    dated = sorted(
        (
            (d.published, d)
            for d in candidates
            if d.published is not None and period.since <= d.published <= period.until
        ),
        key=lambda pair: (pair[0], pair[1].title or pair[1].file, pair[1].sha256),
    )
    by_document: dict[str, list[StoredItem]] = {d.sha256: [] for _, d in dated}
    for item in items:
        if item.document_sha256 in by_document:
            by_document[item.document_sha256].append(item)
    publications = [
        _publication(d, day, by_document[d.sha256], names, period.for_forces_only)
        for day, d in dated
    ]
    if period.for_forces_only:
        keep = {d.sha256 for (_, d), p in zip(dated, publications, strict=True) if p.for_forces}
        publications = [p for p in publications if p.for_forces]
        by_document = {sha: rows for sha, rows in by_document.items() if sha in keep}
    included = [i for rows in by_document.values() for i in rows]
    ahead = {months: add_months(period.today, months) for months in WINDOWS}
    force_dates = [
        i.deadline_date for i in included if i.deadline_date and for_forces(i.addressees)
    ]
    timeline, beyond = _timeline(included, names, period.today)
    return Overview(
        period=period,
        publications=tuple(publications),
        by_kind=_counts((i.kind for i in included), ITEM_KINDS),
        items=len(included),
        for_forces=sum(p.for_forces for p in publications),
        upcoming=tuple(
            (months, sum(1 for d in force_dates if period.today <= d <= end))
            for months, end in ahead.items()
        ),
        overdue=sum(1 for d in force_dates if d < period.today),
        timeline=timeline,
        beyond_horizon=beyond,
        undated=undated,
    )


def read_rows(db_url: str, period: Period) -> tuple[list[StoredDocument], list[StoredItem]]:
    """Read the documents dated in the period (or undated) and their current items."""
    from sqlalchemy import or_, select
    from sqlalchemy.orm import Session

    from models import db
    from models.store import open_existing_store
    from pipeline.store.corrections import overlay, rejected_ids
    from pipeline.store.query import item_row, latest_self_checks

    engine = open_existing_store(db_url)
    try:
        with Session(engine) as session:
            in_period = or_(
                db.Document.published.is_(None),
                db.Document.published.between(period.since, period.until),
            )
            checks = latest_self_checks(session)
            documents = [
                StoredDocument(
                    d.sha256,
                    d.file,
                    d.title,
                    d.publisher,
                    d.published,
                    d.summary,
                    tuple(checks.get(d.sha256, ())),
                )
                for d in session.scalars(select(db.Document).where(in_period))
            ]
            query = (
                select(db.Item, db.ItemVersion, db.Document)
                .join(db.ItemVersion, db.ItemVersion.id == db.Item.current_version_id)
                .join(db.Document, db.Document.sha256 == db.Item.document_sha256)
                .where(db.Item.removed_in_run.is_(None), db.Document.published.is_not(None))
                .where(db.Document.published.between(period.since, period.until))
                .where(db.Item.id.not_in(rejected_ids()))  # rejected by an analyst
            )
            # The register as exports show it: corrections in force applied.
            items = [
                _stored(item, overlay(item_row(item, version, document), session))
                for item, version, document in session.execute(query).all()
            ]
    finally:
        engine.dispose()
    return documents, items


def _stored(item: db.Item, row: dict[str, Any]) -> StoredItem:
    """A stored item from its register row (`store.query.item_row`, corrections applied)."""
    deadline = row["deadline"] or {}
    return StoredItem(
        id=row["id"],
        document_sha256=row["sha256"],
        kind=row["kind"],
        number=row["number"],
        position=item.position,
        text=row["text"],
        addressees=tuple(row["addressees"]),
        deadline_text=deadline.get("text"),
        deadline_date=date.fromisoformat(deadline["date"]) if deadline.get("date") else None,
        deadline_kind=deadline.get("kind"),
        page_start=row["page_start"],
    )


def build_overview(db_url: str, period: Period) -> Overview:
    """Read the store and gather the overview for the period."""
    documents, items = read_rows(db_url, period)
    return gather(documents, items, period)
