from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DatabaseError

from passapp.domain.entries import EntryKind, EntryStatus
from passapp.domain.offices import OfficeKind
from passapp.models.entities import AuditEvent, Entry, Municipality, Offer
from passapp.models.guards import remove_guards
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.offers import clean_offer_titles
from passapp.services.passes import issue_pass
from passapp.services.reference import (
    entry_kind_labels,
    entry_status_labels,
    load_resource,
    office_kind_labels,
)
from tests.services.helpers import register


def test_every_write_is_audited_in_an_intact_chain(office_ctx: ServiceContext) -> None:
    issue_pass(office_ctx, register(office_ctx))
    with office_ctx.db.reading() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
        assert actions == [
            "office.init",
            "office.request",
            "office.install",
            "person.register",
            "pass.issue",
        ]
        assert verify_chain(session).ok


def test_an_edited_audit_event_breaks_the_chain(office_ctx: ServiceContext) -> None:
    issue_pass(office_ctx, register(office_ctx))
    with office_ctx.db.transaction() as session:
        # Someone with the file can drop the guard; the chain still shows the edit.
        remove_guards(session.connection())
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.action == "person.register")
            .values(actor="someone else")
        )
    with office_ctx.db.reading() as session:
        check = verify_chain(session)
        assert not check.ok
        edited = session.scalars(
            select(AuditEvent.seq).where(AuditEvent.action == "person.register")
        ).one()
        assert check.broken_at == edited


def test_reference_data_matches_the_contract_slugs() -> None:
    assert list(entry_kind_labels()) == [kind.value for kind in EntryKind]
    assert list(entry_status_labels()) == [status.value for status in EntryStatus]
    assert list(office_kind_labels()) == [kind.value for kind in OfficeKind]


def test_the_seventeen_municipalities_are_seeded(office_ctx: ServiceContext) -> None:
    with office_ctx.db.reading() as session:
        municipalities = {m.name: m.key for m in session.scalars(select(Municipality))}
    assert len(municipalities) == 17
    assert municipalities["Dachau"] == "09174115"
    assert all(key.startswith("09174") for key in municipalities.values())


def test_sample_offers_cover_every_category_and_are_marked(office_ctx: ServiceContext) -> None:
    catalogue = load_resource("offers_sample.json")
    assert catalogue["sample"] is True
    with office_ctx.db.reading() as session:
        offers = list(session.scalars(select(Offer)))
    assert {o.category for o in offers} == {kind.value for kind in EntryKind}
    assert all(o.is_sample for o in offers)


def test_sample_offers_carry_english_titles_that_pass_the_offers_rule(
    office_ctx: ServiceContext,
) -> None:
    """The demo shows titles per language (English UI, passes in English); the shipped
    titles are held to the rule the district's own titles pass."""
    shipped = {item["id"]: item["titles"] for item in load_resource("offers_sample.json")["offers"]}
    with office_ctx.db.reading() as session:
        seeded = {o.slug: o.titles for o in session.scalars(select(Offer))}
    assert seeded == shipped
    for titles in shipped.values():
        assert clean_offer_titles(titles) == titles
        assert set(titles) == {"en"}


def test_the_database_refuses_to_rewrite_history(office_ctx: ServiceContext) -> None:
    number = issue_pass(office_ctx, register(office_ctx)).pass_number
    add_entry(
        office_ctx, number, EntryInput(kind=EntryKind.BERATUNG, start_date=office_ctx.today())
    )
    for statement in (
        update(AuditEvent).values(actor="x"),
        delete(AuditEvent),
        update(Entry).values(title="x"),
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            office_ctx.db.transaction() as session,
        ):
            session.execute(statement)
    with office_ctx.db.reading() as session:
        assert verify_chain(session).ok
