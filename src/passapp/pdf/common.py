"""Pieces shared by the pass and the entry sheet: bilingual labels, headings, documents."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import text as tx
from passapp.pdf.fonts import Style, font_name
from passapp.pdf.layout import (
    ACCENT,
    MUTED,
    Align,
    Color,
    LineOp,
    Op,
    Writer,
    leading,
    place_lines,
)
from passapp.pdf.translations import PrintTexts

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

MM = 72.0 / 25.4
# reportlab.lib.pagesizes.A4 (210 × 297 mm in points, the same floats), written out so that
# the page modules import without reportlab: it loads with the first document drawn.
A4 = (210 * MM, 297 * MM)
A4_LANDSCAPE = (A4[1], A4[0])


def german_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def bilingual(
    german: str,
    other: str | None,
    rtl: bool,
    x: float,
    width: float,
    top: float,
    *,
    style: Style = "regular",
    size: float = 7.0,
    color: Color = MUTED,
    other_size: float | None = None,
) -> tuple[list[Op], float]:
    """German text with its translation beside it (same line) or, if too long, below.

    Left-to-right translations follow after " / "; right-to-left ones stand at the right
    end of the column, right-aligned.
    """
    other_size = other_size or size
    rtl = rtl and other is not None and tx.has_rtl(other)
    if other is None or other == german:
        lines = tx.wrap(german, style, size, width)
        return place_lines(lines, x, width, top, color=color)
    if not rtl:
        joined = f"{german} / {other}"
        if other_size == size and tx.width(joined, style, size) <= width:
            return place_lines([tx.line(joined, style, size)], x, width, top, color=color)
        ops, height = place_lines(tx.wrap(german, style, size, width), x, width, top, color=color)
        more, extra = place_lines(
            tx.wrap(other, style, other_size, width), x, width, top - height, color=color
        )
        return ops + more, height + extra
    german_line = tx.line(german, style, size)
    other_line = tx.line(other, style, other_size, rtl=True)
    if german_line.width + other_line.width + 4 * MM <= width:
        ops, height = place_lines([german_line], x, width, top, color=color)
        # Same baseline for both, even if the sizes differ.
        baseline_shift = (other_size - size) * 0.98
        more, extra = place_lines(
            [other_line], x, width, top + baseline_shift, rtl=True, color=color
        )
        return ops + more, max(height, extra - baseline_shift, leading(size, True))
    ops, height = place_lines(tx.wrap(german, style, size, width), x, width, top, color=color)
    more, extra = place_lines(
        tx.wrap(other, style, other_size, width, rtl=True),
        x,
        width,
        top - height,
        rtl=True,
        color=color,
    )
    return ops + more, height + extra


def heading(
    writer: Writer,
    german: str,
    second: PrintTexts | None,
    other: str | None,
    *,
    size: float = 13.0,
    gap_after: float = 3.0 * MM,
) -> None:
    """A page heading: German in bold, the translation below, a rule."""
    lines = [tx.fit(german, "bold", size, writer.width, size * 0.7)]
    ops, height = place_lines(lines, writer.left, writer.width, writer.y, color=ACCENT)
    writer.add(ops, height)
    if second is not None and other:
        more, extra = place_lines(
            tx.wrap(other, "regular", size * 0.72, writer.width, second.rtl),
            writer.left,
            writer.width,
            writer.y,
            rtl=second.rtl,
            color=ACCENT,
        )
        writer.add(more, extra)
    writer.space(1.2 * MM)
    writer.add([LineOp(writer.left, writer.y, writer.right, writer.y, ACCENT, 0.8)], gap_after)


def paragraph_pair(
    writer: Writer,
    german: str,
    second: PrintTexts | None,
    other: str | None,
    size: float,
    color: Color = MUTED,
) -> None:
    """A German paragraph with its translation below."""
    writer.paragraph(german, "regular", size, color=color)
    if second is not None and other:
        writer.space(0.6 * MM)
        writer.paragraph(other, "regular", size, rtl=second.rtl, color=color)


def translated_title_lines(
    title: str | None, second: PrintTexts | None, size: float, width: float
) -> tuple[list[tx.Line], bool]:
    """An offer's title in the document's second language, set as the pass sets it under
    the German one: bold, wrapped to ``width``, shaped and right-aligned where its script
    runs right to left; cut with "…" beyond the field's limit (an older database), so its
    layout time stays bounded. Returns (lines, right to left); no lines where the offer has
    no such title or the document no second language."""
    if second is None or not title:
        return [], False
    rtl = second.rtl and tx.has_rtl(title)
    text = tx.elide(title, TEXT_FIELDS["offer.title_translation"].max_length)
    return tx.wrap(text, "bold", size, width, rtl), rtl


def cell_lines(
    text: str, style: Style, size: float, width: float, rtl: bool = False
) -> list[tx.Line]:
    return tx.wrap(text, style, size, width, rtl) if text else []


def align_for(rtl: bool) -> Align:
    return "right" if rtl else "left"


def new_canvas(
    buffer: io.BytesIO, pagesize: tuple[float, float], title: str, author: str
) -> Canvas:
    from reportlab.pdfgen.canvas import Canvas

    # The initial font is one of ours, so no unembedded Helvetica is referenced.
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=True,
        pageCompression=1,
        initialFontName=font_name("regular"),  # type: ignore[arg-type]  # stub says float
        initialFontSize=10,
        lang="de",
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("passapp")
    canvas.setProducer("passapp (reportlab)")
    return canvas


def draw_page(canvas: Canvas, ops: Iterable[Op] | Sequence[Op], dx: float = 0.0) -> None:
    for op in ops:
        op.draw(canvas, dx)
