"""The command line: help, exit codes, stdout/stderr separation, output formats."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from factories import fake_pdf, make_item, make_result

from extractors.errors import ExtractionError
from models.records import DocumentResult
from pipeline.cli.main import cli
from pipeline.run import extract
from pipeline.run import order as run

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "raw" / "samples"


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extract by file name: *.pdf → a hand-built result, bad*.pdf → ExtractionError."""

    def fake(
        path: Path,
        source: str | None = None,
        cache: object = None,
        ocr: bool = False,
        hints: object = None,
        settings: object = None,
    ) -> DocumentResult:
        if path.name.startswith("bad"):
            raise ExtractionError(str(path), "is not a PDF", "fetch it again")
        return make_result(path.name)

    monkeypatch.setattr(extract, "extract_pdf", fake)
    monkeypatch.setattr(run, "extraction_settings", lambda _settings: {"stages": "fake"})


def invoke(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_every_command_has_help_with_an_example(command: str | None) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "Example: recwatch " in result.stdout


def _heavy_imports(commands: str, heavy: set[str]) -> list[str]:
    """Run CLI invocations in a fresh interpreter; return which of `heavy` it imported."""
    code = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli.main import cli\n"
        f"{commands}\n"
        f"print(json.dumps(sorted(set({sorted(heavy)!r}) & set(sys.modules))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    found: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def test_help_does_not_import_heavy_libraries() -> None:
    every_help = (
        "for args in (['--help'], *[[c, '--help'] for c in cli.commands]):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args"
    )
    assert _heavy_imports(every_help, {"spacy", "pdfplumber", "dateparser", "sqlalchemy"}) == []


def test_items_does_not_import_the_extraction_libraries(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert CliRunner().invoke(cli, ["--data-dir", str(data), "run", str(SAMPLES)]).exit_code == 0
    items = (
        f"result = CliRunner().invoke(cli, ['--data-dir', {str(data)!r}, 'items', '--json'])\n"
        "assert result.exit_code == 0, result.output"
    )
    assert _heavy_imports(items, {"spacy", "pdfplumber", "dateparser", "pypdfium2"}) == []


def test_python_dash_m_pipeline_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert out.returncode == 0
    assert out.stdout.startswith("Usage: recwatch")


@pytest.mark.usefixtures("fake_extraction")
def test_run_loads_documents_and_prints_summary(tmp_path: Path) -> None:
    samples = tmp_path / "data" / "raw" / "samples"
    fake_pdf(samples, "b.PDF")
    fake_pdf(samples / "sub", "a.pdf")
    (samples / "notes.txt").write_text("not a pdf", encoding="utf-8")
    code, out, err = invoke(tmp_path, "run")
    assert code == 0
    assert "Documents: 2 (2 ok, 0 failed)" in out
    assert "Items: 6 (area_for_improvement 2, recommendation 4)" in out
    assert "Items with deadlines: 2" in out
    assert "New item versions: 6 (0 unchanged)" in out
    assert err == ""  # no progress lines when stderr is not a terminal
    assert (tmp_path / "data" / "processed" / "recwatch.db").is_file()
    code, out, _ = invoke(tmp_path, "run")
    assert "New item versions: 0 (6 unchanged)" in out


@pytest.mark.usefixtures("fake_extraction")
def test_run_with_a_failed_document_exits_3_and_loads_the_rest(tmp_path: Path) -> None:
    good = fake_pdf(tmp_path / "in", "good.pdf")
    bad = fake_pdf(tmp_path / "in", "bad.pdf")
    code, out, err = invoke(tmp_path, "run", str(good), str(bad))
    assert code == 3
    assert "Documents: 2 (1 ok, 1 failed)" in out
    assert f"{bad}: is not a PDF; fetch it again" in out
    assert err == "Error: 1 of 2 documents failed\n"
    code, out, _ = invoke(tmp_path, "items", "--json")
    assert code == 0
    assert {i["file"] for i in json.loads(out)["items"]} == {"good.pdf"}


def test_run_without_pdfs_names_the_fix(tmp_path: Path) -> None:
    (tmp_path / "data" / "raw" / "samples").mkdir(parents=True)
    code, out, err = invoke(tmp_path, "run")
    assert code == 1
    assert out == ""
    assert "no PDFs found in" in err
    assert "make samples" in err


def test_items_before_any_run_names_the_fix(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path, "items")
    assert code == 1
    assert out == ""
    assert "no store at" in err
    assert "run `recwatch run` first" in err


def test_bad_db_url_is_a_clean_error(tmp_path: Path) -> None:
    code, _, err = invoke(tmp_path, "--db", "nosuchdialect://x", "items")
    assert code == 1
    assert err.startswith("Error: cannot open store 'nosuchdialect://x'")


@pytest.mark.usefixtures("fake_extraction")
def test_items_filters_and_formats(tmp_path: Path) -> None:
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    code, out, _ = invoke(tmp_path, "items", "--kind", "recommendation", "--has-deadline")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "id", "document", "kind", "no", "pages", "deadline", "addressees", "text",
    ]  # fmt: skip
    assert len(out.splitlines()) == 3
    assert "date 2026-03-31" in out
    code, out, _ = invoke(tmp_path, "items", "--for-forces", "--due-before", "2027-01-01", "--json")
    assert [i["number"] for i in json.loads(out)["items"]] == ["1"]
    code, _, err = invoke(tmp_path, "items", "--due-before", "soon")
    assert code == 2
    assert "'soon' is not a date; use YYYY-MM-DD" in err
    code, out, err = invoke(tmp_path, "items", "--addressee", "Home Office")  # a known body
    assert (code, out, err) == (0, "", "No items match.\n")
    code, out, err = invoke(tmp_path, "items", "--addressee", "nobody")  # no body: an error
    assert (code, out) == (1, "")
    assert "--addressee 'nobody' names no known body" in err


@pytest.mark.usefixtures("fake_extraction")
def test_document_and_publisher_filters_are_literal(tmp_path: Path) -> None:
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    code, out, _ = invoke(tmp_path, "items", "--json")
    assert json.loads(out)["items"]  # the store holds items
    for option, value in (("--document", "_"), ("--document", "%"), ("--publisher", "%")):
        code, out, err = invoke(tmp_path, "items", option, value)
        assert (code, out, err) == (0, "", "No items match.\n"), (option, value)
    code, out, _ = invoke(tmp_path, "items", "--document", "r.pdf", "--json")
    assert json.loads(out)["items"]


@pytest.mark.usefixtures("fake_extraction")
def test_export_csv_guards_formulas(tmp_path: Path) -> None:
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    target = tmp_path / "out.csv"
    code, out, err = invoke(tmp_path, "export", "--format", "csv", "--output", str(target))
    assert (code, out, err) == (0, "", f"Wrote {target}\n")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert rows[2]["text"].startswith("'=HYPERLINK(")
    assert rows[0]["text"].startswith("By 31 March 2026")
    assert rows[1]["addressees"] == "Chief constables"  # register layout: display names


@pytest.mark.usefixtures("fake_extraction")
def test_export_json_follows_the_contract(tmp_path: Path) -> None:
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    code, out, _ = invoke(tmp_path, "export")
    assert code == 0
    [doc] = json.loads(out)["documents"]
    assert list(doc) == [
        "sha256", "file", "source", "title", "publisher", "published", "pages", "items",
        "warnings",
    ]  # fmt: skip
    contract = ["id", "kind", "number", "parent", "page_start", "page_end", "text"]
    contract += ["addressees", "partners", "deadline"]
    assert list(doc["items"][0])[: len(contract)] == contract
    assert doc["items"][0]["deadline"] == {
        "text": "By 31 March 2026",
        "date": "2026-03-31",
        "kind": "date",
        "granularity": "day",
    }


@pytest.mark.usefixtures("fake_extraction")
def test_extract_prints_json_without_a_store(tmp_path: Path) -> None:
    good = fake_pdf(tmp_path / "in", "good.pdf")
    bad = fake_pdf(tmp_path / "in", "bad.pdf")
    code, out, err = invoke(tmp_path, "extract", "--json", str(good), str(bad))
    assert code == 3
    assert [d["file"] for d in json.loads(out)["documents"]] == ["good.pdf"]
    assert err == f"Error: {bad}: is not a PDF; fetch it again\n"
    assert not (tmp_path / "data").exists()


def test_eval_reports_missing_pdfs(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "absent.json").write_text(json.dumps({"items": []}), encoding="utf-8")
    (tmp_path / "pdfs").mkdir()
    code, out, _ = invoke(tmp_path, "eval", str(gold), "--pdfs", str(tmp_path / "pdfs"))
    assert code == 0
    assert "Missing PDFs (not scored):\n  absent.pdf" in out


def test_bodies_lists_the_registry(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path, "bodies", "--json")
    assert (code, err) == (0, "")
    bodies = {b["id"]: b for b in json.loads(out)["bodies"]}
    assert {"chief_constables", "home_office", "npcc"} <= set(bodies)
    assert set(bodies["npcc"]) >= {"id", "name", "kind", "aliases"}
    code, out, _ = invoke(tmp_path, "bodies")
    assert out.splitlines()[0].split() == ["id", "kind", "name", "aliases"]


def _command_paths() -> list[tuple[str, ...]]:
    """Every command and every command of a group, as the words that invoke it."""
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(cli.commands.items()):
        paths.append((name,))
        if isinstance(command, click.Group):
            paths += [(name, sub) for sub in sorted(command.commands)]
    return paths


@pytest.mark.parametrize("words", _command_paths(), ids=" ".join)
def test_every_command_accepts_db_before_or_after_and_shows_it_once(
    words: tuple[str, ...], tmp_path: Path
) -> None:
    store = str(tmp_path / "x.db")
    for args in (["--db", store, *words, "--help"], [*words, "--db", store, "--help"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
        assert len(re.findall(r"^\s+--db URL\|PATH", result.stdout, re.MULTILINE)) == 1


@pytest.mark.usefixtures("fake_extraction")
def test_db_after_the_command_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, elsewhere = tmp_path / "mine.db", tmp_path / "env.db"
    monkeypatch.setenv("RECWATCH_DB", str(elsewhere))
    pdf = fake_pdf(tmp_path / "in", "r.pdf")
    code, out, _ = invoke(tmp_path, "run", str(pdf), "--db", str(store))
    assert code == 0
    assert f"into sqlite:///{store}" in out
    assert not elsewhere.exists()
    for args in (("items", "--json", "--db", str(store)), ("--db", str(store), "items", "--json")):
        code, out, _ = invoke(tmp_path, *args)
        assert (code, len(json.loads(out)["items"])) == (0, 3)
    code, out, err = invoke(tmp_path, "--db", str(elsewhere), "items", "--db", str(store))
    assert code == 0  # the last --db given wins
    code, out, err = invoke(tmp_path, "items")
    assert code == 1
    assert f"no store at {elsewhere}" in err
    code, out, err = invoke(tmp_path, "db", "current", "--db", str(store))
    assert (code, out.endswith("(head)\n")) == (0, True)


@pytest.mark.usefixtures("fake_extraction")
def test_a_missing_file_fails_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = fake_pdf(tmp_path / "in", "good.pdf")
    missing = tmp_path / "in" / "missing.pdf"
    code, out, err = invoke(tmp_path, "run", str(good), str(missing))
    assert code == 3
    assert "Run 1 (partial)" in out
    assert "Documents: 2 (1 ok, 1 failed)" in out
    assert f"{missing}: does not exist; check the path" in out
    assert err == "Error: 1 of 2 documents failed\n"
    code, out, _ = invoke(tmp_path, "items", "--json")
    assert {i["file"] for i in json.loads(out)["items"]} == {"good.pdf"}
    code, out, err = invoke(tmp_path, "extract", "--json", str(good), str(missing))
    assert code == 3
    assert [d["file"] for d in json.loads(out)["documents"]] == ["good.pdf"]
    assert f"{missing}: does not exist" in err


@pytest.mark.usefixtures("fake_extraction")
def test_a_run_whose_every_file_failed_is_recorded_as_failed(tmp_path: Path) -> None:
    code, out, _ = invoke(tmp_path, "run", str(tmp_path / "gone.pdf"))
    assert code == 3
    assert out.startswith("Run 1 (failed)")
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "good.pdf")))
    code, out, _ = invoke(tmp_path, "runs", "--json")
    assert [r["status"] for r in json.loads(out)["runs"]] == ["ok", "failed"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty (0 bytes); download the file again"),
        (b"<!DOCTYPE html><html><title>Sign in</title>", "is a web page (HTML), not a PDF; "),
        (b"PK\x03\x04 saved from Word", "is a ZIP container (a Word .docx"),
    ],
    ids=["empty", "web_page", "docx"],
)
def test_run_and_add_name_a_bad_file_alike(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "in" / "report.pdf"
    bad.parent.mkdir()
    bad.write_bytes(content)
    code, out, _ = invoke(tmp_path, "run", str(bad))
    assert code == 3
    [said_by_run] = [line for line in out.splitlines() if line.startswith(f"  - {bad}: ")]
    code, out, err = invoke(tmp_path, "add", str(bad))
    assert (code, out) == (1, "")
    assert err == f"Error: {said_by_run.removeprefix('  - ')}\n"
    assert f"{bad}: {problem}" in err
    assert not list((tmp_path / "data" / "raw").glob("*.pdf"))


def test_eval_only_names_the_unknown_value(tmp_path: Path) -> None:
    gold, pdfs = tmp_path / "gold", tmp_path / "pdfs"
    gold.mkdir()
    pdfs.mkdir()
    (gold / "northmoor-peel.json").write_text(json.dumps({"items": []}), encoding="utf-8")
    base = ["eval", str(gold), "--pdfs", str(pdfs)]
    code, out, err = invoke(tmp_path, *base, "--only", "northmoor-peel", "--only", "northmor-peel")
    assert (code, out) == (2, "")
    assert "no gold file 'northmor-peel' in" in err
    assert "did you mean northmoor-peel?" in err
    code, _, err = invoke(tmp_path, *base, "--only", "nosuchname")
    assert code == 2
    assert "no gold file 'nosuchname' in" in err
    assert "the names there are northmoor-peel" in err
    code, out, _ = invoke(tmp_path, *base, "--only", "northmoor-peel.json")
    assert code == 0
    assert "northmoor-peel.pdf" in out  # known, scored as missing its PDF


def test_bodies_unknown_lists_addressees_the_registry_does_not_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = (
        make_item("1", "The Kent Fire Safety Partnership should act.",
                  addressees=("Kent Fire Safety Partnership",)),
        make_item("2", "The partnership and the Home Office should act.",
                  addressees=("Kent Fire Safety Partnership", "home_office")),
        make_item("3", "The DfT should act.", addressees=("DfT", "Ofsted")),
    )  # fmt: skip
    monkeypatch.setattr(
        extract, "extract_pdf", lambda path, *_, **__: make_result(path.name, items)
    )
    monkeypatch.setattr(run, "extraction_settings", lambda _settings: {"stages": "fake"})
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    code, out, err = invoke(tmp_path, "bodies", "--unknown", "--json")
    assert code == 0
    assert err == ""
    assert json.loads(out) == {
        "unknown": [{"addressee": "Kent Fire Safety Partnership", "items": 2}]
    }
    code, out, _ = invoke(tmp_path, "bodies", "--unknown")
    assert out.split() == ["2", "Kent", "Fire", "Safety", "Partnership"]


COMMITTEE = (
    "hoc-home-affairs-committee-police-response-2024-summer-disorder-2025.pdf",
    "hoc-home-affairs-committee-summer-disorder-government-response-2025.pdf",
)


@pytest.fixture
def two_committee_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Two stored reports whose file names share their first 40 characters."""
    from dataclasses import replace

    def fake(path: Path, **_: object) -> DocumentResult:
        result = make_result(path.name)
        return replace(result, metadata=replace(result.metadata, title=path.stem))

    monkeypatch.setattr(extract, "extract_pdf", fake)
    monkeypatch.setattr(run, "extraction_settings", lambda _settings: {"stages": "fake"})
    pdfs = [fake_pdf(tmp_path / "in", name) for name in COMMITTEE]
    assert invoke(tmp_path, "run", *map(str, pdfs))[0] == 0
    return pdfs


@pytest.mark.usefixtures("two_committee_reports")
def test_items_shows_ids_and_whole_document_names(tmp_path: Path) -> None:
    code, out, _ = invoke(tmp_path, "items", "--json")
    ids = [item["id"] for item in json.loads(out)["items"]]
    code, out, _ = invoke(tmp_path, "items")
    assert code == 0
    for name in COMMITTEE:
        assert Path(name).stem in out
    for item_id in ids:
        assert item_id in out
    assert "…" not in out  # piped: nothing cut, one line per item
    assert len(out.splitlines()) == 2 + len(ids)


@pytest.mark.usefixtures("fake_extraction")
def test_items_accepts_the_short_kinds_it_prints(tmp_path: Path) -> None:
    invoke(tmp_path, "run", str(fake_pdf(tmp_path / "in", "r.pdf")))
    code, out, _ = invoke(tmp_path, "items", "--kind", "afi", "--json")
    assert code == 0
    assert [i["kind"] for i in json.loads(out)["items"]] == ["area_for_improvement"]
    code, out, _ = invoke(tmp_path, "export", "--kind", "rec", "--format", "json")
    assert code == 0
    kinds = {i["kind"] for d in json.loads(out)["documents"] for i in d["items"]}
    assert kinds == {"recommendation"}


def test_items_table_fits_the_terminal_and_never_cuts_names() -> None:
    from pipeline.render.tables import items_table

    text = "Chief constables should make sure that every report of stalking is recorded. " * 3
    rows = [
        {
            "id": f"3f2a9c1d0b7e:recommendation:{n}",
            "file": name,
            "kind": "recommendation",
            "number": str(n),
            "page_start": 3,
            "page_end": 4,
            "addressees": ["chief_constables", "Home Office"],
            "deadline": {"kind": "date", "date": "2024-10-31"},
            "text": text,
        }
        for n, name in enumerate(COMMITTEE, 1)
    ]
    for width in (100, 130, 200):
        table = items_table(rows, width)
        assert max(len(line) for line in table.splitlines()) <= width, width
        for row in rows:
            assert Path(str(row["file"])).stem in table
            assert str(row["id"]) in table
        assert table.count("recorded.") == 6  # wrapped, not cut


@pytest.mark.usefixtures("two_committee_reports")
def test_diff_document_takes_part_of_a_name_and_lists_candidates(tmp_path: Path) -> None:
    code, out, err = invoke(
        tmp_path, "diff", "--document", "police-response", "government-response", "--json"
    )
    assert (code, err) == (0, "")
    assert "police-response" in json.loads(out)["before"]
    code, out, err = invoke(tmp_path, "diff", "--document", "committee", "police-response")
    assert code == 1
    assert "'committee' matches 2 documents" in err
    for name in COMMITTEE:
        assert name in err


@pytest.mark.usefixtures("fake_extraction")
def test_run_progress_json_lines_for_schedulers(tmp_path: Path) -> None:
    pdfs = [str(fake_pdf(tmp_path / "in", name)) for name in ("a.pdf", "b.pdf", "c.pdf")]
    code, out, err = invoke(tmp_path, "run", *pdfs, "--progress", "json")
    assert code == 0
    assert "Documents: 3 (3 ok, 0 failed)" in out  # data stays on stdout
    lines = [json.loads(line) for line in err.splitlines()]
    assert [(x["event"], x["done"], x["total"]) for x in lines] == [
        ("document", n, 3) for n in (1, 2, 3)
    ]
    assert lines[-1]["pages"] == 30  # 10 pages each
    assert lines[-1]["eta_s"] == 0
    assert all(x["ok"] for x in lines)
    assert {"pages_per_s", "file"} <= set(lines[0])


def test_progress_bar_on_a_terminal_counts_documents_and_pages() -> None:
    from pipeline.common.outcome import Outcome
    from pipeline.common.progress import progress_reporter

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    with progress_reporter("auto", quiet) as report:
        assert report is None  # not a terminal: no bar
    terminal = Terminal()
    with progress_reporter("auto", terminal) as report:
        assert report is not None
        report(1, 2, Outcome(Path("a.pdf"), make_result("a.pdf")))
        report(2, 2, Outcome(Path("b.pdf"), make_result("b.pdf")))
    shown = terminal.getvalue()
    assert "2/2" in shown
    assert "pages/s" in shown
    assert "ETA" in shown
