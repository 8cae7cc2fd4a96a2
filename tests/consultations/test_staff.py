"""The staff area: sign-in, scoping by membership, side-by-side editing, publishing, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from heard.consultations.forms import ConsultationForm
from heard.consultations.models import Consultation, Membership, ScheduleItem
from heard.core.models import AuditEvent, SignInFailure
from tests.factories import ConsultationFactory, ScheduleItemFactory, UserFactory

PASSWORD = "correct horse battery staple"


def _form_data(consultation: Consultation, **overrides):
    names = [name for name in ConsultationForm.Meta.fields if name != "subjects"]
    data = {name: getattr(consultation, name) for name in names}
    zone = consultation.zone
    data["time_zone"] = consultation.time_zone
    data["opens"] = consultation.opens_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    data["closes"] = consultation.closes_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    data["closed_early"] = ""
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_pages_require_sign_in(client, consultation):
    response = client.get(f"/en/staff/consultations/{consultation.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/staff/login/?next=")


@pytest.mark.django_db
def test_sign_in_with_the_form(client, lead):
    page = client.get("/fr/staff/login/").content.decode()
    assert "Se connecter à l'espace du personnel" in page
    response = client.post("/en/staff/login/", {"username": "lead", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/staff/"
    assert "Signed in as lead" in client.get("/en/staff/").content.decode()


@pytest.mark.django_db
def test_staff_see_only_their_consultations(client, consultation, lead):
    other = ConsultationFactory(title_en="Someone else's consultation")
    client.force_login(lead)
    home = client.get("/en/staff/").content.decode()
    assert consultation.title_en in home
    assert other.title_en not in home
    assert client.get(f"/en/staff/consultations/{other.pk}/").status_code == 404
    assert client.get(f"/en/staff/consultations/{other.pk}/preview/").status_code == 404
    assert client.post(f"/en/staff/consultations/{other.pk}/unpublish/").status_code == 404


@pytest.mark.django_db
def test_viewer_can_look_but_not_change(client, consultation, viewer):
    client.force_login(viewer)
    assert client.get(f"/en/staff/consultations/{consultation.pk}/").status_code == 200
    assert client.get(f"/en/staff/consultations/{consultation.pk}/preview/").status_code == 200
    assert client.get(f"/en/staff/consultations/{consultation.pk}/edit/").status_code == 403
    assert client.post(f"/en/staff/consultations/{consultation.pk}/unpublish/").status_code == 403
    consultation.refresh_from_db()
    assert consultation.is_published


@pytest.mark.django_db
def test_lead_edits_both_languages_and_the_change_is_audited(client, consultation, lead):
    client.force_login(lead)
    page = client.get(f"/en/staff/consultations/{consultation.pk}/edit/").content.decode()
    assert 'name="title_fr"' in page and 'lang="fr"' in page
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/edit/",
        _form_data(consultation, title_en="A better title", title_fr="Un meilleur titre"),
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert (consultation.title_en, consultation.title_fr) == ("A better title", "Un meilleur titre")
    event = AuditEvent.objects.get(action="consultation.updated")
    assert event.actor == lead and event.scope == consultation.scope
    assert event.changes["title_fr"][1] == "Un meilleur titre"
    history = client.get(f"/en/staff/consultations/{consultation.pk}/history/").content.decode()
    assert "consultation.updated" in history and "lead" in history


@pytest.mark.django_db
def test_form_errors_are_summarised_and_keep_what_was_typed(client, consultation, lead):
    client.force_login(lead)
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/edit/",
        _form_data(consultation, title_fr="Titre à garder", closes="2000-01-01T00:00"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The closing date must come after the opening date." in page
    assert 'value="Titre à garder"' in page
    consultation.refresh_from_db()
    assert consultation.title_fr != "Titre à garder"


@pytest.mark.django_db
def test_publishing_with_one_french_field_empty_is_refused_and_names_it(client, lead, consultation):
    consultation.is_published = False
    consultation.objectives_fr = ""
    consultation.save()
    client.force_login(lead)
    response = client.post(f"/en/staff/consultations/{consultation.pk}/publish/")
    page = response.content.decode()
    assert response.status_code == 409
    assert "Publishing refused" in page
    assert "<li>objectives (French)</li>" in page
    consultation.refresh_from_db()
    assert not consultation.is_published
    french = client.post(f"/fr/staff/consultations/{consultation.pk}/publish/").content.decode()
    assert "<li>objectifs (français)</li>" in french


@pytest.mark.django_db
def test_publishing_is_refused_for_a_schedule_item_without_french(client, lead, consultation):
    consultation.is_published = False
    consultation.save()
    ScheduleItemFactory(
        consultation=consultation,
        key="x",
        kind="webinar",
        title_en="Webinar one",
        title_fr="",
        format="virtual",
        start_date="2030-01-01",
        participation="open",
        city_en="",
        city_fr="",
    )
    client.force_login(lead)
    page = client.post(f"/en/staff/consultations/{consultation.pk}/publish/").content.decode()
    assert "Schedule item “2030-01-01 Webinar one”: title (French)" in page


@pytest.mark.django_db
def test_publish_and_unpublish(client, lead, consultation):
    consultation.is_published = False
    consultation.save()
    client.force_login(lead)
    assert client.get(f"/en/consultations/{consultation.slug_en}/").status_code == 404
    client.post(f"/en/staff/consultations/{consultation.pk}/publish/")
    assert client.get(f"/en/consultations/{consultation.slug_en}/").status_code == 200
    client.post(f"/en/staff/consultations/{consultation.pk}/unpublish/")
    assert client.get(f"/en/consultations/{consultation.slug_en}/").status_code == 404
    actions = list(
        AuditEvent.objects.filter(scope=consultation.scope)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["consultation.published", "consultation.unpublished"]


@pytest.mark.django_db
def test_preview_shows_an_unpublished_page(client, lead, consultation):
    consultation.is_published = False
    consultation.save()
    client.force_login(lead)
    page = client.get(f"/en/staff/consultations/{consultation.pk}/preview/").content.decode()
    assert "Preview: this is how the page will look to the public." in page
    assert consultation.title_en in page


@pytest.mark.django_db
def test_create_a_consultation_makes_the_creator_its_lead(client):
    user = UserFactory(username="creator")
    user.user_permissions.add(Permission.objects.get(codename="add_consultation"))
    client.force_login(user)
    template = ConsultationFactory.build(title_fr="", slug_en="new-one", slug_fr="nouvelle")
    response = client.post("/en/staff/consultations/new/", _form_data(template))
    assert response.status_code == 302
    created = Consultation.objects.get(slug_en="new-one")
    assert not created.is_published
    assert Membership.objects.get(consultation=created).user == user
    assert AuditEvent.objects.filter(action="consultation.created", actor=user).exists()


@pytest.mark.django_db
def test_users_without_permission_cannot_create(client, lead):
    client.force_login(lead)
    assert client.get("/en/staff/consultations/new/").status_code == 403


@pytest.mark.django_db
def test_schedule_items_are_added_edited_and_deleted(client, lead, consultation):
    client.force_login(lead)
    before = Consultation.objects.get(pk=consultation.pk).modified_at
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/schedule/new/",
        {
            "key": "halifax",
            "kind": "regional_session",
            "format": "in_person",
            "participation": "invitation",
            "visibility": "transparent",
            "title_en": "Meeting",
            "title_fr": "Rencontre",
            "city_en": "Halifax",
            "city_fr": "Halifax",
            "start_date": "2030-06-01",
            "date_precision": "day",
            "position": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()
    item = ScheduleItem.objects.get(key="halifax")
    assert Consultation.objects.get(pk=consultation.pk).modified_at > before
    client.post(f"/en/staff/consultations/{consultation.pk}/schedule/{item.pk}/delete/")
    assert not ScheduleItem.objects.filter(pk=item.pk).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"scheduleitem.created", "scheduleitem.deleted"} <= actions


@pytest.mark.django_db
def test_in_person_event_without_city_is_refused(client, lead, consultation):
    client.force_login(lead)
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/schedule/new/",
        {
            "key": "nowhere",
            "kind": "regional_session",
            "format": "in_person",
            "participation": "invitation",
            "visibility": "transparent",
            "title_en": "Meeting",
            "title_fr": "Rencontre",
            "start_date": "2030-06-01",
            "date_precision": "day",
            "position": "1",
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not ScheduleItem.objects.filter(key="nowhere").exists()


@pytest.mark.django_db
def test_leads_manage_the_team_but_the_last_lead_stays(client, lead, consultation):
    newcomer = UserFactory(username="newcomer")
    client.force_login(lead)
    client.post(
        f"/en/staff/consultations/{consultation.pk}/members/",
        {"username": "newcomer", "role": "viewer"},
    )
    assert Membership.objects.get(user=newcomer).role == "viewer"
    page = client.post(
        f"/en/staff/consultations/{consultation.pk}/members/", {"username": "lead", "role": ""}
    ).content.decode()
    assert "A consultation must keep at least one lead." in page
    assert Membership.objects.filter(user=lead, role="lead").exists()
    page = client.post(
        f"/en/staff/consultations/{consultation.pk}/members/",
        {"username": "ghost", "role": "viewer"},
    ).content.decode()
    assert "No active staff account has this username." in page


@pytest.mark.django_db
def test_staff_pages_are_not_cached(client, lead, consultation):
    client.force_login(lead)
    assert client.get("/en/staff/")["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_add_staff_command_creates_an_account_that_can_create(monkeypatch, capsys):
    import io

    from django.core.management import CommandError, call_command

    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    call_command("add_staff", "newlead", "--can-create", "--password-stdin")
    user = get_user_model().objects.get(username="newlead")
    assert user.check_password("a long enough passphrase")
    assert user.has_perm("consultations.add_consultation")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError, match="too short"):
        call_command("add_staff", "weak", "--password-stdin")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("aaaaaaaaaaaa", "too easy to guess"),
        ("abcabcabcabcabc", "too easy to guess"),
        ("passwordpassword", "too easy to guess"),
        ("abcdefghijklmn", "too easy to guess"),
        ("QWERTYUIOPAS", "too easy to guess"),
        ("zyxwvutsrqponm", "too easy to guess"),  # a run backwards
        ("password1234", "too common"),
        ("weakling-2026", "too similar to the username"),
    ],
)
def test_add_staff_refuses_passwords_that_are_easy_to_guess(monkeypatch, password, why):
    import io

    from django.core.management import CommandError, call_command

    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    with pytest.raises(CommandError, match=why):
        call_command("add_staff", "weakling", "--password-stdin")
    assert not get_user_model().objects.filter(username="weakling").exists()


@pytest.mark.django_db
def test_sign_in_form_does_not_steal_focus(client):
    # Focus starts at the top of the page (skip link, language toggle), as everywhere else.
    assert "autofocus" not in client.get("/en/staff/login/").content.decode()


@pytest.mark.django_db
def test_viewer_cannot_change_anything(client, consultation, viewer):
    item = ScheduleItemFactory(
        consultation=consultation,
        key="kept",
        kind="webinar",
        title_en="Kept",
        title_fr="Gardé",
        format="virtual",
        start_date="2030-01-01",
        participation="open",
        city_en="",
        city_fr="",
    )
    client.force_login(viewer)
    base = f"/en/staff/consultations/{consultation.pk}"
    attempts = [
        f"{base}/edit/",
        f"{base}/publish/",
        f"{base}/unpublish/",
        f"{base}/schedule/new/",
        f"{base}/schedule/{item.pk}/",
        f"{base}/schedule/{item.pk}/delete/",
        f"{base}/links/new/",
        f"{base}/commitments/new/",
        f"{base}/members/",
    ]
    for url in attempts:
        assert (
            client.post(url, {"title_en": "x", "username": "viewer", "role": "lead"}).status_code
            == 403
        ), url
    assert ScheduleItem.objects.filter(pk=item.pk, title_en="Kept").exists()
    assert Membership.objects.get(user=viewer).role == "viewer"
    assert not AuditEvent.objects.filter(scope=consultation.scope).exists()


@pytest.mark.django_db
def test_a_duplicate_schedule_key_is_a_form_error_not_a_crash(client, lead, consultation):
    ScheduleItemFactory(
        consultation=consultation,
        key="taken",
        kind="webinar",
        title_en="One",
        title_fr="Un",
        format="virtual",
        start_date="2030-01-01",
        participation="open",
        city_en="",
        city_fr="",
    )
    client.force_login(lead)
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/schedule/new/",
        {
            "key": "taken",
            "kind": "webinar",
            "format": "virtual",
            "participation": "open",
            "visibility": "private",
            "title_en": "Two",
            "title_fr": "Deux",
            "start_date": "2030-02-01",
            "date_precision": "day",
            "position": "2",
        },
    )
    assert response.status_code == 200
    assert (
        "Another event or activity of this consultation already uses this key."
        in response.content.decode()
    )
    assert ScheduleItem.objects.filter(consultation=consultation).count() == 1


@pytest.mark.django_db
def test_a_published_page_cannot_lose_its_french(client, lead, consultation):
    client.force_login(lead)
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/edit/", _form_data(consultation, title_fr="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This consultation is published" in page and "title (French)" in page
    consultation.refresh_from_db()
    assert consultation.title_fr and consultation.is_published
    # The refused change left no trace but the page as it was.
    assert not AuditEvent.objects.filter(scope=consultation.scope).exists()
    response = client.post(
        f"/en/staff/consultations/{consultation.pk}/links/new/",
        {
            "title_en": "English only",
            "title_fr": "",
            "url_en": "https://example.org",
            "url_fr": "",
            "position": "0",
        },
    )
    assert "This consultation is published" in response.content.decode()
    assert not consultation.related_links.exists()


@pytest.mark.django_db
def test_sign_in_is_locked_after_five_failures(client, lead):
    for _ in range(5):
        page = client.post("/en/staff/login/", {"username": "lead", "password": "wrong guess"})
        assert "Please enter a correct username and password" in page.content.decode()
    locked = client.post("/en/staff/login/", {"username": "lead", "password": PASSWORD})
    assert "Too many failed attempts. Wait 15 minutes, then try again." in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert not SignInFailure.objects.filter(pair__icontains="lead").exists()  # only hashes kept
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.post("/en/staff/login/", {"username": "lead", "password": PASSWORD})
        assert response.status_code == 302


@pytest.mark.django_db
def test_invalid_inputs_point_at_their_error_messages(client, lead, consultation):
    client.force_login(lead)
    page = client.post(
        f"/en/staff/consultations/{consultation.pk}/edit/",
        _form_data(consultation, closes="2000-01-01T00:00"),
    ).content.decode()
    assert 'aria-describedby="id_closes_error"' in page
    assert '<p class="error-message" id="id_closes_error">' in page
    assert 'aria-invalid="true"' in page
