"""The pass prints an offer's title in its second language under the German one (issue 12,
item 6): shaped right to left for Arabic and Farsi, wrapped when long, left out where the
district gave none and in a German-only pass."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from passapp.pdf import OfferLine, render_pass
from tests.pdf.helpers import page_texts, pass_print, render_page, sample_offers

TITLES = {
    "ar": "دورة اللغة الألمانية المسائية",
    "fa": "دوره زبان آلمانی عصرانه",
    "uk": "Вечірній курс німецької мови",
    "en": "German evening course",
}
GERMAN = "Deutschkurs am Abend"


def with_titles(titles: dict[str, str]) -> list[OfferLine]:
    offers, _ = sample_offers()
    translated = OfferLine(
        "sprachkurs", GERMAN, "VHS Dachau", None, None, tuple(sorted(titles.items()))
    )
    return [translated, *offers]


def offers_text(language: str | None, titles: dict[str, str]) -> str:
    pdf = render_pass(pass_print(language, offers=with_titles(titles)))
    return re.sub(r"\s+", " ", " ".join(page_texts(pdf)))


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_title_in_the_second_language_is_printed_after_the_german(language: str) -> None:
    text = offers_text(language, TITLES)
    german = text.index(GERMAN)
    assert text.index(TITLES[language], german) < text.index("VHS Dachau", german)
    other = "uk" if language == "en" else "en"
    assert TITLES[other] not in text  # only the pass's own second language


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_script_titles_are_printed_shaped(language: str) -> None:
    text = offers_text(language, TITLES)
    # pdfium reads back the joined forms (NFKC gives the letters), words in either order.
    for word in TITLES[language].split():
        assert word in text or word[::-1] in text


def test_no_translation_and_a_german_only_pass_print_the_german_title_alone() -> None:
    assert TITLES["uk"] not in offers_text("uk", {"ar": TITLES["ar"]})
    german_only = offers_text(None, TITLES)
    assert GERMAN in german_only
    assert all(title not in german_only for title in TITLES.values() if " " in title)


def test_a_long_title_wraps_onto_more_lines_within_the_column() -> None:
    long_title = " ".join(["Інтенсивний вечірній курс німецької мови"] * 5)[:200].strip()
    pages = page_texts(render_pass(pass_print("uk", offers=with_titles({"uk": long_title}))))
    page = next(page for page in pages if GERMAN in page)
    block = page[page.index(GERMAN) : page.index("VHS Dachau", page.index(GERMAN))]
    lines = [line.strip() for line in block.splitlines()][1:]
    assert len([line for line in lines if line]) >= 3  # the column is ~60 mm wide
    assert " ".join(line for line in lines if line) == long_title


def test_a_pass_with_titles_renders_as_an_image(tmp_path: Path) -> None:
    for language in ("ar", "uk"):
        pdf = render_pass(pass_print(language, offers=with_titles(TITLES)))
        image = render_page(pdf, 1)
        image.save(tmp_path / f"offers-{language}.png")
        assert image.getbbox() is not None


def test_offer_lines_with_titles_stay_hashable_for_the_page_cache() -> None:
    line = with_titles(TITLES)[0]
    assert hash(line) == hash(dataclasses.replace(line))
    assert line.title_in("uk") == TITLES["uk"]
    assert line.title_in(None) is None
