"""The district's privacy contact and whether a pass would print sample data (issue 12,
item 5).

The contact is a district setting like the retention period: the district sets it, its
bundles carry it (the ``settings`` record, accepted only from the district), and every
pass prints it. A pass "prints sample data" while the catalogue it prints holds an offer
of the shipped sample catalogue (``Offer.is_sample``: set by the seed, cleared when the
district edits the offer, deactivated when it imports its own), or while no contact has
arrived: then issuing warns and the PDF carries "Beispieldaten" on every page.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.domain.errors import InputError
from passapp.domain.privacy_contact import PrivacyContact, contact_from_json
from passapp.models.entities import Offer, Setting
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.offices import local_office
from passapp.services.trust import installation

CONTACT_KEY: Final = "privacy_contact"
SAMPLE_OFFERS: Final = "offers"
NO_CONTACT: Final = "privacy_contact"


def stored_contact(session: Session) -> PrivacyContact | None:
    """The contact this database prints, or ``None`` before the district has set one."""
    stored = session.get(Setting, CONTACT_KEY)
    if stored is None:
        return None
    try:
        return contact_from_json(stored.value)
    except InputError:
        return None  # written by hand into the database: as good as none


def store_contact(session: Session, value: Any) -> bool:
    """Keep the district's contact (set here or received); False if it breaks the rule."""
    try:
        contact = contact_from_json(value)
    except InputError:
        return False
    stored = session.get(Setting, CONTACT_KEY)
    if stored is None:
        session.add(Setting(key=CONTACT_KEY, value=contact.to_json()))
    elif stored.value != contact.to_json():
        stored.value = contact.to_json()
    session.flush()
    return True


def set_contact(ctx: ServiceContext, contact: PrivacyContact) -> PrivacyContact:
    """District: the contact every pass prints; the next bundles carry it to the offices."""
    with ctx.db.transaction() as session:
        if installation(session).role != "district":
            raise Refused(
                "the privacy contact is the district's to set",
                "Den Datenschutz-Kontakt legt das Landratsamt fest.",
            )
        store_contact(session, contact.to_json())
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=local_office(session).code,
            action="privacy_contact.set",
            object_type="setting",
            object_id=CONTACT_KEY,
            details=contact.to_json(),
        )
    return contact


def get_contact(ctx: ServiceContext) -> PrivacyContact | None:
    with ctx.db.reading() as session:
        return stored_contact(session)


def sample_parts(session: Session) -> tuple[str, ...]:
    """What a pass printed now would show of sample data: ``offers`` (an active offer of
    the sample catalogue) and ``privacy_contact`` (none set yet); empty when none."""
    sample_offer = session.scalars(
        select(Offer.id).where(Offer.active.is_(True), Offer.is_sample.is_(True)).limit(1)
    ).first()
    parts = [SAMPLE_OFFERS] if sample_offer is not None else []
    if stored_contact(session) is None:
        parts.append(NO_CONTACT)
    return tuple(parts)


def sample_data(ctx: ServiceContext) -> tuple[str, ...]:
    with ctx.db.reading() as session:
        return sample_parts(session)


def sample_warning(parts: tuple[str, ...]) -> tuple[str, str] | None:
    """The warning for a pass with sample data (English, German), or ``None``."""
    if not parts:
        return None
    what_en = {
        SAMPLE_OFFERS: "the sample offers catalogue",
        NO_CONTACT: "a placeholder privacy contact",
    }
    what_de = {
        SAMPLE_OFFERS: "die Angebote des Beispielkatalogs",
        NO_CONTACT: "einen Platzhalter als Datenschutz-Kontakt",
    }
    return (
        "this pass prints sample data ("
        + " and ".join(what_en[p] for p in parts)
        + ") and is marked 'Beispieldaten': the district sets the catalogue and the "
        "privacy contact, and its next bundle brings them",
        "Achtung: Dieser Pass enthält Beispieldaten ("
        + " und ".join(what_de[p] for p in parts)
        + ") und ist mit „Beispieldaten“ gekennzeichnet. Angebotskatalog und "
        "Datenschutz-Kontakt legt das Landratsamt fest; sie kommen mit seinem nächsten "
        "Datenpaket.",
    )
