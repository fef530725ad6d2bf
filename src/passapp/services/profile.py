"""The learner profile of a person: set it, read it with its highest documented level.

The profile is one value on the person (domain/profile.py): the registering office sets
it as a whole, in one transaction with its change record and audit event, like any other
edit of the person. The highest documented German level is derived on reading from the
profile's overall assessments and the person's passed exams (``pruefung`` entries with a
level, status ``abgeschlossen``, neither cancelled nor corrected).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from passapp.domain.dates import PartialDate
from passapp.domain.entries import Action, EntryKind, EntryStatus
from passapp.domain.errors import InputError
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    DocumentedLevel,
    GermanLevel,
    InvalidProfileError,
    LearnerProfile,
    Recognition,
    Skill,
    Training,
    highest_documented_level,
    parse_basis,
    parse_level,
    parse_literacy,
    parse_qualification,
    parse_recognition,
    parse_school_years,
    parse_situation,
    parse_skill,
    parse_training_kind,
    parse_wish,
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
            record_profile(session, ctx, office.code, person, stored)
        return _view(session, person)


def record_profile(
    session: Session,
    ctx: ServiceContext,
    office_code: str,
    person: Person,
    stored: dict[str, Any] | None,
    settles: list[str] | None = None,
) -> None:
    """Store a checked profile in the caller's transaction: the change that travels (naming
    the conflict it decides, if ``settles``) and the audit event."""
    person.learner_profile = stored
    session.flush()
    changes.record(session, person, "update", settles)
    audit.record(
        session,
        actor=ctx.clerk,
        office_code=office_code,
        action="person.profile",
        object_type="person",
        object_id=person.id,
        details={},
    )


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
    # The passes of records merged into this one count for it (services/merges.py).
    records = select(Person.id).where(
        or_(Person.id == person_id, Person.merged_into_id == person_id)
    )
    entries = list(
        session.scalars(
            select(Entry).join(Pass, Pass.id == Entry.pass_id).where(Pass.person_id.in_(records))
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


# --- the command line's form: text options onto a profile -------------------------------


def changed_profile(
    current: LearnerProfile, values: Mapping[str, Any], today: dt.date
) -> LearnerProfile:
    """``current`` with the fields given as text changed; a level adds an assessment.
    Raises the domain's ``InputError`` (exit 2) for a value outside the lists."""
    changes_: dict[str, Any] = {}
    if values.get("german_level"):
        day = values.get("assessed_on")
        on = PartialDate.parse(day) if day else PartialDate(today.year, today.month, today.day)
        assessment = Assessment(
            parse_level(values["german_level"]),
            parse_basis(values.get("basis") or Basis.SELF_ASSESSED),
            on,
            parse_skill(values.get("skill") or Skill.OVERALL),
        )
        changes_["assessments"] = (*current.assessments, assessment)
    for key, parse in _SIMPLE_FIELDS.items():
        if values.get(key) is not None:
            changes_[key] = parse(values[key])
    if values.get("training") or values.get("training_country") or values.get("recognition"):
        changes_["training"] = _changed_training(current.training, values)
    if values.get("wishes"):
        wishes = [parse_wish(w) for w in values["wishes"]]
        changes_["wished_kinds"] = frozenset(w for w in wishes if isinstance(w, EntryKind))
        changes_["arrangements"] = frozenset(w for w in wishes if isinstance(w, Arrangement))
    if values.get("languages"):
        changes_["languages"] = tuple(values["languages"])
    return dataclasses.replace(current, **changes_)


_SIMPLE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "literacy": parse_literacy,
    "school_years": parse_school_years,
    "school_qualification": parse_qualification,
    "situation": parse_situation,
}


def _changed_training(current: Training | None, values: Mapping[str, Any]) -> Training:
    kind = values.get("training") or (current.kind if current else None)
    if kind is None:
        raise InvalidProfileError(
            "--training-country and --recognition need --training vocational|degree",
            "Land und Anerkennung brauchen die Art: --training vocational oder degree.",
        )
    recognition = values.get("recognition") or (
        current.recognition if current else Recognition.NOT_SOUGHT
    )
    return Training(
        parse_training_kind(kind),
        values.get("training_country") or (current.country if current else None),
        parse_recognition(recognition),
    )


def profile_text(view: LearnerProfileView) -> str:
    """The profile for a person to read on the terminal (German labels, codes as values)."""
    best = view.highest_level
    level = (
        "–"
        if best is None
        else f"{best.level} ({best.basis}{', Prüfung' if best.from_exam else ''}, "
        f"{best.on.german()})"
    )
    lines = [f"{view.person_id}", f"Höchstes belegtes Deutschniveau: {level}"]
    for key, value in view.profile.to_json().items():
        if value in (None, [], {}):
            continue
        if key == "assessments":
            value = "; ".join(f"{a['skill']} {a['level']} {a['basis']} {a['on']}" for a in value)
        elif isinstance(value, dict):
            value = " ".join(str(v) for v in value.values() if v)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        lines.append(f"{_LABELS_DE[key]}: {value}")
    return "\n".join(lines)


_LABELS_DE = {
    "assessments": "Einstufungen",
    "literacy": "Alphabetisierung (lateinische Schrift)",
    "school_years": "Schuljahre",
    "school_qualification": "Schulabschluss",
    "training": "Ausbildung/Studium",
    "situation": "Aktuelle Situation",
    "wished_kinds": "Wünsche (Kursarten)",
    "arrangements": "Wünsche (Form)",
    "languages": "Gesprochene Sprachen",
}
