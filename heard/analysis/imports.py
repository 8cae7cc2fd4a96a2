"""Texts the consultation received outside Heard (email submissions, letters on paper), imported
from a CSV or XLSX file so that a run reads them beside the answers and the session notes.

The file has a header row; columns may be named in English or French, in any case:

- ``text`` (``texte``), required: the submission itself;
- ``sector`` (``secteur``): one of the consultation's sector keys;
- ``region`` (``province``, ``région``): a province or territory code such as ON or QC;
- ``date`` (``received``, ``reçu``): the day it was received, as YYYY-MM-DD;
- ``consent`` (``consentement``): yes or no (oui/non, true/false, 1/0): whether it may be
  quoted, never attributed. Left empty, it is never quoted.

A file with any problem is refused whole, each problem named by its row and column, and nothing
is stored: half a file of submissions would make every count wrong without anyone noticing. The
upload is read in memory (the view keeps it off the disk) and each text is stored encrypted.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.analysis.models import RECORD_TEXT, ImportedText, RecordFile
from heard.consultations.models import Consultation
from heard.core import audit
from heard.stakeholders.models import Sector
from heard.stakeholders.regions import Region
from heard.stakeholders.tables import TableError, read_table

#: Each column and the names it may go by.
COLUMNS = {
    "text": ("text", "texte"),
    "sector": ("sector", "secteur"),
    "region": ("region", "région", "province"),
    "received": ("date", "received", "reçu"),
    "consent": ("consent", "consentement"),
}
YES = {"yes", "oui", "true", "vrai", "1", "y", "o"}
NO = {"no", "non", "false", "faux", "0", "n"}
MAX_PROBLEMS = 30  # enough to see the pattern; the rest are counted
STORE_BATCH = 1000


class ImportProblems(Exception):
    """Why a file was refused: one line per problem, naming its row and column."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def _columns(headers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which column holds what, and the problems with the header row."""
    names = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    problems = []
    for index, header in enumerate(headers):
        column = names.get(header.strip().lower())
        if column is None:
            if header.strip():
                problems.append(
                    _(
                        "Column “%(header)s” is not one Heard reads. The columns are: text, "
                        "sector, region, date, consent (or texte, secteur, province, reçu, "
                        "consentement); remove the others, such as senders' names or addresses."
                    )
                    % {"header": header}
                )
        elif column in found:
            problems.append(_("Column “%(header)s” appears twice.") % {"header": header})
        else:
            found[column] = index
    if "text" not in found:
        problems.append(_("The file needs a “text” column holding the submissions."))
    return found, problems


def read_texts(filename: str, content: bytes, consultation: Consultation) -> list[dict[str, Any]]:
    """The file's texts, checked: ImportProblems lists everything wrong with it."""
    try:
        headers, rows = read_table(Path(filename), content)
        columns, problems = _columns(headers)
        if problems:
            raise ImportProblems(problems)
        sectors = set(
            Sector.objects.filter(consultation=consultation).values_list("key", flat=True)
        )
        regions = {choice.value.lower(): choice.value for choice in Region}
        texts: list[dict[str, Any]] = []
        more = 0
        for number, row in enumerate(rows, start=2):  # row 1 is the header
            values = {
                column: (row[index].strip() if index < len(row) else "")
                for column, index in columns.items()
            }
            if not any(values.values()):
                continue  # a blank row
            found = _row_problems(values, number, sectors, regions)
            if found:
                room = MAX_PROBLEMS - len(problems)
                problems.extend(found[: max(room, 0)])
                more += max(len(found) - max(room, 0), 0)
                continue
            texts.append(_row(values, regions))
    except TableError as error:
        raise ImportProblems([str(error)]) from None
    if more:
        problems.append(_("… and %(n)s more problems.") % {"n": more})
    if problems:
        raise ImportProblems(problems)
    if not texts:
        raise ImportProblems([_("The file holds no texts: every row is empty.")])
    return texts


def _row_problems(
    values: dict[str, str], number: int, sectors: set[str], regions: dict[str, str]
) -> list[str]:
    where = {"row": number}
    problems = []
    text = values.get("text", "")
    if not text:
        problems.append(_("Row %(row)s, column text: it is empty.") % where)
    elif len(text) > RECORD_TEXT:
        problems.append(
            _("Row %(row)s, column text: %(n)s characters, more than the %(limit)s allowed.")
            % {**where, "n": len(text), "limit": RECORD_TEXT}
        )
    sector = values.get("sector", "")
    if sector and sector not in sectors:
        problems.append(
            _("Row %(row)s, column sector: “%(value)s” is not one of the sectors: %(known)s.")
            % {**where, "value": sector, "known": ", ".join(sorted(sectors)) or "—"}
        )
    region = values.get("region", "")
    if region and region.lower() not in regions:
        problems.append(
            _("Row %(row)s, column region: “%(value)s” is not a province code such as ON.")
            % {**where, "value": region}
        )
    received = values.get("received", "")
    if received:
        try:
            datetime.date.fromisoformat(received[:10])
        except ValueError:
            problems.append(
                _("Row %(row)s, column date: “%(value)s” is not a date written as YYYY-MM-DD.")
                % {**where, "value": received}
            )
    consent = values.get("consent", "").lower()
    if consent and consent not in YES | NO:
        problems.append(
            _("Row %(row)s, column consent: “%(value)s” is neither yes nor no.")
            % {**where, "value": values["consent"]}
        )
    return problems


def _row(values: dict[str, str], regions: dict[str, str]) -> dict[str, Any]:
    consent = values.get("consent", "").lower()
    received = values.get("received", "")
    return {
        "text": values["text"],
        "sector": values.get("sector", ""),
        "region": regions.get(values.get("region", "").lower(), ""),
        "received": datetime.date.fromisoformat(received[:10]) if received else None,
        "consent": True if consent in YES else False if consent in NO else None,
    }


@transaction.atomic
def import_file(
    *,
    actor: Any,
    consultation: Consultation,
    name: str,
    channel: str,
    filename: str,
    content: bytes,
) -> RecordFile:
    """Check the whole file, then store its texts (encrypted): all of them or none."""
    texts = read_texts(filename, content, consultation)
    record_file = RecordFile.objects.create(
        consultation=consultation,
        name=name,
        channel=channel,
        records=len(texts),
        imported_by=actor,
        imported_at=timezone.now(),
    )
    ImportedText.objects.bulk_create(
        (
            ImportedText(file=record_file, position=position, **values)
            for position, values in enumerate(texts)
        ),
        batch_size=STORE_BATCH,
    )
    audit.record(
        actor=actor,
        action="analysis.file_imported",
        target=record_file,
        scope=consultation.scope,
        changes={"name": name, "channel": channel, "records": len(texts)},
    )
    return record_file


@transaction.atomic
def delete_file(*, actor: Any, record_file: RecordFile) -> None:
    """Remove an imported file and its texts. Runs that read it keep what they found."""
    audit.record(
        actor=actor,
        action="analysis.file_deleted",
        target=record_file,
        scope=record_file.consultation.scope,
        changes={"name": record_file.name, "records": record_file.records},
    )
    record_file.delete()
