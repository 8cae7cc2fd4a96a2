"""A password rule Django's validators lack: a password must not be one character, a block
repeated, or a run along the alphabet, the digits or the keyboard (aaaaaaaaaaaa, abcabcabcabc,
abcdefghijkl, qwertyuiopas). Those pass a length rule and are missing from common-password
lists, since there are too many of them to list, yet they are the first an attacker tries."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_DISTINCT = 5
RUNS = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
)


def _repeated_block(text: str) -> bool:
    """Whether the text is one shorter block written again and again (abab…, passwordpassword)."""
    size = len(text)
    return any(size % n == 0 and text[:n] * (size // n) == text for n in range(1, size // 2 + 1))


def _straight_run(text: str) -> bool:
    """Whether each character follows the one before it along one of RUNS, forwards or back."""
    for run in RUNS:
        for order in (run, run[::-1]):
            positions = [order.find(c) for c in text]
            if -1 not in positions and all(b == a + 1 for a, b in pairwise(positions)):
                return True
    return False


class VarietyValidator:
    """Refuses passwords made of too few different characters, a repeated block, or a run."""

    def validate(self, password: str, user: Any = None) -> None:
        folded = password.casefold()
        if len(set(folded)) < MIN_DISTINCT or _repeated_block(folded) or _straight_run(folded):
            raise ValidationError(
                _(
                    "This password is too easy to guess: it repeats characters or follows the "
                    "keyboard or the alphabet. Use several unrelated words."
                ),
                code="password_too_plain",
            )

    def get_help_text(self) -> str:
        return _(
            "Your password cannot repeat a few characters or follow the keyboard or the alphabet."
        )
