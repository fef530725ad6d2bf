"""Logging, correcting and cancelling entries through the real dialogs and the panel, on
real SQLite files; the services' answers are checked through ``list_entries``."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.entries import EntryInput, EntryView, add_entry, list_entries
from passapp.services.passes import IssuedPass, issue_pass, revoke_pass
from passapp.ui.entry_form import CancelEntryDialog, EntryForm
from passapp.ui.entry_panel import EntryPanel
from passapp.ui.entry_table import EntryTableModel
from passapp.ui.tasks import TaskRunner
from tests.services.helpers import register
from tests.ui.mnemonics import mnemonics

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def issued(office_ctx: ServiceContext) -> IssuedPass:
    return issue_pass(office_ctx, register(office_ctx))


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def new_form(qtbot: QtBot, desk: Desk, tasks: TaskRunner, reference: str) -> EntryForm:
    form = EntryForm.for_new(desk, tasks, reference)
    shown(qtbot, form)
    return form


def save_with_enter(qtbot: QtBot, tasks: TaskRunner, focus: QWidget) -> None:
    """Enter in ``focus`` and wait for the save on the worker."""
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(focus, Qt.Key.Key_Return)


def a_course(ctx: ServiceContext, number: str, day: dt.date = dt.date(2026, 9, 1)) -> EntryView:
    return add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.INTEGRATIONSKURS,
            start_date=day,
            status=EntryStatus.BEGONNEN,
            offer_slug="vhs-dachau-integrationskurs-allgemein",
            title="Allgemeiner Integrationskurs (Vollzeit)",
            provider="Volkshochschule Dachau",
            level=CefrLevel.A2,
        ),
    )


def test_a_new_entry_is_typed_and_saved_by_keyboard(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    saved: list[EntryView] = []
    form.saved.connect(saved.append)
    assert view.start_edit.text() == "25.11.2026"  # today (ctx.today) by default
    qtbot.waitUntil(view.offer_picker.search_field.hasFocus)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: Status
    assert view.status_combo.hasFocus()
    qtbot.keyClick(form, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Alt+A: Angebot
    assert view.offer_picker.search_field.hasFocus()

    qtbot.keyClicks(view.offer_picker.search_field, "deutsch a1")
    qtbot.keyClick(view.offer_picker.search_field, Qt.Key.Key_Return)  # picks, does not save
    assert form.isVisible()
    assert view.offer_picker.selected_offer() is not None
    assert view.kind_combo.currentText() == "Sprachkurs"  # proposed from the offer
    assert view.level_combo.currentText() == "A1"  # the offer leads to A1 only
    assert view.provider_edit.text() == "Volkshochschule Dachau"

    qtbot.keyClick(view.offer_picker.search_field, Qt.Key.Key_Tab)  # → Art
    qtbot.keyClick(view.kind_combo, Qt.Key.Key_Tab)  # → Beginn
    assert view.start_edit.hasFocus()
    view.start_edit.selectAll()
    qtbot.keyClicks(view.start_edit, "3.11.2026")
    qtbot.keyClick(view.start_edit, Qt.Key.Key_Tab)  # → Ende
    qtbot.keyClick(view.end_edit, Qt.Key.Key_Tab)  # → Status
    qtbot.keyClicks(view.status_combo, "Beg")  # type-ahead in the combo
    assert view.status_combo.currentText() == "Begonnen"
    save_with_enter(qtbot, tasks, view.status_combo)

    assert not form.isVisible()
    [entry] = list_entries(office_ctx, issued.pass_number).entries
    assert saved == [entry]
    assert (entry.kind, entry.status, entry.level) == ("sprachkurs", "begonnen", "A1")
    assert entry.offer == "vhs-dachau-deutsch-a1-abend"
    assert entry.date == dt.date(2026, 11, 3)
    assert entry.title == "Deutsch A1 – Abendkurs"
    assert entry.action == "record"


def test_typing_words_of_a_title_narrows_the_offers(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    picker = form.view.offer_picker
    everything = len(picker.shown_offers())

    qtbot.keyClicks(picker.search_field, "deutsch b1")
    titles = [offer.title for offer in picker.shown_offers()]
    assert 0 < len(titles) < everything
    assert "Deutsch-Test für Zuwanderer (DTZ)" in titles  # B1 is one of its levels
    assert "Deutsch A1 – Abendkurs" not in titles

    picker.search_field.clear()
    qtbot.keyClicks(picker.search_field, "eltern integr")
    assert [o.slug for o in picker.shown_offers()] == [
        "sprachschule-karlsfeld-integrationskurs-eltern"
    ]
    qtbot.keyClick(picker.search_field, Qt.Key.Key_Return)
    offer = picker.selected_offer()
    assert offer is not None
    assert offer.slug == "sprachschule-karlsfeld-integrationskurs-eltern"
    assert picker.search_field.text() == "Eltern- und Frauenintegrationskurs (Teilzeit)"
    assert form.view.kind_combo.currentText() == "Integrationskurs"
    # Three levels: none is proposed.
    assert form.view.level_combo.currentIndex() == 0

    # Typing again drops the pick; ↓ moves the highlight, Enter takes the second match.
    picker.search_field.clear()
    qtbot.keyClicks(picker.search_field, "berufssprachkurs")
    assert picker.selected_offer() is None
    qtbot.keyClick(picker.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search_field, Qt.Key.Key_Return)
    offer = picker.selected_offer()
    assert offer is not None
    assert offer.slug == picker.shown_offers()[1].slug


def test_a_future_day_with_status_abgeschlossen_is_refused_in_german(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("sprachkurs"))
    view.start_edit.setText("")
    qtbot.keyClicks(view.start_edit, "01.12.2026")
    view.status_combo.setCurrentIndex(view.status_combo.findData("abgeschlossen"))
    save_with_enter(qtbot, tasks, view.start_edit)

    assert form.isVisible()
    assert view.message.text() == (
        "Das Datum liegt in der Zukunft; das geht nur mit Status „empfohlen“ oder „angemeldet“."
    )
    assert list_entries(office_ctx, issued.pass_number).entries == []

    # Planned: the same day is fine as "angemeldet".
    view.status_combo.setCurrentIndex(view.status_combo.findData("angemeldet"))
    save_with_enter(qtbot, tasks, view.start_edit)
    [entry] = list_entries(office_ctx, issued.pass_number).entries
    assert (entry.status, entry.date) == ("angemeldet", dt.date(2026, 12, 1))


def test_form_errors_are_shown_before_anything_is_saved(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("sprachkurs"))
    view.start_edit.setText("20.11.2026")
    view.end_edit.setText("31.02.2026")
    qtbot.keyClick(view.end_edit, Qt.Key.Key_Return)  # no task: nothing is written
    assert view.message.text() == "Ende: Den 31.02.2026 gibt es nicht."
    assert view.end_edit.hasFocus()

    view.end_edit.setText("01.11.2026")
    save_with_enter(qtbot, tasks, view.end_edit)
    assert view.message.text() == "Das Enddatum liegt vor dem Beginn."

    view.end_edit.clear()
    qtbot.keyClicks(view.offer_picker.search_field, "gibt es nicht")
    qtbot.keyClick(view.offer_picker.search_field, Qt.Key.Key_Return)
    assert view.message.text().startswith("Angebot: bitte einen Treffer")
    assert list_entries(office_ctx, issued.pass_number).entries == []


def test_the_level_is_only_offered_for_language_kinds(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("integrationskurs"))
    assert view.level_combo.isEnabled()
    view.level_combo.setCurrentIndex(view.level_combo.findData("B1"))
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("beratung"))
    assert not view.level_combo.isEnabled()
    assert view.level_combo.currentData() is None


def test_an_exam_asks_for_the_level_passed_and_a_failed_one_has_none(
    qtbot: QtBot, tasks: TaskRunner, issued: IssuedPass, clerk_desk: Desk
) -> None:
    """An exam's level raises the holder's documented German level (learner profile,
    demand figures): the form says that a failed exam is recorded without one."""
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("pruefung"))
    assert view.level_combo.itemText(0) == "– ohne Niveau (nicht bestanden) –"
    assert "bestandene Niveau" in view.level_combo.toolTip()
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("sprachkurs"))
    assert view.level_combo.itemText(0) == "– ohne Niveau –"
    assert view.level_combo.toolTip() == ""


def test_a_revoked_pass_takes_no_entry(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    revoke_pass(office_ctx, issued.pass_number, "Person ist weggezogen")
    form.view.kind_combo.setCurrentIndex(form.view.kind_combo.findData("beratung"))
    form.view.title_edit.setText("Erstberatung")
    save_with_enter(qtbot, tasks, form.view.title_edit)
    assert "ist nicht gültig" in form.view.message.text()
    assert form.view.save_button.isEnabled()  # the clerk may close or try again
    assert list_entries(office_ctx, issued.pass_number).entries == []


def test_an_entry_on_a_scanned_qr_is_stored_on_the_pass(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    assert issued.qr_digits is not None
    panel = EntryPanel(clerk_desk, tasks)
    shown(qtbot, panel)
    assert panel.show_pass(issued.qr_digits)
    assert panel.heading.text() == f"Einträge zum Pass {issued.pass_number}"

    form = panel.new_entry()
    assert form is not None
    # The scanned pass is named by its number and holder, as for a typed number.
    assert form.view.holder.text() == f"Inhaber:in: Ahmadi, Zahra · Pass {issued.pass_number}"
    form.view.kind_combo.setCurrentIndex(form.view.kind_combo.findData("beratung"))
    form.view.title_edit.setText("Erstberatung")
    save_with_enter(qtbot, tasks, form.view.title_edit)

    [entry] = list_entries(office_ctx, issued.pass_number).entries
    assert (entry.kind, entry.title) == ("beratung", "Erstberatung")
    assert panel.model.rowCount() == 1  # the panel read the log again


def panel_on(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, number: str
) -> tuple[EntryPanel, list[bool]]:
    panel = EntryPanel(desk, tasks)
    shown(qtbot, panel)
    changed: list[bool] = []
    panel.entries_changed.connect(lambda: changed.append(True))
    assert panel.show_pass(number)
    return panel, changed


def test_correcting_keeps_the_old_entry_as_corrected(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    course = a_course(office_ctx, issued.pass_number)
    panel, changed = panel_on(qtbot, clerk_desk, tasks, issued.pass_number)
    assert panel.selected_entry() == course

    qtbot.keyClick(panel.table, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: panel.entry_form is not None)  # after the button's press
    form = panel.entry_form
    assert form is not None
    assert form.is_correction
    view = form.view
    qtbot.waitUntil(form.isVisible)
    assert "Korrigiert wird: Integrationskurs vom 01.09.2026" in view.subject.text()
    # Pre-filled with the earlier values.
    assert view.offer_picker.search_field.text() == "Allgemeiner Integrationskurs (Vollzeit)"
    assert (view.kind_combo.currentData(), view.level_combo.currentData()) == (
        "integrationskurs",
        "A2",
    )
    assert view.start_edit.text() == "01.09.2026"
    assert view.status_combo.currentData() == "begonnen"
    view.level_combo.setCurrentIndex(view.level_combo.findData("B1"))
    save_with_enter(qtbot, tasks, view.result_edit)

    entries = list_entries(office_ctx, issued.pass_number).entries
    [correction] = [e for e in entries if e.action == Action.CORRECTION.value]
    assert correction.refers_to == course.id
    assert correction.level == "B1"
    assert correction.offer == "vhs-dachau-integrationskurs-allgemein"
    assert changed == [True]
    # The table: the correction selected on top, the old entry below it as "korrigiert".
    assert panel.selected_entry() == correction
    old_row = panel.model.row_of(course.id)
    assert old_row == 1
    assert panel.model.data(panel.model.index(old_row, EntryTableModel.NOTE)) == "korrigiert"
    # The corrected entry cannot be corrected or cancelled again, only its correction.
    panel.table.selectRow(old_row)
    assert not panel.correct_button.isEnabled()
    assert not panel.cancel_button.isEnabled()
    assert "schon korrigiert oder storniert" in panel.message.text()


def test_cancelling_marks_the_entry_storniert_and_twice_is_refused(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    course = a_course(office_ctx, issued.pass_number)
    panel, changed = panel_on(qtbot, clerk_desk, tasks, issued.pass_number)
    qtbot.keyClick(panel.table, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: panel.cancel_dialog is not None)
    dialog = panel.cancel_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.subject.text().startswith("Integrationskurs vom 01.09.2026: Allgemeiner")
    save_with_enter(qtbot, tasks, dialog.confirm_button)

    entries = list_entries(office_ctx, issued.pass_number).entries
    [cancellation] = [e for e in entries if e.action == Action.CANCELLATION.value]
    assert cancellation.refers_to == course.id
    assert [e.cancelled for e in entries if e.id == course.id] == [True]
    row = panel.model.row_of(course.id)
    assert row is not None
    assert panel.model.data(panel.model.index(row, EntryTableModel.NOTE)) == "storniert"
    assert changed == [True]

    # A second clerk still has the log as it was before and cancels the same entry.
    other = CancelEntryDialog(clerk_desk, tasks, issued.pass_number, course)
    shown(qtbot, other)
    save_with_enter(qtbot, tasks, other.confirm_button)
    assert other.isVisible()
    assert other.message.text() == "Dieser Eintrag wurde bereits storniert."
    assert len(list_entries(office_ctx, issued.pass_number).entries) == 2


def test_the_panel_opens_a_new_entry_with_its_shortcut_and_esc_closes_it(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    panel, changed = panel_on(qtbot, clerk_desk, tasks, issued.pass_number)
    assert panel.message.text() == "Noch keine Einträge."
    assert not panel.correct_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: panel.entry_form is not None)
    form = panel.entry_form
    assert form is not None
    assert not form.is_correction
    qtbot.waitUntil(form.isVisible)
    qtbot.keyClick(form.view.title_edit, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert list_entries(office_ctx, issued.pass_number).entries == []
    assert changed == []


def test_an_unknown_pass_is_said_in_german(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    panel = EntryPanel(clerk_desk, tasks)
    shown(qtbot, panel)
    assert not panel.show_pass("EWDAH-999999-00")
    assert panel.message.text()
    assert "Traceback" not in panel.message.text()
    assert panel.model.rowCount() == 0


def test_enter_on_the_untouched_form_saves_nothing_and_asks_for_the_kind(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    view = form.view
    qtbot.keyClick(view.offer_picker.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tasks.busy)  # a save would run on the worker
    assert list_entries(office_ctx, issued.pass_number).entries == []
    assert view.kind_combo.currentIndex() == -1  # no kind is proposed
    assert form.isVisible()
    assert view.message.text() == "Art: bitte die Art des Eintrags wählen."
    assert view.kind_combo.hasFocus()
    # Typing the kind's first letters chooses it; Enter then saves.
    qtbot.keyClicks(view.kind_combo, "Bera")
    assert view.kind_combo.currentData() == "beratung"
    save_with_enter(qtbot, tasks, view.kind_combo)
    [entry] = list_entries(office_ctx, issued.pass_number).entries
    assert entry.kind == "beratung"


def test_esc_on_the_untouched_form_closes_it_without_saving(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    qtbot.keyClick(form.view.offer_picker.search_field, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert list_entries(office_ctx, issued.pass_number).entries == []


def test_every_alt_letter_of_the_entry_form_moves_the_focus_to_its_field(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, issued.pass_number)
    found = mnemonics(form)
    letters = [letter for letter, _target, _text in found]
    assert len(letters) >= 8
    assert len(set(letters)) == len(letters), letters
    missed = []
    for letter, target, text in found:
        form.view.save_button.setFocus()
        qtbot.keyClick(form.view.save_button, getattr(Qt.Key, f"Key_{letter}"), ALT)
        if QApplication.focusWidget() is not target:
            missed.append(f"Alt+{letter} ({text})")
    assert missed == []


def test_enter_on_an_untouched_correction_saves_nothing(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    issued: IssuedPass,
    clerk_desk: Desk,
) -> None:
    earlier = add_entry(
        office_ctx,
        issued.pass_number,
        EntryInput(EntryKind.SPRACHKURS, dt.date(2026, 11, 2), title="Deutsch A1 – Abendkurs"),
    )
    form = EntryForm.for_correction(clerk_desk, tasks, issued.pass_number, earlier)
    shown(qtbot, form)
    qtbot.keyClick(form.view.start_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert [e.id for e in list_entries(office_ctx, issued.pass_number).entries] == [earlier.id]
    assert form.isVisible()
    assert form.view.message.text() == "Nichts geändert: bitte korrigieren oder mit Esc schließen."
    # A real correction is saved.
    form.view.start_edit.setText("03.11.2026")
    save_with_enter(qtbot, tasks, form.view.start_edit)
    log = list_entries(office_ctx, issued.pass_number).entries
    assert sorted(e.date for e in log) == [dt.date(2026, 11, 2), dt.date(2026, 11, 3)]
