"""How long each kind of text may be: the one list every form, model, loader and import uses.

Forms and `full_clean` refuse a longer value with Django's message, which gives the limit and the
length typed (in English and French); the error summary puts the field's label in front of it.
The YAML loader and the registry import say which field, the length and the limit. The database
checks the same limits (varchar lengths, and check constraints on text columns; see
`length_constraint`), so a value that slips past Python is refused rather than stored.

docs/guide/consultation-lead.md lists these limits for the people who type the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

# People, in the registry and in what they send us ------------------------------------------------
PERSON_NAME = 200
EMAIL = 254  # the longest address SMTP can carry (RFC 5321: a 256-octet path, less the brackets)
PHONE = 50
JOB_TITLE = 200
CONSENT_SOURCE = 200
NEEDS = 1_000  # accessibility and dietary needs
ORGANISATION_NAME = 250
SUGGESTION_NOTE = 1_000  # why a suggested colleague should take part
REQUEST_REASON = 2_000  # why someone asks for the questionnaire
TAG = 60
TAGS = 1_000  # the comma-separated list typed in the person form

# What the team writes -----------------------------------------------------------------------------
TITLE = 250  # consultation, schedule item, related link, reporting commitment
SHORT_TITLE = 200  # questionnaire, programme item (plenary, breakout, table) and its theme
SUMMARY = 1_000  # the consultation's summary, shown in lists
MARKDOWN = 20_000  # description, objectives, sections, event details, privacy notice
SHORT_NAME = 120  # a sector, a subject, a saved list
CITY = 120
VENUE = 200
DEPARTMENT = 200
CONTACT_NAME = 200
URL = 500
DISCUSSION_QUESTION = 500
FILE_NAME = 200  # an uploaded file's name, as kept with what came from it
USERNAME = 150  # a staff account (Django's own limit)

# What was said -----------------------------------------------------------------------------------
ANSWER = 20_000  # one text answer to a questionnaire question
NOTES = 200_000  # one set of session notes (about 30,000 words)


class BoundedTextField(models.TextField):
    """A TextField whose `max_length` is checked by `full_clean` too, not only by its form field."""

    @cached_property
    def validators(self) -> list[Any]:
        found = list(super().validators)
        if self.max_length is not None:
            found.append(MaxLengthValidator(self.max_length))
        return found


def check_lengths(instance: models.Model) -> None:
    """Raise ValidationError, by field, for every text longer than its field allows.

    For services that create rows without `full_clean` (it would also query foreign keys and
    unique constraints): the same message as a form's, and nothing is written.
    """
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        limit = getattr(field, "max_length", None)
        value = getattr(instance, field.attname)
        if limit and isinstance(value, str):
            try:
                MaxLengthValidator(limit)(value)
            except ValidationError as error:
                errors[field.name] = [error]
    if errors:
        raise ValidationError(errors)


def keep_long_pastes(form: forms.BaseForm) -> None:
    """Leave `maxlength` off the form's text areas (Django puts it on every limited field).

    A browser cuts a paste longer than `maxlength` without a word, so the end of a long text
    would be lost unseen; without it, the server refuses the text with a message that gives the
    limit, and the page comes back with the whole text for the person to shorten. One-line inputs
    keep the attribute: typing stops at the limit, where it can be seen.
    """
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs.pop("maxlength", None)


def encrypted_length(characters: int) -> int:
    """The longest stored token (heard.core.crypto) for a value of at most `characters`.

    A character takes up to 4 bytes in UTF-8; Fernet adds 57 bytes and pads to 16; base64 turns
    3 bytes into 4. The bound is loose (4 times the limit): enough for the database to refuse a
    runaway value, while forms and `full_clean` check the exact number of characters.
    """
    return 4 * math.ceil((57 + 16 + 4 * characters) / 3)


def length_constraint(
    name: str, limits: Mapping[str, int], *, encrypted: tuple[str, ...] = ()
) -> models.CheckConstraint:
    """One check constraint bounding the length of several text columns of a model.

    `encrypted` names the columns that hold encrypted tokens: their bound is `encrypted_length`.
    """
    condition = models.Q()
    for field, limit in limits.items():
        bound = encrypted_length(limit) if field in encrypted else limit
        condition &= models.Q(LessThanOrEqual(Length(field), bound))
    return models.CheckConstraint(condition=condition, name=name)


def refuse_existing_overlong(
    app_label: str, model_name: str, bounds: Mapping[str, int]
) -> Callable[[Any, Any], None]:
    """A RunPython step, run before a length constraint is added: names every stored row that
    the constraint would refuse, instead of the database's bare "check constraint violated".

    `bounds` are the column lengths the constraint allows (already `encrypted_length` for
    encrypted columns). Nothing is shortened: the values are personal data or published text,
    and only a person can decide how to shorten them.
    """

    def check(apps: Any, schema_editor: Any) -> None:
        model = apps.get_model(app_label, model_name)
        manager = model._base_manager.using(schema_editor.connection.alias)
        found = []
        for field, bound in bounds.items():
            too_long = manager.annotate(_length=Length(field)).filter(_length__gt=bound)
            for pk, length in too_long.values_list("pk", "_length")[:20]:
                found.append(f"{model_name} {pk}, {field}: {length:,} characters stored")
        if found:
            raise RuntimeError(
                "Some stored text is longer than the limits this migration adds; shorten it "
                "(staff screens or the Django shell), then migrate again:\n  " + "\n  ".join(found)
            )

    return check
