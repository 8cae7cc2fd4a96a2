from django.urls import path

from heard.reports import views_staff

app_name = "reports_staff"
base = "consultations/<int:pk>/reports/"
report = base + "<slug:kind>/"
urlpatterns = [
    path(base, views_staff.home, name="home"),
    path(report, views_staff.report, name="report"),
    path(report + "act/", views_staff.act, name="act"),
    path(report + "sections/<int:position>/", views_staff.section, name="section"),
    path(report + "sections/<int:position>/comments/", views_staff.comment, name="comment"),
    path(
        report + "versions/<int:number>/<str:language>/",
        views_staff.preview,
        name="preview",
    ),
    path(
        report + "versions/<int:number>/compare/<int:other>/<str:language>/",
        views_staff.compare,
        name="compare",
    ),
    path(
        report + "versions/<int:number>/<str:language>/<slug:file>/",
        views_staff.download,
        name="download",
    ),
]
