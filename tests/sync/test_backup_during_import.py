"""A backup taken while the district imports a big bundle is whole and consistent, and after
it is restored the district goes on: the same bundle's import resumes, and the office and
the district sync on without a duplicate or a lost change (issue 12, item 3)."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

from sqlalchemy import func, select

from passapp.models.entities import Installation, Person
from passapp.models.sync_entities import QuarantinedChange
from passapp.services.accounts import log_in
from passapp.services.backup import backup, restore
from passapp.services.context import ServiceContext
from passapp.services.sync import export_bundles, import_bundle
from tests.conftest import make_context
from tests.support.accounts import ADMIN, ADMIN_PASSWORD, add_admin
from tests.sync.test_crash import table_counts
from tests.sync.test_import_steps import (  # noqa: F401 - fixtures
    PEOPLE,
    office_bundle,
    people_at,
    register,
    small_steps,
    write_lock_holds,
)


def raw_count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def database_id(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        return str(session.scalars(select(Installation.database_id)).one())


def test_a_backup_taken_during_an_import_restores_and_the_district_syncs_on(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    office_bundle: Path,  # noqa: F811 - the fixture
    small_steps: None,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    add_admin(district_ctx)
    district_path = Path(str(district_ctx.db.engine.url.database))
    district_id = database_id(district_ctx)
    holds = write_lock_holds(district_ctx.db)
    importing = threading.Thread(target=import_bundle, args=(district_ctx, office_bundle))
    admin = make_context(district_path, clerk=ADMIN)  # another program at the same file
    importing.start()
    try:
        while not (holds and raw_count(district_path, "person")) and importing.is_alive():
            time.sleep(0.005)  # until a step with people in it is committed
        saved = backup(admin, tmp_path / "mitten.passapp-backup").path
        import_still_running = importing.is_alive()
    finally:
        importing.join(timeout=120)
        admin.db.dispose()
    assert import_still_running  # the backup did not wait for the import

    with sqlite3.connect(saved) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    in_backup = raw_count(saved, "person")
    assert 0 < in_backup < PEOPLE  # mid-way: some steps, not all
    assert raw_count(saved, "sync_pending") == 0  # no half-applied step
    assert len(people_at(district_ctx)) == PEOPLE  # the import itself finished
    district_ctx.db.dispose()

    restored = restore(saved, str(district_path), account=ADMIN, password=ADMIN_PASSWORD)
    assert restored.replaced is not None
    assert restored.replaced.exists()
    district = make_context(district_path, clerk="district")
    log_in(district, ADMIN, ADMIN_PASSWORD)  # the district's keys are sealed by the admin's slot
    try:
        assert database_id(district) == restored.database_id != district_id
        assert len(people_at(district)) == in_backup
        rest = import_bundle(district, office_bundle)  # the import resumes
        assert rest.skipped >= in_backup
        assert rest.quarantined == 0
        assert len(people_at(district)) == PEOPLE
        counts, replaced = table_counts(district_path), table_counts(restored.replaced)
        for table in ("person", "eligibility_check", "person_name_key", "sync_applied_version"):
            assert counts[table] == replaced[table], table

        # Both sides go on: new people at the office, a district bundle back, again.
        register(office_ctx, 3, family="Danach")
        import_bundle(district, export_bundles(office_ctx, tmp_path / "danach.passapp")[0].path)
        back = export_bundles(district, tmp_path / "zurueck.passapp", "EWDAH")[0].path
        assert import_bundle(office_ctx, back).quarantined == 0
        again = export_bundles(office_ctx, tmp_path / "nochmal.passapp")[0].path
        assert import_bundle(district, again).applied == 0  # nothing twice
        with district.db.reading() as session:
            names = list(session.scalars(select(Person.family_names)))
            quarantined = session.scalar(select(func.count()).select_from(QuarantinedChange))
        assert len(names) == len(set(names)) == PEOPLE + 3  # none lost, none twice
        assert quarantined == 0
    finally:
        district.db.dispose()
