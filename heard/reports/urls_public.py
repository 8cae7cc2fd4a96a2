from django.urls import path

from heard.reports import views_public

app_name = "reports"
urlpatterns = [
    path("<slug:slug>/reports/<slug:key>/", views_public.public, name="public"),
    path(
        "<slug:slug>/reports/<slug:key>/<int:number>/",
        views_public.public,
        name="public_version",
    ),
    path(
        "<slug:slug>/reports/<slug:key>/<int:number>/<slug:kind>/",
        views_public.download,
        name="download",
    ),
]
