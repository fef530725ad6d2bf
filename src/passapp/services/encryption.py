"""Encrypting the database with SQLCipher, and a plain copy of it for support (issue 10).

:func:`encrypt_database` turns the context's plain SQLite file into an encrypted one in
place (``models/cipher.py``: a copy next to it, checked, made durable and renamed over it;
the plain file's blocks overwritten) and reopens the context on it, so the caller goes on
working. The key comes from a key file: an existing one is read, a missing one is made with
a new random 256-bit key. The key file must not lie in the database's folder (nor below
it), or a copy of the folder (a backup, a USB stick) carries both.

:func:`rekey_database` puts an encrypted database under a new key the same way (a checked
copy renamed over it, the file under the old key overwritten).

Every program that opens the database afterwards needs the key: ``$PASSAPP_DB_KEY_FILE``
naming the key file (or ``$PASSAPP_DB_KEY``). Both conversions are audited.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from passapp.atomic import check_output_path
from passapp.models import cipher
from passapp.models.cipher import DatabaseKey
from passapp.models.database import describe_failure, open_database
from passapp.models.errors import DatabaseError
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import DatabaseUnavailable, InvalidInput, Refused


@dataclass(frozen=True, slots=True)
class Encryption:
    database: Path
    key_file: Path
    key_created: bool
    # The plain file's blocks were overwritten with zeros (needs hard links: not on FAT or
    # some network shares, where the old file is only deleted).
    plain_overwritten: bool
    # Plain copies made before schema upgrades, next to the database: they still hold the
    # data in the clear until someone deletes them.
    plain_backups: tuple[Path, ...]


def encrypt_database(ctx: ServiceContext, key_file: Path) -> Encryption:
    """Encrypt the plain SQLite database of ``ctx`` under the key in ``key_file`` (made if
    missing). Nothing changes if it fails; another program using the database refuses it."""
    path = _database_file(ctx)
    if ctx.db.key is not None:
        raise Refused(
            f"{path} is encrypted already",
            f"Die Datenbank {path} ist schon verschlüsselt.",
        )
    key_file, key, created = _key_for(key_file, path)
    done = _converted(ctx, path, key, lambda: cipher.encrypt_file(path, key, ctx.db.dispose))
    audit.record_read(
        ctx,
        action="database.encrypt",
        object_type="database",
        object_id=None,
        details={"key_created": created, "plain_overwritten": done.plain_overwritten},
    )
    return Encryption(
        database=path,
        key_file=key_file,
        key_created=created,
        plain_overwritten=done.plain_overwritten,
        plain_backups=_plain_backups(path),
    )


@dataclass(frozen=True, slots=True)
class Rekeyed:
    database: Path
    key_file: Path
    key_created: bool
    # The file under the old key was overwritten (hard links needed, as for encrypting).
    old_overwritten: bool


def rekey_database(ctx: ServiceContext, new_key_file: Path) -> Rekeyed:
    """Put the encrypted database of ``ctx`` under the key in ``new_key_file`` (made if
    missing): after a key file was lost track of, or as the IT's routine. Nothing changes if
    it fails. Backups made before stay under the old key (keep it as long as they are)."""
    path = _database_file(ctx)
    old_key = ctx.db.key
    if old_key is None:
        raise Refused(
            f"{path} is not encrypted: encrypt it (database encrypt)",
            f"Die Datenbank {path} ist nicht verschlüsselt: zuerst verschlüsseln "
            "(database encrypt).",
        )
    new_key_file, key, created = _key_for(new_key_file, path)
    if key.key_text() == old_key.key_text():
        raise InvalidInput(
            f"{new_key_file} holds the key the database is under already",
            f"{new_key_file} enthält den Schlüssel, unter dem die Datenbank schon steht.",
        )
    done = _converted(ctx, path, key, lambda: cipher.rekey_file(path, old_key, key, ctx.db.dispose))
    audit.record_read(
        ctx,
        action="database.rekey",
        object_type="database",
        object_id=None,
        details={"key_created": created, "old_overwritten": done.plain_overwritten},
    )
    return Rekeyed(path, new_key_file, created, done.plain_overwritten)


def _converted(
    ctx: ServiceContext, path: Path, key: DatabaseKey, convert: Callable[[], cipher.Encrypted]
) -> cipher.Encrypted:
    """Run the conversion of the file at ``path`` and reopen ``ctx`` on it under ``key``;
    a failure is said in words and leaves the database as it was."""
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    notice = ctx.db.on_lock_wait
    try:
        # This program's own connections would hold the old file open.
        done = convert()
    except DatabaseError as error:
        raise _unavailable(error) from None
    except cipher.driver_errors() as error:  # a full disk, a damaged file: nothing renamed
        raise _unavailable(describe_failure(error)) from error
    except OSError as error:  # a full disk, a removed share: the rename never happened
        reason = error.strerror or str(error)
        raise Refused(
            f"converting {path} failed ({reason}); the database is unchanged and usable",
            f"Die Umwandlung ist fehlgeschlagen ({reason}); die Datenbank ist "
            "unverändert und weiter nutzbar.",
        ) from error
    ctx.db = open_database(url, create=False, key=key)
    ctx.db.on_lock_wait = notice
    return done


def decrypt_database_copy(ctx: ServiceContext, out: Path) -> Path:
    """A plain copy of the encrypted database, for support (it holds every name in the
    clear: hand it on as carefully as the PC itself)."""
    path = _database_file(ctx)
    key = ctx.db.key
    if key is None:
        raise Refused(
            f"{path} is not encrypted: copy the file itself",
            f"Die Datenbank {path} ist nicht verschlüsselt; die Datei selbst kopieren.",
        )
    target = check_output_path(out)
    if target.exists() and os.path.samefile(target, path):
        raise InvalidInput(
            "the plain copy cannot replace the database itself",
            "Die unverschlüsselte Kopie kann nicht die Datenbank selbst ersetzen.",
        )
    try:
        cipher.decrypt_copy(path, key, target)
    except DatabaseError as error:
        raise _unavailable(error) from None
    except cipher.driver_errors() as error:
        raise _unavailable(describe_failure(error)) from error
    audit.record_read(
        ctx,
        action="database.decrypt_copy",
        object_type="database",
        object_id=None,
        details={"file": target.name},
    )
    return target


def _database_file(ctx: ServiceContext) -> Path:
    url = make_url(ctx.db.engine.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise InvalidInput(
            "database encryption is for SQLite files only (a server encrypts its own storage)",
            "Die Verschlüsselung gilt nur für SQLite-Dateien; ein Datenbankserver "
            "verschlüsselt seinen Speicher selbst.",
        )
    return Path(str(url.database)).absolute()


def _key_for(key_file: Path, database: Path) -> tuple[Path, DatabaseKey, bool]:
    """The key file's absolute path, its key (a new random one in a new file), and whether
    it was made now; the file must not lie beside the database."""
    key_file = key_file.expanduser().absolute()
    _check_key_place(key_file, database)
    created = not key_file.exists()
    return key_file, _new_key(key_file) if created else _existing_key(key_file), created


def _check_key_place(key_file: Path, database: Path) -> None:
    # Nor below it: a backup of the folder copies its subfolders too.
    if key_file.parent.resolve().is_relative_to(database.parent.resolve()):
        raise InvalidInput(
            f"the key file must not lie in the database's folder ({database.parent}) or "
            "below it: a copy of the folder would carry both",
            f"Die Schlüsseldatei darf nicht im Ordner der Datenbank ({database.parent}) oder "
            "darunter liegen: eine Kopie des Ordners enthielte sonst beides.",
        )


def _new_key(key_file: Path) -> DatabaseKey:
    try:
        return cipher.new_key_file(key_file)
    except OSError as error:
        raise InvalidInput(
            f"cannot write the key file {key_file}: {error.strerror}",
            f"Die Schlüsseldatei {key_file} lässt sich nicht anlegen: {error.strerror}.",
        ) from None


def _existing_key(key_file: Path) -> DatabaseKey:
    try:
        return cipher.read_key_file(key_file)
    except DatabaseError as error:
        raise InvalidInput(str(error), error.message_de) from None


def _plain_backups(path: Path) -> tuple[Path, ...]:
    found = sorted(path.parent.glob(glob.escape(path.name) + ".*.bak"))
    return tuple(backup for backup in found if cipher.has_plain_header(backup))


def _unavailable(error: DatabaseError) -> DatabaseUnavailable:
    unavailable = DatabaseUnavailable(str(error), error.message_de)
    unavailable.exit_code = error.exit_code
    return unavailable
