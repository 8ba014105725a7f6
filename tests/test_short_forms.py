"""A short form defined anywhere in a report stands for its body in every item."""

from __future__ import annotations

from extractors.addressees import tag_addressees
from extractors.short_forms import bare_titles, fire_bodies, short_forms, without_title_words
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


def _fire_report(lines: list[Line], publisher: str | None = None) -> Metadata:
    return Metadata(
        title="Culture review",
        publisher=publisher,
        published=None,
        short_forms=short_forms(lines),
    )


def test_a_fire_authority_named_in_full_is_what_its_kind_alone_means() -> None:
    lines = _lines(
        "Commissioned by Eastmere Fire Authority",
        "When Eastmere Fire Authority asked us to look at culture, the service agreed.",
        "G7 Governance Eastmere Fire and Rescue Service",  # a code and heading before a name
        "We inspected Eastmere Fire and Rescue Service in May.",
    )
    assert fire_bodies(lines) == [
        ("Fire Authority", "Eastmere Fire Authority"),
        ("Authority", "Eastmere Fire Authority"),
        ("Fire and Rescue Service", "Eastmere Fire and Rescue Service"),
        ("Service", "Eastmere Fire and Rescue Service"),
    ]
    items = [
        Item("recommendation", "1", None, 1, 1, "The Fire Authority should set up a committee."),
        Item("recommendation", "2", None, 1, 1, "The Authority should publish the survey."),
        Item("recommendation", "3", None, 1, 1, "The service should train its managers."),
    ]
    tagged = tag_addressees(items, _fire_report(lines, publisher="Audit Partners Authority"))
    assert [t.addressees for t in tagged] == [
        ("Eastmere Fire Authority",),
        ("Eastmere Fire Authority",),
        ("Eastmere Fire and Rescue Service",),
    ]


def test_two_fire_authorities_or_another_authority_leave_the_kind_to_nobody() -> None:
    two = _lines("Peer from Westmere Fire Authority.", "Eastmere Fire Authority met us.")
    assert fire_bodies(two) == []
    combined = _lines("Eastmere Fire Authority and Eastmere Combined Authority met us.")
    assert fire_bodies(combined) == [("Fire Authority", "Eastmere Fire Authority")]


def test_a_letterhead_in_capitals_or_a_body_before_and_is_not_part_of_the_name() -> None:
    lines = _lines(
        "SHARED AUDIT SERVICE", "Eastmere Fire and Rescue Authority", "CFO and Fire Authority"
    )
    assert fire_bodies(lines) == [
        ("Fire and Rescue Authority", "Eastmere Fire and Rescue Authority"),
        ("Authority", "Eastmere Fire and Rescue Authority"),
    ]


def test_a_name_the_text_says_it_will_use_for_a_body_means_that_body() -> None:
    lines = _lines("In this report ‘the Fire Authority’ means Eastmere Fire Authority and")
    assert ("Fire Authority", "Eastmere Fire Authority") in short_forms(lines)


def test_title_words_run_into_a_fire_service_name_are_not_its_name() -> None:
    assert without_title_words("Fire Peer Challenge Wexmoor Fire and Rescue Service") == (
        "Wexmoor Fire and Rescue Service"
    )
    assert without_title_words("Independent Culture Review Eastmere Police") == "Eastmere Police"
    assert without_title_words("Eastmere Police") == "Eastmere Police"
