"""Whether a questionnaire version can open, and what stops it.

An XLSForm that can be read is accepted as a draft even when it is not finished, so that a team
can bring what it has and complete it in Heard: a form in one language (translated here), a form
naming files not attached yet (attached here), a form that asks no question yet (its questions
come in the next version uploaded). The questionnaire does not open, and nobody can be invited,
until nothing stops it. One list, so the respondent's pages, the invitation and the lead's screen
agree on what "ready" means.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heard.questionnaires.xlsform_vocabulary import ANSWER_TYPES


def asks_a_question(definition: Mapping[str, Any]) -> bool:
    """At least one row a respondent answers (a note, a calculate or an acknowledgement alone
    records nothing the consultation asked)."""
    return any(f["type"] in ANSWER_TYPES for f in definition["fields"])


def stops(definition: dict[str, Any]) -> dict[str, Any]:
    """What stops the version opening: texts in one language only, files not attached, and
    whether it asks no question. Empty values when nothing does."""
    from heard.questionnaires.xlsform import missing_translations
    from heard.questionnaires.xlsform_files import missing_files

    return {
        "untranslated": missing_translations(definition),
        "missing_files": missing_files(definition),
        "asks_nothing": not asks_a_question(definition),
    }


def is_ready(definition: dict[str, Any]) -> bool:
    return not any(stops(definition).values())
