"""Screenshots of Verwaltung → Bedarfszahlen on a generated district, at 100 % and 150 %.

    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb PYTHONPATH=src:. \\
        .venv/bin/python scripts/screenshots_figures.py [--persons 10000] [--out docs/screenshots]

The people, passes, entries and learner profiles come from the benchmark generator
(``benchmarks/generate.py``, seed 1; by default the issue's 10k holders with 100k entries).
It makes an *office's* database; the district's admin role exists only in a district's, so
the script marks the installation as the district's (``installation.role``) before it adds
the admin. The report reads nothing that differs between the two (people, passes, entries,
profiles, offers, municipalities).

``figures.png``: holders by municipality and age for all passes; ``figures-literacy.png``:
literacy by municipality; ``figures-stale.png``: a filter changed after computing (greyed,
nothing to save); ``figures-error.png``: a date that does not exist. With the prefix
``scale150-`` the first and the third at 150 % scaling (a second process, same database);
``english-figures-chart.png`` and ``english-figures-literacy.png``: the first two in the
English UI (a third process), charts drawn in English.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from screenshots import ROOT, context, log_in, save, start, wait_for  # isort: skip

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from passapp.domain.accounts import Role
from passapp.ui.figures_screen import FiguresScreen
from passapp.ui.tasks import TaskRunner

SCALED = "PASSAPP_SHOTS_SCALED"
DATABASE = "PASSAPP_SHOTS_DATABASE"
ENGLISH = "PASSAPP_SHOTS_ENGLISH"
# The size: 10k holders with 100k entries (the share of holders among generated
# persons and the entries per holder as in benchmarks/bench_demand.py).
HOLDER_SHARE = 0.5635
ENTRIES_PER_HOLDER = 10.0


def as_district(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("UPDATE installation SET role = 'district'")
    finally:
        connection.close()


def generated_district(folder: Path, persons: int) -> Path:
    from benchmarks.generate import generate

    path = folder / "landkreis.sqlite3"
    started = time.perf_counter()
    report = generate(path, persons, seed=1, entries_per_holder=ENTRIES_PER_HOLDER)
    as_district(path)
    print(
        f"{report.persons} persons, {report.passes} passes, {report.entries} entries "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return path


def computed(screen: FiguresScreen, tasks: TaskRunner) -> None:
    started = time.perf_counter()
    screen.view.compute_button.click()
    wait_for(tasks)
    print(f"report on screen in {time.perf_counter() - started:.2f} s", file=sys.stderr)


def with_chart(screen: FiguresScreen) -> FiguresScreen:
    """The screen once the chosen table's chart is drawn (on the worker, quietly)."""
    deadline = time.perf_counter() + 60
    while not screen.view.chart.has_picture and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    return screen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=round(10_000 / HOLDER_SHARE))
    persons = parser.parse_known_args()[0].persons
    english = bool(os.environ.get(ENGLISH))
    shots = start(__doc__, "en" if english else "de")
    scaled = bool(os.environ.get(SCALED))
    prefix = "scale150-" if scaled else ""
    known = os.environ.get(DATABASE)
    path = Path(known) if known else generated_district(shots.folder, persons)
    district = context(path, "Herr Maier")
    desk = log_in(district, Role.DISTRICT_ADMIN)
    tasks = TaskRunner()
    screen = FiguresScreen(desk, tasks)
    screen.show()
    computed(screen, tasks)
    screen.view.tables.setCurrentRow(0)
    if english:
        save(with_chart(screen), shots.out / "english-figures-chart.png")
        literacy = next(
            n for n, t in enumerate(screen.report.tables) if t.key == "literacy_by_municipality"
        )
        screen.view.tables.setCurrentRow(literacy)
        save(with_chart(screen), shots.out / "english-figures-literacy.png")
        screen.close()
        tasks.shutdown()
        desk.close()
        return
    save(with_chart(screen), shots.out / f"{prefix}figures.png")
    if not scaled:
        literacy = next(
            n for n, t in enumerate(screen.report.tables) if t.key == "literacy_by_municipality"
        )
        screen.view.tables.setCurrentRow(literacy)
        save(with_chart(screen), shots.out / "figures-literacy.png")
        screen.view.tables.setCurrentRow(0)
    QTest.keyClicks(screen.view.from_edit, "01.01.2026")
    save(screen, shots.out / f"{prefix}figures-stale.png")
    if not scaled:
        screen.view.from_edit.setText("31.02.2026")
        screen.view.compute_button.click()
        save(screen, shots.out / "figures-error.png")
    screen.close()
    tasks.shutdown()
    desk.close()
    shots.app.quit()
    if not scaled:
        for extra in ({SCALED: "1", "QT_SCALE_FACTOR": "1.5"}, {ENGLISH: "1"}):
            again = {**os.environ, **extra, DATABASE: str(path)}
            subprocess.run(
                [sys.executable, __file__, "--out", str(shots.out)], check=True, env=again, cwd=ROOT
            )
        shutil.rmtree(shots.folder)  # the generated district: 26 MB at 10k persons


if __name__ == "__main__":
    main()
