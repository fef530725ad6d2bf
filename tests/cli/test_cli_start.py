"""Start time (issue 12, item 7): every command pays the command line's imports, so
``passapp --help`` and a command without a database load none of the PDF, chart,
spreadsheet or PDF-rendering libraries, nor SQLAlchemy. Each run is a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("reportlab", "matplotlib", "openpyxl", "pypdfium2", "sqlalchemy", "alembic")

# The console script's own call (``passapp = "passapp.cli:main"``), then what it loaded.
RUN_CLI = """
import json, sys
from passapp.cli import main
try:
    main(sys.argv[1:], prog_name="passapp")
except SystemExit as done:
    assert done.code in (0, None), done.code
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["pass", "--help"],
        ["--json", "eligibility", "--birth-date", "1990-01-01", "--arrival-date", "2025-01-01"],
    ],
)
def test_the_command_line_starts_without_the_heavy_libraries(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{RUN_CLI}", *args],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
