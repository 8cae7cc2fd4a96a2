from django.urls import path

from heard.questionnaires import views_responses, views_staff, views_translation

app_name = "questionnaires"
base = "consultations/<int:pk>/questionnaires/"
one = base + "<int:qpk>/"
urlpatterns = [
    path(base, views_staff.questionnaire_list, name="list"),
    path(base + "new/", views_staff.new_questionnaire, name="new"),
    path(one, views_staff.questionnaire_detail, name="detail"),
    path(one + "edit/", views_staff.questionnaire_edit, name="edit"),
    path(one + "versions/<int:number>/", views_staff.download_version, name="version"),
    path(
        one + "versions/<int:number>/files/<str:name>",
        views_staff.download_file,
        name="version_file",
    ),
    path(one + "files/", views_staff.attach_files, name="attach"),
    path(one + "media/<str:sha256>/<str:name>", views_staff.media, name="media"),
    path(one + "translation/", views_translation.translation_page, name="translation"),
    path(one + "translation/file/", views_translation.translation_file, name="translation_file"),
    path(one + "invite/", views_staff.invite, name="invite"),
    path(one + "remind/", views_staff.remind, name="remind"),
    path(one + "publish-request-link/", views_staff.publish_request_link, name="publish_link"),
    path(one + "requests/", views_staff.access_requests, name="requests"),
    path(one + "dashboard/", views_staff.dashboard, name="dashboard"),
    path(one + "people/", views_staff.people, name="people"),
    path(one + "responses/", views_responses.responses, name="responses"),
    path(one + "responses/new/", views_responses.enter_response, name="enter"),
    path(one + "responses/export/", views_responses.export, name="export"),
    path(one + "responses/<int:rpk>/", views_responses.response_detail, name="response"),
    path(one + "responses/<int:rpk>/withdraw/", views_responses.withdraw, name="withdraw"),
    path(
        one + "responses/<int:rpk>/files/<str:field>/",
        views_responses.answer_file,
        name="answer_file",
    ),
]
