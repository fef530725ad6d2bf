"""An office whose key the district reported compromised is not "angemeldet" (issue 11,
item 5): the set-up state says since when, and a request for a new key (written under its
own name, with the new key's fingerprint) brings the office back once it is enrolled."""

from __future__ import annotations

import json
from pathlib import Path

from passapp.services.context import ServiceContext
from passapp.services.setup import setup_state, write_request_into
from passapp.services.trust import enrol_office, install_file
from tests.conftest import NOW
from tests.services.test_enrolment_compromised import report_compromise


def test_a_compromised_key_is_not_enrolled_until_a_new_key_is(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    assert setup_state(office_ctx).enrolled
    assert setup_state(office_ctx).key_compromised_after is None
    report_compromise(district_ctx, office_ctx, tmp_path)
    state = setup_state(office_ctx)
    assert not state.enrolled
    assert state.key_compromised_after == NOW

    stick = tmp_path / "stick"
    stick.mkdir()
    written = write_request_into(office_ctx, stick, new_key=True)
    assert written.path == stick / "Schluesselantrag-EWDAH.json"
    request = json.loads(written.path.read_text())
    assert written.fingerprint == request["fingerprint"]
    # The district enrols it without --replace-key: a compromised key is not live, so its
    # endorsement is not needed (and retires nothing).
    enrol_office(district_ctx, written.path, tmp_path / "new-package.json")
    install_file(office_ctx, tmp_path / "new-package.json")
    state = setup_state(office_ctx)
    assert state.enrolled
    assert state.key_compromised_after is None


def test_a_renewal_is_vouched_for_by_the_enrolled_key(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    written = write_request_into(office_ctx, tmp_path, new_key=True)
    request = json.loads(written.path.read_text())
    assert request["endorsement"] is not None
    assert written.fingerprint == request["fingerprint"]
    # Until the new key is enrolled, the office goes on with the old one.
    assert setup_state(office_ctx).enrolled
    enrol_office(district_ctx, written.path, tmp_path / "renewed.json")
    assert install_file(office_ctx, tmp_path / "renewed.json").key_id == request["key_id"]
    assert setup_state(office_ctx).enrolled
