"""Text preparation: right-to-left order, joined letters, font fallback, translations."""

from __future__ import annotations

import json
import string
import unicodedata
from importlib import resources

import pytest

from passapp.pdf import SUPPORTED_LANGUAGES, missing_characters
from passapp.pdf import text as tx
from passapp.pdf.fonts import runs
from passapp.pdf.translations import texts


def _visual(line: tx.Line) -> str:
    return "".join(run.text for run in line.runs)


def test_arabic_is_joined_and_in_visual_order() -> None:
    line = tx.line("محمد", "regular", 10)
    visual = _visual(line)
    assert all("\ufe70" <= char <= "\ufeff" for char in visual)  # joined forms
    assert unicodedata.normalize("NFKC", visual)[::-1] == "محمد"
    assert line.runs[0].font == "PassNotoSansArabic"


def test_brackets_are_mirrored_in_right_to_left_text() -> None:
    visual = _visual(tx.line("المادة (15)", "regular", 10, rtl=True))
    assert visual.startswith("(15)")


def test_persian_letters_and_zwnj_render_from_the_arabic_font() -> None:
    visual = _visual(tx.line("پچژگیک داده‌ها", "regular", 10))
    assert "\u200c" not in visual
    assert {run.font for run in tx.line("پچژگیک", "regular", 10).runs} == {"PassNotoSansArabic"}


def test_fallback_fonts_per_run() -> None:
    fonts = [run.font for run in runs("Łukasz ሰላም ლიდია Հայ", "regular")]
    assert fonts[0] == "PassNotoSans"
    assert "PassNotoSansEthiopic" in fonts
    assert "PassNotoSansGeorgian" in fonts
    assert "PassNotoSansArmenian" in fonts


def test_wrapping_keeps_lines_within_width() -> None:
    text = "Kurse, Beratung und weitere Angebote in der Region " * 5
    lines = tx.wrap(text, "regular", 8, 200)
    assert len(lines) > 1
    assert all(line.width <= 200.01 for line in lines)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_translations_are_complete(language: str) -> None:
    german = texts("de")
    other = texts(language)
    assert set(other.texts) == set(german.texts)
    assert set(other.categories) == set(german.categories)
    assert len(other.privacy) == len(german.privacy)
    for key, value in other.texts.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        expected = {name for _, name, _, _ in string.Formatter().parse(german[key]) if name}
        assert fields == expected, key
    for _, body in other.privacy:
        assert "{" not in body
    assert other.rtl == (language in {"ar", "fa"})


def test_german_category_labels_come_from_entry_kinds() -> None:
    kinds = json.loads(
        resources.files("passapp.resources").joinpath("entry_kinds.json").read_text("utf-8")
    )["entry_kinds"]
    assert texts("de").categories == {kind["slug"]: kind["label_de"] for kind in kinds}


def test_missing_characters_names_what_cannot_print() -> None:
    assert missing_characters("Łukasz Şahin محمد ተስፋ Ёлка") == frozenset()
    assert missing_characters("王 Wang") == {"王"}
