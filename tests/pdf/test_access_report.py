"""The printed access report (Art. 15): German first, then Arabic shaped right to left;
page numbers, office and date on every page; stored text bounded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from passapp.domain.dates import PartialDate
from passapp.pdf import text as tx
from passapp.pdf.access_report import (
    AccessReport,
    AuditData,
    CardData,
    CheckData,
    EntryData,
    PassData,
    PersonData,
    Recipient,
    Source,
    _person_lines,
    render_access_report,
    report_texts,
)
from passapp.pdf.translations import SUPPORTED_LANGUAGES
from tests.pdf.helpers import PASS_NUMBER, page_sizes, page_texts, text_fonts_embedded

MADE = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
A4 = (595.28, 841.89)


def sample_report(**person_changes: object) -> AccessReport:
    person = PersonData(
        id="01a2448b-daf9-7ca4-973f-19d77b1be09f",
        family_names="Al-Hassan",
        given_names="Mohammed Abdullah",
        family_names_original="الحسن",
        given_names_original="محمد عبدالله",
        family_names_latin="AL HASSAN",
        given_names_latin="MOHAMMED ABDULLAH",
        birth_date=PartialDate(1990, 5, None),
        sex="m",
        nationalities=("SYR",),
        languages=("ar", "de"),
        arrival_date=PartialDate(2024, 3, 1),
        moved_from_abroad=True,
        municipality="Dachau (09174115)",
        contact="0176 1234567",
        consent=True,
        consent_notice_version="2026-11",
        consent_language="ar",
        consent_recorded_at=MADE - dt.timedelta(days=30),
        registered_at=MADE - dt.timedelta(days=30),
        updated_at=MADE - dt.timedelta(days=2),
    )
    person = dataclasses.replace(person, **person_changes)  # type: ignore[arg-type]
    day = dt.date(2026, 10, 26)
    return AccessReport(
        made_at=MADE,
        made_by="Frau Berger",
        office_code="EWDAH",
        office_name="Einwohnermeldeamt Dachau",
        district_name="Landkreis Dachau",
        person=person,
        source=Source("EWDAH", "Einwohnermeldeamt Dachau", person.registered_at, "Frau Berger"),
        recipients=(
            Recipient("district_identity", "Landkreis Dachau", None, ("all",)),
            Recipient("entry_office", "VHSKA", "VHSKA", ("pass_number",)),
        ),
        retention_years=3,
        retention_is_proposal=True,
        checks=(CheckData(day, "eligible", (), "2026-1", "EWDAH", "Frau Berger"),),
        passes=(
            PassData(
                PASS_NUMBER,
                "EWDAH",
                "active",
                day,
                "Frau Berger",
                ("de", "ar"),
                None,
                None,
                None,
                (CardData(0, day, "Frau Berger"),),
            ),
        ),
        entries=(
            EntryData(
                PASS_NUMBER,
                "beratung",
                "record",
                "abgeschlossen",
                day,
                None,
                None,
                None,
                None,
                None,
                "EWDAH",
                "Frau Berger",
                MADE,
            ),
            EntryData(
                PASS_NUMBER,
                "sprachkurs",
                "record",
                "begonnen",
                day,
                None,
                "Deutsch B1 Abendkurs",
                "VHS Karlsfeld",
                "B1",
                None,
                "VHSKA",
                "Herr Maier",
                MADE,
            ),
        ),
        audit_events=(
            AuditData(
                MADE - dt.timedelta(days=30), "EWDAH", "Frau Berger", "person.register", "person"
            ),
            AuditData(MADE, "EWDAH", "Frau Berger", "person.report", "person"),
        ),
    )


@pytest.fixture(scope="module")
def bilingual() -> bytes:
    return render_access_report(sample_report(), "ar")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_german_part_has_every_section_and_the_data(bilingual: bytes) -> None:
    german = _flat(" ".join(page_texts(bilingual)[:2]))
    for expected in (
        "Auskunft über Ihre Daten (Art. 15 DSGVO)",
        "Diese Auskunft umfasst die Daten dieser Stelle (Einwohnermeldeamt Dachau)",
        "Zwecke der Verarbeitung",
        "Kategorien von Daten",
        "Herkunft der Daten",
        "Erfasst bei Einwohnermeldeamt Dachau (EWDAH) am 26.10.2026 von Frau Berger",
        "Landkreis Dachau: Ihre Namen",
        "VHSKA: Sie haben dort den Pass vorgezeigt",
        "spätestens 3 Jahre nach dem letzten Eintrag",
        "Diese Frist ist ein Vorschlag",
        "Bayerischer Landesbeauftragter für den Datenschutz, Wagmüllerstraße 18, 80538 München",
        "Familienname(n): Al-Hassan",
        "Geburtsdatum: XX.05.1990",
        "Kontakt: 0176 1234567",
        "ja, Hinweis 2026-11 (ar)",
        f"Pass {PASS_NUMBER}: gültig",
        "Sprachkurs · begonnen · Deutsch B1 Abendkurs · VHS Karlsfeld · B1",
        "Bei einer Beratung wird nur festgehalten, dass sie stattfand",
        "Auskunft erstellt",
    ):
        assert expected in german, expected


def test_arabic_part_follows_shaped_right_to_left(bilingual: bytes) -> None:
    pages = page_texts(bilingual)
    arabic_start = next(
        i
        for i, page in enumerate(pages)
        if "معلومات عن بياناتك" in _flat(page) or "معلومات عن بياناتك"[::-1] in _flat(page)
    )
    assert arabic_start >= 1
    assert "Auskunft über Ihre Daten" not in pages[arabic_start]
    arabic = _flat(" ".join(pages[arabic_start:]))
    # pdfium reads joined forms back as letters (NFKC); the order of a right-to-left run
    # may come out either way, as in the pass tests.
    for phrase in ("حقوقك", "الجوازات والبطاقات", "الحسن", "محمد عبدالله"):
        assert phrase in arabic or phrase[::-1] in arabic, phrase
    assert "Wagmüllerstraße 18" in arabic
    assert "Al-Hassan" in arabic


def test_every_page_is_a4_portrait_numbered_with_office_and_date(bilingual: bytes) -> None:
    pages = page_texts(bilingual)
    assert len(pages) >= 2
    assert all(size == pytest.approx(A4, abs=0.1) for size in page_sizes(bilingual))
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
        assert "Einwohnermeldeamt Dachau · Auskunft nach Art. 15 DSGVO · 25.11.2026" in page
    assert all(text_fonts_embedded(bilingual))


def test_german_only_when_no_language_has_texts() -> None:
    pdf = render_access_report(sample_report(), None)
    text = _flat(" ".join(page_texts(pdf)))
    assert "Auskunft über Ihre Daten" in text
    assert "حقوقك" not in text
    assert "حقوقك"[::-1] not in text


def test_overlong_stored_text_is_cut_to_its_field_limit() -> None:
    pdf = render_access_report(sample_report(contact="x" * 5000), None)
    text = "".join(page_texts(pdf))
    assert "x" * 301 not in text.replace("\n", "").replace("\r", "")
    assert "x..." in text  # "…" (NFKC reads it back as three dots)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_print_language_has_every_report_text_with_the_same_placeholders(code: str) -> None:
    german, other = report_texts("de"), report_texts(code)
    assert german is not None
    assert other is not None
    assert set(other.words) == set(german.words)
    for key, text in german.texts.items():
        if key in {"footer", "page"}:  # the footer is German on every page
            continue
        assert _placeholders(other[key]) == _placeholders(text), key


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_print_language_renders_after_the_german_part(code: str) -> None:
    pages = page_texts(render_access_report(sample_report(), code))
    german_only = page_texts(render_access_report(sample_report(), None))
    assert len(pages) > len(german_only)
    second = _flat(" ".join(pages[len(german_only) :]))
    # pdfium reports the words of a right-to-left line from the right (see above).
    assert "0176 1234567" in second or "1234567 0176" in second
    assert "Wagmüllerstraße 18" in second


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_stored_values_keep_their_order_inside_right_to_left_lines(code: str) -> None:
    texts = report_texts(code)
    assert texts is not None
    drawn = []
    for row in _person_lines(sample_report().person, texts):
        for line in tx.wrap(row, "regular", 9, 480, rtl=True):
            drawn.append("".join(run.text for run in line.runs))  # left to right on paper
    assert any(row.startswith("0176 1234567 :") for row in drawn), drawn
    assert any(row.startswith("Dachau (09174115) :") for row in drawn), drawn
