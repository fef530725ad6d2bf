"""The worker helper on its own: off the UI thread, one thread, outcomes back on the UI thread."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot

from passapp.services.errors import Refused
from passapp.services.progress import Cancelled, Progress
from passapp.ui.tasks import Task, TaskRunner

T = TypeVar("T")


def test_work_runs_off_the_ui_thread_and_the_callback_on_it(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    ui_thread = threading.get_ident()
    callback_threads: list[int] = []
    results: list[int] = []

    def on_success(worker_thread: int) -> None:
        callback_threads.append(threading.get_ident())
        results.append(worker_thread)

    with qtbot.waitSignal(tasks.finished, timeout=5000) as finished:
        task = tasks.run(lambda _progress: threading.get_ident(), on_success, pytest.fail)
        assert tasks.busy
    assert finished.args == [task]
    assert task.done
    assert not tasks.busy
    assert results[0] != ui_thread
    assert callback_threads == [ui_thread]


def test_tasks_run_one_after_another_on_a_single_thread(qtbot: QtBot, tasks: TaskRunner) -> None:
    # All writes go through one thread: SQLite never sees two writers of this app.
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignals([tasks.finished] * 3, timeout=5000):
        for number in range(3):
            tasks.run(
                lambda _progress, n=number: (n, threading.get_ident()),
                seen.append,
                pytest.fail,
            )
    assert [n for n, _thread in seen] == [0, 1, 2]
    assert len({thread for _n, thread in seen}) == 1


def test_a_failure_reaches_the_failure_callback(qtbot: QtBot, tasks: TaskRunner) -> None:
    errors: list[Exception] = []

    def refuse(_progress: Progress) -> None:
        raise Refused("no", "Nein.")

    with qtbot.waitSignal(tasks.finished, timeout=5000):
        tasks.run(refuse, lambda _result: pytest.fail("no success expected"), errors.append)
    assert isinstance(errors[0], Refused)
    assert errors[0].message_de == "Nein."


def test_cancel_through_the_progress_object(qtbot: QtBot, tasks: TaskRunner) -> None:
    started = threading.Event()

    def endless(progress: Progress) -> None:
        done = 0
        while True:  # like a service: report, and stop where the progress says so
            progress.update(done, None, "Zählen")
            started.set()
            done += 1

    errors: list[Exception] = []
    with qtbot.waitSignal(tasks.finished, timeout=5000):
        task: Task[None] = tasks.run(endless, lambda _result: None, errors.append)
        assert started.wait(5)
        assert task.progress.snapshot().phase == "Zählen"
        task.cancel()
    assert isinstance(errors[0], Cancelled)


class InlineExecutor(Executor):
    """Runs work at once on the calling thread (STYLE 7: a fake pool for tests)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_a_synchronous_executor_still_delivers_through_the_event_loop(qtbot: QtBot) -> None:
    runner = TaskRunner(executor=InlineExecutor())
    results: list[int] = []
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(lambda _progress: threading.get_ident(), results.append, pytest.fail)
        assert results == []  # never inside run(): callbacks always come from the event loop
    assert results == [threading.get_ident()]


class _SlowToLetGo(Executor):
    """One worker thread that lingers after each work function, as a busy machine might."""

    def __init__(self) -> None:
        self._inner = ThreadPoolExecutor(max_workers=1)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        def lingering() -> T:
            result = fn(*args, **kwargs)
            time.sleep(0.05)  # the arguments are still referenced here
            return result

        return self._inner.submit(lingering)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait, cancel_futures=cancel_futures)


def test_what_the_callbacks_hold_is_released_on_the_ui_thread(qtbot: QtBot) -> None:
    """A dialog held only by a task's callbacks must never be destroyed on the worker."""
    runner = TaskRunner(executor=_SlowToLetGo())
    released_on: list[int] = []

    class Dialog:  # stands in for a parentless QDialog: its callbacks hold it
        pass

    for number in range(1, 6):
        dialog = Dialog()
        weakref.finalize(dialog, lambda: released_on.append(threading.get_ident()))
        with qtbot.waitSignal(runner.finished, timeout=5000):
            runner.run(lambda _p: 1, lambda _r, d=dialog: None, lambda _e, d=dialog: None)
        del dialog
        qtbot.waitUntil(lambda n=number: len(released_on) >= n, timeout=5000)
    runner.shutdown()
    assert released_on == [threading.get_ident()] * 5


def test_a_quiet_task_runs_in_turn_but_does_not_signal_finished(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    order: list[str] = []
    finished: list[object] = []
    tasks.finished.connect(finished.append)
    tasks.run(lambda _p: "bookkeeping", order.append, pytest.fail, quiet=True)
    with qtbot.waitSignal(tasks.finished, timeout=5000):
        clerks = tasks.run(lambda _p: "clerk's work", order.append, pytest.fail)
    assert order == ["bookkeeping", "clerk's work"]  # one worker, in turn
    assert finished == [clerks]  # the signal names only the clerk's task
    assert not tasks.busy
