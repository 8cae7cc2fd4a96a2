"""Text normalised for matching, not for reading: lower case, accents folded, punctuation gone.

``normalise("  L'ÉTÉ, déjà!!  ")`` is ``"l ete deja"``: two answers that differ only in case,
accents, spacing or punctuation normalise to the same string. Used to find copies (`campaigns`);
the text that flows on to the rest of the engine is never the normalised one.

Pure Python, standard library only; imports no Django.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
# The combining diacritical blocks: what NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that NFKD does not decompose, folded by hand so that "œuvre" matches "oeuvre".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold(text: str) -> str:
    """Lower case (casefold) with accents and ligatures folded: "Œuvre Été" -> "oeuvre ete"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _COMBINING.sub("", decomposed).translate(_LIGATURES)


def tokens(text: str) -> list[str]:
    """The words of `text`, folded; punctuation, apostrophes and underscores separate words."""
    return _TOKEN.findall(fold(text))


def normalise(text: str) -> str:
    """`tokens` joined by single spaces: the form under which exact copies are the same string."""
    return " ".join(tokens(text))
