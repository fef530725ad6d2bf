"""Dismissed duplicate pairs can be looked at and taken back (issue 12): a district admin who
marked a real duplicate as "two people" by mistake must be able to see the decision and
undo it; the pair is then listed again."""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.models.entities import AuditEvent
from passapp.services import duplicates
from passapp.services.context import ServiceContext
from passapp.services.duplicates import (
    SideState,
    dismiss_pair,
    dismissed_pairs,
    possible_duplicates,
    take_back_dismissal,
)
from passapp.services.erasure import erase_person
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.merges import merge_people
from passapp.services.trust import init_district
from tests.conftest import make_url_context
from tests.services.test_duplicates import pair_ids, person, register, to_district


@pytest.fixture
def two_records(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> tuple[uuid.UUID, uuid.UUID]:
    """The same woman at the office and at the district's own counter."""
    at_office = register(office_ctx, person("Petrenko", "Anna", "1974-05-15", sex="f"))
    to_district([office_ctx], district_ctx, tmp_path)
    at_district = register(district_ctx, person("Petrenko", "Anna", "1974-00-00", sex="f"))
    return at_office, at_district


def audit_events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_dismissed_pair_is_shown_and_taken_back_in_either_order(
    district_ctx: ServiceContext, two_records: tuple[uuid.UUID, uuid.UUID]
) -> None:
    at_office, at_district = two_records
    assert dismissed_pairs(district_ctx) == ()
    dismiss_pair(district_ctx, at_district, at_office)
    assert pair_ids(district_ctx) == []

    (shown,) = dismissed_pairs(district_ctx)
    sides = {shown.first.id: shown.first, shown.second.id: shown.second}
    assert sides.keys() == {at_office, at_district}
    assert sides[at_office].office_code == "EWDAH"
    assert sides[at_district].office_code == "LRADAH"
    assert sides[at_district].birth_date == PartialDate(1974)
    assert (shown.first_state, shown.second_state) == (SideState.CURRENT, SideState.CURRENT)
    assert shown.dismissed_by == "district"
    payload = shown.to_json()
    assert payload["dismissed_by"] == "district"
    assert payload["first"]["state"] == "current"
    assert payload["dismissed_at"].startswith(str(shown.dismissed_at.year))

    take_back_dismissal(district_ctx, at_office, at_district)  # the other order than dismissed

    assert dismissed_pairs(district_ctx) == ()
    assert pair_ids(district_ctx) == [{at_office, at_district}]
    assert possible_duplicates(district_ctx).dismissed == 0
    (event,) = audit_events(district_ctx, "person.duplicate_again")
    low, high = sorted((at_office, at_district))
    assert (event.actor, event.object_id) == ("district", str(low))
    assert event.details["other"] == str(high)
    assert event.details["dismissed_by"] == "district"
    # Taken back twice: the second time there is nothing to take back, and says so.
    with pytest.raises(NotFound) as twice:
        take_back_dismissal(district_ctx, at_district, at_office)
    assert "nicht als verschiedene Personen vermerkt" in twice.value.message_de
    assert len(audit_events(district_ctx, "person.duplicate_again")) == 1
    # Dismissed again after taking back: one decision, shown once.
    dismiss_pair(district_ctx, at_office, at_district)
    assert len(dismissed_pairs(district_ctx)) == 1


def test_an_office_may_neither_see_nor_take_back(
    office_ctx: ServiceContext, district_ctx: ServiceContext
) -> None:
    one = register(office_ctx, person("Haddad", "Rana", "1994-05-17", sex="f"))
    other = register(office_ctx, person("Haddad", "Rana", "1994-05-00", sex="f"))
    with pytest.raises(Refused, match="district") as refused:
        take_back_dismissal(office_ctx, one, other)
    assert "Koordinierungsstelle" in refused.value.message_de
    with pytest.raises(Refused):
        dismissed_pairs(office_ctx)
    assert audit_events(office_ctx, "person.duplicate_again") == []


def test_an_unknown_pair_is_bad_input(
    district_ctx: ServiceContext, two_records: tuple[uuid.UUID, uuid.UUID]
) -> None:
    at_office, at_district = two_records
    with pytest.raises(NotFound, match="not marked as different people"):
        take_back_dismissal(district_ctx, at_office, at_district)  # never dismissed
    with pytest.raises(NotFound):
        take_back_dismissal(district_ctx, at_office, uuid.uuid4())
    with pytest.raises(InvalidInput, match="itself"):
        take_back_dismissal(district_ctx, at_office, at_office)
    assert audit_events(district_ctx, "person.duplicate_again") == []


def test_an_erased_or_merged_record_is_shown_as_what_is_left_and_can_be_taken_back(
    district_ctx: ServiceContext,
    two_records: tuple[uuid.UUID, uuid.UUID],
) -> None:
    """Decided: taking back works for them too. The pair stays unlisted (an erased or
    merged-away record never is), and the district keeps one note less about an erased
    person."""
    at_office, at_district = two_records
    third = register(district_ctx, person("Petrenko", "Anna", "1974-05-00", sex="f"))
    dismiss_pair(district_ctx, at_office, at_district)
    dismiss_pair(district_ctx, at_district, third)
    erase_person(district_ctx, at_district, "Antrag nach Art. 17")
    merge_people(district_ctx, third, at_office, "gleicher Ausweis")

    shown = dismissed_pairs(district_ctx)
    assert len(shown) == 2
    states = {
        side.id: state
        for pair in shown
        for side, state in ((pair.first, pair.first_state), (pair.second, pair.second_state))
    }
    assert states == {
        at_office: SideState.CURRENT,
        at_district: SideState.ERASED,
        third: SideState.MERGED,
    }
    erased = next(
        side for pair in shown for side in (pair.first, pair.second) if side.id == at_district
    )
    assert (erased.family_names, erased.given_names) == ("", "")
    assert erased.birth_date == PartialDate(1974)

    take_back_dismissal(district_ctx, at_district, at_office)
    take_back_dismissal(district_ctx, third, at_district)
    assert dismissed_pairs(district_ctx) == ()
    assert pair_ids(district_ctx) == []  # neither pair can be one person again
    assert len(audit_events(district_ctx, "person.duplicate_again")) == 2


def test_a_long_list_of_decisions_is_read_in_parts(
    district_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decisions only accumulate; their records are read some hundred ids at a time (one
    ``IN`` list of them all broke SQLite's limit of bound values), with the same result."""
    names = ("Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowska", "Zielińska")
    people = [register(district_ctx, person(name, "Ewa", "1980-01-01")) for name in names]
    for first, second in itertools.pairwise(people):
        dismiss_pair(district_ctx, first, second)
    whole = dismissed_pairs(district_ctx)
    assert len(whole) == 6
    monkeypatch.setattr(duplicates, "IDS_PER_QUERY", 2)
    assert dismissed_pairs(district_ctx) == whole
    # 40,000 ids in one statement exceed SQLite's 32,766 bound values; in parts they pass.
    monkeypatch.undo()
    unknown = [uuid.uuid4() for _ in range(40_000)]
    with district_ctx.db.reading() as session:
        states: dict[uuid.UUID, SideState] = {}
        assert duplicates._sides(session, unknown, states) == {}
        assert states == {}


def test_decisions_are_listed_and_taken_back_on_every_backend(
    any_db_url: str, tmp_path: Path
) -> None:
    """The decisions' list reads records by id in parts and orders by the decision's
    moment: SQLite and PostgreSQL alike."""
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    try:
        init_district(ctx, name="Landkreis Dachau", code="LRADAH")
        first = register(ctx, person("Petrenko", "Anna", "1974-05-15", sex="f"))
        second = register(ctx, person("Petrenko", "Anna", "1974-00-00", sex="f"))
        third = register(ctx, person("Petrenko", "Anna", "1974-05-00", sex="f"))
        dismiss_pair(ctx, second, first)
        dismiss_pair(ctx, third, first)
        listed = dismissed_pairs(ctx)
        assert sorted(sorted(map(str, (p.first.id, p.second.id))) for p in listed) == sorted(
            sorted(map(str, pair)) for pair in ((first, second), (first, third))
        )
        moments = [p.dismissed_at for p in listed]
        assert moments == sorted(moments, reverse=True)  # the newest decision first
        take_back_dismissal(ctx, first, second)
        assert [{p.first.id, p.second.id} for p in dismissed_pairs(ctx)] == [{first, third}]
        assert {first, second} in pair_ids(ctx)
    finally:
        ctx.db.dispose()
