"""What the desktop app needs for its first start: is this database set up, and enrolled?

The set-up itself is ``offices.init_office`` (or ``trust.init_district``), then the
enrolment with the district (``trust.write_request`` → district → ``trust.install_file``).
This module answers the questions around it without Qt: the state the app starts in, the
choices the office form offers (read from the shipped resources, since a new database has
no reference data yet) and the request file named the same way on every office's stick.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from passapp.crypto.keys import fingerprint
from passapp.domain.errors import InputError
from passapp.domain.pass_number import validate_office_code
from passapp.models.entities import SigningKey
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.offices import OfficeInfo, current_office
from passapp.services.reference import load_resource, office_kind_labels
from passapp.services.trust import active_key, write_request

# DIN 5007-1 (dictionary order): umlauts sort as their base letters, ß as ss.
_GERMAN_ORDER = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@dataclass(frozen=True, slots=True)
class SetupState:
    needs_office: bool  # nothing set up yet: the app starts with the set-up wizard
    is_district: bool
    # The office holds a certified key that is still valid, so it can sign passes. The
    # district certifies its own key when it is set up, so it is always enrolled.
    enrolled: bool
    office: OfficeInfo | None
    # The district reported this office's own key compromised (in an installed trust list):
    # it signs nothing more until a new key is enrolled, so the office is not "angemeldet".
    key_compromised_after: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class WrittenRequest:
    path: Path
    key_id: int
    # The requested key's fingerprint, for the admins to compare by phone.
    fingerprint: str = ""


def setup_state(ctx: ServiceContext) -> SetupState:
    office = current_office(ctx)
    if office is None:
        return SetupState(needs_office=True, is_district=False, enrolled=False, office=None)
    compromised = _compromised_after(ctx, office)
    return SetupState(
        needs_office=False,
        is_district=office.is_district,
        enrolled=compromised is None and _can_sign(ctx, office),
        office=office,
        key_compromised_after=compromised,
    )


def _can_sign(ctx: ServiceContext, office: OfficeInfo) -> bool:
    """The same test ``trust.signing_key_for_passes`` makes, without unlocking the key."""
    with ctx.db.reading() as session:
        key = active_key(session, office.id)
        if key is None or key.certificate_pem is None:
            return False
        return key.valid_until is None or key.valid_until >= ctx.now()


def _compromised_after(ctx: ServiceContext, office: OfficeInfo) -> dt.datetime | None:
    """Since when the district reports the office's active key lost (as
    ``trust.refuse_compromised_key`` reads it), or None."""
    with ctx.db.reading() as session:
        key = active_key(session, office.id)
        return None if key is None else key.compromised_after


def municipality_names() -> list[tuple[str, str]]:
    """The district's municipalities as (key, name), in German alphabetical order."""
    items = load_resource("municipalities.json")["municipalities"]
    pairs = [(str(item["key"]), str(item["name"])) for item in items]
    return sorted(pairs, key=lambda pair: pair[1].casefold().translate(_GERMAN_ORDER))


def district_name() -> str:
    """The district the shipped reference data describes (``Landkreis Dachau``)."""
    return str(load_resource("municipalities.json")["district"]["name"])


def office_kind_choices() -> list[tuple[str, str]]:
    """The office kinds as (slug, German label), in the order of the reference data."""
    return [(slug, label.label_de) for slug, label in office_kind_labels().items()]


def office_code_problem(code: str) -> str | None:
    """Why ``code`` cannot be an office code (German, for the form), or None if it can."""
    try:
        validate_office_code(code)
    except InputError as error:
        return error.message_de
    return None


def request_file_name(office_code: str) -> str:
    return f"Anmeldeantrag-{office_code}.json"


def write_request_into(
    ctx: ServiceContext, folder: Path, *, new_key: bool = False
) -> WrittenRequest:
    """Write the enrolment request into ``folder`` (a USB stick) under its standard name.

    Writing it again (a lost stick) requests the same key, so an older copy stays usable;
    ``new_key`` makes a new key (a renewal, or after the district reported the key lost),
    which the office's enrolled key vouches for."""
    office = current_office(ctx)
    code = office.code if office is not None else "Dienststelle"
    name = request_file_name(code) if not new_key else f"Schluesselantrag-{code}.json"
    path = Path(folder) / name
    try:
        key_id = write_request(ctx, path, new_key=new_key)  # refuses in German without office
    except OSError as error:
        # A full, removed or write-protected stick: say so; the transaction rolled back.
        raise Refused(
            f"cannot write {path}: {error}",
            f"Der Antrag konnte nicht nach {folder} geschrieben werden. Ist der USB-Stick "
            "eingesteckt, beschreibbar und nicht voll?",
        ) from error
    return WrittenRequest(path=path, key_id=key_id, fingerprint=_pending_fingerprint(ctx, key_id))


def _pending_fingerprint(ctx: ServiceContext, key_id: int) -> str:
    with ctx.db.reading() as session:
        key = session.scalars(
            select(SigningKey).where(
                SigningKey.key_id == key_id,
                SigningKey.status == "pending",
                SigningKey.private_pem.is_not(None),
            )
        ).first()
        return "" if key is None else fingerprint(key.public_der)
