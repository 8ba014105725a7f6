"""Every third-party package the code imports is declared in pyproject.toml."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import name -> distribution name, where the two differ.
DISTRIBUTION = {
    "docx": "python-docx",
    "pdfminer": "pdfminer.six",
    "sklearn": "scikit-learn",
    "psycopg": "psycopg",
    "PIL": "pillow",
}
OURS = {"pipeline", "extractors", "models"}


def _imported_top_levels() -> set[str]:
    """The top-level modules imported anywhere in the three packages."""
    found: set[str] = set()
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module.split(".")[0])
    return found


def _declared() -> set[str]:
    """Distribution names in dependencies and every extra, lower-cased."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return {re.split(r"[<>=\[ ;]", spec, maxsplit=1)[0].lower() for spec in specs}


def test_every_imported_package_is_declared() -> None:
    third_party = _imported_top_levels() - OURS - set(sys.stdlib_module_names)
    missing = {DISTRIBUTION.get(name, name).lower() for name in third_party} - _declared()
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
