"""New search-key rules rebuild every person's keys once, when the database opens: on
SQLite and PostgreSQL alike, the indexes back as they were, the keys as registering
would have written them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select, text

from passapp.models.database import open_database
from passapp.models.entities import PersonNameKey
from passapp.services.offices import init_office
from tests.conftest import make_url_context
from tests.services.helpers import register


def keys_and_indexes(url: str) -> tuple[set[tuple[str, int]], dict[str, list[str]]]:
    db = open_database(url)
    try:
        with db.reading() as session:
            keys = {(k.key, k.birth_year) for k in session.scalars(select(PersonNameKey))}
        indexes = {
            str(index["name"]): [str(c) for c in index["column_names"]]
            for index in inspect(db.engine).get_indexes("person_name_key")
        }
    finally:
        db.dispose()
    return keys, indexes


def test_outdated_keys_are_rebuilt_with_their_indexes(any_db_url: str, tmp_path: Path) -> None:
    ctx = make_url_context(any_db_url, tmp_path)
    try:
        init_office(
            ctx, code="EWDAH", name="EMA Dachau", kind="einwohnermeldeamt", municipality="Dachau"
        )
        register(ctx, "Al-Husseini", "Dschamal", birth="1990-02-11", original=("الحسيني", "جمال"))
        register(ctx, "Ahmadi", "Zahra", birth="2001-00-00")
    finally:
        ctx.db.dispose()
    written, indexes = keys_and_indexes(any_db_url)
    assert ("O:الحسيني جمال", 1990) in written

    db = open_database(any_db_url)
    with db.transaction() as session:  # as an older release left them: other rules, no O:
        session.execute(text("DELETE FROM person_name_key WHERE key LIKE 'O:%'"))
        session.execute(
            text("UPDATE setting SET value = '{\"version\": 1}' WHERE key = 'search_index_version'")
        )
    db.dispose()

    rebuilt, indexes_after = keys_and_indexes(any_db_url)
    assert rebuilt == written
    assert indexes_after == indexes
    assert indexes["ix_person_name_key_lookup"] == ["key", "birth_year", "person_id"]
