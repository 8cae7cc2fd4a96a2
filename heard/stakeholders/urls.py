from django.urls import path

from heard.stakeholders import views

app_name = "registry"
base = "consultations/<int:pk>/registry/"
urlpatterns = [
    path(base, views.registry, name="list"),
    path(base + "export.<str:file_format>", views.export, name="export"),
    path(base + "import/", views.import_upload, name="import_upload"),
    path(base + "organisations/", views.organisations, name="organisations"),
    path(base + "organisations/new/", views.organisation_edit, name="organisation_new"),
    path(base + "organisations/<int:org_pk>/", views.organisation_edit, name="organisation_edit"),
    path(base + "people/new/", views.person_edit, name="person_new"),
    path(base + "people/<int:person_pk>/", views.person_edit, name="person_edit"),
    path(base + "import/columns/", views.import_map, name="import_map"),
    path(base + "import/jobs/<int:job_pk>/", views.import_job, name="import_job"),
    path(
        base + "import/jobs/<int:job_pk>/status.json",
        views.import_job_status,
        name="import_job_status",
    ),
]
