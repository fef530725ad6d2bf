"""Bulk writes for the sync import: statements compiled once, run on the driver's cursor.

A district imports bundles of a million changes. Through SQLAlchemy's executemany every
row costs about 10 µs of parameter handling; here each statement is compiled once per
table and column list, every value goes through its column type's own bind processor
(so UUIDs, partial dates, timestamps and JSON are stored exactly as the ORM stores them)
and the driver's ``executemany`` does the rest. Only for plain INSERTs and ``id IN``
lookups; everything else goes through the ORM. The statements run on the connection of
the caller's session, inside its transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert

Processor = Callable[[Any], Any] | None


def _processor(table: Table, column: str, connection: Connection) -> Processor:
    dialect = connection.dialect
    return table.c[column].type.dialect_impl(dialect).bind_processor(dialect)


def _default(table: Table, column: str) -> Callable[[], Any]:
    """What the ORM would fill in for a column a row does not name."""
    default = table.c[column].default
    if default is None:
        return lambda: None
    argument = getattr(default, "arg", None)
    if callable(argument):
        # SQLAlchemy wraps a column's default function to take the execution context.
        return lambda: argument(None)
    return lambda: argument


class BulkInsert:
    """``INSERT INTO table`` for many rows at once: every column but an autoincrement key."""

    def __init__(self, connection: Connection, table: Table) -> None:
        self._connection = connection
        columns = [c.key for c in table.c if c is not table.autoincrement_column]
        statement = insert(table).values({name: bindparam(name) for name in columns})
        compiled = statement.compile(dialect=connection.dialect)
        self._sql = compiled.string
        self._positional = compiled.positional
        self._order = tuple(compiled.positiontup or ()) if compiled.positional else tuple(columns)
        self._steps = [
            (name, _processor(table, name, connection), _default(table, name))
            for name in self._order
        ]
        # The last value and its stored form per column: rows in a batch repeat objects.
        self._last_in: list[Any] = [None] * len(self._order)
        self._last_out: list[Any] = [None] * len(self._order)

    def run(self, rows: Iterable[dict[str, Any]]) -> int:
        """Insert the rows; a column a row does not name gets the column's default."""
        prepared = [self._prepare(row) for row in rows]
        if prepared:
            cursor = self._connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(self._sql, prepared)
            finally:
                cursor.close()
        return len(prepared)

    def _prepare(self, row: dict[str, Any]) -> Any:
        values = []
        for index, (name, processor, default) in enumerate(self._steps):
            value = row[name] if name in row else default()
            if processor is None or value is None:
                values.append(value)
            elif value is self._last_in[index]:
                values.append(self._last_out[index])  # the same person id for all its keys
            else:
                stored = self._last_out[index] = processor(value)
                self._last_in[index] = value
                values.append(stored)
        return tuple(values) if self._positional else dict(zip(self._order, values, strict=True))


def existing_ids(connection: Connection, table: Table, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` are in ``table``: one query, ids compared in their stored form."""
    if not ids:
        return set()
    processor = _processor(table, "id", connection)
    stored = {(i if processor is None else processor(i)): i for i in ids}
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    name = connection.dialect.identifier_preparer.format_table(table)
    sql = f"SELECT id FROM {name} WHERE id IN ({', '.join([mark] * len(stored))})"
    found = connection.exec_driver_sql(sql, tuple(stored)).scalars()
    return {stored[value] for value in found if value in stored}
