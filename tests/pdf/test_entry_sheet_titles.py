"""The entry sheet prints the title of an entry's offer in the sheet's second language under
the German title, as the pass does (issue 12, item 6): shaped and right-aligned for Arabic
and Farsi, left out where the district gave none; the longest allowed titles stay inside
their column and on one page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import EntryLine, EntrySheet, render_entry_sheet
from passapp.pdf.entry_sheet import _COLUMNS, LEFT, PAD, _row
from passapp.pdf.layout import TextOp
from passapp.pdf.translations import texts
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.offers import OfferInput, save_offer
from passapp.services.passes import issue_pass, print_entry_sheet
from passapp.services.sync import export_bundles, import_bundle
from tests.pdf.helpers import PASS_NUMBER, page_texts, render_page
from tests.services.helpers import register

GERMAN = "Deutschkurs am Abend"
TITLES = {
    "ar": "دورة اللغة الألمانية المسائية",
    "fa": "دوره زبان آلمانی عصرانه",
    "uk": "Вечірній курс німецької мови",
    "en": "German evening course",
}
PROVIDER = "Volkshochschule Dachau"
LIMIT = TEXT_FIELDS["offer.title_translation"].max_length
# The title column's inner edges, in points from the page's left edge.
COLUMN_LEFT = LEFT + sum(width for key, width in _COLUMNS[:2]) + PAD
COLUMN_RIGHT = COLUMN_LEFT + dict(_COLUMNS)["col_title"] - 2 * PAD


def entry(title: str | None = GERMAN, translation: str | None = None) -> EntryLine:
    return EntryLine(
        date=dt.date(2026, 3, 2),
        kind_label="Sprachkurs",
        title=title,
        provider=PROVIDER,
        level="A1",
        result=None,
        office="EWDAH",
        status_label="Begonnen",
        note=None,
        title_translation=translation,
    )


def sheet(language: str | None, entries: list[EntryLine]) -> EntrySheet:
    return EntrySheet(
        pass_number=PASS_NUMBER,
        family_names="Al-Hassan",
        given_names="Mohammed",
        birth_date=PartialDate(1990, None, None),
        printed_on=dt.date(2026, 11, 25),
        office_name="Migrationsberatung Dachau",
        language=language,
        entries=entries,
    )


def sheet_text(language: str | None, *entries: EntryLine) -> str:
    pdf = render_entry_sheet(sheet(language, list(entries)))
    return re.sub(r"\s+", " ", " ".join(page_texts(pdf)))


def title_ops(language: str, line: EntryLine) -> list[TextOp]:
    """The drawn lines of the row's title column: all but the other columns' values (picked
    by text, not by place, so that a line running out of its column is still seen)."""
    others = {"02.03.2026", "Sprachkurs", "A1", "EWDAH", "Begonnen"}
    ops = _row(line, texts(language))[0]
    return [op for op in ops if isinstance(op, TextOp) and drawn([op]) not in others]


def drawn(ops: list[TextOp]) -> str:
    return "".join(run.text for op in ops for run in op.line.runs)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_title_in_the_sheet_s_language_stands_between_the_german_and_the_provider(
    language: str,
) -> None:
    text = sheet_text(language, entry(translation=TITLES[language]))
    german = text.index(GERMAN)
    assert german < text.index(TITLES[language]) < text.index(PROVIDER)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_script_titles_are_shaped_and_right_aligned_in_their_column(language: str) -> None:
    text = sheet_text(language, entry(translation=TITLES[language]))
    for word in TITLES[language].split():
        assert word in text or word[::-1] in text  # pdfium reads the joined forms back
    german, *translated, provider = title_ops(language, entry(translation=TITLES[language]))
    assert german.x == pytest.approx(COLUMN_LEFT)  # the German stays left-aligned
    assert provider.x == pytest.approx(COLUMN_LEFT)
    for op in translated:
        assert op.x + op.line.width == pytest.approx(COLUMN_RIGHT)


def test_an_entry_without_a_translation_or_a_german_only_sheet_prints_the_german_alone() -> None:
    assert TITLES["uk"] not in sheet_text("uk", entry(translation=None))
    only_german = sheet_text(None, entry(translation=TITLES["en"]))
    assert GERMAN in only_german
    assert TITLES["en"] not in only_german


def test_an_entry_without_its_own_title_still_prints_the_translation_above_the_provider() -> None:
    text = sheet_text("en", entry(title=None, translation=TITLES["en"]))
    assert text.index(TITLES["en"]) < text.index(PROVIDER)


LONGEST = {
    "latin words": ("Deutschkurs am Abend " * 10)[:LIMIT],
    "latin word": "W" * LIMIT,
    "arabic words": ("دورة اللغة الألمانية المسائية " * 7)[:LIMIT],
    "arabic word": "ش" * LIMIT,
}


@pytest.mark.parametrize("title", list(LONGEST.values()), ids=list(LONGEST))
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_longest_allowed_titles_stay_in_their_column_and_on_one_page(
    title: str, language: str
) -> None:
    assert len(title) == LIMIT
    line = entry(title=title, translation=title)
    ops = title_ops(language, line)
    pdf = render_entry_sheet(sheet(language, [line, dataclasses.replace(line, title=GERMAN)]))
    for op in ops:
        assert op.x >= COLUMN_LEFT - 0.01
        assert op.x + op.line.width <= COLUMN_RIGHT + 0.01
    # Both titles printed in full (the drawn text has no "…"), in two blocks of lines.
    assert drawn(ops).count("…") == 0
    assert len(ops) > 6
    assert len(page_texts(pdf)) == 1  # the long row and the next one fit the page


def test_the_sheet_renders_as_an_image_with_titles(tmp_path: Path) -> None:
    for language in ("ar", "uk"):
        entries = [
            entry(translation=TITLES[language]),
            entry(title=LONGEST["arabic words"], translation=LONGEST["arabic words"]),
        ]
        image = render_page(render_entry_sheet(sheet(language, entries)), 0)
        image.save(tmp_path / f"entry-sheet-{language}.png")
        assert image.getbbox() is not None


def test_the_printed_sheet_takes_the_translation_from_the_entry_s_offer(
    district_ctx: ServiceContext, office_ctx: ServiceContext, tmp_path: Path
) -> None:
    offer = save_offer(
        district_ctx,
        OfferInput(category="sprachkurs", title=GERMAN, provider=PROVIDER, titles=TITLES),
    )
    bundle = tmp_path / "an-ewdah.passapp"
    export_bundles(district_ctx, bundle, "EWDAH")
    import_bundle(office_ctx, bundle)
    number = issue_pass(office_ctx, register(office_ctx), languages=("uk",)).pass_number
    for title in (None, "Deutschkurs, abgebrochen"):
        add_entry(
            office_ctx,
            number,
            EntryInput(
                kind=EntryKind.SPRACHKURS,
                start_date=dt.date(2026, 3, 2),
                title=title,
                offer_slug=offer.slug,
            ),
        )
    out = tmp_path / "sheet.pdf"
    print_entry_sheet(office_ctx, number, out)
    text = re.sub(r"\s+", " ", page_texts(out.read_bytes())[0])
    # The entry without a title of its own is named by its offer, in German and Ukrainian.
    assert text.count(TITLES["uk"]) == 2
    assert text.index(GERMAN) < text.index(TITLES["uk"])
    assert "Deutschkurs, abgebrochen" in text
    assert TITLES["en"] not in text
