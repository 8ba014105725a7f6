"""Typed records passed between pipeline stages (kept apart from the ORM tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ItemKind = Literal["recommendation", "area_for_improvement", "cause_of_concern", "action"]
DeadlineKind = Literal["date", "relative", "immediate", "ongoing"]
Granularity = Literal["day", "month", "season", "year"]

ITEM_KINDS: tuple[ItemKind, ...] = (
    "recommendation",
    "area_for_improvement",
    "cause_of_concern",
    "action",
)
# The short form tables print for each kind (and that `--kind` accepts too).
KIND_SHORT: dict[str, str] = {
    "recommendation": "rec",
    "area_for_improvement": "afi",
    "cause_of_concern": "coc",
    "action": "action",
}


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of text on a page, with the font facts the splitter needs."""

    page: int  # 1-based physical page index
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # dominant font size of the line
    bold: bool  # most characters bold
    in_box: bool = False  # inside a drawn box or shaded panel
    column: int = 0  # the column read, left to right from 0 (0 too for a page of one column)
    bold_tail: int = 0  # how many characters at its end are bold (all of them on a bold line)
    bold_head: int = 0  # how many at its start


@dataclass(frozen=True, slots=True)
class Table:
    """A table found on one page: header cells and body rows, cells already cleaned."""

    page: int
    top: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]  # first row is the header when the table has one


@dataclass(frozen=True, slots=True)
class DocumentText:
    """The text layer of one PDF: furniture-free lines plus tables."""

    file: str
    sha256: str
    pages: int
    lines: tuple[Line, ...]
    tables: tuple[Table, ...] = ()
    pdf_metadata: tuple[tuple[str, str], ...] = ()  # (key, value) pairs from the PDF info dict
    warnings: tuple[str, ...] = ()
    page_heights: tuple[float, ...] = ()

    def meta(self, key: str) -> str | None:
        """Return a PDF info-dict value (e.g. "Title", "CreationDate") or None."""
        for k, v in self.pdf_metadata:
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Bibliographic facts about a report."""

    title: str | None
    publisher: str | None
    published: date | None
    published_text: str | None = None  # the phrase the date was read from
    subject: str | None = None  # the inspected body when the report names one (force, council...)
    # For a response that restates another report's recommendations: that report's date, from
    # which the restated relative deadlines run.
    source_published: date | None = None
    summary: str | None = None  # the report's own summary paragraph (extractors/summary.py)
    # What the document asks of everyone it is sent to (extractors/standing.py): the bodies it
    # lists as recipients and the phrase giving them their time to respond.
    recipients: tuple[Recipient, ...] = ()
    # Short forms the text defines for bodies ("Eastmoor Police (EMP)"): (short form, name).
    short_forms: tuple[tuple[str, str], ...] = ()
    response_due: str | None = None
    cover: str = ""  # the cover's opening lines: a department they name is "the Department"
    # The bodies a letter's address block names ("…, Chief Executive, Eastvale Health Board")
    addressed_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Recipient:
    """A body a document is sent to, and the numbers of the items it must answer (all if none)."""

    body: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline phrase and its resolution (date is None when it cannot be resolved)."""

    text: str
    date: date | None
    kind: DeadlineKind
    granularity: Granularity | None = None

    def to_json(self) -> dict[str, str | None]:
        """Render in the JSON contract's shape."""
        return {
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "granularity": self.granularity,
        }


@dataclass(frozen=True, slots=True)
class Item:
    """One recommendation, area for improvement, cause of concern or action."""

    kind: ItemKind
    number: str | None
    parent: str | None
    page_start: int
    page_end: int
    text: str
    addressees: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    deadline: Deadline | None = None
    deadlines: tuple[Deadline, ...] = ()
    occurrences: tuple[int, ...] = ()  # every page on which the item is printed
    # Hints from the splitter for the taggers; not part of the item's identity.
    lead_in: str | None = None  # e.g. "the local authority should take the following action"
    timing: str | None = None  # a group heading such as "Within three months:"
    responsible: str | None = None  # a table's "Responsible body" cell or a "To the X" header
    response: str | None = None  # the response printed right after it ("The government accepts …")


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one PDF."""

    sha256: str
    file: str
    pages: int
    metadata: Metadata
    items: tuple[Item, ...]
    warnings: tuple[str, ...] = ()
    source: str | None = None  # URL the PDF came from, when known
    settings: tuple[tuple[str, str], ...] = field(default=())
