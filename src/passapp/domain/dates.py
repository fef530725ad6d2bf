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
# day and month are accepted because people type "1.2.1990".
_GERMAN = re.compile(r"^(\d{1,2}|[Xx]{2})\.(\d{1,2}|[Xx]{2})\.(\d{4})$")


class InvalidDateError(InputError):
    """A date that cannot be read or cannot exist."""


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
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY-MM-DD`` (``00`` = unknown) or ``TT.MM.JJJJ`` (``00``/``XX``)."""
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
            return cls._from_parts(int(year_text), month, day, text)
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
