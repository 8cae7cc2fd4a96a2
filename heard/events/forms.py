from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from heard.consultations.forms import LocalDateTimeField
from heard.consultations.models import Visibility
from heard.core import limits
from heard.events.models import AgendaItem, Interpretation, NoteLanguage
from heard.events.notes import UploadError, read_upload
from heard.stakeholders.models import Language, Sector


def too_long_file_name(name: str) -> str:
    return _("The file's name has %(count)d characters, at most %(limit)d: rename the file.") % {
        "count": len(name),
        "limit": limits.FILE_NAME,
    }


class ResponseForm(forms.Form):
    attend = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[("yes", _("Yes, I will attend")), ("no", _("No, I cannot attend"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you will attend.")},
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        required=False,
        max_length=limits.NEEDS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=limits.NEEDS,
        help_text=_("For example step-free access, captioning or a quiet room."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    interpretation = forms.ChoiceField(
        label=_("Simultaneous interpretation"), choices=Interpretation.choices, required=False
    )
    list_organisation = forms.BooleanField(
        label=_("You may list my organisation among the participants in the published report."),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits.keep_long_pastes(self)

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "dietary_needs": data["dietary_needs"],
            "accessibility_needs": data["accessibility_needs"],
            "interpretation": data["interpretation"],
            "list_organisation": data["list_organisation"],
        }


class SuggestionForm(forms.Form):
    name = forms.CharField(label=_("Your colleague's name"), max_length=limits.PERSON_NAME)
    email = forms.EmailField(label=_("Your colleague's e-mail address"), max_length=limits.EMAIL)
    note = forms.CharField(
        label=_("Why should they take part?"),
        required=False,
        max_length=limits.SUGGESTION_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits.keep_long_pastes(self)


class SessionForm(forms.Form):
    """Set up invitations for an event. Times are in the event city's own time zone."""

    starts = LocalDateTimeField(label=_("Starts"))
    ends = LocalDateTimeField(label=_("Ends"))
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        help_text=_("Seats in the room; leave blank for no limit."),
    )
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    link_valid_days = forms.IntegerField(
        label=_("Personal links stay valid for (days)"), min_value=1, max_value=365, initial=60
    )

    def __init__(self, *args: Any, sectors: list[Sector], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sectors = sectors
        for sector in sectors:
            self.fields[f"quota_{sector.pk}"] = forms.IntegerField(
                label=_("Seats kept for: %(sector)s") % {"sector": sector.name},
                required=False,
                min_value=0,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The end must come after the start."))
        kept = sum(data.get(f"quota_{s.pk}") or 0 for s in self.sectors)
        if data.get("capacity") and kept > data["capacity"]:
            self.add_error("capacity", _("More seats are kept for sectors than the room holds."))
        return data

    def quota_fields(self) -> list[forms.BoundField]:
        return [self[f"quota_{s.pk}"] for s in self.sectors]

    def main_fields(self) -> list[forms.BoundField]:
        return [
            self[name] for name in ("starts", "ends", "capacity", "visibility", "link_valid_days")
        ]


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=limits.PERSON_NAME)
    email = forms.EmailField(label=_("E-mail address"), max_length=limits.EMAIL, required=False)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=limits.ORGANISATION_NAME, required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.none(), required=False
    )
    language = forms.ChoiceField(label=_("Preferred official language"), choices=Language.choices)

    def __init__(self, *args: Any, consultation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )


class NoteForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Part of the programme"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("The whole session"),
    )
    question = forms.CharField(
        label=_("Discussion question"), max_length=limits.DISCUSSION_QUESTION, required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the notes"),
        choices=[("", _("Detect it for me")), *NoteLanguage.choices],
        required=False,
    )
    text = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=limits.NOTES,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Record what was said, not who said it."),
    )
    upload = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_(".txt, .md or .docx, up to 5 MB"),
    )
    keep_speakers = forms.BooleanField(
        label=_("Keep speaker names (they are replaced by “Participant” otherwise)"),
        required=False,
    )

    def __init__(self, *args: Any, session: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(  # type: ignore[attr-defined]
            session=session
        )
        limits.keep_long_pastes(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("upload")
        if upload is not None and len(upload.name) > limits.FILE_NAME:
            self.add_error("upload", too_long_file_name(upload.name))
        elif upload is not None:
            try:
                data["text"] = read_upload(upload.name, upload.read())
                data["source"] = upload.name
            except UploadError as error:
                self.add_error("upload", str(error))
            else:
                if len(data["text"]) > limits.NOTES:
                    self.add_error(
                        "upload",
                        _(
                            "The file holds %(count)s characters of text; notes have at most "
                            "%(limit)s. Split it into several notes."
                        )
                        % {
                            "count": number_format(len(data["text"]), force_grouping=True),
                            "limit": number_format(limits.NOTES, force_grouping=True),
                        },
                    )
        if not (data.get("text") or "").strip() and not self.errors:
            self.add_error("text", _("Type the notes or upload a file."))
        return data


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["kind", "title_en", "title_fr", "theme_en", "theme_fr", "starts_at", "position"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }
        help_texts = {"starts_at": _("For a summit over several days, the day and time it starts.")}
