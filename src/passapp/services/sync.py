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
import time
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
from passapp.domain.text import InvalidTextError, validate_record_text
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
from passapp.services import audit, audit_sync
from passapp.services.context import ServiceContext
from passapp.services.erasure import (
    anonymous_person_payload,
    retention_years,
    store_retention_years,
    wipe_freed_pages,
)
from passapp.services.errors import InvalidInput, PartialExport, Refused
from passapp.services.keystore import private_key_of
from passapp.services.offers import clean_offer_titles
from passapp.services.offices import local_office
from passapp.services.privacy_contact import CONTACT_KEY, store_contact, stored_contact
from passapp.services.progress import Cancelled, Progress
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
    refuse_compromised_key,
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


@dataclass
class ImportReport(Counts):
    bundle_id: str = ""
    sender: str = ""
    trust_list: int | None = None
    audit_problem: str | None = None  # the first break in the sender's audit chain
    # False: the bundle erased or blanked an identity, but another program's read (or a
    # full disk) kept the file from being rebuilt; old copies stay until the next wipe.
    wal_cleared: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "sender": self.sender,
            "applied": self.applied,
            "skipped": self.skipped,
            "quarantined": self.quarantined,
            "conflicts": self.conflicts,
            "conflicts_settled": self.conflicts_settled,
            "pending": self.pending,
            "dropped": self.dropped,
            "erased": self.erased,
            "trust_list": self.trust_list,
            "audit_problem": self.audit_problem,
            "wal_cleared": self.wal_cleared,
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
    reports: list[ExportReport] = []
    for done, (code, target) in enumerate(zip(recipients, targets, strict=True)):
        update_progress(progress, done, len(recipients), f"Paket für {code} schreiben")
        try:
            reports.append(_export_one(ctx, code, target))
        except Exception as error:
            if not reports:
                raise
            # The bundles already written are complete and valid: say which they are.
            written = [report.path for report in reports]
            names = ", ".join(path.name for path in written)
            raise PartialExport(
                f"export stopped at the bundle for {code} ({error}); written: {names}",
                f"Export beim Paket für {code} abgebrochen "
                f"({getattr(error, 'message_de', error)}); geschrieben: {names}",
                written,
            ) from error
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
    """Write one bundle. The file is written from a read snapshot, so clerks go on
    working meanwhile (a district export of 200k changes held the write lock 50 s); two
    short write transactions publish the trust list before and record the export after.
    Changes made while the file is written are not in it and go with the next bundle."""
    with ctx.db.reading() as session:
        is_district = installation(session).role == "district"
        refuse_compromised_key(session, local_office(session))  # before anything is written
    if is_district:
        with ctx.db.transaction() as session:
            # Every district bundle carries a trust list that knows what the district knows
            # now (revoked and replaced passes reported by their offices, new office keys).
            publish_trust_list(ctx, session)
    with ctx.db.snapshot() as session:
        header, counts = _write_bundle_file(ctx, session, recipient, target)
    try:
        with ctx.db.transaction() as session:
            _peer(session, recipient).last_export_at = ctx.now()
            session.add(
                BundleReceipt(
                    bundle_id=header.bundle_id,
                    direction="out",
                    peer=recipient,
                    created_at=header.created_at,
                    summary={
                        "changes": sum(counts.values()),
                        "counts": counts,
                        "file": str(target),
                    },
                )
            )
            audit.record(
                session,
                actor=ctx.clerk,
                office_code=header.sender,
                action="sync.export",
                object_type="bundle",
                object_id=header.bundle_id,
                details={"recipient": recipient, "changes": sum(counts.values())},
            )
    except BaseException:
        target.unlink(missing_ok=True)  # not recorded here: the file must not go out either
        raise
    return ExportReport(target, recipient, header.bundle_id, sum(counts.values()), counts)


def _write_bundle_file(
    ctx: ServiceContext, session: Session, recipient: str, target: Path
) -> tuple[BundleHeader, dict[str, int]]:
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
    peer = session.get(PeerState, recipient)
    acknowledged = {k: int(v) for k, v in ((peer.acknowledged if peer else None) or {}).items()}
    changes = [
        c
        for c in _unacknowledged(session, acknowledged)
        if _recipient_needs(session, setup, recipient, c)
    ]
    ranges: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    for change in changes:
        key = str(change.database_id)
        first, last = ranges.get(key, (change.counter, change.counter))
        ranges[key] = (min(first, change.counter), max(last, change.counter))
        counts[change.entity_type] = counts.get(change.entity_type, 0) + 1
    header = BundleHeader(
        bundle_id=str(new_uuid()),
        sender=office.code,
        sender_key_id=own_key.key_id,
        recipient=recipient,
        created_at=ctx.now(),
        counter_ranges=ranges,
        counts=counts,
    )

    def records() -> Iterator[dict[str, Any]]:
        yield {"type": "ack", "vector": _vector(session, setup)}
        if setup.role == "district":
            published = latest_trust_list_record(session)
            if published is not None:
                yield {"type": "trust_list", **trust_list_json(latest_signed_trust_list(session))}
                yield {
                    "type": "offers",
                    "trust_list": published.number,
                    "offers": [_offer_json(o) for o in session.scalars(select(Offer))],
                }
                yield _settings_json(session)
        for change in changes:
            yield _change_json(session, change, recipient)
        yield from audit_sync.outgoing(session, setup.role, recipient)

    write_bundle(
        target,
        header,
        records(),
        sender_key=private_key_of(ctx, own_key),
        recipient_public_der=recipient_key,
    )
    return header, counts


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


def _unacknowledged(session: Session, acknowledged: dict[str, int]) -> Iterator[ChangeRecord]:
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
        payload = anonymous_person_payload(payload)
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
        # A receiver of an older version drops this key (see OFFER_FIELDS there).
        "titles": offer.titles,
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


# An import commits in steps of about this long, so that clerks at the same database are
# never kept waiting longer (issue 9): a 200k-change bundle took 10.7 s in one transaction.
IMPORT_STEP_SECONDS = 1.0
# After each step the import waits this long before it takes the lock again: SQLite's busy
# handler polls a waiting writer only every 100 ms, so without a pause the importer would
# win the lock back every time and starve the clerks.
IMPORT_STEP_PAUSE_SECONDS = 0.12


def import_bundle(
    ctx: ServiceContext, path: Path, progress: Progress | None = None
) -> ImportReport:
    """Verify a bundle whole, then apply it in steps of about a second, each one
    transaction. ``progress`` counts records applied.

    Each step commits its changes together with the version vector that says how far the
    bundle got, so a step is the same as a shorter bundle: an import cut short (cancel, a
    killed process, a full disk) leaves a consistent database, and importing the bundle
    again (or any later bundle of the sender) goes on where it stopped. The receipt of the
    last step marks the bundle as done."""
    try:
        header = read_header(path)
    except BundleError as error:
        raise Refused(f"bundle refused: {error}", error.message_de) from error
    with ctx.db.reading() as session:
        office = local_office(session)
        _check_sender(installation(session), office.code, header.sender)
        trust_list = current_trust_list(session)
        if trust_list is None:
            raise Refused(
                "no trust list installed: the sender cannot be checked",
                "Keine Vertrauensliste eingespielt.",
            )
        own_key = active_key(session, office.id)
        if own_key is None:
            raise Refused(
                "this office has no key to decrypt with",
                "Kein Schlüssel zum Entschlüsseln vorhanden.",
            )
        private_key = private_key_of(ctx, own_key)
    now = ctx.now()

    def sender_key(code: str, key_id: int) -> bytes | None:
        key = trust_list.key_for(code, key_id)
        if key is None or (key.compromised_after is not None and key.compromised_after <= now):
            return None
        return key.public_der

    report = ImportReport(bundle_id=header.bundle_id, sender=header.sender)
    try:
        with open_bundle(
            path,
            recipient_private_key=private_key,
            expected_recipient=office.code,
            sender_public_der=sender_key,
            max_record_bytes=MAX_RECORD_BYTES,
        ) as bundle:
            # Only now, with the whole file verified, may its id be trusted.
            with ctx.db.reading() as session:
                if session.get(BundleReceipt, bundle.header.bundle_id) is not None:
                    report.skipped = sum(bundle.header.counts.values())
                    return report  # the same file again: nothing to do
            total = sum(bundle.header.counts.values())
            update_progress(progress, 0, total, "Änderungen einspielen")
            with _long_lived_heap_frozen():
                _apply_in_steps(ctx, header, bundle.records(), report, progress, total)
            if report.erased:
                # the blanked identities leave the file and the WAL too
                report.wal_cleared = wipe_freed_pages(ctx.db)
    except BundleError as error:
        raise Refused(f"bundle refused: {error}", error.message_de) from error
    return report


def _apply_in_steps(
    ctx: ServiceContext,
    header: BundleHeader,
    records: Iterator[dict[str, Any]],
    report: ImportReport,
    progress: Progress | None,
    total: int,
) -> None:
    """Apply the records in transactions of about :data:`IMPORT_STEP_SECONDS` each; the
    last one also retries waiting children and writes the receipt."""
    number = 0
    exhausted = False
    steps = 0
    while not exhausted:
        if steps:
            time.sleep(IMPORT_STEP_PAUSE_SECONDS)  # let a waiting clerk have the lock
        steps += 1
        try:
            with ctx.db.transaction() as session:
                applier = ChangeApplier(session, header.bundle_id, report, header.sender)
                step_ends = time.monotonic() + IMPORT_STEP_SECONDS
                for record in records:
                    if number % 1000 == 0:
                        update_progress(progress, number, total)
                    _apply_record(ctx, session, applier, header, record, report)
                    number += 1
                    if time.monotonic() >= step_ends:
                        break
                else:
                    exhausted = True
                if exhausted:
                    applier.finish()
                    _record_receipt(ctx, session, header, report)
                else:
                    applier.checkpoint()
        except IntegrityError as error:
            # A record the sender signed contradicts this database (two passes for one
            # person, a duplicate number): the step under way is not applied.
            before = "; the steps before it stay applied" if steps > 1 else ""
            before_de = " Die Schritte davor bleiben übernommen." if steps > 1 else ""
            raise Refused(
                f"bundle refused: a record contradicts this database ({error.orig}){before}",
                "Paket abgelehnt: Ein Datensatz widerspricht dieser Datenbank; der Rest des "
                f"Pakets wurde nicht übernommen.{before_de}",
            ) from error
        except Cancelled:
            if steps > 1:
                raise Cancelled(
                    f"cancelled after {number} of {total} records; importing the bundle "
                    "again continues where it stopped",
                    f"Abgebrochen nach {number} von {total} Einträgen. Was übernommen ist, "
                    "bleibt gültig; das Paket erneut einspielen setzt fort.",
                    partly_done=True,
                ) from None
            raise


def _record_receipt(
    ctx: ServiceContext, session: Session, header: BundleHeader, report: ImportReport
) -> None:
    office = local_office(session)
    _peer(session, header.sender).last_import_at = ctx.now()
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
DISTRICT_ONLY_RECORDS = frozenset({"trust_list", "offers", "settings"})


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
            _apply_offers(session, applier, record)
            applier.reload_references()
    elif kind in audit_sync.RECORD_TYPES:
        role = "district" if applier.from_office else "office"
        audit_sync.apply(session, role, header.sender, record, report)
    elif kind == "settings":
        _apply_settings(session, applier, record)
    elif kind == OVERSIZED:
        applier.quarantine(record, f"record of {record.get('bytes')} bytes is too large")
    else:
        report.dropped += 1  # a record type this version does not know: counted, not kept


def _settings_json(session: Session) -> dict[str, Any]:
    record: dict[str, Any] = {"type": "settings", "retention_years": retention_years(session)}
    contact = stored_contact(session)
    if contact is not None:
        record[CONTACT_KEY] = contact.to_json()
    return record


def _apply_settings(session: Session, applier: ChangeApplier, record: dict[str, Any]) -> None:
    """The district's settings; each one that breaks its rule is quarantined, the others
    apply (a receiver without a contact keeps printing "Beispieldaten")."""
    problems: list[str] = []
    if not store_retention_years(session, record.get("retention_years")):
        problems.append("retention_years out of bounds")
    if CONTACT_KEY in record and not store_contact(session, record[CONTACT_KEY]):
        problems.append(f"{CONTACT_KEY} is not a valid contact")
    if problems:
        applier.quarantine(record, "settings: " + "; ".join(problems))


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


# What an offer of the district's catalogue may set here (the columns of _offer_json).
OFFER_FIELDS = frozenset(
    {
        "category",
        "title",
        "provider",
        "address",
        "municipality_key",
        "contact",
        "languages",
        "target_group",
        "cefr_levels",
        "description",
        "titles",
        "is_sample",
        "active",
    }
)


def _apply_offers(session: Session, applier: ChangeApplier, record: dict[str, Any]) -> None:
    """The district owns the catalogue: its version replaces the local one. An offer whose
    text breaks the input rules is quarantined; fields this version does not know are
    dropped."""
    offers = record.get("offers")
    if not isinstance(offers, list):
        applier.quarantine(record, "offers: not a list")
        return
    for item in offers:
        try:
            if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
                raise InvalidTextError(
                    "offer.slug", "offer without a slug", "Angebot ohne Kennung."
                )
            validate_record_text("offer", item)
            titles = item.get("titles")
            if titles is not None:
                if not isinstance(titles, dict):
                    raise InvalidTextError(
                        "offer.title_translation", "titles: not a mapping", "Titel: ungültig."
                    )
                item = {**item, "titles": clean_offer_titles(titles) or None}
        except InvalidTextError as error:
            applier.quarantine({"type": "offers", "offer": item}, f"offer: {error}")
            continue
        offer = session.scalars(select(Offer).where(Offer.slug == item["slug"])).first()
        if offer is None:
            offer = Offer(slug=item["slug"])
            session.add(offer)
        for key, value in item.items():
            if key in OFFER_FIELDS:
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
                "record": _conflict_record(session, c),
                "field": c.field,
                "applied": _shown(c.applied_value),
                "kept": _shown(c.kept_value),
                "detected_at": c.detected_at.isoformat(),
            }
            for c in session.scalars(
                select(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
                .order_by(SyncConflict.detected_at)
            )
        ]


def _shown(side: dict[str, Any]) -> dict[str, Any]:
    """A side of a conflict as listed: its value and office (not the stamp it keeps)."""
    return {key: side[key] for key in ("value", "origin") if key in side}


def _conflict_record(session: Session, conflict: SyncConflict) -> str:
    """Which record a conflict is about, as a person reads it: the person's name (none for
    an anonymous or erased one), the pass number; else nothing."""
    if conflict.entity_type == "person":
        person = session.get(Person, conflict.entity_id)
        if person is None or person.erased_at is not None:
            return ""
        return ", ".join(part for part in (person.family_names, person.given_names) if part)
    if conflict.entity_type == "pass":
        record = session.get(Pass, conflict.entity_id)
        return "" if record is None else record.pass_number
    return ""
