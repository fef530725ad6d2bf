"""Verwaltung → Dienststellen (issue 11, item 5): the district admin's offices with keys
and fingerprints, silent ones marked and filtered; enrolment from a request file with the
fingerprint shown first; a compromised key reported only on a ticked sentence; the trust
list exported. Refusals are said in German and leave nothing stale to act on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from passapp.services.offices import init_office
from passapp.services.sync import export_bundles
from passapp.services.trust import enrol_office, install_file, write_request
from passapp.ui.offices_screen import (
    CompromiseDialog,
    EnrolDialog,
    OfficesScreen,
    OfficeTableModel,
    open_offices_screen,
)
from passapp.ui.tasks import TaskRunner
from tests.conftest import NOW, make_context
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, Accounts, show_window
from tests.ui.mnemonics import mnemonics

REASON = "Laptop der Dienststelle gestohlen"


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def new_office(
    folder: Path, code: str = "JCDAH", name: str = "Jobcenter Dachau", kind: str = "jobcenter"
) -> Path:
    """A second office's database with its request file; returns the request."""
    office = make_context(folder / f"{code}.sqlite3")
    init_office(office, code=code, name=name, kind=kind, municipality="Karlsfeld")
    request = folder / f"Anmeldeantrag-{code}.json"
    write_request(office, request)
    office.db.dispose()
    return request


@pytest.fixture
def quiet_district(
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    desks: Callable[[ServiceContext], Accounts],
    tmp_path: Path,
) -> Iterator[Desk]:
    """40 days after EWDAH and JCDAH were enrolled: EWDAH has just sent a bundle, JCDAH
    never did (silent). The district's admin logged in on that day."""
    enrol_office(district_ctx, new_office(tmp_path), tmp_path / "jc-package.json")
    desks(district_ctx)
    later = NOW + dt.timedelta(days=40)
    path = Path(str(district_ctx.db.engine.url.database))
    on_that_day = dataclasses.replace(
        make_context(path, clerk=ADMIN_NAME), now=lambda: later, today=lambda: later.date()
    )
    admin = Gate(on_that_day).log_in(ADMIN_NAME, ADMIN_PASSWORD)
    bundle = tmp_path / "EWDAH.passapp"
    export_bundles(dataclasses.replace(office_ctx, now=lambda: later), bundle, None)
    admin.import_bundle(bundle)
    yield admin
    admin.close()


def open_screen(qtbot: QtBot, desk: Desk, tasks: TaskRunner, parent: QWidget) -> OfficesScreen:
    screen = open_offices_screen(desk, tasks, parent)
    assert screen is not None
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.table.hasFocus)
    return screen


def shown_codes(screen: OfficesScreen) -> list[str]:
    model = screen.table.model()
    return [model.index(row, OfficeTableModel.CODE).data() for row in range(model.rowCount())]


def select(screen: OfficesScreen, code: str) -> None:
    screen.table.selectRow(shown_codes(screen).index(code))


def choose_files(monkeypatch: pytest.MonkeyPatch, *, open_: Path, save: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(open_), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(save), ""))
    )


def test_the_offices_with_keys_silent_ones_marked_sorted_and_filtered(
    qtbot: QtBot, quiet_district: Desk, tasks: TaskRunner, parent: QWidget
) -> None:
    screen = open_screen(qtbot, quiet_district, tasks, parent)
    assert shown_codes(screen) == ["EWDAH", "JCDAH", "LRADAH"]
    model = screen.table.model()
    row = shown_codes(screen).index("JCDAH")
    assert model.index(row, OfficeTableModel.STATE).data() == "STILL"
    assert model.index(row, OfficeTableModel.DAYS).data() == "40"
    assert model.index(row, OfficeTableModel.LAST).data() == "noch keins"
    assert model.index(row, OfficeTableModel.CODE).data(Qt.ItemDataRole.ForegroundRole)
    assert model.index(0, OfficeTableModel.STATE).data() == "in Ordnung"
    # Sorted by days without a bundle, most first.
    screen.table.sortByColumn(OfficeTableModel.DAYS, Qt.SortOrder.DescendingOrder)
    assert shown_codes(screen)[0] == "JCDAH"
    # "nur stille" (Alt+N) leaves the silent office only.
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(screen.only_silent.isChecked)  # a mnemonic clicks after 100 ms
    assert shown_codes(screen) == ["JCDAH"]
    # The selected office's keys with their fingerprints.
    select(screen, "JCDAH")
    listed = {o.code: o for o in quiet_district.list_offices().offices}
    fingerprint = listed["JCDAH"].keys[0].fingerprint
    details = screen.details.toPlainText()
    assert fingerprint in details
    assert "gültig" in details
    assert "still: seit 40 Tagen kein Paket" in details
    assert screen.compromise_button.isEnabled()


def test_the_silent_days_are_saved_and_the_list_follows(
    qtbot: QtBot, quiet_district: Desk, tasks: TaskRunner, parent: QWidget
) -> None:
    screen = open_screen(qtbot, quiet_district, tasks, parent)
    assert screen.silent_days.value() == 30
    screen.silent_days.setValue(60)
    screen.save_days_button.click()
    qtbot.waitUntil(lambda: "60 Tage" in screen.message.text())
    assert quiet_district.list_offices().silent_after_days == 60
    row = shown_codes(screen).index("JCDAH")
    assert screen.table.model().index(row, OfficeTableModel.STATE).data() == "in Ordnung"


def test_enrolment_shows_the_fingerprint_then_writes_the_package(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = new_office(tmp_path)
    package = tmp_path / "stick" / "Zertifikatspaket-JCDAH.json"
    package.parent.mkdir()
    choose_files(monkeypatch, open_=request, save=package)
    screen = open_screen(qtbot, district_desk, tasks, parent)
    dialog = screen.enrol()
    assert isinstance(dialog, EnrolDialog)
    qtbot.waitExposed(dialog)
    # What the admins compare by phone: the fingerprint the office's request names.
    assert dialog.fingerprint.text() == json.loads(request.read_text())["fingerprint"]
    assert not dialog.replace_box.isVisible()
    # Nothing is written before the comparison is ticked; Enter is Abbrechen.
    assert not dialog.act_button.isEnabled()
    dialog.compared_box.setChecked(True)
    with qtbot.waitSignal(dialog.enrolled, timeout=10_000):
        dialog.act_button.click()
    assert package.exists()
    assert "JCDAH angemeldet" in screen.message.text()
    assert str(package) in screen.message.text()
    assert screen.selected() is not None
    assert screen.selected().code == "JCDAH"  # type: ignore[union-attr]
    # The package is a real one: the office installs it.
    office = make_context(tmp_path / "JCDAH.sqlite3")
    assert install_file(office, package).kind == "certificate"
    office.db.dispose()


def test_enter_on_the_untouched_enrolment_writes_nothing(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = new_office(tmp_path)
    package = tmp_path / "package.json"
    choose_files(monkeypatch, open_=request, save=package)
    screen = open_screen(qtbot, district_desk, tasks, parent)
    dialog = screen.enrol()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not package.exists()
    assert shown_codes(screen) == ["LRADAH"]


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01 kein JSON", json.dumps({"format": "passapp-trust-list", "version": 1}).encode()],
    ids=["damaged", "foreign"],
)
def test_a_foreign_or_damaged_file_is_refused_in_german(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
) -> None:
    request = tmp_path / "Anmeldeantrag-XY.json"
    request.write_bytes(content)
    choose_files(monkeypatch, open_=request, save=tmp_path / "package.json")
    screen = open_screen(qtbot, district_desk, tasks, parent)
    assert screen.enrol() is None
    assert screen.message.text().startswith("Anmeldeantrag-XY.json: Die Datei")
    assert "b71c1c" in screen.message.styleSheet()
    assert screen.dialog is None
    assert not (tmp_path / "package.json").exists()


def test_a_code_enrolled_with_another_key_is_refused_and_nothing_stays_actionable(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim_folder = tmp_path / "claim"
    claim_folder.mkdir()
    # A second database set up under EWDAH (a copy set up anew): no renewal.
    request = new_office(claim_folder, "EWDAH", "Einwohnermeldeamt Dachau", "einwohnermeldeamt")
    data = json.loads(request.read_text())
    package = tmp_path / "package.json"
    choose_files(monkeypatch, open_=request, save=package)
    screen = open_screen(qtbot, district_desk, tasks, parent)
    before = district_desk.list_offices()
    dialog = screen.enrol()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.replace_box.isVisible()
    assert "bereits einen gültigen Schlüssel" in dialog.situation.text()
    assert data["fingerprint"] == dialog.fingerprint.text()
    dialog.compared_box.setChecked(True)
    dialog.act_button.click()
    qtbot.waitUntil(lambda: "Wird ausgeführt" not in dialog.message.text())
    assert "Die Kennung EWDAH hat bereits" in dialog.message.text(), dialog.message.text()
    assert not dialog.act_button.isEnabled()
    assert not dialog.compared_box.isEnabled()
    assert not package.exists()
    assert district_desk.list_offices() == before


def test_a_key_is_reported_compromised_only_on_the_ticked_sentence(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
) -> None:
    screen = open_screen(qtbot, district_desk, tasks, parent)
    assert not screen.compromise_button.isEnabled()  # nothing selected
    select(screen, "EWDAH")
    dialog = screen.report_compromise()
    assert isinstance(dialog, CompromiseDialog)
    qtbot.waitExposed(dialog)
    # Enter on the untouched dialog is Abbrechen: nothing reported.
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    ewdah = next(o for o in district_desk.list_offices().offices if o.code == "EWDAH")
    assert ewdah.keys[0].compromised_after is None

    select(screen, "EWDAH")
    dialog = screen.report_compromise()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "EWDAH – Einwohnermeldeamt Dachau" in dialog.confirm_box.text()
    assert f"Schlüssel {ewdah.keys[0].key_id}" in dialog.confirm_box.text()
    dialog.reason.setText(REASON)
    assert not dialog.act_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    assert dialog.act_button.isEnabled()
    # Choosing another moment unticks the sentence: it must name what is reported.
    dialog.since.setDateTime(dialog.since.dateTime().addSecs(-3600))
    assert not dialog.confirm_box.isChecked()
    dialog.confirm_box.setChecked(True)
    with qtbot.waitSignal(dialog.reported, timeout=10_000):
        dialog.act_button.click()
    assert "Vertrauensliste Nr." in screen.message.text()
    ewdah = next(o for o in district_desk.list_offices().offices if o.code == "EWDAH")
    assert ewdah.keys[0].compromised_after == NOW - dt.timedelta(hours=1)
    # The office row says so; its only key can no longer be reported.
    assert "kompromittiert" in screen.offices._state(ewdah)
    assert screen.selected() is not None
    assert not screen.compromise_button.isEnabled()


def test_the_trust_list_is_exported(
    qtbot: QtBot,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "Vertrauensliste.json"
    choose_files(monkeypatch, open_=tmp_path, save=target)
    screen = open_screen(qtbot, district_desk, tasks, parent)
    screen.trust_list_button.click()
    qtbot.waitUntil(lambda: "gespeichert" in screen.message.text())
    assert json.loads(target.read_text())["format"] == "passapp-trust-list"
    assert str(target) in screen.message.text()


def test_a_report_from_a_stale_row_is_refused_and_nothing_stale_stays(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    desks: Callable[[ServiceContext], Accounts],
    tasks: TaskRunner,
    parent: QWidget,
) -> None:
    """Another admin reported the key while this screen still showed it as good: the later
    moment is refused (the first report stands), and afterwards the row says so."""
    accounts = desks(district_ctx)
    screen = open_screen(qtbot, accounts.admin, tasks, parent)
    select(screen, "EWDAH")
    dialog = screen.report_compromise()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    key_id = int(dialog.key_choice.currentData())
    # Meanwhile, at the other PC:
    other = Gate(make_context(Path(str(district_ctx.db.engine.url.database)))).log_in(
        ADMIN_NAME, ADMIN_PASSWORD
    )
    other.mark_key_compromised("EWDAH", key_id, NOW - dt.timedelta(days=2), "zuerst gemeldet")
    other.close()
    dialog.reason.setText(REASON)
    dialog.confirm_box.setChecked(True)
    dialog.act_button.click()
    qtbot.waitUntil(lambda: "bereits ab" in dialog.message.text())
    assert not dialog.confirm_box.isChecked()
    assert not dialog.act_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    ewdah = next(o for o in accounts.admin.list_offices().offices if o.code == "EWDAH")
    assert ewdah.keys[0].compromised_after == NOW - dt.timedelta(days=2)
    # The row is read again: its only key is reported, nothing left to report.
    assert screen.selected() is not None
    assert (
        "kompromittiert"
        in screen.table.model()
        .index(shown_codes(screen).index("EWDAH"), OfficeTableModel.STATE)
        .data()
    )
    assert not screen.compromise_button.isEnabled()


def test_only_the_district_admin_sees_the_screen(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    desks: Callable[[ServiceContext], Accounts],
    admin_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
) -> None:
    district_clerk = desks(district_ctx).clerk
    assert open_offices_screen(district_clerk, tasks, parent) is None
    assert open_offices_screen(admin_desk, tasks, parent) is None
    from passapp.services.desk import PermissionDenied

    with pytest.raises(PermissionDenied):
        district_clerk.list_offices()
    for desk, expected in (
        (desks(district_ctx).admin, True),
        (district_clerk, False),
        (admin_desk, False),
    ):
        window = show_window(qtbot, desk)
        texts = [a.text() for a in window.findChildren(type(window.log_out_action))]
        assert ("D&ienststellen …" in texts) is expected
        window.tasks.shutdown()
        window.close()


def test_every_alt_letter_is_unique_and_reaches_its_control(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    tmp_path: Path,
) -> None:
    screen = open_screen(qtbot, district_desk, tasks, parent)
    select(screen, "EWDAH")
    request = new_office(tmp_path)
    windows: list[QWidget] = [
        screen,
        CompromiseDialog(district_desk, tasks, screen.selected(), parent),  # type: ignore[arg-type]
        EnrolDialog(
            district_desk, tasks, request, district_desk.preview_enrolment(request), parent
        ),
    ]
    for window in windows:
        window.show()
        found = mnemonics(window)
        letters = [letter for letter, _widget, _text in found]
        assert len(letters) == len(set(letters)), [text for _l, _w, text in found]
