"""Writes of the consultation's codebook: replace it whole (a file), or change one code.

The codebook is kept in the engine's own form (`Codebook.to_dict`), so every change goes through
the engine's checks (unique keys) and every run can take a copy. Each change is a new revision
with its History event; runs already made keep the copy they used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from heard.analysis.engine.codebook import KEY_PATTERN, codebook_from_dict
from heard.analysis.models import Codebook
from heard.consultations.models import Consultation
from heard.core import audit

EMPTY: dict[str, Any] = {"codes": [], "title_en": "", "title_fr": "", "version": ""}


class CodeError(ValueError):
    """A code change that cannot be made; `problems` maps a field to its message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {text}" for name, text in problems.items()))


def replace_codebook(
    *, actor: Any, consultation: Consultation, data: dict[str, Any], system_label: str = "system"
) -> Codebook | None:
    """Make `data` (an engine `Codebook.to_dict`) the consultation's codebook: a new revision
    when it differs, nothing when it is the same (returns None then). Runs keep their own copy."""
    codebook_from_dict(data)  # refuses duplicate keys before anything is written
    with transaction.atomic():
        codebook = Codebook.objects.select_for_update().filter(consultation=consultation).first()
        if codebook is not None and codebook.data == data:
            return None
        user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
        if codebook is None:
            codebook = Codebook.objects.create(
                consultation=consultation, data=data, updated_by=user
            )
        else:
            codebook.data = data
            codebook.revision += 1
            codebook.updated_by = user
            codebook.save()
        audit.record(
            actor=actor,
            action="analysis.codebook_replaced",
            target=codebook,
            scope=consultation.scope,
            changes={"revision": codebook.revision, "codes": code_count(data)},
            system_label=system_label,
        )
        return codebook


def code_count(data: dict[str, Any]) -> int:
    def count(codes: list[dict[str, Any]]) -> int:
        return sum(1 + count(code.get("children", [])) for code in codes)

    return count(data.get("codes", []))


@dataclass
class CodeValues:
    """What the code form gives: one code's own fields, and where it sits."""

    key: str
    parent: str  # "" for a top-level code
    name_en: str
    name_fr: str
    group: str = ""
    description_en: str = ""
    description_fr: str = ""
    keywords_en: list[str] = field(default_factory=list)
    keywords_fr: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def _find(codes: list[dict[str, Any]], key: str) -> tuple[list[dict[str, Any]], int] | None:
    """The list holding the code `key`, and its index there."""
    for index, code in enumerate(codes):
        if code["key"] == key:
            return codes, index
        found = _find(code.get("children", []), key)
        if found is not None:
            return found
    return None


def _all_keys(codes: list[dict[str, Any]]) -> list[str]:
    keys: list[str] = []
    for code in codes:
        keys.append(code["key"])
        keys += _all_keys(code.get("children", []))
    return keys


def _keys_under(code: dict[str, Any]) -> set[str]:
    keys = {code["key"]}
    for child in code.get("children", []):
        keys |= _keys_under(child)
    return keys


def _current(consultation: Consultation) -> dict[str, Any]:
    codebook = Codebook.objects.filter(consultation=consultation).first()
    return _copy(codebook.data if codebook else EMPTY)


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data


def save_code(
    *, actor: Any, consultation: Consultation, values: CodeValues, original: str | None = None
) -> Codebook | None:
    """Add a code (`original` None) or change one (its key, texts or parent)."""
    data = _current(consultation)
    problems: dict[str, str] = {}
    if not KEY_PATTERN.fullmatch(values.key):
        problems["key"] = _("Use letters, digits, hyphens and underscores only.")
    existing: dict[str, Any] | None = None
    if original is not None:
        found = _find(data["codes"], original)
        if found is None:
            raise CodeError({"key": _("There is no code “%(key)s”.") % {"key": original}})
        holder, index = found
        existing = holder[index]
        if values.parent and values.parent in _keys_under(existing):
            problems["parent"] = _("A code cannot be placed under itself or one of its sub-codes.")
    # Keys are kept as written but compared without case: "Gap" and "gap" would be one code to
    # anyone reading a coded file or a report.
    same = [
        key
        for key in _all_keys(data["codes"])
        if key.casefold() == values.key.casefold() and key != original
    ]
    if same and same[0] == values.key:
        problems["key"] = _("The key “%(key)s” is already used by another code.") % {
            "key": values.key
        }
    elif same:
        problems["key"] = _(
            "The key “%(key)s” is already used by another code as “%(other)s”: keys that "
            "differ only in case are the same key."
        ) % {"key": values.key, "other": same[0]}
    if values.parent and _find(data["codes"], values.parent) is None:
        problems["parent"] = _("There is no code “%(key)s”.") % {"key": values.parent}
    if problems:
        raise CodeError(problems)
    code = {
        "children": existing.get("children", []) if existing else [],
        "description_en": values.description_en,
        "description_fr": values.description_fr,
        "examples": values.examples,
        # A code takes the group of its top-level code: only a top-level code sets one.
        "group": values.group if not values.parent else "",
        "key": values.key,
        "keywords_en": values.keywords_en,
        "keywords_fr": values.keywords_fr,
        "name_en": values.name_en,
        "name_fr": values.name_fr,
    }
    if existing is not None and original is not None:
        holder, index = _find(data["codes"], original) or ([], 0)
        parent_now = _parent_of(data["codes"], original)
        if parent_now == (values.parent or None):
            holder[index] = code  # same place
        else:
            del holder[index]
            _place(data, code, values.parent)
    else:
        _place(data, code, values.parent)
    _inherit_group(data["codes"])
    return replace_codebook(actor=actor, consultation=consultation, data=data)


def _place(data: dict[str, Any], code: dict[str, Any], parent: str) -> None:
    if not parent:
        data["codes"].append(code)
        return
    holder, index = _find(data["codes"], parent) or ([], 0)
    holder[index].setdefault("children", []).append(code)


def _parent_of(codes: list[dict[str, Any]], key: str, parent: str | None = None) -> str | None:
    for code in codes:
        if code["key"] == key:
            return parent
        found = _parent_of(code.get("children", []), key, code["key"])
        if found is not None:
            return found
    return None


def _inherit_group(codes: list[dict[str, Any]]) -> None:
    """Children carry their top-level code's group, as the engine's loader gives them."""

    def down(children: list[dict[str, Any]], group: str) -> None:
        for child in children:
            child["group"] = group
            down(child.get("children", []), group)

    for code in codes:
        down(code.get("children", []), code.get("group", ""))


def delete_code(*, actor: Any, consultation: Consultation, key: str) -> Codebook | None:
    """Remove a code without sub-codes. People's decisions on it stay, under its key."""
    data = _current(consultation)
    found = _find(data["codes"], key)
    if found is None:
        raise CodeError({"key": _("There is no code “%(key)s”.") % {"key": key}})
    holder, index = found
    if holder[index].get("children"):
        raise CodeError({"key": _("Move or delete its sub-codes first.")})
    del holder[index]
    return replace_codebook(actor=actor, consultation=consultation, data=data)


def merge_into(
    *,
    actor: Any,
    consultation: Consultation,
    key: str,
    keywords_en: list[str],
    keywords_fr: list[str],
) -> Codebook | None:
    """Fold a theme into an existing code: its key phrases join the code's keywords (each once)."""
    data = _current(consultation)
    found = _find(data["codes"], key)
    if found is None:
        raise CodeError({"code": _("There is no code “%(key)s”.") % {"key": key}})
    holder, index = found
    code = holder[index]
    for name, extra in (("keywords_en", keywords_en), ("keywords_fr", keywords_fr)):
        present = list(code.get(name, []))
        code[name] = present + [item for item in extra if item not in present]
    return replace_codebook(actor=actor, consultation=consultation, data=data)
