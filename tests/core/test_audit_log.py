"""The audit log: sign-ins and failures, looks at personal data, the History's two lists and
its CSV export for leads, and two years' keeping; never the data itself."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from heard.core.audit import purge_old_events
from heard.core.models import AuditEvent
from tests.factories import MembershipFactory, UserFactory

PASSWORD = "correct horse battery staple"


@pytest.mark.django_db
def test_sign_ins_and_failures_are_recorded_without_the_username_tried_or_the_address(client):
    ana = UserFactory(username="ana")
    client.post(
        "/en/staff/login/", {"username": "ana", "password": "wrong"}, REMOTE_ADDR="203.0.113.9"
    )
    client.post("/en/staff/login/", {"username": "ana", "password": PASSWORD})
    assert AuditEvent.objects.filter(action="signin", target_id=str(ana.pk)).count() == 1
    [failed] = AuditEvent.objects.filter(action="signin.failed")
    assert failed.actor is None and failed.changes == {}
    assert "ana" not in failed.target_id and "203.0.113" not in str(failed.__dict__)


@pytest.mark.django_db
def test_looks_at_personal_data_are_listed_apart_from_changes(client, lead, consultation):
    viewer = UserFactory(username="viewer")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    client.force_login(lead)
    base = f"/en/staff/consultations/{consultation.pk}"
    client.get(f"{base}/registry/")
    client.get(f"{base}/outbox/")
    client.force_login(viewer)  # a viewer sees the registry masked: nothing personal seen
    client.get(f"{base}/registry/")
    seen = AuditEvent.objects.filter(scope=consultation.scope, action__endswith=".viewed")
    assert sorted(e.action for e in seen) == ["outbox.viewed", "registry.viewed"]
    assert {e.actor_label for e in seen} == {"lead"}
    changes = client.get(f"{base}/history/").content.decode()
    looks = client.get(f"{base}/history/?show=views").content.decode()
    assert "registry.viewed" not in changes and "registry.viewed" in looks
    assert "history.csv" not in looks  # the export is for leads


@pytest.mark.django_db
def test_leads_export_the_whole_history_as_csv(client, lead, consultation):
    from django.db import transaction

    from heard.core import audit

    with transaction.atomic():
        audit.record(
            actor=lead,
            action="consultation.updated",
            target=consultation,
            scope=consultation.scope,
            changes={"title_en": ["=HYPERLINK(1)", "Safe"]},
        )
    client.force_login(lead)
    response = client.get(f"/en/staff/consultations/{consultation.pk}/history.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-history.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["at_utc", "who", "action", "target_type", "target_id", "changes"]
    updated = next(r for r in rows if r[2] == "consultation.updated")
    assert updated[1] == "lead" and "HYPERLINK" in updated[5]
    assert AuditEvent.objects.filter(action="history.exported").count() == 1
    viewer = UserFactory(username="viewer2")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    client.force_login(viewer)
    assert client.get(f"/en/staff/consultations/{consultation.pk}/history.csv").status_code == 403


@pytest.mark.django_db
def test_the_audit_log_is_kept_two_years(lead, consultation):
    from django.db import transaction

    from heard.core import audit

    with transaction.atomic():
        audit.record(actor=lead, action="old", target=consultation, scope=consultation.scope)
    with time_machine.travel(timezone.now() + timedelta(days=729)):
        assert purge_old_events() == 0
    with time_machine.travel(timezone.now() + timedelta(days=732)):
        assert purge_old_events() == 1
    assert not AuditEvent.objects.filter(action="old").exists()
