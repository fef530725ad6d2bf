"""Log an entry on a pass, correct one, or cancel one (issue 5, item 5).

Entries are append-only (DESIGN §3): correcting saves a new entry with
``action=CORRECTION`` that refers to the earlier one, cancelling a new entry with
``action=CANCELLATION``; nothing is ever changed or deleted. The pass is named by its
number or by the scanned QR text; the service verifies a QR of another office's pass.

:class:`EntryFormView` lays the fields out; :class:`EntryForm` (new entry, correction)
and :class:`CancelEntryDialog` wire them to the services (STYLE 9). Saving writes, so it
runs on the app's one :class:`TaskRunner`; what the services refuse is shown in German
inside the dialog.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import weakref
from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.entries import LEVELLED_KINDS, Action, CefrLevel, EntryKind, EntryStatus
from passapp.domain.errors import InputError
from passapp.services.desk import Desk
from passapp.services.entries import EntryInput, EntryView
from passapp.services.errors import ServiceError
from passapp.services.offers import OfferView
from passapp.services.reference import entry_kind_labels, entry_status_labels
from passapp.ui import i18n
from passapp.ui.entry_table import entry_summary
from passapp.ui.form_fields import FormError, day_text, typed_date
from passapp.ui.holder import HOLDER_STYLE, pass_holder
from passapp.ui.i18n import label_text
from passapp.ui.offer_picker import OfferPicker
from passapp.ui.screen import ScrollingPane, fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, button, button_row, heading, label
from passapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")

DIALOG_SIZE = (760, 560)  # fits 1366×768 with the taskbar and the window frame


def failure_text(error: Exception) -> str:
    """The German words for a failed save; never a traceback."""
    if isinstance(error, ServiceError | InputError):
        return i18n.error_text(error)
    log.error("saving an entry failed", exc_info=error)
    return QCoreApplication.translate(
        "entry_form",
        "Unerwarteter Fehler ({error}). Bitte die IT-Betreuung informieren; die Einzelheiten "
        "stehen im Protokoll.",
    ).format(error=type(error).__name__)


def weakly(method: Callable[[T], None]) -> Callable[[T], None]:
    """``method`` as a task callback that does not keep its dialog alive.

    The worker's queue still holds a finished task for a moment after the outcome has
    come back; were the dialog's last reference in it, the dialog would be destroyed on
    the worker thread (a crash in Qt). Dialogs here are kept by their opener instead."""
    reference = weakref.WeakMethod(method)

    def call(value: T) -> None:
        bound = reference()
        if bound is not None:
            bound(value)

    return call


def save_on_worker(
    tasks: TaskRunner,
    desk: Desk,
    pass_reference: str,
    data: EntryInput,
    on_saved: Callable[[EntryView], None],
    on_failed: Callable[[Exception], None],
) -> None:
    """Write the entry on the app's one worker; the callbacks follow on the UI thread."""
    tasks.run(
        lambda _progress: desk.add_entry(pass_reference, data), weakly(on_saved), weakly(on_failed)
    )


def unchanged(data: EntryInput, earlier: EntryView) -> bool:
    """Whether a correction says the same as the entry it corrects."""

    def value(member: object) -> object:
        return getattr(member, "value", member)

    typed = (
        data.kind.value,
        data.start_date,
        data.end_date,
        value(data.status),
        data.title,
        data.provider,
        data.offer_slug,
        value(data.level),
        data.result,
    )
    stored = (
        earlier.kind,
        earlier.date,
        earlier.end_date,
        earlier.status,
        earlier.title,
        earlier.provider,
        earlier.offer,
        earlier.level,
        earlier.result,
    )
    return typed == stored


def offers_for(desk: Desk, earlier: EntryView | None) -> list[OfferView]:
    """The active catalogue; for a correction also the earlier entry's offer where the
    district has since withdrawn it, so correcting a date does not silently drop it."""
    offers = desk.list_offers()
    if earlier is None or not earlier.offer or any(o.slug == earlier.offer for o in offers):
        return offers
    withdrawn = [o for o in desk.list_offers(include_inactive=True) if o.slug == earlier.offer]
    return offers + withdrawn


class EntryFormView(QWidget):
    """The entry's fields, the message line and the buttons; no behaviour."""

    def __init__(self, offers: list[OfferView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading()
        self.holder = label(accessible_name=self.tr("Pass und Inhaber:in"), style=HOLDER_STYLE)
        self.subject = label(accessible_name=self.tr("Worum es geht"))
        self.offer_picker = OfferPicker(offers)
        self.kind_combo = self._combo(self.tr("Art des Eintrags"))
        for slug, kind in entry_kind_labels().items():
            self.kind_combo.addItem(label_text(kind), slug)
        # No kind proposed: Enter on the untouched form must not log a "Sprachkurs".
        self.kind_combo.setPlaceholderText(self.tr("– bitte wählen –"))
        self.kind_combo.setCurrentIndex(-1)
        self.start_edit = self._line(self.tr("Beginn oder Tag"), self.tr("TT.MM.JJJJ"))
        self.end_edit = self._line(self.tr("Ende (freiwillig)"), self.tr("TT.MM.JJJJ"))
        self.status_combo = self._combo(self.tr("Status"))
        self.status_combo.addItem(self.tr("– ohne Status –"), None)
        for slug, status in entry_status_labels().items():
            self.status_combo.addItem(label_text(status), slug)
        self.level_combo = self._combo(self.tr("Sprachniveau"))
        self.level_combo.addItem(self.tr("– ohne Niveau –"), None)
        for level in CefrLevel:
            self.level_combo.addItem(level.value, level.value)
        self.title_edit = self._line(self.tr("Titel"), self.tr("wenn kein Angebot gewählt ist"))
        self.provider_edit = self._line(self.tr("Anbieter"), self.tr("Träger oder Stelle"))
        self.result_edit = self._line(
            self.tr("Ergebnis"), self.tr("z. B. „DTZ B1 bestanden“ – bei Beratung nie den Inhalt")
        )
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.save_button = button(self.tr("Speichern"), self.tr("Eintrag speichern"), keys="Enter")
        self.cancel_button = button(self.tr("Abbrechen"), self.tr("Nicht speichern"), keys="Esc")
        self.save_button.setDefault(True)
        self._lay_out()

    def _combo(self, accessible_name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible_name)
        return combo

    def _line(self, accessible_name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible_name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _lay_out(self) -> None:
        fields = QFormLayout()
        # The picker is a plain container: Alt+A must land in its search field itself.
        offer_label = QLabel(self.tr("&Angebot:"))
        offer_label.setBuddy(self.offer_picker.search_field)
        fields.addRow(offer_label, self.offer_picker)
        fields.addRow(self.tr("A&rt:"), self.kind_combo)
        fields.addRow(self.tr("&Beginn / Tag:"), self.start_edit)
        fields.addRow(self.tr("&Ende:"), self.end_edit)
        fields.addRow(self.tr("&Status:"), self.status_combo)
        fields.addRow(self.tr("&Niveau:"), self.level_combo)
        fields.addRow(self.tr("&Titel:"), self.title_edit)
        fields.addRow(self.tr("Anb&ieter:"), self.provider_edit)
        fields.addRow(self.tr("Er&gebnis:"), self.result_edit)
        hint = label(
            self.tr(
                "Enter speichern · Esc abbrechen · im Angebot ↓/↑ wählen, Enter übernehmen · "
                "Alt+Buchstabe springt zum Feld"
            ),
            self.tr("Tastenkürzel"),
            HINT_STYLE,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.holder)
        layout.addWidget(self.subject)
        # The fields scroll on a low screen (150 % scaling); the buttons stay in sight.
        layout.addWidget(ScrollingPane(fields), 1)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.save_button, self.cancel_button))
        layout.addWidget(hint)
        chain = (
            self.offer_picker.search_field,
            self.kind_combo,
            self.start_edit,
            self.end_edit,
            self.status_combo,
            self.level_combo,
            self.title_edit,
            self.provider_edit,
            self.result_edit,
            self.save_button,
            self.cancel_button,
        )
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)


class EntryForm(QDialog):
    """A new entry (:meth:`for_new`) or the correction of one (:meth:`for_correction`).

    ``saved`` carries the stored :class:`EntryView`; then the dialog closes."""

    saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        pass_reference: str,
        earlier: EntryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._reference = pass_reference
        self._earlier = earlier
        self._busy = False
        self._filled_from: OfferView | None = None
        self.holder = pass_holder(desk, pass_reference)
        self.setAccessibleName(self.tr("Eintrag"))
        fit_to_screen(self, *DIALOG_SIZE)
        self._offers = offers_for(desk, earlier)
        self.view = EntryFormView(self._offers)
        self.view.holder.setText(self.holder.line())
        QVBoxLayout(self).addWidget(self.view)
        self._connect()
        if earlier is None:
            self._start_new()
        else:
            self._start_correction(earlier)
        self._on_kind_changed()
        self.view.offer_picker.setFocus()

    @classmethod
    def for_new(
        cls,
        desk: Desk,
        tasks: TaskRunner,
        pass_reference: str,
        parent: QWidget | None = None,
    ) -> EntryForm:
        return cls(desk, tasks, pass_reference, None, parent)

    @classmethod
    def for_correction(
        cls,
        desk: Desk,
        tasks: TaskRunner,
        pass_reference: str,
        entry: EntryView,
        parent: QWidget | None = None,
    ) -> EntryForm:
        return cls(desk, tasks, pass_reference, entry, parent)

    @property
    def is_correction(self) -> bool:
        return self._earlier is not None

    def _connect(self) -> None:
        view = self.view
        view.offer_picker.offer_changed.connect(self._on_offer_changed)
        view.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        view.save_button.clicked.connect(self._on_save)
        view.cancel_button.clicked.connect(self.reject)

    # --- filling the form --------------------------------------------------------------

    def _start_new(self) -> None:
        self.setWindowTitle(self.holder.title(self.tr("Neuer Eintrag")))
        self.view.heading.setText(self.tr("Neuer Eintrag"))
        self.view.subject.setVisible(False)  # the holder line names the pass
        self.view.start_edit.setText(day_text(self._desk.today()))

    def _start_correction(self, earlier: EntryView) -> None:
        view = self.view
        self.setWindowTitle(self.holder.title(self.tr("Eintrag korrigieren")))
        view.heading.setText(self.tr("Eintrag korrigieren"))
        titles = {offer.slug: offer.title for offer in self._offers}
        view.subject.setText(
            self.tr(
                "Korrigiert wird: {entry}. Der bisherige Eintrag bleibt als „korrigiert“ im "
                "Verlauf sichtbar."
            ).format(entry=entry_summary(earlier, titles))
        )
        # The offer first: picking it fills title and provider, which the entry then sets.
        view.offer_picker.select_slug(earlier.offer)
        _choose(view.kind_combo, earlier.kind)
        view.start_edit.setText(day_text(earlier.date))
        view.end_edit.setText(day_text(earlier.end_date) if earlier.end_date else "")
        _choose(view.status_combo, earlier.status)
        self._on_kind_changed()
        _choose(view.level_combo, earlier.level)
        view.title_edit.setText(earlier.title or "")
        view.provider_edit.setText(earlier.provider or "")
        view.result_edit.setText(earlier.result or "")

    def _on_offer_changed(self, offer: OfferView | None) -> None:
        """A picked offer proposes its kind, its level (where it has exactly one), its
        title and provider; what the clerk typed there themselves is kept."""
        if offer is None:
            return
        view = self.view
        if offer.category in {kind.value for kind in EntryKind}:
            _choose(view.kind_combo, offer.category)
        if len(offer.cefr_levels) == 1 and view.level_combo.isEnabled():
            _choose(view.level_combo, offer.cefr_levels[0])
        previous = self._filled_from
        for edit, value, before in (
            (view.title_edit, offer.title, previous.title if previous else ""),
            (view.provider_edit, offer.provider, previous.provider if previous else ""),
        ):
            if edit.text().strip() in ("", before):
                edit.setText(value)
        self._filled_from = offer

    def _on_kind_changed(self) -> None:
        """A language level only for the kinds it belongs to (the service refuses it
        elsewhere as a typo)."""
        levelled = self._kind() in LEVELLED_KINDS
        self.view.level_combo.setEnabled(levelled)
        if not levelled:
            self.view.level_combo.setCurrentIndex(0)
        # An exam's level is the level it certifies: it raises the holder's documented
        # German level (learner profile, demand figures), so a failed exam has none.
        exam = self._kind() == EntryKind.PRUEFUNG
        self.view.level_combo.setItemText(
            0, self.tr("– ohne Niveau (nicht bestanden) –") if exam else self.tr("– ohne Niveau –")
        )
        self.view.level_combo.setToolTip(
            self.tr("Bei Prüfungen das bestandene Niveau; nicht bestanden: ohne Niveau.")
            if exam
            else ""
        )

    # --- reading the form --------------------------------------------------------------

    def _kind(self) -> EntryKind | None:
        slug = self.view.kind_combo.currentData()
        return EntryKind(slug) if slug else None

    def _chosen_kind(self) -> EntryKind:
        kind = self._kind()
        if kind is None:
            raise FormError(
                self.tr("Art: bitte die Art des Eintrags wählen."), self.view.kind_combo
            )
        return kind

    def entry_input(self) -> EntryInput:
        """The entry as typed; :class:`FormError` names the field to fix."""
        view = self.view
        if view.offer_picker.has_unpicked_text():
            raise FormError(
                self.tr(
                    "Angebot: bitte einen Treffer mit ↓/↑ und Enter übernehmen oder das Feld "
                    "leeren (dann Titel und Anbieter von Hand)."
                ),
                view.offer_picker.search_field,
            )
        kind = self._chosen_kind()
        offer = view.offer_picker.selected_offer()
        status = view.status_combo.currentData()
        level = view.level_combo.currentData() if view.level_combo.isEnabled() else None
        return EntryInput(
            kind=kind,
            start_date=self._start_date(),
            end_date=typed_date(view.end_edit, self.tr("Ende")),
            status=EntryStatus(status) if status else None,
            title=view.title_edit.text().strip() or None,
            provider=view.provider_edit.text().strip() or None,
            offer_slug=offer.slug if offer else None,
            level=CefrLevel(level) if level else None,
            result=view.result_edit.text().strip() or None,
            action=Action.CORRECTION if self._earlier else Action.RECORD,
            refers_to=self._earlier.id if self._earlier else None,
        )

    def _start_date(self) -> dt.date:
        edit, name = self.view.start_edit, self.tr("Beginn")
        day = typed_date(edit, name)
        if day is None:
            raise FormError(
                self.tr("{field}: bitte ein Datum als TT.MM.JJJJ eingeben.").format(field=name),
                edit,
            )
        return day

    # --- saving ------------------------------------------------------------------------

    def _on_save(self) -> None:
        if self._busy:
            return
        try:
            data = self.entry_input()
        except FormError as error:
            self._say(i18n.error_text(error))
            error.field.setFocus()
            return
        if self._earlier is not None and unchanged(data, self._earlier):
            # A correction that changes nothing would only clutter the pass's history.
            self._say(self.tr("Nichts geändert: bitte korrigieren oder mit Esc schließen."))
            return
        self._set_busy(True)
        self._say("")
        save_on_worker(
            self._tasks, self._desk, self._reference, data, self._on_saved, self._on_failed
        )

    def _on_saved(self, entry: EntryView) -> None:
        self._set_busy(False)
        self.saved.emit(entry)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._say(failure_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.view.save_button.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self.view.message.setText(text)

    def reject(self) -> None:
        # While saving, the entry may already be written: wait for the answer, then close.
        if not self._busy:
            super().reject()


class CancelEntryDialog(QDialog):
    """Asks before cancelling ``entry`` and saves the cancellation (a new entry with
    ``action=CANCELLATION`` that refers to it). ``saved`` carries the cancellation."""

    saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        pass_reference: str,
        entry: EntryView,
        offer_titles: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._reference = pass_reference
        self._entry = entry
        self._busy = False
        self.holder = pass_holder(desk, pass_reference)
        self.setWindowTitle(self.holder.title(self.tr("Eintrag stornieren")))
        self.setAccessibleName(self.tr("Eintrag stornieren"))
        fit_to_screen(self, 620, 230)
        self.heading = heading(self.tr("Diesen Eintrag stornieren?"))
        self.holder_line = label(
            self.holder.line(), self.tr("Pass und Inhaber:in"), style=HOLDER_STYLE
        )
        self.subject = label(entry_summary(entry, offer_titles), self.tr("Eintrag"))
        self.subject.setStyleSheet("font-weight: bold;")
        self.explanation = label(
            self.tr(
                "Der Eintrag wird nicht gelöscht: Er bleibt im Verlauf sichtbar und wird als "
                "„storniert“ markiert. Gespeichert wird, wer wann storniert hat."
            ),
            self.tr("Erklärung"),
        )
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.confirm_button = button(
            self.tr("Stornieren"), self.tr("Eintrag stornieren"), keys="Enter"
        )
        self.cancel_button = button(self.tr("Abbrechen"), self.tr("Nicht stornieren"), keys="Esc")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._on_confirm)
        self.cancel_button.clicked.connect(self.reject)
        self._lay_out()
        self.confirm_button.setFocus()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        for widget in (
            self.heading,
            self.holder_line,
            self.subject,
            self.explanation,
            self.message,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(button_row(self.confirm_button, self.cancel_button))
        hint = QLabel(self.tr("Enter stornieren · Esc abbrechen"))
        hint.setAccessibleName(self.tr("Tastenkürzel"))
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)

    def cancellation(self) -> EntryInput:
        """The cancelling entry: the cancelled entry's kind, day, status and subject, so
        it is found next to it and reads alike (status only to keep a planned step's
        future day valid), and a reference to it."""
        entry = self._entry
        return EntryInput(
            kind=EntryKind(entry.kind),
            start_date=entry.date,
            status=EntryStatus(entry.status) if entry.status else None,
            title=entry.title,
            provider=entry.provider,
            offer_slug=entry.offer,
            action=Action.CANCELLATION,
            refers_to=entry.id,
        )

    def _on_confirm(self) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.message.setText("")
        save_on_worker(
            self._tasks,
            self._desk,
            self._reference,
            self.cancellation(),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, entry: EntryView) -> None:
        self._set_busy(False)
        self.saved.emit(entry)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.message.setText(failure_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def _choose(combo: QComboBox, value: str | None) -> None:
    """Select the item whose data is ``value`` (the first, "none", where there is none)."""
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))
