"""Questionnaire reads: a respondent's visit, the dashboard's counts and the rows that exports are
made of."""

from __future__ import annotations

import hmac
import uuid
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.core.prepared import PreparedQuery
from heard.core.session_store import live_data
from heard.questionnaires.models import (
    AccessRequest,
    AnswerFile,
    FormMedia,
    Questionnaire,
    QuestionnaireVersion,
    Respondent,
    Response,
    ResponseState,
)
from heard.stakeholders.models import Sector
from heard.stakeholders.regions import Region


@dataclass(frozen=True)
class Visit:
    """What every respondent request needs, read in one query: with the session's row when the
    request names its respondent in the visit cookie (heard.questionnaires.visit_cookie)."""

    respondent: Respondent  # with its questionnaire and its consultation's title and address
    response: Response | None  # with its version, without the definition (compiled.form_of)
    latest: tuple[int, uuid.UUID] | None  # the current version's (pk, revision)

    def holds(self, pk: int, token_hash: str) -> bool:
        """Whether this is the visit of the respondent a session names (pk and link)."""
        held = self.respondent.token_hash
        return (
            self.respondent.pk == pk
            and isinstance(held, str)
            and isinstance(token_hash, str)
            and hmac.compare_digest(held, token_hash)
        )

    def is_open(self, at: datetime | None = None) -> bool:
        questionnaire = self.respondent.questionnaire
        return questionnaire.between_dates(at) and questionnaire.current_version_is_ready(
            self.latest
        )


def _visit_rows() -> Any:
    latest = QuestionnaireVersion.objects.filter(questionnaire=OuterRef("questionnaire")).order_by(
        "-number"
    )
    # Only the columns respondent pages read (the first page shows the consultation's title,
    # the last its contact address). Reading another field costs a query, which the
    # request-cost test counts. Its SQL is built once (below), so a join costs nothing to build.
    return (
        Respondent.objects.select_related("questionnaire__consultation", "response__version")
        .only(
            *("id", "questionnaire", "token_hash", "link_expires_at", "link_revoked_at"),
            *("questionnaire__consultation__title_en", "questionnaire__consultation__title_fr"),
            "questionnaire__consultation__contact_email",
            *("questionnaire__consultation", "questionnaire__opens_at"),
            *("questionnaire__closes_at", "questionnaire__title_en", "questionnaire__title_fr"),
            *("questionnaire__privacy_notice_en", "questionnaire__privacy_notice_fr"),
            *("response__version__questionnaire", "response__version__number"),
            "response__version__revision",
            *[f"response__{f.name}" for f in Response._meta.concrete_fields],
        )
        .annotate(
            latest_pk=Subquery(latest.values("pk")[:1]),
            latest_revision=Subquery(latest.values("revision")[:1]),
        )
    )


def _visit_query(pk: int, token_hash: str) -> Any:
    # One row by its key: no ORDER BY (the model's ordering would make the database sort it).
    return _visit_rows().filter(pk=pk, token_hash=token_hash).order_by()[:1]


def _visit_and_session_query(pk: int, session_key: str, now: datetime) -> Any:
    found = _visit_rows().annotate(session_data=live_data(session_key, now)).filter(pk=pk)
    return found.order_by()[:1]


# Their SQL is built once per thread (heard.core.prepared): every respondent request runs one.
_VISIT = PreparedQuery(
    _visit_query,
    pk=-2_147_483_001,
    token_hash="(marker token hash)",  # noqa: S106 - marks where the hash goes, not a secret
)
_VISIT_AND_SESSION = PreparedQuery(
    _visit_and_session_query,
    pk=-2_147_483_001,
    session_key="(marker session key)",
    now=datetime(1999, 12, 31, 23, 59, 57, 654321, tzinfo=UTC),
)


def _as_visit(respondent: Respondent) -> Visit:
    try:
        response: Response | None = respondent.response
    except Response.DoesNotExist:
        response = None
    found: int | None = getattr(respondent, "latest_pk", None)
    revision: uuid.UUID | None = getattr(respondent, "latest_revision", None)
    latest = (found, revision) if found is not None and revision is not None else None
    return Visit(respondent, response, latest)


def visit(pk: int, token_hash: str) -> Visit | None:
    """The respondent a session holds, with their response and what the current version is; None
    if there is no such respondent (any more). The form itself is not read: each process keeps it
    by revision (heard.questionnaires.compiled)."""
    respondent = _VISIT.one(pk=pk, token_hash=token_hash)
    return None if respondent is None else _as_visit(respondent)


@dataclass(frozen=True)
class VisitAndSession:
    """What `visit_and_session` read: the visit of the respondent the request's cookie names
    (not yet checked against the session: see `Visit.holds`), and the session's data."""

    visit: Visit
    session_data: str | None  # None: no such session, or it has expired


def visit_and_session(pk: int, session_key: str) -> VisitAndSession | None:
    """The visit of respondent `pk` and the data of session `session_key`, in one query (ADR
    0023); None if there is no such respondent, and then the session has not been read."""
    respondent = _VISIT_AND_SESSION.one(pk=pk, session_key=session_key, now=timezone.now())
    if respondent is None:
        return None
    data: str | None = getattr(respondent, "session_data", None)
    return VisitAndSession(_as_visit(respondent), data)


STARTED = Q(response__isnull=False)
SUBMITTED = Q(response__state=ResponseState.SUBMITTED)


def totals(questionnaire: Questionnaire) -> dict[str, int]:
    respondents = Respondent.objects.filter(questionnaire=questionnaire)
    found = respondents.aggregate(
        invited=Count("id", filter=Q(token_hash__isnull=False)),
        started=Count("id", filter=STARTED),
        drafts=Count("id", filter=Q(response__state=ResponseState.DRAFT)),
        submitted=Count("id", filter=SUBMITTED),
        withdrawn=Count("id", filter=Q(response__state=ResponseState.WITHDRAWN)),
        offline=Count("id", filter=SUBMITTED & ~Q(response__channel="online")),
    )
    found["requests_pending"] = AccessRequest.objects.filter(
        questionnaire=questionnaire, state=AccessRequest.State.PENDING
    ).count()
    return found


def breakdown(questionnaire: Questionnaire, field: str) -> list[dict[str, Any]]:
    """Invited, started and submitted per sector or per region, largest groups first."""
    rows = (
        Respondent.objects.filter(questionnaire=questionnaire)
        .values(field)
        .annotate(
            invited=Count("id", filter=Q(token_hash__isnull=False)),
            started=Count("id", filter=STARTED),
            submitted=Count("id", filter=SUBMITTED),
        )
        .order_by(field)
    )
    if field == "sector":
        names = {
            s.pk: str(s.name)
            for s in Sector.objects.filter(consultation=questionnaire.consultation)
        }
        label = lambda key: names.get(key, _("No sector"))  # noqa: E731
    else:
        regions = dict(Region.choices)
        label = lambda key: str(regions.get(key, _("Not given")))  # noqa: E731
    found = [{**row, "label": label(row[field])} for row in rows]
    return sorted(found, key=lambda r: (-r["invited"] - r["submitted"], r["label"]))


def by_day(questionnaire: Questionnaire) -> list[dict[str, Any]]:
    """Submissions per day in the consultation's time zone, each day from the first to the last."""
    zone = zoneinfo.ZoneInfo(questionnaire.consultation.time_zone)
    moments = Response.objects.filter(
        respondent__questionnaire=questionnaire, state=ResponseState.SUBMITTED
    ).values_list("submitted_at", flat=True)
    days: Counter[date] = Counter(m.astimezone(zone).date() for m in moments if m)
    if not days:
        return []
    first, last = min(days), max(days)
    rows, day, running = [], first, 0
    while day <= last:
        running += days[day]
        rows.append({"day": day, "submitted": days[day], "running": running})
        day = date.fromordinal(day.toordinal() + 1)
    return rows


def export_rows(
    questionnaire: Questionnaire, version_number: int | None = None
) -> Iterator[dict[str, Any]]:
    """Submitted responses as the exporters read them; opaque ids, no names."""
    responses = (
        Response.objects.filter(
            respondent__questionnaire=questionnaire, state=ResponseState.SUBMITTED
        )
        .select_related("version")
        .order_by("submitted_at", "id")
    )
    if version_number is not None:
        responses = responses.filter(version__number=version_number)
    for response in responses.iterator(chunk_size=500):
        yield {
            "response_id": f"R{response.pk:05d}",
            "version": response.version.number,
            "language": response.language,
            "channel": response.channel,
            "submitted_at": response.submitted_at,
            "answers": response.answers,
        }


def answer_files(response: Response) -> dict[str, dict[str, Any]]:
    """The files attached to a response's answers, by question: name, size and type, without
    their content (read only when one is downloaded)."""
    return {
        f.field: {"field": f.field, "name": f.name, "size": f.size, "type": f.content_type}
        for f in AnswerFile.objects.filter(response=response).defer("content")
    }


def form_media(questionnaire_id: int, sha256: str) -> tuple[bytes, str] | None:
    """(content, content type) of a picture, recording or video of the questionnaire's form."""
    found = (
        FormMedia.objects.filter(questionnaire_id=questionnaire_id, sha256=sha256)
        .values_list("content", "content_type")
        .first()
    )
    return (bytes(found[0]), found[1]) if found else None
