"""Input limits (issue 9): every free-text field a service writes, at, over and around its limit.

At the limit a text is stored as typed; one character more, or one control, bidi or
zero-width character, is refused with a German message naming the field, and nothing is
written (no row, no audit event). The rule itself is tested in tests/domain/test_text.py.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.errors import InputError
from passapp.domain.pass_number import PassNumber
from passapp.domain.text import validate_record_text
from passapp.models.entities import AuditEvent, ChangeRecord, Entry, Offer, Pass, Person
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.merges import merge_people
from passapp.services.offers import OfferInput, list_offers, save_offer
from passapp.services.offices import current_office, init_office
from passapp.services.passes import issue_pass, record_pass_status, revoke_pass
from passapp.services.people import (
    PersonInput,
    get_person,
    person_input,
    preview_registration,
    register_person,
    update_person,
)
from passapp.services.search import find
from passapp.services.trust import init_district, write_request
from tests.conftest import make_context
from tests.services.helpers import count, register
from tests.support.accounts import acting_as, add_admin

# One of each kind the rule refuses: a bidi override, a zero-width space, a C0 control.
INVISIBLE = ["\u202e", "\u200b", "\x1b"]
PERSON = PersonInput(
    family_names="Ahmadi",
    given_names="Zahra",
    birth_date=PartialDate.parse("2001-04-03"),
    arrival_date=PartialDate.parse("2021-09-02"),
)
OFFER = OfferInput(category="beratung", title="Sprechstunde", provider="Caritas Dachau")
DAY = dt.date(2026, 11, 20)


def words(length: int) -> str:
    """A text of exactly ``length`` characters, of words (so that names pass DIN 91379)."""
    return ("Ab " * length)[: length - 1] + "c"


def audit_count(ctx: ServiceContext) -> int:
    return count(ctx, AuditEvent)


# --- person: names, names in original script, contact --------------------------------

PERSON_FIELDS = [
    ("family_names", 120, "Familienname"),
    ("given_names", 120, "Vorname(n)"),
    ("family_names_original", 120, "Familienname (Originalschrift)"),
    ("given_names_original", 120, "Vorname(n) (Originalschrift)"),
    ("contact", 300, "Kontakt"),
]


@pytest.mark.parametrize(("field", "limit", "german"), PERSON_FIELDS)
def test_person_text_at_the_limit_is_stored(
    unenrolled_office_ctx: ServiceContext, field: str, limit: int, german: str
) -> None:
    text = words(limit)
    person = register_person(unenrolled_office_ctx, replace(PERSON, **{field: text})).person
    assert getattr(person_input(unenrolled_office_ctx, person.id), field) == text


@pytest.mark.parametrize(("field", "limit", "german"), PERSON_FIELDS)
@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_person_text_over_the_limit_or_invisible_is_refused_and_nothing_written(
    unenrolled_office_ctx: ServiceContext, field: str, limit: int, german: str, bad: str
) -> None:
    text = words(limit) + "d" if bad == "over" else f"Ahm{bad}adi"
    before = audit_count(unenrolled_office_ctx)
    with pytest.raises(InputError) as refused:
        register_person(unenrolled_office_ctx, replace(PERSON, **{field: text}))
    assert refused.value.message_de.startswith(german)
    if bad == "over":
        assert f"höchstens {limit} Zeichen" in refused.value.message_de
    assert count(unenrolled_office_ctx, Person) == 0
    assert audit_count(unenrolled_office_ctx) == before


def test_an_edit_is_held_to_the_same_limits(unenrolled_office_ctx: ServiceContext) -> None:
    person = register(unenrolled_office_ctx)
    with pytest.raises(InputError, match="family name is too long"):
        update_person(unenrolled_office_ctx, person, replace(PERSON, family_names=words(121)))
    assert get_person(unenrolled_office_ctx, person).family_names == "Ahmadi"


def test_a_name_whose_latin_form_outgrows_its_column_is_refused(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    # ICAO writes ش as XSH: 70 letters within the limit, 210 Latin letters over the column.
    with pytest.raises(InputError) as refused:
        register_person(unenrolled_office_ctx, replace(PERSON, family_names="ش" * 70))
    assert "in lateinischer Umschrift" in refused.value.message_de
    assert count(unenrolled_office_ctx, Person) == 0


def test_the_live_preview_refuses_a_name_over_the_limit(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    # The form previews duplicates as the clerk types; an endless name would make the
    # search pair every word with every other.
    with pytest.raises(InputError, match="given names is too long"):
        preview_registration(unenrolled_office_ctx, replace(PERSON, given_names=words(5_000)))


# --- entries: title, provider, result ------------------------------------------------


@pytest.fixture
def pass_number(office_ctx: ServiceContext) -> str:
    return issue_pass(office_ctx, register(office_ctx)).pass_number


ENTRY_FIELDS = [("title", "Titel"), ("provider", "Anbieter"), ("result", "Ergebnis")]


@pytest.mark.parametrize(("field", "german"), ENTRY_FIELDS)
def test_entry_text_at_the_limit_is_stored(
    office_ctx: ServiceContext, pass_number: str, field: str, german: str
) -> None:
    text = words(200)
    data = replace(EntryInput(EntryKind.SPRACHKURS, DAY), **{field: text})
    add_entry(office_ctx, pass_number, data)
    [logged] = list_entries(office_ctx, pass_number).entries
    assert getattr(logged, field) == text


@pytest.mark.parametrize(("field", "german"), ENTRY_FIELDS)
@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_entry_text_over_the_limit_or_invisible_is_refused_and_nothing_written(
    office_ctx: ServiceContext, pass_number: str, field: str, german: str, bad: str
) -> None:
    text = words(10_000) if bad == "over" else f"Deutsch{bad}kurs"
    before = audit_count(office_ctx)
    with pytest.raises(InputError) as refused:
        add_entry(
            office_ctx,
            pass_number,
            replace(EntryInput(EntryKind.SPRACHKURS, DAY), **{field: text}),
        )
    assert refused.value.message_de.startswith(german)
    assert count(office_ctx, Entry) == 0
    assert audit_count(office_ctx) == before


def test_the_entry_title_message_is_the_one_the_issue_asks_for(
    office_ctx: ServiceContext, pass_number: str
) -> None:
    with pytest.raises(InputError) as refused:
        add_entry(office_ctx, pass_number, EntryInput(EntryKind.SPRACHKURS, DAY, title="x" * 201))
    assert refused.value.message_de == (
        "Titel ist zu lang (höchstens 200 Zeichen, eingegeben: 201)."
    )


# --- offers: title, provider, address, contact, target group, description ------------

OFFER_FIELDS = [
    ("title", 200, "Titel"),
    ("provider", 200, "Anbieter"),
    ("address", 300, "Adresse"),
    ("contact", 300, "Kontakt"),
    ("target_group", 300, "Zielgruppe"),
    ("description", 2000, "Beschreibung"),
]


@pytest.mark.parametrize(("field", "limit", "german"), OFFER_FIELDS)
def test_offer_text_at_the_limit_is_stored(
    district_ctx: ServiceContext, field: str, limit: int, german: str
) -> None:
    text = words(limit)
    saved = save_offer(district_ctx, replace(OFFER, **{field: text}))
    [listed] = [o for o in list_offers(district_ctx) if o.slug == saved.slug]
    assert getattr(listed, field) == text


@pytest.mark.parametrize(("field", "limit", "german"), OFFER_FIELDS)
@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_offer_text_over_the_limit_or_invisible_is_refused_and_nothing_written(
    district_ctx: ServiceContext, field: str, limit: int, german: str, bad: str
) -> None:
    text = words(limit + 1) if bad == "over" else f"Beratung{bad}"
    offers = count(district_ctx, Offer)
    with pytest.raises(InputError) as refused:
        save_offer(district_ctx, replace(OFFER, **{field: text}))
    assert refused.value.message_de.startswith(german)
    assert count(district_ctx, Offer) == offers


def test_an_offer_description_keeps_its_paragraphs(district_ctx: ServiceContext) -> None:
    text = "Offene Sprechstunde.\n\nTermine nach Vereinbarung."
    assert save_offer(district_ctx, replace(OFFER, description=text)).description == text


# --- reasons: override, revoke, merge, reported status -------------------------------


def test_an_override_reason_at_the_limit_is_kept_with_its_lines(office_ctx: ServiceContext) -> None:
    person = register(office_ctx, birth="2010-11-00", abroad=True)  # needs review
    reason = "Geburtsurkunde vorgelegt.\n" + words(1000 - 26)
    assert issue_pass(office_ctx, person, override_reason=reason).override_reason == reason


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_an_override_reason_over_the_limit_or_invisible_is_refused(
    office_ctx: ServiceContext, bad: str
) -> None:
    person = register(office_ctx, birth="2010-11-00", abroad=True)
    reason = words(1001) if bad == "over" else f"Geburtsurkunde{bad} vorgelegt"
    with pytest.raises(InputError) as refused:
        issue_pass(office_ctx, person, override_reason=reason)
    assert refused.value.message_de.startswith("Begründung")
    assert count(office_ctx, Pass) == 0


def test_a_revoke_reason_at_the_limit_is_kept(office_ctx: ServiceContext, pass_number: str) -> None:
    revoke_pass(office_ctx, pass_number, words(1000))
    with office_ctx.db.reading() as session:
        record = session.scalars(select(Pass).where(Pass.pass_number == pass_number)).one()
        assert (record.status, record.revoke_reason) == ("revoked", words(1000))


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_a_revoke_reason_over_the_limit_or_invisible_is_refused(
    office_ctx: ServiceContext, pass_number: str, bad: str
) -> None:
    reason = words(1001) if bad == "over" else f"Karte{bad} gestohlen gemeldet"
    with pytest.raises(InputError) as refused:
        revoke_pass(office_ctx, pass_number, reason)
    assert refused.value.message_de.startswith("Begründung")
    with office_ctx.db.reading() as session:
        record = session.scalars(select(Pass).where(Pass.pass_number == pass_number)).one()
        assert (record.status, record.revoke_reason) == ("active", None)


def test_a_reported_revocation_reason_is_held_to_the_same_limit(
    district_ctx: ServiceContext,
) -> None:
    number = PassNumber("LRADAH", 1).text
    with pytest.raises(InputError, match="reason is too long"):
        record_pass_status(district_ctx, number, revoked=True, generation=None, reason=words(1001))
    assert count(district_ctx, Pass) == 0


def _two_records(district_ctx: ServiceContext) -> tuple[uuid.UUID, uuid.UUID]:
    consenting = replace(PERSON, consent=True, consent_notice_version="2026-11")
    first = register_person(district_ctx, consenting).person.id
    second = register_person(district_ctx, replace(consenting, given_names="Sahra")).person.id
    return first, second


def test_a_merge_reason_at_the_limit_is_audited(district_ctx: ServiceContext) -> None:
    duplicate, survivor = _two_records(district_ctx)
    merge_people(district_ctx, duplicate, survivor, words(1000))
    with district_ctx.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "person.merge")).one()
        assert event.details["reason"] == words(1000)


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_a_merge_reason_over_the_limit_or_invisible_is_refused(
    district_ctx: ServiceContext, bad: str
) -> None:
    duplicate, survivor = _two_records(district_ctx)
    reason = words(1001) if bad == "over" else f"zweimal{bad} erfasst"
    with pytest.raises(InputError) as refused:
        merge_people(district_ctx, duplicate, survivor, reason)
    assert refused.value.message_de.startswith("Begründung")
    assert get_person(district_ctx, duplicate).merged_into is None


# --- office and district names --------------------------------------------------------


def test_an_office_name_at_the_limit_is_kept_and_can_be_enrolled(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    office = init_office(ctx, code="EWDAH", name=words(128), kind="einwohnermeldeamt")
    assert office.name == words(128)
    write_request(ctx, tmp_path / "request.json")  # the certificate request carries the name


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_an_office_name_over_the_limit_or_invisible_is_refused(
    ctx: ServiceContext, bad: str
) -> None:
    name = words(129) if bad == "over" else f"Einwohnermeldeamt{bad} Dachau"
    with pytest.raises(InputError) as refused:
        init_office(ctx, code="EWDAH", name=name, kind="einwohnermeldeamt")
    assert refused.value.message_de.startswith("Name der Dienststelle")
    assert current_office(ctx) is None


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_a_district_name_over_the_limit_or_invisible_is_refused(tmp_path: Path, bad: str) -> None:
    ctx = make_context(tmp_path / "district.sqlite3")
    name = words(129) if bad == "over" else f"Landkreis{bad} Dachau"
    try:
        with pytest.raises(InputError) as refused:
            init_district(ctx, name=name, code="LRADAH")
        assert refused.value.message_de.startswith("Name des Landkreises")
        assert current_office(ctx) is None
    finally:
        ctx.db.dispose()


# --- the command line: exit 2 and one line -------------------------------------------


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "passapp", "--db", str(db), *args]
    env = {**os.environ, **acting_as(), "PASSAPP_OUTPUT_DIR": str(db.parent)}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(
    ("family", "german"),
    [
        (words(121), "Familienname ist zu lang (höchstens 120 Zeichen, eingegeben: 121)"),
        ("Ahm\u202eadi", "Unzulässiges unsichtbares Zeichen U+202E"),
    ],
)
def test_the_cli_refuses_an_overlong_or_hidden_name_with_exit_2_and_one_line(
    unenrolled_office_ctx: ServiceContext, db_path: Path, family: str, german: str
) -> None:
    add_admin(unenrolled_office_ctx)
    unenrolled_office_ctx.db.dispose()
    done = run_cli(
        db_path,
        "person",
        "add",
        "--family-name",
        family,
        "--given-names",
        "Zahra",
        "--birth-date",
        "2001-04-03",
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("passapp: ")
    assert german in line  # the command line speaks German on stderr, English in --json
    assert count(unenrolled_office_ctx, Person) == 0


# --- the search field -----------------------------------------------------------------


def test_a_search_at_the_limit_is_answered(unenrolled_office_ctx: ServiceContext) -> None:
    register(unenrolled_office_ctx)
    assert find(unenrolled_office_ctx, words(300)).kind == "name"
    padded = "Ahmadi" + " " * 289 + "Zahra"  # 300 characters, e.g. pasted with its layout
    assert [hit.family_names for hit in find(unenrolled_office_ctx, padded).hits] == ["Ahmadi"]


def test_a_search_over_the_limit_is_refused(unenrolled_office_ctx: ServiceContext) -> None:
    # Every pair of words is a search stage: 10,000 characters were ~3 million stages.
    with pytest.raises(InputError) as refused:
        find(unenrolled_office_ctx, words(10_000))
    assert refused.value.message_de.startswith("Suchtext ist zu lang (höchstens 300 Zeichen")


# --- the clerk's name (the account name; $PASSAPP_CLERK in service tests) ---------------


def test_a_clerk_name_at_the_limit_signs_a_registration(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    unenrolled_office_ctx.clerk = words(100)
    person = register(unenrolled_office_ctx)
    with unenrolled_office_ctx.db.reading() as session:
        assert session.get(Person, person).registered_by == words(100)


@pytest.mark.parametrize("bad", ["over", *INVISIBLE])
def test_a_clerk_name_over_the_limit_or_invisible_writes_nothing(
    unenrolled_office_ctx: ServiceContext, bad: str
) -> None:
    unenrolled_office_ctx.clerk = words(101) if bad == "over" else f"meier{bad}"
    before = audit_count(unenrolled_office_ctx)
    with pytest.raises(InputError) as refused:
        register(unenrolled_office_ctx)
    assert refused.value.message_de.startswith("Name der Sachbearbeitung")
    assert count(unenrolled_office_ctx, Person) == 0
    assert audit_count(unenrolled_office_ctx) == before


# --- what a bundle carries ------------------------------------------------------------


def test_every_change_this_version_records_passes_the_import_rule(
    office_ctx: ServiceContext,
) -> None:
    """The records a bundle carries, with every text at its limit, pass
    ``validate_record_text``: a sync import that calls it quarantines no valid record."""
    office_ctx.clerk = words(100)
    data = replace(
        PERSON,
        family_names=words(120),
        given_names=words(120),
        family_names_original="أحمدي",
        given_names_original=words(120),
        contact=words(300),
        birth_date=PartialDate.parse("2010-11-00"),
        moved_from_abroad=True,
    )
    person = register_person(office_ctx, data).person.id
    number = issue_pass(office_ctx, person, override_reason=words(1000)).pass_number
    add_entry(
        office_ctx,
        number,
        EntryInput(
            EntryKind.SPRACHKURS, DAY, title=words(200), provider=words(200), result=words(200)
        ),
    )
    revoke_pass(office_ctx, number, words(1000))
    with office_ctx.db.reading() as session:
        changes = list(session.scalars(select(ChangeRecord)))
    assert {change.entity_type for change in changes} == {
        "person",
        "eligibility_check",
        "pass",
        "pass_card",
        "entry",
    }
    for change in changes:
        validate_record_text(change.entity_type, change.payload)
    tampered = {**changes[-1].payload, "revoke_reason": words(1001)}
    with pytest.raises(InputError):
        validate_record_text("pass", tampered)
