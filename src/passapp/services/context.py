"""What every service call needs: the database, who acts, and what day it is.

The clock is injected so tests (and the eligibility CLI's ``--on``) can fix the day.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from passapp.models.database import Database


def _default_clerk() -> str:
    # Until clerk accounts with log-in arrive, the operating-system account is the actor.
    try:
        return os.environ.get("PASSAPP_CLERK") or getpass.getuser()
    except (KeyError, OSError):
        return "unbekannt"


@dataclass
class ServiceContext:
    db: Database
    clerk: str = field(default_factory=_default_clerk)
    today: Callable[[], dt.date] = dt.date.today
