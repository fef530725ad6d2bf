"""Detecting a copied or restored database (DESIGN §7, "Database id").

Every change carries ``(database id, counter)``. If two databases ever wrote with the same
id, their counters would collide and other offices would take one change for the other. So
a database that is a copy (its identity differs from the one it recorded) or a restored
backup (a lower counter than this machine's ledger has seen for its id) gets a new
database id when it opens, before it writes again. Changes already made keep their
original stamps, so nothing is sent twice under two names.

The ledger lives outside the database (the user state folder, or ``$PASSAPP_STATE_DIR``):
a copy of the database cannot carry it along.

What the identity is made of:

* **SQLite**: host, path and inode of the file. A copied file has another path or inode (or
  host); a file restored over the original by copying keeps them, and is caught by the
  ledger instead.
* **PostgreSQL**: what a copy changes and normal operation does not, all readable by a
  plain owner role (no superuser, no ``pg_read_all_settings``):

  - the cluster's ``system_identifier`` (``pg_control_system()``, which a stock server
    lets every role call): a new cluster (``pg_dumpall``/``pg_dump`` to another server,
    ``pg_upgrade`` to a new major version) has another one. Where a managed server
    refuses it, the server's address and port stand in (only a weaker hint: the same
    cluster reached through another address also counts as "another cluster", which costs
    one needless new id, never a missed copy);
  - the WAL timeline (from ``pg_walfile_name(pg_current_wal_lsn())``): point-in-time
    recovery and the promotion of a standby start a new timeline. That is exactly when
    the last transactions of the old timeline may be lost and their counters handed out
    again;
  - the oid of the database (``pg_database``): ``pg_restore`` into a new database and
    ``CREATE DATABASE … TEMPLATE`` give a new one, also when the name is reused;
  - the oid of the ``installation`` table: ``pg_restore --clean`` over the existing
    database drops and recreates it.

  The database's name is left out on purpose: ``ALTER DATABASE … RENAME`` does not copy
  anything. A standby in recovery has no identity here (it cannot write, so it cannot
  reuse a counter; it is checked once promoted).

  Not detected by the identity: a restore that puts the same cluster back as it was
  (file-level backup, VM snapshot, ``pg_basebackup`` copy started without archive
  recovery): same system identifier, timeline and oids. There only the ledger helps, and
  only on a machine that had seen the lost counters. See docs/DESIGN-NOTES.md.

A needless new id (a major-version upgrade, a planned switch-over to a standby, the
address stand-in seeing another address) costs one more entry in ``previous_database_ids``
and in the receivers' version vectors; a missed copy would make receivers skip real
changes. The identity errs on the side of a new id.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.exc import DBAPIError

from passapp.domain.ids import new_uuid
from passapp.models.entities import Installation


def ledger_path() -> Path:
    folder = os.environ.get("PASSAPP_STATE_DIR") or platformdirs.user_state_dir(
        "passapp", appauthor=False
    )
    return Path(folder) / "database-counters.json"


def _read_ledger() -> dict[str, int]:
    try:
        data = json.loads(ledger_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}


def note_counter(database_id: str, counter: int) -> None:
    """Remember the highest counter this machine has seen a database id write."""
    ledger = _read_ledger()
    if ledger.get(database_id, -1) >= counter:
        return
    ledger[database_id] = counter
    path = ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(ledger, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def file_identity(engine: Engine) -> str | None:
    """Where this database lives; None where there is nothing to compare (in memory)."""
    if engine.url.get_backend_name() == "postgresql":
        with engine.connect() as connection:
            return _postgresql_identity(connection)
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database).resolve()
    return f"{socket.gethostname()}|{path}|{path.stat().st_ino}"


# Each read on its own, so that one a managed server refuses does not hide the others.
_PG_SYSTEM = "SELECT system_identifier::text FROM pg_control_system()"
_PG_SERVER = "SELECT coalesce(host(inet_server_addr()), 'socket') || ':' || current_setting('port')"
_PG_TIMELINE = "SELECT substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)"
_PG_OIDS = text(
    "SELECT d.oid::text, to_regclass(:table)::oid::text "
    "FROM pg_database AS d WHERE d.datname = current_database()"
)


def _postgresql_identity(connection: Connection) -> str | None:
    if connection.exec_driver_sql("SELECT pg_is_in_recovery()").scalar():
        return None  # a standby: read-only until promoted (then on a new timeline)
    cluster = _optional(connection, _PG_SYSTEM)
    if cluster is None:
        cluster = f"server {_optional(connection, _PG_SERVER)}"
    timeline = _optional(connection, _PG_TIMELINE)
    database_oid, table_oid = connection.execute(
        _PG_OIDS, {"table": Installation.__tablename__}
    ).one()
    parts = [
        "postgresql",
        f"system {cluster}",
        f"timeline {int(timeline, 16) if timeline else '?'}",
        f"database oid {database_oid}",
        f"installation oid {table_oid}",
    ]
    return "|".join(parts)


def _optional(connection: Connection, statement: str) -> str | None:
    """One value, or None where this role may not read it (in a savepoint: no abort)."""
    try:
        with connection.begin_nested():
            value = connection.exec_driver_sql(statement).scalar()
    except DBAPIError:
        return None
    return None if value is None else str(value)


def ensure_own_identity(engine: Engine) -> bool:
    """Give a copied or restored database a new database id; True where that happened."""
    identity = file_identity(engine)
    if identity is None:
        return False
    with engine.begin() as connection:
        # FOR UPDATE on PostgreSQL (SQLite renders no such clause: unchanged there): two
        # programs opening the same copy at once renew it once, the second sees the first.
        row = connection.execute(
            select(Installation).where(Installation.id == 1).with_for_update()
        ).first()
        if row is None:
            return False
        database_id, recorded, counter, previous = (
            str(row.database_id),
            row.file_identity,
            row.change_counter,
            list(row.previous_database_ids or []),
        )
        seen = _read_ledger().get(database_id, -1)
        if recorded is not None and recorded == identity and seen <= counter:
            return False
        renewed = recorded is not None and (recorded != identity or seen > counter)
        values: dict[str, object] = {"file_identity": identity}
        if renewed:
            fresh = new_uuid()
            values["database_id"] = fresh
            values["previous_database_ids"] = [*previous, database_id]
            database_id = str(fresh)
        connection.execute(update(Installation).where(Installation.id == 1).values(**values))
    note_counter(database_id, counter)
    return renewed
