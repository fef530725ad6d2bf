"""The same models, migrations and services on PostgreSQL (DESIGN §7: the district database
may be SQLite or PostgreSQL; §8: ``--db postgresql+psycopg://…``).

Every test here gets fresh, empty PostgreSQL databases of its own (``pg_url``,
``pg_database`` in tests/conftest.py). Without ``PASSAPP_TEST_POSTGRES_URL`` they are
skipped; ``.ci/run`` starts a server and makes them mandatory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, delete, inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from passapp.domain.dates import PartialDate
from passapp.domain.entries import CefrLevel, EntryKind, EntryStatus
from passapp.domain.pass_number import PassNumber
from passapp.models.database import (
    _alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
)
from passapp.models.entities import AuditEvent, Base, Entry, Installation, Pass, PersonNameKey
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.errors import Refused
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass, replace_pass, revoke_pass
from passapp.services.search import find
from passapp.services.trust import init_district
from passapp.services.verification import verify
from tests.conftest import enrol, make_url_context
from tests.services.helpers import count, register
from tests.support.accounts import ADMIN_ARGS, acting_as

pytestmark = pytest.mark.postgres


# --- schema ------------------------------------------------------------------------------


def _schema(engine: Engine) -> dict[str, Any]:
    """Everything PostgreSQL reports about the tables, comparable between two databases."""
    found: dict[str, Any] = {}
    inspector = inspect(engine)
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        found[table] = {
            # Sorted: a column added by a migration comes last, one from the models in order.
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                for c in inspector.get_columns(table)
            ),
            "pk": inspector.get_pk_constraint(table),
            "fks": sorted(
                (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"])
                for fk in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (
                    i["name"],
                    tuple(str(c) for c in i["column_names"]),
                    i["unique"],
                    str(i.get("dialect_options", {}).get("postgresql_where")),
                )
                for i in inspector.get_indexes(table)
            ),
        }
    with engine.connect() as connection:
        found["triggers"] = sorted(
            tuple(row)
            for row in connection.execute(
                text(
                    "SELECT tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) "
                    "FROM pg_trigger WHERE NOT tgisinternal"
                )
            )
        )
        found["functions"] = sorted(
            tuple(row)
            for row in connection.execute(
                text(
                    "SELECT proname, prosrc FROM pg_proc "
                    "WHERE pronamespace = 'public'::regnamespace"
                )
            )
        )
    return found


def test_open_database_creates_the_schema_at_head(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        assert current_revision(db.engine) == head_revision(db.engine)
        assert db.backup_path is None
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.transaction() as session:
            # Columns added by migrations 0003/0004 fill in from their server defaults.
            session.execute(
                text(
                    "INSERT INTO installation (id, database_id, created_at) "
                    "VALUES (1, gen_random_uuid(), now())"
                )
            )
            session.execute(
                text(
                    "INSERT INTO office (id, code, name, kind, next_sequence, created_at) "
                    "VALUES (gen_random_uuid(), 'EWDAH', 'x', 'x', 1, now())"
                )
            )
            session.execute(
                text(
                    "INSERT INTO pass (id, pass_number, office_id, sequence, generation, status, "
                    "issued_on, issued_by, print_languages, created_at) SELECT gen_random_uuid(), "
                    "'X', id, 1, 0, 'active', current_date, 'x', '[]', now() FROM office"
                )
            )
        with db.reading() as session:
            installation = session.scalars(select(Installation)).one()
            assert installation.change_counter == 0
            assert installation.previous_database_ids == []
            assert installation.role == "office"
            assert session.scalar(select(Pass.is_stub)) is False
            version = session.execute(
                text("SELECT value FROM setting WHERE key = 'search_index_version'")
            ).scalar()
            assert version is not None
    finally:
        db.dispose()
    # Opening again changes nothing.
    again = open_database(pg_url)
    try:
        assert current_revision(again.engine) == head_revision(again.engine)
        with again.reading() as session:
            assert session.scalar(select(Installation.id)) == 1
    finally:
        again.dispose()


def test_migrations_build_exactly_the_schema_of_the_models(
    pg_database: Callable[[], str],
) -> None:
    migrated = make_engine(pg_database())
    created = open_database(pg_database())
    try:
        command.upgrade(_alembic_config(migrated), "head")
        assert current_revision(migrated) == head_revision(migrated)
        with migrated.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        # Beyond what autogenerate compares: server defaults, partial index, guards.
        assert _schema(migrated) == _schema(created.engine)
    finally:
        migrated.dispose()
        created.dispose()


def test_native_types_on_postgresql(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        columns = {
            (table, c["name"]): str(c["type"])
            for table in ("installation", "pass", "audit_event", "person_name_key")
            for c in inspect(db.engine).get_columns(table)
        }
        assert columns["installation", "database_id"] == "UUID"
        assert columns["installation", "root_certificate"] == "BYTEA"
        created_at = next(
            c for c in inspect(db.engine).get_columns("installation") if c["name"] == "created_at"
        )
        assert created_at["type"].timezone is True
        assert columns["pass", "is_stub"] == "BOOLEAN"
        assert columns["audit_event", "details"] == "JSON"
        assert columns["person_name_key", "key"] == 'VARCHAR(80) COLLATE "C"'
        with db.engine.connect() as connection:
            where = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_pass_active_holder'")
            ).scalar()
        assert where is not None
        assert "UNIQUE" in where
        assert "WHERE" in where
        assert "active" in where
    finally:
        db.dispose()


# --- services on PostgreSQL ----------------------------------------------------------------


@pytest.fixture
def pg_district(pg_database: Callable[[], str], tmp_path: Path) -> Iterator[ServiceContext]:
    ctx = make_url_context(pg_database(), tmp_path, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    yield ctx
    ctx.db.dispose()


@pytest.fixture
def pg_office(
    pg_database: Callable[[], str], pg_district: ServiceContext, tmp_path: Path
) -> Iterator[ServiceContext]:
    """An office on PostgreSQL, enrolled at a district on PostgreSQL through real files."""
    ctx = make_url_context(pg_database(), tmp_path, clerk="office")
    init_office(
        ctx,
        code="EWDAH",
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    folder = tmp_path / "enrol"
    folder.mkdir()
    enrol(ctx, pg_district, folder)
    yield ctx
    ctx.db.dispose()


def test_register_issue_log_find_and_verify(pg_office: ServiceContext, tmp_path: Path) -> None:
    zahra = register(pg_office, "Müller", "Zahra Anna", birth="2001-04-03")
    other = register(pg_office, "Şahin", "Mehmet", birth="1979-03-03", arrival="2024-01-01")
    pdf = tmp_path / "out" / "pass.pdf"
    pdf.parent.mkdir()
    issued = issue_pass(pg_office, zahra, languages=("ar",), out_pdf=pdf)
    assert PassNumber.parse(issued.pass_number) == PassNumber("EWDAH", 1)
    assert issued.pdf == pdf
    assert pdf.read_bytes().startswith(b"%PDF")
    second = issue_pass(pg_office, other)
    assert PassNumber.parse(second.pass_number).sequence == 2

    course = add_entry(
        pg_office,
        issued.pass_number,
        EntryInput(
            kind=EntryKind.INTEGRATIONSKURS,
            start_date=pg_office.today(),
            status=EntryStatus.BEGONNEN,
            level=CefrLevel.B1,
            title="Integrationskurs",
            offer_slug="vhs-dachau-integrationskurs-allgemein",
        ),
    )
    log = list_entries(pg_office, issued.pass_number)
    assert [e.id for e in log.entries] == [course.id]
    assert log.entries[0].level == "B1"
    assert log.entries[0].offer == "vhs-dachau-integrationskurs-allgemein"

    # find: by name (exact, transliterated, prefix while typing, phonetic), pass number, QR.
    for query in ("Müller", "mueller zahra", "Mül", "Zahra Müller", "Miller", "Müller 2001"):
        hits = find(pg_office, query).hits
        assert [h.id for h in hits] == [zahra], query
        assert hits[0].pass_number == issued.pass_number
    assert [h.id for h in find(pg_office, "Sahin").hits] == [other]
    by_number = find(pg_office, issued.pass_number)
    assert by_number.kind == "pass_number"
    assert [h.id for h in by_number.hits] == [zahra]
    without_check = find(pg_office, "EWDAH-000002")
    assert [h.id for h in without_check.hits] == [other]
    assert [h.id for h in find(pg_office, "03.04.2001").hits] == [zahra]
    scanned = find(pg_office, issued.qr_digits)
    assert scanned.kind == "qr"
    assert scanned.verification is not None
    assert scanned.verification.result.valid
    assert [h.id for h in scanned.hits] == [zahra]

    view = verify(
        pg_office,
        issued.qr_digits,
        holder=("Müller", "Zahra Anna", PartialDate.parse("2001-04-03")),
    )
    assert view.accepted
    assert view.result.status == "active"
    assert view.result.holder_matches is True

    # Lifecycle: a replacement card, then a revocation, as this database knows them.
    replaced = replace_pass(pg_office, issued.pass_number)
    assert verify(pg_office, issued.qr_digits).result.status == "replaced"
    assert verify(pg_office, replaced.qr_digits).result.status == "active"
    revoke_pass(pg_office, issued.pass_number, reason="Karte missbräuchlich verwendet")
    assert verify(pg_office, replaced.qr_digits).result.status == "revoked"

    with pg_office.db.reading() as session:
        assert verify_chain(session).ok


def test_search_keys_compare_bytewise_under_a_german_collation(pg_office: ServiceContext) -> None:
    """Prefix search is a key range ``L:mül`` < key < ``L:mül\\x7f``: only right bytewise."""
    person = register(pg_office, "Müllerová", "Anna")
    with pg_office.db.engine.connect() as connection:
        collation = connection.execute(
            text(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name = 'person_name_key' AND column_name = 'key'"
            )
        ).scalar()
        keys = (
            connection.execute(
                select(PersonNameKey.key).where(
                    PersonNameKey.key > "L:MUE", PersonNameKey.key < "L:MUE\x7f"
                )
            )
            .scalars()
            .all()
        )
    assert collation == "C"
    assert keys == ["L:MUELLEROVA"]
    for typed in ("Mü", "Müll", "Muellerov"):
        assert [h.id for h in find(pg_office, typed).hits] == [person], typed


def test_one_active_pass_per_person_is_enforced_by_postgresql(pg_office: ServiceContext) -> None:
    person = register(pg_office)
    issue_pass(pg_office, person)
    with pytest.raises(Refused):
        issue_pass(pg_office, person)
    with pg_office.db.reading() as session:
        existing = session.scalars(select(Pass)).one()
    # Below the service: the partial unique index itself refuses a second active pass.
    with (
        pytest.raises(IntegrityError, match="uq_pass_active_holder"),
        pg_office.db.transaction() as session,
    ):
        session.execute(
            text(
                "INSERT INTO pass (id, pass_number, office_id, sequence, person_id, generation, "
                "status, issued_on, issued_by, print_languages, is_stub, created_at) "
                "SELECT gen_random_uuid(), 'EWDAH-99-X', office_id, 99, person_id, 0, 'active', "
                "issued_on, 'x', '[]', false, now() FROM pass WHERE id = :id"
            ),
            {"id": existing.id},
        )
    assert count(pg_office, Pass) == 1


def test_the_database_refuses_to_rewrite_history(pg_office: ServiceContext) -> None:
    number = issue_pass(pg_office, register(pg_office)).pass_number
    add_entry(pg_office, number, EntryInput(kind=EntryKind.BERATUNG, start_date=pg_office.today()))
    for statement in (
        update(AuditEvent).values(actor="x"),
        delete(AuditEvent),
        update(Entry).values(title="x"),
    ):
        # The same exception class as on SQLite, so callers need not know the backend.
        with (
            pytest.raises(IntegrityError, match="append-only"),
            pg_office.db.transaction() as session,
        ):
            session.execute(statement)
    with pg_office.db.reading() as session:
        assert verify_chain(session).ok
        assert session.scalar(select(AuditEvent.actor).limit(1)) != "x"


def _issue_from_threads(
    url: str, today: Callable[..., Any], chunks: list[list[Any]]
) -> tuple[list[str], list[BaseException]]:
    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(chunks))

    def worker(chunk: list[Any]) -> None:
        ctx = ServiceContext(db=open_database(url), clerk="w", today=today)
        try:
            start.wait()
            for person in chunk:
                try:
                    numbers.append(issue_pass(ctx, person).pass_number)
                except Refused as refused:
                    errors.append(refused)
        except BaseException as error:
            errors.append(error)
        finally:
            ctx.db.dispose()

    threads = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return numbers, errors


def test_two_clerks_issuing_at_once_never_share_a_number(pg_office: ServiceContext) -> None:
    people = [register(pg_office, "Person", f"Nummer{chr(65 + i)}") for i in range(16)]
    url = pg_office.db.engine.url.render_as_string(hide_password=False)
    numbers, errors = _issue_from_threads(url, pg_office.today, [people[0::2], people[1::2]])
    assert not errors
    assert sorted(PassNumber.parse(n).sequence for n in numbers) == list(range(1, 17))
    with pg_office.db.reading() as session:
        # Writers take turns (as on SQLite), so the audit chain never forks.
        assert verify_chain(session).ok
        assert session.scalar(select(Installation.change_counter)) >= 16


def test_two_clerks_issuing_for_the_same_person_at_once(pg_office: ServiceContext) -> None:
    person = register(pg_office)
    url = pg_office.db.engine.url.render_as_string(hide_password=False)
    numbers, errors = _issue_from_threads(url, pg_office.today, [[person], [person]])
    assert len(numbers) == 1
    assert len(errors) == 1
    assert isinstance(errors[0], Refused), errors
    assert count(pg_office, Pass) == 1


def test_clerks_registering_at_once_keep_one_audit_chain(pg_office: ServiceContext) -> None:
    url = pg_office.db.engine.url.render_as_string(hide_password=False)
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def worker(letter: str) -> None:
        ctx = ServiceContext(db=open_database(url), clerk=f"clerk {letter}", today=pg_office.today)
        try:
            start.wait()
            for i in range(8):
                register(ctx, f"Familie{letter}", f"Kind{chr(65 + i)}")
        except BaseException as error:
            errors.append(error)
        finally:
            ctx.db.dispose()

    threads = [threading.Thread(target=worker, args=(letter,)) for letter in "XYZ"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    with pg_office.db.reading() as session:
        assert verify_chain(session).ok


# --- the command line on PostgreSQL ---------------------------------------------------------


def _cli(url: str, folder: Path, *args: str) -> dict[str, Any]:
    env = {**os.environ, **acting_as(), "PASSAPP_OUTPUT_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, "-m", "passapp", "--db", url, "--json", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, (done.stdout, done.stderr)
    payload: dict[str, Any] = json.loads(done.stdout)
    return payload


def test_command_line_with_a_postgresql_url(pg_url: str, tmp_path: Path) -> None:
    district = _cli(
        pg_url, tmp_path, "district", "init", "--name", "Landkreis Dachau", "--code", "LRADAH",
        *ADMIN_ARGS,
    )  # fmt: skip
    assert district
    assert _cli(pg_url, tmp_path, "find", "Müller")["results"] == []
