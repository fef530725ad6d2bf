"""The one error of the models layer that reaches users: the database cannot be used."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The database cannot be opened or used; ``exit_code`` as on the command line: 2 for a
    wrong choice of file, URL or key, 1 where the database is fine but not usable right now."""

    def __init__(self, message_en: str, message_de: str, exit_code: int = 2) -> None:
        super().__init__(message_en)
        self.message_de = message_de
        self.exit_code = exit_code
