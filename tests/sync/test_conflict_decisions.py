"""Deciding a sync conflict (issue 12): keep the applied value, or take the value that lost
as a new change of this installation that reaches the other sites without a new conflict.

The conflicts are produced as they happen: the district merges a duplicate into an
office's person (the survivor's learner profile gains the duplicate's) while the office
edits that profile; both sides keep the district's united profile as the loser."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.domain.profile import (
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    Situation,
    profile_from_json,
)
from passapp.models.entities import AuditEvent, ChangeRecord, Installation
from passapp.models.sync_entities import SyncConflict
from passapp.services.changes import SETTLES_KEY
from passapp.services.conflicts import resolve_conflict
from passapp.services.context import ServiceContext
from passapp.services.erasure import erase_person
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.merges import merge_people
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass, record_pass_status, replace_pass
from passapp.services.people import get_person, register_person
from passapp.services.profile import learner_profile, set_learner_profile
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle, list_conflicts
from tests.cli.test_cli import cli
from tests.conftest import enrol, make_context
from tests.support.accounts import add_admin
from tests.sync.forging import change, forge
from tests.sync.test_conflicts import (
    PERSON,
    exchange,
    named_apart_by_two_copies,
    to_district,
    to_office,
)

B1_CERTIFICATE = Assessment(GermanLevel.B1, Basis.CERTIFICATE, PartialDate(2025, 6, 30))
A2_SELF = Assessment(GermanLevel.A2, Basis.SELF_ASSESSED, PartialDate(2026, 1, 15))
AT_OFFICE = LearnerProfile(assessments=(A2_SELF,), school_years=8, situation=Situation.LOOKING)
AT_JOBCENTER = LearnerProfile(assessments=(B1_CERTIFICATE,), literacy=Literacy.LATIN)
# The office's own later edit, made before it learnt of the merge.
EDITED = dataclasses.replace(AT_OFFICE, school_years=9)
UNITED = LearnerProfile(
    assessments=(A2_SELF, B1_CERTIFICATE),
    literacy=Literacy.LATIN,
    school_years=8,
    situation=Situation.LOOKING,
)


@pytest.fixture
def jobcenter(district_ctx: ServiceContext, tmp_path: Path) -> Iterator[ServiceContext]:
    folder = tmp_path / "jobcenter"
    folder.mkdir()
    ctx = make_context(folder / "jc.sqlite3", clerk="jc")
    init_office(ctx, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter", municipality="Dachau")
    enrol(ctx, district_ctx, folder)
    yield ctx
    ctx.db.dispose()


def _register(ctx: ServiceContext, given_names: str, profile: LearnerProfile) -> uuid.UUID:
    data = dataclasses.replace(PERSON, given_names=given_names, profile=profile)
    return register_person(ctx, data).person.id


@pytest.fixture
def survivor(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    tmp_path: Path,
) -> uuid.UUID:
    """The office's person whose profile is in conflict at the office and the district."""
    survivor = _register(office_ctx, "Rana", AT_OFFICE)
    duplicate = _register(jobcenter, "Rana M.", AT_JOBCENTER)
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    to_district(jobcenter, district_ctx, tmp_path / "jc-0.passapp")
    merge_people(district_ctx, duplicate, survivor, "gleicher Ausweis, zweimal erfasst")
    set_learner_profile(office_ctx, survivor, EDITED)  # the office did not know yet
    exchange(district_ctx, office_ctx, tmp_path / "x", district_first=False)
    return survivor


def profile_conflict(ctx: ServiceContext) -> dict[str, Any]:
    (conflict,) = [c for c in list_conflicts(ctx) if c["field"] == "learner_profile"]
    return conflict


def database_id(ctx: ServiceContext) -> str:
    with ctx.db.reading() as session:
        setup = session.get(Installation, 1)
        assert setup is not None
        return str(setup.database_id)


def audit_actions(ctx: ServiceContext) -> list[tuple[str, dict[str, Any]]]:
    with ctx.db.reading() as session:
        return [(e.action, e.details) for e in session.scalars(select(AuditEvent))]


def test_both_sides_keep_the_districts_united_profile_as_the_loser(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID
) -> None:
    for site in (district_ctx, office_ctx):
        assert learner_profile(site, survivor).profile == EDITED  # the owner's edit won
        conflict = profile_conflict(site)
        assert conflict["kept"] == {"value": UNITED.to_json(), "origin": "LRADAH"}


def test_keeping_the_applied_value_closes_the_conflict_and_changes_nothing_else(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    conflict = profile_conflict(office_ctx)
    decision = resolve_conflict(office_ctx, conflict["id"], "applied")

    assert (decision.keep, decision.value) == ("applied", EDITED.to_json())
    assert list_conflicts(office_ctx) == []
    assert learner_profile(office_ctx, survivor).profile == EDITED
    assert ("sync.conflict_resolved", {**_details(conflict), "keep": "applied"}) in (
        audit_actions(office_ctx)
    )
    # Nothing travels: the next bundle to the district applies nothing.
    export_bundles(office_ctx, tmp_path / "ew-2.passapp")
    assert import_bundle(district_ctx, tmp_path / "ew-2.passapp").applied == 0


def _details(conflict: dict[str, Any]) -> dict[str, Any]:
    return {"conflict": conflict["id"], "field": conflict["field"]}


def test_taking_the_other_value_at_the_office_reaches_the_district_without_a_new_conflict(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    district_before = list_conflicts(district_ctx)
    decision = resolve_conflict(office_ctx, profile_conflict(office_ctx)["id"], "other")

    assert decision.value == UNITED.to_json()
    assert learner_profile(office_ctx, survivor).profile == UNITED
    assert list_conflicts(office_ctx) == []
    report_path = tmp_path / "ew-2.passapp"
    export_bundles(office_ctx, report_path)
    report = import_bundle(district_ctx, report_path)
    assert (report.applied, report.conflicts, report.quarantined) == (1, 0, 0)
    assert learner_profile(district_ctx, survivor).profile == UNITED
    # The district's own copy of the conflict is decided with it: no new one, none left.
    assert [c["field"] for c in district_before] == ["learner_profile"]
    assert report.to_json()["conflicts_settled"] == 1
    assert list_conflicts(district_ctx) == []
    # Both sides now hold the same version: the office's next edit follows it there.
    set_learner_profile(office_ctx, survivor, dataclasses.replace(UNITED, school_years=10))
    to_district(office_ctx, district_ctx, tmp_path / "ew-3.passapp")
    assert learner_profile(district_ctx, survivor).profile.school_years == 10
    assert list_conflicts(district_ctx) == []


def test_taking_the_other_value_at_the_district_reaches_the_office(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    """The district may change a learner profile (merges unite them): its decision travels
    to the registering office and stands there."""
    assert [c["field"] for c in list_conflicts(office_ctx)] == ["learner_profile"]
    resolve_conflict(district_ctx, profile_conflict(district_ctx)["id"], "other")
    assert learner_profile(district_ctx, survivor).profile == UNITED

    report_path = tmp_path / "lra-2.passapp"
    export_bundles(district_ctx, report_path, "EWDAH")
    report = import_bundle(office_ctx, report_path)
    assert (report.conflicts, report.conflicts_settled) == (0, 1)
    assert learner_profile(office_ctx, survivor).profile == UNITED
    assert list_conflicts(office_ctx) == []  # decided at the district, closed here too
    # Importing the same decision again closes nothing more.
    assert import_bundle(office_ctx, report_path).conflicts_settled == 0


def test_a_conflict_is_decided_once(office_ctx: ServiceContext, survivor: uuid.UUID) -> None:
    conflict_id = profile_conflict(office_ctx)["id"]
    resolve_conflict(office_ctx, conflict_id, "applied")
    events = len(audit_actions(office_ctx))
    for keep in ("applied", "other"):
        with pytest.raises(Refused, match="decided already"):
            resolve_conflict(office_ctx, conflict_id, keep)
    assert learner_profile(office_ctx, survivor).profile == EDITED
    assert len(audit_actions(office_ctx)) == events


@pytest.mark.parametrize("conflict_id", [str(uuid.UUID(int=7)), "kein-konflikt", ""])
def test_an_unknown_conflict_is_not_found(
    office_ctx: ServiceContext, survivor: uuid.UUID, conflict_id: str
) -> None:
    with pytest.raises(NotFound):
        resolve_conflict(office_ctx, conflict_id, "other")
    assert len(list_conflicts(office_ctx)) == 1


def test_a_choice_other_than_applied_or_other_is_bad_input(
    office_ctx: ServiceContext, survivor: uuid.UUID
) -> None:
    with pytest.raises(InvalidInput):
        resolve_conflict(office_ctx, profile_conflict(office_ctx)["id"], "both")
    assert len(list_conflicts(office_ctx)) == 1


def test_a_value_changed_since_the_conflict_can_only_be_kept(
    office_ctx: ServiceContext, survivor: uuid.UUID
) -> None:
    later = dataclasses.replace(EDITED, literacy=Literacy.LATIN)
    set_learner_profile(office_ctx, survivor, later)
    conflict_id = profile_conflict(office_ctx)["id"]

    with pytest.raises(Refused, match="changed since") as refused:
        resolve_conflict(office_ctx, conflict_id, "other")
    assert "seit dem Konflikt" in refused.value.message_de
    assert learner_profile(office_ctx, survivor).profile == later
    assert len(list_conflicts(office_ctx)) == 1
    resolve_conflict(office_ctx, conflict_id, "applied")
    assert learner_profile(office_ctx, survivor).profile == later
    assert list_conflicts(office_ctx) == []


def test_an_erased_person_is_never_restored(
    office_ctx: ServiceContext, survivor: uuid.UUID
) -> None:
    conflict_id = profile_conflict(office_ctx)["id"]
    erase_person(office_ctx, survivor, "Antrag nach Art. 17")

    with pytest.raises(Refused, match="erased"):
        resolve_conflict(office_ctx, conflict_id, "other")
    decision = resolve_conflict(office_ctx, conflict_id, "applied")
    assert decision.value is None
    with office_ctx.db.reading() as session:
        conflict = session.get(SyncConflict, uuid.UUID(conflict_id))
        assert conflict is not None
        assert conflict.resolved
        assert conflict.kept_value["value"] is None  # the erasure blanked it; still blank


def test_an_office_may_not_take_the_other_value_of_another_offices_record(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    survivor: uuid.UUID,
    tmp_path: Path,
) -> None:
    """The jobcenter, whose duplicate was merged into the office's person, holds that
    person too. A conflict about it there (written here directly: the sync rounds that
    produce one are beside the point) can only be kept: only the office changes it."""
    to_office(district_ctx, jobcenter, "JCDAH", tmp_path / "lra-jc.passapp")
    held = learner_profile(jobcenter, survivor).profile
    with jobcenter.db.transaction() as session:
        conflict = SyncConflict(
            entity_type="person",
            entity_id=survivor,
            field="learner_profile",
            applied_value={"value": held.to_json(), "origin": "LRADAH"},
            kept_value={"value": AT_JOBCENTER.to_json(), "origin": "JCDAH"},
        )
        session.add(conflict)
        session.flush()
        conflict_id = str(conflict.id)

    with pytest.raises(Refused, match="only EWDAH") as refused:
        resolve_conflict(jobcenter, conflict_id, "other")
    assert "Nur EWDAH" in refused.value.message_de
    assert learner_profile(jobcenter, survivor).profile == held
    assert len(list_conflicts(jobcenter)) == 1


def test_the_district_may_not_take_another_name_for_an_offices_person(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Two databases of one office named the person differently; the district holds the
    conflict but may not change the name (the office would never take it), so only
    keeping is possible there. Keeping decides the Latin search form's conflict with it."""
    with named_apart_by_two_copies(office_ctx, district_ctx, tmp_path) as (person, _copy):
        winner = get_person(district_ctx, person).given_names
        by_field = {c["field"]: c for c in list_conflicts(district_ctx)}
    assert set(by_field) == {"given_names", "given_names_latin"}

    with pytest.raises(Refused, match="only EWDAH"):
        resolve_conflict(district_ctx, by_field["given_names"]["id"], "other")
    with pytest.raises(Refused, match="follows from given_names"):
        resolve_conflict(district_ctx, by_field["given_names_latin"]["id"], "other")
    decision = resolve_conflict(district_ctx, by_field["given_names"]["id"], "applied")
    assert decision.also_resolved == (by_field["given_names_latin"]["id"],)
    assert list_conflicts(district_ctx) == []
    assert get_person(district_ctx, person).given_names == winner


def test_a_decision_at_the_district_reaches_both_databases_of_an_office(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Two databases of one office (a second counter PC) edit the profile differently;
    the district takes the losing one. Each copy holds its own edit's version, which the
    decision names: both take it without a conflict (else the owner's edit would win there
    and the copies would stay apart from the district)."""
    person = _register(office_ctx, "Rana", AT_OFFICE)
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    copy_path = tmp_path / "copy" / "passapp.sqlite3"
    copy_path.parent.mkdir()
    office_ctx.db.dispose()
    shutil.copy(tmp_path / "passapp.sqlite3", copy_path)
    copy = make_context(copy_path, clerk="copy")
    try:
        set_learner_profile(office_ctx, person, EDITED)
        set_learner_profile(copy, person, UNITED)
        # The winner (the tie goes to the higher database id) arrives first, so the
        # district's version is the loser's, and the winner's copy does not hold it.
        for n, site in enumerate(sorted((office_ctx, copy), key=database_id, reverse=True)):
            to_district(site, district_ctx, tmp_path / f"ew-{n + 1}.passapp")
        conflict = profile_conflict(district_ctx)
        loser = profile_from_json(conflict["kept"]["value"])

        resolve_conflict(district_ctx, conflict["id"], "other")

        assert learner_profile(district_ctx, person).profile == loser
        for n, site in enumerate((office_ctx, copy)):
            bundle = tmp_path / f"lra-{n}.passapp"
            export_bundles(district_ctx, bundle, "EWDAH")
            assert import_bundle(site, bundle).conflicts == 0
            assert learner_profile(site, person).profile == loser
            assert list_conflicts(site) == []
    finally:
        copy.db.dispose()


def test_sync_resolve_on_the_command_line(
    office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    add_admin(office_ctx)
    office_ctx.db.dispose()
    db = tmp_path / "passapp.sqlite3"
    (listed,) = cli("sync", "conflicts", db=db)["conflicts"]
    assert set(listed["kept"]) == {"value", "origin"}  # the stamp is bookkeeping, not shown

    done = cli("sync", "resolve", listed["id"], "--keep", "other", db=db)
    assert (done["id"], done["keep"], done["value"]) == (listed["id"], "other", UNITED.to_json())
    assert cli("sync", "conflicts", db=db)["conflicts"] == []
    assert learner_profile(office_ctx, survivor).profile == UNITED

    again = cli("sync", "resolve", listed["id"], "--keep", "applied", db=db, expect=1)
    assert "decided already" in again["error"]
    cli("sync", "resolve", "kein-konflikt", "--keep", "applied", db=db, expect=2)
    cli("sync", "resolve", listed["id"], "--keep", "beide", db=db, expect=2)


def _conflict_at(
    ctx: ServiceContext, entity_id: uuid.UUID, field: str, applied: Any, kept: Any
) -> str:
    """A conflict row as the importer writes it (for the cases no sync round between two
    installations produces today: an owner's database never receives a rival change of a
    person's form fields)."""
    with ctx.db.transaction() as session:
        conflict = SyncConflict(
            entity_type="person",
            entity_id=entity_id,
            field=field,
            applied_value={"value": applied, "origin": "EWDAH"},
            kept_value={"value": kept, "origin": "EWDAH"},
        )
        session.add(conflict)
        session.flush()
        return str(conflict.id)


def test_another_name_goes_through_the_edit_form_and_its_search_keys(
    office_ctx: ServiceContext, tmp_path: Path
) -> None:
    person = register_person(office_ctx, PERSON).person.id
    conflict_id = _conflict_at(office_ctx, person, "given_names", "Rana", "  Ranà  ")

    resolve_conflict(office_ctx, conflict_id, "other")

    assert get_person(office_ctx, person).given_names == "Ranà"  # cleaned as the form does
    assert [hit.id for hit in find(office_ctx, "Haddad Rana").hits] == [person]
    actions = [action for action, _details in audit_actions(office_ctx)]
    assert actions[-2:] == ["person.update", "sync.conflict_resolved"]


@pytest.mark.parametrize(
    ("field", "kept"),
    [("given_names", "Rana\u0000"), ("birth_date", "1994-13-40"), ("nationalities", ["ABCDE"])],
)
def test_another_value_the_edit_form_refuses_changes_nothing(
    office_ctx: ServiceContext, field: str, kept: Any
) -> None:
    person = register_person(office_ctx, PERSON).person.id
    before = get_person(office_ctx, person)
    applied = {"given_names": "Rana", "birth_date": "1994-05-17", "nationalities": ["SYR"]}
    conflict_id = _conflict_at(office_ctx, person, field, applied[field], kept)

    with pytest.raises(InputError):  # exit 2, as the form's own refusal
        resolve_conflict(office_ctx, conflict_id, "other")
    assert get_person(office_ctx, person) == before
    assert len(list_conflicts(office_ctx)) == 1


def test_a_pass_status_only_moves_one_way(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Revoked at the district while the office printed a replacement card: "revoked"
    stands everywhere; taking the office's "active" is refused, keeping closes it."""
    person = register_person(office_ctx, PERSON).person.id
    number = issue_pass(office_ctx, person).pass_number
    to_district(office_ctx, district_ctx, tmp_path / "ew-0.passapp")
    record_pass_status(district_ctx, number, revoked=True, generation=None, reason="gestohlen")
    replace_pass(office_ctx, number)
    exchange(district_ctx, office_ctx, tmp_path / "x", district_first=False)
    (status,) = [c for c in list_conflicts(district_ctx) if c["field"] == "status"]

    with pytest.raises(Refused, match="only moves one way"):
        resolve_conflict(district_ctx, status["id"], "other")
    assert resolve_conflict(district_ctx, status["id"], "applied").value == "revoked"


# --- a decision arriving closes the receiver's copy, and only that one ---------------------


def conflict_stamps(ctx: ServiceContext, conflict_id: str) -> tuple[str, str]:
    with ctx.db.reading() as session:
        conflict = session.get(SyncConflict, uuid.UUID(conflict_id))
        assert conflict is not None
        return conflict.applied_value["stamp"], conflict.kept_value["stamp"]


def add_conflict(
    ctx: ServiceContext,
    entity_id: uuid.UUID,
    field: str,
    applied: Any,
    kept: Any,
    stamps: tuple[str, str],
) -> str:
    """A conflict row with stamps, as the importer writes one (for the cases a round
    between these installations does not produce: a newer pair of edits, a second field
    of the same pair)."""
    with ctx.db.transaction() as session:
        conflict = SyncConflict(
            entity_type="person",
            entity_id=entity_id,
            field=field,
            applied_value={"value": applied, "origin": "EWDAH", "stamp": stamps[0]},
            kept_value={"value": kept, "origin": "LRADAH", "stamp": stamps[1]},
        )
        session.add(conflict)
        session.flush()
        return str(conflict.id)


def open_ids(ctx: ServiceContext) -> set[str]:
    return {c["id"] for c in list_conflicts(ctx)}


def decision_payload(ctx: ServiceContext, person: uuid.UUID) -> dict[str, Any]:
    """The payload of the last change this installation recorded of the person."""
    with ctx.db.reading() as session:
        (payload,) = session.scalars(
            select(ChangeRecord.payload)
            .where(ChangeRecord.entity_id == person)
            .order_by(ChangeRecord.counter.desc())
            .limit(1)
        )
        return dict(payload)


def test_a_decision_for_other_edits_leaves_a_newer_conflict_open(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    """The district holds the conflict the office decides and a newer one about the same
    field (another pair of edits): only the decided one closes."""
    decided_here = profile_conflict(district_ctx)["id"]
    newer = add_conflict(
        district_ctx,
        survivor,
        "learner_profile",
        EDITED.to_json(),
        AT_JOBCENTER.to_json(),
        (f"{uuid.UUID(int=1)}:40", f"{uuid.UUID(int=2)}:41"),
    )
    resolve_conflict(office_ctx, profile_conflict(office_ctx)["id"], "other")

    export_bundles(office_ctx, tmp_path / "ew-2.passapp")
    report = import_bundle(district_ctx, tmp_path / "ew-2.passapp")

    assert report.conflicts_settled == 1
    assert decided_here not in open_ids(district_ctx)
    assert open_ids(district_ctx) == {newer}


def test_a_field_the_decision_left_as_applied_stays_open(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    """The same two edits also disagreed on the given names: deciding the profile says
    nothing about the name, whose conflict stays listed until decided itself."""
    stamps = conflict_stamps(district_ctx, profile_conflict(district_ctx)["id"])
    name = add_conflict(district_ctx, survivor, "given_names", "Rana", "Rana M.", stamps)
    resolve_conflict(office_ctx, profile_conflict(office_ctx)["id"], "other")

    export_bundles(office_ctx, tmp_path / "ew-2.passapp")
    assert import_bundle(district_ctx, tmp_path / "ew-2.passapp").conflicts_settled == 1
    assert open_ids(district_ctx) == {name}


def test_a_decision_re_signed_by_another_office_closes_nothing(
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    jobcenter: ServiceContext,
    survivor: uuid.UUID,
    tmp_path: Path,
) -> None:
    """The jobcenter sends the office's decision as its own change: it may not change the
    office's person, so the change is quarantined and the district's conflict stays."""
    before = open_ids(district_ctx)
    resolve_conflict(office_ctx, profile_conflict(office_ctx)["id"], "other")
    forged = change(
        origin="JCDAH",
        database=database_id(jobcenter),
        counter=10**6,
        entity_type="person",
        payload=decision_payload(office_ctx, survivor),
    )

    report = import_bundle(district_ctx, forge(jobcenter, district_ctx, [forged], tmp_path / "f"))

    assert (report.quarantined, report.conflicts_settled) == (1, 0)
    assert open_ids(district_ctx) == before
    assert learner_profile(district_ctx, survivor).profile == EDITED


def test_a_settle_for_a_field_its_origin_may_not_change_closes_nothing(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    """The district may change a learner profile but not a name of the office's person: a
    district change naming the stamps and carrying the other name changes no name and
    closes no conflict (the profile it leaves as applied stays open too)."""
    profile_id = profile_conflict(office_ctx)["id"]
    stamps = conflict_stamps(office_ctx, profile_id)
    name = add_conflict(office_ctx, survivor, "given_names", "Rana", "Rana M.", stamps)
    payload = {**decision_payload(office_ctx, survivor), "given_names": "Rana M."}
    payload[SETTLES_KEY] = list(stamps)
    forged = change(
        origin="LRADAH",
        database=database_id(district_ctx),
        counter=10**6,
        entity_type="person",
        payload=payload,
    )

    report = import_bundle(office_ctx, forge(district_ctx, office_ctx, [forged], tmp_path / "f"))

    assert report.conflicts_settled == 0
    assert open_ids(office_ctx) == {profile_id, name}
    assert get_person(office_ctx, survivor).given_names == "Rana"


def test_a_name_decided_at_the_office_closes_the_districts_name_and_latin_conflicts(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Two databases of one office named the person differently; the district holds the
    conflicts about the name and its Latin search form. The copy whose name won holds the
    conflict too (written here: the district does not send an office its own changes) and
    takes the other name: the district closes both conflicts, without a new one."""
    with named_apart_by_two_copies(office_ctx, district_ctx, tmp_path) as (person, copy):
        by_field = {c["field"]: c for c in list_conflicts(district_ctx)}
        name = by_field["given_names"]
        won_at = office_ctx if name["applied"]["value"] == "Rana A." else copy
        stamps = conflict_stamps(district_ctx, name["id"])
        decided = add_conflict(
            won_at, person, "given_names", name["applied"]["value"], name["kept"]["value"], stamps
        )
        resolve_conflict(won_at, decided, "other")

        export_bundles(won_at, tmp_path / "decided.passapp")
        report = import_bundle(district_ctx, tmp_path / "decided.passapp")
    assert (report.by_type["person"], report.conflicts, report.conflicts_settled) == (1, 0, 2)
    assert list_conflicts(district_ctx) == []
    assert get_person(district_ctx, person).given_names == name["kept"]["value"]


def test_sync_import_on_the_command_line_reports_the_conflicts_settled(
    district_ctx: ServiceContext, office_ctx: ServiceContext, survivor: uuid.UUID, tmp_path: Path
) -> None:
    resolve_conflict(district_ctx, profile_conflict(district_ctx)["id"], "other")
    bundle = tmp_path / "lra-2.passapp"
    export_bundles(district_ctx, bundle, "EWDAH")
    add_admin(office_ctx)
    office_ctx.db.dispose()
    db = tmp_path / "passapp.sqlite3"

    report = cli("sync", "import", str(bundle), db=db)

    assert (report["conflicts"], report["conflicts_settled"]) == (0, 1)
    assert cli("sync", "conflicts", db=db)["conflicts"] == []
    assert cli("sync", "status", db=db)["conflicts"] == 0
