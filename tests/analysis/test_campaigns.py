"""Campaigns: planted exact copies, edited copies and template letters among genuine answers.

A seeded generator writes genuine answers in English and French from word banks (each one
distinct), then plants campaigns of each kind. Precision and recall of campaign membership are
measured pairwise against the planted truth.
"""

from __future__ import annotations

import json
import random
import time
from itertools import combinations

import pytest

from heard.analysis.engine.campaigns import find_campaigns
from heard.analysis.engine.normalise import normalise

BANKS = {
    "en": {
        "subject": "we|our members|front-line workers|survivors|families|police officers|"
        "shelter staff|community leaders|youth workers|nurses|teachers|employers",
        "modal": "need|want|ask for|cannot find|depend on|would welcome|are calling for|lack",
        "object": "safe housing|long-term counselling|legal aid|interpreters|better data|"
        "stable funding|specialised training|a national hotline|outreach in schools|"
        "trauma-informed care|job training|child care|transport to court|peer support",
        "quality": "that lasts|that is free|that is close to home|in both languages|"
        "without waiting lists|that respects culture|for the long term|every night|"
        "with no conditions|that is easy to reach|from the first day|all year",
        "place": "in rural areas|in the north|in our city|on reserve|near the border|"
        "in small towns|across the province|in the suburbs|downtown|along the highway",
        "why": "because victims are turned away|since cases keep rising|because trust is low|"
        "as recruiters move online|because staff burn out|since programs end too soon|"
        "because nobody coordinates|as wait times grow|because people are afraid|"
        "since the last strategy ended",
    },
    "fr": {
        "subject": "nous|nos membres|les intervenantes|les survivantes|les familles|les policiers|"
        "le personnel des refuges|les leaders communautaires|les travailleurs jeunesse|"
        "les infirmières|les enseignants|les employeurs",
        "modal": "demandent|veulent|ne trouvent pas|comptent sur|souhaitent|réclament|"
        "manquent de|attendent",
        "object": "un logement sûr|un suivi psychologique|une aide juridique|des interprètes|"
        "de meilleures données|un financement stable|une formation spécialisée|"
        "une ligne nationale|de la prévention à l'école|des soins adaptés|"
        "une formation à l'emploi|des services de garde|du transport au tribunal|"
        "du soutien par les pairs",
        "quality": "qui dure|gratuit|près de chez elles|dans les deux langues|sans liste d'attente|"
        "qui respecte la culture|à long terme|chaque nuit|sans conditions|facile d'accès|"
        "dès le premier jour|toute l'année",
        "place": "en région|dans le Nord|dans notre ville|dans les communautés|près de la frontière|"
        "dans les petites villes|dans toute la province|en banlieue|au centre-ville|"
        "le long de l'autoroute",
        "why": "parce que des victimes sont refusées|car les cas augmentent|"
        "parce que la confiance est faible|car les recruteurs sont en ligne|"
        "parce que le personnel s'épuise|car les programmes finissent trop tôt|"
        "parce que personne ne coordonne|car l'attente s'allonge|parce que les gens ont peur|"
        "depuis la fin de la dernière stratégie",
    },
}
FILLERS = {
    "en": "really|urgently|also|still|clearly|honestly|simply|truly",
    "fr": "vraiment|aussi|encore|clairement|franchement|simplement|surtout|toujours",
}
_TOWNS = (
    "Moncton|Rimouski|Thunder Bay|Kamloops|Saguenay|Brandon|Iqaluit|Sherbrooke|Lethbridge|"
    "Timmins|Gaspé|Prince Albert|Nanaimo|Val-d'Or|Yellowknife|Kenora|Sept-Îles|Corner Brook"
)
TOWNS = _TOWNS.split("|")
_ORGANISATIONS = (
    "Hope House|YWCA|Maison Marguerite|Harbour Centre|Northern Lights Shelter|Le Phare|"
    "Safe Haven Society|Carrefour Femmes|Bridges Network|La Passerelle"
)
ORGANISATIONS = _ORGANISATIONS.split("|")
TEMPLATES = {
    "en": [
        "I am writing as a resident of {town} about the national strategy on human trafficking.",
        "Victims in our region wait far too long before anyone offers them a safe place to stay.",
        "The {org} in {town} turns people away every week because it has no beds left.",
        "I urge the government to fund emergency housing for every survivor who asks for it.",
        "Please make sure that services are offered in both official languages everywhere.",
        "Thank you for reading this letter and for listening to the people of our community.",
    ],
    "fr": [
        "Je vous écris en tant que résidente de {town} au sujet de la stratégie nationale.",
        "Les victimes de notre région attendent beaucoup trop longtemps avant d'avoir un toit.",
        "L'organisme {org} de {town} refuse des personnes chaque semaine faute de places.",
        "Je demande au gouvernement de financer un hébergement d'urgence pour chaque survivante.",
        "Veillez à ce que les services soient offerts dans les deux langues officielles partout.",
        "Merci de lire cette lettre et d'écouter les gens de notre communauté.",
    ],
}
KINDS = ("exact", "near", "template")


def _bank(language: str, slot: str) -> list[str]:
    return BANKS[language][slot].split("|")


def genuine_sentence(rng: random.Random, language: str) -> str:
    """One sentence from the word banks: about 1.7 million combinations per language."""
    parts = [rng.choice(_bank(language, slot)) for slot in BANKS[language]]
    if rng.random() < 0.5:
        parts.insert(2, rng.choice(FILLERS[language].split("|")))
    return parts[0][0].upper() + " ".join(parts)[1:] + "."


def genuine_answer(rng: random.Random, language: str) -> str:
    return " ".join(genuine_sentence(rng, language) for _ in range(rng.randint(3, 6)))


def restyle(rng: random.Random, text: str) -> str:
    """The same text after a typist's changes: case, spacing, punctuation, accents."""
    style = rng.randrange(5)
    if style == 0:
        return text.upper()
    if style == 1:
        return "  " + text.replace(" ", "   ").replace(".", " .") + "\n"
    if style == 2:
        return text.replace(".", "!!").replace(",", "").lower()
    if style == 3:
        return normalise(text)  # no accents, no punctuation at all
    return text


def edit(rng: random.Random, text: str, language: str) -> str:
    """The same text with one to three words substituted, inserted or deleted."""
    words = text.split()
    fillers = [*FILLERS[language].split("|"), "please", "s'il vous plaît", "now", "today"]
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(1, len(words) - 1)
        operation = rng.randrange(3)
        if operation == 0:
            words[position] = rng.choice(fillers)
        elif operation == 1:
            words.insert(position, rng.choice(fillers))
        else:
            del words[position]
    return " ".join(words)


def make_fixture(
    seed: int, genuine: int = 400, campaigns_per_kind: int = 4
) -> tuple[list[dict[str, str]], dict[str, str | None], dict[str, str]]:
    """Records, the planted campaign of each record (None if genuine), and each template
    member's planted personal sentence."""
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    truth: dict[str, str | None] = {}
    personal: dict[str, str] = {}

    def add(text: str, label: str | None) -> str:
        record_id = f"r{len(records):06d}"
        records.append({"id": record_id, "text": text})
        truth[record_id] = label
        return record_id

    seen: set[str] = set()
    while len(seen) < genuine:
        language = rng.choice(("en", "fr"))
        text = genuine_answer(rng, language)
        if normalise(text) not in seen:
            seen.add(normalise(text))
            add(text, None)
    for number in range(campaigns_per_kind):
        language = ("en", "fr")[number % 2]
        copies = rng.randint(5, 40)
        base = " ".join(genuine_sentence(rng, language) for _ in range(5))
        for _ in range(copies):
            add(restyle(rng, base), f"exact-{number}")
        base = " ".join(genuine_sentence(rng, language) for _ in range(5))
        add(base, f"near-{number}")
        for _ in range(copies):
            add(edit(rng, base, language), f"near-{number}")
        # A letter of its own for each campaign: two lines with a town or an organisation
        # (shared with other campaigns in the same language) and four sentences of its own.
        lines = rng.sample(TEMPLATES[language], 2)
        template = [lines[0], *(genuine_sentence(rng, language) for _ in range(4)), lines[1]]
        for _ in range(copies):
            sentences = [
                line.format(town=rng.choice(TOWNS), org=rng.choice(ORGANISATIONS))
                for line in template
            ]
            if rng.random() < 0.3:
                del sentences[rng.randrange(1, len(sentences))]
            own = genuine_sentence(rng, language) if rng.random() < 0.7 else ""
            if own:
                sentences.insert(rng.randrange(1, len(sentences)), own)
            record_id = add(" ".join(sentences), f"template-{number}")
            if own:
                personal[record_id] = own
    rng.shuffle(records)
    return records, truth, personal


def pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def scores(records, truth, result) -> dict[str, tuple[float, float]]:
    """Pairwise precision and recall of campaign membership, per planted kind."""
    predicted: dict[str, list[str]] = {}
    for record in records:
        campaign = result.campaign_of(record["id"])
        if campaign is not None:
            predicted.setdefault(campaign, []).append(record["id"])
    measured = {}
    for kind in KINDS:
        planted: dict[str, list[str]] = {}
        for record_id, label in truth.items():
            if label and label.startswith(kind):
                planted.setdefault(label, []).append(record_id)
        true_pairs = pairs(planted)
        # Predicted campaigns that hold records of this kind, restricted to pairs touching it.
        kind_ids = {record_id for members in planted.values() for record_id in members}
        found = {pair for pair in pairs(predicted) if pair[0] in kind_ids or pair[1] in kind_ids}
        precision = len(found & true_pairs) / len(found) if found else 0.0
        recall = len(found & true_pairs) / len(true_pairs)
        measured[kind] = (round(precision, 4), round(recall, 4))
    return measured


@pytest.fixture(scope="module")
def planted():
    records, truth, personal = make_fixture(seed=7)
    return records, truth, personal, find_campaigns(records)


def test_precision_and_recall_per_kind(planted):
    records, truth, _, result = planted
    measured = scores(records, truth, result)
    print("precision, recall per kind:", measured)
    for kind, (precision, recall) in measured.items():
        assert precision >= 0.9, (kind, precision)
        assert recall >= 0.9, (kind, recall)


def test_each_planted_campaign_is_one_campaign_of_its_kind(planted):
    _, truth, _, result = planted
    by_label: dict[str, set[str | None]] = {}
    for record_id, label in truth.items():
        if label:
            by_label.setdefault(label, set()).add(result.campaign_of(record_id))
    campaigns = {campaign.id: campaign for campaign in result.campaigns}
    for label, found in by_label.items():
        assert len(found) == 1 and None not in found, label
        assert campaigns[found.pop()].kind == label.split("-")[0]  # type: ignore[index]
    assert len(result.campaigns) == len(by_label)


def test_genuine_answers_are_not_merged(planted):
    _, truth, _, result = planted
    merged = [rid for rid, label in truth.items() if label is None and result.campaign_of(rid)]
    assert merged == []


def test_added_text_holds_the_personal_sentence(planted):
    _, _, personal, result = planted
    campaigns = {campaign.id: campaign for campaign in result.campaigns}
    assert len(personal) > 20
    for record_id, sentence in personal.items():
        campaign = campaigns[result.campaign_of(record_id)]  # type: ignore[index]
        added = campaign.added_text[record_id]
        if campaign.canonical.count(sentence):
            continue  # the canonical letter's own personal sentence
        # Only its own words: the template's sentences, towns swapped or not, stay out.
        assert added == sentence, (record_id, sentence, added)
    # Exact copies add nothing of their own.
    for campaign in result.campaigns:
        if campaign.kind == "exact":
            assert not any(campaign.added_text.values())


def test_counts_raw_and_deduplicated(planted):
    records, truth, _, result = planted
    labels = [label for label in truth.values() if label]
    genuine = sum(1 for label in truth.values() if label is None)
    assert result.records_total == len(records)
    assert result.records_deduplicated == genuine + len(set(labels))
    # Any subset: each campaign among it counted once.
    exact_ids = [rid for rid, label in truth.items() if label == "exact-0"]
    some_genuine = [rid for rid, label in truth.items() if label is None][:10]
    assert result.counts(exact_ids + some_genuine) == (len(exact_ids) + 10, 11)


def test_deterministic_and_independent_of_order(planted):
    records, _, _, result = planted
    first = json.dumps(result.to_dict(), sort_keys=True)
    assert json.dumps(find_campaigns(records).to_dict(), sort_keys=True) == first
    shuffled = list(records)
    random.Random(1).shuffle(shuffled)
    assert json.dumps(find_campaigns(shuffled).to_dict(), sort_keys=True) == first
    assert json.dumps(result.to_dict()) == first  # keys already sorted


def test_short_identical_answers_are_not_a_campaign():
    records = [{"id": str(i), "text": "Yes, I agree."} for i in range(50)]
    result = find_campaigns(records)
    assert result.campaigns == ()
    assert result.records_deduplicated == 50


def test_scale_twenty_thousand_records():
    records, truth, _ = make_fixture(seed=11, genuine=14_000, campaigns_per_kind=80)
    started = time.perf_counter()
    result = find_campaigns(records)
    elapsed = time.perf_counter() - started
    copies = sum(1 for label in truth.values() if label)
    print(f"\n{len(records)} records ({copies} planted copies): {elapsed:.2f} s")
    assert len(records) >= 18_000
    assert elapsed < 60
    measured = scores(records, truth, result)
    print("precision, recall per kind:", measured)
    for precision, recall in measured.values():
        assert precision >= 0.9 and recall >= 0.9
