"""Queries whose SQL is built once per thread, for the requests that run them most.

Django builds a query set's SQL again each time it runs: for the respondent's pages that was about
a quarter of a request's CPU (ADR 0020), for a query whose shape never changes, only its values.
`PreparedQuery` builds the query set once per thread and database with marker values, keeps
its SQL, and on each call runs that SQL with the real values in their places, then makes the
model instances (with their `select_related` objects and annotations) the way Django's own
iterator does. What it returns is what `queryset.first()` would, without the ordering `first()`
adds: so use it only for queries that find at most one row (a primary key, a unique key).

It reads Django's compiler (`select`, `klass_info`, `annotation_col_map`) and its related-object
populators, which are not public API: Django is pinned (5.2 LTS),
`tests/questionnaires/test_prepared_visit.py` compares the visit query with its query set field
by field, and `tests/core/test_prepared.py` checks the session store, so an upgrade that changes
them fails there first. Per thread because a compiler holds the connection
it was made for, and connections are per thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)


def _adapted(value: Any, connection: Any) -> Any:
    """A value as Django's lookups hand it to the database driver. Only the kinds prepared
    queries take: whole numbers and text go as they are, and moments as the backend stores them
    (SQLite keeps text, in UTC)."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, int | str):
        return value
    raise TypeError(f"a prepared query takes whole numbers, text and moments, not {type(value)}")


class _Plan:
    """One thread's compiled form of the query, for one connection."""

    def __init__(self, queryset: QuerySet[Any], markers: dict[str, Any]) -> None:
        self.alias = queryset.db
        self.connection = connections[self.alias]
        compiler = queryset.query.get_compiler(using=self.alias)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slots: dict[str, list[int]] = {}
        for name, value in markers.items():
            adapted = _adapted(value, self.connection)
            slots = [index for index, param in enumerate(self.params) if param == adapted]
            if not slots:
                raise ValueError(f"the marker for {name} does not reach the SQL")
            self.slots[name] = slots
        self.compiler = compiler
        klass_info = compiler.klass_info
        if klass_info is None:
            raise ValueError("a prepared query must read model instances")
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.attnames = [
            column[0].target.attname for column in compiler.select[self.start : self.end]
        ]
        # Django 5.2's signature; the type stubs describe a later Django's.
        self.related = get_related_populators(  # type: ignore[call-arg]
            klass_info, compiler.select, self.alias
        )
        self.annotations = dict(compiler.annotation_col_map or {})


class PreparedQuery(Generic[M]):
    """`build(**values)` returns the query set; `markers` are values of the right types that
    appear nowhere else in its parameters (each is found by equality among them)."""

    def __init__(self, build: Callable[..., QuerySet[M]], **markers: Any) -> None:
        self._build = build
        self._markers = markers
        self._local = threading.local()

    def _plan(self) -> _Plan:
        plan: _Plan | None = getattr(self._local, "plan", None)
        if plan is None or plan.connection is not connections[plan.alias]:
            plan = self._local.plan = _Plan(self._build(**self._markers), self._markers)
        return plan

    def one(self, **values: Any) -> M | None:
        """The row the query finds with these values, as a model instance, or None."""
        if set(values) != set(self._markers):
            raise TypeError(f"expected values for {sorted(self._markers)}")
        plan = self._plan()
        params = list(plan.params)
        for name, value in values.items():
            adapted = _adapted(value, plan.connection)
            for slot in plan.slots[name]:
                params[slot] = adapted
        with plan.connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        (converted,) = plan.compiler.results_iter([[row]])
        instance = plan.model.from_db(plan.alias, plan.attnames, converted[plan.start : plan.end])
        for populator in plan.related:
            populator.populate(converted, instance)
        for name, position in plan.annotations.items():
            setattr(instance, name, converted[position])
        return instance
