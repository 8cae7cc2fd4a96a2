"""Human-editable source files (YAML) read with line numbers, and errors that point into them.

Scalars stay strings except null and true/false: YAML 1.1 would otherwise turn `09:00` into a
number and `no` into False. Types are then checked by the schema of whoever reads the file, and
each problem is reported with its file, field path and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}, field {self.field or '(whole file)'}: {self.reason}"


class SourceError(Exception):
    """One or more problems in source files; nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _StringsLoader(yaml.SafeLoader):
    """SafeLoader that resolves only null and true/false; everything else stays a string."""


_StringsLoader.yaml_implicit_resolvers = {}
_StringsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StringsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


def field_name(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class SourceFile:
    path: Path
    label: str  # how the file is named in messages
    data: Any
    lines: dict[Path_, int]

    def line_of(self, path: Path_) -> int | None:
        # The deepest known ancestor: a missing key is reported at its parent's line.
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def problem(self, path: Path_, reason: str) -> Problem:
        return Problem(self.label, field_name(path), self.line_of(path), reason)

    def parse(self, schema: type[BaseModel]) -> Any:
        try:
            return schema.model_validate(self.data if self.data is not None else {})
        except ValidationError as error:
            raise SourceError(
                self.problem(tuple(e["loc"]), _reason(e)) for e in error.errors()
            ) from None


def _reason(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (check its spelling)"
    if error["type"] == "missing":
        return "required field is missing"
    message: str = error["msg"]
    return message.removeprefix("Value error, ")


def _line_map(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            lines[child] = key_node.start_mark.line + 1
            _line_map(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*path, index), lines)


def read_yaml(path: Path, label: str | None = None) -> SourceFile:
    label = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError([Problem(label, "", None, "file not found")]) from None
    except UnicodeDecodeError as error:
        raise SourceError([Problem(label, "", None, f"not UTF-8 text ({error.reason})")]) from None
    try:
        node = yaml.compose(text, Loader=_StringsLoader)
        data = yaml.load(text, Loader=_StringsLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        reason = f"not valid YAML: {error.problem}"
        raise SourceError([Problem(label, "", line, reason)]) from None
    lines: dict[Path_, int] = {}
    if node is not None:
        _line_map(node, (), lines)
    return SourceFile(path=path, label=label, data=data, lines=lines)
