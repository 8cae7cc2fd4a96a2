from django.urls import path

from heard.notify import views

app_name = "outbox"
urlpatterns = [
    path("consultations/<int:pk>/outbox/", views.outbox, name="list"),
    path(
        "consultations/<int:pk>/outbox/<int:message_pk>/send-again/",
        views.send_again,
        name="send_again",
    ),
]
