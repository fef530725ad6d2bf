"""Migration 0011 (offer titles per print language, issue 12): up keeps the catalogue and
adds an empty column; down drops the column and keeps every offer (a plain DROP COLUMN,
no rebuild of the table the entries refer to)."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from passapp.models.database import _alembic_config, current_revision, make_engine, to_url


def offer_columns(engine: object) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("offer")}  # type: ignore[arg-type]


def test_0011_adds_titles_and_its_downgrade_removes_them_keeping_the_offers(
    tmp_path: Path,
) -> None:
    engine = make_engine(to_url(str(tmp_path / "migrate.sqlite3")))
    config = _alembic_config(engine)
    command.upgrade(config, "0010")
    insert = (
        "INSERT INTO offer (id, slug, category, title, provider, languages, cefr_levels,"
        " is_sample, active) VALUES (:id, :slug, 'sprachkurs', 'Deutsch', 'VHS', '[]', '[]',"
        " 0, 1)"
    )
    with engine.begin() as connection:
        connection.execute(text(insert), {"id": "0" * 32, "slug": "deutsch"})
    assert "titles" not in offer_columns(engine)

    command.upgrade(config, "0011")
    assert current_revision(engine) == "0011"
    with engine.begin() as connection:
        assert connection.execute(text("SELECT slug, titles FROM offer")).all() == [
            ("deutsch", None)
        ]
        connection.execute(text("UPDATE offer SET titles = :t"), {"t": json.dumps({"uk": "К"})})

    command.downgrade(config, "0010")
    assert current_revision(engine) == "0010"
    assert "titles" not in offer_columns(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT slug, title FROM offer")).all() == [
            ("deutsch", "Deutsch")
        ]
    command.upgrade(config, "head")
    assert "titles" in offer_columns(engine)
    engine.dispose()
