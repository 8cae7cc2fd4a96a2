"""English/French identification: measured accuracy on bilingual fixtures, "und", mixed text."""

from __future__ import annotations

import json

import pytest

from heard.analysis.engine.language import (
    Detection,
    detect,
    detect_record,
    detect_sentences,
    sentences,
)

# Short answers of the kind a consultation on human trafficking receives, written for these tests.
ENGLISH = [
    "Survivors need safe housing that is available the same night.",
    "We need more funding for front-line organizations in rural areas.",
    "Police officers should be trained to recognize the signs of labour trafficking.",
    "Many victims do not trust the authorities and will not come forward.",
    "Indigenous women and girls are overrepresented among those who are exploited.",
    "The consultation should include people with lived experience from the start.",
    "Temporary foreign workers are often afraid of losing their status.",
    "Prosecutions are rare because cases depend too much on victim testimony.",
    "Hotels and truck stops could help by training their staff.",
    "There is no coordinated response between the provinces and Ottawa.",
    "Youth in care are targeted online by recruiters posing as boyfriends.",
    "Shelters in our region turn people away every single week.",
    "Counselling must be long-term, trauma-informed and free of charge.",
    "Data on trafficking is incomplete and hard to compare across jurisdictions.",
    "Banks can flag suspicious transactions linked to sexual exploitation.",
    "A national hotline has made a real difference for our clients.",
    "Employers who exploit migrant workers rarely face any penalty.",
    "Schools should teach teenagers how grooming works before it happens.",
    "I am a survivor and I was never told about my rights.",
    "Partnerships with community groups were the most helpful part of the summit.",
    "Legal aid for victims is almost impossible to get in the north.",
    "It's hard to reach people who don't speak English or French.",
    "Our agency lacks interpreters for victims from overseas.",
    "Funding cycles of one year make it impossible to keep trained staff.",
    "The strategy should measure outcomes, not only activities.",
]

FRENCH = [
    "Les survivantes ont besoin d'un logement sécuritaire dès le premier soir.",
    "Il faut plus de financement pour les organismes communautaires en région.",
    "Les policiers devraient être formés à reconnaître la traite à des fins de travail forcé.",
    "Beaucoup de victimes ne font pas confiance aux autorités.",
    "Les femmes et les filles autochtones sont surreprésentées parmi les victimes.",
    "La consultation doit inclure des personnes ayant une expérience vécue.",
    "Les travailleurs étrangers temporaires craignent de perdre leur statut.",
    "Les poursuites sont rares parce qu'elles reposent sur le témoignage des victimes.",
    "Les hôtels et les relais routiers pourraient former leur personnel.",
    "Il n'y a aucune coordination entre les provinces et le fédéral.",
    "Les jeunes placés sont ciblés en ligne par des recruteurs.",
    "Les refuges de notre région refusent des personnes chaque semaine.",
    "L'accompagnement psychologique doit être gratuit et offert à long terme.",
    "Les données sur la traite sont incomplètes et difficiles à comparer.",
    "Les banques peuvent signaler des transactions liées à l'exploitation sexuelle.",
    "Une ligne d'urgence nationale a vraiment aidé nos clientes.",
    "Les employeurs qui exploitent des travailleurs migrants sont rarement punis.",
    "Les écoles devraient expliquer aux adolescents comment fonctionne le leurre.",
    "Je suis une survivante et personne ne m'a informée de mes droits.",
    "Les partenariats avec les groupes communautaires ont été très utiles au sommet.",
    "L'aide juridique pour les victimes est presque impossible à obtenir dans le Nord.",
    "Il est difficile de joindre les gens qui ne parlent ni anglais ni français.",
    "Notre organisme manque d'interprètes pour les victimes venues de l'étranger.",
    "Un financement annuel empêche de garder du personnel formé.",
    "La stratégie devrait mesurer les résultats et non seulement les activités.",
]

FIXTURES = [(text, "en") for text in ENGLISH] + [(text, "fr") for text in FRENCH]

# Everyday sentences on other subjects, written after the word lists and never used to tune them.
OFF_TOPIC = [
    ("My neighbour brought soup when I was sick last winter.", "en"),
    ("Public transit fares went up again this month.", "en"),
    ("Our library opens late on Thursdays now.", "en"),
    ("Drivers rarely stop for pedestrians at this corner.", "en"),
    ("I would like an answer by Friday, please.", "en"),
    ("Nobody told me the form had changed.", "en"),
    ("Kids played hockey on the frozen pond.", "en"),
    ("Snow removal was slow after the storm.", "en"),
    ("Mon voisin m'a apporté de la soupe quand j'étais malade.", "fr"),
    ("Le tarif du transport en commun a encore augmenté ce mois-ci.", "fr"),
    ("La bibliothèque ouvre tard le jeudi maintenant.", "fr"),
    ("Les conducteurs s'arrêtent rarement au coin de la rue.", "fr"),
    ("Je voudrais une réponse avant vendredi, s'il vous plaît.", "fr"),
    ("Personne ne m'a dit que le formulaire avait changé.", "fr"),
    ("Les enfants jouaient au hockey sur l'étang gelé.", "fr"),
    ("Le déneigement a été lent après la tempête.", "fr"),
]


def word_count(text: str) -> int:
    return len(text.split())


def test_fixtures_are_many_and_long_enough():
    assert len(FIXTURES) >= 40
    assert all(word_count(text) >= 6 for text, _ in FIXTURES)


def test_accuracy_on_bilingual_sentences(capsys):
    wrong = [
        (text, expected, detect(text))
        for text, expected in FIXTURES
        if detect(text).language != expected
    ]
    accuracy = 1 - len(wrong) / len(FIXTURES)
    with capsys.disabled():
        print(f"\nlanguage accuracy: {accuracy:.1%} on {len(FIXTURES)} sentences; wrong: {wrong}")
    assert accuracy >= 0.95, wrong


def test_accuracy_on_sentences_the_word_lists_were_not_tuned_on(capsys):
    wrong = [
        (text, detect(text)) for text, expected in OFF_TOPIC if detect(text).language != expected
    ]
    accuracy = 1 - len(wrong) / len(OFF_TOPIC)
    with capsys.disabled():
        print(f"\noff-topic accuracy: {accuracy:.1%} on {len(OFF_TOPIC)} sentences; wrong: {wrong}")
    assert accuracy >= 0.95, wrong


def test_clear_sentences_are_confident():
    confidences = [detect(text).confidence for text, _ in FIXTURES]
    assert min(confidences) >= 0.8
    assert all(0.0 <= value <= 1.0 for value in confidences)


@pytest.mark.parametrize("text", ["OK", "ok!", "123", "", "   ", "2018-03-05", "N/A", "???", "Q3"])
def test_undetermined_when_too_short_or_no_signal(text):
    assert detect(text) == Detection("und", 0.0)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Merci beaucoup", "fr"),
        ("Thank you for this", "en"),
        ("Oui, tout à fait.", "fr"),
        ("Yes, absolutely, we should.", "en"),
    ],
)
def test_short_but_clear(text, language):
    assert detect(text).language == language


@pytest.mark.parametrize(
    ("growing", "language"),
    [
        (
            [
                "Victims need",
                "Victims need housing and",
                "Victims need housing and counselling that they can trust.",
                "Victims need housing and counselling that they can trust. "
                "The services must also be available in rural areas and in the north.",
            ],
            "en",
        ),
        (
            [
                "Les victimes",
                "Les victimes ont besoin",
                "Les victimes ont besoin d'un logement et d'un soutien stable.",
                "Les victimes ont besoin d'un logement et d'un soutien stable. "
                "Les services doivent aussi être offerts dans les régions éloignées.",
            ],
            "fr",
        ),
    ],
)
def test_longer_clear_text_is_more_confident(growing, language):
    detections = [detect(text) for text in growing]
    assert all(detection.language == language for detection in detections)
    confidences = [detection.confidence for detection in detections]
    assert confidences == sorted(confidences)
    assert confidences[-1] > confidences[0]


def test_sentences_keep_abbreviations_together():
    text = (
        "M. Tremblay a parlé des refuges, p. ex. à Montréal. Mr. Smith agreed! "
        "Was it enough? No; more is needed.\nNouvelle ligne sans point"
    )
    assert sentences(text) == [
        "M. Tremblay a parlé des refuges, p. ex. à Montréal.",
        "Mr. Smith agreed!",
        "Was it enough?",
        "No;",
        "more is needed.",
        "Nouvelle ligne sans point",
    ]
    assert sentences("") == []
    assert sentences("Version 2.5 is out. Next.") == ["Version 2.5 is out.", "Next."]


def test_detect_sentences_pairs_each_sentence_with_its_language():
    result = detect_sentences("Survivors need housing now. Les refuges sont pleins.")
    assert [(text, detection.language) for text, detection in result] == [
        ("Survivors need housing now.", "en"),
        ("Les refuges sont pleins.", "fr"),
    ]


def test_mixed_record_has_sentence_spans():
    english = "We need more shelters in the north."
    french = "Les victimes ont besoin d'un accompagnement à long terme."
    text = f"{english}  {french}\nThank you."
    result = detect_record(text)

    assert result["mixed"] is True
    spans = result["sentences"]
    assert isinstance(spans, list)
    assert [(s["start"], s["end"], s["language"]) for s in spans] == [
        (0, len(english), "en"),
        (len(english) + 2, len(english) + 2 + len(french), "fr"),
        (len(english) + 3 + len(french), len(text), "en"),
    ]
    assert text[spans[1]["start"] : spans[1]["end"]] == french
    assert json.loads(json.dumps(result)) == result


def test_single_language_record_is_not_mixed():
    result = detect_record(
        "Les refuges sont pleins. Il faut plus de places pour les survivantes. OK."
    )
    assert result["language"] == "fr"
    assert result["mixed"] is False
    assert isinstance(result["confidence"], float)
    assert 0.9 <= result["confidence"] <= 1.0
    # A borrowed word or a short aside in the other language does not make a record mixed.
    assert detect_record("Great work. Merci! The summit in Toronto was useful.")["mixed"] is False


def test_undetermined_record():
    assert detect_record("OK") == {
        "language": "und",
        "confidence": 0.0,
        "mixed": False,
        "sentences": [{"start": 0, "end": 2, "language": "und", "confidence": 0.0}],
    }


def test_deterministic():
    text = " ".join(ENGLISH[:3] + FRENCH[:3])
    first = json.dumps(detect_record(text), sort_keys=True)
    assert all(json.dumps(detect_record(text), sort_keys=True) == first for _ in range(5))
    assert [detect(t) for t, _ in FIXTURES] == [detect(t) for t, _ in FIXTURES]
