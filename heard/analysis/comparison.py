"""Two finished runs of a consultation side by side: what changed, and why.

What changed is read from the runs' stored results: records each run read, how many records
each code reached (the engine's whole-record codes), candidate themes and campaigns, and which
records gained or lost a code. Why is read from how each run was made: its copy of the codebook
(codes added or removed, a code's keywords or description changed), the records people had
reviewed when it started (what the engine learned from), its sources and baseline, and its
manifest (engine version, seed, threshold, the hash of what it read). A run is immutable, so the
same two runs always compare the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from heard.analysis import selectors
from heard.analysis.models import Run, RunRecord, Suggestion
from heard.core.bilingual import active_language

CHANGED_RECORDS_SHOWN = 25
# The fields of a code whose change alters what the engine gives (names too: they feed its prior).
CODE_FIELDS = (
    "name_en",
    "name_fr",
    "description_en",
    "description_fr",
    "keywords_en",
    "keywords_fr",
    "examples",
)


@dataclass(frozen=True)
class Reason:
    """One way the later run was made differently from the earlier one."""

    what: str
    before: str
    after: str


@dataclass
class CodeChange:
    key: str
    name: str
    before: int | None  # records the code reached in the earlier run; None: not in its codebook
    after: int | None
    gained: int = 0  # records that have it now and did not before (records both runs read)
    lost: int = 0
    why: list[str] = field(default_factory=list)

    @property
    def difference(self) -> int:
        return (self.after or 0) - (self.before or 0)


@dataclass(frozen=True)
class ChangedRecord:
    key: str
    position: int  # in the later run, for a link to it
    gained: list[str]
    lost: list[str]


@dataclass
class Comparison:
    earlier: Run
    later: Run
    reasons: list[Reason]
    records: tuple[int, int]
    deduplicated: tuple[int, int]
    only_earlier: int  # records the earlier run read and the later one did not
    only_later: int
    codes: list[CodeChange]
    themes: tuple[int, int]
    campaigns: tuple[int, int]
    changed_total: int  # records both runs read whose codes differ
    changed: list[ChangedRecord]


def compare(earlier: Run, later: Run) -> Comparison:
    """`earlier` and `later`, two finished runs of one consultation.

    Finished runs never change, so a comparison is kept in memory (a few at most, per language):
    with a million code assignments stored, finding the differences takes seconds (bench/)."""
    # Keyed by when each run was made too: a run's row number may be reused (a database
    # rebuilt, test databases rolled back), its creation time is not.
    return _compare(
        (earlier.pk, earlier.created_at), (later.pk, later.created_at), active_language()
    )


@lru_cache(maxsize=8)
def _compare(
    earlier_key: tuple[int, datetime], later_key: tuple[int, datetime], language: str
) -> Comparison:
    earlier_pk, later_pk = earlier_key[0], later_key[0]
    runs = Run.objects.select_related("consultation", "baseline").defer("summary")
    earlier, later = runs.get(pk=earlier_pk), runs.get(pk=later_pk)
    with override(language):
        return _comparison(earlier, later)


def _comparison(earlier: Run, later: Run) -> Comparison:
    first, second = selectors.summary_of(earlier), selectors.summary_of(later)
    gained, lost = _code_differences(earlier, later)
    codes = _code_changes(earlier, later, first, second, gained, lost)
    changed_keys = sorted({key for key, _code in gained} | {key for key, _code in lost})
    return Comparison(
        earlier=earlier,
        later=later,
        reasons=_reasons(earlier, later),
        records=(earlier.records_raw, later.records_raw),
        deduplicated=(earlier.records_deduplicated, later.records_deduplicated),
        only_earlier=_only_in(earlier, later),
        only_later=_only_in(later, earlier),
        codes=codes,
        themes=(
            len(first.get("themes", {}).get("themes", [])),
            len(second.get("themes", {}).get("themes", [])),
        ),
        campaigns=(len(first.get("campaigns", [])), len(second.get("campaigns", []))),
        changed_total=len(changed_keys),
        changed=_changed_records(later, changed_keys[:CHANGED_RECORDS_SHOWN], gained, lost),
    )


def _pairs(run: Run) -> Any:
    return Suggestion.objects.filter(run=run, part=Suggestion.Part.WHOLE).values_list(
        "record__key", "code"
    )


def _code_differences(
    earlier: Run, later: Run
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(record, code) pairs the later run gave and the earlier did not, and the reverse; only
    records both runs read (a record one run never read did not change its codes)."""
    both_later = _pairs(later).filter(
        record__key__in=RunRecord.objects.filter(run=earlier).values("key")
    )
    both_earlier = _pairs(earlier).filter(
        record__key__in=RunRecord.objects.filter(run=later).values("key")
    )
    # EXCEPT in the database: only the differences travel, not a million pairs.
    gained = set(both_later.difference(both_earlier))
    lost = set(both_earlier.difference(both_later))
    return gained, lost


def _only_in(run: Run, other: Run) -> int:
    return (
        RunRecord.objects.filter(run=run)
        .exclude(key__in=RunRecord.objects.filter(run=other).values("key"))
        .count()
    )


def _codes_by_key(run: Run) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def walk(codes: list[dict[str, Any]]) -> None:
        for code in codes:
            found[code["key"]] = code
            walk(code.get("children", []))

    walk((run.codebook or {}).get("codes", []))
    return found


def _code_changes(
    earlier: Run,
    later: Run,
    first: dict[str, Any],
    second: dict[str, Any],
    gained: set[tuple[str, str]],
    lost: set[tuple[str, str]],
) -> list[CodeChange]:
    before = {row["key"]: row for row in first.get("codes", [])}
    after = {row["key"]: row for row in second.get("codes", [])}
    definitions = (_codes_by_key(earlier), _codes_by_key(later))
    plus = Counter(code for _key, code in gained)
    minus = Counter(code for _key, code in lost)
    taught = (selectors.taught_counts(earlier), selectors.taught_counts(later))
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        row = after.get(key) or before[key]
        name = row["name"][active_language()] or row["name"]["en"]
        change = CodeChange(
            key=key,
            name=name,
            before=before[key]["records"]["raw"] if key in before else None,
            after=after[key]["records"]["raw"] if key in after else None,
            gained=plus[key],
            lost=minus[key],
        )
        old, new = definitions[0].get(key), definitions[1].get(key)
        if old is None:
            change.why.append(_("new in the codebook"))
        elif new is None:
            change.why.append(_("removed from the codebook"))
        else:
            edited = [name for name in CODE_FIELDS if old.get(name) != new.get(name)]
            if edited:
                change.why.append(
                    _("its definition changed: %(fields)s")
                    % {"fields": ", ".join(_field_name(name) for name in edited)}
                )
        examples = (taught[0].get(key, 0), taught[1].get(key, 0))
        if examples[0] != examples[1]:
            change.why.append(
                _("examples people gave the engine: %(before)s, then %(after)s")
                % {"before": examples[0], "after": examples[1]}
            )
        changes.append(change)
    changes.sort(key=lambda c: (-(c.gained + c.lost), -abs(c.difference), c.key))
    return changes


def _field_name(name: str) -> str:
    return {
        "name_en": _("English name"),
        "name_fr": _("French name"),
        "description_en": _("English description"),
        "description_fr": _("French description"),
        "keywords_en": _("English keywords"),
        "keywords_fr": _("French keywords"),
        "examples": _("examples"),
    }[name]


def _changed_records(
    later: Run,
    keys: list[str],
    gained: set[tuple[str, str]],
    lost: set[tuple[str, str]],
) -> list[ChangedRecord]:
    plus: dict[str, list[str]] = defaultdict(list)
    minus: dict[str, list[str]] = defaultdict(list)
    for key, code in sorted(gained):
        plus[key].append(code)
    for key, code in sorted(lost):
        minus[key].append(code)
    positions = dict(
        RunRecord.objects.filter(run=later, key__in=keys).values_list("key", "position")
    )
    return [
        ChangedRecord(key=key, position=positions[key], gained=plus[key], lost=minus[key])
        for key in keys
    ]


def _reasons(earlier: Run, later: Run) -> list[Reason]:
    """How the two runs were made differently, most telling first."""
    reasons: list[Reason] = []

    def differs(what: str, before: Any, after: Any) -> None:
        if before != after:
            reasons.append(Reason(what, str(before), str(after)))

    differs(
        _("Codebook revision"),
        earlier.codebook_revision or _("none"),
        later.codebook_revision or _("none"),
    )
    old, new = _codes_by_key(earlier), _codes_by_key(later)
    if set(old) != set(new):
        reasons.append(
            Reason(
                _("Codes in one run's codebook only"),
                ", ".join(sorted(set(old) - set(new))) or "—",
                ", ".join(sorted(set(new) - set(old))) or "—",
            )
        )
    differs(
        _("Records people had reviewed (what the engine learned from)"),
        earlier.examples,
        later.examples,
    )
    differs(
        _("Sources read"),
        "; ".join(selectors.source_labels(earlier)) or "—",
        "; ".join(selectors.source_labels(later)) or "—",
    )
    differs(
        _("Compared with"),
        earlier.baseline.title if earlier.baseline else "—",
        later.baseline.title if later.baseline else "—",
    )
    first, second = earlier.manifest or {}, later.manifest or {}
    differs(
        _("Engine version"),
        first.get("engine", {}).get("version", "—"),
        second.get("engine", {}).get("version", "—"),
    )
    for name, label in (("seed", _("Seed")), ("threshold", _("Threshold"))):
        differs(
            label,
            first.get("parameters", {}).get(name, "—"),
            second.get("parameters", {}).get(name, "—"),
        )
    records_hash = (
        first.get("inputs", {}).get("records", {}).get("sha256", ""),
        second.get("inputs", {}).get("records", {}).get("sha256", ""),
    )
    if records_hash[0] != records_hash[1]:
        reasons.append(
            Reason(
                _("What was read (answers and notes submitted or changed between the runs)"),
                _("%(n)s records, fingerprint %(hash)s")
                % {"n": earlier.records_raw, "hash": records_hash[0][:12]},
                _("%(n)s records, fingerprint %(hash)s")
                % {"n": later.records_raw, "hash": records_hash[1][:12]},
            )
        )
    packages = (
        first.get("environment", {}).get("packages", {}),
        second.get("environment", {}).get("packages", {}),
    )
    for package in sorted(set(packages[0]) | set(packages[1])):
        differs(
            _("Version of %(package)s") % {"package": package},
            packages[0].get(package, "—"),
            packages[1].get(package, "—"),
        )
    return reasons
