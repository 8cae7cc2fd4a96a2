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

from heard.analysis.engine.campaigns import find_campaigns, text_features
from heard.analysis.engine.language import sentence_spans
from heard.analysis.engine.normalise import normalise
from tests.analysis.hashseed import outputs_under_hash_seeds

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

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


def test_features_computed_elsewhere_give_the_same_campaigns(planted):
    # The pipeline computes each text's features in its worker processes, from the sentence
    # spans language detection found, and passes them in: the campaigns must not change.
    records, _, _, result = planted
    with_features = []
    for record in records:
        normalised, keys = text_features(record["text"], sentence_spans(record["text"]))
        assert (normalised, keys) == text_features(record["text"])
        with_features.append(record | {"normalised": normalised, "sentence_keys": keys})
    assert sum(1 for record in with_features if record["sentence_keys"]) > len(records) // 2
    assert find_campaigns(with_features).to_dict() == result.to_dict()


def test_short_identical_answers_are_not_a_campaign():
    records = [{"id": str(i), "text": "Yes, I agree."} for i in range(50)]
    result = find_campaigns(records)
    assert result.campaigns == ()
    assert result.records_deduplicated == 50


@pytest.mark.slow
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


# --- The same letter in English and French -------------------------------------------------------

# Letters written for these tests: A and B in English with their French translations (A_FR, B_FR);
# C_FR, D_FR and E are other letters on the same subjects, written on their own, which must stay
# apart (C_FR and E both ask for money for full shelters in New Brunswick).
LETTER_A = (
    "Dear Minister, I am writing to ask the federal government to provide stable, long-term "
    "funding for shelters that serve survivors of human trafficking. Too many women and girls who "
    "escape exploitation are turned away because there are no beds available. Shelters in rural "
    "and northern communities struggle the most. Front-line staff need specialised training and "
    "fair wages. Please commit to a national fund for emergency and transitional housing, and make "
    "sure that services are offered in both official languages. Thank you for your attention."
)
LETTER_A_FR = (
    "Madame la Ministre, je vous écris pour demander au gouvernement fédéral d'accorder un "
    "financement stable et à long terme aux refuges qui viennent en aide aux survivantes de la "
    "traite des personnes. Trop de femmes et de filles qui fuient l'exploitation sont refusées "
    "faute de lits disponibles. Les refuges des communautés rurales et nordiques sont les plus "
    "touchés. Le personnel de première ligne a besoin d'une formation spécialisée et d'un salaire "
    "équitable. Engagez-vous à créer un fonds national pour le logement d'urgence et de "
    "transition, et veillez à ce que les services soient offerts dans les deux langues "
    "officielles. Merci de votre attention."
)
LETTER_B = (
    "To the Government of Canada: as a police officer with twenty years of service, I see how "
    "traffickers now recruit teenagers online through social media and gaming platforms. "
    "Investigators lack the tools and the data to follow these cases across provinces. I recommend "
    "a national database, joint investigation teams with the RCMP, and stronger penalties for those "
    "who buy sex from minors. Schools should teach young people how to recognise grooming. We must "
    "act before more children are exploited."
)
LETTER_B_FR = (
    "Au gouvernement du Canada : policier depuis vingt ans, je constate que les trafiquants "
    "recrutent maintenant des adolescents en ligne, par les médias sociaux et les plateformes de "
    "jeux. Les enquêteurs n'ont ni les outils ni les données pour suivre ces dossiers d'une "
    "province à l'autre. Je recommande une base de données nationale, des équipes d'enquête "
    "conjointes avec la GRC et des peines plus sévères pour ceux qui achètent des services sexuels "
    "auprès de mineurs. Les écoles devraient apprendre aux jeunes à reconnaître la manipulation en "
    "ligne. Nous devons agir avant que d'autres enfants ne soient exploités."
)
LETTER_C_FR = (
    "Monsieur le Premier Ministre, les maisons d'hébergement pour femmes du Nouveau-Brunswick "
    "débordent. Chaque semaine, nous devons dire non à des survivantes de la traite parce que nos "
    "lits sont tous occupés. Notre financement provincial couvre à peine les salaires et ne permet "
    "pas d'ouvrir de nouvelles places. Nous réclamons un programme fédéral de construction de "
    "refuges, un financement de base indexé chaque année et du soutien pour les intervenantes "
    "épuisées. Sans ces mesures, des femmes retourneront vers leurs exploiteurs."
)
LETTER_D_FR = (
    "Au gouvernement du Canada, nous sommes un regroupement d'organismes communautaires qui "
    "accompagnent des victimes de la traite au Québec. Les survivantes nous disent que le plus "
    "difficile, c'est de trouver un logement sûr et un emploi après leur sortie. Nous demandons un "
    "financement de base pour les organismes, des places réservées en logement social, et un accès "
    "rapide à l'aide juridique et aux soins de santé mentale. La lutte contre la traite passe "
    "aussi par la prévention dans les écoles et par la formation des policiers."
)
LETTER_E = (
    "Shelters for women in New Brunswick are full every night. Our staff answer the crisis line "
    "around the clock, yet the province has not raised our budget in six years. Survivors of "
    "trafficking need more than a bed: they need counselling, legal help and a path to a job. I "
    "ask the federal government to match provincial funding for shelters and to pay front-line "
    "workers a living wage. Please do not let another budget pass without action."
)
PERSONAL_FR = "Ma sœur a attendu trois mois une place au refuge de Bathurst."


def translation_fixture(seed: int = 3) -> tuple[list[dict[str, str]], dict[str, str | None]]:
    """Genuine answers in both languages and five letters: A in English (20 copies) and in
    French (10), B in English (12) and once in French, and C_FR (8), D_FR (6) and E (5)."""
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    truth: dict[str, str | None] = {}

    def add(text: str, label: str | None) -> None:
        record_id = f"t{len(records):05d}"
        records.append({"id": record_id, "text": text})
        truth[record_id] = label

    seen: set[str] = set()
    while len(seen) < 300:
        language = rng.choice(("en", "fr"))
        text = genuine_answer(rng, language)
        if normalise(text) not in seen:
            seen.add(normalise(text))
            add(text, None)
    for letter, language, copies, label in (
        (LETTER_A, "en", 20, "A"),
        (LETTER_A_FR, "fr", 10, "A"),
        (LETTER_B, "en", 12, "B"),
        (LETTER_B_FR, "fr", 1, "B"),
        (LETTER_C_FR, "fr", 8, "C"),
        (LETTER_D_FR, "fr", 6, "D"),
        (LETTER_E, "en", 5, "E"),
    ):
        add(letter, label)  # one copy as written, then restyled and edited ones
        for number in range(1, copies):
            text = restyle(rng, letter) if number % 3 else edit(rng, letter, language)
            add(text, label)
    add(LETTER_A_FR + " " + PERSONAL_FR, "A")  # a French copy with a sentence of its own
    rng.shuffle(records)
    return records, truth


@pytest.fixture(scope="module")
def translated():
    records, truth = translation_fixture()
    return records, truth, find_campaigns(records)


def _found(truth, result) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for record_id, label in truth.items():
        if label:
            found.setdefault(label, set()).add(result.campaign_of(record_id))
    return found


def test_the_same_letter_in_english_and_french_is_one_campaign(translated):
    _, truth, result = translated
    found = _found(truth, result)
    campaigns = {campaign.id: campaign for campaign in result.campaigns}
    assert len(found["A"]) == 1 and None not in found["A"]
    a = campaigns[next(iter(found["A"]))]  # type: ignore[index]
    assert (a.kind, a.size) == ("translation", 31)
    # The canonical is in the language with most records (English: 20 against 11); the
    # French letter is given beside it, and each language's copies add nothing of their own.
    assert normalise(a.canonical) == normalise(LETTER_A)
    assert normalise(a.translations["fr"]) == normalise(LETTER_A_FR)
    # Only the French copy with a sentence of its own adds anything: French copies are compared
    # with the French letter, never with the English one.
    assert [text for text in a.added_text.values() if text] == [PERSONAL_FR]
    assert a.to_dict()["translations"] == {"fr": a.translations["fr"]}


def test_a_single_translated_copy_joins_its_campaign(translated):
    _, truth, result = translated
    found = _found(truth, result)
    assert len(found["B"]) == 1 and None not in found["B"]
    campaigns = {campaign.id: campaign for campaign in result.campaigns}
    b = campaigns[next(iter(found["B"]))]  # type: ignore[index]
    assert (b.kind, b.size) == ("translation", 13)
    assert normalise(b.translations["fr"]) == normalise(LETTER_B_FR)
    assert not any(b.added_text.values())


def test_different_letters_on_the_same_subject_stay_apart(translated):
    _, truth, result = translated
    found = _found(truth, result)
    campaigns = {campaign.id: campaign for campaign in result.campaigns}
    assert all(len(campaign_ids) == 1 for campaign_ids in found.values())
    of_label = {label: next(iter(campaign_ids)) for label, campaign_ids in found.items()}
    assert len(set(of_label.values())) == 5  # A, B, C, D, E: five campaigns
    for label in "CDE":
        campaign = campaigns[of_label[label]]  # type: ignore[index]
        assert campaign.kind != "translation" and not campaign.translations
        assert "translations" not in campaign.to_dict()
    merged = [rid for rid, label in truth.items() if label is None and result.campaign_of(rid)]
    assert merged == []
    assert result.parameters["translations"] is True


def test_letters_alone_translated_or_not():
    """Without other answers around them (concept weights from three groups only)."""

    def copies(text: str, count: int, prefix: str) -> list[dict[str, str]]:
        return [{"id": f"{prefix}{number}", "text": text} for number in range(count)]

    apart = find_campaigns(
        copies(LETTER_E, 5, "e") + copies(LETTER_C_FR, 4, "c") + copies(LETTER_D_FR, 3, "d")
    )
    assert sorted((c.kind, c.size) for c in apart.campaigns) == [
        ("exact", 3),
        ("exact", 4),
        ("exact", 5),
    ]
    joined = find_campaigns(copies(LETTER_A, 3, "a") + copies(LETTER_A_FR, 3, "f"))
    assert [(c.kind, c.size) for c in joined.campaigns] == [("translation", 6)]
    # A tie in records: the English letter is the canonical one.
    assert joined.campaigns[0].canonical == LETTER_A
    assert joined.campaigns[0].translations == {"fr": LETTER_A_FR}


def test_a_shared_boilerplate_sentence_does_not_make_a_translation():
    """Found by the pipeline's tests: two answers in each language, each pair sharing only the
    redacted contact sentence, which the other language's pair translates, and a first sentence
    on a close subject. Not one letter: no campaign (two pairs of two records)."""
    english = (
        "Elders need trauma counselling after they testify while funding keeps shrinking. "
        "Students struggle to reach translated forms in remote towns and nobody follows up. "
        "My name is [NAME], write to [EMAIL] or call [PHONE], postal code [POSTAL_CODE], my SIN "
        "is [SIN]."
    )
    french = (
        "Les aînés manquent de conseils juridiques après leur témoignage alors que le "
        "financement baisse. Les travailleuses manquent de conseils juridiques dans les villages "
        "alors que le financement baisse. Je m'appelle [NAME], écrivez à [EMAIL] ou au [PHONE], "
        "code postal [POSTAL_CODE], mon NAS est [SIN]."
    )
    records = [{"id": f"e{number}", "text": english} for number in range(2)]
    records += [{"id": f"f{number}", "text": french} for number in range(2)]
    assert find_campaigns(records).campaigns == ()


def test_translations_can_be_left_apart():
    records, truth = translation_fixture()
    result = find_campaigns(records, translations=False)
    found = _found(truth, result)
    assert found["A"] != found["B"]
    assert len(found["A"]) == 2  # the English and the French letters, apart
    assert all(campaign.kind != "translation" for campaign in result.campaigns)


def test_translation_campaigns_are_deterministic(translated):
    records, _, result = translated
    first = json.dumps(result.to_dict(), sort_keys=True)
    shuffled = list(records)
    random.Random(5).shuffle(shuffled)
    assert json.dumps(find_campaigns(shuffled).to_dict(), sort_keys=True) == first


def test_translation_campaigns_do_not_depend_on_the_hash_seed(tmp_path):
    script = (
        "import json, sys\n"
        "sys.path.insert(0, 'tests/analysis')\n"
        "from test_campaigns import translation_fixture\n"
        "from heard.analysis.engine.campaigns import find_campaigns\n"
        "records, _ = translation_fixture()\n"
        "print(json.dumps(find_campaigns(records).to_dict(), sort_keys=True))\n"
    )
    outputs = outputs_under_hash_seeds(script)
    assert outputs[0] == outputs[1]
    assert '"translation"' in outputs[0]


# --- Reworded copies, mail merges, and the canonical member's own words ---------------------------

LETTER = (
    "I am writing about the families who wait months for a place in a shelter. "
    "Our town has one small house for women leaving violence and it is always full. "
    "Outreach workers drive people two hours south because nothing closer is open. "
    "Please fund more beds in rural areas and keep the money coming every year. "
    "The people who run these programs should not have to beg for them each spring."
)
SWAPS = {
    "families": "households",
    "wait": "linger",
    "months": "ages",
    "small": "little",
    "always": "constantly",
    "full": "packed",
    "drive": "take",
    "closer": "nearer",
    "fund": "finance",
    "rural": "country",
    "money": "funds",
    "beg": "plead",
    "programs": "services",
    "spring": "year",
    "violence": "abuse",
    "people": "folks",
}


def _reworded(rng: random.Random, share: float) -> str:
    words = LETTER.split(" ")
    swappable = [i for i, w in enumerate(words) if w.strip(".") in SWAPS]
    for i in rng.sample(swappable, round(len(words) * share)):
        bare = words[i].strip(".")
        words[i] = words[i].replace(bare, SWAPS[bare])
    return " ".join(words)


def test_copies_with_a_fifth_of_their_words_swapped_for_synonyms_are_one_campaign():
    rng = random.Random(3)
    records = [{"id": f"c{n}", "text": _reworded(rng, 0.15 + 0.05 * (n % 2))} for n in range(8)]
    records += [
        {"id": f"g{n}", "text": f"We need {w} in our region. It has been a hard year for us."}
        for n, w in enumerate(["beds", "shelters", "housing", "funding"])
    ]
    result = find_campaigns(records)
    assert [sorted(c.members) for c in result.campaigns] == [[f"c{n}" for n in range(8)]]
    assert find_campaigns(records, reworded=False).campaigns == () or all(
        c.size < 8 for c in find_campaigns(records, reworded=False).campaigns
    )


def test_reworded_copies_add_none_of_the_letters_words_and_keep_their_own():
    # Five of a sentence's twelve words swapped take it to a Jaccard of 0.41 with the letter's:
    # still the letter's. A sentence of the writer's own that shares words with a letter
    # sentence the copy also holds (0.37 here) stays the writer's.
    swapped = LETTER.replace(
        "Outreach workers drive people two hours south because nothing closer is open.",
        "Street workers take folks two hours down because nothing nearer is open.",
    )
    own = "Families in our town wait for a place in a shelter that never comes."
    records = [{"id": f"c{n}", "text": LETTER} for n in range(4)]
    records += [{"id": "swapped", "text": swapped}, {"id": "own", "text": f"{swapped} {own}"}]
    (campaign,) = find_campaigns(records).campaigns
    assert sorted(campaign.members) == ["c0", "c1", "c2", "c3", "own", "swapped"]
    assert campaign.added_text["swapped"] == ""
    assert campaign.added_text["own"] == own


def test_two_sentence_answers_worded_alike_are_not_a_campaign():
    # People agreeing in the same words: too short to be a letter, even one word apart.
    records = [
        {"id": w, "text": f"We need more shelter {w} in the north. Police need better training."}
        for w in ("beds", "spaces", "places", "rooms")
    ]
    assert find_campaigns(records).campaigns == ()


def test_a_mail_merge_is_a_template_even_when_its_copies_are_near_alike():
    merged = [
        {
            "id": f"m{n}",
            "text": f"My name is {name} and I live in {town}. {LETTER} Our shelter turned away "
            f"{count} women last year.",
        }
        for n, (name, town, count) in enumerate(
            [
                ("Ann Lee", "Dauphin", 40),
                ("Bo Chen", "Flin Flon", 12),
                ("Cy Roy", "Amos", 7),
                ("Di Fox", "Gander", 31),
                ("Ed Hay", "Alma", 66),
            ]
        )
    ]
    (campaign,) = find_campaigns(merged).campaigns
    assert campaign.size == 5 and campaign.kind == "template"


def test_the_member_whose_copy_is_canonical_keeps_the_words_it_added():
    own = "I was turned away twice with my two children in the middle of winter."
    # The copy with the added sentence has the most copies (four), so it is the central text;
    # the letter alone comes three times (case aside), edited once.
    records = [{"id": f"own{n}", "text": f"{LETTER} {own}"} for n in range(4)]
    records += [{"id": "x0", "text": LETTER}, {"id": "x1", "text": LETTER.lower()}]
    records += [{"id": "x2", "text": LETTER.upper()}]
    records += [{"id": "edited", "text": LETTER.replace("two hours", "three hours")}]
    (campaign,) = find_campaigns(records).campaigns
    assert campaign.added_text["own0"] == own
    assert own not in campaign.canonical and campaign.canonical.startswith("I am writing")
    assert campaign.added_text["x0"] == "" and campaign.added_text["edited"] == ""


def test_cognates_meet_across_languages():
    from heard.analysis.engine.crosslang import cognate

    pairs = [
        ("organization", "organisation"),
        ("strategy", "strategi"),
        ("security", "securit"),
        ("public", "publiqu"),
        ("director", "directeur"),
        ("necessary", "necessair"),
        ("negativ", "negatif"),
    ]
    for english, french in pairs:
        assert cognate(english) == cognate(french), (english, french)
    assert cognate("pas") == "pas" and cognate("but") != cognate("butte")


FREE_EN = (
    "Our coalition documents the vulnerability of seasonal agricultural workers in the Niagara "
    "region. Their accommodation is often overcrowded and their contracts are opaque. We "
    "recommend a systematic inspection of every bunkhouse and an independent ombudsperson for "
    "migrant workers. The federal program should also finance legal clinics specialised in "
    "labour exploitation, with interpreters available in Spanish and Tagalog."
)
FREE_FR = (
    "Notre coalition documente la vulnérabilité des travailleurs agricoles saisonniers de la "
    "région de Niagara. Leur hébergement est souvent surpeuplé, et leurs contrats demeurent "
    "opaques. Nous recommandons une inspection systématique de chaque dortoir ainsi qu'un "
    "ombudsman indépendant pour les travailleurs migrants. Le programme fédéral devrait aussi "
    "financer des cliniques juridiques spécialisées en exploitation de la main-d'œuvre, avec "
    "des interprètes en espagnol et en tagalog."
)


def test_a_letter_translated_freely_is_one_campaign_with_its_original():
    rng = random.Random(11)
    records = [{"id": f"en{n}", "text": restyle(rng, FREE_EN)} for n in range(6)]
    records += [{"id": f"fr{n}", "text": restyle(rng, FREE_FR)} for n in range(4)]
    records += [
        {"id": f"g{n}", "text": genuine_answer(rng, ("en", "fr")[n % 2])} for n in range(60)
    ]
    campaigns = find_campaigns(records).campaigns
    assert len(campaigns) == 1
    assert sorted(campaigns[0].members) == sorted(
        [f"en{n}" for n in range(6)] + [f"fr{n}" for n in range(4)]
    )
    assert campaigns[0].kind == "translation"
