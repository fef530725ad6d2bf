"""``passapp audit verify``: exit 0 with one German line when intact, exit 1 naming the event."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from passapp.services.context import ServiceContext
from tests.services.helpers import register
from tests.support.accounts import ADMIN, acting_as, add_admin


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "passapp", "--db", str(db), *args]
    env = {**os.environ, **acting_as()}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_an_intact_log_exits_0_with_one_line(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    register(unenrolled_office_ctx)
    add_admin(unenrolled_office_ctx)  # office.init, person.register, account.add, account.login
    done = run(db_path, "audit", "verify")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    # The check's own log-in is the fifth event.
    assert done.stdout.startswith("Protokoll intakt: 5 Einträge, letzter am ")

    as_json = run(db_path, "--json", "audit", "verify")
    payload = json.loads(as_json.stdout)
    assert as_json.returncode == 0
    assert (payload["ok"], payload["events"], payload["problem"]) == (True, 6, None)
    assert (payload["last"]["action"], payload["last"]["actor"]) == ("account.login", ADMIN)


def test_a_deleted_event_exits_1_naming_it(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    for family in ("Ahmadi", "Haddad", "Osei"):
        register(unenrolled_office_ctx, family=family)
    add_admin(unenrolled_office_ctx)  # events 5 and 6
    with closing(sqlite3.connect(db_path)) as db, db:
        db.execute("DROP TRIGGER audit_event_no_delete")
        db.execute("DELETE FROM audit_event WHERE seq = 3")

    done = run(db_path, "audit", "verify")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Protokoll verändert: Eintrag Nr. 3 gelöscht (vor Eintrag Nr. 4 ")
    assert "person.register, person " in lines[0]

    as_json = run(db_path, "audit", "verify", "--json")
    payload = json.loads(as_json.stdout)
    assert as_json.returncode == 1
    assert payload["ok"] is False
    assert payload["problem"] == "removed"
    assert payload["missing"] == [3, 3]
    assert payload["event"]["seq"] == 4
    assert payload["events"] == 7  # 6 less the deleted one, and both checks' log-ins
    assert "gelöscht" in as_json.stderr


def test_a_changed_event_exits_1_naming_it(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    register(unenrolled_office_ctx)
    add_admin(unenrolled_office_ctx)
    with closing(sqlite3.connect(db_path)) as db, db:
        db.execute("DROP TRIGGER audit_event_no_update")
        db.execute("UPDATE audit_event SET action = 'person.view' WHERE seq = 2")
    done = run(db_path, "--json", "audit", "verify")
    payload = json.loads(done.stdout)
    assert done.returncode == 1
    assert payload["problem"] == "changed"
    assert (payload["event"]["seq"], payload["event"]["action"]) == (2, "person.view")
