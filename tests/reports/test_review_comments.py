"""Review comments on a report's sections: added, listed, counted, resolved; never published,
and the History records that a comment was made, not its words."""

from __future__ import annotations

from django.urls import reverse

from heard.consultations.models import Role
from heard.core.models import AuditEvent
from heard.reports import services
from heard.reports.models import Comment
from tests.analysis.conftest import member


def _urls(consultation, position=2):
    kwargs = {"pk": consultation.pk, "kind": "full"}
    return (
        reverse("reports_staff:report", kwargs=kwargs),
        reverse("reports_staff:section", kwargs={**kwargs, "position": position}),
        reverse("reports_staff:comment", kwargs={**kwargs, "position": position}),
    )


def test_a_reviewer_comments_and_the_writer_resolves(done_run, analyst, client):
    consultation = done_run.consultation
    services.create_report(actor=analyst, consultation=consultation, kind="full", run=done_run)
    lead = member(consultation, "lead-review", Role.LEAD)
    report_url, section_url, comment_url = _urls(consultation)
    client.force_login(lead)
    empty = client.post(comment_url, {"text": "   "}, follow=True)
    assert "Comment: This field is required." in empty.content.decode()
    assert not Comment.objects.exists()
    client.post(comment_url, {"text": "Say which cities the sessions were in."})
    page = client.get(section_url).content.decode()
    assert "Say which cities the sessions were in." in page and "Mark as resolved" in page
    screen = client.get(report_url).content.decode()
    assert "<td>1</td>" in screen  # one open comment on that section
    recorded = AuditEvent.objects.get(action="reports.commented")
    assert "cities" not in str(recorded.changes)

    client.force_login(analyst)
    comment = Comment.objects.get()
    client.post(comment_url, {"resolve": str(comment.pk)})
    comment.refresh_from_db()
    assert comment.resolved_at is not None and comment.resolved_by == analyst
    assert "Resolved by ana" in client.get(section_url).content.decode()
    assert "<td>1</td>" not in client.get(report_url).content.decode()


def test_who_may_only_read_cannot_comment(done_run, analyst, client):
    consultation = done_run.consultation
    services.create_report(actor=analyst, consultation=consultation, kind="full", run=done_run)
    viewer = member(consultation, "viewer-review", Role.VIEWER)
    client.force_login(viewer)
    _report_url, _section_url, comment_url = _urls(consultation)
    assert client.post(comment_url, {"text": "Hello"}).status_code == 403
    assert not Comment.objects.exists()
