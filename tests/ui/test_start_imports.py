"""Start time (issue 12, item 7): the main window comes up without the PDF, chart, spreadsheet
and PDF-rendering libraries; they load when first needed. Each check runs in a fresh
interpreter (this test process has long loaded everything), on a real database with real
accounts.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable
from contextlib import closing
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


# passapp's own start (ui/app.py ``run``), driven like a clerk would: whatever window is up
# is answered every 20 ms; the log-in window's first paint notes whether the ORM is loaded.
DRIVE_START = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from passapp.ui import app as passapp_app
from passapp.ui.login_dialog import LoginDialog

database, name, password = sys.argv[1:4]
seen = {"orm_at_login_paint": None, "steps": [], "said_while_opening": []}
application = QApplication([])


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, LoginDialog)
            and seen["orm_at_login_paint"] is None
        ):
            seen["orm_at_login_paint"] = "sqlalchemy.orm" in sys.modules
        if event.type() == QEvent.Type.Paint and isinstance(watched, LoginDialog):
            said = watched.message.text()
            opening = not watched.login_button.isEnabled()
            if opening and said and said not in seen["said_while_opening"]:
                seen["said_while_opening"].append(said)
        return False


def answer(widget):
    if isinstance(widget, QMessageBox):
        seen["steps"].append("message: " + widget.text())
        widget.accept()
    elif type(widget).__name__ == "SetupWizard":
        seen["steps"].append("wizard")
        widget.reject()  # Esc asks whether to quit the set-up: yes
        widget.cancel_page.quit_button.click()
    elif isinstance(widget, LoginDialog) and widget.login_button.isEnabled():
        wrong_first = "refused: " + widget.message.text() if seen["steps"] else "wrong password"
        seen["steps"].append(wrong_first)
        widget.name_field.setText(name)
        widget.password_field.setText(password if seen["steps"][1:] else "falsch")
        widget.login_button.click()
    elif type(widget).__name__ == "MainWindow":
        seen["steps"].append("main window")
        widget.close()


def step():
    for widget in application.topLevelWidgets():
        if widget.isVisible() and widget.isWindow():
            answer(widget)
            return


watcher = FirstPaint()
application.installEventFilter(watcher)
timer = QTimer(interval=20, timeout=step)
timer.start()
code = passapp_app.run(database)
print(json.dumps({"code": code, **seen}))
"""


def test_the_log_in_window_is_painted_before_the_orm_loads_then_the_clerk_logs_in(
    office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts], tmp_path: Path
) -> None:
    """The clerk types while the database opens; a wrong password is refused as before."""
    desks(office_ctx)
    seen = run_fresh(
        DRIVE_START, database_of(office_ctx), CLERK_NAME, CLERK_PASSWORD, home=tmp_path
    )
    assert seen == {
        "code": 0,
        "orm_at_login_paint": False,
        "said_while_opening": [],
        "steps": [
            "wrong password",
            "refused: Anmeldung fehlgeschlagen: Name oder Passwort falsch, oder das Konto "
            "ist gesperrt.",
            "main window",
        ],
    }


def test_an_empty_database_leads_from_the_log_in_window_to_the_set_up(tmp_path: Path) -> None:
    """The log-in window gives way to the set-up wizard; cancelled, the app quits (0)."""
    database = tmp_path / "neu.sqlite3"
    seen = run_fresh(DRIVE_START, str(database), "x", "y", home=tmp_path)
    assert seen == {
        "code": 0,
        "orm_at_login_paint": False,
        "said_while_opening": [],
        "steps": ["wizard"],
    }


def test_a_file_that_is_no_database_is_said_in_german_and_quits_with_2(tmp_path: Path) -> None:
    other = tmp_path / "brief.sqlite3"
    other.write_text("kein SQLite")
    seen = run_fresh(DRIVE_START, str(other), "x", "y", home=tmp_path)
    assert seen == {
        "code": 2,
        "orm_at_login_paint": False,
        "said_while_opening": [],
        "steps": [
            f"message: {other} ist keine passapp-Datenbank (leer oder eine andere Art Datei)."
        ],
    }


def test_after_an_update_the_log_in_window_says_why_it_waits(
    office_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts], tmp_path: Path
) -> None:
    """New search-key rules rebuild every person's keys once (a district of 100,000: about
    ten seconds on this machine); the window says so while it waits, then the
    clerk logs in as always."""
    desks(office_ctx)
    database = database_of(office_ctx)
    office_ctx.db.dispose()
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(
            "UPDATE setting SET value = '{\"version\": 1}' WHERE key = 'search_index_version'"
        )
        connection.commit()
    seen = run_fresh(DRIVE_START, database, CLERK_NAME, CLERK_PASSWORD, home=tmp_path)
    assert seen["code"] == 0
    assert seen["said_while_opening"] == [
        "passapp wurde aktualisiert: Das Suchverzeichnis wird neu aufgebaut. Das geschieht "
        "einmal und kann bei vielen Personen eine Weile dauern …"
    ]
    assert seen["steps"][-1] == "main window"
