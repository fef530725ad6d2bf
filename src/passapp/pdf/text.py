"""Lines of text ready to draw: reshaped, wrapped, reordered for right-to-left, in font runs.

reportlab draws glyphs left to right as given. Arabic-script text is therefore prepared
here: ``arabic-reshaper`` picks each letter's joined form (presentation forms, which
Noto Sans Arabic has), the text is wrapped in logical order, and each line is put into
visual order by the Unicode bidirectional algorithm (python-bidi's reference
implementation, which also mirrors brackets; its faster Rust ``get_display`` does not).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import arabic_reshaper  # type: ignore[import-untyped]
from bidi.algorithm import get_display  # type: ignore[import-untyped]

from passapp.pdf.fonts import Run, Style, runs

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ps", "ur", "ckb"})

# Names keep their letters: no "Allah" ligature (it adds marks to e.g. عبدالله).
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"arabic ligature allah": False})
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line in visual order; ``width`` in points."""

    runs: tuple[Run, ...]
    size: float
    width: float


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@functools.lru_cache(maxsize=8192)
def _logical(text: str) -> str:
    """NFC, and Arabic letters in their joined forms (still in logical order)."""
    text = unicodedata.normalize("NFC", text)
    if _ARABIC.search(text):
        text = _RESHAPER.reshape(text)
    return text


@functools.lru_cache(maxsize=8192)
def _visual_runs(logical: str, style: Style, rtl: bool) -> tuple[Run, ...]:
    visual = logical
    if has_rtl(logical) or rtl:
        visual = get_display(logical, base_dir="R" if rtl else "L")
    return runs(visual, style)


def line(text: str, style: Style, size: float, rtl: bool = False) -> Line:
    """``text`` as one line (no wrapping)."""
    line_runs = _visual_runs(_logical(text), style, rtl)
    return Line(line_runs, size, sum(run.width for run in line_runs) * size)


def width(text: str, style: Style, size: float) -> float:
    return line(text, style, size).width


def fit(text: str, style: Style, size: float, max_width: float, min_size: float) -> Line:
    """One line, made smaller (down to ``min_size``) until it fits ``max_width``."""
    result = line(text, style, size)
    if result.width > max_width:
        smaller = max(min_size, size * max_width / result.width)
        result = line(text, style, smaller)
    return result


@functools.lru_cache(maxsize=4096)
def _wrap_logical(logical: str, style: Style, max_em: float) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in logical.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and _em(candidate, style) > max_em:
                lines.append(current)
                candidate = word
            while _em(candidate, style) > max_em and len(candidate) > 1:
                # A word longer than the line (an e-mail address): break it by characters.
                cut = len(candidate) - 1
                while cut > 1 and _em(candidate[:cut], style) > max_em:
                    cut -= 1
                lines.append(candidate[:cut])
                candidate = candidate[cut:]
            current = candidate
        lines.append(current)
    return tuple(lines)


def _em(text: str, style: Style) -> float:
    return sum(run.width for run in runs(text, style))


def wrap(text: str, style: Style, size: float, max_width: float, rtl: bool = False) -> list[Line]:
    """``text`` wrapped at spaces (and at ``\\n``) to lines no wider than ``max_width``."""
    logical = _logical(text)
    result = []
    for part in _wrap_logical(logical, style, max_width / size):
        line_runs = _visual_runs(part, style, rtl)
        result.append(Line(line_runs, size, sum(run.width for run in line_runs) * size))
    return result
