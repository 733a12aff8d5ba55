"""The layout's rules, read from the source: no import cycles, click and requests in their homes.

Every ``import`` counts, including those inside functions and ``if TYPE_CHECKING:`` blocks, so a
cycle cannot hide behind a deferred import.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowops.cli import cli
from flowops.report import REPORTERS, formats

PACKAGE = Path(__file__).resolve().parent.parent / "flowops"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """Each name imported, with its line; ``from a import b`` is ``a.b`` when b is a module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full if full in MODULES else base), node.lineno


def internal(name: str) -> str | None:
    """The flowops module a dotted name lives in, or None outside flowops."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


GRAPH = {
    module: sorted(
        {t for name, _ in imported(module, path) if (t := internal(name)) and t != module}
    )
    for module, path in MODULES.items()
}


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_module_graph_is_read_from_every_kind_of_import() -> None:
    assert "flowops.cli.group" in GRAPH["flowops.cli.apply"]  # from flowops.cli.group import cli
    assert "flowops.paths" in GRAPH["flowops.cli.preview"]  # from flowops import paths
    assert len(MODULES) > 100


def test_no_import_cycle_between_flowops_modules() -> None:
    cycle = find_cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_a_deferred_import_still_counts_as_a_cycle() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": [], "c": ["a", "b"]}) is None


def users_of(library: str) -> set[str]:
    return {
        f"{module}:{line}"
        for module, path in MODULES.items()
        for name, line in imported(module, path)
        if name == library or name.startswith(library + ".")
    }


@pytest.mark.parametrize(
    ("library", "home"),
    [("click", "flowops.cli"), ("requests", "flowops.graph.client")],
)
def test_a_library_is_imported_only_in_its_home(library: str, home: str) -> None:
    outside = {
        where
        for where in users_of(library)
        if not (where.startswith(home + ":") or where.startswith(home + "."))
    }
    assert users_of(library), f"{library} is not imported anywhere: the scan is broken"
    assert not outside, f"{library} imported outside {home}: {sorted(outside)}"


@pytest.mark.parametrize(
    ("command", "kind"),
    [
        ("plan", "plan"),
        ("validate", "validation"),
        ("drift", "drift"),
        ("status", "status"),
        ("resolve", "resolve"),
    ],
)
def test_every_format_a_command_offers_comes_from_the_one_reporter_registry(
    command: str, kind: str
) -> None:
    option = next(p for p in cli.commands[command].params if p.name == "fmt")
    assert list(option.type.choices) == formats(kind)  # type: ignore[attr-defined]
    assert set(formats(kind)) == set(REPORTERS[kind])


def test_no_command_picks_its_output_by_comparing_the_format_itself() -> None:
    """``if fmt == "json"`` branches in a command bypass the registry."""
    branches = [
        f"{module}:{node.lineno}"
        for module, path in MODULES.items()
        if module.startswith("flowops.cli.")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "fmt"
    ]
    assert branches == []


DOC = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_the_architecture_page_names_every_package_and_only_modules_that_exist() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    packages.discard("contrib")
    assert {name for name in packages if f"`{name}`" not in DOC} == set()
    named = set(re.findall(r"`([a-z_/]+\.py)`", DOC))
    missing = {path for path in named if not _exists(path)}
    assert named and missing == set()


def _exists(path: str) -> bool:
    """A path as the page writes it: from the repository, from flowops/, or inside a package."""
    root = PACKAGE.parent
    return (root / path).exists() or (PACKAGE / path).exists() or any(PACKAGE.rglob(path))
