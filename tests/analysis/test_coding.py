"""Coding (heard.analysis.engine.coding): the codebook prior, learning from examples, active
learning, the keyword baseline and the ``--coded`` file format. No database, no Django."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from heard.analysis.engine.codebook import Code, Codebook, load_codebook
from heard.analysis.engine.coding import (
    Assignment,
    Coder,
    keyword_baseline,
    read_coded,
    stem,
)
from heard.analysis.engine.records import RecordError
from tests.analysis.hashseed import outputs_under_hash_seeds

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "heard" / "examples" / "human-trafficking-2018" / "codebook.yaml"


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook(DEMO)


@pytest.fixture(scope="module")
def prior(codebook: Codebook) -> Coder:
    return Coder(codebook)


def codes_of(assignments: list[Assignment]) -> list[str]:
    return [assignment.code for assignment in assignments]


# --- Examples for learning: a code whose keywords never appear -------------------------------

# Answers about data and research that use none of its keywords (data, statistics, research,
# evidence, prevalence / données, statistiques, recherche, données probantes, prévalence).
DASHBOARD_EN = [
    "We built a dashboard to count cases in each region",
    "Our spreadsheet of every call is the only record we have",
    "Nobody keeps a tally of cases across provinces",
    "A national dashboard with monthly counts would tell us where to act",
    "The counts in each spreadsheet do not match from one agency to the next",
    "We tally every referral in a spreadsheet by hand",
]
DASHBOARD_FR = [
    "Nous avons monté un tableau de bord pour compter les cas dans chaque région",
    "Notre chiffrier des appels est le seul registre que nous avons",
    "Personne ne fait le décompte des cas entre les provinces",
    "Un tableau de bord national avec un décompte mensuel nous dirait où agir",
    "Les décomptes de chaque chiffrier ne concordent pas d'un organisme à l'autre",
]
OTHER = [
    ("There are not enough shelter beds for survivors in the North.", ["shelters-housing", "gap"]),
    ("Il manque de refuges pour les victimes en région.", ["shelters-housing", "gap"]),
    ("Police officers should be trained to identify victims.", ["frontline-training"]),
    (
        "Les policiers devraient recevoir une formation pour repérer les victimes.",
        ["frontline-training"],
    ),
    (
        "Recruiters increasingly use social media to lure teenagers.",
        ["online-recruitment", "trend"],
    ),
    ("De plus en plus de jeunes sont leurrés en ligne.", ["online-recruitment", "trend"]),
    ("Community groups need stable core funding, not short grants.", ["funding-ngos"]),
    ("Les organismes ont besoin d'un financement de base stable.", ["funding-ngos"]),
    ("Judges and prosecutors need training on coercion.", ["justice-training"]),
    ("Les juges connaissent mal la traite.", ["justice-training"]),
    ("Survivors want job training and a steady income.", ["economic-independence"]),
    ("Les survivantes veulent un emploi et un revenu stable.", ["economic-independence"]),
]


def training_set() -> tuple[list[str], list[list[str]]]:
    rng = random.Random(7)
    texts: list[str] = []
    labels: list[list[str]] = []
    for sentence in DASHBOARD_EN + DASHBOARD_FR:
        for ending in ("", " We have asked for years.", " Merci."):
            texts.append(sentence + "." + ending)
            labels.append(["data-research"])
    for sentence, keys in OTHER:
        for ending in ("", " Thank you.", " Merci de nous écouter.", " It matters."):
            texts.append(sentence + ending)
            labels.append(keys)
    order = list(range(len(texts)))
    rng.shuffle(order)
    return [texts[i] for i in order], [labels[i] for i in order]


@pytest.fixture(scope="module")
def trained(codebook: Codebook) -> Coder:
    texts, labels = training_set()
    return Coder(codebook, seed=2018).fit(texts, labels)


# --- The prior: the codebook alone -----------------------------------------------------------


def test_the_codebook_alone_finds_obvious_codes_in_english_and_french(prior: Coder) -> None:
    texts = [
        "Les refuges pour les survivantes sont toujours pleins dans le Nord.",
        "Increasingly, recruitment happens through social media.",
        "Il faudrait un financement stable pour les organismes communautaires.",
        "Judges and prosecutors do not understand how coercion works.",
        "Thank you.",
    ]
    assigned = [codes_of(row) for row in prior.assign(texts)]
    assert {"shelters-housing", "protection"} <= set(assigned[0])
    assert {"online-recruitment", "prevention", "trend"} <= set(assigned[1])
    assert {"funding-ngos", "partnerships", "recommendation"} <= set(assigned[2])
    assert {"justice-training", "prosecution"} <= set(assigned[3])
    assert assigned[4] == []


def test_forms_of_a_word_and_accents_meet(prior: Coder) -> None:
    assert stem("shelters") == stem("shelter")
    assert stem("refuges") == stem("refuge")
    assert stem("victimes") == stem("victims")
    # "refuge" is a keyword; its plural, capitals and a missing accent still count.
    for text in ["REFUGE pour elles", "Nos refuges débordent.", "plus d'hebergement d'urgence"]:
        assert "shelters-housing" in codes_of(prior.assign([text])[0]), text


def test_a_keyword_found_only_as_a_stem_counts_for_less(codebook: Codebook, prior: Coder) -> None:
    column = prior.codes.index("frontline-training")
    texts = ["Staff need training.", "Staff were trained.", "Staff were tired."]
    exact, stem_only, neither = prior.probabilities(texts)[:, column]
    assert exact >= 0.5 and exact > stem_only > neither
    assert [found & {"frontline-training"} for found in keyword_baseline(codebook, texts)] == [
        {"frontline-training"},
        set(),
        set(),
    ]


def test_placeholders_are_not_words(prior: Coder) -> None:
    redacted = "[NAME] from [ADDRESS] wrote: we need more shelters. [EMAIL] [PHONE]"
    plain = "from wrote: we need more shelters."
    assert np.array_equal(prior.probabilities([redacted]), prior.probabilities([plain]))


def test_probabilities_are_in_range_and_parents_at_least_children(
    codebook: Codebook, prior: Coder, trained: Coder
) -> None:
    texts = [
        "Il manque de refuges pour les victimes.",
        "We need a dashboard and more shelters.",
        "",
        "Mixed: the police need training. Les juges aussi.",
    ]
    for coder in (prior, trained):
        probabilities = coder.probabilities(texts)
        assert probabilities.shape == (len(texts), len(coder.codes))
        assert probabilities.dtype == np.float64
        assert ((probabilities >= 0) & (probabilities <= 1)).all()
        for number, key in enumerate(coder.codes):
            path = codebook.path(key)
            if len(path) > 1:
                parent = coder.codes.index(path[-2])
                assert (probabilities[:, parent] >= probabilities[:, number]).all(), key


def test_codes_are_in_codebook_order_and_assignments_are_rounded(
    codebook: Codebook, prior: Coder
) -> None:
    assert prior.codes == [code.key for code in codebook.walk()]
    texts = ["Il manque de refuges et de formation pour les policiers, il faut agir."]
    probabilities = prior.probabilities(texts)[0]
    assignments = prior.assign(texts)[0]
    assert len(assignments) >= 3
    numbers = [prior.codes.index(a.code) for a in assignments]
    assert numbers == sorted(numbers)
    expected = [i for i, p in enumerate(probabilities) if p >= prior.threshold]
    assert numbers == expected
    for assignment in assignments:
        p = probabilities[prior.codes.index(assignment.code)]
        assert assignment.confidence == round(float(p), 4)
        assert assignment.source == "engine"
        assert assignment.to_dict() == {
            "code": assignment.code,
            "confidence": assignment.confidence,
            "source": "engine",
        }


def test_the_threshold_decides(codebook: Codebook) -> None:
    text = ["Les refuges sont pleins."]
    strict = Coder(codebook, threshold=0.99).assign(text)[0]
    lenient = Coder(codebook, threshold=0.01).assign(text)[0]
    assert strict == []
    assert len(lenient) == len(codebook_keys(codebook))
    with pytest.raises(ValueError, match="threshold"):
        Coder(codebook, threshold=1.0)


def codebook_keys(codebook: Codebook) -> list[str]:
    return [code.key for code in codebook.walk()]


def test_no_texts(prior: Coder) -> None:
    assert prior.probabilities([]).shape == (0, len(prior.codes))
    assert prior.assign([]) == []
    assert prior.suggest([], 3) == []


# --- Learning from examples ------------------------------------------------------------------


def test_a_code_whose_keywords_never_appear_is_learned(prior: Coder, trained: Coder) -> None:
    new = [
        "Every province should publish a dashboard with the monthly tally of cases.",
        "Il faudrait un tableau de bord avec le décompte des cas.",
    ]
    column = prior.codes.index("data-research")
    before = prior.probabilities(new)[:, column]
    after = trained.probabilities(new)[:, column]
    assert (before < 0.5).all()
    assert (after >= 0.5).all()
    for assignments in trained.assign(new):
        assert {"data-research", "partnerships"} <= set(codes_of(assignments))
    # A text about something else is not pulled towards it.
    other = trained.probabilities(["Nos refuges débordent, il manque de lits."])[0]
    assert other[column] < 0.5


def test_examples_are_counted_with_their_parents(trained: Coder) -> None:
    parameters = trained.parameters
    codes = parameters["codes"]
    n_dashboard = 3 * (len(DASHBOARD_EN) + len(DASHBOARD_FR))
    assert codes["data-research"]["examples"] == n_dashboard
    assert codes["partnerships"]["examples"] == n_dashboard + 8  # and the funding examples
    assert codes["data-research"]["model"] == "logistic, Platt-calibrated"
    assert codes["justice-training"]["model"] == "logistic, not calibrated"
    assert codes["survivor-voice"] == {"examples": 0, "model": "prior", "threshold": 0.5}
    assert parameters["examples"] == len(training_set()[0])
    assert parameters["model"] == "codebook prior + logistic regression"
    assert parameters["logistic"]["C"] in parameters["logistic"]["C_grid"]
    assert json.loads(json.dumps(parameters)) == parameters


def test_parameters_without_examples(codebook: Codebook) -> None:
    coder = Coder(codebook, seed=7, threshold=0.4).fit([], [])
    parameters = coder.parameters
    assert parameters["model"] == "codebook prior"
    assert parameters["seed"] == 7
    assert parameters["threshold"] == 0.4
    assert parameters["examples"] == 0
    assert parameters["prior"]["calibrated"] is False
    assert parameters["logistic"]["C"] is None
    assert list(parameters["codes"]) == coder.codes
    json.dumps(parameters)


def test_fitting_again_replaces_what_was_learned(codebook: Codebook, prior: Coder) -> None:
    texts, labels = training_set()
    coder = Coder(codebook).fit(texts, labels).fit([], [])
    sample = ["We built a dashboard to count cases.", "Les refuges sont pleins."]
    assert np.array_equal(coder.probabilities(sample), prior.probabilities(sample))


def test_unknown_codes_are_named_with_their_example(codebook: Codebook) -> None:
    coder = Coder(codebook)
    with pytest.raises(ValueError) as error:
        coder.fit(["a", "b", "c"], [["gap"], ["no-such-code"], ["trend", "shelter"]])
    message = str(error.value)
    assert "'no-such-code' in example 1" in message
    assert "'shelter' in example 2" in message
    with pytest.raises(ValueError, match="2 texts but 1"):
        coder.fit(["a", "b"], [["gap"]])


def test_a_single_key_may_be_given_as_a_string(codebook: Codebook) -> None:
    coder = Coder(codebook).fit(["Il manque de lits."] * 4, ["gap", "gap", "trend", ["gap"]])
    assert coder.parameters["codes"]["gap"]["examples"] == 3
    assert coder.parameters["codes"]["trend"]["examples"] == 1


# --- Determinism -----------------------------------------------------------------------------


SAMPLE = [
    "We built a dashboard to count cases in the North.",
    "Il manque de refuges pour les victimes.",
    "Recruiters use social media; les jeunes sont leurrés en ligne.",
    "[NAME] said the police never call back.",
    "",
    "Thank you for listening.",
]


def test_same_seed_same_results(codebook: Codebook) -> None:
    texts, labels = training_set()
    first = Coder(codebook, seed=11).fit(texts, labels)
    second = Coder(codebook, seed=11).fit(texts, labels)
    assert np.array_equal(first.probabilities(SAMPLE), second.probabilities(SAMPLE))
    assert first.parameters == second.parameters


def test_a_records_result_does_not_depend_on_the_others(trained: Coder) -> None:
    together = trained.probabilities(SAMPLE)
    order = [5, 2, 0, 4, 1, 3]
    shuffled = trained.probabilities([SAMPLE[i] for i in order])
    assert np.array_equal(shuffled, together[order])
    alone = np.vstack([trained.probabilities([text]) for text in SAMPLE])
    assert np.array_equal(alone, together)


def coded_json(coder: Coder) -> str:
    rows = [[a.to_dict() for a in row] for row in coder.assign(SAMPLE)]
    return json.dumps([rows, coder.suggest(SAMPLE, 3), coder.parameters], sort_keys=True)


def test_results_do_not_depend_on_the_hash_seed(trained: Coder) -> None:
    """String hashing differs between processes (PYTHONHASHSEED): outputs must not."""
    script = (
        "from tests.analysis.test_coding import DEMO, coded_json, training_set\n"
        "from heard.analysis.engine.codebook import load_codebook\n"
        "from heard.analysis.engine.coding import Coder\n"
        "print(coded_json(Coder(load_codebook(DEMO), seed=2018).fit(*training_set())))\n"
    )
    (output,) = outputs_under_hash_seeds(script, ("0",))
    assert output.strip() == coded_json(trained)
    assert json.loads(output)[0][0]  # the first record was given codes


# --- Active learning -------------------------------------------------------------------------


def test_suggest_gives_distinct_indices_outside_exclude(trained: Coder) -> None:
    texts = [f"Answer {i}: il manque de refuges et de formation." for i in range(8)] + SAMPLE
    picked = trained.suggest(texts, 5, exclude=[0, 3, 99, -1])
    assert len(picked) == 5
    assert len(set(picked)) == 5
    assert not {0, 3} & set(picked)
    assert all(0 <= i < len(texts) for i in picked)
    assert trained.suggest(texts, 5, exclude=[0, 3, 99, -1]) == picked
    assert trained.suggest(texts, 0) == []
    everything = trained.suggest(texts, 100, exclude=range(4))
    assert sorted(everything) == list(range(4, len(texts)))
    with pytest.raises(ValueError, match="k must be"):
        trained.suggest(texts, -1)


def test_suggest_prefers_uncertain_records(prior: Coder) -> None:
    texts = ["Thank you.", "OK", "Merci beaucoup.", "We need more shelters.", "Bonjour."]
    assert prior.suggest(texts, 1) == [3]
    # the record picked has a code closer to the threshold than any code of the others
    probabilities = prior.probabilities(texts)
    distance = np.abs(probabilities - prior.threshold).min(axis=1)
    assert distance.argmin() == 3


def test_suggest_does_not_pick_near_copies_together(prior: Coder) -> None:
    copy = "We need more shelters and there is a lack of beds."
    texts = [copy, copy, copy + " Thanks.", "Les policiers ont besoin de formation.", "OK"]
    first, second = prior.suggest(texts, 2)
    assert {first, second} & {3}
    assert not {first, second} <= {0, 1, 2}


# --- The keyword baseline --------------------------------------------------------------------


def test_keyword_baseline_matches_whole_words_ignoring_case_and_accents(
    codebook: Codebook,
) -> None:
    texts = [
        "PRÉVENTION d'abord",  # keyword "prévention"
        "la prevention sans accents",
        "A SHELTER for men",
        "shelterbelts and unsheltered",  # not the word "shelter"
        "There's a lack of beds",  # the phrase "lack of"
        "lacking beds",  # not the phrase
        "Il y a un manque de lits",
        "Thank you",
    ]
    found = keyword_baseline(codebook, texts)
    assert "prevention" in found[0] and "prevention" in found[1]
    assert "shelters-housing" in found[2]
    assert "shelters-housing" not in found[3]
    assert "gap" in found[4] and "gap" not in found[5]
    assert {"gap", "shelters-housing"} <= found[6]  # "manque de", "lits"
    assert found[7] == set()
    # No parents implied and no stemming: only the keywords as written.
    assert "protection" not in found[2]
    assert keyword_baseline(codebook, ["refuge"]) == [{"shelters-housing"}]


def test_keyword_baseline_uses_name_words_for_codes_without_keywords() -> None:
    codebook = Codebook(
        [
            Code("safe-housing", "Safe housing", "Logement sûr"),
            Code("gap", "Gap", "Lacune", keywords_en=["lack of"]),
        ]
    )
    texts = ["Housing is scarce", "Une lacune", "LOGEMENT", "Is it safe?", "C'est sûr"]
    found = keyword_baseline(codebook, texts)
    # "gap" has keywords, so its name is not used; "sûr" folds to "sur", a function word.
    assert found == [{"safe-housing"}, set(), {"safe-housing"}, {"safe-housing"}, set()]


# --- The --coded file ------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_coded_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "coded.jsonl",
        '{"id": "R1", "codes": ["gap", "shelters-housing"]}\n'
        "\n"
        '{"id": 2, "codes": "trend; online-recruitment"}\n'
        '{"id": "R3", "codes": [], "text": "ignored"}\n'
        '{"id": "R4", "codes": ["gap", "gap"]}\n',
    )
    assert read_coded(path) == [
        ("R1", ["gap", "shelters-housing"]),
        ("2", ["trend", "online-recruitment"]),
        ("R3", []),
        ("R4", ["gap"]),
    ]


def test_read_coded_csv(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "coded.csv",
        "ID,Codes,text\n"
        'R1,gap;shelters-housing,"Il manque de refuges, vraiment."\n'
        "R2, trend ; online-recruitment ;,\n"
        "\n"
        "R3,,nothing applies\n",
    )
    assert read_coded(path) == [
        ("R1", ["gap", "shelters-housing"]),
        ("R2", ["trend", "online-recruitment"]),
        ("R3", []),
    ]


def test_read_coded_jsonl_lists_every_problem_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "coded.jsonl",
        '{"id": "R1", "codes": ["gap"]}\n'
        '{"id": "R2", "codes": ["gap"\n'
        '["R3", "gap"]\n'
        '{"id": "R4"}\n'
        '{"id": "R5", "codes": [1, 2]}\n'
        '{"codes": ["gap"]}\n'
        '{"id": "R1", "codes": ["trend"]}\n'
        '{"id": "R8", "codes": ["gap", " "]}\n',
    )
    with pytest.raises(RecordError) as error:
        read_coded(path)
    lines = str(error.value).splitlines()
    assert lines[0].startswith("coded.jsonl: line 2: bad JSON")
    assert lines[1:] == [
        "coded.jsonl: line 3: not a JSON object",
        "coded.jsonl: line 4: missing codes",
        "coded.jsonl: line 5: codes must be a list of codebook keys",
        "coded.jsonl: line 6: missing id",
        "coded.jsonl: line 7: duplicate id 'R1' (first on line 1)",
        "coded.jsonl: line 8: an empty code in codes",
    ]
    assert len(error.value.problems) == 7


def test_read_coded_csv_problems(tmp_path: Path) -> None:
    no_column = write(tmp_path, "a.csv", "id,labels\nR1,gap\n")
    with pytest.raises(RecordError, match=r"a.csv: line 1: no 'codes' column"):
        read_coded(no_column)
    rows = write(tmp_path, "b.csv", "id,codes\nR1,gap\n,trend\nR3,gap,extra\nR1,trend\n")
    with pytest.raises(RecordError) as error:
        read_coded(rows)
    assert str(error.value).splitlines() == [
        "b.csv: line 3: missing id",
        "b.csv: line 4: 3 values for 2 columns",
        "b.csv: line 5: duplicate id 'R1' (first on line 2)",
    ]


def test_read_coded_file_problems(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"only \.jsonl and \.csv"):
        read_coded(write(tmp_path, "coded.txt", "R1 gap"))
    with pytest.raises(RecordError, match="empty file"):
        read_coded(write(tmp_path, "empty.jsonl", "\n\n"))
    with pytest.raises(RecordError, match="cannot read"):
        read_coded(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,codes\nR1,prévention\n".encode("latin-1"))
    with pytest.raises(RecordError, match="not UTF-8"):
        read_coded(latin)


# --- Per-code thresholds and at least one code --------------------------------------------------


def _flat_codebook() -> Codebook:
    return Codebook(
        [
            Code(key="beds", name_en="Beds", name_fr="Lits"),
            Code(key="police", name_en="Police", name_fr="Police"),
            Code(key="rare", name_en="Rare topic", name_fr="Sujet rare"),
        ]
    )


def _flat_examples(rng: random.Random) -> tuple[list[str], list[list[str]]]:
    topics = {
        "beds": ["shelter", "housing", "mattress", "room", "night"],
        "police": ["officer", "patrol", "arrest", "detective", "station"],
        "rare": ["harbour", "ferry", "dock", "vessel", "crew"],
    }
    filler = ["we", "think", "the", "people", "here", "need", "more", "help", "and", "more", "time"]
    texts, labels = [], []
    for number in range(120):
        code = "rare" if number % 12 == 0 else ("beds", "police")[number % 2]
        # Weak evidence for the rare code: one topic word among many shared words.
        words = rng.sample(filler, 8) + rng.sample(topics[code], 1 if code == "rare" else 3)
        rng.shuffle(words)
        texts.append(" ".join(words))
        labels.append([code])
    return texts, labels


def test_each_code_gets_its_own_threshold_from_the_examples():
    texts, labels = _flat_examples(random.Random(4))
    coder = Coder(_flat_codebook()).fit(texts, labels)
    thresholds = {key: value["threshold"] for key, value in coder.parameters["codes"].items()}
    assert set(thresholds) == {"beds", "police", "rare"}
    assert all(0.1 <= value <= 0.9 for value in thresholds.values())
    # The rare code, with weak evidence, is assigned below the default (measured: 0.35).
    assert thresholds["rare"] < 0.5 and thresholds["beds"] == 0.5
    assert coder.parameters["at_least_one_code"] is True


def test_when_every_example_has_a_code_every_answer_gets_one():
    texts, labels = _flat_examples(random.Random(5))
    coder = Coder(_flat_codebook()).fit(texts, labels)
    answers = ["nothing to say about any of it", "we think people need time", "ferry"]
    assert all(len(row) >= 1 for row in coder.assign(answers))
    # Examples a fifth of which have no code: an answer may have none.
    unlabelled = [[] if number % 5 == 0 else codes for number, codes in enumerate(labels)]
    loose = Coder(_flat_codebook()).fit(texts, unlabelled)
    assert loose.parameters["at_least_one_code"] is False


def test_a_child_given_by_its_own_threshold_brings_its_parents(codebook: Codebook) -> None:
    coder = Coder(codebook)
    probabilities = np.zeros((1, len(coder.codes)))
    child = next(key for key in coder.codes if len(codebook.path(key)) == 2)
    probabilities[0, coder.codes.index(child)] = 0.9
    chosen = coder._chosen(probabilities)
    for ancestor in codebook.path(child):
        assert chosen[0, coder.codes.index(ancestor)]


def test_when_every_example_has_exactly_one_code_every_answer_gets_exactly_one():
    texts, labels = _flat_examples(random.Random(6))
    coder = Coder(_flat_codebook()).fit(texts, labels)
    assert coder.parameters["exactly_one_code"] is True
    rows = coder.assign(["shelter housing room police officer", "nothing at all", "ferry crew"])
    assert [len(row) for row in rows] == [1, 1, 1]
    assert codes_of(rows[2]) == ["rare"]
    # Two codes on some examples: answers may get several.
    several = [
        [*codes, "police"] if number % 3 == 0 else codes for number, codes in enumerate(labels)
    ]
    assert Coder(_flat_codebook()).fit(texts, several).parameters["exactly_one_code"] is False
