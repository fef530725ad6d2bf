"""Accounts and what each role may do (issue 10): the one table every service asks.

Roles (**contract** slugs, as on the command line ``user add NAME --role …``):

* ``clerk``: the counter's work: register and edit people of the office, issue and
  replace passes, log entries, search, print;
* ``office-admin``: the clerk's work and the office's administration: accounts, sync
  bundles, enrolment, erasure requests, the audit check;
* ``district-admin``: the office admin's work at the district, plus the district's own:
  the catalogue, enrolling offices, merging people, trust lists;
* ``auditor``: reads the audit log and checks it, nothing else.

Pure rules, no I/O: the services hold the accounts and call :func:`may`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Final

from passapp.domain.errors import InputError


class Role(StrEnum):
    CLERK = "clerk"
    OFFICE_ADMIN = "office-admin"
    DISTRICT_ADMIN = "district-admin"
    AUDITOR = "auditor"


class Permission(StrEnum):
    COUNTER = "counter"  # register, issue, replace, log entries, search, print
    ADMINISTER_OFFICE = "administer_office"  # accounts, sync, enrolment, erasure
    ADMINISTER_DISTRICT = "administer_district"  # catalogue, enrol offices, merges
    CHECK_AUDIT = "check_audit"


ROLE_LABELS_DE: Final[Mapping[Role, str]] = {
    Role.CLERK: "Sachbearbeitung",
    Role.OFFICE_ADMIN: "Administration der Dienststelle",
    Role.DISTRICT_ADMIN: "Administration des Landratsamts",
    Role.AUDITOR: "Prüfung (nur lesen)",
}
ROLE_LABELS_EN: Final[Mapping[Role, str]] = {
    Role.CLERK: "Counter clerk",
    Role.OFFICE_ADMIN: "Office administration",
    Role.DISTRICT_ADMIN: "District office administration",
    Role.AUDITOR: "Audit (read only)",
}

PERMISSIONS: Final[Mapping[Role, frozenset[Permission]]] = {
    Role.CLERK: frozenset({Permission.COUNTER}),
    Role.OFFICE_ADMIN: frozenset(
        {Permission.COUNTER, Permission.ADMINISTER_OFFICE, Permission.CHECK_AUDIT}
    ),
    Role.DISTRICT_ADMIN: frozenset(Permission),
    Role.AUDITOR: frozenset({Permission.CHECK_AUDIT}),
}

# A role an installation may hold: the district's own role is for the district's database.
DISTRICT_ONLY_ROLES: Final = frozenset({Role.DISTRICT_ADMIN})
ADMIN_ROLES: Final = frozenset({Role.OFFICE_ADMIN, Role.DISTRICT_ADMIN})

# Ten wrong passwords in a row lock the account until an admin sets a new password.
MAX_FAILED_LOGINS: Final = 10
# Long passphrases are welcome; the bound keeps a hash of a pasted novel off the counter PC.
MIN_PASSWORD_LENGTH: Final = 10
MAX_PASSWORD_LENGTH: Final = 256

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


class AccountInputError(InputError):
    pass


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


def account_name(text: str) -> str:
    """An account name as stored: lower case, 2 to 64 of ``a-z 0-9 . _ -``, starting with a
    letter or digit (it stands on every record the account writes)."""
    name = text.strip().lower()
    if not _NAME.fullmatch(name):
        raise AccountInputError(
            f"account name {text!r}: 2 to 64 characters of a-z, 0-9, '.', '_', '-'",
            "Kontoname: 2 bis 64 Zeichen aus a–z, 0–9, Punkt, Unterstrich, Bindestrich.",
        )
    return name


def password_problem(name: str, password: str) -> tuple[str, str] | None:
    """Why a new password is refused (English, German), or None. Length is what counts
    (NIST SP 800-63B, BSI IT-Grundschutz ORP.4): no rules of character classes, but not
    the account name and not one character repeated."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return (
            f"the password needs at least {MIN_PASSWORD_LENGTH} characters",
            f"Das Passwort braucht mindestens {MIN_PASSWORD_LENGTH} Zeichen.",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        return (
            f"the password may have at most {MAX_PASSWORD_LENGTH} characters",
            f"Das Passwort darf höchstens {MAX_PASSWORD_LENGTH} Zeichen haben.",
        )
    if name and name.lower() in password.lower():
        return (
            "the password must not contain the account name",
            "Das Passwort darf den Kontonamen nicht enthalten.",
        )
    if len(set(password)) < 4:
        return (
            "the password needs more than a few different characters",
            "Das Passwort braucht mehr verschiedene Zeichen.",
        )
    return None
