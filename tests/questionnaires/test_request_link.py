"""The consultation page's link to the access-request page: added through the consultation's own
service, so the page's rules (both languages, a published page stays complete) and audit apply."""

from __future__ import annotations

import pytest
from django.utils import timezone

from heard.consultations.models import Consultation, RelatedLink
from heard.core import audit
from heard.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _url(questionnaire):
    consultation = questionnaire.consultation
    return (
        f"/en/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}"
        "/publish-request-link/"
    )


def test_the_link_is_added_once_in_both_languages_with_its_audit(
    client, questionnaire, lead, settings
):
    settings.HEARD_PUBLIC_URL = "https://consult.example.org"
    client.force_login(lead)
    before = Consultation.objects.get().modified_at
    # Staff on an internal host name: the page still links to the public address.
    done = client.post(_url(questionnaire), HTTP_HOST="localhost", follow=True)
    assert "The consultation page now links to the request page." in done.content.decode()
    link = RelatedLink.objects.get()
    assert link.title_en == "Ask for the questionnaire: Questionnaire"
    assert link.title_fr == "Demander le questionnaire : Questionnaire"
    site = "https://consult.example.org"
    assert link.url_en == f"{site}/en/questionnaire/{questionnaire.pk}/access/"
    assert link.url_fr == f"{site}/fr/questionnaire/{questionnaire.pk}/access/"
    # The consultation page's own record of the change, and the questionnaire's, together.
    created = AuditEvent.objects.get(action="relatedlink.created")
    assert created.actor == lead and created.target_id == str(link.pk)
    published = AuditEvent.objects.get(action="questionnaire.request_link_published")
    assert published.actor == lead and published.target_id == str(questionnaire.pk)
    assert Consultation.objects.get().modified_at > before  # the page shows it changed
    again = client.post(_url(questionnaire), HTTP_HOST="localhost", follow=True)
    assert again.status_code == 200
    assert RelatedLink.objects.count() == 1
    assert AuditEvent.objects.filter(action="relatedlink.created").count() == 1


def test_a_published_page_that_would_be_incomplete_refuses_the_link(
    client, questionnaire, lead, consultation
):
    # A published page with a link that lacks its French title (made before the rule existed).
    RelatedLink.objects.create(
        consultation=consultation, title_en="Background", url_en="https://example.org/en"
    )
    Consultation.objects.filter(pk=consultation.pk).update(
        is_published=True, published_at=timezone.now()
    )
    client.force_login(lead)
    page = client.post(_url(questionnaire), HTTP_HOST="localhost", follow=True).content.decode()
    assert "The link was not added to the consultation page" in page
    assert "Background" in page and "title (French)" in page
    assert RelatedLink.objects.count() == 1
    assert not AuditEvent.objects.filter(action="questionnaire.request_link_published").exists()


def test_an_address_the_page_cannot_use_is_refused_with_the_reason(
    client, questionnaire, lead, settings
):
    client.force_login(lead)
    # "intranet" has no domain: not a web address a reader could follow.
    settings.HEARD_PUBLIC_URL = "http://intranet"
    page = client.post(_url(questionnaire), follow=True).content.decode()
    assert "The link was not added to the consultation page" in page
    assert not RelatedLink.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_no_link_without_its_audit_event(client, questionnaire, lead, monkeypatch):
    real = audit.record

    def failing(**kwargs):
        if kwargs["action"] == "questionnaire.request_link_published":
            raise RuntimeError("the audit table is not writable")
        return real(**kwargs)

    monkeypatch.setattr(audit, "record", failing)
    client.force_login(lead)
    with pytest.raises(RuntimeError):
        client.post(_url(questionnaire), HTTP_HOST="localhost")
    assert not RelatedLink.objects.exists()
    assert not AuditEvent.objects.filter(action="relatedlink.created").exists()
