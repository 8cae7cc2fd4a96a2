"""`sectors.yaml` in a consultation folder: the sector list used by the registry and reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from django.db.models import Count
from pydantic import AfterValidator, Field

from heard.consultations.loading import LOADER_LABEL, Slug, Strict
from heard.consultations.models import Consultation
from heard.core import audit, limits
from heard.core.sources import SourceError, read_yaml
from heard.stakeholders.models import Sector


def _short_key(key: str) -> str:
    limit = Sector._meta.get_field("key").max_length or 0
    if len(key) > limit:
        raise ValueError(f"too long: {len(key):,} characters, at most {limit:,}")
    return key


class SectorEntry(Strict):
    key: Annotated[Slug, AfterValidator(_short_key)]
    en: str = Field(min_length=1, max_length=limits.SHORT_NAME)
    fr: str = Field(min_length=1, max_length=limits.SHORT_NAME)


class SectorsFile(Strict):
    sectors: list[SectorEntry]


def load_sectors(folder: Path, consultation: Consultation) -> list[str]:
    """Create, rename and reorder sectors from `sectors.yaml`; returns what changed.

    A sector left out of the file is removed only if nobody uses it yet.
    """
    path = folder / "sectors.yaml"
    if not path.exists():
        return []
    source = read_yaml(path)
    entries = source.parse(SectorsFile).sectors
    seen: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        if entry.key in seen:
            problems.append(
                source.problem(
                    ("sectors", index, "key"),
                    f"“{entry.key}” is already used by sector {seen[entry.key]}",
                )
            )
        seen.setdefault(entry.key, index)
    if problems:
        raise SourceError(problems)
    changes = []
    existing = {s.key: s for s in Sector.objects.filter(consultation=consultation)}
    for position, entry in enumerate(entries):
        sector = existing.pop(entry.key, None)
        wanted = (entry.en, entry.fr, position)
        if sector is None:
            sector = Sector.objects.create(
                consultation=consultation,
                key=entry.key,
                name_en=entry.en,
                name_fr=entry.fr,
                position=position,
            )
            action = "sector.created"
        elif (sector.name_en, sector.name_fr, sector.position) != wanted:
            sector.name_en, sector.name_fr, sector.position = wanted
            sector.save()
            action = "sector.updated"
        else:
            continue
        audit.record(
            actor=None,
            action=action,
            target=sector,
            scope=consultation.scope,
            changes={"names": [entry.en, entry.fr]},
            system_label=LOADER_LABEL,
        )
        changes.append(f"sector {entry.key}")
    leftovers = Sector.objects.filter(pk__in=[s.pk for s in existing.values()]).annotate(
        used=Count("person") + Count("organisation")
    )
    for sector in leftovers:
        if sector.used:
            changes.append(f"sector {sector.key} kept (in use)")
            continue
        audit.record(
            actor=None,
            action="sector.deleted",
            target=sector,
            scope=consultation.scope,
            system_label=LOADER_LABEL,
        )
        sector.delete()
        changes.append(f"sector {sector.key} removed")
    return changes
