"""The DSGVO Art. 15 access report: all this office holds on one person, where it came
from, who received it, how long it is kept; as a PDF (German and the person's language)
and a JSON file beside it.

Written in one transaction: the audit event ``person.report`` is recorded, the report
(which lists that event too) is read and both files are written before the commit, so a
failed write leaves no event and an event always has its files.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from passapp.atomic import check_output_path
from passapp.domain.codes import parse_language
from passapp.domain.dates import PartialDate
from passapp.models.entities import (
    AuditEvent,
    EligibilityCheck,
    Entry,
    Installation,
    Municipality,
    Office,
    Pass,
    PassCard,
    Person,
    Setting,
)
from passapp.pdf.access_report import (
    AccessReport,
    AuditData,
    CardData,
    CheckData,
    EntryData,
    PassData,
    PersonData,
    Recipient,
    Source,
    render_access_report,
    report_texts,
)
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.erasure import ANONYMOUS_PERSON_FIELDS, RETENTION_KEY, retention_years
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.files import write_atomically
from passapp.services.offices import local_office

__all__ = ["AccessReport", "access_report", "report_json", "report_language", "write_access_report"]

JSON_FORMAT = "passapp-access-report"
# What the district receives of a person without consent (services.sync), in plain words.
ANONYMOUS_FIELDS = (
    "birth_year",
    "sex",
    "nationalities",
    "languages",
    "municipality_key",
    "moved_from_abroad",
    "learner_profile",
)
assert set(ANONYMOUS_FIELDS) <= ANONYMOUS_PERSON_FIELDS


def access_report(ctx: ServiceContext, person_id: uuid.UUID) -> AccessReport:
    """Everything this database holds on the person (read only, not audited)."""
    with ctx.db.reading() as session:
        return _collect(session, ctx, _reportable(session, person_id))


def write_access_report(
    ctx: ServiceContext, person_id: uuid.UUID, out_pdf: Path, language: str | None = None
) -> tuple[Path, Path]:
    """Write ``F.pdf`` and ``F.json`` beside it; ``language`` None: the person's first
    language with a translation of the report; ``de``: German only."""
    pdf_path = _pdf_path(out_pdf)
    json_path = check_output_path(pdf_path.with_suffix(".json"))
    with ctx.db.transaction() as session:
        person = _reportable(session, person_id)
        printed = _language(language, person)
        office = local_office(session)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="person.report",
            object_type="person",
            object_id=person.id,
            details={"language": printed},
        )
        report = _collect(session, ctx, person)
        pdf = render_access_report(report, printed)
        _write_both(json_path, _json_bytes(report, printed), pdf_path, pdf)
    return pdf_path, json_path


def _write_both(json_path: Path, data: bytes, pdf_path: Path, pdf: bytes) -> None:
    """Both files or neither: a PDF that cannot be written (a full stick) takes the JSON
    written just before it away again, and the caller's transaction rolls back."""
    write_atomically(json_path, data)
    try:
        write_atomically(pdf_path, pdf)
    except BaseException:
        json_path.unlink(missing_ok=True)
        raise


def report_language(ctx: ServiceContext, person_id: uuid.UUID) -> str | None:
    """The second language the report would be printed in (None: German only)."""
    with ctx.db.reading() as session:
        return _language(None, _reportable(session, person_id))


def report_json(report: AccessReport, language: str | None) -> dict[str, Any]:
    """The machine-readable copy (Art. 15(3)); codes and ISO dates, no printed words."""
    return {
        "format": JSON_FORMAT,
        "version": 1,
        "language": language,
        "scope": "the data held by this office only; other offices and the district hold their own",
        **_plain(report),
    }


def _pdf_path(out_pdf: Path) -> Path:
    path = check_output_path(out_pdf)
    if path.suffix.lower() != ".pdf":
        raise InvalidInput(
            f"{path.name}: the report file must end in .pdf (the JSON goes beside it)",
            f"{path.name}: Die Auskunftsdatei muss auf .pdf enden (die JSON-Datei kommt daneben).",
        )
    return path


def _reportable(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(
            f"no person with id {person_id}", f"Keine Person mit der Kennung {person_id}."
        )
    if person.erased_at is not None:
        raise Refused(
            f"person {person_id} was erased on {person.erased_at.date().isoformat()}: "
            "no personal data is held any more",
            f"Die Daten der Person {person_id} wurden am {person.erased_at:%d.%m.%Y} gelöscht; "
            "es sind keine personenbezogenen Daten mehr gespeichert.",
        )
    if person.merged_into_id is not None:
        raise Refused(
            f"person {person_id} was merged into {person.merged_into_id}: "
            "make the report on that record",
            f"Die Person {person_id} wurde mit {person.merged_into_id} zusammengeführt; "
            "bitte die Auskunft für diesen Datensatz erstellen.",
        )
    return person


def _language(requested: str | None, person: Person) -> str | None:
    if requested is not None:
        code = parse_language(requested)
        if code == "de":
            return None
        if report_texts(code) is None:
            raise InvalidInput(
                f"no access report texts in language {code!r}",
                f"Für die Sprache „{code}“ gibt es noch keine übersetzte Auskunft.",
            )
        return code
    return next(
        (code for code in person.languages if code != "de" and report_texts(code) is not None),
        None,
    )


def _collect(session: Session, ctx: ServiceContext, person: Person) -> AccessReport:
    office = local_office(session)
    setup = session.get(Installation, 1)
    offices = {o.id: o for o in session.scalars(select(Office))}
    passes = list(
        session.scalars(select(Pass).where(Pass.person_id == person.id).order_by(Pass.issued_on))
    )
    entries = list(
        session.scalars(
            select(Entry)
            .where(Entry.pass_id.in_([p.id for p in passes]))
            .order_by(Entry.start_date, Entry.created_at)
        )
    )
    registered_at = offices[person.registered_by_office_id]
    return AccessReport(
        made_at=ctx.now(),
        made_by=ctx.clerk,
        office_code=office.code,
        office_name=office.name,
        district_name=setup.district_name if setup else None,
        person=_person(session, person),
        source=Source(
            registered_at.code, registered_at.name, person.created_at, person.registered_by
        ),
        recipients=_recipients(person, setup, office, entries, offices),
        # The district's period once it has set one (it travels in bundles); until then
        # the default, said to be a proposal.
        retention_years=retention_years(session),
        retention_is_proposal=session.get(Setting, RETENTION_KEY) is None,
        checks=_checks(session, person, offices),
        passes=tuple(_pass(session, record, offices) for record in passes),
        entries=tuple(_entry(entry, passes, offices) for entry in entries),
        audit_events=_audit_events(session, person, passes, entries),
    )


def _person(session: Session, person: Person) -> PersonData:
    municipality = (
        session.get(Municipality, person.municipality_key) if person.municipality_key else None
    )
    return PersonData(
        id=str(person.id),
        family_names=person.family_names,
        given_names=person.given_names,
        family_names_original=person.family_names_original,
        given_names_original=person.given_names_original,
        family_names_latin=person.family_names_latin,
        given_names_latin=person.given_names_latin,
        birth_date=person.birth_date,
        sex=person.sex,
        nationalities=tuple(person.nationalities),
        languages=tuple(person.languages),
        arrival_date=person.arrival_date,
        moved_from_abroad=person.moved_from_abroad,
        municipality=(
            f"{municipality.name} ({municipality.key})" if municipality else person.municipality_key
        ),
        contact=person.contact,
        consent=person.consent,
        consent_notice_version=person.consent_notice_version,
        consent_language=person.consent_language,
        consent_recorded_at=person.consent_recorded_at,
        registered_at=person.created_at,
        updated_at=person.updated_at,
        learner_profile=person.learner_profile,
    )


def _recipients(
    person: Person,
    setup: Installation | None,
    office: Office,
    entries: list[Entry],
    offices: dict[uuid.UUID, Office],
) -> tuple[Recipient, ...]:
    found: list[Recipient] = []
    if setup is not None and setup.role == "office" and setup.district_name:
        if person.consent:
            found.append(Recipient("district_identity", setup.district_name, None, ("all",)))
        else:
            found.append(
                Recipient("district_anonymous", setup.district_name, None, ANONYMOUS_FIELDS)
            )
    others = sorted({e.office_id for e in entries} - {office.id}, key=lambda i: offices[i].code)
    found += [
        Recipient("entry_office", offices[i].name, offices[i].code, ("pass_number",))
        for i in others
    ]
    return tuple(found)


def _checks(
    session: Session, person: Person, offices: dict[uuid.UUID, Office]
) -> tuple[CheckData, ...]:
    rows = session.scalars(
        select(EligibilityCheck)
        .where(EligibilityCheck.person_id == person.id)
        .order_by(EligibilityCheck.checked_on, EligibilityCheck.created_at)
    )
    return tuple(
        CheckData(
            checked_on=c.checked_on,
            status=c.status,
            reasons=tuple(c.reasons),
            rule_version=c.rule_version,
            office_code=_code(offices, c.office_id),
            checked_by=c.checked_by,
        )
        for c in rows
    )


def _pass(session: Session, record: Pass, offices: dict[uuid.UUID, Office]) -> PassData:
    cards = session.scalars(
        select(PassCard).where(PassCard.pass_id == record.id).order_by(PassCard.generation)
    )
    return PassData(
        pass_number=record.pass_number,
        office_code=_code(offices, record.office_id),
        status=record.status,
        issued_on=record.issued_on,
        issued_by=record.issued_by,
        print_languages=tuple(record.print_languages),
        revoked_on=record.revoked_on,
        revoke_reason=record.revoke_reason,
        override_reason=record.override_reason,
        cards=tuple(CardData(c.generation, c.issued_on, c.issued_by) for c in cards),
    )


def _entry(entry: Entry, passes: list[Pass], offices: dict[uuid.UUID, Office]) -> EntryData:
    numbers = {p.id: p.pass_number for p in passes}
    return EntryData(
        pass_number=numbers[entry.pass_id],
        kind=entry.kind,
        action=entry.action,
        status=entry.status,
        start_date=entry.start_date,
        end_date=entry.end_date,
        title=entry.title,
        provider=entry.provider,
        level=entry.level,
        result=entry.result,
        office_code=_code(offices, entry.office_id),
        logged_by=entry.logged_by,
        logged_at=entry.created_at,
    )


def _audit_events(
    session: Session, person: Person, passes: list[Pass], entries: list[Entry]
) -> tuple[AuditData, ...]:
    """Events on the person, their passes and the entries on them (who, when, what)."""
    concerning = or_(
        (AuditEvent.object_type == "person") & (AuditEvent.object_id == str(person.id)),
        (AuditEvent.object_type == "pass") & AuditEvent.object_id.in_([str(p.id) for p in passes]),
        (AuditEvent.object_type == "entry")
        & AuditEvent.object_id.in_([str(e.id) for e in entries]),
    )
    rows = session.scalars(select(AuditEvent).where(concerning).order_by(AuditEvent.seq))
    return tuple(
        AuditData(e.occurred_at, e.office_code, e.actor, e.action, e.object_type) for e in rows
    )


def _code(offices: dict[uuid.UUID, Office], office_id: uuid.UUID) -> str:
    found = offices.get(office_id)
    return found.code if found is not None else "?"


def _json_bytes(report: AccessReport, language: str | None) -> bytes:
    text = json.dumps(report_json(report, language), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _plain(value: Any) -> Any:
    """Dates as ISO text, partial dates in their ``YYYY-MM-DD`` form with ``00``."""
    if isinstance(value, PartialDate):
        return value.iso()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    return value
