"""Registering people and checking their eligibility (one transaction per call)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import delete
from sqlalchemy.orm import Session

from passapp.domain.codes import parse_language, parse_nationality
from passapp.domain.dates import PartialDate
from passapp.domain.eligibility import EligibilityResult, EligibilityRules, check_eligibility
from passapp.domain.name_index import index_keys
from passapp.domain.names import is_din91379_latin
from passapp.domain.profile import LearnerProfile, Training
from passapp.domain.text import clean_optional_text, clean_text, name_search_form
from passapp.models.entities import EligibilityCheck, Office, Person, PersonNameKey, Setting
from passapp.services import audit, changes
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.reference import municipality_by_name_or_key
from passapp.services.search import possible_duplicates
from passapp.services.views import EligibilityView, PersonSummary, PersonView

SEXES = {"f": "weiblich", "m": "männlich", "d": "divers", "x": "ohne Angabe"}
RULES_KEY = "eligibility_rules"
# The version of the consent notice shown (resources/consent); stored with each consent.
CONSENT_NOTICE_VERSION = "2026-11"


@dataclass(frozen=True)
class PersonInput:
    family_names: str
    given_names: str
    birth_date: PartialDate
    arrival_date: PartialDate | None = None
    moved_from_abroad: bool = False
    sex: str | None = None
    nationalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    municipality: str | None = None
    contact: str | None = None
    family_names_original: str | None = None
    given_names_original: str | None = None
    consent: bool = False
    consent_notice_version: str | None = None
    consent_language: str | None = None
    # Taken by registering only; later edits go through ``profile.set_learner_profile``
    # (a form that edits the person without the profile must not blank it).
    profile: LearnerProfile | None = None


@dataclass(frozen=True)
class Registration:
    person: PersonView
    eligibility: EligibilityView
    possible_duplicates: list[PersonSummary] = field(default_factory=list)
    # Hints for the clerk that do not stop the registration (German text).
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.person.id),
            "eligibility": self.eligibility.to_json(),
            "possible_duplicates": [d.to_json() for d in self.possible_duplicates],
            "warnings": self.warnings,
        }


@dataclass(frozen=True)
class RegistrationPreview:
    """What registering would say now, before anything is stored (the form's live view)."""

    eligibility: EligibilityView
    possible_duplicates: list[PersonSummary] = field(default_factory=list)
    # The hints registering would give (German text), e.g. a name outside DIN 91379.
    warnings: list[str] = field(default_factory=list)


def eligibility_rules(session: Session) -> EligibilityRules:
    stored = session.get(Setting, RULES_KEY)
    return EligibilityRules(**stored.value) if stored is not None else EligibilityRules()


def register_person(ctx: ServiceContext, data: PersonInput) -> Registration:
    with ctx.db.transaction() as session:
        office = local_office(session)
        fields = _person_fields(session, data)
        duplicates = possible_duplicates(
            session,
            fields["family_names"],
            fields["given_names"],
            data.birth_date,
            original=(fields["family_names_original"], fields["given_names_original"]),
        )
        person = Person(
            **fields,
            registered_by_office_id=office.id,
            registered_by=ctx.clerk,
            consent_recorded_at=ctx.now() if data.consent else None,
            learner_profile=stored_profile(data.profile),
        )
        session.add(person)
        session.flush()
        changes.record(session, person)
        write_name_keys(session, person)
        result, rules = check_today(session, ctx, data)
        check = _store_check(session, ctx, person.id, office.id, result)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="person.register",
            object_type="person",
            object_id=person.id,
            details={
                "consent": data.consent,
                "eligibility_check": str(check.id),
                "eligibility": result.status.value,
                "possible_duplicates": [str(d.id) for d in duplicates],
            },
        )
        return Registration(
            person=_view(person, office.code),
            eligibility=EligibilityView.of(result, rules),
            possible_duplicates=duplicates,
            warnings=_name_warnings(person.family_names, person.given_names),
        )


def preview_registration(
    ctx: ServiceContext, data: PersonInput, *, exclude: uuid.UUID | None = None
) -> RegistrationPreview:
    """The eligibility and possible duplicates that registering ``data`` would give today.

    Reads only, nothing is written or audited: the form calls it while the clerk types.
    The names are taken as typed (the duplicate search folds them as registering does);
    ``exclude`` leaves the person being edited out of their own duplicates. Raises
    ``InputError`` where the dates cannot be (a birth in the future, an arrival before it)
    and where a name breaks the rule registering would apply (its length bounds the search).
    """
    family = clean_text("person.family_names", data.family_names)
    given = clean_text("person.given_names", data.given_names)
    original = (
        clean_optional_text("person.family_names_original", data.family_names_original),
        clean_optional_text("person.given_names_original", data.given_names_original),
    )
    with ctx.db.reading() as session:
        result, rules = check_today(session, ctx, data)
        duplicates = possible_duplicates(session, family, given, data.birth_date, original=original)
    return RegistrationPreview(
        eligibility=EligibilityView.of(result, rules),
        possible_duplicates=[d for d in duplicates if d.id != exclude],
        warnings=_name_warnings(family, given),
    )


def update_person(ctx: ServiceContext, person_id: uuid.UUID, data: PersonInput) -> Registration:
    """Correct or complete a registration (a typo, a late arrival date, consent given).

    Only the registering office edits its people (DESIGN §7, ownership); the eligibility
    is checked again and kept, as on registration.
    """
    with ctx.db.transaction() as session:
        return edit_person(session, ctx, person_id, data)


def edit_person(
    session: Session,
    ctx: ServiceContext,
    person_id: uuid.UUID,
    data: PersonInput,
    settles: list[str] | None = None,
) -> Registration:
    """:func:`update_person` in the caller's transaction; ``settles`` names the edits of a
    sync conflict the change decides (services/conflicts.py)."""
    office = local_office(session)
    person = load_person(session, person_id)
    if person.registered_by_office_id != office.id:
        owner = person_office_code(session, person)
        raise Refused(
            f"person {person_id} is registered by {owner}; only that office edits it",
            f"Diese Person wurde von {owner} erfasst; nur dort kann sie geändert werden.",
        )
    if person.merged_into_id is not None or person.erased_at is not None:
        raise Refused(
            f"person {person_id} was merged or erased",
            "Dieser Eintrag wurde zusammengeführt oder gelöscht und wird nicht mehr geändert.",
        )
    fields = _person_fields(session, data)
    changed = sorted(k for k, v in fields.items() if getattr(person, k) != v)
    if not changed:
        # Saved unchanged: no change record travels, no audit event, no new check.
        result, rules = check_today(session, ctx, data)
        return Registration(
            person=_view(person, office.code),
            eligibility=EligibilityView.of(result, rules),
            possible_duplicates=[],
            warnings=_name_warnings(person.family_names, person.given_names),
        )
    if data.consent and not person.consent:
        person.consent_recorded_at = ctx.now()
    elif not data.consent:
        person.consent_recorded_at = None
    for key, value in fields.items():
        setattr(person, key, value)
    session.flush()
    changes.record(session, person, "update", settles)
    write_name_keys(session, person)
    result, rules = check_today(session, ctx, data)
    check = _store_check(session, ctx, person.id, office.id, result)
    duplicates = [
        d
        for d in possible_duplicates(
            session,
            person.family_names,
            person.given_names,
            person.birth_date,
            original=(person.family_names_original, person.given_names_original),
        )
        if d.id != person.id
    ]
    audit.record(
        session,
        actor=ctx.clerk,
        office_code=office.code,
        action="person.update",
        object_type="person",
        object_id=person.id,
        details={"fields": changed, "eligibility_check": str(check.id)},
    )
    return Registration(
        person=_view(person, office.code),
        eligibility=EligibilityView.of(result, rules),
        possible_duplicates=duplicates,
        warnings=_name_warnings(person.family_names, person.given_names),
    )


class EligibilityFacts(Protocol):
    """What the check reads: a registration's input or a stored person."""

    @property
    def birth_date(self) -> PartialDate: ...
    @property
    def arrival_date(self) -> PartialDate | None: ...
    @property
    def moved_from_abroad(self) -> bool: ...


def check_today(
    session: Session, ctx: ServiceContext, facts: EligibilityFacts
) -> tuple[EligibilityResult, EligibilityRules]:
    """The eligibility check on today's date with the rules this database holds."""
    rules = eligibility_rules(session)
    result = check_eligibility(
        facts.birth_date,
        ctx.today(),
        arrival_date=facts.arrival_date,
        moved_from_abroad=facts.moved_from_abroad,
        rules=rules,
    )
    return result, rules


def _person_fields(session: Session, data: PersonInput) -> dict[str, Any]:
    """The validated personal fields of a registration, as stored."""
    # Limits and characters of every text: passapp.domain.text (the same rule for bundles).
    family = clean_text("person.family_names", data.family_names)
    if not family:
        raise InvalidInput("family name is required", "Familienname fehlt.")
    # Single-name persons have no given names: no placeholder such as "FNU" (DESIGN §3).
    given = clean_text("person.given_names", data.given_names)
    family_latin = name_search_form("person.family_names", family)
    given_latin = name_search_form("person.given_names", given)
    if not family_latin and not given_latin:
        raise InvalidInput(
            "the name has no letters that can be searched for",
            "Der Name enthält keine suchbaren Buchstaben.",
        )
    sex = None
    if data.sex:
        sex = data.sex.strip().lower()
        if sex not in SEXES:
            raise InvalidInput(
                f"sex must be one of {', '.join(SEXES)}",
                f"Geschlecht: erlaubt sind {', '.join(SEXES)}.",
            )
    municipality_key = None
    if data.municipality:
        found = municipality_by_name_or_key(session, data.municipality)
        if found is None:
            raise InvalidInput(
                f"unknown municipality {data.municipality!r}; the district's 17 municipalities are known by name or key",
                f"Unbekannte Gemeinde „{data.municipality}“.",
            )
        municipality_key = found.key
    return {
        "family_names": family,
        "given_names": given,
        "family_names_original": clean_optional_text(
            "person.family_names_original", data.family_names_original
        ),
        "given_names_original": clean_optional_text(
            "person.given_names_original", data.given_names_original
        ),
        "family_names_latin": family_latin,
        "given_names_latin": given_latin,
        "birth_date": data.birth_date,
        "birth_year": data.birth_date.year,
        "sex": sex,
        "nationalities": list(dict.fromkeys(parse_nationality(n) for n in data.nationalities)),
        "languages": list(dict.fromkeys(parse_language(code) for code in data.languages)),
        "arrival_date": data.arrival_date,
        "moved_from_abroad": data.moved_from_abroad,
        "municipality_key": municipality_key,
        "contact": clean_optional_text("person.contact", data.contact),
        "consent": data.consent,
        "consent_notice_version": data.consent_notice_version if data.consent else None,
        "consent_language": data.consent_language if data.consent else None,
    }


def _name_warnings(family: str, given: str) -> list[str]:
    # Authorities exchange names in DIN 91379 Latin; another script belongs in the
    # "original script" fields, next to the Latin spelling of the document.
    if is_din91379_latin(family) and is_din91379_latin(given):
        return []
    return [
        "Der Name enthält Zeichen außerhalb von DIN 91379 (lateinische Schrift). Bitte die "
        "lateinische Schreibweise aus dem Dokument eintragen und die Originalschrift getrennt."
    ]


def write_name_keys(session: Session, person: Person) -> None:
    """(Re)build the search keys of one person; part of the caller's transaction."""
    session.execute(delete(PersonNameKey).where(PersonNameKey.person_id == person.id))
    keys = index_keys(
        person.family_names,
        person.given_names,
        person.family_names_original,
        person.given_names_original,
    )
    for key in sorted(keys):
        session.add(PersonNameKey(person_id=person.id, key=key, birth_year=person.birth_year))


def _store_check(
    session: Session,
    ctx: ServiceContext,
    person_id: uuid.UUID,
    office_id: uuid.UUID,
    result: EligibilityResult,
) -> EligibilityCheck:
    check = EligibilityCheck(
        person_id=person_id,
        checked_on=result.checked_on,
        rule_version=result.rule_version,
        status=result.status.value,
        reasons=[r.value for r in result.reasons],
        checked_by=ctx.clerk,
        office_id=office_id,
    )
    session.add(check)
    session.flush()
    changes.record(session, check)
    return check


def checked_profile(data: LearnerProfile) -> LearnerProfile:
    """The profile with its codes in their stored form (ISO 639 languages, ISO 3166
    alpha-3 country); a code that is none raises the domain's ``InputError``."""
    training = data.training
    if training is not None and training.country is not None:
        training = Training(
            training.kind, parse_nationality(training.country), training.recognition
        )
    languages = tuple(dict.fromkeys(parse_language(code) for code in data.languages))
    return LearnerProfile(
        assessments=data.assessments,
        literacy=data.literacy,
        school_years=data.school_years,
        school_qualification=data.school_qualification,
        training=training,
        situation=data.situation,
        wished_kinds=data.wished_kinds,
        arrangements=data.arrangements,
        languages=languages,
    )


def stored_profile(data: LearnerProfile | None) -> dict[str, Any] | None:
    if data is None:
        return None
    profile = checked_profile(data)
    return None if profile.is_empty() else profile.to_json()


def load_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        raise NotFound(
            f"no person with id {person_id}", f"Keine Person mit der Kennung {person_id}."
        )
    return person


def check_person(ctx: ServiceContext, person_id: uuid.UUID) -> tuple[EligibilityView, uuid.UUID]:
    """Check a registered person today and keep the check (rule version, day, reasons)."""
    with ctx.db.transaction() as session:
        office = local_office(session)
        view, check = check_and_store(session, ctx, load_person(session, person_id), office.id)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office.code,
            action="person.check_eligibility",
            object_type="person",
            object_id=person_id,
            details={"eligibility_check": str(check.id), "eligibility": view.status},
        )
        return view, check.id


def check_and_store(
    session: Session, ctx: ServiceContext, person: Person, office_id: uuid.UUID
) -> tuple[EligibilityView, EligibilityCheck]:
    result, rules = check_today(session, ctx, person)
    check = _store_check(session, ctx, person.id, office_id, result)
    return EligibilityView.of(result, rules), check


def get_person(ctx: ServiceContext, person_id: uuid.UUID) -> PersonView:
    with ctx.db.reading() as session:
        return get_person_view(session, load_person(session, person_id))


def person_input(ctx: ServiceContext, person_id: uuid.UUID) -> PersonInput:
    """A person's stored fields as the input that registered them: what an edit form
    starts from, so that saving it unchanged changes nothing (PersonView leaves out the
    contact and the names in original script)."""
    with ctx.db.reading() as session:
        return person_form(load_person(session, person_id))


def person_form(person: Person) -> PersonInput:
    """A stored person as the edit form's input (see :func:`person_input`)."""
    return PersonInput(
        family_names=person.family_names,
        given_names=person.given_names,
        birth_date=person.birth_date,
        arrival_date=person.arrival_date,
        moved_from_abroad=person.moved_from_abroad,
        sex=person.sex,
        nationalities=tuple(person.nationalities),
        languages=tuple(person.languages),
        municipality=person.municipality_key,
        contact=person.contact,
        family_names_original=person.family_names_original,
        given_names_original=person.given_names_original,
        consent=person.consent,
        consent_notice_version=person.consent_notice_version,
        consent_language=person.consent_language,
    )


def get_person_view(session: Session, person: Person) -> PersonView:
    return _view(person, person_office_code(session, person))


def person_office_code(session: Session, person: Person) -> str:
    office = session.get(Office, person.registered_by_office_id)
    return office.code if office is not None else "?"


def _view(person: Person, office_code: str) -> PersonView:
    return PersonView(
        id=person.id,
        family_names=person.family_names,
        given_names=person.given_names,
        birth_date=person.birth_date,
        arrival_date=person.arrival_date,
        moved_from_abroad=person.moved_from_abroad,
        sex=person.sex,
        nationalities=tuple(person.nationalities),
        languages=tuple(person.languages),
        municipality_key=person.municipality_key,
        consent=person.consent,
        registered_by_office=office_code,
        merged_into=person.merged_into_id,
    )
