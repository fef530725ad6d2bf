"""Keeping the derived search keys in step with the rules that make them.

``person_name_key`` rows are derived from names by ``passapp.domain.name_index``. When those
rules change (``INDEX_VERSION``), every database rebuilds its keys once when it opens,
in one transaction, instead of searching with keys of the old rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Engine, Table, delete, insert, select

from passapp.domain.name_index import INDEX_VERSION, index_keys
from passapp.models.entities import Person, PersonNameKey, Setting

VERSION_KEY = "search_index_version"
BATCH = 5_000


def stamp_current(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(delete(Setting).where(Setting.key == VERSION_KEY))
        connection.execute(
            insert(Setting).values(key=VERSION_KEY, value={"version": INDEX_VERSION})
        )


def rebuild_if_outdated(engine: Engine, before: Callable[[str], None] | None = None) -> bool:
    """Rebuild every person's keys when their rules changed (``before("search_keys")``
    first: the desktop app says why it waits); True if it did."""
    with engine.connect() as connection:
        stored = connection.execute(
            select(Setting.value).where(Setting.key == VERSION_KEY)
        ).scalar()
    if stored is not None and stored.get("version") == INDEX_VERSION:
        return False
    if before is not None:
        before("search_keys")
    indexes = sorted(cast(Table, PersonNameKey.__table__).indexes, key=lambda i: str(i.name))
    with engine.begin() as connection:
        # Emptied and filled without its indexes, which are then built once from the sorted
        # rows: 100,000 persons (1.2 M keys) took 16 s with them, 3.4 s so (SQLite).
        for index in indexes:
            index.drop(connection)
        connection.execute(delete(PersonNameKey))
        batch: list[dict[str, Any]] = []
        people = connection.execute(
            select(
                Person.id,
                Person.family_names,
                Person.given_names,
                Person.family_names_original,
                Person.given_names_original,
                Person.birth_year,
            )
        )
        for person_id, family, given, family_original, given_original, year in people:
            keys = index_keys(family, given, family_original, given_original)
            batch.extend(
                {"person_id": person_id, "key": key, "birth_year": year} for key in sorted(keys)
            )
            if len(batch) >= BATCH:
                connection.execute(insert(PersonNameKey), batch)
                batch = []
        if batch:
            connection.execute(insert(PersonNameKey), batch)
        for index in indexes:
            index.create(connection)
        connection.execute(delete(Setting).where(Setting.key == VERSION_KEY))
        connection.execute(
            insert(Setting).values(key=VERSION_KEY, value={"version": INDEX_VERSION})
        )
    return True
