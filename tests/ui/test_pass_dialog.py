"""Issuing, replacing and printing a pass through the dialogs, on real SQLite files.

Only the operating system's dialogs are replaced: the file dialog (it would wait for a
person) and the print dialog's ``exec`` (it sends the print to a PDF file instead)."""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.pass_number import check_digits
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk
from passapp.services.entries import EntryInput, add_entry
from passapp.services.overview import person_overview
from passapp.services.passes import IssuedPass, PassChange, issue_pass, revoke_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.privacy_contact import set_contact
from passapp.ui.pass_dialog import (
    EntrySheetDialog,
    IssuePassDialog,
    ReplacePassDialog,
    proposed_language,
)
from passapp.ui.tasks import TaskRunner
from tests.services.helpers import register
from tests.services.test_sample_data import CONTACT, real_catalogue
from tests.sync.test_conflicts import to_office

WAIT_MS = 20_000
UNKNOWN_PASS = f"EWDAH-000099-{check_digits('EWDAH', 99)}"
REASON = "Geburtsurkunde vorgelegt: 16 Jahre alt"


def person(
    ctx: ServiceContext, *, birth: str = "1994-06-12", languages: tuple[str, ...] = ()
) -> uuid.UUID:
    registration = register_person(
        ctx,
        PersonInput(
            family_names="Haddad",
            given_names="Rana",
            birth_date=PartialDate.parse(birth),
            moved_from_abroad=True,
            languages=languages,
        ),
    )
    return registration.person.id


def open_issue(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, person_id: uuid.UUID
) -> IssuePassDialog:
    dialog = IssuePassDialog(desk, tasks, person_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    # Shortcuts (Ctrl+P, Alt+S) act in the active window only, as on the clerk's screen.
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press_enter(qtbot: QtBot, dialog: QDialog, tasks: TaskRunner) -> None:
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def issue_with_enter(qtbot: QtBot, dialog: IssuePassDialog, tasks: TaskRunner) -> IssuedPass:
    with qtbot.waitSignal(dialog.issued, timeout=WAIT_MS) as signal:
        press_enter(qtbot, dialog, tasks)
    issued = signal.args[0]
    assert isinstance(issued, IssuedPass)
    return issued


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def qr_text(pdf: Path) -> str:
    """The QR on the pass's first page, read the way a scanner reads the paper."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    [result] = zxingcpp.read_barcodes(image)
    return str(result.text)


def pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombytes(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB", rgb.bytesPerLine()
    )


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        pages = [page.get_textpage().get_text_bounded() for page in document]
    finally:
        document.close()
    return unicodedata.normalize("NFC", "\n".join(pages))


def test_issuing_writes_the_pass_and_previews_that_very_file(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = person(office_ctx, languages=("prs", "de"))
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    form = dialog.form
    assert form.name.text() == "Haddad, Rana"
    assert form.birth_date.text() == "12.06.1994"
    assert form.status.text() == "erfüllt"
    assert "direkt aus dem Ausland in den Landkreis gezogen" in form.reasons.text()
    assert form.passes.text() == "noch keiner"
    # Dari speakers read the Persian print; the reason field is not asked for.
    assert form.language.currentData() == "fa"
    assert form.reason.isHidden()
    assert "Begründung" not in form.hint.text()

    issued = issue_with_enter(qtbot, dialog, tasks)

    assert issued.pdf is not None
    assert issued.pdf.is_file()
    assert issued.pdf.parent == office_ctx.output_folder
    assert issued.print_languages == ("de", "fa")
    assert qr_text(issued.pdf) == issued.qr_digits
    step = dialog.print_step
    assert dialog.pages.currentWidget() is step
    assert step.path == issued.pdf == step.preview.path
    assert step.preview.page_count == page_count(issued.pdf) == 4
    assert step.heading.text() == f"Pass {issued.pass_number} ausgestellt"
    assert "gedruckt auf Deutsch und Persisch (Farsi, Dari)" in step.summary.text()
    # What the clerk sees is the file's own first page: its QR reads the same digits.
    [shown] = zxingcpp.read_barcodes(pil(step.preview.page_image(0)))
    assert shown.text == issued.qr_digits
    active = person_overview(office_ctx, person_id).active_pass
    assert active is not None
    assert active.pass_number == issued.pass_number

    # Page keys turn the preview's pages while the focus stays on "Fertig".
    assert step.done_button.hasFocus()
    qtbot.keyClick(step.done_button, Qt.Key.Key_PageDown)
    assert step.preview.scroll_area.verticalScrollBar().value() > 0

    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Fertig
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_unclear_eligibility_needs_a_written_reason(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    # Born some time in 2010: on 25.11.2026 either 16 already or not yet.
    person_id = person(office_ctx, birth="2010-00-00")
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    assert dialog.form.status.text() == "unklar – bitte prüfen"
    assert "Alter unklar" in dialog.form.reasons.text()
    assert dialog.form.reason.isVisible()
    assert "Alt+B Begründung schreiben" in dialog.form.hint.text()
    qtbot.waitUntil(dialog.form.reason.hasFocus)

    press_enter(qtbot, dialog, tasks)
    assert "schriftliche Begründung" in dialog.form.message.text()
    assert dialog.pages.currentWidget() is dialog.form
    assert person_overview(office_ctx, person_id).passes == ()

    qtbot.keyClicks(dialog.form.reason, REASON)
    issued = issue_with_enter(qtbot, dialog, tasks)
    assert issued.override_reason == REASON
    assert issued.eligibility.status == "needs_review"
    assert dialog.print_step.path == issued.pdf


def test_a_too_short_reason_is_refused_in_german(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = person(office_ctx, birth="2010-00-00")
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    qtbot.keyClicks(dialog.form.reason, "ok")
    press_enter(qtbot, dialog, tasks)
    assert "mindestens 10 Zeichen" in dialog.form.message.text()
    assert person_overview(office_ctx, person_id).passes == ()


def test_a_second_pass_is_refused_with_the_services_words(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = person(office_ctx)
    first = issue_pass(office_ctx, person_id)
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    assert dialog.form.passes.text().startswith(f"{first.pass_number} – gültig (Erstkarte)")

    with qtbot.assertNotEmitted(dialog.issued):
        press_enter(qtbot, dialog, tasks)

    assert dialog.form.message.text() == (
        f"Die Person hat bereits den gültigen Pass {first.pass_number}. "
        "Bei Verlust bitte Ersatzkarte ausstellen."
    )
    assert dialog.pages.currentWidget() is dialog.form
    assert len(person_overview(office_ctx, person_id).passes) == 1


def test_a_person_not_eligible_is_refused(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = person(office_ctx, birth="2015-03-01")
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    assert dialog.form.status.text() == "nicht erfüllt"
    press_enter(qtbot, dialog, tasks)
    assert dialog.form.message.text().startswith("Voraussetzungen nicht erfüllt: ")
    assert "jünger als 16 Jahre" in dialog.form.message.text()
    assert person_overview(office_ctx, person_id).passes == ()


def test_esc_at_the_first_step_issues_nothing(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    person_id = person(office_ctx)
    dialog = open_issue(qtbot, clerk_desk, tasks, person_id)
    with qtbot.assertNotEmitted(dialog.issued):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert person_overview(office_ctx, person_id).passes == ()
    assert not tasks.busy
    assert office_ctx.output_folder is not None
    assert not list(office_ctx.output_folder.glob("*.pdf"))


def test_the_chosen_language_is_printed(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    dialog = open_issue(qtbot, clerk_desk, tasks, person(office_ctx))
    assert dialog.form.language.currentData() is None  # no language the pass is printed in
    qtbot.keyClick(dialog.form, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.form.language.hasFocus()
    qtbot.keyClicks(dialog.form.language, "U")  # jumps to "Ukrainisch – Українська"
    issued = issue_with_enter(qtbot, dialog, tasks)
    assert issued.print_languages == ("de", "uk")
    assert issued.pdf is not None
    assert any("\u0400" <= char <= "\u04ff" for char in pdf_text(issued.pdf))  # Cyrillic


def test_proposed_language_follows_what_the_person_speaks() -> None:
    assert proposed_language(("ti", "ar", "en")) == "ar"
    assert proposed_language(("prs",)) == "fa"
    assert proposed_language(("de", "pl")) is None


def test_save_as_writes_a_byte_identical_copy(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clerk_desk: Desk,
) -> None:
    target = tmp_path / "stick" / "pass-haddad"  # the clerk left out ".pdf"
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggestion: str, _filter: str) -> tuple[str, str]:
        asked.append(suggestion)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog = open_issue(qtbot, clerk_desk, tasks, person(office_ctx))
    issued = issue_with_enter(qtbot, dialog, tasks)
    assert issued.pdf is not None

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut "animates" the click: it follows about 100 ms later.
    qtbot.waitUntil(lambda: dialog.print_step.message.text() != "")

    saved = target.with_name("pass-haddad.pdf")
    assert saved.read_bytes() == issued.pdf.read_bytes()
    assert Path(asked[0]).name == issued.pdf.name
    assert "pass-haddad.pdf" in dialog.print_step.message.text()
    assert issued.pdf.is_file()  # the office's own copy stays


def test_printing_sends_the_same_pages_to_the_printer(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clerk_desk: Desk,
) -> None:
    printed = tmp_path / "printed.pdf"
    job_names: list[str] = []

    def print_to_file(dialog: QPrintDialog) -> int:
        # The clerk "chooses" a PDF printer; everything else is the real printing path.
        job_names.append(dialog.printer().docName())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    dialog = open_issue(qtbot, clerk_desk, tasks, person(office_ctx))
    issued = issue_with_enter(qtbot, dialog, tasks)
    assert issued.pdf is not None
    # Before printing, the clerk reads how the sheets become a booklet.
    assert dialog.print_step.fold_hint.isVisible()
    assert "falten, Druck außen" in dialog.print_step.fold_hint.text()

    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.print_step.message.text() != "")

    assert dialog.print_step.message.text() == "Das PDF wurde an den Drucker geschickt."
    assert job_names == [f"Pass {issued.pass_number}"]  # the queue shows which pass
    assert page_count(printed) == page_count(issued.pdf)
    # Painted at 100 %, not fitted: the QR on paper still reads the pass's digits.
    assert qr_text(printed) == issued.qr_digits


def test_a_replacement_card_is_the_next_generation(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    first = issue_pass(office_ctx, person(office_ctx))
    dialog = ReplacePassDialog(clerk_desk, tasks, first.pass_number)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert "Haddad, Rana" in dialog.facts.text()
    assert "Bisher: Erstkarte; neu: 1. Ersatzkarte" in dialog.facts.text()
    assert "ungültig" in dialog.warning.text()

    with qtbot.waitSignal(dialog.replaced, timeout=WAIT_MS) as signal:
        press_enter(qtbot, dialog, tasks)

    change = signal.args[0]
    assert isinstance(change, PassChange)
    assert (change.pass_number, change.generation) == (first.pass_number, 1)
    assert change.pdf is not None
    assert change.pdf.name.endswith("-ersatz1.pdf")
    assert qr_text(change.pdf) == change.qr_digits != first.qr_digits
    assert dialog.print_step.path == change.pdf
    assert dialog.print_step.preview.page_count == page_count(change.pdf)
    assert "1. Ersatzkarte" in dialog.print_step.summary.text()
    overview = person_overview(office_ctx, first.person_id)
    assert overview.active_pass is not None
    assert overview.active_pass.generation == 1

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # after replacing, Esc is "Fertig"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_esc_before_replacing_keeps_the_old_card(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    first = issue_pass(office_ctx, person(office_ctx))
    dialog = ReplacePassDialog(clerk_desk, tasks, first.pass_number)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    active = person_overview(office_ctx, first.person_id).active_pass
    assert active is not None
    assert active.generation == 0


def test_a_withdrawn_pass_gets_no_replacement_card(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    first = issue_pass(office_ctx, person(office_ctx))
    revoke_pass(office_ctx, first.pass_number, "Pass missbräuchlich verwendet")
    dialog = ReplacePassDialog(clerk_desk, tasks, first.pass_number)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.message.text() == "Der Pass ist eingezogen; eine Ersatzkarte ist nicht möglich."
    assert not dialog.confirm_button.isEnabled()
    assert dialog.cancel_button.isDefault()


def test_an_unknown_pass_cannot_be_replaced(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    dialog = ReplacePassDialog(clerk_desk, tasks, UNKNOWN_PASS)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.assertNotEmitted(dialog.replaced):
        press_enter(qtbot, dialog, tasks)
    assert dialog.message.text().startswith("Der Pass ")
    assert "Traceback" not in dialog.message.text()
    assert dialog.pages.currentWidget() is dialog.confirm_page


def test_the_entry_sheet_is_written_previewed_and_removed_on_close(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    issued = issue_pass(office_ctx, person(office_ctx))
    add_entry(
        office_ctx,
        issued.pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 2), title="Erstberatung"),
    )
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        dialog = EntrySheetDialog(clerk_desk, tasks, issued.pass_number)
        qtbot.addWidget(dialog)
        dialog.open()

    sheet = dialog.print_step.path
    assert sheet is not None
    assert sheet.is_file()
    assert sheet.name == f"Eintragsblatt-{issued.pass_number}.pdf"
    assert dialog.pages.currentWidget() is dialog.print_step
    assert dialog.print_step.preview.page_count == page_count(sheet) >= 1
    text = pdf_text(sheet)
    assert "Erstberatung" in text
    assert issued.pass_number in text
    assert dialog.print_step.done_button.isDefault()
    assert not dialog.print_step.fold_hint.isVisible()  # one A4 page: nothing to fold

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not sheet.exists()


def test_the_entry_sheet_of_an_unknown_pass_says_so(
    qtbot: QtBot, office_ctx: ServiceContext, tasks: TaskRunner, clerk_desk: Desk
) -> None:
    register(office_ctx)
    with qtbot.waitSignal(tasks.finished, timeout=WAIT_MS):
        dialog = EntrySheetDialog(clerk_desk, tasks, UNKNOWN_PASS)
        qtbot.addWidget(dialog)
        dialog.open()
    assert "nicht bekannt" in dialog.message.text()
    assert dialog.pages.currentWidget() is dialog.working_page
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_dialog_warns_of_sample_data_until_the_district_sends_the_real_ones(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    district_ctx: ServiceContext,
    tasks: TaskRunner,
    clerk_desk: Desk,
    tmp_path: Path,
) -> None:
    dialog = open_issue(qtbot, clerk_desk, tasks, person(office_ctx))
    warning = dialog.form.sample_warning
    assert warning.isVisible()
    assert "Beispieldaten" in warning.text()
    assert "Datenschutz-Kontakt ist ein Platzhalter" in warning.text()
    issued = issue_with_enter(qtbot, dialog, tasks)
    assert issued.pdf is not None
    assert "BEISPIELDATEN" in pdf_text(issued.pdf)
    dialog.reject()

    set_contact(district_ctx, CONTACT)
    real_catalogue(district_ctx)
    to_office(district_ctx, office_ctx, "EWDAH", tmp_path / "lra.passapp")
    later = open_issue(qtbot, clerk_desk, tasks, register(office_ctx, family="Karimi"))
    assert not later.form.sample_warning.isVisible()
    later.reject()
