"""A copied or restored PostgreSQL database gets a new database id (DESIGN §7, "Database id";
``passapp.models.identity``).

Real copies on a real server: ``CREATE DATABASE … TEMPLATE``, ``pg_dump`` → ``pg_restore``
into a new database and ``pg_restore --clean`` over the original. Every test has a ledger
of its own (``PASSAPP_STATE_DIR`` in ``tmp_path``), as if it ran on its own machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.engine import make_url

from passapp.models import identity
from passapp.models.database import open_database
from passapp.models.entities import ChangeRecord, Installation
from passapp.services.context import ServiceContext
from passapp.services.trust import init_district
from tests.conftest import _no_postgres, make_url_context
from tests.services.helpers import register

pytestmark = pytest.mark.postgres

Stamp = tuple[str, int]


@pytest.fixture(autouse=True)
def own_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's machine: a counter ledger nobody else writes to."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PASSAPP_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def template_copy(pg_server: Engine) -> Iterator[Callable[[str], str]]:
    """``CREATE DATABASE … TEMPLATE`` of a database (URL in, URL out); dropped afterwards."""
    made: list[str] = []

    def copy(url: str) -> str:
        name = f"passapp_test_copy_{uuid.uuid4().hex[:12]}"
        source = make_url(url).database
        made.append(name)
        with pg_server.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {source}"))
        return make_url(url).set(database=name).render_as_string(hide_password=False)

    yield copy
    with pg_server.connect() as connection:
        for name in made:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def _tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore``, newest first (it must not be older than the server)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
        reverse=True,
    )
    found = str(candidates[0]) if candidates else shutil.which(name)
    if found is None:
        _no_postgres(f"{name} (PostgreSQL client programs) is not installed")
    return found


def _run(name: str, url: str, *arguments: str) -> None:
    parsed = make_url(url)
    environment = {**os.environ, "PGPASSWORD": parsed.password or ""}
    connection = [
        f"--host={parsed.host or '127.0.0.1'}",
        f"--port={parsed.port or 5432}",
        f"--username={parsed.username}",
        f"--dbname={parsed.database}",
    ]
    subprocess.run(
        [_tool(name), *connection, *arguments], env=environment, check=True, capture_output=True
    )


def _district(url: str, folder: Path) -> ServiceContext:
    ctx = make_url_context(url, folder, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    return ctx


def _open(url: str, folder: Path) -> ServiceContext:
    return make_url_context(url, folder, clerk="district")


def _setup(url: str) -> tuple[str, list[str], int, str | None]:
    """Open the database as the program does; its id, previous ids, counter, identity."""
    db = open_database(url)
    try:
        with db.reading() as session:
            setup = session.get(Installation, 1)
            assert setup is not None
            return (
                str(setup.database_id),
                list(setup.previous_database_ids),
                setup.change_counter,
                setup.file_identity,
            )
    finally:
        db.dispose()


def _stamps(ctx: ServiceContext) -> list[Stamp]:
    with ctx.db.reading() as session:
        changes = session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq))
        return [(str(c.database_id), c.counter) for c in changes]


def test_opening_the_same_database_again_keeps_its_id(pg_url: str, tmp_path: Path) -> None:
    ctx = _district(pg_url, tmp_path)
    register(ctx)
    ctx.db.dispose()
    first = _setup(pg_url)
    database_id, previous, counter, recorded = first
    assert previous == []
    assert counter == 2  # a registration stamps the person and its eligibility check
    # Recorded from the start, made of what a copy changes (see passapp.models.identity).
    assert recorded is not None
    assert recorded.startswith("postgresql|system ")
    assert "|timeline " in recorded
    assert "|database oid " in recorded
    assert "|installation oid " in recorded
    assert _setup(pg_url) == first
    ctx = _open(pg_url, tmp_path)
    register(ctx, "Rahimi", "Farid")
    assert _stamps(ctx) == [(database_id, n) for n in (1, 2, 3, 4)]
    ctx.db.dispose()
    assert _setup(pg_url)[:2] == (database_id, [])


def test_a_template_copy_gets_a_new_id_and_the_original_keeps_its_own(
    pg_url: str, template_copy: Callable[[str], str], tmp_path: Path
) -> None:
    ctx = _district(pg_url, tmp_path)
    register(ctx)
    ctx.db.dispose()  # CREATE DATABASE … TEMPLATE needs the original without sessions
    original_id = _setup(pg_url)[0]
    copy_url = template_copy(pg_url)

    copy_id, previous, counter, _ = _setup(copy_url)
    assert copy_id != original_id
    assert previous == [original_id]
    assert counter == 2
    copy = _open(copy_url, tmp_path)
    try:
        register(copy, "Rahimi", "Farid")
        # What was made before the copy keeps its stamps; the copy counts on under its new id.
        assert _stamps(copy) == [(original_id, 1), (original_id, 2), (copy_id, 3), (copy_id, 4)]
    finally:
        copy.db.dispose()
    original = _open(pg_url, tmp_path)
    try:
        register(original, "Karimi", "Leyla")
        assert _stamps(original) == [(original_id, n) for n in (1, 2, 3, 4)]
    finally:
        original.db.dispose()
    assert _setup(pg_url)[:2] == (original_id, [])
    assert _setup(copy_url)[:2] == (copy_id, [original_id])


def test_a_pg_dump_restored_into_a_new_database_gets_a_new_id(
    pg_database: Callable[[], str], tmp_path: Path
) -> None:
    original_url = pg_database()
    ctx = _district(original_url, tmp_path)
    register(ctx)
    register(ctx, "Rahimi", "Farid")
    original_stamps = _stamps(ctx)
    ctx.db.dispose()
    original_id = _setup(original_url)[0]
    dump = tmp_path / "district.dump"
    _run("pg_dump", original_url, "--format=custom", f"--file={dump}")
    restored_url = pg_database()
    _run("pg_restore", restored_url, "--no-owner", "--exit-on-error", str(dump))

    restored_id, previous, counter, _ = _setup(restored_url)
    assert restored_id != original_id
    assert previous == [original_id]
    assert counter == len(original_stamps) == 4
    restored = _open(restored_url, tmp_path)
    try:
        register(restored, "Karimi", "Leyla")
        assert _stamps(restored) == [*original_stamps, (restored_id, 5), (restored_id, 6)]
    finally:
        restored.db.dispose()
    assert _setup(original_url)[:2] == (original_id, [])


def test_a_dump_restored_over_the_original_gets_a_new_id(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pg_restore --clean`` into the same database: same database oid, counter goes back.

    Opened first from another machine, whose ledger never saw the lost counters: the
    identity alone (the recreated tables) must catch it.
    """
    ctx = _district(pg_url, tmp_path)
    register(ctx)
    ctx.db.dispose()
    original_id, _, counter_in_backup, _ = _setup(pg_url)
    dump = tmp_path / "district.dump"
    _run("pg_dump", pg_url, "--format=custom", f"--file={dump}")
    ctx = _open(pg_url, tmp_path)
    register(ctx, "Rahimi", "Farid")  # counters 3 and 4, which the backup does not know
    lost = _stamps(ctx)[-2:]
    ctx.db.dispose()
    _run("pg_restore", pg_url, "--clean", "--if-exists", "--no-owner", "--exit-on-error", str(dump))
    monkeypatch.setenv("PASSAPP_STATE_DIR", str(tmp_path / "another-machine"))

    restored_id, previous, counter, _ = _setup(pg_url)
    assert counter == counter_in_backup
    assert restored_id != original_id
    assert previous == [original_id]
    restored = _open(pg_url, tmp_path)
    try:
        register(restored, "Karimi", "Leyla")
        stamps = _stamps(restored)
    finally:
        restored.db.dispose()
    # The lost changes' stamps (original id, 3 and 4) are never handed out again.
    assert lost == [(original_id, 3), (original_id, 4)]
    assert stamps == [(original_id, 1), (original_id, 2), (restored_id, 3), (restored_id, 4)]


def test_a_rolled_back_cluster_is_caught_by_the_ledger(pg_url: str, tmp_path: Path) -> None:
    """A restore that keeps every oid (file-level backup, VM snapshot of the server).

    The test role cannot put a cluster's files back; what such a restore leaves behind, a
    counter lower than this machine has seen, is made by setting the counter back.
    """
    ctx = _district(pg_url, tmp_path)
    register(ctx)
    register(ctx, "Rahimi", "Farid")
    register(ctx, "Karimi", "Leyla")
    original_id = _setup(pg_url)[0]
    identity_before = _setup(pg_url)[3]
    with ctx.db.transaction() as session:
        session.execute(update(Installation).values(change_counter=2))
    ctx.db.dispose()

    rolled_back_id, previous, counter, identity_after = _setup(pg_url)
    assert identity_after == identity_before  # nothing a copy would change did change
    assert counter == 2
    assert rolled_back_id != original_id
    assert previous == [original_id]
    ctx = _open(pg_url, tmp_path)
    try:
        register(ctx, "Haidari", "Ali")
        # Not (original id, 3) a second time: that stamp is already out there.
        assert _stamps(ctx)[-2:] == [(rolled_back_id, 3), (rolled_back_id, 4)]
    finally:
        ctx.db.dispose()
    assert _setup(pg_url)[:2] == (rolled_back_id, [original_id])


def test_without_the_system_identifier_a_copy_is_still_caught(
    pg_url: str,
    template_copy: Callable[[str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that refuses ``pg_control_system()`` (some managed services restrict it)."""
    monkeypatch.setattr(identity, "_PG_SYSTEM", "SELECT passapp_no_such_function()")
    ctx = _district(pg_url, tmp_path)
    register(ctx)
    ctx.db.dispose()
    original_id, _, _, recorded = _setup(pg_url)
    assert recorded is not None
    assert recorded.startswith("postgresql|system server ")
    assert _setup(pg_url)[:2] == (original_id, [])  # the stand-in is stable

    copy_id, previous, _, _ = _setup(template_copy(pg_url))
    assert copy_id != original_id
    assert previous == [original_id]
