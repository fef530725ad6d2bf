"""The merge rule of sync (DESIGN §7, "Ownership removes most conflicts"): which of two
edits of one field of a shared record wins, decided the same way at every site.

A site holds one value per field and the stamp of the change that last wrote the record;
an incoming change names its own stamp. The winner is the edit with the higher
*precedence*, a total order, so the outcome does not depend on the order in which a site
learns of the edits (the rule is a maximum: commutative, associative, idempotent):

* a pass's ``status`` ranks first by the status itself (revoked above replaced above
  active: revocation beats reissue, a revoked pass never becomes active again);
* a pass's ``generation`` only goes up (a card printed anywhere stays invalidated);
* ``revoked_on``/``revoke_reason`` prefer a value to none (they follow the revocation);
* a person's ``erased_at`` prefers a value to none: erased wins, whoever edits after;
* district-only fields (a merge) take the district's edit;
* every other field takes the owner's edit (the office that registered the person or
  issued the pass);
* ties are broken by (office, counter, database id), the same everywhere.

The loser of a real conflict is kept for review by the caller; this module decides only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PASS_STATUS_RANK = {"active": 0, "replaced": 1, "revoked": 2}
# Fields only the district sets; an office's snapshot never changes them.
DISTRICT_ONLY_FIELDS: dict[str, frozenset[str]] = {"person": frozenset({"merged_into_id"})}
# What the district may change of a record another office owns: a merge of people (with
# the survivor's learner profile, which gains what only the duplicate knew), and what an
# office reported about its pass (``district pass-status``).
DISTRICT_EDITABLE: dict[str, frozenset[str]] = {
    "person": frozenset({"merged_into_id", "learner_profile"}),
    "pass": frozenset({"status", "generation", "revoked_on", "revoke_reason"}),
}
_RANKED = ("pass", "status")
_GROWING = ("pass", "generation")
# An erasure (Art. 17) stays whatever comes after it; the importer also keeps every other
# field of an erased person as the tombstone left it.
_STICKY = frozenset({("pass", "revoked_on"), ("pass", "revoke_reason"), ("person", "erased_at")})


@dataclass(frozen=True)
class Edit:
    """One value of a field and the stamp of the change that wrote it."""

    value: Any
    office: str
    counter: int
    database: str


@dataclass(frozen=True)
class Authority:
    """Who speaks for a record: its owning office and the district (codes; None: unknown)."""

    owner: str | None
    district: str | None


def _authoritative(entity_type: str, field: str, edit: Edit, authority: Authority) -> bool:
    if field in DISTRICT_ONLY_FIELDS.get(entity_type, frozenset()):
        return edit.office == authority.district
    return edit.office == authority.owner


def precedence(
    entity_type: str, field: str, edit: Edit, authority: Authority
) -> tuple[int | str, ...]:
    """The sort key of an edit: the higher key wins."""
    stamp = (
        _authoritative(entity_type, field, edit, authority),
        edit.office,
        edit.counter,
        edit.database,
    )
    key = (entity_type, field)
    if key == _RANKED:
        return (PASS_STATUS_RANK.get(str(edit.value), -1), *stamp)
    if key == _GROWING:
        return (edit.value if isinstance(edit.value, int) else -1, *stamp)
    if key in _STICKY:
        return (edit.value is not None, *stamp)
    return stamp


def winner(entity_type: str, field: str, local: Edit, incoming: Edit, authority: Authority) -> Edit:
    """The edit that stands; the other one is the loser (to be kept as a conflict)."""
    incoming_key = precedence(entity_type, field, incoming, authority)
    local_key = precedence(entity_type, field, local, authority)
    return incoming if incoming_key > local_key else local


def is_monotone(entity_type: str, field: str) -> bool:
    """Fields whose rule holds even against a later edit of the same origin: a status
    never goes back, a generation never goes down, a revocation date stays."""
    key = (entity_type, field)
    return key in (_RANKED, _GROWING) or key in _STICKY


def may_change(entity_type: str, field: str, origin: str, authority: Authority) -> bool:
    """Whether a change from ``origin`` may change this field of an existing record: the
    owner every field but the district-only ones, the district those and what an office
    reported about its pass, nobody else anything."""
    if origin == authority.district and (
        field in DISTRICT_EDITABLE.get(entity_type, frozenset()) or origin == authority.owner
    ):
        return True
    return origin == authority.owner and field not in DISTRICT_ONLY_FIELDS.get(
        entity_type, frozenset()
    )


def is_district_only(entity_type: str, field: str) -> bool:
    """A field nobody but the district writes: a change there is no conflict with anyone."""
    return field in DISTRICT_ONLY_FIELDS.get(entity_type, frozenset())


def value_rank(entity_type: str, field: str, value: Any) -> int:
    """The value part of a monotone field's precedence (see :func:`is_monotone`)."""
    rank = precedence(entity_type, field, Edit(value, "", 0, ""), Authority(None, None))[0]
    return int(rank)
