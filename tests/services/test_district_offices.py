"""The district's list of offices (issue 11, item 5): keys, last bundle, silent offices,
the setting of the days, and the preview of a request file before it is signed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.models.entities import AuditEvent
from passapp.services.context import ServiceContext
from passapp.services.district_offices import (
    DEFAULT_SILENT_DAYS,
    list_offices,
    preview_enrolment,
    set_silent_days,
)
from passapp.services.errors import InvalidInput, Refused
from passapp.services.offices import init_office
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import (
    enrol_office,
    init_district,
    mark_key_compromised,
    write_request,
)
from tests.conftest import NOW, enrol, make_context, make_url_context
from tests.services.helpers import register

DAY = dt.timedelta(days=1)


def at(ctx: ServiceContext, moment: dt.datetime) -> ServiceContext:
    """The same database seen on another day."""
    return dataclasses.replace(ctx, now=lambda: moment, today=lambda: moment.date())


def row(ctx: ServiceContext, code: str) -> dict[str, object]:
    found = [o.to_json() for o in list_offices(ctx).offices if o.code == code]
    assert found, f"{code} not listed"
    return found[0]


def send_bundle(office: ServiceContext, district: ServiceContext, folder: Path) -> None:
    path = folder / "EWDAH.passapp"
    export_bundles(office, path, None)
    import_bundle(district, path)


def test_an_enrolled_office_is_listed_with_its_key_and_no_bundle_yet(
    office_ctx: ServiceContext, district_ctx: ServiceContext
) -> None:
    listed = list_offices(district_ctx)
    assert listed.silent_after_days == DEFAULT_SILENT_DAYS == 30
    assert [o.code for o in listed.offices] == ["EWDAH", "LRADAH"]
    office = row(district_ctx, "EWDAH")
    assert office["name"] == "Einwohnermeldeamt Dachau"
    assert office["kind"] == "einwohnermeldeamt"
    assert office["municipality"] == "Dachau"
    assert office["enrolled_on"] == NOW.isoformat()
    assert office["last_bundle_at"] is None
    assert office["bundles_received"] == 0
    assert office["silent"] is False
    assert office["days_without_bundle"] == 0
    (key,) = office["keys"]  # type: ignore[misc]
    assert key["status"] == "active"
    assert key["compromised_after"] is None
    # The fingerprint is the one the office's own request named.
    request = json.loads(
        (Path(str(office_ctx.db.engine.url.database)).parent / "request.json").read_text()
    )
    assert key["fingerprint"] == request["fingerprint"]
    # The district's own office sends no bundles and is never silent.
    own = row(at(district_ctx, NOW + 400 * DAY), "LRADAH")
    assert own["is_district"] is True
    assert own["silent"] is False


def test_an_office_is_silent_after_the_set_days_without_a_bundle(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    register(office_ctx)
    send_bundle(office_ctx, district_ctx, tmp_path)
    assert row(district_ctx, "EWDAH")["bundles_received"] == 1
    assert row(district_ctx, "EWDAH")["last_bundle_at"] == NOW.isoformat()
    # Exactly 30 days is not yet "longer than 30 days"; the 31st is.
    assert row(at(district_ctx, NOW + 30 * DAY), "EWDAH")["silent"] is False
    late = row(at(district_ctx, NOW + 31 * DAY), "EWDAH")
    assert late["silent"] is True
    assert late["days_without_bundle"] == 31
    # A shorter setting makes it silent earlier.
    set_silent_days(district_ctx, 14)
    assert list_offices(district_ctx).silent_after_days == 14
    assert row(at(district_ctx, NOW + 15 * DAY), "EWDAH")["silent"] is True
    assert row(at(district_ctx, NOW + 14 * DAY), "EWDAH")["silent"] is False


def test_a_new_bundle_ends_the_silence(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    later = NOW + 40 * DAY
    assert row(at(district_ctx, later), "EWDAH")["silent"] is True  # counted from enrolment
    register(office_ctx)
    send_bundle(at(office_ctx, later), at(district_ctx, later), tmp_path)
    assert row(at(district_ctx, later + DAY), "EWDAH")["silent"] is False


@pytest.mark.parametrize("days", [0, 6, 366, -1, True])
def test_the_silent_days_are_bounded_and_nothing_is_stored(
    district_ctx: ServiceContext, days: int
) -> None:
    with pytest.raises(InvalidInput) as refused:
        set_silent_days(district_ctx, days)
    assert "Tage" in refused.value.message_de
    assert list_offices(district_ctx).silent_after_days == 30


def test_only_the_district_lists_offices(office_ctx: ServiceContext) -> None:
    with pytest.raises(Refused):
        list_offices(office_ctx)
    with pytest.raises(Refused):
        set_silent_days(office_ctx, 14)


def test_a_compromised_key_is_listed_with_its_date(
    office_ctx: ServiceContext, district_ctx: ServiceContext
) -> None:
    key_id = row(district_ctx, "EWDAH")["keys"][0]["key_id"]  # type: ignore[index]
    mark_key_compromised(district_ctx, "EWDAH", key_id, NOW - DAY, "Laptop gestohlen")
    (key,) = row(district_ctx, "EWDAH")["keys"]  # type: ignore[misc]
    assert key["compromised_after"] == (NOW - DAY).isoformat()
    with district_ctx.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "district.key_compromised")
        ).one()
        assert event.details["reason"] == "Laptop gestohlen"
        assert event.details["key_id"] == key_id


def test_the_preview_shows_what_the_request_says_and_writes_nothing(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    office = make_context(tmp_path / "jc.sqlite3")
    init_office(
        office, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Karlsfeld"
    )
    request = tmp_path / "jc-request.json"
    write_request(office, request)
    preview = preview_enrolment(district_ctx, request)
    data = json.loads(request.read_text())
    assert (preview.office_code, preview.office_name) == ("JCDAH", "Jobcenter Dachau")
    assert preview.kind_de == "Jobcenter"
    assert preview.municipality == "Karlsfeld"
    assert preview.fingerprint == data["fingerprint"]
    assert preview.live_fingerprints == ()
    assert preview.renewal is False
    assert [o.code for o in list_offices(district_ctx).offices] == ["LRADAH"]
    office.db.dispose()


def test_the_preview_names_the_live_key_and_tells_a_renewal(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    live = row(district_ctx, "EWDAH")["keys"][0]["fingerprint"]  # type: ignore[index]
    renewal = tmp_path / "renewal.json"
    write_request(office_ctx, renewal, new_key=True)
    preview = preview_enrolment(district_ctx, renewal)
    assert preview.live_fingerprints == (live,)
    assert preview.renewal is True
    assert preview.fingerprint != live
    # A second database claiming the code is no renewal: its enrolment would be refused.
    other = make_context(tmp_path / "copy.sqlite3")
    init_office(other, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    claim = tmp_path / "claim.json"
    write_request(other, claim)
    assert preview_enrolment(district_ctx, claim).renewal is False
    with pytest.raises(Refused) as refused:
        enrol_office(district_ctx, claim, tmp_path / "package.json")
    assert live in refused.value.message_de
    other.db.dispose()


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        json.dumps({"format": "passapp-trust-list", "version": 1}).encode(),
        json.dumps({"format": "passapp-office-request", "version": 1, "csr": "xx"}).encode(),
    ],
    ids=["garbage", "another-kind-of-file", "broken-request"],
)
def test_a_foreign_or_damaged_file_is_refused_in_german(
    district_ctx: ServiceContext, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "Anmeldeantrag-XY.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as refused:
        preview_enrolment(district_ctx, path)
    assert refused.value.message_de


def test_an_altered_request_is_refused(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    request = tmp_path / "renewal.json"
    write_request(office_ctx, request, new_key=True)
    data = json.loads(request.read_text())
    # A changed byte in the signed request: its own signature no longer holds.
    csr = data["csr"]
    middle = len(csr) // 2
    data["csr"] = csr[:middle] + ("A" if csr[middle] != "A" else "B") + csr[middle + 1 :]
    request.write_text(json.dumps(data))
    with pytest.raises(InvalidInput):
        preview_enrolment(district_ctx, request)


def test_a_second_report_may_only_move_the_moment_earlier(
    office_ctx: ServiceContext, district_ctx: ServiceContext
) -> None:
    """Two admins, or a stale screen: a later moment would let passes signed in between
    pass again; it is refused and the first report stands. An earlier one tightens it."""
    key_id = row(district_ctx, "EWDAH")["keys"][0]["key_id"]  # type: ignore[index]
    number = mark_key_compromised(district_ctx, "EWDAH", key_id, NOW - DAY)
    with pytest.raises(Refused) as refused:
        mark_key_compromised(district_ctx, "EWDAH", key_id, NOW)
    assert "bereits" in refused.value.message_de
    assert row(district_ctx, "EWDAH")["keys"][0]["compromised_after"] == (NOW - DAY).isoformat()  # type: ignore[index]
    earlier = mark_key_compromised(district_ctx, "EWDAH", key_id, NOW - 3 * DAY)
    assert earlier == number + 1
    assert row(district_ctx, "EWDAH")["keys"][0]["compromised_after"] == (NOW - 3 * DAY).isoformat()  # type: ignore[index]


def test_the_list_on_either_backend(any_db_url: str, tmp_path: Path) -> None:
    """The district may be PostgreSQL (DESIGN §7): the same list from the same grouping."""
    district = make_url_context(any_db_url, tmp_path, clerk="district")
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    office = make_context(tmp_path / "office.sqlite3")
    init_office(office, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    enrol(office, district, tmp_path)
    register(office)
    send_bundle(office, district, tmp_path)
    set_silent_days(district, 60)
    listed = list_offices(district)
    assert listed.silent_after_days == 60
    ewdah = next(o for o in listed.offices if o.code == "EWDAH")
    assert ewdah.bundles_received == 1
    assert ewdah.last_bundle_at == NOW
    assert not ewdah.silent
    office.db.dispose()
    district.db.dispose()
