"""Analyst corrections survive re-runs, show in items and exports, and are flagged when the
extracted value under them changes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import load_result, make_result

from models.store import open_store
from pipeline.cli.main import cli
from pipeline.store import load

RESULT = make_result()


def _run(url: str, result: Any = RESULT) -> load.RunReport:
    return load_result(url, result)


def invoke(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"USER": "analyst1"}).invoke(cli, ["--db", url, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _items(url: str) -> dict[str, dict[str, Any]]:
    code, out, _ = invoke(url, "items", "--json")
    assert code == 0
    return {row["number"] or row["kind"]: row for row in json.loads(out)["items"]}


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'recwatch.db'}"
    _run(url)
    return url


def test_correction_survives_three_reruns_and_is_flagged_when_the_text_changes(
    url: str, tmp_path: Path
) -> None:
    rec1 = _items(url)["1"]
    text = tmp_path / "text.txt"
    text.write_text("By 31 March 2026, the force should review its custody\npolicy.\n")
    code, out, _ = invoke(
        url, "correct", rec1["id"], "--text-file", str(text), "--addressee", "home_office",
        "--deadline", "2026-06-30", "--note", "read from page 4",
    )  # fmt: skip
    assert code == 0
    assert out == f"Corrected {rec1['id']}: addressees, deadline, text (by analyst1)\n"
    for _ in range(3):
        report = _run(url)
        assert report.new_versions == 0
        row = _items(url)["1"]
        assert row["text"] == "By 31 March 2026, the force should review its custody policy."
        assert row["addressees"] == ["home_office"]
        assert row["deadline"]["date"] == "2026-06-30"
        assert (row["corrected"], row["needs_review"]) == (True, False)
        assert row["corrected_fields"] == ["addressees", "deadline", "text"]
    assert _items(url)["2"]["corrected"] is False
    code, _, err = invoke(url, "reviews")
    assert (code, err) == (0, "Nothing needs review.\n")

    # The report is re-published with recommendation 1 reworded: the correction stays, flagged.
    edited = replace(RESULT.items[0], text="The force should review its custody policy by June.")
    report = _run(url, replace(RESULT, items=(edited, *RESULT.items[1:])))
    assert report.counts["needs_review"] == 1  # the text; addressees and deadline did not change
    row = _items(url)["1"]
    assert row["id"] == rec1["id"]
    assert row["text"] == "By 31 March 2026, the force should review its custody policy."
    assert (row["corrected"], row["needs_review"]) == (True, True)
    code, out, _ = invoke(url, "reviews", "--json")
    flags = {f["field"]: f for f in json.loads(out)["needs_review"]}
    assert set(flags) == {"text"}
    assert flags["text"]["extracted_now"] == edited.text
    assert flags["text"]["corrected_against"] == RESULT.items[0].text
    # Another identical run does not flag twice; correcting again resolves the flag.
    assert _run(url, replace(RESULT, items=(edited, *RESULT.items[1:]))).counts["needs_review"] == 0
    invoke(url, "correct", rec1["id"], "--text-file", str(text), "--note", "checked again")
    code, out, _ = invoke(url, "reviews", "--json")
    assert json.loads(out)["needs_review"] == []
    assert _items(url)["1"]["needs_review"] is False


def test_reject_and_add(url: str, tmp_path: Path) -> None:
    items = _items(url)
    code, _, _ = invoke(url, "correct", items["2"]["id"], "--reject", "--note", "not an item")
    assert code == 0
    assert "2" not in _items(url)
    key = items["1"]["id"].split(":")[0]
    text = tmp_path / "missed.txt"
    text.write_text("The force should appoint a custody lead.")
    missed = f"{key}:recommendation:9"
    code, _, err = invoke(url, "correct", missed, "--add", "--text-file", str(text), "--page", "7")
    assert (code, err) == (0, "")
    for _ in range(2):
        _run(url)  # extraction still finds no recommendation 9 and still has recommendation 2
        now = _items(url)
        assert now["9"]["text"] == "The force should appoint a custody lead."
        assert (now["9"]["page_start"], now["9"]["corrected"]) == (7, True)
        assert "2" not in now


def test_exports_show_corrected_values(url: str) -> None:
    rec2 = _items(url)["2"]
    invoke(url, "correct", rec2["id"], "--no-addressees", "--note", "addressed to nobody")
    code, out, _ = invoke(url, "items", "--csv")
    assert code == 0
    rows = {r["number"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["2"]["corrected"], rows["2"]["addressees"]) == ("yes", "")
    assert rows["1"]["corrected"] == "no"
    _, out, _ = invoke(url, "items", "--has-deadline", "--json")
    assert [r["number"] for r in json.loads(out)["items"]] == ["1"]


def test_correction_errors_name_the_fix(url: str, tmp_path: Path) -> None:
    code, _, err = invoke(url, "correct", "nope:recommendation:1", "--deadline", "2026-01-01")
    assert code == 1
    assert "no item 'nope:recommendation:1' in the store" in err
    assert "recwatch items --json" in err
    rec1 = _items(url)["1"]["id"]
    code, _, err = invoke(url, "correct", rec1, "--deadline", "next spring")
    assert code == 1
    assert "--deadline 'next spring' is not a date; use YYYY-MM-DD" in err
    code, _, err = invoke(url, "correct", rec1)
    assert code == 1
    assert "nothing to correct" in err
    code, _, err = invoke(url, "correct", "0123456789ab:recommendation:5", "--add", "--text-file",
                          str(tmp_path / "x"))  # fmt: skip
    assert code == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_register_exports_carry_corrections_and_drop_rejected_items(
    url: str, tmp_path: Path, fmt: str
) -> None:
    items = _items(url)
    text = tmp_path / "fixed.txt"
    text.write_text("Chief constables should publish their stalking data every quarter.")
    invoke(url, "correct", items["1"]["id"], "--text-file", str(text), "--note", "typo")
    invoke(url, "correct", items["2"]["id"], "--reject", "--note", "not an item")
    code, out, _ = invoke(url, "export", "--format", fmt)
    assert code == 0
    if fmt == "csv":
        rows = {r["number"]: r for r in csv.DictReader(io.StringIO(out))}
        assert (rows["1"]["text"], rows["1"]["corrected"]) == (text.read_text(), "yes")
    else:
        [doc] = json.loads(out)["documents"]
        rows = {r["number"]: r for r in doc["items"]}
        assert (rows["1"]["text"], rows["1"]["corrected"]) == (text.read_text(), True)
    assert "2" not in rows


def test_sql_views_show_the_register_as_corrected(store_url: str, tmp_path: Path) -> None:
    from sqlalchemy import text

    _run(store_url)
    wording = tmp_path / "text.txt"
    wording.write_text("The force should review its custody policy.\n")
    items = _items(store_url)
    rec1, rejected = items["1"], next(r for k, r in items.items() if k != "1")
    for args in (
        ("correct", rec1["id"], "--addressee", "home_office", "--deadline", "2026-06-30"),
        ("correct", rec1["id"], "--text-file", str(wording)),
        ("correct", rejected["id"], "--reject"),
    ):
        assert invoke(store_url, *args)[0] == 0
    engine = open_store(store_url)  # views are (re)built as the store opens
    try:
        with engine.connect() as conn:
            rows = {
                r.item_id: r
                for r in conn.execute(
                    text(
                        "SELECT item_id, text, addressees, deadline_date, deadline_kind, "
                        "corrected FROM items_current"
                    )
                )
            }
            register = conn.execute(
                text("SELECT addressees, deadline_date FROM register WHERE recwatch_id = :id"),
                {"id": rec1["id"]},
            ).one()
    finally:
        engine.dispose()
    assert rejected["id"] not in rows
    row = rows[rec1["id"]]
    assert row.text == "The force should review its custody policy."
    assert json.loads(row.addressees) == ["home_office"]
    assert str(row.deadline_date) == "2026-06-30"
    assert (row.deadline_kind, row.corrected) == ("date", 1)
    assert (register.addressees, str(register.deadline_date)) == ("home_office", "2026-06-30")
    assert len(rows) == len(items) - 1


def test_correct_and_reviews_take_part_of_an_id_or_name(url: str, tmp_path: Path) -> None:
    rec2 = _items(url)["2"]["id"]
    code, out, _ = invoke(url, "correct", "report:rec:2", "--deadline", "2026-06-30")
    assert (code, out) == (0, f"Corrected {rec2}: deadline (by analyst1)\n")
    code, out, err = invoke(url, "correct", ":recommendation:", "--deadline", "2026-06-30")
    assert code == 1
    assert "':recommendation:' matches 2 items" in err
    assert rec2 in err  # the candidates are listed
    assert out == ""

    text = tmp_path / "text.txt"
    text.write_text("By 31 March 2026, the force should review its custody policy.\n")
    assert invoke(url, "correct", "report:rec:1", "--text-file", str(text))[0] == 0
    edited = replace(RESULT.items[0], text="The force should review its custody policy by June.")
    _run(url, replace(RESULT, items=(edited, *RESULT.items[1:])))
    code, out, _ = invoke(url, "reviews", "--document", "repo")
    assert code == 0
    assert "[-By 31 March 2026, the-] {+The+} force should review its custody" in out
    assert "[-policy.-] {+policy by June.+}" in out
    code, out, err = invoke(url, "reviews", "--document", "nosuchreport")
    assert code == 1
    assert "no stored document matches 'nosuchreport'" in err
