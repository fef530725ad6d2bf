from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passapp.domain.dates import InvalidDateError, PartialDate, parse_full_date


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    known = draw(st.sampled_from(["full", "month", "year"]))
    if known == "full":
        return PartialDate(day.year, day.month, day.day)
    if known == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year)


def test_contract_forms() -> None:
    assert PartialDate.parse("1990-00-00") == PartialDate(1990)
    assert PartialDate.parse("1990-05-00") == PartialDate(1990, 5)
    assert PartialDate.parse("00.00.1990") == PartialDate(1990)
    assert PartialDate.parse("XX.05.1990") == PartialDate(1990, 5)
    assert PartialDate.parse("xx.XX.1990") == PartialDate(1990)
    assert PartialDate.parse("1.2.1990") == PartialDate(1990, 2, 1)
    assert PartialDate(1990, 5).iso() == "1990-05-00"
    assert PartialDate(1990, 5).german() == "XX.05.1990"


@pytest.mark.parametrize(
    "text",
    [
        "2021-02-29",
        "31.04.2000",
        "1990-13-01",
        "1990-00-15",
        "15.XX.1990",
        "0000-00-00",
        "1990",
        "abc",
        "",
        "1990-1-1",
    ],
)
def test_impossible_or_unreadable_dates_are_refused_with_a_german_message(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        PartialDate.parse(text)
    assert caught.value.message_de


def test_leap_day_exists_only_in_leap_years() -> None:
    assert PartialDate.parse("2024-02-29").latest() == dt.date(2024, 2, 29)
    assert PartialDate.parse("2023-02-00").latest() == dt.date(2023, 2, 28)


def test_full_date_required_where_a_day_is_needed() -> None:
    assert parse_full_date("25.11.2026") == dt.date(2026, 11, 25)
    with pytest.raises(InvalidDateError):
        parse_full_date("2026-11-00")


@given(partial_dates())
def test_iso_and_german_forms_round_trip(value: PartialDate) -> None:
    assert PartialDate.parse(value.iso()) == value
    assert PartialDate.parse(value.german()) == value


@given(partial_dates())
def test_range_is_exactly_the_days_that_match_the_known_parts(value: PartialDate) -> None:
    first, last = value.earliest(), value.latest()
    assert first <= last
    for day in (first, last):
        assert day.year == value.year
        assert value.month is None or day.month == value.month
        assert value.day is None or day.day == value.day
    # One day outside the range on either side no longer matches.
    before, after = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    assert not _matches(value, before)
    assert not _matches(value, after)


def _matches(value: PartialDate, day: dt.date) -> bool:
    return (
        day.year == value.year
        and (value.month is None or day.month == value.month)
        and (value.day is None or day.day == value.day)
    )


@given(partial_dates(), partial_dates())
def test_text_form_sorts_like_the_earliest_day(a: PartialDate, b: PartialDate) -> None:
    # The stored text form is used for ordering in SQL.
    if a.earliest() < b.earliest():
        assert a.iso() < b.iso()
