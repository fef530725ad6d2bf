"""The entry sheet lists the holder's entries on A4."""

from __future__ import annotations

import datetime as dt

import pytest

from passapp.domain.dates import PartialDate
from passapp.pdf import EntryLine, EntrySheet, render_entry_sheet
from tests.pdf.helpers import PASS_NUMBER, page_sizes, page_texts, text_fonts_embedded

A4_PORTRAIT = (595.28, 841.89)


def _entry(day: int, title: str, note: str | None = None) -> EntryLine:
    return EntryLine(
        date=dt.date(2026, 1, day),
        kind_label="Sprachkurs",
        title=title,
        provider="Volkshochschule Dachau",
        level="A2",
        result="bestanden",
        office="Einwohnermeldeamt Dachau",
        status_label="Abgeschlossen",
        note=note,
    )


def _sheet(entries: list[EntryLine], language: str | None = "ar") -> EntrySheet:
    return EntrySheet(
        pass_number=PASS_NUMBER,
        family_names="Al-Hassan",
        given_names="Mohammed",
        birth_date=PartialDate(1990, None, None),
        printed_on=dt.date(2026, 11, 25),
        office_name="Migrationsberatung Dachau",
        language=language,
        entries=entries,
    )


@pytest.mark.parametrize("language", [None, "en", "ar", "fa", "uk", "ru", "tr"])
def test_entry_sheet_lists_its_entries(language: str | None) -> None:
    entries = [
        _entry(10, "Deutsch A2 – Abendkurs"),
        EntryLine(
            dt.date(2026, 2, 3),
            "Beratung",
            None,
            "MBE Caritas",
            None,
            None,
            "MBE Dachau",
            None,
            "storniert",
        ),
    ]
    pdf = render_entry_sheet(_sheet(entries, language))
    sizes = page_sizes(pdf)
    assert sizes == [pytest.approx(A4_PORTRAIT, abs=0.5)]
    text = page_texts(pdf)[0]
    for expected in (
        "Übersicht der Einträge",
        "Al-Hassan",
        "Mohammed",
        "XX.XX.1990",
        PASS_NUMBER,
        "10.01.2026",
        "Deutsch A2 – Abendkurs",
        "03.02.2026",
        "MBE Caritas",
        "storniert",
        "25.11.2026",
    ):
        assert expected in text
    assert all(text_fonts_embedded(pdf))


def test_long_record_runs_onto_more_pages_with_page_numbers() -> None:
    entries = [_entry(1 + n % 28, f"Kurs Nummer {n}") for n in range(60)]
    pdf = render_entry_sheet(_sheet(entries, None))
    texts = page_texts(pdf)
    assert len(texts) > 1
    assert f"Seite 2 von {len(texts)}" in texts[1]
    joined = "\n".join(texts)
    for n in range(60):
        assert f"Kurs Nummer {n}\r" in joined or f"Kurs Nummer {n}\n" in joined


def test_empty_record_says_so() -> None:
    text = page_texts(render_entry_sheet(_sheet([], "en")))[0]
    assert "Bisher keine Einträge." in text
    assert "No entries yet." in text
