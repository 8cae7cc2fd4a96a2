"""Forms of the analysis screens: start a run, review a record, code an excerpt."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.analysis.codebooks import CodeValues
from heard.analysis.engine.codebook import Codebook as EngineCodebook
from heard.analysis.models import Decision, RecordFile
from heard.analysis.selectors import Question
from heard.consultations.models import Consultation
from heard.core.bilingual import active_language


def _label(en: str, fr: str) -> str:
    return fr if active_language() == "fr" and fr else en


def code_choices(codebook: EngineCodebook) -> list[tuple[str, str]]:
    """Every code, indented under its parent, named in the page's language."""
    choices = []
    for code in codebook.walk():
        depth = len(codebook.path(code.key)) - 1
        choices.append((code.key, "— " * depth + _label(code.name_en, code.name_fr)))
    return choices


class StartRunForm(forms.Form):
    questions = forms.MultipleChoiceField(
        label=_("Questionnaire questions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The free-text questions whose submitted answers the analysis reads."),
    )
    notes = forms.BooleanField(
        label=_("Session notes"),
        required=False,
        help_text=_("Each paragraph of every session's notes is one record."),
    )
    imported = forms.TypedMultipleChoiceField(
        label=_("Imported files"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Texts received outside Heard, such as email submissions: one record each."),
    )
    use_codebook = forms.BooleanField(
        label=_("Code the records with the consultation's codebook"),
        required=False,
        help_text=_(
            "The engine learns from every record people have reviewed, and suggests codes for "
            "the rest."
        ),
    )
    baseline = forms.TypedChoiceField(
        label=_("Compare with an earlier consultation (optional)"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("What rose, what fell and what is new since then."),
    )

    def __init__(
        self,
        *args: Any,
        questions: list[Question],
        has_codebook: bool,
        baselines: list[Consultation],
        files: list[RecordFile] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        file_field: Any = self.fields["imported"]
        file_field.choices = [
            (
                record_file.pk,
                _("%(name)s (%(n)s texts)") % {"name": record_file.name, "n": record_file.records},
            )
            for record_file in files
        ]
        if not files:
            del self.fields["imported"]
        question_field: Any = self.fields["questions"]
        question_field.choices = [
            (question.name, _label(question.label_en, question.label_fr)) for question in questions
        ]
        self.baselines = {consultation.pk: consultation for consultation in baselines}
        baseline_field: Any = self.fields["baseline"]
        baseline_field.choices = [("", _("No comparison"))] + [
            (consultation.pk, consultation.title) for consultation in baselines
        ]
        if not has_codebook:
            self.fields["use_codebook"].disabled = True
            self.fields["use_codebook"].help_text = _(
                "This consultation has no codebook yet: the engine will look for themes only."
            )
        if not self.is_bound:
            self.initial.setdefault("questions", [question.name for question in questions])
            self.initial.setdefault("notes", True)
            self.initial.setdefault("imported", [record_file.pk for record_file in files])
            self.initial.setdefault("use_codebook", has_codebook)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("questions") and not data.get("notes") and not data.get("imported"):
            raise forms.ValidationError(
                _("Choose at least one source: a question, the session notes or an imported file.")
            )
        return data

    def baseline_consultation(self) -> Consultation | None:
        chosen = self.cleaned_data.get("baseline")
        return self.baselines.get(chosen) if chosen else None


VERDICT_CHOICES = [
    ("", _("Not decided")),
    (Decision.Verdict.CONFIRMED, _("Applies")),
    (Decision.Verdict.REJECTED, _("Does not apply")),
]


class ReviewForm(forms.Form):
    """A verdict for each code shown (one radio group each) and codes to add."""

    added = forms.MultipleChoiceField(
        label=_("Add codes"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Codes the engine did not suggest. Hold Ctrl (or ⌘) to choose several."),
    )

    def __init__(
        self,
        *args: Any,
        codes: list[tuple[str, str]],
        shown: list[tuple[str, str, str]],
        **kwargs: Any,
    ) -> None:
        """`codes`: every code of the codebook; `shown`: (code, its name, current verdict)."""
        super().__init__(*args, **kwargs)
        added: Any = self.fields["added"]
        added.choices = codes
        self.shown = []
        for code, name, verdict in shown:
            field_name = f"code_{code}"
            self.fields[field_name] = forms.ChoiceField(
                label=name,
                choices=VERDICT_CHOICES,
                required=False,
                initial=verdict,
                widget=forms.RadioSelect,
            )
            self.shown.append(field_name)

    def verdicts(self) -> dict[str, str]:
        return {
            name.removeprefix("code_"): self.cleaned_data[name]
            for name in self.shown
            if self.cleaned_data.get(name)
        }

    def verdict_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.shown]


class ExcerptForm(forms.Form):
    """A code on one sentence (without JavaScript) or on any selected span (with it)."""

    code = forms.ChoiceField(label=_("Code"))
    sentence = forms.TypedChoiceField(
        label=_("Sentence"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        codes: list[tuple[str, str]],
        sentences: list[tuple[int, int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        code: Any = self.fields["code"]
        code.choices = codes
        self.sentences = sentences
        sentence: Any = self.fields["sentence"]
        sentence.choices = [(index, text) for index, (_s, _e, text) in enumerate(sentences)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end > start:
            data["span"] = (start, end)
        elif data.get("sentence") is not None:
            begin, finish, _text = self.sentences[data["sentence"]]
            data["span"] = (begin, finish)
        else:
            raise forms.ValidationError(_("Choose the sentence to code."))
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _commas(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class CodeForm(forms.Form):
    """One code of the codebook, in both languages."""

    key = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_(
            "A short, stable name: letters, digits and hyphens (shelters-housing). Keys that "
            "differ only in case are the same key."
        ),
    )
    parent = forms.ChoiceField(label=_("Under"), required=False)
    group = forms.CharField(
        label=_("Group"),
        required=False,
        max_length=60,
        help_text=_(
            "Top-level codes only: pillar for the themes, statement-type for gap, emerging issue, "
            "trend and the like (what kind of thing a text says, not what it is about)."
        ),
    )
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_fr = forms.CharField(label=_("Name (French)"), max_length=200)
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, max_length=2000, widget=forms.Textarea
    )
    description_fr = forms.CharField(
        label=_("Description (French)"), required=False, max_length=2000, widget=forms.Textarea
    )
    keywords_en = forms.CharField(
        label=_("Keywords (English)"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas."),
    )
    keywords_fr = forms.CharField(
        label=_("Keywords (French)"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas."),
    )
    examples = forms.CharField(
        label=_("Examples"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea,
        help_text=_("Texts this code fits, one per line, in either language."),
    )

    def __init__(self, *args: Any, parents: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent: Any = self.fields["parent"]
        parent.choices = [("", _("(top level)")), *parents]

    def values(self) -> CodeValues:
        data = self.cleaned_data
        return CodeValues(
            key=data["key"],
            parent=data["parent"],
            name_en=data["name_en"].strip(),
            name_fr=data["name_fr"].strip(),
            group=data["group"].strip(),
            description_en=data["description_en"].strip(),
            description_fr=data["description_fr"].strip(),
            keywords_en=_commas(data["keywords_en"]),
            keywords_fr=_commas(data["keywords_fr"]),
            examples=_lines(data["examples"]),
        )

    @staticmethod
    def initial_from(code: dict[str, Any], parent: str | None) -> dict[str, Any]:
        return {
            "key": code["key"],
            "parent": parent or "",
            "group": code.get("group", ""),
            "name_en": code["name_en"],
            "name_fr": code["name_fr"],
            "description_en": code.get("description_en", ""),
            "description_fr": code.get("description_fr", ""),
            "keywords_en": ", ".join(code.get("keywords_en", [])),
            "keywords_fr": ", ".join(code.get("keywords_fr", [])),
            "examples": "\n".join(code.get("examples", [])),
        }


class CodebookUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Codebook file"),
        help_text=_(
            "YAML (.yaml), TOML (.toml), JSON (.json) or REFI-QDA (.qdc), up to 2 MB. It "
            "replaces the whole codebook as a new revision; runs already made keep the codebook "
            "they used."
        ),
    )


class ThemeForm(forms.Form):
    """What to make of one candidate theme. Accepting and splitting use the new code's fields
    (a split, the first code's); a split also names a second code and shares out the theme's key
    phrases between the two."""

    verdict = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("accepted", _("Accept it as a new code")),
            ("merged", _("Merge it into an existing code")),
            ("split", _("Split it into two new codes")),
            ("rejected", _("Reject it")),
        ],
    )
    key = forms.SlugField(
        label=_("Key of the new code"),
        max_length=60,
        required=False,
        help_text=_("When splitting, the first of the two codes."),
    )
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    name_fr = forms.CharField(label=_("Name (French)"), max_length=200, required=False)
    parent = forms.ChoiceField(
        label=_("Under"),
        required=False,
        help_text=_("When splitting, both codes go here."),
    )
    into = forms.ChoiceField(label=_("Merge into"), required=False)
    key_2 = forms.SlugField(
        label=_("Key of the second code (split only)"), max_length=60, required=False
    )
    name_en_2 = forms.CharField(
        label=_("Name of the second code (English)"), max_length=200, required=False
    )
    name_fr_2 = forms.CharField(
        label=_("Name of the second code (French)"), max_length=200, required=False
    )
    first_phrases = forms.MultipleChoiceField(
        label=_("Key phrases of the first code (split only)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The phrases you tick become the first code's keywords; the others, the second's."
        ),
    )

    def __init__(
        self,
        *args: Any,
        codes: list[tuple[str, str]],
        phrases: dict[str, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        parent: Any = self.fields["parent"]
        parent.choices = [("", _("(top level)")), *codes]
        into: Any = self.fields["into"]
        into.choices = [("", _("Choose a code")), *codes]
        choices = [
            (f"{language}:{phrase}", f"{phrase} ({language.upper()})")
            for language in ("en", "fr")
            for phrase in (phrases or {}).get(language, [])
        ]
        first: Any = self.fields["first_phrases"]
        first.choices = choices
        if not choices:
            del self.fields["first_phrases"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        verdict = data.get("verdict")
        if verdict in ("accepted", "split"):
            needed = ["key", "name_en", "name_fr"]
            if verdict == "split":
                needed += ["key_2", "name_en_2", "name_fr_2"]
            for name in needed:
                if not data.get(name):
                    self.add_error(
                        name,
                        _("Needed to accept the theme as a code.")
                        if verdict == "accepted"
                        else _("Needed to split the theme into two codes."),
                    )
        if verdict == "split" and "first_phrases" in self.fields:
            chosen = data.get("first_phrases") or []
            if not chosen or len(chosen) == len(self.fields["first_phrases"].choices):  # type: ignore[attr-defined]
                self.add_error(
                    "first_phrases",
                    _("Tick the phrases of the first code, leaving at least one for the second."),
                )
        if verdict == "merged" and not data.get("into"):
            self.add_error("into", _("Choose the code to merge the theme into."))
        return data

    def new_code(self) -> CodeValues:
        data = self.cleaned_data
        return CodeValues(
            key=data["key"],
            parent=data["parent"],
            name_en=data["name_en"].strip(),
            name_fr=data["name_fr"].strip(),
        )

    def parts(self) -> list[CodeValues]:
        """A split's two codes, each with its share of the key phrases as keywords."""
        data = self.cleaned_data
        field: Any = self.fields.get("first_phrases")
        every = [value for value, _label in field.choices] if field else []
        chosen = set(data.get("first_phrases") or [])
        shares = ([v for v in every if v in chosen], [v for v in every if v not in chosen])
        parts = []
        for suffix, share in zip(("", "_2"), shares, strict=True):
            parts.append(
                CodeValues(
                    key=data[f"key{suffix}"],
                    parent=data["parent"],
                    name_en=data[f"name_en{suffix}"].strip(),
                    name_fr=data[f"name_fr{suffix}"].strip(),
                    keywords_en=[v[3:] for v in share if v.startswith("en:")],
                    keywords_fr=[v[3:] for v in share if v.startswith("fr:")],
                )
            )
        return parts


class QuoteForm(forms.Form):
    text = forms.CharField(
        label=_("Text to publish"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Check that nothing could identify anyone. You may remove words or replace them with "
            "a placeholder such as [NAME]; you may not add any."
        ),
    )


class DoubleCodingForm(forms.Form):
    first = forms.TypedChoiceField(label=_("First analyst"), coerce=int)
    second = forms.TypedChoiceField(label=_("Second analyst"), coerce=int)
    size = forms.IntegerField(
        label=_("Records"),
        min_value=5,
        max_value=2000,
        initial=40,
        help_text=_("A random sample of the run's records, campaign copies left out."),
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(person.pk, person.get_username()) for person in people]
        for name in ("first", "second"):
            field: Any = self.fields[name]
            field.choices = choices
        self.people = {person.pk: person for person in people}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("first") is not None and data.get("first") == data.get("second"):
            self.add_error("second", _("Choose two different people."))
        return data


class RecordFileForm(forms.Form):
    """A file of texts received outside Heard, to import for analysis."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("How the runs and findings will name these texts, e.g. “Email submissions”."),
    )
    channel = forms.ChoiceField(
        label=_("How they were received"), choices=RecordFile.Channel.choices, initial="email"
    )
    upload = forms.FileField(
        label=_("File (CSV or Excel)"),
        help_text=_(
            "A header row, then one text per row. Columns: text (required); sector, region, "
            "date (YYYY-MM-DD) and consent (yes or no: may it be quoted, never attributed) if "
            "you have them. Leave out senders' names and addresses: Heard does not need them."
        ),
    )

    def clean_upload(self) -> Any:
        upload = self.cleaned_data["upload"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        return upload
