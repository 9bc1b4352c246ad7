"""The house's shape, checked on the source (issue #11 «One house»), without importing anything:

- no import cycle among the modules of ``workbench`` (imports inside functions count too: a late
  import hides a cycle, it does not remove it);
- no module uses another module's private name (``from x import _name``, ``x._name``);
- the services own the transaction: nothing in ``workbench/web`` or ``workbench/commands`` commits or
  rolls back (``services/transaction.py``);
- the law and the appeal are pure: neither they nor anything they import reaches Flask, the database
  or the services.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"
PURE = ("workbench.law", "workbench.appeal")
#: what the pure packages may not reach, directly or through another workbench module
IMPURE_EXTERNAL = ("flask", "flask_login", "flask_wtf", "werkzeug", "sqlalchemy", "sqlmodel", "alembic")
IMPURE_INTERNAL = ("workbench.db", "workbench.services", "workbench.web", "workbench.commands", "workbench.app")


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    internal: set[str] = field(default_factory=set)  # workbench modules it imports
    external: set[str] = field(default_factory=set)  # top-level names of other packages it imports
    aliases: dict[str, str] = field(default_factory=dict)  # local name → workbench module


def _name_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _name_of(path)
        found[name] = Module(name, path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
    for mod in found.values():
        _read_imports(mod, found)
    return found


def _owner(name: str, known: dict[str, Module]) -> str | None:
    """The workbench module ``name`` is, or is in (``workbench.db.models.Case`` → ``workbench.db.models``)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _read_imports(mod: Module, known: dict[str, Module]) -> None:
    package = mod.name if mod.path.name == "__init__.py" else mod.name.rpartition(".")[0]
    for node in ast.walk(mod.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                owner = _owner(alias.name, known) if alias.name.startswith("workbench") else None
                if owner:
                    mod.internal.add(owner)
                    if alias.asname:
                        mod.aliases[alias.asname] = alias.name
                else:
                    mod.external.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            if not base.startswith("workbench"):
                mod.external.add(base.split(".")[0])
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                owner = full if full in known else _owner(base, known)
                if owner:
                    mod.internal.add(owner)
                if full in known:
                    mod.aliases[alias.asname or alias.name] = full
    mod.internal.discard(mod.name)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_checker_reads_the_package():
    mods = modules()
    assert "workbench.services.cases" in mods and "workbench.law" in mods
    assert "workbench.db.models" in mods["workbench.db.appeal_models"].internal
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle():
    graph = {name: mod.internal for name, mod in modules().items()}
    cycles = _cycles(graph)
    described = ["; ".join(f"{a} → {b}" for a in cycle for b in sorted(graph[a] & set(cycle))) for cycle in cycles]
    assert not cycles, "import cycles:\n" + "\n".join(described)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_uses_another_modules_private_name():
    problems = []
    for mod in modules().values():
        rel = mod.path.relative_to(ROOT)
        for node in ast.walk(mod.tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbench"):
                for alias in node.names:
                    if _private(alias.name):
                        problems.append(f"{rel}:{node.lineno}: from {node.module} import {alias.name}")
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                value, chain = node.value, []
                while isinstance(value, ast.Attribute):
                    chain.append(value.attr)
                    value = value.value
                if isinstance(value, ast.Name) and value.id in mod.aliases:
                    target = ".".join([mod.aliases[value.id], *reversed(chain)])
                    if target != mod.name:
                        problems.append(f"{rel}:{node.lineno}: {target}.{node.attr}")
    assert not problems, "private names used across modules:\n" + "\n".join(problems)


@pytest.mark.parametrize("area", ["web", "commands"])
def test_routes_and_commands_never_commit_or_roll_back(area: str):
    problems = []
    for mod in modules().values():
        if not mod.name.startswith(f"workbench.{area}"):
            continue
        for node in ast.walk(mod.tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("commit", "rollback")):
                problems.append(f"{mod.path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}()")
    assert not problems, ("a service function is the transaction (services/transaction.py); found:\n"
                          + "\n".join(problems))


def _reach(start: str) -> dict[str, list[str]]:
    """Every workbench module ``start`` imports, directly or not, with the path that reaches it."""
    mods = modules()
    paths = {start: [start]}
    todo = [start]
    while todo:
        current = todo.pop()
        for dep in sorted(mods[current].internal):
            if dep not in paths:
                paths[dep] = [*paths[current], dep]
                todo.append(dep)
    return paths


@pytest.mark.parametrize("package", PURE)
def test_the_law_and_the_appeal_import_neither_flask_nor_the_database(package: str):
    problems = []
    for name in sorted(modules()):
        if name != package and not name.startswith(package + "."):
            continue
        for reached, path in _reach(name).items():
            chain = " → ".join(path)
            if any(reached == bad or reached.startswith(bad + ".") for bad in IMPURE_INTERNAL):
                problems.append(chain)
            for ext in sorted(modules()[reached].external & set(IMPURE_EXTERNAL)):
                problems.append(f"{chain} → {ext}")
    assert not problems, "\n".join(sorted(set(problems)))
