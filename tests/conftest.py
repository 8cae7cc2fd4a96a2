from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "human-trafficking-2018"


@pytest.fixture
def demo_folder() -> Path:
    return DEMO


@pytest.fixture
def consultation(db):
    return ConsultationFactory()


@pytest.fixture
def lead(db, consultation):
    user = UserFactory(username="lead")
    MembershipFactory(consultation=consultation, user=user, role="lead")
    return user


@pytest.fixture
def viewer(db, consultation):
    user = UserFactory(username="viewer")
    MembershipFactory(consultation=consultation, user=user, role="viewer")
    return user


def pytest_report_header(config) -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"heard: database engine {engine} (set DATABASE_URL for PostgreSQL)"
