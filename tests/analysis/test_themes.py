"""Themes: three bilingual topics written from sentence banks, found again without being told.

A seeded generator writes answers about winter road maintenance, library opening hours and child
care, in English and in French, each from two to four sentences of its topic's bank and
sometimes a sentence that any answer could hold. The themes found are compared with the topics.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zlib
from collections import Counter

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from heard.analysis.engine import themes
from heard.analysis.engine.themes import ThemeModel, find_themes

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

TOPICS: dict[str, dict[str, list[str]]] = {
    "roads": {
        "en": [
            "Snow removal on residential streets takes far too long after a storm.",
            "The snow plows leave huge snowbanks at the end of our driveway.",
            "Sidewalks stay icy for weeks and nobody spreads salt or sand on them.",
            "Please clear the snow from bus stops and sidewalks before the main roads.",
            "Our street was not plowed for three days after the last snowfall.",
            "Icy roads in winter cause accidents at the intersection near the school.",
            "More salt on the roads is needed when the temperature drops below freezing.",
            "Winter road maintenance should start earlier in the morning.",
            "The snow plow damaged my fence and the city never repaired it.",
            "Snow clearing crews do a good job on highways but forget the small streets.",
            "Elderly residents cannot walk on sidewalks covered with ice and snow.",
            "The roads are full of potholes after every winter.",
        ],
        "fr": [
            "Le déneigement des rues résidentielles prend beaucoup trop de temps après une tempête.",
            "Les chasse-neige laissent d'énormes bancs de neige au bout de notre entrée.",
            "Les trottoirs restent glacés pendant des semaines et personne n'épand de sel ni de sable.",
            "Veuillez enlever la neige des arrêts d'autobus et des trottoirs avant les grandes routes.",
            "Notre rue n'a pas été déneigée pendant trois jours après la dernière chute de neige.",
            "Les routes glacées en hiver causent des accidents à l'intersection près de l'école.",
            "Il faut plus de sel sur les routes quand la température descend sous zéro.",
            "L'entretien des routes en hiver devrait commencer plus tôt le matin.",
            "La déneigeuse a endommagé ma clôture et la ville ne l'a jamais réparée.",
            "Les équipes de déneigement font du bon travail sur l'autoroute mais oublient les petites rues.",
            "Les personnes âgées ne peuvent pas marcher sur les trottoirs couverts de glace et de neige.",
            "Les routes sont pleines de nids-de-poule après chaque hiver.",
        ],
    },
    "library": {
        "en": [
            "The library should stay open later in the evening on weekdays.",
            "Opening hours at the public library do not suit people who work all day.",
            "Please open the library on Sunday afternoons for families.",
            "The branch library closes at five, which is too early for students.",
            "Longer library hours during exams would help students study.",
            "The library is closed on Mondays and that is when I am free.",
            "I would like the library to open earlier in the morning.",
            "Reduced opening hours at our library branch hurt children and seniors.",
            "The library needs more staff so it can stay open longer.",
            "Extended library hours in the summer would be welcome.",
            "The books and computers at the library are useless if the doors are closed.",
            "Our library opening hours were cut last year and should be restored.",
        ],
        "fr": [
            "La bibliothèque devrait rester ouverte plus tard le soir en semaine.",
            "Les heures d'ouverture de la bibliothèque publique ne conviennent pas aux gens qui travaillent.",
            "Veuillez ouvrir la bibliothèque le dimanche après-midi pour les familles.",
            "La bibliothèque de quartier ferme à cinq heures, ce qui est trop tôt pour les étudiants.",
            "Des heures d'ouverture plus longues pendant les examens aideraient les étudiants.",
            "La bibliothèque est fermée le lundi et c'est justement mon jour de congé.",
            "J'aimerais que la bibliothèque ouvre plus tôt le matin.",
            "La réduction des heures d'ouverture de notre bibliothèque nuit aux enfants et aux aînés.",
            "La bibliothèque a besoin de plus de personnel pour rester ouverte plus longtemps.",
            "Des heures prolongées à la bibliothèque pendant l'été seraient bienvenues.",
            "Les livres et les ordinateurs de la bibliothèque ne servent à rien si les portes sont fermées.",
            "Les heures d'ouverture de notre bibliothèque ont été réduites l'an dernier et devraient être rétablies.",
        ],
    },
    "childcare": {
        "en": [
            "There are not enough child care spaces in our town.",
            "We waited two years on a waiting list for a daycare place.",
            "Child care costs more than our rent and parents cannot afford it.",
            "Affordable child care would let mothers go back to work.",
            "Daycare centres need more educators and better wages.",
            "Parents who work nights cannot find child care near home.",
            "Subsidised daycare spaces should go first to low-income families.",
            "My children are on three waiting lists for child care.",
            "Home daycares need more support and regular inspections.",
            "The cost of child care keeps families from having a second child.",
            "Early childhood educators leave because the pay is too low.",
            "Without child care I had to quit my job.",
        ],
        "fr": [
            "Il n'y a pas assez de places en garderie dans notre ville.",
            "Nous avons attendu deux ans sur une liste d'attente pour une place en garderie.",
            "Les frais de garde coûtent plus cher que notre loyer et les parents n'en ont pas les moyens.",
            "Des services de garde abordables permettraient aux mères de retourner au travail.",
            "Les garderies ont besoin de plus d'éducatrices et de meilleurs salaires.",
            "Les parents qui travaillent la nuit ne trouvent pas de service de garde près de chez eux.",
            "Les places subventionnées devraient aller d'abord aux familles à faible revenu.",
            "Mes enfants sont sur trois listes d'attente pour une garderie.",
            "Les garderies en milieu familial ont besoin de plus de soutien et d'inspections.",
            "Le coût de la garde empêche des familles d'avoir un deuxième enfant.",
            "Les éducatrices à la petite enfance partent parce que le salaire est trop bas.",
            "Sans service de garde, j'ai dû quitter mon emploi.",
        ],
    },
}
GENERIC = {
    "en": [
        "I have lived in this neighbourhood for many years.",
        "Thank you for asking residents what they think.",
        "This is important for our community.",
        "I hope the council will listen this time.",
    ],
    "fr": [
        "J'habite ce quartier depuis de nombreuses années.",
        "Merci de demander l'avis des résidents.",
        "C'est important pour notre communauté.",
        "J'espère que le conseil écoutera cette fois-ci.",
    ],
}
UNRELATED = {
    "en": "The new tax on imported cheese makes groceries expensive for retired farmers.",
    "fr": "La nouvelle taxe sur les fromages importés rend l'épicerie chère pour les agriculteurs retraités.",
}


def make_corpus(
    seed: int = 7, per_topic: int = 40
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Ids, texts, languages and true topics: `per_topic` distinct answers per topic, both languages."""
    rng = random.Random(seed)
    ids: list[str] = []
    texts: list[str] = []
    languages: list[str] = []
    truth: list[str] = []
    seen: set[str] = set()
    for topic, banks in TOPICS.items():
        made = 0
        while made < per_topic:
            language = ("en", "fr")[made % 2]
            sentences = rng.sample(banks[language], rng.randint(2, 4))
            if rng.random() < 0.4:
                sentences.insert(rng.randint(0, len(sentences)), rng.choice(GENERIC[language]))
            text = " ".join(sentences)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            ids.append(f"{topic[0]}{made:03d}")
            texts.append(text)
            languages.append(language)
            truth.append(topic)
    order = list(range(len(texts)))
    rng.shuffle(order)
    return (
        [ids[i] for i in order],
        [texts[i] for i in order],
        [languages[i] for i in order],
        [truth[i] for i in order],
    )


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str], list[str], list[str]]:
    return make_corpus()


@pytest.fixture(scope="module")
def found(
    corpus: tuple[list[str], list[str], list[str], list[str]],
) -> tuple[ThemeModel, list[str | None]]:
    ids, texts, languages, _ = corpus
    return find_themes(ids, texts, languages)


# Words of each topic in each language: a key phrase "on topic" holds one of them.
TOPIC_WORDS = {
    "roads": {
        "en": "snow plow plows sidewalk sidewalks ice icy salt sand road roads street streets "
        "winter snowbank snowbanks driveway storm snowfall pothole potholes highways",
        "fr": "déneigement neige chasse-neige trottoir trottoirs glace glacés sel sable route "
        "routes rue rues hiver déneigée déneigeuse nids-de-poule tempête autoroute",
    },
    "library": {
        "en": "library libraries hours opening open closed closes evening weekdays branch "
        "students books",
        "fr": "bibliothèque heures ouverture ouverte fermée soir semaine étudiants ouvre "
        "prolongées livres",
    },
    "childcare": {
        "en": "child children childhood care daycare daycares spaces waiting list lists cost "
        "costs parents educators",
        "fr": "garderie garderies garde places attente liste listes enfants enfance frais "
        "éducatrices parents coût",
    },
}
# Words that name one topic only, in one language only.
CORE_WORDS = {
    "roads": {"en": {"snow", "roads", "sidewalks"}, "fr": {"neige", "routes", "trottoirs"}},
    "library": {"en": {"library"}, "fr": {"bibliothèque"}},
    "childcare": {"en": {"daycare", "child"}, "fr": {"garderie", "garde"}},
}


def phrase_words(phrase: str) -> set[str]:
    return set(phrase.lower().replace("'", " ").split())


def majority(labels: list[str | None]) -> str | None:
    return Counter(labels).most_common(1)[0][0]


def theme_topics(corpus, assigned) -> dict[str, str]:
    """Each theme's majority topic."""
    _, _, _, truth = corpus
    members: dict[str, list[str]] = {}
    for theme, topic in zip(assigned, truth, strict=True):
        if theme is not None:
            members.setdefault(theme, []).append(topic)
    return {theme: majority(topics) for theme, topics in members.items()}


def run_json(ids, texts, languages, **options) -> str:
    model, assigned = find_themes(ids, texts, languages, **options)
    return json.dumps({"model": model.to_dict(), "assigned": assigned}, sort_keys=True)


def test_topics_become_themes(corpus, found) -> None:
    _, texts, _, truth = corpus
    model, assigned = found
    placed = [i for i, theme in enumerate(assigned) if theme is not None]
    assert len(placed) >= 0.9 * len(texts)
    assert adjusted_rand_score([truth[i] for i in placed], [assigned[i] for i in placed]) >= 0.8
    assert len(model.themes) == 3
    assert [theme.id for theme in model.themes] == ["T01", "T02", "T03"]
    sizes = [theme.size for theme in model.themes]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == len(placed)


def test_english_and_french_of_a_topic_share_a_theme(corpus, found) -> None:
    _, _, languages, truth = corpus
    _, assigned = found
    for topic in TOPICS:
        rows = list(zip(assigned, truth, languages, strict=True))
        english = majority(
            [theme for theme, t, language in rows if t == topic and language == "en"]
        )
        french = majority([theme for theme, t, language in rows if t == topic and language == "fr"])
        assert english is not None
        assert english == french, topic
    model, _ = found
    for theme in model.themes:
        assert theme.languages["en"] >= 0.3 * theme.size
        assert theme.languages["fr"] >= 0.3 * theme.size


def test_key_phrases_are_on_topic_in_each_language(corpus, found) -> None:
    model, assigned = found
    topics = theme_topics(corpus, assigned)
    for theme in model.themes:
        topic = topics[theme.id]
        for language in ("en", "fr"):
            phrases = theme.key_phrases[language]
            assert 3 <= len(phrases) <= 8, (theme.id, language, phrases)
            assert len(set(phrases)) == len(phrases)
            # The three most distinctive phrases each hold a word of the topic, in the language.
            for phrase in phrases[:3]:
                assert phrase_words(phrase) & set(TOPIC_WORDS[topic][language].split()), phrase
            # No phrase names another topic, nor a word of the other language.
            other = "fr" if language == "en" else "en"
            for phrase in phrases:
                for name, core in CORE_WORDS.items():
                    assert not phrase_words(phrase) & core[other], (phrase, language)
                    if name != topic:
                        assert not phrase_words(phrase) & core[language], (phrase, topic)
        # Readable: French phrases as written, accents kept.
        assert any(set(phrase) & set("éèêàç") for phrase in theme.key_phrases["fr"])
    # At least one theme's phrases include a phrase of two words or more.
    assert any(" " in phrase for theme in model.themes for phrase in theme.key_phrases["en"])


def test_no_french_phrases_for_a_theme_without_french(corpus) -> None:
    ids, texts, languages, truth = corpus
    kept = [i for i in range(len(ids)) if not (truth[i] == "library" and languages[i] == "fr")]
    model, assigned = find_themes(
        [ids[i] for i in kept], [texts[i] for i in kept], [languages[i] for i in kept]
    )
    assert len(model.themes) == 3
    library = majority([assigned[n] for n, i in enumerate(kept) if truth[i] == "library"])
    theme = next(theme for theme in model.themes if theme.id == library)
    assert theme.languages == {"en": 20}
    assert theme.key_phrases["fr"] == []
    assert "library" in theme.key_phrases["en"]


def test_placeholders_are_not_words(corpus, found) -> None:
    ids, texts, languages, _ = corpus
    model, _ = found
    assert model.assign(["[NAME] [NAME], [EMAIL], [PHONE]."], ["en"]) == [None]
    # A name redacted in answers on different topics does not pull them together.
    named = [text + " Signed, [NAME]." if i % 2 else text for i, text in enumerate(texts)]
    _, assigned = find_themes(ids, named, languages)
    assert assigned == found[1]


def test_examples_are_central_varied_members(corpus, found) -> None:
    ids, _, languages, _ = corpus
    model, assigned = found
    theme_of = dict(zip(ids, assigned, strict=True))
    language_of = dict(zip(ids, languages, strict=True))
    for theme in model.themes:
        assert 1 <= len(theme.examples) <= 5
        assert len(set(theme.examples)) == len(theme.examples)
        assert all(theme_of[example] == theme.id for example in theme.examples)
        assert {language_of[example] for example in theme.examples} == {"en", "fr"}


def test_same_seed_same_output_and_order_does_not_matter(corpus, found) -> None:
    ids, texts, languages, _ = corpus
    model, assigned = found
    again, assigned_again = find_themes(ids, texts, languages)
    assert again.to_dict() == model.to_dict()
    assert assigned_again == assigned
    order = list(range(len(ids)))
    random.Random(3).shuffle(order)
    shuffled, assigned_shuffled = find_themes(
        [ids[i] for i in order], [texts[i] for i in order], [languages[i] for i in order]
    )
    assert shuffled.to_dict() == model.to_dict()
    assert dict(zip([ids[i] for i in order], assigned_shuffled, strict=True)) == dict(
        zip(ids, assigned, strict=True)
    )


def test_same_output_under_any_hash_seed_and_thread_count(corpus, tmp_path) -> None:
    ids, texts, languages, _ = corpus
    (tmp_path / "input.json").write_text(json.dumps([ids, texts, languages]), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from heard.analysis.engine.themes import find_themes\n"
        "ids, texts, languages = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "model, assigned = find_themes(ids, texts, languages)\n"
        "print(json.dumps({'model': model.to_dict(), 'assigned': assigned}, sort_keys=True))\n"
    )
    runs = []
    for hash_seed, threads in (("0", "1"), ("4242", "4")):  # run side by side
        environment = {
            **os.environ,
            "PYTHONHASHSEED": hash_seed,
            "OMP_NUM_THREADS": threads,
            "OPENBLAS_NUM_THREADS": threads,
        }
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", script, str(tmp_path / "input.json")],
                stdout=subprocess.PIPE,
                text=True,
                env=environment,
            )
        )
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) == json.loads(run_json(ids, texts, languages))


def test_weights_count_in_size_not_in_distinct(corpus, found) -> None:
    ids, texts, languages, _ = corpus
    model, assigned = found
    campaign = next(i for i, theme in enumerate(assigned) if theme is not None)
    weights = [1] * len(texts)
    weights[campaign] = 250
    weighted, assigned_weighted = find_themes(ids, texts, languages, weights=weights)
    assert assigned_weighted == assigned  # a campaign counts once in the shape of the themes
    before = {theme.id: theme for theme in model.themes}
    for theme in weighted.themes:
        grown = 249 if theme.id == assigned[campaign] else 0
        assert theme.size == before[theme.id].size + grown
        assert theme.distinct == before[theme.id].distinct
        assert (
            theme.languages[languages[campaign]]
            == before[theme.id].languages[languages[campaign]] + grown
        )


def test_duplicate_texts_count_once_in_distinct(corpus, found) -> None:
    ids, texts, languages, _ = corpus
    model, assigned = found
    copy = next(i for i, theme in enumerate(assigned) if theme is not None)
    more, assigned_more = find_themes(
        [*ids, "copy-1", "copy-2"],
        [*texts, texts[copy], texts[copy]],
        [*languages, languages[copy], languages[copy]],
    )
    assert assigned_more == [*assigned, assigned[copy], assigned[copy]]
    theme = next(theme for theme in more.themes if theme.id == assigned[copy])
    original = next(theme for theme in model.themes if theme.id == assigned[copy])
    assert (theme.size, theme.distinct) == (original.size + 2, original.distinct)


def test_model_places_new_texts(corpus, found) -> None:
    _, texts, languages, _ = corpus
    model, assigned = found
    assert model.assign(texts, languages) == assigned
    topic_theme = {topic: theme for theme, topic in theme_topics(corpus, assigned).items()}
    new = [
        ("roads", "en", "After every storm the snow plows come late and the sidewalks stay icy."),
        (
            "roads",
            "fr",
            "Après la tempête, les trottoirs sont restés couverts de glace et de neige.",
        ),
        ("library", "en", "Please keep the library open on Sunday evenings for students."),
        ("library", "fr", "La bibliothèque devrait ouvrir le dimanche soir pour les étudiants."),
        ("childcare", "en", "Parents need affordable child care spaces close to work."),
        (
            "childcare",
            "fr",
            "Les parents ont besoin de places en garderie abordables près du travail.",
        ),
    ]
    placed = model.assign([text for _, _, text in new], [language for _, language, _ in new])
    assert placed == [topic_theme[topic] for topic, _, _ in new]
    assert (
        model.assign([UNRELATED["en"], UNRELATED["fr"], "", "OK"], ["en", "fr", "und", "und"])
        == [None] * 4
    )


@pytest.mark.parametrize(
    ("usable", "max_themes", "expected"),
    [
        (15, 30, 1),  # too few for three themes of ten
        (25, 30, 2),
        (100, 30, 3),  # the floor: a small consultation still gets three candidates
        (400, 30, 10),  # one per 40 texts
        (1_000, 30, 25),
        (2_000, 30, 30),  # the ceiling
        (2_000, 12, 12),
        (400, 1, 1),
    ],
)
def test_the_number_of_themes_follows_the_number_of_texts(usable, max_themes, expected) -> None:
    assert themes._theme_count(usable, max_themes) == expected


def test_large_input_path_fits_on_a_sample_then_places_every_text(corpus, monkeypatch) -> None:
    """What 500,000 texts go through, made small: fit on a sample, place the rest in batches."""
    ids, texts, languages, truth = corpus
    monkeypatch.setattr(themes, "_SAMPLE", 70)
    monkeypatch.setattr(themes, "_BATCH", 16)
    model, assigned = find_themes(ids, texts, languages)
    assert model.parameters["sample"] == 70
    assert model.assign(texts, languages) == assigned
    placed = [i for i, theme in enumerate(assigned) if theme is not None]
    assert len(placed) >= 0.8 * len(texts)
    assert adjusted_rand_score([truth[i] for i in placed], [assigned[i] for i in placed]) >= 0.7
    counts = Counter(theme for theme in assigned if theme is not None)
    assert {theme.id: theme.size for theme in model.themes} == dict(counts)
    assert all(theme.size >= 5 for theme in model.themes)
    assert find_themes(ids, texts, languages)[0].to_dict() == model.to_dict()


def test_unrelated_text_is_noise(corpus) -> None:
    ids, texts, languages, _ = corpus
    _, assigned = find_themes(
        [*ids, "odd-en", "odd-fr"],
        [*texts, UNRELATED["en"], UNRELATED["fr"]],
        [*languages, "en", "fr"],
    )
    assert assigned[-2:] == [None, None]


def test_small_groups_are_not_themes(corpus) -> None:
    ids, texts, languages, _ = corpus
    model, assigned = find_themes(ids, texts, languages, min_size=100)
    assert model.themes == []
    assert assigned == [None] * len(texts)


@pytest.mark.parametrize("size", [0, 1, 3])
def test_tiny_inputs_have_no_themes(corpus, size) -> None:
    ids, texts, languages, _ = corpus
    model, assigned = find_themes(ids[:size], texts[:size], languages[:size])
    assert model.themes == []
    assert assigned == [None] * size
    assert model.assign(texts[:2], languages[:2]) == [None, None]
    json.dumps(model.to_dict())


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        find_themes(["a"], ["text", "other"], ["en", "en"])
    with pytest.raises(ValueError):
        find_themes(["a"], ["text"], ["en"], weights=[-1])


def test_to_dict_is_json_and_says_how(found) -> None:
    model, _ = found
    data = json.loads(json.dumps(model.to_dict()))
    assert data["parameters"]["seed"] == 2018
    assert data["parameters"]["themes"] == len(data["themes"])
    assert {"id", "size", "distinct", "key_phrases", "examples", "languages"} <= set(
        data["themes"][0]
    )


# --- with the texts' meaning ---------------------------------------------------------------------

# Words that no lexicon joins: each topic's English and French answers share no concept, so
# words alone can only split them by language. Their vectors (made here, not by the model) are
# the topic's direction plus a large direction of the language, as a multilingual model's are.
UNJOINED = {
    "first": (
        "glimber snorvel truppet wexlin dravosk",
        "brouchet fandrille quimelot sarvène tiguol",
    ),
    "second": (
        "plonkit zadrow merribax tulvenk hosprag",
        "vaudrelle pichonnet graumide lostrève bicanne",
    ),
    "third": (
        "yoxter brindlemop cazzifer nodwell ruspin",
        "fleurdain morvillet chapotre grisanne pluvelot",
    ),
}


def unjoined_corpus(seed: int = 3) -> tuple[list[str], list[str], list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    topics = sorted(UNJOINED)
    directions = rng.normal(size=(len(topics) + 2, 64))
    texts, languages, truth, vectors = [], [], [], []
    for number, topic in enumerate(topics):
        for language, bank in zip(("en", "fr"), UNJOINED[topic], strict=True):
            words = bank.split()
            for _ in range(30):
                picked = rng.choice(words, size=4)
                texts.append(" ".join(picked))
                languages.append(language)
                truth.append(topic)
                offset = directions[len(topics) + (language == "fr")]
                # The noise depends on the text alone, as a model's vector does.
                own = np.random.default_rng(zlib.crc32(texts[-1].encode())).normal(size=64)
                vectors.append(directions[number] + 2.5 * offset + 0.3 * own)
    vectors_array = np.array(vectors)
    vectors_array /= np.linalg.norm(vectors_array, axis=1, keepdims=True)
    return texts, languages, truth, vectors_array


def language_mix(assigned, languages) -> list[set[str]]:
    members: dict[str, set[str]] = {}
    for theme, language in zip(assigned, languages, strict=True):
        if theme is not None:
            members.setdefault(theme, set()).add(language)
    return list(members.values())


def test_with_meaning_english_and_french_words_no_lexicon_joins_share_a_theme() -> None:
    texts, languages, truth, vectors = unjoined_corpus()
    ids = [f"u{i:03d}" for i in range(len(texts))]

    def joined(assigned, topic: str) -> bool:
        rows = [i for i, t in enumerate(truth) if t == topic]
        english = majority([assigned[i] for i in rows if languages[i] == "en"])
        return english is not None and english == majority(
            [assigned[i] for i in rows if languages[i] == "fr"]
        )

    # Three themes for three topics, so that none has to be cut.
    _, by_words = find_themes(ids, texts, languages, max_themes=3)
    # Words alone: no topic's English and French answers meet (no lexicon joins these words).
    assert not any(joined(by_words, topic) for topic in UNJOINED)
    model, by_meaning = find_themes(ids, texts, languages, vectors=vectors, max_themes=3)
    assert model.reads_meaning and "meaning" in model.parameters["features"]
    assert not find_themes(ids, texts, languages)[0].reads_meaning
    # With meaning, centred per language: each topic's answers in both languages in one theme,
    # and no theme of one language only.
    assert all(joined(by_meaning, topic) for topic in UNJOINED)
    assert all(mix == {"en", "fr"} for mix in language_mix(by_meaning, languages))


def test_a_model_found_with_meaning_places_new_texts_by_their_vectors_only() -> None:
    texts, languages, _, vectors = unjoined_corpus()
    ids = [f"u{i:03d}" for i in range(len(texts))]
    model, assigned = find_themes(ids, texts, languages, vectors=vectors)
    assert model.assign(texts, languages, vectors) == assigned
    with pytest.raises(ValueError, match="meaning"):
        model.assign(texts[:2], languages[:2])
    with pytest.raises(ValueError, match="differ in length"):
        find_themes(ids, texts, languages, vectors=vectors[:5])
    # Input order and copies change nothing, with vectors as without.
    order = list(reversed(range(len(texts))))
    again, _ = find_themes(
        [ids[i] for i in order],
        [texts[i] for i in order],
        [languages[i] for i in order],
        vectors=vectors[order],
    )
    assert again.to_dict() == model.to_dict()


def test_with_meaning_an_answer_without_words_is_in_no_theme() -> None:
    texts, languages, _, vectors = unjoined_corpus()
    ids = [f"u{i:03d}" for i in range(len(texts))]
    model, _ = find_themes(ids, texts, languages, vectors=vectors, max_themes=3)
    # The model gives an empty text a zero vector; centring must not turn it into a direction
    # (the mean's opposite), which a theme could then be close to.
    space = model._space
    features = space.features(
        themes._Hasher().counts([[], []]), np.zeros((2, vectors.shape[1])), ["en", "fr"]
    )
    assert not features.any()
    assert model.assign(["", "  "], ["en", "fr"], np.zeros((2, vectors.shape[1]))) == [None, None]
