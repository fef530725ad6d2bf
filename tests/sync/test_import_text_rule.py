"""A bundle meets the same text rule as a clerk's input (issue 9, item 9): a signed change
whose name or title is overlong or hides a bidi or zero-width character is quarantined,
and so is such an offer in the district's catalogue; the rest of the bundle applies."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.models.entities import Offer, Person
from passapp.models.sync_entities import QuarantinedChange
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import _offer_json as offer_json
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.trust import (
    latest_signed_trust_list,
    latest_trust_list_record,
    trust_list_json,
)
from tests.sync.forging import change, database_id, forge
from tests.sync.test_trust_boundaries import last_payload


def quarantined(ctx: ServiceContext) -> list[str]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(QuarantinedChange.reason)))


@pytest.mark.parametrize(
    "family",
    ["Ha\u202eddad", "Had\u200bdad", "Haddad" * 21, "Had\x07dad"],
    ids=["bidi override", "zero width space", "126 characters", "control character"],
)
def test_a_signed_person_with_a_hidden_or_overlong_name_is_quarantined(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path, family: str
) -> None:
    honest = register_person(
        office_ctx,
        PersonInput(
            family_names="Haddad",
            given_names="Rana",
            birth_date=PartialDate(1994, 5),
            consent=True,
            consent_notice_version="2026-11",
        ),
    ).person.id
    forged_payload = {**last_payload(office_ctx, honest), "family_names": family}
    forged_payload["id"] = "01900000-0000-7000-8000-000000000001"
    counter = 10**3
    records = [
        change(
            origin="EWDAH",
            database=database_id(office_ctx),
            counter=counter,
            entity_type="person",
            payload=forged_payload,
            operation="insert",
        )
    ]
    export_bundles(office_ctx, tmp_path / "ehrlich.passapp")
    import_bundle(district_ctx, tmp_path / "ehrlich.passapp")  # the honest person
    report = import_bundle(district_ctx, forge(office_ctx, district_ctx, records, tmp_path / "f"))
    assert report.quarantined == 1
    assert report.applied == 0
    with district_ctx.db.reading() as session:
        assert list(session.scalars(select(Person.family_names))) == ["Haddad"]
    assert any("family name" in reason for reason in quarantined(district_ctx))


def test_an_offer_with_a_hidden_character_in_the_district_catalogue_is_quarantined(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    with district_ctx.db.reading() as session:
        offers = [offer_json(o) for o in session.scalars(select(Offer))]
        trust_list = trust_list_json(latest_signed_trust_list(session))
        number = latest_trust_list_record(session).number  # type: ignore[union-attr]
    good = {**offers[0], "slug": "neu-gut", "title": "Deutschkurs am Abend"}
    hidden = {**offers[0], "slug": "neu-versteckt", "title": "Deutsch\u202ekurs"}
    records = [
        {"type": "trust_list", **trust_list},
        {"type": "offers", "trust_list": number, "offers": [*offers, good, hidden]},
    ]
    report = import_bundle(office_ctx, forge(district_ctx, office_ctx, records, tmp_path / "k"))
    assert report.quarantined == 1
    with office_ctx.db.reading() as session:
        slugs = set(session.scalars(select(Offer.slug)))
    assert "neu-gut" in slugs
    assert "neu-versteckt" not in slugs
