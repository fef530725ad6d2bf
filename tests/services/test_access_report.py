"""The Art. 15 access report (issue 10, item 5): every category of data the office holds
on the person, the recipients, no other person's data, both files whole, the write audited."""

from __future__ import annotations

import datetime as dt
import errno
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, update

from passapp.domain.dates import PartialDate
from passapp.domain.entries import CefrLevel, EntryKind, EntryStatus
from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent, Person
from passapp.services import access_report as access_report_module
from passapp.services.access_report import access_report, write_access_report
from passapp.services.audit import verify_chain
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.erasure import store_retention_years
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.passes import issue_pass
from passapp.services.people import CONSENT_NOTICE_VERSION, PersonInput, register_person
from passapp.services.sync import export_bundles, import_bundle

DAY = dt.date(2026, 11, 20)

HOLDER = PersonInput(
    family_names="Al-Hassan",
    given_names="Mohammed Abdullah",
    family_names_original="الحسن",
    given_names_original="محمد عبدالله",
    birth_date=PartialDate(1990, 5, None),
    arrival_date=PartialDate(2024, 3, 1),
    moved_from_abroad=True,
    sex="m",
    nationalities=("SYR",),
    languages=("ar", "de"),
    municipality="Dachau",
    contact="0176 1234567",
    consent=True,
    consent_notice_version=CONSENT_NOTICE_VERSION,
    consent_language="ar",
)
OTHER = PersonInput(
    family_names="Okafor",
    given_names="Chinedu",
    birth_date=PartialDate(1988, 1, 2),
    moved_from_abroad=True,
    contact="okafor@example.org",
)


@dataclass(frozen=True)
class World:
    holder: uuid.UUID
    other: uuid.UUID
    pass_number: str


def _send(sender: ServiceContext, recipient: ServiceContext, path: Path, to: str | None) -> None:
    export_bundles(sender, path, to)
    import_bundle(recipient, path)


@pytest.fixture
def world(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    tmp_path: Path,
) -> World:
    """A holder with a pass, an entry of the office and one of the VHS (relayed by the
    district), and a second person with a pass and an entry of their own."""
    holder = register_person(office_ctx, HOLDER).person.id
    other = register_person(office_ctx, OTHER).person.id
    issued = issue_pass(office_ctx, holder)
    other_pass = issue_pass(office_ctx, other)
    add_entry(
        office_ctx,
        issued.pass_number,
        EntryInput(EntryKind.BERATUNG, DAY, status=EntryStatus.ABGESCHLOSSEN),
    )
    add_entry(
        office_ctx,
        other_pass.pass_number,
        EntryInput(EntryKind.PRAKTIKUM, DAY, title="Bäckerei Huber"),
    )
    _send(office_ctx, district_ctx, tmp_path / "ew-1.passapp", None)
    assert issued.qr_digits is not None
    add_entry(
        provider,
        issued.qr_digits,
        EntryInput(
            EntryKind.SPRACHKURS,
            DAY,
            status=EntryStatus.BEGONNEN,
            title="Deutsch B1 Abendkurs",
            provider="VHS Karlsfeld",
            level=CefrLevel.B1,
        ),
    )
    _send(provider, district_ctx, tmp_path / "vhs-1.passapp", None)
    _send(district_ctx, office_ctx, tmp_path / "lra-1.passapp", "EWDAH")
    return World(holder, other, issued.pass_number)


def test_every_category_of_data_is_in_the_report(office_ctx: ServiceContext, world: World) -> None:
    report = access_report(office_ctx, world.holder)

    person = report.person
    assert (person.family_names, person.given_names) == ("Al-Hassan", "Mohammed Abdullah")
    assert (person.family_names_original, person.given_names_original) == ("الحسن", "محمد عبدالله")
    assert person.family_names_latin
    assert person.given_names_latin
    assert person.birth_date == PartialDate(1990, 5, None)
    assert (person.sex, person.nationalities, person.languages) == ("m", ("SYR",), ("ar", "de"))
    assert person.arrival_date == PartialDate(2024, 3, 1)
    assert person.moved_from_abroad
    assert person.municipality is not None
    assert "Dachau" in person.municipality
    assert person.contact == "0176 1234567"
    assert person.consent
    assert person.consent_notice_version == CONSENT_NOTICE_VERSION
    assert person.consent_recorded_at is not None
    assert (report.source.office_code, report.source.clerk) == ("EWDAH", "test")
    assert report.checks
    assert report.checks[0].status in {"eligible", "needs_review"}
    assert [p.pass_number for p in report.passes] == [world.pass_number]
    assert [c.generation for c in report.passes[0].cards] == [0]
    assert [(e.kind, e.office_code) for e in report.entries] == [
        ("beratung", "EWDAH"),
        ("sprachkurs", "VHSKA"),
    ]
    course = report.entries[1]
    assert (course.title, course.provider, course.level) == (
        "Deutsch B1 Abendkurs",
        "VHS Karlsfeld",
        "B1",
    )
    actions = [e.action for e in report.audit_events]
    assert {"person.register", "pass.issue", "entry.record"} <= set(actions)
    # The district's bundle brought its period (three years, the default it keeps).
    assert report.retention_years == 3
    assert not report.retention_is_proposal


def test_the_report_states_the_districts_retention_period_once_it_arrived(
    office_ctx: ServiceContext, world: World
) -> None:
    """Before, the report always said three years "as a proposal", whatever the district
    had set (the retention period travels to the offices in the district's bundles)."""
    with office_ctx.db.transaction() as session:
        assert store_retention_years(session, 5)
    report = access_report(office_ctx, world.holder)
    assert report.retention_years == 5
    assert not report.retention_is_proposal


def test_before_the_district_set_a_period_the_default_is_called_a_proposal(
    office_ctx: ServiceContext,
) -> None:
    person = register_person(
        office_ctx, PersonInput("Haddad", "Rana", PartialDate(1994, 5, 17), moved_from_abroad=True)
    ).person.id
    report = access_report(office_ctx, person)
    assert (report.retention_years, report.retention_is_proposal) == (3, True)


def test_recipients_are_the_district_with_identity_and_the_offices_that_logged_entries(
    office_ctx: ServiceContext, world: World
) -> None:
    recipients = access_report(office_ctx, world.holder).recipients
    # An office knows another office by its code only (from the relayed entries).
    assert [(r.kind, r.name, r.code) for r in recipients] == [
        ("district_identity", "Landkreis Dachau", None),
        ("entry_office", "VHSKA", "VHSKA"),
    ]


def test_without_consent_the_district_received_only_anonymous_fields(
    office_ctx: ServiceContext, world: World
) -> None:
    recipients = access_report(office_ctx, world.other).recipients
    assert [r.kind for r in recipients] == ["district_anonymous"]
    assert "birth_year" in recipients[0].fields
    assert not {"family_names", "birth_date", "contact"} & set(recipients[0].fields)


def test_no_data_of_another_person_is_in_the_files(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    pdf, json_path = write_access_report(office_ctx, world.holder, tmp_path / "auskunft.pdf")
    text = json_path.read_text("utf-8")
    for foreign in ("Okafor", "Chinedu", "okafor@example.org", "Bäckerei", str(world.other)):
        assert foreign not in text
    assert b"Okafor" not in pdf.read_bytes()


def test_both_files_are_written_and_the_json_has_the_documented_keys(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    pdf, json_path = write_access_report(office_ctx, world.holder, tmp_path / "auskunft.pdf")

    assert (pdf, json_path) == (tmp_path / "auskunft.pdf", tmp_path / "auskunft.json")
    assert pdf.read_bytes().startswith(b"%PDF-")
    data = json.loads(json_path.read_text("utf-8"))
    assert {
        "format",
        "version",
        "language",
        "scope",
        "made_at",
        "office_code",
        "person",
        "source",
        "recipients",
        "retention_years",
        "checks",
        "passes",
        "entries",
        "audit_events",
    } <= set(data)
    assert (data["format"], data["version"], data["language"]) == (
        "passapp-access-report",
        1,
        "ar",
    )
    assert data["person"]["birth_date"] == "1990-05-00"
    assert data["person"]["family_names_original"] == "الحسن"
    assert data["passes"][0]["pass_number"] == world.pass_number
    assert data["entries"][1]["level"] == "B1"


def test_the_write_is_audited_and_listed_in_the_report_itself(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    _, json_path = write_access_report(
        office_ctx, world.holder, tmp_path / "auskunft.pdf", language="de"
    )
    with office_ctx.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "person.report")
        ).one()
        assert verify_chain(session).ok
    assert (event.object_id, event.details) == (str(world.holder), {"language": None})
    data = json.loads(json_path.read_text("utf-8"))
    assert data["audit_events"][-1]["action"] == "person.report"
    assert data["language"] is None


def test_a_failed_write_leaves_no_files_and_no_audit_event(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(OSError, match="a-file"):
        write_access_report(office_ctx, world.holder, blocked / "auskunft.pdf")
    with office_ctx.db.reading() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "person.report" not in actions
    assert blocked.read_text() == "not a folder"


def test_a_pdf_that_cannot_be_written_takes_the_json_with_it(
    office_ctx: ServiceContext, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stick that fills up between the two files: simulated, as a real full disk cannot be.
    real_write = access_report_module.write_atomically

    def full_after_json(path: Path, content: bytes) -> None:
        if path.suffix == ".pdf":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, content)

    monkeypatch.setattr(access_report_module, "write_atomically", full_after_json)
    with pytest.raises(OSError, match="No space"):
        write_access_report(office_ctx, world.holder, tmp_path / "auskunft.pdf")
    assert list(tmp_path.glob("auskunft*")) == []
    with office_ctx.db.reading() as session:
        assert "person.report" not in session.scalars(select(AuditEvent.action)).all()


def test_a_json_name_taken_by_a_folder_is_refused_before_anything_is_written(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    (tmp_path / "auskunft.json").mkdir()
    with pytest.raises(InputError, match="folder"):
        write_access_report(office_ctx, world.holder, tmp_path / "auskunft.pdf")
    assert not (tmp_path / "auskunft.pdf").exists()


def test_unknown_erased_and_merged_people_are_refused(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    out = tmp_path / "auskunft.pdf"
    with pytest.raises(NotFound):
        write_access_report(office_ctx, uuid.uuid4(), out)
    with office_ctx.db.transaction() as session:
        session.execute(
            update(Person).where(Person.id == world.other).values(merged_into_id=world.holder)
        )
    with pytest.raises(Refused, match="merged"):
        write_access_report(office_ctx, world.other, out)
    with office_ctx.db.transaction() as session:
        session.execute(
            update(Person)
            .where(Person.id == world.other)
            .values(erased_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
        )
    with pytest.raises(Refused, match="erased") as refused:
        write_access_report(office_ctx, world.other, out)
    assert "gelöscht" in refused.value.message_de
    assert not out.exists()
    assert not out.with_suffix(".json").exists()


def test_an_output_name_that_is_not_a_pdf_and_a_language_without_texts_are_bad_input(
    office_ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match=r"\.pdf"):
        write_access_report(office_ctx, world.holder, tmp_path / "auskunft.json")
    with pytest.raises(InvalidInput, match="no access report texts"):
        write_access_report(office_ctx, world.holder, tmp_path / "a.pdf", language="ti")
    assert list(tmp_path.glob("a.*")) == []
