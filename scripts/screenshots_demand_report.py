"""Pages of the demand report PDF as PNG, from a generated district (no Qt needed).

    .venv/bin/python -m benchmarks.generate --persons 100000 --out /tmp/x.sqlite3
    PYTHONPATH=src .venv/bin/python scripts/screenshots_demand_report.py /tmp/x.sqlite3 [--out docs/screenshots]

``demand-report-title.png``: the title page (filters, marks, data protection, contents);
``demand-report-ages.png``: holders by municipality and age (stacked bars, the table);
``demand-report-months.png``: entries by kind and month (one panel per kind, the wide table
split into column blocks). The report is made as the services make it, on the file as is.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters, demand_report
from passapp.services.demand_files import write_report

DPI = 110
PAGES = {"title": None, "ages": "holders_by_municipality_age", "months": "entries_by_kind_month"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    ctx = ServiceContext(db=open_database(to_url(str(args.database))), clerk="screenshots")
    started = time.perf_counter()
    report = demand_report(ctx, DemandFilters())
    pdf_path = args.out / "demand-report.pdf.tmp"
    write_report(report, pdf_path, "pdf")
    print(f"report and PDF: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    keys = [table.key for table in report.tables]
    document = pdfium.PdfDocument(pdf_path.read_bytes())
    try:
        for name, key in PAGES.items():
            index = (
                0 if key is None else _first_page(document, report.tables[keys.index(key)].title)
            )
            image = document[index].render(scale=DPI / 72).to_pil()
            image.save(args.out / f"demand-report-{name}.png", optimize=True)
    finally:
        document.close()
        pdf_path.unlink()


def _first_page(document: pdfium.PdfDocument, title: str) -> int:
    start = " ".join(title.split()[:4])
    for index in range(1, len(document)):
        text = " ".join(document[index].get_textpage().get_text_bounded().split())
        if text.startswith(start):
            return index
    raise SystemExit(f"no page starts with {start!r}")


if __name__ == "__main__":
    main()
