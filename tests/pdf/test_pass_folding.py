"""Folding the printed pass (issue 12, item 4): fold marks a printer does not cut off, a
note on every sheet that says how to fold and assemble, and a category of offers that
goes on over a page break repeats its heading ("… (Fortsetzung)")."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from passapp.pdf import OfferLine, render_pass
from passapp.pdf.translations import texts
from tests.pdf.helpers import MM, pass_print, sample_offers

SHEET_WIDTH, SHEET_HEIGHT = 841.89, 595.28  # A4 landscape, points
FOLD_X = SHEET_WIDTH / 2


def fold_marks(pdf: bytes) -> list[list[tuple[float, float]]]:
    """Per sheet: the (bottom, top) of every thin vertical line drawn on the fold."""
    document = pdfium.PdfDocument(pdf)
    try:
        sheets = []
        for page in document:
            marks = []
            for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                left, bottom, right, top = path.get_bounds()  # stroke width included
                if right - left < 2 and abs((left + right) / 2 - FOLD_X) < 1:
                    marks.append((bottom, top))
            sheets.append(marks)
        return sheets
    finally:
        document.close()


def a5_pages(pdf: bytes) -> list[str]:
    """The text of every A5 page in reading order: sheet k holds page 2k-1 on its right
    half and page 2k on its left half."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for sheet in document:
            text = sheet.get_textpage()
            pages.append(text.get_text_bounded(FOLD_X, 0, SHEET_WIDTH, SHEET_HEIGHT))
            pages.append(text.get_text_bounded(0, 0, FOLD_X, SHEET_HEIGHT))
        return [" ".join(page.split()) for page in pages]
    finally:
        document.close()


def test_fold_marks_sit_at_least_10_mm_inside_the_sheet() -> None:
    sheets = fold_marks(render_pass(pass_print()))
    assert len(sheets) >= 2
    for marks in sheets:
        assert len(marks) == 2  # one at the top, one at the bottom of the fold
        for bottom, top in marks:
            assert bottom >= 10 * MM
            assert SHEET_HEIGHT - top >= 10 * MM
        assert min(bottom for bottom, _top in marks) < SHEET_HEIGHT / 4  # the bottom one
        assert max(top for _bottom, top in marks) > SHEET_HEIGHT * 3 / 4  # the top one


def test_every_sheet_says_how_to_fold_and_assemble() -> None:
    pdf = render_pass(pass_print())
    pages = a5_pages(pdf)
    sheets = len(pages) // 2
    for sheet in range(1, sheets + 1):
        back = pages[2 * sheet - 1]  # the note is in the margin of the sheet's left half
        assert f"Blatt {sheet} von {sheets}" in back
        assert "einseitig drucken" in back
        assert "falten, Druck außen" in back
        assert "falten" not in pages[2 * sheet - 2]  # the front of the leaf stays clean


def long_catalogue(count: int = 30) -> list[OfferLine]:
    """The sample catalogue with its first category made long enough for two pages."""
    offers, _sample = sample_offers()
    first = offers[0]
    many = [replace(first, title=f"Abendkurs Nummer {n:02d}") for n in range(1, count + 1)]
    return [*many, *offers[1:]]


def test_a_category_that_goes_on_repeats_its_heading() -> None:
    offers = long_catalogue()
    slug = offers[0].category
    german, english = texts("de").category(slug), texts("en").category(slug)
    pages = a5_pages(render_pass(pass_print(language="en", offers=offers)))
    with_courses = [page for page in pages if "Abendkurs Nummer" in page]
    assert len(with_courses) >= 2  # the catalogue does break
    first, *later = with_courses
    assert f"{german} / {english}" in first or german in first
    assert "(Fortsetzung)" not in first
    for page in later:
        assert f"{german} (Fortsetzung)" in page
        assert f"{english} (continued)" in page
        # The repeated heading comes before the page's first course of the category.
        assert page.index("(Fortsetzung)") < page.index("Abendkurs Nummer")
    # Every course is printed once: nothing lost or doubled at the break.
    numbers = re.findall(r"Abendkurs Nummer (\d\d)", " ".join(with_courses))
    assert numbers == [f"{n:02d}" for n in range(1, 31)]


def test_only_a_category_that_goes_on_is_marked_as_continued() -> None:
    """German only, the sample catalogue breaks inside some categories and between others:
    each "(Fortsetzung)" names a category that was begun on the page before."""
    pages = a5_pages(render_pass(pass_print(language=None)))
    labels = texts("de").categories.values()
    continued = 0
    for before, page in itertools.pairwise(pages):
        for label in labels:
            if f"{label} (Fortsetzung)" in page:
                continued += 1
                assert label in before
                assert f"{label} (Fortsetzung)" not in before
    assert continued >= 1
    # A category begun at the top of a page is not a continuation.
    assert sum(page.count("(Fortsetzung)") for page in pages) == continued


def test_the_fold_note_and_the_sample_band_do_not_overlap() -> None:
    """Both sit above the text of a sheet's left half: the band "Beispieldaten" (a pass
    with sample data) and the folding note for the clerk were once drawn on each other."""
    document = pdfium.PdfDocument(render_pass(pass_print("ar")))
    try:
        text = document[0].get_textpage()
        boxes = {}
        for word in ("Blatt", "BEISPIELDATEN"):
            searcher = text.search(word, match_case=True)
            found = searcher.get_next()
            assert found is not None, word
            start, count = found
            tops = [text.get_charbox(i)[3] for i in range(start, start + count)]
            bottoms = [text.get_charbox(i)[1] for i in range(start, start + count)]
            boxes[word] = (min(bottoms), max(tops))
    finally:
        document.close()
    _note_bottom, note_top = boxes["Blatt"]
    band_bottom, _band_top = boxes["BEISPIELDATEN"]
    assert note_top < band_bottom  # the note below the band, with no shared height
