"""The printed pass: every language renders, the QR scans, names and fonts are right."""

from __future__ import annotations

import dataclasses
import re

import pytest
import zxingcpp

from passapp.domain.dates import PartialDate
from passapp.pdf import (
    SUPPORTED_LANGUAGES,
    PassPrint,
    QrPayloadError,
    UnsupportedLanguageError,
    render_pass,
)
from passapp.pdf.passbook import page_count
from passapp.pdf.qr import DOT, MODULE_DOTS, QUIET_MODULES, encode
from tests.pdf.helpers import (
    DPI,
    PASS_NUMBER,
    image_count,
    page_sizes,
    page_texts,
    pass_print,
    qr_digits,
    render_page,
    text_fonts_embedded,
)

A4_LANDSCAPE = (841.89, 595.28)
SHEET_WIDTH_MM, SHEET_HEIGHT_MM = 297.0, 210.0
FOLD_MM = SHEET_WIDTH_MM / 2
MODULE_MM = MODULE_DOTS * DOT / (72 / 25.4)
LANGUAGES = [None, *SUPPORTED_LANGUAGES]

ORIGINAL_NAMES = {
    "ar": ("Al-Hassan", "Mohammed Abdullah", "الحسن", "محمد عبدالله"),
    "fa": ("Rezaei", "Zahra", "رضایی", "زهرا"),
    "uk": ("Kovalenko", "Oleksandr", "Коваленко", "Олександр"),
    "ru": ("Ivanova", "Yekaterina", "Иванова", "Екатерина"),
}


def _data(language: str | None) -> PassPrint:
    if language in ORIGINAL_NAMES:
        family, given, family_original, given_original = ORIGINAL_NAMES[language]
        return pass_print(
            language,
            family_names=family,
            given_names=given,
            family_names_original=family_original,
            given_names_original=given_original,
        )
    return pass_print(language)


@pytest.fixture(scope="module")
def rendered() -> dict[str | None, bytes]:
    return {language: render_pass(_data(language)) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_renders_whole_a4_sheets(
    rendered: dict[str | None, bytes], language: str | None
) -> None:
    pdf = rendered[language]
    assert pdf.startswith(b"%PDF-")
    sizes = page_sizes(pdf)
    assert sizes, "no pages"
    for width, height in sizes:
        assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    assert len(sizes) * 2 == page_count(_data(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_qr_decodes_to_the_digits_and_keeps_clear_of_edges_and_fold(
    rendered: dict[str | None, bytes], language: str | None
) -> None:
    image = render_page(rendered[language], 0)
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    result = results[0]
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    assert result.text == qr_digits()

    corners = [
        result.position.top_left,
        result.position.top_right,
        result.position.bottom_left,
        result.position.bottom_right,
    ]
    to_mm = 25.4 / DPI
    left = min(p.x for p in corners) * to_mm
    right = max(p.x for p in corners) * to_mm
    top = min(p.y for p in corners) * to_mm
    bottom = max(p.y for p in corners) * to_mm
    # The symbol plus its 4-module quiet zone stays 10 mm from every paper edge and
    # from the fold (the cover is the right half of the first sheet). One pixel of slack.
    clearance = 10 + QUIET_MODULES * MODULE_MM - to_mm
    assert left - FOLD_MM >= clearance
    assert SHEET_WIDTH_MM - right >= clearance
    assert top >= clearance
    assert SHEET_HEIGHT_MM - bottom >= clearance
    # About 0.5 mm per module: version 7 has 45 modules (22.9 mm).
    assert right - left == pytest.approx(45 * MODULE_MM, abs=0.5)


def test_qr_is_vector_not_bitmap(rendered: dict[str | None, bytes]) -> None:
    assert image_count(rendered[None]) == 0


def test_qr_encoding_is_numeric_level_q_within_version_8() -> None:
    symbol = encode(qr_digits())
    assert symbol.version == 7
    assert symbol.modules == 45
    assert MODULE_DOTS == 12  # 0.508 mm at 600 dpi
    assert symbol.side_dots == (45 + 2 * QUIET_MODULES) * MODULE_DOTS
    with pytest.raises(QrPayloadError):
        encode("12AB")
    with pytest.raises(QrPayloadError):
        encode("1" * 400)  # would need version 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_holder_name_number_and_unknown_birth_parts_are_printed(
    rendered: dict[str | None, bytes], language: str | None
) -> None:
    cover = page_texts(rendered[language])[0]
    data = _data(language)
    assert data.family_names in cover
    assert data.given_names in cover
    assert PASS_NUMBER in cover
    assert "XX.05.1990" in cover
    assert "Landkreis Dachau" in cover
    assert "Bildungs- und Beratungspass" in cover
    assert "Einwohnermeldeamt Dachau" in cover
    assert "25.11.2026" in cover


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_cyrillic_original_names_are_printed(
    rendered: dict[str | None, bytes], language: str
) -> None:
    cover = page_texts(rendered[language])[0]
    _, _, family_original, given_original = ORIGINAL_NAMES[language]
    assert family_original in cover
    assert given_original in cover


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_script_original_names_are_printed(
    rendered: dict[str | None, bytes], language: str
) -> None:
    # pdfium reads the joined forms back (NFKC gives the letters); the line order it
    # reports for right-to-left text may be either, so accept both.
    cover = re.sub(r"\s+", " ", page_texts(rendered[language])[0])
    for name in ORIGINAL_NAMES[language][2:]:
        assert name in cover or name[::-1] in cover


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_font_is_embedded(
    rendered: dict[str | None, bytes], language: str | None
) -> None:
    pdf = rendered[language]
    flags = text_fonts_embedded(pdf)
    assert flags
    assert all(flags)
    assert b"/FontFile2" in pdf
    assert b"/Helvetica" not in pdf


def test_privacy_notice_is_in_german_and_the_second_language(
    rendered: dict[str | None, bytes],
) -> None:
    pages = page_texts(rendered["en"])
    last_sheet = pages[-1]
    assert "Datenschutzhinweise (Art. 13 DSGVO)" in last_sheet
    assert "Data protection notice" in last_sheet
    assert "keinen Namen, kein Geburtsdatum, keine Staatsangehörigkeit" in last_sheet
    assert "Landratsamt Dachau" in last_sheet
    assert "Art. 15" in last_sheet
    assert "Art. 21" in last_sheet


def test_offers_are_grouped_with_german_labels_and_marked_as_sample(
    rendered: dict[str | None, bytes],
) -> None:
    text = "\n".join(page_texts(rendered["en"]))
    assert "Sprachkurs / Language course" in text
    assert "Anerkennung ausländischer Qualifikationen" in text
    assert "Deutsch A1 – Abendkurs" in text
    assert "Beispieldaten" in text
    assert "Stempel/Unterschrift" in text

    real = render_pass(pass_print(None, offers_are_sample=False, privacy_contact=CONTACT))
    assert "Beispieldaten" not in "\n".join(page_texts(real))


CONTACT = "DSB Landratsamt Dachau, Weiherweg 16, 85221 Dachau, Tel. 08131 74-0"


@pytest.mark.parametrize(
    ("changes", "marked"),
    [
        ({"offers_are_sample": True, "privacy_contact": CONTACT}, True),
        ({"offers_are_sample": False, "privacy_contact": None}, True),
        ({"offers_are_sample": False, "privacy_contact": CONTACT}, False),
    ],
)
def test_every_page_says_beispieldaten_while_offers_or_contact_are_samples(
    changes: dict[str, object], marked: bool
) -> None:
    pages = page_texts(render_pass(pass_print("uk", **changes)))
    assert [("BEISPIELDATEN · Зразкові дані" in page) for page in pages] == [marked] * len(pages)
    # The contact in the German notice and in the Ukrainian one; else the placeholder.
    joined = " ".join(" ".join(pages).split())
    assert joined.count(CONTACT) == (2 if changes["privacy_contact"] else 0)
    assert ("vor dem Einsatz eintragen" in joined) == (changes["privacy_contact"] is None)


def test_replacement_card_shows_its_generation() -> None:
    text = page_texts(render_pass(pass_print("tr", generation=2)))[0]
    assert "Ersatzkarte 2" in text
    assert "Yenileme kartı 2" in text
    first = page_texts(render_pass(pass_print("tr", generation=0)))[0]
    assert "Ersatzkarte" not in first


def test_names_in_other_scripts_print_with_fallback_fonts() -> None:
    data = pass_print(
        None,
        family_names="Tesfamariam",
        given_names="Lidya",
        family_names_original="ተስፋማርያም",
        given_names_original="ლიდია",
        birth_date=PartialDate(2001),
    )
    pdf = render_pass(data)
    cover = page_texts(pdf)[0]
    assert "ተስፋማርያም" in cover
    assert "ლიდია" in cover
    assert "XX.XX.2001" in cover
    assert all(text_fonts_embedded(pdf))
    assert b"NotoSansEthiopic" in pdf
    assert b"NotoSansGeorgian" in pdf


def test_rendering_is_deterministic() -> None:
    assert render_pass(pass_print("ar")) == render_pass(pass_print("ar"))


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(UnsupportedLanguageError):
        render_pass(pass_print("xx"))


def test_german_only_when_language_is_none_or_de() -> None:
    german = render_pass(pass_print(None))
    assert render_pass(pass_print("de")) == german
    assert "Data protection notice" not in "\n".join(page_texts(german))


def test_pass_data_is_frozen() -> None:
    data = pass_print(None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.generation = 1  # type: ignore[misc]


def test_qr_corner_is_snapped_to_whole_printer_dots() -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    from passapp.pdf.qr import draw

    canvas = Canvas(io.BytesIO())
    x, y = draw(canvas, encode(qr_digits()), 310.6091, 34.0157)
    assert round(x / DOT) * DOT == pytest.approx(x, abs=1e-9)
    assert round(y / DOT) * DOT == pytest.approx(y, abs=1e-9)
    assert abs(x - 310.6091) <= DOT / 2
