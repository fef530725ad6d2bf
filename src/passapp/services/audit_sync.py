"""Audit events travel to the district in bundles and are checked there (issue 10).

An office's bundle carries ``{"type": "audit", "events": [...], "count", "head"}`` records
with its events the district has not confirmed yet, in batches that stay under the record
size limit; every record also names the office's event count and newest hash. The district
stores the events per office (:class:`OfficeAuditEvent`), checks each one against its own
hash and against the previous one it holds, and answers with ``{"type": "audit_ack",
"seq"}`` in its bundles to that office. A break does not stop the import: the changes are
applied and the first problem is reported (``audit_problem``) and kept in the receipt.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passapp.models.entities import AuditEvent
from passapp.models.sync_entities import AuditAcknowledged, OfficeAuditEvent
from passapp.services.audit import GENESIS, event_hash
from passapp.services.sync_limits import MAX_RECORD_BYTES

RECORD_TYPES = frozenset({"audit", "audit_ack"})
_BATCH_BYTES = MAX_RECORD_BYTES // 2  # room for the record's own keys and JSON overhead
_FIELDS = ("actor", "action", "object_type", "object_id", "details", "prev_hash", "hash")


class AuditReport(Protocol):
    audit_problem: str | None


def outgoing(session: Session, role: str, recipient: str) -> Iterator[dict[str, Any]]:
    """The audit records of a bundle: an office's unconfirmed events, the district's ack."""
    if role == "district":
        held = session.scalar(
            select(func.max(OfficeAuditEvent.seq)).where(OfficeAuditEvent.office_code == recipient)
        )
        if held is not None:
            yield {"type": "audit_ack", "seq": held}
        return
    confirmed = session.get(AuditAcknowledged, recipient)
    after = 0 if confirmed is None else confirmed.seq
    count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    head = session.scalars(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    batch: list[dict[str, Any]] = []
    size, sent = 0, False
    events = select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq)
    for event in session.scalars(events.execution_options(yield_per=500)):
        item = _event_json(event)
        item_size = len(json.dumps(item, ensure_ascii=False).encode())
        if batch and size + item_size > _BATCH_BYTES:
            yield {"type": "audit", "count": count, "head": head, "events": batch}
            batch, size, sent = [], 0, True
        batch.append(item)
        size += item_size
    if batch or not sent:  # nothing new: the count and head travel all the same
        yield {"type": "audit", "count": count, "head": head, "events": batch}


def _event_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "id": str(event.id),
        "occurred_at": event.occurred_at.isoformat(),
        "office_code": event.office_code,
        **{name: getattr(event, name) for name in _FIELDS},
    }


def apply(
    session: Session, role: str, sender: str, record: dict[str, Any], report: AuditReport
) -> None:
    """An ``audit`` record at the district, an ``audit_ack`` at an office; else ignored."""
    if record.get("type") == "audit_ack" and role != "district":
        _acknowledge(session, sender, record.get("seq"))
    elif record.get("type") == "audit" and role == "district":
        events = record.get("events")
        for item in events if isinstance(events, list) else []:
            problem = _store(session, sender, item)
            if problem and report.audit_problem is None:
                report.audit_problem = problem
        problem = _truncated(session, sender, record.get("count"))
        if problem and report.audit_problem is None:
            report.audit_problem = problem


def _acknowledge(session: Session, peer: str, seq: Any) -> None:
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 2**62:
        return
    confirmed = session.get(AuditAcknowledged, peer)
    if confirmed is None:
        session.add(AuditAcknowledged(peer=peer, seq=seq))
    else:
        confirmed.seq = max(confirmed.seq, seq)


def _store(session: Session, office: str, item: Any) -> str | None:
    event = _parse(item)
    if event is None:
        return f"Protokoll von {office}: ein Eintrag ist unlesbar."
    seq = int(item["seq"])
    held = session.get(OfficeAuditEvent, (office, seq))
    if held is not None:
        # Sent again (an acknowledgement was lost): it must be the event sent before.
        return None if held.hash == event.hash else _problem(office, seq, event, "geändert")
    last = session.scalars(
        select(OfficeAuditEvent)
        .where(OfficeAuditEvent.office_code == office)
        .order_by(OfficeAuditEvent.seq.desc())
        .limit(1)
    ).first()
    problem = None
    if event_hash(event) != event.hash:
        problem = _problem(office, seq, event, "geändert")
    elif event.prev_hash != (GENESIS if last is None else last.hash):
        gap = seq > (0 if last is None else last.seq) + 1
        problem = _problem(office, seq, event, "davor gelöscht" if gap else "umgestellt")
    session.add(
        OfficeAuditEvent(
            office_code=office,
            seq=seq,
            id=event.id,
            occurred_at=event.occurred_at,
            **{name: getattr(event, name) for name in _FIELDS},
        )
    )
    session.flush()
    return problem


def _parse(item: Any) -> AuditEvent | None:
    """The event as the office hashed it (not added to the session), or None if malformed."""
    try:
        seq = item["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 2**62:
            return None
        event = AuditEvent(
            id=uuid.UUID(item["id"]),
            occurred_at=dt.datetime.fromisoformat(item["occurred_at"]),
            office_code=item["office_code"],
            **{name: item[name] for name in _FIELDS},
        )
    except (KeyError, TypeError, ValueError):
        return None
    texts = (
        (event.actor, 100),
        (event.action, 60),
        (event.object_type, 30),
        (event.object_id or "", 40),
        (event.office_code or "", 6),
        (event.prev_hash, 64),
        (event.hash, 64),
    )
    if not all(isinstance(text, str) and len(text) <= most for text, most in texts):
        return None
    return event if isinstance(event.details, dict) else None


def _problem(office: str, seq: int, event: AuditEvent, what: str) -> str:
    target = event.object_type + (f" {event.object_id}" if event.object_id else "")
    return (
        f"Protokoll von {office}: Eintrag Nr. {seq} "
        f"({event.action}, {target}, von {event.actor}) {what}."
    )


def _truncated(session: Session, office: str, count: Any) -> str | None:
    """The office now has fewer events than the district already holds: some were cut."""
    if not isinstance(count, int) or isinstance(count, bool):
        return None
    held = session.scalar(
        select(func.count())
        .select_from(OfficeAuditEvent)
        .where(OfficeAuditEvent.office_code == office)
    )
    if held and count < held:
        return f"Protokoll von {office}: nur noch {count} Einträge, hier liegen schon {held}."
    return None
