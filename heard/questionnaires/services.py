"""Questionnaire writes: the form and its versions, personal links, requests, drafts, submissions.

Every write runs in one transaction with its audit event; email goes through the outbox in the
same transaction (heard.notify), so a rolled-back change sends nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from heard.consultations import services as consultation_services
from heard.consultations.dates import long_date
from heard.consultations.models import Consultation, RelatedLink
from heard.core import audit, limits
from heard.core.bilingual import LANGUAGE_CODES
from heard.core.crypto import blind_index, blind_indexes
from heard.core.prepared import PreparedQuery, PreparedUpdate
from heard.core.rows import stored_copy
from heard.core.tokens import token_hash
from heard.notify import bilingual
from heard.notify.services import queue_email
from heard.questionnaires import form_media, repeats, selectors, xlsform
from heard.questionnaires.answer_files import Accepted, PageFiles
from heard.questionnaires.compiled import compiled, form_of
from heard.questionnaires.form import Form, with_metadata
from heard.questionnaires.models import (
    AccessRequest,
    AnswerFile,
    Channel,
    FormMedia,
    Questionnaire,
    QuestionnaireVersion,
    Respondent,
    Response,
    ResponseState,
)
from heard.questionnaires.xlsform_files import attach, attached_files, missing_files
from heard.questionnaires.xlsform_vocabulary import METADATA_TYPES
from heard.stakeholders import outreach
from heard.stakeholders.models import Person


class FormChangeRefused(Exception):
    """The current version has answers: changing it needs an explicit new version."""


def personal_link(token: str) -> str:
    return settings.HEARD_PUBLIC_URL.rstrip("/") + reverse("questionnaire_link", args=[token])


def email_index(address: str) -> str:
    return blind_index("questionnaire-email|" + address.strip().lower())


def email_indexes(address: str) -> list[str]:
    """Under every blind index key, for lookups during a key rotation."""
    return blind_indexes("questionnaire-email|" + address.strip().lower())


# The form -----------------------------------------------------------------------------------------


@transaction.atomic
def upload_form(
    *,
    actor: Any,
    questionnaire: Questionnaire,
    data: bytes,
    filename: str,
    new_version: bool = False,
    language: str = "en",
    attachments: dict[str, bytes] | None = None,
) -> QuestionnaireVersion:
    """Read an XLSForm into the questionnaire: FormError if it cannot be used, nothing written.
    `language`: that of text columns written without one (see `xlsform.parse`). `attachments`:
    the CSV files of choices it names, by file name; files the current version has keep being
    used unless new ones of the same name come with the form."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    current = questionnaire.current_version
    given = attachments or {}
    files = {**(attached_files(current.definition) if current else {}), **given}
    definition, xform = xlsform.parse(data, filename, language=language, attachments=files)
    uses = {*definition.get("files", {}), *definition.get("media", {})}
    unknown = sorted(set(given) - uses)
    if unknown:
        raise xlsform.FormError(
            [
                xlsform.FormProblem(
                    name,
                    None,
                    "",
                    _("The form uses no file of this name. It uses: %(names)s.")
                    % {"names": ", ".join(sorted(uses)) or "–"},
                )
                for name in unknown
            ]
        )
    if current is not None:
        # A file kept from the version before is still the file attached then.
        for name in definition.get("files", {}):
            if name not in given and name in current.definition.get("files", {}):
                definition["files"][name] = current.definition["files"][name]
        form_media.carry(definition, current.definition)
    media = {name: data for name, data in given.items() if name in definition.get("media", {})}
    if media:
        definition, blobs = form_media.attach(definition, media)
        _keep_media(questionnaire, blobs)
    if current is not None and not new_version:
        if current.responses.exists():
            raise FormChangeRefused
        current.definition, current.xform, current.source_name = definition, xform, filename
        current.created_by = actor if getattr(actor, "is_authenticated", False) else None
        current.save()
        version, action = current, "questionnaire.form_replaced"
    else:
        version = QuestionnaireVersion.objects.create(
            questionnaire=questionnaire,
            number=(current.number + 1) if current else 1,
            definition=definition,
            xform=xform,
            source_name=filename,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        action = "questionnaire.version_added"
    audit.record(
        actor=actor,
        action=action,
        target=questionnaire,
        scope=questionnaire.consultation.scope,
        changes={"version": version.number, "file": filename, "fields": len(definition["fields"])},
    )
    return version


@transaction.atomic
def attach_files(
    *, actor: Any, questionnaire: Questionnaire, files: dict[str, bytes], language: str = "en"
) -> QuestionnaireVersion:
    """Attach CSV files of choices the current version names: FormError, nothing written, if a
    file is not one it names or cannot be used. A version with answers is not changed: upload
    the form again as a new version with the files."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    version = questionnaire.current_version
    if version is None:
        raise xlsform.FormError(
            [xlsform.FormProblem("", None, "", _("Upload the form before its files."))]
        )
    if version.responses.exists():
        raise FormChangeRefused
    version.definition, blobs = _attach_all(version.definition, files, language)
    _keep_media(questionnaire, blobs)
    version.save(update_fields=["definition"])
    audit.record(
        actor=actor,
        action="questionnaire.files_attached",
        target=questionnaire,
        scope=questionnaire.consultation.scope,
        changes={
            "version": version.number,
            "files": {
                name: {
                    **version.definition.get("files", {}),
                    **version.definition.get("media", {}),
                }[name]["sha256"]
                for name in sorted(files)
            },
            "missing": missing_files(version.definition),
        },
    )
    return version


def _attach_all(
    definition: dict[str, Any], files: dict[str, bytes], language: str
) -> tuple[dict[str, Any], list[form_media.Blob]]:
    """The definition with these files attached (files of choices and data, and media), and the
    media contents to keep; FormError with every file's problems, nothing changed."""
    named_media = definition.get("media", {})
    problems: list[xlsform.FormProblem] = []
    blobs: list[form_media.Blob] = []
    try:
        definition = attach(
            definition, {n: d for n, d in files.items() if n not in named_media}, language
        )
    except xlsform.FormError as error:
        problems += error.problems
    try:
        definition, blobs = form_media.attach(
            definition, {n: d for n, d in files.items() if n in named_media}
        )
    except xlsform.FormError as error:
        problems += error.problems
    if problems:
        raise xlsform.FormError(problems)
    return definition, blobs


def _keep_media(questionnaire: Questionnaire, blobs: list[form_media.Blob]) -> None:
    """One copy of each picture, recording or video per questionnaire."""
    for blob in blobs:
        FormMedia.objects.get_or_create(
            questionnaire=questionnaire,
            sha256=blob.sha256,
            defaults={
                "content_type": blob.content_type,
                "size": len(blob.data),
                "content": blob.data,
            },
        )


# Email --------------------------------------------------------------------------------------------


def _details(questionnaire: Questionnaire, language: str) -> dict[str, str]:
    consultation = questionnaire.consultation
    with override(language):
        return {
            "title": str(questionnaire.title),
            "closes": long_date(timezone.localtime(questionnaire.closes_at)),
            "consultation_title": str(consultation.title),
            "consultation_contact": " ".join(
                p for p in (str(consultation.contact_name), consultation.contact_email) if p
            ),
        }


def _send(
    *,
    questionnaire: Questionnaire,
    to: str,
    name: str,
    language: str,
    template: str,
    subject: dict[str, str],
    key: str,
    context: dict[str, Any],
) -> None:
    titles = {lang: _details(questionnaire, lang)["title"] for lang in ("en", "fr")}
    queue_email(
        scope=questionnaire.consultation.scope,
        kind=f"questionnaire-{template}",
        dedupe_key=key,
        to=to,
        subject=bilingual.subject(subject, titles, language),
        text=bilingual.body(
            f"questionnaires/email/{template}.txt",
            language,
            lambda lang: {"name": name, **context, **_details(questionnaire, lang)},
        ),
        language=language,
    )


INVITATION_SUBJECT = {"en": "Questionnaire: ", "fr": "Questionnaire : "}
REMINDER_SUBJECT = {"en": "Reminder: ", "fr": "Rappel : "}
REQUEST_SUBJECT = {"en": "Your request: ", "fr": "Votre demande : "}


def _contact(respondent: Respondent) -> tuple[str, str] | None:
    """(email, name) of a respondent, from the registry or their access request."""
    if respondent.person is not None:
        return respondent.person.email, respondent.person.name
    request = AccessRequest.objects.filter(respondent=respondent).first()
    if request is not None:
        return request.email, request.name
    return None


def _new_link(respondent: Respondent, questionnaire: Questionnaire) -> str:
    """A fresh personal link, valid at least until the questionnaire closes."""
    return outreach.fresh_link(
        respondent, valid_days=questionnaire.link_valid_days, at_least=questionnaire.closes_at
    )


# Personal links -----------------------------------------------------------------------------------


@transaction.atomic
def invite(
    *, actor: Any, questionnaire: Questionnaire, people: Iterable[Person]
) -> outreach.InviteReport:
    """Send personal links (not twice, nor to anyone who asked not to be contacted)."""

    def invite_one(person: Person) -> None:
        respondent = Respondent(
            questionnaire=questionnaire,
            person=person,
            source=Respondent.Source.REGISTRY,
            sector_id=person.sector_id,
            region=person.region,
            language=person.language,
        )
        token = _new_link(respondent, questionnaire)
        respondent.save()
        _send(
            questionnaire=questionnaire,
            to=person.email,
            name=person.name,
            language=person.language,
            template="invitation",
            subject=INVITATION_SUBJECT,
            key=f"questionnaire-invitation:{respondent.pk}",
            context={"link": personal_link(token)},
        )

    return outreach.invite(
        actor=actor,
        people=people,
        already=questionnaire.respondents.values_list("person_id", flat=True),
        invite_one=invite_one,
        audit_as=_audit_as("questionnaire.invited", questionnaire),
    )


def _audit_as(action: str, questionnaire: Questionnaire) -> outreach.Audit:
    return outreach.Audit(action, questionnaire, questionnaire.consultation.scope)


def _by_token_hash(hashed: str) -> Any:
    # The hash is unique: at most one row, which a prepared query needs.
    return Respondent.objects.select_related("questionnaire__consultation").filter(
        token_hash=hashed
    )[:1]


# Every personal link opened runs it: its SQL built once per thread (heard.core.prepared).
_BY_TOKEN_HASH = PreparedQuery(_by_token_hash, hashed="(marker token hash)")


def find_by_token(token: str) -> Respondent | None:
    """The respondent a link opens; None for unknown, expired or revoked links."""
    respondent = _BY_TOKEN_HASH.one(hashed=token_hash(token))
    if respondent is None or not respondent.link_is_valid():
        return None
    return respondent


@transaction.atomic
def revoke_link(*, actor: Any, respondent: Respondent) -> None:
    respondent.link_revoked_at = timezone.now()
    respondent.save(update_fields=["link_revoked_at"])
    audit.record(
        actor=actor,
        action="questionnaire.link_revoked",
        target=respondent,
        scope=respondent.questionnaire.consultation.scope,
    )


@transaction.atomic
def remind(*, actor: Any, questionnaire: Questionnaire) -> int:
    """Remind everyone who has not submitted, with a fresh link, within the count and interval."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if not questionnaire.is_open():
        return 0

    def send(respondent: Respondent, token: str) -> bool:
        contact = _contact(respondent)
        if contact is None:
            return False
        _send(
            questionnaire=questionnaire,
            to=contact[0],
            name=contact[1],
            language=respondent.language,
            template="reminder",
            subject=REMINDER_SUBJECT,
            key=f"questionnaire-reminder:{respondent.pk}:{respondent.reminders_sent}",
            context={"link": personal_link(token)},
        )
        return True

    return outreach.remind(
        actor=actor,
        candidates=questionnaire.respondents.filter(token_hash__isnull=False).exclude(
            response__state__in=[ResponseState.SUBMITTED, ResponseState.WITHDRAWN]
        ),
        rules=outreach.Reminders(
            limit=questionnaire.reminder_limit,
            interval=timedelta(days=questionnaire.reminder_interval_days),
            valid_days=questionnaire.link_valid_days,
            at_least=questionnaire.closes_at,
        ),
        send=send,
        audit_as=_audit_as("questionnaire.reminded", questionnaire),
    )


# The consultation page ----------------------------------------------------------------------------


@transaction.atomic
def publish_request_link(*, actor: Any, questionnaire: Questionnaire, site: str) -> bool:
    """Put "Ask for the questionnaire" among the consultation page's related links, once.

    `site` is the address the page is reached at (https://consult.example.org). The link is a part
    of the consultation page, so it is saved by the consultation's own service and keeps to its
    rules: ValidationError for an address a reader could not follow, PublishRefused when a
    published page would be left incomplete. False if the page already had the link.
    """
    # Locked: two clicks at once add one link.
    consultation = Consultation.objects.select_for_update().get(pk=questionnaire.consultation_id)
    urls = {}
    for language in LANGUAGE_CODES:
        with override(language):
            path = reverse("questionnaire_request", args=[questionnaire.pk])
        urls[language] = site.rstrip("/") + path
    if consultation.related_links.filter(url_en=urls["en"]).exists():
        return False
    consultation_services.save_part(
        actor=actor,
        consultation=consultation,
        part=RelatedLink(),
        values={
            "title_en": f"Ask for the questionnaire: {questionnaire.title_en}",
            "title_fr": f"Demander le questionnaire : {questionnaire.title_fr}",
            "url_en": urls["en"],
            "url_fr": urls["fr"],
        },
    )
    audit.record(
        actor=actor,
        action="questionnaire.request_link_published",
        target=questionnaire,
        scope=consultation.scope,
    )
    return True


# Reading answers ----------------------------------------------------------------------------------


@transaction.atomic
def record_reading(*, actor: Any, response: Response) -> None:
    """Answers are personal: each time staff open one, the audit trail says who and when."""
    audit.record(
        actor=actor,
        action="questionnaire.response_read",
        target=response,
        scope=response.respondent.questionnaire.consultation.scope,
    )


@transaction.atomic
def record_file_download(*, actor: Any, file: AnswerFile) -> None:
    """A respondent's file, downloaded by staff: who, when, which (not its name: it is theirs)."""
    audit.record(
        actor=actor,
        action="questionnaire.answer_file_downloaded",
        target=file.response,
        scope=file.response.respondent.questionnaire.consultation.scope,
        changes={"question": file.field, "sha256": file.sha256},
    )


@transaction.atomic
def record_export(
    *,
    actor: Any,
    questionnaire: Questionnaire,
    file_format: str,
    language: str,
    version: int,
    rows: int,
) -> None:
    """Each export of the answers is in the audit trail: who, when, what and how many."""
    audit.record(
        actor=actor,
        action="questionnaire.exported",
        target=questionnaire,
        scope=questionnaire.consultation.scope,
        changes={
            "format": file_format,
            "language": language,
            "version": version,
            "responses": rows,
        },
    )


# Access requests ----------------------------------------------------------------------------------

REQUESTS_PER_ADDRESS_PER_HOUR = 5
REQUESTS_PER_QUESTIONNAIRE_PER_HOUR = 200


class TooManyRequests(Exception):
    pass


def address_index(address: str) -> str:
    return blind_index("access-request-address|" + (address or "unknown"))


@transaction.atomic
def request_access(
    *,
    questionnaire: Questionnaire,
    address: str,
    name: str,
    organisation: str,
    email: str,
    sector_id: int | None,
    reason: str,
    language: str,
) -> AccessRequest:
    """Record a request from the public page; throttled per address and per questionnaire."""
    since = timezone.now() - timedelta(hours=1)
    recent = AccessRequest.objects.filter(created_at__gte=since)
    by_address = address_index(address)
    if (
        recent.filter(address_index=by_address).count() >= REQUESTS_PER_ADDRESS_PER_HOUR
        or recent.filter(questionnaire=questionnaire).count() >= REQUESTS_PER_QUESTIONNAIRE_PER_HOUR
    ):
        raise TooManyRequests
    request = AccessRequest(
        questionnaire=questionnaire,
        name=name,
        organisation=organisation,
        email=email.strip(),
        email_index=email_index(email),
        sector_id=sector_id,
        reason=reason,
        language=language,
        address_index=by_address,
    )
    limits.check_lengths(request)
    request.save()
    audit.record(
        actor=None,
        action="questionnaire.access_requested",
        target=request,
        scope=questionnaire.consultation.scope,
        system_label="public",
    )
    return request


@transaction.atomic
def decide_request(*, actor: Any, request: AccessRequest, approve: bool) -> str:
    """Approve (a personal link goes out) or decline; a request is decided once."""
    request = AccessRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != AccessRequest.State.PENDING:
        return "already"
    questionnaire = request.questionnaire
    request.decided_at = timezone.now()
    request.decided_by = actor
    if approve:
        existing = Respondent.objects.filter(
            questionnaire=questionnaire, request__email_index__in=email_indexes(request.email)
        ).first()
        respondent = Respondent(
            questionnaire=questionnaire,
            source=Respondent.Source.REQUEST,
            sector_id=request.sector_id,
            language=request.language,
        )
        token = _new_link(respondent, questionnaire)
        if existing is None:
            respondent.save()
            request.respondent = respondent
        request.state = AccessRequest.State.APPROVED
        request.save()
        if existing is not None:
            # The same address asked twice: send a fresh link to the one respondent it already has.
            existing.token_hash, existing.link_expires_at = (
                respondent.token_hash,
                respondent.link_expires_at,
            )
            existing.save(update_fields=["token_hash", "link_expires_at"])
        _send(
            questionnaire=questionnaire,
            to=request.email,
            name=request.name,
            language=request.language,
            template="approved",
            subject=REQUEST_SUBJECT,
            key=f"questionnaire-approved:{request.pk}",
            context={"link": personal_link(token)},
        )
    else:
        request.state = AccessRequest.State.DECLINED
        request.save()
        _send(
            questionnaire=questionnaire,
            to=request.email,
            name=request.name,
            language=request.language,
            template="declined",
            subject=REQUEST_SUBJECT,
            key=f"questionnaire-declined:{request.pk}",
            context={},
        )
    audit.record(
        actor=actor,
        action="questionnaire.request_approved" if approve else "questionnaire.request_declined",
        target=request,
        scope=questionnaire.consultation.scope,
    )
    return request.state


# Drafts and submissions ---------------------------------------------------------------------------


class QuestionnaireClosed(Exception):
    pass


_FORM_COLUMNS = ("version__definition", "version__xform")  # each process keeps the form built


def _inserted_draft(respondent: Respondent, version_pk: int, language: str) -> Response | None:
    """A new draft in one INSERT, or None if another request (a second tab) made it first.

    Whoever calls this found no response: a get-or-create would ask again, inside a transaction
    and a savepoint (six round trips). The respondent's unique key still refuses a second draft,
    and the caller then takes the get-or-create's way. Inside a transaction, where a refused
    INSERT would spoil the caller's work, it is not tried."""
    if transaction.get_connection().in_atomic_block:
        return None
    response = Response(respondent=respondent, version_id=version_pk, language=language)
    try:
        response.save(force_insert=True)
    except IntegrityError:
        return None
    return response


def draft_for(
    respondent: Respondent, language: str, visit: selectors.Visit | None = None
) -> Response:
    """The respondent's response, created as a draft under the current version on first use.

    `visit` is what the request read already (selectors.visit): with it, an existing draft costs
    no query and a new one an INSERT (a get-or-create inside a transaction, or for a form whose
    answers record when it was started). The version's definition and XForm are never read
    here: the form comes from what this process has built (heard.questionnaires.compiled)."""
    if visit is not None:
        if visit.response is not None:
            return visit.response
        if not visit.is_open():
            raise QuestionnaireClosed
        latest = visit.latest
    else:
        existing = (
            Response.objects.filter(respondent=respondent)
            .select_related("version")
            .defer(*_FORM_COLUMNS)
            .first()
        )
        if existing is not None:
            return existing
        questionnaire = respondent.questionnaire
        if not questionnaire.is_open():
            raise QuestionnaireClosed
        latest = questionnaire.latest_version_key()
    if latest is None:
        raise QuestionnaireClosed
    pk, revision = latest
    definition = compiled(pk, revision).form.definition
    stamped = _has_metadata(definition, "start", "today")
    response = None if stamped else _inserted_draft(respondent, pk, language)
    if response is None:
        with transaction.atomic():
            response, created = Response.objects.get_or_create(
                respondent=respondent, defaults={"version_id": pk, "language": language}
            )
            if created and stamped:
                response.answers = with_metadata(
                    definition, {}, response.started_at, "start", "today"
                )
                response.save(update_fields=["answers_json"])
    if response.version_id == pk:
        # The version as far as respondent pages read it (its form is kept by revision), so
        # that reading response.version costs no query and never the definition.
        response.version = QuestionnaireVersion.from_db(
            response._state.db, ["id", "revision"], [pk, revision]
        )
    return response


def _has_metadata(definition: dict[str, Any], *kinds: str) -> bool:
    return any(f["type"] in kinds for f in definition["fields"])


# The busiest write of all: its SQL written once (heard.core.prepared, ADR 0021).
_SAVE_PAGE = PreparedUpdate(
    Response, ["answers_json", "language", "pages_seen", "saved_at"], where=["id", "state"]
)


def save_page(
    *,
    response: Response,
    page: str,
    answers: dict[str, Any],
    language: str,
    files: PageFiles | None = None,
    entry_removed: EntryRemoved | None = None,
) -> bool:
    """Keep a page's answers on the draft. False if the response is no longer a draft.

    One conditional UPDATE, no lock: the answers were worked out from the draft the request read,
    so a lock taken now would not stop two tabs from overwriting each other's page; and a page
    saved in another tab after submission changes nothing, as with submit(). A page with file
    questions (`files`) keeps or takes out their files in the same transaction; an entry taken
    out of a repeat with file questions (`entry_removed`) takes its files with it, and the later
    entries' files move up with their answers."""
    if (files is not None and files.answers) or entry_removed is not None:
        with transaction.atomic():
            saved = _save_answers(response, page, answers, language)
            if saved and entry_removed is not None:
                _move_entry_files(response, entry_removed)
                files = _files_moved(files, entry_removed) if files is not None else None
            if saved and files is not None:
                _keep_files(response, answers, files.accepted, list(files.answers))
            return saved
    return _save_answers(response, page, answers, language)


@dataclass(frozen=True)
class EntryRemoved:
    """An entry of a repeat taken out: the entry names of its file questions (`gone`), and
    (from, to) for those of the later entries, which move up (repeats.entry_moves)."""

    gone: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]


def _files_moved(files: PageFiles, removed: EntryRemoved) -> PageFiles:
    """The page's files under the names their entries have once the entry is taken out (a file
    sent with the removed entry goes with it)."""
    gone = set(removed.gone)
    moved = dict(removed.moved)

    def renamed(mapping: dict[str, Any]) -> dict[str, Any]:
        return {moved.get(k, k): v for k, v in mapping.items() if k not in gone}

    return PageFiles(renamed(files.answers), renamed(files.accepted), files.errors)


def _move_entry_files(response: Response, removed: EntryRemoved) -> None:
    AnswerFile.objects.filter(response=response, field__in=removed.gone).delete()
    for before, after in removed.moved:
        AnswerFile.objects.filter(response=response, field=before).update(field=after)


def _keep_files(
    response: Response, answers: dict[str, Any], accepted: dict[str, Accepted], names: list[str]
) -> None:
    """Each of `names` (file questions; entry names in a repeat) keeps the file its answer
    names: a new one is stored (encrypted, with its SHA-256), an answer now empty takes its file
    out. `answers` as stored (a repeat's entries nested)."""
    answers = repeats.flat_stored(answers)
    for name in names:
        value = answers.get(name)
        new = accepted.get(name)
        if new is not None and value == new.name:
            AnswerFile.objects.update_or_create(
                response=response,
                field=name,
                defaults={
                    "name": new.name,
                    "content_type": new.content_type,
                    "size": len(new.content),
                    "sha256": hashlib.sha256(new.content).hexdigest(),
                    "content": new.content,
                },
            )
        elif not value:
            AnswerFile.objects.filter(response=response, field=name).delete()


def _prune_files(response: Response, answers: dict[str, Any]) -> None:
    """Files whose question no longer has an answer (it stopped applying, or its entry went)
    go with it."""
    kept = [f for f, v in repeats.flat_stored(answers).items() if isinstance(v, str) and v]
    AnswerFile.objects.filter(response=response).exclude(field__in=kept).delete()


def _save_answers(response: Response, page: str, answers: dict[str, Any], language: str) -> bool:
    seen = response.pages_seen if page in response.pages_seen else [*response.pages_seen, page]
    response.answers = answers
    changed = _SAVE_PAGE.run(
        {"id": response.pk, "state": ResponseState.DRAFT},
        answers_json=response.answers_json,
        language=language,
        pages_seen=seen,
        saved_at=timezone.now(),
    )
    response.pages_seen = seen
    return bool(changed)


@dataclass
class SubmitResult:
    submitted: bool  # this call submitted it
    already: bool  # it had been submitted before
    problems: dict[str, str]


def _locked_response(pk: int) -> Any:
    return (
        Response.objects.select_for_update(of=("self",))
        .select_related("version__questionnaire__consultation")
        .defer("version__xform", "version__definition")
        .filter(pk=pk)[:1]
    )


# Built once per thread (heard.core.prepared, ADR 0021): Django compiled this query's four-table
# SQL on every submission, a third of one. Only ever run inside submit()'s transaction, as a
# locking read must be.
_LOCKED_RESPONSE = PreparedQuery(_locked_response, pk=-2_147_483_002)
_SUBMIT = PreparedUpdate(
    Response,
    ["state", "submitted_at", "language", "answers_json", "saved_at", "wants_report"],
    where=["id", "state"],
)


@transaction.atomic
def submit(
    *,
    response: Response,
    language: str,
    actor: Any = None,
    wants_report: bool = False,
    visit: selectors.Visit | None = None,
) -> SubmitResult:
    """Check every answer again and submit, exactly once however many times it is asked.
    `wants_report`: the respondent asked to be emailed the report when it is published.
    `visit`: the respondent's visit read in this request, whose key of the current version
    saves reading it again."""
    locked = _LOCKED_RESPONSE.one(pk=response.pk)
    if locked is None or locked.state != ResponseState.DRAFT:
        return SubmitResult(False, True, {})
    questionnaire = locked.version.questionnaire
    if actor is None and not (visit.is_open() if visit is not None else questionnaire.is_open()):
        raise QuestionnaireClosed
    form = form_of(locked.version)
    problems = form.problems(locked.answers, language)
    if problems:
        return SubmitResult(False, False, problems)
    cleaned = Response(answers_json="")
    now = timezone.now()
    cleaned.answers = with_metadata(
        form.definition, form.stored(form.clean(locked.answers)), now, "end"
    )
    # A conditional update, so that of two simultaneous submissions exactly one changes the row,
    # whatever the database's locking (SQLite has no row locks).
    changed = _SUBMIT.run(
        {"id": locked.pk, "state": ResponseState.DRAFT},
        state=ResponseState.SUBMITTED,
        submitted_at=now,
        language=language,
        answers_json=cleaned.answers_json,
        saved_at=now,
        wants_report=wants_report,
    )
    if not changed:
        return SubmitResult(False, True, {})
    if form.has_files:
        _prune_files(locked, cleaned.answers)
    locked.state, locked.submitted_at = ResponseState.SUBMITTED, now
    audit.record(
        actor=actor,
        action="questionnaire.response_submitted",
        target=locked,
        scope=questionnaire.consultation.scope,
        changes={"channel": locked.channel, "version": locked.version.number},
        system_label="respondent",
    )
    response.state, response.submitted_at = locked.state, locked.submitted_at
    return SubmitResult(True, False, {})


@transaction.atomic
def enter_response(
    *,
    actor: Any,
    questionnaire: Questionnaire,
    answers: dict[str, Any],
    channel: str,
    language: str,
    received_on: Any = None,
    person: Person | None = None,
    files: dict[str, Accepted] | None = None,
) -> Response:
    """A response received by email or on paper, typed in by staff (already checked by the form),
    with the files that came with it (`files`, by question, as answer_files.accept gives them)."""
    version = questionnaire.current_version
    if version is None:
        raise QuestionnaireClosed
    if channel not in (Channel.EMAIL, Channel.PAPER):
        raise ValueError(channel)
    respondent = None
    if person is not None:
        respondent = Respondent.objects.filter(questionnaire=questionnaire, person=person).first()
    if respondent is None:
        respondent = Respondent.objects.create(
            questionnaire=questionnaire,
            person=person,
            source=Respondent.Source.STAFF,
            sector_id=person.sector_id if person else None,
            region=person.region if person else "",
            language=language,
        )
    form = Form(version.definition)
    response, _created = Response.objects.get_or_create(
        respondent=respondent, defaults={"version": version, "language": language}
    )
    if response.state != ResponseState.DRAFT:
        raise FormChangeRefused
    # Typed in by staff: the form was started and ended as it was entered.
    response.answers = with_metadata(
        version.definition, form.stored(form.clean(answers)), timezone.now(), *METADATA_TYPES
    )
    response.channel = channel
    response.language = language
    response.state = ResponseState.SUBMITTED
    response.submitted_at = received_on or timezone.now()
    response.entered_by = actor
    response.save()
    if files:
        _keep_files(response, response.answers, files, list(files))
    audit.record(
        actor=actor,
        action="questionnaire.response_entered",
        target=response,
        scope=questionnaire.consultation.scope,
        changes={"channel": channel},
    )
    return response


@transaction.atomic
def withdraw(*, actor: Any, response: Response) -> None:
    """At the respondent's request: the answers are erased, the count keeps a withdrawn entry."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    locked.answers_json = ""
    locked.state = ResponseState.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.save()
    AnswerFile.objects.filter(response=locked).delete()  # the files were answers too
    audit.record(
        actor=actor,
        action="questionnaire.response_withdrawn",
        target=locked,
        scope=locked.respondent.questionnaire.consultation.scope,
    )


@transaction.atomic
def create_questionnaire(*, actor: Any, consultation: Consultation, **fields: Any) -> Questionnaire:
    questionnaire = Questionnaire.objects.create(consultation=consultation, **fields)
    audit.record(
        actor=actor,
        action="questionnaire.created",
        target=questionnaire,
        scope=consultation.scope,
        changes={k: str(v) for k, v in fields.items() if not k.startswith("privacy")},
    )
    return questionnaire


@transaction.atomic
def update_questionnaire(*, actor: Any, questionnaire: Questionnaire, **fields: Any) -> bool:
    """Save the settings that differ from the stored ones; False when nothing had changed."""
    # Compared with the stored row: the object passed in may be a bound form's instance, which
    # already carries the new values.
    stored = stored_copy(questionnaire)
    changes = {
        key: [str(getattr(stored, key)), str(value)]
        for key, value in fields.items()
        if getattr(stored, key) != value
    }
    if changes:
        for key in changes:
            setattr(stored, key, fields[key])
        stored.full_clean()
        stored.save()
        audit.record(
            actor=actor,
            action="questionnaire.changed",
            target=stored,
            scope=stored.consultation.scope,
            changes=changes,
        )
    questionnaire.refresh_from_db()
    return bool(changes)
