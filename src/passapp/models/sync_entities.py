"""Sync bookkeeping (DESIGN §7): versions applied, acknowledgements, staging, conflicts.

* ``AppliedVersion``: per origin database, the highest change counter applied here (the
  version vector). A bundle's changes at or below it are skipped, so the same bundle twice
  or an older bundle after a newer one changes nothing.
* ``PeerState``: per peer office, what it has acknowledged of each origin database; the
  next bundle to it holds everything above that.
* ``PendingChange``: a child whose parent has not arrived yet (an entry before its pass);
  it waits and is retried with every import.
* ``QuarantinedChange``: a malformed record, kept and reported, never silently dropped.
* ``SyncConflict``: where two places changed the same record, the losing values are kept
  here for the district to review; the deterministic winner was applied.
* ``BundleReceipt``: what each exported or imported bundle contained and did.
* ``DatabaseOrigin``: which office signs for each origin database id; bound when the id
  first arrives in a verified bundle, so no other office can speak for it (issue 9).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from passapp.domain.ids import new_uuid
from passapp.models.entities import Base, utcnow


class AppliedVersion(Base):
    __tablename__ = "sync_applied_version"

    database_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    counter: Mapped[int] = mapped_column(Integer)


class EntityVersion(Base):
    """The version of the last change applied to a shared record, to detect concurrent edits."""

    __tablename__ = "sync_entity_version"

    entity_type: Mapped[str] = mapped_column(String(30), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    database_id: Mapped[uuid.UUID] = mapped_column()
    counter: Mapped[int] = mapped_column(Integer)
    origin_office: Mapped[str] = mapped_column(String(6))


class PeerState(Base):
    __tablename__ = "sync_peer"

    office_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    # origin database id -> highest counter the peer has confirmed to hold
    acknowledged: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_export_at: Mapped[dt.datetime | None] = mapped_column()
    last_import_at: Mapped[dt.datetime | None] = mapped_column()


class PendingChange(Base):
    __tablename__ = "sync_pending"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    database_id: Mapped[uuid.UUID] = mapped_column()
    counter: Mapped[int] = mapped_column(Integer)
    waiting_for: Mapped[str] = mapped_column(String(80))  # "<entity type>:<id>"
    change: Mapped[dict[str, Any]] = mapped_column()
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QuarantinedChange(Base):
    __tablename__ = "sync_quarantine"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    bundle_id: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(300))
    change: Mapped[dict[str, Any]] = mapped_column()
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[uuid.UUID] = mapped_column()
    field: Mapped[str] = mapped_column(String(60))
    applied_value: Mapped[dict[str, Any]] = mapped_column()  # {"value": …, "origin": …}
    kept_value: Mapped[dict[str, Any]] = mapped_column()  # the losing value, kept for review
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BundleReceipt(Base):
    __tablename__ = "sync_bundle"

    bundle_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "out" or "in"
    peer: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[dt.datetime] = mapped_column()
    processed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DatabaseOrigin(Base):
    __tablename__ = "sync_database_origin"

    database_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(6))
    bound_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OfficeAuditEvent(Base):
    """District: the audit events an office sent in its bundles, as the office hashed them.

    The district checks each office's chain on import and keeps the copy, so an office log
    rewritten or cut short later no longer matches what the district holds (issue 10)."""

    __tablename__ = "office_audit_event"

    office_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[uuid.UUID] = mapped_column()
    occurred_at: Mapped[dt.datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str | None] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditAcknowledged(Base):
    """Office: the newest own audit event the district confirmed to hold (sent after it)."""

    __tablename__ = "audit_acknowledged"

    peer: Mapped[str] = mapped_column(String(6), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
