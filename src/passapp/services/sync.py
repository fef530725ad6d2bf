"""Exporting and importing sync bundles between offices and the district (DESIGN §7).

Export: every change the recipient has not acknowledged yet, plus this database's
acknowledgement of what it has applied (the version vector), and from the district the
signed trust list. Personal data of a person leaves the registering office only with the
person's consent; without it the district receives the record without identity (birth
year, nationalities, languages, municipality: what demand figures need).

Import: the file is checked whole (format, sender key from the trust list, signature,
recipient, every byte) before anything is read; then every record is applied inside one
transaction, which is the staging area: a bundle that fails half-way leaves nothing. A
change at or below the version already applied from its origin database is skipped, so
the same bundle twice, or an old one after a newer one, changes nothing.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from passapp.domain.ids import new_uuid
from passapp.models.entities import (
    ChangeRecord,
    Installation,
    Offer,
    Office,
    Pass,
    Person,
    SigningKey,
)
from passapp.models.sync_entities import (
    AppliedVersion,
    BundleReceipt,
    PeerState,
    PendingChange,
    QuarantinedChange,
    SyncConflict,
)
from passapp.services import audit
from passapp.services.changes import BASE_KEY
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.keystore import private_key_of
from passapp.services.offices import local_office
from passapp.services.progress import Progress
from passapp.services.progress import update as update_progress
from passapp.services.sync_apply import ChangeApplier, Counts
from passapp.services.sync_limits import MAX_RECORD_BYTES, MAX_VECTOR_ENTRIES
from passapp.services.trust import (
    active_key,
    current_trust_list,
    install_trust_list,
    installation,
    latest_signed_trust_list,
    latest_trust_list_record,
    publish_trust_list,
    trust_list_json,
)
from passapp.sync.bundle import (
    OVERSIZED,
    BundleError,
    BundleHeader,
    open_bundle,
    read_header,
    write_bundle,
)

# What a person record carries without consent: nothing that identifies the person.
ANONYMOUS_PERSON_FIELDS = {
    "id",
    "birth_year",
    "sex",
    "nationalities",
    "languages",
    "moved_from_abroad",
    "municipality_key",
    "registered_by_office_id",
    "registered_by",
    "consent",
    "merged_into_id",
    "erased_at",
    "created_at",
    BASE_KEY,  # the version the change was made on: no personal data
}


@dataclass
class ImportReport(Counts):
    bundle_id: str = ""
    sender: str = ""
    trust_list: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "sender": self.sender,
            "applied": self.applied,
            "skipped": self.skipped,
            "quarantined": self.quarantined,
            "conflicts": self.conflicts,
            "pending": self.pending,
            "dropped": self.dropped,
            "trust_list": self.trust_list,
            "by_type": self.by_type,
        }


@dataclass(frozen=True)
class ExportReport:
    path: Path
    recipient: str
    bundle_id: str
    changes: int
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "recipient": self.recipient,
            "bundle_id": self.bundle_id,
            "changes": self.changes,
            "counts": self.counts,
        }


# --- export ------------------------------------------------------------------------------


def export_bundles(
    ctx: ServiceContext, out: Path, to: str | None = None, progress: Progress | None = None
) -> list[ExportReport]:
    """One bundle per recipient: an office writes for the district; the district for one
    office (``to``) or, into the folder ``out``, for every enrolled office.

    ``progress`` counts finished bundles; cancelling stops before the next one (a bundle
    already written stays complete and valid)."""
    with ctx.db.reading() as session:
        setup = installation(session)
        own = local_office(session).code
        if setup.role == "district":
            offices = [
                code
                for code in session.scalars(select(Office.code).order_by(Office.code))
                if code != own and _public_key(session, code) is not None
            ]
            recipients = [to.upper()] if to else offices
        else:
            if setup.district_code is None:
                raise Refused(
                    "this office is not enrolled yet", "Die Dienststelle ist noch nicht angemeldet."
                )
            recipients = [setup.district_code]
    if not recipients:
        raise Refused(
            "no enrolled office to send to", "Keine angemeldete Dienststelle als Empfänger."
        )
    if len(recipients) > 1 or (to is None and Path(out).is_dir()):
        Path(out).mkdir(parents=True, exist_ok=True)
        targets = [
            Path(out) / f"{own}-an-{code}-{ctx.now():%Y%m%d-%H%M%S}.passapp" for code in recipients
        ]
    else:
        targets = [Path(out)]
    reports = []
    for done, (code, target) in enumerate(zip(recipients, targets, strict=True)):
        update_progress(progress, done, len(recipients), f"Paket für {code} schreiben")
        reports.append(_export_one(ctx, code, target))
    update_progress(progress, len(recipients), len(recipients), "Fertig")
    return reports


def _public_key(session: Session, office_code: str) -> bytes | None:
    office = session.scalars(select(Office).where(Office.code == office_code)).first()
    if office is None:
        return None
    record = session.scalars(
        select(SigningKey)
        .where(
            SigningKey.office_id == office.id,
            SigningKey.status == "active",
            SigningKey.certificate_pem.is_not(None),
        )
        .order_by(SigningKey.valid_from.desc())
    ).first()
    if record is not None:
        return record.public_der
    trust_list = current_trust_list(session)
    if trust_list is None:
        return None
    candidates = [
        k for k in trust_list.keys if k.office_code == office_code and k.compromised_after is None
    ]
    return max(candidates, key=lambda k: k.valid_from).public_der if candidates else None


def _export_one(ctx: ServiceContext, recipient: str, target: Path) -> ExportReport:
    with ctx.db.transaction() as session:
        setup = installation(session)
        office = local_office(session)
        recipient_key = _public_key(session, recipient)
        if recipient_key is None:
            raise InvalidInput(
                f"no key of office {recipient} is known here",
                f"Kein Schlüssel der Stelle {recipient} bekannt.",
            )
        own_key = active_key(session, office.id)
        if own_key is None:
            raise Refused(
                "this office has no certified key to sign with",
                "Kein zertifizierter Schlüssel zum Signieren.",
            )
        peer = _peer(session, recipient)
        changes = [
            c
            for c in _unacknowledged(session, peer)
            if _recipient_needs(session, setup, recipient, c)
        ]
        ranges: dict[str, tuple[int, int]] = {}
        counts: dict[str, int] = {}
        for change in changes:
            key = str(change.database_id)
            first, last = ranges.get(key, (change.counter, change.counter))
            ranges[key] = (min(first, change.counter), max(last, change.counter))
            counts[change.entity_type] = counts.get(change.entity_type, 0) + 1
        bundle_id = str(new_uuid())
        header = BundleHeader(
            bundle_id=bundle_id,
            sender=office.code,
            sender_key_id=own_key.key_id,
            recipient=recipient,
            created_at=ctx.now(),
            counter_ranges=ranges,
            counts=counts,
        )

        if setup.role == "district":
            # Every district bundle carries a trust list that knows what the district knows now
            # (revoked and replaced passes reported by their offices, new office keys).
            publish_trust_list(ctx, session)

        def records() -> Iterator[dict[str, Any]]:
            yield {"type": "ack", "vector": _vector(session, setup)}
            if setup.role == "district":
                # Published just above, so there is one.
                published = latest_trust_list_record(session)
                assert published is not None
                yield {"type": "trust_list", **trust_list_json(latest_signed_trust_list(session))}
                yield {
                    "type": "offers",
                    "trust_list": published.number,
                    "offers": [_offer_json(o) for o in session.scalars(select(Offer))],
                }
            for change in changes:
                yield _change_json(session, change, recipient)

        write_bundle(
            target,
            header,
            records(),
            sender_key=private_key_of(ctx, own_key),
            recipient_public_der=recipient_key,
        )
        peer.last_export_at = ctx.now()
        session.add(
            BundleReceipt(
                bundle_id=bundle_id,
                direction="out",
                peer=recipient,
                created_at=header.created_at,
                summary={"changes": len(changes), "counts": counts, "file": str(target)},
            )
        )
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="sync.export",
            object_type="bundle",
            object_id=bundle_id,
            details={"recipient": recipient, "changes": len(changes)},
        )
        return ExportReport(target, recipient, bundle_id, len(changes), counts)


def _peer(session: Session, office_code: str) -> PeerState:
    """The sync state kept about one peer office, made on first contact."""
    peer = session.get(PeerState, office_code)
    if peer is None:
        peer = PeerState(office_code=office_code, acknowledged={})
        session.add(peer)
    return peer


def _vector(session: Session, setup: Installation) -> dict[str, int]:
    vector = {str(v.database_id): v.counter for v in session.scalars(select(AppliedVersion))}
    vector[str(setup.database_id)] = max(
        vector.get(str(setup.database_id), 0), setup.change_counter
    )
    return vector


def _unacknowledged(session: Session, peer: PeerState) -> Iterator[ChangeRecord]:
    acknowledged = {k: int(v) for k, v in (peer.acknowledged or {}).items()}
    for change in session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq)):
        if change.counter > acknowledged.get(str(change.database_id), 0):
            yield change


def _recipient_needs(
    session: Session, setup: Installation, recipient: str, change: ChangeRecord
) -> bool:
    if change.origin_office == recipient:
        return False  # it came from there
    if setup.role != "district":
        return True  # an office sends the district everything it has
    # The district sends an office what concerns its own people and passes: entries and
    # cards logged elsewhere against its passes, changes to its people (a merge).
    if change.entity_type == "person":
        if change.payload.get("registered_by_office_id") == recipient:
            return True
        return _has_duplicate_at(session, change.entity_id, recipient)
    pass_number = _pass_number_of(session, change)
    return pass_number is not None and pass_number.startswith(f"{recipient}-")


def _has_duplicate_at(session: Session, person_id: uuid.UUID, office_code: str) -> bool:
    """Whether the office registered a record that was merged into this person: then it
    follows the merge and needs the surviving record too."""
    follower = session.scalars(
        select(Person.id)
        .join(Office, Office.id == Person.registered_by_office_id)
        .where(Person.merged_into_id == person_id, Office.code == office_code)
        .limit(1)
    ).first()
    return follower is not None


def _pass_number_of(session: Session, change: ChangeRecord) -> str | None:
    pass_id = (
        change.payload.get("pass_id") if change.entity_type != "pass" else change.payload.get("id")
    )
    if pass_id is None:
        return None
    record = session.get(Pass, uuid.UUID(str(pass_id)))
    return None if record is None else record.pass_number


def _change_json(session: Session, change: ChangeRecord, recipient: str) -> dict[str, Any]:
    payload = dict(change.payload)
    if change.entity_type == "person" and not payload.get("consent"):
        payload = _anonymous(payload)
    return {
        "type": "change",
        "database_id": str(change.database_id),
        "counter": change.counter,
        "origin_office": change.origin_office,
        "entity_type": change.entity_type,
        "entity_id": str(change.entity_id),
        "operation": change.operation,
        "recorded_at": change.recorded_at.isoformat(),
        "payload": payload,
    }


def _anonymous(payload: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in payload.items() if k in ANONYMOUS_PERSON_FIELDS}
    year = int(payload.get("birth_year") or str(payload.get("birth_date", "1900"))[:4])
    kept.update(
        family_names="",
        given_names="",
        family_names_latin="",
        given_names_latin="",
        birth_date=f"{year:04d}-00-00",
        anonymous=True,
    )
    return kept


def _offer_json(offer: Offer) -> dict[str, Any]:
    return {
        "slug": offer.slug,
        "category": offer.category,
        "title": offer.title,
        "provider": offer.provider,
        "address": offer.address,
        "municipality_key": offer.municipality_key,
        "contact": offer.contact,
        "languages": offer.languages,
        "target_group": offer.target_group,
        "cefr_levels": offer.cefr_levels,
        "description": offer.description,
        "is_sample": offer.is_sample,
        "active": offer.active,
    }


# --- import ------------------------------------------------------------------------------


def describe_bundle(path: Path) -> dict[str, Any]:
    """What the plain header of a bundle file says (no key needed, no personal data):
    for the sync screen to show before the admin imports it."""
    try:
        header = read_header(path)
    except BundleError as error:
        raise Refused(f"bundle refused: {error}", error.message_de) from error
    return {
        "bundle_id": header.bundle_id,
        "sender": header.sender,
        "recipient": header.recipient,
        "created_at": header.created_at.isoformat(),
        "counts": dict(header.counts),
        "changes": sum(header.counts.values()),
        "format_version": header.format_version,
    }


def import_bundle(
    ctx: ServiceContext, path: Path, progress: Progress | None = None
) -> ImportReport:
    """Verify and apply one bundle in one transaction. ``progress`` counts records
    applied; cancelling rolls the whole import back."""
    try:
        header = read_header(path)
    except BundleError as error:
        raise Refused(f"bundle refused: {error}", error.message_de) from error
    with ctx.db.transaction() as session:
        office = local_office(session)
        _check_sender(installation(session), office.code, header.sender)
        trust_list = current_trust_list(session)
        if trust_list is None:
            raise Refused(
                "no trust list installed: the sender cannot be checked",
                "Keine Vertrauensliste eingespielt.",
            )
        now = ctx.now()

        def sender_key(code: str, key_id: int) -> bytes | None:
            key = trust_list.key_for(code, key_id)
            if key is None or (key.compromised_after is not None and key.compromised_after <= now):
                return None
            return key.public_der

        own_key = active_key(session, office.id)
        if own_key is None:
            raise Refused(
                "this office has no key to decrypt with",
                "Kein Schlüssel zum Entschlüsseln vorhanden.",
            )
        report = ImportReport(bundle_id=header.bundle_id, sender=header.sender)
        try:
            with open_bundle(
                path,
                recipient_private_key=private_key_of(ctx, own_key),
                expected_recipient=office.code,
                sender_public_der=sender_key,
                max_record_bytes=MAX_RECORD_BYTES,
            ) as bundle:
                # Only now, with the whole file verified, may its id be trusted.
                if session.get(BundleReceipt, bundle.header.bundle_id) is not None:
                    report.skipped = sum(bundle.header.counts.values())
                    return report  # the same file again: nothing to do
                total = sum(bundle.header.counts.values())
                update_progress(progress, 0, total, "Änderungen einspielen")
                applier = ChangeApplier(session, header.bundle_id, report, header.sender)
                with _long_lived_heap_frozen():
                    for number, record in enumerate(bundle.records()):
                        if number % 1000 == 0:
                            update_progress(progress, number, total)
                        _apply_record(ctx, session, applier, header, record, report)
                    applier.finish()
        except BundleError as error:
            raise Refused(f"bundle refused: {error}", error.message_de) from error
        except IntegrityError as error:
            # A record the sender signed contradicts this database (two passes for one
            # person, a duplicate number): nothing of the bundle is applied.
            raise Refused(
                f"bundle refused: a record contradicts this database ({error.orig})",
                "Paket abgelehnt: Ein Datensatz widerspricht dieser Datenbank; "
                "nichts wurde übernommen.",
            ) from error
        _peer(session, header.sender).last_import_at = now
        session.add(
            BundleReceipt(
                bundle_id=header.bundle_id,
                direction="in",
                peer=header.sender,
                created_at=header.created_at,
                summary=report.to_json(),
            )
        )
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="sync.import",
            object_type="bundle",
            object_id=header.bundle_id,
            details={k: v for k, v in report.to_json().items() if k != "by_type"},
        )
        return report


@contextmanager
def _long_lived_heap_frozen() -> Iterator[None]:
    """Keep the objects that live all along (modules, mappings, caches) out of the garbage
    collector's full passes while a bundle is applied: an import allocates millions of
    short-lived objects, and each full pass would walk the whole heap again."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _check_sender(setup: Installation, own_code: str, sender: str) -> None:
    """An office takes bundles from its district only; the district from offices only
    (DESIGN §7). Checked on the plain header, and the signature check then proves it."""
    if setup.role != "district" and sender != setup.district_code:
        raise Refused(
            f"bundle refused: it comes from {sender}; an office accepts bundles from its "
            f"district ({setup.district_code}) only",
            f"Paket abgelehnt: Es kommt von {sender}; eine Dienststelle nimmt Pakete nur vom "
            f"Landratsamt ({setup.district_code}) an.",
        )
    if sender == own_code:
        raise Refused(
            "bundle refused: it was written by this office itself",
            "Paket abgelehnt: Es stammt von dieser Dienststelle selbst.",
        )


# Records only the district may send (DESIGN §7, "The signer is the authority").
DISTRICT_ONLY_RECORDS = frozenset({"trust_list", "offers"})


def _apply_record(
    ctx: ServiceContext,
    session: Session,
    applier: ChangeApplier,
    header: BundleHeader,
    record: dict[str, Any],
    report: ImportReport,
) -> None:
    kind = record.get("type")
    if not isinstance(kind, str):
        kind = None  # not even a type name: dropped below
    if kind == "change":
        applier.add(record)
    elif kind == "ack":
        _acknowledge(session, header.sender, record.get("vector"))
    elif kind in DISTRICT_ONLY_RECORDS and applier.from_office:
        applier.quarantine(record, f"only the district sends {kind} records, not {header.sender}")
    elif kind == "trust_list":
        document = {"document": record["document"], "signature": record["signature"]}
        report.trust_list = install_trust_list(ctx, session, document, older_is_stale=True)
        applier.reload_references()
    elif kind == "offers":
        # The catalogue is a snapshot taken with the bundle's trust list; a late bundle's
        # older snapshot must not undo a newer catalogue.
        snapshot_of = record.get("trust_list")
        installed = latest_trust_list_record(session)
        if snapshot_of is None or installed is None or int(snapshot_of) >= installed.number:
            _apply_offers(session, record.get("offers", []))
            applier.reload_references()
    elif kind == OVERSIZED:
        applier.quarantine(record, f"record of {record.get('bytes')} bytes is too large")
    else:
        report.dropped += 1  # a record type this version does not know: counted, not kept


def _acknowledge(session: Session, sender: str, vector: Any) -> None:
    """What the sender has applied: it says so for itself alone (its own peer state), and
    only with well-formed entries (database id → counter)."""
    if not isinstance(vector, dict) or len(vector) > MAX_VECTOR_ENTRIES:
        return
    peer = _peer(session, sender)
    merged = dict(peer.acknowledged or {})
    for database_id, counter in vector.items():
        try:
            key = str(uuid.UUID(str(database_id)))
        except ValueError:
            continue
        if isinstance(counter, int) and not isinstance(counter, bool) and 0 <= counter < 2**62:
            merged[key] = max(int(merged.get(key, 0)), counter)
    peer.acknowledged = merged


def _apply_offers(session: Session, offers: list[dict[str, Any]]) -> None:
    """The district owns the catalogue: its version replaces the local one."""
    for item in offers:
        offer = session.scalars(select(Offer).where(Offer.slug == item["slug"])).first()
        if offer is None:
            offer = Offer(slug=item["slug"])
            session.add(offer)
        for key, value in item.items():
            if key != "slug":
                setattr(offer, key, value)
    session.flush()


# --- status ------------------------------------------------------------------------------


def status(ctx: ServiceContext) -> dict[str, Any]:
    with ctx.db.reading() as session:
        setup = installation(session)
        peers = {
            p.office_code: {
                "acknowledged": p.acknowledged,
                "last_export_at": None
                if p.last_export_at is None
                else p.last_export_at.isoformat(),
                "last_import_at": None
                if p.last_import_at is None
                else p.last_import_at.isoformat(),
            }
            for p in session.scalars(select(PeerState))
        }
        return {
            "database_id": str(setup.database_id),
            "change_counter": setup.change_counter,
            "applied": {
                str(v.database_id): v.counter for v in session.scalars(select(AppliedVersion))
            },
            "peers": peers,
            "pending": _count(session, PendingChange.id),
            "quarantined": _count(session, QuarantinedChange.id),
            "conflicts": _count(session, SyncConflict.id, SyncConflict.resolved.is_(False)),
        }


def _count(session: Session, column: Any, *where: Any) -> int:
    return int(session.scalar(select(func.count(column)).where(*where)) or 0)


def list_conflicts(ctx: ServiceContext) -> list[dict[str, Any]]:
    with ctx.db.reading() as session:
        return [
            {
                "id": str(c.id),
                "entity_type": c.entity_type,
                "entity_id": str(c.entity_id),
                "field": c.field,
                "applied": c.applied_value,
                "kept": c.kept_value,
                "detected_at": c.detected_at.isoformat(),
            }
            for c in session.scalars(select(SyncConflict).where(SyncConflict.resolved.is_(False)))
        ]
