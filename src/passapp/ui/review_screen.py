"""Verwaltung → Mögliche Doppelte und Konflikte: the district admin's review (issue 11).

Two tabs:

* **Mögliche Doppelte**: pairs of records that may be one person (``Desk.possible_duplicates``,
  a few seconds at 100,000 persons, so it runs on the app's worker), best first, with the
  score and the reasons; the chosen pair side by side (names also in the original script,
  birth date with its unknown parts, sex, nationality, office, passes, entries), values
  that differ in bold. "Zusammenführen …" opens :class:`~passapp.ui.merge_dialog.MergeDialog`;
  "Keine Doppelten …" asks once and records the decision (``Desk.dismiss_duplicate``).
  After a merge, a dismissal or a refusal the list is read again and nothing stays
  selected: the next action starts from a fresh choice. "Verworfene Paare …" opens
  :class:`DismissedPairsDialog`: the pairs decided "verschieden", with who and when;
  "Wieder prüfen …" asks once and takes the decision back (``Desk.take_back_dismissal``),
  and the pair is searched for again.
* **Konflikte**: changes that lost against another office's change (``Desk.list_conflicts``),
  the value that applies beside the one kept for review, with the offices and the time.
  "Übernommenen Wert behalten" closes the chosen conflict; "Anderen Wert übernehmen …"
  asks first (naming both values, Abbrechen the default) and makes the other value the
  record's, as a change that travels with the next bundle (``Desk.resolve_conflict``).
  After either the list is read again and nothing stays selected; a refusal (another
  office's record, a value changed since) is said in German.

Only the district's admin sees the screen (``desk.may("possible_duplicates")``). Enter in
the untouched screen closes it (the default button); no action button takes Enter.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.duplicates import Reason
from passapp.services.desk import ConflictView, Desk
from passapp.services.duplicates import (
    PAGE,
    DismissedPair,
    DuplicateList,
    DuplicatePair,
    RecordSide,
    SideState,
)
from passapp.services.merges import MergeResult
from passapp.ui import i18n
from passapp.ui.ask_first import ask_first
from passapp.ui.elide import NAME_CHARS, ElidedLabel, elided
from passapp.ui.form_fields import day_text
from passapp.ui.merge_dialog import MergeDialog, side_name
from passapp.ui.peer_table import clock_time
from passapp.ui.row_table import Row, RowTableModel
from passapp.ui.screen import ScrollingPane, fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, button_row, label
from passapp.ui.tasks import TaskRunner

# A cell or tooltip shows at most this much of a value (a legal name can be very long).
CELL_CHARS = 80
TIP_CHARS = 400


def _t(text: object) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP`` (typed as object in PySide6), translated."""
    return QCoreApplication.translate("review_screen", str(text))


REASON_TEXTS = {
    Reason.NAME_SAME: QT_TRANSLATE_NOOP("review_screen", "Name gleich"),
    Reason.NAME_PHONETIC: QT_TRANSLATE_NOOP("review_screen", "Name gleich (phonetisch)"),
    Reason.NAME_SIMILAR: QT_TRANSLATE_NOOP("review_screen", "Name ähnlich"),
    Reason.NAME_SWAPPED: QT_TRANSLATE_NOOP("review_screen", "Vor- und Familienname vertauscht"),
    Reason.NAME_PART_MISSING: QT_TRANSLATE_NOOP("review_screen", "weiterer Name bei einem Eintrag"),
    Reason.ORIGINAL_SAME: QT_TRANSLATE_NOOP("review_screen", "Name in Originalschrift gleich"),
    Reason.BIRTH_SAME: QT_TRANSLATE_NOOP("review_screen", "Geburtsdatum gleich"),
    Reason.BIRTH_DAY_UNKNOWN: QT_TRANSLATE_NOOP(
        "review_screen", "Geburtsmonat gleich, Tag unbekannt"
    ),
    Reason.BIRTH_MONTH_UNKNOWN: QT_TRANSLATE_NOOP(
        "review_screen", "Geburtsjahr gleich, Tag und Monat unbekannt"
    ),
    Reason.SEX_SAME: QT_TRANSLATE_NOOP("review_screen", "Geschlecht gleich"),
    Reason.SEX_DIFFERENT: QT_TRANSLATE_NOOP("review_screen", "Geschlecht verschieden"),
    Reason.NATIONALITY_SAME: QT_TRANSLATE_NOOP("review_screen", "Staatsangehörigkeit gleich"),
}
SEX_TEXTS = {
    "f": QT_TRANSLATE_NOOP("review_screen", "weiblich"),
    "m": QT_TRANSLATE_NOOP("review_screen", "männlich"),
    "d": QT_TRANSLATE_NOOP("review_screen", "divers"),
    "x": QT_TRANSLATE_NOOP("review_screen", "ohne Angabe"),
}
PASS_STATUS_TEXTS = {
    "active": QT_TRANSLATE_NOOP("review_screen", "gültig"),
    "replaced": QT_TRANSLATE_NOOP("review_screen", "ersetzt"),
    "revoked": QT_TRANSLATE_NOOP("review_screen", "widerrufen"),
}


def reason_text(reason: Reason) -> str:
    return _t(REASON_TEXTS[reason])


def reasons_text(pair: DuplicatePair) -> str:
    return " · ".join(reason_text(reason) for reason in pair.reasons)


def sex_text(code: str | None) -> str:
    if code in SEX_TEXTS:
        return _t(SEX_TEXTS[code])
    return QCoreApplication.translate("review_screen", "unbekannt")


def _display(text: str) -> str:
    return elided(text, CELL_CHARS)


def _tip(text: str) -> str:
    return elided(text, TIP_CHARS) if len(text) > CELL_CHARS else ""


def _list_model(
    headers: Sequence[str], cells: Callable[[Row], Sequence[str]]
) -> RowTableModel[Row]:
    """A read-only list whose long cells are shortened with "…", whole in the tooltip."""
    return RowTableModel(headers, cells, display=_display, tooltip=_tip)


def _pair_cells(pair: DuplicatePair) -> tuple[str, ...]:
    offices = (
        pair.first.office_code
        if pair.same_office
        else f"{pair.first.office_code} / {pair.second.office_code}"
    )
    return (
        str(pair.score),
        side_name(pair.first, TIP_CHARS),
        side_name(pair.second, TIP_CHARS),
        offices,
    )


FIT = QHeaderView.ResizeMode.ResizeToContents
SHARE = QHeaderView.ResizeMode.Stretch


def _table(
    model: QAbstractTableModel, accessible_name: str, modes: Sequence[QHeaderView.ResizeMode]
) -> QTableView:
    """A read-only list, one row chosen at a time; ``modes``: how each column is sized
    (long values share the width and are shortened with "…", whole in the tooltip)."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    columns = table.horizontalHeader()
    columns.setTextElideMode(Qt.TextElideMode.ElideRight)
    for number, mode in enumerate(modes):
        columns.setSectionResizeMode(number, mode)
    return table


# --- the pair side by side -------------------------------------------------------------------


def _side_values(side: RecordSide) -> list[str]:
    original = " ".join(p for p in (side.family_names_original, side.given_names_original) if p)
    passes = ", ".join(f"{line.pass_number} ({_pass_status(line.status)})" for line in side.passes)
    return [
        side.family_names,
        side.given_names,
        original or "–",
        side.birth_date.german(),
        sex_text(side.sex),
        ", ".join(side.nationalities) or "–",
        f"{side.office_code} – {side.office_name}",
        day_text(side.registered_on),
        passes or QCoreApplication.translate("review_screen", "keiner"),
        str(side.entries),
    ]


def _pass_status(status: str) -> str:
    return _t(PASS_STATUS_TEXTS[status]) if status in PASS_STATUS_TEXTS else status


class PairComparison(QWidget):
    """The chosen pair's two records in two columns; differing values in bold."""

    ROWS = (
        QT_TRANSLATE_NOOP("review_screen", "Familienname"),
        QT_TRANSLATE_NOOP("review_screen", "Vornamen"),
        QT_TRANSLATE_NOOP("review_screen", "Originalschrift"),
        QT_TRANSLATE_NOOP("review_screen", "Geburtsdatum"),
        QT_TRANSLATE_NOOP("review_screen", "Geschlecht"),
        QT_TRANSLATE_NOOP("review_screen", "Staatsangehörigkeit"),
        QT_TRANSLATE_NOOP("review_screen", "Dienststelle"),
        QT_TRANSLATE_NOOP("review_screen", "Erfasst am"),
        QT_TRANSLATE_NOOP("review_screen", "Pässe"),
        QT_TRANSLATE_NOOP("review_screen", "Einträge"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.headers = (QLabel(self.tr("Eintrag 1")), QLabel(self.tr("Eintrag 2")))
        for column, header in enumerate(self.headers, start=1):
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        self.cells: list[tuple[ElidedLabel, ElidedLabel]] = []
        for number, caption in enumerate(self.ROWS, start=1):
            grid.addWidget(QLabel(_t(caption) + ":"), number, 0)
            pair = (ElidedLabel(), ElidedLabel())
            for column, cell in enumerate(pair, start=1):
                cell.setAccessibleName(
                    self.tr("{field}, Eintrag {number}").format(field=_t(caption), number=column)
                )
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, number, column)
            self.cells.append(pair)
        self.reasons = label(accessible_name=self.tr("Gründe"), style=HINT_STYLE)
        grid.addWidget(self.reasons, len(self.ROWS) + 1, 0, 1, 3)
        grid.setRowStretch(len(self.ROWS) + 2, 1)

    def show_pair(self, pair: DuplicatePair | None) -> None:
        first = _side_values(pair.first) if pair else [""] * len(self.ROWS)
        second = _side_values(pair.second) if pair else [""] * len(self.ROWS)
        for (left, right), one, other in zip(self.cells, first, second, strict=True):
            for cell, text in ((left, one), (right, other)):
                # The font first: the label shortens the text to what fits in its font.
                font = QFont(cell.font())
                font.setBold(pair is not None and one != other)
                cell.setFont(font)
                cell.set_full_text(text)
        self.reasons.setText(
            self.tr("Übereinstimmung {score}: {reasons}").format(
                score=pair.score, reasons=reasons_text(pair)
            )
            if pair
            else self.tr("Ein Paar in der Liste wählen, um beide Einträge zu vergleichen.")
        )


# --- conflicts ------------------------------------------------------------------------------

FIELD_NAMES = {
    "family_names": QT_TRANSLATE_NOOP("review_screen", "Familienname"),
    "given_names": QT_TRANSLATE_NOOP("review_screen", "Vornamen"),
    "family_names_latin": QT_TRANSLATE_NOOP("review_screen", "Familienname (Suchform)"),
    "given_names_latin": QT_TRANSLATE_NOOP("review_screen", "Vornamen (Suchform)"),
    "birth_date": QT_TRANSLATE_NOOP("review_screen", "Geburtsdatum"),
    "arrival_date": QT_TRANSLATE_NOOP("review_screen", "Einreise"),
    "sex": QT_TRANSLATE_NOOP("review_screen", "Geschlecht"),
    "nationalities": QT_TRANSLATE_NOOP("review_screen", "Staatsangehörigkeit"),
    "languages": QT_TRANSLATE_NOOP("review_screen", "Sprachen"),
    "municipality_key": QT_TRANSLATE_NOOP("review_screen", "Gemeinde"),
    "contact": QT_TRANSLATE_NOOP("review_screen", "Kontakt"),
    "consent": QT_TRANSLATE_NOOP("review_screen", "Einwilligung"),
    "learner_profile": QT_TRANSLATE_NOOP("review_screen", "Bildungsprofil"),
    "status": QT_TRANSLATE_NOOP("review_screen", "Status"),
    "generation": QT_TRANSLATE_NOOP("review_screen", "Kartengeneration"),
    "revoked_on": QT_TRANSLATE_NOOP("review_screen", "Widerrufen am"),
    "revoke_reason": QT_TRANSLATE_NOOP("review_screen", "Widerrufsgrund"),
}
RECORD_KINDS = {
    "person": QT_TRANSLATE_NOOP("review_screen", "Person"),
    "pass": QT_TRANSLATE_NOOP("review_screen", "Pass"),
    "pass_card": QT_TRANSLATE_NOOP("review_screen", "Karte"),
    "entry": QT_TRANSLATE_NOOP("review_screen", "Eintrag"),
}


def value_text(kept: Any) -> str:
    """A conflict's value ({"value": …, "origin": …}) as one line."""
    value = kept.get("value") if isinstance(kept, dict) else kept
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        yes = QCoreApplication.translate("review_screen", "ja")
        return yes if value else QCoreApplication.translate("review_screen", "nein")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def origin_text(kept: Any) -> str:
    return str(kept.get("origin") or "?") if isinstance(kept, dict) else "?"


def _conflict_cells(conflict: ConflictView) -> tuple[str, ...]:
    kind = _t(RECORD_KINDS.get(conflict.entity_type, conflict.entity_type))
    record = f"{kind}: {conflict.record}" if conflict.record else kind
    return (
        record,
        _t(FIELD_NAMES.get(conflict.field, conflict.field)),
        f"{value_text(conflict.applied)} ({origin_text(conflict.applied)})",
        f"{value_text(conflict.kept)} ({origin_text(conflict.kept)})",
        clock_time(dt.datetime.fromisoformat(conflict.detected_at)),
    )


# --- the screen ----------------------------------------------------------------------------


class ReviewScreen(QDialog):
    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._loading = 0  # the number of the newest search; older results are dropped
        self._closed = False  # a task's result arriving after closing goes to nobody
        self.setWindowTitle(self.tr("Mögliche Doppelte und Konflikte"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Prüflisten"))
        self.tabs.addTab(self._duplicates_tab(), self.tr("Mögliche &Doppelte"))
        self.tabs.addTab(self._conflicts_tab(), self.tr("&Konflikte"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)  # Enter in the untouched screen only closes it
        fit_to_screen(self, 1200, 680)
        self.reload()
        self.reload_conflicts()

    def done(self, result: int) -> None:
        self._closed = True  # the screen is deleted on closing: its widgets with it
        super().done(result)

    def _open(self, callback: Callable[..., None]) -> Callable[..., None]:
        """``callback``, unless the screen was closed before the worker was back."""

        def deliver(*args: Any) -> None:
            if not self._closed:
                callback(*args)

        return deliver

    # --- possible duplicates -----------------------------------------------------------------

    def _duplicates_tab(self) -> QWidget:
        self.pairs = _list_model(
            [
                self.tr("Übereinst."),
                self.tr("Eintrag 1"),
                self.tr("Eintrag 2"),
                self.tr("Dienststellen"),
            ],
            _pair_cells,
        )
        self.pair_table = _table(
            self.pairs, self.tr("Mögliche Doppelte"), (FIT, SHARE, SHARE, FIT, SHARE)
        )
        self.pair_table.selectionModel().selectionChanged.connect(lambda *_: self._on_chosen())
        self.comparison = PairComparison()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pair_table)
        splitter.addWidget(ScrollingPane(self.comparison))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.pairs_status = label(accessible_name=self.tr("Stand der Suche"), style=HINT_STYLE)
        self.pairs_message = label(accessible_name=self.tr("Meldung"))
        self.merge_button = QPushButton(self.tr("&Zusammenführen …"))
        self.dismiss_button = QPushButton(self.tr("Keine Doppelten (&verschieden) …"))
        self.reload_button = QPushButton(self.tr("&Neu suchen"))
        self.dismissed_button = QPushButton(self.tr("Verworfene &Paare …"))
        self.merge_button.clicked.connect(self.merge)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.reload_button.clicked.connect(self.reload)
        self.dismissed_button.clicked.connect(self.show_dismissed)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.pairs_status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.pairs_message)
        layout.addLayout(
            button_row(
                self.merge_button, self.dismiss_button, self.reload_button, self.dismissed_button
            )
        )
        return tab

    def reload(self) -> None:
        """Search again (on the worker); until it is back nothing can be chosen."""
        self._loading += 1
        number = self._loading
        self.pairs.set_rows([])
        self._on_chosen()
        self.reload_button.setEnabled(False)
        self.pairs_status.setText(self.tr("Es wird nach möglichen Doppelten gesucht …"))
        desk = self._desk
        self._tasks.run(
            lambda _progress: desk.possible_duplicates(PAGE),
            self._open(lambda found: self._show_pairs(number, found)),
            self._open(lambda error: self._search_failed(number, error)),
        )

    def _show_pairs(self, number: int, found: DuplicateList) -> None:
        if number != self._loading:
            return  # a newer search is under way
        self.reload_button.setEnabled(True)
        self.pairs.set_rows(found.pairs)
        self.pair_table.clearSelection()
        self._on_chosen()
        if not found.total:
            status = self.tr("Keine möglichen Doppelten gefunden.")
        elif found.total == 1:
            status = self.tr("Ein Paar möglicher Doppelter.")
        else:
            status = self.tr("{total} Paare möglicher Doppelter, die wahrscheinlichsten zuerst.")
            status = status.format(total=found.total)
            if found.total > len(found.pairs):
                status += " " + self.tr("Gezeigt: {shown}.").format(shown=len(found.pairs))
        if found.dismissed:
            status += " " + self.tr("Als verschiedene Personen entschieden: {count}.").format(
                count=found.dismissed
            )
        self.pairs_status.setText(status)

    def _search_failed(self, number: int, error: Exception) -> None:
        if number != self._loading:
            return
        self.reload_button.setEnabled(True)
        self.pairs_status.setText("")
        self.say(i18n.error_text(error), error=True)

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.pair_table.selectionModel().selectedRows()
        return self.pairs.row(rows[0].row()) if rows else None

    def _on_chosen(self) -> None:
        pair = self.selected_pair()
        self.comparison.show_pair(pair)
        self.merge_button.setEnabled(pair is not None)
        self.dismiss_button.setEnabled(pair is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.pairs_message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.pairs_message.setText(text)

    def merge(self) -> MergeDialog | None:
        pair = self.selected_pair()
        if pair is None:
            return None
        dialog = MergeDialog(self._desk, self._tasks, pair, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._open(self._merged))
        dialog.refused.connect(self._open(self._refused))
        dialog.open()
        return dialog

    def _merged(self, result: MergeResult) -> None:
        note = self.tr("Zusammengeführt.")
        if len(result.active_passes) > 1:
            note += " " + self.tr(
                "Gültige Pässe beider Einträge: {numbers} – die ausstellende Dienststelle kann "
                "einen davon widerrufen."
            ).format(numbers=", ".join(result.active_passes))
        self.say(note)
        self.reload()

    def _refused(self, error: Exception) -> None:
        self.say(i18n.error_text(error), error=True)
        self.reload()

    def dismiss(self) -> QMessageBox | None:
        """Asks first (Abbrechen is the default): the pair is not listed again."""
        pair = self.selected_pair()
        if pair is None:
            return None
        return ask_first(
            self,
            self.tr("Keine Doppelten"),
            self.tr(
                "{first} und {second} sind verschiedene Personen? Das Paar wird danach nicht "
                "mehr als mögliche Doppelte gezeigt."
            ).format(first=side_name(pair.first), second=side_name(pair.second)),
            self.tr("Verschieden"),
            lambda confirmed: self._dismiss(pair, confirmed),
        )

    def _dismiss(self, pair: DuplicatePair, confirmed: bool) -> None:
        if not confirmed:
            return
        desk, first, second = self._desk, pair.first.id, pair.second.id
        self._tasks.run(
            lambda _progress: desk.dismiss_duplicate(first, second),
            self._open(lambda _none: self._dismissed()),
            self._open(self._refused),
        )

    def _dismissed(self) -> None:
        self.say(self.tr("Als verschiedene Personen vermerkt."))
        self.reload()

    def show_dismissed(self) -> DismissedPairsDialog:
        """The pairs decided "verschieden"; a pair taken back there is searched for again."""
        dialog = DismissedPairsDialog(self._desk, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.taken_back.connect(self._open(self._taken_back))
        dialog.open()
        return dialog

    def _taken_back(self) -> None:
        self.say(self.tr("Entscheidung zurückgenommen: das Paar wird wieder geprüft."))
        self.reload()

    # --- conflicts ---------------------------------------------------------------------------

    def _conflicts_tab(self) -> QWidget:
        self.conflicts = _list_model(
            [
                self.tr("Datensatz"),
                self.tr("Feld"),
                self.tr("Gilt (Stelle)"),
                self.tr("Zurückgestellt (Stelle)"),
                self.tr("Erkannt"),
            ],
            _conflict_cells,
        )
        self.conflict_table = _table(
            self.conflicts, self.tr("Konflikte"), (SHARE, FIT, SHARE, SHARE, FIT)
        )
        self.conflict_table.selectionModel().selectionChanged.connect(
            lambda *_: self._on_conflict_chosen()
        )
        self.conflict_detail = label(accessible_name=self.tr("Konflikt im Einzelnen"))
        self.conflict_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_status = label(
            accessible_name=self.tr("Stand der Konflikte"), style=HINT_STYLE
        )
        self.conflicts_message = label(accessible_name=self.tr("Meldung zu Konflikten"))
        self.keep_button = QPushButton(self.tr("Übernommenen Wert &behalten"))
        self.take_other_button = QPushButton(self.tr("&Anderen Wert übernehmen …"))
        self.keep_button.clicked.connect(self.keep_applied)
        self.take_other_button.clicked.connect(self.take_other)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            label(
                self.tr(
                    "Wo zwei Stellen dasselbe Feld geändert haben, gilt überall derselbe Wert; "
                    "der andere ist hier zur Prüfung aufbewahrt. Den anderen Wert übernehmen "
                    "kann, wer den Datensatz ändern darf; die Änderung geht mit dem nächsten "
                    "Datenaustausch an die anderen Stellen."
                ),
                self.tr("Erklärung"),
                HINT_STYLE,
            )
        )
        layout.addWidget(self.conflicts_status)
        layout.addWidget(self.conflict_table, 1)
        layout.addWidget(self.conflict_detail)
        layout.addWidget(self.conflicts_message)
        layout.addLayout(button_row(self.keep_button, self.take_other_button))
        return tab

    def reload_conflicts(self) -> None:
        try:
            rows = self._desk.list_conflicts()
        except Exception as error:  # a refusal (logged out): said, not raised
            rows = []
            self.conflicts_status.setStyleSheet(ERROR_STYLE)
            self.conflicts_status.setText(i18n.error_text(error))
        else:
            self.conflicts_status.setStyleSheet(HINT_STYLE)
            self.conflicts_status.setText(
                self.tr("Ungeklärte Konflikte: {count}.").format(count=len(rows))
                if rows
                else self.tr("Keine ungeklärten Konflikte.")
            )
        self.conflicts.set_rows(rows)
        self.conflict_table.clearSelection()
        self._on_conflict_chosen()

    def selected_conflict(self) -> ConflictView | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        return self.conflicts.row(rows[0].row()) if rows else None

    def _on_conflict_chosen(self) -> None:
        conflict = self.selected_conflict()
        self.keep_button.setEnabled(conflict is not None)
        self.take_other_button.setEnabled(conflict is not None)
        if conflict is None:
            self.conflict_detail.setText("")
            return
        record, field, *_ = _conflict_cells(conflict)
        self.conflict_detail.setText(
            self.tr(
                "{record} – {field}\nGilt (von {won}): {applied}\nZurückgestellt (von {lost}): {kept}"
            ).format(
                record=elided(record, TIP_CHARS),
                field=field,
                won=origin_text(conflict.applied),
                applied=elided(value_text(conflict.applied), TIP_CHARS),
                lost=origin_text(conflict.kept),
                kept=elided(value_text(conflict.kept), TIP_CHARS),
            )
        )

    def say_about_conflicts(self, text: str, *, error: bool = False) -> None:
        self.conflicts_message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.conflicts_message.setText(text)

    def keep_applied(self) -> None:
        """Close the chosen conflict: the applied value stays, nothing else changes."""
        conflict = self.selected_conflict()
        if conflict is not None:
            self._resolve(conflict, "applied")

    def take_other(self) -> QMessageBox | None:
        """Asks first (Abbrechen is the default), naming both values."""
        conflict = self.selected_conflict()
        if conflict is None:
            return None
        record, field, *_ = _conflict_cells(conflict)
        return ask_first(
            self,
            self.tr("Anderen Wert übernehmen"),
            self.tr(
                "{record} – {field}: statt „{applied}“ (von {won}) den Wert „{kept}“ "
                "(von {lost}) übernehmen? Die Änderung gilt hier sofort und geht mit dem "
                "nächsten Datenaustausch an die anderen Stellen."
            ).format(
                record=elided(record, NAME_CHARS),
                field=field,
                applied=elided(value_text(conflict.applied), NAME_CHARS),
                won=origin_text(conflict.applied),
                kept=elided(value_text(conflict.kept), NAME_CHARS),
                lost=origin_text(conflict.kept),
            ),
            self.tr("Übernehmen"),
            lambda confirmed: self._take_other(conflict, confirmed),
        )

    def _take_other(self, conflict: ConflictView, confirmed: bool) -> None:
        if confirmed:
            self._resolve(conflict, "other")

    def _resolve(self, conflict: ConflictView, keep: str) -> None:
        desk, conflict_id = self._desk, conflict.id
        self.keep_button.setEnabled(False)
        self.take_other_button.setEnabled(False)
        self._tasks.run(
            lambda _progress: desk.resolve_conflict(conflict_id, keep),
            self._open(lambda _decision: self._resolved(keep)),
            self._open(self._resolve_refused),
        )

    def _resolved(self, keep: str) -> None:
        self.reload_conflicts()
        self.say_about_conflicts(
            self.tr("Konflikt geschlossen: der übernommene Wert bleibt.")
            if keep == "applied"
            else self.tr(
                "Anderer Wert übernommen; er geht mit dem nächsten Datenaustausch an die "
                "anderen Stellen."
            )
        )

    def _resolve_refused(self, error: Exception) -> None:
        self.reload_conflicts()
        self.say_about_conflicts(i18n.error_text(error), error=True)


# --- dismissed pairs ---------------------------------------------------------------------

STATE_TEXTS = {
    SideState.MERGED: QT_TRANSLATE_NOOP("review_screen", "zusammengeführt"),
    SideState.ERASED: QT_TRANSLATE_NOOP("review_screen", "gelöscht"),
}


def dismissed_side_name(side: RecordSide, state: SideState, limit: int = TIP_CHARS) -> str:
    """The record's name, and what became of it since (an erased one has no name left)."""
    if state is SideState.ERASED:
        return "(" + _t(STATE_TEXTS[state]) + ")"
    name = side_name(side, limit)
    return f"{name} ({_t(STATE_TEXTS[state])})" if state in STATE_TEXTS else name


def _dismissed_cells(pair: DismissedPair) -> tuple[str, ...]:
    first, second = pair.first, pair.second
    same = first.office_code == second.office_code
    return (
        dismissed_side_name(first, pair.first_state),
        first.birth_date.german(),
        dismissed_side_name(second, pair.second_state),
        second.birth_date.german(),
        first.office_code if same else f"{first.office_code} / {second.office_code}",
        pair.dismissed_by,
        clock_time(pair.dismissed_at),
    )


class DismissedPairsDialog(QDialog):
    """The pairs decided "verschiedene Personen", newest first; "Wieder prüfen …" takes the
    chosen decision back after asking (Abbrechen the default). Enter in the untouched
    dialog closes it; afterwards the list is read again and nothing stays selected."""

    taken_back = Signal()

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._closed = False
        self.setWindowTitle(self.tr("Als verschieden entschiedene Paare"))
        self.pairs = _list_model(
            [
                self.tr("Eintrag 1"),
                self.tr("geboren"),
                self.tr("Eintrag 2"),
                self.tr("geboren"),
                self.tr("Dienststellen"),
                self.tr("Entschieden von"),
                self.tr("Entschieden am"),
            ],
            _dismissed_cells,
        )
        self.table = _table(
            self.pairs,
            self.tr("Als verschieden entschiedene Paare"),
            (SHARE, FIT, SHARE, FIT, FIT, FIT, FIT),
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_chosen())
        self.status = label(accessible_name=self.tr("Stand der Liste"), style=HINT_STYLE)
        self.message = label(accessible_name=self.tr("Meldung"))
        self.again_button = QPushButton(self.tr("&Wieder prüfen …"))
        self.again_button.clicked.connect(self.take_back)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.again_button))
        layout.addWidget(close)
        self.again_button.setAutoDefault(False)
        self.close_button.setDefault(True)  # Enter in the untouched dialog only closes it
        fit_to_screen(self, 1100, 520)
        self.reload()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def reload(self) -> None:
        """Read the decisions again (a small table: on this thread, as the conflicts)."""
        try:
            rows = self._desk.dismissed_duplicates()
        except Exception as error:  # a refusal (logged out): said, not raised
            rows = ()
            self.say(i18n.error_text(error), error=True)
        self.pairs.set_rows(rows)
        self.table.clearSelection()
        self._on_chosen()
        self.status.setText(
            self.tr("Als verschiedene Personen entschieden: {count}.").format(count=len(rows))
            if rows
            else self.tr("Kein Paar ist als verschiedene Personen entschieden.")
        )

    def selected_pair(self) -> DismissedPair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs.row(rows[0].row()) if rows else None

    def _on_chosen(self) -> None:
        self.again_button.setEnabled(self.selected_pair() is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)

    def take_back(self) -> QMessageBox | None:
        """Asks first (Abbrechen is the default): the pair is listed again if still alike."""
        pair = self.selected_pair()
        if pair is None:
            return None
        return ask_first(
            self,
            self.tr("Wieder prüfen"),
            self.tr(
                "Die Entscheidung „verschiedene Personen“ für {first} und {second} "
                "zurücknehmen? Das Paar wird dann wieder als mögliche Doppelte gezeigt, "
                "wenn die Einträge sich weiter ähneln."
            ).format(
                first=dismissed_side_name(pair.first, pair.first_state, NAME_CHARS),
                second=dismissed_side_name(pair.second, pair.second_state, NAME_CHARS),
            ),
            self.tr("Wieder prüfen"),
            lambda confirmed: self._take_back(pair, confirmed),
        )

    def _take_back(self, pair: DismissedPair, confirmed: bool) -> None:
        if not confirmed:
            return
        desk, first, second = self._desk, pair.first.id, pair.second.id
        self.again_button.setEnabled(False)
        self._tasks.run(
            lambda _progress: desk.take_back_dismissal(first, second),
            self._open(lambda _none: self._taken_back()),
            self._open(self._refused),
        )

    def _open(self, callback: Callable[..., None]) -> Callable[..., None]:
        def deliver(*args: Any) -> None:
            if not self._closed:
                callback(*args)

        return deliver

    def _taken_back(self) -> None:
        self.say(self.tr("Entscheidung zurückgenommen: das Paar wird wieder geprüft."))
        self.reload()
        self.taken_back.emit()

    def _refused(self, error: Exception) -> None:
        self.reload()
        self.say(i18n.error_text(error), error=True)


def open_review_screen(desk: Desk, tasks: TaskRunner, parent: QWidget) -> ReviewScreen | None:
    """The review screen, if this account may see it (the district's admin)."""
    if not desk.may("possible_duplicates"):
        return None
    screen = ReviewScreen(desk, tasks, parent)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.open()
    return screen
