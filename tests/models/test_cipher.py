"""SQLCipher at the models layer: migrations and the backup before them work on an encrypted
file; what a key file may hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from passapp.models import cipher
from passapp.models.cipher import DatabaseKey
from passapp.models.database import (
    SQLITE_HEADER,
    DatabaseError,
    current_revision,
    head_revision,
    open_database,
    to_url,
)

OLDEST = Path(__file__).parent / "released" / "schema-0001.sqlite3"
KEY = DatabaseKey("a1" * 32, "test")


def test_an_encrypted_old_database_upgrades_and_its_backup_is_encrypted(tmp_path: Path) -> None:
    path = tmp_path / OLDEST.name
    shutil.copy(OLDEST, path)
    cipher.encrypt_file(path, KEY)
    db = open_database(to_url(str(path)), key=KEY)
    assert current_revision(db.engine) == head_revision(db.engine)
    assert db.backup_path is not None
    backup = db.backup_path.read_bytes()
    assert backup[:16] != SQLITE_HEADER
    assert "Müller".encode() not in backup
    with db.reading() as session:
        assert session.execute(text("SELECT family_names FROM person")).scalar() == "Müller"
    with pytest.raises(IntegrityError, match="append-only"), db.transaction() as session:
        session.execute(text("UPDATE audit_event SET actor = 'x'"))
    db.dispose()
    copy = open_database(to_url(str(db.backup_path)), key=KEY)
    with copy.reading() as session:
        assert session.execute(text("SELECT family_names FROM person")).scalar() == "Müller"
    copy.dispose()


def test_a_key_file_holds_one_line(tmp_path: Path) -> None:
    made = cipher.new_key_file(tmp_path / "neu.key")
    assert made.is_raw
    assert cipher.read_key_file(tmp_path / "neu.key") == made
    assert oct((tmp_path / "neu.key").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(FileExistsError):
        cipher.new_key_file(tmp_path / "neu.key")  # never over an existing key
    (tmp_path / "satz.key").write_text("  ein Satz mit 'Hochkomma'  \n")
    phrase = cipher.read_key_file(tmp_path / "satz.key")
    assert phrase.secret == "ein Satz mit 'Hochkomma'"
    assert not phrase.is_raw
    assert "Hochkomma" not in repr(phrase)
    for bad in ("", "   \n", "zwei\nZeilen", "x" * (cipher.MAX_KEY_CHARS + 1)):
        (tmp_path / "bad.key").write_text(bad)
        with pytest.raises(DatabaseError):
            cipher.read_key_file(tmp_path / "bad.key")


def test_a_passphrase_with_a_quote_opens_what_it_made(tmp_path: Path) -> None:
    key = DatabaseKey("it's O'Brien's key", "test")
    open_database(to_url(str(tmp_path / "q.sqlite3")), key=key).dispose()
    open_database(to_url(str(tmp_path / "q.sqlite3")), key=key, create=False).dispose()
    with pytest.raises(DatabaseError):
        open_database(
            to_url(str(tmp_path / "q.sqlite3")), key=DatabaseKey("its OBriens key", "t")
        ).dispose()
