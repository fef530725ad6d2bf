"""The entry table model on a real log, without a view (STYLE 8)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from passapp.domain.entries import Action, CefrLevel, EntryKind, EntryStatus
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.passes import issue_pass
from passapp.ui.entry_table import EntryTableModel, entry_summary, is_current
from tests.services.helpers import register

OFFER_TITLES = {"vhs-dachau-deutsch-a1-abend": "Deutsch A1 – Abendkurs"}


def logged_pass(ctx: ServiceContext) -> str:
    """A pass with a course (later corrected), a counselling (later cancelled) and an exam."""
    number = issue_pass(ctx, register(ctx)).pass_number
    course = add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=dt.date(2026, 3, 2),
            end_date=dt.date(2026, 6, 30),
            status=EntryStatus.BEGONNEN,
            offer_slug="vhs-dachau-deutsch-a1-abend",
            provider="Volkshochschule Dachau",
            level=CefrLevel.A1,
        ),
    )
    add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=dt.date(2026, 3, 2),
            end_date=dt.date(2026, 6, 30),
            status=EntryStatus.ABGESCHLOSSEN,
            offer_slug="vhs-dachau-deutsch-a1-abend",
            provider="Volkshochschule Dachau",
            level=CefrLevel.A1,
            result="Kurs bestanden",
            action=Action.CORRECTION,
            refers_to=course.id,
        ),
    )
    counselling = add_entry(
        ctx,
        number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 1, 15), title="Erstberatung"),
    )
    add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.BERATUNG,
            start_date=dt.date(2026, 1, 15),
            title="Erstberatung",
            action=Action.CANCELLATION,
            refers_to=counselling.id,
        ),
    )
    add_entry(
        ctx,
        number,
        EntryInput(
            kind=EntryKind.PRUEFUNG,
            start_date=dt.date(2026, 7, 10),
            status=EntryStatus.ABGESCHLOSSEN,
            title="DTZ",
            level=CefrLevel.A2,
            result="A2 erreicht",
        ),
    )
    return number


def texts(model: EntryTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_columns_and_german_labels_newest_first(office_ctx: ServiceContext) -> None:
    number = logged_pass(office_ctx)
    model = EntryTableModel()
    model.set_log(list_entries(office_ctx, number), OFFER_TITLES)

    assert model.pass_number == number
    assert model.rowCount() == 5
    assert model.columnCount() == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == [
        "Datum",
        "Art",
        "Angebot / Titel",
        "Anbieter",
        "Niveau",
        "Status",
        "Ergebnis",
        "Stelle",
        "Vermerk",
    ]
    # Newest first: the exam (10.07.), the correction, the corrected course (same day,
    # written earlier), the cancellation, the cancelled counselling.
    assert texts(model, 0) == [
        "10.07.2026",
        "Prüfungsergebnis",
        "DTZ",
        "",
        "A2",
        "Abgeschlossen",
        "A2 erreicht",
        "EWDAH",
        "",
    ]
    assert texts(model, 1) == [
        "02.03.2026 – 30.06.2026",
        "Sprachkurs",
        "Deutsch A1 – Abendkurs",  # no own title: the offer's title from the catalogue
        "Volkshochschule Dachau",
        "A1",
        "Abgeschlossen",
        "Kurs bestanden",
        "EWDAH",
        "Korrektur zu Sprachkurs vom 02.03.2026",
    ]
    assert model.entry(2).action == "record"
    assert model.data(model.index(2, EntryTableModel.STATUS)) == "Begonnen"
    assert model.data(model.index(2, EntryTableModel.NOTE)) == "korrigiert"
    assert model.data(model.index(3, EntryTableModel.NOTE)) == "Storno zu Beratung vom 15.01.2026"
    assert model.data(model.index(4, EntryTableModel.NOTE)) == "storniert"


def test_replaced_entries_are_struck_through_and_greyed(office_ctx: ServiceContext) -> None:
    model = EntryTableModel()
    model.set_log(list_entries(office_ctx, logged_pass(office_ctx)), OFFER_TITLES)

    def looks(row: int) -> tuple[bool, bool]:
        """(struck through, italic) of a row; no font of its own: neither."""
        font = model.data(model.index(row, EntryTableModel.KIND), Qt.ItemDataRole.FontRole)
        if font is None:
            return (False, False)
        assert isinstance(font, QFont)
        return (font.strikeOut(), font.italic())

    # The exam and the correction count; the corrected course is struck through, the
    # cancellation in italics, the cancelled counselling struck through.
    assert [looks(row) for row in range(5)] == [
        (False, False),
        (False, False),
        (True, False),
        (False, True),
        (True, False),
    ]
    grey = model.data(model.index(2, EntryTableModel.DATE), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QBrush)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    # Only what still counts can be corrected or cancelled.
    assert [is_current(model.entry(row)) for row in range(5)] == [
        True,
        True,
        False,
        False,
        False,
    ]


def test_tooltips_say_what_an_entry_refers_to_and_who_wrote_it(
    office_ctx: ServiceContext,
) -> None:
    model = EntryTableModel()
    model.set_log(list_entries(office_ctx, logged_pass(office_ctx)), OFFER_TITLES)

    def tip(row: int) -> str:
        value = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert isinstance(value, str)
        return value

    assert "Korrigiert: Sprachkurs vom 02.03.2026 – 30.06.2026: Deutsch A1 – Abendkurs" in tip(1)
    assert "es gilt die neuere Fassung" in tip(2)
    assert "Storniert: Beratung vom 15.01.2026: Erstberatung" in tip(3)
    assert "wurde storniert" in tip(4)
    assert "Erfasst von test (EWDAH) am " in tip(0)


def test_summary_and_row_lookup(office_ctx: ServiceContext) -> None:
    model = EntryTableModel()
    model.set_log(list_entries(office_ctx, logged_pass(office_ctx)), OFFER_TITLES)
    exam = model.entry(0)
    assert entry_summary(exam) == "Prüfungsergebnis vom 10.07.2026: DTZ, A2"
    assert model.row_of(exam.id) == 0
    model.set_log(None)
    assert model.rowCount() == 0
    assert model.row_of(exam.id) is None
