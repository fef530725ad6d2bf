"""The one error type for bad input found by a domain rule.

Every rule that refuses input says why twice: in English (``str(error)``, for the command
line and logs) and in German (``message_de``, for the clerk). Callers map it to exit code 2
on the command line and to a message next to the field in the UI.
"""

from __future__ import annotations


class InputError(ValueError):
    def __init__(self, message_en: str, message_de: str) -> None:
        super().__init__(message_en)
        self.message_de = message_de
