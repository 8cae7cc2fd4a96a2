from __future__ import annotations

import csv

import pytest

from heard.stakeholders.fictional import people
from heard.stakeholders.importing import FIELDS
from heard.stakeholders.loading import load_sectors


@pytest.fixture
def registry(db, demo_folder):
    """The demo consultation with its sectors, and an empty registry."""
    from heard.consultations.loading import load_folder

    consultation = load_folder(demo_folder).consultation
    load_sectors(demo_folder, consultation)
    return consultation


# The planted problems: row number (as the spreadsheet counts, header = 1) -> (column, reason).
PLANTED = {
    7: ("email", "not a valid e-mail address"),
    12: ("sector", "unknown sector “Polce”"),
    20: ("email", "same e-mail address as row 3"),
    33: ("name", "required value is missing"),
    41: ("language", "“Klingon” is neither English nor French"),
    58: ("consent_date", "not a date"),
    77: ("region", "unknown province or territory “Atlantis”"),
    90: ("phone", "not a phone number"),
}


def write_people_csv(path, count, *, planted=True):
    rows = list(people(count))
    if planted:
        rows[7 - 2]["email"] = "not-an-address@"
        rows[12 - 2]["sector"] = "Polce"
        rows[20 - 2]["email"] = rows[3 - 2]["email"].upper()  # same address, other case
        rows[33 - 2]["name"] = ""
        rows[41 - 2]["language"] = "Klingon"
        rows[58 - 2]["consent_date"] = "last spring"
        rows[77 - 2]["region"] = "Atlantis"
        rows[90 - 2]["phone"] = "call me"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle,
            fieldnames=list(FIELDS)[:2]
            + [f for f in FIELDS if f not in ("name", "email", "organisation_fr")],
        )
        writer.writeheader()
        writer.writerows(rows)
    return rows
