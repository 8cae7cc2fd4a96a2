"""Lengths in the registry: the person form, the import, saved lists; nothing else is lost."""

from __future__ import annotations

import csv
import html

import pytest

from heard.cli import main
from heard.stakeholders.fictional import people
from heard.stakeholders.importing import FIELDS, import_people
from heard.stakeholders.models import Person, SavedList
from tests.factories import MembershipFactory, UserFactory


def _text(page) -> str:
    """The page as a reader sees it: entities decoded, non-breaking spaces as spaces."""
    return html.unescape(page.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture
def lead_client(client, registry):
    user = UserFactory(username="registrar")
    MembershipFactory(consultation=registry, user=user, role="lead")
    client.force_login(user)
    return client


PERSON = {
    "name": "Rosalie Maquette",
    "email": "rosalie@victim-services.example",
    "title": "Directrice",
    "organisation_name": "Pine Ridge Safe Haven Shelter",
    "language": "fr",
    "region": "QC",
    "tag_names": "summit, speaker",
    "consent_source": "Business card, Winnipeg session",
    "consent_basis": "consent",
}


@pytest.mark.parametrize(
    ("language", "name_error", "email_error"),
    [
        (
            "en",
            "Name: Ensure this value has at most 200 characters (it has 1000000).",
            "E-mail address: Ensure this value has at most 254 characters (it has 260).",
        ),
        (
            "fr",
            "Nom : Assurez-vous que cette valeur comporte au plus 200 caractères "
            "(actuellement 1000000).",
            "Adresse courriel : Assurez-vous que cette valeur comporte au plus 254 caractères "
            "(actuellement 260).",
        ),
    ],
)
def test_a_huge_name_and_a_long_address_are_refused_and_the_rest_is_kept(
    lead_client, registry, language, name_error, email_error
):
    address = "r" * (260 - len("@ex.ca")) + "@ex.ca"  # well formed, but 260 characters
    assert len(address) == 260
    page = lead_client.post(
        f"/{language}/staff/consultations/{registry.pk}/registry/people/new/",
        {**PERSON, "name": "N" * 1_000_000, "email": address},
    )
    assert page.status_code == 200
    text = _text(page)
    assert name_error in text, text[:3000]
    assert email_error in text
    for kept in ("Directrice", "Pine Ridge Safe Haven Shelter", "summit, speaker"):
        assert kept in text
    assert "Business card, Winnipeg session" in text
    assert not Person.objects.exists()


def test_a_long_consent_source_or_tag_is_refused_with_its_limit(lead_client, registry):
    base = f"/en/staff/consultations/{registry.pk}/registry/people/new/"
    page = lead_client.post(base, {**PERSON, "consent_source": "s" * 201})
    text = _text(page)
    assert "Ensure this value has at most 200 characters (it has 201)." in text
    page = lead_client.post(base, {**PERSON, "tag_names": "summit, " + "t" * 61})
    text = _text(page)
    assert "Each tag has at most 60 characters; “tttttttttttttttttttt…” has 61." in text
    assert not Person.objects.exists()
    french = lead_client.post(
        base.replace("/en/", "/fr/"), {**PERSON, "tag_names": "summit, " + "t" * 61}
    )
    assert "Chaque étiquette compte au plus 60 caractères" in _text(french)
    assert lead_client.post(base, PERSON).status_code == 302


def test_a_saved_list_name_is_never_cut(lead_client, registry):
    base = f"/en/staff/consultations/{registry.pk}/registry/"
    page = lead_client.post(base, {"list_name": "L" * 121, "sector": "academia"}, follow=True)
    assert "List name: at most 120 characters (it has 121)." in _text(page)
    assert not SavedList.objects.exists()
    french = lead_client.post(
        base.replace("/en/", "/fr/"), {"list_name": "L" * 121, "sector": "academia"}, follow=True
    )
    assert "Nom de la liste : au plus 120 caractères (il en compte 121)." in _text(french)


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[f for f in FIELDS if f != "organisation_fr"])
        writer.writeheader()
        writer.writerows(rows)


# Row number (the header is row 1) -> (column, value too long, reason).
TOO_LONG = {
    3: ("name", "N" * 1_000_000, "too long: 1,000,000 characters, at most 200"),
    4: ("email", "e" * 254 + "@x.ca", "too long: 259 characters, at most 254"),
    5: ("title", "T" * 201, "too long: 201 characters, at most 200"),
    6: ("organisation", "O" * 251, "too long: 251 characters, at most 250"),
    7: ("consent_source", "C" * 201, "too long: 201 characters, at most 200"),
    8: ("accessibility_needs", "A" * 1_001, "too long: 1,001 characters, at most 1,000"),
    9: ("tags", "ok, " + "g" * 61, "a tag is too long: 61 characters, at most 60"),
    10: ("phone", "1" * 51, "too long: 51 characters, at most 50"),
}


def test_a_value_too_long_makes_a_bad_row_and_every_other_row_is_imported(registry, tmp_path):
    rows = list(people(20))
    for number, (column, value, _reason) in TOO_LONG.items():
        rows[number - 2][column] = value
    path = tmp_path / "people.csv"
    _write(path, rows)
    report = import_people(actor=None, consultation=registry, path=path)
    found = {p.row: (p.column, p.reason) for p in report.problems}
    assert set(found) == set(TOO_LONG)
    for number, (column, _value, reason) in TOO_LONG.items():
        assert found[number][0] == column and reason in found[number][1], found[number]
    assert report.created == 20 - len(TOO_LONG)
    stored = {p.email for p in Person.objects.filter(consultation=registry)}
    assert stored == {r["email"] for n, r in enumerate(rows, start=2) if n not in TOO_LONG}
    # Nothing was cut to fit: every stored value is the one in the file.
    by_email = {r["email"]: r for r in rows}
    for person in Person.objects.filter(consultation=registry).select_related("organisation"):
        row = by_email[person.email]
        assert (person.name, person.title, person.consent_source) == (
            row["name"],
            row["title"],
            row["consent_source"],
        )


def test_the_command_line_import_names_the_row_and_the_limit(registry, tmp_path, capsys):
    rows = list(people(5))
    rows[2]["name"] = "N" * 5_000
    path = tmp_path / "people.csv"
    _write(path, rows)
    assert main(["import-stakeholders", registry.key, str(path)]) == 1
    out = capsys.readouterr().out
    assert "row 4, column “name”: too long: 5,000 characters, at most 200" in out
    assert Person.objects.filter(consultation=registry).count() == 4
