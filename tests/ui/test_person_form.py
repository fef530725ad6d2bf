"""The registration form with real SQLite databases, driven through its widgets and keys."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.domain.text import TEXT_FIELDS
from passapp.models.entities import AuditEvent, ChangeRecord, Person
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.errors import Refused
from passapp.services.people import (
    CONSENT_NOTICE_VERSION,
    PersonInput,
    Registration,
    get_person,
    person_input,
    register_person,
    update_person,
)
from passapp.services.search import find
from passapp.services.sync import export_bundles, import_bundle
from passapp.services.views import PersonView
from passapp.ui.code_picker import CodePicker
from passapp.ui.person_form import PersonForm, read_date, split_search_text
from passapp.ui.person_form_view import DuplicateTableModel
from passapp.ui.tasks import TaskRunner
from tests.services.helpers import count, register
from tests.support.keyboard import Keyboard
from tests.ui.mnemonics import mnemonics

WAIT_MS = 10_000
ALT = Qt.KeyboardModifier.AltModifier


def shown(qtbot: QtBot, form: PersonForm) -> PersonForm:
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return form


def new_form(qtbot: QtBot, desk: Desk, tasks: TaskRunner, text: str = "") -> PersonForm:
    return shown(qtbot, PersonForm.for_new(desk, tasks, prefill_text=text))


def status_shows(qtbot: QtBot, form: PersonForm, words: str) -> None:
    """Wait for the live check (after the typing pause) to show ``words``."""
    qtbot.waitUntil(lambda: words in form.view.status_label.text(), timeout=2_000)


# --- pure helpers and the table model --------------------------------------------------------


def test_search_text_splits_into_family_given_and_birth_date() -> None:
    assert split_search_text("Ahmadi Zahra") == ("Ahmadi", "Zahra", "")
    assert split_search_text(" Al-Hassan  Mohammed Karim 00.00.1995") == (
        "Al-Hassan",
        "Mohammed Karim",
        "00.00.1995",
    )
    assert split_search_text("") == ("", "", "")


def test_dates_are_read_as_clerks_type_them() -> None:
    assert read_date("03042001") == PartialDate(2001, 4, 3)
    assert read_date("XX.XX.1990") == PartialDate(1990)
    assert read_date(" ") is None


def test_duplicate_table_model_without_a_view(office_ctx: ServiceContext) -> None:
    register(office_ctx, "Ahmadi", "Zahra", birth="2001-00-00")
    model = DuplicateTableModel()
    model.set_rows(find(office_ctx, "Ahmadi").hits)
    assert (model.rowCount(), model.columnCount()) == (1, 3)
    assert model.headerData(DuplicateTableModel.BIRTH, Qt.Orientation.Horizontal) == (
        "Geburtsdatum"
    )
    assert model.data(model.index(0, DuplicateTableModel.NAME)) == "Ahmadi, Zahra"
    assert model.data(model.index(0, DuplicateTableModel.BIRTH)) == "XX.XX.2001"
    assert model.data(model.index(0, DuplicateTableModel.PASS)) == "kein Pass"


# --- live eligibility and duplicates ----------------------------------------------------------


def test_fifteen_year_old_is_shown_not_eligible_with_the_reason(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Kovalenko Dmytro")
    assert "Geburtsdatum" in form.view.reasons_label.text()  # nothing to check yet
    # The tests' day is 25.11.2026: born 26.11.2010, he turns sixteen tomorrow.
    qtbot.keyClicks(form.view.birth_edit, "26.11.2010")
    form.view.abroad_check.setChecked(True)
    status_shows(qtbot, form, "nicht erfüllt")
    assert form.view.status_label.text().startswith("✖")
    assert "ist jünger als 16 Jahre" in form.view.reasons_label.text()
    assert "direkt aus dem Ausland" in form.view.reasons_label.text()


def test_year_only_arrival_near_the_six_year_limit_is_unclear(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Rahimi Leyla 05.05.1990")
    qtbot.keyClicks(form.view.arrival_edit, "02.09.2021")
    status_shows(qtbot, form, "erfüllt")
    form.view.arrival_edit.clear()
    qtbot.keyClicks(form.view.arrival_edit, "XX.XX.2020")
    status_shows(qtbot, form, "unklar")
    assert "Einreise unklar" in form.view.reasons_label.text()


def test_registered_person_shows_as_possible_duplicate_before_saving(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    existing = register(office_ctx, "Ahmadi", "Zahra", birth="2001-04-03")
    form = new_form(qtbot, clerk_desk, tasks)
    qtbot.keyClicks(form.view.family_edit, "Ahmady")
    qtbot.keyClicks(form.view.given_edit, "Zahra")
    qtbot.keyClicks(form.view.birth_edit, "03.04.2001")
    qtbot.waitUntil(lambda: form.view.duplicates.rowCount() == 1, timeout=2_000)
    assert form.view.duplicates.summary(0).id == existing
    assert form.view.duplicate_table.isVisible()
    assert form.view.save_button.text() == "Trotzdem neu speichern"
    assert count(office_ctx, Person) == 1  # nothing stored by looking

    # Ctrl+O: open the one already registered instead.
    with qtbot.waitSignal(form.open_existing) as opened:
        qtbot.keyClick(form.view.given_edit, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [existing]
    assert not form.isVisible()
    assert count(office_ctx, Person) == 1


def test_the_name_in_the_original_script_finds_another_transcription_before_saving(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    existing = register(
        office_ctx, "Al-Husseini", "Dschamal", birth="1990-02-11", original=("الحسيني", "جمال")
    )
    form = new_form(qtbot, clerk_desk, tasks)
    qtbot.keyClicks(form.view.family_edit, "Alhussaini")
    qtbot.keyClicks(form.view.given_edit, "Jamal")
    qtbot.keyClicks(form.view.birth_edit, "11.02.1990")
    qtbot.waitUntil(
        lambda: "Keine ähnlichen Personen" in form.view.duplicates_note.text(), timeout=2_000
    )
    assert form.view.save_button.text() == "Speichern"

    # pasted from the document (QTest types Latin-1 only)
    form.view.family_original_edit.insert("الحسيني")
    form.view.given_original_edit.insert("جمال")

    qtbot.waitUntil(lambda: form.view.duplicates.rowCount() == 1, timeout=2_000)
    assert form.view.duplicates.summary(0).id == existing
    assert (
        "Gleicher Name in Originalschrift, in lateinischer Schrift anders geschrieben: "
        "Al-Husseini, Dschamal." in form.view.duplicates_note.text()
    )
    assert form.view.save_button.text() == "Trotzdem neu speichern"
    assert count(office_ctx, Person) == 1


def test_enter_on_a_duplicate_opens_it_and_does_not_save(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    existing = register(office_ctx, "Ahmadi", "Zahra", birth="2001-04-03")
    form = new_form(qtbot, clerk_desk, tasks, "Ahmadi Zahra 03.04.2001")
    assert form.view.duplicates.rowCount() == 1
    opened: list[uuid.UUID] = []
    form.open_existing.connect(opened.append)
    form.view.duplicate_table.setFocus()
    qtbot.keyClick(form.view.duplicate_table, Qt.Key.Key_Return)
    assert opened == [existing]
    assert not tasks.busy
    assert count(office_ctx, Person) == 1


def test_two_digit_years_are_read_by_what_the_date_is(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    """The tests' day is 25.11.2026: an arrival "1.3.24" is 2024, a birth "17.5.94" is 1994,
    a birth "1.3.24" (1924 or 2024?) is refused, not guessed."""
    form = new_form(qtbot, clerk_desk, tasks, "Haddad Rana")
    view = form.view
    qtbot.keyClicks(view.birth_edit, "170594")
    qtbot.keyClicks(view.arrival_edit, "1.3.24")
    view.birth_edit.editingFinished.emit()  # leaving a field writes its date out
    view.arrival_edit.editingFinished.emit()
    assert (view.birth_edit.text(), view.arrival_edit.text()) == ("17.05.1994", "01.03.2024")
    status_shows(qtbot, form, "erfüllt")
    view.birth_edit.setText("1.3.24")
    view.birth_edit.editingFinished.emit()
    assert "1924 oder 2024" in view.birth_error.text()


def test_an_unknown_arrival_is_its_own_choice_not_zeros(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Rahimi Leyla 05.05.1990")
    view = form.view
    qtbot.keyClicks(view.arrival_edit, "00.00.0000")
    view.arrival_edit.editingFinished.emit()
    assert "„Einreisedatum unbekannt“ ankreuzen" in view.arrival_error.text()

    view.arrival_unknown_check.setChecked(True)
    assert (view.arrival_edit.text(), view.arrival_edit.isEnabled()) == ("", False)
    assert not view.arrival_error.isVisible()
    # Unknown arrival, not from abroad: the clerk decides (DESIGN §4), nothing is guessed.
    status_shows(qtbot, form, "unklar")
    assert "Einreisedatum fehlt" in view.reasons_label.text()
    view.abroad_check.setChecked(True)
    status_shows(qtbot, form, "✔")

    saved: list[Registration] = []
    form.saved.connect(saved.append)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(view.contact_edit, Qt.Key.Key_Return)
    [registration] = saved
    assert registration.eligibility.status == "eligible"
    assert person_input(office_ctx, registration.person.id).arrival_date is None
    edited = shown(qtbot, PersonForm.for_edit(clerk_desk, tasks, registration.person.id))
    assert edited.view.arrival_unknown_check.isChecked()


# --- saving, refusing, cancelling -------------------------------------------------------------


def test_enter_saves_and_the_person_is_found_afterwards(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Haddad Rana")
    view = form.view
    assert view.birth_edit.hasFocus()  # the first empty field
    qtbot.keyClicks(view.birth_edit, "14021998")
    qtbot.keyClicks(view.arrival_edit, "03.05.2024")
    view.nationality_picker.set_codes(["SYR"])
    view.language_picker.set_codes(["ar"])
    view.consent_check.setChecked(True)
    view.sex_combo.setCurrentIndex(view.sex_combo.findData("f"))
    qtbot.keyClicks(view.contact_edit, "0176 555 01 02")
    view.family_original_edit.setText("حداد")  # QTest types Latin-1 only
    saved: list[Registration] = []
    form.saved.connect(saved.append)

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(view.contact_edit, Qt.Key.Key_Return)

    assert not form.isVisible()
    [registration] = saved
    assert registration.eligibility.status == "eligible"
    [hit] = find(office_ctx, "Haddad Rana").hits
    assert hit.id == registration.person.id
    stored = person_input(office_ctx, hit.id)
    assert stored.birth_date == PartialDate(1998, 2, 14)
    assert stored.nationalities == ("SYR",)
    assert stored.languages == ("ar",)
    assert stored.municipality == "09174115"  # Dachau, the office's own municipality
    assert stored.sex == "f"
    assert stored.contact == "0176 555 01 02"
    assert stored.family_names_original == "حداد"
    assert stored.consent is True
    assert stored.consent_notice_version == CONSENT_NOTICE_VERSION
    assert stored.consent_language == "ar"  # the notice was shown in her language


def test_bad_date_shows_the_german_error_inline_and_saves_nothing(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Haddad Rana")
    qtbot.keyClicks(form.view.birth_edit, "31.02.2001")
    qtbot.keyClick(form.view.birth_edit, Qt.Key.Key_Return)
    assert form.view.birth_error.text() == "Den 31.02.2001 gibt es nicht."
    assert form.view.birth_error.isVisible()
    assert form.view.message.text() == "Bitte die rot markierten Angaben prüfen."
    assert form.isVisible()
    assert not tasks.busy
    assert count(office_ctx, Person) == 0


def test_missing_family_name_and_future_birth_are_refused_in_german(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks)
    qtbot.keyClicks(form.view.birth_edit, "01.01.2030")
    qtbot.keyClick(form.view.birth_edit, Qt.Key.Key_Return)
    assert form.view.family_error.text() == "Familienname fehlt."
    assert form.view.family_edit.hasFocus()
    # The future birth date: the service refuses it, the form says so.
    qtbot.keyClicks(form.view.family_edit, "Haddad")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(form.view.family_edit, Qt.Key.Key_Return)
    assert form.view.message.text() == "Das Geburtsdatum 01.01.2030 liegt in der Zukunft."
    assert form.isVisible()
    assert form.view.save_button.isEnabled()
    assert count(office_ctx, Person) == 0


def test_escape_closes_without_saving(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Haddad Rana 14.02.1998")
    saved: list[object] = []
    form.saved.connect(saved.append)
    qtbot.keyClick(form.view.family_edit, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert form.result() == PersonForm.DialogCode.Rejected
    assert saved == []
    assert not tasks.busy
    assert count(office_ctx, Person) == 0


def test_editing_a_person_of_another_office_is_refused(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    district_desk: Desk,
) -> None:
    # A person registered at EWDAH (with consent, so the district knows the name).
    register_person(
        office_ctx,
        PersonInput(
            family_names="Nowak",
            given_names="Ewa",
            birth_date=PartialDate.parse("1987-03-09"),
            moved_from_abroad=True,
            consent=True,
            consent_notice_version=CONSENT_NOTICE_VERSION,
        ),
    )
    import_bundle(district_ctx, export_bundles(office_ctx, tmp_path)[0].path)
    [hit] = find(district_ctx, "Nowak Ewa").hits
    expected = "Diese Person wurde von EWDAH erfasst; nur dort kann sie geändert werden."
    with pytest.raises(Refused) as refused:  # the service's own words, which the form shows
        update_person(district_ctx, hit.id, person_input(district_ctx, hit.id))
    assert refused.value.message_de == expected

    form = shown(qtbot, PersonForm.for_edit(district_desk, tasks, hit.id))
    assert form.view.family_edit.text() == "Nowak"
    assert form.view.message.text() == expected
    assert not form.view.save_button.isEnabled()
    assert form.view.family_edit.isReadOnly()
    qtbot.keyClick(form.view.family_edit, Qt.Key.Key_Return)  # Enter now just closes
    assert not form.isVisible()
    assert not tasks.busy


def test_editing_an_own_person_saves_the_change_and_keeps_the_rest(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    data = PersonInput(
        family_names="Al-Hassan",
        given_names="Mohamed",
        birth_date=PartialDate.parse("1995-00-00"),
        arrival_date=PartialDate.parse("2023-03-14"),
        nationalities=("SYR",),
        languages=("ar",),
        contact="0176 1234567",
        family_names_original="الحسن",
        consent=True,
        consent_notice_version="2025-01",
        consent_language="ar",
    )
    person_id = register_person(office_ctx, data).person.id
    form = shown(qtbot, PersonForm.for_edit(clerk_desk, tasks, person_id))
    view = form.view
    assert view.heading.text() == "Al-Hassan, Mohamed bearbeiten"
    assert view.birth_edit.text() == "XX.XX.1995"
    assert view.nationality_picker.codes() == ("SYR",)
    assert view.duplicates.rowCount() == 0  # not their own duplicate
    view.given_edit.clear()
    qtbot.keyClicks(view.given_edit, "Mohammed Karim")
    saved: list[PersonView] = []
    form.saved.connect(saved.append)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(view.given_edit, Qt.Key.Key_Return)

    assert [p.given_names for p in saved] == ["Mohammed Karim"]
    assert get_person(office_ctx, person_id).given_names == "Mohammed Karim"
    stored = person_input(office_ctx, person_id)
    assert stored.contact == "0176 1234567"
    assert stored.family_names_original == "الحسن"
    # The consent given earlier keeps the notice version and language it was given with.
    assert (stored.consent_notice_version, stored.consent_language) == ("2025-01", "ar")


# --- the code pickers and the consent notice --------------------------------------------------


def test_code_picker_takes_typed_codes_and_names(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Tesfaye Selam 00.01.1999")
    picker: CodePicker = form.view.language_picker
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "tig")
    assert [c.code for c in picker.suggestions()][:2] == ["ti", "tig"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)  # mark the second: Tigre
    qtbot.keyClick(picker.edit, Qt.Key.Key_Comma)
    assert picker.edit.text() == "tig, "
    qtbot.keyClicks(picker.edit, "Arabisch")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)  # takes the suggestion, does not save
    assert picker.edit.text() == "tig, ar"
    assert picker.names.text() == "Tigre · Arabisch"
    assert not tasks.busy
    qtbot.keyClicks(picker.edit, ", engl")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Tab)  # leaving the field takes the best match
    assert picker.codes() == ("tig", "ar", "en")
    assert picker.edit.text() == "tig, ar, en"
    # A word typed in the middle is replaced where it stands.
    picker.edit.setFocus()
    picker.edit.setCursorPosition(len("tig, "))
    qtbot.keyClicks(picker.edit, "russ")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Comma)
    assert picker.edit.text() == "tig, ru, ar, en"
    assert picker.edit.cursorPosition() == len("tig, ru, ")


def test_unknown_nationality_is_named_and_blocks_saving(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Haddad Rana 14.02.1998")
    picker = form.view.nationality_picker
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "Syrien, Atlantis")
    assert "Nichts gefunden für „Atlantis“" in picker.names.text()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.unresolved() == ["Atlantis"]
    assert "Nicht gefunden: „Atlantis“" in picker.names.text()
    assert form.view.message.text() == "Bitte die rot markierten Angaben prüfen."
    assert not tasks.busy
    assert count(office_ctx, Person) == 0


def test_consent_notice_follows_the_persons_language(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks, "Rahimi Farid")
    view = form.view
    assert view.notice_text.text().startswith("Ihr Name und Ihr Geburtsdatum gehen nur")
    view.language_picker.set_codes(["prs", "fa"])  # Dari has no notice; Persian has
    assert view.notice_language_combo.currentData() == "fa"
    assert view.notice_text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "Ihr Name" not in view.notice_text.text()


# --- keyboard only ----------------------------------------------------------------------------


def test_whole_form_is_filled_and_saved_with_the_keyboard_alone(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks)
    keys = Keyboard(qtbot)
    assert form.view.family_edit.hasFocus()
    keys.type("Ahmadi")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Zahra")
    keys.press(Qt.Key.Key_Tab)
    keys.type("03.04.2001")
    keys.press(Qt.Key.Key_Tab)
    keys.type("02.09.2021")
    keys.press(Qt.Key.Key_Tab)  # the "moved from abroad" box: not for her
    keys.press(Qt.Key.Key_Tab)
    keys.type("afg")
    keys.press(Qt.Key.Key_Tab)
    keys.type("fa")
    keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # consent, from anywhere
    assert form.view.consent_check.isChecked()
    status_shows(qtbot, form, "erfüllt")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        keys.press(Qt.Key.Key_Return)

    assert keys.other_keys <= 8
    [hit] = find(office_ctx, "Ahmadi Zahra").hits
    stored = person_input(office_ctx, hit.id)
    assert stored.birth_date == PartialDate(2001, 4, 3)
    assert stored.arrival_date == PartialDate(2021, 9, 2)
    assert (stored.nationalities, stored.languages, stored.consent) == (("AFG",), ("fa",), True)


def test_tab_order_runs_in_the_order_a_clerk_fills_the_form(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    view = new_form(qtbot, clerk_desk, tasks).view
    expected = [
        view.family_edit,
        view.given_edit,
        view.birth_edit,
        view.arrival_edit,
        view.arrival_unknown_check,
        view.abroad_check,
        view.nationality_picker.edit,
        view.language_picker.edit,
        view.consent_check,
        view.notice_language_combo,
        view.municipality_combo,
        view.sex_combo,
        view.contact_edit,
        view.family_original_edit,
        view.given_original_edit,
        view.profile_toggle,  # the folded profile section's fields are skipped
        view.save_button,  # the duplicates table is hidden while there are none
    ]
    reached = [QApplication.focusWidget()]
    for _step in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == expected
    for widget in expected:
        assert widget.accessibleName(), widget


def test_every_alt_letter_of_the_form_moves_the_focus_to_its_field(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    form = new_form(qtbot, clerk_desk, tasks)
    found = mnemonics(form)
    letters = [letter for letter, _target, _text in found]
    assert len(letters) >= 12  # the labels of the form, not an empty search
    assert len(set(letters)) == len(letters), letters  # each letter once: no cycling
    assert "E" not in letters  # Alt+E ticks the consent (a shortcut of the form)
    missed = []
    for letter, target, text in found:
        form.view.contact_edit.setFocus()  # from a field that is none of the targets
        qtbot.waitUntil(form.view.contact_edit.hasFocus)
        if target is form.view.contact_edit:
            form.view.family_edit.setFocus()
            qtbot.waitUntil(form.view.family_edit.hasFocus)
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{letter}"), ALT)
        if QApplication.focusWidget() is not target:
            missed.append(f"Alt+{letter} ({text})")
    assert missed == []
    assert count(office_ctx, Person) == 0


def test_enter_on_the_untouched_edit_form_saves_nothing(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = register(office_ctx, "Okafor", "Chinedu")
    changes, events = count(office_ctx, ChangeRecord), count(office_ctx, AuditEvent)
    form = shown(qtbot, PersonForm.for_edit(clerk_desk, tasks, person_id))
    qtbot.keyClick(form.view.family_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert (count(office_ctx, ChangeRecord), count(office_ctx, AuditEvent)) == (changes, events)
    assert form.isVisible()
    assert form.view.message.text() == "Nichts geändert: bitte ändern oder mit Esc schließen."
    qtbot.keyClick(form.view.family_edit, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_a_name_at_the_limit_does_not_widen_the_edit_form(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    family = ("Al-" + "Abdulrahman" * 18)[: TEXT_FIELDS["person.family_names"].max_length]
    form = PersonForm.for_edit(clerk_desk, tasks, register(office_ctx, family, "Mohammed"))
    qtbot.addWidget(form)
    assert family not in form.view.heading.text()
    assert form.view.heading.text().endswith("… bearbeiten")
    assert form.view.heading.toolTip() == f"{family}, Mohammed"
    assert form.minimumSizeHint().width() <= 1366 / 1.5
