"""Files handed between offices: read carefully, written whole or not at all."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from passapp.atomic import atomic_output
from passapp.services.errors import InvalidInput

MAX_SMALL_FILE = 20 * 1024 * 1024  # requests, packages and trust lists are far smaller


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (:mod:`passapp.atomic`)."""
    with atomic_output(path) as stream:
        stream.write(content)


def write_xlsx(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> None:
    """A workbook of named sheets, written whole or not at all. Every text is a string
    cell: openpyxl would store "=…" as a formula, and a string cell is never run.

    Built in memory, not in openpyxl's write-only mode: that mode streams each sheet
    into a temporary file, and a save that fails (a full disk, a folder gone) left the
    files and their open writers behind until the process ended. The district's reports
    and the catalogue are a few thousand rows at most."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
    with atomic_output(path) as stream:
        book.save(stream)


def read_json_file(path: Path, *formats: str) -> dict[str, Any]:
    """Read one of our JSON files and check its ``format`` field."""
    path = Path(path)
    _check_small_regular_file(path, formats[0])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        # ValueError covers broken JSON, bad UTF-8 and numbers past Python's digit limit;
        # RecursionError arrays nested thousands deep.
        raise InvalidInput(
            f"cannot read {path}: {error}", f"Die Datei {path.name} ist nicht lesbar."
        ) from error
    if not isinstance(data, dict) or data.get("format") not in formats:
        expected = " or ".join(formats)
        raise InvalidInput(
            f"{path} is not a {expected} file",
            f"Die Datei {path.name} hat nicht das erwartete Format.",
        )
    if data.get("version") != 1:
        raise InvalidInput(
            f"{path} has format version {data.get('version')!r}, this program reads version 1",
            f"Die Datei {path.name} hat eine unbekannte Formatversion.",
        )
    return data


def _check_small_regular_file(path: Path, kind: str) -> None:
    try:
        details = path.stat()
    except FileNotFoundError:
        raise InvalidInput(f"file not found: {path}", f"Datei nicht gefunden: {path}") from None
    except OSError as error:
        raise InvalidInput(
            f"cannot read {path}: {error}", f"Die Datei {path.name} ist nicht lesbar."
        ) from error
    if not stat.S_ISREG(details.st_mode):
        # A FIFO would block and /dev/zero never ends: only regular files are read.
        raise InvalidInput(f"{path} is not a regular file", f"{path} ist keine gewöhnliche Datei.")
    if details.st_size > MAX_SMALL_FILE:
        raise InvalidInput(
            f"{path} is too large for a {kind} file", f"Die Datei {path.name} ist zu groß."
        )
