"""The printed Bildungs- und Beratungspass: A5 pages, two to an A4 sheet, folded once.

Format. A counter's ordinary A4 laser printer prints one side of A4 paper at a time,
without duplex or booklet settings. The pass is therefore an **A5 booklet imposed two
pages to a landscape A4 sheet, printed on one side only**: each sheet is folded once in
the middle with the print outside (marks at the top and bottom show the fold, and a line
in the top margin of every sheet tells the clerk how to fold and assemble), which gives
one stiff double-thickness leaf with a page on each face. The leaves are laid on each
other in order (page numbers in the footers) and, if wanted, stapled at the fold.
Sheet *k* carries page 2k-1 (front of the leaf) on the right half and page 2k (its back)
on the left half, so the cover is the right half of the first sheet.

Why not A6 on A4: a single-sided sheet folded twice gives only four A6 faces, too small
for a bilingual offers guide, stamp fields a rubber stamp fits into, and a readable
privacy notice; more A6 pages need duplex or cutting. Why not A5 paper: it needs a
second tray or manual feed, and an A5 PDF sent to an A4 printer is often scaled, which
breaks the QR's whole-dot modules. An A4 PDF prints at 100 % everywhere.

Print at 100 % ("Tatsächliche Größe"), one-sided. Text keeps 12 mm to the paper edges
and to the fold (only the footer line and the folding note lie closer to the edge; the
fold marks keep 11 mm, out of the 4–5 mm a printer leaves unprinted); the QR
code with its white 4-module quiet zone keeps 12 mm too (DESIGN §5 asks for 10 mm), and
its modules are whole 600 dpi printer dots (:mod:`passapp.pdf.qr`).

Pages: cover (holder, pass number, office, issue date, QR); the offers guide by
category; stamp rows for entries made on paper (as many pages as make the count even,
at least two); the privacy notice in German and, on its own page, the second language.
Pages that are the same in every pass are laid out once per process and reused.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from passapp.domain.text import TEXT_FIELDS
from passapp.pdf import text as tx
from passapp.pdf.common import (
    A4_LANDSCAPE,
    MM,
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
    QrOp,
    RectOp,
    TextOp,
    Writer,
    block_height,
    leading,
    place_lines,
    shifted,
)
from passapp.pdf.model import OfferLine, PassPrint
from passapp.pdf.qr import QrSymbol, encode
from passapp.pdf.translations import PrintTexts, second_language, texts

SHEET_WIDTH, SHEET_HEIGHT = A4_LANDSCAPE
PAGE_WIDTH = SHEET_WIDTH / 2  # one A5 page
PAGE_HEIGHT = SHEET_HEIGHT
MARGIN = 12 * MM  # to paper edge and fold alike
LEFT = MARGIN
RIGHT = PAGE_WIDTH - MARGIN
TOP = PAGE_HEIGHT - MARGIN
BOTTOM = 15 * MM  # above the footer
FOOTER_BASELINE = 8.5 * MM
MIN_RECORD_PAGES = 2
RECORD_ROW_HEIGHT = 21 * MM
FOLD_MARK_INSET = 11 * MM  # from the paper edge: printers leave 4-5 mm blank
FOLD_MARK_LENGTH = 4 * MM
FOLD_NOTE_BASELINE = SHEET_HEIGHT - 10.5 * MM  # below the sample band (7 mm), above the text
# For the clerk who prints and folds, not for the holder: German only, not a print text
# (those come in every language).
FOLD_NOTE = (
    "Blatt {n} von {total} · einseitig drucken · an den Marken in der Mitte falten, "
    "Druck außen · Blätter der Reihe nach aufeinanderlegen"
)

Page = tuple[Op, ...]


def render_pass(data: PassPrint) -> bytes:
    """The pass as a PDF: A4 landscape sheets, each two A5 pages to fold."""
    second = second_language(data.language)
    german = texts("de")
    symbol = encode(data.qr_digits)
    lang = second.code if second else None

    cover = _cover(data, german, second, symbol)
    offers = _offer_pages(tuple(data.offers), data.offers_are_sample, lang)
    privacy = _privacy_pages(lang, data.privacy_contact, data.retention_years)
    records_page = _records_page(lang)
    record_count = MIN_RECORD_PAGES
    if (1 + len(offers) + record_count + len(privacy)) % 2:
        record_count += 1
    inner: list[Page] = [*offers, *([records_page] * record_count), *privacy]
    pages: list[Sequence[Op]] = [cover]
    total = len(inner) + 1
    for number, page in enumerate(inner, start=2):
        pages.append((*page, *_footer(german["title"], data.pass_number, number, total)))
    if data.shows_sample_data:
        band = _sample_band(second)
        pages = [(*page, *band) for page in pages]

    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer,
        (SHEET_WIDTH, SHEET_HEIGHT),
        title=f"{german['title']} {data.pass_number}",
        author=data.office_name,
    )
    canvas.setSubject(data.district_name)
    sheets = len(pages) // 2
    for sheet in range(0, len(pages), 2):
        draw_page(canvas, _FOLD_MARKS)
        draw_page(canvas, _fold_note(sheet // 2 + 1, sheets))
        draw_page(canvas, pages[sheet + 1], 0.0)  # back of the leaf, left half
        draw_page(canvas, pages[sheet], PAGE_WIDTH)  # front of the leaf, right half
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def page_count(data: PassPrint) -> int:
    """How many A5 pages the pass has (twice the number of A4 sheets)."""
    lang = data.language if data.language not in (None, "de") else None
    offers = _offer_pages(tuple(data.offers), data.offers_are_sample, lang)
    fixed = (
        1
        + len(offers)
        + len(_privacy_pages(lang, data.privacy_contact, data.retention_years))
        + MIN_RECORD_PAGES
    )
    return fixed + fixed % 2


_FOLD_MARKS: Page = (
    LineOp(PAGE_WIDTH, FOLD_MARK_INSET, PAGE_WIDTH, FOLD_MARK_INSET + FOLD_MARK_LENGTH, MUTED, 0.4),
    LineOp(
        PAGE_WIDTH,
        SHEET_HEIGHT - FOLD_MARK_INSET - FOLD_MARK_LENGTH,
        PAGE_WIDTH,
        SHEET_HEIGHT - FOLD_MARK_INSET,
        MUTED,
        0.4,
    ),
)


def _fold_note(sheet: int, sheets: int) -> Page:
    """How to fold and assemble, for the clerk, in the top margin of the sheet's left half
    (the back of the leaf, so the cover stays clean)."""
    note = FOLD_NOTE.format(n=sheet, total=sheets)
    line = tx.fit(note, "regular", 6, RIGHT - LEFT, 4.5)
    return (TextOp(LEFT, FOLD_NOTE_BASELINE, line, MUTED),)


def _footer(title: str, pass_number: str, number: int, total: int) -> Page:
    size = 6.5
    left = tx.line(f"{title} · {pass_number}", "regular", size)
    right = tx.line(f"{number} / {total}", "regular", size)
    return (
        TextOp(LEFT, FOOTER_BASELINE, left, MUTED),
        TextOp(RIGHT - right.width, FOOTER_BASELINE, right, MUTED),
    )


# Lines per name (and per name in original script) on the cover: three lines at the
# smallest size hold ~150 characters, more than the 120 that German registers store for a
# family name (DSMeld 0101), so the four name blocks at their limits still leave room for
# the pass number and the QR code. The office name beside the QR code gets three lines.
NAME_LINES = 3
OFFICE_LINES = 3


# --- cover -------------------------------------------------------------------------


def _name_lines(text: str, style: Style, size: float, min_size: float) -> list[tx.Line]:
    """A name on one line if it fits at ``min_size`` or more, else wrapped on up to
    NAME_LINES lines; only a name longer than any register holds is cut ("…")."""
    text = _field(text, "person.family_names")
    rtl = tx.has_rtl(text)
    line = tx.fit(text, style, size, RIGHT - LEFT, min_size)
    if line.width <= RIGHT - LEFT + 0.01:
        return [tx.line(text, style, line.size, rtl=rtl)] if rtl else [line]
    return tx.wrap(text, style, min_size, RIGHT - LEFT, rtl, max_lines=NAME_LINES)


def _cover(data: PassPrint, de: PrintTexts, second: PrintTexts | None, symbol: QrSymbol) -> Page:
    rtl = bool(second and second.rtl)
    width = RIGHT - LEFT
    ops: list[Op] = []
    y = TOP

    def other(key: str) -> str | None:
        return second[key] if second else None

    def put(new_ops: list[Op], height: float) -> None:
        nonlocal y
        ops.extend(new_ops)
        y -= height

    # District and title.
    district = tx.fit(_field(data.district_name, "district.name"), "bold", 9.5, width, 7)
    put(*place_lines([district], LEFT, width, y, color=ACCENT))
    y -= 1.5 * MM
    ops.append(LineOp(LEFT, y, RIGHT, y, ACCENT, 1.2))
    y -= 4 * MM
    put(*place_lines([tx.fit(de["title"], "bold", 21, width, 14)], LEFT, width, y, color=ACCENT))
    if second:
        title_lines = tx.wrap(second["title"], "regular", 13, width, rtl)
        put(*place_lines(title_lines, LEFT, width, y, rtl=rtl, color=ACCENT))
    y -= 8 * MM

    # Holder.
    def field(label: str, lines: list[tx.Line], gap: float = 3.5 * MM) -> None:
        nonlocal y
        put(*bilingual(de[label], other(label), rtl, LEFT, width, y, size=7.5))
        put(*place_lines(lines, LEFT, width, y, align="left", color=INK))
        y -= gap

    family = _name_lines(data.family_names, "bold", 17, 11)
    if data.family_names_original:
        family += _name_lines(data.family_names_original, "regular", 14, 10)
    field("family_names", family)
    given = _name_lines(data.given_names, "regular", 15, 10)
    if data.given_names_original:
        given += _name_lines(data.given_names_original, "regular", 13, 10)
    field("given_names", given)
    field("birth_date", [tx.line(data.birth_date.german(), "bold", 13)], gap=0.8 * MM)
    if not data.birth_date.is_complete:
        put(
            *bilingual(
                de["unknown_date_parts"], other("unknown_date_parts"), rtl, LEFT, width, y, size=7
            )
        )
    y -= 4 * MM

    # Pass number in a tinted box.
    pad = 3 * MM
    inner = width - 2 * pad
    box_ops: list[Op] = []
    box_top = y
    y -= pad
    put_box = box_ops.extend
    label_ops, height = bilingual(
        de["pass_number"], other("pass_number"), rtl, LEFT + pad, inner, y, size=7.5
    )
    put_box(label_ops)
    y -= height
    number = tx.fit(data.pass_number, "bold", 24, inner, 14)
    number_ops, height = place_lines([number], LEFT + pad, inner, y, color=INK)
    put_box(number_ops)
    y -= height
    if data.generation > 0:
        replacement = de["replacement_card"].format(n=data.generation)
        replacement_other = second["replacement_card"].format(n=data.generation) if second else None
        more, height = bilingual(
            replacement,
            replacement_other,
            rtl,
            LEFT + pad,
            inner,
            y,
            style="bold",
            size=10,
            color=ACCENT,
        )
        put_box(more)
        y -= height
    y -= pad * 0.6
    ops.append(RectOp(LEFT, y, width, box_top - y, stroke=None, fill=TINT, radius=2 * MM))
    ops.extend(box_ops)

    # Bottom: issuing office and date on the left, the QR code on the right.
    qr_side = symbol.side
    qr_x = RIGHT - qr_side
    qr_y = MARGIN
    ops.append(QrOp(qr_x, qr_y, symbol))
    column = qr_x - LEFT - 4 * MM
    column_ops: list[Op] = []
    column_y = 0.0

    def col(new_ops: list[Op], height: float) -> None:
        nonlocal column_y
        column_ops.extend(new_ops)
        column_y -= height

    col(*bilingual(de["issued_by"], other("issued_by"), rtl, LEFT, column, column_y, size=7))
    office = f"{_field(data.office_name, 'office.name')} ({data.office_code})"
    office_lines = tx.wrap(office, "bold", 9, column, max_lines=OFFICE_LINES)
    col(*place_lines(office_lines, LEFT, column, column_y))
    column_y -= 2 * MM
    col(*bilingual(de["issued_on"], other("issued_on"), rtl, LEFT, column, column_y, size=7))
    col(*place_lines([tx.line(german_date(data.issued_on), "bold", 9)], LEFT, column, column_y))
    column_y -= 2.5 * MM
    col(*bilingual(de["qr_note"], other("qr_note"), rtl, LEFT, column, column_y, size=6.5))
    # Align the column's bottom with the QR's bottom (or its top with the QR's top).
    shift = max(qr_y + qr_side, qr_y - column_y)
    ops.extend(_shifted(column_ops, shift))

    # The reminder to bring the pass, where the holder's data leaves room for it.
    y -= 3.5 * MM
    hint, height = bilingual(
        de["keep_pass"], other("keep_pass"), rtl, LEFT, width, y, size=7.5, color=INK
    )
    if y - height >= shift + 2 * MM:
        ops.extend(hint)

    return tuple(ops)


def _shifted(ops: list[Op], dy: float) -> list[Op]:
    return [shifted(op, dy) for op in ops]


# --- offers ------------------------------------------------------------------------


def _category_order() -> dict[str, int]:
    return {slug: index for index, slug in enumerate(texts("de").categories)}


def _sample_badge(second: PrintTexts | None, top: float) -> list[Op]:
    label = texts("de")["sample_mark"]
    if second:
        label = f"{label} · {second['sample_mark']}"
    line = tx.line(label, "bold", 7)
    pad = 1.4 * MM
    width = line.width + 2 * pad
    height = 7 * 1.5
    x = RIGHT - width
    return [
        RectOp(x, top - height, width, height, stroke=WARN, fill=None, line_width=0.8, radius=1.2),
        TextOp(x + pad, top - height + 3.0, line, WARN),
    ]


def _sample_band(second: PrintTexts | None) -> Page:
    """ "Beispieldaten" across the top of every page, above the text margin (and in the
    PDF's text, so a test or a search finds it): a pass with sample offers or without the
    district's privacy contact must not pass for a real one."""
    label = texts("de")["sample_mark"].upper()
    if second:
        label = f"{label} · {second['sample_mark']}"
    line = tx.line(label, "bold", 8)
    baseline = PAGE_HEIGHT - 7 * MM  # above the fold note of the left half (10.5 mm)
    x = (PAGE_WIDTH - line.width) / 2
    rule = baseline + 2.8  # through the middle of the capitals
    return (
        LineOp(LEFT, rule, x - 2 * MM, rule, WARN, 0.8),
        TextOp(x, baseline, line, WARN),
        LineOp(x + line.width + 2 * MM, rule, RIGHT, rule, WARN, 0.8),
    )


@functools.lru_cache(maxsize=32)
def _offer_pages(offers: tuple[OfferLine, ...], sample: bool, lang: str | None) -> tuple[Page, ...]:
    de = texts("de")
    second = second_language(lang)
    first = True

    def header(writer: Writer) -> None:
        nonlocal first
        if sample:
            writer.ops.extend(_sample_badge(second, writer.y))
        heading(
            writer,
            de["offers_title"],
            second,
            second["offers_title"] if second else None,
            size=13 if first else 10,
        )
        if first:
            paragraph_pair(
                writer, de["offers_intro"], second, second["offers_intro"] if second else None, 7.5
            )
            if sample:
                writer.space(0.8 * MM)
                paragraph_pair(
                    writer,
                    de["sample_note"],
                    second,
                    second["sample_note"] if second else None,
                    7,
                    WARN,
                )
            writer.space(3 * MM)
        first = False

    writer = Writer(LEFT, RIGHT, TOP, BOTTOM, header=header)
    writer.new_page()
    order = _category_order()
    groups: dict[str, list[OfferLine]] = {}
    for offer in offers:
        groups.setdefault(offer.category, []).append(offer)
    ranked = sorted(groups, key=lambda slug: order.get(slug, len(order)))
    for slug in ranked:
        heading_ops, heading_height = _category_heading(slug, second, writer.width, False)
        for index, offer in enumerate(groups[slug]):
            block, block_height_ = _offer_block(offer, writer.width, second)
            if index == 0:
                writer.ensure(heading_height + block_height_)
                _put_category_heading(writer, heading_ops, heading_height)
            else:
                pages = len(writer.pages)
                writer.ensure(block_height_)
                if len(writer.pages) > pages:  # the category goes on: say which one it is
                    more_ops, more_height = _category_heading(slug, second, writer.width, True)
                    _put_category_heading(writer, more_ops, more_height)
            writer.add(_shifted(block, writer.y), block_height_)
    return tuple(tuple(page) for page in writer.pages)


def _category_heading(
    slug: str, second: PrintTexts | None, width: float, continued: bool
) -> tuple[list[Op], float]:
    """The category's label in both languages, "(Fortsetzung)" added on a later page."""
    de = texts("de")
    label, other = de.category(slug), second.category(slug) if second else None
    if continued:
        label = f"{label} ({de['continued']})"
        other = f"{other} ({second['continued']})" if second and other else other
    ops, height = bilingual(
        label,
        other,
        bool(second and second.rtl),
        LEFT,
        width,
        0.0,
        style="bold",
        size=9.5,
        color=ACCENT,
    )
    return ops, height + 1.8 * MM


def _put_category_heading(writer: Writer, ops: list[Op], height: float) -> None:
    if writer.y < writer.top - 1:
        writer.space(1.5 * MM)
    writer.add(_shifted(ops, writer.y), height - 1.2 * MM)
    writer.ops.append(LineOp(LEFT, writer.y, RIGHT, writer.y, RULE, 0.4))
    writer.space(1.2 * MM)


def _offer_block(
    offer: OfferLine, width: float, second: PrintTexts | None
) -> tuple[list[Op], float]:
    """The offer's lines placed from y = 0 down; the caller shifts them into place. The
    title in the pass's second language, if the district gave one, under the German."""
    provider = _field(offer.provider, "offer.provider")
    address = _field(offer.address, "offer.address")
    where = " · ".join(part for part in (provider, address) if part)
    parts: list[tuple[list[tx.Line], Color, bool]] = [
        (tx.wrap(_field(offer.title, "offer.title"), "bold", 8.5, width), INK, False)
    ]
    translated, rtl = translated_title_lines(
        offer.title_in(second.code) if second else None, second, 8, width
    )
    if translated:
        parts.append((translated, INK, rtl))
    parts.append((tx.wrap(where, "regular", 7.5, width), INK, False))
    if offer.contact:
        contact = _field(offer.contact, "offer.contact")
        parts.append((tx.wrap(contact, "regular", 7.5, width), MUTED, False))
    ops: list[Op] = []
    y = 0.0
    for lines, color, rtl_lines in parts:
        more, height = place_lines(lines, LEFT, width, y, rtl=rtl_lines, color=color)
        ops.extend(more)
        y -= height
    return ops, -y + 2.2 * MM


# --- stamp rows --------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _records_page(lang: str | None) -> Page:
    de = texts("de")
    second = second_language(lang)
    rtl = bool(second and second.rtl)
    writer = Writer(LEFT, RIGHT, TOP, BOTTOM)
    writer.new_page()
    heading(writer, de["records_title"], second, second["records_title"] if second else None)
    paragraph_pair(
        writer, de["records_intro"], second, second["records_intro"] if second else None, 7.5
    )
    writer.space(3 * MM)

    fixed = (19 * MM, 38 * MM, 28 * MM)
    widths = (*fixed, writer.width - sum(fixed))
    keys = ("col_date", "col_offer", "col_office", "col_stamp")
    pad = 1.3 * MM
    header_ops: list[Op] = []
    header_height = 0.0
    x = LEFT
    for key, column in zip(keys, widths, strict=True):
        cell_ops, height = place_lines(
            tx.wrap(de[key], "bold", 7, column - 2 * pad), x + pad, column - 2 * pad, -pad
        )
        if second:
            more, extra = place_lines(
                tx.wrap(second[key], "regular", 6.5, column - 2 * pad, rtl),
                x + pad,
                column - 2 * pad,
                -pad - height,
                rtl=rtl,
                color=MUTED,
            )
            cell_ops += more
            height += extra
        header_ops += cell_ops
        header_height = max(header_height, height + 2 * pad)
        x += column
    table_top = writer.y
    writer.ops.append(
        RectOp(LEFT, table_top - header_height, writer.width, header_height, None, TINT)
    )
    writer.ops.extend(_shifted(header_ops, table_top))
    available = table_top - header_height - writer.bottom
    rows = max(1, int(available // RECORD_ROW_HEIGHT))
    row_height = available / rows
    bottom = table_top - header_height - rows * row_height
    ops = writer.ops
    ops.append(RectOp(LEFT, bottom, writer.width, table_top - bottom, RULE, None, 0.7))
    for row in range(rows + 1):
        y = table_top - header_height - row * row_height
        ops.append(LineOp(LEFT, y, RIGHT, y, RULE, 0.7 if row == 0 else 0.5))
    x = LEFT
    for column in widths[:-1]:
        x += column
        ops.append(LineOp(x, table_top, x, bottom, RULE, 0.5))
    return tuple(ops)


# --- privacy notice ----------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _privacy_pages(lang: str | None, contact: str | None, years: int) -> tuple[Page, ...]:
    """The notice in German, then (on its own page) in the second language.

    Each edition is set as large as fits one page (8.2 pt down to 6.6 pt).
    """
    de = texts("de")
    second = second_language(lang)
    pages: list[Page] = []
    editions: list[tuple[PrintTexts, PrintTexts | None]] = [(de, second)]
    if second:
        editions.append((second, None))
    for edition, subtitle in editions:
        size = 8.2
        edition_pages = _privacy_edition(edition, subtitle, size, contact, years)
        while len(edition_pages) > 1 and size > 6.6:
            size -= 0.2
            edition_pages = _privacy_edition(edition, subtitle, size, contact, years)
        pages.extend(edition_pages)
    return tuple(pages)


def _privacy_edition(
    edition: PrintTexts,
    subtitle: PrintTexts | None,
    size: float,
    contact: str | None,
    years: int,
) -> list[Page]:
    rtl = edition.rtl
    german_title = texts("de")["privacy_title"]

    def header(writer: Writer) -> None:
        if edition.code == "de":
            other = subtitle["privacy_title"] if subtitle else None
            heading(writer, f"{german_title} (Art. 13 DSGVO)", subtitle, other)
        else:
            _heading_rtl_aware(writer, edition["privacy_title"], german_title, rtl)

    writer = Writer(LEFT, RIGHT, TOP, BOTTOM, header=header)
    writer.new_page()
    for section_heading, body in edition.privacy_with(contact, years):
        head = tx.wrap(section_heading, "bold", size + 0.6, writer.width, rtl)
        writer.ensure(block_height(head, rtl) + leading(size, rtl) * 2)
        writer.add(*place_lines(head, LEFT, writer.width, writer.y, rtl=rtl, color=ACCENT))
        writer.paragraph(body, "regular", size, rtl=rtl)
        writer.space(size * 0.3 * MM)
    return [tuple(page) for page in writer.pages]


def _heading_rtl_aware(writer: Writer, title: str, german: str, rtl: bool) -> None:
    """The translated notice's heading, with the German title small beside it."""
    size = 13.0
    lines = tx.wrap(title, "bold", size, writer.width, rtl)
    writer.add(*place_lines(lines, LEFT, writer.width, writer.y, rtl=rtl, color=ACCENT))
    writer.add(
        *place_lines(
            [tx.line(german, "regular", size * 0.72)],
            LEFT,
            writer.width,
            writer.y,
            align="right" if rtl else "left",
            color=ACCENT,
        )
    )
    writer.space(1.2 * MM)
    writer.add([LineOp(LEFT, writer.y, RIGHT, writer.y, ACCENT, 0.8)], 3 * MM)


def _field(text: str | None, key: str) -> str:
    """Stored text cut with "…" to its field's limit: older databases had none."""
    return tx.elide(text or "", TEXT_FIELDS[key].max_length)
