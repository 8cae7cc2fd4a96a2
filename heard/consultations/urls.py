from django.urls import path
from django.utils.translation import gettext_lazy as _

from heard.consultations import views_public

app_name = "consultations"
urlpatterns = [
    path("", views_public.hub, name="hub"),
    path(_("<slug:slug>/"), views_public.consultation_detail, name="detail"),
]
