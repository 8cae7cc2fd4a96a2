from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from heard.consultations import views_factors, views_passwords, views_privacy, views_staff
from heard.consultations.forms import StaffSignInForm


class PartKindConverter:
    """Only the three kinds of page parts, so these routes never swallow other staff pages."""

    regex = "schedule|links|commitments"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PartKindConverter, "partkind")

app_name = "staff"
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="staff/login.html",
            authentication_form=StaffSignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views_passwords.ChangeView.as_view(), name="password_change"),
    path("confirm/", views_passwords.confirm, name="confirm"),
    path("password/reset/", views_passwords.reset_request, name="password_reset"),
    path("password/reset/sent/", views_passwords.reset_sent, name="password_reset_sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        views_passwords.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("verify/", views_factors.verify, name="verify"),
    path("security/", views_factors.security, name="security"),
    path("security/app/", views_factors.add_app, name="add_app"),
    path("security/recovery-codes/", views_factors.recovery_codes, name="recovery_codes"),
    path(
        "security/remove/<str:kind>/<int:device_pk>/",
        views_factors.remove,
        name="remove_factor",
    ),
    path("", views_staff.home, name="home"),
    path("consultations/new/", views_staff.create, name="create"),
    path("consultations/<int:pk>/", views_staff.overview, name="overview"),
    path("consultations/<int:pk>/edit/", views_staff.edit, name="edit"),
    path("consultations/<int:pk>/preview/", views_staff.preview, name="preview"),
    path("consultations/<int:pk>/publish/", views_staff.publish, name="publish"),
    path("consultations/<int:pk>/unpublish/", views_staff.unpublish, name="unpublish"),
    path("consultations/<int:pk>/members/", views_staff.members, name="members"),
    path("consultations/<int:pk>/history/", views_staff.history, name="history"),
    path("consultations/<int:pk>/privacy/", views_privacy.privacy, name="privacy"),
    path(
        "consultations/<int:pk>/privacy/retention/",
        views_privacy.retention_change,
        name="retention_change",
    ),
    path("consultations/<int:pk>/privacy/erase/", views_privacy.erase, name="erase"),
    path("consultations/<int:pk>/history.csv", views_staff.history_export, name="history_export"),
    path("consultations/<int:pk>/<partkind:kind>/new/", views_staff.part_edit, name="part_new"),
    path(
        "consultations/<int:pk>/<partkind:kind>/<int:part_pk>/",
        views_staff.part_edit,
        name="part_edit",
    ),
    path(
        "consultations/<int:pk>/<partkind:kind>/<int:part_pk>/delete/",
        views_staff.part_delete,
        name="part_delete",
    ),
]
