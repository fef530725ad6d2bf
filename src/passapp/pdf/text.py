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
from typing import Any

from passapp.pdf.fonts import Run, Style, runs

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ps", "ur", "ckb"})

# A safety net for text stored before the input limits (passapp.domain.text) or received
# from an older office: no drawn text is longer than the longest field allows, so that
# layout time stays bounded. Renderers elide each field to its own limit as well.
MAX_DRAWN_CHARS = 2000
ELLIPSIS = "\u2026"

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line in visual order; ``width`` in points."""

    runs: tuple[Run, ...]
    size: float
    width: float


def elide(text: str, max_chars: int = MAX_DRAWN_CHARS) -> str:
    """``text`` cut to ``max_chars`` characters, ending in "…" where it was cut."""
    if len(text) <= max_chars:
        return text
    return text[: max_chars - 1].rstrip() + ELLIPSIS


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@functools.cache
def _reshaper() -> Any:
    """The reshaper, made when the first Arabic text is drawn (not with the app)."""
    import arabic_reshaper  # type: ignore[import-untyped]

    # Names keep their letters: no "Allah" ligature (it adds marks to e.g. عبدالله).
    return arabic_reshaper.ArabicReshaper(configuration={"arabic ligature allah": False})


@functools.lru_cache(maxsize=8192)
def _logical(text: str) -> str:
    """NFC, at most MAX_DRAWN_CHARS, Arabic letters in joined forms (still in logical order)."""
    text = elide(unicodedata.normalize("NFC", text))
    if _ARABIC.search(text):
        text = _reshaper().reshape(text)
    return text


@functools.lru_cache(maxsize=8192)
def _visual_runs(logical: str, style: Style, rtl: bool) -> tuple[Run, ...]:
    visual = logical
    if has_rtl(logical) or rtl:
        from bidi.algorithm import get_display  # type: ignore[import-untyped]

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
                cut = _longest_fitting_prefix(candidate, style, max_em)
                lines.append(candidate[:cut])
                candidate = candidate[cut:]
            current = candidate
        lines.append(current)
    return tuple(lines)


def _longest_fitting_prefix(text: str, style: Style, max_em: float) -> int:
    """How many characters of ``text`` fit ``max_em`` (at least one).

    Grows the prefix from the start: the cost follows the length of one line, not of the
    whole word, so a long word is broken in time proportional to its length.
    """
    cut = 1
    while cut < len(text) and _em(text[: cut + 1], style) <= max_em:
        cut += 1
    return cut


def _em(text: str, style: Style) -> float:
    return sum(run.width for run in runs(text, style))


def wrap(
    text: str,
    style: Style,
    size: float,
    max_width: float,
    rtl: bool = False,
    max_lines: int | None = None,
) -> list[Line]:
    """``text`` wrapped at spaces (and at ``\\n``) to lines no wider than ``max_width``;
    with ``max_lines``, the last line kept ends in "…" where text was left out."""
    logical = _logical(text)
    parts = _wrap_logical(logical, style, max_width / size)
    if max_lines is not None and len(parts) > max_lines:
        parts = (
            *parts[: max_lines - 1],
            _with_ellipsis(parts[max_lines - 1], style, max_width / size),
        )
    result = []
    for part in parts:
        line_runs = _visual_runs(part, style, rtl)
        result.append(Line(line_runs, size, sum(run.width for run in line_runs) * size))
    return result


def _with_ellipsis(text: str, style: Style, max_em: float) -> str:
    """``text`` shortened until it fits ``max_em`` with "…" at its end."""
    cut = _longest_fitting_prefix(text, style, max_em - _em(ELLIPSIS, style))
    return text[:cut].rstrip() + ELLIPSIS
