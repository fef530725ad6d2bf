"""Issue 12, item 6: the English UI is complete and the language switches at once.

The scan opens every window of the screen-fit probe in English (``screen_fit_probe --lang
en``) and looks for German words in what each one shows (``visible_texts``): words of the
German source texts that no English translation uses. Names, addresses, office and
municipality names and the catalogue's offers are data and do not count.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import Role
from passapp.domain.dates import PartialDate
from passapp.domain.errors import InputError
from passapp.services.audit import recent_events
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from passapp.services.errors import Refused
from passapp.services.people import PersonInput
from passapp.ui import i18n, refusals
from passapp.ui.app import Counter
from passapp.ui.main_window import MainWindow
from tests.ui.test_screen_fit import EXPECTED, probe
from tests.ui.visible_texts import german_in, german_words, visible_texts


@pytest.fixture
def saved_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> QSettings:
    """The language choice in a file of the test's own."""
    store = QSettings(str(tmp_path / "passapp.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(i18n, "settings", lambda: store)
    monkeypatch.delenv("PASSAPP_LANG", raising=False)
    return store


@pytest.fixture
def switchable(saved_settings: QSettings) -> Iterator[None]:
    """German again after the test, with no translator of the test left installed."""
    yield
    app = QCoreApplication.instance()
    assert app is not None
    i18n.remove_translations(app)


def german_seen(window: MainWindow) -> list[str]:
    """German words the window shows, less the person's and the office's names (data)."""
    office = window.desk.office()
    exempt = ("Ahmadi", "Zahra", *((office.code, office.name) if office else ()))
    return [
        f"{seen.widget}: {seen.text!r} {found}"
        for seen in visible_texts(window)
        if (found := german_in(seen.text, exempt))
    ]


def register(desk: Desk) -> uuid.UUID:
    data = PersonInput(
        family_names="Ahmadi",
        given_names="Zahra",
        birth_date=PartialDate.parse("2001-04-03"),
        arrival_date=PartialDate.parse("2022-05-01"),
    )
    return desk.register_person(data).person.id


def test_the_word_list_finds_german_and_passes_english() -> None:
    assert {"nicht", "oder", "bitte"} <= german_words()
    assert not {"name", "person", "status", "dachau"} & german_words()
    assert german_in("Berechtigung heute: erfüllt – ist 16 Jahre oder älter")
    assert german_in("Eligibility today: met – is 16 years or older") == []
    # Data is not the UI's words: a name that happens to be a German word does not count.
    assert german_in("Offer: Beratung für Frauen", exempt=("Beratung für Frauen",)) == []


def test_no_german_word_in_any_english_window(tmp_path: Path) -> None:
    found = probe(1.0, tmp_path, language="en")
    assert {window["name"] for window in found["windows"]} == EXPECTED
    exempt = tuple(found["data"])
    german = [
        f"{window['name']} › {seen['widget']}: {seen['text'][:120]!r} has {words}"
        for window in found["windows"]
        for seen in window["texts"]
        if (words := german_in(seen["text"], exempt))
    ]
    assert german == [], "German in the English UI:\n" + "\n".join(dict.fromkeys(german))


def test_switching_rebuilds_the_window_in_english_and_back(
    switchable: None, qtbot: QtBot, clerk_desk: Desk
) -> None:
    person = register(clerk_desk)
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.show()
    window.search_field.setText("Ahmadi")
    window.search_field.returnPressed.emit()
    assert window.person_panel.person_id == person
    adopted: list[object] = []
    window.replaced.connect(adopted.append)

    started = time.perf_counter()
    english = window.choose_language("en")
    took = time.perf_counter() - started
    qtbot.addWidget(english)
    assert adopted == [english]
    assert i18n.chosen_language() == "en"  # saved for the next start too
    assert [a.text() for a in english.menuBar().actions()] == [
        "&Person",
        "&Administration",
        "Acc&ount",
        "&View",
    ]
    # The clerk goes on where they were: the same account, search, hit and person.
    assert english.desk is clerk_desk
    assert not clerk_desk.logged_out
    assert english.search_field.text() == "Ahmadi"
    assert english.results.rowCount() == 1
    assert english.person_panel.person_id == person
    assert "met" in english.person_panel.eligibility.text()
    assert german_seen(english) == []
    assert took < 2.0, f"switching took {took:.2f} s"

    german = english.choose_language("de")
    qtbot.addWidget(german)
    assert [a.text() for a in german.menuBar().actions()][1] == "&Verwaltung"
    assert "erfüllt" in german.person_panel.eligibility.text()
    assert german_seen(german)  # the same look at the German window finds German
    assert german.person_panel.person_id == person


def test_opening_the_person_again_is_not_audited_twice(
    switchable: None, qtbot: QtBot, office_ctx: ServiceContext, clerk_desk: Desk
) -> None:
    person = register(clerk_desk)

    def opened() -> int:
        return sum(e.action == "person.open" for e in recent_events(office_ctx))

    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.show_person(person)
    qtbot.waitUntil(lambda: opened() == 1)  # the audit write runs on the worker
    twin = window.choose_language("en")
    qtbot.addWidget(twin)
    assert twin.person_panel.person_id == person
    qtbot.wait(50)
    assert opened() == 1


def test_a_refusal_speaks_the_ui_language(switchable: None, qtbot: QtBot) -> None:
    refused = Refused("the pass was revoked", "Der Pass ist eingezogen.")
    box = refusals.show_refusal(refused)
    assert box.text() == "Der Pass ist eingezogen."
    box.close()
    app = QCoreApplication.instance()
    assert app is not None
    i18n.switch_language(app, "en")
    box = refusals.show_refusal(refused)
    assert (box.windowTitle(), box.text()) == ("Not possible", "the pass was revoked")
    assert box.standardButtons() == QMessageBox.StandardButton.Ok
    box.close()


def test_error_text_follows_the_language(switchable: None) -> None:
    wrong = InputError("date is impossible", "Das Datum gibt es nicht.")
    assert i18n.error_text(wrong) == "Das Datum gibt es nicht."
    assert (
        i18n.error_text(OSError(28, "No space left on device"))
        == "[Errno 28] No space left on device"
    )
    app = QCoreApplication.instance()
    assert app is not None
    i18n.switch_language(app, "en")
    assert i18n.error_text(wrong) == "date is impossible"
    assert i18n.role_label(Role.CLERK) == "Counter clerk"
    assert i18n.role_label_from_german("Sachbearbeitung") == "Counter clerk"


def test_the_menu_switches_the_counters_window_and_log_out_still_works(
    switchable: None, qtbot: QtBot, office_ctx: ServiceContext, clerk_desk: Desk
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    counter = Counter(app, Gate(office_ctx))
    window = counter.show_window(clerk_desk)
    qtbot.addWidget(window)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    view = window.menuBar().actions()[-1].menu()
    languages = next(a.menu() for a in view.actions() if a.menu() is not None)
    english_action = next(a for a in languages.actions() if a.text() == "English")

    english_action.trigger()  # Ansicht → Sprache → English

    english = counter.window
    assert english is not None
    assert english is not window
    qtbot.addWidget(english)
    assert english.isVisible()
    assert not window.isVisible()
    assert closed == []  # the old window's closing neither logged out nor quit
    assert not clerk_desk.logged_out
    checked = [
        a.text()
        for a in english.menuBar().actions()[-1].menu().actions()[0].menu().actions()
        if a.isChecked()
    ]
    assert checked == ["English"]
    with qtbot.waitSignal(english.logged_out):
        english.log_out_action.trigger()
    assert clerk_desk.logged_out
    qtbot.waitUntil(lambda: counter.login is not None and counter.login.isVisible())
    assert counter.login is not None
    qtbot.addWidget(counter.login)
    # The next clerk logs in in the language chosen (it is saved for the PC).
    assert counter.login.windowTitle() == "Log in – Education and Counselling Pass"
