"""Encryption at rest for personal data, and keyed hashes for exact-match lookups.

Keys come from HEARD_ENCRYPTION_KEYS and HEARD_BLIND_INDEX_KEY (both newest first), never from
SECRET_KEY. Rotation: put the new key first in the list; values written before keep decrypting
with the older keys (MultiFernet) until `reencrypt` has moved them to the new one.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from functools import cache, cached_property
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import validators
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(plaintext: str) -> str:
    return _fernet(tuple(settings.ENCRYPTION_KEYS)).encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(tuple(settings.ENCRYPTION_KEYS)).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError(
            "A stored value could not be decrypted with any key in HEARD_ENCRYPTION_KEYS."
        ) from error


def encrypt_bytes(data: bytes) -> bytes:
    """For files kept for a while (uploads waiting to be imported)."""
    return _fernet(tuple(settings.ENCRYPTION_KEYS)).encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _fernet(tuple(settings.ENCRYPTION_KEYS)).decrypt(token)
    except InvalidToken as error:
        raise ValueError("The file could not be decrypted with HEARD_ENCRYPTION_KEYS.") from error


def reencrypt(token: str) -> str:
    """Re-encrypt a stored value under the newest key (for key rotation)."""
    return _fernet(tuple(settings.ENCRYPTION_KEYS)).rotate(token.encode()).decode()


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def _keyed_hash(key: str, value: str) -> str:
    return hmac.new(key.encode(), normalise(value).encode(), hashlib.sha256).hexdigest()


def blind_index(value: str) -> str:
    """A keyed hash of the normalised value under the newest blind index key: equal inputs
    match, the value is not revealed. Store this one."""
    return _keyed_hash(settings.BLIND_INDEX_KEYS[0], value)


def blind_indexes(value: str) -> list[str]:
    """The value's hash under every configured key, newest first. Look up with these
    (`field__in=...`), so that rows not yet moved to the newest key by `heard rotate-keys`
    are still found."""
    return [_keyed_hash(key, value) for key in settings.BLIND_INDEX_KEYS]


class EncryptedTextField(models.TextField):
    """A text column stored as a Fernet token; it cannot be searched or ordered in SQL.

    `max_length` counts the characters of the plain text. A TextField only hands it to its form
    field; here it is also a model validator, so `full_clean` (and the services that call it)
    refuse a longer value. The column itself holds the longer token: see heard.core.limits.
    """

    description = "Text encrypted at rest"

    @cached_property
    def validators(self) -> list[Any]:
        found = list(super().validators)
        if self.max_length is not None:
            found.append(validators.MaxLengthValidator(self.max_length))
        return found

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        return None if value is None else encrypt(str(value))


class EncryptedBytesField(models.Field):
    """Bytes stored as a Fernet token in a text column (a third larger): a file kept with its row,
    so that it goes with the row's deletion, its backup and key rotation (`heard rotate-keys`
    reads these columns as it reads EncryptedTextField's, `rotation_batch` rows at a time)."""

    description = "Bytes encrypted at rest"
    rotation_batch = 5  # rows of files read at once by `heard rotate-keys`
    _pyi_private_set_type: bytes
    _pyi_private_get_type: bytes

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        return None if value is None else decrypt_bytes(value.encode())

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt_bytes(bytes(value)).decode()
