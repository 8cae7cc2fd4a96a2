"""The `heard` command sits above every app: no module of Heard imports it back.

import-linter checks the layers in CI (`make lint`); this test reads every module's imports
itself, so the cycle heard.cli -> heard.analysis.commands -> heard.cli cannot come back unnoticed
in a plain `make test` either.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "heard"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_module_imports_the_command_line() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        # heard.cli itself, and entry points run as `python -m ...`, which nothing imports.
        if path == PACKAGE / "cli.py" or path.name == "__main__.py" or "migrations" in path.parts:
            continue
        if any(m == "heard.cli" or m.startswith("heard.cli.") for m in _imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_layer_contract_puts_the_command_line_on_top() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    )
    assert layers[0] == "heard.cli"
