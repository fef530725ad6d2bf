from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from passapp.domain.pass_number import PassNumber
from passapp.models.database import open_database
from passapp.models.entities import AuditEvent, Pass
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.passes import issue_pass
from tests.services.helpers import count, register


def test_issue_takes_the_next_number_of_the_office(office_ctx: ServiceContext) -> None:
    first = issue_pass(office_ctx, register(office_ctx, "Ahmadi", "Zahra"))
    second = issue_pass(office_ctx, register(office_ctx, "Rahimi", "Farid", arrival="2024-01-01"))
    assert PassNumber.parse(first.pass_number) == PassNumber("EWDAH", 1)
    assert PassNumber.parse(second.pass_number) == PassNumber("EWDAH", 2)
    assert first.generation == 0
    assert first.issued_on == dt.date(2026, 11, 25)


def test_one_active_pass_per_person(office_ctx: ServiceContext) -> None:
    person = register(office_ctx)
    issued = issue_pass(office_ctx, person)
    with pytest.raises(Refused) as caught:
        issue_pass(office_ctx, person)
    assert issued.pass_number in str(caught.value)
    assert count(office_ctx, Pass) == 1


def test_not_eligible_is_refused_even_with_a_reason(office_ctx: ServiceContext) -> None:
    person = register(office_ctx, birth="2015-01-01")
    with pytest.raises(Refused) as caught:
        issue_pass(office_ctx, person, override_reason="Bitte trotzdem ausstellen")
    assert count(office_ctx, Pass) == 0
    # Said in words in both languages (the English UI shows the English), with the code.
    assert "is younger than 16 years (below_min_age)" in str(caught.value)
    assert "ist jünger als 16 Jahre" in caught.value.message_de


def test_needs_review_requires_a_written_reason_which_is_audited(
    office_ctx: ServiceContext,
) -> None:
    person = register(office_ctx, birth="2010-11-00", abroad=True)
    with pytest.raises(Refused):
        issue_pass(office_ctx, person)
    with pytest.raises(InvalidInput):
        issue_pass(office_ctx, person, override_reason="ok")
    assert count(office_ctx, Pass) == 0
    reason = "Geburtsurkunde vorgelegt: geboren am 02.11.2010"
    issued = issue_pass(office_ctx, person, override_reason=reason)
    assert issued.override_reason == reason
    with office_ctx.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "pass.issue")).one()
        assert event.details["override_reason"] == reason
        assert event.details["eligibility"] == "needs_review"


def test_refused_issue_leaves_the_sequence_untouched(office_ctx: ServiceContext) -> None:
    with pytest.raises(Refused):
        issue_pass(office_ctx, register(office_ctx, "Kind", "Klein", birth="2015-01-01"))
    issued = issue_pass(office_ctx, register(office_ctx))
    assert PassNumber.parse(issued.pass_number).sequence == 1


def test_print_languages_always_include_german(office_ctx: ServiceContext) -> None:
    issued = issue_pass(office_ctx, register(office_ctx), languages=("ar",))
    assert issued.print_languages == ("de", "ar")


def test_two_processes_issuing_at_once_never_share_a_number(
    office_ctx: ServiceContext, db_path: object
) -> None:
    people = [register(office_ctx, "Person", f"Nummer{chr(65 + i)}") for i in range(12)]
    url = str(office_ctx.db.engine.url)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def worker(chunk: list[object]) -> None:
        ctx = ServiceContext(db=open_database(url), clerk="w", today=office_ctx.today)
        try:
            for person in chunk:
                numbers.append(issue_pass(ctx, person).pass_number)  # type: ignore[arg-type]
        except BaseException as error:
            errors.append(error)
        finally:
            ctx.db.dispose()

    threads = [threading.Thread(target=worker, args=(people[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(PassNumber.parse(n).sequence for n in numbers) == list(range(1, 13))
