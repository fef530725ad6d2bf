"""Verwaltung → Dienststellen: the district's offices, their keys, and the district's
work on them (issue 11, item 5).

A table of the offices (code, name, kind, municipality, enrolled on, last bundle, days
without one; *silent* ones marked, sortable, "nur stille" filters), the selected office's
keys with their fingerprints below it, and three actions, each one Desk call on the app's
worker:

* "Anmeldung einspielen …": the office's request file is read first (``preview_enrolment``,
  a quick read) and its code, name and key fingerprint are shown for the admins to compare
  by phone; only after that is ticked does the dialog write the certificate package.
* "Schlüssel als kompromittiert melden …": since when, a reason, and a ticked sentence
  naming office and key. Abbrechen is the default button: Enter never reports a key.
* "Vertrauensliste exportieren …": the next signed list into a file for the offices.

After every action, done or refused, the list is read again; a refusal also clears the
selection, so no button acts on a row that may no longer say what it said.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services.desk import Desk
from passapp.services.district_offices import (
    SILENT_DAYS_LIMITS,
    EnrolmentPreview,
    OfficeKeyView,
    OfficeList,
    OfficeRow,
)
from passapp.services.errors import ServiceError
from passapp.services.trust import EnrolmentResult
from passapp.ui import i18n
from passapp.ui.elide import TITLE_CHARS, elided
from passapp.ui.erase_dialog import ConfirmingDialog
from passapp.ui.row_table import RowTableModel
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, heading, label
from passapp.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
SILENT_COLOUR = "#b71c1c"
MIN_REASON = 5  # characters: "Laptop gestohlen", "Passwort weitergegeben"
REQUEST_FILTER = "(*.json)"
KIND_WIDTH = 140


def day(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local:%d.%m.%Y}"


def fixed_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def key_state(key: OfficeKeyView, now: dt.datetime) -> str:
    translate = QCoreApplication.translate
    if key.compromised_after is not None:
        return translate("offices_screen", "kompromittiert ab {day}").format(
            day=day(key.compromised_after)
        )
    if key.status == "pending":
        return translate("offices_screen", "beantragt")
    if key.status == "retired":
        return translate("offices_screen", "stillgelegt")
    if key.valid_until is not None and key.valid_until < now:
        return translate("offices_screen", "abgelaufen")
    return translate("offices_screen", "gültig")


def reportable_keys(office: OfficeRow) -> list[OfficeKeyView]:
    """Certified keys not reported yet: the ones a report can still stop."""
    return [k for k in office.keys if k.valid_from is not None and k.compromised_after is None]


class OfficeTableModel(RowTableModel[OfficeRow]):
    """The offices, one text per cell; besides, each column's sort key (``UserRole``), the
    alarm colour of a silent or compromised office and the whole name and state on hover."""

    # The day of enrolment stands in the details: at 150 % the row has no room for it.
    CODE, NAME, KIND, PLACE, LAST, DAYS, STATE = range(7)
    COLUMN_COUNT = 7

    def __init__(self) -> None:
        headers = (
            self.tr("Kennung"),
            self.tr("Dienststelle"),
            self.tr("Art"),
            self.tr("Gemeinde"),
            self.tr("Letztes Paket"),
            self.tr("Tage ohne Paket"),
            self.tr("Zustand"),
        )
        super().__init__(headers, self._cells)

    def office(self, number: int) -> OfficeRow:
        return self.row(number)

    def row_of(self, code: str) -> int | None:
        return next((n for n, row in enumerate(self.rows()) if row.code == code), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        office = self.row(index.row())
        if role == Qt.ItemDataRole.UserRole:  # what the column sorts by
            return self._sort_key(office, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self._alarming(office):
            return QBrush(QColor(SILENT_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.NAME, self.STATE):
            return self.cell_text(index)
        return super().data(index, role)

    @staticmethod
    def _alarming(office: OfficeRow) -> bool:
        return office.silent or any(k.compromised_after is not None for k in office.keys)

    def _cells(self, office: OfficeRow) -> tuple[str, ...]:
        days = office.days_without_bundle
        return (
            office.code,
            office.name,
            i18n.office_kind(office.kind, office.kind_de),
            office.municipality or "",
            day(office.last_bundle_at) if office.last_bundle_at else self.tr("noch keins"),
            "" if days is None else str(days),
            self._state(office),
        )

    def _state(self, office: OfficeRow) -> str:
        if office.is_district:
            return self.tr("eigene Dienststelle")
        parts = []
        if office.silent:
            parts.append(self.tr("STILL"))
        if any(k.compromised_after is not None for k in office.keys):
            parts.append(self.tr("kompromittiert"))
        return " · ".join(parts) or self.tr("in Ordnung")

    def _sort_key(self, office: OfficeRow, column: int) -> Any:
        if column == self.DAYS:
            return -1 if office.days_without_bundle is None else office.days_without_bundle
        if column == self.LAST:
            return office.last_bundle_at.isoformat() if office.last_bundle_at else ""
        if column == self.STATE:
            return (not office.silent, self._state(office))
        return self._cells(office)[column].casefold()


class SilentFilter(QSortFilterProxyModel):
    """Sorts by each column's own key; "nur stille" hides the offices that send."""

    def __init__(self, source: OfficeTableModel) -> None:
        super().__init__()
        self._source = source
        self.only_silent = False
        self.setSourceModel(source)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_only_silent(self, only: bool) -> None:
        self.beginFilterChange()
        self.only_silent = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _source_parent: Index) -> bool:
        return not self.only_silent or self._source.office(source_row).silent

    def lessThan(self, left: Index, right: Index) -> bool:
        role = Qt.ItemDataRole.UserRole
        return bool(self._source.data(left, role) < self._source.data(right, role))


def office_details_html(office: OfficeRow, now: dt.datetime) -> str:
    translate = QCoreApplication.translate
    facts = [
        (translate("offices_screen", "Art"), i18n.office_kind(office.kind, office.kind_de)),
        (translate("offices_screen", "Gemeinde"), office.municipality or ""),
        (translate("offices_screen", "Angemeldet am"), day(office.enrolled_on)),
        (
            translate("offices_screen", "Pakete erhalten"),
            translate("offices_screen", "{count}, zuletzt am {day}").format(
                count=office.bundles_received, day=day(office.last_bundle_at)
            )
            if office.last_bundle_at
            else translate("offices_screen", "noch keins"),
        ),
    ]
    rows = "".join(
        f"<tr><td style='color:#555555'>{html.escape(name)}</td><td>{html.escape(value)}</td></tr>"
        for name, value in facts
        if value
    )
    columns = (
        translate("offices_screen", "Schlüssel"),
        translate("offices_screen", "Fingerabdruck"),
        translate("offices_screen", "gültig ab"),
        translate("offices_screen", "gültig bis"),
        translate("offices_screen", "Zustand"),
    )
    head = "".join(f"<th align='left'>{html.escape(text)}</th>" for text in columns)
    keys = "".join(
        f"<tr><td>{key.key_id}</td><td><tt>{html.escape(key.fingerprint)}</tt></td>"
        f"<td>{day(key.valid_from)}</td><td>{day(key.valid_until)}</td>"
        f"<td>{html.escape(key_state(key, now))}</td></tr>"
        for key in office.keys
    )
    title = f"<b>{html.escape(office.code)} – {html.escape(office.name)}</b>"
    if office.silent:
        title += " – " + html.escape(
            translate("offices_screen", "still: seit {days} Tagen kein Paket").format(
                days=office.days_without_bundle
            )
        )
    return (
        f"<p>{title}</p><table cellspacing='2'>{rows}</table>"
        f"<table cellspacing='4'><tr>{head}</tr>{keys}</table>"
    )


class OfficesScreen(QDialog):
    """The district admin's offices (see the module docstring)."""

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._folder = desk.output_folder or Path.home()
        self.listed: OfficeList | None = None
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Dienststellen"))
        self.setAccessibleName(self.tr("Dienststellen"))
        self.offices = OfficeTableModel()
        self.sorted = SilentFilter(self.offices)
        self.table = self._build_table()
        self.only_silent = QCheckBox(self.tr("&nur stille"))
        self.only_silent.setAccessibleName(self.tr("Nur stille Dienststellen zeigen"))
        self.only_silent.toggled.connect(self._filter)
        self.silent_days = QSpinBox()
        self.silent_days.setRange(SILENT_DAYS_LIMITS.start, SILENT_DAYS_LIMITS.stop - 1)
        self.silent_days.setSuffix(self.tr(" Tagen"))
        self.silent_days.setAccessibleName(self.tr("Still nach Tagen ohne Paket"))
        self.save_days_button = QPushButton(self.tr("Frist &speichern"))
        self.save_days_button.clicked.connect(self.save_silent_days)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Einzelheiten und Schlüssel der Dienststelle"))
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(90)
        self.message = label(accessible_name=self.tr("Meldung"))
        self.enrol_button = QPushButton(self.tr("&Anmeldung einspielen …"))
        self.compromise_button = QPushButton(self.tr("Schlüssel als &kompromittiert melden …"))
        self.trust_list_button = QPushButton(self.tr("&Vertrauensliste exportieren …"))
        self.close_button = QPushButton(self.tr("Schließen"))
        for widget in (
            self.enrol_button,
            self.compromise_button,
            self.trust_list_button,
            self.save_days_button,
            self.close_button,
        ):
            widget.setAutoDefault(False)  # Enter starts nothing on this screen
        self.enrol_button.clicked.connect(self.enrol)
        self.compromise_button.clicked.connect(self.report_compromise)
        self.trust_list_button.clicked.connect(self.export_trust_list)
        self.close_button.clicked.connect(self.reject)
        self._lay_out()
        fit_to_screen(self, 1100, 640)
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.sorted)
        table.setAccessibleName(self.tr("Dienststellen"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(OfficeTableModel.CODE, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(OfficeTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        # A long kind ("Migrationsberatung für erwachsene Zugewanderte (MBE)") would squeeze
        # the name: a fixed width, cut with "…", the whole kind in the details below.
        columns.setSectionResizeMode(OfficeTableModel.KIND, QHeaderView.ResizeMode.Interactive)
        columns.resizeSection(OfficeTableModel.KIND, KIND_WIDTH)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        return table

    def _lay_out(self) -> None:
        setting = QHBoxLayout()
        setting.addWidget(self.only_silent)
        setting.addStretch(1)
        days_label = QLabel(self.tr("S&till nach mehr als"))
        days_label.setBuddy(self.silent_days)
        setting.addWidget(days_label)
        setting.addWidget(self.silent_days)
        setting.addWidget(QLabel(self.tr("ohne Paket")))
        setting.addWidget(self.save_days_button)
        actions = QHBoxLayout()
        for widget in (self.enrol_button, self.compromise_button, self.trust_list_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Dienststellen")))
        layout.addLayout(setting)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.setFocus()  # ↑/↓ choose an office at once

    # --- the list ------------------------------------------------------------------------

    def reload(self, select_code: str | None = None) -> None:
        """Read the offices again (a quick read) and select ``select_code`` or nothing."""
        try:
            self.listed = self._desk.list_offices()
        except ServiceError as error:  # a refusal (logged out): said, not raised
            self.listed = None
            self.say(i18n.error_text(error), error=True)
        self.offices.set_rows(list(self.listed.offices) if self.listed else [])
        if self.listed is not None:
            self.silent_days.setValue(self.listed.silent_after_days)
        self.table.clearSelection()
        row = self.offices.row_of(select_code) if select_code else None
        if row is not None:
            shown = self.sorted.mapFromSource(self.offices.index(row, 0))
            if shown.isValid():
                self.table.selectRow(shown.row())
        self._on_selection()

    def _filter(self, only: bool) -> None:
        self.sorted.set_only_silent(only)
        self.table.clearSelection()
        self._on_selection()

    def selected(self) -> OfficeRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.offices.office(self.sorted.mapToSource(rows[0]).row())

    def _on_selection(self) -> None:
        office = self.selected()
        now = self._desk.now()
        self.details.setHtml(
            office_details_html(office, now)
            if office
            else self.tr("Eine Dienststelle wählen, um ihre Schlüssel zu sehen.")
        )
        self.compromise_button.setEnabled(office is not None and bool(reportable_keys(office)))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)

    def _after(self, text: str, code: str | None = None) -> None:
        self.reload(select_code=code)
        self.say(text)

    def _refused(self, error: Exception) -> None:
        self.reload()
        self.say(i18n.error_text(error), error=True)

    # --- the setting ---------------------------------------------------------------------

    def save_silent_days(self) -> None:
        desk, days = self._desk, self.silent_days.value()
        self.save_days_button.setEnabled(False)

        def done(stored: int) -> None:
            self.save_days_button.setEnabled(True)
            self._after(
                self.tr("Still heißt jetzt: mehr als {days} Tage ohne Paket.").format(days=stored)
            )

        def failed(error: Exception) -> None:
            self.save_days_button.setEnabled(True)
            self._refused(error)

        self._tasks.run(lambda _progress: desk.set_silent_days(days), done, failed)

    # --- enrolment -----------------------------------------------------------------------

    def enrol(self) -> EnrolDialog | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Anmeldeantrag der Dienststelle wählen"),
            str(self._folder),
            self.tr("Anmeldeanträge {extensions};;Alle Dateien (*)").format(
                extensions=REQUEST_FILTER
            ),
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        try:
            preview = self._desk.preview_enrolment(path)
        except (ServiceError, InputError) as error:  # a foreign or damaged file, a refusal
            self._refused(error)
            self.say(f"{path.name}: {i18n.error_text(error)}", error=True)
            return None
        dialog = EnrolDialog(self._desk, self._tasks, path, preview, self)
        dialog.enrolled.connect(self._on_enrolled)
        dialog.rejected.connect(lambda: self.reload())
        self._open(dialog)
        return dialog

    def _on_enrolled(self, result: EnrolmentResult, package: Path) -> None:
        retired = "".join(
            self.tr(" Alter Schlüssel {key} stillgelegt.").format(key=key)
            for key in result.retired_key_ids
        )
        self._after(
            self.tr(
                "{code} angemeldet (Schlüssel {key}, gültig bis {day}). Zertifikatspaket: "
                "{path}.{retired}"
            ).format(
                code=result.office_code,
                key=result.key_id,
                day=day(result.valid_until),
                path=package,
                retired=retired,
            ),
            result.office_code,
        )

    # --- compromised key -----------------------------------------------------------------

    def report_compromise(self) -> CompromiseDialog | None:
        office = self.selected()
        if office is None or not reportable_keys(office):
            return None
        dialog = CompromiseDialog(self._desk, self._tasks, office, self)
        code = office.code
        dialog.reported.connect(
            lambda number: self._after(
                self.tr(
                    "Schlüssel gemeldet; Vertrauensliste Nr. {number}. Sie geht mit dem "
                    "nächsten Paket an alle Dienststellen."
                ).format(number=number),
                code,
            )
        )
        dialog.rejected.connect(lambda: self.reload(select_code=code))
        self._open(dialog)
        return dialog

    # --- trust list ----------------------------------------------------------------------

    def export_trust_list(self) -> None:
        suggested = self._folder / f"Vertrauensliste-{self._desk.today():%Y-%m-%d}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Vertrauensliste speichern"),
            str(suggested),
            self.tr("Vertrauenslisten {extensions}").format(extensions=REQUEST_FILTER),
        )
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        desk = self._desk
        self.trust_list_button.setEnabled(False)

        def done(number: int) -> None:
            self.trust_list_button.setEnabled(True)
            self._after(
                self.tr("Vertrauensliste Nr. {number} gespeichert: {path}").format(
                    number=number, path=path
                )
            )

        def failed(error: Exception) -> None:
            self.trust_list_button.setEnabled(True)
            self._refused(error)

        self._tasks.run(lambda _progress: desk.export_trust_list(path), done, failed)

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()


class EnrolDialog(ConfirmingDialog):
    """What the request says, for the phone call; then the certificate package."""

    enrolled = Signal(object, object)  # EnrolmentResult, the package's path

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        request: Path,
        preview: EnrolmentPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tasks,
            self.tr("Anmeldung von {code}").format(code=preview.office_code),
            self.tr("Zertifikatspaket &schreiben …"),
            parent,
        )
        self._desk = desk
        self._request = request
        self._preview = preview
        self.body.addWidget(heading(self.tr("Anmeldung einer Dienststelle")))
        form = QFormLayout()
        form.addRow(self.tr("Kennung:"), self._value(preview.office_code))
        form.addRow(self.tr("Name:"), self._value(preview.office_name))
        form.addRow(self.tr("Art:"), self._value(i18n.office_kind(preview.kind, preview.kind_de)))
        if preview.municipality:
            form.addRow(self.tr("Gemeinde:"), self._value(preview.municipality))
        self.fingerprint = self._value(preview.fingerprint)
        big = fixed_font()  # read aloud digit by digit: large and bold
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.fingerprint.setFont(big)
        form.addRow(self.tr("Fingerabdruck des Schlüssels:"), self.fingerprint)
        self.body.addLayout(form)
        self.situation = label(accessible_name=self.tr("Was die Anmeldung bewirkt"))
        self.body.addWidget(self.situation)
        self.replace_box = QCheckBox(
            self.tr(
                "Die Dienststelle wurde neu installiert: den bisherigen Schlüssel stilllegen "
                "(er bleibt für schon ausgestellte Pässe gültig)"
            )
        )
        self.compared_box = QCheckBox(
            self.tr("Fingerabdruck mit der Dienststelle am Telefon &verglichen: er stimmt überein")
        )
        self.body.addWidget(self.replace_box)
        self.body.addWidget(self.compared_box)
        self._describe()
        self.compared_box.toggled.connect(self._enable)
        self._enable()
        self.finish_layout()
        self.fit()

    @staticmethod
    def _value(text: str) -> QLabel:
        shown = QLabel(text)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAccessibleName(text)
        return shown

    def _describe(self) -> None:
        preview = self._preview
        taken = bool(preview.live_fingerprints) and not preview.renewal
        self.replace_box.setVisible(taken)
        if preview.renewal:
            text = self.tr(
                "Neuer Schlüssel einer angemeldeten Dienststelle (vom bisherigen bestätigt). "
                "Der bisherige bleibt für seine Pässe bis zu seinem Ablauf gültig."
            )
        elif taken:
            text = self.tr(
                "Achtung: Die Kennung {code} hat bereits einen gültigen Schlüssel "
                "(Fingerabdruck {fingerprints}). Eine Kennung gehört einer Dienststelle auf "
                "Dauer. Nur wenn diese Dienststelle neu installiert wurde, den Haken unten setzen."
            ).format(code=preview.office_code, fingerprints=", ".join(preview.live_fingerprints))
        else:
            text = self.tr("Die Dienststelle wird neu angemeldet.")
        self.situation.setText(text)
        self.situation.setStyleSheet(ERROR_STYLE if taken else HINT_STYLE)

    def _enable(self) -> None:
        self.act_button.setEnabled(self.compared_box.isChecked())

    def act(self) -> None:
        if not self.compared_box.isChecked():
            return
        suggested = self._request.parent / f"Zertifikatspaket-{self._preview.office_code}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Zertifikatspaket speichern"),
            str(suggested),
            self.tr("Zertifikatspakete {extensions}").format(extensions=REQUEST_FILTER),
        )
        if not chosen:
            return
        out = Path(chosen)
        desk, request, replace = self._desk, self._request, self.replace_box.isChecked()
        self.set_busy(True)

        def done(result: EnrolmentResult) -> None:
            self.set_busy(False)
            self.enrolled.emit(result, out)
            self.accept()

        self._tasks.run(
            lambda _progress: desk.enrol_office(request, out, replace_key=replace),
            done,
            self._refused,
        )

    def _refused(self, error: Exception) -> None:
        """Said in the dialog; the same file would be refused again, so only Abbrechen acts."""
        self.failed(error)
        self.compared_box.setChecked(False)
        self.compared_box.setEnabled(False)
        self.replace_box.setEnabled(False)
        self.act_button.setEnabled(False)


class CompromiseDialog(ConfirmingDialog):
    """Since when, why, and a ticked sentence naming office and key."""

    reported = Signal(int)  # the new trust list's number

    def __init__(
        self, desk: Desk, tasks: TaskRunner, office: OfficeRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tasks,
            self.tr("Schlüssel von {code} als kompromittiert melden").format(code=office.code),
            self.tr("Als &kompromittiert melden"),
            parent,
        )
        self._desk = desk
        self._office = office
        self.body.addWidget(heading(self.tr("Schlüssel als kompromittiert melden")))
        self.body.addWidget(
            label(
                self.tr(
                    "Pässe, die der Schlüssel ab dem gewählten Zeitpunkt signiert, werden überall "
                    "abgelehnt; die Dienststelle kann erst mit einem neuen Schlüssel wieder Pässe "
                    "ausstellen. Die Meldung kann nicht zurückgenommen werden."
                ),
                self.tr("Was die Meldung bewirkt"),
            )
        )
        self.key_choice = QComboBox()
        self.key_choice.setAccessibleName(self.tr("Schlüssel"))
        for key in reportable_keys(office):
            self.key_choice.addItem(
                self.tr("Schlüssel {key} – {fingerprint}").format(
                    key=key.key_id, fingerprint=key.fingerprint
                ),
                key.key_id,
            )
        self.key_choice.setFont(fixed_font())
        now = desk.now()
        self.since = QDateTimeEdit(QDateTime(now.astimezone()))
        self.since.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.since.setCalendarPopup(True)
        self.since.setMaximumDateTime(QDateTime(now.astimezone()))
        self.since.setAccessibleName(self.tr("Kompromittiert seit"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Begründung"))
        self.reason.setPlaceholderText(self.tr("z. B. Laptop gestohlen, Passwort weitergegeben"))
        form = QFormLayout()
        form.addRow(self.tr("&Schlüssel:"), self.key_choice)
        form.addRow(self.tr("Sei&t:"), self.since)
        form.addRow(self.tr("&Begründung:"), self.reason)
        self.body.addLayout(form)
        self.confirm_box = QCheckBox()
        self.body.addWidget(self.confirm_box)
        self.key_choice.currentIndexChanged.connect(self._name_key)
        self.since.dateTimeChanged.connect(self._name_key)
        self.reason.textChanged.connect(self._enable)
        self.confirm_box.toggled.connect(self._enable)
        self._name_key()
        self.finish_layout()
        self.fit()

    def _name_key(self) -> None:
        """The ticked sentence names exactly what will be reported; a change unticks it."""
        office = self._office
        self.confirm_box.setChecked(False)
        self.confirm_box.setText(
            self.tr(
                "&Ja: Schlüssel {key} der Dienststelle {code} – {name} ist ab {since} "
                "kompromittiert."
            ).format(
                key=self.key_choice.currentData(),
                code=office.code,
                name=elided(office.name, TITLE_CHARS),  # a check box does not wrap
                since=self.since.dateTime().toString("dd.MM.yyyy HH:mm"),
            )
        )
        self._enable()

    def _enable(self) -> None:
        ready = self.confirm_box.isChecked() and len(self.reason.text().strip()) >= MIN_REASON
        self.act_button.setEnabled(ready)

    def act(self) -> None:
        if len(self.reason.text().strip()) < MIN_REASON:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Bitte kurz begründen, warum der Schlüssel verloren ist."))
            return
        if not self.confirm_box.isChecked():
            return
        desk, code = self._desk, self._office.code
        key_id = int(self.key_choice.currentData())
        since = self.since.dateTime().toPython()
        assert isinstance(since, dt.datetime)
        after = since.astimezone(dt.UTC)
        reason = self.reason.text()
        self.set_busy(True)

        def done(number: int) -> None:
            self.set_busy(False)
            self.reported.emit(number)
            self.accept()

        self._tasks.run(
            lambda _progress: desk.mark_key_compromised(code, key_id, after, reason),
            done,
            self._refused,
        )

    def _refused(self, error: Exception) -> None:
        self.failed(error)
        self.confirm_box.setChecked(False)


def open_offices_screen(desk: Desk, tasks: TaskRunner, parent: QWidget) -> OfficesScreen | None:
    """The district's offices, if this account may see them (the menu shows it only then)."""
    if not desk.may("list_offices") or not desk.is_district():
        return None
    screen = OfficesScreen(desk, tasks, parent)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.open()
    return screen
