"""The one-way layers (pyproject.toml [tool.importlinter], docs/architecture.md) hold, imports inside
functions included, and no import cycle remains anywhere in the package."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

pytest.importorskip("importlinter", reason="import-linter is a test dependency: pip install -e '.[test]'")


def _lint_imports(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # The package is imported from `cwd` (the checkout), whatever is installed.
    env = dict(os.environ, PYTHONPATH=str(cwd))
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


def test_the_layer_contracts_are_kept():
    result = _lint_imports(ROOT, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_every_module_is_in_a_layer():
    # `exhaustive = true` makes lint-imports fail on a module no layer names; check it is set, and
    # that the layers name only modules that exist.
    import tomllib

    contract = next(c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    assert contract["exhaustive"] is True
    named = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    package = ROOT / "stylecheck"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }
    assert named == modules


def test_the_architecture_page_places_every_module_in_its_layer():
    # The table in docs/architecture.md lists, row by row from the top, the modules of each layer
    # group; a module moved or added in pyproject.toml must move or appear there too.
    import re
    import tomllib

    contract = next(c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    named = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d)\. [^|]+\| ([^|]+) \|", page, re.M)
    assert [int(n) for n, _ in rows] == list(range(9, 0, -1))
    documented = {name.strip("`/ ") for _, cell in rows for name in cell.split(",")}
    assert documented == named
    # and in the contract's order: a module's row is never above a module of a higher layer
    row_of = {name.strip("`/ "): int(n) for n, cell in rows for name in cell.split(",")}
    order = [row_of[name.strip()] for layer in contract["layers"] for name in layer.split("|")]
    assert order == sorted(order, reverse=True)


def test_no_import_cycle_remains_counting_imports_inside_functions():
    import grimp

    graph = grimp.build_graph("stylecheck", include_external_packages=False, cache_dir=None)
    modules = sorted(graph.modules)
    # Tarjan's strongly connected components: a component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported == "stylecheck":  # the package root holds only the version and check()
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in modules:
        if module not in index and module != "stylecheck":
            visit(module)
    assert cycles == []


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    """The check can fail: a lower module importing a higher one, even inside a function."""
    package = tmp_path / "layered"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text(textwrap.dedent("""\
        def late():
            from . import high  # upward, and only inside a function
            return high
    """))
    (package / "high.py").write_text("from . import low\n")
    (tmp_path / ".importlinter").write_text(textwrap.dedent("""\
        [importlinter]
        root_package = layered

        [importlinter:contract:layers]
        name = one way
        type = layers
        layers =
            layered.high
            layered.low
    """))
    result = _lint_imports(tmp_path, "--no-cache")
    assert result.returncode == 1
    assert "layered.low is not allowed to import layered.high" in result.stdout
