"""The codebook editor: codes in a hierarchy, both languages, YAML / TOML / JSON / REFI-QDA in
and out."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from heard.analysis import codebooks
from heard.analysis.engine.codebook import codebook_from_bytes, load_codebook
from heard.analysis.models import Codebook
from heard.cli import DEMO_FOLDER
from heard.core.models import AuditEvent
from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    consultation = ConsultationFactory()
    analyst = UserFactory(username="analyst")
    viewer = UserFactory(username="viewer")
    MembershipFactory(consultation=consultation, user=analyst, role="analyst")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    return consultation, analyst, viewer


def _url(name, consultation, **kwargs):
    return reverse(f"analysis:{name}", kwargs={"pk": consultation.pk, **kwargs})


CODE = {
    "key": "prevention",
    "parent": "",
    "group": "pillar",
    "name_en": "Prevention",
    "name_fr": "Prévention",
    "description_en": "Stopping it before it starts.",
    "description_fr": "L'empêcher avant qu'elle ne commence.",
    "keywords_en": "awareness, risk",
    "keywords_fr": "sensibilisation",
    "examples": "People do not know the signs.\nLes jeunes ne savent pas.",
}


def test_an_analyst_builds_a_hierarchy_in_both_languages(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    assert client.post(_url("code_new", consultation), CODE).status_code == 302
    child = {**CODE, "key": "awareness", "parent": "prevention", "group": "ignored"}
    assert client.post(_url("code_new", consultation), child).status_code == 302
    stored = Codebook.objects.get(consultation=consultation)
    assert stored.revision == 2
    top = stored.data["codes"][0]
    assert top["keywords_en"] == ["awareness", "risk"]
    assert top["examples"] == ["People do not know the signs.", "Les jeunes ne savent pas."]
    assert top["children"][0]["key"] == "awareness"
    assert top["children"][0]["group"] == "pillar"  # a sub-code takes its top-level code's group
    page = client.get(_url("codebook", consultation)).content.decode()
    assert "Prevention" in page and "Prévention" in page
    french = client.get(_url("codebook", consultation).replace("/en/", "/fr/")).content.decode()
    assert "L&#x27;empêcher" in french or "L'empêcher" in french
    assert (
        AuditEvent.objects.filter(action="analysis.codebook_replaced", actor=analyst).count() == 2
    )


def test_mistakes_are_named_and_change_nothing(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    client.post(_url("code_new", consultation), CODE)
    client.post(
        _url("code_new", consultation), {**CODE, "key": "awareness", "parent": "prevention"}
    )
    revision = Codebook.objects.get().revision
    again = client.post(_url("code_new", consultation), CODE).content.decode()
    assert "The key “prevention” is already used by another code." in again
    missing = client.post(_url("code_new", consultation), {**CODE, "key": "x", "name_fr": ""})
    assert "Name (French)" in missing.content.decode()
    under_itself = client.post(
        _url("code_edit", consultation, key="prevention"), {**CODE, "parent": "awareness"}
    )
    assert under_itself.status_code == 200  # its own sub-code is not offered as a parent
    refused = client.post(_url("code_edit", consultation, key="prevention"), {"delete": "1"})
    assert "Move or delete its sub-codes first." in refused.content.decode()
    assert Codebook.objects.get().revision == revision


def test_a_code_is_renamed_moved_and_deleted(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    client.post(_url("code_new", consultation), CODE)
    client.post(
        _url("code_new", consultation),
        {**CODE, "key": "protection", "name_en": "Protection", "name_fr": "Protection"},
    )
    client.post(_url("code_new", consultation), {**CODE, "key": "shelters", "parent": "prevention"})
    moved = {**CODE, "key": "shelters-housing", "parent": "protection", "name_en": "Shelters"}
    assert client.post(_url("code_edit", consultation, key="shelters"), moved).status_code == 302
    data = Codebook.objects.get().data
    assert data["codes"][0]["children"] == []
    assert data["codes"][1]["children"][0]["key"] == "shelters-housing"
    assert data["codes"][1]["children"][0]["name_en"] == "Shelters"
    deleted = client.post(_url("code_edit", consultation, key="shelters-housing"), {"delete": "1"})
    assert deleted.status_code == 302
    assert Codebook.objects.get().data["codes"][1]["children"] == []


@pytest.mark.parametrize("file_format", ["yaml", "toml", "qdc"])
def test_the_demo_codebook_goes_in_and_out_in_each_format(team, client, file_format):
    consultation, analyst, viewer = team
    client.force_login(analyst)
    demo = load_codebook(DEMO_FOLDER / "codebook.yaml")
    codebooks.replace_codebook(actor=analyst, consultation=consultation, data=demo.to_dict())
    client.force_login(viewer)  # anyone on the consultation may download it
    response = client.get(_url("codebook_export", consultation, file_format=file_format))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    back = codebook_from_bytes(response.content, f"x.{file_format}")
    if file_format == "qdc":  # keys, names, descriptions, groups and hierarchy
        assert [c.key for c in back.walk()] == [c.key for c in demo.walk()]
        assert [c.name_fr for c in back.walk()] == [c.name_fr for c in demo.walk()]
    else:
        assert back.to_dict() == demo.to_dict()
    # And back in, through the upload form, as a new revision.
    client.force_login(analyst)
    Codebook.objects.all().delete()
    upload = SimpleUploadedFile(f"book.{file_format}", response.content)
    assert client.post(_url("codebook", consultation), {"file": upload}).status_code == 302
    assert [c["key"] for c in Codebook.objects.get().data["codes"]] == [c.key for c in demo.codes]


def test_a_bad_file_lists_every_problem_and_keeps_the_codebook(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    client.post(_url("code_new", consultation), CODE)
    bad = b"codes:\n  - key: Bad Key\n    name: {en: Only English}\n  - key: ok\n    name: {en: A, fr: B}\n    colour: red\n"
    response = client.post(
        _url("codebook", consultation), {"file": SimpleUploadedFile("x.yaml", bad)}
    )
    page = response.content.decode()
    assert "nothing was changed" in page
    assert "line 2" in page and "name.fr" in page and "colour" in page
    assert Codebook.objects.get().revision == 1
    wrong = client.post(_url("codebook", consultation), {"file": SimpleUploadedFile("x.txt", b"x")})
    assert ".yaml" in wrong.content.decode()


def test_a_json_file_is_imported_keys_as_written_french_still_required(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    book = {
        "codes": [
            {
                "key": "Prevention",
                "name": {"en": "Prevention", "fr": "Prévention"},
                "children": [
                    {
                        "key": "Prevention-Online",
                        "name": {"en": "Online", "fr": "En ligne"},
                    }
                ],
            }
        ]
    }
    upload = SimpleUploadedFile("book.json", json.dumps(book).encode())
    assert client.post(_url("codebook", consultation), {"file": upload}).status_code == 302
    stored = Codebook.objects.get().data
    assert stored["codes"][0]["children"][0]["key"] == "Prevention-Online"
    exported = client.get(_url("codebook_export", consultation, file_format="yaml"))
    assert "key: Prevention-Online" in exported.content.decode()
    page = client.get(_url("codebook", consultation)).content.decode()
    assert "JSON (.json)" in page
    # Reports are published in both languages: the staff area still requires French names.
    del book["codes"][0]["name"]["fr"]
    unilingual = SimpleUploadedFile("book.json", json.dumps(book, indent=1).encode())
    page = client.post(_url("codebook", consultation), {"file": unilingual}).content.decode()
    assert "nothing was changed" in page and "codes[0].name.fr" in page
    assert Codebook.objects.get().revision == 1
    french = client.get(_url("codebook", consultation).replace("/en/", "/fr/")).content.decode()
    assert "TOML (.toml), JSON (.json) ou REFI-QDA (.qdc)" in french


def test_keys_that_differ_only_in_case_are_one_key_in_the_editor(team, client):
    consultation, analyst, _viewer = team
    client.force_login(analyst)
    client.post(_url("code_new", consultation), CODE)
    taken = client.post(_url("code_new", consultation), {**CODE, "key": "Prevention"})
    assert (
        "The key “Prevention” is already used by another code as “prevention”: keys that differ "
        "only in case are the same key."
    ) in taken.content.decode()
    mixed = {**CODE, "key": "Prevention-Online", "parent": "prevention"}
    assert client.post(_url("code_new", consultation), mixed).status_code == 302
    # A code may change the case of its own key.
    renamed = {**CODE, "key": "Prevention"}
    assert (
        client.post(_url("code_edit", consultation, key="prevention"), renamed).status_code == 302
    )
    data = Codebook.objects.get().data
    assert data["codes"][0]["key"] == "Prevention"
    assert data["codes"][0]["children"][0]["key"] == "Prevention-Online"


def test_viewers_read_but_do_not_change(team, client):
    consultation, _analyst, viewer = team
    client.force_login(viewer)
    assert client.get(_url("codebook", consultation)).status_code == 200
    assert client.get(_url("code_new", consultation)).status_code == 403
    assert client.post(_url("code_new", consultation), CODE).status_code == 403
    upload = SimpleUploadedFile("x.yaml", b"codes: []\n")
    assert client.post(_url("codebook", consultation), {"file": upload}).status_code == 403
    assert not Codebook.objects.exists()
