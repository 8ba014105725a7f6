"""Tables ruled only between rows: stacks of rules and the columns their text implies."""

from __future__ import annotations

from extractors.rowruled import implied_lines, row_ruled_stacks

RULES = [(120.0, 60.0, 500.0), (140.0, 60.0, 500.0), (170.0, 60.0, 500.0)]


def _row(top: float, *cells: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    return [(x0, x1, top, top + 9) for x0, x1 in cells]


WORDS = [
    *_row(108, (64, 80), (100, 190), (400, 430)),  # header above the first rule
    *_row(126, (64, 70), (100, 350), (400, 440)),
    *_row(150, (64, 70), (100, 300), (400, 460)),
    *_row(160, (100, 360)),  # a wrapped second line of the middle cell
]


def test_three_rules_of_one_extent_are_a_stack() -> None:
    assert row_ruled_stacks(RULES, []) == [RULES]


def test_two_rules_or_rules_of_other_extents_are_not() -> None:
    assert row_ruled_stacks(RULES[:2], []) == []
    assert row_ruled_stacks([RULES[0], RULES[1], (170.0, 60.0, 300.0)], []) == []


def test_a_stack_crossed_by_vertical_lines_is_an_ordinary_ruled_table() -> None:
    assert row_ruled_stacks(RULES, [(280.0, 120.0, 170.0)]) == []


def test_columns_are_where_no_word_crosses_in_any_row() -> None:
    verticals, tops = implied_lines(RULES, WORDS)
    xs = [x for x, _, _ in verticals]
    assert (xs[0], xs[-1]) == (60.0, 500.0)
    assert len(xs) == 4  # two sides, and a boundary between each of three columns
    assert all(70 < x < 100 or 360 < x < 400 for x in xs[1:-1])
    assert tops == [(106.0, 60.0, 500.0)]  # the header's top closes the table above


def test_a_stack_with_one_column_of_text_implies_nothing() -> None:
    words = [w for w in WORDS if w[0] == 100]
    assert implied_lines(RULES, words) == ([], [])


def test_column_rules_running_on_below_the_last_rule_close_an_open_last_row() -> None:
    from extractors.pdfium_text import open_row_edges

    rules = [(129.0, 56.0, 786.0), (153.0, 56.0, 786.0), (499.0, 56.0, 786.0)]
    columns = (56.0, 90.0, 450.0, 786.0)
    closed = [(x, 129.0, 499.0) for x in columns]
    cut = [(x, 499.0, 549.0) for x in columns]  # the row the page foot cut off
    assert open_row_edges(rules, closed) == []
    assert open_row_edges(rules, [*closed, *cut]) == [(56.0, 549.0, 786.0, 549.0, "h", "line")]
    # the foot of one shaded cell in the open row is no rule across it
    shaded = [*rules, (549.0, 450.0, 786.0)]
    assert open_row_edges(shaded, [*closed, *cut]) == [(56.0, 549.0, 786.0, 549.0, "h", "line")]
    # two rules down the sides of a panel are a frame, not the columns of a table
    assert open_row_edges(rules, [(56.0, 499.0, 549.0), (786.0, 499.0, 549.0)]) == []
