"""Possible duplicates at the district (issue 11, item 5): pairs across offices found through
the name keys, with score and reasons; what may not be listed is not; a dismissed pair
stays dismissed; a merged one is gone."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.domain.duplicates import Reason
from passapp.domain.entries import EntryKind
from passapp.models.entities import AuditEvent
from passapp.services.context import ServiceContext
from passapp.services.duplicates import dismiss_pair, possible_duplicates
from passapp.services.entries import EntryInput, add_entry
from passapp.services.erasure import erase_person
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.merges import merge_people
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import init_district
from tests.conftest import enrol, make_context, make_url_context


@pytest.fixture
def jobcenter(district_ctx: ServiceContext, tmp_path: Path) -> Iterator[ServiceContext]:
    folder = tmp_path / "jobcenter"
    folder.mkdir()
    ctx = make_context(folder / "jc.sqlite3", clerk="jc")
    init_office(ctx, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Dachau")
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


def person(
    family: str,
    given: str,
    born: str,
    *,
    sex: str | None = "m",
    consent: bool = True,
    original: tuple[str, str] | None = None,
) -> PersonInput:
    return PersonInput(
        family_names=family,
        given_names=given,
        family_names_original=original[0] if original else None,
        given_names_original=original[1] if original else None,
        birth_date=PartialDate.parse(born),
        sex=sex,
        moved_from_abroad=True,
        nationalities=("SYR",),
        consent=consent,
        consent_notice_version="2026-11" if consent else None,
    )


def register(ctx: ServiceContext, data: PersonInput) -> uuid.UUID:
    return register_person(ctx, data).person.id


def to_district(offices: list[ServiceContext], district: ServiceContext, folder: Path) -> None:
    for number, office in enumerate(offices):
        bundle = folder / f"to-district-{uuid.uuid4().hex[:8]}-{number}.passapp"
        export_bundles(office, bundle)
        import_bundle(district, bundle)


def pair_ids(ctx: ServiceContext) -> list[set[uuid.UUID]]:
    return [{p.first.id, p.second.id} for p in possible_duplicates(ctx).pairs]


def test_the_same_man_at_two_offices_is_listed_with_reasons_and_details(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    at_office = register(office_ctx, person("Haddad", "Mohammed", "1994-05-17"))
    at_jobcenter = register(jobcenter, person("Haddad", "Mohamed Omar", "1994-05-00"))
    number = issue_pass(office_ctx, at_office).pass_number
    add_entry(office_ctx, number, EntryInput(EntryKind.BERATUNG, dt.date(2026, 11, 3)))
    add_entry(office_ctx, number, EntryInput(EntryKind.BERATUNG, dt.date(2026, 11, 4)))
    # Not listed: a namesake born on another day, one shared without consent (no identity
    # at the district), an erased one.
    register(jobcenter, person("Haddad", "Mohammed", "1994-06-02"))
    register(jobcenter, person("Haddad", "Mohammed", "1994-05-17", consent=False))
    erased = register(jobcenter, person("Haddad", "Mohammad", "1994-05-17"))
    erase_person(jobcenter, erased, "Antrag nach Art. 17")
    to_district([office_ctx, jobcenter], district_ctx, tmp_path)

    found = possible_duplicates(district_ctx)

    assert found.total == 1
    (pair,) = found.pairs
    assert {pair.first.id, pair.second.id} == {at_office, at_jobcenter}
    assert pair.reasons == (
        Reason.NAME_PHONETIC,
        Reason.NAME_PART_MISSING,
        Reason.BIRTH_DAY_UNKNOWN,
        Reason.SEX_SAME,
        Reason.NATIONALITY_SAME,
    )
    assert "Geburtsmonat gleich, Tag unbekannt" in pair.reasons_de()
    assert 80 <= pair.score < 100
    assert not pair.same_office
    sides = {side.id: side for side in (pair.first, pair.second)}
    assert sides[at_office].office_code == "EWDAH"
    assert sides[at_office].passes[0].pass_number == number
    assert sides[at_office].entries == 2
    assert sides[at_jobcenter].office_code == "JCDAH"
    assert sides[at_jobcenter].birth_date == PartialDate(1994, 5)
    assert (sides[at_jobcenter].passes, sides[at_jobcenter].entries) == ((), 0)
    assert pair.to_json()["reasons"][0] == "name-phonetic"


def test_one_written_name_transcribed_apart_is_found_by_its_original_script(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    """German offices write "Dschamal", others "Jamal": no Latin or phonetic pair key is
    shared, the Arabic name on the document is (typed on an Arabic and on a Persian
    keyboard, once with vowel signs)."""
    german = register(
        office_ctx, person("Al-Husseini", "Dschamal", "1990-02-11", original=("الحسيني", "جمال"))
    )
    english = register(
        jobcenter, person("Alhussaini", "Jamal", "1990-02-00", original=("الحسینی", "جَمال"))
    )
    # Not listed: the same written name born in another year; another family, same given.
    register(jobcenter, person("Hussaini", "Jamal", "1991-02-11", original=("الحسيني", "جمال")))
    register(jobcenter, person("Rahimi", "Jamal", "1990-02-11", original=("رحیمی", "جمال")))
    to_district([office_ctx, jobcenter], district_ctx, tmp_path)

    found = possible_duplicates(district_ctx)

    assert [{pair.first.id, pair.second.id} for pair in found.pairs] == [{german, english}]
    assert Reason.ORIGINAL_SAME in found.pairs[0].reasons


def test_a_dismissed_pair_stays_dismissed_and_a_merged_one_is_gone(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    first = register(office_ctx, person("Petrenko", "Anna", "1974-05-15", sex="f"))
    second = register(jobcenter, person("Petrenko", "Anna", "1974-00-00", sex="f"))
    third = register(office_ctx, person("Okafor", "Chinedu", "1990-09-09"))
    fourth = register(jobcenter, person("Okafor", "Chinedu", "1990-09-09"))
    to_district([office_ctx, jobcenter], district_ctx, tmp_path)
    assert sorted(map(sorted, pair_ids(district_ctx))) == sorted(
        [sorted({first, second}), sorted({third, fourth})]
    )

    dismiss_pair(district_ctx, second, first)  # either order: one pair
    dismiss_pair(district_ctx, first, second)  # again: nothing new
    merge_people(district_ctx, fourth, third, "gleicher Ausweis")

    assert pair_ids(district_ctx) == []
    assert possible_duplicates(district_ctx).dismissed == 1
    with district_ctx.db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "person.not_duplicate")
        ).all()
    assert [(e.object_id, e.details["other"]) for e in events] == [
        (str(min(first, second)), str(max(first, second)))
    ]
    # The offices change their records; the next bundles do not bring the pair back.
    register(office_ctx, person("Someone", "Else", "2000-01-01"))
    to_district([office_ctx, jobcenter], district_ctx, tmp_path)
    assert pair_ids(district_ctx) == []


def test_dismissals_are_refused_where_they_make_no_sense(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    one = register(office_ctx, person("Haddad", "Rana", "1994-05-17", sex="f"))
    other = register(office_ctx, person("Haddad", "Rana", "1994-05-00", sex="f"))
    with pytest.raises(Refused, match="district"):
        dismiss_pair(office_ctx, one, other)
    to_district([office_ctx], district_ctx, tmp_path)
    with pytest.raises(InvalidInput):
        dismiss_pair(district_ctx, one, one)
    with pytest.raises(NotFound):
        dismiss_pair(district_ctx, one, uuid.uuid4())
    with pytest.raises(InvalidInput):
        possible_duplicates(district_ctx, limit=0)
    # Two records of one office are listed too: only the district can merge them.
    (pair,) = possible_duplicates(district_ctx).pairs
    assert pair.same_office


def test_the_search_runs_on_every_backend(any_db_url: str, tmp_path: Path) -> None:
    """The blocking and the birth date prefilter are SQL: SQLite and PostgreSQL alike."""
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    try:
        init_district(ctx, name="Landkreis Dachau", code="LRADAH")
        first = register(ctx, person("Al-Hashimi", "Mohammed", "1980-03-02"))
        second = register(ctx, person("Alhashimi", "Mohamed", "1980-03-00"))
        register(ctx, person("Al-Hashimi", "Mohammed", "1980-04-00"))  # another month
        register(ctx, person("Al-Hashimi", "Mohammed", "1981-03-02"))  # another year
        # found by the original script alone: an O: key of Arabic letters
        third = register(
            ctx, person("Al-Husseini", "Dschamal", "1985-00-00", original=("الحسيني", "جمال"))
        )
        fourth = register(
            ctx, person("Alhussaini", "Jamal", "1985-00-00", original=("الحسینی", "جمال"))
        )
        assert sorted(map(sorted, pair_ids(ctx))) == sorted(
            [sorted({first, second}), sorted({third, fourth})]
        )
    finally:
        ctx.db.dispose()
