"""The office's private keys at rest (issue 10, item 2): encrypted under a key-store secret
that every account's key slot seals under its password. A copied database without a
password yields no usable signing key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from passapp.cli import main
from passapp.crypto import key_slots, keys
from passapp.crypto.signing import sign, verify
from passapp.domain.accounts import Role
from passapp.models.database import open_database, to_url
from passapp.models.entities import Account, SigningKey
from passapp.services.accounts import add_account, log_in, set_password
from passapp.services.context import ServiceContext
from passapp.services.errors import Refused
from passapp.services.keystore import private_key_of
from passapp.services.trust import write_request
from tests.conftest import make_context

ADMIN_PASSWORD = "Lindenallee 12, Dachau"
CLERK_PASSWORD = "Schalter-drei im Rathaus"


def stored_keys(path: Path) -> list[tuple[bytes, bool]]:
    db = open_database(to_url(str(path)))
    try:
        with db.reading() as session:
            return [
                (record.private_pem, record.encrypted)
                for record in session.scalars(select(SigningKey))
                if record.private_pem is not None
            ]
    finally:
        db.dispose()


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    db = tmp_path / "ewdah.sqlite3"
    done = CliRunner().invoke(
        main,
        ["--db", str(db), "office", "init", "--code", "EWDAH", "--name", "EMA Dachau",
         "--kind", "einwohnermeldeamt", "--admin", "huber"],
        env={"PASSAPP_PASSWORD": ADMIN_PASSWORD},
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    return db


def test_a_copied_database_without_a_password_signs_nothing(office_file: Path) -> None:
    raw = b"".join(p.read_bytes() for p in office_file.parent.glob(office_file.name + "*"))
    assert b"BEGIN PRIVATE KEY" not in raw  # never written plain, not even in a free page
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in raw
    held = stored_keys(office_file)
    assert held
    assert all(encrypted for _pem, encrypted in held)
    # What an attacker with the file can try: no passphrase, a guess, the slot with a guess.
    for pem, _encrypted in held:
        for guess in (None, "passapp", ADMIN_PASSWORD):
            with pytest.raises(keys.WrongPassphraseError):
                keys.private_from_pem(pem, guess)
    ctx = make_context(office_file)
    with ctx.db.reading() as session:
        slot = session.scalars(select(Account.key_slot)).one()
    assert slot is not None
    with pytest.raises(key_slots.SlotError):
        key_slots.open_slot(slot, "Lindenallee 12, Dachau!", "huber")
    with pytest.raises(key_slots.SlotError):  # the slot is bound to its account
        key_slots.open_slot(slot, ADMIN_PASSWORD, "meier")
    # The services refuse as well, until an account logs in.
    with pytest.raises(Refused, match="locked"):
        write_request(ctx, office_file.parent / "anmeldung.json")
    assert not (office_file.parent / "anmeldung.json").exists()
    ctx.db.dispose()


def test_the_admins_log_in_unlocks_the_keys_to_sign(office_file: Path) -> None:
    ctx = make_context(office_file)
    log_in(ctx, "huber", ADMIN_PASSWORD)
    with ctx.db.reading() as session:
        record = session.scalars(select(SigningKey)).first()
        assert record is not None
        private = private_key_of(ctx, record)
    message = b"passapp/test\0ein Pass"
    assert verify(record.public_der, message, sign(private, message))
    ctx.db.dispose()


def test_a_password_hash_written_into_the_file_does_not_log_in(office_file: Path) -> None:
    """Someone who can write the database file swaps in the hash of a password they know:
    the log-in checks the key slot, which the swapped hash does not open, and stays shut."""
    from passapp.services.accounts import HASHER

    ctx = make_context(office_file)
    with ctx.db.transaction() as session:
        account = session.scalars(select(Account).where(Account.name == "huber")).one()
        account.password_hash = HASHER.hash("ein Passwort des Angreifers")
    with pytest.raises(Refused, match="log-in failed"):
        log_in(ctx, "huber", "ein Passwort des Angreifers")
    assert ctx.passphrase is None
    # The real password still opens the account and its keys.
    log_in(ctx, "huber", ADMIN_PASSWORD)
    assert ctx.passphrase is not None
    ctx.db.dispose()


def test_every_account_opens_the_key_store_and_a_new_password_keeps_it_open(
    office_file: Path,
) -> None:
    admin = make_context(office_file)
    huber = log_in(admin, "huber", ADMIN_PASSWORD)
    add_account(admin, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    set_password(admin, "meier", "neues Passwort 2026", caller=huber)
    admin.db.dispose()

    clerk = make_context(office_file)
    with pytest.raises(Refused):
        log_in(clerk, "meier", CLERK_PASSWORD)  # the old password opens nothing any more
    log_in(clerk, "meier", "neues Passwort 2026")
    write_request(clerk, office_file.parent / "anmeldung.json")  # signs with the office key
    assert json.loads((office_file.parent / "anmeldung.json").read_text())["office_code"] == (
        "EWDAH"
    )
    clerk.db.dispose()


def test_an_account_added_without_an_unlocked_store_is_refused(office_file: Path) -> None:
    ctx = make_context(office_file)
    huber = log_in(ctx, "huber", ADMIN_PASSWORD)
    ctx.passphrase = None  # as if the log-in had happened in another process
    with pytest.raises(Refused, match="locked"):
        add_account(ctx, "meier", Role.CLERK, CLERK_PASSWORD, caller=huber)
    ctx.db.dispose()


def test_an_office_set_up_before_accounts_gets_its_keys_encrypted_by_the_first_admin(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    assert not any(encrypted for _pem, encrypted in stored_keys(db_path))  # the old way
    add_account(unenrolled_office_ctx, "huber", Role.OFFICE_ADMIN, ADMIN_PASSWORD)
    held = stored_keys(db_path)
    assert all(encrypted for _pem, encrypted in held)
    for pem, _encrypted in held:
        with pytest.raises(keys.WrongPassphraseError):
            keys.private_from_pem(pem, None)
