"""The embedded fonts, registered once per process, and the font for each character.

Shipped in ``resources/fonts`` (package ``passapp.resources``) under the SIL Open Font
License 1.1 (``OFL.txt``): static Noto TTFs (Noto Sans for Latin, Greek and Cyrillic, Noto Sans Arabic for Arabic,
Persian, Pashto, Urdu and Kurdish in Arabic script) plus small regular-weight fallbacks for
names written in Ethiopic (Tigrinya, Amharic), Georgian, Armenian and Hebrew script.
reportlab embeds only the glyphs a document uses (subsetting).

Text is drawn in runs: each character takes the first font of its style's chain that has
it, and a run keeps its font while that font has the next character, so that spaces and
digits inside an Arabic phrase do not split it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from typing import Literal

Style = Literal["regular", "bold"]

# (registered name, file) in fallback order, per style.
_CHAINS: dict[Style, tuple[tuple[str, str], ...]] = {
    "regular": (
        ("PassNotoSans", "NotoSans-Regular.ttf"),
        ("PassNotoSansArabic", "NotoSansArabic-Regular.ttf"),
        ("PassNotoSansEthiopic", "NotoSansEthiopic-Regular.ttf"),
        ("PassNotoSansGeorgian", "NotoSansGeorgian-Regular.ttf"),
        ("PassNotoSansArmenian", "NotoSansArmenian-Regular.ttf"),
        ("PassNotoSansHebrew", "NotoSansHebrew-Regular.ttf"),
    ),
    "bold": (
        ("PassNotoSans-Bold", "NotoSans-Bold.ttf"),
        ("PassNotoSansArabic-Bold", "NotoSansArabic-Bold.ttf"),
        ("PassNotoSansEthiopic", "NotoSansEthiopic-Regular.ttf"),
        ("PassNotoSansGeorgian", "NotoSansGeorgian-Regular.ttf"),
        ("PassNotoSansArmenian", "NotoSansArmenian-Regular.ttf"),
        ("PassNotoSansHebrew", "NotoSansHebrew-Regular.ttf"),
    ),
}

# Format and direction controls: they did their work in reshaping and reordering and
# must not reach the page (some fonts draw them as boxes).
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


@dataclass(frozen=True, slots=True)
class _Font:
    name: str
    cmap: frozenset[int]
    widths: dict[int, int]  # advance per code point, in 1/1000 em
    default_width: int

    def width(self, code: int) -> float:
        return self.widths.get(code, self.default_width) / 1000.0


@dataclass(frozen=True, slots=True)
class Run:
    """Characters drawn in one font; ``width`` in em (multiply by the font size)."""

    font: str
    text: str
    width: float


_lock = threading.Lock()
_chains: dict[Style, tuple[_Font, ...]] = {}
# Per style: character -> index of the first font in the chain that has it.
_first_font: dict[Style, dict[str, int]] = {"regular": {}, "bold": {}}


def _font_path(file_name: str) -> str:
    return str(resources.files("passapp.resources").joinpath("fonts").joinpath(file_name))


def chain(style: Style) -> tuple[_Font, ...]:
    """The fonts of ``style`` in fallback order, registering them on first use."""
    fonts = _chains.get(style)
    if fonts is not None:
        return fonts
    # reportlab loads with the first text measured or drawn, not with the app.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if style not in _chains:
            loaded: list[_Font] = []
            registered = set(pdfmetrics.getRegisteredFontNames())
            for name, file_name in _CHAINS[style]:
                existing = pdfmetrics.getFont(name) if name in registered else None
                if isinstance(existing, TTFont):
                    ttf = existing
                else:
                    # shapable=False: reportlab's own Arabic shaping draws the letters in
                    # the wrong order; text arrives here reshaped and in visual order.
                    ttf = TTFont(name, _font_path(file_name), shapable=False)
                    pdfmetrics.registerFont(ttf)
                face = ttf.face
                loaded.append(
                    _Font(
                        name=name,
                        cmap=frozenset(face.charToGlyph),
                        widths=dict(face.charWidths),
                        default_width=int(face.defaultWidth),
                    )
                )
            _chains[style] = tuple(loaded)
        return _chains[style]


def font_name(style: Style) -> str:
    """The main (Latin) font of ``style``, for text known to be Latin."""
    return chain(style)[0].name


def _first(style: Style, char: str, fonts: tuple[_Font, ...]) -> int:
    index = _first_font[style].get(char)
    if index is None:
        code = ord(char)
        index = next((i for i, font in enumerate(fonts) if code in font.cmap), 0)
        _first_font[style][char] = index
    return index


def runs(visual: str, style: Style) -> tuple[Run, ...]:
    """Split text that is already in visual (left-to-right drawing) order into font runs."""
    fonts = chain(style)
    result: list[Run] = []
    current = -1
    start_text: list[str] = []
    width = 0.0
    for char in visual:
        if char in _INVISIBLE:
            continue
        code = ord(char)
        if current < 0 or code not in fonts[current].cmap:
            index = _first(style, char, fonts)
            if index != current and start_text:
                result.append(Run(fonts[current].name, "".join(start_text), width))
                start_text, width = [], 0.0
            current = index
        start_text.append(char)
        width += fonts[current].width(code)
    if start_text:
        result.append(Run(fonts[current].name, "".join(start_text), width))
    return tuple(result)


def text_width(text: str, style: Style) -> float:
    """Width of ``text`` in em; the same in logical and visual order."""
    return sum(run.width for run in runs(text, style))


def missing_characters(text: str) -> frozenset[str]:
    """Characters of ``text`` that no shipped font has (they would print as boxes).

    The issuing dialog can warn before printing a name in, e.g., Chinese characters.
    """
    fonts = chain("regular")
    return frozenset(
        char
        for char in text
        if not char.isspace()
        and char not in _INVISIBLE
        and not any(ord(char) in font.cmap for font in fonts)
    )


def embedded_font_files() -> tuple[str, ...]:
    """The shipped font files (for tests and the about box)."""
    return tuple(sorted({file for chain_ in _CHAINS.values() for _, file in chain_}))
