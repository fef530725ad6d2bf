from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passapp.domain.pass_number import PassNumber
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.search import find
from tests.conftest import make_url_context
from tests.services.helpers import register

PEOPLE = [
    ("Müller", "Anna Lena", "1990-05-12"),
    ("Meyer", "Jonas", "1985-01-01"),
    ("Al-Hassan", "Mohammed Karim", "1995-00-00"),
    ("Shevchenko", "Olena", "1988-07-12"),
    ("Yılmaz", "Elif", "1993-04-22"),
    ("Nowak", "Łukasz", "1985-11-03"),
    ("Haidari", "Ali Reza", "2008-06-30"),
    ("Şahin", "Mehmet", "1979-03-03"),
]


@pytest.fixture
def people(office_ctx: ServiceContext) -> dict[str, uuid.UUID]:
    return {f"{f} {g}": register(office_ctx, f, g, birth=b, abroad=True) for f, g, b in PEOPLE}


def ids(ctx: ServiceContext, text: str) -> list[uuid.UUID]:
    return [hit.id for hit in find(ctx, text).hits]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("Müller", "Müller Anna Lena"),
        ("mueller", "Müller Anna Lena"),
        ("Muller Anna", "Müller Anna Lena"),
        ("Anna Müller", "Müller Anna Lena"),
        ("Mül", "Müller Anna Lena"),
        ("Meier Jonas", "Meyer Jonas"),
        ("Maier", "Meyer Jonas"),
        ("al hassan", "Al-Hassan Mohammed Karim"),
        ("Alhassan", "Al-Hassan Mohammed Karim"),
        ("Hasan Mohamed", "Al-Hassan Mohammed Karim"),
        ("Шевченко", "Shevchenko Olena"),
        ("Schevchenko Olena", "Shevchenko Olena"),
        ("Yilmaz", "Yılmaz Elif"),
        ("Lukasz Nowak", "Nowak Łukasz"),
        ("Haidary Ali", "Haidari Ali Reza"),
        ("Sahin", "Şahin Mehmet"),
        ("Müller 1990", "Müller Anna Lena"),
        ("Müller 12.05.1990", "Müller Anna Lena"),
    ],
)
def test_finds_by_name_despite_spelling(
    office_ctx: ServiceContext, people: dict[str, uuid.UUID], query: str, who: str
) -> None:
    assert ids(office_ctx, query)[0] == people[who]


def test_birth_year_and_date_narrow_the_result(
    office_ctx: ServiceContext, people: dict[str, uuid.UUID]
) -> None:
    assert ids(office_ctx, "Müller 1991") == []
    assert ids(office_ctx, "Müller 13.05.1990") == []
    assert ids(office_ctx, "12.05.1990") == [people["Müller Anna Lena"]]
    assert set(ids(office_ctx, "1985")) == {people["Meyer Jonas"], people["Nowak Łukasz"]}


def test_unrelated_names_are_not_listed(
    office_ctx: ServiceContext, people: dict[str, uuid.UUID]
) -> None:
    assert ids(office_ctx, "Okonkwo") == []
    assert people["Meyer Jonas"] not in ids(office_ctx, "Müller Anna")


def test_finds_by_pass_number_however_typed(
    office_ctx: ServiceContext, people: dict[str, uuid.UUID]
) -> None:
    number = issue_pass(office_ctx, people["Nowak Łukasz"]).pass_number
    parsed = PassNumber.parse(number)
    for typed in (number, number.lower(), number.replace("-", "ß"), f"EWDAH-{parsed.sequence:06d}"):
        result = find(office_ctx, typed)
        assert result.kind == "pass_number"
        assert [h.id for h in result.hits] == [people["Nowak Łukasz"]]
        assert result.hits[0].pass_number == number


def test_mistyped_pass_number_says_what_is_wrong(
    office_ctx: ServiceContext, people: dict[str, uuid.UUID]
) -> None:
    number = issue_pass(office_ctx, people["Nowak Łukasz"]).pass_number
    typo = number[:-2] + ("00" if number[-2:] != "00" else "01")
    with pytest.raises(InvalidInput) as caught:
        find(office_ctx, typo)
    assert "Prüfziffern" in caught.value.message_de


def test_empty_query(office_ctx: ServiceContext) -> None:
    assert find(office_ctx, "   ").hits == []


FAMILY = [
    "Ahmadi",
    "Rahimi",
    "Kowalski",
    "Petrenko",
    "Okafor",
    "Tesfaye",
    "Hoffmann",
    "Demir",
    "Popescu",
    "Nguyen",
]
GIVEN = ["Zahra", "Farid", "Ewa", "Oksana", "Chinedu", "Selam", "Lukas", "Ayşe", "Ioana", "Minh"]


@settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    st.sampled_from(FAMILY),
    st.sampled_from(GIVEN),
    st.integers(min_value=1, max_value=4),
    st.data(),
)
def test_a_registered_person_is_found_with_one_typo(
    office_ctx: ServiceContext, family: str, given_name: str, position: int, data: st.DataObject
) -> None:
    person = register(office_ctx, family, given_name, birth="1990-01-01", abroad=True)
    letter = data.draw(st.sampled_from("aeiouy"))
    typo = family[:position] + letter + family[position + 1 :]
    assert person in ids(office_ctx, f"{family} {given_name}")
    assert person in ids(office_ctx, f"{typo} {given_name}")


@pytest.fixture
def any_office(any_db_url: str, tmp_path: Path) -> Iterator[ServiceContext]:
    ctx = make_url_context(any_db_url, tmp_path)
    init_office(
        ctx, code="EWDAH", name="EMA Dachau", kind="einwohnermeldeamt", municipality="Dachau"
    )
    yield ctx
    ctx.db.dispose()


def test_a_name_pasted_in_its_original_script_finds_the_person(any_office: ServiceContext) -> None:
    """From an Arabic document: the family name (or the whole name) in Arabic finds the
    person registered under a Latin transcription the clerk may not guess, typed with
    a Persian or an Arabic keyboard alike; a year narrows it as for Latin names. The key
    range holds Arabic letters: SQLite and PostgreSQL alike."""
    office_ctx = any_office
    husseini = register(
        office_ctx, "Al-Husseini", "Dschamal", birth="1990-02-11", original=("الحسيني", "جمال")
    )
    other = register(
        office_ctx, "Al-Hussaini", "Rana", birth="1995-06-00", original=("الحسيني", "رنا")
    )
    register(office_ctx, "Rahimi", "Jamal", birth="1990-02-11", original=("رحیمی", "جمال"))

    whole = find(office_ctx, "الحسيني جمال").hits
    assert [(h.id, h.matched_by, h.score) for h in whole[:1]] == [(husseini, "original", 100.0)]
    family = find(office_ctx, "الحسینی")  # Persian yeh
    assert family.kind == "name"
    assert {h.id for h in family.hits if h.matched_by == "original"} == {husseini, other}
    assert [h.id for h in find(office_ctx, "الحسيني 1995").hits] == [other]
    assert [h.id for h in find(office_ctx, "الحسيني 11.02.1990").hits] == [husseini]
    assert find(office_ctx, "الحسيني 1980").hits == []
