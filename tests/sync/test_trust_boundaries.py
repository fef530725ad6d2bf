"""The signer is the authority (DESIGN §7; issue 9 items 1 and 2): a bundle speaks only
for the office that signed it. Each test has an enrolled office forge what it must not
send, signed with its real key, and checks that the district keeps its data, its version
vector and its conflict list clean, and the victim's later genuine changes still apply."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.models.entities import ChangeRecord, Offer, Office, Person
from passapp.models.sync_entities import QuarantinedChange
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, get_person, register_person, update_person
from passapp.services.sync import _offer_json as offer_json
from passapp.services.sync import export_bundles, import_bundle, list_conflicts, status
from passapp.services.trust import latest_signed_trust_list, trust_list_json
from tests.sync.forging import change, database_id, forge

PERSON = PersonInput(
    family_names="Haddad",
    given_names="Rana",
    birth_date=PartialDate(1994, 5, 17),
    moved_from_abroad=True,
    nationalities=("SYR",),
    consent=True,
    consent_notice_version="2026-11",
)


def deliver(sender: ServiceContext, recipient: ServiceContext, path: Path, to: str | None = None):  # type: ignore[no-untyped-def]
    export_bundles(sender, path, to)
    return import_bundle(recipient, path)


def last_payload(ctx: ServiceContext, entity_id: uuid.UUID) -> dict[str, Any]:
    with ctx.db.reading() as session:
        record = session.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.entity_id == entity_id)
            .order_by(ChangeRecord.seq.desc())
        ).first()
        assert record is not None
        return dict(record.payload)


def applied_vector(ctx: ServiceContext) -> dict[str, int]:
    return dict(status(ctx)["applied"])


def quarantine_reasons(ctx: ServiceContext) -> list[str]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(QuarantinedChange.reason)))


@pytest.fixture
def victim_person(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> uuid.UUID:
    person = register_person(office_ctx, PERSON).person.id
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    return person


def test_a_forged_origin_is_refused_and_the_victims_later_changes_still_apply(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    """VHSKA signs a change stamped as EWDAH's, with EWDAH's database id and a huge counter."""
    payload = {**last_payload(office_ctx, victim_person), "family_names": "Gefälscht"}
    forged = change(
        origin="EWDAH",
        database=database_id(office_ctx),
        counter=10**9,
        entity_type="person",
        payload=payload,
    )
    vector_before = applied_vector(district_ctx)

    report = import_bundle(district_ctx, forge(provider, district_ctx, [forged], tmp_path / "f"))

    assert (report.applied, report.quarantined, report.conflicts) == (0, 1, 0)
    assert get_person(district_ctx, victim_person).family_names == "Haddad"
    assert applied_vector(district_ctx) == vector_before  # the counter did not advance
    # The victim's genuine correction, with its ordinary small counter, still applies and
    # nobody is blamed for a conflict.
    update_person(office_ctx, victim_person, dataclasses.replace(PERSON, given_names="Rana M."))
    genuine = deliver(office_ctx, district_ctx, tmp_path / "ew-2.passapp")
    assert (genuine.by_type["person"], genuine.quarantined) == (1, 0)
    assert get_person(district_ctx, victim_person).given_names == "Rana M."
    assert list_conflicts(district_ctx) == []


def test_a_database_id_bound_to_one_office_is_refused_for_another(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    """The signer's own origin code, but the victim's database id (to block its counters)."""
    payload = {
        **last_payload(office_ctx, victim_person),
        "id": str(uuid.uuid4()),
        "registered_by_office_id": "VHSKA",
    }
    forged = change(
        origin="VHSKA",
        database=database_id(office_ctx),
        counter=10**9,
        entity_type="person",
        payload=payload,
        operation="insert",
    )
    vector_before = applied_vector(district_ctx)
    report = import_bundle(district_ctx, forge(provider, district_ctx, [forged], tmp_path / "f"))
    assert (report.applied, report.quarantined) == (0, 1)
    assert applied_vector(district_ctx) == vector_before
    assert "belongs to EWDAH" in quarantine_reasons(district_ctx)[0]
    # The victim's next change is not skipped.
    update_person(office_ctx, victim_person, dataclasses.replace(PERSON, given_names="Rana M."))
    assert deliver(office_ctx, district_ctx, tmp_path / "ew-2.passapp").by_type["person"] == 1
    assert get_person(district_ctx, victim_person).given_names == "Rana M."


@pytest.mark.parametrize(
    "forgery",
    [
        "edit_of_another_offices_person",
        "person_registered_in_another_offices_name",
        "pass_with_another_offices_number",
        "entry_in_another_offices_name",
        "entry_of_an_unknown_office",
        "merge_by_an_office",
    ],
)
def test_an_office_changes_only_its_own_records(
    forgery: str,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, victim_person)
    deliver(office_ctx, district_ctx, tmp_path / "ew-2.passapp")
    own_person = register_person(provider, dataclasses.replace(PERSON, given_names="Ali")).person
    deliver(provider, district_ctx, tmp_path / "vhs-1.passapp")
    person = last_payload(office_ctx, victim_person)
    number, fresh = issued.pass_number, str(uuid.uuid4())
    pass_payload = last_payload(office_ctx, uuid.UUID(str(_pass_id(office_ctx, number))))
    entry = {
        "id": fresh,
        "pass_id": pass_payload["id"],
        "kind": "beratung",
        "start_date": "2026-11-20",
        "action": "record",
        "logged_by": "vhs",
        "office_id": "VHSKA",
        "created_at": "2026-11-25T09:30:00+00:00",
    }
    entity_type, payload = {
        "edit_of_another_offices_person": ("person", {**person, "family_names": "Gefälscht"}),
        "person_registered_in_another_offices_name": (
            "person",
            {**person, "id": fresh, "family_names": "Erfunden"},
        ),
        "pass_with_another_offices_number": (
            "pass",
            {**pass_payload, "id": fresh, "pass_number": number, "office_id": "EWDAH"},
        ),
        "entry_in_another_offices_name": ("entry", {**entry, "office_id": "EWDAH"}),
        "entry_of_an_unknown_office": ("entry", {**entry, "office_id": "XXDAH"}),
        "merge_by_an_office": (
            "person",
            {
                **last_payload(provider, own_person.id),
                "merged_into_id": str(victim_person),
            },
        ),
    }[forgery]
    forged = change(
        origin="VHSKA",
        database=database_id(provider),
        counter=100,
        entity_type=entity_type,
        payload=payload,
    )
    report = import_bundle(district_ctx, forge(provider, district_ctx, [forged], tmp_path / "f"))
    assert (report.applied, report.quarantined, report.conflicts) == (0, 1, 0)
    assert get_person(district_ctx, victim_person).family_names == "Haddad"
    assert get_person(district_ctx, own_person.id).merged_into is None
    with district_ctx.db.reading() as session:
        assert session.scalar(select(Person).where(Person.family_names == "Erfunden")) is None
        assert session.scalar(select(Office).where(Office.code == "XXDAH")) is None


def _pass_id(ctx: ServiceContext, number: str) -> object:
    from passapp.domain.ids import pass_id_for

    return pass_id_for(number)


def test_only_the_district_sends_the_catalogue_and_the_trust_list(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    with district_ctx.db.reading() as session:
        catalogue = sorted(session.scalars(select(Offer.slug)))
        trust_list = trust_list_json(latest_signed_trust_list(session))
        real_offer = offer_json(session.scalars(select(Offer)).first())
    offers = {
        "type": "offers",
        "trust_list": 10**6,
        "offers": [{**real_offer, "slug": "gefaelscht", "title": "Betrug"}],
    }
    records = [offers, {"type": "trust_list", **trust_list}]
    report = import_bundle(district_ctx, forge(provider, district_ctx, records, tmp_path / "f"))
    assert report.quarantined == 2
    assert report.trust_list is None
    with district_ctx.db.reading() as session:
        assert sorted(session.scalars(select(Offer.slug))) == catalogue
    assert all("only the district" in r for r in quarantine_reasons(district_ctx))


def test_an_office_accepts_bundles_from_its_district_only(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    """VHSKA writes straight to EWDAH, signed with its real key that EWDAH's trust list knows."""
    deliver(district_ctx, office_ctx, tmp_path / "lra-ew.passapp", "EWDAH")  # knows VHSKA now
    payload = {**last_payload(office_ctx, victim_person), "family_names": "Gefälscht"}
    forged = change(
        origin="VHSKA",
        database=database_id(provider),
        counter=1,
        entity_type="person",
        payload=payload,
    )
    with pytest.raises(Refused, match="from its district") as refused:
        import_bundle(office_ctx, forge(provider, office_ctx, [forged], tmp_path / "f"))
    assert "Landratsamt" in refused.value.message_de
    assert get_person(office_ctx, victim_person).family_names == "Haddad"


def test_unknown_record_types_and_fields_are_counted_and_dropped_not_kept_or_relayed(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    issued = issue_pass(office_ctx, register_person(office_ctx, PERSON).person.id)
    deliver(office_ctx, district_ctx, tmp_path / "ew-1.passapp")
    entry = {
        "id": str(uuid.uuid4()),
        "pass_id": str(_pass_id(office_ctx, issued.pass_number)),
        "kind": "beratung",
        "start_date": "2026-11-20",
        "action": "record",
        "logged_by": "vhs",
        "office_id": "VHSKA",
        "created_at": "2026-11-25T09:30:00+00:00",
        "note_of_a_newer_version": "x" * 3000,
    }
    too_long = {**entry, "id": str(uuid.uuid4()), "title": "T" * 5000}
    del too_long["note_of_a_newer_version"]
    database = database_id(provider)
    records = [
        {"type": "newsletter", "text": "y" * 30_000},
        change(origin="VHSKA", database=database, counter=1, entity_type="spam", payload=entry),
        change(origin="VHSKA", database=database, counter=2, entity_type="entry", payload=entry),
        change(origin="VHSKA", database=database, counter=3, entity_type="entry", payload=too_long),
    ]
    report = import_bundle(district_ctx, forge(provider, district_ctx, records, tmp_path / "f"))
    assert (report.applied, report.quarantined, report.dropped) == (1, 1, 3)
    with district_ctx.db.reading() as session:
        relayed = session.scalars(
            select(ChangeRecord.payload).where(ChangeRecord.entity_id == uuid.UUID(entry["id"]))
        ).one()
        kept = session.scalars(select(QuarantinedChange.change)).one()
    assert "note_of_a_newer_version" not in relayed  # the entry goes on to EWDAH without it
    assert len(str(kept)) < 2000  # an excerpt, not the record


def test_a_district_upgraded_from_before_binds_the_databases_it_already_knows(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    """The database ids a district applied before this schema are bound to their office by
    the migration, so an upgrade does not open a window for the first forger."""
    from alembic import command

    from passapp.models.database import _alembic_config, open_database, to_url
    from passapp.models.sync_entities import DatabaseOrigin

    district_ctx.db.dispose()
    path = tmp_path / "district.sqlite3"
    old = open_database(to_url(str(path)))
    command.downgrade(_alembic_config(old.engine), "0005")
    old.dispose()

    upgraded = open_database(to_url(str(path)))
    with upgraded.reading() as session:
        bound = {
            (str(o.database_id), o.office_code) for o in session.scalars(select(DatabaseOrigin))
        }
    upgraded.dispose()
    assert bound == {(database_id(office_ctx), "EWDAH")}


def test_an_acknowledgement_speaks_for_its_sender_alone_and_only_in_good_form(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    victim_person: uuid.UUID,
    tmp_path: Path,
) -> None:
    """A malformed vector once failed the whole import with a bare ValueError; a claim
    about another office's database only ever changes what is sent to the claimant."""
    victim_database = database_id(office_ctx)
    victims_peer_state = status(district_ctx)["peers"]["EWDAH"]["acknowledged"]
    vector = {"kein-uuid": 5, victim_database: "viel", database_id(provider): 3}
    ack = {"type": "ack", "vector": vector}
    report = import_bundle(district_ctx, forge(provider, district_ctx, [ack], tmp_path / "f"))
    assert report.applied == 0
    peers = status(district_ctx)["peers"]
    assert peers["VHSKA"]["acknowledged"] == {database_id(provider): 3}
    assert peers["EWDAH"]["acknowledged"] == victims_peer_state
