"""Deciding a sync conflict (issue 12): keep the value the merge rule applied, or take the
value that lost, as a new change of this installation that travels like any edit.

Taking the other value goes through the same validation as the edit form of that field
(a person's fields through ``people.edit_person``, the learner profile through the
profile's check) and only where this installation may change that field of the record
(``domain.merge.may_change``): a change the other sites would not take would leave them
apart. The change names the stamps of both edits of the conflict (``changes.SETTLES_KEY``),
so a site holding either takes it as following its version: no new conflict; a site that
kept the same conflict closes its copy (``sync_apply._settle_conflicts``).

Only keeping is possible where taking the other value would be wrong or could not
converge: the record is gone, erased or merged away (an erasure is never undone); the
value changed since the conflict was detected (a later edit stands); the field only moves
one way (a pass's status, generation and revocation, an erasure); the field follows from
another (the Latin search form of a name, the birth year: decide the name's conflict).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain import merge
from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.profile import profile_from_json
from passapp.models.entities import Base, Pass, Person
from passapp.models.sync_entities import SyncConflict
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.people import (
    edit_person,
    load_person,
    person_form,
    person_office_code,
    stored_profile,
)
from passapp.services.profile import record_profile
from passapp.services.sync_apply import DERIVED_FROM, plain_value
from passapp.services.trust import district_code

KEEP_CHOICES = ("applied", "other")


def _partial_date(value: Any) -> PartialDate:
    return PartialDate.parse(str(value))


def _optional_partial_date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _codes(value: Any) -> tuple[str, ...]:
    return tuple(str(code) for code in value or ())


# A person's field as the edit form takes it: (the form's field, the payload value read).
PERSON_FORM_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "family_names": ("family_names", str),
    "given_names": ("given_names", str),
    "family_names_original": ("family_names_original", _optional_text),
    "given_names_original": ("given_names_original", _optional_text),
    "birth_date": ("birth_date", _partial_date),
    "arrival_date": ("arrival_date", _optional_partial_date),
    "moved_from_abroad": ("moved_from_abroad", bool),
    "sex": ("sex", _optional_text),
    "nationalities": ("nationalities", _codes),
    "languages": ("languages", _codes),
    "municipality_key": ("municipality", _optional_text),
    "contact": ("contact", _optional_text),
    "consent": ("consent", bool),
    "consent_notice_version": ("consent_notice_version", _optional_text),
    "consent_language": ("consent_language", _optional_text),
}


@dataclass(frozen=True)
class ConflictDecision:
    """What deciding a conflict did: the choice, the record's value of the field now, and
    the conflicts of fields derived from it that were decided with it."""

    id: str
    entity_type: str
    entity_id: str
    field: str
    keep: str
    value: Any
    also_resolved: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "also_resolved": list(self.also_resolved)}


def resolve_conflict(ctx: ServiceContext, conflict_id: str, keep: str) -> ConflictDecision:
    """Decide an open conflict in one transaction, audited as ``sync.conflict_resolved``."""
    if keep not in KEEP_CHOICES:
        raise InvalidInput(
            f"--keep must be one of {', '.join(KEEP_CHOICES)}",
            "Wählen Sie „applied“ (übernommenen Wert behalten) oder „other“ (anderen Wert).",
        )
    with ctx.db.transaction() as session:
        conflict = _open_conflict(session, conflict_id)
        record = session.get(_MODELS[conflict.entity_type], conflict.entity_id)
        if keep == "other":
            _take_other(session, ctx, conflict, record)
        also = _resolve_with_derived(session, conflict)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="sync.conflict_resolved",
            object_type=conflict.entity_type,
            object_id=conflict.entity_id,
            details={"conflict": str(conflict.id), "field": conflict.field, "keep": keep},
        )
        current = None if record is None else getattr(record, conflict.field, None)
        return ConflictDecision(
            id=str(conflict.id),
            entity_type=conflict.entity_type,
            entity_id=str(conflict.entity_id),
            field=conflict.field,
            keep=keep,
            value=plain_value(current) if _readable(record) else None,
            also_resolved=also,
        )


_MODELS: dict[str, type[Base]] = {"person": Person, "pass": Pass}


def _readable(record: Base | None) -> bool:
    return record is not None and getattr(record, "erased_at", None) is None


def _open_conflict(session: Session, conflict_id: str) -> SyncConflict:
    try:
        key = uuid.UUID(str(conflict_id).strip())
    except ValueError:
        key = None
    conflict = None if key is None else session.get(SyncConflict, key)
    if conflict is None or conflict.entity_type not in _MODELS:
        raise NotFound(
            f"no conflict with id {conflict_id}", f"Kein Konflikt mit der Kennung {conflict_id}."
        )
    if conflict.resolved:
        raise Refused(
            f"conflict {conflict_id} was decided already",
            "Dieser Konflikt wurde bereits entschieden.",
        )
    return conflict


def _resolve_with_derived(session: Session, conflict: SyncConflict) -> tuple[str, ...]:
    conflict.resolved = True
    derived = [name for name, source in DERIVED_FROM.items() if source == conflict.field]
    if not derived:
        return ()
    siblings = session.scalars(
        select(SyncConflict).where(
            SyncConflict.entity_type == conflict.entity_type,
            SyncConflict.entity_id == conflict.entity_id,
            SyncConflict.field.in_(derived),
            SyncConflict.resolved.is_(False),
        )
    ).all()
    for sibling in siblings:
        sibling.resolved = True
    return tuple(sorted(str(s.id) for s in siblings))


# --- taking the other value ---------------------------------------------------------------


def _refuse(message: str, message_de: str) -> Refused:
    return Refused(
        f"{message}; only keeping the applied value is possible",
        f"{message_de} Nur der übernommene Wert kann behalten werden.",
    )


def _take_other(
    session: Session, ctx: ServiceContext, conflict: SyncConflict, record: Base | None
) -> None:
    field = conflict.field
    _check_takeable(conflict, record)
    assert isinstance(record, Person)  # only a person's fields are taken (_check_takeable)
    authority = _authority(session, record)
    own = local_office(session).code
    if not merge.may_change(conflict.entity_type, field, own, authority):
        raise Refused(
            f"only {authority.owner} may change {field} of this {conflict.entity_type}; "
            "decide the conflict there or keep the applied value",
            f"Nur {authority.owner} darf diesen Wert ändern; dort entscheiden oder den "
            "übernommenen Wert behalten.",
        )
    if plain_value(getattr(record, field)) != conflict.applied_value.get("value"):
        raise _refuse(
            f"{field} was changed since the conflict was detected",
            "Der Wert wurde seit dem Konflikt erneut geändert.",
        )
    settles = [
        stamp
        for stamp in (conflict.applied_value.get("stamp"), conflict.kept_value.get("stamp"))
        if isinstance(stamp, str)
    ]
    other = conflict.kept_value.get("value")
    if field == "learner_profile":
        _take_profile(session, ctx, record, other, settles)
    else:
        _take_person_field(session, ctx, record, field, other, settles)


def _check_takeable(conflict: SyncConflict, record: Base | None) -> None:
    field = conflict.field
    if record is None or not _readable(record):
        raise _refuse("the record is gone or erased", "Der Eintrag ist gelöscht.")
    if getattr(record, "merged_into_id", None) is not None:
        raise _refuse("the record was merged into another", "Der Eintrag wurde zusammengeführt.")
    if field in DERIVED_FROM:
        source = DERIVED_FROM[field]
        raise _refuse(
            f"{field} follows from {source}: decide the conflict about {source}",
            f"Dieser Wert folgt aus „{source}“; bitte den Konflikt dort entscheiden.",
        )
    if merge.is_monotone(conflict.entity_type, field):
        raise _refuse(
            f"{field} only moves one way at every site",
            "Dieser Wert ändert sich überall nur in eine Richtung (z. B. gesperrt bleibt gesperrt).",
        )
    takeable = conflict.entity_type == "person" and (
        field in PERSON_FORM_FIELDS or field == "learner_profile"
    )
    if not takeable:
        raise _refuse(
            f"{field} of a {conflict.entity_type} is not taken over from a conflict",
            "Dieser Wert wird nicht aus einem Konflikt übernommen.",
        )


def _authority(session: Session, person: Person) -> merge.Authority:
    """Who may change the person's fields: the office that registered it, and the district."""
    return merge.Authority(person_office_code(session, person), district_code(session))


def _take_person_field(
    session: Session,
    ctx: ServiceContext,
    record: Person,
    field: str,
    other: Any,
    settles: list[str],
) -> None:
    """The other value into the person's edit form, saved as that form saves."""
    form_field, read = PERSON_FORM_FIELDS[field]
    person_id = record.id
    try:
        data = dataclasses.replace(
            person_form(load_person(session, person_id)), **{form_field: read(other)}
        )
    except (InputError, ValueError, TypeError) as error:
        raise InvalidInput(
            f"the other value of {field} is not valid: {error}",
            f"Der andere Wert ist ungültig: {getattr(error, 'message_de', error)}",
        ) from error
    edit_person(session, ctx, person_id, data, settles)


def _take_profile(
    session: Session, ctx: ServiceContext, record: Person, other: Any, settles: list[str]
) -> None:
    """The other learner profile, checked as the profile form checks it."""
    try:
        stored = stored_profile(profile_from_json(other))
    except (InputError, ValueError, TypeError, KeyError) as error:
        raise InvalidInput(
            f"the other learner profile is not valid: {error}",
            f"Das andere Lernprofil ist ungültig: {getattr(error, 'message_de', error)}",
        ) from error
    record_profile(session, ctx, local_office(session).code, record, stored, settles)
