"""English and French answers as one sequence of English concepts, offline and deterministic.

``concepts("Nous demandons au gouvernement de financer les refuges.", "fr")`` and
``concepts("We ask the government to fund shelters.", "en")`` both give
``["ask", "govern", "fund", "shelter"]``: the same concepts, whatever the language of the
answer. Used to find the same letter in both languages (`campaigns`) and to bring English and
French answers about the same thing into one theme.

How a word becomes a concept, with pure dictionary look-ups:

- **Words.** The text is lower-cased and cut at anything that is not a letter or a digit, so
  elisions and hyphens separate words (``l'accès`` gives ``l`` and ``accès``). The placeholders
  of `redact` (``[NAME]``, ``[EMAIL]``...) are dropped: they say nothing of the subject.
- **French** words are looked up in a French→English lexicon written by hand
  (``data/lexicon_fr_en.tsv``: about 9,900 word forms, the plurals, feminines and verb forms of
  some 1,400 words): function words map to nothing and are dropped, the others to an English
  word. Accented forms are looked up as written, then with accents folded, so
  ``sûr`` (safe) and ``sur`` (on) stay apart when accents are typed and text typed without them
  still matches.
- **English** words, and the English words the lexicon gives, go through a light stemmer
  (plurals, ``-ing``, ``-ed``, ``-ly``, a final ``-e``: "housing" and "houses" both give
  ``hous``) and then an English table (``data/lexicon_en.tsv``) that drops function words and
  maps synonyms a translator might choose onto one concept ("urge", "call on", "request" →
  ``ask``; "funding", "financing", "grant" → ``fund``).
- A word found nowhere is kept, folded and stemmed like an English word: names, numbers, places
  and words shared by both languages still count, so "Moncton", "2018" and "C-38" match across
  languages, while a French word the lexicon lacks only matches itself.

The stopwords of both languages are dropped whatever the language asked for (an English
answer quoting "les" or a French one quoting "the" loses nothing). `guess_language` tells
English from French by counting function words only: a fast, rough guess for texts of a
sentence or more (`language.detect` is the careful one). Each language's table also remembers
the words it has already seen, so a word costs one look-up after its first time: about 90,000
texts of 60 words a second on one core (70,000 on a busy machine).

Measured on 20 pairs of sentences translated by hand and not used to build the lexicon, a
sentence and its translation share 68% of their concepts (Jaccard; 86% once the words those
pairs showed missing were added), other pairs of those sentences 1% on average, 20% at most.

Limits: one word at a time, so a multi-word expression is its words ("mise en œuvre" gives
``implement``, but "main-d'œuvre" gives ``work`` and ``implement``, "famille d'accueil" does not
meet "foster care"); a word with several senses has the one most common in consultations on
social policy ("poursuivre" is to prosecute); no word order; French words outside the lexicon
meet English only when spelt alike. Good for measuring whether two texts speak of the same
things, not for translating.

Pure Python, standard library only; imports no Django.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from heard.analysis.engine.normalise import fold

__all__ = ["analyse", "concept_set", "concepts", "guess_language", "lexicon_size", "stem"]

_WORD = re.compile(r"[^\W_]+")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")  # what `redact` puts for a name, an email...
# Every ASCII character that is neither a letter nor a digit, as a space (bytes.translate).
_ASCII_BREAKS = bytes.maketrans(
    bytes(code for code in range(128) if not chr(code).isalnum()),
    b" " * sum(1 for code in range(128) if not chr(code).isalnum()),
)
_MEMO_LIMIT = 400_000  # words remembered per language; later ones are still looked up, not kept
_PLURAL_KEPT = ("ss", "us", "is", "ous")
_VOWELS = frozenset("aeiouy")
_NO_UNDOUBLE = frozenset("lsfz")

# Function words that occur in one language only: the evidence of `guess_language`.
_EN_MARKERS = frozenset(
    str.split(
        """the and of to is are was were be been we our us you your they their them it its this
    that these those with from by have has had will would should not but which who what there
    into about than"""
    )
)
_FR_MARKERS = frozenset(
    str.split(
        """le la les des du et est sont une dans pour par avec que qui nous vous ils elles au aux
    ce cette ces pas ne sur je leur leurs notre nos votre vos mais ou donc être été très aussi
    comme sans"""
    )
)


def stem(word: str) -> str:
    """A light English stem of a lower-case word: plurals, -ing, -ed, -ly and a final -e off.

    ``stem("shelters") == "shelter"``, ``stem("housing") == stem("houses") == "hous"``,
    ``stem("funded") == "fund"``, ``stem("urgently") == "urgent"``. Words of three letters or
    fewer, and words holding anything but letters, are returned as they are."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(_PLURAL_KEPT):
        word = word[:-1]
    if word.endswith("ing") and len(word) >= 6 and _VOWELS.intersection(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) >= 5 and _VOWELS.intersection(word[:-2]):
        word = _undouble(word[:-2])
    elif word.endswith("ly") and len(word) >= 6 and not word.endswith(("ily", "ply", "bly")):
        word = word[:-2]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    """A doubled last consonant made single: "stopp" -> "stop"; "add", "fill", "staff" kept."""
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in _NO_UNDOUBLE:
        return word[:-1]
    return word


@cache
def _rows(name: str) -> tuple[tuple[str, str], ...]:
    """The (word, concept) rows of a data file; a row without a tab has an empty concept."""
    text = resources.files("heard.analysis.engine").joinpath("data", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, concept = line.partition("\t")
        rows.append((unicodedata.normalize("NFC", word.strip()), concept.strip()))
    return tuple(rows)


@cache
def _english() -> tuple[frozenset[str], dict[str, str]]:
    """English stopwords (as written) and synonyms (stem -> concept stem, resolved)."""
    stop: set[str] = set()
    synonyms: dict[str, str] = {}
    for word, concept in _rows("lexicon_en.tsv"):
        if not concept:
            stop.add(word)
        else:
            synonyms.setdefault(stem(word), stem(concept))
    for key in list(synonyms):  # follow chains (a -> b -> c) to their end, loops stop
        seen = {key}
        target = synonyms[key]
        while target in synonyms and target not in seen:
            seen.add(target)
            target = synonyms[target]
        synonyms[key] = target
    return frozenset(stop), synonyms


def _english_concept(word: str) -> str:
    """The concept of a folded word read as English: "" for a stopword."""
    stop, synonyms = _english()
    if word in stop:
        return ""
    stemmed = stem(word)
    return synonyms.get(stemmed, stemmed)


@cache
def _french() -> dict[str, str]:
    """French word form (as written, and folded) -> English concept ("" for a function word)."""
    rows = _rows("lexicon_fr_en.tsv")
    table: dict[str, str] = {}
    for word, english in rows:
        table.setdefault(word, _english_concept(fold(english)) if english else "")
    for word, _ in rows:  # folded forms only where no form is written that way
        table.setdefault(fold(word), table[word])
    return table


def lexicon_size() -> int:
    """The number of French word forms in the lexicon (as written in the data file)."""
    return len(_rows("lexicon_fr_en.tsv"))


@cache
def _memo(language: str) -> dict[str, str]:
    """Word -> concept for `language`, filled as words are met (see `_lookup`)."""
    if language == "fr":
        return dict(_french())
    return {}


def _lookup(word: str, language: str) -> str:
    """The concept of a lower-case `word` (not yet in the memo) in `language`."""
    if language in ("fr", "und"):
        french = _french()
        concept = french.get(word)
        if concept is None and not word.isascii():
            concept = french.get(fold(word))
        stop, _ = _english()
        if concept is not None and (language == "fr" or word not in stop):
            return concept
    folded = fold(word) if not word.isascii() else word
    return _english_concept(folded)


def _words(text: str) -> list[str]:
    """Lower-case words: runs of letters and digits (the same as `_WORD`, only faster)."""
    if "[" in text:
        text = _PLACEHOLDER.sub(" ", text)
    if text.isascii():
        return text.lower().encode("ascii").translate(_ASCII_BREAKS).decode("ascii").split()
    text = unicodedata.normalize("NFC", text).lower()
    words = text.encode("utf-8").translate(_ASCII_BREAKS).decode("utf-8").split()
    if all(map(str.isalnum, words)):
        return words
    # Punctuation beyond ASCII (curly quotes, guillemets, dashes) is rare: cut only the
    # words that hold some.
    return [piece for word in words for piece in _WORD.findall(word)]


def _concepts_of(words: list[str], language: str) -> list[str]:
    memo = _memo(language)
    found = list(map(memo.get, words))
    if None in found:
        for index, concept in enumerate(found):
            if concept is None:
                word = words[index]
                found[index] = concept = _lookup(word, language)
                if len(memo) < _MEMO_LIMIT:
                    memo[word] = concept
    return list(filter(None, found))


def concepts(text: str, language: str) -> list[str]:
    """The English concepts of `text`, in order, stopwords of both languages dropped.

    `language` is "en" or "fr"; any other value ("und") reads each word as French when the
    French lexicon knows it and it is no English function word, and as English otherwise."""
    if language not in ("en", "fr"):
        language = "und"
    return _concepts_of(_words(text), language)


def concept_set(text: str, language: str) -> frozenset[str]:
    """The distinct concepts of `text` (see `concepts`)."""
    return frozenset(concepts(text, language))


def guess_language(text: str) -> str | None:
    """ "en" or "fr" from the function words of `text`, or None when they do not say clearly.

    At least two distinct function words of one language, and more than twice as many as of
    the other: enough for a sentence, cheap enough to run on a million texts."""
    return _guess(_words(text))


def _guess(words: list[str]) -> str | None:
    english = len(_EN_MARKERS.intersection(words))  # distinct function words
    french = len(_FR_MARKERS.intersection(words))
    if english >= 2 and english > 2 * french:
        return "en"
    if french >= 2 and french > 2 * english:
        return "fr"
    return None


def analyse(text: str) -> tuple[str | None, list[str]]:
    """`guess_language` and `concepts` of `text` in one pass over its words.

    The concepts are read in the guessed language, or as "und" when there is no guess."""
    words = _words(text)
    language = _guess(words)
    return language, _concepts_of(words, language or "und")
