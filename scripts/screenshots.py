"""Screenshots of the desktop app for the docs, made offscreen from a fresh demo district.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

``sync.png``: the district office has just imported the demo office's bundle through the
"Datenaustausch" screen and sees the receipt; ``sync-confirm.png``: the step before, the
bundle's header in words; ``sync-overview.png``: the status afterwards. The window has its default size, which fits a 1366×768 screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The counter ledger of these throwaway databases stays out of the user's state folder.
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.demo import create_demo
from passapp.services.sync import export_bundles
from passapp.ui.app import install_qt_german
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_qt_german(app)
    folder = Path(tempfile.mkdtemp(prefix="passapp-shots-"))
    office = context(folder / "ewdah.sqlite3", "Frau Huber")
    create_demo(office, folder)  # the demo office and its district "landratsamt-demo"
    stick = folder / "usb-stick"
    stick.mkdir()
    bundle = export_bundles(office, stick)[0].path
    district = context(folder / "landratsamt-demo.sqlite3", "Herr Maier")

    # The file dialog is the operating system's; here it "chooses" the bundle.
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(bundle), ""))  # type: ignore[method-assign]
    tasks = TaskRunner()
    screen = SyncScreen(district, tasks)
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


if __name__ == "__main__":
    main()
