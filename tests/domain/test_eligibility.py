"""Eligibility (DESIGN §4): the contract cases, and properties against a plain oracle."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from passapp.domain.dates import InvalidDateError, PartialDate
from passapp.domain.eligibility import (
    STATUS_ENGLISH,
    STATUS_GERMAN,
    EligibilityRules,
    Reason,
    Status,
    check_eligibility,
    reason_english,
    reason_german,
)

D = PartialDate.parse
DAY = dt.date.fromisoformat


def status(birth: str, on: str, arrival: str | None = None, abroad: bool = False) -> Status:
    return check_eligibility(
        D(birth), DAY(on), arrival_date=D(arrival) if arrival else None, moved_from_abroad=abroad
    ).status


# --- the cases written in DESIGN §4 ----------------------------------------------------


def test_sixteenth_birthday_counts_fully() -> None:
    assert status("2010-11-25", "2026-11-25", abroad=True) is Status.ELIGIBLE
    assert status("2010-11-26", "2026-11-25", abroad=True) is Status.NOT_ELIGIBLE


def test_born_on_leap_day_is_sixteen_on_the_leap_day() -> None:
    # 16 is a multiple of 4: the 16th birthday of a leap-day child is itself a leap day
    # (until 2100).
    assert status("2008-02-29", "2024-02-29", abroad=True) is Status.ELIGIBLE
    assert status("2008-02-29", "2024-02-28", abroad=True) is Status.NOT_ELIGIBLE


def test_born_on_leap_day_is_older_from_first_of_march_in_a_common_year() -> None:
    # The age threshold is a district setting; with 17 the birthday falls in a common year.
    rules = EligibilityRules(min_age_years=17)
    on_28 = check_eligibility(
        D("2008-02-29"), DAY("2025-02-28"), moved_from_abroad=True, rules=rules
    )
    on_1 = check_eligibility(
        D("2008-02-29"), DAY("2025-03-01"), moved_from_abroad=True, rules=rules
    )
    assert on_28.status is Status.NOT_ELIGIBLE
    assert on_1.status is Status.ELIGIBLE
    # The same at the turn of the century: 2084 + 16 = 2100 is not a leap year.
    assert status("2084-02-29", "2100-02-28", abroad=True) is Status.NOT_ELIGIBLE
    assert status("2084-02-29", "2100-03-01", abroad=True) is Status.ELIGIBLE


def test_last_day_of_the_six_year_window() -> None:
    assert status("1990-01-01", "2026-11-25", arrival="2020-11-25") is Status.ELIGIBLE
    assert status("1990-01-01", "2026-11-26", arrival="2020-11-25") is Status.NOT_ELIGIBLE


def test_window_from_leap_day_ends_on_28_february() -> None:
    assert status("1990-01-01", "2026-02-28", arrival="2020-02-29") is Status.ELIGIBLE
    assert status("1990-01-01", "2026-03-01", arrival="2020-02-29") is Status.NOT_ELIGIBLE


def test_direct_move_from_abroad_makes_arrival_irrelevant() -> None:
    assert status("1990-01-01", "2026-11-25", arrival="2001-01-01", abroad=True) is Status.ELIGIBLE


def test_missing_arrival_without_direct_move_needs_review() -> None:
    result = check_eligibility(D("1990-01-01"), DAY("2026-11-25"))
    assert result.status is Status.NEEDS_REVIEW
    assert Reason.ARRIVAL_DATE_MISSING in result.reasons


def test_under_age_decides_even_when_arrival_is_unknown() -> None:
    assert status("2015-01-01", "2026-11-25") is Status.NOT_ELIGIBLE


def test_unknown_birth_day_in_the_birthday_month_needs_review() -> None:
    result = check_eligibility(D("2010-11-00"), DAY("2026-11-25"), moved_from_abroad=True)
    assert result.status is Status.NEEDS_REVIEW
    assert result.reasons == (Reason.AGE_UNCLEAR, Reason.FROM_ABROAD)
    assert result.age_certain_from == DAY("2026-11-30")


def test_unknown_arrival_day_at_the_end_of_the_window_needs_review() -> None:
    assert status("1990-01-01", "2026-11-25", arrival="2020-11-00") is Status.NEEDS_REVIEW
    assert status("1990-01-01", "2026-11-25", arrival="2020-12-00") is Status.ELIGIBLE
    assert status("1990-01-01", "2026-11-25", arrival="2020-10-00") is Status.NOT_ELIGIBLE


def test_year_only_dates() -> None:
    assert status("2010-00-00", "2026-11-25", abroad=True) is Status.NEEDS_REVIEW
    assert status("2009-00-00", "2026-11-25", abroad=True) is Status.ELIGIBLE
    assert status("2011-00-00", "2026-11-25", abroad=True) is Status.NOT_ELIGIBLE
    assert status("1980-00-00", "2026-11-25", arrival="2020-00-00") is Status.NEEDS_REVIEW


def test_unknown_arrival_range_in_the_future_is_cut_at_the_day_of_the_check() -> None:
    # Arrived "some day in 2026", checked on 25.11.2026: all possible days are recent.
    assert status("1990-01-01", "2026-11-25", arrival="2026-00-00") is Status.ELIGIBLE


@pytest.mark.parametrize(
    ("birth", "arrival"),
    [
        ("2027-01-01", None),
        ("2026-11-26", None),
        ("1990-01-01", "2026-12-01"),
        ("2000-01-01", "1999-00-00"),
    ],
)
def test_impossible_dates_are_refused(birth: str, arrival: str | None) -> None:
    with pytest.raises(InvalidDateError):
        check_eligibility(D(birth), DAY("2026-11-25"), arrival_date=D(arrival) if arrival else None)


def test_rule_version_and_day_are_recorded() -> None:
    rules = EligibilityRules(min_age_years=18, max_years_since_arrival=3)
    result = check_eligibility(
        D("2000-01-01"), DAY("2026-11-25"), moved_from_abroad=True, rules=rules
    )
    assert result.checked_on == DAY("2026-11-25")
    assert "age>=18" in result.rule_version
    assert "arrival<3y" in result.rule_version
    assert result.rule_version != EligibilityRules().version


# --- properties against an independent oracle -------------------------------------------


def oracle_age_reached(birth: dt.date, on: dt.date, years: int) -> bool:
    """Plain reading of §187(2) BGB: the birthday (1 March for 29 Feb in common years) counts."""
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return age >= years


def oracle_recent(arrival: dt.date, on: dt.date, years: int) -> bool:
    """§187(1), §188(2),(3): the anniversary day itself is still inside the window."""
    passed = on.year - arrival.year - ((on.month, on.day) <= (arrival.month, arrival.day))
    return passed < years


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


@st.composite
def partial(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> PartialDate:
    day = draw(st.dates(min_value=lo, max_value=hi))
    known = draw(st.sampled_from(["full", "full", "month", "year"]))
    if known == "full":
        return PartialDate.from_date(day)
    if known == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year)


CHECK_DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


@given(
    birth=partial(dt.date(1995, 1, 1), dt.date(2020, 12, 31)),
    arrival=st.none() | partial(dt.date(2008, 1, 1), dt.date(2032, 12, 31)),
    abroad=st.booleans(),
    on=CHECK_DAYS,
    min_age=st.sampled_from([16, 18]),
    window=st.sampled_from([3, 6]),
)
def test_answer_holds_for_every_possible_day(
    birth: PartialDate,
    arrival: PartialDate | None,
    abroad: bool,
    on: dt.date,
    min_age: int,
    window: int,
) -> None:
    """eligible / not_eligible only where every possible pair of days agrees; else review."""
    assume(birth.earliest() <= on)
    if arrival is not None:
        assume(arrival.earliest() <= on and arrival.latest() >= birth.earliest())
    rules = EligibilityRules(min_age_years=min_age, max_years_since_arrival=window)
    result = check_eligibility(
        birth, on, arrival_date=arrival, moved_from_abroad=abroad, rules=rules
    )

    ages = {
        oracle_age_reached(b, on, min_age) for b in days(birth.earliest(), min(birth.latest(), on))
    }
    if abroad:
        recents = {True}
    elif arrival is None:
        recents = {True, False}
    else:
        first = max(arrival.earliest(), birth.earliest())
        recents = {oracle_recent(a, on, window) for a in days(first, min(arrival.latest(), on))}
    outcomes = {age and recent for age in ages for recent in recents}

    expected = (
        Status.ELIGIBLE
        if outcomes == {True}
        else Status.NOT_ELIGIBLE
        if outcomes == {False}
        else Status.NEEDS_REVIEW
    )
    assert result.status is expected


@given(
    birth=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2015, 12, 31)), on=CHECK_DAYS
)
def test_complete_birth_date_is_never_in_review_for_age(birth: dt.date, on: dt.date) -> None:
    assume(birth <= on)
    result = check_eligibility(PartialDate.from_date(birth), on, moved_from_abroad=True)
    assert Reason.AGE_UNCLEAR not in result.reasons
    assert (result.status is Status.ELIGIBLE) == oracle_age_reached(birth, on, 16)


def test_every_reason_and_status_has_an_english_sentence_with_the_rules_numbers() -> None:
    rules = EligibilityRules(min_age_years=18, max_years_since_arrival=4)
    for reason in Reason:
        english, german = reason_english(reason, rules), reason_german(reason, rules)
        assert english
        assert english != german
        assert [n for n in "0123456789" if n in english] == [n for n in "0123456789" if n in german]
    assert set(STATUS_ENGLISH) == set(STATUS_GERMAN) == set(Status)
    assert reason_english(Reason.BELOW_MIN_AGE, rules) == "is younger than 18 years"
