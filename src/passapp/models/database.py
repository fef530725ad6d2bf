"""Building the engine and opening a database at the current schema (STYLE 4, 5).

One function builds every engine, so the SQLite pragmas are set in one place:

* ``journal_mode=WAL``: readers (the UI's lists) never block the one writer;
* ``foreign_keys=ON``: SQLite leaves them off unless asked, per connection;
* ``busy_timeout``: a second process (the CLI next to the app) waits instead of failing;
* ``synchronous=NORMAL``: safe with WAL (a power cut loses at most the last commit,
  never corrupts), and much faster than FULL on the slow disks of counter PCs.

A fresh database is created from the models and stamped at the Alembic head; an
existing one at an older revision is backed up next to itself, then upgraded.

PostgreSQL (the district database may be one, ``postgresql+psycopg://…``) runs the same
models and migrations. Its write transactions take one advisory lock, as SQLite's take the
write lock with ``BEGIN IMMEDIATE``, so the services behave the same on both; backups of
a server database are the administrator's (``pg_dump``), not made here.

With a database key (``$PASSAPP_DB_KEY_FILE`` or ``$PASSAPP_DB_KEY``, see ``cipher.py``)
SQLite files are opened through SQLCipher, the key applied first on every connection; the
pragmas, the WAL, migrations and backups work the same on the encrypted file.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from passapp.models import cipher, identity, search_index, sync_entities  # noqa: F401 - registers the sync tables
from passapp.models.cipher import DatabaseKey
from passapp.models.entities import Base
from passapp.models.errors import DatabaseError as DatabaseError  # re-exported
from passapp.models.guards import install_guards

if TYPE_CHECKING:
    # alembic (with mako and pygments) loads only to set up or upgrade a database: opening
    # one at its current schema reads the revisions without it (issue 12, start time).
    from alembic.config import Config

IN_MEMORY = "sqlite://"
WRITE_OPTION = "passapp_write"
# How long SQLite itself waits for a lock before a write tries again and says so
# (Database.transaction); reads wait this long behind a checkpoint.
BUSY_TIMEOUT_MS = 2000
# Set by the change log in a session that stamped changes: (database id, last counter).
COUNTER_INFO = "passapp_change_counter"


# What the driver says, in lower case, and what the clerk is told (DESIGN-NOTES, issue 9).
_DRIVER_MESSAGES: tuple[tuple[tuple[str, ...], int, str, str], ...] = (
    (
        ("database is locked", "database table is locked", "busy"),
        1,
        "the database is locked by another program; try again in a moment",
        "Datenbank ist gesperrt: ein anderes Programm schreibt gerade. Bitte gleich noch einmal versuchen.",
    ),
    (
        ("file is not a database", "malformed", "not a database", "file is encrypted"),
        2,
        "the file is damaged or not a passapp database",
        "Die Datenbank ist beschädigt oder keine passapp-Datenbank.",
    ),
    (
        ("disk is full", "no space"),
        1,
        "the disk is full",
        "Der Datenträger ist voll; es wurde nichts gespeichert.",
    ),
    (
        ("disk i/o error",),
        1,
        "the disk cannot be read or written (full, removed or faulty)",
        "Lese- oder Schreibfehler auf dem Datenträger (voll, entfernt oder defekt?); nichts gespeichert.",
    ),
    (
        ("readonly database", "read-only"),
        1,
        "the database is read-only",
        "Die Datenbank ist schreibgeschützt; es wurde nichts gespeichert.",
    ),
    (
        ("unable to open database file",),
        2,
        "the database file cannot be opened",
        "Die Datenbankdatei lässt sich nicht öffnen.",
    ),
    (
        ("connection refused", "could not connect", "connection failed", "timeout", "resolve host"),
        1,
        "the database server is not reachable",
        "Der Datenbankserver ist nicht erreichbar.",
    ),
    (
        ("authentication failed", "password", "does not exist"),
        2,
        "the database server refused the login or has no such database",
        "Der Datenbankserver lehnt die Anmeldung ab oder kennt die Datenbank nicht.",
    ),
)


def describe_failure(error: BaseException) -> DatabaseError:
    """One clear message for an error of the database driver (locked, damaged, full, …)."""
    original = getattr(error, "orig", None) or error
    detail = (str(original).strip().splitlines() or [type(original).__name__])[0]
    lowered = detail.lower()
    for needles, exit_code, english, german in _DRIVER_MESSAGES:
        if any(needle in lowered for needle in needles):
            return DatabaseError(f"{english} ({detail})", german, exit_code)
    return DatabaseError(f"database error: {detail}", f"Datenbankfehler: {detail}", 1)


def default_database_url() -> str:
    """``PASSAPP_DB`` if set, else ``passapp.sqlite3`` in the user data folder."""
    override = os.environ.get("PASSAPP_DB")
    if override:
        return to_url(override)
    folder = Path(platformdirs.user_data_dir("passapp", appauthor=False))
    return to_url(str(folder / "passapp.sqlite3"))


def to_url(path_or_url: str) -> str:
    """Accept a plain file path or an SQLAlchemy URL (``postgresql+psycopg://…``)."""
    if "://" in path_or_url:
        return path_or_url
    return f"sqlite:///{Path(path_or_url).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event, not the sqlite3 module, decide how a transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={_busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")  # erased data leaves no trace in freed pages
    cursor.close()


def _busy_timeout_ms() -> int:
    # PASSAPP_BUSY_TIMEOUT_MS: how long one try waits for another writer (tests shorten it).
    text = os.environ.get("PASSAPP_BUSY_TIMEOUT_MS", "")
    return int(text) if text.isdigit() else BUSY_TIMEOUT_MS


def make_engine(url: str, key: DatabaseKey | None = None) -> Engine:
    """The engine for ``url``; with ``key`` an SQLite file is opened through SQLCipher."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True)
        event.listen(engine, "begin", _postgresql_begin)
        return engine
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database in (None, "", ":memory:"):
        # Tests: one shared connection, or every session would see its own empty database.
        engine = create_engine(
            IN_MEMORY, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    elif key is not None:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, module=cipher.dbapi())
        event.listen(engine, "do_connect", _keyed_connect(key))
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _keyed_connect(key: DatabaseKey) -> Callable[..., Any]:
    # "do_connect" runs before SQLAlchemy's own first queries on a new connection: the key
    # must be the very first statement SQLCipher sees.
    def connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        connection = dialect.loaded_dbapi.connect(*cargs, **cparams)
        cipher.apply_key(connection, key)
        return connection

    return connect


def _sqlite_begin(connection: Connection) -> None:
    # A write transaction takes the write lock at its start (BEGIN IMMEDIATE). Otherwise two
    # processes that both read first and then write fail with SQLITE_BUSY at the upgrade,
    # which the busy timeout cannot wait out in WAL mode.
    mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


# The one advisory lock every write transaction of passapp takes on a PostgreSQL database.
POSTGRESQL_WRITE_LOCK = int.from_bytes(b"passapp", "big")


def _postgresql_begin(connection: Connection) -> None:
    # The same rule as BEGIN IMMEDIATE on SQLite: write transactions take turns, readers never
    # wait. Services read, then write (the audit chain's last hash, "has this person an active
    # pass?"); under READ COMMITTED two clerks at once would both act on the same reading and
    # fork the audit chain or collide on a unique index instead of being told "already issued".
    # Released at commit or rollback.
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({POSTGRESQL_WRITE_LOCK})")


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    script_location = resources.files("passapp.models") / "migrations"
    config.set_main_option("script_location", str(script_location))
    config.attributes["engine"] = engine
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


@functools.cache
def _linear_head() -> str | None:
    """The newest revision of the migration scripts, read from their ``revision`` and
    ``down_revision`` lines; None where that is not one plain chain (alembic decides)."""
    versions = resources.files("passapp.models").joinpath("migrations").joinpath("versions")
    parents: dict[str, object] = {}
    try:
        for script in versions.iterdir():
            if script.name.endswith(".py"):
                found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
                revision = ast.literal_eval(found["revision"])
                if not isinstance(revision, str):
                    return None
                parents[revision] = ast.literal_eval(found.get("down_revision", "None"))
    except (OSError, KeyError, ValueError, SyntaxError):
        return None
    if not all(isinstance(parent, str | None) for parent in parents.values()):
        return None  # a merge of branches
    heads = set(parents) - set(parents.values())
    return heads.pop() if len(heads) == 1 and len(parents) > 0 else None


def head_revision(engine: Engine) -> str:
    head = _linear_head()
    if head is None:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every schema revision this program knows (a backup of a newer one is refused)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(resources.files("passapp.models") / "migrations"))
    return frozenset(s.revision for s in ScriptDirectory.from_config(config).walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revisions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(revisions) <= 1:
            return str(revisions[0][0]) if revisions else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()  # it raises


def backup_sqlite(engine: Engine, suffix: str, key: DatabaseKey | None = None) -> Path | None:
    """Copy an SQLite file with the online backup API (consistent even in WAL mode); the
    copy of an encrypted database is encrypted under the same key."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(f"{database}.{stamp}.{suffix}.bak")
    source = cipher.connect(Path(database), key) if key else sqlite3.connect(database)
    try:
        destination = cipher.connect(target, key) if key else sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


# How long a write waits in all for the write lock another process holds (a long import
# steps aside every second or so), and how often it says so while it waits.
LOCK_WAIT_SECONDS = 60.0
LOCK_WAIT_ENV = "PASSAPP_LOCK_WAIT_SECONDS"

LockWaitNotice = Callable[[float], None]


def is_locked(error: BaseException) -> bool:
    """Whether a database error means "another writer holds the lock" (SQLite's busy)."""
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "database is busy" in text


def _lock_wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, LOCK_WAIT_SECONDS)))
    except ValueError:
        return LOCK_WAIT_SECONDS


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None
    # The SQLCipher key the file is opened with (None: a plain file or a server).
    key: DatabaseKey | None = None
    # Called each time a write has waited one busy timeout for the lock and tries again,
    # with the seconds waited so far: the CLI tells the clerk, instead of failing.
    on_lock_wait: LockWaitNotice | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        The write lock is taken at the start; while another process holds it (a long
        import commits in steps of about a second), the start is retried for up to
        ``$PASSAPP_LOCK_WAIT_SECONDS`` (60 s), telling ``on_lock_wait`` each time."""
        session = self._writing_session()
        with session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            stamp = session.info.pop(COUNTER_INFO, None)
        if stamp is not None:
            # Committed: remember how far this database id has counted (see identity.py).
            identity.note_counter(*stamp)

    def _writing_session(self) -> Session:
        """A session whose transaction holds the write lock (waiting for it if need be)."""
        started = time.monotonic()
        limit = _lock_wait_seconds()
        while True:
            session = self.sessions()
            try:
                session.begin()
                session.connection(execution_options={WRITE_OPTION: True})
                return session
            except OperationalError as error:
                session.close()
                waited = time.monotonic() - started
                if not is_locked(error) or waited >= limit:
                    raise
                if self.on_lock_wait is not None:
                    self.on_lock_wait(waited)
            except BaseException:
                session.close()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only session that sees one state of the database throughout, while
        others go on writing (a long export). SQLite's WAL gives every read transaction
        its snapshot; PostgreSQL needs REPEATABLE READ for it."""
        with self.sessions() as session:
            if self.engine.dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


SQLITE_HEADER = cipher.PLAIN_HEADER
# ``open_database``'s default: the key named by $PASSAPP_DB_KEY_FILE or $PASSAPP_DB_KEY.
FROM_ENVIRONMENT: Final = "environment"
KeyChoice = DatabaseKey | None | Literal["environment"]


# The steps of opening that can take long, once after an update: the schema upgrade (with
# its backup first), the search keys rebuilt under new rules (100,000 persons: ~10 s).
LONG_STEPS = ("upgrade", "search_keys")


def open_database(
    url: str | None = None,
    *,
    create: bool = True,
    key: KeyChoice = FROM_ENVIRONMENT,
    before_long_step: Callable[[str], None] | None = None,
) -> Database:
    """Open (and upgrade) the database at ``url`` or the default location.

    Only with ``create`` is a missing SQLite file (or an empty server database) set up; a
    zero-byte file, a text file or another program's database is refused either way. With a
    ``key`` (by default from the environment) the SQLite file is encrypted (SQLCipher): a
    new one from the start; a plain one, or one the key does not open, is refused.
    ``before_long_step`` is told one of :data:`LONG_STEPS` before it begins (the desktop
    app says why the window waits)."""
    url = url or default_database_url()
    database_key = _database_key(url, key)
    _check_sqlite_file(url, create, database_key)
    try:
        engine = make_engine(url, database_key)
    except (ArgumentError, ImportError) as error:
        raise DatabaseError(
            f"unsupported database URL: {error}",
            "Die Datenbank-Adresse wird nicht unterstützt (Datei oder postgresql+psycopg://…).",
        ) from None
    except OSError as error:  # the folder for a new database file cannot be made
        raise DatabaseError(
            f"cannot create the database folder: {error}",
            f"Der Ordner für die Datenbank lässt sich nicht anlegen: {error.strerror}.",
        ) from None
    failures: tuple[type[BaseException], ...] = (
        SQLAlchemyError,
        sqlite3.Error,
        OSError,
        *cipher.driver_errors(),
    )
    try:
        return _open(engine, create, database_key, before_long_step or _quietly)
    except DatabaseError:
        engine.dispose()
        raise
    except failures as error:
        engine.dispose()
        raise describe_failure(error) from error


def _database_key(url: str, choice: KeyChoice) -> DatabaseKey | None:
    key = cipher.key_from_environment() if choice == FROM_ENVIRONMENT else choice
    assert not isinstance(key, str)
    if key is None:
        return None
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(
            f"a database key ({key.origin}) is for SQLite files only, not for {parsed.get_backend_name()}: "
            f"unset ${cipher.KEY_FILE_ENV} and ${cipher.KEY_ENV} (a server encrypts its own storage)",
            f"Ein Datenbankschlüssel ({key.origin}) gilt nur für SQLite-Dateien, nicht für einen "
            f"Datenbankserver: ${cipher.KEY_FILE_ENV} und ${cipher.KEY_ENV} entfernen.",
        )
    # An in-memory database (tests) never reaches a disk: nothing to encrypt.
    return None if parsed.database in (None, "", ":memory:") else key


def _check_sqlite_file(url: str, create: bool, key: DatabaseKey | None = None) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not os.path.exists(path):  # False also for a name too long or below a file
        if create:
            return
        raise DatabaseError(
            f"no database at {path}; set one up with 'passapp office init' or 'passapp district init'",
            f"Keine Datenbank unter {path}. Bitte zuerst mit „passapp office init“ einrichten "
            "oder --db prüfen.",
        )
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, device or FIFO (open would block)
            raise DatabaseError(
                f"{path} is a folder or special file, not a database file",
                f"{path} ist ein Ordner oder eine Gerätedatei, keine Datenbank.",
            )
        plain = cipher.has_plain_header(path)
        encrypted = cipher.looks_encrypted(path)
    except OSError as error:
        raise DatabaseError(
            f"cannot read {path}: {error.strerror}",
            f"Die Datenbank {path} ist nicht lesbar: {error.strerror}.",
        ) from None
    if key is not None:
        _check_encrypted_file(path, plain, key)
    elif encrypted:
        raise DatabaseError(
            f"{path} is encrypted (SQLCipher) or not a passapp database: set "
            f"${cipher.KEY_FILE_ENV} to the file holding its key",
            f"{path} ist verschlüsselt (SQLCipher) oder keine passapp-Datenbank: bitte "
            f"${cipher.KEY_FILE_ENV} auf die Datei mit dem Datenbankschlüssel setzen.",
        )
    elif not plain:
        raise DatabaseError(
            f"{path} is not a passapp database (empty or another kind of file)",
            f"{path} ist keine passapp-Datenbank (leer oder eine andere Art Datei).",
        )


def check_database_file(path: Path, key: DatabaseKey | None) -> None:
    """Refuse, in words, a missing file, a folder, a file that is not SQLite, an encrypted
    file without its key, a plain file while a key is set (what ``open_database`` checks)."""
    _check_sqlite_file(to_url(str(path)), False, key)


def database_key(url: str, choice: KeyChoice = "environment") -> DatabaseKey | None:
    """The key ``open_database(url, key=choice)`` would use."""
    return _database_key(url, choice)


def _check_encrypted_file(path: Path, plain: bool, key: DatabaseKey) -> None:
    if plain:
        raise DatabaseError(
            f"{path} is not encrypted, but a database key is set ({key.origin}): encrypt it "
            f"with 'passapp database encrypt --key-file …', or unset ${cipher.KEY_FILE_ENV} "
            f"and ${cipher.KEY_ENV}",
            f"{path} ist nicht verschlüsselt, aber ein Datenbankschlüssel ist gesetzt "
            f"({key.origin}): erst mit „passapp database encrypt --key-file …“ "
            "verschlüsseln oder den Schlüssel entfernen.",
        )
    cipher.check_key(path, key)


def _quietly(_step: str) -> None:
    pass


def _open(
    engine: Engine,
    create: bool,
    key: DatabaseKey | None,
    before_long_step: Callable[[str], None],
) -> Database:
    backup: Path | None = None
    head = head_revision(engine)
    has_tables = bool(inspect(engine).get_table_names())
    revision = current_revision(engine) if has_tables else None
    if not has_tables:
        if not create:
            raise DatabaseError(
                f"{engine.url!r} is empty, not a passapp database; set one up with 'office init'",
                "Die Datenbank ist leer. Bitte zuerst mit „passapp office init“ einrichten.",
            )
        from alembic import command

        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            install_guards(connection)
        command.stamp(_alembic_config(engine), "head")
        search_index.stamp_current(engine)
    elif revision is None:
        raise DatabaseError(
            f"{engine.url!r} is not a passapp database (no schema revision)",
            "Die gewählte Datei ist keine passapp-Datenbank.",
        )
    elif revision != head:
        from alembic import command
        from alembic.script import ScriptDirectory

        config = _alembic_config(engine)
        known = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
        if revision not in known:
            raise DatabaseError(
                f"database schema {revision} is newer than this program; update passapp",
                "Die Datenbank stammt von einer neueren passapp-Version. Bitte passapp aktualisieren.",
            )
        before_long_step("upgrade")
        backup = backup_sqlite(engine, f"before-{head}", key)
        command.upgrade(config, "head")
    search_index.rebuild_if_outdated(engine, before_long_step)
    identity.ensure_own_identity(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, sessions=sessions, backup_path=backup, key=key)
