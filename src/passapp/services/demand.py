"""The district's demand figures (issue 11, item 2): tables of counts, every one suppressed.

Every figure is a GROUP BY in the database (SQLAlchemy Core, SQLite and PostgreSQL): only
the grouped counts come back to Python, never the rows. The tables that leave this module
have gone through :func:`passapp.domain.suppression.suppress_linked` together, with the
totals they share declared (``COMMON_TOTALS``); callers print ``Cell.text``.

Pass holders: persons, neither erased nor merged away, with an active pass (stubs of
another office's pass included: the district holds them as they arrived); the filters
``issued_from`` / ``issued_to`` (the pass's issue date) and ``municipality`` (the person's)
choose the holders. Entries: the current entries on the passes of these holders (a
recorded entry or a correction that nothing later corrects or cancels; cancellations and
corrected entries are not counted).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    column,
    extract,
    func,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session, aliased

from passapp.domain.entries import EntryKind, EntryStatus
from passapp.domain.profile import Arrangement, GermanLevel, Literacy, Skill
from passapp.domain.suppression import LinkedTable, Margins, SuppressedTable, suppress_linked
from passapp.models.entities import Entry, Installation, Municipality, Offer, Pass, Person
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.setup import district_name as reference_district_name

UNKNOWN = "unbekannt"
OTHER = "andere"
NO_ROWS = "(keine)"
HOLDERS = "Passinhaber"
ENTRIES = "Einträge"
TOP_NATIONALITIES = 8
# Age groups as the network plans offers: school age, young adults (Berufsschule up to 21,
# youth offers up to 26), working age in two halves, retirement age.
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0–17", 0, 17),
    ("18–26", 18, 26),
    ("27–44", 27, 44),
    ("45–64", 45, 64),
    ("65+", 65, None),
)


@dataclass(frozen=True)
class DemandFilters:
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    municipality: str | None = None  # 8-digit key or name

    def describe_de(self) -> str:
        parts = []
        if self.issued_from:
            parts.append(f"ausgestellt ab {self.issued_from.isoformat()}")
        if self.issued_to:
            parts.append(f"ausgestellt bis {self.issued_to.isoformat()}")
        if self.municipality:
            parts.append(f"Gemeinde {self.municipality}")
        return ", ".join(parts) or "alle Passinhaber"


@dataclass(frozen=True)
class DemandTable:
    """One published table: labels and the suppressed counts (show ``Cell.text`` only)."""

    key: str
    title: str
    row_label: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    table: SuppressedTable


@dataclass(frozen=True)
class DemandReport:
    made_on: dt.date
    filters: DemandFilters
    tables: tuple[DemandTable, ...]
    district_name: str = ""  # as set up ("Landkreis Dachau"); the PDF's title page names it


def demand_report(ctx: ServiceContext, filters: DemandFilters) -> DemandReport:
    _check_dates(filters)
    made_on = ctx.today()
    with ctx.db.reading() as session:
        municipality_key = _municipality_key(session, filters.municipality)
        holders = _holders(filters, municipality_key)
        counted = (
            _by_municipality_and_age(session, holders, made_on.year),
            _by_arrival_year(session, holders),
            _by_nationality(session, holders),
            _entries_by_kind_and_month(session, holders),
            _entries_by_provider(session, holders),
            _completion_by_kind(session, holders),
            _holders_and_offers(session, holders),
            _language_course_after_issue(session, holders, made_on),
            _literacy_by_municipality(session, holders),
            *(
                _arrangement_by_municipality(session, holders, arrangement)
                for arrangement in (Arrangement.CHILDCARE, Arrangement.EVENING)
            ),
            _level_by_course_wish(session, holders),
        )
        setup = session.get(Installation, 1)
    # An office's database (the benchmark's) has no district name: the reference data's.
    district = setup.district_name if setup is not None and setup.district_name else None
    return DemandReport(
        made_on=made_on,
        filters=filters,
        tables=_suppressed(counted),
        district_name=district or reference_district_name(),
    )


def _check_dates(filters: DemandFilters) -> None:
    if filters.issued_from and filters.issued_to and filters.issued_from > filters.issued_to:
        raise InvalidInput(
            "--from is after --to",
            "Das Anfangsdatum liegt nach dem Enddatum.",
        )


def _municipality_key(session: Session, text: str | None) -> str | None:
    if text is None:
        return None
    key = session.scalar(
        select(Municipality.key).where(
            (Municipality.key == text.strip()) | (Municipality.name == text.strip())
        )
    )
    if key is None:
        raise InvalidInput(
            f"unknown municipality: {text}",
            f"Unbekannte Gemeinde: {text}",
        )
    return key


# --- who counts --------------------------------------------------------------------------


def _holders(filters: DemandFilters, municipality_key: str | None) -> Any:
    """The holders as a subquery of person columns (one row per person)."""
    active_pass = [Pass.status == "active", Pass.person_id.is_not(None)]
    if filters.issued_from:
        active_pass.append(Pass.issued_on >= filters.issued_from)
    if filters.issued_to:
        active_pass.append(Pass.issued_on <= filters.issued_to)
    # IN (subquery), not a correlated EXISTS: pass.person_id has no index, and the database
    # reads the passes once instead of once per person (10k persons: 7.5 s → 0.3 s in all).
    where: list[ColumnElement[bool]] = [
        Person.erased_at.is_(None),
        Person.merged_into_id.is_(None),
        Person.id.in_(select(Pass.person_id).where(*active_pass)),
    ]
    if municipality_key is not None:
        where.append(Person.municipality_key == municipality_key)
    return (
        select(
            Person.id,
            Person.birth_year,
            Person.arrival_date,
            Person.municipality_key,
            Person.nationalities,
            Person.learner_profile,
        )
        .where(*where)
        .subquery("holder")
    )


def _current_entries(holders: Any) -> Any:
    """The current entries on the holders' passes as a subquery."""
    later = aliased(Entry)
    return (
        select(
            Entry.id,
            Entry.kind,
            Entry.start_date,
            Entry.result,
            Entry.status,
            Entry.provider,
            Entry.offer_id,
            Pass.person_id,
        )
        .join(Pass, Pass.id == Entry.pass_id)
        .join(holders, holders.c.id == Pass.person_id)
        .where(
            Entry.action != "cancellation",
            Entry.id.not_in(select(later.refers_to_id).where(later.refers_to_id.is_not(None))),
        )
        .subquery("current_entry")
    )


# --- the tables --------------------------------------------------------------------------


def _by_municipality_and_age(session: Session, holders: Any, year: int) -> _Counted:
    age = year - holders.c.birth_year
    group = case(
        *[(age <= high, label) for label, _, high in AGE_GROUPS if high is not None],
        else_=AGE_GROUPS[-1][0],
    )
    counts = _count_by(
        session,
        select(Municipality.name, group)
        .select_from(holders)
        .outerjoin(Municipality, Municipality.key == holders.c.municipality_key),
    )
    return _table(
        "holders_by_municipality_age",
        "Passinhaber nach Gemeinde und Alter",
        "Gemeinde",
        sorted({row for row, _ in counts}, key=_unknown_last),
        [label for label, _, _ in AGE_GROUPS],
        counts,
    )


def _by_arrival_year(session: Session, holders: Any) -> _Counted:
    # A partial date is stored as "YYYY-MM-DD" with "00" for unknown parts: the year is
    # always there when the date is.
    year = func.substr(holders.c.arrival_date, 1, 4)
    counts = _count_by(session, select(year, literal(HOLDERS)).select_from(holders))
    return _table(
        "holders_by_arrival_year",
        "Passinhaber nach Jahr der Ankunft",
        "Ankunftsjahr",
        sorted({row for row, _ in counts}, key=_unknown_last),
        [HOLDERS],
        counts,
    )


def _by_nationality(session: Session, holders: Any) -> _Counted:
    """The first nationality; the most frequent ones by name, the rest as "andere"."""
    first = holders.c.nationalities[0].as_string()
    by_country = _count_by(session, select(first, literal(HOLDERS)).select_from(holders))
    ranked = sorted(by_country.items(), key=lambda item: (-item[1], item[0][0]))
    named = [(country, n) for (country, _), n in ranked if country != UNKNOWN]
    named = named[:TOP_NATIONALITIES]
    counts = {(country, HOLDERS): n for country, n in named}
    rest = sum(by_country.values()) - sum(counts.values())
    rows = [country for country, _ in named]
    if rest or not rows:
        counts[(OTHER, HOLDERS)] = rest
        rows.append(OTHER)
    return _table(
        "holders_by_nationality",
        f"Passinhaber nach Staatsangehörigkeit (die {TOP_NATIONALITIES} häufigsten, "
        "übrige und unbekannte als „andere“)",
        "Staatsangehörigkeit",
        rows,
        [HOLDERS],
        counts,
    )


def _entries_by_kind_and_month(session: Session, holders: Any) -> _Counted:
    entries = _current_entries(holders)
    year = extract("year", entries.c.start_date)
    month = extract("month", entries.c.start_date)
    query = select(entries.c.kind, year, month, func.count()).group_by(entries.c.kind, year, month)
    counts: dict[tuple[str, str], int] = {}
    for kind, y, m, n in session.execute(query):
        counts[(kind, f"{int(y):04d}-{int(m):02d}")] = n
    return _table(
        "entries_by_kind_month",
        "Einträge nach Art und Monat des Beginns",
        "Art",
        sorted({k for k, _ in counts}),
        sorted({m for _, m in counts}),
        counts,
    )


def _entries_by_provider(session: Session, holders: Any) -> _Counted:
    entries = _current_entries(holders)
    provider = func.coalesce(entries.c.provider, Offer.provider)
    query = (
        select(provider, literal(ENTRIES))
        .select_from(entries)
        .outerjoin(Offer, Offer.id == entries.c.offer_id)
    )
    counts = _count_by(session, query)
    return _table(
        "entries_by_provider",
        "Einträge nach Anbieter",
        "Anbieter",
        sorted({p for p, _ in counts}, key=_unknown_last),
        [ENTRIES],
        counts,
    )


COMPLETION_COLUMNS = ("mit Ergebnis", "ohne Ergebnis")


def _completion_by_kind(session: Session, holders: Any) -> _Counted:
    """Entries of each kind with a result written down (completion) and without."""
    entries = _current_entries(holders)
    has_result = case(
        (and_(entries.c.result.is_not(None), entries.c.result != ""), COMPLETION_COLUMNS[0]),
        else_=COMPLETION_COLUMNS[1],
    )
    counts = _count_by(session, select(entries.c.kind, has_result))
    return _table(
        "completion_by_kind",
        "Abschluss: Einträge mit Ergebnis nach Art",
        "Art",
        sorted({k for k, _ in counts}),
        list(COMPLETION_COLUMNS),
        counts,
    )


def _holders_and_offers(session: Session, holders: Any) -> _Counted:
    """Holders per municipality; the active offers there (public catalogue) in the label."""
    offers: dict[str | None, int] = dict(
        session.execute(
            select(Municipality.name, func.count())
            .select_from(Offer)
            .join(Municipality, Municipality.key == Offer.municipality_key)
            .where(Offer.active.is_(True))
            .group_by(Municipality.name)
        ).all()
    )
    query: Any = (  # Select[Any]; mypy types the columns of this one exactly
        select(Municipality.name, literal(HOLDERS))
        .select_from(holders)
        .outerjoin(Municipality, Municipality.key == holders.c.municipality_key)
    )
    counts = _count_by(session, query)
    names = sorted({row for row, _ in counts}, key=_unknown_last)
    labels = {name: f"{name} ({offers.get(name, 0)} Angebote)" for name in names}
    return _table(
        "holders_and_offers",
        "Passinhaber je Gemeinde und aktive Angebote dort (Angebote ohne Gemeinde nicht "
        "mitgezählt)",
        "Gemeinde (Angebote)",
        [labels[name] for name in names],
        [HOLDERS],
        {(labels[name], column): n for (name, column), n in counts.items()},
        row_keys=names,
    )


LANGUAGE_COURSES = (EntryKind.SPRACHKURS, EntryKind.INTEGRATIONSKURS, EntryKind.BERUFSSPRACHKURS)
WAIT_MONTHS = 6
COURSE_COLUMNS = (f"mit Sprachkurs binnen {WAIT_MONTHS} Monaten", "ohne")


def _months(day: Any) -> Any:
    """A date as a count of months (year × 12 + month), the same in SQLite and PostgreSQL."""
    return extract("year", day) * 12 + extract("month", day)


def _language_course_after_issue(session: Session, holders: Any, made_on: dt.date) -> _Counted:
    """Holders whose pass is at least 6 months old, by municipality: with a language course
    entry starting within 6 calendar months of the month of issue, or without."""
    issued = (
        select(Pass.person_id, func.min(Pass.issued_on).label("issued_on"))
        .where(Pass.status == "active")
        .group_by(Pass.person_id)
        .subquery("issued")
    )
    first_course = (
        select(Pass.person_id, func.min(Entry.start_date).label("start_date"))
        .join(Entry, Entry.pass_id == Pass.id)
        .where(
            Entry.kind.in_([str(kind) for kind in LANGUAGE_COURSES]),
            Entry.action != "cancellation",
        )
        .group_by(Pass.person_id)
        .subquery("first_course")
    )
    # The first course decides: any course within 6 months means the first one is.
    in_time = _months(first_course.c.start_date) - _months(issued.c.issued_on) <= WAIT_MONTHS
    column = case((in_time, COURSE_COLUMNS[0]), else_=COURSE_COLUMNS[1])
    query = (
        select(Municipality.name, column)
        .select_from(holders)
        .join(issued, issued.c.person_id == holders.c.id)
        .outerjoin(first_course, first_course.c.person_id == holders.c.id)
        .outerjoin(Municipality, Municipality.key == holders.c.municipality_key)
        .where(_months(issued.c.issued_on) <= made_on.year * 12 + made_on.month - WAIT_MONTHS)
    )
    counts = _count_by(session, query)
    return _table(
        "language_course_after_issue",
        f"Passinhaber (Pass mindestens {WAIT_MONTHS} Monate alt) mit und ohne Sprachkurs "
        f"binnen {WAIT_MONTHS} Monaten nach Ausstellung, nach Gemeinde",
        "Gemeinde",
        sorted({row for row, _ in counts}, key=_unknown_last),
        list(COURSE_COLUMNS),
        counts,
    )


LITERACY_COLUMNS = {
    Literacy.LATIN: "lateinische Schrift",
    Literacy.OTHER_SCRIPT: "andere Schrift (Alphabetisierung in Latein)",
    Literacy.NONE: "nicht alphabetisiert",
}


def _literacy_by_municipality(session: Session, holders: Any) -> _Counted:
    """Literacy from the learner profile: the two right columns need literacy courses."""
    literacy = holders.c.learner_profile["literacy"].as_string()
    query = (
        select(Municipality.name, literacy)
        .select_from(holders)
        .outerjoin(Municipality, Municipality.key == holders.c.municipality_key)
    )
    counts = {
        (row, LITERACY_COLUMNS.get(Literacy(column), column) if column != UNKNOWN else UNKNOWN): n
        for (row, column), n in _count_by(session, query).items()
    }
    return _table(
        "literacy_by_municipality",
        "Passinhaber nach Lesen und Schreiben (Lernprofil), nach Gemeinde",
        "Gemeinde",
        sorted({row for row, _ in counts}, key=_unknown_last),
        [*LITERACY_COLUMNS.values(), UNKNOWN],
        counts,
    )


ARRANGEMENT_TITLES = {
    Arrangement.CHILDCARE: "mit Kinderbetreuung",
    Arrangement.EVENING: "am Abend",
    Arrangement.PART_TIME: "in Teilzeit",
}


def _arrangement_by_municipality(
    session: Session, holders: Any, arrangement: Arrangement
) -> _Counted:
    """Holders who need courses held that way (learner profile), by municipality."""
    # The profile's JSON text holds the arrangement as a quoted word of a fixed list that
    # no other field of the profile uses: a text match works alike in SQLite and PostgreSQL.
    text = func.coalesce(cast(holders.c.learner_profile, String), "")
    wanted = case((text.contains(f'"{arrangement}"'), "ja"), else_="nein oder unbekannt")
    query = (
        select(Municipality.name, wanted)
        .select_from(holders)
        .outerjoin(Municipality, Municipality.key == holders.c.municipality_key)
    )
    counts = _count_by(session, query)
    return _table(
        f"needs_{arrangement.name.lower()}",
        f"Passinhaber, die Kurse {ARRANGEMENT_TITLES[arrangement]} brauchen (Lernprofil), "
        "nach Gemeinde",
        "Gemeinde",
        sorted({row for row, _ in counts}, key=_unknown_last),
        ["ja", "nein oder unbekannt"],
        counts,
    )


LEVEL_ROWS = (*(level.value for level in GermanLevel), UNKNOWN)
COURSE_WISH_COLUMNS = (
    "wünscht Deutschkurs, ohne Kurseintrag ab der nächsten Stufe",
    "wünscht Deutschkurs, mit Kurseintrag ab der nächsten Stufe",
    "kein Deutschkurs gewünscht oder kein Lernprofil",
)


def _level_by_course_wish(session: Session, holders: Any) -> _Counted:
    """Holders by highest documented German level (profile's overall assessments and passed
    exams, the rule of ``domain.profile.highest_documented_level``) and whether they wish a
    language course and already have a course entry at the next level or higher.

    The columns split the holders (the row total is the holders at that level): "holders at
    A2 who want a course and have no B1 course entry" is the first column of row A2.
    """
    documented = _highest_level(session, holders)
    entries = _current_entries(holders)
    course_kinds = [str(kind) for kind in LANGUAGE_COURSES]
    # A broken-off course no longer covers the wish; a course without a level cannot
    # tell which step it is. CEFR texts A0 < A1 < … < C2 compare as strings.
    courses = (
        select(entries.c.person_id, func.max(Entry.level).label("level"))
        .join(Entry, Entry.id == entries.c.id)
        .where(
            entries.c.kind.in_(course_kinds),
            or_(entries.c.status.is_(None), entries.c.status != EntryStatus.ABGEBROCHEN.value),
        )
        .group_by(entries.c.person_id)
        .subquery("top_course")
    )
    # The step above the documented level; C2 has none (a C2 course covers it); with no
    # level documented any course from A1 up does.
    next_level = case(
        *[(documented.c.level == low.value, high.value) for low, high in pairwise(GermanLevel)],
        (documented.c.level == GermanLevel.C2.value, GermanLevel.C2.value),
        else_=GermanLevel.A1.value,
    )
    text = func.coalesce(cast(holders.c.learner_profile, String), "")
    wishes_course = or_(*(text.contains(f'"{kind}"') for kind in course_kinds))
    column_ = case(
        (~wishes_course, COURSE_WISH_COLUMNS[2]),
        (courses.c.level >= next_level, COURSE_WISH_COLUMNS[1]),
        else_=COURSE_WISH_COLUMNS[0],
    )
    query = (
        select(documented.c.level, column_)
        .select_from(holders)
        .join(documented, documented.c.person_id == holders.c.id)
        .outerjoin(courses, courses.c.person_id == holders.c.id)
    )
    return _table(
        "level_by_course_wish",
        "Passinhaber nach höchstem belegtem Deutschniveau (Einstufung im Lernprofil oder "
        "bestandene Prüfung) und Wunsch nach einem Deutschkurs (Sprach-, Integrations- oder "
        "Berufssprachkurs; abgebrochene Kurse zählen nicht)",
        "Deutschniveau",
        LEVEL_ROWS,
        COURSE_WISH_COLUMNS,
        _count_by(session, query),
    )


def _highest_level(session: Session, holders: Any) -> Any:
    """(person_id, level) for every holder: the highest CEFR level of the profile's overall
    assessments and the passed exams (``pruefung``, abgeschlossen, with a level; current
    entries only, as ``services.profile.passed_exams``); NULL when nothing is documented."""
    elements = _json_array(session, holders.c.learner_profile, "assessments")
    skill = func.coalesce(elements.c.value["skill"].as_string(), Skill.OVERALL.value)
    assessed = (
        select(holders.c.id.label("person_id"), func.max(elements.c.value["level"].as_string()))
        .select_from(holders)
        .join(elements, true())
        .where(skill == Skill.OVERALL.value)
        .group_by(holders.c.id)
        .subquery("assessed")
    )
    # The current entries carry no level: joined back to the entry by its key.
    entries = _current_entries(holders)
    exams = (
        select(entries.c.person_id, func.max(Entry.level).label("level"))
        .join(Entry, Entry.id == entries.c.id)
        .where(
            entries.c.kind == EntryKind.PRUEFUNG.value,
            entries.c.status == EntryStatus.ABGESCHLOSSEN.value,
            Entry.level.is_not(None),
        )
        .group_by(entries.c.person_id)
        .subquery("exam")
    )
    mine, exam = assessed.c[1], exams.c.level
    best = case(
        (exam.is_(None), mine),
        (mine.is_(None), exam),
        (exam > mine, exam),
        else_=mine,
    )
    return (
        select(holders.c.id.label("person_id"), best.label("level"))
        .select_from(holders)
        .outerjoin(assessed, assessed.c.person_id == holders.c.id)
        .outerjoin(exams, exams.c.person_id == holders.c.id)
        .subquery("documented_level")
    )


def _json_array(session: Session, document: Any, key: str) -> Any:
    """The elements of the JSON array ``document[key]`` as a table with a JSON column
    ``value``: the one place where the two databases need different SQL.

    Anything but an array gives no rows: an imported profile is stored as it came once it
    parses, and ``"assessments": null`` (or "" or 0) parses as no assessments, while both
    databases' functions fail on it."""
    if session.get_bind().dialect.name == "postgresql":
        array = case((func.json_typeof(document[key]) == "array", document[key]))
        rows = func.json_array_elements(array)
    else:
        path = f"$.{key}"
        array = case((func.json_type(document, path) == "array", document))
        rows = func.json_each(array, path)
    return rows.table_valued(column("value", JSON))


# --- building a table --------------------------------------------------------------------


def _count_by(session: Session, query: Select[Any]) -> dict[tuple[str, str], int]:
    """Counts of the (row, column) pairs ``query`` selects, grouped in the database.

    The two expressions are grouped as columns of a subquery: PostgreSQL does not see that
    an expression with bound parameters in SELECT is the same as in GROUP BY.
    """
    pairs = query.subquery("pair")
    row, column = pairs.c
    grouped = select(row, column, func.count()).group_by(row, column)
    return {(_label(r), _label(c)): int(n) for r, c, n in session.execute(grouped)}


def _label(value: object) -> str:
    return UNKNOWN if value is None or value == "" else str(value)


def _unknown_last(label: str) -> tuple[bool, str]:
    return (label == UNKNOWN, label)


# Totals that several tables publish, by table key (a table added here later joins by its
# key): the holders per municipality are the row totals of the municipality tables (rows
# matched by the municipality's name), all holders the grand total of every holder table;
# likewise the entries per kind and all entries. The level table's rows are levels, its
# grand total all holders (one documented level or none each). The language-course table counts only
# holders whose pass is 6 months old: its totals are other numbers.
BY_MUNICIPALITY = (
    "holders_by_municipality_age",
    "literacy_by_municipality",
    "needs_childcare",
    "needs_evening",
    "holders_and_offers",
)
BY_KIND = ("entries_by_kind_month", "completion_by_kind")
COMMON_TOTALS: dict[str, Margins] = {
    **{key: Margins(total=HOLDERS, rows="Gemeinde") for key in BY_MUNICIPALITY},
    "holders_by_arrival_year": Margins(total=HOLDERS),
    "holders_by_nationality": Margins(total=HOLDERS),
    "level_by_course_wish": Margins(total=HOLDERS),
    **{key: Margins(total=ENTRIES, rows="Art") for key in BY_KIND},
    "entries_by_provider": Margins(total=ENTRIES),
}


@dataclass(frozen=True)
class _Counted:
    """A table before suppression: never leaves this module."""

    key: str
    title: str
    row_label: str
    row_labels: tuple[str, ...]
    row_keys: tuple[str, ...]
    column_labels: tuple[str, ...]
    grid: list[list[int]]


def _table(
    key: str,
    title: str,
    row_label: str,
    rows: Sequence[str],
    columns: Sequence[str],
    counts: dict[tuple[str, str], int],
    row_keys: Sequence[str] = (),
) -> _Counted:
    """The counts as a table; an empty result is one row of zeros (shown "<5").

    ``row_keys`` name the rows where the labels say more (default: the labels)."""
    rows = list(rows) or [NO_ROWS]
    columns = list(columns) or ["Anzahl"]
    return _Counted(
        key=key,
        title=title,
        row_label=row_label,
        row_labels=tuple(rows),
        row_keys=tuple(row_keys or rows),
        column_labels=tuple(columns),
        grid=[[counts.get((row, column), 0) for column in columns] for row in rows],
    )


def _suppressed(counted: Sequence[_Counted]) -> tuple[DemandTable, ...]:
    """All tables suppressed together: no total shared by two of them gives a cell away."""
    linked = {}
    for table in counted:
        margins = COMMON_TOTALS.get(table.key, Margins())
        if margins.rows is not None:
            margins = Margins(margins.total, margins.rows, table.row_keys)
        linked[table.key] = LinkedTable(table.grid, margins)
    suppressed = suppress_linked(linked)
    return tuple(
        DemandTable(
            key=table.key,
            title=table.title,
            row_label=table.row_label,
            row_labels=table.row_labels,
            column_labels=table.column_labels,
            table=suppressed[table.key],
        )
        for table in counted
    )
