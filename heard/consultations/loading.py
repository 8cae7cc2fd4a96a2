"""`heard load FOLDER`: create or update a consultation from human-editable files.

A folder holds `consultation.yaml` (the page) and, optionally, `schedule.yaml` (the summary of
events). Everything is validated before anything is written; the writes then run in one
transaction through the same services the staff screens use, so a second run with the same files
changes nothing and a failed run leaves the database as it was.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.db.models import Model
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from heard.consultations import services
from heard.consultations.models import (
    Consultation,
    DatePrecision,
    ItemFormat,
    ItemKind,
    Participation,
    RelatedLink,
    ReportingCommitment,
    ScheduleItem,
    Subject,
    Visibility,
    validate_time_zone,
)
from heard.core import audit
from heard.core.sources import Problem, SourceError, SourceFile, read_yaml

LOADER_LABEL = "heard load"


def _check(django_validator: Any) -> Any:
    def run(value: str) -> str:
        if value:
            try:
                django_validator(value)
            except DjangoValidationError as error:
                raise ValueError(" ".join(str(m) for m in error.messages)) from None
        return value

    return run


Slug = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_check(validate_slug))]
Email = Annotated[str, AfterValidator(_check(validate_email))]
TimeZone = Annotated[str, AfterValidator(_check(validate_time_zone))]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Text(Strict):
    """A piece of reader-facing text in both languages (either may be left empty while drafting)."""

    en: str = ""
    fr: str = ""


class RequiredText(Text):
    en: str = Field(min_length=1)


class Slugs(Strict):
    en: Slug
    fr: Slug


class Urls(Strict):
    en: str = Field(pattern=r"^https?://\S+$")
    fr: str = Field(default="", pattern=r"^(https?://\S+)?$")


class SubjectEntry(Strict):
    key: Slug
    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)


class Sections(Strict):
    why: Text = Text()
    who: Text = Text()
    what: Text = Text()
    how_to_participate: Text = Text()


class Contact(Strict):
    name: Text = Text()
    email: Email = ""


class LinkEntry(Strict):
    title: RequiredText
    url: Urls


class CommitmentEntry(Strict):
    document: RequiredText
    audience: RequiredText


class ConsultationFile(Strict):
    key: Slug
    slug: Slugs
    title: RequiredText
    summary: Text = Text()
    description: Text = Text()
    objectives: Text = Text()
    sections: Sections = Sections()
    department: Text = Text()
    contact: Contact = Contact()
    subjects: list[SubjectEntry] = []
    time_zone: TimeZone = "America/Toronto"
    opens: datetime
    closes: datetime
    closed_early: datetime | None = None
    # Months after closing that personal data is kept (heard.consultations.retention).
    retention_months: Annotated[int, Field(ge=1, le=120)] = 12
    published: bool = False
    related: list[LinkEntry] = []
    reporting: list[CommitmentEntry] = []

    @model_validator(mode="after")
    def _dates_in_order(self) -> ConsultationFile:
        opens, closes = self.aware(self.opens), self.aware(self.closes)
        if closes <= opens:
            raise ValueError("`closes` must come after `opens`")
        if self.closed_early is not None and not opens <= self.aware(self.closed_early) < closes:
            raise ValueError("`closed_early` must fall between `opens` and `closes`")
        return self

    def aware(self, moment: datetime) -> datetime:
        """Dates without an offset are read in the consultation's own time zone."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=zoneinfo.ZoneInfo(self.time_zone))
        return moment


class ItemEntry(Strict):
    key: Slug
    kind: ItemKind
    title: RequiredText
    details: Text = Text()
    format: ItemFormat
    city: Text = Text()
    venue: Text = Text()
    start: date
    end: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    dates_shown_as: DatePrecision = DatePrecision.DAY
    time_zone: Literal[""] | TimeZone = ""
    participation: Participation
    visibility: Visibility = Visibility.TRANSPARENT

    @model_validator(mode="after")
    def _consistent(self) -> ItemEntry:
        if self.end is not None and self.end < self.start:
            raise ValueError("`end` must not come before `start`")
        if self.format == ItemFormat.IN_PERSON and not self.city.en:
            raise ValueError("an in-person event needs `city`")
        return self


class ScheduleFile(Strict):
    items: list[ItemEntry] = []


@dataclass
class LoadResult:
    consultation: Consultation
    created: bool
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.created or bool(self.changes)


def _consultation_values(spec: ConsultationFile) -> dict[str, Any]:
    values: dict[str, Any] = {
        "key": spec.key,
        "time_zone": spec.time_zone,
        "opens_at": spec.aware(spec.opens),
        "closes_at": spec.aware(spec.closes),
        "closed_early_at": spec.aware(spec.closed_early) if spec.closed_early else None,
        "retention_months": spec.retention_months,
        "contact_email": spec.contact.email,
    }
    texts: dict[str, Text | Slugs] = {
        "slug": spec.slug,
        "title": spec.title,
        "summary": spec.summary,
        "description": spec.description,
        "objectives": spec.objectives,
        "why": spec.sections.why,
        "who": spec.sections.who,
        "what": spec.sections.what,
        "how_to_participate": spec.sections.how_to_participate,
        "department": spec.department,
        "contact_name": spec.contact.name,
    }
    for name, text in texts.items():
        values[f"{name}_en"] = text.en
        values[f"{name}_fr"] = text.fr
    return values


def _item_values(entry: ItemEntry, position: int) -> dict[str, Any]:
    return {
        "key": entry.key,
        "kind": entry.kind.value,
        "title_en": entry.title.en,
        "title_fr": entry.title.fr,
        "description_en": entry.details.en,
        "description_fr": entry.details.fr,
        "format": entry.format.value,
        "city_en": entry.city.en,
        "city_fr": entry.city.fr,
        "venue_en": entry.venue.en,
        "venue_fr": entry.venue.fr,
        "start_date": entry.start,
        "end_date": entry.end,
        "start_time": entry.start_time,
        "end_time": entry.end_time,
        "date_precision": entry.dates_shown_as.value,
        "time_zone": entry.time_zone,
        "participation": entry.participation.value,
        "visibility": entry.visibility.value,
        "position": position,
    }


def _check_uniqueness(
    source: SourceFile, spec: ConsultationFile, schedule: SourceFile | None, items: list[ItemEntry]
) -> list[Problem]:
    problems = []
    others = Consultation.objects.exclude(key=spec.key)
    for language in ("en", "fr"):
        slug = getattr(spec.slug, language)
        if others.filter(**{f"slug_{language}": slug}).exists():
            problems.append(
                source.problem(("slug", language), f"“{slug}” is used by another consultation")
            )
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.key in seen and schedule is not None:
            problems.append(
                schedule.problem(
                    ("items", index, "key"),
                    f"“{item.key}” is already used by item {seen[item.key]}",
                )
            )
        seen.setdefault(item.key, index)
    return problems


@dataclass
class Folder:
    """A validated consultation folder, with its files kept for error messages."""

    path: Path
    main: SourceFile
    spec: ConsultationFile
    schedule: SourceFile | None  # None when the folder has no schedule.yaml
    items: list[ItemEntry]


def read_folder(folder: Path) -> Folder:
    """Read and validate every file; raise SourceError listing every problem found."""
    if not folder.is_dir():
        raise SourceError([Problem(str(folder), "", None, "not a folder")])
    problems: list[Problem] = []
    main = read_yaml(folder / "consultation.yaml")
    spec: ConsultationFile | None = None
    try:
        spec = main.parse(ConsultationFile)
    except SourceError as error:
        problems += error.problems
    items: list[ItemEntry] = []
    schedule_file: SourceFile | None = None
    if (folder / "schedule.yaml").exists():
        schedule_file = read_yaml(folder / "schedule.yaml")
        try:
            items = schedule_file.parse(ScheduleFile).items
        except SourceError as error:
            problems += error.problems
    if spec is not None:
        problems += _check_uniqueness(main, spec, schedule_file, items)
        problems += _check_lengths(main, spec, schedule_file, items)
    if problems or spec is None:
        raise SourceError(problems)
    return Folder(folder, main, spec, schedule_file, items)


# Where each model field comes from in the files, for messages about values the database refuses.
_CONSULTATION_PATHS: dict[str, tuple[str, ...]] = {
    "why": ("sections", "why"),
    "who": ("sections", "who"),
    "what": ("sections", "what"),
    "how_to_participate": ("sections", "how_to_participate"),
    "contact_name": ("contact", "name"),
    "contact_email": ("contact", "email"),
}
_ITEM_PATHS: dict[str, tuple[str, ...]] = {"description": ("details",)}


def _yaml_path(name: str, renamed: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    base, _, language = name.rpartition("_")
    if language in ("en", "fr") and base:
        return (*renamed.get(base, (base,)), language)
    return renamed.get(name, (name,))


def _too_long(
    source: SourceFile,
    prefix: tuple[str | int, ...],
    model: type[Model],
    values: dict[str, Any],
    renamed: dict[str, tuple[str, ...]],
) -> list[Problem]:
    problems = []
    for name, value in values.items():
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            problems.append(
                source.problem(
                    (*prefix, *_yaml_path(name, renamed)),
                    f"too long: {len(value):,} characters, at most {limit:,}",
                )
            )
    return problems


def _check_lengths(
    main: SourceFile, spec: ConsultationFile, schedule: SourceFile | None, items: list[ItemEntry]
) -> list[Problem]:
    problems = _too_long(main, (), Consultation, _consultation_values(spec), _CONSULTATION_PATHS)
    for index, entry in enumerate(spec.subjects):
        problems += _too_long(
            main,
            ("subjects", index),
            Subject,
            {"slug": entry.key, "name_en": entry.en, "name_fr": entry.fr},
            {"name": (), "slug": ("key",)},
        )
    for index, link in enumerate(spec.related):
        problems += _too_long(main, ("related", index), RelatedLink, _link_values(link), {})
    for index, commitment in enumerate(spec.reporting):
        problems += _too_long(
            main, ("reporting", index), ReportingCommitment, _commitment_values(commitment), {}
        )
    if schedule is not None:
        for index, item in enumerate(items):
            problems += _too_long(
                schedule, ("items", index), ScheduleItem, _item_values(item, index), _ITEM_PATHS
            )
    return problems


def _link_values(entry: LinkEntry) -> dict[str, Any]:
    return {
        "title_en": entry.title.en,
        "title_fr": entry.title.fr,
        "url_en": entry.url.en,
        "url_fr": entry.url.fr,
    }


def _commitment_values(entry: CommitmentEntry) -> dict[str, Any]:
    return {
        "document_en": entry.document.en,
        "document_fr": entry.document.fr,
        "audience_en": entry.audience.en,
        "audience_fr": entry.audience.fr,
    }


def _sync_list(
    *,
    consultation: Consultation,
    existing: list[Any],
    wanted: list[dict[str, Any]],
    model: type[RelatedLink] | type[ReportingCommitment],
    changes: list[str],
    label: str,
) -> None:
    for position, values in enumerate(wanted):
        values = {**values, "position": position}
        part = existing[position] if position < len(existing) else model()
        if services.save_part(
            actor=None,
            consultation=consultation,
            part=part,
            values=values,
            system_label=LOADER_LABEL,
        ):
            changes.append(f"{label} {position + 1}")
    for extra in existing[len(wanted) :]:
        services.delete_part(
            actor=None, consultation=consultation, part=extra, system_label=LOADER_LABEL
        )
        changes.append(f"{label} {extra.position + 1} removed")


def load_folder(folder: Path) -> LoadResult:
    source = read_folder(folder)
    try:
        with transaction.atomic():
            return _apply(source)
    except services.PublishRefused as refused:
        # `published: true` (or an already published page) with a language missing somewhere.
        raise SourceError(
            source.main.problem(("published",), f"cannot publish while missing: {gap}")
            for gap in refused.missing
        ) from None
    except DjangoValidationError as error:
        # A rule only the database layer knows; the transaction has rolled back.
        raise SourceError(
            source.main.problem((field,) if field != "__all__" else (), message)
            for field, messages in error.message_dict.items()
            for message in messages
        ) from None


def _sync_subjects(spec: ConsultationFile, changes: list[str]) -> list[Subject]:
    """Subjects are a vocabulary shared by all consultations: create or rename them, audited."""
    subjects = []
    for entry in spec.subjects:
        names = {"name_en": entry.en, "name_fr": entry.fr}
        subject = Subject.objects.filter(slug=entry.key).first()
        if subject is None:
            subject = Subject.objects.create(slug=entry.key, **names)
            action, before = "subject.created", None
        elif (subject.name_en, subject.name_fr) != (entry.en, entry.fr):
            before = [subject.name_en, subject.name_fr]
            subject.name_en, subject.name_fr = entry.en, entry.fr
            subject.save()
            action = "subject.renamed"
        else:
            subjects.append(subject)
            continue
        audit.record(
            actor=None,
            action=action,
            target=subject,
            changes={"names": [before, [entry.en, entry.fr]]},
            system_label=LOADER_LABEL,
        )
        changes.append(f"subject {entry.key}")
        subjects.append(subject)
    return subjects


def _apply(source: Folder) -> LoadResult:
    spec = source.spec
    result_changes: list[str] = []
    consultation = Consultation.objects.filter(key=spec.key).first()
    if consultation is not None and consultation.is_published and not spec.published:
        # Take the page down first, so that the edits below may leave it incomplete.
        services.unpublish(actor=None, consultation=consultation, system_label=LOADER_LABEL)
        result_changes.append("unpublished")
    subjects = _sync_subjects(spec, result_changes)

    values = _consultation_values(spec)
    created = consultation is None
    if consultation is None:
        consultation = services.create_consultation(
            actor=None, values=values, subjects=subjects, system_label=LOADER_LABEL
        )
    else:
        result_changes += services.update_consultation(
            actor=None,
            consultation=consultation,
            values=values,
            subjects=subjects,
            system_label=LOADER_LABEL,
        ).keys()

    if source.schedule is not None:  # without schedule.yaml the schedule is left as it is
        _sync_schedule(consultation, source.items, result_changes)
    _sync_list(
        consultation=consultation,
        existing=list(consultation.related_links.all()),
        wanted=[_link_values(e) for e in spec.related],
        model=RelatedLink,
        changes=result_changes,
        label="related link",
    )
    _sync_list(
        consultation=consultation,
        existing=list(consultation.reporting_commitments.all()),
        wanted=[_commitment_values(e) for e in spec.reporting],
        model=ReportingCommitment,
        changes=result_changes,
        label="reporting commitment",
    )

    consultation.refresh_from_db()
    if spec.published and not consultation.is_published:
        services.publish(actor=None, consultation=consultation, system_label=LOADER_LABEL)
        result_changes.append("published")
    return LoadResult(consultation=consultation, created=created, changes=result_changes)


def _sync_schedule(consultation: Consultation, items: list[ItemEntry], changes: list[str]) -> None:
    existing = {item.key: item for item in consultation.schedule_items.all()}
    for position, entry in enumerate(items):
        item = existing.pop(entry.key, None) or ScheduleItem()
        is_new = item.pk is None
        saved = services.save_part(
            actor=None,
            consultation=consultation,
            part=item,
            values=_item_values(entry, position),
            system_label=LOADER_LABEL,
        )
        if saved or is_new:
            changes.append(f"schedule item {entry.key}")
    for leftover in existing.values():
        services.delete_part(
            actor=None, consultation=consultation, part=leftover, system_label=LOADER_LABEL
        )
        changes.append(f"schedule item {leftover.key} removed")
