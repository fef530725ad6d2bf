"""``passapp district offices [--silent] [--json]`` and ``district silent-days N``
(issue 11, item 5): the district's admin lists the offices with their keys and last
bundle; a bad number of days is bad input (exit 2) and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.services.context import ServiceContext
from tests.support.accounts import ADMIN, acting_as, add_admin


def run(district: ServiceContext, *args: str) -> Result:
    db = str(district.db.engine.url.database)
    return CliRunner().invoke(main, ["--db", db, *args], env=acting_as(ADMIN))


def test_the_admin_lists_the_offices_and_sets_the_silent_days(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    add_admin(district_ctx)
    listed = run(district_ctx, "district", "offices", "--json")
    assert listed.exit_code == 0, listed.stderr
    payload = json.loads(listed.stdout)
    assert payload["silent_after_days"] == 30
    codes = {office["code"]: office for office in payload["offices"]}
    assert set(codes) == {"EWDAH", "LRADAH"}
    (key,) = codes["EWDAH"]["keys"]
    assert len(key["fingerprint"]) > 20
    assert key["compromised_after"] is None
    # Nobody has been quiet for longer than 30 days on the test's day.
    quiet = json.loads(run(district_ctx, "--json", "district", "offices", "--silent").stdout)
    assert quiet["offices"] == []

    human = run(district_ctx, "district", "offices")
    assert "EWDAH" in human.stdout
    assert "noch kein Paket" in human.stdout
    assert "LRADAH  Landkreis Dachau" in human.stdout
    assert "eigene Dienststelle" in human.stdout

    done = run(district_ctx, "--json", "district", "silent-days", "14")
    assert done.exit_code == 0
    assert json.loads(done.stdout) == {"silent_after_days": 14}
    again = json.loads(run(district_ctx, "--json", "district", "offices").stdout)
    assert again["silent_after_days"] == 14


def test_impossible_days_are_bad_input_and_change_nothing(district_ctx: ServiceContext) -> None:
    add_admin(district_ctx)
    refused = run(district_ctx, "--json", "district", "silent-days", "3")
    assert refused.exit_code == 2
    assert "Tage" in json.loads(refused.stdout)["error_de"]
    listed = json.loads(run(district_ctx, "--json", "district", "offices").stdout)
    assert listed["silent_after_days"] == 30
