"""Finding people: by name (typos, transliteration), by pass number, by birth date.

A name search runs in stages, best matches first, and stops as soon as a page is full:
both names phonetically (``PP:`` key) → each token exactly (``L:``) → as a prefix →
phonetically (``P:``). Each stage is one bounded index range scan joined to the person,
so a search costs about the same in a register of 10,000 or 1,000,000 people.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from passapp.domain.dates import InvalidDateError, PartialDate
from passapp.domain.name_index import LATIN, PHONETIC, match_score, pair_key
from passapp.domain.names import name_tokens, phonetic_key
from passapp.domain.pass_number import (
    InvalidPassNumberError,
    PassNumber,
    looks_like_pass_number,
    parse_without_check,
)
from passapp.models.entities import Pass, Person, PersonNameKey
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.verification import VerificationView, looks_like_qr, verify
from passapp.services.views import PersonSummary

PAGE = 50
MIN_SCORE = 75.0
# Same (possible) birth day and a name this close: shown to the clerk as a possible duplicate.
DUPLICATE_SCORE = 80.0
_YEAR = re.compile(r"^(19|20)\d{2}$")


@dataclass(frozen=True)
class SearchResult:
    query: str
    kind: str  # "name", "pass_number", "birth_date", "qr", "empty"
    hits: list[PersonSummary] = field(default_factory=list)
    # For a scanned QR: the offline verification (valid, status, office, …).
    verification: VerificationView | None = None

    def to_json(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "query": self.query,
            "kind": self.kind,
            "results": [h.to_json() for h in self.hits],
        }
        if self.verification is not None:
            payload["verification"] = self.verification.to_json()
        return payload


@dataclass(frozen=True)
class _Query:
    tokens: list[str]
    birth_date: PartialDate | None
    birth_year: int | None


def find(ctx: ServiceContext, text: str, limit: int = PAGE) -> SearchResult:
    query = text.strip()
    if not query:
        return SearchResult(query, "empty")
    if looks_like_qr(query):
        return _by_qr(ctx, query)
    with ctx.db.reading() as session:
        if looks_like_pass_number(query):
            return SearchResult(query, "pass_number", _by_pass_number(session, query))
        parsed = _parse_query(query)
        if not parsed.tokens:
            if parsed.birth_date is None and parsed.birth_year is None:
                return SearchResult(query, "empty")
            return SearchResult(query, "birth_date", _by_birth(session, parsed, limit))
        return SearchResult(query, "name", search_names(session, parsed.tokens, parsed, limit))


def _by_qr(ctx: ServiceContext, text: str) -> SearchResult:
    """A scanned pass: verified on the spot; its holder listed where this office knows them."""
    view = verify(ctx, text)
    hits: list[PersonSummary] = []
    if view.result.pass_number is not None:
        with ctx.db.reading() as session:
            hits = _by_pass_number(session, view.result.pass_number)
    return SearchResult(text.strip(), "qr", hits, view)


def _parse_query(text: str) -> _Query:
    words: list[str] = []
    birth_date: PartialDate | None = None
    birth_year: int | None = None
    for word in text.split():
        if _YEAR.match(word):
            birth_year = int(word)
            continue
        if any(c.isdigit() for c in word):
            try:
                birth_date = PartialDate.parse(word)
            except InvalidDateError as error:
                raise InvalidInput(str(error), error.message_de) from error
            birth_year = birth_date.year
            continue
        words.append(word)
    return _Query(name_tokens(" ".join(words)), birth_date, birth_year)


def _by_pass_number(session: Session, text: str) -> list[PersonSummary]:
    try:
        number = PassNumber.parse(text)
        condition: ColumnElement[bool] = Pass.pass_number == number.text
    except InvalidPassNumberError as error:
        try:  # typed without check digits: office and sequence identify the pass too
            partial = parse_without_check(text)
        except InvalidPassNumberError:
            raise InvalidInput(str(error), error.message_de) from error
        condition = and_(
            Pass.sequence == partial.sequence, Pass.pass_number.startswith(f"{partial.office}-")
        )
    statement = (
        select(*_SUMMARY_COLUMNS, Pass.pass_number)
        .join(Person, Person.id == Pass.person_id)
        .where(condition, Person.erased_at.is_(None))
    )
    return [_summary(row, 100.0, "pass_number") for row in session.execute(statement)]


def _by_birth(session: Session, query: _Query, limit: int) -> list[PersonSummary]:
    statement = _summary_select()
    if query.birth_date is not None:
        statement = statement.where(Person.birth_date == query.birth_date)
    else:
        statement = statement.where(Person.birth_year == query.birth_year)
    statement = statement.order_by(Person.family_names_latin, Person.given_names_latin).limit(limit)
    return [_summary(row, 100.0, "birth_date") for row in session.execute(statement)]


_SUMMARY_COLUMNS = (
    Person.id,
    Person.family_names,
    Person.given_names,
    Person.family_names_latin,
    Person.given_names_latin,
    Person.birth_date,
    Person.municipality_key,
)


def _summary_select() -> Any:
    return (
        select(*_SUMMARY_COLUMNS, Pass.pass_number)
        .outerjoin(Pass, and_(Pass.person_id == Person.id, Pass.status == "active"))
        .where(Person.erased_at.is_(None), Person.merged_into_id.is_(None))
    )


def _summary(row: Any, score: float, matched_by: str) -> PersonSummary:
    return PersonSummary(
        id=row.id,
        family_names=row.family_names,
        given_names=row.given_names,
        birth_date=row.birth_date,
        municipality_key=row.municipality_key,
        pass_number=row.pass_number,
        score=score,
        matched_by=matched_by,
    )


def _key_stage(
    session: Session, key_condition: ColumnElement[bool], year: int | None, limit: int
) -> list[Any]:
    statement = (
        _summary_select()
        .join(PersonNameKey, PersonNameKey.person_id == Person.id)
        .where(key_condition)
    )
    if year is not None:
        statement = statement.where(PersonNameKey.birth_year == year)
    return list(session.execute(statement.limit(limit)))


def search_names(
    session: Session, tokens: list[str], query: _Query | None = None, limit: int = PAGE
) -> list[PersonSummary]:
    year = query.birth_year if query else None
    stages: list[ColumnElement[bool]] = []
    pair = pair_key(tokens[0], tokens[1]) if len(tokens) >= 2 else None
    if pair:
        stages.append(PersonNameKey.key == pair)
    for token in tokens:
        stages.append(PersonNameKey.key == LATIN + token)
    for token in tokens:
        # Prefix: the clerk is still typing, or the document has more letters.
        stages.append(
            and_(PersonNameKey.key > LATIN + token, PersonNameKey.key < LATIN + token + "\x7f")
        )
    for token in tokens:
        code = phonetic_key(token)
        if code:
            stages.append(PersonNameKey.key == PHONETIC + code)
    found: dict[uuid.UUID, PersonSummary] = {}
    for condition in stages:
        for row in _key_stage(session, condition, year, limit * 2):
            if row.id in found:
                continue
            name = f"{row.family_names_latin} {row.given_names_latin}".split()
            score = match_score(tokens, name)
            if (
                query is not None
                and query.birth_date is not None
                and row.birth_date != query.birth_date
            ):
                continue
            if score >= MIN_SCORE:
                found[row.id] = _summary(row, score, "name")
        # Both names matched: single-name matches would only add noise to the list.
        if len(found) >= limit or (pair and found):
            break
    ranked = sorted(found.values(), key=lambda s: (-s.score, s.family_names, s.given_names))
    return ranked[:limit]


def possible_duplicates(
    session: Session, family_names: str, given_names: str, birth_date: PartialDate, limit: int = 10
) -> list[PersonSummary]:
    """People of the same birth year whose names sound alike: shown before saving."""
    tokens = name_tokens(f"{family_names} {given_names}")
    if not tokens:
        return []
    hits = search_names(session, tokens, _Query(tokens, None, birth_date.year), limit)
    same_day = [h for h in hits if _may_be_same_day(h.birth_date, birth_date)]
    return [h for h in same_day if h.score >= DUPLICATE_SCORE]


def _may_be_same_day(first: PartialDate, second: PartialDate) -> bool:
    return first.earliest() <= second.latest() and second.earliest() <= first.latest()
