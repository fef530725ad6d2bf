"""Opens every window and dialog of the app on a 1366×768 screen at one display scaling
and prints, as JSON, how big each one wants to be and opens, and whether its buttons can
be seen. Run by ``test_screen_fit.py`` in a fresh process per scaling (Qt reads the
scaling and the screen only at start):

    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json \\
        python -m tests.ui.screen_fit_probe FOLDER [--lang en]

With ``--lang en`` the windows speak English and each one's visible texts are printed too
(``test_english_ui.py`` looks for German words in them).

The screen file describes the counter's screen without its taskbar (what Windows calls
the work area): 1366 × (768 − 40·scale) device pixels.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-fit-state-"))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget
from sqlalchemy import String, select

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.models.database import open_database, to_url
from passapp.models.entities import Account, Installation, Municipality, Offer, Office, Person
from passapp.services.choices import languages
from passapp.services.context import ServiceContext
from passapp.services.demo import DEMO_ACCOUNTS, create_demo
from passapp.services.desk import Gate
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.offers import list_offers
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput, register_person
from passapp.services.trust import init_district, write_request
from passapp.ui import i18n
from passapp.ui.accounts_screen import AccountsScreen, AddAccountDialog, OwnPasswordDialog
from passapp.ui.audit_screen import AuditScreen
from passapp.ui.backups import BackupDialog
from passapp.ui.entry_form import CancelEntryDialog, EntryForm
from passapp.ui.erase_dialog import EraseDialog, WithdrawConsentDialog
from passapp.ui.figures_screen import FiguresScreen
from passapp.ui.login_dialog import LoginDialog
from passapp.ui.main_window import MainWindow
from passapp.ui.merge_dialog import MergeDialog
from passapp.ui.new_key_dialog import NewKeyDialog
from passapp.ui.offer_form import OfferForm
from passapp.ui.offers_screen import OffersScreen
from passapp.ui.offices_screen import CompromiseDialog, EnrolDialog, OfficesScreen
from passapp.ui.pass_dialog import EntrySheetDialog, IssuePassDialog, ReplacePassDialog
from passapp.ui.person_form import PersonForm, consent_notice
from passapp.ui.profile_section import ProfileDialog
from passapp.ui.review_screen import DismissedPairsDialog, ReviewScreen
from passapp.ui.setup_wizard import SetupWizard
from passapp.ui.sync_screen import SyncScreen
from passapp.ui.tasks import TaskRunner
from tests.ui.conftest import make_accounts
from tests.ui.visible_texts import visible_texts

# Long but real: the longest names of the demo are short; the counter sees longer ones.
FAMILY = "Al-Abdulrahman Al-Husseini"
GIVEN = "Mohammed Abdulkarim Nasrallah"
LONG_OFFICE = "Einwohnermeldeamt der Großen Kreisstadt Dachau, Bürgerbüro Neuzugewanderte"


def context(path: Path) -> ServiceContext:
    return ServiceContext(
        db=open_database(to_url(str(path))),
        clerk="probe",
        passphrase=None,
        output_folder=path.parent,
    )


def wait_for(tasks: TaskRunner) -> None:
    loop = QEventLoop()
    tasks.finished.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def clipped_buttons(window: QWidget) -> list[str]:
    """Visible buttons the clerk cannot see whole, or can reach only by scrolling."""
    bad = []
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window):
            continue
        name = button.text().replace("&", "") or button.accessibleName()
        region = button.visibleRegion().boundingRect()
        if region.size() != button.size():
            bad.append(
                f"{name}: {region.width()}×{region.height()} of {button.width()}×{button.height()} seen"
            )
        elif button.isDefault() and _in_scroll_area(button):
            bad.append(f"{name}: only reachable by scrolling")
    return bad


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def measure(name: str, window: QWidget, texts: bool = False) -> dict[str, Any]:
    settle()
    seen = [{"widget": s.widget, "text": s.text} for s in visible_texts(window)] if texts else []
    return {
        "texts": seen,
        "name": name,
        "min": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "hint": [window.sizeHint().width(), window.sizeHint().height()],
        "size": [window.width(), window.height()],
        "clipped": clipped_buttons(window),
        # The hit list beside the person: a clerk must read the names in it.
        "hit_list_width": window.table.width() if isinstance(window, MainWindow) else None,
    }


class Probe:
    def __init__(self, folder: Path, texts: bool = False) -> None:
        self.folder = folder
        self.texts = texts
        self.tasks = TaskRunner()
        self.office = context(folder / "ewdah.sqlite3")
        create_demo(self.office, folder)
        accounts = make_accounts(self.office)
        self.clerk, self.admin = accounts.clerk, accounts.admin
        self.person_id = self._long_named_person()
        issued = issue_pass(self.office, self.person_id)
        self.number = issued.pass_number
        add_entry(self.office, self.number, EntryInput(EntryKind.BERATUNG, self.office.today()))
        self.found: list[dict[str, Any]] = []

    def _long_named_person(self) -> uuid.UUID:
        data = PersonInput(
            family_names=FAMILY,
            given_names=GIVEN,
            birth_date=PartialDate.parse("2001-04-03"),
            arrival_date=PartialDate.parse("2021-09-02"),
            nationalities=("SYR",),
            languages=("ar",),
            consent=True,
            consent_notice_version=CONSENT_NOTICE_VERSION,
        )
        return register_person(self.office, data).person.id

    @contextmanager
    def shown(self, name: str, window: QWidget) -> Iterator[QWidget]:
        window.show()
        settle()
        yield window
        self.found.append(measure(name, window, self.texts))
        window.close()

    def run(self) -> list[dict[str, Any]]:
        for step in self.steps():
            step()
        return self.found

    def steps(self) -> list[Callable[[], None]]:
        return [
            self.main_window,
            self.registration,
            self.entry_forms,
            self.pass_dialogs,
            self.sync_and_offers,
            self.setup_wizard,
            self.log_in,
            self.district_screens,
            self.district_review,
            self.backup_dialog,
            self.admin_screens,  # last: its locked window's lock hides every window shown later
        ]

    def main_window(self) -> None:
        window = MainWindow(self.clerk)
        with self.shown("main window", window):
            window.person_panel.show_person(self.person_id)
        window.tasks.shutdown()
        # The admin's person panel has the most buttons (Auskunft, Datenschutz).
        window = MainWindow(self.admin)
        with self.shown("main window (admin)", window):
            window.person_panel.show_person(self.person_id)
        window.tasks.shutdown()

    def registration(self) -> None:
        form = PersonForm.for_new(self.clerk, self.tasks, prefill_text="Ahmadi Zahra")
        with self.shown("registration", form):
            form.refresh_preview()
        form = PersonForm.for_new(self.clerk, self.tasks, prefill_text="Ahmadi Zahra")
        with self.shown("registration: profile open", form):
            form.view.profile_toggle.setChecked(True)
            settle()
        with self.shown(
            "learner profile", ProfileDialog(self.clerk, self.tasks, self.person_id, languages())
        ):
            pass

    def entry_forms(self) -> None:
        with self.shown("entry form", EntryForm.for_new(self.clerk, self.tasks, self.number)):
            pass
        entry = list_entries(self.office, self.number).entries[0]
        correction = EntryForm.for_correction(self.clerk, self.tasks, self.number, entry)
        with self.shown("entry correction", correction):
            pass
        with self.shown(
            "entry cancellation", CancelEntryDialog(self.clerk, self.tasks, self.number, entry)
        ):
            pass

    def pass_dialogs(self) -> None:
        issue = IssuePassDialog(self.clerk, self.tasks, self._unclear_person())
        with self.shown("issue pass", issue):
            pass
        issue.show()
        issue.form.reason.setText("Geburtsurkunde vorgelegt: 16 Jahre alt")
        issue.form.issue_button.click()
        wait_for(self.tasks)
        assert issue.pages.currentWidget() is issue.print_step, issue.message.text()
        with self.shown("issue pass: print step", issue):
            pass
        with self.shown("replace pass", ReplacePassDialog(self.clerk, self.tasks, self.number)):
            pass
        sheet = EntrySheetDialog(self.clerk, self.tasks, self.number)
        wait_for(self.tasks)
        assert sheet.pages.currentWidget() is sheet.print_step, sheet.message.text()
        with self.shown("entry sheet", sheet):
            pass

    def _unclear_person(self) -> uuid.UUID:
        data = PersonInput(
            family_names="Haddad",
            given_names="Rana",
            birth_date=PartialDate.parse("2010-00-00"),
            arrival_date=PartialDate.parse("2025-03-10"),
            moved_from_abroad=True,
            languages=("ar",),
        )
        return register_person(self.office, data).person.id

    def sync_and_offers(self) -> None:
        with self.shown("data exchange", SyncScreen(self.admin, self.tasks)):
            pass
        audit = AuditScreen(self.admin, self.tasks)
        audit.run_check()
        wait_for(self.tasks)
        with self.shown("audit log check", audit):
            pass
        with self.shown("offers", OffersScreen(self.clerk, self.tasks)):
            pass
        offer = list_offers(self.office)[0]
        with self.shown("offer form", OfferForm(self.clerk, self.tasks, offer)):
            pass

    def setup_wizard(self) -> None:
        fresh = context(self.folder / "fresh.sqlite3")
        wizard = SetupWizard(Gate(fresh), self.tasks)
        with self.shown("set-up: welcome", wizard):
            pass
        wizard.welcome_page.next_button.click()
        with self.shown("set-up: office", wizard):
            pass
        page = wizard.office_page
        page.code.edit.setText("EWDAH")
        page.name_field.setText("Einwohnermeldeamt Dachau")
        page.kind_combo.setCurrentIndex(1)
        page.municipality_combo.setCurrentIndex(1)
        page.next_button.click()
        assert wizard.pages.currentWidget() is wizard.admin_page
        wizard.admin_page.password_field.setText("kurz")
        wizard.admin_page.check()
        with self.shown("set-up: first admin", wizard):
            pass

    def log_in(self) -> None:
        with self.shown("log-in", LoginDialog(Gate(self.office))):
            pass
        with self.shown("log-in (demo)", LoginDialog(Gate(self.office, demo=True))):
            pass

    def district_review(self) -> None:
        district_review(self)

    def backup_dialog(self) -> None:
        """Verwaltung → Datensicherung with a backup in its list and the "done" line."""
        folder = self.folder / "sicherungen"
        folder.mkdir(exist_ok=True)
        dialog = BackupDialog(self.admin)
        dialog.folder.setText(str(folder))
        task = dialog.back_up()
        while task is not None and not task.done:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        with self.shown("backup", dialog):
            pass
        dialog.backups.setCurrentRow(0)
        restore = dialog.open_restore()
        restore.account.setText("leitung")
        with self.shown("restore", restore):
            pass

    def admin_screens(self) -> None:
        """The accounts screen and its dialogs, the erasure dialogs, the locked window."""
        with self.shown("accounts", AccountsScreen(self.admin, self.tasks)):
            pass
        with self.shown("add account", AddAccountDialog(self.admin, self.tasks)):
            pass
        with self.shown("own password", OwnPasswordDialog(self.admin, self.tasks)):
            pass
        overview = self.admin.person_overview(self.person_id)
        with self.shown("erase", EraseDialog(self.admin, self.tasks, overview)):
            pass
        with self.shown(
            "withdraw consent", WithdrawConsentDialog(self.admin, self.tasks, overview)
        ):
            pass
        window = MainWindow(self.clerk)
        with self.shown("locked window", window):
            window.screen_lock.lock()
        window.tasks.shutdown()

    def district_screens(self) -> None:
        """The demo's district: its admin's figures (computed, then greyed by a changed
        filter: the longest message), Verwaltung → Dienststellen and its dialogs, an office's
        request for a new key, the catalogue with the district's file menu."""
        district = context(self.folder / "landratsamt-demo.sqlite3")
        admin = make_accounts(district).admin
        screen = FiguresScreen(admin, self.tasks)
        with self.shown("figures", screen):
            screen.view.compute_button.click()
            wait_for(self.tasks)
            assert screen.report is not None, screen.view.message.text()
            screen.view.from_edit.setText("01.01.2026")
        with self.shown("offices", OfficesScreen(admin, self.tasks)):
            pass
        # A second database claiming EWDAH: the dialog with its warning and the box to tick.
        claim = context(self.folder / "claim.sqlite3")
        init_office(claim, code="EWDAH", name=LONG_OFFICE, kind="einwohnermeldeamt")
        request = self.folder / "claim.json"
        write_request(claim, request)
        preview = admin.preview_enrolment(request)
        with self.shown("enrol office", EnrolDialog(admin, self.tasks, request, preview)):
            pass
        office = next(o for o in admin.list_offices().offices if o.code == "EWDAH")
        with self.shown("report compromised key", CompromiseDialog(admin, self.tasks, office)):
            pass
        with self.shown("new key request", NewKeyDialog(self.admin, self.tasks)):
            pass
        with self.shown("offers (district)", OffersScreen(admin, self.tasks)):
            pass
        admin.close()


def district_review(probe: Probe) -> None:
    """The district admin's review: a pair of long names side by side, the conflicts, the
    merge dialog, the pair dismissed in the list of dismissed pairs."""
    district = context(probe.folder / "district.sqlite3")
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    for given, born in ((GIVEN, "2001-04-03"), (GIVEN + " Omar", "2001-04-00")):
        data = PersonInput(
            family_names=FAMILY,
            given_names=given,
            family_names_original="عبد الرحمن الحسيني",
            birth_date=PartialDate.parse(born),
            nationalities=("SYR",),
            consent=True,
            consent_notice_version=CONSENT_NOTICE_VERSION,
        )
        register_person(district, data)
    admin = make_accounts(district).admin
    screen = ReviewScreen(admin, probe.tasks)
    wait_for(probe.tasks)
    screen.pair_table.selectRow(0)
    with probe.shown("review: duplicates", screen):
        pass
    screen.tabs.setCurrentIndex(1)
    with probe.shown("review: conflicts", screen):
        pass
    pair = screen.selected_pair()
    assert pair is not None
    with probe.shown("merge", MergeDialog(admin, probe.tasks, pair)):
        pass
    admin.dismiss_duplicate(pair.first.id, pair.second.id)
    dismissed = DismissedPairsDialog(admin, probe.tasks)
    dismissed.table.selectRow(0)
    with probe.shown("dismissed pairs", dismissed):
        pass


# What the windows show as data, not as the UI's words: names, addresses, office and
# municipality names, the catalogue's offers (their titles per language are for later).
DATA_TABLES = (Person, Office, Municipality, Offer, Account, Installation)


def data_texts(folder: Path) -> list[str]:
    """Every text stored in the probe's databases' tables of data, the German consent
    notice a person reads, the demo's account names."""
    found = {consent_notice("de")[0], *(name for name, _role in DEMO_ACCOUNTS)}
    for path in folder.glob("*.sqlite3"):
        db = open_database(to_url(str(path)))
        with db.reading() as session:
            for table in DATA_TABLES:
                columns = [c for c in table.__table__.columns if isinstance(c.type, String)]
                for row in session.execute(select(*columns)):
                    found.update(value for value in row if isinstance(value, str) and value)
        db.dispose()
    return sorted(found)


def main() -> None:
    folder = Path(sys.argv[1])
    language = sys.argv[3] if sys.argv[2:3] == ["--lang"] else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if language is not None:
        i18n.install_translations(app, language)
    probe = Probe(folder, texts=language is not None)
    found = probe.run()
    screen = app.primaryScreen().availableGeometry()
    probe.tasks.shutdown()
    data = data_texts(folder) if language is not None else []
    print(json.dumps({"screen": [screen.width(), screen.height()], "windows": found, "data": data}))


if __name__ == "__main__":
    main()
