"""Fixtures of the analysis workbench tests: the demo consultation, an analyst, a finished run."""

from __future__ import annotations

import pytest
from django.urls import reverse

from heard.analysis.models import Run
from heard.cli import DEMO_FOLDER, load_everything
from heard.consultations.models import Membership, Role
from heard.core import jobs
from heard.events.demo import _people as demo_people
from heard.events.demo import populate as populate_sessions
from heard.questionnaires.demo import populate as populate_questionnaire
from tests.factories import UserFactory


@pytest.fixture
def demo(db, settings):
    """The demo consultation with its registry and questionnaire answers, without the sessions
    (their invitations and emails take ten seconds to make; one test below has them)."""
    settings.HEARD_ANALYSIS_PROCESSES = 1
    settings.HEARD_ANALYSIS_MEANING = "off"  # words only: the sentence model has tests of its own
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    demo_people(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    return consultation


@pytest.fixture
def full_demo(db, settings):
    settings.HEARD_ANALYSIS_PROCESSES = 1
    settings.HEARD_ANALYSIS_MEANING = "off"  # words only: the sentence model has tests of its own
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    populate_sessions(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    return consultation


def member(consultation, username, role):
    user = UserFactory(username=username)
    Membership.objects.create(consultation=consultation, user=user, role=role)
    return user


@pytest.fixture
def analyst(demo):
    return member(demo, "ana", Role.ANALYST)


def start(client, consultation, **extra):
    questions = [
        field["name"]
        for field in consultation.questionnaires.first().current_version.definition["fields"]
        if field["type"] == "text"
    ]
    data = {"questions": questions, "notes": "on", "use_codebook": "on", **extra}
    return client.post(reverse("analysis:home", kwargs={"pk": consultation.pk}), data)


@pytest.fixture
def done_run(demo, analyst, client):
    client.force_login(analyst)
    start(client, demo)
    assert jobs.run_next()
    run = Run.objects.get(consultation=demo)
    assert run.state == Run.State.DONE
    return run
