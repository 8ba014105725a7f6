"""The skeleton, the candidates and every candidate feature, on hand-built text layers.

Each feature of `extractors.candidates.FEATURES` has a case where it fires and one where it
does not, so that a broken cue fails its own test.
"""

from __future__ import annotations

import functools

import pytest
from test_items import doc, line, paragraph

from extractors.candidates import FEATURES, Candidate
from extractors.recognise import describe_document
from extractors.skeleton import build_skeleton, read_label, section_kind
from models.records import DocumentText, Line, Table


def _report() -> DocumentText:
    """A small report: narrative, a recommendations list with a lead-in, bullets, a box."""
    lines: list[Line] = [
        line(1, 60, "Summary", size=16, bold=True),
        *paragraph(
            1,
            90,
            "In 2023 we found that officers were stretched and that supervisors had little time",
            "to review the cases their teams were working on during the inspection period.",
        ),
        line(1, 160, "2. RECOMMENDATIONS", size=14, bold=True),
        *paragraph(1, 190, "To improve how victims are kept informed, we recommend that:"),
        *paragraph(1, 215, "1. Chief constables should make sure that every victim is told"),
        *paragraph(1, 230, "who is handling their case, by 31 March 2026."),
        *paragraph(1, 255, "2. Review how the control room grades calls about stalking."),
        *paragraph(1, 280, "3. The Home Office will publish guidance for forces."),
        line(2, 60, "Areas for improvement", bold=True),
        *paragraph(2, 90, "• The force should improve how it records the outcome of each call."),
        *paragraph(2, 115, "• The force should supervise investigations more closely.", x0=70),
        Line(
            2, "Recommendation 4: Training for call handlers", 70, 400, 160, 171, 11.0, True, True
        ),
        Line(
            2,
            "The College of Policing should update its course.",
            70,
            400,
            176,
            187,
            11.0,
            False,
            True,
        ),
        line(2, 220, "Response", size=14, bold=True),
        *paragraph(2, 250, "The government accepts this recommendation in full and agrees to act."),
        *paragraph(2, 300, "The force has made seven recommendations since the last inspection."),
        line(3, 60, "Contents", bold=True),
        *paragraph(3, 90, "The committee expects a plan within the year. (Paragraph 46)"),
    ]
    base = doc(lines)
    table = Table(
        page=3,
        top=400,
        bottom=440,
        rows=(("No.", "Recommendation", "Owner"), ("5", "Forces should share data.", "NPCC")),
    )
    return DocumentText(
        file=base.file,
        sha256=base.sha256,
        pages=base.pages,
        lines=base.lines,
        tables=(table,),
        page_heights=base.page_heights,
    )


@functools.cache
def _described() -> tuple[Candidate, ...]:
    return describe_document(_report()).candidates


def _find(prefix: str, *, units: int | None = None, rule: bool = False) -> Candidate:
    """The first candidate whose text starts with prefix (of a given span length)."""
    for cand in _described():
        if (cand.rule_item is not None) != rule or not cand.text.startswith(prefix):
            continue
        if units is None or cand.end - cand.start == units:
            return cand
    raise AssertionError(f"no candidate starts with {prefix!r}")


# (feature, candidate that has it, candidate that does not): (prefix, span units, rule item)
Where = tuple[str, int | None, bool]
S1: Where = ("Chief constables should make sure", 1, False)
HEAD: Where = ("RECOMMENDATIONS", 1, False)
TITLE: Where = ("Training for call handlers", 1, False)
COLLEGE: Where = ("The College of Policing should", 1, False)
REVIEW: Where = ("Review how the control room", 1, False)
WILL: Where = ("The Home Office will publish", 1, False)
NARR: Where = ("In 2023 we found", 1, False)
LEAD: Where = ("To improve how victims", 1, False)
BULLET: Where = ("The force should improve how it records", 1, False)
BOX: Where = ("Training for call handlers", 2, False)
RESP: Where = ("The government accepts", 1, False)
COUNT: Where = ("The force has made seven", 1, False)
REF: Where = ("The committee expects a plan", 1, False)
ROW: Where = ("Forces should share data.", 1, False)
RULE: Where = ("Training for call handlers", None, True)

CASES: dict[str, tuple[Where, Where]] = {
    "says_should": (S1, REVIEW),
    "says_shall_must": (("", None, False), S1),  # replaced below by a sentence with "must"
    "says_we_recommend": (LEAD, S1),
    "says_will": (WILL, S1),
    "imperative_opening": (REVIEW, S1),
    "names_body": (WILL, REVIEW),
    "deadline_phrase": (S1, REVIEW),
    "response_language": (RESP, S1),
    "narrative_language": (NARR, REVIEW),
    "talks_about_items": (COUNT, S1),
    "paragraph_reference": (REF, S1),
    "ends_sentence": (S1, HEAD),
    "log_words": (S1, ("", None, False)),
    "very_short": (HEAD, S1),
    "very_long": (("", None, False), S1),
    "section_names_items": (S1, NARR),
    "ancestor_names_items": (("", None, False), NARR),
    "section_names_kind": (S1, NARR),
    "section_response": (RESP, S1),
    "section_conclusions": (NARR, S1),
    "section_contents": (REF, S1),
    "lead_in": (S1, NARR),
    "lead_in_recommends": (S1, NARR),
    "table_row": (ROW, S1),
    "table_header_names_items": (ROW, S1),
    "early_page": (S1, REF),
    "repeated": (("", None, False), S1),
    "item_label": (BOX, S1),
    "bare_item_label": (("", None, False), BOX),
    "numbered": (S1, BULLET),
    "sub_labelled": (("", None, False), S1),
    "bulleted": (BULLET, S1),
    "unlabelled": (NARR, S1),
    "number_continues": (REVIEW, S1),
    "list_size": (S1, NARR),
    "list_asks_share": (S1, NARR),
    "list_mostly_asks": (S1, NARR),
    "list_narrative_share": (NARR, S1),
    "bold": (BOX, S1),
    "in_box": (BOX, S1),
    "larger_than_body": (("", None, False), S1),
    "smaller_than_body": (("", None, False), S1),
    "space_above": (S1, COLLEGE),
    "multi_page": (("", None, False), S1),
    "sentence": (("", None, False), S1),
    "span_units": (BOX, S1),
    "span_has_sublist": (("", None, False), S1),
    "cut_mid_sentence": (TITLE, S1),
    "starts_lowercase": (("", None, False), S1),
    "whole_entry": (BOX, TITLE),
    "one_unit": (S1, BOX),
    "rule_item": (RULE, S1),
    "same_as_rule_item": (BOX, WILL),
    "part_of_rule_item": (("", None, False), S1),
    "no_rule_items": (("", None, False), S1),
}
# Features whose positive case needs a layout of its own (tested separately below).
SEPARATE = {name for name, (pos, _) in CASES.items() if pos[0] == ""}


def test_every_feature_has_a_case() -> None:
    assert set(CASES) == set(FEATURES)


def test_features_are_only_the_declared_ones() -> None:
    for cand in _described():
        assert set(cand.features) <= set(FEATURES), cand.text


@pytest.mark.parametrize("name", sorted(set(CASES) - SEPARATE))
def test_feature_fires_where_it_should(name: str) -> None:
    (prefix, units, rule), _ = CASES[name]
    assert _find(prefix, units=units, rule=rule).features.get(name, 0.0) > 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_feature_is_quiet_where_it_should_be(name: str) -> None:
    _, (prefix, units, rule) = CASES[name]
    cand = _find(prefix, units=units, rule=rule)
    if name == "space_above":  # a continuation line has no space above it
        assert cand.features[name] < _find(*S1[:1], units=1).features[name]
        return
    if name == "log_words":
        return  # every text has a length; its positive case is enough
    assert cand.features.get(name, 0.0) == 0, cand.features


def _features_of(lines: list[Line], prefix: str, units: int | None = None) -> dict[str, float]:
    described = describe_document(doc(lines))
    for cand in described.candidates:
        right_span = units is None or cand.end - cand.start == units
        if cand.rule_item is None and cand.text.startswith(prefix) and right_span:
            return cand.features
    raise AssertionError(f"no candidate starts with {prefix!r}")


def test_shall_and_must() -> None:
    lines = [*paragraph(1, 100, "The chair shall publish a report to Parliament every year.")]
    assert _features_of(lines, "The chair shall")["says_shall_must"] == 1


def test_long_items_and_lowercase_openings() -> None:
    long_text = "The force should act. " * 70
    lines = [
        *paragraph(1, 100, long_text.strip()),
        *paragraph(1, 300, "and then it should report back to the board."),
    ]
    assert _features_of(lines, "The force should act.")["very_long"] == 1
    assert _features_of(lines, "and then it should")["starts_lowercase"] == 1


def test_sub_lists_and_sub_labels() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True),
        *paragraph(1, 100, "1. Chief constables should act on the following:"),
        *paragraph(1, 125, "a) record every report of stalking;", x0=90),
        *paragraph(1, 150, "b) tell victims who is handling their case.", x0=90),
    ]
    feats = _features_of(lines, "Chief constables should act", units=3)
    assert feats["span_has_sublist"] == 1
    assert _features_of(lines, "record every report")["sub_labelled"] == 1


def test_bare_labels_nesting_and_type_sizes() -> None:
    lines = [
        line(1, 60, "Chapter 3: Recommendations", size=18, bold=True),
        line(1, 90, "Protecting victims", size=13, bold=True),
        line(1, 120, "Recommendation:", bold=True),
        *paragraph(1, 140, "Forces should share intelligence about repeat offenders."),
        line(1, 170, "The figures below are provisional and will be revised.", size=8),
        line(1, 200, "A LARGE CALLOUT SAYS THE FORCE SHOULD ACT", size=15),
        *paragraph(1, 790, "Victims should be told about every decision in their case and"),
        *paragraph(2, 60, "about the support available to them from local services."),
    ]
    assert _features_of(lines, "Forces should share")["ancestor_names_items"] == 1
    assert _features_of(lines, "Forces should share", units=1)["bare_item_label"] == 0
    assert _features_of(lines, "Forces should share", units=2)["bare_item_label"] == 1
    assert _features_of(lines, "The figures below")["smaller_than_body"] == 1
    assert _features_of(lines, "Victims should be told", units=1)["multi_page"] == 1


def test_repeats_sentences_and_the_rule_splitter() -> None:
    text = "The force should make sure that every victim is told who handles their case."
    lines = [
        line(1, 60, "Summary of recommendations", bold=True),
        *paragraph(1, 90, f"1. {text}"),
        line(2, 60, "Detailed findings", bold=True),
        *paragraph(2, 90, "We looked at 40 cases. Officers should record each decision properly."),
        line(3, 60, "Recommendations", bold=True),
        *paragraph(3, 90, f"1. {text}"),
    ]
    assert _features_of(lines, text)["repeated"] == 1
    assert _features_of(lines, "Officers should record")["sentence"] == 1
    assert _features_of(lines, "We looked at 40 cases. Officers")["part_of_rule_item"] == 0
    narrative = [*paragraph(1, 90, "We looked at 40 cases and spoke to officers in each area.")]
    assert _features_of(narrative, "We looked at 40")["no_rule_items"] == 1


def test_large_type() -> None:
    lines = [line(1, 100, "Victims should be told who handles their case.", size=15)]
    assert _features_of(lines, "Victims should")["larger_than_body"] == 1


def test_part_of_a_rule_item() -> None:
    lines = [
        line(1, 60, "Recommendations", bold=True),
        *paragraph(
            1,
            90,
            "1. Chief constables should make sure that every victim of stalking is told who is",
            "handling their case, and that the officer in charge reviews the risk each week.",
        ),
    ]
    assert _features_of(lines, "Chief constables should make", units=1).get("rule_item", 0) == 0
    # The rule splitter finds the item; a span of its first line alone is part of it.
    first_line = _features_of(lines, "Chief constables should make", units=1)
    assert first_line["same_as_rule_item"] == 1 or first_line["part_of_rule_item"] == 1


def test_skeleton_reads_headings_in_the_body_font() -> None:
    lines = [
        *paragraph(1, 100, "The review looked at how forces handle calls from the public."),
        line(1, 140, "Recommendations"),
        *paragraph(1, 160, "1. Forces should answer calls within ten seconds."),
    ]
    units = build_skeleton(doc(lines))
    heading = next(u for u in units if u.text == "Recommendations")
    entry = next(u for u in units if u.text.startswith("Forces should answer"))
    assert heading.role == "heading"
    assert entry.section[-1] == "Recommendations"


def test_skeleton_splits_lists_the_blocks_missed() -> None:
    lines = paragraph(1, 100, "i. Forces should act.", "ii. The NPCC should lead.", "iii. Done.")
    units = build_skeleton(doc(lines))
    assert [u.label for u in units if u.label][:3] == ["i", "ii", "iii"]


@pytest.mark.parametrize(
    ("text", "label", "style", "kind"),
    [
        ("Recommendation 3.2: Forces should act", "3.2", "item", "recommendation"),
        ("Area for improvement 4 The force should", "4", "item", "area_for_improvement"),
        ("Recommendation:", None, "item", "recommendation"),
        ("Recommendation 4 was accepted", None, None, None),
        ("12. The force should", "12", "number", None),
        ("(3) The force should", "3", "paren", None),
        ("iv. The force should", "iv", "roman", None),
        ("b) The force should", "b", "letter", None),
        ("• The force should", "•", "bullet", None),
        ("4.1 The force should", "4.1", "dotted", None),
        ("The force should", None, None, None),
    ],
)
def test_read_label(text: str, label: str | None, style: str | None, kind: str | None) -> None:
    got = read_label(text)
    assert got[:3] == (label, style, kind)


def test_section_kind() -> None:
    assert section_kind("Areas for improvement") == "area_for_improvement"
    assert section_kind("2. RECOMMENDATIONS") == "recommendation"
    assert section_kind("Causes of concern") == "cause_of_concern"
    assert section_kind("Our findings") is None
