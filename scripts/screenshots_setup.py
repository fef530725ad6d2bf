"""Screenshots of the first start: the set-up wizard and the main window before enrolment.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_setup.py [--out docs/screenshots]

An empty office database goes through the wizard as its admin would (the file dialogs
"choose" a temporary USB stick), making the first admin account on the way
(``setup-admin.png``; ``setup-admin-error.png``: a password the policy refuses); a second
empty database becomes the district, which enrols the office in between. ``setup-banner.png`` shows the main window of an office
that chose "Später", with the banner as the lead integrates it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtWidgets import QFileDialog
from screenshots import context, log_in, save, start, wait_for

from passapp.domain.accounts import Role
from passapp.services.demo import DEMO_PASSWORD
from passapp.services.desk import Gate
from passapp.services.offices import init_office
from passapp.services.trust import enrol_office
from passapp.ui.main_window import MainWindow
from passapp.ui.setup_wizard import SetupWizard
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]


def choose(folder: Path, package: Path) -> None:
    """The operating system's file dialogs, answered as the admin would."""
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: str(folder))  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(package), ""))  # type: ignore[method-assign]


def shoot_office(out: Path, folder: Path, tasks: TaskRunner) -> None:
    stick = folder / "usb-stick"
    stick.mkdir()
    package = stick / "Zertifikatspaket-EWDAH.json"
    choose(stick, package)
    office = context(folder / "ewdah.sqlite3", "Frau Huber")
    wizard = SetupWizard(Gate(office), tasks)
    wizard.show()
    save(wizard, out / "setup-welcome.png")

    wizard.welcome_page.next_button.click()
    page = wizard.office_page
    page.code.edit.setText("EWDAHO")
    page.code.edit.textEdited.emit("EWDAHO")
    page.name_field.setText("Einwohnermeldeamt Dachau")
    page.kind_combo.setCurrentText("Einwohnermeldeamt")
    page.municipality_combo.setCurrentText("Dachau")
    save(wizard, out / "setup-office-error.png")
    page.code.edit.setText("EWDAH")
    page.code.edit.textEdited.emit("EWDAH")
    save(wizard, out / "setup-office.png")

    page.next_button.click()
    admin = wizard.admin_page
    admin.name_field.setText("huber")
    admin.password_field.setText("huber2026")
    admin.next_button.click()
    save(wizard, out / "setup-admin-error.png")
    admin.password_field.setText(DEMO_PASSWORD)
    admin.repeat_field.setText(DEMO_PASSWORD)
    admin.check()
    save(wizard, out / "setup-admin.png")
    admin.next_button.click()
    wait_for(tasks)
    wizard.request_page.write_button.click()
    wait_for(tasks)
    save(wizard, out / "setup-request.png")

    wizard.request_page.next_button.click()
    save(wizard, out / "setup-package.png")
    district = context(folder / "landratsamt.sqlite3", "Herr Maier")
    district_wizard = SetupWizard(Gate(district), tasks)
    district_wizard.show()
    district_wizard.welcome_page.district_choice.setChecked(True)
    district_wizard.welcome_page.next_button.click()
    district_wizard.district_page.code.edit.setText("LRADAH")
    save(district_wizard, out / "setup-district.png")
    district_wizard.district_page.next_button.click()
    district_admin = district_wizard.admin_page
    district_admin.name_field.setText("maier")
    district_admin.password_field.setText(DEMO_PASSWORD)
    district_admin.repeat_field.setText(DEMO_PASSWORD)
    district_admin.next_button.click()
    wait_for(tasks)
    save(district_wizard, out / "setup-district-done.png")
    district_wizard.done_page.finish_button.click()

    enrol_office(district, stick / "Anmeldeantrag-EWDAH.json", package)
    wizard.package_page.choose_button.click()
    wait_for(tasks)
    save(wizard, out / "setup-done.png")
    wizard.done_page.finish_button.click()
    office.db.dispose()
    district.db.dispose()


def shoot_cancel(out: Path, folder: Path, tasks: TaskRunner) -> None:
    empty = context(folder / "leer.sqlite3", "Frau Huber")
    wizard = SetupWizard(Gate(empty), tasks)
    wizard.show()
    wizard.reject()  # Esc on the first page
    save(wizard, out / "setup-cancel.png")
    wizard.cancel_page.quit_button.click()
    empty.db.dispose()


def shoot_banner(out: Path, folder: Path) -> None:
    office = context(folder / "jcdah.sqlite3", "Frau Huber")
    init_office(
        office, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Dachau"
    )
    # The banner of an office not yet enrolled, for its admin (who installs the package).
    window = MainWindow(log_in(office, Role.OFFICE_ADMIN))
    window.show()
    save(window, out / "setup-banner.png")
    window.tasks.shutdown()
    office.db.dispose()


def main() -> None:
    shots = start(__doc__)
    out, app, folder = shots.out, shots.app, shots.folder
    tasks = TaskRunner()
    shoot_office(out, folder, tasks)
    shoot_cancel(out, folder, tasks)
    shoot_banner(out, folder)
    tasks.shutdown()
    app.quit()


if __name__ == "__main__":
    main()
