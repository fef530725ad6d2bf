"""Art. 17 erasure at the registering office: the identity is gone from the database file
and its WAL (raw bytes), passes are revoked, entries and statistics fields stay."""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.models.entities import AuditEvent, ChangeRecord, Entry, Pass, Person, PersonNameKey
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.erasure import erase_person, wipe_freed_pages
from passapp.services.errors import InvalidInput, NotFound, Refused
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person, update_person

FAMILY, GIVEN, ORIGINAL = "Qarawani", "Zulaikha Noor", "قرواني"
BIRTH = "1987-06-29"
CONTACT = "0151 98765432"
SECRETS = (FAMILY, "Zulaikha", "Noor", ORIGINAL, BIRTH, "29.06.1987", CONTACT)
REASON = "Antrag nach Art. 17 DSGVO vom 24.11.2026"


def qarawani(consent: bool = True) -> PersonInput:
    return PersonInput(
        family_names=FAMILY,
        given_names=GIVEN,
        family_names_original=ORIGINAL,
        birth_date=PartialDate.parse(BIRTH),
        arrival_date=PartialDate.parse("2023-02-11"),
        moved_from_abroad=True,
        sex="f",
        nationalities=("SYR",),
        languages=("ar",),
        contact=CONTACT,
        consent=consent,
        consent_notice_version="2026-11",
    )


# Keys and certificates are stored as base64: PEM in the key tables, bare DER in the trust
# list. A four-letter secret like "Noor" turns up in fresh random base64 in roughly one
# database of a few hundred, and CI met one. Those runs are masked before the search; no
# identity field is ever stored inside one (a name has spaces or sits beside other
# columns' bytes, a name key starts with "L:"), so a real leak is still found.
KEY_MATERIAL = re.compile(
    rb"-----BEGIN [A-Z ]+-----.*?-----END [A-Z ]+-----|[A-Za-z0-9+/]{64,}=*", re.DOTALL
)


def leaks(database: Path) -> dict[str, list[str]]:
    """Which of the secrets the database file and its WAL still hold, raw bytes, any case,
    outside the stored key material."""
    found: dict[str, list[str]] = {}
    for path in (database, database.with_name(database.name + "-wal")):
        data = KEY_MATERIAL.sub(b"\0", path.read_bytes()).lower() if path.exists() else b""
        hits = [s for s in SECRETS if s.lower().encode() in data]
        if hits:
            found[path.name] = hits
    return found


def test_the_leak_search_skips_key_material_but_finds_every_stored_form_of_a_name(
    office_ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    register_person(office_ctx, qarawani())
    found = {hit for hits in leaks(db_path).values() for hit in hits}
    # the German form of the birth day is written only once a pass is issued
    assert found == set(SECRETS) - {"29.06.1987"}, "person row, change payload, name keys"

    pem = b"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49nOoRAgEGCCqGSM49AwE\n-----END PRIVATE KEY-----"
    der = b"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" + b"x9NoorQ" + b"b" * 40
    beside = b"L:no" + pem + b"or"  # masking must not join what lay around the key
    file = tmp_path / "keys.sqlite3"
    file.write_bytes(b"\x01" + pem + b"\x02" + der + b'"' + beside)
    assert leaks(file) == {}
    file.write_bytes(pem + b"\x07L:noor\x07\xc3" + der)
    assert leaks(file) == {"keys.sqlite3": ["Noor"]}


def test_erasure_leaves_no_name_in_the_file_or_wal_and_keeps_the_statistics(
    office_ctx: ServiceContext, db_path: Path
) -> None:
    ctx = office_ctx
    person_id = register_person(ctx, qarawani()).person.id
    # A correction, so the change log holds the name twice and the WAL old versions.
    update_person(ctx, person_id, qarawani(consent=False))
    issued = issue_pass(ctx, person_id)
    add_entry(
        ctx,
        issued.pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 20)),
    )
    assert leaks(db_path), "the test must see the name before the erasure"

    result = erase_person(ctx, person_id, REASON)

    assert leaks(db_path) == {}
    assert result.revoked_passes == [issued.pass_number]
    with ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert person.erased_at is not None
        assert (person.birth_year, person.sex, person.nationalities) == (1987, "f", ["SYR"])
        pass_ = session.scalars(select(Pass).where(Pass.person_id == person_id)).one()
        assert (pass_.status, pass_.revoke_reason) == ("revoked", "Löschung (Art. 17)")
        assert session.scalars(select(Entry)).all(), "entries stay for statistics"
        assert not session.scalars(select(PersonNameKey)).all()
        tombstone = session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq.desc())).first()
        assert tombstone is not None
        assert tombstone.operation == "erase"
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None
        assert event.action == "person.erase"
        assert event.details["reason"] == REASON


def test_an_erased_person_is_not_found_nor_edited_nor_erased_twice(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    ctx = unenrolled_office_ctx
    person_id = register_person(ctx, qarawani()).person.id
    erase_person(ctx, person_id, REASON)
    with pytest.raises(NotFound):
        update_person(ctx, person_id, qarawani())
    with pytest.raises(Refused):
        erase_person(ctx, person_id, REASON)


def test_erasure_needs_a_reason_and_writes_nothing_without(
    unenrolled_office_ctx: ServiceContext,
) -> None:
    ctx = unenrolled_office_ctx
    person_id = register_person(ctx, qarawani()).person.id
    with pytest.raises(InvalidInput):
        erase_person(ctx, person_id, "weg")
    with ctx.db.reading() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert person.family_names == FAMILY
        assert person.erased_at is None


def test_the_wipe_removes_what_secure_delete_leaves_after_a_b_tree_balance(
    office_ctx: ServiceContext, db_path: Path
) -> None:
    """CI once found an erased given name in the district's file: SQLite moves rows between
    pages when it splits or merges a b-tree page, and the moved bytes stay in the old
    page's free space where ``secure_delete`` never looks. Provoked here with an index
    filled in random order, then three quarters of its rows deleted."""
    rng = random.Random(11)
    rows = [
        (f"{rng.getrandbits(128):032x}", f"erased{rng.randrange(10**9):09d}") for _ in range(20_000)
    ]
    erased = {key for _row_id, key in rng.sample(rows, 15_000)}
    with sqlite3.connect(db_path, isolation_level=None) as raw:
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("CREATE TABLE scratch (id TEXT PRIMARY KEY, key TEXT)")
        raw.execute("CREATE INDEX scratch_key ON scratch (key)")
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO scratch VALUES (?, ?)", rows)
        raw.execute("COMMIT")
        raw.execute("BEGIN")
        raw.executemany("DELETE FROM scratch WHERE key = ?", [(key,) for key in erased])
        raw.execute("COMMIT")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()

    def left_over() -> set[str]:
        found = re.findall(rb"erased[0-9]{9}", db_path.read_bytes())
        return {key.decode() for key in found} & erased

    assert left_over(), "secure_delete alone left nothing: the test provokes nothing"
    assert wipe_freed_pages(office_ctx.db)
    assert left_over() == set()


def test_a_reader_elsewhere_delays_the_wal_wipe_and_says_so(
    office_ctx: ServiceContext, db_path: Path
) -> None:
    """The app open next to the CLI keeps a snapshot: the WAL cannot be truncated yet."""
    person_id = register_person(office_ctx, qarawani()).person.id
    reader = sqlite3.connect(db_path)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()
        result = erase_person(office_ctx, person_id, REASON)
        assert not result.wal_cleared
    finally:
        reader.close()
    assert wipe_freed_pages(office_ctx.db)
    assert leaks(db_path) == {}
