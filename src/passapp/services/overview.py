"""Everything the counter shows about one person: record, eligibility today, passes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from passapp.models.entities import Office, Pass
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.people import check_today, get_person_view, load_person
from passapp.services.views import EligibilityView, PersonView


@dataclass(frozen=True, slots=True)
class PassSummary:
    pass_number: str
    status: str  # "active" or "revoked"; a replaced card only raises the generation
    generation: int
    issued_on: dt.date
    office: str
    revoked_on: dt.date | None
    revoke_reason: str | None

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True, slots=True)
class PersonOverview:
    person: PersonView
    # Checked today, not stored: what issuing a pass now would find (issuing stores its own).
    eligibility: EligibilityView
    passes: tuple[PassSummary, ...]  # newest first

    @property
    def active_pass(self) -> PassSummary | None:
        return next((p for p in self.passes if p.active), None)


def person_overview(ctx: ServiceContext, person_id: uuid.UUID) -> PersonOverview:
    with ctx.db.reading() as session:
        person = load_person(session, person_id)
        result, rules = check_today(session, ctx, person)
        offices = {o.id: o.code for o in session.scalars(select(Office))}
        passes = tuple(
            PassSummary(
                pass_number=p.pass_number,
                status=p.status,
                generation=p.generation,
                issued_on=p.issued_on,
                office=offices.get(p.office_id, "?"),
                revoked_on=p.revoked_on,
                revoke_reason=p.revoke_reason,
            )
            for p in session.scalars(
                select(Pass)
                .where(Pass.person_id == person.id)
                .order_by(Pass.issued_on.desc(), Pass.created_at.desc())
            )
        )
        return PersonOverview(
            person=get_person_view(session, person),
            eligibility=EligibilityView.of(result, rules),
            passes=passes,
        )


def open_person(ctx: ServiceContext, person_id: uuid.UUID) -> PersonOverview:
    """The overview when a clerk opens a person's record: the opening is audited once.

    Showing the same record again (a refresh after an edit) uses :func:`person_overview`.
    """
    overview = person_overview(ctx, person_id)
    note_person_opened(ctx, person_id)
    return overview


def note_person_opened(ctx: ServiceContext, person_id: uuid.UUID) -> None:
    """Audit that a clerk opened the record (a short write of its own: the desktop app
    sends it to its worker, so a busy database never holds up the counter window)."""
    audit.record_read(ctx, action="person.open", object_type="person", object_id=person_id)
