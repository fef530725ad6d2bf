"""Einwilligung widerrufen … and Löschen nach Art. 17 …: both explain first, never act on
Enter, run on the worker and show a refusal in German."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.errors import NotFound
from passapp.services.people import PersonInput, register_person
from passapp.ui.erase_dialog import (
    EraseDialog,
    WithdrawConsentDialog,
    erasure_note,
    open_erase,
    open_withdraw_consent,
)
from passapp.ui.tasks import TaskRunner

REASON = "Antrag der Person vom 24.11.2026"


def qarawani() -> PersonInput:
    return PersonInput(
        family_names="Al-Qarawani",
        given_names="Noor",
        birth_date=PartialDate.parse("1987-06-29"),
        arrival_date=PartialDate.parse("2023-02-11"),
        moved_from_abroad=True,
        consent=True,
        consent_notice_version="2026-11",
    )


@pytest.fixture
def person_id(office_ctx: ServiceContext, admin_desk: Desk, tmp_path: Path) -> uuid.UUID:
    """A person with consent and a valid pass."""
    person = register_person(office_ctx, qarawani()).person.id
    admin_desk.issue_pass(person, out_pdf=tmp_path / "pass.pdf")
    return person


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def erase_dialog(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, parent: QWidget, person_id: uuid.UUID
) -> EraseDialog:
    dialog = open_erase(desk, tasks, desk.person_overview(person_id), parent)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_erasure_says_what_happens_and_needs_a_reason_and_a_tick(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    person_id: uuid.UUID,
) -> None:
    admin = admin_desk
    active = admin.person_overview(person_id).active_pass
    assert active is not None
    dialog = erase_dialog(qtbot, admin, tasks, parent, person_id)
    assert "Noor Al-Qarawani" in dialog.windowTitle()
    text = dialog.explanation.text()
    assert f"Der gültige Pass {active.pass_number} wird widerrufen." in text
    assert "Landratsamt" in text
    assert "ohne Identität" in text
    assert "das Bildungsprofil (Daten nur mit Jahr) bleiben" in text  # as erasure keeps it
    assert not dialog.act_button.isEnabled()
    qtbot.keyClicks(dialog.reason, REASON)
    assert not dialog.act_button.isEnabled()
    dialog.confirmed.setChecked(True)
    assert dialog.act_button.isEnabled()
    with qtbot.waitSignal(dialog.erased, timeout=10_000) as erased:
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert erased.args[0].revoked_passes == [active.pass_number]
    assert erasure_note(erased.args[0]).startswith("Person gelöscht (Art. 17). Widerrufen: ")
    # Nobody can open the record any more, and the name finds nobody.
    with pytest.raises(NotFound):
        admin.get_person(person_id)
    assert admin.find("Qarawani").hits == []


def test_enter_and_esc_never_erase(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    person_id: uuid.UUID,
) -> None:
    admin = admin_desk
    untouched = erase_dialog(qtbot, admin, tasks, parent, person_id)
    qtbot.keyClick(untouched, Qt.Key.Key_Return)
    assert not untouched.isVisible()
    filled = erase_dialog(qtbot, admin, tasks, parent, person_id)
    qtbot.keyClicks(filled.reason, REASON)
    filled.confirmed.setChecked(True)
    # Enter in the reason field, and on the erase button itself: Abbrechen.
    filled.act_button.setFocus()
    qtbot.keyClick(filled.act_button, Qt.Key.Key_Return)
    assert not filled.isVisible()
    escaped = erase_dialog(qtbot, admin, tasks, parent, person_id)
    qtbot.keyClick(escaped, Qt.Key.Key_Escape)
    assert not escaped.isVisible()
    assert not tasks.busy
    assert admin.get_person(person_id).family_names == "Al-Qarawani"


def test_a_short_reason_is_refused_in_the_dialog(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    person_id: uuid.UUID,
) -> None:
    admin = admin_desk
    dialog = erase_dialog(qtbot, admin, tasks, parent, person_id)
    qtbot.keyClicks(dialog.reason, "Antrag")
    dialog.confirmed.setChecked(True)
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Die Begründung muss sagen, warum")
    assert dialog.reason.text() == "Antrag"
    assert dialog.act_button.isEnabled()
    assert admin.get_person(person_id).family_names == "Al-Qarawani"


def test_a_clerk_gets_no_erasure_but_may_record_a_withdrawal(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    person_id: uuid.UUID,
) -> None:
    clerk = clerk_desk
    overview = clerk.person_overview(person_id)
    assert open_erase(clerk, tasks, overview, parent) is None
    assert parent.findChild(EraseDialog) is None
    dialog = open_withdraw_consent(clerk, tasks, overview, parent)
    assert dialog is not None
    assert "verlassen diese Dienststelle nicht mehr" in dialog.explanation.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # untouched: Abbrechen
    assert not dialog.isVisible()
    assert clerk.get_person(person_id).consent
    dialog = open_withdraw_consent(clerk, tasks, overview, parent)
    assert dialog is not None
    with qtbot.waitSignal(dialog.withdrawn, timeout=10_000):
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    person = clerk.get_person(person_id)
    assert not person.consent
    assert person.family_names == "Al-Qarawani"  # this office keeps the person whole


def test_a_second_withdrawal_is_refused_in_german(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    person_id: uuid.UUID,
) -> None:
    clerk = clerk_desk
    clerk.withdraw_consent(person_id)
    dialog = WithdrawConsentDialog(clerk, tasks, clerk.person_overview(person_id), parent)
    dialog.open()
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text() == "Für diese Person liegt keine Einwilligung vor."
    assert dialog.act_button.isEnabled()
