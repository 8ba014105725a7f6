"""Reading order and running lines of the text layer: columns, sidebar panels, furniture."""

from __future__ import annotations

from dataclasses import replace

from extractors.text import _is_frame, _marks_rejoined, _order_columns, remove_furniture
from models.records import Line

WIDTH, HEIGHT = 595.0, 842.0


def _line(page: int, x0: float, top: float, text: str, *, box: bool = False) -> Line:
    width = 4.6 * len(text)
    return Line(page, text, x0, x0 + width, top, top + 9, 9.0, False, in_box=box)


def _three_columns(page: int = 1) -> list[Line]:
    """Two columns of prose and a shaded sidebar, printed side by side down the page."""
    left = [f"left line {k} of the force account" for k in range(12)]
    middle = [f"middle column line {k} about the calls" for k in range(12)]
    side = ["Area for improvement", "The force should make sure", "that every caller is assessed"]
    return [
        *(_line(page, 48, 120 + 12 * k, t) for k, t in enumerate(left)),
        *(_line(page, 232, 120 + 12 * k, t) for k, t in enumerate(middle)),
        *(_line(page, 422, 118 + 12 * k, t, box=True) for k, t in enumerate(side)),
    ]


def test_a_page_of_two_columns_and_a_sidebar_is_read_column_by_column() -> None:
    ordered = _order_columns(_three_columns(), WIDTH)
    texts = [ln.text for ln in ordered]
    assert texts[:12] == [f"left line {k} of the force account" for k in range(12)]
    assert texts[12:24] == [f"middle column line {k} about the calls" for k in range(12)]
    assert texts[24:] == ["Area for improvement", "The force should make sure",
                          "that every caller is assessed"]  # fmt: skip
    assert [ln.column for ln in ordered[::12]] == [0, 1, 2]


def test_a_table_of_short_cells_is_still_read_row_by_row() -> None:
    rows = [
        line
        for k in range(8)
        for line in (_line(1, 48, 120 + 12 * k, f"R{k}"), _line(1, 300, 120 + 12 * k, "HMPPS"))
    ]
    assert [ln.text for ln in _order_columns(rows, WIDTH)][:4] == ["R0", "HMPPS", "R1", "HMPPS"]


def test_a_sidebar_repeated_at_one_height_on_every_page_is_text_not_a_running_line() -> None:
    running = [_line(p, 42, 28, "PEEL 2025 | Westmarch Police") for p in range(1, 6)]
    panels = [
        _line(p, 422, 60 + d, t, box=True)
        for p in range(1, 6)
        for d, t in ((0, "Area for improvement"), (23, "The force should make sure"),
                     (35, f"that panel {p} is read"), (47, "in full."))
    ]  # fmt: skip
    kept = remove_furniture([*running, *panels], [HEIGHT] * 5)
    assert not any(ln.text.startswith("PEEL") for ln in kept)
    assert sum(ln.text == "The force should make sure" for ln in kept) == 5
    assert sum(ln.text == "Area for improvement" for ln in kept) == 5


def test_a_sidebars_bold_heading_set_well_above_its_first_line_is_text_too() -> None:
    heads = [
        replace(_line(p, 422, 61, "Recommendations in this chapter", box=True), bold=True)
        for p in range(1, 6)
    ]
    items = [_line(p, 422, 104, f"{p}.1 The force should act on page {p}.", box=True)
             for p in range(1, 6)]  # fmt: skip
    kept = remove_furniture([*heads, *items], [HEIGHT] * 5)
    assert sum(ln.text == "Recommendations in this chapter" for ln in kept) == 5
    # set plain, the same line so far above the panel's text is a running line
    plain = [replace(h, bold=False) for h in heads]
    kept = remove_furniture([*plain, *items], [HEIGHT] * 5)
    assert not any(ln.text == "Recommendations in this chapter" for ln in kept)


def test_a_shaded_header_bar_is_still_a_running_line() -> None:
    bars = [_line(p, 42, 28, "Westmarch Police | Official", box=True) for p in range(1, 6)]
    body = [_line(p, 48, 300, f"Body text of page {p}.") for p in range(1, 6)]
    kept = remove_furniture([*bars, *body], [HEIGHT] * 5)
    assert [ln.text for ln in kept] == [f"Body text of page {p}." for p in range(1, 6)]


def test_a_tall_shaded_sidebar_frames_text_and_a_small_swatch_does_not() -> None:
    area = WIDTH * HEIGHT
    sidebar = {"x0": 416, "x1": 547, "top": 62, "bottom": 187, "width": 131, "height": 125}
    assert _is_frame({**sidebar, "fill": True}, WIDTH, area)
    assert not _is_frame({**sidebar, "fill": False, "stroke": False}, WIDTH, area)
    swatch = {"x0": 48, "x1": 160, "top": 62, "bottom": 80, "width": 112, "height": 18}
    assert not _is_frame({**swatch, "fill": True}, WIDTH, area)


def test_a_label_hanging_in_the_gutter_belongs_to_the_column_it_labels() -> None:
    left = [_line(1, 62, 120 + 14 * k, f"left prose line {k} of the report") for k in range(10)]
    right = [_line(1, 331, 120 + 14 * k, f"right prose line {k} of it") for k in range(10)]
    label = _line(1, 307, 183, "2. The force should act")  # between right lines 4 and 5
    texts = [ln.text for ln in _order_columns([*left, *right, label], WIDTH)]
    assert texts.index(label.text) == 15  # ten left lines, five right ones, then the label


def test_a_label_and_its_value_side_by_side_read_left_to_right() -> None:
    cover = [
        Line(1, "20 January 2031", 219, 300, 438.0, 447.0, 9.0, False),
        Line(1, "Date of publication", 77, 170, 438.6, 448.6, 10.0, True),
        Line(1, "1.0 (final)", 219, 270, 460.0, 469.0, 9.0, False),
        Line(1, "Version", 77, 110, 460.6, 470.6, 10.0, True),
    ]
    texts = [ln.text for ln in _order_columns(cover, WIDTH)]
    assert texts == ["Date of publication", "20 January 2031", "Version", "1.0 (final)"]


def test_a_protective_marking_at_the_head_of_a_page_is_furniture_however_few_pages() -> None:
    lines = [
        _line(1, 270, 20, "OFFICIAL"),
        _line(1, 48, 300, "My second recommendation is that"),
        _line(2, 270, 20, "OFFICIAL"),
        _line(2, 48, 100, "chief constables should review every case."),
        _line(2, 48, 300, "OFFICIAL is the marking this letter carries."),  # in the body: text
    ]
    kept = [ln.text for ln in remove_furniture(lines, [HEIGHT] * 2)]
    assert kept == [
        "My second recommendation is that",
        "chief constables should review every case.",
        "OFFICIAL is the marking this letter carries.",
    ]


def _grid_page() -> list[Line]:
    """An introduction across the page, a grid of two panels side by side with a narrow gutter,
    then a heading and prose across the page again."""
    said = "Our recommendations are grouped below by the body that we expect to act on them"
    intro = [_line(1, 57, 100 + 12 * k, f"{said}, line {k} of the introduction") for k in range(3)]
    left = [f"1. chief constables should act, line {k}" for k in range(8)]
    right = [f"4. the College should publish, line {k}" for k in range(8)]
    grid = [
        *(_line(1, 66, 150 + 12 * k, t, box=True) for k, t in enumerate(left)),
        *(_line(1, 307, 150 + 12 * k, t, box=True) for k, t in enumerate(right)),
    ]
    method = "We inspected eight forces and reviewed the files of each one of them, which took us"
    after = [_line(1, 57, 300, "Annex A: Methodology"), _line(1, 57, 320, f"{method} all summer")]
    return [*intro, *grid, *after]


def test_a_grid_of_panels_between_full_width_lines_is_read_panel_column_by_column() -> None:
    texts = [ln.text for ln in _order_columns(_grid_page(), WIDTH)]
    grid = texts[3:19]
    assert grid == [f"1. chief constables should act, line {k}" for k in range(8)] + [
        f"4. the College should publish, line {k}" for k in range(8)
    ]
    assert texts[19] == "Annex A: Methodology"


def test_a_framed_form_of_labels_and_values_keeps_its_rows() -> None:
    fields = [("Meeting:", "Audit and Governance Committee of the council"),
              ("Report of:", "Chief Internal Auditor of the district council"),
              ("Title:", "Internal audit report on fuel cards and orders"),
              ("Date of the meeting held:", "18 March 2031 at the council offices"),
              ("Date of publication given:", "10 March 2031 on the council website"),
              ("Wards affected:", "None directly, the whole district is covered"),
              ("Key decision:", "No, the committee is asked to note the report"),
              ("Exempt information:", "None of the report is exempt from publication")]  # fmt: skip
    form = [
        line
        for k, (label, value) in enumerate(fields)
        for line in (
            _line(1, 63, 90 + 18 * k, label, box=True),
            _line(1, 190, 90 + 18 * k, value, box=True),
        )
    ]
    said = "This report presents the outcome of the internal audit of fuel cards and orders"
    prose = [_line(1, 63, 240 + 12 * k, f"{said}, paragraph line {k}") for k in range(12)]
    texts = [ln.text for ln in _order_columns([*form, *prose], WIDTH)]
    assert texts[:3] == ["Meeting:", "Audit and Governance Committee of the council", "Report of:"]


def test_two_columns_of_prose_under_a_full_width_figure_are_read_column_by_column() -> None:
    # a figure's labels scattered across the page's width, then two columns of paragraphs
    figure = [
        _line(1, x, 60 + 14 * row, f"box {row}{x:.0f} of the flow")
        for row in range(8)
        for x in (60.0, 250.0, 420.0)  # the middle boxes stand across the columns' gutter
    ]
    left = [f"left column prose line {k} of the evaluation" for k in range(14)]
    right = [f"right column prose line {k} of the findings" for k in range(14)]
    prose = [
        *(_line(1, 50, 320 + 12 * k, t) for k, t in enumerate(left)),
        *(_line(1, 306, 321 + 12 * k, t) for k, t in enumerate(right)),
    ]
    caption = _line(
        1, 50, 290, "Figure 2. Flow of referrals through the pilot scheme, from April to March."
    )
    texts = [ln.text for ln in _order_columns([*figure, caption, *prose], WIDTH)]
    body = [t for t in texts if "prose" in t]
    assert body == left + right


def test_a_list_mark_set_apart_from_its_text_opens_the_line_level_with_it() -> None:
    mark = Line(4, "7.", 56, 66, 486.8, 496.8, 10.0, False)
    text = Line(
        4, "By 30 June 2027, chief constables should make", 78, 300, 487.2, 496.7, 9.5, False
    )
    other = Line(4, "sexual purpose.", 335, 400, 486.8, 496.3, 9.5, False, column=1)
    assert [ln.text for ln in _marks_rejoined([mark, other, text])] == [
        "sexual purpose.",
        "7. By 30 June 2027, chief constables should make",
    ]
    alone = Line(4, "8.", 56, 66, 600, 610, 10.0, False)
    assert _marks_rejoined([alone, other]) == [alone, other]  # nothing level beside it


def test_a_bold_number_badge_beside_its_text_opens_that_line() -> None:
    badge = Line(2, "4", 225, 231, 323.1, 333.1, 10.0, True)
    text = Line(2, "GP practices should record the name", 241, 379, 323.0, 332.4, 9.4, False)
    assert [ln.text for ln in _marks_rejoined([badge, text])] == [
        "4 GP practices should record the name"
    ]
    # a number in the face of the line beside it is a table's cell, not a badge
    plain = Line(2, "4", 225, 231, 323.1, 333.1, 9.4, False)
    assert _marks_rejoined([plain, text]) == [plain, text]
    # nor is a bold number beside another number
    count = Line(2, "12", 241, 252, 323.0, 332.4, 9.4, False)
    assert _marks_rejoined([badge, count]) == [badge, count]
    # a part's code ("3a") in a column of labels opens the sentence level with it
    part = Line(3, "3a", 57, 68, 376.3, 385.8, 9.5, True)
    asks = Line(3, "Chief constables should adopt the flag.", 136, 400, 376.3, 385.8, 9.5, False)
    assert [ln.text for ln in _marks_rejoined([part, asks])] == [
        "3a Chief constables should adopt the flag."
    ]


def test_a_running_line_that_carries_its_page_number_on_some_pages_only_is_furniture() -> None:
    header = "EASTFORD FRS - PROTECTION REVIEW 2031/32"
    lines = []
    for page in (1, 2, 3, 4):
        # the number is grouped into the line on some pages, set apart (and dropped) on others
        lines.append(
            _line(page, 48, 20, f"{header} Page {page} of 4" if page in (2, 3) else header)
        )
        lines.append(_line(page, 48, 300, f"Body text of page {page}."))
    kept = [ln.text for ln in remove_furniture(lines, [HEIGHT] * 4)]
    assert kept == [f"Body text of page {page}." for page in (1, 2, 3, 4)]


def test_a_small_line_on_both_pages_of_a_two_page_letter_is_its_running_line() -> None:
    def page(n: int, header: str, size: float) -> list[Line]:
        top = Line(n, header, 62, 300, 36, 44, size, False)
        body = [Line(n, f"body text line {k} of the letter.", 62, 400, 200 + 14 * k,
                     210 + 14 * k, 10.0, False) for k in range(8)]  # fmt: skip
        return [top, *body]

    running = "OPCC Westfield | Section 55 response"
    kept = remove_furniture([*page(1, running, 8.0), *page(2, running, 8.0)], (842.0, 842.0))
    assert running not in [ln.text for ln in kept]
    # set in the text's own size, or dating the paper, it stays
    for header, size in ((running, 10.0), ("Board of Directors – 5 February 2031", 8.0)):
        kept = remove_furniture([*page(1, header, size), *page(2, header, size)], (842.0, 842.0))
        assert [ln.text for ln in kept].count(header) == 2


def test_a_small_head_cutting_into_a_sentence_carried_over_the_page_is_a_running_head() -> None:
    def letter(last: str, head_size: float, resumes: str) -> list[Line]:
        text = [f"body line {k} of the letter to the commissioner" for k in range(6)]
        return [
            *(Line(1, t, 62, 400, 200 + 14 * k, 210 + 14 * k, 10.0, False)
              for k, t in enumerate([*text, last])),
            Line(2, "HMICFRS | Letter to the commissioner", 62, 300, 30, 38, head_size, False),
            Line(2, resumes, 62, 400, 70, 80, 10.0, False),
            *(Line(2, t, 62, 400, 84 + 14 * k, 94 + 14 * k, 10.0, False)
              for k, t in enumerate(text)),
        ]  # fmt: skip

    head = "HMICFRS | Letter to the commissioner"
    cut = letter("supervisors review them and record their", 8.0, "direction, and they are told.")
    kept = remove_furniture(cut, (842.0, 842.0))
    assert head not in [ln.text for ln in kept]
    # a finished sentence before it, a capital after it, or the text's own size: it stays
    for last, size, resumes in (
        ("supervisors review them and record it.", 8.0, "direction, and victims are informed."),
        ("supervisors review them and record their", 8.0, "Direction is recorded."),
        ("supervisors review them and record their", 10.0, "direction, and victims are informed."),
    ):
        kept = remove_furniture(letter(last, size, resumes), (842.0, 842.0))
        assert head in [ln.text for ln in kept]


def test_a_sidebar_beside_prose_under_full_width_lines_is_read_after_the_prose() -> None:
    wide = [
        _line(1, 56, 60 + 12 * k, f"full width opening paragraph line {k} " * 2) for k in range(5)
    ]
    prose = [
        _line(1, 56, 140 + 14 * k, f"body column line {k} of the finding text") for k in range(14)
    ]
    side = [
        _line(1, 386, 140.5 + 14 * k, f"sidebar area {k} text", box=True) for k in range(10)
    ]  # fmt: skip
    page = sorted([*wide, *prose, *side], key=lambda ln: (ln.top, ln.x0))
    texts = [ln.text for ln in _order_columns(page, 595.0)]
    assert texts[5:19] == [ln.text for ln in prose]
    assert texts[19:] == [ln.text for ln in side]


def test_a_panel_across_two_columns_keeps_its_label_with_its_text() -> None:
    def prose(x0: float, top: float, text: str) -> Line:
        return Line(1, text, x0, x0 + 220, top, top + 9.4, 9.4, False)

    left = [prose(78, 100 + 13 * k, f"The force has a clear plan for its teams, part {k}.")
            for k in range(8)]  # fmt: skip
    right = [prose(318, 100 + 13 * k, f"Victims were kept informed in most cases, part {k}.")
             for k in range(8)]  # fmt: skip
    label = replace(Line(1, "Area for improvement", 87, 214, 200, 210, 10.2, True), in_box=True)
    title = replace(Line(1, "Understanding demand", 87, 220, 218, 228, 10.0, True), in_box=True)
    text = replace(
        Line(1, "The force should understand the demand it faces.", 87, 530, 237, 246, 9.3,
             False),
        in_box=True,
    )  # fmt: skip
    below = [prose(78, 260, "Leaders have started work on it."),
             prose(318, 260, "Support is available to leaders.")]  # fmt: skip
    lines = [*left, *right, label, title, text, *below]
    ordered = [ln.text for ln in _order_columns(lines, 595.0)]
    at = ordered.index("Area for improvement")
    # the label, its title and its text, each close under the last, are read together
    assert ordered[at + 1 : at + 3] == [
        "Understanding demand",
        "The force should understand the demand it faces.",
    ]


def test_a_number_cell_of_a_table_beside_the_next_columns_prose_stays_a_cell() -> None:
    from extractors.text import PageWords, Word, _group_words

    words: list[Word] = []
    for row in range(12):  # a two-column page: every row restarts at the right column (320)
        top = 100.0 + 14 * row
        words += [Word("Left", 72, 92, top, top + 10, 10.0, False)]
        words += [Word(f"text{row}", 100, 130, top, top + 10, 10.0, False)]
        words += [Word("Right", 320, 345, top, top + 10, 10.0, False)]
    # a figures table in small print in the left column, prose in the right column level with it
    top = 268.0
    words += [
        Word("2016", 72, 92, top, top + 8, 8.0, False),
        Word("17,241", 120, 146, top, top + 8, 8.0, False),
        Word("32.2", 250, 266, top, top + 8, 8.0, False),
        Word("statement", 320, 365, top - 1, top + 9, 10.0, False),
    ]
    lines = _marks_rejoined(_group_words(list(PageWords(words)), 1, 595.0))
    texts = {ln.text for ln in lines}
    assert "32.2" in texts
    assert "statement" in texts
    # a paragraph number hanging before its text in the right column still opens it
    hanging = [*words[:-4], Word("4.12", 300, 316, top, top + 10, 10.0, False)]
    hanging += [Word("Next", 330, 350, top, top + 10, 10.0, False)]
    assert "4.12 Next" in {ln.text for ln in _group_words(hanging, 1, 595.0)}
