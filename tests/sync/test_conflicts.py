"""No silent overwrite (DESIGN §7; issue 9 item 5): where the district and an office, or
two databases of one office, changed the same record, every site ends with the same
winner, the loser is kept as a conflict, and ``sync conflicts`` lists it."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.models.entities import Pass
from passapp.services.context import ServiceContext
from passapp.services.passes import issue_pass, record_pass_status, replace_pass, revoke_pass
from passapp.services.people import PersonInput, get_person, register_person, update_person
from passapp.services.sync import export_bundles, import_bundle, list_conflicts
from tests.cli.test_cli import cli
from tests.conftest import make_context
from tests.support.accounts import add_admin

PERSON = PersonInput(
    family_names="Haddad",
    given_names="Rana",
    birth_date=PartialDate(1994, 5, 17),
    moved_from_abroad=True,
    nationalities=("SYR",),
    consent=True,
    consent_notice_version="2026-11",
)


def to_district(office: ServiceContext, district: ServiceContext, path: Path) -> None:
    export_bundles(office, path)
    import_bundle(district, path)


def to_office(district: ServiceContext, office: ServiceContext, code: str, path: Path) -> None:
    export_bundles(district, path, code)
    import_bundle(office, path)


def pass_state(ctx: ServiceContext, number: str) -> tuple[str, int, bool]:
    with ctx.db.reading() as session:
        record = session.scalars(select(Pass).where(Pass.pass_number == number)).one()
        return record.status, record.generation, record.revoked_on is not None


def exchange(
    district: ServiceContext, office: ServiceContext, folder: Path, district_first: bool
) -> None:
    """Both sides' changes cross: whichever bundle arrives first, then the other."""
    folder.mkdir()
    office_bundle, district_bundle = folder / "ew.passapp", folder / "lra.passapp"
    export_bundles(office, office_bundle)
    export_bundles(district, district_bundle, "EWDAH")
    arrivals = [(district, office_bundle), (office, district_bundle)]
    for recipient, bundle in reversed(arrivals) if district_first else arrivals:
        import_bundle(recipient, bundle)


@pytest.fixture
def issued(district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path) -> str:
    person = register_person(office_ctx, PERSON).person.id
    number = issue_pass(office_ctx, person).pass_number
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    return number


@pytest.mark.parametrize("district_first", [False, True])
def test_a_revocation_at_the_district_beats_a_replacement_card_at_the_office(
    district_first: bool,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    issued: str,
    tmp_path: Path,
) -> None:
    record_pass_status(district_ctx, issued, revoked=True, generation=None, reason="gestohlen")
    generation = replace_pass(office_ctx, issued).generation  # the office did not know yet

    exchange(district_ctx, office_ctx, tmp_path / "x", district_first)

    # Revoked everywhere, and the replacement card's generation is not lost either.
    assert pass_state(district_ctx, issued) == ("revoked", generation, True)
    assert pass_state(office_ctx, issued) == ("revoked", generation, True)
    # Each side saw the other's "active" lose, kept for review; the district lists it.
    lost = ({"value": "revoked", "origin": "LRADAH"}, {"value": "active", "origin": "EWDAH"})
    for site in (district_ctx, office_ctx):
        status = [c for c in list_conflicts(site) if c["field"] == "status"]
        assert [(c["applied"], c["kept"]) for c in status] == [lost]
        assert [c["record"] for c in status] == [issued]  # what the review list names


@pytest.mark.parametrize("district_first", [False, True])
def test_a_generation_recorded_at_the_district_survives_a_revocation_at_the_office(
    district_first: bool,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    issued: str,
    tmp_path: Path,
) -> None:
    _status, generation, _revoked = pass_state(district_ctx, issued)
    record_pass_status(district_ctx, issued, revoked=False, generation=generation + 2, reason=None)
    revoke_pass(office_ctx, issued, "Die Person ist weggezogen")

    exchange(district_ctx, office_ctx, tmp_path / "x", district_first)

    assert pass_state(district_ctx, issued) == ("revoked", generation + 2, True)
    assert pass_state(office_ctx, issued) == ("revoked", generation + 2, True)
    lost = list_conflicts(district_ctx) + list_conflicts(office_ctx)
    assert {"value": generation, "origin": "EWDAH"} in [c["kept"] for c in lost]


def test_the_district_records_a_pass_status_through_the_change_log(
    district_ctx: ServiceContext, office_ctx: ServiceContext, issued: str, tmp_path: Path
) -> None:
    """Without a change record the office never learnt of it, and its next change of the
    pass silently undid the revocation at the district."""
    record_pass_status(district_ctx, issued, revoked=True, generation=None, reason="gestohlen")
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra.passapp")
    assert pass_state(office_ctx, issued)[0] == "revoked"
    with pytest.raises(Exception, match="revoked"):
        replace_pass(office_ctx, issued)


def test_a_change_made_on_the_other_sides_change_is_no_conflict(
    district_ctx: ServiceContext, office_ctx: ServiceContext, issued: str, tmp_path: Path
) -> None:
    """The district revokes a pass the office left alone; the office, having learnt it,
    corrects its person: each change follows the other, nobody is blamed."""
    record_pass_status(district_ctx, issued, revoked=True, generation=None, reason="gestohlen")
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra-1.passapp")
    person = get_person(office_ctx, _holder(office_ctx, issued))
    update_person(office_ctx, person.id, dataclasses.replace(PERSON, given_names="Rana M."))
    to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    assert get_person(district_ctx, person.id).given_names == "Rana M."
    assert pass_state(office_ctx, issued)[0] == "revoked"
    assert list_conflicts(office_ctx) == list_conflicts(district_ctx) == []


def _holder(ctx: ServiceContext, number: str):  # type: ignore[no-untyped-def]
    with ctx.db.reading() as session:
        return session.scalars(select(Pass.person_id).where(Pass.pass_number == number)).one()


@contextmanager
def named_apart_by_two_copies(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> Iterator[tuple[uuid.UUID, ServiceContext]]:
    """The person and a copy of the office database (a second counter PC, a restored
    backup: its own database id). Each names the person differently ("Rana A." here,
    "Rana B." in the copy) and sends it to the district; the copy is closed afterwards."""
    person = register_person(office_ctx, PERSON).person.id
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    copy_path = tmp_path / "copy" / "passapp.sqlite3"
    copy_path.parent.mkdir()
    office_ctx.db.dispose()
    shutil.copy(tmp_path / "passapp.sqlite3", copy_path)
    copy = make_context(copy_path, clerk="copy")
    try:
        update_person(office_ctx, person, dataclasses.replace(PERSON, given_names="Rana A."))
        update_person(copy, person, dataclasses.replace(PERSON, given_names="Rana B."))
        to_district(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
        to_district(copy, district_ctx, tmp_path / "copy-1.passapp")
        yield person, copy
    finally:
        copy.db.dispose()


def test_two_databases_of_one_office_conflict_the_same_way_everywhere(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """A copy of the office database (a second counter PC, a restored backup) gets its
    own database id; both copies correct the same person differently."""
    with named_apart_by_two_copies(office_ctx, district_ctx, tmp_path) as (person, _copy):
        winner = get_person(district_ctx, person).given_names
        assert winner in ("Rana A.", "Rana B.")
        (conflict,) = [c for c in list_conflicts(district_ctx) if c["field"] == "given_names"]
        assert {conflict["applied"]["value"], conflict["kept"]["value"]} == {"Rana A.", "Rana B."}
        assert conflict["applied"]["value"] == winner
        assert conflict["record"] == f"Haddad, {winner}"

    add_admin(district_ctx)
    listed = cli("sync", "conflicts", db=tmp_path / "district.sqlite3")
    assert {c["field"] for c in listed["conflicts"]} == {"given_names", "given_names_latin"}
    assert listed["conflicts"][0]["kept"]["origin"] == "EWDAH"


def test_a_report_about_a_pass_the_office_never_issued_does_not_block_its_numbers(
    district_ctx: ServiceContext, office_ctx: ServiceContext, issued: str, tmp_path: Path
) -> None:
    """The district mistypes a number (with valid check digits): its placeholder pass must
    not take the number the office will issue next."""
    from passapp.domain.pass_number import PassNumber

    next_number = PassNumber("EWDAH", PassNumber.parse(issued).sequence + 1).text
    record_pass_status(
        district_ctx, next_number, revoked=True, generation=None, reason="Tippfehler"
    )
    report_path = tmp_path / "lra.passapp"
    export_bundles(district_ctx, report_path, "EWDAH")
    assert import_bundle(office_ctx, report_path).quarantined == 1
    person = register_person(office_ctx, dataclasses.replace(PERSON, given_names="Ali")).person.id
    assert issue_pass(office_ctx, person).pass_number == next_number
    assert pass_state(office_ctx, next_number)[0] == "active"


def test_district_pass_status_on_the_command_line_reaches_the_office(
    district_ctx: ServiceContext, office_ctx: ServiceContext, issued: str, tmp_path: Path
) -> None:
    district_db = tmp_path / "district.sqlite3"
    add_admin(district_ctx)
    district_ctx.db.dispose()
    done = cli(
        "district", "pass-status", issued, "--revoked", "--reason", "gestohlen", db=district_db
    )
    assert done["status"] == "revoked"
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra.passapp")
    assert pass_state(office_ctx, issued)[0] == "revoked"
