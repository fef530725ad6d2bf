"""The audit log: one hash-chained event per write, in the same transaction as the write.

Each event's hash covers its content and the previous event's hash, so removing or
editing an event breaks the chain from there on (:func:`verify_chain` finds where).
Details name objects and decisions, never personal data beyond ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.ids import new_uuid
from passapp.domain.text import clean_text
from passapp.models.entities import AuditEvent, utcnow

GENESIS = "0" * 64


def _digest(event: AuditEvent) -> str:
    body = {
        "id": str(event.id),
        "occurred_at": event.occurred_at.isoformat(),
        "office_code": event.office_code,
        "actor": event.actor,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "details": event.details,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def record(
    session: Session,
    *,
    actor: str,
    office_code: str | None,
    action: str,
    object_type: str,
    object_id: object | None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    # Every write is audited, so this one check holds every write to the clerk-name rule
    # ($PASSAPP_CLERK or the account name); refused, the caller's transaction rolls back.
    clean_text("clerk", actor)
    last = session.scalars(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    event = AuditEvent(
        occurred_at=utcnow(),
        office_code=office_code,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        details=details or {},
        prev_hash=last or GENESIS,
    )
    event.id = new_uuid()
    event.hash = _digest(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    broken_at: int | None = None


def verify_chain(session: Session) -> ChainCheck:
    previous = GENESIS
    count = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        if event.prev_hash != previous or _digest(event) != event.hash:
            return ChainCheck(ok=False, events=count, broken_at=event.seq)
        previous = event.hash
    return ChainCheck(ok=True, events=count)
