"""One resolver for bodies: every command takes a body's id, name or alias in any case, the store
holds registry ids, and a body the registry does not know is refused with the nearest ones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import load_result, make_item, make_result

from extractors.registry import nearest_bodies, registry_ids, resolve_body
from pipeline.cli.main import cli

# Addressees as the extractor writes them: ids, a labelled body under its label, a name it lacks.
RESULT = make_result(
    "bodies.pdf",
    (
        make_item("1", "The College of Policing should write guidance.",
                  addressees=("college_of_policing",)),
        make_item("2", "The Welsh Government should fund it.", addressees=("Welsh Government",)),
        make_item("3", "Chief constables should act.", addressees=("chief_constables",)),
        make_item("4", "The Justice Committee should look again.",
                  addressees=("Justice Committee",)),
        make_item("5", "The Police Scotland should act.", addressees=("Police Scotland",)),
    ),
)  # fmt: skip
SPELLINGS = {
    "college_of_policing": ("College of Policing", "college_of_policing", "college of policing"),
    "welsh_government": ("Welsh Government", "welsh_government", "WELSH GOVERNMENT",
                         "the Welsh Ministers"),
}  # fmt: skip


def invoke(url: str, *args: str) -> Any:
    result = CliRunner(env={"USER": "analyst1"}).invoke(cli, ["--db", url, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'recwatch.db'}"
    load_result(url, RESULT)
    return url


def _items(url: str, *args: str) -> list[str]:
    result = invoke(url, "items", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [row["number"] for row in json.loads(result.stdout)["items"]]


def _export(url: str, *args: str) -> list[str]:
    result = invoke(url, "export", "--format", "nl", *args)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["number"] for line in result.stdout.splitlines()]


def _sync(url: str, register: Path, *args: str) -> list[str]:
    result = invoke(url, "sync-register", str(register), "--dry-run", *args)
    assert result.exit_code == 0, result.stderr
    return re.findall(r"^\s+new\s+row \d+: \S+:recommendation:(\S+)$", result.stdout, re.M)


def _overview(url: str, *args: str) -> list[str]:
    period = ("--since", "2025-01-01", "--until", "2025-12-31", "--today", "2025-10-01")
    result = invoke(url, "overview", *period, *args)
    assert result.exit_code == 0, result.stderr
    return sorted(set(re.findall(r"Recommendation (\d)", result.stdout)))


def test_the_store_holds_registry_ids_for_labelled_and_printed_bodies(url: str) -> None:
    stored = {row["number"]: row["addressees"] for row in json.loads(
        invoke(url, "items", "--json").stdout)["items"]}  # fmt: skip
    assert stored["2"] == ["welsh_government"]
    assert stored["5"] == ["police_scotland"]
    assert stored["4"] == ["Justice Committee"]  # unknown to the registry: kept as written
    assert _items(url, "--for-forces") == ["3", "5"]  # a labelled force is still a force


@pytest.mark.parametrize("body", sorted(SPELLINGS))
def test_every_command_lists_the_same_items_for_an_id_a_name_and_any_case(
    url: str, tmp_path: Path, body: str
) -> None:
    register = tmp_path / "register.csv"
    register.write_text("recwatch_id\n", encoding="utf-8")
    expected = {"college_of_policing": ["1"], "welsh_government": ["2"]}[body]
    for spelling in SPELLINGS[body]:
        wanted = ("--addressee", spelling)
        assert _items(url, *wanted) == expected, spelling
        assert _export(url, *wanted) == expected, spelling
        assert _sync(url, register, *wanted) == expected, spelling
        assert _overview(url, *wanted) == expected, spelling


def test_a_stored_name_the_registry_lacks_is_a_filter_too(url: str) -> None:
    assert _items(url, "--addressee", "justice committee") == ["4"]


@pytest.mark.parametrize(
    "command",
    [
        ("items",),
        ("export", "--format", "json"),
        ("overview", "--since", "2025-01-01", "--until", "2025-12-31"),
    ],
)
def test_a_mistyped_body_in_a_filter_is_an_error_with_the_nearest(
    url: str, command: tuple[str, ...]
) -> None:
    result = invoke(url, *command, "--addressee", "Collge of Policing")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "--addressee 'Collge of Policing' names no known body" in result.stderr
    assert "did you mean college_of_policing?" in result.stderr


def test_a_mistyped_body_writes_no_export_and_leaves_a_register_alone(
    url: str, tmp_path: Path
) -> None:
    output = tmp_path / "out.csv"
    result = invoke(url, "export", "--output", str(output), "--addressee", "Home Offce")
    assert result.exit_code == 1
    assert "did you mean home_office?" in result.stderr
    assert not output.exists()
    register = tmp_path / "register.csv"
    register.write_text("recwatch_id\n", encoding="utf-8")
    result = invoke(url, "sync-register", str(register), "--addressee", "Home Offce")
    assert result.exit_code == 1
    assert "did you mean home_office?" in result.stderr
    assert register.read_text(encoding="utf-8") == "recwatch_id\n"
    assert list(tmp_path.glob("register*")) == [register]  # no backup either


def _row(url: str, number: str) -> dict[str, Any]:
    rows = json.loads(invoke(url, "items", "--json").stdout)["items"]
    return next(row for row in rows if row["number"] == number)


def test_a_mistyped_body_in_a_correction_is_refused_and_changes_nothing(url: str) -> None:
    item = _row(url, "3")
    result = invoke(url, "correct", item["id"], "--addressee", "chief_constable")
    assert result.exit_code == 1
    assert "--addressee 'chief_constable' names no known body; nothing was changed" in result.stderr
    assert "did you mean chief_constables" in result.stderr
    assert "add --new-body" in result.stderr
    assert _row(url, "3") == item  # still for the forces, not corrected
    assert _items(url, "--for-forces") == ["3", "5"]
    result = invoke(url, "correct", item["id"], "--addressee", "Collge of Fire and Rescue")
    assert result.exit_code == 1
    assert _row(url, "3")["corrected"] is False


def test_a_correction_by_name_or_alias_stores_the_registry_id(url: str) -> None:
    item = _row(url, "3")
    result = invoke(
        url, "correct", item["id"], "--addressee", "College of Policing",
        "--addressee", "college_of_policing", "--addressee", "the Welsh Ministers",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert _row(url, "3")["addressees"] == ["college_of_policing", "welsh_government"]
    assert _items(url, "--addressee", "college of policing") == ["1", "3"]
    unknown = json.loads(invoke(url, "bodies", "--unknown", "--json").stdout)["unknown"]
    assert unknown == [{"addressee": "Justice Committee", "items": 1}]


def test_a_body_the_registry_lacks_needs_new_body_and_is_then_listed_as_unknown(
    url: str,
) -> None:
    item = _row(url, "3")
    result = invoke(url, "correct", item["id"], "--addressee", "Collge of Fire and Rescue",
                    "--new-body")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert _row(url, "3")["addressees"] == ["Collge of Fire and Rescue"]
    listed = invoke(url, "bodies", "--unknown").stdout
    assert "Collge of Fire and Rescue" in listed
    assert _items(url, "--addressee", "collge of fire and rescue") == ["3"]
    result = invoke(url, "correct", item["id"], "--new-body")
    assert result.exit_code == 2
    assert "--new-body goes with --addressee NAME" in result.stderr


def test_bodies_shows_the_bodies_names_resolve_to_and_refuses_a_typo(url: str) -> None:
    result = invoke(url, "bodies", "--json", "college of policing", "the Welsh Ministers", "CQC")
    assert result.exit_code == 0, result.stderr
    ids = [b["id"] for b in json.loads(result.stdout)["bodies"]]
    assert ids == ["college_of_policing", "welsh_government", "cqc"]
    result = invoke(url, "bodies", "Home Offce")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "'Home Offce' names no registry body; did you mean home_office?" in result.stderr


def test_filters_match_a_name_stored_before_the_registry_knew_it(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)  # as if stored when the registry lacked the alias
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE item_versions SET addressees = :a WHERE text LIKE 'The Welsh%'"),
            {"a": '["the Welsh Ministers"]'},
        )
    engine.dispose()
    assert _items(url, "--addressee", "welsh_government") == ["2"]
    assert _export(url, "--addressee", "Welsh Government") == ["2"]
    assert _overview(url, "--addressee", "WELSH GOVERNMENT") == ["2"]


@pytest.mark.parametrize(
    ("name", "body_id"),
    [
        ("College of Policing", "college_of_policing"),
        ("  college   of policing ", "college_of_policing"),
        ("the College of Policing", "college_of_policing"),
        ("WELSH_GOVERNMENT", "welsh_government"),
        ("Welsh Ministers", "welsh_government"),
        ("DfT", "dft"),
        ("the Department for Transport", "dft"),
        ("all forces", "chief_constables"),
        ("chief_constable", None),
        ("Justice Committee", None),
    ],
)
def test_one_resolver_maps_ids_labels_names_and_aliases_to_the_id(
    name: str, body_id: str | None
) -> None:
    assert resolve_body(name) == body_id


def test_stored_forms_and_suggestions() -> None:
    assert registry_ids(["Welsh Government", "welsh_government", "DfT", "Justice Committee"]) == [
        "welsh_government", "dft", "Justice Committee",
    ]  # fmt: skip
    assert nearest_bodies("Home Offce") == ["home_office"]
    assert nearest_bodies("chief_constable")[0] == "chief_constables"
    assert nearest_bodies("xyzzy") == []
