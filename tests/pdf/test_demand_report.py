"""The demand report PDF: a real report of a small district built through the services."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from reportlab.lib.pagesizes import A4

from passapp.domain.suppression import suppress
from passapp.pdf.demand_charts import chart_series
from passapp.pdf.demand_report import DemandPrint, render_demand_report
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters, DemandReport, DemandTable, demand_report
from passapp.services.demand_files import NOTE_DE, write_report
from passapp.services.trust import init_district
from tests.conftest import make_context
from tests.pdf.helpers import image_count, page_sizes, page_texts, text_fonts_embedded
from tests.services.test_demand import build_district, numbers_in, pdf_words


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemandReport]:
    folder = tmp_path_factory.mktemp("district")
    ctx: ServiceContext = make_context(folder / "district.sqlite3", clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    build_district(ctx)
    yield demand_report(ctx, DemandFilters())
    ctx.db.dispose()


@pytest.fixture(scope="module")
def pdf(report: DemandReport, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("pdf") / "bedarf.pdf"
    write_report(report, out, "pdf")
    return out.read_bytes()


def test_title_page_names_district_date_filters_and_the_marks(pdf: bytes) -> None:
    title = page_texts(pdf)[0]
    for expected in (
        "Landkreis Dachau",
        "Stand: 25.11.2026",
        "Auswahl: alle Passinhaber",
        "„<5“",
        "„•“",
        "Datenschutz",
        "sekundäre",
        "Inhalt",
    ):
        assert expected in title


def test_each_table_has_its_page_with_title_and_published_figures(
    pdf: bytes, report: DemandReport
) -> None:
    pages = page_texts(pdf)
    assert len(pages) == 1 + len(report.tables)  # the small tables fit a page each
    for number, table in enumerate(report.tables, start=1):
        page = pages[number]
        assert " ".join(page.split()).startswith(" ".join(table.title.split()[:4]))
        assert f"{number}. {table.title.split()[0]}" in pages[0]
        published = {cell.text for row in table.table.grid() for cell in row if not cell.suppressed}
        assert published <= set(page.split())
    assert "Summe" in pages[1]


def test_no_number_under_5_is_a_figure_on_any_page(pdf: bytes) -> None:
    words = pdf_words(pdf)
    numbers = [int(word) for word in numbers_in(words)]
    assert 13 in numbers  # the grand total of holders
    assert min(numbers) >= 5
    assert "<5" in words
    assert "•" in words


def test_a4_with_every_font_embedded_and_a_chart_per_published_table(
    pdf: bytes, report: DemandReport
) -> None:
    assert {(round(w, 1), round(h, 1)) for w, h in page_sizes(pdf)} == {
        (round(A4[0], 1), round(A4[1], 1))
    }
    embedded = text_fonts_embedded(pdf)
    assert embedded
    assert all(embedded)
    charted = [t for t in report.tables if chart_series(t) is not None]
    assert charted  # e.g. holders by arrival year: 7 and 6
    assert image_count(pdf) == len(charted)
    last = len(page_texts(pdf))
    assert f"Seite {last} von {last}" in page_texts(pdf)[-1]


def test_pages_say_why_a_table_has_no_chart(pdf: bytes, report: DemandReport) -> None:
    pages = page_texts(pdf)
    for number, table in enumerate(report.tables, start=1):
        has_chart = chart_series(table) is not None
        assert ("Kein Diagramm" in pages[number]) is not has_chart


def single_report(*tables: DemandTable) -> DemandPrint:
    return DemandPrint(
        district_name="Landkreis Dachau",
        made_on=dt.date(2026, 11, 25),
        filters="alle Passinhaber",
        suppression_note=NOTE_DE,
        tables=tables,
    )


def test_a_10000_character_label_is_cut_not_hung_on() -> None:
    label = "Sprachschule am Bahnhof " * 420  # about 10,000 characters
    header = "Kursanbieter mit langem Namen " * 340
    table = DemandTable(
        key="entries_by_provider",
        title="Einträge nach Anbieter",
        row_label="Anbieter",
        row_labels=(label, "VHS Dachau", "x" * 10_000),
        column_labels=(header,),
        table=suppress([[40], [25], [12]]),
    )

    started = time.perf_counter()
    pdf = render_demand_report(single_report(table))
    elapsed = time.perf_counter() - started

    assert elapsed < 20
    pages = page_texts(pdf)
    assert len(pages) == 2
    text = " ".join(pages[1].split())
    assert "Sprachschule am Bahnhof" in text
    assert "..." in text  # "…" after NFKC
    assert "VHS Dachau 25 25" in text
    assert len(pages[1]) < 3000  # wrapped to a few lines, then cut


def test_a_table_wider_than_the_page_is_split_into_column_blocks() -> None:
    months = tuple(f"{2024 + m // 12}-{m % 12 + 1:02d}" for m in range(36))
    table = DemandTable(
        key="entries_by_kind_month",
        title="Einträge nach Art und Monat des Beginns",
        row_label="Art",
        row_labels=("beratung", "sprachkurs"),
        column_labels=months,
        table=suppress([[10 + m % 7 for m in range(36)], [20 + m % 5 for m in range(36)]]),
    )

    pages = page_texts(render_demand_report(single_report(table)))

    words = " ".join(pages[1:]).split()
    assert set(months) <= set(words)  # every month header in one piece, none wrapped
    assert "Spalten" in words
    assert words.count("sprachkurs") >= 2  # the row labels repeat in each block
    assert "Summe" in words


def test_the_totals_row_never_stands_alone_on_a_page() -> None:
    for rows in range(38, 48):  # one of these lengths fills the page right before the totals
        table = DemandTable(
            key="entries_by_provider",
            title="Einträge nach Anbieter",
            row_label="Anbieter",
            row_labels=tuple(f"Anbieter {n}" for n in range(rows)),
            column_labels=("Einträge",),
            table=suppress([[1]] * rows),  # no chart: every cell "<5"
        )

        pages = page_texts(render_demand_report(single_report(table)))

        lines = [line for line in pages[-1].splitlines() if line.strip()]
        totals = next(n for n, line in enumerate(lines) if line.startswith("Summe "))
        assert lines[totals - 1].startswith(f"Anbieter {rows - 1} "), (rows, lines[:3])
