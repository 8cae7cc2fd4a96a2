"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser).

Without Chromium these tests are skipped with a message, so `make test` works on a bare machine;
CI installs Chromium and sets HEARD_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.smtp import smtp_server  # noqa: F401 - the real SMTP server fixture

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Keep Chromium itself from calling home, so every request we see comes from the page.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def _chromium_path() -> str | None:
    configured = os.environ.get("HEARD_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = _chromium_path()
    if path is None:
        if os.environ.get("HEARD_REQUIRE_BROWSER"):
            pytest.fail(
                "HEARD_REQUIRE_BROWSER is set but no Chromium was found (apt-get install chromium)"
            )
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


class OutsideRequests(list[str]):
    """Every request the page tried to make to a host other than the test server."""


@pytest.fixture
def outside_requests() -> OutsideRequests:
    return OutsideRequests()


@pytest.fixture
def page(browser, live_server, outside_requests) -> Iterator[object]:
    own_host = urlsplit(live_server.url).netloc
    context = browser.new_context(locale="en-CA", java_script_enabled=True)

    def guard(route, request) -> None:
        if urlsplit(request.url).netloc not in (own_host, "") and not request.url.startswith(
            "data:"
        ):
            outside_requests.append(request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    # Generous: the suite runs on every core at once, browsers included (make test).
    page.set_default_timeout(20_000)
    yield page
    context.close()
