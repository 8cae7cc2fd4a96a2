"""A questionnaire version's form, built once per process instead of on every request.

Every respondent request needs the version's Form (its pages, fields and parsed expressions) and
whether the current version is ready (heard.questionnaires.readiness). Reading the definition from
the database, decoding its JSON and building the Form took a good part of a request's time, for a
value that rarely changes. So each process keeps the last few built forms, keyed by revision: a
version's `revision` is a new random id whenever its definition is changed in place
(QuestionnaireVersion.save), and a new form is a new version, so a change is seen by every process
at its next request without any message between them. Queries for respondent pages leave the
definition out and read the revision; the definition is read only when this process has not built
that revision yet.

Forms are shared by the threads of a process: Form is not changed by the code that reads it (its
one cache, of parsed expression trees, only ever gains the same value for a key).
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from heard.questionnaires.form import Form

KEEP = 64  # versions per process; a form is tens of kilobytes


@dataclass(frozen=True)
class Compiled:
    form: Form
    ready: bool  # nothing stops it opening (heard.questionnaires.readiness)

    @classmethod
    def build(cls, definition: dict[str, Any]) -> Compiled:
        from heard.questionnaires.readiness import is_ready

        return cls(Form(definition), is_ready(definition))


_built: OrderedDict[uuid.UUID, Compiled] = OrderedDict()
_lock = threading.Lock()


def compiled(pk: int, revision: uuid.UUID, definition: dict[str, Any] | None = None) -> Compiled:
    """The form of version `pk` at `revision`; `definition` if the caller has it already, else
    read from the database when this process has not built it."""
    key = revision
    with _lock:
        found = _built.get(key)
        if found is not None:
            _built.move_to_end(key)
            return found
    if definition is None:
        from heard.questionnaires.models import QuestionnaireVersion

        row = QuestionnaireVersion.objects.filter(pk=pk).values_list("definition", "revision")
        read = row.first()
        if read is None:
            raise QuestionnaireVersion.DoesNotExist(f"questionnaire version {pk}")
        definition, current = read
        if current != revision:  # changed since the caller read it: build, but do not keep
            return Compiled.build(definition)
    built = Compiled.build(definition)
    with _lock:
        _built[key] = built
        while len(_built) > KEEP:
            _built.popitem(last=False)
    return built


def form_of(version: Any) -> Form:
    """The Form of a QuestionnaireVersion instance, whether or not its definition was read."""
    loaded = "definition" in version.__dict__
    return compiled(version.pk, version.revision, version.definition if loaded else None).form


def forget() -> None:
    """Drop every built form (tests that change a definition behind the model's back)."""
    with _lock:
        _built.clear()


def warm(limit: int = 20) -> int:
    """Build the current version of each questionnaire open now (at most `limit`, the soonest to
    close first), before the process takes requests: its first respondents then do not wait for
    it. The number built; a database that does not answer builds none (the process's readiness
    check says so on its own)."""
    from django.db import DatabaseError
    from django.utils import timezone

    from heard.questionnaires.models import Questionnaire

    now = timezone.now()
    built = 0
    try:
        open_now = Questionnaire.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by(
            "closes_at"
        )[:limit]
        for questionnaire in open_now:
            key = questionnaire.latest_version_key()
            if key is not None:
                compiled(*key)
                built += 1
    except DatabaseError:
        return built
    return built
