"""Item splitting on hand-built text layers: one test per layout rule, each able to fail alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from extractors.blocks import Block, Candidate, label_ok, make_blocks
from extractors.checks import check_document
from extractors.deadlines import tag_deadlines
from extractors.furniture import drop_contents, drop_footnotes
from extractors.item_patterns import heading_due, section_kind
from extractors.item_tables import _coded_ref, text_table_candidates
from extractors.items import _TEMPLATE_RE, _prefer_labelled, _Splitter, split_items
from extractors.text import remove_furniture, repair_misread_keywords
from models.records import DocumentText, Item, Line, Table

BODY = 11.0


def line(
    page: int, top: float, text: str, *, x0: float = 70, size: float = BODY, bold: bool = False
) -> Line:
    """One line of a page, 60 characters to 300 pt."""
    return Line(page, text, x0, x0 + 5 * len(text), top, top + size, size, bold)


def paragraph(page: int, top: float, *texts: str, x0: float = 70, bold: bool = False) -> list[Line]:
    """Consecutive lines at the body line pitch (15 pt)."""
    return [line(page, top + 15 * k, t, x0=x0, bold=bold) for k, t in enumerate(texts)]


def doc(lines: Sequence[Line], pages: int = 3) -> DocumentText:
    """A document of the given lines (with filler prose so the body size is clear)."""
    filler = paragraph(
        pages,
        600,
        "The inspection looked at how the force supports victims of crime across the county",
        "and found that officers were committed but stretched by the demand they face daily.",
        "We spoke to officers, staff and partner organisations during our fieldwork visits.",
    )
    return DocumentText(
        file="t.pdf",
        sha256="0" * 64,
        pages=pages,
        lines=(*lines, *filler),
        page_heights=(842.0,) * pages,
    )


def found(items: list[Item]) -> list[tuple[str, str | None, str | None, int]]:
    """(kind, number, parent, page) of each item."""
    return [(i.kind, i.number, i.parent, i.page_start) for i in items]


def test_labels_keep_their_numbers_as_printed() -> None:
    lines = [
        line(1, 100, "Recommendation III", bold=True),
        *paragraph(1, 120, "By March 2025, chief constables should review their policy."),
        line(1, 200, "Recommendation 8.6:", bold=True),
        *paragraph(1, 220, "The Home Office should publish the guidance within six months."),
        line(1, 300, "Recommendation 10.3", bold=True),
        *paragraph(1, 320, "The College of Policing should update its training."),
    ]
    items = split_items(doc(lines))
    assert found(items) == [
        ("recommendation", "III", None, 1),
        ("recommendation", "8.6", None, 1),
        ("recommendation", "10.3", None, 1),
    ]
    assert items[0].text == "By March 2025, chief constables should review their policy."


def test_lettered_sub_recommendation_has_its_parent() -> None:
    lines = [
        line(1, 100, "Recommendation 4a", bold=True),
        *paragraph(1, 120, "By June 2025, the NPCC lead should agree a national standard."),
        line(1, 200, "Recommendation 4b", bold=True),
        *paragraph(1, 220, "Chief constables should then adopt that standard."),
    ]
    assert found(split_items(doc(lines))) == [
        ("recommendation", "4a", "4", 1),
        ("recommendation", "4b", "4", 1),
    ]


def test_coded_entries_finishing_a_recommending_lead_in_are_its_recommendations() -> None:
    lines = [
        line(1, 60, "5 Recommendations", size=14, bold=True),
        *paragraph(1, 80, "5.1 The assessment was agreed by the Group in March."),
        *paragraph(1, 100, "5.2 It is recommended that the Tasking Group:"),
        line(1, 120, "T1 adopts three priorities for the coming year;", x0=80),
        line(1, 135, "T2 reviews the staffing of the Economic Crime Unit. The review", x0=80),
        line(1, 150, "should consider:", x0=104),
        line(1, 165, "T2a the number of accredited financial investigators; and", x0=104),
        line(1, 180, "T3 agrees the date of the next assessment.", x0=80),
        *paragraph(1, 200, "5.3 The Group is recommended to note these risks:"),
        line(1, 220, "R1 Loss of analysts to other forces.", x0=80),  # codes over capitals
        line(1, 235, "R2 Delays to the records system.", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.parent, i.text.split()[0]) for i in items] == [
        ("T1", None, "adopts"),
        ("T2", None, "reviews"),
        ("T2a", "T2", "the"),
        ("T3", None, "agrees"),
    ]


def test_a_sub_items_bare_number_on_its_own_line_takes_its_items_label() -> None:
    lines = [
        line(1, 60, "Recommendations for immediate action", size=11.5, bold=True),
        line(1, 80, "Recommendation 3", bold=True),
        *paragraph(1, 96, "Amend the policy so that supervisors review every record.", x0=86),
        line(1, 120, "Recommendation 4: Body-worn video", bold=True),
        line(1, 136, "4a", bold=True),
        *paragraph(1, 152, "Reconfigure the devices so that recording starts at once.", x0=86),
        line(1, 176, "4b", bold=True),
        *paragraph(1, 192, "Remind all officers to tag footage with the record number.", x0=86),
        line(1, 216, "Recommendation 5", bold=True),
        *paragraph(1, 232, "Publish the audit results on the force website.", x0=86),
        *paragraph(1, 270, "Table 2 sets out the results by area; see also page"),
        line(1, 285, "12a"),
        *paragraph(1, 300, "Area commanders discussed them at their meetings."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.parent, i.timing) for i in items] == [
        ("3", None, "immediate action"),
        ("4a", "4", "immediate action"),
        ("4b", "4", "immediate action"),
        ("5", None, "immediate action"),
    ]


def test_cause_of_concern_owns_the_recommendations_that_follow() -> None:
    lines = [
        line(1, 80, "Cause of concern 1", bold=True),
        *paragraph(1, 100, "The force does not assess risk to callers in a structured way."),
        line(1, 160, "Recommendations", bold=True, size=13),
        *paragraph(1, 180, "We recommend that within three months the force should:"),
        *paragraph(1, 210, "1. introduce a structured risk assessment for every call; and", x0=80),
        *paragraph(1, 240, "2. audit a sample of assessments every month.", x0=80),
        line(1, 300, "Areas for improvement", bold=True, size=13),
        *paragraph(1, 320, "• The force should improve how it records crime.", x0=80),
    ]
    items = split_items(doc(lines))
    assert found(items) == [
        ("cause_of_concern", "1", None, 1),
        ("recommendation", "1", "1", 1),
        ("recommendation", "2", "1", 1),
        ("area_for_improvement", None, None, 1),
    ]
    assert items[1].timing == "within three months"


def test_summary_list_and_repeated_box_give_one_item_with_both_pages() -> None:
    text = "Chief constables should make sure that every crime is recorded accurately."
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, "Recommendation 1", bold=True),
        *paragraph(1, 130, text),
        line(1, 170, "Recommendation 2", bold=True),
        *paragraph(1, 190, "The Home Office should fund a national audit."),
        *paragraph(2, 100, "Our findings on crime recording were mixed in every force we visited."),
        line(2, 200, "Recommendation 1", bold=True),
        *paragraph(2, 220, text),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start, i.occurrences) for i in items] == [
        ("1", 1, (1, 2)),
        ("2", 1, (1,)),
    ]


def test_item_crossing_a_page_comes_back_whole() -> None:
    lines = [
        line(1, 700, "Recommendation 1", bold=True),
        *paragraph(1, 720, "By 31 March 2025, chief constables should make sure that their"),
        *paragraph(2, 60, "officers record every report of stalking as stalking."),
    ]
    [item] = split_items(doc(lines))
    assert (item.page_start, item.page_end) == (1, 2)
    assert item.text.endswith("record every report of stalking as stalking.")


def test_sentences_about_recommendations_are_not_items() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 110, "HMICFRS made seven recommendations in its 2022 report."),
        *paragraph(1, 150, "Progress against these recommendations will be tracked by the board."),
        *paragraph(1, 190, "• Online investigations: 7 recommendations, 2 for forces;", x0=80),
    ]
    assert split_items(doc(lines)) == []


def test_timing_headings_set_each_items_deadline_phrase() -> None:
    lines = [
        line(1, 80, "Areas for improvement", bold=True, size=14),
        *paragraph(1, 110, "The local authority should take the following action."),
        line(1, 140, "Immediately:", bold=True),
        *paragraph(1, 160, "• ensure every child has a care plan", x0=80),
        line(1, 190, "Within three months:", bold=True),
        *paragraph(1, 210, "• review the quality of supervision", x0=80),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.timing) for i in items] == [
        ("area_for_improvement", "Immediately"),
        ("area_for_improvement", "Within three months"),
    ]
    assert items[0].lead_in == "The local authority should take the following action."


def test_a_wrapped_line_that_reads_like_a_timing_heading_stays_in_its_sentence() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(
            1,
            110,
            "4.1 The agency should report to the board on progress in carrying out these steps",
            "within six months of the date of this report, and each year after that.",
            "4.2 The council should publish its revised housing allocation policy by May 2027.",
        ),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["4.1", "4.2"]
    assert items[0].text.endswith(
        "within six months of the date of this report, and each year after that."
    )


def test_each_bodys_lettered_list_is_its_own_even_when_the_letters_repeat() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, "The partnership board should:", bold=True),
        *paragraph(1, 130, "a. agree a shared plan for children missing from school", x0=90),
        *paragraph(1, 150, "b. check that every referral is answered within a day", x0=90),
        line(1, 180, "The national agency should:", bold=True),
        *paragraph(1, 200, "a. update its guidance on joint assessments for boards", x0=90),
        *paragraph(1, 220, "b. publish the findings of its annual survey of services", x0=90),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [
        ("a", "The partnership board should:"),
        ("b", "The partnership board should:"),
        ("a", "The national agency should:"),
        ("b", "The national agency should:"),
    ]


def test_actions_lettered_in_capitals_are_items_numbered_by_their_letters() -> None:
    lines = [
        line(1, 80, "Actions for the College of Policing", bold=True, size=14),
        line(1, 100, "A. By March 2027, revise the guidance on stalking.", x0=76),
        line(1, 115, "B. Publish a practice briefing for investigators.", x0=76),
        line(1, 140, "Action for the IOPC", bold=True, size=14),
        line(1, 160, "C. The IOPC will examine the complaints it has received.", x0=76),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("action", "A"),
        ("action", "B"),
        ("action", "C"),
    ]


def test_lettering_that_runs_on_under_the_next_bodys_lead_in_keeps_its_letters() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, "The partnership board should:", bold=True),
        *paragraph(1, 130, "a. agree a shared plan for children missing from school", x0=90),
        *paragraph(1, 150, "b. check that every referral is answered within a day", x0=90),
        line(1, 180, "The national agency should:", bold=True),
        *paragraph(1, 200, "c. update its guidance on joint assessments for boards", x0=90),
        *paragraph(1, 220, "d. publish the findings of its annual survey of services", x0=90),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["a", "b", "c", "d"]


def test_a_title_line_that_only_names_who_acts_is_not_part_of_the_text() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, "1. Home Office", bold=True),
        *paragraph(1, 130, "By May 2027, the Home Office should publish guidance on devices."),
        line(1, 160, "2. Funding", bold=True),
        *paragraph(1, 180, "Our main recommendation is that funding should follow the victim."),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "By May 2027, the Home Office should publish guidance on devices.",
        "Funding Our main recommendation is that funding should follow the victim.",
    ]


def test_safety_recommendations_with_coded_numbers_are_items() -> None:
    lines = [
        line(1, 80, "5. Safety recommendations", bold=True, size=14),
        *paragraph(1, 110, "Each recommendation is made to the body best placed to act on it."),
        line(1, 140, "Safety recommendation SR-01", bold=True),
        *paragraph(1, 160, "The hospital should replace its paper observation charts.", x0=80),
        line(1, 190, "Safety recommendation SR-02", bold=True),
        *paragraph(1, 210, "It is recommended that the hospital audits escalation calls.", x0=80),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "SR-01"),
        ("recommendation", "SR-02"),
    ]


def test_a_bare_label_indented_under_an_entry_marks_it_and_labels_nothing() -> None:
    lines = [
        line(1, 80, "Recommendations to the prison service", bold=True, size=14),
        *paragraph(1, 110, "4.1 Prisoners should spend at least ten hours a day out of cell."),
        line(1, 128, "Main recommendation", bold=True, x0=110),
        *paragraph(1, 150, "4.2 The prison service should fund repairs to every call bell."),
        line(1, 168, "Main recommendation", bold=True, x0=110),
        *paragraph(1, 190, "4.3 New arrivals should be seen by a nurse on their first night."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.responsible) for i in items] == [
        ("4.1", "the prison service"),
        ("4.2", "the prison service"),
        ("4.3", "the prison service"),
    ]


def test_a_chapters_own_paragraphs_before_its_numbered_list_are_not_entries() -> None:
    lines = [
        line(1, 80, "Chapter 5: Recommendations", bold=True, size=16),
        *paragraph(
            1,
            110,
            "5.1 I make these recommendations under the Act. Where one says that a body must act,",
            "I consider the change necessary to protect life.",
        ),
        *paragraph(1, 150, "1. The agency must keep a register of every raised reservoir."),
        *paragraph(1, 170, "2. All reservoir owners shall appoint an engineer within 28 days."),
        *paragraph(1, 190, "3. The Government shall report on progress every year."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2", "3"]


def test_a_regulators_requirements_are_required_actions() -> None:
    lines = [
        line(1, 80, "Requirements", bold=True, size=13),
        *paragraph(1, 110, "1. You must survey the condition of every home by 31 March 2027."),
        *paragraph(1, 130, "2. You must report open repairs to us each month."),
    ]
    assert [(i.kind, i.number) for i in split_items(doc(lines))] == [
        ("action", "1"),
        ("action", "2"),
    ]


def test_a_sentence_saying_who_the_items_are_for_is_not_one_of_them() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 110, "Our recommendations are grouped by the body that needs to act."),
        *paragraph(1, 125, "We set out our recommendations and the body we consider should lead."),
        line(1, 140, "Chief constables should:", bold=True),
        *paragraph(1, 160, "• review every stalking report within a week;", x0=80),
        *paragraph(1, 180, "• consider a protection order in every case.", x0=80),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "review every stalking report within a week;",
        "consider a protection order in every case.",
    ]


def test_a_commitment_about_the_other_actions_is_one_of_the_actions() -> None:
    lines = [
        line(1, 80, "Actions for the College of Policing", bold=True, size=14),
        *paragraph(1, 110, "1. The College of Policing will publish a guide for call handlers."),
        *paragraph(1, 130, "2. The College of Policing will train a lead in every force."),
        *paragraph(1, 150, "3. The College will jointly review the effect of these actions."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2", "3"]


def test_a_concern_answered_at_once_by_its_own_recommendation_is_its_finding() -> None:
    lines = [
        line(1, 80, "Key concerns", bold=True, size=13),
        *paragraph(1, 110, "4. Prisoners waited too long for a routine appointment with a GP."),
        line(1, 128, "Recommendation: The health provider should cut waits for GP appointments.",
             x0=100, bold=True),
        *paragraph(1, 150, "5. Many prisoners were released without anywhere settled to live."),
        line(1, 168, "Recommendation: The prison service should plan housing before release.",
             x0=100, bold=True),
        line(1, 220, "Cause of concern", bold=True, size=13),
        *paragraph(1, 240, "The force does not know how many suspects it has released on bail."),
        line(1, 270, "Recommendation", bold=True, size=13),
        *paragraph(1, 290, "By May 2027, the force should review every suspect released on bail."),
    ]  # fmt: skip
    assert [(i.kind, i.text.split()[:2]) for i in split_items(doc(lines))] == [
        ("recommendation", ["The", "health"]),
        ("recommendation", ["The", "prison"]),
        ("cause_of_concern", ["The", "force"]),
        ("recommendation", ["By", "May"]),
    ]


def test_a_line_hanging_under_a_coded_entrys_text_is_still_that_entry() -> None:
    lines = [
        line(1, 80, "Strategic recommendations", bold=True, size=13),
        line(1, 110, "SR1 The Health Trust, in partnership with the Northern Ireland Prison"),
        line(1, 125, "Service, should give every prisoner a discharge plan by May 2027.", x0=110),
        line(1, 150, "SR2 The Prison Service should publish its resettlement data each year."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["SR1", "SR2"]
    assert items[0].text.endswith("should give every prisoner a discharge plan by May 2027.")


def test_owner_and_timescale_lines_under_an_item_are_its_fields_not_its_text() -> None:
    lines = [
        line(1, 80, "Recommendation 1", bold=True),
        *paragraph(1, 100, "Chief constables should record the priority of every device."),
        line(1, 118, "Owner: Chief constables Timescale: By 31 March 2027", x0=90, size=10),
        line(1, 150, "Recommendation 2", bold=True),
        *paragraph(1, 170, "The College of Policing should update its guidance on kiosks."),
        line(1, 188, "Timescale: Within six months", x0=90, size=10),
    ]
    items = split_items(doc(lines))
    assert [(i.text, i.responsible, i.timing) for i in items] == [
        (
            "Chief constables should record the priority of every device.",
            "Chief constables",
            "By 31 March 2027",
        ),
        (
            "The College of Policing should update its guidance on kiosks.",
            None,
            "Within six months",
        ),
    ]


def test_a_debriefs_actions_heading_opens_its_bullets_and_their_closing_fields_are_read() -> None:
    lines = [
        line(1, 60, "Even better if", bold=True),
        line(1, 80, "• Radio traffic had been lighter during the evening.", x0=80),
        line(1, 110, "ACTIONS", bold=True),
        line(1, 130, "• Move the reserve point to the harbour gate. Owner: Ops Planning.", x0=80),
        line(1, 148, "Due: 19 June 2031.", x0=86),
        line(1, 170, "• Reissue the talkgroup plan to supervisors. Owner: Control Room.", x0=80),
        line(1, 200, "Action owners update the log; outstanding actions are reviewed monthly."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[0], i.responsible, i.timing) for i in items] == [
        ("action", "Move", "Ops Planning", "By 19 June 2031"),
        ("action", "Reissue", "Control Room", None),
    ]


def test_a_made_to_line_over_the_text_and_a_response_due_line_under_it_are_fields() -> None:
    lines = [
        line(1, 80, "Recommendation 1", bold=True),
        line(1, 98, "Made to: Westfield Police", size=9),
        *paragraph(1, 112, "Westfield Police should brief every custody sergeant on rousing."),
        line(1, 130, "Response due: 14 May 2026", bold=True, size=9.5),
        *paragraph(1, 160, "Custody records showed that checks were often late at night."),
    ]
    items = split_items(doc(lines))
    assert [(i.text, i.responsible, i.timing) for i in items] == [
        (
            "Westfield Police should brief every custody sergeant on rousing.",
            "Westfield Police",
            "By 14 May 2026",
        )
    ]


def test_a_small_capitals_kicker_over_a_title_labels_the_item_and_keeps_its_title() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=16),
        line(1, 110, "RECOMMENDATION 1", size=8.5),
        line(1, 124, "Early advice", bold=True, size=12),
        *paragraph(1, 142, "By May 2027, forces should seek early advice in stalking cases."),
        line(1, 170, "RECOMMENDATION 2", size=8.5),
        line(1, 184, "Case files", bold=True, size=12),
        *paragraph(1, 202, "The prosecution service should set a standard for case files."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("1", "Early advice By May 2027, forces should seek early advice in stalking cases."),
        ("2", "Case files The prosecution service should set a standard for case files."),
    ]


def test_a_small_capitals_kicker_with_its_title_in_capitals_labels_the_item() -> None:
    lines = [
        line(1, 80, "Effectiveness", size=20),
        line(1, 110, "AREA FOR IMPROVEMENT 1 – KNOWING THE RISK", bold=True, size=8.2),
        *paragraph(1, 126, "The service should base its risk plan on data from its partners."),
        line(1, 150, "What we will do", bold=True),
        *paragraph(1, 166, "– Ask the councils for their data.", x0=60),
        line(1, 200, "AREA FOR IMPROVEMENT 2 – HOME VISITS", bold=True, size=8.2),
        *paragraph(1, 216, "The service should clear its backlog of home safety visits."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "1"),
        ("area_for_improvement", "2"),
    ]


def test_the_timing_a_lead_in_states_governs_only_its_own_list() -> None:
    lines = [
        *paragraph(
            1, 80, "I recommend that, by 31 March 2027, every chief constable makes sure that:"
        ),
        *paragraph(1, 100, "• custody staff are trained in rousing checks;", x0=80),
        *paragraph(1, 115, "• custody records show the time of each check.", x0=80),
        *paragraph(1, 140, "I also recommend that chief constables:"),
        *paragraph(
            1,
            160,
            "• immediately remind staff how to treat a detainee who cannot be roused;",
            x0=80,
        ),
        *paragraph(1, 175, "• review their contracts with healthcare providers.", x0=80),
    ]
    items = split_items(doc(lines))
    assert [i.timing for i in items] == ["by 31 March 2027", "by 31 March 2027", None, None]


def test_a_number_wrapped_under_a_hanging_bullet_is_not_an_entry() -> None:
    lines = [
        line(1, 80, "What needs to improve", bold=True, size=14),
        line(1, 110, "• The range of education and training for young people aged", x0=60),
        line(1, 125, "16 and 17 who are not in full-time education.", x0=77),
        line(1, 145, "• Joint planning with social care when children are remanded.", x0=60),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == [None, None]
    assert items[0].text.endswith("aged 16 and 17 who are not in full-time education.")


def test_a_panels_item_stopped_at_the_page_foot_goes_on_in_the_next_pages_panel() -> None:
    def boxed(page: int, top: float, text: str, **kw: object) -> Line:
        return replace(line(page, top, text, x0=380, **kw), in_box=True)  # type: ignore[arg-type]

    lines = [
        *paragraph(1, 100, "We found that risk assessments for missing children were late."),
        boxed(1, 700, "Area for improvement 3", bold=True),
        boxed(1, 715, "The force should make sure that it carries out a risk assessment for"),
        *paragraph(2, 100, "The force manages many registered sex offenders in the county."),
        boxed(2, 100, "every missing child report, as national guidance requires."),
        boxed(2, 130, "Area for improvement 4", bold=True),
        boxed(2, 145, "The force should reduce its backlog of home visits."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start, i.page_end, i.text.split()[-1]) for i in items] == [
        ("3", 1, 2, "requires."),
        ("4", 2, 2, "visits."),
    ]


def _two_languages(page: int, rows: list[tuple[float, str, str]]) -> list[Line]:
    """A page of two languages side by side: the left column read first, then the right."""
    left = [replace(line(page, top, en, x0=56), column=0) for top, en, _ in rows if en]
    right = [replace(line(page, top, cy, x0=306), column=1) for top, _, cy in rows if cy]
    return [*left, *right]


def test_a_page_in_two_languages_side_by_side_gives_each_item_once_from_its_column() -> None:
    first = _two_languages(1, [
        (100, "1. The force should review every high-risk case within a day.", "1. Adolygu."),
        (120, "2. The force should make better use of support for victims, including", "2."),
    ])  # fmt: skip
    headings = [
        replace(line(1, 80, "Recommendations", bold=True), column=0),
        replace(line(1, 80, "Argymhellion", bold=True, x0=306), column=1),
    ]
    # the entry goes on at the top of the next page's left column, hanging under its text
    rest = replace(line(2, 80, "Welsh-speaking investigators at first contact.", x0=72), column=0)
    other = replace(line(2, 80, "Diwedd y rhestr.", x0=306), column=1)
    lines = [headings[0], *first[:2], headings[1], *first[2:], rest, other]
    items = split_items(doc(lines))
    assert [(i.number, i.page_end, i.text.split()[-1]) for i in items] == [
        ("1", 1, "day."),
        ("2", 2, "contact."),
    ]


def test_headings_level_in_two_languages_head_no_table() -> None:
    def col(k: int, rows: list[tuple[float, str, bool, float]]) -> list[Line]:
        x0 = 56 if k == 0 else 306
        return [
            replace(line(1, top, t, x0=x0, bold=b, size=sz), column=k) for top, t, b, sz in rows
        ]

    english = col(0, [
        (80, "Recommendations", True, 12), (100, "Recommendation 1", True, 11),
        (115, "The force should review every high-risk case", False, 11),
        (130, "within a day of it being made.", False, 11),
        (150, "Recommendation 2", True, 11),
        (165, "The force should train all of its staff in", False, 11),
        (180, "risk assessment.", False, 11),
    ])  # fmt: skip
    welsh = col(1, [
        (80, "Argymhellion", True, 12), (100, "Argymhelliad 1", True, 11),
        (115, "Dylai'r heddlu adolygu pob achos", False, 11), (130, "o fewn diwrnod.", False, 11),
        (150, "Argymhelliad 2", True, 11), (165, "Dylai'r heddlu hyfforddi", False, 11),
        (180, "ei staff.", False, 11),
    ])  # fmt: skip
    # the other language's heading is no cell of a table headed by this one
    assert text_table_candidates([*english, *welsh], 11.0) == ([], set())
    items = split_items(doc([*english, *welsh]))
    assert [(i.number, i.text.split()[-1]) for i in items if "force" in i.text] == [
        ("1", "made."),
        ("2", "assessment."),
    ]


def test_a_papers_new_actions_coded_a1_a2_are_its_actions_with_owner_and_date() -> None:
    lines = [
        line(1, 80, "5. New actions", bold=True, size=14),
        *paragraph(1, 100, "5.1 The Executive Board agreed the following new actions."),
        line(1, 120, "A1 Introduce a daily review of demand in the contact centre."),
        line(1, 135, "Owner: Head of Contact Management | Target date: 30 November 2025", x0=90,
             size=9),
        line(1, 150, "A2 Publish a dashboard on the force website, showing 999 answer times,"),
        line(1, 165, "101 abandonment rates and online reports, and present it.", x0=90),
        line(1, 180, "Owner: Head of Performance | Target date: 31 March 2026", x0=90, size=9),
        line(1, 210, "6. Recommendation", bold=True, size=14),
        *paragraph(1, 230, "6.1 The Board is recommended to note the progress made."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.responsible, i.timing) for i in items] == [
        ("action", "A1", "Head of Contact Management", "By 30 November 2025"),
        ("action", "A2", "Head of Performance", "By 31 March 2026"),
    ]
    assert items[1].text.endswith("101 abandonment rates and online reports, and present it.")
    # the wrapped line hangs under the code's text: no entry numbered 101
    wrapped = make_blocks(lines[4:6])
    assert [(b.label, len(b.lines)) for b in wrapped] == [(None, 2)]


def test_a_plan_quoting_an_inspectorates_items_makes_its_own_actions_the_items() -> None:
    box = [
        replace(ln, in_box=True)
        for ln in [
            line(1, 80, "Recommendation 1 (HMICFRS 2024)", bold=True),
            *paragraph(1, 95, "The force should review each detainee's risk assessment."),
        ]
    ]
    lines = [
        *box,
        line(1, 120, "Our action 1.1: Add a mandatory field to the custody record."),
        line(1, 135, "Lead: Custody Systems Manager | Due: 31 December 2025", size=9),
        line(1, 150, "Our action A1.2: Replace the worn mattresses in all cells."),
        line(1, 165, "Lead: Head of Estates | Due: Complete", size=9),
        *paragraph(1, 190, "The board will review progress against the plan each quarter."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.responsible, i.timing) for i in items] == [
        ("action", "1.1", "Custody Systems Manager", "By 31 December 2025"),
        ("action", "A1.2", "Head of Estates", "Complete"),
    ]


def test_a_letters_requests_are_actions_and_its_annex_of_earlier_findings_holds_none() -> None:
    lines = [
        *paragraph(1, 80, "We found that you have made good progress since our inspection."),
        *paragraph(1, 100, "Please could you:"),
        line(1, 120, "1. Provide me with a revised custody improvement plan.", x0=80),
        line(1, 135, "2. Confirm in writing that every sergeant has been trained.", x0=80),
        *paragraph(1, 160, "We will use this information to decide whether to return."),
    ]
    annex = Table(page=2, top=100, bottom=200, rows=(
        ("2024 finding", "Summary", "Position, November 2025"),
        ("Cause of concern 1", "Oversight of strip searches", "Addressed"),
        ("Recommendation 1", "The force should review anti-rip clothing.", "Partly addressed"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(annex,)))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")]


def test_a_notices_required_steps_are_actions() -> None:
    lines = [
        line(1, 80, "SCHEDULE", bold=True, size=13),
        *paragraph(1, 100, "To comply with this notice you are required to take the following",
                   "steps, or steps which are equally effective:"),
        line(1, 140, "1. Carry out an assessment of the risks to employees' health.", x0=74),
        line(1, 160, "2. Provide every employee with suitable information.", x0=74),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")]


def test_a_plans_actions_keep_the_finding_code_they_answer_as_their_number() -> None:
    table = Table(page=1, top=200, bottom=300, rows=(
        ("Ref", "HMICFRS finding", "Action", "Owner", "Target date"),
        ("CoC1.1", "Cause of concern: training is not recorded.",
         "Introduce a system that records every firefighter's training.", "Head of Training",
         "31 December 2031"),
        ("AFI2.1", "The service should evaluate its prevention work.",
         "Commission an independent evaluation of home safety visits.", "Head of Prevention",
         "31 January 2032"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [("action", "CoC1.1"), ("action", "AFI2.1")]
    # in a column of recommendations the code names the kind of each row
    rows = (("Ref", "Recommendation", "Owner"), ("AFI2", "The service should review it.", "Head"))
    coded = replace(table, rows=rows)
    [item] = split_items(replace(doc([]), tables=(coded,)))
    assert (item.kind, item.number) == ("area_for_improvement", "2")


def test_asks_listed_under_we_recommend_stand_beside_a_numbered_table_of_quick_wins() -> None:
    lines = [
        line(1, 60, "Recommendations: governance", bold=True, size=16),
        line(1, 90, "We recommend that the Partnership Board:", bold=True),
        *paragraph(1, 110, "• reduces its membership to the statutory partners;", x0=75),
        *paragraph(1, 125, "• replaces its five theme groups with one delivery group.", x0=75),
        line(1, 150, "We recommend that the District Council:", bold=True),
        *paragraph(1, 170, "• appoints a permanent partnership manager within six months.", x0=75),
        # a sidebar in the page's other column: what success looks like, not an ask
        replace(line(1, 110, "What success looks like", x0=400, bold=True), column=1),
        replace(line(1, 130, "– Board meetings that take decisions", x0=400), column=1),
    ]
    table = Table(page=2, top=100, bottom=200, rows=(
        ("No.", "Recommendation", "Lead"),
        ("1", "Publish the Board's agendas and minutes on the website.", "Board"),
        ("2", "Agree a single information-sharing agreement for all partners.", "Council"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        (None, "partners;"),
        (None, "group."),
        (None, "months."),
        ("1", "website."),
        ("2", "partners."),
    ]


def test_an_items_code_printed_again_in_other_words_is_the_same_item() -> None:
    lines = [
        line(1, 80, "Operational recommendations", bold=True, size=14),
        *paragraph(1, 110, "OR1 Within six months, the Prison Service should restore the hub's",
                   "weekday opening hours for people about to be released."),
        *paragraph(1, 150, "OR2 The Trust should make sure prescriptions are ready on release."),
        line(2, 80, "Appendix 1 Recommendations and timescales", bold=True, size=14),
        *paragraph(2, 110, "OR1 Restore full weekday opening of the resettlement hub"),
        *paragraph(2, 125, "OR2 Prescriptions ready on day of release"),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [("OR1", "Within"), ("OR2", "The")]


def test_after_a_cause_of_concern_the_list_we_recommend_holds_recommendations() -> None:
    lines = [
        line(1, 60, "Cause of concern and recommendations", bold=True, size=14),
        *(replace(ln, in_box=True) for ln in [  # the cause set in a panel
            line(1, 85, "Cause of concern", bold=True),
            *paragraph(1, 100, "The force is failing to record a large share of crimes.")]),
        *paragraph(1, 125, "To address this, we recommend that the force takes the following",
                   "action.",
                   "The timescales below are counted from the date of this report."),
        line(1, 180, "Immediately", bold=True),
        *paragraph(1, 195, "1. The force should record every crime reported to its control room."),
        line(1, 215, "Within three months", bold=True),
        *paragraph(1, 230, "2. The force should train every call handler in crime recording."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.timing) for i in items] == [
        ("cause_of_concern", None, None),
        ("recommendation", "1", "Immediately"),
        ("recommendation", "2", "Within three months"),
    ]


def test_a_lead_in_naming_the_following_kind_opens_a_list_of_that_kind() -> None:
    lines = [
        line(1, 60, "What the force should do next", bold=True, size=13),
        *paragraph(1, 80, "We have identified the following areas for improvement. We will",
                   "check the force's progress against them next year."),
        *paragraph(1, 115, "– The force should plan for the demand it cannot yet see.", x0=74),
        *paragraph(1, 130, "– The force should evaluate its work with neighbouring forces.", x0=74),
        *paragraph(1, 155, "I am grateful to the officers and staff who helped us."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[3]) for i in items] == [
        ("area_for_improvement", "plan"),
        ("area_for_improvement", "evaluate"),
    ]
    # steps someone told the inspectors about are reported, not asked for
    told = [
        line(1, 60, "Safety actions taken by the trust", bold=True, size=13),
        *paragraph(1, 80, "The trust told us about the following actions. We have not assessed",
                   "their effect."),
        *paragraph(1, 115, "• The trust changed its dashboard settings in July.", x0=74),
        *paragraph(1, 130, "• A daily safety huddle was introduced in September.", x0=74),
    ]  # fmt: skip
    assert split_items(doc(told)) == []


def test_the_inspectorate_recommending_by_its_short_name_in_numbered_paragraphs() -> None:
    lines = [
        *paragraph(1, 80, "3.2 Four forces could not search their child protection records."),
        *paragraph(1, 100, "3.3 Forces cannot build a full picture of the groups at work."),
        *paragraph(1, 115, "HMIC recommends that, by 31 March 2032, chief constables should make",
                   "their intelligence systems searchable together.", x0=96, bold=True),
        *paragraph(1, 150, "3.4 HMIC recommends that the College of Policing should train",
                   "analysts in assessing information about exploitation.", bold=True),
        *paragraph(1, 185, "3.5 The Home Office recommends that forces read the new guidance.",
                   x0=70),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[3]) for i in items] == [("3.3", "by"), ("3.4", "the")]


def test_a_committees_numbered_paragraphs_that_recommend_or_call_on_a_body_are_its_items() -> None:
    lines = [
        *paragraph(1, 80, "11. The Committee is concerned that the definition is too narrow."),
        *paragraph(1, 100, "12. The Committee recommends that the Scottish Government publish",
                   "the full list of places of detention.", bold=True),
        *paragraph(1, 135, "13. The Committee calls on the Police Authority to report each year",
                   "on the costs of the scheme.", bold=True),
        *paragraph(1, 170, "14. The Committee recommends to the Parliament that the general",
                   "principles of the Bill be agreed to.", bold=True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["12", "13", "14"]
    # one ask found another way does not make them a report's narrative
    labelled = [line(2, 80, "Recommendation: The Scottish Government should fund the visitors.")]
    items = split_items(doc([*lines, *labelled]))
    assert [i.number for i in items] == ["12", "13", "14", None]


def test_decimal_paragraphs_among_a_chapters_bulleted_asks_that_ask_nothing_are_prose() -> None:
    lines = [
        line(1, 60, "6. Recommendations", bold=True, size=14),
        *paragraph(1, 80, "• The Partnership should keep serious violence as a priority.", x0=74),
        *paragraph(1, 95, "• The council should replace its CCTV cameras by March 2032.", x0=74),
        *paragraph(1, 115, "6.3 The Board agreed a partnership plan setting out actions in May."),
        *paragraph(1, 135, "6.4 The police should share hotspot data with the council monthly."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [
        (None, "Partnership"), (None, "council"), ("6.4", "police")
    ]  # fmt: skip


def test_a_summary_of_conclusions_takes_only_its_recommendations() -> None:
    lines = [
        line(1, 60, "Summary of conclusions and recommendations", bold=True, size=14),
        *paragraph(1, 80, "This section brings together the conclusions and recommendations in",
                   "the report. We expect the Government to respond to our recommendations",
                   "within two months."),
        line(1, 130, "Our conclusions", bold=True),
        *paragraph(1, 145, "1. Forces use the technology, but the public has had little chance",
                   "to debate whether it should be used. (Paragraph 8)"),
        line(1, 185, "Our recommendations", bold=True),
        *paragraph(1, 200, "2. The Home Office should bring forward legislation to set out",
                   "when forces may use the technology. (Paragraph 12)", bold=True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [("2", "Home")]


def test_boxed_asks_we_call_for_are_items_not_numbered_by_a_paragraph_in_another_column() -> None:
    left = paragraph(1, 80, "4 The law compares a police driver with a careful driver.")
    boxes = [
        replace(ln, in_box=True)
        for ln in [
            *paragraph(1, 80, "We call on the Home Office to bring forward the regulations",
                       "needed this year.", x0=315),
            *paragraph(1, 130, "We call on the College of Policing to fund refresher courses",
                       "for response drivers.", x0=315),
        ]
    ]  # fmt: skip
    items = split_items(doc([*left, *(replace(ln, column=1) for ln in boxes)]))
    assert [(i.number, i.text.split()[4]) for i in items] == [(None, "Home"), (None, "College")]


def test_a_table_rating_an_earlier_years_recommendations_holds_no_item() -> None:
    table = Table(page=1, top=200, bottom=300, rows=(
        ("Recommendation (2019)", "Progress"),
        ("The force should reduce the time detainees are held.", "Achieved"),
        ("The force should ensure that cells are free of ligature points.", "Not achieved"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(table,))) == []


def test_a_single_recommendation_under_its_own_heading_leaves_the_priority_list_alone() -> None:
    lines = [
        replace(ln, in_box=True)
        for ln in [
            line(1, 80, "Priority recommendations", bold=True),
            *paragraph(1, 100, "1 The force should review every detainee's risk assessment."),
            *paragraph(1, 115, "2 The force should stop holding children overnight in cells."),
        ]
    ] + [
        *paragraph(1, 150, "2.6 Leaders said that they needed better data on custody."),
        line(1, 175, "Recommendation", bold=True),
        *paragraph(1, 190, "The force should develop a framework of custody performance data."),
        *paragraph(1, 220, "3.4 Detainees were not always told how to complain."),
        line(1, 245, "Recommendation", bold=True),
        *paragraph(1, 260, "The force should tell every detainee how to complain before release."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2", None, None]


def test_a_bold_opening_sentence_ends_the_item_whatever_plain_text_runs_on() -> None:
    opening = line(1, 100, "The force should answer calls promptly. It should", bold=True)
    opening = replace(opening, bold_head=len("The force should answer calls promptly."))
    lines = [
        line(1, 80, "Areas for improvement", bold=True, size=13),
        opening,
        line(1, 115, "understand why it does not and plan to improve it."),
        line(1, 140, "The force should record a risk assessment for every call.", bold=True),
    ]
    lines[-1] = replace(lines[-1], bold_head=len(lines[-1].text), bold_tail=len(lines[-1].text))
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "The force should answer calls promptly.",
        "The force should record a risk assessment for every call.",
    ]


@pytest.mark.parametrize("kind", ["Urgent", "Interim", "Learning", "Policy", "National"])
def test_a_label_naming_its_own_kind_of_recommendation_labels_an_item(kind: str) -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=13),
        line(1, 100, f"{kind} recommendation 1. The Home Office should publish the guidance."),
        line(1, 120, f"{kind} recommendation 2. Forces should preserve all the footage."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]
    assert not label_ok(line(1, 100, "Previous recommendation 1: Forces should act."), BODY)


def test_a_number_alone_over_its_text_in_a_chapters_recommendations_panel_labels_it() -> None:
    panel = [
        line(1, 80, "Recommendations in this chapter", bold=True, x0=414),
        line(1, 100, "3.1", bold=True, x0=414),
        *paragraph(1, 115, "The force should cut the wait on its 101 line.", x0=414),
        line(1, 140, "3.2", bold=True, x0=414),
        *paragraph(1, 155, "The commissioner should publish attendance times.", x0=414),
    ]
    prose = paragraph(1, 80, "The force answered most calls quickly.", x0=48)
    prose += paragraph(1, 190, "Rural areas waited longest for officers.", x0=48)
    items = split_items(doc([*prose, *(replace(ln, in_box=True, column=1) for ln in panel)]))
    assert [(i.number, i.text.split()[1]) for i in items] == [
        ("3.1", "force"), ("3.2", "commissioner")
    ]  # fmt: skip
    assert section_kind("Recommendations in the 2019 review") is None


def test_a_glossary_with_example_wording_defines_the_kinds_and_holds_no_item() -> None:
    table = Table(page=1, top=200, bottom=300, rows=(
        ("Term", "Meaning", "Example wording in a report"),
        ("Cause of concern", "A serious shortcoming in the force's practice.",
         "'We have a cause of concern about …'"),
        ("Recommendation", "An action the force is asked to take to address a cause of concern.",
         "'Within three months, the force should …'"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(table,))) == []
    # the meaning column may say where the meaning holds
    table = replace(
        table, rows=(("Term", "Meaning in the tracker"), *(r[:2] for r in table.rows[1:]))
    )
    assert split_items(replace(doc([]), tables=(table,))) == []


@pytest.mark.parametrize("heading", ["Areas to focus on", "Focus areas", "Key areas for focus"])
def test_a_surveys_areas_to_focus_on_are_areas_for_improvement(heading: str) -> None:
    assert section_kind(heading) == "area_for_improvement"
    assert section_kind(f"{heading} last year") is None  # another time's, not this report's
    lines = [
        line(1, 60, heading, size=16.0, bold=True),
        line(1, 90, "1 Workload and wellbeing", bold=True),
        *paragraph(1, 110, "Take action to make workloads in response teams manageable."),
        line(1, 140, "2 Confidence to speak up", bold=True),
        *paragraph(1, 160, "Increase confidence that concerns will be acted on."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("area_for_improvement", "1"),
                                                   ("area_for_improvement", "2")]  # fmt: skip


def test_a_heading_naming_whose_recommendations_opens_their_section() -> None:
    for heading in ("Annex A: The inspection’s recommendations", "The panel's recommendations",
                    "Inspectors’ recommendations"):  # fmt: skip
        assert section_kind(heading) == "recommendation"
    assert section_kind("Progress on the inspection’s recommendations") is None
    # the group or panel writing the report, not another report's
    assert section_kind("7 Recommendations of the task and finish group") == "recommendation"
    assert section_kind("Recommendations of the panel") == "recommendation"
    assert section_kind("Recommendations of the Home Affairs Committee") is None
    assert section_kind("Recommendations of the 2019 review") is None


def test_a_heading_numbered_in_roman_numerals_or_letters_opens_its_section() -> None:
    assert section_kind("VI. CORONER’S CONCERNS") == "cause_of_concern"
    assert section_kind("Our asks in full") == "recommendation"
    assert section_kind("B. Recommendations") == "recommendation"
    assert section_kind("I. ADDRESSEES") is None


def test_a_tables_caption_and_a_trackers_count_of_open_items_open_no_section() -> None:
    assert section_kind("Table 1: Recommendations and areas for improvement by report") is None
    assert section_kind("3. Open recommendations and areas for improvement") is None
    assert section_kind("Recommendations and areas for improvement") == "recommendation"


def test_labels_under_a_heading_on_earlier_reports_items_quote_them() -> None:
    lines = [
        line(1, 60, "Progress on recommendations from the last report", size=14, bold=True),
        *paragraph(1, 90, "Recommendation: The force should stop holding detainees in vans."),
        *paragraph(1, 115, "Achieved. Vans now wait at the suite for no more than ten minutes."),
        line(1, 150, "Our findings this time", size=14, bold=True),
        *paragraph(1, 180, "Recommendation: The force should record every wait over an hour."),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == ["The force should record every wait over an hour."]


def test_issues_to_address_are_areas_for_improvement() -> None:
    assert section_kind("Issues to address") == "area_for_improvement"
    assert section_kind("2. Key issues to address") == "area_for_improvement"
    assert section_kind("Issues to address in the next plan and the budget") is None


def test_a_sections_introduction_counting_its_items_and_good_practice_are_no_items() -> None:
    lines = [
        line(1, 60, "What needs to improve at Northmoor", size=18, bold=True),
        *paragraph(1, 90, "We identified 6 concerns, 3 of which should be treated as priorities."),
        line(1, 130, "Notable positive practice", size=12.5, bold=True),
        *paragraph(1, 150, "• The homework club in the visits hall should be copied elsewhere."),
        line(1, 190, "Areas for improvement", size=12.5, bold=True),
        *paragraph(1, 210, "1. The force should review how it supervises rest day working."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("area_for_improvement", "1")]


def test_a_heading_naming_two_kinds_opens_a_list_of_the_first() -> None:
    assert section_kind("4. Recommendations and areas for improvement") == "recommendation"
    assert section_kind("Areas for improvement and recommendations") == "area_for_improvement"
    assert section_kind("Cause of concern and recommendations") == "cause_of_concern"


def test_a_page_reference_column_is_no_items_number() -> None:
    table = Table(page=1, top=200, bottom=300, rows=(
        ("Area for improvement", "Page reference"),
        ("The service should audit its high-risk premises every year.", "7"),
        ("The service should train more fire safety inspectors.", "12"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", None),
        ("area_for_improvement", None),
    ]


def test_asking_for_the_items_in_an_action_plan_is_not_one_of_them() -> None:
    lines = [
        line(1, 80, "Areas for improvement", bold=True, size=14),
        *paragraph(1, 110, "The table below lists the areas for improvement we identified. The",
                   "service should include each of them in its action plan."),
    ]  # fmt: skip
    table = Table(page=1, top=200, bottom=300, rows=(
        ("Area for improvement", "Pillar"),
        ("The service should audit its high-risk premises every year.", "Protection"),
        ("The service should train more fire safety inspectors.", "Protection"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [i.text.split()[:4] for i in items] == [
        ["The", "service", "should", "audit"],
        ["The", "service", "should", "train"],
    ]


def test_a_progress_table_rating_earlier_items_holds_no_item() -> None:
    lines = [
        line(1, 80, "Progress against our recommendations", bold=True, size=14),
        line(1, 110, "Recommendation 1: The force should audit its crime records."),
        line(1, 110, "Achieved", x0=420),
        line(1, 200, "Recommendations", bold=True, size=14),
        line(1, 220, "Recommendation 1", bold=True),
        *paragraph(1, 240, "The force should train every call handler in crime recording."),
    ]
    table = Table(page=1, top=100, bottom=130, rows=(
        ("2024 recommendation", "Status"),
        ("Recommendation 1: The force should audit its crime records.", "Achieved"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("1", "recording.")]


def test_a_follow_up_tables_column_asking_new_recommendation_holds_the_items() -> None:
    # earlier recommendations, their progress, and whether a new one is made: only the
    # filled cells of the question's column ask anything now
    table = Table(page=1, top=100, bottom=300, rows=(
        ("Previous recommendation (2022)", "Progress", "New recommendation?"),
        ("The force should audit its crime records.", "Achieved.", "No"),
        ("The force should train call handlers.", "Not achieved.",
         "The force should train every call handler by March 2027."),
    ))  # fmt: skip
    lines = [
        line(1, 80, "Progress since our last visit", bold=True, size=14),
        *paragraph(1, 320, "We will return next year to check what has changed."),
    ]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [i.text for i in items] == ["The force should train every call handler by March 2027."]


def test_a_tracker_whose_dates_were_revised_follows_earlier_items_and_makes_none() -> None:
    # dates put back mean the rows were made before; only the recommendations below are new
    table = Table(page=1, top=100, bottom=200, rows=(
        ("Ref", "Recommendation (summary)", "Owner", "Original date", "Revised date"),
        ("IA 24/03", "Introduce a fleet utilisation report.", "Head of Fleet", "31/03/2025",
         "31/12/2025"),
    ))  # fmt: skip
    lines = [
        line(1, 80, "Audit recommendations tracker", bold=True, size=14),
        line(1, 110, "Introduce a fleet utilisation report."),
        line(1, 230, "Recommendations", bold=True, size=14),
        line(1, 250, "R1 The force should move all seized cash to the central safe."),
    ]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("R1", "safe.")]


def test_a_plan_whose_first_column_holds_the_inspections_recommendations_gives_those() -> None:
    def plan(header: str) -> list[Item]:
        table = Table(page=1, top=100, bottom=300, rows=(
            (header, "Action", "Lead", "Date"),
            ("1. The board should agree an escalation route.", "Protocol drafted",
             "Chair", "Jan 2026"),
            ("", "Protocol agreed by the board", "Chair", "Mar 2026"),
            ("2. The service should audit its plans.", "Monthly audit", "Lead", "Ongoing"),
        ))  # fmt: skip
        lines = [line(1, 80, "Post-inspection action plan", bold=True, size=14)]
        return split_items(replace(doc(lines), tables=(table,)))

    items = plan("Recommendation from inspection")
    assert [(i.kind, i.number, i.deadline) for i in items] == [
        ("recommendation", "1", None),  # the plan's dates are its own, not the item's
        ("recommendation", "2", None),
    ]
    # an earlier report's recommendations, followed up: the plan's actions are what is new
    assert all(i.kind == "action" for i in plan("Recommendation from 2022 report"))


def test_recommendations_headed_with_their_action_plan_are_a_section_a_plan_alone_is_not() -> None:
    assert section_kind("Recommendations and action plan") == "recommendation"
    # those made over a span of years are a record of earlier ones
    assert section_kind("Recommendations we have made, 2021 to 2025") is None
    assert section_kind("Action plan") is None
    assert section_kind("Progress against the action plan") is None


def test_a_heading_over_recommendations_not_made_opens_no_section() -> None:
    assert section_kind("Submissions and recommendations not made") is None
    assert section_kind("Submissions and recommendations") == "recommendation"


def test_an_action_plan_table_answering_a_recommendation_is_no_part_of_its_text() -> None:
    # each recommendation is followed by its row of the plan: response, owner, date
    lines = [
        line(1, 80, "Recommendations and action plan", bold=True, size=14),
        *paragraph(1, 110, "1. The Governor should make sure that night checks are recorded."),
        line(1, 140, "Accepted"),
        line(1, 140, "Checks will be audited each month.", x0=200),
        *paragraph(1, 200, "2. The Head of Healthcare should review every death in custody."),
    ]
    table = Table(page=1, top=130, bottom=160, rows=(
        ("Accepted / Not accepted", "Response", "Target date"),
        ("Accepted", "Checks will be audited each month.", "Completed"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.text) for i in items] == [
        ("1", "The Governor should make sure that night checks are recorded."),
        ("2", "The Head of Healthcare should review every death in custody."),
    ]


def test_priority_concerns_numbered_on_by_the_areas_for_improvement_are_items() -> None:
    lines = [
        line(1, 80, "Priority concerns and recommendations", bold=True, size=14),
        *paragraph(1, 110, "1. The force did not oversee its use of force in custody."),
        line(1, 128, "Recommendation: The force should record all use of force accurately.", x0=92),
        *paragraph(1, 150, "2. Detainees waited too long for mental health assessments."),
        line(
            1, 168, "Recommendation: The force should agree faster assessments with health.", x0=92
        ),
        line(1, 200, "Areas for improvement", bold=True, size=14),
        *paragraph(1, 230, "3. The force should improve the data it collects on custody."),
        *paragraph(1, 250, "4. The force should give detainees leaving custody advice on support."),
    ]
    items = split_items(doc(lines))
    assert sorted((i.kind, i.number or "") for i in items) == [
        ("area_for_improvement", "3"),
        ("area_for_improvement", "4"),
        ("cause_of_concern", "1"),
        ("cause_of_concern", "2"),
        ("recommendation", ""),
        ("recommendation", ""),
    ]


def test_an_entry_carried_over_to_the_next_pages_left_margin_stays_whole() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(
            1, 700, "21. Commissioners should hold their chief constables to account, and", x0=313
        ),
        line(2, 70, "publish a summary of progress within 12 months.", x0=78),
        line(2, 100, "How we will monitor progress", bold=True, size=12),
    ]
    [item] = split_items(doc(lines))
    assert item.text.endswith("and publish a summary of progress within 12 months.")


def test_findings_that_recommendations_elsewhere_answer_are_not_items() -> None:
    lines = [
        line(1, 80, "What needs to improve at HMP Eastfold", bold=True, size=14),
        *paragraph(1, 110, "We identified the following key concerns, which are the subject of",
                   "our main recommendations in section 7:"),
        *paragraph(1, 150, "• too many prisoners spent most of the day in their cells;", x0=80),
        *paragraph(1, 165, "• call bells were not answered quickly enough.", x0=80),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_government_response_keeps_the_recommendation_not_the_response() -> None:
    lines = [
        line(1, 80, "Recommendation 3", bold=True, size=13),
        *paragraph(
            1, 110, "The department should publish data on waiting times every quarter.", x0=80
        ),
        line(1, 160, "Government response to recommendation 3", bold=True),
        *paragraph(1, 180, "The government accepts this recommendation and will publish data."),
    ]
    [item] = split_items(doc(lines))
    assert item.text == "The department should publish data on waiting times every quarter."


def test_committee_conclusions_keep_only_paragraphs_that_recommend() -> None:
    lines = [
        line(1, 80, "CHAPTER 8: CONCLUSIONS AND RECOMMENDATIONS", bold=True),
        line(1, 110, "Evidence and evaluation", bold=True),
        *paragraph(1, 130, "8.1. The evidence we heard was mixed and often out of date."),
        *paragraph(1, 170, "8.2. We recommend that the Government publish its evaluations."),
        *paragraph(1, 210, "8.3. Departments should share the data they hold with researchers."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["8.2", "8.3"]


def test_to_the_body_lines_name_who_the_items_are_for() -> None:
    lines = [
        line(1, 80, "Actions", bold=True, size=14),
        line(1, 110, "Action 1", bold=True),
        *paragraph(1, 130, "To the College of Policing"),
        *paragraph(1, 160, "Update the guidance on stalking within six months."),
    ]
    [item] = split_items(doc(lines))
    assert (item.kind, item.number, item.responsible) == ("action", "1", "the College of Policing")
    assert item.text == "Update the guidance on stalking within six months."


@pytest.mark.parametrize(
    ("to_line", "responsible"),
    [
        ("To chief constables", "chief constables"),
        ("To Northmoor Constabulary", "Northmoor Constabulary"),
        ("To review and assess the plans for a pandemic", None),
        ("To provide a clear line of accountability across departments", None),
    ],
)
def test_a_to_line_names_a_body_not_a_purpose(to_line: str, responsible: str | None) -> None:
    lines = [
        line(1, 80, "Actions", bold=True, size=14),
        line(1, 110, "Action 1", bold=True),
        *paragraph(1, 130, to_line),
        *paragraph(1, 160, "Update the guidance on stalking within six months."),
    ]
    [item] = split_items(doc(lines))
    assert item.responsible == responsible


def test_a_numbered_to_heading_names_whom_the_numbered_items_under_it_are_for() -> None:
    lines = [
        line(1, 60, "5. Recommendations", bold=True, size=14),
        line(1, 90, "5.1 To the Government of Istravia", bold=True),
        *paragraph(1, 110, "1. Adopt a national strategy for community policing by 2031."),
        *paragraph(1, 130, "2. Fund the oversight commission for five years at a time."),
        line(1, 160, "5.2 To the National Assembly", bold=True),
        *paragraph(1, 180, "3. Pass the draft law on the oversight commission this year."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.responsible) for i in items] == [
        ("1", "the Government of Istravia"),
        ("2", "the Government of Istravia"),
        ("3", "the National Assembly"),
    ]


def test_a_paragraph_announcing_the_asks_listed_under_it_makes_them_items() -> None:
    lines = [
        line(1, 60, "Weekly bulletin", size=20, bold=True),
        *paragraph(1, 90, "The report makes six recommendations. The two for chief constables",
                   "are:"),
        line(1, 125, "– By 31 May 2031, chief constables should give officers mental health",
             x0=80),
        line(1, 140, "advice at any time of the day or night.", x0=92),
        line(1, 155, "– Chief constables should record every use of section 136.", x0=80),
        *paragraph(1, 185, "Other bodies' recommendations to the inquiry are:"),
        line(1, 205, "• INQUEST proposed that there should be a national oversight body.", x0=80),
        *paragraph(1, 235, "In 2029 the branch made the following recommendation to the CAA:"),
        line(1, 255, "Safety Recommendation 2029-031: It is recommended that the CAA reviews "
             "its guidance.", x0=90),
        *paragraph(1, 285, "The IOPC found no case to answer, but made a learning recommendation"),
        *paragraph(1, 300, "to the force:"),
        line(1, 320, "Eastfield Police should record why each welfare check was graded.", x0=90),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.text.split()[0], i.lead_in) for i in items] == [
        ("By", "The two for chief constables are:"),
        ("Chief", "The two for chief constables are:"),
        (
            "Eastfield",
            "The IOPC found no case to answer, but made a learning recommendation to the force:",
        ),
    ]
    # beside a report's own labelled list, such a list is its restatement: no items of its own
    labelled = [
        line(2, 60, "Recommendation 1", bold=True),
        *paragraph(2, 80, "The force should publish its custody data every month."),
    ]
    assert [i.page_start for i in split_items(doc([*lines, *labelled]))] == [2]


def test_a_heading_in_the_body_font_still_opens_a_list_of_items() -> None:
    lines = [
        *paragraph(1, 60, "The review considered how forces respond to calls from the public."),
        line(1, 100, "Recommendations"),
        *paragraph(1, 125, "1. Forces should answer emergency calls within ten seconds."),
        *paragraph(1, 150, "2. The Home Office should fund more call handlers in each region."),
    ]
    assert found(split_items(doc(lines))) == [
        ("recommendation", "1", None, 1),
        ("recommendation", "2", None, 1),
    ]
    # A short body-font line that names no section of items opens nothing.
    plain = [lines[0], line(1, 100, "Call handling"), *lines[2:]]
    assert split_items(doc(plain)) == []


def test_a_roman_numbered_list_keeps_every_entry() -> None:
    entries = [
        "i. Forces should answer emergency calls within ten seconds.",
        "ii. The Home Office should fund more call handlers in each region.",
        "iii. The College of Policing should publish guidance on call grading.",
        "iv. The NPCC should agree a national standard for call handling.",
        "v. Forces should publish their call handling data every quarter.",
        "vi. Chief constables should report their progress every year.",
    ]
    lines = [line(1, 60, "Recommendations", bold=True), *paragraph(1, 90, *entries)]
    texts = [item.text for item in split_items(doc(lines))]
    assert texts == [e.split(" ", 1)[1] for e in entries]


def test_a_response_restating_numbered_concerns_takes_each_concern_as_an_item() -> None:
    # a body answering a coroner restates each concern under its own label, then answers it
    pairs = (
        ("Coroner's concern 1", "Call handlers could not see the child's earlier episodes."),
        ("Matter of concern 2", "No supervisor reviewed the risk grading of the report overnight."),
    )
    lines = [line(1, 60, "Matters of concern and our response", bold=True, size=13)]
    for k, (label, concern) in enumerate(pairs):
        top = 90 + 110 * k
        lines += [line(1, top, label, bold=True), line(1, top + 20, concern)]
        lines += [line(1, top + 50, "Our response", bold=True)]
        lines += paragraph(1, top + 70, "The procedure was changed in August and staff were told.")
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text.split()[0]) for i in items] == [
        ("cause_of_concern", "1", "Call"),
        ("cause_of_concern", "2", "No"),
    ]


def test_a_bodys_numbered_commitments_in_answer_to_a_report_are_its_actions() -> None:
    lines = [line(1, 60, "Our commitments", bold=True, size=13)]
    for k, promise in enumerate(("We will audit every case.", "We will train every officer.")):
        lines += [line(1, 90 + 50 * k, f"Commitment {k + 1}", bold=True, x0=90)]
        lines += [line(1, 110 + 50 * k, promise, x0=90)]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")]


def test_an_unnumbered_label_run_into_its_text_opens_an_item() -> None:
    lines = [
        line(1, 60, "1. Information sharing", bold=True),
        *paragraph(
            1,
            90,
            "Recommendation: The Home Office should publish a protocol for sharing",
            bold=True,
        ),
        *paragraph(1, 105, "information with the media during disorder.", bold=True),
        line(1, 130, "Response:", bold=True),
        *paragraph(1, 150, "The government accepts this recommendation and will publish it."),
        line(1, 190, "2. Mutual aid", bold=True),
        *paragraph(
            1, 220, "Recommendation: Forces should agree how mutual aid is paid for.", bold=True
        ),
        line(1, 245, "Response:", bold=True),
        *paragraph(1, 265, "Accepted in principle."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        (
            None,
            "The Home Office should publish a protocol for sharing information with the media "
            "during disorder.",
        ),
        (None, "Forces should agree how mutual aid is paid for."),
    ]
    # Narrative that mentions a recommendation in lower case is not a label.
    prose = [*paragraph(1, 90, "recommendation: see the annex for the full wording of each.")]
    assert split_items(doc(prose)) == []


def test_a_summary_of_conclusions_and_recommendations_keeps_only_what_asks() -> None:
    lines = [
        line(1, 60, "Summary of conclusions and recommendations", size=14, bold=True),
        line(1, 90, "Call handling", bold=True),
        *paragraph(
            1, 110, "1. Demand on control rooms has risen and calls wait too long. (Paragraph 12)"
        ),
        *paragraph(
            1, 140, "2. The Government should fund a review of call handling. (Paragraph 15)"
        ),
        line(1, 170, "Victims", bold=True),
        *paragraph(
            1, 190, "3. Victims told us they were rarely updated on their cases. (Paragraph 22)"
        ),
        *paragraph(
            1, 215, "4. The Home Office should require forces to publish updates. (Paragraph 25)"
        ),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["2", "4"]


def test_a_narrative_lead_in_opens_a_hanging_list() -> None:
    lines = [
        *paragraph(
            1,
            60,
            "During the review we spoke to officers and victims. Based on what we found,",
            "we make the following recommendations to the force:",
        ),
        *paragraph(
            1, 100, "1.   The force should review its supervision of investigations.", x0=100
        ),
        *paragraph(1, 125, "2.   The force should improve how it records victim needs.", x0=100),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]
    told = [*paragraph(1, 60, "Last year we made the following recommendations to the force:")]
    assert split_items(doc([*told, *lines[2:]])) == []


def test_a_closing_numbered_list_is_the_definitive_printing_of_labelled_paragraphs() -> None:
    ask = "The Government should publish a formal response to the inspection within a year."
    other = "Forces should agree how the cost of mutual aid is shared between them."
    lines = [
        line(1, 60, "recommendation", bold=True),
        *paragraph(1, 80, ask),
        line(1, 120, "recommendation", bold=True),
        *paragraph(1, 140, other),
        line(2, 60, "Conclusions and recommendations", size=16, bold=True),
        *paragraph(2, 90, f"3. {ask} (Recommendation, Paragraph 40)"),
        *paragraph(2, 120, f"5. {other} (Recommendation, Paragraph 52)"),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("3", 2), ("5", 2)]


def test_lettered_asks_of_different_bodies_after_we_recommend_that_are_items() -> None:
    lines = [
        line(1, 60, "Recommendation 1", bold=True),
        *paragraph(1, 80, "To protect victims of stalking, we recommend that:"),
        *paragraph(1, 100, "a) chief constables should review every open case;", x0=90),
        *paragraph(1, 120, "b) the Home Office should fund specialist advocates.", x0=90),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.parent, i.lead_in) for i in items] == [
        ("1a", "1", "To protect victims of stalking, we recommend that:"),
        ("1b", "1", "To protect victims of stalking, we recommend that:"),
    ]
    # Principles listed after a complete sentence stay inside their recommendation.
    principles = [
        line(1, 60, "Recommendation 1", bold=True),
        *paragraph(1, 80, "We recommend that agreements follow these principles:"),
        *paragraph(1, 100, "a) the Government should say what it expects of businesses;", x0=90),
        *paragraph(1, 120, "b) agreements should be evaluated independently.", x0=90),
    ]
    assert [i.number for i in split_items(doc(principles))] == ["1"]


def test_a_numbered_title_over_the_same_number_only_heads_it() -> None:
    lines = [
        line(1, 60, "Responses to the recommendations", size=14, bold=True),
        line(1, 90, "1) Independent oversight", bold=True),
        *paragraph(1, 110, "1. The Home Office should create a body to oversee custody deaths."),
        *paragraph(1, 135, "This recommendation is accepted in full and work has begun."),
        line(1, 170, "2) Training", bold=True),
        *paragraph(1, 190, "2. The College of Policing should revise custody training."),
        *paragraph(1, 215, "The Government accepts this recommendation."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("1", "The Home Office should create a body to oversee custody deaths."),
        ("2", "The College of Policing should revise custody training."),
    ]


def test_a_numbered_title_over_its_own_sub_items_only_heads_them() -> None:
    lines = [
        line(1, 60, "Matters of concern", size=14, bold=True),
        *paragraph(1, 90, "1. The control room had no live picture of the traffic or the route."),
        line(1, 120, "2. Training of pursuit drivers"),
        *paragraph(1, 140, "2.1 The lead driver's qualification had lapsed eleven weeks before."),
        *paragraph(1, 165, "2.2 A backlog of refresher courses has built up since 2021."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"),
        ("cause_of_concern", "2.1"),
        ("cause_of_concern", "2.2"),
    ]


def test_titles_at_two_levels_over_the_third_levels_items_only_head_them() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14, bold=True),
        line(1, 90, "1 Recognising coercive control"),
        line(1, 110, "1.1 Westdale Police"),
        *paragraph(1, 130, "1.1.1 Westdale Police should train call handlers to spot control."),
        line(1, 160, "1.2 Westdale Hospitals NHS Trust"),
        *paragraph(1, 180, "1.2.1 The Trust should ask about abuse at every antenatal visit."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1.1.1", "1.2.1"]


def test_a_number_alone_under_a_heading_labels_the_text_below_it() -> None:
    lines = [
        line(1, 60, "Cause of concern 1", bold=True),
        *paragraph(1, 75, "Detainees at risk of self-harm were not always protected in cells."),
        line(1, 110, "Recommendations", bold=True),
        line(1, 125, "1.1", bold=True),
        *paragraph(1, 140, "The force should immediately remove the ligature points in its cells."),
        line(1, 165, "1.2", bold=True),
        *paragraph(1, 180, "The force should make sure that detainees are observed as assessed."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"),
        ("recommendation", "1.1"),
        ("recommendation", "1.2"),
    ]


def test_a_correction_saying_what_a_recommendation_should_read_labels_the_new_text() -> None:
    lines = [
        *paragraph(1, 60, "The published text of recommendation 4 named the wrong body."),
        line(1, 90, "Recommendation 4 should read:", bold=True),
        *paragraph(1, 110, "By 31 October 2031, chief constables should train staff.", x0=90),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["4"]
    assert items[0].text.startswith("By 31 October 2031, chief constables should train")


def test_a_table_of_matters_of_concern_gives_each_row_and_its_recipient() -> None:
    rows = (
        ("No.", "Matter of concern", "Directed to"),
        ("1", "Officers could not see earlier risk assessments of the same couple.", "The force"),
        ("2", "No national standard sets how many cases a conference may hear.", "Home Office"),
    )
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number, i.responsible) for i in items] == [
        ("cause_of_concern", "1", "The force"),
        ("cause_of_concern", "2", "Home Office"),
    ]


def test_a_section_heading_repeated_atop_each_page_keeps_its_first_printing() -> None:
    lines: list[Line] = []
    for page in range(1, 6):
        lines.append(line(page, 40, "Northmoor inspection report", size=8))  # running header
        if page >= 2:
            lines.append(line(page, 70, "Recommendations", size=14, bold=True))
            lines += paragraph(
                page, 120, f"{page - 1}. The force should act on finding number {page - 1}."
            )
        else:
            lines += paragraph(page, 120, "The inspection looked at how the force works.")
    kept = remove_furniture(lines, (842.0,) * 5)
    texts = [(ln.page, ln.text) for ln in kept]
    assert (2, "Recommendations") in texts  # the section's heading
    assert not any(t == "Recommendations" for p, t in texts if p > 2)  # its repeats
    assert not any("Northmoor inspection report" in t for _, t in texts)
    items = split_items(doc(kept, pages=5))
    assert [i.number for i in items] == ["1", "2", "3", "4"]


@pytest.mark.parametrize(("pages", "dropped"), [(3, True), (2, False)])
def test_a_letter_running_line_after_its_letterhead_is_furniture(pages: int, dropped: bool) -> None:
    lines: list[Line] = []
    for page in range(1, pages + 1):
        if page >= 2:
            lines.append(line(page, 40, "Northmoor Constabulary: a letter", size=8))
        lines += paragraph(page, 120, "The inspection looked at how the force works.")
    kept = remove_furniture(lines, (842.0,) * pages)
    # three pages: twice at one height is a running line; two pages: too little to tell
    assert any("a letter" in ln.text for ln in kept) is not dropped


@pytest.mark.parametrize("rise", [0.0, 1.5])  # a number set in other type sits a little higher
def test_contents_entries_with_page_numbers_flush_right_are_dropped(rise: float) -> None:
    lines = [line(2, 70, "Contents", size=14, bold=True)]
    for k, (entry, page) in enumerate(
        [("Foreword", 3), ("Summary of recommendations", 4), ("1. Demand", 6), ("2. Victims", 9)]
    ):
        lines.append(line(2, 100 + 20 * k, entry))
        lines.append(replace(line(2, 100 + 20 * k + rise, str(page)), x0=520.0, x1=530.0))
    lines += paragraph(3, 100, "The inspection looked at how the force works.")
    kept = drop_contents(lines)
    assert [ln.text for ln in kept] == ["Contents", "The inspection looked at how the force works."]


def test_numbers_that_go_down_are_a_table_not_contents() -> None:
    lines = []
    for k, (entry, count) in enumerate([("Burglary", 90), ("Robbery", 40), ("Theft", 12)]):
        lines.append(line(2, 100 + 20 * k, entry))
        lines.append(replace(line(2, 100 + 20 * k, str(count)), x0=520.0, x1=530.0))
    assert drop_contents(lines) == lines


def test_a_bare_label_in_a_panel_does_not_take_the_text_below_the_panel() -> None:
    boxed = [
        replace(ln, in_box=True)
        for ln in [
            line(2, 100, "Recommendation 2", bold=True),
            *paragraph(2, 120, "The Home Office should fund the custody service."),
            line(2, 140, "Recommendation 1", x0=110),  # a reference at the panel's foot
        ]
    ]
    below = paragraph(2, 170, "The government agrees with the need for better custody care.")
    items = split_items(doc([*boxed, *below]))
    assert [(i.number, i.text) for i in items] == [
        ("2", "The Home Office should fund the custody service.")
    ]


def test_a_label_at_a_page_foot_skips_the_reference_heading_the_next_page() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True, size=13),
        line(1, 780, "Recommendation 6", bold=True),
        line(2, 40, "CoP/HMI/25/044", x0=480, size=8),
        *paragraph(2, 70, "The College should commission an evaluation of the footage."),
        line(2, 95, "We accept this recommendation.", bold=True),
    ]
    [item] = split_items(doc(lines))
    assert (item.number, item.text) == (
        "6",
        "The College should commission an evaluation of the footage.",
    )


def test_a_label_in_a_shaded_bar_over_the_ask_below_it_labels_that_ask() -> None:
    lines = [
        line(1, 80, "Recommendations and the force's response", bold=True, size=13),
        replace(line(1, 100, "Recommendation 1 (for chief constables)", bold=True), in_box=True),
        *paragraph(1, 118, "Chief constables should audit every strip-search in custody.", x0=84),
        line(1, 140, "Harrowfield Police response", bold=True),
        *paragraph(1, 155, "The force began its first audit in April."),
    ]
    [item] = split_items(doc(lines))
    assert (item.number, item.text) == (
        "1",
        "Chief constables should audit every strip-search in custody.",
    )


@pytest.mark.parametrize("owner", ["Responsible body", "Owner", "Organisation", "Organization"])
def test_an_owner_column_is_found_by_its_header(owner: str) -> None:
    from extractors.item_tables import table_layout

    layout = table_layout(["No.", "Recommendation", owner, "Response due"])
    assert layout is not None
    assert layout.responsible == 2


def test_items_numbered_alike_at_one_height_in_a_short_document_are_not_furniture() -> None:
    lines = [
        line(page, 40, f"{3 * page - 2}. The force should review how it handles calls.")
        for page in (1, 2, 3)
    ]
    kept = remove_furniture(lines, (842.0,) * 3)
    assert [ln.text[:2] for ln in kept] == ["1.", "4.", "7."]


def test_small_print_atop_a_page_repeating_an_earlier_heading_is_a_running_head() -> None:
    lines = [
        line(1, 60, "Recommendation 1", size=8),  # a panel's small label, named in full later
        *paragraph(1, 100, "The force should review how it records the use of force."),
        line(2, 30, "Section 2. Care", size=8),  # the section's running head
        line(2, 70, "Section 2. Care", size=16, bold=True),
        *paragraph(2, 110, "Most children told us that staff treated them with respect."),
        line(3, 30, "Section 2. Care", size=8),
        *paragraph(3, 110, "Key workers met children regularly, though not every week."),
        line(4, 70, "Recommendation 1", size=12, bold=True),
    ]
    kept = remove_furniture(lines, (842.0,) * 4)
    assert [(ln.page, ln.text) for ln in kept if ln.size < 9] == [(1, "Recommendation 1")]


def test_a_label_atop_each_slide_is_the_items_not_furniture_and_continued_goes_on() -> None:
    lines: list[Line] = []
    for page in range(1, 7):
        lines.append(line(page, 26, "Regional custody forum", size=8))  # running line
        number = min(page, 5)
        label = f"Recommendation {number}" + (" (continued)" if page == 6 else "")
        lines.append(line(page, 50, label, size=20, bold=True))
        lines += paragraph(page, 120, f"The force should act on finding number {page}.")
    kept = remove_furniture(lines, (540.0,) * 6)
    assert not any("forum" in ln.text for ln in kept)
    items = split_items(doc(kept, pages=6))
    assert [(i.number, i.page_start, i.page_end) for i in items] == [
        ("1", 1, 1), ("2", 2, 2), ("3", 3, 3), ("4", 4, 4), ("5", 5, 6)
    ]  # fmt: skip
    assert items[-1].text.endswith("number 5. The force should act on finding number 6.")


@pytest.mark.parametrize(
    ("wrapped", "numbers"),
    [
        ("30 September 2027, and report on it.", ["1", "2"]),  # a date carried over: entry 1
        ("28 and 29 of the regulations.", ["1", "2"]),
        ("(41) and the smaller forces (38).", ["1", "2"]),  # a count in brackets
        ("30 Forces should also report on it.", ["1", "30", "2"]),  # a capital: entry 30
    ],
)
def test_a_line_opening_with_a_number_may_carry_on_the_sentence_above(
    wrapped: str, numbers: list[str]
) -> None:
    lines = [
        line(1, 100, "Recommendations", bold=True),
        *paragraph(1, 125, "1. Forces should agree a written protocol by", wrapped),
        *paragraph(1, 170, "2. The Home Office should fund more call handlers in each region."),
    ]
    assert [i.number for i in split_items(doc(lines))] == numbers


@pytest.mark.parametrize(
    ("heading", "responsible"),
    [
        ("For chief constables", "chief constables"),
        ("For the Home Office", "the Home Office"),
        ("For the future", None),
        ("For victims of crime", None),
    ],
)
def test_a_for_heading_names_the_body_its_items_are_for(
    heading: str, responsible: str | None
) -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, heading, bold=True, size=12),
        *paragraph(1, 130, "1. By March 2027, review how interviews are booked."),
        *paragraph(1, 160, "2. Publish the results of the review."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2"]
    assert [i.responsible for i in items] == [responsible, responsible]


def test_a_table_of_learning_recommendations_names_each_rows_recipient() -> None:
    rows = (
        ("Learning recommendation", "Recipient"),
        ("Review the guidance on restraint in a mental health crisis.", "WP"),
        ("Make sure control rooms can see recent contact with health services.", "WP, EC"),
    )
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.responsible) for i in items] == [
        ("recommendation", "WP"),
        ("recommendation", "WP, EC"),
    ]


def test_a_label_opening_a_table_cell_gives_the_rows_kind_and_number() -> None:
    rows = (
        ("Recommendation", "Response and action"),
        ("Recommendation 1 The force should answer calls within ten seconds.", "Agreed."),
        ("Area for improvement 2 The force should record ethnicity in searches.", "Done."),
    )
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number, i.text) for i in items] == [
        ("recommendation", "1", "The force should answer calls within ten seconds."),
        ("area_for_improvement", "2", "The force should record ethnicity in searches."),
    ]
    numbered = (
        ("Recommendation", "Action"),
        ("3. The trust should audit triage.", "Audit set up."),
    )
    [item] = split_items(replace(doc([]), tables=(Table(1, 100, 200, numbered),)))
    assert (item.number, item.text) == ("3", "The trust should audit triage.")


def test_a_row_left_open_at_a_pages_foot_reads_its_text_from_the_page() -> None:
    header = ("No.", "Recommendation")
    first = Table(page=1, top=500, bottom=760, rows=(
        header,
        ("1", "By May 2027, the agency should publish a national data standard."),
        ("2", ""),  # its lower rule is on the next page: the text cell came out empty
    ))  # fmt: skip
    rest = Table(page=2, top=60, bottom=200, rows=(
        header,
        ("", "• that missing episodes are published by force every year."),
        ("3", "Forces should train every call handler to assess risk."),
    ))  # fmt: skip
    lines = [
        line(1, 520, "1 By May 2027, the agency should publish a national data standard."),
        line(1, 700, "2 By June 2027, the Home Office should make sure:"),
        line(1, 715, "• that forces use the same categories;", x0=90),
    ]
    items = split_items(replace(doc(lines), tables=(first, rest)))
    assert [(i.number, i.text) for i in items] == [
        ("1", "By May 2027, the agency should publish a national data standard."),
        (
            "2",
            "By June 2027, the Home Office should make sure: • that forces use the same "
            "categories; • that missing episodes are published by force every year.",
        ),
        ("3", "Forces should train every call handler to assess risk."),
    ]


def test_a_summary_table_of_items_and_pages_keeps_each_row_whole() -> None:
    lines = [
        line(1, 80, "Summary of areas for improvement", bold=True, size=16),
        line(1, 130, "Area for improvement", x0=77, bold=True),
        line(1, 130, "Page", x0=468, bold=True),
        line(1, 150, "The force should make sure it complies with the", x0=77),
        line(1, 162, "victims' code in every case.", x0=77),
        line(1, 162, "4", x0=468),  # the page number level with the row's last line
        line(1, 190, "The force should answer the calls to its", x0=77),
        line(1, 202, "non-emergency number more promptly.", x0=77),
        line(1, 202, "5", x0=468),
        line(1, 230, "The force should plan its workforce for future demand.", x0=77),
        line(1, 230, "6", x0=468),
    ]
    assert [i.text for i in split_items(doc(lines))] == [
        "The force should make sure it complies with the victims' code in every case.",
        "The force should answer the calls to its non-emergency number more promptly.",
        "The force should plan its workforce for future demand.",
    ]


def test_a_header_pair_over_no_table_leaves_the_lines_under_it_to_the_section() -> None:
    lines = [
        line(1, 80, "Summary of areas for improvement", bold=True, size=16),
        line(1, 130, "Area for improvement", x0=77, bold=True),
        line(1, 130, "Page", x0=468, bold=True),
        line(1, 150, "The force should comply with the victims' code.", x0=77),
        # running text across both columns: the pair headed no table
        line(1, 180, "The force should make sure that the calls made to its non-emergency"
             " number are answered much sooner.", x0=77),
    ]  # fmt: skip
    texts = [i.text for i in split_items(doc(lines))]
    assert texts[0] == "The force should comply with the victims' code."


def test_a_kind_heading_beside_a_paragraphs_last_line_in_the_next_column_heads_no_table() -> None:
    lines = [
        line(1, 100, "Area for improvement", bold=True, size=BODY + 0.5),
        line(1, 120, "The unit should evaluate the outcomes of its work."),
        line(1, 150, "2. Supporting investigations", bold=True, size=BODY + 3),
        line(1, 170, "We reviewed a sample of records and spoke to staff at all ranks."),
        line(1, 185, "Leaders told us they understood the scale of the challenge."),
        # the next column's paragraph ends level with the heading
        replace(line(1, 100, "changes of personnel.", x0=330), column=1),
    ]
    texts = [i.text for i in split_items(doc(lines))]
    assert texts == ["The unit should evaluate the outcomes of its work."]


def test_a_row_left_open_beside_its_owner_reads_its_text_from_the_page() -> None:
    header = ("Agency", "Recommendation", "Findings")
    first = Table(page=1, top=480, bottom=760, rows=(
        header,
        ("Westvale Council", "1. The council should publish a hoarding protocol.", "F1"),
        ("Westvale Health Trust", "", ""),  # its lower rule is on the next page
    ))  # fmt: skip
    rest = Table(page=2, top=60, bottom=200, rows=(
        header,
        ("", "and to any other agency involved.", ""),
        ("Westvale Police", "3. The police should share welfare concerns every time.", "F5"),
    ))  # fmt: skip
    lines = [
        line(1, 482, "Agency", x0=57, bold=True),
        line(1, 482, "Recommendation", x0=221, bold=True),
        line(1, 482, "Findings", x0=600, bold=True),
        line(1, 700, "Westvale Health", x0=57),
        line(1, 700, "2. The trust should review its discharge policy and tell the GP", x0=221),
        line(1, 700, "F3", x0=600),
        line(1, 713, "Trust", x0=57),
    ]
    items = split_items(replace(doc(lines), tables=(first, rest)))
    assert [(i.number, i.text) for i in items] == [
        ("1", "The council should publish a hoarding protocol."),
        ("2", "The trust should review its discharge policy and tell the GP and to any other agency"
         " involved."),
        ("3", "The police should share welfare concerns every time."),
    ]  # fmt: skip


def test_an_entry_of_a_word_or_two_is_a_heading_not_an_item() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 110, "1. Overview", bold=True, size=12),
        *paragraph(1, 140, "2. Forces should answer emergency calls within ten seconds."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["2"]


def test_prose_back_at_the_lead_ins_margin_ends_its_bulleted_list() -> None:
    lines = [
        *paragraph(1, 80, "To put this right, we recommend that by 30 June 2031 the service:"),
        *paragraph(1, 100, "• audits every high-risk building on its register;", x0=80),
        *paragraph(1, 120, "• trains enough inspectors to keep up with the audits.", x0=80),
        line(1, 150, "Eastfield revisit letter (continued)", size=7.5),  # a running line
        *paragraph(1, 170, "• reports its progress to the fire authority each quarter.", x0=80),
        *paragraph(1, 200, "I am sending a copy to the chair of the fire authority, who should"),
        *paragraph(1, 215, "see how the service answers this letter."),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[0] for i in items] == ["audits", "trains", "reports"]


@pytest.mark.parametrize("mark", ["»", "–", "—", "›"])
def test_a_list_marked_with_guillemets_or_dashes_is_a_bulleted_list(mark: str) -> None:
    lines = [
        line(1, 80, "What we recommend", bold=True, size=12),
        *paragraph(
            1, 100, f"{mark} Chief fire officers should review their wildfire plans.", x0=80
        ),
        *paragraph(1, 120, f"{mark} The Home Office should fund specialist vehicles.", x0=80),
        *paragraph(1, 150, "We will report on progress next year."),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[0] for i in items] == ["Chief", "The"]
    assert section_kind("What we found") is None  # a panel's heading that asks nothing
    if mark in "»›":
        return
    # a dash run into a figure is no mark ("–20% since last year")
    figures = [
        line(1, 80, "Recommendations", bold=True, size=13),
        *paragraph(1, 100, "1. The force should cut the time callers wait on the phone.", x0=80),
        *paragraph(1, 115, f"{mark}20% since last year, the force says.", x0=80),
    ]
    [item] = split_items(doc(figures))
    assert item.text.endswith(f"{mark}20% since last year, the force says.")


def test_commentary_back_at_an_items_title_margin_after_its_indented_text_is_not_the_item() -> None:
    lines = [
        line(1, 60, "Recommendations for reform", bold=True, size=16),
        line(1, 90, "Recommendation 1", bold=True),
        line(1, 105, "Clarifying who decides", bold=True),
        *paragraph(1, 120, "By 31 March 2032, the Home Office should publish a clear", x0=85),
        *paragraph(1, 135, "definition of operational independence.", x0=85),
        *paragraph(1, 160, "We first raised this in 2029. Without it, the dispute will go on."),
        line(1, 190, "Recommendation 2", bold=True),
        line(1, 205, "Paying staff", bold=True),
        *paragraph(1, 220, "The Home Office should agree a new pay mechanism by 2033.", x0=85),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "Clarifying who decides By 31 March 2032, the Home Office should publish a clear "
        "definition of operational independence.",
        "Paying staff The Home Office should agree a new pay mechanism by 2033.",
    ]


def test_a_label_numbered_by_a_reference_code_keeps_the_code() -> None:
    lines = [
        line(1, 80, "Safety recommendations", bold=True, size=13),
        line(1, 110, "Safety recommendation R/2031/007", bold=True),
        *paragraph(
            1, 130, "The review recommends that NHS England publishes a transfer checklist."
        ),
        line(1, 170, "Safety recommendation R/2031/008", bold=True),
        *paragraph(
            1, 190, "The review recommends that the Department funds spare oxygen cylinders."
        ),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["R/2031/007", "R/2031/008"]


def test_a_numbered_paragraph_that_opens_a_lettered_list_is_its_lead_in() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=13),
        *paragraph(1, 100, "17 We make the following recommendations to help the Department plan:"),
        *paragraph(
            1, 120, "a) The Department should publish one estimate of its repair costs.", x0=90
        ),
        *paragraph(
            1, 140, "b) The Agency should set out how it ranks bids for repair money.", x0=90
        ),
        *paragraph(1, 160, "c) The Department should report each year on schools at risk.", x0=90),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [
        ("a", "Department"),
        ("b", "Agency"),
        ("c", "Department"),
    ]


def test_areas_for_development_are_areas_for_improvement() -> None:
    lines = [
        line(1, 80, "Areas for development", bold=True, size=12),
        *paragraph(1, 100, "• Recording of why a safeguarding enquiry was not started.", x0=75),
        *paragraph(1, 120, "• The timely offer of an assessment carried out in Welsh.", x0=75),
    ]
    assert [i.kind for i in split_items(doc(lines))] == ["area_for_improvement"] * 2


def test_a_development_area_label_over_its_paragraph_labels_an_area_for_improvement() -> None:
    lines = [
        *paragraph(1, 80, "8. The force keeps a custody dashboard that is updated every day."),
        line(1, 110, "Development area", bold=True),
        *paragraph(
            1, 125, "The force should use its custody data to understand repeat arrests.", x0=79
        ),
        *paragraph(1, 150, "9. Detainees were told of their rights on arrival at the suite."),
        line(1, 180, "Development area 2", bold=True),
        *paragraph(1, 195, "The force should refresh the training of all custody staff.", x0=79),
    ]
    assert [(i.kind, i.number, i.text.split()[3]) for i in split_items(doc(lines))] == [
        ("area_for_improvement", None, "use"),
        ("area_for_improvement", "2", "refresh"),
    ]


def test_a_due_column_saying_immediate_or_a_quarter_is_the_rows_timing() -> None:
    rows = (
        ("No.", "Recommendation", "Lead", "Due date"),
        ("1", "Every triage call should be recorded on the maternity system.", "Chief Nurse",
         "Immediate"),
        ("2", "The triage unit should be staffed as a separate area of care.", "Chief Nurse",
         "Q3 2031/32"),
    )  # fmt: skip
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc([]), tables=(table,)))
    assert [i.timing for i in items] == ["Immediately", "By Q3 2031/32"]


def test_a_numbered_heading_in_the_body_font_opens_its_section() -> None:
    lines = [
        line(1, 80, "4 CIRCUMSTANCES OF THE DEATH"),
        *paragraph(1, 100, "Mr Q was taken into custody late in the evening and checked hourly."),
        line(1, 140, "5 CORONER'S CONCERNS"),
        *paragraph(1, 160, "1. Officers did not always rouse detainees during the night checks."),
        *paragraph(1, 180, "2. The custody system lets a check be recorded before it was made."),
        line(1, 220, "6 ACTION SHOULD BE TAKEN"),
        *paragraph(1, 240, "In my opinion action should be taken to prevent future deaths."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"),
        ("cause_of_concern", "2"),
    ]


def test_a_letter_recommending_to_a_list_and_then_to_another_body() -> None:
    lines = [
        *paragraph(1, 80, "I am therefore recommending that chief constables:"),
        *paragraph(1, 100, "• review how long they keep devices seized from victims;", x0=80),
        *paragraph(1, 120, "• give every victim a named contact for their device.", x0=80),
        *paragraph(1, 150, "I also recommend that police and crime commissioners ask for the"),
        *paragraph(1, 165, "figures each quarter and publish them."),
        *paragraph(1, 195, "Thank you for your continued support with this work across forces."),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[0] for i in items] == ["review", "give", "I"]


def test_a_ruleless_table_of_who_and_when_gives_each_row_its_owner_and_deadline() -> None:
    lines = [
        line(1, 80, "Recommendation", bold=True),
        line(1, 80, "Who", x0=330, bold=True),
        line(1, 80, "When", x0=460, bold=True),
        line(1, 100, "Recommendation 1", bold=True),
        line(1, 100, "Chief constables", x0=330),
        line(1, 100, "Within six months of", x0=460),
        line(1, 113, "publication", x0=460),
        *paragraph(1, 114, "Chief constables should triage every seized device."),
        line(1, 150, "Recommendation 2", bold=True),
        line(1, 150, "College of Policing", x0=330),
        line(1, 150, "By spring 2032", x0=460),
        *paragraph(1, 164, "The College should publish its guidance."),
        line(2, 80, "1. Introduction", size=18, bold=True),
        *paragraph(2, 110, "We visited six forces and read a sample of their case files."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.responsible, i.timing) for i in items] == [
        ("1", "Chief constables", "Within six months of publication"),
        ("2", "College of Policing", "By spring 2032"),
    ]


def test_a_ruleless_tables_row_numbers_in_a_no_column_number_its_rows() -> None:
    def header(page: int, item: str) -> list[Line]:
        return [
            line(page, 80, "No.", x0=46, bold=True),
            line(page, 80, item, x0=82, bold=True),
            line(page, 80, "Lead", x0=400, bold=True),
            line(page, 80, "By when", x0=500, bold=True),
        ]

    lines = [
        *header(1, "Recommendation"),
        line(1, 100, "1", x0=46),  # the number on a line of its own
        line(1, 100, "Chief constables should review the risk level", x0=82),
        line(1, 100, "Chief constables", x0=400),
        line(1, 100, "Within six months", x0=500),
        line(1, 115, "of every child reported missing from care.", x0=82),
        line(1, 140, "2 The College should update its guidance on", x0=46),  # run into the text
        line(1, 140, "College of Policing", x0=400),
        line(1, 140, "By spring 2032", x0=500),
        line(1, 155, "missing children and publish it.", x0=82),
        # a summary's short titles, the items printed in full elsewhere: no items
        *header(2, "Recommendation (summary)"),
        line(2, 100, "3", x0=46),
        line(2, 100, "Chief constables should train all call handlers.", x0=82),
        line(2, 100, "Chief constables", x0=400),
        line(2, 120, "4", x0=46),
        line(2, 120, "The Home Office should fund a national helpline.", x0=82),
        line(2, 120, "Home Office", x0=400),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0], i.responsible, i.timing) for i in items] == [
        ("1", "Chief", "Chief constables", "Within six months"),
        ("2", "The", "College of Policing", "By spring 2032"),
    ]


def test_an_agency_column_names_who_acts_on_each_row() -> None:
    rows = (
        ("No.", "Recommendation", "Agency"),
        (
            "1",
            "Review the referral form so that it asks about coercive control.",
            "Eastfield Council",
        ),
    )
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc([]), tables=(table,)))
    assert [i.responsible for i in items] == ["Eastfield Council"]


def test_a_closing_recommendations_section_stays_beside_run_in_recommendation_labels() -> None:
    lines = [
        line(1, 80, "Key concerns", bold=True, size=14),
        *paragraph(1, 100, "1. Too many prisoners spent the day locked in their cells."),
        *paragraph(1, 120, "Recommendation: The prison should restore a daily regime.", x0=90),
        *paragraph(1, 150, "2. Prisoners waited too long to see a doctor in the prison."),
        *paragraph(1, 170, "Recommendation: The health provider should cut waiting times.", x0=90),
        *paragraph(2, 80, "3.16 Violence had risen since the last inspection across the wings."),
        line(2, 110, "Recommendations", size=12),  # a step above the body text, not bold
        *paragraph(2, 130, "3.17 The prison should analyse why assaults on staff have risen."),
        *paragraph(2, 150, "3.18 Leaders should give every segregated prisoner a return plan."),
    ]
    items = [i for i in split_items(doc(lines)) if i.kind == "recommendation"]
    assert [i.number for i in items][-2:] == ["3.17", "3.18"]
    assert len(items) == 4


def test_bold_recommendations_among_plain_conclusions() -> None:
    lines = [
        line(1, 80, "Conclusions and recommendations", bold=True, size=14),
        *paragraph(1, 100, "1. Screening is the first chance to find a mental illness."),
        *paragraph(1, 120, "2. Staff read the questions from a script and are not trained"),
        *paragraph(
            1, 135, "to read the answers. We recommend that the prison service", x0=90, bold=True
        ),
        *paragraph(1, 150, "revises the questions with the NHS.", x0=90, bold=True),
        *paragraph(1, 175, "3. Witnesses agreed that an assessment should follow within a week."),
        *paragraph(
            1, 200, "4. The Department should bring the statutory limit into force.", bold=True
        ),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["2", "4"]
    assert items[0].text.startswith("to read the answers. We recommend")


@pytest.mark.parametrize(
    "heading", ["Findings and recommendations", "Observations and recommendations"]
)
def test_bold_recommendations_among_plain_findings(heading: str) -> None:
    lines = [
        line(1, 80, heading, bold=True, size=14),
        *paragraph(1, 100, "1. Three bodies cover equality; none is funded to help in court."),
        *paragraph(1, 120, "2. The panel recalls that such bodies should help victims in court."),
        *paragraph(
            1,
            140,
            "3. The panel recommends that the authorities fund the bodies to help.",
            bold=True,
        ),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["3"]


def test_an_item_printed_again_in_a_closing_list_takes_the_list_number_not_its_paragraph() -> None:
    asks = [
        "The panel recommends that the authorities fund the equality bodies to assist victims "
        "in court.",
        "The panel recommends that the Home Office publish hate crime outcomes by ground each "
        "year.",
    ]
    lines = [
        line(1, 60, "Findings and recommendations", bold=True, size=14),
        *paragraph(1, 80, "1. In its last report, the panel asked for one equality body."),
        *paragraph(1, 100, f"2. {asks[0]}", bold=True),
        *paragraph(1, 120, "3. Recording of hate crime varies between forces."),
        *paragraph(1, 140, f"4. {asks[1]}", bold=True),
        line(2, 60, "List of recommendations", bold=True, size=14),
        *paragraph(2, 80, f"1. (§ 2) {asks[0]}"),
        *paragraph(2, 100, f"2. (§ 4) {asks[1]}"),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text, i.occurrences) for i in items] == [
        ("1", asks[0], (1, 2)),
        ("2", asks[1], (1, 2)),
    ]


def test_a_revisit_makes_only_its_new_items_not_those_it_rates_or_reprints() -> None:
    lines = [
        line(1, 60, "Summary of our findings", bold=True, size=14),
        *paragraph(
            1, 80,
            "The force has improved how it investigates crime, and we have discharged cause of",
            "concern 1. It has made less progress in protecting vulnerable people.",
        ),
        line(1, 120, "Item from the 2024 report", bold=True),
        line(1, 120, "Our assessment", x0=300, bold=True),
        line(1, 140, "AFI 1: stop and search data"),
        line(1, 140, "Addressed", x0=300),
        line(1, 160, "Cause of concern 2: protecting vulnerable people"),
        line(1, 160, "Not discharged", x0=300),
        line(2, 60, "What we said in 2024", bold=True, size=13),
        *paragraph(2, 80, "Recommendation 4: The force should review every risk assessment."),
        line(2, 100, "Protecting vulnerable people", bold=True, size=13),
        line(2, 115, "Cause of concern 2 (2024): Protecting vulnerable people", bold=True),
        *paragraph(2, 130, "The force should identify risk to vulnerable people sooner."),
        line(2, 160, "Recommendations", bold=True, size=13),
        line(2, 180, "Recommendation 9 (replaces recommendation 4 of the 2024 report)", bold=True),
        *paragraph(2, 200, "Within six months, the force should audit its risk assessments."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text) for i in items] == [
        ("recommendation", "9", "Within six months, the force should audit its risk assessments.")
    ]


def test_a_bold_coded_order_on_one_line_in_a_section_is_still_its_item() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        line(1, 100, "R1 Improve attendance of pupils on free school meals", bold=True),
        line(1, 120, "R2 Refine self-evaluation so that leaders focus on progress", bold=True),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["R1", "R2"]


def test_a_review_comments_on_earlier_items_and_makes_its_own_under_codes_set_as_headings() -> None:
    lines = [
        line(1, 60, "Chapter 3: Commentary on selected recommendations", bold=True, size=16),
        line(1, 90, "Recommendation 4: information sharing", bold=True),
        *paragraph(1, 110, "“The council and the police should publish a joint agreement.”", x0=95),
        *paragraph(1, 130, "An agreement was signed in May but has not been published."),
        line(2, 60, "Chapter 4: Further recommendations", bold=True, size=16),
        line(2, 90, "FR1", bold=True),
        *paragraph(2, 110, "By 31 March 2026, the Home Office should publish a data standard."),
        line(2, 140, "FR2 (replaces Recommendation 4 of the Inquiry report)", bold=True),
        *paragraph(2, 160, "The council and the police should publish their agreement by May."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("FR1", "standard."),
        ("FR2", "May."),
    ]


def test_a_revisit_letter_reprints_the_earlier_items_under_their_heading_and_rates_them() -> None:
    lines = [
        line(
            1, 60, "The cause of concern and recommendations from October 2024", bold=True, size=12
        ),
        line(1, 80, "Cause of concern", bold=True),
        *paragraph(1, 100, "The force isn’t answering calls quickly enough."),
        line(1, 120, "Recommendations", bold=True),
        *paragraph(1, 140, "Within three months, the force should:"),
        *paragraph(1, 155, "1. make sure it answers 999 calls within ten seconds;"),
        *paragraph(1, 170, "2. make sure it has enough call handlers at peak times."),
        line(1, 200, "What we found", bold=True, size=12),
        line(1, 220, "Recommendation 1: answering 999 calls – Achieved", bold=True),
        *paragraph(1, 240, "The force now answers nine in ten emergency calls on time."),
        line(2, 60, "Revised cause of concern (March 2025)", bold=True),
        *paragraph(2, 80, "The force doesn’t assess the risk to every caller."),
        line(2, 110, "Recommendations", bold=True),
        *paragraph(2, 130, "Within three months of the date of this letter, the force should:"),
        *paragraph(2, 145, "1. assess the risk to every caller with a structured tool;"),
        *paragraph(2, 160, "2. review every incident that waits longer than an hour."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text.split()[-1]) for i in items] == [
        ("cause_of_concern", None, "caller."),
        ("recommendation", "1", "tool;"),
        ("recommendation", "2", "hour."),
    ]


def test_each_numbered_recommendation_may_open_with_its_intent() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True, size=14),
        *paragraph(1, 80, "The following recommendations are made:"),
        *paragraph(1, 100, "1 The intent of this recommendation is that crossings are safe."),
        *paragraph(1, 125, "Network Rail should review its crossing risk assessments.", x0=100),
        *paragraph(1, 150, "2 The intent of this recommendation is that calls are answered."),
        *paragraph(1, 175, "Network Rail should staff the signal boxes at peak times.", x0=100),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("1", "assessments."),
        ("2", "times."),
    ]


def test_a_year_and_serial_in_a_column_beside_its_text_numbers_the_recommendation() -> None:
    lines = [
        line(1, 60, "Section 5 – Recommendations", bold=True, size=14),
        line(1, 80, "The Maritime and Coastguard Agency is recommended to:", bold=True),
        line(1, 100, "2025/118", bold=True),
        line(1, 100, "Amend the Workboat Code so that workboats that tow carry:", x0=130),
        line(1, 115, "– stability information for towing on the beam; and", x0=130),
        line(1, 130, "– a tow hook that releases under load.", x0=130),
        line(1, 150, "2025/119 Publish guidance for skippers on the planning of tows."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("2025/118", "load."),
        ("2025/119", "tows."),
    ]


def test_numbered_findings_and_asks_in_turn_yield_the_asks_with_their_lettered_parts() -> None:
    lines = [
        line(1, 60, "Concluding observations", bold=True, size=14),
        *paragraph(1, 80, "1. The Committee considered the seventh report at its meetings."),
        *paragraph(
            1, 100, "2. The Committee notes that the Convention is not part of domestic law."
        ),
        *paragraph(1, 120, "3. The State party should give full effect to the Convention in law."),
        *paragraph(1, 140, "4. The Committee is concerned that forces should keep better records."),
        *paragraph(1, 160, "5. The State party should:"),
        *paragraph(1, 175, "(a) Make sure that every detained person sees a lawyer;", x0=100),
        *paragraph(1, 190, "(b) Complete custody records at the time of the events.", x0=100),
        *paragraph(1, 210, "6. The Committee is concerned at the use of restraint on children."),
        *paragraph(1, 230, "7. The Committee urges the State party to:"),
        *paragraph(1, 245, "(a) Prohibit spit and bite guards on children;", x0=100),
        *paragraph(1, 260, "(b) Publish data on restraint every year.", x0=100),
        *paragraph(1, 280, "8. The Committee welcomes the new inspection framework for prisons."),
        *paragraph(1, 300, "9. The Committee encourages the State party to ratify the Protocol."),
        *paragraph(1, 320, "10. The Committee recommends that the State party fund the monitors."),
        *paragraph(1, 340, "11. The Committee recommends that the State party report in 2029."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("3", "law."),
        ("5", "events."),
        ("7", "year."),
        ("9", "Protocol."),
        ("10", "monitors."),
        ("11", "2029."),
    ]


def test_a_list_grouped_under_recommendations_comments_and_requests_keeps_only_the_first() -> None:
    lines = [
        line(1, 60, "List of recommendations, comments and requests for information", bold=True),
        line(1, 80, "Police custody", x0=77),
        line(1, 95, "recommendations", x0=77),
        *paragraph(1, 110, "– The Committee recommends that forces record all force.", x0=83),
        line(1, 130, "comments", x0=77),
        *paragraph(1, 145, "– The Committee trusts that the review of the codes will help.", x0=83),
        line(1, 165, "requests for information", x0=77),
        *paragraph(1, 180, "– The Committee would like to receive the figures for 2024.", x0=83),
        line(1, 200, "recommendations", x0=77),
        line(1, 215, "– The Committee recommends that the Prison Service ensure that women", x0=83),
        line(1, 230, "held at the prison have access to work every day.", x0=89),
        line(1, 250, "Contact with the outside world", x0=77),
        line(1, 265, "recommendations", x0=77),
        *paragraph(1, 280, "– The Committee recommends that visits are never withheld.", x0=83),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.text.split()[-1] for i in items] == ["force.", "day.", "withheld."]


def test_in_a_list_grouped_by_kind_a_short_line_naming_a_topic_is_no_entry() -> None:
    splitter = _Splitter(BODY)
    for ln in [line(1, 60, "Recommendations", bold=True, size=14), line(1, 80, "recommendations")]:
        splitter.feed(make_blocks([ln])[0])
    topic = make_blocks([line(1, 100, "Contact with the outside world")])[0]
    assert splitter._at_category(topic, topic.raw_text)  # an imperative-looking topic too
    assert splitter.categories
    assert not splitter.out


def test_a_letter_that_asks_bodies_to_act_lists_its_asks_under_each() -> None:
    lines = [
        *paragraph(1, 80, "Dear Minister,"),
        *paragraph(
            1, 100,
            "Victims told us that breaches are not recorded. In the meantime, I am asking",
            "the Home Office to:",
        ),
        *paragraph(1, 135, "1. pause the roll-out of the orders beyond the pilot areas;", x0=75),
        *paragraph(1, 150, "2. publish guidance on monitoring the orders by 30 September.", x0=75),
        *paragraph(1, 170, "I would also ask the Ministry of Justice, to whom I copy this, to:"),
        *paragraph(1, 190, "3. record breaches of the orders apart from other breaches.", x0=75),
        *paragraph(1, 215, "Yours sincerely,"),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("1", "areas;"),
        ("2", "September."),
        ("3", "breaches."),
    ]


def test_a_numbered_paragraph_recommending_parts_to_one_body_is_one_item() -> None:
    lines = [
        line(1, 40, "Recommendations", bold=True, size=13),
        *paragraph(1, 60, "1. I make the following recommendations."),
        *paragraph(1, 80, "2. The Chief Officer should clear the backlog of renewals by May."),
        *paragraph(1, 100, "3. I recommend that the Committee for Home Affairs:"),
        *paragraph(1, 115, "(a) consider whether the law should require a medical check;", x0=90),
        *paragraph(1, 130, "(b) set fees that recover the full cost of licensing.", x0=90),
        *paragraph(1, 150, "4. The Chief Officer should publish the backlog figures monthly."),
        *paragraph(
            1, 170, "5. I am grateful to the staff for their help. I should be happy to discuss"
        ),
        *paragraph(1, 185, "this letter with the Committee."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("2", "May."),
        ("3", "licensing."),
        ("4", "monthly."),
    ]


def test_coded_actions_keep_their_list_when_the_header_row_repeats_on_the_next_page() -> None:
    def header(page: int, top: float) -> list[Line]:
        return [
            line(page, top, "Ref", bold=True),
            line(page, top, "Recommendation / action", x0=110, bold=True),
            line(page, top, "Owner", x0=400, bold=True),
        ]

    lines = [
        line(1, 60, "4. Recommendations and actions", bold=True, size=14),
        *header(1, 90),
        line(1, 110, "R1 The Ministry should amend the Police Ordinance by 2025."),
        line(1, 110, "Ministry", x0=400),
        line(1, 140, "Actions for the Commissioner of Police", bold=True),
        *header(2, 60),
        line(2, 80, "A1 Ensure that every detained person is told of the right to a lawyer."),
        line(2, 80, "CoP", x0=400),
        line(2, 100, "A2 Publish the annual report of the force for 2022."),
        line(2, 100, "CoP", x0=400),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "R1"),
        ("action", "A1"),
        ("action", "A2"),
    ]


def test_entries_numbered_in_the_labelled_items_scheme_are_items_of_that_series() -> None:
    lines = [
        line(1, 60, "Cause of concern 1", bold=True),
        *paragraph(1, 80, "Too many forces are not vetting officers to the national standard."),
        line(1, 100, "Recommendations", bold=True),
        *paragraph(1, 115, "By 30 June 2026, chief constables should:"),
        *paragraph(1, 130, "1.1 review every vetting decision made since January 2023;"),
        *paragraph(1, 145, "1.2 introduce a quality check of a sample of decisions."),
        line(1, 170, "Cause of concern 2", bold=True),
        *paragraph(1, 190, "Forces cannot investigate corrupt officers quickly enough."),
        line(1, 210, "Recommendation 2.1", bold=True),
        *paragraph(1, 225, "The College of Policing should publish guidance on corruption."),
        line(1, 250, "Recommendation 2.2", bold=True),
        *paragraph(1, 265, "The Home Office should make the legislative changes needed."),
    ]
    items = split_items(doc(lines))
    numbers = [i.number for i in items if i.kind == "recommendation"]
    assert numbers == ["1.1", "1.2", "2.1", "2.2"]


def test_a_closing_list_goes_on_under_the_next_addressees_heading() -> None:
    asks = [
        "Forces should record every update given to a victim on their crime system.",
        "The Home Office should publish each year how many victims were told of outcomes.",
    ]
    lines = [
        line(1, 60, "Keeping victims informed", bold=True, size=14),
        line(1, 80, "Recommendation 1", bold=True),
        *paragraph(1, 95, asks[0]),
        line(1, 120, "Recommendation 2", bold=True),
        *paragraph(1, 135, asks[1]),
        line(2, 60, "Recommendations to police forces", bold=True, size=14),
        *paragraph(2, 80, f"1. {asks[0]}"),
        line(2, 100, "Recommendations to the Home Office", bold=True, size=14),
        *paragraph(2, 120, f"2. {asks[1]}"),
        line(2, 140, "Recommendations to the Ministry of Justice", bold=True, size=14),
        *paragraph(2, 160, "We recommend that the Ministry of Justice:"),
        *paragraph(
            2, 175, "3. amends the Victims' Code so that victims learn who leads their case;"
        ),
        *paragraph(2, 190, "4. publishes the Code compliance data it already collects."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("1", "system."),
        ("2", "outcomes."),
        ("3", "case;"),
        ("4", "collects."),
    ]


def test_a_papers_own_numbered_paragraphs_under_a_cause_of_concern_heading_are_no_concerns() -> (
    None
):
    lines = [
        line(1, 60, "4. Cause of concern and recommendations", bold=True, size=13),
        *paragraph(1, 80, "4.1 The cause of concern is reproduced below as the report worded it."),
        line(1, 100, "Cause of concern", bold=True, x0=100),
        *paragraph(1, 115, "The force does not always respond well to vulnerable callers.", x0=100),
        line(1, 135, "Recommendation 1", bold=True, x0=100),
        *paragraph(
            1, 150, "Within three months, the force should train all call handlers.", x0=100
        ),
        *paragraph(1, 175, "4.2 Force update: all 212 call handlers had finished the training."),
        *paragraph(1, 195, "4.3 The Panel asked for figures on the time taken to answer calls."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", None),
        ("recommendation", "1"),
    ]


def test_a_labelled_recommendation_naming_one_body_keeps_its_lettered_parts() -> None:
    lines = [
        line(1, 60, "Recommendation 3.1", bold=True),
        *paragraph(1, 80, "The Welsh Government should:"),
        *paragraph(1, 95, "(a) publish a national workforce plan for care at home;", x0=90),
        *paragraph(1, 110, "(b) publish data each quarter on delayed discharges.", x0=90),
        line(1, 135, "Recommendation 3.2", bold=True),
        *paragraph(1, 155, "Regional boards should report to the Commissioner every six months."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("3.1", "discharges."),
        ("3.2", "months."),
    ]


def test_minutes_yield_the_panels_recommending_resolutions_not_its_notes_or_actions() -> None:
    lines = [
        line(1, 60, "34. PEEL INSPECTION: COMMISSIONER'S RESPONSE", bold=True),
        *paragraph(1, 80, "The Commissioner introduced her response to the report."),
        line(1, 100, "RESOLVED –", bold=True),
        *paragraph(1, 115, "1. That the Commissioner's response to the report be noted."),
        *paragraph(1, 130, "2. That the Panel recommends that the Commissioner publishes"),
        *paragraph(1, 145, "a quarterly update on the force's areas for improvement.", x0=85),
        *paragraph(1, 165, "3. That the Panel recommends that the Commissioner asks the Chief"),
        *paragraph(1, 180, "Constable to attend a future meeting of the Panel.", x0=85),
        line(1, 200, "35. PERFORMANCE REPORT", bold=True),
        *paragraph(1, 220, "RESOLVED – That the report be noted."),
        *paragraph(1, 240, "ACTION: OPCC to include rural crime data in the next report."),
        line(1, 260, "36. COMMUNITY SAFETY FUND", bold=True),
        *paragraph(
            1, 280,
            "RESOLVED – That the Panel recommends to the Commissioner that the criteria for the",
            "fund be reviewed before the next round of grants.",
        ),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("2", "improvement."),
        ("3", "Panel."),
        (None, "grants."),
    ]


def test_a_group_heading_that_says_when_its_items_are_due_times_them() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True, size=14),
        line(1, 80, "Before the next event – to be completed by 30 April 2025", bold=True),
        *paragraph(1, 100, "6.1 The force should agree a welfare plan with the organisers."),
        line(1, 125, "National learning – no timescale set", bold=True),
        *paragraph(1, 145, "6.2 The College of Policing should consider the welfare model."),
        line(2, 60, "National recommendations (to be completed by 31 December 2026)", bold=True),
        *paragraph(2, 80, "The Home Office should fund regional units for three years."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("6.1", "by 30 April 2025"),
        ("6.2", None),
        (None, "by 31 December 2026"),
    ]


def test_rows_coded_in_the_first_column_under_a_header_only_table() -> None:
    header = Table(page=1, top=90, bottom=105, rows=(("Code", "Recommendation"),))
    lines = [
        line(1, 110, "R1", bold=True),
        line(1, 110, "Chief constables and the CPS should share the risk", x0=130),
        line(1, 123, "assessment before the first hearing.", x0=130),
        line(1, 145, "R2 By March 2032, the Home Office should publish the data"),
        line(1, 158, "on intimidation offences each year.", x0=130),
    ]
    items = split_items(replace(doc(lines), tables=(header,)))
    assert [i.text.split()[0] for i in items] == ["Chief", "By"]
    assert items[1].text.endswith("offences each year.")


def test_a_numbered_paragraph_announcing_the_recommendations_to_a_body_is_their_lead_in() -> None:
    lines = [
        line(1, 80, "Recommendations"),  # in the body font, as in a typed report
        *paragraph(1, 100, "13. The group makes the following recommendations to the Board."),
        *paragraph(1, 120, "i. The force should write one contact plan for each victim.", x0=90),
        *paragraph(1, 140, "ii. The court service should publish its waiting times.", x0=90),
        *paragraph(1, 160, "iii. The Board should survey victims every year.", x0=90),
        *paragraph(1, 190, "14. The Board accepted all three recommendations in September."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [
        ("i", "force"),
        ("ii", "court"),
        ("iii", "Board"),
    ]


@pytest.mark.parametrize("lead_in", [True, False])
def test_decimal_sub_items_under_a_numbered_recommendation_are_items_with_that_parent(
    lead_in: bool,
) -> None:
    opening = (
        "The following actions are for the Home Office, working with the NPCC, except where stated."
        if lead_in
        else "The Home Office should lead a programme to share custody health records."
    )
    lines = [
        line(1, 80, "Recommendation 1: Escort records", bold=True),
        *paragraph(1, 100, "Chief constables should make sure every escort record is complete."),
        line(1, 130, "Recommendation 2: Health information on transfer", bold=True),
        *paragraph(1, 150, opening),
        *paragraph(1, 170, "2.1 HMPPS should give reception staff access to the records.", x0=74),
        *paragraph(1, 190, "2.2 A clinical lead should be named for each escort contract.", x0=74),
        line(1, 220, "Recommendation 3: Learning from deaths", bold=True),
        *paragraph(1, 240, "The Home Office should publish a joint review every year."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.parent) for i in items] == [
        ("1", None),
        ("2", None),
        ("2.1", "2"),
        ("2.2", "2"),
        ("3", None),
    ]
    assert items[1].text.startswith("Health information on transfer " + opening[:20])
    # each sub-item is led in by its parent's text, which may say whom they are for
    assert items[2].lead_in == items[3].lead_in == items[1].text


def test_numbered_paragraphs_of_a_letter_that_recommend_are_its_items() -> None:
    lines = [
        *paragraph(1, 100, "7. The panel meets every two months and reviews video footage."),
        *paragraph(1, 120, "8. I therefore recommend that, within three months, the force"),
        *paragraph(1, 135, "reviews how supervisors check every search record.", x0=85),
        *paragraph(1, 160, "9. Officers told us that feedback was not reaching them."),
        *paragraph(1, 180, "10. I also recommend that the force publishes a plan for"),
        *paragraph(1, 195, "involving the community in the scrutiny of searches.", x0=85),
        # in plain prose, unnumbered, the same words only report what others advise
        *paragraph(1, 230, "We recommend that readers compare these figures with care."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[:3]) for i in items] == [
        ("8", ["I", "therefore", "recommend"]),
        ("10", ["I", "also", "recommend"]),
    ]


def test_a_log_of_a_meetings_actions_is_not_a_table_of_items() -> None:
    log = (
        ("Ref", "Action", "Owner", "Status"),
        ("A1", "Breakdown of call answering times by district", "Chief Executive", "Complete"),
        ("A2", "Add the inspection update to the work programme", "Support officer", "Complete"),
        ("A3", "Letter to the Commissioner on the precept", "Chair", "Complete"),
    )
    asks = (
        ("Ref", "Action", "Owner", "Status"),
        ("A1", "The trust must make sure that every shift has enough midwives.", "Director",
         "Open"),
        ("A2", "Check the emergency equipment every day", "Ward Manager", "Open"),
    )  # fmt: skip
    found = [
        [i.number for i in split_items(replace(doc([]), tables=(Table(1, 100, 200, rows),)))]
        for rows in (log, asks)
    ]
    assert found == [[], ["A1", "A2"]]


def test_a_label_table_row_takes_its_owner_and_due_date_from_the_rows_under_it() -> None:
    def box(page: int, rows: tuple[tuple[str, str], ...]) -> Table:
        return Table(page=page, top=100, bottom=200, rows=rows)

    tables = (
        box(1, (("Management action 1.1", "Introduce a single electronic log of vehicle defects."),
                ("Priority", "High"), ("Action owner", "Fleet Manager"),
                ("Target date", "31/01/2027"))),
        box(2, (("Management action 1.2", "No action proposed. The risk has been accepted."),
                ("Action owner", "Fleet Manager"))),
        box(3, (("Previous action 4", "Replace the paper defect forms at every station."),)),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=tables))
    assert [(i.kind, i.number, i.responsible, i.timing) for i in items] == [
        ("action", "1.1", "Fleet Manager", "By 31/01/2027")
    ]


def test_a_label_after_its_sentence_in_running_prose_labels_that_sentence() -> None:
    lines = [
        *paragraph(
            1, 100,
            "Plans were present in most files we read. We recommend that, by 31 July 2027,",
            "the force introduces a written plan for every investigation. (Recommendation 1)",
            "The force told us it intends to adopt a template.",
        ),
        *paragraph(
            1, 160,
            "Reasons were seldom recorded. The force should record why victims withdraw.",
        ),
        *paragraph(1, 175, "(Area for improvement 1) Most victims were contacted promptly."),
        # a label after a sentence that asks nothing is a cross-reference, not an item
        *paragraph(1, 210, "Training was reviewed last year. (Recommendation 2)"),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text) for i in items] == [
        ("recommendation", "1", "We recommend that, by 31 July 2027, the force introduces a "
         "written plan for every investigation."),
        ("area_for_improvement", "1", "The force should record why victims withdraw."),
    ]  # fmt: skip


def test_an_item_found_inside_running_prose_keeps_the_pages_it_crosses() -> None:
    lines = [
        *paragraph(
            1, 740,
            "Plans were present in most files we read. We recommend that, by 31 July 2027,",
            "the force introduces a written plan for",
        ),
        *paragraph(2, 60, "every investigation it opens. (Recommendation 1)", "Other text."),
        *paragraph(
            2, 700,
            "Most victims were contacted. Area for improvement 2: The force should improve the",
            "accuracy of",
        ),
        *paragraph(3, 60, "its crime records and check them monthly. Other text follows."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start, i.page_end, i.text.split()[-1]) for i in items] == [
        ("1", 1, 2, "opens."),
        ("2", 2, 3, "monthly."),
    ]


def test_a_trailing_label_in_numbered_paragraphs_labels_the_sentence_after_the_number() -> None:
    lines = paragraph(
        1, 100,
        "6.11 I am confident that the improvements can be made quickly. 6.12 The force",
        "should commission a follow-up review by September 2027. (Recommendation 9)",
    )  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("9", "The force should commission a follow-up review by September 2027.")
    ]


def test_code_labelled_entries_under_a_lead_in_are_items_numbered_as_printed() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=13),
        line(1, 100, "Theme 1: Leadership", bold=True),
        *paragraph(1, 120, "We recommend that the chief constable of Tarnvale Police:"),
        *paragraph(1, 140, "R1.1 By 30 June 2027, appoints a single lead for contact management."),
        *paragraph(1, 160, "R1.2 Makes sure that the board receives accurate figures."),
        line(1, 190, "Recommendations 3 to 5: quick wins", bold=True),  # heads a group
        *paragraph(1, 210, "R3 The College of Policing should add a roads policing module."),
    ]
    assert [(i.number, i.text.split()[0]) for i in split_items(doc(lines))] == [
        ("R1.1", "By"),
        ("R1.2", "Makes"),
        ("R3", "The"),
    ]


def test_a_coded_resolution_in_a_section_of_items_is_one() -> None:
    # a council's style: "That the Council writes to …" asks the council, as "should" does
    lines = [
        line(1, 80, "6. RECOMMENDATIONS", bold=True, size=13),
        *paragraph(1, 100, "REC 1 The Cabinet should adopt a single definition of nuisance."),
        *paragraph(1, 120, "REC 2 That the Council writes to the Commissioner about patrols."),
        *paragraph(1, 140, "REC 3 The Partnership should publish a quarterly report."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2", "3"]


def test_each_sections_own_numbered_list_restarts_its_numbering() -> None:
    lines = [
        line(1, 80, "Recommendations for the police", bold=True, size=13),
        *paragraph(1, 100, "1. Chief constables should record the age of every young suspect."),
        *paragraph(1, 120, "2. Chief constables should share case files with youth services."),
        line(2, 80, "Recommendations for the Probation Service", bold=True, size=13),
        *paragraph(2, 100, "1. The Probation Service should assess maturity in every report."),
        *paragraph(2, 120, "2. HMPPS should train practitioners who supervise young adults."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 1), ("2", 1), ("1", 2), ("2", 2)]


def test_a_regulators_must_and_should_lists_are_actions_and_areas_for_improvement() -> None:
    lines = [
        line(1, 80, "Action the trust MUST take to improve", bold=True, size=13),
        *paragraph(
            1, 100, "• The trust must ensure that every patient is assessed on arrival.", x0=75
        ),
        *paragraph(1, 120, "• The trust must ensure that equipment is checked every day.", x0=75),
        line(1, 150, "Action the trust SHOULD take to improve", bold=True, size=13),
        *paragraph(1, 170, "The following are improvements the trust should make to its services."),
        *paragraph(
            1, 190, "• The trust should review how patients are streamed at the door.", x0=75
        ),
    ]
    assert [i.kind for i in split_items(doc(lines))] == [
        "action",
        "action",
        "area_for_improvement",
    ]


def test_a_numbered_paragraph_that_recommends_the_following_leads_in_the_remedies() -> None:
    lines = [
        line(1, 80, "Agreed action", bold=True, size=13),
        *paragraph(1, 100, "32. To remedy the injustice, I recommend the following. The Council"),
        *paragraph(1, 115, "has accepted these recommendations.", x0=85),
        *paragraph(
            1, 140, "33. Within one month of my final decision, the Council will apologise."
        ),
        *paragraph(1, 160, "34. Within three months, the Council will review similar cases."),
        *paragraph(1, 180, "35. The Council should send us evidence of each of the actions above."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "33"),
        ("recommendation", "34"),
    ]


def test_a_qualified_action_column_and_an_id_column_make_an_action_table() -> None:
    rows = (
        ("ID", "Safety action", "Owner", "Timescale"),
        ("SA1", "Develop a single escalation pathway for deteriorating patients.", "Deputy Medical "
         "Director", "31 March 2031"),
        ("SA2", "Audit the use of the revised handover template on every ward.", "Ward Managers",
         "Immediate"),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [(i.kind, i.number, i.timing) for i in items] == [
        ("action", "SA1", "By 31 March 2031"),
        ("action", "SA2", "Immediately"),
    ]


def test_an_implementation_date_column_gives_each_action_its_deadline() -> None:
    rows = (
        ("Ref", "Agreed action", "Responsible officer", "Implementation date"),
        ("1", "Cardholder limits will be reduced to £500.", "Finance Lead", "30 April 2031"),
        ("2", "Cards will be cancelled when notice of leaving is received.", "HR Lead",
         "Immediate"),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    timings = [(i.number, i.timing) for i in items]
    assert timings == [("1", "By 30 April 2031"), ("2", "Immediately")]


def test_a_column_of_recommendations_and_afis_under_a_qualified_reference_is_items() -> None:
    rows = (
        ("HMICFRS ref", "Recommendation/AFI text", "Status"),
        ("R1", "Within six months, the force should answer non-emergency calls faster.", "Open"),
        ("AFI2", "The force should improve the quality of its initial investigations.", "Closed"),
    )
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "1"),
        ("area_for_improvement", "2"),
    ]


def test_an_owner_cell_merged_over_several_rows_owns_each_of_them() -> None:
    rows = (
        ("No.", "Recommendation", "Lead"),
        ("1", "The Board should publish a multi-agency escalation policy.", "Safeguarding Board"),
        ("2", "The Board should audit how the policy is used each year.", ""),
        ("3", "The council should train staff who close referrals.", "Westdale Council"),
    )
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [i.responsible for i in items] == [
        "Safeguarding Board",
        "Safeguarding Board",
        "Westdale Council",
    ]


def test_a_plan_answering_recommendations_keeps_them_not_its_own_actions_and_dates() -> None:
    rows = (
        ("HMICFRS recommendation", "Action", "Lead", "Due date", "RAG"),
        ("AFI 1 The force should record the ethnicity of everyone it stops.",
         "New form on the mobile app.", "ACC Operations", "31/01/2031", "Green"),
        ("R2 Within six months, the force should review how it allocates crime.",
         "Review commissioned.", "Head of Crime", "30/06/2031", "Amber"),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [(i.kind, i.number, i.text.split()[0], i.timing, i.responsible) for i in items] == [
        ("area_for_improvement", "1", "The", None, None),
        ("recommendation", "2", "Within", None, None),
    ]


def test_recommendations_a_letter_numbers_in_words_are_its_items() -> None:
    lines = [
        *paragraph(1, 100, "The service is slow. My first recommendation is that the Home Office"),
        *paragraph(1, 115, "should fund a national laboratory. It would help forces."),
        *paragraph(
            1, 140, "My third and final recommendation is that chief constables train staff."
        ),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("1", "My first recommendation is that the Home Office should fund a national laboratory."),
        ("3", "My third and final recommendation is that chief constables train staff."),
    ]


def test_a_label_run_in_after_another_sentence_of_its_paragraph_labels_the_rest() -> None:
    lines = [
        *paragraph(
            1, 100,
            "Few referrals had been followed up. Area for improvement: The service should make",
            "sure that staff know how to raise a safeguarding concern.",
        ),
        # a label whose text asks nothing is a heading word in running prose, not an item
        *paragraph(1, 150, "We looked at training. Recommendation: Training was good overall."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text) for i in items] == [
        ("area_for_improvement",
         "The service should make sure that staff know how to raise a safeguarding concern."),
    ]  # fmt: skip


def _safety_box(top: float, text: list[str], code: str) -> list[Line]:
    """A boxed 'Safety recommendation' whose reference code closes it at the right."""
    return [
        line(1, top, "Safety recommendation", bold=True),
        *paragraph(1, top + 18, *text),
        line(1, top + 18 + 15 * len(text) + 4, code, x0=400, size=9.0, bold=True),
    ]


def test_a_reference_code_closing_an_unlabelled_item_is_its_number() -> None:
    lines = [
        line(1, 60, "3. Safety recommendations", size=15.0, bold=True),
        *_safety_box(100, ["It is recommended that NHS England publishes a minimum standard",
                           "for remote monitoring of patients at home."], "SIB/2031/014"),
        *_safety_box(200, ["It is recommended that the Department of Health and Social Care",
                           "reviews the contracts for monitoring platforms."], "SIB/2031/015"),
        *paragraph(1, 300, "The trust told us about the changes it has already made."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[4]) for i in items] == [
        ("SIB/2031/014", "NHS"),
        ("SIB/2031/015", "the"),
    ]


def test_a_code_over_the_next_items_text_is_not_the_number_of_the_one_before() -> None:
    lines = [
        line(1, 60, "Recommendations", size=15.0, bold=True),
        line(1, 90, "R-06", bold=True),
        *paragraph(1, 110, "The force should review its vetting policy by March 2031."),
        line(1, 140, "R-07", bold=True),
        *paragraph(1, 160, "The force should train its vetting staff in the new policy."),
        *paragraph(1, 200, "The force told us about the changes it has already made."),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[3] for i in items] == ["review", "train"]
    assert items[0].number != "R-07"


def test_an_ask_complete_before_its_colon_keeps_the_bullets_that_finish_it() -> None:
    lines = [
        line(1, 60, "3. Safety recommendations", size=15.0, bold=True),
        line(1, 100, "Safety recommendation", bold=True),
        *paragraph(1, 118, "It is recommended that integrated care boards, when they commission",
                   "services, require providers to give each patient written information",
                   "that explains:"),
        *paragraph(1, 163, "• what to do if a device stops working; and",
                   "• whom to contact out of hours."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert len(items) == 1
    assert items[0].text.endswith("whom to contact out of hours.")


def test_a_numbered_run_in_label_takes_its_asking_sentences_across_a_bold_run() -> None:
    lines = [
        *paragraph(1, 100, "Our audit found gaps in crime recording for harassment. Area for",
                   "improvement 1: The force should"),
        # the label's sentence set in bold breaks the paragraph into blocks
        *paragraph(1, 130, "improve the accuracy of its crime recording for harassment.",
                   bold=True),
        *paragraph(1, 160, "Victims of these crimes often experience a pattern of behaviour."),
        *paragraph(2, 100, "Staff told us that morale was low. Area for improvement 2: The force",
                   "should act on its staff survey. It should also publish what it changed."),
        # the label's first word ends the plain lines, the rest opens the bold run
        *paragraph(2, 150, "Visits to offenders were often late. Area"),
        *paragraph(2, 165, "for improvement 3: The force should train more staff.", bold=True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text) for i in items] == [
        ("area_for_improvement", "1",
         "The force should improve the accuracy of its crime recording for harassment."),
        ("area_for_improvement", "2",
         "The force should act on its staff survey. It should also publish what it changed."),
        ("area_for_improvement", "3", "The force should train more staff."),
    ]  # fmt: skip


def test_a_singular_label_over_a_lead_in_keeps_the_bullets_that_finish_its_sentence() -> None:
    lines = [
        line(1, 100, "Recommendation", bold=True),
        *paragraph(1, 118, "Within three months, the force should:"),
        *paragraph(1, 133, "• make sure it has enough call handlers;",
                   "• reduce the number of calls abandoned; and",
                   "• assess the risk to every caller.", x0=74),
        *paragraph(1, 190, "The force knows it needs to improve and has recruited staff."),
        line(1, 230, "Recommendations", bold=True),
        *paragraph(1, 248, "Within three months, the force should:"),
        *paragraph(1, 263, "• review its call handling policy;",
                   "• publish its call answering times.", x0=74),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert items[0].text == (
        "Within three months, the force should: • make sure it has enough call handlers; "
        "• reduce the number of calls abandoned; and • assess the risk to every caller."
    )
    assert len(items) == 3  # under the plural heading, each entry is an item


def test_a_quoted_recommendation_set_smaller_is_an_item_and_its_response_is_not() -> None:
    quoted = [
        ("Recommendation 2: By 31 October 2031, chief constables should make sure that their",
         "force can identify repeat victims at the first point of contact."),
        ("Recommendation 5: The Home Office should review the statutory guidance on",
         "anti-social behaviour powers."),
    ]  # fmt: skip
    lines: list[Line] = []
    top = 100.0
    for first, second in quoted:
        lines += [line(1, top, first, size=9.0), line(1, top + 12, second, size=9.0)]
        lines += paragraph(1, top + 32, "Response: The force should do better here, and I",
                           "recommend that the panel notes this progress.")  # fmt: skip
        top += 80
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("2", "contact."), ("5", "powers.")]


def test_a_group_heading_labels_its_numbered_entries_and_its_lead_in_ends_with_them() -> None:
    lines = [
        line(1, 60, "Recommendations", size=13.0, bold=True),
        line(1, 90, "Recommendation 1", bold=True),
        *paragraph(1, 108, "Chief constables should record every report of stalking."),
        line(1, 140, "Recommendations 2 to 3", bold=True),
        *paragraph(1, 158, "We recommend that by March 2031 the Home Office:"),
        *paragraph(1, 173, "2. publishes guidance for the makers of tracking devices;",
                   "3. funds a national helpline for victims of stalking.", x0=74),
        *paragraph(1, 215, "Recommendations 2 and 3 answer what victims told us about the devices",
                   "that were used to follow them, and about the advice they could not find."),
        line(1, 260, "Recommendation 4", bold=True),
        *paragraph(1, 278, "The College of Policing should revise its stalking training."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", None),
        ("2", "by March 2031"),
        ("3", "by March 2031"),
        ("4", None),
    ]


def _panel(top: float, heading: str, entries: list[str], page: int = 1) -> list[Line]:
    """A shaded panel: a heading line over numbered paragraphs."""
    lines = [line(page, top, heading, bold=True), *paragraph(page, top + 18, *entries, x0=72)]
    return [replace(ln, in_box=True) for ln in lines]


def test_a_panel_headed_with_the_plural_label_labels_its_entries_like_the_singular_ones() -> None:
    lines = [
        *_panel(100, "Area for improvement", ["2.8 The force should train custody staff in the "
                                              "Mental Health Act."]),
        *paragraph(1, 160, "3.1 Officers generally considered alternatives to custody."),
        *_panel(200, "Areas for improvement", [
            "4.9 The force should make sure detainees can hear the custody sergeant.",
            "4.10 The force should offer detainees held overnight a shower."]),
        *paragraph(1, 280, "5.1 Cells were clean and most were free of graffiti."),
        *_panel(320, "Area for improvement", ["5.12 The force should survey every cell for "
                                              "ligature points."]),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["2.8", "4.9", "4.10", "5.12"]


def test_a_list_printing_the_whole_of_items_boxes_printed_in_part_is_the_definitive_one() -> None:
    lines = [
        *_panel(100, "Recommendation", ["2.7 The force should put in place governance of its use "
                                        "of force in custody."]),
        *paragraph(1, 160, "2.9 Staff were caring and professional in their work."),
        *_panel(200, "Recommendation", ["5.11 The health care provider should make sure a nurse "
                                        "is on duty at every suite."]),
        *paragraph(1, 260, "5.12 Cells were clean and most were free of graffiti."),
        line(2, 60, "7. Summary of recommendations", size=15.0, bold=True),
        line(2, 90, "Recommendations", bold=True),
        *paragraph(2, 110, "2.7 The force should put in place governance of its use of force in",
                   "custody. Data on each use of force should be analysed by ethnicity and age",
                   "and reviewed at a senior level every quarter."),
        *paragraph(2, 165, "5.11 The health care provider should make sure a nurse is on duty at",
                   "every suite. It should also make sure that detainees who ask to see a",
                   "nurse are seen within an hour."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start, i.text.split()[-1]) for i in items] == [
        ("2.7", 2, "quarter."),
        ("5.11", 2, "hour."),
    ]


def test_a_numbered_paragraph_about_the_recommendations_is_not_one() -> None:
    lines = [
        line(1, 60, "4. Recommendations", size=14.0, bold=True),
        *paragraph(1, 90, "4.1 The following recommendations do not depend on the consultation."),
        *paragraph(1, 110, "4.2 The Government should publish guidance on shared access roads."),
        *paragraph(1, 130, "4.3 Highway authorities should keep a register of shared roads."),
        *paragraph(1, 150, "4.4 We will consider progress on these recommendations next year."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["4.2", "4.3"]


def test_what_others_told_the_inspectors_is_not_an_item() -> None:
    lines = [
        line(1, 60, "Areas for improvement", size=13.0, bold=True),
        *paragraph(1, 90, "• The service should evaluate its prevention campaigns."),
        *paragraph(1, 110, "• Staff told us that the service should do more joint work."),
        *paragraph(1, 130, "• The service should improve how it uses equality data."),
        *paragraph(1, 150, "• Staff told us that waiting lists are long. The service should",
                   "publish its waiting times."),
    ]  # fmt: skip
    assert [i.text.split()[3] for i in split_items(doc(lines))] == ["evaluate", "improve", "that"]


def test_lettered_recommendations_under_a_numbered_cause_of_concern_keep_their_letters() -> None:
    lines = [
        line(1, 60, "Cause of concern 1", size=12.0, bold=True),
        *paragraph(1, 80, "The service is not doing enough to protect people in tall buildings."),
        line(1, 110, "Recommendations", size=11.5, bold=True),
        *paragraph(1, 130, "By 31 January 2031, the service should:"),
        *paragraph(1, 145, "a) make sure its inspection programme covers high-rise buildings;",
                   "b) allocate enough qualified inspectors to the programme.", x0=74),
    ]  # fmt: skip
    assert found(split_items(doc(lines))) == [
        ("cause_of_concern", "1", None, 1),
        ("recommendation", "a", "1", 1),
        ("recommendation", "b", "1", 1),
    ]


def test_a_sections_name_in_the_body_font_heads_the_list_under_its_first_sentence() -> None:
    lines = [
        *paragraph(1, 100, "The force has reduced the time it takes to vet new recruits."),
        *paragraph(1, 130, "Areas for improvement", "We have found two areas for improvement."),
        *paragraph(1, 160, "(i) The force should record why a decision departs from guidance.",
                   "(ii) The force should reduce its backlog of vetting renewals.", x0=74),
    ]  # fmt: skip
    assert [(i.kind, i.text.split()[3]) for i in split_items(doc(lines))] == [
        ("area_for_improvement", "record"),
        ("area_for_improvement", "reduce"),
    ]


def test_a_header_whose_names_ran_into_one_cell_still_names_its_columns() -> None:
    rows = (
        ("Recommendation Owner", ""),
        ("1 Chief constables should quality-assure every case file.", "Chief constables"),
        ("2 The Home Office should review the redaction rules.", "Home Office"),
    )
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [i.responsible for i in items] == ["Chief constables", "Home Office"]


def test_a_whole_header_run_into_its_first_cell_is_cut_back_into_its_columns() -> None:
    rows = (
        ("Ref Recommendation Owner Target date Status", "", "", "", ""),
        ("Rec 1", "The force should answer calls within national targets.", "Supt, Contact",
         "31/03/2031", "Amber"),
        ("Rec 2", "The force should supervise every investigation it opens.", "Det Ch Supt",
         "30 June 2031", ""),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=(Table(page=1, top=100, bottom=200, rows=rows),)))
    assert [(i.number, i.responsible) for i in items] == [
        ("1", "Supt, Contact"),
        ("2", "Det Ch Supt"),
    ]


def test_a_list_of_what_was_already_done_is_not_a_list_of_items() -> None:
    lines = [
        *paragraph(1, 100, "The force has already taken the following action:"),
        *paragraph(1, 115, "1. issued a briefing to all response sergeants;",
                   "2. added a field for previous missing episodes.", x0=74),
        line(1, 160, "Our recommendations", size=13.0, bold=True),
        *paragraph(1, 180, "We recommend that the force:"),
        *paragraph(1, 195, "a) review its missing person policy;",
                   "b) train its control room staff in the risk tool.", x0=74),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [("a", "review"), ("b", "train")]


def test_a_lone_lettered_part_restated_in_the_body_is_not_numbered_by_its_letter() -> None:
    lines = [
        line(1, 60, "Transfusion laboratories", size=13.0, bold=True),
        *paragraph(1, 80, "I recommend:"),
        *paragraph(1, 95, "(b) Laboratories should be staffed to meet the national standards.",
                   x0=74),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == [None]


def test_a_label_naming_an_earlier_report_quotes_it_and_the_own_list_stands() -> None:
    quote = [
        line(1, 100, "RECOMMENDATION 1, MARCH 2029 REPORT", size=10.0, bold=True),
        *paragraph(1, 112, "“Leaders should improve attendance at English lessons.”"),
        line(1, 150, "RECOMMENDATION 3, MARCH 2029 REPORT", size=10.0, bold=True),
        *paragraph(1, 162, "“The college should give apprentices their off-the-job training.”"),
    ]
    own = [
        line(2, 60, "Our recommendations", size=14.0, bold=True),
        *paragraph(2, 90, "1. The college should track every apprentice's training hours."),
        *paragraph(2, 110, "2. The Department for Education should clarify its funding rules."),
    ]
    items = split_items(doc([*quote, *own]))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 2)]


def test_a_heading_level_with_another_columns_heading_still_opens_its_section() -> None:
    lines = [
        replace(line(1, 60, "Our recommendations", size=14.0, bold=True), column=0),
        replace(line(1, 60, "Spotlight on learners", x0=320, size=14.0, bold=True), column=1),
        *paragraph(1, 90, "The quotations in this digest come from our last report, and we have"),
        *paragraph(1, 105, "two new recommendations to make after this visit to the college."),
        # the recommendations set in bold, a size up from the body text
        line(1, 130, "1. The college should track every apprentice's hours.", size=12, bold=True),
        line(1, 150, "2. The Department should clarify its funding rules.", size=12, bold=True),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]


def test_a_kinds_name_in_a_row_of_column_headers_opens_no_section() -> None:
    header = [
        line(1, 100, "Status at 31 March", bold=True),
        line(1, 100, "Recommendations", x0=300, bold=True),
        line(1, 100, "Areas for improvement", x0=420, bold=True),
    ]
    lines = [
        *header,
        *paragraph(1, 120, "Implemented or closed 164 412"),
        *paragraph(1, 150, "The Home Office has told us that it intends to publish a framework.",
                   "Chief constables should read it alongside this report when it appears."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_groups_own_timescale_sentence_times_the_items_under_it() -> None:
    lines = [
        line(1, 60, "Investigating crime", size=12.0, bold=True),
        line(1, 80, "Timescale", bold=True),
        *paragraph(1, 95, "These recommendations should be completed by 31 December 2031."),
        line(1, 115, "Recommendation 1", bold=True),
        *paragraph(1, 130, "The force should allocate investigations to skilled officers."),
        line(1, 160, "Responding to the public", size=12.0, bold=True),
        line(1, 180, "Recommendation 2", bold=True),
        *paragraph(1, 195, "The force should answer non-emergency calls more quickly."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", "by 31 December 2031"),
        ("2", None),
    ]


def test_a_closing_list_that_reprints_the_labelled_items_holds_the_others_too() -> None:
    body = [
        *paragraph(1, 60, "Forces do not share missing person records with each other."),
        line(1, 90, "Recommendation 2", bold=True),
        *paragraph(1, 108, "Chief constables should appoint a senior lead for cross-border cases."),
        *paragraph(1, 140, "A national protocol would remove the need for local agreements."),
        line(1, 170, "Recommendation 3", bold=True),
        *paragraph(1, 188, "The NPCC should agree a national protocol for transferring cases."),
    ]
    chapter = [
        line(2, 60, "4. Our recommendations", size=17.0, bold=True),
        *paragraph(2, 90, "1. Chief constables should record every report on a shared system."),
        *paragraph(
            2, 110, "2. Chief constables should appoint a senior lead for cross-border cases."
        ),
        *paragraph(2, 130, "3. The NPCC should agree a national protocol for transferring cases."),
        *paragraph(2, 150, "4. Within six months, amend the guidance on missing persons."),
    ]
    items = split_items(doc([*body, *chapter]))
    assert sorted(i.number or "" for i in items) == ["1", "2", "3", "4"]


def test_code_labelled_entries_finish_a_lead_in_whose_modal_ends_it() -> None:
    lines = [
        line(1, 60, "Recommendations", size=15.0, bold=True),
        line(1, 90, "Within 12 months of the publication of this report, the College", bold=True),
        line(1, 102, "should:", bold=True),
        *paragraph(1, 120, "R1 publish a single catalogue of its national learning standards;"),
        *paragraph(1, 145, "R2 evaluate whether its standards lead to better practice."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [
        ("R1", "Within 12 months of the publication of this report, the College should:"),
        ("R2", "Within 12 months of the publication of this report, the College should:"),
    ]


def test_a_recommendation_a_letter_announces_in_its_prose_is_an_item() -> None:
    lines = paragraph(
        1, 100, "The force has made progress, but risk assessments remain weak. I am therefore",
        "making a new recommendation: by 31 July 2031, the force should make sure that every",
        "risk assessment is checked by a supervisor. We will monitor its progress.",
    )  # fmt: skip
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "by 31 July 2031, the force should make sure that every risk assessment is checked by a "
        "supervisor."
    ]


def test_recommendations_a_letter_counts_then_enumerates_in_one_sentence_are_items() -> None:
    lines = paragraph(
        1, 100, "I am closing the cause of concern and replacing it with two recommendations: (1)",
        "By 31 July 2031, the force should check every risk assessment; and (2) within six",
        "months, the commissioner should review advocacy funding. We will monitor progress.",
    )  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("1", "By 31 July 2031, the force should check every risk assessment"),
        ("2", "within six months, the commissioner should review advocacy funding."),
    ]
    three = [replace(ln, text=ln.text.replace("two recommendations", "three recommendations"))
             for ln in lines]  # fmt: skip
    assert split_items(doc(three)) == []  # a count the marks do not bear out
    told = [replace(ln, text=ln.text.replace("should check", "checked").replace(
        "should review", "reviewed")) for ln in lines]  # fmt: skip
    assert split_items(doc(told)) == []  # parts that ask nothing: what was done


def test_a_meetings_own_resolutions_are_not_items_but_the_recommendations_it_restates_are() -> None:
    lines = [
        line(1, 60, "1. Recommendations", size=12.5, bold=True),
        *paragraph(1, 80, "That Cabinet:"),
        *paragraph(1, 95, "(a) approves the improvement plan at Appendix B;",
                   "(b) agrees that progress should be reported to scrutiny each year.", x0=80),
        line(2, 60, "Appendix A: Recommendations made by the inspectorate", size=12.5, bold=True),
        *paragraph(2, 80, "The following recommendations are reproduced from the report."),
        *paragraph(2, 100, "1. The council should make sure the service has enough staff."),
        *paragraph(2, 120, "2. The board should set clear priorities for the service."),
    ]  # fmt: skip
    assert [(i.number, i.page_start) for i in split_items(doc(lines))] == [("1", 2), ("2", 2)]


def test_a_summarys_short_titles_give_way_to_the_items_printed_in_full() -> None:
    summary = [
        line(1, 60, "Summary of recommendations", size=14.0, bold=True),
        line(1, 90, "Recommendation 1", bold=True),
        line(1, 90, "Improve how call handlers record vulnerability", x0=170),
        line(1, 105, "Recommendation 2", bold=True),
        line(1, 105, "Work with the commissioner on child abuse cases", x0=170),
    ]
    body = [
        line(2, 60, "Recommendation 1", bold=True),
        *paragraph(2, 78, "Within three months, the force should review how its control room",
                   "records the vulnerability of callers."),
        *paragraph(2, 130, "We found that officers closed cases without interviewing suspects."),
        line(2, 160, "Recommendation 2", bold=True),
        *paragraph(2, 178, "The force and the police and crime commissioner should agree a plan",
                   "to reduce the number of investigations closed without an interview."),
    ]  # fmt: skip
    items = split_items(doc([*summary, *body]))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 2)]


def test_a_numbered_paragraph_opening_with_key_concern_is_a_concern_with_its_recommendation() -> (
    None
):
    lines = [
        line(1, 60, "Section 2 Key concerns and recommendations", size=15.0, bold=True),
        *paragraph(1, 90, "2.1 Key concern: Levels of violence had risen by a third since the",
                   "last inspection."),
        *paragraph(1, 125, "Recommendation: The governor should introduce a safety strategy.",
                   x0=108),
        *paragraph(1, 150, "2.2 Key concern: Prisoners at risk of self-harm were not observed."),
        *paragraph(1, 170, "Recommendation: The governor should check every observation record.",
                   x0=108),
    ]  # fmt: skip
    assert found(split_items(doc(lines))) == [
        ("cause_of_concern", "2.1", None, 1),
        ("recommendation", None, "2.1", 1),
        ("cause_of_concern", "2.2", None, 1),
        ("recommendation", None, "2.2", 1),
    ]


def test_bold_areas_for_improvement_with_plain_explanations_are_each_an_item() -> None:
    explain = (
        "We reviewed eighty crime reports and found that officers had not recorded whether "
        "the victim needed support in nearly a third of them, which the force accepted."
    )
    lines = [
        line(1, 60, "Area for improvement", size=12.0, bold=True),
        *paragraph(1, 80, "The force should record needs assessments for every victim.", bold=True),
        *paragraph(1, 100, explain[:90], explain[90:]),
        line(1, 150, "Areas for improvement", size=12.0, bold=True),
        *paragraph(1, 170, "The force should answer non-emergency calls faster.", bold=True),
        *paragraph(1, 190, explain[:90], explain[90:]),
        *paragraph(1, 230, "The force should identify repeat callers when they first call.",
                   bold=True),
        *paragraph(1, 250, explain[:90], explain[90:]),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "The force should record needs assessments for every victim.",
        "The force should answer non-emergency calls faster.",
        "The force should identify repeat callers when they first call.",
    ]


def test_an_earlier_reports_items_reprinted_are_not_items_and_new_ones_are() -> None:
    lines = [
        line(1, 60, "Original cause of concern", bold=True),
        *paragraph(1, 78, "The force does not record crime accurately enough."),
        line(1, 100, "Original recommendation 1", bold=True),
        *paragraph(1, 118, "Within three months, the force should train its call handlers."),
        line(1, 150, "Our new recommendations", size=12.0, bold=True),
        *paragraph(1, 170, "New recommendation 1: By 31 March 2032, the force should review"),
        *paragraph(1, 200, "New recommendation 2: The force should audit its online reports."),
    ]
    assert [(i.kind, i.number) for i in split_items(doc(lines))] == [
        ("recommendation", "1"),
        ("recommendation", "2"),
    ]


def test_a_kinds_heading_naming_whom_it_is_for_gives_its_items_their_body() -> None:
    lines = [
        line(1, 60, "Actions for the Home Office", size=13.0, bold=True),
        *paragraph(1, 85, "1. By 30 September 2031, publish revised guidance on intermediaries."),
        line(1, 115, "Actions for the NPCC", size=13.0, bold=True),
        *paragraph(1, 140, "2. Develop a national approach to recording communication needs."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.responsible) for i in items] == [
        ("action", "1", "the Home Office"),
        ("action", "2", "the NPCC"),
    ]


def test_a_body_font_good_practice_title_closes_the_areas_for_improvement_above_it() -> None:
    lines = [
        line(1, 80, "Areas for improvement", bold=True),
        *paragraph(1, 100, "1. The force should record why each detainee is kept in handcuffs."),
        *paragraph(1, 120, "2. The force should offer every detainee a shower before release."),
        line(1, 150, "Good practice"),  # in the body font, a title of its own
        *paragraph(1, 170, "• Sergeants spent a day with the youth offending service.", x0=80),
        *paragraph(1, 190, "• Detainees could read their rights on a tablet.", x0=80),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "1"),
        ("area_for_improvement", "2"),
    ]
    assert items[1].text.endswith("before release.")


def test_a_wrapped_line_opening_with_a_reference_to_an_item_is_no_label() -> None:
    lines = [
        line(1, 80, "Recommendation 5", bold=True),
        *paragraph(
            1,
            100,
            "Forces should fund their digital units to meet the standard set under",
            "recommendation 1, and should review that funding at least every two years.",
            bold=True,
        ),
        line(1, 150, "Recommendation 6", bold=True),
        *paragraph(1, 170, "The Home Office should publish the criteria for access.", bold=True),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["5", "6"]
    assert items[0].text.endswith("at least every two years.")


def test_a_for_heading_set_like_a_known_bodys_heads_its_own_group() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=16),
        line(1, 100, "For police forces", bold=True, size=12.5),
        *paragraph(1, 120, "1. Chief constables should name one contact for probation staff."),
        line(1, 150, "For probation regions", bold=True, size=12.5),
        *paragraph(1, 170, "2. Regional directors should audit every licence each quarter."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.responsible) for i in items] == [
        ("1", "police forces"),
        ("2", "probation regions"),
    ]


def test_a_lower_case_item_reference_alone_on_a_line_labels_nothing() -> None:
    # "Not achieved – see / recommendation 4" wrapped in a progress table's cell
    assert not label_ok(line(1, 100, "recommendation 4"), BODY)
    assert not label_ok(line(1, 100, "recommendation 1, and should review it yearly", bold=True))
    assert label_ok(line(1, 100, "Recommendation 4"), BODY)
    assert label_ok(line(1, 100, "Safety recommendation 4", bold=True), BODY)
    assert label_ok(line(1, 100, "recommendation 4: publish the plan"), BODY)


def test_a_priority_in_brackets_after_a_labels_number_stands_for_its_colon() -> None:
    lines = [
        line(1, 60, "3. Findings", bold=True, size=13),
        *paragraph(
            1, 80,
            "The programme lists 214 premises. Recommendation 1 (High) The Head of Protection",
            "should audit every one of them by 31 March 2032.",
        ),
        *paragraph(1, 120, "Recommendation 2 (Low) The service should publish its audit plan."),
        *paragraph(1, 140, "Management response: Agreed. The plan will be published in May."),
        *paragraph(1, 170, "Data were weak. Action – The service should cleanse its records."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert {(i.number, i.text) for i in items} == {
        ("1", "The Head of Protection should audit every one of them by 31 March 2032."),
        ("2", "The service should publish its audit plan."),
        (None, "The service should cleanse its records."),
    }


def test_a_label_run_into_a_sentence_of_its_own_needs_no_colon_or_bold() -> None:
    assert label_ok(
        line(1, 100, "Recommendation 2.3.1 By June, the unit should audit its cells"), BODY
    )
    assert label_ok(line(1, 100, "Recommendation 2.2 The head of the unit"), BODY)
    # a reference inside prose: lower case after the number
    assert not label_ok(line(1, 100, "Recommendation 2.3.1 is the first we make here"), BODY)
    assert not label_ok(line(1, 100, "Recommendation 4 (see chapter 2) was accepted"), BODY)
    lines = [
        *paragraph(1, 80, "Cells were cleaned weekly and the rota was kept up to date."),
        *paragraph(
            1,
            110,
            "Recommendation 2.3.1 By June, the unit should audit its cells and",
            "record the result.",
        ),
        *paragraph(1, 150, "Recommendation 2.3.2 The unit should publish each audit."),
        *paragraph(1, 180, "Recommendation 2.3.1 is the first of the two made here."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("2.3.1", "By June, the unit should audit its cells and record the result."),
        ("2.3.2", "The unit should publish each audit."),
    ]


def test_the_next_columns_prose_is_not_indented_under_the_last_entry_of_a_column() -> None:
    lines = [
        line(1, 80, "Our recommendations", bold=True, size=12),
        *paragraph(1, 100, "1 The council should publish its escalation policy."),
        *paragraph(1, 120, "2 Schools should record every missed appointment."),
        *(
            replace(ln, column=1)
            for ln in paragraph(
                1,
                80,
                "Staff told the reviewers that caseloads had risen",
                "sharply since 2023 and that supervision was rare.",
                x0=330,
            )
        ),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "The council should publish its escalation policy.",
        "Schools should record every missed appointment.",
    ]


def test_a_numbered_concern_that_quotes_someone_is_still_a_concern() -> None:
    lines = [
        line(1, 80, "Matters of concern", bold=True, size=14),
        *paragraph(1, 100, "(1) Handover between the wards is verbal only."),
        *paragraph(
            1,
            120,
            "(2) Although the Trust told the inquest that a policy would follow, no draft",
            "had been written.",
        ),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"),
        ("cause_of_concern", "2"),
    ]


def test_roman_sub_points_at_a_lettered_entrys_margin_are_that_entrys_own() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 100, "a) The agency should survey all its buildings and use them to:"),
        *paragraph(1, 115, "(i) rank repairs by risk; and"),
        *paragraph(1, 130, "(ii) close the buildings that cost most."),
        *paragraph(1, 145, "b) The agency should publish its estate strategy."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        (
            "a",
            "The agency should survey all its buildings and use them to: (i) rank repairs by"
            " risk; and (ii) close the buildings that cost most.",
        ),
        ("b", "The agency should publish its estate strategy."),
    ]


def test_a_qualified_label_with_a_code_heads_an_item_and_an_observation_ends_it() -> None:
    assert label_ok(line(1, 100, "Safety recommendation R/2031/041: The unit recommends"), BODY)
    assert label_ok(line(1, 100, "Strategic recommendation 2: The board should act"), BODY)
    assert not label_ok(line(1, 100, "Previous recommendation 2: The board should act"), BODY)
    lines = [
        *paragraph(1, 80, "Handover at night was brief and often by telephone."),
        *paragraph(
            1,
            100,
            "Safety recommendation R/2031/041: The unit recommends that the agency publishes",
            "a standard for handover at night.",
            x0=80,
        ),
        *paragraph(
            1,
            130,
            "Safety observation O/2031/037: Trusts should consider a written handover.",
            x0=80,
        ),
        *paragraph(1, 150, "Learning point 3: Staff should ask about the last observations."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        (
            "R/2031/041",
            "The unit recommends that the agency publishes a standard for handover at night.",
        )
    ]


def test_a_framework_describing_its_kinds_and_their_template_makes_no_items() -> None:
    lines = [
        line(1, 80, "Causes of concern and recommendations", bold=True, size=14),
        *paragraph(1, 100, "A recommendation should say clearly who must act and by when."),
        *paragraph(
            1,
            130,
            "Our recommendations follow one form: By [date], the [organisation] should [action].",
        ),
        *paragraph(1, 160, "Each cause of concern will be followed by recommendations."),
    ]
    assert split_items(doc(lines)) == []


def test_an_example_marked_as_one_or_written_with_placeholders_is_no_item() -> None:
    box = [
        replace(ln, in_box=True)
        for ln in [
            line(1, 100, "Recommendation 1", bold=True),
            *paragraph(1, 120, "Illustration only – not a real recommendation"),
            *paragraph(1, 135, "Chief constables should make sure that every force records it."),
        ]
    ]
    assert split_items(doc(box)) == []
    placeholders = [
        line(1, 80, "Areas for improvement", bold=True, size=14),
        *paragraph(1, 100, "By [month year], the force should improve how it records crime."),
    ]
    assert split_items(doc(placeholders)) == []


def test_a_timed_lead_in_to_what_was_recommended_before_opens_no_list() -> None:
    lines = [
        *paragraph(1, 80, "In our report of May 2029 we found that missing children were at risk."),
        *paragraph(1, 100, "To address it, we recommended that, by 30 June 2030, the unit should:"),
        *paragraph(
            1, 120, "1. make sure that a supervisor reviews every missing person report;", x0=80
        ),
        *paragraph(1, 135, "2. make sure that supervisors are trained in assessing risk.", x0=80),
        *paragraph(1, 160, "The unit accepted these recommendations and published a plan in 2029."),
        line(1, 190, "Recommendations", bold=True, size=14),
        *paragraph(1, 210, "1. By 31 May 2032, the unit should audit every report."),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == ["By 31 May 2032, the unit should audit every report."]


def test_a_letters_subject_line_naming_a_kind_opens_no_section() -> None:
    lines = [
        *paragraph(1, 60, "Dear Chief Constable,"),
        line(1, 80, "Accelerated cause of concern: searches of children in custody", bold=True),
        *paragraph(
            1,
            100,
            "This is not the first time we have raised it. In 2030 we said forces should record",
            "every search, and many still do not.",
        ),
        line(1, 130, "Cause of concern", bold=True),
        *paragraph(1, 150, "Forces do not oversee the search of children in custody well."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.text) for i in items] == [
        ("cause_of_concern", "Forces do not oversee the search of children in custody well.")
    ]


def test_a_numbered_ask_answered_by_a_response_is_a_restated_recommendation() -> None:
    lines = [
        line(1, 60, "Defining neighbourhood policing", bold=True, size=13),
        *paragraph(1, 80, "The Committee heard that the term is used in many ways."),
        *paragraph(
            1, 100, "12. The Home Office should publish one definition of the term.", bold=True
        ),
        line(1, 120, "Government response", bold=True),
        *paragraph(1, 140, "The Government accepts this recommendation and has done so."),
        *paragraph(1, 170, "14. Forces said that they should be trusted to decide locally."),
        *paragraph(1, 190, "The Committee noted their view."),
        # a numbered paragraph reporting views, answered too: its first sentence asks nothing
        *paragraph(
            1,
            220,
            "15. The Ombudsman gave further views on injustice. Some women did not need to",
            "plan differently.",
        ),
        line(1, 250, "Government response", bold=True),
        *paragraph(1, 270, "The Government notes these views."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("12", "The Home Office should publish one definition of the term.")
    ]


def test_a_notices_steps_required_are_actions() -> None:
    lines = [
        line(1, 80, "Steps required", bold=True),
        *paragraph(1, 100, "1. Respond in full to every request received before this notice."),
        *paragraph(1, 120, "2. Adopt a written procedure for handling requests by 31 May 2032."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")]


def test_numbering_restarted_for_each_agency_in_one_list_keeps_every_ask() -> None:
    lines = [
        line(1, 80, "Single agency recommendations", bold=True, size=14),
        *paragraph(1, 100, "Eastvale Police"),
        *paragraph(1, 115, "1. Eastvale Police should train officers to ask about coercion."),
        *paragraph(1, 130, "2. Eastvale Police should link repeat calls from one address."),
        *paragraph(1, 150, "Health"),
        *paragraph(1, 165, "1. The care board should fund routine enquiry in GP practices."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2", "1"]


def test_a_paragraph_counting_key_concerns_is_no_item() -> None:
    lines = [
        line(1, 80, "Areas for improvement", bold=True, size=14),
        *paragraph(
            1, 100, "We identified 7 key concerns, of which 3 should be treated as priorities."
        ),
        *paragraph(
            1, 120, "• The prison should make sure that every cell bell is answered quickly."
        ),
    ]
    items = split_items(doc(lines))
    assert [i.text for i in items] == [
        "The prison should make sure that every cell bell is answered quickly."
    ]


def test_a_letters_plain_i_recommend_paragraphs_and_its_announced_area_for_improvement() -> None:
    lines = [
        *paragraph(1, 80, "Dear Chief Constable,"),
        *paragraph(
            1,
            100,
            "In our 2023 inspection we identified an area for improvement about",
            "audits. The force takes action when it needs to.",
        ),
        *paragraph(
            1,
            150,
            "I recommend that, within three months, the force audits every",
            "cancelled crime record.",
        ),
        *paragraph(1, 200, "The force told us it has begun this work, which I welcome."),
        *paragraph(1, 230, "I also recommend that the force publishes its recording policy."),
        *paragraph(2, 80, "Yours sincerely,"),
        *paragraph(
            2,
            110,
            "PS. We also identified an area for improvement outside this letter.",
            "The force should record online reports within a day.",
        ),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[0]) for i in items] == [
        ("recommendation", "I"),
        ("recommendation", "I"),
        ("area_for_improvement", "The"),
    ]
    assert items[2].text == "The force should record online reports within a day."


def test_orders_are_actions_and_an_order_keeps_its_lettered_parts() -> None:
    lines = [
        line(1, 60, "Orders and recommendations", bold=True, size=14),
        line(1, 80, "Orders", bold=True),
        *paragraph(1, 100, "1. Within four weeks of this report, the landlord must:"),
        *paragraph(1, 115, "a. apologise to the resident in writing;", x0=100),
        *paragraph(1, 130, "b. pay the resident £600 for the distress caused.", x0=100),
        *paragraph(1, 150, "2. Within six weeks, the landlord must survey the whole block."),
        *paragraph(1, 170, "3. The landlord must repair the roof within twelve weeks."),
        line(1, 200, "Recommendations", bold=True),
        *paragraph(1, 220, "1. The landlord should review its repairs policy."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text.split()[-1]) for i in items] == [
        ("action", "1", "caused."),
        ("action", "2", "block."),
        ("action", "3", "weeks."),
        ("recommendation", "1", "policy."),
    ]


def test_a_numbered_remedy_agreed_keeps_its_bullets_and_the_reply_duty_is_no_item() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True, size=14),
        *paragraph(
            1, 80,
            "28. The Council must consider the report and confirm within three months the "
            "action it has taken or proposes to take.",
        ),
        *paragraph(
            1, 110,
            "29. In addition to the requirements set out above, the Council has agreed to take "
            "the following action within one month of the date of this report:",
        ),
        *paragraph(1, 140, "• apologise to Mrs B in writing;", x0=100),
        *paragraph(1, 155, "• cancel the invoice for her care in May.", x0=100),
        *paragraph(1, 175, "30. Within three months, the Council should review its letters."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("29", "May."), ("30", "letters.")]


def test_a_timed_should_lead_in_opens_a_list_of_asks_outside_any_section() -> None:
    lines = [
        *paragraph(
            1, 80, "7. The council took ten months to assess the application. That was fault."
        ),
        line(1, 110, "Within one month of my final decision, the council should:", bold=True),
        *paragraph(1, 130, "a) apologise to Mrs X in writing;"),  # at the lead-in's margin
        *paragraph(1, 145, "b) pay Mrs X £300 for the distress caused."),
        *paragraph(1, 175, "8. The council has agreed to send us evidence that it has done so."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.text.split()[0]) for i in items] == [
        ("recommendation", "a", "apologise"),
        ("recommendation", "b", "pay"),
    ]


def test_timed_lead_ins_under_an_action_heading_and_its_paragraph_list_its_actions() -> None:
    lines = [
        line(1, 80, "Action", bold=True, size=13),
        *paragraph(
            1, 100, "18. To remedy the injustice, the council agreed to the following action."
        ),
        line(1, 120, "Within one month of my final decision, the council should:", bold=True),
        *paragraph(1, 140, "a) apologise to Mrs X in writing;", x0=90),
        *paragraph(1, 155, "b) pay Mrs X £300 for the distress caused.", x0=90),
        line(1, 180, "Within three months of my final decision, the council should:", bold=True),
        *paragraph(1, 200, "c) review its assessment procedures.", x0=90),
        *paragraph(1, 230, "19. The council will send us evidence that it has done so."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("action", "a"),
        ("action", "b"),
        ("action", "c"),
    ]
    assert items[2].lead_in == "Within three months of my final decision, the council should:"


def test_short_codes_over_orders_in_a_section_label_its_items() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 100, "R1 Improve attendance, especially of pupils on free school meals"),
        *paragraph(1, 122, "R2 Refine self-evaluation so that leaders focus on pupils' progress"),
        line(1, 140, "What happens next", bold=True, size=14),
        *paragraph(1, 160, "R3 Block is closed for repairs until the spring term begins."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [("R1", "Improve"), ("R2", "Refine")]


def test_a_kind_named_in_the_margin_labels_the_numbered_paragraph_level_with_it() -> None:
    lines = [
        *(
            line(
                1,
                80 + 15 * k,
                f"4.{k + 1} We found that officers were stretched by demand.",
                x0=150,
            )
            for k in range(6)
        ),
        line(1, 180, "Recommendation", x0=52, size=8, bold=True),
        line(
            1, 180, "4.7 By 31 October 2025, the force should review every risk assessment.", x0=150
        ),
        line(1, 200, "4.8 Call handlers were polite and reassuring to callers.", x0=150),
        line(1, 220, "Area for", x0=52, size=8, bold=True),
        line(1, 220, "4.9 The force should improve how call handlers record", x0=150),
        line(1, 229, "improvement", x0=52, size=8, bold=True),
        line(1, 235, "what callers tell them.", x0=182),
        line(1, 255, "Recommendation 4.10 Chief constables should train every officer.", x0=52),
        line(1, 275, "4.11 The unit was created in 2023 and has not been evaluated.", x0=150),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "4.7"),
        ("area_for_improvement", "4.9"),
        ("recommendation", "4.10"),
    ]
    assert (
        items[1].text == "The force should improve how call handlers record what callers tell them."
    )


def test_labels_over_boxed_text_in_two_columns_label_their_own_columns_text() -> None:
    # the right column holds more lines, so the left column starts left of the body's edge;
    # each label heads the panel under it (the label above the panel, the text inside it)
    def labelled(x0: float, top: float, label: str, text: str) -> list[Line]:
        boxed = replace(line(1, top + 25, text, x0=x0), in_box=True)  # the panel's padding
        return [line(1, top, label, x0=x0, bold=True), boxed]

    lines = [
        *paragraph(1, 60, "Searches rose by a tenth in the year.", x0=300),
        *paragraph(1, 75, "Find rates fell slightly over the year.", x0=300),
        *labelled(56, 100, "Recommendation 1", "The Service should publish a search strategy."),
        *labelled(300, 100, "Improvement action 1", "The Service should remind officers."),
        *labelled(56, 150, "Recommendation 2", "The Chief Constable should chair the board."),
        *labelled(300, 150, "Improvement action 2", "The Service should review each record."),
    ]
    items = split_items(doc(lines))
    assert sorted((i.kind, i.number, i.text.split()[-1]) for i in items) == [
        ("action", "1", "officers."),
        ("action", "2", "record."),
        ("recommendation", "1", "strategy."),
        ("recommendation", "2", "board."),
    ]


def test_paragraphs_about_what_the_actions_are_are_not_actions() -> None:
    lines = [
        line(1, 80, "Areas for improvement", bold=True, size=17),
        *paragraph(1, 100, "We told the trust that it must take four actions to meet the law."),
        *paragraph(1, 120, "Action the trust must take is necessary to comply with the law."),
        line(1, 145, "Action the trust MUST take to improve", bold=True, size=12),
        *paragraph(1, 165, "• The trust must make sure the board sees accurate data.", x0=74),
        *paragraph(1, 180, "• The trust must learn from every serious incident.", x0=74),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[-1] for i in items] == ["data.", "incident."]


def test_recommendations_qualified_by_who_they_are_for_head_a_section() -> None:
    lines = [
        line(1, 80, "7. Single-agency recommendations", bold=True, size=15),
        *paragraph(1, 100, "7.1 Each agency made recommendations for its own services."),
        *paragraph(1, 120, "• The force should make sure officers complete the risk form.", x0=88),
        *paragraph(1, 135, "• The health centre should flag disclosures of abuse.", x0=88),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[1] for i in items] == ["force", "health"]


def test_a_text_conversions_underlined_capital_heading_closes_the_list_above_it() -> None:
    lines = [
        *paragraph(1, 80, "5. RECOMMENDATIONS"),
        *paragraph(1, 100, "Rec 1: The Chief Constable should name a contact for every ward."),
        *paragraph(1, 120, "Rec 2: My office will commission a survey of people who report ASB."),
        *paragraph(
            1,
            150,
            "6. PROGRESS ON THE RECOMMENDATIONS IN MY 2023 REPORT ON POLICING",
            "-----------------------------------------------------------------",
        ),
        *paragraph(1, 190, "6.1 My 2023 report made four recommendations, summarised below."),
        *paragraph(1, 210, "R2 Publish ward-level response times"),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2"]


def test_a_panel_of_areas_for_improvement_continued_on_the_next_page_keeps_labelling() -> None:
    def boxed(page: int, top: float, text: str, bold: bool = False) -> Line:
        return replace(line(page, top, text, x0=390, bold=bold), in_box=True)

    lines = [
        *paragraph(1, 80, "The force answers most emergency calls quickly enough."),
        boxed(1, 100, "Areas for improvement", bold=True),
        boxed(1, 120, "1. The force should allocate each case to a trained investigator."),
        boxed(1, 140, "2. The force should keep victims informed of progress."),
        *paragraph(2, 80, "The force manages most registered sex offenders well."),
        boxed(2, 100, "Areas for improvement (continued)", bold=True),
        boxed(2, 120, "3. The force should visit every offender within the set time."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2", "3"]


def test_a_list_of_asks_under_its_own_heading_beside_a_table_of_labelled_items_is_kept() -> None:
    rows = (
        ("Ref", "Recommendation", "Agency"),
        ("Police 1", "The police should review how repeat calls are handled.", "Police"),
        ("ICB 1", "The ICB should fund a specialist domestic abuse nurse post.", "ICB"),
    )
    lines = [
        line(2, 80, "7. Single-agency recommendations", bold=True, size=15),
        *paragraph(2, 100, "• The force should make sure officers complete the risk form.", x0=88),
        *paragraph(2, 120, "• The health centre should flag every disclosure of abuse.", x0=88),
    ]
    table = Table(page=1, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [i.text.split()[1] for i in items] == ["police", "ICB", "force", "health"]


def test_sub_items_numbered_5a_5b_without_a_stop_are_items_under_their_titled_number() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 100, "4 The Board should convene a risk meeting for every such adult."),
        line(1, 120, "5 Self-neglect guidance", bold=True),
        *paragraph(
            1, 140, "5a The Board should update its self-neglect guidance by autumn.", x0=76
        ),
        *paragraph(1, 160, "5b All partner agencies should train their front-line staff.", x0=76),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["4", "5a", "5b"]


def test_strategic_and_operational_codes_number_their_recommendations() -> None:
    lines = [
        line(1, 80, "Strategic recommendations", bold=True, size=12),
        *paragraph(1, 100, "SR1 The Department should publish a resettlement strategy."),
        line(1, 130, "Operational recommendations", bold=True, size=12),
        *paragraph(1, 150, "OR1 The Prison Service should open a bank account for every leaver."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["SR1", "OR1"]


def test_an_item_takes_the_timescale_a_summary_table_gives_its_other_printing() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 100, "The Government should:"),
        *paragraph(1, 120, "• publish a breakdown of how housing funding is shared out", x0=80),
        *paragraph(1, 140, "• review whether the legal limits on unsuitable housing work", x0=80),
    ]
    rows = (
        ("Recommendation", "Timescale"),
        ("Publish a breakdown of how housing funding is shared out", "By March 2031"),
        ("Review whether the legal limits on unsuitable housing work", "By June 2031"),
    )
    table = Table(page=3, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.page_start, i.timing) for i in items] == [(1, "By March 2031"), (1, "By June 2031")]


def test_a_summarys_title_that_matches_no_item_restates_one_when_the_rest_all_do() -> None:
    asks = [
        "publish a breakdown of how housing funding is shared out",
        "review whether the legal limits on unsuitable housing work",
        "improve the data held on households in temporary housing",
        "report spending on temporary housing to elected members",
        "jointly review the funding arrangements for temporary housing",
    ]
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 100, "The Government and councils should:"),
        *(line(1, 120 + 20 * k, f"• {a}", x0=80) for k, a in enumerate(asks)),
    ]
    titles = [a[:1].upper() + a[1:] for a in asks[:4]] + ["Joint review of funding"]
    rows = (("Recommendation", "Timescale"), *((t, "By March 2031") for t in titles))
    table = Table(page=3, top=100, bottom=200, rows=rows)
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [i.text.split()[0] for i in items] == [a.split()[0] for a in asks]


def test_a_bold_title_ending_one_column_does_not_join_the_next_columns_bold_title() -> None:
    lines = [
        *paragraph(1, 100, "The force has a positive culture and staff feel valued."),
        line(1, 400, "Innovative practice: open-door wellbeing clinics", bold=True),
        *(replace(ln, column=1) for ln in [
            line(1, 80, "Areas for improvement", x0=390, bold=True),
            line(1, 100, "7. The force should understand its workforce's wellbeing needs.", x0=390),
        ]),
    ]  # fmt: skip
    texts = [b.raw_text for b in make_blocks(lines)]
    assert texts[1:3] == [
        "Innovative practice: open-door wellbeing clinics",
        "Areas for improvement",
    ]


def test_paragraphs_numbered_through_a_report_each_asking_a_body_are_its_recommendations() -> None:
    asks = (
        "The force should publish the grounds for each search of a child.",
        "The force should remind officers to tell a parent after every search.",
        "The Department of Justice should review the code of practice on searches.",
    )
    lines = [line(1, 60, "Chapter 2: Grounds and recording", bold=True, size=15)]
    for k, ask in enumerate(asks):
        top = 90 + 70 * k
        lines += paragraph(1, top, "We examined 150 records and found the grounds were vague.")
        lines += [line(1, top + 30, f"{k + 1} {ask}", x0=86)]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [(str(k + 1), a) for k, a in enumerate(asks)]
    # numbered paragraphs that ask the reader, or tell, are no recommendations
    asked = [*lines[:-1], line(1, 250, "3 What should the Department of Justice do next?", x0=86)]
    assert split_items(doc(asked)) == []
    told = [*lines[:-1], line(1, 250, "3 The Department of Justice reviewed the code in 2023.")]
    assert split_items(doc(told)) == []
    # nor are paragraphs whose numbering does not run 1, 2, 3 through the report
    shifted = [replace(ln, text=f"{int(ln.text[0]) + 1}{ln.text[1:]}") for ln in lines[2::2]]
    assert split_items(doc([*lines[:2], *shifted])) == []
    # paragraphs read as items another way (a section's entries) are not read again
    listed = [line(1, 60, "Areas for improvement", bold=True, size=15), *lines[2::2]]
    assert [i.kind for i in split_items(doc(listed))] == ["area_for_improvement"] * 3


def test_paragraphs_describing_the_recommendations_at_a_sections_head_are_not_entries() -> None:
    lines = [
        line(1, 60, "Summary of recommendations", bold=True, size=16),
        *paragraph(
            1, 90,
            "Our recommendations are numbered across the three themes that follow. Where we",
            "think a recommendation should be completed sooner, we say so in its own words.",
        ),
        *paragraph(
            1, 130,
            "We have costed the proposals in outline only. The largest single item is the entry",
            "programme for detectives, which would cost about 60 million pounds a year at full",
            "capacity, and most of the others could be met from budgets the bodies already hold.",
        ),
        line(1, 190, "Workforce", bold=True),
        line(1, 210, "1. The Home Office should fund a national entry programme for detectives."),
        line(1, 230, "2. Chief constables should hold an exit interview with every leaver."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2"]
    # a paragraph that names the items and asks in its first sentence is an entry
    asks = line(1, 90, "These recommendations are simple: forces should train every new officer.")
    assert [i.text for i in split_items(doc([lines[0], asks]))] == [asks.text]


def test_labels_qualified_differently_number_two_lists_whose_items_share_words() -> None:
    asks = (
        ("Strategic", "The force should review its domestic abuse training within six months."),
        ("Operational", "The force should review its domestic abuse case files within six months."),
    )
    lines = [line(1, 60, "Recommendations", bold=True, size=14)]
    for k, (series, ask) in enumerate(asks):
        lines += [line(1, 90 + 50 * k, f"{series} recommendation 1", bold=True)]
        lines += [line(1, 110 + 50 * k, ask)]
    assert [i.text for i in split_items(doc(lines))] == [a for _, a in asks]


def test_a_committee_that_recommends_the_following_to_a_board_opens_its_list() -> None:
    lines = [
        line(1, 60, "Appendix B", bold=True, size=13),
        line(1, 90, "The Audit and Risk Committee recommends the following to the Board."),
        line(1, 110, "1. The Authority should adopt a standard for closing recommendations."),
        line(1, 130, "2. The Authority should visit two custody centres each year."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]
    # a committee that recommended them before is telling, not opening a list
    told = line(1, 90, "In 2024 the Committee made recommendations to the Board on training.")
    assert split_items(doc([lines[0], told, *lines[2:]])) == []


def test_a_numbered_ask_ending_in_particular_keeps_its_lettered_details_inside() -> None:
    asks = (
        ("1. The Panel recommends that the Commissioner publishes the plan by May.", 70),
        ("2. The Panel recommends that the Commissioner reviews the use of reserves,", 70),
        ("and in particular:", 70),
        ("(a) sets out the minimum level of reserves; and", 100),
        ("(b) explains how the estates reserve will be replenished.", 100),
        ("3. The Panel recommends that the Commissioner reports twice a year.", 70),
    )
    body = [line(1, 90 + 18 * k, text, x0=x0) for k, (text, x0) in enumerate(asks)]
    items = split_items(doc([line(1, 60, "Recommendations", bold=True, size=14), *body]))
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[1].text.endswith("will be replenished.")


def test_numbered_asks_after_a_steps_heading_are_actions_whatever_was_read_before_them() -> None:
    assert section_kind("Steps to remedy") == "action"
    lines = [
        line(1, 60, "Steps to remedy", bold=True, size=13),
        line(1, 90, "The Authority should keep records that show what it has done and when."),
        *paragraph(
            1, 120,
            "The air monitoring results that informed this notice are summarised in the table",
            "below. They were provided by the Authority's own occupational hygienist during May",
            "and were confirmed by samples taken by the inspector on the day of the visit.",
        ),
    ]  # fmt: skip
    steps = ("carry out a risk assessment.", "repair the extraction.", "train the range staff.")
    for k, step in enumerate(steps):
        text = f"{k + 1} The Authority shall {step} It must record it."
        lines.append(line(1, 200 + 20 * k, text))
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items if i.number] == [
        ("action", "1"),
        ("action", "2"),
        ("action", "3"),
    ]


def test_requirements_coded_r1_under_a_notices_requirements_heading_are_actions() -> None:
    texts = (
        "3.1 The Regulator requires the force to take the following steps.",
        "3.2 The requirements are linked to the findings in Annex A.",
        "R1 The force must suspend the reporting of results from the site.",
        "R2 The force must complete a review of all casework from the site.",
    )
    body = [line(1, 90 + 20 * k, t) for k, t in enumerate(texts)]
    items = split_items(doc([line(1, 60, "3. Requirements", bold=True, size=15), *body]))
    assert [(i.kind, i.number) for i in items] == [("action", "R1"), ("action", "R2")]


def test_an_answer_under_an_items_label_gives_way_to_the_item_printed_in_full() -> None:
    rows = [("No .", "Recommendation", "Accepted", "Force lead")]
    rows += [(str(k), f"The force should act on finding {k} of the review.", "Yes", "ACC")
             for k in (1, 2, 3)]  # fmt: skip
    table = Table(page=1, top=100, bottom=220, rows=tuple(rows))
    lines = [
        line(1, 80, "Our response to each recommendation", bold=True, size=14),
        line(1, 250, "Recommendations accepted in part", bold=True),
        line(1, 270, "Recommendation 2. We accept that the time taken is too long."),
        line(1, 290, "Recommendation 3. We have funded two more officers this year."),
    ]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.text) for i in items] == [
        (str(k), f"The force should act on finding {k} of the review.") for k in (1, 2, 3)
    ]


def test_a_campaigning_reports_asks_are_its_recommendations() -> None:
    assert section_kind("Asks of the UK Government") == "recommendation"
    assert section_kind("Our asks") == "recommendation"
    assert section_kind("He asks") is None


def test_bilingual_headings_and_labels_are_read_by_the_side_that_names_a_kind() -> None:
    assert section_kind("Argymhellion / Recommendations") == "recommendation"
    assert section_kind("Rhagair / Foreword") is None
    lines = [line(1, 60, "Argymhellion / Recommendations", bold=True, size=16)]
    for k in (1, 2):
        lines += [line(1, 70 + 40 * k, f"Argymhelliad {k} / Recommendation {k}", bold=True)]
        lines += [line(1, 90 + 40 * k, f"The Welsh Government should act on matter {k}.")]
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [
        ("1", "The Welsh Government should act on matter 1."),
        ("2", "The Welsh Government should act on matter 2."),
    ]


def test_codes_for_new_key_and_improvement_recommendations_number_their_items() -> None:
    texts = (
        "NR1 The force should extend the retention controls to its custody records.",
        "NR2 The force should make sure its board reviews the four open findings.",
    )
    body = [line(1, 90 + 20 * k, t) for k, t in enumerate(texts)]
    items = split_items(doc([line(1, 60, "New recommendations", bold=True, size=13), *body]))
    assert [i.number for i in items] == ["NR1", "NR2"]


def test_a_label_that_spells_its_number_and_gives_a_code_is_numbered_by_the_code() -> None:
    lines = [line(1, 60, "Our recommendations", bold=True, size=14)]
    for k, (word, title) in enumerate((("one", "Triage"), ("two", "Accreditation"))):
        lines += [line(1, 90 + 50 * k, f"Recommendation {word} (R{k + 1}): {title}", bold=True)]
        lines += [line(1, 110 + 50 * k, f"The force should act on the {title.lower()} finding.")]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [
        ("R1", "Triage"),
        ("R2", "Accreditation"),
    ]


def test_a_count_over_each_box_numbers_its_item_by_its_place() -> None:
    lines = [line(1, 60, "Recommendations", bold=True, size=14)]
    for k in range(3):
        top = 90 + 50 * k
        lines += [line(1, top, f"{k + 1}/3", size=7.5, x0=72)]
        lines += [replace(line(1, top + 12, f"The force should act on case file {k + 1}."), x0=82)]
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [
        ("1", "1."),
        ("2", "2."),
        ("3", "3."),
    ]
    # "4/3" counts nothing: a ratio, not an item's place
    wrong = [replace(ln, text="4/3") if ln.text.endswith("/3") else ln for ln in lines]
    assert "4" not in [i.number for i in split_items(doc(wrong))]


def test_a_summary_entry_pointing_to_its_page_gives_way_to_the_full_printing() -> None:
    ask = "The force should record the places that matter to each person with dementia."
    lines = [
        line(1, 60, "Summary of recommendations", bold=True, size=14),
        line(1, 90, f"1. {ask} (page 2)"),
        line(2, 60, "Recommendations", bold=True, size=14),
        line(2, 90, f"1. {ask}"),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.page_start, i.text) for i in items] == [("1", 2, ask)]
    # printed once, its pointer is still no part of its text
    assert [i.text for i in split_items(doc(lines[:2]))] == [ask]


def test_a_label_after_its_authors_name_is_the_reports_own_item() -> None:
    lines = [
        *paragraph(1, 100, "The team visited four districts and read case files in May."),
        *paragraph(1, 140, "Panel’s Recommendation 1: The panel recommends that the service"),
        *paragraph(1, 155, "appoints a lead for crisis calls and reports coverage each month."),
        *paragraph(1, 190, "Data from the two systems cannot yet be combined with any confidence."),
        *paragraph(1, 230, "Panel’s Recommendation 2: The panel recommends that the service"),
        *paragraph(1, 245, "withdraws the paper form and uses the electronic one for every stop."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text[-20:]) for i in items] == [
        ("1", "coverage each month."),
        ("2", " one for every stop."),
    ]
    # another body's name, not its author's, before a label: a quotation of its items
    quoted = [replace(ln, text=ln.text.replace("Panel’s", "HMICFRS")) for ln in lines]
    assert split_items(doc(quoted)) == []


def test_numbered_asks_among_dotted_narrative_with_lettered_parts_after_a_brief_summary() -> None:
    lines = [
        line(1, 60, "Summary", bold=True, size=13),
        line(1, 80, "Our principal recommendations are, in brief:"),
        line(1, 95, "• a shorter maximum period for bail conditions;", x0=80),
        line(1, 110, "• better records of decisions to release on undertaking.", x0=80),
        line(2, 60, "2.1 Consultees told us that conditions are often imposed by default."),
        line(
            2,
            80,
            "1. The maximum period for conditions should be cut from 28 to 21 days.",
            bold=True,
        ),
        line(2, 100, "2.2 Other jurisdictions let a court review a condition at any time."),
        line(
            2,
            120,
            "2. Police Scotland should record the reasons for every release decision.",
            bold=True,
        ),
        line(2, 140, "3. Conditions of release", bold=True),
        line(2, 160, "3(a) The Act should be amended to require a written explanation.", bold=True),
        line(
            2, 180, "3(b) The Act should let a person apply to the sheriff at any time.", bold=True
        ),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.parent, i.text[:12]) for i in items] == [
        ("1", None, "The maximum "),
        ("2", None, "Police Scotl"),
        ("3(a)", "3", "The Act shou"),
        ("3(b)", "3", "The Act shou"),
    ]


def test_a_number_and_letter_label_without_a_stop_numbers_a_sub_item() -> None:
    lines = [
        line(1, 80, "Recommendations", bold=True, size=14),
        *paragraph(1, 120, "1 The Commissioner should publish answer times every month."),
        *paragraph(1, 160, "2 The Commissioner should use the next budget to:"),
        *paragraph(1, 175, "2a fund more call handlers in the contact centre;"),
        *paragraph(1, 190, "2b keep the community grants at their present level; and"),
        *paragraph(1, 205, "2c set aside money for a text-relay service."),
        *paragraph(1, 245, "3 The Commissioner should review the online reporting service."),
    ]
    got = [(n, p) for _, n, p, _ in found(split_items(doc(lines)))]
    assert got == [("1", None), ("2", None), ("2a", "2"), ("2b", "2"), ("2c", "2"), ("3", None)]


def test_a_list_restarting_under_another_addressee_heading_keeps_its_entries() -> None:
    lines = [
        line(1, 80, "10. Recommendations", bold=True, size=14),
        line(1, 100, "Recommendations for the Service", bold=True),
        *paragraph(1, 120, "1. The Service should review its inspections of blocks of flats."),
        *paragraph(1, 140, "2. The Service should train its control staff in survival guidance."),
        line(1, 170, "Recommendations for partner organisations", bold=True),
        # a numbered paragraph about the list below is no entry of it
        *paragraph(1, 190, "10.2 The recommendations below are made to partner organisations.",
                   "Each has been consulted on the recommendation addressed to it."),
        # other words, but the few any two asks share ("should", "the", "of its", "flats")
        *paragraph(1, 240, "1. Northvale Homes should check the doors of its blocks of flats."),
        *paragraph(1, 260, "2. The Borough Council should advise tenants on batteries."),
        line(1, 300, "11. Conclusion", bold=True, size=14),
        *paragraph(1, 320, "11.1 The fire was caused by the failure of a battery during charging."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [
        ("1", "The"), ("2", "The"), ("1", "Northvale"), ("2", "The")
    ]  # fmt: skip


def test_another_reports_item_cited_by_its_serial_is_not_this_reports() -> None:
    lines = [
        *paragraph(1, 80, "An earlier investigation found that long answering times put users off.",
                   "Its second recommendation is reproduced below because it remains relevant."),
        line(1, 130, "Recommendation 2 of RSIB report 11/2020", bold=True),
        *paragraph(1, 150, "Network Rail should monitor how long crossing phones take to answer."),
        line(2, 80, "Recommendations", bold=True, size=14),
        line(2, 100, "Recommendation 1", bold=True),
        *paragraph(2, 120, "Westmarch Trains should brief its drivers on when to sound the horn."),
        line(2, 150, "Recommendation 2", bold=True),
        *paragraph(2, 170, "The Office of Rail and Road should audit crossing risk assessments."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 2)]


def test_a_short_title_table_does_not_make_full_lists_yield_to_labels() -> None:
    lines = [
        line(1, 80, "Recommendations for the Service", bold=True, size=14),
        *paragraph(1, 100, "1. The Service should review its inspection programme every year."),
        *paragraph(1, 120, "2. The Service should train its control staff in survival guidance."),
        line(1, 150, "Recommendations for partner organisations", bold=True, size=14),
        *paragraph(1, 170, "1. Northvale Homes should check the entrance doors of its flats."),
        *paragraph(1, 190, "2. The Borough Council is asked to consider advice on batteries."),
    ]  # fmt: skip
    plan = Table(page=2, top=100, bottom=200, rows=(
        ("No.", "Recommendation (summary)", "Lead", "Target date"),
        ("The Service", "", "", ""),
        ("1", "Include the risks of charging e-bikes in home safety visits and campaigns",
         "Head of Protection", "30/03/2032"),
        ("2", "Training for control staff in survival guidance", "Control Manager", "30/06/2032"),
        ("Partner organisations", "", "", ""),
        ("1", "Programme of checks of flat entrance doors", "Northvale Homes", "30/03/2032"),
        ("2", "Advice to tenants on lithium-ion batteries", "Borough Council", "30/06/2032"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(plan,)))
    assert [i.text.split()[0] for i in items if i.page_start == 1] == [
        "The", "The", "Northvale", "The"
    ]  # fmt: skip


def test_a_label_quoting_another_reports_concern_heads_its_asks_too() -> None:
    lines = [
        line(1, 60, "Cause of concern 1 (2024): Protection", bold=True, size=13),
        *paragraph(1, 80, "The service does not audit enough high-risk premises."),
        *paragraph(1, 100, "By 31 March 2025, the service should:"),
        line(1, 120, "1 put in place a risk-based inspection programme; and", x0=80),
        line(1, 135, "2 use its enforcement powers consistently.", x0=80),
        line(1, 165, "What we found", bold=True, size=13),
        *paragraph(1, 185, "The service now audits twice as many premises as a year ago."),
        line(1, 215, "Area for improvement", bold=True),
        *paragraph(1, 235, "The service should evaluate its new inspection programme each year."),
        line(1, 265, "Recommendation 2 (amended)", bold=True),
        *paragraph(1, 285, "Within three months, the service should target those at risk."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", None), ("recommendation", "2")
    ]  # fmt: skip


def test_a_page_of_items_set_smaller_than_the_body_is_no_footnote() -> None:
    asks = [
        "1 By June 2032, chief fire officers should check the background of all staff",
        "in their control rooms and on their stations.",
        "2 Chief fire officers should give staff a confidential way to raise concerns",
        "outside their line management chain, and tell every member of staff about it.",
        "3 The National Fire Chiefs Council should publish guidance within six months",
        "on how services handle allegations of misconduct against senior leaders.",
        "4 The Home Office should begin work on a barred list for dismissed staff.",
        "5 Fire and rescue authorities should review their data on grievances each",
        "year, and challenge their chief fire officer when the data show a problem.",
        "6 By March 2032, chief fire officers should make sure all managers have",
        "been trained to recognise and challenge inappropriate behaviour.",
        "We will check progress on each of these recommendations in a year.",
    ]
    prose = "The services we visited have made progress, but too slowly in too many places."
    lines = [
        line(1, 40, "Our recommendations at a glance", size=20, bold=True),
        *[line(1, 80 + 13 * k, t, size=9.5) for k, t in enumerate(asks)],
        *[line(2, 60 + 15 * k, prose) for k in range(30)],  # the report's body type
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2", "3", "4", "5", "6"]


def test_a_label_over_a_range_of_items_labels_none_of_them() -> None:
    rows: list[list[tuple[float, str]]] = [
        [(76, "CoC 1"), (140, "Victim support and engagement"), (420, "31 March 2026")],
        [(76, "1.1"), (140, "Written victim contact plans"), (420, "31 March 2026")],
        [(76, "AFI 1-4"), (140, "See chapter 3"), (420, "-")],  # "see AFIs 1 to 4"
    ]
    head = ((76, "No."), (140, "Finding"), (420, "Timescale"))
    lines = [
        line(1, 80, "Other findings", bold=True, size=14),
        line(1, 100, "Area for improvement 1", bold=True),
        *paragraph(1, 120, "The force should make sure victims are updated every 28 days."),
        line(2, 66, "Annex: summary of our findings", bold=True, size=18),
        *[line(2, 107, t, x0=x, size=9.5, bold=True) for x, t in head],
        *[line(2, 127 + 20 * k, t, x0=x, size=9.5) for k, row in enumerate(rows) for x, t in row],
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number, i.page_start) for i in items] == [("area_for_improvement", "1", 1)]


def test_a_plain_documents_headings_are_underlined_or_in_capitals() -> None:
    lines = [
        line(1, 60, "SUMMARY OF RECOMMENDATIONS"),
        line(1, 75, "=========================="),
        *paragraph(1, 95, "1. The Chief Constable should publish an answering standard."),
        line(1, 130, "CHAPTER 2 DEMAND"),
        *paragraph(1, 150, "2.1 The force received 118,400 emergency calls in the year.",
                   "2.2 Demand peaks on Friday and Saturday nights in the summer."),
        line(1, 200, "Findings on staffing"),
        line(1, 215, "--------------------"),
        *paragraph(1, 235, "3.1 The shift pattern has not changed since it was designed."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["1"]


def test_capital_roman_numerals_label_a_plain_list_but_not_a_chapter() -> None:
    lines = [
        line(1, 60, "CHAPTER 7 LIST OF RECOMMENDATIONS"),
        line(1, 75, "================================="),
        line(1, 95, "Recommendations for the Chief Constable"),
        line(1, 110, "---------------------------------------"),
        *paragraph(1, 130, "I. Set and publish a standard for answering emergency calls."),
        *paragraph(
            1,
            150,
            "II. Bring the switchboard and the crime bureau together in a single",
            "contact centre, with one telephone number for calls that are not emergencies,",
            "by the first of April 2032, and tell the public about it.",
        ),
        line(1, 200, "Recommendations for the Police Authority"),
        line(1, 215, "----------------------------------------"),
        *paragraph(1, 235, "III. Set up a working group of members to monitor progress."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["I", "II", "III"]
    # a chapter's capital numeral before a heading in capitals numbers no item
    chapter = [
        line(2, 60, "FINDINGS AND RECOMMENDATIONS", bold=True, size=14),
        line(2, 85, "I. HATE CRIME", bold=True, size=12.5),
        *paragraph(2, 105, "1 The Committee recommends that the authorities record hate crime."),
        line(2, 135, "II. POLICING", bold=True, size=12.5),
        *paragraph(2, 155, "2 The Committee recommends that the police publish their data."),
    ]
    assert [i.number for i in split_items(doc(chapter))] == ["1", "2"]


def test_a_numbered_paragraph_back_at_the_margin_ends_the_list_it_follows() -> None:
    lines = [
        line(1, 60, "Recommendations"),
        *paragraph(1, 80, "Within three months, the force should:"),
        line(1, 100, "1 make sure that call handlers complete the risk assessment;", x0=86),
        line(1, 115, "2 introduce a supervisory check of every risk grading.", x0=86),
        *paragraph(1, 140, "3.6 Both councils agreed in 2022 to stop using the absent category.",
                   "One has done so; the other still uses it for children in care."),
        line(1, 190, "4 Investigating when a child is missing"),
        *paragraph(1, 210, "4.1 Once a child has been graded, an officer leads the search."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]


def test_a_table_printing_each_items_text_under_its_title_row_keeps_its_labels() -> None:
    plan = Table(page=1, top=100, bottom=400, rows=(
        ("Ref", "Area for improvement"),
        ("AFI 1", "Understanding the risk of fire and other emergencies"),
        ("", "The service should make sure its risk plan rests on a full understanding of risk."),
        ("", "Lead AM Community Risk Due Mar-26 Status Amber"),
        ("", "What we will do: our next plan will use the new risk model built with partners."),
        ("AFI 2", "Preventing fires and other risks"),
        ("", "The service should evaluate its prevention work and use what it learns."),
        ("", "Lead Head of Prevention Due Q4 2031/32 Status Green"),
        ("", "What we will do: an evaluation framework has been agreed with public health."),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(plan,)))
    assert not [i.text for i in items if i.text.startswith(("Lead", "What we will do"))]


def test_a_summary_table_of_titles_points_by_paragraph_to_the_items() -> None:
    lines = [
        *paragraph(1, 80, "3.8 I have therefore made two recommendations about complaints."),
        *paragraph(1, 100, "3.9 I recommend that the head of the joint department introduces",
                   "one triage process for complaints about officers of both forces."),
        *paragraph(1, 140, "3.10 I recommend that both chief constables tell their officers",
                   "that complaints will be dealt with on the same basis in both forces."),
        *paragraph(1, 180, "4.1 The department investigates about 300 conduct matters a year."),
    ]  # fmt: skip
    summary = Table(page=2, top=100, bottom=200, rows=(
        ("Para", "Recommendation (summary)", "Lead", "By when"),
        ("3.9", "Single complaints triage process for both forces", "Head of PSD", "3 months"),
        ("3.10", "Commitment by both forces to equal treatment of all their officers and staff",
         "Chief constables",
         "Immediate"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(summary,)))
    assert [(i.number, i.page_start, i.timing) for i in items] == [
        ("3.9", 1, "Within 3 months"), ("3.10", 1, "Immediately")
    ]  # fmt: skip


def test_a_heading_naming_several_numbers_labels_the_list_under_it() -> None:
    lines = [
        line(1, 60, "Recommendation 2", bold=True),
        *paragraph(1, 80, "By May 2032, chief constables should review every risk plan."),
        line(1, 110, "Recommendation 3", bold=True),
        *paragraph(1, 130, "By May 2032, chief constables should train offender managers."),
        line(1, 160, "Recommendations 5, 7 and 8", bold=True),
        *paragraph(1, 180, "These are the most demanding, because they rest on national work."),
        *paragraph(1, 200, "By April 2033, chief constables should:", x0=96),
        line(1, 220, "5. introduce workload standards for offender managers;", x0=96),
        line(1, 235, "7. make sure that visits to high-risk offenders are unannounced; and", x0=96),
        line(1, 250, "8. tell victims how the offender is being managed.", x0=96),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["2", "3", "5", "7", "8"]


def test_an_action_plan_restating_labelled_items_in_its_cells_yields_them() -> None:
    plan = Table(page=2, top=100, bottom=400, rows=(
        ("Inspection finding", "Lead officer", "Target date", "RAG"),
        ("Cause of concern 1 The service does not keep risk information about premises up "
         "to date for its crews.", "DCFO", "31/08/2031", "Amber"),
        ("Planned actions: see recommendation 1 below.", "", "", ""),
        ("Recommendation 1 By 31 August 2031, the service should review the risk information "
         "it holds on high-risk premises.", "AM Response", "30/06/2031", "Amber"),
        ("AFI 1 The service should evaluate its prevention work and use what it learns.",
         "AM Prevention", "Mar 2032", "Green"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(plan,)))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"), ("recommendation", "1"), ("area_for_improvement", "1")
    ]  # fmt: skip
    # the same items rated in a table of status alone are an earlier report's, tracked
    rated = replace(plan, rows=(
        ("Inspection finding", "Position in 2031"),
        ("Recommendation 1 By 31 August 2030, the service should review the risk information "
         "it holds on high-risk premises.", "Achieved"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(rated,))) == []


def test_parts_numbered_with_their_items_number_are_items_in_their_own_right() -> None:
    lines = [
        line(1, 60, "Recommendation 7: Safeguards in the removal process", bold=True),
        *paragraph(1, 80, "The Home Office should amend the Protocol Order so that:"),
        *paragraph(1, 100, "7a a commissioner must obtain the inspectorate's written views first;"),
        *paragraph(1, 120, "7b the panel's scrutiny hearing must be held in public; and"),
        *paragraph(1, 140, "7c the chief constable must be given ten working days' notice."),
        line(1, 170, "Recommendation 8", bold=True),
        *paragraph(1, 190, "Commissioners should publish the minutes of their meetings."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.parent) for i in items] == [
        ("7a", "7"), ("7b", "7"), ("7c", "7"), ("8", None)
    ]  # fmt: skip


def test_numbered_paragraphs_saying_who_acts_lead_in_the_coded_items_under_them() -> None:
    lines = [
        line(1, 60, "6. Recommendations", bold=True, size=16),
        line(1, 90, "6.2 Immediately, the joint governance board should:", bold=True),
        line(1, 110, "R1 suspend the planned cut in call handlers until testing is done.", x0=99),
        line(1, 140, "6.3 Within six months of this report, the joint governance board should:",
             bold=True),
        line(1, 160, "R2 agree a single set of performance measures for the control room.", x0=99),
        line(1, 180, "R3 establish a joint risk register with one assessment of each risk.", x0=99),
        line(1, 210, "6.4 By spring 2032, the chief constable and the chief fire officer should "
             "jointly:", bold=True),
        line(1, 230, "R4 replace the two command and control systems with one system.", x0=99),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("R1", "Immediately"), ("R2", "Within six months"), ("R3", "Within six months"),
        ("R4", "By spring 2032"),
    ]  # fmt: skip


def test_a_timing_heading_outlasts_the_smaller_headings_inside_its_items() -> None:
    lines = [
        line(1, 40, "Recommendations", bold=True, size=16),
        line(1, 70, "Within three months", bold=True, size=12.5),
        line(1, 90, "RECOMMENDATION 1", bold=True, size=9),
        *paragraph(1, 105, "Make sure officers record the views of every child present."),
        line(1, 130, "Force response", bold=True, size=10),
        *paragraph(1, 145, "A mandatory briefing has been issued to all response officers."),
        line(1, 170, "RECOMMENDATION 2", bold=True, size=9),
        *paragraph(1, 185, "Review every open case of a child missing three or more times."),
        line(1, 210, "Within six months", bold=True, size=12.5),
        line(1, 230, "RECOMMENDATION 3", bold=True, size=9),
        *paragraph(1, 245, "Develop a workforce plan for the public protection teams."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", "Within three months"), ("2", "Within three months"), ("3", "Within six months")
    ]  # fmt: skip


def test_a_ruleless_table_with_group_rows_and_a_timescale_column_times_each_row() -> None:
    def row(top: float, item: str, when: str) -> list[Line]:
        return [line(1, top, item, x0=84), line(1, top, when, x0=414)]

    lines = [
        line(1, 60, "6. Recommendations", bold=True, size=14),
        line(1, 80, "No. Recommendation", x0=84),
        line(1, 80, "Timescale", x0=414),
        line(1, 100, "To the Police and Crime Commissioner", x0=84),
        *row(118, "a. Publish a delivery plan for the rural crime strategy.", "By 30 June 2032"),
        *row(136, "b. Report progress to the Panel at each of its meetings.", "-"),
        line(1, 156, "To the County Council", x0=84),
        *row(174, "c. Extend the messaging scheme to every parish.", "Within 12 months"),
        line(1, 194, "Recommendations to police forces and the council jointly", x0=84),
        *row(212, "d. Agree one protocol for sharing reports of rural crime.", "By 2033"),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.responsible, i.timing) for i in items] == [
        ("a", "the Police and Crime Commissioner", "By 30 June 2032"),
        ("b", "the Police and Crime Commissioner", None),
        ("c", "the County Council", "Within 12 months"),
        ("d", "police forces and the council", "By 2033"),
    ]


def test_a_press_releases_notes_to_editors_end_its_key_recommendations() -> None:
    lines = [
        line(1, 60, "Key recommendations", bold=True, size=17),
        *paragraph(1, 90, "The report makes four recommendations, including:"),
        line(1, 110, "• By March 2032, chief constables should review every detainee's care."),
        line(1, 130, "• The Home Office should publish custody data each year."),
        line(1, 160, "Notes to editors", bold=True, size=13.5),
        line(1, 185, "1. The inspectorate assesses the police in the public interest."),
        line(1, 205, "2. Commissioners must publish a response within 56 days."),
    ]
    items = split_items(doc(lines))
    assert [i.text.split()[0] for i in items] == ["By", "The"]


def test_a_glossary_defining_each_kind_under_its_name_makes_no_items() -> None:
    lines = [
        line(1, 60, "The terms we use", bold=True, size=17),
        line(1, 90, "Recommendation", bold=True, size=13.5),
        *paragraph(1, 110, "A recommendation sets out what an organisation needs to do to put",
                   "right a problem we have found, and by when it should do it."),
        line(1, 160, "Area for improvement", bold=True, size=13.5),
        *paragraph(1, 180, "An area for improvement is a less serious problem, with no deadline."),
        line(1, 220, "Frequently asked questions", bold=True, size=17),
        line(1, 245, "Do organisations have to accept your", bold=True),
        line(1, 258, "recommendations?", bold=True),
        line(1, 258, "−", x0=386),
        *paragraph(1, 280, "No. They are not binding, but chief constables almost always accept",
                   "them, and we say publicly when one has not been met."),
        line(1, 320, "What happens if a recommendation is not met?", bold=True),
        line(1, 320, "−", x0=386),
        *paragraph(1, 340, "We ask the organisation why, and we may inspect it again sooner."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_numbered_entries_filling_a_gap_in_the_labelled_numbering_are_items() -> None:
    lines = [
        line(1, 60, "Recommendation 1", bold=True),
        *paragraph(1, 80, "By March 2032, the Home Office should define criminal exploitation."),
        line(1, 110, "Recommendation 2", bold=True),
        *paragraph(1, 130, "The Department for Education should publish guidance for schools."),
        *paragraph(1, 160, "To address this, we recommend that, by June 2032, chief constables:"),
        *paragraph(1, 180, "3 make sure officers consider a referral for every exploited child;"),
        *paragraph(1, 200, "4 review the custody records of all children held last year; and"),
        *paragraph(1, 220, "5 appoint a chief officer accountable for the force's response."),
        line(1, 250, "Recommendation 6", bold=True),
        *paragraph(1, 270, "The NCA should share what it holds about children found at addresses."),
    ]
    assert [i.number for i in split_items(doc(lines))] == ["1", "2", "3", "4", "5", "6"]


def test_a_concern_under_its_label_in_a_shaded_bar_is_the_concerns_text() -> None:
    label = replace(line(1, 60, "Cause of concern 1", bold=True), in_box=True)
    lines = [
        label,
        *paragraph(1, 80, "The police and their partners do not share an understanding of the",
                   "scale of child criminal exploitation in their areas."),
        line(1, 120, "Recommendation 1", bold=True),
        *paragraph(1, 140, "By March 2032, the Home Office should define criminal exploitation."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"), ("recommendation", "1")
    ]  # fmt: skip


def test_a_papers_decisions_are_no_items_and_a_lead_in_naming_its_list_sets_its_kind() -> None:
    lines = [
        line(1, 60, "2. RECOMMENDATIONS", bold=True),
        *paragraph(1, 80, "2.1 That the Authority:"),
        line(1, 100, "(a) notes the outcome of the inspection and the grades awarded;", x0=102),
        line(1, 120, "(b) endorses the approach to preparing an improvement plan.", x0=102),
        line(1, 150, "5. CAUSE OF CONCERN AND AREAS FOR IMPROVEMENT", bold=True),
        line(1, 170, "Recommendations", bold=True, x0=110),
        *paragraph(1, 190, "Within six months of this report, the service should:", x0=110),
        line(1, 210, "• develop a plan to improve the availability of its fire engines.", x0=112),
        *paragraph(1, 240, "5.3 HMICFRS also identified two areas for improvement. These are:"),
        line(1, 260, "• The service should quality assure its fire safety audits.", x0=102),
        line(1, 280, "• The service should evaluate the benefits of its new technology.", x0=102),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.timing) for i in items] == [
        ("recommendation", "Within six months of this report, the service should"),
        ("area_for_improvement", None),
        ("area_for_improvement", None),
    ]


def test_bullets_set_in_under_a_ruleless_tables_row_are_parts_of_its_item() -> None:
    def cells(top: float, *texts: tuple[float, str]) -> list[Line]:
        return [line(1, top, t, x0=x) for x, t in texts]

    lines = [
        line(1, 40, "Our recommendations", bold=True, size=21),
        *cells(60, (63, "No. Recommendation"), (329, "Who"), (437, "When")),
        *cells(83, (63, "1 Chief constables should make sure that officers:")),
        *cells(113, (96, "• have a problem-solving plan for each priority place;")),
        *cells(143, (96, "• record the outcome of their problem-solving work.")),
        *cells(157, (329, "Chief constables"), (437, "30 September 2032")),
        *cells(181, (63, "2 The Home Office should publish neighbourhood staffing data.")),
        *cells(199, (329, "Home Office"), (437, "Every six months")),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.text.count("•")) for i in items] == [("1", 2), ("2", 0)]


def test_a_label_after_its_welsh_of_several_words_is_still_the_label() -> None:
    lines = [
        line(1, 60, "Maes i’w wella 1 / Area for improvement 1", bold=True),
        *paragraph(1, 80, "The force should make sure vulnerable callers are identified at once."),
        line(1, 110, "Argymhelliad 1 / Recommendation 1", bold=True),
        *paragraph(1, 130, "By August 2032, the force should supervise every investigation."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "1"), ("recommendation", "1")
    ]  # fmt: skip


def test_made_up_examples_of_items_are_no_items() -> None:
    lines = [
        line(1, 60, "What they look like", bold=True, size=13),
        *paragraph(1, 80, "These examples are made up to show the format we use."),
        *paragraph(1, 100, "Cause of concern: The force is not answering emergency calls quickly."),
        *paragraph(1, 120, "Recommendation: Within a month, the force should train more staff."),
        line(1, 160, "Recommendations", bold=True, size=13),
        line(1, 180, "Recommendation 1", bold=True),
        *paragraph(1, 200, "By May 2032, the force should review its call handling."),
    ]
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("recommendation", "1")]


def test_a_paragraph_saying_how_findings_are_classed_is_no_item() -> None:
    lines = [
        line(1, 60, "Causes of concern, recommendations and areas for improvement", bold=True),
        *paragraph(1, 80, "If we find a serious shortfall in a service, we report it as a",
                   "cause of concern. Its recommendations say what the service needs to do."),
        *paragraph(1, 120, "If we find a smaller one, we report it as an area for improvement."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_lead_in_set_like_a_heading_inside_a_section_leads_in_its_list() -> None:
    lines = [
        line(1, 60, "3 Governance and accountability", bold=True, size=15),
        *paragraph(1, 85, "The alliance board meets monthly and is, by common consent, well run."),
        line(1, 110, "Recommendations", bold=True),
        line(1, 130, "By April 2032, both chief constables should:", bold=True),
        line(1, 150, "3.1 agree a single decision log for the alliance; and"),
        line(1, 170, "3.2 propose a joint scrutiny panel to both commissioners."),
        line(1, 200, "4 Finance and value for money", bold=True, size=15),
        line(1, 225, "Recommendations", bold=True),
        line(1, 245, "Within one month of this report, the alliance board should:", bold=True),
        line(1, 265, "4.1 publish the savings the alliance has made since it began."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [
        ("3.1", "By April 2032, both chief constables should:"),
        ("3.2", "By April 2032, both chief constables should:"),
        ("4.1", "Within one month of this report, the alliance board should:"),
    ]


def test_an_unheaded_glossary_defining_the_kinds_among_other_terms_yields_no_items() -> None:
    glossary = Table(page=2, top=100, bottom=400, rows=(
        ("Accountability meeting", "A meeting at which the force is held to account."),
        ("Appropriate adult", "A person who supports a child in custody."),
        ("Area for improvement (AFI)", "A finding that the force's practice should be better."),
        ("Cause of concern", "A serious shortcoming, normally with recommendations."),
        ("Chief Officer Group", "The force's senior leadership team."),
        ("Recommendation", "What the inspectorate says a force should do, often by a date."),
        ("Stop and search", "A power to search a person without arrest."),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(glossary,))) == []
    # a finding's own table, its rows in the order of the finding, keeps its recommendation
    finding = replace(glossary, rows=(
        ("Finding", "Fuel cards are not reconciled to vehicle mileage records each month."),
        ("Risk", "Fraudulent or mistaken fuel purchases may not be detected."),
        ("Recommendation", "The force should reconcile fuel card transactions every month."),
        ("Management response", "Agreed; the fleet team will reconcile from April."),
        ("Responsible officer", "Fleet Manager"),
        ("Target date", "30 April 2032"),
    ))  # fmt: skip
    assert [i.kind for i in split_items(replace(doc([]), tables=(finding,)))] == ["recommendation"]


def test_a_contents_entry_naming_the_recommendations_and_their_page_labels_no_item() -> None:
    lines = [
        line(1, 60, "Contents", bold=True, size=21),
        *paragraph(1, 90, "Summary 3", "Problem solving 4", "Our recommendations 6",
                   "Annex: methodology 7"),
        line(2, 60, "Recommendation 1", bold=True),
        *paragraph(2, 80, "The NPCC should publish a standard for neighbourhood officers' time."),
    ]  # fmt: skip
    assert [(i.number, i.page_start) for i in split_items(doc(lines))] == [("1", 2)]


def _plan_tables() -> tuple[Table, ...]:
    """An action plan: a row of each finding's label and fields, its text in the row below."""
    rec = Table(page=1, top=100, bottom=300, rows=(
        ("Rec 1.1", "Theme: Risk information", "Lead: GM Protection", "Target: 31/03/2032",
         "Status: Amber"),
        ("By 31 March 2032, the service should review its risk information records.",
         "", "", "", ""),
        ("Action", "What we will do", "Owner", "Due", "RAG"),
        ("1.1a", "Review every record held on the mobile terminals.", "GM Protection",
         "Dec 2031", "Amber"),
    ))  # fmt: skip
    afi = Table(page=1, top=700, bottom=720, rows=(
        ("AFI 2", "Theme: Prevention", "Lead: Station Manager Prevention",
         "Target: December 2032", "Status: Blue"),
    ))  # fmt: skip
    # the finding's text, then its actions, run on to the top of the next page
    text = Table(page=2, top=60, bottom=200, rows=(
        ("The service should target its prevention work at the people most at risk.",
         "", "", "", ""),
        ("Action", "What we will do", "Owner", "Due", "RAG"),
        ("A2.1", "Agree a data-sharing agreement with the council.", "SM Prevention",
         "Oct 2032", "Blue"),
    ))  # fmt: skip
    return rec, afi, text


def test_a_plans_label_row_of_fields_heads_the_findings_text_in_the_row_below() -> None:
    items = split_items(replace(doc([]), tables=_plan_tables()))
    got = [(i.kind, i.number, i.page_start, i.text[:20], i.responsible) for i in items]
    assert got == [
        ("recommendation", "1.1", 1, "By 31 March 2032, th", "GM Protection"),
        ("area_for_improvement", "2", 2, "The service should t", "Station Manager Prevention"),
    ]


def test_a_plans_actions_that_run_on_to_the_next_page_are_no_items() -> None:
    rec, _, _ = _plan_tables()
    more = Table(page=2, top=60, bottom=100, rows=(
        ("1.1b", "Carry out a dip-sample audit of 10% of records each quarter.",
         "GM Response", "Aug 2031", "Green"),
        ("1.1c", "Confirm to the authority that the review is complete.", "ACFO", "Oct 2031",
         "Blue"),
    ))  # fmt: skip
    lines = [
        line(1, 60, "Cause of concern and recommendations", bold=True, size=14),
        line(2, 70, "1.1b Carry out a dip-sample audit of 10% of records each quarter. GM"),
        line(2, 90, "1.1c Confirm to the authority that the review is complete. ACFO Oct 2031"),
    ]
    items = split_items(replace(doc(lines), tables=(rec, more)))
    assert [(i.kind, i.number) for i in items] == [("recommendation", "1.1")]


def test_the_body_that_says_who_should_act_outranks_an_annex_that_sums_items_up() -> None:
    body = [
        line(1, 60, "2. Recording", size=14.0, bold=True),
        *paragraph(1, 90, "2.1 Forces recorded most reports of missing children on the day."),
        *paragraph(1, 120, "Recommendation 1: Chief constables should record every report of a",
                   "missing child when it is received."),
        *paragraph(1, 170, "2.2 Return interviews were rarely offered to the children we met."),
        line(2, 60, "3. Information", size=14.0, bold=True),
        *paragraph(2, 90, "3.1 Each force kept its own figures on children who went missing."),
        *paragraph(2, 120, "Recommendation 2: The Home Office should publish one set of",
                   "national statistics on children who go missing."),
        *paragraph(2, 170, "Recommendation 3: By March 2032, the College of Policing should",
                   "revise its guidance on missing and absent children."),
    ]  # fmt: skip
    annex = Table(page=3, top=100, bottom=300, rows=(
        ("No.", "Summary of recommendation", "Addressed to", "Timescale"),
        ("1", "Record every report of a missing child on receipt.", "Chief constables", "–"),
        ("2", "Single set of national statistics on missing children.", "Home Office", "–"),
        ("3", "Revise the guidance on missing and absent children.", "College of Policing",
         "By March 2032"),
        ("4", "Review the cases of children missing more than three times.",
         "Chief constables", "Within 12 months"),
    ))  # fmt: skip
    items = split_items(replace(doc(body), tables=(annex,)))
    # the annex is the longer list, yet its entries only sum up the items printed in full
    assert [(i.number, i.page_start, i.text.split()[0]) for i in items] == [
        ("1", 1, "Chief"),
        ("2", 2, "The"),
        ("3", 2, "By"),
        ("4", 3, "Review"),
    ]


@pytest.mark.parametrize("column", ["Status", "Status at Dec. 31, 2030", "Progress as of May 2031"])
def test_a_table_of_earlier_items_in_brief_with_their_status_makes_no_items(column: str) -> None:
    status = Table(page=1, top=100, bottom=300, rows=(
        ("No.", "Recommendation (summary)", "Owner", column),
        ("1", "Screen reports of harassment for signs of stalking", "Chief constables",
         "Partially met"),
        ("2", "Home Office should review the statutory guidance", "Home Office", "Not met"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(status,))) == []
    # the same column without a status column lists the report's own items, in brief
    own = replace(status, rows=tuple(row[:3] for row in status.rows))
    assert len(split_items(replace(doc([]), tables=(own,)))) == 2


def test_a_heading_over_a_box_labelled_the_same_leaves_the_box_its_label() -> None:
    lines = [
        line(1, 60, "Cause of concern", size=14.0, bold=True),
        line(1, 90, "CAUSE OF CONCERN", size=8.0, bold=True),  # the box's own label
        *paragraph(1, 110, "The service hasn't done enough to make sure that its protection",
                   "activity is targeted at the highest risk buildings."),
        line(1, 160, "Recommendation", size=8.0, bold=True),
        *paragraph(1, 180, "By 31 December 2031, the service should review its programme."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[0]) for i in items] == [
        ("cause_of_concern", "The"),
        ("recommendation", "By"),
    ]


def test_ticks_of_a_who_acts_matrix_are_no_part_of_a_rows_number_or_date() -> None:
    table = Table(page=1, top=100, bottom=300, rows=(
        ("No.", "Recommendation", "Deadline"),
        ("1 ■", "The Home Office should publish a plan for the sector.", "■ End of 2031"),
        ("2 ✓", "Chief fire officers should review their vetting.", "✓ Immediately"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.number, i.timing) for i in items] == [("1", "By End of 2031"), ("2", "Immediately")]


def test_each_agencys_own_list_under_its_lead_in_stands_beside_the_labelled_items() -> None:
    lines = [
        line(1, 40, "10. Recommendations", size=16.0, bold=True),
        line(1, 60, "10.2 Review panel recommendations", size=12.0, bold=True),
        line(1, 80, "Recommendation 1", bold=True),
        *paragraph(1, 95, "The Partnership should commission a study of coercive control."),
        line(1, 120, "Recommendation 2", bold=True),
        *paragraph(1, 135, "The Home Office should amend the statutory guidance on reviews."),
        line(1, 170, "10.3 Single agency recommendations", size=12.0, bold=True),
        *paragraph(1, 190, "Each agency made recommendations for its own service, endorsed",
                   "by the panel as follows."),
        line(1, 230, "Eastvale Police should:", bold=True),
        *paragraph(1, 250, "1. review its risk assessment training for economic abuse;", x0=90),
        *paragraph(1, 270, "2. audit a sample of standard risk incidents each quarter.", x0=90),
        line(1, 300, "Eastvale Homes should:", bold=True),
        *paragraph(1, 320, "1. review its policy on tenancy support visits.", x0=90),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in, i.text.split()[0]) for i in items] == [
        ("1", None, "The"),
        ("2", None, "The"),
        ("1", "Eastvale Police should:", "review"),
        ("2", "Eastvale Police should:", "audit"),
        ("1", "Eastvale Homes should:", "review"),
    ]


def test_a_column_of_concerns_and_recommendations_gives_each_row_its_kind_and_concern() -> None:
    table = Table(page=1, top=200, bottom=700, rows=(
        ("No.", "Cause of concern / recommendation", "Lead", "Timescale"),
        ("Cause of concern 1", "", "", ""),
        ("", "Forces do not finish the checks the guidance asks for before clearing staff.",
         "Chief constables", "–"),
        ("1", "Chief constables should stop granting clearance before every check is done.",
         "Chief constables", "Immediately"),
        ("2", "The College of Policing should set the minimum checks for each clearance.",
         "College of Policing", "By 31 March 2031"),
        ("Other recommendations", "", "", ""),
        ("3", "Police and crime commissioners should report each year on vetting staff.",
         "Police and crime commissioners", "Annually"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number, i.parent) for i in items] == [
        ("cause_of_concern", "1", None),
        ("recommendation", "1", "1"),
        ("recommendation", "2", "1"),
        ("recommendation", "3", None),
    ]


def test_a_paragraph_asking_to_be_told_what_was_done_is_no_part_of_the_last_item() -> None:
    lines = [
        line(1, 60, "Our new recommendations", size=14.0, bold=True),
        line(1, 90, "Recommendation 1", bold=True),
        *paragraph(1, 108, "By 30 November 2031, chief constables should review how often",
                   "they move neighbourhood officers to other duties."),
        line(1, 150, "Recommendation 2", bold=True),
        *paragraph(1, 168, "By autumn 2032, the Home Office should publish the number of",
                   "neighbourhood officers in each force."),
        *paragraph(1, 212, "Forces and national bodies should tell us what they have done in",
                   "response to these recommendations by the dates we have set."),
        line(1, 270, "Annex: how we inspected", size=14.0, bold=True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["1", "2"]
    assert items[1].text.endswith("neighbourhood officers in each force.")


def test_a_numbered_title_row_over_its_ask_in_the_row_below_is_one_item() -> None:
    table = Table(page=1, top=200, bottom=700, rows=(
        ("Ref", "Area for improvement"),
        ("AFI 1", "Understanding the risk of fire"),
        ("", "The service should make sure its risk plan uses the latest census data."),
        ("AFI 2", "Preventing fires and other risks"),
        ("", "The service should evaluate its prevention work with partners."),
        # a numbered row that asks in full stands alone
        ("AFI 3", "The service should publish its on-call availability every month."),
        ("", "The service should also tell the public how it compares."),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    found = [(i.number, i.text[:40]) for i in items if i.number]
    assert found == [
        ("1", "The service should make sure its risk pl"),
        ("2", "The service should evaluate its preventi"),
        ("3", "The service should publish its on-call a"),
    ]


def test_a_title_row_over_a_tables_header_says_whom_and_when_its_rows_are_for() -> None:
    table = Table(page=1, top=200, bottom=700, rows=(
        ("Recommendations for chief constables – to be implemented by 31 October 2031", "", ""),
        ("No.", "Recommendation and force position", "RAG"),
        ("1", "Review every vetting decision that set adverse information aside.", "Amber"),
        ("", "Force position: a review team has been formed.", ""),
        ("4", "Use of data and intelligence", ""),
        ("4a", "Bring complaint and grievance data together in one place.", "Green"),
        ("4b", "Share the results of that analysis with the vetting unit.", "Red"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.number, i.parent, i.responsible) for i in items] == [
        ("1", None, "chief constables"),
        ("4a", "4", "chief constables"),
        ("4b", "4", "chief constables"),
    ]
    assert {i.timing for i in items} == {"by 31 October 2031"}


def test_a_row_of_prose_under_a_tables_one_cell_title_is_no_header() -> None:
    table = Table(page=1, top=200, bottom=700, rows=(
        ("Recommendation for the partnership", ""),
        ("Recommendation 2\nThe partnership should commission training for staff on the\n"
         "assessment of injuries in babies, and should evaluate that training with\n"
         "the lead for safeguarding within six months of the publication of this review.", ""),
        ("Questions for the partnership", ""),
        ("", "How confident is the partnership that staff know the guidance?"),
    ))  # fmt: skip
    lines = paragraph(1, 100, "Recommendation 2 The partnership should commission training on")
    items = split_items(replace(doc(lines), tables=(table,)))
    assert all(not i.text.startswith("Questions") for i in items)


@pytest.mark.parametrize("heading", ["Our calls to action", "What we are calling for"])
def test_a_campaigns_calls_to_action_are_its_recommendations_and_the_glance_list_none(
    heading: str,
) -> None:
    lines = [
        line(1, 60, "Summary", size=16.0, bold=True),
        line(1, 90, "Our calls to action at a glance", size=13.0, bold=True),
        *paragraph(1, 110, "We set out four calls to action on page 2. In brief:"),
        *paragraph(1, 130, "• The Government must make the right to updates enforceable."),
        *paragraph(1, 150, "• Police forces must give every victim a named contact."),
        line(2, 60, heading, size=16.0, bold=True),
        line(2, 90, "For the Government", size=13.0, bold=True),
        line(2, 110, "1. Make the right to updates enforceable", bold=True),
        *paragraph(2, 128, "The Government must amend the law so that the right to updates",
                   "can be enforced.", x0=90),
        line(2, 170, "For police forces", size=13.0, bold=True),
        line(2, 190, "1. Give every victim a named contact", bold=True),
        *paragraph(2, 208, "Every force must make sure each victim has a named contact.", x0=90),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("1", 2)]


def test_numbered_lists_for_each_body_under_a_conclusions_chapter_are_items() -> None:
    lines = [
        line(1, 60, "7 Conclusions and recommendations", size=14.0, bold=True),
        line(1, 90, "7.1 Conclusions", size=11.5, bold=True),
        *paragraph(1, 110, "The programme is well regarded and changes how its people lead."),
        line(1, 140, "7.2 Recommendations for the Programme Board", size=11.5, bold=True),
        *paragraph(1, 160, "1. Retain the residential module but shorten it to four days."),
        *paragraph(1, 180, "2. Collect equality monitoring data for every cohort."),
        line(1, 210, "7.3 Recommendations for the chief fire officers", size=11.5, bold=True),
        *paragraph(1, 230, "1. Give every participant a named senior sponsor."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0], i.responsible) for i in items] == [
        ("1", "Retain", "the Programme Board"),
        ("2", "Collect", "the Programme Board"),
        ("1", "Give", "the chief fire officers"),
    ]


def test_a_judgments_bracketed_paragraph_numbers_number_its_recommendations() -> None:
    def boxed(top: float, text: str, bold: bool = False) -> Line:
        return replace(line(2, top, text, x0=121, bold=bold), in_box=True)

    lines = [
        *paragraph(1, 60, "[20] We therefore make the following recommendations to it."),
        *paragraph(1, 80, "[21] The Respondent should disclose all footage before each hearing."),
        *paragraph(1, 100, "[22] By 31 January 2031 the Respondent should review every case."),
        line(1, 130, "G. DECISION", bold=True),
        *paragraph(1, 150, "[23] The appeal is dismissed."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [("21", "Respondent"), ("22", "31")]
    # a boxed item the judgment quotes: its next numbered paragraph is the judgment's own
    lines = [
        line(2, 60, "[10] In 2030 the Secretary of State commissioned a review, which", x0=77),
        line(2, 75, "made 14 recommendations. Of relevance here is Recommendation 7:", x0=114),
        boxed(100, "Recommendation 7", bold=True),
        boxed(116, "The Home Office should publish an equality impact assessment."),
        line(3, 60, "[11] In a written response the Secretary of State accepted", x0=77),
        line(3, 75, "Recommendation 7 in part. The response said that an assessment", x0=114),
        line(3, 90, "should be published with the guidance.", x0=114),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [("7", "Home")]


def test_i_also_recommend_after_a_numbered_list_is_one_more_item() -> None:
    lines = [
        *paragraph(1, 60, "Three recommendations are critical. I recommend that you:"),
        *paragraph(1, 80, "1. confirm to the Board by 30 September 2031 that all is met;",
                   x0=80),
        *paragraph(1, 100, "2. pause enrolment at the two pilot sites.", x0=80),
        *paragraph(1, 120, "I also recommend that the sponsor team confirms the funding for live",
                   "running by the end of October 2031."),
        *paragraph(1, 160, "The remaining recommendations will be set out in the full report."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [
        ("1", "confirm"), ("2", "pause"), (None, "I"),
    ]  # fmt: skip


def test_priority_definitions_under_a_recommendations_heading_are_no_items() -> None:
    lines = [
        line(1, 60, "2. Summary of the report's recommendations", size=15.0, bold=True),
        *paragraph(1, 90, "The team makes the recommendations in Table 1, each prioritised",
                   "using the definitions below."),
        line(1, 130, "Critical (do now)", bold=True),
        line(1, 130, "The programme should take action immediately.", x0=180),
        line(1, 160, "Essential (do by)", bold=True),
        line(1, 160, "The programme should take action in the near future.", x0=180),
        line(2, 60, "Recommendations", size=15.0, bold=True),
        *paragraph(2, 90, "1. The board should agree one benefits register by March 2032."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [("1", "board")]


def test_a_bold_label_runs_into_the_lead_ins_sentence_in_lower_case() -> None:
    def run_in(top: float, text: str, bold: bool) -> Line:
        return replace(line(1, top, text, x0=70), bold_head=len("Recommendation 1") if bold else 0)

    lines = [
        line(1, 60, "Recommendations", bold=True),
        *paragraph(1, 80, "To address this, we recommend that, within six months, the Chief",
                   "Constable should:"),
        run_in(115, "Recommendation 1 complete the renewal of every lapsed clearance;", True),
        run_in(135, "Recommendation 2 introduce an annual integrity health check.", True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [("1", "complete"),
                                                              ("2", "introduce")]  # fmt: skip
    plain = [run_in(115, "Recommendation 1 complete the renewal of every lapsed clearance;", False)]
    assert not label_ok(plain[0])  # a reference wrapped into a line, in plain type


def test_a_scans_misread_recommend_still_leads_in_its_list() -> None:
    lines = [
        *paragraph(1, 60, "The Panel makes the following recornmendations to the Commissioner:"),
        *paragraph(1, 80, "1. That the Commissioner publishes a breakdown of the precept.",
                   x0=80),
        *paragraph(1, 100, "2. That the Cornmissioner consults the Panel on closures.", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    got = [(i.number, i.text.split()[2]) for i in items]
    assert got == [("1", "Commissioner"), ("2", "Cornmissioner")]
    assert repair_misread_keywords([line(1, 60, "We reconnmend that")])[0].text == (
        "We recommend that"
    )


def test_a_judgments_numbered_paragraph_leads_in_its_lettered_recommendations() -> None:
    lines = [
        line(1, 60, "The unanimous judgment of the Tribunal is that:"),
        *paragraph(1, 80, "1. The Respondent shall pay the Claimant the sum set out below."),
        *paragraph(1, 100, "2. Under section 124 the Tribunal makes the following",
                   "recommendations, each to reduce the adverse effect on the Claimant:"),
        *paragraph(1, 135, "(a) That within 28 days the Chief Constable writes to the Claimant.",
                   x0=100),
        *paragraph(1, 155, "(b) That by 31 May 2031 the Respondent removes the action plan.",
                   x0=100),
        *paragraph(1, 180, "3. Any application that the recommendations were not met must be",
                   "made in writing."),
        line(2, 60, "Recommendations: the law", bold=True),
        *paragraph(2, 80, "19. A recommendation must say that within a specified period the",
                   "respondent should take specified steps."),
        line(2, 120, "The recommendations sought", bold=True),
        *paragraph(2, 140, "20. The Claimant asked that the Respondent should publish the",
                   "judgment on its intranet. We decline."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [("a", "within"), ("b", "by")]
    steps = [
        *paragraph(1, 80, "1. The public authority was not entitled to rely on section 12."),
        *paragraph(1, 100, "2. The public authority must take the following steps within 35",
                   "days of the date of this decision:"),
        *paragraph(1, 135, "(a) Disclose to the Appellant the figures for each ward.", x0=100),
        *paragraph(1, 155, "(b) Issue a fresh response to part 3 of the request.", x0=100),
        *paragraph(1, 180, "3. Any failure to abide by this notice may amount to contempt."),
    ]  # fmt: skip
    got = [(i.kind, i.number, i.timing) for i in split_items(doc(steps))]
    assert got == [("action", "a", "within 35 days"), ("action", "b", "within 35 days")]


def test_a_responses_own_asks_after_the_items_it_quotes_are_items_too() -> None:
    lines = [
        line(1, 60, "What the inspection found", size=16.0, bold=True),
        line(1, 90, "Recommendation 1", bold=True),
        *paragraph(1, 108, "By May 2032, chief constables should review every screening tool."),
        line(1, 130, "Our view", bold=True),
        *paragraph(1, 148, "This is welcome, but forces should have acted years ago."),
        line(1, 180, "Recommendation 4", bold=True),
        *paragraph(1, 198, "The College of Policing should publish guidance on breaches."),
        line(2, 60, "What must happen next", size=16.0, bold=True),
        *paragraph(2, 90, "Beyond the inspection, we are calling for two further changes."),
        line(2, 120, "Advocacy in every area", bold=True),
        *paragraph(2, 138, "The Home Office must fund an advocacy service in every area."),
        line(2, 170, "One standard for charging", bold=True),
        *paragraph(2, 188, "The prosecution service should publish a charging standard."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[1]) for i in items] == [
        ("1", "May"),
        ("4", "College"),
        (None, "Home"),
        (None, "prosecution"),
    ]
    # a reply quoting the items under a heading of its own adds none
    reply = [
        *lines[:7],
        line(2, 60, "What must happen next", size=16.0, bold=True),
        *paragraph(2, 90, "> Recommendation 1 > The force should review every tool by May."),
        *paragraph(2, 120, "> > The force should also brief every officer on the change."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(reply))] == ["1", "4"]


def test_a_lead_in_saying_who_must_act_over_entries_finishing_its_sentence() -> None:
    # under "What X must do" a numbered list is X's; under no heading, bullets that finish
    # the lead-in's sentence are set in however little
    lines = [
        *paragraph(1, 40, "Families wait too long for news of a charging decision."),
        line(1, 80, "What the Government must do", size=13.0, bold=True),
        line(1, 100, "The Government must:", bold=True),
        *paragraph(1, 120, "1. set a maximum time for charging decisions; and", x0=72),
        *paragraph(1, 140, "2. guarantee every family a liaison officer.", x0=72),
        *paragraph(1, 180, "We urge MPs to:", bold=True),
        *paragraph(1, 200, "• speak in the debate about families; and", x0=72),
        *paragraph(1, 220, "• support the new clause giving families the right to review.", x0=72),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [
        ("1", "The Government must:"),
        ("2", "The Government must:"),
        (None, "We urge MPs to:"),
        (None, "We urge MPs to:"),
    ]


@pytest.mark.parametrize(
    ("lead", "found"),
    [
        (("Police reform is a chance to put this right. We are therefore asking you to:",), 2),
        # told as done before: a bulletin's asks reported, not made
        (("In July we issued a bulletin, which recommended that owners should:",), 0),
    ],
)  # fmt: skip
def test_bullets_set_in_a_little_under_an_asking_paragraph_are_its_asks(
    lead: tuple[str, ...], found: int
) -> None:
    lines = [
        *paragraph(1, 60, *lead),
        *paragraph(1, 80, "• Confirm a three-year funding settlement for victim services.", x0=75),
        *paragraph(1, 100, "• Publish figures on how many victims had a named contact.", x0=75),
        *paragraph(1, 140, "We would be grateful for a reply by the end of the month."),
    ]  # fmt: skip
    assert len(split_items(doc(lines))) == found


def test_a_boxed_exhibit_and_a_we_recommend_heading_among_conclusions() -> None:
    boxed = [
        replace(ln, in_box=True)
        for ln in [
            line(1, 200, "Box 7.1: What the law already requires", bold=True),
            *paragraph(1, 216, "• Reasonable grounds for suspicion about the person.", x0=80),
            *paragraph(1, 232, "• A record of the search, made at the time.", x0=80),
        ]
    ]
    lines = [
        line(1, 60, "7 Conclusions and recommendations", size=16.0, bold=True),
        line(1, 90, "Conclusions", size=13.0, bold=True),
        *paragraph(1, 110, "7.1 Our survey shows that searches are too often not explained to",
                   "the young people searched."),
        *boxed,
        line(1, 270, "We recommend", size=13.0, bold=True),
        *paragraph(1, 290, "7.2 We recommend that the Home Office amend the code so that every",
                   "person searched is offered a written record."),
        *paragraph(1, 330, "7.3 We recommend that the College of Policing revise its guidance on",
                   "searching children within 12 months."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["7.2", "7.3"]


def test_a_bold_heading_among_conclusions_is_no_paragraphs_bold_recommendation() -> None:
    splitter = _Splitter(BODY)
    splitter.paragraph = make_blocks(paragraph(1, 60, "7.1 Searches are too often unexplained."))[0]
    heading = make_blocks([line(1, 100, "We recommend", bold=True, size=13)])[0]
    assert not splitter._bold_among_conclusions(heading, heading.text, "recommendation")
    ask = make_blocks([line(1, 120, "The Home Office should amend the code.", bold=True)])[0]
    assert splitter._bold_among_conclusions(ask, ask.text, "recommendation")


def test_a_campaigns_asks_labelled_in_capitals_are_its_recommendations() -> None:
    lines = [
        line(1, 60, "Getting home safely", size=20.0, bold=True),
        *paragraph(1, 90, "Ask anyone who has been out late how they got home."),
        line(1, 130, "ASK 1", bold=True),
        line(1, 150, "A safe way home", size=15.0, bold=True),
        *paragraph(1, 175, "Fund a late-night travel scheme in every town centre by March 2029."),
        line(2, 130, "ASK 2", bold=True),
        line(2, 150, "Trained staff behind every bar", size=15.0, bold=True),
        *paragraph(2, 175, "Make vulnerability training a condition of any scheme you fund."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("1", "2029."), ("2", "fund.")]
    # "Fund …" opens an ask as "Make …" does: the text under the title, not prose


def test_a_trackers_lead_in_row_leads_the_numbered_rows_under_it_past_the_plans_actions() -> None:
    header = ("Ref", "Recommendation / action", "Lead", "Due")
    first = Table(page=1, top=200, bottom=780, rows=(
        header,
        ("CoC 1", "The force needs to improve how it manages offenders.", "", ""),
        ("", "Recommendations – within three months, the force should:", "", ""),
        ("1.1", "make sure it has enough staff to visit every offender; and", "", ""),
        ("1.1.1", "Recruit four more offender managers.", "DI Offenders", "31/03/2031"),
        ("1.2", "review each risk plan when new intelligence arrives.", "", ""),
    ))  # fmt: skip
    second = Table(page=2, top=60, bottom=300, rows=(
        header,
        ("1.2.1", "Set an automatic task when intelligence is linked.", "Head of Intel", "Monthly"),
        ("AFI 1", "The force should improve how it records anti-social behaviour.", "", ""),
        ("AFI 1.1", "Introduce a repeat-victim check on closing.", "Ch Insp", "30/04/2031"),
        ("A1", "Publish the force's annual report for 2030.", "Chief Constable", "1 month"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(first, second)))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"),
        ("recommendation", "1.1"),
        ("recommendation", "1.2"),
        ("area_for_improvement", "1"),
        ("action", "A1"),
    ]
    # only a code alone in its cell is an action's: "A3 (see below)" numbers the table's kind
    assert _coded_ref("recommendation", "A3") == ("action", "A3")
    assert _coded_ref("recommendation", "A3 (see below)")[0] == "recommendation"
    led = [i for i in items if i.number in ("1.1", "1.2")]
    # the kind before the dash captions the row; the lead-in is what follows it
    assert {i.lead_in for i in led} == {"within three months, the force should:"}
    assert {i.text.split()[0] for i in led} == {"make", "review"}


def test_a_tracker_of_findings_yields_each_kind_its_cell_opens_with_and_the_asks_led_in() -> None:
    header = ("Ref", "Inspection finding", "Lead", "RAG", "Progress update")
    first = Table(page=3, top=60, bottom=780, rows=(
        header,
        ("K1", "Cause of concern The force does not assess the risk to callers who ring back.",
         "Head of Contact", "Amber", "Plan agreed in June."),
        ("", "Recommendations – By 30 June 2031, the force should:", "", "", ""),
        ("K1.1", "make sure every repeat call is checked against the last one; and",
         "Head of Contact", "Green", "Built into the call system."),
        ("K1.2", "audit a sample of repeat calls every month.", "Head of Contact", "Red", "Late."),
        ("B1", "Area for improvement The force should record why it closes a case",
         "Head of Crime", "Amber", "Template drafted"),
    ))  # fmt: skip
    second = Table(page=4, top=60, bottom=300, rows=(
        header,
        ("", "Without a suspect, and check a sample each quarter.", "", "", "in May."),
        ("B2", "The team reviewed twelve case files and found gaps in four of them.",
         "Head of Crime", "Green", "Closed."),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(first, second)))
    assert [(i.kind, i.number, i.page_start) for i in items] == [
        ("cause_of_concern", "K1", 3),
        ("recommendation", "K1.1", 3),
        ("recommendation", "K1.2", 3),
        ("area_for_improvement", "B1", 3),
    ]  # B2 names no kind and no lead-in asks it: a finding, not an item
    assert items[0].text.startswith("The force does not assess")
    assert {i.lead_in for i in items[1:3]} == {"By 30 June 2031, the force should:"}
    assert items[0].lead_in is None
    assert items[3].lead_in is None
    assert items[3].text.endswith("each quarter.")  # the row the page broke goes on
    assert items[0].responsible is None  # the tracker's lead is its own, not the addressee


def test_a_rows_text_opening_with_its_deadline_states_it_before_the_due_column() -> None:
    table = Table(page=1, top=100, bottom=300, rows=(
        ("No.", "Recommendation", "Lead", "Timescale"),
        ("1", "Within six months, the NPCC lead should publish a national standard.", "NPCC",
         "May 2031"),
        ("2", "The College of Policing should revise its guidance.", "College", "June 2031"),
    ))  # fmt: skip
    items = tag_deadlines(split_items(replace(doc([]), tables=(table,))), date(2030, 11, 27))
    assert [i.deadline.text if i.deadline else None for i in items] == [
        "Within six months", "By June 2031"
    ]  # fmt: skip


def test_a_numbered_list_of_asks_beside_a_table_of_numbered_rows_keeps_each_that_asks() -> None:
    lines = [
        line(1, 60, "14. RECOMMENDATIONS", size=13.0, bold=True),
        *paragraph(1, 85, "14.1 The panel makes the recommendations below. The agencies' own",
                   "recommendations are set out in the table at Appendix A."),
        line(1, 125, "Overview report recommendations", bold=True),
        *paragraph(1, 145, "1) The partnership should commission a review of its training."),
        *paragraph(1, 165, "2) The council and the trust should agree a carers' protocol."),
        *paragraph(1, 185, "3) The board should publish a briefing on this review."),
        *paragraph(1, 210, "14.2 The panel asks the partnership to monitor the agencies' plans."),
    ]  # fmt: skip
    table = Table(page=2, top=100, bottom=300, rows=(
        ("No.", "Recommendation", "Owner", "Target date"),
        ("1", "Staff should be trained in the risk assessment for older victims.", "Police",
         "March 2026"),
        ("2", "GP practices should record disclosures of fear.", "ICB", "June 2026"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.page_start) for i in items] == [
        ("1", 1), ("2", 1), ("3", 1), ("1", 2), ("2", 2)
    ]  # fmt: skip


def test_a_table_rating_how_far_each_legal_requirement_is_met_holds_no_items() -> None:
    table = Table(page=1, top=200, bottom=400, rows=(
        ("Provision", "Requirement", "Assessment"),
        ("s.12", "The Commissioner shall prepare an annual policing plan.", "Compliant"),
        ("s.17", "The Commissioner shall publish an annual report by 31 March.", "Not compliant"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(table,))) == []


def test_a_registers_key_coded_last_gives_the_rows_kind() -> None:
    table = Table(page=1, top=200, bottom=400, rows=(
        ("Ref", "Recommendation or area for improvement", "Lead"),
        ("AW-PEEL-R2", "The force should review how it records crime within six months.", "DCC"),
        ("AW-PEEL-AFI5", "The force needs to improve how quickly it answers rural calls.", "ACC"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "AW-PEEL-R2"),
        ("area_for_improvement", "AW-PEEL-AFI5"),
    ]


def test_a_response_forms_proposed_action_answers_its_recommendation() -> None:
    details = Table(page=1, top=100, bottom=300, rows=(
        ("Recommendation no.", "1"),
        ("Recommendation", "Chief constables should make sure their risk assessments prompt "
                           "officers to ask about patterns of control."),
        ("Addressed to", "Chief constables"),
    ))  # fmt: skip
    response = Table(page=1, top=320, bottom=420, rows=(
        ("Force lead", "Head of Public Protection"),
        ("Proposed action", "Add coercive control prompts to the risk assessment on devices."),
    ))  # fmt: skip
    template = Table(page=2, top=100, bottom=300, rows=(
        ("1. Recommendation details (from the report)", ""),
        ("Report", "«Report_Title»"),
        ("Recommendation", "«Recommendation_Text»"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(details, response, template)))
    assert [(i.kind, i.text.split()[0]) for i in items] == [("recommendation", "Chief")]
    # a mail merge's unfilled field marks a template, however its lines are read
    assert _TEMPLATE_RE.search("Recommendation details (from the report) «Report_Title»")


def test_a_database_records_fields_give_the_kind_and_number_of_its_text() -> None:
    lines = [
        line(1, 60, "Responsible officer: ACC Local Policing", bold=True),
        line(1, 80, "Source: PEEL 2030 Type: Area for improvement No: 3 Status: Open RAG: Red"),
        line(1, 100, "Recommendation text:", bold=True),
        *paragraph(1, 115, "The force should improve how it engages with its communities.", x0=86),
        line(1, 140, "Latest update:", bold=True),
        *paragraph(1, 155, "Engagement strategy still in draft.", x0=86),
        line(1, 180, "Source: PEEL 2030 Type: Recommendation No: 1 Status: Open RAG: Amber"),
        line(1, 200, "Recommendation text:", bold=True),
        *paragraph(1, 215, "Within three months, the force should review every referral.", x0=86),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "3"),
        ("recommendation", "1"),
    ]


@pytest.mark.parametrize(
    ("name", "kind", "found"),
    [
        ("Issue for consideration", "recommendation", 2),
        ("Requirement", "action", 2),
        ("Observation", "recommendation", 0),  # what was seen, whatever it says
    ],
)
def test_asks_under_a_label_of_the_documents_own_naming_are_its_items(
    name: str, kind: str, found: int
) -> None:
    lines = [
        line(1, 60, "What we learned", size=14.0, bold=True),
        *paragraph(1, 80, "Several responders moved their rendezvous point during the incident."),
        line(1, 110, f"{name} 1", bold=True),
        *paragraph(1, 126, "Police services should consider sharing the location of each point."),
        line(1, 146, "Directed to: police services  Timescale: within three months"),
        line(1, 170, f"{name} 2", bold=True),
        *paragraph(1, 186, "Local resilience forums should consider naming two points per site."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [(kind, "1"), (kind, "2")][:found]
    if found:
        assert (items[0].responsible, items[0].timing) == ("police services", "within three months")


def test_an_audits_coded_rows_are_its_items_and_the_summary_pointing_to_them_none() -> None:
    lines = [
        line(1, 60, "Areas for improvement", size=13.0, bold=True),
        *paragraph(1, 80, "• A third of the assets have no named owner (see A2)."),
        *paragraph(1, 96, "• Custody records were kept in unlocked cabinets (see B1)."),
    ]  # fmt: skip
    plan = Table(page=2, top=100, bottom=400, rows=(
        ("A2", "The force should assign a named owner to every information asset.", "", ""),
        ("", "Priority", "Management response", "Action owner"),
        ("", "Medium", "Agreed. Owners will be named by June.", "Data Protection Officer"),
        ("B1", "The force must stop storing custody records in unlocked cabinets.", "", ""),
    ))  # fmt: skip
    standards = Table(page=3, top=100, bottom=300, rows=(
        ("No.", "Standard", "Target"),
        ("S1", "The assessment should begin within three hours of arrival.", "90%"),
        ("S2", "Should a copy of the form be kept on the record?", "100%"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(plan, standards)))
    found = [(i.number, i.text.split()[-1]) for i in items]
    assert found == [("A2", "asset."), ("B1", "cabinets.")]


@pytest.mark.parametrize(
    ("lead", "found"),
    [
        ("The following actions were agreed by all signatories at the meeting:", 2),
        ("The following actions were taken before our last meeting:", 0),
    ],
)
def test_actions_said_to_be_agreed_at_the_meeting_a_letter_reports_are_its_items(
    lead: str, found: int
) -> None:
    lines = [
        *paragraph(1, 60, "Dear colleagues"),
        *paragraph(1, 80, "Thank you for attending the review meeting on 3 March."),
        *paragraph(1, 100, lead),
        *paragraph(1, 120, "1. Officers will telephone the place of safety before conveying."),
        *paragraph(1, 140, "2. The ICB will fund a six-month pilot of a conveyance vehicle."),
        *paragraph(1, 170, "Yours sincerely"),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")][:found]


def test_only_the_implications_for_practice_that_ask_a_body_are_items() -> None:
    lines = [
        line(1, 60, "4 Implications for practice", size=16.0, bold=True),
        *paragraph(1, 90, "The implications below are drawn from the evidence in Section 3."),
        *paragraph(1, 110, "• Forces should consider applying for an interim order early."),
        *paragraph(1, 130, "• Victims valued having a single named officer (Ruiz, 2021)."),
        *paragraph(1, 150, "• The College of Policing should update its stalking guidance."),
        *paragraph(1, 170, "• Practitioners may wish to consider joint training with probation."),
        line(1, 200, "5 References", size=16.0, bold=True),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.text.split()[1] for i in items] == ["should", "College"]


def test_a_timing_heading_numbered_as_a_part_times_the_items_under_it() -> None:
    lines = [
        line(1, 60, "9 Recommendations", size=16.0, bold=True),
        line(1, 90, "Part A – Immediate", size=13.0, bold=True),
        line(1, 110, "Recommendation 1", bold=True),
        *paragraph(1, 126, "East Calder Police should declare a major incident sooner."),
        line(1, 160, "Part B – Within six months of publication", size=13.0, bold=True),
        line(1, 180, "Recommendation 2", bold=True),
        *paragraph(1, 196, "The fire service should review its forward command arrangements."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", "Immediate"),
        ("2", "Within six months of publication"),
    ]


def test_asks_coded_by_a_letter_of_the_reports_own_are_its_items() -> None:
    lines = [
        line(1, 60, "6.2 Recommendations for the force", size=14.0, bold=True),
        *paragraph(1, 90, "R1 The force should make a referral the default outcome."),
        *paragraph(1, 110, "R2 The force should simplify the eligibility criteria."),
        line(1, 140, "6.3 Recommendations for future evaluation", size=14.0, bold=True),
        *paragraph(1, 170, "E1 Any future evaluation should use a comparison group."),
        *paragraph(1, 190, "E2 Researchers should seek the views of people who declined."),
        *paragraph(1, 210, "E3 Re-arrests were counted for twelve months only."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    numbers = [i.number for i in items]
    assert numbers[2:] == ["E1", "E2"]  # "E3" states what was done: no ask
    assert len(numbers) == 4


def test_a_registers_field_rows_under_a_coded_row_are_no_part_of_its_number() -> None:
    table = Table(page=1, top=100, bottom=500, rows=(
        ("Source", "No.", "Recommendation (as worded in the source report)"),
        ("PEEL 2030", "AFI 1", "The force should improve how it supervises investigations."),
        ("", "Priority: – Lead: Det Ch Supt Crime Status: Open Due: 30/06/2031", ""),
        ("", "Rec 1", "By March 2031, the force should clear its forensic backlog."),
        ("", "Update: Backlog plan approved in March.", ""),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "1"),
        ("recommendation", "1"),
    ]


def test_group_rows_of_a_table_name_whom_the_rows_under_them_are_for() -> None:
    header = ("No.", "Recommendation", "Timescale")
    first = Table(page=1, top=500, bottom=780, rows=(
        header,
        ("Recommendations to police forces and the CPS jointly", "", ""),
        ("1", "Agree and publish a joint standard for the care of witnesses.", "June 2031"),
        ("Recommendation to the Home Office", "", ""),  # at the page's foot
    ))  # fmt: skip
    second = Table(page=2, top=60, bottom=200, rows=(
        header,
        ("2", "Review whether funding for witness support services meets demand.", "2032"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(first, second)))
    assert [i.responsible for i in items] == ["police forces and the CPS", "the Home Office"]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (("8.4 I recommend that chief officers of the forces that gave such",
          "authorisations in 2030:"), True),
        (("Within six months, the police and crime commissioner should:",), True),
        # says what the table holds, not who acts
        (("The table below lists the recommendations we made:",), False),
        (("I recommend that chief officers take the steps in the table below.",), False),
    ],
)  # fmt: skip
def test_a_paragraph_saying_who_acts_just_over_a_table_leads_in_its_rows(
    lead: tuple[str, ...], expected: bool
) -> None:
    table = Table(page=1, top=150, bottom=300, rows=(
        ("No.", "Recommendation", "By when"),
        ("1.", "Stop giving authorisations that cover a whole county.", "Immediately"),
        ("2.", "Publish each authorisation on the force website.", "31 March 2031"),
    ))  # fmt: skip
    lines = [
        line(1, 60, "Recommendations to chief officers", size=14.0, bold=True),
        *paragraph(1, 150 - 16 * len(lead), *lead),
    ]
    items = split_items(replace(doc(lines), tables=(table,)))
    joined = " ".join(" ".join(lead).split()).removeprefix("8.4 ")  # its number is no part
    assert len(items) == 2
    assert [i.lead_in for i in items] == [joined if expected else None] * 2


@pytest.mark.parametrize(("heading", "rows"), [("Intelligence requirements", 0),
                                              ("Requirements", 2)])  # fmt: skip
def test_a_table_of_requirements_of_another_sort_holds_no_items(heading: str, rows: int) -> None:
    table = Table(page=1, top=150, bottom=300, rows=(
        ("Ref", "Requirement", "Priority"),
        ("IR1", "Identify the sources of knives sold to children online.", "High"),
        ("IR2", "Establish whether online conflict precedes recorded violence.", "Medium"),
    ))  # fmt: skip
    lines = [line(1, 130, heading, bold=True)]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert len(items) == rows


@pytest.mark.parametrize(("heading", "rows"), [(None, 4), ("Appendix C: Definitions", 2)])
def test_a_table_at_the_top_of_the_next_page_carries_a_run_on_unless_a_heading_is_over_it(
    heading: str | None, rows: int
) -> None:
    first = Table(page=1, top=500, bottom=780, rows=(
        ("No.", "Recommendation", "Owner", "Target date"),
        ("1", "Record every waiver of the standing orders in advance.", "Head of Procurement",
         "31 March 2031"),
        ("2", "Reconcile the contracts register with the supplier list.", "Head of Procurement",
         "30 June 2031"),
    ))  # fmt: skip
    second = Table(page=2, top=100, bottom=200, rows=(
        ("Substantial", "A sound framework of control is in place and operating well."),
        ("Limited", "Significant weaknesses put the achievement of objectives at risk."),
    ))  # fmt: skip
    lines = [] if heading is None else [line(2, 70, heading, size=15, bold=True)]
    items = split_items(replace(doc(lines), tables=(first, second)))
    assert len(items) == rows


def test_rows_finishing_a_lead_in_over_a_captioned_table_are_its_numbered_entries() -> None:
    table = Table(page=1, top=200, bottom=300, rows=(
        ("No.", "Proposed lead", "Delivery plan by", "Recommendation"),
        ("1", "ACC Crime", "30 June 2031",
         "adopts serious violence as a priority for the next two years;"),
        ("2", "ACC Crime", "Q1 2031/32", "adopts county lines and exploitation as one priority;"),
    ))  # fmt: skip
    lines = [
        *paragraph(1, 120, "5.4 It is recommended that the Tasking Group:"),
        line(1, 175, "Table 2: Recommended priorities", bold=True),
    ]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.number, i.responsible, i.lead_in, i.timing) for i in items] == [
        ("1", "ACC Crime", "It is recommended that the Tasking Group:", "By 30 June 2031"),
        ("2", "ACC Crime", "It is recommended that the Tasking Group:", "By Q1 2031/32"),
    ]


def test_a_paragraph_far_above_a_table_leads_in_none_of_its_rows() -> None:
    table = Table(page=1, top=400, bottom=500, rows=(
        ("No.", "Recommendation", "By when"),
        ("1.", "Stop giving authorisations that cover a whole county.", "Immediately"),
        ("2.", "Publish each authorisation on the force website.", "31 March 2031"),
    ))  # fmt: skip
    lines = [*paragraph(1, 100, "Within six months, the police and crime commissioner should:")]
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [i.lead_in for i in items] == [None, None]


@pytest.mark.parametrize(
    "saying",
    [
        ("The boxes below show how findings appear in our reports. They are",
         "illustrative only."),
        ("The boxes below show how findings appear in our reports. They do not",
         "relate to any real force."),
    ],
)  # fmt: skip
def test_boxes_said_to_be_illustrative_only_hold_no_items(saying: tuple[str, str]) -> None:
    lines = [
        line(1, 60, "How we report our findings", size=14.0, bold=True),
        *paragraph(1, 90, *saying),
        line(1, 130, "Example: how a cause of concern will be set out", bold=True),
        *paragraph(1, 150, "Cause of concern: The force isn't answering calls quickly."),
        *paragraph(1, 170, "Recommendation: Within three months, the force should answer more",
                   "emergency calls within ten seconds."),
        line(1, 210, "Example: how an area for improvement will be set out", bold=True),
        *paragraph(1, 230, "Area for improvement: The force should improve how it records",
                   "the reasons for closing investigations."),
        line(1, 280, "Monitoring progress", size=14.0, bold=True),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_glossary_defines_the_kinds_and_holds_none_of_them() -> None:
    lines = [
        line(1, 60, "Annex B: Glossary", size=14.0, bold=True),
        line(1, 90, "Accelerated cause of concern", bold=True),
        *paragraph(1, 105, "A cause of concern that we report to a force by letter before its",
                   "report is published."),
        line(1, 140, "Cause of concern", bold=True),
        *paragraph(1, 155, "A serious or critical shortcoming in practice, policy or performance,",
                   "which we report together with one or more recommendations."),
        line(1, 190, "Recommendation", bold=True),
        *paragraph(1, 205, "A statement of what a force needs to do to address a concern."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []
    sections = [
        line(1, 60, "How we report", size=14.0, bold=True),
        line(1, 90, "Causes of concern", size=12.0, bold=True),
        *paragraph(1, 110, "We identify a cause of concern when we find a serious or critical",
                   "shortcoming in a force's practice, policy or performance. We always",
                   "make one or more recommendations to address a cause of concern."),
    ]  # fmt: skip
    assert split_items(doc(sections)) == []


def test_a_section_saying_the_report_makes_no_recommendations_yields_none() -> None:
    lines = [
        line(1, 60, "6. Recommendations", size=14.0, bold=True),
        *paragraph(1, 90, "6.1 Because the concern was not substantiated, we make no",
                   "recommendations in this report."),
        *paragraph(1, 130, "6.2 We encourage forces to consider the practice described in",
                   "this report, and we have shared our findings with the NPCC."),
        line(1, 180, "7. What happens next", size=14.0, bold=True),
        *paragraph(1, 210, "7.1 We recommend reading this report alongside our earlier one on",
                   "the same subject, which sets out the law."),
    ]  # fmt: skip
    document = doc(lines)
    items = split_items(document)
    assert items == []
    assert not any("yielded no" in w for w in check_document(document, items))


def test_a_papers_recommendation_section_saying_it_asks_for_no_decision_yields_none() -> None:
    lines = [
        line(1, 60, "5. Recommendation", size=14.0, bold=True),
        *paragraph(1, 90, "5.1 This paper is for noting. There are no decisions for the Board",
                   "to take, and members should direct questions to the lead officer."),
        line(1, 140, "6. Background papers", size=14.0, bold=True),
        *paragraph(1, 170, "6.1 The inspectorate's report of 3 March 2026."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_numbered_section_that_defines_its_kind_explains_how_items_are_made() -> None:
    lines = [
        line(1, 60, "3. Areas for improvement", size=14.0, bold=True),
        *paragraph(1, 90, "3.1 An area for improvement is a part of a service's work that falls",
                   "short of what we expect, short of a cause of concern."),
        *paragraph(1, 130, "3.2 We expect services to tell their authority how they will address",
                   "each one, and we will check on them at the next visit."),
        *paragraph(1, 170, "3.3 We will list the areas for improvement in each summary."),
        line(1, 200, "4. Recommendations", size=14.0, bold=True),
        *paragraph(1, 230, "4.1 The service should publish its plan for safety visits by",
                   "31 March 2031."),
    ]  # fmt: skip
    assert [(i.kind, i.number) for i in split_items(doc(lines))] == [("recommendation", "4.1")]
    labelled = [
        line(1, 60, "Areas for improvement", size=14.0, bold=True),
        *paragraph(1, 90, "An area for improvement is something we expect the force to do better."),
        line(1, 120, "Area for improvement 1", bold=True),
        *paragraph(1, 140, "The force should review how it records calls from repeat victims."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(labelled))] == ["1"]


def test_a_kinds_label_numbered_as_the_next_paragraph_labels_only_the_text_under_it() -> None:
    lines = [
        line(1, 60, "Section 2. Care in custody", size=15.0, bold=True),
        *paragraph(1, 90, "2.3 Records of checks on detainees were often incomplete."),
        line(1, 110, "2.4 Area for improvement", bold=True),
        *paragraph(1, 125, "The force should make sure that every check on a detainee is",
                   "recorded when it is made.", x0=99),
        *paragraph(1, 160, "2.5 Cells were clean, and the showers had been refitted in 2025."),
        line(1, 180, "2.6 Area for improvement", bold=True),
        *paragraph(1, 195, "The force should tell every detainee how to complain.", x0=99),
        *paragraph(1, 215, "2.7 Detainees told us that staff treated them with respect."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[-1]) for i in items] == [
        ("area_for_improvement", "made."), ("area_for_improvement", "complain."),
    ]  # fmt: skip
    # a section's own number over its paragraphs ("5. Recommendation" over 5.1 and 5.2) heads
    # them all
    paper = [
        *paragraph(1, 60, "4.2 The Panel met four times during the year."),
        line(1, 90, "5. Recommendation", bold=True),
        *paragraph(1, 110, "5.1 That the Panel asks the Commissioner to publish the plan."),
        *paragraph(1, 130, "5.2 That the Panel reviews the plan again at its March meeting."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(paper))] == ["5.1", "5.2"]


def test_a_concern_whose_label_gives_its_title_takes_the_statement_under_it() -> None:
    lines = [
        *paragraph(1, 60, "This letter sets out each concern and what I recommend to address it."),
        line(1, 90, "Cause of concern 1: How the force answers 999 calls", size=11.5, bold=True),
        *paragraph(1, 110, "Eastmoor Police does not answer emergency calls quickly enough,",
                   "and callers at risk wait too long for help."),
        line(1, 150, "What we found", bold=True),
        *paragraph(1, 170, "In the last quarter the force answered seven in ten calls on time."),
    ]  # fmt: skip
    [item] = split_items(doc(lines))
    assert (item.kind, item.number) == ("cause_of_concern", "1")
    assert item.text.startswith("How the force answers 999 calls Eastmoor Police does not")
    assert item.text.endswith("wait too long for help.")


def test_a_paragraph_reporting_what_others_said_ends_the_labelled_item_above_it() -> None:
    lines = [
        *paragraph(1, 60, "Recommendation 5: The services should share their site plans with",
                   "each other before the summer."),
        *paragraph(1, 100, "Partners told us that joint working had improved. Several suggested",
                   "that the group should meet more often; that is for the group to decide."),
        *paragraph(1, 140, "Recommendation 6: The services should record every wildfire."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[-1]) for i in items] == [("5", "summer."), ("6", "wildfire.")]


def test_a_paragraph_numbered_after_an_item_that_counts_the_items_is_no_item() -> None:
    lines = [
        line(1, 60, "Recommendation", bold=True, x0=99),
        *paragraph(1, 80, "1.9 The force should audit the storage of medicines every month."),
        *paragraph(1, 110, "1.10 We also identified six areas for improvement. They are set out",
                   "at the end of each section."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["1.9"]


def test_a_comment_under_an_item_says_what_should_happen_but_asks_nothing_new() -> None:
    lines = [
        line(1, 40, "3. Cause of concern and recommendation", size=13.0, bold=True),
        line(1, 60, "Cause of concern"),
        *paragraph(1, 75, "The force needs to answer calls more quickly. Too many callers",
                   "wait, and some are put at risk.", x0=85),
        line(1, 110, "Recommendation"),
        line(1, 125, "Within three months, the force should:", x0=85),
        line(1, 140, "• answer 999 calls within ten seconds; and", x0=88),
        line(1, 155, "• tell callers when attendance will be late.", x0=88),
        line(1, 175, "Chief Constable's response"),
        *paragraph(1, 190, "The force has recruited twenty call handlers since the inspection."),
        line(1, 215, "Commissioner's comment"),
        *paragraph(1, 236, "The force should not treat this as met until the gain has lasted",
                   "for several months, and I will check the evidence."),
    ]  # fmt: skip
    assert [i.kind for i in split_items(doc(lines))] == ["cause_of_concern", "recommendation"]


def test_a_bold_lead_in_line_inside_a_section_of_items_leads_in_the_list_under_it() -> None:
    lines = [
        line(1, 40, "7 Recommendations", size=13.0, bold=True),
        *paragraph(1, 60, "The recommendations below were agreed at the debrief, and the",
                   "bodies they are for have accepted them."),
        line(1, 95, "Recommendations for local organisations", bold=True),
        line(1, 110, "We recommend that:", bold=True),
        *paragraph(1, 130, "1) The fire service should review its plan for upland fires."),
        *paragraph(1, 150, "2) The council should agree how livestock will be moved."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["1", "2"]


def test_a_concern_keeps_its_statement_when_the_lead_in_to_its_asks_follows_it() -> None:
    lines = [
        line(1, 60, "Cause of concern 1", bold=True),
        *paragraph(1, 80, "Northvale Police does not identify vulnerable callers when they",
                   "first make contact."),
        *paragraph(1, 120, "To address this cause of concern, within six months, Northvale",
                   "Police should:"),
        line(1, 160, "Recommendation 1", bold=True),
        *paragraph(1, 180, "make sure that call handlers use a structured risk assessment."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"), ("recommendation", "1")
    ]  # fmt: skip
    assert items[0].text.endswith("first make contact.")


def test_numbered_principles_that_say_what_should_happen_are_no_items() -> None:
    lines = [
        line(1, 40, "Joint position statement", size=18.0, bold=True),
        line(1, 80, "Our shared principles", bold=True),
        *paragraph(1, 100, "1. A crisis is a health matter; the first response should come from a"),
        *paragraph(1, 115, "health professional wherever possible.", x0=85),
        *paragraph(1, 140, "2. Staff should share crisis plans with the other organisations."),
        *paragraph(1, 165, "3. People in crisis should be taken to a health setting."),
        *paragraph(1, 190, "4. Decisions should be recorded with the reasons for them."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_titled_label_over_labelled_sub_items_only_heads_them() -> None:
    lines = [
        line(1, 60, "Recommendation 4: Better data on police time in crisis care", bold=True),
        line(1, 85, "Recommendation 4a", bold=True),
        *paragraph(1, 105, "NHS England should record police involvement in each episode."),
        line(1, 130, "Recommendation 4b", bold=True),
        *paragraph(1, 150, "The Home Office should ask forces to report the time they spend."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["4a", "4b"]


def test_a_caption_naming_the_kind_leaves_the_text_under_it_to_the_item() -> None:
    lines = [
        line(1, 100, "Concern 1", bold=True),
        line(1, 120, "The coroner's concern", bold=True, x0=99, size=10.0),
        *paragraph(1, 135, "The call handler did not ask whether he had taken any drugs, and",
                   "the call was graded as a domestic incident.", x0=99),
        line(1, 175, "Our response", bold=True, x0=99, size=10.0),
        *paragraph(1, 190, "We accept this concern. Our script now asks about drugs.", x0=99),
    ]  # fmt: skip
    [item] = split_items(doc(lines))
    assert (item.kind, item.number) == ("cause_of_concern", "1")
    assert item.text.startswith("The call handler did not ask")


def test_a_bodys_plan_of_actions_answering_each_concern_holds_no_items() -> None:
    plan = Table(page=1, top=100, bottom=300, rows=(
        ("Ref", "Concern", "Action", "Owner", "Target date", "Status"),
        ("A1", "1", "Amend the call handling script to ask about drug use", "Head of Contact",
         "3 February 2031", "Complete"),
        ("A2", "2", "Deliver revised officer safety training to all officers", "Head of Training",
         "30 June 2031", "On track"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(plan,))) == []


def test_the_text_right_under_a_caption_naming_the_kind_is_the_items_own() -> None:
    lines = [
        line(1, 100, "Recommendation 9", bold=True),
        line(1, 120, "A repeated recommendation: a standard handover form", bold=True),
        *paragraph(1, 135, "In 2019 we recommended that the NPCC develop a standard form for",
                   "handing over detained people. It has still not been developed."),
        line(1, 200, "Recommendation 10", bold=True),
        *paragraph(1, 215, "The College of Policing should revise its guidance on restraint."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["9", "10"]
    assert items[0].text.endswith("It has still not been developed.")


def test_under_a_progress_heading_items_restated_count_and_comments_do_not() -> None:
    lines = [
        line(1, 60, "3. Progress against the recommendations", size=14.0, bold=True),
        line(1, 90, "Recommendation 1", bold=True),
        *paragraph(1, 105, "By 30 September 2031, chief constables should make sure that every",
                   "report of harassment is screened for stalking.", x0=80),
        *paragraph(1, 140, "Update: screening questions have been added to the system."),
        line(1, 170, "Recommendation 2", bold=True),
        *paragraph(1, 185, "Thirty-one forces told us they now screen all harassment reports.",
                   x0=80),
        line(1, 220, "Cause of concern 1", bold=True),
        *paragraph(1, 235, "The service has since appointed two investigators.", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("recommendation", "1")]


def test_a_trackers_run_in_recommendation_rows_are_numbered_by_the_ref_row_above() -> None:
    header = ("Ref", "Audit (year)", "Priority", "Owner", "Target date", "Status")
    first = Table(page=1, top=100, bottom=780, rows=(
        header,
        ("24/03 R2", "Fleet (2030/31)", "Medium", "Head of Fleet", "31/12/2031", "Amber"),
        ("Recommendation: The Force should reconcile the fleet register to the telematics.",
         "", "", "", "", ""),
        ("Progress update: reconciliation completed for response vehicles.", "", "", "", "", ""),
        ("EA IR3", "Annual report (2030/31)", "High", "Chief Finance Officer", "31/03/2032",
         "Red"),  # its text is on the next page
    ))  # fmt: skip
    second = Table(page=2, top=60, bottom=200, rows=(
        header,
        ("Recommendation: The Force should develop a workforce plan for police staff.",
         "", "", "", "", ""),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(first, second)))
    got = [(i.number, i.page_start, i.responsible, i.timing) for i in items]
    assert got == [
        ("24/03 R2", 1, "Head of Fleet", "By 31/12/2031"),
        ("EA IR3", 2, "Chief Finance Officer", "By 31/03/2032"),
    ]


def test_a_ruleless_table_with_its_item_column_last_is_keyed_by_the_cells_before_it() -> None:
    def small(top: float, x0: float, text: str) -> Line:
        return line(1, top, text, x0=x0, size=9.0)

    lines = [
        *paragraph(1, 60, "This part sets out the review's recommendations as a plan."),
        line(1, 90, "Phase 1 – Immediate priorities: within three months of publication",
             bold=True),
        *(small(120, x, t) for x, t in ((70, "Ref"), (110, "Lead"), (230, "Recommendation"))),
        small(140, 70, "1.1 Chief Constable"),
        small(140, 230, "Publish the workforce data by rank and grade, and"),
        small(152, 230, "update it every six months."),
        small(172, 70, "1.2"),
        small(172, 110, "PCC"),
        small(172, 230, "Appoint an independent chair to the scrutiny panel."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0], i.responsible, i.timing) for i in items] == [
        ("1.1", "Publish", "Chief Constable", "within three months of publication"),
        ("1.2", "Appoint", "PCC", "within three months of publication"),
    ]
    assert items[0].text.endswith("update it every six months.")
    # the table's small type under the page's last line of body text is no footnote
    assert drop_footnotes(lines, BODY) == lines
    note = [small(200, 70, "1 Source: workforce census, March 2031.")]
    assert drop_footnotes([*lines[:2], *note], BODY) == lines[:2]
    # its header row set in body type over rows set small: still the table's rows
    headed = [
        *lines[:1],
        *(line(1, 120, t, x0=x, bold=True) for x, t in ((70, "No."), (110, "Lead"),
                                                       (230, "Recommendation"))),
        *lines[5:],
    ]  # fmt: skip
    assert drop_footnotes(headed, BODY) == headed
    far = [small(240, 70, "1 Source: workforce census, March 2031.")]
    assert drop_footnotes([*headed, *far], BODY) == headed  # the notes further down go
    # the table carried on over the page under its header again: its one row is an item
    carried = [
        replace(ln, page=2) for ln in (*lines[2:5], small(140, 70, "1.3"), small(140, 110, "PCC"),
                                       small(140, 230, "Publish the panel's minutes monthly."))
    ]  # fmt: skip
    items = split_items(doc([*lines, *carried]))
    assert [(i.number, i.page_start) for i in items][-1] == ("1.3", 2)


def test_a_ref_cell_naming_only_a_kind_gives_the_rows_kind_and_no_number() -> None:
    table = Table(page=1, top=100, bottom=300, rows=(
        ("Source", "Ref", "Recommendation or area for improvement"),
        ("Marlowe Review 2030", "Rec 5", "The Home Office should publish guidance on audits."),
        ("Kelmouth inspection", "AFI", "The service should allocate enough resources to audits."),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "5"),
        ("area_for_improvement", None),
    ]


@pytest.mark.parametrize(
    ("heading", "due"),
    [
        ("To be completed within six months", "within six months"),
        ("Recommendations to be completed by 30 June 2031", "by 30 June 2031"),
        ("To be implemented before the Annual Meeting on 12 June 2031",
         "before the Annual Meeting on 12 June 2031"),
        ("Phase 1 – Immediate priorities: within three months of publication",
         "within three months of publication"),
        ("Recommendations for immediate action", "immediate action"),
        ("Recommendations to the Board", None),
    ],
)  # fmt: skip
def test_a_group_headings_timing_is_read_off_it(heading: str, due: str | None) -> None:
    assert heading_due(heading) == due


def test_a_table_of_short_titles_gives_the_full_items_their_timeframe() -> None:
    lines = [
        line(1, 60, "Recommendation 3.1", bold=True),
        *paragraph(1, 78, "The Inspectorate recommends that the Service establishes a board."),
        line(1, 110, "Recommendation 3.2", bold=True),
        *paragraph(1, 128, "The Inspectorate recommends that the Commissioner publishes a plan."),
    ]  # fmt: skip
    plan = Table(page=2, top=100, bottom=200, rows=(
        ("No.", "Recommendation (short title)", "Responsibility", "Timeframe"),
        ("3.1", "National governance board", "Service", "Within 12 months"),
        ("3.2", "Roads policing plan", "Commissioner", "Within 24 months"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(plan,)))
    assert [(i.number, i.timing) for i in items] == [
        ("3.1", "Within 12 months"),
        ("3.2", "Within 24 months"),
    ]


def test_a_small_table_of_fields_under_an_item_gives_its_due_date_and_lead() -> None:
    lines = [
        line(1, 60, "Recommendation 1", bold=True),
        *paragraph(1, 78, "The force should reinstate in-person rousing checks."),
        line(1, 130, "Recommendation 2", bold=True),
        *paragraph(1, 148, "Review the staffing model for the custody suite."),
    ]  # fmt: skip
    fields = (
        Table(page=1, top=96, bottom=120, rows=(("Lead", "Head of Custody"),
                                                ("Target date", "30 September 2031"))),
        Table(page=1, top=166, bottom=190, rows=(("Lead", "Superintendent, Justice"),
                                                 ("Target date", "31 December 2031"))),
    )  # fmt: skip
    items = split_items(replace(doc(lines), tables=fields))
    assert [(i.number, i.responsible, i.timing) for i in items] == [
        ("1", None, "By 30 September 2031"),  # the force, its subject, acts
        ("2", "Superintendent, Justice", "By 31 December 2031"),
    ]


def test_a_row_of_field_names_under_an_items_row_gives_the_values_below_to_it() -> None:
    first = "The force should rebuild its record of processing activities this year."
    second = "Review who may approve data sharing agreements with partners."
    third = "The force should destroy paper files held past their review date."
    fourth = "The force should train its disclosure officers in the new retention rules."
    lines = [
        line(1, 60, "Recommendation 1", bold=True), *paragraph(1, 78, first),
        line(1, 130, "Recommendation 2", bold=True), *paragraph(1, 148, second),
        line(1, 200, "Recommendation 3", bold=True), *paragraph(1, 218, third),
        line(1, 250, "Recommendation 4", bold=True), *paragraph(1, 268, fourth),
    ]  # fmt: skip
    fields = ("", "Priority", "Management response", "Action owner", "Implementation date")
    audit = Table(page=1, top=60, bottom=260, rows=(
        ("1", first, "", "", ""),
        fields,
        ("", "High", "Agreed. The record will be rebuilt.", "Data Officer", "30 June 2031"),
        ("2", second, "", "", ""),
        fields,
        ("", "Medium", "Agreed.", "Head of Disclosure", "31 July 2031"),
        ("3", third, "", "", ""),
        fields,  # a header repeated over the next item's row: no fields of the item above
        ("4", fourth, "", "Records Manager", "1 May 2031"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(audit,)))
    assert [(i.number, i.responsible, i.timing) for i in items][:3] == [
        ("1", None, "By 30 June 2031"),  # the force, its subject, acts
        ("2", "Head of Disclosure", "By 31 July 2031"),
        ("3", None, None),
    ]


def test_a_record_cards_action_agreed_row_is_the_item_numbered_by_its_id_row() -> None:
    header = ("Lesson ID", "Source", "Owner", "Target", "Status")

    def card(top: float, ref: str, owner: str, action: str, status: str = "Open") -> Table:
        return Table(page=1, top=top, bottom=top + 80, rows=(
            header,
            (ref, "Exercise Tern, May 2031", owner, "31/03/2032", status),
            ("Lesson identified", "Partners used different names for the same streets.", "",
             "", ""),
            ("Action agreed", action, "", "", ""),
            ("Progress note", "Draft circulated; two partners still to confirm.", "", "", ""),
        ))  # fmt: skip

    cards = (
        card(60, "LL-0098", "Warning Group", "Agree one list of street names for all warnings."),
        card(160, "LL-0113", "–", "No action required – notable practice, shared widely."),
        card(260, "LL-0122", "–", "Proposed action (a new liaison role) not accepted by the "
             "board; existing arrangements suffice.", "Rejected"),
    )  # fmt: skip
    items = split_items(replace(doc([]), tables=cards))
    assert [(i.kind, i.number, i.text.split()[0], i.responsible, i.timing) for i in items] == [
        ("action", "LL-0098", "Agree", "Warning Group", "By 31/03/2032")
    ]


def test_a_bold_label_run_into_plain_text_without_a_colon_labels_it() -> None:
    def run_in(top: float, text: str) -> Line:
        return replace(line(1, top, text, x0=100), bold_head=len("Area for improvement"))

    lines = [
        *paragraph(1, 60, "3.7 Officers said they did not know whose job it was to update the",
                   "statement when a trial was delayed."),
        run_in(100, "Area for improvement Police forces should make sure that statements"),
        line(1, 115, "are reviewed before trial.", x0=100),
        *paragraph(1, 140, "3.8 Special measures applications were generally made on time."),
        replace(line(1, 170, "Recommendation: The CPS should record every review.", x0=100),
                bold_head=len("Recommendation:")),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.text.split()[0]) for i in items] == [
        ("area_for_improvement", "Police"),
        ("recommendation", "The"),
    ]


def test_a_regulators_requirements_with_due_dates_are_actions() -> None:
    lines = [
        line(1, 60, "Statutory requirements", size=13.0, bold=True),
        *paragraph(1, 85, "This section sets out the actions that the registered person must",
                   "take to meet the rules. The registered person must comply in time."),
    ]  # fmt: skip
    table = Table(page=1, top=130, bottom=300, rows=(
        ("Requirement", "Due date"),
        ("The registered person must ensure that every use of restraint is reviewed.",
         "30 June 2031"),
        ("The registered person must ensure that room searches are recorded.", "31 July 2031"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    assert [(i.kind, i.timing) for i in items] == [
        ("action", "By 30 June 2031"),
        ("action", "By 31 July 2031"),
    ]


def test_a_lowercase_line_set_in_after_an_entry_that_ended_its_sentence_is_not_its_own() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        *paragraph(1, 90, "1. The force should review how it records stalking reports."),
        *paragraph(1, 110, "2. The force should train its call handlers on stalking."),
        # the other column's paragraph going on below a full-width list
        line(1, 140, "than they should, and victims are not always kept informed.", x0=300),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.text for i in items][-1] == "The force should train its call handlers on stalking."


def test_a_numbered_line_that_only_says_who_acts_leads_in_its_lettered_parts() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        *paragraph(1, 90, "10 Chief constables should review the vetting of every officer."),
        *paragraph(1, 110, "11 By 30 April 2031, chief constables should:"),
        *paragraph(1, 130, "11a make sure that all staff are trained to spot abuse of position;"),
        *paragraph(1, 150, "11b put in place a confidential reporting line."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [
        ("10", None),
        ("11a", "By 30 April 2031, chief constables should:"),
        ("11b", "By 30 April 2031, chief constables should:"),
    ]


def test_a_column_of_items_and_actions_holds_the_coded_rows_and_not_the_actions() -> None:
    header = (
        "Ref",
        "Recommendation / area for improvement and actions",
        "Owner",
        "Due date",
        "Status",
    )
    first = Table(
        page=1,
        top=100,
        bottom=700,
        rows=(
            header,
            (
                "R1",
                "The force should make sure that custody records show each detainee's risk "
                "assessment.",
                "",
                "",
                "",
            ),
            (
                "1.1",
                "Risk assessment template rewritten and issued to all sergeants.",
                "Insp Custody",
                "31/05/2031",
                "On track",
            ),
            (
                "R2",
                "The force and its healthcare provider should make sure that detainees see a "
                "nurse promptly",
                "",
                "",
                "",
            ),
        ),
    )
    second = Table(page=2, top=40, bottom=300, rows=(
        header,
        ("", "when they ask for one.", "", "", ""),
        ("2.1", "Contract variation agreed with the provider.", "Head of Commissioning",
         "30/06/2031", "Overdue"),
        ("AFI 1", "The force should improve how it records the use of handcuffs in custody.",
         "", "", ""),
        ("3.1", "Briefing to all custody staff on recording handcuff use.", "Insp Custody",
         "Complete", "Complete"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(first, second), page_heights=(842.0, 842.0)))
    assert [(i.kind, i.number) for i in items] == [
        ("recommendation", "1"), ("recommendation", "2"), ("area_for_improvement", "1"),
    ]  # fmt: skip
    assert items[1].text.endswith("see a nurse promptly when they ask for one.")
    assert all(i.responsible is None and i.timing is None for i in items)


def test_a_tracker_restating_items_in_full_lists_them_due_at_the_original_date() -> None:
    # a date put back does not make a restated item any less the item; the first agreed is
    # the first stated
    table = Table(page=1, top=100, bottom=300, rows=(
        ("No.", "Priority", "Recommendation", "Responsible officer", "Original date",
         "Revised date", "Status"),
        ("1", "2", "The force should reconcile fuel card transactions with vehicle mileage.",
         "Head of Fleet", "31/12/2030", "31/03/2031", "In progress"),
        ("", "", "Management update: monthly reconciliation started in January.", "", "", "",
         ""),
        ("2", "3", "Vehicle defect reports should be logged on the fleet system promptly.",
         "Fleet Manager", "Dec-30", "", "Complete"),
        ("", "", "Management update: defects are now logged on the day they are reported.", "",
         "", "", ""),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.number, i.timing) for i in items] == [("1", "By 31/12/2030"), ("2", "By Dec-30")]
    # "Original target" beside "Revised target": the first agreed, however the column says it
    retargeted = replace(table, rows=(
        tuple(c.replace("date", "target") for c in table.rows[0]), *table.rows[1:]
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(retargeted,)))
    assert [(i.number, i.timing) for i in items] == [("1", "By 31/12/2030"), ("2", "By Dec-30")]


def test_a_registers_type_column_gives_each_rows_kind_and_no_its_number() -> None:
    # a header printed run together over empty cells, one name with a note in brackets
    header = (
        "ID Report No. Type Recommendation / AFI (wording as printed) Lead Target Status",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    )
    table = Table(page=2, top=40, bottom=500, rows=(
        header,
        ("HR-0101", "PEEL30", "1", "AFI", "The force should improve how quickly it answers "
         "non-emergency calls.", "ACC Ops", "Q3 2031/32", "On track"),
        ("HR-0102", "CUST30", "2", "Rec", "The force should make sure that detainees can take "
         "their prescribed medication.", "Ch Supt CJ", "30/06/2031", "Complete"),
        ("HR-0103", "JTAI31", "1", "PA", "The force and the council should make sure that "
         "strategy discussions are held promptly.", "ACC Crime", "Mar-32", "On track"),
        ("HR-0104", "SOP31", "–", "Note", "The annual assessment makes no recommendations to "
         "forces this year.", "Planning", "–", "Noted"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("area_for_improvement", "1"), ("recommendation", "2"), ("action", "1"),
    ]  # fmt: skip
    assert [i.timing for i in items] == ["By Q3 2031/32", "By 30/06/2031", "By Mar-32"]


def test_a_rows_text_left_open_on_a_continued_tables_page_is_read_by_the_first_header() -> None:
    header = ("Ref", "Recommendation", "Lead", "Target date", "Status")
    first = Table(page=1, top=100, bottom=800, rows=(
        header,
        ("1", "The force should train every call handler in risk assessment.", "ACC Ops",
         "31/03/2031", "On track"),
    ))  # fmt: skip
    # the next page's frame found only two columns, the last row's text cell empty
    second = Table(page=2, top=40, bottom=820, rows=(
        ("2", "The force should publish its custody data every quarter."),
        ("3", ""),
    ))  # fmt: skip
    lines = [line(2, 800, "3 The force should audit strip-searches every month.")]
    items = split_items(replace(doc(lines), tables=(first, second), page_heights=(842.0, 842.0)))
    assert [i.number for i in items][:2] == ["1", "2"]


def test_a_what_needs_to_change_heading_opens_the_reports_recommendations() -> None:
    lines = [
        line(1, 60, "What needs to change: national bodies", size=20.0, bold=True),
        *paragraph(1, 100, "1. Develop national guidance on recording children who go missing",
                   "from care, so that forces apply it consistently."),
        *paragraph(1, 150, "2. Fund an independent evaluation of the missing persons data",
                   "system and publish the results."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.kind, i.number) for i in items] == [("recommendation", "1"), ("recommendation", "2")]


def test_a_list_pointing_to_its_items_in_full_elsewhere_restates_them() -> None:
    lines = [
        line(1, 60, "What we recommended", size=14.0, bold=True),
        *paragraph(1, 80, "• The Trust should apologise to the family.",
                   "• The Trust should produce an action plan."),
        line(1, 110, "The full recommendations are in section 7."),
        line(2, 60, "7. Recommendations", size=14.0, bold=True),
        *paragraph(2, 80, "1. Write to the family to apologise for the failings we found.",
                   "2. Produce an action plan that says what the Trust will change.",
                   "3. Share the action plan with the family and with us."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 2), ("3", 2)]


def test_a_what_we_recommended_heading_for_a_body_opens_its_recommendations() -> None:
    lines = [
        line(1, 60, "What we recommended: for chief constables", size=20.0, bold=True),
        *paragraph(1, 100, "1. Stop using remote reviews for detainees aged under 18.",
                   "2. Record why each review was carried out remotely."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.responsible) for i in items] == [
        ("1", "chief constables"), ("2", "chief constables"),
    ]  # fmt: skip


def test_a_column_of_items_and_progress_holds_the_coded_rows_by_theme_letter() -> None:
    table = Table(page=3, top=60, bottom=700, rows=(
        ("Ref", "Area for improvement / progress update", "Lead officer", "Target date",
         "Status"),
        ("Cause of concern", "", "", "", ""),
        ("CoC1", "The service has not done enough to make sure its inspection programme "
         "targets the highest-risk premises.", "", "", ""),
        ("CoC1.1", "By 30 June 2031, the service should make sure it has an effective "
         "risk-based inspection programme.", "", "", ""),
        ("", "The programme was agreed by the board in May.", "Area Manager", "30/06/2031",
         "Amber"),
        ("E1", "The service should make sure its prevention work reaches the people most at "
         "risk.", "", "", ""),
        ("", "A new targeting model went live in April and is being evaluated.", "Head of "
         "Prevention", "31/03/2032", "Green"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"), ("recommendation", "CoC1.1"), ("area_for_improvement", "E1"),
    ]  # fmt: skip


def test_a_column_of_items_and_responses_holds_the_numbered_rows_without_an_owner() -> None:
    table = Table(page=2, top=60, bottom=500, rows=(
        ("No.", "Recommendation / response", "Responsible owner", "Target date"),
        ("1.27", "The governor should make sure that first night interviews are held in "
         "private.", "", ""),
        ("", "Agreed. Interviews now take place in a private room.", "Head of Safety",
         "31/01/2031"),
        ("S38", "The governor should make sure that prisoners have time out of their cells "
         "every day.", "", ""),
        ("", "Partly agreed. A revised core day was introduced.", "Governor", "30/04/2031"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [i.number for i in items] == ["1.27", "S38"]


def test_each_bodys_list_under_a_to_heading_in_capitals_is_numbered_anew() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        line(1, 85, "TO THE MINISTER", bold=True),
        *paragraph(1, 105, "1. When will the Ministry fund a new heating system for the prison?",
                   "2. Will the Minister publish a timetable for ending shared sanitation?"),
        line(1, 150, "TO THE PRISON SERVICE", bold=True),
        *paragraph(1, 170, "1. How will the Prison Service make sure that property arrives?",
                   "2. Will the Prison Service review the staffing profile of the prison?"),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.responsible) for i in items] == [
        ("1", "THE MINISTER"), ("2", "THE MINISTER"),
        ("1", "THE PRISON SERVICE"), ("2", "THE PRISON SERVICE"),
    ]  # fmt: skip


def test_a_numbered_paragraph_recommending_to_one_body_leads_in_the_list_set_in_under_it() -> None:
    lines = [
        line(1, 60, "8. Recommendations", size=14.0, bold=True),
        line(1, 90, "8.3 I recommend that the Home Office:"),
        line(1, 110, "1. revise the statutory guidance on search authorisations;", x0=90),
        line(1, 130, "2. publish search data for each force area every quarter.", x0=90),
        line(1, 160, "8.4 I recommend that chief officers take the steps in the table below."),
    ]
    table = Table(page=1, top=180, bottom=300, rows=(
        ("No.", "Recommendation", "By when"),
        ("1", "Ensure that every authorisation is reviewed by a senior officer.", "Immediately"),
        ("2", "Stop giving authorisations that cover a whole local authority area.", "March 2031"),
    ))  # fmt: skip
    items = split_items(replace(doc(lines), tables=(table,)))
    led = [(i.number, i.lead_in) for i in items if i.text.startswith(("revise", "publish"))]
    assert led == [
        ("1", "I recommend that the Home Office:"), ("2", "I recommend that the Home Office:"),
    ]  # fmt: skip


def test_a_paragraph_back_at_the_margin_of_one_bodys_recommendation_is_not_led_in_by_it() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        line(1, 90, "13. I recommend that the Committee for Home Affairs:"),
        line(1, 110, "(a) consider the fees charged for firearms certificates;", x0=90),
        line(1, 130, "(b) set a target time for renewals.", x0=90),
        line(1, 150, "14. The force should publish its licensing policy on its website."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.lead_in) for i in items] == [("13", None), ("14", None)]


def test_a_panel_framed_as_one_row_of_two_languages_is_read_as_text() -> None:
    english = [
        "Cause of concern 1",
        "The force isn't answering calls quickly enough.",
        "Recommendations",
        "Within three months, the force should:",
        "1.1 make sure it has enough trained call handlers on each shift to meet demand;",
        "1.2 introduce a structured risk assessment for every call for service; and",
        "1.3 make sure that callers who wait too long are called back.",
    ]
    welsh = "Achos pryder 1 Nid yw'r heddlu yn ateb galwadau yn ddigon cyflym. " * 6
    panel = Table(page=1, top=90, bottom=400, rows=((" ".join(english), welsh),))
    lines = [line(1, 100 + 20 * k, t, bold=k in (0, 2)) for k, t in enumerate(english)]
    items = split_items(replace(doc(lines), tables=(panel,)))
    assert [(i.kind, i.number) for i in items] == [
        ("cause_of_concern", "1"), ("recommendation", "1.1"), ("recommendation", "1.2"),
        ("recommendation", "1.3"),
    ]  # fmt: skip


def test_a_column_named_for_the_items_that_holds_only_numbers_numbers_the_text_beside_it() -> None:
    table = Table(page=2, top=100, bottom=300, rows=(
        ("Action", "What will be done", "Owner", "By"),
        ("1", "Review the partnership's safe sleep guidance and relaunch it across agencies.",
         "ASCP", "30 June 2031"),
        ("2", "Audit a sample of health visiting records for babies in families with a plan.",
         "ACH Trust", "Immediately"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.kind, i.number, i.text.split()[0], i.timing) for i in items] == [
        ("action", "1", "Review", "By 30 June 2031"), ("action", "2", "Audit", "Immediately"),
    ]  # fmt: skip


def test_a_panels_numbered_that_clauses_asking_another_body_are_its_recommendations() -> None:
    lines = [
        line(1, 60, "5. Recommendations", size=13.0, bold=True),
        line(1, 85, "5.1 The Panel makes the following recommendations:"),
        line(1, 105, "5.2 That the Commissioner publishes how the precept was spent."),
        line(1, 125, "5.3 That the Commissioner and the Chief Constable report to us in May."),
        line(1, 145, "5.4 That the Panel notes the Commissioner's response to them."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["5.2", "5.3"]


def test_a_meetings_action_log_tied_to_its_minutes_holds_no_items() -> None:
    log = Table(page=3, top=200, bottom=400, rows=(
        ("No.", "Minute", "Action", "Responsible", "Due", "Status"),
        ("A31/01", "36(3)", "Provide members with the force's plan for improving call handling.",
         "Chief Executive", "10 Feb 2031", "Open"),
        ("A31/02", "37", "Write to the Chief Fire Officer setting out the Panel's view.",
         "Panel Support Officer", "17 Jan 2031", "Open"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(log,))) == []


def test_a_box_restating_an_entry_with_its_lead_in_is_the_same_item() -> None:
    box = "The Committee recommends that the Safer Eastbridge Partnership"
    first = "publishes its serious violence needs assessment and its response strategy on the"
    second = "commissions an independent evaluation of the youth diversion programme and takes"
    lines = [
        line(1, 60, "Recommendation A1", bold=True),
        *paragraph(1, 80, box, first, "Council's website so that residents can read them."),
        line(1, 140, "Recommendation A2", bold=True),
        *paragraph(1, 160, box, second, "its findings into account when it sets its budget."),
        line(2, 60, "4. Recommendations", size=14.0, bold=True),
        line(2, 85, f"{box}:"),
        *paragraph(2, 105, f"1. {first}", "Council's website so that residents can read them;",
                   x0=90),
        *paragraph(2, 140, f"2. {second}", "its findings into account when it sets its budget.",
                   x0=90),
        line(2, 180, "Recommendation to the Police and Crime Commissioner", bold=True),
        *paragraph(2, 200, "The Committee also recommends that the Police and Crime Commissioner",
                   "continues to fund the hospital youth worker scheme beyond March 2031."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 2), (None, 2)]


def test_areas_for_improvement_stated_as_past_findings_beside_strengths_are_no_items() -> None:
    lines = [
        line(1, 60, "1.1 Leadership", size=12.0, bold=True),
        line(1, 80, "Rating: Requires improvement", bold=True),
        line(1, 100, "Strengths:", bold=True),
        line(1, 115, "• the head of service was visible to staff at all levels"),
        line(1, 130, "Areas for improvement:", bold=True),
        line(1, 145, "• the improvement plan depended on recruitment that had not been achieved"),
        line(1, 160, "• the quality assurance of cases by managers was inconsistent"),
        line(2, 60, "Areas for improvement", size=14.0, bold=True),
        line(2, 80, "Northmoor Police should improve:"),
        line(2, 95, "• the recording of the lived experience of children at incidents", x0=80),
        line(2, 110, "• the supervision of investigations that were allocated late", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.page_start for i in items] == [2, 2]


def test_a_note_linking_an_item_to_its_concern_is_no_part_of_it() -> None:
    lines = [
        replace(line(1, 30, "Recommendation 1.1", size=30.0, bold=True), in_box=True),
        line(1, 100, "Linked to cause of concern 1", size=15.0),
        *paragraph(1, 150, "The force should make sure that custody sergeants check every",
                   "available record before completing a risk assessment."),
        replace(line(2, 30, "Recommendation 1.2", size=30.0, bold=True), in_box=True),
        line(2, 100, "Linked to cause of concern 1", size=15.0),
        *paragraph(2, 150, "Within six months, the force should introduce regular quality",
                   "assurance of risk assessments."),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.text.split()[0]) for i in items] == [("1.1", "The"), ("1.2", "Within")]


def test_a_table_rows_lead_in_over_its_numbered_parts_is_their_lead_in_not_an_item() -> None:
    table = Table(page=3, top=60, bottom=700, rows=(
        ("No.", "Recommendation", "Government response", "Accepted?"),
        ("3", "We recommend that local authorities find a placement before every hearing.",
         "The Government agrees.", "Accepted"),
        ("4", "We recommend that the Youth Justice Board:", "", ""),
        ("4(a)", "collect and publish data on remands every quarter;", "Agreed.", "Accepted"),
        ("4(b)", "review the reasons for the remand of children, and report by 31 December 2031.",
         "Agreed.", "Accepted"),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(table,)))
    assert [(i.number, i.parent) for i in items] == [("3", None), ("4(a)", "4"), ("4(b)", "4")]
    assert items[1].lead_in == "We recommend that the Youth Justice Board:"


def test_a_table_defining_the_kinds_of_outcome_holds_no_items() -> None:
    kinds = Table(page=3, top=100, bottom=300, rows=(
        ("Outcome", "What it means", "Usually addressed to", "Typical timescale"),
        ("Cause of concern", "A serious or critical shortcoming in practice or performance",
         "The inspected force", "Comes with recommendations"),
        ("Recommendation", "A specific change the inspectorate wants made", "Any body",
         "Often dated"),
    ))  # fmt: skip
    assert split_items(replace(doc([]), tables=(kinds,))) == []


def test_a_cover_sheets_recommendation_of_the_meetings_own_business_is_no_item() -> None:
    lines = [
        line(1, 60, "Recommendation", size=13.0, bold=True),
        *paragraph(1, 80, "That the Committee considers and agrees its work programme for",
                   "2031/32 at Appendix 1 and notes the monitoring summary at Appendix 2."),
    ]  # fmt: skip
    assert split_items(doc(lines)) == []


def test_a_declined_recommendation_and_an_items_welsh_twin_are_no_items() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        *paragraph(1, 80, "1. The force should improve how it supports repeat victims of",
                   "rural crime."),
        *paragraph(1, 115, "2. Dylai'r heddlu wella'r ffordd y mae'n cefnogi dioddefwyr",
                   "troseddau gwledig."),
        *paragraph(1, 150, "3. We do not recommend a separate digital warrant; most consultees",
                   "preferred a single regime."),
    ]  # fmt: skip
    assert [i.number for i in split_items(doc(lines))] == ["1"]


def test_a_for_completion_by_heading_times_the_entries_under_it() -> None:
    lines = [
        line(1, 60, "Recommendations", size=14.0, bold=True),
        line(1, 80, "The Committee recommends that the Partnership:", bold=True),
        line(1, 100, "For completion by 30 September 2031", bold=True),
        line(1, 120, "1. publishes its needs assessment and strategy on its website;", x0=80),
        line(1, 140, "For completion by 31 March 2032", bold=True),
        line(1, 160, "2. commissions an evaluation of its youth diversion programme.", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", "For completion by 30 September 2031"), ("2", "For completion by 31 March 2032"),
    ]  # fmt: skip


def test_a_deadline_field_over_a_sections_items_times_each_of_them() -> None:
    lines = [
        line(1, 30, "What we recommended: for chief constables", size=30.0, bold=True),
        line(1, 100, "Deadline: April 2031"),
        line(1, 140, "1. Stop using remote reviews for detainees aged under 18."),
        line(1, 230, "2. Record why each review was carried out remotely."),
    ]
    items = split_items(doc(lines))
    assert [(i.number, i.timing) for i in items] == [
        ("1", "Deadline: April 2031"), ("2", "Deadline: April 2031"),
    ]  # fmt: skip


def test_a_notices_schedule_of_steps_required_holds_its_actions() -> None:
    schedule = Table(page=2, top=600, bottom=800, rows=(
        ("Item", "Article", "Failure to comply / steps required to remedy it"),
        ("1", "9(1)", "The fire risk assessment was last reviewed in 2021. Review it so that it "
         "covers the guest bedrooms on the second floor."),
        ("2", "14(2)(h)", "Three bedroom doors do not close fully. Adjust or replace the "
         "self-closing devices so that each door closes onto its frame."),
    ))  # fmt: skip
    items = split_items(replace(doc([]), tables=(schedule,)))
    assert [(i.kind, i.number) for i in items] == [("action", "1"), ("action", "2")]


def test_a_list_led_in_by_we_recommend_that_stays_beside_labelled_items() -> None:
    lines = [
        line(1, 60, "Recommendation 1.9", bold=True),
        *paragraph(1, 80, "The governor should make sure that children are unlocked every day."),
        line(1, 110, "Recommendation 2.3", bold=True),
        *paragraph(1, 130, "The Youth Custody Service should reduce the use of force."),
        line(2, 60, "New concerns", size=14.0, bold=True),
        *paragraph(2, 80, "Ash unit was short of staff on most days of the review."),
        line(2, 110, "We recommend that:"),
        line(2, 130, "• the Youth Custody Service review the staffing model for Ash unit;", x0=80),
        line(2, 150, "• the governor make sure every child on the programme has a plan.", x0=80),
    ]  # fmt: skip
    items = split_items(doc(lines))
    assert [i.page_start for i in items] == [1, 1, 2, 2]


def test_a_section_name_a_shade_smaller_than_the_sentence_under_it_still_heads_it() -> None:
    # a form's small-capital heading (10.5 pt) set close over its 11 pt paragraph, then the list
    lines = [
        line(1, 100, "Inquest summary", size=14.0, bold=True),
        line(1, 130, "CORONER'S CONCERNS", size=10.5),
        *paragraph(
            1,
            146,
            "During the inquest the evidence revealed matters giving rise to concern. The",
            "MATTERS OF CONCERN are as follows:",
        ),
        *paragraph(
            1, 182, "(1) Cell checks were logged as done without the time at which each was made."
        ),
        *paragraph(
            1, 204, "(2) Nurses were not told what the detained man had said about his medication."
        ),
        line(1, 230, "ACTION SHOULD BE TAKEN", size=10.5),
        *paragraph(1, 246, "In my opinion action should be taken to prevent future deaths."),
    ]
    items = split_items(doc(lines))
    assert found(items) == [
        ("cause_of_concern", "1", None, 1),
        ("cause_of_concern", "2", None, 1),
    ]


def test_small_print_level_with_the_pages_own_number_is_a_running_head_printed_once() -> None:
    # a two-page letter heads its second page only: "addressee · date · page 2"
    lines = [
        *paragraph(1, 100, "We are therefore asking you to:"),
        *paragraph(1, 124, "1. Commit to funding the award for police staff in full."),
        line(2, 40, "The Home Secretary", size=9.0),
        line(2, 40, "12 March 2026", x0=260, size=9.0),
        line(2, 40, "page 2", x0=500, size=9.0),
        *paragraph(2, 80, "2. Write to every chief constable before the council meets."),
    ]
    kept = remove_furniture(lines, (842.0,) * 2)
    assert [ln.text for ln in kept if ln.page == 2] == [
        "2. Write to every chief constable before the council meets."
    ]
    # not small print, or not the page's own number: the text's
    other = [replace(ln, text="page 3") if ln.text == "page 2" else ln for ln in lines]
    assert "The Home Secretary" in [ln.text for ln in remove_furniture(other, (842.0,) * 2)]


def test_a_committee_papers_standing_sections_close_a_list_of_items_set_in_body_type() -> None:
    # a paper to a panel: its headings in the body font, its paragraphs numbered throughout
    lines = [
        line(1, 80, "Areas for improvement"),
        *paragraph(1, 98, "1. The service should make sure its staff are trained in protection."),
        *paragraph(1, 120, "2. The service should improve how it records fire safety audits."),
        line(1, 146, "Financial implications"),
        *paragraph(
            1,
            164,
            "3. The redeployment of staff is met from within the budget, and the service must",
            "report to the Panel if it cannot be sustained beyond the end of the year.",
        ),
        line(1, 206, "Commissioner's comments"),
        *paragraph(1, 224, "4. The Commissioner expects the service to keep staff fully trained."),
    ]
    assert found(split_items(doc(lines))) == [
        ("area_for_improvement", "1", None, 1),
        ("area_for_improvement", "2", None, 1),
    ]


def test_a_summarys_entry_pointing_to_its_chapter_gives_way_to_the_full_printing() -> None:
    lines = [
        line(1, 80, "Summary", bold=True, size=14),
        line(1, 110, "Cause of concern 1", bold=True),
        *paragraph(1, 130, "Reviews of detention are too often late or by telephone (chapter 2)."),
        line(1, 160, "Cause of concern 2", bold=True),
        *paragraph(1, 180, "Detainees are not offered support on their release (chapter 3)."),
        line(2, 80, "Cause of concern 1", bold=True),
        *paragraph(
            2, 95, "Too many reviews of detention are carried out late or by telephone, and"
        ),
        *paragraph(2, 110, "in one review in four the detained person was not told why."),
    ]
    items = split_items(doc(lines))
    assert sorted((i.number, i.page_start) for i in items) == [("1", 2), ("2", 1)]
    assert next(i for i in items if i.number == "1").text.startswith(
        "Too many reviews of detention"
    )


def test_a_summarys_one_line_gives_way_to_the_item_asked_in_full_in_its_chapter() -> None:
    asks = (
        "the award for officers is fully funded by the Government",
        "progression for constables is not withheld or delayed",
        "the remit letter is issued to the review body on time",
    )
    lines = [
        line(1, 60, "Summary of our recommendations", bold=True, size=16),
        *paragraph(1, 90, "We recommend that:"),
        *(
            ln
            for k, ask in enumerate(asks)
            for ln in paragraph(1, 110 + 20 * k, f"{k + 1}. {ask};")
        ),
        *paragraph(
            1, 175, "Each recommendation is set out in full, with our reasons, in its chapter."
        ),
    ]
    for k, ask in enumerate(asks):
        lines += [line(2 + k, 60, f"Chapter {k + 2}", bold=True, size=16)]
        lines += paragraph(2 + k, 90, f"{k + 2}.1 Officers told us about their pay and its worth.")
        lines += [line(2 + k, 120, f"Recommendation {k + 1}", bold=True, x0=84)]
        lines += paragraph(
            2 + k,
            136,
            f"We recommend that {ask}, and that the Home Office publishes each year how often",
            "this was not done, with the reasons, so that the review body can see whether the",
            "commitment made in this pay round has been kept by every force.",
            x0=84,
            bold=True,
        )
    items = split_items(doc(lines, pages=5))
    assert [(i.number, i.page_start) for i in items] == [("1", 2), ("2", 3), ("3", 4)]


def test_a_plans_what_needs_to_happen_column_is_its_items_with_lead_and_due_beside() -> None:
    from extractors.item_tables import table_layout

    layout = table_layout(["No.", "What needs to happen", "Lead", "By when"])
    assert layout is not None
    assert (layout.item, layout.responsible, layout.due, layout.number) == (1, 2, 3, 0)
    assert table_layout(["No.", "What happened", "Lead", "By when"]) is None


def test_a_number_cell_that_labels_its_row_gives_the_rows_kind_and_number() -> None:
    assert _coded_ref("recommendation", "Action\n1") == ("action", "1")
    assert _coded_ref("action", "Recommendation 12") == ("recommendation", "12")
    assert _coded_ref("recommendation", "12") == ("recommendation", "12")


def test_a_list_running_on_from_a_columns_foot_to_the_top_of_the_next_keeps_its_entries() -> None:
    def right(ln: Line) -> Line:
        return replace(ln, x0=ln.x0 + 260, x1=ln.x1 + 260, column=1)

    lines = [
        line(1, 80, "Transfers from custody", bold=True, size=16),
        *paragraph(1, 110, "Children stayed in cells because no placement could be found."),
        line(1, 640, "What needs to happen", bold=True, size=12),
        line(1, 662, "To make sure there is always somewhere for a child to go:", bold=True),
        *paragraph(1, 690, "• The Department for Education should fund emergency placements."),
    ]
    lines += [right(ln) for ln in paragraph(1, 60, "• The Government should legislate for it.")]
    lines += [right(ln) for ln in paragraph(1, 90, "• Chief constables should stop cell stays.")]
    items = split_items(doc(lines))
    assert [i.text.split()[1] for i in items] == ["Department", "Government", "constables"]


def test_an_agenda_packs_business_for_the_panel_itself_is_no_item() -> None:
    lines = [
        line(1, 60, "Item 4: Commissioner's update", bold=True, size=14),
        line(1, 90, "Recommendation", bold=True),
        *paragraph(1, 110, "That the Panel notes the Commissioner's update and asks questions."),
        line(2, 60, "Item 5: Inspection activity", bold=True, size=14),
        line(2, 90, "Recommendation", bold=True),
        *paragraph(2, 110, "The Panel is recommended to note the report."),
        line(3, 60, "Item 6: Work programme", bold=True, size=14),
        line(3, 90, "Recommendation", bold=True),
        *paragraph(3, 110, "That the Panel (a) agrees the work programme and (b) its dates."),
        line(4, 60, "Item 7: Information governance", bold=True, size=14),
        line(4, 90, "Recommendation", bold=True),
        *paragraph(4, 110, "The Audit and Governance Committee is asked to note the report."),
    ]
    assert split_items(doc(lines, pages=5)) == []


def test_a_closing_list_pointing_to_each_items_paragraph_keeps_every_entry() -> None:
    def cand(number: str | None, text: str, page: int, cluster: int, labelled: bool) -> Candidate:
        block = Block([line(page, 100, text)])
        return Candidate("recommendation", number, None, [block], cluster, labelled=labelled)

    body = [
        cand("1.3", "All children should be seen in private on their first night.", 3, 0, True),
        cand("2.5", "Children should see a doctor within two days of asking.", 4, 0, True),
        cand("1.7", "Children kept apart should have a plan to rejoin the others.", 3, 1, False),
    ]
    listed = [
        ("5.1", "All children should be seen in private on their first night. (1.3)"),
        ("5.2", "Children kept apart should have a plan to rejoin the others. (1.7)"),
        ("5.3", "Children should see a doctor within two days of asking. (2.5)"),
        ("5.4", "Leaders should raise attendance at lessons to nine in ten. (3.5)"),
    ]
    closing = [cand(number, text, 9, 2, False) for number, text in listed]
    closing.append(cand(None, "The Youth Custody Service should confirm housing.", 9, 2, True))
    kept = _prefer_labelled([*body, *closing])
    # the closing list's own entries stay, the one printed nowhere else among them
    assert [c.number for c in kept if c.cluster == 2] == ["5.1", "5.2", "5.3", "5.4", None]


def test_paragraphs_a_numbered_paragraph_says_are_set_out_below_are_its_recommendations() -> None:
    lines = [
        *paragraph(1, 60, "27. The force agreed with our findings and held a meeting in July."),
        line(1, 100, "Learning"),
        *paragraph(
            1,
            120,
            "28. We found learning for the force and made two learning recommendations "
            "to it. They are set out in full below.",
        ),
        *paragraph(1, 160, "29. The force should review its guidance on the use of handcuffs."),
        *paragraph(1, 190, "30. The force should train its officers in the grounds for a search."),
        *paragraph(1, 220, "31. We will publish the force's response when we receive it."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["29", "30"]


def test_an_entry_back_at_the_margin_numbered_on_from_the_lettered_parts_above_it_goes_on() -> None:
    lines = [
        line(1, 60, "4 Recommendations", bold=True, size=12),
        *paragraph(1, 80, "We make the following recommendations."),
        *paragraph(
            1, 100, "3. The College of Policing should assess pursuit decisions in training."
        ),
        *paragraph(1, 130, "4. The Home Office, with the support of the NPCC, should:"),
        *paragraph(1, 150, "4a introduce a national data return on police pursuits; and", x0=81),
        *paragraph(1, 170, "4b publish the data each year.", x0=81),
        *paragraph(1, 190, "5. Police and crime commissioners should seek assurance on pursuits."),
        *paragraph(1, 220, "6. The NPCC lead should commission an evaluation of tactical contact."),
    ]
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["3", "4a", "4b", "5", "6"]


def test_a_lead_in_waiting_for_its_list_is_never_an_item_alone() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True, size=12),
        *paragraph(1, 80, "18 Our recommendations are meant to help close the gaps we found."),
        *paragraph(1, 100, "19 The Home Office, as the department responsible, should:"),
        *paragraph(1, 120, "a) set out how it will fund more fire safety inspectors."),
        *paragraph(1, 140, "20 The National Fire Chiefs Council should:"),
        line(2, 60, "Part One", bold=True, size=16),
        *paragraph(2, 90, "1.1 Fire and rescue services inspect premises to enforce the law."),
    ]
    items = split_items(doc(lines, pages=3))
    assert [i.number for i in items] == ["a"]


def test_a_minutes_recommendation_to_another_body_is_an_item_numbered_by_its_minute() -> None:
    lines = [
        line(1, 60, "7/31 QUARTERLY PERFORMANCE", bold=True),
        *paragraph(1, 80, "The Head of Performance presented the report on response times."),
        *paragraph(1, 100, "RESOLVED that the report be noted."),
        line(1, 130, "8/31 REVIEW OF ON-CALL CREWING", bold=True),
        *paragraph(1, 150, "Members discussed the panel's proposals for on-call contracts."),
        *paragraph(1, 760, "RECOMMENDED to the Fire Authority that the proposals be approved,"),
        *paragraph(2, 60, "subject to their cost being met from reserves."),
        line(2, 90, "9/31 WHISTLEBLOWING POLICY", bold=True),
        *paragraph(2, 110, "RECOMMENDED to the Fire Authority that:"),
        *paragraph(2, 125, "(a) the revised policy be adopted; and", x0=80),
        *paragraph(2, 140, "(b) the Monitoring Officer reports on its use every year.", x0=80),
        *paragraph(2, 170, "RESOLVED that a further report be brought to the next meeting."),
    ]
    items = split_items(doc(lines, pages=3))
    assert [(i.number, i.page_start, i.page_end) for i in items] == [
        ("8/31", 1, 2),
        ("9/31", 2, 2),
    ]
    assert items[0].text.endswith("met from reserves.")
    assert items[1].text.endswith("reports on its use every year.")


def test_asks_set_in_bold_among_plain_paragraphs_that_ask_too_are_the_items() -> None:
    # a submission numbers every paragraph; its recommendations are the bold ones
    texts = [
        ("1 The proposals would let chief constables dismiss officers whose clearance is", False),
        ("2 The consultation says that forces should be able to act at once where there", False),
        ("3 We recommend that the Home Office sets out in regulations a notice period of", True),
        ("4 Practice varies between forces, and in some every decision is reviewed by a", False),
        ("5 The College of Policing should revise its guidance so that every decision to", True),
        ("6 The data should be collected in a way that allows forces to be compared, and", False),
        ("7 Chief constables should tell every officer under review in writing why it is", True),
    ]
    lines: list[Line] = []
    for k, (text, bold) in enumerate(texts):
        tail = "withdrawn, and to do so without a hearing before an independent panel."
        lines += paragraph(1, 80 + 40 * k, text, tail, bold=bold)
    items = split_items(doc(lines))
    assert [i.number for i in items] == ["3", "5", "7"]


def test_a_cards_number_printed_before_its_kind_labels_the_card() -> None:
    lines = [line(1, 60, "Our recommendations", bold=True, size=20)]
    asks = ("The CPS should revise its standards.", "Chief constables should train staff.")
    for k, ask in enumerate(asks):
        lines += [line(1, 120 + 100 * k, f"{k + 1} RECOMMENDATION", size=10.0, bold=True)]
        lines += paragraph(1, 145 + 100 * k, ask)
    items = split_items(doc(lines))
    assert [(i.number, i.text) for i in items] == [("1", asks[0]), ("2", asks[1])]


def test_a_tables_number_and_type_cells_run_together_are_no_label() -> None:
    from extractors.margins import inverted_labels

    row = [line(1, 197, "5 Recommendation"), line(1, 197, "Progress report", x0=184)]
    assert [ln.text for ln in inverted_labels(row)] == ["5 Recommendation", "Progress report"]
    alone = [line(1, 120, "5 RECOMMENDATION"), line(1, 120, "6 RECOMMENDATION", x0=320)]
    assert [ln.text for ln in inverted_labels(alone)] == ["Recommendation 5", "Recommendation 6"]
