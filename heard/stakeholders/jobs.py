"""The registry import as a background job, so large files show their progress.

The uploaded file waits, encrypted and owner-only, under var/uploads/ until its import has run;
it is deleted when the import is done or given up, and an upload nobody imported is deleted after
a day by the worker's housekeeping.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from heard.consultations.models import Consultation
from heard.core.crypto import decrypt_bytes, encrypt_bytes
from heard.core.jobs import Progress, Refused, handler
from heard.core.models import Job
from heard.core.private_files import remove_older_than, write_private
from heard.core.runner import periodic
from heard.stakeholders.importing import MappingError, import_people
from heard.stakeholders.tables import TableError

UPLOADS = settings.VAR_DIR / "uploads"
PROBLEMS_KEPT = 1000
ABANDONED_AFTER = timedelta(days=1)


def upload_path(token: str, suffix: str) -> Path:
    return UPLOADS / f"{token}.{suffix}.enc"


def store_upload(content: bytes, suffix: str) -> str:
    """Keep an uploaded file, encrypted and owner-only, until it is imported; returns its token."""
    token = str(uuid.uuid4())
    write_private(upload_path(token, suffix), encrypt_bytes(content))
    return token


def _delete_upload(job: Job) -> None:
    upload_path(job.payload["token"], job.payload["suffix"]).unlink(missing_ok=True)


@periodic("stakeholders.abandoned_uploads", every=timedelta(hours=1))
def delete_abandoned_uploads() -> int:
    """Uploads older than a day that no waiting or running import needs any more."""
    waiting = Job.objects.filter(
        kind="stakeholders.import", state__in=[Job.State.QUEUED, Job.State.RUNNING]
    ).values_list("payload", flat=True)
    keep = {upload_path(p["token"], p["suffix"]).name for p in waiting}
    return remove_older_than(UPLOADS, ABANDONED_AFTER, keep=keep)


@handler("stakeholders.import", abandon=_delete_upload)
def run_import(job: Job, progress: Progress) -> dict[str, Any]:
    """Import the waiting upload. Safe to run again after a crash: the import is one
    transaction, and a person already imported is matched, not added twice."""
    payload = job.payload
    consultation = Consultation.objects.get(pk=payload["consultation"])
    encrypted = upload_path(payload["token"], payload["suffix"])
    # In the words of the person who started it: a file past a limit says so (heard.archives).
    with translation.override(payload.get("language")):
        if not encrypted.exists():
            raise Refused(
                _(
                    "The uploaded file is no longer on the server (uploads are kept for a day). "
                    "Upload it again."
                )
            )
        try:
            report = import_people(
                actor=job.created_by,
                consultation=consultation,
                path=Path(f"{Path(payload.get('name', 'upload')).stem}.{payload['suffix']}"),
                mapping=payload["mapping"],
                progress=progress,
                content=decrypt_bytes(encrypted.read_bytes()),
            )
        except (TableError, MappingError) as error:
            raise Refused(str(error)) from None
    encrypted.unlink(missing_ok=True)  # imported: the upload is not kept
    return {
        "rows": report.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "bad_rows": report.bad_rows,
        "problems": [[p.row, p.column, p.reason] for p in report.problems[:PROBLEMS_KEPT]],
        "problem_count": len(report.problems),
    }
