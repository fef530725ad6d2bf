"""A small page model: pages are lists of drawing operations, laid out before drawing.

Laying out first lets the renderer know the page count (for "page n of m" and for
imposing pass pages two to a sheet) and lets pages that are the same in every pass
(offers, stamp rows, privacy notice) be laid out once per process and reused.
Coordinates are points, origin bottom left as in PDF; ``draw`` gets the x offset of
the panel the page is placed on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, Protocol

from passapp.pdf import text as tx
from passapp.pdf.fonts import Style
from passapp.pdf.qr import QrSymbol
from passapp.pdf.qr import draw as draw_qr

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

Color = tuple[float, float, float]
Align = Literal["left", "right", "center"]

INK: Color = (0.1, 0.1, 0.1)
MUTED: Color = (0.36, 0.36, 0.36)
ACCENT: Color = (0.06, 0.25, 0.5)
RULE: Color = (0.62, 0.62, 0.62)
TINT: Color = (0.92, 0.94, 0.97)
WARN: Color = (0.72, 0.1, 0.1)

# Line heights as a multiple of the font size; Arabic script needs more room.
LEADING = 1.32
LEADING_RTL = 1.6
ASCENT = 0.98  # first baseline below the top of a text block, in em


class Op(Protocol):
    def draw(self, canvas: Canvas, dx: float) -> None: ...


@dataclass(frozen=True, slots=True)
class TextOp:
    x: float
    y: float  # baseline
    line: tx.Line
    color: Color = INK

    def draw(self, canvas: Canvas, dx: float) -> None:
        canvas.setFillColorRGB(*self.color)
        x = self.x + dx
        size = self.line.size
        for run in self.line.runs:
            canvas.setFont(run.font, size)
            canvas.drawString(x, self.y, run.text)
            x += run.width * size


@dataclass(frozen=True, slots=True)
class RectOp:
    x: float
    y: float
    width: float
    height: float
    stroke: Color | None = RULE
    fill: Color | None = None
    line_width: float = 0.5
    radius: float = 0.0

    def draw(self, canvas: Canvas, dx: float) -> None:
        if self.stroke is not None:
            canvas.setStrokeColorRGB(*self.stroke)
            canvas.setLineWidth(self.line_width)
        if self.fill is not None:
            canvas.setFillColorRGB(*self.fill)
        stroke, fill = int(self.stroke is not None), int(self.fill is not None)
        if self.radius:
            canvas.roundRect(
                self.x + dx, self.y, self.width, self.height, self.radius, stroke, fill
            )
        else:
            canvas.rect(self.x + dx, self.y, self.width, self.height, stroke, fill)


@dataclass(frozen=True, slots=True)
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color = RULE
    width: float = 0.5
    dash: tuple[float, ...] = ()

    def draw(self, canvas: Canvas, dx: float) -> None:
        canvas.setStrokeColorRGB(*self.color)
        canvas.setLineWidth(self.width)
        if self.dash:
            canvas.setDash(list(self.dash), 0)
        canvas.line(self.x1 + dx, self.y1, self.x2 + dx, self.y2)
        if self.dash:
            canvas.setDash([], 0)


@dataclass(frozen=True, slots=True)
class QrOp:
    x: float
    y: float
    symbol: QrSymbol

    def draw(self, canvas: Canvas, dx: float) -> None:
        draw_qr(canvas, self.symbol, self.x + dx, self.y)


def leading(size: float, rtl: bool) -> float:
    return size * (LEADING_RTL if rtl else LEADING)


def place_lines(
    lines: Sequence[tx.Line],
    x: float,
    width: float,
    top: float,
    *,
    rtl: bool = False,
    align: Align | None = None,
    color: Color = INK,
) -> tuple[list[Op], float]:
    """Ops for ``lines`` in a column from ``top`` down; returns (ops, height used)."""
    align = align or ("right" if rtl else "left")
    ops: list[Op] = []
    y = top
    for line in lines:
        step = leading(line.size, rtl)
        baseline = y - line.size * ASCENT
        if align == "right":
            left = x + width - line.width
        elif align == "center":
            left = x + (width - line.width) / 2
        else:
            left = x
        ops.append(TextOp(left, baseline, line, color))
        y -= step
    return ops, top - y


@dataclass
class Writer:
    """Fills pages top to bottom between margins, starting a new page when full."""

    left: float
    right: float
    top: float
    bottom: float
    header: Callable[[Writer], None] | None = None
    pages: list[list[Op]] = field(default_factory=list)
    y: float = 0.0

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top
        if self.header is not None:
            self.header(self)

    def fits(self, height: float) -> bool:
        return self.y - height >= self.bottom - 0.01

    def ensure(self, height: float) -> None:
        if not self.pages or not self.fits(height):
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    def add(self, ops: list[Op], height: float) -> None:
        self.ops.extend(ops)
        self.y -= height

    def paragraph(
        self,
        text: str,
        style: Style,
        size: float,
        *,
        rtl: bool = False,
        color: Color = INK,
        x: float | None = None,
        width: float | None = None,
        keep_together: bool = False,
        align: Align | None = None,
    ) -> None:
        """Wrapped text; moves to a new page between lines (or before, if kept together)."""
        rtl = rtl and tx.has_rtl(text)  # e.g. a German address in an Arabic section
        left = self.left if x is None else x
        span = self.width if width is None else width
        lines = tx.wrap(text, style, size, span, rtl)
        if keep_together:
            self.ensure(len(lines) * leading(size, rtl))
        for line in lines:
            self.ensure(leading(size, rtl))
            ops, height = place_lines([line], left, span, self.y, rtl=rtl, color=color, align=align)
            self.add(ops, height)


def block_height(lines: Sequence[tx.Line], rtl: bool) -> float:
    return sum(leading(line.size, rtl) for line in lines)


def shifted(op: Op, dy: float) -> Op:
    """``op`` moved up by ``dy`` (blocks are laid out from y = 0, then put in place)."""
    if isinstance(op, TextOp | RectOp | QrOp):
        return replace(op, y=op.y + dy)
    if isinstance(op, LineOp):
        return replace(op, y1=op.y1 + dy, y2=op.y2 + dy)
    raise TypeError(f"cannot shift {op!r}")
