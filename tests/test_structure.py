"""The product's code stays readable: no function over 80 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Every module of the product; not the migrations' applied schema history, which stores that
# have run it depend on as written.
MODULES = sorted(
    str(path.relative_to(ROOT))
    for package in ("extractors", "pipeline", "models")
    for path in (ROOT / package).rglob("*.py")
    if "versions" not in path.relative_to(ROOT).parts
)


@pytest.mark.parametrize("module", MODULES)
def test_no_function_is_longer_than_80_lines(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 80
    ]
    assert long == [], f"{module}: split these functions"
