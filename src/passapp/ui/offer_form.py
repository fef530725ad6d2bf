"""The form for one offer of the district's catalogue: a new one, or an edit (district only).

Enter saves from every field (in the description Shift+Enter starts a new line), Esc
cancels. The save runs on the app's one worker; the service checks everything (codes,
municipality, lengths) and a refusal appears in German under the fields, the form stays
open with what was typed.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.entries import CefrLevel
from passapp.domain.errors import InputError
from passapp.pdf.translations import SUPPORTED_LANGUAGES
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.offers import (
    OFFER_CATEGORIES,
    OfferInput,
    OfferView,
)
from passapp.services.progress import Progress
from passapp.ui import i18n
from passapp.ui.offer_table import category_label
from passapp.ui.pass_dialog import language_names
from passapp.ui.screen import ScrollingPane, fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, button, button_row, key_hint, label
from passapp.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
LANGUAGE_SEPARATORS = re.compile(r"[,;\s]+")
DESCRIPTION_LINES = 4
TITLE_COLUMNS = 2  # the titles in other languages: two per row keep the form short


class OfferForm(QDialog):
    """``saved`` carries the stored :class:`OfferView`; the form then closes (accept)."""

    saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        offer: OfferView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._offer = offer
        self._task: Task[OfferView] | None = None
        self.setWindowTitle(self.tr("Angebot bearbeiten") if offer else self.tr("Neues Angebot"))
        self.setAccessibleName(self.windowTitle())
        fit_to_screen(self, 680, 620)
        self._build()
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        self.description_field.installEventFilter(self)
        if offer is not None:
            self._fill(offer)

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_field = self._line(self.tr("Titel"), self.tr("z. B. Deutsch A1 – Abendkurs"))
        self.category_combo = self._combo(self.tr("Kategorie"))
        self.category_combo.addItem(self.tr("– bitte wählen –"), "")
        for slug in OFFER_CATEGORIES:
            self.category_combo.addItem(category_label(slug), slug)
        self.provider_field = self._line(self.tr("Anbieter"), self.tr("z. B. Volkshochschule"))
        self.address_field = self._line(self.tr("Adresse"), self.tr("Straße Nr., PLZ Ort"))
        self.municipality_combo = self._combo(self.tr("Gemeinde"))
        self.municipality_combo.addItem(self.tr("– keine bestimmte Gemeinde –"), None)
        for key, name in self._desk.municipality_names().items():
            self.municipality_combo.addItem(name, key)
        self.contact_field = self._line(
            self.tr("Kontakt"), self.tr("Telefon, E-Mail, Sprechzeiten")
        )
        self.languages_field = self._line(
            self.tr("Sprachen"), self.tr("Sprachcodes mit Komma, z. B. de, ar, uk, fa")
        )
        self.level_boxes = {level.value: self._level_box(level.value) for level in CefrLevel}
        self.target_group_field = self._line(
            self.tr("Zielgruppe"), self.tr("z. B. Frauen mit Kleinkindern")
        )
        self.description_field = QPlainTextEdit()
        self.description_field.setAccessibleName(self.tr("Beschreibung"))
        self.description_field.setTabChangesFocus(True)  # Tab leaves the field, as elsewhere
        lines = self.description_field.fontMetrics().lineSpacing() * DESCRIPTION_LINES
        self.description_field.setFixedHeight(lines + 12)
        names = language_names()
        self.translated_title_fields = {
            code: self._line(
                self.tr("Titel auf {language}").format(language=names.get(code, code)), ""
            )
            for code in SUPPORTED_LANGUAGES
        }
        self.slug_label = label(accessible_name=self.tr("Kennung des Angebots"))
        self.error_label = label(accessible_name=self.tr("Fehlermeldung"), style=ERROR_STYLE)
        self.save_button = button(self.tr("Speichern"), self.tr("Angebot speichern"), keys="Enter")
        self.cancel_button = button(self.tr("Abbrechen"), self.tr("Nicht speichern"), keys="Esc")
        self.cancel_button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self._lay_out()

    def _lay_out(self) -> None:
        fields = QFormLayout()
        levels = QHBoxLayout()
        for box in self.level_boxes.values():
            levels.addWidget(box)
        levels.addStretch(1)
        for text, field in (
            (self.tr("&Titel:"), self.title_field),
            (self.tr("&Kategorie:"), self.category_combo),
            (self.tr("&Anbieter:"), self.provider_field),
            (self.tr("A&dresse:"), self.address_field),
            (self.tr("&Gemeinde:"), self.municipality_combo),
            (self.tr("K&ontakt:"), self.contact_field),
            (self.tr("&Sprachen:"), self.languages_field),
            (self.tr("&Niveaus:"), levels),
            (self.tr("&Zielgruppe:"), self.target_group_field),
            (self.tr("&Beschreibung:"), self.description_field),
        ):
            caption = QLabel(text)
            if isinstance(field, QWidget):
                caption.setBuddy(field)
            else:
                caption.setBuddy(self.level_boxes["A1"])
            fields.addRow(caption, field)
        scrolled = QVBoxLayout()
        scrolled.addLayout(fields)
        scrolled.addWidget(self._translated_titles_box())
        scrolled.addStretch(1)
        layout = QVBoxLayout()
        # On a small screen at 150 % the fields scroll; the buttons stay in sight.
        layout.addWidget(ScrollingPane(scrolled), 1)
        layout.addWidget(self.slug_label)
        layout.addWidget(self.error_label)
        layout.addLayout(button_row(self.save_button, self.cancel_button))
        layout.addWidget(
            key_hint(
                self.tr(
                    "Enter speichern · Esc abbrechen · Alt+Buchstabe springt zum Feld · "
                    "Leertaste kreuzt ein Niveau an · Umschalt+Enter: neue Zeile in der "
                    "Beschreibung"
                )
            )
        )
        self.setLayout(layout)

    def _translated_titles_box(self) -> QGroupBox:
        """One line per print language; the pass prints the one of its second language."""
        box = QGroupBox(self.tr("Titel in anderen Sprachen"))
        grid = QGridLayout(box)
        names = language_names()
        for index, (code, field) in enumerate(self.translated_title_fields.items()):
            row, column = divmod(index, TITLE_COLUMNS)
            caption = QLabel(names.get(code, code) + ":")
            caption.setBuddy(field)
            grid.addWidget(caption, row, 2 * column)
            grid.addWidget(field, row, 2 * column + 1)
        return box

    def _line(self, accessible_name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(accessible_name)
        field.setPlaceholderText(placeholder)
        return field

    def _combo(self, accessible_name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible_name)
        return combo

    def _level_box(self, level: str) -> QCheckBox:
        box = QCheckBox(level)
        box.setAccessibleName(self.tr("Niveau {level}").format(level=level))
        return box

    # --- content ----------------------------------------------------------------------------

    def _fill(self, offer: OfferView) -> None:
        self.title_field.setText(offer.title)
        if self.category_combo.findData(offer.category) < 0:
            # A category this version does not know yet: keep it rather than change it.
            self.category_combo.addItem(offer.category, offer.category)
        self.category_combo.setCurrentIndex(self.category_combo.findData(offer.category))
        self.provider_field.setText(offer.provider)
        self.address_field.setText(offer.address or "")
        if offer.municipality_key and self.municipality_combo.findData(offer.municipality_key) < 0:
            self.municipality_combo.addItem(offer.municipality_key, offer.municipality_key)
        self.municipality_combo.setCurrentIndex(
            max(0, self.municipality_combo.findData(offer.municipality_key))
        )
        self.contact_field.setText(offer.contact or "")
        self.languages_field.setText(", ".join(offer.languages))
        for level, box in self.level_boxes.items():
            box.setChecked(level in offer.cefr_levels)
        self.target_group_field.setText(offer.target_group or "")
        self.description_field.setPlainText(offer.description or "")
        for code, field in self.translated_title_fields.items():
            field.setText(offer.titles.get(code, ""))
        note = self.tr("Kennung: {slug}").format(slug=offer.slug)
        if offer.is_sample:
            note += " · " + self.tr("Beispieldaten – nach dem Speichern gilt es als gepflegt.")
        self.slug_label.setText(note)

    def offer_input(self) -> OfferInput:
        """What the form holds, unchecked: the service checks it."""
        languages = LANGUAGE_SEPARATORS.split(self.languages_field.text())
        return OfferInput(
            category=str(self.category_combo.currentData() or ""),
            title=self.title_field.text(),
            provider=self.provider_field.text(),
            address=self.address_field.text(),
            municipality_key=self.municipality_combo.currentData(),
            contact=self.contact_field.text(),
            languages=tuple(code for code in languages if code),
            target_group=self.target_group_field.text(),
            cefr_levels=tuple(level for level, box in self.level_boxes.items() if box.isChecked()),
            description=self.description_field.toPlainText(),
            titles={code: field.text() for code, field in self.translated_title_fields.items()},
        )

    # --- saving -----------------------------------------------------------------------------

    def _on_save(self) -> None:
        if self._task is not None:
            return  # Enter pressed twice: the first save is on its way
        data, desk = self.offer_input(), self._desk
        slug = self._offer.slug if self._offer else None

        def work(_progress: Progress) -> OfferView:
            return desk.save_offer(data, slug)

        self.error_label.setText(self.tr("Wird gespeichert …"))
        self.save_button.setEnabled(False)
        self._task = self._tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, offer: OfferView) -> None:
        self._task = None
        self.saved.emit(offer)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        if isinstance(error, ServiceError | InputError):
            self.error_label.setText(i18n.error_text(error))
        else:
            log.error("saving an offer failed", exc_info=error)
            self.error_label.setText(
                self.tr(
                    "Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die "
                    "Einzelheiten stehen im Protokoll."
                ).format(kind=type(error).__name__)
            )

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the description saves like everywhere else; Shift+Enter breaks the line."""
        if (
            watched is self.description_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.save_button.click()
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        if self._task is None:  # while saving, the result must still arrive here
            super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.title_field.setFocus()
