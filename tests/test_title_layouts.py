"""How a cover's title is read, on hand-built lines of our own wording."""

from __future__ import annotations

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
