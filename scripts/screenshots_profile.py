"""Screenshots of the learner profile in the desktop app, on a fresh demo office.

    xvfb-run -a .venv/bin/python scripts/screenshots_profile.py [--out docs/screenshots]

``profile-register.png``: the registration form with "Bildung und Sprache" opened and
filled; ``profile-dialog.png``: editing a registered person's profile later;
``profile-panel.png``: the person panel with its profile line and the edit action.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtTest import QTest
from screenshots import log_in, save, start, wait_for

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
)
from passapp.services.choices import languages
from passapp.services.search import find
from passapp.ui.main_window import MainWindow
from passapp.ui.person_form import PersonForm
from passapp.ui.profile_section import ProfileDialog
from passapp.ui.tasks import TaskRunner


def main() -> None:
    shots = start(__doc__)
    out, app = shots.out, shots.app
    office = shots.demo_office()
    desk = log_in(office)
    tasks = TaskRunner()
    form = PersonForm.for_new(desk, tasks, prefill_text="Haddad Rana 14.02.1998")
    form.show()
    form.view.profile_toggle.setChecked(True)
    section = form.view.profile_section
    section.level_combo.setCurrentIndex(section.level_combo.findData(GermanLevel.A2))
    section.basis_combo.setCurrentIndex(section.basis_combo.findData(Basis.TESTED))
    section.literacy_combo.setCurrentIndex(1)
    QTest.keyClicks(section.school_years_edit, "9")
    section.wish_checks[EntryKind.SPRACHKURS].setChecked(True)
    section.wish_checks[Arrangement.CHILDCARE].setChecked(True)
    save(form, out / "profile-register.png")
    form.close()

    person_id = find(office, "Ahmadi").hits[0].id
    desk.set_learner_profile(
        person_id,
        LearnerProfile(
            assessments=(Assessment(GermanLevel.B1, Basis.CERTIFICATE, PartialDate(2026, 3)),),
            literacy=Literacy.LATIN,
            wished_kinds=frozenset({EntryKind.SPRACHKURS}),
            arrangements=frozenset({Arrangement.EVENING}),
            languages=("fa", "de"),
        ),
    )
    dialog = ProfileDialog(desk, tasks, person_id, languages())
    dialog.show()
    save(dialog, out / "profile-dialog.png")
    dialog.close()
    window = MainWindow(desk)
    window.show()
    window.person_panel.show_person(person_id)
    wait_for(window.tasks)
    save(window, out / "profile-panel.png")
    window.tasks.shutdown()
    tasks.shutdown()
    office.db.dispose()
    app.quit()


if __name__ == "__main__":
    main()
