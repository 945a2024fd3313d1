"""Imports run one way, as ARCHITECTURE.md draws the house: file -> scenario -> engine (which
calls sim) -> present -> a front end (ui, text, classroom); records listens to the Session;
commands wire them. Read from the source with `ast` (every import, at the top or inside a
function), so a cycle or a backward arrow fails here before anyone trips over it at run time.
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"

CORE = {"scenario", "sim", "engine"}
# What each part of game/ may import of the others (ARCHITECTURE.md). A part not listed here
# fails the test until it is given its place.
MAY_IMPORT = {
    "scenario": set(),
    "sim": {"scenario"},
    "engine": {"scenario", "sim"},
    "authoring": CORE,
    "present": CORE | {"authoring"},
    "records": CORE | {"present"},
    "classroom": {"scenario", "engine", "present", "records"},
    "text": {"scenario", "engine", "present"},
    "ui": {"scenario", "engine", "present", "records", "classroom"},
    "bench": CORE | {"authoring", "present", "records", "ui"},
    "commands": CORE | {"authoring", "present", "records", "classroom", "text", "ui", "bench"},
    "cli": {"commands"},
}
NO_PYGAME = ("scenario", "sim", "engine", "present", "authoring", "records", "text", "classroom")
FRONT_ENDS = ("ui", "text", "classroom")   # they read the Session and game.present, never the model


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=None)
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(GAME.rglob("*.py"))}


@lru_cache(maxsize=None)
def tree(name: str) -> ast.Module:
    return ast.parse(modules()[name].read_text(encoding="utf-8"))


def type_checking_only(module: ast.Module) -> set[int]:
    """Lines of imports under `if TYPE_CHECKING:` (never run, so never a cycle)."""
    lines = set()
    for node in ast.walk(module):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            lines |= {inner.lineno for inner in ast.walk(node) if isinstance(inner, (ast.Import, ast.ImportFrom))}
    return lines


def imports(name: str) -> list[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for each import `name` makes."""
    found, package = [], name if modules()[name].name == "__init__.py" else name.rpartition(".")[0]
    skip = type_checking_only(tree(name))
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import) and node.lineno not in skip:
            found += [(alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.lineno not in skip:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found += [(base, alias.name, node.lineno) for alias in node.names]
    return found


def target(module: str, taken: str | None) -> str | None:
    """The module of game/ an import reaches (`from game.ui.scenes import play` reaches the
    play package), or None for anything outside game/."""
    if taken is not None and f"{module}.{taken}" in modules():
        return f"{module}.{taken}"
    while module and module not in modules():
        module = module.rpartition(".")[0]
    return module or None


@lru_cache(maxsize=None)
def graph() -> dict[str, set[str]]:
    edges = {}
    for name in modules():
        reached = {target(module, taken) for module, taken, _ in imports(name)}
        reached |= {package for other in reached if other for package in packages_run(name, other)}
        edges[name] = {other for other in reached if other and other != name}
    return edges


def packages_run(importer: str, imported: str) -> list[str]:
    """The packages whose __init__ runs first when `importer` imports `imported`: every
    package above it that is not also above the importer (those already ran). Importing
    `game.ui.scenes.play.effects` from outside runs `game/ui/scenes/play/__init__.py`, and a
    circle through that file breaks an import as surely as one through the module itself."""
    own = set(_above(importer))
    return [package for package in _above(imported) if package not in own and package in modules()]


def _above(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]


def part(name: str) -> str:
    return name.split(".")[1] if name.count(".") else ""


def test_every_part_of_game_has_its_place_in_the_house():
    parts = {part(name) for name in modules() if part(name)}
    parts = {p for p in parts if (GAME / p).is_dir() or p == "cli"}
    assert parts <= set(MAY_IMPORT), f"give {sorted(parts - set(MAY_IMPORT))} a place in MAY_IMPORT and ARCHITECTURE.md"


def test_imports_only_run_the_way_the_architecture_draws():
    wrong = []
    for name, reached in graph().items():
        own = part(name)
        if own not in MAY_IMPORT:
            continue
        for other in reached:
            theirs = part(other)
            if theirs and theirs != own and theirs not in MAY_IMPORT[own]:
                wrong.append(f"{name} imports {other} ({own} -> {theirs})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_two_modules_import_each_other_directly_or_in_a_circle():
    cycles = strongly_connected(graph())
    assert not cycles, "\n".join(" -> ".join(sorted(cycle)) for cycle in cycles)


@pytest.mark.parametrize("part_name", NO_PYGAME)
def test_only_the_window_draws(part_name):
    drawing = [f"{name}:{line}" for name in modules() if part(name) == part_name
               for module, _, line in imports(name) if module.split(".")[0] == "pygame"]
    assert not drawing, f"{part_name} imports pygame: {drawing}"


@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_front_ends_read_the_session_and_present_never_the_model(front_end):
    reaching = [f"{name} imports {other}" for name in modules() if part(name) == front_end
                for other in graph()[name] if part(other) == "sim"]
    assert not reaching, reaching


def test_names_are_imported_only_from_modules_that_export_them():
    wrong = []
    for name in modules():
        for module, taken, line in imports(name):
            reached = target(module, taken)
            if taken is None or taken == "*" or reached is None or reached == f"{module}.{taken}":
                continue
            if reached != module:
                continue   # a name from outside game/ that happens to share a prefix
            exported = exports(reached)
            if taken.startswith("_") and not taken.startswith("__"):
                wrong.append(f"{name}:{line} takes the private {taken} from {reached}")
            elif exported is not None and taken not in exported:
                wrong.append(f"{name}:{line} takes {taken} from {reached}, whose __all__ leaves it out")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("reader", FRONT_ENDS + ("present",))
def test_front_ends_take_from_the_engine_only_what_it_exports(reader):
    """The Session's package is the one door (`game.engine.__all__`): a name a front end needs
    is exported there, not taken from the module that happens to define it."""
    door = exports("game.engine") or set()
    wrong = [f"{name}:{line} takes {taken} from {reached}"
             for name in modules() if part(name) == reader
             for module, taken, line in imports(name)
             if (reached := target(module, taken)) and part(reached) == "engine" and taken not in door
             and reached != f"{module}.{taken}"]
    assert not wrong, "\n".join(wrong)


def exports(name: str) -> set[str] | None:
    """A module's __all__, when it declares one."""
    for node in tree(name).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return None


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """The import cycles: Tarjan's strongly connected components of more than one module."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.add(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in list(edges):
        if node not in index:
            visit(node)
    return found
