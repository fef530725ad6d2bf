"""A written reason where the rules let a clerk decide (issuing despite a review, revoking a
pass, erasing a person): long enough to say why. One rule for all of them."""

from __future__ import annotations

from typing import Final

from passapp.services.errors import InvalidInput

MIN_REASON_LENGTH: Final = 10


def require_reason(reason: str) -> None:
    """Refuse a reason too short to say why (the caller has cleaned it)."""
    if len(reason) < MIN_REASON_LENGTH:
        raise InvalidInput(
            f"the reason must say why (at least {MIN_REASON_LENGTH} characters)",
            f"Die Begründung muss sagen, warum (mindestens {MIN_REASON_LENGTH} Zeichen).",
        )
