"""People approve what the engine proposed: candidate themes become codes, quotes are checked."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from heard.analysis import selectors, services
from heard.analysis.models import Codebook, Quote, Run, RunRecord, ThemeDecision
from heard.consultations.models import Role
from heard.core import jobs
from heard.core.models import AuditEvent
from tests.analysis.conftest import member, start


def _url(name, run):
    return reverse(f"analysis:{name}", kwargs={"pk": run.consultation.pk, "number": run.number})


def _first_theme(run):
    themes = selectors.summary_of(run)["themes"]["themes"]
    assert themes, "the demo's answers hold themes beyond the codebook"
    return themes[0]


def test_a_theme_is_accepted_as_a_code_and_teaches_the_next_run(done_run, analyst, client):
    theme = _first_theme(done_run)
    page = client.get(_url("themes", done_run))
    assert page.status_code == 200 and theme["id"] in page.content.decode()
    revision = Codebook.objects.get().revision
    prefix = theme["id"]
    response = client.post(
        _url("themes", done_run),
        {
            "theme": theme["id"],
            f"{prefix}-verdict": "accepted",
            f"{prefix}-key": "new-theme",
            f"{prefix}-name_en": "A new theme",
            f"{prefix}-name_fr": "Un nouveau thème",
            f"{prefix}-parent": "protection",
        },
    )
    assert response.status_code == 302
    decision = ThemeDecision.objects.get(run=done_run, theme=theme["id"])
    assert decision.verdict == "accepted" and decision.code == "new-theme"
    stored = Codebook.objects.get()
    assert stored.revision == revision + 1
    protection = next(code for code in stored.data["codes"] if code["key"] == "protection")
    new = next(code for code in protection["children"] if code["key"] == "new-theme")
    assert new["keywords_en"] == theme["key_phrases"]["en"]
    # People's words stay out of the codebook (stored in clear and exported); key phrases only.
    assert new["examples"] == []
    for record in RunRecord.objects.filter(run=done_run, key__in=theme["examples"]):
        assert record.text[:40] not in json.dumps(stored.data, ensure_ascii=False)
    assert AuditEvent.objects.filter(action="analysis.theme_accepted", actor=analyst).exists()
    # The next run knows the code.
    start(client, done_run.consultation)
    assert jobs.run_next()
    second = Run.objects.get(number=2)
    assert "new-theme" in {code["key"] for code in selectors.summary_of(second)["codes"]}


def test_accepting_needs_names_and_merging_needs_a_code(done_run, client):
    theme = _first_theme(done_run)
    prefix = theme["id"]
    missing = client.post(
        _url("themes", done_run),
        {"theme": theme["id"], f"{prefix}-verdict": "accepted", f"{prefix}-key": ""},
    ).content.decode()
    assert "Needed to accept the theme as a code." in missing
    no_code = client.post(
        _url("themes", done_run), {"theme": theme["id"], f"{prefix}-verdict": "merged"}
    ).content.decode()
    assert "Choose the code to merge the theme into." in no_code
    taken = client.post(
        _url("themes", done_run),
        {
            "theme": theme["id"],
            f"{prefix}-verdict": "accepted",
            f"{prefix}-key": "prevention",
            f"{prefix}-name_en": "x",
            f"{prefix}-name_fr": "x",
        },
    ).content.decode()
    assert "already used by another code" in taken
    assert not ThemeDecision.objects.exists()


def test_a_theme_merged_into_a_code_adds_its_phrases_once(done_run, client):
    theme = _first_theme(done_run)
    prefix = theme["id"]
    for _ in range(2):
        client.post(
            _url("themes", done_run),
            {"theme": theme["id"], f"{prefix}-verdict": "merged", f"{prefix}-into": "gap"},
        )
    data = Codebook.objects.get().data
    gap = next(
        code for top in data["codes"] for code in [top, *top["children"]] if code["key"] == "gap"
    )
    for phrase in theme["key_phrases"]["en"]:
        assert gap["keywords_en"].count(phrase) == 1
    assert ThemeDecision.objects.get().verdict == "merged"


def _split_post(theme, first, **changes):
    prefix = theme["id"]
    data = {
        "theme": theme["id"],
        f"{prefix}-verdict": "split",
        f"{prefix}-key": "first-part",
        f"{prefix}-name_en": "First part",
        f"{prefix}-name_fr": "Première partie",
        f"{prefix}-key_2": "second-part",
        f"{prefix}-name_en_2": "Second part",
        f"{prefix}-name_fr_2": "Deuxième partie",
        f"{prefix}-parent": "prevention",
        f"{prefix}-first_phrases": first,
    }
    data.update({f"{prefix}-{name}": value for name, value in changes.items()})
    return data


def test_a_theme_is_split_into_two_codes_sharing_its_phrases(done_run, analyst, client):
    theme = next(
        t
        for t in selectors.summary_of(done_run)["themes"]["themes"]
        if len(t["key_phrases"]["en"]) >= 2
    )
    english = theme["key_phrases"]["en"]
    response = client.post(_url("themes", done_run), _split_post(theme, [f"en:{english[0]}"]))
    assert response.status_code == 302
    decision = ThemeDecision.objects.get(run=done_run, theme=theme["id"])
    assert decision.verdict == "split"
    assert decision.split_into == ["first-part", "second-part"]
    prevention = next(c for c in Codebook.objects.get().data["codes"] if c["key"] == "prevention")
    children = {code["key"]: code for code in prevention["children"]}
    assert children["first-part"]["keywords_en"] == [english[0]]
    assert children["second-part"]["keywords_en"] == english[1:]
    assert children["second-part"]["keywords_fr"] == theme["key_phrases"]["fr"]
    assert children["first-part"]["name_fr"] == "Première partie"
    event = AuditEvent.objects.get(action="analysis.theme_split", actor=analyst)
    assert event.changes["split_into"] == ["first-part", "second-part"]
    page = client.get(_url("themes", done_run)).content.decode()
    assert "<code>first-part</code>, <code>second-part</code>" in page


def test_a_split_needs_two_names_different_keys_and_phrases_on_both_sides(done_run, client):
    theme = next(
        t
        for t in selectors.summary_of(done_run)["themes"]["themes"]
        if len(t["key_phrases"]["en"]) >= 2
    )
    every = [f"en:{p}" for p in theme["key_phrases"]["en"]] + [
        f"fr:{p}" for p in theme["key_phrases"]["fr"]
    ]
    no_name = client.post(
        _url("themes", done_run), _split_post(theme, every[:1], name_fr_2="")
    ).content.decode()
    assert "Needed to split the theme into two codes." in no_name
    all_phrases = client.post(_url("themes", done_run), _split_post(theme, every)).content.decode()
    assert "leaving at least one for the second" in all_phrases
    same_key = client.post(
        _url("themes", done_run), _split_post(theme, every[:1], key_2="first-part")
    ).content.decode()
    assert "The two codes need different keys." in same_key
    taken = client.post(
        _url("themes", done_run), _split_post(theme, every[:1], key_2="protection")
    ).content.decode()
    assert "already used by another code" in taken
    # Nothing half-done: the first code of the refused split is not in the codebook.
    assert not ThemeDecision.objects.exists()
    assert "first-part" not in json.dumps(Codebook.objects.get().data)


def _a_candidate(run):
    quotes = selectors.summary_of(run)["quotes"]
    for label, entry in sorted(quotes.items()):
        if entry["quotes"] and not label.startswith("T"):
            return label, entry["quotes"][0]
    raise AssertionError("the demo has candidate quotes for its codes")


def _quote_post(label, candidate, **extra):
    prefix = f"{candidate['id']}-{label}"
    return {"record": candidate["id"], "label": label, f"{prefix}-text": candidate["text"], **extra}


def test_a_quote_is_approved_as_is_or_with_more_removed(done_run, analyst, client):
    label, candidate = _a_candidate(done_run)
    page = client.get(_url("quotes", done_run)).content.decode()
    assert candidate["id"] in page
    words = candidate["text"].split()
    corrected = " ".join(["[NAME]", *words[1:]])
    data = _quote_post(label, candidate, approve="1")
    data[f"{candidate['id']}-{label}-text"] = corrected
    assert client.post(_url("quotes", done_run), data).status_code == 302
    quote = Quote.objects.get(record_key=candidate["id"], label=label)
    assert quote.state == "approved" and quote.text == corrected
    assert quote.suggested == candidate["text"] and quote.decided_by == analyst
    event = AuditEvent.objects.get(action="analysis.quote_approved")
    assert event.changes["corrected"] is True
    assert candidate["text"][:20] not in str(event.changes)


def test_words_cannot_be_put_in_a_quote_and_personal_shapes_are_refused(done_run, client):
    label, candidate = _a_candidate(done_run)
    prefix = f"{candidate['id']}-{label}"
    added = _quote_post(label, candidate, approve="1")
    added[f"{prefix}-text"] = candidate["text"] + " and the minister agreed"
    page = client.post(_url("quotes", done_run), added).content.decode()
    assert "Only remove words or replace them with a placeholder" in page
    phone = _quote_post(label, candidate, approve="1")
    phone[f"{prefix}-text"] = candidate["text"].split()[0] + " 613-555-0199"
    assert "613-555-0199" not in candidate["text"]
    # Adding the number is refused too (it was not in the excerpt).
    assert client.post(_url("quotes", done_run), phone).status_code == 200
    assert not Quote.objects.exists()
    rejected = client.post(_url("quotes", done_run), _quote_post(label, candidate, reject="1"))
    assert rejected.status_code == 302
    assert Quote.objects.get().state == "rejected"


def test_only_removes():
    original = "Shelters in the north are full, said Robyn at the clinic."
    assert services.only_removes(original, original)
    assert services.only_removes(original, "Shelters in the north are full, said [NAME]…")
    assert services.only_removes(original, "Shelters … are full")
    assert not services.only_removes(original, "Shelters in the south are full")
    assert not services.only_removes(original, "are full Shelters")  # order kept


def test_viewers_cannot_open_themes_or_quotes(done_run, client):
    viewer = member(done_run.consultation, "vee", Role.VIEWER)
    client.force_login(viewer)
    assert client.get(_url("themes", done_run)).status_code == 403
    assert client.get(_url("quotes", done_run)).status_code == 403


@pytest.mark.parametrize("name", ["themes", "quotes"])
def test_the_pages_speak_french(done_run, client, name):
    page = client.get(_url(name, done_run).replace("/en/", "/fr/")).content.decode()
    assert 'lang="fr"' in page
    assert ("Thèmes possibles" if name == "themes" else "Citations possibles") in page
