"""``passapp person report ID --out F.pdf``: both paths printed, the files there; bad input
and refusals in one line with exit 2 and 1."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import update

from passapp.models.database import open_database, to_url
from passapp.models.entities import Person
from tests.cli.test_cli import cli
from tests.support.accounts import ADMIN, ADMIN_ARGS


@pytest.fixture
def registered(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "ew.sqlite3"
    cli(
        "office",
        "init",
        "--code",
        "EWDAH",
        "--name",
        "Einwohnermeldeamt Dachau",
        "--kind",
        "einwohnermeldeamt",
        *ADMIN_ARGS,
        db=db,
    )
    person = cli(
        "person",
        "add",
        "--family-name",
        "Al-Hassan",
        "--given-names",
        "Mohammed",
        "--birth-date",
        "1990-05-00",
        "--from-abroad",
        "--language",
        "ar",
        "--contact",
        "0176 1234567",
        db=db,
    )
    return db, person["id"]


def test_report_writes_pdf_and_json_and_prints_both_paths(
    registered: tuple[Path, str], tmp_path: Path
) -> None:
    db, person_id = registered
    out = tmp_path / "auskunft.pdf"
    result = cli("person", "report", person_id, "--out", str(out), db=db)
    assert result == {"pdf": str(out), "json": str(tmp_path / "auskunft.json")}
    assert out.read_bytes().startswith(b"%PDF-")
    data = json.loads((tmp_path / "auskunft.json").read_text("utf-8"))
    assert (data["language"], data["person"]["contact"]) == ("ar", "0176 1234567")
    assert data["audit_events"][-1]["actor"] == ADMIN  # the account that asked


def test_german_only_on_request(registered: tuple[Path, str], tmp_path: Path) -> None:
    db, person_id = registered
    cli("person", "report", person_id, "--out", str(tmp_path / "a.pdf"), "--language", "de", db=db)
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["language"] is None


def test_unknown_person_and_bad_output_are_bad_input(
    registered: tuple[Path, str], tmp_path: Path
) -> None:
    db, _ = registered
    unknown = cli(
        "person", "report", str(uuid.uuid4()), "--out", str(tmp_path / "a.pdf"), db=db, expect=2
    )
    assert "no person" in unknown["error"]
    assert "Keine Person" in unknown["error_de"]
    folder = cli("person", "report", str(uuid.uuid4()), "--out", str(tmp_path), db=db, expect=2)
    assert "folder" in folder["error"]
    assert list(tmp_path.glob("a.*")) == []


def test_a_merged_person_is_refused_with_exit_1(
    registered: tuple[Path, str], tmp_path: Path
) -> None:
    db, person_id = registered
    survivor = cli(
        "person",
        "add",
        "--family-name",
        "Al-Hassan",
        "--given-names",
        "Mohammed",
        "--birth-date",
        "1990-05-01",
        "--from-abroad",
        db=db,
    )["id"]
    database = open_database(to_url(str(db)))
    with database.transaction() as session:
        session.execute(
            update(Person)
            .where(Person.id == uuid.UUID(person_id))
            .values(merged_into_id=uuid.UUID(survivor))
        )
    database.dispose()
    refused = cli("person", "report", person_id, "--out", str(tmp_path / "a.pdf"), db=db, expect=1)
    assert "merged" in refused["error"]
    assert not (tmp_path / "a.pdf").exists()
