"""The Desk (issue 10): every use case passes the role check, and a refused one changes
nothing but the audit log's note of the refusal.

Every use case in ``desk.NEEDS`` is tried with every role, at an office and at the
district; the table below gives each a call. A role without the permission gets
``PermissionDenied`` and the database (all tables but the audit log) stays byte for byte
the same; a role with it never gets ``PermissionDenied`` (the call may fail for other
reasons: the arguments are examples, not always valid ones).
"""

from __future__ import annotations

import datetime as dt
import inspect
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, text

from passapp.domain.accounts import Permission, Role, may
from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.privacy_contact import privacy_contact
from passapp.domain.profile import LearnerProfile
from passapp.models.entities import AuditEvent
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters
from passapp.services.desk import NEEDS, Desk, Gate, PermissionDenied
from passapp.services.entries import EntryInput
from passapp.services.errors import ServiceError
from passapp.services.offers import OfferInput
from passapp.services.people import PersonInput
from tests.conftest import make_context
from tests.services.helpers import register

PASSWORDS = {
    Role.OFFICE_ADMIN: "Lindenallee 12, Dachau",
    Role.CLERK: "Schalter-drei im Rathaus",
    Role.AUDITOR: "Prüfung am Freitag 2026",
    Role.DISTRICT_ADMIN: "Landratsamt Weiherweg 16",
}
NAMES = {
    Role.OFFICE_ADMIN: "huber",
    Role.CLERK: "meier",
    Role.AUDITOR: "pruefer",
    Role.DISTRICT_ADMIN: "kreis",
}


def _person_input() -> PersonInput:
    return PersonInput(
        family_names="Okafor",
        given_names="Chinedu",
        birth_date=PartialDate.parse("1990-09-09"),
        arrival_date=PartialDate.parse("2024-01-10"),
        moved_from_abroad=True,
    )


def calls(person_id: uuid.UUID, folder: Path) -> dict[str, Callable[[Desk], object]]:
    """One example call per use case (the keys are exactly those of NEEDS)."""
    missing = folder / "missing.json"
    return {
        "find": lambda d: d.find("Okafor"),
        "register_person": lambda d: d.register_person(_person_input()),
        "preview_registration": lambda d: d.preview_registration(_person_input()),
        "update_person": lambda d: d.update_person(person_id, _person_input()),
        "get_person": lambda d: d.get_person(person_id),
        "person_input": lambda d: d.person_input(person_id),
        "set_learner_profile": lambda d: d.set_learner_profile(person_id, LearnerProfile()),
        "learner_profile": lambda d: d.learner_profile(person_id),
        "check_person": lambda d: d.check_person(person_id),
        "person_overview": lambda d: d.person_overview(person_id),
        "note_person_opened": lambda d: d.note_person_opened(person_id),
        "withdraw_consent": lambda d: d.withdraw_consent(person_id),
        "issue_pass": lambda d: d.issue_pass(person_id, out_pdf=folder / "pass.pdf"),
        "replace_pass": lambda d: d.replace_pass("EWDAH-000001-58"),
        "revoke_pass": lambda d: d.revoke_pass("EWDAH-000001-58", "verloren"),
        "print_entry_sheet": lambda d: d.print_entry_sheet("EWDAH-000001-58", folder / "s.pdf"),
        "verify_pass": lambda d: d.verify_pass("nonsense"),
        "add_entry": lambda d: d.add_entry(
            "EWDAH-000001-58", EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 20))
        ),
        "list_entries": lambda d: d.list_entries("EWDAH-000001-58"),
        "list_offers": lambda d: d.list_offers(),
        "export_offers": lambda d: d.export_offers(folder / "offers.csv"),
        "record_read": lambda d: d.record_read(
            action="person.open", object_type="person", object_id=person_id
        ),
        "access_report": lambda d: d.access_report(person_id),
        "write_access_report": lambda d: d.write_access_report(person_id, folder / "a.pdf"),
        "erase_person": lambda d: d.erase_person(person_id, "Antrag nach Art. 17"),
        "run_retention": lambda d: d.run_retention(dry_run=True),
        "export_bundles": lambda d: d.export_bundles(folder / "out"),
        "import_bundle": lambda d: d.import_bundle(missing),
        "sync_status": lambda d: d.sync_status(),
        "list_conflicts": lambda d: d.list_conflicts(),
        "resolve_conflict": lambda d: d.resolve_conflict(str(uuid.UUID(int=7)), "applied"),
        "write_enrolment_request": lambda d: d.write_enrolment_request(folder / "req.json"),
        "write_enrolment_request_into": lambda d: d.write_enrolment_request_into(folder),
        "install_package": lambda d: d.install_package(missing),
        "list_accounts": lambda d: d.list_accounts(),
        "add_account": lambda d: d.add_account("neu", Role.CLERK, "ein langes Passwort 1"),
        "disable_account": lambda d: d.disable_account("meier"),
        "enable_account": lambda d: d.enable_account("meier"),
        "reset_password": lambda d: d.reset_password("meier", "ein anderes Passwort 2"),
        # The key file beside the database is refused; the plain database has no plain copy.
        "encrypt_database": lambda d: d.encrypt_database(folder / "db.key"),
        "decrypt_database_copy": lambda d: d.decrypt_database_copy(folder / "plain.sqlite3"),
        # The plain database has no key to change: refused by the use case itself.
        "rekey_database": lambda d: d.rekey_database(folder.parent / "neu.key"),
        # A folder is no backup file: refused by the use case itself.
        "backup_database": lambda d: d.backup_database(folder),
        "backup_into_folder": lambda d: d.backup_into_folder(folder / "fehlt", 14),
        "begin_restore": lambda d: d.begin_restore(missing),
        "save_offer": lambda d: d.save_offer(
            OfferInput(title="Deutschkurs B1", category="sprachkurs", provider="VHS")
        ),
        "set_offer_active": lambda d: d.set_offer_active("deutschkurs-b1", False),
        "import_offers": lambda d: d.import_offers(missing.with_suffix(".csv")),
        "demand_report": lambda d: d.demand_report(DemandFilters()),
        "merge_people": lambda d: d.merge_people(person_id, uuid.uuid4(), "doppelt"),
        "possible_duplicates": lambda d: d.possible_duplicates(),
        "dismiss_duplicate": lambda d: d.dismiss_duplicate(person_id, uuid.uuid4()),
        "dismissed_duplicates": lambda d: d.dismissed_duplicates(),
        "take_back_dismissal": lambda d: d.take_back_dismissal(person_id, uuid.uuid4()),
        "enrol_office": lambda d: d.enrol_office(missing, folder / "package.json"),
        "export_trust_list": lambda d: d.export_trust_list(folder / "trust.json"),
        "mark_key_compromised": lambda d: d.mark_key_compromised(
            "EWDAH", 1, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        ),
        "list_offices": lambda d: d.list_offices(),
        "set_silent_days": lambda d: d.set_silent_days(14),
        "preview_enrolment": lambda d: d.preview_enrolment(missing),
        "record_pass_status": lambda d: d.record_pass_status(
            "EWDAH-000001-58", revoked=True, generation=None, reason="Test"
        ),
        "set_retention_years": lambda d: d.set_retention_years(5),
        "set_privacy_contact": lambda d: d.set_privacy_contact(
            privacy_contact("DSB Landratsamt", "Weiherweg 16, 85221 Dachau", "dsb@example.org")
        ),
        "privacy_contact": lambda d: d.privacy_contact(),
        "sample_data": lambda d: d.sample_data(),
        "check_audit_log": lambda d: d.check_audit_log(),
        "recent_audit_events": lambda d: d.recent_audit_events(),
    }


def snapshot(ctx: ServiceContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit log (which notes the refusal)."""
    with ctx.db.reading() as session:
        tables = sa_inspect(session.get_bind()).get_table_names()
        return {
            table: [
                tuple(row) for row in session.execute(text(f'SELECT * FROM "{table}" ORDER BY 1'))
            ]
            for table in tables
            if table not in {"audit_event", "alembic_version"}
        }


def refusals(ctx: ServiceContext) -> list[str | None]:
    with ctx.db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "permission.refused")
        )
        return [event.object_id for event in events]


@pytest.fixture
def office_desks(office_ctx: ServiceContext, db_path: Path) -> Iterator[dict[Role, Desk]]:
    person_id = register(office_ctx)
    office_ctx.db.dispose()
    admin = Gate(make_context(db_path)).add_first_admin(
        NAMES[Role.OFFICE_ADMIN], PASSWORDS[Role.OFFICE_ADMIN], Role.OFFICE_ADMIN
    )
    for role in (Role.CLERK, Role.AUDITOR):
        admin.add_account(NAMES[role], role, PASSWORDS[role])
    desks = {Role.OFFICE_ADMIN: admin}
    for role in (Role.CLERK, Role.AUDITOR):
        desks[role] = Gate(make_context(db_path)).log_in(NAMES[role], PASSWORDS[role])
    for desk in desks.values():
        desk.person_id = person_id  # type: ignore[attr-defined]
    yield desks
    for desk in desks.values():
        desk.close()


def _ctx(desk: Desk) -> ServiceContext:
    return desk._ctx


@pytest.mark.parametrize("role", [Role.CLERK, Role.AUDITOR, Role.OFFICE_ADMIN])
def test_every_use_case_asks_the_role_at_an_office(
    office_desks: dict[Role, Desk], role: Role, tmp_path: Path
) -> None:
    desk = office_desks[role]
    examples = calls(desk.person_id, tmp_path)  # type: ignore[attr-defined]
    assert examples.keys() == NEEDS.keys()
    refused = []
    for use_case, call in examples.items():
        before = snapshot(_ctx(desk))
        if may(role, NEEDS[use_case]):
            try:
                call(desk)
            except PermissionDenied as error:  # pragma: no cover - the failure
                pytest.fail(f"{role} was refused {use_case}: {error}")
            except (ServiceError, ValueError, OSError):
                pass  # an example argument the use case itself turns down
        else:
            with pytest.raises(PermissionDenied) as refusal:
                call(desk)
            assert "Rolle" in refusal.value.message_de
            assert snapshot(_ctx(desk)) == before, f"{use_case} changed data for {role}"
            refused.append(use_case)
    assert desk.may("find") is may(role, Permission.COUNTER)
    # Each refusal is in the audit log, in order (the office admin is refused the
    # district's work).
    assert refused
    assert refusals(_ctx(desk))[-len(refused) :] == refused


def test_the_role_matrix_says_what_the_issue_asks(office_desks: dict[Role, Desk]) -> None:
    clerk, auditor = office_desks[Role.CLERK], office_desks[Role.AUDITOR]
    for use_case in (
        "export_bundles",
        "import_bundle",
        "add_account",
        "list_accounts",
        "erase_person",
        "save_offer",
        "merge_people",
    ):
        assert not clerk.may(use_case), use_case
    assert clerk.may("issue_pass")
    assert clerk.may("add_entry")
    assert clerk.may("withdraw_consent")
    assert not auditor.may("find")
    assert auditor.may("check_audit_log")
    admin = office_desks[Role.OFFICE_ADMIN]
    assert admin.may("erase_person")
    assert admin.may("export_bundles")
    # Only the district merges people and keeps the catalogue.
    assert not admin.may("merge_people")
    assert not admin.may("save_offer")


def test_a_district_admin_may_do_the_districts_work(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = Path(str(district_ctx.db.engine.url.database))
    district_ctx.db.dispose()
    desk = Gate(make_context(path)).add_first_admin(
        NAMES[Role.DISTRICT_ADMIN], PASSWORDS[Role.DISTRICT_ADMIN], Role.DISTRICT_ADMIN
    )
    offer = desk.save_offer(
        OfferInput(title="Deutschkurs B1 am Abend", category="sprachkurs", provider="VHS Dachau")
    )
    assert desk.set_offer_active(offer.slug, False).active is False
    desk.set_retention_years(6)
    assert desk.check_audit_log().ok
    desk.close()


def test_a_logged_out_desk_does_nothing(office_desks: dict[Role, Desk]) -> None:
    admin = office_desks[Role.OFFICE_ADMIN]
    admin.log_out()
    assert not admin.may("find")
    with pytest.raises(PermissionDenied, match="logged out"):
        admin.find("Okafor")
    with pytest.raises(PermissionDenied):
        admin.change_own_password("ein neues Passwort 9")
    # The unlocked key is forgotten with the log-out.
    assert _ctx(admin).passphrase is None


def test_every_public_method_that_acts_is_in_the_table() -> None:
    """A new use case cannot slip past the role check: every public method of the Desk is
    in NEEDS, or one of the few that only say who and where the account is."""
    about_the_account = {
        "account",
        "role_label_de",
        "is_admin",
        "logged_out",
        "may",
        "office",
        "setup_state",
        "is_district",
        "is_demo",
        "output_folder",
        "today",
        "now",
        "database_name",  # where: the file a restore keeps as NAME.<stamp>.replaced
        "tell_lock_waits",
        "confirm_password",
        "log_out",
        "close",
        "change_own_password",  # every account, its own password only
        "describe_bundle",  # asks import_bundle's permission
        "municipality_names",  # reference data, no personal data
        "municipalities",  # the same, as choices for the registration form
    }
    public = {name for name, _ in inspect.getmembers(Desk) if not name.startswith("_")}
    assert public - about_the_account == set(NEEDS)
    for name in NEEDS:
        source = inspect.getsource(getattr(Desk, name))
        assert f'self._require("{name}")' in source, name
