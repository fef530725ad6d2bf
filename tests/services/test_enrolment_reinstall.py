"""Office codes are unique for life (issue 9, item 3).

A re-installed office (a new database under a code that already has a key) is enrolled
only when the district retires the old key explicitly, and it goes on with the pass
numbers after the highest one the district knows, so a later district import works.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.crypto import keys
from passapp.crypto.trustlist import TrustedKey
from passapp.domain.pass_number import PassNumber
from passapp.models.entities import AuditEvent, Pass, SigningKey
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import (
    current_trust_list,
    enrol_office,
    install_file,
    write_request,
)
from tests.conftest import NOW, enrol, make_context
from tests.services.helpers import count, register


def send(sender: ServiceContext, path: Path) -> Path:
    export_bundles(sender, path)
    return path


def issue_for(ctx: ServiceContext, family: str, given: str) -> str:
    return issue_pass(ctx, register(ctx, family, given)).pass_number


@pytest.fixture
def reinstalled(tmp_path: Path) -> Iterator[ServiceContext]:
    """A new, empty database for the office code EWDAH (the old PC's disk died)."""
    folder = tmp_path / "reinstalled"
    folder.mkdir()
    ctx = make_context(folder / "ewdah-new.sqlite3", clerk="ewdah-new")
    init_office(
        ctx,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    yield ctx
    ctx.db.dispose()


def office_keys(district: ServiceContext) -> list[SigningKey]:
    with district.db.reading() as session:
        return list(
            session.scalars(
                select(SigningKey)
                .where(SigningKey.purpose == "office", SigningKey.key_id.is_not(None))
                .order_by(SigningKey.created_at)
            )
        )


def ewdah_keys(district: ServiceContext) -> list[TrustedKey]:
    with district.db.reading() as session:
        trust_list = current_trust_list(session)
    assert trust_list is not None
    return sorted(
        (k for k in trust_list.keys if k.office_code == "EWDAH"), key=lambda k: k.valid_from
    )


def test_a_second_database_under_an_enrolled_code_is_refused(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    reinstalled: ServiceContext,
    tmp_path: Path,
) -> None:
    [old_key] = ewdah_keys(district_ctx)
    request, package = tmp_path / "again.json", tmp_path / "again-package.json"
    write_request(reinstalled, request)
    audit_before = count(district_ctx, AuditEvent)
    with pytest.raises(Refused) as refused:
        enrol_office(district_ctx, request, package)
    fingerprint = keys.fingerprint(old_key.public_der)
    assert "EWDAH" in str(refused.value)
    assert fingerprint in str(refused.value)
    assert "--replace-key" in str(refused.value)
    assert fingerprint in refused.value.message_de
    # Nothing written: no package, no new key, no new trust list.
    assert not package.exists()
    assert ewdah_keys(district_ctx) == [old_key]
    assert count(district_ctx, AuditEvent) == audit_before


def test_replace_key_retires_the_old_key_and_continues_the_numbers(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    reinstalled: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = [issue_for(office_ctx, "Ahmadi", "Zahra"), issue_for(office_ctx, "Rahimi", "Farid")]
    import_bundle(district_ctx, send(office_ctx, tmp_path / "old-1.passapp"))
    [old_key] = ewdah_keys(district_ctx)

    request, package = tmp_path / "again.json", tmp_path / "again-package.json"
    write_request(reinstalled, request)
    # The disk died a week later; the district enrols the new database then.
    a_week_later = replace(district_ctx, now=lambda: NOW + dt.timedelta(days=7))
    result = enrol_office(a_week_later, request, package, replace_key=True)
    assert result.retired_key_ids == (old_key.key_id,)
    assert json.loads(package.read_text())["last_pass_sequence"] == 2

    # The old key stays trusted for what it signed until now, and for nothing later.
    retired, new = ewdah_keys(district_ctx)
    assert retired.key_id == old_key.key_id
    assert retired.valid_until == NOW + dt.timedelta(days=7)
    assert new.key_id == result.key_id
    with district_ctx.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "district.key_retired")
        ).one()
        assert event.details["key_id"] == old_key.key_id
        assert event.details["fingerprint"] == keys.fingerprint(old_key.public_der)

    installed = install_file(reinstalled, package)
    assert installed.next_pass_sequence == 3
    first = issue_for(reinstalled, "Haddad", "Rana")
    assert first == PassNumber("EWDAH", 3).text
    assert first not in issued

    # The district takes the re-installed office's bundle: no IntegrityError, three passes.
    report = import_bundle(district_ctx, send(reinstalled, tmp_path / "new-1.passapp"))
    assert (report.quarantined, report.conflicts) == (0, 0)
    with district_ctx.db.reading() as session:
        numbers = sorted(session.scalars(select(Pass.pass_number)))
    assert numbers == sorted([*issued, first])


def test_a_fresh_office_starts_at_one(
    unenrolled_office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    enrol(unenrolled_office_ctx, district_ctx, tmp_path)
    assert issue_for(unenrolled_office_ctx, "Ahmadi", "Zahra") == PassNumber("EWDAH", 1).text


def test_install_never_lowers_the_sequence(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    """A rotation package names the district's highest number, which may lag behind the
    office's own (passes not yet sent): the office keeps its higher sequence."""
    issue_for(office_ctx, "Ahmadi", "Zahra")
    issue_for(office_ctx, "Rahimi", "Farid")
    folder = tmp_path / "rotation"
    folder.mkdir()
    enrol(office_ctx, district_ctx, folder, new_key=True)
    assert issue_for(office_ctx, "Haddad", "Rana") == PassNumber("EWDAH", 3).text


def test_a_key_rotation_needs_no_flag(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    """``office request --new-key`` from the office that holds the active key is vouched
    for by that key: the district enrols it without retiring anything (two months of
    overlap, DESIGN §6)."""
    [old_key] = ewdah_keys(district_ctx)
    request, package = tmp_path / "rotation.json", tmp_path / "rotation-package.json"
    write_request(office_ctx, request, new_key=True)
    result = enrol_office(district_ctx, request, package)
    assert result.retired_key_ids == ()
    assert old_key in ewdah_keys(district_ctx)  # unchanged: still valid until its end


def test_a_request_vouched_for_by_another_key_is_refused(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    reinstalled: ServiceContext,
    tmp_path: Path,
) -> None:
    """Copying the endorsement of a real rotation request into another request does not
    make it a rotation: the signature covers the new key."""
    rotation, request = tmp_path / "rotation.json", tmp_path / "again.json"
    write_request(office_ctx, rotation, new_key=True)
    write_request(reinstalled, request)
    forged = json.loads(request.read_text())
    forged["endorsement"] = json.loads(rotation.read_text())["endorsement"]
    request.write_text(json.dumps(forged))
    with pytest.raises(Refused, match="--replace-key"):
        enrol_office(district_ctx, request, tmp_path / "package.json")


def test_the_districts_own_code_is_never_enrolled_from_outside(
    district_ctx: ServiceContext, reinstalled: ServiceContext, tmp_path: Path
) -> None:
    """Not even with --replace-key: that would retire the district's own issuing key."""
    impostor = make_context(tmp_path / "impostor.sqlite3")
    init_office(impostor, code="LRADAH", name="Landratsamt Dachau", kind="landratsamt")
    write_request(impostor, tmp_path / "request.json")
    keys_before = office_keys(district_ctx)
    with pytest.raises(Refused, match="own code"):
        enrol_office(
            district_ctx, tmp_path / "request.json", tmp_path / "package.json", replace_key=True
        )
    assert [(k.key_id, k.status, k.valid_until) for k in office_keys(district_ctx)] == [
        (k.key_id, k.status, k.valid_until) for k in keys_before
    ]
    impostor.db.dispose()
