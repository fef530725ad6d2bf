"""Screenshots of every window of the desktop app in English, made offscreen from a demo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_english.py [--out docs/screenshots]

``english-main.png``: the counter's main window on the demo office in English (as with
``passapp --lang en``), a person found and shown with eligibility, pass and entries.
``english-<window>.png``: every other window and dialog, in the states the screen-fit
probe opens them in (``tests/ui/screen_fit_probe.py``: the same list the tests check for
size and for German words, so a new window gets its English screenshot here too). On a
1366×768 screen at 100 %.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import counter_screen  # noqa: F401  # isort: skip  (a 1366×768 offscreen screen before Qt loads)

from PySide6.QtWidgets import QApplication, QWidget
from screenshots import log_in, save, start

from passapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the probe lives with the tests

from tests.ui.screen_fit_probe import Probe, measure  # noqa: E402


class ShootingProbe(Probe):
    """The probe, saving each window it shows as ``english-<its name>.png``."""

    def __init__(self, folder: Path, out: Path) -> None:
        super().__init__(folder)
        self.out = out

    @contextmanager
    def shown(self, name: str, window: QWidget) -> Iterator[QWidget]:
        window.show()
        QApplication.processEvents()
        yield window
        self.found.append(measure(name, window))
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        save(window, self.out / f"english-{slug}.png")
        window.close()


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
    (shots.folder / "probe").mkdir()
    probe = ShootingProbe(shots.folder / "probe", out)
    probe.run()
    probe.tasks.shutdown()
    app.quit()


if __name__ == "__main__":
    main()
