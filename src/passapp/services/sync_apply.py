"""Applying the changes of a verified bundle (DESIGN §7, "Staged, all-or-nothing import").

A district receives bundles of hundreds of thousands of changes, so changes are applied in
batches, not one by one: per batch and record type one query finds the records that exist
already and one finds the parents that are there; the new records (nearly all of them)
are written with one ``executemany`` per table, with their search keys and versions. Only
a record that exists here already goes the careful way through the ORM, where concurrent
edits are detected and the loser is kept as a conflict. Everything happens inside the
caller's transaction: a batch is not a commit, a failed import leaves nothing.

The rules per change, whichever way it goes:

* an unknown record type or field: dropped and counted (``services/sync_limits.py``);
* not the signer's to make (an origin or database id of another office, another office's
  record, a district-only field from an office): quarantined, the version vector untouched;
* at or below the version already applied from its origin database: skipped;
* malformed (bad value, too long, no id, an unknown office): quarantined and reported;
* its parent (the person of a pass, the pass of an entry) not here: it waits as pending
  and is retried with every import;
* else applied, a record seen before through the merge rule of :mod:`passapp.domain.merge`
  (the loser kept as a conflict; a change that decides a conflict elsewhere closes this
  database's copy of it, see :func:`_settle_conflicts`). The district relays what another office needs (an
  entry logged at a provider goes to the office that issued the pass) under its own
  stamp, so that every office sees the district's changes in one order and its
  acknowledgement stays exact.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from passapp.domain import merge
from passapp.domain.dates import PartialDate
from passapp.domain.name_index import index_keys
from passapp.domain.text import InvalidTextError, validate_record_text
from passapp.models.bulk import BulkInsert, existing_ids
from passapp.models.entities import (
    Base,
    ChangeRecord,
    Installation,
    Municipality,
    Offer,
    Office,
    Pass,
    Person,
    PersonNameKey,
)
from passapp.models.sync_entities import (
    AppliedVersion,
    DatabaseOrigin,
    EntityVersion,
    PendingChange,
    QuarantinedChange,
    SyncConflict,
)
from passapp.services.changes import (
    BASE_KEY,
    ENTITY_TYPES,
    LOCAL_COLUMNS,
    OFFER_COLUMNS,
    OFFICE_COLUMNS,
    SETTLES_KEY,
    VERSIONED_TYPES,
    allocate_counters,
    base_of,
    stamp_text,
)
from passapp.services.erasure import is_erasure, mark_erased, scrub_identity
from passapp.services.people import write_name_keys
from passapp.services.reissued_numbers import without_reissued_numbers
from passapp.services.sync_limits import BadValue, excerpt, payload_specs, sanitised
from passapp.services.trust import district_code

MODELS: dict[str, type[Base]] = {name: model for model, name in ENTITY_TYPES.items()}
# Parents before children: a batch writes the record types in this order.
TYPE_ORDER = ("person", "eligibility_check", "pass", "pass_card", "entry")
# Which parents each kind of record needs before it can be applied (it waits otherwise).
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (("merged_into_id", "person"),),
    "eligibility_check": (("person_id", "person"),),
    "pass": (("person_id", "person"), ("eligibility_check_id", "eligibility_check")),
    "pass_card": (("pass_id", "pass"),),
    "entry": (("pass_id", "pass"), ("refers_to_id", "entry")),
}
# Records that change after their insert; the others are insert-only (DESIGN §7), so a
# second copy of them is simply a duplicate and needs no version to decide.
MUTABLE_TYPES = VERSIONED_TYPES
# Fields derived on write from another: their conflicts are decided with that field's.
DERIVED_FROM = {
    "family_names_latin": "family_names",
    "given_names_latin": "given_names",
    "birth_year": "birth_date",
    "consent_recorded_at": "consent",
}
BATCH_SIZE = 2000
MAX_COUNTER = 2**62  # counters fit the database's 64-bit integers
_SPECS = {name: payload_specs(name, model) for name, model in MODELS.items()}
# Columns a row cannot be stored without (no default): a change lacking one is malformed.
_REQUIRED = {
    name: frozenset(
        c.key
        for c in model.__table__.columns
        if not c.nullable and c.default is None and c.server_default is None
    )
    for name, model in MODELS.items()
}
_LOCAL_COLUMNS = frozenset(LOCAL_COLUMNS)

Stamp = tuple[uuid.UUID, int, str]  # (origin database id, counter, origin office)


class Malformed(Exception):
    pass


class NotPermitted(Exception):
    """A change the signer of the bundle may not make (DESIGN §7, "The signer is the
    authority"): quarantined, never applied, never advancing a version vector."""


class MissingParent(Exception):
    def __init__(self, waiting_for: str) -> None:
        super().__init__(waiting_for)
        self.waiting_for = waiting_for


@dataclass
class Counts:
    """What an import did, record by record (the import report adds its own fields)."""

    applied: int = 0
    skipped: int = 0
    quarantined: int = 0
    conflicts: int = 0
    pending: int = 0
    dropped: int = 0  # unknown record types and unknown fields: counted, not kept
    erased: int = 0  # identities blanked here (erasures, withdrawn consent)
    conflicts_settled: int = 0  # open conflicts here closed by a decision made elsewhere
    by_type: dict[str, int] = field(default_factory=dict)

    def count_applied(self, entity_type: str, number: int = 1) -> None:
        self.applied += number
        self.by_type[entity_type] = self.by_type.get(entity_type, 0) + number


@dataclass
class Incoming:
    entity_type: str
    entity_id: uuid.UUID
    values: dict[str, Any]
    stamp: Stamp
    record: dict[str, Any]


# --- turning payload values into column values -----------------------------------------

Converter = Callable[[Any], Any]


def _partial_date(value: Any) -> PartialDate:
    return PartialDate.parse(str(value))


def _datetime(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value))


class _UuidCache:
    """Parsing a UUID costs microseconds, and a batch names each id several times (a
    person's id in its checks and pass, a pass's id in its card and entries)."""

    LIMIT = 20_000

    def __init__(self) -> None:
        self._known: dict[str, uuid.UUID] = {}

    def __call__(self, value: Any) -> uuid.UUID:
        text = value if isinstance(value, str) else str(value)
        parsed = self._known.get(text)
        if parsed is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()  # memory stays flat, whatever the bundle's size
            parsed = self._known[text] = uuid.UUID(text)
        return parsed


_uuid = _UuidCache()


def _bytes(value: Any) -> bytes:
    return base64.b64decode(str(value))


def _same(value: Any) -> Any:
    return value


def _converter_for(column: Any) -> Converter:
    type_name = type(column.type).__name__
    if type_name == "PartialDateType":
        return _partial_date
    if type_name == "UtcDateTime":
        return _datetime
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return _same
    by_kind: dict[type, Converter] = {
        uuid.UUID: _uuid,
        dt.date: _date,
        bytes: _bytes,
        bool: bool,
        int: int,
    }
    return by_kind.get(kind, _same)


_CONVERTERS: dict[str, dict[str, Converter]] = {
    name: {
        attribute.key: _converter_for(attribute.columns[0])
        for attribute in model.__mapper__.column_attrs
    }
    for name, model in MODELS.items()
}


class ChangeApplier:
    """Applies the change records of one bundle, batch by batch, in the caller's
    transaction. Feed it with :meth:`add`, then call :meth:`finish`."""

    def __init__(self, session: Session, bundle_id: str, counts: Counts, sender: str) -> None:
        self.session = session
        self.bundle_id = bundle_id
        self.counts = counts
        self.sender = sender  # the office that signed the bundle: verified by the caller
        setup = session.get(Installation, 1)
        assert setup is not None  # the caller checked that an office is set up
        self.setup = setup
        self.is_district = setup.role == "district"
        self.district_code = district_code(session, setup)
        # A bundle from an office speaks for that office alone (DESIGN §7).
        self.from_office = self.is_district and sender != self.district_code
        self.applied = {v.database_id: v.counter for v in session.scalars(select(AppliedVersion))}
        self._applied_before = dict(self.applied)
        self.origins = {
            o.database_id: o.office_code for o in session.scalars(select(DatabaseOrigin))
        }
        self.reload_references()
        self._batch: list[Incoming] = []
        self._batch_ids: set[uuid.UUID] = set()
        self._relays: list[Incoming] = []
        self._merge_targets: set[uuid.UUID | None] | None = None
        self._inserts: dict[type[Base], BulkInsert] = {}
        # Per type: the known columns, and those whose JSON value needs converting (text
        # columns are taken as they are). Office and offer columns carry a code or slug.
        self._converters: dict[str, tuple[frozenset[str], list[tuple[str, Converter]]]] = {}
        for entity_type, converters in _CONVERTERS.items():
            converting: list[tuple[str, Converter]] = []
            for key, converter in converters.items():
                if key in OFFICE_COLUMNS:
                    converting.append((key, self.office_id))
                elif key == "municipality_key":
                    converting.append((key, self.municipality_key))
                elif key in OFFER_COLUMNS:
                    converting.append((key, self.offer_id))
                elif converter is not _same:
                    converting.append((key, converter))
            self._converters[entity_type] = (frozenset(converters), converting)

    def reload_references(self) -> None:
        """Offices and offers travel as code and slug; their local ids are looked up here
        (again after a trust list or catalogue in the same bundle added some)."""
        self.session.flush()
        self.office_ids = {o.code: o.id for o in self.session.scalars(select(Office))}
        self.office_codes = {v: k for k, v in self.office_ids.items()}
        self.offer_ids = dict(self.session.execute(select(Offer.slug, Offer.id)).all())
        self.municipality_keys = set(self.session.scalars(select(Municipality.key)))

    # --- feeding ------------------------------------------------------------------------

    def add(self, record: dict[str, Any]) -> None:
        entity_type = record.get("entity_type")
        if not isinstance(entity_type, str) or entity_type not in MODELS:
            self.counts.dropped += 1  # a record type this version does not know: not kept
            return
        try:
            database_id = _uuid(record["database_id"])
            counter = int(record["counter"])
            origin = str(record["origin_office"])
            if not 0 < counter < MAX_COUNTER:
                raise ValueError(f"counter {counter} out of range")
        except (KeyError, ValueError, TypeError) as error:
            self.quarantine(record, f"no version: {error}")
            return
        refusal = self.refusal(database_id, origin)
        if refusal is not None:
            self.quarantine(record, refusal)  # and the version vector stays where it was
            return
        if counter <= self.applied.get(database_id, 0):
            self.counts.skipped += 1
            return
        # Received: applied, pending or quarantined, it is never asked for again.
        self.applied[database_id] = counter
        try:
            incoming = self.convert(record, database_id, counter)
            self.check_payload(incoming)
        except (Malformed, NotPermitted) as error:
            self.quarantine(record, str(error))
            return
        if incoming.entity_id in self._batch_ids:
            self.flush()  # the same record twice in one batch: apply in order
        self._batch.append(incoming)
        self._batch_ids.add(incoming.entity_id)
        if len(self._batch) >= BATCH_SIZE:
            self.flush()

    def refusal(self, database_id: uuid.UUID, origin: str) -> str | None:
        """Why the signer may not speak for this stamp, or None. A database id belongs to
        the office whose bundle first brought it; no other office may use it again."""
        if database_id == self.setup.database_id:
            return "stamped with this database's own id"
        if self.from_office and origin != self.sender:
            return f"origin {origin} is not the signer {self.sender}"
        bound = self.origins.get(database_id)
        if bound is None:
            self.origins[database_id] = self.sender
            self.session.add(DatabaseOrigin(database_id=database_id, office_code=self.sender))
        elif bound != self.sender:
            return f"database {database_id} belongs to {bound}, not to the signer {self.sender}"
        return None

    def convert(self, record: dict[str, Any], database_id: uuid.UUID, counter: int) -> Incoming:
        entity_type = str(record.get("entity_type"))
        converters = self._converters.get(entity_type)
        if converters is None:
            raise Malformed(f"unknown entity type {entity_type!r}")
        try:
            record, dropped = sanitised(record, _SPECS[entity_type], _LOCAL_COLUMNS)
        except BadValue as error:
            raise Malformed(str(error)) from error
        self.counts.dropped += dropped
        try:
            # The same limits and characters as a clerk's input (domain/text.py).
            validate_record_text(entity_type, record["payload"])
        except InvalidTextError as error:
            raise Malformed(str(error)) from error
        known, converting = converters
        values = dict(record["payload"])
        if not known.issuperset(values):  # the extras (a version, "anonymous"): no columns
            values = {k: v for k, v in values.items() if k in known}
        try:
            for key, converter in converting:
                value = values.get(key)
                if value is not None:
                    values[key] = converter(value)
            stamp = (database_id, counter, str(record["origin_office"]))
        except (ValueError, TypeError, KeyError) as error:
            raise Malformed(f"bad value: {error}") from error
        if not isinstance(values.get("id"), uuid.UUID):
            raise Malformed("no id")
        missing = [key for key in _REQUIRED[entity_type] if values.get(key) is None]
        if missing:
            raise Malformed(f"no value for {', '.join(sorted(missing))}")
        return Incoming(entity_type, values["id"], values, stamp, record)

    def check_payload(self, item: Incoming) -> None:
        """An office's bundle changes only what that office may change: its own people,
        checks, passes and entries; never a district-only field (DESIGN §7)."""
        if not self.from_office:
            return
        values, sender = item.values, self.sender
        if item.entity_type == "person":
            owner = self.office_codes.get(values.get("registered_by_office_id"))  # type: ignore[arg-type]
            if values.get("merged_into_id") is not None:
                raise NotPermitted("a merge is made by the district only")
        elif item.entity_type == "pass":
            owner = _pass_office(values.get("pass_number"))
            if self.office_codes.get(values.get("office_id")) != owner:  # type: ignore[arg-type]
                raise NotPermitted("the pass names another office than its number")
        elif item.entity_type == "pass_card":
            return  # checked against its pass when applied (the pass may come later)
        else:
            owner = self.office_codes.get(values.get("office_id"))  # type: ignore[arg-type]
        if owner != sender:
            raise NotPermitted(f"{sender} may not change a {item.entity_type} of {owner}")

    def offer_id(self, slug: Any) -> uuid.UUID | None:
        return self.offer_ids.get(str(slug))  # an offer the catalogue here lacks: none

    def municipality_key(self, key: Any) -> str:
        """A municipality named in a change must be one this database knows."""
        if key not in self.municipality_keys:
            raise ValueError(f"unknown municipality {str(key)[:20]!r}")
        return str(key)

    def office_id(self, code: Any) -> uuid.UUID:
        """The local id of an office named in a change. Every office is known from the
        trust list, which a district bundle carries first; an unknown code is an error
        (it was once made a placeholder office, which let anybody invent offices)."""
        known = self.office_ids.get(str(code))
        if known is None:
            raise ValueError(f"unknown office {str(code)[:20]!r}")
        return known

    def quarantine(self, record: Any, reason: str) -> None:
        """Keep for review what was refused: the reason and a bounded excerpt."""
        self.session.add(
            QuarantinedChange(bundle_id=self.bundle_id, reason=reason[:300], change=excerpt(record))
        )
        self.counts.quarantined += 1

    # --- applying a batch ---------------------------------------------------------------

    def flush(self) -> None:
        batch, self._batch, self._batch_ids = self._batch, [], set()
        for entity_type in TYPE_ORDER:
            items = [i for i in batch if i.entity_type == entity_type]
            if items:
                self._apply_type(entity_type, items)
        self._write_relays()
        self.session.flush()

    def _apply_type(self, entity_type: str, items: list[Incoming]) -> None:
        items = without_reissued_numbers(self.session, entity_type, items, self.quarantine)
        model = MODELS[entity_type]
        existing = self._existing(model, [i.entity_id for i in items])
        present = self._present_parents(entity_type, items)
        card_owners = self._card_owners(items) if entity_type == "pass_card" else {}
        # In the order the changes were made, so constraints that held at the origin hold
        # here too (a pass revoked before the holder's next pass was issued); runs of new
        # records between records seen before go in as one bulk insert.
        new: list[Incoming] = []
        for item in items:
            if item.entity_id in existing:
                self._insert(entity_type, new)
                new = []
                self._apply_checked(item)  # seen before: compared and merged carefully
                continue
            missing = self._missing_parent(entity_type, item, present)
            if missing is not None:
                self._wait(item, missing)
                continue
            owner = card_owners.get(item.values.get("pass_id"))  # type: ignore[arg-type]
            if entity_type == "pass_card" and item.stamp[2] not in (owner, self.district_code):
                self.quarantine(item.record, f"{item.stamp[2]} may not print a card of {owner}")
                continue
            if entity_type == "pass" and self._placeholder_of_own_pass(item):
                self.quarantine(item.record, "a report about a pass this office never issued")
                continue
            new.append(item)
            present.setdefault(entity_type, set()).add(item.entity_id)  # entry → entry
        self._insert(entity_type, new)

    def _placeholder_of_own_pass(self, item: Incoming) -> bool:
        """A district placeholder (a reported pass it never received) naming a pass of
        this office that is not here: a mistyped number, which would block the number
        this office issues next."""
        own = self.office_codes.get(self.setup.office_id)  # type: ignore[arg-type]
        return bool(item.values.get("is_stub")) and (
            _pass_office(item.values.get("pass_number")) == own
        )

    def _apply_checked(self, item: Incoming) -> None:
        try:
            self.apply_one(item)
        except NotPermitted as error:
            self.quarantine(item.record, str(error))

    def _card_owners(self, items: list[Incoming]) -> dict[uuid.UUID, str | None]:
        """The office of each pass the cards name (a card is printed by the pass's office)."""
        pass_ids = {i.values.get("pass_id") for i in items} - {None}
        rows = self.session.execute(
            select(Pass.id, Pass.pass_number).where(Pass.id.in_(pass_ids))
        ).all()
        return {pass_id: _pass_office(number) for pass_id, number in rows}

    def _existing(self, model: type[Base], ids: list[uuid.UUID]) -> set[uuid.UUID]:
        table: Table = model.__table__  # type: ignore[assignment]
        return existing_ids(self.session.connection(), table, ids)

    def _present_parents(
        self, entity_type: str, items: list[Incoming]
    ) -> dict[str, set[uuid.UUID]]:
        present: dict[str, set[uuid.UUID]] = {}
        for column, parent_type in PARENTS[entity_type]:
            wanted = [i.values[column] for i in items if i.values.get(column) is not None]
            if wanted:
                found = self._existing(MODELS[parent_type], wanted)
                present.setdefault(parent_type, set()).update(found)
        return present

    @staticmethod
    def _missing_parent(
        entity_type: str, item: Incoming, present: dict[str, set[uuid.UUID]]
    ) -> str | None:
        for column, parent_type in PARENTS[entity_type]:
            parent_id = item.values.get(column)
            if parent_id is not None and parent_id not in present.get(parent_type, ()):
                return f"{parent_type}:{parent_id}"
        return None

    def _wait(self, item: Incoming, waiting_for: str) -> None:
        self.session.add(
            PendingChange(
                database_id=item.stamp[0],
                counter=item.stamp[1],
                waiting_for=waiting_for,
                change=item.record,
            )
        )
        self.counts.pending += 1

    def _insert(self, entity_type: str, new: list[Incoming]) -> None:
        if not new:
            return
        self._bulk(MODELS[entity_type]).run(item.values for item in new)
        if entity_type == "person":
            self._insert_name_keys(new)
        if entity_type in MUTABLE_TYPES:
            self._bulk(EntityVersion).run(
                [
                    {
                        "entity_type": entity_type,
                        "entity_id": item.entity_id,
                        "database_id": item.stamp[0],
                        "counter": item.stamp[1],
                        "origin_office": item.stamp[2],
                    }
                    for item in new
                ],
            )
        self.counts.count_applied(entity_type, len(new))
        self._collect_relays(entity_type, new)

    def _insert_name_keys(self, people: list[Incoming]) -> None:
        rows = [
            {"person_id": item.entity_id, "key": key, "birth_year": item.values["birth_year"]}
            for item in people
            if not item.record["payload"].get("anonymous")
            for key in sorted(
                index_keys(
                    item.values.get("family_names", ""),
                    item.values.get("given_names", ""),
                    item.values.get("family_names_original"),
                    item.values.get("given_names_original"),
                )
            )
        ]
        self._bulk(PersonNameKey).run(rows)

    def _bulk(self, model: type[Base]) -> BulkInsert:
        statement = self._inserts.get(model)
        if statement is None:
            table: Table = model.__table__  # type: ignore[assignment]
            statement = self._inserts[model] = BulkInsert(self.session.connection(), table)
        return statement

    # --- one record, the careful way ----------------------------------------------------

    def apply_one(self, item: Incoming) -> None:
        """Apply a record that may exist here already (or a pending one), through the ORM.
        Raises :class:`NotPermitted` for a change its origin may not make."""
        model = MODELS[item.entity_type]
        for column, parent_type in PARENTS[item.entity_type]:
            parent_id = item.values.get(column)
            if parent_id is not None and self.session.get(MODELS[parent_type], parent_id) is None:
                raise MissingParent(f"{parent_type}:{parent_id}")
        if item.entity_type == "pass_card":
            parent = self.session.get(Pass, item.values.get("pass_id"))
            owner = None if parent is None else _pass_office(parent.pass_number)
            if item.stamp[2] not in (owner, self.district_code):
                raise NotPermitted(f"{item.stamp[2]} may not print a card of {owner}")
        existing = self.session.get(model, item.entity_id)
        if existing is None:
            if item.entity_type == "pass" and self._placeholder_of_own_pass(item):
                raise NotPermitted("a report about a pass this office never issued")
            self._insert(item.entity_type, [item])
            return
        if item.entity_type not in MUTABLE_TYPES:
            self.counts.skipped += 1  # insert-only: a second copy changes nothing
            return
        authority = merge.Authority(owner=self._owner(existing), district=self.district_code)
        if item.stamp[2] not in (authority.owner, authority.district):
            raise NotPermitted(
                f"{item.stamp[2]} may not change a {item.entity_type} of {authority.owner}"
            )
        self.counts.conflicts_settled += _settle_conflicts(self.session, item, authority)
        version = self.session.get(EntityVersion, (item.entity_type, item.entity_id))
        if isinstance(existing, Person):
            if existing.erased_at is not None:
                self.counts.skipped += 1  # erased wins: no later edit brings the name back
                return
            if self._erase(item, existing):
                version = self._stamped(item, version)
                self.counts.count_applied(item.entity_type)
                self._collect_relays(item.entity_type, [item])
                self.session.flush()
                return
        _update(self.session, item, existing, version, self.counts, authority)
        if isinstance(existing, Person):
            self._follow_consent(item, existing)
        self._stamped(item, version)
        self.counts.count_applied(item.entity_type)
        self._collect_relays(item.entity_type, [item])
        self.session.flush()

    def _stamped(self, item: Incoming, version: EntityVersion | None) -> EntityVersion:
        """The record's version, now the incoming change's."""
        if version is None:
            version = EntityVersion(
                entity_type=item.entity_type,
                entity_id=item.entity_id,
                database_id=item.stamp[0],
                counter=item.stamp[1],
                origin_office=item.stamp[2],
            )
            self.session.add(version)
        elif (version.database_id, version.counter) != item.stamp[:2]:
            version.database_id, version.counter, version.origin_office = item.stamp
        return version

    def _erase(self, item: Incoming, person: Person) -> bool:
        """Apply a tombstone (Art. 17) over whatever is here: it wins against any edit, in
        any order, and the identity goes from every copy this database keeps."""
        if not is_erasure(item.record["payload"], item.record.get("operation")):
            return False
        mark_erased(self.session, person, item.values.get("erased_at") or dt.datetime.now(dt.UTC))
        self.counts.erased += 1
        return True

    def _follow_consent(self, item: Incoming, person: Person) -> None:
        """A receiver that is not the registering office keeps the identity only while the
        person consents: a withdrawal arriving blanks what it holds (the record stays)."""
        own = self.setup.office_id == person.registered_by_office_id
        identified = bool(person.family_names or person.given_names or person.contact)
        if not (own or person.consent) and identified:
            scrub_identity(self.session, person)
            self.counts.erased += 1
        elif not item.record["payload"].get("anonymous"):
            write_name_keys(self.session, person)

    def _owner(self, entity: Base) -> str | None:
        """The office that owns a record: the one that registered the person, issued the
        pass (its number says which) or logged the entry."""
        number = getattr(entity, "pass_number", None)
        if number is not None:
            return _pass_office(number)
        for attribute in ("registered_by_office_id", "office_id"):
            office_id = getattr(entity, attribute, None)
            if office_id is not None:
                return self.office_codes.get(office_id)
        return None

    # --- relaying at the district -------------------------------------------------------

    def _collect_relays(self, entity_type: str, items: Iterable[Incoming]) -> None:
        if self.is_district and entity_type != "eligibility_check":
            self._relays.extend(items)

    def _write_relays(self) -> None:
        """Keep, under the district's own stamp, the changes another office needs: an
        entry or card logged elsewhere goes to the office that issued the pass, a change
        to a person (a merge) to the office that registered it."""
        relays, self._relays = self._relays, []
        if not relays:
            return
        pass_ids = {i.values.get("pass_id") for i in relays if i.entity_type != "person"}
        pass_ids |= {i.entity_id for i in relays if i.entity_type == "pass"}
        owners = {
            pass_id: _pass_office(number)
            for pass_id, number in self.session.execute(
                select(Pass.id, Pass.pass_number).where(Pass.id.in_(pass_ids - {None}))
            )
        }
        needed = [
            i
            for i in relays
            if self._owner_of(i, owners) not in (None, i.stamp[2]) or self._drops_identity(i)
        ]
        if not needed:
            return
        first = allocate_counters(self.session, self.setup, len(needed))
        self._bulk(ChangeRecord).run(
            [
                {
                    "database_id": self.setup.database_id,
                    "counter": first + n,
                    "origin_office": item.stamp[2],
                    "entity_type": item.entity_type,
                    "entity_id": item.entity_id,
                    "operation": str(item.record.get("operation", "insert")),
                    "payload": dict(item.record["payload"]),
                    "recorded_at": _datetime(item.record["recorded_at"]),
                }
                for n, item in enumerate(needed)
            ],
        )

    def _drops_identity(self, item: Incoming) -> bool:
        """A person's erasure or withdrawn consent: the district relays it to the offices
        whose duplicates were merged into the person, which hold its identity too (the
        registering office made the change)."""
        if item.entity_type != "person":
            return False
        payload = item.record["payload"]
        if not (payload.get("anonymous") or is_erasure(payload, item.record.get("operation"))):
            return False
        if self._merge_targets is None:
            # Merges are few and made by the district alone (never in an office's bundle):
            # one query per import, not one per anonymous person change.
            self._merge_targets = set(
                self.session.scalars(
                    select(Person.merged_into_id).where(Person.merged_into_id.is_not(None))
                )
            )
        return item.entity_id in self._merge_targets

    def _owner_of(self, item: Incoming, pass_owners: dict[uuid.UUID, str | None]) -> str | None:
        if item.entity_type == "person":
            office_id = item.values.get("registered_by_office_id")
            return None if office_id is None else self.office_codes.get(office_id)
        if item.entity_type == "pass":
            return pass_owners.get(item.entity_id)
        pass_id = item.values.get("pass_id")
        return None if pass_id is None else pass_owners.get(pass_id)

    # --- the end ------------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Write everything received so far, with the version vector that says so: after
        a commit here, the bundle's remaining records are a bundle of their own."""
        self.flush()
        self._save_versions()

    def finish(self) -> None:
        self.flush()
        self.retry_pending()
        self._write_relays()
        self._save_versions()

    def _save_versions(self) -> None:
        for database_id, counter in self.applied.items():
            before = self._applied_before.get(database_id)
            if before is None:
                self.session.add(AppliedVersion(database_id=database_id, counter=counter))
            elif counter > before:
                row = self.session.get(AppliedVersion, database_id)
                assert row is not None
                row.counter = counter
        self._applied_before = dict(self.applied)
        self.session.flush()

    def retry_pending(self) -> None:
        """Children whose parents have arrived meanwhile are applied now."""
        progress = True
        while progress:
            progress = False
            for pending in list(self.session.scalars(select(PendingChange))):
                record = pending.change
                try:
                    item = self.convert(record, pending.database_id, pending.counter)
                    # The checks a direct arrival passes in _apply_type: a pass number
                    # issued twice may have arrived while this change waited.
                    if without_reissued_numbers(
                        self.session, item.entity_type, [item], self.quarantine
                    ):
                        self.apply_one(item)
                except (MissingParent, Malformed):
                    continue
                except NotPermitted as error:
                    self.quarantine(record, str(error))
                self.session.delete(pending)
                self.counts.pending = max(0, self.counts.pending - 1)
                progress = True
            self.session.flush()


def _update(
    session: Session,
    item: Incoming,
    existing: Base,
    version: EntityVersion | None,
    counts: Counts,
    authority: merge.Authority,
) -> None:
    """Merge an incoming change into a record that exists here (the rule itself is
    :mod:`passapp.domain.merge`). A later change of the record's last origin supersedes
    it, except where a field only moves one way; two origins are a conflict, decided the
    same way everywhere, the loser kept for review. Never an overwrite without a trace."""
    incoming = item.stamp
    same_origin = version is not None and version.database_id == incoming[0]
    if same_origin and version is not None and incoming[1] <= version.counter:
        return  # an older change of the same origin: already superseded here
    entity_type, origin = item.entity_type, incoming[2]
    changed = {
        k: v
        for k, v in item.values.items()
        if merge.may_change(entity_type, k, origin, authority) and getattr(existing, k) != v
    }
    supersedes = version is None or same_origin or _follows(item, existing, version)
    for key, value in changed.items():
        local_value = getattr(existing, key)
        # A value whose last writer may not set this field was not written by it: what
        # is here came earlier from the owner, and the incoming change is no rival.
        unrivalled = version is not None and not merge.may_change(
            entity_type, key, version.origin_office, authority
        )
        if (supersedes or unrivalled) and _moves_forward(entity_type, key, value, local_value):
            setattr(existing, key, value)
            continue
        local = (
            merge.Edit(
                local_value, version.origin_office, version.counter, str(version.database_id)
            )
            if version is not None
            else merge.Edit(local_value, "", 0, "")
        )
        offered = merge.Edit(value, origin, incoming[1], str(incoming[0]))
        won = merge.winner(entity_type, key, local, offered, authority)
        if not merge.is_district_only(entity_type, key):
            _keep_conflict(session, item, key, won, local if won is offered else offered)
            counts.conflicts += 1
        if won is offered:
            setattr(existing, key, value)


def _follows(item: Incoming, existing: Base, version: EntityVersion | None) -> bool:
    """Whether the incoming change was made on the very version held here, or replaces a
    placeholder (a pass known only from a report): then it is no concurrent edit."""
    if bool(getattr(existing, "is_stub", False)) and not item.values.get("is_stub"):
        return True
    payload = item.record["payload"]
    if version is None:
        return False
    # A decided conflict (services/conflicts.py) names both edits it settles: it follows
    # whichever of them a site holds, so deciding one brings no new conflict anywhere.
    return base_of(version) in (payload.get(BASE_KEY), *payload.get(SETTLES_KEY, ()))


def _settle_conflicts(session: Session, item: Incoming, authority: merge.Authority) -> int:
    """Close the open conflicts of the record that a decision made elsewhere settles
    (services/conflicts.py): those kept from the very two edits the change names, about a
    field the change took the other value of (or derived from one), and only where the
    change's origin may change that field (the owner, the district what it may edit).
    Runs whether the change is applied, superseded here or meets an erased record: the
    decision was made either way. Returns how many were closed."""
    settled = _settled_stamps(item.record["payload"])
    if settled is None:
        return 0
    candidates = [
        conflict
        for conflict in session.scalars(
            select(SyncConflict).where(
                SyncConflict.entity_type == item.entity_type,
                SyncConflict.entity_id == item.entity_id,
                SyncConflict.resolved.is_(False),
            )
        )
        if _conflict_stamps(conflict) == settled
        and merge.may_change(item.entity_type, conflict.field, item.stamp[2], authority)
    ]
    # A pair of edits may conflict on several fields; the decision is about the field(s)
    # whose value it changed away from the applied one. The others stay listed.
    decided = {
        conflict.field
        for conflict in candidates
        if conflict.field in item.values
        and plain_value(item.values[conflict.field]) != conflict.applied_value.get("value")
    }
    closing = [c for c in candidates if c.field in decided or DERIVED_FROM.get(c.field) in decided]
    for conflict in closing:
        conflict.resolved = True
    return len(closing)


def _settled_stamps(payload: dict[str, Any]) -> frozenset[str] | None:
    """The two stamps a decision names, or None (no decision, or not two stamps)."""
    stamps = payload.get(SETTLES_KEY)
    if not isinstance(stamps, list) or not all(isinstance(s, str) for s in stamps):
        return None
    settled = frozenset(stamps)
    return settled if len(settled) == 2 else None


def _conflict_stamps(conflict: SyncConflict) -> frozenset[str | None]:
    return frozenset((conflict.applied_value.get("stamp"), conflict.kept_value.get("stamp")))


def _moves_forward(entity_type: str, key: str, value: Any, local_value: Any) -> bool:
    """A later value of the same origin stands unless the field only moves one way."""
    if not merge.is_monotone(entity_type, key):
        return True
    return merge.value_rank(entity_type, key, value) >= merge.value_rank(
        entity_type, key, local_value
    )


def _keep_conflict(
    session: Session, item: Incoming, key: str, won: merge.Edit, lost: merge.Edit
) -> None:
    session.add(
        SyncConflict(
            entity_type=item.entity_type,
            entity_id=item.entity_id,
            field=key,
            applied_value=_conflict_side(won),
            kept_value=_conflict_side(lost),
        )
    )


def _conflict_side(edit: merge.Edit) -> dict[str, Any]:
    """One side of a conflict: its value, its office and (where known) the stamp of the
    change that wrote it, which a decision of the conflict names (``SETTLES_KEY``)."""
    side = {"value": plain_value(edit.value), "origin": edit.office}
    if edit.database:
        side["stamp"] = stamp_text(edit.database, edit.counter)
    return side


def _pass_office(number: Any) -> str | None:
    """The office that issued a pass: the code its number starts with (the check digits
    were verified where it was issued; ownership needs the code only)."""
    if not isinstance(number, str) or "-" not in number:
        return None
    return number.split("-", 1)[0]


def plain_value(value: Any) -> Any:
    """A column value as a conflict keeps it (JSON: ids, dates as text)."""
    if isinstance(value, uuid.UUID | PartialDate | dt.date | dt.datetime):
        return str(value)
    return value
