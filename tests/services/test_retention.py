"""`retention run`: the district's retention period travels to offices, and a site erases
the people it may erase whose last activity is older (issue 10, item 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from passapp.models.entities import Person
from passapp.services.context import ServiceContext
from passapp.services.erasure import retention_years, run_retention, set_retention_years
from passapp.services.errors import InvalidInput, Refused
from passapp.services.passes import issue_pass
from passapp.services.people import check_person, register_person
from tests.cli.test_cli import cli
from tests.services.helpers import register
from tests.services.test_erasure import leaks, qarawani
from tests.support.accounts import add_admin
from tests.sync.test_conflicts import to_office

LATER = dt.date(2029, 6, 1)  # two and a half years after the conftest's day


def years_at(ctx: ServiceContext) -> int:
    with ctx.db.reading() as session:
        return retention_years(session)


def erased(ctx: ServiceContext, person_id: object) -> bool:
    with ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person.erased_at is not None


def test_the_district_period_travels_and_retention_erases_only_the_inactive(
    district_ctx: ServiceContext, office_ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    assert years_at(office_ctx) == 3  # the default
    set_retention_years(district_ctx, 2)
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra.passapp")
    assert years_at(office_ctx) == 2

    inactive = register_person(office_ctx, qarawani()).person.id
    issue_pass(office_ctx, inactive)
    active = register(office_ctx)
    later = dataclasses.replace(office_ctx, today=lambda: LATER)
    check_person(later, active)  # checked again in 2029: active within two years

    assert run_retention(later, dry_run=True) == [inactive]
    assert not erased(office_ctx, inactive)

    assert run_retention(later) == [inactive]
    assert erased(office_ctx, inactive)
    assert not erased(office_ctx, active)
    assert leaks(db_path) == {}
    assert run_retention(later) == []


def test_only_the_district_sets_the_period_within_bounds(
    district_ctx: ServiceContext, office_ctx: ServiceContext
) -> None:
    with pytest.raises(Refused):
        set_retention_years(office_ctx, 1)
    with pytest.raises(InvalidInput):
        set_retention_years(district_ctx, 0)
    assert years_at(district_ctx) == 3


def test_retention_on_the_command_line(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    register_person(unenrolled_office_ctx, qarawani())
    add_admin(unenrolled_office_ctx)
    unenrolled_office_ctx.db.dispose()
    # The conftest's day is within any period: nothing to erase today.
    assert cli("retention", "run", "--dry-run", db=db_path) == {"dry_run": True, "erased": []}
    assert cli("retention", "set", "2", db=db_path, expect=1)["error"]
