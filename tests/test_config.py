"""Configuration precedence: flags, then environment, then defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.common.config import db_url_from, resolve


def test_defaults_live_under_data_in_the_current_directory(tmp_path: Path) -> None:
    config = resolve(env={}, cwd=tmp_path)
    assert config.data_dir == tmp_path / "data"
    assert config.samples_dir == tmp_path / "data" / "raw" / "samples"
    assert config.db_url == f"sqlite:///{tmp_path}/data/processed/recwatch.db"


def test_environment_overrides_defaults(tmp_path: Path) -> None:
    env = {"RECWATCH_DATA": "elsewhere", "RECWATCH_DB": "postgresql://u@h/reg"}
    config = resolve(env=env, cwd=tmp_path)
    assert config.data_dir == tmp_path / "elsewhere"
    assert config.db_url == "postgresql://u@h/reg"


def test_data_dir_env_moves_the_default_db(tmp_path: Path) -> None:
    config = resolve(env={"RECWATCH_DATA": str(tmp_path / "d")}, cwd=Path("/"))
    assert config.db_url == f"sqlite:///{tmp_path}/d/processed/recwatch.db"


def test_flags_override_environment(tmp_path: Path) -> None:
    env = {"RECWATCH_DATA": "/env/data", "RECWATCH_DB": "sqlite:////env.db"}
    config = resolve(data_dir=Path("flag"), db="my.db", env=env, cwd=tmp_path)
    assert config.data_dir == tmp_path / "flag"
    assert config.db_url == f"sqlite:///{tmp_path}/my.db"


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("sqlite:///rel.db", "sqlite:///rel.db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("/abs/x.db", "sqlite:////abs/x.db"),
        ("rel/x.db", "sqlite:////work/rel/x.db"),
    ],
)
def test_db_accepts_urls_and_bare_paths(value: str, url: str) -> None:
    assert db_url_from(value, Path("/work")) == url


def test_cli_reads_environment_and_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECWATCH_DATA", str(tmp_path / "env-data"))
    result = CliRunner().invoke(cli, ["items"])
    assert f"no store at {tmp_path}/env-data/processed/recwatch.db" in result.stderr
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "flag.db"), "items"])
    assert f"no store at {tmp_path}/flag.db" in result.stderr
