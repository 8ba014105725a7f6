"""The bodies registry: built-in coverage and user extension without code."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ExtractionError
from extractors.registry import BODY_KINDS, REGISTRY_VERSION, extra_bodies, load_registry

GOLD_IDS = {
    "chief_constables", "force", "home_office", "npcc", "college_of_policing", "cps", "nca",
    "pccs", "hmicfrs", "moj", "dfe", "dhsc", "iopc", "nfcc", "chief_fire_officers",
    "uk_government", "devolved_administrations", "local_authority", "provider",
}  # fmt: skip
NATIONAL_FORCES = {
    "british_transport_police", "civil_nuclear_constabulary", "ministry_of_defence_police",
    "police_scotland", "psni",
}  # fmt: skip


def test_covers_gold_ids_and_all_43_forces() -> None:
    bodies = load_registry()
    assert {b.id for b in bodies} >= GOLD_IDS
    not_territorial = {"force", "chief_constables", *NATIONAL_FORCES}
    named_forces = [b for b in bodies if b.kind == "police_force" and b.id not in not_territorial]
    assert len(named_forces) == 43
    assert {b.id for b in bodies} >= NATIONAL_FORCES
    assert all(b.kind in BODY_KINDS for b in bodies)
    assert REGISTRY_VERSION


def test_ids_are_unique_and_aliases_nonempty() -> None:
    bodies = load_registry()
    assert len({b.id for b in bodies}) == len(bodies)
    assert all(b.aliases for b in bodies)


def test_extra_file_adds_aliases_and_bodies(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(
        '[{"id": "npcc", "aliases": ["the chiefs council"]},'
        ' {"id": "pds", "name": "Police Digital Service", "kind": "national_body",'
        ' "aliases": ["PDS"]}]'
    )
    bodies = {b.id: b for b in load_registry(extra)}
    assert "the chiefs council" in bodies["npcc"].aliases
    assert bodies["pds"].kind == "national_body"


def test_the_extra_file_in_scope_is_read_without_an_argument(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(
        '{"bodies": [{"id": "x_body", "name": "X", "kind": "other", "aliases": ["X"]}]}'
    )
    with extra_bodies(extra):
        assert "x_body" in {b.id for b in load_registry()}
        with extra_bodies(None):
            assert "x_body" not in {b.id for b in load_registry()}
    assert "x_body" not in {b.id for b in load_registry()}


def test_the_environment_variable_no_longer_reaches_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text('{"bodies": [{"id": "x_body", "name": "X", "kind": "other"}]}')
    monkeypatch.setenv("RECWATCH_BODIES", str(extra))
    assert "x_body" not in {b.id for b in load_registry()}  # the CLI's settings carry it


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "is not valid JSON"),
        ('{"bodies": [{"name": "no id"}]}', "has no string 'id'"),
        ('[{"id": "a", "kind": "planet"}]', "unknown kind 'planet'"),
        ('"a string"', "is not a bodies file"),
        ('[{"id": "a", "nation": "Scotland"}]', "has a bad nation"),
    ],
)
def test_bad_extra_file_names_the_problem(tmp_path: Path, content: str, problem: str) -> None:
    extra = tmp_path / "bad.json"
    extra.write_text(content)
    with pytest.raises(ExtractionError, match=problem):
        load_registry(extra)


def test_missing_extra_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="not found"):
        load_registry(tmp_path / "nope.json")


def test_an_ampersand_in_a_name_reads_as_and() -> None:
    from extractors.registry import resolve_body

    assert resolve_body("Department of Health & Social Care") == "dhsc"
    assert resolve_body("Avon and Somerset Police") == resolve_body("Avon & Somerset Police")
