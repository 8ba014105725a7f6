"""Who published a report, and when: each rule on a hand-built text layer of our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.addressees import tag_addressees
from extractors.metadata import extract_metadata
from extractors.publisher import _english_half
from models.records import DocumentText, Item, Line, Metadata

BODY = ("The review looked at how the service handles calls.", 11.0)
NO_COVER: list[tuple[str, float]] = []


def _doc(
    pages: list[list[tuple[str, float]]], author: str | None = None, created: str | None = None
) -> DocumentText:
    """A document whose pages hold (text, font size) lines, top to bottom."""
    lines = tuple(
        Line(
            page=p,
            text=text,
            x0=50,
            x1=500,
            top=60 + 20 * i,
            bottom=72 + 20 * i,
            size=size,
            bold=size > 14,
        )
        for p, page in enumerate(pages, start=1)
        for i, (text, size) in enumerate(page)
    )
    meta = tuple((k, v) for k, v in (("Author", author), ("CreationDate", created)) if v)
    return DocumentText("r.pdf", "0" * 64, len(pages), lines, pdf_metadata=meta)


def _meta(pages: list[list[tuple[str, float]]], **kwargs: str) -> Metadata:
    return extract_metadata(_doc(pages, **kwargs))


def test_a_committee_on_the_masthead_is_named_with_its_house() -> None:
    cover = [("Rural Services Committee", 15.0), ("Buses after dark", 28.0), BODY]
    imprint = [("The Rural Services Committee is appointed by the House of Commons.", 11.0)]
    assert _meta([cover, imprint]).publisher == "House of Commons Rural Services Committee"
    caps = [("HOUSE OF LORDS", 18.0), ("Rural Services Select Committee", 18.0),
            ("Buses after dark", 40.0), BODY]  # fmt: skip
    assert _meta([caps]).publisher == "House of Lords Rural Services Select Committee"


def test_the_masthead_outranks_a_government_response_title() -> None:
    title = ("Government response to the review of rural buses", 30.0)
    department = [("Department for Rural Affairs", 14.0), title, BODY]
    assert _meta([department]).publisher == "Department for Rural Affairs"
    assert _meta([[title, BODY]]).publisher == "UK Government"
    special = [("Rural Services Committee", 15.0), ("Buses: Government Response", 28.0), BODY]
    assert _meta([special]).publisher == "Rural Services Committee"
    welsh = [("Welsh Government response to the bus review", 30.0), BODY]
    assert _meta([welsh]).publisher == "Welsh Government"


def test_the_imprint_outranks_a_body_the_cover_mentions() -> None:
    cover = [("Road casualties, 2031", 20.0), ("Figures from Northmoor Police officers.", 11.0)]
    back = [("Tables", 11.0), ("It is the Welsh Government's responsibility to publish it.", 9.0)]
    assert _meta([cover, [BODY], back]).publisher == "Welsh Government"
    assert _meta([cover, [BODY]]).publisher == "Northmoor Police"  # no imprint: the cover


def test_a_date_printed_month_first_dates_the_report() -> None:
    cover = [("Audit of the body-worn camera programme", 20.0), ("Dated: March 12, 2031", 11.0)]
    assert _meta([cover, [BODY]]).published == date(2031, 3, 12)


def test_a_force_name_is_not_the_start_of_a_longer_bodys_name() -> None:
    cover = [("Westland Police Oversight Authority", 14.0), ("Fleeing drivers", 22.0)]
    assert _meta([cover, [BODY]]).publisher == "Westland Police Oversight Authority"
    cover = [("Northmoor Police", 14.0), ("Fleeing drivers", 22.0)]
    assert _meta([cover, [BODY]]).publisher == "Northmoor Police"


def test_a_web_address_or_self_description_on_the_imprint_names_the_publisher() -> None:
    cover = [("Inspection of a children's home", 26.0), BODY]
    front = [("© Crown copyright 2031", 10.0), ("Website: www.ofsted.gov.uk", 10.0)]
    assert _meta([cover, front, [BODY], [BODY]]).publisher == "Ofsted"
    back = [("The House of Commons Library is a research service for MPs.", 10.0)]
    assert _meta([cover, [BODY], [BODY], back]).publisher == "House of Commons Library"


def test_an_author_field_counts_only_when_it_names_a_publisher() -> None:
    cover = [("Buses after dark", 26.0), BODY]
    assert _meta([cover], author="jsmith").publisher is None
    assert _meta([cover], author="Rural Services Committee").publisher == "Rural Services Committee"


def test_a_line_labelling_the_document_date_is_its_publication_date() -> None:
    cover = [("Our ref 12/34", 8.0), ("Date 21st March 2031", 10.0), ("Taser figures", 14.0)]
    assert _meta([cover], created="D:20310308").published == date(2031, 3, 21)
    export = [("Knife crime summary", 20.0), ("June 2031", 16.0), ("Review Date: 06/08/2031", 9.0),
              ("Refresh Date: 06/07/2031", 9.0)]  # fmt: skip
    assert _meta([export]).published == date(2031, 7, 6)  # not the review date, not the period
    assert _meta([[("Knife crime summary", 20.0), ("June 2031", 16.0)]]).published == date(
        2031, 6, 1
    )


def test_an_imprint_naming_the_publisher_then_the_day_dates_the_report() -> None:
    cover = [("Out of school", 30.0), ("A report by the Children's Advocate November 2031", 12.0)]
    imprint = [("Published by the Office of the Children's Advocate, 3 November 2031.", 9.0)]
    assert _meta([cover, imprint, [BODY]]).published == date(2031, 11, 3)


def test_a_logo_in_the_largest_type_is_the_publisher_and_the_title_is_under_it() -> None:
    cover = [("Eastford Valley NHS Foundation Trust", 20.0),
             ("Independent review of maternity triage: our response and action plan", 16.0),
             ("Published 14 May 2031", 10.0),
             ("The review was led by an independent midwife, and its report was published on"
              " 2 March 2031.", 10.0)]  # fmt: skip
    meta = _meta([cover, [BODY] * 3])
    assert meta.publisher == "Eastford Valley NHS Foundation Trust"
    assert meta.title == "Independent review of maternity triage: our response and action plan"
    assert meta.source_published == date(2031, 3, 2)


def test_a_version_for_publication_or_a_minuted_meeting_dates_the_document() -> None:
    review = [("Domestic Homicide Review", 12.0), ("Overview Report", 12.0),
              ("Final version for publication: 3 November 2031", 12.0)]  # fmt: skip
    assert _meta([review, [BODY]], created="D:20000101").published == date(2031, 11, 3)
    minutes = [("EASTFORD POLICE AND CRIME PANEL", 12.0),
               ("MINUTES of the meeting of the Panel held in the Council Chamber,", 11.0),
               ("Eastford, on Thursday 29 January 2032 at 10.00am", 11.0)]  # fmt: skip
    assert _meta([minutes, [BODY]], created="D:20000101").published == date(2032, 1, 29)


@pytest.mark.parametrize(
    "line",
    ["Decision given on: 14 February 2032", "Date of decision: 14 February 2032",
     "Judgment handed down on 14 February 2032", "Promulgated: 14 February 2032"],
)  # fmt: skip
def test_a_tribunals_decision_is_dated_by_the_day_it_was_given(line: str) -> None:
    cover = [("First-tier Tribunal", 14.0), ("Heard on: 21 January 2032", 11.0), (line, 11.0)]
    assert _meta([cover, [BODY]], created="D:20000101").published == date(2032, 2, 14)


def test_a_version_stamp_on_the_cover_dates_the_document_but_a_draft_does_not() -> None:
    cover = [("Complaint handling review", 20.0), ("Version 1.0 - 16 March 2031", 10.0)]
    assert _meta([cover, [BODY]], created="D:20310401").published == date(2031, 3, 16)
    draft = [("Complaint handling review", 20.0), ("Draft version 0.3 - 2 March 2031", 10.0)]
    assert _meta([draft, [BODY]], created="D:20310401").published == date(2031, 4, 1)


def test_a_build_tools_placeholder_creation_date_dates_nothing() -> None:
    cover = [("Complaint handling review", 20.0), BODY]
    assert _meta([cover], created="D:20000101000000+00'00'").published is None
    assert _meta([cover], created="D:20310101000000").published is None
    assert _meta([cover], created="D:20310101093000").published == date(2031, 1, 1)


def test_a_report_laid_before_a_parliament_is_dated_by_the_day_it_was_laid() -> None:
    cover = [("Scottish Policing Inspectorate", 14.0),
             ("Thematic inspection of missing person investigations", 20.0),
             ("Laid before the Scottish Parliament by the Inspector of Policing on 23 September",
              11.0),
             ("2031", 11.0)]  # fmt: skip
    assert _meta([cover, [BODY]], created="D:20000101").published == date(2031, 9, 23)


def test_a_cover_table_dates_the_report_not_the_incident() -> None:
    cover = [
        ("Incident investigation: a delayed transfer", 20.0),
        ("Date of incident 14 June 2031", 11.0),
        ("Date of report 9 December 2031", 11.0),
    ]
    assert _meta([cover, [BODY]], created="D:20000101").published == date(2031, 12, 9)


def test_a_date_another_report_was_published_on_is_not_the_documents_own() -> None:
    cover = [("Progress against HMICFRS recommendations", 20.0), ("22 January 2032", 11.0),
             ("This paper reports on the PEEL inspection of Eastford Police, which HMICFRS", 11.0),
             ("published on 3 June 2031, and on the thematic on custody, published on 19", 11.0),
             ("September 2031.", 11.0)]  # fmt: skip
    meta = _meta([cover, [BODY]], created="D:20000101")
    assert meta.published == date(2032, 1, 22)
    assert meta.source_published == date(2031, 6, 3)  # a progress report counts from it
    letter = [("Police and Crime Commissioner's response to HMICFRS", 20.0),
              ("Report: PEEL 2031 (published by HMICFRS on 1 August 2031)", 11.0),
              ("Date of response: 26 September 2031", 11.0)]  # fmt: skip
    meta = _meta([letter, [BODY]], created="D:20000101")
    assert (meta.published, meta.source_published) == (date(2031, 9, 26), date(2031, 8, 1))


def test_a_panel_presentation_or_a_final_issue_dates_the_report_but_a_draft_does_not() -> None:
    panel = [("Annual Report 2031/32", 20.0), ("Presented to the Panel on 16 October 2032", 11.0)]
    assert _meta([panel, [BODY]], created="D:20000101").published == date(2032, 10, 16)
    audit = [("Internal Audit Report", 20.0), ("Draft report issued 14 October 2031", 10.0),
             ("Final report issued 3 November 2031", 10.0)]  # fmt: skip
    assert _meta([audit, [BODY]], created="D:20000101").published == date(2031, 11, 3)


def test_the_day_a_final_report_was_issued_dates_it() -> None:
    cover = [("Data protection audit report", 24.0),
             ("Fieldwork: 2 to 5 March 2031 Final report issued: 28 April 2031", 10.0)]  # fmt: skip
    assert _meta([cover, [BODY]], created="D:20000101").published == date(2031, 4, 28)


def test_a_labelled_producer_field_names_the_publisher() -> None:
    cover = [
        ("Weekly burglary figures", 20.0),
        ("Audience: neighbourhood teams", 11.0),
        ("Produced by: Northmoor Police - Insight Unit", 11.0),
        ("Data is subject to change. © Northmoor Council 2031", 9.0),
    ]
    assert _meta([cover, [BODY]]).publisher == "Northmoor Police"
    owning = [("Stop and search dashboard", 20.0), ("Owning Branch/Unit: Met HQ Analysis", 11.0)]
    assert _meta([owning, [BODY]]).publisher == "Metropolitan Police Service"


def test_a_field_that_is_not_a_producer_does_not_outrank_the_imprint() -> None:
    cover = [
        ("Weekly burglary figures", 20.0),
        ("Relevant to: Northmoor Police", 11.0),
        ("Review date by: Home Office deadline", 11.0),
    ]
    back = [("Tables", 11.0), ("It is the Welsh Government's responsibility to publish it.", 9.0)]
    assert _meta([cover, [BODY], back]).publisher == "Welsh Government"


def test_a_form_value_set_beside_its_label_is_read_with_it() -> None:
    def run(text: str, x0: float, top: float, size: float = 11.0, page: int = 1) -> Line:
        return Line(page, text, x0, x0 + 200, top, top + 12, size, bold=size > 14)

    lines = (
        run("Vehicle crime digest", 50, 60, 20.0),
        run("Relevant to:", 50, 100),
        run("Southdale Police", 260, 100),
        run("Issuing department:", 50, 120),
        run("Northmoor Police Analysis Hub", 260, 120.4),
        run(BODY[0], 50, 60, page=2),
    )
    doc = DocumentText("r.pdf", "0" * 64, 2, lines)
    assert extract_metadata(doc).publisher == "Northmoor Police"


def test_display_lines_under_the_title_are_its_subtitle() -> None:
    cover = [
        ("Night-time economy", 30.0),
        ("Keeping town centres safe after dark", 16.0),
        ("A review by the Northmoor panel", 16.0),
        ("Report", 16.0),
    ]
    body = [BODY] * 4
    assert _meta([cover, body]).title == "Night-time economy Keeping town centres safe after dark"
    typed = [("Night-time economy", 30.0), ("Report", 16.0), ("March 2031", 16.0)]
    assert _meta([typed, body]).title == "Night-time economy"


def test_body_text_under_the_title_is_not_part_of_it() -> None:
    cover = [("Night-time economy", 30.0), BODY, ("Keeping town centres safe", 16.0)]
    assert _meta([cover, [BODY] * 4]).title == "Night-time economy"


def test_a_title_printed_twice_on_the_cover_is_read_once() -> None:
    cover = [("Road casualties, 2031", 16.0), ("Road casualties, 2031", 16.0), BODY]
    assert _meta([cover, [BODY] * 4]).title == "Road casualties, 2031"


def test_a_cover_line_of_codes_ending_in_a_date_dates_the_report() -> None:
    cover = [("Keeping the prison estate safe", 20.0), ("HC 77 SESSION 2031-32 4 MAY 2031", 9.0)]
    assert _meta([cover, [BODY]], created="D:20310502").published == date(2031, 5, 4)
    # a line of words ending in a date is not one: here, when the fieldwork ended
    visits = [("Keeping the prison estate safe", 20.0), ("Visits ended on 4 May 2031", 9.0)]
    assert _meta([visits, [BODY]], created="D:20310502").published == date(2031, 5, 2)


def test_a_prison_named_in_the_title_is_the_inspected_body() -> None:
    cover = [("Report on an unannounced inspection of HMP Eastbury", 20.0)]
    assert _meta([cover, [BODY]]).subject == "HMP Eastbury"


def test_the_title_names_what_a_report_is_about_not_who_made_it() -> None:
    cover = [("PEEL 2031", 28.0), ("An inspection of Northmoor Constabulary", 28.0),
             ("Inspectorate of Probation", 12.0), BODY]  # fmt: skip
    assert _meta([cover]).publisher == "HM Inspectorate of Probation"
    # a title line that is nothing but a body's name is that body's masthead
    named = [("Northmoor Constabulary", 24.0), ("Crimes recorded at bus stations", 24.0), BODY]
    assert _meta([named]).publisher == "Northmoor Constabulary"


def test_an_inspectorate_name_broken_before_its_last_word_is_still_known() -> None:
    broken = ("His Majesty's Inspectorate of Constabulary and Fire & Rescue", 12.0)
    cover = [("Buses after dark", 26.0), broken, BODY]
    assert _meta([cover]).publisher == "HMICFRS"


def test_a_letter_address_block_names_its_readers_not_its_writer() -> None:
    cover = [("4 March 2031", 11.0), ("Chief Constable, Northmoor Constabulary", 11.0),
             ("Director of Children's Services, Eastfield Council", 11.0),
             ("Joint inspection of help for children in Eastfield", 26.0),
             ("Inspectors from Ofsted visited Eastfield in January.", 11.0)]  # fmt: skip
    assert _meta([cover]).publisher == "Ofsted"


def test_a_cover_saying_who_made_the_report_names_its_publisher() -> None:
    by = ("Report by the Comptroller and Auditor General", 12.0)
    audit = [by, ("Department for Rural Affairs", 12.0), ("Rural bus subsidies", 28.0), BODY]
    assert _meta([audit]).publisher == "National Audit Office"
    review = [("Adult W", 28.0), ("Commissioned by the Eastfield Safeguarding Adults Board", 11.0),
              ("The review looked at how the Eastfield Police responded.", 11.0)]  # fmt: skip
    assert _meta([review]).publisher == "Eastfield Safeguarding Adults Board"


def test_an_author_field_naming_an_organisation_outranks_bodies_the_cover_mentions() -> None:
    cover = [("Buses after dark", 26.0), ("Figures from Northmoor Police officers.", 11.0)]
    by_org = _meta([cover], author="Eastfield Transport Partnership")
    assert by_org.publisher == "Eastfield Transport Partnership"
    for person_or_program in ("Smith, Jane", "Acrobat PDFMaker 23 for Word", "jsmith"):
        assert _meta([cover], author=person_or_program).publisher == "Northmoor Police"


@pytest.mark.parametrize(
    "name",
    [
        "Housing and Tenancy Ombudsman",
        "Eastfield Police and Crime Panel",
        "Office of the Police and Crime Commissioner for Eastfield and Wold",
        "Eastfield Community Hospitals NHS Foundation Trust",
        "Eastfield Community Safety Partnership",
        "House of Commons Committee of Public Accounts",
        "House of Commons Environment, Food and Rural Affairs Committee",
    ],
)
def test_bodies_that_publish_recommendations_are_named_in_full(name: str) -> None:
    cover = [(name, 14.0), ("Buses after dark", 28.0), BODY]
    assert _meta([cover]).publisher == name


def test_a_force_name_is_not_read_from_the_start_of_a_longer_name() -> None:
    cover = [
        ("Buses after dark", 26.0),
        ("Written with the National Police Chiefs' Council.", 11.0),
    ]
    assert _meta([cover]).publisher is None


def test_a_line_that_asks_or_cites_is_no_imprint() -> None:
    cover = [("Buses after dark", 26.0), BODY]
    back = [("The Home Office should publish its guidance by 2032.", 11.0),
            ("PEEL 2030: Northmoor Police (published 4 May 2030)", 11.0)]  # fmt: skip
    assert _meta([cover, [BODY], back]).publisher is None


def test_a_title_ending_in_the_body_it_inspected_names_the_subject() -> None:
    cover = [("Regulatory requirements following our inspection of Fernlea Homes Limited", 18.0)]
    assert _meta([[*cover, BODY]]).subject == "Fernlea Homes Limited"
    plain = [("An inspection of the police response to stalking", 18.0), BODY]
    assert _meta([plain]).subject is None


def test_a_report_sent_to_one_force_is_about_that_force() -> None:
    cover = [("Regulation 28 report to prevent future deaths", 20.0), BODY]
    sent = [("This report is being sent to:", 11.0),
            ("1. The Chief Constable, Wyvernshire Police", 11.0),
            ("2. The Chief Executive, College of Policing", 11.0)]  # fmt: skip
    assert _meta([[*cover, *sent]]).subject == "Wyvernshire Police"
    two = [*sent, ("3. The Chief Constable, Eastmarsh Constabulary", 11.0)]
    assert _meta([[*cover, *two]]).subject is None  # sent to two forces: about neither


def test_a_titles_part_in_capitals_may_name_the_body() -> None:
    cover = [("MARCHBURY POLICE Report to the Joint Audit Committee", 20.0), BODY]
    assert _meta([cover]).subject == "Marchbury Police"


def test_the_line_under_a_title_may_name_the_body_a_response_is_about() -> None:
    title = ("Commissioner's response to the inspectorate", 24.0)
    cover = [title, ("Child protection inspection: Eastmarsh Police", 12.0), BODY]
    assert _meta([cover]).subject == "Eastmarsh Police"
    # a line of the several forces a collaboration's report covers names no one subject
    several = [title, ("Eastmarsh Police | Westfold Constabulary", 12.0), BODY]
    assert _meta([several]).subject is None
    byline = [title, ("Prepared by Eastmarsh Police", 12.0), BODY]  # who wrote it, not its subject
    assert _meta([byline]).subject is None


def test_a_letter_is_titled_by_its_subject_line_and_is_about_the_body_it_is_sent_to() -> None:
    head = ("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", 16.0)
    address = [("Chief Fire Officer Sam Doe", 11.0), ("Eastfield Fire and Rescue Service", 11.0),
               ("Station Road", 11.0), ("Dear Chief Fire Officer,", 11.0)]  # fmt: skip
    subject = ("Revisit to check progress on fire safety audits", 15.0)
    letter = _meta([[head, *address, subject, BODY]])
    assert letter.title == "Revisit to check progress on fire safety audits"
    assert letter.subject == "Eastfield Fire and Rescue Service"
    assert letter.publisher == "HMICFRS"
    titled = _meta([[("Fire safety audits in Eastfield", 22.0), *address, subject, BODY]])
    assert titled.title == "Fire safety audits in Eastfield"  # a real title above it stays


def test_a_meeting_paper_is_dated_by_the_meeting_on_its_cover() -> None:
    cover = [("Eastfield and Wold NHS Foundation Trust", 14.0),
             ("Board of Directors – Part 1 (public) – 5 February 2031", 11.0),
             ("Maternity triage: action plan", 24.0), BODY]  # fmt: skip
    table = [("Due date", 11.0), ("September 2031", 11.0)]  # a lone date in a table: a due date
    meta = _meta([cover, table])
    assert meta.published == date(2031, 2, 5)
    assert meta.publisher == "Eastfield and Wold NHS Foundation Trust"
    dates = [("Inspection dates: 8–9 November 2030", 11.0), ("Eastfield School", 24.0), BODY]
    assert _meta([dates], created="D:20301201000000").published == date(2030, 12, 1)
    # a report to a panel, its byline dotted off from the meeting's date
    byline = ("Report of the Police and Crime Commissioner · 24 April 2031", 11.0)
    paper = [("Wealdshire Police and Crime Panel", 14.0), ("Standards at risk", 24.0), byline, BODY]
    assert _meta([paper], created="D:20321201000000").published == date(2031, 4, 24)
    # the meeting's day of the week between the dash and its date
    meeting = ("Meeting of the Authority – Thursday 20 March 2031", 11.0)
    agenda = [("Northmoor Fire Authority", 14.0), ("Annual assessment", 24.0), meeting, BODY]
    assert _meta([agenda], created="D:20321201000000").published == date(2031, 3, 20)


def test_a_response_says_when_the_report_it_answers_was_published() -> None:
    cover = [("Response to the inspectorate's report on bail", 24.0), BODY]
    for said in (
        "The inspectorate published the report on 5 March 2031.",
        "On 5 March 2031, the inspectorate published its report on bail.",
        "The report on bail was published on 5 March 2031.",
        "The inspectorate published its national thematic inspection of the police response"
        " to bail and remand on 5 March 2031.",
        "The inspectorate published its report Heard and helped: an inspection of the police"
        " response to victims of repeat anti-social behaviour on 5 March 2031.",
        "On 5 March 2031 HMICFRS published 'Found and safe? An inspection of bail'.",
        "HMICFRS published its PEEL 2029–31 inspection report on the force on 5 March 2031.",
        "HMICFRS published Still waiting: an inspection of bail in four forces on 5 March 2031.",
        "It comments on the joint inspection by the two inspectorates, published on 5 March 2031.",
        "On 5 March 2031 His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
        " (HMICFRS), the College of Policing and the Independent Office for Police Conduct (IOPC)"
        " published their report on a super-complaint about bail.",
    ):
        meta = _meta([cover, [(said, 11.0)]])
        assert meta.source_published == date(2031, 3, 5), said


def test_the_scottish_inspectorate_is_named_as_itself_not_as_hmic() -> None:
    cover = [("HM Inspectorate of Constabulary in Scotland", 13.0),
             ("Local Policing Inspection", 26.0), ("Glenmarrow Division", 22.0), BODY]  # fmt: skip
    meta = _meta([cover])
    assert meta.publisher == "HM Inspectorate of Constabulary in Scotland"
    item = Item("recommendation", "1", None, 1, 1, "Police Scotland should review its briefings.")
    assert tag_addressees([item], meta)[0].addressees == ("force",)  # the nation's one force


def test_a_letters_subject_line_answering_a_report_lets_its_text_date_that_report() -> None:
    letterhead = [("Office of the Police and Crime Commissioner for Westfield", 14.0), BODY]
    said = [("Response to the joint inspection report on bail and remand", 11.0),
            ("The report was published on 5 March 2031.", 11.0)]  # fmt: skip
    assert _meta([letterhead, said]).source_published == date(2031, 3, 5)


def test_a_letters_response_to_line_dates_the_report_it_answers_whatever_its_title() -> None:
    letterhead = [("Office of the Police and Crime Commissioner for Westfield", 14.0), BODY]
    said = "Response to: An inspection of bail and remand (published 5 March 2031)"
    assert _meta([letterhead, [(said, 11.0)]]).source_published == date(2031, 3, 5)


def test_a_letter_thanking_the_author_for_a_dated_report_counts_from_that_report() -> None:
    letterhead = [("Ministry of Transport", 24.0), BODY]
    said = "Thank you for your report, published on 5 March 2031, and for the work behind it."
    assert _meta([letterhead, [(said, 11.0)]]).source_published == date(2031, 3, 5)
    other = "The council published its report on 5 March 2031."  # not a reply to its author
    assert _meta([letterhead, [(other, 11.0)]]).source_published is None


@pytest.mark.parametrize(
    ("title", "restates"),
    [
        ("Custody revisited: Eastfield Police", True),
        ("Progress against our 2030 recommendations", True),
        ("Follow-up inspection of vetting in Eastfield", True),
        ("Eastfield Police: PEEL action plan", True),
        ("An inspection of custody in Eastfield", False),
    ],
)
def test_a_revisit_or_progress_report_counts_from_the_report_it_revisits(
    title: str, restates: bool
) -> None:
    said = [("The report was published on 5 March 2030.", 11.0)]
    meta = _meta([[(title, 24.0), BODY], said])
    assert meta.source_published == (date(2030, 3, 5) if restates else None)


def test_a_cover_set_in_one_display_size_ends_its_title_at_the_byline() -> None:
    cover = [("Northmoor Constabulary", 20.0),
             ("Independent review of the response to missing people", 20.0),
             ("Commissioned by the Police and Crime Commissioner for Northmoor", 20.0),
             ("Independent reviewer: Dr A Smith", 20.0), ("Published 12 February 2031", 20.0),
             BODY]  # fmt: skip
    meta = _meta([cover, [BODY] * 12])
    assert (
        meta.title == "Northmoor Constabulary Independent review of the response to missing people"
    )
    assert meta.publisher == "Police and Crime Commissioner for Northmoor"


def test_a_department_named_with_words_after_it_is_the_department() -> None:
    cover = [("Ministry of Justice Analytical Series", 12.0), ("Buses after dark", 28.0), BODY]
    assert _meta([cover]).publisher == "Ministry of Justice"
    unknown = [("Department for Rural Affairs", 12.0), ("Buses after dark", 28.0), BODY]
    assert _meta([unknown]).publisher == "Department for Rural Affairs"


@pytest.mark.parametrize(
    ("masthead", "publisher"),
    [
        ("NORTHERN POLICING STANDARDS INSPECTORATE", "Northern Policing Standards Inspectorate"),
        ("Tramway and Light Rail Accident Investigation Branch",
         "Tramway and Light Rail Accident Investigation Branch"),
        ("OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR WESTDALE",
         "Office of the Police and Crime Commissioner for Westdale"),
        ("Kestrel Vale Fire and Rescue Service", "Kestrel Vale Fire and Rescue Service"),
        # a masthead that names what the report is about, or no organisation, publishes nothing
        ("Road safety in Westdale", None),
    ],
)  # fmt: skip
def test_a_masthead_that_is_an_organisations_name_is_the_publisher(
    masthead: str, publisher: str | None
) -> None:
    cover = [(masthead, 12.0), ("Listening first", 30.0), BODY]
    assert _meta([cover]).publisher == publisher


def test_a_logos_initials_over_the_masthead_are_not_part_of_the_name() -> None:
    cover = [("KVFRS", 20.0), ("Kestrel Vale Fire and Rescue Service", 12.0),
             ("Listening first", 30.0), BODY]  # fmt: skip
    assert _meta([cover]).publisher == "Kestrel Vale Fire and Rescue Service"


@pytest.mark.parametrize(
    ("cover", "publisher"),
    [
        ([("HMICFRS HMCPSI", 10.0), ("Kept safe", 30.0)], "HMICFRS and HMCPSI"),
        ([("Kept safe", 30.0),
          ("An inspection by HM Inspectorate of Probation and His Majesty's Inspectorate of "
           "Constabulary and Fire & Rescue Services", 11.0)],
         "HM Inspectorate of Probation and HMICFRS"),
        ([("Trusted but not protected", 30.0), ("Inspectorate of Constabulary and Fire & Rescue "
          "Services", 11.0), ("College of Policing", 11.0), ("Independent Office for Police "
          "Conduct", 11.0)], "HMICFRS and College of Policing and IOPC"),
        # the force a cover names beside the inspectorate is inspected, not a publisher
        ([("Tarnvale Police | HMICFRS", 10.0), ("Contact management", 30.0)], "HMICFRS"),
    ],
)  # fmt: skip
def test_a_cover_that_names_several_publishers_names_them_all(
    cover: list[tuple[str, float]], publisher: str
) -> None:
    assert _meta([[*cover, BODY]]).publisher == publisher


def test_minutes_under_a_panels_name_in_capitals_are_the_panels() -> None:
    minutes = [
        ("WESTDALE POLICE AND CRIME PANEL", 12.0),
        ("MINUTES of the meeting of the Panel held on 29 January 2031", 11.0),
        BODY,
    ]
    imprint = [("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services is "
                "an independent inspectorate.", 11.0)]  # fmt: skip
    assert _meta([minutes, imprint]).publisher == "Westdale Police and Crime Panel"


def test_a_board_of_two_places_keeps_both_in_its_name() -> None:
    cover = [("Castleford and Mere Safeguarding Adults Board", 12.0), ("Adult Q", 28.0),
             ("The review looked at how the agencies responded.", 11.0)]  # fmt: skip
    assert _meta([cover]).publisher == "Castleford and Mere Safeguarding Adults Board"


def test_a_cover_set_in_capitals_names_its_body_and_its_date_field_dates_it() -> None:
    # a text conversion: one font and size throughout, the cover running into the report
    cover = [("EASTFORD FIRE AND RESCUE SERVICE", 10.0),
             ("INDEPENDENT REVIEW OF PROTECTION", 10.0),
             ("Report to the Eastford Fire Authority", 10.0),
             ("Date: 9 January 2032 Classification: PUBLIC", 10.0),
             ("Review date: 1 March 2033", 10.0),
             ("1. INTRODUCTION", 10.0),
             ("The Service has a clear risk-based inspection programme but is not resourced", 10.0),
             ("to deliver it, and there is no agreed way of ranking premises across its", 10.0),
             ("three districts.", 10.0)]  # fmt: skip
    meta = _meta([cover, [BODY]], created="D:20000101")
    assert meta.subject == "Eastford Fire and Rescue Service"
    assert meta.published == date(2032, 1, 9)
    # the date a review is next due is not the day the report was published
    due = [("EASTFORD FIRE AND RESCUE SERVICE", 10.0), ("Review date: 1 March 2033", 10.0)]
    assert _meta([due, [BODY]], created="D:20000101").published != date(2033, 3, 1)


def test_a_letters_subject_line_under_a_long_greeting_is_its_title_not_a_heading_below() -> None:
    letter = [("Ofsted | Care Quality Commission | HMICFRS", 11.0),
              ("10 March 2032", 11.0),
              ("Director of Children's Services, Eastvale Council", 11.0),
              ("Dear Director of Children's Services, Chief Constable and Chief Executive of the"
               " Health Board,", 11.0),
              ("Joint targeted area inspection of the response to youth violence in East", 15.0),
              ("Vale", 15.0),
              ("This letter summarises what we found when we inspected the partnership.", 11.0),
              ("Headline findings", 18.0),
              ("Leaders understand that youth violence is a growing problem.", 11.0)]  # fmt: skip
    assert _meta([letter, [BODY]]).title == (
        "Joint targeted area inspection of the response to youth violence in East Vale"
    )


def test_a_letters_address_block_names_the_bodies_it_is_addressed_to() -> None:
    letter = [("Ofsted | Care Quality Commission | HMICFRS", 11.0),
              ("Jo Bloggs, Director of Children's Services, Eastvale Council", 11.0),
              ("Chief Constable Sam Doe, Severnmouth Police", 11.0),
              ("Dr A Smith, Chief Executive, Eastvale Health Board", 11.0),
              ("A Jones, Head of Probation Delivery Unit, Eastvale", 11.0),  # a place, no body
              ("Dear Director, Chief Constable and Chief Executive,", 11.0),
              ("Joint inspection of the response to youth violence in Eastvale", 15.0),
              ("This letter summarises what we found.", 11.0)]  # fmt: skip
    assert _meta([letter, [BODY]]).addressed_to == (
        "Eastvale Council",
        "Severnmouth Police",
        "Eastvale Health Board",
    )


def test_a_letter_greeting_a_post_the_registry_knows_is_addressed_to_its_body() -> None:
    letter = [("Westmarch Staff Union", 11.0), ("The Rt Hon the Home Secretary", 11.0),
              ("2 Marsham Street", 11.0), ("Dear Home Secretary,", 11.0),
              ("We are writing about police staff pay.", 11.0)]  # fmt: skip
    assert _meta([letter, [BODY]]).addressed_to == ("Home Secretary",)
    # a person, not a post: nobody the letter's asks could be given to
    person = [(text if "Dear" not in text else "Dear Ms Okafor,", size) for text, size in letter]
    assert _meta([person, [BODY]]).addressed_to == ()


def test_a_body_named_as_the_object_of_the_line_above_is_the_one_inspected() -> None:
    cover = [("PEEL 2031", 28.0), ("An inspection of", 28.0),
             ("Northmoor Constabulary", 28.0), ("Published 3 May 2031", 12.0), BODY]  # fmt: skip
    assert _meta([cover]).publisher is None


def test_a_weekday_between_the_cue_and_its_date_still_dates_the_document() -> None:
    pack = [("Eastford Police and Crime Panel", 16.0), ("Date: Thursday, 26 June 2031", 11.0),
            ("Date of publication: Wednesday, 18 June 2031", 11.0),
            ("Minutes of the meeting held on 20 March 2031", 11.0)]  # fmt: skip
    assert _meta([pack, [BODY]], created="D:20000101").published == date(2031, 6, 18)


def test_notes_of_a_meeting_are_dated_by_the_meeting_they_record() -> None:
    notes = [
        ("Accountability Board", 16.0),
        ("Notes of the meeting held on Thursday 15 May 2031, 2.00 pm, Headquarters", 11.0),
    ]
    assert _meta([notes, [BODY]], created="D:20000101").published == date(2031, 5, 15)


def test_a_publisher_named_in_welsh_and_english_is_given_its_english_name() -> None:
    # a masthead printed in both languages side by side reads "Welsh / English"
    assert _english_half("Comisiynydd y Gymraeg / Welsh Language Commissioner") == (
        "Welsh Language Commissioner"
    )
    assert _english_half("Heddlu Gogledd Cymru | North Wales Police") == "North Wales Police"
    assert _english_half("Police / Fire Authority") == "Police / Fire Authority"


def test_an_agenda_whose_cover_title_is_a_panels_name_is_that_panels() -> None:
    cover = [("Public Document Pack", 9.0), ("Eastford Police and Crime Panel", 20.0),
             ("Hosted by Merebury Borough Council", 12.0), BODY]  # fmt: skip
    inner = [("HMICFRS published its report on Eastford Constabulary on 12 March 2031.", 11.0)]
    imprint = [("Published by HMICFRS. The Police Reform and Social Responsibility Act 2011.",
                9.0)]  # fmt: skip
    assert _meta([cover, inner, imprint]).publisher == "Eastford Police and Crime Panel"


def test_a_first_pages_field_naming_the_force_concerned_makes_it_the_subject() -> None:
    from extractors.metadata import _force_field

    def cell(text: str, x0: float, top: float = 198.0) -> Line:
        return Line(1, text, x0, x0 + 5 * len(text), top, top + 10, 10.0, False)

    assert _force_field([cell("Policing body", 68), cell("Police Scotland", 238)]) == (
        "Police Scotland"
    )
    assert _force_field([cell("Police force: Westmarch Constabulary", 68)]) == (
        "Westmarch Constabulary"
    )
    # a field naming no force, or a force named in the text, makes no subject
    assert _force_field([cell("Policing body", 68), cell("Not applicable", 238)]) is None
    assert _force_field([cell("Police Scotland did not uphold the complaint.", 68)]) is None
