"""The local store: typed SQLAlchemy 2 models (DESIGN §3).

Rows that travel between offices carry a UUIDv7 made where the row is created. Derived
rows (the search index) use local integer keys: every database builds them itself.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from passapp.domain.dates import PartialDate
from passapp.domain.ids import new_uuid

# Deterministic constraint names, so Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class PartialDateType(TypeDecorator[PartialDate]):
    """Stores a :class:`PartialDate` in its contract text form ``YYYY-MM-DD`` with ``00``.

    The text form sorts chronologically and is what registers and bundles exchange.
    """

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: PartialDate | None, dialect: Dialect) -> str | None:
        return None if value is None else value.iso()

    def process_result_value(self, value: str | None, dialect: Dialect) -> PartialDate | None:
        return None if value is None else PartialDate.parse(value)


# SQLite compares text bytewise already; PostgreSQL would use the database's collation.
SEARCH_KEY = String(80).with_variant(String(80, collation="C"), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC timestamps on every backend (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        uuid.UUID: Uuid(),
        dt.datetime: UtcDateTime(),
        dt.date: Date(),
        PartialDate: PartialDateType(),
        list[str]: JSON(),
        dict[str, Any]: JSON(),
    }


class Installation(Base):
    """One row: who this database is. ``database_id`` is renewed when a copy is detected."""

    __tablename__ = "installation"

    id: Mapped[int] = mapped_column(primary_key=True)
    database_id: Mapped[uuid.UUID] = mapped_column(default=new_uuid)
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # "office" or "district" (the district office holds the root key and enrols offices).
    role: Mapped[str] = mapped_column(String(10), default="office", server_default="office")
    district_code: Mapped[str | None] = mapped_column(String(6))
    district_name: Mapped[str | None] = mapped_column(String(200))
    # The district's self-signed root certificate this database trusts (PEM).
    root_certificate: Mapped[bytes | None] = mapped_column(LargeBinary)
    root_fingerprint: Mapped[str | None] = mapped_column(String(80))
    # The last change counter handed out by this database (DESIGN §7: versions, not clocks).
    change_counter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Where this file lives (host, path, inode): a copy or a restored backup shows up as a
    # different identity and gets a new database id before it writes again.
    file_identity: Mapped[str | None] = mapped_column(String(600))
    previous_database_ids: Mapped[list[str]] = mapped_column(default=list, server_default="[]")


class SigningKey(Base):
    """A signing key: the district root, an office's own key, or another office's public key.

    ``private_pem`` is set only in the database that made the key; it never leaves it
    (no export, no bundle) and is encrypted when a passphrase is set.
    """

    __tablename__ = "signing_key"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    purpose: Mapped[str] = mapped_column(String(10))  # "root" or "office"
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"), index=True)
    key_id: Mapped[int] = mapped_column(Integer)
    public_der: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    private_pem: Mapped[bytes | None] = mapped_column(LargeBinary)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    # "pending" (requested, not yet certified), "active", "retired".
    status: Mapped[str] = mapped_column(String(10), default="pending")
    certificate_pem: Mapped[bytes | None] = mapped_column(LargeBinary)
    valid_from: Mapped[dt.datetime | None] = mapped_column()
    valid_until: Mapped[dt.datetime | None] = mapped_column()
    # Signatures on passes issued after this moment are refused (key compromised).
    compromised_after: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TrustListRecord(Base):
    """Signed trust lists as received (or, at the district, as published); never go back."""

    __tablename__ = "trust_list"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    issued_at: Mapped[dt.datetime] = mapped_column()
    document: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    installed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ChangeRecord(Base):
    """One change of a shared record, stamped with its origin and version (DESIGN §7).

    Written in the same transaction as the change itself. ``(database_id, counter)`` is the
    version: receivers keep, per origin database, the highest counter applied. Wall-clock
    time is kept for people to read, never to decide what is new.
    """

    __tablename__ = "change_log"
    __table_args__ = (UniqueConstraint("database_id", "counter"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    database_id: Mapped[uuid.UUID] = mapped_column()
    counter: Mapped[int] = mapped_column(Integer)
    origin_office: Mapped[str] = mapped_column(String(6))
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    operation: Mapped[str] = mapped_column(String(12))  # "insert", "update", "tombstone"
    payload: Mapped[dict[str, Any]] = mapped_column()
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """District settings such as the eligibility thresholds, as typed JSON values."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column()


class Municipality(Base):
    """Editable reference data: the district's municipalities and their official keys."""

    __tablename__ = "municipality"

    key: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str | None] = mapped_column(String(40))


class Office(Base):
    __tablename__ = "office"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    municipality_key: Mapped[str | None] = mapped_column(ForeignKey("municipality.key"))
    # The next pass sequence number; only the office's own database hands them out.
    next_sequence: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (Index("ix_person_family_latin", "family_names_latin"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    # As written in the document (NFC, full Unicode); given names in their order.
    family_names: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200))
    # The spelling in the original script, where the document gives one.
    family_names_original: Mapped[str | None] = mapped_column(String(200))
    given_names_original: Mapped[str | None] = mapped_column(String(200))
    # ICAO 9303 Latin search forms, derived on write.
    family_names_latin: Mapped[str] = mapped_column(String(200))
    given_names_latin: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[PartialDate] = mapped_column(index=True)
    birth_year: Mapped[int] = mapped_column(Integer, index=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    nationalities: Mapped[list[str]] = mapped_column(default=list)
    languages: Mapped[list[str]] = mapped_column(default=list)
    arrival_date: Mapped[PartialDate | None] = mapped_column()
    moved_from_abroad: Mapped[bool] = mapped_column(Boolean, default=False)
    municipality_key: Mapped[str | None] = mapped_column(ForeignKey("municipality.key"))
    contact: Mapped[str | None] = mapped_column(String(300))
    registered_by_office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    registered_by: Mapped[str] = mapped_column(String(100))
    # DSGVO Art. 6(1)(a), 7: whether the identity may leave this office, with the notice
    # version and language shown when the person agreed.
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_notice_version: Mapped[str | None] = mapped_column(String(40))
    consent_language: Mapped[str | None] = mapped_column(String(8))
    consent_recorded_at: Mapped[dt.datetime | None] = mapped_column()
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    # The learner profile (domain/profile.py) in its JSON form; one value edited as a whole
    # by the registering office, so it travels and merges like any other person field.
    learner_profile: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), info={"travels_as": "profile"}
    )
    erased_at: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    passes: Mapped[list[Pass]] = relationship(back_populates="holder")


class PersonNameKey(Base):
    """Search index: Latin tokens, Kölner Phonetik codes and code pairs of a person's names.

    Keys are bounded lookups whatever the size of the register: ``L:`` Latin token (also
    prefix), ``P:`` phonetic code, ``PP:`` code pair of a family and a given name in both
    orders, so "Ahmadi Karim" and "Karim Ahmadi" hit the same rows.
    """

    __tablename__ = "person_name_key"
    __table_args__ = (Index("ix_person_name_key_lookup", "key", "birth_year", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    # Compared bytewise on every backend: a prefix search is the range ``L:mül`` < key <
    # ``L:mül\x7f``, which a language collation (de_DE, ICU) would order differently.
    key: Mapped[str] = mapped_column(SEARCH_KEY)
    birth_year: Mapped[int] = mapped_column(Integer)


class DuplicateDismissal(Base):
    """The district decided that two records are not the same person (issue 11): the pair
    is no longer listed as a possible duplicate. District-local, never in a bundle; the
    smaller id first, so a pair has one row whichever way it was chosen."""

    __tablename__ = "duplicate_dismissal"

    first_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    dismissed_by: Mapped[str] = mapped_column(String(100))
    dismissed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EligibilityCheck(Base):
    """Every check is kept with the rule version and the day it used (DESIGN §4)."""

    __tablename__ = "eligibility_check"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    checked_on: Mapped[dt.date] = mapped_column()
    rule_version: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list[str]] = mapped_column()
    checked_by: Mapped[str] = mapped_column(String(100))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Pass(Base):
    __tablename__ = "pass"
    __table_args__ = (
        # At most one active pass per person, enforced by the database itself.
        Index(
            "uq_pass_active_holder",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    pass_number: Mapped[str] = mapped_column(String(20), unique=True)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    generation: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="active")
    issued_on: Mapped[dt.date] = mapped_column()
    issued_by: Mapped[str] = mapped_column(String(100))
    print_languages: Mapped[list[str]] = mapped_column(default=list)
    eligibility_check_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("eligibility_check.id")
    )
    # The clerk's written reason where the check was not a clear "eligible".
    override_reason: Mapped[str | None] = mapped_column(Text)
    revoked_on: Mapped[dt.date | None] = mapped_column()
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    # A pass of another office, known here from its verified QR (no holder data).
    is_stub: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    holder: Mapped[Person | None] = relationship(back_populates="passes")
    office: Mapped[Office] = relationship()


class PassCard(Base):
    """One printed card of a pass: generation 0 first, + 1 for each replacement."""

    __tablename__ = "pass_card"
    __table_args__ = (UniqueConstraint("pass_id", "generation"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    pass_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pass.id"), index=True)
    generation: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column()
    issued_by: Mapped[str] = mapped_column(String(100))
    key_id: Mapped[int] = mapped_column(Integer)
    # The signed QR text holds no personal data (DESIGN §5); kept to reprint the same card.
    qr_digits: Mapped[str] = mapped_column(String(260))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Offer(Base):
    """An offer of the district's catalogue, printed in the pass as a guide."""

    __tablename__ = "offer"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    category: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    municipality_key: Mapped[str | None] = mapped_column(String(8))
    contact: Mapped[str | None] = mapped_column(String(300))
    languages: Mapped[list[str]] = mapped_column(default=list)
    target_group: Mapped[str | None] = mapped_column(String(300))
    cefr_levels: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str | None] = mapped_column(Text)
    # The title in the pass's print languages, {language code: text} (issue 12).
    titles: Mapped[dict[str, str] | None] = mapped_column(JSON(none_as_null=True))
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Entry(Base):
    """What the holder did. Append-only: corrections are new rows pointing back."""

    __tablename__ = "entry"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    pass_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pass.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str | None] = mapped_column(String(20))
    offer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offer.id"))
    title: Mapped[str | None] = mapped_column(String(200))
    provider: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column()
    end_date: Mapped[dt.date | None] = mapped_column()
    level: Mapped[str | None] = mapped_column(String(2))
    result: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20), default="record")
    refers_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("entry.id"))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    logged_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    office: Mapped[Office] = relationship()


class AuditEvent(Base):
    """Append-only, hash-chained log of every write (who, what, which object; no content)."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_uuid)
    occurred_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    office_code: Mapped[str | None] = mapped_column(String(6))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str | None] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Account(Base):
    """A person who logs in at this installation (issue 10). Local: accounts never travel
    in bundles; records and audit events name the account."""

    __tablename__ = "account"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    # Argon2id, in the PHC string format (parameters and salt included).
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    locked_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]
    # The key-store secret sealed under this account's password (crypto/key_slots.py).
    key_slot: Mapped[bytes | None] = mapped_column(LargeBinary)
