from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.consultations.forms import LocalDateTimeField
from heard.core import limits
from heard.questionnaires import form_media
from heard.questionnaires.models import Channel, Questionnaire

MAX_FORM_BYTES = 5 * 1024 * 1024


class QuestionnaireForm(forms.ModelForm):
    opens_at = LocalDateTimeField(label=_("Opens"))
    closes_at = LocalDateTimeField(label=_("Closes"))

    class Meta:
        model = Questionnaire
        fields = [
            "title_en",
            "title_fr",
            "privacy_notice_en",
            "privacy_notice_fr",
            "opens_at",
            "closes_at",
            "link_valid_days",
            "reminder_limit",
            "reminder_interval_days",
            "accepts_requests",
        ]
        widgets = {
            "privacy_notice_en": forms.Textarea(attrs={"rows": 8}),
            "privacy_notice_fr": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args: Any, consultation: Any, **kwargs: Any) -> None:
        self.zone = zoneinfo.ZoneInfo(consultation.time_zone)
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            kwargs.setdefault(
                "initial",
                {
                    "opens_at": instance.opens_at.astimezone(self.zone).replace(tzinfo=None),
                    "closes_at": instance.closes_at.astimezone(self.zone).replace(tzinfo=None),
                },
            )
        super().__init__(*args, **kwargs)
        limits.keep_long_pastes(self)
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("In the consultation's time zone (%(zone)s).") % {
                "zone": consultation.time_zone
            }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("opens_at", "closes_at"):
            if data.get(name) is not None:
                data[name] = data[name].replace(tzinfo=self.zone)
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("The closing date must come after the opening date."))
        return data


class FormFileMixin:
    cleaned_data: dict[str, Any]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FORM_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if len(upload.name) > limits.FILE_NAME:
            raise forms.ValidationError(
                _("The file's name has %(count)d characters, at most %(limit)d: rename the file.")
                % {"count": len(upload.name), "limit": limits.FILE_NAME}
            )
        return upload


class _MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Any number of the files a form names: files of choices and data (select_one_from_file,
    pulldata()) and the pictures, recordings and videos it shows (form_media), each checked for
    its size and kind."""

    DATA_EXTENSIONS = (".csv", ".xml", ".geojson")

    def __init__(self, **kwargs: Any) -> None:
        media = sorted({e for kind in form_media.EXTENSIONS.values() for e in kind})
        kwargs.setdefault(
            "widget",
            _MultipleFileInput(
                attrs={
                    "accept": ",".join(
                        [
                            *self.DATA_EXTENSIONS,
                            *media,
                            "text/csv",
                            "application/xml",
                            "application/geo+json",
                        ]
                    )
                }
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not uploads and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        found = {}
        for upload in uploads:
            super().clean(upload, initial)
            name = upload.name.lower()
            is_media = name.endswith(tuple(form_media.CONTENT_TYPES))
            if not is_media and not name.endswith(self.DATA_EXTENSIONS):
                raise forms.ValidationError(
                    _(
                        "“%(name)s” is not a file a form can name: choices and data come as "
                        ".csv, .xml or .geojson files, pictures, recordings and videos as "
                        "%(media)s files."
                    )
                    % {
                        "name": upload.name,
                        "media": ", ".join(dict.fromkeys(form_media.CONTENT_TYPES)),
                    }
                )
            limit = form_media.MAX_MEDIA_BYTES if is_media else MAX_FORM_BYTES
            if upload.size > limit:
                raise forms.ValidationError(
                    _("“%(name)s” is larger than %(limit)d MB.")
                    % {"name": upload.name, "limit": limit // (1024 * 1024)}
                )
            found[upload.name] = upload.read()
        return found


ATTACHMENTS_HELP = _(
    "The files the form names: files of choices in select_one_from_file or "
    "select_multiple_from_file rows, such as cities.csv, with a name column and a label column "
    "(or label::English (en) and label::Français (fr)); the CSV files pulldata() reads, such "
    "as people.csv for pulldata('people', …); and the pictures, recordings and videos of its "
    "media::image, media::audio and media::video columns (up to 10 MB each). They can also be "
    "attached after the form."
)


class UploadForm(FormFileMixin, forms.Form):
    file = forms.FileField(
        label=_("XLSForm file"),
        help_text=_(
            "An .xlsx, .xls or .csv file with survey, choices and settings sheets. Its texts may "
            "be in English, French or both: texts lacking a language can be translated here "
            "before the questionnaire opens."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of text columns written without one"),
        choices=[("en", _("English")), ("fr", _("French"))],
        required=False,
        help_text=_(
            "For columns such as “label” rather than “label::English (en)”, when the settings "
            "sheet names no default_language."
        ),
    )
    attachments = AttachmentsField(
        label=_("Attached files"), required=False, help_text=ATTACHMENTS_HELP
    )
    new_version = forms.BooleanField(
        label=_("Keep the answers given so far under the current version, and start a new one"),
        required=False,
    )


class AttachForm(forms.Form):
    attachments = AttachmentsField(label=_("Attached files"), help_text=ATTACHMENTS_HELP)


class TranslationUploadForm(FormFileMixin, forms.Form):
    file = forms.FileField(
        label=_("Translated file"),
        help_text=_(
            "The XLSForm downloaded here with the other language's columns filled in (.xlsx), "
            "or the XLIFF file back from a translation tool (.xlf)."
        ),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("csv", _("CSV, one row per response (UTF-8)")),
            ("xlsx", _("Excel workbook (.xlsx)")),
            ("sav", _("SPSS (.sav), with variable and value labels")),
            ("dta", _("Stata (.dta), with variable and value labels")),
            ("codebook-json", _("Codebook, Table Schema (JSON)")),
            ("codebook-csv", _("Codebook (CSV)")),
        ],
    )
    language = forms.ChoiceField(
        label=_("Language of labels"),
        choices=[("en", _("English")), ("fr", _("French"))],
        help_text=_("Variable and value labels in SPSS and Stata files; the codebooks hold both."),
    )


class EntryForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Received"),
        choices=[(Channel.EMAIL, Channel.EMAIL.label), (Channel.PAPER, Channel.PAPER.label)],
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Date received"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    language = forms.ChoiceField(
        label=_("Language of the answers"), choices=[("en", _("English")), ("fr", _("French"))]
    )
