"""An office's database id belongs to it from its enrolment on (issue 9, item 1): another
enrolled office that learned the id cannot claim it first with a bundle of its own and so
block the new office's changes for ever."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.offices import init_office
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import export_bundles, import_bundle, status
from passapp.services.trust import enrol_office, install_file, write_request
from tests.conftest import make_context
from tests.sync.forging import change, database_id, forge


def test_a_new_offices_database_id_cannot_be_claimed_by_another_office(
    district_ctx: ServiceContext, provider: ServiceContext, tmp_path: Path
) -> None:
    # A new office enrols; its request names its database id, which the district binds.
    newcomer = make_context(tmp_path / "neu.sqlite3", clerk="neu")
    init_office(newcomer, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter")
    write_request(newcomer, tmp_path / "neu-request.json")
    enrol_office(district_ctx, tmp_path / "neu-request.json", tmp_path / "neu-package.json")
    install_file(newcomer, tmp_path / "neu-package.json")

    # Before the newcomer ever sends a bundle, VHSKA signs a change of its own under the
    # newcomer's database id with a huge counter.
    forged = change(
        origin="VHSKA",
        database=database_id(newcomer),
        counter=10**9,
        entity_type="person",
        payload={"id": str(uuid.uuid4())},
        operation="insert",
    )
    report = import_bundle(district_ctx, forge(provider, district_ctx, [forged], tmp_path / "f"))
    assert report.quarantined == 1
    assert database_id(newcomer) not in status(district_ctx)["applied"]

    # The newcomer's first genuine bundle applies.
    register_person(
        newcomer,
        PersonInput(family_names="Haddad", given_names="Rana", birth_date=PartialDate(1994, 5)),
    )
    export_bundles(newcomer, tmp_path / "neu.passapp")
    genuine = import_bundle(district_ctx, tmp_path / "neu.passapp")
    assert genuine.by_type.get("person") == 1
    assert genuine.quarantined == 0
    newcomer.db.dispose()


def test_a_request_naming_another_offices_database_is_refused(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """A copy of EWDAH's database set up as another office: the district says so."""
    other = make_context(tmp_path / "kopie.sqlite3", clerk="kopie")
    init_office(other, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter")
    request = tmp_path / "kopie-request.json"
    write_request(other, request)
    data = json.loads(request.read_text())
    data["database_id"] = database_id(office_ctx)
    request.write_text(json.dumps(data))
    with pytest.raises(Refused, match="belongs to EWDAH") as refused:
        enrol_office(district_ctx, request, tmp_path / "kopie-package.json")
    assert "EWDAH" in refused.value.message_de
    assert not (tmp_path / "kopie-package.json").exists()
    other.db.dispose()
