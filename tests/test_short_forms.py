"""A short form defined anywhere in a report stands for its body in every item."""

from __future__ import annotations

from extractors.addressees import tag_addressees
from extractors.short_forms import bare_titles, short_forms
from models.records import Item, Line, Metadata


def _lines(*texts: str) -> list[Line]:
    return [Line(1, t, 70, 500, 100 + 14 * k, 111 + 14 * k, 11, False) for k, t in enumerate(texts)]


def test_a_name_and_its_short_form_are_read_across_a_line_break() -> None:
    lines = _lines(
        "We inspected the Northern Intelligence and Tasking",
        "Agency (NITA) and the Westdale Police (WP) in May.",
        "The College of Policing (CoP) helped us.",  # not capitals only: no short form
    )
    assert short_forms(lines) == (
        ("NITA", "Northern Intelligence and Tasking Agency"),
        ("WP", "Westdale Police"),
    )


def test_an_item_using_a_short_form_from_the_narrative_names_the_body() -> None:
    meta = Metadata(
        title="An inspection of intelligence tasking",
        publisher="HMICFRS",
        published=None,
        short_forms=(("NITA", "Northern Intelligence and Tasking Agency"),),
    )
    item = Item("recommendation", "1", None, 1, 1, "NITA should publish its tasking rules.")
    [tagged] = tag_addressees([item], meta)
    assert tagged.addressees == ("Northern Intelligence and Tasking Agency",)
    [plain] = tag_addressees([item], Metadata(title="x", publisher=None, published=None))
    assert plain.addressees == ("NITA",)


def test_a_title_standing_for_one_of_a_class_of_office_is_that_class() -> None:
    # "the Eastmarch Police and Crime Commissioner (the Commissioner)": one of the commissioners
    meta = Metadata(
        title="Report of the Police and Crime Panel",
        publisher=None,
        published=None,
        short_forms=(("Commissioner", "Eastmarch Police and Crime Commissioner"),),
    )
    item = Item("recommendation", "1", None, 1, 1, "The Commissioner should publish the terms.")
    [tagged] = tag_addressees([item], meta)
    assert tagged.addressees == ("pccs",)


def test_short_forms_in_an_owner_column_name_their_bodies() -> None:
    meta = Metadata(
        title="Learning report",
        publisher="Independent Office for Police Conduct",
        published=None,
        short_forms=(("WP", "Westdale Police"), ("EC", "Eastdale Constabulary")),
    )
    item = Item(
        "recommendation",
        None,
        None,
        1,
        1,
        "Review the guidance on restraint.",
        responsible="WP, EC",
    )
    [tagged] = tag_addressees([item], meta)
    assert tagged.addressees == ("Westdale Police", "Eastdale Constabulary")


def test_a_heading_before_a_defined_name_is_not_part_of_it() -> None:
    lines = _lines("Foreword", "The Northern Crime Agency (NCA) was set up in 2020.")
    assert short_forms(lines) == (("NCA", "Northern Crime Agency"),)


def test_an_office_named_once_in_full_is_what_its_bare_title_means() -> None:
    lines = _lines(
        "The Police and Crime Commissioner for Eastdale sets the force's budget,",
        "and the Panel reviews the plans of the Commissioner each year.",
    )
    assert bare_titles(lines) == [("Commissioner", "Police and Crime Commissioner")]
    meta = Metadata(
        title="Panel review of call handling",
        publisher="Eastdale Police and Crime Panel",
        published=None,
        short_forms=short_forms(lines),
    )
    item = Item("recommendation", "1", None, 1, 1, "That the Commissioner publishes the data.")
    [tagged] = tag_addressees([item], meta)
    assert tagged.addressees == ("pccs",)


def test_two_offices_with_one_title_leave_the_bare_title_to_nobody() -> None:
    lines = _lines(
        "We met the Police and Crime Commissioner for Eastdale and the Information",
        "Commissioner, and the Deputy Commissioner joined us later.",
    )
    assert bare_titles(lines) == []


def test_a_role_word_a_name_is_called_by_is_that_body_whatever_else_the_item_names() -> None:
    lines = _lines(
        "This report examines how the Department of Health & Social Care (the",
        "Department) and the Ministry of Justice (the Ministry) fund repairs.",
    )
    assert short_forms(lines) == (
        ("Department", "Department of Health & Social Care"),
        ("Ministry", "Ministry of Justice"),
    )
    meta = Metadata(
        title="Repairs to the estate",
        publisher=None,
        published=None,
        short_forms=(("Department", "Ministry of Justice"),),
    )
    text = "The Department should agree with HM Treasury a budget for five years."
    [tagged] = tag_addressees([Item("recommendation", "c", None, 1, 1, text)], meta)
    assert tagged.addressees == ("moj",)
