"""The learner profile travels with the person, also without consent (without identity)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.entries import CefrLevel, EntryKind, EntryStatus
from passapp.domain.profile import Assessment, Basis, GermanLevel, LearnerProfile, Literacy
from passapp.models.entities import Person
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.erasure import anonymous_person_payload
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.profile import learner_profile, set_learner_profile
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.sync_limits import BadValue, payload_specs, sanitised

PROFILE = LearnerProfile(
    assessments=(Assessment(GermanLevel.A2, Basis.CERTIFICATE, PartialDate(2026, 5, 1)),),
    literacy=Literacy.OTHER_SCRIPT,
    school_years=6,
)


def _register(ctx: ServiceContext, family: str, consent: bool) -> uuid.UUID:
    data = PersonInput(
        family_names=family,
        given_names="Rana",
        birth_date=PartialDate(1991, 3, 4),
        arrival_date=PartialDate(2025, 9, 1),
        consent=consent,
        consent_notice_version="2026-11",
        profile=PROFILE,
    )
    return register_person(data=data, ctx=ctx).person.id


def test_profile_reaches_the_district_with_and_without_consent(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    named = _register(office_ctx, "Haddad", consent=True)
    anonymous = _register(office_ctx, "Nasser", consent=False)
    bundle = tmp_path / "office.passapp"
    export_bundles(office_ctx, bundle, None)
    import_bundle(district_ctx, bundle)

    full = learner_profile(district_ctx, named)
    assert full.profile == PROFILE
    cut = learner_profile(district_ctx, anonymous)
    assert cut.profile.literacy == Literacy.OTHER_SCRIPT
    assert cut.profile.assessments[0].on == PartialDate(2026)
    assert cut.highest_level is not None
    assert cut.highest_level.level == GermanLevel.A2
    with district_ctx.db.reading() as session:
        person = session.get(Person, anonymous)
        assert person is not None
        assert person.family_names == ""


def test_a_later_edit_of_the_profile_travels(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    person_id = _register(office_ctx, "Haddad", consent=True)
    export_bundles(office_ctx, tmp_path / "1.passapp", None)
    import_bundle(district_ctx, tmp_path / "1.passapp")
    set_learner_profile(office_ctx, person_id, LearnerProfile(literacy=Literacy.LATIN))
    export_bundles(office_ctx, tmp_path / "2.passapp", None)
    import_bundle(district_ctx, tmp_path / "2.passapp")
    view = learner_profile(district_ctx, person_id)
    assert view.profile == LearnerProfile(literacy=Literacy.LATIN)


def test_the_anonymous_payload_keeps_the_profile_with_dates_to_the_year() -> None:
    payload = {"birth_year": 1991, "learner_profile": PROFILE.to_json(), "family_names": "X"}
    kept = anonymous_person_payload(payload)["learner_profile"]
    assert kept["assessments"][0]["on"] == "2026-00-00"
    assert kept["school_years"] == 6


def _person_record(profile: object) -> dict[str, object]:
    return {"type": "change", "entity_type": "person", "payload": {"learner_profile": profile}}


def test_a_bundle_with_a_readable_profile_keeps_it() -> None:
    specs = payload_specs("person", Person)
    clean, _ = sanitised(_person_record(PROFILE.to_json()), specs, frozenset())
    assert clean["payload"]["learner_profile"] == PROFILE.to_json()


@pytest.mark.parametrize(
    "bad", [{"literacy": "x" * 50}, {"school_years": 99}, ["A1"], {"languages": ["a" * 9000]}]
)
def test_a_bundle_with_a_profile_outside_the_lists_is_refused(bad: object) -> None:
    with pytest.raises(BadValue):
        sanitised(_person_record(bad), payload_specs("person", Person), frozenset())


def test_only_the_registering_office_edits_the_profile(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    person_id = _register(office_ctx, "Haddad", consent=True)
    export_bundles(office_ctx, tmp_path / "1.passapp", None)
    import_bundle(district_ctx, tmp_path / "1.passapp")
    with pytest.raises(Refused) as refused:
        set_learner_profile(district_ctx, person_id, LearnerProfile())
    assert "nur dort" in refused.value.message_de
    assert learner_profile(district_ctx, person_id).profile == PROFILE


def test_an_exam_entry_that_arrives_raises_the_level_at_the_district(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    person_id = _register(office_ctx, "Nasser", consent=False)
    number = issue_pass(office_ctx, person_id).pass_number
    exam = EntryInput(
        kind=EntryKind.PRUEFUNG,
        start_date=dt.date(2026, 7, 1),
        status=EntryStatus.ABGESCHLOSSEN,
        level=CefrLevel.B1,
    )
    add_entry(office_ctx, number, exam)
    export_bundles(office_ctx, tmp_path / "1.passapp", None)
    import_bundle(district_ctx, tmp_path / "1.passapp")
    best = learner_profile(district_ctx, person_id).highest_level
    assert best is not None
    assert (best.level, best.from_exam) == (GermanLevel.B1, True)
