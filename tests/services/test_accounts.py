"""Accounts (issue 10, item 1): Argon2id hashes, the first admin, who may manage accounts,
ten wrong passwords lock the account, and every log-in is in the audit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from passapp.domain.accounts import (
    MAX_FAILED_LOGINS,
    AccountInputError,
    Role,
    account_name,
    password_problem,
)
from passapp.models.entities import Account, AuditEvent
from passapp.services.accounts import (
    add_account,
    disable_account,
    enable_account,
    list_accounts,
    log_in,
    set_password,
)
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, NotFound, Refused

ADMIN_PASSWORD = "Lindenallee 12, Dachau"
CLERK_PASSWORD = "Schalter-drei im Rathaus"


def audit_actions(ctx: ServiceContext) -> list[tuple[str, str | None]]:
    with ctx.db.reading() as session:
        assert verify_chain(session).ok
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.object_type == "account").order_by(AuditEvent.seq)
        )
        return [(event.action, event.object_id) for event in events]


@pytest.fixture
def admin(unenrolled_office_ctx: ServiceContext) -> ServiceContext:
    add_account(unenrolled_office_ctx, "Huber", Role.OFFICE_ADMIN, ADMIN_PASSWORD)
    return unenrolled_office_ctx


def test_the_first_account_is_an_admin_made_without_a_caller(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    with pytest.raises(Refused, match="first account must be an admin"):
        add_account(unenrolled_office_ctx, "meier", Role.CLERK, CLERK_PASSWORD)
    first = add_account(unenrolled_office_ctx, " Huber ", Role.OFFICE_ADMIN, ADMIN_PASSWORD)
    assert (first.name, first.role, first.locked) == ("huber", Role.OFFICE_ADMIN, False)
    # From now on accounts are an admin's work.
    with pytest.raises(Refused, match="only an admin"):
        add_account(unenrolled_office_ctx, "meier", Role.CLERK, CLERK_PASSWORD)


def test_an_admin_adds_a_clerk_and_a_clerk_adds_nobody(admin: ServiceContext) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    clerk = add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    before = list_accounts(admin, caller=huber)
    for attempt in (
        lambda: add_account(admin, "schulz", Role.CLERK, CLERK_PASSWORD, caller=clerk),
        lambda: disable_account(admin, "huber", caller=clerk),
        lambda: set_password(admin, "huber", "ganz neues Passwort", caller=clerk),
    ):
        with pytest.raises(Refused, match="only an admin"):
            attempt()
    with pytest.raises(Refused, match="only an admin"):
        list_accounts(admin, caller=clerk)
    assert list_accounts(admin, caller=huber) == before
    assert log_in(admin, "huber", ADMIN_PASSWORD).name == "huber"  # password unchanged


def test_the_district_role_exists_only_at_the_district(admin: ServiceContext) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    with pytest.raises(Refused, match="only at the district"):
        add_account(admin, "landrat", Role.DISTRICT_ADMIN, CLERK_PASSWORD, caller=huber)


def test_district_init_takes_a_district_admin(district_ctx: ServiceContext) -> None:
    assert add_account(district_ctx, "koordination", Role.DISTRICT_ADMIN, ADMIN_PASSWORD).role == (
        Role.DISTRICT_ADMIN
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kurz", "at least 10"),
        ("x" * 257, "at most 256"),
        ("meier-passwort", "account name"),
        ("abababababab", "different characters"),
    ],
)
def test_weak_passwords_are_refused_and_nothing_is_stored(
    admin: ServiceContext, password: str, message: str
) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    with pytest.raises(InvalidInput, match=message):
        add_account(admin, "meier", Role.CLERK, password, caller=huber)
    assert [a.name for a in list_accounts(admin, caller=huber)] == ["huber"]


def test_the_password_is_stored_as_an_argon2id_hash_only(
    admin: ServiceContext, db_path: Path
) -> None:
    with admin.db.reading() as session:
        stored = session.scalars(select(Account.password_hash)).one()
    assert stored.startswith("$argon2id$")
    admin.db.dispose()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert ADMIN_PASSWORD.encode() not in raw


def test_ten_wrong_passwords_lock_the_account_and_the_log_says_so(admin: ServiceContext) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(Refused, match="log-in failed"):
            log_in(admin, "huber", "falsches Passwort!")
    with admin.db.reading() as session:
        assert session.scalars(select(Account.locked_at)).one() is not None
    # Locked: the right password does not help either, and says nothing more.
    with pytest.raises(Refused, match="log-in failed"):
        log_in(admin, "huber", ADMIN_PASSWORD)
    actions = [action for action, _name in audit_actions(admin)]
    assert actions.count("account.login_failed") == MAX_FAILED_LOGINS
    assert actions.count("account.locked") == 1
    assert actions[-1] == "account.login_refused"


def test_an_admin_lifts_a_lock_with_a_new_password(admin: ServiceContext) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(Refused):
            log_in(admin, "meier", "vergessen und geraten")
    set_password(admin, "meier", "neues Passwort 2026", caller=huber)
    meier = log_in(admin, "meier", "neues Passwort 2026")
    assert (meier.locked, meier.failed_logins) == (False, 0)
    assert ("account.password", "meier") in audit_actions(admin)


def test_a_right_password_resets_the_count_and_every_log_in_is_logged(
    admin: ServiceContext,
) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(Refused):
            log_in(admin, "huber", "beinahe richtig!")
    assert log_in(admin, "huber", ADMIN_PASSWORD).failed_logins == 0
    assert log_in(admin, "HUBER", ADMIN_PASSWORD).last_login_at is not None
    assert [a for a, _ in audit_actions(admin)].count("account.login") == 2


def test_an_unknown_or_disabled_account_fails_like_a_wrong_password(
    admin: ServiceContext,
) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    disable_account(admin, "meier", caller=huber)
    messages = set()
    for name, password in (("niemand", "irgendein Passwort"), ("meier", CLERK_PASSWORD)):
        with pytest.raises(Refused) as refused:
            log_in(admin, name, password)
        messages.add((str(refused.value), refused.value.message_de))
    assert len(messages) == 1
    with pytest.raises(Refused, match="own account"):
        disable_account(admin, "huber", caller=huber)


def test_a_disabled_account_enabled_again_logs_in_and_both_steps_are_audited(
    admin: ServiceContext,
) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    clerk = log_in(admin, "meier", CLERK_PASSWORD)
    disable_account(admin, "meier", caller=huber)
    with pytest.raises(Refused, match="only an admin"):
        enable_account(admin, "meier", caller=clerk)  # a stale clerk's desk: not its work
    with pytest.raises(Refused):
        log_in(admin, "meier", CLERK_PASSWORD)
    enabled = enable_account(admin, " Meier ", caller=huber)
    assert (enabled.name, enabled.disabled) == ("meier", False)
    assert log_in(admin, "meier", CLERK_PASSWORD).name == "meier"
    actions = [(action, name) for action, name in audit_actions(admin) if name == "meier"]
    assert ("account.disable", "meier") in actions
    assert actions.index(("account.enable", "meier")) > actions.index(("account.disable", "meier"))


def test_enabling_an_active_or_unknown_account_is_refused_and_records_nothing(
    admin: ServiceContext,
) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    before = audit_actions(admin)
    with pytest.raises(Refused) as refused:
        enable_account(admin, "huber", caller=huber)
    assert refused.value.message_de == "Das Konto „huber“ ist nicht deaktiviert."
    with pytest.raises(NotFound):
        enable_account(admin, "niemand", caller=huber)
    assert audit_actions(admin) == before


def test_enabling_keeps_the_lock_after_wrong_passwords_until_a_new_password(
    admin: ServiceContext,
) -> None:
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(Refused):
            log_in(admin, "meier", "falsch geraten")
    disable_account(admin, "meier", caller=huber)
    assert enable_account(admin, "meier", caller=huber).locked
    with pytest.raises(Refused):
        log_in(admin, "meier", CLERK_PASSWORD)
    set_password(admin, "meier", "ein ganz neues Passwort", caller=huber)
    assert log_in(admin, "meier", "ein ganz neues Passwort").name == "meier"


@given(st.text(min_size=1, max_size=80))
def test_account_names_are_normalised_once_or_refused(text: str) -> None:
    try:
        name = account_name(text)
    except AccountInputError:
        return
    assert account_name(name) == name
    assert name == name.lower()
    assert 2 <= len(name) <= 64


@given(st.text(max_size=300))
def test_an_accepted_password_is_long_enough_and_not_the_name(password: str) -> None:
    if password_problem("meier", password) is None:
        assert 10 <= len(password) <= 256
        assert "meier" not in password.lower()
