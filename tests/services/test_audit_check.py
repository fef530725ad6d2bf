"""The audit check names the first changed, removed, reordered or inserted event.

Every tamper is done as an attacker with the file would: raw ``sqlite3`` on the database
file, after dropping the append-only triggers.
"""

from __future__ import annotations

import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from passapp.models.entities import AuditEvent
from passapp.services import audit
from passapp.services.audit import ChainCheck, Problem, verify_chain
from passapp.services.context import ServiceContext
from passapp.services.passes import issue_pass
from tests.conftest import make_context
from tests.services.helpers import register

# office.init, office.request, office.install, then these: seq 4 to 8.
WRITES = ["person.register", "pass.issue", "person.register", "pass.issue", "person.register"]


@pytest.fixture
def logged(office_ctx: ServiceContext) -> ServiceContext:
    issue_pass(office_ctx, register(office_ctx, family="Ahmadi"))
    issue_pass(office_ctx, register(office_ctx, family="Haddad"))
    register(office_ctx, family="Osei")
    return office_ctx


@contextmanager
def attacker(db_path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        connection.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        yield connection


def check(ctx: ServiceContext) -> ChainCheck:
    with ctx.db.reading() as session:
        return verify_chain(session)


def actions(ctx: ServiceContext) -> list[str]:
    with ctx.db.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def recomputed_hash(ctx: ServiceContext, seq: int) -> str:
    """What an attacker who read the code computes for a row as it now stands."""
    with ctx.db.reading() as session:
        return audit.event_hash(session.get_one(AuditEvent, seq))


def test_an_untouched_log_is_intact_and_names_its_last_event(logged: ServiceContext) -> None:
    assert actions(logged)[3:] == WRITES
    result = check(logged)
    assert result.ok
    assert result.problem is None
    assert result.events == 8
    assert result.last is not None
    assert result.last.seq == 8
    assert result.last.action == "person.register"
    assert result.message_de().startswith("Protokoll intakt: 8 Einträge, letzter am ")


@pytest.mark.parametrize("seq", [1, 4, 6, 8])
def test_a_changed_event_is_named(logged: ServiceContext, db_path: Path, seq: int) -> None:
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET actor = 'jemand' WHERE seq = ?", (seq,))
    result = check(logged)
    assert result.problem is Problem.CHANGED
    assert result.event is not None
    assert (result.event.seq, result.event.actor) == (seq, "jemand")
    assert result.event.action == actions(logged)[seq - 1]
    assert f"Eintrag Nr. {seq} vom " in result.message_de()
    assert result.message_de().endswith("wurde geändert.")


def test_a_changed_event_with_its_hash_recomputed_is_named(
    logged: ServiceContext, db_path: Path
) -> None:
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET object_id = 'x' WHERE seq = 5")
    new_hash = recomputed_hash(logged, 5)
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET hash = ? WHERE seq = 5", (new_hash,))
    result = check(logged)
    assert result.problem is Problem.CHANGED
    assert result.event is not None
    assert result.event.seq == 5
    assert result.event.object_id == "x"


@pytest.mark.parametrize(("first", "last"), [(5, 5), (4, 6), (1, 2)])
def test_removed_events_are_named_by_their_seq_range(
    logged: ServiceContext, db_path: Path, first: int, last: int
) -> None:
    with attacker(db_path) as db:
        db.execute("DELETE FROM audit_event WHERE seq BETWEEN ? AND ?", (first, last))
    result = check(logged)
    assert result.problem is Problem.REMOVED
    assert result.missing == (first, last)
    assert result.event is not None
    assert result.event.seq == last + 1
    assert result.events == 8 - (last - first + 1)
    gap = f"Nr. {first}" if first == last else f"Nr. {first} bis {last}"
    assert f"Eintrag {gap} gelöscht (vor Eintrag Nr. {last + 1} vom " in result.message_de()


def test_swapped_events_are_named(logged: ServiceContext, db_path: Path) -> None:
    moved = actions(logged)[4]  # seq 5, pass.issue, now placed before seq 4
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET seq = -1 WHERE seq = 4")
        db.execute("UPDATE audit_event SET seq = 4 WHERE seq = 5")
        db.execute("UPDATE audit_event SET seq = 5 WHERE seq = -1")
    result = check(logged)
    assert result.problem is Problem.REORDERED
    assert result.event is not None
    assert result.follows is not None
    assert (result.event.seq, result.event.action) == (4, moved)
    assert (result.follows.seq, result.follows.action) == (5, "person.register")
    assert "steht an falscher Stelle (gehört hinter Nr. 5)" in result.message_de()


def _make_room_after(db: sqlite3.Connection, seq: int) -> None:
    # Shift the later events up by one (via negative numbers, so no key collides).
    db.execute("UPDATE audit_event SET seq = -seq - 1 WHERE seq > ?", (seq,))
    db.execute("UPDATE audit_event SET seq = -seq WHERE seq < 0")


def _forged_row(db: sqlite3.Connection, seq: int, copy_of: int) -> None:
    columns = "occurred_at, office_code, actor, action, object_type, object_id, details, prev_hash"
    db.execute(
        f"INSERT INTO audit_event (seq, id, {columns}, hash) "
        f"SELECT ?, ?, {columns}, ? FROM audit_event WHERE seq = ?",
        (seq, uuid.uuid4().hex, "f" * 64, copy_of),
    )


def test_an_inserted_event_is_named(logged: ServiceContext, db_path: Path) -> None:
    with attacker(db_path) as db:
        _make_room_after(db, 5)
        # After seq 5, claiming seq 5 as predecessor (copied from the old seq 6).
        _forged_row(db, 6, copy_of=7)
    forged_hash = recomputed_hash(logged, 6)  # the attacker makes its own hash valid
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET hash = ? WHERE seq = 6", (forged_hash,))
    result = check(logged)
    assert result.problem is Problem.INSERTED
    assert result.event is not None
    assert result.event.seq == 6
    assert result.events == 9
    assert result.message_de().endswith("wurde eingefügt.")


def test_an_inserted_event_with_a_made_up_hash_is_named(
    logged: ServiceContext, db_path: Path
) -> None:
    with attacker(db_path) as db:
        _make_room_after(db, 3)
        _forged_row(db, 4, copy_of=5)
    result = check(logged)
    assert result.problem is Problem.INSERTED
    assert result.event is not None
    assert result.event.seq == 4


def test_removing_the_newest_events_only_changes_the_head(
    logged: ServiceContext, db_path: Path
) -> None:
    # The documented limit: a cut at the end leaves a valid chain; only a head kept
    # elsewhere (the district's copy) shows it.
    before = check(logged)
    with attacker(db_path) as db:
        db.execute("DELETE FROM audit_event WHERE seq > 6")
    after = check(logged)
    assert after.ok
    assert after.events == 6
    assert after.head != before.head


TAMPERS = {
    "change": ["UPDATE audit_event SET actor = 'jemand' WHERE seq = :k"],
    "delete": ["DELETE FROM audit_event WHERE seq = :k"],
    "swap": [
        "UPDATE audit_event SET seq = -1 WHERE seq = :k",
        "UPDATE audit_event SET seq = :k WHERE seq = :k + 1",
        "UPDATE audit_event SET seq = :k + 1 WHERE seq = -1",
    ],
}


@settings(max_examples=30)  # each example is a real file; the ci profile fixes the seed
@given(
    length=st.integers(min_value=2, max_value=9),
    position=st.integers(min_value=1, max_value=9),
    tamper=st.sampled_from(sorted(TAMPERS)),
)
def test_any_single_tamper_names_the_right_event(length: int, position: int, tamper: str) -> None:
    k = min(position, length - 1 if tamper == "swap" else length)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.sqlite3"
        ctx = make_context(path)
        with ctx.db.transaction() as session:
            for number in range(length):
                audit.record(
                    session,
                    actor="test",
                    office_code=None,
                    action="person.open",
                    object_type="person",
                    object_id=str(number),
                )
        with attacker(path) as db:
            for statement in TAMPERS[tamper]:
                db.execute(statement, {"k": k})
        result = check(ctx)
        ctx.db.dispose()
    if tamper == "delete" and k == length:
        assert (result.ok, result.events) == (True, length - 1)  # the documented limit
        return
    expected = {"change": Problem.CHANGED, "delete": Problem.REMOVED, "swap": Problem.REORDERED}
    assert result.problem is expected[tamper]
    assert result.event is not None
    assert result.event.seq == (k + 1 if tamper == "delete" else k)
    if tamper == "delete":
        assert result.missing == (k, k)
    if tamper == "swap":
        assert result.follows is not None
        assert result.follows.seq == k + 1
        assert result.event.object_id == str(k)  # the old k+1, now numbered k


def test_a_broken_log_still_reports_its_newest_hash(logged: ServiceContext, db_path: Path) -> None:
    intact = check(logged)
    with attacker(db_path) as db:
        db.execute("UPDATE audit_event SET actor = 'jemand' WHERE seq = 2")
    assert check(logged).head == intact.head
