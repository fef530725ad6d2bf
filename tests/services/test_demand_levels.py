"""Demand figures, highest documented German level × wish of a language course: hand counts
on a small district built through the services (profiles, passed exams raising a level,
corrections and cancellations), on SQLite and PostgreSQL, and the same levels as the
learner profile's own rule shows for every holder."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.domain.profile import (
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Skill,
    profile_from_json,
)
from passapp.models.entities import Person
from passapp.services.context import ServiceContext
from passapp.services.demand import (
    COURSE_WISH_COLUMNS,
    LEVEL_ROWS,
    UNKNOWN,
    DemandFilters,
    demand_report,
)
from passapp.services.entries import EntryInput, add_entry
from passapp.services.passes import issue_pass, revoke_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.profile import learner_profile
from passapp.services.trust import init_district
from tests.conftest import make_url_context
from tests.services.test_demand import counts, table

UNMET, MET, NO_WISH = COURSE_WISH_COLUMNS
DAY = dt.date(2026, 3, 2)


def assessed(
    level: str, basis: Basis = Basis.SELF_ASSESSED, skill: Skill = Skill.OVERALL
) -> Assessment:
    return Assessment(GermanLevel(level), basis, PartialDate(2026, 2), skill)


def wanting(*kinds: EntryKind, levels: tuple[Assessment, ...] = ()) -> LearnerProfile:
    return LearnerProfile(assessments=levels, wished_kinds=frozenset(kinds))


def course(kind: EntryKind, level: str, status: EntryStatus | None = None) -> EntryInput:
    return EntryInput(kind=kind, start_date=DAY, level=CefrLevel(level), status=status)


def exam(level: str, status: EntryStatus = EntryStatus.ABGESCHLOSSEN) -> EntryInput:
    return EntryInput(
        kind=EntryKind.PRUEFUNG,
        start_date=DAY,
        end_date=DAY if status == EntryStatus.ABGESCHLOSSEN else None,
        status=status,
        level=CefrLevel(level),
        result="bestanden",
    )


@dataclass
class District:
    ctx: ServiceContext
    holders: list[uuid.UUID] = field(default_factory=list)
    count: int = 0

    def holder(self, profile: LearnerProfile | None, *entries: EntryInput) -> str:
        self.count += 1
        person = register_person(
            self.ctx,
            PersonInput(
                family_names=f"Niveau {chr(64 + self.count)}",
                given_names="Test",
                birth_date=PartialDate.parse("1990-01-01"),
                moved_from_abroad=True,
                municipality="Dachau",
                profile=profile,
            ),
        ).person
        number = issue_pass(self.ctx, person.id).pass_number
        for entry in entries:
            add_entry(self.ctx, number, entry)
        self.holders.append(person.id)
        return number


def build(ctx: ServiceContext) -> District:
    """The expected counts are in ``EXPECTED``; each holder's line says where it goes."""
    d = District(ctx)
    a2 = (assessed("A2"),)
    sprachkurs = wanting(EntryKind.SPRACHKURS, levels=a2)
    # A2 and wishing: two with a B1 course (covered), one broke the B1 course off, one
    # has an A2 course only, two have nothing: 4 without, 2 with a next-level course.
    d.holder(sprachkurs, course(EntryKind.SPRACHKURS, "B1"))
    d.holder(sprachkurs, course(EntryKind.INTEGRATIONSKURS, "B2", EntryStatus.BEGONNEN))
    d.holder(sprachkurs, course(EntryKind.SPRACHKURS, "B1", EntryStatus.ABGEBROCHEN))
    d.holder(sprachkurs, course(EntryKind.INTEGRATIONSKURS, "A2"))
    d.holder(sprachkurs)
    d.holder(wanting(EntryKind.INTEGRATIONSKURS, EntryKind.BERATUNG, levels=a2))
    # No profile, a passed A2 exam: A2, no wish.
    d.holder(None, exam("A2"))
    # Assessed A1, a passed B1 exam raises the level to B1: one wishes a Berufssprachkurs
    # and has a B2 one (covered), one wishes nothing.
    d.holder(
        wanting(EntryKind.BERUFSSPRACHKURS, levels=(assessed("A1"),)),
        exam("B1"),
        course(EntryKind.BERUFSSPRACHKURS, "B2", EntryStatus.ANGEMELDET),
    )
    d.holder(wanting(levels=(assessed("A1"),)), exam("B1"))
    # An exam not (yet) passed does not count: A1, wishing, nothing booked.
    d.holder(
        wanting(EntryKind.INTEGRATIONSKURS, levels=(assessed("A1"),)),
        exam("B2", EntryStatus.BEGONNEN),
    )
    # A higher assessment outranks a lower certificate: B2 (tested) with a B1 exam.
    d.holder(wanting(levels=(assessed("B2", Basis.TESTED),)), exam("B1"))
    # A level per skill is no overall level: unknown; wishing, an A1 course covers it.
    d.holder(
        wanting(EntryKind.SPRACHKURS, levels=(assessed("B1", skill=Skill.SPRECHEN),)),
        course(EntryKind.SPRACHKURS, "A1"),
    )
    # A passed exam that was cancelled leaves the level unknown.
    cancelled = d.holder(None)
    wrong = add_entry(ctx, cancelled, exam("B2"))
    add_entry(
        ctx,
        cancelled,
        EntryInput(
            kind=EntryKind.PRUEFUNG,
            start_date=DAY,
            action=Action.CANCELLATION,
            refers_to=wrong.id,
        ),
    )
    # An A2 exam corrected to B1: B1.
    corrected = d.holder(None)
    typo = add_entry(ctx, corrected, exam("A2"))
    fixed = exam("B1")
    add_entry(
        ctx,
        corrected,
        EntryInput(**{**fixed.__dict__, "action": Action.CORRECTION, "refers_to": typo.id}),
    )
    # Not a holder (pass revoked): not counted anywhere.
    revoke_pass(ctx, d.holder(sprachkurs), "Wegzug aus dem Landkreis")
    d.holders.pop()
    return d


EXPECTED = {
    ("A1", UNMET): 1,
    ("A2", UNMET): 4,
    ("A2", MET): 2,
    ("A2", NO_WISH): 1,
    ("B1", MET): 1,
    ("B1", NO_WISH): 2,
    ("B2", NO_WISH): 1,
    (UNKNOWN, MET): 1,
    (UNKNOWN, NO_WISH): 1,
}


@pytest.fixture
def district(any_db_url: str, tmp_path: Path) -> Iterator[District]:
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    yield build(ctx)
    ctx.db.dispose()


def test_level_by_course_wish_equals_hand_counts(district: District) -> None:
    report = demand_report(district.ctx, DemandFilters())
    levels = table(report, "level_by_course_wish")
    assert levels.row_labels == LEVEL_ROWS
    assert levels.column_labels == COURSE_WISH_COLUMNS
    assert counts(levels) == EXPECTED
    # The columns split the holders: the row totals are the holders per level.
    assert levels.table.grand_total.count == len(district.holders) == 14


def test_levels_are_the_profiles_own_highest_documented_level(district: District) -> None:
    """Every holder's row is the level the person's profile view shows (the domain rule)."""
    by_rule = Counter(
        UNKNOWN
        if (best := learner_profile(district.ctx, pid).highest_level) is None
        else best.level.value
        for pid in district.holders
    )
    levels = table(demand_report(district.ctx, DemandFilters()), "level_by_course_wish")
    row_totals = {
        row: total.count
        for row, total in zip(levels.row_labels, levels.table.row_totals, strict=True)
        if total.count
    }
    assert row_totals == dict(by_rule)


def test_small_cells_of_the_level_table_are_hidden(district: District) -> None:
    levels = table(demand_report(district.ctx, DemandFilters()), "level_by_course_wish")
    cells = [cell for row in levels.table.grid() for cell in row]
    assert all(cell.count >= 5 or cell.suppressed for cell in cells)
    assert levels.table.grand_total.text == "14"


@pytest.mark.parametrize("odd", [None, "", 0, {}])
def test_a_profile_without_a_list_of_assessments_counts_as_unknown(
    any_db_url: str, tmp_path: Path, odd: object
) -> None:
    """The import accepts what ``profile_from_json`` parses and stores it as it came: an
    office's bundle may hold ``"assessments": null`` (or "" or 0), which parses as no
    assessments; the report must count such a holder as "unbekannt", not fail."""
    stored = {"assessments": odd, "wished_kinds": ["sprachkurs"]}
    assert profile_from_json(stored) == wanting(EntryKind.SPRACHKURS)
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    try:
        init_district(ctx, name="Landkreis Dachau", code="LRADAH")
        district = District(ctx)
        district.holder(wanting(EntryKind.SPRACHKURS, levels=(assessed("A2"),)))
        district.holder(None)
        with ctx.db.transaction() as session:
            # What the import writes for such a person (its JSON exactly as it arrived).
            session.get_one(Person, district.holders[-1]).learner_profile = stored
        levels = table(demand_report(ctx, DemandFilters()), "level_by_course_wish")
        assert counts(levels) == {("A2", UNMET): 1, (UNKNOWN, UNMET): 1}
    finally:
        ctx.db.dispose()
