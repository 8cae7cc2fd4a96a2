"""Staff forms. English and French fields are shown side by side (see `pairs`)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.db import models
from django.utils.translation import gettext_lazy as _

from heard.consultations.models import (
    Consultation,
    RelatedLink,
    ReportingCommitment,
    Role,
    ScheduleItem,
)
from heard.core import limits, signin

COMMON_TIME_ZONES = [
    "America/St_Johns",
    "America/Halifax",
    "America/Moncton",
    "America/Toronto",
    "America/Winnipeg",
    "America/Regina",
    "America/Edmonton",
    "America/Vancouver",
    "America/Whitehorse",
    "America/Yellowknife",
    "America/Iqaluit",
    "UTC",
]


class ErrorsDescribedMixin(forms.BaseForm):
    """Point each invalid input at its error message (and hint) with aria-describedby, so screen
    readers announce the error when the field gets focus. Ids match staff/_field.html."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if bound.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class BilingualForm(ErrorsDescribedMixin, forms.ModelForm):
    """Lays out `<name>_en` / `<name>_fr` fields as pairs, and marks the French inputs lang="fr"."""

    bilingual: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits.keep_long_pastes(self)
        for name in self.bilingual:
            for code in ("en", "fr"):
                field = self.fields[f"{name}_{code}"]
                field.widget.attrs["lang"] = code
                if isinstance(field.widget, forms.Textarea):
                    field.widget.attrs["rows"] = 5

    def pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"{name}_en"], self[f"{name}_fr"]) for name in self.bilingual]

    def singles(self) -> list[forms.BoundField]:
        paired = {f"{name}_{code}" for name in self.bilingual for code in ("en", "fr")}
        return [self[name] for name in self.fields if name not in paired]


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]

    def to_python(self, value: Any) -> datetime | None:
        # Kept naive here: the form attaches the consultation's own time zone in clean().
        result = super().to_python(value)
        return result.replace(tzinfo=None) if result is not None else None


class ConsultationForm(BilingualForm):
    bilingual = (
        "title",
        "slug",
        "summary",
        "description",
        "objectives",
        "why",
        "who",
        "what",
        "how_to_participate",
        "department",
        "contact_name",
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(zone, zone) for zone in COMMON_TIME_ZONES],
        help_text=_("Dates below are in this time zone."),
    )
    opens = LocalDateTimeField(label=_("Opens"))
    closes = LocalDateTimeField(label=_("Closes"))
    closed_early = LocalDateTimeField(
        label=_("Closed early on"),
        required=False,
        help_text=_("Only if the consultation closed before its planned date."),
    )

    class Meta:
        model = Consultation
        fields = [
            "title_en",
            "title_fr",
            "slug_en",
            "slug_fr",
            "summary_en",
            "summary_fr",
            "description_en",
            "description_fr",
            "objectives_en",
            "objectives_fr",
            "why_en",
            "why_fr",
            "who_en",
            "who_fr",
            "what_en",
            "what_fr",
            "how_to_participate_en",
            "how_to_participate_fr",
            "department_en",
            "department_fr",
            "contact_name_en",
            "contact_name_fr",
            "contact_email",
            "subjects",
        ]
        widgets = {"subjects": forms.CheckboxSelectMultiple}
        help_texts = {
            "slug_en": _("Letters, digits and hyphens; the page address after /en/consultations/."),
            "slug_fr": _("Letters, digits and hyphens; the page address after /fr/consultations/."),
            "description_en": _("Markdown: *emphasis*, lists, [links](https://…)."),
            "description_fr": _("Markdown: *emphasis*, lists, [links](https://…)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance: Consultation = self.instance
        if instance.pk:
            zone = instance.zone
            self.initial["time_zone"] = instance.time_zone
            self.initial["opens"] = instance.opens_at.astimezone(zone).replace(tzinfo=None)
            self.initial["closes"] = instance.closes_at.astimezone(zone).replace(tzinfo=None)
            if instance.closed_early_at:
                self.initial["closed_early"] = instance.closed_early_at.astimezone(zone).replace(
                    tzinfo=None
                )
        else:
            self.initial.setdefault("time_zone", "America/Toronto")
        if instance.time_zone not in COMMON_TIME_ZONES:
            self.fields["time_zone"].choices = [  # type: ignore[attr-defined]
                (instance.time_zone, instance.time_zone),
                *self.fields["time_zone"].choices,  # type: ignore[attr-defined]
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = zoneinfo.ZoneInfo(data.get("time_zone") or "UTC")
        aware = {
            name: data[name].replace(tzinfo=zone) if data.get(name) else None
            for name in ("opens", "closes", "closed_early")
        }
        if aware["opens"] and aware["closes"] and aware["closes"] <= aware["opens"]:
            self.add_error("closes", _("The closing date must come after the opening date."))
        early, opens, closes = aware["closed_early"], aware["opens"], aware["closes"]
        if early and opens and closes and not opens <= early < closes:
            self.add_error(
                "closed_early",
                _("An early closing must fall between the opening and closing dates."),
            )
        data["opens_at"], data["closes_at"] = aware["opens"], aware["closes"]
        data["closed_early_at"] = aware["closed_early"]
        return data

    def model_values(self) -> dict[str, Any]:
        names = [n for n in self.Meta.fields if n != "subjects"]
        values = {name: self.cleaned_data[name] for name in names}
        for name in ("time_zone", "opens_at", "closes_at", "closed_early_at"):
            values[name] = self.cleaned_data[name]
        return values


class PartForm(BilingualForm):
    """A form for one part of a consultation page (schedule item, related link, commitment)."""

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.consultation = consultation

    def model_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class ScheduleItemForm(PartForm):
    bilingual = ("title", "description", "city", "venue")

    class Meta:
        model = ScheduleItem
        fields = [
            "key",
            "kind",
            "format",
            "participation",
            "visibility",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "city_en",
            "city_fr",
            "venue_en",
            "venue_fr",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "date_precision",
            "time_zone",
            "position",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean_key(self) -> str:
        # The unique (consultation, key) constraint involves a field the form does not show,
        # so ModelForm would not check it: do it here for a clear message instead of a crash.
        key: str = self.cleaned_data["key"]
        taken = ScheduleItem.objects.filter(consultation=self.instance.consultation, key=key)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another event or activity of this consultation already uses this key.")
            )
        return key


def _https_by_default(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    # An address typed without a scheme is taken as https://, never as plain http.
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class RelatedLinkForm(PartForm):
    bilingual = ("title", "url")

    class Meta:
        model = RelatedLink
        fields = ["title_en", "title_fr", "url_en", "url_fr", "position"]
        formfield_callback = _https_by_default


class ReportingCommitmentForm(PartForm):
    bilingual = ("document", "audience")

    class Meta:
        model = ReportingCommitment
        fields = ["document_en", "document_fr", "audience_en", "audience_fr", "position"]


class MemberForm(ErrorsDescribedMixin, forms.Form):
    username = forms.CharField(label=_("Username"), max_length=limits.USERNAME)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[*Role.choices, ("", _("Remove from this consultation"))],
        required=False,
    )

    def clean_username(self) -> Any:
        name = self.cleaned_data["username"]
        user = get_user_model().objects.filter(username=name, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active staff account has this username."))
        return user


class StaffSignInForm(AuthenticationForm):
    """Django's sign-in form, with a limit on failed attempts (heard.core.signin).

    It has no `autofocus`: focus starts at the top of the page, where the skip link and the
    language toggle are, as on every other page.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        if signin.is_locked(self.request, username):
            raise forms.ValidationError(
                _("Too many failed attempts. Wait 15 minutes, then try again."),
                code="locked",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            signin.record_failure(self.request, username)
            raise
        signin.clear(self.request, username)
        return cleaned


def _plain_password_help(form: forms.BaseForm) -> None:
    """The password rules as one sentence each, in a hint paragraph (Django's are an HTML list,
    which a paragraph cannot hold)."""
    form.fields["new_password1"].help_text = " ".join(
        password_validation.password_validators_help_texts()
    )


class StaffSetPasswordForm(ErrorsDescribedMixin, SetPasswordForm):
    """A new password, twice, checked against every rule (settings.AUTH_PASSWORD_VALIDATORS)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_password_help(self)


class StaffPasswordChangeForm(ErrorsDescribedMixin, PasswordChangeForm):
    """The current password, then a new one twice."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        _plain_password_help(self)


class PasswordResetRequestForm(ErrorsDescribedMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your account's email address"),
        max_length=254,
        help_text=_(
            "If an account has this address, a link to choose a new password is sent to it."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ConfirmPasswordForm(ErrorsDescribedMixin, forms.Form):
    """The signed-in person's password again, before a sensitive action (heard.core.reauth);
    failures count in the sign-in throttle, so that it cannot be used to guess."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, request: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        from django.contrib.auth import authenticate

        password = self.cleaned_data["password"]
        username = self.request.user.get_username()
        if signin.is_locked(self.request, username):
            raise forms.ValidationError(
                _("Too many failed attempts. Wait 15 minutes, then try again."), code="locked"
            )
        if authenticate(self.request, username=username, password=password) is None:
            signin.record_failure(self.request, username)
            raise forms.ValidationError(_("This is not your password."), code="wrong")
        signin.clear(self.request, username)
        return password


class RetentionForm(ErrorsDescribedMixin, forms.Form):
    months = forms.IntegerField(
        label=_("Keep personal data for this many months after the consultation closes"),
        min_value=1,
        max_value=120,
        help_text=_("From 1 to 120. Check your department's records schedule before changing it."),
    )


class ErasureForm(ErrorsDescribedMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to erase"),
        max_length=limits.EMAIL,
        help_text=_(
            "The address they are known by here: in the registry, on a request for the "
            "questionnaire, or as a colleague suggested by an invitee."
        ),
    )


class SecondFactorForm(ErrorsDescribedMixin, forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
        help_text=_("Six digits from the app, or one of your recovery codes (like abcde-23456)."),
    )


class AuthenticatorCodeForm(ErrorsDescribedMixin, forms.Form):
    code = forms.CharField(
        label=_("The six-digit code the app shows now"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
