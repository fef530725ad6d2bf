"""Screenshots of Verwaltung → Datensicherung and its "Wiederherstellen …" dialog, from the
demo office's admin, in German and English.

    .venv/bin/python scripts/screenshots_backups.py [--out docs/screenshots]
    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_backups.py

``backup.png``: the dialog after "Jetzt sichern" (the backup in the list, the done line);
``restore.png``: the restore dialog with that backup chosen, the backup's admin typed, the
sentence not yet ticked. ``english-backup.png`` / ``english-restore.png``: the same in
English (a second process: the language is chosen before the first window).
"""

from __future__ import annotations

import os
import subprocess
import sys

from screenshots import save, start  # isort: skip  (sets up offscreen Qt first)

from PySide6.QtCore import QEventLoop

from passapp.services.demo import DEMO_PASSWORD
from passapp.services.desk import Gate
from passapp.ui.backup_runner import BackupRunner
from passapp.ui.backups import open_backup_dialog, save_backup_settings

ENGLISH = "PASSAPP_SHOTS_ENGLISH"


def main() -> None:
    english = bool(os.environ.get(ENGLISH))
    shots = start(__doc__, "en" if english else "de")
    prefix = "english-" if english else ""
    gate = Gate.open_demo(shots.folder)
    admin = gate.log_in("admin", DEMO_PASSWORD)
    folder = shots.folder / "sicherungen"
    folder.mkdir()
    save_backup_settings(folder, 14)
    runner = BackupRunner()
    dialog = open_backup_dialog(admin, runner)
    task = dialog.back_up()
    while task is not None and not task.done:  # on the backup worker
        shots.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    save(dialog, shots.out / f"{prefix}backup.png")
    dialog.backups.setCurrentRow(0)
    restore = dialog.open_restore()
    restore.account.setText("admin")
    save(restore, shots.out / f"{prefix}restore.png")
    restore.reject()
    dialog.reject()
    admin.close()
    shots.app.quit()
    if not english:
        subprocess.run([sys.executable, *sys.argv], env={**os.environ, ENGLISH: "1"}, check=True)


if __name__ == "__main__":
    main()
