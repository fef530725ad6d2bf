"""Erasure and consent withdrawal travel (issue 10, items 4 and 6): after a round trip the
name is in neither the office's nor the district's database file or WAL; the tombstone
wins over a concurrent edit in either order; a withdrawal blanks the district's copy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.entries import EntryKind
from passapp.models.entities import Pass, Person, PersonNameKey
from passapp.models.sync_entities import QuarantinedChange, SyncConflict
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.erasure import erase_person, withdraw_consent
from passapp.services.merges import merge_people
from passapp.services.passes import issue_pass
from passapp.services.people import register_person, update_person
from passapp.services.sync import export_bundles, import_bundle
from tests.conftest import make_context
from tests.services.test_erasure import REASON, leaks, qarawani
from tests.sync.forging import change, database_id, forge
from tests.sync.test_conflicts import exchange, to_district, to_office

DAY = dt.date(2026, 11, 20)


def person_row(ctx: ServiceContext, person_id: object) -> Person:
    with ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        session.expunge(person)
        return person


def name_keys(ctx: ServiceContext) -> int:
    with ctx.db.reading() as session:
        return len(session.scalars(select(PersonNameKey.id)).all())


def pass_status(ctx: ServiceContext, number: str) -> str:
    with ctx.db.reading() as session:
        return session.scalars(select(Pass.status).where(Pass.pass_number == number)).one()


def test_after_erase_and_a_round_trip_no_file_holds_the_name(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    office_db, district_db = tmp_path / "passapp.sqlite3", tmp_path / "district.sqlite3"
    person_id = register_person(office_ctx, qarawani()).person.id
    number = issue_pass(office_ctx, person_id).pass_number
    add_entry(office_ctx, number, EntryInput(kind=EntryKind.BERATUNG, start_date=DAY))
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra-0.passapp")
    assert leaks(district_db), "the district held the identity (consent) before"

    erased = erase_person(office_ctx, person_id, REASON)
    # The bundle written before held the identity: gone; the next one resends without it.
    assert erased.deleted_bundles == [str(tmp_path / "ew-0.passapp")]
    assert not (tmp_path / "ew-0.passapp").exists()
    to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra-1.passapp")

    assert leaks(office_db) == leaks(district_db) == {}
    for site in (office_ctx, district_ctx):
        assert person_row(site, person_id).erased_at is not None
        assert pass_status(site, number) == "revoked"
        assert name_keys(site) == 0
    # The bundles that went out after the erasure carry no identity either.
    for bundle in ("ew-1", "lra-1"):
        assert qarawani().family_names.encode() not in (tmp_path / f"{bundle}.passapp").read_bytes()


@pytest.mark.parametrize("district_first", [False, True])
def test_an_erasure_at_the_district_beats_a_concurrent_edit_at_the_office(
    district_first: bool,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tmp_path: Path,
) -> None:
    """A DSGVO request reached the district while the office corrected the name."""
    person_id = register_person(office_ctx, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    erase_person(district_ctx, person_id, REASON)
    update_person(office_ctx, person_id, dataclasses.replace(qarawani(), given_names="Zulaikha"))

    exchange(district_ctx, office_ctx, tmp_path / "x", district_first)
    # One more round: whatever either side still had to say changes nothing.
    exchange(district_ctx, office_ctx, tmp_path / "y", district_first)

    for site, db in ((office_ctx, "passapp.sqlite3"), (district_ctx, "district.sqlite3")):
        person = person_row(site, person_id)
        assert person.erased_at is not None
        assert (person.family_names, person.given_names, person.contact) == ("", "", None)
        assert leaks(tmp_path / db) == {}


def test_an_import_that_erases_says_when_a_reader_kept_the_old_pages(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    district_db = tmp_path / "district.sqlite3"
    person_id = register_person(office_ctx, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    erase_person(office_ctx, person_id, REASON)
    export_bundles(office_ctx, tmp_path / "ew-1.passapp")
    reader = sqlite3.connect(district_db)  # the district's app, open on another screen
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()
        report = import_bundle(district_ctx, tmp_path / "ew-1.passapp")
    finally:
        reader.close()
    assert report.erased == 1
    assert report.to_json()["wal_cleared"] is False
    assert person_row(district_ctx, person_id).family_names == ""
    # The next erasure (or import with one) wipes what this one could not.
    other = register_person(office_ctx, dataclasses.replace(qarawani(), family_names="Haddad"))
    to_district(office_ctx, district_ctx, tmp_path / "ew-2.passapp")
    erase_person(office_ctx, other.person.id, REASON)
    export_bundles(office_ctx, tmp_path / "ew-3.passapp")
    assert import_bundle(district_ctx, tmp_path / "ew-3.passapp").wal_cleared
    assert leaks(district_db) == {}


@pytest.mark.parametrize("erasure_first", [False, True])
def test_an_edit_from_a_copy_of_the_office_database_never_brings_the_name_back(
    erasure_first: bool,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tmp_path: Path,
) -> None:
    person_id = register_person(office_ctx, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    copy_path = tmp_path / "copy" / "passapp.sqlite3"
    copy_path.parent.mkdir()
    office_ctx.db.dispose()
    shutil.copy(tmp_path / "passapp.sqlite3", copy_path)
    copy = make_context(copy_path, clerk="copy")
    try:
        erase_person(office_ctx, person_id, REASON)
        update_person(copy, person_id, dataclasses.replace(qarawani(), given_names="Zulaikha"))
        arrivals = [(office_ctx, "ew-1"), (copy, "copy-1")]
        for sender, name in arrivals if erasure_first else reversed(arrivals):
            to_district(sender, district_ctx, tmp_path / f"{name}.passapp")
    finally:
        copy.db.dispose()
    person = person_row(district_ctx, person_id)
    assert person.erased_at is not None
    assert (person.family_names, person.given_names) == ("", "")
    assert name_keys(district_ctx) == 0
    assert leaks(tmp_path / "district.sqlite3") == {}


@pytest.mark.parametrize("withdrawal", [False, True])
def test_the_district_relays_an_erasure_or_withdrawal_to_an_office_whose_duplicate_was_merged(
    withdrawal: bool,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    kept = register_person(office_ctx, qarawani()).person.id
    duplicate = register_person(provider, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    to_district(provider, district_ctx, tmp_path / "vhs-0.passapp")
    merge_people(district_ctx, duplicate, kept, "zweimal erfasst")
    to_office(district_ctx, provider, "VHSKA", tmp_path / "lra-vhs-0.passapp")
    assert person_row(provider, kept).family_names == qarawani().family_names

    if withdrawal:
        withdraw_consent(office_ctx, kept)
    else:
        erase_person(office_ctx, kept, REASON)
    to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    to_office(district_ctx, provider, "VHSKA", tmp_path / "lra-vhs-1.passapp")

    if withdrawal:  # the survivor's identity goes; the provider's own record is its own
        assert person_row(provider, kept).family_names == ""
        assert person_row(provider, kept).erased_at is None
        return
    # The provider's own duplicate is the same human: blanked with it, here and there.
    for site in (provider, district_ctx):
        for record in (kept, duplicate):
            assert person_row(site, record).erased_at is not None
            assert person_row(site, record).family_names == ""
    assert leaks(tmp_path / "vhs" / "vhs.sqlite3") == {}
    assert leaks(tmp_path / "district.sqlite3") == {}


# --- consent withdrawal ----------------------------------------------------------------------


def test_a_withdrawal_blanks_the_district_copy_and_keeps_the_record(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    district_db = tmp_path / "district.sqlite3"
    person_id = register_person(office_ctx, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    assert person_row(district_ctx, person_id).family_names == qarawani().family_names

    withdraw_consent(office_ctx, person_id)
    to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")

    at_district = person_row(district_ctx, person_id)
    assert (at_district.family_names, at_district.given_names, at_district.contact) == (
        "",
        "",
        None,
    )
    assert (at_district.consent, at_district.erased_at) == (False, None)
    assert (at_district.birth_year, at_district.nationalities) == (1987, ["SYR"])
    assert name_keys(district_ctx) == 0
    assert leaks(district_db) == {}
    # The office keeps its own person whole: only the sharing stops.
    assert person_row(office_ctx, person_id).family_names == qarawani().family_names


def test_a_withdrawal_before_the_first_bundle_sends_no_identity(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    person_id = register_person(office_ctx, qarawani()).person.id
    withdraw_consent(office_ctx, person_id)
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")

    at_district = person_row(district_ctx, person_id)
    assert (at_district.family_names, at_district.consent) == ("", False)
    assert leaks(tmp_path / "district.sqlite3") == {}


def test_conflicts_and_quarantined_records_lose_the_name_at_the_district(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Two databases of the office corrected the name differently (the loser is kept as a
    conflict), and a broken record with the name was quarantined: both held the name."""
    person_id = register_person(office_ctx, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    copy_path = tmp_path / "copy" / "passapp.sqlite3"
    copy_path.parent.mkdir()
    office_ctx.db.dispose()
    shutil.copy(tmp_path / "passapp.sqlite3", copy_path)
    copy = make_context(copy_path, clerk="copy")
    try:
        update_person(office_ctx, person_id, dataclasses.replace(qarawani(), given_names="Noor A"))
        update_person(copy, person_id, dataclasses.replace(qarawani(), given_names="Noor B"))
        to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
        to_district(copy, district_ctx, tmp_path / "copy-1.passapp")
    finally:
        copy.db.dispose()
    broken = {
        "id": str(person_id),
        "family_names": qarawani().family_names,
        "given_names": "Zulaikha\x07",  # a control character: quarantined
        "birth_date": "1987-06-29",
    }
    record = change(
        origin="EWDAH",
        database=database_id(office_ctx),
        counter=10_000,
        entity_type="person",
        payload=broken,
    )
    import_bundle(district_ctx, forge(office_ctx, district_ctx, [record], tmp_path / "f.passapp"))
    with district_ctx.db.reading() as session:
        assert session.scalars(select(SyncConflict)).all()
        assert session.scalars(select(QuarantinedChange)).all()
    assert leaks(tmp_path / "district.sqlite3")

    erase_person(district_ctx, person_id, REASON)

    assert leaks(tmp_path / "district.sqlite3") == {}
    with district_ctx.db.reading() as session:
        values = [
            (c.applied_value["value"], c.kept_value["value"])
            for c in session.scalars(select(SyncConflict))
        ]
        assert values
        assert set(values) == {(None, None)}


def test_a_merge_and_the_erasure_arriving_together_leave_no_name_at_the_follower(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    """The provider learns of the merge and of the erasure in the same district bundle."""
    kept = register_person(office_ctx, qarawani()).person.id
    duplicate = register_person(provider, qarawani()).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    to_district(provider, district_ctx, tmp_path / "vhs-0.passapp")
    merge_people(district_ctx, duplicate, kept, "zweimal erfasst")
    erase_person(office_ctx, kept, REASON)
    to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")

    to_office(district_ctx, provider, "VHSKA", tmp_path / "lra-vhs.passapp")

    for record in (kept, duplicate):
        assert person_row(provider, record).erased_at is not None
    assert leaks(tmp_path / "vhs" / "vhs.sqlite3") == {}
