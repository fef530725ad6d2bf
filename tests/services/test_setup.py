"""The first start's questions: set up? enrolled? and the office form's choices."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from passapp.domain.offices import OfficeKind
from passapp.services.context import ServiceContext
from passapp.services.errors import NotSetUp, Refused
from passapp.services.offices import init_office
from passapp.services.setup import (
    district_name,
    municipality_names,
    office_code_problem,
    office_kind_choices,
    setup_state,
    write_request_into,
)
from passapp.services.trust import enrol_office, install_file
from tests.conftest import NOW


def test_an_empty_database_needs_an_office(ctx: ServiceContext) -> None:
    state = setup_state(ctx)
    assert state.needs_office
    assert not state.enrolled
    assert state.office is None


def test_an_office_before_and_after_enrolment(
    unenrolled_office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    before = setup_state(unenrolled_office_ctx)
    assert not before.needs_office
    assert not before.is_district
    assert not before.enrolled
    assert before.office is not None
    assert before.office.code == "EWDAH"

    written = write_request_into(unenrolled_office_ctx, tmp_path)
    enrol_office(district_ctx, written.path, tmp_path / "paket.json")
    install_file(unenrolled_office_ctx, tmp_path / "paket.json")

    assert setup_state(unenrolled_office_ctx).enrolled


def test_an_expired_office_key_cannot_sign_passes(office_ctx: ServiceContext) -> None:
    assert setup_state(office_ctx).enrolled
    office_ctx.now = lambda: NOW + dt.timedelta(days=800)
    assert not setup_state(office_ctx).enrolled


def test_the_district_is_set_up_and_enrolled(district_ctx: ServiceContext) -> None:
    state = setup_state(district_ctx)
    assert (state.needs_office, state.is_district, state.enrolled) == (False, True, True)
    assert state.office is not None
    assert state.office.code == "LRADAH"


def test_the_request_is_written_into_the_chosen_folder_under_the_office_code(
    unenrolled_office_ctx: ServiceContext, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    written = write_request_into(unenrolled_office_ctx, stick)
    assert written.path == stick / "Anmeldeantrag-EWDAH.json"
    request = json.loads(written.path.read_text(encoding="utf-8"))
    assert (request["office_code"], request["key_id"]) == ("EWDAH", written.key_id)
    # Written again (a lost stick): the same key is requested.
    assert write_request_into(unenrolled_office_ctx, stick).key_id == written.key_id


def test_a_request_that_cannot_be_written_is_refused_in_german(
    unenrolled_office_ctx: ServiceContext, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "stick.txt"
    not_a_folder.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        write_request_into(unenrolled_office_ctx, not_a_folder)
    assert "konnte nicht nach" in refused.value.message_de


def test_no_request_without_an_office(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotSetUp):
        write_request_into(ctx, tmp_path)
    assert list(tmp_path.glob("*.json")) == []


def test_the_seventeen_municipalities_in_german_order() -> None:
    names = [name for _key, name in municipality_names()]
    assert len(names) == 17
    assert names[0] == "Altomünster"
    assert names[-1] == "Weichs"
    # Umlauts sort as their base letter (DIN 5007-1): Röhrmoos between P… and S….
    assert names.index("Pfaffenhofen a.d.Glonn") < names.index("Röhrmoos")
    assert names.index("Röhrmoos") < names.index("Schwabhausen")
    assert dict(municipality_names())["09174115"] == "Dachau"


def test_the_municipalities_are_those_the_office_may_name(ctx: ServiceContext) -> None:
    key, _name = municipality_names()[-1]
    office = init_office(
        ctx, code="WCHS", name="Gemeinde Weichs", kind="einwohnermeldeamt", municipality=key
    )
    assert office.municipality_key == key


def test_office_kinds_in_german() -> None:
    choices = dict(office_kind_choices())
    assert set(choices) == {kind.value for kind in OfficeKind}
    assert choices["arbeitsagentur"] == "Agentur für Arbeit"
    assert choices["auslaenderbehoerde"] == "Ausländerbehörde"


def test_office_code_problems_in_german() -> None:
    assert office_code_problem("EWDAH") is None
    assert office_code_problem("ewdah") is None  # upper-cased like the service does
    assert "gemeint ist wohl 0" in (office_code_problem("B0O") or "")
    assert "2 bis 6 Zeichen" in (office_code_problem("E") or "")


def test_the_district_name_from_the_reference_data() -> None:
    assert district_name() == "Landkreis Dachau"
