"""The district's offers catalogue as the UI and the CLI see it (read; editing: district)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from passapp.domain.names import latin_search_form
from passapp.models.entities import Offer
from passapp.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class OfferView:
    id: uuid.UUID
    slug: str
    category: str
    title: str
    provider: str
    address: str | None
    municipality_key: str | None
    contact: str | None
    languages: tuple[str, ...]
    target_group: str | None
    cefr_levels: tuple[str, ...]
    description: str | None
    is_sample: bool
    active: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "category": self.category,
            "title": self.title,
            "provider": self.provider,
            "address": self.address,
            "municipality_key": self.municipality_key,
            "contact": self.contact,
            "languages": list(self.languages),
            "target_group": self.target_group,
            "cefr_levels": list(self.cefr_levels),
            "description": self.description,
            "is_sample": self.is_sample,
            "active": self.active,
        }

    def matches(self, text: str) -> bool:
        """Every word of ``text`` in title, provider or category, case and umlauts aside
        ("mül", "muel" and "Mül" all find "Müller")."""
        plain = f"{self.title} {self.provider} {self.category}"
        folded, latin = plain.casefold(), latin_search_form(plain)
        return all(
            word.casefold() in folded or latin_search_form(word) in latin for word in text.split()
        )


def offer_view(offer: Offer) -> OfferView:
    return OfferView(
        id=offer.id,
        slug=offer.slug,
        category=offer.category,
        title=offer.title,
        provider=offer.provider,
        address=offer.address,
        municipality_key=offer.municipality_key,
        contact=offer.contact,
        languages=tuple(offer.languages or ()),
        target_group=offer.target_group,
        cefr_levels=tuple(offer.cefr_levels or ()),
        description=offer.description,
        is_sample=offer.is_sample,
        active=offer.active,
    )


def list_offers(
    ctx: ServiceContext, text: str = "", *, include_inactive: bool = False
) -> list[OfferView]:
    """The catalogue sorted by category and title; ``text`` narrows it (see ``matches``)."""
    with ctx.db.reading() as session:
        query = select(Offer).order_by(Offer.category, Offer.title)
        if not include_inactive:
            query = query.where(Offer.active.is_(True))
        views = [offer_view(o) for o in session.scalars(query)]
    return [v for v in views if v.matches(text)] if text.strip() else views
