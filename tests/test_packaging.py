"""Packaging: what `pip install .` gives must run without the source tree, on Python 3.11 to 3.13.

Installing into a fresh environment is slow, so CI does that once (`.ci/run`, "pip install ."
step); these tests check the same promises from the files, fast:
- every package that heard imports at run time is declared in pyproject.toml (and base.in);
- the demo consultation lies inside the package and is listed in its package data;
- the Makefile, pyproject.toml and the tools agree on the supported Pythons, and `make` picks the
  newest one that actually runs.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from heard.cli import DEMO_FOLDER

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "heard"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SUPPORTED = ["3.11", "3.12", "3.13"]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    return {_normalise(Requirement(d).name) for d in PYPROJECT["project"]["dependencies"]}


def _type_checking_only(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> set[str]:
    """Top-level names of absolute imports, leaving out `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        pending.extend(ast.iter_child_nodes(node))
    return found


def _runtime_imports() -> dict[str, list[str]]:
    """Each third-party top-level module heard needs at run time, with the files that need it.

    Imports, and the dotted paths in settings.py that Django imports by name (middleware,
    storages: `whitenoise.middleware...`)."""
    distributions = packages_distributions()
    needed: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = _imports(tree)
        if path.name == "settings.py":
            names |= {
                node.value.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"[a-z_][a-z0-9_]*(\.[A-Za-z_]\w*)+", node.value)
                and node.value.split(".")[0] in distributions
            }
        for name in names - set(sys.stdlib_module_names) - {"heard", "__future__"}:
            needed.setdefault(name, []).append(str(path.relative_to(ROOT)))
    return needed


def test_every_runtime_import_is_a_declared_dependency() -> None:
    distributions = packages_distributions()
    declared = _declared()
    missing = {}
    for module, files in sorted(_runtime_imports().items()):
        owners = {_normalise(d) for d in distributions.get(module, [])}
        assert owners, f"{module} (imported by {files[0]}) is not installed at all"
        if not owners & declared:
            missing[module] = (sorted(owners), files[:3])
    assert missing == {}, "imported at run time, missing from [project.dependencies]"


def test_pyproject_and_base_in_name_the_same_packages() -> None:
    """base.in feeds the lock (`make lock`); pyproject.toml feeds `pip install .`."""
    base_in = set()
    for line in (ROOT / "requirements" / "base.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            base_in.add(_normalise(Requirement(line).name))
    assert base_in == _declared()


def test_the_demo_ships_inside_the_package() -> None:
    assert DEMO_FOLDER.is_relative_to(PACKAGE)
    files = sorted(p for p in DEMO_FOLDER.rglob("*") if p.is_file())
    assert {"consultation.yaml", "codebook.yaml", "questionnaire.xlsx"} <= {p.name for p in files}
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["heard"]
    packaged = {p for pattern in patterns for p in PACKAGE.glob(pattern)}
    assert [p for p in files if p not in packaged] == []


def test_python_m_heard_examples_prints_the_demo_folder() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "heard.examples"], capture_output=True, text=True, check=True
    ).stdout
    assert Path(printed.strip()) == DEMO_FOLDER
    assert (DEMO_FOLDER / "codebook.yaml").is_file()


def test_the_supported_pythons_agree() -> None:
    requires = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert [v for v in ("3.10", *SUPPORTED, "3.14") if v in requires] == SUPPORTED
    assert PYPROJECT["tool"]["mypy"]["python_version"] == SUPPORTED[0]
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py" + SUPPORTED[0].replace(".", "")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^SUPPORTED := (.*)$", makefile, re.M)[1].split() == SUPPORTED[::-1]


# --- `make` picks an interpreter ---------------------------------------------------------------


def _make(*args: str, path: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # Variables given to an outer `make test PYTHON=...` reach a sub-make through MAKEFLAGS.
        if k not in {"PYTHON", "VENV", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "MAKELEVEL"}
    }
    env["PATH"] = path
    return subprocess.run(
        [shutil.which("make") or "make", "-s", "-f", str(ROOT / "Makefile"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


@needs_make
def test_make_picks_the_newest_python_that_runs(tmp_path: Path) -> None:
    # A pyenv shim for a version that is not installed: on PATH, but it fails.
    _script(tmp_path / "python3.13", 'echo "pyenv: python3.13: command not found" >&2; exit 127')
    for version in ("3.12", "3.11"):  # stand-ins that run (this interpreter is 3.11 to 3.13)
        _script(tmp_path / f"python{version}", f'exec "{sys.executable}" "$@"')
    system = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
    chosen = _make("python", path=f"{tmp_path}{os.pathsep}{system}")
    assert chosen.stdout.strip() == str(tmp_path / "python3.12"), chosen.stderr


@needs_make
def test_make_names_the_supported_versions_when_python_does_not_fit(tmp_path: Path) -> None:
    old = _script(tmp_path / "python3.10", "exit 1")  # what the version check gets from 3.10
    venv = tmp_path / "venv"
    result = _make(f"{venv}/bin/python", f"VENV={venv}", f"PYTHON={old}", path=os.environ["PATH"])
    assert result.returncode != 0
    assert "Heard needs Python 3.11, 3.12 or 3.13" in result.stdout + result.stderr
    assert not venv.exists()
