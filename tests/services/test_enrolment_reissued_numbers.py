"""The second issue of a pass number reaches the district as a quarantined change
(issue 9, item 3): the passes the old database issued but never sent are unknown when a
re-installed office is enrolled, so it may hand out such a number again."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passapp.domain.ids import pass_id_for
from passapp.domain.pass_number import PassNumber
from passapp.models.entities import ChangeRecord, Pass, PassCard
from passapp.models.sync_entities import PendingChange, QuarantinedChange
from passapp.services.context import ServiceContext
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.reissued_numbers import without_reissued_numbers
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import enrol_office, install_file, write_request
from tests.conftest import make_context
from tests.services.helpers import register
from tests.sync.forging import change


@dataclass
class Change:
    entity_id: uuid.UUID
    values: dict[str, Any]
    record: dict[str, Any]


def send(sender: ServiceContext, path: Path) -> Path:
    export_bundles(sender, path)
    return path


@dataclass
class Story:
    """EWDAH sent pass 1, issued pass 2 and died before sending it; the re-installed
    database was enrolled with the district's last number (1) and issued 2 again, which
    the district received. The old bundle with the first pass 2 is found afterwards."""

    district: ServiceContext
    late_bundle: Path
    first_two: uuid.UUID  # the holder of pass 2 in the old database
    second_two: uuid.UUID  # the holder of pass 2 in the re-installed database


@pytest.fixture
def story(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> Iterator[Story]:
    issue_pass(office_ctx, register(office_ctx, "Ahmadi", "Zahra"))
    import_bundle(district_ctx, send(office_ctx, tmp_path / "old-1.passapp"))
    first_two = register(office_ctx, "Rahimi", "Farid")
    issue_pass(office_ctx, first_two)
    late_bundle = send(office_ctx, tmp_path / "old-2.passapp")

    folder = tmp_path / "reinstalled"
    folder.mkdir()
    reinstalled = make_context(folder / "ewdah-new.sqlite3", clerk="ewdah-new")
    init_office(
        reinstalled, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt"
    )
    write_request(reinstalled, folder / "request.json")
    enrol_office(district_ctx, folder / "request.json", folder / "package.json", replace_key=True)
    install_file(reinstalled, folder / "package.json")
    second_two = register(reinstalled, "Haddad", "Rana")
    assert issue_pass(reinstalled, second_two).pass_number == PassNumber("EWDAH", 2).text
    import_bundle(district_ctx, send(reinstalled, folder / "new-1.passapp"))
    yield Story(district_ctx, late_bundle, first_two, second_two)
    reinstalled.db.dispose()


def quarantined_by(district: ServiceContext, entity_type: str, values: dict[str, Any]) -> list[str]:
    reasons: list[str] = []
    change = Change(values["id"], values, {"origin_office": "EWDAH"})
    with district.db.reading() as session:
        kept = without_reissued_numbers(
            session, entity_type, [change], lambda _record, reason: reasons.append(reason)
        )
    assert len(kept) + len(reasons) == 1
    return reasons


def test_a_pass_number_held_for_another_holder_is_quarantined(story: Story) -> None:
    number = PassNumber("EWDAH", 2).text
    values = {"id": pass_id_for(number), "person_id": story.first_two, "pass_number": number}
    [reason] = quarantined_by(story.district, "pass", values)
    assert number in reason
    assert "issued twice" in reason
    assert "EWDAH" in reason


def test_the_same_pass_again_is_applied(story: Story) -> None:
    number = PassNumber("EWDAH", 2).text
    values = {"id": pass_id_for(number), "person_id": story.second_two, "pass_number": number}
    assert quarantined_by(story.district, "pass", values) == []


def test_a_new_number_and_a_stub_are_applied(story: Story) -> None:
    number = PassNumber("EWDAH", 7).text
    values = {"id": pass_id_for(number), "person_id": story.first_two, "pass_number": number}
    assert quarantined_by(story.district, "pass", values) == []


def test_a_second_card_for_the_same_generation_is_quarantined(story: Story) -> None:
    pass_id = pass_id_for(PassNumber("EWDAH", 2).text)
    with story.district.db.reading() as session:
        held = session.scalars(select(PassCard.id).where(PassCard.pass_id == pass_id)).one()
    other = {"id": uuid.uuid4(), "pass_id": pass_id, "generation": 0}
    [reason] = quarantined_by(story.district, "pass_card", other)
    assert PassNumber("EWDAH", 2).text in reason
    same = {"id": held, "pass_id": pass_id, "generation": 0}
    assert quarantined_by(story.district, "pass_card", same) == []
    next_generation = {"id": uuid.uuid4(), "pass_id": pass_id, "generation": 1}
    assert quarantined_by(story.district, "pass_card", next_generation) == []


def test_the_late_bundle_of_the_old_database_is_quarantined_not_a_crash(story: Story) -> None:
    report = import_bundle(story.district, story.late_bundle)
    assert report.quarantined == 2  # the pass and its card; its holder is a new person
    with story.district.db.reading() as session:
        number = PassNumber("EWDAH", 2).text
        held = session.scalars(select(Pass).where(Pass.pass_number == number)).one()
        assert held.person_id == story.second_two  # the district's pass is untouched
        reasons = list(session.scalars(select(QuarantinedChange.reason)))
    assert sum("issued twice" in reason for reason in reasons) == 1


def test_a_pass_that_waited_for_its_holder_is_still_checked_when_the_holder_arrives(
    story: Story, office_ctx: ServiceContext
) -> None:
    """The old database's pass 2 reached the district before its holder (it waits as a
    pending change); then the re-installed office's pass 2 arrived and was applied. When
    the holder comes at last, the waiting pass is the second issue of the number: it is
    quarantined like one that arrives directly, never applied over the district's pass."""
    number = PassNumber("EWDAH", 2).text
    pass_id = pass_id_for(number)
    with office_ctx.db.reading() as session:
        logged = session.scalars(
            select(ChangeRecord).where(ChangeRecord.entity_id == pass_id)
        ).one()
        waiting = change(
            origin=logged.origin_office,
            database=str(logged.database_id),
            counter=logged.counter,
            entity_type="pass",
            payload=dict(logged.payload),
            operation=logged.operation,
        )
        stamp = (logged.database_id, logged.counter)
    with story.district.db.transaction() as session:
        session.add(
            PendingChange(
                database_id=stamp[0],
                counter=stamp[1],
                waiting_for=f"person:{story.first_two}",
                change=waiting,
            )
        )

    import_bundle(story.district, story.late_bundle)  # brings the holder, first_two

    with story.district.db.reading() as session:
        held = session.scalars(select(Pass).where(Pass.pass_number == number)).one()
        assert held.person_id == story.second_two  # the district's pass is untouched
        assert session.scalars(select(PendingChange)).all() == []  # decided, not waiting
        reasons = list(session.scalars(select(QuarantinedChange.reason)))
    assert sum("issued twice" in reason for reason in reasons) == 2  # direct and waited
