"""``passapp person duplicates`` (issue 11, item 5; additive to DESIGN §8): the district's
possible duplicates as text or one JSON object; a bad limit is bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from tests.support.accounts import acting_as, add_admin


def run(ctx: ServiceContext, *args: str) -> Result:
    db = str(ctx.db.engine.url.database)
    return CliRunner().invoke(main, ["--db", db, *args], env=acting_as())


def register(ctx: ServiceContext, family: str, given: str, born: str) -> str:
    data = PersonInput(
        family_names=family,
        given_names=given,
        birth_date=PartialDate.parse(born),
        moved_from_abroad=True,
        consent=True,
        consent_notice_version="2026-11",
    )
    return str(register_person(ctx, data).person.id)


def test_the_district_lists_its_possible_duplicates(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    first = register(district_ctx, "Haddad", "Mohammed", "1994-05-17")
    second = register(district_ctx, "Haddad", "Mohamed", "1994-00-00")
    register(district_ctx, "Okafor", "Chinedu", "1990-09-09")
    add_admin(district_ctx)

    done = run(district_ctx, "--json", "person", "duplicates")
    assert done.exit_code == 0, done.output
    payload = json.loads(done.stdout)
    assert (payload["total"], payload["dismissed"]) == (1, 0)
    (pair,) = payload["pairs"]
    assert {pair["first"]["id"], pair["second"]["id"]} == {first, second}
    assert pair["reasons"][:2] == ["name-phonetic", "birth-month-unknown"]
    assert "Geburtsjahr gleich, Tag und Monat unbekannt" in pair["reasons_de"]

    text = run(district_ctx, "person", "duplicates")
    assert text.exit_code == 0
    assert "Haddad, Mohamed (XX.XX.1994, LRADAH)" in text.stdout
    assert "1 mögliche Doppelte (1 gezeigt)" in text.stdout

    assert run(district_ctx, "person", "duplicates", "--limit", "0").exit_code == 2

    dismissed = run(district_ctx, "--json", "person", "not-duplicate", second, first)
    assert dismissed.exit_code == 0, dismissed.output
    after = json.loads(run(district_ctx, "--json", "person", "duplicates").stdout)
    assert (after["total"], after["dismissed"]) == (0, 1)
    # The same record twice, an id that is none: bad input.
    assert run(district_ctx, "person", "not-duplicate", first, first).exit_code == 2
    assert run(district_ctx, "person", "not-duplicate", first, "x").exit_code == 2


def test_the_district_lists_its_dismissed_pairs_and_takes_one_back(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    """``person dismissed`` and ``person not-duplicate A B --undo`` (issue 12): a pair marked
    as two people by mistake is seen and listed again; the ids in either order."""
    first = register(district_ctx, "Haddad", "Mohammed", "1994-05-17")
    second = register(district_ctx, "Haddad", "Mohamed", "1994-00-00")
    add_admin(district_ctx)
    assert run(district_ctx, "person", "not-duplicate", first, second).exit_code == 0

    listed = run(district_ctx, "--json", "person", "dismissed")
    assert listed.exit_code == 0, listed.output
    (pair,) = json.loads(listed.stdout)["pairs"]
    assert {pair["first"]["id"], pair["second"]["id"]} == {first, second}
    assert pair["dismissed_by"] == "huber"
    assert pair["first"]["state"] == "current"
    text = run(district_ctx, "person", "dismissed")
    assert "Haddad, Mohamed (XX.XX.1994, LRADAH)" in text.stdout
    assert "von huber am " in text.stdout
    assert "1 Paare als verschiedene Personen entschieden." in text.stdout

    undone = run(district_ctx, "--json", "person", "not-duplicate", second, first, "--undo")
    assert undone.exit_code == 0, undone.output
    assert json.loads(undone.stdout) == {"taken_back": [second, first]}
    assert json.loads(run(district_ctx, "--json", "person", "dismissed").stdout) == {"pairs": []}
    again = json.loads(run(district_ctx, "--json", "person", "duplicates").stdout)
    assert (again["total"], again["dismissed"]) == (1, 0)

    # Taken back twice, a pair never dismissed, an id that is none: bad input, said clearly.
    twice = run(district_ctx, "person", "not-duplicate", first, second, "--undo")
    assert twice.exit_code == 2
    assert "nicht als verschiedene Personen vermerkt" in twice.stderr
    assert run(district_ctx, "person", "not-duplicate", first, "x", "--undo").exit_code == 2
    assert run(district_ctx, "person", "not-duplicate", first, first, "--undo").exit_code == 2
