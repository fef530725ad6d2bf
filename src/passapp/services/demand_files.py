"""The demand figures as files: CSV, XLSX, JSON, PDF. Only ``Cell.text`` is ever written.

A suppressed cell is written as its text ("<5", "•"); a published one as its number. The
true count of a suppressed cell is never read here.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from passapp.atomic import atomic_output
from passapp.domain.suppression import THRESHOLD, Cell
from passapp.services.demand import DemandReport, DemandTable
from passapp.services.errors import InvalidInput
from passapp.services.files import write_xlsx

FORMATS: Final = ("csv", "xlsx", "json", "pdf")
TOTAL = "Summe"
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "'")
_SHEET_NAME_MAX = 31
NOTE_DE: Final = (
    f"Kleine Zahlen sind geheim gehalten: eine Zahl unter {THRESHOLD} (auch 0) steht als "
    f"„<{THRESHOLD}“. Damit sie nicht errechnet werden kann, auch nicht aus Summen, die "
    "mehrere Tabellen zeigen, sind weitere Zahlen als „•“ geheim gehalten (sekundäre "
    "Geheimhaltung, für alle Tabellen des Berichts zusammen). Berichte mit verschiedenen "
    "Filtern (Zeitraum, Gemeinde, Stand) nicht gegeneinander verrechnen."
)


def write_report(report: DemandReport, path: Path, file_format: str) -> None:
    if file_format == "csv":
        _write_csv(report, path)
    elif file_format == "xlsx":
        _write_xlsx(report, path)
    elif file_format == "json":
        with atomic_output(path) as stream:
            stream.write(json.dumps(report_json(report), ensure_ascii=False, indent=2).encode())
    elif file_format == "pdf":
        _write_pdf(report, path)
    else:
        raise InvalidInput(
            f"unknown report format {file_format!r}; use one of {', '.join(FORMATS)}",
            f"Unbekanntes Format „{file_format}“; möglich: {', '.join(FORMATS)}.",
        )


def table_lines(table: DemandTable) -> Iterator[list[str | int]]:
    """Header, rows with their totals, the totals row: what a reader sees, no hidden count."""
    yield [table.row_label, *table.column_labels, TOTAL]
    labels = (*table.row_labels, TOTAL)
    for label, cells in zip(labels, table.table.grid(), strict=True):
        yield [label, *(_shown(cell) for cell in cells)]


def _shown(cell: Cell) -> str | int:
    return cell.text if cell.suppressed else int(cell.text)


def report_json(report: DemandReport) -> dict[str, Any]:
    return {
        "made_on": report.made_on.isoformat(),
        "filters": {
            "from": report.filters.issued_from and report.filters.issued_from.isoformat(),
            "to": report.filters.issued_to and report.filters.issued_to.isoformat(),
            "municipality": report.filters.municipality,
        },
        "note": NOTE_DE,
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "columns": [table.row_label, *table.column_labels, TOTAL],
                "rows": list(table_lines(table))[1:],
            }
            for table in report.tables
        ],
    }


def _heading(report: DemandReport) -> list[str]:
    return [f"Bedarfszahlen, Stand {report.made_on.isoformat()} ({report.filters.describe_de()})"]


def _write_csv(report: DemandReport, path: Path) -> None:
    # One file, tables one after another, each with a title line and a blank line after:
    # UTF-8 with BOM and ";" as a German Excel opens it by double-click.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_heading(report))
    writer.writerow([NOTE_DE])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([_defused(table.title)])
        writer.writerows([_defused(str(cell)) for cell in line] for line in table_lines(table))
    with atomic_output(path) as stream:
        stream.write(buffer.getvalue().encode("utf-8-sig"))


def _defused(text: str) -> str:
    """A label Excel would run as a formula (a provider's name), made text by an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_xlsx(report: DemandReport, path: Path) -> None:
    sheets: list[tuple[str, list[list[Any]]]] = [
        ("Hinweis", [[text] for text in (*_heading(report), NOTE_DE)])
    ]
    names: set[str] = {"Hinweis"}
    for table in report.tables:
        rows: list[list[Any]] = [[table.title], *map(list, table_lines(table))]
        sheets.append((_sheet_name(table.title, names), rows))
    write_xlsx(path, sheets)


def _write_pdf(report: DemandReport, path: Path) -> None:
    # Imported here: matplotlib takes a moment to load, and CSV/XLSX do not need it.
    from passapp.pdf.demand_report import DemandPrint, render_demand_report

    printed = DemandPrint(
        district_name=report.district_name,
        made_on=report.made_on,
        filters=report.filters.describe_de(),
        suppression_note=NOTE_DE,
        tables=report.tables,
    )
    pdf = render_demand_report(printed)
    with atomic_output(path) as stream:
        stream.write(pdf)


def _sheet_name(title: str, taken: set[str]) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name; names are unique.
    base = "".join(c for c in title if c not in "[]:*?/\\")[:_SHEET_NAME_MAX].strip()
    name, number = base, 2
    while name in taken:
        suffix = f" {number}"
        name, number = base[: _SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name
