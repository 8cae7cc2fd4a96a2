"""Quotes per label (heard.analysis.engine.quotes): consent, campaigns, redaction, variety.

Record views are written by hand or from small word banks: records about shelters and about
training, in English and French, with filler sentences, campaign members, records without consent
and one that still holds a phone number.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from heard.analysis.engine.quotes import has_pii_shape, select_quotes, trim
from tests.analysis.hashseed import outputs_under_hash_seeds

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\[(?:NAME|EMAIL|PHONE|POSTAL_CODE|SIN|URL|ADDRESS)\]")

SHELTER_EN = [
    "The emergency shelter in our town turns women away because every bed is full.",
    "Shelter beds for survivors are full every night and the waiting list keeps growing.",
    "We need more emergency shelter beds and transitional housing for survivors.",
    "Survivors leave the shelter after thirty days with no safe housing to go to.",
    "A youth shelter with beds for boys does not exist anywhere in the region.",
    "Transitional housing after the shelter is what keeps survivors from going back.",
]
SHELTER_FR = [
    "Le refuge d'urgence de notre ville refuse des femmes faute de lits disponibles.",
    "Les lits en refuge pour les survivantes sont pleins chaque soir dans la région.",
    "Il faut plus de places en hébergement d'urgence et de logement de transition.",
]
TRAINING_EN = [
    "Police officers need training to recognise the signs of trafficking early.",
    "Training for nurses and teachers would help them spot recruitment by traffickers.",
    "Front-line officers told us the training they received was far too short.",
]
FILLER_FR = [
    "Merci de nous consulter sur cette stratégie nationale.",
    "Notre organisme travaille dans les communautés depuis vingt ans.",
]
FILLER = [
    "Thank you for holding this consultation and for reading our submission.",
    "Our organisation has worked with many communities for over twenty years.",
    "We hope that this submission will be useful to the department.",
    "Please contact our office if you would like more details about our work.",
]


def view(
    record_id: str,
    text: str | None,
    labels: dict[str, float],
    *,
    language: str = "en",
    consent: bool | None = True,
    campaign: str | None = None,
    **segments: str,
) -> dict[str, Any]:
    return {
        "id": record_id,
        "language": language,
        "campaign": campaign,
        "labels": labels,
        "text": text,
        "segments": segments or {"sector": "ngos"},
        "consent": consent,
    }


def corpus(seed: int = 1) -> list[dict[str, Any]]:
    """About 150 record views; shelters mostly English, a few French; some training."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    regions = ["NU", "ON", "QC", "BC"]
    for i in range(40):
        sentences = [rng.choice(SHELTER_EN), *rng.sample(FILLER, rng.randint(0, 2))]
        rng.shuffle(sentences)
        confidence = round(0.6 + 0.35 * rng.random(), 3)
        records.append(
            view(f"E{i:03d}", " ".join(sentences), {"shelters": confidence}, region=regions[i % 4])
        )
    for i in range(5):
        records.append(
            view(
                f"F{i:03d}",
                SHELTER_FR[i % 3] + " " + FILLER_FR[i % 2],
                {"shelters": 0.55},
                language="fr",
                region="QC",
            )
        )
    for i in range(30):
        sentences = [rng.choice(TRAINING_EN), rng.choice(FILLER)]
        records.append(view(f"T{i:03d}", " ".join(sentences), {"training": 0.8}, region="ON"))
    # Without consent, and more confident than anything else.
    for i in range(20):
        records.append(
            view(
                f"N{i:03d}",
                f"No consent {i}: " + SHELTER_EN[i % 6],
                {"shelters": 0.999},
                consent=[False, None][i % 2],
            )
        )
    # Other topics, for the background.
    for i in range(40):
        records.append(view(f"O{i:03d}", " ".join(rng.sample(FILLER, 2)), {"other": 0.7}))
    for i in range(10):
        records.append(
            view(f"Q{i:03d}", " ".join(FILLER_FR), {"other": 0.7}, language="fr", region="QC")
        )
    return records


CANONICAL = (
    "I urge the government to fund emergency shelter beds for every survivor who asks. "
    "Victims in our region wait far too long for a safe place to stay."
)
ADDED = "As a nurse in Iqaluit I have seen women sleep in the clinic because the shelter was full."


def campaign_members() -> list[dict[str, Any]]:
    members = []
    for i in range(30):
        # The pipeline passes a member's own added text; most added nothing. Three members
        # carry the campaign's text itself (as if upstream had passed it): shared, so not own.
        text = CANONICAL if i < 3 else ""
        if i == 3:
            text = ADDED
        members.append(
            view(f"K{i:03d}", text, {"shelters": 1.0, "outreach": 0.9}, campaign="C1234567890")
        )
    return members


def all_quotes(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [quote for entry in result.values() for quote in entry["quotes"]]


# --- Rules ---------------------------------------------------------------------------------------


def test_only_records_with_consent_are_quoted_and_counts_are_reported() -> None:
    records = corpus() + campaign_members()
    result = select_quotes(records, labels=["shelters", "training", "outreach"], per_label=10)
    by_id = {record["id"]: record for record in records}
    for quote in all_quotes(result):
        assert by_id[quote["id"]]["consent"] is True
    shelters = result["shelters"]
    assert shelters["records"] == 40 + 5 + 20 + 30
    assert shelters["excluded"] == {
        "campaign_copy": 29,  # 26 members with no text of their own, 3 with the shared text
        "no_consent": 20,
        "pii_shape": 0,
        "too_short": 0,
    }
    assert shelters["eligible"] == 46  # 40 English, 5 French, one member's own text
    # Ten asked for, but the texts hold only so many different sentences about shelters.
    assert 8 <= len(shelters["quotes"]) <= 10
    assert result["training"]["eligible"] == 30


def test_campaign_text_is_never_quoted_but_a_members_own_text_can_be() -> None:
    records = corpus() + campaign_members()
    result = select_quotes(records, labels=["shelters", "outreach"], per_label=50)
    for quote in all_quotes(result):
        assert "I urge the government" not in quote["text"]
        assert "Victims in our region" not in quote["text"]
    # "outreach" is held only by campaign members: the one with added text is quoted.
    assert result["outreach"]["quotes"] == [
        {
            "confidence": 0.9,
            "id": "K003",
            "language": "en",
            "segments": {"sector": "ngos"},
            "text": ADDED,
        }
    ]
    assert result["outreach"]["eligible"] == 1


def test_short_added_text_of_a_member_is_not_quoted() -> None:
    records = [
        view("K1", "I agree with this letter.", {"x": 1.0}, campaign="C1"),
        view("K2", "Me too, fully, with all my heart.", {"x": 1.0}, campaign="C1"),  # 7 words
        view("A1", "Short, but not a campaign.", {"x": 0.5}),  # 5 words: enough alone
        view("A2", "Too short.", {"x": 0.5}),
    ]
    result = select_quotes(records, labels=["x"])
    assert [quote["id"] for quote in result["x"]["quotes"]] == ["A1"]
    assert result["x"]["excluded"]["campaign_copy"] == 2
    assert result["x"]["excluded"]["too_short"] == 1


def test_pii_shaped_text_is_never_quoted() -> None:
    leaky = [
        "Call me about the shelter beds at 613-555-0199 any time this week.",
        "Write to shelter.director@example.ca about the beds we lack in town.",
        "The shelter at postal code K1A 0B1 has no beds for survivors tonight.",
        "My number is 046 454 286 and the shelter knows me well already.",
    ]
    records = corpus() + [view(f"P{i}", text, {"shelters": 1.0}) for i, text in enumerate(leaky)]
    result = select_quotes(records, labels=["shelters"], per_label=60)
    ids = {quote["id"] for quote in result["shelters"]["quotes"]}
    assert not ids & {"P0", "P1", "P2", "P3"}
    assert result["shelters"]["excluded"]["pii_shape"] == 4


def test_pii_shapes() -> None:
    assert has_pii_shape("reach me at jo.smith+work@mail.example.com")
    assert has_pii_shape("(613) 555-0199")
    assert has_pii_shape("+1 514.555.0142")
    assert has_pii_shape("code postal h2x-1y4, Montréal")
    assert has_pii_shape("SIN 046-454-286")
    assert not has_pii_shape("In 2018 we had 45 beds for 1,200 survivors.")
    assert not has_pii_shape("Call [PHONE] or write to [EMAIL] at [POSTAL_CODE].")
    assert not has_pii_shape("Bill C-75 and section 279.01 of the Criminal Code")


# --- Excerpts ------------------------------------------------------------------------------------


def test_excerpts_respect_max_words_and_never_cut_placeholders() -> None:
    text = (
        "[NAME] told us that [NAME] and her two children waited at the [ADDRESS] shelter for "
        "[NAME] to find them a bed, and she called [PHONE] every night and wrote to [EMAIL] "
        "without any answer from the shelter staff about the beds."
    )
    records = [*corpus(), view("P1", text, {"shelters": 1.0})]
    for max_words in range(1, 40, 3):
        result = select_quotes(records, labels=["shelters"], per_label=8, max_words=max_words)
        for quote in result["shelters"]["quotes"]:
            words = quote["text"].split()
            assert len(words) <= max_words
            assert quote["text"].count("[") == quote["text"].count("]")
            assert quote["text"].count("[") == len(PLACEHOLDER.findall(quote["text"]))
        texts = {quote["id"]: quote["text"] for quote in result["shelters"]["quotes"]}
        if "P1" in texts and max_words < 40:
            assert texts["P1"].endswith("…")


def test_trim() -> None:
    assert trim("one two three", 5) == "one two three"
    assert trim("one  two\nthree", 3) == "one two three"
    assert trim("we need [NAME] to call us back", 3) == "we need [NAME]…"
    assert trim("we need beds, and more", 3) == "we need beds…"  # no dangling comma
    # A bracketed span with spaces inside is not cut either: the cut goes back before it.
    assert trim("we asked [NAME OF PERSON] for help", 4) == "we asked…"


def test_excerpt_is_the_part_of_the_text_about_the_label() -> None:
    long_text = " ".join(
        [
            *FILLER,
            "Every shelter bed for survivors in the region is full and the waiting list grows.",
            *FILLER,
        ]
    )
    records = [*corpus(), view("L1", long_text, {"shelters": 0.95})]
    result = select_quotes(records, labels=["shelters"], per_label=60, max_words=30)
    texts = {quote["id"]: quote["text"] for quote in result["shelters"]["quotes"]}
    assert "Every shelter bed for survivors" in texts["L1"]
    assert len(texts["L1"].split()) <= 30


# --- Variety -------------------------------------------------------------------------------------


def test_near_identical_texts_are_not_both_chosen() -> None:
    twin = "Shelter beds for survivors are full every night and the waiting list keeps growing."
    records = [
        *corpus(),
        view("D1", twin, {"shelters": 1.0}),
        view("D2", twin.replace("keeps", "is still"), {"shelters": 1.0}),
        view("D3", twin + " Thank you.", {"shelters": 1.0}),
    ]
    result = select_quotes(records, labels=["shelters"], per_label=5)
    ids = [quote["id"] for quote in result["shelters"]["quotes"]]
    assert len(ids) == 5
    assert len({"D1", "D2", "D3"} & set(ids)) <= 1
    texts = [quote["text"] for quote in result["shelters"]["quotes"]]
    assert len(set(texts)) == len(texts)


def test_both_languages_are_quoted_when_available() -> None:
    records = corpus()
    result = select_quotes(records, labels=["shelters"], per_label=3)
    languages = [quote["language"] for quote in result["shelters"]["quotes"]]
    assert "fr" in languages and "en" in languages
    # English only when no French record is eligible.
    english = [record for record in records if record["language"] == "en"]
    result = select_quotes(english, labels=["shelters"], per_label=3)
    assert {quote["language"] for quote in result["shelters"]["quotes"]} == {"en"}


def test_quotes_vary_across_segment_values() -> None:
    result = select_quotes(corpus(), labels=["shelters"], per_label=4)
    regions = {quote["segments"].get("region") for quote in result["shelters"]["quotes"]}
    assert len(regions) >= 3


# --- Determinism ---------------------------------------------------------------------------------


def test_same_output_whatever_the_order_of_records() -> None:
    records = corpus() + campaign_members()
    first = select_quotes(records, labels=["shelters", "training"], per_label=5)
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    again = select_quotes(iter(shuffled), labels=["training", "shelters"], per_label=5)
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert list(first) == ["shelters", "training"]
    assert json.dumps(first) == json.dumps(first, sort_keys=True)


def test_same_output_whatever_the_hash_seed() -> None:
    script = (
        "import json\n"
        "from tests.analysis.test_quotes import corpus, campaign_members\n"
        "from heard.analysis.engine.quotes import select_quotes\n"
        "records = corpus(3) + campaign_members()\n"
        "print(json.dumps(select_quotes(records, labels=['shelters', 'training'])))\n"
    )
    first, second = outputs_under_hash_seeds(script, ("0", "12345"))
    assert first == second


def test_bad_parameters() -> None:
    with pytest.raises(ValueError):
        select_quotes([], labels=["x"], max_words=0)
    assert select_quotes([], labels=["x"]) == {
        "x": {
            "eligible": 0,
            "excluded": {"campaign_copy": 0, "no_consent": 0, "pii_shape": 0, "too_short": 0},
            "quotes": [],
            "records": 0,
        }
    }
