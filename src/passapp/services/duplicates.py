"""Possible duplicate persons for the district's review (issue 11, item 5).

The same person registered at two offices (or twice at one) is merged by the district
(:mod:`passapp.services.merges`); this finds the pairs worth a look. Finding them must not
compare every person with every other (5·10⁹ pairs at 100,000 persons): pairs are
*blocked* on the name search keys each database keeps anyway (``person_name_key``), two
records being candidates when they share a key of the family×given kind (``PP:`` both
phonetic codes, ``LI:`` one name exactly and two letters of the other) in the same birth
year. SQL also drops pairs whose known birth month or day differ; the rule of
:mod:`passapp.domain.duplicates` then decides and scores what is left.

Records without identity (shared without consent), erased and merged-away records are
never listed. Pairs of one office are listed too: only the district can merge them. A pair
the district decided is not one person is dismissed (``duplicate_dismissal``, local, never
in a bundle) and stays dismissed until the district takes the decision back
(:func:`take_back_dismissal`: a click by mistake must not hide a real duplicate for ever).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import String, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from passapp.domain.dates import PartialDate
from passapp.domain.duplicates import REASON_DE, Identity, Likeness, Reason, likeness
from passapp.domain.name_index import LATIN_PAIR, ORIGINAL, PAIR, kind_range
from passapp.models.entities import (
    DuplicateDismissal,
    Entry,
    Office,
    Pass,
    Person,
    PersonNameKey,
)
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import local_office
from passapp.services.people import load_person
from passapp.services.trust import installation

PAGE: Final = 200


@dataclass(frozen=True, slots=True)
class PassLine:
    pass_number: str
    status: str


@dataclass(frozen=True, slots=True)
class RecordSide:
    """One record of a pair, as the admin compares it with the other."""

    id: uuid.UUID
    family_names: str
    given_names: str
    family_names_original: str | None
    given_names_original: str | None
    birth_date: PartialDate
    sex: str | None
    nationalities: tuple[str, ...]
    office_code: str
    office_name: str
    registered_on: dt.date
    passes: tuple[PassLine, ...]
    entries: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "family_names": self.family_names,
            "given_names": self.given_names,
            "family_names_original": self.family_names_original,
            "given_names_original": self.given_names_original,
            "birth_date": self.birth_date.iso(),
            "sex": self.sex,
            "nationalities": list(self.nationalities),
            "office": self.office_code,
            "registered_on": self.registered_on.isoformat(),
            "passes": [{"pass_number": p.pass_number, "status": p.status} for p in self.passes],
            "entries": self.entries,
        }


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first: RecordSide
    second: RecordSide
    score: int
    reasons: tuple[Reason, ...]

    @property
    def same_office(self) -> bool:
        return self.first.office_code == self.second.office_code

    def reasons_de(self) -> list[str]:
        return [REASON_DE[reason] for reason in self.reasons]

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "reasons": [reason.value for reason in self.reasons],
            "reasons_de": self.reasons_de(),
            "same_office": self.same_office,
            "first": self.first.to_json(),
            "second": self.second.to_json(),
        }


@dataclass(frozen=True, slots=True)
class DuplicateList:
    pairs: tuple[DuplicatePair, ...]  # the best ``limit`` pairs, best first
    total: int  # every pair found
    dismissed: int  # pairs decided "not the same person"

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "dismissed": self.dismissed,
            "pairs": [pair.to_json() for pair in self.pairs],
        }


def possible_duplicates(ctx: ServiceContext, limit: int = PAGE) -> DuplicateList:
    if limit < 1:
        raise InvalidInput("the limit must be at least 1", "Die Anzahl muss mindestens 1 sein.")
    with ctx.db.reading() as session:
        dismissed = {
            (first, second)
            for first, second in session.execute(
                select(DuplicateDismissal.first_id, DuplicateDismissal.second_id)
            )
        }
        found: list[tuple[Likeness, uuid.UUID, uuid.UUID]] = []
        for row in session.execute(_candidates()):
            first, second = row[0], row[_WIDTH]
            if (first, second) in dismissed:
                continue
            alike = likeness(_identity(row[:_WIDTH]), _identity(row[_WIDTH:]))
            if alike is not None:
                found.append((alike, first, second))
        found.sort(key=lambda hit: (-hit[0].score, str(hit[1]), str(hit[2])))
        best = found[:limit]
        sides = _sides(session, {i for _alike, *ids in best for i in ids})
        pairs = tuple(
            DuplicatePair(sides[first], sides[second], alike.score, alike.reasons)
            for alike, first, second in best
        )
        return DuplicateList(pairs, len(found), len(dismissed))


def _pair(first_id: uuid.UUID, second_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The two ids of a pair in the order its row keeps them (either order names it)."""
    if first_id == second_id:
        raise InvalidInput(
            "a record cannot be a duplicate of itself",
            "Ein Eintrag kann nicht sein eigenes Duplikat sein.",
        )
    low, high = sorted((first_id, second_id))
    return low, high


def dismiss_pair(ctx: ServiceContext, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
    """Record that two records are not the same person; the pair is not listed again."""
    low, high = _pair(first_id, second_id)
    with ctx.db.transaction() as session:
        _require_district(session)
        for person_id in (low, high):
            load_person(session, person_id)  # NotFound for an unknown id
        if session.get(DuplicateDismissal, (low, high)) is not None:
            return  # decided before: nothing new to record
        session.add(DuplicateDismissal(first_id=low, second_id=high, dismissed_by=ctx.clerk))
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="person.not_duplicate",
            object_type="person",
            object_id=str(low),
            details={"other": str(high)},
        )


class SideState(StrEnum):
    """What became of a record of a dismissed pair since the decision."""

    CURRENT = "current"
    MERGED = "merged"  # merged into another record: only the survivor is listed
    ERASED = "erased"  # Art. 17: the names are blank, the pair is never listed again


@dataclass(frozen=True, slots=True)
class DismissedPair:
    """A pair the district decided is two people, as it was decided and what is left."""

    first: RecordSide
    second: RecordSide
    first_state: SideState
    second_state: SideState
    dismissed_by: str
    dismissed_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "first": {**self.first.to_json(), "state": self.first_state.value},
            "second": {**self.second.to_json(), "state": self.second_state.value},
            "dismissed_by": self.dismissed_by,
            "dismissed_at": self.dismissed_at.isoformat(),
        }


def dismissed_pairs(ctx: ServiceContext) -> tuple[DismissedPair, ...]:
    """Every pair decided "not the same person", the newest decision first."""
    with ctx.db.reading() as session:
        _require_district(session)
        decisions = session.scalars(
            select(DuplicateDismissal).order_by(
                DuplicateDismissal.dismissed_at.desc(),
                DuplicateDismissal.first_id,
                DuplicateDismissal.second_id,
            )
        ).all()
        ids = {i for d in decisions for i in (d.first_id, d.second_id)}
        states: dict[uuid.UUID, SideState] = {}
        sides = _sides(session, ids, states)
        return tuple(
            DismissedPair(
                sides[d.first_id],
                sides[d.second_id],
                states[d.first_id],
                states[d.second_id],
                d.dismissed_by,
                d.dismissed_at,
            )
            for d in decisions
            # The rows cascade with their persons; a pair without both is none.
            if d.first_id in sides and d.second_id in sides
        )


def take_back_dismissal(ctx: ServiceContext, first_id: uuid.UUID, second_id: uuid.UUID) -> None:
    """Undo "not the same person": the pair is listed again if the rule still finds it.
    Also for a pair with an erased or merged-away record (which stays unlisted): the
    decision is then moot, and dropping it keeps less about an erased person."""
    low, high = _pair(first_id, second_id)
    with ctx.db.transaction() as session:
        _require_district(session)
        decision = session.get(DuplicateDismissal, (low, high))
        if decision is None:
            raise NotFound(
                f"{low} and {high} are not marked as different people",
                f"{low} und {high} sind nicht als verschiedene Personen vermerkt.",
            )
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="person.duplicate_again",
            object_type="person",
            object_id=str(low),
            details={
                "other": str(high),
                "dismissed_by": decision.dismissed_by,
                "dismissed_at": decision.dismissed_at.isoformat(),
            },
        )
        session.delete(decision)


def _require_district(session: Session) -> None:
    if installation(session).role != "district":
        raise Refused(
            "only the district office reviews duplicates",
            "Nur die Koordinierungsstelle des Landkreises prüft Doppelte.",
        )


# Ids per ``IN (…)``: a district's list of decisions grows without bound, and SQLite takes
# at most 32,766 bound values per statement (PostgreSQL 65,535).
IDS_PER_QUERY: Final = 500


def _chunks(ids: Iterable[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    wanted = list(ids)
    for start in range(0, len(wanted), IDS_PER_QUERY):
        yield wanted[start : start + IDS_PER_QUERY]


def _state(person: Person) -> SideState:
    if person.erased_at is not None:
        return SideState.ERASED
    if person.merged_into_id is not None:
        return SideState.MERGED
    return SideState.CURRENT


# --- the candidate pairs ---------------------------------------------------------------


@functools.cache  # built once, on the district's first search (not at start: issue 12)
def _candidates() -> Any:
    first_key, second_key = aliased(PersonNameKey), aliased(PersonNameKey)
    pair_keys = or_(
        *(
            and_(first_key.key >= low, first_key.key < high)
            for low, high in map(kind_range, (PAIR, LATIN_PAIR, ORIGINAL))
        )
    )
    pairs = (
        select(first_key.person_id.label("first"), second_key.person_id.label("second"))
        .join(
            second_key,
            and_(
                second_key.key == first_key.key,
                second_key.birth_year == first_key.birth_year,
                second_key.person_id > first_key.person_id,
            ),
        )
        .where(pair_keys)
        .distinct()
        .subquery()
    )
    first, second = aliased(Person), aliased(Person)
    return (
        select(*_columns(first), *_columns(second))
        .select_from(pairs)
        .join(first, first.id == pairs.c.first)
        .join(second, second.id == pairs.c.second)
        .where(_listed(first), _listed(second), _birth_parts_fit(first, second))
    )


def _columns(person: Any) -> tuple[Any, ...]:
    return (
        person.id,
        person.family_names_latin,
        person.given_names_latin,
        person.family_names_original,
        person.given_names_original,
        person.birth_date,
        person.sex,
        person.nationalities,
    )


_WIDTH: Final = 8  # columns per record in a candidate row


def _listed(person: Any) -> Any:
    return and_(
        person.erased_at.is_(None),
        person.merged_into_id.is_(None),
        or_(person.family_names != "", person.given_names != ""),
    )


def _birth_parts_fit(first: Any, second: Any) -> Any:
    """A prefilter in SQL: known months equal, and known days of the same month equal
    (``YYYY-MM-DD`` with ``00`` for unknown parts); the domain rule decides."""

    def part(person: Any, start: int) -> Any:
        return func.substr(person.birth_date, start, 2, type_=String)

    month_a, month_b, day_a, day_b = (
        part(first, 6),
        part(second, 6),
        part(first, 9),
        part(second, 9),
    )
    return or_(
        month_a == "00",
        month_b == "00",
        and_(month_a == month_b, or_(day_a == "00", day_b == "00", day_a == day_b)),
    )


def _identity(row: Sequence[Any]) -> Identity:
    _id, family, given, family_original, given_original, birth, sex, nationalities = row
    original = " ".join(p for p in (family_original, given_original) if p) or None
    return Identity(
        tuple(family.split()),
        tuple(given.split()),
        birth,
        sex,
        frozenset(nationalities or ()),
        original,
    )


# --- the records' details, for the pairs shown ---------------------------------------------


def _sides(
    session: Session,
    ids: Iterable[uuid.UUID],
    states: dict[uuid.UUID, SideState] | None = None,
) -> dict[uuid.UUID, RecordSide]:
    """The records' details; with ``states``, also what became of each record (from the
    same rows: a dismissed pair's records may be erased or merged away since)."""
    sides: dict[uuid.UUID, RecordSide] = {}
    for chunk in _chunks(ids):
        sides.update(_sides_of(session, chunk, states))
    return sides


def _sides_of(
    session: Session, wanted: list[uuid.UUID], states: dict[uuid.UUID, SideState] | None
) -> dict[uuid.UUID, RecordSide]:
    passes: dict[uuid.UUID, list[PassLine]] = {i: [] for i in wanted}
    for person_id, number, status in session.execute(
        select(Pass.person_id, Pass.pass_number, Pass.status)
        .where(Pass.person_id.in_(wanted))
        .order_by(Pass.pass_number)
    ):
        assert person_id is not None  # selected by it
        passes[person_id].append(PassLine(number, status))
    entries = dict(
        session.execute(
            select(Pass.person_id, func.count(Entry.id))
            .join(Entry, Entry.pass_id == Pass.id)
            .where(Pass.person_id.in_(wanted))
            .group_by(Pass.person_id)
        ).all()
    )
    sides = {}
    for person, office_code, office_name in session.execute(
        select(Person, Office.code, Office.name)
        .join(Office, Office.id == Person.registered_by_office_id)
        .where(Person.id.in_(wanted))
    ):
        if states is not None:
            states[person.id] = _state(person)
        sides[person.id] = RecordSide(
            id=person.id,
            family_names=person.family_names,
            given_names=person.given_names,
            family_names_original=person.family_names_original,
            given_names_original=person.given_names_original,
            birth_date=person.birth_date,
            sex=person.sex,
            nationalities=tuple(person.nationalities or ()),
            office_code=office_code,
            office_name=office_name,
            registered_on=person.created_at.date(),
            passes=tuple(passes[person.id]),
            entries=int(entries.get(person.id, 0)),
        )
    return sides
