"""A process killed in the middle of an import leaves the database as it was."""

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


def test_kill_during_import_changes_nothing_and_the_next_import_succeeds(
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

    # The child stops inside the import, after the first batch was written into the open
    # transaction (reported through the progress object), and waits there to be killed.
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from passapp.models.database import open_database, to_url\n"
        "from passapp.services.context import ServiceContext\n"
        "from passapp.services.progress import Progress\n"
        "from passapp.services.sync import import_bundle\n"
        "class Midway(Progress):\n"
        "    def update(self, done, total=None, phase=None):\n"
        "        if done >= 3000:\n"
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

    assert table_counts(district_path) == before
    report = import_bundle(district_ctx, bundle)
    assert report.applied == 2 * PEOPLE  # each person and the eligibility check of the registration
    assert table_counts(district_path)["person"] == before["person"] + PEOPLE
