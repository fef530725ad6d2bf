"""Identifiers: UUID version 7 made where a row is created (DESIGN §3).

Time-ordered UUIDs keep B-tree inserts local and let offices create rows offline without
ever colliding. Distinct types stop a person id being passed where a pass id is meant.
"""

from __future__ import annotations

import uuid
from typing import NewType

import uuid6

from passapp.domain.errors import InputError

PersonId = NewType("PersonId", uuid.UUID)
PassId = NewType("PassId", uuid.UUID)
EntryId = NewType("EntryId", uuid.UUID)
OfficeId = NewType("OfficeId", uuid.UUID)
OfferId = NewType("OfferId", uuid.UUID)


def new_uuid() -> uuid.UUID:
    # uuid6.uuid7 returns a uuid.UUID subclass; normalise so equality and hashing are plain.
    return uuid.UUID(bytes=uuid6.uuid7().bytes)


def parse_uuid(text: str) -> uuid.UUID:
    """Read an id as printed by the CLI."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise InputError(
            f"{text!r} is not an id (expected a UUID such as 01a2b3c4-…)",
            f"„{text}“ ist keine gültige Kennung.",
        ) from None
