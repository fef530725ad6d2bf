"""Logged-in desks for the admin screens' tests: an office admin and a clerk of the enrolled
office ``office_ctx``, the way the app gets them (first admin, then an account the admin
adds, each logged in through the Gate on a context of its own)."""

from __future__ import annotations

from pathlib import Path

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from tests.conftest import make_context

ADMIN, ADMIN_PASSWORD = "huber", "Lindenallee 12, Dachau"
CLERK, CLERK_PASSWORD = "meier", "Schalter-drei im Rathaus"


def log_in(db_path: Path, name: str, password: str) -> Desk:
    return Gate(make_context(db_path)).log_in(name, password)


def admin_and_clerk(office_ctx: ServiceContext, db_path: Path) -> tuple[Desk, Desk]:
    """The office's first admin and a clerk, both logged in (``office_ctx`` is disposed:
    from here on the desks act)."""
    office_ctx.db.dispose()
    admin = Gate(make_context(db_path)).add_first_admin(ADMIN, ADMIN_PASSWORD, Role.OFFICE_ADMIN)
    admin.add_account(CLERK, Role.CLERK, CLERK_PASSWORD)
    return admin, log_in(db_path, CLERK, CLERK_PASSWORD)
