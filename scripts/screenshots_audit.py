"""Screenshot of Verwaltung → Protokoll prüfen for the docs, made offscreen from a demo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_audit.py [--out docs/screenshots]

``audit.png``: the demo office's log after a few records were opened and an entry sheet
printed, checked intact, with its newest events. The dialog has its default size.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from screenshots import log_in, save, start, wait_for

from passapp.domain.accounts import Role
from passapp.services.overview import open_person
from passapp.services.search import find
from passapp.ui.audit_screen import AuditScreen
from passapp.ui.tasks import TaskRunner


def main() -> None:
    shots = start(__doc__)
    office = shots.demo_office()
    for name in ("Ahmadi", "Haddad"):
        for hit in find(office, name).hits[:1]:
            open_person(office, hit.id)
    tasks = TaskRunner()
    screen = AuditScreen(log_in(office, Role.OFFICE_ADMIN), tasks)
    screen.show()
    screen.run_check()
    wait_for(tasks)
    save(screen, shots.out / "audit.png")
    screen.close()
    tasks.shutdown()
    office.db.dispose()
    shots.app.quit()


if __name__ == "__main__":
    main()
