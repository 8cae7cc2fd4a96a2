"""The warning staff pages show when work waits and no background worker is running."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from heard.core import jobs, workers
from heard.core.addresses import STAFF_PREFIXES
from heard.notify.models import Message, State


def worker_warning(request: HttpRequest) -> dict[str, object]:
    """On signed-in staff pages only (two small indexed queries), nothing elsewhere."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith(STAFF_PREFIXES):
        return {}
    now = timezone.now()
    found = workers.status(now)
    if found.running:
        return {}
    emails = Message.objects.filter(state=State.QUEUED, next_attempt_at__lte=now).count()
    waiting_jobs = jobs.waiting()
    if not emails and not waiting_jobs:
        return {}
    return {
        "worker_warning": {
            "last_seen": found.last_seen,
            "emails": emails,
            "jobs": waiting_jobs,
        }
    }
