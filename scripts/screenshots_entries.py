"""Screenshots of the entry log for the docs, made offscreen from a fresh demo office.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_entries.py [--out docs/screenshots]

``entries.png``: the entry table of one pass, newest first, with a corrected and a cancelled
entry; ``entry-form.png``: a new entry, the offer search narrowed by "deutsch b1";
``entry-form-error.png``: the German refusal of a completed course dated in the future;
``entry-correction.png``: the correction form pre-filled from the earlier entry;
``entry-cancel.png``: the question before cancelling. Sizes are the dialogs' defaults,
which fit a 1366×768 screen.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSAPP_STATE_DIR", tempfile.mkdtemp(prefix="passapp-shots-state-"))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from screenshots import log_in, save, start, wait_for

from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, EntryView, add_entry
from passapp.services.search import find
from passapp.ui.entry_panel import EntryPanel
from passapp.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]
PANEL_SIZE = (1100, 420)  # about the person area of the main window on 1366×768


def demo_pass(office: ServiceContext) -> str:
    """Zahra Ahmadi's pass from the demo, with a few more entries to show the history."""
    number = find(office, "Ahmadi Zahra").hits[0].pass_number
    if number is None:
        raise SystemExit("the demo person has no pass")
    today = office.today()
    course = add_entry(
        office,
        number,
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=today - dt.timedelta(days=120),
            end_date=today - dt.timedelta(days=30),
            status=EntryStatus.BEGONNEN,
            offer_slug="vhs-dachau-deutsch-a1-abend",
            title="Deutsch A1 – Abendkurs",
            provider="Volkshochschule Dachau",
            level=CefrLevel.A1,
        ),
    )
    add_entry(office, number, _completed(course))
    add_entry(
        office,
        number,
        EntryInput(
            kind=EntryKind.PRUEFUNG,
            start_date=today - dt.timedelta(days=10),
            status=EntryStatus.ABGESCHLOSSEN,
            offer_slug="vhs-dachau-dtz-pruefung",
            title="Deutsch-Test für Zuwanderer (DTZ)",
            provider="Volkshochschule Dachau",
            level=CefrLevel.A2,
            result="A2 erreicht",
        ),
    )
    mistaken = add_entry(
        office,
        number,
        EntryInput(kind=EntryKind.PRAKTIKUM, start_date=today - dt.timedelta(days=5)),
    )
    add_entry(
        office,
        number,
        EntryInput(
            kind=EntryKind.PRAKTIKUM,
            start_date=mistaken.date,
            action=Action.CANCELLATION,
            refers_to=mistaken.id,
        ),
    )
    return number


def _completed(course: EntryView) -> EntryInput:
    """The course "begonnen" was finished: a correction with the result."""
    return EntryInput(
        kind=EntryKind.SPRACHKURS,
        start_date=course.date,
        end_date=course.end_date,
        status=EntryStatus.ABGESCHLOSSEN,
        offer_slug="vhs-dachau-deutsch-a1-abend",
        title="Deutsch A1 – Abendkurs",
        provider="Volkshochschule Dachau",
        level=CefrLevel.A1,
        result="Kurs mit Erfolg beendet",
        action=Action.CORRECTION,
        refers_to=course.id,
    )


def shoot_dialog(dialog: QDialog, path: Path) -> None:
    QApplication.processEvents()
    save(dialog, path)
    dialog.done(QDialog.DialogCode.Rejected)


def main() -> None:
    shots = start(__doc__)
    out, app = shots.out, shots.app
    office = shots.demo_office()
    number = demo_pass(office)

    tasks = TaskRunner()
    panel = EntryPanel(log_in(office), tasks)
    panel.resize(*PANEL_SIZE)
    panel.setWindowTitle("Einträge")
    panel.show()
    panel.show_pass(number)
    save(panel, out / "entries.png")

    form = panel.new_entry()
    assert form is not None
    QTest.keyClicks(form.view.offer_picker.search_field, "deutsch b1")
    save(form, out / "entry-form.png")

    # Pick the DTZ (↓ to it, Enter), date it next week as "abgeschlossen", try to save.
    picker = form.view.offer_picker
    target = next(i for i, o in enumerate(picker.shown_offers()) if "DTZ" in o.title)
    for _ in range(target):
        QTest.keyClick(picker.search_field, Qt.Key.Key_Down)
    QTest.keyClick(picker.search_field, Qt.Key.Key_Return)
    form.view.start_edit.setText((office.today() + dt.timedelta(days=7)).strftime("%d.%m.%Y"))
    form.view.status_combo.setCurrentIndex(form.view.status_combo.findData("abgeschlossen"))
    form.view.save_button.click()
    wait_for(tasks)
    shoot_dialog(form, out / "entry-form-error.png")

    panel.table.selectRow(_row_of_kind(panel, "pruefung"))
    correction = panel.correct_entry()
    assert correction is not None
    shoot_dialog(correction, out / "entry-correction.png")

    cancel = panel.cancel_entry()
    assert cancel is not None
    shoot_dialog(cancel, out / "entry-cancel.png")

    tasks.shutdown()
    office.db.dispose()
    app.quit()


def _row_of_kind(panel: EntryPanel, kind: str) -> int:
    model = panel.model
    return next(row for row in range(model.rowCount()) if model.entry(row).kind == kind)


if __name__ == "__main__":
    main()
