"""Passes: issue (eligibility gate, one active pass per person, office sequence, signed
QR, PDF), revoke, replace a lost card (same number, next generation), entry sheet.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from passapp.domain.codes import parse_language
from passapp.domain.eligibility import STATUS_GERMAN, Status
from passapp.domain.ids import pass_id_for
from passapp.domain.pass_number import PassNumber
from passapp.domain.text import clean_optional_text, clean_text
from passapp.models.entities import Installation, Office, Pass
from passapp.services import audit, changes
from passapp.services.cards import (
    card_output,
    default_pdf_path,
    entry_sheet,
    render_card,
    sign_card,
)
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.files import write_atomically
from passapp.services.offices import local_office
from passapp.services.people import check_and_store, load_person
from passapp.services.privacy_contact import sample_parts, sample_warning
from passapp.services.reasons import require_reason
from passapp.services.trust import installation, publish_trust_list
from passapp.services.views import EligibilityView


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
    pdf: Path | None = None
    qr_digits: str | None = None
    # What of the print is sample data ("offers", "privacy_contact"); empty for a real pass.
    sample_data: tuple[str, ...] = ()

    @property
    def warning(self) -> tuple[str, str] | None:
        """(English, German) when the pass prints sample data."""
        return sample_warning(self.sample_data)

    def to_json(self) -> dict[str, Any]:
        return {
            **_sample_json(self.sample_data),
            "id": str(self.id),
            "pass_number": self.pass_number,
            "generation": self.generation,
            "person_id": str(self.person_id),
            "issued_on": self.issued_on.isoformat(),
            "print_languages": list(self.print_languages),
            "eligibility": self.eligibility.to_json(),
            "override_reason": self.override_reason,
            "pdf": None if self.pdf is None else str(self.pdf),
            "qr": self.qr_digits,
        }


def issue_pass(
    ctx: ServiceContext,
    person_id: uuid.UUID,
    *,
    languages: tuple[str, ...] = (),
    override_reason: str | None = None,
    out_pdf: Path | None = None,
) -> IssuedPass:
    print_languages = ["de", *(parse_language(code) for code in languages)]
    print_languages = list(dict.fromkeys(print_languages))
    reason = clean_optional_text("pass.override_reason", override_reason)
    with card_output() as card_file, ctx.db.transaction() as session:
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
            id=pass_id_for(number.text),
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
        changes.record(session, record)
        card = sign_card(ctx, session, office, record, person)
        content = render_card(session, record, person, office, card)
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
                "key_id": card.key_id,
                # DESIGN §4: the clerk's written reason is kept in the audit log.
                "override_reason": record.override_reason,
            },
        )
        issued = IssuedPass(
            id=record.id,
            pass_number=record.pass_number,
            generation=record.generation,
            person_id=person.id,
            issued_on=record.issued_on,
            print_languages=tuple(print_languages),
            eligibility=eligibility,
            override_reason=record.override_reason,
            qr_digits=card.qr_digits,
            sample_data=sample_parts(session),
        )
        # Last step before the commit: no pass is committed without its card on disk.
        pdf = card_file.write(out_pdf or default_pdf_path(ctx, record.pass_number, 0), content)
    return replace(issued, pdf=pdf)


def _sample_json(parts: tuple[str, ...]) -> dict[str, Any]:
    warning = sample_warning(parts)
    return {"sample_data": list(parts), "warning": None if warning is None else warning[0]}


def _with_codes(eligibility: EligibilityView) -> list[str]:
    """Each reason as an English sentence with its stable code: "is younger than 16 years
    (below_min_age)" (read by the English UI, and grep-able on the command line)."""
    return [
        f"{sentence} ({code})"
        for sentence, code in zip(eligibility.reasons_en, eligibility.reasons, strict=True)
    ]


def _gate(eligibility: EligibilityView, reason: str | None) -> None:
    if eligibility.status == Status.NOT_ELIGIBLE:
        raise Refused(
            "not eligible: " + "; ".join(_with_codes(eligibility)),
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
        require_reason(reason)


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


@dataclass(frozen=True)
class PassChange:
    pass_number: str
    status: str
    generation: int
    pdf: Path | None = None
    qr_digits: str | None = None
    trust_list_number: int | None = None
    sample_data: tuple[str, ...] = ()  # as IssuedPass.sample_data, for a printed card

    @property
    def warning(self) -> tuple[str, str] | None:
        return sample_warning(self.sample_data)

    def to_json(self) -> dict[str, Any]:
        return {
            **_sample_json(self.sample_data),
            "pass_number": self.pass_number,
            "status": self.status,
            "generation": self.generation,
            "pdf": None if self.pdf is None else str(self.pdf),
            "qr": self.qr_digits,
            "trust_list": self.trust_list_number,
        }


def _own_pass(session: Session, text: str) -> tuple[Pass, Office, Installation]:
    record = load_pass_by_number(session, text)
    office = local_office(session)
    setup = installation(session)
    if record.office_id != office.id and setup.role != "district":
        raise Refused(
            f"pass {record.pass_number} was issued by another office; only that office or the district can change it",
            f"Der Pass {record.pass_number} wurde von einer anderen Stelle ausgestellt.",
        )
    return record, office, setup


def revoke_pass(ctx: ServiceContext, text: str, reason: str) -> PassChange:
    """Withdraw a pass (active → revoked, never back); the trust list carries it onwards."""
    reason = clean_text("pass.revoke_reason", reason)
    require_reason(reason)
    with ctx.db.transaction() as session:
        record, office, setup = _own_pass(session, text)
        if record.status == "revoked":
            raise Refused(
                f"pass {record.pass_number} is already revoked", "Der Pass ist bereits eingezogen."
            )
        record.status = "revoked"
        record.revoked_on = ctx.today()
        record.revoke_reason = reason.strip()
        session.flush()
        changes.record(session, record, "update")
        number = publish_trust_list(ctx, session) if setup.role == "district" else None
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="pass.revoke",
            object_type="pass",
            object_id=record.id,
            details={
                "pass_number": record.pass_number,
                "reason": reason.strip(),
                "trust_list": number,
            },
        )
        return PassChange(
            record.pass_number, record.status, record.generation, trust_list_number=number
        )


def replace_pass(ctx: ServiceContext, text: str, out_pdf: Path | None = None) -> PassChange:
    """A new card for a lost one: same number, next generation; the old card scans as replaced."""
    with card_output() as card_file, ctx.db.transaction() as session:
        record, office, setup = _own_pass(session, text)
        if record.status != "active":
            raise Refused(
                f"pass {record.pass_number} is {record.status}", "Der Pass ist nicht gültig."
            )
        if record.is_stub or record.holder is None or record.office_id != office.id:
            raise Refused(
                "a replacement card is printed by the issuing office, which holds the holder's data",
                "Die Ersatzkarte stellt die ausstellende Stelle aus.",
            )
        record.generation += 1
        session.flush()
        changes.record(session, record, "update")
        card = sign_card(ctx, session, office, record, record.holder)
        content = render_card(session, record, record.holder, office, card)
        number = publish_trust_list(ctx, session) if setup.role == "district" else None
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="pass.replace",
            object_type="pass",
            object_id=record.id,
            details={
                "pass_number": record.pass_number,
                "generation": record.generation,
                "key_id": card.key_id,
            },
        )
        change = PassChange(
            record.pass_number,
            record.status,
            record.generation,
            qr_digits=card.qr_digits,
            trust_list_number=number,
            sample_data=sample_parts(session),
        )
        # Last step before the commit: the old card stays current unless the new one is written.
        pdf = card_file.write(
            out_pdf or default_pdf_path(ctx, record.pass_number, record.generation), content
        )
    return replace(change, pdf=pdf)


def print_entry_sheet(ctx: ServiceContext, text: str, out_pdf: Path) -> Path:
    with ctx.db.reading() as session:
        record = load_pass_by_number(session, text)
        content = entry_sheet(session, record, local_office(session), ctx.today())
        number = record.pass_number
    write_atomically(out_pdf, content)
    audit.record_read(ctx, action="pass.print_entry_sheet", object_type="pass", object_id=number)
    return out_pdf


def record_pass_status(
    ctx: ServiceContext, text: str, *, revoked: bool, generation: int | None, reason: str | None
) -> PassChange:
    """District: note what an office reported about its pass, for the next trust list."""
    number = PassNumber.parse(text)
    reason = clean_optional_text("pass.revoke_reason", reason)
    with ctx.db.transaction() as session:
        setup = installation(session)
        if setup.role != "district":
            raise Refused(
                "only the district records pass statuses", "Nur das Landratsamt kann das."
            )
        office = session.scalars(select(Office).where(Office.code == number.office)).first()
        if office is None:
            raise InvalidInput(
                f"office {number.office} is not enrolled",
                f"Die Dienststelle {number.office} ist nicht angemeldet.",
            )
        record = session.scalars(select(Pass).where(Pass.pass_number == number.text)).first()
        if record is None:
            record = Pass(
                id=pass_id_for(number.text),
                pass_number=number.text,
                office_id=office.id,
                sequence=number.sequence,
                person_id=None,
                generation=0,
                status="active",
                issued_on=ctx.today(),
                issued_by="(gemeldet)",
                is_stub=True,
            )
            session.add(record)
        if generation is not None:
            if generation < record.generation:
                raise Refused("generations only go up", "Die Kartengeneration kann nur steigen.")
            record.generation = generation
        if revoked and record.status != "revoked":
            record.status = "revoked"
            record.revoked_on = ctx.today()
            record.revoke_reason = reason
        session.flush()
        # Through the change log like every write: the issuing office learns it, and a
        # change it made meanwhile meets this one in the merge rule instead of erasing it.
        changes.record(session, record, "update")
        published = publish_trust_list(ctx, session)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=setup.district_code,
            action="district.pass_status",
            object_type="pass",
            object_id=record.id,
            details={
                "pass_number": record.pass_number,
                "revoked": revoked,
                "generation": record.generation,
                "trust_list": published,
            },
        )
        return PassChange(
            record.pass_number, record.status, record.generation, trust_list_number=published
        )
