"""The command-line contract (DESIGN §8), run as a real process on a real SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from passapp.domain.pass_number import PassNumber
from tests.support.accounts import ADMIN_ARGS, acting_as


def cli(
    *args: str, db: Path | None = None, expect: int = 0, account: dict[str, str] | None = None
) -> dict[str, Any]:
    """``passapp --json ARGS`` as a process, acting as the admin (or ``account``)."""
    command = [sys.executable, "-m", "passapp", *(["--db", str(db)] if db else []), "--json", *args]
    env = {**os.environ, **(acting_as() if account is None else account)}
    if db is not None:
        env["PASSAPP_OUTPUT_DIR"] = str(db.parent / "pdf")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == expect, (done.stdout, done.stderr)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout  # exactly one JSON object on stdout
    payload: dict[str, Any] = json.loads(lines[0])
    if expect != 0:
        assert done.stderr.strip(), "an error also explains itself on stderr"
    return payload


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["--birth-date", "2010-11-25", "--from-abroad", "--on", "2026-11-25"], "eligible"),
        (["--birth-date", "2010-11-26", "--from-abroad", "--on", "2026-11-25"], "not_eligible"),
        (
            ["--birth-date", "1990-01-01", "--arrival-date", "2020-11-25", "--on", "2026-11-25"],
            "eligible",
        ),
        (
            ["--birth-date", "1990-01-01", "--arrival-date", "2020-11-25", "--on", "2026-11-26"],
            "not_eligible",
        ),
        (
            ["--birth-date", "1990-01-01", "--arrival-date", "2020-02-29", "--on", "2026-02-28"],
            "eligible",
        ),
        (
            ["--birth-date", "1990-01-01", "--arrival-date", "2020-02-29", "--on", "2026-03-01"],
            "not_eligible",
        ),
        (["--birth-date", "00.00.2010", "--from-abroad", "--on", "2026-11-25"], "needs_review"),
        (["--birth-date", "XX.11.2010", "--from-abroad", "--on", "2026-11-25"], "needs_review"),
        (
            ["--birth-date", "1990-01-01", "--arrival-date", "2020-11-00", "--on", "2026-11-25"],
            "needs_review",
        ),
        (["--birth-date", "1990-01-01", "--on", "2026-11-25"], "needs_review"),
    ],
)
def test_eligibility_command(args: list[str], status: str) -> None:
    result = cli("eligibility", *args)
    assert result["status"] == status
    assert isinstance(result["reasons"], list)
    assert result["reasons"]


@pytest.mark.parametrize(
    "args",
    [
        ["--birth-date", "2021-02-29"],
        ["--birth-date", "2030-01-01", "--on", "2026-11-25"],
        ["--birth-date", "1990-01-01", "--arrival-date", "2027-01-01", "--on", "2026-11-25"],
        ["--birth-date", "gestern"],
    ],
)
def test_eligibility_bad_dates_exit_2(args: list[str]) -> None:
    assert "error" in cli("eligibility", *args, expect=2)


@pytest.fixture
def district_db(tmp_path: Path) -> Path:
    db = tmp_path / "district.sqlite3"
    result = cli(
        "district", "init", "--name", "Landkreis Dachau", "--code", "LRADAH", *ADMIN_ARGS, db=db
    )
    assert len(result["fingerprint"].split()) == 8
    return db


def enrol_via_files(office: Path, district: Path, new_key: bool = False) -> dict[str, Any]:
    request, package = office.parent / "request.json", office.parent / "package.json"
    cli("office", "request", "--out", str(request), *(["--new-key"] if new_key else []), db=office)
    enrolled = cli("district", "enrol", str(request), "--out", str(package), db=district)
    installed = cli("office", "install", str(package), db=office)
    assert installed["fingerprint"] == enrolled["fingerprint"]
    return installed


@pytest.fixture
def office_db(tmp_path: Path, district_db: Path) -> Path:
    db = tmp_path / "office.sqlite3"
    result = cli(
        "office",
        "init",
        "--code",
        "EWDAH",
        "--name",
        "Einwohnermeldeamt Dachau",
        "--kind",
        "einwohnermeldeamt",
        "--municipality",
        "Dachau",
        *ADMIN_ARGS,
        db=db,
    )
    assert result["office"] == "EWDAH"
    enrol_via_files(db, district_db)
    return db


def table_counts(db: Path) -> dict[str, int]:
    """Rows per table; the audit log's without the log-ins (every command logs its account
    in first, and that is recorded even when the command then fails)."""
    with sqlite3.connect(db) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        counts = {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
        counts["audit_event"] -= connection.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'account.login'"
        ).fetchone()[0]
        return counts


def test_counter_flow(office_db: Path) -> None:
    added = cli(
        "person",
        "add",
        "--family-name",
        "Ahmadi",
        "--given-names",
        "Zahra",
        "--birth-date",
        "00.00.2001",
        "--arrival-date",
        "2024-09-02",
        "--nationality",
        "AFG",
        "--language",
        "fa",
        "--consent",
        db=office_db,
    )
    assert added["eligibility"]["status"] == "eligible"
    person_id = added["id"]

    issued = cli("pass", "issue", person_id, "--language", "fa", db=office_db)
    number = PassNumber.parse(issued["pass_number"])
    assert number.office == "EWDAH"
    assert "pdf" in issued

    refused = cli("pass", "issue", person_id, db=office_db, expect=1)
    assert issued["pass_number"] in refused["error"]

    entry = cli(
        "entry",
        "add",
        issued["pass_number"],
        "--kind",
        "sprachkurs",
        "--date",
        "01.11.2026",
        "--level",
        "a2",
        "--title",
        "Deutsch A2",
        db=office_db,
    )
    listed = cli("entry", "list", issued["pass_number"], db=office_db)
    assert listed["pass_number"] == issued["pass_number"]
    assert [e["id"] for e in listed["entries"]] == [entry["id"]]
    assert {"id", "kind", "date", "title", "level", "result", "office"} <= listed["entries"][
        0
    ].keys()
    assert listed["entries"][0]["level"] == "A2"
    assert listed["entries"][0]["office"] == "EWDAH"

    found = cli("find", "Achmadi", "Sahra", db=office_db)
    assert [r["id"] for r in found["results"]] == [person_id]
    assert cli("find", issued["pass_number"].lower(), db=office_db)["results"][0]["id"] == person_id


def test_issue_refusals_and_override(office_db: Path) -> None:
    child = cli(
        "person",
        "add",
        "--family-name",
        "Klein",
        "--birth-date",
        "2015-03-03",
        "--from-abroad",
        db=office_db,
    )
    assert child["eligibility"]["status"] == "not_eligible"
    cli("pass", "issue", child["id"], db=office_db, expect=1)

    review = cli(
        "person",
        "add",
        "--family-name",
        "Tesfaye",
        "--given-names",
        "Selam",
        "--birth-date",
        "XX.XX.1999",
        db=office_db,
    )
    assert review["eligibility"]["status"] == "needs_review"
    cli("pass", "issue", review["id"], db=office_db, expect=1)
    issued = cli(
        "pass",
        "issue",
        review["id"],
        "--override-reason",
        "Einreise laut Aufenthaltstitel am 03.05.2023",
        db=office_db,
    )
    assert PassNumber.parse(issued["pass_number"]).sequence == 1


@pytest.mark.parametrize(
    "args",
    [
        ["person", "add", "--family-name", "Ahmadi", "--birth-date", "31.02.2000"],
        ["person", "add", "--family-name", "Ahmadi", "--birth-date", "2030-01-01"],
        [
            "person",
            "add",
            "--family-name",
            "Ahmadi",
            "--birth-date",
            "2000-01-01",
            "--nationality",
            "QQQ",
        ],
        ["person", "add", "--family-name", "R2D2", "--birth-date", "2000-01-01"],
        ["entry", "add", "EWDAH-000001-00", "--kind", "sprachkurs", "--date", "2026-11-01"],
        ["entry", "add", "EWDAH-000001-00", "--kind", "kochkurs", "--date", "2026-11-01"],
        ["pass", "issue", "not-an-id"],
        ["find", "EWDAH-000001-00"],
    ],
)
def test_bad_input_exits_2_and_writes_nothing(office_db: Path, args: list[str]) -> None:
    before = table_counts(office_db)
    result = cli(*args, db=office_db, expect=2)
    assert result["error"]
    assert result["error_de"]
    assert table_counts(office_db) == before


def test_person_add_without_office_exits_2(tmp_path: Path) -> None:
    cli(
        "person",
        "add",
        "--family-name",
        "Ahmadi",
        "--birth-date",
        "2000-01-01",
        db=tmp_path / "empty.sqlite3",
        expect=2,
    )


def test_database_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("PASSAPP_DB", str(target))
    cli(
        "office", "init", "--code", "JCDAH", "--name", "Jobcenter Dachau", "--kind", "jobcenter",
        *ADMIN_ARGS,
    )  # fmt: skip
    assert target.exists()


def test_human_output_without_json(office_db: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "passapp",
            "eligibility",
            "--birth-date",
            "2000-01-01",
            "--from-abroad",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "erfüllt" in done.stdout


def test_pass_verify_revoke_replace_and_sheet(
    office_db: Path, district_db: Path, tmp_path: Path
) -> None:
    person = cli(
        "person",
        "add",
        "--family-name",
        "Ivanova",
        "--given-names",
        "Yuliia",
        "--birth-date",
        "2002-10-10",
        "--from-abroad",
        db=office_db,
    )
    pdf = tmp_path / "ivanova.pdf"
    issued = cli("pass", "issue", person["id"], "--language", "uk", "--out", str(pdf), db=office_db)
    assert issued["pdf"] == str(pdf.resolve())
    assert pdf.read_bytes().startswith(b"%PDF")
    qr = issued["qr"]

    keys = {
        "valid",
        "reason",
        "pass_number",
        "status",
        "office",
        "issued_on",
        "generation",
        "holder_matches",
    }
    ok = cli(
        "pass",
        "verify",
        qr,
        "--family-name",
        "IVANOVA",
        "--given-names",
        "Yuliia",
        "--birth-date",
        "10.10.2002",
        db=office_db,
    )
    assert keys <= ok.keys()
    assert (ok["valid"], ok["status"], ok["holder_matches"]) == (True, "active", True)
    other = cli(
        "pass",
        "verify",
        qr,
        "--family-name",
        "Ivanova",
        "--given-names",
        "Olena",
        "--birth-date",
        "10.10.2002",
        db=office_db,
        expect=1,
    )
    assert other["holder_matches"] is False
    tampered = cli(
        "pass",
        "verify",
        qr[:50] + ("1" if qr[50] != "1" else "2") + qr[51:],
        db=office_db,
        expect=1,
    )
    assert tampered["valid"] is False

    sheet = tmp_path / "eintraege.pdf"
    cli(
        "entry",
        "add",
        issued["pass_number"],
        "--kind",
        "beratung",
        "--date",
        "2026-11-24",
        db=office_db,
    )
    assert cli("pass", "sheet", issued["pass_number"], "--out", str(sheet), db=office_db)[
        "pdf"
    ] == str(sheet)
    assert sheet.read_bytes().startswith(b"%PDF")

    replaced = cli(
        "pass", "replace", issued["pass_number"], "--out", str(tmp_path / "neu.pdf"), db=office_db
    )
    assert replaced["generation"] == 1
    assert cli("pass", "verify", qr, db=office_db, expect=1)["status"] == "replaced"
    cli("pass", "verify", replaced["qr"], db=office_db)
    cli(
        "pass", "revoke", issued["pass_number"], "--reason", "Missbrauch festgestellt", db=office_db
    )
    assert cli("pass", "verify", replaced["qr"], db=office_db, expect=1)["status"] == "revoked"
    cli(
        "entry",
        "add",
        issued["pass_number"],
        "--kind",
        "beratung",
        "--date",
        "2026-11-24",
        db=office_db,
        expect=1,
    )


def test_entry_with_a_scanned_pass_at_a_provider(
    office_db: Path, district_db: Path, tmp_path: Path
) -> None:
    person = cli(
        "person",
        "add",
        "--family-name",
        "Haidari",
        "--given-names",
        "Ali Reza",
        "--birth-date",
        "2008-06-30",
        "--from-abroad",
        db=office_db,
    )
    issued = cli("pass", "issue", person["id"], db=office_db)
    provider = tmp_path / "provider" / "vhs.sqlite3"
    provider.parent.mkdir()
    cli(
        "office",
        "init",
        "--code",
        "VHSKA",
        "--name",
        "VHS Karlsfeld",
        "--kind",
        "sprachkurstraeger",
        *ADMIN_ARGS,
        db=provider,
    )
    enrol_via_files(provider, district_db)
    logged = cli(
        "entry",
        "add",
        issued["qr"],
        "--kind",
        "sprachkurs",
        "--date",
        "2026-11-20",
        "--level",
        "A2",
        db=provider,
    )
    listed = cli("entry", "list", issued["pass_number"], db=provider)
    assert [e["id"] for e in listed["entries"]] == [logged["id"]]
    assert listed["entries"][0]["office"] == "VHSKA"
