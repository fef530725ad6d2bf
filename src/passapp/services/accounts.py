"""Accounts of an installation: add, list, disable, set a password, log in (issue 10).

Passwords are hashed with Argon2id (``argon2-cffi``, RFC 9106's second recommended
parameter set, its default). Ten wrong passwords in a row lock the account until an admin
sets a new one; every log-in, failed log-in and lock is in the audit log. A failed log-in
says the same whether the account exists, is disabled or the password is wrong, and costs
the same (a dummy hash is checked for unknown names), so nobody learns account names by
trying.

Who may manage accounts is decided by the caller's role (``domain.accounts``); the very
first account of an installation (made at set-up) needs no caller.

Each account also holds a key slot: the key-store secret, which encrypts the office's
private keys, sealed under the account's password (``crypto/key_slots.py``). Log-in opens
it into the context; adding an account or setting a password seals it anew, which needs an
unlocked context. If every admin forgets the password, the keys are lost: the district
enrols the office anew (``district enrol --replace-key``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passapp.crypto import key_slots
from passapp.domain.accounts import (
    ADMIN_ROLES,
    DISTRICT_ONLY_ROLES,
    MAX_FAILED_LOGINS,
    Permission,
    Role,
    account_name,
    may,
    password_problem,
)
from passapp.domain.errors import InputError
from passapp.models.entities import Account
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.keystore import KEYS_LOCKED, has_key_slots, protect_keys
from passapp.services.offices import local_office
from passapp.services.trust import installation

HASHER = PasswordHasher()  # Argon2id with the library's (RFC 9106) defaults


@cache
def _dummy_hash() -> str:
    """Checked for names that have no account, so a failed log-in costs the same either way
    (made on first use: hashing at import would slow every command's start)."""
    return HASHER.hash("passapp: no such account")


LOGIN_FAILED = (
    "log-in failed: wrong name or password, or the account is locked or disabled",
    "Anmeldung fehlgeschlagen: Name oder Passwort falsch, oder das Konto ist gesperrt.",
)


@dataclass(frozen=True)
class AccountView:
    name: str
    role: Role
    disabled: bool
    locked: bool
    failed_logins: int
    created_at: dt.datetime
    last_login_at: dt.datetime | None


def _view(account: Account) -> AccountView:
    return AccountView(
        name=account.name,
        role=Role(account.role),
        disabled=account.disabled,
        locked=account.locked_at is not None,
        failed_logins=account.failed_logins,
        created_at=account.created_at,
        last_login_at=account.last_login_at,
    )


def check_new_password(name: str, password: str) -> None:
    """Refuse a name or password the policy refuses (before anything is set up)."""
    problem = password_problem(account_name(name), password)
    if problem is not None:
        raise InvalidInput(*problem)


def _checked_password(name: str, password: str) -> str:
    check_new_password(name, password)
    return HASHER.hash(password)


def has_accounts(ctx: ServiceContext) -> bool:
    with ctx.db.reading() as session:
        return bool(session.scalar(select(func.count(Account.id))))


def prepare_key_store(ctx: ServiceContext) -> None:
    """Make the key-store secret of a new installation before its first key, which is then
    written encrypted; the first admin's key slot seals it."""
    if ctx.passphrase is None:
        ctx.passphrase = key_slots.new_secret()


def record_log_out(ctx: ServiceContext, account: AccountView) -> None:
    with ctx.db.transaction() as session:
        found = session.scalars(select(Account).where(Account.name == account.name)).first()
        if found is not None:
            _audit(ctx, session, account.name, "account.logout", found)


def _account(session: Session, name: str) -> Account:
    found = session.scalars(select(Account).where(Account.name == account_name(name))).first()
    if found is None:
        raise NotFound(f"no account {name!r}", f"Kein Konto „{name}“.")
    return found


def _require_admin(session: Session, caller: AccountView | None) -> None:
    """Managing accounts is an admin's work; before the first account exists, set-up is."""
    has_accounts = bool(session.scalar(select(func.count(Account.id))))
    if caller is None and not has_accounts:
        return
    if caller is None or not may(caller.role, Permission.ADMINISTER_OFFICE):
        raise Refused(
            "only an admin manages accounts",
            "Konten verwaltet nur die Administration der Dienststelle.",
        )


def add_account(
    ctx: ServiceContext,
    name: str,
    role: Role,
    password: str,
    caller: AccountView | None = None,
) -> AccountView:
    """A new account. Without ``caller`` only the installation's first account, which
    must be an admin (set-up)."""
    name = account_name(name)
    password_hash = _checked_password(name, password)
    with ctx.db.transaction() as session:
        _require_admin(session, caller)
        first = not bool(session.scalar(select(func.count(Account.id))))
        if first and role not in ADMIN_ROLES:
            raise Refused(
                "the first account must be an admin", "Das erste Konto muss ein Admin-Konto sein."
            )
        is_district = installation(session).role == "district"
        if role in DISTRICT_ONLY_ROLES and not is_district:
            raise Refused(
                f"role {role} exists only at the district",
                "Diese Rolle gibt es nur im Landratsamt.",
            )
        if session.scalars(select(Account.id).where(Account.name == name)).first() is not None:
            raise Refused(f"account {name} exists already", f"Das Konto „{name}“ gibt es schon.")
        creator = caller.name if caller is not None else ctx.clerk
        account = Account(
            name=name, role=role.value, password_hash=password_hash, created_by=creator
        )
        account.key_slot = key_slots.seal(_key_store_secret(ctx, session, first), password, name)
        session.add(account)
        session.flush()
        _audit(ctx, session, creator, "account.add", account, {"role": role.value})
        return _view(account)


def _key_store_secret(ctx: ServiceContext, session: Session, first: bool) -> str:
    """The secret the new account's slot seals. The first account makes it (or takes the
    passphrase the keys were under) and puts every private key under it; later accounts
    need it unlocked by the caller's log-in."""
    if first:
        secret = ctx.passphrase or key_slots.new_secret()
        protect_keys(session, secret, ctx.passphrase)
        ctx.passphrase = secret
        return secret
    if ctx.passphrase is None:
        raise Refused(*KEYS_LOCKED)
    return ctx.passphrase


def list_accounts(ctx: ServiceContext, caller: AccountView | None) -> list[AccountView]:
    with ctx.db.reading() as session:
        _require_admin(session, caller)
        return [_view(a) for a in session.scalars(select(Account).order_by(Account.name))]


def disable_account(ctx: ServiceContext, name: str, caller: AccountView | None) -> AccountView:
    with ctx.db.transaction() as session:
        _require_admin(session, caller)
        account = _account(session, name)
        if caller is not None and caller.name == account.name:
            raise Refused(
                "an admin cannot disable their own account",
                "Das eigene Konto kann man nicht sperren.",
            )
        account.disabled = True
        _audit(ctx, session, _actor(ctx, caller), "account.disable", account)
        return _view(account)


def enable_account(ctx: ServiceContext, name: str, caller: AccountView | None) -> AccountView:
    """A disabled account may log in again (a clerk back from leave). A lock after wrong
    passwords stays: an admin's new password lifts that, as the password was tried."""
    with ctx.db.transaction() as session:
        _require_admin(session, caller)
        account = _account(session, name)
        if not account.disabled:
            raise Refused(
                f"account {account.name} is not disabled",
                f"Das Konto „{account.name}“ ist nicht deaktiviert.",
            )
        account.disabled = False
        _audit(ctx, session, _actor(ctx, caller), "account.enable", account)
        return _view(account)


def set_password(
    ctx: ServiceContext, name: str, password: str, caller: AccountView | None
) -> AccountView:
    """A new password, set by an admin (which also lifts a lock after wrong passwords) or by
    the account itself."""
    with ctx.db.transaction() as session:
        account = _account(session, name)
        if caller is None or caller.name != account.name:
            _require_admin(session, caller)
        account.password_hash = _checked_password(account.name, password)
        if ctx.passphrase is None and has_key_slots(session):
            raise Refused(*KEYS_LOCKED)
        if ctx.passphrase is not None:
            account.key_slot = key_slots.seal(ctx.passphrase, password, account.name)
        account.password_changed_at = ctx.now()
        unlocked = account.locked_at is not None
        account.locked_at = None
        account.failed_logins = 0
        details = {"unlocked": unlocked}
        _audit(ctx, session, _actor(ctx, caller), "account.password", account, details)
        return _view(account)


def log_in(ctx: ServiceContext, name: str, password: str) -> AccountView:
    """The account, if the password is right and the account usable; otherwise
    :class:`Refused` with one message for every reason (see the module docstring)."""
    try:
        normalised = account_name(name)
    except InputError:
        normalised = ""
    view: AccountView | None = None
    refusal: Refused | None = None
    with ctx.db.transaction() as session:
        account = session.scalars(select(Account).where(Account.name == normalised)).first()
        if account is None:
            _verify(_dummy_hash(), password)
            _audit_name(ctx, session, normalised or "?", "account.login_unknown")
            refusal = Refused(*LOGIN_FAILED)
        elif account.disabled or account.locked_at is not None:
            _verify(account.password_hash, password)
            _audit(ctx, session, account.name, "account.login_refused", account)
            refusal = Refused(*LOGIN_FAILED)
        elif not (opened := _password_opens(account, password)).right:
            refusal = Refused(*LOGIN_FAILED)
            _wrong_password(ctx, session, account)
        else:
            if opened.secret is not None:
                # The password opens the key store: this context may now sign.
                ctx.passphrase = opened.secret
            account.failed_logins = 0
            account.last_login_at = ctx.now()
            if HASHER.check_needs_rehash(account.password_hash):
                account.password_hash = HASHER.hash(password)
            _audit(ctx, session, account.name, "account.login", account)
            view = _view(account)
    # Committed either way: the failed attempt and a lock must stay in the log.
    if refusal is not None or view is None:
        raise refusal or Refused(*LOGIN_FAILED)
    return view


def _wrong_password(ctx: ServiceContext, session: Session, account: Account) -> None:
    account.failed_logins += 1
    details = {"failed_logins": account.failed_logins}
    _audit(ctx, session, account.name, "account.login_failed", account, details)
    if account.failed_logins >= MAX_FAILED_LOGINS:
        account.locked_at = ctx.now()
        _audit(ctx, session, account.name, "account.locked", account, details)


@dataclass(frozen=True)
class _Opened:
    right: bool
    secret: str | None = field(default=None, repr=False)


def _password_opens(account: Account, password: str) -> _Opened:
    """Whether the password is the account's, and the key-store secret it opens.

    An account with a key slot is checked by opening the slot: its AES-GCM tag under the
    Argon2id key of the password proves the password as the hash would, so a log-in costs
    one Argon2id run instead of two (a command line's start), and the same as the dummy
    check for unknown names. The hash is checked for accounts without a slot."""
    if account.key_slot is not None:
        try:
            return _Opened(True, key_slots.open_slot(account.key_slot, password, account.name))
        except key_slots.SlotError:
            return _Opened(False)
    return _Opened(_verify(account.password_hash, password))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _actor(ctx: ServiceContext, caller: AccountView | None) -> str:
    return caller.name if caller is not None else ctx.clerk


def _audit(
    ctx: ServiceContext,
    session: Session,
    actor: str,
    action: str,
    account: Account,
    details: Mapping[str, object] | None = None,
) -> None:
    audit.record(
        session,
        actor=actor,
        office_code=local_office(session).code,
        action=action,
        object_type="account",
        object_id=account.name,
        details={"role": account.role, **(details or {})},
    )


def _audit_name(ctx: ServiceContext, session: Session, name: str, action: str) -> None:
    audit.record(
        session,
        actor=name[:64],
        office_code=local_office(session).code,
        action=action,
        object_type="account",
        object_id=name[:40],
    )
