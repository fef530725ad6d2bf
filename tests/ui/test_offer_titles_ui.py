"""Offer titles per language on screen (issue 12, item 6): the English UI shows an offer's
English title where the district gave one, the German reference title stays in tooltips and
details; the German UI lists every translation in the details; typing any title's words
finds the offer in the catalogue screen and in the entry form's picker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from passapp.domain.entries import Action, EntryKind
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.entries import EntryInput, add_entry
from passapp.services.offers import OfferInput, OfferView, list_offers, save_offer
from passapp.services.passes import issue_pass
from passapp.services.sync import export_bundles, import_bundle
from passapp.ui.entry_panel import EntryPanel
from passapp.ui.entry_table import EntryTableModel
from passapp.ui.offer_table import OfferTableModel
from passapp.ui.offers_screen import OffersScreen
from passapp.ui.tasks import TaskRunner
from tests.services.helpers import register
from tests.ui.test_entry_form import new_form, shown

GERMAN = "Deutschkurs am Abend"
TITLES = {"en": "German course at nightfall", "ar": "دورة اللغة الألمانية المسائية"}
UNTRANSLATED = "Sprechstunde für Geflüchtete"


@pytest.fixture
def translated(district_ctx: ServiceContext) -> OfferView:
    """An offer with an English and an Arabic title, and one without translations."""
    save_offer(
        district_ctx, OfferInput(category="beratung", title=UNTRANSLATED, provider="Caritas")
    )
    return save_offer(
        district_ctx,
        OfferInput(category="sprachkurs", title=GERMAN, provider="VHS Dachau", titles=TITLES),
    )


@pytest.fixture
def at_office(
    translated: OfferView, district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> OfferView:
    """The offer as the office has it: from the district's bundle."""
    bundle = tmp_path / "an-ewdah.passapp"
    export_bundles(district_ctx, bundle, "EWDAH")
    import_bundle(office_ctx, bundle)
    return next(o for o in list_offers(office_ctx) if o.slug == translated.slug)


def open_screen(qtbot: QtBot, desk: Desk, tasks: TaskRunner) -> OffersScreen:
    screen = OffersScreen(desk, tasks)
    qtbot.addWidget(screen)
    screen.open()
    qtbot.waitExposed(screen)
    return screen


def row_of(screen: OffersScreen, title: str) -> int:
    model = screen.view.offers
    return next(row for row in range(model.rowCount()) if model.offer(row).title == title)


def cell(screen: OffersScreen, row: int, role: Qt.ItemDataRole) -> object:
    model = screen.view.offers
    return model.data(model.index(row, OfferTableModel.TITLE), role)


def select(qtbot: QtBot, screen: OffersScreen, title: str) -> str:
    screen.view.table.selectRow(row_of(screen, title))
    return screen.view.details.toPlainText()


def test_the_english_catalogue_shows_english_titles_and_keeps_the_german(
    english: None, qtbot: QtBot, translated: OfferView, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    row = row_of(screen, GERMAN)
    assert cell(screen, row, Qt.ItemDataRole.DisplayRole) == TITLES["en"]
    tooltip = str(cell(screen, row, Qt.ItemDataRole.ToolTipRole))
    assert f"German: {GERMAN}" in tooltip
    assert f"Arabic: {TITLES['ar']}" in tooltip
    plain = row_of(screen, UNTRANSLATED)
    assert cell(screen, plain, Qt.ItemDataRole.DisplayRole) == UNTRANSLATED  # no English title

    details = select(qtbot, screen, GERMAN)
    assert details.startswith(TITLES["en"])
    assert f"Title in German {GERMAN}" in " ".join(details.split())
    assert TITLES["ar"] in details
    assert "Titel" not in details


def test_the_german_catalogue_lists_every_translation_with_its_language(
    qtbot: QtBot, translated: OfferView, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    row = row_of(screen, GERMAN)
    assert cell(screen, row, Qt.ItemDataRole.DisplayRole) == GERMAN
    assert f"Englisch: {TITLES['en']}" in str(cell(screen, row, Qt.ItemDataRole.ToolTipRole))
    details = " ".join(select(qtbot, screen, GERMAN).split())
    assert details.startswith(GERMAN)
    assert f"Titel auf Englisch {TITLES['en']}" in details
    assert f"Titel auf Arabisch {TITLES['ar']}" in details
    assert "Titel auf" not in " ".join(select(qtbot, screen, UNTRANSLATED).split())


@pytest.mark.parametrize("typed", ["nightfall", "المسائية", "deutschkurs abend"])
def test_the_catalogue_filter_finds_an_offer_by_any_of_its_titles(
    typed: str, qtbot: QtBot, translated: OfferView, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    screen.view.filter_field.setText(typed)
    model = screen.view.offers
    assert [model.offer(row).title for row in range(model.rowCount())] == [GERMAN]


def test_the_english_picker_finds_and_shows_the_english_title(
    english: None,
    qtbot: QtBot,
    at_office: OfferView,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    clerk_desk: Desk,
) -> None:
    number = issue_pass(office_ctx, register(office_ctx)).pass_number
    form = new_form(qtbot, clerk_desk, tasks, number)
    picker = form.view.offer_picker
    qtbot.keyClicks(picker.search_field, "german nightfall")
    assert [o.slug for o in picker.shown_offers()] == [at_office.slug]
    line = picker.match_list.model().index(0, 0)
    assert line.data().startswith(f"{TITLES['en']} · VHS Dachau")
    assert f"German: {GERMAN}" in line.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(picker.search_field, Qt.Key.Key_Return)
    assert picker.selected_offer() == at_office
    assert picker.search_field.text() == TITLES["en"]
    # The entry keeps the catalogue's German reference title, as the pass and sheet print it.
    assert form.view.title_edit.text() == GERMAN

    picker.clear()
    picker.search_field.insert("دورة")  # as an input method types it (QTest types ASCII only)
    assert [o.slug for o in picker.shown_offers()] == [at_office.slug]


def test_the_english_entry_table_names_the_offer_in_english(
    english: None,
    qtbot: QtBot,
    at_office: OfferView,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    clerk_desk: Desk,
) -> None:
    number = issue_pass(office_ctx, register(office_ctx)).pass_number
    for day, title in ((1, GERMAN), (2, None), (3, "Deutschkurs, nach zwei Wochen beendet")):
        add_entry(
            office_ctx,
            number,
            EntryInput(
                kind=EntryKind.SPRACHKURS,
                start_date=dt.date(2026, 3, day),
                title=title,
                offer_slug=at_office.slug,
            ),
        )
    panel = EntryPanel(clerk_desk, tasks)
    shown(qtbot, panel)
    assert panel.show_pass(number)
    model = panel.model

    def title(row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return str(model.data(model.index(row, EntryTableModel.TITLE), role))

    # Newest first: the clerk's own title stays as typed; the offer's reads in English.
    assert [title(row) for row in range(3)] == [
        "Deutschkurs, nach zwei Wochen beendet",
        TITLES["en"],
        TITLES["en"],
    ]
    assert f"Title in German: {GERMAN}" in title(1, Qt.ItemDataRole.ToolTipRole)
    assert "Title in German" not in title(0, Qt.ItemDataRole.ToolTipRole)

    # A correction's tooltip names the corrected entry by the title on screen too.
    corrected = model.entry(1)
    add_entry(
        office_ctx,
        number,
        EntryInput(
            kind=EntryKind.SPRACHKURS,
            start_date=corrected.date,
            offer_slug=at_office.slug,
            action=Action.CORRECTION,
            refers_to=corrected.id,
        ),
    )
    panel.refresh()
    row = next(n for n in range(model.rowCount()) if model.entry(n).refers_to == corrected.id)
    assert f"Corrected: Language course, 02.03.2026: {TITLES['en']}" in title(
        row, Qt.ItemDataRole.ToolTipRole
    )


def test_the_german_entry_table_keeps_the_german_title(
    qtbot: QtBot,
    at_office: OfferView,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    clerk_desk: Desk,
) -> None:
    number = issue_pass(office_ctx, register(office_ctx)).pass_number
    entry = EntryInput(
        kind=EntryKind.SPRACHKURS, start_date=dt.date(2026, 3, 1), offer_slug=at_office.slug
    )
    add_entry(office_ctx, number, entry)
    panel = EntryPanel(clerk_desk, tasks)
    shown(qtbot, panel)
    assert panel.show_pass(number)
    index = panel.model.index(0, EntryTableModel.TITLE)
    assert panel.model.data(index) == GERMAN
    assert "Titel auf Deutsch" not in str(panel.model.data(index, Qt.ItemDataRole.ToolTipRole))


def test_the_english_catalogue_is_in_the_order_of_its_english_titles(
    english: None, qtbot: QtBot, tasks: TaskRunner, district_desk: Desk
) -> None:
    """The sample catalogue's English titles sort otherwise than its German ones: within a
    category the English list reads alphabetically."""
    screen = open_screen(qtbot, district_desk, tasks)
    model = screen.view.offers
    shown = [
        (model.offer(row).category, str(cell(screen, row, Qt.ItemDataRole.DisplayRole)))
        for row in range(model.rowCount())
    ]
    assert len(shown) > 20
    assert shown == sorted(shown, key=lambda pair: (pair[0], pair[1].casefold()))
    german = [(offer.category, offer.title) for offer in district_desk.list_offers()]
    assert [o.title for o in (model.offer(r) for r in range(model.rowCount()))] != [
        title for _category, title in german
    ]  # the sample's English titles do sort otherwise
