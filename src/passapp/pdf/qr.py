"""The pass's QR code as vector modules on whole printer dots (DESIGN §5).

The QR text is digits only, encoded by segno in numeric mode at error correction level Q
(no boosting to another level), and must fit version 8 at most. Each module is
``MODULE_DOTS`` dots of a 600 dpi printer (12 dots = 0.508 mm); the symbol's corner is
put on the same dot grid, counted from the sheet's corner, so that no module edge falls
between two dots and gets smeared. Dark modules are drawn as one filled path of
horizontal runs (vector rectangles, no bitmap), in a coordinate system scaled to dots so
every number in the PDF is a whole dot.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    if not digits or not digits.isascii() or not digits.isdigit():
        raise QrPayloadError("the QR text must be a non-empty string of digits 0-9")
    import segno  # loaded with the first pass, not with the app (issue 12, start time)

    code = segno.make(digits, error="q", micro=False, boost_error=False)
    version = code.version
    if code.mode != "numeric" or code.error != "Q" or not isinstance(version, int):
        raise QrPayloadError(f"unexpected QR encoding {code.designator}")
    if version > MAX_VERSION:
        raise QrPayloadError(
            f"{len(digits)} digits need QR version {version}; at most {MAX_VERSION} is allowed"
        )
    runs: list[tuple[int, int, int]] = []
    for row_index, row in enumerate(code.matrix):
        start = -1
        for col, value in enumerate(row):
            if value and start < 0:
                start = col
            elif not value and start >= 0:
                runs.append((row_index, start, col - start))
                start = -1
        if start >= 0:
            runs.append((row_index, start, len(row) - start))
    modules = len(code.matrix)
    top = (modules + QUIET_MODULES) * MODULE_DOTS
    path = "\n".join(
        f"{(QUIET_MODULES + col) * MODULE_DOTS} {top - (row + 1) * MODULE_DOTS} "
        f"{length * MODULE_DOTS} {MODULE_DOTS} re"
        for row, col, length in runs
    )
    return QrSymbol(modules=modules, version=version, runs=tuple(runs), path=path + "\nf")


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
