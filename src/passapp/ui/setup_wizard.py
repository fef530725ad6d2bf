"""First start: set up this database's office, or the district office, and enrol it.

The way through (one dialog, one page at a time, like the sync screen):

* office: welcome → office data → the first admin account → enrolment request (written
  to a USB stick, carried to the Landratsamt) → certificate package (what the
  Landratsamt gave back; "Später" is fine, the main window then shows
  :class:`EnrolmentBanner`) → done, with the district key's fingerprint to compare by
  phone;
* district: welcome → name and code → the first admin account → done, with the
  fingerprint for the records;
* an installation set up before accounts existed: the first admin account only (its
  password then encrypts the keys).

The office (or district) and its first admin are made in one step by the Desk's
:class:`~passapp.services.desk.Gate`, so the keys are never written plain; the wizard then
holds the admin's :class:`~passapp.services.desk.Desk` (``desk``), logged in.

Every page has one Enter button. Esc cancels: before anything is stored it asks first
(on the first start cancelling quits the app); once the office exists, Esc is "Später".
Every write runs on the app's one worker (:class:`TaskRunner`); refusals are shown in
German on the page. The pages only lay out (STYLE 9); :class:`SetupWizard` wires them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.accounts import MIN_PASSWORD_LENGTH, Role, account_name, password_problem
from passapp.domain.errors import InputError
from passapp.services.desk import Desk, Gate
from passapp.services.errors import ServiceError
from passapp.services.offices import OfficeInfo
from passapp.services.progress import Progress
from passapp.services.reference import office_kind_labels
from passapp.services.setup import (
    SetupState,
    WrittenRequest,
    district_name,
    municipality_names,
    office_code_problem,
)
from passapp.services.trust import DistrictInfo, InstallResult
from passapp.ui import i18n
from passapp.ui.i18n import label_text
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
from passapp.ui.tasks import Task, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)

# The main window's "Verwaltung → Zertifikatspaket einspielen …" (Ctrl+Shift+Z would be the
# search field's redo, which swallows it).
INSTALL_PACKAGE_SHORTCUT = "Ctrl+Shift+K"
PACKAGE_FILTER_EXTENSIONS = "(*.json)"
# Shorter codes are still being typed: the length is checked when the form is sent.
LIVE_CHECK_FROM = 2


def _layout(widget: QWidget, *items: QWidget | QHBoxLayout | QFormLayout) -> None:
    """Lay ``items`` out from top to bottom, the rest of the height below them."""
    layout = QVBoxLayout(widget)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
    layout.addStretch(1)


def _choice_combo(
    accessible_name: str, please_choose: str, choices: list[tuple[str, str]]
) -> QComboBox:
    """A combo box that starts on "please choose" (data None), so nothing is chosen by chance."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem(please_choose, None)
    for value, text in choices:
        combo.addItem(text, value)
    combo.setMaxVisibleItems(len(choices) + 1)
    return combo


def _office_kinds() -> list[tuple[str, str]]:
    """The office kinds as (slug, label in the app's language), in the reference order."""
    return [(slug, label_text(label)) for slug, label in office_kind_labels().items()]


# --- pages (layout only) ------------------------------------------------------------------


class OfficeCodeField(QWidget):
    """The office code with a hint below that turns into the German problem while typing."""

    def __init__(self, placeholder: str, accessible_name: str) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMaxLength(12)  # room to see a mistake; the rule says 2 to 6
        self.rule = self.tr(
            "2 bis 6 Zeichen: Ziffern und Großbuchstaben A–X ohne I und O. "
            "Die Kennung vergibt das Landratsamt; sie steht vorn in jeder Passnummer."
        )
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("W" * 14))
        self.hint = label(self.rule, self.tr("Hinweis zur Kennung"), HINT_STYLE)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)  # the form label's Alt shortcut lands in the field
        self.edit.textEdited.connect(self._on_edited)

    def text(self) -> str:
        return self.edit.text().strip()

    def check(self) -> bool:
        """Show whether the code is valid; True if it is."""
        return self._show(office_code_problem(self.text()))

    def _on_edited(self, text: str) -> None:
        if text != text.upper():
            # Codes are upper case; typing them so spares the Shift key.
            cursor = self.edit.cursorPosition()
            self.edit.setText(text.upper())
            self.edit.setCursorPosition(cursor)
        typed = self.text()
        self._show(office_code_problem(typed) if len(typed) >= LIVE_CHECK_FROM else None)

    def _show(self, problem: str | None) -> bool:
        self.hint.setText(problem or self.rule)
        self.hint.setStyleSheet(ERROR_STYLE if problem else HINT_STYLE)
        return problem is None


class WelcomePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Willkommen beim Bildungs- und Beratungspass"))
        intro = label(
            self.tr(
                "Dieses Programm ist noch nicht eingerichtet. Die Einrichtung dauert wenige "
                "Minuten und wird nur einmal gemacht. Was soll dieser Arbeitsplatz sein?"
            ),
            self.tr("Erklärung"),
        )
        self.office_choice = QRadioButton(self.tr("&Dienststelle einrichten"))
        self.office_choice.setAccessibleName(self.tr("Dienststelle einrichten"))
        self.office_choice.setChecked(True)
        office_text = label(
            self.tr(
                "Für eine ausgebende Stelle, zum Beispiel ein Einwohnermeldeamt, das Jobcenter "
                "oder einen Sprachkursträger. Danach wird die Dienststelle beim Landratsamt "
                "angemeldet."
            ),
            self.tr("Erklärung zur Dienststelle"),
            HINT_STYLE,
        )
        self.district_choice = QRadioButton(
            self.tr("&Landratsamt (Koordinierungsstelle) einrichten")
        )
        self.district_choice.setAccessibleName(
            self.tr("Landratsamt (Koordinierungsstelle) einrichten")
        )
        district_text = label(
            self.tr(
                "Nur einmal im Landkreis, bei der Koordinierungsstelle: meldet die Dienststellen "
                "an, pflegt die Angebote und führt die Daten aller Dienststellen zusammen."
            ),
            self.tr("Erklärung zum Landratsamt"),
            HINT_STYLE,
        )
        for text in (office_text, district_text):
            text.setContentsMargins(24, 0, 0, 8)  # under its radio button's text
        self.next_button = button(self.tr("Weiter"), self.tr("Weiter"), keys="Enter")
        self.cancel_button = button(
            self.tr("Abbrechen"), self.tr("Einrichtung abbrechen"), keys="Esc"
        )
        _layout(
            self,
            self.heading,
            intro,
            self.office_choice,
            office_text,
            self.district_choice,
            district_text,
            button_row(self.next_button, self.cancel_button),
            key_hint(self.tr("Pfeiltasten wählen · Enter weiter · Esc abbrechen")),
        )


@dataclass(frozen=True)
class OfficeForm:
    code: str
    name: str
    kind: str | None
    municipality_key: str | None


class _DataPage(QWidget):
    """The office's and the district's data page end alike: a message line, then Weiter
    (to the admin account), Zurück (to the choice) and Abbrechen, and the keys to them."""

    def __init__(self) -> None:
        super().__init__()
        self.message = label(
            accessible_name=QCoreApplication.translate("DataPage", "Meldung"), style=ERROR_STYLE
        )
        self.next_button = button(
            QCoreApplication.translate("DataPage", "Weiter"),
            QCoreApplication.translate("DataPage", "Weiter zum Admin-Konto"),
            keys="Enter",
        )
        self.back_button = button(
            QCoreApplication.translate("DataPage", "&Zurück"),
            QCoreApplication.translate("DataPage", "Zurück zur Auswahl"),
            shortcut="Alt+Z",
        )
        self.cancel_button = button(
            QCoreApplication.translate("DataPage", "Abbrechen"),
            QCoreApplication.translate("DataPage", "Einrichtung abbrechen"),
            keys="Esc",
        )

    def _lay_out(self, heading: QLabel, intro: QLabel, form: QFormLayout) -> None:
        hint = QCoreApplication.translate(
            "DataPage", "Tab nächstes Feld · Enter weiter · Alt+Z zurück · Esc abbrechen"
        )
        _layout(
            self,
            heading,
            intro,
            form,
            self.message,
            button_row(self.next_button, self.back_button, self.cancel_button),
            key_hint(hint),
        )


class OfficePage(_DataPage):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Dienststelle einrichten"))
        intro = label(
            self.tr(
                "Name und Kennung stehen später auf jedem Pass. Die Kennung bekommen Sie vom "
                "Landratsamt; sie lässt sich nachträglich nicht ändern."
            ),
            self.tr("Erklärung"),
        )
        self.code = OfficeCodeField(self.tr("z. B. EWDAH"), self.tr("Kennung der Dienststelle"))
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(self.tr("z. B. Einwohnermeldeamt Dachau"))
        self.name_field.setAccessibleName(self.tr("Name der Dienststelle"))
        self.kind_combo = _choice_combo(
            self.tr("Art der Dienststelle"), self.tr("– bitte wählen –"), _office_kinds()
        )
        self.municipality_combo = _choice_combo(
            self.tr("Gemeinde der Dienststelle"), self.tr("– bitte wählen –"), municipality_names()
        )
        form = QFormLayout()
        form.addRow(self.tr("&Kennung:"), self.code)
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Art:"), self.kind_combo)
        form.addRow(self.tr("&Gemeinde:"), self.municipality_combo)
        self._lay_out(self.heading, intro, form)

    def form(self) -> OfficeForm:
        return OfficeForm(
            code=self.code.text(),
            name=self.name_field.text().strip(),
            kind=self.kind_combo.currentData(),
            municipality_key=self.municipality_combo.currentData(),
        )


class RequestPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Anmeldung beim Landratsamt"))
        self.intro = label(accessible_name=self.tr("Erklärung"))
        steps = label(
            self.tr(
                "1. USB-Stick einstecken und „Antrag schreiben …“ wählen.\n"
                "2. Den USB-Stick zum Landratsamt (Koordinierungsstelle) bringen. Der Antrag "
                "enthält keine Personendaten und keinen geheimen Schlüssel.\n"
                "3. Das Landratsamt gibt ein Zertifikatspaket zurück. Das spielen Sie im "
                "nächsten Schritt ein – gleich oder später."
            ),
            self.tr("Was zu tun ist"),
        )
        self.written = label(accessible_name=self.tr("Gespeicherter Antrag"), style=NOTE_STYLE)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.write_button = button(
            self.tr("Antrag schreiben …"), self.tr("Anmeldeantrag schreiben"), shortcut="Ctrl+S"
        )
        self.next_button = button(
            self.tr("Weiter"), self.tr("Weiter zum Zertifikatspaket"), keys="Enter"
        )
        self.later_button = button(
            self.tr("Später"), self.tr("Später anmelden, Einrichtung beenden"), keys="Esc"
        )
        _layout(
            self,
            self.heading,
            self.intro,
            steps,
            self.written,
            self.message,
            button_row(self.write_button, self.next_button, self.later_button),
            key_hint(self.tr("Strg+S Antrag schreiben · Enter weiter · Esc später")),
        )


class PackagePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Zertifikatspaket einspielen"))
        self.intro = label(
            self.tr(
                "Das Landratsamt hat aus Ihrem Anmeldeantrag ein Zertifikatspaket gemacht: eine "
                "Datei, meist auf dem USB-Stick. Wählen Sie diese Datei; danach können Pässe "
                "ausgestellt werden."
            ),
            self.tr("Erklärung"),
        )
        self.later_note = label(
            self.tr(
                "Noch kein Paket da? Dann „Später“: Das Programm lässt sich schon benutzen. "
                "Eingespielt wird das Paket dann über Verwaltung → Zertifikatspaket einspielen …"
            ),
            self.tr("Hinweis zu später"),
            HINT_STYLE,
        )
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.choose_button = button(
            self.tr("Paket wählen …"), self.tr("Zertifikatspaket wählen"), shortcut="Ctrl+O"
        )
        self.later_button = button(
            self.tr("Später"), self.tr("Später einspielen, Einrichtung beenden"), keys="Esc"
        )
        self.back_button = button(
            self.tr("&Zurück"), self.tr("Zurück zum Anmeldeantrag"), shortcut="Alt+Z"
        )
        self.keys = key_hint(self.tr("Strg+O Paket wählen · Alt+Z zurück zum Antrag · Esc später"))
        _layout(
            self,
            self.heading,
            self.intro,
            self.later_note,
            self.message,
            button_row(self.choose_button, self.later_button, self.back_button),
            self.keys,
        )


class DistrictPage(_DataPage):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Landratsamt (Koordinierungsstelle) einrichten"))
        intro = label(
            self.tr(
                "Dabei entsteht der Landkreis-Schlüssel, mit dem das Landratsamt die "
                "Dienststellen anmeldet und dem alle Dienststellen vertrauen. Er bleibt in "
                "dieser Datenbank."
            ),
            self.tr("Erklärung"),
        )
        self.name_field = QLineEdit(district_name())
        self.name_field.setAccessibleName(self.tr("Name des Landkreises"))
        self.code = OfficeCodeField(self.tr("z. B. LRADAH"), self.tr("Kennung des Landratsamts"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Kennung:"), self.code)
        self._lay_out(self.heading, intro, form)


@dataclass(frozen=True)
class AdminForm:
    name: str
    password: str
    repeated: str

    def problem(self) -> str | None:
        """What is wrong with the first admin's name or password (German), or None."""
        try:
            name = account_name(self.name)
        except InputError as error:
            return i18n.error_text(error)
        found = password_problem(name, self.password)
        if found is not None:
            return found[1]
        if self.repeated != self.password:
            return QCoreApplication.translate(
                "setup_wizard", "Die beiden Passwörter stimmen nicht überein."
            )
        return None


class AdminPage(QWidget):
    """The installation's first account, an admin: its password also unlocks the keys."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = heading(self.tr("Erstes Admin-Konto"))
        self.intro = label(
            self.tr(
                "Mit diesem Konto melden Sie sich an und legen danach die Konten der "
                "Sachbearbeitung an. Das Passwort schützt auch den Schlüssel der "
                "Dienststelle: Geht es verloren und gibt es kein zweites Admin-Konto, muss "
                "das Landratsamt die Dienststelle neu anmelden."
            ),
            self.tr("Erklärung"),
        )
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(self.tr("z. B. admin oder vorname.nachname"))
        self.name_field.setAccessibleName(self.tr("Kontoname"))
        self.password_field = _password_field(self.tr("Passwort"))
        self.repeat_field = _password_field(self.tr("Passwort wiederholen"))
        self.rule = self.tr(
            "Mindestens {count} Zeichen; ein Satz ist gut zu merken. Nicht der Kontoname."
        ).format(count=MIN_PASSWORD_LENGTH)
        self.hint = label(self.rule, self.tr("Hinweis zum Passwort"), HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Kontoname:"), self.name_field)
        form.addRow(self.tr("&Passwort:"), self.password_field)
        form.addRow(self.tr("Passwort &wiederholen:"), self.repeat_field)
        form.addRow("", self.hint)
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.next_button = button(self.tr("Einrichten"), self.tr("Einrichten"), keys="Enter")
        self.back_button = button(self.tr("&Zurück"), self.tr("Zurück"), shortcut="Alt+Z")
        self.cancel_button = button(
            self.tr("Abbrechen"), self.tr("Einrichtung abbrechen"), keys="Esc"
        )
        _layout(
            self,
            self.heading,
            self.intro,
            form,
            self.message,
            button_row(self.next_button, self.back_button, self.cancel_button),
            key_hint(
                self.tr("Tab nächstes Feld · Enter einrichten · Alt+Z zurück · Esc abbrechen")
            ),
        )
        for field in (self.name_field, self.password_field, self.repeat_field):
            field.textEdited.connect(self._on_edited)

    def form(self) -> AdminForm:
        return AdminForm(
            self.name_field.text(), self.password_field.text(), self.repeat_field.text()
        )

    def check(self) -> bool:
        """Show the policy's German message under the fields; True if all is well."""
        return self._show(self.form().problem())

    def _on_edited(self, _text: str) -> None:
        # Said while typing, but not "too short" at the first letter, nor "not the same"
        # before the repetition is complete: those wait for Enter.
        form = self.form()
        problem = form.problem()
        too_early = len(form.password) < MIN_PASSWORD_LENGTH or (
            problem is not None
            and len(form.repeated) < len(form.password)
            and AdminForm(form.name, form.password, form.password).problem() is None
        )
        self._show(None if too_early else problem)

    def _show(self, problem: str | None) -> bool:
        self.hint.setText(problem or self.rule)
        self.hint.setStyleSheet(ERROR_STYLE if problem else HINT_STYLE)
        return problem is None

    def clear_passwords(self) -> None:
        self.password_field.clear()
        self.repeat_field.clear()


def _password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


class DonePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading()
        self.summary = label(accessible_name=self.tr("Ergebnis"), style=NOTE_STYLE)
        self.fingerprint_caption = label(accessible_name=self.tr("Beschriftung"))
        self.fingerprint = label(accessible_name=self.tr("Fingerabdruck des Landkreis-Schlüssels"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QFont(self.font()).pointSizeF() * 1.4)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.advice = label(accessible_name=self.tr("Hinweis"))
        self.finish_button = button(
            self.tr("Fertig"), self.tr("Einrichtung abschließen"), keys="Enter, Esc"
        )
        _layout(
            self,
            self.heading,
            self.summary,
            self.fingerprint_caption,
            self.fingerprint,
            self.advice,
            button_row(self.finish_button),
            key_hint(self.tr("Enter oder Esc fertig")),
        )


class CancelPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        question = heading(self.tr("Einrichtung abbrechen?"))
        text = label(
            self.tr(
                "Das Programm wird dann beendet. Gespeichert wurde noch nichts; beim nächsten "
                "Start beginnt die Einrichtung von vorn."
            ),
            self.tr("Erklärung"),
        )
        self.quit_button = button(
            self.tr("Beenden"), self.tr("Einrichtung abbrechen und beenden"), keys="Enter"
        )
        self.resume_button = button(
            self.tr("Weiter einrichten"), self.tr("Zurück zur Einrichtung"), keys="Esc"
        )
        _layout(
            self,
            question,
            text,
            button_row(self.quit_button, self.resume_button),
            key_hint(self.tr("Enter beenden · Esc weiter einrichten")),
        )


# --- the wizard ---------------------------------------------------------------------------


class SetupWizard(QDialog):
    """Opens on the welcome page for an empty database, on the first admin for a set-up
    one without accounts, else (an admin's ``Desk``) on the certificate package.

    ``setup_done`` carries the :class:`SetupState` when the wizard closes with an office
    (or the district) set up, enrolled or not; cancelling before that emits nothing.
    ``desk`` is the logged-in admin from the moment the first admin exists."""

    setup_done = Signal(object)

    def __init__(
        self, start: Gate | Desk, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gate = start if isinstance(start, Gate) else None
        self.desk = start if isinstance(start, Desk) else None
        self._tasks = tasks
        self._making: str = "office"  # what the admin page's Enter sets up
        self._task: Task[Any] | None = None
        self._set_up = False  # an office (or the district) exists: nothing left to cancel
        self._folder = Path.home()  # where the file dialogs open; then the stick chosen last
        self._resume_page: QWidget | None = None
        self._resume_focus: QWidget | None = None
        self.setWindowTitle(self.tr("Einrichtung – Bildungs- und Beratungspass"))
        self.setAccessibleName(self.tr("Einrichtung"))
        fit_to_screen(self, 760, 440)
        self.welcome_page = WelcomePage()
        self.office_page = OfficePage()
        self.request_page = RequestPage()
        self.package_page = PackagePage()
        self.district_page = DistrictPage()
        self.admin_page = AdminPage()
        self.done_page = DonePage()
        self.cancel_page = CancelPage()
        self.pages = QStackedWidget()
        for page in (
            self.welcome_page,
            self.office_page,
            self.request_page,
            self.package_page,
            self.district_page,
            self.admin_page,
            self.done_page,
            self.cancel_page,
        ):
            self.pages.addWidget(page)
        QVBoxLayout(self).addWidget(self.pages)
        self._connect()
        self._start()

    def _connect(self) -> None:
        welcome, office, request = self.welcome_page, self.office_page, self.request_page
        package, district = self.package_page, self.district_page
        welcome.next_button.clicked.connect(self._on_choice)
        welcome.cancel_button.clicked.connect(self.reject)
        office.next_button.clicked.connect(self._on_office_form)
        office.back_button.clicked.connect(self._show_welcome)
        office.cancel_button.clicked.connect(self.reject)
        request.write_button.clicked.connect(self._on_write_request)
        request.next_button.clicked.connect(self._on_to_package)
        request.later_button.clicked.connect(self._finish)
        package.choose_button.clicked.connect(self._on_choose_package)
        package.later_button.clicked.connect(self._finish)
        package.back_button.clicked.connect(self._show_request_page)
        district.next_button.clicked.connect(self._on_district_form)
        district.back_button.clicked.connect(self._show_welcome)
        district.cancel_button.clicked.connect(self.reject)
        self.admin_page.next_button.clicked.connect(self._on_create)
        self.admin_page.back_button.clicked.connect(self._back_from_admin)
        self.admin_page.cancel_button.clicked.connect(self.reject)
        self.done_page.finish_button.clicked.connect(self._finish)
        self.cancel_page.quit_button.clicked.connect(self._quit)
        self.cancel_page.resume_button.clicked.connect(self._resume)

    def _start(self) -> None:
        """The page this database needs: the welcome page, the first admin, or the
        certificate package."""
        pages = (self.office_page, self.request_page, self.package_page, self.district_page)
        for page in (*pages, self.admin_page):
            page.message.clear()
        state = self._state()
        # Without its first admin nobody can log in: nothing is set up yet for Esc either.
        self._set_up = not state.needs_office and self.desk is not None
        if state.needs_office:
            self._show_welcome()
        elif self.desk is None:
            self._making = "admin"
            self._show_admin_page()
        else:
            self._show_package_page(state)

    def _state(self) -> SetupState:
        opened = self.desk or self._gate
        assert opened is not None
        return opened.setup_state()

    def _signed_in(self) -> Desk:
        assert self.desk is not None, "the first admin is made before anything else is written"
        return self.desk

    def _show(self, page: QWidget, primary: QPushButton, focus: QWidget | None = None) -> None:
        """Show ``page`` with ``primary`` taking Enter (a dialog has one default button at
        a time, so it moves with the page) and the focus on ``focus`` or ``primary``."""
        self.pages.setCurrentWidget(page)
        primary.setDefault(True)
        (focus or primary).setFocus()

    @property
    def working(self) -> bool:
        return self._task is not None

    # --- welcome and office data --------------------------------------------------------------

    def _show_welcome(self) -> None:
        page = self.welcome_page
        chosen = page.district_choice if page.district_choice.isChecked() else page.office_choice
        self._show(page, page.next_button, chosen)

    def _on_choice(self) -> None:
        if self.welcome_page.district_choice.isChecked():
            page = self.district_page
            self._show(page, page.next_button, page.code)
        else:
            self._show(self.office_page, self.office_page.next_button, self.office_page.code)

    def _on_office_form(self) -> None:
        if self._office_form_complete(self.office_page.form()):
            self._making = "office"
            self._show_admin_page()

    def _on_district_form(self) -> None:
        page = self.district_page
        page.message.clear()
        if not page.code.check():
            page.code.setFocus()
            return
        self._making = "district"
        self._show_admin_page()

    # --- the first admin ----------------------------------------------------------------------

    def _show_admin_page(self) -> None:
        page = self.admin_page
        # Nothing to go back to when only the admin is missing.
        page.back_button.setVisible(self._making != "admin")
        focus = page.name_field if not page.name_field.text() else page.password_field
        self._show(page, page.next_button, focus)

    def _back_from_admin(self) -> None:
        if self._making == "district":
            self._show(self.district_page, self.district_page.next_button, self.district_page.code)
        elif self._making == "office":
            self._show(self.office_page, self.office_page.next_button, self.office_page.code)

    def _on_create(self) -> None:
        """Set up the office (or district) with its first admin, in one step on the worker."""
        page = self.admin_page
        page.message.clear()
        if not page.check():
            page.clear_passwords()
            page.password_field.setFocus()
            return
        gate, admin = self._gate, page.form()
        assert gate is not None
        if self._making == "office":
            form = self.office_page.form()

            def make_office(_progress: Progress) -> tuple[OfficeInfo, Desk]:
                return gate.set_up_office(
                    code=form.code,
                    name=form.name,
                    kind=form.kind or "",
                    municipality=form.municipality_key,
                    admin=admin.name,
                    password=admin.password,
                )

            self._run(page.message, make_office, self._on_office_created)
        elif self._making == "district":
            district = self.district_page
            name, code = district.name_field.text().strip(), district.code.text()

            def make_district(_progress: Progress) -> tuple[DistrictInfo, Desk]:
                return gate.set_up_district(
                    name=name, code=code, admin=admin.name, password=admin.password
                )

            self._run(page.message, make_district, self._on_district_created)
        else:
            role = Role.DISTRICT_ADMIN if self._state().is_district else Role.OFFICE_ADMIN

            def make_admin(_progress: Progress) -> Desk:
                return gate.add_first_admin(admin.name, admin.password, role)

            self._run(page.message, make_admin, self._on_admin_added)

    def _on_admin_added(self, desk: Desk) -> None:
        self.desk = desk
        self._set_up = True
        self.admin_page.clear_passwords()
        if self._state().enrolled:
            self._finish()
        else:
            self._show_package_page()

    def _office_form_complete(self, form: OfficeForm) -> bool:
        """Say what is missing next to the form, and put the cursor there."""
        page = self.office_page
        missing: list[tuple[QWidget, str]] = [
            (page.name_field, self.tr("Bitte den Namen der Dienststelle eingeben.")),
            (page.kind_combo, self.tr("Bitte die Art der Dienststelle wählen.")),
            (
                page.municipality_combo,
                self.tr("Bitte die Gemeinde wählen, in der die Dienststelle liegt."),
            ),
        ]
        filled = (bool(form.name), form.kind is not None, form.municipality_key is not None)
        page.message.clear()
        if not page.code.check():
            page.code.setFocus()
            return False
        for (widget, text), done in zip(missing, filled, strict=True):
            if not done:
                page.message.setText(text)
                widget.setFocus()
                return False
        return True

    def _on_office_created(self, made: tuple[OfficeInfo, Desk]) -> None:
        office, self.desk = made
        self.admin_page.clear_passwords()
        self._set_up = True
        self.request_page.intro.setText(
            self.tr(
                "Die Dienststelle {code} – {name} ist eingerichtet. Damit sie Pässe ausstellen "
                "kann, muss das Landratsamt ihren Schlüssel bestätigen."
            ).format(code=office.code, name=office.name)
        )
        self._show_request_page()

    # --- enrolment request --------------------------------------------------------------------

    def _show_request_page(self) -> None:
        page = self.request_page
        if not page.intro.text():
            page.intro.setText(
                self.tr(
                    "Damit diese Dienststelle Pässe ausstellen kann, muss das Landratsamt ihren "
                    "Schlüssel bestätigen."
                )
            )
        written = bool(page.written.text())
        self._show(page, page.next_button if written else page.write_button)

    def _on_write_request(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Ordner für den Antrag wählen (z. B. USB-Stick)"), str(self._folder)
        )
        if not chosen:
            return
        folder = self._folder = Path(chosen)
        desk = self._signed_in()

        def work(_progress: Progress) -> WrittenRequest:
            return desk.write_enrolment_request_into(folder)

        self._run(self.request_page.message, work, self._on_request_written)

    def _on_request_written(self, written: WrittenRequest) -> None:
        page = self.request_page
        text = self.tr(
            "Antrag gespeichert: {path}\nBringen Sie jetzt den USB-Stick zum Landratsamt."
        ).format(path=written.path)
        if written.fingerprint:  # the Landratsamt reads it from the request: compare by phone
            text += "\n" + self.tr(
                "Fingerabdruck des Schlüssels, am Telefon zu vergleichen: {fingerprint}"
            ).format(fingerprint=written.fingerprint)
        page.written.setText(text)
        self._show(page, page.next_button)

    # --- certificate package ------------------------------------------------------------------

    def _on_to_package(self) -> None:
        self._show_package_page()

    def _show_package_page(self, state: SetupState | None = None) -> None:
        page = self.package_page
        state = state or self._state()
        # An enrolled office installs a newer package or trust list; it has nothing to
        # request here. Nor has one whose key was reported lost: its request is for a new
        # key (Verwaltung → Neuen Schlüssel beantragen …).
        enrolled = state.enrolled or state.key_compromised_after is not None
        page.back_button.setVisible(not enrolled)
        page.keys.setText(
            self.tr("Strg+O Paket wählen · Esc schließen")
            if enrolled
            else self.tr("Strg+O Paket wählen · Alt+Z zurück zum Antrag · Esc später")
        )
        page.later_note.setVisible(not enrolled)
        self._show(page, page.choose_button)

    def _on_choose_package(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Zertifikatspaket des Landratsamts wählen"),
            str(self._folder),
            self.tr("Zertifikatspakete {extensions};;Alle Dateien (*)").format(
                extensions=PACKAGE_FILTER_EXTENSIONS
            ),
        )
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        desk = self._signed_in()

        def work(_progress: Progress) -> InstallResult:
            return desk.install_package(path)

        self._run(self.package_page.message, work, self._on_package_installed)

    def _on_package_installed(self, result: InstallResult) -> None:
        page = self.done_page
        office = self._state().office
        code = office.code if office is not None else ""
        if result.kind == "certificate":
            page.heading.setText(self.tr("Beim Landratsamt angemeldet"))
            page.summary.setText(
                self.tr(
                    "Die Dienststelle {code} ist angemeldet. Ab jetzt können Pässe ausgestellt "
                    "werden."
                ).format(code=code)
            )
        else:
            page.heading.setText(self.tr("Vertrauensliste eingespielt"))
            page.summary.setText(
                self.tr("Vertrauensliste Nr. {number} ist eingespielt.").format(
                    number=result.trust_list_number
                )
            )
        if self._state().key_compromised_after is not None:
            # The list reports this office's own key lost: it is not "angemeldet" any more.
            page.heading.setText(self.tr("Schlüssel als kompromittiert gemeldet"))
            page.summary.setText(
                self.tr(
                    "Die Vertrauensliste Nr. {number} meldet den Schlüssel dieser Dienststelle "
                    "als kompromittiert. Bis ein neuer Schlüssel angemeldet ist, können keine "
                    "Pässe ausgestellt werden: Verwaltung → Neuen Schlüssel beantragen …"
                ).format(number=result.trust_list_number)
            )
        page.fingerprint_caption.setText(self.tr("Fingerabdruck des Landkreis-Schlüssels:"))
        page.fingerprint.setText(result.fingerprint)
        page.advice.setText(
            self.tr(
                "Bitte vergleichen Sie diesen Fingerabdruck am Telefon mit dem Landratsamt. "
                "Stimmt er nicht überein, stellen Sie keine Pässe aus und verständigen Sie das "
                "Landratsamt."
            )
            if result.first_install
            else self.tr("Es ist derselbe Landkreis-Schlüssel wie bisher.")
        )
        self._show(page, page.finish_button)

    # --- district -----------------------------------------------------------------------------

    def _on_district_created(self, made: tuple[DistrictInfo, Desk]) -> None:
        district, self.desk = made
        self.admin_page.clear_passwords()
        self._set_up = True
        page = self.done_page
        page.heading.setText(self.tr("Landratsamt eingerichtet"))
        page.summary.setText(
            self.tr(
                "{name} ({code}) ist eingerichtet. Als Nächstes bringen die Dienststellen ihre "
                "Anmeldeanträge; daraus werden hier ihre Zertifikatspakete."
            ).format(name=district.name, code=district.code)
        )
        page.fingerprint_caption.setText(
            self.tr("Fingerabdruck des Landkreis-Schlüssels (für die Unterlagen):")
        )
        page.fingerprint.setText(district.fingerprint)
        page.advice.setText(
            self.tr(
                "Bitte notieren Sie ihn für die Unterlagen. Jede Dienststelle sieht ihn beim "
                "Einspielen ihres Zertifikatspakets und vergleicht ihn am Telefon mit Ihnen."
            )
        )
        self._show(page, page.finish_button)

    # --- running a write on the worker --------------------------------------------------------

    def _run(
        self, message: QLabel, work: Callable[[Progress], T], done: Callable[[T], None]
    ) -> None:
        """Run ``work`` on the worker with the page locked; then ``done`` or the failure,
        in German, in ``message``."""
        message.setText(self.tr("Wird gespeichert …"))
        message.setStyleSheet(HINT_STYLE)
        focus = self.focusWidget()
        self.pages.setEnabled(False)

        def succeeded(result: T) -> None:
            self._unlock(message)
            done(result)

        def failed(error: Exception) -> None:
            self._unlock(message)
            message.setText(self._describe(error))
            message.setStyleSheet(ERROR_STYLE)
            if focus is not None:
                focus.setFocus()

        self._task = self._tasks.run(work, succeeded, failed)

    def _unlock(self, message: QLabel) -> None:
        self._task = None
        self.pages.setEnabled(True)
        message.clear()
        message.setStyleSheet(ERROR_STYLE)

    def _describe(self, error: Exception) -> str:
        if isinstance(error, ServiceError | InputError):
            return i18n.error_text(error)
        log.error("set-up task failed", exc_info=error)
        return self.tr(
            "Unerwarteter Fehler ({name}). Bitte die IT-Betreuung informieren; die "
            "Einzelheiten stehen im Protokoll."
        ).format(name=type(error).__name__)

    # --- finishing, Esc and cancelling --------------------------------------------------------

    def _finish(self) -> None:
        self.setup_done.emit(self._state())
        self.accept()

    def reject(self) -> None:
        """Esc: nothing while a write is under way; "Später" once the office exists;
        before that ask whether to cancel the set-up (on the first start: quit)."""
        if self.working:
            return
        if self.pages.currentWidget() is self.cancel_page:
            self._resume()
        elif self._set_up:
            self._finish()
        else:
            self._ask_cancel()

    def _ask_cancel(self) -> None:
        self._resume_page = self.pages.currentWidget()
        self._resume_focus = self.focusWidget()
        page = self.cancel_page
        self._show(page, page.quit_button)

    def _resume(self) -> None:
        """Back to the page the set-up was at, as it was."""
        primary = {
            self.office_page: self.office_page.next_button,
            self.district_page: self.district_page.next_button,
            self.admin_page: self.admin_page.next_button,
        }
        page = self._resume_page if self._resume_page in primary else self.welcome_page
        self._show(page, primary.get(page, self.welcome_page.next_button), self._resume_focus)

    def _quit(self) -> None:
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opened again (not merely restored from the taskbar): start where the database is.
        if not event.spontaneous() and not self.working:
            self._start()


def open_install_package(
    desk: Desk, tasks: TaskRunner, parent: QWidget | None = None
) -> SetupWizard:
    """ "Verwaltung → Zertifikatspaket einspielen …": the wizard on its certificate page."""
    wizard = SetupWizard(desk, tasks, parent)
    wizard.open()
    return wizard


class EnrolmentBanner(QFrame):
    """The calm note in the main window while the office cannot issue passes yet.

    ``install_requested`` asks the window to open :func:`open_install_package`."""

    install_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentBanner")
        self.setStyleSheet(
            "#enrolmentBanner { background: #fff8e1; border: 1px solid #e0c873; "
            "border-radius: 4px; }"
        )
        self._not_enrolled = self.tr(
            "Noch nicht beim Landratsamt angemeldet – Pässe können erst nach dem Einspielen "
            "des Zertifikatspakets ausgestellt werden."
        )
        self.text = label(self._not_enrolled, self.tr("Hinweis zur Anmeldung"))
        keys = QKeySequence(INSTALL_PACKAGE_SHORTCUT).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.install_button = button(
            self.tr("Zertifikatspaket einspielen …"),
            self.tr("Zertifikatspaket einspielen"),
            keys=keys,
        )
        self.install_button.setAutoDefault(False)
        self.install_button.clicked.connect(self.install_requested)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.install_button)
        self.hide()

    def show_state(self, state: SetupState) -> None:
        """Visible exactly while an office is set up but cannot sign passes: not enrolled
        yet, or its key reported compromised (then in red, saying what to do)."""
        self.setVisible(not state.needs_office and not state.enrolled)
        compromised = state.key_compromised_after
        if compromised is None:
            self.text.setText(self._not_enrolled)
            self.text.setStyleSheet("")
            return
        local = compromised.astimezone()
        self.text.setText(
            self.tr(
                "Schlüssel vom Landratsamt als kompromittiert gemeldet (ab {day}): Pässe und "
                "Pakete sind gesperrt. Verwaltung → Neuen Schlüssel beantragen …, den Antrag "
                "zum Landratsamt bringen, dann das neue Zertifikatspaket einspielen."
            ).format(day=f"{local:%d.%m.%Y}")
        )
        self.text.setStyleSheet(ERROR_STYLE)
