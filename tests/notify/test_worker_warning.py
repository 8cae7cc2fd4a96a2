"""Staff pages say so, in both languages, when work waits and no worker has been seen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from heard.core import workers
from heard.core.models import Job, Worker
from heard.notify import services

pytestmark = pytest.mark.django_db


def _queue_message() -> None:
    with transaction.atomic():
        services.queue_email(
            scope="consultation:1",
            kind="test",
            dedupe_key="m",
            to="person@example.org",
            subject="Hello",
            text="Hello.",
        )


def _seen(ago: timedelta) -> None:
    moment = timezone.now() - ago
    Worker.objects.create(name="host:1:abcd", host="host", pid=1, started_at=moment, seen_at=moment)


@pytest.mark.parametrize(
    ("language", "headline", "emails", "advice"),
    [
        (
            "en",
            "The background worker is not running.",
            "1 email is waiting to be sent.",
            "heard worker",
        ),
        (
            "fr",
            "Le processus d'arrière-plan ne fonctionne pas.",
            "1 courriel attend d'être envoyé.",
            "heard worker",
        ),
    ],
)
def test_waiting_email_without_a_worker_is_announced(
    client, lead, consultation, language, headline, emails, advice
):
    client.force_login(lead)
    _queue_message()
    _seen(timedelta(minutes=10))
    page = client.get(f"/{language}/staff/consultations/{consultation.pk}/").content.decode()
    assert headline in page.replace("&#x27;", "'")
    assert emails in page.replace("&#x27;", "'")
    assert advice in page


def test_a_recent_heartbeat_or_an_empty_queue_means_no_warning(client, lead, consultation):
    client.force_login(lead)
    url = f"/en/staff/consultations/{consultation.pk}/"
    assert "worker-warning" not in client.get(url).content.decode()  # nothing waits
    Job.objects.create(kind="stakeholders.import", scope=consultation.scope)
    page = client.get(url).content.decode()
    assert "worker-warning" in page and "1 job (such as an import) is waiting." in page
    assert "It has not run yet." in page
    _seen(timedelta(seconds=5))
    assert workers.status().running
    assert "worker-warning" not in client.get(url).content.decode()


def test_the_public_pages_do_not_look(client, db, django_assert_num_queries):
    _queue_message()
    with django_assert_num_queries(0):
        from django.test import RequestFactory

        from heard.notify.context_processors import worker_warning

        request = RequestFactory().get("/en/consultations/")
        request.user = type("Anonymous", (), {"is_authenticated": False})()
        assert worker_warning(request) == {}
