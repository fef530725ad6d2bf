"""Reading a form's fields with the field named in the error: one rule for every form that
takes a typed day (the entry form, the figures screen's filters); and the note or error
line under a field (the person form and its learner profile)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from passapp.domain.dates import parse_full_date
from passapp.domain.errors import InputError
from passapp.ui import i18n

ERROR_STYLE = "color: #b71c1c;"
HINT_STYLE = "color: #555555;"


def say(label: QLabel, text: str) -> None:
    """Set a note or error line, showing it only when it has something to say."""
    label.setText(text)
    label.setVisible(bool(text))


class FormError(Exception):
    """A field the clerk must fix before anything is saved; ``field`` gets the focus."""

    def __init__(self, message_de: str, field: QWidget) -> None:
        super().__init__(message_de)
        self.message_de = message_de
        self.field = field


def day_text(day: dt.date) -> str:
    """A day as every form and list shows it, in both languages: ``TT.MM.JJJJ`` (what
    :func:`typed_date` reads back)."""
    return day.strftime("%d.%m.%Y")


def typed_date(edit: QLineEdit, name: str) -> dt.date | None:
    """The day typed in ``edit`` (None where it is empty); :class:`FormError` names the
    field ``name`` when the text is no day."""
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_full_date(text)
    except InputError as error:
        raise FormError(f"{name}: {i18n.error_text(error)}", edit) from None
