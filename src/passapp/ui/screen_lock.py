"""The screen lock: after some minutes without keyboard or mouse input the window is covered
and the same account's password opens it again (issue 10).

:class:`ScreenLock` is an application-wide event filter. Every key press, click, mouse move
or wheel turn restarts its timer; when the timer runs out, :class:`LockPrompt` covers the
whole main window (the central widget is hidden too, so no field behind it can take the
focus), every other window of the app (dialogs, previews) is hidden and menus are closed.
While locked, the filter swallows all input meant for anything but the prompt and every
shortcut: a handheld QR scanner's keystrokes reach no hidden form and trigger no action.
Hidden dialogs come back after unlocking (a half-filled registration is not lost) unless
they finished meanwhile; a dialog a finishing task opens while locked is hidden at once.

The password is checked with ``Desk.confirm_password`` on the app's worker (Argon2 takes a
moment and the attempt is written to the audit log); a wrong one counts towards the
lock-out like any failed log-in, and the prompt says the one German failure message for
every reason. Text that looks like a scanned pass is never tried as a password, so a scan
at a locked counter does not use up the account's attempts. "Abmelden" logs out.

The minutes are a setting of the PC (QSettings, default 5, 0 = off), changed by an office
admin on the accounts screen: how soon a screen must lock depends on where the PC stands
(a counter in a public hall, a back office), not on the office's database.
"""

from __future__ import annotations

from typing import Final, cast

import shiboken6
from PySide6.QtCore import SIGNAL, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.pass_number import looks_like_pass_number
from passapp.services.desk import Desk
from passapp.services.verification import looks_like_qr
from passapp.ui import i18n
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, button, button_row, heading, label
from passapp.ui.tasks import TaskRunner

LOCK_MINUTES_SETTING: Final = "screen_lock_minutes"
DEFAULT_LOCK_MINUTES: Final = 5
MAX_LOCK_MINUTES: Final = 120
# The prompt's width: fits 1366×768 at 150 % (911 logical pixels).
BOX_WIDTH: Final = 480

# Input that shows somebody is at the PC (restarts the timer).
ACTIVITY: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)
# Input swallowed while locked unless it is meant for the prompt.
BLOCKED: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.Shortcut,
    }
)


def settings() -> QSettings:
    return i18n.settings()


def lock_minutes() -> int:
    """The minutes without input before the screen locks (0: never), from this PC's settings."""
    stored = settings().value(LOCK_MINUTES_SETTING, DEFAULT_LOCK_MINUTES)
    try:
        minutes = int(str(stored))
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return minutes if 0 <= minutes <= MAX_LOCK_MINUTES else DEFAULT_LOCK_MINUTES


def save_lock_minutes(minutes: int) -> None:
    if not 0 <= minutes <= MAX_LOCK_MINUTES:
        raise ValueError(f"lock minutes {minutes} outside 0..{MAX_LOCK_MINUTES}")
    settings().setValue(LOCK_MINUTES_SETTING, minutes)


def looks_like_a_scan(text: str) -> bool:
    stripped = text.strip()
    return looks_like_qr(stripped) or looks_like_pass_number(stripped)


class LockPrompt(QFrame):
    """What covers the locked window: who is logged in, the password, unlock or log out."""

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockPrompt")
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Bildschirm gesperrt"))
        account = desk.account
        self.heading = heading(self.tr("Bildschirm gesperrt"))
        self.who = label(
            self.tr(
                "Angemeldet ist {name} ({role}). Zum Entsperren das Passwort dieses Kontos "
                "eingeben."
            ).format(name=account.name, role=i18n.role_label(desk.account.role)),
            self.tr("Angemeldetes Konto"),
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Passwort"))
        self.password.setPlaceholderText(self.tr("Passwort"))
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.unlock_button = button(self.tr("Entsperren"), self.tr("Entsperren"), keys="Enter")
        self.log_out_button = button(self.tr("Abmelden"), self.tr("Abmelden"))
        hint = label(
            self.tr("Enter entsperrt · „Abmelden“ beendet die Sitzung dieses Kontos."),
            self.tr("Tastenkürzel"),
            HINT_STYLE,
        )
        # Placed by hand (``place_box``): the wrapped labels need their height for the
        # box's width, which a centring layout does not ask them for (they were cut).
        self.box = QFrame(self)
        inner = QVBoxLayout(self.box)
        for widget in (self.heading, self.who, self.password, self.message):
            inner.addWidget(widget)
        inner.addLayout(button_row(self.unlock_button, self.log_out_button))
        inner.addWidget(hint)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_box()

    def place_box(self) -> None:
        """The box centred, a quarter down, as high as its wrapped text needs."""
        width = min(BOX_WIDTH, self.width())
        height = self.box.heightForWidth(width)
        self.box.setGeometry((self.width() - width) // 2, self.height() // 4, width, height)

    def say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.place_box()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.log_out_button):
            widget.setEnabled(not busy)
        if busy:
            self.say(self.tr("Passwort wird geprüft …"), HINT_STYLE)


class ScreenLock(QObject):
    """Locks ``window`` (its parent) after ``minutes`` without input (see the module
    docstring).

    "Abmelden" emits :attr:`log_out_requested` (the main window connects its own log-out);
    with nothing connected, the desk is logged out and the window closed. The lock keeps no
    Python reference to its window: a reference cycle would keep a deleted window's wrapper
    alive after log-out."""

    locked_changed = Signal(bool)
    log_out_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        minutes: int | None = None,
    ) -> None:
        super().__init__(window)
        self._desk = desk
        self._tasks = tasks
        self._locked = False
        self._enabled = False
        self._hidden_windows: list[QWidget] = []
        self._covered: QWidget | None = None
        self._focus: QWidget | None = None
        self.prompt = LockPrompt(desk, window)
        self.prompt.hide()
        self.prompt.password.returnPressed.connect(self.try_unlock)
        self.prompt.unlock_button.clicked.connect(self.try_unlock)
        self.prompt.log_out_button.clicked.connect(self.log_out)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Coarse timers may be off by 5 %: three seconds of a minute.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.lock)
        self.set_minutes(lock_minutes() if minutes is None else minutes)
        app = QApplication.instance()
        assert app is not None, "the screen lock needs the running application"
        app.installEventFilter(self)  # removed by Qt when the lock goes with its window

    def _window(self) -> QWidget:
        return cast(QWidget, self.parent())

    # --- the timer -----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def interval_ms(self) -> int:
        """Milliseconds without input before locking; 0 when the lock is off."""
        return self._timer.interval() if self._enabled else 0

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        """0 turns the lock off; tests use a few milliseconds."""
        self._enabled = interval_ms > 0
        self._timer.setInterval(max(interval_ms, 0))
        self._restart()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def _restart(self) -> None:
        if self._enabled and not self._locked:
            self._timer.start()
        else:
            self._timer.stop()

    def _stop_if_closed(self) -> None:
        # Logged out or quitting: nothing left to guard (a close the window refused is none).
        if self.parent() is not None and not self._window().isVisible():
            self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- the event filter ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.parent():
            QTimer.singleShot(0, self._stop_if_closed)
            return False
        if not self._locked:
            if kind in ACTIVITY:
                self._restart()
            return False
        if kind == QEvent.Type.Resize and watched is self.parent():
            self.prompt.setGeometry(self._window().rect())
        if kind == QEvent.Type.ShortcutOverride:
            # Accepted here, no shortcut fires (Ctrl+N, Esc, a button's Alt letter); the key
            # itself then goes to the password field, or nowhere.
            event.accept()
            return True
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            self._on_show(watched)
            return False
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            # A task's callback focusing the search field: the focus goes back to the
            # password, so the next keys (a scan, the password) go where they may.
            if not self._in_prompt(watched):
                QTimer.singleShot(0, self._focus_password)
            return False
        if kind in BLOCKED and isinstance(watched, QWidget):
            return not self._in_prompt(watched)
        return False

    def _focus_password(self) -> None:
        if self._locked and self.prompt.password.isEnabled():
            self.prompt.password.setFocus()

    def _in_prompt(self, widget: QWidget) -> bool:
        return widget is self.prompt or self.prompt.isAncestorOf(widget)

    def _on_show(self, widget: QWidget) -> None:
        """A window shown while locked (a task's result): hidden as soon as it is shown."""
        if widget is self.parent() or not widget.isWindow() or not self._may_hide(widget):
            return
        QTimer.singleShot(0, lambda: self._hide_window(widget))

    # --- locking -------------------------------------------------------------------------

    def lock(self) -> None:
        window = self._window()
        if self._locked or self._desk.logged_out or not window.isVisible():
            return  # a closed window (logged out) has nothing left to cover
        self._locked = True
        self._timer.stop()
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and window.isAncestorOf(focus) else None
        self._close_popups()
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible() and self._may_hide(widget):
                self._hide_window(widget)
        self._cover()
        self.locked_changed.emit(True)

    def _cover(self) -> None:
        window = self._window()
        self.prompt.say("", ERROR_STYLE)
        self.prompt.set_busy(False)
        self.prompt.setGeometry(window.rect())
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.password.setFocus()
        if isinstance(window, QMainWindow):
            window.menuBar().setEnabled(False)
            self._covered = window.centralWidget()
            if self._covered is not None:
                self._covered.hide()
        window.activateWindow()

    @staticmethod
    def _may_hide(widget: QWidget) -> bool:
        kind = widget.windowType()
        return kind in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)

    def _hide_window(self, widget: QWidget) -> None:
        if not self._locked or not shiboken6.isValid(widget) or not widget.isVisible():
            return
        widget.hide()
        if widget not in self._hidden_windows:
            self._hidden_windows.append(widget)
            if isinstance(widget, QDialog):
                # A dialog that finishes while hidden (its task done) stays closed.
                widget.finished.connect(lambda _result, w=widget: self._forget(w))

    def _forget(self, widget: QWidget) -> None:
        if widget in self._hidden_windows:
            self._hidden_windows.remove(widget)

    @staticmethod
    def _close_popups() -> None:
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()

    # --- unlocking -----------------------------------------------------------------------

    def try_unlock(self) -> None:
        password = self.prompt.password.text()
        self.prompt.password.clear()
        if not password:
            self._say(self.tr("Bitte das Passwort eingeben."))
            return
        if looks_like_a_scan(password):
            self._say(self.tr("Das war ein Pass-Scan, kein Passwort: zuerst entsperren."))
            return
        self.prompt.set_busy(True)
        desk = self._desk
        self._tasks.run(
            lambda _progress: desk.confirm_password(password), self._checked, self._failed
        )

    def _checked(self, confirmed: bool) -> None:
        if confirmed:
            self.unlock()
        else:
            self._say(
                self.tr(
                    "Anmeldung fehlgeschlagen: Name oder Passwort falsch, oder das Konto ist "
                    "gesperrt."
                )
            )

    def _failed(self, error: Exception) -> None:
        self._say(i18n.error_text(error))

    def _say(self, text: str) -> None:
        self.prompt.set_busy(False)
        self.prompt.say(text, ERROR_STYLE)
        self.prompt.password.setFocus()

    def unlock(self) -> None:
        if not self._locked:
            return
        self._locked = False
        self.prompt.hide()
        window = self._window()
        if isinstance(window, QMainWindow):
            window.menuBar().setEnabled(True)
        if self._covered is not None and shiboken6.isValid(self._covered):
            self._covered.show()
        self._covered = None
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden_windows = []
        if self._focus is not None and shiboken6.isValid(self._focus) and not self._hidden_dialog():
            self._focus.setFocus()
        self._focus = None
        self._restart()
        self.locked_changed.emit(False)

    def _hidden_dialog(self) -> bool:
        active = QApplication.activeModalWidget()
        return active is not None and active is not self.parent()

    def log_out(self) -> None:
        """ "Abmelden" on the prompt: the session ends; the window's log-out decides what next."""
        self._stop()
        self._locked = False
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget):
                widget.close()
        self._hidden_windows = []
        if self.receivers(SIGNAL("log_out_requested()")) > 0:
            self.log_out_requested.emit()
            return
        self._desk.log_out()
        self._window().close()
