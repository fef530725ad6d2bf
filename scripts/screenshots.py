"""Screenshots of the desktop app for the docs, made offscreen from a fresh demo district.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--all]

``main.png``: the counter's main window on the demo office, a person found and shown with
eligibility, pass and entries; ``main-scan.png``: a scanned pass verified on the spot.
``sync.png``: the district office has just imported the demo office's bundle through the
"Datenaustausch" screen and sees the receipt; ``sync-confirm.png``: the step before, the
bundle's header in words; ``sync-overview.png``: the status afterwards. The window has its default size, which fits a 1366×768 screen.

``--all`` runs the other ``scripts/screenshots_*.py`` too (registration, pass, entries,
offers, set-up, English), one process each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import counter_screen  # noqa: F401  # isort: skip  (a 1366×768 offscreen screen before Qt loads)

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from passapp.domain.accounts import ADMIN_ROLES, Role
from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.demo import DEMO_PASSWORD, create_demo
from passapp.services.desk import Desk, Gate
from passapp.services.errors import Refused
from passapp.services.passes import replace_pass
from passapp.services.search import find
from passapp.services.sync import export_bundles
from passapp.ui import i18n
from passapp.ui.main_window import MainWindow
from passapp.ui.sync_screen import SyncScreen
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]


def context(path: Path, clerk: str) -> ServiceContext:
    return ServiceContext(
        db=open_database(to_url(str(path))),
        clerk=clerk,
        passphrase=None,
        output_folder=path.parent / "pdf",
    )


def log_in(ctx: ServiceContext, role: Role = Role.CLERK, name: str = "huber") -> Desk:
    """An account of ``role`` on ctx's database, logged in on ctx, as the widgets need it
    (the database's first admin, "admin", is made where it is missing). Every account of
    the screenshots has the demo's password."""
    gate = Gate(ctx)
    if gate.has_accounts():
        admin = gate.log_in("admin", DEMO_PASSWORD)
    else:
        district = gate.setup_state().is_district
        first = Role.DISTRICT_ADMIN if district else Role.OFFICE_ADMIN
        admin = gate.add_first_admin("admin", DEMO_PASSWORD, first)
    if role in ADMIN_ROLES:
        return admin
    with suppress(Refused):  # made by an earlier shot
        admin.add_account(name, role, DEMO_PASSWORD)
    return Gate(ctx).log_in(name, DEMO_PASSWORD)


@dataclass
class Shots:
    """What every screenshot script starts with: where to save, the app, a fresh folder."""

    out: Path
    app: QApplication
    folder: Path

    def demo_office(self, clerk: str = "Frau Huber") -> ServiceContext:
        """The demo office (and its district "landratsamt-demo" in the same folder)."""
        office = context(self.folder / "ewdah.sqlite3", clerk)
        create_demo(office, self.folder)
        return office


def start(description: str | None, language: str = "de") -> Shots:
    """Read ``--out``, start the application in ``language``, make a scratch folder."""
    parser = argparse.ArgumentParser(description=(description or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_known_args()[0].out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    i18n.install_translations(app, language)
    return Shots(out, app, Path(tempfile.mkdtemp(prefix="passapp-shots-")))


def wait_for(tasks: TaskRunner) -> None:
    loop = QEventLoop()
    tasks.finished.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)  # never hang the script
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main() -> None:
    shots = start(__doc__)
    run_all = "--all" in sys.argv[1:]
    out, app, folder = shots.out, shots.app, shots.folder
    office = shots.demo_office()
    stick = folder / "usb-stick"
    stick.mkdir()
    bundle = export_bundles(office, stick)[0].path  # before the accounts lock the key
    main_window_shots(office, out)
    district = context(folder / "landratsamt-demo.sqlite3", "Herr Maier")

    # The file dialog is the operating system's; here it "chooses" the bundle.
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(bundle), ""))  # type: ignore[method-assign]
    tasks = TaskRunner()
    screen = SyncScreen(log_in(district, Role.DISTRICT_ADMIN), tasks)
    screen.show()
    screen.import_button.click()
    save(screen, out / "sync-confirm.png")
    screen.confirm_button.click()
    wait_for(tasks)
    save(screen, out / "sync.png")
    screen.done_button.click()
    save(screen, out / "sync-overview.png")
    tasks.shutdown()
    office.db.dispose()
    district.db.dispose()
    app.quit()
    if run_all:
        for script in sorted(Path(__file__).parent.glob("screenshots_*.py")):
            subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)


def main_window_shots(office: ServiceContext, out: Path) -> None:
    window = MainWindow(log_in(office))
    window.show()
    window.search_field.setText("Ahmadi")
    window.search_field.returnPressed.emit()
    QApplication.processEvents()
    save(window, out / "main.png")
    hit = find(office, "Ahmadi").hits[0]
    assert hit.pass_number is not None
    window.search_field.setText(qr_of(office, hit.pass_number))
    window.search_field.returnPressed.emit()
    save(window, out / "main-scan.png")
    window.tasks.shutdown()
    window.close()


def qr_of(office: ServiceContext, pass_number: str) -> str:
    """The signed QR text of a demo pass, as the handheld scanner would type it."""
    change = replace_pass(office, pass_number)
    assert change.qr_digits is not None
    return change.qr_digits


if __name__ == "__main__":
    main()
