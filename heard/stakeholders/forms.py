from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.core import limits
from heard.core.crypto import blind_indexes
from heard.stakeholders.models import Organisation, Person, SavedList, Sector, Tag, normalise_name
from heard.stakeholders.regions import Region
from heard.stakeholders.selectors import filter_people


class PersonForm(forms.ModelForm):
    """One person of the registry, typed in by staff."""

    organisation_name = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=limits.ORGANISATION_NAME,
        help_text=_("An organisation already in the registry is reused; a new name adds one."),
    )
    tag_names = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=limits.TAGS,
        help_text=_("Separated by commas."),
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "email",
            "title",
            "sector",
            "region",
            "phone",
            "language",
            "accessibility_needs",
            "consent_source",
            "consent_date",
            "consent_basis",
            "do_not_contact",
        ]
        widgets = {
            "name": forms.TextInput(),
            "email": forms.EmailInput(),
            "title": forms.TextInput(),
            "phone": forms.TextInput(),
            "consent_source": forms.TextInput(),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
            "consent_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, consultation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["sector"].queryset = Sector.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )
        self.fields["email"] = forms.EmailField(label=_("E-mail address"), max_length=limits.EMAIL)
        limits.keep_long_pastes(self)
        if self.instance.pk:
            if self.instance.organisation:
                self.initial["organisation_name"] = self.instance.organisation.name_en
            self.initial["tag_names"] = ", ".join(t.name for t in self.instance.tags.all())

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        taken = Person.objects.filter(
            consultation=self.consultation, email_index__in=blind_indexes(email)
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Someone in this registry already has this address."))
        return email

    def clean_tag_names(self) -> str:
        raw: str = self.cleaned_data["tag_names"]
        for tag in raw.split(","):
            if len(tag.strip()) > limits.TAG:
                raise forms.ValidationError(
                    _("Each tag has at most %(limit)d characters; “%(start)s…” has %(count)d.")
                    % {"limit": limits.TAG, "start": tag.strip()[:20], "count": len(tag.strip())}
                )
        return raw

    def tags(self) -> list[str]:
        raw = self.cleaned_data.get("tag_names", "")
        return sorted({t.strip() for t in raw.split(",") if t.strip()})

    def organisation(self) -> Organisation | None:
        name = self.cleaned_data.get("organisation_name", "").strip()
        if not name:
            return None
        found, _created = Organisation.objects.get_or_create(
            consultation=self.consultation,
            match_name=normalise_name(name),
            defaults={"name_en": name, "sector": self.cleaned_data.get("sector")},
        )
        return found


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name_en", "name_fr", "sector", "region", "type"]

    def __init__(self, *args: Any, consultation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["sector"].queryset = Sector.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )

    def clean_name_en(self) -> str:
        name: str = self.cleaned_data["name_en"].strip()
        taken = Organisation.objects.filter(
            consultation=self.consultation, match_name=normalise_name(name)
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another organisation of this registry has this name."))
        return name


class AudienceForm(forms.Form):
    """Choose people from the registry by filters (all empty: everyone), to invite them."""

    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.MultipleChoiceField(
        label=_("Provinces and territories"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tag = forms.ModelChoiceField(label=_("Tag"), queryset=Tag.objects.none(), required=False)
    saved_list = forms.ModelChoiceField(
        label=_("Saved list"),
        queryset=SavedList.objects.none(),
        required=False,
        help_text=_("Its filters are added to the ones above."),
    )

    def __init__(self, *args: Any, consultation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["saved_list"].queryset = SavedList.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )
        self.fields["sectors"].queryset = Sector.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )
        self.fields["tag"].queryset = Tag.objects.filter(  # type: ignore[attr-defined]
            consultation=consultation
        )

    def people(self, consultation: Any) -> Any:
        data = self.cleaned_data
        if data.get("saved_list"):
            found = filter_people(consultation, data["saved_list"].filters)
        else:
            found = Person.objects.filter(consultation=consultation)
        if data.get("sectors"):
            found = found.filter(sector__in=data["sectors"])
        if data.get("regions"):
            found = found.filter(region__in=data["regions"])
        if data.get("tag"):
            found = found.filter(tags=data["tag"])
        return found
