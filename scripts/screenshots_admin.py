"""Screenshots of the screen lock, the accounts screen and the erasure dialogs, from the demo
office's admin, at 100 % and 150 %.

    .venv/bin/python scripts/screenshots_admin.py [--out docs/screenshots]
    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_admin.py

``lock.png``: the counter window locked after a wrong password (nothing of the person shown
behind it); ``accounts.png``: Verwaltung → Konten … with the auditor's account locked after
ten wrong passwords; ``erase.png``: Löschen nach Art. 17 … with a reason typed, not yet
ticked; ``withdraw.png``: Einwilligung widerrufen …. The same at 150 % scaling
(``QT_SCALE_FACTOR``, a second process) with the prefix ``scale150-``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

from screenshots import save, start, wait_for  # isort: skip  (sets up offscreen Qt first)

from passapp.services.demo import DEMO_PASSWORD
from passapp.services.desk import Gate
from passapp.services.errors import Refused
from passapp.ui.main_window import MainWindow

SCALED = "PASSAPP_SHOTS_SCALED"


def lock_out(gate: Gate, name: str) -> None:
    for _attempt in range(10):
        with contextlib.suppress(Refused):
            gate.log_in(name, "vertippt und vertippt")


def main() -> None:
    shots = start(__doc__)
    prefix = "scale150-" if os.environ.get(SCALED) else ""
    gate = Gate.open_demo(shots.folder)
    lock_out(gate, "pruefung")
    admin = gate.log_in("admin", DEMO_PASSWORD)
    window = MainWindow(admin)
    window.show()
    # A person who gave consent (the demo draws it), with a name in two scripts if any.
    name, hit = next(
        (name, hit)
        for name in ("Al-Hassan", "Ahmadi", "Rahimi", "Schewtschenko", "Kovalenko", "Okafor")
        for hit in admin.find(name).hits[:1]
        if admin.get_person(hit.id).consent
    )
    window.search_field.setText(name)
    window.show_person(hit.id)
    wait_for(window.tasks)  # the opening's audit event

    withdraw = window.person_panel.withdraw_consent()
    assert withdraw is not None
    save(withdraw, shots.out / f"{prefix}withdraw.png")
    withdraw.reject()
    erase = window.person_panel.erase_person()
    assert erase is not None
    erase.reason.setText("Antrag der Person vom 02.12.2026")
    save(erase, shots.out / f"{prefix}erase.png")
    erase.reject()

    screen = window.open_accounts_screen()
    assert screen is not None
    save(screen, shots.out / f"{prefix}accounts.png")
    screen.reject()

    lock = window.screen_lock
    lock.lock()
    lock.prompt.password.setText("vertippt")
    lock.try_unlock()
    wait_for(window.tasks)
    save(window, shots.out / f"{prefix}lock.png")

    window.tasks.shutdown()
    admin.close()
    shots.app.quit()
    if not prefix:
        scaled = {**os.environ, SCALED: "1", "QT_SCALE_FACTOR": "1.5"}
        subprocess.run([sys.executable, __file__, "--out", str(shots.out)], check=True, env=scaled)


if __name__ == "__main__":
    main()
