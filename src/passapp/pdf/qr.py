"""The pass's QR code as vector modules on whole printer dots (DESIGN §5).

The QR text is digits only, encoded by ``qrcode`` in numeric mode at error correction level
Q (the smallest version that holds it, never a higher level), and must fit version 8 at
most. Each module is
``MODULE_DOTS`` dots of a 600 dpi printer (12 dots = 0.508 mm); the symbol's corner is
put on the same dot grid, counted from the sheet's corner, so that no module edge falls
between two dots and gets smeared. Dark modules are drawn as one filled path of
horizontal runs (vector rectangles, no bitmap), in a coordinate system scaled to dots so
every number in the PDF is a whole dot.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

PRINTER_DPI = 600
DOT = 72.0 / PRINTER_DPI  # points per printer dot
MODULE_DOTS = 12  # 0.508 mm
QUIET_MODULES = 4
MAX_VERSION = 8


class QrPayloadError(ValueError):
    """QR text that is not a digit string or does not fit version 8 at level Q."""


@dataclass(frozen=True, slots=True)
class QrSymbol:
    modules: int  # modules per side, without quiet zone
    version: int
    runs: tuple[tuple[int, int, int], ...]  # (row from top, first column, length)
    path: str  # PDF path operators for the dark modules, in dots from the quiet zone's corner

    @property
    def side_dots(self) -> int:
        """Side of symbol plus quiet zone, in printer dots."""
        return (self.modules + 2 * QUIET_MODULES) * MODULE_DOTS

    @property
    def side(self) -> float:
        """Side of symbol plus quiet zone, in points."""
        return self.side_dots * DOT


@functools.lru_cache(maxsize=64)
def encode(digits: str) -> QrSymbol:
    version, matrix = _numeric_level_q(digits)
    runs = tuple(_dark_runs(matrix))
    modules = len(matrix)
    top = (modules + QUIET_MODULES) * MODULE_DOTS
    path = "\n".join(
        f"{(QUIET_MODULES + col) * MODULE_DOTS} {top - (row + 1) * MODULE_DOTS} "
        f"{length * MODULE_DOTS} {MODULE_DOTS} re"
        for row, col, length in runs
    )
    return QrSymbol(modules=modules, version=version, runs=runs, path=path + "\nf")


def _numeric_level_q(digits: str) -> tuple[int, list[list[bool]]]:
    """The version and module matrix (True = dark, no quiet zone) of ``digits``."""
    if not digits or not digits.isascii() or not digits.isdigit():
        raise QrPayloadError("the QR text must be a non-empty string of digits 0-9")
    # Loaded with the first pass, not with the app (issue 12, start time).
    from qrcode.constants import ERROR_CORRECT_Q
    from qrcode.exceptions import DataOverflowError
    from qrcode.main import QRCode
    from qrcode.util import MODE_NUMBER, QRData

    code = QRCode(error_correction=ERROR_CORRECT_Q, border=0)
    # The stubs type the mode constants as int, the argument as their literal values.
    code.add_data(QRData(digits, mode=cast("Literal[1]", MODE_NUMBER)))
    try:
        version = code.best_fit()  # the smallest version; the matrix is not built yet
    except (DataOverflowError, ValueError):  # past version 40 (qrcode 8 raises ValueError)
        version = 0
    if not 1 <= version <= MAX_VERSION:
        needs = f"QR version {version}" if version else "more than QR version 40"
        raise QrPayloadError(f"{len(digits)} digits need {needs}; at most {MAX_VERSION} is allowed")
    code.make(fit=False)
    return version, [[bool(dark) for dark in row] for row in code.get_matrix()]


def _dark_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """(row from top, first column, length) of every horizontal run of dark modules."""
    runs: list[tuple[int, int, int]] = []
    for row_index, row in enumerate(matrix):
        start = -1
        for col, dark in enumerate(row):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                runs.append((row_index, start, col - start))
                start = -1
        if start >= 0:
            runs.append((row_index, start, len(row) - start))
    return runs


def snap(value: float) -> float:
    """``value`` (points) rounded to the nearest whole printer dot."""
    return round(value / DOT) * DOT


def draw(canvas: Canvas, symbol: QrSymbol, x: float, y: float) -> tuple[float, float]:
    """Draw ``symbol`` with its white quiet zone, lower-left corner at (x, y) snapped to

    the dot grid; returns the snapped corner.
    """
    x_dots, y_dots = round(x / DOT), round(y / DOT)
    side = symbol.side_dots
    canvas.saveState()
    canvas.translate(x_dots * DOT, y_dots * DOT)
    canvas.scale(DOT, DOT)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, side, side, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # Whole-dot integers, written as they are: one filled path of all dark runs.
    canvas.addLiteral(symbol.path)
    canvas.restoreState()
    return x_dots * DOT, y_dots * DOT
