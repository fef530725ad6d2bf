from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent, EligibilityCheck, Person, PersonNameKey
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotSetUp
from passapp.services.people import (
    PersonInput,
    check_person,
    get_person,
    preview_registration,
    register_person,
)


def person(**overrides: object) -> PersonInput:
    values: dict[str, object] = {
        "family_names": "Schewtschenko",
        "given_names": "Olena",
        "birth_date": PartialDate.parse("1988-07-12"),
        "arrival_date": PartialDate.parse("2022-03-08"),
        "nationalities": ("UKR",),
        "languages": ("uk",),
        "municipality": "Karlsfeld",
    }
    values.update(overrides)
    return PersonInput(**values)  # type: ignore[arg-type]


def count(ctx: ServiceContext, model: type) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_register_stores_person_check_keys_and_audit(office_ctx: ServiceContext) -> None:
    registration = register_person(
        office_ctx, person(consent=True, consent_notice_version="2026-11")
    )
    assert registration.eligibility.status == "eligible"
    stored = get_person(office_ctx, registration.person.id)
    assert stored.family_names == "Schewtschenko"
    assert stored.municipality_key == "09174126"
    assert stored.consent is True
    assert count(office_ctx, EligibilityCheck) == 1
    assert count(office_ctx, PersonNameKey) > 0
    with office_ctx.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "person.register")
        ).one()
        # The audit log names the object, not the person's data.
        assert "Schewtschenko" not in str(event.details)


def test_names_are_kept_as_written_in_nfc(office_ctx: ServiceContext) -> None:
    decomposed = "Mu\u0308ller"
    registration = register_person(
        office_ctx, person(family_names=decomposed, given_names="  Anna   Lena ")
    )
    stored = get_person(office_ctx, registration.person.id)
    assert stored.family_names == "Müller"
    assert stored.given_names == "Anna Lena"


def test_single_name_person_has_no_placeholder(office_ctx: ServiceContext) -> None:
    registration = register_person(office_ctx, person(family_names="Yohannes", given_names=""))
    assert get_person(office_ctx, registration.person.id).given_names == ""


@pytest.mark.parametrize(
    "overrides",
    [
        {"family_names": ""},
        {"family_names": "Müller3"},
        {"nationalities": ("XYZ",)},
        {"languages": ("klingon",)},
        {"municipality": "München"},
        {"birth_date": PartialDate.parse("2027-01-01")},
        {"arrival_date": PartialDate.parse("1980-00-00")},
        {"sex": "q"},
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    office_ctx: ServiceContext, overrides: dict[str, object]
) -> None:
    events_before = count(office_ctx, AuditEvent)
    with pytest.raises(InputError) as caught:
        register_person(office_ctx, person(**overrides))
    assert getattr(caught.value, "message_de", "")
    assert count(office_ctx, Person) == 0
    assert count(office_ctx, EligibilityCheck) == 0
    assert count(office_ctx, AuditEvent) == events_before


def test_registering_needs_an_office(ctx: ServiceContext) -> None:
    with pytest.raises(NotSetUp):
        register_person(ctx, person())


def test_possible_duplicates_are_reported_before_the_clerk_continues(
    office_ctx: ServiceContext,
) -> None:
    first = register_person(office_ctx, person())
    second = register_person(office_ctx, person(family_names="Shevchenko", given_names="Olena"))
    assert [d.id for d in second.possible_duplicates] == [first.person.id]
    other_year = register_person(
        office_ctx, person(family_names="Shevchenko", birth_date=PartialDate.parse("1970-01-01"))
    )
    assert other_year.possible_duplicates == []


def test_the_same_name_in_the_original_script_is_a_possible_duplicate_at_the_counter(
    office_ctx: ServiceContext,
) -> None:
    """Another office's transcription ("Dschamal" here, "Jamal" there) shares no Latin key;
    the Arabic on the document is the same (here typed with a Persian yeh and a vowel)."""
    born = PartialDate.parse("1990-02-11")
    first = register_person(
        office_ctx,
        person(
            family_names="Al-Husseini",
            given_names="Dschamal",
            family_names_original="الحسيني",
            given_names_original="جمال",
            birth_date=born,
        ),
    )
    typed = person(
        family_names="Alhussaini",
        given_names="Jamal",
        family_names_original="الحسینی",
        given_names_original="جَمال",
        birth_date=PartialDate.parse("1990-02-00"),
    )

    preview = preview_registration(office_ctx, typed)
    # without the original script, or born in another year, nothing is said
    latin_only = dataclasses.replace(typed, family_names_original=None, given_names_original=None)
    other_year = dataclasses.replace(typed, birth_date=PartialDate.parse("1991-02-11"))
    assert preview_registration(office_ctx, latin_only).possible_duplicates == []
    assert preview_registration(office_ctx, other_year).possible_duplicates == []
    second = register_person(office_ctx, typed)

    assert [(d.id, d.matched_by) for d in preview.possible_duplicates] == [
        (first.person.id, "original")
    ]
    assert [d.id for d in second.possible_duplicates] == [first.person.id]


def test_check_of_a_registered_person_is_kept(office_ctx: ServiceContext) -> None:
    registration = register_person(
        office_ctx, person(birth_date=PartialDate.parse("2010-11-00"), moved_from_abroad=True)
    )
    view, check_id = check_person(office_ctx, registration.person.id)
    assert view.status == "needs_review"
    with office_ctx.db.reading() as session:
        check = session.get(EligibilityCheck, check_id)
        assert check is not None
        assert check.rule_version == view.rule_version
        assert check.reasons == ["age_unclear", "moved_directly_from_abroad"]


def test_unknown_person(office_ctx: ServiceContext) -> None:
    import uuid

    with pytest.raises(InvalidInput):
        get_person(office_ctx, uuid.uuid4())


def test_a_name_outside_din_91379_latin_is_kept_with_a_hint(office_ctx: ServiceContext) -> None:
    registration = register_person(office_ctx, person(family_names="Шевченко", given_names="Олена"))
    assert registration.warnings
    assert get_person(office_ctx, registration.person.id).family_names == "Шевченко"
    assert register_person(office_ctx, person(family_names="Łukasiewicz")).warnings == []
