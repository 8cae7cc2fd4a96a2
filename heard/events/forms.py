from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.events.models import Interpretation


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
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=500,
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

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "dietary_needs": data["dietary_needs"],
            "accessibility_needs": data["accessibility_needs"],
            "interpretation": data["interpretation"],
            "list_organisation": data["list_organisation"],
        }


class SuggestionForm(forms.Form):
    name = forms.CharField(label=_("Your colleague's name"), max_length=200)
    email = forms.EmailField(label=_("Your colleague's e-mail address"))
    note = forms.CharField(
        label=_("Why should they take part?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
