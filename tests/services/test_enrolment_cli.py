"""`district enrol --replace-key` on the command line (issue 9, item 3), as a real process."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import cli, enrol_via_files
from tests.support.accounts import ADMIN_ARGS


def new_office(folder: Path) -> Path:
    folder.mkdir()
    db = folder / "office.sqlite3"
    cli(
        "office",
        "init",
        "--code",
        "EWDAH",
        "--name",
        "EMA Dachau",
        "--kind",
        "einwohnermeldeamt",
        *ADMIN_ARGS,
        db=db,
    )
    return db


def test_district_enrol_refuses_a_live_code_and_replace_key_retires_it(tmp_path: Path) -> None:
    district = tmp_path / "district.sqlite3"
    cli(
        "district", "init", "--name", "Landkreis Dachau", "--code", "LRADAH", *ADMIN_ARGS,
        db=district,
    )  # fmt: skip
    first = new_office(tmp_path / "old")
    enrol_via_files(first, district)
    old = json.loads((tmp_path / "old" / "request.json").read_text())

    again = new_office(tmp_path / "new")
    request, package = tmp_path / "new" / "request.json", tmp_path / "new" / "package.json"
    cli("office", "request", "--out", str(request), db=again)
    refused = cli("district", "enrol", str(request), "--out", str(package), db=district, expect=1)
    assert "EWDAH" in refused["error"]
    assert old["fingerprint"] in refused["error"]
    assert old["fingerprint"] in refused["error_de"]
    assert not package.exists()

    enrolled = cli(
        "district", "enrol", str(request), "--out", str(package), "--replace-key", db=district
    )
    assert enrolled["retired_key_ids"] == [old["key_id"]]
    assert enrolled["last_pass_sequence"] == 0
    installed = cli("office", "install", str(package), db=again)
    assert installed["next_pass_sequence"] == 1
