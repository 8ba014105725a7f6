"""Where recwatch reads and writes (the data directory, the database URL) and its settings.

Precedence: command-line flags, then environment (RECWATCH_DATA, RECWATCH_DB), then defaults
(`./data` under the current directory; the SQLite file `<data>/processed/recwatch.db`).
Nothing is ever written inside the installed package. The extraction settings are resolved
alike, by `pipeline.common.settings`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.common.settings import DEFAULTS, Settings, resolve_settings

DATA_ENV = "RECWATCH_DATA"
DB_ENV = "RECWATCH_DB"
DB_FILE = "recwatch.db"


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved locations and settings for one invocation."""

    data_dir: Path
    db_url: str
    settings: Settings = DEFAULTS

    @property
    def raw_dir(self) -> Path:
        """Directory of downloaded (raw) PDFs."""
        return self.data_dir / "raw"

    @property
    def samples_dir(self) -> Path:
        """Directory of the sample PDFs shipped with the project (default input of `run`)."""
        return self.raw_dir / "samples"

    @property
    def processed_dir(self) -> Path:
        """Directory of derived data (the default SQLite store lives here)."""
        return self.data_dir / "processed"


def db_url_from(value: str, cwd: Path) -> str:
    """Return a SQLAlchemy URL: URLs pass through, a bare path becomes an absolute sqlite URL."""
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = cwd / path
    return f"sqlite:///{path}"


def resolve(
    data_dir: Path | None = None,
    db: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Config:
    """Resolve the configuration (and its settings) from flags, then environment, then defaults."""
    env = os.environ if env is None else env
    cwd = Path.cwd() if cwd is None else cwd
    chosen_data = data_dir or (Path(env[DATA_ENV]) if env.get(DATA_ENV) else Path("data"))
    chosen_data = chosen_data.expanduser()
    if not chosen_data.is_absolute():
        chosen_data = cwd / chosen_data
    chosen_db = db or env.get(DB_ENV) or str(chosen_data / "processed" / DB_FILE)
    return Config(
        data_dir=chosen_data, db_url=db_url_from(chosen_db, cwd), settings=resolve_settings(env)
    )
