"""Registry coverage: forces, their local policing bodies, departments and classes of body."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources

import pytest

from extractors.addressees import tag_addressees
from extractors.nlp import normalise
from extractors.registry import BODY_KINDS, load_registry
from models.records import Item, Metadata

KENT_PEEL = Metadata(
    title="PEEL 2023-25: An inspection of Kent Police",
    publisher="HMICFRS",
    published=None,
    subject="Kent Police",
)
THEMATIC = Metadata(
    title="An inspection of how well the police tackle serious youth violence",
    publisher="HMICFRS",
    published=None,
)


def _addressees(text: str, meta: Metadata) -> list[str]:
    item = Item(kind="recommendation", number="1", parent=None, page_start=1, page_end=1, text=text)
    return list(tag_addressees([item], meta)[0].addressees)


def test_no_alias_names_two_bodies() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for body in load_registry():
        for alias in (body.name, *body.aliases):
            owners[normalise(alias).lower()].add(body.id)
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_shipped_body_states_a_known_kind() -> None:
    text = resources.files("extractors").joinpath("data/bodies.json").read_text(encoding="utf-8")
    entries = json.loads(text)["bodies"]
    assert all(entry.get("kind") in BODY_KINDS for entry in entries)
    assert len({entry["id"] for entry in entries}) == len(entries)


def test_the_department_and_the_minister_are_not_aliases() -> None:
    aliases = {a.lower() for b in load_registry() for a in b.aliases}
    assert not aliases & {"the department", "department", "the minister", "the secretary of state"}


def test_every_territorial_force_has_a_local_policing_body() -> None:
    bodies = load_registry()
    territorial = {
        b.id
        for b in bodies
        if b.kind == "police_force"
        and b.id not in {"force", "chief_constables", "british_transport_police"}
        and b.id not in {"civil_nuclear_constabulary", "ministry_of_defence_police"}
        and b.id not in {"police_scotland", "psni"}
    }
    policed = {b.force for b in bodies if b.force is not None}
    assert territorial == policed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kent Police should improve how it records crime.", ["force"]),
        ("The Kent Police and Crime Commissioner should review the plan.", ["pccs"]),
        ("Essex Police should share its approach with the force.", ["Essex Police"]),
    ],
)
def test_the_inspected_force_is_force_in_its_own_report(text: str, want: list[str]) -> None:
    assert _addressees(text, KENT_PEEL) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kent Police should improve how it records crime.", ["Kent Police"]),
        ("The Met should publish its plan by March 2026.", ["Met"]),
        ("GMP and West Midlands Police should share their approach.",
         ["GMP", "West Midlands Police"]),
        ("The Kent Police and Crime Commissioner should review the plan.", ["kent_pcc"]),
        ("MOPAC should review the plan.", ["MOPAC"]),
        ("BTP should review its custody policy.", ["BTP"]),
        ("Fire and rescue authorities should review their plans.", ["Fire and rescue authorities"]),
        ("All local authorities should review their plans.", ["local authorities"]),
        ("Councils should review their plans.", ["Councils"]),
        ("Ofsted and the CQC should publish joint guidance.", ["Ofsted", "CQC"]),
        ("Integrated care boards should commission the service.", ["Integrated care boards"]),
    ],
)  # fmt: skip
def test_named_bodies_in_a_national_report(text: str, want: list[str]) -> None:
    assert _addressees(text, THEMATIC) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The DfT should prioritise funding for cycling.", ["DfT"]),
        ("The Department for Transport should prioritise funding.", ["Department for Transport"]),
        ("DLUHC should publish guidance.", ["DLUHC"]),
    ],
)
def test_printed_departments_keep_the_form_the_report_prints(text: str, want: list[str]) -> None:
    assert _addressees(text, THEMATIC) == want


def test_unknown_bodies_are_kept_verbatim() -> None:
    got = _addressees("The Kent Fire Safety Partnership should review its plan.", THEMATIC)
    assert got == ["Kent Fire Safety Partnership"]
