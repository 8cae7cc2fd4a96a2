"""A questionnaire written in one language, translated into the other.

A form may arrive in English or French only (ADR 0006). What lacks its other language goes out
for translation as an XLSForm, with the other language's columns to fill, or as XLIFF 2 for
translation tools, and comes back through `import_translation`. Either way the texts are merged
into the definition, which is written out as an XLSForm and read again by `xlsform.parse`, so a
translated form is checked, and its XForm made, exactly as an uploaded one.
"""

from __future__ import annotations

import copy
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree  # type: ignore[import-untyped]
from django.db import transaction
from django.utils.translation import gettext as _

from heard.core import audit
from heard.questionnaires import xlsform, xlsform_export
from heard.questionnaires import xlsform_vocabulary as vocabulary
from heard.questionnaires.models import Questionnaire, QuestionnaireVersion
from heard.questionnaires.xlsform import FormError, FormProblem
from heard.questionnaires.xlsform_files import attached_files

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
TEXT_COLUMNS = ("label", "hint", "required_message", "constraint_message")


class NothingToTranslate(Exception):
    pass


def _texts(definition: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Every translatable text of the definition, by unit id, as the same dict objects (so that
    writing into one writes into the definition)."""
    found: dict[str, dict[str, str]] = {}
    for page in definition["pages"]:
        for group in xlsform.text_holders(page):
            for column in ("label", "hint"):
                if group.get(column):
                    found[f"survey/{group['name']}/{column}"] = group[column]
    for item in definition["fields"]:
        if vocabulary.hidden(item) or item.get("generated"):
            continue  # never shown, or worded by Heard in both languages
        for column in TEXT_COLUMNS:
            if item.get(column):
                found[f"survey/{item['name']}/{column}"] = item[column]
    files = definition.get("files", {})
    for list_name, choices in definition["choices"].items():
        if list_name in files:
            continue  # translated in the file itself, attached again
        for choice in choices:
            if choice["label"] and not choice.get("generated"):
                found[f"choices/{list_name}/{choice['name']}/label"] = choice["label"]
    return found


def for_translation(definition: dict[str, Any]) -> dict[str, Any]:
    """The definition with every language named in its columns ("label::Français (fr)"), so
    that the file sent out has a column for each language, ready to fill."""
    copied = copy.deepcopy(definition)
    copied["languages"] = {
        lang: spelling or xlsform.LANGUAGE_LABELS[lang]
        for lang, spelling in definition["languages"].items()
    }
    return copied


def xlsform_for_translation(definition: dict[str, Any]) -> bytes:
    return xlsform_export.to_xlsx(for_translation(definition))


def target_of(definition: dict[str, Any]) -> str:
    """The language most texts lack."""
    missing = [m["missing"] for m in xlsform.missing_translations(definition)]
    if not missing:
        raise NothingToTranslate
    return max(xlsform.LANGUAGES, key=missing.count)


def xliff_for_translation(definition: dict[str, Any], target: str) -> bytes:
    """An XLIFF 2.0 file holding, for each text lacking `target`, the text it has (and the
    translation already there, if any, so a tool can show it)."""
    source = "fr" if target == "en" else "en"
    root = Element(
        "xliff", {"xmlns": XLIFF, "version": "2.0", "srcLang": source, "trgLang": target}
    )
    file = SubElement(root, "file", {"id": definition.get("form_id") or "questionnaire"})
    for unit_id, texts in _texts(definition).items():
        if not texts.get(source):
            continue
        unit = SubElement(file, "unit", {"id": unit_id})
        notes = SubElement(unit, "notes")
        SubElement(notes, "note", {"category": "location"}).text = unit_id.replace("/", " · ")
        segment = SubElement(
            unit, "segment", {"state": "translated" if texts.get(target) else "initial"}
        )
        SubElement(segment, "source").text = texts[source]
        if texts.get(target):
            SubElement(segment, "target").text = texts[target]
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8")


def _read_xliff(data: bytes, definition: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """(target language, {unit id: translation}); FormError naming each unit that cannot be
    used."""
    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # defusedxml refuses entities; a damaged file raises ParseError
        raise FormError(
            [FormProblem("", None, "", _("This is not a readable XLIFF file (%s).") % exc)]
        ) from exc
    if root.tag != f"{{{XLIFF}}}xliff" or root.get("version") != "2.0":
        raise FormError([FormProblem("", None, "", _("This is not an XLIFF 2.0 file from Heard."))])
    target = (root.get("trgLang") or "").lower()[:2]
    if target not in xlsform.LANGUAGES:
        raise FormError(
            [
                FormProblem(
                    "",
                    None,
                    "",
                    _("The file translates into “%(language)s”: only English and French are used.")
                    % {"language": root.get("trgLang") or ""},
                )
            ]
        )
    known = _texts(definition)
    problems, found = [], {}
    for unit in root.iter(f"{{{XLIFF}}}unit"):
        unit_id = unit.get("id", "")
        if unit_id not in known:
            problems.append(
                FormProblem(
                    "",
                    None,
                    "",
                    _("The text “%(unit)s” is not in this form: was the file made for another?")
                    % {"unit": unit_id},
                )
            )
            continue
        parts = ["".join(t.itertext()) for t in unit.iter(f"{{{XLIFF}}}target")]
        text = "".join(parts).strip()
        if text:
            found[unit_id] = text
    if problems:
        raise FormError(problems)
    return target, found


def _skeleton(definition: dict[str, Any]) -> dict[str, Any]:
    """The definition without its translatable texts: what must not change in translation."""
    copied = copy.deepcopy(definition)
    for texts in _texts(copied).values():
        texts.clear()
    for item in copied["fields"]:
        item.pop("row", None)
    for page in copied["pages"]:
        page.pop("row", None)
        for section in [*page.get("sections", {}).values(), *page.get("repeats", {}).values()]:
            section.pop("row", None)
    copied.pop("languages", None)
    copied.pop("kept_columns", None)
    copied.pop("set_aside", None)  # rows of the file uploaded (the export writes them first)
    copied.pop("read_as_empty", None)  # where they are: rows of the file uploaded
    copied.pop("pictures_alone", None)
    return copied


def _keep_from_upload(definition: dict[str, Any], before: dict[str, Any]) -> None:
    """What the form's upload said and a translated file cannot: the files attached (read again
    from their choices, they are still those files; the pictures and recordings too), the rows
    the form was imported without, and where it reads ${last-saved#…} (rows of the file
    uploaded, not of this one)."""
    for key in ("files", "media", "set_aside", "read_as_empty", "pictures_alone"):
        if key in before:
            definition[key] = copy.deepcopy(before[key])
        else:
            definition.pop(key, None)


def _first_difference(before: dict[str, Any], after: dict[str, Any]) -> str:
    names_before = [f["name"] for f in before["fields"]]
    names_after = [f["name"] for f in after["fields"]]
    if names_before != names_after:
        extra = [n for n in names_after if n not in names_before]
        gone = [n for n in names_before if n not in names_after]
        return ", ".join(extra + gone) or _("the order of the questions")
    for old, new in zip(before["fields"], after["fields"], strict=True):
        if old != new:
            return old["name"]
    return _("the choices or settings")


@transaction.atomic
def import_translation(
    *, actor: Any, questionnaire: Questionnaire, data: bytes, filename: str
) -> tuple[QuestionnaireVersion, int]:
    """Fill the current version's missing texts from a translated XLSForm or XLIFF file.
    (version, how many texts are still missing). FormError, nothing written, if the file cannot
    be used or would change anything but the texts."""
    from heard.questionnaires.services import FormChangeRefused

    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    version = questionnaire.current_version
    if version is None:
        raise FormError([FormProblem("", None, "", _("Upload the form before its translation."))])
    if version.responses.exists():
        raise FormChangeRefused
    before = version.definition
    if filename.lower().endswith((".xlf", ".xliff")):
        target, found = _read_xliff(data, before)
        merged = for_translation(before)
        texts = _texts(merged)
        for unit_id, text in found.items():
            texts[unit_id][target] = text
        definition, xform = xlsform.parse(
            xlsform_export.to_xlsx(merged), "translated.xlsx", attachments=attached_files(before)
        )
        _keep_from_upload(definition, before)
    else:
        definition, xform = xlsform.parse(data, filename, attachments=attached_files(before))
        _keep_from_upload(definition, before)
        if _skeleton(definition) != _skeleton(before):
            raise FormError(
                [
                    FormProblem(
                        "survey",
                        None,
                        "",
                        _(
                            "This file changes the form itself (%(where)s), not only its texts: "
                            "upload it as the form instead."
                        )
                        % {"where": _first_difference(_skeleton(before), _skeleton(definition))},
                    )
                ]
            )
    filled = len(xlsform.missing_translations(before)) - len(
        xlsform.missing_translations(definition)
    )
    version.definition, version.xform = definition, xform
    version.save(update_fields=["definition", "xform"])
    remaining = len(xlsform.missing_translations(definition))
    audit.record(
        actor=actor,
        action="questionnaire.translated",
        target=questionnaire,
        scope=questionnaire.consultation.scope,
        changes={
            "version": version.number,
            "file": filename,
            "filled": filled,
            "missing": remaining,
        },
    )
    return version, remaining
