"""The pictures, recordings and videos a form shows (form_media.py), served by Heard itself: to
the respondent whose link opened the session (views.media) and to staff of the consultation
(views_staff.media), from the questionnaire's own copies."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpResponse

from heard.questionnaires import selectors


def media_response(questionnaire_id: int, sha256: str, name: str) -> HttpResponse:
    found = selectors.form_media(questionnaire_id, sha256)
    if found is None:
        raise Http404
    content, content_type = found
    response = HttpResponse(content, content_type=content_type)
    # The address names the content (its SHA-256): it never changes, so the browser keeps it,
    # for this person only.
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    # An SVG opened on its own is a document that could run script: this one never can.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{_quoted(name)}"
    return response


def _quoted(name: str) -> str:
    return quote(name, safe="")
