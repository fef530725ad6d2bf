"""An offer's title as the UI shows it: in the UI's language where the district gave one.

The catalogue's reference title is German (entries copy it, the pass prints it first); the
English UI shows an offer's English title where it has one and keeps the German one in
tooltips and details, so a clerk can still match what the holder's papers say.
"""

from __future__ import annotations

from collections.abc import Iterable

from passapp.services.offers import OfferView
from passapp.ui.i18n import current_language


def shown_title(offer: OfferView) -> str:
    """The title in the UI's language; the German one where the offer has no other."""
    return offer.title_in(current_language()) or offer.title


def named_titles(offer: OfferView) -> list[tuple[str, str]]:
    """(language name, title) for the German title and each translation, German first,
    the translations in the order of the print languages' names."""
    from passapp.ui.pass_dialog import language_names  # the pass dialog: loaded when first needed

    names = language_names()
    translated = sorted(
        (names.get(code, code), title) for code, title in offer.titles.items() if title
    )
    return [(names["de"], offer.title), *translated]


def title_tooltip(offer: OfferView) -> str:
    """Every title of the offer, one a line, each with its language: "Deutsch: …"."""
    return "\n".join(f"{language}: {title}" for language, title in named_titles(offer))


def in_shown_order(offers: Iterable[OfferView]) -> list[OfferView]:
    """The catalogue's order (category, then title) by the titles the UI shows: in English
    the English titles, so the list reads alphabetically. German: the service's order."""
    listed = list(offers)
    if current_language() == "de":
        return listed
    return sorted(listed, key=lambda offer: (offer.category, shown_title(offer).casefold()))


def shown_titles(offers: Iterable[OfferView]) -> dict[str, str]:
    """Slug → the title in the UI's language, for tables that name offers by slug."""
    return {offer.slug: shown_title(offer) for offer in offers}
