"""Addressee and partner tagging: own HMICFRS-style sentences, then the gold items."""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from extractors.addressees import for_forces, tag_addressees
from extractors.settings import ExtractorSettings
from models.records import Item, Metadata

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FORCE_REPORT = Metadata(
    title="PEEL 2023-25: An inspection of Durham Constabulary",
    publisher="HMICFRS",
    published=None,
    subject="Durham Constabulary",
)
NATIONAL_REPORT = Metadata(
    title="A thematic inspection of custody", publisher="HMICFRS", published=None
)


def _item(text: str, kind: str = "recommendation", **hints: str) -> Item:
    return Item(kind=kind, number="1", parent=None, page_start=1, page_end=1, text=text, **hints)  # type: ignore[arg-type]


def _tag(
    text: str, meta: Metadata = NATIONAL_REPORT, kind: str = "recommendation", **hints: str
) -> Item:
    return tag_addressees([_item(text, kind, **hints)], meta)[0]


# (sentence, expected addressees, expected partners or None to skip the check)
NATIONAL_CASES: list[tuple[str, list[str], list[str] | None]] = [
    # a body's own officer, named with a possessive, acts for the body
    (
        "The National Police Chiefs’ Council’s lead for economic crime should publish guidance.",
        ["npcc"],
        None,
    ),
    # a role in lower case, then the body's proper name set off by commas: the name acts
    ("The provider, Northpoint Care, should review its staffing.", ["Northpoint Care"], None),
    # a possessive inside a proper name opening the sentence ("Children's Social Care")
    ("Children's Social Care should review its referrals.", ["Children's Social Care"], None),
    # the head of a named body, "of" its name: the body acts
    (
        "The Chief Fire Officer of Westmoor Fire and Rescue Service should review its visits.",
        ["Westmoor Fire and Rescue Service"],
        None,
    ),
    # a class narrowed by a participle phrase is the class: the phrase is no part of its name
    (
        "Forces deploying live facial recognition should assess each use.",
        ["chief_constables"],
        None,
    ),
    (
        "Forensic science providers offering toxicology should validate methods.",
        ["Forensic science providers"],
        None,
    ),
    (
        "Neighbourhood policing teams should meet the public.",
        ["Neighbourhood policing teams"],
        None,
    ),
    # an item's own title run into its sentence is no part of who acts
    ("Independent tunnel survey Network Rail should commission a survey.", ["Network Rail"], None),
    # a force's whole name, "and", then another body's name opening a longer phrase
    (
        "Eastvale Police and Eastvale Council children's services should agree a protocol.",
        ["Eastvale Police", "Eastvale Council children's services"],
        None,
    ),
    # a role after a comma describes the subject; a sentence opening "As part of" names none
    (
        "The City of London Police, as national lead force for fraud, should publish guidance.",
        ["City of London Police"],
        None,
    ),
    ("As part of its response the Government should set out its plan.", ["uk_government"], None),
    # a word that can name bodies ("commissions") is the verb when an object follows it
    (
        "The unit recommends that the Department of Health and Social Care commissions a"
        " review of waiting areas.",
        ["dhsc"],
        None,
    ),
    ("That the Panel Chair commissions an audit of call handling.", ["Panel Chair"], None),
    # a body after "and the" is another actor, though a lead's remit before it has an "and"
    (
        "The NPCC lead for children and young people and the College of Policing should"
        " develop training for call handlers.",
        ["npcc", "college_of_policing"],
        None,
    ),
    # a body's own office-holders run on after its name act as the body
    (
        "By May 2027, chief constables and CPS Chief Crown Prosecutors should agree a protocol.",
        ["chief_constables", "cps"],
        None,
    ),
    (
        "I recommend that every chief constable makes sure that staff are trained.",
        ["chief_constables"],
        None,
    ),
    # a post named in lower case acts for the body that holds it
    (
        "We recommend that the director of adult social services of Fenmoor County Council"
        " agrees a protocol with the police.",
        ["Fenmoor County Council"],
        None,
    ),
    # a place before a class of office in lower case: one of that class
    ("We recommend that the Fenmoor police and crime commissioner reports yearly.", ["pccs"], None),
    # "Police and Crime" inside one name, as in the registry's commissioners
    (
        "The Westdale Police and Crime Panel should meet monthly.",
        ["Westdale Police and Crime Panel"],
        None,
    ),
    # a regulated trade's members act as a class ("water undertakers", "landlords")
    ("All water undertakers must publish their drought plans.", ["water undertakers"], None),
    # the members a class is spelled out as, between dashes, act; two names joined by "and"
    # split where the first ends with a body's last word
    (
        "The three safeguarding partners – Westshire County Council, NHS Fen and Moor"
        " Integrated Care Board and Westshire Police – should agree a plan.",
        ["Westshire County Council", "NHS Fen and Moor Integrated Care Board", "Westshire Police"],
        None,
    ),
    # the list after "working with" is the partners', however long: the name before acts
    (
        "The Ministry of Justice, working with HM Prison and Probation Service, the Youth"
        " Justice Board and the Department for Education, should publish a strategy.",
        ["moj"],
        None,
    ),
    # … also when its last names are common nouns ("…, landowners and the park authorities,")
    (
        "The FRSs, working with Moorland Water, landowners and the national park authorities,"
        " should extend joint planning for wildfires.",
        ["chief_fire_officers"],
        None,
    ),
    # "the …" in lower case after a name describes it: the name is the subject
    (
        "Fellbrook Health Partnership, the health care provider, working with NHS England,"
        " should shorten waits for assessments.",
        ["Fellbrook Health Partnership"],
        ["NHS England"],
    ),
    (
        "Immediately, the College of Policing should revise its guidance.",
        ["college_of_policing"],
        None,
    ),
    # a short form in brackets stands for the name before it, not for the whole list
    (
        "We recommend that the College of Policing (CoP) and the NPCC agree a protocol.",
        ["college_of_policing", "npcc"],
        None,
    ),
    (
        "We recommend that Westdale Constabulary (WC) and Eastdale Police agree a protocol.",
        ["Westdale Constabulary", "Eastdale Police"],
        None,
    ),
    # "and" between two whole names; not inside a name the registry knows
    (
        "Westdale Police and Eastdale County Council should agree a protocol.",
        ["Westdale Police", "Eastdale County Council"],
        None,
    ),
    (
        "The Westdale Police and Crime Commissioner should publish a plan.",
        ["pccs"],
        None,
    ),
    (
        "The Westdale Police and Crime Panel should review the plan.",
        ["Westdale Police and Crime Panel"],
        None,
    ),
    # a body by its role and a named body whose name ends in a body's word
    (
        "The Council and Ashcombe Homes should agree a joint protocol.",
        ["local_authority", "Ashcombe Homes"],
        None,
    ),
    # two post-holders; one post whose title has "and" in it
    (
        "The Governor and Head of Healthcare should test the emergency response.",
        ["Governor", "Head of Healthcare"],
        None,
    ),
    (
        "The Head of Finance and Resources should review the budget.",
        ["Head of Finance and Resources"],
        None,
    ),
    (
        "The Department of Health and Social Care (DHSC) and NHS England should agree a plan.",
        ["dhsc", "NHS England"],
        None,
    ),
    (
        "The College of Policing should write to all forces setting out the checks that officers "
        "should make when a caller reports online abuse.",
        ["college_of_policing"],
        None,
    ),
    (
        "If, after its review, the Home Office decides that no change is needed, it should "
        "publish its reasons.",
        ["home_office"],
        None,
    ),
    (
        "By 30 June 2025, chief constables should make sure custody staff record risk assessments.",
        ["chief_constables"],
        [],
    ),
    (
        "Chief constables should review how their forces record stalking offences.",
        ["chief_constables"],
        [],
    ),
    (
        "All forces should adopt the revised national guidance on missing children.",
        ["chief_constables"],
        [],
    ),
    ("Police forces must publish their vetting outcomes every year.", ["chief_constables"], None),
    ("The Home Office should fund a national digital evidence service.", ["home_office"], []),
    (
        "Within six months, the Home Office, working with the NPCC lead for roads policing, should "
        "publish a national roads policing strategy.",
        ["home_office"],
        ["npcc"],
    ),
    (
        "The College of Policing should update its professional practice on stop and search.",
        ["college_of_policing"],
        [],
    ),
    (
        "The National Police Chiefs' Council should agree a data standard for missing people.",
        ["npcc"],
        [],
    ),
    (
        "The NPCC lead for custody should issue guidance to forces on detained children.",
        ["npcc"],
        None,
    ),
    (
        "The national policing lead for domestic abuse should give forces clear guidance. Chief "
        "constables should comply with that guidance.",
        ["npcc", "chief_constables"],
        None,
    ),
    (
        "The Crown Prosecution Service should improve the quality of its charging advice.",
        ["cps"],
        [],
    ),
    (
        "The CPS and chief constables should agree a joint file quality standard.",
        ["cps", "chief_constables"],
        [],
    ),
    (
        "The Director General of the National Crime Agency should review regional tasking.",
        ["nca"],
        [],
    ),
    (
        "The NCA should share intelligence with regional organised crime units more quickly.",
        ["nca"],
        [],
    ),
    (
        "Police and crime commissioners should hold chief constables to account for this.",
        ["pccs"],
        [],
    ),
    (
        "Chief constables and police and crime commissioners should jointly review estates.",
        ["chief_constables", "pccs"],
        [],
    ),
    (
        "Police, fire and crime commissioners should publish their responses within 56 days.",
        ["pccs"],
        [],
    ),
    (
        "HMICFRS will monitor progress against this recommendation in future inspections.",
        ["hmicfrs"],
        [],
    ),
    ("The Ministry of Justice should commission more places in approved premises.", ["moj"], []),
    (
        "The Department for Education, in consultation with the Home Office, should act.",
        ["dfe"],
        ["home_office"],
    ),
    (
        "The Department of Health and Social Care should fund liaison and diversion services.",
        ["dhsc"],
        [],
    ),
    ("The IOPC should publish clearer guidance on misconduct referrals.", ["iopc"], []),
    (
        "The National Fire Chiefs Council should develop a national standard for fire protection.",
        ["nfcc"],
        [],
    ),
    (
        "Chief fire officers should make sure their services have enough protection staff.",
        ["chief_fire_officers"],
        [],
    ),
    (
        "Fire and rescue services should review their arrangements for high-rise buildings.",
        ["chief_fire_officers"],
        [],
    ),
    # a service's chief fire officer is its head, as a force's chief constable is the force's
    (
        "The Chief Fire Officer should publish a plan for on-call crewing by June.",
        ["chief_fire_officers"],
        [],
    ),
    ("The Government should legislate to give the inspectorate new powers.", ["uk_government"], []),
    (
        "HM Government should publish a cross-government strategy on serious violence.",
        ["uk_government"],
        [],
    ),
    (
        "We recommend that the Home Office consult forces on the new funding formula.",
        ["home_office"],
        [],
    ),
    ("I recommend that the Home Secretary reviews the statutory guidance.", ["home_office"], []),
    (
        "The UK government and devolved administrations should agree a shared approach.",
        ["uk_government", "devolved_administrations"],
        [],
    ),
    (
        "The UK government, working with the devolved administrations, should set up a service.",
        ["uk_government"],
        ["devolved_administrations"],
    ),
    (
        "The governments of the UK, Scotland, Wales and Northern Ireland should each publish.",
        ["uk_government", "Scottish Government", "Welsh Government", "Northern Ireland Executive"],
        [],
    ),
    (
        "The Scottish Government should review its equivalent arrangements.",
        ["Scottish Government"],
        [],
    ),
    ("Information about custody detentions should be published every quarter.", [], []),
    ("Guidance on strip searches should be reviewed.", [], []),
    (
        "The College of Policing, with the support of the NPCC, should design a training course.",
        ["college_of_policing"],
        ["npcc"],
    ),
    (
        "The Home Office should, together with the College of Policing, evaluate the pilot.",
        ["home_office"],
        ["college_of_policing"],
    ),
    # a body outside the gold's canonical ids is written as the report prints it
    (
        "The Association of Police and Crime Commissioners should survey its members.",
        ["Association of Police and Crime Commissioners"],
        [],
    ),
    ("The APCC should survey its members.", ["APCC"], []),
    ("The Care Quality Commission should review its guidance.", ["Care Quality Commission"], []),
    ("HM Prison and Probation Service (HMPPS) should fund the pilot.", ["HMPPS"], []),
    (
        "Local authorities should share information with forces about children in care.",
        ["Local authorities"],
        [],
    ),
    (
        "Integrated care boards and chief constables should agree who responds to such calls.",
        ["Integrated care boards", "chief_constables"],
        [],
    ),
    (
        "The NPCC and the College of Policing should jointly review the national decision model.",
        ["npcc", "college_of_policing"],
        [],
    ),
    ("The strategy should set out how forces will measure success.", [], []),
    # a second modal joined by "and" keeps the first subject; the phrase before it acts not
    (
        "Regional boards should involve carers in designing and running respite services,"
        " and should explain in each annual report how they have done so.",
        ["Regional boards"],
        [],
    ),
    ("The Home Office should fund it and the NPCC should run it.", ["home_office", "npcc"], []),
    # alone, a title-case name ending in a nation is a national body; other names need an agent head
    ("Health Care Wales should develop a learning module.", ["Health Care Wales"], []),
    ("The Offender Register, kept by the NCA, should record every visit.", [], []),
    # "X is recommended to:" asks X, as a modal does; a company is a body
    (
        "Ashbury Trams Ltd is recommended to: (a) review its rota; (b) train drivers.",
        ["Ashbury Trams Ltd"],
        [],
    ),
    (
        "It is recommended that Fenby Plant Ltd fits cameras to every vehicle.",
        ["Fenby Plant Ltd"],
        [],
    ),
    ("This approach is recommended to all forces.", [], []),
    # a remedy a body has agreed is asked of it; the agreement of others is not an ask
    (
        "Within one month, Fenby Plant Ltd has agreed to: (a) apologise; (b) pay £200.",
        ["Fenby Plant Ltd"],
        [],
    ),
    ("Ashbury Trams Ltd agrees to review its rota.", ["Ashbury Trams Ltd"], []),
    ("This approach was agreed to by all forces.", [], []),
    # a registry body that ends a phrase is its head: a title run into the text is not
    ("Recommendation 7 Police and crime commissioners should tell victims.", ["pccs"], []),
    (
        "Escort records Chief constables should make sure every record is complete.",
        ["chief_constables"],
        [],
    ),
    ("The NPCC roads policing lead should publish a national standard.", ["npcc"], []),
    ("Home Office officials should agree it.", [], []),
    # a date after the agent of a passive is no part of its name
    (
        "Progress should be reviewed by the Justice Committee in September 2027.",
        ["Justice Committee"],
        [],
    ),
    # a count of a class is the class
    ("The four police forces in Wales should adopt a common record.", ["chief_constables"], []),
    # an item's title run into its subject: the body's initials after it act
    ("Driver fatigue NWTO should introduce a fatigue risk management system.", ["NWTO"], []),
    # the commissioner's office by its initials, as by its name
    ("The OPCC should publish the outcome of every review.", ["pccs"], []),
    # an adverb between the participle and "by": the agent still acts
    (
        "A single guide to complaints should be produced jointly by the NPCC and the College of"
        " Policing.",
        ["npcc", "college_of_policing"],
        [],
    ),
]
FORCE_CASES: list[tuple[str, list[str], str]] = [
    ("The force should improve how it supervises investigations.", ["force"], "recommendation"),
    # a part of the inspected force, or a post in it, acts for the force
    ("The Professional Standards Department should review its files.", ["force"], "recommendation"),
    ("The Head of Professional Standards should assess every allegation.", ["force"], "action"),
    ("Line managers should record each concern they are told of.", ["force"], "recommendation"),
    (
        "The constabulary needs to improve its response to calls for service.",
        ["force"],
        "area_for_improvement",
    ),
    (
        "Durham Constabulary should make sure it has enough trained detectives.",
        ["force"],
        "recommendation",
    ),
    (
        "The chief constable should ensure that vetting checks are completed on time.",
        ["force"],
        "recommendation",
    ),
    (
        "Greater Manchester Police should share its approach with the force.",
        ["Greater Manchester Police"],
        "recommendation",
    ),
    ("Investigations are not always supervised effectively.", ["force"], "area_for_improvement"),
    (
        "The force and the police and crime commissioner should agree a new estates plan.",
        ["force", "pccs"],
        "recommendation",
    ),
    # a partner aside holding its own clause still ends before the subject's modal
    (
        "The force, working with the county council and the two boards that fund the"
        " service, should set up a single panel.",
        ["force"],
        "recommendation",
    ),
]


@pytest.mark.parametrize(("text", "want", "partners"), NATIONAL_CASES)
def test_national_sentences(text: str, want: list[str], partners: list[str] | None) -> None:
    got = _tag(text)
    assert list(got.addressees) == want
    if partners is not None:
        assert list(got.partners) == partners


@pytest.mark.parametrize(("text", "want", "kind"), FORCE_CASES)
def test_inspected_force(text: str, want: list[str], kind: str) -> None:
    assert list(_tag(text, FORCE_REPORT, kind).addressees) == want


def test_a_team_not_named_in_capitals_is_no_part_of_the_inspected_force() -> None:
    item = _tag("The health and social care team should share its records.", FORCE_REPORT)
    assert "force" not in item.addressees


def test_imperative_uses_lead_in_hint() -> None:
    got = _tag(
        "review the quality of care plans for children placed out of county",
        kind="area_for_improvement",
        lead_in="the local authority should take the following action",
    )
    assert got.addressees == ("local_authority",)


def test_responsible_hint_overrides_generic_subject() -> None:
    got = _tag(
        "Leaders need to improve the timeliness of assessments.", responsible="The Home Office"
    )
    assert got.addressees == ("home_office",)


def test_a_lead_post_with_its_remit_acts_for_the_body_the_item_names() -> None:
    got = _tag(
        "The service should make sure its risk plan uses current data.",
        responsible="Assistant Chief Fire Officer, Strategy and Planning",
    )
    assert "Strategy and Planning" not in got.addressees
    assert "Assistant Chief Fire Officer" not in got.addressees


def test_a_body_we_call_on_to_act_is_asked() -> None:
    assert _tag("We call on the Home Office to publish guidance.").addressees == ("home_office",)
    got = _tag("We call on the Home Office, working with the NPCC, to collect the data.")
    assert got.addressees == ("home_office",)
    assert _tag("We call on members to read the report.").addressees == ()


def test_to_the_home_office_header_hint() -> None:
    assert _tag("Publish the revised guidance.", responsible="To the Home Office").addressees == (
        "home_office",
    )


def test_pronoun_item_inherits_previous_actor() -> None:
    items = [
        _item("The College of Policing should revise its guidance."),
        _item("It should also publish it."),
    ]
    got = tag_addressees(items, NATIONAL_REPORT)
    assert got[1].addressees == ("college_of_policing",)


def test_cause_of_concern_is_for_whoever_its_recommendations_are_for() -> None:
    def item(text: str, kind: str, number: str | None, parent: str | None = None) -> Item:
        return Item(
            kind=kind,  # type: ignore[arg-type]
            number=number,
            parent=parent,
            page_start=1,
            page_end=1,
            text=text,
        )

    items = [
        item("Victims wait too long for officers to arrive.", "cause_of_concern", None),
        item("The Home Office should fund more call handlers.", "recommendation", "1"),
        item(
            "The College of Policing should revise its call grading guidance.",
            "recommendation",
            "2",
        ),
        item("Forces do not record why attendance was delayed.", "cause_of_concern", "2"),
        item("Chief constables should record every delay.", "recommendation", "2.1", parent="2"),
        item("The force should train its dispatchers.", "area_for_improvement", None),
    ]
    got = tag_addressees(items, NATIONAL_REPORT)
    assert got[0].addressees == ("home_office", "college_of_policing")  # the run that follows
    assert got[3].addressees == ("chief_constables",)  # its own, by number


def test_a_cause_naming_nobody_is_for_its_recommendations_unless_the_inspected_body_answers() -> (
    None
):
    def item(text: str, kind: str, number: str | None) -> Item:
        return Item(kind=kind, number=number, parent=None, page_start=1, page_end=1, text=text)  # type: ignore[arg-type]

    items = [
        item("Detainees waited many hours to see a solicitor.", "cause_of_concern", "1"),
        item("The Home Office should fund more duty solicitors.", "recommendation", None),
        item("Response times had lengthened across the county.", "cause_of_concern", "2"),
        item("The force and the PCC should fund more call handlers.", "recommendation", None),
    ]
    got = tag_addressees(items, FORCE_REPORT)
    assert got[0].addressees == ("home_office",)  # not the inspected force
    assert got[2].addressees == ("force",)  # the force answers it: the cause stays the force's


def test_for_forces() -> None:
    assert for_forces(["chief_constables"])
    assert for_forces(["force"])
    assert for_forces(["durham_constabulary"])
    assert for_forces(["Durham Constabulary"])  # a force written as the report prints it
    assert not for_forces(["home_office", "npcc"])
    assert not for_forces([])


def test_extra_alias_file(tmp_path: Path) -> None:
    extra = tmp_path / "bodies.json"
    extra.write_text('{"bodies": [{"id": "home_office", "aliases": ["the Interior Ministry"]}]}')
    item = _item("The Interior Ministry should act.")
    settings = ExtractorSettings(bodies_file=extra)
    [tagged] = tag_addressees([item], NATIONAL_REPORT, settings=settings)
    assert tagged.addressees == ("home_office",)
    [untagged] = tag_addressees([item], NATIONAL_REPORT)
    assert untagged.addressees != ("home_office",)


def test_tagging_1000_items_is_fast() -> None:
    texts = [c[0] for c in NATIONAL_CASES]
    items = [_item(texts[i % len(texts)]) for i in range(1000)]
    tag_addressees(items[:5], NATIONAL_REPORT)  # build the pipeline first
    start = time.process_time()  # CPU time: other jobs on a busy machine do not count
    tag_addressees(items, NATIONAL_REPORT)
    assert time.process_time() - start < 2.0


def _measure_module() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "scripts" / "measure_tagging.py"
    spec = importlib.util.spec_from_file_location("measure_tagging", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_tagging"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (SHARED / "gold").is_dir(), reason=f"gold labels not found at {SHARED / 'gold'}"
)
def test_gold_addressee_f1_floor() -> None:
    measure = _measure_module()
    plain = measure.measure(SHARED / "gold", hints=False)["OVERALL"][0]
    hinted = measure.measure(SHARED / "gold", hints=True)["OVERALL"][0]
    # Regression floors at what main measured on the 25 labelled PDFs with the grown registry
    # (hinted 0.931, plain 0.744; scripts/measure_tagging.py prints the table). Raise them as
    # tagging improves.
    assert hinted.f1 >= 0.93
    assert plain.f1 >= 0.74


def test_a_response_names_who_acts_on_an_item_that_names_nobody() -> None:
    passive = "That the definition of a high-rise building be reviewed within a year."
    tagged = _tag(passive, response="The government accepts this recommendation.")
    assert tagged.addressees == ("uk_government",)
    assert _tag(passive).addressees == ()
    named = _tag("That the fire service publish its plan.", response="The government agrees.")
    assert named.addressees == ("fire service",)  # the item's own actor wins
    assert _tag(passive, response="We accept this recommendation.").addressees == ()


def test_an_adverb_before_the_subject_is_not_part_of_its_name() -> None:
    tagged = _tag("If it has not done so already the Government should release the funds.")
    assert tagged.addressees == ("uk_government",)


def test_a_proper_name_with_an_agent_head_acts_in_a_bare_that_clause() -> None:
    assert _tag("That the Northmoor Fire Brigade keep a log of every call.").addressees == (
        "Northmoor Fire Brigade",
    )
    assert _tag("That the Standards Institution amend its code.").addressees == (
        "Standards Institution",
    )
    assert _tag("That the building code be amended.").addressees == ()


def test_those_a_recommendation_asks_to_be_trained_do_not_act() -> None:
    assert _tag("We recommend that firefighters be trained in water rescue.").addressees == ()
    assert _tag("We recommend that firefighters practise water rescue.").addressees == (
        "firefighters",
    )


def test_what_can_be_done_by_a_body_does_not_direct_it() -> None:
    text = "The Government should review the plans so that targets can be set by the Home Office."
    assert _tag(text).addressees == ("uk_government",)
    text = "The plans should be reviewed by the Home Office."
    assert _tag(text).addressees == ("home_office",)


def test_a_role_is_the_department_named_else_the_publisher_else_the_government() -> None:
    text = "The Department for Education should consult. The Department should then publish."
    assert _tag(text).addressees == ("dfe",)
    assert _tag("The Department should publish a plan.").addressees == ("Department",)
    by_dhsc = Metadata(title="A review", publisher="Department of Health and Social Care",
                       published=None)  # fmt: skip
    assert _tag("The Department should publish a plan.", by_dhsc).addressees == ("dhsc",)
    assert _tag("The Minister should report each year.").addressees == ("uk_government",)
    assert _tag("The Secretary of State should appoint an adviser.").addressees == (
        "uk_government",
    )


def test_a_body_whose_name_opens_with_his_or_her_is_still_named() -> None:
    text = "That His Majesty's Inspectorate of Constabulary and Fire and Rescue Services act."
    assert _tag(text).addressees == ("hmicfrs",)  # "and" where the registry prints "&"
    assert _tag("That its leaders inspect it.").addressees == ()


def test_a_short_name_the_report_defines_names_that_body_in_later_items() -> None:
    first = _item(
        "That HM Inspectorate of Constabulary and Fire & Rescue Services (“the Inspectorate”) "
        "inspect the brigade."
    )
    later = _item("That the Inspectorate revisit the brigade within a year.")
    tagged = tag_addressees([first, later], NATIONAL_REPORT)
    assert [t.addressees for t in tagged] == [("hmicfrs",), ("hmicfrs",)]
    assert _tag("That the Inspectorate revisit the brigade.").addressees == ("Inspectorate",)
    printed = _item("Integrated care systems (ICSs) should publish a plan.")
    tagged = tag_addressees([printed, _item("ICSs should report on it.")], NATIONAL_REPORT)
    assert [t.addressees for t in tagged] == [("ICSs",), ("ICSs",)]  # shortest printed form


def test_an_adverbial_before_the_subject_of_a_bare_that_clause_is_skipped() -> None:
    text = "That as soon as reasonably possible the Northmoor Fire Brigade review its plans."
    assert _tag(text).addressees == ("Northmoor Fire Brigade",)
    assert _tag("That as a rule plans be reviewed.").addressees == ()


def test_a_body_that_should_receive_something_is_not_asked_to_act() -> None:
    text = "The Northmoor Victims Forum should receive funding for three years."
    assert _tag(text).addressees == ()
    assert _tag(text, responsible="Home Office").addressees == ("home_office",)


def test_the_body_an_item_names_outranks_its_owner_column_and_a_role_does_not() -> None:
    named = "The Justice Committee should review progress each year."
    assert _tag(named, responsible="UK Government").addressees == ("Justice Committee",)
    registry = "The College of Policing should update its guidance."
    assert _tag(registry, responsible="Home Office").addressees == ("college_of_policing",)
    role = "Supervisors should review a sample of searches."
    assert _tag(role, responsible="Home Office").addressees == ("home_office",)
    # an order to no one in a report on no one body is for the post its owner column names
    order = "Introduce a single electronic log of vehicle defects."
    assert _tag(order, responsible="Fleet Manager").addressees == ("Fleet Manager",)
    for order in (
        "Test the log in two stations.",
        "Reconcile the log with the fleet list.",
        "Refresh the defect policy.",
        "Run a campaign on defect reporting.",
    ):
        assert _tag(order, responsible="Fleet Manager").addressees == ("Fleet Manager",)
    passive = "Defects should be logged electronically."
    assert _tag(passive, responsible="Fleet Manager").addressees == ()
    # a registry body written as printed is a body the item names, as its id is
    printed = "HMPPS and chief constables should agree a protocol."
    got = _tag(printed, responsible="HMPPS and chief constables").addressees
    assert got == ("HMPPS", "chief_constables")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We recommend that chief constables review stop and search.", ["chief_constables"]),
        ("We recommend that, by 31 May 2031, chief constables train staff.", ["chief_constables"]),
        ("We recommend that by 31 May 2031 chief constables train staff.", ["chief_constables"]),
        ("We recommend that within six months the Home Office funds it.", ["home_office"]),
        ("We recommend that police and crime commissioners publish their plans.", ["pccs"]),
        ("We recommend that the custody records be reviewed each month.", []),
        ("We recommend that forces are given more money.", []),
        ("The panel recommends that the Home Office amends the rules.", ["home_office"]),
        ("The panel recommends a review of the rules.", []),
    ],
)  # fmt: skip
def test_a_registry_body_after_recommend_that_is_the_actor(text: str, expected: list[str]) -> None:
    """A body the registry knows is an agent however it is cased ("chief constables")."""
    assert list(_tag(text).addressees) == expected


def test_the_department_is_not_a_department_named_beside_it() -> None:
    by_dhsc = Metadata(
        title="A review", publisher="Department of Health and Social Care", published=None
    )
    text = "HM Treasury and the Department should agree how the costs will be met."
    assert _tag(text, by_dhsc).addressees == ("HM Treasury", "dhsc")


def test_both_forces_are_the_forces_the_owner_column_names() -> None:
    column = "Westdale Police and Eastdale Constabulary"
    got = _tag("Both forces should agree a protocol.", responsible=column)
    assert got.addressees == ("Westdale Police", "Eastdale Constabulary")
    assert _tag("Both forces should agree a protocol.").addressees == ("chief_constables",)


def test_a_proper_name_before_the_bare_verb_of_we_recommend_that_is_asked() -> None:
    text = "We recommend that the Garda Síochána review its practice on searches."
    assert _tag(text).addressees == ("Garda Síochána",)
    text = "It is recommended that the City of Port Albion establish a crisis line."
    assert _tag(text).addressees == ("City of Port Albion",)
    assert _tag("We recommend that the Annual Report be published.").addressees == ()


def test_a_group_heading_that_is_its_lead_ins_subject_names_the_post() -> None:
    got = _tag("improve the quality of risk plans.", responsible="The Head of Service should:")
    assert got.addressees == ("Head of Service",)


def test_an_owner_cell_listing_bodies_between_semicolons_names_each() -> None:
    column = "Westdale Police; HMPPS"
    got = _tag("The licence team was not told of two call-outs.", responsible=column)
    assert got.addressees == ("Westdale Police", "HMPPS")


def test_the_department_is_the_one_the_title_names_when_no_department_published() -> None:
    by_committee = Metadata(
        title="Department for Education: the condition of the further education estate",
        publisher="House of Commons Committee of Public Accounts",
        published=None,
    )
    text = "The Department should, working with HM Treasury, assess the funding gap."
    got = _tag(text, by_committee)
    assert got.addressees == ("dfe",)
    assert got.partners == ("HM Treasury",)


def test_the_department_is_the_one_the_cover_names_when_neither_publisher_nor_title_does() -> None:
    audit = Metadata(
        title="Keeping rural schools open",
        publisher="National Audit Office",
        published=None,
        cover="Report by the Comptroller and Auditor General Department for Education Keeping",
    )
    text = "The Department should publish how it ranks schools for repair."
    assert _tag(text, audit).addressees == ("dfe",)
    no_cover = Metadata(title=audit.title, publisher=audit.publisher, published=None)
    assert _tag(text, no_cover).addressees != ("dfe",)


def test_an_owner_column_naming_a_post_leaves_the_body_the_item_names() -> None:
    trust = Metadata(title="Maternity services: improvement plan", publisher=None, published=None)
    text = "The trust must make sure that every ward has a trained triage midwife."
    for post in ("Director of Midwifery", "Chief Nurse", "Associate Director of Quality"):
        assert _tag(text, trust, responsible=post).addressees == ("provider",)


def test_a_police_rank_in_the_owner_column_is_a_post_of_the_force() -> None:
    text = "The force should supervise every investigation."
    for owner in ("Ch Supt, Contact Management", "Det Supt", "DCC", "T/Insp, Custody"):
        assert _tag(text, FORCE_REPORT, responsible=owner).addressees == ("force",)


def test_a_bare_imperative_or_a_post_in_the_owner_column_is_for_the_inspected_body() -> None:
    audit = Metadata(
        title="Internal audit of overtime at Northmoor Constabulary",
        publisher=None,
        published=None,
        subject="Northmoor Constabulary",
    )
    assert _tag("Remind supervisors to record rest day working.", audit).addressees == ("force",)
    got = _tag("Reconcile overtime each month.", audit, responsible="ICT Service Desk Manager")
    assert got.addressees == ("force",)
    national = Metadata(title="Overtime in police forces", publisher=None, published=None)
    assert _tag("Remind supervisors to record rest day working.", national).addressees == ()


def test_a_team_or_posts_of_the_inspected_body_act_for_that_body() -> None:
    audit = Metadata(
        title="Internal audit of purchasing cards",
        publisher="Westbridge District Council",
        published=None,
        subject="Westbridge District Council",
    )
    text = "The Finance Team will review the VAT coding of card transactions."
    assert _tag(text, audit, responsible="Chief Accountant").addressees == ("local_authority",)
    posts = "HR Business Partner / Finance Systems Lead"
    got = _tag("Cards will be cancelled on the day notice is received.", audit, responsible=posts)
    assert got.addressees == ("local_authority",)
    # with no inspected body, the team the item names is who acts
    national = Metadata(title="Purchasing cards in councils", publisher=None, published=None)
    assert _tag(text, national, responsible="Chief Accountant").addressees == ("Finance Team",)


COUNCIL_REPORT = Metadata(
    title="Inquiry into the flood response of Harlowmere Borough Council",
    publisher=None,
    published=None,
    subject="Harlowmere Borough Council",
)


def test_a_councils_own_paper_is_about_that_council() -> None:
    paper = Metadata(
        title="Internal Audit Report: fuel cards", publisher="Eastford District Council",
        published=None,
    )  # fmt: skip
    text = "Cards will be cancelled on the day notice of leaving is received."
    assert _tag(text, paper, responsible="Finance Lead").addressees == ("local_authority",)
    other = Metadata(title=paper.title, publisher="Eastford Audit Partnership", published=None)
    assert _tag(text, other, responsible="Finance Lead").addressees == ()


def test_the_department_is_not_taken_for_the_subject_its_title_names() -> None:
    audit = Metadata(
        title="Department for Education: improving the condition of school buildings",
        publisher="Public Value Audit Office",
        published=None,
    )
    got = _tag("The Department should set out how it will fund the repairs.", audit)
    assert got.addressees == ("dfe",)


def test_two_posts_or_two_long_names_joined_by_and_are_two_actors() -> None:
    text = "The Governor and the Head of Healthcare should review the policy."
    assert _tag(text).addressees == ("Governor", "Head of Healthcare")
    cell = "Eastford Borough Council Adult Social Care and Wyndle Hospitals NHS Foundation Trust"
    got = _tag("Agree a joint discharge protocol.", responsible=cell)
    assert got.addressees == (
        "Eastford Borough Council Adult Social Care",
        "Wyndle Hospitals NHS Foundation Trust",
    )
    # one body's name with "and" inside it stays whole
    one = "The Northern Ireland Medical and Dental Training Agency should update its curriculum."
    assert _tag(one).addressees == ("Northern Ireland Medical and Dental Training Agency",)


def test_a_post_named_as_subject_or_a_bodys_name_in_a_cell_acts() -> None:
    assert _tag("The Head of Healthcare should review the triage policy.").addressees == (
        "Head of Healthcare",
    )
    cell = "Eastford Borough Council Adult Social Care"
    got = _tag("Offer a carer's assessment to every carer.", responsible=cell)
    assert got.addressees == (cell,)


def test_those_a_recommended_actor_asks_in_turn_are_not_addressees() -> None:
    text = "That the Cabinet Member for Housing asks officers to publish the damp register."
    assert _tag(text, COUNCIL_REPORT).addressees == ("Cabinet Member for Housing",)
    assert _tag("The Committee asks the Government to publish the register.").addressees == (
        "uk_government",
    )


def test_the_inspected_bodys_own_people_act_for_it() -> None:
    text = "The force should offer detainees a safe way home. Officers should record it."
    assert _tag(text, FORCE_REPORT).addressees == ("force",)
    assert _tag("Staff should record every referral.", FORCE_REPORT).addressees == ("force",)
    assert _tag("Staff should record every referral.").addressees == ()


def test_a_new_subject_after_and_is_a_second_actor() -> None:
    text = (
        "The Environment Agency should offer warnings by landline, and the council should "
        "agree a volunteer arrangement for door-to-door warnings."
    )
    assert _tag(text, COUNCIL_REPORT).addressees == ("Environment Agency", "local_authority")
    # "and should" continues the same subject
    again = "The Environment Agency should offer warnings, and should publish them."
    assert _tag(again, COUNCIL_REPORT).addressees == ("Environment Agency",)


def test_a_second_that_clause_after_we_recommend_names_its_own_subject() -> None:
    text = (
        "We recommend that schools record every part-time timetable, and that governing "
        "bodies check these arrangements at least once a term."
    )
    assert _tag(text).addressees == ("schools", "governing bodies")
    staff = (
        "The IOPC recommends that Westdale Police reviews its guidance, and that custody "
        "sergeants audit a sample of records."
    )
    assert _tag(staff).addressees == ("Westdale Police",)
    passive = "We recommend that the force reviews its policy, and that all staff are trained."
    assert _tag(passive, FORCE_REPORT).addressees == ("force",)


def test_a_role_between_commas_does_not_end_a_list_of_subjects() -> None:
    text = (
        "Westmarch County Council, as lead local flood authority, and the Environment Agency "
        "should publish a joint plan."
    )
    assert _tag(text).addressees == ("Westmarch County Council", "Environment Agency")


def test_a_proper_name_opening_its_sentence_as_subject_is_a_body() -> None:
    assert _tag("Aldbrook Water should complete its sewer model.").addressees == ("Aldbrook Water",)
    assert _tag("Operation Kestrel should continue next year.").addressees == ()
    assert _tag("Lower Marsh should be protected from flooding.").addressees == ()


PRISON_REPORT = Metadata(
    title="Report on an unannounced inspection of HMP Eastbury",
    publisher="HM Inspectorate of Prisons",
    published=None,
    subject="HMP Eastbury",
)


def test_leaders_of_an_inspected_prison_are_that_prison_and_its_governor_a_post() -> None:
    assert _tag("Leaders should increase time out of cell.", PRISON_REPORT).addressees == (
        "HMP Eastbury",
    )
    # the governor is one named post, as printed (GOLD.md: the body's name as printed)
    assert _tag("The governor should act.", PRISON_REPORT).addressees == ("governor",)
    # in a national report there is no one prison to stand for
    assert _tag("Leaders should increase time out of cell.").addressees == ("Leaders",)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The prison should restore a predictable regime.", ["HMP Eastbury"]),
        ("The establishment should analyse the rise in assaults.", ["HMP Eastbury"]),
        # a name without an agent word, then "and the prison": two bodies
        (
            "Redfern Custodial Health and the prison should cut waiting times.",
            ["Redfern Custodial Health", "HMP Eastbury"],
        ),
        ("HMPPS should fund more places.", ["HMPPS"]),
    ],
)
def test_the_prison_is_the_inspected_prison(text: str, want: list[str]) -> None:
    assert list(_tag(text, PRISON_REPORT).addressees) == want


def test_the_prison_in_a_report_on_no_prison_is_not_one() -> None:
    assert list(_tag("The prison should restore a predictable regime.").addressees) == ["prison"]


def test_the_head_of_the_publishers_name_stands_for_the_publisher() -> None:
    board = Metadata(
        title="Waiting for justice", publisher="Thornshire Criminal Justice Board", published=None
    )
    got = _tag("The Board should commission an independent survey of victims.", board)
    assert got.addressees == ("Thornshire Criminal Justice Board",)
    # in another publisher's report a board is just a board
    assert _tag("The Board should commission a survey.").addressees == ("Board",)


def test_a_commissioners_report_is_about_the_force_of_its_place() -> None:
    review = Metadata(
        title="Found, not forgotten: children missing from care",
        publisher="Office of the Police and Crime Commissioner for Westmarch",
        published=None,
    )
    text = "Westmarch Police and Westmarch County Council should agree a joint protocol."
    assert _tag(text, review).addressees == ("force", "Westmarch County Council")
    # another place's force, or the same force in a report by someone else, stays as printed
    assert _tag("Eastmarch Police should share its data.", review).addressees == (
        "Eastmarch Police",
    )
    assert _tag(text).addressees == ("Westmarch Police", "Westmarch County Council")


def test_an_item_that_says_whom_its_actions_are_for_names_that_body_not_its_partners() -> None:
    text = "Training The following actions are for the College of Policing, working with HMPPS."
    assert _tag(text).addressees == ("college_of_policing",)
    # a passive sub-item takes the body its parent's text leads in
    lead = "Unless another body is named, each of the following actions is for the Home Office."
    got = _tag("A clinical lead should be named for each contract.", lead_in=lead)
    assert got.addressees == ("home_office",)


def test_a_youth_justice_service_is_its_councils_service() -> None:
    yjs = Metadata(
        title="Inspection of Kelderby youth justice service", publisher="Ofsted", published=None
    )
    text = "The quality of assessments for children starting an order."
    got = _tag(text, yjs, kind="area_for_improvement")
    assert got.addressees == ("local_authority",)


def test_a_lead_in_naming_the_inspected_force_by_name_gives_its_items_to_the_force() -> None:
    lead_in = "We recommend that Durham Constabulary:"
    got = _tag("Makes sure that calls are graded.", FORCE_REPORT, lead_in=lead_in)
    assert got.addressees == ("force",)


@pytest.mark.parametrize(
    "lead_in",
    ["In the meantime, I am asking the Home Office to:", "We are urging the Home Office to:"],
)
def test_a_letter_asking_a_body_to_act_gives_it_the_asks_it_lists(lead_in: str) -> None:
    got = _tag("pause the roll-out of the orders beyond the pilot areas.", lead_in=lead_in)
    assert got.addressees == ("home_office",)


@pytest.mark.parametrize(
    "head",
    ["The Chief Officer", "The Chief Police Officer", "The Chief Officer of Durham Constabulary"],
)
def test_the_head_of_an_inspected_force_without_a_chief_constable_is_the_force(head: str) -> None:
    got = _tag(f"{head} should review the custody cells.", FORCE_REPORT)
    assert got.addressees == ("force",)
    # a council's chief officer heads no force
    assert _tag(f"{head} should review the plan.", COUNCIL_REPORT).addressees != ("force",)


def test_a_post_the_item_names_in_full_outranks_its_groups_heading() -> None:
    got = _tag(
        "Regional probation directors should audit every licence.",
        responsible="For HM Prison and Probation Service",
    )
    assert got.addressees == ("Regional probation directors",)
    # the inspected body's own people, however qualified, give way to the heading
    assert _tag("Health leaders should act.", responsible="The Home Office").addressees == (
        "home_office",
    )


def test_a_region_is_a_body_that_can_act() -> None:
    got = _tag("The Eastmere probation region should recruit more officers.")
    assert got.addressees == ("Eastmere probation region",)


def test_an_inspected_welsh_school_is_the_provider_its_orders_are_for() -> None:
    school = Metadata(title="Ysgol Gynradd Cwm Teg", publisher=None, published=None)
    assert _tag("Improve attendance in Years 5 and 6.", school).addressees == ("provider",)


def test_a_short_name_stands_for_the_one_full_name_the_items_gave_before() -> None:
    items = [
        _item("The Northern Ireland Prison Service should publish a resettlement plan."),
        _item("The Prison Service should report on the plan every year."),
        _item("The Eastern Health Board should fund a nurse in every prison."),
        _item("The Western Health Board should do the same."),
        _item("The Health Board should report to the Department."),
    ]
    got = tag_addressees(items, NATIONAL_REPORT)
    assert got[1].addressees == ("Northern Ireland Prison Service",)
    short = [
        _item("NHS Fenland Integrated Care Board should fund a second outreach team."),
        _item("The ICB should publish the outreach team's waiting times."),
    ]
    assert tag_addressees(short, NATIONAL_REPORT)[1].addressees == (
        "NHS Fenland Integrated Care Board",
    )
    # a name ending two of the names seen so far stands for neither
    assert got[4].addressees not in {("Eastern Health Board",), ("Western Health Board",)}


def test_a_councils_own_review_means_the_councils_cabinet_whatever_its_topic() -> None:
    review = Metadata(
        title="Scrutiny review: home to school transport",
        publisher="Eastvale Borough Council Scrutiny Committee",
        published=None,
    )
    rows = [
        ("That the Cabinet approves one eligibility policy.", "Cabinet Member for Schools"),
        (
            "That the Cabinet and NHS Fenland Integrated Care Board agree a medication protocol.",
            "Director of Education / ICB Head of Commissioning",
        ),
    ]
    items = [
        Item("recommendation", f"R{k}", None, 1, 1, text, responsible=owner)
        for k, (text, owner) in enumerate(rows, start=1)
    ]
    got = tag_addressees(items, review)
    assert [set(i.addressees) for i in got] == [
        {"local_authority"},
        {"local_authority", "NHS Fenland Integrated Care Board"},
    ]


def test_you_and_your_board_in_a_letter_are_the_body_it_is_about() -> None:
    letter = Metadata(
        title="Regulatory requirements following our inspection of Fernlea Homes Limited",
        publisher="Housing Regulator",
        published=None,
        subject="Fernlea Homes Limited",
    )
    items = [
        Item("action", "1", None, 1, 1, "You must survey every home by 31 March 2027."),
        Item(
            "action", "2", None, 1, 1, "Your board must confirm that it accepts these requirements."
        ),
    ]
    assert [i.addressees for i in tag_addressees(items, letter)] == [("provider",), ("provider",)]


def test_an_area_inspection_inspects_the_areas_council_and_its_police_force() -> None:
    jtai = Metadata(
        title="Joint targeted area inspection of the response to children at risk in Halverton",
        publisher="Ofsted",
        published=None,
    )
    item = Item(
        "area_for_improvement",
        None,
        None,
        1,
        1,
        "Halverton Borough Council and Greyholm Police should share information about missing"
        " children within a day.",
    )
    [tagged] = tag_addressees([item], jtai)
    assert set(tagged.addressees) == {"local_authority", "force"}


def test_a_police_inspection_in_a_nation_of_one_force_inspects_that_force() -> None:
    bail = Metadata(
        title="Bail supervision: an inspection of police bail in Northern Ireland",
        publisher="Northern Ireland Justice Inspectorate",
        published=None,
    )
    assert _tag("The PSNI should audit every bail decision.", bail).addressees == ("force",)
    missing = Metadata(
        title="Thematic inspection of the police response to missing people",
        publisher="Scottish Policing Inspectorate",
        published=None,
    )
    item = _tag("Police Scotland and the Scottish Police Authority should report yearly.", missing)
    assert item.addressees == ("force", "Scottish Police Authority")
    # a report on courts there inspects no force: the force is named as printed
    courts = Metadata(title="Court delays in Northern Ireland", publisher=None, published=None)
    assert _tag("The PSNI should audit every bail decision.", courts).addressees == ("PSNI",)


def test_an_and_inside_a_name_the_registry_knows_the_like_of_joins_no_two_bodies() -> None:
    item = _tag("The Northern Ireland Courts and Tribunals Service should list cases sooner.")
    assert item.addressees == ("Northern Ireland Courts and Tribunals Service",)
    # but a force's name ends at "Police": what follows "and" is another body
    both = _tag("Dyffryn Police and Natural Resources Wales should agree a protocol.")
    assert both.addressees == ("Dyffryn Police", "Natural Resources Wales")
    panel = _tag("Westmere Police and Crime Panel should review the precept.")
    assert panel.addressees == ("Westmere Police and Crime Panel",)


def test_a_lead_in_that_only_announces_its_list_names_nobody_who_acts() -> None:
    from models.records import Recipient

    sent = Metadata(
        title="Report to prevent future deaths",
        publisher=None,
        published=None,
        recipients=(Recipient("Fenmoor Hospitals NHS Foundation Trust"),),
    )
    concern = _tag(
        "Handover between the wards is verbal only.",
        sent,
        kind="cause_of_concern",
        lead_in="The MATTERS OF CONCERN are as follows:",
    )
    assert concern.addressees == ("Fenmoor Hospitals NHS Foundation Trust",)
    # one that names its body still gives it
    named = _tag(
        "Joint training on restraint.",
        sent,
        lead_in="The following actions are for the College of Policing.",
    )
    assert named.addressees == ("college_of_policing",)


def test_a_name_opened_by_the_after_and_is_a_body_of_its_own() -> None:
    item = _tag(
        "The National Police Chiefs' Council lead for rural crime and the Eastford Rural"
        " Crime Service should agree a protocol."
    )
    assert item.addressees == ("npcc", "Eastford Rural Crime Service")


def test_an_inspected_agency_is_named_and_its_head_word_stands_for_it() -> None:
    from extractors.metadata import _subject

    assert _subject("An inspection of the Eastford Rural Crime Service") == (
        "Eastford Rural Crime Service"
    )
    agency = Metadata(
        title="An inspection of the Eastford Rural Crime Service",
        publisher="HMICFRS",
        published=None,
        subject="Eastford Rural Crime Service",
    )
    item = _tag("The service should evaluate its work.", agency, kind="area_for_improvement")
    assert item.addressees == ("Eastford Rural Crime Service",)


def test_an_entry_finishing_its_lead_ins_sentence_is_for_the_lead_ins_subject() -> None:
    lead = "The Scottish Government should:"
    text = "publish each year the funding that councils will need to maintain their homes."
    assert _tag(text, lead_in=lead).addressees == ("Scottish Government",)
    # an entry with a subject of its own keeps it
    own = "Councils should publish each year what they need."
    assert _tag(own, lead_in=lead).addressees == ("Councils",)


def test_the_commissioner_in_a_report_on_policing_is_the_police_and_crime_commissioner() -> None:
    panel = Metadata(
        title="Annual report of the Brackendale Police and Crime Panel",
        publisher="Brackendale Police and Crime Panel",
        published=None,
    )
    text = "The Panel recommends that the Commissioner publishes the precept plan by May."
    assert _tag(text, panel).addressees == ("pccs",)
    office = "We recommend that the Commissioner's office recruits six new visitors by March."
    assert _tag(office, panel).addressees == ("pccs",)
    # a report that also names another commissioner leaves "the Commissioner" as printed
    victims = replace(panel, cover="Report of the Victims' Commissioner for Brackendale")
    assert _tag(text, victims).addressees == ("Commissioner",)
    # and one that names no police and crime commissioner at all
    other = Metadata(title="Review of data sharing", publisher="A review body", published=None)
    assert _tag(text, other).addressees == ("Commissioner",)


def test_the_force_an_inspections_cover_names_is_the_inspected_force() -> None:
    report = Metadata(
        title="Responding to domestic abuse",
        publisher=None,
        published=None,
        cover="Inspection report Responding to domestic abuse An inspection of the Police "
        "Service of Northern Ireland's response in two districts",
    )
    text = "The PSNI should publish a domestic abuse strategy for both districts."
    assert _tag(text, report).addressees == ("force",)
    # a cover that names the force but inspects nothing of it leaves its name as printed
    named = replace(report, cover="Responding to domestic abuse, with thanks to the Police "
                    "Service of Northern Ireland")  # fmt: skip
    assert _tag(text, named).addressees != ("force",)
    # a force the registry does not list, named where the notice says whom it is issued to
    notice = Metadata(
        title="COMPLIANCE NOTICE",
        publisher=None,
        published=None,
        cover="Compliance notice Issued to The Chief Constable, Calderbrook Police Activity: "
        "extraction of data from mobile devices",
    )
    own = "Calderbrook Police must suspend the reporting of results."
    assert _tag(own, notice).addressees == ("force",)
    assert _tag(own, replace(notice, cover="Compliance notice")).addressees != ("force",)


def test_an_order_to_no_one_in_a_letter_to_one_body_is_for_that_body() -> None:
    letter = Metadata(
        title="Peer challenge of community safety in Brackendale",
        publisher="Local Government Association",
        published=None,
        subject="Brackendale District Council",
        addressed_to=("Brackendale Community Safety Partnership",),
    )
    order = "Agree a shared statement of purpose for the Partnership by spring."
    assert _tag(order, letter).addressees == ("Brackendale Community Safety Partnership",)
    # an item that names who acts keeps its own subject
    named = "Brackendale District Council should fund the analyst post."
    assert _tag(named, letter).addressees == ("local_authority",)
    # a letter to two bodies says nothing of which one an order is for
    two = replace(letter, addressed_to=(*letter.addressed_to, "Brackendale Police"))
    assert _tag(order, two).addressees == ("local_authority",)
    # a post the registry knows is its body's id: "Dear Home Secretary," is the Home Office
    minister = replace(letter, subject=None, addressed_to=("Home Secretary",))
    assert _tag(order, minister).addressees == ("home_office",)


def test_leaders_in_named_bodies_and_all_the_bodies_a_letter_counts_are_those_bodies() -> None:
    letter = Metadata(
        title="Joint targeted area inspection of the response to youth violence in Eastvale",
        publisher="Ofsted",
        published=None,
        addressed_to=("Eastvale Council", "Severnmouth Police", "Eastvale Health Board"),
    )
    text = "Leaders in the council, the police and the health board should agree one list."
    want = ("local_authority", "force", "Eastvale Health Board")
    assert _tag(text, letter, kind="area_for_improvement").addressees == want
    counted = "Leaders in all three agencies should improve supervision."
    assert _tag(counted, letter, kind="area_for_improvement").addressees == want
    # a letter to two bodies counts no three; people in a place are no body
    two = Metadata(title=letter.title, publisher=None, published=None, addressed_to=want[:2])
    assert _tag(counted, two).addressees != want
    assert _tag("Staff in the control room should be trained.", letter).addressees == ()


def test_a_panel_recommending_in_a_that_clause_is_not_asked_to_act() -> None:
    tagged = _tag("That the Panel recommends that the Home Office publishes a strategy.")
    assert tagged.addressees == ("home_office",)


def test_a_partnership_the_title_names_is_not_the_council_that_scrutinised_it() -> None:
    meta = Metadata(
        title="Scrutiny of the Safer Eastford Partnership",
        publisher="Eastford Council",
        published=None,
    )
    tagged = _tag("The Safer Eastford Partnership should publish its strategy.", meta)
    assert tagged.addressees == ("Safer Eastford Partnership",)


def test_an_entry_finishing_a_recommended_that_lead_in_is_for_its_subject() -> None:
    item = replace(
        _item("adopts serious violence as a priority for the next two years;"),
        lead_in="It is recommended that the College of Policing:",
        responsible="ACC Crime",
    )
    [tagged] = tag_addressees([item], FORCE_REPORT)
    assert tagged.addressees == ("college_of_policing",)


def test_another_states_government_is_named_not_the_uk_government() -> None:
    assert _tag("The Government of Istravia should adopt a policing strategy.").addressees == (
        "Government of Istravia",
    )
    assert _tag("The Government of the United Kingdom should fund the plan.").addressees == (
        "uk_government",
    )
