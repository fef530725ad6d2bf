"""Sample data and PDF inspection helpers for the PDF tests."""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from importlib import resources

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from PIL import Image

from passapp.domain.dates import PartialDate
from passapp.domain.pass_number import check_digits
from passapp.pdf import OfferLine, PassPrint

MM = 72 / 25.4
DPI = 150
PASS_NUMBER = f"EWDAH-000123-{check_digits('EWDAH', 123)}"


def qr_digits(seed: int = 7) -> str:
    """A realistic QR text: 84 signed bytes written as one fixed-width decimal number."""
    payload = random.Random(seed).randbytes(84)
    return str(int.from_bytes(payload, "big")).zfill(203)


def sample_offers() -> tuple[list[OfferLine], bool]:
    text = resources.files("passapp.resources").joinpath("offers_sample.json").read_text("utf-8")
    catalogue = json.loads(text)
    offers = [
        OfferLine(o["category"], o["title"], o["provider"], o.get("address"), o.get("contact"))
        for o in catalogue["offers"]
    ]
    return offers, bool(catalogue["sample"])


def pass_print(language: str | None = "en", **changes: object) -> PassPrint:
    offers, sample = sample_offers()
    values: dict[str, object] = {
        "pass_number": PASS_NUMBER,
        "generation": 0,
        "family_names": "Şahin",
        "given_names": "Łukasz Mehmet",
        "family_names_original": None,
        "given_names_original": None,
        "birth_date": PartialDate(1990, 5, None),
        "issued_on": dt.date(2026, 11, 25),
        "office_name": "Einwohnermeldeamt Dachau",
        "office_code": "EWDAH",
        "language": language,
        "qr_digits": qr_digits(),
        "offers": offers,
        "offers_are_sample": sample,
    }
    values.update(changes)
    return PassPrint(**values)  # type: ignore[arg-type]


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            unicodedata.normalize("NFKC", page.get_textpage().get_text_bounded())
            for page in document
        ]
    finally:
        document.close()


def render_page(pdf: bytes, index: int, dpi: int = DPI) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[index].render(scale=dpi / 72).to_pil()
        return image
    finally:
        document.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [(page.get_width(), page.get_height()) for page in document]
    finally:
        document.close()


def text_fonts_embedded(pdf: bytes) -> list[bool]:
    """For every text object on every page: is its font embedded?"""
    document = pdfium.PdfDocument(pdf)
    try:
        flags = []
        for page in document:
            for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,)):
                font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
                flags.append(bool(pdfium_c.FPDFFont_GetIsEmbedded(font)))
        return flags
    finally:
        document.close()


def image_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return sum(
            len(list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))) for page in document
        )
    finally:
        document.close()
