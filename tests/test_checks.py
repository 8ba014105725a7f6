"""Self-checks: a document that contradicts the items found says so, and only then."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from test_items import doc, line, paragraph

from extractors.checks import (
    check_document,
    empty_sections,
    is_self_check,
    numbering_gaps,
    printed_labels_missing,
    silent_recommendations,
    stated_counts,
)
from extractors.items import split_items
from extractors.skeleton import build_skeleton
from models.records import Item, Line, Table
from pipeline.cli.main import cli


def _item(number: str | None, kind: str = "recommendation", page: int = 1) -> Item:
    return Item(
        kind=kind,  # type: ignore[arg-type]
        number=number,
        parent=None,
        page_start=page,
        page_end=page,
        text=f"The force should act on point {number}.",
    )


def _labelled(*numbers: int) -> list[Line]:
    lines: list[Line] = []
    for k, n in enumerate(numbers):
        lines.append(line(1, 100 + 50 * k, f"Recommendation {n}", bold=True))
        lines += paragraph(1, 120 + 50 * k, f"The force should act on point {n}.")
    return lines


def test_a_document_that_says_four_and_prints_1_2_and_4_is_warned() -> None:
    lines = [
        *paragraph(1, 60, "In this inspection we make four recommendations to the force."),
        *_labelled(1, 2, 4),
    ]
    document = doc(lines)
    warnings = check_document(document, split_items(document))
    assert any("says it makes 4 recommendations; 3 found" in w for w in warnings)
    assert any("recommendations numbered 1–4; 3 not found" in w for w in warnings)
    assert all(w.startswith("t.pdf: self-check: ") for w in warnings)
    assert all(is_self_check(w) for w in warnings)


def test_a_document_that_adds_up_is_not_warned() -> None:
    lines = [
        *paragraph(1, 60, "In this inspection we make three recommendations to the force."),
        *_labelled(1, 2, 3),
    ]
    document = doc(lines)
    assert check_document(document, split_items(document)) == ()


def test_printed_labels_with_no_item() -> None:
    document = doc(_labelled(1, 2, 3, 4, 5))
    assert printed_labels_missing(document, [_item("1"), _item("2"), _item("5")]) == [
        "recommendations 1–5 printed; 3–4 not found (check the pages where they are printed)"
    ]
    assert printed_labels_missing(document, [_item(str(n)) for n in range(1, 6)]) == []
    prose = doc([*paragraph(1, 100, "Recommendation 5 extends these ideas to the fire service.")])
    assert printed_labels_missing(prose, []) == []
    quoted = doc([line(1, 100, "RECOMMENDATION 3, MARCH 2024 REPORT", bold=True)])
    assert printed_labels_missing(quoted, []) == []  # another report's, quoted
    # an earlier report's items, rated in a progress table
    progress = Table(1, 90, 130, (
        ("2024 recommendation", "What we found", "Status"),
        ("Recommendation 2: The force should audit its records.", "An audit began.", "Achieved"),
    ))  # fmt: skip
    rated = replace(
        doc([line(1, 100, "Recommendation 2: The force should audit its records.")]),
        tables=(progress,),
    )
    assert printed_labels_missing(rated, []) == []


def test_numbering_gaps() -> None:
    assert numbering_gaps([_item("1"), _item("2"), _item("4a"), _item("4b")]) == [
        "recommendations numbered 1–4; 3 not found"
    ]
    assert numbering_gaps([_item("1"), _item("2"), _item("3")]) == []
    # Paragraph numbers shared with conclusions (3, 5, 7) do not start at 1: no sequence.
    assert numbering_gaps([_item("3"), _item("5"), _item("7")]) == []
    assert numbering_gaps([_item("1", "area_for_improvement"), _item("3", "area_for_improvement")])


def test_stated_counts_read_only_what_the_report_says_of_itself() -> None:
    items = [_item("1"), _item("2")]
    says = doc([*paragraph(1, 60, "This report makes 5 recommendations and two areas for")])
    assert stated_counts(says, items) == ["the report says it makes 5 recommendations; 2 found"]
    other = doc([*paragraph(1, 60, "The 2019 inspection report made 5 recommendations.")])
    assert stated_counts(other, items) == []
    agrees = doc([*paragraph(1, 60, "We have made two recommendations to the force.")])
    assert stated_counts(agrees, items) == []
    # a revisit: what the first report made, then what this one makes anew
    revisit = doc(
        [
            *paragraph(
                1,
                60,
                "We made six recommendations.",
                "We have therefore made two new recommendations.",
            )
        ]
    )
    assert stated_counts(revisit, items) == []
    restated = [_item(str(n)) for n in range(1, 9)]  # six restated and two new
    assert (
        stated_counts(doc([*paragraph(1, 60, "We make two new recommendations.")]), restated) == []
    )
    assert stated_counts(doc([*paragraph(1, 60, "We make three new recommendations.")]), items) == [
        "the report says it makes 3 recommendations; 2 found"
    ]


def test_a_section_of_items_that_yields_none_is_warned_even_in_the_body_font() -> None:
    lines = [
        *paragraph(1, 60, "The review considered how the force answers calls from the public."),
        line(1, 100, "Areas for improvement"),
        *paragraph(
            1,
            125,
            "The force needs to make sure that calls are answered quickly and that callers",
            "are told what will happen next, and it needs to supervise the control room.",
        ),
    ]
    units = build_skeleton(doc(lines))
    assert empty_sections(units, []) == [
        "the section headed 'Areas for improvement' (page 1) yielded no areas for improvement"
    ]
    assert empty_sections(units, [_item(None, "area_for_improvement")]) == []
    # a summary's section ahead of the full list the items were found in is no failure
    assert empty_sections(units, [_item("1", "area_for_improvement", page=4)]) == []


def test_silence_in_a_document_that_recommends() -> None:
    lines = [
        *paragraph(1, 60, "The panel recommended that the force apologise to each family."),
        *paragraph(1, 90, "It also recommended that the Home Office fund a review."),
        *paragraph(1, 120, "Finally it recommends the college publish new guidance."),
    ]
    assert silent_recommendations(doc(lines), []) == [
        "no items found, yet the text recommends something in 3 places"
    ]
    assert silent_recommendations(doc(lines), [_item("1")]) == []
    assert silent_recommendations(doc(lines[:2]), []) == []


def test_silence_in_a_notice_that_requires_steps() -> None:
    steps = [
        "You must fit a self-closing device to every flat entrance door.",
        "The responsible person must replace the fire alarm panel by 2 May.",
        "The responsible person shall train night staff in the evacuation plan.",
        "Date for compliance: 2 May 2025",
    ]
    notice = doc(paragraph(1, 60, *steps))
    assert silent_recommendations(notice, []) == [
        "no items found, yet the text requires something in 4 places"
    ]
    assert silent_recommendations(notice, [_item("1")]) == []
    # rules stated about conduct or what a thing must be require no step of anyone
    rules = ["You must not smoke here.", "The door must be closed.", "Staff must have passes."]
    assert silent_recommendations(doc(paragraph(1, 60, *rules, steps[0])), []) == []


def _contradicting_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 11)
    y = 780.0
    canvas.drawString(72, y, "In this inspection we make four recommendations to the force.")
    for n in (1, 2, 4):
        y -= 40
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(72, y, f"Recommendation {n}")
        canvas.setFont("Helvetica", 11)
        y -= 18
        canvas.drawString(72, y, f"The force should review how it handles calls of type {n}.")
    canvas.save()
    return path


def test_warnings_reach_the_run_the_runs_list_and_items_needs_review(tmp_path: Path) -> None:
    pdf = _contradicting_pdf(tmp_path / "contradicts.pdf")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    ran = runner.invoke(cli, ["--db", db, "run", str(pdf), "--jobs", "1"])
    assert ran.exit_code == 0, ran.output
    assert "self-check: the report says it makes 4 recommendations; 3 found" in ran.stdout
    runs = json.loads(runner.invoke(cli, ["--db", db, "runs", "--json"]).stdout)
    assert any(is_self_check(w) for w in runs["runs"][0]["warnings"])
    table = runner.invoke(cli, ["--db", db, "runs"]).stdout
    assert "self-checks" in table.splitlines()[0]
    review = runner.invoke(cli, ["--db", db, "items", "--needs-review", "--json"])
    [document] = json.loads(review.stdout)["documents"]
    assert document["file"] == "contradicts.pdf"
    assert document["items"] == 3
    assert any("3 not found" in w for w in document["warnings"])
    text = runner.invoke(cli, ["--db", db, "items", "--needs-review"]).stdout
    assert "contradicts.pdf" in text


def test_no_document_needs_review_in_an_honest_store(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "fine.pdf"), pagesize=A4)
    canvas.drawString(72, 780, "We make one recommendation.")
    canvas.drawString(72, 740, "Recommendation 1")
    canvas.drawString(72, 722, "The force should answer every call within ten seconds.")
    canvas.save()
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "run", str(tmp_path / "fine.pdf")]).exit_code == 0
    review = runner.invoke(cli, ["--db", db, "items", "--needs-review", "--json"])
    assert json.loads(review.stdout) == {"documents": []}
    assert (
        "No document needs review"
        in runner.invoke(cli, ["--db", db, "items", "--needs-review"]).stderr
    )


def test_the_overview_says_when_a_report_may_be_incomplete(tmp_path: Path) -> None:
    pdf = _contradicting_pdf(tmp_path / "contradicts.pdf")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", db, "add", str(pdf), "--published", "2026-03-02"])
    assert added.exit_code == 0, added.output
    paper = runner.invoke(
        cli, ["--db", db, "overview", "--since", "2026-01-01", "--until", "2026-06-30"]
    )
    assert paper.exit_code == 0, paper.output
    assert "may be incomplete" in paper.stdout
    assert "- the report says it makes 4 recommendations; 3 found" in paper.stdout


def test_sub_items_whose_parent_or_neighbour_is_missing() -> None:
    found = [_item("1"), _item("2"), _item("2a"), _item("2b"), _item("3a"), _item("4a")]
    found += [_item("4"), _item("4c")]
    assert numbering_gaps(found) == [
        "recommendations 3 have sub-items but were not found themselves",
        "recommendations 4b not found between their neighbours",
    ]
    # Parents printed only as group headings (never items): no warning; ranges count whole.
    headings_only = [_item("1a"), _item("1b"), _item("2a-c"), _item("2d")]
    assert numbering_gaps(headings_only) == []


def test_chapter_numbered_labels_are_compared_as_printed() -> None:
    document = doc(
        [
            line(1, 100, "Recommendation 2.1", bold=True),
            *paragraph(1, 120, "The council should publish its waiting times every month."),
            line(1, 160, "Recommendation 2.2", bold=True),
            *paragraph(1, 180, "The council should name one officer to answer complaints."),
            line(2, 100, "Recommendation 3.1", bold=True),
            *paragraph(2, 120, "The trust should audit its referral letters each quarter."),
        ]
    )
    assert printed_labels_missing(document, [_item("2.1"), _item("3.1")]) == [
        "recommendations 2.1, 2.2 and 3.1 printed; 2.2 not found "
        "(check the pages where they are printed)"
    ]
    assert printed_labels_missing(document, [_item("2.1"), _item("2.2"), _item("3.1")]) == []
    three = doc(
        [
            line(1, 100, "Recommendation 2.3.1", bold=True),
            line(1, 140, "Recommendation 2.3.2", bold=True),
        ]
    )
    assert printed_labels_missing(three, []) == [
        "recommendations 2.3.1 and 2.3.2 printed; 2.3.1 and 2.3.2 not found "
        "(check the pages where they are printed)"
    ]
    assert printed_labels_missing(three, [_item("2.3.1"), _item("2.3.2")]) == []


def test_a_count_dated_to_another_report_is_narrative() -> None:
    items = [_item("1"), _item("2")]
    for sentence in (
        "In our 2018 inspection we made nine recommendations, and six are now met.",
        "At the previous visit we identified four areas for improvement in custody.",
        "Three of the recommendations we make below repeat earlier advice to the trust.",
        # the time is in the sentence before: "Three years ago, in our report …"
        "Three years ago, in our report on vetting, we found gaps. We made 28 recommendations.",
    ):
        assert stated_counts(doc(paragraph(1, 60, sentence)), items) == [], sentence
    # The present tense is always about this report, whatever else the sentence mentions.
    now = doc(paragraph(1, 60, "Since our 2018 visit, we make six recommendations to the board."))
    assert stated_counts(now, items) == ["the report says it makes 6 recommendations; 2 found"]
    named = doc(paragraph(1, 60, "In this review the panel sets out eight recommendations."))
    assert stated_counts(named, items) == ["the report says it makes 8 recommendations; 2 found"]


def test_a_contents_line_is_not_a_section_of_items() -> None:
    lines = [
        line(1, 60, "Contents", size=16, bold=True),
        line(1, 90, "Introduction .......................................... 2"),
        line(1, 105, "Recommendations 9"),
        line(1, 120, "How the service answers calls from families and carers 11"),
        line(1, 135, "Annex: the people and organisations we spoke to in the county 14"),
    ]
    assert empty_sections(build_skeleton(doc(lines)), []) == []


def test_the_store_export_keeps_each_documents_warnings(tmp_path: Path) -> None:
    pdf = _contradicting_pdf(tmp_path / "contradicts.pdf")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "run", str(pdf), "--jobs", "1"]).exit_code == 0
    exported = runner.invoke(cli, ["--db", db, "export", "--format", "json"])
    [document] = json.loads(exported.stdout)["documents"]
    assert list(document)[-2:] == ["items", "warnings"]
    assert any("3 not found" in w and is_self_check(w) for w in document["warnings"])
    extracted = runner.invoke(cli, ["extract", "--json", str(pdf)])
    assert json.loads(extracted.stdout)["documents"][0]["warnings"] == document["warnings"]


def test_a_glossary_term_defined_under_its_name_is_no_empty_section() -> None:
    lines = [
        line(1, 100, "Area for improvement", bold=True, size=14),
        *paragraph(
            1,
            125,
            "An area for improvement is a less serious problem than a cause of concern. We do",
            "not set a deadline for one, but we check on progress when we next inspect.",
        ),
    ]
    assert empty_sections(build_skeleton(doc(lines)), []) == []


def test_a_count_of_one_concerns_recommendations_is_no_count_of_the_reports() -> None:
    items = [_item("1"), _item("2"), _item("3")]
    text = "We have made this a cause of concern, and we make two recommendations to address it."
    assert stated_counts(doc([*paragraph(1, 60, text)]), items) == []


def test_a_section_saying_when_the_inspectorate_makes_its_kind_is_no_empty_section() -> None:
    lines = [
        line(1, 100, "Causes of concern", bold=True, size=14),
        *paragraph(
            1,
            125,
            "We identify a cause of concern when we find a serious or critical shortcoming in",
            "a force's practice. We always make one or more recommendations to address it.",
        ),
    ]
    assert empty_sections(build_skeleton(doc(lines)), []) == []


def test_terms_under_a_glossarys_heading_are_no_empty_sections() -> None:
    lines = [
        line(1, 60, "Annex B: Glossary", bold=True, size=16),
        line(1, 100, "Cause of concern", bold=True, size=12),
        *paragraph(
            1,
            125,
            "A serious or critical shortcoming in practice, policy or performance, which we",
            "report together with one or more recommendations to the force concerned.",
        ),
    ]
    assert empty_sections(build_skeleton(doc(lines)), []) == []


def test_parts_of_one_item_count_once_against_a_stated_count() -> None:
    parts = [replace(_item("8a"), parent="8"), replace(_item("8b"), parent="8")]
    items = [_item(str(n)) for n in range(1, 8)] + parts
    says = doc([*paragraph(1, 60, "This report makes 8 recommendations to the police.")])
    assert stated_counts(says, items) == []  # 1-7 and 8a, 8b: eight, as it says
    assert stated_counts(says, items[:5] + parts) != []  # 1-5 and 8: six
