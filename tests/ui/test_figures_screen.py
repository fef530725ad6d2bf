"""The district's demand figures screen on a real district database (people, passes,
profiles and entries made through the services): what it shows is the report's cell texts,
its files hold what it shows, and figures for other filters than typed are never saved."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from passapp.pdf.demand_charts import chart_series
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters, DemandReport, demand_report
from passapp.services.demand_files import table_lines
from passapp.services.desk import Desk
from passapp.ui.figures_screen import FiguresScreen
from passapp.ui.figures_table import PRIMARY_COLOUR, SECONDARY_COLOUR, STALE_COLOUR
from passapp.ui.main_window import MainWindow
from passapp.ui.tasks import TaskRunner
from tests.pdf.helpers import page_texts
from tests.services.test_demand import build_district
from tests.ui.conftest import Accounts, show_window

WAIT_MS = 20_000
Grid = list[list[str]]


@pytest.fixture
def district_with_people(
    district_ctx: ServiceContext, desks: Callable[[ServiceContext], Accounts]
) -> Accounts:
    """13 holders in Dachau and Karlsfeld with profiles and entries (see build_district)."""
    build_district(district_ctx)
    return desks(district_ctx)


@pytest.fixture
def screen(qtbot: QtBot, district_with_people: Accounts, tasks: TaskRunner) -> FiguresScreen:
    shown = FiguresScreen(district_with_people.admin, tasks)
    qtbot.addWidget(shown)
    shown.open()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(shown.view.from_edit.hasFocus)
    return shown


def compute(qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner) -> DemandReport:
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        screen.view.compute_button.click()
    assert screen.report is not None, screen.view.message.text()
    return screen.report


def shown_grid(screen: FiguresScreen) -> Grid:
    model = screen.view.figures
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]
    return [header, *rows]


def every_table_shown(screen: FiguresScreen) -> list[tuple[str, Grid]]:
    """Each table as the clerk sees it after choosing it in the list: title and cells."""
    shown = []
    for row in range(screen.view.tables.count()):
        screen.view.tables.setCurrentRow(row)
        shown.append((screen.view.title.text(), shown_grid(screen)))
    return shown


def report_as_text(report: DemandReport) -> list[tuple[str, Grid]]:
    return [
        (table.title, [[str(value) for value in line] for line in table_lines(table)])
        for table in report.tables
    ]


def test_the_screen_shows_the_reports_cell_texts(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner, district_ctx: ServiceContext
) -> None:
    compute(qtbot, screen, tasks)
    expected = demand_report(district_ctx, DemandFilters())
    assert every_table_shown(screen) == report_as_text(expected)
    assert "alle Passinhaber" in screen.view.basis.text()
    assert "„<5“" in screen.view.note.text()
    # The table by municipality and age: zeros and small counts hidden, totals published.
    screen.view.tables.setCurrentRow(0)
    assert shown_grid(screen)[1:] == [
        ["Dachau", "<5", "<5", "•", "<5", "<5", "7"],
        ["Karlsfeld", "<5", "•", "<5", "<5", "<5", "6"],
        ["Summe", "<5", "6", "•", "<5", "<5", "13"],
    ]


def test_hidden_cells_are_marked_and_say_why(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    compute(qtbot, screen, tasks)
    screen.view.tables.setCurrentRow(0)
    model = screen.view.figures
    small, protecting, published = model.index(0, 1), model.index(0, 3), model.index(0, 6)
    background = Qt.ItemDataRole.BackgroundRole
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert model.data(small, background) == QBrush(PRIMARY_COLOUR)
    assert "weniger als 5" in model.data(small, tooltip)
    assert model.data(protecting, background) == QBrush(SECONDARY_COLOUR)
    assert "aus den Summen errechnen" in model.data(protecting, tooltip)
    assert model.data(published, background) is None
    assert model.data(published, tooltip) is None


def test_a_municipality_chooses_the_holders_and_is_named_with_the_figures(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner, district_ctx: ServiceContext
) -> None:
    box = screen.view.municipality_box
    box.setCurrentIndex(box.findText("Karlsfeld"))
    compute(qtbot, screen, tasks)
    expected = demand_report(district_ctx, DemandFilters(municipality="Karlsfeld"))
    assert every_table_shown(screen) == report_as_text(expected)
    assert "Gemeinde Karlsfeld" in screen.view.basis.text()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The operating system's save dialog "chooses" ``path``; the proposed names are kept."""
    proposed: list[str] = []

    def chosen(_parent: QWidget, _caption: str, name: str, _filter: str) -> tuple[str, str]:
        proposed.append(name)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    return proposed


def save(qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner, file_format: str) -> None:
    view = screen.view
    button = {"csv": view.csv_button, "xlsx": view.xlsx_button, "pdf": view.pdf_button}[file_format]
    assert button.isEnabled()
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        button.click()


def csv_tables(path: Path) -> list[tuple[str, Grid]]:
    """The CSV's tables: after the heading and the note, blocks of title and lines."""
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    blocks: list[list[list[str]]] = []
    for row in rows[2:]:
        if not row:
            blocks.append([])
        else:
            blocks[-1].append(row)
    return [(block[0][0], block[1:]) for block in blocks]


def xlsx_tables(path: Path) -> list[tuple[str, Grid]]:
    book = load_workbook(path, read_only=True)
    tables = []
    for sheet in book.worksheets[1:]:
        lines = [
            [str(v) for v in row if v is not None] for row in sheet.iter_rows(values_only=True)
        ]
        tables.append((lines[0][0], lines[1:]))
    return tables


def test_the_files_hold_what_the_screen_shows(
    qtbot: QtBot,
    screen: FiguresScreen,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen.view.from_edit.setText("01.06.2026")  # the autumn passes in Karlsfeld only
    compute(qtbot, screen, tasks)
    shown = every_table_shown(screen)
    proposed = choose_file(monkeypatch, tmp_path / "zahlen")  # no ending typed
    save(qtbot, screen, tasks, "csv")
    assert csv_tables(tmp_path / "zahlen.csv") == shown
    assert "ausgestellt ab 2026-06-01" in (tmp_path / "zahlen.csv").read_text("utf-8-sig")
    save(qtbot, screen, tasks, "xlsx")
    assert xlsx_tables(tmp_path / "zahlen.xlsx") == shown
    assert Path(proposed[0]).name == f"Bedarfszahlen-{screen.report.made_on:%Y-%m-%d}.csv"
    assert "Gespeichert" in screen.view.message.text()


def test_an_unwritable_place_is_said_in_german_and_nothing_is_written(
    qtbot: QtBot,
    screen: FiguresScreen,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compute(qtbot, screen, tasks)
    folder = tmp_path / "stick"
    folder.mkdir()
    blocker = folder / "kein-ordner"
    blocker.write_text("a file where the folder should be")
    choose_file(monkeypatch, blocker / "zahlen.xlsx")
    save(qtbot, screen, tasks, "xlsx")
    message = screen.view.message.text()
    assert "Die Datei wurde nicht gespeichert" in message
    assert "Ordner" in message
    assert [p.name for p in folder.iterdir()] == ["kein-ordner"]
    assert blocker.read_text() == "a file where the folder should be"
    # The figures are still the ones on screen and can be saved elsewhere.
    assert screen.view.xlsx_button.isEnabled()


def test_a_bad_date_is_named_and_nothing_is_computed(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    started: list[object] = []
    tasks.finished.connect(started.append)
    qtbot.keyClicks(screen.view.to_edit, "31.02.2026")
    screen.view.compute_button.click()
    qtbot.wait(100)
    assert started == []
    assert not tasks.busy
    assert screen.view.message.text() == ("Ausgestellt bis: Den 31.02.2026 gibt es nicht.")
    assert screen.view.to_edit.hasFocus()
    assert screen.report is None
    assert screen.view.tables.count() == 0


def test_changed_filters_grey_the_figures_and_nothing_can_be_saved(
    qtbot: QtBot,
    screen: FiguresScreen,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compute(qtbot, screen, tasks)
    model, view = screen.view.figures, screen.view
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, 1), foreground) is None
    qtbot.keyClicks(view.from_edit, "01.01.2026")
    assert screen.stale
    assert "Veraltet" in view.message.text()
    assert model.data(model.index(0, 1), foreground) == QBrush(STALE_COLOUR)
    assert not view.csv_button.isEnabled()
    assert not view.xlsx_button.isEnabled()
    proposed = choose_file(monkeypatch, tmp_path / "zahlen.csv")
    screen.export("csv")  # as a shortcut would, past the greyed button
    assert proposed == []
    assert not (tmp_path / "zahlen.csv").exists()
    # Back to the filters of the figures: they are current again.
    view.from_edit.clear()
    assert not screen.stale
    assert view.csv_button.isEnabled()
    assert model.data(model.index(0, 1), foreground) is None
    view.municipality_box.setCurrentIndex(view.municipality_box.findText("Dachau"))
    assert screen.stale
    # Figures of a run whose filters changed while it ran arrive grey.
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        view.compute_button.click()
        view.to_edit.setText("01.01.2027")
    assert screen.stale
    assert not view.xlsx_button.isEnabled()


def test_a_failed_run_shows_why_and_leaves_no_figures(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    compute(qtbot, screen, tasks)
    screen.view.from_edit.setText("01.05.2026")
    screen.view.to_edit.setText("01.04.2026")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        screen.view.compute_button.click()
    assert screen.view.message.text() == ("Keine Zahlen: Das Anfangsdatum liegt nach dem Enddatum.")
    assert screen.report is None
    assert screen.view.tables.count() == 0
    assert screen.view.figures.rowCount() == 0
    assert not screen.view.csv_button.isEnabled()
    assert not screen.view.xlsx_button.isEnabled()


def test_a_second_click_while_computing_starts_nothing(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    delivered: list[object] = []
    tasks.finished.connect(delivered.append)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        screen.view.compute_button.click()
        assert not screen.view.compute_button.isEnabled()
        screen.compute()  # a second click, or Enter, while it runs
    qtbot.wait(200)
    assert len(delivered) == 1
    assert screen.report is not None
    assert screen.view.compute_button.isEnabled()


def test_enter_computes_and_esc_closes_and_forgets(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner, tmp_path: Path
) -> None:
    focused = QApplication.focusWidget()
    assert focused is screen.view.from_edit
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert screen.report is not None
    assert screen.isVisible()
    qtbot.keyClick(screen.view.tables, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    assert screen.report is None
    assert screen.view.figures.rowCount() == 0


def test_closing_while_computing_shows_nothing_afterwards(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        screen.view.compute_button.click()
        screen.reject()
    assert screen.report is None
    screen.open()
    assert screen.view.tables.count() == 0
    assert screen.view.compute_button.isEnabled()


def menu_texts(window: MainWindow) -> list[str]:
    return [
        action.text().replace("&", "")
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    ]


def test_only_the_districts_admin_has_the_figures(
    qtbot: QtBot, district_with_people: Accounts, admin_desk: Desk
) -> None:
    for desk, sees in (
        (district_with_people.admin, True),
        (district_with_people.clerk, False),
        (admin_desk, False),  # an office's admin
    ):
        window = show_window(qtbot, desk)
        assert ("Bedarfszahlen …" in menu_texts(window)) is sees
        window.tasks.shutdown()


def test_log_out_forgets_the_figures(qtbot: QtBot, district_with_people: Accounts) -> None:
    window = show_window(qtbot, district_with_people.admin)
    screen = window.open_figures_screen()
    qtbot.waitExposed(screen)
    compute(qtbot, screen, window.tasks)
    with qtbot.waitSignal(window.logged_out):
        window.log_out()
    assert screen.report is None
    assert screen.view.figures.rowCount() == 0
    assert screen.view.tables.count() == 0


def test_the_screen_lock_hides_the_figures_and_log_out_there_forgets_them(
    qtbot: QtBot, district_with_people: Accounts
) -> None:
    window = show_window(qtbot, district_with_people.admin)
    screen = window.open_figures_screen()
    qtbot.waitExposed(screen)
    compute(qtbot, screen, window.tasks)
    window.screen_lock.lock()
    assert not screen.isVisible()
    assert screen.report is not None  # locked, not logged out: the figures wait
    with qtbot.waitSignal(window.logged_out):
        window.screen_lock.log_out_requested.emit()
    assert screen.report is None
    assert screen.view.figures.rowCount() == 0


def numbers(texts: list[str]) -> list[str]:
    """The whole numbers among the words of ``texts``, sorted."""
    return sorted(w for text in texts for w in text.split() if re.fullmatch(r"\d+", w))


def test_the_pdf_holds_the_figures_on_screen(
    qtbot: QtBot,
    screen: FiguresScreen,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each table has its page (the small district's tables fit one each), with the same
    title and exactly the numbers on screen; the title page names the filters."""
    box = screen.view.municipality_box
    box.setCurrentIndex(box.findText("Dachau"))
    compute(qtbot, screen, tasks)
    shown = every_table_shown(screen)
    choose_file(monkeypatch, tmp_path / "zahlen")
    save(qtbot, screen, tasks, "pdf")
    pages = page_texts((tmp_path / "zahlen.pdf").read_bytes())
    assert "Gemeinde Dachau" in pages[0]
    assert len(pages) == 1 + len(shown)
    for page, (title, grid) in zip(pages[1:], shown, strict=True):
        body = page.rsplit("Seite", 1)[0]  # without the footer's page numbers
        assert " ".join(title.split()[:3]) in " ".join(body.split())
        assert numbers(body.splitlines()) == numbers([title, *(c for row in grid for c in row)])


def test_the_chosen_tables_chart_is_drawn_above_it(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    report = compute(qtbot, screen, tasks)
    chart, view = screen.view.chart, screen.view
    for row, table in enumerate(report.tables):
        view.tables.setCurrentRow(row)
        if chart_series(table) is None:  # no inner cell published: nothing to draw
            qtbot.waitUntil(lambda: "Kein Diagramm" in chart.text(), timeout=WAIT_MS)
            assert not chart.has_picture
        else:
            qtbot.waitUntil(lambda: chart.has_picture, timeout=WAIT_MS)
            picture = chart.pixmap()
            ratio = picture.devicePixelRatio()
            assert picture.width() / ratio <= view.chart_area.viewport().width()
    # Changed filters grey the chart with the table; closing forgets it.
    view.from_edit.setText("01.01.2026")
    assert not chart.isEnabled()
    screen.reject()
    assert not chart.has_picture


def test_new_filters_keep_the_table_looked_at(
    qtbot: QtBot, screen: FiguresScreen, tasks: TaskRunner
) -> None:
    compute(qtbot, screen, tasks)
    screen.view.tables.setCurrentRow(4)
    title = screen.view.title.text()
    screen.view.to_edit.setText("01.06.2026")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(screen.view.to_edit, Qt.Key.Key_Return)
    assert screen.view.tables.currentRow() == 4
    assert screen.view.title.text() == title
    assert "ausgestellt bis 2026-06-01" in screen.view.basis.text()


def test_filters_changed_while_a_file_is_written_are_still_said_after_it(
    qtbot: QtBot,
    screen: FiguresScreen,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = compute(qtbot, screen, tasks)
    choose_file(monkeypatch, tmp_path / "zahlen.csv")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        screen.view.csv_button.click()
        screen.view.from_edit.setText("01.01.2026")
    message = screen.view.message.text()
    assert message.startswith("Gespeichert:")
    assert "Veraltet" in message
    assert not screen.view.csv_button.isEnabled()
    # The file holds the figures shown when it was asked for.
    assert csv_tables(tmp_path / "zahlen.csv") == report_as_text(report)
