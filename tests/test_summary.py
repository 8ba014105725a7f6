"""The report's own summary paragraph: found under its heading, never under look-alikes."""

from __future__ import annotations

import pytest

from extractors.summary import extract_summary
from models.records import DocumentText, Line

BODY = 10.5
PITCH = 14.5  # line spacing inside a paragraph; paragraphs are 20 apart


class Page:
    """Lays out lines top to bottom the way the text layer reports them."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.page = 1
        self.top = 70.0

    def heading(self, text: str, size: float = 20.0, bold: bool = True) -> Page:
        self.top += 28
        self.lines.append(Line(self.page, text, 68, 300, self.top, self.top + size, size, bold))
        self.top += size + 8
        return self

    def paragraph(self, *lines: str) -> Page:
        for text in lines:
            bottom = self.top + BODY
            self.lines.append(Line(self.page, text, 68, 520, self.top, bottom, BODY, False))
            self.top += PITCH
        self.top += 6
        return self

    def new_page(self) -> Page:
        self.page += 1
        self.top = 70.0
        return self

    def doc(self) -> DocumentText:
        return DocumentText("r.pdf", "0" * 64, self.page, tuple(self.lines))


LONG = (
    "The force has improved how it answers calls from the public,",
    "but it still does not assess risk consistently.",
)


@pytest.mark.parametrize("heading", ["Summary", "Executive summary", "Overview", "2. Summary"])
def test_first_paragraph_under_a_summary_heading(heading: str) -> None:
    doc = (
        Page()
        .heading("Foreword")
        .paragraph("I am grateful to everyone who helped with this inspection and its work.")
        .heading(heading)
        .paragraph(*LONG)
        .paragraph("A second paragraph that is not part of the answer at all, as it follows.")
        .doc()
    )
    assert extract_summary(doc) == " ".join(LONG)


def test_summary_of_recommendations_is_not_a_summary() -> None:
    doc = (
        Page()
        .heading("Summary of recommendations")
        .paragraph("We have made the following recommendations to chief constables in all forces.")
        .doc()
    )
    assert extract_summary(doc) is None


def test_contents_entries_and_body_text_mentioning_summary_are_ignored() -> None:
    doc = Page().paragraph("Summary", "Overview").paragraph(*LONG).doc()
    assert extract_summary(doc) is None


def test_sub_headings_bullets_and_short_lead_ins_are_skipped() -> None:
    doc = (
        Page()
        .heading("Overall summary")
        .heading("Our judgments", size=14)
        .paragraph("As follows:")
        .paragraph("• Good: preventing crime and treating the public fairly in every area.")
        .paragraph(*LONG)
        .doc()
    )
    assert extract_summary(doc) == " ".join(LONG)


def test_a_summary_section_without_prose_gives_none() -> None:
    doc = (
        Page()
        .heading("Summary")
        .paragraph("• a bullet that is the whole summary of the report in one line")
        .heading("Findings")
        .paragraph(*LONG)
        .doc()
    )
    assert extract_summary(doc) is None


def test_a_paragraph_continues_across_a_page_break() -> None:
    doc = (
        Page()
        .heading("Summary")
        .paragraph("The force has improved how it answers calls from the public, but")
        .new_page()
        .paragraph("it still does not assess the risk to callers in a structured way.")
        .doc()
    )
    assert extract_summary(doc) == (
        "The force has improved how it answers calls from the public, but it still does not "
        "assess the risk to callers in a structured way."
    )


def test_no_lines_no_summary() -> None:
    assert extract_summary(DocumentText("r.pdf", "0" * 64, 0, ())) is None
