"""What a failed command leaves behind (issue 9, items 7 and 8): no pass without its PDF,
no staged file, the old card current when a replacement cannot be written, and a locked
database named in one line."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from passapp.cli import main
from passapp.models.entities import AuditEvent, Pass, Person
from passapp.services.context import ServiceContext
from passapp.services.passes import issue_pass
from tests.services.helpers import count, register
from tests.support.accounts import ADMIN_ARGS, acting_as, add_admin


def run(db: Path, *args: str, expect: int, **env: str) -> dict[str, Any]:
    environment = {**acting_as(), "PASSAPP_OUTPUT_DIR": str(db.parent / "pdf")}
    result = CliRunner().invoke(
        main, ["--db", str(db), "--json", *args], env={**environment, **env}
    )
    assert result.exit_code == expect, (result.stdout, result.stderr)
    if expect:
        assert len(result.stderr.splitlines()) == 1, result.stderr
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def database_of(ctx: ServiceContext) -> Path:
    assert ctx.db.engine.url.database is not None
    return Path(ctx.db.engine.url.database)


def everything_in(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


@pytest.mark.parametrize(
    ("out", "expect"),
    [("", 2), ("folder", 2), ("/dev/null", 2), ("note.txt/pass.pdf", 1)],
)
def test_issue_that_cannot_write_its_pdf_commits_nothing_and_the_retry_succeeds(
    office_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    out: str,
    expect: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "note.txt").write_text("Notiz", encoding="utf-8")
    person = register(office_ctx)
    add_admin(office_ctx)
    db = database_of(office_ctx)
    before = everything_in(tmp_path)
    error = run(db, "pass", "issue", str(person), "--out", out, expect=expect)
    assert error["exit_code"] == expect
    assert count(office_ctx, Pass) == 0
    # No PDF, no hidden staged copy of the holder's data, anywhere below the folder.
    assert {name for name in everything_in(tmp_path) - before if "sqlite3" not in name} == set()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    issued = run(db, "pass", "issue", str(person), "--out", "pass.pdf", expect=0)
    assert Path(issued["pdf"]) == (tmp_path / "pass.pdf").resolve()
    assert (tmp_path / "pass.pdf").read_bytes().startswith(b"%PDF")
    assert count(office_ctx, Pass) == 1


def test_replace_that_cannot_write_keeps_the_old_card_current(
    office_ctx: ServiceContext, tmp_path: Path
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx), out_pdf=tmp_path / "pass.pdf")
    (tmp_path / "note.txt").write_text("Notiz", encoding="utf-8")
    add_admin(office_ctx)
    db = database_of(office_ctx)
    run(db, "pass", "replace", issued.pass_number, "--out", "/dev/null", expect=2)
    run(db, "pass", "replace", issued.pass_number, "--out", f"{tmp_path}/note.txt/x.pdf", expect=1)
    assert issued.qr_digits is not None
    old_card = run(db, "pass", "verify", issued.qr_digits, expect=0)
    assert (old_card["status"], old_card["generation"]) == ("active", 0)
    replaced = run(
        db, "pass", "replace", issued.pass_number, "--out", f"{tmp_path}/e.pdf", expect=0
    )
    assert replaced["generation"] == 1
    assert run(db, "pass", "verify", issued.qr_digits, expect=1)["status"] == "replaced"


def test_a_locked_database_is_named_in_one_line_after_the_busy_timeout(
    office_ctx: ServiceContext,
) -> None:
    add_admin(office_ctx)
    db = database_of(office_ctx)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        started = time.monotonic()
        result = CliRunner().invoke(
            main,
            [
                "--db",
                str(db),
                "person",
                "add",
                "--family-name",
                "Ahmadi",
                "--birth-date",
                "2001-04-03",
            ],
            env={
                **acting_as(),
                "PASSAPP_BUSY_TIMEOUT_MS": "300",
                "PASSAPP_LOCK_WAIT_SECONDS": "0",
            },
        )
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith("passapp: Datenbank ist gesperrt")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert 0.3 <= waited < 10
    with office_ctx.db.reading() as session:
        assert session.scalars(select(Person)).all() == []


def test_read_only_commands_never_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "neu" / "passapp.sqlite3"
    for args in (
        ["find", "x"],
        ["sync", "status"],
        ["entry", "list", "X"],
        ["pass", "verify", "1"],
    ):
        error = run(missing, *args, expect=2)
        assert "Keine Datenbank" in error["error_de"]
    assert list(tmp_path.iterdir()) == []
    created = run(
        missing, "office", "init", "--code", "EWDAH", "--name", "E", "--kind", "jobcenter",
        *ADMIN_ARGS, expect=0,
    )  # fmt: skip
    assert created["office"] == "EWDAH"
    assert missing.is_file()


def test_folder_export_stopped_half_way_names_the_written_bundle(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> None:
    out = tmp_path / "stick"
    now = dt.datetime.now(dt.UTC)
    for second in range(-2, 30):  # the second bundle's name, whenever it is written, is a folder
        (out / f"LRADAH-an-VHSKA-{now + dt.timedelta(seconds=second):%Y%m%d-%H%M%S}.passapp").mkdir(
            parents=True
        )
    add_admin(district_ctx)
    error = run(database_of(district_ctx), "sync", "export", "--out", str(out), expect=1)
    [written] = error["written"]
    assert Path(written).name.startswith("LRADAH-an-EWDAH-")
    assert Path(written).is_file()
    assert Path(written).name in error["error_de"]
    assert "VHSKA" in error["error_de"]


def _disk_that_takes_no_more_bytes() -> None:
    # Runs in the child: files may not grow past 80 kB, as on a full disk (EFBIG instead of
    # being killed by SIGXFSZ); the database is larger already, the write-ahead log takes
    # the log-in's few pages (at 40 kB the PDF fails first, at 200 kB nothing does).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (80_000, 80_000))


def test_a_full_disk_ends_in_one_line_and_commits_nothing(
    office_ctx: ServiceContext, tmp_path: Path
) -> None:
    person = register(office_ctx)
    add_admin(office_ctx)
    db = database_of(office_ctx)
    office_ctx.db.dispose()
    issue = ["pass", "issue", str(person), "--out", str(tmp_path / "pass.pdf")]
    done = subprocess.run(
        [sys.executable, "-m", "passapp", "--db", str(db), "--json", *issue],
        capture_output=True,
        text=True,
        env={**os.environ, **acting_as()},
        preexec_fn=_disk_that_takes_no_more_bytes,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("passapp: Lese- oder Schreibfehler auf dem Datenträger")
    assert len(done.stderr.splitlines()) == 1
    assert json.loads(done.stdout)["exit_code"] == 1
    assert count(office_ctx, Pass) == 0
    assert not (tmp_path / "pass.pdf").exists()
    # The log-in (a small write) got through: the issue is what the full disk stopped.
    with office_ctx.db.reading() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("account.login") == 2  # add_admin's and the command's
