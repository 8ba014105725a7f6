"""Register exports (csv, xlsx, json, nl) with filters, formula guards, the shipped JSON Schema,
and the SQL views that make the store browsable."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import make_item, make_result

from models.records import Deadline, DocumentResult, Metadata
from models.store import open_store
from pipeline.cli.main import cli
from pipeline.common.config import resolve
from pipeline.common.outcome import Outcome
from pipeline.store.load import load_run

openpyxl = pytest.importorskip("openpyxl")
jsonschema = pytest.importorskip("jsonschema")

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
INJECTIONS = ("=1+2", "+SUM(A1:A2)", "-2+3", "@cmd", "\tTAB", "\rCR")


def _injected() -> DocumentResult:
    """A report whose items start with characters a spreadsheet would run as a formula."""
    items = tuple(
        make_item(str(n), f"{start} the force should act {n}.")
        for n, start in enumerate(INJECTIONS, start=1)
    )
    dated = make_item(
        "7",
        "By 31 March 2026, chief constables should publish data.",
        addressees=("chief_constables",),
        partners=("college_of_policing",),
        deadline=Deadline("By 31 March 2026", date(2026, 3, 31), "date", "day"),
        kind="area_for_improvement",
        page_end=4,
    )
    return make_result("inject.pdf", (*items, dated))


def load(data: Path, result: DocumentResult) -> None:
    """Load a hand-built document as one run (no extraction), as `recwatch run` would."""
    engine = open_store(resolve(data_dir=data).db_url)
    try:
        outcome = Outcome(Path(result.file), result=result, sha256=result.sha256)
        load_run(engine, [outcome], started_at=datetime.now(), tool_version="test",
                 git_revision=None, settings={})  # fmt: skip
    finally:
        engine.dispose()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A data directory holding inject.pdf (run 1) and other.pdf (run 2)."""
    data = tmp_path / "data"
    load(data, _injected())
    other = Metadata("Another report", "HMICFRS", date(2025, 10, 1))
    load(data, dataclasses.replace(make_result("other.pdf"), metadata=other))
    return data


def invoke(data: Path, *args: str) -> tuple[int, str, str]:
    """Run recwatch against the data directory; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _schema() -> dict[str, Any]:
    text = (files("pipeline") / "schemas" / "export.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_formulas_export_inert_in_csv(store: Path) -> None:
    code, out, _ = invoke(store, "export", "--format", "csv", "--publisher", "HMICFRS")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    texts = [r["text"] for r in rows]
    for start in INJECTIONS:
        [cell] = [t for t in texts if t.startswith("'" + start)]
        assert cell.startswith("'")
    assert all(not t.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for t in r.values())


def test_formulas_export_inert_in_xlsx(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    code, _, err = invoke(store, "export", "--format", "xlsx", "--output", str(target))
    assert (code, err) == (0, f"Wrote {target}\n")
    sheet = openpyxl.load_workbook(target).worksheets[0]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert cells
    assert all(c.data_type != "f" for c in cells)  # nothing is stored as a formula
    texts = [c.value for c in cells if isinstance(c.value, str)]
    for start in INJECTIONS:
        assert any(t.startswith("'" + start) for t in texts), start
    assert not any(t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)


def test_xlsx_is_a_ready_register(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    invoke(store, "export", "--format", "xlsx", "--kind", "area_for_improvement", "--output",
           str(target))  # fmt: skip
    book = openpyxl.load_workbook(target)
    assert len(book.worksheets) == 1
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["recwatch_id", "report_title", "publisher"]
    assert headers[-4:] == ["Status (RAG)", "Owner", "Comments", "Local due date"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{sheet.max_row}"
    assert all(c.font.bold for c in sheet[1])
    rows = [dict(zip(headers, (c.value for c in r), strict=True)) for r in sheet.iter_rows(2)]
    dated = next(r for r in rows if r["number"] == "7")
    assert dated["deadline_date"] == datetime(2026, 3, 31)  # a real date, not text
    assert dated["published"] == datetime(2025, 9, 1)
    assert dated["addressees"] == "Chief constables"
    assert dated["for_forces"] == "yes"
    assert dated["pages"] == "3-4"
    assert dated["corrected"] == "no"
    assert dated["extracted_in_run"] == 1
    text_col = headers.index("text") + 1
    assert sheet.cell(2, text_col).alignment.wrap_text
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(text_col)].width >= 60


def test_xlsx_needs_an_output_file(store: Path) -> None:
    code, out, err = invoke(store, "export", "--format", "xlsx")
    assert (code, out) == (2, "")
    assert "xlsx is a binary format; pass --output FILE.xlsx" in err


def test_filters(store: Path) -> None:
    def ids(*args: str) -> list[str]:
        code, out, err = invoke(store, "export", "--format", "nl", *args)
        assert code == 0, err
        return [json.loads(line)["id"] for line in out.splitlines()]

    everything = ids()
    assert len(everything) == 10
    assert len(ids("--run", "2")) == 3  # other.pdf's items were extracted in run 2
    assert ids("--kind", "area_for_improvement", "--run", "1") == [everything[6]]
    assert len(ids("--addressee", "Chief constables")) == 2  # by display name...
    assert len(ids("--addressee", "chief_constables")) == 2  # ...or by id
    assert len(ids("--for-forces")) == 10
    assert ids("--since", "2025-09-02") == everything[7:]
    assert ids("--since", "2025-10-02") == []
    assert ids("--since", "2025-09-01") == everything
    assert ids("--publisher", "ofsted") == []
    code, _, err = invoke(store, "export", "--run", "9")
    assert (code, err) == (1, "Error: no run 9 in " + err.split(" in ", 1)[1])
    assert err.endswith("; the last run is 2\n")


def test_nl_lines_carry_their_document(store: Path) -> None:
    code, out, _ = invoke(store, "export", "--format", "nl", "--run", "2")
    assert code == 0
    first = json.loads(out.splitlines()[0])
    facts = (first["file"], first["publisher"], first["extracted_in_run"])
    assert facts == ("other.pdf", "HMICFRS", 2)


def test_json_export_validates_against_the_shipped_schema(store: Path) -> None:
    code, out, _ = invoke(store, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(_schema())
    jsonschema.validate(data, _schema())
    assert [len(d["items"]) for d in data["documents"]] == [7, 3]
    code, out, _ = invoke(store, "export", "--format", "json", "--run", "2")
    filtered = json.loads(out)
    jsonschema.validate(filtered, _schema())
    assert [d["file"] for d in filtered["documents"]] == ["other.pdf"]
    broken = json.loads(json.dumps(data))
    broken["documents"][0]["items"][0]["kind"] = "suggestion"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, _schema())


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"no sample PDFs in {SAMPLES}")
def test_real_extraction_validates_against_the_schema(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, _, err = invoke(data, "run", str(SAMPLES))
    assert code == 0, err
    code, out, _ = invoke(data, "export", "--format", "json")
    assert code == 0
    exported = json.loads(out)
    assert sum(len(d["items"]) for d in exported["documents"]) > 10
    jsonschema.validate(exported, _schema())


def test_store_views_are_browsable(store: Path) -> None:
    database = store / "processed" / "recwatch.db"
    with sqlite3.connect(database) as conn:
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert {"items_current", "item_history", "item_addressees", "register"} <= views
        assert conn.execute("SELECT count(*) FROM items_current").fetchone() == (10,)
        row = conn.execute(
            "SELECT addressees, partners, pages, deadline_date, extracted_in_run FROM register "
            "WHERE number = '7'"
        ).fetchone()
        assert row == ("chief_constables", "college_of_policing", "3-4", "2026-03-31", 1)
        forces = conn.execute(
            "SELECT count(DISTINCT item_id) FROM item_addressees WHERE body_id = 'force'"
        ).fetchone()
        assert forces == (8,)
        assert conn.execute("SELECT count(*) FROM item_history").fetchone() == (10,)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sync_appends_inert_cells(store: Path, tmp_path: Path, suffix: str) -> None:
    register = tmp_path / f"register{suffix}"
    if suffix == ".csv":
        register.write_text("Ref,Status (RAG)\r\n", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        book.active.append(["Ref", "Status (RAG)"])
        book.save(register)
    code, out, _ = invoke(store, "sync-register", str(register))
    assert code == 0
    assert "Rows: new 10" in out
    if suffix == ".csv":
        raw = register.read_bytes().decode("utf-8")  # keep a CR inside a cell as it is
        texts = [c for r in csv.reader(io.StringIO(raw, newline="")) for c in r]
    else:
        sheet = openpyxl.load_workbook(register).worksheets[0]
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type != "f" for c in cells)
        texts = [c.value for c in cells if isinstance(c.value, str)]
    for start in INJECTIONS:
        assert any(t.startswith("'" + start) for t in texts), start
    assert not any(t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)


def test_xlsx_output_without_format_is_a_workbook_sync_reads_back(
    store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "register.xlsx"
    code, out, err = invoke(store, "export", "--output", str(target))
    assert (code, out, err) == (0, "", f"Wrote {target}\n")
    assert target.read_bytes().startswith(b"PK")  # a zip container, not JSON
    assert openpyxl.load_workbook(target).worksheets[0]["A1"].value == "recwatch_id"
    code, out, err = invoke(store, "sync-register", str(target))
    assert (code, err) == (0, "")
    assert "Rows: unchanged 10" in out


@pytest.mark.parametrize(
    ("name", "starts"),
    [("r.csv", "recwatch_id,"), ("r.CSV", "recwatch_id,"), ("r.json", "{"), ("r.jsonl", '{"id"')],
)
def test_the_output_extension_chooses_the_format(
    store: Path, tmp_path: Path, name: str, starts: str
) -> None:
    target = tmp_path / name
    code, _, _ = invoke(store, "export", "--output", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(
    ("name", "fmt", "says"),
    [
        ("r.xlsx", "json", "--format json contradicts the output"),
        ("r.csv", "xlsx", "--format xlsx contradicts the output"),
        ("r.json", "nl", "--format nl contradicts the output"),
        ("r.txt", None, "cannot tell the export format of"),
    ],
)
def test_a_format_the_name_contradicts_is_refused_and_nothing_written(
    store: Path, tmp_path: Path, name: str, fmt: str | None, says: str
) -> None:
    target = tmp_path / name
    code, out, err = invoke(
        store, "export", "--output", str(target), *(("--format", fmt) if fmt else ())
    )
    assert (code, out) == (2, "")
    assert says in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [store]  # no temporary file left either


def test_an_export_that_fails_leaves_the_old_file(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("the analyst's file\n", encoding="utf-8")
    code, _, err = invoke(store, "export", "--output", str(target), "--run", "9")
    assert code == 1
    assert "no run 9" in err
    assert target.read_text(encoding="utf-8") == "the analyst's file\n"


def test_csv_with_a_bom(store: Path, tmp_path: Path) -> None:
    code, out, _ = invoke(store, "export", "--format", "csv", "--bom")
    assert code == 0
    assert out.startswith("\ufeffrecwatch_id,")
    target = tmp_path / "r.csv"
    assert invoke(store, "export", "--output", str(target), "--bom")[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrecwatch_id,")
    code, _, _ = invoke(store, "sync-register", str(target))
    assert code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrecwatch_id,")  # the sync keeps it
    code, _, err = invoke(store, "export", "--format", "json", "--bom")
    assert code == 2
    assert "--bom is for CSV, not json" in err
