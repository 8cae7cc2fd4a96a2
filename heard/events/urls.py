from django.urls import path

from heard.events import views_staff

app_name = "sessions"
base = "consultations/<int:pk>/sessions/"
urlpatterns = [
    path(base, views_staff.session_list, name="list"),
    path(base + "dashboard/", views_staff.dashboard, name="dashboard"),
    path(base + "event/<int:item_pk>/setup/", views_staff.session_setup, name="setup"),
    path(base + "<int:session_pk>/", views_staff.session_detail, name="detail"),
    path(base + "<int:session_pk>/invite/", views_staff.invite, name="invite"),
    path(base + "<int:session_pk>/remind/", views_staff.remind, name="remind"),
    path(base + "<int:session_pk>/check-in/", views_staff.check_in, name="check_in"),
    path(base + "<int:session_pk>/notes/", views_staff.notes, name="notes"),
    path(
        base + "<int:session_pk>/suggestions/<int:suggestion_pk>/",
        views_staff.decide_suggestion,
        name="decide_suggestion",
    ),
    path(
        base + "<int:session_pk>/invitations/<int:invitation_pk>/withdraw/",
        views_staff.withdraw,
        name="withdraw",
    ),
]
