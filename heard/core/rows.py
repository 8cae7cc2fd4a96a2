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


def deleted(queryset: models.QuerySet[ModelT]) -> int:
    """Delete the rows and say how many of them went (rows removed with them by cascade, in
    other tables, are not counted: each purger and eraser counts its own kind)."""
    _total, by_model = queryset.delete()
    return by_model.get(queryset.model._meta.label, 0)
