"""The pass's QR as the design card says (DESIGN §5): digits in numeric mode, level Q,
version 8 at most, 12 printer dots per module; made by ``qrcode``, read back by zxing-cpp."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from passapp.pdf import QrPayloadError, render_pass
from passapp.pdf.qr import DOT, MODULE_DOTS, QUIET_MODULES, QrSymbol, encode
from tests.pdf.helpers import DPI, pass_print, qr_digits, render_page

MODULE_MM = MODULE_DOTS * DOT * 25.4 / 72
# Numeric capacity at level Q (ISO/IEC 18004 table 7): 207 digits in version 7, 259 in 8.
# At level M or L, or in any other mode, these lengths would land in other versions.
VERSION_7_Q, VERSION_8_Q = 207, 259


def scanned(symbol: QrSymbol) -> zxingcpp.Result:
    """``symbol``'s dark runs as a picture (4 pixels a module, quiet zone white), read."""
    side = symbol.modules + 2 * QUIET_MODULES
    pixels = np.full((side, side), 255, dtype=np.uint8)
    for row, col, length in symbol.runs:
        pixels[QUIET_MODULES + row, QUIET_MODULES + col : QUIET_MODULES + col + length] = 0
    picture = Image.fromarray(pixels).resize((side * 4, side * 4), Image.Resampling.NEAREST)
    (result,) = zxingcpp.read_barcodes(picture)
    return result


@pytest.mark.parametrize(
    ("length", "version"), [(1, 1), (VERSION_7_Q, 7), (VERSION_7_Q + 1, 8), (VERSION_8_Q, 8)]
)
def test_numeric_level_q_takes_the_smallest_version(length: int, version: int) -> None:
    digits = ("9876543210" * 26)[:length]
    symbol = encode(digits)
    assert (symbol.version, symbol.modules) == (version, 17 + 4 * version)
    result = scanned(symbol)
    assert result.text == digits
    assert (result.ec_level, result.extra["Version"]) == ("Q", str(version))


@pytest.mark.parametrize("digits", ["", "12AB", "１２３", "1" * (VERSION_8_Q + 1), "1" * 8000])
def test_what_is_not_digits_or_needs_version_9_is_refused(digits: str) -> None:
    with pytest.raises(QrPayloadError):
        encode(digits)


def test_a_payload_past_version_8_names_the_version_it_would_need() -> None:
    with pytest.raises(QrPayloadError, match="260 digits need QR version 9; at most 8"):
        encode("1" * 260)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=VERSION_8_Q))
def test_every_digit_string_up_to_version_8_reads_back(digits: str) -> None:
    symbol = encode(digits)
    result = scanned(symbol)
    assert result.text == digits
    assert result.ec_level == "Q"
    assert int(result.extra["Version"]) == symbol.version <= 8


def test_printed_qr_is_level_q_version_7_with_half_millimetre_modules() -> None:
    """From a 150 dpi render of the pass PDF: the real signed text, as printed."""
    page = render_page(render_pass(pass_print("en")), 0)
    (result,) = zxingcpp.read_barcodes(page)
    assert result.text == qr_digits()
    assert (result.ec_level, result.extra["Version"]) == ("Q", "7")
    corners = [result.position.top_left, result.position.top_right]
    width_mm = (corners[1].x - corners[0].x) * 25.4 / DPI
    # 45 modules of 12 dots at 600 dpi (0.508 mm): 22.86 mm, to one pixel of the render.
    assert width_mm == pytest.approx(45 * MODULE_MM, abs=25.4 / DPI)
