"""Issuing a pass record: eligibility gate, one active pass per person, office sequence.

The PDF and the signed QR are rendered from this record (pass issue #3); the record and
its number exist first so that a failed print never leaves a half-issued pass.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from passapp.domain.codes import parse_language
from passapp.domain.eligibility import STATUS_GERMAN, Status
from passapp.domain.pass_number import PassNumber
from passapp.models.entities import Office, Pass
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.people import check_and_store, load_person
from passapp.services.views import EligibilityView

MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class IssuedPass:
    id: uuid.UUID
    pass_number: str
    generation: int
    person_id: uuid.UUID
    issued_on: dt.date
    print_languages: tuple[str, ...]
    eligibility: EligibilityView
    override_reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "pass_number": self.pass_number,
            "generation": self.generation,
            "person_id": str(self.person_id),
            "issued_on": self.issued_on.isoformat(),
            "print_languages": list(self.print_languages),
            "eligibility": self.eligibility.to_json(),
            "override_reason": self.override_reason,
            # The PDF comes with the printed pass (issue #3); the key is part of the contract.
            "pdf": None,
        }


def issue_pass(
    ctx: ServiceContext,
    person_id: uuid.UUID,
    *,
    languages: tuple[str, ...] = (),
    override_reason: str | None = None,
) -> IssuedPass:
    print_languages = ["de", *(parse_language(code) for code in languages)]
    print_languages = list(dict.fromkeys(print_languages))
    reason = (override_reason or "").strip() or None
    with ctx.db.transaction() as session:
        office = local_office(session)
        person = load_person(session, person_id)
        if person.merged_into_id is not None:
            raise Refused(
                f"person {person_id} was merged into {person.merged_into_id}; issue for that record",
                "Diese Person wurde mit einem anderen Datensatz zusammengeführt.",
            )
        active = session.scalars(
            select(Pass.pass_number).where(Pass.person_id == person.id, Pass.status == "active")
        ).first()
        if active is not None:
            raise Refused(
                f"person already holds the active pass {active}; a lost card is replaced, not issued again",
                f"Die Person hat bereits den gültigen Pass {active}. Bei Verlust bitte Ersatzkarte ausstellen.",
            )
        eligibility, check = check_and_store(session, ctx, person, office.id)
        _gate(eligibility, reason)
        number = PassNumber(office.code, _next_sequence(session, office))
        record = Pass(
            pass_number=number.text,
            office_id=office.id,
            sequence=number.sequence,
            person_id=person.id,
            generation=0,
            status="active",
            issued_on=ctx.today(),
            issued_by=ctx.clerk,
            print_languages=print_languages,
            eligibility_check_id=check.id,
            override_reason=reason if eligibility.status != Status.ELIGIBLE else None,
        )
        session.add(record)
        session.flush()
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="pass.issue",
            object_type="pass",
            object_id=record.id,
            details={
                "pass_number": record.pass_number,
                "person": str(person.id),
                "eligibility": eligibility.status,
                "eligibility_check": str(check.id),
                # DESIGN §4: the clerk's written reason is kept in the audit log.
                "override_reason": record.override_reason,
            },
        )
        return IssuedPass(
            id=record.id,
            pass_number=record.pass_number,
            generation=record.generation,
            person_id=person.id,
            issued_on=record.issued_on,
            print_languages=tuple(print_languages),
            eligibility=eligibility,
            override_reason=record.override_reason,
        )


def _gate(eligibility: EligibilityView, reason: str | None) -> None:
    if eligibility.status == Status.NOT_ELIGIBLE:
        raise Refused(
            "not eligible: " + "; ".join(eligibility.reasons),
            "Voraussetzungen nicht erfüllt: " + "; ".join(eligibility.reasons_de),
        )
    if eligibility.status == Status.NEEDS_REVIEW:
        if reason is None:
            raise Refused(
                "eligibility needs review (" + "; ".join(eligibility.reasons) + "); "
                "give a written reason with --override-reason to issue anyway",
                f"Prüfung {STATUS_GERMAN[Status.NEEDS_REVIEW]}: "
                + "; ".join(eligibility.reasons_de)
                + ". Zum Ausstellen bitte eine schriftliche Begründung angeben.",
            )
        if len(reason) < MIN_REASON_LENGTH:
            raise InvalidInput(
                f"the reason must say why (at least {MIN_REASON_LENGTH} characters)",
                f"Die Begründung muss sagen, warum (mindestens {MIN_REASON_LENGTH} Zeichen).",
            )


def _next_sequence(session: Session, office: Office) -> int:
    """Take the office's next number atomically (a row lock on PostgreSQL, the write lock on SQLite)."""
    taken = session.execute(
        update(Office)
        .where(Office.id == office.id)
        .values(next_sequence=Office.next_sequence + 1)
        .returning(Office.next_sequence)
    ).scalar_one()
    return int(taken) - 1


def load_pass_by_number(session: Session, text: str) -> Pass:
    number = PassNumber.parse(text)
    record = session.scalars(select(Pass).where(Pass.pass_number == number.text)).first()
    if record is None:
        raise NotFound(
            f"pass {number.text} is not known in this database",
            f"Der Pass {number.text} ist in dieser Datenbank nicht bekannt.",
        )
    return record
