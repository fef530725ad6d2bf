"""The merge rule of sync (issue 9 item 5): the same winner at every site, whatever the
order the edits arrive in; the owner's edit wins; a revoked pass never becomes active
again and a generation never goes down; the loser is always the other edit."""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.merge import Authority, Edit, may_change, winner

AUTHORITY = Authority(owner="EWDAH", district="LRADAH")
OFFICES = ("EWDAH", "JCDAH", "LRADAH", "VHSKA")
FIELDS = (
    ("pass", "status"),
    ("pass", "generation"),
    ("pass", "revoked_on"),
    ("pass", "issued_by"),
    ("person", "given_names"),
    ("person", "merged_into_id"),
)


def values_for(field: tuple[str, str]) -> st.SearchStrategy[Any]:
    return {
        ("pass", "status"): st.sampled_from(("active", "replaced", "revoked")),
        ("pass", "generation"): st.integers(0, 5),
        ("pass", "revoked_on"): st.sampled_from((None, "2026-11-20", "2026-11-24")),
        ("person", "merged_into_id"): st.sampled_from((None, "p-1", "p-2")),
    }.get(field, st.sampled_from(("Rana", "Rana M.", "Rania")))


@st.composite
def edits_of_one_field(draw: st.DrawFn) -> tuple[tuple[str, str], list[Edit]]:
    field = draw(st.sampled_from(FIELDS))
    stamps = draw(
        st.lists(
            st.tuples(st.sampled_from(OFFICES), st.integers(1, 50), st.sampled_from("abc")),
            min_size=2,
            max_size=6,
            unique_by=lambda stamp: (stamp[2], stamp[1]),  # one change per (database, counter)
        )
    )
    edits = [Edit(draw(values_for(field)), o, c, f"{o}-{d}") for o, c, d in stamps]
    return field, edits


def fold(field: tuple[str, str], edits: list[Edit]) -> Edit:
    return functools.reduce(
        lambda local, incoming: winner(*field, local, incoming, AUTHORITY), edits
    )


@settings(derandomize=True, max_examples=300)
@given(edits_of_one_field(), st.randoms(use_true_random=False))
def test_every_site_ends_with_the_same_winner_whatever_the_order(
    case: tuple[tuple[str, str], list[Edit]], order: Any
) -> None:
    field, edits = case
    shuffled = list(edits)
    order.shuffle(shuffled)
    assert fold(field, shuffled) == fold(field, edits)
    assert fold(field, edits + edits[:1]) == fold(field, edits)  # a repeated bundle


@settings(derandomize=True, max_examples=300)
@given(edits_of_one_field())
def test_the_winner_is_one_of_the_two_and_the_loser_the_other(
    case: tuple[tuple[str, str], list[Edit]],
) -> None:
    field, (local, incoming, *_) = case
    won = winner(*field, local, incoming, AUTHORITY)
    assert won in (local, incoming)
    assert winner(*field, incoming, local, AUTHORITY) == won  # the same from either side


@settings(derandomize=True, max_examples=300)
@given(edits_of_one_field())
def test_what_only_moves_one_way_never_goes_back(
    case: tuple[tuple[str, str], list[Edit]],
) -> None:
    field, edits = case
    final = fold(field, edits).value
    values = [e.value for e in edits]
    if field == ("pass", "status") and "revoked" in values:
        assert final == "revoked"
    if field == ("pass", "generation"):
        assert final == max(values)
    if field == ("pass", "revoked_on") and any(v is not None for v in values):
        assert final is not None


@settings(derandomize=True, max_examples=300)
@given(edits_of_one_field())
def test_the_owners_edit_wins_and_the_district_decides_a_merge(
    case: tuple[tuple[str, str], list[Edit]],
) -> None:
    field, edits = case
    final = fold(field, edits)
    offices = {e.office for e in edits}
    if field in (("pass", "issued_by"), ("person", "given_names")) and "EWDAH" in offices:
        assert final.office == "EWDAH"
    if field == ("person", "merged_into_id") and "LRADAH" in offices:
        assert final.office == "LRADAH"


def test_who_may_change_which_field_of_an_offices_record() -> None:
    assert may_change("person", "given_names", "EWDAH", AUTHORITY)
    assert not may_change("person", "merged_into_id", "EWDAH", AUTHORITY)  # district only
    assert may_change("person", "merged_into_id", "LRADAH", AUTHORITY)
    assert not may_change("person", "given_names", "LRADAH", AUTHORITY)
    # A merge unites the survivor's learner profile with the duplicate's.
    assert may_change("person", "learner_profile", "LRADAH", AUTHORITY)
    assert not may_change("person", "learner_profile", "JCDAH", AUTHORITY)
    assert may_change("pass", "status", "LRADAH", AUTHORITY)  # an office's report
    assert not may_change("pass", "status", "JCDAH", AUTHORITY)
    own = Authority(owner="LRADAH", district="LRADAH")  # the district's own pass
    assert may_change("pass", "issued_by", "LRADAH", own)
