"""Response headers that Django's SecurityMiddleware does not set itself."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Add the content security policy and the permissions policy to every response.

    The policy allows resources from this host only and no inline script or style, so a page
    can never make a request to another host, even if some content slipped past escaping.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(tuple(f"/{code}/staff/" for code, _ in settings.LANGUAGES)):
            # Staff pages show unpublished and personal data: never keep them in a cache.
            response.headers["Cache-Control"] = "no-store"
        return response
