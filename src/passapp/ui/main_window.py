"""The main window: one search/scan field, always focused, the results, and the person.

The clerk types a name, a pass number or a birth date, or scans a pass; the hits are
listed on the left and the chosen person is shown on the right (:class:`PersonPanel`),
with what can be done for them. Each screen is its own module; this window only composes
them and brings the focus back to the search field after every task.

The window holds one logged-in account's :class:`Desk` and shows only what its role may
do (``desk.may``): a clerk has no data exchange or audit check, an auditor only the audit
check. "Abmelden" forgets the account and closes the window (``logged_out``); the app
then shows the log-in window again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.domain.pass_number import looks_like_pass_number
from passapp.services.desk import Desk
from passapp.services.erasure import Erasure
from passapp.services.errors import ServiceError
from passapp.services.people import Registration
from passapp.services.search import PAGE, SearchResult
from passapp.services.setup import SetupState
from passapp.services.verification import looks_like_qr
from passapp.services.views import PersonSummary
from passapp.ui import i18n
from passapp.ui.accounts_screen import (
    AccountsScreen,
    OwnPasswordDialog,
    open_accounts_screen,
    open_own_password,
)
from passapp.ui.audit_screen import open_audit_screen
from passapp.ui.backup_runner import BackupRunner
from passapp.ui.backups import BackupDialog, open_backup_dialog
from passapp.ui.elide import ElidedLabel, elided
from passapp.ui.erase_dialog import erasure_note
from passapp.ui.figures_screen import FiguresScreen, open_figures_screen
from passapp.ui.new_key_dialog import NewKeyDialog, open_new_key_request
from passapp.ui.offers_screen import OffersScreen
from passapp.ui.offices_screen import OfficesScreen, open_offices_screen
from passapp.ui.person_form import PersonForm
from passapp.ui.person_panel import PersonPanel
from passapp.ui.person_table import PersonTableModel
from passapp.ui.review_screen import ReviewScreen, open_review_screen
from passapp.ui.screen import fit_to_screen
from passapp.ui.screen_lock import ScreenLock
from passapp.ui.setup_wizard import (
    INSTALL_PACKAGE_SHORTCUT,
    EnrolmentBanner,
    SetupWizard,
    open_install_package,
)
from passapp.ui.sync_screen import SyncScreen
from passapp.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250
LOG_OUT_SHORTCUT = "Ctrl+Shift+Q"
VALID_COLOUR = "#1b5e20"
INVALID_COLOUR = "#b71c1c"


class MainWindow(QMainWindow):
    # Emitted on the worker thread when a write waits for another process's write lock;
    # queued to the UI thread, where the status bar says so (seconds waited).
    lock_wait = Signal(float)
    # "Abmelden": the account is logged out and the window closed.
    logged_out = Signal()
    # The window was closed while logged in (the app then logs out and quits).
    closed = Signal()
    # Another language was chosen: this window handed its Desk to the new one (rebuilt).
    replaced = Signal(QMainWindow)
    # An admin confirmed a restore (a RestoreRequest): the window logged out and closed;
    # the app puts the backup in place and shows the log-in window.
    restore_requested = Signal(object)

    def __init__(self, desk: Desk, backups: BackupRunner | None = None) -> None:
        super().__init__()
        self._desk = desk
        # The app's one backup worker (shared with the automatic backups), else its own.
        self.backups = backups or BackupRunner(self)
        # Fixed for the window's life: after "Abmelden" the Desk may nothing any more.
        self._at_counter = desk.may("find")
        self.lock_wait.connect(self._on_lock_wait, Qt.ConnectionType.QueuedConnection)
        desk.tell_lock_waits(self.lock_wait.emit)
        # The one worker every screen sends its database writes through (ui/tasks.py).
        self.tasks = TaskRunner(self)
        self.sync_screen: SyncScreen | None = None
        self.offers_screen: OffersScreen | None = None
        self.setup_wizard: SetupWizard | None = None
        self.person_form: PersonForm | None = None
        # Set once rebuilt() handed the Desk on: closing this window then logs nobody out.
        self._handed_over = False
        self.setWindowTitle(
            self.tr("Bildungs- und Beratungspass – Landkreis Dachau – {account}").format(
                account=desk.account.name
            )
        )
        # As large as a 1366×768 counter screen allows, at 100 to 150 % scaling (screen.py).
        fit_to_screen(self, 1280, 700)

        self.enrolment_banner = EnrolmentBanner()
        self.enrolment_banner.install_requested.connect(self.open_install_package)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Name, Passnummer oder Geburtsdatum eingeben – oder Pass scannen")
        )
        self.search_field.setAccessibleName(self.tr("Suche"))
        self.search_field.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Hinweis zur Suche"))
        self.results = PersonTableModel()
        self.table = self._results_table()
        self.person_panel = PersonPanel(desk, self.tasks)
        self.person_panel.task_done.connect(self.return_to_search)
        self.person_panel.person_erased.connect(self._on_erased)
        self.hint = ElidedLabel(self._key_hint())
        self.hint.setAccessibleName(self.tr("Tastenkürzel"))
        self.hint.setStyleSheet("color: #555;")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.person_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 760])  # the hit list readable, the person wider
        layout = QVBoxLayout()
        layout.addWidget(self.enrolment_banner)
        layout.addWidget(self.search_field)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.counter = QWidget()
        self.counter.setLayout(layout)
        if self._at_counter:
            self.setCentralWidget(self.counter)
        else:  # the auditor: the audit check only, nothing of the counter's people
            self.counter.setParent(self)
            self.counter.hide()
            self.setCentralWidget(self._audit_only())

        # Search as the clerk types, but not on every key stroke of a scanner burst.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_search)
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self._on_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._clear_search)
        self._add_menus()

        office = desk.office()
        where = f"{office.code} – {office.name}" if office else self.tr("keine Dienststelle")
        self.office_label = ElidedLabel(self.tr("Dienststelle: {office}").format(office=where))
        self.office_label.setAccessibleName(self.tr("Dienststelle"))
        self.account_label = QLabel(
            self.tr("Angemeldet: {account} ({role})").format(
                account=desk.account.name, role=i18n.role_label(desk.account.role)
            )
        )
        self.account_label.setAccessibleName(self.tr("Angemeldetes Konto"))
        # Office and account whole; the key hint, in the status bar rather than on a line of
        # its own (at 150 % scaling every line counts), gives way and is shortened with "…".
        self.office_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.office_label)
        self.statusBar().addWidget(self.account_label)
        self.statusBar().addWidget(self.hint, 1)
        # A backup's outcome, long enough to be read when the clerk looks up.
        self.backups.told.connect(self.show_backup_outcome)
        self.show_setup_state(desk.setup_state())
        # After the PC's minutes without input the window is covered until this account's
        # password is typed again; "Abmelden" there is this window's log-out.
        self.screen_lock = ScreenLock(self, desk, self.tasks)
        self.screen_lock.log_out_requested.connect(self.log_out)
        self.focus_search()

    @property
    def desk(self) -> Desk:
        return self._desk

    def _key_hint(self) -> str:
        if not self._desk.may("find"):
            return self.tr("Strg+Umschalt+L Protokoll prüfen · Strg+Umschalt+Q abmelden")
        if self._desk.may("sync_status"):
            return self.tr(
                "Strg+F Suche · Strg+N neue Person · ↓ in die Trefferliste · "
                "Esc Suche leeren · Strg+Umschalt+D Datenaustausch"
            )
        return self.tr(
            "Strg+F Suche · Strg+N neue Person · ↓ in die Trefferliste · "
            "Esc Suche leeren · Strg+Umschalt+Q abmelden"
        )

    def _audit_only(self) -> QWidget:
        """The auditor's window: what they can do, and the button that does it."""
        panel = QWidget()
        layout = QVBoxLayout(panel)
        text = QLabel(
            self.tr(
                "Dieses Konto prüft das Protokoll; Personendaten zeigt es nicht. "
                "Verwaltung → Protokoll prüfen (Strg+Umschalt+L)."
            )
        )
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("Hinweis"))
        self.audit_button = QPushButton(self.tr("Protokoll prüfen …"))
        self.audit_button.setAccessibleName(self.tr("Protokoll prüfen"))
        self.audit_button.clicked.connect(self.open_audit_screen)
        layout.addWidget(text)
        layout.addWidget(self.audit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return panel

    def show_backup_outcome(self, text: str) -> None:
        # Long enough to be read when the clerk looks up from the person at the counter.
        self.statusBar().showMessage(text, 60_000)

    def _on_lock_wait(self, waited: float) -> None:
        self.statusBar().showMessage(
            self.tr(
                "Die Datenbank ist gerade belegt (seit {seconds} s, z. B. durch einen Import "
                "an einem anderen Platz); neuer Versuch …"
            ).format(seconds=round(waited)),
            5000,
        )

    def _results_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.results)
        table.setAccessibleName(self.tr("Suchergebnisse"))
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Date and pass number keep their width; the names share the rest, shortened with
        # "…" where the list is narrow (whole in the tooltip).
        for column in (PersonTableModel.BIRTH, PersonTableModel.PASS):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        table.selectionModel().selectionChanged.connect(self._on_row_chosen)
        return table

    def _add_menus(self) -> None:
        """Only what the account's role may do is in the menus (hidden, not greyed out:
        a hidden action's shortcut does nothing either)."""
        may = self._desk.may
        if may("find"):
            person = self.menuBar().addMenu(self.tr("&Person"))
            if may("register_person"):
                self._action(
                    person, self.tr("&Neue Person erfassen …"), "Ctrl+N", self.register_person
                )
            self._action(person, self.tr("&Suchen"), "Ctrl+F", self.focus_search)
        admin = self.menuBar().addMenu(self.tr("&Verwaltung"))
        if may("sync_status"):
            self._action(admin, self.tr("&Datenaustausch …"), "Ctrl+Shift+D", self.open_sync_screen)
        if may("list_offers"):
            self._action(
                admin, self.tr("&Angebotskatalog …"), "Ctrl+Shift+A", self.open_offers_screen
            )
        if may("possible_duplicates"):
            self._action(
                admin, self.tr("&Mögliche Doppelte und Konflikte …"), None, self.open_review_screen
            )
        self.install_package_action = self._action(
            admin,
            self.tr("&Zertifikatspaket einspielen …"),
            INSTALL_PACKAGE_SHORTCUT,
            self.open_install_package,
        )
        if may("demand_report"):
            self._action(admin, self.tr("&Bedarfszahlen …"), None, self.open_figures_screen)
        if may("check_audit_log"):
            self._action(
                admin, self.tr("&Protokoll prüfen …"), "Ctrl+Shift+L", self.open_audit_screen
            )
        if may("list_accounts"):
            self._action(admin, self.tr("&Konten …"), None, self.open_accounts_screen)
        if may("backup_into_folder"):
            self._action(admin, self.tr("Date&nsicherung …"), None, self.open_backup_dialog)
        self._add_key_actions(admin)
        self._add_account_menu()
        view = self.menuBar().addMenu(self.tr("A&nsicht"))
        languages = view.addMenu(self.tr("&Sprache"))
        group = QActionGroup(self)
        current = i18n.current_language()
        for code, name in i18n.LANGUAGES.items():
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)

    def _add_key_actions(self, admin: QMenu) -> None:
        """The district's offices and keys; an office's request for a new key."""
        if self._desk.is_district():
            if self._desk.may("list_offices"):
                self._action(admin, self.tr("D&ienststellen …"), None, self.open_offices_screen)
        elif self._desk.may("write_enrolment_request_into"):
            self._action(
                admin, self.tr("Neuen &Schlüssel beantragen …"), None, self.request_new_key
            )

    def open_offices_screen(self) -> OfficesScreen | None:
        screen = open_offices_screen(self._desk, self.tasks, self)
        if screen is not None:
            screen.finished.connect(self.return_to_search)
        return screen

    def request_new_key(self) -> NewKeyDialog:
        dialog = open_new_key_request(self._desk, self.tasks, self)
        dialog.finished.connect(self.return_to_search)
        return dialog

    def _add_account_menu(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Konto"))
        who = account.addAction(
            self.tr("{account} – {role}").format(
                account=self._desk.account.name, role=i18n.role_label(self._desk.account.role)
            )
        )
        who.setEnabled(False)  # says who is logged in; nothing to click
        account.addSeparator()
        self._action(account, self.tr("Eigenes &Passwort ändern …"), None, self.change_password)
        self.log_out_action = self._action(
            account, self.tr("&Abmelden"), LOG_OUT_SHORTCUT, self.log_out
        )

    def _action(
        self, menu: QMenu, text: str, keys: str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- screens -------------------------------------------------------------------------

    def register_person(self) -> PersonForm:
        """Open the registration form, with what was typed in the search field as names."""
        typed = self.search_field.text().strip()
        # A scanned or typed pass is no name: the form then starts empty.
        prefill = "" if looks_like_qr(typed) or looks_like_pass_number(typed) else typed
        self.person_form = PersonForm.for_new(
            self._desk, self.tasks, prefill_text=prefill, parent=self
        )
        self.person_form.saved.connect(self._on_registered)
        self.person_form.open_existing.connect(self.show_person)
        self.person_form.rejected.connect(self.return_to_search)
        self.person_form.open()
        return self.person_form

    def open_sync_screen(self) -> SyncScreen:
        if self.sync_screen is None:
            self.sync_screen = SyncScreen(self._desk, self.tasks, self)
            self.sync_screen.finished.connect(self.return_to_search)
        self.sync_screen.open()
        return self.sync_screen

    def open_offers_screen(self) -> OffersScreen:
        if self.offers_screen is None:
            self.offers_screen = OffersScreen(self._desk, self.tasks, self)
            self.offers_screen.finished.connect(self.return_to_search)
        self.offers_screen.open()
        return self.offers_screen

    def open_review_screen(self) -> ReviewScreen | None:
        screen = open_review_screen(self._desk, self.tasks, self)
        if screen is not None:
            screen.finished.connect(self.return_to_search)
        return screen

    def open_install_package(self) -> SetupWizard:
        if self.setup_wizard is not None:
            self.setup_wizard.deleteLater()
        self.setup_wizard = open_install_package(self._desk, self.tasks, self)
        self.setup_wizard.setup_done.connect(self.show_setup_state)
        return self.setup_wizard

    def open_figures_screen(self) -> FiguresScreen:
        return open_figures_screen(self._desk, self.tasks, self)

    def open_audit_screen(self) -> None:
        open_audit_screen(self._desk, self.tasks, self)

    def open_accounts_screen(self) -> AccountsScreen | None:
        screen = open_accounts_screen(self._desk, self.tasks, self)
        if screen is not None:
            screen.lock_minutes_changed.connect(self.screen_lock.set_minutes)
            screen.finished.connect(self.return_to_search)
        return screen

    def open_backup_dialog(self) -> BackupDialog:
        dialog = open_backup_dialog(self._desk, self.backups, self)
        dialog.finished.connect(self.return_to_search)
        dialog.restore_requested.connect(self.hand_over_for_restore)
        return dialog

    def hand_over_for_restore(self, request: object) -> None:
        """Log out and close for a restore (checked and audited by the dialog):
        ``restore_requested`` lets the app put the backup in place."""
        self._leave()
        self.restore_requested.emit(request)

    def change_password(self) -> OwnPasswordDialog:
        dialog = open_own_password(self._desk, self.tasks, self)
        dialog.finished.connect(self.return_to_search)
        return dialog

    def show_setup_state(self, state: SetupState) -> None:
        # The district has no certificate package to install; a clerk installs none.
        installs = not state.is_district and self._desk.may("install_package")
        self.enrolment_banner.show_state(state)
        self.enrolment_banner.install_button.setVisible(installs)
        self.install_package_action.setVisible(installs)
        self.install_package_action.setEnabled(installs)

    # --- the account -----------------------------------------------------------------------

    def log_out(self) -> None:
        """Forget the account and every person shown, close the window; ``logged_out``
        lets the app show the log-in window again."""
        self._leave()
        self.logged_out.emit()

    def _leave(self) -> None:
        self.tasks.shutdown()  # a write under way finishes first, as this account's
        self.backups.wait()  # so does a backup ("Jetzt sichern"), visibly
        self._forget_shown()
        self._desk.log_out()
        self.close()

    def _forget_shown(self) -> None:
        self._timer.stop()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.search_field.clear()
        self.results.set_rows([])
        self.message.clear()
        self.person_panel.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._desk.logged_out and not self._handed_over:
            self.closed.emit()  # the app logs the account out and quits

    def choose_language(self, language: str) -> MainWindow:
        """Save the choice and switch at once: the window is built anew in the language
        (``replaced`` tells the app which window is now the one)."""
        i18n.save_language(language)
        app = QCoreApplication.instance()
        assert app is not None, "a window needs the running application"
        i18n.switch_language(app, language)
        twin = self.rebuilt()
        self.replaced.emit(twin)
        return twin

    def rebuilt(self) -> MainWindow:
        """This window again, built with the translators now installed: the same Desk, size
        and place, search text, hits and person. Its dialogs close (they speak the old
        language; what was typed in them is not kept) and so does this window, without
        logging out."""
        search = self.search_field.text()
        person = self.person_panel.person_id
        self.tasks.shutdown()  # a write under way finishes first
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self._handed_over = True
        twin = MainWindow(self._desk, self.backups)
        if self.backups.parent() is self:
            self.backups.setParent(twin)  # this window is deleted; the worker lives on
        twin.setGeometry(self.geometry())
        twin.restore(search, person)
        twin.show()
        self.close()
        self.deleteLater()
        return twin

    def restore(self, search: str, person: uuid.UUID | None) -> None:
        """Show ``search``'s hits and ``person`` again, without auditing a second opening."""
        self.search_field.blockSignals(True)
        self.search_field.setText(search)
        self.search_field.blockSignals(False)
        choosing = self.table.selectionModel()
        choosing.blockSignals(True)  # a single hit is selected without opening it again
        try:
            if search:
                self._on_search()
        finally:
            choosing.blockSignals(False)
        if person is not None:
            self.person_panel.show_person(person, audit=False)

    # --- the person -----------------------------------------------------------------------

    def show_person(self, person_id: uuid.UUID) -> None:
        self.person_panel.show_person(person_id)
        self.return_to_search()

    def _on_registered(self, registration: Registration) -> None:
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.results.set_rows([])
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("{name} erfasst.").format(
                name=elided(
                    " ".join(
                        p
                        for p in (registration.person.given_names, registration.person.family_names)
                        if p
                    )
                )
            )
        )
        self.show_person(registration.person.id)

    def _on_erased(self, erasure: Erasure) -> None:
        """The erased person is gone from the window: no hit, no name in the search field."""
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.results.set_rows([])
        self.message.setStyleSheet("")
        self.message.setText(erasure_note(erasure))

    def _on_row_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.person_panel.show_person(self.results.summary(rows[0].row()).id)
        else:  # the hit was deselected (Ctrl+click): nobody is chosen any more
            self.person_panel.clear()

    # --- search ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Focus only sticks once the window is shown and active.
        self.activateWindow()
        QTimer.singleShot(0, self.focus_search)

    def focus_search(self) -> None:
        if not self._at_counter:  # the auditor's window has its one button
            self.audit_button.setFocus()
            return
        self.search_field.setFocus()
        self.search_field.selectAll()

    def return_to_search(self) -> None:
        """After a task: once its dialog has closed, the next person can be typed or scanned."""
        QTimer.singleShot(0, self._activate_search)

    def _activate_search(self) -> None:
        self.activateWindow()
        self.focus_search()

    def _clear_search(self) -> None:
        self.search_field.clear()
        self.focus_search()

    def _on_search(self) -> None:
        self._timer.stop()
        self.message.setStyleSheet("")
        text = self.search_field.text()
        # Whoever was shown before is not the answer to this search: nothing may act on
        # their pass until a hit is chosen (issue 9: Ctrl+Shift+N logged on the old pass).
        self.person_panel.clear()
        try:
            result = self._desk.find(text)
        except (ServiceError, InputError) as error:
            self.results.set_rows([])
            self.message.setText(i18n.error_text(error))
            return
        if result.verification is not None:
            self._show_scan(text, result)
            return
        self.results.set_rows(result.hits, fetch=partial(self._more_hits, text), page=PAGE)
        if result.kind == "empty":
            self.message.setText("")
        elif not result.hits:
            self.message.setText(self.tr("Nichts gefunden. Strg+N erfasst eine neue Person."))
        else:
            self.message.setText(self.tr("{count} Treffer").format(count=len(result.hits)))
        if len(result.hits) == 1:
            self.table.selectRow(0)

    def _more_hits(self, text: str, limit: int) -> list[PersonSummary]:
        return self._desk.find(text, limit).hits

    def _pass_status(self, code: str, german: str) -> str:
        """A scanned pass's status (services.verification.STATUS_DE) in the UI's language."""
        words = {
            "active": self.tr("gültig"),
            "replaced": self.tr("ersetzt (Ersatzkarte ausgestellt)"),
            "revoked": self.tr("eingezogen"),
            "unknown": self.tr("unbekannt"),
        }
        return words.get(code, german)

    def _scan_reason(self, code: str, german: str) -> str:
        """Why a scanned QR is no valid pass (services.verification.REASONS_DE)."""
        words = {
            "malformed": self.tr(
                "kein gültiger Pass-QR-Code (unvollständig gelesen oder verändert)"
            ),
            "unknown_version": self.tr("unbekannte Version des QR-Codes"),
            "unknown_key": self.tr("Schlüssel der ausstellenden Stelle unbekannt"),
            "key_not_yet_valid": self.tr("Schlüssel war am Ausstellungstag noch nicht gültig"),
            "key_expired": self.tr("Schlüssel war am Ausstellungstag nicht mehr gültig"),
            "key_compromised": self.tr("Schlüssel der ausstellenden Stelle gesperrt"),
            "bad_signature": self.tr("Signatur ungültig – Pass möglicherweise gefälscht"),
            "no_trust_list": self.tr(
                "keine Vertrauensliste eingespielt – bitte Zertifikatspaket installieren"
            ),
        }
        return words.get(code, german)

    def _show_scan(self, text: str, result: SearchResult) -> None:
        """A scanned pass: say clearly whether it may be accepted, and why not."""
        assert result.verification is not None
        data = result.verification.to_json()
        number = data["pass_number"] or "?"
        if data["valid"] and data["status"] in ("active", "unknown"):
            issued = data["issued_on"]
            day = f"{issued[8:10]}.{issued[5:7]}.{issued[0:4]}" if issued else "?"
            message = self.tr("✔ Pass {number} gültig – ausgestellt von {office} am {day}")
            shown = message.format(number=number, office=data["office"], day=day)
            colour = VALID_COLOUR
        elif data["valid"]:
            shown = self.tr("✖ Pass {number}: {status}").format(
                number=number, status=self._pass_status(data["status"], data["status_de"])
            )
            colour = INVALID_COLOUR
        else:
            reason = self._scan_reason(data["reason"], data["reason_de"])
            shown = self.tr("✖ Ungültiger Pass: {reason}").format(reason=reason)
            colour = INVALID_COLOUR
        self.message.setText(shown)
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;")
        # A forged or misread QR names no one: its pass number is not to be trusted. A
        # genuine but revoked or replaced pass lists its holder, for the clerk to choose.
        self.results.set_rows(result.hits if data["valid"] else [])
        accepted = result.verification.accepted
        if result.hits and accepted:
            self.table.selectRow(0)
        elif accepted:
            # Another office's pass: no person here, but entries can be logged on it.
            self.person_panel.show_pass(text.strip(), shown)
        # The scanner's next pass goes into the field again, replacing this one.
        self.search_field.selectAll()
