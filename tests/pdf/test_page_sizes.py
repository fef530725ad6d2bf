"""The page modules import without reportlab (issue 12, start time), so they carry A4
themselves: it must be reportlab's own A4, to the last bit, or every page would move."""

from __future__ import annotations

from reportlab.lib import pagesizes

from passapp.pdf.common import A4, A4_LANDSCAPE


def test_a4_is_reportlabs() -> None:
    assert A4 == pagesizes.A4
    assert pagesizes.landscape(pagesizes.A4) == A4_LANDSCAPE
