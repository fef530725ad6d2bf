"""What a holder did: entry kinds, statuses and levels (DESIGN §3, contract slugs).

Entries are append-only. A correction or a cancellation is a new entry that points to
the entry it corrects (:class:`Action`); the history therefore always shows what was
written when, which matters when a pass is shown at another office.
"""

from __future__ import annotations

from enum import StrEnum

from passapp.domain.errors import InputError


class EntryKind(StrEnum):
    SPRACHKURS = "sprachkurs"
    INTEGRATIONSKURS = "integrationskurs"
    ORIENTIERUNGSKURS = "orientierungskurs"
    BERUFSSPRACHKURS = "berufssprachkurs"
    WEITERBILDUNG = "weiterbildung"
    BERATUNG = "beratung"
    PRAKTIKUM = "praktikum"
    AUSBILDUNG = "ausbildung"
    ANERKENNUNG = "anerkennung"
    PRUEFUNG = "pruefung"
    EHRENAMT = "ehrenamt"
    SONSTIGES = "sonstiges"


class EntryStatus(StrEnum):
    EMPFOHLEN = "empfohlen"
    ANGEMELDET = "angemeldet"
    BEGONNEN = "begonnen"
    ABGESCHLOSSEN = "abgeschlossen"
    ABGEBROCHEN = "abgebrochen"


class CefrLevel(StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class Action(StrEnum):
    """Whether an entry records something new, corrects an earlier one or cancels it."""

    RECORD = "record"
    CORRECTION = "correction"
    CANCELLATION = "cancellation"


# Kinds for which a CEFR level makes sense; for others a level is refused as a typo.
LEVELLED_KINDS = frozenset(
    {
        EntryKind.SPRACHKURS,
        EntryKind.INTEGRATIONSKURS,
        EntryKind.BERUFSSPRACHKURS,
        EntryKind.PRUEFUNG,
    }
)


class InvalidEntryError(InputError):
    """An entry field with a value outside the contract."""


def parse_kind(text: str) -> EntryKind:
    try:
        return EntryKind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in EntryKind)
        raise InvalidEntryError(
            f"unknown entry kind {text!r}; allowed: {allowed}",
            f"Unbekannte Eintragsart „{text}“; erlaubt: {allowed}.",
        ) from None


def parse_status(text: str) -> EntryStatus:
    try:
        return EntryStatus(text.strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in EntryStatus)
        raise InvalidEntryError(
            f"unknown entry status {text!r}; allowed: {allowed}",
            f"Unbekannter Status „{text}“; erlaubt: {allowed}.",
        ) from None


def parse_level(text: str) -> CefrLevel:
    try:
        return CefrLevel(text.strip().upper())
    except ValueError:
        raise InvalidEntryError(
            f"unknown CEFR level {text!r}; allowed: A1, A2, B1, B2, C1, C2",
            f"Unbekanntes Sprachniveau „{text}“; erlaubt: A1, A2, B1, B2, C1, C2.",
        ) from None
