"""The demo XLSForm (heard/examples/human-trafficking-2018/questionnaire.xlsx), checked with pyxform."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml
from pyxform.xls2json import parse_file_to_json
from pyxform.xls2json_backends import get_xlsform
from pyxform.xls2xform import convert

from heard.stakeholders.regions import Region

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "heard" / "examples" / "human-trafficking-2018"
FORM = DEMO / "questionnaire.xlsx"
LANGUAGES = {"English (en)", "Français (fr)"}
TRANSLATED = ("label", "hint", "required_message", "constraint_message")
NOT_QUESTIONS = {"note", "calculate"}


def _questions(children: list[dict]) -> list[dict]:
    found = []
    for child in children:
        if child["type"] == "group":
            if child["name"] != "meta":
                found += _questions(child["children"])
        elif child["type"] not in NOT_QUESTIONS:
            found.append(child)
    return found


@pytest.fixture(scope="module")
def form() -> dict:
    return parse_file_to_json(str(FORM))


@pytest.fixture(scope="module")
def sheets():
    return get_xlsform(xlsform=str(FORM))


def test_the_form_converts_to_an_xform_without_warnings():
    result = convert(xlsform=str(FORM))
    assert result.xform.startswith("<?xml")
    assert 'id="human_trafficking_2018"' in result.xform
    assert 'version="2018-1"' in result.xform
    assert result.warnings == []


def test_the_form_has_between_20_and_30_questions_on_pages(form):
    questions = _questions(form["children"])
    assert 20 <= len(questions) <= 30
    pages = [c for c in form["children"] if c["type"] == "group" and c["name"] != "meta"]
    assert 8 <= len(pages) <= 10
    assert all(c["type"] == "group" for c in form["children"])  # every question is on a page
    assert all(c["type"] != "group" for page in pages for c in page["children"])  # no nesting


@pytest.mark.parametrize("sheet", ["survey", "choices"])
def test_every_text_is_in_both_languages(sheets, sheet):
    rows = getattr(sheets, sheet)
    headers = {key for row in rows for key in row}
    for base in TRANSLATED:
        assert base not in headers, f"{sheet}: {base} has a column without a language"
        assert {h.split("::", 1)[1] for h in headers if h.startswith(f"{base}::")} <= LANGUAGES
    missing = []
    for number, row in enumerate(rows, start=2):
        for base in TRANSLATED:
            filled = {lang for lang in LANGUAGES if str(row.get(f"{base}::{lang}") or "").strip()}
            if filled and filled != LANGUAGES:
                missing.append((sheet, number, row.get("name"), base, LANGUAGES - filled))
    assert missing == []


def test_labels_exist_in_both_languages_where_pyxform_needs_them(sheets):
    for row in sheets.survey:
        if row["type"] not in {"end_group", "calculate"}:
            assert all(row.get(f"label::{lang}") for lang in LANGUAGES), row["name"]
    for row in sheets.choices:
        assert all(row.get(f"label::{lang}") for lang in LANGUAGES), row["name"]


def test_choice_names_are_the_sector_keys_and_region_codes(form):
    sectors = yaml.safe_load((DEMO / "sectors.yaml").read_text(encoding="utf-8"))["sectors"]
    assert [c["name"] for c in form["choices"]["sector"]] == [s["key"] for s in sectors]
    regions = {c["name"] for c in form["choices"]["region"]}
    assert regions <= {code.lower() for code in Region.values}
    assert "ca" in regions
    cities = form["choices"]["city"]
    assert {c["province"] for c in cities} <= regions | {"any"}


def test_the_file_is_what_the_build_script_writes():
    path = ROOT / "tools" / "build_demo_questionnaire.py"
    spec = importlib.util.spec_from_file_location("build_demo_questionnaire", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == FORM.read_bytes()
