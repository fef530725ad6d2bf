"""Partial dates as German registers write them (DESIGN §3, contract).

A birth or arrival day is often unknown in part: registers write ``1990-00-00`` or
``00.00.1990``. A :class:`PartialDate` keeps exactly what is known and says which
days it could be (:meth:`earliest`, :meth:`latest`), so rules can decide on the whole
range instead of guessing a day silently.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from passapp.domain.errors import InputError

MIN_YEAR = 1900
MAX_YEAR = 2999

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# The UI and clerks also type TT.MM.JJJJ, with 00 or XX for unknown parts; single-digit
# day and month are accepted because people type "1.2.1990", and a two-digit year where
# the caller says how to read it (see TwoDigitYears).
_GERMAN = re.compile(r"^(\d{1,2}|[Xx]{2})\.(\d{1,2}|[Xx]{2})\.(\d{4}|\d{2})$")

# How far back a typed two-digit year may reach, by what the date is (see TwoDigitYears):
# the oldest plausible holder, and arrivals in living memory of the counter.
BIRTH_SPAN = 110
ARRIVAL_SPAN = 60


class InvalidDateError(InputError):
    """A date that cannot be read or cannot exist."""


@dataclass(frozen=True, slots=True)
class TwoDigitYears:
    """How a typed two-digit year ("1.3.24") is read: as the one year ending in those
    digits from ``today``'s year back ``span`` years. Never in the future; where no year
    or two years qualify, the date is refused and the clerk types four digits.

    With a span over 100 years, the newest ``span - 99`` years are ambiguous (a birth in
    "24" could be 1924 or 2024): refused. With a span under 100, years further back than
    the span are refused ("60" for an arrival in 2026: 1960 is beyond 60 years).
    """

    today: dt.date
    span: int

    def year(self, digits: int, text: str) -> int:
        latest = self.today.year
        candidates = [y for y in range(latest - self.span, latest + 1) if y % 100 == digits]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            first, second = candidates[0], candidates[-1]
            raise InvalidDateError(
                f"date {text!r}: {first} or {second}? write the year with four digits",
                f"Datum „{text}“: {first} oder {second}? Bitte das Jahr vierstellig eingeben.",
            )
        raise InvalidDateError(
            f"date {text!r}: a two-digit year reaches back {self.span} years only; "
            "write the year with four digits",
            f"Datum „{text}“: Zweistellige Jahre reichen nur {self.span} Jahre zurück; "
            "bitte das Jahr vierstellig eingeben.",
        )


def birth_years(today: dt.date) -> TwoDigitYears:
    """Birth dates: back to the oldest plausible holder; "1.3.20" (2020 or 1920) refused."""
    return TwoDigitYears(today, BIRTH_SPAN)


def arrival_years(today: dt.date) -> TwoDigitYears:
    """Arrival dates: the last 60 years; "1.3.24" is 2024."""
    return TwoDigitYears(today, ARRIVAL_SPAN)


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date whose month and day may be unknown (``None``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise InvalidDateError(
                f"year {self.year} is out of range {MIN_YEAR}–{MAX_YEAR}",
                f"Das Jahr {self.year} liegt außerhalb von {MIN_YEAR} bis {MAX_YEAR}.",
            )
        if self.month is None:
            if self.day is not None:
                raise InvalidDateError(
                    "a day without a month cannot be stored; write 00 for the unknown day too",
                    "Ein Tag ohne Monat ist nicht möglich; bitte auch den Tag als 00 angeben.",
                )
            return
        if not 1 <= self.month <= 12:
            raise InvalidDateError(
                f"month {self.month} does not exist", f"Den Monat {self.month} gibt es nicht."
            )
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidDateError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} does not exist",
                    f"Den {self.day:02d}.{self.month:02d}.{self.year:04d} gibt es nicht.",
                )

    @classmethod
    def parse(cls, text: str, two_digit: TwoDigitYears | None = None) -> PartialDate:
        """Read ``YYYY-MM-DD`` (``00`` = unknown) or ``TT.MM.JJJJ`` (``00``/``XX``); with
        ``two_digit`` also ``T.M.JJ`` (refused without: the century would be a guess)."""
        value = text.strip()
        iso = _ISO.match(value)
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            return cls._from_parts(year, month, day, text)
        german = _GERMAN.match(value)
        if german:
            day_text, month_text, year_text = german.groups()
            day = 0 if day_text.upper() == "XX" else int(day_text)
            month = 0 if month_text.upper() == "XX" else int(month_text)
            year = int(year_text)
            if len(year_text) == 2:
                if two_digit is None:
                    raise InvalidDateError(
                        f"date {text!r}: write the year with four digits",
                        f"Datum „{text}“: bitte das Jahr vierstellig eingeben.",
                    )
                if year == 0 and month == 0:  # "00.00.00" reads as "unknown", not 2000
                    raise InvalidDateError(
                        f"date {text!r}: write the year with four digits",
                        f"Datum „{text}“: bitte das Jahr vierstellig eingeben.",
                    )
                year = two_digit.year(year, text)
            return cls._from_parts(year, month, day, text)
        raise InvalidDateError(
            f"cannot read date {text!r}: use YYYY-MM-DD or DD.MM.YYYY, with 00 for unknown parts",
            f"Datum „{text}“ nicht lesbar: bitte TT.MM.JJJJ eingeben, unbekannte Teile als 00.",
        )

    @classmethod
    def _from_parts(cls, year: int, month: int, day: int, text: str) -> PartialDate:
        if year == 0:
            raise InvalidDateError(
                f"date {text!r} needs at least the year",
                f"Im Datum „{text}“ fehlt das Jahr; mindestens das Jahr muss bekannt sein.",
            )
        return cls(year, month or None, day or None)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def is_complete(self) -> bool:
        return self.day is not None

    def earliest(self) -> dt.date:
        """The first day this date can be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can be."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def iso(self) -> str:
        """The contract form ``YYYY-MM-DD`` with ``00`` for unknown parts."""
        return f"{self.year:04d}-{self.month or 0:02d}-{self.day or 0:02d}"

    def german(self) -> str:
        """``TT.MM.JJJJ`` with ``XX`` for unknown parts, as printed and shown."""
        day = f"{self.day:02d}" if self.day else "XX"
        month = f"{self.month:02d}" if self.month else "XX"
        return f"{day}.{month}.{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


def parse_full_date(text: str) -> dt.date:
    """A date that must be complete (reference days, entry dates)."""
    partial = PartialDate.parse(text)
    if not partial.is_complete:
        raise InvalidDateError(
            f"date {text!r} must be a complete day",
            f"Das Datum „{text}“ muss vollständig sein (Tag, Monat, Jahr).",
        )
    return partial.earliest()


def add_years(start: dt.date, years: int) -> dt.date | None:
    """The same day and month ``years`` later, or ``None`` where that day does not exist

    (29 February in a common year); callers decide which BGB rule then applies.
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return None
