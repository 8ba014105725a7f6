"""Publisher rules that depend on where lines stand on the page, on lines of our own wording."""

from __future__ import annotations

from extractors.publisher import find_publisher
from models.records import DocumentText, Line

Cell = tuple[int, str, float, float]  # page, text, x0, top


def _line(page: int, text: str, x0: float, top: float, size: float = 11.0) -> Line:
    """One line of text at a place on a page."""
    return Line(
        page=page,
        text=text,
        x0=x0,
        x1=x0 + 6 * len(text),
        top=top,
        bottom=top + size,
        size=size,
        bold=False,
    )


def _publisher(
    cells: list[Cell], imprint: str = "Published by Ofsted, © Crown copyright"
) -> str | None:
    """The publisher of a three-page document of the cells, with an imprint on its back page."""
    lines = [_line(page, text, x0, top) for page, text, x0, top in cells]
    lines.append(_line(3, imprint, 50, 500))
    doc = DocumentText("r.pdf", "0" * 64, 3, tuple(lines))
    return find_publisher(doc, [], None)


COVER: list[Cell] = [(1, "A look at services for young people in Northshire", 50, 100)]


def test_an_inspection_team_listed_under_two_inspectorates_makes_a_joint_publisher() -> None:
    team: list[Cell] = [
        (2, "Inspection team", 50, 300),
        (2, "Ofsted", 50, 330),
        (2, "Care Quality Commission", 300, 330),
        (2, "A. Person HMI, Ofsted lead", 50, 345),
        (2, "B. Person, CQC lead", 300, 345),
    ]
    assert _publisher(COVER + team) == "Ofsted and Care Quality Commission"


def test_an_inspection_team_under_one_inspectorate_leaves_a_single_publisher() -> None:
    team: list[Cell] = [
        (2, "Inspection team", 50, 300),
        (2, "Ofsted", 50, 330),
        (2, "A. Person HMI, lead inspector", 50, 345),
        (2, "Advice was taken from the Care Quality Commission", 300, 345),
    ]
    assert _publisher(COVER + team) == "Ofsted"


def test_a_team_row_of_people_naming_inspectorates_is_not_a_joint_heading() -> None:
    team: list[Cell] = [
        (2, "Inspection team", 50, 300),
        (2, "A. Person HMI, Ofsted", 50, 330),
        (2, "B. Person, Care Quality Commission", 300, 330),
    ]
    assert _publisher(COVER + team) == "Ofsted"


def test_figures_returned_to_a_named_unit_name_it_when_nothing_else_does() -> None:
    note: list[Cell] = [
        (1, "Quarterly counts of vehicle stops", 50, 100),
        (2, "The counts were supplied by each force to the Home Office Roads Data Unit", 50, 200),
        (2, "before the end of the quarter.", 50, 215),
    ]
    assert _publisher(note, imprint="Counts are rounded to the nearest ten.") == (
        "Home Office Roads Data Unit"
    )


def test_figures_returned_to_an_unknown_body_name_no_publisher() -> None:
    note: list[Cell] = [
        (1, "Quarterly counts of vehicle stops", 50, 100),
        (2, "The counts were supplied by each force to the Northshire Roads Partnership", 50, 200),
        (2, "before the end of the quarter.", 50, 215),
    ]
    assert _publisher(note, imprint="Counts are rounded to the nearest ten.") is None


def test_an_imprint_outranks_the_body_figures_were_returned_to() -> None:
    note: list[Cell] = [
        (1, "Quarterly counts of vehicle stops", 50, 100),
        (2, "The counts were supplied by each force to the Home Office Roads Data Unit", 50, 200),
    ]
    assert _publisher(note, imprint="© Crown copyright, Department for Transport") == (
        "Department for Transport"
    )
