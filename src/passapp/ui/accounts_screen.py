"""Verwaltung → Konten: the installation's accounts for an admin, and every account's own
password (issue 10).

:class:`AccountsScreen` (admins only: ``desk.may("list_accounts")``) lists the accounts in
a table (name, role, state, last log-in) and adds an account, disables one, enables a
disabled one again or sets a new
password (which also lifts a lock after wrong passwords); it also holds this PC's screen
lock minutes. :class:`OwnPasswordDialog` lets any account change its own password, the old
one confirmed first. Hashing a password takes a moment (Argon2), so every write runs on
the app's worker; the list itself is a quick read. After every action, done or refused,
the list is read again and nothing stays selected: the next action starts from a fresh
choice, never from a row that may no longer say what it said.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.accounts import (
    DISTRICT_ONLY_ROLES,
    AccountInputError,
    Role,
    account_name,
    password_problem,
)
from passapp.services.accounts import AccountView
from passapp.services.desk import Desk
from passapp.services.progress import Progress
from passapp.ui import i18n
from passapp.ui.ask_first import ask_first
from passapp.ui.peer_table import clock_time
from passapp.ui.row_table import RowTableModel
from passapp.ui.screen import fit_to_screen
from passapp.ui.screen_lock import MAX_LOCK_MINUTES, lock_minutes, save_lock_minutes
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, button_row, heading, label
from passapp.ui.tasks import TaskRunner


def state_text(account: AccountView) -> str:
    if account.disabled:
        return QCoreApplication.translate("accounts_screen", "deaktiviert")
    if account.locked:
        return QCoreApplication.translate("accounts_screen", "gesperrt nach Fehlversuchen")
    return QCoreApplication.translate("accounts_screen", "aktiv")


def password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


class AccountTableModel(RowTableModel[AccountView]):
    NAME, ROLE, STATE, LAST_LOGIN = range(4)

    def __init__(self) -> None:
        headers = (
            self.tr("Konto"),
            self.tr("Rolle"),
            self.tr("Zustand"),
            self.tr("Letzte Anmeldung"),
        )
        super().__init__(headers, self._cells)

    def account(self, number: int) -> AccountView:
        return self.row(number)

    def _cells(self, account: AccountView) -> tuple[str, str, str, str]:
        return (
            account.name,
            i18n.role_label(account.role),
            state_text(account),
            self._last_login(account.last_login_at),
        )

    def _last_login(self, moment: dt.datetime | None) -> str:
        return self.tr("noch nie") if moment is None else clock_time(moment)


class NewPasswordFields(QWidget):
    """A new password typed twice; the policy's German words below it as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field(self.tr("Neues Passwort"))
        self.second = password_field(self.tr("Neues Passwort wiederholen"))
        self.policy = label(
            self.tr("Mindestens 10 Zeichen; lange Sätze sind gut, der Kontoname nicht."),
            self.tr("Regeln für Passwörter"),
            HINT_STYLE,
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Neues Passwort:"), self.first)
        form.addRow(self.tr("&Wiederholen:"), self.second)
        form.addRow(self.policy)
        self._name = ""
        self.first.textChanged.connect(self._show_problem)
        self.second.textChanged.connect(self._show_problem)

    def set_account_name(self, name: str) -> None:
        self._name = name
        self._show_problem()

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """Why the typed password cannot be set (German), or None."""
        found = password_problem(self._name, self.first.text())
        if found is not None:
            return found[1]
        if self.first.text() != self.second.text():
            return self.tr("Die beiden Passwörter stimmen nicht überein.")
        return None

    def _show_problem(self) -> None:
        if not self.first.text():
            return
        problem = self.problem()
        self.policy.setStyleSheet(HINT_STYLE if problem is None else ERROR_STYLE)
        self.policy.setText(problem or self.tr("Passwort in Ordnung."))

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


class TaskDialog(QDialog):
    """A small form whose OK button runs one call on the worker; a refusal is shown inline
    and the dialog stays open; success closes it and emits :attr:`succeeded`."""

    succeeded = Signal(object)

    def __init__(self, tasks: TaskRunner, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.setWindowTitle(title)
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(heading(title))

    def finish_layout(self) -> None:
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def run(self, work: Any) -> None:
        self.message.clear()
        self.ok_button.setEnabled(False)
        self._tasks.run(work, self._succeeded, self._failed)

    def _succeeded(self, result: object) -> None:
        self.ok_button.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.say(i18n.error_text(error))

    def say(self, text: str) -> None:
        self.message.setText(text)


class AddAccountDialog(TaskDialog):
    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Konto anlegen"), parent)
        self._desk = desk
        self.ok_button.setText(self.tr("Anlegen"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Kontoname"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Rolle"))
        district = desk.is_district()
        for role in Role:
            if district or role not in DISTRICT_ONLY_ROLES:
                self.role.addItem(i18n.role_label(role), role)
        self.role.setCurrentIndex(self.role.findData(Role.CLERK))
        self.password = NewPasswordFields()
        self.name.textChanged.connect(lambda text: self.password.set_account_name(text.strip()))
        form = QFormLayout()
        form.addRow(self.tr("&Kontoname:"), self.name)
        form.addRow(self.tr("&Rolle:"), self.role)
        self.body.addLayout(form)
        self.body.addWidget(self.password)
        self.finish_layout()

    def submit(self) -> None:
        try:
            name = account_name(self.name.text())
        except AccountInputError as error:
            self.say(i18n.error_text(error))
            return
        problem = self.password.problem()
        if problem is not None:
            self.say(problem)
            return
        desk, role, password = self._desk, Role(self.role.currentData()), self.password.password()
        self.run(lambda _progress: desk.add_account(name, role, password))


class SetPasswordDialog(TaskDialog):
    """An admin sets another account's password (this lifts a lock after wrong ones)."""

    def __init__(
        self, desk: Desk, tasks: TaskRunner, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, self.tr("Neues Passwort für {name}").format(name=name), parent)
        self._desk = desk
        self._name = name
        self.ok_button.setText(self.tr("Passwort setzen"))
        self.password = NewPasswordFields()
        self.password.set_account_name(name)
        self.body.addWidget(
            label(
                self.tr(
                    "Das Konto kann sich danach mit diesem Passwort anmelden; eine Sperre nach "
                    "Fehlversuchen ist damit aufgehoben."
                ),
                self.tr("Erklärung"),
            )
        )
        self.body.addWidget(self.password)
        self.finish_layout()

    def submit(self) -> None:
        problem = self.password.problem()
        if problem is not None:
            self.say(problem)
            return
        desk, name, password = self._desk, self._name, self.password.password()
        self.run(lambda _progress: desk.reset_password(name, password))


class OwnPasswordDialog(TaskDialog):
    """Konto → Eigenes Passwort ändern: the old password first (a wrong one counts towards
    the lock-out like a failed log-in), then the new one twice."""

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Eigenes Passwort ändern"), parent)
        self._desk = desk
        self.ok_button.setText(self.tr("Passwort ändern"))
        self.old = password_field(self.tr("Bisheriges Passwort"))
        self.password = NewPasswordFields()
        self.password.set_account_name(desk.account.name)
        form = QFormLayout()
        form.addRow(self.tr("&Bisheriges Passwort:"), self.old)
        self.body.addLayout(form)
        self.body.addWidget(self.password)
        self.finish_layout()

    def submit(self) -> None:
        problem = self.password.problem()
        if problem is not None:
            self.say(problem)
            return
        desk, old, new = self._desk, self.old.text(), self.password.password()
        self.old.clear()

        def work(_progress: Progress) -> AccountView | None:
            if not desk.confirm_password(old):
                return None
            return desk.change_own_password(new)

        self.run(work)

    def _succeeded(self, result: object) -> None:
        if result is None:
            self.ok_button.setEnabled(True)
            self.say(self.tr("Das bisherige Passwort stimmt nicht."))
            self.old.setFocus()
            return
        super()._succeeded(result)


class AccountsScreen(QDialog):
    """The accounts of this installation (admins only; see the module docstring)."""

    lock_minutes_changed = Signal(int)

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self.setWindowTitle(self.tr("Konten"))
        self.accounts = AccountTableModel()
        self.table = self._build_table()
        self.message = label(accessible_name=self.tr("Meldung"))
        self.add_button = QPushButton(self.tr("Konto &anlegen …"))
        self.disable_button = QPushButton(self.tr("&Deaktivieren …"))
        self.enable_button = QPushButton(self.tr("Wieder a&ktivieren"))
        self.reset_button = QPushButton(self.tr("Neues &Passwort …"))
        self.own_button = QPushButton(self.tr("&Eigenes Passwort ändern …"))
        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.disable_account)
        self.enable_button.clicked.connect(self.enable_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.own_button.clicked.connect(lambda: open_own_password(desk, tasks, self))
        self.lock_minutes = self._build_lock_minutes()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Konten")))
        layout.addWidget(self.table, 1)
        layout.addLayout(
            button_row(self.add_button, self.disable_button, self.enable_button, self.reset_button)
        )
        layout.addWidget(self.message)
        settings = QFormLayout()
        settings.addRow(self.tr("Bildschirm &sperren nach:"), self.lock_minutes)
        settings.addRow(
            label(
                self.tr(
                    "Gilt für diesen PC: ohne Eingabe wird der Bildschirm nach so vielen "
                    "Minuten gesperrt (0 = nie)."
                ),
                self.tr("Erklärung"),
                HINT_STYLE,
            )
        )
        layout.addLayout(settings)
        layout.addLayout(button_row(self.own_button))
        layout.addWidget(close)
        fit_to_screen(self, 760, 520)
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.accounts)
        table.setAccessibleName(self.tr("Konten"))
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        return table

    def _build_lock_minutes(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setAccessibleName(self.tr("Minuten bis zur Bildschirmsperre"))
        spin.setRange(0, MAX_LOCK_MINUTES)
        spin.setSuffix(self.tr(" Minuten"))
        spin.setSpecialValueText(self.tr("nie"))
        spin.setValue(lock_minutes())
        spin.valueChanged.connect(self._save_lock_minutes)
        return spin

    def _save_lock_minutes(self, minutes: int) -> None:
        save_lock_minutes(minutes)
        self.lock_minutes_changed.emit(minutes)

    # --- the list ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the accounts again; nothing stays selected."""
        try:
            rows = self._desk.list_accounts()
        except Exception as error:  # a refusal (logged out, role changed): said, not raised
            rows = []
            self.say(i18n.error_text(error), error=True)
        self.accounts.set_rows(rows)
        self.table.clearSelection()
        self._enable_actions()

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts.account(rows[0].row()) if rows else None

    def _enable_actions(self) -> None:
        chosen = self.selected()
        self.disable_button.setEnabled(chosen is not None and not chosen.disabled)
        self.enable_button.setEnabled(chosen is not None and chosen.disabled)
        self.reset_button.setEnabled(chosen is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)

    def _after(self, text: str) -> None:
        self.reload()
        self.say(text)

    def _refused(self, error: Exception) -> None:
        self.reload()
        self.say(i18n.error_text(error), error=True)

    # --- actions -------------------------------------------------------------------------

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._desk, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.succeeded.connect(
            lambda account: self._after(
                self.tr("Konto „{name}“ angelegt.").format(name=account.name)
            )
        )
        dialog.rejected.connect(self.reload)
        dialog.open()
        return dialog

    def reset_password(self) -> SetPasswordDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        dialog = SetPasswordDialog(self._desk, self._tasks, chosen.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.succeeded.connect(
            lambda account: self._after(
                self.tr("Neues Passwort für „{name}“ gesetzt.").format(name=account.name)
            )
        )
        dialog.rejected.connect(self.reload)
        dialog.open()
        return dialog

    def disable_account(self) -> QMessageBox | None:
        """Asks first (Abbrechen is the default): the account's clerk is stopped at once."""
        chosen = self.selected()
        if chosen is None:
            return None
        name = chosen.name
        return ask_first(
            self,
            self.tr("Konto deaktivieren"),
            self.tr(
                "Konto „{name}“ deaktivieren? Es kann sich danach nicht mehr anmelden; "
                "was es erfasst hat, bleibt."
            ).format(name=name),
            self.tr("Deaktivieren"),
            lambda confirmed: self._disable(name, confirmed),
            QMessageBox.Icon.Warning,
        )

    def _disable(self, name: str, confirmed: bool) -> None:
        if not confirmed:
            self.reload()
            return
        desk = self._desk
        self._tasks.run(
            lambda _progress: desk.disable_account(name),
            lambda account: self._after(
                self.tr("Konto „{name}“ deaktiviert.").format(name=account.name)
            ),
            self._refused,
        )

    def enable_account(self) -> None:
        """No question: enabling gives back what the admin took; the log-in still needs the
        password (and a locked account stays locked until a new one)."""
        chosen = self.selected()
        if chosen is None or not chosen.disabled:
            return
        desk, name = self._desk, chosen.name
        self._tasks.run(
            lambda _progress: desk.enable_account(name),
            lambda account: self._after(self._enabled_text(account)),
            self._refused,
        )

    def _enabled_text(self, account: AccountView) -> str:
        if account.locked:
            return self.tr(
                "Konto „{name}“ ist wieder aktiv, aber nach falschen Passwörtern gesperrt: "
                "bitte ein neues Passwort setzen."
            ).format(name=account.name)
        return self.tr("Konto „{name}“ ist wieder aktiv.").format(name=account.name)


def open_accounts_screen(desk: Desk, tasks: TaskRunner, parent: QWidget) -> AccountsScreen | None:
    """The accounts screen, if this account may see it (the menu shows it only then)."""
    if not desk.may("list_accounts"):
        return None
    screen = AccountsScreen(desk, tasks, parent)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.open()
    return screen


def open_own_password(desk: Desk, tasks: TaskRunner, parent: QWidget) -> OwnPasswordDialog:
    dialog = OwnPasswordDialog(desk, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
