"""Sync with real bundle files: a district and offices, bundles out of order and twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.models.entities import Entry, Offer, Pass, Person
from passapp.models.sync_entities import PendingChange
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass, revoke_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import init_district
from passapp.services.verification import verify
from tests.conftest import make_url_context

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def district_ctx(any_db_url: str, tmp_path: Path) -> Iterator[ServiceContext]:
    """The district office on SQLite and, in a second run, on PostgreSQL (DESIGN §7)."""
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    yield ctx
    ctx.db.dispose()


def person(ctx: ServiceContext, family: str, given: str, consent: bool) -> object:
    data = PersonInput(
        family_names=family,
        given_names=given,
        birth_date=PartialDate.parse("1991-03-04"),
        moved_from_abroad=True,
        nationalities=("SYR",),
        consent=consent,
        consent_notice_version="2026-11",
    )
    return register_person(ctx, data).person.id


def count(ctx: ServiceContext, model: type, *where: object) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def send(sender: ServiceContext, folder: Path, name: str, to: str | None = None) -> Path:
    path = folder / f"{name}.passapp"
    export_bundles(sender, path, to)
    return path


def test_round_trip_out_of_order_and_twice(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    with_consent = person(office_ctx, "Al-Hassan", "Mohammed", consent=True)
    without_consent = person(office_ctx, "Haddad", "Rana", consent=False)
    first = issue_pass(office_ctx, with_consent)
    issue_pass(office_ctx, without_consent)
    add_entry(office_ctx, first.pass_number, EntryInput(kind=EntryKind.BERATUNG, start_date=DAY))
    assert first.qr_digits is not None
    # The provider only has the scanned QR of a pass the district office does not know yet.
    add_entry(
        provider,
        first.qr_digits,
        EntryInput(kind=EntryKind.SPRACHKURS, start_date=DAY, title="Deutsch B1"),
    )

    from_office = send(office_ctx, tmp_path, "ewdah-1")
    from_provider = send(provider, tmp_path, "vhs-1")

    # Out of order: the provider's entry arrives before its pass; it waits.
    early = import_bundle(district_ctx, from_provider)
    assert early.pending == 1
    assert count(district_ctx, PendingChange) == 1
    late = import_bundle(district_ctx, from_office)
    assert late.applied >= 6
    assert count(district_ctx, PendingChange) == 0
    again = import_bundle(district_ctx, from_office)
    assert (again.applied, again.conflicts, again.quarantined) == (0, 0, 0)

    # The district holds everything exactly once; without consent no identity arrived.
    assert count(district_ctx, Person) == 2
    assert count(district_ctx, Pass, Pass.is_stub.is_(False)) == 2
    assert count(district_ctx, Entry) == 2
    with district_ctx.db.reading() as session:
        anonymous = session.get(Person, without_consent)
        assert anonymous is not None
        assert anonymous.family_names == ""
        assert anonymous.birth_date == PartialDate(1991)
        assert anonymous.nationalities == ["SYR"]
        named = session.get(Person, with_consent)
        assert named is not None
        assert named.family_names == "Al-Hassan"

    # The issuing office learns of the provider's entry through the district.
    import_bundle(office_ctx, send(district_ctx, tmp_path, "lra-ewdah", to="EWDAH"))
    log = list_entries(office_ctx, first.pass_number)
    assert sorted(e.office for e in log.entries) == ["EWDAH", "VHSKA"]
    # Acknowledged: the next bundle of the office holds nothing already delivered.
    assert export_bundles(office_ctx, tmp_path / "ewdah-2.passapp")[0].changes == 0


def test_revocation_travels_office_to_district_to_other_office(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, person(office_ctx, "Okafor", "Chinedu", consent=True))
    assert issued.qr_digits is not None
    assert verify(provider, issued.qr_digits).result.status == "unknown"
    revoke_pass(office_ctx, issued.pass_number, "Pass wurde missbräuchlich verwendet")
    import_bundle(district_ctx, send(office_ctx, tmp_path, "ewdah"))
    report = import_bundle(provider, send(district_ctx, tmp_path, "lra-vhs", to="VHSKA"))
    assert report.trust_list is not None
    assert verify(provider, issued.qr_digits).result.status == "revoked"


def test_a_late_district_bundle_does_not_undo_newer_trust_or_catalogue(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, person(office_ctx, "Okafor", "Chinedu", consent=True))
    assert issued.qr_digits is not None
    stale = send(district_ctx, tmp_path, "lra-vhs-1", to="VHSKA")
    revoke_pass(office_ctx, issued.pass_number, "Pass wurde missbräuchlich verwendet")
    import_bundle(district_ctx, send(office_ctx, tmp_path, "ewdah"))
    # The catalogue is the district's; a renamed offer travels with the next bundle.
    with district_ctx.db.transaction() as session:
        offer = session.scalars(select(Offer).order_by(Offer.slug)).first()
        assert offer is not None
        slug, offer.title = offer.slug, "Integrationskurs (neu)"
    fresh = send(district_ctx, tmp_path, "lra-vhs-2", to="VHSKA")

    newer = import_bundle(provider, fresh)
    late = import_bundle(provider, stale)

    assert late.trust_list == newer.trust_list
    assert verify(provider, issued.qr_digits).result.status == "revoked"
    with provider.db.reading() as session:
        title = session.scalars(select(Offer.title).where(Offer.slug == slug)).one()
    assert title == "Integrationskurs (neu)"


@pytest.mark.parametrize("damage", ["truncate", "flip", "wrong_recipient", "not_a_bundle"])
def test_bad_bundles_are_refused_and_nothing_is_applied(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
    damage: str,
) -> None:
    person(office_ctx, "Nowak", "Ewa", consent=True)
    bundle = send(office_ctx, tmp_path, "ewdah")
    target: ServiceContext = district_ctx
    data = bundle.read_bytes()
    if damage == "truncate":
        bundle.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        middle = len(data) // 2
        bundle.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :])
    elif damage == "wrong_recipient":
        target = provider  # meant for the district, delivered to the provider
    else:
        bundle.write_bytes(b"%PDF-1.7 not a bundle at all")
    before = count(target, Person)
    with pytest.raises(Refused):
        import_bundle(target, bundle)
    assert count(target, Person) == before


def test_a_damaged_copy_of_an_imported_bundle_is_still_refused(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    person(office_ctx, "Nowak", "Ewa", consent=True)
    bundle = send(office_ctx, tmp_path, "ewdah")
    import_bundle(district_ctx, bundle)
    data = bundle.read_bytes()
    damaged = tmp_path / "damaged.passapp"
    damaged.write_bytes(data[: len(data) - 40])
    with pytest.raises(Refused):
        import_bundle(district_ctx, damaged)


def test_an_entry_that_waited_at_the_district_still_reaches_the_issuing_office(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    # The provider logs an entry on a pass the district does not know yet (it waits there)
    # and then one on a pass it knows (relayed at once). When the waiting one is relayed
    # later, the issuing office has already seen a later change of the provider: it must
    # still take it. (Relays travel under the district's own stamp for this reason.)
    known = issue_pass(office_ctx, person(office_ctx, "Okafor", "Chinedu", consent=True))
    import_bundle(district_ctx, send(office_ctx, tmp_path, "ewdah-1"))
    unknown = issue_pass(office_ctx, person(office_ctx, "Haddad", "Rana", consent=True))
    assert known.qr_digits is not None
    assert unknown.qr_digits is not None
    waiting = add_entry(provider, unknown.qr_digits, EntryInput(EntryKind.SPRACHKURS, DAY))
    add_entry(provider, known.qr_digits, EntryInput(EntryKind.BERATUNG, DAY))

    assert import_bundle(district_ctx, send(provider, tmp_path, "vhs-1")).pending == 1
    import_bundle(office_ctx, send(district_ctx, tmp_path, "lra-1", to="EWDAH"))
    assert [e.office for e in list_entries(office_ctx, known.pass_number).entries] == ["VHSKA"]

    import_bundle(district_ctx, send(office_ctx, tmp_path, "ewdah-2"))  # the pass arrives
    import_bundle(office_ctx, send(district_ctx, tmp_path, "lra-2", to="EWDAH"))
    entries = list_entries(office_ctx, unknown.pass_number).entries
    assert [e.id for e in entries] == [waiting.id]
