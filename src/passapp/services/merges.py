"""Merging the same person registered twice (DESIGN §7, "Deletion and duplicates").

Only the district office merges, and only people whose identity it knows (registered with
consent): an anonymous record cannot be confirmed as anyone's duplicate. A merge never
deletes: the duplicate record stays, points at the survivor (``merged_into``) and drops
out of searches; its passes and entries stay where they are and count for the survivor.

Offices follow through their next bundle: the office that registered the duplicate
receives the merge and, first, the survivor's record, so that its clerks find the person
under the surviving record. ``merged_into`` is the district's field: an office's edit of
the duplicate never undoes a merge (see :mod:`passapp.services.sync_apply`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.profile import profile_from_json, united
from passapp.domain.text import clean_text
from passapp.models.entities import Pass, Person
from passapp.services import audit, changes
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.offices import local_office
from passapp.services.people import load_person, person_office_code
from passapp.services.trust import installation

MAX_CHAIN = 100  # merges are never chained on purpose; this only stops a damaged loop


@dataclass(frozen=True)
class MergeResult:
    duplicate: uuid.UUID
    survivor: uuid.UUID
    # Active passes of both records: the issuing offices may want to revoke one of them.
    active_passes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "merged": str(self.duplicate),
            "into": str(self.survivor),
            "active_passes": list(self.active_passes),
        }


def merge_people(
    ctx: ServiceContext, duplicate_id: uuid.UUID, survivor_id: uuid.UUID, reason: str
) -> MergeResult:
    reason = clean_text("merge.reason", reason)
    if not reason:
        raise InvalidInput(
            "a merge needs a reason", "Bitte einen Grund für die Zusammenführung angeben."
        )
    with ctx.db.transaction() as session:
        if installation(session).role != "district":
            raise Refused(
                "only the district office merges persons",
                "Nur die Koordinierungsstelle des Landkreises führt Personen zusammen.",
            )
        duplicate = load_person(session, duplicate_id)
        survivor = final_record(session, load_person(session, survivor_id))
        _check_mergeable(duplicate, survivor)
        _unite_profiles(survivor, duplicate)
        # The survivor first: the duplicate's office receives it before the merge itself.
        changes.record(session, survivor, "update")
        for follower in session.scalars(
            select(Person).where(Person.merged_into_id == duplicate.id)
        ):
            follower.merged_into_id = survivor.id  # no chains: all point at the survivor
            changes.record(session, follower, "update")
        duplicate.merged_into_id = survivor.id
        changes.record(session, duplicate, "update")
        active = tuple(
            session.scalars(
                select(Pass.pass_number)
                .where(Pass.person_id.in_([duplicate.id, survivor.id]), Pass.status == "active")
                .order_by(Pass.pass_number)
            )
        )
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="person.merge",
            object_type="person",
            object_id=str(duplicate.id),
            details={
                "into": str(survivor.id),
                "reason": reason,
                "duplicate_office": person_office_code(session, duplicate),
                "survivor_office": person_office_code(session, survivor),
            },
        )
        return MergeResult(duplicate.id, survivor.id, active)


def _unite_profiles(survivor: Person, duplicate: Person) -> None:
    """The survivor's learner profile keeps its values and gains what only the duplicate
    knew (``domain.profile.united``); it travels with the survivor's change, which the
    district may make for that field (``domain.merge.DISTRICT_EDITABLE``)."""
    kept = profile_from_json(survivor.learner_profile)
    merged = united(kept, profile_from_json(duplicate.learner_profile))
    if merged != kept:
        survivor.learner_profile = merged.to_json()


def final_record(session: Session, person: Person) -> Person:
    """The record a person was (eventually) merged into, or the person itself."""
    for _ in range(MAX_CHAIN):
        if person.merged_into_id is None:
            return person
        person = load_person(session, person.merged_into_id)
    raise Refused("merges form a loop", "Die Zusammenführungen bilden einen Kreis.")


def _check_mergeable(duplicate: Person, survivor: Person) -> None:
    if duplicate.id == survivor.id:
        raise InvalidInput(
            "a person cannot be merged into itself",
            "Eine Person kann nicht mit sich selbst zusammengeführt werden.",
        )
    if duplicate.merged_into_id is not None:
        raise Refused(
            f"person {duplicate.id} is already merged into {duplicate.merged_into_id}",
            "Diese Person ist schon mit einem anderen Eintrag zusammengeführt.",
        )
    for person in (duplicate, survivor):
        if person.erased_at is not None:
            raise Refused(
                f"person {person.id} was erased",
                "Ein gelöschter Eintrag wird nicht zusammengeführt.",
            )
        if not person.family_names and not person.given_names:
            raise Refused(
                f"person {person.id} was shared without consent: the district cannot confirm the duplicate",
                "Ohne Einwilligung ist die Identität hier nicht bekannt; die Dublette kann nicht bestätigt werden.",
            )
