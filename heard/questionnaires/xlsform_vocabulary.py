"""What the words of an XLSForm mean to Heard.

pyxform accepts many spellings for one thing (types `int` and `integer`, columns `calculate` and
`calculation`, settings `title` and `form_title`): Heard reads each as pyxform does, keeps the
spelling for the way back, and works with one name. The type aliases are taken from pyxform's own
table, so a spelling pyxform knows is never refused as unknown.

For everything Heard does not render, this module says why and what to use instead: a refusal
that names neither is a dead end for the person holding the form.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils.translation import gettext_noop

from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.locations import LOCATION_TYPES

# The types Heard renders, by the name Heard uses: those typed or sent (a location, a file, a
# barcode typed in) and those chosen from a list.
TYPED_TYPES = (
    "text",
    "integer",
    "decimal",
    "range",
    "date",
    "datetime",
    "time",
    *LOCATION_TYPES,
    *FILE_TYPES,
    "barcode",
)
LIST_TYPES = ("select_one", "select_multiple", "rank")
ANSWER_TYPES = (*TYPED_TYPES, *LIST_TYPES)
# Choices from an attached CSV file (select_one_from_file cities.csv): the question's own type.
FILE_LIST_TYPES = {"select_one_file": "select_one", "select_multiple_file": "select_multiple"}
# Recorded by Heard itself when the respondent starts (start, today) and submits (end).
METADATA_TYPES = ("start", "end", "today")
SIMPLE_TYPES = (*TYPED_TYPES, "note", "acknowledge", "calculate", *METADATA_TYPES)
LABELLED_TYPES = (*ANSWER_TYPES, "note", "acknowledge")
# A row that names an attached data file: it asks nothing and holds no answer.
DATA_TYPES = ("csv-external", "xml-external")
# Never shown to a respondent: worked out, recorded by Heard, or a data file's name.
HIDDEN_TYPES = ("calculate", *METADATA_TYPES, *DATA_TYPES)
# Shown or not, never typed in by a respondent.
UNANSWERED_TYPES = ("note", *HIDDEN_TYPES)


def hidden(item: dict[str, Any]) -> bool:
    """Never shown to a respondent: a hidden type, or a question pyxform gives no control (no
    label and no hint, its answer worked out by a calculation or set when another changes)."""
    return item["type"] in HIDDEN_TYPES or bool(item.get("no_control"))


USABLE_TYPES = (
    *SIMPLE_TYPES,
    *LIST_TYPES,
    *FILE_LIST_TYPES,
    "select_one_external",
    *DATA_TYPES,
    "begin_group",
    "end_group",
    "begin_repeat",
    "end_repeat",
)

# Rows that record something about the device or the visit instead of asking anything: Heard
# cannot or will not record them, and a respondent would see no difference without them, so a
# form is imported without these rows (ADR 0006) and the lead is told which were left out and
# why. Written in full, one sentence each, so that each translates as a whole.
_IDENTIFIER = gettext_noop("a web page cannot read a device's identifier")
_SUBSCRIBER = gettext_noop("a web page cannot read a phone's subscriber number")
_SIM = gettext_noop("a web page cannot read a SIM card")
_PHONE = gettext_noop(
    "a web page cannot read a device's phone number: ask for it in a text question if you need it"
)
_USER = gettext_noop("respondents do not sign in to answer, so there is no user name to record")
_EMAIL = gettext_noop(
    "respondents do not sign in to answer, so there is no address to record: ask for it in a "
    "text question if you need it"
)
_SET_ASIDE_REASONS = {
    "deviceid": _IDENTIFIER,
    "subscriberid": _SUBSCRIBER,
    "simserial": _SIM,
    "phonenumber": _PHONE,
    "username": _USER,
    "email": _EMAIL,
    "audit": gettext_noop(
        "Heard does not record how respondents move through a form, for their privacy"
    ),
    "location_metadata": gettext_noop(
        "Heard does not record where respondents are, for their privacy"
    ),
}


def set_aside_reason(kind: str) -> str | None:
    """Why a row of this kind is imported without (untranslated, for gettext), or None if the
    row is read like any other. `kind` is `_kind_of`'s: 'device:<property>', 'audit', …"""
    if kind.startswith("device:"):
        return _SET_ASIDE_REASONS.get(
            kind.removeprefix("device:").removeprefix("uri:"), _IDENTIFIER
        )
    return _SET_ASIDE_REASONS.get(kind)


# Why each kind of question Heard does not render is refused, and what to use instead. (Written
# gettext_noop in full: makemessages finds the texts by that name.)
UNSUPPORTED = {
    "osm": gettext_noop(
        "OpenStreetMap tags are drawn in an ODK Collect add-on: ask for the place's details in "
        "text and select questions"
    ),
    # A loop is written out as groups before this check (xlsform_loops); what is left is not
    # one: "begin loop" without a list, or an end loop whose begin was refused.
    "begin_loop": gettext_noop("write a loop as “begin loop over” a list name, up to “end loop”"),
    "end_loop": gettext_noop("write a loop as “begin loop over” a list name, up to “end loop”"),
    # A spelling pyxform may add later, with a constraint Heard does not know (those it knows
    # are CONSTRAINED_ALIASES).
    "constrained_alias": gettext_noop(
        "this older spelling adds its own hint and constraint: use integer or text with a "
        "constraint of your own"
    ),
}


# pyxform's older types that add a constraint (and a hint) of their own where the row has none:
# read as the type they stand for with those, and written back as they were (the `written_type`
# of the definition). The constraints and English hints are pyxform's, word for word (a test
# compares them with its table); the French is Heard's.
CONSTRAINED_ALIASES: dict[str, dict[str, Any]] = {
    "phone number": {
        "type": "text",
        "constraint": "regex(., '^\\d*$')",
        "hint": {"en": "Enter numbers only.", "fr": "Saisissez des chiffres seulement."},
    },
    "percentage": {"type": "integer", "constraint": "0 <= . and . <= 100", "hint": None},
    "number of days in last month": {
        "type": "integer",
        "constraint": "0 <= . and . <= 31",
        "hint": {"en": "Enter a number 0-31.", "fr": "Saisissez un nombre de 0 à 31."},
    },
    "number of days in last six months": {
        "type": "integer",
        "constraint": "0 <= . and . <= 183",
        "hint": {"en": "Enter a number 0-183.", "fr": "Saisissez un nombre de 0 à 183."},
    },
    "number of days in last year": {
        "type": "integer",
        "constraint": "0 <= . and . <= 365",
        "hint": {"en": "Enter a number 0-365.", "fr": "Saisissez un nombre de 0 à 365."},
    },
}


def _kind_of(written: str, entry: dict[str, Any]) -> str:
    """Heard's name for a pyxform question type entry, or a key of UNSUPPORTED, or
    'device:<property>'."""
    bind, control = entry.get("bind", {}), entry.get("control", {})
    preload = bind.get("jr:preloadParams")
    if preload in METADATA_TYPES:
        return preload
    if preload:
        return f"device:{preload}"
    if control.get("tag") == "range":
        return "range"
    if written in CONSTRAINED_ALIASES:
        return str(CONSTRAINED_ALIASES[written]["type"])
    if set(entry) - {"bind", "control"} or set(bind) - {"type", "readonly"}:
        return "constrained_alias"
    tag, bound = control.get("tag"), bind.get("type")
    if written == "hidden":
        return "hidden"
    if written == "audit":
        return "audit"
    if tag == "action" or written.startswith("background-"):
        return "location_metadata" if bound == "geopoint" else "audit"
    if tag == "trigger":
        return "acknowledge" if bound == "string" else "trigger"
    if tag == "upload" or bound == "binary":
        kind = str(control.get("mediatype", "")).partition("/")[0]
        return {"application": "file"}.get(kind, kind if kind in ANSWER_TYPES else "osm")
    if tag is None:
        return "calculate" if bound == "string" else "osm"
    if tag in ("select1", "select", "odk:rank"):
        return {"select1": "select_one", "select": "select_multiple", "odk:rank": "rank"}[tag]
    if bind.get("readonly") == "true()":
        return "note"
    return {
        "string": "text",
        "int": "integer",
        "decimal": "decimal",
        "date": "date",
        "dateTime": "datetime",
        "time": "time",
        "geopoint": "geopoint",
        "geotrace": "geotrace",
        "geoshape": "geoshape",
        "barcode": "barcode",
    }.get(bound, "osm")


@cache
def question_types() -> dict[str, str]:
    """Every question type spelling pyxform knows -> Heard's name for it (see `_kind_of`)."""
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    found = {written: _kind_of(written, entry) for written, entry in QUESTION_TYPE_DICT.items()}
    found.pop("csv-external", None)
    found.pop("xml-external", None)
    return found


# Spellings of the types that take a list name after them, longest first when matched.
LIST_TYPE_SPELLINGS = {
    "select_one": "select_one",
    "select one": "select_one",
    "select1": "select_one",
    "select one from": "select_one",
    "select one using": "select_one",
    "add select one prompt using": "select_one",
    "select_multiple": "select_multiple",
    "select all that apply": "select_multiple",
    "select all that apply from": "select_multiple",
    "select multiple from": "select_multiple",
    "select multiple using": "select_multiple",
    "add select multiple prompt using": "select_multiple",
    "rank": "rank",
    "select_one_from_file": "select_one_file",
    "select one from file": "select_one_file",
    "select_multiple_from_file": "select_multiple_file",
    "select multiple from file": "select_multiple_file",
    "select_one_external": "select_one_external",
    "select one external": "select_one_external",
}
# Types that declare an attached data file (for pulldata() or a lookup), not a question.
ATTACHMENT_TYPES = {"csv-external": "csv-external", "xml-external": "xml-external"}
# begin/end with pyxform's names for groups and repeats.
CONTROL_SPELLINGS = {
    "group": "group",
    "repeat": "repeat",
    "lgroup": "repeat",
    "looped group": "repeat",
}

# Survey columns: pyxform's other names for the columns Heard reads.
SURVEY_COLUMN_ALIASES = {
    "caption": "label",
    "relevance": "relevant",
    "calculate": "calculation",
    "constraining_message": "constraint_message",
    "requiredmsg": "required_message",
    "command": "type",
    "tag": "name",
    "value": "name",
    "jr:count": "repeat_count",
    "count": "repeat_count",
    "readonly": "read_only",
}
# pyxform reads `relevant` as the XForm's bind attribute, so `bind::relevant` (or
# `bind:relevant` in a sheet of single colons, as older forms write) is the same column. These
# are the grouped spellings of the columns Heard reads: (group, attribute as pyxform writes it).
# Other `bind::`, `control::`, `body::` and `instance::` columns are kept for the way back.
GROUPED_SURVEY_COLUMNS = {
    ("bind", "relevant"): "relevant",
    ("bind", "required"): "required",
    ("bind", "constraint"): "constraint",
    ("bind", "calculate"): "calculation",
    ("bind", "readonly"): "read_only",
    ("bind", "jr:constraintMsg"): "constraint_message",
    ("bind", "jr:requiredMsg"): "required_message",
    ("control", "appearance"): "appearance",
    ("body", "appearance"): "appearance",
    ("control", "jr:count"): "repeat_count",
    ("body", "jr:count"): "repeat_count",
}
CHOICE_COLUMN_ALIASES = {"caption": "label", "value": "name", "list name": "list_name"}
# Survey columns Heard keeps as written (for the way back) but has no use for on the web.
SURVEY_COLUMNS_KEPT = {
    "guidance_hint",  # shown in ODK Collect's form details, not to respondents on the web
    "autoplay",  # plays a question's media in ODK Collect; on the web, the respondent does
    "intent",  # a group's external Android app in ODK Collect; on the web it is filled by hand
    "noapperrorstring",  # ODK Collect's message when that app is missing
    "no_app_error_string",
    "compact_tag",  # a question's tag in ODK's compact SMS submissions
    "rows",  # the height of a text box in ODK Collect; Heard sizes its own
}
# Survey columns that change what a form asks: refused with what to do instead.
SURVEY_COLUMN_REASONS = {
    "save_to": gettext_noop("ODK entities are not supported: remove the column"),
}
SETTINGS_ALIASES = {
    "title": "form_title",
    "set_form_title": "form_title",
    "id_string": "form_id",
    "set_form_id": "form_id",
}
# Settings Heard keeps as written for the way back, and does not need: they steer ODK Collect or
# an ODK server (Heard stores answers encrypted in any case).
SETTINGS_KEPT = {
    "instance_name",
    "public_key",
    "submission_url",
    "auto_send",
    "auto_delete",
    "omit_instanceid",
    "namespaces",
    "sms_keyword",
    "sms_separator",
    "sms_allow_media",
    "sms_date_format",
    "sms_datetime_format",
    "sms_response",
    "prefix",
    "delimiter",
    "compact_tag",
    "name",
    "clean_text_values",
    "client_editable",
}

# Appearances that change what is asked or recorded, refused with a reason. Every other one only
# changes how ODK Collect or Enketo lays a question out: Heard renders those it knows (multiline,
# minimal, horizontal, likert, field-list) and, like ODK clients, ignores the rest; the cell is
# kept for the way back. `maps` and `placement-map` among them: Heard draws no map (its tiles would
# come from another site), so a location is typed or filled in by the browser (locations.py).
APPEARANCE_REASONS = {
    "month-year": gettext_noop("dates without a day are not supported yet: use a date question"),
    "year": gettext_noop("dates without a day are not supported yet: use an integer question"),
    "signature": gettext_noop(
        "Heard has no drawing pad: ask for a picture (a photo or a scan) without this appearance"
    ),
    "draw": gettext_noop(
        "Heard has no drawing pad: ask for a picture (a photo or a scan) without this appearance"
    ),
    "annotate": gettext_noop(
        "Heard has no drawing pad: ask for a picture (a photo or a scan) without this appearance"
    ),
    "url": gettext_noop("a web form cannot open another application for an answer"),
    "counter": gettext_noop("counters open an application on the device: use integer"),
    "bearing": gettext_noop("a web page cannot read a compass: use decimal"),
    "masked": gettext_noop("masked answers are not supported: use text"),
}


# The parameters Heard uses, by type; pyxform checks their values (and refuses the keys it does
# not know for a type). The range's ticks and placeholder only change how ODK draws a slider.
PARAMETERS = {
    "select_one": {"randomize", "seed"},
    "select_multiple": {"randomize", "seed"},
    # The file's columns to read as each choice's name and label (pyxform's value= and label=).
    "select_one_file": {"randomize", "seed", "value", "label"},
    "select_multiple_file": {"randomize", "seed", "value", "label"},
    "rank": {"randomize", "seed"},
    "range": {"start", "end", "step", "tick_interval", "placeholder", "tick_labelset"},
    # How accurate ODK Collect waits for a device's fix to be: the browser reports its own.
    "geopoint": {"capture-accuracy", "warning-accuracy", "allow-mock-accuracy"},
    "geotrace": {"allow-mock-accuracy", "incremental"},
    "geoshape": {"allow-mock-accuracy", "incremental"},
    # How ODK Collect shrinks a photo or records a sound: Heard keeps the file as it was sent.
    "image": {"max-pixels"},
    "audio": {"quality"},
}
RANGE_DEFAULTS = {"start": "1", "end": "10", "step": "1"}


def appearance_words(cell: str) -> list[str]:
    """The words of an appearance cell, keeping a call such as search('list', 'matches', 'a')
    whole, so that a message names it and not a fragment of it."""
    words, depth, current = [], 0, ""
    for char in cell:
        if char.isspace() and depth == 0:
            if current:
                words.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    if current:
        words.append(current)
    return words


def appearance_reason(word: str) -> str | None:
    """Why an appearance cannot be used, or None if Heard renders or may ignore it."""
    if word.startswith("search(") or word.startswith("pulldata("):
        return gettext_noop(
            "it looks choices up in an attached file, which is not supported yet: copy the "
            "choices to the choices sheet"
        )
    if word.startswith("ex:"):
        return gettext_noop("a web form cannot open another application for an answer")
    if word.startswith("printer"):
        return gettext_noop("a web form cannot print to a device's printer")
    # Any other word changes nothing: ODK clients ignore appearances they do not know, and so
    # does Heard (the cell is kept for the way back).
    return APPEARANCE_REASONS.get(word.lower())
