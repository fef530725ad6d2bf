"""The offers catalogue as a spreadsheet file (issue 11): CSV or XLSX, in and out.

Export writes every offer (also inactive ones) under German headers, the lists as
comma-separated text. Import checks every row with the rules of ``offers.save_offer``
(each column alone, so every problem names its row and column), and writes nothing if any
row is wrong; otherwise all rows go in ONE transaction: rows with a known Kennung update
that offer, the others create one. Offers missing from the file stay as they are, unless
``deactivate_missing`` is given. See docs/DESIGN-NOTES.md, "Catalogue files (issue 11)".
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from passapp.atomic import atomic_output
from passapp.domain.errors import InputError
from passapp.models.entities import Municipality, Offer
from passapp.pdf.translations import SUPPORTED_LANGUAGES
from passapp.services import audit
from passapp.services.context import ServiceContext
from passapp.services.errors import InvalidInput
from passapp.services.files import write_xlsx
from passapp.services.offers import (
    OfferInput,
    checked_offer_values,
    checked_slug,
    district_office_code,
    store_active,
    store_offer,
)

# German header → the field of OfferInput (None: handled here). Export writes this order.
COLUMNS: Final[dict[str, str]] = {
    "Kennung": "slug",
    "Kategorie": "category",
    "Titel": "title",
    "Anbieter": "provider",
    "Adresse": "address",
    "Gemeinde": "municipality_key",
    "Kontakt": "contact",
    "Sprachen": "languages",
    "Zielgruppe": "target_group",
    "Niveaus": "cefr_levels",
    "Beschreibung": "description",
    "Aktiv": "active",
}
# The title in each print language: optional columns (a file without them leaves the
# offers' titles as they are; an empty cell removes that language's title).
TITLE_COLUMNS: Final[dict[str, str]] = {f"title_{code}": code for code in SUPPORTED_LANGUAGES}
_INPUT_FIELDS: Final = ("category", "title", "provider", "address", "municipality_key")
_INPUT_FIELDS_MORE: Final = ("contact", "languages", "target_group", "cefr_levels", "description")
_LIST_FIELDS: Final = frozenset({"languages", "cefr_levels"})
YES: Final = frozenset({"ja", "j", "yes", "y", "x", "1", "wahr", "true"})
NO: Final = frozenset({"nein", "n", "no", "0", "falsch", "false"})

# A district's catalogue has hundreds of offers; far more is a wrong file.
MAX_FILE_BYTES: Final = 5_000_000
MAX_UNPACKED_BYTES: Final = 50_000_000  # an XLSX is a zip: bounded before it is opened
MAX_ROWS: Final = 5_000
MAX_PROBLEMS_SHOWN: Final = 20
# Excel runs a CSV cell starting with these as a formula (OWASP "CSV injection").
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS: Final = (";", ",", "\t")
# A valid stand-in for the columns not under test, so one column's complaint is its own.
_PLACEHOLDER: Final = OfferInput(category="sonstiges", title="x", provider="x")


@dataclass(frozen=True, slots=True)
class Problem:
    row: int  # as the spreadsheet shows it: the header is row 1
    column: str
    message_en: str
    message_de: str

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "error": self.message_en,
            "error_de": self.message_de,
        }


class CatalogueFileInvalid(InvalidInput):
    """The file's rows are wrong; ``problems`` names each (row, column); nothing written."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        english = "; ".join(f"row {p.row}, column {p.column}: {p.message_en}" for p in shown)
        german = "; ".join(f"Zeile {p.row}, Spalte „{p.column}“: {p.message_de}" for p in shown)
        super().__init__(
            f"nothing imported, {len(problems)} problem(s): {english}"
            + (f"; and {more} more" if more else ""),
            f"Nichts importiert, {len(problems)} Fehler: {german}"
            + (f"; und {more} weitere" if more else ""),
        )
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    deactivated: int

    def to_json(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deactivated": self.deactivated,
        }


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    cells: dict[str, str]  # header → text


# --- export ------------------------------------------------------------------------------


def export_offers(ctx: ServiceContext, path: Path) -> int:
    """Write the whole catalogue (active and inactive) to ``path`` (.csv or .xlsx);
    returns the number of offers."""
    kind = file_kind(path)
    with ctx.db.reading() as session:
        rows = list(_export_rows(session))
    if kind == "csv":
        _write_csv(path, rows)
    else:
        _write_xlsx(path, rows)
    return len(rows) - 1


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput(
            f"{path.name}: a catalogue file ends in .csv or .xlsx",
            f"{path.name}: Eine Katalogdatei endet auf .csv oder .xlsx.",
        )
    return suffix[1:]


def _export_rows(session: Session) -> Iterator[list[str]]:
    names = {
        row.key: row.name for row in session.execute(select(Municipality.key, Municipality.name))
    }
    yield [*COLUMNS, *TITLE_COLUMNS]
    for offer in session.scalars(select(Offer).order_by(Offer.category, Offer.title)):
        yield [
            offer.slug,
            offer.category,
            offer.title,
            offer.provider,
            offer.address or "",
            names.get(offer.municipality_key or "", offer.municipality_key or ""),
            offer.contact or "",
            ", ".join(offer.languages or ()),
            offer.target_group or "",
            ", ".join(offer.cefr_levels or ()),
            offer.description or "",
            "ja" if offer.active else "nein",
            *((offer.titles or {}).get(code, "") for code in TITLE_COLUMNS.values()),
        ]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    # UTF-8 with BOM and ";": what a German Excel opens by double-click, umlauts intact.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([_defused(cell) for cell in row] for row in rows)
    with atomic_output(path) as stream:
        stream.write(buffer.getvalue().encode("utf-8-sig"))


def _defused(cell: str) -> str:
    """A cell Excel would run as a formula, made plain text by a leading apostrophe."""
    # A cell starting with the apostrophe itself gets one too, so import can tell them apart.
    return "'" + cell if cell.startswith((*_FORMULA_START, "'")) else cell


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    write_xlsx(path, [("Angebote", list(rows))])


# --- import ------------------------------------------------------------------------------


def import_offers(
    ctx: ServiceContext, path: Path, *, deactivate_missing: bool = False
) -> ImportReport:
    """Check every row of the file and apply them all in one transaction, or none."""
    rows = read_rows(path)
    with ctx.db.transaction() as session:
        office_code = district_office_code(session)
        checked = _checked_rows(session, rows)
        languages = {TITLE_COLUMNS[h] for h in rows[0].cells if h in TITLE_COLUMNS}
        report = _apply(session, ctx.clerk, office_code, checked, deactivate_missing, languages)
        audit.record(
            session,
            actor=ctx.clerk,
            office_code=office_code,
            action="offers.import",
            object_type="offer",
            object_id=None,
            details={"file": path.name, **report.to_json()},
        )
        return report


def read_rows(path: Path) -> list[_Row]:
    """The file's data rows (header checked, empty rows skipped), bounded in size."""
    kind = file_kind(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InvalidInput(
            f"{path.name} is {size} bytes; a catalogue file has at most {MAX_FILE_BYTES}",
            f"{path.name} ist zu groß ({size} Bytes, höchstens {MAX_FILE_BYTES}).",
        )
    lines = _csv_lines(path) if kind == "csv" else _xlsx_lines(path)
    header = next(lines, None)
    if header is None or not any(cell.strip() for cell in header):
        raise InvalidInput(f"{path.name} is empty", f"{path.name} ist leer.")
    columns = _checked_header(header)
    rows: list[_Row] = []
    for number, cells in enumerate(lines, start=2):
        if number - 1 > MAX_ROWS:
            raise InvalidInput(
                f"{path.name} has more than {MAX_ROWS} rows",
                f"{path.name} hat mehr als {MAX_ROWS} Zeilen.",
            )
        if any(cell.strip() for cell in cells):
            texts = {name: cells[i] if i < len(cells) else "" for i, name in columns.items()}
            rows.append(_Row(number, texts))
    if not rows:
        raise InvalidInput(
            f"{path.name} holds no offers, only the header",
            f"{path.name} enthält keine Angebote, nur die Kopfzeile.",
        )
    return rows


def _checked_header(header: list[str]) -> dict[int, str]:
    """Column index → German header; every column of COLUMNS exactly once, no others."""
    by_folded = {name.casefold(): name for name in (*COLUMNS, *TITLE_COLUMNS)}
    columns: dict[int, str] = {}
    unknown = []
    for index, cell in enumerate(header):
        text = cell.strip()
        if not text:
            continue  # an empty header cell, often trailing in spreadsheets
        name = by_folded.get(text.casefold())
        if name is None or name in columns.values():
            unknown.append(text)
        else:
            columns[index] = name
    missing = [name for name in COLUMNS if name not in columns.values()]
    if unknown or missing:
        raise CatalogueFileInvalid(
            [
                *(Problem(1, name, "column missing", "Spalte fehlt.") for name in missing),
                *(
                    Problem(
                        1, text, "unknown or repeated column", "Unbekannte oder doppelte Spalte."
                    )
                    for text in unknown
                ),
            ]
        )
    return columns


def _csv_lines(path: Path) -> Iterator[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV (Trennzeichen-getrennt)" writes Windows-1252 in Germany.
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    separator = max(_SEPARATORS, key=first_line.count)
    for cells in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
        yield [_undefused(cell) for cell in cells]


def _undefused(cell: str) -> str:
    """The export's apostrophe before a formula character taken off again."""
    if cell.startswith("'") and cell[1:].startswith((*_FORMULA_START, "'")):
        return cell[1:]
    return cell


def _xlsx_lines(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise InvalidInput(
            f"{path.name} is not an XLSX file", f"{path.name} ist keine XLSX-Datei."
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InvalidInput(
            f"{path.name} unpacks to {unpacked} bytes (at most {MAX_UNPACKED_BYTES})",
            f"{path.name} ist entpackt zu groß ({unpacked} Bytes).",
        )
    # read_only streams the rows; formulas stay text (data_only=False) and are refused.
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = book.worksheets[0]
        width = (
            len(COLUMNS) + len(TITLE_COLUMNS) + 20
        )  # room for empty or unknown columns, never unbounded
        for number, row in enumerate(sheet.iter_rows(max_col=width), start=1):
            yield [_cell_text(cell, number, index) for index, cell in enumerate(row)]
    finally:
        book.close()


def _cell_text(cell: Any, row: int, index: int) -> str:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        from openpyxl.utils import get_column_letter

        # Never evaluated, and a cached result may be stale: the cell must hold a value.
        raise CatalogueFileInvalid(
            [
                Problem(
                    row,
                    get_column_letter(index + 1),
                    f"formula {value!r}: paste the value instead",
                    f"Formel „{value}“: bitte den Wert statt der Formel eintragen.",
                )
            ]
        )
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _checked_rows(
    session: Session, rows: list[_Row]
) -> list[tuple[str | None, dict[str, Any], bool]]:
    """(slug, checked values, active) per row, or every problem of every row."""
    problems: list[Problem] = []
    checked = []
    seen: dict[str, int] = {}
    keys = _municipality_keys(session)
    for row in rows:
        row_problems, result = _checked_row(session, row, keys)
        slug = result[0] if result else row.cells["Kennung"].strip()
        if slug and slug in seen:
            row_problems.append(
                Problem(
                    row.number,
                    "Kennung",
                    f"offer id {slug!r} also in row {seen[slug]}",
                    f"Kennung „{slug}“ steht schon in Zeile {seen[slug]}.",
                )
            )
        if slug:
            seen.setdefault(slug, row.number)
        problems += row_problems
        if result and not row_problems:
            checked.append(result)
    if problems:
        raise CatalogueFileInvalid(problems)
    return checked


def _checked_row(
    session: Session, row: _Row, keys: dict[str, str]
) -> tuple[list[Problem], tuple[str | None, dict[str, Any], bool] | None]:
    data = _offer_input(row.cells, keys)
    try:
        slug = checked_slug(row.cells["Kennung"]) if row.cells["Kennung"].strip() else None
        return [], (slug, checked_offer_values(session, data), _active(row.cells["Aktiv"]))
    except InputError:
        return _column_problems(session, row, data), None


def _column_problems(session: Session, row: _Row, data: OfferInput) -> list[Problem]:
    """Every complaint about the row, each checked with the others valid: it is its own."""
    problems: list[Problem] = []
    for header, field in COLUMNS.items():
        try:
            if field == "slug":
                if row.cells[header].strip():
                    checked_slug(row.cells[header])
            elif field == "active":
                _active(row.cells[header])
            else:
                checked_offer_values(
                    session, replace(_PLACEHOLDER, **{field: getattr(data, field)})
                )
        except InputError as error:
            problems.append(Problem(row.number, header, str(error), error.message_de))
    for header, code in TITLE_COLUMNS.items():
        if header in row.cells:
            try:
                checked_offer_values(
                    session, replace(_PLACEHOLDER, titles={code: row.cells[header]})
                )
            except InputError as error:
                problems.append(Problem(row.number, header, str(error), error.message_de))
    return problems


def _municipality_keys(session: Session) -> dict[str, str]:
    """Each municipality's folded name and key → its key: read once per file, so a row's
    name is looked up without a query (the rule of save_offer still checks the key)."""
    keys: dict[str, str] = {}
    for row in session.execute(select(Municipality.key, Municipality.name)):
        keys[row.name.casefold()] = keys[row.key] = row.key
    return keys


def _offer_input(cells: dict[str, str], keys: dict[str, str]) -> OfferInput:
    place = cells["Gemeinde"].strip()
    values: dict[str, Any] = {"municipality_key": keys.get(place.casefold(), place)}
    for header, field in COLUMNS.items():
        if field in _LIST_FIELDS:
            values[field] = tuple(part.strip() for part in cells[header].split(",") if part.strip())
        elif field != "municipality_key" and (
            field in _INPUT_FIELDS or field in _INPUT_FIELDS_MORE
        ):
            values[field] = cells[header]
    titles = {code: cells[header] for header, code in TITLE_COLUMNS.items() if header in cells}
    return OfferInput(**values, titles=titles)


def _active(text: str) -> bool:
    word = text.strip().casefold()
    if not word or word in YES:
        return True
    if word in NO:
        return False
    raise InvalidInput(
        f"Aktiv is {text!r}: ja or nein", f"„{text.strip()}“ ist weder ja noch nein."
    )


def _apply(
    session: Session,
    actor: str,
    office_code: str,
    rows: Iterable[tuple[str | None, dict[str, Any], bool]],
    deactivate_missing: bool,
    title_languages: set[str],
) -> ImportReport:
    created = updated = unchanged = deactivated = 0
    known = {offer.slug: offer for offer in session.scalars(select(Offer))}
    in_file: set[str] = set()
    for slug, values, active in rows:
        existing = known.get(slug) if slug else None
        before = None if existing is None else _state(existing)
        if existing is not None:
            values = {**values, "titles": _merged_titles(existing, values, title_languages)}
        view = store_offer(session, actor, office_code, values, slug)
        offer = session.get_one(Offer, view.id)  # in the session already: no query
        store_active(session, actor, office_code, offer, active)
        in_file.add(offer.slug)
        if existing is None:
            created += 1
        elif before == _state(offer):
            unchanged += 1
        else:
            updated += 1
    if deactivate_missing:
        for offer in known.values():
            if offer.active and offer.slug not in in_file:
                store_active(session, actor, office_code, offer, False)
                deactivated += 1
    return ImportReport(created, updated, unchanged, deactivated)


def _merged_titles(offer: Offer, values: dict[str, Any], languages: set[str]) -> Any:
    """The file's titles for the languages it has columns for, the offer's for the rest."""
    kept = {code: text for code, text in (offer.titles or {}).items() if code not in languages}
    return {**kept, **(values["titles"] or {})} or None


def _state(offer: Offer) -> tuple[Any, ...]:
    fields = ("active", "titles", *_INPUT_FIELDS, *_INPUT_FIELDS_MORE)
    return tuple(
        tuple(value) if isinstance(value := getattr(offer, f), list) else value for f in fields
    )
