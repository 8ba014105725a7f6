"""Numbers left at the head of unnumbered items' text (extractors/leading_labels.py)."""

from __future__ import annotations

from extractors.leading_labels import number_from_leading_labels
from models.records import Item, ItemKind


def _items(*texts: str, kind: ItemKind = "recommendation") -> list[Item]:
    return [Item(kind, None, None, 1, 1, t) for t in texts]


def _numbers(items: list[Item]) -> list[tuple[str | None, str]]:
    return [(i.number, i.text.split()[0]) for i in number_from_leading_labels(items)]


def test_letters_romans_chapter_letters_and_codes_in_sequence_number_their_items() -> None:
    letters = _items("A The force should act.", "B By May, it should train.", "C It should audit.")
    assert _numbers(letters) == [("A", "The"), ("B", "By"), ("C", "It")]
    romans = _items("I. The force should act.", "II. It should train.", "III. It should audit.")
    assert _numbers(romans) == [("I", "The"), ("II", "It"), ("III", "It")]
    chapters = _items("3(a) The force should act.", "3(b) It should train.", "4(a) It should go.")
    assert _numbers(chapters) == [("3(a)", "The"), ("3(b)", "It"), ("4(a)", "It")]
    codes = _items("R1 The force should act.", "R2 It should train.", "R3 It should audit.")
    assert _numbers(codes) == [("R1", "The"), ("R2", "It"), ("R3", "It")]
    gap = _items("R1 The force should act.", "R3 It should train.", "R4 It should audit.")
    assert [n for n, _ in _numbers(gap)] == [None, None, None]


def test_labels_out_of_sequence_or_missing_from_one_item_number_nothing() -> None:
    # an article, not a label: "A", then no "B"
    prose = _items("A force should act.", "The College should train.", "Forces should audit.")
    assert _numbers(prose) == [(None, "A"), (None, "The"), (None, "Forces")]
    skipped = _items("A The force should act.", "C It should train.", "D It should audit.")
    assert [n for n, _ in _numbers(skipped)] == [None, None, None]
    chapters = _items("3(a) The force should act.", "3(c) It should train.", "4(a) It should.")
    assert [n for n, _ in _numbers(chapters)] == [None, None, None]
    # too few to show a scheme
    assert _numbers(_items("A The force should act.", "B It should train.")) == [
        (None, "A"),
        (None, "B"),
    ]


def test_a_reports_list_with_letters_in_its_margin_is_numbered_by_them() -> None:
    from test_items import doc, line

    from extractors.items import split_items

    texts = ("A The force should act.", "B The force should train.", "C The force should audit.")
    body = [line(1, 90 + 20 * k, t) for k, t in enumerate(texts)]
    items = split_items(doc([line(1, 60, "Recommendations", bold=True, size=14), *body]))
    assert [(i.number, i.text) for i in items] == [
        ("A", "The force should act."),
        ("B", "The force should train."),
        ("C", "The force should audit."),
    ]
