"""Backups of the database and their restore (issue 12, item 3).

:func:`backup` copies the open SQLite database with SQLite's online backup API: one step,
so the copy is the state of one read transaction (WAL readers see one snapshot), taken
while the app or an import goes on writing. An encrypted database is copied between two
connections under the same key, so the copy stays encrypted; private keys are copied as
they are stored (encrypted under the account slots), never opened. A small manifest (the
table ``passapp_backup``) goes inside the copy; the copy is written beside the target,
made durable and renamed over it, so a full disk or a crash leaves no half backup.

:func:`restore` checks the file (an SQLite or SQLCipher passapp database whose schema this
program knows), copies it beside the target, upgrades an older schema there (with the
usual backup step), lets the restored database's own admin log in, gives it a new
database id (its counters must never collide with the lost original's), erases again
whoever the replaced database had erased since, keeps the replaced database as
``NAME.<stamp>.replaced`` and renames the restored one into place. PostgreSQL databases
are the server's (``pg_dump``/``pg_restore``): refused here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from passapp.atomic import check_output_path, fsync_folder
from passapp.domain.accounts import Permission, may
from passapp.domain.ids import new_uuid
from passapp.models import cipher
from passapp.models.cipher import DatabaseKey
from passapp.models.database import (
    FROM_ENVIRONMENT,
    KeyChoice,
    check_database_file,
    database_key,
    default_database_url,
    describe_failure,
    known_revisions,
    to_url,
)
from passapp.models.entities import Installation
from passapp.models.errors import DatabaseError
from passapp.services import accounts, audit, erasure
from passapp.services.context import ServiceContext, open_context
from passapp.services.errors import DatabaseUnavailable, InvalidInput, Refused
from passapp.services.progress import Cancelled, Progress

MANIFEST_TABLE = "passapp_backup"
# Room kept free beyond the copy's own size (SQLite's journal while the manifest is
# written, the file system's own needs).
SPARE_BYTES = 1 << 20
# How long a restore waits for another program to let go of the database it replaces.
IN_USE_WAIT_MS = 1000

NO_SERVER_BACKUP = (
    "a PostgreSQL database is backed up and restored by the server's own tools "
    "(pg_dump / pg_restore), not by passapp",
    "Eine PostgreSQL-Datenbank sichert der Datenbankserver selbst (pg_dump / pg_restore), "
    "nicht passapp.",
)


@dataclass(frozen=True, slots=True)
class Manifest:
    office_code: str | None
    role: str
    database_id: str
    revision: str
    made_at: str
    made_by: str

    def as_json(self) -> dict[str, Any]:
        return {
            "office_code": self.office_code,
            "role": self.role,
            "database_id": self.database_id,
            "revision": self.revision,
            "made_at": self.made_at,
            "made_by": self.made_by,
        }


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    encrypted: bool
    manifest: Manifest

    def as_json(self) -> dict[str, Any]:
        return {
            "backup": str(self.path),
            "size": self.size,
            "encrypted": self.encrypted,
            **self.manifest.as_json(),
        }


@dataclass(frozen=True, slots=True)
class Restored:
    database: Path
    # The replaced database, kept (None: there was none).
    replaced: Path | None
    previous_database_id: str
    database_id: str
    # The backup's own manifest (None: a plain copy of a database, e.g. an upgrade's .bak).
    manifest: Manifest | None
    upgraded_from: str | None
    erased_again: int

    def as_json(self) -> dict[str, Any]:
        return {
            "database": str(self.database),
            "replaced": None if self.replaced is None else str(self.replaced),
            "previous_database_id": self.previous_database_id,
            "database_id": self.database_id,
            "backup": None if self.manifest is None else self.manifest.as_json(),
            "upgraded_from": self.upgraded_from,
            "erased_again": self.erased_again,
        }


# --- backup --------------------------------------------------------------------------------


def backup(ctx: ServiceContext, out: Path, *, automatic: bool = False) -> BackupResult:
    """Copy the open database to ``out``, whole or not at all, and audit it (``automatic``:
    the desktop app's own, not the logged-in account's doing)."""
    source = database_file(ctx)
    target = check_output_path(out)
    if target.exists() and os.path.samefile(target, source):
        raise InvalidInput(
            "the backup cannot replace the database itself",
            "Die Sicherung kann nicht die Datenbank selbst ersetzen.",
        )
    key = ctx.db.key
    _check_room(source, target.parent)
    staging = _staging_path(target)
    try:
        _copy(source, staging, key)
        manifest = _write_manifest(staging, key, ctx.clerk, ctx.now())
        _durable_rename(staging, target)
    except BaseException as error:
        staging.unlink(missing_ok=True)
        raise _write_failure(error, target) from error
    result = BackupResult(target, target.stat().st_size, key is not None, manifest)
    audit.record_read(
        ctx,
        action="database.backup",
        object_type="database",
        object_id=manifest.database_id,
        details={
            "file": target.name,
            "size": result.size,
            "encrypted": result.encrypted,
            "automatic": automatic,
        },
    )
    return result


def database_file(ctx: ServiceContext) -> Path:
    """The context's SQLite file; PostgreSQL and in-memory databases are refused."""
    url = ctx.db.engine.url
    if url.get_backend_name() == "postgresql":
        raise Refused(*NO_SERVER_BACKUP)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise InvalidInput(
            "only a database file can be backed up", "Nur eine Datenbankdatei lässt sich sichern."
        )
    return Path(str(url.database))


def _check_room(source: Path, folder: Path) -> None:
    # Checked before anything is written: a USB stick that cannot hold the copy says so at
    # once (a disk that fills up during the copy fails the write, which leaves nothing).
    needed = _database_bytes(source) + SPARE_BYTES
    try:
        free = shutil.disk_usage(folder if folder.exists() else folder.parent).free
    except OSError:
        return  # no such folder: the write fails with a clear message below
    if free < needed:
        raise Refused(
            f"not enough free space in {folder} for the backup "
            f"({needed // 2**20 + 1} MB needed, {free // 2**20} MB free)",
            f"Zu wenig Platz in {folder} für die Sicherung ({needed // 2**20 + 1} MB nötig, "
            f"{free // 2**20} MB frei); es wurde nichts geschrieben.",
        )


def _database_bytes(source: Path) -> int:
    wal = source.with_name(source.name + "-wal")
    return source.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _staging_path(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")


def _connect(path: Path, key: DatabaseKey | None) -> Any:
    # One SQLite library per file within a process: sqlcipher3 only for encrypted files,
    # the engine's own sqlite3 for plain ones (DESIGN-NOTES, database encryption).
    if key is not None:
        return cipher.connect(path, key)
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False)


@contextlib.contextmanager
def _connection(path: Path, key: DatabaseKey | None) -> Iterator[Any]:
    connection = _connect(path, key)
    try:
        yield connection
    finally:
        connection.close()


def _copy(source: Path, target: Path, key: DatabaseKey | None) -> None:
    """SQLite's online backup in one step: the copy is one read transaction's snapshot."""
    with _connection(source, key) as reader, _connection(target, key) as writer:
        reader.backup(writer)
        # One file, no WAL beside it: the copy is carried around alone.
        writer.execute("PRAGMA journal_mode = DELETE").fetchone()


def _write_manifest(path: Path, key: DatabaseKey | None, clerk: str, now: dt.datetime) -> Manifest:
    with _connection(path, key) as connection:
        manifest = Manifest(
            office_code=_office_code(connection),
            role=_one(connection, "SELECT role FROM installation WHERE id = 1"),
            database_id=_uuid_text(
                _one(connection, "SELECT database_id FROM installation WHERE id = 1")
            ),
            revision=_one(connection, "SELECT version_num FROM alembic_version"),
            made_at=now.isoformat(timespec="seconds"),
            made_by=clerk,
        )
        connection.execute(f"CREATE TABLE {MANIFEST_TABLE} (name TEXT PRIMARY KEY, value TEXT)")
        connection.executemany(
            f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?)",
            [(name, value) for name, value in manifest.as_json().items()],
        )
    return manifest


def _office_code(connection: Any) -> str | None:
    row = connection.execute(
        "SELECT office.code FROM installation JOIN office ON office.id = installation.office_id"
    ).fetchone()
    return None if row is None else str(row[0])


def _one(connection: Any, statement: str) -> str:
    row = connection.execute(statement).fetchone()
    if row is None:
        raise DatabaseError(
            "the database is not set up (no office or district)",
            "Die Datenbank ist noch nicht eingerichtet.",
        )
    return str(row[0])


def _uuid_text(stored: str) -> str:
    # SQLAlchemy stores a Uuid on SQLite as 32 hex digits.
    return str(uuid.UUID(stored))


def _durable_rename(staging: Path, target: Path) -> None:
    with staging.open("rb+") as stream:
        os.fsync(stream.fileno())
    os.replace(staging, target)
    fsync_folder(target.parent)


def _write_failure(error: BaseException, target: Path) -> BaseException:
    if isinstance(error, DatabaseError):
        return _unavailable(error)
    if isinstance(error, _driver_errors()):
        return _unavailable(describe_failure(error))
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return Refused(
            f"writing the backup {target} failed ({reason}); nothing was written",
            f"Die Sicherung {target} ließ sich nicht schreiben ({reason}); es wurde nichts "
            "geschrieben.",
        )
    return error


def _driver_errors() -> tuple[type[Exception], ...]:
    return (sqlite3.Error, *cipher.driver_errors())


def _unavailable(error: DatabaseError) -> DatabaseUnavailable:
    unavailable = DatabaseUnavailable(str(error), error.message_de)
    unavailable.exit_code = error.exit_code
    return unavailable


def read_manifest(path: Path, key: DatabaseKey | None) -> Manifest | None:
    """The manifest inside a backup, or None for a plain copy of a database."""
    with _connection(path, key) as connection:
        if not _has_table(connection, MANIFEST_TABLE):
            return None
        values = dict(connection.execute(f"SELECT name, value FROM {MANIFEST_TABLE}").fetchall())
    return Manifest(
        office_code=values.get("office_code"),
        role=str(values.get("role", "")),
        database_id=str(values.get("database_id", "")),
        revision=str(values.get("revision", "")),
        made_at=str(values.get("made_at", "")),
        made_by=str(values.get("made_by", "")),
    )


def _has_table(connection: Any, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


# --- restore -------------------------------------------------------------------------------


def restore(
    backup_file: Path,
    target: str | None,
    *,
    account: str,
    password: str,
    key: KeyChoice = FROM_ENVIRONMENT,
) -> Restored:
    """Put the backup in ``backup_file`` in place of the database ``target`` (a file path,
    None for the default one; it may be missing). ``account`` and ``password`` are those of
    an admin of the backup."""
    database = _target_file(target)
    source = _backup_path(backup_file)
    database_key_ = database_key(to_url(str(database)), key)
    _check_backup(source, database_key_)
    staging = database.with_name(f".{database.name}.restoring")
    _remove_stale(staging)
    if database.exists():
        _check_not_in_use(database, database_key_)  # at once, before the work
    try:
        prepared = _prepare(source, staging, database, database_key_, account, password)
        replaced = _swap_in(staging, database, database_key_)
    except BaseException as error:
        _remove_stale(staging)
        raise _write_failure(error, database) from error
    return Restored(
        database=database,
        replaced=replaced,
        previous_database_id=prepared.previous_id,
        database_id=prepared.new_id,
        manifest=prepared.manifest,
        upgraded_from=prepared.upgraded_from,
        erased_again=prepared.erased_again,
    )


def check_backup_file(
    backup_file: Path, key: DatabaseKey | None, progress: Progress | None = None
) -> Path:
    """The backup's absolute path, once it is known to be a whole passapp database of a
    schema this program knows (the desktop app asks before it logs anyone out). The check
    reads the whole file, seconds from a USB stick: cancelling ``progress`` stops it
    (:class:`Cancelled`, nothing changed)."""
    source = _backup_path(backup_file)
    _check_backup(source, key, progress)
    return source


def _target_file(target: str | None) -> Path:
    url = make_url(to_url(target) if target else default_database_url())
    if url.get_backend_name() == "postgresql":
        raise Refused(*NO_SERVER_BACKUP)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise InvalidInput(
            "restore needs a database file as its target",
            "Eine Sicherung lässt sich nur in eine Datenbankdatei zurückspielen.",
        )
    return Path(str(url.database))


def _backup_path(path: Path) -> Path:
    source = path.expanduser().absolute()
    if not source.is_file():
        raise InvalidInput(
            f"no backup file at {source}",
            f"Keine Sicherungsdatei unter {source}.",
        )
    return source


# SQLite asks the progress handler every this many virtual machine steps: well under a
# tenth of a second apart on a slow disk, and no measurable cost.
CHECK_STEPS_PER_LOOK = 10_000


def _check_backup(source: Path, key: DatabaseKey | None, progress: Progress | None = None) -> None:
    """A passapp database (plain, or encrypted under the key in use), whole, of a schema
    this program knows."""
    try:
        check_database_file(source, key)
        with _connection(source, key) as connection:
            revision = _revision(connection, source)
            if progress is not None:
                progress.check()  # cancelled already: not a page read
                # A non-zero answer interrupts the statement (an OperationalError).
                connection.set_progress_handler(lambda: progress.cancelled, CHECK_STEPS_PER_LOOK)
            checked = connection.execute("PRAGMA quick_check").fetchone()[0]
    except DatabaseError as error:
        raise _unavailable(error) from None
    except _driver_errors() as error:
        if progress is not None and progress.cancelled:
            raise Cancelled() from None
        raise _not_a_backup(source) from error
    if revision not in known_revisions():
        raise Refused(
            f"the backup {source.name} is of a newer passapp (schema {revision}): update passapp first",
            f"Die Sicherung {source.name} stammt von einer neueren passapp-Version: bitte "
            "zuerst passapp aktualisieren.",
        )
    if checked != "ok":
        raise Refused(
            f"the backup {source.name} is damaged ({checked})",
            f"Die Sicherung {source.name} ist beschädigt ({checked}).",
        )


def _revision(connection: Any, source: Path) -> str:
    if not (_has_table(connection, "alembic_version") and _has_table(connection, "installation")):
        raise _not_a_backup(source)
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise _not_a_backup(source)
    return str(row[0])


def _not_a_backup(source: Path) -> InvalidInput:
    return InvalidInput(
        f"{source} is not a passapp backup (another kind of file or database)",
        f"{source} ist keine passapp-Sicherung (eine andere Datei oder Datenbank).",
    )


def _remove_stale(staging: Path) -> None:
    for leftover in (
        staging,
        *(staging.with_name(staging.name + s) for s in ("-wal", "-shm", "-journal")),
    ):
        leftover.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class _Prepared:
    previous_id: str
    new_id: str
    manifest: Manifest | None
    upgraded_from: str | None
    erased_again: int


def _prepare(
    source: Path,
    staging: Path,
    database: Path,
    key: DatabaseKey | None,
    account: str,
    password: str,
) -> _Prepared:
    """The restored database beside the target, upgraded, with its new id: only the rename
    into place is left."""
    _copy(source, staging, key)
    manifest = read_manifest(staging, key)
    with _connection(staging, key) as connection:
        connection.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
        previous_id = _uuid_text(
            _one(connection, "SELECT database_id FROM installation WHERE id = 1")
        )
        revision = _one(connection, "SELECT version_num FROM alembic_version")
    erased = _erased_in(database, key)
    ctx = open_context(str(staging), create=False, key=key)
    try:
        upgraded_from = revision if ctx.db.backup_path is not None else None
        if ctx.db.backup_path is not None:
            # The upgrade's own copy of the old schema is the backup file itself.
            ctx.db.backup_path.unlink(missing_ok=True)
        _log_in_admin(ctx, account, password)
        new_id, again = _renew(ctx, previous_id, erased, source.name)
        if again:
            erasure.wipe_freed_pages(ctx.db)
    finally:
        ctx.db.dispose()
    return _Prepared(previous_id, new_id, manifest, upgraded_from, again)


def _erased_in(database: Path, key: DatabaseKey | None) -> list[uuid.UUID]:
    """The people the database about to be replaced has erased; none if it is missing or
    unreadable (then the operator is told to check erasures by hand: DESIGN-NOTES)."""
    if not database.exists():
        return []
    try:
        with _connection(database, key) as connection:
            rows = connection.execute(
                "SELECT id FROM person WHERE erased_at IS NOT NULL"
            ).fetchall()
    except _driver_errors():
        return []
    return [uuid.UUID(str(row[0])) for row in rows]


def _log_in_admin(ctx: ServiceContext, account: str, password: str) -> None:
    """The restored database's own admin says so (the log-in is audited in it). A backup
    from before accounts existed has none: it is restored as it is, and its first admin is
    made afterwards, as for any such database (``user add``)."""
    if not accounts.has_accounts(ctx):
        return
    view = accounts.log_in(ctx, account, password)
    if not may(view.role, Permission.ADMINISTER_OFFICE):
        raise Refused(
            f"only an admin of the backup may restore it; {view.name} is not one",
            f"Nur ein Admin-Konto der Sicherung darf sie zurückspielen; {view.name} ist keines.",
        )
    ctx.clerk = view.name


def _renew(
    ctx: ServiceContext, previous_id: str, erased: list[uuid.UUID], backup_name: str
) -> tuple[str, int]:
    """A database id of its own (opening the copy beside the target gave it one already;
    made sure here), recorded at the next opening as where it lives; erasures redone."""
    with ctx.db.transaction() as session:
        installation = session.scalars(select(Installation).where(Installation.id == 1)).one()
        if str(installation.database_id) == previous_id:
            installation.previous_database_ids = [*installation.previous_database_ids, previous_id]
            installation.database_id = new_uuid()
        # Recorded afresh where the file ends up; no second new id at the next opening.
        installation.file_identity = None
        again = erasure.erase_again(ctx, session, erased) if erased else 0
        new_id = str(installation.database_id)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=audit.local_office_code(session),
            action="database.restore",
            object_type="database",
            object_id=new_id,
            details={
                "backup": backup_name,
                "previous_database_id": previous_id,
                "erased_again": again,
            },
        )
    return new_id, again


def _swap_in(staging: Path, database: Path, key: DatabaseKey | None) -> Path | None:
    """Keep the old database as ``NAME.<stamp>.replaced`` and rename the restored one into
    place; refused while another program has the old one open."""
    replaced: Path | None = None
    with staging.open("rb+") as stream:
        os.fsync(stream.fileno())
    if database.exists():
        _check_not_in_use(database, key)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        replaced = database.with_name(f"{database.name}.{stamp}.replaced")
        os.replace(database, replaced)
    try:
        os.replace(staging, database)
    except OSError:
        if replaced is not None:
            os.replace(replaced, database)
        raise
    for leftover in (database.with_name(database.name + s) for s in ("-wal", "-shm")):
        leftover.unlink(missing_ok=True)
    fsync_folder(database.parent)
    return replaced


def _check_not_in_use(database: Path, key: DatabaseKey | None) -> None:
    """Leaving WAL mode needs the only connection: every program with the file open (in WAL
    mode, as passapp always is) keeps it there. Done, it also folds the WAL into the file,
    so the kept copy is one whole file."""
    try:
        with _connection(database, key) as connection:
            connection.execute(f"PRAGMA busy_timeout = {IN_USE_WAIT_MS}")
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except _driver_errors() as error:
        if "locked" not in str(error) and "busy" not in str(error):
            return  # damaged or foreign: nothing holds it that we could tell; replace it
        mode = "wal"
    if str(mode).lower() != "delete":
        raise Refused(
            f"the database {database} is in use by another program: close passapp everywhere "
            "it is open and try again",
            f"Die Datenbank {database} ist in einem anderen Programm geöffnet: passapp überall "
            "schließen und noch einmal versuchen.",
        )


# --- automatic backups into a folder (the desktop app) -------------------------------------

BACKUP_SUFFIX = ".passapp-backup"
DEFAULT_KEEP_DAYS = 14
MAX_KEEP_DAYS = 3650
_DAILY_NAME = re.compile(r"passapp-(?P<code>[A-Z0-9]+)-(?P<day>\d{4}-\d{2}-\d{2})\.passapp-backup")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    day: dt.date
    size: int


@dataclass(frozen=True, slots=True)
class FolderBackup:
    made: BackupResult | None  # None: today's backup was there already
    deleted: tuple[Path, ...]


def list_backups(folder: Path) -> list[BackupFile]:
    """The daily backups in ``folder``, oldest first (other files are not ours: left alone)."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _DAILY_NAME.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        with contextlib.suppress(ValueError, OSError):
            found.append(BackupFile(path, dt.date.fromisoformat(match["day"]), path.stat().st_size))
    return sorted(found, key=lambda backup: (backup.day, backup.path.name))


def prune_backups(folder: Path, keep_days: int, today: dt.date) -> tuple[Path, ...]:
    """Delete the daily backups older than ``keep_days`` days, never the newest one (a PC
    that was off for a month still has its last backup)."""
    backups = list_backups(folder)
    cutoff = today - dt.timedelta(days=keep_days)
    deleted: list[Path] = []
    for old in backups[:-1]:
        if old.day < cutoff:
            with contextlib.suppress(OSError):
                old.path.unlink()
                deleted.append(old.path)
    return tuple(deleted)


def backup_into_folder(
    ctx: ServiceContext, folder: Path, keep_days: int, *, only_if_missing: bool, automatic: bool
) -> FolderBackup:
    """Today's backup in ``folder`` (one file a day: a later one of the same day replaces
    it, whole), then the old ones pruned. ``only_if_missing``: nothing if today's exists."""
    if not 1 <= keep_days <= MAX_KEEP_DAYS:
        raise InvalidInput(
            f"keep backups 1 to {MAX_KEEP_DAYS} days, not {keep_days}",
            f"Sicherungen 1 bis {MAX_KEEP_DAYS} Tage aufbewahren, nicht {keep_days}.",
        )
    today = ctx.today()
    if not folder.is_dir():
        raise Refused(
            f"the backup folder {folder} does not exist (a drive not connected?)",
            f"Der Sicherungsordner {folder} fehlt (Laufwerk nicht verbunden?); keine Sicherung.",
        )
    made: BackupResult | None = None
    if not (only_if_missing and any(b.day == today for b in list_backups(folder))):
        name = f"passapp-{_code_for_name(ctx)}-{today.isoformat()}{BACKUP_SUFFIX}"
        made = backup(ctx, folder / name, automatic=automatic)
    return FolderBackup(made, prune_backups(folder, keep_days, today))


def _code_for_name(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        code = audit.local_office_code(session)
    return code or "DB"
