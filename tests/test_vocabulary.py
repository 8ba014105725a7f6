"""The shared directive vocabulary: what counts as asking someone to act."""

from __future__ import annotations

import pytest

from extractors.vocabulary import directs, in_welsh, is_process, opens_with_imperative


@pytest.mark.parametrize(
    "text",
    [
        "The Home Office should publish the figures each quarter.",
        "Forces must record every search.",
        "We recommend that the College of Policing reviews its guidance.",
        "The plan should have been agreed earlier; the force should now agree it by May.",
        "The force needs to improve how it records searches.",
        "Victims should be able to report a crime online, and forces should make it easy.",
        "The force should continue to reduce the time it takes to answer calls.",
        "The force should consider how its teams should share intelligence.",
        "The review is to be completed by May.",
        "The force should make sure the collaboration leads to savings.",
        "We recommend developing a national standard for vetting.",
    ],
)
def test_a_request_directs(text: str) -> None:
    assert directs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The recruitment drive should have been planned with the colleges.",
        "The force should already have recognised this from its own audit.",
        "Forces that kept their tutors should be commended for doing so.",
        "The force would not have known without the audit.",
        "Demand grew faster than the staff available.",
        "We welcome this, but the force will need to sustain its effort for months.",
        "Leaders were open with us about the progress they still need to make.",
        "Communities should be able to expect that their flood risk is assessed fairly.",
        "The force is good at tackling burglary and should continue to build on this work.",
        "In 2022 we recommended that forces should record the views of every child.",
        "The public has had little chance to debate whether, and how, it should be used.",
        "The paragraph references are to the paragraphs in which each first appears.",
        "Readers should note that the response to our last report is at Annex A.",
        "It should be noted that the figures for 2024 are provisional.",
        "The force should also benefit from its collaboration with its neighbour.",
        "We recommend reading this plan alongside each inspectorate's own plan.",
    ],
)
def test_judging_what_happened_does_not_direct(text: str) -> None:
    assert not directs(text)


def test_an_instruction_opens_with_its_verb() -> None:
    assert opens_with_imperative("Review the vetting policy by March.")
    assert opens_with_imperative("ensure, within six months, that …")
    assert opens_with_imperative("Nominate a chief officer lead and send us their name.")
    assert opens_with_imperative("designate a senior officer to own the policy")
    # a union's asks of a minister: "Commit to …", "Write to …"
    assert opens_with_imperative("Commit to funding the award in full for 2027/28.")
    assert opens_with_imperative("Write to every force before the council next meets.")
    assert not opens_with_imperative("The review found gaps.")
    assert not opens_with_imperative("")
    assert not opens_with_imperative("Contact: Priya Menon, Head of Planning")  # a field


@pytest.mark.parametrize(
    ("text", "process"),
    [
        ("The council should provide us with evidence that it has complied with them.", True),
        ("The council must consider this report at a meeting of its cabinet.", True),
        ("The Board is asked to note the findings and approve the plan.", True),
        ("The Board is recommended to note the progress made against the plan.", True),
        ("That the Committee notes the findings of the audit and the agreed actions.", True),
        ("That the Panel (a) agrees the work programme and (b) agrees its dates.", True),
        ("The committee should note that the force has not met the target.", False),
        ("In summary, we recommend that the council apologises and pays £400.", True),
        # a committee asking a department to write to it is asking for action
        (
            "The Department should confirm to us, within three months, that every college "
            "has been surveyed, and set out its timetable for the remaining work.",
            False,
        ),
        ("The council should apologise to the complainant in writing.", False),
        # the answer the report asks for is its own process; an answer to others is an ask
        ("The Commissioner is asked to notify the Panel of his response to this report.", True),
        ("The force should tell victims of its response to their complaint.", False),
        # the answers a publisher will ask the bodies it names for: its own process
        (
            "We will write to each body named above and ask it to tell us, by the end of "
            "June, how it intends to respond.",
            True,
        ),
        ("The force should tell us how it intends to recruit more detectives.", False),
        # a report's courtesies ask no one to act
        ("The reviewer would like to thank all those who contributed to the review.", True),
        ("I would invite the force to share this letter with its partners.", True),
        ("The force should share its data with the local authority.", False),
    ],
)
def test_the_reports_own_process_is_told_apart_from_an_ask(text: str, process: bool) -> None:
    assert is_process(text) is process


@pytest.mark.parametrize(
    ("text", "welsh"),
    [("Dylai'r heddlu wella'r ffordd y mae'n cefnogi dioddefwyr.", True),
     ("Maes i'w wella", True),
     ("The force should improve how it supports victims in the EU and am I sure.", False)],
)  # fmt: skip
def test_a_passage_in_welsh_is_told_by_its_function_words(text: str, welsh: bool) -> None:
    assert in_welsh(text) is welsh


def test_an_english_honorific_is_no_welsh() -> None:
    assert not in_welsh("Rt Hon Marcus Ellery")
