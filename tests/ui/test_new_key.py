"""The office's side of keys (issue 11, item 5): Verwaltung → Neuen Schlüssel beantragen …
writes a request for a new key (until now only ``office request --new-key``), and an
office whose key the district reported compromised says so in red instead of passing for
enrolled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.trust import export_trust_list, install_file, mark_key_compromised
from passapp.ui.main_window import MainWindow
from passapp.ui.new_key_dialog import NewKeyDialog
from tests.conftest import NOW
from tests.services.test_enrolment_compromised import own_key_id
from tests.ui.test_admin_in_window import menu_actions

NEW_KEY = "Neuen &Schlüssel beantragen …"


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder))
    )


@pytest.fixture
def compromised_list(
    office_ctx: ServiceContext, district_ctx: ServiceContext, tmp_path: Path
) -> Path:
    """The district has reported EWDAH's key; its new trust list, not installed yet."""
    mark_key_compromised(district_ctx, "EWDAH", own_key_id(office_ctx), NOW, "Laptop gestohlen")
    path = tmp_path / "Vertrauensliste.json"
    export_trust_list(district_ctx, path)
    return path


def test_only_the_office_admin_has_the_action(window: MainWindow) -> None:
    assert NEW_KEY not in menu_actions(window, "&Verwaltung")


def test_the_admin_writes_a_request_for_a_new_key(
    qtbot: QtBot, admin_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert NEW_KEY in menu_actions(admin_window, "&Verwaltung")
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(monkeypatch, stick)
    # Enter on the untouched dialog is Abbrechen: nothing is written.
    dialog = admin_window.request_new_key()
    qtbot.waitExposed(dialog)
    assert not dialog.warning.isVisible()  # the key is fine: a renewal
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list(stick.iterdir()) == []

    dialog = admin_window.request_new_key()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.written, timeout=10_000):
        dialog.act_button.click()
    request = stick / "Schluesselantrag-EWDAH.json"
    assert json.loads(request.read_text())["fingerprint"] == dialog.fingerprint.text()
    assert str(request) in dialog.written_note.text()
    assert not dialog.act_button.isEnabled()
    assert dialog.cancel_button.text() == "Schließen"


def test_a_compromised_key_is_shown_in_red_not_as_enrolled(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    compromised_list: Path,
    admin_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    banner = admin_window.enrolment_banner
    assert not banner.isVisible()  # enrolled, the key still good
    # The trust list comes in through Verwaltung → Zertifikatspaket einspielen …
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a, **_k: (str(compromised_list), "")),
    )
    wizard = admin_window.open_install_package()
    qtbot.waitExposed(wizard)
    wizard.package_page.choose_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=10_000)
    assert wizard.done_page.heading.text() == "Schlüssel als kompromittiert gemeldet"
    assert "Neuen Schlüssel beantragen" in wizard.done_page.summary.text()
    wizard.done_page.finish_button.click()
    qtbot.waitUntil(banner.isVisible)
    assert "als kompromittiert gemeldet (ab 25.11.2026)" in banner.text.text()
    assert "b71c1c" in banner.text.styleSheet()
    # The new-key dialog says why the key is needed.
    dialog = admin_window.request_new_key()
    assert isinstance(dialog, NewKeyDialog)
    qtbot.waitExposed(dialog)
    assert dialog.warning.isVisible()
    assert "kompromittiert" in dialog.warning.text()


def test_the_package_page_offers_no_old_style_request_after_a_compromise(
    qtbot: QtBot, office_ctx: ServiceContext, compromised_list: Path, admin_window: MainWindow
) -> None:
    install_file(office_ctx, compromised_list)
    wizard = admin_window.open_install_package()
    qtbot.waitExposed(wizard)
    assert wizard.pages.currentWidget() is wizard.package_page
    assert not wizard.package_page.back_button.isVisible()
