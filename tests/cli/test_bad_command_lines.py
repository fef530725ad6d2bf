"""Bad command lines end cleanly (issue 9, items 7, 8, 10): exit 1 or 2, no traceback, one
line on stderr and, with ``--json``, exactly one JSON object ``{"error", "error_de",
"exit_code"}`` on stdout; no database is created by accident and none is changed.

Most lines run in-process through click's runner; a representative dozen run as real
processes, which proves "no Traceback" best.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.cli import main
from passapp.services.passes import issue_pass
from passapp.services.sync import export_bundles
from tests.conftest import enrol, init_district, init_office, make_context, write_request
from tests.services.helpers import register
from tests.support.accounts import acting_as, add_admin

NESTING = 100_000


@dataclass(frozen=True)
class World:
    """Real databases and awkward files; ``@name`` in a command line stands for one."""

    folder: Path
    names: dict[str, str]

    def expand(self, args: tuple[str, ...]) -> list[str]:
        expanded = []
        for arg in args:
            for name, value in sorted(self.names.items(), key=lambda item: -len(item[0])):
                arg = arg.replace(f"@{name}", value)
            expanded.append(arg)
        return expanded


def _databases(folder: Path) -> dict[str, str]:
    district = make_context(folder / "district.sqlite3", clerk="district")
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    office = make_context(folder / "office.sqlite3")
    init_office(office, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    enrol(office, district, folder)
    person = register(office)
    issued = issue_pass(office, person, out_pdf=folder / "pass.pdf")
    unissued = register(office, "Rahimi", "Farid")
    bundle = export_bundles(office, folder / "bundle.passapp")[0].path
    second = make_context(folder / "second.sqlite3", clerk="second")
    init_office(second, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter")
    write_request(second, folder / "second-request.json")
    add_admin(office)
    add_admin(district)
    for ctx in (office, district, second):
        ctx.db.dispose()
    return {
        "db": str(folder / "office.sqlite3"),
        "district": str(folder / "district.sqlite3"),
        "person": str(unissued),
        "holder": str(person),
        "pass": issued.pass_number,
        "bundle": str(bundle),
    }


def _awkward_files(folder: Path, bundle: Path) -> None:
    (folder / "note.txt").write_text("Notiz, keine Datenbank\n", encoding="utf-8")
    (folder / "folder").mkdir()
    (folder / "empty.sqlite3").write_bytes(b"")
    with sqlite3.connect(folder / "foreign.sqlite3") as foreign:
        foreign.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    damaged = bytearray((folder / "office.sqlite3").read_bytes()[:4096])
    damaged[16:] = b"\xff" * (len(damaged) - 16)
    (folder / "damaged.sqlite3").write_bytes(bytes(damaged))
    os.mkfifo(folder / "fifo")
    (folder / "nested.json").write_text("[" * NESTING + "]" * NESTING, encoding="utf-8")
    (folder / "nested-object.json").write_text('{"a":' * NESTING + "1" + "}" * NESTING)
    (folder / "bignum.json").write_text('{"format": ' + "9" * 50_000 + "}", encoding="utf-8")
    (folder / "list.json").write_text("[]", encoding="utf-8")
    (folder / "random.bin").write_bytes(os.urandom(65_536))
    (folder / "empty.passapp").write_bytes(b"")
    content = bundle.read_bytes()
    (folder / "truncated.passapp").write_bytes(content[: len(content) // 2])
    flipped = bytearray(content)
    flipped[-100] ^= 0xFF
    (folder / "altered.passapp").write_bytes(bytes(flipped))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("bad-command-lines")
    names = _databases(folder)
    _awkward_files(folder, Path(names["bundle"]))
    names |= {"dir": str(folder), "missing": str(folder / "missing.sqlite3")}
    return World(folder, names)


def snapshot(world: World) -> dict[str, object]:
    """What must not change: the names in the folder and the rows of both databases."""
    rows = {}
    for name in ("db", "district"):
        with sqlite3.connect(world.names[name]) as connection:
            tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
            rows[name] = {
                t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                - (t == "audit_event") * _log_ins(connection)
                for t in tables
                if not t.startswith("sqlite_")
                and connection.execute(
                    "SELECT type FROM sqlite_master WHERE name = ?", (t,)
                ).fetchone()[0]
                == "table"
            }
    files = sorted(
        str(path.relative_to(world.folder))
        for path in world.folder.rglob("*")
        if not path.name.endswith(("-wal", "-shm"))
    )
    return {"rows": rows, "files": files}


def _log_ins(connection: sqlite3.Connection) -> int:
    # Every command with a database logs its account in first, and that is recorded even
    # when the command then fails: the one row a bad command line may add.
    found: int = connection.execute(
        "SELECT count(*) FROM audit_event WHERE action = 'account.login'"
    ).fetchone()[0]
    return found


def environment(world: World) -> dict[str, str]:
    """Acting as the admin, both databases' (a line with its own ``--user`` gets no
    password: see ``test_bad_command_line_ends_cleanly``)."""
    return {
        **acting_as(),
        "PASSAPP_DB": world.names["missing"],
        "PASSAPP_OUTPUT_DIR": str(world.folder / "pdf"),
    }


OFFICE, DISTRICT = ("--db", "@db"), ("--db", "@district")

# (exit code, command line after ``--json``); every line must end cleanly.
BAD_COMMAND_LINES: list[tuple[int, tuple[str, ...]]] = [
    # usage: unknown command, missing option or argument, bad choice, out of range
    (2, ("nonsense",)),
    (2, ("pass", "frobnicate")),
    (2, ("--bogus",)),
    (2, ("--lang", "fr", "find", "x")),
    (2, ("person", "add")),
    (
        2,
        (
            *OFFICE,
            "person",
            "add",
            "--family-name",
            "A",
            "--birth-date",
            "2000-01-01",
            "--sex",
            "q",
        ),
    ),
    (2, (*OFFICE, "find")),
    (2, (*OFFICE, "find", "x", "--limit", "0")),
    (2, (*OFFICE, "find", "x", "--limit", "9" * 40)),
    (2, ("eligibility",)),
    (2, ("eligibility", "--birth-date", "99999-01-01")),
    (2, ("eligibility", "--birth-date", "1.1." * 5_000)),
    (2, ("pass",)),
    (2, (*OFFICE, "district", "compromised", "EWDAH", "--key-id", "x", "--after", "2026-01-01")),
    # databases: empty name, folder, text, zero bytes, foreign, damaged, missing, devices
    (2, ("--db", "", "find", "x")),
    (2, ("--db", "@dir/folder", "find", "x")),
    (2, ("--db", "@dir/note.txt", "find", "x")),
    (2, ("--db", "@dir/empty.sqlite3", "find", "x")),
    (
        2,
        (
            "--db",
            "@dir/empty.sqlite3",
            "person",
            "add",
            "--family-name",
            "A",
            "--birth-date",
            "2000-01-01",
        ),
    ),
    (2, ("--db", "@dir/foreign.sqlite3", "find", "x")),
    (2, ("--db", "@dir/damaged.sqlite3", "find", "x")),
    (2, ("--db", "@dir/fifo", "find", "x")),
    (2, ("--db", "/dev/null", "find", "x")),
    (2, ("--db", "/dev/zero", "sync", "status")),
    (2, ("--db", "@dir/" + "x" * 5_000, "find", "x")),
    (
        2,
        (
            "--db",
            "@dir/note.txt/db.sqlite3",
            "office",
            "init",
            "--code",
            "EWDAH",
            "--name",
            "E",
            "--kind",
            "jobcenter",
        ),
    ),
    (
        2,
        (
            "--db",
            "@dir/empty.sqlite3",
            "office",
            "init",
            "--code",
            "EWDAH",
            "--name",
            "E",
            "--kind",
            "jobcenter",
        ),
    ),
    (2, ("--db", "@dir/foreign.sqlite3", "district", "init", "--code", "LRADAH", "--name", "L")),
    (2, ("--db", "@dir/note.txt", "district", "init", "--code", "LRADAH", "--name", "L")),
    (
        2,
        (
            "--db",
            "@dir/folder",
            "office",
            "init",
            "--code",
            "EWDAH",
            "--name",
            "E",
            "--kind",
            "jobcenter",
        ),
    ),
    (2, ("--db", "@missing", "find", "x")),
    (2, ("--db", "@missing", "pass", "verify", "X")),
    (2, ("--db", "@missing", "entry", "list", "EWDAH-1")),
    (2, ("--db", "@missing", "sync", "status")),
    (2, ("--db", "@missing", "sync", "conflicts")),
    (2, ("--db", "@missing", "person", "add", "--family-name", "A", "--birth-date", "2000-01-01")),
    (2, ("find", "x")),  # PASSAPP_DB names a missing file: no default database is made
    (1, ("--db", "postgresql+psycopg://x@127.0.0.1:1/db", "find", "x")),
    (2, ("--db", "nosuchdriver://x/y", "find", "x")),
    # files to read: missing, folder, devices, FIFO, nested, endless, random, truncated
    (2, (*OFFICE, "sync", "import", "@dir/nothing.passapp")),
    (2, (*OFFICE, "sync", "import", "@dir/folder")),
    (2, (*OFFICE, "sync", "import", "/dev/zero")),
    (2, (*OFFICE, "sync", "import", "/dev/urandom")),
    (2, (*OFFICE, "sync", "import", "@dir/fifo")),
    (1, (*OFFICE, "sync", "import", "@dir/nested.json")),
    (1, (*OFFICE, "sync", "import", "@dir/random.bin")),
    (1, (*OFFICE, "sync", "import", "@dir/empty.passapp")),
    (1, (*DISTRICT, "sync", "import", "@dir/truncated.passapp")),
    (1, (*DISTRICT, "sync", "import", "@dir/altered.passapp")),
    (1, (*OFFICE, "sync", "import", "@bundle")),  # an office accepts bundles only from the district
    (2, (*OFFICE, "office", "install", "@dir/nested.json")),
    (2, (*OFFICE, "office", "install", "@dir/nested-object.json")),
    (2, (*OFFICE, "office", "install", "@dir/bignum.json")),
    (2, (*OFFICE, "office", "install", "@dir/list.json")),
    (2, (*OFFICE, "office", "install", "@dir/note.txt")),
    (2, (*OFFICE, "office", "install", "/dev/zero")),
    (2, (*OFFICE, "office", "install", "@dir/fifo")),
    (2, (*DISTRICT, "district", "enrol", "@dir/nested.json", "--out", "@dir/package-x.json")),
    (2, (*DISTRICT, "district", "enrol", "@dir/fifo", "--out", "@dir/package-x.json")),
    (2, (*DISTRICT, "district", "enrol", "/dev/urandom", "--out", "@dir/package-x.json")),
    # files to write: empty, folder, devices, FIFO, below a regular file
    (2, (*OFFICE, "pass", "issue", "@person", "--out", "")),
    (2, (*OFFICE, "pass", "issue", "@person", "--out", "@dir/folder")),
    (2, (*OFFICE, "pass", "issue", "@person", "--out", "/dev/null")),
    (2, (*OFFICE, "pass", "issue", "@person", "--out", "@dir/fifo")),
    (1, (*OFFICE, "pass", "issue", "@person", "--out", "@dir/note.txt/pass.pdf")),
    (2, (*OFFICE, "pass", "replace", "@pass", "--out", "/dev/null")),
    (2, (*OFFICE, "pass", "replace", "@pass", "--out", "")),
    (1, (*OFFICE, "pass", "replace", "@pass", "--out", "@dir/note.txt/ersatz.pdf")),
    (2, (*OFFICE, "pass", "sheet", "@pass", "--out", "/dev/null")),
    (2, (*OFFICE, "pass", "sheet", "@pass", "--out", "@dir/folder")),
    (2, (*OFFICE, "sync", "export", "--out", "/dev/null")),
    (2, (*OFFICE, "sync", "export", "--out", "@dir/fifo")),
    (2, (*DISTRICT, "district", "trust-list", "--out", "/dev/null")),
    (2, (*DISTRICT, "district", "trust-list", "--out", "@dir/folder")),
    (1, (*DISTRICT, "district", "enrol", "@dir/request.json", "--out", "@dir/package-x.json")),
    (2, (*DISTRICT, "district", "enrol", "@dir/second-request.json", "--out", "/dev/null")),
    (2, (*DISTRICT, "district", "enrol", "@dir/second-request.json", "--out", "@dir/fifo")),
    (1, (*OFFICE, "office", "request", "--out", "@dir/request-x.json")),
    (2, (*OFFICE, "office", "request", "--out", "@dir/folder")),
    (2, (*OFFICE, "office", "request", "--new-key", "--out", "/dev/null")),
    (2, (*OFFICE, "sync", "export", "--out", "")),
    (2, (*OFFICE, "sync", "export", "--out", " ")),
    # values: malformed ids and dates, unknown passes, numbers too large
    (2, (*OFFICE, "pass", "issue", "not-a-uuid")),
    (2, (*OFFICE, "pass", "issue", "00000000-0000-4000-8000-000000000000")),
    (1, (*OFFICE, "pass", "issue", "@holder")),  # already holds a pass
    (2, (*OFFICE, "pass", "revoke", "NOPE", "--reason", "verloren gemeldet")),
    (2, (*OFFICE, "pass", "replace", "NOPE")),
    (2, (*OFFICE, "person", "add", "--family-name", "A", "--birth-date", "2000-13-45")),
    (2, (*OFFICE, "entry", "add", "@pass", "--kind", "nonsense", "--date", "2026-01-01")),
    (2, (*OFFICE, "entry", "add", "@pass", "--kind", "beratung", "--date", "2026-99-01")),
    (
        2,
        (
            *OFFICE,
            "entry",
            "add",
            "@pass",
            "--kind",
            "beratung",
            "--date",
            "2026-01-01",
            "--corrects",
            "x",
        ),
    ),
    (2, (*OFFICE, "entry", "list", "NOPE")),
    (2, (*OFFICE, "person", "merge", "x", "--into", "y", "--reason", "doppelt")),
    (
        2,
        (
            *DISTRICT,
            "district",
            "compromised",
            "EWDAH",
            "--key-id",
            "9" * 30,
            "--after",
            "2026-01-01",
        ),
    ),
    (2, (*DISTRICT, "district", "pass-status", "@pass", "--generation", "9" * 30)),
    # accounts: usage, no password without a terminal, an unknown account
    (2, (*OFFICE, "user", "add", "meier")),
    (2, (*OFFICE, "user", "add", "meier", "--role", "chef")),
    (2, (*OFFICE, "user", "add", "meier", "--role", "clerk")),
    (2, (*OFFICE, "--user", "huber", "user", "list")),
    (2, (*OFFICE, "user", "disable", "niemand")),
]


def check_clean_end(code: int, expected: int, stdout: str, stderr: str) -> dict[str, object]:
    assert "Traceback" not in stdout + stderr, stderr
    assert code == expected, (stdout, stderr)
    assert len(stderr.splitlines()) == 1, stderr  # one line, nothing else
    assert stderr.startswith("passapp: ")
    objects = [line for line in stdout.splitlines() if line.strip()]
    assert len(objects) == 1, stdout
    payload: dict[str, object] = json.loads(objects[0])
    assert payload["exit_code"] == expected
    assert payload["error"]
    assert payload["error_de"]
    return payload


@pytest.fixture
def unchanged(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(world.folder)  # a stray relative write would show in the snapshot
    before = snapshot(world)
    yield
    assert snapshot(world) == before  # nothing written, nothing created, no staged file


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(("expected", "args"), BAD_COMMAND_LINES)
def test_bad_command_line_ends_cleanly(world: World, expected: int, args: tuple[str, ...]) -> None:
    runner = CliRunner()
    env: dict[str, str | None] = {**environment(world)}
    if "--user" in args:
        env["PASSAPP_PASSWORD"] = None  # unset: no password, no terminal
    result = runner.invoke(main, ["--json", *world.expand(args)], env=env)
    check_clean_end(result.exit_code, expected, result.stdout, result.stderr)


# A representative dozen as real processes: usage, a text and a foreign database, a FIFO, a
# server, a device, nesting, output to a device or an empty name, a number too large.
AS_PROCESSES = {
    "nonsense",
    "person add",
    "--db @dir/note.txt find x",
    "--db @dir/foreign.sqlite3 find x",
    "--db @dir/fifo find x",
    "--db postgresql+psycopg://x@127.0.0.1:1/db find x",
    "--db @db sync import /dev/urandom",
    "--db @db sync import @dir/nested.json",
    "--db @db office install @dir/nested-object.json",
    "--db @db pass issue @person --out /dev/null",
    "--db @db pass replace @pass --out ",
    "--db @district district pass-status @pass --generation " + "9" * 30,
}
SUBPROCESS_LINES = [line for line in BAD_COMMAND_LINES if " ".join(line[1]) in AS_PROCESSES]


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(("expected", "args"), SUBPROCESS_LINES)
def test_bad_command_line_as_a_process(world: World, expected: int, args: tuple[str, ...]) -> None:
    command = [sys.executable, "-m", "passapp", "--json", *world.expand(args)]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, **environment(world)},
        timeout=120,
        check=False,
    )
    check_clean_end(done.returncode, expected, done.stdout, done.stderr)
    without_json = subprocess.run(
        [arg for arg in command if arg != "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **environment(world)},
        timeout=120,
        check=False,
    )
    assert without_json.returncode == expected
    assert without_json.stdout == ""
    assert len(without_json.stderr.splitlines()) == 1, without_json.stderr
    assert "Traceback" not in without_json.stderr


def test_counts_of_the_table() -> None:
    assert len(BAD_COMMAND_LINES) >= 50
    assert len(SUBPROCESS_LINES) == 12


COMMANDS = [
    ("find",),
    ("eligibility", "--birth-date"),
    ("person", "add", "--family-name", "Ahmadi", "--birth-date"),
    ("pass", "issue"),
    ("pass", "replace"),
    ("entry", "list"),
    ("entry", "add", "@pass", "--kind"),
    ("district", "pass-status", "@pass", "--generation"),
]
TOKENS = st.sampled_from(
    ["--out", "--date", "--limit", "--level", "", "-", "--", "0", "-1", "9" * 25, "/dev/zero"]
)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    command=st.sampled_from(COMMANDS),
    rest=st.lists(st.text(max_size=40) | TOKENS, max_size=4),
)
def test_any_command_line_ends_in_one_line_or_succeeds(
    world: World, command: tuple[str, ...], rest: list[str]
) -> None:
    db = world.names["district" if command[0] == "district" else "db"]
    args = ["--db", db, "--json", *world.expand((*command, *rest))]
    result = CliRunner().invoke(main, args, env=environment(world))
    assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert result.exit_code in (0, 1, 2), args
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code:
        check_clean_end(result.exit_code, result.exit_code, result.stdout, result.stderr)
