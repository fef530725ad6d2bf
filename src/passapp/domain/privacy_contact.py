"""The privacy notice's contact: the district's data protection officer (issue 12, item 5).

Every pass prints it in the notice's "Kontakt" section (DSGVO Art. 13(1)(b)). The district
sets it; its bundles carry it to the offices, so a received one is checked with the same
rule as a typed one. Each part is one line of bounded, cleaned text (``domain.text``); the
e-mail address and the phone number must look like one, so a typo does not go to print.

This module is pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from passapp.domain.errors import InputError
from passapp.domain.text import TEXT_FIELDS, clean_text

# One @, no spaces, a dot in the domain: enough to catch a typo, not an RFC 5322 parser.
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Digits with the separators people write (DIN 5008: +49 8131 74-0, (08131) 74 0).
_PHONE: Final = re.compile(r"^\+?[0-9][0-9 ()/\-]*[0-9]$")
PARTS: Final = ("name", "address", "email", "phone")


class InvalidContactError(InputError):
    """A privacy contact part that cannot go to print."""


@dataclass(frozen=True, slots=True)
class PrivacyContact:
    name: str
    address: str
    email: str | None
    phone: str | None

    def printed(self) -> str:
        """The line the pass prints: name, address, phone and e-mail."""
        parts = [self.name, self.address]
        if self.phone:
            parts.append(f"Tel. {self.phone}")
        if self.email:
            parts.append(self.email)
        return ", ".join(parts)

    def to_json(self) -> dict[str, str | None]:
        return {part: getattr(self, part) for part in PARTS}


def privacy_contact(
    name: str, address: str, email: str | None = None, phone: str | None = None
) -> PrivacyContact:
    """The contact as it will be printed: every part cleaned and checked; name and address
    are required, and at least one of e-mail and phone. Raises :class:`InputError`."""
    cleaned_name = _required("privacy.name", name)
    cleaned_address = _required("privacy.address", address)
    cleaned_email = _optional("privacy.email", email)
    cleaned_phone = _optional("privacy.phone", phone)
    if cleaned_email is not None and not _EMAIL.match(cleaned_email):
        raise InvalidContactError(
            f"{cleaned_email!r} is not an e-mail address",
            f"„{cleaned_email}“ ist keine E-Mail-Adresse.",
        )
    if cleaned_phone is not None and not _PHONE.match(cleaned_phone):
        raise InvalidContactError(
            f"{cleaned_phone!r} is not a phone number (digits, spaces, + ( ) / -)",
            f"„{cleaned_phone}“ ist keine Telefonnummer (Ziffern, Leerzeichen, + ( ) / -).",
        )
    if cleaned_email is None and cleaned_phone is None:
        raise InvalidContactError(
            "give an e-mail address or a phone number (or both)",
            "Bitte E-Mail-Adresse oder Telefonnummer angeben (oder beides).",
        )
    return PrivacyContact(cleaned_name, cleaned_address, cleaned_email, cleaned_phone)


def contact_from_json(value: Any) -> PrivacyContact:
    """A received contact (a bundle's settings): the same rule as a typed one."""
    if not isinstance(value, Mapping) or set(value) - set(PARTS):
        raise InvalidContactError("not a privacy contact", "Kein Datenschutz-Kontakt.")
    parts = [value.get(part) for part in PARTS]
    if not all(part is None or isinstance(part, str) for part in parts):
        raise InvalidContactError("not a privacy contact", "Kein Datenschutz-Kontakt.")
    name, address, email, phone = parts
    return privacy_contact(name or "", address or "", email, phone)


def _required(key: str, text: str) -> str:
    cleaned = clean_text(key, text)
    if not cleaned:
        label = TEXT_FIELDS[key]
        raise InvalidContactError(
            f"the privacy contact needs a {label.label_en}",
            f"Der Datenschutz-Kontakt braucht: {label.label_de}.",
        )
    return cleaned


def _optional(key: str, text: str | None) -> str | None:
    return None if text is None else (clean_text(key, text) or None)
