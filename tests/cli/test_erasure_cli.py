"""`passapp person erase` and `passapp person withdraw-consent`: one line, exit codes."""

from __future__ import annotations

import uuid
from pathlib import Path

from passapp.services.context import ServiceContext
from passapp.services.people import get_person, register_person
from tests.cli.test_cli import cli
from tests.services.test_erasure import REASON, leaks, qarawani
from tests.support.accounts import add_admin


def test_person_erase_on_the_command_line(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    person_id = str(register_person(unenrolled_office_ctx, qarawani()).person.id)
    add_admin(unenrolled_office_ctx)
    unenrolled_office_ctx.db.dispose()

    done = cli("person", "erase", person_id, "--reason", REASON, db=db_path)

    assert done == {
        "id": person_id,
        "revoked_passes": [],
        "deleted_bundles": [],
        "wal_cleared": True,
    }
    assert leaks(db_path) == {}
    again = cli("person", "erase", person_id, "--reason", REASON, db=db_path, expect=1)
    assert "erased already" in again["error"]


def test_person_erase_refuses_bad_input_with_exit_2(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    person_id = str(register_person(unenrolled_office_ctx, qarawani()).person.id)
    add_admin(unenrolled_office_ctx)
    unenrolled_office_ctx.db.dispose()
    cli("person", "erase", person_id, "--reason", "weg", db=db_path, expect=2)
    cli("person", "erase", str(uuid.uuid4()), "--reason", REASON, db=db_path, expect=2)
    cli("person", "erase", "not-an-id", "--reason", REASON, db=db_path, expect=2)
    assert leaks(db_path), "nothing was erased"


def test_person_withdraw_consent_on_the_command_line(
    unenrolled_office_ctx: ServiceContext, db_path: Path
) -> None:
    person_id = register_person(unenrolled_office_ctx, qarawani()).person.id
    add_admin(unenrolled_office_ctx)

    done = cli("person", "withdraw-consent", str(person_id), db=db_path)

    assert done["id"] == str(person_id)
    assert done["withdrawn_at"]
    person = get_person(unenrolled_office_ctx, person_id)
    assert (person.consent, person.family_names) == (False, qarawani().family_names)
    cli("person", "withdraw-consent", str(person_id), db=db_path, expect=1)
