"""SQLCipher on the command line (issue 10): ``office init`` with a key set makes an
encrypted database, ``database encrypt`` converts a plain one (an admin's work), ``database
decrypt`` writes a plain copy; a missing or wrong key is one German line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from passapp.cli import main
from passapp.models.cipher import new_key_file
from passapp.models.database import SQLITE_HEADER

ADMIN_PASSWORD = "Lindenallee 12, Dachau"
NAME = "Oyelaran-Qasemi"


def run(db: Path | str, *args: str, **env: str) -> Result:
    # Every command acts as the office's admin (issue 10), unless a test says otherwise.
    env = {"PASSAPP_USER": "huber", "PASSAPP_PASSWORD": ADMIN_PASSWORD, **env}
    return CliRunner().invoke(main, ["--db", str(db), "--json", *args], env=env)


def as_admin(db: Path, *args: str, **env: str) -> Result:
    return run(db, "--user", "huber", *args, PASSAPP_PASSWORD=ADMIN_PASSWORD, **env)


def payload(result: Result) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def set_up(db: Path, **env: str) -> None:
    done = run(
        db,
        "office", "init", "--code", "EWDAH", "--name", "Einwohnermeldeamt Dachau",
        "--kind", "einwohnermeldeamt", "--admin", "huber",
        PASSAPP_PASSWORD=ADMIN_PASSWORD, **env,
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    added = run(
        db,
        "person", "add", "--family-name", NAME, "--given-names", "Zarifa",
        "--birth-date", "1994-03-17",
        **env,
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr


def found(db: Path, **env: str) -> Result:
    return run(db, "find", "Oyelaran", **env)


def assert_one_german_line(result: Result, words: str) -> None:
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def key_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The key file lives outside the database's folder, as the office's IT places it.
    return tmp_path_factory.mktemp("profil")


def test_office_init_with_a_key_file_makes_an_encrypted_database(
    tmp_path: Path, key_folder: Path
) -> None:
    key_file = key_folder / "passapp.key"
    key_file.write_text("ein langer Satz als Schlüssel der Dienststelle\n")
    db = tmp_path / "ewdah.sqlite3"
    set_up(db, PASSAPP_DB_KEY_FILE=str(key_file))
    assert db.read_bytes()[:16] != SQLITE_HEADER
    assert NAME.encode() not in db.read_bytes()
    assert found(db, PASSAPP_DB_KEY_FILE=str(key_file)).exit_code == 0
    assert_one_german_line(found(db), "verschlüsselt")
    other = key_folder / "other.key"
    other.write_text("f0" * 32)
    assert_one_german_line(found(db, PASSAPP_DB_KEY_FILE=str(other)), "passt nicht")
    assert_one_german_line(
        found(db, PASSAPP_DB_KEY_FILE=str(key_folder / "fehlt.key")), "Schlüsseldatei"
    )


def test_an_admin_encrypts_a_plain_database_and_support_gets_a_plain_copy(
    tmp_path: Path, key_folder: Path
) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    key_file = key_folder / "passapp.key"
    done = as_admin(db, "database", "encrypt", "--key-file", str(key_file))
    assert done.exit_code == 0, done.stderr
    assert payload(done)["key_created"] is True
    assert payload(done)["plain_overwritten"] is True
    assert NAME.encode() not in db.read_bytes()
    assert_one_german_line(found(db), "verschlüsselt")
    with_key = found(db, PASSAPP_DB_KEY_FILE=str(key_file))
    assert with_key.exit_code == 0, with_key.stderr
    assert [hit["family_names"] for hit in payload(with_key)["results"]] == [NAME]
    # A second run finds the file encrypted already and says so.
    again = as_admin(db, "database", "encrypt", "--key-file", str(key_file))
    assert_one_german_line(again, "verschlüsselt")
    copy = key_folder / "support.sqlite3"
    plain = as_admin(db, "database", "decrypt", "--key-file", str(key_file), "--out", str(copy))
    assert plain.exit_code == 0, plain.stderr
    assert copy.read_bytes()[:16] == SQLITE_HEADER
    assert [hit["family_names"] for hit in payload(found(copy))["results"]] == [NAME]


def test_an_admin_puts_the_database_under_a_new_key(tmp_path: Path, key_folder: Path) -> None:
    db = tmp_path / "ewdah.sqlite3"
    key_file, new_key = key_folder / "passapp.key", key_folder / "neu.key"
    set_up(db)
    assert as_admin(db, "database", "encrypt", "--key-file", str(key_file)).exit_code == 0
    rekeyed = as_admin(
        db, "database", "rekey", "--key-file", str(key_file), "--new-key-file", str(new_key)
    )
    assert rekeyed.exit_code == 0, rekeyed.stderr
    assert payload(rekeyed)["key_created"] is True
    assert new_key.exists()
    assert_one_german_line(found(db, PASSAPP_DB_KEY_FILE=str(key_file)), "passt nicht")
    with_new = found(db, PASSAPP_DB_KEY_FILE=str(new_key))
    assert [hit["family_names"] for hit in payload(with_new)["results"]] == [NAME]
    # The old key file no longer opens it: the command says so in one line.
    stale = as_admin(
        db, "database", "rekey", "--key-file", str(key_file), "--new-key-file", str(new_key)
    )
    assert_one_german_line(stale, "passt nicht")


def test_rekey_of_a_plain_database_is_refused_and_nothing_is_written(
    tmp_path: Path, key_folder: Path
) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    some_key = key_folder / "irgendein.key"
    new_key_file(some_key)
    for current in (some_key, key_folder / "fehlt.key"):
        refused = as_admin(
            db,
            "database", "rekey", "--key-file", str(current),
            "--new-key-file", str(key_folder / "neu.key"),
        )  # fmt: skip
        assert refused.exit_code == 2
        assert len(refused.stderr.splitlines()) == 1
        assert "nicht verschlüsselt" in refused.stderr or "nicht lesbar" in refused.stderr
    assert not (key_folder / "neu.key").exists()
    assert db.read_bytes()[:16] == SQLITE_HEADER


def test_encrypt_needs_an_admin_log_in(tmp_path: Path, key_folder: Path) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    key_file = key_folder / "passapp.key"
    anonymous = run(db, "database", "encrypt", "--key-file", str(key_file), PASSAPP_USER="")
    assert_one_german_line(anonymous, "--user")
    wrong = run(
        db, "--user", "huber", "database", "encrypt", "--key-file", str(key_file),
        PASSAPP_PASSWORD="nicht das Passwort",
    )  # fmt: skip
    assert wrong.exit_code != 0
    assert not key_file.exists()
    assert db.read_bytes()[:16] == SQLITE_HEADER


def test_a_key_with_a_postgresql_url_is_refused(key_folder: Path) -> None:
    url = "postgresql+psycopg://passapp:secret@127.0.0.1:9/passapp"
    refused = run(url, "find", "Oyelaran", PASSAPP_DB_KEY="ein Passwort")
    assert_one_german_line(refused, "nur für SQLite-Dateien")
