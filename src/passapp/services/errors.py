"""Errors a service raises, mapped to exit codes by the CLI and to messages by the UI.

``Refused`` (exit 1): the input was understood and the answer is no (not eligible, a
second active pass, a revoked pass). ``InvalidInput`` (exit 2): the input itself is wrong
(unknown id, impossible date, no office set up). Domain ``InputError`` counts as 2 too.
"""

from __future__ import annotations

from pathlib import Path

from passapp.domain.errors import InputError


class ServiceError(Exception):
    exit_code = 2

    def __init__(self, message_en: str, message_de: str) -> None:
        # Not cooperative on purpose: InvalidInput is also a domain InputError.
        Exception.__init__(self, message_en)
        self.message_de = message_de


class InvalidInput(ServiceError, InputError):
    exit_code = 2


class NotFound(InvalidInput):
    pass


class NotSetUp(InvalidInput):
    pass


class Refused(ServiceError):
    exit_code = 1


class DatabaseUnavailable(ServiceError):
    """The database cannot be opened, created or upgraded (see ``models.database``)."""

    exit_code = 2


class PartialExport(Refused):
    """A folder export stopped half-way: ``written`` bundles are complete and valid, the
    rest was not written (the CLI names both)."""

    def __init__(self, message_en: str, message_de: str, written: list[Path]) -> None:
        super().__init__(message_en, message_de)
        self.written = written
