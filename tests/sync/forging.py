"""Signed bundles with whatever records an enrolled office chooses to write: what a
dishonest or broken office could send (issue 9). Real keys, real files, real encryption."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from passapp.models.entities import Installation, Office, SigningKey
from passapp.services.context import ServiceContext
from passapp.services.keystore import private_key_of
from passapp.services.offices import local_office
from passapp.services.trust import active_key
from passapp.sync.bundle import BundleHeader, write_bundle
from tests.conftest import NOW


def database_id(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        setup = session.get(Installation, 1)
        assert setup is not None
        return str(setup.database_id)


def own_public_key(ctx: ServiceContext) -> bytes:
    with ctx.db.reading() as session:
        office = local_office(session)
        key = active_key(session, office.id)
        assert key is not None
        return key.public_der


def forge(
    sender: ServiceContext,
    recipient: ServiceContext,
    records: Iterable[dict[str, Any]],
    path: Path,
) -> Path:
    """A bundle signed with ``sender``'s real office key, encrypted to ``recipient``."""
    with sender.db.reading() as session:
        office = local_office(session)
        key = active_key(session, office.id)
        assert key is not None
        signing_key = private_key_of(sender, key)
        key_id, code = key.key_id, office.code
    with recipient.db.reading() as session:
        recipient_code = local_office(session).code
        recipient_key = session.scalars(
            select(SigningKey.public_der)
            .join(Office, Office.id == SigningKey.office_id)
            .where(Office.code == recipient_code, SigningKey.status == "active")
        ).first()
        assert recipient_key is not None
    header = BundleHeader(
        bundle_id=str(uuid.uuid4()),
        sender=code,
        sender_key_id=key_id,
        recipient=recipient_code,
        created_at=NOW,
        counter_ranges={},
        counts={},
    )
    write_bundle(path, header, records, sender_key=signing_key, recipient_public_der=recipient_key)
    return path


def change(
    *,
    origin: str,
    database: str,
    counter: int,
    entity_type: str,
    payload: dict[str, Any],
    operation: str = "update",
) -> dict[str, Any]:
    return {
        "type": "change",
        "database_id": database,
        "counter": counter,
        "origin_office": origin,
        "entity_type": entity_type,
        "entity_id": payload["id"],
        "operation": operation,
        "recorded_at": NOW.isoformat(),
        "payload": payload,
    }
