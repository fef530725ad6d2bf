"""The learner profile when the district merges two records (issue 11, item 5): the survivor
keeps its values, gains what only the duplicate knew, keeps the assessments of both, and
its registering office receives the united profile and goes on editing it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.dates import PartialDate
from passapp.domain.entries import CefrLevel, EntryKind, EntryStatus
from passapp.domain.profile import (
    MAX_ASSESSMENTS,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    Situation,
    Skill,
    highest_documented_level,
    united,
)
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.merges import merge_people
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.profile import learner_profile, set_learner_profile
from passapp.services.sync import export_bundles, import_bundle, list_conflicts
from tests.conftest import enrol, make_context

B1_CERTIFICATE = Assessment(GermanLevel.B1, Basis.CERTIFICATE, PartialDate(2025, 6, 30))
A2_SELF = Assessment(GermanLevel.A2, Basis.SELF_ASSESSED, PartialDate(2026, 1, 15))
# At the office: the duplicate, with what the jobcenter never asked.
AT_OFFICE = LearnerProfile(assessments=(B1_CERTIFICATE,), literacy=Literacy.LATIN, school_years=10)
# At the jobcenter: the record that survives.
AT_JOBCENTER = LearnerProfile(assessments=(A2_SELF,), school_years=8, situation=Situation.LOOKING)


@pytest.fixture
def jobcenter(district_ctx: ServiceContext, tmp_path: Path) -> Iterator[ServiceContext]:
    folder = tmp_path / "jobcenter"
    folder.mkdir()
    ctx = make_context(folder / "jc.sqlite3", clerk="jc")
    init_office(ctx, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Dachau")
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


def register(ctx: ServiceContext, given_names: str, profile: LearnerProfile) -> uuid.UUID:
    data = PersonInput(
        family_names="Haddad",
        given_names=given_names,
        birth_date=PartialDate(1994, 5, 17),
        moved_from_abroad=True,
        consent=True,
        consent_notice_version="2026-11",
        profile=profile,
    )
    return register_person(ctx, data).person.id


def deliver(
    sender: ServiceContext, recipient: ServiceContext, path: Path, to: str | None = None
) -> None:
    export_bundles(sender, path, to)
    import_bundle(recipient, path)


def test_the_survivor_keeps_its_values_and_gains_the_duplicates_through_a_sync_round(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    duplicate = register(office_ctx, "Omar", AT_OFFICE)
    survivor = register(jobcenter, "Omar Khaled", AT_JOBCENTER)
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    deliver(jobcenter, district_ctx, tmp_path / "jc-1.passapp")

    merge_people(district_ctx, duplicate, survivor, "gleicher Ausweis, zweimal erfasst")

    expected = LearnerProfile(
        assessments=(A2_SELF, B1_CERTIFICATE),
        literacy=Literacy.LATIN,  # only the office knew it
        school_years=8,  # the survivor's own value stays
        situation=Situation.LOOKING,
    )
    at_district = learner_profile(district_ctx, survivor)
    assert at_district.profile == expected
    assert at_district.highest_level is not None
    assert (at_district.highest_level.level, at_district.highest_level.basis) == (
        GermanLevel.B1,
        Basis.CERTIFICATE,
    )
    # The jobcenter, which owns the survivor, receives the united profile ...
    deliver(district_ctx, jobcenter, tmp_path / "lra-jc.passapp", "JCDAH")
    assert learner_profile(jobcenter, survivor).profile == expected
    # ... the office that had the duplicate finds it on the survivor, too ...
    deliver(district_ctx, office_ctx, tmp_path / "lra-ew.passapp", "EWDAH")
    assert learner_profile(office_ctx, survivor).profile == expected
    # ... and the jobcenter's next edit builds on it and reaches the district whole.
    tested = Assessment(GermanLevel.B2, Basis.TESTED, PartialDate(2026, 11, 2))
    set_learner_profile(
        jobcenter,
        survivor,
        LearnerProfile(**{**_fields(expected), "assessments": (*expected.assessments, tested)}),
    )
    deliver(jobcenter, district_ctx, tmp_path / "jc-2.passapp")
    final = learner_profile(district_ctx, survivor).profile
    assert final.assessments == (A2_SELF, B1_CERTIFICATE, tested)
    assert final.literacy == Literacy.LATIN
    assert list_conflicts(district_ctx) == []
    assert list_conflicts(jobcenter) == []


def _fields(profile: LearnerProfile) -> dict[str, object]:
    return {name: getattr(profile, name) for name in LearnerProfile.__slots__}


def test_an_exam_on_the_duplicates_pass_raises_the_survivors_level(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    duplicate = register(office_ctx, "Omar", LearnerProfile())
    survivor = register(jobcenter, "Omar Khaled", AT_JOBCENTER)
    number = issue_pass(office_ctx, duplicate).pass_number
    exam = EntryInput(
        EntryKind.PRUEFUNG,
        dt.date(2026, 10, 20),
        level=CefrLevel.B1,
        status=EntryStatus.ABGESCHLOSSEN,
    )
    add_entry(office_ctx, number, exam)
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    deliver(jobcenter, district_ctx, tmp_path / "jc-1.passapp")
    before = learner_profile(district_ctx, survivor).highest_level
    assert before is not None
    assert before.level == GermanLevel.A2

    merge_people(district_ctx, duplicate, survivor, "zweimal erfasst")

    after = learner_profile(district_ctx, survivor).highest_level
    assert after is not None
    assert (after.level, after.from_exam) == (GermanLevel.B1, True)


LEVELS = st.sampled_from(list(GermanLevel))
ASSESSMENTS = st.builds(
    Assessment,
    LEVELS,
    st.sampled_from(list(Basis)),
    st.builds(PartialDate, st.integers(2020, 2026), st.integers(1, 12), st.integers(1, 28)),
    st.sampled_from(list(Skill)),
)
PROFILES = st.builds(
    LearnerProfile,
    assessments=st.lists(ASSESSMENTS, max_size=MAX_ASSESSMENTS).map(tuple),
    literacy=st.one_of(st.none(), st.sampled_from(list(Literacy))),
    school_years=st.one_of(st.none(), st.integers(0, 12)),
    situation=st.one_of(st.none(), st.sampled_from(list(Situation))),
)


@settings(derandomize=True, max_examples=200)
@given(PROFILES, PROFILES)
def test_united_keeps_values_fills_gaps_and_the_highest_level(
    kept: LearnerProfile, other: LearnerProfile
) -> None:
    merged = united(kept, other)
    assert len(merged.assessments) <= MAX_ASSESSMENTS
    for name in ("literacy", "school_years", "situation"):
        mine = getattr(kept, name)
        assert getattr(merged, name) == (mine if mine is not None else getattr(other, name))
    everything = (*kept.assessments, *other.assessments)
    assert highest_documented_level(merged.assessments, ()) == highest_documented_level(
        everything, ()
    )
    assert united(merged, other) == merged  # merging the same duplicate again changes nothing
