"""Several simultaneous submissions of one draft, over real HTTP, store one response."""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest

from heard.core.audit import AuditEvent
from heard.questionnaires import services
from heard.questionnaires.models import Respondent, Response, ResponseState
from tests.questionnaires.builders import row, xlsx
from tests.questionnaires.test_respondent import invite_one

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def browser(jar: http.cookiejar.CookieJar) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def status(opener: urllib.request.OpenerDirector, url: str, data: dict | None = None) -> int:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(url, data=body)
    if data is not None:
        request.add_header("Referer", url)
    try:
        with opener.open(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("at_once", [2, 8])
def test_simultaneous_submissions_of_one_draft_store_one_response(
    live_server, questionnaire, lead, settings, at_once
):
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=xlsx([row("text", "q1", "Question", "Question", required="yes")]),
        filename="one.xlsx",
    )
    link, _person = invite_one(questionnaire, settings)
    respondent = Respondent.objects.get()
    response = services.draft_for(respondent, "en")
    services.save_page(response=response, page="q1", answers={"q1": "An answer"}, language="en")

    jar = http.cookiejar.CookieJar()
    opener = browser(jar)
    assert status(opener, live_server.url + link) == 302  # the session cookie is set
    with opener.open(live_server.url + "/en/questionnaire/check/", timeout=30) as page:
        token = TOKEN.search(page.read().decode()).group(1)

    results: list[int] = []
    barrier = threading.Barrier(at_once)

    def send() -> None:
        # Each "tab" shares the cookies, as two tabs of one browser do.
        tab = browser(jar)
        barrier.wait()
        results.append(
            status(
                tab, live_server.url + "/en/questionnaire/check/", {"csrfmiddlewaretoken": token}
            )
        )

    threads = [threading.Thread(target=send) for _ in range(at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results) == [302] * at_once  # every tab lands on the confirmation
    assert Response.objects.count() == 1
    stored = Response.objects.get()
    assert stored.state == ResponseState.SUBMITTED and stored.answers == {"q1": "An answer"}
    assert AuditEvent.objects.filter(action="questionnaire.response_submitted").count() == 1
