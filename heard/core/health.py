"""Liveness and readiness, for a reverse proxy, a supervisor or a container platform.

- ``/healthz``: the process answers. Touches nothing else, so a slow database never gets a
  healthy web process restarted.
- ``/readyz``: this process can serve: the database answers and has every migration this
  version needs. A proxy sends requests only to ready processes; a deploy waits for it.

Both answer in plain JSON, never say more than "ok" or which check failed (no versions, no
host names, no error text), are not cached, and skip the language prefix and the session.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

_migrated = False  # once true, it stays true for this process (migrations only go forward)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    global _migrated
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        log.warning("readiness: the database does not answer")
        return JsonResponse({"status": "unavailable", "failed": "database"}, status=503)
    if not _migrated:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return JsonResponse({"status": "unavailable", "failed": "migrations"}, status=503)
        _migrated = True
    return JsonResponse({"status": "ok"})
