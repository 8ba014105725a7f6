"""The import graph of the project: no module imports itself back, and the layers point one way.

Every import counts, lazy ones inside functions and those under TYPE_CHECKING too: a loop that
only a lazy import hides is still a loop a reader must untangle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "extractors", "models")
RECORDS = {"models", "models.records"}  # what extractors/ may take from models/


def _modules(root: Path) -> dict[str, Path]:
    """Map each module name of the project's packages to its file."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imported(node: ast.AST) -> Iterator[str]:
    """The dotted names an import statement may refer to (a module or a name in one)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        yield node.module
        yield from (f"{node.module}.{alias.name}" for alias in node.names)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Map each project module to the project modules it imports anywhere in its text."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _imported(node):
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_cycle_finder_finds_a_loop_and_only_loops() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "__init__.py").write_text("")
    (tmp_path / "pipeline" / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pipeline.b import X\n"
    )
    (tmp_path / "pipeline" / "b.py").write_text("def f():\n    from pipeline import a\n")
    assert cycles(import_graph(tmp_path)) == [["pipeline.a", "pipeline.b"]]


def test_no_module_of_the_project_imports_itself_back() -> None:
    loops = cycles(import_graph(REPO))
    assert loops == [], f"import loops: {loops}; move what both sides need into a lower module"


def test_extractors_import_nothing_of_pipeline_and_only_the_records_of_models() -> None:
    graph = import_graph(REPO)
    wrong = {
        (name, target)
        for name, targets in graph.items()
        if name.startswith("extractors")
        for target in targets
        if target.startswith("pipeline") or (target.startswith("models") and target not in RECORDS)
    }
    assert wrong == set(), f"extractors/ sits below pipeline/ and models' tables: {sorted(wrong)}"


def test_models_import_nothing_of_pipeline() -> None:
    graph = import_graph(REPO)
    wrong = sorted(
        (name, target)
        for name, targets in graph.items()
        if name.startswith("models")
        for target in targets
        if target.startswith("pipeline")
    )
    assert wrong == [], f"models/ sits below pipeline/: {wrong}"


# pipeline/'s rooms, top to bottom: a module may import its own room and the rooms below it.
LAYERS = ("cli", "review", "render", "evaluate", "run", "acquire", "store", "common")


def _room(module: str) -> str | None:
    """The sub-package of pipeline/ a module sits in (None outside pipeline/ or at its top)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "pipeline" and len(parts) > 2 else None


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """The imports that run from a lower room of pipeline/ up to a higher one."""
    rank = {room: level for level, room in enumerate(LAYERS)}
    found = []
    for name, targets in graph.items():
        room = _room(name)
        for target in targets:
            other = _room(target)
            if room in rank and other in rank and rank[other] < rank[room]:
                found.append((name, target))
    return sorted(found)


def test_the_layer_check_finds_an_import_that_runs_up() -> None:
    graph = {"pipeline.store.load": {"pipeline.run.extract", "pipeline.common.errors"}}
    assert upward(graph) == [("pipeline.store.load", "pipeline.run.extract")]
    assert upward({"pipeline.cli.main": {"pipeline.store.load"}}) == []


def test_every_module_of_pipeline_sits_in_a_room() -> None:
    loose = sorted(
        name
        for name in import_graph(REPO)
        if name.startswith("pipeline.")
        and name.count(".") == 1
        and name not in ("pipeline.__main__",)
        and name.split(".")[1] not in LAYERS
    )
    assert loose == [], (
        f"put each module in the room for its concern ({', '.join(LAYERS)}): {loose}"
    )


def test_the_rooms_of_pipeline_point_one_way() -> None:
    wrong = upward(import_graph(REPO))
    assert wrong == [], f"cli -> the rest -> store -> common; these point back up: {wrong}"
