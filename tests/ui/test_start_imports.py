"""Start time (issue 12, item 7): the main window comes up without the PDF, chart, spreadsheet
and PDF-rendering libraries; they load when first needed. Each check runs in a fresh
interpreter (this test process has long loaded everything), on a real database with real
accounts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from passapp.services.context import ServiceContext
from tests.services.helpers import register
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, CLERK_NAME, CLERK_PASSWORD, Accounts

# What the start must not load: reportlab (PDF), matplotlib (charts, with numpy and Pillow),
# openpyxl (spreadsheets), pypdfium2 (preview and printing).
HEAVY = ("reportlab", "matplotlib", "openpyxl", "pypdfium2")

# What passapp does up to its main window (ui/app.py), then the first paint.
SHOW_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from passapp.ui import app as passapp_app, i18n

application = QApplication([])
i18n.install_translations(application, "de")
gate = passapp_app.open_gate(sys.argv[1], demo=False)
desk = gate.log_in(sys.argv[2], sys.argv[3])
window = passapp_app.Counter(application, gate).show_window(desk)
application.processEvents()
assert window.isVisible() and not window.grab().isNull()
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))))
gate.close()
"""

# The first pass this process issues: the PDF code loads then, and the pass is printed.
ISSUE_FIRST_PASS = """
import json, sys, uuid
from pathlib import Path
from passapp.services.desk import Gate

gate = Gate.open(sys.argv[1], create=False)
desk = gate.log_in(sys.argv[2], sys.argv[3])
before = sorted(name for name in HEAVY if name in sys.modules)
out = Path(sys.argv[5])
desk.issue_pass(uuid.UUID(sys.argv[4]), override_reason="Test", out_pdf=out)
after = sorted(name for name in HEAVY if name in sys.modules)
print(json.dumps({"before": before, "after": after, "pdf": out.read_bytes()[:5].decode()}))
gate.close()
"""


def run_fresh(program: str, *args: str, home: Path) -> object:
    """Run ``program`` in a new interpreter (offscreen, settings under ``home``); its last
    line of output, as JSON."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home),
        PYTHONPATH=os.pathsep.join(sys.path),
    )
    done = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{program}", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def database_of(ctx: ServiceContext) -> str:
    return str(ctx.db.engine.url.database)


def test_the_clerks_window_starts_without_the_heavy_libraries(
    office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts], tmp_path: Path
) -> None:
    desks(office_ctx)
    loaded = run_fresh(
        SHOW_WINDOW, database_of(office_ctx), CLERK_NAME, CLERK_PASSWORD, home=tmp_path
    )
    assert loaded == []


def test_the_admins_windows_start_without_the_heavy_libraries(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    desks: Callable[[ServiceContext], Accounts],
    tmp_path: Path,
) -> None:
    """The office's and the district's admin see the most screens (exchange, figures)."""
    for ctx in (office_ctx, district_ctx):
        desks(ctx)
        loaded = run_fresh(SHOW_WINDOW, database_of(ctx), ADMIN_NAME, ADMIN_PASSWORD, home=tmp_path)
        assert loaded == [], database_of(ctx)


def test_the_first_pass_loads_the_pdf_code_and_prints(
    office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts], tmp_path: Path
) -> None:
    desks(office_ctx)
    person: uuid.UUID = register(office_ctx, arrival="2026-09-02")
    out = tmp_path / "pass.pdf"
    outcome = run_fresh(
        ISSUE_FIRST_PASS,
        database_of(office_ctx),
        CLERK_NAME,
        CLERK_PASSWORD,
        str(person),
        str(out),
        home=tmp_path,
    )
    assert outcome == {"before": [], "after": ["reportlab"], "pdf": "%PDF-"}
