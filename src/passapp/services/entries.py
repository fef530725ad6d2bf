"""The entry log of a pass: append-only; corrections and cancellations are new entries."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.crypto.passverify import verify_pass_qr
from passapp.domain.entries import (
    LEVELLED_KINDS,
    Action,
    CefrLevel,
    EntryKind,
    EntryStatus,
)
from passapp.domain.text import clean_optional_text
from passapp.models.entities import Entry, Offer, Office, Pass
from passapp.services import audit, changes
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.passes import load_pass_by_number
from passapp.services.trust import current_trust_list
from passapp.services.verification import looks_like_qr, pass_from_qr

# Planned steps may lie ahead; what happened may not.
_FUTURE_ALLOWED = {EntryStatus.EMPFOHLEN, EntryStatus.ANGEMELDET}


@dataclass(frozen=True)
class EntryInput:
    kind: EntryKind
    start_date: dt.date
    end_date: dt.date | None = None
    status: EntryStatus | None = None
    title: str | None = None
    provider: str | None = None
    offer_slug: str | None = None
    level: CefrLevel | None = None
    result: str | None = None
    action: Action = Action.RECORD
    refers_to: uuid.UUID | None = None


@dataclass(frozen=True)
class EntryView:
    id: uuid.UUID
    kind: str
    status: str | None
    date: dt.date
    end_date: dt.date | None
    title: str | None
    provider: str | None
    offer: str | None
    level: str | None
    result: str | None
    action: str
    refers_to: uuid.UUID | None
    office: str
    logged_by: str
    logged_at: dt.datetime
    # Set where a later entry corrected or cancelled this one.
    superseded_by: uuid.UUID | None = None
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "kind": self.kind,
            "status": self.status,
            "date": self.date.isoformat(),
            "end_date": None if self.end_date is None else self.end_date.isoformat(),
            "title": self.title,
            "provider": self.provider,
            "offer": self.offer,
            "level": self.level,
            "result": self.result,
            "action": self.action,
            "refers_to": None if self.refers_to is None else str(self.refers_to),
            "office": self.office,
            "logged_by": self.logged_by,
            "logged_at": self.logged_at.isoformat(),
            "superseded_by": None if self.superseded_by is None else str(self.superseded_by),
            "cancelled": self.cancelled,
        }


@dataclass(frozen=True)
class EntryLog:
    pass_number: str
    pass_status: str
    entries: list[EntryView]

    def to_json(self) -> dict[str, Any]:
        return {
            "pass_number": self.pass_number,
            "pass_status": self.pass_status,
            "entries": [e.to_json() for e in self.entries],
        }


def add_entry(ctx: ServiceContext, pass_reference: str, data: EntryInput) -> EntryView:
    today = ctx.today()
    data = _cleaned(data)
    _validate(data, today)
    with ctx.db.transaction() as session:
        office = local_office(session)
        # A scanned QR of another office's pass is verified and becomes a local stub.
        if looks_like_qr(pass_reference):
            record = pass_from_qr(ctx, session, pass_reference)
        else:
            record = load_pass_by_number(session, pass_reference)
        if record.status != "active":
            raise Refused(
                f"pass {record.pass_number} is {record.status}; entries are only logged on an active pass",
                f"Der Pass {record.pass_number} ist nicht gültig ({record.status}); Einträge sind nicht möglich.",
            )
        offer_id = _offer_id(session, data.offer_slug)
        if data.action != Action.RECORD:
            _check_reference(session, record, data)
        entry = Entry(
            pass_id=record.id,
            kind=data.kind.value,
            status=None if data.status is None else data.status.value,
            offer_id=offer_id,
            title=data.title,
            provider=data.provider,
            start_date=data.start_date,
            end_date=data.end_date,
            level=None if data.level is None else data.level.value,
            result=data.result,
            action=data.action.value,
            refers_to_id=data.refers_to,
            office_id=office.id,
            logged_by=ctx.clerk,
        )
        session.add(entry)
        session.flush()
        changes.record(session, entry)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action=f"entry.{data.action.value}",
            object_type="entry",
            object_id=entry.id,
            details={
                "pass_number": record.pass_number,
                "kind": entry.kind,
                "refers_to": _str(data.refers_to),
            },
        )
        return _views(session, [entry])[0]


def _cleaned(data: EntryInput) -> EntryInput:
    """The texts as stored: limits and characters of passapp.domain.text, None if blank."""
    return replace(
        data,
        title=clean_optional_text("entry.title", data.title),
        provider=clean_optional_text("entry.provider", data.provider),
        result=clean_optional_text("entry.result", data.result),
    )


def _validate(data: EntryInput, today: dt.date) -> None:
    if data.end_date is not None and data.end_date < data.start_date:
        raise InvalidInput(
            "the end date lies before the start date", "Das Enddatum liegt vor dem Beginn."
        )
    if data.start_date > today and data.status not in _FUTURE_ALLOWED:
        raise InvalidInput(
            "the date lies in the future; only 'empfohlen' or 'angemeldet' entries may",
            "Das Datum liegt in der Zukunft; das geht nur mit Status „empfohlen“ oder „angemeldet“.",
        )
    if data.level is not None and data.kind not in LEVELLED_KINDS:
        raise InvalidInput(
            f"a language level does not apply to the entry kind {data.kind.value}",
            f"Ein Sprachniveau passt nicht zur Eintragsart {data.kind.value}.",
        )
    if (data.action == Action.RECORD) != (data.refers_to is None):
        raise InvalidInput(
            "a correction or cancellation must name the entry it refers to, and only those may",
            "Korrektur und Storno müssen den betroffenen Eintrag nennen.",
        )


def _check_reference(session: Session, record: Pass, data: EntryInput) -> None:
    earlier = session.get(Entry, data.refers_to)
    if earlier is None or earlier.pass_id != record.id:
        raise NotFound(
            f"entry {data.refers_to} does not belong to pass {record.pass_number}",
            f"Der Eintrag {data.refers_to} gehört nicht zu diesem Pass.",
        )
    cancelled = session.scalars(
        select(Entry.id).where(
            Entry.refers_to_id == earlier.id, Entry.action == Action.CANCELLATION.value
        )
    ).first()
    if cancelled is not None:
        raise Refused(
            f"entry {earlier.id} has already been cancelled",
            "Dieser Eintrag wurde bereits storniert.",
        )


def _offer_id(session: Session, slug: str | None) -> uuid.UUID | None:
    if not slug:
        return None
    offer = session.scalars(select(Offer).where(Offer.slug == slug.strip())).first()
    if offer is None:
        raise NotFound(f"no offer {slug!r} in the catalogue", f"Kein Angebot „{slug}“ im Katalog.")
    return offer.id


def list_entries(ctx: ServiceContext, pass_reference: str) -> EntryLog:
    with ctx.db.reading() as session:
        record = load_pass_by_number(session, _number_of(ctx, session, pass_reference))
        entries = list(
            session.scalars(
                select(Entry)
                .where(Entry.pass_id == record.id)
                .order_by(Entry.start_date, Entry.created_at, Entry.id)
            )
        )
        return EntryLog(record.pass_number, record.status, _views(session, entries))


def _views(session: Session, entries: list[Entry]) -> list[EntryView]:
    pass_ids = {e.pass_id for e in entries}
    later = list(
        session.scalars(
            select(Entry).where(Entry.pass_id.in_(pass_ids), Entry.refers_to_id.is_not(None))
        )
    )
    superseded = {e.refers_to_id: e.id for e in later if e.action == Action.CORRECTION.value}
    cancelled = {e.refers_to_id for e in later if e.action == Action.CANCELLATION.value}
    offices = {o.id: o.code for o in session.scalars(select(Office))}
    offers = {
        o.id: o.slug
        for o in session.scalars(
            select(Offer).where(Offer.id.in_({e.offer_id for e in entries if e.offer_id}))
        )
    }
    return [
        EntryView(
            id=e.id,
            kind=e.kind,
            status=e.status,
            date=e.start_date,
            end_date=e.end_date,
            title=e.title,
            provider=e.provider,
            offer=offers.get(e.offer_id) if e.offer_id else None,
            level=e.level,
            result=e.result,
            action=e.action,
            refers_to=e.refers_to_id,
            office=offices.get(e.office_id, "?"),
            logged_by=e.logged_by,
            logged_at=e.created_at,
            superseded_by=superseded.get(e.id),
            cancelled=e.id in cancelled,
        )
        for e in entries
    ]


def _number_of(ctx: ServiceContext, session: Session, reference: str) -> str:
    if not looks_like_qr(reference):
        return reference
    result = verify_pass_qr(reference.strip(), current_trust_list(session), now=ctx.now())
    if result.pass_number is None:
        raise InvalidInput(
            "the scanned text is not a pass QR code", "Der gescannte Text ist kein Pass-QR-Code."
        )
    return result.pass_number


def _str(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)
