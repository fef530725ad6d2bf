"""A pass printed through a real CUPS queue with a PDF printer (cups-pdf): the job is the
PDF itself, named after the pass, and the printed QR decodes at its original size.

Needs a cups-pdf queue (``PASSAPP_TEST_CUPS_QUEUE``, default ``passapp-pdf``) and its
output folder (``Out`` in /etc/cups/cups-pdf.conf). Without one the test is skipped with
the reason; ``.ci/run`` sets the queue up and ``PASSAPP_TEST_REQUIRE_CUPS=1``, which turns
a missing queue into a failure.
"""

from __future__ import annotations

import getpass
import math
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
import zxingcpp
from pytestqt.qtbot import QtBot

from passapp.pdf import render_pass
from passapp.ui.pdf_print import PrintJob, job_printer, send
from tests.pdf.helpers import DPI, PASS_NUMBER, pass_print, qr_digits

QUEUE_VARIABLE = "PASSAPP_TEST_CUPS_QUEUE"
REQUIRE_VARIABLE = "PASSAPP_TEST_REQUIRE_CUPS"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
JOB_TIMEOUT_SECONDS = 60


def queue_name() -> str:
    return os.environ.get(QUEUE_VARIABLE, "passapp-pdf")


def no_queue(reason: str) -> None:
    if os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0", "false", "no"):
        pytest.fail(f"{reason} ({REQUIRE_VARIABLE} is set: the CUPS print test must run)")
    pytest.skip(f"{reason}; .ci/run sets one up (cups, printer-driver-cups-pdf)")


def output_folder() -> Path:
    """cups-pdf's ``Out`` folder for jobs of the user running the tests."""
    setting = re.search(r"^Out\s+(\S+)", CUPS_PDF_CONF.read_text(), re.MULTILINE)
    folder = setting.group(1) if setting else "/var/spool/cups-pdf/${USER}"
    return Path(folder.replace("${HOME}", str(Path.home())).replace("${USER}", getpass.getuser()))


@pytest.fixture
def cups_pdf_queue() -> str:
    queue = queue_name()
    if shutil.which("lpstat") is None or not CUPS_PDF_CONF.is_file():
        no_queue("no CUPS with cups-pdf on this machine")
    known = subprocess.run(["lpstat", "-p", queue], capture_output=True, check=False)
    if known.returncode != 0:
        no_queue(f"no CUPS queue {queue!r} (cupsd not running or queue not set up)")
    return queue


def wait_for_output(folder: Path, job_id: str) -> Path:
    number = job_id.rsplit("-", 1)[-1]
    deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        done = subprocess.run(
            ["lpstat", "-W", "completed", "-o", job_id.rsplit("-", 1)[0]],
            capture_output=True,
            text=True,
            check=False,
        )
        found = list(folder.glob(f"*job_{number}.pdf"))
        if found and job_id in done.stdout.split():
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} left no PDF in {folder} within {JOB_TIMEOUT_SECONDS} s")


def qr_side_and_text(pdf: Path | bytes) -> tuple[float, str]:
    """The QR on the first page read from a 150 dpi render: side length in pixels, text."""
    document = pdfium.PdfDocument(str(pdf) if isinstance(pdf, Path) else pdf)
    try:
        image = document[0].render(scale=DPI / 72).to_pil()
    finally:
        document.close()
    [result] = zxingcpp.read_barcodes(image)
    corners = result.position
    edges = [
        (corners.top_left, corners.top_right),
        (corners.top_right, corners.bottom_right),
        (corners.bottom_right, corners.bottom_left),
        (corners.bottom_left, corners.top_left),
    ]
    side = sum(math.dist((a.x, a.y), (b.x, b.y)) for a, b in edges) / 4
    return side, str(result.text)


@pytest.mark.parametrize("as_file", [True, False], ids=["file", "bytes"])
def test_a_pass_printed_through_cups_keeps_its_qr(
    qtbot: QtBot, cups_pdf_queue: str, tmp_path: Path, as_file: bool
) -> None:
    """A saved pass goes as its file, a receipt made in memory through lp's input."""
    source = tmp_path / "pass.pdf"
    source.write_bytes(render_pass(pass_print()))
    job = PrintJob(source if as_file else source.read_bytes(), f"Pass {PASS_NUMBER}", True)
    printer = job_printer(job)
    printer.setPrinterName(cups_pdf_queue)  # what the clerk picks in the print dialog

    job_id = send(printer, job)

    assert job_id.startswith(f"{cups_pdf_queue}-")  # the PDF went to CUPS, not a raster
    printed = wait_for_output(output_folder(), job_id)
    try:
        assert printed.name.startswith(f"Pass_{PASS_NUMBER}")  # named after the job
        original_side, _text = qr_side_and_text(source)
        printed_side, text = qr_side_and_text(printed)
        assert text == qr_digits()
        assert printed_side == pytest.approx(original_side, rel=0.01)
        document = pdfium.PdfDocument(str(printed))
        try:
            assert len(document) == 4  # every sheet, none merged or dropped
        finally:
            document.close()
    finally:
        printed.unlink()  # the PDF printer's output folder is the user's own
