"""Opening a database at the current schema reads the revisions without alembic (issue 12,
start time); the answers must be alembic's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from passapp.models.database import (
    _alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    to_url,
)


def test_the_head_is_alembics(tmp_path: Path) -> None:
    engine = make_engine(to_url(str(tmp_path / "any.sqlite3")))
    assert (
        head_revision(engine)
        == ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    )


def test_the_current_revision_is_alembics_at_every_step(tmp_path: Path) -> None:
    engine = make_engine(to_url(str(tmp_path / "stepwise.sqlite3")))
    config = _alembic_config(engine)
    assert current_revision(engine) is None  # no version table yet
    for script in reversed(list(ScriptDirectory.from_config(config).walk_revisions())):
        command.upgrade(config, script.revision)
        with engine.connect() as connection:
            alembics = MigrationContext.configure(connection).get_current_revision()
        assert current_revision(engine) == alembics == script.revision
    engine.dispose()


OPEN = """
import json, sys
from passapp.models.database import open_database, to_url
db = open_database(to_url(sys.argv[1]), create=False)
db.dispose()
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules} & {"alembic", "mako"})))
"""


def test_opening_a_current_database_leaves_alembic_unloaded(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    open_database(to_url(str(path))).dispose()
    done = subprocess.run(
        [sys.executable, "-c", OPEN, str(path)],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
