"""Each role is refused on the command line what it may not do (issue 10): exit 1, one line
naming the role, the refusal in the audit log, and nothing else changed; the account comes
from ``--user``/``$PASSAPP_USER`` and the records the command line writes name it.

The databases are made once through the services (an office enrolled at the district, a
person with a pass); every refused command line runs in-process against them, and all
tables but the audit log are compared before and after.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.domain.accounts import ROLE_LABELS_DE, Role
from passapp.services.desk import Gate
from passapp.services.passes import issue_pass
from passapp.services.sync import export_bundles
from tests.conftest import enrol, init_district, init_office, make_context
from tests.services.helpers import register
from tests.support.accounts import ADMIN, ADMIN_PASSWORD, acting_as

# name, password, role, database ("office" or "district")
ACCOUNTS = {
    "meier": ("Schalter-drei im Rathaus", Role.CLERK, "office"),
    "pruefer": ("Prüfung am Freitag 2026", Role.AUDITOR, "office"),
    ADMIN: (ADMIN_PASSWORD, Role.OFFICE_ADMIN, "office"),
    "kreis": ("Landratsamt Weiherweg 16", Role.DISTRICT_ADMIN, "district"),
    "amt": ("Büro im Erdgeschoss 3", Role.OFFICE_ADMIN, "district"),
}


@dataclass(frozen=True)
class World:
    folder: Path
    office: Path
    district: Path
    person: str
    pass_number: str
    bundle: Path

    def run(self, account: str, *args: str, **env: str) -> Result:
        password, _role, where = ACCOUNTS[account]
        db = self.office if where == "office" else self.district
        return CliRunner().invoke(
            main,
            ["--db", str(db), "--json", *args],
            env={**acting_as(account, password), "PASSAPP_OUTPUT_DIR": str(self.folder), **env},
        )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("roles")
    district = make_context(folder / "district.sqlite3", clerk="district")
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    office = make_context(folder / "office.sqlite3")
    init_office(office, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    enrol(office, district, folder)
    person = register(office)
    number = issue_pass(office, person, out_pdf=folder / "pass.pdf").pass_number
    bundle = export_bundles(office, folder / "bundle.passapp")[0].path
    admins = {
        "office": Gate(office).add_first_admin(ADMIN, ADMIN_PASSWORD, Role.OFFICE_ADMIN),
        "district": Gate(district).add_first_admin(
            "kreis", ACCOUNTS["kreis"][0], Role.DISTRICT_ADMIN
        ),
    }
    for name, (password, role, where) in ACCOUNTS.items():
        if name not in (ADMIN, "kreis"):
            admins[where].add_account(name, role, password)
    for ctx in (office, district):
        ctx.db.dispose()
    return World(
        folder, folder / "office.sqlite3", folder / "district.sqlite3", str(person), number, bundle
    )


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit log (which notes the log-in and the refusal)
    and the account's time of its last log-in."""
    with closing(sqlite3.connect(db)) as connection:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if row[0] != "audit_event"
        ]
        rows = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            names = [column[0] for column in cursor.description]
            rows[table] = [
                tuple(None if n == "last_login_at" else v for n, v in zip(names, row, strict=True))
                for row in cursor
            ]
        return rows


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def last_events(db: Path, count: int) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as connection:
        found = connection.execute(
            "SELECT actor, action FROM audit_event ORDER BY seq DESC LIMIT ?", (count,)
        ).fetchall()
    return [(actor, action) for actor, action in reversed(found)]


# What a role at an office may not do (``@`` names a file or id of the world).
DISTRICT_ONLY = [
    ("person", "merge", "@person", "--into", "@other", "--reason", "doppelt erfasst"),
    ("person", "duplicates"),
    ("person", "not-duplicate", "@person", "@other"),
    ("person", "not-duplicate", "@person", "@other", "--undo"),
    ("person", "dismissed"),
    ("district", "enrol", "@folder/request.json", "--out", "@folder/package-x.json"),
    ("district", "trust-list", "--out", "@folder/trust-x.json"),
    ("district", "compromised", "EWDAH", "--key-id", "1", "--after", "2026-01-01"),
    ("district", "pass-status", "@pass", "--revoked", "--reason", "gestohlen"),
    ("retention", "set", "5"),
    ("district", "offices"),
    ("district", "offices", "--silent", "--json"),
    ("district", "silent-days", "14"),
]
OFFICE_ADMINISTRATION = [
    ("sync", "export", "--out", "@folder/out-x.passapp"),
    ("sync", "import", "@bundle"),
    ("sync", "status"),
    ("sync", "conflicts"),
    ("office", "request", "--out", "@folder/request-x.json"),
    ("office", "install", "@bundle"),
    ("user", "add", "schulz", "--role", "clerk"),
    ("user", "list"),
    ("user", "disable", ADMIN),
    ("user", "enable", ADMIN),
    ("user", "password", ADMIN),
    ("person", "erase", "@person", "--reason", "Antrag nach Art. 17 DSGVO"),
    ("person", "report", "@person", "--out", "@folder/auskunft-x.pdf"),
    ("retention", "run"),
    ("retention", "run", "--dry-run"),
    *DISTRICT_ONLY,
]
COUNTER = [
    ("person", "add", "--family-name", "Rahimi", "--birth-date", "2001-04-03"),
    ("person", "withdraw-consent", "@person"),
    ("find", "Ahmadi"),
    ("pass", "issue", "@person", "--out", "@folder/pass-x.pdf"),
    ("pass", "verify", "1"),
    ("pass", "revoke", "@pass", "--reason", "verloren gemeldet"),
    ("pass", "replace", "@pass", "--out", "@folder/ersatz-x.pdf"),
    ("pass", "sheet", "@pass", "--out", "@folder/sheet-x.pdf"),
    ("entry", "add", "@pass", "--kind", "beratung", "--date", "2026-11-20"),
    ("entry", "list", "@pass"),
]
REFUSED = {
    "meier": [*OFFICE_ADMINISTRATION, ("audit", "verify")],
    "pruefer": [*OFFICE_ADMINISTRATION, *COUNTER],
    ADMIN: DISTRICT_ONLY,
    "amt": DISTRICT_ONLY,
}
CASES = [(account, args) for account, lines in REFUSED.items() for args in lines]


def expand(world: World, args: tuple[str, ...]) -> list[str]:
    names = {
        "@folder": str(world.folder),
        "@person": world.person,
        "@other": str(uuid.UUID(int=7)),
        "@pass": world.pass_number,
        "@bundle": str(world.bundle),
    }
    expanded = []
    for arg in args:
        for name, value in names.items():
            arg = arg.replace(name, value)
        expanded.append(arg)
    return expanded


@pytest.mark.parametrize(("account", "args"), CASES, ids=[f"{a}:{' '.join(c)}" for a, c in CASES])
def test_a_role_is_refused_what_it_may_not_do_and_nothing_changes(
    world: World, account: str, args: tuple[str, ...]
) -> None:
    _password, role, where = ACCOUNTS[account]
    db = world.office if where == "office" else world.district
    before = snapshot(db)
    files = written(world.folder)
    done = world.run(account, *expand(world, args), PASSAPP_NEW_PASSWORD="ein neues Passwort 7")
    assert done.exit_code == 1, (done.stdout, done.stderr)
    payload = json.loads(done.stdout)
    assert payload["error"].startswith(f"role {role} may not ")
    assert f"Das darf die Rolle „{ROLE_LABELS_DE[role]}“ nicht" in payload["error_de"]
    assert done.stderr.startswith("passapp: Das darf die Rolle")
    assert len(done.stderr.splitlines()) == 1
    assert snapshot(db) == before
    assert written(world.folder) == files  # no bundle, PDF, package or list written
    assert last_events(db, 2) == [(account, "account.login"), (account, "permission.refused")]


@pytest.mark.parametrize(
    ("account", "args"),
    [
        ("pruefer", ("audit", "verify")),
        ("meier", ("find", "Ahmadi")),
        ("meier", ("user", "password", "meier")),  # an account's own password
        ("kreis", ("retention", "set", "4")),
        ("amt", ("sync", "status")),
    ],
)
def test_each_role_may_do_its_own_work(world: World, account: str, args: tuple[str, ...]) -> None:
    # The other side of the matrix, one line each: the refusals above are not blanket ones.
    password = ACCOUNTS[account][0]
    done = world.run(account, *args, PASSAPP_NEW_PASSWORD=password)  # own password kept
    assert done.exit_code == 0, done.stderr


def test_records_written_on_the_command_line_name_the_account(world: World) -> None:
    added = world.run(
        "meier", "person", "add", "--family-name", "Okafor", "--birth-date", "1990-09-09",
        "--from-abroad",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    person = json.loads(added.stdout)["id"]
    issued = world.run("meier", "pass", "issue", person, "--out", str(world.folder / "ok.pdf"))
    assert issued.exit_code == 0, issued.stderr
    with closing(sqlite3.connect(world.office)) as connection:
        registered_by = connection.execute(
            "SELECT registered_by FROM person WHERE id = ?", (uuid.UUID(person).hex,)
        ).fetchone()
        pass_by = connection.execute(
            "SELECT issued_by FROM pass WHERE pass_number = ?",
            (json.loads(issued.stdout)["pass_number"],),
        ).fetchone()
    assert (registered_by, pass_by) == (("meier",), ("meier",))
    assert [action for actor, action in last_events(world.office, 5) if actor == "meier"][-1] == (
        "pass.issue"
    )


def test_without_an_account_a_command_is_bad_input(world: World) -> None:
    done = CliRunner().invoke(main, ["--db", str(world.office), "find", "Ahmadi"])
    assert done.exit_code == 2
    assert "--user NAME oder $PASSAPP_USER" in done.stderr
    english = CliRunner().invoke(main, ["--db", str(world.office), "--json", "find", "x"])
    assert json.loads(english.stdout)["error"] == "no account: --user NAME or $PASSAPP_USER"


def test_a_wrong_password_or_a_disabled_account_is_the_one_log_in_refusal(world: World) -> None:
    wrong = world.run("meier", "find", "Ahmadi", PASSAPP_PASSWORD="falsch geraten, sicher")
    assert wrong.exit_code == 1
    assert wrong.stderr.startswith("passapp: Anmeldung fehlgeschlagen")
    added = world.run(
        "kreis", "user", "add", "vertretung", "--role", "clerk",
        PASSAPP_NEW_PASSWORD="Sommer 2026 am Amt",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert world.run("kreis", "user", "disable", "vertretung").exit_code == 0
    disabled = world.run(
        "kreis", "find", "x", PASSAPP_USER="vertretung", PASSAPP_PASSWORD="Sommer 2026 am Amt"
    )
    assert disabled.exit_code == 1
    assert disabled.stderr == wrong.stderr  # the same words for every reason


def test_set_up_without_a_first_admin_is_refused_and_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "neu.sqlite3"
    for command in (
        ("office", "init", "--code", "EWDAH", "--name", "EMA", "--kind", "einwohnermeldeamt"),
        ("district", "init", "--code", "LRADAH", "--name", "Landkreis Dachau"),
    ):
        done = CliRunner().invoke(
            main, ["--db", str(db), *command], env={"PASSAPP_PASSWORD": ADMIN_PASSWORD}
        )
        assert done.exit_code == 2
        assert "--admin NAME oder $PASSAPP_USER" in done.stderr
        assert not db.exists()
    from_environment = CliRunner().invoke(
        main, ["--db", str(db), "--json", "district", "init", "--code", "LRADAH", "--name", "L"],
        env=acting_as(),
    )  # fmt: skip
    assert from_environment.exit_code == 0, from_environment.stderr
    listed = CliRunner().invoke(main, ["--db", str(db), "--json", "user", "list"], env=acting_as())
    assert [(a["name"], a["role"]) for a in json.loads(listed.stdout)["accounts"]] == [
        (ADMIN, "district-admin")
    ]


def test_a_database_from_before_accounts_is_usable_only_to_make_its_first_admin(
    tmp_path: Path,
) -> None:
    ctx = make_context(tmp_path / "alt.sqlite3")
    init_office(ctx, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    register(ctx)
    ctx.db.dispose()
    db = str(tmp_path / "alt.sqlite3")

    refused = CliRunner().invoke(main, ["--db", db, "--json", "find", "Ahmadi"], env=acting_as())
    assert refused.exit_code == 2
    assert "passapp user add NAME --role office-admin" in json.loads(refused.stdout)["error"]
    clerk_first = CliRunner().invoke(
        main, ["--db", db, "user", "add", "meier", "--role", "clerk"], env=acting_as()
    )
    assert clerk_first.exit_code == 1
    assert "Admin-Konto" in clerk_first.stderr
    first = CliRunner().invoke(
        main, ["--db", db, "--json", "user", "add", ADMIN, "--role", "office-admin"],
        env={"PASSAPP_PASSWORD": ADMIN_PASSWORD},
    )  # fmt: skip
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["role"] == "office-admin"
    found = CliRunner().invoke(main, ["--db", db, "--json", "find", "Ahmadi"], env=acting_as())
    assert found.exit_code == 0, found.stderr
    assert len(json.loads(found.stdout)["results"]) == 1
    second = CliRunner().invoke(
        main, ["--db", db, "user", "add", "schulz", "--role", "office-admin"],
        env={"PASSAPP_PASSWORD": "ein anderes Passwort 4"},
    )  # fmt: skip
    assert second.exit_code == 2  # now it needs an account: no back door past the log-in
    assert "--user NAME" in second.stderr
