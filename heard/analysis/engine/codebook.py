"""Codebooks: hierarchical, bilingual codes to code answers against, from YAML, TOML, JSON or
REFI-QDA.

A codebook file (``.yaml``/``.yml``, ``.toml`` or ``.json``) has this shape, in YAML::

    version: "2018.1"                         # optional, text
    title: {en: Human trafficking, fr: Traite des personnes}   # optional
    codes:
      - key: prevention                       # required, [A-Za-z0-9_-]+, unique in the whole file
        group: pillar                         # optional, top-level codes only; children inherit it
        name: {en: Prevention, fr: Prévention}                 # both required, one line each
        description: {en: ..., fr: ...}       # optional
        keywords: {en: [awareness], fr: [sensibilisation]}     # optional
        examples: ["An answer that this code fits."]           # optional, any language
        children:                             # optional, codes of the same shape
          - key: public-awareness
            ...

The TOML form has the same fields (``[[codes]]``, ``[[codes.children]]``...), and so has the JSON
form (``{"codes": [{"key": ..., "name": {"en": ..., "fr": ...}, "children": [...]}]}``).
Hierarchy is given by nesting only: a key has no dots and is unique in the whole codebook, so a
code is named by its key alone and ``Codebook.path(key)`` gives its ancestors. A key is kept as
written, in any case (``Prevention-Online`` stays so in every output and export), but two keys
that differ only in case are duplicates: one could not tell them apart in a coded file or a
report. Every problem in a file (missing English or French name, duplicate or badly formed key,
unknown field, wrong type) is collected and one `CodebookError` lists them all, each with its
line (YAML and JSON; a JSON syntax error has its column too) and field path
(``codes[0].children[2].name.fr``).

By default a codebook must be one a report can be published with: every code has both names, and
there is at least one code (the staff area's rule). The engine analyses with less:
``load_codebook(path, french_required=False, codes_required=False)`` accepts codes without a
French name (`missing_french` lists them, so that a caller can warn) and an empty list of codes.

REFI-QDA codebooks (``.qdc``, namespace ``urn:QDA-XML:codebook:1.0``) are written by `to_qdc` and
read by `load_codebook`. The format has a single ``name`` per code, so Heard writes:

- ``<Code guid name isCodable="true">``: ``name`` is the English name; ``guid`` is a UUID 5 of the
  key (stable across exports); ``isCodable`` is always true;
- ``<Description>``: the English description, a blank line, then ``fr: <French name> —
  <French description>`` and a last line ``key: <key>``;
- ``<Sets><Set guid name><MemberCode targetGUID/></Set></Sets>``: one set per group, with the
  top-level codes of that group as members.

Reading a ``.qdc`` reverses this, so YAML → QDC → Codebook keeps keys, names in both languages,
descriptions, groups and hierarchy. Keywords, examples, the version and the titles are not carried
by QDC and are lost; a French name that itself contains " — " does not survive the trip (it is
split at the first one). A QDC file from another tool is read too: a code without a ``key:`` line
gets a key made from its English name, and one without a ``fr:`` line is reported as missing its
French name. Colours, notes and other elements from other tools are ignored.

Standard library, PyYAML and defusedxml only; imports no Django.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
import uuid
import xml.etree.ElementTree as ET  # only to build XML; parsing goes through defusedxml
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped]
import tomli_w
import yaml
from defusedxml import DefusedXmlException

KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
GROUP_PATTERN = re.compile(r"[a-z0-9_-]+")
SUFFIXES = (".yaml", ".yml", ".toml", ".json", ".qdc")
QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
#: Namespace of the UUID 5 guids written to QDC files; never change it, or guids change.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:heard:codebook")

_TOP_FIELDS = ("version", "title", "codes")
_CODE_FIELDS = ("key", "group", "name", "description", "keywords", "examples", "children")
_LANGUAGES = ("en", "fr")
_LANGUAGE_NAMES = {"en": "English", "fr": "French"}
_FR_MARKER = "fr: "
_KEY_MARKER = "key: "
_DASH = " — "

Path_ = tuple[str | int, ...]  # a field path inside the file: ("codes", 0, "name", "fr")


# --- Records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    """One code of a codebook, with its sub-codes. `group` is inherited from the top-level code."""

    key: str
    name_en: str
    name_fr: str
    description_en: str = ""
    description_fr: str = ""
    keywords_en: list[str] = field(default_factory=list)
    keywords_fr: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    children: list[Code] = field(default_factory=list)
    group: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able form: fields in alphabetical order, children in codebook order."""
        return {
            "children": [child.to_dict() for child in self.children],
            "description_en": self.description_en,
            "description_fr": self.description_fr,
            "examples": list(self.examples),
            "group": self.group,
            "key": self.key,
            "keywords_en": list(self.keywords_en),
            "keywords_fr": list(self.keywords_fr),
            "name_en": self.name_en,
            "name_fr": self.name_fr,
        }


@dataclass(frozen=True)
class Codebook:
    """A tree of codes. Keys are unique in the whole tree, whatever their case; codes keep the
    file's order."""

    codes: list[Code]
    version: str = ""
    title_en: str = ""
    title_fr: str = ""
    _parents: dict[str, str | None] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _by_key: dict[str, Code] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        folded: dict[str, str] = {}

        def index(code: Code, parent: str | None) -> None:
            earlier = folded.get(code.key.casefold())
            if earlier is not None:
                raise ValueError(
                    f"duplicate code key {code.key!r}"
                    + (f" (first{_same_as(code.key, earlier)})" if earlier != code.key else "")
                )
            folded[code.key.casefold()] = code.key
            self._by_key[code.key] = code
            self._parents[code.key] = parent
            for child in code.children:
                index(child, code.key)

        for code in self.codes:
            index(code, None)

    def walk(self) -> Iterator[Code]:
        """Every code, depth first, each parent before its children, in codebook order."""

        def visit(code: Code) -> Iterator[Code]:
            yield code
            for child in code.children:
                yield from visit(child)

        for code in self.codes:
            yield from visit(code)

    def get(self, key: str) -> Code:
        """The code with this key; `KeyError` if there is none."""
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no code {key!r} in the codebook") from None

    def leaves(self) -> list[Code]:
        """Codes without sub-codes, in `walk` order."""
        return [code for code in self.walk() if not code.children]

    def path(self, key: str) -> list[str]:
        """Keys from the top-level code down to `key`, inclusive: ``["protection", "shelters"]``."""
        self.get(key)
        keys: list[str] = []
        current: str | None = key
        while current is not None:
            keys.append(current)
            current = self._parents[current]
        return keys[::-1]

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able form with fields in alphabetical order; the same codebook read from
        YAML, TOML or QDC (codes only, for QDC) gives the same dict."""
        return {
            "codes": [code.to_dict() for code in self.codes],
            "title_en": self.title_en,
            "title_fr": self.title_fr,
            "version": self.version,
        }


def missing_french(codebook: Codebook) -> list[str]:
    """Keys of the codes without a French name, in `walk` order (a codebook loaded with
    ``french_required=False``): the engine analyses with them, a report cannot be published."""
    return [code.key for code in codebook.walk() if not code.name_fr]


def _same_as(key: str, earlier: str) -> str:
    """What to add to a duplicate-key message when the two keys differ only in case."""
    if key == earlier:
        return ""
    return f" as {earlier!r}; keys that differ only in case are the same key"


def code_from_dict(data: dict[str, Any]) -> Code:
    """A code again from `Code.to_dict` (data Heard wrote itself, already checked)."""
    return Code(
        key=data["key"],
        name_en=data["name_en"],
        name_fr=data["name_fr"],
        description_en=data.get("description_en", ""),
        description_fr=data.get("description_fr", ""),
        keywords_en=list(data.get("keywords_en", [])),
        keywords_fr=list(data.get("keywords_fr", [])),
        examples=list(data.get("examples", [])),
        children=[code_from_dict(child) for child in data.get("children", [])],
        group=data.get("group", ""),
    )


def codebook_from_dict(data: dict[str, Any]) -> Codebook:
    """A codebook again from `Codebook.to_dict`: how Heard keeps one in its database."""
    return Codebook(
        codes=[code_from_dict(code) for code in data.get("codes", [])],
        version=data.get("version", ""),
        title_en=data.get("title_en", ""),
        title_fr=data.get("title_fr", ""),
    )


def _file_code(code: Code, top: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"key": code.key}
    if top and code.group:
        data["group"] = code.group
    data["name"] = {"en": code.name_en, "fr": code.name_fr}
    if code.description_en or code.description_fr:
        data["description"] = {"en": code.description_en, "fr": code.description_fr}
    if code.keywords_en or code.keywords_fr:
        data["keywords"] = {"en": list(code.keywords_en), "fr": list(code.keywords_fr)}
    if code.examples:
        data["examples"] = list(code.examples)
    if code.children:
        data["children"] = [_file_code(child, False) for child in code.children]
    return data


def to_file_data(codebook: Codebook) -> dict[str, Any]:
    """The codebook in the shape of a codebook file (see the module), empty fields left out: what
    `to_yaml` and `to_toml` write, and what `load_codebook` reads back to the same codebook."""
    data: dict[str, Any] = {}
    if codebook.version:
        data["version"] = codebook.version
    if codebook.title_en or codebook.title_fr:
        data["title"] = {"en": codebook.title_en, "fr": codebook.title_fr}
    data["codes"] = [_file_code(code, True) for code in codebook.codes]
    return data


def to_yaml(codebook: Codebook) -> bytes:
    return yaml.safe_dump(
        to_file_data(codebook), allow_unicode=True, sort_keys=False, width=100
    ).encode("utf-8")


def to_toml(codebook: Codebook) -> bytes:
    return tomli_w.dumps(to_file_data(codebook)).encode("utf-8")


# --- Errors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    line: int | None  # 1-based line in a YAML or JSON file; None for TOML, QDC or the whole file
    field: str  # "codes[0].children[2].name.fr", or "" for the file as a whole
    message: str
    column: int | None = None  # 1-based, for a JSON syntax error

    def __str__(self) -> str:
        parts = (
            f"line {self.line}" if self.line else "",
            f"column {self.column}" if self.column else "",
            self.field,
        )
        where = ", ".join(part for part in parts if part)
        return f"{where}: {self.message}" if where else self.message


class CodebookError(Exception):
    """The codebook file has problems; `problems` lists each one with its line and field."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path.name}: {problem}" for problem in problems))


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


# --- Loading ---------------------------------------------------------------------------------


_WRONG_SUFFIX = "only .yaml, .yml, .toml, .json and .qdc files"


def load_codebook(
    path: str | Path, *, french_required: bool = True, codes_required: bool = True
) -> Codebook:
    """Read a codebook from a ``.yaml``/``.yml``, ``.toml``, ``.json`` or REFI-QDA ``.qdc`` file.

    With ``french_required=False`` a code may lack its French name (`missing_french` lists
    them); with ``codes_required=False`` the list of codes may be empty (``codes: []``)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise CodebookError(path, [Problem(None, "", _WRONG_SUFFIX)])
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CodebookError(path, [Problem(None, "", f"cannot read: {error.strerror}")]) from None
    return _parse(raw, path, french_required=french_required, codes_required=codes_required)


def codebook_from_bytes(
    raw: bytes, name: str, *, french_required: bool = True, codes_required: bool = True
) -> Codebook:
    """Read an uploaded codebook (its file name gives the format), with every problem listed."""
    path = Path(Path(name).name)
    if path.suffix.lower() not in SUFFIXES:
        raise CodebookError(path, [Problem(None, "", _WRONG_SUFFIX)])
    return _parse(raw, path, french_required=french_required, codes_required=codes_required)


def _parse(raw: bytes, path: Path, *, french_required: bool, codes_required: bool) -> Codebook:
    suffix = path.suffix.lower()
    line_of: Callable[[Path_], int | None] = _no_line
    if suffix == ".qdc":
        data = _from_qdc(raw, path)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CodebookError(path, [Problem(None, "", "not UTF-8 text")]) from None
        if suffix == ".toml":
            data = _from_toml(text, path)
        elif suffix == ".json":
            data, line_of = _from_json(text, path)
        else:
            data, line_of = _from_yaml(text, path)
    builder = _Builder(
        path, line_of, french_required=french_required, codes_required=codes_required
    )
    return builder.codebook(data)


def _no_line(path: Path_) -> int | None:
    return None


def _from_toml(text: str, path: Path) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CodebookError(path, [Problem(None, "", f"bad TOML: {error}")]) from None


def _from_yaml(text: str, path: Path) -> tuple[Any, Callable[[Path_], int | None]]:
    """The data and a function giving the line of any field path (or of its nearest parent)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise CodebookError(path, [Problem(line, "", f"bad YAML: {problem}")]) from None
    return data, _node_lines(node, path)


def _from_json(text: str, path: Path) -> tuple[Any, Callable[[Path_], int | None]]:
    """The data of a JSON codebook and the line of each field path.

    `json` gives the data (and the line and column of a syntax error) but no positions. A JSON
    document is also YAML (its flow style), so PyYAML's nodes give each field's line and find
    fields given twice, which `json` would silently keep the last of; should PyYAML stumble on
    some JSON it does not read, problems are reported without lines and repeats found apart."""
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for name, value in items:
            if name in seen:
                repeated.append(name)
            seen[name] = value
        return seen

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        problem = Problem(error.lineno, "", f"bad JSON: {error.msg}", error.colno)
        raise CodebookError(path, [problem]) from None
    except RecursionError:
        raise CodebookError(path, [Problem(None, "", "bad JSON: nested too deeply")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        node = None
    if node is None:
        if repeated:
            raise CodebookError(
                path, [Problem(None, "", f"field {name!r} is given twice") for name in repeated]
            )
        return data, _no_line
    return data, _node_lines(node, path)


def _node_lines(node: yaml.Node | None, path: Path) -> Callable[[Path_], int | None]:
    """A function giving the line of any field path (or of its nearest parent) in a composed
    YAML document; `CodebookError` if a mapping gives a field twice."""
    lines: dict[Path_, int] = {}
    repeated: list[Problem] = []

    def visit(node: yaml.Node, at: Path_) -> None:
        lines[at] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                name = str(key_node.value)
                if name in seen:
                    repeated.append(
                        Problem(
                            key_node.start_mark.line + 1,
                            _dotted((*at, name)),
                            f"field {name!r} is given twice",
                        )
                    )
                seen.add(name)
                visit(value_node, (*at, name))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, (*at, index))

    if node is not None:
        visit(node, ())
    if repeated:
        raise CodebookError(path, repeated)

    def line_of(at: Path_) -> int | None:
        while at not in lines and at:
            at = at[:-1]
        return lines.get(at)

    return line_of


class _Builder:
    """Check a parsed codebook (plain dicts and lists) and build it, collecting every problem."""

    def __init__(
        self,
        path: Path,
        line_of: Callable[[Path_], int | None],
        *,
        french_required: bool = True,
        codes_required: bool = True,
    ) -> None:
        self.path = path
        self.line_of = line_of
        self.french_required = french_required
        self.codes_required = codes_required
        self.problems: list[Problem] = []
        self.first_seen: dict[str, tuple[str, Path_]] = {}  # folded key -> (key, where)

    def report(self, at: Path_, message: str) -> None:
        self.problems.append(Problem(self.line_of(at), _dotted(at), message))

    def codebook(self, data: Any) -> Codebook:
        if not isinstance(data, dict):
            self.report((), "a codebook must be a mapping with a `codes` list")
            raise CodebookError(self.path, self.problems)
        self.unknown(data, _TOP_FIELDS, ())
        version = self.text(data, "version", ())
        titles = self.pair(data, "title", (), single_line=True)
        codes: list[Code] = []
        raw_codes = data.get("codes")
        if raw_codes is None:
            self.report((), "missing field `codes`")
        elif not isinstance(raw_codes, list) or (self.codes_required and not raw_codes):
            self.report(("codes",), "must be a non-empty list of codes")
        else:
            codes = self.codes(raw_codes, ("codes",), group=None)
        if self.problems:  # in file order for YAML; TOML and QDC have no lines and keep theirs
            raise CodebookError(self.path, sorted(self.problems, key=lambda p: p.line or 0))
        return Codebook(codes, version, titles["en"], titles["fr"])

    def codes(self, items: list[Any], at: Path_, group: str | None) -> list[Code]:
        built = []
        for index, item in enumerate(items):
            code = self.code(item, (*at, index), group)
            if code is not None:
                built.append(code)
        return built

    def code(self, data: Any, at: Path_, group: str | None) -> Code | None:
        if not isinstance(data, dict):
            self.report(at, "a code must be a mapping with `key` and `name`")
            return None
        self.unknown(data, _CODE_FIELDS, at)
        key = self.key(data, at)
        label = f"code {key!r}" if key else "code"
        if "group" in data and group is not None:
            self.report((*at, "group"), "only a top-level code can set `group`")
        own_group = group if group is not None else ""
        if "group" in data and group is None:
            value = data["group"]
            if not isinstance(value, str) or not GROUP_PATTERN.fullmatch(value):
                self.report((*at, "group"), "must be text of a-z, 0-9, _ and -")
            else:
                own_group = value
        if "name" not in data:
            missing = "English and French name" if self.french_required else "English name"
            self.report((*at, "name"), f"{label}: missing {missing}")
            names = {"en": "", "fr": ""}
        else:
            required = ("en", "fr") if self.french_required else ("en",)
            names = self.pair(data, "name", at, single_line=True, label=label, required=required)
        descriptions = self.pair(data, "description", at, label=label)
        keywords = self.keywords(data, at)
        examples = self.texts(data.get("examples", []), (*at, "examples"))
        children: list[Code] = []
        if "children" in data:
            if not isinstance(data["children"], list):
                self.report((*at, "children"), "must be a list of codes")
            else:
                children = self.codes(data["children"], (*at, "children"), own_group)
        if not key:
            return None
        return Code(
            key=key,
            name_en=names["en"],
            name_fr=names["fr"],
            description_en=descriptions["en"],
            description_fr=descriptions["fr"],
            keywords_en=keywords["en"],
            keywords_fr=keywords["fr"],
            examples=examples,
            children=children,
            group=own_group,
        )

    def key(self, data: dict[str, Any], at: Path_) -> str:
        if "key" not in data:
            self.report(at, "missing field `key`")
            return ""
        key = data["key"]
        if not isinstance(key, str):
            self.report((*at, "key"), "must be text")
            return ""
        if not KEY_PATTERN.fullmatch(key):
            self.report(
                (*at, "key"),
                f"bad key {key!r}: use only letters a-z and A-Z, 0-9, _ and - "
                "(nest codes with `children`)",
            )
            return ""
        earlier = self.first_seen.get(key.casefold())
        if earlier is not None:
            first, first_at = earlier
            line = self.line_of(first_at)
            where = f"line {line}" if line else _dotted(first_at)
            self.report(
                (*at, "key"), f"duplicate key {key!r} (first at {where}{_same_as(key, first)})"
            )
            return ""
        self.first_seen[key.casefold()] = (key, at)
        return key

    def unknown(self, data: dict[Any, Any], allowed: tuple[str, ...], at: Path_) -> None:
        for name in data:
            if name not in allowed:
                self.report(
                    (*at, str(name)),
                    f"unknown field {str(name)!r} (expected one of: {', '.join(allowed)})",
                )

    def text(self, data: dict[str, Any], name: str, at: Path_) -> str:
        value = data.get(name, "")
        if not isinstance(value, str):
            self.report((*at, name), "must be text (quote it)")
            return ""
        return value.strip()

    def pair(
        self,
        data: dict[str, Any],
        name: str,
        at: Path_,
        *,
        single_line: bool = False,
        label: str = "",
        required: tuple[str, ...] = (),
    ) -> dict[str, str]:
        """An ``{en: ..., fr: ...}`` field as two stripped strings ("" when absent); a language
        in `required` must be given."""
        result = {"en": "", "fr": ""}
        if name not in data:
            return result
        value = data[name]
        here = (*at, name)
        if not isinstance(value, dict):
            self.report(here, "must be a mapping with `en` and `fr`")
            return result
        self.unknown(value, _LANGUAGES, here)
        for language in _LANGUAGES:
            text = value.get(language)
            if text is None or (isinstance(text, str) and not text.strip()):
                if language in required:
                    prefix = f"{label}: " if label else ""
                    self.report(
                        (*here, language),
                        f"{prefix}missing {_LANGUAGE_NAMES[language]} {name}",
                    )
                continue
            if not isinstance(text, str):
                self.report((*here, language), "must be text")
                continue
            if single_line and "\n" in text.strip():
                self.report((*here, language), "must be a single line")
                continue
            result[language] = text.strip()
        return result

    def keywords(self, data: dict[str, Any], at: Path_) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {"en": [], "fr": []}
        if "keywords" not in data:
            return result
        value = data["keywords"]
        here = (*at, "keywords")
        if not isinstance(value, dict):
            self.report(here, "must be a mapping with `en` and `fr` lists")
            return result
        self.unknown(value, _LANGUAGES, here)
        for language in _LANGUAGES:
            result[language] = self.texts(value.get(language, []), (*here, language))
        return result

    def texts(self, value: Any, at: Path_) -> list[str]:
        if not isinstance(value, list):
            self.report(at, "must be a list of texts")
            return []
        texts = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.report((*at, index), "must be non-empty text (quote it)")
            else:
                texts.append(item.strip())
        return texts


# --- REFI-QDA codebook (.qdc) ----------------------------------------------------------------


def code_guid(key: str) -> str:
    """The stable REFI-QDA guid of a code: a UUID 5 of its key, upper case."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"code:{key}")).upper()


def group_guid(group: str) -> str:
    """The stable REFI-QDA guid of the set holding a group's top-level codes."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"group:{group}")).upper()


def qdc_description(code: Code) -> str:
    """The text of a code's ``<Description>``: English description, French name and description,
    key. `load_codebook` reads them back from it."""
    french = (
        _FR_MARKER + code.name_fr + (_DASH + code.description_fr if code.description_fr else "")
    )
    trailer = f"{french}\n{_KEY_MARKER}{code.key}"
    return f"{code.description_en}\n\n{trailer}" if code.description_en else trailer


def to_qdc(codebook: Codebook) -> bytes:
    """The codebook as a REFI-QDA codebook file (UTF-8 XML), identical for identical codebooks."""
    root = ET.Element("CodeBook", {"xmlns": QDC_NAMESPACE, "origin": "Heard"})
    codes = ET.SubElement(root, "Codes")

    def add(parent: ET.Element, code: Code) -> None:
        element = ET.SubElement(
            parent, "Code", {"guid": code_guid(code.key), "name": code.name_en, "isCodable": "true"}
        )
        ET.SubElement(element, "Description").text = qdc_description(code)
        for child in code.children:
            add(element, child)

    for code in codebook.codes:
        add(codes, code)
    groups: dict[str, list[Code]] = {}
    for code in codebook.codes:
        if code.group:
            groups.setdefault(code.group, []).append(code)
    if groups:
        sets = ET.SubElement(root, "Sets")
        for group, members in groups.items():
            element = ET.SubElement(sets, "Set", {"guid": group_guid(group), "name": group})
            for member in members:
                ET.SubElement(element, "MemberCode", {"targetGUID": code_guid(member.key)})
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def _from_qdc(raw: bytes, path: Path) -> dict[str, Any]:
    """A parsed ``.qdc`` file in the same plain shape as a YAML or TOML codebook."""
    try:
        root = SafeET.fromstring(raw)
    except (ET.ParseError, DefusedXmlException) as error:
        raise CodebookError(path, [Problem(None, "", f"bad XML: {error}")]) from None
    if _local(root.tag) != "CodeBook":
        raise CodebookError(path, [Problem(None, "", "not a REFI-QDA codebook (no <CodeBook>)")])
    slugs: set[str] = set()
    top: dict[str, dict[str, Any]] = {}

    def code(element: ET.Element) -> dict[str, Any]:
        data: dict[str, Any] = {}
        name_en = (element.get("name") or "").strip()
        description = ""
        for child in element:
            if _local(child.tag) == "Description":
                description = (child.text or "").strip()
        text, key, name_fr, description_fr = _split_description(description)
        if key is None:
            key = _slug(name_en or element.get("guid", "code"), slugs)
        slugs.add(key)
        data["key"] = key
        data["name"] = {"en": name_en, "fr": name_fr}
        if text or description_fr:
            data["description"] = {"en": text, "fr": description_fr}
        children = [code(child) for child in element if _local(child.tag) == "Code"]
        if children:
            data["children"] = children
        return data

    codes = []
    for section in root:
        if _local(section.tag) == "Codes":
            for element in section:
                if _local(element.tag) == "Code":
                    codes.append(code(element))
                    top[element.get("guid", "").upper()] = codes[-1]
    for section in root:
        if _local(section.tag) == "Sets":
            for element in section:
                if _local(element.tag) != "Set":
                    continue
                group = _slug(element.get("name") or "group", set())
                for member in element:
                    if _local(member.tag) == "MemberCode":
                        guid = (member.get("targetGUID") or member.get("guid") or "").upper()
                        if guid in top:
                            top[guid].setdefault("group", group)
    return {"codes": codes}


def _split_description(description: str) -> tuple[str, str | None, str, str]:
    """English description, key (None if absent), French name and French description."""
    key = None
    head, _, last = description.rpartition("\n")
    if last.startswith(_KEY_MARKER):
        key, description = last[len(_KEY_MARKER) :].strip(), head.rstrip()
    if description.startswith(_FR_MARKER):
        english, french = "", description[len(_FR_MARKER) :]
    elif f"\n\n{_FR_MARKER}" in description:
        english, french = description.split(f"\n\n{_FR_MARKER}", 1)
    else:
        return description, key, "", ""
    name_fr, _, description_fr = french.partition(_DASH)
    return english.strip(), key, name_fr.strip(), description_fr.strip()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _slug(name: str, taken: set[str]) -> str:
    """A key made from a name from another tool: ``"Public awareness"`` → ``public-awareness``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9_]+", "-", ascii_name.lower()).strip("-") or "code"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
