"""The PDF preview: every page of the file, fit to the width, scrolled by keyboard."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from passapp.ui.pdf_preview import PREVIEW_DPI, PdfPreview
from passapp.ui.pdf_print import render_pages


def write_pdf(path: Path, pages: int, size: tuple[float, float] = A4) -> Path:
    """A PDF whose pages say their number in large letters."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 48)
        canvas.drawString(72, size[1] - 144, f"Seite {number}")
        canvas.showPage()
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def shown_preview(qtbot: QtBot, width: int = 700, height: int = 500) -> PdfPreview:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(width, height)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def page_labels(preview: PdfPreview) -> list[QLabel]:
    return [
        child
        for child in preview.findChildren(QLabel)
        if child.accessibleName().startswith("Seite ")
    ]


def test_every_page_of_the_file_is_shown_fit_to_the_width(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "drei.pdf", 3)
    preview = shown_preview(qtbot)

    preview.load(pdf)

    assert preview.path == pdf
    assert preview.page_count == 3
    labels = page_labels(preview)
    assert [page.accessibleName() for page in labels] == [
        "Seite 1 von 3",
        "Seite 2 von 3",
        "Seite 3 von 3",
    ]
    viewport = preview.scroll_area.viewport().width()
    for page in labels:
        pixmap = page.pixmap()
        shown_width = pixmap.width() / pixmap.devicePixelRatio()
        assert viewport - 40 <= shown_width <= viewport
        # A4 keeps its proportions (no stretching).
        assert abs(pixmap.height() / pixmap.width() - A4[1] / A4[0]) < 0.01
    # The pages come from the file itself, rendered by the same code as for printing.
    [first, *_] = render_pages(pdf, preview.dpi)
    assert preview.page_image(0) == first
    assert preview.dpi >= PREVIEW_DPI


def test_the_keyboard_scrolls_through_the_pages(qtbot: QtBot, tmp_path: Path) -> None:
    preview = shown_preview(qtbot)
    preview.load(write_pdf(tmp_path / "drei.pdf", 3))
    preview.setFocus()
    qtbot.waitUntil(preview.scroll_area.hasFocus)
    bar = preview.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    assert bar.maximum() > 0

    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_PageDown)
    after_page = bar.value()
    assert after_page > 0
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_Down)
    assert bar.value() > after_page
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(preview.scroll_area, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_loading_another_file_replaces_the_pages(qtbot: QtBot, tmp_path: Path) -> None:
    preview = shown_preview(qtbot)
    preview.load(write_pdf(tmp_path / "drei.pdf", 3))
    card = write_pdf(tmp_path / "quer.pdf", 1, landscape(A4))

    preview.load(card)

    assert preview.path == card
    assert preview.page_count == 1
    qtbot.waitUntil(lambda: len(page_labels(preview)) == 1)
    image = preview.page_image(0)
    assert image.width() > image.height()  # landscape


def test_a_file_that_is_no_pdf_is_said_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    preview = shown_preview(qtbot)
    preview.load(write_pdf(tmp_path / "drei.pdf", 3))
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7 no pages here")

    preview.load(broken)

    assert preview.path is None
    assert preview.page_count == 0
    assert preview.problem.isVisible()
    assert "kaputt.pdf ist kein lesbares PDF" in preview.problem.text()
    assert "Traceback" not in preview.problem.text()


def test_a_wider_window_renders_the_pages_sharper(qtbot: QtBot, tmp_path: Path) -> None:
    preview = shown_preview(qtbot, width=500)
    preview.load(write_pdf(tmp_path / "eins.pdf", 1))
    narrow_dpi = preview.dpi
    assert narrow_dpi == PREVIEW_DPI  # 500 pixels need less than 100 dpi for A4

    preview.resize(1100, 500)  # about 130 dpi for A4, below the cap
    qtbot.waitUntil(lambda: preview.dpi > narrow_dpi)

    # Not enlarged from the coarse raster: rendered again for the new width.
    page = page_labels(preview)[0].pixmap()
    assert preview.page_image(0).width() >= page.width() * 0.99
