"""Tests that run on both backends through ``any_db_url`` (tests/conftest.py): once on a
fresh SQLite file, once on a fresh PostgreSQL database (that one marked ``postgres``, so it
is skipped without ``PASSAPP_TEST_POSTGRES_URL`` and the SQLite one still runs).
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from passapp.domain.dates import PartialDate
from passapp.models.database import current_revision, head_revision, open_database
from passapp.models.entities import Installation, Office, Person


def test_every_backend_opens_at_head_with_guards(any_db_url: str) -> None:
    db = open_database(any_db_url)
    try:
        assert current_revision(db.engine) == head_revision(db.engine)
        with db.transaction() as session:
            session.execute(
                text("INSERT INTO municipality (key, name) VALUES ('09999999', 'Test')")
            )
            session.execute(
                text(
                    "INSERT INTO audit_event (id, occurred_at, actor, action, object_type, "
                    "details, prev_hash, hash) VALUES (:id, :at, 'a', 'b', 'c', '{}', 'p', 'h')"
                ),
                {"id": "0190c0de00007000800000000000000a", "at": "2026-11-25T09:30:00+00:00"},
            )
        for statement in ("UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event"):
            with pytest.raises(IntegrityError, match="append-only"), db.transaction() as session:
                session.execute(text(statement))
        with db.reading() as session:
            assert session.execute(text("SELECT name FROM municipality")).scalar() == "Test"
    finally:
        db.dispose()


def test_values_come_back_as_they_were_written(any_db_url: str) -> None:
    """UUIDs, aware UTC timestamps, bytes, JSON lists and partial dates on either backend."""
    db = open_database(any_db_url)
    database_id = uuid.uuid4()
    created = dt.datetime(
        2026, 11, 25, 9, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    try:
        with db.transaction() as session:
            office = Office(code="EWDAH", name="Einwohnermeldeamt", kind="einwohnermeldeamt")
            session.add(office)
            session.flush()
            session.add(
                Installation(
                    id=1,
                    database_id=database_id,
                    office_id=office.id,
                    created_at=created,
                    root_certificate=b"\x00\xffPEM\x00",
                    previous_database_ids=["a", "b"],
                )
            )
            session.add(
                Person(
                    family_names="Müller",
                    given_names="Zahra",
                    family_names_latin="MUELLER",
                    given_names_latin="ZAHRA",
                    birth_date=PartialDate.parse("2001-00-00"),
                    birth_year=2001,
                    nationalities=["AFG"],
                    registered_by_office_id=office.id,
                    registered_by="test",
                )
            )
        with db.reading() as session:
            stored = session.get(Installation, 1)
            assert stored is not None
            assert stored.database_id == database_id
            assert stored.created_at == created
            assert stored.created_at.utcoffset() == dt.timedelta(0)
            assert stored.root_certificate == b"\x00\xffPEM\x00"
            assert stored.previous_database_ids == ["a", "b"]
            person = session.scalars(select(Person)).one()
            assert person.birth_date == PartialDate.parse("2001-00-00")
            assert person.nationalities == ["AFG"]
            assert person.moved_from_abroad is False
    finally:
        db.dispose()
