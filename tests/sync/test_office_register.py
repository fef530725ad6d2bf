"""An office sees its own register plus the passes it scanned (issue 10): after a full
round through the district, no office holds another office's people, and a scanned pass
of another office is known here without its holder's identity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from passapp.domain.entries import EntryKind
from passapp.models.entities import Pass, Person
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.passes import issue_pass
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle
from tests.sync.test_roundtrip import person

DAY = dt.date(2026, 11, 20)


def _round(district: ServiceContext, offices: dict[str, ServiceContext], folder: Path) -> None:
    for code, office in offices.items():
        bundle = folder / f"{code}-up.passapp"
        export_bundles(office, bundle)
        import_bundle(district, bundle)
    for code, office in offices.items():
        bundle = folder / f"{code}-down.passapp"
        export_bundles(district, bundle, code)
        import_bundle(office, bundle)


def test_an_office_never_receives_another_offices_people(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, person(office_ctx, "Okafor", "Chinedu", consent=True))
    person(provider, "Haddad", "Rana", consent=True)
    assert issued.qr_digits is not None
    # The provider scans the office's pass at its counter and logs a course.
    add_entry(provider, issued.qr_digits, EntryInput(EntryKind.SPRACHKURS, DAY))

    offices = {"EWDAH": office_ctx, "VHSKA": provider}
    _round(district_ctx, offices, tmp_path)
    _round(district_ctx, offices, tmp_path)

    # The district holds both (with consent); each office only its own.
    assert {h.family_names for h in find(district_ctx, "Haddad").hits} == {"Haddad"}
    assert find(office_ctx, "Haddad").hits == []
    assert find(provider, "Okafor").hits == []
    with provider.db.reading() as session:
        assert session.scalars(select(Person.family_names)).all() == ["Haddad"]
        scanned = session.scalars(select(Pass).where(Pass.pass_number == issued.pass_number)).one()
        # The scanned pass is known here, but not whose it is.
        assert scanned.is_stub
        assert scanned.person_id is None
    with office_ctx.db.reading() as session:
        assert session.scalars(select(Person.family_names)).all() == ["Okafor"]
