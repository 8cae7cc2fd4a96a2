"""What a respondent sees: the personal link, the privacy notice, one page per group, the check
page, the confirmation; and the public page where anyone may ask for the questionnaire.

The link's token is exchanged for a session on first use and the browser is sent on to an address
without it. Every page is saved on the server as the respondent goes, so leaving loses nothing.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import get_language, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from heard.core import limits
from heard.core.addresses import address, go_to
from heard.core.cache_headers import never_cache
from heard.core.context_processors import OTHER_LANGUAGE
from heard.core.jinja import render_page
from heard.core.middleware import allow_feature
from heard.core.sessions import start_link_session
from heard.questionnaires import answer_files, repeats, selectors, services, visit_cookie
from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.compiled import form_of
from heard.questionnaires.form import EntryChange, Form, entry_change
from heard.questionnaires.models import Questionnaire, Respondent, Response, ResponseState
from heard.questionnaires.rendering import (
    answer_text,
    brought_in,
    piped,
    question_label,
    question_views,
)
from heard.questionnaires.views_media import media_response
from heard.questionnaires.xlsform_vocabulary import UNANSWERED_TYPES
from heard.stakeholders.models import Sector

SESSION_KEY = "heard_questionnaire"


def _language(request: HttpRequest) -> str:
    return (get_language() or "en")[:2]


def _link_not_valid(request: HttpRequest) -> HttpResponse:
    other = OTHER_LANGUAGE.get(_language(request), "fr")
    with override(other):
        alternate = reverse("consultations:hub")
    return render(
        request, "questionnaires/link_not_valid.html", {"alternate_url": alternate}, status=404
    )


@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    respondent = services.find_by_token(token)
    if respondent is None:
        response = _link_not_valid(request)
    else:
        # A fresh session id, and a cookie that ends with the browser (heard.core.sessions).
        start_link_session(request)
        request.session[SESSION_KEY] = [respondent.pk, respondent.token_hash]
        with override(respondent.language):
            response = redirect(reverse("questionnaire"), permanent=False)
        visit_cookie.remember(response, respondent.pk)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _visit(request: HttpRequest) -> selectors.Visit | None:
    """The respondent this session was opened for, with their response, or None."""
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None
    pk, hashed = stored
    found = visit_cookie.prefetched(request, pk, hashed) or selectors.visit(pk, hashed)
    if found is None or not found.respondent.link_is_valid():
        request.session.pop(SESSION_KEY, None)
        return None
    return found


def media(request: HttpRequest, sha256: str, name: str) -> HttpResponse:
    """A picture, recording or video of the form of the questionnaire this session's link
    opened (views_media)."""
    found = _visit(request)
    if found is None:
        raise Http404
    return media_response(found.respondent.questionnaire_id, sha256, name)


def _media_url(sha256: str, name: str) -> str:
    return address("questionnaire_media", sha256, name)


def _context(respondent: Respondent, **extra: Any) -> dict[str, Any]:
    return {
        "questionnaire": respondent.questionnaire,
        "quick_exit_url": settings.HEARD_QUICK_EXIT_URL,
        **extra,
    }


@never_cache
def start(request: HttpRequest) -> HttpResponse:
    found = _visit(request)
    if found is None:
        return _link_not_valid(request)
    respondent, response = found.respondent, found.response
    if request.method == "POST":
        try:
            response = services.draft_for(respondent, _language(request), found)
        except services.QuestionnaireClosed:
            return go_to("questionnaire")
        return HttpResponseRedirect(_resume_url(response, request))
    return render_page(
        request,
        "questionnaires/start.jinja",
        _context(
            respondent,
            response=response,
            is_open=found.is_open(),
            has_form=found.latest is not None,
        ),
    )


def _resume_url(response: Response, request: HttpRequest) -> str:
    if response.state != ResponseState.DRAFT:
        return address("questionnaire_done")
    form = form_of(response.version)
    values = form.clean(response.answers)
    pages = form.pages_applying(values)
    for page in pages:
        if page["name"] not in response.pages_seen:
            return address("questionnaire_page", page["name"])
    return address("questionnaire_check")


def _draft(request: HttpRequest) -> tuple[selectors.Visit | None, HttpResponse | None]:
    """The visit of a respondent with an open draft, or the page to show instead."""
    found = _visit(request)
    if found is None:
        return None, _link_not_valid(request)
    if found.response is None:
        return found, go_to("questionnaire")
    if found.response.state != ResponseState.DRAFT:
        return found, go_to("questionnaire_done")
    if not found.is_open():
        return found, go_to("questionnaire")
    return found, None


def _neighbours(
    pages: list[dict[str, Any]], name: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    names = [p["name"] for p in pages]
    if name not in names:
        return None, None
    index = names.index(name)
    before = pages[index - 1] if index > 0 else None
    after = pages[index + 1] if index + 1 < len(pages) else None
    return before, after


@never_cache
@csrf_exempt  # checked by _page, once the upload handler below is in place
def page(request: HttpRequest, name: str) -> HttpResponse:
    """A page of questions. Files sent with it stay in memory (answer_files.KeptInMemory), never
    in a temporary file in the clear: the handler must be set before the body is read, so before
    the CSRF check reads the token."""
    if request.method == "POST":
        answer_files.keep_uploads_in_memory(request)
    return _page(request, name)


@csrf_protect
def _page(request: HttpRequest, name: str) -> HttpResponse:
    found, other = _draft(request)
    if other is not None:
        return other
    if found is None or found.response is None:  # _draft() returned a page for these cases
        return _link_not_valid(request)
    respondent, response = found.respondent, found.response
    language = _language(request)
    form = form_of(response.version)
    current = form.page_by_name.get(name)
    answers = response.answers
    if current is None or current.get("hidden"):
        return HttpResponseRedirect(_resume_url(response, request))
    errors: dict[str, str] = {}
    raw: dict[str, Any] | None = None
    notice = ""
    if request.method == "POST":
        action = request.POST.get("action", "continue")
        change = entry_change(current.get("repeats", {}), action)
        files = None
        if form.has_files:
            cleaned = form.clean(answers)
            files = answer_files.read_uploads(
                form, form.names_on(current, cleaned), request.FILES, request.POST, cleaned
            )
        posted = answer_files.WithFiles(request.POST, files.answers) if files else request.POST
        new_answers, errors = form.read_page(
            current, posted, answers, language, checking=change is None
        )
        entry_removed = None
        if change is not None and not errors:
            entry_removed = _entry_removed(form, change, new_answers)
            new_answers = change(form, new_answers)
        # read_page's answers are already clean (Form.clean, run again, would give them back as
        # they are: it stops when nothing more is dropped); an entry added or taken out is not.
        values = form.clean(new_answers) if change is not None else new_answers
        # Questions that an answer on this page has just brought in, and that the respondent has
        # not seen yet (without JavaScript they stay hidden until the page comes back).
        appeared = brought_in(form, current, values, language, set(request.POST.getlist("shown")))
        for field_name in appeared:
            errors.pop(field_name, None)
        # What is valid is always kept: leaving, switching language or an error loses nothing.
        if not services.save_page(
            response=response,
            page=name,
            answers=form.stored({k: v for k, v in new_answers.items() if k not in errors}),
            language=language,
            files=files,
            entry_removed=entry_removed,
        ):
            return go_to("questionnaire_done")
        if files is not None:
            errors.update(files.errors)  # a file refused: the one before is kept, and shown
        if change is not None and not errors:
            return HttpResponseRedirect(address("questionnaire_page", name) + change.anchor(values))
        if action == "save":
            return go_to("questionnaire_saved")
        if action == "language":
            return HttpResponseRedirect(translate_url(request.path, OTHER_LANGUAGE[language]))
        if errors:
            raw = form.typed(current, request.POST, new_answers)
        elif appeared:
            notice = _("Your answers brought in more questions on this page.")
        else:
            if request.POST.get("return") == "check":
                return go_to("questionnaire_check")
            _before, after = _neighbours(form.pages_applying(values), name)
            if after is None:
                return go_to("questionnaire_check")
            return go_to("questionnaire_page", after["name"])
    else:
        values = form.clean(answers)
    pages = form.pages_applying(values)
    if current not in pages:
        return HttpResponseRedirect(_resume_url(response, request))
    before, _after = _neighbours(pages, name)
    number = [p["name"] for p in pages].index(name) + 1
    questions = question_views(
        form,
        current,
        values,
        language,
        errors,
        raw,
        order_key=str(response.pk),
        media_url=_media_url,
    )
    asks_location = any(q.type == "geopoint" and not q.read_only for q in questions)
    shown = render_page(
        request,
        "questionnaires/page.jinja",
        _context(
            respondent,
            page=current,
            page_label=piped(
                form, (current.get("label") or {}).get(language, ""), values, language
            ),
            questions=questions,
            errors=[(q, q.error) for q in questions if q.error],
            back_url=address("questionnaire_page", before["name"])
            if before
            else address("questionnaire"),
            number=number,
            total=len(pages),
            percent=round(100 * (number - 1) / len(pages)),
            logic=form.logic_for(current, values),
            returning=request.GET.get("return") == "check" or request.POST.get("return") == "check",
            notice=notice,
            switch_language_name={"en": "Français", "fr": "English"}[language],
            asks_location=asks_location,
            has_files=any(q.takes_file for q in questions),
        ),
        status=400 if errors else 200,
    )
    return allow_feature(shown, "geolocation") if asks_location else shown


def _entry_removed(
    form: Form, change: EntryChange, answers: dict[str, Any]
) -> services.EntryRemoved | None:
    """What the services need to move files when an entry of a repeat with file questions is
    taken out (None when it has none, or an entry is added)."""
    inside = form.inside(repeats.split(change.repeat)[0])
    fields = [f for f in inside if f in form.fields and form.fields[f]["type"] in FILE_TYPES]
    flat = form.flat(answers)
    if not change.number or not fields or not form.has_entry(change.repeat, change.number, flat):
        return None
    names = [name for f in fields for name in form.instances(f, flat)]
    gone, moved = repeats.entry_moves(names, change.repeat, inside, change.number)
    return services.EntryRemoved(tuple(gone), tuple(moved))


def _summary(form: Form, values: dict[str, Any], language: str) -> list[dict[str, Any]]:
    sections = []
    for current in form.pages_applying(values):
        rows = []
        for name in form.names_on(current, values):
            item = form.item(name)
            if item["type"] in UNANSWERED_TYPES or not form.field_applies(name, values):
                continue
            rows.append(
                {
                    "name": name,
                    "label": question_label(form, name, values, language),
                    "answer": answer_text(form, name, values.get(name), language, values=values),
                }
            )
        sections.append(
            {
                "name": current["name"],
                "label": piped(
                    form, (current.get("label") or {}).get(language, ""), values, language
                )
                if current["group"]
                else "",
                "rows": rows,
            }
        )
    return sections


@never_cache
def check(request: HttpRequest) -> HttpResponse:
    found, other = _draft(request)
    if other is not None:
        return other
    if found is None or found.response is None:  # _draft() returned a page for these cases
        return _link_not_valid(request)
    respondent, response = found.respondent, found.response
    language = _language(request)
    problems: dict[str, str] = {}
    if request.method == "POST":
        try:
            result = services.submit(
                response=response,
                language=language,
                wants_report=request.POST.get("wants_report") == "yes",
                visit=found,
            )
        except services.QuestionnaireClosed:
            return go_to("questionnaire")
        if result.submitted or result.already:
            return go_to("questionnaire_done")
        problems = result.problems
    form = form_of(response.version)
    values = form.clean(response.answers)
    pages = form.pages_applying(values)
    return render_page(
        request,
        "questionnaires/check.jinja",
        _context(
            respondent,
            sections=_summary(form, values, language),
            problems=[
                (
                    name,
                    question_label(form, name, values, language),
                    message,
                    form.item(name)["page"],
                )
                for name, message in problems.items()
            ],
            back_url=address("questionnaire_page", pages[-1]["name"])
            if pages
            else address("questionnaire"),
            wants_report=request.POST.get("wants_report") == "yes",
        ),
        status=400 if problems else 200,
    )


@never_cache
def saved(request: HttpRequest) -> HttpResponse:
    found = _visit(request)
    if found is None:
        return _link_not_valid(request)
    return render_page(request, "questionnaires/saved.jinja", _context(found.respondent))


@never_cache
def done(request: HttpRequest) -> HttpResponse:
    found = _visit(request)
    if found is None:
        return _link_not_valid(request)
    response = found.response
    if response is None or response.state == ResponseState.DRAFT:
        return go_to("questionnaire")
    return render_page(
        request, "questionnaires/done.jinja", _context(found.respondent, response=response)
    )


# Asking for access --------------------------------------------------------------------------------


class AccessRequestForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=limits.PERSON_NAME)
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=limits.ORGANISATION_NAME, required=False
    )
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        max_length=limits.EMAIL,
        help_text=gettext_lazy("We send your personal link to this address."),
    )
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Sector"), queryset=Sector.objects.none(), required=False
    )
    reason = forms.CharField(
        label=gettext_lazy("Why you would like to take part"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=limits.REQUEST_REASON,
        required=False,
    )
    # A field people never see: only a robot fills it in.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits.keep_long_pastes(self)
        sector_field = cast(forms.ModelChoiceField, self.fields["sector"])
        sector_field.queryset = Sector.objects.filter(consultation=questionnaire.consultation)


def request_access(request: HttpRequest, pk: int) -> HttpResponse:
    questionnaire = get_object_or_404(
        Questionnaire.objects.select_related("consultation"),
        pk=pk,
        accepts_requests=True,
        consultation__is_published=True,
    )
    form = AccessRequestForm(request.POST or None, questionnaire=questionnaire)
    context: dict[str, Any] = {
        "questionnaire": questionnaire,
        "form": form,
        "is_open": questionnaire.is_open(),
        "quick_exit_url": settings.HEARD_QUICK_EXIT_URL,
    }
    if request.method == "POST" and questionnaire.is_open() and form.is_valid():
        if form.cleaned_data["website"]:
            return render(request, "questionnaires/request_sent.html", context)
        try:
            services.request_access(
                questionnaire=questionnaire,
                address=request.META.get("REMOTE_ADDR", ""),
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                email=form.cleaned_data["email"],
                sector_id=form.cleaned_data["sector"].pk if form.cleaned_data["sector"] else None,
                reason=form.cleaned_data["reason"],
                language=_language(request),
            )
        except services.TooManyRequests:
            form.add_error(
                None,
                _("Too many requests came from your network in the last hour. Try again later."),
            )
            return render(request, "questionnaires/request.html", context, status=429)
        return render(request, "questionnaires/request_sent.html", context)
    return render(
        request,
        "questionnaires/request.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def forget(request: HttpRequest) -> HttpResponse:
    """Leave on a shared computer: the session no longer opens the questionnaire."""
    request.session.flush()
    response = redirect("consultations:hub")
    visit_cookie.forget(response)
    return response
