from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from heard.consultations import views_public

urlpatterns = i18n_patterns(
    path("", views_public.home, name="home"),
    path(_("consultations/"), include("heard.consultations.urls")),
    path("staff/", include("heard.consultations.staff_urls")),
    path("staff/", include("heard.notify.urls")),
    prefix_default_language=True,
)
