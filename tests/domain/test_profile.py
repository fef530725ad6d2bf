"""The learner profile's rules: highest documented level, parsing, the anonymous form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    InvalidProfileError,
    LearnerProfile,
    Literacy,
    Recognition,
    Skill,
    Training,
    TrainingKind,
    highest_documented_level,
    profile_from_json,
)

dates = st.builds(
    PartialDate,
    st.integers(2000, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
)
assessments = st.builds(
    Assessment, st.sampled_from(GermanLevel), st.sampled_from(Basis), dates, st.sampled_from(Skill)
)
exams = st.tuples(st.sampled_from(GermanLevel), dates)


@settings(derandomize=True, max_examples=300)
@given(st.lists(assessments, max_size=8), st.lists(exams, max_size=3))
def test_highest_level_is_never_below_any_overall_assessment_or_exam(found, passed):
    best = highest_documented_level(found, passed)
    overall = [a for a in found if a.skill == Skill.OVERALL]
    if not overall and not passed:
        assert best is None
        return
    assert best is not None
    levels = [a.level.rank for a in overall] + [level.rank for level, _ in passed]
    assert best.level.rank == max(levels)
    # At the level reached, no other documentation is stronger.
    same_level = [a.basis.rank for a in overall if a.level == best.level]
    same_level += [Basis.CERTIFICATE.rank for level, _ in passed if level == best.level]
    assert best.basis.rank == max(same_level)


@settings(derandomize=True)
@given(st.lists(assessments, max_size=8), exams)
def test_a_passed_exam_never_lowers_the_level(found, exam):
    before = highest_documented_level(found, [])
    after = highest_documented_level(found, [exam])
    assert after is not None
    assert before is None or after.level.rank >= before.level.rank


def test_a_certificate_outranks_self_assessment_at_the_same_level():
    day = PartialDate(2026, 5, 1)
    later = PartialDate(2026, 6, 1)
    found = [
        Assessment(GermanLevel.B1, Basis.CERTIFICATE, day),
        Assessment(GermanLevel.B1, Basis.SELF_ASSESSED, later),
    ]
    best = highest_documented_level(found, [])
    assert best is not None
    assert best.basis == Basis.CERTIFICATE


def test_a_higher_self_assessment_outranks_a_lower_certificate_and_says_so():
    day = PartialDate(2026, 5, 1)
    found = [
        Assessment(GermanLevel.A2, Basis.CERTIFICATE, day),
        Assessment(GermanLevel.B1, Basis.SELF_ASSESSED, day),
    ]
    best = highest_documented_level(found, [])
    assert best is not None
    assert (best.level, best.basis) == (GermanLevel.B1, Basis.SELF_ASSESSED)


def test_per_skill_levels_do_not_make_the_overall_level():
    speaking = Assessment(GermanLevel.B2, Basis.TESTED, PartialDate(2026, 1, 1), Skill.SPRECHEN)
    assert highest_documented_level([speaking], []) is None


def test_an_exam_raises_the_level_and_counts_as_certificate():
    found = [Assessment(GermanLevel.A2, Basis.TESTED, PartialDate(2026, 1, 1))]
    best = highest_documented_level(found, [(GermanLevel.B1, PartialDate(2026, 7, 1))])
    assert best is not None
    assert (best.level, best.basis, best.from_exam) == (GermanLevel.B1, Basis.CERTIFICATE, True)


def full_profile() -> LearnerProfile:
    return LearnerProfile(
        assessments=(Assessment(GermanLevel.A0, Basis.SELF_ASSESSED, PartialDate(2026, 3, 14)),),
        literacy=Literacy.OTHER_SCRIPT,
        school_years=9,
        training=Training(TrainingKind.VOCATIONAL, "SYR", Recognition.SOUGHT),
        wished_kinds=frozenset({EntryKind.SPRACHKURS}),
        arrangements=frozenset({Arrangement.EVENING, Arrangement.CHILDCARE}),
        languages=("ar", "ku"),
    )


def test_json_round_trip_keeps_every_value():
    profile = full_profile()
    assert profile_from_json(profile.to_json()) == profile


def test_the_anonymous_form_keeps_only_the_year_of_a_date():
    anonymous = full_profile().anonymous()
    assert anonymous.assessments[0].on == PartialDate(2026)
    assert anonymous.literacy == Literacy.OTHER_SCRIPT


@pytest.mark.parametrize(
    ("data", "german"),
    [
        ({"literacy": "klingon"}, "Alphabetisierung"),
        (
            {"assessments": [{"level": "D1", "basis": "tested", "on": "2026-01-01"}]},
            "Deutschniveau",
        ),
        ({"wished_kinds": ["tanzkurs"]}, "Wunsch"),
        ({"school_years": 40}, "Schuljahre"),
        ({"school_years": "viele"}, "ganze Zahl"),
    ],
)
def test_bad_values_are_refused_with_a_german_message(data, german):
    with pytest.raises(InvalidProfileError) as refused:
        profile_from_json(data)
    assert german in refused.value.message_de
