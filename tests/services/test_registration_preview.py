"""preview_registration: what the form shows while the clerk types, with nothing stored."""

from __future__ import annotations

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent, EligibilityCheck, Person
from passapp.services.context import ServiceContext
from passapp.services.people import (
    PersonInput,
    get_person,
    person_input,
    preview_registration,
    register_person,
    update_person,
)
from tests.services.helpers import count, register


def typed(
    family: str = "Ahmadi", given: str = "Zahra", birth: str = "03.04.2001", **more: object
) -> PersonInput:
    """What the clerk has typed so far, as the form hands it to the preview."""
    return PersonInput(
        family_names=family,
        given_names=given,
        birth_date=PartialDate.parse(birth),
        **more,  # type: ignore[arg-type]
    )


def test_preview_says_eligible_with_reasons_and_stores_nothing(office_ctx: ServiceContext) -> None:
    audit_events = count(office_ctx, AuditEvent)
    preview = preview_registration(office_ctx, typed(arrival_date=PartialDate.parse("02.09.2021")))
    assert preview.eligibility.status == "eligible"
    assert preview.eligibility.status_de == "erfüllt"
    assert "vor weniger als 6 Jahren nach Deutschland gekommen" in preview.eligibility.reasons_de
    assert preview.possible_duplicates == []
    assert count(office_ctx, Person) == 0
    assert count(office_ctx, EligibilityCheck) == 0
    assert count(office_ctx, AuditEvent) == audit_events


def test_fifteen_year_old_is_not_eligible(office_ctx: ServiceContext) -> None:
    # The tests' day is 25.11.2026: born 26.11.2010, sixteen only tomorrow.
    preview = preview_registration(office_ctx, typed(birth="26.11.2010", moved_from_abroad=True))
    assert preview.eligibility.status == "not_eligible"
    assert "ist jünger als 16 Jahre" in preview.eligibility.reasons_de


def test_year_only_arrival_six_years_ago_needs_review(office_ctx: ServiceContext) -> None:
    preview = preview_registration(office_ctx, typed(arrival_date=PartialDate.parse("XX.XX.2020")))
    assert preview.eligibility.status == "needs_review"
    assert preview.eligibility.reasons[-1] == "arrival_window_unclear"


def test_registered_namesake_of_the_same_birth_year_is_a_possible_duplicate(
    office_ctx: ServiceContext,
) -> None:
    existing = register(office_ctx, "Ahmadi", "Zahra", birth="2001-00-00")
    register(office_ctx, "Ahmadi", "Zahra", birth="1970-05-05")  # another year: not her
    preview = preview_registration(office_ctx, typed(family="Ahmady", given="Sahra"))
    assert [d.id for d in preview.possible_duplicates] == [existing]
    assert preview.possible_duplicates[0].birth_date.german() == "XX.XX.2001"


def test_edited_person_is_not_their_own_duplicate(office_ctx: ServiceContext) -> None:
    existing = register(office_ctx, "Ahmadi", "Zahra", birth="2001-04-03")
    preview = preview_registration(office_ctx, typed(), exclude=existing)
    assert preview.possible_duplicates == []


def test_name_outside_din_91379_gives_the_registration_warning(office_ctx: ServiceContext) -> None:
    preview = preview_registration(office_ctx, typed(family="أحمدي", given="Zahra"))
    assert len(preview.warnings) == 1
    assert "DIN 91379" in preview.warnings[0]


def test_arrival_before_birth_is_refused_in_german(office_ctx: ServiceContext) -> None:
    with pytest.raises(InputError) as refused:
        preview_registration(office_ctx, typed(arrival_date=PartialDate.parse("01.01.1999")))
    assert refused.value.message_de == "Das Einreisedatum 01.01.1999 liegt vor dem Geburtsdatum."


def test_person_input_gives_back_every_stored_field(office_ctx: ServiceContext) -> None:
    data = PersonInput(
        family_names="Al-Hassan",
        given_names="Mohammed Karim",
        birth_date=PartialDate.parse("1995-00-00"),
        arrival_date=PartialDate.parse("2023-03-14"),
        moved_from_abroad=True,
        sex="m",
        nationalities=("SYR",),
        languages=("ar", "ku"),
        municipality="Karlsfeld",
        contact="0176 1234567",
        family_names_original="الحسن",
        given_names_original="محمد كريم",
        consent=True,
        consent_notice_version="2026-11",
        consent_language="ar",
    )
    person_id = register_person(office_ctx, data).person.id
    loaded = person_input(office_ctx, person_id)
    assert loaded == PersonInput(**{**data.__dict__, "municipality": "09174126"})
    # Saving it unchanged keeps everything, the contact and original script included.
    update_person(office_ctx, person_id, loaded)
    assert person_input(office_ctx, person_id) == loaded
    assert get_person(office_ctx, person_id).municipality_key == "09174126"


def test_saving_a_person_unchanged_records_nothing(office_ctx: ServiceContext) -> None:
    from passapp.models.entities import ChangeRecord

    person_id = register_person(office_ctx, typed(arrival_date=PartialDate(2024, 9, 2))).person.id
    before = {
        model: count(office_ctx, model) for model in (AuditEvent, EligibilityCheck, ChangeRecord)
    }
    again = update_person(office_ctx, person_id, person_input(office_ctx, person_id))
    assert again.eligibility.status == "eligible"
    assert {model: count(office_ctx, model) for model in before} == before  # no change travels
    changed = update_person(office_ctx, person_id, typed(arrival_date=PartialDate(2024, 9, 3)))
    assert changed.person.arrival_date == PartialDate(2024, 9, 3)
    assert count(office_ctx, ChangeRecord) == before[ChangeRecord] + 2  # the person and its check
