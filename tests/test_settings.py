"""Settings in one place: resolved once (options, environment, defaults), passed down, recorded."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.errors import ExtractionError
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.cli.main import cli
from pipeline.common.errors import PipelineError
from pipeline.common.settings import DEFAULTS, Settings, resolve_settings
from pipeline.run.cache import code_fingerprint, text_layer_key
from pipeline.run.extract import extraction_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "raw" / "samples").glob("*.pdf"))[:2]


def _environment_reads(path: Path) -> list[str]:
    """Every `os.environ`, `os.getenv`, `environ` or `getenv` a module names, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = None
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            name = node.attr
        elif isinstance(node, ast.Name) and node.id in ("environ", "getenv", "environb"):
            name = node.id
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            names = {a.name for a in node.names}
            name = next(iter(names & {"environ", "getenv", "environb"}), None)
        if name is not None:
            found.append((getattr(node, "lineno", 0), name))
    return [f"{path.name}:{line} {name}" for line, name in sorted(found)]


def test_extractors_read_no_environment_variable() -> None:
    reads = [
        hit
        for path in sorted((ROOT / "extractors").rglob("*.py"))
        for hit in _environment_reads(path)
    ]
    assert reads == [], "extractors receive ExtractorSettings instead of reading the environment"


def test_the_environment_check_finds_each_way_of_reading(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text(
        "import os\nfrom os import getenv\nA = os.environ.get('X')\nB = getenv('Y')\n",
        encoding="utf-8",
    )
    assert _environment_reads(module) == [
        "probe.py:2 getenv",
        "probe.py:3 environ",
        "probe.py:4 getenv",
    ]


def test_defaults_without_environment() -> None:
    assert resolve_settings(env={}) == DEFAULTS
    assert DEFAULTS.extractors == DEFAULT_SETTINGS == ExtractorSettings()


def test_environment_then_options(tmp_path: Path) -> None:
    extra = tmp_path / "bodies.json"
    env = {
        "RECWATCH_TEXT_ENGINE": " PDFPlumber ",
        "RECWATCH_PDFIUM_NATIVE": "0",
        "RECWATCH_BODIES": str(extra),
        "RECWATCH_OCR_LANGUAGE": "eng+cym",
    }
    from_env = resolve_settings(env=env)
    assert from_env == Settings(ExtractorSettings("pdfplumber", False, extra.resolve()), "eng+cym")
    chosen = resolve_settings(env=env, text_engine="pdfium", native=True, ocr_language="cym")
    assert chosen.extractors.text_engine == "pdfium"
    assert chosen.extractors.native is True
    assert chosen.ocr_language == "cym"


def test_an_unknown_engine_names_the_variable_and_the_choices() -> None:
    with pytest.raises(
        PipelineError,
        match=r"RECWATCH_TEXT_ENGINE names an unknown text engine 'mupdf'.*pdfium, pdfplumber",
    ):
        resolve_settings(env={"RECWATCH_TEXT_ENGINE": "mupdf"})
    with pytest.raises(ExtractionError, match="'mupdf' is not one recwatch knows"):
        ExtractorSettings(text_engine="mupdf")


def test_every_setting_is_recorded_with_the_run(tmp_path: Path) -> None:
    extra = tmp_path / "bodies.json"
    extra.write_text('{"bodies": []}', encoding="utf-8")
    settings = Settings(ExtractorSettings("pdfplumber", False, extra), "eng+cym")
    recorded = json.loads(json.dumps(extraction_settings(settings)))  # JSON-ready
    assert recorded["text_engine"] == "pdfplumber"
    assert recorded["pdfium_native"] is False
    assert recorded["bodies_file"] == str(extra)
    assert len(recorded["bodies_sha256"]) == 64
    assert recorded["ocr_language"] == "eng+cym"
    assert extraction_settings()["bodies_file"] is None


def test_engine_and_aliases_file_key_the_cache(tmp_path: Path) -> None:
    one, other = tmp_path / "one.json", tmp_path / "other.json"
    one.write_text('{"bodies": []}', encoding="utf-8")
    other.write_text('{"bodies": [{"id": "x", "name": "X", "kind": "other"}]}', encoding="utf-8")
    keys = {
        code_fingerprint(DEFAULT_SETTINGS),
        code_fingerprint(ExtractorSettings(text_engine="pdfplumber")),
        code_fingerprint(ExtractorSettings(bodies_file=one)),
        code_fingerprint(ExtractorSettings(bodies_file=other)),
    }
    assert len(keys) == 4
    assert code_fingerprint(ExtractorSettings(native=False)) == code_fingerprint(DEFAULT_SETTINGS)
    assert text_layer_key("pdfium") != text_layer_key("pdfplumber")


def test_workers_receive_the_settings() -> None:
    from pipeline.run.budget import Budget
    from pipeline.run.schedule import extract_many

    settings = Settings(ExtractorSettings(text_engine="pdfplumber", native=False), "cym")
    outcomes = extract_many(SAMPLES, jobs=2, budget=Budget(), settings=settings)
    for outcome in outcomes:
        assert outcome.result is not None, outcome.error
        recorded = dict(outcome.result.settings)  # written in the worker
        assert recorded["text_engine"] == '"pdfplumber"'
        assert recorded["pdfium_native"] == "false"
        assert recorded["ocr_language"] == '"cym"'


def test_the_environment_still_sets_a_run(tmp_path: Path) -> None:
    extra = tmp_path / "bodies.json"
    extra.write_text('{"bodies": [{"id": "x_body", "name": "X Body", "kind": "other"}]}')
    env = {"RECWATCH_TEXT_ENGINE": "pdfplumber", "RECWATCH_BODIES": str(extra)}
    data = ["--data-dir", str(tmp_path / "data")]
    runner = CliRunner(env=env)
    ran = runner.invoke(cli, [*data, "run", str(SAMPLES[0]), "--jobs", "1", "--progress", "none"])
    assert ran.exit_code == 0, ran.output
    [run] = json.loads(runner.invoke(cli, [*data, "runs", "--json"]).stdout)["runs"]
    assert run["settings"]["text_engine"] == "pdfplumber"
    assert run["settings"]["bodies_file"] == str(extra.resolve())
    listed = runner.invoke(cli, [*data, "bodies", "x body", "--json"])
    assert listed.exit_code == 0, listed.output
    assert "x_body" in listed.stdout
    wrong = CliRunner(env={"RECWATCH_TEXT_ENGINE": "mupdf"}).invoke(cli, [*data, "bodies"])
    assert wrong.exit_code == 1
    assert "RECWATCH_TEXT_ENGINE names an unknown text engine 'mupdf'" in wrong.stderr
