"""The set-up wizard, driven by keyboard on real databases; only the OS file dialogs are
replaced (they would wait for a person). The district's side of the enrolment is the service
call the Landratsamt makes. The wizard starts on the database's Gate and makes the first
admin with the office (or district), so the keys are never written plain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import Role
from passapp.services.accounts import list_accounts
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from passapp.services.errors import Refused
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.setup import SetupState, setup_state
from passapp.services.trust import enrol_office, write_request
from passapp.ui.app import needs_setup
from passapp.ui.setup_wizard import EnrolmentBanner, SetupWizard, open_install_package
from passapp.ui.tasks import TaskRunner
from tests.conftest import make_context
from tests.services.helpers import register

ADMIN, PASSWORD = "leitung", "Rathausplatz 1 in Dachau"

WAIT_MS = 20_000
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The USB stick the folder dialog "chooses"."""
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_args, **_kw: str(folder))
    )
    return folder


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args, **_kw: (str(path), ""))
    )


def show(qtbot: QtBot, wizard: SetupWizard) -> SetupWizard:
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    # The focus inside the wizard, not still on a button of a window an earlier test closed.
    qtbot.waitUntil(
        lambda: (focus := QApplication.focusWidget()) is not None and wizard.isAncestorOf(focus)
    )
    return wizard


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    """A key as the clerk presses it: to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def fill_office_form(qtbot: QtBot, code: str) -> None:
    """Code, Tab, name, Tab, kind, Tab, municipality: the way a clerk fills the form."""
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Einwohnermeldeamt Dachau")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "E")  # the combo box jumps to the first kind with E
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Dachau")


def fill_admin_form(qtbot: QtBot, password: str = PASSWORD, repeated: str | None = None) -> None:
    """Account name, Tab, password, Tab, the password again."""
    type_text(qtbot, ADMIN)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, password)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, password if repeated is None else repeated)


def set_up_office(qtbot: QtBot, wizard: SetupWizard, tasks: TaskRunner) -> None:
    press(qtbot, Qt.Key.Key_Return)  # welcome: "Dienststelle einrichten" is preselected
    fill_office_form(qtbot, "ewdah")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.pages.currentWidget() is wizard.admin_page
    fill_admin_form(qtbot)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)


def test_keyboard_only_set_up_enrolment_and_first_pass(
    qtbot: QtBot,
    ctx: ServiceContext,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    assert wizard.pages.currentWidget() is wizard.welcome_page
    assert focused() is wizard.welcome_page.office_choice

    press(qtbot, Qt.Key.Key_Return)
    assert wizard.pages.currentWidget() is wizard.office_page
    assert focused() is wizard.office_page.code.edit
    fill_office_form(qtbot, "ewdah")
    assert wizard.office_page.code.edit.text() == "EWDAH"  # typed in capitals for the clerk
    assert wizard.office_page.kind_combo.currentText() == "Einwohnermeldeamt"
    assert wizard.office_page.municipality_combo.currentText() == "Dachau"
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.pages.currentWidget() is wizard.admin_page
    assert focused() is wizard.admin_page.name_field
    assert setup_state(ctx).needs_office  # nothing stored before the admin exists
    fill_admin_form(qtbot)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    office = setup_state(ctx).office
    assert office is not None
    assert (office.code, office.name, office.kind, office.municipality_key) == (
        "EWDAH",
        "Einwohnermeldeamt Dachau",
        "einwohnermeldeamt",
        "09174115",
    )
    page = wizard.request_page
    assert wizard.pages.currentWidget() is page
    assert "EWDAH – Einwohnermeldeamt Dachau ist eingerichtet" in page.intro.text()

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    request = stick / "Anmeldeantrag-EWDAH.json"
    assert request.exists()
    assert str(request) in page.written.text()
    assert "zum Landratsamt" in page.written.text()
    # The fingerprint the district's screen shows from the request, for the phone call.
    assert json.loads(request.read_text())["fingerprint"] in page.written.text()
    assert focused() is page.next_button  # Enter now goes on

    press(qtbot, Qt.Key.Key_Return)
    assert wizard.pages.currentWidget() is wizard.package_page

    # At the Landratsamt: the request becomes a certificate package on the same stick.
    package = stick / "Zertifikatspaket-EWDAH.json"
    enrolment = enrol_office(district_ctx, request, package)
    choose_file(monkeypatch, package)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    done = wizard.done_page
    assert wizard.pages.currentWidget() is done
    assert "EWDAH ist angemeldet" in done.summary.text()
    assert done.fingerprint.text() == enrolment.fingerprint
    assert "am Telefon" in done.advice.text()
    with qtbot.waitSignal(wizard.setup_done) as finished:
        press(qtbot, Qt.Key.Key_Return)
    state: SetupState = finished.args[0]
    assert state.enrolled
    assert not wizard.isVisible()
    assert wizard.result() == QDialog.DialogCode.Accepted

    issued = issue_pass(ctx, register(ctx))
    assert issued.pass_number.startswith("EWDAH-")


def test_later_leaves_the_office_unenrolled_with_the_banner_then_install_from_the_menu(
    qtbot: QtBot,
    ctx: ServiceContext,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    set_up_office(qtbot, wizard, tasks)
    assert wizard.pages.currentWidget() is wizard.request_page
    assert wizard.desk is not None

    # Esc once the office exists is "Später": no question, the set-up is kept.
    with qtbot.waitSignal(wizard.setup_done) as finished:
        press(qtbot, Qt.Key.Key_Escape)
    state: SetupState = finished.args[0]
    assert not wizard.isVisible()
    assert (state.needs_office, state.enrolled) == (False, False)
    assert setup_state(ctx) == state
    with pytest.raises(Refused) as refused:
        issue_pass(ctx, register(ctx))
    assert "noch nicht beim Landratsamt angemeldet" in refused.value.message_de

    banner = EnrolmentBanner()
    qtbot.addWidget(banner)
    banner.show_state(state)
    assert not banner.isHidden()
    assert "Noch nicht beim Landratsamt angemeldet" in banner.text.text()
    with qtbot.waitSignal(banner.install_requested):
        banner.install_button.click()

    # Verwaltung → Zertifikatspaket einspielen …: the wizard's last page; Alt+Z goes back
    # to write the request (the stick was lost), Enter on to the package again.
    again = open_install_package(wizard.desk, tasks)
    show(qtbot, again)
    assert again.pages.currentWidget() is again.package_page
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    # A button's shortcut "animates" the click: it lands a moment later.
    qtbot.waitUntil(lambda: again.pages.currentWidget() is again.request_page)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert again.pages.currentWidget() is again.package_page

    package = stick / "paket.json"
    enrol_office(district_ctx, stick / "Anmeldeantrag-EWDAH.json", package)
    choose_file(monkeypatch, package)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(again.setup_done) as finished:
        press(qtbot, Qt.Key.Key_Escape)  # Esc on the done page: fertig
    banner.show_state(finished.args[0])
    assert banner.isHidden()
    assert issue_pass(ctx, register(ctx, family="Nowak", given="Ewa")).pass_number.startswith(
        "EWDAH-"
    )


def test_a_wrong_file_as_package_is_refused_in_german_and_the_page_stays(
    qtbot: QtBot,
    unenrolled_office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    unenrolled_desk: Desk,
) -> None:
    request = tmp_path / "antrag.json"
    write_request(unenrolled_office_ctx, request)
    choose_file(monkeypatch, request)  # the request itself, not the district's package
    wizard = show(qtbot, open_install_package(unenrolled_desk, tasks))
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    assert wizard.pages.currentWidget() is wizard.package_page
    assert wizard.package_page.message.text() == (
        "Die Datei antrag.json hat nicht das erwartete Format."
    )
    assert focused() is wizard.package_page.choose_button
    assert not setup_state(unenrolled_office_ctx).enrolled


def test_an_enrolled_office_has_no_request_to_go_back_to(
    qtbot: QtBot, admin_desk: Desk, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, open_install_package(admin_desk, tasks))
    assert wizard.pages.currentWidget() is wizard.package_page
    assert wizard.package_page.back_button.isHidden()
    assert "Alt+Z" not in wizard.package_page.keys.text()


def test_a_bad_office_code_shows_the_german_error_and_creates_nothing(
    qtbot: QtBot, ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    press(qtbot, Qt.Key.Key_Return)
    page = wizard.office_page

    fill_office_form(qtbot, "EWDAHO")
    # Said while typing, next to the field.
    assert "„O“, das ist nicht erlaubt (gemeint ist wohl 0)" in page.code.hint.text()
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is page.code.edit
    assert "gemeint ist wohl 0" in page.code.hint.text()

    # Too short is only said on Enter: while typing, every code starts with one character.
    page.code.edit.selectAll()
    type_text(qtbot, "E")
    assert "Landratsamt" in page.code.hint.text()  # still the rule, no error
    press(qtbot, Qt.Key.Key_Return)
    assert "muss 2 bis 6 Zeichen haben" in page.code.hint.text()

    assert not tasks.busy
    assert wizard.pages.currentWidget() is page
    assert setup_state(ctx).needs_office


def test_a_missing_choice_is_asked_for_and_creates_nothing(
    qtbot: QtBot, ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    press(qtbot, Qt.Key.Key_Return)
    page = wizard.office_page
    type_text(qtbot, "JCDAH")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Jobcenter Dachau")
    press(qtbot, Qt.Key.Key_Return)

    assert page.message.text() == "Bitte die Art der Dienststelle wählen."
    assert focused() is page.kind_combo
    assert setup_state(ctx).needs_office


def test_the_district_is_set_up_and_shows_its_fingerprint(
    qtbot: QtBot, ctx: ServiceContext, tasks: TaskRunner, tmp_path: Path
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    press(qtbot, Qt.Key.Key_Down)  # the second choice: Landratsamt
    assert wizard.welcome_page.district_choice.isChecked()
    press(qtbot, Qt.Key.Key_Return)
    page = wizard.district_page
    assert wizard.pages.currentWidget() is page
    assert page.name_field.text() == "Landkreis Dachau"
    assert focused() is page.code.edit
    type_text(qtbot, "LRADAH")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.pages.currentWidget() is wizard.admin_page
    fill_admin_form(qtbot)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    state = setup_state(ctx)
    assert (state.is_district, state.enrolled) == (True, True)
    assert state.office is not None
    assert state.office.code == "LRADAH"
    done = wizard.done_page
    assert wizard.pages.currentWidget() is done
    assert "Landkreis Dachau (LRADAH) ist eingerichtet" in done.summary.text()
    assert wizard.desk is not None
    assert wizard.desk.account.role is Role.DISTRICT_ADMIN

    # The fingerprint shown is the one every office is later told to compare.
    office = make_context(tmp_path / "office.sqlite3")
    init_office(office, code="JCDAH", name="Jobcenter Dachau", kind="jobcenter")
    write_request(office, tmp_path / "antrag.json")
    enrolment = enrol_office(ctx, tmp_path / "antrag.json", tmp_path / "paket.json")
    office.db.dispose()
    assert done.fingerprint.text() == enrolment.fingerprint
    with qtbot.waitSignal(wizard.setup_done):
        press(qtbot, Qt.Key.Key_Return)


def test_esc_on_the_first_start_asks_and_then_quits_without_creating_anything(
    qtbot: QtBot, ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "EWDAH")

    press(qtbot, Qt.Key.Key_Escape)
    assert wizard.pages.currentWidget() is wizard.cancel_page
    press(qtbot, Qt.Key.Key_Escape)  # no: back where the clerk was, with what was typed
    assert wizard.pages.currentWidget() is wizard.office_page
    assert focused() is wizard.office_page.code.edit
    assert wizard.office_page.code.edit.text() == "EWDAH"

    press(qtbot, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(wizard.setup_done):
        press(qtbot, Qt.Key.Key_Return)  # yes: quit
    assert not wizard.isVisible()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert setup_state(ctx).needs_office


def test_the_app_starts_with_the_wizard_until_the_first_admin_exists(
    ctx: ServiceContext, district_ctx: ServiceContext
) -> None:
    assert needs_setup(Gate(ctx))
    assert needs_setup(Gate(district_ctx))  # set up before accounts: the admin is missing
    Gate(district_ctx).add_first_admin(ADMIN, PASSWORD, Role.DISTRICT_ADMIN)
    assert not needs_setup(Gate(district_ctx))


def test_the_first_admin_is_made_with_the_office_and_encrypts_its_key(
    qtbot: QtBot, ctx: ServiceContext, db_path: Path, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    set_up_office(qtbot, wizard, tasks)

    desk = wizard.desk
    assert desk is not None
    assert (desk.account.name, desk.account.role) == (ADMIN, Role.OFFICE_ADMIN)
    [account] = list_accounts(ctx, desk.account)
    assert account.name == ADMIN
    assert account.role is Role.OFFICE_ADMIN
    ctx.db.dispose()
    raw = db_path.read_bytes()
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in raw
    assert b"BEGIN PRIVATE KEY" not in raw  # never written plain
    # The password fields are empty once the admin is made.
    assert wizard.admin_page.password_field.text() == ""
    # The password logs in on another PC.
    other = Gate(make_context(db_path))
    assert other.log_in(ADMIN, PASSWORD).account.role is Role.OFFICE_ADMIN
    other.close()


def test_a_weak_password_is_refused_inline_and_nothing_is_set_up(
    qtbot: QtBot, ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(ctx), tasks))
    press(qtbot, Qt.Key.Key_Return)
    fill_office_form(qtbot, "EWDAH")
    press(qtbot, Qt.Key.Key_Return)
    page = wizard.admin_page

    fill_admin_form(qtbot, password="kurz")
    press(qtbot, Qt.Key.Key_Return)
    assert page.hint.text() == "Das Passwort braucht mindestens 10 Zeichen."
    assert "b71c1c" in page.hint.styleSheet()
    assert focused() is page.password_field
    assert page.password_field.text() == page.repeat_field.text() == ""
    assert not tasks.busy

    # Said while typing once the password is long enough to judge.
    type_text(qtbot, "leitung-im-rathaus")
    assert page.hint.text() == "Das Passwort darf den Kontonamen nicht enthalten."
    page.password_field.clear()
    type_text(qtbot, PASSWORD)
    assert "Mindestens 10 Zeichen" in page.hint.text()  # the rule again
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, PASSWORD + "!")
    press(qtbot, Qt.Key.Key_Return)
    assert page.hint.text() == "Die beiden Passwörter stimmen nicht überein."

    assert wizard.pages.currentWidget() is page
    assert setup_state(ctx).needs_office
    assert not Gate(ctx).has_accounts()


def test_an_office_set_up_before_accounts_gets_only_its_first_admin(
    qtbot: QtBot, office_without_accounts_ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(office_without_accounts_ctx), tasks))
    page = wizard.admin_page
    assert wizard.pages.currentWidget() is page
    assert page.back_button.isHidden()
    fill_admin_form(qtbot)
    with qtbot.waitSignal(wizard.setup_done, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)  # enrolled already: done
    assert wizard.desk is not None
    assert wizard.desk.account.role is Role.OFFICE_ADMIN
    assert issue_pass(
        office_without_accounts_ctx, register(office_without_accounts_ctx)
    ).pass_number.startswith("EWDAH-")


def test_esc_without_the_first_admin_asks_and_quits_with_no_account(
    qtbot: QtBot, office_without_accounts_ctx: ServiceContext, tasks: TaskRunner
) -> None:
    wizard = show(qtbot, SetupWizard(Gate(office_without_accounts_ctx), tasks))
    type_text(qtbot, ADMIN)
    press(qtbot, Qt.Key.Key_Escape)
    assert wizard.pages.currentWidget() is wizard.cancel_page
    press(qtbot, Qt.Key.Key_Escape)  # no: back to the admin page, as it was
    assert wizard.pages.currentWidget() is wizard.admin_page
    assert wizard.admin_page.name_field.text() == ADMIN
    press(qtbot, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(wizard.setup_done):
        press(qtbot, Qt.Key.Key_Return)  # yes: quit
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.desk is None
    assert not Gate(office_without_accounts_ctx).has_accounts()
