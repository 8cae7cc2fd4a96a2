"""Evaluation hygiene: nothing from the benchmark's frozen test banks enters the engine's word
lists or lexicons, and test data shares no sentence with development or training data.

The frozen test banks (`bench/analysis/banks/pii_test.py`, `letters_test.py`, and
`letters_test2.py`, written on 2026-12-05) were written once by someone who had not read the
engine's lists. A word of theirs found in a list means the
engine was fitted to its own test, and every figure measured on them would be worthless.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "analysis"))

import synthetic_phrases  # noqa: E402
from banks import letters_dev, letters_test, letters_test2, pii_dev, pii_test  # noqa: E402

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine

from heard.analysis.engine import names, wordlists  # noqa: E402
from heard.analysis.engine.bilingual import _rows, stem  # noqa: E402
from heard.analysis.engine.coding import _STOP_WORDS as CODING_STOP_WORDS  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+")

# What the engine's lists and lexicons held of the test banks' words on the day the banks were
# frozen (commit 2ddedd0; the lists are as they were at 57a138a, before the banks existed, and the
# lexicons as at 5a6eeea): given names the engine already knew, ordinary words ("housing",
# "park"), towns of the stop list. Written out so that any word a list GAINS from the test banks
# fails the test; a word may leave a list, none may join it. Only words the development banks do
# not also hold are checked (those are the engine's to know).
FROZEN_OVERLAP: dict[str, str] = {
    "names.GIVEN_NAMES": "albert alice andrew andré andrée anna arjun ava cheyenne chloé claude cédric dakota dorothy douglas fatima frances françoise félix ginette harpreet jacques james janet jérôme karim kateri kwame laurence laurent layla louis louise luc léa madeleine manon manpreet mary mathis maxime mei minh nguyen noémie océane omar paul peter philippe pier rania rohan ronald stéphane sébastien thanh thomas wei xavier yasmine zoé émile",
    "names.AMBIGUOUS_GIVEN": "claude dawn hunter laurence nguyen rose",
    "names.STOP_WORDS": "and autochtone aux barrie canada centres children creek dawson emploi en enfant family friendship gatineau hall housing inlet inuit inuvik les london longueuil mental mi migrant miramichi montréal nationale neuve new newfoundland of old ontario ottawa publique rankin santa sault secteur services support sur sécurité three workers yarmouth",
    "names.DESIGNATORS": "alliance auberge bank banque cap centres creek hall memorial mills mission park paroisse regroupement régie services",
    "names.TITLES": "sir",
    "names.PERSON_BEFORE": "and",
    "names.PLACE_BEFORE": "en",
    "names.OPENERS": "and",
    "names.NOT_A_PERSON_BEFORE": "aux les of sur",
    "wordlists.WORD_WEIGHTS": "and aux care children en housing les ne new of pas support sur workers",
    "coding stop words": "and aux en les n ne ni of pas sur",
    "lexicon_en.tsv": "adolescent aid and aux canada change children city drug housing les mental migrant n ne of pas sir slave support sur young",
    "lexicon_fr_en.tsv": "accueil adolescent amour autochtone aux bank banque canada care centres change city drug emploi en enfant family ferme grand honoré housing inuit legal les local lois mental mentale migrant mère n nationale ne new ni ontario park pas publique père regroupement rehabilitation rue secteur services support sur sécurité tard three",
}


def _words(values: Iterable[str]) -> set[str]:
    return {word.lower() for value in values for word in _WORD.findall(value)}


def _all(bank_table: dict[str, list[str]]) -> list[str]:
    return [value for values in bank_table.values() for value in values]


def _engine_lists() -> dict[str, set[str]]:
    """Every word list the engine reads, lower-cased, by where it lives."""
    lists = {
        "names.GIVEN_NAMES": _words(names.GIVEN_NAMES),
        "names.AMBIGUOUS_GIVEN": _words(names.AMBIGUOUS_GIVEN),
        "names.STOP_WORDS": _words(names.STOP_WORDS),
        "names.DESIGNATORS": _words(names.DESIGNATORS),
        "names.TITLES": _words(names.TITLES),
        "names.PERSON_BEFORE": _words(names.PERSON_BEFORE),
        "names.PERSON_AFTER": _words(names.PERSON_AFTER),
        "names.PLACE_BEFORE": _words(names.PLACE_BEFORE),
        "names.OPENERS": _words(names.OPENERS),
        "names.NOT_A_PERSON_BEFORE": _words(names.NOT_A_PERSON_BEFORE),
        "wordlists.WORD_WEIGHTS": _words(wordlists.WORD_WEIGHTS),
        "coding stop words": _words(CODING_STOP_WORDS),
    }
    lexicon_en: set[str] = set()
    for word, concept in _rows("lexicon_en.tsv"):
        lexicon_en |= _words([word, concept])
    lexicon_fr: set[str] = set()
    for word, concept in _rows("lexicon_fr_en.tsv"):
        lexicon_fr |= _words([word, concept])
    lists["lexicon_en.tsv"] = lexicon_en
    lists["lexicon_fr_en.tsv"] = lexicon_fr
    return lists


def _people_and_places(bank) -> set[str]:
    """The words of a bank's people, towns, hospitals, wards and organisations."""
    tables = (bank.GIVEN, bank.FAMILY, bank.TOWNS, bank.HOSPITALS, bank.WARDS, bank.ORGANISATIONS)
    return _words(value for table in tables for value in _all(table))


def test_no_word_of_the_test_banks_people_or_places_is_in_an_engine_list():
    # Words the development bank also uses ("Hospital", "Centre", "de") are the engine's to know;
    # words only the test bank has must be unknown to every list.
    development = _people_and_places(pii_dev) | _words(
        value
        for table in (
            synthetic_phrases.GIVEN,
            synthetic_phrases.FAMILY,
            synthetic_phrases.TOWNS,
            synthetic_phrases.ORGS,
            synthetic_phrases.STREETS,
        )
        for value in _all(table)
    )
    test_only = _people_and_places(pii_test) - development
    assert len(test_only) > 100  # the bank was read
    found = {
        (word, where)
        for where, words in _engine_lists().items()
        for word in test_only & words
        if word not in FROZEN_OVERLAP.get(where, "").split()
    }
    assert found == set(), sorted(found)


@pytest.mark.parametrize("bank", ["letters_test", "letters_test2"])
def test_the_test_letters_synonym_swaps_are_not_in_the_lexicons(bank):
    synonyms = {"letters_test": letters_test, "letters_test2": letters_test2}[bank].SYNONYMS
    lists = _engine_lists()
    lexicons = lists["lexicon_en.tsv"] | lists["lexicon_fr_en.tsv"]
    english = {stem(word): stem(concept) for word, concept in _rows("lexicon_en.tsv") if concept}
    french = {word.lower(): concept for word, concept in _rows("lexicon_fr_en.tsv") if concept}
    paired = []
    for language, table in synonyms.items():
        for word, replacements in table.items():
            for replacement in replacements:
                if " " in word or " " in replacement:
                    continue
                a, b = word.lower(), replacement.lower()
                if language == "en":
                    a, b = stem(a), stem(b)
                    same = english.get(a, a) == english.get(b, b)
                else:
                    same = a in french and french[a] == french.get(b)
                if same:
                    paired.append((language, word, replacement))
    # A swap the lexicons learned after the letters were frozen would make the test letters easy.
    before = {"letters_test": PAIRED_BEFORE, "letters_test2": PAIRED_BEFORE_2}[bank]
    assert [pair for pair in paired if pair not in before] == []
    assert lexicons  # the lexicons were read


# (language, word, replacement) swaps of the test letters that the lexicons already mapped onto
# one concept when the letters were frozen (lexicons as at 5a6eeea, older than the letters).
PAIRED_BEFORE: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("en", "accompanied", "supported"),
        ("en", "advice", "counsel"),
        ("en", "afraid", "frightened"),
        ("en", "afraid", "scared"),
        ("en", "asking", "requesting"),
        ("en", "begins", "starts"),
        ("en", "childcare", "daycare"),
        ("en", "counsellor", "therapist"),
        ("en", "create", "establish"),
        ("en", "delivered", "provided"),
        ("en", "depend", "rely"),
        ("en", "employment", "job"),
        ("en", "enough", "sufficient"),
        ("en", "extend", "prolong"),
        ("en", "fast", "quickly"),
        ("en", "grants", "subsidies"),
        ("en", "hired", "employed"),
        ("en", "kids", "children"),
        ("en", "large", "big"),
        ("en", "leaving", "escaping"),
        ("en", "live", "reside"),
        ("en", "needed", "necessary"),
        ("en", "needed", "required"),
        ("en", "offer", "provide"),
        ("en", "protect", "shield"),
        ("en", "punishes", "penalises"),
        ("en", "quickly", "fast"),
        ("en", "quickly", "rapidly"),
        ("en", "responsible", "accountable"),
        ("en", "safe", "secure"),
        ("en", "spot", "detect"),
        ("en", "staff", "personnel"),
        ("en", "start", "begin"),
        ("en", "started", "launched"),
        ("en", "teenagers", "adolescents"),
        ("en", "teenagers", "teens"),
        ("fr", "accorder", "octroyer"),
        ("fr", "adolescents", "ados"),
        ("fr", "commencer", "débuter"),
        ("fr", "deuxième", "seconde"),
        ("fr", "embauchés", "engagés"),
        ("fr", "endroit", "lieu"),
        ("fr", "façon", "manière"),
        ("fr", "finance", "subventionne"),
        ("fr", "gardés", "conservés"),
        ("fr", "profits", "bénéfices"),
        ("fr", "prolonger", "étendre"),
        ("fr", "punit", "pénalise"),
        ("fr", "retourne", "revient"),
        ("fr", "retournent", "reviennent"),
        ("fr", "revoir", "réviser"),
        ("fr", "régler", "résoudre"),
        ("fr", "sert", "dessert"),
        ("fr", "signalements", "dénonciations"),
        ("fr", "signaler", "dénoncer"),
        ("fr", "souhaite", "désire"),
        ("fr", "soutenir", "appuyer"),
        ("fr", "sûr", "sécuritaire"),
    }
)


# The opener of every mail merge ("My name is {name} and I live in {town}."): the same in each
# bank by design, since what differs is what fills its slots.
_MAIL_MERGE_OPENERS = {"my name is and i live in .", "je m'appelle et j'habite à ."}


def _sentences(values: Iterable[str]) -> set[str]:
    found = set()
    for value in values:
        for sentence in re.split(r"(?<=[.!?])\s+", value):
            tidy = " ".join(re.sub(r"\{[a-z_]+\}", "", sentence.lower()).split())
            if len(tidy.split()) >= 5 and tidy not in _MAIL_MERGE_OPENERS:
                found.add(tidy)
    return found


def _bank_sentences(bank, tables: tuple[str, ...]) -> set[str]:
    return _sentences(value for name in tables for value in _all(getattr(bank, name)))


_SENTENCE_TABLES = (
    "FULL_NAME",
    "FIRST_NAME",
    "PLACE_SENTENCES",
    "LOCAL_PHONE",
    "NUMBERS",
    "FILLER",
)


def test_test_and_development_banks_share_no_sentence():
    shared = _bank_sentences(pii_test, _SENTENCE_TABLES) & _bank_sentences(
        pii_dev, _SENTENCE_TABLES
    )
    assert shared == set()


@pytest.mark.parametrize("bank", ["letters_test", "letters_test2"])
def test_test_letters_share_no_sentence_with_the_development_letters(bank):
    letters = {"letters_test": letters_test, "letters_test2": letters_test2}[bank].LETTERS
    developed = [
        *synthetic_phrases.LETTERS,
        *letters_dev.MAILMERGE,
        *letters_dev.CROSSLANG,
    ]
    development = _sentences(
        str(letter[language]) for letter in developed for language in ("en", "fr")
    )
    test = _sentences(str(letter[language]) for letter in letters for language in ("en", "fr"))
    assert test and development
    assert test & development == set()


def test_the_two_test_letter_banks_share_no_sentence():
    first, second = (
        _sentences(str(letter[language]) for letter in bank.LETTERS for language in ("en", "fr"))
        for bank in (letters_test, letters_test2)
    )
    assert first and second and first & second == set()


def test_the_synthetic_coding_pool_shares_no_long_sentence_with_its_test_set():
    import quality

    dataset = quality.synthetic_dataset(600, 200, seed=5)
    pool = set(range(len(dataset.texts))) - set(dataset.test)
    seen = {s for i in pool for s in quality.long_sentences(dataset.texts[i])}
    held = {s for i in dataset.test for s in quality.long_sentences(dataset.texts[i])}
    assert pool and held
    assert seen & held == set()
    assert "dropped for sharing a sentence" in dataset.notes


# (language, word, replacement) swaps of the second test letters that the lexicons already mapped
# onto one concept when those letters were frozen (2026-12-05, lexicons as at 829ffdc).
PAIRED_BEFORE_2: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("en", "answer", "reply"),
        ("en", "answer", "response"),
        ("en", "asking", "urging"),
        ("en", "believe", "feel"),
        ("en", "believe", "think"),
        ("en", "create", "establish"),
        ("en", "delay", "wait"),
        ("en", "finance", "fund"),
        ("en", "hotline", "helpline"),
        ("en", "hurt", "harmed"),
        ("en", "need", "require"),
        ("en", "offenders", "perpetrators"),
        ("en", "offer", "give"),
        ("en", "offer", "provide"),
        ("en", "punish", "penalize"),
        ("en", "punish", "sanction"),
        ("en", "quick", "fast"),
        ("en", "quickly", "rapidly"),
        ("en", "region", "area"),
        ("en", "safely", "securely"),
        ("en", "spot", "identify"),
        ("fr", "contrevenants", "délinquants"),
        ("fr", "financer", "subventionner"),
        ("fr", "histoire", "récit"),
        ("fr", "indemnise", "dédommage"),
        ("fr", "punir", "sanctionner"),
        ("fr", "remarqué", "constaté"),
        ("fr", "signaler", "dénoncer"),
        ("fr", "signaler", "rapporter"),
        ("fr", "survivantes", "rescapées"),
    }
)
