"""The entry sheet: the holder's entries so far on A4 portrait, handed out on request."""

from __future__ import annotations

import io

from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import text as tx
from passapp.pdf.common import (
    A4,
    MM,
    align_for,
    bilingual,
    draw_page,
    german_date,
    heading,
    new_canvas,
    paragraph_pair,
    translated_title_lines,
)
from passapp.pdf.fonts import Style
from passapp.pdf.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    TINT,
    WARN,
    Color,
    LineOp,
    Op,
    RectOp,
    TextOp,
    Writer,
    place_lines,
    shifted,
)
from passapp.pdf.model import EntryLine, EntrySheet
from passapp.pdf.translations import PrintTexts, second_language, texts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * MM
LEFT = MARGIN
RIGHT = PAGE_WIDTH - MARGIN
TOP = PAGE_HEIGHT - MARGIN
BOTTOM = 20 * MM
FOOTER_BASELINE = 10 * MM
SIZE = 7.8
PAD = 1.3 * MM

_COLUMNS: tuple[tuple[str, float], ...] = (
    ("col_date", 18 * MM),
    ("col_kind", 26 * MM),
    ("col_title", 44 * MM),
    ("col_level", 13 * MM),
    ("col_result", 21 * MM),
    ("col_office", 33 * MM),
    ("col_status", 25 * MM),
)
TRANSLATED_SIZE = SIZE - 0.3  # as on the pass: a little smaller than the German title

# A cell's text block: its lines, colour and whether it runs right to left.
Part = tuple[list[tx.Line], Color, bool]


def render_entry_sheet(data: EntrySheet) -> bytes:
    """The holder's entries as an A4 PDF (German, with the second language's labels)."""
    de = texts("de")
    second = second_language(data.language)
    rtl = bool(second and second.rtl)
    first_page = True

    def header(writer: Writer) -> None:
        if first_page:
            return
        line = tx.line(f"{de['entries_title']} · {data.pass_number}", "bold", 9)
        writer.add(*place_lines([line], LEFT, writer.width, writer.y, color=ACCENT))
        writer.space(2 * MM)
        _table_header(writer, de, second)

    writer = Writer(LEFT, RIGHT, TOP, BOTTOM, header=header)
    writer.new_page()
    first_page = False
    writer.add(
        *place_lines([tx.line(de["title"], "bold", 9)], LEFT, writer.width, writer.y, color=ACCENT)
    )
    writer.space(1 * MM)
    heading(
        writer, de["entries_title"], second, second["entries_title"] if second else None, size=16
    )
    _holder(writer, data, de, second)
    writer.space(2 * MM)
    paragraph_pair(
        writer, de["entries_note"], second, second["entries_note"] if second else None, 7.5
    )
    writer.space(4 * MM)
    _table_header(writer, de, second)
    if not data.entries:
        writer.space(2 * MM)
        writer.add(
            *bilingual(
                de["no_entries"],
                second["no_entries"] if second else None,
                rtl,
                LEFT,
                writer.width,
                writer.y,
                size=9,
                color=INK,
            )
        )
    for entry in data.entries:
        row_ops, height = _row(entry, second)
        writer.ensure(height)
        writer.add([shifted(op, writer.y) for op in row_ops], height)

    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, A4, title=f"{de['entries_title']} {data.pass_number}", author=data.office_name
    )
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        draw_page(canvas, page)
        draw_page(canvas, _footer(de, data.pass_number, number, total))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _footer(de: PrintTexts, pass_number: str, number: int, total: int) -> list[Op]:
    left = tx.line(f"{de['title']} · {pass_number}", "regular", 7)
    right = tx.line(de["page"].format(n=number, total=total), "regular", 7)
    return [
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    ]


def _holder(writer: Writer, data: EntrySheet, de: PrintTexts, second: PrintTexts | None) -> None:
    rtl = bool(second and second.rtl)
    cells = (
        ("family_names", _field(data.family_names, "person.family_names"), 0.29),
        ("given_names", _field(data.given_names, "person.given_names"), 0.29),
        ("birth_date", data.birth_date.german(), 0.19),
        ("pass_number", data.pass_number, 0.23),
    )
    x = LEFT
    height = 0.0
    ops: list[Op] = []
    for key, value, share in cells:
        column = writer.width * share - 3 * MM
        label_ops, label_height = bilingual(
            de[key], second[key] if second else None, rtl, x, column, 0.0, size=7
        )
        value_lines = tx.wrap(value, "bold", 10.5, column, tx.has_rtl(value))
        value_ops, value_height = place_lines(
            value_lines, x, column, -label_height, align="left", color=INK
        )
        ops += label_ops + value_ops
        height = max(height, label_height + value_height)
        x += writer.width * share
    writer.add([shifted(op, writer.y) for op in ops], height)
    writer.space(1.5 * MM)
    printed = f"{german_date(data.printed_on)} · {_field(data.office_name, 'office.name')}"
    label_ops, label_height = bilingual(
        de["printed_on"],
        second["printed_on"] if second else None,
        rtl,
        LEFT,
        writer.width,
        0.0,
        size=7,
    )
    value_ops, value_height = place_lines(
        tx.wrap(printed, "regular", 9, writer.width), LEFT, writer.width, -label_height, color=INK
    )
    writer.add([shifted(op, writer.y) for op in label_ops + value_ops], label_height + value_height)


def _table_header(writer: Writer, de: PrintTexts, second: PrintTexts | None) -> None:
    rtl = bool(second and second.rtl)
    ops: list[Op] = []
    height = 0.0
    x = LEFT
    for key, column in _COLUMNS:
        inner = column - 2 * PAD
        cell, cell_height = place_lines(tx.wrap(de[key], "bold", 7.5, inner), x + PAD, inner, -PAD)
        if second:
            more, extra = place_lines(
                tx.wrap(second[key], "regular", 7, inner, rtl),
                x + PAD,
                inner,
                -PAD - cell_height,
                rtl=rtl,
                color=MUTED,
            )
            cell += more
            cell_height += extra
        ops += cell
        height = max(height, cell_height + 2 * PAD)
        x += column
    top = writer.y
    writer.ops.append(RectOp(LEFT, top - height, writer.width, height, None, TINT))
    writer.add([shifted(op, top) for op in ops], height)
    writer.ops.append(LineOp(LEFT, writer.y, RIGHT, writer.y, ACCENT, 0.8))


def _row(entry: EntryLine, second: PrintTexts | None = None) -> tuple[list[Op], float]:
    """One entry's row, laid out from y = 0 down."""
    # Stored text longer than its field allows (an older database) is cut with "…": a
    # row must fit on one page, and its layout time must stay bounded.
    cells: list[list[tuple[str, Style, Color]]] = [
        [(german_date(entry.date), "regular", INK)],
        [(entry.kind_label, "regular", INK)],
        [
            (_field(entry.title, "entry.title"), "bold", INK),
            (_field(entry.provider, "entry.provider"), "regular", MUTED),
        ],
        [(entry.level or "", "regular", INK)],
        [(_field(entry.result, "entry.result"), "regular", INK)],
        [(_field(entry.office, "office.name"), "regular", INK)],
        [(entry.status_label or "", "regular", INK), (entry.note or "", "bold", WARN)],
    ]
    ops: list[Op] = []
    height = 0.0
    x = LEFT
    for (key, column), values in zip(_COLUMNS, cells, strict=True):
        inner = column - 2 * PAD
        parts = [_part(value, style, color, inner) for value, style, color in values if value]
        if key == "col_title":
            translated = translated_title_lines(
                entry.title_translation, second, TRANSLATED_SIZE, inner
            )
            parts.insert(1 if entry.title else 0, (translated[0], INK, translated[1]))
        y = -PAD
        for lines, color, rtl in parts:
            more, used = place_lines(
                lines, x + PAD, inner, y, rtl=rtl, align=align_for(rtl), color=color
            )
            ops += more
            y -= used
        height = max(height, -y + PAD)
        x += column
    ops.append(LineOp(LEFT, -height, RIGHT, -height, RULE, 0.4))
    return ops, height


def _part(value: str, style: Style, color: Color, inner: float) -> Part:
    """A stored value wrapped to its cell (shaped if right to left, kept left-aligned as
    the column's other values)."""
    return tx.wrap(value, style, SIZE, inner, tx.has_rtl(value)), color, False


def _field(text: str | None, key: str) -> str:
    return tx.elide(text or "", TEXT_FIELDS[key].max_length)
