"""Audit events travel to the district in bundles and are checked there (issue 10)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import func, select

from passapp.models.entities import AuditEvent
from passapp.models.sync_entities import AuditAcknowledged, OfficeAuditEvent
from passapp.services import audit, audit_sync
from passapp.services.context import ServiceContext
from passapp.services.passes import issue_pass
from passapp.services.sync import ImportReport, export_bundles, import_bundle
from passapp.services.sync_limits import MAX_RECORD_BYTES
from tests.services.helpers import register
from tests.support.accounts import acting_as, add_admin
from tests.sync.forging import forge


def send(
    sender: ServiceContext, receiver: ServiceContext, path: Path, to: str | None = None
) -> ImportReport:
    export_bundles(sender, path, to)
    return import_bundle(receiver, path)


def held_at_district(district: ServiceContext) -> list[tuple[int, str, str]]:
    with district.db.reading() as session:
        rows = session.scalars(
            select(OfficeAuditEvent)
            .where(OfficeAuditEvent.office_code == "EWDAH")
            .order_by(OfficeAuditEvent.seq)
        )
        return [(e.seq, e.action, e.hash) for e in rows]


def office_log(office: ServiceContext) -> list[tuple[int, str, str]]:
    with office.db.reading() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        return [(e.seq, e.action, e.hash) for e in rows]


def test_the_office_log_reaches_the_district_once_and_checks_out(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    issue_pass(office_ctx, register(office_ctx))
    first = send(office_ctx, district_ctx, tmp_path / "1.passapp")
    assert first.audit_problem is None
    assert held_at_district(district_ctx) == office_log(office_ctx)[:-1]  # not its own export
    # The district confirms what it holds; the office then sends only what is new.
    send(district_ctx, office_ctx, tmp_path / "back.passapp", "EWDAH")
    with office_ctx.db.reading() as session:
        assert session.get_one(AuditAcknowledged, "LRADAH").seq == len(office_log(office_ctx)) - 2
    register(office_ctx, family="Haddad")
    second = send(office_ctx, district_ctx, tmp_path / "2.passapp")
    assert second.audit_problem is None
    assert held_at_district(district_ctx) == office_log(office_ctx)[:-1]
    with district_ctx.db.reading() as session:
        held = session.scalar(select(func.count()).select_from(OfficeAuditEvent))
    assert held == len(office_log(office_ctx)) - 1


def drop_guards(db: sqlite3.Connection) -> None:
    db.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    db.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")


def test_a_changed_office_event_is_reported_at_the_district_and_the_changes_still_apply(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path, db_path: Path
) -> None:
    register(office_ctx)
    with closing(sqlite3.connect(db_path)) as db, db:
        drop_guards(db)
        db.execute("UPDATE audit_event SET actor = 'jemand' WHERE action = 'person.register'")
    report = send(office_ctx, district_ctx, tmp_path / "1.passapp")
    assert report.applied >= 1  # the registration arrived all the same
    assert report.audit_problem is not None
    assert "Eintrag Nr. 4 (person.register, person " in report.audit_problem
    assert report.audit_problem.endswith("von jemand) geändert.")
    assert report.to_json()["audit_problem"] == report.audit_problem


def test_events_cut_and_rewritten_after_sending_are_reported_at_the_district(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path, db_path: Path
) -> None:
    register(office_ctx)
    register(office_ctx, family="Haddad")
    assert send(office_ctx, district_ctx, tmp_path / "1.passapp").audit_problem is None
    with closing(sqlite3.connect(db_path)) as db, db:
        drop_guards(db)
        db.execute("DELETE FROM audit_event WHERE seq >= 5")  # the second registration
    register(office_ctx, family="Osei")
    report = send(office_ctx, district_ctx, tmp_path / "2.passapp")
    assert report.audit_problem is not None
    assert "Eintrag Nr. 5 (person.register" in report.audit_problem
    assert report.audit_problem.endswith("geändert.")


def test_a_long_log_travels_in_records_under_the_size_limit(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    with office_ctx.db.transaction() as session:
        for number in range(300):
            audit.record(
                session,
                actor="test",
                office_code="EWDAH",
                action="person.open",
                object_type="person",
                object_id=str(number),
                details={"note": "x" * 400},
            )
    with office_ctx.db.reading() as session:
        records = list(audit_sync.outgoing(session, "office", "LRADAH"))
    sizes = [len(json.dumps(r, ensure_ascii=False).encode()) for r in records]
    assert len(records) > 2
    assert max(sizes) < MAX_RECORD_BYTES
    assert send(office_ctx, district_ctx, tmp_path / "1.passapp").audit_problem is None
    assert held_at_district(district_ctx) == office_log(office_ctx)[:-1]


def test_the_newest_events_cut_off_are_reported_at_the_district(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path, db_path: Path
) -> None:
    register(office_ctx)
    register(office_ctx, family="Haddad")
    assert send(office_ctx, district_ctx, tmp_path / "1.passapp").audit_problem is None
    with closing(sqlite3.connect(db_path)) as db, db:
        drop_guards(db)
        db.execute("DELETE FROM audit_event WHERE seq >= 5")  # the chain alone stays valid
    report = send(office_ctx, district_ctx, tmp_path / "2.passapp")
    assert report.audit_problem == (
        "Protokoll von EWDAH: nur noch 4 Einträge, hier liegen schon 5."
    )


def test_malformed_audit_events_from_an_office_are_reported_not_stored(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> None:
    good = {
        "seq": 1,
        "id": "not a uuid",
        "occurred_at": "2026-12-05T04:00:00+00:00",
        "office_code": "EWDAH",
        "actor": "x",
        "action": "person.open",
        "object_type": "person",
        "object_id": None,
        "details": {},
        "prev_hash": "0" * 64,
        "hash": "0" * 64,
    }
    records = [
        {"type": "audit", "count": 1, "events": [good, {**good, "actor": ["a"]}, "text", {}]},
        {"type": "audit", "count": True, "events": "none"},
    ]
    report = import_bundle(district_ctx, forge(office_ctx, district_ctx, records, tmp_path / "f"))
    assert report.audit_problem == "Protokoll von EWDAH: ein Eintrag ist unlesbar."
    assert held_at_district(district_ctx) == []


def test_the_command_line_says_when_the_senders_log_is_broken(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path, db_path: Path
) -> None:
    from click.testing import CliRunner

    from passapp.cli import main

    register(office_ctx)
    with closing(sqlite3.connect(db_path)) as db, db:
        drop_guards(db)
        db.execute("UPDATE audit_event SET actor = 'jemand' WHERE action = 'person.register'")
    export_bundles(office_ctx, tmp_path / "1.passapp")
    add_admin(district_ctx)
    district_db = str(district_ctx.db.engine.url.database)
    done = CliRunner().invoke(
        main, ["--db", district_db, "sync", "import", str(tmp_path / "1.passapp")], env=acting_as()
    )
    assert done.exit_code == 0, done.stderr
    [summary, problem] = done.stdout.splitlines()
    assert summary.startswith("Von EWDAH: 2 übernommen")
    assert "Eintrag Nr. 4 (person.register" in problem
