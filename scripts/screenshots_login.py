"""Screenshots of the log-in window, made from a demo office, at 100 % and 150 %.

    .venv/bin/python scripts/screenshots_login.py [--out docs/screenshots]
    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_login.py

``login.png``: a real installation's log-in window after a wrong password (the one German
message, the password cleared); ``login-demo.png``: the demo's, with its accounts in the
hint box and the clerk filled in. The same at 150 % scaling (``QT_SCALE_FACTOR``, a second
process): ``scale150-login.png``, ``scale150-login-demo.png``.
"""

from __future__ import annotations

import os
import subprocess
import sys

from screenshots import save, start  # isort: skip  (sets up offscreen Qt first)

from passapp.services.desk import Gate
from passapp.ui.login_dialog import LoginDialog

SCALED = "PASSAPP_SHOTS_SCALED"


def main() -> None:
    shots = start(__doc__)
    prefix = "scale150-" if os.environ.get(SCALED) else ""
    demo = Gate.open_demo(shots.folder)
    real = Gate(demo._ctx)  # the same office without the demo's hint
    dialog = LoginDialog(real)
    dialog.show()
    dialog.name_field.setText("sachbearbeitung")
    dialog.password_field.setText("vertippt")
    dialog.log_in()
    save(dialog, shots.out / f"{prefix}login.png")
    dialog.close()
    shown = LoginDialog(demo)
    shown.show()
    save(shown, shots.out / f"{prefix}login-demo.png")
    shown.close()
    real.close()
    demo.close()
    shots.app.quit()
    if not prefix:
        scaled = {**os.environ, SCALED: "1", "QT_SCALE_FACTOR": "1.5"}
        subprocess.run([sys.executable, __file__, "--out", str(shots.out)], check=True, env=scaled)


if __name__ == "__main__":
    main()
