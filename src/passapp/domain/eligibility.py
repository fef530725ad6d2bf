"""Who may receive a pass (DESIGN §4, contract).

Eligible = at least ``min_age_years`` old on the day of the check **and** (moved directly
from abroad into the district **or** arrived in Germany less than
``max_years_since_arrival`` years ago).

Deadlines follow the German civil code, because that is how a court or the
immigration office would count them:

* Age, §187(2) and §188(2) BGB: the day of birth counts fully, so a person born on
  2010-11-25 is 16 on 2026-11-25. Someone born on 29 February completes the year with
  the end of 28 February in a common year and is that age from 1 March.
* "Less than six years", §187(1) and §188(2), (3) BGB: the arrival day does not count,
  so the period ends with the end of the day of the same number six years later; where
  that day does not exist (29 February), with the end of the month. Arrived 2020-11-25:
  eligible up to and including 2026-11-25; arrived 2020-02-29: up to 2026-02-28.

Unknown parts of a date span a range of days. The answer is given only where it holds
for *every* day of the range; otherwise the result is ``needs_review`` and a clerk decides
with a written reason. Nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from passapp.domain.dates import InvalidDateError, PartialDate, add_years

RULESET = "bgb187-188/2026.1"


class Status(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"


class Reason(StrEnum):
    """Reason codes (stable: stored with each check and printed by the CLI)."""

    AGE_REACHED = "age_reached"
    BELOW_MIN_AGE = "below_min_age"
    AGE_UNCLEAR = "age_unclear"
    FROM_ABROAD = "moved_directly_from_abroad"
    ARRIVAL_WITHIN_WINDOW = "arrival_within_window"
    ARRIVAL_WINDOW_EXPIRED = "arrival_window_expired"
    ARRIVAL_WINDOW_UNCLEAR = "arrival_window_unclear"
    ARRIVAL_DATE_MISSING = "arrival_date_missing"


STATUS_GERMAN = {
    Status.ELIGIBLE: "erfüllt",
    Status.NOT_ELIGIBLE: "nicht erfüllt",
    Status.NEEDS_REVIEW: "unklar – bitte prüfen",
}
# The English UI's words (the German ones are the clerk's default and the printed pass's).
STATUS_ENGLISH = {
    Status.ELIGIBLE: "met",
    Status.NOT_ELIGIBLE: "not met",
    Status.NEEDS_REVIEW: "unclear – please check",
}


@dataclass(frozen=True, slots=True)
class EligibilityRules:
    """District settings; the defaults are the district's decision of 2026."""

    min_age_years: int = 16
    max_years_since_arrival: int = 6

    def __post_init__(self) -> None:
        if self.min_age_years < 0 or self.max_years_since_arrival < 1:
            raise ValueError("eligibility thresholds must be positive")

    @property
    def version(self) -> str:
        """Stored with every check, so a later audit knows which rule decided."""
        return f"{RULESET};age>={self.min_age_years};arrival<{self.max_years_since_arrival}y"


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    status: Status
    reasons: tuple[Reason, ...]
    checked_on: dt.date
    rule_version: str
    # The first day from which the age condition holds for certain (None if it never
    # matters or is already certain to hold for the whole birth range before today).
    age_certain_from: dt.date | None = None
    # The last day on which the arrival window holds for certain (None where the
    # arrival does not decide, e.g. for a direct move from abroad).
    window_certain_until: dt.date | None = None
    notes: tuple[str, ...] = field(default=())

    def german_reasons(self, rules: EligibilityRules | None = None) -> list[str]:
        return [reason_german(r, rules or EligibilityRules()) for r in self.reasons]


def reason_german(reason: Reason, rules: EligibilityRules) -> str:
    age, years = rules.min_age_years, rules.max_years_since_arrival
    texts = {
        Reason.AGE_REACHED: f"ist {age} Jahre oder älter",
        Reason.BELOW_MIN_AGE: f"ist jünger als {age} Jahre",
        Reason.AGE_UNCLEAR: f"Alter unklar: je nach unbekanntem Geburtstag unter oder über {age}",
        Reason.FROM_ABROAD: "direkt aus dem Ausland in den Landkreis gezogen",
        Reason.ARRIVAL_WITHIN_WINDOW: f"vor weniger als {years} Jahren nach Deutschland gekommen",
        Reason.ARRIVAL_WINDOW_EXPIRED: f"vor {years} Jahren oder länger nach Deutschland gekommen",
        Reason.ARRIVAL_WINDOW_UNCLEAR: (
            f"Einreise unklar: je nach unbekanntem Tag weniger oder mehr als {years} Jahre her"
        ),
        Reason.ARRIVAL_DATE_MISSING: "Einreisedatum fehlt und kein direkter Zuzug aus dem Ausland",
    }
    return texts[reason]


def reason_english(reason: Reason, rules: EligibilityRules) -> str:
    """The same sentence as :func:`reason_german`, for the English UI."""
    age, years = rules.min_age_years, rules.max_years_since_arrival
    texts = {
        Reason.AGE_REACHED: f"is {age} years or older",
        Reason.BELOW_MIN_AGE: f"is younger than {age} years",
        Reason.AGE_UNCLEAR: f"age unclear: under or over {age} depending on the unknown birthday",
        Reason.FROM_ABROAD: "moved directly from abroad into the district",
        Reason.ARRIVAL_WITHIN_WINDOW: f"came to Germany less than {years} years ago",
        Reason.ARRIVAL_WINDOW_EXPIRED: f"came to Germany {years} or more years ago",
        Reason.ARRIVAL_WINDOW_UNCLEAR: (
            f"arrival unclear: less or more than {years} years ago depending on the unknown day"
        ),
        Reason.ARRIVAL_DATE_MISSING: "arrival date missing and no direct move from abroad",
    }
    return texts[reason]


def age_reached_on(birth: dt.date, years: int) -> dt.date:
    """The first day on which a person born on ``birth`` is ``years`` old (§187(2) BGB)."""
    anniversary = add_years(birth, years)
    if anniversary is None:  # born 29 February, common year: 1 March (see module doc)
        return dt.date(birth.year + years, 3, 1)
    return anniversary


def window_last_day(arrival: dt.date, years: int) -> dt.date:
    """The last day that is still "less than ``years`` years" after ``arrival``."""
    same_day = add_years(arrival, years)
    if same_day is None:  # §188(3): the period ends with the last day of February
        return dt.date(arrival.year + years, 2, 28)
    return same_day


# Kleene three-valued logic: True, False, or None for "depends on the unknown day".
Tri = bool | None


def _and(left: Tri, right: Tri) -> Tri:
    if left is False or right is False:
        return False
    if left is None or right is None:
        return None
    return True


def check_eligibility(
    birth_date: PartialDate,
    on: dt.date,
    *,
    arrival_date: PartialDate | None = None,
    moved_from_abroad: bool = False,
    rules: EligibilityRules | None = None,
) -> EligibilityResult:
    """Decide eligibility on day ``on``; raise :class:`InvalidDateError` for impossible input."""
    rules = rules or EligibilityRules()
    birth_first, birth_last = birth_date.earliest(), min(birth_date.latest(), on)
    if birth_first > on:
        raise InvalidDateError(
            f"birth date {birth_date.iso()} lies after the day of the check {on.isoformat()}",
            f"Das Geburtsdatum {birth_date.german()} liegt in der Zukunft.",
        )

    reasons: list[Reason] = []
    age_ok: Tri
    age_certain_from = age_reached_on(birth_last, rules.min_age_years)
    if age_certain_from <= on:
        age_ok = True
        reasons.append(Reason.AGE_REACHED)
    elif age_reached_on(birth_first, rules.min_age_years) > on:
        age_ok = False
        reasons.append(Reason.BELOW_MIN_AGE)
    else:
        age_ok = None
        reasons.append(Reason.AGE_UNCLEAR)

    arrival_ok: Tri
    window_until: dt.date | None = None
    if moved_from_abroad:
        arrival_ok = True
        reasons.append(Reason.FROM_ABROAD)
    elif arrival_date is None:
        arrival_ok = None
        reasons.append(Reason.ARRIVAL_DATE_MISSING)
    else:
        arrival_first, arrival_last = _arrival_range(arrival_date, birth_date, on)
        window_until = window_last_day(arrival_first, rules.max_years_since_arrival)
        if window_until >= on:
            arrival_ok = True
            reasons.append(Reason.ARRIVAL_WITHIN_WINDOW)
        elif window_last_day(arrival_last, rules.max_years_since_arrival) < on:
            arrival_ok = False
            reasons.append(Reason.ARRIVAL_WINDOW_EXPIRED)
        else:
            arrival_ok = None
            reasons.append(Reason.ARRIVAL_WINDOW_UNCLEAR)

    decision = _and(age_ok, arrival_ok)
    status = {True: Status.ELIGIBLE, False: Status.NOT_ELIGIBLE, None: Status.NEEDS_REVIEW}[
        decision
    ]
    return EligibilityResult(
        status=status,
        reasons=tuple(reasons),
        checked_on=on,
        rule_version=rules.version,
        age_certain_from=age_certain_from,
        window_certain_until=window_until,
    )


def _arrival_range(
    arrival: PartialDate, birth: PartialDate, on: dt.date
) -> tuple[dt.date, dt.date]:
    """The days the arrival can have been: not after the check, not before the birth."""
    first, last = arrival.earliest(), arrival.latest()
    if first > on:
        raise InvalidDateError(
            f"arrival date {arrival.iso()} lies after the day of the check {on.isoformat()}",
            f"Das Einreisedatum {arrival.german()} liegt in der Zukunft.",
        )
    if last < birth.earliest():
        raise InvalidDateError(
            f"arrival date {arrival.iso()} lies before the birth date {birth.iso()}",
            f"Das Einreisedatum {arrival.german()} liegt vor dem Geburtsdatum.",
        )
    return max(first, birth.earliest()), min(last, on)
