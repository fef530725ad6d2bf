"""A pass number issued twice reaches the district as a quarantined change, not a crash.

An office code is one office for life, and a re-installed office continues after the
highest number the district knows (``trust.enrol_office``). Passes the old database issued
but never sent are not known then, so the new database may hand out such a number again.
Pass ids are derived from the number (DESIGN-NOTES "Sync"), so the second pass arrives
under the id of the first: it would overwrite the first pass's holder and then fail on its
card with an IntegrityError, and the district could import nothing from that office.

A pass's holder never changes after issue (a merge changes the person, not the pass), so
a pass change naming another holder than the pass held here is the second issue of its
number; a card for a pass and generation held here under another card id is its card.
Both are quarantined with a message that says what happened and what to do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.models.entities import Pass, PassCard

REISSUED_PASS = (
    "pass number {number} was issued twice: the district holds it for another holder. "
    "Office {office} reused it, probably after its database was re-installed without the "
    "district's last number; the office must revoke this card and issue a new pass"
)
REISSUED_CARD = (
    "card {generation} of pass {number} exists here already with another card id: it "
    "belongs to a second issue of that pass number (re-installed office?)"
)


class IncomingChange(Protocol):
    """What the check needs of a change being applied (``sync_apply.Incoming``)."""

    @property
    def entity_id(self) -> uuid.UUID: ...

    @property
    def values(self) -> dict[str, Any]: ...

    @property
    def record(self) -> dict[str, Any]: ...


Change = TypeVar("Change", bound=IncomingChange)
Quarantine = Callable[[dict[str, Any], str], None]


def without_reissued_numbers(
    session: Session, entity_type: str, items: list[Change], quarantine: Quarantine
) -> list[Change]:
    """The changes of one batch and type that may be applied; the second issue of a pass
    number and its cards go to ``quarantine`` with the reason."""
    if entity_type == "pass":
        reasons = _reissued_passes(session, items)
    elif entity_type == "pass_card":
        reasons = _reissued_cards(session, items)
    else:
        return items
    for item in items:
        reason = reasons.get(item.entity_id)
        if reason is not None:
            quarantine(item.record, reason)
    return [item for item in items if item.entity_id not in reasons]


def _reissued_passes(session: Session, items: list[Change]) -> dict[uuid.UUID, str]:
    held = {
        row.id: row
        for row in session.execute(
            select(Pass.id, Pass.person_id, Pass.pass_number).where(
                Pass.id.in_([item.entity_id for item in items])
            )
        )
    }
    reasons = {}
    for item in items:
        here = held.get(item.entity_id)
        holder = item.values.get("person_id")
        if here is None or here.person_id is None or holder is None or holder == here.person_id:
            continue  # new, a stub learned from a scan, or the same pass
        reasons[item.entity_id] = REISSUED_PASS.format(
            number=here.pass_number, office=item.record.get("origin_office", "?")
        )
    return reasons


def _reissued_cards(session: Session, items: list[Change]) -> dict[uuid.UUID, str]:
    incoming = {
        (item.values.get("pass_id"), item.values.get("generation")): item.entity_id
        for item in items
    }
    held = session.execute(
        select(PassCard.pass_id, PassCard.generation, PassCard.id, Pass.pass_number)
        .join(Pass, Pass.id == PassCard.pass_id)
        .where(PassCard.pass_id.in_({pass_id for pass_id, _ in incoming}))
    )
    reasons = {}
    for pass_id, generation, card_id, number in held:
        card = incoming.get((pass_id, generation))
        if card is not None and card != card_id:
            reasons[card] = REISSUED_CARD.format(generation=generation, number=number)
    return reasons
