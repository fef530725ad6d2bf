"""The demo's accounts (issue 10): one per office role, one published password; a real
installation has none of them."""

from __future__ import annotations

from pathlib import Path

from passapp.domain.accounts import ROLE_LABELS_DE, Role
from passapp.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from passapp.services.desk import Gate


def test_the_demo_logs_in_with_each_office_role_and_its_keys_are_encrypted(
    tmp_path: Path,
) -> None:
    gate = Gate.open_demo(tmp_path)
    assert gate.demo_accounts == tuple((name, ROLE_LABELS_DE[role]) for name, role in DEMO_ACCOUNTS)
    assert {role for _name, role in DEMO_ACCOUNTS} == {
        Role.CLERK,
        Role.OFFICE_ADMIN,
        Role.AUDITOR,
    }
    for name, role in DEMO_ACCOUNTS:
        desk = gate.log_in(name, DEMO_PASSWORD)
        assert desk.account.role is role
        desk.log_out()
    clerk = gate.log_in("sachbearbeitung", DEMO_PASSWORD)
    assert clerk.find("Ahmadi").hits  # the invented people are there
    clerk.log_out()
    gate.close()
    raw = (tmp_path / "demo.sqlite3").read_bytes()
    assert b"BEGIN PRIVATE KEY" not in raw


def test_a_real_installation_shows_no_demo_accounts(tmp_path: Path) -> None:
    gate = Gate.open(str(tmp_path / "passapp.sqlite3"))
    assert gate.demo_accounts == ()
    assert gate.demo_password is None
    gate.close()
