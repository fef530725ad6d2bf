"""The learner profile of a person: set it, read it with its highest documented level.

The profile is one value on the person (domain/profile.py): the registering office sets
it as a whole, in one transaction with its change record and audit event, like any other
edit of the person. The highest documented German level is derived on reading from the
profile's overall assessments and the person's passed exams (``pruefung`` entries with a
level, status ``abgeschlossen``, neither cancelled nor corrected).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.dates import PartialDate
from passapp.domain.entries import Action, EntryKind, EntryStatus
from passapp.domain.errors import InputError
from passapp.domain.profile import (
    DocumentedLevel,
    GermanLevel,
    LearnerProfile,
    highest_documented_level,
    profile_from_json,
)
from passapp.models.entities import Entry, Pass, Person
from passapp.services import audit, changes
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.offices import local_office
from passapp.services.people import load_person, person_office_code, stored_profile

# What a form or the command line hands in: the domain value (its parts are typed).
LearnerProfileInput = LearnerProfile


@dataclass(frozen=True)
class LearnerProfileView:
    person_id: uuid.UUID
    profile: LearnerProfile
    highest_level: DocumentedLevel | None

    def to_json(self) -> dict[str, Any]:
        best = self.highest_level
        return {
            "person": str(self.person_id),
            **self.profile.to_json(),
            "highest_german_level": None
            if best is None
            else {
                "level": best.level,
                "basis": best.basis,
                "on": best.on.iso(),
                "from_exam": best.from_exam,
            },
        }


def set_learner_profile(
    ctx: ServiceContext, person_id: uuid.UUID, data: LearnerProfileInput
) -> LearnerProfileView:
    try:
        stored = stored_profile(data)
    except InputError as error:
        raise InvalidInput(str(error), error.message_de) from error
    with ctx.db.transaction() as session:
        office = local_office(session)
        person = load_person(session, person_id)
        _require_owner(session, person, office.id)
        if person.learner_profile != stored:
            person.learner_profile = stored
            session.flush()
            changes.record(session, person, "update")
            audit.record(
                session,
                actor=ctx.clerk,
                office_code=office.code,
                action="person.profile",
                object_type="person",
                object_id=person.id,
                details={},
            )
        return _view(session, person)


def learner_profile(ctx: ServiceContext, person_id: uuid.UUID) -> LearnerProfileView:
    with ctx.db.reading() as session:
        return _view(session, load_person(session, person_id))


def _require_owner(session: Session, person: Person, office_id: uuid.UUID) -> None:
    if person.registered_by_office_id != office_id:
        owner = person_office_code(session, person)
        raise Refused(
            f"person {person.id} is registered by {owner}; only that office edits its profile",
            f"Diese Person wurde von {owner} erfasst; nur dort kann ihr Profil geändert werden.",
        )
    if person.merged_into_id is not None or person.erased_at is not None:
        raise Refused(
            f"person {person.id} was merged or erased",
            "Dieser Eintrag wurde zusammengeführt oder gelöscht und wird nicht mehr geändert.",
        )


def _view(session: Session, person: Person) -> LearnerProfileView:
    profile = profile_from_json(person.learner_profile)
    best = highest_documented_level(profile.assessments, passed_exams(session, person.id))
    return LearnerProfileView(person.id, profile, best)


def passed_exams(session: Session, person_id: uuid.UUID) -> list[tuple[GermanLevel, PartialDate]]:
    """The levels of the person's passed exams that still stand (see the module doc)."""
    entries = list(
        session.scalars(
            select(Entry).join(Pass, Pass.id == Entry.pass_id).where(Pass.person_id == person_id)
        )
    )
    replaced = {e.refers_to_id for e in entries if e.action != Action.RECORD.value}
    passed = []
    for entry in entries:
        if (
            entry.kind == EntryKind.PRUEFUNG.value
            and entry.level is not None
            and entry.status == EntryStatus.ABGESCHLOSSEN.value
            and entry.action != Action.CANCELLATION.value
            and entry.id not in replaced
        ):
            day = entry.end_date or entry.start_date
            passed.append((GermanLevel(entry.level), PartialDate(day.year, day.month, day.day)))
    return passed
