"""The offers catalogue screen on real databases, driven by the keyboard as a clerk would:
keys go to whichever widget has the focus, shortcuts through Qt's shortcut map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.offers import OfferInput, OfferView, list_offers, save_offer
from passapp.services.sync import export_bundles, import_bundle
from passapp.ui.offer_form import OfferForm
from passapp.ui.offer_table import INACTIVE_COLOUR, OfferTableModel, level_span
from passapp.ui.offers_screen import OffersScreen, offer_details_html
from passapp.ui.tasks import TaskRunner
from tests.ui.conftest import Accounts

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
KARLSFELD = "09174126"


def open_screen(qtbot: QtBot, desk: Desk, tasks: TaskRunner) -> OffersScreen:
    screen = OffersScreen(desk, tasks)
    qtbot.addWidget(screen)
    screen.open()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.view.filter_field.hasFocus)
    return screen


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key as the keyboard sends it: to the widget that has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def shown_titles(screen: OffersScreen) -> list[str]:
    model = screen.view.offers
    return [model.offer(row).title for row in range(model.rowCount())]


def open_form(
    qtbot: QtBot, screen: OffersScreen, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> OfferForm:
    press(qtbot, key, modifier)
    qtbot.waitUntil(lambda: screen.form is not None and screen.form.isVisible())
    assert screen.form is not None
    qtbot.waitUntil(screen.form.title_field.hasFocus)
    return screen.form


def test_an_office_sees_the_catalogue_read_only(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    screen = open_screen(qtbot, clerk_desk, tasks)
    view = screen.view
    assert shown_titles(screen) == [o.title for o in list_offers(office_ctx)]
    assert "pflegt das Landratsamt" in view.role_note.text()
    assert "Strg+N" not in view.hint.text()
    for control in (view.new_button, view.edit_button, view.toggle_button, view.inactive_box):
        assert not control.isVisible()
        assert not control.isEnabled()
    before = list_offers(office_ctx, include_inactive=True)

    press(qtbot, Qt.Key.Key_N, CTRL)
    press(qtbot, Qt.Key.Key_Down)  # into the list
    assert view.table.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_B, CTRL)
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.wait(50)

    assert screen.form is None
    assert not tasks.busy
    assert list_offers(office_ctx, include_inactive=True) == before
    # What the clerk came for: the selected offer's address and contact below the table.
    first = before[0]
    assert first.address is not None
    assert first.address in view.details.toPlainText()


def test_a_clerk_at_the_district_reads_the_catalogue_without_editing(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    desks: Callable[[ServiceContext], Accounts],
) -> None:
    """Editing needs the district *and* the role that keeps the catalogue."""
    screen = open_screen(qtbot, desks(district_ctx).clerk, tasks)
    view = screen.view
    for control in (view.new_button, view.edit_button, view.toggle_button, view.inactive_box):
        assert not control.isVisible()
        assert not control.isEnabled()
    before = list_offers(district_ctx, include_inactive=True)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert screen.form is None
    assert list_offers(district_ctx, include_inactive=True) == before


def test_typing_narrows_the_list_and_says_when_nothing_matches(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    screen = open_screen(qtbot, clerk_desk, tasks)
    everything = len(shown_titles(screen))
    type_text(qtbot, "abendkurs")
    assert 0 < len(shown_titles(screen)) < everything
    assert all("abendkurs" in title.casefold() for title in shown_titles(screen))
    assert screen.selected is not None
    assert screen.selected.title in screen.view.details.toPlainText()

    press(qtbot, Qt.Key.Key_Down)
    assert screen.view.table.hasFocus()
    press(qtbot, Qt.Key.Key_Up)  # from the first row back to the filter
    assert screen.view.filter_field.hasFocus()
    type_text(qtbot, " zzzz")
    assert shown_titles(screen) == []
    assert screen.view.count_label.text() == "Kein Angebot passt zu „abendkurs zzzz“."
    assert screen.view.details.toPlainText() == ""


def test_the_district_creates_an_offer_by_keyboard(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    assert "Strg+N" in screen.view.hint.text()
    form = open_form(qtbot, screen, Qt.Key.Key_N, CTRL)
    assert form.windowTitle() == "Neues Angebot"

    type_text(qtbot, "Sprechstunde Migration")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Bera")  # the category list jumps to "Beratung"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Caritas Dachau")
    press(qtbot, Qt.Key.Key_Tab)  # address stays empty
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Karlsf")  # the municipality list jumps to "Karlsfeld"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # no contact
    type_text(qtbot, "de, AR uk")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # A2
    assert form.level_boxes["A2"].isChecked()
    for _ in range(6):  # past B1 … C2 and the target group
        press(qtbot, Qt.Key.Key_Tab)
    assert form.description_field.hasFocus()
    type_text(qtbot, "Dienstags")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, "ohne Termin")
    with (
        qtbot.waitSignal(screen.catalogue_changed, timeout=WAIT_MS) as saved,
        qtbot.waitSignal(tasks.finished, timeout=WAIT_MS),
    ):
        press(qtbot, Qt.Key.Key_Return)  # Enter saves, even from the description

    offer: OfferView = saved.args[0]
    assert not form.isVisible()
    [stored] = [o for o in list_offers(district_ctx) if o.slug == offer.slug]
    assert (stored.title, stored.category, stored.provider) == (
        "Sprechstunde Migration",
        "beratung",
        "Caritas Dachau",
    )
    assert stored.municipality_key == KARLSFELD
    assert stored.languages == ("de", "ar", "uk")
    assert stored.cefr_levels == ("A2",)
    assert stored.description == "Dienstags\nohne Termin"
    assert screen.selected == stored  # listed and selected
    assert "Gespeichert: „Sprechstunde Migration“" in screen.view.message.text()

    press(qtbot, Qt.Key.Key_F, CTRL)
    type_text(qtbot, "sprechstunde migration")
    assert shown_titles(screen) == ["Sprechstunde Migration"]
    row = screen.view.offers
    assert row.data(row.index(0, OfferTableModel.PLACE)) == "Karlsfeld"


def test_editing_changes_the_title(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    type_text(qtbot, "abendkurs")
    press(qtbot, Qt.Key.Key_Down)
    original = screen.selected
    assert original is not None
    form = open_form(qtbot, screen, Qt.Key.Key_Return, NO_MODIFIER)
    assert form.windowTitle() == "Angebot bearbeiten"
    assert form.title_field.text() == original.title
    assert form.category_combo.currentData() == original.category
    assert original.slug in form.slug_label.text()

    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Deutsch A1 - Kurs am Abend")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    [edited] = [o for o in list_offers(district_ctx) if o.slug == original.slug]
    assert edited.title == "Deutsch A1 - Kurs am Abend"
    assert edited.provider == original.provider
    assert edited.languages == original.languages
    assert not edited.is_sample
    # The new title no longer matches the filter: it is cleared, so the offer stays in view.
    assert screen.view.filter_field.text() == ""
    assert screen.selected == edited
    assert screen.view.table.hasFocus()  # back in the list, ready for the next key


def test_ctrl_b_edits_and_esc_cancels_without_saving(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    before = list_offers(district_ctx)
    form = open_form(qtbot, screen, Qt.Key.Key_B, CTRL)
    type_text(qtbot, " geaendert")
    press(qtbot, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert screen.isVisible()
    assert list_offers(district_ctx) == before


def test_deactivating_hides_the_offer_until_inactive_ones_are_shown(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    type_text(qtbot, "sprachcafe")
    press(qtbot, Qt.Key.Key_Down)
    offer = screen.selected
    assert offer is not None
    assert screen.view.toggle_button.text() == "Deaktivieren"

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_D, CTRL)

    assert offer.slug not in {o.slug for o in list_offers(district_ctx)}
    assert offer.slug in {o.slug for o in list_offers(district_ctx, include_inactive=True)}
    assert shown_titles(screen) == []
    assert "deaktiviert" in screen.view.message.text()

    press(qtbot, Qt.Key.Key_I, CTRL)  # "Inaktive zeigen"
    assert screen.view.inactive_box.isChecked()
    assert screen.view.table.hasFocus()  # the keyboard stays in the list
    assert shown_titles(screen) == [offer.title]
    model = screen.view.offers
    assert model.data(model.index(0, OfferTableModel.ACTIVE)) == "nein"
    assert screen.view.toggle_button.text() == "Aktivieren"
    assert "inaktiv" in screen.view.details.toPlainText()

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_D, CTRL)
    assert offer.slug in {o.slug for o in list_offers(district_ctx)}


def test_a_bad_language_code_is_shown_in_german_and_the_form_stays(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    screen = open_screen(qtbot, district_desk, tasks)
    before = list_offers(district_ctx, include_inactive=True)
    form = open_form(qtbot, screen, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "Kochen und Sprechen")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Sonst")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Familienzentrum")
    form.languages_field.setText("de, xx")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)

    assert form.isVisible()
    assert form.error_label.text().startswith("Unbekannte Sprache „xx“")
    assert form.save_button.isEnabled()
    assert list_offers(district_ctx, include_inactive=True) == before

    # Corrected, the same form saves.
    form.languages_field.setText("de")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save_button.click()
    assert "Kochen und Sprechen" in shown_titles(screen)


def test_a_missing_category_and_an_unknown_municipality_are_refused_in_german(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    form = OfferForm(district_desk, tasks)
    qtbot.addWidget(form)
    form.open()
    form.title_field.setText("Ohne Kategorie")
    form.provider_field.setText("Jemand")
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        form.save_button.click()
    assert form.error_label.text() == "Bitte eine Kategorie wählen."

    # An offer of a catalogue naming a municipality this database does not know.
    offer = list_offers(district_ctx)[0]
    stray = replace(offer, municipality_key="09999999")
    edit = OfferForm(district_desk, tasks, stray)
    qtbot.addWidget(edit)
    edit.open()
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        edit.save_button.click()
    assert edit.error_label.text() == "Unbekannte Gemeinde „09999999“."
    assert list_offers(district_ctx)[0] == offer


def test_the_office_sees_the_district_s_edit_after_the_bundle(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    clerk_desk: Desk,
) -> None:
    screen = open_screen(qtbot, clerk_desk, tasks)
    save_offer(
        district_ctx,
        OfferInput(category="beratung", title="Neue Sprechstunde", provider="Caritas"),
    )
    bundle = tmp_path / "an-ewdah.passapp"
    export_bundles(district_ctx, bundle, "EWDAH")
    import_bundle(office_ctx, bundle)
    assert "Neue Sprechstunde" not in shown_titles(screen)

    press(qtbot, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    screen.open()  # opened again from the main window: read afresh
    assert "Neue Sprechstunde" in shown_titles(screen)


def test_offer_table_model_without_a_view(district_ctx: ServiceContext) -> None:
    active, *_rest = list_offers(district_ctx)
    inactive = replace(
        active,
        active=False,
        category="anerkennung",
        municipality_key=KARLSFELD,
        cefr_levels=("A1", "A2", "B1"),
        languages=("de", "ar"),
    )
    model = OfferTableModel({KARLSFELD: "Karlsfeld"})
    model.set_rows([active, inactive])

    assert model.rowCount() == 2
    assert model.columnCount() == 7
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Kategorie", "Angebot", "Anbieter", "Ort", "Sprachen", "Niveaus", "aktiv"]

    def cell(row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(row, column), role)

    assert cell(1, OfferTableModel.CATEGORY) == "Anerkennung ausländischer Qualifikationen"
    assert cell(1, OfferTableModel.PLACE) == "Karlsfeld"
    assert cell(1, OfferTableModel.LANGUAGES) == "de, ar"
    assert cell(1, OfferTableModel.LEVELS) == "A1–B1"
    assert (cell(0, OfferTableModel.ACTIVE), cell(1, OfferTableModel.ACTIVE)) == ("ja", "nein")
    grey = cell(1, OfferTableModel.TITLE, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QBrush)
    assert grey.color() == INACTIVE_COLOUR
    assert cell(0, OfferTableModel.TITLE, Qt.ItemDataRole.ForegroundRole) is None
    assert model.row_of(inactive.slug) == 0  # same slug as the first: the first row
    assert level_span(("A1", "B1")) == "A1, B1"
    assert level_span(("B2", "C1", "C2")) == "B2–C2"

    details = offer_details_html(inactive, "Karlsfeld")
    assert "inaktiv" in details
    assert "Karlsfeld" in details
    assert "<script>" not in offer_details_html(replace(active, title="<script>"), "")


def test_titles_in_other_languages_are_saved_shown_again_and_checked(
    qtbot: QtBot, district_ctx: ServiceContext, tasks: TaskRunner, district_desk: Desk
) -> None:
    form = OfferForm(district_desk, tasks)
    qtbot.addWidget(form)
    form.open()
    form.title_field.setText("Deutschkurs am Abend")
    form.category_combo.setCurrentIndex(form.category_combo.findData("sprachkurs"))
    form.provider_field.setText("VHS Dachau")
    assert list(form.translated_title_fields) == ["en", "ar", "fa", "uk", "ru", "tr"]
    form.translated_title_fields["uk"].setText("Курс " * 2_000)  # 10,000 characters
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        form.save_button.click()
    assert form.error_label.text().startswith("Titel (Übersetzung) ist zu lang")
    assert "Deutschkurs am Abend" not in {o.title for o in list_offers(district_ctx)}

    form.translated_title_fields["uk"].setText("Вечірній курс німецької")
    form.translated_title_fields["ar"].setText("دورة مسائية")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save_button.click()
    saved = next(o for o in list_offers(district_ctx) if o.title == "Deutschkurs am Abend")
    assert saved.titles == {"uk": "Вечірній курс німецької", "ar": "دورة مسائية"}

    edit = OfferForm(district_desk, tasks, saved)
    qtbot.addWidget(edit)
    assert edit.translated_title_fields["ar"].text() == "دورة مسائية"
    assert edit.translated_title_fields["en"].text() == ""
    assert edit.offer_input().titles["uk"] == "Вечірній курс німецької"
