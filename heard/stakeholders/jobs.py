"""The registry import as a background job, so large files show their progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from heard.consultations.models import Consultation
from heard.core.crypto import decrypt_bytes
from heard.core.jobs import Progress, handler
from heard.core.models import Job
from heard.stakeholders.importing import import_people

UPLOADS = settings.VAR_DIR / "uploads"
PROBLEMS_KEPT = 1000


def upload_path(token: str, suffix: str) -> Path:
    return UPLOADS / f"{token}.{suffix}.enc"


@handler("stakeholders.import")
def run_import(job: Job, progress: Progress) -> dict[str, Any]:
    payload = job.payload
    consultation = Consultation.objects.get(pk=payload["consultation"])
    encrypted = upload_path(payload["token"], payload["suffix"])
    try:
        content = decrypt_bytes(encrypted.read_bytes())
        report = import_people(
            actor=job.created_by,
            consultation=consultation,
            path=Path(f"upload.{payload['suffix']}"),
            mapping=payload["mapping"],
            progress=progress,
            content=content,
        )
    finally:
        encrypted.unlink(missing_ok=True)  # the upload is not kept, whatever happened
    return {
        "rows": report.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "bad_rows": report.bad_rows,
        "problems": [[p.row, p.column, p.reason] for p in report.problems[:PROBLEMS_KEPT]],
        "problem_count": len(report.problems),
    }
