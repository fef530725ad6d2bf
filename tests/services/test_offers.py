"""Maintaining the offers catalogue at the district, and offices receiving it by bundle."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.offers import (
    NOT_THE_DISTRICT,
    OFFER_CATEGORIES,
    OfferInput,
    is_district,
    list_offers,
    municipality_names,
    save_offer,
    set_offer_active,
    slug_from_title,
)
from passapp.services.reference import entry_kind_labels, load_resource
from passapp.services.sync import export_bundles, import_bundle

KARLSFELD = "09174126"

BASIC = OfferInput(
    category="beratung",
    title="Sprechstunde für Geflüchtete",
    provider="Caritas Dachau",
    municipality_key=KARLSFELD,
    languages=("de", "AR", " uk "),
    cefr_levels=("b1", "A2"),
)


def by_slug(ctx: ServiceContext, slug: str, include_inactive: bool = False) -> list[str]:
    return [o.title for o in list_offers(ctx, include_inactive=include_inactive) if o.slug == slug]


def audit_actions(ctx: ServiceContext) -> list[tuple[str, dict[str, object]]]:
    with ctx.db.reading() as session:
        assert verify_chain(session).ok
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.object_type == "offer").order_by(AuditEvent.seq)
        )
        return [(event.action, dict(event.details)) for event in events]


def test_categories_cover_the_sample_catalogue_and_follow_the_entry_kinds() -> None:
    used = {item["category"] for item in load_resource("offers_sample.json")["offers"]}
    assert used <= set(OFFER_CATEGORIES)
    assert list(OFFER_CATEGORIES) == list(entry_kind_labels())


def test_the_district_creates_an_offer_with_checked_codes(district_ctx: ServiceContext) -> None:
    offer = save_offer(district_ctx, BASIC)

    assert offer.slug == "sprechstunde-fuer-gefluechtete"
    assert offer.languages == ("de", "ar", "uk")
    assert offer.cefr_levels == ("A2", "B1")  # in level order, whatever the ticking order
    assert offer.municipality_key == KARLSFELD
    assert (offer.address, offer.contact, offer.description) == (None, None, None)
    assert not offer.is_sample
    assert offer.active
    assert by_slug(district_ctx, offer.slug) == ["Sprechstunde für Geflüchtete"]
    [(action, details)] = audit_actions(district_ctx)
    assert action == "offer.save"
    assert details["slug"] == offer.slug
    assert details["created"] is True


def test_a_second_offer_with_the_same_title_gets_its_own_slug(
    district_ctx: ServiceContext,
) -> None:
    first = save_offer(district_ctx, BASIC)
    second = save_offer(district_ctx, BASIC)
    given = save_offer(district_ctx, BASIC, slug="caritas-sprechstunde")
    assert (first.slug, second.slug) == (
        "sprechstunde-fuer-gefluechtete",
        "sprechstunde-fuer-gefluechtete-2",
    )
    assert given.slug == "caritas-sprechstunde"
    assert slug_from_title("Deutsch B2 – Kurs für Ärztinnen & Pflege") == (
        "deutsch-b2-kurs-fuer-aerztinnen-pflege"
    )
    assert re.fullmatch(r"[a-z]+-[a-z]+", slug_from_title("دورة اللغة"))  # never empty


def test_editing_changes_the_offer_and_it_is_no_longer_sample_data(
    district_ctx: ServiceContext,
) -> None:
    sample = next(o for o in list_offers(district_ctx) if o.is_sample)
    edited = save_offer(
        district_ctx,
        OfferInput(
            category=sample.category,
            title="Neuer Titel",
            provider=sample.provider,
            municipality_key="Karlsfeld",  # a name works as well as the key
        ),
        slug=sample.slug,
    )
    assert (edited.id, edited.slug, edited.title) == (sample.id, sample.slug, "Neuer Titel")
    assert edited.municipality_key == KARLSFELD
    assert not edited.is_sample
    assert by_slug(district_ctx, sample.slug) == ["Neuer Titel"]
    [(_action, details)] = audit_actions(district_ctx)
    assert details["created"] is False
    assert "title" in str(details["changed"])


def test_saving_an_offer_unchanged_records_nothing(district_ctx: ServiceContext) -> None:
    created = save_offer(district_ctx, BASIC)
    again = save_offer(district_ctx, BASIC, slug=created.slug)
    assert again == created
    assert [action for action, _details in audit_actions(district_ctx)] == ["offer.save"]
    sample = next(o for o in list_offers(district_ctx) if o.is_sample)
    unchanged = OfferInput(
        category=sample.category,
        title=sample.title,
        provider=sample.provider,
        address=sample.address,
        municipality_key=sample.municipality_key,
        contact=sample.contact,
        languages=tuple(sample.languages),
        target_group=sample.target_group,
        cefr_levels=tuple(sample.cefr_levels),
        description=sample.description,
        titles=dict(sample.titles),
    )
    assert save_offer(district_ctx, unchanged, slug=sample.slug).is_sample  # still sample data


def test_deactivated_offers_leave_the_list_but_stay_in_the_catalogue(
    district_ctx: ServiceContext,
) -> None:
    offer = save_offer(district_ctx, BASIC)
    hidden = set_offer_active(district_ctx, offer.slug, False)
    assert not hidden.active
    assert by_slug(district_ctx, offer.slug) == []
    assert by_slug(district_ctx, offer.slug, include_inactive=True) == [offer.title]

    set_offer_active(district_ctx, offer.slug, True)
    assert by_slug(district_ctx, offer.slug) == [offer.title]
    actions = [action for action, _details in audit_actions(district_ctx)]
    assert actions == ["offer.save", "offer.deactivate", "offer.activate"]


@pytest.mark.parametrize(
    ("change", "german"),
    [
        ({"title": "  "}, "Bitte einen Titel angeben."),
        ({"provider": ""}, "Bitte einen Anbieter angeben."),
        ({"category": ""}, "Bitte eine Kategorie wählen."),
        ({"category": "kochkurs"}, "Unbekannte Kategorie „kochkurs“"),
        ({"municipality_key": "09999999"}, "Unbekannte Gemeinde „09999999“."),
        ({"languages": ("de", "xx")}, "Unbekannte Sprache „xx“"),
        ({"cefr_levels": ("A3",)}, "Unbekanntes Sprachniveau „A3“"),
        ({"contact": "x" * 301}, "Kontakt ist zu lang (höchstens 300 Zeichen"),
        ({"titles": {"ar": "x" * 10_000}}, "Titel (Übersetzung) ist zu lang (höchstens 200"),
        ({"titles": {"uk": "Курс\u202e"}}, "Titel (Übersetzung): unzulässiges unsichtbares"),
        ({"titles": {"xx": "Kurs"}}, "Titel (Übersetzung): unbekannte Sprache „xx“"),
        ({"titles": {"de": "Kurs"}}, "Titel (Übersetzung): unbekannte Sprache „de“"),
    ],
)
def test_bad_input_is_refused_in_german_and_nothing_is_stored(
    district_ctx: ServiceContext, change: dict[str, Any], german: str
) -> None:
    before = list_offers(district_ctx, include_inactive=True)
    data = replace(BASIC, **change)
    with pytest.raises(InputError) as raised:
        save_offer(district_ctx, data)
    assert raised.value.message_de.startswith(german)
    assert list_offers(district_ctx, include_inactive=True) == before
    assert audit_actions(district_ctx) == []


def test_titles_per_print_language_are_cleaned_and_blank_ones_left_out(
    district_ctx: ServiceContext,
) -> None:
    titles = {"ar": "  استشارة   للاجئين ", "uk": "Консультація\nдля біженців", "fa": "  "}
    view = save_offer(district_ctx, replace(BASIC, titles=titles))
    expected = {"ar": "استشارة للاجئين", "uk": "Консультація для біженців"}
    assert view.titles == expected
    assert list_offers(district_ctx, "Sprechstunde")[0].titles == expected
    changed = save_offer(district_ctx, replace(BASIC, titles={"ar": "استشارة"}), view.slug)
    assert changed.titles == {"ar": "استشارة"}
    assert audit_actions(district_ctx)[-1][1]["changed"] == ["titles"]


def test_an_invalid_given_slug_is_refused(district_ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput) as raised:
        save_offer(district_ctx, BASIC, slug="Mit Leerzeichen")
    assert "Kleinbuchstaben" in raised.value.message_de


def test_an_office_may_read_but_not_edit_the_catalogue(office_ctx: ServiceContext) -> None:
    offer = list_offers(office_ctx)[0]
    assert not is_district(office_ctx)
    for attempt in (
        lambda: save_offer(office_ctx, BASIC),
        lambda: save_offer(office_ctx, BASIC, slug=offer.slug),
        lambda: set_offer_active(office_ctx, offer.slug, False),
    ):
        with pytest.raises(Refused) as raised:
            attempt()
        assert raised.value.message_de == NOT_THE_DISTRICT
    assert list_offers(office_ctx)[0] == offer


def test_municipality_names_are_the_district_s_seventeen_by_name(
    district_ctx: ServiceContext,
) -> None:
    names = municipality_names(district_ctx)
    assert len(names) == 17
    assert names[KARLSFELD] == "Karlsfeld"
    assert list(names.values()) == sorted(names.values())


def test_a_catalogue_edit_reaches_the_office_by_bundle(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    assert is_district(district_ctx)
    sample = list_offers(office_ctx)[0]
    titles = {"ar": "استشارة للاجئين", "uk": "Консультація"}
    new = save_offer(district_ctx, replace(BASIC, titles=titles))
    save_offer(
        district_ctx,
        OfferInput(category=sample.category, title="Umbenannt", provider=sample.provider),
        slug=sample.slug,
    )
    retired = list_offers(district_ctx)[-1]
    set_offer_active(district_ctx, retired.slug, False)

    bundle = tmp_path / "an-ewdah.passapp"
    export_bundles(district_ctx, bundle, "EWDAH")
    import_bundle(office_ctx, bundle)

    at_office = {o.slug: o for o in list_offers(office_ctx, include_inactive=True)}
    assert at_office[new.slug].title == "Sprechstunde für Geflüchtete"
    assert at_office[new.slug].languages == ("de", "ar", "uk")
    assert at_office[new.slug].titles == {"ar": "استشارة للاجئين", "uk": "Консультація"}
    assert at_office[sample.slug].title == "Umbenannt"
    assert not at_office[sample.slug].is_sample
    assert not at_office[retired.slug].active
    assert retired.slug not in {o.slug for o in list_offers(office_ctx)}
