from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _

from heard.consultations import views_public
from heard.core import health, sessions
from heard.events import views as event_views
from heard.questionnaires import views as questionnaire_views

urlpatterns: list[URLPattern | URLResolver] = [
    # For the proxy and the supervisor: no language, no session (heard/core/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Personal links carry no language: the invitee's own is chosen after the token is checked.
    path("r/<str:token>/", event_views.open_link, name="invitation_link"),
    path("q/<str:token>/", questionnaire_views.open_link, name="questionnaire_link"),
]
urlpatterns += i18n_patterns(
    # First: a respondent's pages are most of the requests that reach the URL patterns (public
    # pages are mostly answered from memory before them), and patterns are tried in order.
    path("questionnaire/", include("heard.questionnaires.urls")),
    path("", views_public.home, name="home"),
    path(_("consultations/"), include("heard.consultations.urls")),
    path(_("consultations/"), include("heard.reports.urls_public")),
    path("invitation/", event_views.invitation_page, name="invitation"),
    path("invitation/colleague/", event_views.suggest_page, name="invitation_suggest"),
    path("staff/", include("heard.consultations.staff_urls")),
    # Passkeys' own endpoints, in the namespace the package's scripts look them up by.
    path("staff/webauthn/", include("heard.consultations.passkey_urls")),
    path("staff/", include("heard.notify.urls")),
    path("staff/", include("heard.events.urls")),
    path("staff/", include("heard.stakeholders.urls")),
    path("staff/", include("heard.questionnaires.staff_urls")),
    path("staff/", include("heard.analysis.urls")),
    path("staff/", include("heard.reports.urls_staff")),
    path("session/ended/", sessions.session_ended, name="session_ended"),
    path("session/alive/", sessions.session_alive, name="session_alive"),
    prefix_default_language=True,
)

# The site's own error pages, in the language of the address or in both (heard/core/errors.py).
handler400 = "heard.core.errors.bad_request"
handler403 = "heard.core.errors.permission_denied"
handler404 = "heard.core.errors.page_not_found"
handler500 = "heard.core.errors.server_error"
