"""The district's offers catalogue as the UI and the CLI see it (read; editing: district)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.codes import parse_language
from passapp.domain.entries import CefrLevel
from passapp.domain.names import latin_search_form
from passapp.domain.text import clean_text, clean_text_per_language
from passapp.models.entities import Municipality, Offer
from passapp.pdf.translations import SUPPORTED_LANGUAGES
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.offices import current_office, local_office
from passapp.services.reference import municipality_by_name_or_key
from passapp.services.trust import installation

CEFR_LEVELS = frozenset(level.value for level in CefrLevel)


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
    titles: dict[str, str] = field(default_factory=dict)  # print language → title

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
            "titles": dict(self.titles),
            "is_sample": self.is_sample,
            "active": self.active,
        }

    @property
    def every_title(self) -> tuple[str, ...]:
        """The German title first, then the titles per print language."""
        return (self.title, *self.titles.values())

    def title_in(self, language: str) -> str | None:
        """The title in ``language`` ("de": the German one), or None if the district gave none."""
        return self.title if language == "de" else self.titles.get(language)

    def matches(self, text: str) -> bool:
        """Every word of ``text`` in a title (German or any translation), the provider or
        the category, case and umlauts aside ("mül", "muel" and "Mül" all find "Müller";
        "German" finds an offer whose English title has it), or a CEFR level the offer leads
        to ("b1")."""
        plain = " ".join((*self.every_title, self.provider, self.category))
        folded, latin = plain.casefold(), latin_search_form(plain)
        return all(self._word_matches(word, folded, latin) for word in text.split())

    def _word_matches(self, word: str, folded: str, latin: str) -> bool:
        level = word.upper()
        if level in CEFR_LEVELS:
            # The umlaut-folding search form drops digits ("b1" → "B"), so a level is
            # compared as it is: one the offer leads to, or one named in a title.
            return level in self.cefr_levels or any(
                level in title.upper().split() for title in self.every_title
            )
        if word.casefold() in folded:
            return True
        # A word without letters ("2026", "–") has an empty search form, which is in every
        # text: it finds only where it stands as typed.
        latin_word = latin_search_form(word)
        return bool(latin_word) and latin_word in latin


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
        titles=dict(offer.titles or {}),
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


# --- editing (district only) ---------------------------------------------------------------

# The catalogue's categories: the entry kinds (DESIGN §3), which are also the categories the
# sample catalogue uses, so that an entry logged from an offer keeps its kind. slug → label.
OFFER_CATEGORIES: dict[str, str] = {
    "sprachkurs": "Sprachkurs",
    "integrationskurs": "Integrationskurs",
    "orientierungskurs": "Orientierungskurs",
    "berufssprachkurs": "Berufssprachkurs",
    "weiterbildung": "Weiterbildung",
    "beratung": "Beratung",
    "praktikum": "Praktikum",
    "ausbildung": "Ausbildung",
    "anerkennung": "Anerkennung ausländischer Qualifikationen",
    "pruefung": "Prüfung",
    "ehrenamt": "Ehrenamt",
    "sonstiges": "Sonstiges",
}

NOT_THE_DISTRICT = "Den Angebotskatalog pflegt das Landratsamt."
SLUG_LENGTH = 80  # the column's width
# The free-text fields; their limits and characters: passapp.domain.text.
TEXT_FIELDS = ("title", "provider", "address", "contact", "target_group", "description")
_GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class OfferInput:
    """What the district types for an offer; empty optional texts mean "none"."""

    category: str
    title: str
    provider: str
    address: str = ""
    municipality_key: str | None = None  # the official key, or a municipality's name
    contact: str = ""
    languages: tuple[str, ...] = ()  # ISO 639 codes
    target_group: str = ""
    cefr_levels: tuple[str, ...] = ()  # A1 … C2
    description: str = ""
    # The title in the pass's print languages (language code → text); blank: none.
    titles: Mapping[str, str] = field(default_factory=dict)


def is_district(ctx: ServiceContext) -> bool:
    """Whether this database is the district office's, which maintains the catalogue."""
    office = current_office(ctx)
    return office is not None and office.is_district


def municipality_names(ctx: ServiceContext) -> dict[str, str]:
    """The district's municipalities, official key → name, ordered by name."""
    with ctx.db.reading() as session:
        rows = session.execute(select(Municipality.key, Municipality.name))
        return dict(sorted(((key, name) for key, name in rows), key=lambda row: row[1]))


def save_offer(ctx: ServiceContext, data: OfferInput, slug: str | None = None) -> OfferView:
    """Create an offer (``slug`` made from the title, or the given one) or update the offer
    with ``slug``. District only; an edited offer is no longer sample data."""
    with ctx.db.transaction() as session:
        office_code = district_office_code(session)
        values = checked_offer_values(session, data)
        return store_offer(session, ctx.clerk, office_code, values, slug)


def store_offer(
    session: Session, actor: str, office_code: str, values: dict[str, Any], slug: str | None
) -> OfferView:
    """Write checked ``values`` (see ``checked_offer_values``) as a new offer or onto the
    offer with ``slug``, audited, inside the caller's transaction."""
    offer = offer_by_slug(session, slug) if slug else None
    created = offer is None
    if offer is None:
        offer = Offer(slug=_new_slug(session, slug, values["title"]))
        session.add(offer)
    changed = sorted(key for key, value in values.items() if getattr(offer, key) != value)
    if not created and not changed:
        return offer_view(offer)  # saved unchanged: nothing to audit or to send
    for key, value in values.items():
        setattr(offer, key, value)
    offer.is_sample = False
    session.flush()
    audit.record(
        session,
        actor=actor,
        office_code=office_code,
        action="offer.save",
        object_type="offer",
        object_id=offer.id,
        # The slug names the offer in every database (the row id is local).
        details={
            "slug": offer.slug,
            "created": created,
            "changed": changed,
            "title": offer.title,
        },
    )
    return offer_view(offer)


def set_offer_active(ctx: ServiceContext, slug: str, active: bool) -> OfferView:
    """Deactivate an offer (it leaves the pass and the lists; entries keep referring to it)
    or activate it again. District only."""
    with ctx.db.transaction() as session:
        office_code = district_office_code(session)
        offer = offer_by_slug(session, slug)
        if offer is None:
            raise NotFound(
                f"no offer {slug!r} in the catalogue", f"Kein Angebot „{slug}“ im Katalog."
            )
        store_active(session, ctx.clerk, office_code, offer, active)
        return offer_view(offer)


def store_active(
    session: Session, actor: str, office_code: str, offer: Offer, active: bool
) -> None:
    """Set the offer's ``active`` flag, audited if it changes, in the caller's transaction."""
    if offer.active == active:
        return
    offer.active = active
    session.flush()
    audit.record(
        session,
        actor=actor,
        office_code=office_code,
        action="offer.activate" if active else "offer.deactivate",
        object_type="offer",
        object_id=offer.id,
        details={"slug": offer.slug, "title": offer.title},
    )


def district_office_code(session: Session) -> str:
    """The district office's code; any other database is refused (the district owns the
    catalogue, and an office's copy is replaced by the next district bundle anyway)."""
    if installation(session).role != "district":
        raise Refused("only the district office maintains the offers catalogue", NOT_THE_DISTRICT)
    return local_office(session).code


def offer_by_slug(session: Session, slug: str) -> Offer | None:
    return session.scalars(select(Offer).where(Offer.slug == slug.strip())).first()


def checked_offer_values(session: Session, data: OfferInput) -> dict[str, Any]:
    """The offer's columns from ``data``, or the first German complaint about it."""
    texts = {key: clean_text(f"offer.{key}", getattr(data, key)) for key in TEXT_FIELDS}
    for key, german in (("title", "Titel"), ("provider", "Anbieter")):
        if not texts[key]:
            raise InvalidInput(f"the offer needs a {key}", f"Bitte einen {german} angeben.")
    return {
        "category": _category(data.category),
        **{key: text or None for key, text in texts.items()},
        "municipality_key": _municipality_key(session, data.municipality_key),
        "languages": _languages(data.languages),
        "cefr_levels": _levels(data.cefr_levels),
        "titles": clean_offer_titles(data.titles) or None,
    }


def clean_offer_titles(titles: Mapping[str, object]) -> dict[str, str]:
    """The offer's titles per print language, cleaned; other languages are refused."""
    return clean_text_per_language("offer.title_translation", titles, SUPPORTED_LANGUAGES)


def _category(text: str) -> str:
    slug = text.strip().lower()
    if slug in OFFER_CATEGORIES:
        return slug
    for key, label in OFFER_CATEGORIES.items():
        if label.casefold() == text.strip().casefold():
            return key
    if not slug:
        raise InvalidInput("the offer needs a category", "Bitte eine Kategorie wählen.")
    raise InvalidInput(
        f"unknown category {text!r}; allowed: {', '.join(OFFER_CATEGORIES)}",
        f"Unbekannte Kategorie „{text}“; erlaubt: {', '.join(OFFER_CATEGORIES.values())}.",
    )


def _municipality_key(session: Session, text: str | None) -> str | None:
    if text is None or not text.strip():
        return None  # an offer for the whole district, or one outside it
    found = municipality_by_name_or_key(session, text)
    if found is None:
        raise InvalidInput(
            f"unknown municipality {text!r} (name or 8-digit key of the district)",
            f"Unbekannte Gemeinde „{text.strip()}“.",
        )
    return found.key


def _languages(codes: tuple[str, ...]) -> list[str]:
    parsed = [parse_language(code) for code in codes if code.strip()]
    return list(dict.fromkeys(parsed))  # each once, in the order given


def _levels(levels: tuple[str, ...]) -> list[str]:
    chosen: set[CefrLevel] = set()
    for text in levels:
        try:
            chosen.add(CefrLevel(text.strip().upper()))
        except ValueError:
            raise InvalidInput(
                f"unknown CEFR level {text!r}: A1, A2, B1, B2, C1 or C2",
                f"Unbekanntes Sprachniveau „{text}“: A1, A2, B1, B2, C1 oder C2.",
            ) from None
    return [level.value for level in CefrLevel if level in chosen]  # A1 before B1


def slug_from_title(title: str) -> str:
    """``Deutsch A1 – Abendkurs`` → ``deutsch-a1-abendkurs`` (ASCII, umlauts as ae, oe, ue)."""
    ascii_text = anyascii(title.casefold().translate(_GERMAN_LETTERS)).lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")[:SLUG_LENGTH].strip("-")
    return slug or "angebot"  # a title in another script only


def checked_slug(given: str) -> str:
    """A given offer id (slug), or the complaint about it."""
    slug = given.strip()
    if len(slug) > SLUG_LENGTH or not _SLUG.fullmatch(slug):
        raise InvalidInput(
            f"invalid offer id {slug!r}: lowercase letters, digits and hyphens",
            f"Ungültige Kennung „{slug}“: nur Kleinbuchstaben, Ziffern und Bindestriche.",
        )
    return slug


def _new_slug(session: Session, given: str | None, title: str) -> str:
    if given:
        return checked_slug(given)
    base = slug_from_title(title)
    taken = set(session.scalars(select(Offer.slug).where(Offer.slug.like(f"{base}%"))))
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug
