"""Items with no label of their own (extractors/bold_runs.py): bold sentences closing a plain
paragraph, bold items with plain commentary run on after them, asks in a letter's prose."""

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
    return replace(ln, bold=True, bold_tail=len(ln.text), bold_head=len(ln.text))


def bold_to(ln: Line, words: str) -> Line:
    """The line with its first words (`words`, which it must open with) set in bold."""
    assert ln.text.startswith(words)
    return replace(ln, bold_head=len(words), bold=len(words) > 0.6 * len(ln.text))


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
    # with no heading naming a kind, it is a recommendation, unless the report speaks of
    # areas for improvement more than of recommendations
    assert [i.kind for i in split_items(doc(graded(120)))] == ["recommendation"]
    spoken = line(1, 60, "In 2023 we set the force one area for improvement; it has addressed it.")
    assert [i.kind for i in split_items(doc([spoken, *graded(120)]))] == ["area_for_improvement"]


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


def test_a_bold_run_at_a_numbered_paragraphs_hanging_margin_carries_it_on() -> None:
    first = line(1, 145, "10. Persons held by the police in the country run a real risk", x0=70)
    second = line(1, 160, "of ill-treatment, as the delegation found again this year.", x0=98)
    lines = [
        line(1, 120, "Ill-treatment", bold=True, size=13),
        first,
        second,
        bold(line(1, 175, "The Committee recommends that the Minister remind all officers", x0=98)),
        bold(line(1, 190, "that ill-treatment of detained persons will be punished.", x0=98)),
        *paragraph(1, 215, "11. The delegation also visited two prisons in the north."),
        *graded(260),  # the report's other asks, closing paragraphs at their own margin
        *graded(330),
    ]
    items = split_items(doc(lines))
    # (the two graded paragraphs print one ask twice: one item)
    assert [" ".join(i.text.split()[:3]) for i in items] == [
        "The Committee recommends",
        "The force should",
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


RECOMMENDATIONS = line(1, 60, "Recommendations", bold=True, size=13)


def test_a_bold_item_ends_with_its_bold_sentence_not_the_commentary_run_on_after_it() -> None:
    first, second, third, fourth = paragraph(
        1, 80, "The trust should publish its complaints data every quarter, broken down",
        "by service and by the ethnicity of the complainant. Publishing the data will",
        "allow families and the public to see whether the concerns we heard are addressed.",
        "The first report should cover the quarter beginning in July.",
    )  # fmt: skip
    opening = "by service and by the ethnicity of the complainant."
    # each paragraph's first line indented: the commentary's lines stand out as a paragraph
    lines = [RECOMMENDATIONS, bold(replace(first, x0=80)), bold_to(second, opening), third, fourth]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [f"{first.text} {opening}"]


def test_bold_words_opening_the_next_line_finish_the_item_on_this_page_or_the_next() -> None:
    first, second = paragraph(
        1, 80, "The trust should appoint a named family liaison lead for maternity services",
        "by 1 September 2025. Families told us that they wanted one person who knew them.",
    )  # fmt: skip
    lines = [RECOMMENDATIONS, bold(first), bold_to(second, "by 1 September 2025.")]
    assert [i.text for i in split_items(doc(lines))] == [
        "The trust should appoint a named family liaison lead for maternity services by 1 "
        "September 2025."
    ]
    over = [RECOMMENDATIONS, bold(first), replace(bold_to(second, "by 1 September 2025."),
                                                 page=2, top=80)]  # fmt: skip
    assert [(i.page_start, i.page_end) for i in split_items(doc(over))] == [(1, 2)]


def test_bold_words_that_end_no_sentence_leave_a_bold_item_as_it_was() -> None:
    first, second = paragraph(
        1, 80, "The trust should publish its complaints data every quarter, broken down",
        "by service and by the ethnicity of the complainant, in its annual report.",
    )  # fmt: skip
    lines = [RECOMMENDATIONS, bold(first), bold_to(second, "by service and")]
    assert [i.text for i in split_items(doc(lines))] == [f"{first.text} {second.text}"]


def test_a_letter_that_lists_no_items_asks_the_force_in_its_prose() -> None:
    letter = paragraph(
        1,
        100,
        "In 2023 we said that the force should improve how it records crime; it now does, and",
        "we have removed that area for improvement. The force should be proud of its teams.",
        "Callers waited too long. The force should make sure that it answers emergency calls",
        "promptly and that call handlers identify repeat callers. We graded this as adequate.",
    )
    items = split_items(doc(letter))
    assert [(i.kind, i.text) for i in items] == [
        (
            "area_for_improvement",
            "The force should make sure that it answers emergency calls promptly and that call "
            "handlers identify repeat callers.",
        )
    ]
    # a report that lists its items keeps the asks in its prose as narrative
    listed = [
        *letter,
        line(2, 60, "Recommendations", bold=True, size=13),
        line(2, 80, "1. The Home Office should publish the guidance by March 2027."),
    ]
    assert [i.number for i in split_items(doc(listed))] == ["1"]


def test_an_ask_in_a_letters_prose_that_runs_over_the_page_ends_on_the_next_page() -> None:
    letter = [
        *paragraph(
            1,
            700,
            "We reviewed sixty investigations. The force should make sure that supervisors",
            "review each investigation regularly and record their",
        ),
        *paragraph(2, 60, "direction, and that victims are kept informed. We found that"),
        line(2, 75, "areas for improvement remain in how crime is investigated."),
    ]
    [item] = split_items(doc(letter))
    assert item.text.endswith("record their direction, and that victims are kept informed.")
    assert (item.page_start, item.page_end) == (1, 2)


def opening(top: float, ask: str, *commentary: str) -> list[Line]:
    """A paragraph opening with a bold sentence (`ask`, whole lines) and plain commentary."""
    lines = paragraph(1, top, ask, *commentary)
    return [bold(lines[0]), *lines[1:]]


def test_paragraphs_opening_with_a_bold_ask_give_the_bold_sentence_as_the_item() -> None:
    run_in, rest = paragraph(
        1, 190, "Chief constables should review how their forces use the absent category. Forces",
        "told us the category was applied to children who were at risk.",
    )  # fmt: skip
    lines = [
        line(1, 40, "Knowing who is in the area", bold=True, size=14),
        line(1, 60, "Each of our recommendations follows the finding it answers."),
        *opening(
            80,
            "The College of Policing should update its guidance on missing children.",
            "The guidance is six years old and says little about children placed far away.",
        ),
        *paragraph(1, 135, "We reviewed 164 missing episodes involving 71 children."),
        bold_to(run_in, "Chief constables should review how their forces use the absent category."),
        rest,
        # an earlier report's ask, told again in bold, asks nothing now
        *opening(
            240,
            "In 2019 we recommended that forces should stop using the absent category.",
            "Most forces still use it, and two have widened it.",
        ),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "The College of Policing should update its guidance on missing children.",
        "Chief constables should review how their forces use the absent category.",
    ]
    # one bold opening alone is emphasis, not the report's way of asking
    assert split_items(doc(lines[:5])) == []
    # nor are bold openings in a report that never speaks of recommendations
    assert split_items(doc([lines[0], *lines[2:7]])) == []
    # a report that lists its recommendations restates them in bold in its body
    listed = [*lines, line(1, 300, "Recommendation 1", bold=True), line(1, 320, lines[2].text)]
    assert [i.number for i in split_items(doc(listed))] == ["1"]
