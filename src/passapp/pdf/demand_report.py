"""The demand figures as an A4 PDF for the network meeting (issue 11, item 3).

A title page (district, date, filters, what "<5" and "•" mean, the data protection note,
the contents with page numbers), then one section per table: its title, its chart
(:mod:`passapp.pdf.demand_charts`) and the table itself with the "Summe" column and row
as in the CSV. Only ``Cell.text`` is printed: a suppressed cell's count never reaches the
page. Wide tables (months as columns) are split into blocks of columns that fit the page,
each block repeating the row labels; long labels wrap (at most a few lines, then "…").

This package sits below the services: the report comes in as :class:`DemandPrint`, whose
tables are read through the :class:`~passapp.pdf.demand_charts.ChartTable` protocol.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from passapp.domain.suppression import Cell
from passapp.pdf import text as tx
from passapp.pdf.common import A4, MM, draw_page, german_date, new_canvas
from passapp.pdf.demand_charts import ChartTable, chart_png
from passapp.pdf.fonts import Style
from passapp.pdf.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    TINT,
    LineOp,
    Op,
    RectOp,
    TextOp,
    Writer,
    leading,
    place_lines,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * MM
LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
TOP, BOTTOM = PAGE_HEIGHT - MARGIN, 20 * MM
FOOTER_BASELINE = 10 * MM
SIZE = 9.5
CELL = 7.5
PAD = 1.6 * MM
LABEL_LINES = 3  # a row label wraps to at most this many lines, then "…"
HEADER_LINES = 4
LABEL_SHARE = 0.36  # of the text width, at most, for the row labels
MIN_NUMBER_COLUMN = 10 * MM
MAX_HEADER_WORD = 30 * MM
CHART_SHARE = 0.62  # of the page's text height, at most, for a chart
CHART_DPI = 200
# The chart as wide as the text at its own dpi: its 6–9 pt labels print at 6–9 pt.
CHART_PX = round((RIGHT - LEFT) / 72 * CHART_DPI)
TOTAL = "Summe"

PROTECTION_NOTE = (
    "Dieser Bericht enthält nur Anzahlen, keine Angaben zu einzelnen Personen. "
    "Er ist für die Planung von Sprach- und Bildungsangeboten im Netzwerk bestimmt. Bitte "
    "nicht mit anderen Listen oder Auswertungen zusammenführen, keine Rückschlüsse auf "
    "einzelne Personen versuchen und nur an Stellen weitergeben, die an der Planung "
    "beteiligt sind. Grundlage sind die Daten, die die Ausgabestellen mit Einwilligung der "
    "Passinhaberinnen und Passinhaber an den Landkreis übermittelt haben."
)
MARKS = (
    ("<5", "eine Zahl von 0 bis 4 (auch 0), geheim gehalten."),
    (
        "•",
        "eine Zahl, die geheim gehalten ist, damit keine „<5“-Zahl aus Zeilen- oder "
        "Spaltensummen errechnet werden kann; sie kann klein oder groß sein.",
    ),
)
NO_CHART = (
    "Kein Diagramm: jede Zahl im Innern dieser Tabelle ist geheim gehalten („<5“ oder „•“); "
    "veröffentlicht sind höchstens Summen."
)


@dataclass(frozen=True, slots=True)
class DemandPrint:
    """What the report prints; ``tables`` are the services' ``DemandTable`` objects."""

    district_name: str
    made_on: dt.date
    filters: str  # in German, e.g. "alle Passinhaber"
    suppression_note: str  # the note every file of the figures carries
    tables: tuple[ChartTable, ...]


@dataclass(frozen=True, slots=True)
class ImageOp:
    x: float
    y: float  # bottom
    width: float
    height: float
    png: bytes

    def draw(self, canvas: Canvas, dx: float) -> None:
        from reportlab.lib.utils import ImageReader

        canvas.drawImage(
            ImageReader(io.BytesIO(self.png)), self.x + dx, self.y, self.width, self.height
        )


def render_demand_report(report: DemandPrint) -> bytes:
    """The report as A4 PDF bytes."""
    writer = Writer(LEFT, RIGHT, TOP, BOTTOM)
    writer.new_page()
    contents = _title_page(writer, report)
    starts = []
    for table in report.tables:
        writer.new_page()
        starts.append(len(writer.pages))
        _table_section(writer, table)
    for (page, y), number in zip(contents, starts, strict=True):
        number_line = tx.line(str(number), "regular", SIZE)
        writer.pages[page].append(TextOp(RIGHT - number_line.width, y, number_line, INK))
    return _drawn(writer.pages, report)


def _title(report: DemandPrint) -> str:
    return " – ".join(part for part in ("Bedarfszahlen", report.district_name) if part)


def _drawn(pages: Sequence[Sequence[Op]], report: DemandPrint) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, title=_title(report), author=report.district_name or "")
    for number, page in enumerate(pages, start=1):
        draw_page(canvas, page)
        draw_page(canvas, _footer(report, number, len(pages)))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _footer(report: DemandPrint, number: int, total: int) -> list[Op]:
    text = f"{_title(report)} · Stand {german_date(report.made_on)} · kleine Zahlen geheim"
    left = tx.fit(text, "regular", 7, (RIGHT - LEFT) * 0.78, 5)
    right = tx.line(f"Seite {number} von {total}", "regular", 7)
    return [
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    ]


# --- the title page ----------------------------------------------------------------------


def _title_page(writer: Writer, report: DemandPrint) -> list[tuple[int, float]]:
    """The title page; returns where each table's page number goes (page, baseline)."""
    _heading(writer, "Bedarfszahlen für die Planung von Sprach- und Bildungsangeboten", 17)
    if report.district_name:
        writer.paragraph(tx.elide(report.district_name, 200), "bold", 12, color=ACCENT)
    writer.paragraph("Netzwerk Bildung und Arbeit für Neuzugewanderte", "regular", SIZE)
    writer.space(3 * MM)
    writer.paragraph(f"Stand: {german_date(report.made_on)}", "regular", SIZE)
    writer.paragraph(f"Auswahl: {tx.elide(report.filters, 400)}", "regular", SIZE)
    _section_heading(writer, "Kleine Zahlen")
    writer.paragraph(report.suppression_note, "regular", SIZE)
    writer.space(1.5 * MM)
    for mark, meaning in MARKS:
        _mark_line(writer, mark, meaning)
    _section_heading(writer, "Datenschutz")
    writer.paragraph(PROTECTION_NOTE, "regular", SIZE)
    _section_heading(writer, "Inhalt")
    slots = []
    for number, table in enumerate(report.tables, start=1):
        lines = tx.wrap(
            f"{number}. {table.title}", "regular", SIZE, writer.width - 14 * MM, False, 2
        )
        writer.ensure(len(lines) * leading(SIZE, False))
        ops, height = place_lines(lines, writer.left, writer.width, writer.y)
        slots.append((len(writer.pages) - 1, writer.y - SIZE * 0.98))
        writer.add(ops, height + 0.8 * MM)
    return slots


def _mark_line(writer: Writer, mark: str, meaning: str) -> None:
    indent = 9 * MM
    lines = tx.wrap(meaning, "regular", SIZE, writer.width - indent)
    writer.ensure(len(lines) * leading(SIZE, False))
    mark_ops, _ = place_lines([tx.line(f"„{mark}“", "bold", SIZE)], writer.left, indent, writer.y)
    ops, height = place_lines(lines, writer.left + indent, writer.width - indent, writer.y)
    writer.add(mark_ops + ops, height + 1 * MM)


def _heading(writer: Writer, text: str, size: float) -> None:
    lines = tx.wrap(text, "bold", size, writer.width, False, 4)
    writer.ensure(sum(leading(line.size, False) for line in lines) + 30 * MM)
    ops, height = place_lines(lines, writer.left, writer.width, writer.y, color=ACCENT)
    writer.add(ops, height)
    writer.space(1 * MM)
    writer.add([LineOp(writer.left, writer.y, writer.right, writer.y, ACCENT, 0.7)], 3 * MM)


def _section_heading(writer: Writer, text: str) -> None:
    writer.space(4 * MM)
    _heading(writer, text, 11.5)


# --- one table ---------------------------------------------------------------------------


def _table_section(writer: Writer, table: ChartTable) -> None:
    _heading(writer, table.title, 12.5)
    _chart(writer, table)
    writer.space(3 * MM)
    _table(writer, table)


def _chart(writer: Writer, table: ChartTable) -> None:
    png = chart_png(table, width_px=CHART_PX, dpi=CHART_DPI)
    if png is None:
        writer.paragraph(NO_CHART, "regular", SIZE, color=MUTED)
        return
    from reportlab.lib.utils import ImageReader

    pixels_wide, pixels_high = ImageReader(io.BytesIO(png)).getSize()
    width = writer.width
    height = width * pixels_high / pixels_wide
    most = (TOP - BOTTOM) * CHART_SHARE
    if height > most:  # a tall chart (many rows) is made narrower, not cut
        width, height = width * most / height, most
    writer.ensure(height)
    x = writer.left + (writer.width - width) / 2
    writer.add([ImageOp(x, writer.y - height, width, height, png)], height)


@dataclass(frozen=True, slots=True)
class _Column:
    header: tuple[tx.Line, ...]
    width: float


def _table(writer: Writer, table: ChartTable) -> None:
    labels = (*table.row_labels, TOTAL)
    rows = table.table.grid()
    headers = (*table.column_labels, TOTAL)
    columns = [_column(header, [row[c] for row in rows]) for c, header in enumerate(headers)]
    label_width = _label_width(table.row_label, labels)
    blocks = _blocks(columns, writer.width - label_width)
    for number, block in enumerate(blocks, start=1):
        if len(blocks) > 1:
            first, last = block[0] + 1, block[-1] + 1
            note = f"Spalten {first}–{last} von {len(columns)} ({number}. Teil)"
            writer.space(1 * MM)
            # The note stays with its block: room for it, the header and three rows.
            writer.ensure(leading(CELL, False) * (1 + HEADER_LINES + 3 * LABEL_LINES))
            writer.paragraph(note, "regular", CELL, color=MUTED)
        _block(writer, table.row_label, labels, rows, [(c, columns[c]) for c in block], label_width)
        writer.space(3 * MM)


def _column(header: str, cells: Sequence[Cell]) -> _Column:
    widest_cell = max(tx.width(cell.text, "regular", CELL) for cell in cells)
    words = tx.elide(header, 200).split() or [""]
    widest_word = min(max(tx.width(word, "bold", CELL) for word in words), MAX_HEADER_WORD)
    # One point more than the widest word: wrapping compares widths in floating point.
    width = max(widest_cell, widest_word, MIN_NUMBER_COLUMN - 2 * PAD) + 2 * PAD + 1
    lines = tx.wrap(tx.elide(header, 200), "bold", CELL, width - 2 * PAD, False, HEADER_LINES)
    return _Column(tuple(lines), width)


def _label_width(row_label: str, labels: Sequence[str]) -> float:
    widest = max(tx.width(tx.elide(label, 120), "regular", CELL) for label in labels)
    header_word = max(tx.width(word, "bold", CELL) for word in [*row_label.split(), ""])
    return min(max(widest, header_word) + 2 * PAD + 1, (RIGHT - LEFT) * LABEL_SHARE)


def _blocks(columns: Sequence[_Column], room: float) -> list[list[int]]:
    """Columns in blocks that fit ``room`` side by side (at least one per block)."""
    blocks: list[list[int]] = [[]]
    used = 0.0
    for index, column in enumerate(columns):
        if blocks[-1] and used + column.width > room:
            blocks.append([])
            used = 0.0
        blocks[-1].append(index)
        used += column.width
    return blocks


def _block(
    writer: Writer,
    row_label: str,
    labels: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    columns: Sequence[tuple[int, _Column]],
    label_width: float,
) -> None:
    last = len(rows) - 1
    wrapped = [
        tx.wrap(label, _style(i == last), CELL, label_width - 2 * PAD, False, LABEL_LINES)
        for i, label in enumerate(labels)
    ]
    heights = [len(lines) * leading(CELL, False) + 1.2 * PAD for lines in wrapped]
    _header_row(writer, row_label, columns, label_width)
    for index, row in enumerate(rows):
        # The totals row never stands alone on a page: the row before it goes along.
        needed = heights[index] + (heights[last] if index == last - 1 else 0)
        if not writer.fits(needed):
            writer.new_page()
            _header_row(writer, row_label, columns, label_width)
        shape = _RowShape(index, index == last, heights[index], label_width)
        writer.add(_row_ops(writer, shape, wrapped[index], row, columns), heights[index])


def _style(bold: bool) -> Style:
    return "bold" if bold else "regular"


@dataclass(frozen=True, slots=True)
class _RowShape:
    index: int
    is_total: bool
    height: float
    label_width: float


def _row_ops(
    writer: Writer,
    shape: _RowShape,
    label: Sequence[tx.Line],
    row: Sequence[Cell],
    columns: Sequence[tuple[int, _Column]],
) -> list[Op]:
    top, span = writer.y, _span(columns, shape.label_width)
    ops: list[Op] = []
    if shape.is_total:
        ops.append(LineOp(writer.left, top, writer.left + span, top, INK, 0.6))
    elif shape.index % 2:
        ops.append(RectOp(writer.left, top - shape.height, span, shape.height, None, TINT))
    text_top = top - PAD * 0.6
    label_ops, _ = place_lines(label, writer.left + PAD, shape.label_width - 2 * PAD, text_top)
    ops.extend(label_ops)
    x = writer.left + shape.label_width
    for c, column in columns:
        cell = row[c]
        line = tx.line(cell.text, _style(shape.is_total or c == len(row) - 1), CELL)
        right = x + column.width - PAD - line.width
        ops.append(TextOp(right, text_top - CELL * 0.98, line, MUTED if cell.suppressed else INK))
        x += column.width
    return ops


def _span(columns: Sequence[tuple[int, _Column]], label_width: float) -> float:
    return label_width + sum(column.width for _c, column in columns)


def _header_row(
    writer: Writer, row_label: str, columns: Sequence[tuple[int, _Column]], label_width: float
) -> None:
    label_lines = tx.wrap(
        tx.elide(row_label, 200), "bold", CELL, label_width - 2 * PAD, False, HEADER_LINES
    )
    deepest = max(len(label_lines), *(len(column.header) for _c, column in columns))
    height = deepest * leading(CELL, False) + 2 * PAD * 0.6
    writer.ensure(height + 3 * leading(CELL, False))  # the header never stands alone
    top = writer.y
    ops, _ = place_lines(label_lines, writer.left + PAD, label_width - 2 * PAD, top - PAD * 0.6)
    x = writer.left + label_width
    for _c, column in columns:
        more, _ = place_lines(
            column.header, x + PAD, column.width - 2 * PAD, top - PAD * 0.6, align="right"
        )
        ops.extend(more)
        x += column.width
    span = _span(columns, label_width)
    ops.append(LineOp(writer.left, top - height, writer.left + span, top - height, RULE, 0.6))
    writer.add(ops, height)
