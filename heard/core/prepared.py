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

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of each request on a
connection it keeps, so that a connection the database has dropped (a restart) is replaced
instead of failing the request: a round trip of its own, about a sixteenth of a respondent's
page (ADR 0024). A prepared query that reads outside a transaction is that check instead: when
it is the request's first, Django's is skipped, and if the read finds the connection broken, the
connection is closed and the read runs once more on a new one. Reading twice changes nothing;
any other error, or one on a connection that still works, is raised as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.db import DatabaseError, connections, router
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
        # What Django's iterator works out for every row it reads (results_iter), once.
        self.converters = compiler.get_converters(
            [column[0] for column in compiler.select[0 : compiler.col_count]]
        )


def _fetch(connection: Any, sql: str, params: list[Any]) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _broken(connection: Any) -> bool:
    """Whether the driver found the connection lost (psycopg says so; SQLite's never is)."""
    raw = connection.connection
    return raw is None or bool(getattr(raw, "broken", False) or getattr(raw, "closed", False))


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
        connection: Any = plan.connection  # its health-check flags are not in the type stubs
        checks = (
            connection.health_check_enabled
            and not connection.health_check_done
            and connection.connection is not None
            and not connection.in_atomic_block
        )
        if checks:
            connection.health_check_done = True  # this read is the request's check
        try:
            row = _fetch(connection, plan.sql, params)
        except DatabaseError:
            if not (checks and _broken(connection)):
                raise
            connection.close()  # what Django's check does with a dropped connection
            row = _fetch(connection, plan.sql, params)
        if row is None:
            return None
        converted = (
            next(iter(plan.compiler.apply_converters([row], plan.converters)))
            if plan.converters
            else row
        )
        instance = plan.model.from_db(plan.alias, plan.attnames, converted[plan.start : plan.end])
        for populator in plan.related:
            populator.populate(converted, instance)
        for name, position in plan.annotations.items():
            setattr(instance, name, converted[position])
        return instance


class PreparedUpdate:
    """`UPDATE table SET these columns WHERE those equal …`, its SQL written once per database.

    Django's `QuerySet.update()` compiles its SQL on every call; a respondent saving a page ran
    one each time (ADR 0021). Values go through each field's `get_db_prep_save` (the set
    columns: encryption, JSON, moments) and `get_db_prep_value` (the conditions), as the ORM's
    update does, so what is stored is the same; `auto_now` is not applied, as update() does not.
    """

    def __init__(self, model: type[Model], columns: list[str], where: list[str]) -> None:
        self.model = model
        self.columns = [model._meta.get_field(name) for name in columns]
        self.where = [model._meta.get_field(name) for name in where]
        self._sql: dict[str, str] = {}

    def _statement(self, connection: Any) -> str:
        sql = self._sql.get(connection.alias)
        if sql is None:
            quote = connection.ops.quote_name
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in self.columns)  # type: ignore[union-attr]
            conditions = " AND ".join(f"{quote(f.column)} = %s" for f in self.where)  # type: ignore[union-attr]
            sql = self._sql[connection.alias] = (
                f"UPDATE {quote(self.model._meta.db_table)} SET {assignments} WHERE {conditions}"  # noqa: S608 - names from the model
            )
        return sql

    def run(self, where: dict[str, Any], **values: Any) -> int:
        """The number of rows changed."""
        if set(values) != {f.name for f in self.columns} or set(where) != {
            f.name for f in self.where
        }:
            raise TypeError("give a value for every column and every condition")
        connection = connections[router.db_for_write(self.model)]
        params = [f.get_db_prep_save(values[f.name], connection) for f in self.columns] + [  # type: ignore[union-attr]
            f.get_db_prep_value(where[f.name], connection, prepared=False)  # type: ignore[union-attr]
            for f in self.where
        ]
        with connection.cursor() as cursor:
            cursor.execute(self._statement(connection), params)
            return cursor.rowcount
