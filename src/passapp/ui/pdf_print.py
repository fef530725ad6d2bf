"""Printing a PDF as it is: its pages rendered by pdfium and painted at 100 % on a QPrinter.

Qt cannot print a PDF file by itself. Rendering the very PDF, rather than drawing the
content a second time with QPainter, means the paper never differs from the saved file.

Pages are painted at their physical size from the corner of the paper ("Tatsächliche
Größe"), never scaled to fit: the pass's QR modules are whole printer dots (DESIGN-NOTES,
"Printed pass"), and scaling would break them. The raster is made at the printer's
resolution, or an integer fraction of it up to 600 dpi, so every rendered pixel covers
whole printer dots. A page that is larger than the paper is cut, not shrunk.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

# Finer rasters cost memory (an A4 page at 600 dpi is 140 MB) and add nothing on paper.
MAX_DPI = 600
POINTS_PER_INCH = 72


class PrintError(RuntimeError):
    def __init__(self, message_de: str) -> None:
        super().__init__(message_de)
        self.message_de = message_de


def open_pdf(pdf: Path | bytes) -> Any:
    """``pdf`` opened by pdfium, which loads with the first PDF shown or printed, not with
    the app (issue 12, start time)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    return pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)


def render_pages(pdf: Path | bytes, dpi: int) -> Iterator[QImage]:
    """Each page of ``pdf`` as an RGB image at ``dpi``, one at a time (memory stays flat)."""
    document = open_pdf(pdf)
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()  # owns its pixels: the bitmap's buffer goes with the bitmap
            dots_per_metre = round(dpi / 0.0254)
            image.setDotsPerMeterX(dots_per_metre)
            image.setDotsPerMeterY(dots_per_metre)
            yield image
    finally:
        document.close()


def render_dpi(printer_resolution: int) -> int:
    """The printer's resolution, or the largest integer fraction of it within MAX_DPI."""
    return printer_resolution // math.ceil(printer_resolution / MAX_DPI)


def paint_pdf(printer: QPrinter, pdf: Path | bytes) -> int:
    """Paint every page of ``pdf`` (or the range chosen in the dialog) at 100 %; returns the
    number of pages sent to the printer."""
    printer.setFullPage(True)  # coordinates from the paper's corner, not the printable area
    dpi = render_dpi(printer.resolution())
    scale = printer.resolution() / dpi
    first, last = printer.fromPage(), printer.toPage()  # 0, 0: all pages
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            QCoreApplication.translate(
                "pdf_print", "Der Drucker ist nicht bereit. Bitte Drucker und Einstellungen prüfen."
            )
        )
    printed = 0
    try:
        for number, image in enumerate(render_pages(pdf, dpi), start=1):
            if first and not first <= number <= last:
                continue
            if printed:
                printer.newPage()
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def match_paper(printer: QPrinter, pdf: Path | bytes) -> None:
    """Preselect the paper size and orientation of the PDF's first page in the dialog."""
    document = open_pdf(pdf)
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    landscape = width > height
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def print_pdf(parent: QWidget | None, pdf: Path | bytes) -> bool:
    """Ask for a printer (QPrintDialog) and print ``pdf``; False if the user cancelled.

    Raises :class:`PrintError` (German message) when the printer cannot be opened."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("passapp")
    match_paper(printer, pdf)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("pdf_print", "Drucken"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pdf(printer, pdf)
    return True


def page_sizes(pdf: Path | bytes) -> list[tuple[float, float]]:
    """Width and height of every page of ``pdf`` in points, without rendering anything."""
    document = open_pdf(pdf)
    try:
        return [(float(page.get_width()), float(page.get_height())) for page in document]
    finally:
        document.close()
