"""A screenshot of the desktop app in English for the docs, made offscreen from a demo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_english.py [--out docs/screenshots]

``english-main.png``: the counter's main window on the demo office in English (as with
``passapp --lang en``), a person found and shown with eligibility, pass and entries. The
service's own words (eligibility reasons, statuses) stay German, as in the app. The window
has its default size, which fits a 1366×768 screen.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtWidgets import QApplication
from screenshots import log_in, save, start

from passapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    shots = start(__doc__, language="en")
    out, app = shots.out, shots.app
    office = shots.demo_office("Ms Huber")
    window = MainWindow(log_in(office))
    window.show()
    window.search_field.setText("Ahmadi")
    window.search_field.returnPressed.emit()  # the only hit is shown at once
    QApplication.processEvents()
    save(window, out / "english-main.png")
    window.tasks.shutdown()
    window.close()
    office.db.dispose()
    app.quit()


if __name__ == "__main__":
    main()
