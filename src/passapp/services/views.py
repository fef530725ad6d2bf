"""Plain, frozen results handed to the UI and the CLI (never live ORM objects)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from passapp.domain.dates import PartialDate
from passapp.domain.eligibility import (
    STATUS_ENGLISH,
    STATUS_GERMAN,
    EligibilityResult,
    EligibilityRules,
    reason_english,
    reason_german,
)


@dataclass(frozen=True, slots=True)
class EligibilityView:
    status: str
    status_de: str
    reasons: tuple[str, ...]
    reasons_de: tuple[str, ...]
    checked_on: dt.date
    rule_version: str
    age_certain_from: dt.date | None
    window_certain_until: dt.date | None
    # The English UI's words; the CLI's JSON keeps the codes (``reasons``) and German.
    status_en: str = ""
    reasons_en: tuple[str, ...] = ()

    @classmethod
    def of(cls, result: EligibilityResult, rules: EligibilityRules) -> EligibilityView:
        return cls(
            status=result.status.value,
            status_de=STATUS_GERMAN[result.status],
            reasons=tuple(r.value for r in result.reasons),
            reasons_de=tuple(reason_german(r, rules) for r in result.reasons),
            checked_on=result.checked_on,
            rule_version=result.rule_version,
            age_certain_from=result.age_certain_from,
            window_certain_until=result.window_certain_until,
            status_en=STATUS_ENGLISH[result.status],
            reasons_en=tuple(reason_english(r, rules) for r in result.reasons),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reasons": list(self.reasons),
            "reasons_de": list(self.reasons_de),
            "checked_on": self.checked_on.isoformat(),
            "rule_version": self.rule_version,
            "age_certain_from": _iso(self.age_certain_from),
            "window_certain_until": _iso(self.window_certain_until),
        }


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One row of a search result or duplicate list."""

    id: uuid.UUID
    family_names: str
    given_names: str
    birth_date: PartialDate
    municipality_key: str | None
    pass_number: str | None
    score: float
    matched_by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "family_names": self.family_names,
            "given_names": self.given_names,
            "birth_date": self.birth_date.iso(),
            "municipality_key": self.municipality_key,
            "pass_number": self.pass_number,
            "score": round(self.score, 1),
            "matched_by": self.matched_by,
        }


@dataclass(frozen=True, slots=True)
class PersonView:
    id: uuid.UUID
    family_names: str
    given_names: str
    birth_date: PartialDate
    arrival_date: PartialDate | None
    moved_from_abroad: bool
    sex: str | None
    nationalities: tuple[str, ...]
    languages: tuple[str, ...]
    municipality_key: str | None
    consent: bool
    registered_by_office: str
    # Set where the district merged this record into another one (the one to work with).
    merged_into: uuid.UUID | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "family_names": self.family_names,
            "given_names": self.given_names,
            "birth_date": self.birth_date.iso(),
            "arrival_date": None if self.arrival_date is None else self.arrival_date.iso(),
            "moved_from_abroad": self.moved_from_abroad,
            "sex": self.sex,
            "nationalities": list(self.nationalities),
            "languages": list(self.languages),
            "municipality_key": self.municipality_key,
            "consent": self.consent,
            "registered_by_office": self.registered_by_office,
            "merged_into": None if self.merged_into is None else str(self.merged_into),
        }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
