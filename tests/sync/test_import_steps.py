"""A big import or export never keeps other clerks from writing (issue 9, item 11).

An import commits in steps of about a second, each with the version vector that says how
far it got; an export writes its file from a read snapshot. A clerk at the same database
(another process, another engine) therefore waits at most one step for the write lock, and
an import cut short goes on where it stopped when the bundle is imported again.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, select

from passapp.domain.dates import PartialDate
from passapp.models.database import Database, open_database, to_url
from passapp.models.entities import Person
from passapp.services import sync as sync_service
from passapp.services import sync_apply
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from passapp.services.progress import Cancelled, Progress
from passapp.services.sync import export_bundles, import_bundle, status
from tests.conftest import make_context
from tests.support.accounts import acting_as, add_admin
from tests.sync.test_crash import table_counts

PEOPLE = 600  # 1,200 changes: a person and the eligibility check of the registration


def register(ctx: ServiceContext, count: int, family: str = "Person") -> None:
    for n in range(count):
        register_person(
            ctx,
            PersonInput(
                family_names=family + "abcdefghijklmnopqrstuvwxyz"[n % 26] * (1 + n // 26),
                given_names="Test",
                birth_date=PartialDate(1990, 1 + n % 12),
                moved_from_abroad=True,
                consent=True,
            ),
        )


@pytest.fixture
def office_bundle(office_ctx: ServiceContext, tmp_path: Path) -> Path:
    register(office_ctx, PEOPLE)
    bundle = tmp_path / "gross.passapp"
    export_bundles(office_ctx, bundle)
    return bundle


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    # A few hundredths of a second per step: the 1,200 changes take several steps here,
    # as a 200k-change bundle does with the real one-second steps.
    monkeypatch.setattr(sync_service, "IMPORT_STEP_SECONDS", 0.03)
    monkeypatch.setattr(sync_apply, "BATCH_SIZE", 50)


def write_lock_holds(db: Database) -> list[float]:
    """Seconds each write transaction on ``db`` held the lock (BEGIN IMMEDIATE … COMMIT)."""
    holds: list[float] = []
    began: dict[int, float] = {}

    @event.listens_for(db.engine, "begin")
    def on_begin(connection: object) -> None:
        began[id(connection)] = time.monotonic()

    @event.listens_for(db.engine, "commit")
    def on_commit(connection: object) -> None:
        holds.append(time.monotonic() - began.pop(id(connection), time.monotonic()))

    return holds


def people_at(ctx: ServiceContext) -> set[str]:
    with ctx.db.reading() as session:
        return set(session.scalars(select(Person.family_names)))


def test_an_import_commits_in_steps_and_lets_a_clerk_write_in_between(
    district_ctx: ServiceContext, office_bundle: Path, small_steps: None
) -> None:
    holds = write_lock_holds(district_ctx.db)
    clerk = make_context(Path(str(district_ctx.db.engine.url.database)), clerk="schalter")
    importing = threading.Thread(target=import_bundle, args=(district_ctx, office_bundle))
    importing.start()
    try:
        while not holds and importing.is_alive():
            time.sleep(0.001)  # until the first step is committed
        # Another clerk registers someone, as another process would: through the busy
        # handler, without knowing of the import.
        register(clerk, 1, family="Schalterkundin")
        import_still_running = importing.is_alive()
    finally:
        importing.join(timeout=120)
        clerk.db.dispose()

    assert import_still_running  # the clerk did not wait for the whole import
    assert len(holds) >= 2  # several steps, each its own transaction
    # One step: its time budget plus at most one batch; never the whole import.
    assert max(holds) < 1.0
    names = people_at(district_ctx)
    assert "Schalterkundina" in names
    assert len(names) == PEOPLE + 1


def test_a_cancelled_import_keeps_its_steps_and_the_next_import_goes_on(
    district_ctx: ServiceContext,
    office_bundle: Path,
    small_steps: None,
    tmp_path: Path,
) -> None:
    # The same bundle imported in one go into a copy of the district: what the end must be.
    district_path = Path(str(district_ctx.db.engine.url.database))
    reference_path = tmp_path / "reference.sqlite3"
    with sqlite3.connect(district_path) as source, sqlite3.connect(reference_path) as copy:
        source.backup(copy)
    reference = make_context(reference_path, clerk="district")
    full = import_bundle(reference, office_bundle)
    reference.db.dispose()

    class CancelMidway(Progress):
        def update(self, done: int, total: int | None = None, phase: str | None = None) -> None:
            if done >= 600:
                self.cancel()
            super().update(done, total, phase)

    with pytest.raises(Cancelled) as cancelled:
        import_bundle(district_ctx, office_bundle, CancelMidway())
    assert "erneut einspielen setzt fort" in cancelled.value.message_de
    partly = len(people_at(district_ctx))
    assert 0 < partly < PEOPLE  # the steps before the cancel stay, consistent
    assert status(district_ctx)["pending"] == 0

    rest = import_bundle(district_ctx, office_bundle)
    assert 0 < rest.applied < full.applied  # the rest, not everything again
    assert rest.skipped >= partly  # what the cancelled import had applied
    counts = table_counts(district_path)
    expected = table_counts(reference_path)
    # The same rows as the import in one go; the receipt comes with the last step only.
    for table in ("person", "eligibility_check", "person_name_key", "sync_applied_version"):
        assert counts[table] == expected[table], table
    assert counts["sync_bundle"] == expected["sync_bundle"]
    again = import_bundle(district_ctx, office_bundle)
    assert again.applied == 0


def test_an_export_writes_its_file_while_a_clerk_writes(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register(office_ctx, 20)
    office_path = Path(str(office_ctx.db.engine.url.database))
    real_write_bundle = sync_service.write_bundle
    during: list[float] = []

    def write_while_a_clerk_registers(*args: object, **kwargs: object) -> None:
        # Another process's clerk, who must not wait for the export at all.
        monkeypatch.setenv("PASSAPP_LOCK_WAIT_SECONDS", "0")
        clerk = make_context(office_path, clerk="schalter")
        started = time.monotonic()
        try:
            register(clerk, 1, family="Waehrenddessen")
        finally:
            clerk.db.dispose()
        during.append(time.monotonic() - started)
        real_write_bundle(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_service, "write_bundle", write_while_a_clerk_registers)
    first = export_bundles(office_ctx, tmp_path / "eins.passapp")[0]
    monkeypatch.setattr(sync_service, "write_bundle", real_write_bundle)

    assert len(during) == 1
    assert during[0] < 1.0  # no busy timeout: the lock was free
    assert first.counts["person"] == 20  # the snapshot from before the clerk's write
    import_bundle(district_ctx, first.path)
    second = export_bundles(office_ctx, tmp_path / "zwei.passapp")[0]
    # The clerk's registration goes with the next bundle (with the unacknowledged rest).
    assert second.counts["person"] == 21


def test_a_waiting_writer_is_told_and_tries_again(
    ctx: ServiceContext, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from passapp.models import database as database_module

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    db = open_database(to_url(str(db_path)))
    notices: list[float] = []
    db.on_lock_wait = notices.append
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.6, blocker.execute, args=("COMMIT",))
    releaser.start()
    try:
        with db.transaction() as session:
            session.execute(select(1))
    finally:
        releaser.join()
        blocker.close()
        db.dispose()
    assert notices  # told while it waited, then it went on
    assert notices == sorted(notices)


def test_a_writer_gives_up_after_the_wait_limit_with_the_lock_error(
    ctx: ServiceContext, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from passapp.models import database as database_module

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setenv("PASSAPP_LOCK_WAIT_SECONDS", "0.3")
    db = open_database(to_url(str(db_path)))
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked"), db.transaction():
            pass
    finally:
        blocker.close()
        db.dispose()


def test_the_command_line_waits_for_a_busy_database_and_says_so(
    office_ctx: ServiceContext,
) -> None:
    from click.testing import CliRunner

    from passapp.cli import main

    add_admin(office_ctx)
    office_path = Path(str(office_ctx.db.engine.url.database))
    blocker = sqlite3.connect(office_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # an import's step, say
    releaser = threading.Timer(1.0, blocker.execute, args=("COMMIT",))
    releaser.start()
    try:
        result = CliRunner().invoke(
            main,
            [
                "--db",
                str(office_path),
                "--json",
                "person",
                "add",
                "--family-name",
                "Wartend",
                "--birth-date",
                "2001-04-03",
                "--from-abroad",
            ],
            env={
                **acting_as(),
                "PASSAPP_BUSY_TIMEOUT_MS": "200",
                "PASSAPP_LOCK_WAIT_SECONDS": "30",
            },
        )
    finally:
        releaser.join()
        blocker.close()
    assert result.exit_code == 0, result.stderr
    assert "Die Datenbank ist gerade belegt" in result.stderr
    assert "Traceback" not in result.stderr
    assert people_at(office_ctx) == {"Wartend"}
