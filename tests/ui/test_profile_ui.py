"""The learner profile in the desktop app: the folded section of the registration form,
the profile line and its edit dialog on the person panel (real SQLite databases)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.profile import (
    Arrangement,
    Assessment,
    Basis,
    GermanLevel,
    LearnerProfile,
    Literacy,
    Skill,
)
from passapp.models.entities import AuditEvent, ChangeRecord, Person
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.people import Registration
from passapp.services.profile import learner_profile
from passapp.ui.main_window import MainWindow
from passapp.ui.person_form import PersonForm
from passapp.ui.profile_section import ProfileDialog
from passapp.ui.tasks import TaskRunner
from tests.services.helpers import count, register
from tests.support.keyboard import Keyboard
from tests.ui.mnemonics import mnemonics

WAIT_MS = 10_000
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def shown_form(qtbot: QtBot, desk: Desk, tasks: TaskRunner, text: str) -> PersonForm:
    form = PersonForm.for_new(desk, tasks, prefill_text=text)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return form


def choose(combo: object, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]


def test_the_profile_entered_at_registration_is_saved_with_the_person(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "Haddad Rana 14.02.1998")
    view = form.view
    assert not view.profile_section.isVisible()  # folded: it does not slow a registration
    qtbot.keyClick(view.family_edit, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(view.profile_section.isVisible)
    section = view.profile_section
    assert section.level_combo.hasFocus()
    choose(section.level_combo, GermanLevel.B1)
    choose(section.basis_combo, Basis.CERTIFICATE)
    qtbot.keyClicks(section.assessed_edit, "10.03.2026")
    choose(section.skill_combos[Skill.SPRECHEN], GermanLevel.B2)
    choose(section.literacy_combo, Literacy.LATIN)
    qtbot.keyClicks(section.school_years_edit, "10")
    section.wish_checks[EntryKind.SPRACHKURS].setChecked(True)
    section.wish_checks[Arrangement.EVENING].setChecked(True)
    saved: list[Registration] = []
    form.saved.connect(saved.append)

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(section.school_years_edit, Qt.Key.Key_Return)

    [registration] = saved
    view_ = learner_profile(office_ctx, registration.person.id)
    assert view_.highest_level is not None
    assert (view_.highest_level.level, view_.highest_level.basis) == (
        GermanLevel.B1,
        Basis.CERTIFICATE,
    )
    assert view_.highest_level.on == PartialDate(2026, 3, 10)
    profile = view_.profile
    assert {(a.skill, a.level) for a in profile.assessments} == {
        (Skill.OVERALL, GermanLevel.B1),
        (Skill.SPRECHEN, GermanLevel.B2),
    }
    assert profile.literacy == Literacy.LATIN
    assert profile.school_years == 10
    assert profile.wished_kinds == {EntryKind.SPRACHKURS}
    assert profile.arrangements == {Arrangement.EVENING}


def test_enter_with_the_untouched_profile_registers_without_a_profile(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "Okafor Chinedu 01.01.1990")
    form.view.profile_toggle.setChecked(True)  # opened, but nothing chosen
    saved: list[Registration] = []
    form.saved.connect(saved.append)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(form.view.profile_section.level_combo, Qt.Key.Key_Return)
    [registration] = saved
    assert learner_profile(office_ctx, registration.person.id).profile.is_empty()


def test_esc_on_the_opened_profile_section_closes_and_saves_nothing(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "Okafor Chinedu 01.01.1990")
    form.view.profile_toggle.setChecked(True)
    qtbot.keyClick(form.view.profile_section.level_combo, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert count(office_ctx, Person) == 0


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("school_years_edit", "30", "Schuljahre müssen zwischen 0 und 25 liegen"),
        ("assessed_edit", "31.02.2026", ""),
    ],
)
def test_a_bad_profile_value_shows_the_message_and_registers_nobody(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    clerk_desk: Desk,
    field: str,
    text: str,
    message: str,
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "Okafor Chinedu 01.01.1990")
    section = form.view.profile_section
    form.view.profile_toggle.setChecked(True)
    choose(section.level_combo, GermanLevel.A2)
    getattr(section, field).setText(text)
    qtbot.keyClick(section.level_combo, Qt.Key.Key_Return)
    assert section.error.isVisible()
    assert section.error.text()
    assert message in section.error.text()
    assert form.isVisible()
    assert not tasks.busy
    assert count(office_ctx, Person) == 0


def test_an_unknown_training_country_shows_the_service_message_at_the_section(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "Okafor Chinedu 01.01.1990")
    section = form.view.profile_section
    form.view.profile_toggle.setChecked(True)
    choose(section.training_combo, "degree")
    section.country_edit.setText("Atlantis")
    qtbot.keyClick(section.country_edit, Qt.Key.Key_Return)
    assert "Unbekannte Staatsangehörigkeit „Atlantis“" in section.error.text()
    assert count(office_ctx, Person) == 0


def test_the_profile_dialog_edits_a_registered_person_and_keeps_the_history(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = register(office_ctx, "Okafor", "Chinedu")
    dialog = ProfileDialog(clerk_desk, tasks, person_id, [])
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.section.level_combo, GermanLevel.A2)
    dialog.section.assessed_edit.setText("01.02.2025")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.section.level_combo, Qt.Key.Key_Return)
    later = ProfileDialog(clerk_desk, tasks, person_id, [])
    qtbot.addWidget(later)
    assert later.section.level_combo.currentData() == GermanLevel.A2  # shown again
    choose(later.section.level_combo, GermanLevel.B1)
    later.section.assessed_edit.setText("01.02.2026")
    with qtbot.waitSignal(later.saved, timeout=WAIT_MS):
        later.save_button.click()
    levels = [a.level for a in learner_profile(office_ctx, person_id).profile.assessments]
    assert levels == [GermanLevel.A2, GermanLevel.B1]


def test_the_untouched_profile_dialog_saves_nothing_on_enter(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = register(office_ctx, "Okafor", "Chinedu")
    before = count(office_ctx, ChangeRecord), count(office_ctx, AuditEvent)
    dialog = ProfileDialog(clerk_desk, tasks, person_id, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.section.level_combo, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert not tasks.busy
    assert (count(office_ctx, ChangeRecord), count(office_ctx, AuditEvent)) == before


# --- the person panel ------------------------------------------------------------------------


def test_the_panel_shows_the_profile_line_and_edits_it_with_ctrl_shift_b(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, clerk_desk: Desk
) -> None:
    person_id = register(office_ctx, "Haddad", "Rana")
    clerk_desk.set_learner_profile(
        person_id,
        LearnerProfile(
            assessments=(Assessment(GermanLevel.B1, Basis.CERTIFICATE, PartialDate(2026, 3)),),
            literacy=Literacy.LATIN,
            wished_kinds=frozenset({EntryKind.SPRACHKURS}),
            arrangements=frozenset({Arrangement.EVENING}),
            languages=("fa",),
        ),
    )
    panel = window.person_panel
    assert panel.show_person(person_id)
    qtbot.waitUntil(lambda: not window.tasks.busy)  # the opening's audit event
    assert panel.profile_line.text() == (
        "Deutsch: B1 (Zertifikat, 2026) · Alphabetisiert: ja, lateinische Schrift"
        " · Wünsche: Sprachkurs, Abendkurs · spricht: Persisch"
    )
    assert panel.profile_button.isVisible()
    Keyboard(qtbot).press(Qt.Key.Key_B, CTRL_SHIFT)
    dialog = panel.findChild(ProfileDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    choose(dialog.section.level_combo, GermanLevel.B2)
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "Deutsch: B2" in panel.profile_line.text())


def test_the_panel_says_when_there_is_no_profile(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    panel = window.person_panel
    assert panel.show_person(register(office_ctx, "Okafor", "Chinedu"))
    assert panel.profile_line.text() == "Kein Bildungsprofil erfasst."


def test_the_profile_action_is_hidden_for_a_person_of_another_office(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.person_panel
    monkeypatch.setattr(panel, "_office_code", "JCDAH")  # as if registered at another office
    assert panel.show_person(register(office_ctx, "Okafor", "Chinedu"))
    assert panel.profile_button.isHidden()
    assert panel.edit_profile() is None


def test_with_the_profile_open_every_alt_letter_is_unique_and_reaches_its_field(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = shown_form(qtbot, clerk_desk, tasks, "")
    form.view.profile_toggle.setChecked(True)
    found = mnemonics(form)
    letters = [letter for letter, _target, _text in found]
    assert len(letters) >= 20  # the person's fields and the profile's
    assert len(set(letters)) == len(letters), letters
    assert "E" not in letters  # Alt+E ticks the consent
    for letter, target, text in found:
        form.view.contact_edit.setFocus()
        if target is form.view.contact_edit:
            form.view.family_edit.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{letter}"), ALT)
        assert QApplication.focusWidget() is target, text
    assert count(office_ctx, Person) == 0
