"""Lengths in questionnaires: text answers, the paper entry form, access requests, settings."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from heard.core import limits
from heard.questionnaires.models import AccessRequest, Questionnaire, Response
from tests.questionnaires.test_respondent import invite_one
from tests.questionnaires.test_staff import base, small  # noqa: F401 - fixtures

TOO_LONG = "R" * (limits.ANSWER + 1)


def _text(page) -> str:
    return html.unescape(page.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("en", "Write at most 20,000 characters (this answer has 20,001)."),
        ("fr", "Écrivez au plus 20 000 caractères (cette réponse en compte 20 001)."),
    ],
)
def test_a_text_answer_over_the_limit_is_refused_and_nothing_is_lost(
    small,  # noqa: F811
    settings,
    client,
    language,
    error,
):
    link, _person = invite_one(small, settings)
    client.get(link)
    client.post(f"/{language}/questionnaire/")
    page = client.post(
        f"/{language}/questionnaire/page/about/",
        {
            "role": "other",
            "role_other": TOO_LONG,
            "years": "12",
            "shown": ["role", "role_other", "years"],
        },
    )
    assert page.status_code == 400
    text = _text(page)
    assert error in text
    assert TOO_LONG in text  # as typed, to be shortened
    assert 'value="12"' in text
    # What was valid on the page is saved: leaving now loses only the answer that was refused.
    answers = Response.objects.get().answers
    assert (answers["role"], answers["years"]) == ("other", 12) and "role_other" not in answers


def test_the_paper_entry_form_says_too_long_and_keeps_what_was_typed(
    client,
    small,  # noqa: F811
    base,  # noqa: F811
    lead,
):
    client.force_login(lead)
    page = client.post(
        base + "responses/new/",
        {
            "channel": "paper",
            "received_on": "2031-01-05",
            "language": "en",
            "role": "other",
            "role_other": TOO_LONG,
            "years": "30",
        },
    )
    assert page.status_code == 400
    text = _text(page)
    assert "Write at most 20,000 characters (this answer has 20,001)." in text
    assert "Answer this question." not in text  # the length is what is wrong
    assert TOO_LONG in text and 'value="30"' in text
    assert not Response.objects.exists()


ADDRESS = "s" * (260 - len("@example.org")) + "@example.org"


@pytest.mark.parametrize(
    ("language", "errors"),
    [
        (
            "en",
            [
                "Your name: Ensure this value has at most 200 characters (it has 1000000).",
                "Email address: Ensure this value has at most 254 characters (it has 260).",
            ],
        ),
        (
            "fr",
            [
                "Votre nom : Assurez-vous que cette valeur comporte au plus 200 caractères "
                "(actuellement 1000000).",
                "au plus 254 caractères (actuellement 260).",
            ],
        ),
    ],
)
def test_an_access_request_with_a_huge_name_is_refused_and_kept(
    client,
    small,  # noqa: F811
    consultation,
    language,
    errors,
):
    consultation.is_published = True
    consultation.published_at = timezone.now()
    consultation.save()
    page = client.post(
        f"/{language}/questionnaire/{small.pk}/access/",
        {
            "name": "N" * 1_000_000,
            "organisation": "Harbour Outreach",
            "email": ADDRESS,
            "reason": "I run a drop-in centre.",
        },
    )
    assert page.status_code == 400
    text = _text(page)
    for error in errors:
        assert error in text, text[:3000]
    assert 'value="Harbour Outreach"' in text and "I run a drop-in centre." in text
    assert not AccessRequest.objects.exists()


def test_the_access_request_service_refuses_what_the_form_refuses(
    small,  # noqa: F811
):
    from django.core.exceptions import ValidationError

    from heard.questionnaires import services

    with pytest.raises(ValidationError) as refused:
        services.request_access(
            questionnaire=small,
            address="127.0.0.1",
            name="Sam",
            organisation="",
            email=ADDRESS,
            sector_id=None,
            reason="r" * 2_001,
            language="en",
        )
    assert set(refused.value.message_dict) == {"email", "reason"}
    assert not AccessRequest.objects.exists()


def test_settings_and_the_form_file_name_have_limits(
    client,
    small,  # noqa: F811
    base,  # noqa: F811
    lead,
):
    client.force_login(lead)
    page = client.post(
        base + "edit/",
        {
            "title_en": "Questionnaire",
            "title_fr": "Questionnaire",
            "privacy_notice_en": "p" * (limits.MARKDOWN + 1),
            "privacy_notice_fr": "Avis",
            "opens_at": "2030-01-01T09:00",
            "closes_at": "2030-02-01T09:00",
            "link_valid_days": "60",
            "reminder_limit": "2",
            "reminder_interval_days": "7",
        },
    )
    text = _text(page)
    assert "Ensure this value has at most 20000 characters (it has 20001)." in text
    assert Questionnaire.objects.get().privacy_notice_en.startswith("We use")
    upload = SimpleUploadedFile("f" * 201 + ".xlsx", b"not read")
    page = client.post(base, {"action": "upload", "file": upload})
    assert "The file's name has 206 characters, at most 200: rename the file." in _text(page)
