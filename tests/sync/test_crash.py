"""A process killed in the middle of an import leaves a consistent database, and the next
import of the bundle goes on where it stopped.

The import commits in steps of about a second (issue 9: clerks must not wait for a whole
import); a step is one transaction, so the kill takes back the step under way, and the
steps before it stay with the version vector that says how far they got."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import export_bundles, import_bundle

PEOPLE = 1500


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_kill_during_import_keeps_whole_steps_and_the_next_import_completes_it(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    for n in range(PEOPLE):
        register_person(
            office_ctx,
            PersonInput(
                family_names="Person" + "abcdefghijklmnopqrstuvwxyz"[n % 26] * (1 + n // 26),
                given_names="Test",
                birth_date=PartialDate(1990, 1 + n % 12),
                moved_from_abroad=True,
                consent=True,
            ),
        )
    bundle = tmp_path / "big.passapp"
    export_bundles(office_ctx, bundle)
    district_path = Path(str(district_ctx.db.engine.url.database))
    district_ctx.db.dispose()
    before = table_counts(district_path)

    # The child imports in small steps and stops inside a step, after earlier steps were
    # committed and while a batch is written into the open transaction (reported through the
    # progress object), and waits there to be killed.
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from passapp.models.database import open_database, to_url\n"
        "from passapp.services import sync, sync_apply\n"
        "from passapp.services.context import ServiceContext\n"
        "from passapp.services.progress import Progress\n"
        "from passapp.services.sync import import_bundle\n"
        "sync.IMPORT_STEP_SECONDS = 0.01\n"
        "sync_apply.BATCH_SIZE = 100\n"
        "class Midway(Progress):\n"
        "    def update(self, done, total=None, phase=None):\n"
        "        if done >= 2000:\n"
        "            print('midway', flush=True)\n"
        "            time.sleep(60)\n"
        "ctx = ServiceContext(db=open_database(to_url(sys.argv[1])), passphrase=None)\n"
        "import_bundle(ctx, Path(sys.argv[2]), Midway())\n"
        "print('finished', flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(district_path), str(bundle)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "midway"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with sqlite3.connect(district_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    after_kill = table_counts(district_path)
    # Whole steps stayed, the step under way is gone: some people, each with its checks.
    assert before["person"] < after_kill["person"] < before["person"] + PEOPLE
    assert after_kill["sync_bundle"] == before["sync_bundle"]  # not marked as done

    report = import_bundle(district_ctx, bundle)
    applied_before_kill = after_kill["person"] + after_kill["eligibility_check"]
    applied_before_kill -= before["person"] + before["eligibility_check"]
    # Each person and the eligibility check of the registration: all, exactly once.
    assert report.applied + applied_before_kill == 2 * PEOPLE
    after = table_counts(district_path)
    assert after["person"] == before["person"] + PEOPLE
    assert after["eligibility_check"] == before["eligibility_check"] + PEOPLE
    assert after["sync_bundle"] == before["sync_bundle"] + 1
