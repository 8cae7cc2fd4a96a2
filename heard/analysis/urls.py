from django.urls import path

from heard.analysis import views, views_codebook, views_compare, views_files, views_findings

app_name = "analysis"
base = "consultations/<int:pk>/analysis/"
run = base + "runs/<int:number>/"
urlpatterns = [
    path(base, views.home, name="home"),
    path(run, views.run, name="run"),
    path(run + "status.json", views.run_state, name="run_status"),
    path(run + "cancel/", views.cancel, name="cancel"),
    path(run + "records/", views.records, name="records"),
    path(run + "records/<int:position>/", views.record, name="record"),
]
urlpatterns += [
    path(base + "codebook/", views_codebook.codebook, name="codebook"),
    path(base + "codebook/export.<str:file_format>", views_codebook.export, name="codebook_export"),
    path(base + "codebook/codes/new/", views_codebook.code_edit, name="code_new"),
    path(base + "codebook/codes/<slug:key>/", views_codebook.code_edit, name="code_edit"),
]
urlpatterns += [
    path(run + "themes/", views_findings.themes, name="themes"),
    path(run + "quotes/", views_findings.quotes, name="quotes"),
]
urlpatterns += [path(run + "agreement/", views_findings.agreement, name="agreement")]
urlpatterns += [path(run + "findings/", views_findings.findings, name="findings")]
urlpatterns += [path(run + "campaigns/", views_findings.campaigns, name="campaigns")]
urlpatterns += [
    path(run + "coding.<str:file_format>", views_findings.export_coding, name="export"),
]
urlpatterns += [path(run + "compare/", views_compare.compare, name="compare")]
urlpatterns += [
    path(base + "files/", views_files.files, name="files"),
    path(base + "files/<int:file_pk>/delete/", views_files.delete_file, name="file_delete"),
]
