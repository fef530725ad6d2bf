"""Change tracking for sync: versions, not clocks; a copied database gets a new id."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.entries import EntryKind
from passapp.models.database import open_database, to_url
from passapp.models.entities import ChangeRecord, Installation
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.errors import Refused
from passapp.services.passes import issue_pass, revoke_pass
from tests.services.helpers import register


def change_log(ctx: ServiceContext) -> list[ChangeRecord]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq)))


def database_id(path: Path) -> tuple[str, list[str]]:
    db = open_database(to_url(str(path)))
    try:
        with db.reading() as session:
            setup = session.get(Installation, 1)
            assert setup is not None
            return str(setup.database_id), list(setup.previous_database_ids)
    finally:
        db.dispose()


def test_every_shared_write_is_stamped_in_order(office_ctx: ServiceContext) -> None:
    person = register(office_ctx)
    issued = issue_pass(office_ctx, person)
    add_entry(
        office_ctx,
        issued.pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 24)),
    )
    revoke_pass(office_ctx, issued.pass_number, "Ausweis war gefälscht")
    log = change_log(office_ctx)
    assert [c.entity_type for c in log] == [
        "person",
        "eligibility_check",
        "eligibility_check",
        "pass",
        "pass_card",
        "entry",
        "pass",
    ]
    assert [c.counter for c in log] == list(range(1, len(log) + 1))
    assert {c.origin_office for c in log} == {"EWDAH"}
    with office_ctx.db.reading() as session:
        setup = session.get(Installation, 1)
        assert setup is not None
        assert {c.database_id for c in log} == {setup.database_id}
        assert setup.change_counter == len(log)
    assert log[-1].operation == "update"
    assert log[-1].payload["status"] == "revoked"
    assert log[0].payload["family_names"] == "Ahmadi"


def test_a_refused_write_stamps_nothing(office_ctx: ServiceContext) -> None:
    child = register(office_ctx, "Klein", "Kind", birth="2015-01-01")
    before = len(change_log(office_ctx))
    with pytest.raises(Refused):
        issue_pass(office_ctx, child)
    assert len(change_log(office_ctx)) == before


def test_a_copied_file_gets_a_new_database_id(
    office_ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    register(office_ctx)
    office_ctx.db.dispose()
    original_id, _ = database_id(db_path)
    copy = tmp_path / "copy" / "passapp.sqlite3"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)
    copy_id, previous = database_id(copy)
    assert copy_id != original_id
    assert previous == [original_id]
    assert database_id(db_path)[0] == original_id  # the original keeps its id
    assert database_id(copy)[0] == copy_id  # and the copy its new one


def test_a_restored_backup_gets_a_new_database_id(
    office_ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    register(office_ctx, "Ahmadi", "Zahra")
    office_ctx.db.dispose()
    original_id, _ = database_id(db_path)
    backup = db_path.read_bytes()
    ctx = ServiceContext(
        db=open_database(to_url(str(db_path))), clerk="t", passphrase=None, output_folder=tmp_path
    )
    register(ctx, "Rahimi", "Farid")  # counters the backup does not know
    ctx.db.dispose()
    for sidecar in (
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        sidecar.unlink(missing_ok=True)
    with db_path.open("r+b") as stream:  # restored in place: same path, same inode
        stream.write(backup)
        stream.truncate()
    restored_id, previous = database_id(db_path)
    assert restored_id != original_id
    assert previous == [original_id]
