"""`district privacy-contact` and the warning of `pass issue` while a pass prints sample
data (issue 12, item 5), as a separate process acting as a logged-in account."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from passapp.services.context import ServiceContext
from tests.cli.test_cli import cli
from tests.services.helpers import register
from tests.support.accounts import acting_as, add_admin

CONTACT_ARGS = (
    "--name",
    "Datenschutzbeauftragte des Landratsamts Dachau",
    "--address",
    "Weiherweg 16, 85221 Dachau",
    "--email",
    "datenschutz@example.org",
)


def test_the_district_admin_sets_the_contact_and_bad_contacts_are_refused(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    add_admin(district_ctx)
    district_ctx.db.dispose()
    db = tmp_path / "district.sqlite3"
    done = cli("district", "privacy-contact", *CONTACT_ARGS, db=db)
    assert done == {
        "name": "Datenschutzbeauftragte des Landratsamts Dachau",
        "address": "Weiherweg 16, 85221 Dachau",
        "email": "datenschutz@example.org",
        "phone": None,
    }
    huge = cli(
        "district",
        "privacy-contact",
        *CONTACT_ARGS[:3],
        "x" * 10_000,
        "--phone",
        "1",
        db=db,
        expect=2,
    )
    assert "Anschrift" in huge["error_de"]
    no_way = cli("district", "privacy-contact", *CONTACT_ARGS[:4], db=db, expect=2)
    assert "E-Mail-Adresse oder Telefonnummer" in no_way["error_de"]


def test_an_office_may_not_set_it_and_its_pass_issue_warns(
    office_ctx: ServiceContext, db_path: Path
) -> None:
    person = register(office_ctx)
    second = register(office_ctx, family="Karimi")
    add_admin(office_ctx)
    office_ctx.db.dispose()
    assert cli("district", "privacy-contact", *CONTACT_ARGS, db=db_path, expect=1)["error"]

    issued = cli("pass", "issue", str(person), db=db_path)
    assert issued["sample_data"] == ["offers", "privacy_contact"]
    assert "sample data" in issued["warning"]
    replaced = cli("pass", "replace", issued["pass_number"], db=db_path)
    assert replaced["sample_data"] == ["offers", "privacy_contact"]

    # Without --json: the pass number and file on stdout, the warning on stderr.
    done = subprocess.run(
        [sys.executable, "-m", "passapp", "--db", str(db_path), "pass", "issue", str(second)],
        capture_output=True,
        text=True,
        env={**os.environ, **acting_as(), "PASSAPP_OUTPUT_DIR": str(db_path.parent / "pdf")},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("EWDAH-")
    assert "Beispieldaten" in done.stderr
