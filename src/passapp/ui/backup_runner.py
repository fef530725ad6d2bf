"""The one worker thread of the app's backups and of a restore, and the notice a wait
shows (issue 12): the backup dialog, the automatic backups and the restore dialog all use
it, so it lives apart from each of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from passapp.services.progress import Progress
from passapp.ui.tasks import Task, TaskRunner

T = TypeVar("T")


def busy_notice(
    text: str, parent: QWidget | None = None, cancel: Callable[[], None] | None = None
) -> QProgressDialog:
    """A shown, painted, application-modal "please wait": the clerk sees why nothing else
    can be clicked (a wait is never a silent freeze). With ``cancel``, an "Abbrechen"
    button (and Esc) calls it; the wait goes on until the work has stopped."""
    notice = QProgressDialog(text, "", 0, 0, parent)
    if cancel is None:
        notice.setCancelButton(None)
    else:
        notice.setCancelButtonText(QCoreApplication.translate("backups", "Abbrechen"))
        notice.canceled.connect(cancel)
    notice.setWindowTitle(QCoreApplication.translate("backups", "Datensicherung"))
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    notice.setAutoClose(False)
    notice.show()
    QCoreApplication.processEvents()  # painted before anything waits
    return notice


class BackupRunner(QObject):
    """The one worker thread of the app's backups and of a restore: never the GUI thread,
    never two at once (a second one asked for meanwhile is told so, not queued).

    The work gets the Gate's or Desk's context, whose engine hands the worker a pooled
    SQLite connection of its own; the copy itself opens two connections of its own (under
    the SQLCipher key, if any). Quitting waits for a running job, visibly (:meth:`wait`)."""

    # A German line about a finished or failed job, for the main window's status bar.
    told = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if app is not None:
            # Before the TaskRunner's own shutdown at quitting, which would wait silently.
            app.aboutToQuit.connect(self.wait)
        self._tasks = TaskRunner(self)

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> Task[T] | None:
        """Start ``work`` on the worker; None (nothing started) while a job runs."""
        return self.run_cancellable(lambda _progress: work(), on_success, on_failure)

    def run_cancellable(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> Task[T] | None:
        """:meth:`run` for work that looks at its ``Progress`` and stops when cancelled."""
        if self.busy:
            return None
        return self._tasks.run(work, on_success, on_failure)

    def wait(self, text: str | None = None, cancel: Callable[[], None] | None = None) -> None:
        """Return once the running job (if any) is done and its callbacks ran, showing
        "Datensicherung läuft …" meanwhile; the event loop goes on (the notice moves).
        With ``cancel``, the notice offers "Abbrechen" (see :func:`busy_notice`)."""
        if not self.busy:
            return
        notice = busy_notice(text or self.tr("Datensicherung läuft … bitte warten."), None, cancel)
        loop = QEventLoop()
        self._tasks.finished.connect(loop.quit)
        try:
            if self.busy:  # the outcome arrives through this loop, never before it
                loop.exec()
        finally:
            self._tasks.finished.disconnect(loop.quit)
            notice.close()
            notice.deleteLater()
