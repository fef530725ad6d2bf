"""SQLCipher (issue 10): an encrypted database holds no readable byte of a person, opens only
with its key, runs every service as a plain one does, and a plain one converts in place
without losing anything, or, interrupted, stays as it was."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.models import cipher
from passapp.models.cipher import DatabaseKey
from passapp.models.database import (
    SQLITE_HEADER,
    DatabaseError,
    backup_sqlite,
    open_database,
    to_url,
)
from passapp.models.entities import AuditEvent, Pass, Person, PersonNameKey
from passapp.services.audit import check_log
from passapp.services.context import ServiceContext, open_context
from passapp.services.encryption import decrypt_database_copy, encrypt_database
from passapp.services.errors import DatabaseUnavailable, InvalidInput, Refused
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle
from tests.conftest import NOW, TODAY, enrol
from tests.services.helpers import count

FAMILY, GIVEN, ORIGINAL = "Oyelaran-Qasemi", "Zarifa Noor", "قاسمی"
SECRETS = (FAMILY, "Oyelaran", "Qasemi", "Zarifa", ORIGINAL, "0151 2468013")
RAW_KEY = DatabaseKey("5e" * 32, "test")
PASSPHRASE = DatabaseKey("Dachau's Schalter, Zimmer 12", "test passphrase")


def person() -> PersonInput:
    return PersonInput(
        family_names=FAMILY,
        given_names=GIVEN,
        family_names_original=ORIGINAL,
        birth_date=PartialDate.parse("1994-03-17"),
        arrival_date=PartialDate.parse("2023-05-02"),
        moved_from_abroad=True,
        contact="0151 2468013",
        consent=True,
        consent_notice_version="2026-11",
    )


def context(path: Path, key: DatabaseKey | None, clerk: str = "test") -> ServiceContext:
    return ServiceContext(
        db=open_database(to_url(str(path)), key=key),
        clerk=clerk,
        today=lambda: TODAY,
        now=lambda: NOW,
        passphrase=None,
        output_folder=path.parent / f"{path.stem}-pdf",
    )


def office(path: Path, key: DatabaseKey | None) -> ServiceContext:
    ctx = context(path, key)
    init_office(
        ctx, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt",
        municipality="Dachau",
    )  # fmt: skip
    return ctx


def leaks(database: Path) -> dict[str, list[str]]:
    """Which secrets, or the plain SQLite header, the file and its WAL hold (raw bytes, any
    case)."""
    found: dict[str, list[str]] = {}
    for path in (database, database.with_name(database.name + "-wal")):
        data = path.read_bytes().lower() if path.exists() else b""
        hits = [s for s in (*SECRETS, "sqlite format 3") if s.lower().encode() in data]
        if hits:
            found[path.name] = hits
    return found


@pytest.fixture
def key_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The key file lives outside the database's folder, as the office's IT places it.
    return tmp_path_factory.mktemp("profil")


@pytest.mark.parametrize("key", [RAW_KEY, PASSPHRASE], ids=["raw key", "passphrase"])
def test_an_encrypted_database_holds_no_name_and_no_sqlite_header(
    db_path: Path, key: DatabaseKey
) -> None:
    ctx = office(db_path, key)
    register_person(ctx, person())
    # Checked while open, WAL and all, and again after closing.
    assert leaks(db_path) == {}
    assert db_path.read_bytes()[:16] != SQLITE_HEADER
    ctx.db.dispose()
    assert leaks(db_path) == {}
    # The same steps on a plain file do leave the name there: the check can fail.
    plain = office(db_path.with_name("plain.sqlite3"), None)
    register_person(plain, person())
    plain.db.dispose()
    assert "Oyelaran" in leaks(db_path.with_name("plain.sqlite3"))["plain.sqlite3"]


def test_without_the_key_or_with_another_the_database_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office(db_path, RAW_KEY).db.dispose()
    for variable in (cipher.KEY_FILE_ENV, cipher.KEY_ENV):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(DatabaseUnavailable) as missing:
        open_context(str(db_path), create=False)
    assert missing.value.exit_code == 2
    assert "verschlüsselt" in missing.value.message_de
    assert "PASSAPP_DB_KEY_FILE" in missing.value.message_de
    monkeypatch.setenv(cipher.KEY_ENV, "6f" * 32)
    with pytest.raises(DatabaseUnavailable) as wrong:
        open_context(str(db_path), create=False)
    assert wrong.value.exit_code == 2
    assert "passt nicht" in wrong.value.message_de
    assert "file is not a database" not in str(wrong.value)
    # A plain database opened with a key set: told to encrypt it first, not "damaged".
    office(db_path.with_name("plain.sqlite3"), None).db.dispose()
    with pytest.raises(DatabaseUnavailable) as plain:
        open_context(str(db_path.with_name("plain.sqlite3")), create=False)
    assert "nicht verschlüsselt" in plain.value.message_de


def test_the_key_file_from_the_environment_opens_it(
    db_path: Path, key_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = key_folder / "passapp.key"
    key = cipher.new_key_file(key_file)
    ctx = office(db_path, key)
    person_id = register_person(ctx, person()).person.id
    ctx.db.dispose()
    monkeypatch.delenv(cipher.KEY_ENV, raising=False)
    monkeypatch.setenv(cipher.KEY_FILE_ENV, str(key_file))
    reopened = open_context(str(db_path), create=False)
    assert [hit.id for hit in find(reopened, "Oyelaran Zarifa").hits] == [person_id]
    reopened.db.dispose()
    monkeypatch.setenv(cipher.KEY_FILE_ENV, str(key_folder / "fehlt.key"))
    with pytest.raises(DatabaseUnavailable) as missing_file:
        open_context(str(db_path), create=False)
    assert "Schlüsseldatei" in missing_file.value.message_de


def test_register_issue_and_export_round_trip_on_encrypted_databases(
    tmp_path: Path, district_ctx: ServiceContext
) -> None:
    ctx = office(tmp_path / "office.sqlite3", RAW_KEY)
    enrol(ctx, district_ctx, tmp_path)
    person_id = register_person(ctx, person()).person.id
    issued = issue_pass(ctx, person_id, out_pdf=tmp_path / "pass.pdf")
    assert issued.pdf is not None
    assert issued.pdf.read_bytes().startswith(b"%PDF")
    [report] = export_bundles(ctx, tmp_path / "out")
    imported = import_bundle(district_ctx, report.path)
    assert imported.applied >= 3
    assert [hit.id for hit in find(district_ctx, "Oyelaran Zarifa").hits] == [person_id]
    assert check_log(ctx).ok
    ctx.db.dispose()
    assert leaks(tmp_path / "office.sqlite3") == {}


def populated_plain_office(db_path: Path, district_ctx: ServiceContext) -> ServiceContext:
    ctx = office(db_path, None)
    enrol(ctx, district_ctx, db_path.parent)
    person_id = register_person(ctx, person()).person.id
    issue_pass(ctx, person_id, out_pdf=db_path.parent / "pass.pdf")
    return ctx


def tally(ctx: ServiceContext) -> dict[str, int]:
    return {
        model.__name__: count(ctx, model) for model in (Person, PersonNameKey, Pass, AuditEvent)
    }


def test_encrypt_converts_a_populated_plain_database_in_place(
    db_path: Path, district_ctx: ServiceContext, key_folder: Path
) -> None:
    ctx = populated_plain_office(db_path, district_ctx)
    before = tally(ctx)
    # Second names of the plain file and of its WAL (which holds the newest changes, the
    # name among them) show what happens to their blocks.
    wal = db_path.with_name(db_path.name + "-wal")
    assert "Oyelaran" in leaks(db_path).get(wal.name, [])
    os.link(db_path, db_path.parent / "second-name-of-the-plain-file")
    os.link(wal, db_path.parent / "second-name-of-the-wal")
    done = encrypt_database(ctx, key_folder / "passapp.key")
    assert done.key_created
    assert done.plain_overwritten
    assert set((db_path.parent / "second-name-of-the-plain-file").read_bytes()) == {0}
    assert set((db_path.parent / "second-name-of-the-wal").read_bytes()) <= {0}
    # The context goes on working on the encrypted file; one more audit event says so.
    assert [hit.given_names for hit in find(ctx, "Oyelaran").hits] == [GIVEN]
    assert tally(ctx) == {**before, "AuditEvent": before["AuditEvent"] + 1}
    with ctx.db.reading() as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert newest is not None
    assert newest.action == "database.encrypt"
    assert check_log(ctx).ok
    ctx.db.dispose()
    assert leaks(db_path) == {}
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [
        db_path.name
    ]
    assert not (db_path.parent / "second-name-of-the-wal").read_bytes().strip(b"\x00")
    with pytest.raises(DatabaseError):
        open_database(to_url(str(db_path)), key=None)
    reopened = context(db_path, cipher.read_key_file(key_folder / "passapp.key"))
    assert tally(reopened) == tally(ctx)
    reopened.db.dispose()


def test_an_interrupted_encryption_leaves_the_plain_database_usable(
    db_path: Path,
    district_ctx: ServiceContext,
    key_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = populated_plain_office(db_path, district_ctx)
    before = tally(ctx)

    def swap_fails(source: Path, target: Path) -> None:
        raise OSError(errno.EIO, "Input/output error", str(target))

    monkeypatch.setattr(cipher, "_swap", swap_fails)
    with pytest.raises(Refused) as failed:
        encrypt_database(ctx, key_folder / "passapp.key")
    assert "unverändert" in failed.value.message_de
    # Nothing beside the database but what SQLite keeps, the same rows, and it works on.
    assert not db_path.with_name(db_path.name + cipher.STAGING_SUFFIX).exists()
    assert not list(db_path.parent.glob("*" + cipher.SHADOW_SUFFIX))
    assert db_path.read_bytes()[:16] == SQLITE_HEADER
    assert tally(ctx) == before
    register_person(ctx, replace(person(), given_names="Amina"))
    ctx.db.dispose()
    # The next try, with the same key file, succeeds.
    monkeypatch.undo()
    again = context(db_path, None)
    done = encrypt_database(again, key_folder / "passapp.key")
    assert not done.key_created
    assert count(again, Person) == before["Person"] + 1
    again.db.dispose()


# Another program with the database open: a real second process (two connections in one
# process through two SQLite libraries, sqlite3 and sqlcipher3, do not see each other's
# locks at all).
OTHER_PROGRAM = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
if sys.argv[2] == "reading":
    connection.execute("BEGIN")
connection.execute("SELECT count(*) FROM person").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("state", ["reading", "idle"])
def test_another_program_with_the_database_open_refuses_the_conversion(
    db_path: Path, key_folder: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    monkeypatch.setenv("PASSAPP_BUSY_TIMEOUT_MS", "200")
    ctx = office(db_path, None)
    register_person(ctx, person())
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(db_path), state],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseUnavailable) as busy:
            encrypt_database(ctx, key_folder / "passapp.key")
    finally:
        other.communicate("")
    assert busy.value.exit_code == 1
    assert "anderen Programm" in busy.value.message_de
    assert db_path.read_bytes()[:16] == SQLITE_HEADER
    assert not db_path.with_name(db_path.name + cipher.STAGING_SUFFIX).exists()
    assert count(ctx, Person) == 1
    ctx.db.dispose()


def test_a_crash_after_the_copy_leaves_files_the_next_run_clears(
    db_path: Path, district_ctx: ServiceContext, key_folder: Path
) -> None:
    ctx = populated_plain_office(db_path, district_ctx)
    ctx.db.dispose()
    # What a killed run leaves before its rename: a half copy and a second name.
    staging = db_path.with_name(db_path.name + cipher.STAGING_SUFFIX)
    staging.write_bytes(b"\x00" * 4096)
    os.link(db_path, db_path.with_name(db_path.name + cipher.SHADOW_SUFFIX))
    assert open_database(to_url(str(db_path)), key=None) is not None  # still the plain one
    again = context(db_path, None)
    encrypt_database(again, key_folder / "passapp.key")
    assert not staging.exists()
    assert not db_path.with_name(db_path.name + cipher.SHADOW_SUFFIX).exists()
    assert count(again, Person) == 1
    again.db.dispose()


def test_encrypt_refuses_a_key_beside_the_database_and_a_second_run(
    db_path: Path, key_folder: Path
) -> None:
    ctx = office(db_path, None)
    below = db_path.parent / "schluessel"
    below.mkdir()
    for place in (db_path.with_name("passapp.key"), below / "passapp.key"):
        with pytest.raises(InvalidInput) as beside:
            encrypt_database(ctx, place)
        assert "nicht im Ordner der Datenbank" in beside.value.message_de
        assert not place.exists()
    encrypt_database(ctx, key_folder / "passapp.key")
    with pytest.raises(Refused):
        encrypt_database(ctx, key_folder / "passapp.key")
    ctx.db.dispose()


def test_a_plain_copy_for_support(db_path: Path, key_folder: Path) -> None:
    ctx = office(db_path, PASSPHRASE)
    register_person(ctx, person())
    copy = decrypt_database_copy(ctx, key_folder / "support.sqlite3")
    assert copy.read_bytes()[:16] == SQLITE_HEADER
    plain = context(copy, None)
    assert count(plain, Person) == 1
    plain.db.dispose()
    ctx.db.dispose()
    with pytest.raises(Refused):
        decrypt_database_copy(context(copy, None), key_folder / "again.sqlite3")


def test_a_backup_before_an_upgrade_is_encrypted_too(db_path: Path) -> None:
    ctx = office(db_path, RAW_KEY)
    register_person(ctx, person())
    backup = backup_sqlite(ctx.db.engine, "test", RAW_KEY)
    ctx.db.dispose()
    assert backup is not None
    assert leaks(backup) == {}
    copy = context(backup, RAW_KEY)
    assert count(copy, Person) == 1
    copy.db.dispose()


def test_a_key_is_refused_for_a_postgresql_url(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://passapp:secret@127.0.0.1:9/passapp"
    with pytest.raises(DatabaseError) as refused:
        open_database(url, key=RAW_KEY)
    assert "nur für SQLite-Dateien" in refused.value.message_de
    monkeypatch.setenv(cipher.KEY_ENV, "ein Passwort")
    with pytest.raises(DatabaseUnavailable) as from_environment:
        open_context(url)
    assert from_environment.value.exit_code == 2
    assert "SQLite" in str(from_environment.value)
