"""Import people into a consultation's registry from CSV or XLSX.

Every row is validated first; good rows are written in one transaction (a failure part-way leaves
nothing behind), bad rows are reported with their spreadsheet row number and the reason. People are
matched by e-mail address (through its keyed hash): importing the same file twice changes nothing,
and a corrected file updates only the people whose details changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from heard.consultations.models import Consultation
from heard.core import audit, limits
from heard.core.crypto import blind_index, blind_indexes, normalise
from heard.stakeholders.models import (
    ConsentBasis,
    Organisation,
    Person,
    Sector,
    Tag,
    normalise_name,
)
from heard.stakeholders.regions import parse_region
from heard.stakeholders.tables import read_table

Progress = Callable[[str, int, int], None]  # (stage, done, total)

# Target fields, whether required, and the column headings recognised for each (EN and FR).
FIELDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "name": (True, ("name", "full name", "nom", "nom complet")),
    "email": (True, ("email", "e-mail", "email address", "courriel", "adresse courriel")),
    "title": (False, ("title", "job title", "position", "titre", "poste")),
    "organisation": (False, ("organisation", "organization", "organisme", "employer")),
    "organisation_fr": (False, ("organisation (french)", "organisation fr", "nom de l'organisme")),
    "sector": (False, ("sector", "secteur")),
    "region": (False, ("province", "province or territory", "region", "province ou territoire")),
    "phone": (False, ("phone", "telephone", "téléphone", "tel")),
    "language": (False, ("language", "preferred language", "langue", "langue préférée")),
    "accessibility_needs": (
        False,
        ("accessibility needs", "accessibility", "accessibilité", "besoins d'accessibilité"),
    ),
    "consent_source": (False, ("source", "consent source", "provenance")),
    "consent_date": (False, ("consent date", "date du consentement")),
    "consent_basis": (False, ("consent basis", "basis", "fondement")),
    "do_not_contact": (False, ("do not contact", "ne pas contacter")),
    "tags": (False, ("tags", "étiquettes")),
}

_LANGUAGES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "anglais": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
}
_YES = {"yes", "y", "true", "1", "oui", "o", "x"}
_NO = {"no", "n", "false", "0", "non", ""}
# The longest value each free-text column may hold (heard.core.limits); a longer one makes the row
# a bad row, never a cut value.
LIMITS: dict[str, int] = {
    "name": limits.PERSON_NAME,
    "email": limits.EMAIL,
    "title": limits.JOB_TITLE,
    "organisation": limits.ORGANISATION_NAME,
    "organisation_fr": limits.ORGANISATION_NAME,
    "phone": limits.PHONE,
    "accessibility_needs": limits.NEEDS,
    "consent_source": limits.CONSENT_SOURCE,
}
_PHONE = re.compile(r"^\+?[\d\s().-]{7,25}(?:\s*(?:x|ext\.?|poste)\s*\d{1,6})?$", re.IGNORECASE)


class MappingError(Exception):
    """The column mapping cannot work (unknown field, required field not mapped)."""


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    def __str__(self) -> str:
        verb = "would create" if self.dry_run else "created"
        return (
            f"{self.rows} rows: {verb} {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, {self.bad_rows} with problems"
        )


def suggest_mapping(headers: Iterable[str]) -> dict[str, str]:
    """{column heading: field} for the headings we recognise."""
    known = {alias: name for name, (_, aliases) in FIELDS.items() for alias in aliases}
    known.update({name.replace("_", " "): name for name in FIELDS})  # the field names themselves
    mapping: dict[str, str] = {}
    for heading in headers:
        target = known.get(" ".join(heading.casefold().replace("_", " ").split()))
        if target and target not in mapping.values():
            mapping[heading] = target
    return mapping


def check_mapping(headers: list[str], mapping: dict[str, str]) -> None:
    problems = []
    for heading, target in mapping.items():
        if heading not in headers:
            problems.append(f"the file has no column “{heading}”")
        if target not in FIELDS:
            problems.append(f"“{target}” is not a field (fields: {', '.join(FIELDS)})")
    for name, (required, _) in FIELDS.items():
        if required and name not in mapping.values():
            problems.append(f"no column is mapped to the required field “{name}”")
    if problems:
        raise MappingError("; ".join(problems))


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    email_index: str
    fingerprint: str
    # The index the row's person is stored under: the same, unless `heard rotate-keys` has not
    # yet moved them from an older blind index key (found then through that key's hash).
    stored_index: str = ""


class _Validator:
    def __init__(self, consultation: Consultation) -> None:
        self.sectors: dict[str, Sector] = {}
        for sector in Sector.objects.filter(consultation=consultation):
            for label in (sector.key, sector.name_en, sector.name_fr):
                self.sectors[normalise(label)] = sector
        self.sector_names = ", ".join(
            s.name_en for s in {id(s): s for s in self.sectors.values()}.values()
        )

    def row(self, number: int, raw: dict[str, str]) -> tuple[dict[str, Any], list[RowProblem]]:
        problems: list[RowProblem] = []
        values: dict[str, Any] = {}

        def problem(column: str, reason: str) -> None:
            problems.append(RowProblem(number, column, reason))

        for name, (required, _) in FIELDS.items():
            if required and not raw.get(name):
                problem(name, "required value is missing")
        for name, limit in LIMITS.items():
            if len(raw.get(name, "")) > limit:
                problem(name, too_long(len(raw[name]), limit))
                raw = {**raw, name: ""}  # checked no further: the row is left out already
        email = raw.get("email", "")
        if email:
            try:
                validate_email(email)
                values["email"] = email.strip()
            except ValidationError:
                problem("email", "not a valid e-mail address")
        values["name"] = raw.get("name", "")
        values["title"] = raw.get("title", "")
        values["organisation"] = raw.get("organisation", "")
        values["organisation_fr"] = raw.get("organisation_fr", "")
        sector = raw.get("sector", "")
        values["sector"] = None
        if sector:
            found = self.sectors.get(normalise(sector))
            if found is None:
                problem("sector", f"unknown sector “{sector}” (known: {self.sector_names})")
            else:
                values["sector"] = found.pk
        region = raw.get("region", "")
        values["region"] = ""
        if region:
            code = parse_region(region)
            if code is None:
                problem("region", f"unknown province or territory “{region}”")
            else:
                values["region"] = code
        phone = raw.get("phone", "")
        values["phone"] = phone
        if phone and not _PHONE.match(phone):
            problem("phone", "not a phone number")
        language = raw.get("language", "")
        values["language"] = _LANGUAGES.get(language.casefold(), "") if language else "en"
        if not values["language"]:
            problem("language", f"“{language}” is neither English nor French")
        values["accessibility_needs"] = raw.get("accessibility_needs", "")
        values["consent_source"] = raw.get("consent_source", "")
        consent_date = raw.get("consent_date", "")
        values["consent_date"] = None
        if consent_date:
            try:
                values["consent_date"] = date.fromisoformat(consent_date[:10])
            except ValueError:
                problem("consent_date", "not a date (write it as YYYY-MM-DD)")
        basis = raw.get("consent_basis", "").casefold().replace(" ", "_")
        values["consent_basis"] = ""
        if basis:
            if basis in ConsentBasis.values:
                values["consent_basis"] = basis
            else:
                problem("consent_basis", f"use one of: {', '.join(ConsentBasis.values)}")
        flag = raw.get("do_not_contact", "").casefold()
        values["do_not_contact"] = flag in _YES
        if flag not in _YES and flag not in _NO:
            problem("do_not_contact", "write yes or no")
        values["tags"] = sorted(
            {t.strip() for t in re.split(r"[;,]", raw.get("tags", "")) if t.strip()}
        )
        for tag in values["tags"]:
            if len(tag) > limits.TAG:
                problem("tags", f"a tag is {too_long(len(tag), limits.TAG)}")
                break
        return values, problems


def too_long(length: int, limit: int) -> str:
    return f"too long: {length:,} characters, at most {limit:,}"


def _fingerprint(values: dict[str, Any]) -> str:
    return blind_index("import|" + json.dumps(values, sort_keys=True, default=str))


def import_people(
    *,
    actor: Any,
    consultation: Consultation,
    path: Path,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    content: bytes | None = None,
) -> ImportReport:
    headers, row_iterator = read_table(path, content)
    mapping = mapping if mapping is not None else suggest_mapping(headers)
    check_mapping(headers, mapping)
    columns = [(headers.index(heading), target) for heading, target in mapping.items()]
    validator = _Validator(consultation)
    report = ImportReport(dry_run=dry_run)
    rows = list(row_iterator)  # a known total, so progress can say "45,000 of 100,000"
    total = len(rows)
    good: list[_Row] = []
    first_row_of: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        if not any(cells):
            continue  # blank lines are not rows
        report.rows += 1
        raw = {target: (cells[i] if i < len(cells) else "") for i, target in columns}
        values, problems = validator.row(number, raw)
        index = blind_index(values["email"]) if "email" in values else ""
        if index and index in first_row_of:
            problems.append(
                RowProblem(number, "email", f"same e-mail address as row {first_row_of[index]}")
            )
        if problems:
            report.problems.extend(problems)
        else:
            first_row_of[index] = number
            good.append(_Row(number, values, index, _fingerprint(values)))
        if progress and report.rows % 2000 == 0:
            progress("checking", report.rows, total)
    if progress:
        progress("checking", report.rows, report.rows)
        progress("saving", 0, len(good))  # one transaction from here: all or nothing
    with transaction.atomic():
        _write(actor, consultation, good, report, progress)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _organisations(consultation: Consultation, rows: list[_Row]) -> dict[str, Organisation]:
    wanted: dict[str, _Row] = {}
    for row in rows:
        name = row.values["organisation"]
        if name:
            wanted.setdefault(normalise_name(name), row)
    existing = {
        o.match_name: o
        for o in Organisation.objects.filter(consultation=consultation, match_name__in=wanted)
    }
    missing = [
        Organisation(
            consultation=consultation,
            name_en=row.values["organisation"],
            name_fr=row.values["organisation_fr"],
            sector_id=row.values["sector"],
            region=row.values["region"],
            match_name=key,
        )
        for key, row in wanted.items()
        if key not in existing
    ]
    for organisation in Organisation.objects.bulk_create(missing, batch_size=1000):
        existing[organisation.match_name] = organisation
    return existing


def _tags(consultation: Consultation, rows: list[_Row]) -> dict[str, Tag]:
    names = {name for row in rows for name in row.values["tags"]}
    existing = {t.name: t for t in Tag.objects.filter(consultation=consultation, name__in=names)}
    created = Tag.objects.bulk_create(
        [Tag(consultation=consultation, name=n) for n in names if n not in existing]
    )
    existing.update({t.name: t for t in created})
    return existing


def _write(
    actor: Any,
    consultation: Consultation,
    rows: list[_Row],
    report: ImportReport,
    progress: Progress | None,
) -> None:
    # One import at a time per consultation: two would both see the same people as new.
    Consultation.objects.select_for_update().get(pk=consultation.pk)
    known = dict(
        Person.objects.filter(consultation=consultation).values_list(
            "email_index", "import_fingerprint"
        )
    )
    for r in rows:
        r.stored_index = r.email_index
        if r.email_index not in known:
            r.stored_index = next(
                (old for old in blind_indexes(r.values["email"])[1:] if old in known),
                r.email_index,
            )
    changed = [
        r for r in rows if r.stored_index in known and known[r.stored_index] != r.fingerprint
    ]
    new = [r for r in rows if r.stored_index not in known]
    report.unchanged = len(rows) - len(changed) - len(new)
    report.created, report.updated = len(new), len(changed)
    if not changed and not new:
        return
    organisations = _organisations(consultation, changed + new)
    tags = _tags(consultation, changed + new)

    def person_values(row: _Row) -> dict[str, Any]:
        v = row.values
        organisation = (
            organisations.get(normalise_name(v["organisation"])) if v["organisation"] else None
        )
        return {
            "name": v["name"],
            "email": v["email"],
            "email_index": row.email_index,
            "title": v["title"],
            "organisation": organisation,
            "sector_id": v["sector"],
            "region": v["region"],
            "phone": v["phone"],
            "language": v["language"],
            "accessibility_needs": v["accessibility_needs"],
            "consent_source": v["consent_source"],
            "consent_date": v["consent_date"],
            "consent_basis": v["consent_basis"],
            "do_not_contact": v["do_not_contact"],
            "import_fingerprint": row.fingerprint,
        }

    created: list[Person] = []
    for start in range(0, len(new), 2000):
        chunk = [
            Person(consultation=consultation, **person_values(r)) for r in new[start : start + 2000]
        ]
        created += Person.objects.bulk_create(chunk)
        if progress:
            progress("writing", start + len(chunk), len(new))
    by_index = {p.email_index: p for p in created}
    if changed:
        people = {
            p.email_index: p
            for p in Person.objects.filter(
                consultation=consultation, email_index__in=[r.stored_index for r in changed]
            )
        }
        updated = []
        for row in changed:
            person = people[row.stored_index]
            for name, value in person_values(row).items():
                if name == "do_not_contact":
                    # An opt-out is never undone by a file: only staff may lift it, by hand.
                    value = value or person.do_not_contact
                setattr(person, name, value)
            updated.append(person)
        Person.objects.bulk_update(
            updated,
            [
                "name",
                "email",
                "email_index",
                "title",
                "organisation",
                "sector",
                "region",
                "phone",
                "language",
                "accessibility_needs",
                "consent_source",
                "consent_date",
                "consent_basis",
                "do_not_contact",
                "import_fingerprint",
            ],
            batch_size=1000,
        )
        by_index.update({row.email_index: people[row.stored_index] for row in changed})
        Person.tags.through.objects.filter(person__in=updated).delete()
    through = Person.tags.through
    links = [
        through(person_id=by_index[row.email_index].pk, tag_id=tags[name].pk)
        for row in changed + new
        for name in row.values["tags"]
    ]
    through.objects.bulk_create(links, batch_size=5000)
    audit.record(
        actor=actor,
        action="stakeholders.imported",
        target=consultation,
        scope=consultation.scope,
        changes={
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "bad_rows": report.bad_rows,
        },
    )
