"""Progress and cancel for long service calls (a sync import of a million changes).

A service reports how far it got into a :class:`Progress` object and checks there whether
it should stop; whoever started it (a UI worker, the CLI) reads the same object from
another thread. No widget is involved, so the core stays free of Qt (STYLE "Follow" 6).
Cancelling raises :class:`Cancelled` inside the service, whose transaction then rolls
back; an import that commits in steps keeps the steps already done and says so.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from passapp.services.errors import ServiceError


class Cancelled(ServiceError):
    exit_code = 1

    def __init__(
        self,
        message_en: str = "cancelled, nothing was changed",
        message_de: str = "Abgebrochen, nichts wurde geändert.",
        *,
        partly_done: bool = False,
    ) -> None:
        super().__init__(message_en, message_de)
        # Work committed in steps before the cancel stays (an import's steps): the message
        # says how far it got and how to go on.
        self.partly_done = partly_done


@dataclass(frozen=True)
class ProgressSnapshot:
    phase: str  # a short German phrase for the window, e.g. "Änderungen einspielen"
    done: int
    total: int | None  # None while the amount of work is not known yet

    @property
    def fraction(self) -> float | None:
        return None if not self.total else min(1.0, self.done / self.total)


class Progress:
    """Thread-safe progress state shared by a worker and its watcher."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self._snapshot = ProgressSnapshot("", 0, None)

    def update(self, done: int, total: int | None = None, phase: str | None = None) -> None:
        """Record progress; raises :class:`Cancelled` once :meth:`cancel` was called."""
        with self._lock:
            current = self._snapshot
            self._snapshot = ProgressSnapshot(
                current.phase if phase is None else phase,
                done,
                current.total if total is None else total,
            )
        self.check()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def snapshot(self) -> ProgressSnapshot:
        with self._lock:
            return self._snapshot


def update(
    progress: Progress | None, done: int, total: int | None = None, phase: str | None = None
) -> None:
    """Report to ``progress`` where one was given (services take it as optional)."""
    if progress is not None:
        progress.update(done, total, phase)
