"""Demand figures on a small known district: the counts equal hand counts, filters work,
no number under 5 reaches a file, and the report runs on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from openpyxl import load_workbook

from passapp.domain.dates import PartialDate
from passapp.domain.entries import Action, EntryKind
from passapp.domain.profile import Arrangement, LearnerProfile, Literacy
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters, DemandReport, DemandTable, demand_report
from passapp.services.demand_files import write_report
from passapp.services.entries import EntryInput, add_entry
from passapp.services.errors import InvalidInput
from passapp.services.passes import issue_pass, revoke_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.trust import init_district
from tests.conftest import make_url_context
from tests.support.disclosure import Published, leaks

SPRING = dt.date(2026, 3, 10)
TABLES = 12
AUTUMN = dt.date(2026, 9, 1)
PDF_BODY_BOTTOM = 15 * 72 / 25.4  # between the footer's baseline (10 mm) and the text (20 mm)


def on_day(ctx: ServiceContext, day: dt.date) -> ServiceContext:
    return dataclasses.replace(ctx, today=lambda: day)


def holder(
    ctx: ServiceContext,
    n: int,
    born: str,
    town: str,
    country: str,
    arrived: str,
    profile: LearnerProfile | None = None,
) -> str:
    person = register_person(
        ctx,
        PersonInput(
            family_names=f"Familie {chr(65 + n)}",
            given_names="Vorname",
            birth_date=PartialDate.parse(born),
            arrival_date=PartialDate.parse(arrived),
            moved_from_abroad=True,
            nationalities=(country,),
            municipality=town,
            profile=profile,
        ),
    ).person
    return issue_pass(ctx, person.id).pass_number


def build_district(ctx: ServiceContext) -> None:
    """7 holders in Dachau (36, SYR, 2022, spring, reading Latin script), 6 in Karlsfeld (26,
    AFG, 2023, autumn; 5 of them not literate and needing childcare, one without profile),
    one revoked and one without pass (neither counts); 7 language courses (6 in April, 1 in
    October), 5 with a result, and one counselling entry cancelled (not counted)."""
    spring, autumn = on_day(ctx, SPRING), on_day(ctx, AUTUMN)
    latin = LearnerProfile(literacy=Literacy.LATIN)
    dachau = [
        holder(spring, n, "1990-01-01", "Dachau", "SYR", "2022-05-00", latin) for n in range(7)
    ]
    needs = LearnerProfile(literacy=Literacy.NONE, arrangements=frozenset({Arrangement.CHILDCARE}))
    for n in range(6):
        profile = needs if n < 5 else None
        holder(autumn, 10 + n, "2000-06-01", "Karlsfeld", "AFG", "2023-00-00", profile)
    revoke_pass(
        autumn,
        holder(spring, 20, "1960-01-01", "Dachau", "UKR", "2022-03-00"),
        "Pass verloren gemeldet",
    )
    register_person(
        ctx,
        PersonInput(
            family_names="OhnePass",
            given_names="X",
            birth_date=PartialDate.parse("1985-01-01"),
            moved_from_abroad=True,
            municipality="Dachau",
        ),
    )
    for n, number in enumerate(dachau):
        course = EntryInput(
            kind=EntryKind.SPRACHKURS,
            # The last one starts in October: more than 6 months after the March pass.
            start_date=dt.date(2026, 4, 1) if n < 6 else dt.date(2026, 10, 1),
            provider="VHS Dachau",
            result="B1 bestanden" if n < 5 else None,
        )
        add_entry(ctx, number, course)
    extra = add_entry(
        ctx, dachau[0], EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 4, 2))
    )
    cancel = EntryInput(
        kind=EntryKind.BERATUNG,
        start_date=dt.date(2026, 4, 2),
        action=Action.CANCELLATION,
        refers_to=extra.id,
    )
    add_entry(ctx, dachau[0], cancel)


@pytest.fixture
def district(any_db_url: str, tmp_path: Path) -> Iterator[ServiceContext]:
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    build_district(ctx)
    yield ctx
    ctx.db.dispose()


def table(report: DemandReport, key: str) -> DemandTable:
    return next(t for t in report.tables if t.key == key)


def counts(t: DemandTable) -> dict[tuple[str, str], int]:
    """The true counts (for tests only) of the non-zero inner cells."""
    return {
        (row, column): cell.count
        for row, cells in zip(t.row_labels, t.table.cells, strict=True)
        for column, cell in zip(t.column_labels, cells, strict=True)
        if cell.count
    }


def test_the_figures_equal_hand_counts(district: ServiceContext) -> None:
    report = demand_report(district, DemandFilters())
    by_age = table(report, "holders_by_municipality_age")
    assert counts(by_age) == {("Dachau", "27–44"): 7, ("Karlsfeld", "18–26"): 6}
    assert by_age.table.grand_total.text == "13"
    assert counts(table(report, "holders_by_arrival_year")) == {
        ("2022", "Passinhaber"): 7,
        ("2023", "Passinhaber"): 6,
    }
    assert counts(table(report, "holders_by_nationality")) == {
        ("SYR", "Passinhaber"): 7,
        ("AFG", "Passinhaber"): 6,
    }
    # The cancelled counselling entry and the entry it cancels are not counted.
    assert counts(table(report, "entries_by_kind_month")) == {
        ("sprachkurs", "2026-04"): 6,
        ("sprachkurs", "2026-10"): 1,
    }
    assert counts(table(report, "entries_by_provider")) == {("VHS Dachau", "Einträge"): 7}
    assert counts(table(report, "completion_by_kind")) == {
        ("sprachkurs", "mit Ergebnis"): 5,
        ("sprachkurs", "ohne Ergebnis"): 2,
    }
    # Only the Dachau passes (March) are 6 months old by 25 November.
    assert counts(table(report, "language_course_after_issue")) == {
        ("Dachau", "mit Sprachkurs binnen 6 Monaten"): 6,
        ("Dachau", "ohne"): 1,
    }
    assert counts(table(report, "literacy_by_municipality")) == {
        ("Dachau", "lateinische Schrift"): 7,
        ("Karlsfeld", "nicht alphabetisiert"): 5,
        ("Karlsfeld", "unbekannt"): 1,
    }
    assert counts(table(report, "needs_childcare")) == {
        ("Dachau", "nein oder unbekannt"): 7,
        ("Karlsfeld", "ja"): 5,
        ("Karlsfeld", "nein oder unbekannt"): 1,
    }
    assert counts(table(report, "needs_evening")) == {
        ("Dachau", "nein oder unbekannt"): 7,
        ("Karlsfeld", "nein oder unbekannt"): 6,
    }
    offers = table(report, "holders_and_offers")
    assert {row.split(" (")[0] for row in offers.row_labels} == {"Dachau", "Karlsfeld"}


def test_published_numbers_are_true_and_small_ones_are_hidden(district: ServiceContext) -> None:
    by_age = table(demand_report(district, DemandFilters()), "holders_by_municipality_age")
    grid = by_age.table.grid()
    # Rows Dachau (7) and Karlsfeld (6) with their totals, then the column totals: the
    # zeros are "<5"; the two single cells equal their row total, so one of them would give
    # the zeros beside it away: the rule hides them ("•") and publishes the totals.
    assert [[cell.text for cell in row] for row in grid] == [
        ["<5", "<5", "•", "<5", "<5", "7"],
        ["<5", "•", "<5", "<5", "<5", "6"],
        ["<5", "6", "•", "<5", "<5", "13"],
    ]
    assert all(cell.text == str(cell.count) for row in grid for cell in row if not cell.suppressed)


def test_filters_choose_the_holders(district: ServiceContext) -> None:
    autumn = demand_report(district, DemandFilters(issued_from=dt.date(2026, 6, 1)))
    assert counts(table(autumn, "holders_by_nationality")) == {("AFG", "Passinhaber"): 6}
    assert counts(table(autumn, "entries_by_kind_month")) == {}
    spring = demand_report(district, DemandFilters(issued_to=dt.date(2026, 6, 1)))
    assert counts(table(spring, "holders_by_nationality")) == {("SYR", "Passinhaber"): 7}
    town = demand_report(district, DemandFilters(municipality="Karlsfeld"))
    assert counts(table(town, "holders_by_municipality_age")) == {("Karlsfeld", "18–26"): 6}


def test_bad_filters_are_refused(district: ServiceContext) -> None:
    with pytest.raises(InvalidInput, match="unknown municipality"):
        demand_report(district, DemandFilters(municipality="Atlantis"))
    with pytest.raises(InvalidInput):
        demand_report(district, DemandFilters(dt.date(2026, 5, 1), dt.date(2026, 4, 1)))


def numbers_in(texts: list[str]) -> list[str]:
    """Stand-alone numbers in cell texts other than labels such as dates ("2026-04")."""
    return [t for t in texts if re.fullmatch(r"\d+", t)]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json", "pdf"])
def test_no_number_under_5_in_any_file(
    district: ServiceContext, tmp_path: Path, file_format: str
) -> None:
    report = demand_report(district, DemandFilters())
    out = tmp_path / f"bedarf.{file_format}"
    write_report(report, out, file_format)
    cells = file_cells(out, file_format)
    numbers = [int(t) for t in numbers_in(cells)]
    assert numbers, "the report publishes some numbers"
    assert all(n >= 5 for n in numbers), numbers
    assert "<5" in cells
    assert "13" in cells  # the grand total of holders


def file_cells(path: Path, file_format: str) -> list[str]:
    if file_format == "csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";")
        return [cell for row in rows for cell in row]
    if file_format == "xlsx":
        book = load_workbook(path, read_only=True)
        assert book.sheetnames[0] == "Hinweis"
        assert len(book.sheetnames) == 1 + TABLES
        return [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
    if file_format == "pdf":
        return pdf_words(path.read_bytes())
    data = json.loads(path.read_text(encoding="utf-8"))
    return [str(cell) for t in data["tables"] for row in t["rows"] for cell in row]


def pdf_words(pdf: bytes) -> list[str]:
    """The words on the tables' pages above the footer: the title page (contents with page
    numbers) and the footers ("Seite 2 von 12") hold numbers that are no figures."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            word
            for page in list(document)[1:]
            for word in page.get_textpage().get_text_bounded(bottom=PDF_BODY_BOTTOM).split()
        ]
    finally:
        document.close()


def test_a_provider_written_like_a_formula_stays_text(
    district: ServiceContext, tmp_path: Path
) -> None:
    numbers = [
        holder(district, 21 + n, "1995-01-01", "Dachau", "SYR", "2024-00-00") for n in range(5)
    ]
    for number in numbers:
        course = EntryInput(
            kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 1), provider="=HYPERLINK(1)"
        )
        add_entry(district, number, course)
    report = demand_report(district, DemandFilters())
    assert ("=HYPERLINK(1)", "Einträge") in counts(table(report, "entries_by_provider"))
    write_report(report, tmp_path / "b.csv", "csv")
    write_report(report, tmp_path / "b.xlsx", "xlsx")
    assert "'=HYPERLINK(1)" in file_cells(tmp_path / "b.csv", "csv")
    sheet = load_workbook(tmp_path / "b.xlsx").worksheets[5]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == "=HYPERLINK(1)"]
    assert [cell.data_type for cell in cells] == ["s"]


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json", "pdf"])
def test_a_save_that_fails_leaves_no_file_and_no_temporary_copy(
    district: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_format: str
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where a library would spill
    report = demand_report(district, DemandFilters())
    blocker = tmp_path / "USB-Stick"  # a file where the folder should be, as a pulled stick
    blocker.write_bytes(b"")
    target = blocker / f"bericht.{file_format}"
    before = sorted(tmp_path.rglob("*"))

    with pytest.raises(FileExistsError):
        write_report(report, target, file_format)
    gc.collect()  # a writer left open would complain now, not in some later test

    assert sorted(tmp_path.rglob("*")) == before, "no file, no part file, no spilled sheet"


# --- tables read together ----------------------------------------------------------------

# Which published numbers of different tables are the same number, as a reader of the whole
# report sees them (declared here from the tables' meaning, not from the code under test).
BY_TOWN = (
    "holders_by_municipality_age",
    "literacy_by_municipality",
    "needs_childcare",
    "needs_evening",
    "holders_and_offers",
)
HOLDER_TOTAL = (
    *BY_TOWN,
    "holders_by_arrival_year",
    "holders_by_nationality",
    "level_by_course_wish",
)
BY_KIND = ("entries_by_kind_month", "completion_by_kind")
ENTRY_TOTAL = (*BY_KIND, "entries_by_provider")


def read_together(report: DemandReport) -> list[Published]:
    published = []
    for t in report.tables:
        grid = t.table.grid()
        last_row, last_column = len(grid) - 1, len(grid[0]) - 1
        common: dict[tuple[int, int], tuple[str, ...]] = {}
        for r, label in enumerate(t.row_labels):
            if t.key in BY_TOWN:
                common[(r, last_column)] = ("town", label.split(" (")[0])
            if t.key in BY_KIND:
                common[(r, last_column)] = ("kind", label)
        if t.key in HOLDER_TOTAL:
            common[(last_row, last_column)] = ("holders",)
        if t.key in ENTRY_TOTAL:
            common[(last_row, last_column)] = ("entries",)
        published.append(Published(grid, common))
    return published


def test_tables_read_together_give_no_small_group_away(any_db_url: str, tmp_path: Path) -> None:
    # Childcare by municipality alone publishes Dachau's 11 holders and hides Karlsfeld's;
    # the holders-and-offers table alone hid Dachau and published Karlsfeld's 11: with the
    # grand total of 23, Odelzhausen's single holder followed.
    ctx = make_url_context(any_db_url, tmp_path, clerk="district")
    init_district(ctx, name="Landkreis Dachau", code="LRADAH")
    care = LearnerProfile(arrangements=frozenset({Arrangement.CHILDCARE}))
    towns = {"Dachau": (5, 6), "Karlsfeld": (3, 8), "Odelzhausen": (0, 1)}
    n = 0
    for town, (with_care, without) in towns.items():
        for profile in [care] * with_care + [None] * without:
            holder(ctx, n, "1990-01-01", town, "SYR", "2022-05-00", profile)
            n += 1
    report = demand_report(ctx, DemandFilters())
    assert table(report, "holders_by_municipality_age").table.grand_total.text == "23"
    assert leaks(read_together(report)) == {}
    ctx.db.dispose()


def test_the_whole_report_read_together_gives_nothing_away(district: ServiceContext) -> None:
    for filters in (DemandFilters(), DemandFilters(issued_from=dt.date(2026, 6, 1))):
        report = demand_report(district, filters)
        assert leaks(read_together(report)) == {}
