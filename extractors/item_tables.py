"""Items laid out in tables: a labelled column, a header naming items, or a ruled grid of cells."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from extractors.blocks import Block, Candidate, make_blocks
from extractors.glyphs import join_text
from extractors.item_patterns import (
    ACTION_CODE_RE,
    BARE_LABEL_RE,
    BULLET_RE,
    CAPTION_RE,
    CODE_LABEL_RE,
    EARLIER_ITEMS_RE,
    HEADER_QUALIFIER_RE,
    INLINE_LABEL_RE,
    ITEM_HEADER_RE,
    KIND_FOR_RE,
    LABEL_RE,
    LEAD_LINES,
    LEAD_TIMING_RE,
    PAGE_REF_RE,
    SENTENCE_END_RE,
    heading_due,
    is_to_line,
    known_kind,
    label_kind,
    section_kind,
    timing_in,
)
from extractors.vocabulary import directs, opens_with_imperative
from extractors.wording import follows_on
from models.records import DocumentText, ItemKind, Line, Table

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _TableLayout:
    kind: ItemKind
    columns: list[int]  # indexes of the header's non-empty cells
    item: int  # position of the item column within `columns`
    responsible: int | None
    number: int | None
    due: int | None = None  # a "Due by" / "Deadline" / "Timescale" column
    # "Recommendation and actions": coded rows ("R1", "AFI 2") are the items, the rows
    # numbered under each ("1.1") the plan's actions for it
    coded_only: bool = False
    type: int | None = None  # a register's "Type" column: each row's kind ("Rec", "AFI")
    # "Cause of concern / recommendation": a band row names each concern, its text the
    # unnumbered row under it, and the numbered rows below are recommendations on it
    concerns: bool = False
    # "Ref | HMICFRS finding | Lead | RAG": a tracker of a report's findings; a row is an item
    # when its cell opens with the kind ("Cause of concern The force …") or a lead-in row over
    # it asks ("Recommendations – within six months, the force should:"); the lead and the
    # dates are the tracker's own
    findings: bool = False


# Column headers naming who acts, and when by.
_OWNER_HEADER_RE = re.compile(
    r"responsib|owner|lead|body|addressee|recipient|action by|organi[sz]ation|agenc(?:y|ies)|"
    r"(?:directed|addressed|sent) to|"
    r"^(?:for|who|by whom|to)$",
    re.IGNORECASE,
)


_DUE_HEADER_RE = re.compile(
    r"due|deadline|timescale|time ?frame|target date|completion|implementation date|"
    r"^(?:by|when|date|by when|target)$|"
    # "Delivery plan by", "Complete by": when the row's work is to be done by
    r"\b(?:plan|complete[d]?|deliver(?:ed|y)?|implemented|achieved|done) by$|"
    # the date first agreed, beside the one it was put back to: the first stated
    r"^(?:original|agreed)\s+(?:target(?:\s+date)?|date)$",
    re.IGNORECASE,
)


def _unmerged(header: Sequence[str]) -> list[str]:
    """A header whose cells ran together ("Recommendation Owner" over an empty cell, "Ref
    Recommendation Owner Target date Status" over four): each name back in its own column."""
    cells = list(header)
    for k in range(len(cells) - 1):
        words = cells[k].split()
        if cells[k + 1].strip() or len(words) < 2:
            continue
        for cut in range(1, len(words)):
            left, right = " ".join(words[:cut]), " ".join(words[cut:])
            if ITEM_HEADER_RE.fullmatch(left) and (
                _OWNER_HEADER_RE.search(right) or _DUE_HEADER_RE.search(right)
            ):
                cells[k], cells[k + 1] = left, right
                break
        else:
            empty = len(list(itertools.takewhile(lambda c: not c.strip(), cells[k + 1 :])))
            names = _header_names(words, empty + 1) if empty >= 2 else None
            if names and any(ITEM_HEADER_RE.fullmatch(n) for n in names):
                cells[k : k + len(names)] = names
    return cells


# A column header's name as the header row prints it: which kinds of column a table has.
_COLUMN_NAME_RE = re.compile(
    r"(?:no\.?|number|#|ref\.?|reference|code|id)|status|progress|rag(?: status)?|"
    r"update|comments?|notes?|evidence|priority|theme|area|"
    # a register's: the report an item comes from, its kind, when its row was last touched
    r"(?:source )?report|type|kind|category|(?:last |date )?updated",
    re.IGNORECASE,
)


def _header_names(words: Sequence[str], count: int) -> list[str] | None:
    """The words of a run-together header cut into `count` column names (at most three words
    each); None when they cannot be."""
    if count == 0:
        return [] if not words else None
    for size in range(1, min(3, len(words)) + 1):
        name = " ".join(words[:size])
        if not (
            ITEM_HEADER_RE.fullmatch(name)
            or _OWNER_HEADER_RE.search(name)
            or _DUE_HEADER_RE.search(name)
            or _COLUMN_NAME_RE.fullmatch(name)
        ):
            continue
        noted = _noted(words[size:])  # "Recommendation (wording as published)": one name
        rest = _header_names(words[size + noted :], count - 1)
        if rest is not None:
            return [" ".join(words[: size + noted]), *rest]
    return None


def _noted(words: Sequence[str]) -> int:
    """How many of the words make a note in brackets opening them (0 when none)."""
    if not words or not words[0].startswith("("):
        return 0
    return next((k + 1 for k, w in enumerate(words) if w.endswith(")")), 0)


# A notice's column of what must be put right: "Steps required", "Failure to comply / steps
# required to remedy it", "Action required to remedy the breach"
_STEPS_HEADER_RE = re.compile(
    r"(?:(?:failures? to comply|breach(?:es)?|deficienc(?:y|ies)|hazards?)\s*(?:/|and)\s*)?"
    r"(?:the\s+)?(?:steps?|actions?|works?|remedial action) (?:required|to be taken)"
    r"(?: to remed(?:y|ied) (?:it|them|the \w+))?",
    re.IGNORECASE,
)
# A column naming the minute of a meeting that set each row: "Minute", "Minute ref"
_MINUTE_RE = re.compile(r"minute(?:\s+(?:no\.?|number|ref(?:erence)?))?", re.IGNORECASE)
# A column of items in brief ("Recommendation (summary)") and one of their progress
_SUMMARY_NOTE_RE = re.compile(r"\((?:in )?(?:summary|summarised|brief|short)\)", re.IGNORECASE)
_STATUS_RE = re.compile(
    # "Status at Dec. 31, 2024", "Progress as of March 2025": status on a date
    r"(?:current |progress )?(?:status|progress|rag(?: status)?)"
    r"(?:,?\s+(?:at|as (?:of|at)|on)\s+[\w .,/]{3,24})?",
    re.I,
)
# A column rating how far a duty is met: "Assessment", "Compliance", "Compliant?", "Met?"
_ASSESSED_RE = re.compile(r"(?:our )?(?:assessment|compliance|compliant\??|met\??|rating)", re.I)
# A tracker's column of a report's findings of every kind: "HMICFRS finding", "Findings"
_FINDINGS_HEADER_RE = re.compile(
    r"(?:(?:(?-i:[A-Z]{2,10})|inspection|inspectorate|report|peel|review)\s+)?findings?", re.I
)
# "Recommendations – ": a lead-in row's caption naming the kind of the rows under it
_KIND_CAPTION_RE = re.compile(
    r"^(?:recommendations?|areas? for improvement|actions?)\s*[–—:-]\s*", re.IGNORECASE
)
# A finding's kind opening its cell: "Cause of concern The force doesn't …"
_KIND_OPENS_RE = re.compile(
    r"^(?P<kw>(?i:cause of concern|area for improvement|recommendation))\s+(?=[A-Z])(?P<rest>.*)$"
)
# A column naming what a plan's actions answer: "Concern", "Finding", "Issue"
_ANSWERED_RE = re.compile(r"(?:matters? of |causes? of )?(?:concerns?|findings?|issues?)", re.I)
# An inspection's concerns that a plan answers, its answer to each, and whom each was for
_CONCERN_HEADER_RE = re.compile(r"(?:(?:key|priority|main) )?concerns?|causes? of concern", re.I)
_RESPONSE_HEADER_RE = re.compile(r"(?:\w+ )?response|accepted\??|agreed\??", re.I)
_ADDRESSEE_RE = re.compile(r"addressee|(?:addressed|directed) to", re.I)
# A column of dates put back ("Revised date", "Revised target"): the rows are earlier items
# a tracker follows.
_REVISED_HEADER_RE = re.compile(
    r"^(?:revised|new|amended|extended)\s+(?:due\s+|target\s+|completion\s+)?"
    r"(?:date|deadline|target|timescale)s?$",
    re.IGNORECASE,
)


def table_layout(header: Sequence[str]) -> _TableLayout | None:
    header = _unmerged(header)
    columns = [i for i, c in enumerate(header) if c.strip()]
    names = [header[i].strip() for i in columns]
    planned = {
        k for k, c in enumerate(names) if ITEM_HEADER_RE.fullmatch(_AND_ACTIONS_RE.sub("", c))
    }
    items = [k for k, c in enumerate(names) if ITEM_HEADER_RE.fullmatch(c)] or sorted(planned)
    steps = [k for k, c in enumerate(names) if _STEPS_HEADER_RE.fullmatch(c)]
    if not items and steps:
        # a notice's schedule: "Item | Article | Failure to comply / steps required to remedy it"
        item_no = next(
            (k for k, c in enumerate(names) if re.fullmatch(r"item|no\.?", c, re.I)), None
        )
        return _TableLayout("action", columns, steps[0], None, item_no, None)
    finding = next((k for k, c in enumerate(names) if _FINDINGS_HEADER_RE.fullmatch(c)), None)
    if not items and finding is not None and any(_STATUS_RE.fullmatch(c) for c in names):
        number = _number_column(names)
        if number is not None:  # keyed by reference; else its cells' labels number them
            return _TableLayout("recommendation", columns, finding, None, number, findings=True)
    if not items or any(_MINUTE_RE.fullmatch(c) for c in names):
        # "No. | Minute | Action | Responsible | Due": a meeting's log of its own tasks,
        # each tied to the minute that set it; no inspection's items
        return None
    if any(re.fullmatch(r"requirements?", names[k], re.I) for k in items) and any(
        _ASSESSED_RE.fullmatch(c) for c in names
    ):
        return None  # "Provision | Requirement | Assessment": the law's duties, each rated
    tracked = any(_STATUS_RE.fullmatch(c) or _REVISED_HEADER_RE.match(c) for c in names)
    if _SUMMARY_NOTE_RE.search(names[items[0]]) and tracked:
        # "Recommendation (summary) | Owner | Status" or "| Revised date": earlier items in
        # brief, tracked; a tracker that restates them in full lists them
        return None
    answers = any(_ANSWERED_RE.fullmatch(c) for c in names)
    if tracked and answers and all(re.fullmatch(r"actions?", names[k], re.I) for k in items):
        return None  # "Ref | Concern | Action | Owner | Status": a body's plan answering them
    concern = next((k for k, c in enumerate(names) if _CONCERN_HEADER_RE.fullmatch(c)), None)
    if concern is not None and any(_RESPONSE_HEADER_RE.fullmatch(c) for c in names):
        # "No. | Concern | Addressee | Response | Action | Owner | Target date": a prison's plan
        # answering an inspection; the concerns are the items, the actions and dates its own
        owner = next((k for k, c in enumerate(names) if _ADDRESSEE_RE.fullmatch(c)), None)
        number = next(
            (k for k, c in enumerate(names) if re.fullmatch(r"no\.?|ref\.?", c, re.I)), None
        )
        return _TableLayout("cause_of_concern", columns, concern, owner, number, None)

    # beside a column of recommendations, one of actions is the response to them
    item = next((k for k in items if "recommend" in names[k].lower()), items[0])
    responsible = next((k for k, c in enumerate(names) if _OWNER_HEADER_RE.search(c)), None)
    due = next((k for k, c in enumerate(names) if _DUE_HEADER_RE.search(c)), None)
    number = _number_column(names)
    typed = next((k for k, c in enumerate(names) if re.fullmatch(r"type|kind", c, re.I)), None)
    head = HEADER_QUALIFIER_RE.sub("", names[item])  # "Safety action": actions
    kind = section_kind(head) or label_kind(head)
    if len(items) > 1:  # a plan answering the items: its lead and dates are the plan's own
        responsible = due = None
    coded = item in planned and not ITEM_HEADER_RE.fullmatch(names[item])
    concerns = kind == "cause_of_concern" and "recommend" in head.lower()
    return _TableLayout(kind, columns, item, responsible, number, due, coded, typed, concerns)


def _number_column(names: Sequence[str]) -> int | None:
    """The column numbering a table's items: "No.", "Ref", "Rec no.", "AFI ref" ("Page
    reference" points to a page; "Para" is the paragraph that makes the item, which numbers
    it); beside a register's own key ("ID", "Ref"), "No." is the number the report printed."""
    numbers = [
        k
        for k, c in enumerate(names)
        if re.fullmatch(
            r"(?:(?!page\b)[A-Z]{3,8}\s+)?"
            r"(no\s?\.?|number|#|ref\.?|reference|code|id|para\.?|paragraph)",
            c,
            re.I,
        )
    ]
    printed = [k for k in numbers if re.match(r"(?:no\b|number|#)", names[k], re.I)]
    return printed[0] if len(numbers) > 1 and printed else next(iter(numbers), None)


# "… and actions", "… and our actions": a column holding each item and the plan's actions
_AND_ACTIONS_RE = re.compile(
    r"\s+and\s+(?:(?:our|agreed|planned)\s+)?actions?$|"
    # "Area for improvement / progress update", "Recommendation / response"
    # "Recommendation and tri-force position", "Recommendation and force response"
    r"\s*(?:\band\b|/|&)\s*(?:[\w-]+\s+)?"
    r"(?:progress(?:\s+updates?)?|updates?|responses?|positions?|actions?)$",
    re.IGNORECASE,
)


def _breach_layout(header: Sequence[str]) -> _TableLayout | None:
    """ "Regulated activity | Regulation": each row states a breach, an action to take."""
    columns = [i for i, c in enumerate(header) if c.strip()]
    names = [header[i].strip() for i in columns]
    item = next((k for k, c in enumerate(names) if re.fullmatch(r"regulations?", c, re.I)), None)
    if item is None:
        return None
    return _TableLayout("action", columns, item, None, None, None)


def _header_repeated(last: _TableRun, table: Table, layout: _TableLayout) -> bool:
    """True when a table on the next page repeats the header of the run before it and opens
    with a row that carries no number: the same table, its header printed again."""
    body = table.rows[1:]
    if not body or layout.columns != last.layout.columns:
        return False
    first = _row_cells(body[0], layout)
    text = first.get(layout.item, "")
    # no number of its own, or (with no number column) text that carries on a sentence
    carried = (
        not first.get(layout.number)
        if layout.number is not None
        else bool(text) and (text[:1].islower() or text[:1] in "•–-")
    )
    return table.page == last.tables[-1].page + 1 and carried


def fill_open_rows(runs: Sequence[_TableRun], lines: Sequence[Line]) -> None:
    """A row at a page's foot whose text cell came out empty (its closing rule is on the next
    page) reads its text from the page's lines, from the line its number or owner opens down
    to the table's foot; any continuation from the next page follows it."""
    for run in runs:
        for page, cells in run.rows:
            table = next((t for t in run.tables if t.page == page), None)
            if table is None or not any(cells is c for c in run.open_rows):
                continue
            band = [ln for ln in lines if ln.page == page and table.top - 1 <= ln.top]
            band = [ln for ln in band if ln.top <= table.bottom + 1]
            header = _unmerged(run.tables[0].rows[0])  # the run's header, not a page's row
            found = _open_row_text(run.layout, header, cells, band)
            if found:
                cells[run.layout.item] = join_text([found, cells.get(run.layout.item, "")]).strip()


def _open_row_text(
    layout: _TableLayout, header: Sequence[str], cells: dict[int, str], band: Sequence[Line]
) -> str | None:
    """The open row's text cell as the lines print it (None when it cannot be told apart)."""
    number = cells.get(layout.number, "").strip() if layout.number is not None else ""
    if number and layout.item == len(layout.columns) - 1:
        opening = re.compile(rf"{re.escape(number)}\s+(?P<rest>\S.*)$")
        start = next((j for j, ln in enumerate(band) if opening.match(ln.text)), None)
        if start is None:
            return None
        head = opening.match(band[start].text)
        return join_text(
            [head.group("rest") if head else "", *(ln.text for ln in band[start + 1 :])]
        )
    owner = cells.get(layout.responsible, "").split() if layout.responsible is not None else []
    names = [header[i].strip() for i in layout.columns]
    heads = [next((ln for ln in band if ln.text.strip() == n), None) for n in names]
    column = heads[layout.item]
    if not owner or column is None:
        return None
    right = [h.x0 for h in heads[layout.item + 1 :] if h is not None]
    opener = next((ln for ln in band if ln.text.startswith(" ".join(owner[:2]))), None)
    if opener is None:
        return None
    taken = [
        ln.text
        for ln in band
        if ln.top >= opener.top - 1 and column.x0 - 3 <= ln.x0 < (min(right) - 3 if right else 1e9)
    ]
    return join_text(taken) if taken else None


def _row_cells(row: Sequence[str], layout: _TableLayout) -> dict[int, str]:
    """Map a row's non-empty cells onto the header's columns (merged cells shift indexes)."""
    filled = [(i, c.strip()) for i, c in enumerate(row) if c.strip()]
    if len(row) == len(layout.columns):
        return {k: c for k, (_, c) in enumerate((i, row[i]) for i in range(len(row))) if c.strip()}
    out: dict[int, str] = {}
    for i, cell in filled:
        k = min(range(len(layout.columns)), key=lambda k: abs(layout.columns[k] - i))
        out[k] = f"{out[k]} {cell}" if k in out else cell
    return out


@dataclass(slots=True)
class _TableRun:
    """One logical item table, possibly continued over several pages."""

    layout: _TableLayout
    tables: list[Table]
    rows: list[tuple[int, dict[int, str]]]  # (page, cells)
    lead_in: str | None = None  # the paragraph over it that says who its rows are for
    led_in: bool = False  # a lead-in row is in force: "1.1 | make sure …" rows finish it
    # rows at a page's foot whose text cell came out empty: their text is on the page's lines
    open_rows: list[dict[int, str]] = field(default_factory=list)
    # under a heading naming requirements of another sort ("Intelligence requirements"): what
    # an analysis needs to find out, not what anyone is asked to do
    other_requirements: bool = False


def pages_with_actions(lines: Sequence[Line], body: float) -> frozenset[int]:
    """Pages under a heading that opens a section of actions ("Action we have told the
    provider to take", "Enforcement actions"), up to the next heading of another section."""
    pages: set[int] = set()
    start: int | None = None
    for ln in lines:
        if ln.size < body + 1 and not ln.bold:
            continue
        kind = section_kind(ln.text)
        if kind is None:
            continue
        if kind == "action" and start is None:
            start = ln.page
        elif kind != "action" and start is not None:
            pages.update(range(start, ln.page))
            start = None
    if start is not None:
        pages.update(range(start, max(ln.page for ln in lines) + 1))
    return frozenset(pages)


# A column that answers an item or tracks it: "Response", "Management response", "Accepted",
# "Status" (a progress table's rating of earlier items).
_ANSWER_HEADER_RE = re.compile(
    r"^(?:(?:management|force|provider|prison|trust|council|our)\s+)?response\b|^accepted\b|"
    r"^(?:current\s+)?(?:status|progress|rag(?:\s+rating)?)$|"
    # "Position, November 2025", "2024 finding": a later rating of an earlier report's items
    r"^(?:position|progress|status)\b.*\b(?:19|20)\d\d$|^(?:19|20)\d\d\s+(?:finding|recommendation)",
    re.IGNORECASE,
)


def in_tables(line: Line, tables: Sequence[Table]) -> bool:
    """True when the line is printed inside one of the tables (a point of slack each way)."""
    return any(line.page == t.page and t.top - 1 <= line.top <= t.bottom + 1 for t in tables)


def answer_tables(tables: Sequence[Table]) -> list[Table]:
    """Tables that answer items or track them (an action plan's row under each recommendation,
    a progress table rating earlier ones): a column of responses or of status, and none the
    splitter reads as items. Their cells are no item's text, and name no item."""
    return [
        t
        for t in tables
        if len(t.rows) > 1
        and any(
            _ANSWER_HEADER_RE.match(cell.strip()) or _REVISED_HEADER_RE.match(cell.strip())
            for cell in t.rows[0]
        )
        and table_layout(t.rows[0]) is None
        and not _plans_for_labelled_items(t)
        and not _restates_items(t)
        and not _run_in_rows(t)[0]  # a record card's "Status" field: the record's own
    ]


def _plans_for_labelled_items(table: Table) -> bool:
    """True for an action plan, with an owner or a due date column, whose rows are the items
    it plans for, each cell opening with its label ("Recommendation 1 By 31 August, the service
    should …" | Lead | Target date | RAG): a response restating the report's items."""
    header = [c.strip() for c in table.rows[0]]
    planned = any(_OWNER_HEADER_RE.search(c) or _DUE_HEADER_RE.search(c) for c in header)
    return planned and any(
        (row := _label_row(cells)) is not None and row[0] is not None for cells in table.rows[1:]
    )


def item_tables(
    tables: Sequence[Table],
    page_heights: Sequence[float],
    action_pages: frozenset[int],
    headings: dict[int, list[float]] | None = None,
) -> list[_TableRun]:
    """Tables whose header names an item column, with continuations on following pages; in a
    section of actions, a "Regulation" column (the breach the action must put right) is one.
    `headings`: the bottoms of each page's headings."""
    runs: list[_TableRun] = []
    over = headings or {}
    for table in tables:
        if not table.rows:
            continue
        layout = table_layout(table.rows[0]) or (
            _breach_layout(table.rows[0]) if table.page in action_pages else None
        )
        body = table.rows[1:]
        title = _title_over_header(table)
        if layout is None and title is not None:
            # "Recommendations for chief constables – by 31 October 2026" across the top:
            # whom (and when) the rows under the header are for, as a group row says it
            layout, body = table_layout(table.rows[1]), (title, *table.rows[2:])
        run: _TableRun | None = None
        if layout is None and runs:
            last = runs[-1]
            height = page_heights[table.page - 1] if table.page <= len(page_heights) else 1e9
            width = max(len([c for c in r if c.strip()]) for r in table.rows)
            if (
                table.page == last.tables[-1].page + 1
                and table.top < 0.25 * height
                and width <= len(last.layout.columns)
                # a heading over it ("Appendix C: Definitions") starts another table
                and not any(bottom <= table.top + 1 for bottom in over.get(table.page, ()))
            ):
                run, body = last, table.rows
                last.tables.append(table)
        elif layout is not None and runs and _header_repeated(runs[-1], table, layout):
            run = runs[-1]  # the header printed again over the rest of the table
            run.tables.append(table)
        if run is None:
            if layout is None:
                continue
            run = _TableRun(layout, [table], [])
            runs.append(run)
        _take_rows(run, table.page, body)
    for run in runs:
        run.layout = _numbers_beside_text(run)
    return runs


def _take_rows(run: _TableRun, page: int, body: Sequence[Sequence[str]]) -> None:
    """The rows of one page's table into the run: item rows, a row's text running on into the
    next row, band and group rows, and an item row left open at the page's foot."""
    for k, raw in enumerate(body):
        cells = _row_cells(raw, run.layout)
        item_text = cells.get(run.layout.item, "")
        filled = [k for k, c in cells.items() if c.strip()]
        if run.layout.concerns and not item_text and len(filled) == 1:
            run.rows.append((page, cells))  # "Cause of concern 2": a band row
            continue
        numbered = run.layout.number is not None and cells.get(run.layout.number)
        owned = run.layout.responsible is not None and filled == [run.layout.responsible]
        if (numbered or owned) and not item_text and k == len(body) - 1:
            # the page's last row, its text cell open to the next page: kept, to be read
            # from the page's lines
            run.rows.append((page, cells))
            run.open_rows.append(cells)
            continue
        if not item_text and filled == [0] != [run.layout.item] and len(cells[0].split()) > 2:
            if _group_row(cells) is not None:  # "Recommendations to the CPS": their owner
                run.rows.append((page, cells))
            continue  # a group's title across the row ("Police response to stalking …")
        # the first row of a numbered table's next page, with no number of its own: the row
        # the page broke, whatever letter its text goes on with
        carried = (
            k == 0
            and not numbered
            and run.layout.number is not None
            and bool(run.rows)
            and page > run.rows[-1][0]
            and not item_text.rstrip().endswith(":")
        )
        runs_on = carried or not item_text or item_text[:1].islower() or item_text[:1] in "•–-"
        # "4(a) | collect and publish …": a part numbered as its own row, not the text
        # of the row above running on
        part = numbered and bool(re.fullmatch(rf"\d{{1,3}}{_PART_LETTER}", str(numbered).strip()))
        # "1.1 | make sure …" under "| Recommendations – the force should:": an entry
        # finishing the lead-in row's sentence, not that row's text running on
        led = bool(numbered) and run.led_in
        # "2 | adopts …" under "1 | adopts …": the next number starts a row of its own
        follows = bool(run.rows) and follows_on(
            run.rows[-1][1].get(run.layout.number or 0, "").strip(), str(numbered or "").strip()
        )
        if run.rows and runs_on and not part and not led and not follows:
            last_cells = run.rows[-1][1]
            for k, c in cells.items():
                if k == run.layout.number and last_cells.get(k) and len(c.split()) > 3:
                    continue  # "Priority: High Lead: …" under "AFI 1": fields, no number
                last_cells[k] = f"{last_cells.get(k, '')} {c}".strip()
        elif item_text:
            run.rows.append((page, cells))
            coded = CODE_LABEL_RE.match(str(numbered or ""))
            run.led_in = _lead_row(cells, run.layout) or (run.led_in and not coded)


def _numbers_beside_text(run: _TableRun) -> _TableLayout:
    """ "Action | What will be done | Owner | By" over "1 | Review the guidance …": a column
    named for the items that holds only their numbers numbers them; the text is beside it."""
    layout = run.layout
    beside = layout.item + 1
    texts = [cells.get(layout.item, "").strip() for _, cells in run.rows]
    if (
        not texts
        or not all(re.fullmatch(r"\d{1,3}[.)]?", t) for t in texts)
        or beside >= len(layout.columns)
        or beside in (layout.responsible, layout.due, layout.number)
    ):
        return layout
    return replace(layout, item=beside, number=layout.item)


def continue_tables_on_lines(
    runs: Sequence[_TableRun], lines: Sequence[Line], page_heights: Sequence[float]
) -> list[Line]:
    """Single-column item tables that run onto a page where only their frame was found."""
    consumed: set[int] = set()
    for run in runs:
        last = run.tables[-1]
        if len(run.layout.columns) != 1 or not run.rows:
            continue
        if last.bottom < 0.8 * page_heights[last.page - 1]:
            continue
        page = last.page + 1
        idx = [i for i, ln in enumerate(lines) if ln.page == page]
        taken: list[int] = []
        for i in idx:
            if not lines[i].in_box:
                break
            taken.append(i)
        if not taken or lines[taken[0]].top > 0.25 * (
            page_heights[page - 1] if page <= len(page_heights) else 1e9
        ):
            continue
        for block in make_blocks([lines[i] for i in taken]):
            text = block.raw_text
            if text[:1].islower():
                cells = run.rows[-1][1]
                cells[run.layout.item] = f"{cells.get(run.layout.item, '')} {text}".strip()
            else:
                run.rows.append((page, {run.layout.item: text}))
        consumed.update(taken)
    return [ln for i, ln in enumerate(lines) if i not in consumed]


def fill_header_only_tables(
    runs: Sequence[_TableRun], doc: DocumentText, lines: Sequence[Line], body: float
) -> list[Line]:
    """Item tables of which only the ruled header was found: each one's body is the text set
    under it, down to the next table on the page, in the item column's place (the left-most
    text for a first column, else the text set well right of it)."""
    consumed: set[int] = set()
    for run in runs:
        if run.rows:
            continue
        for table in run.tables:
            end = min(
                (t.top for t in doc.tables if t.page == table.page and t.top > table.bottom + 1),
                default=1e9,
            )
            band = [
                i
                for i, ln in enumerate(lines)
                if ln.page == table.page and table.bottom - 1 <= ln.top < end and ln.size < body + 2
            ]
            if not band:
                continue
            left = min(lines[i].x0 for i in band)
            first_column = run.layout.item == 0
            coded = [] if first_column else _coded_rows([lines[i] for i in band], left, run.layout)
            if len(coded) >= 2:  # "R1", "R2" … in a code column: one row each
                run.rows += [(table.page, row) for row in coded]
                consumed.update(band)
                continue
            taken = [i for i in band if (lines[i].x0 < left + _COLUMN_GAP) == first_column]
            if taken:
                # a note set across the row below its cells ("The enforcement action we took:")
                below = max(lines[i].top for i in taken)
                taken += [i for i in band if i not in taken and lines[i].top > below]
                text = join_text(lines[i].text for i in taken)
                run.rows.append((table.page, {run.layout.item: text}))
                consumed.update(band)
    return [ln for i, ln in enumerate(lines) if i not in consumed]


_COLUMN_GAP = 40.0  # points right of the left-most text where a second column's text starts


def _coded_rows(band: Sequence[Line], left: float, layout: _TableLayout) -> list[dict[int, str]]:
    """Rows under a header-only table whose first column holds each row's code ("R1"): a row
    starts at each line that begins in that column (the code alone, or run into its text)."""
    code_column = layout.number if layout.number is not None else 0
    rows: list[dict[int, str]] = []
    texts: list[list[str]] = []
    for ln in sorted(band, key=lambda ln: (round(ln.top / 3), ln.x0)):  # a row's cells, code first
        if ln.x0 < left + _COLUMN_GAP:
            code, _, rest = ln.text.strip().partition(" ")
            if not _CODE_RE.fullmatch(code):
                return []  # text across the first column: not a column of codes
            rows.append({code_column: code})
            texts.append([rest] if rest else [])
        elif texts:
            texts[-1].append(ln.text)
    for row, text in zip(rows, texts, strict=True):
        row[layout.item] = join_text(text)
    return rows


_CODE_RE = re.compile(r"(?:[A-Z]{1,4}\s?)?\d{1,3}(?:\.\d{1,2})?[a-z]?\.?")


_DURATION_RE = re.compile(r"^\d+\s+(?:days?|weeks?|months?|years?)\b", re.IGNORECASE)


_DATE_START_RE = re.compile(
    r"^(?:\d|q[1-4]\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|end)",
    re.IGNORECASE,
)


def due_phrase(cell: str) -> str | None:
    """A due-column cell as the phrase it stands for ("2027" -> "By 2027", "6 months" -> "Within
    6 months"): the column's header says "by when", the cell only the when."""
    cell = " ".join(_MATRIX_MARK_RE.sub(" ", cell).split())
    if not cell:
        return None
    if _DURATION_RE.match(cell):
        return f"Within {cell}"
    if re.fullmatch(r"immediate(?:ly)?", cell, re.IGNORECASE):
        return "Immediately"
    return f"By {cell}" if _DATE_START_RE.match(cell) else cell


# An item column of short titles: "Recommendation (short title)", "Recommendation in brief"
_TITLES_HEADER_RE = re.compile(r"\b(?:short\s+)?titles?\b|\bin\s+brief\b", re.IGNORECASE)


def titles_timing(runs: Sequence[_TableRun], candidates: list[Candidate]) -> list[Candidate]:
    """A table of the items' short titles with a timeframe column ("No. | Recommendation
    (short title) | Timeframe"): each item printed in full elsewhere is due when its row says."""
    due: dict[str, str] = {}
    for run in runs:
        layout, header = run.layout, run.tables[0].rows[0] if run.tables[0].rows else ()
        name = header[layout.item] if layout.item < len(header) else ""
        if layout.due is None or layout.number is None or not _TITLES_HEADER_RE.search(name):
            continue
        for _, cells in run.rows:
            number, when = cells.get(layout.number, "").strip(), cells.get(layout.due, "")
            phrase = due_phrase(when) if when.strip("–—- ") else None
            if number and phrase:
                due[number] = phrase
    for cand in candidates:
        if cand.timing is None and cand.number in due:
            cand.timing = due[cand.number]
    return candidates


def table_candidates(runs: Sequence[_TableRun]) -> list[Candidate]:
    """One item per row of tables whose header names recommendations or actions."""
    out: list[Candidate] = []
    carried: tuple[int, str] | None = None  # a group row at a page's foot: (page, its owner)
    for run in runs:
        layout = run.layout
        if run.other_requirements or (
            run.rows and all(_terse_note(cells.get(layout.item, "")) for _, cells in run.rows)
        ):
            continue  # a log of a meeting's actions ("Circulate the plan"), not asks of anyone
        # an owner cell merged over several rows prints only in the first; a group row at the
        # foot of the page before names the owner of the rows at the top of this one
        turned = carried is not None and run.tables[0].page == carried[0] + 1
        owner = carried[1] if carried is not None and turned else None
        last = run.rows[-1] if run.rows else None
        carried = (last[0], g) if last and (g := _group_row(last[1])) is not None else None
        concern: str | None = None  # the number of the cause of concern in force
        areas = _area_codes(run.rows, layout)
        when: str | None = None  # by when the group row says its rows are due
        lead: str | None = None  # a row leading in the rows under it
        for page, cells in _titles_over_text(run.rows, layout):
            if layout.concerns and not cells.get(layout.item, "").strip():
                concern = _concern_numbered(cells)  # a band row: a concern's, or "Other …"
                continue
            group = _group_row(cells)
            if group is not None:  # "Recommendations to the CPS" over the rows for it
                owner, when = group, timing_in(" ".join(cells.values()))  # "… – by May 2031"
                continue
            if _lead_row(cells, layout):  # "Recommendations – within three months, the force
                # should:" over its rows; the kind before the dash is the row's caption
                lead = _KIND_CAPTION_RE.sub("", " ".join(cells.get(layout.item, "").split()))
                continue
            if layout.coded_only and not _coded(cells, layout):
                continue  # an action the plan numbers under its item ("1.1"), not an item
            if layout.responsible is not None:
                owner = cells.get(layout.responsible) or owner
            text = " ".join(cells.get(layout.item, "").split())
            if len(text.split()) < 4:
                continue
            if layout.findings:
                opened = _KIND_OPENS_RE.match(text)
                if opened is None and lead is None:
                    continue  # a finding of no kind the tracker names, with no ask over it
                lead = None if opened else lead  # a concern or area: past the lead-in's list
            label = _row_label(cells, layout, text, areas)
            if label is None:
                continue  # "Note", "Observation": a row of another sort in the register
            kind, number, text = label
            if number and CODE_LABEL_RE.match(
                cells.get(layout.number, "") if layout.number is not None else ""
            ):
                lead = None  # "AFI 1", "CoC 2": a new item, past the lead-in's list
            parent = None
            if layout.concerns:  # numbered: a recommendation on the concern in force
                kind, parent = ("recommendation", concern) if number else (kind, None)
                if not number:
                    number, kind = (concern, kind) if concern else (None, "recommendation")
            line = Line(page, text, 0, 0, 0, 0, 0, False)
            out.append(
                Candidate(
                    kind=kind,
                    number=number or None,
                    parent=parent,
                    blocks=[Block([line])],
                    cluster=-1 - run.tables[0].page,
                    in_table=True,
                    responsible=owner,
                    # a row finishing the lead-in's sentence ("adopts …") has its subject
                    lead_in=lead or (None if owner and not text[:1].islower() else run.lead_in),
                    timing=_row_timing(cells, layout, text, lead) or when,
                    labelled=bool(number),
                )
            )
    return _parts_led_in(out)


def _row_timing(
    cells: dict[int, str], layout: _TableLayout, text: str, lead: str | None
) -> str | None:
    """By when a row is due: its due cell, unless its text opens by saying when ("Within six
    months, the NPCC should …" beside "May 2026": the text states it first); else its lead-in's."""
    due = cells.get(layout.due, "").strip() if layout.due is not None else ""
    if due and LEAD_TIMING_RE.match(text) is None:
        return due_phrase(due)
    return timing_in(lead) if lead else None


def _row_label(
    cells: dict[int, str], layout: _TableLayout, text: str, areas: bool = False
) -> tuple[ItemKind, str | None, str] | None:
    """A row's kind, number and text: from its number cell, a code or label opening its text
    ("AFI 1 The force should …"), or its type cell; None for a row of another sort."""
    number = cells.get(layout.number) if layout.number is not None else None
    # a tick of a column of bodies beside it ("1 ■") is no part of the row's number
    number = _MATRIX_MARK_RE.sub(" ", number).strip() if number else number
    coded = None if number else CODE_LABEL_RE.match(text)
    # "Recommendation 2: By …" opening the text beside a register's own code ("NAT-02"): the
    # report's label gives the kind and number
    named = None if coded else LABEL_RE.match(text)
    if coded is not None and coded.group("rest"):  # "AFI 1 The force should …"
        number, text = coded.group("kw") + " " + coded.group("num"), coded.group("rest")
    kind, number = _coded_ref(layout.kind, (number or "").strip(), areas)
    number = number or None
    if named is not None and named.group("rest") and not named.group("prefix"):
        # "Area for improvement 2 The force should …" in a "Recommendation" column
        kind, number = label_kind(named.group("kw")), named.group("num")
        text = named.group("rest")
    if layout.type is not None and cells.get(layout.type):
        typed = _type_kind(cells[layout.type])
        if typed is None:
            return None
        kind = typed
    opened = _KIND_OPENS_RE.match(text) if layout.findings else None
    if opened is not None:  # "Cause of concern The force …" in a tracker's finding column
        kind, text = label_kind(opened.group("kw")), opened.group("rest")
    enumerated = None if number else _CELL_NUMBER_RE.match(text)
    if enumerated is not None:  # "1. The trust should …": the row's number, printed
        number, text = enumerated.group(1), text[enumerated.end() :]
    return kind, number, text


def tables_led_in(runs: Sequence[_TableRun], blocks: Sequence[Block]) -> None:
    """The paragraph just over a table that says who acts and stops at a colon ("8.4 I
    recommend that chief officers of the forces concerned:") leads in every row of it."""
    for run in runs:
        first = run.tables[0]
        above = [
            b
            for b in blocks
            if b.lines and b.lines[-1].page == first.page and b.lines[-1].bottom <= first.top + 1
        ]
        above.sort(key=lambda b: b.lines[-1].bottom)
        top, gap = first.top, 2.5
        if above and CAPTION_RE.match(above[-1].text):
            # "Table 2: …" between the lead-in and its table, set apart from the text above
            top, gap = above.pop().lines[0].top, 4.5
        if not above:
            continue
        lead = above[-1]
        size = lead.lines[-1].size or 10.0
        if top - lead.lines[-1].bottom > gap * size:
            continue  # a gap wider than a paragraph's: not the table's lead-in
        text = " ".join(lead.text.split())
        if len(lead.lines) <= LEAD_LINES and _LEADS_ROWS_RE.search(text):
            run.lead_in = text
        run.other_requirements = bool(_OTHER_REQUIREMENTS_RE.fullmatch(text))


# Requirements that are not demands on a body: what an analysis, a system or a course needs
_OTHER_REQUIREMENTS_RE = re.compile(
    r"(?:[\d.]+\s+)?(?:intelligence|information|data|collection|business|functional|technical|"
    r"user|system|training|skills?|resourcing|resource|evidential|evidence)\s+requirements?",
    re.IGNORECASE,
)


# "…, the force should:", "I recommend that chief officers of the forces concerned:"
_LEADS_ROWS_RE = re.compile(
    r"(?:\b(?:should|must|shall|needs? to)(?:\s+\w+)?|"
    r"\brecommend(?:s|ed)? that\b[^.;:]{3,160})\s*:$",
    re.IGNORECASE,
)


def _type_kind(cell: str) -> ItemKind | None:
    """The kind a register's type cell names ("Rec", "AFI", "PA" for a priority action)."""
    cell = " ".join(cell.split()).rstrip(".")
    if re.fullmatch(r"pa|(?:areas? for )?priority actions?", cell, re.IGNORECASE):
        return "action"
    return known_kind(cell)


def _coded(cells: dict[int, str], layout: _TableLayout) -> bool:
    """True for an item's row under such a column: its reference codes an item ("R1", "AFI 2",
    "E1") or its text opens so, or it has a reference and leaves the owner and the date to
    the rows of actions or updates below it."""
    ref = (cells.get(layout.number, "") if layout.number is not None else "").strip()
    text = cells.get(layout.item, "")
    planned = any(cells.get(k) for k in (layout.responsible, layout.due) if k is not None)
    if planned and re.fullmatch(r"(?i:AFI|R|Rec\.?)\s?\d{1,3}\.\d{1,2}", ref):
        return False  # "AFI 1.1 | Introduce … | Ch Insp | 30/04/2025": the plan's action on AFI 1
    return bool(
        CODE_LABEL_RE.match(ref)
        or _LETTER_CODE_RE.fullmatch(ref)
        or CODE_LABEL_RE.match(text)
        or (ref and not planned)
    )


# A reference coded by its theme's letter: "E1", "P2", "CoC1.1" (not a plain "1.1")
_LETTER_CODE_RE = re.compile(r"[A-Za-z]{1,4}\s?\d{1,3}(?:\.\d{1,2})?[a-z]?")


def _parts_led_in(cands: list[Candidate]) -> list[Candidate]:
    """A row that only leads in its parts ("4 | We recommend that the Youth Justice Board:"
    over "4(a) | collect …"): no item itself, the lead-in and parent of the parts below."""
    out: list[Candidate] = []
    lead: Candidate | None = None  # the last row that leads in parts
    for k, cand in enumerate(cands):
        if lead is not None and _part_of(cand, lead):
            said = lead.text().strip()  # a title leads in nothing but its number
            cand.lead_in, cand.parent = said if said.endswith(":") else cand.lead_in, lead.number
        if _leads_in(cand):
            lead = cand
            if k + 1 < len(cands) and _part_of(cands[k + 1], cand):
                continue  # the parts carry it
        out.append(cand)
    return out


def _leads_in(cand: Candidate) -> bool:
    """True for a numbered row whose text ends with a colon, or is a title that asks nothing
    ("4 | Use of data and intelligence" over 4a, 4b): the lead-in of parts."""
    text = cand.text().strip()
    titled = len(text.split()) <= 10 and not SENTENCE_END_RE.search(text) and not directs(text)
    return bool(cand.number) and (text.endswith(":") or titled)


def _part_of(part: Candidate, lead: Candidate) -> bool:
    """True when a row's number is a lettered part of another's ("4(a)", "4b" under "4")."""
    return bool(lead.number) and bool(
        re.fullmatch(rf"{re.escape(lead.number or '')}{_PART_LETTER}", part.number or "")
    )


# The letter that numbers a part after its item's number: "4(a)", "4 b", "4b"
_PART_LETTER = r"\s?\(?[a-z]\)?"


# A tick or mark in a matrix of who acts: "■", "✓", "✔", "●"
_MATRIX_MARK_RE = re.compile(r"[■□▪▫●○✓✔✗✘☑☒]")


def _titles_over_text(
    rows: Sequence[tuple[int, dict[int, str]]], layout: _TableLayout
) -> list[tuple[int, dict[int, str]]]:
    """ "AFI 1 | Understanding risk" over " | The service should …": a numbered row whose
    text is a short title that asks nothing, with the ask in the unnumbered row under it,
    is one item, its text the ask."""
    out: list[tuple[int, dict[int, str]]] = []
    taken = False  # the row was the ask of the titled row above it
    for k, (page, cells) in enumerate(rows):
        if taken:
            taken = False
            continue
        below = rows[k + 1][1] if k + 1 < len(rows) else {}
        if _numbered(cells, layout) and not _numbered(below, layout):
            text = " ".join(cells.get(layout.item, "").split())
            ask = below.get(layout.item, "")
            titled = 0 < len(text.split()) <= 10 and not SENTENCE_END_RE.search(text)
            if titled and not directs(text) and directs(ask):
                cells, taken = {**cells, layout.item: ask}, True
        out.append((page, cells))
    return out


def _numbered(cells: dict[int, str], layout: _TableLayout) -> bool:
    """True when a row's number cell is filled."""
    return layout.number is not None and bool(cells.get(layout.number, "").strip())


def _lead_row(cells: dict[int, str], layout: _TableLayout) -> bool:
    """True for an unnumbered row whose text stops at a colon: the lead-in of rows below."""
    number = cells.get(layout.number, "").strip() if layout.number is not None else ""
    return not number and cells.get(layout.item, "").rstrip().endswith(":")


def _title_over_header(table: Table) -> tuple[str, ...] | None:
    """A table's first row when it is one cell naming whom the rows are for, over the header
    of an item table."""
    if len(table.rows) < 3 or _group_row(dict(enumerate(table.rows[0]))) is None:
        return None
    header = table.rows[1]
    if any(len(cell.split()) > 8 for cell in header):
        return None  # a row of text, not column names ("Recommendation 2 The partnership …")
    return table.rows[0] if table_layout(header) is not None else None


def _concern_numbered(cells: dict[int, str]) -> str | None:
    """The number of the cause of concern a band row names ("Cause of concern 2"), if any."""
    label = LABEL_RE.match(" ".join(" ".join(cells.values()).split()))
    if label is None or label_kind(label.group("kw")) != "cause_of_concern":
        return None
    return label.group("num")


def _group_row(cells: dict[int, str]) -> str | None:
    """Whom the rows under a row of one cell are for (see `_owner_named`)."""
    filled = [" ".join(c.split()) for c in cells.values() if c.strip()]
    return _owner_named(filled[0]) if len(filled) == 1 else None


def _owner_named(text: str) -> str | None:
    """Whom a group's title says its items are for: "To the Home Office", "Recommendations to
    police forces and the CPS jointly"."""
    if is_to_line(text):
        return text.split(None, 1)[1].strip().rstrip(":")
    kind_for = KIND_FOR_RE.match(text)
    return kind_for.group("who") if kind_for else None


# A cell that opens with its row's number: "1. The trust should …", "12) Forces should …"
_CELL_NUMBER_RE = re.compile(r"(\d{1,3})[.)]\s+(?=[A-Z])")


def _terse_note(text: str) -> bool:
    """True for a note of a few words that asks nobody and is no sentence ("Letter to the
    Commissioner on the precept")."""
    words = text.split()
    return len(words) <= 8 and not text.rstrip().endswith(".") and not directs(text)


# A register's key whose last part codes the kind: "AW-PEEL-AFI5", "PEEL23/CoC2" (a key
# ending "-R3" is a recommendation's, as any other key is)
_CODE_TAIL_RE = re.compile(r"[A-Za-z0-9][-/_](AFI|CoC|COC)\s?\d{1,3}[a-z]?$")


def _area_codes(rows: Sequence[tuple[int, dict[int, str]]], layout: _TableLayout) -> bool:
    """True when the number column codes rows by a letter that names no kind ("B02", "C04"
    beside "A05": an audit's scope areas), so an "A" there is an area too, not an action."""
    if layout.number is None:
        return False
    letters = {
        m.group(1) for _, c in rows if (m := _LETTER_CODE_RE.match(c.get(layout.number, "")))
    }
    return bool(letters - {"A", "R"})


_LETTER_CODE_RE = re.compile(r"^\s*([A-Z])\d{1,3}\s*$")


def _coded_ref(kind: ItemKind, ref: str, areas: bool = False) -> tuple[ItemKind, str]:
    """A reference cell that codes the row's kind ("AFI 3", "CoC1", "R2"): that kind and its
    number; any other reference is the number of an item of the table's kind."""
    bare = known_kind(ref.rstrip(".")) if ref and not any(c.isdigit() for c in ref) else None
    if bare is not None and len(ref) > 1:
        return bare, ""  # "AFI", "Rec": the row's kind, unnumbered
    named = LABEL_RE.match(" ".join(ref.split()))
    if named is not None and not named.group("rest") and not named.group("prefix"):
        return label_kind(named.group("kw")), named.group("num")  # "Action 1" in "No."
    action = ACTION_CODE_RE.fullmatch(ref)
    if action is not None and not action.group("rest") and not areas:
        return "action", ref  # "A3" beside "R1" in a column of recommendations and actions
    tail = _CODE_TAIL_RE.search(ref)
    if tail is not None and kind != "action":
        return label_kind(tail.group(1)), ref  # "AW-PEEL-AFI5": a register's key, coded last
    m = CODE_LABEL_RE.match(ref)
    if m is None or m.group("rest") or kind == "action":
        # in a plan's column of actions the code names the finding each action answers
        # ("CoC1.2": the second action on cause of concern 1), kept as printed
        return kind, ref
    coded = label_kind(m.group("kw"))
    if coded == "cause_of_concern" and "." in m.group("num"):
        return "recommendation", ref  # "CoC1.1": the first recommendation on concern 1
    return coded, m.group("num")


_GLOSSARY_HEADER_RE = re.compile(
    r"^(?:(?:terms?|words?|abbreviations?|acronyms?|glossary)\s*\|\s*"
    r"(?:meanings?|definitions?|descriptions?|what (?:it|this) means)|"
    # "Outcome | What it means": any short name over the terms it defines
    r"[A-Za-z]+(?: [A-Za-z]+)?\s*\|\s*(?:meanings?|definitions?|what (?:it|this) means))"
    # "Meaning in the tracker", "Definition used"; other columns may follow
    r"\b[^|]{0,40}(?:\|.*)?$",
    re.IGNORECASE,
)


def _is_glossary(table: Table) -> bool:
    """ "Term | Meaning" (| "Example"): a glossary defines the kinds of item, it holds none."""
    return bool(table.rows) and bool(_GLOSSARY_HEADER_RE.match(" | ".join(table.rows[0]).strip()))


_FEWEST_TERMS = 6


def _alphabetical(table: Table) -> bool:
    """True for a table whose rows' first cells, six or more, are terms in alphabetical order."""
    terms = ["".join(filter(str.isalnum, row[0].casefold())) for row in table.rows if row]
    terms = [t for t in terms if t]
    in_order = sum(a <= b for a, b in itertools.pairwise(terms))
    # by letters alone, as people sort ("HMICFRS" before "HM Inspectorate of Prisons"); one
    # slip in five pairs allowed
    return len(terms) >= _FEWEST_TERMS and in_order >= 0.8 * (len(terms) - 1)


def label_table_candidates(tables: Sequence[Table]) -> tuple[list[Candidate], list[Table]]:
    """Items from tables whose rows start with an item's label ("Recommendation 2" | its text)."""
    out: list[Candidate] = []
    used: list[Table] = []
    heading: tuple[ItemKind, str | None, Sequence[str]] | None = None
    ref_row: Sequence[str] | None = None  # a tracker's ref row at a page's foot, its text over
    last: Table | None = None
    for table in tables:
        turned = last is not None and table.page == last.page + 1
        # a label table's rows run on to the top of the next page: its text, or its actions
        runs_on = turned and bool(used) and used[-1] is last
        heading = heading if turned else None
        last = table
        if _is_glossary(table):
            used.append(table)  # its lines are no items either
            continue
        if _columns_of_prose(table):
            continue  # a panel in two languages side by side: its lines are read as text
        # a table with no header, its first row an item's code and text: codes label its rows
        coded = bool(table.rows) and bool(_BARE_CODE_RE.fullmatch(table.rows[0][0].strip()))
        rows = [_label_row(row, coded) for row in table.rows]
        labels = [r[0] for r in rows if r is not None and r[0] is not None]
        ruled, ref_row = _run_in_rows(table, ref_row if turned else None)
        if ruled:
            out += ruled
            used.append(table)
            continue
        if not labels and heading is None:
            if runs_on:
                used.append(table)  # "1.2c | Carry out …": the plan's action, not an item
            continue
        if all(number is None for _, number in labels) and _alphabetical(table):
            # unnumbered kinds among other terms in alphabetical order ("Appropriate adult | A
            # person who …", "Area for improvement (AFI) | A finding …"): a glossary, unheaded
            used.append(table)
            continue
        found: list[Candidate] = []
        for cells, row in zip(table.rows, rows, strict=True):
            if row is None:
                if found:
                    _take_field(found[-1], cells)  # "Action owner | …", "Target date | …"
                heading = None
                continue
            label, text = row
            if label is not None and not text:
                heading = (*label, cells)  # "Rec 1.1 | Theme: … | Lead: …": its text is below
                continue
            if label is None and heading is not None:
                # the full-width row under a row of the item's label and fields
                kind, number, fields = heading
                found.append(_cell_item(kind, number, table.page, text))
                _take_fields(found[-1], fields)
                heading = None
                continue
            heading = None
            if label is None and found and text[:1].islower():  # the row runs on
                line = found[-1].blocks[0].lines[0]
                found[-1].blocks = [Block([replace(line, text=f"{line.text} {text}")])]
            elif label is not None and not _NO_ACTION_RE.match(text):
                found.append(_cell_item(*label, table.page, text))
        if found or heading is not None:
            out += found
            used.append(table)
    # a form's "Recommendation | …" with its "Proposed action | …" on the page: the answer
    asked = {c.blocks[0].page_start for c in out if c.kind == "recommendation"}
    return [
        c for c in out if c.kind != "action" or c.number or c.blocks[0].page_start not in asked
    ], used


_PROSE_WORDS = 30


def _columns_of_prose(table: Table) -> bool:
    """True for a frame of one row whose cells are each a passage of prose (a panel printed
    in two languages side by side, a box of two columns), not a row of a table."""
    return len(table.rows) == 1 and sum(len(c.split()) >= _PROSE_WORDS for c in table.rows[0]) >= 2


def _cell_item(kind: ItemKind, number: str | None, page: int, text: str) -> Candidate:
    """A labelled item read from a table's cell (its own page's cluster of table items)."""
    line = Line(page, text, 0, 0, 0, 0, 0, False)
    return Candidate(kind, number, None, [Block([line])], -1 - page, labelled=True, in_table=True)


def _restates_items(table: Table) -> bool:
    """True for a tracker that restates its items in full ("Ref | … | Status" over rows
    "Recommendation: The Force should …"), however its status column reads."""
    head = " ".join(table.rows[0][0].split()) if table.rows and table.rows[0] else ""
    return bool(re.fullmatch(_REF_HEADER, head, re.I)) and any(
        len(filled := [c for c in row if c and c.strip()]) == 1
        and INLINE_LABEL_RE.match(" ".join(filled[0].split()))
        for row in table.rows[1:]
    )


_REF_HEADER = r"(?:ref(?:erence)?\.?|no\.?|number|(?:[A-Z][a-z]+ )?id)"

# A record card's row naming the action agreed for the record ("Action agreed | Agree a …")
_AGREED_ROW_RE = re.compile(
    r"(?P<kw>(?:agreed |required |recommended )?(?:action|recommendation))s?"
    r"(?: agreed| required)?",
    re.IGNORECASE,
)
# A card's other labelled rows ("Lesson identified | …", "Progress note | …"): not its ref row
_ROW_NAME_RE = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,3}")
# "Proposed action (…) not accepted by the board": a record whose action was turned down
_NOT_AGREED_RE = re.compile(
    r"^(?:the )?proposed action\b[^.]*\bnot (?:accepted|agreed|approved|taken forward)\b",
    re.IGNORECASE,
)


def _run_in_label(filled: Sequence[str]) -> tuple[ItemKind, str] | None:
    """The kind and text of a row that holds an item under its ref row: one full-width cell
    "Recommendation: The Force should …", or a card's "Action agreed | Agree a …"."""
    run_in = INLINE_LABEL_RE.match(filled[0]) if len(filled) == 1 else None
    if run_in is not None:
        return label_kind(run_in.group("kw")), run_in.group("rest")
    agreed = _AGREED_ROW_RE.fullmatch(filled[0]) if len(filled) == 2 else None
    if agreed is None or _NO_ACTION_RE.match(filled[1]) or _NOT_AGREED_RE.match(filled[1]):
        return None
    return label_kind(agreed.group("kw").split()[-1]), filled[1]


def _run_in_rows(
    table: Table, above: Sequence[str] | None = None
) -> tuple[list[Candidate], Sequence[str] | None]:
    """A tracker's rows "Ref | Audit | Owner | Target date" each over a full-width row
    "Recommendation: The Force should …" (or a record card's "Action agreed | …" row): that
    row is the item, numbered by the ref above (which may end the page before). Also the last
    ref row still waiting for its text."""
    header = [" ".join(c.split()) for c in table.rows[0]] if table.rows else []
    if not header or not re.fullmatch(_REF_HEADER, header[0], re.I):
        return [], None
    owner = next((k for k, c in enumerate(header) if _OWNER_HEADER_RE.search(c)), None)
    due = next((k for k, c in enumerate(header) if _DUE_HEADER_RE.search(c)), None)
    out: list[Candidate] = []
    for cells in table.rows[1:]:
        filled = [" ".join(c.split()) for c in cells if c and c.strip()]
        labelled = _run_in_label(filled) if filled else None
        if labelled is None:
            named = len(filled) == 2 and _ROW_NAME_RE.fullmatch(filled[0]) is not None
            above = cells if len(filled) > 1 and not named else above
            continue
        if above is None or not above[0].strip():
            continue
        cand = _cell_item(labelled[0], " ".join(above[0].split()), table.page, labelled[1])
        cand.responsible = " ".join(above[owner].split()) if owner is not None else None
        cand.timing = due_phrase(above[due]) if due is not None else None
        out.append(cand)
        above = None
    return out, above


# "No action proposed. Management has accepted the risk": a labelled row that sets nothing.
_NO_ACTION_RE = re.compile(r"^no (?:further )?action (?:is )?(?:proposed|required|needed)\b", re.I)


def _take_field(cand: Candidate, row: Sequence[str]) -> None:
    """A two-cell row under a labelled item that names its owner or its due date: that item's
    owner or timing ("Action owner | Fleet Manager", "Target date | 31/01/2026")."""
    cells = [" ".join(c.split()) for c in row if c and c.strip()]
    if len(cells) != 2 or len(cells[0].split()) > 3:
        return
    key = cells[0].lower()
    if _DUE_HEADER_RE.search(key):
        cand.timing = due_phrase(cells[1])
    elif _OWNER_HEADER_RE.search(key):
        cand.responsible = cells[1]


def fields_under_items(candidates: list[Candidate], tables: Sequence[Table]) -> list[Candidate]:
    """A small table of fields set under an item ("Lead | Head of Custody", "Target date |
    30 September 2024"): the owner and due date of the item just above it."""
    for table in tables:
        names = [" ".join(row[0].split()).lower() for row in table.rows if row and row[0]]
        if (
            not names
            or len(names) > 4
            or not all(
                len(n.split()) <= 3 and (_OWNER_HEADER_RE.search(n) or _DUE_HEADER_RE.search(n))
                for n in names
            )
        ):
            continue
        above = [
            (c.blocks[-1].lines[-1].bottom, c)
            for c in candidates
            if c.blocks and c.blocks[-1].lines and c.blocks[-1].page_end == table.page
            and table.top - 40 <= c.blocks[-1].lines[-1].bottom <= table.top + 2
        ]  # fmt: skip
        if not above:
            continue
        cand = max(above, key=lambda pair: pair[0])[1]
        _take_fields_under(
            cand, [(row[0], " ".join(c for c in row[1:] if c.strip())) for row in table.rows]
        )
    return candidates


def _take_fields_under(cand: Candidate, pairs: Sequence[tuple[str, str]]) -> None:
    """The owner and due date (field name, value) pairs under an item give it, unless it has
    them already."""
    owner, timing = cand.responsible, cand.timing
    for name, value in pairs:
        _take_field(cand, [name, value])
    # the item's own subject acts; the lead names who acts for an order to no one
    told = opens_with_imperative(cand.text())
    cand.responsible = owner or (cand.responsible if told else None)
    cand.timing = timing or cand.timing


def field_rows_under_items(candidates: list[Candidate], tables: Sequence[Table]) -> list[Candidate]:
    """A table row of field names under an item's own row ("Priority | Action owner |
    Implementation date") with the values in the row below: that item's owner and due date."""
    for table in tables:
        rows = [[" ".join(c.split()) for c in row] for row in table.rows]
        for k in range(1, len(rows) - 1):
            names = {j: c for j, c in enumerate(rows[k]) if c}
            if (
                len(names) < 2
                or any(len(n.split()) > 3 for n in names.values())
                or not any(_DUE_HEADER_RE.search(n.lower()) for n in names.values())
            ):
                continue
            cand = _row_item(candidates, rows[k - 1], table.page)
            values = rows[k + 1]
            # a header repeated over further items' rows is no item's fields
            if cand is None or _row_item(candidates, values, table.page) is not None:
                continue
            _take_fields_under(
                cand, [(n, values[j]) for j, n in names.items() if j < len(values) and values[j]]
            )
    return candidates


def _row_item(candidates: Sequence[Candidate], row: Sequence[str], page: int) -> Candidate | None:
    """The item on the page whose text the row's longest cell opens, if any."""
    cell = max(row, key=len, default="").lower()[:60]
    if len(cell.split()) < 4:
        return None
    return next(
        (
            c
            for c in candidates
            if c.blocks
            and c.blocks[0].page_start <= page <= c.blocks[-1].page_end
            and cell in " ".join(c.text().split()).lower()
        ),
        None,
    )


def _take_fields(cand: Candidate, cells: Sequence[str]) -> None:
    """An item's owner and timing from the "Lead: …" and "Target: …" cells of its label row."""
    for cell in cells:
        key, sep, value = " ".join(cell.split()).partition(":")
        if not sep or not value.strip():
            continue
        if _DUE_HEADER_RE.search(key) or key.strip().lower() == "target":
            cand.timing = due_phrase(value.strip())
        elif _OWNER_HEADER_RE.search(key):
            cand.responsible = value.strip()


# A tracker's short label for a kind: "Rec 1.1", "CoC 2" (not a bare "R1", a risk's code too)
_SHORT_LABEL_RE = re.compile(CODE_LABEL_RE.pattern.replace("[SONKIPF]?R|", "", 1))
# A cell holding only an item's code: "A1", "B12", "R-03", "DP/12"
_BARE_CODE_RE = re.compile(r"[A-Z]{1,3}[-/]?\d{1,3}")

# A cell that is one labelled field of a row: "Theme: Understanding risk", "Lead: ACFO"
_FIELD_CELL_RE = re.compile(r"^[A-Z][A-Za-z ]{1,24}:\s*\S")


def _label_row(
    row: Sequence[str], coded: bool = False
) -> tuple[tuple[ItemKind, str | None] | None, str] | None:
    """A row as (kind and number of its label cell, or None; the text of the cell after it);
    in a table `coded` by its first row, a bare code labels the row ("A1 | The force …")."""
    cells = [" ".join(c.split()) for c in row]
    filled = [c for c in cells if c]
    if not filled:
        return None
    if coded and len(filled) >= 2 and _BARE_CODE_RE.fullmatch(filled[0]):
        ask = filled[1]
        if directs(ask) and not ask.endswith("?"):  # "Should the officer have …?" asks nobody
            return ("recommendation", filled[0]), ask
    m = LABEL_RE.match(filled[0]) or _SHORT_LABEL_RE.match(filled[0])
    # one qualifying word may stand before the label ("Management action 1.1"), but not one
    # that says the item is an earlier one ("Previous recommendation 2")
    prefix = m.group("prefix").split() if m else []
    qualified = len(prefix) <= 1 and not (prefix and EARLIER_ITEMS_RE.search(prefix[0]))
    label = m if m and not m.group("rest") and qualified else None
    if label is None and m and qualified and not prefix and _run_in_item(m):
        # "Cause of concern 1 The service doesn't …": the label run into its text in one cell
        return (label_kind(m.group("kw")), m.group("num")), m.group("rest")
    label = label or BARE_LABEL_RE.match(filled[0])
    if label is None:
        return (None, filled[0]) if len(filled) == 1 or not cells[0] else None
    number = label.group("num") if label.re is not BARE_LABEL_RE else None
    if label.re is BARE_LABEL_RE and len(filled) >= 3 and all(map(_header_cell, filled[1:])):
        return None  # "Action | What we will do | Owner | Due": a header row, not an action
    if len(filled) >= 3 and all(_FIELD_CELL_RE.match(c) for c in filled[1:]):
        return (label_kind(label.group("kw")), number), ""  # only fields: the text is below
    if len(filled) < 2 or len(filled[1].split()) < 4:
        return None
    return (label_kind(label.group("kw")), number), filled[1]


def _run_in_item(label: re.Match[str]) -> bool:
    """True for a cell that is an item's label and its text run together: a sentence of six
    words or more, with a capital after the number, that asks or states a concern."""
    rest = label.group("rest")
    kind = label_kind(label.group("kw"))
    return (
        not label.group("sep")
        and rest[:1].isupper()
        and len(rest.split()) >= 6
        and (kind == "cause_of_concern" or directs(rest))
    )


_SUMMARY_NOTE_RE = re.compile(r"\((?:in )?(?:summary|brief|short title|abridged)\)", re.I)
_BARE_ROW_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?[a-z]?\.?")
_ROW_NUMBER_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]{0,2}(?:\s*[-–]\s*[a-z])?"
    r"(?:\s*\([ivx]{1,5}(?:\s*[-–]\s*[ivx]{1,5})?\))?)\s+(?P<rest>\S.*)$"
)


def _names_a_column(text: str) -> bool:
    """True for a known column name: an item's, an owner's, a due date's or a tracker's."""
    name = text.strip()
    return bool(
        ITEM_HEADER_RE.fullmatch(name)
        or _OWNER_HEADER_RE.search(name)
        or _DUE_HEADER_RE.search(name)
        or _COLUMN_NAME_RE.fullmatch(name)
    )


def _header_cell(text: str) -> bool:
    """True for text that can head a table's column: a few words, not the end of a sentence
    in the next column of prose ("changes of personnel.")."""
    words = text.split()
    ends_sentence = len(words) > 1 and text.endswith(".")
    named = any(c.isalpha() for c in text)  # not a page's control ("−", "+") or a dash
    return named and len(words) <= 5 and not text[:1].islower() and not ends_sentence


def text_table_candidates(lines: Sequence[Line], body: float) -> tuple[list[Candidate], set[int]]:
    """Items from tables drawn without rules: a header cell names the item column."""
    out: list[Candidate] = []
    used: set[int] = set()
    keyed_pages: dict[tuple[str, ...], int] = {}  # a left-keyed table's header: its last page
    rows: dict[tuple[int, int], list[int]] = {}
    for i, ln in enumerate(lines):
        rows.setdefault((ln.page, round(ln.top / 3)), []).append(i)
    for i, ln in enumerate(lines):
        if (
            i in used
            or not (
                ITEM_HEADER_RE.fullmatch(ln.text.strip())
                or _NUMBER_HEAD_RE.fullmatch(ln.text.strip())
            )
            or _SUMMARY_NOTE_RE.search(ln.text)  # "Recommendation (summary)": printed in full too
        ):
            continue
        # the cells of its row; in another column of the page, only a cell a column is named
        # by (a heading level with it in a page of two languages side by side is no cell)
        mates = [
            j
            for j, other in enumerate(lines)
            if other.page == ln.page
            and j != i
            and abs(other.top - ln.top) < 2.5
            and (other.column == ln.column or _names_a_column(other.text))
        ]
        right = [lines[j].x0 for j in mates if lines[j].x0 > ln.x1]
        left = [lines[j] for j in mates if lines[j].x1 < ln.x0]
        if mates and not right and left and ln.size <= body + 1.5:
            # "Ref | Lead | Recommendation": the item column last, keyed by the cells before it
            names = (*(h.text.strip() for h in sorted(left, key=lambda h: h.x0)), ln.text.strip())
            # the header repeated over a table carried on from the page before: one row will do
            carried = keyed_pages.get(names) == ln.page - 1
            keyed = _left_keyed_rows(lines, i, left, used, 1 if carried else 2)
            if keyed:
                keyed_pages[names] = ln.page
            out += keyed
            continue
        if (
            len(mates) < 1
            or not right
            or ln.size > body + 1.5
            or any(LABEL_RE.match(lines[j].text) or not _header_cell(lines[j].text) for j in mates)
            # a page number beside it: a contents entry, not a column header
            or all(PAGE_REF_RE.fullmatch(lines[j].text.strip()) for j in mates)
        ):
            continue
        col_x0, col_x1 = ln.x0 - 4, min(right) - 2
        kind = section_kind(ln.text) or "recommendation"
        header_bottom = max([ln.bottom] + [lines[j].bottom for j in mates])
        others: list[Line] = [lines[j] for j in mates if lines[j].x0 > ln.x1]
        read: set[int] = set()  # the lines the column takes, if it is a table after all
        # a "No." column before it: a row's number may run into its first line ("1 The Home …")
        numbers = [h.x0 for h in left if re.fullmatch(_REF_HEADER, h.text.strip(), re.I)]
        cells = _column_cells(
            lines, i, header_bottom, (min(numbers, default=col_x0), col_x0, col_x1), others, read
        )
        if len(cells) < 2:
            continue
        used.update([i, *mates, *read])
        marks = _mark_columns(others, sorted(right), cells[0][0])
        found = _cell_candidates(cells, kind, marks, 10_000 + i)
        out += _with_named_columns(found, [lines[j] for j in mates if lines[j].x0 > ln.x1], others)
    return out, used


def _left_keyed_rows(
    lines: Sequence[Line], start: int, left: Sequence[Line], used: set[int], fewest: int
) -> list[Candidate]:
    """The rows of a ruleless table whose item column comes last, under a header naming a
    ref column before it ("Ref | Lead | Recommendation" over "1.1 Chief Constable | Publish
    …"): each row's item, numbered by its ref cell, owned by its lead cell (none unless
    there are at least `fewest`)."""
    head = lines[start]
    if not any(re.fullmatch(_REF_HEADER, h.text.strip(), re.I) for h in left):
        return []
    x_min = min(h.x0 for h in left) - 6
    kind = section_kind(head.text) or "recommendation"
    # down the page, whatever order its columns were read in
    below = sorted(
        (j for j, ln in enumerate(lines) if ln.page == head.page and ln.top >= head.bottom - 1),
        key=lambda j: lines[j].top,
    )
    keys: list[Line] = []
    cells: list[Line] = []
    read: set[int] = set()
    bottom = head.bottom
    for j in below:
        cur = lines[j]
        if cur.size >= head.size + 3 or cur.x0 < x_min or cur.top - bottom > 2.5 * cur.size:
            break
        if cur.x1 < head.x0 - 2 or (cur.x0 < head.x0 - 4 and _ROW_NUMBER_RE.match(cur.text)):
            keys.append(cur)  # a key cell, or a row run together with its item (skipped below)
        elif cur.x0 >= head.x0 - 4:
            cells.append(cur)
        else:
            break  # running text across the columns
        read.add(j)
        bottom = max(bottom, cur.bottom)
    ref_end = min((h.x0 for h in left if h.x0 > x_min + 8), default=head.x0) - 2
    rows = _keyed_rows(keys, cells, ref_end)
    # "Phase 1 – Immediate priorities: within three months of publication" over the header
    over = [ln for ln in lines[max(0, start - 12) : start] if ln.page == head.page
            and ln.bottom <= head.top + 1 and ln not in left]  # fmt: skip
    when = heading_due(over[-1].text) if over else None
    found: list[Candidate] = []
    for row_keys, cell in rows:
        m = _ROW_NUMBER_RE.match(join_text(k.text for k in row_keys))
        if m is None or len(cell) == 0 or len(join_text(c.text for c in cell).split()) < 3:
            continue
        if any(k.x1 > head.x0 for k in row_keys):
            continue  # its first line ran into the key cells: where the item starts is unknown
        number = m.group("num")
        cand = Candidate(kind, number, None, [Block(cell)], 10_000 + start)
        cand.labelled, cand.in_table = True, True
        who, due = _key_fields(row_keys, left, m.group("rest"))
        cand.responsible = who
        cand.timing = due_phrase(due) if due and due.strip("–—- ") else when
        found.append(cand)
    if len(found) >= fewest:
        used.update([start, *read])
        return found
    return []


def _key_fields(
    keys: Sequence[Line], header: Sequence[Line], rest: str
) -> tuple[str | None, str | None]:
    """The owner and due cells of a row's key cells, each under its column's name ("Lead",
    "Timescale"); with one other column only, the text after the ref is that column's."""
    heads = sorted(header, key=lambda h: h.x0)
    named = [h for h in heads if not re.fullmatch(_REF_HEADER, h.text.strip(), re.I)]
    if len(named) == 1:
        if _OWNER_HEADER_RE.search(named[0].text):
            return rest, None
        return None, (rest if _DUE_HEADER_RE.search(named[0].text) else None)
    texts: dict[int, list[str]] = {}
    for key in keys:
        k = max((n for n, h in enumerate(heads) if h.x0 <= key.x0 + 2), default=0)
        end = heads[k + 1].x0 if k + 1 < len(heads) else float("inf")
        if key.x1 > end + 2:
            return None, None  # cells run together: which words are whose is not known
        texts.setdefault(k, []).append(key.text)
    who = next((n for n, h in enumerate(heads) if _OWNER_HEADER_RE.search(h.text)), None)
    due = next((n for n, h in enumerate(heads) if _DUE_HEADER_RE.search(h.text)), None)
    return (
        join_text(texts[who]) if who in texts else None,
        join_text(texts[due]) if due in texts else None,
    )


# A row's ref opening its key cell, alone or before its lead ("1.2", "1.2 PCC")
_ROW_REF_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?[a-z]?(?:\s|$)")


def _keyed_rows(
    keys: Sequence[Line], cells: Sequence[Line], ref_end: float
) -> list[tuple[list[Line], list[Line]]]:
    """Rows of key cells and item lines: a ref in the ref column (left of `ref_end`) opens a
    row (a wrapped lead goes on in it), and each item line joins the row whose ref stands
    level with it or above it."""
    rows: list[tuple[list[Line], list[Line]]] = []
    for key in keys:
        if rows and (key.x0 > ref_end or not _ROW_REF_RE.match(key.text)):
            rows[-1][0].append(key)
        else:
            rows.append(([key], []))
    for cell in cells:
        row = next((r for r in reversed(rows) if r[0][0].top <= cell.top + 2.5), None)
        if row is not None:
            row[1].append(cell)
    return rows


_ROW_LETTER_RE = re.compile(r"^(?P<num>[a-z]|[ivx]{2,4})[.)]\s+(?P<rest>\S.*)$")
# "No. Recommendation": the number column's name set close to the item column's name
_NUMBER_HEAD_RE = re.compile(
    r"(?:no\.?|ref\.?|#|number|para\.?)\s+(?:recommendations?|areas? for improvement|actions?)",
    re.IGNORECASE,
)


def _column_cells(
    lines: Sequence[Line],
    start: int,
    header_bottom: float,
    column: tuple[float, float, float],
    others: list[Line],
    used: set[int],
) -> list[list[Line]]:
    """The cells of a ruleless table's item column, read down from its header at `start`
    (`column`: where a row's number may start, where the column starts and ends)."""
    number_x0, col_x0, col_x1 = column
    page = lines[start].page
    cells: list[list[Line]] = []
    prev: Line | None = None
    number: str | None = None
    for j in range(start + 1, len(lines)):
        cur = lines[j]
        if cur.page == page and cur.top < header_bottom:
            continue
        if prev is not None and cur.page != prev.page and cur.page != prev.page + 1:
            break
        in_numbers = number_x0 - 6 <= cur.x0 < col_x0 - 6
        if in_numbers and _BARE_ROW_NUMBER_RE.fullmatch(cur.text.strip()):
            number = cur.text.strip()  # a row's number on a line of its own: the next cell's
            used.add(j)
            continue
        numbered = in_numbers and bool(_ROW_NUMBER_RE.match(cur.text))
        if (cur.x0 < col_x0 - 6 and not numbered) or (cur.x0 < col_x1 and cur.x1 > col_x1 + 40):
            break  # running text resumes across the columns
        if number is not None:
            cur, number = replace(cur, text=f"{number} {cur.text}"), None
            cells.append([cur])
            used.add(j)
            prev = cur
            continue
        if cur.size >= lines[start].size + 3:
            break  # a heading in display type: the table has ended
        if cur.x0 >= col_x1:
            used.add(j)
            others.append(cur)
            continue
        if prev is not None and cur.page == prev.page and cur.top - prev.bottom > 2.5 * cur.size:
            break
        aligned = any(
            abs(lines[k].top - cur.top) < 2.5
            and lines[k].x0 >= col_x1
            and not _continues_cell(lines, k)
            for k in range(max(0, j - 8), min(len(lines), j + 8))
            if lines[k].page == cur.page
        )
        # a number set level with a cell's last line ("… personal statement. | 4") does not
        # split the sentence it ends
        mid_sentence = prev is not None and _continues_sentence(prev, cur)
        # a bullet set in under the row's text is a part of that row's item
        part = bool(cells) and bool(BULLET_RE.match(cur.text)) and cur.x0 > cells[-1][0].x0 + 4
        starts = (
            prev is None
            or (aligned and not mid_sentence)
            or (cur.page == prev.page and cur.top - prev.bottom > 0.5 * cur.size and not part)
            or (cur.page != prev.page and bool(_ROW_NUMBER_RE.match(cur.text)))
        )
        if starts or not cells:
            cells.append([cur])
        else:
            cells[-1].append(cur)
        used.add(j)
        prev = cur
    return cells


def _continues_sentence(prev: Line, cur: Line) -> bool:
    """True when cur carries on the sentence prev left open, on the same page."""
    return (
        cur.page == prev.page
        and not SENTENCE_END_RE.search(prev.text)
        and cur.text[:1].islower()
        and cur.top - prev.bottom < 0.5 * cur.size
    )


def _continues_cell(lines: Sequence[Line], k: int) -> bool:
    """True when a line carries on the cell above it in its column (a wrapped "When" cell)."""
    ln = lines[k]
    return any(
        o.page == ln.page and abs(o.x0 - ln.x0) < 4 and 2.5 < ln.top - o.top < 1.8 * ln.size
        for o in lines[max(0, k - 8) : k]
    )


def _cell_candidates(
    cells: list[list[Line]], kind: ItemKind, marks: Callable[[Line], str | None], cluster: int
) -> list[Candidate]:
    """One item per cell of the item column, its row number read off its text."""
    out: list[Candidate] = []
    owner: str | None = None  # a group row naming who acts for the rows under it
    for cell in cells:
        label = LABEL_RE.fullmatch(cell[0].text.strip())
        if label is not None and len(cell) > 1:  # a "Recommendation 4" line heads the cell
            cell = cell[1:]
        text = join_text(c.text for c in cell)
        named = _owner_named(text) if len(cell) == 1 else None
        if named is not None:  # "To the Police and Crime Commissioner" over its rows
            owner = named
            continue
        number = label.group("num") if label is not None and len(cell) else None
        m = None if number else (_ROW_NUMBER_RE.match(text) or _ROW_LETTER_RE.match(text))
        if m:
            number, text = m.group("num"), m.group("rest")
            cell = [replace(cell[0], text=cell[0].text[len(number) :].strip()), *cell[1:]]
        if len(text.split()) < 3:
            continue
        parent_m = re.match(r"\d+", number or "")
        parent = parent_m.group() if parent_m and number != parent_m.group() else None
        out.append(
            Candidate(
                kind=kind,
                number=number,
                parent=parent,
                blocks=[Block(cell)],
                cluster=cluster,
                labelled=True,
                responsible=marks(cell[0]) or owner,
                in_table=True,
            )
        )
    return out


def _with_named_columns(
    found: list[Candidate], header: Sequence[Line], others: Sequence[Line]
) -> list[Candidate]:
    """Rows of a ruleless table whose other columns are headed "Who" / "Owner" and "When" /
    "Due": each row's cells there say who acts and by when."""
    heads = sorted(header, key=lambda h: h.x0)
    owner = next((h for h in heads if _OWNER_HEADER_RE.search(h.text.strip().lower())), None)
    due = next((h for h in heads if _DUE_HEADER_RE.search(h.text.strip().lower())), None)
    if owner is None and due is None:
        return found
    starts = [h.x0 for h in heads]
    tops = _row_tops(found)
    below = {h.page: h.bottom for h in heads}  # the first row starts under the header row
    out = []
    for k, cand in enumerate(found):
        page, top = tops[k]
        top = max(top, below.get(page, top))
        end = next((t for p, t in tops[k + 1 :] if p == page), float("inf"))

        row = (page, top, end)
        who, when = _cell_text(owner, row, starts, others), _cell_text(due, row, starts, others)
        out.append(
            replace(
                cand,
                responsible=who or cand.responsible,
                timing=(due_phrase(when) if when.strip("–—- ") else None) or cand.timing,
            )
        )
    return out


def _cell_text(
    head: Line | None,
    row: tuple[int, float, float],
    starts: Sequence[float],
    others: Sequence[Line],
) -> str:
    """The text in a row (page, top, end) under a column's header line."""
    if head is None:
        return ""
    page, top, end = row
    column = _nearest(starts, head.x0)
    return " ".join(
        o.text.strip()
        for o in others
        if o.page == page and top <= o.top < end and _nearest(starts, o.x0) == column
    )


def _row_tops(found: Sequence[Candidate]) -> list[tuple[int, float]]:
    """Where each row starts: below the row above it on the page (a row's label line may
    stand above its text), else a couple of lines above its text."""
    tops = []
    for k, cand in enumerate(found):
        first = cand.blocks[0].first
        above = [ln.bottom for c in found[:k] for ln in c.blocks[-1].lines if ln.page == first.page]
        tops.append((first.page, max(above) if above else first.top - 2.2 * first.size))
    return tops


def _mark_columns(
    others: Sequence[Line], starts: Sequence[float], first_row: Line
) -> Callable[[Line], str | None]:
    """Columns headed by bodies whose cells hold marks (F, P, ✓): who each row is for."""
    names: dict[int, list[str]] = {}
    for ln in others:
        if ln.page == first_row.page and ln.top < first_row.top - 1:
            # A header line may run across two columns; place each word by its estimated x.
            width = (ln.x1 - ln.x0) / max(len(ln.text), 1)
            offset = 0
            for word in ln.text.split(" "):
                x = ln.x0 + offset * width
                names.setdefault(max(_nearest(starts, x), _column_of(starts, x)), []).append(word)
                offset += len(word) + 1
    # a column named for what its cells say ("Timescale", "Owner") holds no bodies' marks
    headers = {k: name for k, v in names.items() if not _names_a_column(name := " ".join(v))}

    def marks(row: Line) -> str | None:
        hits = [
            headers[k]
            for ln in others
            if ln.page == row.page
            and abs(ln.top - row.top) < 2.5
            and len(ln.text.strip()) <= 3
            and (k := _nearest(starts, ln.x0)) in headers
        ]
        unique = list(dict.fromkeys(hits))
        if len(unique) > 1:
            return ", ".join(unique[:-1]) + " and " + unique[-1]
        return unique[0] if unique else None

    return marks


def _column_of(starts: Sequence[float], x: float) -> int:
    """Index of the last column starting at or before x."""
    return max((k for k, start in enumerate(starts) if start <= x + 2), default=0)


def _nearest(starts: Sequence[float], x: float) -> int:
    return min(range(len(starts)), key=lambda k: abs(starts[k] - x))
