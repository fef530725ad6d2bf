"""The read services the counter screens build on: a person's overview, the catalogue."""

from __future__ import annotations

from passapp.services.context import ServiceContext
from passapp.services.offers import list_offers
from passapp.services.overview import person_overview
from passapp.services.passes import issue_pass, replace_pass, revoke_pass
from tests.services.helpers import register


def test_overview_shows_eligibility_today_and_passes_newest_first(
    office_ctx: ServiceContext,
) -> None:
    person_id = register(office_ctx, birth="2001-04-03", arrival="2021-09-02")
    before = person_overview(office_ctx, person_id)
    assert before.passes == ()
    assert before.active_pass is None
    assert before.eligibility.status == "eligible"

    first = issue_pass(office_ctx, person_id)
    replace_pass(office_ctx, first.pass_number)
    revoke_pass(office_ctx, first.pass_number, "Person ist verzogen")
    second = issue_pass(office_ctx, person_id)

    after = person_overview(office_ctx, person_id)
    assert [p.pass_number for p in after.passes] == [second.pass_number, first.pass_number]
    assert after.active_pass is not None
    assert after.active_pass.pass_number == second.pass_number
    revoked = after.passes[1]
    assert (revoked.status, revoked.generation) == ("revoked", 1)
    assert revoked.revoke_reason == "Person ist verzogen"
    assert after.person.family_names == "Ahmadi"


def test_overview_eligibility_is_unclear_when_the_arrival_day_decides(
    office_ctx: ServiceContext,
) -> None:
    # Arrived in a month six years before "today" of the test context: the day decides.
    today = office_ctx.today()
    month = f"{today.year - 6:04d}-{today.month:02d}-00"
    person_id = register(office_ctx, birth="1990-01-01", arrival=month)
    assert person_overview(office_ctx, person_id).eligibility.status == "needs_review"


def test_catalogue_lists_active_offers_and_narrows_by_any_spelling(
    office_ctx: ServiceContext,
) -> None:
    offers = list_offers(office_ctx)
    assert offers
    assert all(o.active for o in offers)
    assert [(o.category, o.title) for o in offers] == sorted((o.category, o.title) for o in offers)
    some = offers[0]
    word = some.title.split()[0]
    narrowed = list_offers(office_ctx, word.lower())
    assert some in narrowed
    assert all(
        word.casefold() in f"{o.title} {o.provider} {o.category}".casefold() for o in narrowed
    )
    assert list_offers(office_ctx, "zzzz-nichts") == []


def test_a_level_typed_in_the_catalogue_filter_means_that_level(
    office_ctx: ServiceContext,
) -> None:
    # "b1" must not shrink to the letter B, which nearly every title contains.
    narrowed = list_offers(office_ctx, "b1")
    assert narrowed
    assert all("B1" in o.cefr_levels or "B1" in o.title.upper().split() for o in narrowed)
    assert len(narrowed) < len(list_offers(office_ctx))
