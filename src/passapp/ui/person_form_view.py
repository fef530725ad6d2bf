"""Layout of the registration form: fields left, eligibility and duplicates right (STYLE 9).

:class:`passapp.ui.person_form.PersonForm` wires the behaviour. The fields run top to
bottom in the order a clerk fills them at the counter (the tab order): what decides the
eligibility and the consent first, the optional details after. Labels carry Alt+letter
mnemonics; the consent box is Alt+E from anywhere in the form.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.services.choices import Choice
from passapp.services.views import EligibilityView, PersonSummary
from passapp.ui import i18n
from passapp.ui.code_picker import CodePicker
from passapp.ui.form_fields import ERROR_STYLE, HINT_STYLE, say
from passapp.ui.row_table import RowTableModel
from passapp.ui.screen import ScrollingPane

# Calm colours with the words (never colour alone): dark text on a light tint.
STATUS_STYLES = {
    "eligible": ("✔", "color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;"),
    "not_eligible": ("✖", "color: #b71c1c; background: #ffebee; border: 1px solid #ef9a9a;"),
    "needs_review": ("?", "color: #7a4f00; background: #fff8e1; border: 1px solid #ffd54f;"),
}
PENDING_STYLE = "color: #555555; background: #f5f5f5; border: 1px solid #e0e0e0;"
STATUS_PADDING = " padding: 6px; border-radius: 4px;"


class DuplicateTableModel(RowTableModel[PersonSummary]):
    """Possible duplicates: name, birth date, pass number (tested without a view)."""

    NAME, BIRTH, PASS = range(3)

    def __init__(self) -> None:
        headers = (self.tr("Name"), self.tr("Geburtsdatum"), self.tr("Passnummer"))
        super().__init__(headers, self._cells)

    def summary(self, row: int) -> PersonSummary:
        return self.row(row)

    def _cells(self, person: PersonSummary) -> tuple[str, str, str]:
        name = ", ".join(n for n in (person.family_names, person.given_names) if n)
        return (name, person.birth_date.german(), person.pass_number or self.tr("kein Pass"))


def _line_edit(accessible_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    return edit


def _note(accessible_name: str, style: str = HINT_STYLE) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setStyleSheet(style)
    return label


def _error(accessible_name: str) -> QLabel:
    """An error line under a field: hidden while empty, so the form stays compact."""
    label = _note(accessible_name, ERROR_STYLE)
    label.hide()
    return label


def _stacked(*widgets: QWidget) -> QWidget:
    """A field with its note or error under it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    box.setLayout(layout)
    return box


def _row(layout: QHBoxLayout) -> QWidget:
    box = QWidget()
    box.setLayout(layout)
    return box


class PersonFormView(QWidget):
    """Every widget of the form; no behaviour (see :class:`PersonForm`)."""

    def __init__(
        self,
        nationalities: Sequence[Choice],
        languages: Sequence[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Überschrift"))
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self._build_fields(nationalities, languages)
        self._build_check_panel()
        self._build_buttons()

        columns = QHBoxLayout()
        # The fields scroll on a low screen; heading, check and buttons stay in sight.
        columns.addWidget(ScrollingPane(self._fields_layout()), 3)
        columns.addSpacing(12)
        columns.addLayout(self._check_layout(), 2)
        layout = QVBoxLayout()
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.profile_toggle)
        layout.addLayout(buttons)
        layout.addWidget(self.key_hint)
        self.setLayout(layout)
        self._set_tab_order()

    # --- the fields ------------------------------------------------------------------------

    def _build_fields(self, nationalities: Sequence[Choice], languages: Sequence[Choice]) -> None:
        date_hint = self.tr("TT.MM.JJJJ, unbekannt: 00 oder XX")
        self.family_edit = _line_edit(self.tr("Familienname(n)"), self.tr("wie im Dokument"))
        self.family_error = _error(self.tr("Fehler beim Familiennamen"))
        self.given_edit = _line_edit(self.tr("Vorname(n)"), self.tr("leer bei nur einem Namen"))
        self.birth_edit = _line_edit(self.tr("Geburtsdatum"), date_hint)
        self.birth_error = _error(self.tr("Fehler beim Geburtsdatum"))
        self.arrival_edit = _line_edit(self.tr("Einreise nach Deutschland"), date_hint)
        self.arrival_error = _error(self.tr("Fehler beim Einreisedatum"))
        # An entirely unknown arrival is an answer of its own, not "00.00.0000".
        self.arrival_unknown_check = QCheckBox(self.tr("Einreisedatu&m unbekannt"))
        self.arrival_unknown_check.setAccessibleName(self.tr("Einreisedatum unbekannt"))
        self.arrival_unknown_check.toggled.connect(self._on_arrival_unknown)
        self.arrival_edit.textChanged.connect(self._offer_arrival_unknown)
        self.abroad_check = QCheckBox(self.tr("direkt aus dem &Ausland in den Landkreis gezogen"))
        self.abroad_check.setAccessibleName(
            self.tr("Direkt aus dem Ausland in den Landkreis gezogen")
        )
        self.nationality_picker = CodePicker(nationalities, self.tr("Staatsangehörigkeit(en)"))
        self.nationality_picker.edit.setPlaceholderText(self.tr("z. B. syr, Syrien, afg"))
        self.language_picker = CodePicker(languages, self.tr("Sprachen"))
        self.language_picker.edit.setPlaceholderText(self.tr("z. B. ar, Arabisch, Dari"))
        self.consent_check = QCheckBox(
            # Alt+E is a shortcut of the form rather than a mnemonic ("&E"): a mnemonic ticks
            # the box only after a short animation, and an Enter typed at once would save
            # the form without the consent.
            self.tr("Einwilligung (Alt+E): Weitergabe des Namens an das Landratsamt")
        )
        self.consent_check.setAccessibleName(self.tr("Einwilligung in die Weitergabe"))
        self.notice_text = _note(self.tr("Hinweis zur Einwilligung"))
        self.notice_language_combo = QComboBox()
        self.notice_language_combo.setAccessibleName(self.tr("Sprache des Hinweises"))
        self.municipality_combo = QComboBox()
        self.municipality_combo.setAccessibleName(self.tr("Wohngemeinde"))
        self.sex_combo = QComboBox()
        self.sex_combo.setAccessibleName(self.tr("Geschlecht"))
        self.contact_edit = _line_edit(
            self.tr("Kontakt"), self.tr("freiwillig: Telefon oder E-Mail")
        )
        self.family_original_edit = _line_edit(
            self.tr("Familienname(n) in Originalschrift"), self.tr("Familienname(n)")
        )
        self.given_original_edit = _line_edit(
            self.tr("Vorname(n) in Originalschrift"), self.tr("Vorname(n)")
        )
        from passapp.ui.profile_section import ProfileSection  # it uses this module's helpers

        self.profile_section = ProfileSection(languages)

    def _fields_layout(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        self.notice_language_label = QLabel(self.tr("Hinweis &lesen auf:"))
        self.notice_language_label.setBuddy(self.notice_language_combo)
        notice_language = QHBoxLayout()
        notice_language.setContentsMargins(0, 0, 0, 0)
        notice_language.addWidget(self.notice_language_label)
        notice_language.addWidget(self.notice_language_combo, 1)
        consent = _stacked(self.consent_check, self.notice_text, _row(notice_language))
        original = QHBoxLayout()
        original.addWidget(self.family_original_edit)
        original.addWidget(self.given_original_edit)
        rows: list[tuple[str, QWidget, QWidget | QHBoxLayout]] = [
            (
                self.tr("&Familienname(n):"),
                self.family_edit,
                _stacked(self.family_edit, self.family_error),
            ),
            (self.tr("&Vorname(n):"), self.given_edit, self.given_edit),
            (
                self.tr("&Geburtsdatum:"),
                self.birth_edit,
                _stacked(self.birth_edit, self.birth_error),
            ),
            (
                self.tr("Ein&reise nach Deutschland:"),
                self.arrival_edit,
                _stacked(
                    self.arrival_edit,
                    self.arrival_error,
                    self.arrival_unknown_check,
                    self.abroad_check,
                ),
            ),
            (
                self.tr("&Staatsangehörigkeit(en):"),
                self.nationality_picker,
                self.nationality_picker,
            ),
            (self.tr("S&prachen:"), self.language_picker, self.language_picker),
            (self.tr("Datenschutz:"), self.consent_check, consent),
            (self.tr("&Wohngemeinde:"), self.municipality_combo, self.municipality_combo),
            (self.tr("Gesc&hlecht:"), self.sex_combo, self.sex_combo),
            (self.tr("&Kontakt:"), self.contact_edit, self.contact_edit),
            (self.tr("&Originalschrift:"), self.family_original_edit, original),
        ]
        for text, buddy, field in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow(self.profile_section)
        self.profile_section.setVisible(False)
        return form

    # --- eligibility and duplicates --------------------------------------------------------

    def _build_check_panel(self) -> None:
        self.check_heading = QLabel(self.tr("Anspruch auf den Pass"))
        self.check_heading.setStyleSheet("font-weight: bold;")
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Anspruch"))
        self.status_label.setWordWrap(True)
        status_font = QFont(self.status_label.font())
        status_font.setPointSizeF(status_font.pointSizeF() * 1.2)
        status_font.setBold(True)
        self.status_label.setFont(status_font)
        self.reasons_label = _note(self.tr("Gründe"), "")
        self.warning_label = _note(self.tr("Hinweis zum Namen"), "color: #7a4f00;")
        self.warning_label.hide()
        self.duplicates_heading = QLabel(self.tr("Mögliche Dubletten"))
        self.duplicates_heading.setStyleSheet("font-weight: bold;")
        self.duplicates_note = _note(self.tr("Hinweis zu Dubletten"))
        self.duplicates = DuplicateTableModel()
        self.duplicate_table = QTableView()
        self.duplicate_table.setModel(self.duplicates)
        self.duplicate_table.setAccessibleName(self.tr("Mögliche Dubletten"))
        self.duplicate_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.duplicate_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.duplicate_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicate_table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.duplicate_table.verticalHeader().hide()
        header = self.duplicate_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DuplicateTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(self.tr("Vorhandene Person öffnen"))
        self.open_button.setAccessibleName(self.tr("Markierte vorhandene Person öffnen"))
        self.open_button.setAutoDefault(False)

    def _check_layout(self) -> QVBoxLayout:
        panel = QVBoxLayout()
        panel.addWidget(self.check_heading)
        panel.addWidget(self.status_label)
        panel.addWidget(self.reasons_label)
        panel.addWidget(self.warning_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        panel.addSpacing(8)
        panel.addWidget(line)
        panel.addWidget(self.duplicates_heading)
        panel.addWidget(self.duplicates_note)
        panel.addWidget(self.duplicate_table, 1)
        panel.addWidget(self.open_button)
        panel.addStretch(0)
        return panel

    def _build_buttons(self) -> None:
        self.message = _error(self.tr("Meldung"))
        self.save_button = QPushButton(self.tr("Speichern"))
        self.save_button.setAccessibleName(self.tr("Speichern"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        self.cancel_button.setAccessibleName(self.tr("Abbrechen, nichts speichern"))
        self.cancel_button.setAutoDefault(False)
        # The learner profile is optional: folded away, one key (Alt+B) opens it. The
        # toggle sits with the buttons, in sight at any scaling; the fields open at the
        # end of the scrolled column, which follows the focus to them.
        self.profile_toggle = QPushButton(self.tr("▸ &Bildung und Sprache (freiwillig)"))
        self.profile_toggle.setCheckable(True)
        self.profile_toggle.setAutoDefault(False)
        self.profile_toggle.setAccessibleName(self.tr("Bildung und Sprache"))
        self.key_hint = _note(self.tr("Tastenkürzel"))
        self.key_hint.setText(
            self.tr(
                "Enter speichern · Esc abbrechen · Alt+E Einwilligung · "
                "↑↓ Vorschlag wählen · Strg+O vorhandene Person öffnen"
            )
        )

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.family_edit,
            self.given_edit,
            self.birth_edit,
            self.arrival_edit,
            self.arrival_unknown_check,
            self.abroad_check,
            self.nationality_picker.edit,
            self.language_picker.edit,
            self.consent_check,
            self.notice_language_combo,
            self.municipality_combo,
            self.sex_combo,
            self.contact_edit,
            self.family_original_edit,
            self.given_original_edit,
            self.profile_toggle,
            *self.profile_section.focus_widgets(),
            self.duplicate_table,
            self.open_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_arrival_unknown(self, unknown: bool) -> None:
        """Unknown: the date field is emptied and locked, so nothing half-typed counts."""
        if unknown:
            self.arrival_edit.clear()
            say(self.arrival_error, "")
        self.arrival_edit.setEnabled(not unknown)

    def _offer_arrival_unknown(self, text: str) -> None:
        """The box is in the Tab chain only while no date is typed: a clerk who typed the
        arrival tabs on to the next field with one key, as before (Alt+U reaches it)."""
        policy = Qt.FocusPolicy.ClickFocus if text else Qt.FocusPolicy.StrongFocus
        self.arrival_unknown_check.setFocusPolicy(policy)

    # --- showing results -------------------------------------------------------------------

    def show_eligibility(self, view: EligibilityView) -> None:
        symbol, style = STATUS_STYLES[view.status]
        self.status_label.setText(f"{symbol} {i18n.eligibility_status(view)}")
        self.status_label.setStyleSheet(style + STATUS_PADDING)
        self.reasons_label.setText(
            "\n".join(f"• {reason}" for reason in i18n.eligibility_reasons(view))
        )

    def show_pending(self, text: str) -> None:
        """No answer yet (a date missing or still being typed); ``text`` says what is missing."""
        self.status_label.setText(self.tr("noch offen"))
        self.status_label.setStyleSheet(PENDING_STYLE + STATUS_PADDING)
        self.reasons_label.setText(text)

    def show_duplicates(self, rows: Sequence[PersonSummary], note: str) -> None:
        self.duplicates.set_rows(rows)
        self.duplicates_note.setText(note)
        self.duplicate_table.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))
        if rows:
            self.duplicate_table.selectRow(0)
