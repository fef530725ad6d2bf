"""What every service call needs: the database, who acts, and what day it is.

The clock is injected so tests (and the eligibility CLI's ``--on``) can fix the day.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from passapp.models.database import (
    FROM_ENVIRONMENT,
    Database,
    DatabaseError,
    KeyChoice,
    open_database,
    to_url,
)
from passapp.services.errors import DatabaseUnavailable


def _default_clerk() -> str:
    # Until clerk accounts with log-in arrive, the operating-system account is the actor.
    try:
        return os.environ.get("PASSAPP_CLERK") or getpass.getuser()
    except (KeyError, OSError):
        return "unbekannt"


def _default_passphrase() -> str | None:
    # Private keys are encrypted at rest when a passphrase is set (DESIGN §6).
    return os.environ.get("PASSAPP_KEY_PASSPHRASE") or None


def _default_output_folder() -> Path | None:
    folder = os.environ.get("PASSAPP_OUTPUT_DIR")
    return Path(folder) if folder else None


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class ServiceContext:
    db: Database
    clerk: str = field(default_factory=_default_clerk)
    today: Callable[[], dt.date] = dt.date.today
    passphrase: str | None = field(default_factory=_default_passphrase)
    now: Callable[[], dt.datetime] = _utc_now
    # Where printed PDFs go unless a path is given: $PASSAPP_OUTPUT_DIR, else Documents/passapp.
    output_folder: Path | None = field(default_factory=_default_output_folder)

    def tell_lock_waits(self, notice: Callable[[float], None]) -> None:
        """Call ``notice(seconds waited)`` whenever a write waits for another process's
        write lock and tries again (a big import commits in steps of about a second)."""
        self.db.on_lock_wait = notice


def open_context(
    database: str | None = None,
    *,
    create: bool = True,
    key: KeyChoice = FROM_ENVIRONMENT,
    before_long_step: Callable[[str], None] | None = None,
    **options: Any,
) -> ServiceContext:
    """Open (and upgrade) the database at a path or URL, else the default one; ``create``
    sets up a new one where none is (the desktop app's first start, ``office init``);
    ``key``: the SQLCipher key (by default from the environment; None: a plain file).

    For the desktop app and the command line, which must not reach into the models."""
    try:
        db = open_database(
            to_url(database) if database else None,
            create=create,
            key=key,
            before_long_step=before_long_step,
        )
    except DatabaseError as error:
        unavailable = DatabaseUnavailable(str(error), error.message_de)
        unavailable.exit_code = error.exit_code
        raise unavailable from error
    return ServiceContext(db=db, **options)
