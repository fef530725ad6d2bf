"""A field for several codes from a long list (nationalities, languages), picked by typing.

The clerk types a code or the start of a name ("syr", "Syrien", "ara", "Arabisch");
the line under the field offers the best matches at once, the first one marked. Enter,
Tab or a comma takes the marked one (↑/↓ mark another), and the field then holds the
codes ("SYR, AFG") while the line under it says their names. Everything is plain text,
so a value is removed by deleting it, and a scanner or a paste works as well as typing.

The suggestions are a line of text, not a popup: a popup takes the keyboard focus on
some platforms and hides the fields below it, and the clerk never has to leave the field.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from passapp.services.choices import Choice, find_code, match

SUGGESTIONS = 4
SEPARATOR = ", "
NOTE_STYLE = "color: #555555;"
ERROR_STYLE = "color: #b71c1c;"


class CodePicker(QWidget):
    """A line edit for codes and a line of names or suggestions under it."""

    # The codes changed (after a suggestion was taken or the field was left).
    codes_changed = Signal()

    def __init__(
        self, choices: Sequence[Choice], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._by_code = {choice.code: choice for choice in self._choices}
        self._suggestions: list[Choice] = []
        self._marked = 0
        self._shown_codes: tuple[str, ...] = ()
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_text_edited)
        self.names = QLabel()
        self.names.setAccessibleName(
            self.tr("{field}: Auswahl und Vorschläge").format(field=accessible_name)
        )
        self.names.setWordWrap(True)
        self.names.setTextFormat(Qt.TextFormat.RichText)
        self.names.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.names.linkActivated.connect(self._take_code)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.names)
        self.setLayout(layout)
        self.setFocusProxy(self.edit)
        # A label's Alt letter focuses its buddy only if the buddy takes focus itself
        # (issue 9: Alt+S and Alt+P did nothing); the proxy then hands it to the edit.
        self.setFocusPolicy(self.edit.focusPolicy())
        self._show_names()

    # --- what the form reads and sets ------------------------------------------------------

    def codes(self) -> tuple[str, ...]:
        """The codes in the field that are known, in the order typed, each once."""
        found = (self._resolve(token) for token in self._tokens())
        return tuple(dict.fromkeys(choice.code for choice in found if choice is not None))

    def unresolved(self) -> list[str]:
        """What the clerk typed that names no known code."""
        return [token for token in self._tokens() if self._resolve(token) is None]

    def set_codes(self, codes: Sequence[str]) -> None:
        self.edit.setText(SEPARATOR.join(codes))
        self._suggestions = []
        self._show_names()

    def suggestions(self) -> list[Choice]:
        return list(self._suggestions)

    def settle(self) -> None:
        """Turn what was typed into codes: the marked suggestion for the word being typed,
        the best match for every other word (when the field is left or the form saved)."""
        if self._suggestions:
            self._take_code(self._suggestions[self._marked].code)
        tokens = [self._settled(token) for token in self._tokens()]
        text = SEPARATOR.join(tokens)
        if text != self.edit.text():
            self.edit.setText(text)
        self._show_names()

    # --- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._on_key(event)
            if event.type() == QEvent.Type.FocusOut:
                self.settle()
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        """Keys that act on the suggestions; every other key goes to the field (and Enter
        without suggestions on to the dialog, which saves)."""
        if not self._suggestions:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._marked = (self._marked + step) % len(self._suggestions)
            self._show_suggestions()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._take_code(self._suggestions[self._marked].code)
            return True
        if event.text() == ",":
            self._take_code(self._suggestions[self._marked].code, then=SEPARATOR)
            return True
        return False

    # --- typing and taking a suggestion ----------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        token = self._current_token()
        if not token:
            self._suggestions = []
            self._show_names()
            return
        # Offered even for a code typed in full: "tig" is Tigre, but Tigrinja (ti) is close.
        self._suggestions = match(self._choices, token, SUGGESTIONS)
        self._marked = 0
        if self._suggestions:
            self._show_suggestions()
        else:
            self._say(
                self.tr("Nichts gefunden für „{text}“.").format(text=html.escape(token)),
                ERROR_STYLE,
            )

    def _take_code(self, code: str, then: str = "") -> None:
        """Put ``code`` in place of the word being typed."""
        text = self.edit.text()
        start, end = self._current_span()
        before = text[:start].rstrip()
        after = text[end:].lstrip(", ")
        head = f"{before} {code}" if before.endswith(",") else f"{before}{code}"
        self.edit.setText(head + (SEPARATOR + after if after else then))
        self.edit.setCursorPosition(len(head) + len(then))
        self._suggestions = []
        self._show_names()

    def _current_span(self) -> tuple[int, int]:
        """Where the word being typed starts and ends: from the comma before the cursor to
        the cursor (words are separated by commas; what follows the cursor stays)."""
        text, cursor = self.edit.text(), self.edit.cursorPosition()
        return text.rfind(",", 0, cursor) + 1, cursor

    def _current_token(self) -> str:
        start, end = self._current_span()
        return self.edit.text()[start:end].strip()

    def _tokens(self) -> list[str]:
        return [token.strip() for token in self.edit.text().split(",") if token.strip()]

    def _resolve(self, token: str) -> Choice | None:
        exact = find_code(self._choices, token)
        if exact is not None:
            return exact
        found = match(self._choices, token, 1)
        return found[0] if found else None

    def _settled(self, token: str) -> str:
        choice = self._resolve(token)
        return token if choice is None else choice.code

    # --- the line under the field ----------------------------------------------------------

    def _show_suggestions(self) -> None:
        parts = []
        for number, choice in enumerate(self._suggestions):
            label = html.escape(choice.label)
            link = f"<a href='{html.escape(choice.code)}'>{label}</a>"
            parts.append(f"<b>▸ {link}</b>" if number == self._marked else link)
        hint = html.escape(self.tr("Enter übernimmt, ↑↓ wählt:"))
        self._say(f"{hint} " + " · ".join(parts), NOTE_STYLE)

    def _show_names(self) -> None:
        wrong = self.unresolved()
        if wrong:
            quoted = ", ".join(f"„{html.escape(token)}“" for token in wrong)
            self._say(self.tr("Nicht gefunden: {words}").format(words=quoted), ERROR_STYLE)
        else:
            names = [self._by_code[code].name for code in self.codes()]
            self._say(html.escape(" · ".join(names)), NOTE_STYLE)
        codes = self.codes()
        if codes != self._shown_codes:
            self._shown_codes = codes
            self.codes_changed.emit()

    def _say(self, text: str, style: str) -> None:
        self.names.setText(text)
        self.names.setStyleSheet(style)
        self.names.setVisible(bool(text))  # no empty line under an empty field
