"""The "Angebotskatalog" screen: look up the district's offers; at the district, edit them.

Offices receive the catalogue with every bundle of the district and only read it here; the
district office adds and edits offers (:class:`passapp.ui.offer_form.OfferForm`) and
deactivates the ones that ended (never deletes: entries refer to them). Changes reach the
offices with the next bundle.

Layout in :class:`OffersScreenView`, behaviour in :class:`OffersScreen` (STYLE 9); the view
is a child widget rather than a base class, so each keeps its own translation context.
Reading the catalogue is quick and happens here; saving and (de)activating go through the
app's one :class:`TaskRunner`.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.offer_files import CatalogueFileInvalid, ImportReport
from passapp.services.offers import (
    OfferView,
)
from passapp.services.progress import Progress
from passapp.ui import i18n
from passapp.ui.offer_form import OfferForm
from passapp.ui.offer_table import OfferTableModel
from passapp.ui.offer_titles import in_shown_order, named_titles, shown_title
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, button, heading, label
from passapp.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

DETAILS_HEIGHT = 170
CATEGORY_WIDTH = 150
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class OffersScreenView(QWidget):
    """The widgets of the screen; ``district`` shows the editing controls, ``municipalities``
    (key → name) name the places in the table."""

    def __init__(
        self, district: bool, municipalities: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.heading = heading(self.tr("Angebotskatalog"))
        self.role_note = label(accessible_name=self.tr("Wer den Katalog pflegt"), style=HINT_STYLE)
        self.filter_field = QLineEdit()
        self.filter_field.setAccessibleName(self.tr("Angebote filtern"))
        self.filter_field.setPlaceholderText(
            self.tr("Filtern nach Titel, Anbieter oder Kategorie – z. B. „deutsch abend“")
        )
        self.filter_field.setClearButtonEnabled(True)
        self.offers = OfferTableModel(municipalities)
        self.table = self._build_table()
        self.count_label = label(accessible_name=self.tr("Anzahl der Angebote"))
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Einzelheiten zum gewählten Angebot"))
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        # Full height where there is room; on a low screen (150 %) it shares with the list.
        self.details.setMaximumHeight(DETAILS_HEIGHT)
        self.details.setMinimumHeight(DETAILS_HEIGHT // 2)
        self.message = label(accessible_name=self.tr("Meldung"))
        self.new_button = button(self.tr("Neues Angebot …"), self.tr("Neues Angebot"), "Ctrl+N")
        self.edit_button = button(self.tr("Bearbeiten …"), self.tr("Angebot bearbeiten"), "Ctrl+B")
        self.toggle_button = button(
            self.tr("Deaktivieren"), self.tr("Angebot deaktivieren oder aktivieren"), "Ctrl+D"
        )
        self.inactive_box = QCheckBox(self.tr("Inaktive zeigen"))
        self.inactive_box.setAccessibleName(self.tr("Inaktive Angebote zeigen"))
        # Ctrl+I is the screen's shortcut: the box's own would move the focus onto it.
        self.inactive_box.setToolTip(self.tr("Inaktive Angebote zeigen (Strg+I)"))
        self.close_button = button(self.tr("Schließen"), self.tr("Katalog schließen"), keys="Esc")
        # The catalogue as a spreadsheet: one menu button keeps the row narrow at 150 %.
        self.file_button = QPushButton(self.tr("&Datei"))
        self.file_button.setAccessibleName(self.tr("Katalog als Datei"))
        self.file_menu = QMenu(self.file_button)
        self.import_action = self.file_menu.addAction(self.tr("Aus Datei &einspielen …"))
        self.export_action = self.file_menu.addAction(self.tr("Als Datei &speichern …"))
        self.file_button.setMenu(self.file_menu)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Fehler in der Datei"))
        self.problems.setMaximumHeight(DETAILS_HEIGHT)
        self.problems.setWordWrap(True)  # a long list of allowed values reads whole
        self.problems.hide()
        for widget in (
            self.new_button,
            self.edit_button,
            self.toggle_button,
            self.close_button,
            self.file_button,
        ):
            widget.setAutoDefault(False)  # Enter belongs to the table row, not a button
        self.hint = label(accessible_name=self.tr("Tastenkürzel"), style=HINT_STYLE)
        self._lay_out()
        self._show_role(district)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.offers)
        table.setAccessibleName(self.tr("Angebote"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab moves on to the details and the buttons
        table.setWordWrap(False)
        table.verticalHeader().hide()
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (OfferTableModel.TITLE, OfferTableModel.PROVIDER):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # A long category ("Anerkennung ausländischer Qualifikationen") would squeeze the
        # title: a fixed width, cut with "…", the full label in the tooltip.
        columns.setSectionResizeMode(OfferTableModel.CATEGORY, QHeaderView.ResizeMode.Interactive)
        columns.resizeSection(OfferTableModel.CATEGORY, CATEGORY_WIDTH)
        return table

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        controls: tuple[QWidget, ...] = (
            self.new_button,
            self.edit_button,
            self.toggle_button,
            self.inactive_box,
        )
        for control in controls:
            buttons.addWidget(control)
        buttons.addStretch(1)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        above: tuple[QWidget, ...] = (self.heading, self.role_note, self.filter_field)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setLayout(layout)

    def show_toggle_as(self, deactivate: bool) -> None:
        """Word the toggle for the selected offer. Setting a button's text resets its
        shortcut (to the text's mnemonic), so Ctrl+D is given again."""
        self.toggle_button.setText(self.tr("Deaktivieren") if deactivate else self.tr("Aktivieren"))
        self.toggle_button.setShortcut(QKeySequence("Ctrl+D"))

    def _show_role(self, district: bool) -> None:
        """The district edits; an office only reads (its copy comes with each bundle)."""
        for widget in (self.new_button, self.edit_button, self.toggle_button, self.inactive_box):
            widget.setVisible(district)
            widget.setEnabled(district)  # a hidden control's shortcut must not act either
        if district:
            self.role_note.setText(
                self.tr(
                    "Hier pflegt das Landratsamt den Katalog. Änderungen gehen mit dem nächsten "
                    "Paket an alle Dienststellen. Beendete Angebote werden deaktiviert, nicht "
                    "gelöscht: Einträge verweisen auf sie."
                )
            )
            self.hint.setText(
                self.tr(
                    "Tippen filtert · ↓ zur Liste · Enter oder Strg+B bearbeiten · Strg+N neues "
                    "Angebot · Strg+D deaktivieren/aktivieren · Strg+I inaktive zeigen · "
                    "Strg+F Filter · Esc schließen"
                )
            )
        else:
            self.role_note.setText(
                self.tr(
                    "Den Angebotskatalog pflegt das Landratsamt. Er kommt mit jedem Paket des "
                    "Landratsamts und kann hier nur nachgeschlagen werden."
                )
            )
            self.hint.setText(
                self.tr("Tippen filtert · ↓ zur Liste · Strg+F Filter · Esc schließen")
            )


class OffersScreen(QDialog):
    """``catalogue_changed`` carries the :class:`OfferView` just saved, deactivated or
    activated (the screen stays open; it closes with Esc)."""

    catalogue_changed = Signal(object)

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._task: Task[Any] | None = None
        # Editing is the district's, and there only for an account that may keep the catalogue.
        self.district = desk.is_district() and desk.may("save_offer")
        self.form: OfferForm | None = None
        self._folder = desk.output_folder or Path.home()
        self.setWindowTitle(self.tr("Angebotskatalog"))
        self.setAccessibleName(self.tr("Angebotskatalog"))
        fit_to_screen(self, 980, 640)
        self.view = OffersScreenView(self.district, desk.municipality_names(), self)
        layout = QVBoxLayout()
        layout.addWidget(self.view)
        self.setLayout(layout)
        self._wire()
        self._show_file_actions()
        self.refresh()

    def _show_file_actions(self) -> None:
        """Import where the catalogue is kept (the district's admin); saving for anyone who
        reads it."""
        view, desk = self.view, self._desk
        imports = self.district and desk.may("import_offers")
        exports = desk.may("export_offers")
        view.import_action.setVisible(imports)
        view.import_action.setEnabled(imports)
        view.export_action.setVisible(exports)
        view.export_action.setEnabled(exports)
        view.file_button.setVisible(imports or exports)

    def _wire(self) -> None:
        view = self.view
        view.filter_field.textChanged.connect(lambda _text: self.refresh())
        view.filter_field.returnPressed.connect(self._focus_table)
        view.filter_field.installEventFilter(self)
        view.table.installEventFilter(self)
        view.table.selectionModel().selectionChanged.connect(self._on_selection)
        view.table.doubleClicked.connect(lambda _index: self._on_edit())
        view.new_button.clicked.connect(self._on_new)
        view.edit_button.clicked.connect(self._on_edit)
        view.toggle_button.clicked.connect(self._on_toggle_active)
        view.inactive_box.toggled.connect(lambda _on: self.refresh())
        view.close_button.clicked.connect(self.reject)
        view.import_action.triggered.connect(self.import_file)
        view.export_action.triggered.connect(self.export_file)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_filter)
        QShortcut(QKeySequence("Ctrl+I"), self, self._toggle_inactive)
        self.setTabOrder(view.filter_field, view.table)
        self.setTabOrder(view.table, view.details)

    # --- the list ---------------------------------------------------------------------------

    def refresh(self, select_slug: str | None = None) -> None:
        """Read the catalogue again (a quick read) and keep, or move to, the selection."""
        keep = select_slug or (self.selected.slug if self.selected else None)
        view = self.view
        text = view.filter_field.text()
        offers = self._desk.list_offers(text, include_inactive=view.inactive_box.isChecked())
        view.offers.set_rows(in_shown_order(offers))
        row = view.offers.row_of(keep) if keep else None
        if row is None and offers:
            row = 0
        if row is not None:
            view.table.selectRow(row)
        self._on_selection()
        view.count_label.setText(self._count_text(len(offers), text))

    def _count_text(self, count: int, text: str) -> str:
        if count == 0 and text.strip():
            return self.tr("Kein Angebot passt zu „{text}“.").format(text=text.strip())
        if count == 0:
            return self.tr("Der Katalog ist leer.")
        if count == 1:
            return self.tr("1 Angebot")
        return self.tr("{count} Angebote").format(count=count)

    @property
    def selected(self) -> OfferView | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.view.offers.offer(rows[0].row()) if rows else None

    def _on_selection(self, *_changes: QItemSelection) -> None:
        offer = self.selected
        self.view.details.setHtml(
            offer_details_html(offer, self.view.offers.place(offer)) if offer else ""
        )
        self.view.edit_button.setEnabled(self.district and offer is not None)
        self.view.toggle_button.setEnabled(self.district and offer is not None)
        active = offer is None or offer.active
        self.view.show_toggle_as(active)

    # --- editing (district) -----------------------------------------------------------------

    def _on_new(self) -> None:
        if self.district:
            self._open_form(None)

    def _on_edit(self) -> None:
        if self.district and self.selected is not None:
            self._open_form(self.selected)

    def _open_form(self, offer: OfferView | None) -> None:
        if self.form is not None:
            self.form.deleteLater()
        self.form = OfferForm(self._desk, self._tasks, offer, self)
        self.form.saved.connect(self._on_saved)
        self.form.finished.connect(self._back_from_form)
        self.form.open()

    def _back_from_form(self) -> None:
        """Saved or cancelled: the keyboard is back in the list (or the filter if empty)."""
        self.activateWindow()  # most platforms do this anyway; some leave no window active
        if self.view.offers.rowCount():
            self._focus_table()
        else:
            self._focus_filter()

    def _on_saved(self, offer: OfferView) -> None:
        self.refresh(select_slug=offer.slug)
        if self.view.offers.row_of(offer.slug) is None:
            # The filter would hide what was just saved: the clerk sees it instead.
            self.view.filter_field.blockSignals(True)
            self.view.filter_field.clear()
            self.view.filter_field.blockSignals(False)
            self.refresh(select_slug=offer.slug)
        self._say(
            self.tr(
                "Gespeichert: „{title}“. Es geht mit dem nächsten Paket an die Dienststellen."
            ).format(title=shown_title(offer)),
            NOTE_STYLE,
        )
        self.catalogue_changed.emit(offer)

    def _on_toggle_active(self) -> None:
        offer = self.selected
        if not self.district or offer is None or self._task is not None:
            return
        desk, slug, active = self._desk, offer.slug, not offer.active

        def work(_progress: Progress) -> OfferView:
            return desk.set_offer_active(slug, active)

        self._task = self._tasks.run(work, self._on_toggled, self._on_failed)

    def _on_toggled(self, offer: OfferView) -> None:
        self._task = None
        self.refresh(select_slug=offer.slug)
        if offer.active:
            text = self.tr("„{title}“ ist wieder aktiv und steht wieder im Pass.")
        else:
            text = self.tr("„{title}“ ist deaktiviert: nicht mehr im Pass und in den Listen.")
        self._say(text.format(title=shown_title(offer)), NOTE_STYLE)
        self.catalogue_changed.emit(offer)

    def _on_failed(self, error: Exception) -> None:
        self._task = None
        if isinstance(error, ServiceError | InputError):
            self._say(i18n.error_text(error), ERROR_STYLE)
            return
        log.error("changing the catalogue failed", exc_info=error)
        self._say(
            self.tr(
                "Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die "
                "Einzelheiten stehen im Protokoll."
            ).format(kind=type(error).__name__),
            ERROR_STYLE,
        )

    def _say(self, text: str, style: str = "") -> None:
        self.view.message.setText(text)
        self.view.message.setStyleSheet(style)
        self.view.problems.clear()
        self.view.problems.hide()
        self.view.details.show()

    # --- the catalogue as a file --------------------------------------------------------------

    def import_file(self) -> None:
        """A .csv or .xlsx file, applied whole or not at all (``Desk.import_offers``)."""
        if not self.district or self._task is not None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Katalog aus Datei einspielen"),
            str(self._folder),
            self.tr("Tabellen (*.xlsx *.csv);;Alle Dateien (*)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        desk = self._desk
        self._say(self.tr("Datei wird geprüft …"), HINT_STYLE)
        self._task = self._tasks.run(
            lambda _progress: desk.import_offers(path),
            lambda report: self._on_imported(path, report),
            lambda error: self._on_import_failed(path, error),
        )

    def _on_imported(self, path: Path, report: ImportReport) -> None:
        self._task = None
        self.refresh()
        self._say(
            self.tr(
                "Aus {name} eingespielt: {created} neu, {updated} geändert, {unchanged} "
                "unverändert. Es geht mit dem nächsten Paket an die Dienststellen."
            ).format(
                name=path.name,
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
            ),
            NOTE_STYLE,
        )

    def _on_import_failed(self, path: Path, error: Exception) -> None:
        """Wrong rows: nothing changed; each problem on a line of its own, as the
        spreadsheet numbers its rows."""
        if not isinstance(error, CatalogueFileInvalid):
            self._on_failed(error)
            self.view.message.setText(f"{path.name}: {self.view.message.text()}")
            return
        self._task = None
        self.refresh()
        self._say(
            self.tr(
                "Nichts eingespielt: {count} Fehler in {name}. Bitte in der Datei beheben."
            ).format(count=len(error.problems), name=path.name),
            ERROR_STYLE,
        )
        for problem in error.problems:
            self.view.problems.addItem(
                self.tr("Zeile {row}, Spalte „{column}“: {text}").format(
                    row=problem.row,
                    column=problem.column,
                    text=problem.message_en
                    if i18n.current_language() == "en"
                    else problem.message_de,
                )
            )
        # In the details' place: on a low screen (150 %) both would squeeze the list.
        self.view.details.hide()
        self.view.problems.show()

    def export_file(self) -> None:
        if not self._desk.may("export_offers") or self._task is not None:
            return
        suggested = self._folder / f"Angebotskatalog-{self._desk.today():%Y-%m-%d}.xlsx"
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Katalog als Datei speichern"),
            str(suggested),
            self.tr("Excel-Tabelle (*.xlsx);;CSV, Semikolon getrennt (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):  # typed without an ending
            path = path.with_name(path.name + (".csv" if "csv" in chosen_filter else ".xlsx"))
        self._folder = path.parent
        desk = self._desk

        def saved(count: int) -> None:
            self._task = None
            self._say(
                self.tr("{count} Angebote gespeichert: {path}").format(count=count, path=path),
                NOTE_STYLE,
            )

        self._task = self._tasks.run(
            lambda _progress: desk.export_offers(path), saved, self._on_failed
        )

    # --- keys and focus ---------------------------------------------------------------------

    def _toggle_inactive(self) -> None:
        if self.district:  # an office sees the active catalogue only
            self.view.inactive_box.toggle()

    def _focus_filter(self) -> None:
        self.view.filter_field.setFocus()
        self.view.filter_field.selectAll()

    def _focus_table(self) -> None:
        table = self.view.table
        if self.view.offers.rowCount() == 0:
            return
        if self.selected is None:
            table.selectRow(0)
        table.setFocus()
        table.setCurrentIndex(table.selectionModel().selectedRows()[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the filter field goes to the list and ↑ from its first row back, so a clerk
        never needs the mouse; Enter on a row edits it. Enter is used up here: passed on, the dialog would press the
        default button of the form it has just opened."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.view.filter_field and event.key() == Qt.Key.Key_Down:
            self._focus_table()
            return True
        if watched is self.view.table and event.key() in ENTER_KEYS:
            self._on_edit()
            return True
        if (
            watched is self.view.table
            and event.key() == Qt.Key.Key_Up
            and self.view.table.currentIndex().row() <= 0
        ):
            self.view.filter_field.setFocus()  # ↑ from the first row: back to typing on
            self.view.filter_field.end(False)
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # opened again: the catalogue may have come by bundle
            self.refresh()
            self._say("")
            # Focus only sticks once the window is shown and active (as in the main window).
            QTimer.singleShot(0, self._activate_filter)

    def _activate_filter(self) -> None:
        self.activateWindow()
        self._focus_filter()


def offer_details_html(offer: OfferView, place: str) -> str:
    """The selected offer in full, below the table (only the fields it has): its title in
    the UI's language on top, every other title with its language below (the German
    reference title among them in the English UI)."""
    translate = QCoreApplication.translate
    # Category and provider stand in the table row already; the place only where the
    # address does not name it.
    facts = [
        *_other_titles(offer),
        (translate("OfferDetails", "Adresse"), offer.address),
        (
            translate("OfferDetails", "Ort"),
            "" if offer.address and place in offer.address else place,
        ),
        (translate("OfferDetails", "Kontakt"), offer.contact),
        (translate("OfferDetails", "Zielgruppe"), offer.target_group),
        (translate("OfferDetails", "Sprachen"), ", ".join(offer.languages)),
        (translate("OfferDetails", "Niveaus"), ", ".join(offer.cefr_levels)),
        (translate("OfferDetails", "Beschreibung"), offer.description),
    ]
    title = f"<b>{html.escape(shown_title(offer))}</b> · {html.escape(offer.provider)}"
    if not offer.active:
        title += " – " + html.escape(translate("OfferDetails", "inaktiv (nicht im Pass)"))
    if offer.is_sample:
        title += " – " + html.escape(translate("OfferDetails", "Beispieldaten"))
    rows = "".join(
        f"<tr><td width='120' style='color:#555555'>{html.escape(name)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for name, value in facts
        if value
    )
    return f"<p>{title}</p><table cellspacing='2'>{rows}</table>"


def _other_titles(offer: OfferView) -> list[tuple[str, str]]:
    """("Titel auf Englisch", "German evening course") for each title but the one on top."""
    shown = shown_title(offer)
    label = QCoreApplication.translate("OfferDetails", "Titel auf {language}")
    return [
        (label.format(language=language), title)
        for language, title in named_titles(offer)
        if title != shown
    ]
