"""Codebooks (heard.analysis.engine.codebook): YAML, TOML, JSON and REFI-QDA; no database, no
Django."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped]
import pytest

from heard.analysis.engine.codebook import (
    GUID_NAMESPACE,
    QDC_NAMESPACE,
    Codebook,
    CodebookError,
    code_guid,
    codebook_from_bytes,
    load_codebook,
    missing_french,
    to_file_data,
    to_qdc,
    to_toml,
    to_yaml,
)

pytestmark = pytest.mark.engine  # the engine alone: no database

DEMO = Path(__file__).resolve().parents[2] / "heard/examples/human-trafficking-2018/codebook.yaml"
PILLARS = ["prevention", "protection", "prosecution", "partnerships", "empowerment"]
STATEMENTS = ["gap", "emerging-issue", "trend", "recommendation", "promising-practice"]

SMALL_YAML = """\
version: "1"
title: {en: Small, fr: Petit}
codes:
  - key: protection
    group: pillar
    name: {en: Protection, fr: Protection}
    description: {en: Supporting victims., fr: Soutenir les victimes.}
    keywords: {en: [shelter], fr: [refuge]}
    examples: ["Not enough beds."]
    children:
      - key: shelters
        name: {en: Shelters, fr: Refuges}
        children:
          - key: mens-shelters
            name: {en: Shelters for men, fr: Refuges pour hommes}
            description: {en: "", fr: Hommes seulement.}
  - key: gap
    group: statement-type
    name: {en: Gap, fr: Lacune}
    keywords: {en: [lack of], fr: [manque de]}
"""

SMALL_TOML = """\
version = "1"
title = {en = "Small", fr = "Petit"}

[[codes]]
key = "protection"
group = "pillar"
name = {en = "Protection", fr = "Protection"}
description = {en = "Supporting victims.", fr = "Soutenir les victimes."}
keywords = {en = ["shelter"], fr = ["refuge"]}
examples = ["Not enough beds."]

[[codes.children]]
key = "shelters"
name = {en = "Shelters", fr = "Refuges"}

[[codes.children.children]]
key = "mens-shelters"
name = {en = "Shelters for men", fr = "Refuges pour hommes"}
description = {en = "", fr = "Hommes seulement."}

[[codes]]
key = "gap"
group = "statement-type"
name = {en = "Gap", fr = "Lacune"}
keywords = {en = ["lack of"], fr = ["manque de"]}
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int | None, str, str]]:
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    assert str(caught.value).startswith(path.name + ": ")
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def without_qdc_losses(code: dict[str, Any]) -> dict[str, Any]:
    """A code's dict without what REFI-QDA does not carry (keywords and examples)."""
    return {
        **code,
        "keywords_en": [],
        "keywords_fr": [],
        "examples": [],
        "children": [without_qdc_losses(child) for child in code["children"]],
    }


# --- The demo codebook -----------------------------------------------------------------------


def test_demo_codebook_has_the_pillars_and_statement_types() -> None:
    codebook = load_codebook(DEMO)
    assert [code.key for code in codebook.codes] == PILLARS + STATEMENTS
    assert {code.key: code.group for code in codebook.codes} == {
        **dict.fromkeys(PILLARS, "pillar"),
        **dict.fromkeys(STATEMENTS, "statement-type"),
    }
    for key in PILLARS:
        pillar = codebook.get(key)
        assert 3 <= len(pillar.children) <= 5
        for child in pillar.children:
            assert child.group == "pillar"
            assert codebook.path(child.key) == [key, child.key]
    for key in STATEMENTS:
        assert codebook.get(key).children == []
    codes = list(codebook.walk())
    assert len(codes) == len({code.key for code in codes}) == 32
    assert len(codebook.leaves()) == 27
    assert codebook.version == "2018.1"
    assert codebook.title_en and codebook.title_fr


def test_demo_codebook_is_bilingual_everywhere() -> None:
    codebook = load_codebook(DEMO)
    for code in codebook.walk():
        assert code.name_en and code.name_fr, code.key
        assert code.description_en and code.description_fr, code.key
        assert code.keywords_en and code.keywords_fr, code.key
    keywords = {code.key: code.keywords_en + code.keywords_fr for code in codebook.walk()}
    assert {"lack of", "manque de"} <= set(keywords["gap"])
    assert {"increasingly", "de plus en plus"} <= set(keywords["trend"])
    assert {"should", "devrait"} <= set(keywords["recommendation"])
    assert {"works well", "fonctionne bien"} <= set(keywords["promising-practice"])
    assert codebook.get("protection").name_fr == "Protection"
    assert codebook.get("empowerment").name_fr == "Autonomisation"


def test_walk_is_depth_first_parents_first() -> None:
    codebook = load_codebook(DEMO)
    keys = [code.key for code in codebook.walk()]
    assert keys[:3] == ["prevention", "public-awareness", "frontline-training"]
    for code in codebook.walk():
        for child in code.children:
            assert keys.index(code.key) < keys.index(child.key)
    with pytest.raises(KeyError, match="no code 'nope'"):
        codebook.get("nope")
    with pytest.raises(KeyError):
        codebook.path("nope")


def test_to_dict_is_json_able_sorted_and_stable() -> None:
    first = load_codebook(DEMO).to_dict()
    second = load_codebook(DEMO).to_dict()
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    assert list(first) == sorted(first)
    assert list(first["codes"][0]) == sorted(first["codes"][0])
    assert json.loads(json.dumps(first)) == first


def test_codebook_rejects_duplicate_keys_when_built_directly() -> None:
    from heard.analysis.engine.codebook import Code

    code = Code("a", "A", "A")
    with pytest.raises(ValueError, match="duplicate"):
        Codebook([code, Code("b", "B", "B", children=[code])])


# --- Errors, with their location -------------------------------------------------------------


def test_every_problem_is_listed_with_its_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        """\
codes:
  - key: protection
    name: {en: Protection}
    colour: red
    children:
      - key: Shelters.Men
        name: {en: Men, fr: Hommes}
      - key: protection
        group: pillar
        name: {en: Again, fr: Encore}
      - key: housing
        name: {fr: Logement}
        keywords: {en: shelter, fr: [refuge, 3]}
        examples: "not a list"
""",
    )
    assert problems(path) == [
        (3, "codes[0].name.fr", "code 'protection': missing French name"),
        (4, "codes[0].colour", "unknown field 'colour' (expected one of: key, group, name, "
         "description, keywords, examples, children)"),
        (6, "codes[0].children[0].key",
         "bad key 'Shelters.Men': use only letters a-z and A-Z, 0-9, _ and - "
         "(nest codes with `children`)"),
        (8, "codes[0].children[1].key", "duplicate key 'protection' (first at line 2)"),
        (9, "codes[0].children[1].group", "only a top-level code can set `group`"),
        (12, "codes[0].children[2].name.en", "code 'housing': missing English name"),
        (13, "codes[0].children[2].keywords.en", "must be a list of texts"),
        (13, "codes[0].children[2].keywords.fr[1]", "must be non-empty text (quote it)"),
        (14, "codes[0].children[2].examples", "must be a list of texts"),
    ]  # fmt: skip


def test_missing_name_key_and_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "codes:\n  - key: gap\n  - name: {en: A, fr: B}\n")
    assert problems(path) == [
        (2, "codes[0].name", "code 'gap': missing English and French name"),
        (3, "codes[1]", "missing field `key`"),
    ]
    assert problems(write(tmp_path, "empty.yaml", "version: 1\n")) == [
        (1, "version", "must be text (quote it)"),
        (1, "", "missing field `codes`"),
    ]
    assert problems(write(tmp_path, "list.yaml", "- a\n")) == [
        (1, "", "a codebook must be a mapping with a `codes` list")
    ]


def test_repeated_yaml_field_and_bad_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "twice.yaml", "codes:\n  - key: a\n    key: b\n")
    assert problems(path) == [(3, "codes[0].key", "field 'key' is given twice")]
    [(line, field, message)] = problems(write(tmp_path, "broken.yaml", "codes: [\n  - a: b\n"))
    assert line == 2 and field == "" and message.startswith("bad YAML")


def test_toml_errors_give_the_field_path(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.toml",
        '[[codes]]\nkey = "gap"\nname = {en = "Gap"}\nkeywords = {en = "lack of"}\n',
    )
    assert problems(path) == [
        (None, "codes[0].name.fr", "code 'gap': missing French name"),
        (None, "codes[0].keywords.en", "must be a list of texts"),
    ]
    [(_, _, message)] = problems(write(tmp_path, "broken.toml", "codes = [\n"))
    assert message.startswith("bad TOML")


def test_unreadable_files(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "codes.txt", "{}")) == [
        (None, "", "only .yaml, .yml, .toml, .json and .qdc files")
    ]
    assert problems(tmp_path / "missing.yaml")[0][2].startswith("cannot read")
    assert problems(write(tmp_path, "latin.yaml", "codes: caf\xe9".encode("latin-1"))) == [
        (None, "", "not UTF-8 text")
    ]


# --- TOML ------------------------------------------------------------------------------------


def test_toml_and_yaml_give_the_same_codebook(tmp_path: Path) -> None:
    from_yaml = load_codebook(write(tmp_path, "small.yml", SMALL_YAML))
    from_toml = load_codebook(write(tmp_path, "small.toml", SMALL_TOML))
    assert from_toml.to_dict() == from_yaml.to_dict()
    assert from_toml == from_yaml
    assert from_yaml.path("mens-shelters") == ["protection", "shelters", "mens-shelters"]
    assert from_yaml.get("mens-shelters").group == "pillar"
    assert from_yaml.get("mens-shelters").description_fr == "Hommes seulement."


# --- JSON ------------------------------------------------------------------------------------


def test_json_gives_the_same_codebook_as_yaml(tmp_path: Path) -> None:
    from_yaml = load_codebook(write(tmp_path, "small.yaml", SMALL_YAML))
    as_json = json.dumps(to_file_data(from_yaml), ensure_ascii=False, indent=2)
    from_json = load_codebook(write(tmp_path, "small.json", as_json))
    assert from_json == from_yaml
    assert from_json.to_dict() == from_yaml.to_dict()
    # An uploaded file (the staff area's import) is read by the same loader, BOM and all.
    uploaded = codebook_from_bytes(b"\xef\xbb\xbf" + as_json.encode(), "book.JSON")
    assert uploaded == from_yaml


def test_json_errors_name_the_file_line_and_column(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.json", '{\n  "codes": [\n    {"key": "a" "name": {}}\n  ]\n}')
    assert problems(broken) == [(3, "", "bad JSON: Expecting ',' delimiter")]
    with pytest.raises(CodebookError) as caught:
        load_codebook(broken)
    assert str(caught.value) == "broken.json: line 3, column 17: bad JSON: Expecting ',' delimiter"
    assert caught.value.problems[0].column == 17
    path = write(
        tmp_path,
        "bad.json",
        """{
  "codes": [
    {"key": "protection", "name": {"en": "Protection"}, "colour": "red"},
    {"key": "gap", "name": {"en": "Gap", "fr": "Lacune"}, "keywords": {"en": "lack of"}}
  ]
}""",
    )
    assert problems(path) == [
        (3, "codes[0].colour", "unknown field 'colour' (expected one of: key, group, name, "
         "description, keywords, examples, children)"),
        (3, "codes[0].name.fr", "code 'protection': missing French name"),
        (4, "codes[1].keywords.en", "must be a list of texts"),
    ]  # fmt: skip
    twice = write(tmp_path, "twice.json", '{"codes": [\n {"key": "a",\n  "key": "b"}]}')
    assert problems(twice) == [(3, "codes[0].key", "field 'key' is given twice")]
    assert problems(write(tmp_path, "list.json", "[]")) == [
        (1, "", "a codebook must be a mapping with a `codes` list")
    ]


# --- Keys keep their case; French names and codes may be missing to analyse ----------------


MIXED_CASE = """\
codes:
  - key: Prevention
    group: pillar
    name: {en: Prevention, fr: Prévention}
    children:
      - key: Prevention-Online
        name: {en: Online recruitment, fr: Recrutement en ligne}
  - key: GAP_2018
    name: {en: Gap, fr: Lacune}
"""


def test_keys_keep_their_case_through_every_format(tmp_path: Path) -> None:
    codebook = load_codebook(write(tmp_path, "mixed.yaml", MIXED_CASE))
    keys = ["Prevention", "Prevention-Online", "GAP_2018"]
    assert [code.key for code in codebook.walk()] == keys
    assert codebook.path("Prevention-Online") == ["Prevention", "Prevention-Online"]
    exports = {
        "back.yaml": to_yaml(codebook),
        "back.toml": to_toml(codebook),
        "back.json": json.dumps(to_file_data(codebook)).encode(),
        "back.qdc": to_qdc(codebook),
    }
    for name, data in exports.items():
        back = load_codebook(write(tmp_path, name, data))
        assert [code.key for code in back.walk()] == keys, name
    assert code_guid("Prevention-Online") != code_guid("prevention-online")


def test_keys_that_differ_only_in_case_are_duplicates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "case.yaml",
        "codes:\n  - key: Gap\n    name: {en: A, fr: A}\n  - key: gap\n    name: {en: B, fr: B}\n",
    )
    assert problems(path) == [
        (
            4,
            "codes[1].key",
            "duplicate key 'gap' (first at line 2 as 'Gap'; keys that differ only in case are "
            "the same key)",
        )
    ]
    from heard.analysis.engine.codebook import Code

    with pytest.raises(ValueError, match="differ only in case"):
        Codebook([Code("Gap", "A", "A"), Code("gap", "B", "B")])


def test_french_names_may_be_missing_only_to_analyse(tmp_path: Path) -> None:
    text = (
        "codes:\n  - key: prevention\n    name: {en: Prevention}\n"
        "    children:\n      - key: online\n        name: {en: Online, fr: ''}\n"
        "  - key: gap\n    name: {en: Gap, fr: Lacune}\n  - key: trend\n"
    )
    path = write(tmp_path, "english.yaml", text)
    # The staff area's rule, for a codebook reports are published with: French is required.
    assert problems(path) == [
        (3, "codes[0].name.fr", "code 'prevention': missing French name"),
        (6, "codes[0].children[0].name.fr", "code 'online': missing French name"),
        (9, "codes[2].name", "code 'trend': missing English and French name"),
    ]
    with pytest.raises(CodebookError) as caught:
        load_codebook(path, french_required=False)
    # English is still needed (the last code has no name at all).
    assert [str(problem) for problem in caught.value.problems] == [
        "line 9, codes[2].name: code 'trend': missing English name"
    ]
    fixed = write(tmp_path, "english.yaml", text.replace("  - key: trend\n", ""))
    codebook = load_codebook(fixed, french_required=False)
    assert missing_french(codebook) == ["prevention", "online"]
    assert codebook.get("gap").name_fr == "Lacune"
    assert missing_french(load_codebook(DEMO)) == []


def test_an_empty_list_of_codes_only_to_analyse(tmp_path: Path) -> None:
    path = write(
        tmp_path, "none.json", '{"title": {"en": "Nothing yet", "fr": "Rien"}, "codes": []}'
    )
    assert problems(path) == [(1, "codes", "must be a non-empty list of codes")]
    codebook = load_codebook(path, codes_required=False)
    assert codebook.codes == [] and list(codebook.walk()) == []
    assert codebook.title_fr == "Rien"
    toml = write(tmp_path, "none.toml", "codes = []\n")
    assert load_codebook(toml, codes_required=False).codes == []
    # A file without `codes` at all is still refused: it is likely not a codebook.
    missing = write(tmp_path, "other.yaml", "version: '1'\n")
    with pytest.raises(CodebookError, match="missing field `codes`"):
        load_codebook(missing, codes_required=False)


# --- REFI-QDA --------------------------------------------------------------------------------

ALLOWED_XML = {
    "CodeBook": {"origin"},
    "Codes": set(),
    "Code": {"guid", "name", "isCodable"},
    "Description": set(),
    "Sets": set(),
    "Set": {"guid", "name"},
    "MemberCode": {"targetGUID"},
}


def test_qdc_export_is_well_formed_with_stable_guids() -> None:
    codebook = load_codebook(DEMO)
    data = to_qdc(codebook)
    assert data == to_qdc(load_codebook(DEMO))
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    root = SafeET.fromstring(data)
    assert root.tag == f"{{{QDC_NAMESPACE}}}CodeBook"
    assert root.get("origin") == "Heard"
    ns = {"q": QDC_NAMESPACE}
    elements = root.findall(".//q:Code", ns)
    assert len(elements) == 32
    guids = [element.get("guid") for element in elements]
    assert len(set(guids)) == 32
    assert guids[0] == str(uuid.uuid5(GUID_NAMESPACE, "code:prevention")).upper()
    assert code_guid("prevention") == "B6EFCC51-FFB0-5133-BADE-EC4080C94E9B"  # never changes
    top = root.findall("q:Codes/q:Code", ns)
    assert [element.get("name") for element in top][:2] == ["Prevention", "Protection"]
    assert top[1].findall("q:Code", ns)[0].get("name") == "Shelters and housing"
    sets = {s.get("name"): s for s in root.findall("q:Sets/q:Set", ns)}
    assert set(sets) == {"pillar", "statement-type"}
    members = [m.get("targetGUID") for m in sets["statement-type"].findall("q:MemberCode", ns)]
    assert members == [code_guid(key) for key in STATEMENTS]


def test_qdc_uses_only_documented_elements_and_attributes() -> None:
    root = SafeET.fromstring(to_qdc(load_codebook(DEMO)))
    for element in root.iter():
        namespace, _, tag = element.tag[1:].partition("}")
        assert namespace == QDC_NAMESPACE
        assert tag in ALLOWED_XML, tag
        assert set(element.attrib) <= ALLOWED_XML[tag], (tag, element.attrib)
        if tag == "Code":
            assert element.get("isCodable") == "true"


def test_qdc_round_trip_keeps_codes_names_descriptions_and_hierarchy(tmp_path: Path) -> None:
    codebook = load_codebook(DEMO)
    back = load_codebook(write(tmp_path, "demo.qdc", to_qdc(codebook)))
    assert back.to_dict()["codes"] == [without_qdc_losses(c) for c in codebook.to_dict()["codes"]]
    assert to_qdc(back) == to_qdc(codebook)
    small = load_codebook(write(tmp_path, "small.yaml", SMALL_YAML))
    small_back = load_codebook(write(tmp_path, "small.qdc", to_qdc(small)))
    assert small_back.get("mens-shelters").description_en == ""
    assert small_back.get("mens-shelters").description_fr == "Hommes seulement."
    assert small_back.get("shelters").description_fr == ""
    assert small_back.path("mens-shelters") == ["protection", "shelters", "mens-shelters"]


def test_qdc_from_another_tool(tmp_path: Path) -> None:
    foreign = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Public awareness" color="#46AA00"
          isCodable="true">
      <Description>Campaigns.

fr: Sensibilisation du public — Campagnes.</Description>
      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Écoles" isCodable="true">
        <Description>fr: Écoles</Description>
      </Code>
    </Code>
    <Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Public awareness" isCodable="true">
      <Description>fr: Sensibilisation</Description>
    </Code>
  </Codes>
  <Sets>
    <Set name="Code group 1" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0">
      <MemberCode guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" />
    </Set>
  </Sets>
</CodeBook>"""
    codebook = load_codebook(write(tmp_path, "foreign.qdc", foreign))
    assert [code.key for code in codebook.walk()] == [
        "public-awareness",
        "ecoles",
        "public-awareness-2",
    ]
    first = codebook.get("public-awareness")
    assert (first.name_fr, first.description_en, first.description_fr) == (
        "Sensibilisation du public",
        "Campaigns.",
        "Campagnes.",
    )
    assert first.group == "code-group-1" and codebook.get("ecoles").group == "code-group-1"
    unilingual = foreign.replace("fr: Sensibilisation du public — Campagnes.", "")
    assert problems(write(tmp_path, "english.qdc", unilingual)) == [
        (None, "codes[0].name.fr", "code 'public-awareness': missing French name")
    ]


def test_qdc_rejects_bad_and_dangerous_xml(tmp_path: Path) -> None:
    [(_, _, message)] = problems(write(tmp_path, "broken.qdc", "<CodeBook><Codes>"))
    assert message.startswith("bad XML")
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&a;">'
        "<Description>fr: a</Description></Code></Codes></CodeBook>"
    )
    [(_, _, message)] = problems(write(tmp_path, "bomb.qdc", bomb))
    assert message.startswith("bad XML")
    assert problems(write(tmp_path, "other.qdc", "<Project/>")) == [
        (None, "", "not a REFI-QDA codebook (no <CodeBook>)")
    ]
