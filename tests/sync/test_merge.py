"""The same person registered at two offices: merged at the district, followed by offices."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.merges import merge_people
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, get_person, register_person, update_person
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle, list_conflicts
from tests.conftest import enrol, make_context


@pytest.fixture
def jobcenter(district_ctx: ServiceContext, tmp_path: Path) -> Iterator[ServiceContext]:
    folder = tmp_path / "jobcenter"
    folder.mkdir()
    ctx = make_context(folder / "jc.sqlite3", clerk="jc")
    init_office(ctx, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Dachau")
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


def data(given: str, consent: bool = True) -> PersonInput:
    return PersonInput(
        family_names="Haddad",
        given_names=given,
        birth_date=PartialDate(1994, 5, 17),
        moved_from_abroad=True,
        nationalities=("SYR",),
        consent=consent,
        consent_notice_version="2026-11" if consent else None,
    )


def register(ctx: ServiceContext, given: str, consent: bool = True) -> uuid.UUID:
    return register_person(ctx, data(given, consent)).person.id


def deliver(
    sender: ServiceContext, recipient: ServiceContext, path: Path, to: str | None = None
) -> None:
    export_bundles(sender, path, to)
    import_bundle(recipient, path)


def test_offices_follow_a_merge_made_at_the_district(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    duplicate = register(office_ctx, "Omar")  # the same man, spelt as at each counter
    survivor = register(jobcenter, "Omar Khaled")
    kept_pass = issue_pass(jobcenter, survivor).pass_number
    old_pass = issue_pass(office_ctx, duplicate).pass_number
    add_entry(office_ctx, old_pass, EntryInput(EntryKind.BERATUNG, dt.date(2026, 11, 3)))
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    deliver(jobcenter, district_ctx, tmp_path / "jc-1.passapp")

    result = merge_people(district_ctx, duplicate, survivor, "gleicher Ausweis, zweimal erfasst")

    assert result.active_passes == tuple(sorted((kept_pass, old_pass)))
    assert get_person(district_ctx, duplicate).merged_into == survivor
    hits = find(district_ctx, "Haddad Omar").hits
    assert [h.id for h in hits] == [survivor]

    # The office that registered the duplicate follows: it receives the surviving record
    # first and then the merge, and its clerks now find the person under that record.
    deliver(district_ctx, office_ctx, tmp_path / "lra-ew.passapp", "EWDAH")
    assert get_person(office_ctx, duplicate).merged_into == survivor
    assert get_person(office_ctx, survivor).family_names == "Haddad"
    assert [h.id for h in find(office_ctx, "Haddad Omar").hits] == [survivor]
    with pytest.raises(Refused, match="merged"):
        issue_pass(office_ctx, duplicate)  # a new pass goes to the surviving record

    # The jobcenter, which registered the survivor, has nothing to follow.
    deliver(district_ctx, jobcenter, tmp_path / "lra-jc.passapp", "JCDAH")
    with pytest.raises(NotFound):
        get_person(jobcenter, duplicate)


def test_an_office_edit_of_the_duplicate_never_undoes_the_merge(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    duplicate = register(office_ctx, "Omar")
    survivor = register(jobcenter, "Omar Khaled")
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    deliver(jobcenter, district_ctx, tmp_path / "jc-1.passapp")
    merge_people(district_ctx, duplicate, survivor, "zweimal erfasst")
    # Meanwhile the office, not knowing of the merge yet, completes its record (the
    # arrival date); its snapshot still says "not merged".
    update_person(office_ctx, duplicate, replace(data("Omar"), arrival_date=PartialDate(2025, 2)))
    deliver(office_ctx, district_ctx, tmp_path / "ew-2.passapp")

    record = get_person(district_ctx, duplicate)
    assert record.merged_into == survivor  # the merge stands
    assert record.arrival_date == PartialDate(2025, 2)  # and the owner's correction arrived
    assert not [c for c in list_conflicts(district_ctx) if c["field"] == "merged_into_id"]
    # The district never wrote the arrival date: the office's correction rivals nothing.
    assert list_conflicts(district_ctx) == []


def test_merge_refusals(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> None:
    first = register(office_ctx, "Omar")
    anonymous = register(office_ctx, "Ali", consent=False)
    second = register(jobcenter, "Omar Khaled")
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    deliver(jobcenter, district_ctx, tmp_path / "jc-1.passapp")

    with pytest.raises(Refused, match="district"):
        merge_people(office_ctx, first, second, "Dublette")  # only the district merges
    with pytest.raises(InvalidInput):
        merge_people(district_ctx, first, first, "Dublette")
    with pytest.raises(InvalidInput):
        merge_people(district_ctx, first, second, "  ")  # a reason is required
    with pytest.raises(Refused, match="consent"):
        merge_people(district_ctx, anonymous, second, "Dublette")
    merge_people(district_ctx, first, second, "Dublette")
    with pytest.raises(Refused, match="already merged"):
        merge_people(district_ctx, first, second, "Dublette")
    # Merging into a merged record lands on the record it was merged into.
    third = register(jobcenter, "O. Khaled")
    deliver(jobcenter, district_ctx, tmp_path / "jc-2.passapp")
    assert merge_people(district_ctx, third, first, "Dublette").survivor == second
