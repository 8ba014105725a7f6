"""sync-register round trips: analysts' edits survive, new items arrive, changes and removals show.

Two versions of one fixture report are built with the HMICFRS-style builder: version 2 keeps
recommendation 1, rewords 2, drops 3 and adds 4. Until item ids carry across report versions
(issue 6), the round trip loads version 2's extraction under version 1's identity, which is
what the store sees when the same report yields different items; `test_round_trip_across_versions`
runs the real two-PDF path and is skipped while the ids of the two versions differ.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fixtures.builder import Heading, ItemSpec, Paragraph, Report, SummaryList, build_report

from models.store import open_store
from pipeline.cli.main import cli
from pipeline.common.config import resolve
from pipeline.run import extract
from pipeline.store.load import load_run

openpyxl = pytest.importorskip("openpyxl")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ANALYST = ("Status (RAG)", "Owner", "Comments", "Local due date")

TEXTS = {
    "1": "make sure that every custody record shows when a detained person was last checked.",
    "2": "review how it allocates investigations of burglary so that victims are told who is "
    "dealing with their case within one week.",
    "2b": "review how it allocates investigations of burglary and vehicle crime so that victims "
    "are told who is dealing with their case within five working days.",
    "3": "publish a plan for training call handlers in recognising coercive control.",
    "4": "introduce a single system for recording the property it seizes from detained people.",
}


def _report(numbers: tuple[str, ...]) -> Report:
    """A short force report with the given recommendations (2b is recommendation 2 reworded)."""
    recs = tuple(
        ItemSpec(
            "recommendation",
            n.rstrip("b"),
            (f"By 31 March 2026, the force should {TEXTS[n]}",),
            addressees=("force",),
            deadline="By 31 March 2026",
        )
        for n in numbers
    )
    return Report(
        title="An inspection of custody and investigations in Northmoor Police",
        short_title="Northmoor custody and investigations",
        subject="Northmoor Police",
        publisher="HMICFRS",
        published=date(2025, 9, 1),
        blocks=(
            Heading("Summary"),
            Paragraph("We inspected how the force looks after detained people and victims."),
            Heading("Recommendations"),
            SummaryList(recs, intro="We have made the following recommendations."),
        ),
    )


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Version 1 (recommendations 1-3) and version 2 (1, reworded 2, new 4) of one report."""
    out = tmp_path_factory.mktemp("versions")
    v1 = build_report(_report(("1", "2", "3")), out / "v1" / "northmoor.pdf").path
    v2 = build_report(_report(("1", "2b", "4")), out / "v2" / "northmoor.pdf").path
    return v1, v2


def invoke(data: Path, *args: str) -> tuple[int, str, str]:
    """Run recwatch against the data directory; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _reextract_as(data: Path, pdf: Path, sha256: str) -> None:
    """Extract `pdf` in this process and load it under `sha256` (the same report), as one run."""
    result = dataclasses.replace(extract.extract_pdf(pdf), sha256=sha256)
    engine = open_store(resolve(data_dir=data).db_url)
    try:
        outcome = extract.Outcome(pdf, result=result, sha256=sha256)
        load_run(engine, [outcome], started_at=datetime.now(), tool_version="test",
                 git_revision=None, settings={})  # fmt: skip
    finally:
        engine.dispose()


def _store_items(data: Path) -> dict[str, dict[str, Any]]:
    """Current items of the store by number (via the JSON export)."""
    code, out, _ = invoke(data, "export", "--format", "json")
    assert code == 0
    return {i["number"]: i for d in json.loads(out)["documents"] for i in d["items"]}


# ---------------------------------------------------------------------------------------------
# Reading and editing registers the way an analyst's spreadsheet would
# ---------------------------------------------------------------------------------------------


def read_table(path: Path, header_row: int = 1) -> tuple[list[str], list[dict[str, Any]]]:
    """Return the headers and the rows (as dicts) below the header row of a csv/xlsx register."""
    if path.suffix == ".csv":
        grid = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        grid = [list(r) for r in sheet.iter_rows(values_only=True)]
    headers = [str(h) if h is not None else "" for h in grid[header_row - 1]]
    rows = [dict(zip(headers, r, strict=False)) for r in grid[header_row:]]
    return headers, [r for r in rows if any(v not in (None, "") for v in r.values())]


def analyst_edit(path: Path) -> dict[str, dict[str, str]]:
    """Fill status/owner/comments/local due date, add an analyst column and a manual row.

    Returns the analyst values written, by recwatch id.
    """
    edits: dict[str, dict[str, str]] = {}
    statuses = ("AMBER", "GREEN", "RED")
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        header = rows[0] + ["Analyst notes"]
        body = []
        for n, row in enumerate(rows[1:]):
            item_id = row[0]
            values = {
                "Status (RAG)": statuses[n % 3],
                "Owner": f"DCI Example {n}",
                "Comments": f"Progress noted at board {n}; =not a formula",
                "Local due date": f"2026-0{n + 1}-15",
                "Analyst notes": f"note {n}",
            }
            edits[item_id] = values
            cells = dict(zip(header, row, strict=False)) | values
            body.append([cells.get(h, "") for h in header])
        body.append(["", *[""] * (len(header) - 2), "a row the analyst typed by hand"])
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([header, *body])
        path.write_text(out.getvalue(), encoding="utf-8")
        return edits
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    notes_col = len(headers) + 1
    sheet.cell(1, notes_col, "Analyst notes")
    for n, row in enumerate(range(2, sheet.max_row + 1)):
        item_id = sheet.cell(row, 1).value
        values = {
            "Status (RAG)": statuses[n % 3],
            "Owner": f"DCI Example {n}",
            "Comments": f"Progress noted at board {n}",
            "Local due date": f"2026-0{n + 1}-15",
        }
        for name, value in values.items():
            sheet.cell(row, headers.index(name) + 1, value)
        sheet.cell(row, notes_col, f"note {n}")
        edits[item_id] = {**values, "Analyst notes": f"note {n}"}
    status = sheet.cell(2, headers.index("Status (RAG)") + 1)
    status.fill = openpyxl.styles.PatternFill("solid", fgColor="FFC000")
    status.font = openpyxl.styles.Font(bold=True, color="9C0006")
    sheet.cell(sheet.max_row + 1, notes_col, "a row the analyst typed by hand")
    book.save(path)
    return edits


# ---------------------------------------------------------------------------------------------
# The round trip
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def first_run(tmp_path: Path, versions: tuple[Path, Path]) -> Path:
    """A data directory whose store holds version 1."""
    data = tmp_path / "data"
    code, _, err = invoke(data, "run", str(versions[0]))
    assert code == 0, err
    return data


def _sha_of(data: Path) -> str:
    code, out, _ = invoke(data, "export", "--format", "json")
    assert code == 0
    [document] = json.loads(out)["documents"]
    sha: str = document["sha256"]
    return sha


def _check_round_trip(
    data: Path, register: Path, edits: dict[str, dict[str, str]], before: dict[str, Any]
) -> None:
    """Sync, then check analyst edits, appended, changed and removed rows, and the backup."""
    edited_bytes = register.read_bytes()
    after = _store_items(data)
    code, out, err = invoke(data, "sync-register", str(register))
    assert (code, err) == (0, "")
    assert "Rows: changed 1, new 1, removed 1, unchanged 1" in out
    [backup] = register.parent.glob(f"{register.stem}.backup-*{register.suffix}")
    assert backup.read_bytes() == edited_bytes
    assert f"Backup: {backup}" in out

    headers, rows = read_table(register)
    assert headers[-2:] == ["Analyst notes", "recwatch_status"]
    by_id = {r["recwatch_id"]: r for r in rows if r.get("recwatch_id")}
    for item_id, values in edits.items():  # every analyst edit is intact, even on removed rows
        assert {k: str(by_id[item_id][k]) for k in values} == values
    one, two, three = (before[n]["id"] for n in ("1", "2", "3"))
    assert by_id[one]["recwatch_status"] == "unchanged"
    assert by_id[two]["recwatch_status"] == "changed"
    assert "vehicle crime" in by_id[two]["text"]
    assert f"changed  row 3: {two} (text, extracted_in_run)" in out
    assert by_id[three]["recwatch_status"] == "removed"
    assert "coercive control" in by_id[three]["text"]  # the removed row keeps its content
    four = after["4"]["id"]
    assert by_id[four]["recwatch_status"] == "new"
    assert rows[-1]["recwatch_id"] == four  # appended after the analyst's own last row
    assert all(rows[-1][name] in (None, "") for name in ANALYST)
    assert any(r.get("Analyst notes") == "a row the analyst typed by hand" for r in rows)

    code, out, _ = invoke(data, "sync-register", str(register))  # a second sync settles
    assert code == 0
    assert "Rows: removed 1, unchanged 3" in out
    _, again = read_table(register)
    assert [r["recwatch_id"] for r in again] == [r["recwatch_id"] for r in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_keeps_analyst_work(
    first_run: Path, versions: tuple[Path, Path], suffix: str
) -> None:
    data = first_run
    before = _store_items(data)
    assert sorted(before) == ["1", "2", "3"]
    register = data.parent / f"register{suffix}"
    code, _, err = invoke(data, "export", "--format", suffix[1:], "--output", str(register))
    assert (code, err) == (0, f"Wrote {register}\n")
    edits = analyst_edit(register)

    _reextract_as(data, versions[1], _sha_of(data))
    _check_round_trip(data, register, edits, before)
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(register).worksheets[0]
        headers = [c.value for c in sheet[1]]
        status = sheet.cell(2, headers.index("Status (RAG)") + 1)
        assert status.fill.fgColor.rgb.endswith("FFC000")  # the analyst's formatting stays
        assert status.font.bold
        assert sheet.freeze_panes == "A2"
        deadline = sheet.cell(sheet.max_row, headers.index("deadline_date") + 1).value
        assert deadline.date() == date(2026, 3, 31)  # appended dates are real dates


def test_round_trip_across_versions(first_run: Path, versions: tuple[Path, Path]) -> None:
    """The real path: version 2 is a different PDF; needs ids stable across report versions."""
    data = first_run
    before = _store_items(data)
    register = data.parent / "register.xlsx"
    invoke(data, "export", "--format", "xlsx", "--output", str(register))
    edits = analyst_edit(register)
    code, _, err = invoke(data, "run", str(versions[1]))
    assert code == 0, err
    after = _store_items(data)
    if after.get("1", {}).get("id") != before["1"]["id"] or "3" in after:
        pytest.skip("item ids do not yet carry across report versions (issue 6)")
    _check_round_trip(data, register, edits, before)


def test_dry_run_writes_nothing(first_run: Path) -> None:
    register = first_run.parent / "register.csv"
    invoke(first_run, "export", "--format", "csv", "--output", str(register))
    register.write_text(register.read_text(encoding="utf-8").splitlines()[0] + "\n")
    code, out, _ = invoke(first_run, "sync-register", str(register), "--dry-run")
    assert code == 0
    assert out.startswith(f"Would change {register}")
    assert "Rows: new 3" in out
    assert len(register.read_text(encoding="utf-8").splitlines()) == 1
    assert not list(register.parent.glob("*.backup-*"))


def test_filters_choose_what_is_appended(first_run: Path) -> None:
    register = first_run.parent / "register.csv"
    invoke(first_run, "export", "--format", "csv", "--output", str(register))
    register.write_text(register.read_text(encoding="utf-8").splitlines()[0] + "\n")
    code, out, _ = invoke(first_run, "sync-register", str(register), "--publisher", "Ofsted")
    assert (code, "Rows: no items") == (0, out.splitlines()[-1])
    code, out, _ = invoke(first_run, "sync-register", str(register), "--kind", "recommendation")
    assert "Rows: new 3" in out


def test_sync_errors_name_the_fix(first_run: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.xlsx"
    code, _, err = invoke(first_run, "sync-register", str(missing))
    assert (code, err) == (
        1,
        f"Error: no register at {missing}; check the path, or export one first\n",
    )
    odd = tmp_path / "register.ods"
    odd.write_bytes(b"x")
    code, _, err = invoke(first_run, "sync-register", str(odd))
    assert code == 1
    assert "is not a .csv or .xlsx register; save the register as .xlsx" in err
    register = tmp_path / "r.csv"
    register.write_text("Ref,Status\n", encoding="utf-8")
    code, _, err = invoke(first_run, "sync-register", str(register), "--id-column", "ID")
    assert code == 1
    assert "no column named 'ID' in the first 50 rows" in err


# ---------------------------------------------------------------------------------------------
# A register shaped like a force's tracker (seed 003), built from the seed's layout at run time
# ---------------------------------------------------------------------------------------------


def _seed_headers() -> list[str]:
    """The column headings of the force register in seed 003 (a blank first heading is No.)."""
    seeds = sorted(SEEDS.glob("003_*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"seed 003 is not available under {SEEDS}")
    for line in seeds[0].read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if re.search(r"\bstatus\b", line, re.I) and re.search(r"\bdue date\b", line, re.I):
            named = [c for c in cells if c]
            return ["No.", *named] if not re.match(r"no\b", named[0], re.I) else named
    pytest.skip("seed 003 has no header line with Status and Due Date")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_register_shaped_like_seed_003_syncs(first_run: Path, suffix: str) -> None:
    headers = _seed_headers()
    title = ["Inspection recommendations tracker (test register)"]
    analyst_rows = [
        ["1", "An older recommendation typed in by the analyst.", "GREEN", "June 2021", "Done."],
        ["2", "Another one, still open.", "AMBER", "No deadline set", "Owner: PS Example"],
    ]
    grid = [title, [], headers, *[r[: len(headers)] for r in analyst_rows]]
    register = first_run.parent / f"force-register{suffix}"
    if suffix == ".csv":
        out = io.StringIO()
        csv.writer(out).writerows(grid)
        register.write_text(out.getvalue(), encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        for row in grid:
            book.active.append(row)
        book.save(register)
    original = read_table(register, header_row=3)

    code, out, err = invoke(first_run, "sync-register", str(register))
    assert (code, err) == (0, "")
    assert "(header row 3)" in out
    assert "Added columns: recwatch_id, report_title" in out
    assert "Rows: new 3" in out
    headers_after, rows = read_table(register, header_row=3)
    assert headers_after[: len(headers)] == headers
    assert headers_after[len(headers)] == "recwatch_id"
    for before, after in zip(original[1], rows[:2], strict=True):  # the analyst's rows
        assert {h: after[h] for h in headers} == before
        assert after["recwatch_id"] in (None, "")
    assert [r["recwatch_status"] for r in rows[2:]] == ["new", "new", "new"]
    assert all(r[h] in (None, "") for r in rows[2:] for h in headers)
    assert [h for h in read_table(register)[0] if h] == title  # the title row is untouched


# ---------------------------------------------------------------------------------------------
# Real-world workbooks: merged cells, files open in a spreadsheet, read-only files and folders
# ---------------------------------------------------------------------------------------------


def _xlsx_register(data: Path) -> Path:
    """The store's register as xlsx, with the first row's title blanked (one change to write)."""
    register = data.parent / "register.xlsx"
    code, _, err = invoke(data, "export", "--format", "xlsx", "--output", str(register))
    assert code == 0, err
    book = openpyxl.load_workbook(register)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("report_title") + 1).value = None
    book.save(register)
    return register


def test_merged_cells_in_recwatch_columns_are_unmerged_and_written(first_run: Path) -> None:
    register = _xlsx_register(first_run)
    expected = {r["recwatch_id"]: r["text"] for r in read_table(register)[1]}
    book = openpyxl.load_workbook(register)
    sheet = book.worksheets[0]
    col = [c.value for c in sheet[1]].index("text") + 1
    sheet.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)  # rows 1-2
    book.save(register)
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert code == 0, err  # was AttributeError: 'MergedCell' object attribute 'value' is read-only
    assert {r["recwatch_id"]: r["text"] for r in read_table(register)[1]} == expected
    assert not openpyxl.load_workbook(register).worksheets[0].merged_cells.ranges


def test_a_heading_merged_over_two_header_rows_is_the_column(first_run: Path) -> None:
    register = _xlsx_register(first_run)
    book = openpyxl.load_workbook(register)
    sheet = book.worksheets[0]
    col = [c.value for c in sheet[1]].index("addressees") + 1
    expected = [sheet.cell(r, col).value for r in range(2, 5)]
    sheet.insert_rows(1)  # a two-row header: group headings above, "addressees" spans both
    sheet.cell(1, 1).value = "Tracker"
    sheet.cell(1, col).value = "addressees"
    sheet.cell(2, col).value = None
    sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    for row in range(3, 6):
        sheet.cell(row, col).value = "stale"
    width = sheet.max_column
    book.save(register)
    code, out, err = invoke(first_run, "sync-register", str(register))
    assert code == 0, err
    # was "Added columns: addressees, recwatch_status" and the old column left stale
    assert "Added columns: recwatch_status\n" in out
    sheet = openpyxl.load_workbook(register).worksheets[0]
    assert sheet.max_column == width + 1
    assert [sheet.cell(r, col).value for r in range(3, 6)] == expected


@pytest.mark.parametrize("lock", ["~$register.xlsx", ".~lock.register.xlsx#"])
def test_a_register_open_in_a_spreadsheet_is_refused(first_run: Path, lock: str) -> None:
    register = _xlsx_register(first_run)
    (register.parent / lock).write_bytes(b"owner")
    before = register.read_bytes()
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert (code, err) == (
        1,
        f"Error: {register} is open in a spreadsheet (its lock file {lock} is beside it); close"
        " it there and sync again (if it is not open, delete the stale lock file)\n",
    )
    assert register.read_bytes() == before
    assert not list(register.parent.glob("*.backup-*"))


def test_a_read_only_register_is_refused_and_keeps_its_mode(first_run: Path) -> None:
    register = _xlsx_register(first_run)
    before = register.read_bytes()
    register.chmod(0o444)
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert (code, err) == (
        1,
        f"Error: {register} is read-only (mode 0444); make it writable (e.g. chmod u+w) if it"
        " is meant to be synced, or sync a copy\n",
    )
    assert register.read_bytes() == before
    assert register.stat().st_mode & 0o777 == 0o444
    assert not list(register.parent.glob("*.backup-*"))
    code, out, _ = invoke(first_run, "sync-register", str(register), "--dry-run")
    assert code == 0  # a dry run writes nothing, so it may read a read-only register
    assert out.startswith(f"Would change {register}")
    register.chmod(0o640)
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert code == 0, err
    assert register.stat().st_mode & 0o777 == 0o640


def test_a_register_that_cannot_be_written_fails_cleanly(
    first_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = _xlsx_register(first_run)
    before = register.read_bytes()

    def refuse(workbook: Any, path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("pipeline.render.xlsx.save_atomically", refuse)
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert (code, err) == (
        1,
        f"Error: {register} could not be written (Permission denied); it is unchanged; check"
        " that you can write to the file and its folder, then sync again\n",
    )
    assert register.read_bytes() == before
    assert sorted(p.name for p in register.parent.iterdir() if p.is_file()) == ["register.xlsx"]


def test_a_register_in_an_unwritable_folder_is_refused(
    first_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = _xlsx_register(first_run)
    real = os.access
    monkeypatch.setattr(
        "pipeline.render.sync.os.access", lambda p, m: Path(p) != register.parent and real(p, m)
    )  # root writes anywhere, so the folder's refusal is simulated
    code, _, err = invoke(first_run, "sync-register", str(register))
    assert (code, err) == (
        1,
        f"Error: {register.parent} is not writable, so register.xlsx cannot be backed up and"
        " replaced; sync a copy in a folder you can write to\n",
    )
    assert not list(register.parent.glob("*.backup-*"))
