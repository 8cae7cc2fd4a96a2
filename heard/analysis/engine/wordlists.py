"""Evidence for telling English from French, written by hand for `language`.

Each entry maps a lower-case word to a weight: positive is evidence for English, negative for
French. Only words that are common in one language and rare or absent as words in the other are
listed; words shared by both (``a``, ``on``, ``services``, ``important``, ``plus``...) are left
out on purpose because they carry no signal. Heavier weights go to the most frequent function
words, which appear in almost every sentence of their language and almost never in the other.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The whitespace-separated words of a list written as prose."""
    return text.split()


# Function words of English that are not French words (or are very rare ones).
_EN_STRONG = words(
    """
the and of to is are was were be been being that this these those with from by it its they
them their there we our us you your he she his her him have has had not but or which who whom
what when where why how will would should could can must do does did into about than other
some any all many such also very if because through between after before while without
within who's yet just over under only most more our ours i my me
"""
)

_EN_MILD = words(
    """
people support need needs needed victims survivors survivor trafficking community communities
women girls men boys children youth training funding law enforcement awareness work working
help access housing government federal health care workers
organizations organization response responses issue issues across should
believe think feel want each every both own same new better more less first well still
"""
)

# Function words of French that are not English words (or are very rare ones).
_FR_STRONG = words(
    """
le la les du des un une et est sont dans pour par sur avec sans que qui quoi ne pas ce cet
cette ces il ils elle elles nous vous leur leurs sa ses mon ma mes notre nos votre vos au aux
été être avoir ont fait mais ou où donc comme aussi très tout tous toute toutes entre chez
selon afin lorsque quand alors déjà encore peu beaucoup bien même autres autre doit doivent
peut peuvent faut en je y sommes êtes était étaient sera seront cela ceci ça dont
"""
)

_FR_MILD = words(
    """
personnes personne soutien gouvernement besoin besoins victimes survivantes survivants traite
communauté communautés femmes filles hommes garçons enfants jeunes formation financement loi
sensibilisation travail travailleurs aide accès logement fédéral provinciale provinciaux
organismes organisme réponse réponses enjeu enjeux devrait devraient pense croyons
chaque nouveau nouvelle mieux moins premières santé soins policiers merci oui non
aujourd'hui droits droit mise œuvre stratégie lutte contre
"""
)

WORD_WEIGHTS: dict[str, float] = {}
for _word in _EN_MILD:
    WORD_WEIGHTS[_word] = 1.0
for _word in _FR_MILD:
    WORD_WEIGHTS[_word] = -1.0
for _word in _EN_STRONG:
    WORD_WEIGHTS[_word] = 1.6
for _word in _FR_STRONG:
    WORD_WEIGHTS[_word] = -1.6

# French elisions (l'accès, d'autres, qu'il, jusqu'à...): the part before the apostrophe.
FR_ELISIONS = frozenset(words("l d qu j n s c m t jusqu lorsqu puisqu quoiqu presqu"))

# English contractions and the possessive (don't, it's, they're, we've, we'll, I'm, survivor's).
EN_CONTRACTIONS = frozenset(words("t s re ve ll m d"))

# Letters that English spells almost only in borrowed words.
FR_LETTERS = frozenset("éèêàâçùûîïôœëÿæ")

# Word endings: (suffix, weight, minimum word length). Checked longest first; one per word.
SUFFIXES: tuple[tuple[str, float, int], ...] = (
    ("ness", 1.0, 6),
    ("ship", 1.0, 6),
    ("ing", 1.0, 5),
    ("ght", 1.0, 5),
    ("ful", 0.8, 5),
    ("ly", 0.8, 5),
    ("ed", 0.6, 5),
    ("y", 0.5, 3),
    ("aient", -1.2, 6),
    ("eaux", -1.2, 5),
    ("eux", -1.0, 4),
    ("aux", -1.0, 4),
    ("eurs", -0.9, 5),
    ("eur", -0.7, 4),
    ("ait", -0.6, 5),
    ("ez", -0.6, 4),
    ("oir", -0.6, 5),
    ("elle", -0.5, 5),
    ("elles", -0.6, 6),
    ("ique", -0.5, 6),
    ("ques", -0.7, 6),
)
