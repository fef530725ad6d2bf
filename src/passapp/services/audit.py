"""The audit log: one hash-chained event per write, in the same transaction as the write.

Each event's hash covers its content and the previous event's hash, so removing or
editing an event breaks the chain from there on (:func:`verify_chain` finds where).
Details name objects and decisions, never personal data beyond ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passapp.domain.ids import new_uuid
from passapp.domain.text import clean_text
from passapp.models.entities import AuditEvent, Installation, Office, utcnow
from passapp.services.context import ServiceContext

GENESIS = "0" * 64


def event_hash(event: AuditEvent) -> str:
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
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class EventRef:
    """An audit event named for a person who reads the log: seq, time, action, object, actor."""

    seq: int
    occurred_at: dt.datetime
    action: str
    object_type: str
    object_id: str | None
    actor: str

    @classmethod
    def of(cls, event: AuditEvent) -> EventRef:
        return cls(
            event.seq,
            event.occurred_at,
            event.action,
            event.object_type,
            event.object_id,
            event.actor,
        )

    def describe(self) -> str:
        when = self.occurred_at.strftime("%d.%m.%Y %H:%M:%S UTC")
        target = self.object_type + (f" {self.object_id}" if self.object_id else "")
        return f"Nr. {self.seq} vom {when} ({self.action}, {target}, von {self.actor})"

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "occurred_at": self.occurred_at.isoformat(),
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "actor": self.actor,
        }


class Problem(StrEnum):
    CHANGED = "changed"  # the content no longer matches its hash, or the hash was recomputed
    REMOVED = "removed"  # events are missing: the next event names a hash no event has
    REORDERED = "reordered"  # both hashes valid, but the event follows another one
    INSERTED = "inserted"  # an event claims the same predecessor as the one after it


@dataclass(frozen=True)
class ChainCheck:
    """The result of :func:`verify_chain`: intact, or the first problem and the event it names."""

    ok: bool
    events: int
    problem: Problem | None = None
    event: EventRef | None = None  # the changed, reordered or inserted event; after a removal
    # the first event after the gap
    follows: EventRef | None = None  # reordered: the event it was written after
    missing: tuple[int, int] | None = None  # removed: the first and last seq of the gap
    last: EventRef | None = None
    head: str = GENESIS  # the newest event's hash: what a copy elsewhere can compare

    @property
    def broken_at(self) -> int | None:
        return None if self.event is None else self.event.seq

    def message_de(self) -> str:
        if self.ok:
            when = "" if self.last is None else ", letzter am " + _german_time(self.last)
            return f"Protokoll intakt: {self.events} Einträge{when}."
        assert self.event is not None
        event = self.event.describe()
        if self.problem is Problem.REMOVED and self.missing is not None:
            first, last = self.missing
            gap = f"Nr. {first}" if first == last else f"Nr. {first} bis {last}"
            return f"Protokoll verändert: Eintrag {gap} gelöscht (vor Eintrag {event})."
        if self.problem is Problem.REORDERED:
            place = "an den Anfang" if self.follows is None else f"hinter Nr. {self.follows.seq}"
            return (
                f"Protokoll verändert: Eintrag {event} steht an falscher Stelle (gehört {place})."
            )
        if self.problem is Problem.INSERTED:
            return f"Protokoll verändert: Eintrag {event} wurde eingefügt."
        return f"Protokoll verändert: Eintrag {event} wurde geändert."

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "problem": None if self.problem is None else self.problem.value,
            "event": None if self.event is None else self.event.to_json(),
            "follows": None if self.follows is None else self.follows.to_json(),
            "missing": None if self.missing is None else list(self.missing),
            "last": None if self.last is None else self.last.to_json(),
            "head": self.head,
            "message": self.message_de(),
        }


def _german_time(event: EventRef) -> str:
    return event.occurred_at.strftime("%d.%m.%Y %H:%M UTC")


def verify_chain(session: Session) -> ChainCheck:
    """Walk the chain in seq order; at the first broken link, tell what happened there.

    Streams the events (memory stays flat); only a break costs a few look-ups by hash.
    """
    total = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    before: AuditEvent | None = None
    events = session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    )
    for event in events:
        expected = GENESIS if before is None else before.hash
        if event.prev_hash != expected or event_hash(event) != event.hash:
            newest = session.scalars(
                select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
            ).first()
            return replace(_diagnose(session, before, event), events=total, head=newest or GENESIS)
        before = event
    last = None if before is None else EventRef.of(before)
    return ChainCheck(
        ok=True, events=total, last=last, head=GENESIS if before is None else before.hash
    )


def _diagnose(session: Session, before: AuditEvent | None, event: AuditEvent) -> ChainCheck:
    after = session.scalars(
        select(AuditEvent).where(AuditEvent.seq > event.seq).order_by(AuditEvent.seq).limit(1)
    ).first()
    if event_hash(event) != event.hash:
        # An event that claims the same predecessor as its successor was slipped in between.
        inserted = after is not None and after.prev_hash == event.prev_hash
        return _broken(Problem.INSERTED if inserted else Problem.CHANGED, event)
    if before is not None and event.prev_hash == before.prev_hash:
        return _broken(Problem.INSERTED, before)
    named = _by_hash(session, event.prev_hash)
    if named is not None or (event.prev_hash == GENESIS and before is not None):
        return _broken(Problem.REORDERED, event, follows=named)
    previous_seq = 0 if before is None else before.seq
    if event.seq > previous_seq + 1:
        return _broken(Problem.REMOVED, event, missing=(previous_seq + 1, event.seq - 1))
    # No gap in the numbers: the event before was rewritten and its hash recomputed (or
    # events were removed and the rest renumbered; the chain cannot tell these apart).
    return _broken(Problem.CHANGED, before or event)


def _by_hash(session: Session, digest: str) -> AuditEvent | None:
    return session.scalars(select(AuditEvent).where(AuditEvent.hash == digest)).first()


def _broken(
    problem: Problem,
    event: AuditEvent,
    *,
    follows: AuditEvent | None = None,
    missing: tuple[int, int] | None = None,
) -> ChainCheck:
    return ChainCheck(
        ok=False,
        events=0,
        problem=problem,
        event=EventRef.of(event),
        follows=None if follows is None else EventRef.of(follows),
        missing=missing,
    )


def check_log(ctx: ServiceContext) -> ChainCheck:
    """The whole local log checked (``passapp audit verify``, Verwaltung → Protokoll prüfen)."""
    with ctx.db.reading() as session:
        return verify_chain(session)


def recent_events(ctx: ServiceContext, limit: int = 200) -> list[EventRef]:
    """The newest events, newest first, as the admin screen lists them."""
    with ctx.db.reading() as session:
        newest = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        return [EventRef.of(event) for event in session.scalars(newest)]


def record_read(
    ctx: ServiceContext,
    *,
    action: str,
    object_type: str,
    object_id: object | None,
    details: dict[str, Any] | None = None,
) -> None:
    """Log a read (a record opened, a sheet printed) in its own short write transaction.

    Separate from the read itself, so reading never holds the write lock; one insert.
    """
    with ctx.db.transaction() as session:
        record(
            session,
            actor=ctx.clerk,
            office_code=_local_office_code(session),
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )


def _local_office_code(session: Session) -> str | None:
    installation = session.get(Installation, 1)
    if installation is None or installation.office_id is None:
        return None
    office = session.get(Office, installation.office_id)
    return None if office is None else office.code


def local_office_code(session: Session) -> str | None:
    """This database's own office code (None before set-up), for an event's office."""
    return _local_office_code(session)


def record_refusal(ctx: ServiceContext, *, use_case: str, permission: str) -> None:
    """Log that the account tried a use case its role may not run (BSI OPS.1.1.5: refused
    access is logged); its own short transaction, nothing else is written."""
    with ctx.db.transaction() as session:
        record(
            session,
            actor=ctx.clerk,
            office_code=_local_office_code(session),
            action="permission.refused",
            object_type="use_case",
            object_id=use_case,
            details={"needs": permission},
        )
