from django.urls import path

from heard.questionnaires import views

# Not namespaced: the personal link's redirect and the templates use these short names.
urlpatterns = [
    path("", views.start, name="questionnaire"),
    path("page/<str:name>/", views.page, name="questionnaire_page"),
    path("check/", views.check, name="questionnaire_check"),
    path("saved/", views.saved, name="questionnaire_saved"),
    path("done/", views.done, name="questionnaire_done"),
    path("leave/", views.forget, name="questionnaire_forget"),
    path("media/<str:sha256>/<str:name>", views.media, name="questionnaire_media"),
    path("<int:pk>/access/", views.request_access, name="questionnaire_request"),
]
