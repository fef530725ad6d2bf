"""The "Datenaustausch" screen: export and import sync bundles, with a receipt (issue 4).

Behaviour only; the layout is :class:`passapp.ui.sync_view.SyncScreenView` (STYLE 9).
Exports and imports write to the database, so they run through the app's one
:class:`TaskRunner`; the window polls their progress and stays responsive. Reading the
status and a bundle's plain header is quick and happens right here. Every refusal is
shown as the service's German message, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from passapp.pdf.sync_receipt import (
    SyncReceipt,
    counts_in_words,
    export_receipt,
    import_receipt,
    render_sync_receipt,
)
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.files import write_atomically
from passapp.services.offices import OfficeInfo
from passapp.services.progress import Cancelled, Progress
from passapp.services.sync import (
    ExportReport,
    ImportReport,
)
from passapp.ui import i18n
from passapp.ui.pdf_print import PrintError, PrintJob, print_pdf
from passapp.ui.peer_table import clock_time, peer_rows
from passapp.ui.sync_view import ERROR_STYLE, NOTE_STYLE, SyncScreenView
from passapp.ui.tasks import Task, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)

POLL_MS = 100
BAR_STEPS = 1000


# The services name their steps in German (the command line is German); the screen says
# them in the UI's language.
_PHASES = (
    QT_TRANSLATE_NOOP("sync_phase", "Änderungen einspielen"),
    QT_TRANSLATE_NOOP("sync_phase", "Fertig"),
)
_WRITING_FOR = re.compile(r"^Paket für (?P<code>\S+) schreiben$")


def phase_text(phase: str) -> str:
    """A service's step ("Paket für EWDAH schreiben") in the UI's language."""
    writing = _WRITING_FOR.match(phase)
    if writing is not None:
        return QCoreApplication.translate("sync_phase", "Paket für {code} schreiben").format(
            code=writing["code"]
        )
    return QCoreApplication.translate("sync_phase", phase) if phase in _PHASES else phase


def kinds_text(counts: Mapping[str, int]) -> str:
    """``{"person": 2, "entry": 1}`` → "2 Personen, 1 Eintrag", or "2 people, 1 entry" in
    the English UI: the receipt's words."""
    return counts_in_words(counts, i18n.current_language())


class SyncScreen(SyncScreenView):
    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._office = desk.office()
        self._task: Task[Any] | None = None
        self._bundle: Path | None = None
        self._header: dict[str, Any] = {}
        self._receipt: SyncReceipt | None = None
        self._cancelled_text = ""
        self._folder = desk.output_folder or Path.home()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)

        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_choose_bundle)
        self.close_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self._on_import)
        self.back_button.clicked.connect(self._show_overview)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.done_button.clicked.connect(self._show_overview)
        self._describe_role()
        self._show_overview()

    # --- overview ---------------------------------------------------------------------------

    def _describe_role(self) -> None:
        office = self._office
        if office is None:
            self.overview_heading.setText(self.tr("Datenaustausch"))
            self.intro.setText(
                self.tr("In dieser Datenbank ist noch keine Dienststelle eingerichtet.")
            )
        elif office.is_district:
            self.overview_heading.setText(self.tr("Datenaustausch mit den Dienststellen"))
            self.intro.setText(
                self.tr(
                    "Exportieren schreibt für jede angemeldete Dienststelle ein eigenes Paket in "
                    "den gewählten Ordner (zum Beispiel einen USB-Stick). Einspielen übernimmt "
                    "das Paket einer Dienststelle."
                )
            )
        else:
            self.overview_heading.setText(
                self.tr("Datenaustausch mit dem Landratsamt ({code})").format(
                    code=office.district_code
                )
                if office.district_code
                else self.tr("Datenaustausch mit dem Landratsamt")
            )
            self.intro.setText(
                self.tr(
                    "Exportieren schreibt ein Paket mit allem, was das Landratsamt noch nicht "
                    "hat, in den gewählten Ordner (zum Beispiel einen USB-Stick). Einspielen "
                    "übernimmt ein Paket des Landratsamts."
                )
            )

    def refresh_status(self) -> None:
        """Show the sync status (a few quick reads, on this thread)."""
        try:
            current = self._desk.sync_status()
        except ServiceError as error:
            self._say(i18n.error_text(error), ERROR_STYLE)
            self.export_button.setEnabled(False)
            self.import_button.setEnabled(False)
            return
        self.peers.set_rows(peer_rows(current.peers, _expected_peers(self._office)))
        self.peer_table.setVisible(self.peers.rowCount() > 0)
        self.no_peers.setVisible(self.peers.rowCount() == 0)
        self.counts.setText(
            self.tr(
                "Wartende Änderungen: {pending} · In Quarantäne: {quarantined} · "
                "Ungeklärte Konflikte: {conflicts}"
            ).format(
                pending=i18n.number_text(current.pending),
                quarantined=i18n.number_text(current.quarantined),
                conflicts=i18n.number_text(current.conflicts),
            )
        )

    def _show_overview(self) -> None:
        self.refresh_status()
        self.show_page(self.overview_page, self.export_button)

    def _say(self, text: str, style: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    # --- export -----------------------------------------------------------------------------

    def _on_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Ordner für das Paket wählen (z. B. USB-Stick)"), str(self._folder)
        )
        if not folder:
            return
        self._folder = Path(folder)
        desk = self._desk

        def work(progress: Progress) -> list[ExportReport]:
            return desk.export_bundles(Path(folder), None, progress)

        # Bundles are written one by one; those already written are whole and valid.
        self._start(
            self.tr("Paket wird geschrieben …"),
            work,
            self._on_exported,
            hint=self.tr("Abbrechen hält nach dem Paket an, das gerade geschrieben wird."),
            cancelled=self.tr(
                "Abgebrochen. Schon fertig geschriebene Pakete sind vollständig und gültig."
            ),
        )

    def _on_exported(self, reports: list[ExportReport]) -> None:
        made, context = [r.to_json() for r in reports], self._receipt_context()
        self._show_receipt(lambda language: export_receipt(made, **context, language=language))

    # --- import -----------------------------------------------------------------------------

    def _on_choose_bundle(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Paket einspielen"),
            str(self._folder),
            self.tr("passapp-Pakete (*.passapp);;Alle Dateien (*)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        try:
            header = self._desk.describe_bundle(path)
        except ServiceError as error:
            self._say(f"{path.name}: {i18n.error_text(error)}", ERROR_STYLE)
            return
        self._bundle, self._header = path, header
        self._show_confirmation(path, header)

    def _show_confirmation(self, path: Path, header: dict[str, Any]) -> None:
        changes = int(header["changes"])
        content = self.tr("keine neuen Änderungen (nur Bestätigungen)")
        if changes:
            content = self.tr("{count} Änderungen: {kinds}").format(
                count=i18n.number_text(changes), kinds=kinds_text(header["counts"])
            )
        created = clock_time(dt.datetime.fromisoformat(header["created_at"]))
        for key, text in (
            ("sender", header["sender"]),
            ("recipient", header["recipient"]),
            ("created", created),
            ("content", content),
            ("file", path.name),  # a long path would widen the window; it is in the tooltip
        ):
            self.facts[key].setText(text)
        self.facts["file"].setToolTip(str(path))
        own = self._office.code if self._office else None
        wrong = header["recipient"] != own
        self.confirm_warning.setText(
            self.tr(
                "Dieses Paket ist für {recipient} bestimmt, nicht für diese Stelle ({own}). "
                "Es kann hier nicht eingespielt werden."
            ).format(recipient=header["recipient"], own=own)
            if wrong
            else ""
        )
        self.confirm_button.setEnabled(not wrong)
        self.show_page(self.confirm_page, self.back_button if wrong else self.confirm_button)

    def _on_import(self) -> None:
        bundle, desk = self._bundle, self._desk
        if bundle is None:
            return

        def work(progress: Progress) -> ImportReport:
            return desk.import_bundle(bundle, progress)

        self._start(
            self.tr("Paket wird eingespielt …"),
            work,
            self._on_imported,
            hint=self.tr(
                "Abbrechen hält nach dem laufenden Schritt an: schon Übernommenes bleibt, "
                "erneutes Einspielen setzt fort."
            ),
            cancelled=self.tr("Abgebrochen. Aus dem Paket wurde nichts übernommen."),
        )

    def _on_imported(self, report: ImportReport) -> None:
        header, done, context = self._header, report.to_json(), self._receipt_context()
        self._show_receipt(
            lambda language: import_receipt(header, done, **context, language=language)
        )

    # --- working ----------------------------------------------------------------------------

    def _start(
        self,
        title: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None],
        *,
        hint: str,
        cancelled: str,
    ) -> None:
        """Run ``work`` on the worker, show its progress, then ``done`` or the failure;
        ``hint`` says what cancelling would do, ``cancelled`` what it did."""
        self._say("")
        self._cancelled_text = cancelled
        self.work_heading.setText(title)
        self.work_hint.setText(hint)
        self.phase.setText(self.tr("Wird vorbereitet …"))
        self.progress_bar.setRange(0, 0)  # busy until the service knows the amount
        self.cancel_button.setEnabled(True)
        self.show_page(self.working_page, self.cancel_button)

        def succeeded(result: T) -> None:
            self._stop_polling()
            done(result)

        self._task = self._tasks.run(work, succeeded, self._on_failed)
        self._poll.start()

    def _on_poll(self) -> None:
        if self._task is None or self._task.progress.cancelled:
            return
        snapshot = self._task.progress.snapshot()
        if snapshot.total:
            self.progress_bar.setRange(0, BAR_STEPS)
            self.progress_bar.setValue(round((snapshot.fraction or 0.0) * BAR_STEPS))
            self.phase.setText(
                self.tr("{phase}: {done} von {total}").format(
                    phase=phase_text(snapshot.phase),
                    done=i18n.number_text(snapshot.done),
                    total=i18n.number_text(snapshot.total),
                )
            )
        elif snapshot.phase:
            self.phase.setText(phase_text(snapshot.phase))

    def _on_cancel(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.phase.setText(self.tr("Wird abgebrochen …"))

    def _on_failed(self, error: Exception) -> None:
        self._stop_polling()
        self._show_overview()
        if isinstance(error, Cancelled):
            self._say(
                i18n.error_text(error) if error.partly_done else self._cancelled_text, ERROR_STYLE
            )
        elif isinstance(error, ServiceError):
            self._say(i18n.error_text(error), ERROR_STYLE)
        else:
            log.error("sync task failed", exc_info=error)
            self._say(
                self.tr(
                    "Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die "
                    "Einzelheiten stehen im Protokoll."
                ).format(kind=type(error).__name__),
                ERROR_STYLE,
            )

    def _stop_polling(self) -> None:
        self._poll.stop()
        self._task = None

    @property
    def working(self) -> bool:
        return self._task is not None

    # --- receipt ----------------------------------------------------------------------------

    def _receipt_context(self) -> dict[str, Any]:
        office = self._office
        name = f"{office.code} – {office.name}" if office else "–"
        return {"office": name, "clerk": self._desk.account.name, "made_at": self._desk.now()}

    def _show_receipt(self, receipt_in: Callable[[str], SyncReceipt]) -> None:
        # Printed and saved in German, the authority's language for its records; shown in
        # the UI's language.
        self._receipt = receipt_in("de")
        shown = self._receipt if i18n.current_language() == "de" else receipt_in("en")
        self.receipt_heading.setText(shown.title)
        self.receipt_summary.setText(shown.summary)
        self.receipt_text.setHtml(receipt_html(shown))
        self.receipt_message.setText("")
        self.show_page(self.receipt_page, self.done_button)
        self.refresh_status()

    def _on_print(self) -> None:
        if self._receipt is None:
            return
        try:
            job = PrintJob(render_sync_receipt(self._receipt), self._receipt.title)
            if print_pdf(self, job):
                self._tell(self.tr("Der Beleg wurde an den Drucker geschickt."), NOTE_STYLE)
        except PrintError as error:
            self._tell(i18n.error_text(error), ERROR_STYLE)

    def _on_save(self) -> None:
        if self._receipt is None:
            return
        suggestion = self._folder / f"Beleg-Datenaustausch-{self._desk.now():%Y%m%d-%H%M%S}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Beleg als PDF speichern"),
            str(suggestion),
            self.tr("PDF-Dateien (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen).with_suffix(".pdf")
        try:
            write_atomically(target, render_sync_receipt(self._receipt))
        except OSError as error:
            self._tell(
                self.tr("Der Beleg konnte nicht gespeichert werden: {reason}").format(
                    reason=error.strerror
                ),
                ERROR_STYLE,
            )
            return
        self._tell(self.tr("Beleg gespeichert: {path}").format(path=target), NOTE_STYLE)

    def _tell(self, text: str, style: str) -> None:
        self.receipt_message.setText(text)
        self.receipt_message.setStyleSheet(style)

    # --- Esc and closing --------------------------------------------------------------------

    def reject(self) -> None:
        """Esc goes one step back: cancel the work, leave the confirmation or the receipt,
        and only on the overview close the screen."""
        current = self.pages.currentWidget()
        if current is self.working_page:
            self._on_cancel()
        elif current is not self.overview_page:
            self._show_overview()
        else:
            super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opened again (not merely restored from the taskbar): a fresh status, no old receipt.
        if not event.spontaneous() and not self.working:
            self._show_overview()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.working:
            # The work finishes or rolls back first; the screen stays until then.
            self._on_cancel()
            event.ignore()
            return
        super().closeEvent(event)


def _expected_peers(office: OfficeInfo | None) -> list[str]:
    if office is None or office.is_district or office.district_code is None:
        return []
    return [office.district_code]


# One label width for every section, so the values line up as on paper.
LABEL_COLUMN = "width='170' style='color:#555555'"


def receipt_html(receipt: SyncReceipt) -> str:
    """The receipt's sections and notes for the window (the PDF lays out the same content)."""
    parts = []
    for section in receipt.sections:
        parts.append(f"<h3>{html.escape(section.heading)}</h3><table cellpadding='3'>")
        parts += [
            f"<tr><td {LABEL_COLUMN}>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
            for label, value in section.rows
        ]
        parts.append("</table>")
    if receipt.notes:
        parts.append("<h3>" + ("Notes" if receipt.language == "en" else "Hinweise") + "</h3>")
        parts += [f"<p>{html.escape(note)}</p>" for note in receipt.notes]
    return "".join(parts)
