"""The desktop app in English: the Qt Linguist files are complete, and the widgets speak
English once the translators are installed (German stays the default for every other test)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from passapp.services.desk import Desk
from passapp.services.reference import entry_kind_labels, entry_status_labels, office_kind_labels
from passapp.ui import i18n
from passapp.ui.entry_table import kind_label, status_label
from passapp.ui.main_window import MainWindow
from passapp.ui.person_form import PersonForm
from passapp.ui.sync_screen import kinds_text, phase_text
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> QSettings:
    """The preference in a file of the test's own, never the clerk's real settings."""
    store = QSettings(str(tmp_path / "passapp.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(i18n, "settings", lambda: store)
    monkeypatch.delenv("PASSAPP_LANG", raising=False)
    return store


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt+letter of every label and button under ``widget`` (``&&`` is a plain &)."""
    letters = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        found = re.search(r"&([^&\s])", child.text().replace("&&", ""))
        if found and child.isVisibleTo(widget):
            letters.append(found.group(1).lower())
    return letters


def test_every_text_is_extracted_translated_and_compiled() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_main_window_speaks_english(english: None, qtbot: QtBot, clerk_desk: Desk) -> None:
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Person", "&Administration", "Acc&ount", "&View"]
    assert window.search_field.placeholderText() == (
        "Type a name, pass number or date of birth – or scan a pass"
    )
    assert window.results.headerData(0, Qt.Orientation.Horizontal) == "Family name"
    # The menus and the person's buttons share the window: no Alt+letter twice.
    letters = [re.sub(r".*&(.).*", r"\1", menu).lower() for menu in menus]
    letters += mnemonics(window.person_panel)
    assert len(letters) == len(set(letters)), letters


def test_person_form_speaks_english(
    english: None, qtbot: QtBot, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    form = PersonForm.for_new(clerk_desk, tasks)
    qtbot.addWidget(form)
    assert form.view.heading.text() == "Register new person"
    letters = mnemonics(form)
    assert "f" in letters  # &Family name(s)
    assert len(letters) == len(set(letters)), letters


def test_reference_labels_follow_the_language(english: None) -> None:
    assert i18n.current_language() == "en"
    assert kind_label("sprachkurs") == "Language course"
    status = next(iter(entry_status_labels().values()))
    assert status_label(status.slug) == status.label_en
    kind = next(iter(office_kind_labels().values()))
    assert i18n.label_text(kind) == kind.label_en != kind.label_de


def test_german_is_back_once_the_translators_are_removed() -> None:
    assert i18n.current_language() == "de"
    assert kind_label("sprachkurs") == entry_kind_labels()["sprachkurs"].label_de
    assert QApplication.translate("MainWindow", "&Verwaltung") == "&Verwaltung"


def test_language_explicit_wins_over_environment_and_saved_choice(
    saved_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert i18n.chosen_language() == "de"  # nothing chosen anywhere
    i18n.save_language("en")
    assert saved_settings.value(i18n.SETTING) == "en"
    assert i18n.chosen_language() == "en"
    monkeypatch.setenv("PASSAPP_LANG", "de")
    assert i18n.chosen_language() == "de"  # the environment beats the saved choice
    monkeypatch.setenv("PASSAPP_LANG", "EN")
    assert i18n.chosen_language("de") == "de"  # --lang beats the environment
    assert i18n.chosen_language() == "en"
    monkeypatch.setenv("PASSAPP_LANG", "fr")
    assert i18n.chosen_language() == "en"  # an unknown language falls through


def test_no_alt_letter_is_used_twice_in_the_german_main_window(
    qtbot: QtBot, clerk_desk: Desk
) -> None:
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Person", "&Verwaltung", "&Konto", "A&nsicht"]
    letters = [re.sub(r".*&(.).*", r"\1", menu).lower() for menu in menus]
    letters += mnemonics(window.person_panel)
    assert len(letters) == len(set(letters)), letters


def test_numbers_are_written_as_the_ui_s_language_writes_them(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    assert (i18n.number_text(1234567), i18n.number_text(0.44, 1)) == ("1.234.567", "0,4")
    i18n.install_translations(app, "en")
    try:
        assert (i18n.number_text(1234567), i18n.number_text(0.44, 1)) == ("1,234,567", "0.4")
    finally:
        i18n.remove_translations(app)


def test_the_sync_screen_says_the_services_steps_and_kinds_in_the_ui_s_language(
    qtbot: QtBot,
) -> None:
    counts = {"entry": 1, "person": 2, "pass": 0, "future_kind": 3}
    assert kinds_text(counts) == "2 Personen, 1 Eintrag, 3 future_kind"  # the receipt's words
    assert phase_text("Paket für EWDAH schreiben") == "Paket für EWDAH schreiben"
    app = QApplication.instance()
    assert app is not None
    i18n.install_translations(app, "en")
    try:
        assert kinds_text(counts) == "2 people, 1 entry, 3 future_kind"
        assert kinds_text({}) == "none"
        assert phase_text("Paket für EWDAH schreiben") == "Writing the bundle for EWDAH"
        assert phase_text("Änderungen einspielen") == "Applying changes"
        assert phase_text("etwas Neues") == "etwas Neues"  # a step it does not know: as said
    finally:
        i18n.remove_translations(app)
