"""Erasure (DSGVO Art. 17) and consent withdrawal (Art. 7(3)), here and wherever they travel.

An erasure blanks every identifying field of a person (names in every script, day and
month of birth, arrival, contact), keeps what statistics need (birth year, sex,
nationalities, languages, municipality) and the entries (they name the pass, not the
person), revokes the person's active passes and leaves a tombstone change that travels in
bundles and wins everywhere. A name that survived in a copy would defeat it, so the same
scrub reaches the search keys, the change log payloads, waiting and quarantined changes
and kept conflicts; after the commit the file is rebuilt (``VACUUM``) and the WAL is
checkpointed and truncated, so no old page keeps it.

A withdrawal stops the identity from leaving the office: the person stays, the next
bundles carry the anonymous form, and a receiver that held the identity blanks it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.profile import profile_from_json
from passapp.domain.text import clean_text
from passapp.models.database import Database
from passapp.models.entities import (
    ChangeRecord,
    EligibilityCheck,
    Entry,
    Office,
    Pass,
    Person,
    PersonNameKey,
    Setting,
)
from passapp.models.sync_entities import (
    BundleReceipt,
    PendingChange,
    QuarantinedChange,
    SyncConflict,
)
from passapp.services import audit, changes
from passapp.services.changes import BASE_KEY, SETTLES_KEY
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.reasons import require_reason
from passapp.services.trust import installation

ERASE_OPERATION = "erase"
# The reason a pass gets when its holder is erased (printed nowhere, kept on the pass).
ERASURE_REVOKE_REASON = "Löschung (Art. 17)"

# What a person record carries without identity: nothing that identifies the person.
ANONYMOUS_PERSON_FIELDS = frozenset(
    {
        "id",
        "birth_year",
        "sex",
        "nationalities",
        "languages",
        # The learner profile: lists only, no free text, dates to the year (DESIGN-NOTES).
        "learner_profile",
        "moved_from_abroad",
        "municipality_key",
        "registered_by_office_id",
        "registered_by",
        "consent",
        "merged_into_id",
        "erased_at",
        "created_at",
        BASE_KEY,  # the version the change was made on: no personal data
        SETTLES_KEY,  # the versions a decided conflict settles: no personal data either
    }
)


def anonymous_person_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """A person change's payload without identity (names blank, birth date year only)."""
    kept = {k: v for k, v in payload.items() if k in ANONYMOUS_PERSON_FIELDS}
    year = int(payload.get("birth_year") or str(payload.get("birth_date", "1900"))[:4])
    kept.update(
        family_names="",
        given_names="",
        family_names_latin="",
        given_names_latin="",
        birth_date=f"{year:04d}-00-00",
        learner_profile=anonymous_profile(payload.get("learner_profile")),
        anonymous=True,
    )
    return kept


def anonymous_profile(stored: Any) -> dict[str, Any] | None:
    """A stored learner profile with its dates cut to the year; one that cannot be read
    (it never passed the checks) is dropped rather than passed on."""
    try:
        profile = profile_from_json(stored)
    except (InputError, TypeError, AttributeError):
        return None
    return None if profile.is_empty() else profile.anonymous().to_json()


def is_erasure(payload: dict[str, Any], operation: Any = None) -> bool:
    return operation == ERASE_OPERATION or payload.get("erased_at") is not None


@dataclass(frozen=True)
class Erasure:
    person_id: uuid.UUID
    revoked_passes: list[str]
    # Outgoing bundle files written since the person's first change, deleted: they held
    # the identity, and the next export sends what the recipient has not acknowledged.
    deleted_bundles: list[str] = field(default_factory=list)
    # False: another program was reading, the WAL still holds old pages until the next
    # checkpoint (the clerk is told to close the other programs using this database).
    wal_cleared: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.person_id),
            "revoked_passes": self.revoked_passes,
            "deleted_bundles": self.deleted_bundles,
            "wal_cleared": self.wal_cleared,
        }


# --- the scrub, the same at the office, the district and every receiver ------------------


def scrub_identity(session: Session, person: Person) -> None:
    """Blank the identity of ``person`` and every copy of it this database keeps; part of
    the caller's transaction. Statistics fields and the record itself stay."""
    needles = _identity_strings(person)
    person.family_names = person.given_names = ""
    person.family_names_latin = person.given_names_latin = ""
    person.family_names_original = person.given_names_original = None
    person.birth_date = PartialDate(person.birth_year)
    person.arrival_date = None
    person.contact = None
    person.learner_profile = anonymous_profile(person.learner_profile)
    session.execute(delete(PersonNameKey).where(PersonNameKey.person_id == person.id))
    for change in session.scalars(
        select(ChangeRecord).where(
            ChangeRecord.entity_type == "person", ChangeRecord.entity_id == person.id
        )
    ):
        change.payload = {**anonymous_person_payload(change.payload), "consent": False}
    _scrub_staged(session, str(person.id), needles)
    for conflict in session.scalars(
        select(SyncConflict).where(
            SyncConflict.entity_type == "person", SyncConflict.entity_id == person.id
        )
    ):
        conflict.applied_value = {**conflict.applied_value, "value": None}
        conflict.kept_value = {**conflict.kept_value, "value": None}
    session.flush()


def mark_erased(session: Session, person: Person, erased_at: dt.datetime) -> None:
    """Scrub and mark the person erased, and the records the district merged into it (the
    same human, registered twice): every site applies the same rule to the same tombstone."""
    followers = session.scalars(
        select(Person).where(Person.merged_into_id == person.id, Person.erased_at.is_(None))
    ).all()
    for record in (person, *followers):
        scrub_identity(session, record)
        record.consent = False
        record.consent_recorded_at = None
        record.erased_at = erased_at
    session.flush()


def _identity_strings(person: Person) -> set[str]:
    """What gives the person away in a stored text: the id, the names, the contact."""
    values = (
        person.family_names,
        person.given_names,
        person.family_names_original,
        person.given_names_original,
        person.contact,
    )
    return {str(person.id)} | {v for v in values if v and len(v) >= MIN_NEEDLE}


# Shorter names ("Li") would match unrelated text; the id finds those records anyway.
MIN_NEEDLE = 3


def _scrub_staged(session: Session, person_id: str, needles: set[str]) -> None:
    """Waiting and quarantined changes are few; those that mention the person lose its
    identity. A waiting person change stays applicable in its anonymous form; a
    quarantined record that names the id or the names keeps only its kind and stamp
    (its excerpt may be cut anywhere; losing an unrelated excerpt is the safe mistake)."""
    for pending in session.scalars(select(PendingChange)):
        if _is_change_of(pending.change, person_id):
            pending.change = {
                **pending.change,
                "payload": {
                    **anonymous_person_payload(pending.change["payload"]),
                    "consent": False,
                },
            }
    for quarantined in session.scalars(select(QuarantinedChange)):
        if _mentions(quarantined.change, needles):
            kept = {k: v for k, v in quarantined.change.items() if k != "excerpt"}
            quarantined.change = {**kept, "excerpt": "(gelöscht: Art. 17 / Widerruf)"}


def _mentions(record: dict[str, Any], needles: set[str]) -> bool:
    text = json.dumps(record, ensure_ascii=False).casefold()
    return any(needle.casefold() in text for needle in needles)


def _is_change_of(record: dict[str, Any], person_id: str) -> bool:
    """A waiting person change of this person (other waiting records hold no identity)."""
    payload = record.get("payload")
    return (
        record.get("entity_type") == "person"
        and isinstance(payload, dict)
        and str(payload.get("id")) == person_id
    )


def wipe_freed_pages(db: Database) -> bool:
    """Rebuild the file and truncate the WAL, so no old copy of an erased identity is left
    in either. ``secure_delete`` zeroes a row where it is deleted, but SQLite moves rows
    between pages when it balances a b-tree and leaves the moved bytes in the old page's
    free space, out of its reach (a test provokes it); only ``VACUUM``, which writes every
    page afresh, removes those. False when the wipe could not finish: another
    connection's read kept the checkpoint from truncating the WAL, or the disk had no room
    for the rebuild; the next erasure wipes again. On PostgreSQL the server's own vacuum
    is the administrator's."""
    if db.engine.dialect.name != "sqlite":
        return True
    driver_error = db.engine.dialect.loaded_dbapi.OperationalError  # sqlite3 or sqlcipher3
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        try:
            connection.execute("VACUUM")  # type: ignore[union-attr]
        except driver_error:
            return False  # full disk or a lock; the erasure itself is committed
        busy, _frames, _done = connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).fetchone()
    finally:
        raw.close()
    return not busy


# --- erasure -------------------------------------------------------------------------------


def erase_person(ctx: ServiceContext, person_id: uuid.UUID, reason: str) -> Erasure:
    """Erase a person (Art. 17): the registering office or the district (which receives
    DSGVO requests too) may; the tombstone travels and wins everywhere."""
    reason = _reason(reason)
    with ctx.db.transaction() as session:
        office = local_office(session)
        person = _erasable(session, person_id, office)
        revoked = _erase(ctx, session, person, office, reason)
        bundles = _outgoing_bundles_since(session, person.id)
    wal_cleared = wipe_freed_pages(ctx.db)
    return Erasure(person_id, revoked, _delete_files(bundles), wal_cleared)


def _erase(
    ctx: ServiceContext, session: Session, person: Person, office: Office, reason: str
) -> list[str]:
    """The erasure itself, in the caller's transaction: passes revoked, identity scrubbed,
    the tombstone recorded and audited (the reason, never the name)."""
    revoked = _revoke_passes(ctx, session, person)
    mark_erased(session, person, ctx.now())
    changes.record(session, person, ERASE_OPERATION)
    audit.record(
        session,
        actor=ctx.clerk,
        office_code=office.code,
        action="person.erase",
        object_type="person",
        object_id=person.id,
        details={"reason": reason, "revoked_passes": revoked},
    )
    return revoked


def erase_again(ctx: ServiceContext, session: Session, person_ids: list[uuid.UUID]) -> int:
    """Erase once more, in the caller's transaction, the people of ``person_ids`` that this
    database holds unerased (a restored backup older than their erasure): passes revoked,
    scrubbed, a new tombstone recorded (the first may never have left). The count."""
    office = local_office(session)
    again = 0
    for person_id in person_ids:
        person = session.get(Person, person_id)
        if person is None or person.erased_at is not None:
            continue
        _erase(ctx, session, person, office, RESTORE_REASON)
        again += 1
    return again


RESTORE_REASON = "Löschung vor der Wiederherstellung einer Datensicherung erneut ausgeführt"


def _outgoing_bundles_since(session: Session, person_id: uuid.UUID) -> list[Path]:
    first = session.scalar(
        select(func.min(ChangeRecord.recorded_at)).where(
            ChangeRecord.entity_type == "person", ChangeRecord.entity_id == person_id
        )
    )
    if first is None:
        return []
    receipts = session.scalars(
        select(BundleReceipt).where(
            BundleReceipt.direction == "out", BundleReceipt.processed_at >= first
        )
    )
    return [Path(str(r.summary["file"])) for r in receipts if r.summary.get("file")]


def _delete_files(paths: list[Path]) -> list[str]:
    deleted = []
    for path in paths:
        if path.is_file():
            path.unlink()
            deleted.append(str(path))
    return deleted


def _reason(reason: str) -> str:
    reason = clean_text("pass.revoke_reason", reason).strip()
    require_reason(reason)
    return reason


def _erasable(session: Session, person_id: uuid.UUID, office: Office) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(
            f"no person with id {person_id}", f"Keine Person mit der Kennung {person_id}."
        )
    if person.erased_at is not None:
        raise Refused(f"person {person_id} is erased already", "Diese Person ist bereits gelöscht.")
    is_district = installation(session).role == "district"
    if person.registered_by_office_id != office.id and not is_district:
        owner = session.get(Office, person.registered_by_office_id)
        code = "?" if owner is None else owner.code
        raise Refused(
            f"person {person_id} is registered by {code}; only that office or the district "
            "erases it",
            f"Diese Person wurde von {code} erfasst; nur dort oder beim Landratsamt kann sie "
            "gelöscht werden.",
        )
    return person


def _revoke_passes(ctx: ServiceContext, session: Session, person: Person) -> list[str]:
    revoked: list[str] = []
    for record in session.scalars(
        select(Pass).where(Pass.person_id == person.id, Pass.status == "active")
    ):
        record.status = "revoked"
        record.revoked_on = ctx.today()
        record.revoke_reason = ERASURE_REVOKE_REASON
        session.flush()
        changes.record(session, record, "update")
        revoked.append(record.pass_number)
    return revoked


# --- consent withdrawal ----------------------------------------------------------------------


def withdraw_consent(ctx: ServiceContext, person_id: uuid.UUID) -> dt.datetime:
    """The person withdraws consent: the identity no longer leaves this office (the next
    bundles carry the anonymous form, and the district blanks what it holds). Only the
    registering office records it: it holds the consent. Returns the moment recorded."""
    with ctx.db.transaction() as session:
        office = local_office(session)
        person = session.get(Person, person_id)
        if person is None or person.erased_at is not None:
            raise NotFound(
                f"no person with id {person_id}", f"Keine Person mit der Kennung {person_id}."
            )
        if person.registered_by_office_id != office.id:
            raise Refused(
                f"person {person_id} is registered elsewhere; consent is withdrawn there",
                "Diese Person wurde anderswo erfasst; die Einwilligung wird dort widerrufen.",
            )
        if not person.consent:
            raise Refused(
                f"person {person_id} has no consent to withdraw",
                "Für diese Person liegt keine Einwilligung vor.",
            )
        withdrawn_at = ctx.now()
        person.consent = False
        person.consent_recorded_at = None
        session.flush()
        changes.record(session, person, "update")
        # Earlier changes not yet sent would carry the identity otherwise.
        for change in session.scalars(
            select(ChangeRecord).where(
                ChangeRecord.entity_type == "person", ChangeRecord.entity_id == person.id
            )
        ):
            change.payload = {**change.payload, "consent": False}
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="person.withdraw_consent",
            object_type="person",
            object_id=person.id,
            details={"withdrawn_at": withdrawn_at.isoformat()},
        )
    return withdrawn_at


# --- retention -------------------------------------------------------------------------------

RETENTION_KEY = "retention_years"
DEFAULT_RETENTION_YEARS = 3
RETENTION_LIMITS = range(1, 31)  # years; a district setting travels, so it is bounded


def retention_years(session: Session) -> int:
    stored = session.get(Setting, RETENTION_KEY)
    years = None if stored is None else stored.value.get("years")
    return (
        years if isinstance(years, int) and years in RETENTION_LIMITS else DEFAULT_RETENTION_YEARS
    )


def store_retention_years(session: Session, years: Any) -> bool:
    """Keep the district's retention period (here or as received); False if out of bounds."""
    if not isinstance(years, int) or isinstance(years, bool) or years not in RETENTION_LIMITS:
        return False
    stored = session.get(Setting, RETENTION_KEY)
    if stored is None:
        session.add(Setting(key=RETENTION_KEY, value={"years": years}))
    elif stored.value.get("years") != years:
        stored.value = {"years": years}
    session.flush()
    return True


def set_retention_years(ctx: ServiceContext, years: int) -> None:
    """District: how long a person's data is kept after the last activity; the district's
    bundles carry it to every office."""
    with ctx.db.transaction() as session:
        if installation(session).role != "district":
            raise Refused(
                "the retention period is the district's to set",
                "Die Aufbewahrungsfrist legt das Landratsamt fest.",
            )
        if not store_retention_years(session, years):
            raise InvalidInput(
                f"retention must be {RETENTION_LIMITS.start} to {RETENTION_LIMITS.stop - 1} years",
                f"Die Frist muss {RETENTION_LIMITS.start} bis {RETENTION_LIMITS.stop - 1} "
                "Jahre betragen.",
            )
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="retention.set",
            object_type="setting",
            object_id=RETENTION_KEY,
            details={"years": years},
        )


def run_retention(ctx: ServiceContext, *, dry_run: bool = False) -> list[uuid.UUID]:
    """Erase, in one transaction, the people this site may erase whose last activity
    (registration or edit, check, pass, entry) is older than the district's retention
    period. Returns their ids (with ``dry_run``: what would be erased, nothing written)."""
    with ctx.db.transaction() as session:
        office = local_office(session)
        years = retention_years(session)
        cutoff = _years_before(ctx.today(), years)
        expired = _expired(session, office, cutoff)
        if dry_run:
            return [p.id for p in expired]
        reason = (
            f"Aufbewahrungsfrist abgelaufen ({years} Jahre, letzte Aktivität vor {cutoff:%d.%m.%Y})"
        )
        bundles: set[Path] = set()
        for person in expired:
            bundles.update(_outgoing_bundles_since(session, person.id))
            _erase(ctx, session, person, office, reason)
    if expired:
        wipe_freed_pages(ctx.db)
        _delete_files(sorted(bundles))
    return [p.id for p in expired]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def _expired(session: Session, office: Office, cutoff: dt.date) -> list[Person]:
    since = dt.datetime.combine(cutoff, dt.time(), tzinfo=dt.UTC)
    recent = (
        select(Pass.person_id).where(Pass.issued_on >= cutoff),
        select(Pass.person_id).where(Pass.revoked_on >= cutoff),
        select(EligibilityCheck.person_id).where(EligibilityCheck.checked_on >= cutoff),
        select(Pass.person_id)
        .join(Entry, Entry.pass_id == Pass.id)
        .where((Entry.start_date >= cutoff) | (Entry.created_at >= since)),
    )
    active_ids = {i for query in recent for i in session.scalars(query) if i is not None}
    query = select(Person).where(
        Person.erased_at.is_(None),
        Person.merged_into_id.is_(None),  # a merged record follows its survivor
        Person.updated_at < since,
    )
    if installation(session).role != "district":
        query = query.where(Person.registered_by_office_id == office.id)
    return [p for p in session.scalars(query) if p.id not in active_ids]
