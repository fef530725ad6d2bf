"""The offers catalogue as CSV and XLSX files (issue 11): export → import changes nothing;
a file with one wrong row changes nothing and names the row and the column."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import select, text

from passapp.domain.errors import InputError
from passapp.models.entities import AuditEvent
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput, Refused
from passapp.services.offer_files import (
    COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    TITLE_COLUMNS,
    CatalogueFileInvalid,
    export_offers,
    import_offers,
)
from passapp.services.offers import OFFER_CATEGORIES, OfferInput, list_offers, save_offer

HEADER = list(COLUMNS)
GOOD = {
    "Kennung": "",
    "Kategorie": "Sprachkurs",
    "Titel": "Deutsch B1 am Abend",
    "Anbieter": "VHS Dachau",
    "Adresse": "Am Stadtwald 3, 85221 Dachau",
    "Gemeinde": "Karlsfeld",
    "Kontakt": "08131 1234",
    "Sprachen": "de, ar",
    "Zielgruppe": "Erwachsene",
    "Niveaus": "A2, B1",
    "Beschreibung": "Zweimal die Woche",
    "Aktiv": "ja",
}


def offers_table(ctx: ServiceContext) -> list[tuple[Any, ...]]:
    with ctx.db.reading() as session:
        return [tuple(row) for row in session.execute(text("SELECT * FROM offer ORDER BY slug"))]


def write_csv(path: Path, rows: list[dict[str, str]], separator: str = ";") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=separator)
        writer.writerow(HEADER)
        writer.writerows([row[name] for name in HEADER] for row in rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(
    district_ctx: ServiceContext, tmp_path: Path, suffix: str
) -> None:
    save_offer(district_ctx, OfferInput("beratung", '=HYPERLINK("x")', "-Caritas"))
    before = offers_table(district_ctx)
    path = tmp_path / f"katalog{suffix}"

    count = export_offers(district_ctx, path)
    report = import_offers(district_ctx, path)

    assert count == len(before) > 10  # the sample catalogue and the new offer
    assert report.to_json() == {
        "created": 0,
        "updated": 0,
        "unchanged": count,
        "deactivated": 0,
    }
    assert offers_table(district_ctx) == before


def test_the_csv_opens_in_a_german_excel_and_runs_no_formula(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    save_offer(district_ctx, OfferInput("beratung", '=HYPERLINK("x")', "@Caritas"))
    path = tmp_path / "katalog.csv"
    export_offers(district_ctx, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfKennung;Kategorie;Titel;")  # BOM, ";"
    assert b';"\'=HYPERLINK(""x"")";\'@Caritas;' in data


def test_the_xlsx_holds_text_cells_never_formulas(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    save_offer(district_ctx, OfferInput("beratung", "=1+1", "+Caritas"))
    path = tmp_path / "katalog.xlsx"
    export_offers(district_ctx, path)
    sheet = load_workbook(path).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [*HEADER, *TITLE_COLUMNS]
    titles = {row[2].value: row[2].data_type for row in sheet.iter_rows(min_row=2)}
    assert titles["=1+1"] == "s"


def test_a_new_file_creates_offers_and_a_known_kennung_updates_one(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = list_offers(district_ctx)[0]
    changed = {**GOOD, "Kennung": sample.slug, "Titel": "Neuer Titel", "Aktiv": "nein"}
    path = write_csv(tmp_path / "neu.csv", [GOOD, changed])

    report = import_offers(district_ctx, path)

    assert (report.created, report.updated) == (1, 1)
    [new] = [o for o in list_offers(district_ctx) if o.title == GOOD["Titel"]]
    assert (new.slug, new.category, new.municipality_key) == (
        "deutsch-b1-am-abend",
        "sprachkurs",
        "09174126",
    )
    assert (new.languages, new.cefr_levels) == (("de", "ar"), ("A2", "B1"))
    [updated] = [o for o in list_offers(district_ctx, include_inactive=True) if o.id == sample.id]
    assert (updated.title, updated.active, updated.is_sample) == ("Neuer Titel", False, False)
    with district_ctx.db.reading() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert actions[-4:] == ["offer.save", "offer.save", "offer.deactivate", "offers.import"]


@pytest.mark.parametrize(
    ("column", "value", "german"),
    [
        ("Kategorie", "Kochkurs", "Unbekannte Kategorie"),
        ("Titel", "T" * 201, "Titel"),
        ("Gemeinde", "Atlantis", "Unbekannte Gemeinde"),
        ("Niveaus", "B1, D1", "Unbekanntes Sprachniveau"),
        ("Anbieter", "  ", "Anbieter"),
        ("Sprachen", "de, klingonisch", "Unbekannte Sprache"),
        ("Kennung", "Mit Leerzeichen", "Ungültige Kennung"),
        ("Aktiv", "vielleicht", "weder ja noch nein"),
    ],
)
def test_one_wrong_row_changes_nothing_and_names_row_and_column(
    district_ctx: ServiceContext, tmp_path: Path, column: str, value: str, german: str
) -> None:
    before = offers_table(district_ctx)
    rows = [GOOD, {**GOOD, "Titel": "Zweiter Kurs", column: value}, {**GOOD, "Titel": "Dritter"}]
    path = write_csv(tmp_path / "falsch.csv", rows)

    with pytest.raises(CatalogueFileInvalid) as error:
        import_offers(district_ctx, path)

    [problem] = error.value.problems
    assert (problem.row, problem.column) == (3, column)  # header = row 1
    assert f"Zeile 3, Spalte „{column}“" in error.value.message_de
    assert german in error.value.message_de
    assert f"row 3, column {column}" in str(error.value)
    assert offers_table(district_ctx) == before


def test_every_problem_is_collected_and_the_message_is_bounded(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    rows = [{**GOOD, "Kategorie": "x", "Niveaus": "Z9"} for _ in range(30)]
    path = write_csv(tmp_path / "falsch.csv", rows)
    with pytest.raises(CatalogueFileInvalid) as error:
        import_offers(district_ctx, path)
    assert len(error.value.problems) == 60
    assert error.value.message_de.count("Zeile") == 20
    assert error.value.message_de.endswith("und 40 weitere")


def test_the_same_kennung_twice_is_refused(district_ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [{**GOOD, "Kennung": "kurs"}, GOOD, {**GOOD, "Kennung": "kurs"}]
    with pytest.raises(CatalogueFileInvalid) as error:
        import_offers(district_ctx, write_csv(tmp_path / "doppelt.csv", rows))
    [problem] = error.value.problems
    assert (problem.row, problem.column) == (4, "Kennung")
    assert "Zeile 2" in problem.message_de


def test_a_formula_cell_is_not_evaluated_but_refused(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    before = offers_table(district_ctx)
    row = [GOOD[name] for name in HEADER]
    row[2] = '=HYPERLINK("http://example.org","Kurs")'
    path = write_xlsx(tmp_path / "formel.xlsx", [HEADER, [GOOD[n] for n in HEADER], row])
    with pytest.raises(CatalogueFileInvalid) as error:
        import_offers(district_ctx, path)
    [problem] = error.value.problems
    assert (problem.row, problem.column) == (3, "C")
    assert "Formel" in problem.message_de
    assert offers_table(district_ctx) == before


def test_an_xlsx_with_numbers_and_empty_rows_is_read_as_the_sheet_shows_it(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    row: list[Any] = [GOOD[name] for name in HEADER]
    row[2], row[11] = 2026, True  # a number as title, a ticked boolean as Aktiv
    path = write_xlsx(tmp_path / "zahlen.xlsx", [HEADER, [None] * 3, row])
    assert import_offers(district_ctx, path).created == 1
    assert [o.title for o in list_offers(district_ctx) if o.title == "2026"] == ["2026"]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_a_csv_with_either_separator_is_read(
    district_ctx: ServiceContext, tmp_path: Path, separator: str
) -> None:
    path = write_csv(tmp_path / "komma.csv", [GOOD], separator)
    assert import_offers(district_ctx, path).created == 1


def test_a_csv_from_excel_in_windows_1252_is_read(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    lines = [";".join(HEADER), ";".join({**GOOD, "Titel": "Prüfung für Ärzte"}.values())]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    import_offers(district_ctx, path)
    assert "Prüfung für Ärzte" in [o.title for o in list_offers(district_ctx)]


def test_deactivate_missing_is_explicit(district_ctx: ServiceContext, tmp_path: Path) -> None:
    active = len(list_offers(district_ctx))
    path = write_csv(tmp_path / "einer.csv", [{**GOOD, "Kennung": "abendkurs"}])
    assert import_offers(district_ctx, path).deactivated == 0
    assert len(list_offers(district_ctx)) == active + 1  # the others left alone

    report = import_offers(district_ctx, path, deactivate_missing=True)

    assert (report.unchanged, report.deactivated) == (1, active)
    assert [o.title for o in list_offers(district_ctx)] == [GOOD["Titel"]]


@pytest.mark.parametrize(
    ("content", "german"),
    [
        (b"", "ist leer"),
        (b"\xef\xbb\xbf" + ";".join(HEADER).encode(), "nur die Kopfzeile"),
        (";".join(HEADER).encode() + b"\n;;;;\n\n", "nur die Kopfzeile"),
    ],
)
def test_an_empty_file_or_only_a_header_is_refused(
    district_ctx: ServiceContext, tmp_path: Path, content: bytes, german: str
) -> None:
    path = tmp_path / "leer.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as error:
        import_offers(district_ctx, path)
    assert german in error.value.message_de


def test_missing_and_unknown_columns_are_named(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    header = [name for name in HEADER if name != "Niveaus"] + ["Notiz"]
    path = tmp_path / "spalten.csv"
    path.write_text(";".join(header) + "\n" + ";".join("x" * len(header)), encoding="utf-8")
    with pytest.raises(CatalogueFileInvalid) as error:
        import_offers(district_ctx, path)
    assert [(p.row, p.column) for p in error.value.problems] == [(1, "Niveaus"), (1, "Notiz")]
    assert "Spalte „Niveaus“: Spalte fehlt" in error.value.message_de


def test_a_huge_file_or_too_many_rows_is_refused_before_parsing(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    before = offers_table(district_ctx)
    huge = tmp_path / "riesig.csv"
    huge.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(InvalidInput) as error:
        import_offers(district_ctx, huge)
    assert "zu groß" in error.value.message_de
    many = write_csv(tmp_path / "viele.csv", [GOOD] * (MAX_ROWS + 1))
    with pytest.raises(InvalidInput) as error:
        import_offers(district_ctx, many)
    assert f"mehr als {MAX_ROWS} Zeilen" in error.value.message_de
    assert offers_table(district_ctx) == before


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_it_is_opened(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "bombe.xlsx", [HEADER, [GOOD[name] for name in HEADER]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(MAX_UNPACKED_BYTES))
    assert path.stat().st_size < MAX_FILE_BYTES  # small on disk
    with pytest.raises(InvalidInput) as error:
        import_offers(district_ctx, path)
    assert "entpackt zu groß" in error.value.message_de


def test_another_suffix_or_a_broken_xlsx_is_refused(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        export_offers(district_ctx, tmp_path / "katalog.ods")
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"no zip")
    with pytest.raises(InvalidInput, match="not an XLSX"):
        import_offers(district_ctx, broken)


def test_an_office_cannot_import_the_district_catalogue(
    office_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "neu.csv", [GOOD])
    with pytest.raises(Refused):
        import_offers(office_ctx, path)


# Free text as a clerk types it: letters, digits, punctuation, symbols, spaces; leading
# formula characters on purpose.
_TYPED = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=40
)
_TEXT = st.one_of(
    _TYPED,
    st.sampled_from(["=", "+", "-", "@", "'", "'="]).flatmap(lambda c: _TYPED.map(c.__add__)),
)
_OFFERS = st.builds(
    OfferInput,
    category=st.sampled_from(sorted(OFFER_CATEGORIES)),
    title=_TEXT,
    provider=_TEXT,
    address=st.one_of(st.just(""), _TEXT),
    municipality_key=st.sampled_from([None, "Karlsfeld", "09174115"]),
    contact=st.one_of(st.just(""), _TEXT),
    languages=st.lists(st.sampled_from(["de", "ar", "uk", "prs", "ti"]), max_size=3).map(tuple),
    target_group=st.one_of(st.just(""), _TEXT),
    cefr_levels=st.lists(st.sampled_from(["A1", "A2", "B1", "C2"]), max_size=3).map(tuple),
    description=st.one_of(st.just(""), st.lists(_TEXT, max_size=3).map("\n".join)),
)


@settings(
    derandomize=True,
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(offers=st.lists(_OFFERS, min_size=1, max_size=3), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_valid_offers_survive_the_round_trip(
    district_ctx: ServiceContext, tmp_path: Path, offers: list[OfferInput], suffix: str
) -> None:
    for offer in offers:
        try:
            save_offer(district_ctx, offer)
        except InputError:
            assume(False)
    before = offers_table(district_ctx)
    path = tmp_path / f"katalog{suffix}"
    export_offers(district_ctx, path)
    assert import_offers(district_ctx, path).unchanged == len(before)
    assert offers_table(district_ctx) == before


# --- titles per print language (issue 12, item 6) ------------------------------------------


def titles_of(ctx: ServiceContext, title: str) -> dict[str, str]:
    return next(o.titles for o in list_offers(ctx) if o.title == title)


def write_csv_with(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(header)
        writer.writerows([row.get(name, "") for name in header] for row in rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_titles_per_language_travel_through_the_file_and_back(
    district_ctx: ServiceContext, tmp_path: Path, suffix: str
) -> None:
    titles = {"ar": "اللغة الألمانية B1 مساءً", "uk": "Німецька B1 ввечері"}
    data = OfferInput("sprachkurs", "Deutsch B1 am Abend", "VHS", titles=titles)
    slug = save_offer(district_ctx, data).slug
    path = tmp_path / f"katalog{suffix}"
    export_offers(district_ctx, path)
    before = offers_table(district_ctx)

    assert import_offers(district_ctx, path).updated == 0
    assert offers_table(district_ctx) == before
    save_offer(district_ctx, replace(data, titles={}), slug)
    assert titles_of(district_ctx, "Deutsch B1 am Abend") == {}
    import_offers(district_ctx, path)  # the file's Kennung: the exported offer gets them back
    assert titles_of(district_ctx, "Deutsch B1 am Abend") == titles


def test_title_columns_are_optional_and_a_file_without_one_keeps_that_language(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    titles = {"ar": "دورة", "uk": "Курс"}
    view = save_offer(district_ctx, OfferInput("sonstiges", "Kurs", "VHS", titles=titles))
    plain = write_csv(tmp_path / "alt.csv", [{**GOOD, "Kennung": view.slug, "Titel": "Kurs"}])
    import_offers(district_ctx, plain)  # a file of issue 11: no title columns at all
    assert titles_of(district_ctx, "Kurs") == titles
    header = [*HEADER, "title_uk"]
    row = {**GOOD, "Kennung": view.slug, "Titel": "Kurs", "title_uk": "Курс німецької"}
    import_offers(district_ctx, write_csv_with(tmp_path / "uk.csv", header, [row]))
    assert titles_of(district_ctx, "Kurs") == {"ar": "دورة", "uk": "Курс німецької"}


def test_a_wrong_title_cell_names_its_row_and_column_and_changes_nothing(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    before = offers_table(district_ctx)
    header = [*HEADER, "title_ar", "title_fa"]
    rows = [
        {**GOOD, "title_ar": "دورة"},
        {**GOOD, "Titel": "Zwei", "title_fa": "x" * 10_000},
        {**GOOD, "Titel": "Drei", "title_ar": "مخفي\u202e"},
    ]
    with pytest.raises(CatalogueFileInvalid) as refused:
        import_offers(district_ctx, write_csv_with(tmp_path / "falsch.csv", header, rows))
    problems = [(p.row, p.column) for p in refused.value.problems]
    assert problems == [(3, "title_fa"), (4, "title_ar")]
    assert "zu lang" in refused.value.message_de
    assert offers_table(district_ctx) == before


def test_a_title_column_of_a_language_the_pass_does_not_print_is_refused(
    district_ctx: ServiceContext, tmp_path: Path
) -> None:
    header = [*HEADER, "title_xx"]
    with pytest.raises(CatalogueFileInvalid) as refused:
        import_offers(district_ctx, write_csv_with(tmp_path / "xx.csv", header, [GOOD]))
    assert [(p.row, p.column) for p in refused.value.problems] == [(1, "title_xx")]
