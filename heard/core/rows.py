"""Rows as they are stored, for services that update them."""

from __future__ import annotations

from typing import TypeVar

from django.db import models

ModelT = TypeVar("ModelT", bound=models.Model)


def stored_copy(obj: ModelT) -> ModelT:
    """The row as it is in the database, locked until the end of the transaction.

    Update services compare and apply their values on this copy rather than on the object they
    were given: a bound ModelForm copies the new values onto its instance while it validates, so
    comparing with that object finds no change and saves nothing. Call inside a transaction.
    """
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)
