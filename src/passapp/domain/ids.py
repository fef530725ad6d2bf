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


# Pass ids are the one exception to "UUIDv7 made where the row is created": a pass that
# another office knows only from its scanned QR must have the same id there as at its
# issuing office, or entries logged against it could not be matched when they meet at the
# district. Pass numbers are unique across the district, so a name-based UUID of the number
# is unique too.
PASS_NAMESPACE = uuid.UUID("6f1d7c2e-3b7a-5a0e-9c1d-5a55a9901a7e")


def pass_id_for(pass_number: str) -> PassId:
    return PassId(uuid.uuid5(PASS_NAMESPACE, pass_number))


def parse_uuid(text: str) -> uuid.UUID:
    """Read an id as printed by the CLI."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise InputError(
            f"{text!r} is not an id (expected a UUID such as 01a2b3c4-…)",
            f"„{text}“ ist keine gültige Kennung.",
        ) from None
