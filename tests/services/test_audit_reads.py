"""Reads a person would ask about are audited: opening a record, printing the entry sheet."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from passapp.models.entities import AuditEvent
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.overview import open_person, person_overview
from passapp.services.passes import issue_pass, print_entry_sheet
from tests.services.helpers import register


def events_after(ctx: ServiceContext, seq: int) -> list[tuple[str, str, str | None, str | None]]:
    with ctx.db.reading() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.seq > seq))
        return [(e.action, e.actor, e.object_id, e.office_code) for e in rows]


def newest_seq(ctx: ServiceContext) -> int:
    with ctx.db.reading() as session:
        return max(session.scalars(select(AuditEvent.seq)))


def test_opening_a_record_is_logged_once_and_a_refresh_is_not(office_ctx: ServiceContext) -> None:
    person_id = register(office_ctx)
    mark = newest_seq(office_ctx)
    opened = open_person(office_ctx, person_id)
    assert opened.person.id == person_id
    person_overview(office_ctx, person_id)  # what a refresh of the shown record reads
    assert events_after(office_ctx, mark) == [("person.open", "test", str(person_id), "EWDAH")]
    with office_ctx.db.reading() as session:
        assert verify_chain(session).ok


def test_printing_the_entry_sheet_is_logged(office_ctx: ServiceContext, tmp_path: Path) -> None:
    issued = issue_pass(office_ctx, register(office_ctx))
    mark = newest_seq(office_ctx)
    print_entry_sheet(office_ctx, issued.pass_number, tmp_path / "sheet.pdf")
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    assert events_after(office_ctx, mark) == [
        ("pass.print_entry_sheet", "test", issued.pass_number, "EWDAH")
    ]
