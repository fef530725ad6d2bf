"""Finding people: by name (typos, transliteration), by pass number, by birth date.

A name search runs in stages, best matches first, and stops as soon as a page is full:
two tokens together (every pair of query tokens, most specific first: one exactly with
the other's first two letters ``LI:``, then both phonetically ``PP:``) → each token
exactly (``L:``) → as a prefix → phonetically (``P:``). Each stage is one bounded index
range scan joined to the person, so a search costs about the same in a register of
10,000 or 1,000,000 people. The statements are built once with bound parameters and run
on the session's connection (Core): building a ``select()`` per call and the ORM
execution path cost more than the indexed lookups themselves (benchmarks/README.md).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Integer, and_, bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from passapp.domain.dates import InvalidDateError, PartialDate
from passapp.domain.name_index import (
    LATIN,
    ORIGINAL,
    PHONETIC,
    latin_pair_key,
    match_score,
    original_key,
    pair_key,
    query_pairs,
)
from passapp.domain.names import name_tokens, original_form, phonetic_key
from passapp.domain.pass_number import (
    InvalidPassNumberError,
    PassNumber,
    looks_like_pass_number,
    parse_without_check,
)
from passapp.domain.text import check_length
from passapp.models.entities import Pass, Person, PersonNameKey
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.verification import VerificationView, looks_like_qr, verify
from passapp.services.views import PersonSummary

PAGE = 50
MIN_SCORE = 75.0
# Same (possible) birth day and a name this close: shown to the clerk as a possible duplicate.
DUPLICATE_SCORE = 80.0
# A duplicate found by the same name in the original script: the score the duplicate rule
# gives it (``domain.duplicates.PHONETIC_SCORE``), listed after exact Latin namesakes.
ORIGINAL_SCORE = 90.0
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
    check_length("search.query", query)  # every pair of words is a stage: bound them
    if not query:
        return SearchResult(query, "empty")
    if looks_like_qr(query):
        return _by_qr(ctx, query)
    # Read-only and on the clerk's every key stroke: a plain connection, no ORM session.
    with ctx.db.engine.connect() as connection:
        if looks_like_pass_number(query):
            return SearchResult(query, "pass_number", _by_pass_number(connection, query))
        parsed = _parse_query(query)
        if not parsed.tokens:
            if parsed.birth_date is None and parsed.birth_year is None:
                return SearchResult(query, "empty")
            return SearchResult(query, "birth_date", _by_birth(connection, parsed, limit))
        hits = search_names(connection, parsed.tokens, parsed, limit)
        written = _original_words(query)
        if written:
            hits = _by_original(connection, written, parsed, limit, hits)
        return SearchResult(query, "name", hits)


def _by_qr(ctx: ServiceContext, text: str) -> SearchResult:
    """A scanned pass: verified on the spot; its holder listed where this office knows them."""
    view = verify(ctx, text)
    hits: list[PersonSummary] = []
    if view.result.pass_number is not None:
        with ctx.db.engine.connect() as connection:
            hits = _by_pass_number(connection, view.result.pass_number)
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


def _original_words(text: str) -> str:
    """The words of a query in a script other than Latin (pasted from an Arabic or Cyrillic
    document), folded as the ``O:`` keys are; "" when there are none."""
    words = [
        word
        for word in text.split()
        if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in word)
    ]
    return original_form(" ".join(words))


def _by_original(
    connection: Connection, written: str, query: _Query, limit: int, latin: list[PersonSummary]
) -> list[PersonSummary]:
    """People whose name in the original script is ``written`` (100) or begins with it
    (95: the family name, as on the document, or a name still being typed), before the
    hits of the Latin search (the transliteration of the same words)."""
    raw = _Raw(connection)
    low = ORIGINAL + written
    stages = (
        ("key", {"key": low}, 100.0),
        ("prefix", {"low": low, "high": low[:-1] + chr(ord(low[-1]) + 1)}, 95.0),
    )
    found: dict[uuid.UUID, PersonSummary] = {}
    for kind, parameters, score in stages:
        values: dict[str, Any] = {**parameters, "limit": limit}
        if query.birth_year is not None:
            values["year"] = query.birth_year
            kind += "/year"
        for row in raw.rows(kind, values):
            wanted = query.birth_date
            if _id(row) in found or (wanted is not None and row[_BIRTH] != wanted.iso()):
                continue
            found[_id(row)] = _summary(row, score, "original")
    hits = list(found.values()) + [h for h in latin if h.id not in found]
    return hits[:limit]


def _by_pass_number(connection: Connection, text: str) -> list[PersonSummary]:
    try:
        number = PassNumber.parse(text)
    except InvalidPassNumberError as error:
        try:  # typed without check digits: office and sequence identify the pass too
            partial = parse_without_check(text)
        except InvalidPassNumberError:
            raise InvalidInput(str(error), error.message_de) from error
        condition: ColumnElement[bool] = and_(
            Pass.sequence == partial.sequence, Pass.pass_number.startswith(f"{partial.office}-")
        )
        statement = (
            select(*_SUMMARY_COLUMNS, Pass.pass_number)
            .join(Person, Person.id == Pass.person_id)
            .where(condition, Person.erased_at.is_(None))
        )
        rows = [tuple(row) for row in connection.execute(statement)]
    else:
        rows = _Raw(connection).rows("pass", {"number": number.text})
    return [_summary(row, 100.0, "pass_number") for row in rows]


def _by_birth(connection: Connection, query: _Query, limit: int) -> list[PersonSummary]:
    statement = _summary_select()
    if query.birth_date is not None:
        statement = statement.where(Person.birth_date == query.birth_date)
    else:
        statement = statement.where(Person.birth_year == query.birth_year)
    statement = statement.order_by(Person.family_names_latin, Person.given_names_latin).limit(limit)
    return [_summary(tuple(row), 100.0, "birth_date") for row in connection.execute(statement)]


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


# Built once, with bound parameters (see the module docstring).
_BY_PASS_NUMBER = (
    select(*_SUMMARY_COLUMNS, Pass.pass_number)
    .join(Person, Person.id == Pass.person_id)
    .where(Pass.pass_number == bindparam("number"), Person.erased_at.is_(None))
)
_KEYED = _summary_select().join(PersonNameKey, PersonNameKey.person_id == Person.id)
_KEY_IS = PersonNameKey.key == bindparam("key")
_KEY_RANGE = and_(PersonNameKey.key > bindparam("low"), PersonNameKey.key < bindparam("high"))
_SAME_YEAR = PersonNameKey.birth_year == bindparam("year")
_LIMIT = bindparam("limit", type_=Integer)
# "<kind of stage>[/year]" → statement (restricted to a birth year with /year)
_STAGE_SQL: dict[str, Any] = {
    "key": _KEYED.where(_KEY_IS).limit(_LIMIT),
    "key/year": _KEYED.where(_KEY_IS, _SAME_YEAR).limit(_LIMIT),
    "prefix": _KEYED.where(_KEY_RANGE).limit(_LIMIT),
    "prefix/year": _KEYED.where(_KEY_RANGE, _SAME_YEAR).limit(_LIMIT),
}


# Positions in a summary row: the columns of _SUMMARY_COLUMNS, then the pass number.
_ID, _FAMILY, _GIVEN, _FAMILY_LATIN, _GIVEN_LATIN, _BIRTH, _MUNICIPALITY, _PASS = range(8)


def _summary(row: tuple[Any, ...], score: float, matched_by: str) -> PersonSummary:
    birth = row[_BIRTH]
    return PersonSummary(
        id=_id(row),
        family_names=row[_FAMILY],
        given_names=row[_GIVEN],
        birth_date=birth if isinstance(birth, PartialDate) else PartialDate.parse(birth),
        municipality_key=row[_MUNICIPALITY],
        pass_number=row[_PASS],
        score=score,
        matched_by=matched_by,
    )


class _Raw:
    """The prebuilt search statements, compiled once per dialect and run on the driver.

    A name search runs on every pause in the clerk's typing, up to a few statements each;
    going through the driver's cursor with statements compiled once keeps the cost of a
    search close to the cost of its index lookups (benchmarks/bench_find.py).
    """

    _compiled: ClassVar[
        dict[str, dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]]]
    ] = {}

    def __init__(self, connection: Connection) -> None:
        self._cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        dialect = connection.dialect
        statements = self._compiled.get(dialect.name)
        if statements is None:
            statements = {}
            for name, statement in {"pass": _BY_PASS_NUMBER, **_STAGE_SQL}.items():
                compiled = statement.compile(dialect=dialect)
                order = tuple(compiled.positiontup or ()) if compiled.positional else None
                # Literal values of the statement itself (status = 'active', …).
                defaults = {k: v for k, v in compiled.params.items() if v is not None}
                statements[name] = (compiled.string, order, defaults)
            self._compiled[dialect.name] = statements
        self._statements = statements

    def rows(self, name: str, values: dict[str, Any]) -> list[tuple[Any, ...]]:
        sql, order, defaults = self._statements[name]
        merged = {**defaults, **values}
        parameters = tuple(merged[key] for key in order) if order is not None else merged
        self._cursor.execute(sql, parameters)
        return list(self._cursor.fetchall())


_Stage = tuple[str, dict[str, str], bool]  # kind, parameters, pairs two tokens


def _stages(tokens: list[str]) -> Iterator[_Stage]:
    pairs = query_pairs(tokens)
    for first, second in pairs:
        for token, other in ((first, second), (second, first)):
            key = latin_pair_key(token, other)
            if key:
                yield "key", {"key": key}, True
    for first, second in pairs:
        key = pair_key(first, second)
        if key:
            yield "key", {"key": key}, True
    for token in tokens:
        yield "key", {"key": LATIN + token}, False
    for token in tokens:
        # Prefix: the clerk is still typing, or the document has more letters.
        yield "prefix", {"low": LATIN + token, "high": LATIN + token + "\x7f"}, False
    for token in tokens:
        code = phonetic_key(token)
        if code:
            yield "key", {"key": PHONETIC + code}, False


def search_names(
    connection: Connection, tokens: list[str], query: _Query | None = None, limit: int = PAGE
) -> list[PersonSummary]:
    year = query.birth_year if query else None
    raw = _Raw(connection)
    wanted_birth = None if query is None or query.birth_date is None else query.birth_date.iso()
    stages = list(_stages(tokens))
    paired = bool(stages) and stages[0][2]
    # Rows are scored as they come and turned into summaries only for the final page.
    found: dict[Any, tuple[float, tuple[Any, ...]]] = {}
    exact = False
    done: set[tuple[str, str]] = set()
    for index, (kind, parameters, is_pair) in enumerate(stages):
        marker = (kind, parameters.get("key") or parameters["low"])
        if marker in done:
            continue
        done.add(marker)
        values: dict[str, Any] = {**parameters, "limit": limit * 2}
        if year is not None:
            values["year"] = year
        for row in raw.rows(kind if year is None else f"{kind}/year", values):
            if row[_ID] in found or (wanted_birth is not None and row[_BIRTH] != wanted_birth):
                continue
            score = match_score(tokens, f"{row[_FAMILY_LATIN]} {row[_GIVEN_LATIN]}".split())
            if score >= MIN_SCORE:
                found[row[_ID]] = (score, row)
                exact = exact or score >= 100.0
        if len(found) >= limit:
            break
        if is_pair:
            # Every token matched exactly: the namesakes are in, further stages add noise.
            if exact:
                break
            last_pair = index + 1 == len(stages) or not stages[index + 1][2]
            if last_pair and found:
                break
        elif paired and found:
            # Both names matched nowhere; single-name matches: one stage is enough.
            break
    page = sorted(found.values(), key=lambda hit: (-hit[0], hit[1][_FAMILY], hit[1][_GIVEN]))
    return [_summary(row, score, "name") for score, row in page[:limit]]


def possible_duplicates(
    session: Session,
    family_names: str,
    given_names: str,
    birth_date: PartialDate,
    limit: int = 10,
    *,
    original: tuple[str | None, str | None] = (None, None),
) -> list[PersonSummary]:
    """People of the same birth year whose names sound alike, or whose names in the
    original script (``original``: family, given) are written the same although their
    Latin spellings differ ("Dschamal" / "Jamal"): shown before saving."""
    tokens = name_tokens(f"{family_names} {given_names}")
    query = _Query(tokens, None, birth_date.year)
    found = search_names(session.connection(), tokens, query, limit)  # [] without tokens
    hits = [h for h in found if h.score >= DUPLICATE_SCORE]
    key = original_key(*original)
    if key:
        known = {h.id for h in hits}
        rows = _Raw(session.connection()).rows(
            "key/year", {"key": key, "year": birth_date.year, "limit": limit}
        )
        for row in rows:  # one row per person (a person has one active pass at most)
            if _id(row) not in known:
                known.add(_id(row))
                hits.append(_summary(row, ORIGINAL_SCORE, "original"))
    return [h for h in hits if _may_be_same_day(h.birth_date, birth_date)][:limit]


def _id(row: tuple[Any, ...]) -> uuid.UUID:
    value = row[_ID]
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _may_be_same_day(first: PartialDate, second: PartialDate) -> bool:
    return first.earliest() <= second.latest() and second.earliest() <= first.latest()
