"""Offer titles per print language in bundles (issue 12, item 6): the district's titles
reach the office; titles that break the text rule or name a language the pass does not
print are quarantined with their offer, the rest of the catalogue applies; an office that
sends titles of its own is refused like any catalogue write from an office."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passapp.models.entities import Offer
from passapp.services.context import ServiceContext
from passapp.services.offers import OfferInput, list_offers, save_offer
from passapp.services.sync import _offer_json as offer_json
from passapp.services.sync import import_bundle
from passapp.services.trust import (
    latest_signed_trust_list,
    latest_trust_list_record,
    trust_list_json,
)
from tests.sync.forging import forge
from tests.sync.test_trust_boundaries import deliver, quarantine_reasons

TITLES = {"ar": "دورة اللغة الألمانية", "uk": "Курс німецької мови"}


def titles_at(ctx: ServiceContext) -> dict[str, dict[str, str]]:
    return {o.slug: o.titles for o in list_offers(ctx, include_inactive=True)}


def catalogue_records(district: ServiceContext, *extra: dict[str, Any]) -> list[dict[str, Any]]:
    """A district bundle's trust list and catalogue with ``extra`` offers added."""
    with district.db.reading() as session:
        offers = [offer_json(o) for o in session.scalars(select(Offer))]
        trust_list = trust_list_json(latest_signed_trust_list(session))
        number = latest_trust_list_record(session).number  # type: ignore[union-attr]
    return [
        {"type": "trust_list", **trust_list},
        {"type": "offers", "trust_list": number, "offers": [*offers, *extra]},
    ]


def test_the_districts_titles_reach_the_office(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    offer = save_offer(district_ctx, OfferInput("sprachkurs", "Deutschkurs", "VHS", titles=TITLES))
    deliver(district_ctx, office_ctx, tmp_path / "lra-ew.passapp", "EWDAH")
    assert titles_at(office_ctx)[offer.slug] == TITLES

    save_offer(district_ctx, OfferInput("sprachkurs", "Deutschkurs", "VHS"), offer.slug)
    deliver(district_ctx, office_ctx, tmp_path / "lra-ew-2.passapp", "EWDAH")
    assert titles_at(office_ctx)[offer.slug] == {}  # removed at the district: removed here


@pytest.mark.parametrize(
    ("titles", "reason"),
    [
        ({"ar": "دورة\u202e"}, "invisible or control character U+202E"),
        ({"xx": "Kurs"}, "unknown language 'xx'"),
        ({"uk": "К" * 10_000}, "too long"),
        ({"uk": 7}, "text expected"),
        (["ar", "دورة"], "titles: not a mapping"),
    ],
    ids=["bidi override", "unknown language", "10000 characters", "not text", "not a mapping"],
)
def test_an_offer_with_bad_titles_is_quarantined_and_the_rest_applies(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tmp_path: Path,
    titles: object,
    reason: str,
) -> None:
    base = first_offer_json(district_ctx)
    good = {**base, "slug": "neu-gut", "titles": TITLES}
    bad = {**base, "slug": "neu-schlecht", "titles": titles}
    records = catalogue_records(district_ctx, good, bad)
    report = import_bundle(office_ctx, forge(district_ctx, office_ctx, records, tmp_path / "k"))
    assert report.quarantined == 1
    at_office = titles_at(office_ctx)
    assert at_office["neu-gut"] == TITLES
    assert "neu-schlecht" not in at_office
    assert any(reason in r for r in quarantine_reasons(office_ctx))


def test_titles_sent_by_an_office_are_refused(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    before = titles_at(district_ctx)
    real = first_offer_json(district_ctx)
    forged = {**real, "titles": {"ar": "احتيال"}}
    records = [{"type": "offers", "trust_list": 10**6, "offers": [forged]}]
    report = import_bundle(district_ctx, forge(provider, district_ctx, records, tmp_path / "f"))
    assert report.quarantined == 1
    assert titles_at(district_ctx) == before
    assert all("only the district" in r for r in quarantine_reasons(district_ctx))


def first_offer_json(ctx: ServiceContext) -> dict[str, Any]:
    with ctx.db.reading() as session:
        offer = session.scalars(select(Offer).order_by(Offer.slug)).first()
        assert offer is not None
        return offer_json(offer)


def test_a_key_this_version_does_not_know_is_dropped_and_the_offer_applies(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """What an older office does with ``titles`` (its OFFER_FIELDS lack it), shown here
    with a key that this version lacks: the offer applies, the key is ignored."""
    later = {
        **first_offer_json(district_ctx),
        "slug": "neu-spaeter",
        "descriptions": {"uk": "Опис"},
    }
    records = catalogue_records(district_ctx, later)
    report = import_bundle(office_ctx, forge(district_ctx, office_ctx, records, tmp_path / "k"))
    assert report.quarantined == 0
    assert "neu-spaeter" in titles_at(office_ctx)
