"""Forms of the report screens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.analysis.models import Run
from heard.core import limits
from heard.reports.models import COMMENT_TEXT, SECTION_TEXT, ReportKind


def _run_choices(runs: list[Run]) -> list[tuple[str, Any]]:
    return [("", _("No analysis run"))] + [
        (str(run.number), _("Run %(number)s") % {"number": run.number}) for run in runs
    ]


class NewReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    run = forms.ChoiceField(
        label=_("Analysis run to cite"),
        required=False,
        help_text=_("Its reviewed codes, approved themes and quotes are the report's evidence."),
    )

    def __init__(self, *args: Any, runs: list[Run], taken: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind: Any = self.fields["kind"]
        kind.choices = [(k, label) for k, label in ReportKind.choices if k not in taken]
        run: Any = self.fields["run"]
        run.choices = _run_choices(runs)
        if runs and not self.is_bound:
            self.initial["run"] = str(runs[0].number)


class ReportForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=limits.TITLE)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=limits.TITLE, required=False)
    threshold = forms.IntegerField(
        label=_("Smallest count shown"),
        min_value=1,
        max_value=100,
        help_text=_("Counts below this (but above zero) are shown as “fewer than …”."),
    )
    run = forms.ChoiceField(label=_("Analysis run to cite"), required=False)

    def __init__(self, *args: Any, runs: list[Run], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        run: Any = self.fields["run"]
        run.choices = _run_choices(runs)


class SectionForm(forms.Form):
    heading_en = forms.CharField(label=_("Heading (English)"), max_length=limits.TITLE)
    heading_fr = forms.CharField(
        label=_("Heading (French)"), max_length=limits.TITLE, required=False
    )
    body_en = forms.CharField(
        label=_("Text (English)"),
        required=False,
        max_length=SECTION_TEXT,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "en"}),
        help_text=_(
            "Markdown. Write figures as references, such as [[responses]]: see the evidence."
        ),
    )
    body_fr = forms.CharField(
        label=_("Text (French)"),
        required=False,
        max_length=SECTION_TEXT,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "fr"}),
        help_text=_("Cite the same references as the English text."),
    )


class PublishForm(forms.Form):
    correction_en = forms.CharField(
        label=_("What was corrected (English)"), max_length=limits.TITLE, required=False
    )
    correction_fr = forms.CharField(
        label=_("What was corrected (French)"), max_length=limits.TITLE, required=False
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the people writing the report; never published."),
    )
