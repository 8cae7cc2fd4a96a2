"""What a respondent's request costs the database: counted, not timed (speed is measured in
bench/questionnaire_200.py). A page is the session, the respondent, the response and the
current version; a save adds its locked read and its write."""

from __future__ import annotations

from tests.questionnaires.test_respondent import invite_one, small  # noqa: F401 - fixture


def test_a_page_costs_four_queries_and_a_save_eight(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
    django_assert_max_num_queries,
):
    link, _person = invite_one(small, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    with django_assert_max_num_queries(4):
        assert client.get("/en/questionnaire/page/about/").status_code == 200
    with django_assert_max_num_queries(8):
        saved = client.post(
            "/en/questionnaire/page/about/",
            {"role": "worker", "years": "3", "shown": ["role", "years"]},
        )
    assert saved.status_code == 302
    with django_assert_max_num_queries(4):
        assert client.get("/en/questionnaire/check/").status_code == 200
