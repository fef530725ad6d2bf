"""The one helper for slow work: a service call off the UI thread, its outcome back on it.

Modelled on Anki's taskman and CollectionOp (STYLE "Follow" 6):

* Every task runs on **one** worker thread, in the order it was started. Widgets make every
  service call that writes through here, so the database is written from that thread only
  (SQLite takes one writer; Vorta's "database is locked" reports came from several).
* The task gets a :class:`Progress` to report into and to check for cancel. The UI polls it
  with a timer; no signal per record floods the event loop (Picard PR #3188).
* Success and failure come back as a queued signal, so the callbacks run on the UI thread and
  may touch widgets; the worker never does. :attr:`TaskRunner.finished` follows the
  callbacks, for tests (``qtbot.waitSignal``) and for anything that waits on a task.

Cancel is cooperative: :meth:`Task.cancel` marks the progress, and the service raises
:class:`~passapp.services.progress.Cancelled` where stopping is safe (an import after its current step).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from passapp.services.progress import Progress

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(eq=False)
class Task(Generic[T]):
    """One piece of work handed to the runner, and the handle the UI keeps of it."""

    work: Callable[[Progress], T]
    on_success: Callable[[T], None]
    on_failure: Callable[[Exception], None]
    progress: Progress = field(default_factory=Progress)
    done: bool = False
    future: Future[None] | None = None
    # Background bookkeeping (an audit event of a read): no `finished` signal, which
    # screens and tests take as "the work the clerk started is done".
    quiet: bool = False

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    """Runs tasks one after another on a single worker thread (see the module docstring)."""

    finished = Signal(object)  # the Task, after its callback ran on the UI thread
    _outcome = Signal(object, object, object)  # task, result, error: emitted by the worker

    def __init__(self, parent: QObject | None = None, executor: Executor | None = None) -> None:
        super().__init__(parent)
        # One thread: tasks never overlap, so writes are serialised without any lock.
        self._executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="passapp-worker"
        )
        self._open: set[Task[Any]] = set()
        # Delivered tasks kept until the worker has let go of them (see _release_retired).
        self._retired: list[Task[Any]] = []
        # Queued even when emitted on the UI thread: a callback never runs inside run().
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return bool(self._open)

    def run(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
        *,
        quiet: bool = False,
    ) -> Task[T]:
        """Queue ``work(progress)`` on the worker; one of the callbacks follows on this thread."""
        task = Task(work, on_success, on_failure, quiet=quiet)
        self._open.add(task)
        # The worker gets the task in a holder it empties, so the executor's work item
        # keeps no reference once the work function has returned.
        task.future = self._executor.submit(self._run_on_worker, [task])
        return task

    def shutdown(self) -> None:
        """Cancel what is open and wait for the worker (when the application quits)."""
        for task in list(self._open):
            task.cancel()
        self._executor.shutdown(wait=True)

    def _run_on_worker(self, holder: list[Task[Any]]) -> None:
        task = holder.pop()
        try:
            result = task.work(task.progress)
        except Exception as error:  # every failure goes back to the UI, never lost here
            self._emit_outcome(task, None, error)
        else:
            self._emit_outcome(task, result, None)

    def _emit_outcome(self, task: Task[Any], result: object, error: Exception | None) -> None:
        try:
            self._outcome.emit(task, result, error)
        except RuntimeError:
            # The runner's window is gone (the app is closing): nobody is left to tell.
            log.info("task finished after its runner was deleted")

    @Slot(object, object, object)
    def _deliver(self, task: Task[Any], result: object, error: Exception | None) -> None:
        self._open.discard(task)
        task.done = True
        try:
            if error is None:
                task.on_success(result)
            else:
                task.on_failure(error)
        finally:
            if not task.quiet:
                self.finished.emit(task)
            self._retired.append(task)
            self._release_retired()

    def _release_retired(self) -> None:
        """Drop delivered tasks here, on the UI thread, once the worker is done with them.

        A task's callbacks may hold the last reference to a dialog; were the worker's frame
        the last holder, the dialog would be destroyed on the worker thread, which Qt does
        not survive. The future is done only after the work function's frame is gone."""
        self._retired = [t for t in self._retired if t.future is None or not t.future.done()]
        if self._retired:
            QTimer.singleShot(20, self._release_retired)
