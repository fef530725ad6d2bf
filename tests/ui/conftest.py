"""Fixtures of the desktop tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, office_ctx: ServiceContext) -> Iterator[MainWindow]:
    """The counter window of an enrolled office, shown, the search field focused."""
    shown = MainWindow(office_ctx)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(shown.search_field.hasFocus)
    yield shown
    shown.tasks.shutdown()
