"""The sync screen with real databases and real bundle files; only the OS file dialog is
replaced (it would wait for a person)."""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.pdf.sync_receipt import render_sync_receipt
from passapp.services import sync as sync_service
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import describe_bundle, export_bundles, status
from passapp.ui.main_window import MainWindow
from passapp.ui.pdf_print import paint_pdf, render_dpi, render_pages
from passapp.ui.peer_table import NEVER, PeerTableModel, peer_rows
from passapp.ui.sync_screen import SyncScreen
from passapp.ui.tasks import TaskRunner
from tests.ui.visible_texts import german_in

WAIT_MS = 20_000


def register(ctx: ServiceContext, family: str, given: str) -> None:
    register_person(
        ctx,
        PersonInput(
            family_names=family,
            given_names=given,
            birth_date=PartialDate.parse("1994-06-12"),
            moved_from_abroad=True,
            consent=True,
            consent_notice_version="2026-11",
        ),
    )


def bundle_from_office(office: ServiceContext, folder: Path) -> Path:
    register(office, "Nowak", "Ewa")
    register(office, "Haddad", "Rana")
    return export_bundles(office, folder / "ewdah.passapp")[0].path


def open_screen(qtbot: QtBot, desk: Desk, tasks: TaskRunner) -> SyncScreen:
    screen = SyncScreen(desk, tasks)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args, **_kw: (str(path), ""))
    )


def district_knows(district: ServiceContext) -> int:
    """How many changes the district has applied from other databases."""
    return sum(status(district)["applied"].values())


def test_office_exports_a_bundle_into_a_folder(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    admin_desk: Desk,
) -> None:
    register(office_ctx, "Nowak", "Ewa")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_args, **_kw: str(stick))
    )
    screen = open_screen(qtbot, admin_desk, tasks)
    assert screen.peers.row(0).office_code == "LRADAH"
    assert screen.peers.row(0).last_export == NEVER

    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)

    [bundle] = stick.glob("*.passapp")
    header = describe_bundle(bundle)
    assert (header["sender"], header["recipient"]) == ("EWDAH", "LRADAH")
    assert header["counts"]["person"] == 1
    assert screen.pages.currentWidget() is screen.receipt_page
    assert "Paket an LRADAH geschrieben" in screen.receipt_summary.text()
    assert bundle.name in screen.receipt_text.toPlainText()
    assert screen.peers.row(0).last_export != NEVER


def test_district_imports_a_bundle_and_gets_a_receipt(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    bundle = bundle_from_office(office_ctx, tmp_path)
    choose_file(monkeypatch, bundle)
    screen = open_screen(qtbot, district_desk, tasks)
    assert screen.overview_heading.text() == "Datenaustausch mit den Dienststellen"

    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    # First what the header says, in words; the admin confirms with Enter.
    assert screen.pages.currentWidget() is screen.confirm_page
    assert screen.facts["sender"].text() == "EWDAH"
    assert "2 Personen" in screen.facts["content"].text()
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(screen, Qt.Key.Key_Return)

    applied = district_knows(district_ctx)
    assert applied >= 4  # two people and their eligibility checks
    assert screen.pages.currentWidget() is screen.receipt_page
    assert f"{applied} übernommen" in screen.receipt_summary.text()
    assert "Übernommen" in screen.receipt_text.toPlainText()
    assert screen.peers.row(0).office_code == "EWDAH"
    assert screen.peers.row(0).last_import != NEVER

    # Esc: back to the overview, Esc again closes the screen.
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.overview_page
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


def flip_a_byte(bundle: Path) -> Path:
    data = bundle.read_bytes()
    middle = len(data) // 2
    bundle.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :])
    return bundle


def test_a_file_that_is_no_bundle_is_refused_in_german(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    not_a_bundle = tmp_path / "rechnung.passapp"
    not_a_bundle.write_bytes(b"%PDF-1.7 not a bundle at all")
    choose_file(monkeypatch, not_a_bundle)
    screen = open_screen(qtbot, district_desk, tasks)
    before = status(district_ctx)

    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)

    assert screen.pages.currentWidget() is screen.overview_page
    assert screen.message.text().startswith("rechnung.passapp: ")
    assert "Paket" in screen.message.text() or "Datei" in screen.message.text()
    assert "Traceback" not in screen.message.text()
    assert status(district_ctx) == before


def test_a_damaged_bundle_is_refused_and_nothing_is_applied(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    # The plain header is intact, so the confirmation shows; the full check refuses it.
    choose_file(monkeypatch, flip_a_byte(bundle_from_office(office_ctx, tmp_path)))
    screen = open_screen(qtbot, district_desk, tasks)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)

    assert screen.pages.currentWidget() is screen.overview_page
    assert "Paket" in screen.message.text()
    assert district_knows(district_ctx) == 0


def test_a_bundle_for_another_office_cannot_be_confirmed(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    admin_desk: Desk,
) -> None:
    # The office's own bundle (meant for the district) opened at the office.
    choose_file(monkeypatch, bundle_from_office(office_ctx, tmp_path))
    screen = open_screen(qtbot, admin_desk, tasks)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert "für LRADAH bestimmt" in screen.confirm_warning.text()
    assert not screen.confirm_button.isEnabled()


def test_cancel_leaves_the_database_unchanged(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    choose_file(monkeypatch, bundle_from_office(office_ctx, tmp_path))
    screen = open_screen(qtbot, district_desk, tasks)
    before = status(district_ctx)
    # Keep the one worker busy, so the import is still waiting when the admin cancels.
    release = threading.Event()
    tasks.run(lambda _progress: release.wait(WAIT_MS / 1000), lambda _r: None, pytest.fail)

    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.working_page
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Esc while working = Abbrechen
    assert screen.phase.text() == "Wird abgebrochen …"
    release.set()
    qtbot.waitUntil(lambda: not screen.working, timeout=WAIT_MS)

    assert screen.pages.currentWidget() is screen.overview_page
    assert "nichts übernommen" in screen.message.text()
    assert status(district_ctx) == before
    assert district_knows(district_ctx) == 0


def test_the_import_runs_off_the_ui_thread(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    threads: list[int] = []
    real_import = sync_service.import_bundle

    def watched_import(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())  # the real service runs, just watched
        return real_import(*args, **kwargs)

    monkeypatch.setattr("passapp.services.desk.sync.import_bundle", watched_import)
    choose_file(monkeypatch, bundle_from_office(office_ctx, tmp_path))
    screen = open_screen(qtbot, district_desk, tasks)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    assert len(threads) == 1
    assert threads[0] != threading.get_ident()
    assert screen.pages.currentWidget() is screen.receipt_page


def pdf_text(path: Path | bytes) -> str:
    document = pdfium.PdfDocument(str(path) if isinstance(path, Path) else path)
    try:
        pages = [page.get_textpage().get_text_bounded() for page in document]
    finally:
        document.close()
    return unicodedata.normalize("NFC", "\n".join(pages))


def imported(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_desk: Desk,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    save_as: Path,
) -> SyncScreen:
    """The district's screen after importing the office's bundle; "save" writes ``save_as``."""
    choose_file(monkeypatch, bundle_from_office(office_ctx, tmp_path))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args, **_kw: (str(save_as), ""))
    )
    screen = open_screen(qtbot, district_desk, tasks)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    return screen


def test_the_receipt_is_saved_as_a_pdf_with_the_counts(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    target = tmp_path / "belege" / "beleg-ewdah"
    screen = imported(qtbot, office_ctx, district_desk, tasks, tmp_path, monkeypatch, target)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)

    saved = target.with_suffix(".pdf")
    assert "Beleg gespeichert" in screen.receipt_message.text()
    text = pdf_text(saved)
    applied = district_knows(district_ctx)
    assert f"Paket von EWDAH eingespielt: {applied} übernommen, 0 schon vorhanden" in text
    assert "0 in\nQuarantäne" in text or "0 in Quarantäne" in text
    assert "2 Personen" in text
    assert "LRADAH – Landkreis Dachau" in text


def test_printing_paints_the_receipt_pages_at_full_size(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    from passapp.pdf.sync_receipt import export_receipt

    receipt = export_receipt(
        [
            {
                "file": "x.passapp",
                "recipient": "LRADAH",
                "bundle_id": "b",
                "changes": 3,
                "counts": {"person": 3},
            }
        ],
        office="EWDAH – Einwohnermeldeamt Dachau",
        clerk="test",
        made_at=office_ctx.now(),
    )
    pdf = render_sync_receipt(receipt)
    [page] = list(render_pages(pdf, 72))
    assert (page.width(), page.height()) == (596, 842)  # A4, 595.3 × 841.9 pt, at 72 dpi
    assert [render_dpi(dpi) for dpi in (1200, 720, 600, 300)] == [600, 360, 600, 300]

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(printer, pdf) == 1
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    try:
        width, height = printed[0].get_size()
    finally:
        printed.close()
    assert (round(width), round(height)) == (595, 842)


def test_peer_table_model_without_a_view() -> None:
    model = PeerTableModel()
    model.set_rows(
        peer_rows(
            {"EWDAH": {"last_export_at": "2026-11-25T09:30:00+00:00", "last_import_at": None}},
            expected=["LRADAH"],
        )
    )
    assert model.rowCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Stelle"
    assert model.data(model.index(0, PeerTableModel.OFFICE)) == "EWDAH"
    assert model.data(model.index(0, PeerTableModel.SENT)).startswith("25.11.2026, ")
    assert model.data(model.index(0, PeerTableModel.RECEIVED)) == NEVER
    assert model.data(model.index(1, PeerTableModel.SENT)) == NEVER


def test_main_window_opens_the_sync_screen_with_its_shortcut(
    qtbot: QtBot, admin_window: MainWindow
) -> None:
    window = admin_window
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.sync_screen is not None and window.sync_screen.isVisible())
    assert window.sync_screen is not None
    assert window.sync_screen.windowTitle() == "Datenaustausch"


@pytest.mark.usefixtures("english")
def test_in_english_the_receipt_is_shown_in_english_and_saved_in_german(
    qtbot: QtBot,
    district_ctx: ServiceContext,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    district_desk: Desk,
) -> None:
    """The screen speaks the UI's language; the saved receipt is the authority's record,
    in German as every receipt of the district (DESIGN-NOTES, the receipt's languages)."""
    target = tmp_path / "receipts" / "receipt-ewdah.pdf"
    screen = imported(qtbot, office_ctx, district_desk, tasks, tmp_path, monkeypatch, target)
    assert "2 people" in screen.facts["content"].text()

    applied = district_knows(district_ctx)
    assert screen.receipt_heading.text() == "Data exchange: bundle imported"
    assert f"{applied} applied, 0 already there" in screen.receipt_summary.text()
    shown = "\n".join(
        (
            screen.receipt_heading.text(),
            screen.receipt_summary.text(),
            screen.receipt_text.toPlainText(),
        )
    )
    assert german_in(shown, exempt=("LRADAH – Landkreis Dachau", "Landkreis Dachau")) == []
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert f"Paket von EWDAH eingespielt: {applied} übernommen" in pdf_text(target)
