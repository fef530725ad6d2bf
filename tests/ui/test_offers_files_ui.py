"""The offers screen's "Datei" menu (issue 11, item 4): the district's admin brings a
catalogue in from a CSV/XLSX file, all or nothing, and sees every wrong row and column in
a list; anyone who reads the catalogue saves it as a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.offers import list_offers
from passapp.ui.tasks import TaskRunner
from tests.cli.test_offers_cli import ROW, catalogue
from tests.ui.test_offers_screen import open_screen, shown_titles

WAIT_MS = 10_000


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), "(*.xlsx)"))
    )


def test_a_catalogue_file_comes_in_and_is_listed(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(monkeypatch, catalogue(tmp_path / "neu.csv", [ROW]))
    screen = open_screen(qtbot, district_desk, tasks)
    assert screen.view.import_action.isVisible()
    screen.view.import_action.trigger()
    qtbot.waitUntil(lambda: "eingespielt" in screen.view.message.text(), timeout=WAIT_MS)
    assert "1 neu" in screen.view.message.text()
    assert "Deutsch B1 am Abend" in shown_titles(screen)
    assert not screen.view.problems.isVisible()


def test_one_wrong_row_changes_nothing_and_each_problem_is_listed(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    district_desk: Desk,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = [o.slug for o in list_offers(district_ctx, include_inactive=True)]
    rows = [ROW, {**ROW, "Kennung": "zwei", "Niveaus": "B7", "Kategorie": "zauberei"}]
    choose(monkeypatch, catalogue(tmp_path / "falsch.csv", rows))
    screen = open_screen(qtbot, district_desk, tasks)
    screen.view.import_action.trigger()
    qtbot.waitUntil(screen.view.problems.isVisible, timeout=WAIT_MS)
    assert screen.view.message.text().startswith("Nichts eingespielt: 2 Fehler in falsch.csv")
    lines = [screen.view.problems.item(n).text() for n in range(screen.view.problems.count())]
    assert any(line.startswith("Zeile 3, Spalte „Niveaus“:") for line in lines), lines
    assert any(line.startswith("Zeile 3, Spalte „Kategorie“:") for line in lines), lines
    assert [o.slug for o in list_offers(district_ctx, include_inactive=True)] == before
    # The next action starts clean: the list of problems goes with the message.
    screen.refresh()
    screen._say("")
    assert not screen.view.problems.isVisible()


def test_a_foreign_file_is_refused_in_german(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "brief.csv"
    path.write_text("Sehr geehrte Damen und Herren\n", encoding="utf-8")
    choose(monkeypatch, path)
    screen = open_screen(qtbot, district_desk, tasks)
    screen.view.import_action.trigger()
    qtbot.waitUntil(lambda: "brief.csv" in screen.view.message.text(), timeout=WAIT_MS)
    assert "b71c1c" in screen.view.message.styleSheet()


def test_an_office_clerk_saves_the_catalogue_but_cannot_import(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    clerk_desk: Desk,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "katalog"  # typed without an ending: the chosen type's is added
    choose(monkeypatch, target)
    screen = open_screen(qtbot, clerk_desk, tasks)
    assert not screen.view.import_action.isVisible()
    assert not screen.view.import_action.isEnabled()
    screen.import_file()  # even called directly: nothing happens
    assert screen.view.message.text() == ""
    screen.view.export_action.trigger()
    qtbot.waitUntil(lambda: "gespeichert" in screen.view.message.text(), timeout=WAIT_MS)
    saved = tmp_path / "katalog.xlsx"
    assert saved.exists()
    assert f"{len(list_offers(office_ctx))} Angebote" in screen.view.message.text()
