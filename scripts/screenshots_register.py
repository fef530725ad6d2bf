"""Screenshots of the registration form for the docs, made offscreen on a fresh demo office.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_register.py [--out docs/screenshots]

``register.png``: a newcomer typed in, eligible, with nationality and language picked;
``register-duplicate.png``: a name and birth year already registered, shown before saving;
``register-duplicate-original.png``: another transcription of the same Arabic name, found
by the name in the original script;
``register-review.png``: only the arrival year known, six years ago: "unklar";
``register-suggestions.png``: the language field offering matches while the clerk types;
``register-edit-refused.png``: a person of another office, shown read-only with the reason.
The dialog has its default size, which fits a 1366×768 screen.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from screenshots import context, log_in, save, start

from passapp.domain.accounts import Role
from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput, register_person
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle
from passapp.ui.person_form import PersonForm
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]


def type_into(form: PersonForm, widget_text: list[tuple[QWidget, str]]) -> None:
    for widget, text in widget_text:
        QTest.keyClicks(widget, text)
    form.refresh_preview()


def new_person(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    form = PersonForm.for_new(log_in(office), tasks, prefill_text="Haddad Rana")
    form.show()
    view = form.view
    type_into(
        form,
        [(view.birth_edit, "14.02.1998"), (view.arrival_edit, "03.05.2024")],
    )
    view.nationality_picker.set_codes(["SYR"])
    view.language_picker.set_codes(["ar", "en"])
    view.consent_check.setChecked(True)
    view.sex_combo.setCurrentIndex(1)
    view.language_picker.codes_changed.emit()
    save(form, out / "register.png")
    form.close()


def suggestions(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    form = PersonForm.for_new(log_in(office), tasks, prefill_text="Tesfaye Selam 00.01.1999")
    form.show()
    view = form.view
    view.arrival_edit.setText("15.06.2019")
    view.nationality_picker.set_codes(["ERI"])
    view.language_picker.edit.setFocus()
    QTest.keyClicks(view.language_picker.edit, "tig")
    form.refresh_preview()
    save(form, out / "register-suggestions.png")
    form.close()


def duplicate(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    form = PersonForm.for_new(log_in(office), tasks, prefill_text="Ahmady Zahra")
    form.show()
    type_into(form, [(form.view.birth_edit, "00.00.2001")])
    save(form, out / "register-duplicate.png")
    form.close()


def duplicate_by_original(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    register_person(
        office,
        PersonInput(
            family_names="Al-Husseini",
            given_names="Dschamal",
            family_names_original="الحسيني",
            given_names_original="جمال",
            birth_date=PartialDate.parse("1990-02-11"),
            moved_from_abroad=True,
        ),
    )
    form = PersonForm.for_new(log_in(office), tasks, prefill_text="Alhussaini Jamal")
    form.show()
    form.view.family_original_edit.insert("الحسينی")
    form.view.given_original_edit.insert("جمال")
    type_into(form, [(form.view.birth_edit, "11.02.1990")])
    save(form, out / "register-duplicate-original.png")
    form.close()


def needs_review(office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    form = PersonForm.for_new(log_in(office), tasks, prefill_text="Rahimi Leyla")
    form.show()
    type_into(form, [(form.view.birth_edit, "05.05.1990"), (form.view.arrival_edit, "XX.XX.2020")])
    form.view.nationality_picker.set_codes(["IRN"])
    QTest.keyClick(form.view.arrival_edit, Qt.Key.Key_Tab)
    save(form, out / "register-review.png")
    form.close()


def edit_refused(folder: Path, office: ServiceContext, tasks: TaskRunner, out: Path) -> None:
    """The district sees a person the demo office registered: only that office edits."""
    register_person(
        office,
        PersonInput(
            family_names="Nowak",
            given_names="Ewa",
            birth_date=PartialDate.parse("1987-03-09"),
            moved_from_abroad=True,
            consent=True,
            consent_notice_version=CONSENT_NOTICE_VERSION,
        ),
    )
    district = context(folder / "landratsamt-demo.sqlite3", "Herr Maier")
    stick = folder / "usb-stick"
    stick.mkdir()
    import_bundle(district, export_bundles(office, stick)[0].path)
    person_id = find(district, "Nowak Ewa").hits[0].id
    form = PersonForm.for_edit(log_in(district, Role.DISTRICT_ADMIN), tasks, person_id)
    form.show()
    form.refresh_preview()
    save(form, out / "register-edit-refused.png")
    form.close()
    district.db.dispose()


def main() -> None:
    shots = start(__doc__)
    out, app, folder = shots.out, shots.app, shots.folder
    office = shots.demo_office()
    tasks = TaskRunner()
    new_person(office, tasks, out)
    suggestions(office, tasks, out)
    duplicate(office, tasks, out)
    duplicate_by_original(office, tasks, out)
    needs_review(office, tasks, out)
    edit_refused(folder, office, tasks, out)
    tasks.shutdown()
    office.db.dispose()
    app.quit()


if __name__ == "__main__":
    main()
