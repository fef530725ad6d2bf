"""Accounts on the command line (issue 10, contract): ``--user NAME`` / ``$PASSAPP_USER``,
the password from ``$PASSAPP_PASSWORD`` or a prompt, ``office init --admin``,
``user add/list/disable/password``; records name the account."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select

from passapp.cli import main
from passapp.domain.accounts import MAX_FAILED_LOGINS
from passapp.models.database import open_database, to_url
from passapp.models.entities import Account, AuditEvent, Person

ADMIN_PASSWORD = "Lindenallee 12, Dachau"
CLERK_PASSWORD = "Schalter-drei im Rathaus"


def run(db: Path, *args: str, **env: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), "--json", *args], env=env)


def payload(result: Result) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@pytest.fixture
def office(tmp_path: Path) -> Path:
    db = tmp_path / "ewdah.sqlite3"
    done = run(
        db,
        "office", "init", "--code", "EWDAH", "--name", "Einwohnermeldeamt Dachau",
        "--kind", "einwohnermeldeamt", "--admin", "Huber",
        PASSAPP_PASSWORD=ADMIN_PASSWORD,
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    return db


def as_admin(db: Path, *args: str, **env: str) -> Result:
    return run(db, "--user", "huber", *args, PASSAPP_PASSWORD=ADMIN_PASSWORD, **env)


def rows(db: Path, model: Any, column: Any) -> list[Any]:
    database = open_database(to_url(str(db)))
    try:
        with database.reading() as session:
            return list(session.scalars(select(column)))
    finally:
        database.dispose()


def test_office_init_makes_the_first_admin(office: Path) -> None:
    assert rows(office, Account, Account.name) == ["huber"]
    assert rows(office, Account, Account.role) == ["office-admin"]


def test_a_weak_first_password_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "neu.sqlite3"
    done = run(
        db,
        "office", "init", "--code", "EWDAH", "--name", "EMA", "--kind", "einwohnermeldeamt",
        "--admin", "huber",
        PASSAPP_PASSWORD="kurz",
    )  # fmt: skip
    assert done.exit_code == 2
    assert "mindestens 10 Zeichen" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not db.exists()


def test_an_admin_adds_a_clerk_and_the_clerks_records_name_the_account(office: Path) -> None:
    added = as_admin(
        office, "user", "add", "Meier", "--role", "clerk", PASSAPP_NEW_PASSWORD=CLERK_PASSWORD
    )
    assert added.exit_code == 0, added.stderr
    assert payload(added)["name"] == "meier"
    person = run(
        office,
        "--user", "meier", "person", "add", "--family-name", "Ahmadi", "--birth-date", "2001-04-03",
        PASSAPP_PASSWORD=CLERK_PASSWORD,
    )  # fmt: skip
    assert person.exit_code == 0, person.stderr
    assert rows(office, Person, Person.registered_by) == ["meier"]
    assert "meier" in rows(office, AuditEvent, AuditEvent.actor)
    listed = as_admin(office, "user", "list")
    assert [a["name"] for a in payload(listed)["accounts"]] == ["huber", "meier"]


def test_a_clerk_may_not_manage_accounts(office: Path) -> None:
    as_admin(office, "user", "add", "meier", "--role", "clerk", PASSAPP_NEW_PASSWORD=CLERK_PASSWORD)
    before = rows(office, Account, Account.name)
    for args in (
        ("user", "add", "schulz", "--role", "clerk"),
        ("user", "disable", "huber"),
        ("user", "enable", "huber"),
        ("user", "password", "huber"),
        ("user", "list"),
    ):
        done = run(
            office,
            "--user",
            "meier",
            *args,
            PASSAPP_PASSWORD=CLERK_PASSWORD,
            PASSAPP_NEW_PASSWORD="ein ganz neues Passwort",
        )
        assert done.exit_code == 1, args
        assert payload(done)["error_de"].startswith("Das darf die Rolle „Sachbearbeitung“ nicht")
        assert len(done.stderr.splitlines()) == 1
    assert rows(office, Account, Account.name) == before
    assert as_admin(office, "user", "list").exit_code == 0  # the admin's password is unchanged


def test_a_disabled_account_is_enabled_again_and_logs_in(office: Path) -> None:
    as_admin(office, "user", "add", "meier", "--role", "clerk", PASSAPP_NEW_PASSWORD=CLERK_PASSWORD)
    assert as_admin(office, "user", "disable", "meier").exit_code == 0
    as_clerk = ("--user", "meier", "find", "Ahmadi")
    assert run(office, *as_clerk, PASSAPP_PASSWORD=CLERK_PASSWORD).exit_code == 1
    enabled = as_admin(office, "user", "enable", "meier")
    assert enabled.exit_code == 0, enabled.stderr
    assert payload(enabled)["disabled"] is False
    assert run(office, *as_clerk, PASSAPP_PASSWORD=CLERK_PASSWORD).exit_code == 0
    again = as_admin(office, "user", "enable", "meier")
    assert again.exit_code == 1
    assert payload(again)["error_de"] == "Das Konto „meier“ ist nicht deaktiviert."
    assert rows(office, AuditEvent, AuditEvent.action).count("account.enable") == 1


def test_ten_wrong_passwords_on_the_command_line_lock_the_account(office: Path) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        done = run(office, "--user", "huber", "user", "list", PASSAPP_PASSWORD="falsch geraten!")
        assert done.exit_code == 1
        assert "Anmeldung fehlgeschlagen" in done.stderr
    locked = as_admin(office, "user", "list")
    assert locked.exit_code == 1
    actions = rows(office, AuditEvent, AuditEvent.action)
    assert actions.count("account.locked") == 1
    assert actions.count("account.login_failed") == MAX_FAILED_LOGINS


def test_without_a_password_and_without_a_terminal_it_says_so_instead_of_waiting(
    office: Path,
) -> None:
    done = CliRunner().invoke(main, ["--db", str(office), "--user", "huber", "user", "list"])
    assert done.exit_code == 2
    assert "PASSAPP_PASSWORD" in done.stderr


def test_the_user_comes_from_the_environment_too(office: Path) -> None:
    done = run(office, "user", "list", PASSAPP_USER="huber", PASSAPP_PASSWORD=ADMIN_PASSWORD)
    assert done.exit_code == 0, done.stderr


def test_the_set_up_names_the_first_admin_not_the_os_user(tmp_path: Path) -> None:
    db = tmp_path / "lra.sqlite3"
    done = run(
        db, "district", "init", "--code", "LRADAH", "--name", "Landkreis Dachau",
        "--admin", "kreis",
        PASSAPP_PASSWORD=ADMIN_PASSWORD, PASSAPP_CLERK="jemand", USER="jemand",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert set(rows(db, AuditEvent, AuditEvent.actor)) == {"kreis"}
    assert rows(db, Account, Account.created_by) == ["kreis"]
