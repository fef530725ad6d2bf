"""The person panel's "Auskunft (Art. 15) …" button: only for a person of this office,
Strg+Umschalt+U works from the search field, the files go where the save dialog says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from passapp.ui.main_window import MainWindow
from tests.support.keyboard import Keyboard

WAIT_MS = 15_000


def test_ctrl_shift_u_saves_the_report_where_the_admin_chose(
    qtbot: QtBot,
    admin_window: MainWindow,
    office_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = register_person(
        office_ctx,
        PersonInput(
            family_names="Haddad",
            given_names="Rana",
            birth_date=PartialDate(1994, 5, 17),
            moved_from_abroad=True,
            languages=("ar",),
        ),
    ).person.id
    window = admin_window
    chosen = tmp_path / "stick" / "auskunft-haddad"  # no ".pdf": added as for the pass
    chosen.parent.mkdir()
    offered: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    panel = window.person_panel
    assert not panel.report_button.isEnabled()  # nobody shown yet
    assert panel.show_person(person)
    qtbot.waitUntil(lambda: not window.tasks.busy)  # the opening's audit event, first
    assert panel.report_button.isEnabled()

    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        Keyboard(qtbot).press(
            Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )

    assert Path(offered[0]).name.startswith("Auskunft-Haddad-")
    pdf, data = chosen.with_name("auskunft-haddad.pdf"), chosen.with_name("auskunft-haddad.json")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert json.loads(data.read_text("utf-8"))["language"] == "ar"
    assert "Auskunft gespeichert" in window.statusBar().currentMessage()
    assert str(pdf) in panel.report_status


def test_a_failed_report_says_why_in_german(
    qtbot: QtBot,
    admin_window: MainWindow,
    office_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = register_person(
        office_ctx, PersonInput("Haddad", "Rana", PartialDate(1994, 5, 17), moved_from_abroad=True)
    ).person.id
    window = admin_window
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    target = blocked / "auskunft.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    assert window.person_panel.show_person(person)
    qtbot.waitUntil(lambda: not window.tasks.busy)  # the opening's audit event, first
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        window.person_panel.report_button.click()
    assert "Die Auskunft wurde nicht gespeichert" in window.person_panel.report_status
    assert blocked.read_text() == "not a folder"


def test_the_button_is_off_for_a_person_of_another_office(
    admin_window: MainWindow, office_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = register_person(
        office_ctx, PersonInput("Haddad", "Rana", PartialDate(1994, 5, 17), moved_from_abroad=True)
    ).person.id
    panel = admin_window.person_panel
    monkeypatch.setattr(panel, "_office_code", "JCDAH")  # as if registered at another office
    assert panel.show_person(person)
    assert not panel.report_button.isEnabled()


def test_a_clerk_has_no_access_report_button(
    window: MainWindow, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    """The report is the office administration's: hidden for a clerk, and its shortcut
    writes nothing."""
    person = register_person(
        office_ctx, PersonInput("Haddad", "Rana", PartialDate(1994, 5, 17), moved_from_abroad=True)
    ).person.id
    panel = window.person_panel
    assert panel.show_person(person)
    assert panel.report_button.isHidden()
    panel.write_access_report()
    assert panel.report_status == ""
