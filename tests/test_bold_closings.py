"""Items set as the bold sentences that close a plain paragraph (extractors/bold_closings.py)."""

from __future__ import annotations

from dataclasses import replace

from test_items import doc, line, paragraph

from extractors.items import split_items
from models.records import Line


def bold_from(ln: Line, words: str) -> Line:
    """The line with its last words (`words`, which it must end with) set in bold."""
    assert ln.text.endswith(words)
    return replace(ln, bold_tail=len(words), bold=len(words) > 0.6 * len(ln.text))


def bold(ln: Line) -> Line:
    """The line set wholly in bold."""
    return replace(ln, bold=True, bold_tail=len(ln.text))


def graded(top: float, page: int = 1) -> list[Line]:
    """A graded heading over a paragraph whose last sentence turns bold mid-line."""
    plain, rest = paragraph(
        page,
        top + 25,
        "Supervisors rarely recorded what they had checked in the cases we reviewed. The force",
        "should make sure that supervisors record each review and the actions it sets.",
    )
    return [
        line(page, top, "Investigating crime: adequate", bold=True, size=13),
        bold_from(plain, "The force"),
        bold(rest),
    ]


AFI_HEADING = line(1, 60, "Areas for improvement", bold=True, size=13)
GRADED = line(1, 120, "Investigating crime: adequate", bold=True, size=13)


def test_a_bold_sentence_closing_a_plain_paragraph_is_an_item_of_the_headings_kind() -> None:
    items = split_items(doc([AFI_HEADING, *graded(120)]))
    assert [(i.kind, i.number, i.text) for i in items] == [
        (
            "area_for_improvement",
            None,
            "The force should make sure that supervisors record each review and the actions "
            "it sets.",
        )
    ]
    # with no heading naming a kind, it is a recommendation
    assert [i.kind for i in split_items(doc(graded(120)))] == ["recommendation"]


def test_the_bold_run_may_open_its_own_line_or_end_on_the_next_page() -> None:
    first, second = paragraph(
        1, 145, "Call handlers use a triage tool, but it was completed in only half of calls.",
        "The force should make sure that call handlers identify repeat callers when they",
    )  # fmt: skip
    lines = [
        AFI_HEADING,
        line(1, 120, "Protecting vulnerable people: requires improvement", bold=True, size=13),
        first,
        bold(second),
        bold(line(2, 80, "first call.")),
        *paragraph(2, 110, "Officers we spoke to understood what was expected of them."),
    ]
    items = split_items(doc(lines))
    assert [(i.text, i.page_start, i.page_end) for i in items] == [
        (
            "The force should make sure that call handlers identify repeat callers when they "
            "first call.",
            1,
            2,
        )
    ]


def closing(first: str, second: str, words: str) -> list[Line]:
    """Two lines under a graded heading: `words` at the end of the first turn bold, and the
    second is bold."""
    plain, rest = paragraph(1, 145, first, second)
    return [AFI_HEADING, GRADED, bold_from(plain, words), bold(rest)]


def test_bold_words_that_do_not_open_a_sentence_or_ask_nothing_are_no_item() -> None:
    emphasis = closing(
        "Supervisors rarely recorded what they had checked, and the force",
        "should make sure that supervisors record each review and the actions it sets.",
        "the force",
    )
    assert split_items(doc(emphasis)) == []
    praise = closing(
        "Call handlers complete the triage tool for most calls. The force",
        "has improved how it identifies repeat callers, and this is good practice.",
        "The force",
    )
    assert split_items(doc(praise)) == []
    # a consultation's question in bold asks the reader, not a body
    question = closing(
        "Response times vary between wards. Q1. Should the force",
        "publish its response times for each ward every month?",
        "Should the force",
    )
    assert split_items(doc(question)) == []
    # a bold paragraph of its own, a paragraph's space below the plain one, runs on from nothing
    apart = [
        AFI_HEADING,
        GRADED,
        line(1, 145, "Call handlers use a triage tool, but it was completed in half of calls."),
        bold(line(1, 175, "The force should make sure that call handlers identify callers.")),
    ]
    assert split_items(doc(apart)) == []


def test_a_report_that_lists_its_items_keeps_bold_runs_in_its_body_as_narrative() -> None:
    # a committee report: its conclusions are in bold in the body and listed at the end; the
    # list's items are the report's, and a bold conclusion the list does not ask is none
    lines = [
        line(1, 60, "Recommendations", bold=True, size=13),
        line(1, 80, "1. The Home Office should publish the guidance by March 2027."),
        line(2, 60, "Background", bold=True, size=13),
        *graded(120, page=2),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 1)]
