"""Personal-link tokens: random, shown once in an email, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> tuple[str, str]:
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    # A plain SHA-256 suffices: the token has 256 bits of entropy, so it cannot be guessed back.
    return hashlib.sha256(token.encode()).hexdigest()
