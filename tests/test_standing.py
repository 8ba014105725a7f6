"""What a document asks of everyone it is sent to: recipients and the time to respond."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fixtures.families import build_family

from extractors.standing import recipients, response_due
from models.records import Line, Recipient, Table
from pipeline.run.extract import extract_pdf


def _lines(*texts: str, bold: frozenset[int] = frozenset()) -> list[Line]:
    return [
        Line(1, text, 70, 400, 100 + 14 * k, 111 + 14 * k, 11, k in bold)
        for k, text in enumerate(texts)
    ]


def test_the_bodies_a_report_is_sent_to_lose_their_posts() -> None:
    lines = _lines(
        "THIS REPORT IS BEING SENT TO:",
        "1. The Chief Constable, Westdale Police",
        "2. The Chief Executive, Westdale Health Board",
        "3 WHO I AM",
        bold=frozenset({0, 3}),
    )
    assert recipients(lines) == (Recipient("Westdale Police"), Recipient("Westdale Health Board"))


def test_a_sentence_directing_each_concern_to_some_recipients_says_which_they_answer() -> None:
    lines = _lines(
        "THIS REPORT IS BEING SENT TO:",
        "1. The Chief Executive, Westdale and Fenby NHS Foundation Trust",
        "2. NHS Westdale Integrated Care Board",
        "3. NHS England",
        "6 ACTION SHOULD BE TAKEN",
        "Matters of concern 1, 2 and 4 are directed to the Trust; matter of concern 3 is",
        "directed to the Trust and to the Integrated Care Board; matter of concern 5 is",
        "directed to NHS England.",
        bold=frozenset({0, 4}),
    )
    assert recipients(lines) == (
        Recipient("Westdale and Fenby NHS Foundation Trust", ("1", "2", "4", "3")),
        Recipient("NHS Westdale Integrated Care Board", ("3",)),
        Recipient("NHS England", ("5",)),
    )


def test_recipients_run_into_the_heading_sentence_are_each_listed() -> None:
    lines = _lines(
        "I. ADDRESSEES",
        "This report is addressed to: (1) the Chief Constable of Westdale Police; and (2) the",
        "National Police Chiefs' Council lead for roads policing.",
        "II. THE CORONER",
    )
    assert recipients(lines) == (
        Recipient("Westdale Police"),  # the post dropped, as after a comma
        Recipient("the National Police Chiefs' Council lead for roads policing"),
    )


def test_a_numbered_heading_and_concerns_directed_by_range_post_or_short_name() -> None:
    lines = _lines(
        "1 THIS REPORT IS BEING SENT TO:",
        "1. The Chief Constable, Westdale Police",
        "2. The Chief Executive, Fenby Custody Health Ltd (‘Fenby’)",
        "2 CORONER",
        "Concerns 1 to 3 are directed to the Chief Constable. Concern 4 is directed to Fenby.",
        bold=frozenset({0, 3}),
    )
    assert recipients(lines) == (
        Recipient("Westdale Police", ("1", "2", "3")),
        Recipient("Fenby Custody Health Ltd", ("4",)),
    )


def test_a_table_of_recipients_says_which_items_each_must_answer() -> None:
    heading = _lines("THIS REPORT IS BEING SENT TO:", bold=frozenset({0}))
    rows = (
        ("Recipient", "Organisation", "Concerns for response"),
        ("Chief Executive", "Westdale Health Board", "1, 2 and 3"),
        ("Secretary of State", "Department for Education", "4"),
    )
    table = Table(page=1, top=120, bottom=180, rows=rows)
    assert recipients(heading, [table]) == (
        Recipient("Westdale Health Board", ("1", "2", "3")),
        Recipient("Department for Education", ("4",)),
    )
    # a table further down the page is not the list of recipients
    assert recipients(heading, [Table(page=1, top=400, bottom=460, rows=rows)]) == ()


def test_a_sentence_saying_a_report_was_sent_lists_no_recipients() -> None:
    lines = _lines("The draft was sent to the force in May.", "1. The force replied in June.")
    assert recipients(lines) == ()


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "You are under a duty to respond to this report within 56 days of the date of "
            "this report, namely by 2 May 2027. I may extend the period.",
            "within 56 days of the date of this report, namely by 2 May 2027",
        ),
        (
            "The organisations to which these recommendations are addressed must provide a "
            "response in writing within 56 days of the date of this letter.",
            "within 56 days of the date of this letter",
        ),
        # a rule about responses in general is not this document's limit
        ("Under the rules, bodies given recommendations must respond within 56 days.", None),
        ("Each commissioner must respond to the report within 56 days of its publication.", None),
        (
            "Each recipient must reply. Please send your reply to me by 2 May 2027, 56 days on.",
            "by 2 May 2027",
        ),
    ],
)
def test_the_time_to_respond_is_counted_from_this_document(text: str, due: str | None) -> None:
    assert response_due(_lines(*text.split(". "))) == due


def test_a_prevention_report_gives_every_concern_its_recipients_and_limit(
    tmp_path: Path,
) -> None:
    pdf, _ = build_family("prevention_report", "sans", tmp_path)
    result = extract_pdf(pdf)
    assert [i.number for i in result.items] == ["1", "2", "3"]
    for item in result.items:
        # the one force the report is sent to is the force it is about
        assert item.addressees == ("force", "Northmoor Valley Ambulance Trust")
        assert item.deadline is not None
        assert (item.deadline.kind, item.deadline.date) == ("date", date(2027, 4, 28))


def test_a_notices_to_field_names_the_organisation_it_is_addressed_to() -> None:
    lines = _lines(
        "ENFORCEMENT NOTICE",
        "To: Eastvale Housing Association Limited",
        "Dated: 15 October 2031",
    )
    assert recipients(lines) == (Recipient("Eastvale Housing Association"),)
    # a class of posts is no one organisation
    assert recipients(_lines("To: All chief constables in England and Wales")) == ()


def test_each_report_of_a_summary_is_for_the_bodies_its_sent_to_field_lists(
    tmp_path: Path,
) -> None:
    pdf, _ = build_family("prevention_summary", "serif", tmp_path)
    result = extract_pdf(pdf)
    assert [i.number for i in result.items] == ["1", "2", "1", "2"]
    first = ("Northmoor Constabulary", "Northmoor Valley Ambulance Trust")
    second = ("Brackenford Borough Council", "college_of_policing")
    assert [i.addressees for i in result.items] == [first, first, second, second]
