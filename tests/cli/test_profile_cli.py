"""``passapp person profile``: show, change the fields given, refuse bad values (exit 2)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from passapp.cli import main
from tests.conftest import init_office, make_context
from tests.services.helpers import register
from tests.support.accounts import acting_as, add_admin


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "office.sqlite3"
    ctx = make_context(path)
    init_office(ctx, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    person = str(register(ctx))
    add_admin(ctx)
    ctx.db.dispose()
    return path, person


def run(db: Path, *args: str, expect: int = 0) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["--db", str(db), "--json", *args], env=acting_as())
    assert result.exit_code == expect, result.output
    payload: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return payload


def stored(db: Path) -> str | None:
    with closing(sqlite3.connect(db)) as connection:
        value: str | None = connection.execute("SELECT learner_profile FROM person").fetchone()[0]
        return value


def test_set_then_show(office: tuple[Path, str]) -> None:
    db, person = office
    assert run(db, "person", "profile", person)["highest_german_level"] is None
    changed = run(
        db,
        "person",
        "profile",
        person,
        *("--german-level", "b1", "--basis", "certificate", "--on", "2026-05-01"),
        *("--literacy", "latin", "--school-years", "9", "--language", "ar"),
        *("--wish", "sprachkurs", "--wish", "abendkurs"),
        *("--training", "vocational", "--training-country", "SYR", "--recognition", "sought"),
    )
    assert changed["highest_german_level"] == {
        "level": "B1",
        "basis": "certificate",
        "on": "2026-05-01",
        "from_exam": False,
    }
    # A later call with one option keeps the rest.
    run(db, "person", "profile", person, "--situation", "looking")
    shown = run(db, "person", "profile", person)
    assert shown["situation"] == "looking"
    assert shown["literacy"] == "latin"
    assert shown["wished_kinds"] == ["sprachkurs"]
    assert shown["arrangements"] == ["abendkurs"]
    assert shown["training"] == {"kind": "vocational", "country": "SYR", "recognition": "sought"}


def test_human_output_names_the_level_in_german(office: tuple[Path, str]) -> None:
    db, person = office
    args = ["--db", str(db), "person", "profile", person, "--german-level", "A0"]
    result = CliRunner().invoke(main, args, env=acting_as())
    assert result.exit_code == 0, result.output
    assert "Höchstes belegtes Deutschniveau: A0 (self-assessed" in result.stdout


@pytest.mark.parametrize(
    "bad",
    [
        ["--german-level", "D7"],
        ["--german-level", "B1", "--basis", "rumour"],
        ["--german-level", "B1", "--on", "2026-13-01"],
        ["--literacy", "klingon"],
        ["--school-years", "many"],
        ["--school-years", "99"],
        ["--wish", "tanzkurs"],
        ["--language", "xx-klingon"],
        ["--training-country", "SYR"],
        ["--training", "degree", "--training-country", "ZZZ"],
    ],
)
def test_bad_values_exit_2_in_german_and_change_nothing(
    office: tuple[Path, str], bad: list[str]
) -> None:
    db, person = office
    refused = run(db, "person", "profile", person, *bad, expect=2)
    assert refused["error_de"]
    assert stored(db) is None
