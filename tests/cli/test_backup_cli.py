"""``passapp backup --out F`` and ``passapp restore F [--db target]`` (issue 12, item 3): an
admin's work; every refusal is one German line with its exit code."""

from __future__ import annotations

import gc
import sqlite3
from contextlib import closing
from pathlib import Path

from click.testing import Result

from tests.cli.test_database_cli import NAME, found, payload, run, set_up


def restore(db: Path, *args: str, **env: str) -> Result:
    # The earlier commands ran in this process: their connections go with their objects,
    # as they go when a real command exits; else the database counts as in use.
    gc.collect()
    return run(db, "restore", *args, **env)


def one_german_line(result: Result, code: int, words: str) -> None:
    assert result.exit_code == code, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_an_admin_backs_up_and_restores_onto_another_pc(tmp_path: Path) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    out = tmp_path / "stick" / "ewdah.passapp-backup"
    saved = run(db, "backup", "--out", str(out))
    assert saved.exit_code == 0, saved.stderr
    assert payload(saved)["office_code"] == "EWDAH"
    assert payload(saved)["made_by"] == "huber"
    assert out.exists()

    target = tmp_path / "neuer-pc.sqlite3"
    restored = restore(db, str(out), "--db", str(target))
    assert restored.exit_code == 0, restored.stderr
    assert payload(restored)["database_id"] != payload(saved)["database_id"]
    assert payload(restored)["replaced"] is None
    assert [hit["family_names"] for hit in payload(found(target))["results"]] == [NAME]

    # Over the old database, which is kept beside it.
    again = restore(db, str(out))
    assert again.exit_code == 0, again.stderr
    assert Path(payload(again)["replaced"]).exists()


def test_a_clerk_may_not_back_up(tmp_path: Path) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    added = run(
        db, "user", "add", "meier", "--role", "clerk", PASSAPP_NEW_PASSWORD="Sachbearbeitung 2026"
    )
    assert added.exit_code == 0, added.stderr
    refused = run(
        db, "backup", "--out", str(tmp_path / "b.passapp-backup"),
        PASSAPP_USER="meier", PASSAPP_PASSWORD="Sachbearbeitung 2026",
    )  # fmt: skip
    one_german_line(refused, 1, "Sachbearbeitung")
    assert not (tmp_path / "b.passapp-backup").exists()


def test_restore_refusals_are_one_german_line(tmp_path: Path) -> None:
    db = tmp_path / "ewdah.sqlite3"
    set_up(db)
    out = tmp_path / "ewdah.passapp-backup"
    assert run(db, "backup", "--out", str(out)).exit_code == 0
    one_german_line(restore(db, str(tmp_path / "fehlt")), 2, "Keine Sicherungsdatei")
    letter = tmp_path / "brief.txt"
    letter.write_text("Sehr geehrte Damen und Herren\n" * 100, encoding="utf-8")
    one_german_line(restore(db, str(letter)), 2, "keine passapp")
    newer = tmp_path / "neuer.passapp-backup"
    newer.write_bytes(out.read_bytes())
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    one_german_line(restore(db, str(newer)), 1, "neueren passapp-Version")
    one_german_line(restore(db, str(out), PASSAPP_PASSWORD="falsches Passwort 12"), 1, "Anmeldung")
    one_german_line(restore(db, str(out), PASSAPP_USER=""), 2, "--user")
    one_german_line(
        restore(db, str(out), "--db", "postgresql+psycopg://kreis@db.example/passapp"),
        1,
        "pg_dump",
    )
    # Nothing of the refused restores was left behind or replaced.
    leftovers = [
        p.name for p in tmp_path.iterdir() if "restoring" in p.name or "replaced" in p.name
    ]
    assert leftovers == []
