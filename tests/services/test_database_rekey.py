"""A new key for an encrypted database (SQLCipher): after a key file was lost track of, the
IT puts the database under a new key in place. The old key then opens nothing of it (the
file under the old key is overwritten), everything else goes on, and a failure leaves the
database whole under the old key."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.models import cipher
from passapp.models.database import DatabaseError, open_database, to_url
from passapp.models.entities import AuditEvent, Person
from passapp.services.audit import check_log
from passapp.services.context import ServiceContext
from passapp.services.encryption import encrypt_database, rekey_database
from passapp.services.errors import InvalidInput, Refused
from passapp.services.people import register_person
from passapp.services.search import find
from tests.services.helpers import count
from tests.services.test_database_encryption import (
    GIVEN,
    context,
    leaks,
    office,
    person,
    populated_plain_office,
    tally,
)


@pytest.fixture
def key_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture
def encrypted(db_path: Path, district_ctx: ServiceContext, key_folder: Path) -> ServiceContext:
    ctx = populated_plain_office(db_path, district_ctx)
    encrypt_database(ctx, key_folder / "alt.key")
    return ctx


def last_action(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert newest is not None
    return newest.action


def test_a_new_key_opens_the_database_and_the_old_one_no_longer(
    encrypted: ServiceContext, db_path: Path, key_folder: Path
) -> None:
    before = tally(encrypted)
    os.link(db_path, db_path.parent / "second-name-under-the-old-key")
    done = rekey_database(encrypted, key_folder / "neu.key")
    assert done.key_created
    assert done.old_overwritten
    # The file under the old key is gone, its blocks zeros: a copy taken of the old
    # file's blocks cannot be opened with a leaked old key.
    assert set((db_path.parent / "second-name-under-the-old-key").read_bytes()) == {0}
    # The context goes on, on the new key; one audit event more.
    assert [hit.given_names for hit in find(encrypted, "Oyelaran").hits] == [GIVEN]
    assert tally(encrypted) == {**before, "AuditEvent": before["AuditEvent"] + 1}
    assert last_action(encrypted) == "database.rekey"
    assert check_log(encrypted).ok
    encrypted.db.dispose()
    assert leaks(db_path) == {}
    with pytest.raises(DatabaseError) as old:
        open_database(to_url(str(db_path)), key=cipher.read_key_file(key_folder / "alt.key"))
    assert "passt nicht" in old.value.message_de
    reopened = context(db_path, cipher.read_key_file(key_folder / "neu.key"))
    assert tally(reopened) == tally(encrypted)
    reopened.db.dispose()


def test_an_existing_key_file_is_taken_and_the_same_key_refused(
    encrypted: ServiceContext, key_folder: Path
) -> None:
    given = key_folder / "vorhanden.key"
    cipher.new_key_file(given)
    assert not rekey_database(encrypted, given).key_created
    with pytest.raises(InvalidInput) as same:
        rekey_database(encrypted, given)
    assert "schon steht" in same.value.message_de
    assert count(encrypted, Person) == 1


def test_a_plain_database_and_a_key_beside_the_database_are_refused(
    db_path: Path, key_folder: Path, encrypted: ServiceContext
) -> None:
    beside = db_path.with_name("neu.key")
    with pytest.raises(InvalidInput) as placed:
        rekey_database(encrypted, beside)
    assert "nicht im Ordner der Datenbank" in placed.value.message_de
    assert not beside.exists()
    plain = office(db_path.with_name("plain.sqlite3"), None)
    register_person(plain, person())
    with pytest.raises(Refused) as unencrypted:
        rekey_database(plain, key_folder / "neu.key")
    assert "nicht verschlüsselt" in unencrypted.value.message_de
    plain.db.dispose()


def test_an_interrupted_rekey_leaves_the_database_whole_under_the_old_key(
    encrypted: ServiceContext,
    db_path: Path,
    key_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = tally(encrypted)

    def swap_fails(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(cipher, "_swap", swap_fails)
    with pytest.raises(Refused) as failed:
        rekey_database(encrypted, key_folder / "neu.key")
    assert "unverändert und weiter nutzbar" in failed.value.message_de
    monkeypatch.undo()
    # Still the old key's database, whole, and this context still works on it.
    assert tally(encrypted) == before
    assert not db_path.with_name(db_path.name + cipher.STAGING_SUFFIX).exists()
    encrypted.db.dispose()
    old = context(db_path, cipher.read_key_file(key_folder / "alt.key"))
    assert tally(old) == before
    old.db.dispose()
