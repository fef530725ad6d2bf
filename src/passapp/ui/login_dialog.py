"""The log-in window: account name and password, before anything else of the app is shown.

Enter logs in, Esc (or "Abbrechen") quits the app. A refused log-in says the one German
message of the accounts service (the same for a wrong name, a wrong password and a locked
account, so nobody learns names by trying), clears the password and puts the cursor back
into it. In the demo the window lists the demo accounts and their published password in a
hint box, with the clerk's account filled in; a real installation never shows that box.

At the start the window is shown before the database is open (:meth:`LoginDialog.attach`
gives it the :class:`Gate` once its first paint is done): the clerk can type while
SQLAlchemy and the services load. Until then "Anmelden" is disabled and the office line
is empty; this module imports nothing of the ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from passapp.services.errors import ServiceError
from passapp.ui import i18n
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import (
    ERROR_STYLE,
    HINT_STYLE,
    NOTE_STYLE,
    button,
    button_row,
    heading,
    key_hint,
    label,
)

if TYPE_CHECKING:  # the desk imports every service and the ORM: loaded after the first paint
    from passapp.services.desk import Desk, Gate

DEMO_BOX_STYLE = (
    "#demoAccounts { background: #e8f1fb; border: 1px solid #9dbbe0; border-radius: 4px; }"
)


class LoginDialog(QDialog):
    """Accepted with ``desk`` (the logged-in account); rejected when the person quits.
    Without a gate it waits for :meth:`attach`; ``painted`` says its first paint is done."""

    painted = Signal()

    def __init__(self, gate: Gate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate: Gate | None = None
        self._painted = False
        self.desk: Desk | None = None
        self.setWindowTitle(self.tr("Anmelden – Bildungs- und Beratungspass"))
        self.setAccessibleName(self.tr("Anmelden"))
        fit_to_screen(self, 520, 300)
        self.heading = heading(self.tr("Anmelden"))
        self.office = label("", self.tr("Dienststelle"), HINT_STYLE)
        self.name_field = QLineEdit()
        self.name_field.setAccessibleName(self.tr("Kontoname"))
        self.name_field.setMaxLength(64)
        self.password_field = QLineEdit()
        self.password_field.setAccessibleName(self.tr("Passwort"))
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setMaxLength(256)
        form = QFormLayout()
        form.addRow(self.tr("&Kontoname:"), self.name_field)
        form.addRow(self.tr("&Passwort:"), self.password_field)
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.login_button = button(self.tr("Anmelden"), self.tr("Anmelden"), keys="Enter")
        self.cancel_button = button(self.tr("Abbrechen"), self.tr("Programm beenden"), keys="Esc")
        self.login_button.setDefault(True)
        self.login_button.setEnabled(False)
        self.login_button.clicked.connect(self.log_in)
        self.cancel_button.clicked.connect(self.reject)
        self.demo_box: QFrame | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.office)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(button_row(self.login_button, self.cancel_button))
        layout.addWidget(key_hint(self.tr("Enter anmelden · Esc beenden")))
        self.name_field.setFocus()
        if gate is not None:
            self.attach(gate)

    def attach(self, gate: Gate) -> None:
        """The opened database: its office, the demo's accounts, and log-in enabled. What
        the clerk typed meanwhile stays (the demo's prefill only goes into empty fields)."""
        self._gate = gate
        office = gate.office()
        if office:
            self.office.setText(
                self.tr("Dienststelle: {office}").format(office=f"{office.code} – {office.name}")
            )
        self.demo_box = self._demo_box(gate)
        if self.demo_box is not None:
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(2, self.demo_box)
        self.login_button.setEnabled(True)
        self._prefill(gate)

    def tell(self, text: str, *, failed: bool = False) -> None:
        """A line about what came before this log-in (a restore's outcome)."""
        self.message.setStyleSheet(ERROR_STYLE if failed else NOTE_STYLE)
        self.message.setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After the whole tree is painted; dropped if the window is deleted before.
            QTimer.singleShot(0, self, self.painted.emit)

    def _demo_box(self, gate: Gate) -> QFrame | None:
        accounts = gate.demo_accounts
        if not accounts:
            return None
        box = QFrame()
        box.setObjectName("demoAccounts")
        box.setStyleSheet(DEMO_BOX_STYLE)
        lines = "\n".join(
            f"{name} – {i18n.role_label_from_german(role)}" for name, role in accounts
        )
        text = label(
            self.tr(
                "Demo: erfundene Personen, nichts wird dauerhaft gespeichert. Konten:\n{accounts}"
                "\nPasswort für alle: {password}"
            ).format(accounts=lines, password=gate.demo_password),
            self.tr("Demo-Konten"),
        )
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(box).addWidget(text)
        self.demo_text = text
        return box

    def _prefill(self, gate: Gate) -> None:
        """The demo's clerk is filled in (Enter logs in); otherwise the name is typed."""
        accounts = gate.demo_accounts
        if accounts and not self.name_field.text() and not self.password_field.text():
            self.name_field.setText(accounts[0][0])
            self.password_field.setText(gate.demo_password or "")
            self.password_field.setFocus()

    def log_in(self) -> None:
        """Check name and password (Argon2id, a fraction of a second); accept on success."""
        if self._gate is None:  # Enter before the database is open: nothing to check yet
            return
        name, password = self.name_field.text(), self.password_field.text()
        try:
            self.desk = self._gate.log_in(name, password)
        except ServiceError as error:
            self.tell(i18n.error_text(error), failed=True)
            self.password_field.clear()
            self.password_field.setFocus()
            return
        self.password_field.clear()
        self.message.clear()
        self.accept()
