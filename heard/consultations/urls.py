from django.urls import path

from heard.consultations import views_public

app_name = "consultations"
urlpatterns = [
    path("", views_public.hub, name="hub"),
    path("<slug:slug>/", views_public.consultation_detail, name="detail"),
]
