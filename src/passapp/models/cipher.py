"""SQLCipher: the whole SQLite file encrypted, optionally (issue 10).

With a database key (``$PASSAPP_DB_KEY_FILE`` names a file holding it, else
``$PASSAPP_DB_KEY`` holds it), SQLite files are opened through ``sqlcipher3`` and every new
connection applies the key with ``PRAGMA key`` before anything else touches the file. A key
of 64 hex digits (what ``passapp database encrypt`` writes into a new key file) is the raw
256-bit AES key; any other text is a passphrase that SQLCipher stretches with
PBKDF2-HMAC-SHA512 (256,000 rounds) on every new connection.

:func:`encrypt_file` turns a plain database into an encrypted one next to it
(``sqlcipher_export``), checks the copy, makes it durable and renames it over the plain
file in one step; the plain file's blocks are then overwritten with zeros through a second
name (a hard link) and removed. :func:`decrypt_copy` writes a plain copy for support.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from passapp.atomic import fsync_folder
from passapp.models.errors import DatabaseError

KEY_FILE_ENV: Final = "PASSAPP_DB_KEY_FILE"
KEY_ENV: Final = "PASSAPP_DB_KEY"
PLAIN_HEADER: Final = b"SQLite format 3\x00"
# A key file is one line; more is not a key file (and is not read whole).
MAX_KEY_CHARS: Final = 1024
_RAW_KEY = re.compile(r"[0-9a-fA-F]{64}")
# The names next to the database during a conversion: the encrypted copy being written, and
# the second name of the plain file while its blocks are overwritten.
STAGING_SUFFIX: Final = ".encrypting"
SHADOW_SUFFIX: Final = ".plain-wipe"
# How long the conversion waits for another program's lock before it gives up
# ($PASSAPP_BUSY_TIMEOUT_MS, as for every connection; tests shorten it).
BUSY_MS: Final = 5000


@dataclass(frozen=True)
class DatabaseKey:
    """A database key and where it came from (for messages; the key itself never shows)."""

    secret: str = field(repr=False)
    origin: str

    @property
    def is_raw(self) -> bool:
        return bool(_RAW_KEY.fullmatch(self.secret))

    def key_text(self) -> str:
        """The key as SQLCipher takes it: ``x'…'`` for a raw key, else the passphrase."""
        return f"x'{self.secret}'" if self.is_raw else self.secret

    def pragma(self) -> str:
        return "PRAGMA key = '" + self.key_text().replace("'", "''") + "'"


def parse_key(text: str, origin: str) -> DatabaseKey:
    secret = text.strip()
    if not secret:
        raise DatabaseError(
            f"the database key from {origin} is empty",
            f"Der Datenbankschlüssel aus {origin} ist leer.",
        )
    if len(secret) > MAX_KEY_CHARS or any(char in secret for char in "\x00\r\n"):
        raise DatabaseError(
            f"the database key from {origin} is not one line of at most {MAX_KEY_CHARS} characters",
            f"Der Datenbankschlüssel aus {origin} ist keine Zeile mit höchstens "
            f"{MAX_KEY_CHARS} Zeichen.",
        )
    return DatabaseKey(secret, origin)


def key_from_environment() -> DatabaseKey | None:
    """``$PASSAPP_DB_KEY_FILE`` (read) if set, else ``$PASSAPP_DB_KEY``, else no key."""
    file_name = os.environ.get(KEY_FILE_ENV, "").strip()
    if file_name:
        return read_key_file(Path(file_name))
    text = os.environ.get(KEY_ENV, "")
    return parse_key(text, f"${KEY_ENV}") if text else None


def read_key_file(path: Path) -> DatabaseKey:
    path = path.expanduser()
    try:
        with path.open("r", encoding="utf-8") as stream:
            text = stream.read(MAX_KEY_CHARS + 2)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not text"
        raise DatabaseError(
            f"cannot read the database key file {path}: {reason}",
            f"Die Schlüsseldatei der Datenbank {path} ist nicht lesbar: {reason}.",
        ) from None
    return parse_key(text, str(path))


def new_key_file(path: Path) -> DatabaseKey:
    """A new random 256-bit key in a new file (never over an existing one), readable by its
    owner only where the system has such modes (on Windows the folder's rights count)."""
    secret = secrets.token_hex(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(secret + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    return DatabaseKey(secret, str(path))


def dbapi() -> ModuleType:
    """The ``sqlcipher3`` driver (``pip install 'passapp[sqlcipher]'``)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise DatabaseError(
            "a database key is set, but SQLCipher is not installed: pip install 'passapp[sqlcipher]'",
            "Ein Datenbankschlüssel ist gesetzt, aber SQLCipher (sqlcipher3) ist nicht installiert.",
        ) from None
    module: ModuleType = dbapi2
    return module


def driver_errors() -> tuple[type[Exception], ...]:
    """The ``sqlcipher3`` error class, to catch next to ``sqlite3.Error`` (none if the
    driver is not installed)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return ()
    error: type[Exception] = dbapi2.Error
    return (error,)


def apply_key(connection: Any, key: DatabaseKey) -> None:
    """The first statements on a new connection: quiet logging, then the key."""
    cursor = connection.cursor()
    # A wrong key is told by our message; SQLCipher would also log to stderr.
    cursor.execute("PRAGMA cipher_log_level = NONE")
    cursor.execute(key.pragma())
    cursor.close()


def connect(path: Path, key: DatabaseKey | None) -> Any:
    """A ``sqlcipher3`` connection in autocommit mode (a plain file without a key)."""
    connection = dbapi().connect(str(path), isolation_level=None, check_same_thread=False)
    if key is not None:
        apply_key(connection, key)
    return connection


def has_plain_header(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(PLAIN_HEADER)) == PLAIN_HEADER


def looks_encrypted(path: Path) -> bool:
    """Not a plain SQLite file, but whole pages of one (an SQLCipher file's first bytes are
    its random salt, so nothing more can be told without the key)."""
    size = path.stat().st_size
    return size > 0 and size % 512 == 0 and not has_plain_header(path)


def check_key(path: Path, key: DatabaseKey) -> None:
    """Refuse a key that does not open the file, in words (SQLCipher says only "file is
    not a database")."""
    driver = dbapi()
    connection = connect(path, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError:
        raise DatabaseError(
            f"the database key from {key.origin} does not open {path} "
            "(a wrong key, or the file is damaged)",
            f"Der Datenbankschlüssel aus {key.origin} passt nicht zu {path} "
            "(falscher Schlüssel oder beschädigte Datei).",
        ) from None
    finally:
        connection.close()


IN_USE = (
    "the database is in use by another program: close passapp everywhere it is open and try again",
    "Die Datenbank ist in einem anderen Programm geöffnet: passapp überall schließen und "
    "noch einmal versuchen.",
)


@dataclass(frozen=True)
class Encrypted:
    path: Path
    # Whether the plain file's blocks were overwritten (needs a second name for the file:
    # hard links, which FAT and some network shares lack).
    plain_overwritten: bool


def encrypt_file(
    path: Path, key: DatabaseKey, close_connections: Callable[[], None] | None = None
) -> Encrypted:
    """Encrypt the plain database at ``path`` in place: a copy is written, checked and made
    durable next to it, then renamed over it in one step. Interrupted before that rename,
    the plain database is untouched; after it, the encrypted one is whole.

    ``close_connections`` closes the caller's own connections to the file (their last close
    checkpoints and deletes the WAL, whose blocks are overwritten too)."""
    with _overwriting_wal(path):
        if close_connections is not None:
            close_connections()
        return _encrypt_file(path, key)


def rekey_file(
    path: Path,
    old_key: DatabaseKey,
    new_key: DatabaseKey,
    close_connections: Callable[[], None] | None = None,
) -> Encrypted:
    """Put the encrypted database at ``path`` under ``new_key`` in place, the way
    :func:`encrypt_file` encrypts (a checked copy renamed over it; the old file's blocks,
    readable with the old key, overwritten). Interrupted before the rename, the database
    is untouched under the old key."""
    with _overwriting_wal(path):
        if close_connections is not None:
            close_connections()
        return _reencrypt(path, old_key, new_key)


def _encrypt_file(path: Path, key: DatabaseKey) -> Encrypted:
    return _reencrypt(path, None, key)


def _reencrypt(path: Path, old_key: DatabaseKey | None, key: DatabaseKey) -> Encrypted:
    staging, shadow = _sibling(path, STAGING_SUFFIX), _sibling(path, SHADOW_SUFFIX)
    staging.unlink(missing_ok=True)  # left by an interrupted run: never renamed, incomplete
    _clear_shadow(path, shadow)
    if old_key is None and not has_plain_header(path):
        raise DatabaseError(
            f"{path} is not a plain passapp database (already encrypted?)",
            f"{path} ist keine unverschlüsselte passapp-Datenbank (schon verschlüsselt?).",
            exit_code=1,
        )
    if old_key is not None:
        check_key(path, old_key)
    try:
        _export(path, old_key, staging, key, exclusive=True)
        _fsync_file(staging)
        linked = _link(path, shadow)
        _swap(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        _unlink_if_same(shadow, path)
        raise
    fsync_folder(path.parent)
    if linked:
        wipe(shadow)
    return Encrypted(path, plain_overwritten=linked)


def decrypt_copy(path: Path, key: DatabaseKey, out: Path) -> None:
    """A plain copy of the encrypted database at ``path``, written whole or not at all."""
    staging = _sibling(out, ".part")
    staging.unlink(missing_ok=True)
    try:
        _export(path, key, staging, None, exclusive=False)
        _fsync_file(staging)
        _swap(staging, out)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    fsync_folder(out.parent)


def wipe(path: Path) -> None:
    """Overwrite the file with zeros, make that durable, then remove it."""
    size = path.stat().st_size
    zeros = bytes(1 << 20)
    with path.open("r+b") as stream:
        written = 0
        while written < size:
            written += stream.write(zeros[: min(len(zeros), size - written)])
        stream.flush()
        os.fsync(stream.fileno())
    path.unlink()


def _export(
    source: Path,
    source_key: DatabaseKey | None,
    target: Path,
    target_key: DatabaseKey | None,
    *,
    exclusive: bool,
) -> None:
    driver = dbapi()
    try:
        with _connection(source, source_key) as connection:
            connection.execute(f"PRAGMA busy_timeout = {_busy_ms()}")
            if exclusive:
                _leave_wal(connection)
            target_key_text = "" if target_key is None else target_key.key_text()
            connection.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), target_key_text))
            # The write lock while copying: nothing is written that the copy would miss.
            connection.execute("BEGIN IMMEDIATE" if exclusive else "BEGIN")
            connection.execute("SELECT sqlcipher_export('target')")
            _check_copy(connection)
            connection.execute("COMMIT")
            connection.execute("DETACH DATABASE target")
    except driver.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseError(*IN_USE, exit_code=1) from None
        raise


def _leave_wal(connection: Any) -> None:
    """Back to a rollback journal: SQLite checkpoints the WAL into the file and deletes it,
    so no page of the plain database is left beside the new one. Another program with the
    database open keeps it in WAL mode (locked, or the old mode returned): nothing changes."""
    mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise DatabaseError(*IN_USE, exit_code=1)


@contextmanager
def _overwriting_wal(path: Path) -> Iterator[None]:
    """The WAL's blocks hold the newest changes in the clear, and SQLite deletes the file
    after its last checkpoint without overwriting it: a second name taken first lets the
    blocks be overwritten afterwards (only once SQLite has let go of the file)."""
    wal, shadow = _sibling(path, "-wal"), _sibling(path, "-wal" + SHADOW_SUFFIX)
    _clear_shadow(wal, shadow)
    if wal.exists():
        _link(wal, shadow)
    try:
        yield
    finally:
        _clear_shadow(wal, shadow)


def _busy_ms() -> int:
    text = os.environ.get("PASSAPP_BUSY_TIMEOUT_MS", "")
    return int(text) if text.isdigit() else BUSY_MS


@contextmanager
def _connection(path: Path, key: DatabaseKey | None) -> Iterator[Any]:
    connection = connect(path, key)
    try:
        yield connection
    finally:
        connection.close()


def _check_copy(connection: Any) -> None:
    """The copy has the same schema and the same number of rows in every table."""
    schema = "SELECT type, name, tbl_name, sql FROM {}.sqlite_master ORDER BY type, name"
    source = connection.execute(schema.format("main")).fetchall()
    copy = connection.execute(schema.format("target")).fetchall()
    differences = [
        name
        for kind, name, *_ in source
        if kind == "table" and _rows(connection, "main", name) != _rows(connection, "target", name)
    ]
    if source != copy or differences:
        raise DatabaseError(
            f"the converted copy differs from the database (tables {differences}); nothing changed",
            "Die umgewandelte Kopie weicht von der Datenbank ab; es wurde nichts geändert.",
            exit_code=1,
        )


def _rows(connection: Any, schema: str, table: str) -> int:
    quoted = table.replace('"', '""')
    return int(connection.execute(f'SELECT count(*) FROM {schema}."{quoted}"').fetchone()[0])


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _swap(source: Path, target: Path) -> None:
    # One rename: the target is the old file or the new one, never a mix or nothing. On
    # Windows it fails while another program has the target open, and nothing changes.
    os.replace(source, target)


def _link(path: Path, shadow: Path) -> bool:
    try:
        os.link(path, shadow)
    except OSError:
        return False
    return True


def _unlink_if_same(shadow: Path, path: Path) -> None:
    # The shadow is a second name of the still plain, still used database: only the name goes.
    with suppress(OSError):
        if shadow.exists() and path.exists() and os.path.samefile(shadow, path):
            shadow.unlink()


def _clear_shadow(path: Path, shadow: Path) -> None:
    """A shadow left by an interrupted run: the live database's second name (only the name
    goes), or the old plain file after the rename (overwritten as the run would have)."""
    if not shadow.exists():
        return
    if path.exists() and os.path.samefile(shadow, path):
        shadow.unlink()
    else:
        wipe(shadow)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())
