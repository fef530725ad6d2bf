"""Issue a pass, print a replacement card, print the entry record sheet (issue 5, item 4).

Each dialog has two steps. First the clerk sees what is about to happen (who, which
eligibility, which languages; for a replacement: that the old card stops being valid) and
confirms with Enter. The service call writes, so it runs on the app's one
:class:`TaskRunner`. Then :class:`PrintStep` shows the PDF the service wrote, rendered
from that very file, with "Drucken …", "Als PDF speichern …" (a byte-for-byte copy of the
same file) and "Fertig". The services write the card to ``desk.output_folder``, where
it stays; the entry sheet, a read-out of the log, goes to a temporary file instead.

Every refusal is the service's German message in a red line; nothing is decided here
that the service decides (eligibility, one active pass per person, the override reason).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.pdf.translations import SUPPORTED_LANGUAGES, texts
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.files import write_atomically
from passapp.services.overview import PassSummary, PersonOverview
from passapp.services.passes import IssuedPass, PassChange
from passapp.services.progress import Progress
from passapp.services.reasons import MIN_REASON_LENGTH
from passapp.services.views import PersonView
from passapp.ui import i18n
from passapp.ui.elide import TITLE_CHARS, ElidedLabel, elided
from passapp.ui.form_fields import day_text
from passapp.ui.holder import HOLDER_STYLE, pass_holder
from passapp.ui.pdf_preview import PdfPreview
from passapp.ui.pdf_print import PrintError, PrintJob, print_pdf
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
from passapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Fits a 1366×768 screen with the taskbar and the window frame (common brief: ≤ 1000×680).
DIALOG_WIDTH, DIALOG_HEIGHT = 940, 660

# A spoken language whose speakers read one of the printed translations.
READS_PRINT_LANGUAGE = {"prs": "fa"}  # Dari: Persian script and written standard

# Colour of the eligibility status, so "unklar" and "nicht erfüllt" catch the eye.
STATUS_STYLE = {
    "eligible": NOTE_STYLE,
    "needs_review": "color: #8a4b00; font-weight: bold;",
    "not_eligible": ERROR_STYLE,
}


def language_names() -> dict[str, str]:
    """German names of the printed languages (German itself included)."""
    return {
        "de": QCoreApplication.translate("pass_dialog", "Deutsch"),
        "ar": QCoreApplication.translate("pass_dialog", "Arabisch"),
        "en": QCoreApplication.translate("pass_dialog", "Englisch"),
        "fa": QCoreApplication.translate("pass_dialog", "Persisch (Farsi, Dari)"),
        "ru": QCoreApplication.translate("pass_dialog", "Russisch"),
        "tr": QCoreApplication.translate("pass_dialog", "Türkisch"),
        "uk": QCoreApplication.translate("pass_dialog", "Ukrainisch"),
    }


def printed_in(languages: tuple[str, ...]) -> str:
    """``("de", "ar")`` → "Deutsch und Arabisch"."""
    names = language_names()
    words = [names.get(code, code) for code in languages]
    if len(words) == 1:
        return words[0]
    return QCoreApplication.translate("pass_dialog", "{first} und {last}").format(
        first=", ".join(words[:-1]), last=words[-1]
    )


def proposed_language(spoken: tuple[str, ...]) -> str | None:
    """The first language the person speaks that the pass is printed in, besides German."""
    for code in spoken:
        printed = READS_PRINT_LANGUAGE.get(code, code)
        if printed in SUPPORTED_LANGUAGES:
            return printed
    return None


def holder_name(person: PersonView) -> str:
    # A single-name person has no given names: no placeholder, no dangling comma.
    return ", ".join(part for part in (person.family_names, person.given_names) if part)


def card_name(generation: int) -> str:
    """Generation 0 is the first card; every replacement card counts on from 1."""
    if generation == 0:
        return QCoreApplication.translate("pass_dialog", "Erstkarte")
    return QCoreApplication.translate("pass_dialog", "{number}. Ersatzkarte").format(
        number=generation
    )


def german_message(error: Exception) -> str:
    """The service's German words; for anything unforeseen a plain note, never a traceback."""
    if isinstance(error, ServiceError | InputError | PrintError):
        return i18n.error_text(error)
    log.error("pass dialog task failed", exc_info=error)
    return QCoreApplication.translate(
        "pass_dialog",
        "Unerwarteter Fehler ({name}). Bitte die IT-Betreuung informieren; die Einzelheiten "
        "stehen im Protokoll.",
    ).format(name=type(error).__name__)


def breakable_path(path: Path) -> str:
    """A path that a word-wrapped label may break after each folder (a long path would
    otherwise widen the dialog beyond the screen)."""
    return str(path).replace("/", "/\u200b").replace("\\", "\\\u200b")


def show_step(pages: QStackedWidget, page: QWidget, primary: QWidget) -> None:
    """Show ``page`` with ``primary`` focused; a button among them takes Enter."""
    pages.setCurrentWidget(page)
    if isinstance(primary, QPushButton):
        primary.setDefault(True)
    primary.setFocus()


def pdf_target(chosen: Path) -> Path:
    """The chosen file name, with ".pdf" added where the clerk left it out."""
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class PrintStep(QWidget):
    """The last step of every dialog here: the written PDF, to print, save or leave.

    ``done_button`` is wired by the dialog (it closes it); print and save act here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = documents_folder()
        self.heading = heading()
        self.summary = label(accessible_name=self.tr("Zusammenfassung"), style=NOTE_STYLE)
        self.preview = PdfPreview()
        self.pages_info = label(accessible_name=self.tr("Seitenzahl"), style=HINT_STYLE)
        self.fold_hint = label(
            accessible_name=self.tr("Falten und Zusammenlegen"), style=HINT_STYLE
        )
        self.fold_hint.setWordWrap(True)
        self.fold_hint.hide()
        self._job_title = ""
        self._folded = False
        self.message = label(accessible_name=self.tr("Meldung zum Drucken und Speichern"))
        self.print_button = button(self.tr("Drucken …"), self.tr("PDF drucken"), "Ctrl+P")
        self.save_button = button(
            self.tr("Als PDF speichern …"), self.tr("Als PDF speichern"), "Ctrl+S"
        )
        self.done_button = button(
            self.tr("Fertig"), self.tr("Fertig, Fenster schließen"), keys=self.tr("Enter, Esc")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages_info)
        layout.addWidget(self.fold_hint)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.print_button, self.save_button, self.done_button))
        layout.addWidget(
            key_hint(
                self.tr(
                    "Strg+P drucken · Strg+S als PDF speichern · Bild ab/auf blättern · "
                    "Enter oder Esc fertig"
                )
            )
        )
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        # Page keys turn the preview's pages wherever the focus is in this step.
        for key, forward in ((Qt.Key.Key_PageDown, True), (Qt.Key.Key_PageUp, False)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda forward=forward: self.preview.turn_page(forward))

    @property
    def path(self) -> Path | None:
        """The PDF shown, printed and saved (the same file for all three)."""
        return self.preview.path

    def show_pdf(
        self, path: Path, title: str, summary: str, job_title: str, folded: bool = False
    ) -> None:
        """Show ``path``; ``job_title`` names the print job, ``folded`` says the sheets are
        folded into a booklet (printed one-sided, with the clerk told how to fold them)."""
        self._job_title = job_title
        self._folded = folded
        self.fold_hint.setVisible(folded)
        self.fold_hint.setText(self._fold_text() if folded else "")
        self.heading.setText(title)
        self.summary.setText(summary)
        self.summary.setToolTip(str(path))
        self._tell("", "")
        self.preview.load(path)
        readable = self.preview.path is not None
        self.pages_info.setText(self._pages_text(self.preview.page_count) if readable else "")
        self.print_button.setEnabled(readable)
        self.save_button.setEnabled(readable)

    def _pages_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 Seite – so wird sie gedruckt und gespeichert")
        return self.tr("{count} Seiten – so werden sie gedruckt und gespeichert").format(
            count=count
        )

    def _fold_text(self) -> str:
        return self.tr(
            "Einseitig und in tatsächlicher Größe drucken. Jedes Blatt an den Marken in der "
            "Mitte falten, Druck außen; die Blätter der Reihe nach aufeinanderlegen "
            "(Blatt 1 mit dem Deckblatt oben) und an der Falz heften."
        )

    def _on_print(self) -> None:
        path = self.path
        if path is None:
            return
        job = PrintJob(path, self._job_title or path.stem, one_sided=self._folded)
        try:
            if print_pdf(self, job):
                self._tell(self.tr("Das PDF wurde an den Drucker geschickt."), NOTE_STYLE)
        except PrintError as error:
            self._tell(i18n.error_text(error), ERROR_STYLE)

    def _on_save(self) -> None:
        path = self.path
        if path is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Als PDF speichern"),
            str(self._folder / path.name),
            self.tr("PDF-Dateien (*.pdf)"),
        )
        if not chosen:
            return
        target = pdf_target(Path(chosen))
        try:
            # The very bytes the preview shows and the printer gets: nothing rendered anew.
            write_atomically(target, path.read_bytes())
        except OSError as error:
            self._tell(
                self.tr("Das PDF konnte nicht gespeichert werden: {reason}").format(
                    reason=error.strerror or str(error)
                ),
                ERROR_STYLE,
            )
            return
        self._folder = target.parent
        self._tell(self.tr("Gespeichert: {path}").format(path=breakable_path(target)), NOTE_STYLE)

    def _tell(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)


def buddy(text: str, field: QWidget) -> QLabel:
    """A form label whose Alt+letter (``&`` in ``text``) moves the focus to ``field``."""
    widget = QLabel(text)
    widget.setBuddy(field)
    return widget


class IssueStep(QWidget):
    """Layout of the first step of issuing: who, eligibility, languages, reason (STYLE 9)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading(self.tr("Pass ausstellen"))
        # A long name is shortened to the dialog's width (whole in the tooltip).
        self.name = ElidedLabel()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setStyleSheet("font-weight: bold;")
        self.birth_date = self._fact(self.tr("Geburtsdatum"))
        self.status = self._fact(self.tr("Voraussetzungen"))
        self.reasons = self._fact(self.tr("Gründe"), bold=False)
        self.passes = self._fact(self.tr("Bisherige Pässe"), bold=False)
        self.language = QComboBox()
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setAccessibleName(self.tr("Zweite Sprache auf dem Pass"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Begründung für das Ausstellen trotz Prüfung"))
        self.reason.setPlaceholderText(
            self.tr(
                "Was wurde geprüft, warum wird der Pass ausgestellt? (mind. {count} Zeichen)"
            ).format(count=MIN_REASON_LENGTH)
        )
        self.reason_note = self._fact(self.tr("Hinweis zur Begründung"), bold=False)
        self.reason_note.setText(
            self.tr(
                "Nicht eindeutig: bitte anhand der Dokumente prüfen und die Entscheidung "
                "begründen (wird protokolliert)."
            )
        )
        self.message = label(accessible_name=self.tr("Meldung"))
        # Until the district's catalogue and privacy contact have arrived (issue 12).
        self.sample_warning = label(
            accessible_name=self.tr("Warnung: Beispieldaten"), style=ERROR_STYLE
        )
        self.sample_warning.setVisible(False)
        self.issue_button = button(
            self.tr("Pass ausstellen"), self.tr("Pass ausstellen"), keys=self.tr("Enter")
        )
        self.cancel_button = button(
            self.tr("Abbrechen"), self.tr("Abbrechen, nichts ausstellen"), keys=self.tr("Esc")
        )
        self.fields = self._build_form()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.fields)
        layout.addWidget(self.sample_warning)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(button_row(self.issue_button, self.cancel_button))
        self.hint = key_hint("")
        layout.addWidget(self.hint)
        self.show_reason(False)

    def _fact(self, accessible_name: str, bold: bool = True) -> QLabel:
        # Not word-wrapped: QFormLayout sizes wrapped labels for a narrower width than they
        # get and leaves gaps; one line per fact fits the dialog's width.
        widget = label(accessible_name=accessible_name, style="font-weight: bold;" if bold else "")
        widget.setWordWrap(False)
        return widget

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        # Fields keep their natural width (a language list across the whole dialog looks
        # empty); the reason field is stretched by its own size policy.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Geburtsdatum:"), self.birth_date)
        form.addRow(self.tr("Voraussetzungen:"), self.status)
        form.addRow("", self.reasons)
        form.addRow(self.tr("Bisherige Pässe:"), self.passes)
        form.addRow(buddy(self.tr("Zweite &Sprache:"), self.language), self.language)
        form.addRow("", self.reason_note)
        form.addRow(buddy(self.tr("&Begründung:"), self.reason), self.reason)
        return form

    def show_reason(self, needed: bool) -> None:
        """The reason field belongs on screen only where the check is unclear."""
        self.fields.setRowVisible(self.reason_note, needed)
        self.fields.setRowVisible(self.reason, needed)
        keys = self.tr("Enter ausstellen · Esc abbrechen · Alt+S Sprache wählen")
        if needed:
            keys += self.tr(" · Alt+B Begründung schreiben")
        self.hint.setText(keys)

    def show_sample_data(self, parts: tuple[str, ...]) -> None:
        """Warn that the pass will print sample data (services.privacy_contact)."""
        what = {
            "offers": self.tr("die Angebote sind Beispiele"),
            "privacy_contact": self.tr("der Datenschutz-Kontakt ist ein Platzhalter"),
        }
        self.sample_warning.setText(
            self.tr(
                "Achtung: Dieser Pass wird mit Beispieldaten gedruckt ({what}) und trägt auf "
                "jeder Seite „Beispieldaten“. Angebote und Datenschutz-Kontakt legt das "
                "Landratsamt fest; sie kommen mit seinem nächsten Datenpaket."
            ).format(what=self.tr(", ").join(what[part] for part in parts if part in what))
        )
        self.sample_warning.setVisible(bool(parts))

    def fill_languages(self, proposed: str | None) -> None:
        """German only, or German and one translation (the pass prints two languages)."""
        self.language.clear()
        self.language.addItem(self.tr("keine – nur Deutsch"), None)
        names = language_names()
        for code in sorted(SUPPORTED_LANGUAGES, key=lambda code: names.get(code, code)):
            own_name = texts(code).name  # as the holder reads it: "العربية", "Українська"
            self.language.addItem(f"{names.get(code, code)} – {own_name}", code)
        self.language.setCurrentIndex(max(0, self.language.findData(proposed)))

    def chosen_languages(self) -> tuple[str, ...]:
        code = self.language.currentData()
        return (code,) if code else ()


class PdfTaskDialog(QDialog):
    """What the three dialogs here share: a task on the worker, then the print step.

    While the task runs the dialog cannot be closed (the outcome must reach it); once the
    print step shows, Esc is "Fertig". Subclasses set ``message``, build their first page
    with ``_stack`` and say in ``_set_busy`` which buttons wait. (Texts stay in the
    subclasses: ``self.tr`` takes its context from the class that calls it.)"""

    message: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        fit_to_screen(self, DIALOG_WIDTH, DIALOG_HEIGHT)
        self.print_step = PrintStep()
        self.pages = QStackedWidget()
        QVBoxLayout(self).addWidget(self.pages)
        self.print_step.done_button.clicked.connect(self.accept)

    def _stack(self, first_page: QWidget) -> None:
        """The two steps: ``first_page``, then the print step."""
        self.pages.addWidget(first_page)
        self.pages.addWidget(self.print_step)

    def _show_pdf(
        self, path: Path, title: str, summary: str, job_title: str, folded: bool = False
    ) -> None:
        """On to the print step with the written PDF."""
        self.print_step.show_pdf(path, title, summary, job_title, folded)
        show_step(self.pages, self.print_step, self.print_step.done_button)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._say(german_message(error), ERROR_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def reject(self) -> None:
        if self._busy:
            return  # the task is being stored; the dialog waits for its outcome
        if self.pages.currentWidget() is self.print_step:
            self.accept()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


class IssuePassDialog(PdfTaskDialog):
    """Issue a pass to a person, then preview, print or save it.

    ``issued`` carries the :class:`IssuedPass` as soon as the pass is stored (before the
    preview); "Fertig" (Enter or Esc) then closes the dialog with ``accept()``."""

    issued = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._person_id = person_id
        self._needs_reason = False
        self.result_pass: IssuedPass | None = None
        self.setWindowTitle(self.tr("Pass ausstellen"))
        self.setAccessibleName(self.tr("Pass ausstellen"))
        self.form = IssueStep()
        self.message = self.form.message
        self._stack(self.form)
        self.form.issue_button.clicked.connect(self._on_issue)
        self.form.cancel_button.clicked.connect(self.reject)
        self._show_person()

    # --- step 1: what is about to be issued ---------------------------------------------

    def _show_person(self) -> None:
        """Read the person, today's eligibility and their passes (quick, on this thread)."""
        try:
            overview = self._desk.person_overview(self._person_id)
        except (ServiceError, InputError) as error:
            self._say(i18n.error_text(error), ERROR_STYLE)
            self.form.issue_button.setEnabled(False)
            self.form.show_reason(False)
            show_step(self.pages, self.form, self.form.cancel_button)
            return
        self._fill(overview)
        self.form.show_sample_data(self._desk.sample_data())
        first = self.form.reason if self._needs_reason else self.form.issue_button
        show_step(self.pages, self.form, self.form.issue_button)
        first.setFocus()

    def _fill(self, overview: PersonOverview) -> None:
        person, eligibility = overview.person, overview.eligibility
        name = holder_name(person)
        self.setWindowTitle(
            self.tr("Pass ausstellen – {name}").format(name=elided(name, TITLE_CHARS))
        )
        self.form.name.setText(name)
        self.form.birth_date.setText(person.birth_date.german())
        self.form.status.setText(i18n.eligibility_status(eligibility))
        self.form.status.setStyleSheet(STATUS_STYLE.get(eligibility.status, ""))
        self.form.reasons.setText(
            "\n".join(f"• {reason}" for reason in i18n.eligibility_reasons(eligibility))
        )
        self.form.passes.setText(
            "\n".join(self._pass_line(card) for card in overview.passes) or self.tr("noch keiner")
        )
        self.form.fill_languages(proposed_language(person.languages))
        self._needs_reason = eligibility.status == "needs_review"
        self.form.show_reason(self._needs_reason)

    def _pass_line(self, card: PassSummary) -> str:
        if card.active:
            return self.tr("{number} – gültig ({card}), ausgestellt am {day} von {office}").format(
                number=card.pass_number,
                card=card_name(card.generation),
                day=day_text(card.issued_on),
                office=card.office,
            )
        withdrawn = day_text(card.revoked_on) if card.revoked_on else "?"
        return self.tr("{number} – eingezogen am {day}").format(
            number=card.pass_number, day=withdrawn
        )

    # --- issuing on the worker ----------------------------------------------------------

    def _on_issue(self) -> None:
        if self._busy:
            return
        desk, person_id = self._desk, self._person_id
        languages = self.form.chosen_languages()
        reason = self.form.reason.text() if self._needs_reason else None

        def work(_progress: Progress) -> IssuedPass:
            return desk.issue_pass(person_id, languages=languages, override_reason=reason)

        self._set_busy(True)
        self._tasks.run(work, self._on_issued, self._on_failed)

    def _on_issued(self, issued: IssuedPass) -> None:
        self._set_busy(False)
        self.result_pass = issued
        self.issued.emit(issued)
        if issued.pdf is None:  # the service always writes one; say so if it ever does not
            self._say(
                self.tr("Der Pass wurde ausgestellt, aber kein PDF geschrieben."), ERROR_STYLE
            )
            return
        self._show_pdf(
            issued.pdf,
            self.tr("Pass {number} ausgestellt").format(number=issued.pass_number),
            self.tr("{name} · gedruckt auf {languages} · gespeichert als {file}").format(
                name=elided(self.form.name.full_text()),
                languages=printed_in(issued.print_languages),
                file=issued.pdf.name,
            ),
            f"Pass {issued.pass_number}",
            folded=True,
        )

    def _on_failed(self, error: Exception) -> None:
        super()._on_failed(error)
        if self._needs_reason:
            self.form.reason.setFocus()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.form.issue_button.setEnabled(not busy)
        self.form.cancel_button.setEnabled(not busy)
        if busy:
            self._say(self.tr("Pass wird ausgestellt …"), HINT_STYLE)


class ReplacePassDialog(PdfTaskDialog):
    """A new card for a lost one: same pass number, next generation; then print it.

    ``replaced`` carries the :class:`PassChange` as soon as the new card is stored."""

    replaced = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        pass_number: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._number = pass_number
        self._holder = ""
        self.result_change: PassChange | None = None
        self.setWindowTitle(self.tr("Ersatzkarte ausstellen"))
        self.setAccessibleName(self.tr("Ersatzkarte ausstellen"))
        self.confirm_page = self._build_confirm()
        self._stack(self.confirm_page)
        self.confirm_button.clicked.connect(self._on_replace)
        self.cancel_button.clicked.connect(self.reject)
        self._show_pass()
        primary = self.confirm_button if self.confirm_button.isEnabled() else self.cancel_button
        show_step(self.pages, self.confirm_page, primary)

    def _build_confirm(self) -> QWidget:
        self.heading = heading(self.tr("Ersatzkarte für Pass {number}").format(number=self._number))
        self.facts = label(accessible_name=self.tr("Angaben zum Pass"), style="font-weight: bold;")
        self.warning = label(
            self.tr(
                "Die bisherige Karte wird damit ungültig: Wird sie noch vorgezeigt, zeigt die "
                "Prüfung „ersetzt“. Die neue Karte trägt dieselbe Passnummer; die Einträge "
                "bleiben erhalten."
            ),
            self.tr("Warnung"),
        )
        self.question = label(self.tr("Ersatzkarte jetzt ausstellen?"), self.tr("Frage"))
        self.message = label(accessible_name=self.tr("Meldung"))
        self.confirm_button = button(
            self.tr("Ersatzkarte ausstellen"), self.tr("Ersatzkarte ausstellen"), keys="Enter"
        )
        self.cancel_button = button(
            self.tr("Abbrechen"), self.tr("Abbrechen, bisherige Karte bleibt gültig"), keys="Esc"
        )
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.facts, self.warning, self.question, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(button_row(self.confirm_button, self.cancel_button))
        layout.addWidget(key_hint(self.tr("Enter Ersatzkarte ausstellen · Esc abbrechen")))
        return container

    def _show_pass(self) -> None:
        """Whose pass and which card it is now (quick reads, on this thread)."""
        try:
            hits = self._desk.find(self._number).hits
            holder = next((hit for hit in hits if hit.pass_number == self._number), None)
            overview = self._desk.person_overview(holder.id) if holder else None
        except (ServiceError, InputError) as error:
            self._say(i18n.error_text(error), ERROR_STYLE)
            return
        if overview is None:  # a pass of another office, known only from a scan
            self.facts.setText(self.tr("Inhaber:in ist hier nicht gespeichert."))
            return
        self._holder = elided(holder_name(overview.person))
        self.setWindowTitle(
            self.tr("Ersatzkarte ausstellen – {name}").format(
                name=elided(holder_name(overview.person), TITLE_CHARS)
            )
        )
        self.facts.setToolTip(holder_name(overview.person))
        card = next((p for p in overview.passes if p.pass_number == self._number), None)
        lines = [
            self.tr("Inhaber:in: {name}, geboren {birth}").format(
                name=self._holder, birth=overview.person.birth_date.german()
            )
        ]
        if card is not None and card.active:
            lines.append(
                self.tr("Bisher: {card}; neu: {new}").format(
                    card=card_name(card.generation), new=card_name(card.generation + 1)
                )
            )
        self.facts.setText("\n".join(lines))
        if card is not None and not card.active:
            # A withdrawn pass gets no new card (the service refuses it too): say it now.
            self._say(
                self.tr("Der Pass ist eingezogen; eine Ersatzkarte ist nicht möglich."), ERROR_STYLE
            )
            self.confirm_button.setEnabled(False)

    def _on_replace(self) -> None:
        if self._busy:
            return
        desk, number = self._desk, self._number

        def work(_progress: Progress) -> PassChange:
            return desk.replace_pass(number)

        self._set_busy(True)
        self._tasks.run(work, self._on_replaced, self._on_failed)

    def _on_replaced(self, change: PassChange) -> None:
        self._set_busy(False)
        self.result_change = change
        self.replaced.emit(change)
        if change.pdf is None:
            self._say(
                self.tr("Die Ersatzkarte wurde gespeichert, aber kein PDF geschrieben."),
                ERROR_STYLE,
            )
            return
        parts = [card_name(change.generation)]
        if self._holder:
            parts.insert(0, self._holder)
        self._show_pdf(
            change.pdf,
            self.tr("Ersatzkarte für Pass {number} ausgestellt").format(number=change.pass_number),
            self.tr("{card} · die bisherige Karte ist ungültig · gespeichert als {file}").format(
                card=" · ".join(parts), file=change.pdf.name
            ),
            f"Pass {change.pass_number} ({change.generation}. Ersatzkarte)",
            folded=True,
        )

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self._say(self.tr("Ersatzkarte wird ausgestellt …"), HINT_STYLE)


class EntrySheetDialog(PdfTaskDialog):
    """The entry record sheet of one pass: written on the worker, then previewed.

    The sheet is a read-out, not a record: it goes to a temporary folder that is removed
    when the dialog closes (the clerk keeps a copy with "Als PDF speichern …"), so make one
    dialog per sheet. ``written`` carries the temporary file's path."""

    written = Signal(object)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        pass_number: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._number = pass_number
        self._today = desk.today()
        self._folder = Path(tempfile.mkdtemp(prefix="passapp-eintragsblatt-"))
        self.holder = pass_holder(desk, pass_number)
        self.setWindowTitle(self.holder.title(self.tr("Eintragsblatt drucken")))
        self.setAccessibleName(self.tr("Eintragsblatt drucken"))
        self.working_page = self._build_working()
        self._stack(self.working_page)
        self.close_button.clicked.connect(self.reject)
        show_step(self.pages, self.working_page, self.close_button)
        self._write(desk, tasks)

    def _build_working(self) -> QWidget:
        self.heading = heading(
            self.tr("Eintragsblatt für Pass {number}").format(number=self._number)
        )
        self.holder_line = label(
            self.holder.line(), self.tr("Pass und Inhaber:in"), style=HOLDER_STYLE
        )
        self.message = label(accessible_name=self.tr("Meldung"))
        self.close_button = button(self.tr("Schließen"), self.tr("Fenster schließen"), keys="Esc")
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.holder_line)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(button_row(self.close_button))
        layout.addWidget(key_hint(self.tr("Esc schließen")))
        return container

    def _write(self, desk: Desk, tasks: TaskRunner) -> None:
        number = self._number
        target = self._folder / f"Eintragsblatt-{number}.pdf"

        def work(_progress: Progress) -> Path:
            return desk.print_entry_sheet(number, target)

        self._set_busy(True)
        tasks.run(work, self._on_written, self._on_failed)

    def _on_written(self, path: Path) -> None:
        self._set_busy(False)
        self.written.emit(path)
        self._show_pdf(
            path,
            self.tr("Eintragsblatt für Pass {number}").format(number=self._number),
            self.tr(
                "{holder} · Stand {day} · wird beim Schließen verworfen; zum Aufheben "
                "„Als PDF speichern …“ wählen"
            ).format(holder=self.holder.line(), day=day_text(self._today)),
            f"Eintragsblatt {self._number}",
        )

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self._say(self.tr("Eintragsblatt wird erstellt …"), HINT_STYLE)

    def done(self, result: int) -> None:
        """Closing removes the temporary sheet (a saved copy stays where it was saved)."""
        super().done(result)
        shutil.rmtree(self._folder, ignore_errors=True)
