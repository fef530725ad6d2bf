"""The log-in window: account name and password, before anything else of the app is shown.

Enter logs in, Esc (or "Abbrechen") quits the app. A refused log-in says the one German
message of the accounts service (the same for a wrong name, a wrong password and a locked
account, so nobody learns names by trying), clears the password and puts the cursor back
into it. In the demo the window lists the demo accounts and their published password in a
hint box, with the clerk's account filled in; a real installation never shows that box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from passapp.services.desk import Desk, Gate
from passapp.services.errors import ServiceError
from passapp.ui import i18n
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import (
    ERROR_STYLE,
    HINT_STYLE,
    button,
    button_row,
    heading,
    key_hint,
    label,
)

DEMO_BOX_STYLE = (
    "#demoAccounts { background: #e8f1fb; border: 1px solid #9dbbe0; border-radius: 4px; }"
)


class LoginDialog(QDialog):
    """Accepted with ``desk`` (the logged-in account); rejected when the person quits."""

    def __init__(self, gate: Gate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self.desk: Desk | None = None
        self.setWindowTitle(self.tr("Anmelden – Bildungs- und Beratungspass"))
        self.setAccessibleName(self.tr("Anmelden"))
        fit_to_screen(self, 520, 300)
        office = gate.office()
        self.heading = heading(self.tr("Anmelden"))
        self.office = label(
            self.tr("Dienststelle: {office}").format(office=f"{office.code} – {office.name}")
            if office
            else "",
            self.tr("Dienststelle"),
            HINT_STYLE,
        )
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
        self.login_button.clicked.connect(self.log_in)
        self.cancel_button.clicked.connect(self.reject)
        self.demo_box = self._demo_box()
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.office, self.demo_box):
            if widget is not None:
                layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(button_row(self.login_button, self.cancel_button))
        layout.addWidget(key_hint(self.tr("Enter anmelden · Esc beenden")))
        self._prefill()

    def _demo_box(self) -> QFrame | None:
        accounts = self._gate.demo_accounts
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
            ).format(accounts=lines, password=self._gate.demo_password),
            self.tr("Demo-Konten"),
        )
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(box).addWidget(text)
        self.demo_text = text
        return box

    def _prefill(self) -> None:
        """The demo's clerk is filled in (Enter logs in); otherwise the name is typed."""
        accounts = self._gate.demo_accounts
        if accounts:
            self.name_field.setText(accounts[0][0])
            self.password_field.setText(self._gate.demo_password or "")
            self.password_field.setFocus()
        else:
            self.name_field.setFocus()

    def log_in(self) -> None:
        """Check name and password (Argon2id, a fraction of a second); accept on success."""
        name, password = self.name_field.text(), self.password_field.text()
        try:
            self.desk = self._gate.log_in(name, password)
        except ServiceError as error:
            self.message.setText(i18n.error_text(error))
            self.password_field.clear()
            self.password_field.setFocus()
            return
        self.password_field.clear()
        self.message.clear()
        self.accept()
