from __future__ import annotations

import datetime as dt

import pytest

from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.domain.pass_number import InvalidPassNumberError, PassNumber
from passapp.models.entities import AuditEvent, Entry
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.passes import issue_pass
from tests.services.helpers import count, register

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def pass_number(office_ctx: ServiceContext) -> str:
    return issue_pass(office_ctx, register(office_ctx)).pass_number


def test_log_and_list(office_ctx: ServiceContext, pass_number: str) -> None:
    course = add_entry(
        office_ctx,
        pass_number,
        EntryInput(
            kind=EntryKind.INTEGRATIONSKURS,
            start_date=DAY,
            status=EntryStatus.BEGONNEN,
            level=CefrLevel.B1,
            title="Integrationskurs",
            offer_slug="vhs-dachau-integrationskurs-allgemein",
        ),
    )
    add_entry(
        office_ctx,
        pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=DAY - dt.timedelta(days=3)),
    )
    log = list_entries(office_ctx, pass_number)
    assert log.pass_number == pass_number
    assert [e.kind for e in log.entries] == ["beratung", "integrationskurs"]
    listed = log.entries[1]
    assert listed.id == course.id
    assert listed.level == "B1"
    assert listed.office == "EWDAH"
    assert listed.offer == "vhs-dachau-integrationskurs-allgemein"


def test_correction_and_cancellation_are_new_entries(
    office_ctx: ServiceContext, pass_number: str
) -> None:
    wrong = add_entry(
        office_ctx,
        pass_number,
        EntryInput(kind=EntryKind.SPRACHKURS, start_date=DAY, level=CefrLevel.A1),
    )
    fixed = add_entry(
        office_ctx,
        pass_number,
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=DAY,
            level=CefrLevel.A2,
            action=Action.CORRECTION,
            refers_to=wrong.id,
        ),
    )
    cancel = EntryInput(
        kind=EntryKind.SPRACHKURS, start_date=DAY, action=Action.CANCELLATION, refers_to=fixed.id
    )
    add_entry(office_ctx, pass_number, cancel)
    log = {e.id: e for e in list_entries(office_ctx, pass_number).entries}
    assert len(log) == 3  # nothing was changed or removed
    assert log[wrong.id].superseded_by == fixed.id
    assert log[wrong.id].level == "A1"
    assert log[fixed.id].cancelled
    with pytest.raises(Refused):
        add_entry(office_ctx, pass_number, cancel)


@pytest.mark.parametrize(
    "data",
    [
        EntryInput(kind=EntryKind.BERATUNG, start_date=DAY, level=CefrLevel.A1),
        EntryInput(kind=EntryKind.SPRACHKURS, start_date=DAY, end_date=DAY - dt.timedelta(days=1)),
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=dt.date(2027, 1, 1),
            status=EntryStatus.ABGESCHLOSSEN,
        ),
        EntryInput(kind=EntryKind.SPRACHKURS, start_date=DAY, offer_slug="gibt-es-nicht"),
        EntryInput(kind=EntryKind.SPRACHKURS, start_date=DAY, action=Action.CORRECTION),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_written(
    office_ctx: ServiceContext, pass_number: str, data: EntryInput
) -> None:
    events = count(office_ctx, AuditEvent)
    with pytest.raises(InvalidInput):
        add_entry(office_ctx, pass_number, data)
    assert count(office_ctx, Entry) == 0
    assert count(office_ctx, AuditEvent) == events


def test_planned_entries_may_lie_ahead(office_ctx: ServiceContext, pass_number: str) -> None:
    planned = EntryInput(
        kind=EntryKind.SPRACHKURS, start_date=dt.date(2027, 1, 10), status=EntryStatus.ANGEMELDET
    )
    assert add_entry(office_ctx, pass_number, planned).status == "angemeldet"


def test_mistyped_and_unknown_pass_numbers(office_ctx: ServiceContext, pass_number: str) -> None:
    entry = EntryInput(kind=EntryKind.BERATUNG, start_date=DAY)
    typo = pass_number[:-1] + str((int(pass_number[-1]) + 1) % 10)
    with pytest.raises(InvalidPassNumberError):
        add_entry(office_ctx, typo, entry)
    unknown = PassNumber("EWDAH", 99).text
    with pytest.raises(NotFound):
        add_entry(office_ctx, unknown, entry)
    with pytest.raises(NotFound):
        list_entries(office_ctx, unknown)
    assert count(office_ctx, Entry) == 0
