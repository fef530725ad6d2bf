"""Detecting a copied or restored database file (DESIGN §7, "Database id").

Every change carries ``(database id, counter)``. If two files ever wrote with the same id,
their counters would collide and other offices would take one change for the other. So a
file that is a copy (another host, path or inode than the one it recorded) or a restored
backup (a lower counter than this machine's ledger has seen for its id) gets a new
database id when it opens, before it writes again. Changes already made keep their
original stamps, so nothing is sent twice under two names.

The ledger lives outside the database file (the user state folder, or
``$PASSAPP_STATE_DIR``): a copy of the file cannot carry it along.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, select, update

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
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database).resolve()
    return f"{socket.gethostname()}|{path}|{path.stat().st_ino}"


def ensure_own_identity(engine: Engine) -> bool:
    """Give a copied or restored file a new database id; True where that happened."""
    identity = file_identity(engine)
    if identity is None:
        return False
    with engine.begin() as connection:
        row = connection.execute(select(Installation).where(Installation.id == 1)).first()
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
