"""The store: schema from migrations equals the models, upgrades back up first, pragmas."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from passapp.models.database import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    _alembic_config,
    backup_sqlite,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    to_url,
)
from passapp.models.entities import Base, Person


def test_migrations_build_exactly_the_schema_of_the_models(tmp_path: Path) -> None:
    from alembic import command

    engine = make_engine(to_url(str(tmp_path / "migrated.sqlite3")))
    command.upgrade(_alembic_config(engine), "head")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    engine.dispose()


def test_fresh_database_is_stamped_at_head(tmp_path: Path) -> None:
    db = open_database(to_url(str(tmp_path / "fresh.sqlite3")))
    assert current_revision(db.engine) == head_revision(db.engine)
    assert db.backup_path is None


def test_pragmas_are_on_for_every_connection(tmp_path: Path) -> None:
    db = open_database(to_url(str(tmp_path / "pragmas.sqlite3")))
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS


RELEASED = sorted((Path(__file__).parent / "released").glob("schema-*.sqlite3"))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_opens_at_head_with_its_data(tmp_path: Path, fixture: Path) -> None:
    """One database per released schema (made by that release); each must upgrade."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    db = open_database(to_url(str(path)))
    assert current_revision(db.engine) == head_revision(db.engine)
    if revision != head_revision(db.engine):
        assert db.backup_path is not None
        assert db.backup_path.exists()
    with db.reading() as session:
        assert session.execute(text("SELECT family_names FROM person")).scalar() == "Müller"
        assert session.execute(text("SELECT count(*) FROM pass")).scalar() == 1
    with pytest.raises(IntegrityError, match="append-only"), db.transaction() as session:
        session.execute(text("UPDATE audit_event SET actor = 'x'"))


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = open_database(to_url(str(tmp_path / "live.sqlite3")))
    with db.transaction() as session:
        session.execute(text("INSERT INTO municipality (key, name) VALUES ('09999999', 'Test')"))
    backup = backup_sqlite(db.engine, "manual")
    assert backup is not None
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT name FROM municipality").fetchone() == ("Test",)


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(to_url(str(path))).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(DatabaseError) as caught:
        open_database(to_url(str(path)))
    assert "newer" in str(caught.value)


def test_a_foreign_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE something (x)")
    with pytest.raises(DatabaseError):
        open_database(to_url(str(path)))


def test_in_memory_database_for_tests() -> None:
    db = open_database("sqlite://")
    with db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM office")).scalar() == 0


def test_search_keys_are_rebuilt_when_their_rules_change(tmp_path: Path) -> None:
    released = RELEASED[0]
    path = tmp_path / released.name
    shutil.copy(released, path)
    with sqlite3.connect(path) as connection:
        before = {row[0] for row in connection.execute("SELECT key FROM person_name_key")}
        # the released schema knew original-script names, its key rules did not
        connection.execute("UPDATE person SET family_names_original = 'الحسيني'")
    steps: list[str] = []
    db = open_database(to_url(str(path)), before_long_step=steps.append)
    with db.reading() as session:
        after = set(session.scalars(text("SELECT key FROM person_name_key")))
        version = session.execute(
            text("SELECT value FROM setting WHERE key = 'search_index_version'")
        ).scalar()
    assert any(key.startswith("LI:") for key in after)
    assert not any(key.startswith("LI:") for key in before)
    assert "O:الحسيني" in after
    assert version is not None
    # the desktop app was told before each long step; opened again, nothing is long
    assert steps == ["upgrade", "search_keys"]
    db.dispose()
    open_database(to_url(str(path)), before_long_step=steps.append).dispose()
    assert steps == ["upgrade", "search_keys"]


def test_a_district_of_schema_0005_binds_the_databases_it_applied_to_their_office(
    tmp_path: Path,
) -> None:
    """Made by the release before issue 9: a district that had imported one office bundle.
    Migration 0006 binds that office's database id to it, so no other office can claim it
    (issue 9, item 1)."""
    path = tmp_path / "schema-0005.sqlite3"
    shutil.copy(Path(__file__).parent / "released" / "schema-0005.sqlite3", path)
    with sqlite3.connect(path) as connection:
        [(applied,)] = connection.execute("SELECT database_id FROM sync_applied_version")
    db = open_database(to_url(str(path)))
    with db.reading() as session:
        bound = session.execute(
            text("SELECT database_id, office_code FROM sync_database_origin")
        ).all()
    db.dispose()
    assert [(str(database_id), code) for database_id, code in bound] == [(applied, "EWDAH")]


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_a_released_person_gets_an_empty_learner_profile_that_can_be_written(
    tmp_path: Path, fixture: Path
) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    db = open_database(to_url(str(path)))
    with db.transaction() as session:
        person = session.scalars(select(Person)).one()
        assert person.learner_profile is None
        person.learner_profile = {"literacy": "latin"}
    with db.reading() as session:
        assert session.scalars(select(Person)).one().learner_profile == {"literacy": "latin"}
