"""The person the clerk is serving: record, eligibility today, passes, entries, actions.

The main window shows this panel next to the search results. It opens the dialogs that
act on the person (edit, issue, replace, entry sheet) itself and refreshes after each; a
scanned pass of another office, which has no person here, is shown with its verification
and its entries only.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services import choices
from passapp.services.desk import Desk
from passapp.services.erasure import Erasure
from passapp.services.errors import ServiceError
from passapp.services.overview import PersonOverview
from passapp.ui import i18n
from passapp.ui.elide import ElidedLabel
from passapp.ui.entry_panel import EntryPanel
from passapp.ui.erase_dialog import (
    EraseDialog,
    WithdrawConsentDialog,
    erasure_note,
    open_erase,
    open_withdraw_consent,
)
from passapp.ui.form_fields import day_text
from passapp.ui.pass_dialog import (
    EntrySheetDialog,
    IssuePassDialog,
    ReplacePassDialog,
    documents_folder,
    pdf_target,
)
from passapp.ui.person_form import PersonForm
from passapp.ui.profile_section import ProfileDialog, profile_summary
from passapp.ui.tasks import TaskRunner

STATUS_COLOURS = {"eligible": "#1b5e20", "not_eligible": "#b71c1c", "needs_review": "#8a5a00"}


log = logging.getLogger(__name__)


class PersonPanel(QWidget):
    """Shows one person (``show_person``) or one scanned foreign pass (``show_pass``)."""

    # Emitted when the panel has finished a task, so the main window can return to search.
    task_done = Signal()
    # The shown person was erased (Art. 17): the window forgets them (the services' Erasure).
    person_erased = Signal(object)

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._overview: PersonOverview | None = None
        # The last word on an access report (also in the main window's status bar).
        self.report_status = ""
        office = desk.office()
        self._office_code = office.code if office else None
        self._district = desk.is_district()

        # A long name is shortened to the panel's width (whole in the tooltip).
        self.title = ElidedLabel()
        self.title.setObjectName("personTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setAccessibleName(self.tr("Person"))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName(self.tr("Angaben zur Person"))
        self.eligibility = QLabel()
        self.eligibility.setWordWrap(True)
        self.eligibility.setAccessibleName(self.tr("Berechtigung heute"))
        self.passes = QLabel()
        self.passes.setWordWrap(True)
        self.passes.setAccessibleName(self.tr("Pässe"))
        self.profile_line = QLabel()
        self.profile_line.setWordWrap(True)
        self.profile_line.setAccessibleName(self.tr("Bildungsprofil"))

        self.edit_button = self._button(self.tr("&Bearbeiten"), "Ctrl+B", self.edit_person)
        self.profile_button = self._button(
            self.tr("Bil&dungsprofil bearbeiten …"), "Ctrl+Shift+B", self.edit_profile
        )
        # The profile is the registering office's (desk.NEEDS and the owner check).
        self.profile_button.setVisible(desk.may("set_learner_profile"))
        self.issue_button = self._button(self.tr("Pass &ausstellen"), "Ctrl+I", self.issue_pass)
        self.replace_button = self._button(self.tr("&Ersatzkarte"), "Ctrl+R", self.replace_pass)
        self.sheet_button = self._button(
            self.tr("Eintragsb&ogen"), "Ctrl+Shift+P", self.print_entry_sheet
        )
        self.report_button = self._button(
            self.tr("A&uskunft (Art. 15) …"), "Ctrl+Shift+U", self.write_access_report
        )
        # The access report is the office administration's (desk.NEEDS): hidden for clerks.
        self._reports = desk.may("write_access_report")
        self.report_button.setVisible(self._reports)
        # Two rows, the pass's actions above the record's: in one row the seven buttons set
        # the panel's width and squeezed the hit list to 100 px at 150 % scaling. The
        # shortcuts are in the buttons' tooltips: the line that listed them did not fit
        # under two rows at 150 %.
        pass_buttons = QHBoxLayout()
        for button in (self.issue_button, self.replace_button, self.sheet_button):
            pass_buttons.addWidget(button)
        pass_buttons.addStretch(1)
        record_buttons = QHBoxLayout()
        for widget in (
            self.edit_button,
            self.profile_button,
            self.report_button,
            self._build_privacy_button(),
        ):
            record_buttons.addWidget(widget)
        record_buttons.addStretch(1)

        self.entries = EntryPanel(desk, tasks, self)
        self.entries.entries_changed.connect(self.task_done)

        facts = QFormLayout()
        facts.addRow(self.facts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the main window's margins are enough
        layout.addWidget(self.title)
        layout.addLayout(facts)
        layout.addWidget(self.eligibility)
        layout.addWidget(self.passes)
        layout.addWidget(self.profile_line)
        layout.addLayout(pass_buttons)
        layout.addLayout(record_buttons)
        layout.addWidget(self.entries, 1)
        self.clear()

    def _build_privacy_button(self) -> QToolButton:
        """Withdrawal and erasure in one menu button: rare, deliberate, no shortcut, and
        narrow enough for the panel at 150 % scaling. Erasure only for the roles that may."""
        self.privacy_button = QToolButton()
        self.privacy_button.setText(self.tr("Daten&schutz"))
        self.privacy_button.setAccessibleName(self.tr("Datenschutz"))
        self.privacy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.privacy_button)
        self.withdraw_action = menu.addAction(self.tr("Einwilligung &widerrufen …"))
        self.withdraw_action.triggered.connect(self.withdraw_consent)
        self.erase_action = menu.addAction(self.tr("&Löschen nach Art. 17 …"))
        self.erase_action.triggered.connect(self.erase_person)
        self.erase_action.setVisible(self._desk.may("erase_person"))
        self.privacy_button.setMenu(menu)
        self.privacy_button.setVisible(
            self._desk.may("withdraw_consent") or self._desk.may("erase_person")
        )
        return self.privacy_button

    def _button(self, text: str, keys: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(keys_shown(keys))
        button.clicked.connect(slot)
        # The shortcut works wherever the focus is in the window, not only on the button.
        shortcut = QShortcut(QKeySequence(keys), self.window() or self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: _click_if_enabled(button))
        return button

    # --- what is shown -------------------------------------------------------------------

    @property
    def person_id(self) -> uuid.UUID | None:
        return None if self._overview is None else self._overview.person.id

    @property
    def overview(self) -> PersonOverview | None:
        return self._overview

    def clear(self) -> None:
        self._overview = None
        self.title.setText(self.tr("Keine Person gewählt"))
        for label in (self.facts, self.eligibility, self.passes, self.profile_line):
            label.clear()
            label.setStyleSheet("")
        for button in (
            self.edit_button,
            self.profile_button,
            self.issue_button,
            self.replace_button,
            self.report_button,
        ):
            button.setEnabled(False)
        self.sheet_button.setEnabled(False)
        self.privacy_button.setEnabled(False)
        self.withdraw_action.setEnabled(False)
        self.erase_action.setEnabled(False)
        self.entries.clear()
        self.entries.setVisible(False)

    def show_person(self, person_id: uuid.UUID, *, audit: bool = True) -> bool:
        """Load and show a person; False (with the reason shown) where that fails.
        ``audit=False``: the person was open already (the window was rebuilt in another
        language), so opening them is not audited a second time."""
        opened = audit and person_id != self.person_id
        try:
            overview = self._desk.person_overview(person_id)
        except (ServiceError, InputError) as error:
            self.clear()
            self.facts.setText(i18n.error_text(error))
            return False
        if opened:
            # Opening another person is audited (a refresh is not): a write, so on the
            # worker, where waiting for a busy database holds up nothing on screen.
            desk = self._desk
            self._tasks.run(
                lambda _progress: desk.note_person_opened(person_id),
                lambda _result: None,
                lambda error: log.warning("opening %s not audited: %s", person_id, error),
                quiet=True,
            )
        self._overview = overview
        self._show_record(overview)
        self._show_eligibility(overview)
        self._show_passes(overview)
        self._show_profile(overview)
        self._enable_actions(overview)
        shown = overview.active_pass or (overview.passes[0] if overview.passes else None)
        self.entries.setVisible(shown is not None)
        if shown is not None:
            self.entries.show_pass(shown.pass_number)
        return True

    def show_pass(self, pass_reference: str, verified_text: str) -> None:
        """A scanned pass of another office: no person here, but entries can be logged."""
        self.clear()
        self.title.setText(self.tr("Gescannter Pass"))
        self.facts.setText(verified_text)
        self.entries.setVisible(True)
        self.entries.show_pass(pass_reference)

    def refresh(self) -> None:
        if self._overview is not None:
            self.show_person(self._overview.person.id)

    def _show_record(self, overview: PersonOverview) -> None:
        person = overview.person
        name = ", ".join(part for part in (person.family_names, person.given_names) if part)
        self.title.setText(name or self.tr("(ohne Namen – keine Einwilligung)"))
        lines = [
            self.tr("geboren {date}").format(date=person.birth_date.german()),
            self.tr("eingereist {date}").format(date=person.arrival_date.german())
            if person.arrival_date
            else self.tr("Einreisedatum unbekannt"),
        ]
        if person.moved_from_abroad:
            lines.append(self.tr("direkt aus dem Ausland zugezogen"))
        if person.nationalities:
            lines.append(
                self.tr("Staatsangehörigkeit {codes}").format(
                    codes=_named(
                        person.nationalities, choices.nationalities(i18n.current_language())
                    )
                )
            )
        if person.languages:
            lines.append(
                self.tr("Sprachen {codes}").format(
                    codes=_named(person.languages, choices.languages(i18n.current_language()))
                )
            )
        lines.append(self.tr("erfasst von {office}").format(office=person.registered_by_office))
        if person.merged_into is not None:
            lines.append(self.tr("Zusammengeführt: bitte mit dem anderen Datensatz arbeiten"))
        self.facts.setText(" · ".join(lines))

    def _show_profile(self, overview: PersonOverview) -> None:
        try:
            names = {c.code: c.name for c in choices.languages(i18n.current_language())}
            summary = profile_summary(self._desk.learner_profile(overview.person.id), names)
        except (ServiceError, InputError) as error:
            summary = i18n.error_text(error)  # a profile that cannot be read must not hide the rest
        self.profile_line.setText(summary or self.tr("Kein Bildungsprofil erfasst."))

    def _show_eligibility(self, overview: PersonOverview) -> None:
        check = overview.eligibility
        words = {
            "eligible": self.tr("erfüllt"),
            "not_eligible": self.tr("nicht erfüllt"),
            "needs_review": self.tr("unklar"),
        }
        status = words.get(check.status, i18n.eligibility_status(check))
        text = self.tr("Berechtigung heute: {status}").format(status=status)
        if reasons := i18n.eligibility_reasons(check):
            text += " – " + "; ".join(reasons)
        self.eligibility.setText(text)
        colour = STATUS_COLOURS.get(check.status, "#000")
        self.eligibility.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_passes(self, overview: PersonOverview) -> None:
        if not overview.passes:
            self.passes.setText(self.tr("Noch kein Pass."))
            return
        lines = []
        for summary in overview.passes:
            if summary.active:
                line = self.tr("Pass {number} gültig, Karte {generation}, seit {day} ({office})")
            else:
                line = self.tr("Pass {number} eingezogen am {day} ({office})")
            day = summary.revoked_on if not summary.active else summary.issued_on
            lines.append(
                line.format(
                    number=summary.pass_number,
                    generation=summary.generation + 1,
                    day=day_text(day) if day else "?",
                    office=summary.office,
                )
            )
        self.passes.setText("\n".join(lines))

    def _enable_actions(self, overview: PersonOverview) -> None:
        active = overview.active_pass
        person = overview.person
        own = person.registered_by_office == self._office_code
        usable = person.merged_into is None
        self.edit_button.setEnabled(own and usable)
        # Another office's person: its profile is edited there, the button is hidden.
        self.profile_button.setVisible(own and usable and self._desk.may("set_learner_profile"))
        self.profile_button.setEnabled(own and usable)
        # The data of this office: a person registered elsewhere asks that office.
        self.report_button.setEnabled(own and usable and self._reports)
        # The registering office holds the consent; the district may erase anyone.
        self.withdraw_action.setEnabled(own and usable and person.consent)
        self.erase_action.setEnabled(usable and (own or self._district))
        self.privacy_button.setEnabled(
            self.withdraw_action.isEnabled() or self.erase_action.isEnabled()
        )
        self.issue_button.setEnabled(active is None and usable)
        self.replace_button.setEnabled(active is not None and active.office == self._office_code)
        self.sheet_button.setEnabled(active is not None)

    # --- actions -------------------------------------------------------------------------

    def edit_person(self) -> None:
        if self._overview is None:
            return
        form = PersonForm.for_edit(self._desk, self._tasks, self._overview.person.id, parent=self)
        form.saved.connect(self._refresh_after)
        form.finished.connect(self._dialog_closed)
        form.open()

    def edit_profile(self) -> ProfileDialog | None:
        if self._overview is None or not self.profile_button.isEnabled():
            return None
        dialog = ProfileDialog(
            self._desk,
            self._tasks,
            self._overview.person.id,
            choices.languages(i18n.current_language()),
            parent=self,
        )
        dialog.saved.connect(self._refresh_after)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def issue_pass(self) -> IssuePassDialog | None:
        if self._overview is None or not self.issue_button.isEnabled():
            return None
        dialog = IssuePassDialog(self._desk, self._tasks, self._overview.person.id, parent=self)
        dialog.issued.connect(self._refresh_after)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def replace_pass(self) -> None:
        active = None if self._overview is None else self._overview.active_pass
        if active is None:
            return
        dialog = ReplacePassDialog(self._desk, self._tasks, active.pass_number, parent=self)
        dialog.replaced.connect(self._refresh_after)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def print_entry_sheet(self) -> None:
        active = None if self._overview is None else self._overview.active_pass
        if active is None:
            return
        dialog = EntrySheetDialog(self._desk, self._tasks, active.pass_number, parent=self)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def write_access_report(self) -> None:
        """DSGVO Art. 15: the clerk picks where the PDF goes; the JSON is written beside it."""
        if self._overview is None or not self.report_button.isEnabled():
            return
        person = self._overview.person
        folder = self._desk.output_folder or documents_folder()
        name = f"Auskunft-{person.family_names or person.id}-{self._desk.today():%Y-%m-%d}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Auskunft speichern"), str(folder / name), self.tr("PDF-Dateien (*.pdf)")
        )
        if not chosen:
            return
        target = pdf_target(Path(chosen))
        self._status(self.tr("Auskunft wird erstellt …"))
        self._tasks.run(
            lambda _progress: self._desk.write_access_report(person.id, target),
            self._report_written,
            self._report_failed,
        )

    def _report_written(self, paths: tuple[Path, Path]) -> None:
        pdf, data = paths
        self._status(self.tr("Auskunft gespeichert: {pdf} und {json}").format(pdf=pdf, json=data))
        self.refresh()  # the report is an audit event of the person

    def _report_failed(self, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) else None
        self._status(
            self.tr("Die Auskunft wurde nicht gespeichert: {reason}").format(
                reason=reason or i18n.error_text(error)
            )
        )

    def withdraw_consent(self) -> WithdrawConsentDialog | None:
        if self._overview is None or not self.withdraw_action.isEnabled():
            return None
        dialog = open_withdraw_consent(self._desk, self._tasks, self._overview, self)
        if dialog is not None:
            dialog.withdrawn.connect(self._withdrawn)
            dialog.finished.connect(self._dialog_closed)
        return dialog

    def _withdrawn(self, moment: dt.datetime) -> None:
        self._status(
            self.tr("Einwilligung widerrufen am {day}.").format(day=day_text(moment.astimezone()))
        )
        self.refresh()

    def erase_person(self) -> EraseDialog | None:
        if self._overview is None or not self.erase_action.isEnabled():
            return None
        dialog = open_erase(self._desk, self._tasks, self._overview, self)
        if dialog is not None:
            dialog.erased.connect(self._erased)
            dialog.finished.connect(self._dialog_closed)
        return dialog

    def _erased(self, erasure: Erasure) -> None:
        # Nothing of the person stays on screen or reachable by a shortcut.
        self.clear()
        self._status(erasure_note(erasure))
        self.person_erased.emit(erasure)

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)
        self.report_status = text

    def _refresh_after(self, _result: object) -> None:
        # The dialog may still show its print step: the focus stays there until it closes.
        self.refresh()

    def _dialog_closed(self, _result: int) -> None:
        self.task_done.emit()


def _named(codes: tuple[str, ...], known: list[choices.Choice]) -> str:
    """Names in the UI's language where known ("Syrien", "Syria"), the code otherwise."""
    names = {choice.code: choice.name for choice in known}
    return ", ".join(names.get(code, code) for code in codes)


def keys_shown(keys: str) -> str:
    """A shortcut as the UI's language names the keys: "Ctrl+Shift+P" in English,
    "Strg+Umschalt+P" in German (as German keyboards label them)."""
    if i18n.current_language() == "en":
        return keys
    return keys.replace("Ctrl", "Strg").replace("Shift", "Umschalt")


def _click_if_enabled(button: QPushButton) -> None:
    if button.isEnabled() and button.isVisible():
        button.click()
