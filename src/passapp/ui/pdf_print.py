"""Printing a PDF as it is: the file itself to a CUPS queue, else rendered by pdfium.

Where the chosen printer is a CUPS queue (Linux, macOS), the PDF file itself is submitted
with ``lp``: CUPS takes PDF, so the job is the 40 KB file, not a raster of it, and what
comes out of the printer is what the clerk saved. The job is named after the document
("Pass EWDAH-000004-49") and asks for 100 % ("print-scaling=none"), the paper chosen in
the dialog and, for a pass, one-sided printing: its sheets are folded, a printer that
defaults to duplex would put sheet 2 on the back of sheet 1.

Elsewhere (Windows, no CUPS, "print to file") the pages are rendered by pdfium and painted
at 100 % on the QPrinter. Rendering the very PDF, rather than drawing the content a second
time with QPainter, means the paper never differs from the saved file.

Pages are painted at their physical size from the corner of the paper ("Tatsächliche
Größe"), never scaled to fit: the pass's QR modules are whole printer dots (DESIGN-NOTES,
"Printed pass"), and scaling would break them. The raster is made at the printer's
resolution, or an integer fraction of it up to 600 dpi, so every rendered pixel covers
whole printer dots, and in bands of a few hundred rows: an A4 page at 600 dpi would be
100 MB at once. A page that is larger than the paper is cut, not shrunk.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

# Finer rasters cost memory and add nothing on paper.
MAX_DPI = 600
POINTS_PER_INCH = 72
# Rows rendered and painted at once: 512 rows of an A4 sheet at 600 dpi are 10 MB.
BAND_ROWS = 512
LP_TIMEOUT_SECONDS = 60

SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


class PrintError(RuntimeError):
    def __init__(self, message_de: str) -> None:
        super().__init__(message_de)
        self.message_de = message_de


def open_pdf(pdf: Path | bytes) -> Any:
    """``pdf`` opened by pdfium, which loads with the first PDF shown or printed, not with
    the app (issue 12, start time)."""
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)


@dataclass(frozen=True)
class PrintJob:
    """A document to print and how: ``title`` names the job in the printer's queue."""

    pdf: Path | bytes
    title: str
    # Sheets that are folded after printing (the pass) must never be printed back to back.
    one_sided: bool = False


def render_pages(pdf: Path | bytes, dpi: int) -> Iterator[QImage]:
    """Each page of ``pdf`` as an RGB image at ``dpi``, one at a time (for the preview)."""
    document = open_pdf(pdf)
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
            yield _image(bitmap, QImage.Format.Format_RGBX8888, dpi)
    finally:
        document.close()


def render_bands(
    page: pdfium.PdfPage, dpi: int, rows: int = BAND_ROWS
) -> Iterator[tuple[int, QImage]]:
    """``page`` at ``dpi`` as horizontal bands of at most ``rows`` rows, top first, each
    with its first row's index: only one band is in memory at a time."""
    scale = dpi / POINTS_PER_INCH
    height = math.ceil(page.get_height() * scale)
    for top in range(0, height, rows):
        bottom = min(top + rows, height)
        # pdfium rounds crops up to whole pixels: half a pixel less lands on the row itself.
        crop = (0, _crop_points(height - bottom, scale), 0, _crop_points(top, scale))
        bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True)
        yield top, _image(bitmap, QImage.Format.Format_RGB888, dpi)


def _crop_points(pixels: int, scale: float) -> float:
    return max(0.0, (pixels - 0.5) / scale)


def _image(bitmap: pdfium.PdfBitmap, image_format: QImage.Format, dpi: int) -> QImage:
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format
    ).copy()  # owns its pixels: the bitmap's buffer goes with the bitmap
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def render_dpi(printer_resolution: int) -> int:
    """The printer's resolution, or the largest integer fraction of it within MAX_DPI."""
    return printer_resolution // math.ceil(printer_resolution / MAX_DPI)


def paint_pdf(printer: QPrinter, pdf: Path | bytes) -> int:
    """Paint every page of ``pdf`` (or the range chosen in the dialog) at 100 %, band by
    band; returns the number of pages sent to the printer."""
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
    document = open_pdf(pdf)
    printed = 0
    try:
        painter.scale(scale, scale)
        for number, page in enumerate(document, start=1):
            if first and not first <= number <= last:
                continue
            if printed:
                printer.newPage()
            for top, band in render_bands(page, dpi):
                painter.drawImage(QPointF(0, top), band)
            printed += 1
    finally:
        document.close()
        painter.end()
    return printed


def cups_queue(printer: QPrinter) -> str | None:
    """The CUPS queue the dialog chose, if the PDF can go there as it is (``lp`` exists)."""
    if sys.platform == "win32" or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    if not printer.printerName() or shutil.which("lp") is None:
        return None
    return printer.printerName()


def lp_command(printer: QPrinter, queue: str, job: PrintJob) -> list[str]:
    """The ``lp`` call that prints ``job`` as the dialog set it up (copies, pages, paper)."""
    command = ["lp", "-d", queue, "-t", job.title, "-n", str(max(1, printer.copyCount()))]
    options = ["print-scaling=none"]  # 100 %: the QR's modules are whole printer dots
    paper = printer.pageLayout().pageSize().key()
    if paper:
        options.append(f"media={paper}")
    sides = sides_option(printer.duplex(), job.one_sided)
    if sides:
        options.append(f"sides={sides}")
    if printer.copyCount() > 1 and printer.collateCopies():
        options.append("collate=true")
    for option in options:
        command += ["-o", option]
    if printer.fromPage():
        command += ["-P", f"{printer.fromPage()}-{printer.toPage() or printer.fromPage()}"]
    return command


def sides_option(duplex: QPrinter.DuplexMode, one_sided: bool) -> str | None:
    """CUPS's "sides" for the dialog's duplex choice; None leaves the queue's default."""
    return "one-sided" if one_sided else SIDES.get(duplex)


def submit_to_cups(printer: QPrinter, queue: str, job: PrintJob) -> str:
    """Hand the PDF itself to CUPS; returns the job's id ("passapp-pdf-12")."""
    command = lp_command(printer, queue, job)
    path, data = (job.pdf, None) if isinstance(job.pdf, Path) else (None, job.pdf)
    command += ["--", str(path)] if path else []
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=LP_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _not_sent(str(error)) from error
    if done.returncode != 0:
        raise _not_sent(done.stderr.decode(errors="replace").strip())
    found = re.search(r"request id is (\S+)", done.stdout.decode(errors="replace"))
    return found.group(1) if found else ""


def _not_sent(reason: str) -> PrintError:
    return PrintError(
        QCoreApplication.translate(
            "pdf_print", "Der Druckauftrag wurde nicht angenommen: {reason}"
        ).format(reason=reason)
    )


def send(printer: QPrinter, job: PrintJob) -> str:
    """Print ``job`` on the printer the dialog set up: the PDF itself to a CUPS queue,
    else painted page by page; returns the CUPS job id, or "" for a painted job."""
    queue = cups_queue(printer)
    if queue is not None:
        return submit_to_cups(printer, queue, job)
    printer.setDocName(job.title)
    if job.one_sided:
        printer.setDuplex(QPrinter.DuplexMode.DuplexNone)
    paint_pdf(printer, job.pdf)
    return ""


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


def job_printer(job: PrintJob) -> QPrinter:
    """A printer set up for ``job`` (name, paper, one-sided), before the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job.title)
    match_paper(printer, job.pdf)
    if job.one_sided:
        printer.setDuplex(QPrinter.DuplexMode.DuplexNone)
    return printer


def print_pdf(parent: QWidget | None, job: PrintJob) -> bool:
    """Ask for a printer (QPrintDialog) and print ``job``; False if the user cancelled.

    Raises :class:`PrintError` (German message) when the printer cannot be opened or the
    queue refuses the job."""
    printer = job_printer(job)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("pdf_print", "Drucken"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    send(printer, job)
    return True


def page_sizes(pdf: Path | bytes) -> list[tuple[float, float]]:
    """Width and height of every page of ``pdf`` in points, without rendering anything."""
    document = open_pdf(pdf)
    try:
        return [(float(page.get_width()), float(page.get_height())) for page in document]
    finally:
        document.close()
