"""How a cover's title is read, on hand-built lines of our own wording."""

from __future__ import annotations

import pytest

from extractors.metadata import extract_metadata
from models.records import DocumentText, Line


def _title(cover: str) -> str | None:
    """The title read from a one-page document whose cover line is set large over body text."""
    lines = (
        Line(page=1, text=cover, x0=50, x1=500, top=60, bottom=84, size=24.0, bold=True),
        Line(
            page=1,
            text="The visit looked at how the home keeps young people safe.",
            x0=50,
            x1=500,
            top=200,
            bottom=211,
            size=11.0,
            bold=False,
        ),
    )
    return extract_metadata(DocumentText("r.pdf", "0" * 64, 1, lines)).title


def test_an_apostrophe_set_apart_from_its_word_is_joined_to_it() -> None:
    assert (
        _title("Visit to Northshire children ’ s homes") == "Visit to Northshire children’s homes"
    )


def test_a_closing_quote_before_a_word_stays_apart() -> None:
    assert _title("Visit to the ‘ Safe ’ scheme in Northshire") == (
        "Visit to the ‘ Safe ’ scheme in Northshire"
    )


def _plain_cover(texts: list[str], title_field: str | None = None) -> str | None:
    """The title of a one-page letter-like document set all in body type, line by line."""
    lines = tuple(
        Line(
            page=1,
            text=t,
            x0=50,
            x1=500,
            top=60 + 14 * i,
            bottom=71 + 14 * i,
            size=11.0,
            bold=False,
        )
        for i, t in enumerate(texts)
    )
    meta = (("Title", title_field),) if title_field else ()
    return extract_metadata(DocumentText("r.pdf", "0" * 64, 1, lines, pdf_metadata=meta)).title


LETTER_BODY = [
    "We set out below the counts you asked for, by month and by station.",
    "Each count covers stops made on the public road during the year.",
    "Stops that led to an arrest are counted once, in the month of the stop.",
]
LETTER = [
    "Our reference 12/345",
    "Dear Sir or Madam,",
    "COUNTS OF VEHICLE STOPS MADE BY",
    "OFFICERS IN NORTHSHIRE",
    *LETTER_BODY,
]


def test_a_capitals_heading_is_the_title_of_a_cover_without_display_type() -> None:
    assert _plain_cover(LETTER, title_field="stops data v2") == (
        "COUNTS OF VEHICLE STOPS MADE BY OFFICERS IN NORTHSHIRE"
    )


def test_a_numbered_or_short_capitals_heading_is_not_a_title() -> None:
    letter = [
        "ROADS PANEL",
        "Our reference 12/345",
        "1. COUNTS OF VEHICLE STOPS BY MONTH",
        *LETTER_BODY,
    ]
    assert _plain_cover(letter, title_field="Vehicle stops in Northshire") == (
        "Vehicle stops in Northshire"
    )


def _form_cover(label: str = "Title:") -> DocumentText:
    """A committee paper whose cover is a form of labelled fields under the council's name."""
    rows = [("Meeting:", "Audit Committee"), ("Report of:", "Chief Internal Auditor"),
            (label, "Internal Audit Report – Fuel Cards and"), ("", "Low-Value Orders"),
            ("Key decision:", "No")]  # fmt: skip
    lines = [Line(page=1, text="EASTFORD DISTRICT COUNCIL", x0=60, x1=330, top=60, bottom=76,
                  size=16.0, bold=True)]  # fmt: skip
    for k, (label, value) in enumerate(rows):
        top = 90 + 16 * k
        if label:
            lines.append(Line(1, label, 60, 130, top, top + 10, 10.0, True))
        lines.append(Line(1, value, 190, 480, top + 0.3, top + 10, 10.0, False))
    return DocumentText("r.pdf", "0" * 64, 1, tuple(lines))


def test_a_form_covers_title_field_is_the_title_and_its_fields_end_the_masthead() -> None:
    meta = extract_metadata(_form_cover())
    assert meta.title == "Internal Audit Report – Fuel Cards and Low-Value Orders"
    assert meta.publisher == "Eastford District Council"


@pytest.mark.parametrize("label", ["Subject:", "Report title", "Title of report:", "Subject"])
def test_a_form_covers_subject_or_title_field_with_or_without_a_colon_is_the_title(
    label: str,
) -> None:
    assert extract_metadata(_form_cover(label)).title == (
        "Internal Audit Report – Fuel Cards and Low-Value Orders"
    )
