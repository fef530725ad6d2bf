"""Dates as clerks type them (issue 12, item 6): "1.3.24", "01.03.24", "1.3.2024".

A two-digit year is read only where exactly one century makes it a date of its kind (a
birth up to 110 years back, an arrival up to 60), never in the future; anything else is
refused with a request for four digits, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.dates import (
    ARRIVAL_SPAN,
    BIRTH_SPAN,
    InvalidDateError,
    PartialDate,
    TwoDigitYears,
    arrival_years,
    birth_years,
)

TODAY = dt.date(2026, 12, 5)
todays = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
spans = st.sampled_from([BIRTH_SPAN, ARRIVAL_SPAN])


def typed_forms(day: dt.date) -> list[str]:
    """The ways a clerk types one day with a two-digit year."""
    yy = day.year % 100
    return [
        f"{day.day}.{day.month}.{yy:02d}",
        f"{day.day:02d}.{day.month:02d}.{yy:02d}",
        f"{day.day}.{day.month:02d}.{yy:02d}",
    ]


def test_the_forms_clerks_type() -> None:
    arrival = arrival_years(TODAY)
    for text in ("1.3.24", "01.03.24", "1.3.2024", "01.03.2024", "2024-03-01"):
        assert PartialDate.parse(text, arrival) == PartialDate(2024, 3, 1), text
    assert PartialDate.parse("00.03.24", arrival) == PartialDate(2024, 3)
    assert PartialDate.parse("XX.XX.19", arrival) == PartialDate(2019)
    birth = birth_years(TODAY)
    assert PartialDate.parse("17.5.94", birth) == PartialDate(1994, 5, 17)
    assert PartialDate.parse("3.4.10", birth) == PartialDate(2010, 4, 3)  # 1910: 116 years
    assert PartialDate.parse("1.1.00", birth) == PartialDate(2000, 1, 1)


@pytest.mark.parametrize(
    ("text", "years", "why"),
    [
        ("1.3.24", None, "vierstellig"),  # no rule given: the century would be a guess
        ("1.3.24", birth_years(TODAY), "1924 oder 2024"),  # a toddler or 102 years old
        ("31.12.26", birth_years(TODAY), "1926 oder 2026"),  # not "1926 as 2026 is future"
        ("1.3.60", arrival_years(TODAY), "60 Jahre"),  # 1960 is beyond the arrival span
        ("00.00.00", birth_years(TODAY), "vierstellig"),  # reads as "unknown", not 2000
        ("1.3.4", arrival_years(TODAY), "TT.MM.JJJJ"),
        ("1.3.202", arrival_years(TODAY), "TT.MM.JJJJ"),
        ("010324", arrival_years(TODAY), "TT.MM.JJJJ"),
        ("1/3/24", arrival_years(TODAY), "TT.MM.JJJJ"),
        ("29.2.25", arrival_years(TODAY), "gibt es nicht"),
    ],
)
def test_refused_instead_of_guessed(text: str, years: TwoDigitYears | None, why: str) -> None:
    with pytest.raises(InvalidDateError) as refused:
        PartialDate.parse(text, years)
    assert why in refused.value.message_de


@settings(derandomize=True, max_examples=300)
@given(today=todays, span=spans, digits=st.integers(0, 99), day=st.integers(1, 28))
def test_a_two_digit_year_is_the_only_one_of_its_span_or_refused(
    today: dt.date, span: int, digits: int, day: int
) -> None:
    rule = TwoDigitYears(today, span)
    window = range(today.year - span, today.year + 1)
    readings = [year for year in window if year % 100 == digits]
    text = f"{day}.6.{digits:02d}"
    if len(readings) == 1:
        assert PartialDate.parse(text, rule) == PartialDate(readings[0], 6, day)
    else:
        with pytest.raises(InvalidDateError):
            PartialDate.parse(text, rule)


@settings(derandomize=True, max_examples=300)
@given(today=todays, span=spans, data=st.data())
def test_round_trip_of_every_day_in_the_span(
    today: dt.date, span: int, data: st.DataObject
) -> None:
    rule = TwoDigitYears(today, span)
    # Years that one reading only covers: the ambiguous newest ones of a span over 100 are
    # not in this range.
    oldest = today.year - span if span < 100 else today.year - 99
    newest = today.year if span < 100 else today.year - span + 99
    day = data.draw(st.dates(dt.date(oldest, 1, 1), dt.date(newest, 12, 31)))
    for text in typed_forms(day):
        assert PartialDate.parse(text, rule) == PartialDate.from_date(day), text
    # And what is printed (four digits) reads back the same, with or without the rule.
    printed = PartialDate.from_date(day).german()
    assert (
        PartialDate.parse(printed) == PartialDate.parse(printed, rule) == PartialDate.from_date(day)
    )


@settings(derandomize=True, max_examples=200)
@given(today=todays, span=spans, digits=st.integers(1, 99))
def test_never_a_future_year(today: dt.date, span: int, digits: int) -> None:
    try:
        read = PartialDate.parse(f"00.00.{digits:02d}", TwoDigitYears(today, span))
    except InvalidDateError:
        return
    assert read.year <= today.year
