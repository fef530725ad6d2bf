"""How a PDF reaches the printer (issue 12, item 4): the file itself to a CUPS queue, named
after the document; elsewhere painted band by band at the printer's resolution."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from passapp.pdf import render_pass
from passapp.ui.pdf_print import (
    PrintError,
    PrintJob,
    lp_command,
    match_paper,
    render_bands,
    sides_option,
    submit_to_cups,
)
from tests.pdf.helpers import pass_print

ROOT = Path(__file__).resolve().parents[2]


def pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)


def test_bands_put_together_are_the_whole_page() -> None:
    document = pdfium.PdfDocument(render_pass(pass_print()))
    try:
        page = document[0]
        whole = np.asarray(page.render(scale=300 / 72, rev_byteorder=True).to_pil())
        bands = list(render_bands(page, 300, rows=100))
    finally:
        document.close()
    assert [top for top, _band in bands] == list(range(0, whole.shape[0], 100))
    assert all(band.height() <= 100 for _top, band in bands)
    stitched = np.concatenate([pixels(band) for _top, band in bands])
    assert stitched.shape == whole.shape
    # Not one row shifted: a seam would differ by whole lines of text and rules.
    assert np.abs(stitched.astype(int) - whole.astype(int)).mean() < 0.01


def pass_printer(pdf: bytes) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    match_paper(printer, pdf)
    return printer


def test_a_pass_goes_to_cups_one_sided_at_full_size_named_after_it() -> None:
    pdf = render_pass(pass_print())
    printer = pass_printer(pdf)
    printer.setCopyCount(2)
    job = PrintJob(pdf, "Pass EWDAH-000123-49", one_sided=True)
    command = lp_command(printer, "front-desk", job)
    assert command[:5] == ["lp", "-d", "front-desk", "-t", "Pass EWDAH-000123-49"]
    assert command[command.index("-n") + 1] == "2"
    options = [command[i + 1] for i, arg in enumerate(command) if arg == "-o"]
    assert "sides=one-sided" in options
    assert "print-scaling=none" in options
    assert "media=A4" in options
    assert "collate=true" in options
    assert "-P" not in command


def test_folded_sheets_are_never_printed_back_to_back() -> None:
    duplex = QPrinter.DuplexMode
    # A queue that defaults to duplex would put sheet 2 on the back of sheet 1.
    assert sides_option(duplex.DuplexLongSide, one_sided=True) == "one-sided"
    assert sides_option(duplex.DuplexAuto, one_sided=True) == "one-sided"
    # Other documents keep what the clerk chose in the dialog.
    assert sides_option(duplex.DuplexLongSide, one_sided=False) == "two-sided-long-edge"
    assert sides_option(duplex.DuplexShortSide, one_sided=False) == "two-sided-short-edge"
    assert sides_option(duplex.DuplexAuto, one_sided=False) is None


def test_a_page_range_chosen_in_the_dialog_goes_to_lp() -> None:
    pdf = render_pass(pass_print())
    printer = pass_printer(pdf)
    printer.setFromTo(2, 3)
    command = lp_command(printer, "q", PrintJob(pdf, "Eintragsblatt EWDAH-000123-49"))
    assert command[command.index("-P") + 1] == "2-3"
    assert command[command.index("-n") + 1] == "1"


RASTER_PEAK = """
import resource, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtPrintSupport import QPrinter
from passapp.ui.pdf_print import PrintJob, match_paper, send
app = QApplication([])
pdf = Path(sys.argv[1]).read_bytes()
printer = QPrinter(QPrinter.PrinterMode.HighResolution)
printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
printer.setOutputFileName(sys.argv[2])
printer.setResolution(600)
match_paper(printer, pdf)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
send(printer, PrintJob(pdf, "Pass", one_sided=True))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) // 1024)
"""


def test_the_raster_fallback_keeps_memory_flat(tmp_path: Path) -> None:
    """A four-sheet pass at 600 dpi: whole-page rasters took 440 MB more, bands take ~60."""
    source = tmp_path / "pass.pdf"
    source.write_bytes(render_pass(pass_print()))
    printed = tmp_path / "printed.pdf"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(RASTER_PEAK), str(source), str(printed)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen"},
    )
    growth_mb = int(done.stdout.split()[-1])
    assert growth_mb < 150
    document = pdfium.PdfDocument(str(printed))
    try:
        assert len(document) == 4
        assert [round(x) for x in document[0].get_size()] == [842, 595]
    finally:
        document.close()


def test_a_queue_that_refuses_the_job_is_a_german_message(tmp_path: Path) -> None:
    source = tmp_path / "pass.pdf"
    source.write_bytes(render_pass(pass_print()))
    printer = pass_printer(source.read_bytes())
    job = PrintJob(source, "Pass EWDAH-000123-49", one_sided=True)
    # No such queue (or no lp, or no cupsd): lp fails either way, and nothing is printed.
    with pytest.raises(PrintError) as refused:
        submit_to_cups(printer, "passapp-no-such-queue", job)
    assert refused.value.message_de.startswith("Der Druckauftrag wurde nicht angenommen: ")
