"""Each named addressee cue: a case only it decides, a near miss it must leave alone, and proof
that switching it off breaks its own case."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import pytest

from extractors import addressees
from extractors.addressees import CUES, Cue, tag_addressees
from models.records import Item, ItemKind, Metadata, Recipient

NATIONAL = Metadata(title="A thematic review of custody", publisher="HMICFRS", published=None)
FORCE = Metadata(
    title="An inspection of Durham Constabulary",
    publisher="HMICFRS",
    published=None,
    subject="Durham Constabulary",
)
FIRE = Metadata(
    title="An inspection of Eastmere Fire and Rescue Service",
    publisher="HMICFRS",
    published=None,
    subject="Eastmere Fire and Rescue Service",
)
COUNCIL = Metadata(
    title="Inspection of Northshire children's services",
    publisher="Ofsted",
    published=None,
    subject="Northshire County Council",
)
LETTER = Metadata(
    title="Joint inspection of the response to youth violence",
    publisher="Ofsted",
    published=None,
    addressed_to=("Eastvale Council", "Eastvale Health Board"),
)
BY_DHSC = Metadata(
    title="A review of maternity care",
    publisher="Department of Health and Social Care",
    published=None,
)

SENT = Metadata(
    title="Report to prevent future deaths",
    publisher=None,
    published=None,
    recipients=(Recipient("Westdale Police"),),
)


def _item(
    text: str,
    kind: ItemKind = "recommendation",
    *,
    lead_in: str | None = None,
    responsible: str | None = None,
    response: str | None = None,
) -> Item:
    return Item(
        kind=kind,
        number="1",
        parent=None,
        page_start=1,
        page_end=1,
        text=text,
        lead_in=lead_in,
        responsible=responsible,
        response=response,
    )


@dataclass(frozen=True)
class Case:
    """Items to tag and what one of them (by default the last) should come out with."""

    items: tuple[Item, ...]
    want: tuple[str, ...]
    meta: Metadata = NATIONAL
    field: Literal["addressees", "partners"] = "addressees"
    index: int = -1

    def result(self, disabled: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The checked item's addressees (or partners) after tagging."""
        item = tag_addressees(self.items, self.meta, disabled=disabled)[self.index]
        return item.partners if self.field == "partners" else item.addressees


def _case(
    text: str,
    want: tuple[str, ...],
    meta: Metadata = NATIONAL,
    *,
    lead_in: str | None = None,
    responsible: str | None = None,
    response: str | None = None,
) -> Case:
    item = _item(text, lead_in=lead_in, responsible=responsible, response=response)
    return Case((item,), want, meta)


def _partners(text: str, want: tuple[str, ...]) -> Case:
    return Case((_item(text),), want, field="partners")


def _after(first: str, second: str, want: tuple[str, ...]) -> Case:
    return Case((_item(first), _item(second)), want)


def _cause_then(kind: ItemKind, want: tuple[str, ...]) -> Case:
    cause = _item("Custody records are not accurate.", kind="cause_of_concern")
    answer = _item("Chief constables should audit custody records.", kind=kind)
    return Case((cause, answer), want, index=0)


DEFINES = 'That the Independent Office for Police Conduct ("the Office") publish guidance.'
PUBLISH = "Publish the revised guidance."
REVISE = "The guidance should be revised."
STRATEGY = "The Home Office should publish a strategy."

# A case where the cue, and no other, finds who acts (or who partners).
POSITIVE: dict[Cue, Case] = {
    "modal_subject": _case(STRATEGY, ("home_office",)),
    "pronoun": _case(
        "The Home Office has published a strategy. It should now fund the service.",
        ("home_office",),
    ),
    "passive_agent": _case(
        "The annual plan should be reviewed and approved by the College of Policing.",
        ("college_of_policing",),
    ),
    "bare_be_agent": _case(
        "That the annual plan be approved by the College of Policing.", ("college_of_policing",)
    ),
    "recommend_that": _case(
        "We recommend that the Home Office publishes a strategy.", ("home_office",)
    ),
    "recommend_to": _case(
        "The Panel recommends to the Home Office that a new strategy be published.",
        ("home_office",),
    ),
    "urge": _case("We urge the Home Office to publish a strategy.", ("home_office",)),
    "asked_to": _case(
        "The review group has asked the Home Office to publish a strategy.", ("home_office",)
    ),
    "for_to": _case("It is for chief constables to decide.", ("chief_constables",)),
    "subjunctive_that": _case("That the Home Office publish a strategy.", ("home_office",)),
    "infinitive_action": _case(
        "The Home Office to circulate the revised figures to members.", ("home_office",)
    ),
    "co_actor": _case(
        "Through the NPCC, chief constables should adopt the guidance.",
        ("npcc", "chief_constables"),
    ),
    "partner_after_verb": _partners(
        "The Home Office should publish a strategy in consultation with the NPCC.", ("npcc",)
    ),
    "partner_segment": _partners(
        "Working with the NPCC, the Home Office should publish a strategy.", ("npcc",)
    ),
    "partner_in_subject": _partners(
        "The Home Office working with the NPCC should publish a strategy.", ("npcc",)
    ),
    "leaders": _case("Leaders should improve how calls are answered.", ("force",), FORCE),
    "the_service": _case(
        "The service should review its on-call cover.", ("Eastmere Fire and Rescue Service",), FIRE
    ),
    "addressed_body": _case(
        "The health board should share records.", ("Eastvale Health Board",), LETTER
    ),
    "governments_of": _case(
        "The governments of Scotland and Wales should publish a plan.",
        ("Scottish Government", "Welsh Government"),
    ),
    "defined_term": _after(DEFINES, "That the Office review its decisions.", ("iopc",)),
    "role": _case("The Department should publish a plan.", ("dhsc",), BY_DHSC),
    "subject_name": _case(
        "Northshire County Council should improve its assessments.", ("local_authority",), COUNCIL
    ),
    "responsible_column": _case(PUBLISH, ("home_office",), responsible="Home Office"),
    "previous_item": _after(STRATEGY, "It should also fund the service.", ("home_office",)),
    "further_recommendation": _after(
        STRATEGY, "We recommend further that funding follows.", ("home_office",)
    ),
    "lead_in": _case(
        PUBLISH, ("home_office",), lead_in="the Home Office should take the following action"
    ),
    "responders": _case(
        REVISE, ("home_office",), response="The Home Office accepts this recommendation."
    ),
    "recipients": _case(
        "Guidance on welfare checks should be revised.", ("Westdale Police",), SENT
    ),
    "inspected_body_default": Case(
        (_item("Crime recording needs to improve.", kind="area_for_improvement"),),
        ("force",),
        FORCE,
    ),
    "cause_inherits": _cause_then("recommendation", ("chief_constables",)),
}

# A near miss: wording close to the positive case on which the cue must not fire.
NEGATIVE: dict[Cue, Case] = {
    "modal_subject": _case("We do not know how the Home Office will fund the service.", ()),
    "pronoun": _case("It should now fund the service.", ()),
    "passive_agent": _case("The annual plan should be reviewed and approved by March.", ()),
    "bare_be_agent": _case("The annual plan can be approved by the College of Policing.", ()),
    "recommend_that": _case("The Home Office recommends a new strategy.", ()),
    # a body that may recommend to another as its own act is not the writers recommending
    "recommend_to": _case(
        "If it sees fit, the Panel may recommend to the Home Office that there be a review.", ()
    ),
    "urge": _case("Campaigners urge the Home Office to publish a strategy.", ()),
    "asked_to": _case("The Home Office was asked about the strategy.", ()),
    "for_to": _case("This is a plan for forces to follow.", ()),
    "subjunctive_that": _case("That the strategy is published within a year.", ()),
    # a noun's own "to" ("Changes to the Home Office's figures …") is no one told to act
    "infinitive_action": _case("Invite the Home Office to circulate the revised figures.", ()),
    "co_actor": _case(
        "Through better training, chief constables should adopt the guidance.",
        ("chief_constables",),
    ),
    "partner_after_verb": _partners(
        "The Home Office should publish a strategy after consultation with the NPCC.", ()
    ),
    "partner_segment": _partners(
        "Having consulted the NPCC, the Home Office should publish a strategy.", ()
    ),
    "partner_in_subject": _partners(
        "The Home Office in its consultation with the NPCC should publish a strategy.", ()
    ),
    "leaders": _case("Leaders should improve how calls are answered.", ("Leaders",)),
    # in a report on a police force, "the service" is no fire and rescue service
    "the_service": _case("The service should review its on-call cover.", ("service",), FORCE),
    # a health board the letter is not addressed to is named as printed
    "addressed_body": _case("The health board should share records.", ("health board",)),
    "governments_of": _case(
        "The governments of other countries should publish a plan.",
        ("governments of other countries",),
    ),
    "defined_term": _after(
        DEFINES.replace(' ("the Office")', ""), "That the Office review its decisions.", ("Office",)
    ),
    "role": _case("Each department should publish a plan.", ("departments",), BY_DHSC),
    "subject_name": _case(
        "Southshire County Council should improve its assessments.",
        ("Southshire County Council",),
        COUNCIL,
    ),
    "responsible_column": _case(
        "The College of Policing should publish the revised guidance.",
        ("college_of_policing",),
        responsible="Home Office",
    ),
    "previous_item": _after(STRATEGY, "In future it should fund the service.", ()),
    "further_recommendation": _after(STRATEGY, "We recommend that funding follows.", ()),
    "lead_in": _case(PUBLISH, (), lead_in="the following action is needed"),
    "responders": _case(REVISE, (), response="We accept this recommendation."),
    "recipients": _case("The Home Office should revise the guidance.", ("home_office",), SENT),
    "inspected_body_default": _case("Crime recording needs to improve.", (), FORCE),
    "cause_inherits": _cause_then("area_for_improvement", ()),
}


def test_every_cue_is_registered_described_and_has_both_tests() -> None:
    assert set(CUES) == set(get_args(Cue))
    assert all(CUES.values())
    assert list(POSITIVE) == list(CUES), "a cue without a positive case (or out of order)"
    assert list(NEGATIVE) == list(CUES), "a cue without a near-miss case (or out of order)"


@pytest.mark.parametrize("cue", list(POSITIVE))
def test_cue_finds_its_case(cue: Cue) -> None:
    case = POSITIVE[cue]
    assert case.result() == case.want


@pytest.mark.parametrize("cue", list(NEGATIVE))
def test_cue_leaves_its_near_miss_alone(cue: Cue) -> None:
    case = NEGATIVE[cue]
    assert case.result() == case.want
    assert case.result(frozenset({cue})) == case.want, "the cue fired on its near miss"


@pytest.mark.parametrize("cue", list(POSITIVE))
def test_switching_a_cue_off_breaks_its_own_case(cue: Cue) -> None:
    case = POSITIVE[cue]
    assert case.result(frozenset({cue})) != case.want


# The one other cue a positive case builds on: label cues rename what the modal cue found,
# inheriting cues pass on what it found in another sentence (a lead-in, the previous item, a
# cause's recommendation), and a co-actor joins the modal subject.
BUILDS_ON: dict[Cue, Cue] = {
    "co_actor": "modal_subject",
    "leaders": "modal_subject",
    "the_service": "modal_subject",
    "addressed_body": "modal_subject",
    "governments_of": "modal_subject",
    "defined_term": "subjunctive_that",
    "role": "modal_subject",
    "subject_name": "modal_subject",
    "previous_item": "modal_subject",
    "further_recommendation": "modal_subject",
    "lead_in": "modal_subject",
    "cause_inherits": "modal_subject",
}


@pytest.mark.parametrize("cue", list(POSITIVE))
def test_a_case_needs_no_cue_but_its_own_and_the_one_it_builds_on(cue: Cue) -> None:
    case = POSITIVE[cue]
    kept = {cue, BUILDS_ON.get(cue, cue)}
    assert case.result(frozenset(CUES) - kept) == case.want


@pytest.mark.parametrize("cue", list(CUES))
def test_switching_a_cue_off_breaks_no_case_but_those_that_rest_on_it(cue: Cue) -> None:
    broken = {c for c, case in POSITIVE.items() if case.result(frozenset({cue})) != case.want}
    assert broken == {cue} | {c for c, base in BUILDS_ON.items() if base == cue}


# "X <partner cue> Y should" without commas: X acts and Y partners, whichever cue it is; with
# the cue switched off the subject is misread (the partner acts, or nobody is a partner).
PARTNER_WORDINGS = (
    "working with", "together with", "alongside", "in partnership with", "supported by",
    "in consultation with", "working closely with",
)  # fmt: skip


@pytest.mark.parametrize("cue_words", PARTNER_WORDINGS)
def test_a_partner_cue_without_commas_leaves_the_subject_acting(cue_words: str) -> None:
    item = _item(f"The Home Office {cue_words} the NPCC should publish a strategy.")
    tagged = tag_addressees([item], NATIONAL)[0]
    assert (tagged.addressees, tagged.partners) == (("home_office",), ("npcc",))
    off = tag_addressees([item], NATIONAL, disabled=frozenset({"partner_in_subject"}))[0]
    assert (off.addressees, off.partners) != (("home_office",), ("npcc",))


@pytest.mark.parametrize(
    "text",
    [
        "Chief constables, working in collaboration with the NPCC, should adopt it.",
        "Chief constables, working in partnership with the NPCC, should adopt it.",
        "Chief constables, working alongside the NPCC, should adopt it.",
    ],
)
def test_working_before_a_partner_preposition_is_still_a_partner_cue(text: str) -> None:
    tagged = tag_addressees([_item(text)], NATIONAL)[0]
    assert (tagged.addressees, tagged.partners) == (("chief_constables",), ("npcc",))


def test_a_partner_cue_in_the_subject_keeps_a_list_of_partners() -> None:
    text = "Chief constables working with the NPCC and the College of Policing should act."
    tagged = tag_addressees([_item(text)], NATIONAL)[0]
    assert tagged.addressees == ("chief_constables",)
    assert tagged.partners == ("npcc", "college_of_policing")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the cue's object is nobody who can act: the phrase says which officers are meant
        ("Officers working with victims should complete the training.", ()),
        # nobody before the cue: "Better working" is no subject, so no partner either
        ("Better working with local charities should be encouraged.", ()),
    ],
)
def test_a_partner_cue_in_the_subject_needs_a_body_on_both_sides(
    text: str, want: tuple[str, ...]
) -> None:
    tagged = tag_addressees([_item(text)], NATIONAL)[0]
    assert (tagged.addressees, tagged.partners) == (want, ())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("We consider it is for the College of Policing to set it.", ("college_of_policing",)),
        ("It will ultimately be a matter for the Home Office to decide.", ("home_office",)),
        ("It is up to chief constables to decide how to deploy.", ("chief_constables",)),
        (
            "It is for the NPCC and the College of Policing to agree.",
            ("npcc", "college_of_policing"),
        ),
        # a judgement between "it is" and "for" still names who acts
        ("It is essential for the Home Office to review the formula.", ("home_office",)),
        ("It is therefore vital for PCCs to hold forces to account.", ("pccs",)),
        ("It is now time for chief constables to act.", ("chief_constables",)),
    ],
)
def test_it_is_for_a_body_to_act(text: str, want: tuple[str, ...]) -> None:
    assert _case(text, want).result() == want
    assert _case(text, want).result(frozenset({"for_to"})) == ()


@pytest.mark.parametrize(
    "text",
    [
        "It is not for chief constables to make the law.",  # told not to act
        "It is a plan for forces to follow.",  # the plan is for them; it asks nothing of them
        "It is for victims to choose whether to report.",  # victims are not a body that acts
        "It is important for victims to be told what happens next.",  # the same, judged
        "There is more for forces to do.",  # no "it is": a remark, not an ask
    ],
)
def test_it_is_for_leaves_near_misses_alone(text: str) -> None:
    assert _case(text, ()).result() == ()


def test_it_is_for_a_body_with_a_partner_aside() -> None:
    text = "It is for the Home Office, in consultation with the NPCC, to decide."
    tagged = tag_addressees([_item(text)], NATIONAL)[0]
    assert (tagged.addressees, tagged.partners) == (("home_office",), ("npcc",))


def test_an_unknown_cue_name_is_refused_with_the_list() -> None:
    with pytest.raises(ValueError, match=r"unknown addressee cue\(s\) passive_agnet; the cues"):
        tag_addressees([_item(STRATEGY)], NATIONAL, disabled=frozenset({"passive_agnet"}))


def test_no_function_in_the_tagger_is_over_80_lines() -> None:
    tree = ast.parse(Path(addressees.__file__).read_text(encoding="utf-8"))
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.end_lineno is not None
        if node.end_lineno - node.lineno + 1 > 80
    ]
    assert long == []


@pytest.mark.parametrize(
    ("lead_in", "want"),
    [
        ("we set out the following actions for the College of Policing:", ("college_of_policing",)),
        ("These recommendations are for chief constables.", ("chief_constables",)),
        ("the following actions for improvement:", ()),  # names nobody
    ],
)
def test_a_lead_in_that_says_whom_its_items_are_for(lead_in: str, want: tuple[str, ...]) -> None:
    assert _case(PUBLISH, want, lead_in=lead_in).result() == want
    assert _case(PUBLISH, want, lead_in=lead_in).result(frozenset({"lead_in"})) == ()


@pytest.mark.parametrize(
    ("lead_in", "want"),
    [
        ("I recommend that:", ("Head of Estates",)),
        ("We therefore recommend that", ("Head of Estates",)),
        ("The Chief Inspector recommends that, within three months:", ("Head of Estates",)),
        ("The Chief Inspector made these recommendations:", ()),  # no "that" clause to finish
    ],
)
def test_entries_that_finish_a_recommend_that_lead_in(lead_in: str, want: tuple[str, ...]) -> None:
    text = "the Head of Estates reviews the custody property store."
    assert _case(text, want, lead_in=lead_in).result() == want
    assert _case(text, want, lead_in=lead_in).result(frozenset({"lead_in"})) == ()


WESTMARCH = Metadata(
    title="PEEL 2026: an inspection of Westmarch Police",
    publisher="HMICFRS",
    published=None,
    subject="Westmarch Police",
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the inspected force by a name the registry does not hold is the inspected force
        ("Westmarch Police should answer calls faster.", ("force",)),
        # another force the registry does not hold stays as printed
        ("Eastmarch Police should share its call data.", ("Eastmarch Police",)),
    ],
)
def test_the_inspected_force_by_its_printed_name(text: str, want: tuple[str, ...]) -> None:
    assert _case(text, want, WESTMARCH).result() == want
    if want == ("force",):
        assert _case(text, want, WESTMARCH).result(frozenset({"subject_name"})) != want


def test_a_short_form_defined_after_a_body_the_registry_lacks() -> None:
    first = _item("The IOPC recommends that Eastmere Police (EMP) reviews its custody policy.")
    second = _item("EMP should train its custody sergeants.")
    tagged = tag_addressees([first, second], NATIONAL)
    assert [t.addressees for t in tagged] == [("Eastmere Police",), ("Eastmere Police",)]
    off = tag_addressees([first, second], NATIONAL, disabled=frozenset({"defined_term"}))
    assert off[1].addressees == ("EMP",)


@pytest.mark.parametrize("lead", ["GM Protection", "Station Manager Prevention", "ACFO Delivery"])
def test_a_fire_officer_by_rank_in_the_lead_column_leaves_the_item_to_its_service(
    lead: str,
) -> None:
    text = "The force should review its risk records."
    assert _case(text, ("force",), FORCE, responsible=lead).result() == ("force",)


def test_the_appropriate_authority_in_a_complaint_is_the_force() -> None:
    text = "The IOPC recommends that the appropriate authority reminds officers of the policy."
    assert _case(text, ("force",)).result() == ("force",)
