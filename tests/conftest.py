from __future__ import annotations

from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer

from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

# The live server accepts many simultaneous connections (the default backlog of 5 resets the rest),
# so that tests can send parallel requests the way a crowd of invitees would.
ThreadedWSGIServer.request_queue_size = 128

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "heard" / "examples" / "human-trafficking-2018"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever an earlier test in the same worker left.

    A request through the test client runs LocaleMiddleware in the test's own thread, and the
    language it activates outlives the request; without this, a test's messages depended on which
    test file ran before it in the same xdist worker.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _second_factor_off_unless_asked(settings):
    """The second factor is required of leads and analysts by default; tests of other features
    sign in with a password (or force_login) alone. tests/core/test_factors.py and the browser
    tests of signing in turn it back on."""
    settings.HEARD_SECOND_FACTOR_ROLES = ()


@pytest.fixture(autouse=True)
def _private_erasure_log(settings, tmp_path):
    """Each test writes its erasures to its own log, never to the project's var/."""
    settings.HEARD_ERASURE_LOG = tmp_path / "erasure-log.jsonl"


@pytest.fixture(autouse=True)
def _no_public_page_kept():
    """Each test starts with no public page kept in memory (heard/consultations/public_cache.py):
    the database an earlier test rolled back may hold the token it kept a page under."""
    from heard.consultations import public_cache

    public_cache.forget_everything()


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
