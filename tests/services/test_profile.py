"""Setting and reading a person's learner profile; exams raise the documented level."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    Situation,
    Training,
    TrainingKind,
    profile_from_json,
)
from passapp.models.entities import AuditEvent, ChangeRecord, Person
from passapp.pdf.access_report import profile_codes
from passapp.services.access_report import access_report, report_json
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, EntryView, add_entry
from passapp.services.erasure import erase_person
from passapp.services.errors import InvalidInput
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.profile import learner_profile, set_learner_profile
from tests.services.helpers import count, register

A2_TESTED = Assessment(GermanLevel.A2, Basis.TESTED, PartialDate(2026, 3, 1))


def a_profile() -> LearnerProfile:
    return LearnerProfile(
        assessments=(A2_TESTED,),
        literacy=Literacy.LATIN,
        school_years=10,
        training=Training(TrainingKind.DEGREE, "syr"),
        situation=Situation.LOOKING,
        wished_kinds=frozenset({EntryKind.BERUFSSPRACHKURS}),
        arrangements=frozenset({Arrangement.EVENING}),
        languages=("AR", "en"),
    )


def test_set_and_read_round_trip_with_codes_in_their_stored_form(
    office_ctx: ServiceContext,
) -> None:
    person_id = register(office_ctx)
    set_learner_profile(office_ctx, person_id, a_profile())
    view = learner_profile(office_ctx, person_id)
    assert view.profile.languages == ("ar", "en")
    assert view.profile.training is not None
    assert view.profile.training.country == "SYR"
    assert view.profile.literacy == Literacy.LATIN
    assert view.highest_level is not None
    assert view.highest_level.level == GermanLevel.A2
    assert view.to_json()["highest_german_level"]["basis"] == "tested"


def test_registering_with_a_profile_stores_it(office_ctx: ServiceContext) -> None:
    data = PersonInput(
        family_names="Haddad",
        given_names="Lina",
        birth_date=PartialDate(1995, 2, 2),
        profile=LearnerProfile(literacy=Literacy.NONE),
    )
    person_id = register_person(office_ctx, data).person.id
    assert learner_profile(office_ctx, person_id).profile.literacy == Literacy.NONE


def test_a_change_travels_and_is_audited_an_unchanged_save_is_not(
    office_ctx: ServiceContext,
) -> None:
    person_id = register(office_ctx)
    changes_before, events_before = count(office_ctx, ChangeRecord), count(office_ctx, AuditEvent)
    set_learner_profile(office_ctx, person_id, a_profile())
    set_learner_profile(office_ctx, person_id, a_profile())
    assert count(office_ctx, ChangeRecord) == changes_before + 1
    assert count(office_ctx, AuditEvent) == events_before + 1


def test_a_bad_language_code_is_refused_in_german_and_nothing_is_written(
    office_ctx: ServiceContext,
) -> None:
    person_id = register(office_ctx)
    with pytest.raises(InvalidInput) as refused:
        set_learner_profile(office_ctx, person_id, LearnerProfile(languages=("xx-klingon",)))
    assert "Sprache" in refused.value.message_de
    with office_ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert person.learner_profile is None


def _exam(ctx: ServiceContext, number: str, level: CefrLevel) -> EntryView:
    return add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.PRUEFUNG,
            start_date=dt.date(2026, 7, 1),
            status=EntryStatus.ABGESCHLOSSEN,
            level=level,
        ),
    )


def test_a_passed_exam_raises_the_documented_level(office_ctx: ServiceContext) -> None:
    person_id = register(office_ctx)
    number = issue_pass(office_ctx, person_id).pass_number
    set_learner_profile(office_ctx, person_id, a_profile())
    _exam(office_ctx, number, CefrLevel.B1)
    best = learner_profile(office_ctx, person_id).highest_level
    assert best is not None
    assert (best.level, best.basis, best.from_exam) == (GermanLevel.B1, Basis.CERTIFICATE, True)


def test_a_cancelled_exam_no_longer_counts(office_ctx: ServiceContext) -> None:
    person_id = register(office_ctx)
    number = issue_pass(office_ctx, person_id).pass_number
    set_learner_profile(office_ctx, person_id, a_profile())
    exam = _exam(office_ctx, number, CefrLevel.B2)
    add_entry(
        office_ctx,
        number,
        EntryInput(
            kind=EntryKind.PRUEFUNG,
            start_date=dt.date(2026, 7, 1),
            action=Action.CANCELLATION,
            refers_to=exam.id,
        ),
    )
    best = learner_profile(office_ctx, person_id).highest_level
    assert best is not None
    assert best.level == GermanLevel.A2


def test_the_access_report_lists_the_profile(office_ctx: ServiceContext) -> None:
    person_id = register(office_ctx)
    set_learner_profile(office_ctx, person_id, a_profile())
    report = access_report(office_ctx, person_id)
    document = report_json(report, None)
    assert document["person"]["learner_profile"]["literacy"] == "latin"
    assert "B1" not in profile_codes(document["person"]["learner_profile"])
    assert "overall A2 tested 2026-03-01" in profile_codes(document["person"]["learner_profile"])


def test_erasure_keeps_the_statistical_profile_with_dates_to_the_year(
    office_ctx: ServiceContext,
) -> None:
    person_id = register(office_ctx)
    set_learner_profile(office_ctx, person_id, a_profile())
    erase_person(office_ctx, person_id, "Antrag nach Art. 17 DSGVO vom 24.11.2026")
    with office_ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        kept = profile_from_json(person.learner_profile)
        assert kept.literacy == Literacy.LATIN
        assert kept.assessments[0].on == PartialDate(2026)
        logged = session.scalars(
            select(ChangeRecord).where(ChangeRecord.entity_id == person_id)
        ).all()
        assert all("2026-03-01" not in str(change.payload) for change in logged)
