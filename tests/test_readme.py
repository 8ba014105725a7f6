"""The README's quick start is exactly `make run` and `make test`, and `make run` works."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "raw" / "samples"


def _quick_start() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.DOTALL)
    assert block, "the Quick start section has no code block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def _make_target(name: str) -> list[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{name}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert match, f"Makefile has no {name} target"
    return [line.strip() for line in match.group(1).splitlines()]


def test_quick_start_is_exactly_the_two_commands() -> None:
    assert _quick_start() == ["make run", "make test"]


def test_make_run_runs_recwatch_run_without_arguments() -> None:
    assert _make_target("run")[-1] == "$(BIN)/recwatch run"


def test_ci_runs_make_test() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    assert script.rstrip().endswith("make test")


def test_make_run_equivalent_loads_the_shipped_samples(tmp_path: Path) -> None:
    samples = sorted(p.name for p in SAMPLES.glob("*.pdf"))
    assert len(samples) >= 2, "data/raw/samples/ must ship the sample PDFs (make samples)"
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "samples").symlink_to(SAMPLES, target_is_directory=True)
    result = CliRunner().invoke(cli, ["--data-dir", str(data), "run"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"Documents: {len(samples)} ({len(samples)} ok, 0 failed)" in out
    items = int(re.search(r"^Items: (\d+) \(", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert items > 0
    assert re.search(r"^Items with deadlines: [1-9]", out, re.MULTILINE)
    assert (data / "processed" / "recwatch.db").is_file()
    assert result.stderr == ""
    again = CliRunner().invoke(cli, ["--data-dir", str(data), "run"])
    assert again.exit_code == 0, again.output
    assert f"New item versions: 0 ({items} unchanged)" in again.stdout
