"""The account the command-line tests act as (issue 10: every command with a database acts
as a logged-in account).

* ``ADMIN_ARGS`` set a database up with its first admin (``office init … --admin huber``);
* ``acting_as()`` is the environment a command needs to act as that account;
* ``add_admin(ctx)`` gives a database set up through the services (which makes no account)
  its first admin, so the command line can act on it.
"""

from __future__ import annotations

from passapp.domain.accounts import Role
from passapp.services.context import ServiceContext
from passapp.services.desk import Gate

ADMIN = "huber"
ADMIN_PASSWORD = "Lindenallee 12, Dachau"
ADMIN_ARGS = ("--admin", ADMIN)


def acting_as(name: str = ADMIN, password: str = ADMIN_PASSWORD) -> dict[str, str]:
    """The variables a script sets to act as an account (as ``PGPASSWORD`` for psql)."""
    return {"PASSAPP_USER": name, "PASSAPP_PASSWORD": password}


def add_admin(ctx: ServiceContext, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> None:
    """The first admin of a database set up through the services: the district's admin at
    the district, else the office's. ``ctx`` keeps working: its keys stay unlocked (the
    admin's key slot now seals them) and it still acts as its own clerk."""
    gate = Gate(ctx)
    office = gate.office()
    role = Role.DISTRICT_ADMIN if office is not None and office.is_district else Role.OFFICE_ADMIN
    clerk = ctx.clerk
    gate.add_first_admin(name, password, role)
    ctx.clerk = clerk
