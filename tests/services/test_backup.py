"""Backups and their restore (issue 12, item 3): what comes back, what is refused, and that
nothing half-written is ever left behind."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.accounts import Role
from passapp.models import cipher
from passapp.models.entities import AuditEvent, ChangeRecord, Installation, Person
from passapp.services import backup as backup_module
from passapp.services.backup import backup, list_backups, prune_backups, restore
from passapp.services.context import ServiceContext
from passapp.services.desk import Gate
from passapp.services.erasure import erase_person
from passapp.services.errors import InvalidInput, Refused, ServiceError
from passapp.services.people import register_person
from passapp.services.progress import Cancelled, Progress
from tests.conftest import make_context
from tests.services.test_database_encryption import RAW_KEY, context, leaks, office, person
from tests.support.accounts import ADMIN, ADMIN_PASSWORD, add_admin


@dataclass
class Saved:
    database: Path
    backup: Path
    person_id: uuid.UUID
    database_id: str


def database_id(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        return str(session.scalars(select(Installation.database_id)).one())


def actions(ctx: ServiceContext) -> list[str]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def family_names(ctx: ServiceContext) -> list[str]:
    with ctx.db.reading() as session:
        return sorted(session.scalars(select(Person.family_names)))


def digest(path: Path) -> str:
    """What the database holds (a refused restore may fold the WAL into the file)."""
    with closing(sqlite3.connect(path)) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


def as_admin(saved: Path, target: Path | str, password: str = ADMIN_PASSWORD) -> object:
    return restore(saved, str(target), account=ADMIN, password=password)


@pytest.fixture
def saved(db_path: Path) -> Saved:
    """An office with one person and its admin, backed up; afterwards a second person."""
    ctx = office(db_path, None)
    add_admin(ctx)
    person_id = register_person(ctx, person()).person.id
    out = backup(ctx, db_path.parent / "sicherung" / "eins.passapp-backup")
    register_person(ctx, replace(person(), family_names="Spaeter"))
    saved = Saved(db_path, out.path, person_id, database_id(ctx))
    ctx.db.dispose()
    return saved


def test_a_restore_brings_the_backup_back_under_a_new_database_id(saved: Saved) -> None:
    restored = as_admin(saved.backup, saved.database)
    assert isinstance(restored, backup_module.Restored)

    ctx = make_context(saved.database)
    try:
        assert family_names(ctx) == ["Oyelaran-Qasemi"]  # as it was when backed up
        assert database_id(ctx) == restored.database_id != saved.database_id
        with ctx.db.reading() as session:
            installation = session.get(Installation, 1)
            assert installation is not None
            assert installation.previous_database_ids[-1] == saved.database_id
        assert actions(ctx)[-2:] == ["account.login", "database.restore"]
    finally:
        ctx.db.dispose()
    again = make_context(saved.database)  # opened once more: no second new id
    assert database_id(again) == restored.database_id
    again.db.dispose()

    # The replaced database is kept whole, with what came after the backup.
    assert restored.replaced is not None
    assert restored.replaced.name.startswith(saved.database.name)
    kept = make_context(restored.replaced)
    assert "Spaeter" in family_names(kept)
    assert "database.backup" in actions(kept)
    kept.db.dispose()
    assert restored.manifest is not None
    assert restored.manifest.office_code == "EWDAH"
    assert restored.manifest.database_id == saved.database_id
    assert restored.manifest.made_by == "test"


def test_a_backup_holds_the_private_keys_only_encrypted(saved: Saved) -> None:
    with sqlite3.connect(saved.backup) as connection:
        keys = connection.execute(
            "SELECT encrypted, private_pem FROM signing_key WHERE private_pem IS NOT NULL"
        ).fetchall()
    assert keys
    assert all(encrypted == 1 for encrypted, _pem in keys)
    assert not [pem for _e, pem in keys if b"BEGIN PRIVATE KEY" in pem]
    assert b"BEGIN PRIVATE KEY" not in saved.backup.read_bytes()


def test_a_restore_onto_a_fresh_pc_needs_no_old_database(saved: Saved, tmp_path: Path) -> None:
    target = tmp_path / "neuer-pc" / "passapp.sqlite3"
    target.parent.mkdir()
    restored = as_admin(saved.backup, target)
    assert isinstance(restored, backup_module.Restored)
    assert restored.replaced is None
    ctx = make_context(target)
    assert family_names(ctx) == ["Oyelaran-Qasemi"]
    ctx.db.dispose()


def test_an_erasure_after_the_backup_is_done_again_on_restore(saved: Saved) -> None:
    ctx = make_context(saved.database)
    erase_person(ctx, saved.person_id, "Antrag nach Art. 17 vom 20.11.2026")
    ctx.db.dispose()

    restored = as_admin(saved.backup, saved.database)
    assert isinstance(restored, backup_module.Restored)
    assert restored.erased_again == 1
    ctx = make_context(saved.database)
    try:
        with ctx.db.reading() as session:
            erased = session.get(Person, saved.person_id)
            assert erased is not None
            assert erased.erased_at is not None
            assert erased.family_names == ""
            # A tombstone of its own goes out again (the first may never have left).
            tombstones = session.scalars(
                select(ChangeRecord).where(
                    ChangeRecord.entity_id == saved.person_id,
                    ChangeRecord.operation == "erase",
                )
            ).all()
        assert [str(t.database_id) for t in tombstones] == [restored.database_id]
    finally:
        ctx.db.dispose()
    assert "Oyelaran" not in leaks(saved.database).get(saved.database.name, [])


def refused_and_unchanged(saved: Saved, call: object, kind: type[ServiceError]) -> ServiceError:
    before = digest(saved.database)
    with pytest.raises(kind) as refusal:
        call()  # type: ignore[operator]
    assert digest(saved.database) == before
    leftovers = [p.name for p in saved.database.parent.iterdir() if "restoring" in p.name]
    assert leftovers == []
    return refusal.value


def test_a_missing_or_foreign_file_is_refused_as_bad_input(saved: Saved, tmp_path: Path) -> None:
    missing = refused_and_unchanged(
        saved, lambda: as_admin(tmp_path / "fehlt.passapp-backup", saved.database), InvalidInput
    )
    assert "Keine Sicherungsdatei" in missing.message_de
    text = tmp_path / "brief.txt"
    text.write_text("Sehr geehrte Damen und Herren,\n" * 200, encoding="utf-8")
    other = tmp_path / "andere.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE kunden (name TEXT)")
    for foreign in (text, other):
        error = refused_and_unchanged(
            saved, lambda f=foreign: as_admin(f, saved.database), ServiceError
        )
        assert error.exit_code == 2
        assert "keine passapp" in error.message_de


def test_a_backup_of_a_newer_passapp_is_refused(saved: Saved, tmp_path: Path) -> None:
    newer = tmp_path / "neuer.passapp-backup"
    newer.write_bytes(saved.backup.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    error = refused_and_unchanged(saved, lambda: as_admin(newer, saved.database), Refused)
    assert error.exit_code == 1
    assert "neueren passapp-Version" in error.message_de


def test_only_an_admin_of_the_backup_may_restore_it(saved: Saved) -> None:
    wrong = refused_and_unchanged(
        saved, lambda: as_admin(saved.backup, saved.database, "falsches Passwort 12"), Refused
    )
    assert "Anmeldung fehlgeschlagen" in wrong.message_de
    # A clerk of the backup: the account is there, but it is not an admin.
    clerk_backup = saved.backup.with_name("mit-sachbearbeiterin.passapp-backup")
    desk = Gate(make_context(saved.database)).log_in(ADMIN, ADMIN_PASSWORD)
    desk.add_account("meier", Role.CLERK, "Sachbearbeitung 2026")
    desk.backup_database(clerk_backup)
    desk.close()
    clerk = refused_and_unchanged(
        saved,
        lambda: restore(
            clerk_backup, str(saved.database), account="meier", password="Sachbearbeitung 2026"
        ),
        Refused,
    )
    assert "Nur ein Admin-Konto" in clerk.message_de


OTHER_PROGRAM = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM person").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


def test_a_database_in_use_is_not_replaced(saved: Saved, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_module, "IN_USE_WAIT_MS", 100)
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(saved.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "open"
        error = refused_and_unchanged(
            saved, lambda: as_admin(saved.backup, saved.database), Refused
        )
    finally:
        other.communicate("")
    assert error.exit_code == 1
    assert "anderen Programm" in error.message_de


def test_a_server_database_is_left_to_pg_dump() -> None:
    with pytest.raises(Refused) as refusal:
        restore(
            Path("egal"),
            "postgresql+psycopg://kreis@db.example/passapp",
            account=ADMIN,
            password="x",
        )
    assert "pg_dump" in str(refusal.value)


def test_a_full_disk_is_told_before_writing(
    saved: Saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda _path: _Usage(free=4096))
    ctx = make_context(saved.database)
    out = tmp_path / "stick" / "voll.passapp-backup"
    with pytest.raises(Refused) as refusal:
        backup(ctx, out)
    ctx.db.dispose()
    assert "Zu wenig Platz" in refusal.value.message_de
    assert not out.exists()


@dataclass
class _Usage:
    free: int
    total: int = 0
    used: int = 0


def test_a_write_cut_short_leaves_no_partial_backup(
    saved: Saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    # The disk fills up after the free-space check (another program, a log).
    monkeypatch.setattr(backup_module, "_check_room", lambda *_args: None)
    if not _mount_small_disk(stick):

        def no_space(_descriptor: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module.os, "fsync", no_space)
    ctx = make_context(saved.database)
    try:
        with pytest.raises(ServiceError) as refusal:
            backup(ctx, stick / "voll.passapp-backup")
    finally:
        ctx.db.dispose()
        _unmount(stick)
    assert refusal.value.exit_code == 1
    assert list(stick.iterdir()) == []


def _mount_small_disk(folder: Path) -> bool:
    """A real 64 KB file system where the machine lets us mount one (root in CI's
    container); else the caller simulates it."""
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    if os.path.ismount(folder):
        subprocess.run(["umount", str(folder)], check=False)


def test_an_encrypted_database_s_backup_stays_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "verschluesselt.sqlite3"
    ctx = office(path, RAW_KEY)
    add_admin(ctx)
    register_person(ctx, person())
    done = backup(ctx, tmp_path / "sicherung.passapp-backup")
    ctx.db.dispose()
    assert done.encrypted
    assert leaks(done.path) == {}  # no name, not even the SQLite header
    assert cipher.looks_encrypted(done.path)

    target = tmp_path / "anderer-pc" / "passapp.sqlite3"
    target.parent.mkdir()
    restored = restore(done.path, str(target), account=ADMIN, password=ADMIN_PASSWORD, key=RAW_KEY)
    assert isinstance(restored, backup_module.Restored)
    assert leaks(target) == {}
    again = context(target, RAW_KEY)
    assert family_names(again) == ["Oyelaran-Qasemi"]
    again.db.dispose()
    # Without the key the backup is not even recognised as a passapp file.
    with pytest.raises(ServiceError) as refusal:
        restore(
            done.path, str(tmp_path / "x.sqlite3"), account=ADMIN, password=ADMIN_PASSWORD, key=None
        )
    assert refusal.value.exit_code == 2
    assert "verschlüsselt" in refusal.value.message_de


RELEASED = Path(__file__).parents[1] / "models" / "released" / "schema-0005.sqlite3"


def test_a_backup_of_an_older_release_is_upgraded_as_it_is_restored(tmp_path: Path) -> None:
    old = tmp_path / "alt.passapp-backup"
    old.write_bytes(RELEASED.read_bytes())
    target = tmp_path / "pc" / "passapp.sqlite3"
    target.parent.mkdir()
    # Before accounts existed: no admin to ask; its first admin is made afterwards.
    restored = restore(old, str(target), account=ADMIN, password="egal egal egal")
    assert isinstance(restored, backup_module.Restored)
    assert restored.upgraded_from == "0005"
    assert restored.manifest is None  # a plain database file, no manifest
    assert sorted(p.name for p in target.parent.iterdir()) == ["passapp.sqlite3"]
    ctx = make_context(target)
    try:
        assert database_id(ctx) == restored.database_id != restored.previous_database_id
        assert family_names(ctx)  # the release's people came along
        assert actions(ctx)[-1] == "database.restore"
    finally:
        ctx.db.dispose()


def test_old_backups_go_but_never_the_newest(tmp_path: Path) -> None:
    for day in ("2026-09-01", "2026-09-30", "2026-10-02"):
        (tmp_path / f"passapp-EWDAH-{day}.passapp-backup").write_bytes(b"x")
    (tmp_path / "passapp-EWDAH-kaputt.passapp-backup").write_bytes(b"x")  # not a day: not ours
    deleted = prune_backups(tmp_path, 14, dt.date(2026, 11, 25))  # the PC was off for weeks
    assert [p.name for p in deleted] == [
        "passapp-EWDAH-2026-09-01.passapp-backup",
        "passapp-EWDAH-2026-09-30.passapp-backup",
    ]
    assert [b.path.name for b in list_backups(tmp_path)] == [
        "passapp-EWDAH-2026-10-02.passapp-backup"
    ]
    assert (tmp_path / "passapp-EWDAH-kaputt.passapp-backup").exists()
    assert prune_backups(tmp_path, 14, dt.date(2027, 1, 1)) == ()


def test_a_full_disk_at_restore_leaves_nothing_behind(
    saved: Saved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = tmp_path / "klein"
    disk.mkdir()
    if not _mount_small_disk(disk):

        def full(*_args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(backup_module, "_copy", full)
    try:
        with pytest.raises(ServiceError) as refusal:
            as_admin(saved.backup, disk / "passapp.sqlite3")
        left = list(disk.iterdir())
    finally:
        _unmount(disk)
    assert refusal.value.exit_code == 1
    assert "voll" in refusal.value.message_de
    assert left == []


def test_the_gate_restores_in_place_and_goes_on_with_the_restored_database(
    saved: Saved,
) -> None:
    gate = Gate(make_context(saved.database))
    desk = gate.log_in(ADMIN, ADMIN_PASSWORD)
    desk.begin_restore(saved.backup)  # checked and audited in the database to be replaced
    desk.log_out()
    try:
        done = gate.restore(saved.backup, account=ADMIN, password=ADMIN_PASSWORD)
        again = gate.log_in(ADMIN, ADMIN_PASSWORD)  # the gate works on the restored file
        assert again.find("Spaeter").hits == []
        assert len(again.find("Oyelaran").hits) == 1
        assert done.database_id != saved.database_id
    finally:
        gate.close()
    assert done.replaced is not None
    kept = make_context(done.replaced)
    assert actions(kept)[-2:] == ["database.restore_requested", "account.logout"]
    kept.db.dispose()


def test_a_failed_restore_through_the_gate_leaves_the_old_database_open(saved: Saved) -> None:
    gate = Gate(make_context(saved.database))
    try:
        with pytest.raises(Refused):
            gate.restore(saved.backup, account=ADMIN, password="falsches Passwort 123")
        desk = gate.log_in(ADMIN, ADMIN_PASSWORD)  # the old one, reopened, as it was
        assert len(desk.find("Spaeter").hits) == 1
        desk.log_out()
    finally:
        gate.close()
    assert not list(saved.database.parent.glob("*.replaced"))


def test_the_admin_is_refused_a_foreign_file_before_anything_changes(
    saved: Saved, tmp_path: Path
) -> None:
    letter = tmp_path / "brief.passapp-backup"
    letter.write_text("Sehr geehrte Damen und Herren,\n" * 200, encoding="utf-8")
    ctx = make_context(saved.database)
    desk = Gate(ctx).log_in(ADMIN, ADMIN_PASSWORD)
    try:
        with pytest.raises(ServiceError, match="not a passapp"):
            desk.begin_restore(letter)
        assert "database.restore_requested" not in actions(ctx)
    finally:
        desk.close()


def test_the_gate_restores_an_encrypted_database_under_its_key(tmp_path: Path) -> None:
    path = tmp_path / "verschluesselt.sqlite3"
    ctx = office(path, RAW_KEY)
    add_admin(ctx)
    register_person(ctx, person())
    done = backup(ctx, tmp_path / "sicherung.passapp-backup")
    register_person(ctx, replace(person(), family_names="Spaeter"))
    gate = Gate(ctx)
    try:
        gate.restore(done.path, account=ADMIN, password=ADMIN_PASSWORD)
        desk = gate.log_in(ADMIN, ADMIN_PASSWORD)  # reopened under the same key
        assert desk.find("Spaeter").hits == []
        desk.log_out()
    finally:
        gate.close()
    assert leaks(path) == {}
    assert cipher.looks_encrypted(path)


def test_a_cancelled_check_stops_and_nothing_is_audited(saved: Saved) -> None:
    ctx = make_context(saved.database)
    desk = Gate(ctx).log_in(ADMIN, ADMIN_PASSWORD)
    try:
        stopped = Progress()
        stopped.cancel()
        with pytest.raises(Cancelled):
            desk.begin_restore(saved.backup, stopped)
        assert "database.restore_requested" not in actions(ctx)
        desk.begin_restore(saved.backup, Progress())  # not cancelled: checked and audited
        assert actions(ctx)[-1] == "database.restore_requested"
    finally:
        desk.close()
