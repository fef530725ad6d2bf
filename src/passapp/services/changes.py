"""Recording changes of shared records for sync (DESIGN §7, "Versions, not clocks").

Every service write of a record that travels between offices calls :func:`record` in
its own transaction: the change gets the next counter of this database and is stamped
with the origin office and the database id. Bundles (issue #4) carry these records; the
receiver keeps per origin database the highest counter applied.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import inspect, update
from sqlalchemy.orm import Session

from passapp.domain.dates import PartialDate
from passapp.models.database import COUNTER_INFO
from passapp.models.entities import (
    Base,
    ChangeRecord,
    EligibilityCheck,
    Entry,
    Installation,
    Offer,
    Office,
    Pass,
    PassCard,
    Person,
)
from passapp.models.sync_entities import EntityVersion
from passapp.services.errors import NotSetUp

ENTITY_TYPES: dict[type[Base], str] = {
    Person: "person",
    EligibilityCheck: "eligibility_check",
    Pass: "pass",
    PassCard: "pass_card",
    Entry: "entry",
}
# Derived or local-only columns never travel: each database builds or keeps its own.
LOCAL_COLUMNS = {"updated_at"}


def _json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


# Offices and offers have local row ids in every database (each seeds its own); in a
# change they travel as the office code and the offer slug, which are the same everywhere.
OFFICE_COLUMNS = {"office_id", "registered_by_office_id"}
OFFER_COLUMNS = {"offer_id"}


def snapshot(entity: Base, session: Session | None = None) -> dict[str, Any]:
    """The record's columns as JSON values (the payload of a change)."""
    mapper = inspect(entity).mapper
    payload = {
        column.key: _json_value(getattr(entity, column.key))
        for column in mapper.column_attrs
        if column.key not in LOCAL_COLUMNS
    }
    if session is not None:
        for key in OFFICE_COLUMNS & payload.keys():
            office = session.get(Office, getattr(entity, key)) if payload[key] else None
            payload[key] = None if office is None else office.code
        for key in OFFER_COLUMNS & payload.keys():
            offer = session.get(Offer, getattr(entity, key)) if payload[key] else None
            payload[key] = None if offer is None else offer.slug
    return payload


def record(
    session: Session,
    entity: Base,
    operation: str = "insert",
    settles: list[str] | None = None,
) -> ChangeRecord:
    entity_type = ENTITY_TYPES[type(entity)]
    session.flush()
    setup = session.get(Installation, 1)
    if setup is None or setup.office_id is None:
        raise NotSetUp("no office is set up in this database", "Keine Dienststelle eingerichtet.")
    office = session.get(Office, setup.office_id)
    assert office is not None
    counter = allocate_counters(session, setup, 1)
    payload = snapshot(entity, session)
    version = (
        session.get(EntityVersion, (entity_type, entity.id))  # type: ignore[attr-defined]
        if entity_type in VERSIONED_TYPES
        else None
    )
    if version is not None:
        payload[BASE_KEY] = base_of(version)
    if settles:
        payload[SETTLES_KEY] = settles
    change = ChangeRecord(
        database_id=setup.database_id,
        counter=counter,
        origin_office=office.code,
        entity_type=entity_type,
        entity_id=entity.id,  # type: ignore[attr-defined]
        operation=operation,
        payload=payload,
    )
    session.add(change)
    if entity_type in VERSIONED_TYPES:
        _stamp_version(session, change, version)
    session.flush()
    return change


# The version a write was made on travels with it: a receiver that holds exactly that
# version knows the change follows it (no conflict), whoever made it.
BASE_KEY = "_base"
# A change that decides a sync conflict names the stamps of both edits it settles (see
# services/conflicts.py): a receiver holding either takes it as following its version.
SETTLES_KEY = "_settles"


def stamp_text(database_id: object, counter: int) -> str:
    """A change's stamp as payloads and conflicts name it ("database:counter")."""
    return f"{database_id}:{counter}"


def base_of(version: EntityVersion) -> str:
    return stamp_text(version.database_id, version.counter)


# Records that change after their insert carry the stamp of their last write, local or
# received, so a change from elsewhere is compared with what this database last did to
# the record instead of overwriting it (DESIGN §7, "Never overwrite silently").
VERSIONED_TYPES = frozenset({"person", "pass"})


def _stamp_version(session: Session, change: ChangeRecord, version: EntityVersion | None) -> None:
    if version is None:
        session.add(
            EntityVersion(
                entity_type=change.entity_type,
                entity_id=change.entity_id,
                database_id=change.database_id,
                counter=change.counter,
                origin_office=change.origin_office,
            )
        )
    else:
        version.database_id = change.database_id
        version.counter = change.counter
        version.origin_office = change.origin_office


def allocate_counters(session: Session, setup: Installation, count: int) -> int:
    """Take the next ``count`` counters of this database; returns the first of them.

    The caller stamps its changes with them in the same transaction; the database's
    counter ledger learns the new high mark once that transaction commits.
    """
    last = session.execute(
        update(Installation)
        .where(Installation.id == 1)
        .values(change_counter=Installation.change_counter + count)
        .returning(Installation.change_counter)
    ).scalar_one()
    session.info[COUNTER_INFO] = (str(setup.database_id), last)
    return int(last) - count + 1
