from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from heard.questionnaires import services
from heard.questionnaires.models import Questionnaire
from tests.conftest import DEMO


@pytest.fixture
def demo_form_bytes() -> bytes:
    return (DEMO / "questionnaire.xlsx").read_bytes()


@pytest.fixture
def questionnaire(db, consultation, lead) -> Questionnaire:
    now = timezone.now()
    return services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questionnaire",
        title_fr="Questionnaire",
        privacy_notice_en="We use your answers to write the report.",
        privacy_notice_fr="Nous utilisons vos réponses pour rédiger le rapport.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )


@pytest.fixture
def demo_questionnaire(questionnaire, lead, demo_form_bytes) -> Questionnaire:
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=demo_form_bytes, filename="questionnaire.xlsx"
    )
    return questionnaire
